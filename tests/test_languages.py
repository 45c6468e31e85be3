"""The language records: a tag finds its language's punctuation, faces, locale and form font."""

import argparse
import datetime as dt
import io
import pathlib
import shutil

import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from pmr_print import api
from pmr_print.commands import print_options
from pmr_print.languages import ENGLISH, SIMPLIFIED_CHINESE, Language, UnknownLanguage, language
from pmr_print.options import PrintOptions, resolve, resolve_pair
from pmr_print.problems import UsageError
from pmr_print.web.app import make_app


@pytest.mark.parametrize(
    ("tag", "record", "locale", "bcp47"),
    [
        ("en", ENGLISH, "en_US", "en-US"),
        ("en-GB", ENGLISH, "en_GB", "en-GB"),
        ("zh", SIMPLIFIED_CHINESE, "zh_CN", "zh-Hans-CN"),
        ("zh-Hans", SIMPLIFIED_CHINESE, "zh_CN", "zh-Hans-CN"),
        ("zh-CN", SIMPLIFIED_CHINESE, "zh_CN", "zh-Hans-CN"),
        ("zh-SG", SIMPLIFIED_CHINESE, "zh_SG", "zh-Hans-SG"),
    ],
)
def test_a_tag_finds_its_language_and_default_locale(
    tag: str, record: Language, locale: str, bcp47: str
) -> None:
    found = language(tag)
    assert (found.tag, found.colon) == (record.tag, record.colon)
    assert (found.default_locale, found.bcp47()) == (locale, bcp47)


@pytest.mark.parametrize("tag", ["fr", "zh-Hant", "bi", "not a tag"])
def test_an_unknown_language_is_named_in_one_line(tag: str) -> None:
    with pytest.raises(UnknownLanguage) as error:
        language(tag)
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(f"unknown language {tag!r}: pmr-print prints en, zh-Hans")


def test_the_records_punctuate_and_date_their_language() -> None:
    zh, en = language("zh"), language("en")
    assert zh.labelled("练习方案", "标准") == "练习方案：标准"
    assert en.labelled("Protocol", "Standard") == "Protocol: Standard"
    day = dt.date(2026, 3, 15)
    assert zh.long_date(day, zh.locale()) == "2026年3月15日"
    assert en.long_date(day, en.locale()) == "March 15, 2026"
    assert zh.duration(255, api.load("zh").labels) == "4分15秒"
    assert en.duration(240, api.load("en").labels) == "4 min"


@pytest.fixture(scope="module")
def third(tmp_path_factory: pytest.TempPathFactory) -> api.Guide:
    """A third content folder: content/zh copied under another Simplified Chinese tag."""
    content = tmp_path_factory.mktemp("content")
    shutil.copytree(api.default_content_dir() / "zh", content / "zh-SG")
    guide = content / "zh-SG" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("lang: zh\n", "lang: zh-SG\n", 1))
    return api.load_guide(content, "zh-SG")


def pdf_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_third_folder_prints_handout_cards_and_log_without_code(third: api.Guide) -> None:
    zh = api.load("zh")
    log = api.LogDetails(start=dt.date(2026, 3, 9))
    for make in (
        lambda guide: api.handout_pdf(guide, details=api.HandoutDetails(date=dt.date(2026, 3, 9))),
        api.cards_pdf,
        lambda guide: api.log_pdf(guide, details=log),
    ):
        pdf = make(third)
        reader = PdfReader(io.BytesIO(pdf))
        assert [round(float(p.mediabox.width)) for p in reader.pages][0] in (595, 842)  # A4
        assert str(reader.trailer["/Root"]["/Lang"]).startswith("zh")
        assert pdf_text(pdf) == pdf_text(make(zh))  # the same words, punctuation and dates
    assert "收紧5秒：" in pdf_text(api.cards_pdf(third))[0]


# The language lives in the edition: paper, dates and first weekday are decided in one order
# everywhere: the paper option, the locale option, the request's region, the language's default.


def test_a_chinese_guide_with_default_options_prints_on_a4_with_monday_weeks() -> None:
    zh = api.load("zh")
    handout = PdfReader(io.BytesIO(api.handout_pdf(zh, PrintOptions(large_print=True))))
    assert round(float(handout.pages[0].mediabox.height)) == 842  # A4, not Letter's 792
    settings = resolve(PrintOptions(large_print=True), zh)
    assert (settings.theme.paper, settings.first_weekday, str(settings.locale)) == (
        "a4",
        0,
        "zh_Hans_CN",
    )
    log = api.log_pdf(zh, PrintOptions(), api.LogDetails(today=dt.date(2026, 3, 11)))
    days = [line for line in pdf_text(log)[0].splitlines() if line.startswith("星期")]
    assert days[:2] == ["星期", "星期一"]  # the column, then Monday 16 March: the coming week


@pytest.mark.parametrize(
    ("lang", "options", "paper", "first_weekday", "locale"),
    [
        ("zh", PrintOptions(), "a4", 0, "zh_Hans_CN"),  # the language's default
        ("en", PrintOptions(), "letter", 6, "en_US"),
        ("zh", PrintOptions(region="en-US"), "letter", 6, "zh_Hans_CN"),  # any language's region
        ("en", PrintOptions(region="zh-CN"), "a4", 0, "en_US"),
        ("en", PrintOptions(region="en"), "letter", 6, "en_US"),  # no territory: no region
        ("zh", PrintOptions(region="zh-TW"), "a4", 6, "zh_Hans_CN"),  # Traditional: not its dates
        ("en", PrintOptions(locale="en_GB", region="en-US"), "a4", 0, "en_GB"),  # locale first
        ("zh", PrintOptions(paper="letter", locale="zh_CN"), "letter", 0, "zh_Hans_CN"),
    ],
)
def test_paper_locale_request_then_language_decide(
    lang: str, options: PrintOptions, paper: str, first_weekday: int, locale: str
) -> None:
    settings = resolve(options, api.load(lang))
    assert (settings.theme.paper, settings.first_weekday, str(settings.locale)) == (
        paper,
        first_weekday,
        locale,
    )


def test_print_options_lang_is_deprecated_and_may_not_disagree_with_the_guide() -> None:
    with pytest.warns(DeprecationWarning, match="PrintOptions.lang is deprecated"):
        options = PrintOptions(lang="en", large_print=True)
    with pytest.raises(UsageError) as error:
        api.handout_pdf(api.load("zh"), options)
    assert str(error.value) == (
        "PrintOptions(lang='en') disagrees with the 'zh' edition; "
        "leave lang out: the edition carries the language"
    )
    with pytest.warns(DeprecationWarning):
        agreeing = PrintOptions(lang="zh")
    assert resolve(agreeing, api.load("zh")) == resolve(PrintOptions(), api.load("zh"))
    with pytest.warns(DeprecationWarning):
        bilingual = PrintOptions(lang="bi", locale="zh_CN")
    assert resolve_pair(bilingual, api.load("bi"))[1].theme.paper == "a4"


def test_the_command_line_takes_the_users_locale_in_the_editions_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert print_options(args("en")).region == "en_GB"
    assert print_options(args("bi")).region == "en_GB"
    assert print_options(args("zh")).region is None  # a system-wide English locale: no say
    monkeypatch.setenv("LC_ALL", "C")
    assert print_options(args("en")).region is None


def args(lang: str) -> argparse.Namespace:
    return argparse.Namespace(
        lang=lang,
        locale=None,
        paper=None,
        protocol="standard",
        large_print=False,
        grayscale=False,
        crisis_line="",
    )


@pytest.mark.parametrize(
    ("lang", "accept", "height"),
    [("zh", "en-US,en;q=0.9", 792), ("en", "zh-CN,zh;q=0.9", 842), ("zh", "", 842)],
)
def test_the_web_page_takes_the_region_of_the_first_accept_language_tag(
    lang: str, accept: str, height: int
) -> None:
    with TestClient(make_app(8765), base_url="http://127.0.0.1:8765") as client:
        response = client.post(
            "/api/handout", json={"lang": lang}, headers={"accept-language": accept}
        )
    assert response.status_code == 200, response.text
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert round(float(page.mediabox.height)) == height


def test_a_folder_of_an_unknown_language_is_named_where_it_says_so(tmp_path: pathlib.Path) -> None:
    shutil.copytree(api.default_content_dir() / "zh", tmp_path / "fr")
    guide = tmp_path / "fr" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("lang: zh\n", "lang: fr\n", 1))
    assert [str(problem) for problem in api.check(tmp_path)] == [
        f"{guide}:2: unknown language 'fr': pmr-print prints en, zh-Hans "
        "(a new language needs a record in pmr_print/languages.py)"
    ]
