"""Interface labels (from each language's labels.po) and locale-aware formatting with Babel."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import pathlib

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from pmr_print.files import UnreadableFile, read_regular
from pmr_print.labels import LABELS, Labels, placeholder_problem
from pmr_print.limits import quoted
from pmr_print.problems import Problem, UsageError


def read_labels(path: pathlib.Path, lang: str, problems: list[Problem]) -> Labels:
    """Read labels.po; report missing, empty, fuzzy and unknown entries into problems."""
    try:
        data = read_regular(path).removeprefix(codecs.BOM_UTF8)
        catalog = read_po(io.BytesIO(data), locale=babel_locale(lang), abort_invalid=True)
    except UnreadableFile as error:
        reason = error.reason
        if reason == "file not found":
            reason += ": copy labels.po from content/zh"
        problems.append(Problem(str(path), 1, reason))
        return Labels({})
    except Exception as error:  # Babel raises its own PoFileError and ValueError types
        problems.append(
            Problem(str(path), max(1, getattr(error, "lineno", 1)), f"unreadable catalog: {error}")
        )
        return Labels({})
    translations: dict[str, str] = {}
    lines: dict[str, int] = {}
    for message in catalog:
        msgid = str(message.id)
        line = max(1, getattr(message, "lineno", 1) or 1)
        if not msgid:
            continue
        wrong = entry_problem(msgid, str(message.string or ""), bool(message.fuzzy), lang)
        if wrong:
            problems.append(Problem(str(path), line, wrong))
        else:
            translations[msgid] = str(message.string)
            lines[msgid] = line
    for missing in (msgid for msgid in LABELS if catalog.get(msgid) is None):
        problems.append(Problem(str(path), 1, f"label {missing!r} is missing"))
    return Labels(translations, str(path), lines)


def entry_problem(msgid: str, text: str, fuzzy: bool, lang: str) -> str | None:
    """What is wrong with one entry of labels.po, if anything."""
    if msgid not in LABELS:
        return f"unknown label {msgid!r}"
    if not written_in_english(lang) and (fuzzy or not text):
        return f"label {msgid!r} is not translated"
    return placeholder_problem(msgid, text) if text else None


def written_in_english(lang: str) -> bool:
    """Whether a content folder's language is English, the language of the msgids: its labels
    may be left empty (they print as the msgid)."""
    try:
        return babel_locale(lang).language == "en"
    except UsageError:
        return False


def babel_locale(name: str) -> Locale:
    """Locale.parse('zh_CN') works where Locale('zh', 'CN') raises."""
    try:
        return Locale.parse(name.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        raise UsageError(
            f"unknown locale {quoted(name)}; use a name such as en_US, en_GB, zh_CN"
        ) from None


def long_date(day: dt.date, locale: Locale) -> str:
    return format_date(day, "long", locale=locale)


def number(value: float, locale: Locale) -> str:
    return format_decimal(value, locale=locale)


def duration(seconds: int, labels: Labels) -> str:
    """ "4 min 15 s", "4分15秒": a duration in words, for tables and cards."""
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        return labels("{minutes} min", minutes=minutes)
    return labels("{minutes} min {seconds} s", minutes=minutes, seconds=rest)
