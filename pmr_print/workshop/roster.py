"""The roster: one participant a row, `id,name,lang,start,omit,omit_reason`, checked row by row.

A bad row is reported with its CSV line and id and left out; a roster that cannot be read at all
(not UTF-8, not CSV, a wrong header) is a RosterError.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass

from pmr_print.model import GROUP_IDS
from pmr_print.problems import PmrError

HEADER = ("id", "name", "lang", "start", "omit", "omit_reason")
# Letters, digits, '.', '_' and '-', starting with a letter or digit: safe on every file system.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class RosterError(PmrError):
    """The roster as a whole cannot be read."""


@dataclass(frozen=True)
class Row:
    """One participant, checked. Names and reasons are untrusted: printed literally."""

    line: int
    id: str
    name: str
    lang: str
    start: dt.date | None
    omit: tuple[str, ...]
    omit_reason: str


@dataclass(frozen=True)
class RowProblem:
    origin: str
    line: int
    id: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}:{self.line}: id {self.id!r}: {self.message}"


@dataclass(frozen=True)
class Roster:
    rows: tuple[Row, ...]
    problems: tuple[RowProblem, ...]


def read_roster(data: bytes, origin: str, languages: Collection[str]) -> Roster:
    """Check every row; `languages` are those the content has."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError(f"{origin}: not UTF-8 text") from None
    if "\0" in text:
        raise RosterError(f"{origin}: not a CSV file")
    rows, problems, seen = [], [], set[str]()
    try:
        for line, values in records(text, origin):
            found = check_row(line, values, languages)
            if isinstance(found, Row) and found.id.casefold() in seen:
                found = f"id {found.id!r} is used twice"  # also in a different case
            if isinstance(found, Row):
                seen.add(found.id.casefold())
                rows.append(found)
            else:
                problems.append(RowProblem(origin, line, values.get("id", ""), found))
    except csv.Error as error:
        raise RosterError(f"{origin}: not a CSV file ({error})") from None
    return Roster(tuple(rows), tuple(problems))


def records(text: str, origin: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(the line a record starts on, its values by column) after checking the header."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header = next(reader, None)
    if header is None or tuple(name.strip() for name in header) != HEADER:
        found = ",".join(header) if header else "nothing"
        raise RosterError(f"{origin}:1: the header must be {','.join(HEADER)} (found {found!r})")
    line = reader.line_num + 1
    for values in reader:
        start, line = line, reader.line_num + 1
        if not any(value.strip() for value in values):
            continue  # a blank line
        if len(values) != len(HEADER):
            yield start, {"id": values[0] if values else "", "": f"{len(values)} columns"}
            continue
        yield start, dict(zip(HEADER, values, strict=True))


def check_row(line: int, values: dict[str, str], languages: Collection[str]) -> Row | str:
    """The row, or what is wrong with it (every problem, in column order)."""
    if "" in values:
        return f"has {values['']}; a row has {len(HEADER)}: {','.join(HEADER)}"
    ident, name, lang = values["id"].strip(), values["name"].strip(), values["lang"].strip()
    omit = tuple(step.strip() for step in values["omit"].split(";") if step.strip())
    reason = values["omit_reason"].strip()
    wrong = []
    if not SAFE_ID.fullmatch(ident):
        wrong.append("id: not a safe file name (use letters, digits, '.', '_', '-'; up to 64)")
    if not name:
        wrong.append("name: empty")
    if lang not in languages:
        wrong.append(f"lang: unknown language {lang!r}; use {' or '.join(sorted(languages))}")
    start = parse_start(values["start"].strip(), wrong)
    unknown = [step for step in omit if step not in GROUP_IDS]
    if unknown:
        wrong.append(f"omit: unknown step id {unknown[0]!r}; valid ids: {', '.join(GROUP_IDS)}")
    if reason and not omit:
        wrong.append("omit_reason: given, but no group is omitted")
    if wrong:
        return "; ".join(wrong)
    return Row(line, ident, name, lang, start, omit, reason)


def parse_start(text: str, wrong: list[str]) -> dt.date | None:
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError as error:
        wrong.append(f"start: {text!r} is not a date ({error})")
        return None
    wrong.append(f"start: {text!r} is not a date; write it as YYYY-MM-DD")
    return None
