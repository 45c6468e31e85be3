"""What pmr-print says to the person using it, written once per language (<lang>.po beside this
file, as the content's labels are) and shown by every surface.

A message names its field by key (omit_reason) and leaves the naming to the surface: the command
line by its option (--omit-reason), the page and the HTTP API by the label the page shows
("Reason for leaving groups out"), in the page's or the request's language.

    >>> said = Said.of(RECORDING_URL, "recording_url")
    >>> said.text("en", option)
    '--recording-url must start with https:// or http://'
"""

from __future__ import annotations

import io
import pathlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.messages.pofile import read_po

from pmr_print.problems import UsageError

HERE = pathlib.Path(__file__).parent
LANGS = ("en", "zh")

# Every message; en.po and zh.po translate each one (tests/test_messages.py holds them to it).
RECORDING_URL = "{field} must start with https:// or http://"
OMIT_REASON_ALONE = "{field}: tick the groups to leave out in {omit}, or leave this empty"
UNKNOWN_STEP = "{field}: unknown step id {value}; valid ids: {ids}"
NOT_A_DATE = "{field} {value} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-09"
NO_SUCH_DAY = "{field}: {day} {month} does not exist; check the day and the month"
NO_SUCH_MONTH = "{field} {value}: there is no month {number}; write it as YYYY-MM-DD"
WEEKS_RANGE = "{field} {value}: give a number of weeks from {low} to {high}"
LOG_YEARS = "{field} {value}: a log's weeks must lie between 1900 and {last}"
BOOKLET_YEARS = "{field} {value}: a booklet's log weeks must lie between 1900 and {last}"
NOT_A_NUMBER = "{field}: {value} is not a whole number; write digits only, e.g. 4"
TOO_LONG = "{field}: {count} characters; at most {limit}"
NOT_UNICODE = "{field}: not valid Unicode text ({char} alone); check the encoding"
CONTROL = "{field}: holds the control character {char}, which cannot be printed"
OMIT_ALL = "{field} leaves no step of the protocol '{protocol}'; leave out fewer groups"
LOCALE_LANG = "{field} {value} is not a {which} locale; it must match {lang}"
ROSTER_MISSING = "{field}: choose a CSV file with the header id,name,lang,start,omit,omit_reason"
READ_MISSING = "{field}: choose the filled-in log (PDF) to read"
PDF_AS_DIARY = "{field}: {name} is a PDF; to read a filled-in log, use {read}"
NOT_TEXT = "{field}: {name} is not text; save it from Excel or WPS as CSV (comma delimited)"
AMBIGUOUS_DATES = (
    "{field}: {name}: the dates fit both day/month and month/day; "
    "write them as YYYY-MM-DD, e.g. 2026-03-09"
)
# A diary's or a filled log's bad value, after `diary.csv:3: before:` (the column, named by
# COLUMNS in the page's language): the row is left out.
ROW_NOT_DATE = "{value} is not a date; write it as YYYY-MM-DD"
ROW_NOT_YES_NO = "{value} is not yes or no"
ROW_NOT_MINUTES = "{value} is not a whole number of minutes (0 to {high})"
ROW_NOT_RATING = "{value} is not a rating from 0 to {high}"
ROW_NOT_PROTOCOL = "{value} is not a protocol; use one of: {names}"
ROW_DATE_TWICE = "{value} is already in {where}"
ROW_OUTSIDE = "{value} is outside the log's weeks ({first} to {last})"
ROW_PROBLEM = "{where}: {column}: {message}"
# A roster's bad row: its problems after `roster.csv:4: id 'x':`, each column named as in the
# CSV's header (id, lang, start ...) in every language.
ROSTER_ROW = "{origin}:{line}: id {id}: {message}"
# A participant's packet that failed to build, after ROSTER_ROW; `detail` is the build's own words.
PACKET_FAILED = "the packet could not be made: {detail}"
ROSTER_CELLS = "has {count} columns; a row has {wanted}: {header}"
ROSTER_UNSAFE_ID = "{field}: not a safe file name (use letters, digits, '.', '_', '-'; up to 64)"
ROSTER_DEVICE_ID = "{field}: a name Windows keeps for a device (CON, NUL, COM1 ...); choose another"
ROSTER_EMPTY = "{field}: empty"
ROSTER_LANG_TWO = "{field}: unknown language {value}; use {first} or {last}"
ROSTER_LANG = "{field}: unknown language {value}; use one of {langs}"
ROSTER_REASON_ALONE = "{field}: given, but no group is omitted"
ROSTER_DATE = "{field}: {value} is not a date; write it as YYYY-MM-DD"
ROSTER_NO_DATE = "{field}: {value} is not a date ({reason})"
ROSTER_ID_TWICE = "id {value} is used twice"
ROSTER_ITEMS = "{field}: {count} items; at most {limit}"
COLUMNS = ("date", "practised", "time", "minutes", "protocol", "before", "after", "notes")
MESSAGES = (
    RECORDING_URL,
    OMIT_REASON_ALONE,
    UNKNOWN_STEP,
    NOT_A_DATE,
    NO_SUCH_DAY,
    NO_SUCH_MONTH,
    WEEKS_RANGE,
    LOG_YEARS,
    BOOKLET_YEARS,
    NOT_A_NUMBER,
    TOO_LONG,
    CONTROL,
    NOT_UNICODE,
    OMIT_ALL,
    LOCALE_LANG,
    ROSTER_MISSING,
    READ_MISSING,
    PDF_AS_DIARY,
    NOT_TEXT,
    AMBIGUOUS_DATES,
    ROW_NOT_DATE,
    ROW_NOT_YES_NO,
    ROW_NOT_MINUTES,
    ROW_NOT_RATING,
    ROW_NOT_PROTOCOL,
    ROW_DATE_TWICE,
    ROW_OUTSIDE,
    ROW_PROBLEM,
    ROSTER_ROW,
    PACKET_FAILED,
    ROSTER_CELLS,
    ROSTER_UNSAFE_ID,
    ROSTER_DEVICE_ID,
    ROSTER_EMPTY,
    ROSTER_LANG_TWO,
    ROSTER_LANG,
    ROSTER_REASON_ALONE,
    ROSTER_DATE,
    ROSTER_NO_DATE,
    ROSTER_ID_TWICE,
    ROSTER_ITEMS,
    *COLUMNS,
)

# How a surface names a field: option("omit_reason") is the command line's --omit-reason.
Namer = Callable[[str], str]


def option(key: str) -> str:
    return "--" + key.replace("_", "-")


@dataclass(frozen=True)
class Field:
    """A parameter that is another field: each surface names it its own way."""

    key: str


@dataclass(frozen=True)
class Month:
    """A month by number, named in the message's language ("February", "二月")."""

    number: int


Param = str | int | Field | Month


@dataclass(frozen=True)
class Said:
    """One message about one field, not yet in any language."""

    msgid: str
    field: str
    params: tuple[tuple[str, Param], ...] = ()

    @classmethod
    def of(cls, msgid: str, field: str, **params: Param) -> Said:
        return cls(msgid, field, tuple(params.items()))

    def text(self, lang: str, name: Namer, quote: Namer | None = None) -> str:
        """The message in `lang` (English if it has none), its field named by `name` and any
        other field it mentions by `quote` (default: `name`)."""
        values = {key: shown(value, lang, quote or name) for key, value in self.params}
        return translate(lang, self.msgid).format(field=name(self.field), **values)


def shown(value: Param, lang: str, name: Namer) -> str:
    if isinstance(value, Field):
        return name(value.key)
    if isinstance(value, Month):
        if lang.startswith("zh"):
            return str(Locale.parse("zh_CN").months["format"]["abbreviated"][value.number])
        return str(Locale.parse("en_GB").months["format"]["wide"][value.number])
    return str(value)


@cache
def catalog(lang: str) -> Mapping[str, str]:
    """msgid -> translation of <lang>.po; empty for a language without one."""
    path = HERE / f"{lang}.po"
    if not path.is_file():
        return {}
    found = read_po(io.BytesIO(path.read_bytes()), locale=lang, abort_invalid=True)
    return {
        in_context(m.context, str(m.id)): str(m.string)
        for m in found
        if m.id and m.string and not m.fuzzy
    }


def in_context(context: str | None, msgid: str) -> str:
    """A catalog's key: the msgid, after its context as gettext joins them ("page\x04Date")."""
    return f"{context}\x04{msgid}" if context else msgid


def page_word(lang: str, english: str) -> str:
    """One of the page's own words (msgctxt "page") in `lang`; the English without one."""
    return translate(lang, in_context("page", english))


def translate(lang: str, msgid: str) -> str:
    found = catalog(lang.split("-")[0].split("_")[0]).get(msgid)
    return found if found is not None else msgid.rpartition("\x04")[2]


class SaidError(UsageError):
    """A UsageError that carries its message unworded: str() is the command line's English."""

    def __init__(self, said: Said) -> None:
        self.said = said
        super().__init__(said.text("en", option))


class BadValue(ValueError):
    """A value that does not fit its column; str() is the English, `said` the message unworded."""

    def __init__(self, text: str, said: Said | None = None) -> None:
        self.said = said
        super().__init__(text)

    @classmethod
    def of(cls, msgid: str, column: str, **params: Param) -> BadValue:
        said = Said.of(msgid, column, **params)
        return cls(said.text("en", str), said)


def usage(msgid: str, field: str, **params: Param) -> SaidError:
    return SaidError(Said.of(msgid, field, **params))
