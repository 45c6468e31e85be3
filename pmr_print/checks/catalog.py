"""What `msgfmt -c` would refuse in a labels.po, found with Babel instead of calling msgfmt.

Reading labels (pmr_print.i18n) already reports a placeholder a translation gets wrong; Babel's
catalog keeps the first of two entries with one msgid without a word, which msgfmt refuses as a
"duplicate message definition", and so does gettext in every program that reads the file.
"""

from __future__ import annotations

import codecs
import io
import pathlib

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileParser

from pmr_print.files import UnreadableFile, read_regular
from pmr_print.problems import Problem


class RecordingCatalog(Catalog):
    """A catalog that notes every msgid defined a second time, where Babel would merge it."""

    def __init__(self) -> None:
        super().__init__()
        self.duplicates: list[tuple[Message, Message]] = []

    def __setitem__(self, id: str | tuple[str, ...] | list[str], message: Message) -> None:
        first = self.get(id, message.context) if id else None
        if first is not None:
            self.duplicates.append((first, message))
        super().__setitem__(id, message)


def catalog_problems(path: pathlib.Path) -> list[Problem]:
    """Every entry of the catalog at `path` that gettext's `msgfmt -c` would refuse; an
    unreadable file is left to the labels' own reading, which reports it."""
    try:
        data = read_regular(path).removeprefix(codecs.BOM_UTF8)
    except UnreadableFile:
        return []
    catalog = RecordingCatalog()
    try:
        PoFileParser(catalog, abort_invalid=True).parse(io.BytesIO(data))
    except Exception:  # Babel's own error types: reading the labels reports them
        return []
    problems = [duplicate(path, first, again) for first, again in catalog.duplicates]
    problems += [newline_mismatch(path, message) for message in catalog if ends_differ(message)]
    for message, errors in catalog.check():
        problems += [Problem(str(path), line_of(message), str(error)) for error in errors]
    return problems


def duplicate(path: pathlib.Path, first: Message, again: Message) -> Problem:
    return Problem(
        str(path),
        line_of(again),
        f"label {again.id!r} is defined twice (first at line {line_of(first)}): delete one; "
        "gettext refuses the catalog and only the first is used",
    )


def ends_differ(message: Message) -> bool:
    """msgfmt -c: a msgid and its translation must both begin, and both end, with a line
    break, or neither."""
    msgid = str(message.id[0] if isinstance(message.id, (list, tuple)) else message.id)
    raw = message.string
    strings = [str(text) for text in (raw if isinstance(raw, (list, tuple)) else [raw]) if text]
    return bool(msgid) and any(
        text.startswith("\n") != msgid.startswith("\n")
        or text.endswith("\n") != msgid.endswith("\n")
        for text in strings
    )


def newline_mismatch(path: pathlib.Path, message: Message) -> Problem:
    return Problem(
        str(path),
        line_of(message),
        f"label {message.id!r}: the translation must begin and end with a line break exactly "
        "where the msgid does",
    )


def line_of(message: Message) -> int:
    return max(1, int(message.lineno or 1))
