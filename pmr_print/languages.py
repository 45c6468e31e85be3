"""What pmr-print knows about each language it prints: one typed record per language.

A content folder names its language by a BCP 47 tag (the folder's name, which its guide.md's
`lang:` repeats): `en`, `zh`, and just as well `zh-Hans`, `zh-CN` or `zh-SG`. `language(tag)` finds
the record of the tag's language and script (a bare `zh` is written in Simplified Chinese, as
CLDR's likely subtags say), so a copy of content/zh under another Simplified Chinese tag prints
without a change to the code; a territory in the tag becomes the language's default locale.

Everything that differs between languages and is not a translated label lives here: the tag,
punctuation, the faces, the default locale (which decides the default paper and the first weekday),
the log's form font, and how dates and durations read. Printing Traditional Chinese is one more
record (zh-Hant, with a Traditional Han family in fonts/).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Literal

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date, format_skeleton

from pmr_print.i18n import duration
from pmr_print.labels import SEPARATOR as SEPARATOR  # re-exported: the languages of one line
from pmr_print.labels import Labels
from pmr_print.problems import UsageError


@dataclass(frozen=True)
class Language:
    """One language as pmr-print prints it."""

    tag: str  # BCP 47 language and script, as short as is unambiguous: "en", "zh-Hans"
    code: str  # ISO 639: "en", "zh"
    script: str  # ISO 15924: "Latn", "Hans"
    name: str  # in its own words, for messages and menus: "English", "简体中文"
    default_locale: str  # CLDR: "en_US"; decides the default paper and first weekday
    colon: str  # before a value: "Protocol: Standard", "练习方案：标准"
    semicolon: str  # between clauses or list items that hold commas
    comma: str  # between the items of a list
    full_stop: str  # ends a sentence
    text_face: Literal["latin", "han"]  # the face that sets the language's own text
    han_family: str  # fonts/ stem of the Han face (Chinese characters in any language's text)
    form_font: Literal["latin", "zh"]  # the log's embedded form-field font
    separator: str = SEPARATOR  # between this language and another on one line
    date_style: str = "long"  # Babel's format of a date in a sentence: "March 15, 2026"
    day_skeleton: str = "MMMEd"  # a day of a week's table: "Sun, Mar 15", "3月15日周日"

    def locale(self) -> Locale:
        return Locale.parse(self.default_locale)

    def bcp47(self, locale: Locale | None = None) -> str:
        """The tag of text in this language formatted for `locale` (default: the language's):
        "en-US", "en-GB", "zh-Hans-CN". The script is kept, which zh-Hant needs."""
        territory = (locale or self.locale()).territory
        return f"{self.tag}-{territory}" if territory else self.tag

    def labelled(self, label: str, value: str) -> str:
        """ "Protocol: Standard", "练习方案：标准"."""
        return f"{label}{self.colon}{value}"

    def long_date(self, day: dt.date, locale: Locale) -> str:
        return str(format_date(day, self.date_style, locale=locale))

    def day(self, day: dt.date, locale: Locale) -> str:
        return str(format_skeleton(self.day_skeleton, day, locale=locale))

    def duration(self, seconds: int, labels: Labels) -> str:
        """ "4 min 15 s", "4分15秒", "4 min": the label's words, the language's numbers."""
        return duration(seconds, labels)


ENGLISH = Language(
    tag="en",
    code="en",
    script="Latn",
    name="English",
    default_locale="en_US",
    colon=": ",
    semicolon="; ",
    comma=", ",
    full_stop=".",
    text_face="latin",
    han_family="NotoSansSC",
    form_font="latin",
)

SIMPLIFIED_CHINESE = Language(
    tag="zh-Hans",
    code="zh",
    script="Hans",
    name="简体中文",
    default_locale="zh_CN",
    colon="：",
    semicolon="；",
    comma="，",
    full_stop="。",
    text_face="han",
    han_family="NotoSansSC",
    form_font="zh",
)

LANGUAGES: tuple[Language, ...] = (ENGLISH, SIMPLIFIED_CHINESE)


class UnknownLanguage(UsageError):
    """A tag whose language and script pmr-print has no record of."""


@functools.cache
def language(tag: str) -> Language:
    """The record of a content folder's tag ("en", "zh", "zh-SG", "zh-Hans-CN"); the tag's
    territory, if any, is its default locale. UnknownLanguage names a tag it cannot print."""
    try:
        parsed = Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise UnknownLanguage(unknown(tag)) from None
    script = parsed.script or likely_script(parsed.language)
    found = next((r for r in LANGUAGES if (r.code, r.script) == (parsed.language, script)), None)
    if found is None:
        raise UnknownLanguage(unknown(tag))
    if parsed.territory and parsed.territory != found.locale().territory:
        return dataclasses.replace(found, default_locale=f"{parsed.language}_{parsed.territory}")
    return found


def likely_script(code: str) -> str | None:
    """CLDR's most likely script of a bare language: "Hans" for zh, "Latn" for en."""
    parts = str(get_global("likely_subtags").get(code, "")).split("_")
    return parts[1] if len(parts) > 2 else None


def unknown(tag: str) -> str:
    known = ", ".join(record.tag for record in LANGUAGES)
    return (
        f"unknown language {tag!r}: pmr-print prints {known} "
        "(a new language needs a record in pmr_print/languages.py)"
    )
