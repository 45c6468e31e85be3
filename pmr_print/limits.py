"""The one set of limits on untrusted text: names, reasons, notes, URLs.

The command line, the API (HandoutDetails, LogDetails, entries) and the web page all check text
here, so that the same value is accepted or refused, with the same message, everywhere. Limits
are far above any real value (a name of thousands of characters is a mistake, not a name) and
keep every build fast. A one-line field turns newlines and tabs into spaces instead of losing
them; any other control character is refused, since no font can print it.

    >>> check_text("client", "Ann\\nB\\tC")
    'Ann B C'
    >>> check_text("client", "x" * 5000)
    Traceback (most recent call last):
    ...
    pmr_print.limits.LimitError: --client: 5000 characters; at most 200
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from pmr_print.messages import CONTROL, NOT_UNICODE, TOO_LONG, Param, Said, SaidError
from pmr_print.problems import UsageError


@dataclass(frozen=True)
class Limit:
    """How long a field's text may be, and whether it is one line."""

    field: str  # the API's name: client, omit_reason, notes ...
    label: str  # what messages call it: the command-line option, or a log column
    max_chars: int
    one_line: bool = True


NAME_CHARS = 200
REASON_CHARS = 500
URL_CHARS = 500  # a QR code of 500 characters still scans from the printed page
TIME_CHARS = 40
NOTES_CHARS = 5000

LIMITS: dict[str, Limit] = {
    limit.field: limit
    for limit in (
        Limit("client", "--client", NAME_CHARS),
        Limit("clinician", "--clinician", NAME_CHARS),
        Limit("clinic", "--clinic", NAME_CHARS),
        Limit("name", "--name", NAME_CHARS),
        Limit("omit_reason", "--omit-reason", REASON_CHARS),
        Limit("crisis_line", "--crisis-line", NAME_CHARS),
        Limit("recording_url", "--recording-url", URL_CHARS),
        Limit("time", "time", TIME_CHARS),
        Limit("notes", "notes", NOTES_CHARS, one_line=False),
    )
}

# The days a practice log may cover: far beyond any practice, and far from the ends of the
# calendar (year 1, 9999), where a week's arithmetic would overflow.
FIRST_LOG_DAY = dt.date(1900, 1, 1)
LAST_LOG_DAY = dt.date(2999, 12, 31)


def check_log_day(day: dt.date) -> dt.date:
    """The day, or ValueError when a practice log cannot cover it."""
    if not FIRST_LOG_DAY <= day <= LAST_LOG_DAY:
        raise ValueError(f"{day} is not between {FIRST_LOG_DAY} and {LAST_LOG_DAY}")
    return day


# Line breaks other than newline (CR, vertical tab, form feed, NEL, line/paragraph separators):
# a multi-line field prints them as a newline, a one-line field as a space, like newline and tab.
OTHER_BREAKS = "\r\v\f\x85\u2028\u2029"


QUOTE_CHARS = 60  # a value quoted in a message: enough to recognise it, short enough to read
MAX_ITEMS = 50  # a list field (groups to leave out, ...): far more than there are groups


class LimitError(SaidError):
    """A value over its limit, holding a control character or not valid Unicode; `.field` names
    the field. The command line names it by `label` (a roster's column) or its option."""

    def __init__(self, field: str, msgid: str, label: str | None = None, **params: Param) -> None:
        self.field = field
        self.said = Said.of(msgid, field, **params)
        UsageError.__init__(self, self.said.text("en", lambda key: label or LIMITS[key].label))


def quoted(value: str) -> str:
    """A value of the user's as a message quotes it: cut to QUOTE_CHARS, in quotes, with
    control characters and invalid Unicode escaped (repr), so the message is one short line
    that any terminal, JSON encoder or page can show.

    >>> quoted("a4")
    "'a4'"
    >>> len(quoted("x" * 8_000_000))
    63
    """
    return repr(value if len(value) <= QUOTE_CHARS else value[:QUOTE_CHARS] + "…")


def invalid_unicode(text: str) -> str | None:
    """The first character of text that is not valid Unicode (a lone surrogate, which JSON's
    "\\ud800" or an undecodable byte of a command-line argument becomes), else None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return text[error.start]
    return None


def unicode_problem(text: str) -> str | None:
    """What is wrong with text that is not valid Unicode, else None."""
    bad = invalid_unicode(text)
    if bad is None:
        return None
    return f"not valid Unicode text ({describe(bad)} alone); check the encoding"


def check_unicode_of(field: str, text: str, label: str | None) -> None:
    """LimitError naming the field when text is not valid Unicode."""
    bad = invalid_unicode(text)
    if bad is not None:
        raise LimitError(field, NOT_UNICODE, label, char=describe(bad))


def check_unicode(label: str, text: str) -> str:
    """text, or UsageError naming the field when it is not valid Unicode: the one check that
    every text of a request, an argument or a file passes before PDF, HTML or a message."""
    problem = unicode_problem(text)
    if problem is not None:
        raise UsageError(f"{label}: {problem}")
    return text


def is_control(char: str) -> bool:
    """A C0 or C1 control character (or DEL), which no font prints."""
    return unicodedata.category(char) == "Cc"


def control_characters(text: str) -> list[str]:
    """The control characters of text other than tab and newline, in order, each once."""
    return list(dict.fromkeys(char for char in text if is_control(char) and char not in "\t\n"))


def visible(text: str) -> str:
    """Text safe for a terminal: every control character but tab and newline becomes U+FFFD,
    so that no escape sequence from a file or a value reaches the terminal."""
    if not control_characters(text):
        return text
    return "".join("\ufffd" if is_control(c) and c not in "\t\n" else c for c in text)


def describe(char: str) -> str:
    return f"U+{ord(char):04X}"


def check_text(field: str, value: str, label: str | None = None) -> str:
    """The value as it will print, or LimitError naming the field (see LIMITS), or `label`
    when the value comes from elsewhere (a roster's `name` column).

    One-line fields get spaces for newlines and tabs; a multi-line field keeps newlines and
    tabs. Any other control character, invalid Unicode, or more than the field's characters,
    is refused."""
    limit = LIMITS[field]
    if len(value) > limit.max_chars:
        raise LimitError(field, TOO_LONG, label, count=len(value), limit=limit.max_chars)
    check_unicode_of(field, value, label)
    if limit.one_line:
        value = "".join(" " if char in OTHER_BREAKS + "\n\t" else char for char in value)
    else:  # a viewer's multi-line field may end its lines with CR: they are newlines too
        value = value.replace("\r\n", "\n")
        value = "".join("\n" if char in OTHER_BREAKS else char for char in value)
    bad = control_characters(value)
    if bad:
        raise LimitError(field, CONTROL, label, char=describe(bad[0]))
    return value


def unique_items(label: str, items: Sequence[str]) -> tuple[str, ...]:
    """A list field's items, each once in the order given, or UsageError when there are more
    than MAX_ITEMS: a list of ids is short, and a huge one is a mistake or an attack.

    >>> unique_items("--omit", ["back", "feet", "back"])
    ('back', 'feet')
    """
    if len(items) > MAX_ITEMS:
        raise UsageError(f"{label}: {len(items)} items; at most {MAX_ITEMS}")
    return tuple(dict.fromkeys(items))


def limits_table() -> list[tuple[str, int]]:
    """(what, characters) for each field, as the README documents them."""
    return [(limit.label, limit.max_chars) for limit in LIMITS.values()]
