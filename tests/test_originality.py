"""The content is written in the project's own words: no 9-word or 12-Han-character run in
common with the source article (../shared/reference/pmr-article.txt), references included.

The one exception is the title of each cited work: a reference must give it word for word, and the
article's reference list gives the same titles. Only these exact titles are exempt."""

import pathlib
import re

import pytest

from tests.conftest import CONTENT, ROOT

ARTICLE = ROOT.parent / "shared" / "reference" / "pmr-article.txt"
HAN = re.compile(r"[\u3400-\u9fff]")
CITED_TITLES = (
    "Efficacy of abbreviated progressive muscle relaxation in a high-stress college sample",
    "Efficacy of progressive muscle relaxation in adults for stress, anxiety, and depression: "
    "a systematic review",
    "Effectiveness of progressive muscle relaxation, deep breathing, and guided imagery in "
    "promoting psychological and physiological states of relaxation",
)


def without_cited_titles(text: str) -> str:
    """The text with each cited title replaced by a marker, so no run reaches across it."""
    for title in CITED_TITLES:
        text = re.sub(re.escape(title), " citedtitle ", text, flags=re.IGNORECASE)
    return text


def word_runs(text: str, length: int = 9) -> set[tuple[str, ...]]:
    words = re.findall(r"[^\W_]+", text.lower())
    return {tuple(words[i : i + length]) for i in range(len(words) - length + 1)}


def han_runs(text: str, length: int = 12) -> set[str]:
    han = "".join(HAN.findall(text))
    return {han[i : i + length] for i in range(len(han) - length + 1)}


@pytest.fixture(scope="module")
def article() -> str:
    if not ARTICLE.is_file():
        pytest.skip("the reference article is not beside this checkout")
    return ARTICLE.read_text(encoding="utf-8")


def content_files() -> list[pathlib.Path]:
    return sorted(CONTENT.glob("*/*.md")) + sorted(CONTENT.glob("*/*.po"))


@pytest.mark.parametrize("path", content_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_long_run_in_common_with_the_article(path: pathlib.Path, article: str) -> None:
    text = without_cited_titles(path.read_text(encoding="utf-8"))
    shared_words = word_runs(text) & word_runs(article)
    shared_han = han_runs(text) & han_runs(article)
    assert not shared_words, sorted(" ".join(run) for run in shared_words)[:5]
    assert not shared_han, sorted(shared_han)[:5]


def test_the_checker_finds_a_copied_sentence(article: str) -> None:
    copied = "Make sure you are taking slow, controlled breaths during this sequence."
    assert word_runs(copied) & word_runs(article)
    assert han_runs("当你拉紧每个肌肉群时吸气，然后在放松时呼气。") & han_runs(article)


def test_only_the_cited_titles_are_exempt(article: str) -> None:
    references = article[article.index("\nReferences") :]
    for title in CITED_TITLES:
        assert title.lower() in references.lower()  # a title the article cites, nothing else
    marked = without_cited_titles("one two three " + CITED_TITLES[0].upper() + " four five")
    assert word_runs(marked, 6) == {("one", "two", "three", "citedtitle", "four", "five")}
