"""The language records: a tag finds its language's punctuation, faces, locale and form font."""

import datetime as dt

import pytest

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
