"""Bilingual editions (`--lang bi`): English and Chinese in parallel."""

from __future__ import annotations

import pytest

from pmr_print import api
from pmr_print.cli import main
from pmr_print.options import PrintOptions, resolve_pair
from pmr_print.problems import ContentError, UsageError
from tests.conftest import edit, line_of


@pytest.fixture(scope="module")
def pair() -> api.Bilingual:
    return api.load("bi")


@pytest.fixture
def no_locale_environment(monkeypatch) -> None:
    for variable in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def test_bi_loads_the_english_and_the_chinese_guide(pair) -> None:
    assert isinstance(pair, api.Bilingual) and pair.lang == "bi"
    assert [guide.lang for guide in pair.guides] == ["en", "zh"]
    assert pair.en == api.load("en") and pair.zh == api.load("zh")


def test_bi_needs_both_languages_to_agree_beyond_the_wording(content_copy) -> None:
    guide = content_copy / "zh" / "guide.md"
    line = line_of(guide, "{#feet")
    text = guide.read_text(encoding="utf-8").splitlines()[line - 1]
    edit(guide, text, text.replace("tense=5", "tense=7"))
    assert api.load("zh", content_copy).group("feet").tense_seconds == 7  # fine on its own
    with pytest.raises(ContentError) as error:
        api.load("bi", content_copy)
    assert f"{guide}:{line}: timing of 'feet' differs from en" in str(error.value)


@pytest.mark.parametrize(
    ("locale", "paper", "first_weekday", "en_locale", "zh_locale"),
    [
        (None, "letter", 6, "en_US", "zh_Hans_CN"),  # no locale anywhere: as for English
        ("en_GB", "a4", 0, "en_GB", "zh_Hans_CN"),
        ("zh_CN", "a4", 0, "en_US", "zh_Hans_CN"),
        ("zh_SG", "a4", 6, "en_SG", "zh_Hans_SG"),
        ("en_CA", "letter", 6, "en_CA", "zh_Hans_CN"),
    ],
)
def test_the_locale_decides_paper_and_week_and_each_side_formats_its_own_dates(
    pair, no_locale_environment, locale, paper, first_weekday, en_locale, zh_locale
) -> None:
    en, zh = resolve_pair(PrintOptions(lang="bi", locale=locale), pair)
    assert en.theme == zh.theme and en.theme.paper == paper
    assert en.first_weekday == zh.first_weekday == first_weekday
    assert (str(en.locale), str(zh.locale)) == (en_locale, zh_locale)
    assert en.protocol.id == zh.protocol.id == "standard"
    assert en.protocol.name != zh.protocol.name


def test_an_english_or_chinese_environment_decides_for_bi(pair, monkeypatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    en, zh = resolve_pair(PrintOptions(lang="bi"), pair)
    assert en.theme.paper == "a4" and str(zh.locale) == "zh_Hans_CN"


def test_bi_takes_no_locale_of_a_third_language(pair) -> None:
    with pytest.raises(UsageError, match="--locale fr_FR is not a 'en' or 'zh' locale"):
        resolve_pair(PrintOptions(lang="bi", locale="fr_FR"), pair)


def test_a_product_without_a_bilingual_edition_says_so_in_one_line(tmp_path, capsys) -> None:
    out = tmp_path / "log.pdf"
    assert main(["log", "--lang", "bi", "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert error == (
        "pmr-print: the practice log has no bilingual edition (--lang bi) yet; "
        "use --lang en or --lang zh\n"
    )
    assert not out.exists()
