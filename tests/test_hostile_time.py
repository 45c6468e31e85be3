"""Class 3 of issue 15: time linear in the length of text (and absurd lengths refused early)."""

from __future__ import annotations

import time

import pytest

from pmr_print import api
from pmr_print.pdf.fonts import han_family, latin_family
from pmr_print.pdf.markup import Faces, runs
from pmr_print.pdf.text import fit_line, text_width
from tests.conftest import edit

pytestmark = pytest.mark.slow  # absurd lengths, on purpose: seconds of CPU each

FACES = Faces(latin_family(large_print=False), han_family())


def seconds(work) -> float:  # type: ignore[no-untyped-def]
    """The CPU time this process spends on `work`: on a shared machine the wall clock also
    counts the other processes' turns, and a limit on it fails when the machine is busy."""
    start = time.process_time()
    work()
    return time.process_time() - start


def test_markup_runs_are_built_per_run_not_per_character() -> None:
    text = "Jane Miller 王芳 " * 20_000  # 300,000 characters, 40,000 runs
    assert seconds(lambda: runs(text, FACES, "t")) < 5
    assert "".join(piece for _, piece in runs(text, FACES, "t")) == text


def test_fitting_a_line_is_one_pass_over_the_text() -> None:
    for text in ("Maximilian " * 5_000, "王芳" * 25_000):
        assert seconds(lambda t=text: fit_line(t, 300, 9, FACES, "t")) < 3
        cut = fit_line(text, 300, 9, FACES, "t")
        assert cut.endswith("…") and text.startswith(cut[:-1])
        assert text_width(cut, 9, FACES, "t") <= 300
    cut = fit_line("王芳" * 25_000, 300, 9, FACES, "t")
    longer = "王芳" * 25_000
    assert text_width(longer[: len(cut)] + "…", 9, FACES, "t") > 300  # not one more fits


def test_a_short_text_is_not_cut() -> None:
    assert fit_line("Jane", 300, 9, FACES, "t") == "Jane"


def test_check_on_a_paragraph_of_400_000_words_is_quick(content_copy) -> None:
    guide = content_copy / "en" / "guide.md"
    text = guide.read_text(encoding="utf-8")
    first_section = text.index("\n## ")
    paragraph_end = text.index("\n\n", first_section + 4)
    edit(
        guide,
        text[first_section:paragraph_end],
        text[first_section:paragraph_end] + " word" * 400_000,
    )
    assert seconds(lambda: api.check(content_copy)) < 10
