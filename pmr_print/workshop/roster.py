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
from dataclasses import dataclass, field

from pmr_print.files import device_name
from pmr_print.limits import MAX_ITEMS, LimitError, check_text, quoted, unique_items
from pmr_print.messages import (
    ROSTER_CELLS,
    ROSTER_DATE,
    ROSTER_DEVICE_ID,
    ROSTER_EMPTY,
    ROSTER_ID_TWICE,
    ROSTER_ITEMS,
    ROSTER_LANG,
    ROSTER_LANG_TWO,
    ROSTER_NO_DATE,
    ROSTER_REASON_ALONE,
    ROSTER_UNSAFE_ID,
    UNKNOWN_STEP,
    Said,
)
from pmr_print.model import GROUP_IDS
from pmr_print.problems import PmrError, UsageError
from pmr_print.spreadsheets import delimiter, iso_dates

HEADER = ("id", "name", "lang", "start", "omit", "omit_reason")
# Letters, digits, '.', '_' and '-', starting with a letter or digit: safe on every file system.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


class RosterError(PmrError):
    """The roster as a whole cannot be read."""


class TooManyRows(RosterError):
    """More participants than the caller takes (the web page: WEB_ROWS)."""


WEB_ROWS = 500  # what `pmr-print serve` builds in one request; the command line takes any number


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
    # the message unworded, a problem each (pmr_print.messages): the page says it in its language
    said: tuple[Said, ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        return f"{self.origin}:{self.line}: id {quoted(self.id)}: {self.message}"


@dataclass(frozen=True)
class Roster:
    rows: tuple[Row, ...]
    problems: tuple[RowProblem, ...]


def read_roster(
    data: bytes, origin: str, languages: Collection[str], max_rows: int | None = None
) -> Roster:
    """Check every row; `languages` are those the content has. A roster without a row, or
    with more than `max_rows` rows (good or bad), is a RosterError."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterError(f"{origin}: not UTF-8 text") from None
    if "\0" in text:
        raise RosterError(f"{origin}: not a CSV file")
    rows, problems, seen = [], [], set[str]()
    try:
        for line, values in with_iso_starts(list(records(text, origin)), origin):
            found = check_row(line, values, languages)
            if isinstance(found, Row) and found.id.casefold() in seen:
                found = [Said.of(ROSTER_ID_TWICE, "id", value=quoted(found.id))]  # any case
            if isinstance(found, Row):
                seen.add(found.id.casefold())
                rows.append(found)
            else:
                message = "; ".join(said.text("en", str) for said in found)
                problem = RowProblem(origin, line, values.get("id", ""), message, tuple(found))
                problems.append(problem)
            if max_rows is not None and len(rows) + len(problems) > max_rows:
                raise TooManyRows(
                    f"{origin}: more than {max_rows} participants; the web page takes at most "
                    f"{max_rows} (pmr-print workshop takes any number)"
                )
    except csv.Error as error:
        raise RosterError(f"{origin}: not a CSV file ({error})") from None
    if not rows and not problems:
        raise RosterError(f"{origin}: no participants (only the header)")
    return Roster(tuple(rows), tuple(problems))


def records(text: str, origin: str) -> Iterator[tuple[int, dict[str, str]]]:
    """(the line a record starts on, its values by column) after checking the header."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter(text))
    header = next(reader, None)
    if header is None or tuple(name.strip() for name in header) != HEADER:
        found = quoted(",".join(header)) if header else "nothing"
        raise RosterError(f"{origin}:1: the header must be {','.join(HEADER)} (found {found})")
    line = reader.line_num + 1
    for values in reader:
        start, line = line, reader.line_num + 1
        if not any(value.strip() for value in values):
            continue  # a blank line
        if len(values) != len(HEADER):
            yield start, {"id": values[0] if values else "", "": str(len(values))}  # columns
            continue
        yield start, dict(zip(HEADER, values, strict=True))


def with_iso_starts(
    found: list[tuple[int, dict[str, str]]], origin: str
) -> list[tuple[int, dict[str, str]]]:
    """The records with their start dates as YYYY-MM-DD, in the order (day or month first)
    that fits every date of the file, as a spreadsheet may have rewritten them."""
    rows = [values for _, values in found if "start" in values]
    for values, start in zip(
        rows, iso_dates([v["start"] for v in rows], origin, "roster"), strict=True
    ):
        values["start"] = start
    return found


def check_row(line: int, values: dict[str, str], languages: Collection[str]) -> Row | list[Said]:
    """The row, or what is wrong with it (every problem, in column order; each message names
    its column as the header does)."""
    if "" in values:
        header = ",".join(HEADER)
        return [Said.of(ROSTER_CELLS, "", count=values[""], wanted=len(HEADER), header=header)]
    ident, lang = values["id"].strip(), values["lang"].strip()
    wrong: list[Said] = []
    if not SAFE_ID.fullmatch(ident):
        wrong.append(Said.of(ROSTER_UNSAFE_ID, "id"))
    elif device_name(ident):
        wrong.append(Said.of(ROSTER_DEVICE_ID, "id"))
    name = checked_text("client", "name", values["name"].strip(), wrong)
    if not name:
        wrong.append(Said.of(ROSTER_EMPTY, "name"))
    if lang not in languages:
        wrong.append(unknown_language(lang, sorted(languages)))
    start = parse_start(values["start"].strip(), wrong)
    omit = omitted(values["omit"], wrong)
    reason = checked_text("omit_reason", "omit_reason", values["omit_reason"].strip(), wrong)
    if reason and not omit:
        wrong.append(Said.of(ROSTER_REASON_ALONE, "omit_reason"))
    if wrong:
        return wrong
    return Row(line, ident, name, lang, start, omit, reason)


def unknown_language(lang: str, languages: list[str]) -> Said:
    if len(languages) == 2:
        return Said.of(ROSTER_LANG_TWO, "lang", value=quoted(lang), first=languages[0],
                       last=languages[1])  # fmt: skip
    return Said.of(ROSTER_LANG, "lang", value=quoted(lang), langs=", ".join(languages))


def checked_text(field: str, column: str, text: str, wrong: list[Said]) -> str:
    """A column's text within the limits of the option it becomes (`name` is --client)."""
    try:
        return check_text(field, text, column)
    except LimitError as error:
        wrong.append(Said(error.said.msgid, column, error.said.params))  # named by its column
        return text


def omitted(text: str, wrong: list[Said]) -> tuple[str, ...]:
    """The groups of the omit column, each once (back;back is back)."""
    steps = [step.strip() for step in text.split(";") if step.strip()]
    try:
        omit = unique_items("omit", steps)
    except UsageError:
        wrong.append(Said.of(ROSTER_ITEMS, "omit", count=len(steps), limit=MAX_ITEMS))
        return ()
    unknown = [step for step in omit if step not in GROUP_IDS]
    if unknown:
        ids = ", ".join(GROUP_IDS)
        wrong.append(Said.of(UNKNOWN_STEP, "omit", value=quoted(unknown[0]), ids=ids))
    return omit


def parse_start(text: str, wrong: list[Said]) -> dt.date | None:
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError as error:
        wrong.append(Said.of(ROSTER_NO_DATE, "start", value=quoted(text), reason=str(error)))
        return None
    wrong.append(Said.of(ROSTER_DATE, "start", value=quoted(text)))
    return None
