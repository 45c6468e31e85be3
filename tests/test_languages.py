"""The language records: a tag finds its language's punctuation, faces, locale and form font."""

import datetime as dt
import io
import shutil

import pytest
from pypdf import PdfReader

from pmr_print import api
from pmr_print.languages import ENGLISH, SIMPLIFIED_CHINESE, Language, UnknownLanguage, language


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
