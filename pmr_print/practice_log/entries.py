"""Practice-log entries: read and check CSV or JSON, write them back. No PDF library here.

CSV has the header `date,practised,time,minutes,protocol,before,after,notes` (any order) and one
row per day; JSON is a list of objects with the same keys. Values:

- date: YYYY-MM-DD, required, one row per date;
- practised: yes/no (also true/false, y/n, 1/0, x, 是/否; empty is no; JSON true/false);
- time: free text (07:30, evening, 睡前);
- minutes: a whole number from 0 to 999, or empty;
- protocol: a protocol id (standard) or its name in the log's language (Standard, 标准版), or empty;
- before, after: tension from 0 (fully relaxed) to 10 (the most tense), or empty;
- notes: free text.

A filled log read back whose client wrote a weekly reflection adds two columns (keys),
`reflection_relaxed` and `reflection_noticed` (free text: "How relaxed do you feel this week?",
"What did you notice in your body?"), filled on the row of the week's last day (a row of its own,
its day cells empty, when that day was left empty).
A diary may carry the two columns or not; they are read as text and not printed, and a row with
a reflection and no day value is no day of practice.

In CSV written here, a cell a spreadsheet would run as a formula (one starting with =, +, -, @,
a tab or a carriage return) starts with a ' (as spreadsheets themselves mark text), and reading
CSV takes that ' away again: notes typed as `=SUM(A1)` come back as typed, and never run.

A bad value is an `EntryProblem` naming the row (`FILE:LINE` for CSV, `FILE[INDEX]` for JSON,
`wW.dD` for a filled PDF) and the field; the row is left out and the other rows are kept.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from pmr_print.limits import LimitError, check_log_day, check_text, is_control
from pmr_print.messages import (
    ROW_DATE_TWICE,
    ROW_NOT_DATE,
    ROW_NOT_MINUTES,
    ROW_NOT_PROTOCOL,
    ROW_NOT_RATING,
    ROW_NOT_YES_NO,
    ROW_OUTSIDE,
    BadValue,
    Said,
)
from pmr_print.practice_log.calendar import LogWeeks
from pmr_print.spreadsheets import delimiter, iso_dates

COLUMNS: tuple[str, ...] = (
    "date",
    "practised",
    "time",
    "minutes",
    "protocol",
    "before",
    "after",
    "notes",
)
YES = frozenset({"yes", "y", "true", "1", "x", "✓", "是"})
NO = frozenset({"no", "n", "false", "0", "", "否"})
REFLECTION_COLUMNS: tuple[str, ...] = ("reflection_relaxed", "reflection_noticed")
MAX_MINUTES = 999
MAX_RATING = 10


@dataclass(frozen=True)
class Entry:
    """One day of practice."""

    date: dt.date
    practised: bool = False
    time: str = ""
    minutes: int | None = None
    protocol: str = ""
    before: int | None = None
    after: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class Reflection:
    """A week's reflection as the client wrote it, dated by the week's last day."""

    date: dt.date
    relaxed: str = ""
    noticed: str = ""


@dataclass(frozen=True)
class EntryProblem:
    where: str
    field: str
    message: str
    said: Said | None = dataclasses.field(default=None, compare=False)  # for other languages

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.message}"


@dataclass
class Parsed:
    """The rows that passed, each with where it came from, and the problems of the others."""

    rows: list[tuple[str, Entry]] = field(default_factory=list)
    problems: list[EntryProblem] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)  # a filled log's, read back

    @property
    def entries(self) -> list[Entry]:
        return [entry for _, entry in self.rows]


def shown(text: str) -> str:
    """A value quoted in a message: a huge one is cut, so that a message stays one short line."""
    return repr(text if len(text) <= 60 else text[:60] + "…")


def text_of(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | str):
        return str(value).strip()
    kind = "a list" if isinstance(value, list) else "an object"
    raise BadValue(f"{kind} is not a text or a number")


def parse_date(value: object) -> dt.date:
    text = text_of(value)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise BadValue.of(ROW_NOT_DATE, "date", value=shown(text)) from None
    try:
        return check_log_day(day)
    except ValueError as error:
        raise BadValue(f"{error}, the days a log may cover") from None


def parse_practised(value: object) -> bool:
    text = text_of(value).casefold()
    if text in YES:
        return True
    if text in NO:
        return False
    raise BadValue.of(ROW_NOT_YES_NO, "practised", value=shown(text))


def whole_number(value: object, low: int, high: int, what: str) -> int | None:
    """A whole number from low to high, or None when empty; `what` is the message's msgid."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = text_of(value)
    if not text:
        return None
    if not text.isdigit() or not text.isascii() or len(text) > len(str(high)) + 2:
        raise BadValue.of(what, "", value=shown(text), high=high)
    number = int(text)
    if not low <= number <= high:
        raise BadValue.of(what, "", value=number, high=high)
    return number


def parse_minutes(value: object) -> int | None:
    return whole_number(value, 0, MAX_MINUTES, ROW_NOT_MINUTES)


def parse_rating(value: object) -> int | None:
    return whole_number(value, 0, MAX_RATING, ROW_NOT_RATING)


def limited_text(field: str) -> Callable[[object], str]:
    """Free text within the field's limit (pmr_print.limits), as it will print."""

    def parse(value: object) -> str:
        try:
            return check_text(field, text_of(value))
        except LimitError as error:
            raise BadValue(str(error).partition(": ")[2]) from None

    return parse


def protocol_parser(known: Mapping[str, str] | None) -> Callable[[object], str]:
    """Protocols by id or name (any case) to their printed name; any text when none are known."""

    def parse(value: object) -> str:
        text = text_of(value)
        if not text or not known:
            return text
        try:
            return known[text.casefold()]
        except KeyError:
            names = ", ".join(sorted(set(known.values())))
            raise BadValue.of(
                ROW_NOT_PROTOCOL, "protocol", value=shown(text), names=names
            ) from None

    return parse


Record = Mapping[str, object] | str  # a str: what is wrong with the row as a whole


def parse_record(
    record: Record,
    where: str,
    known_protocols: Mapping[str, str] | None,
    to_print: bool = True,
) -> tuple[Entry | None, list[EntryProblem]]:
    """One row or object to an Entry; every bad field is a problem, and then there is no Entry.
    Entries `to_print` keep their free text within pmr_print.limits; entries read back from a
    filled log keep it exactly as the client typed it."""
    if isinstance(record, str):
        return None, [EntryProblem(where, "row", record)]
    parsers: dict[str, Callable[[object], object]] = {
        "date": parse_date,
        "practised": parse_practised,
        "time": limited_text("time") if to_print else text_of,
        "minutes": parse_minutes,
        "protocol": protocol_parser(known_protocols),
        "before": parse_rating,
        "after": parse_rating,
        "notes": limited_text("notes") if to_print else text_of,
    }
    values: dict[str, object] = {}
    problems = [  # a read-back's reflection columns are known, and not printed
        EntryProblem(where, shown(key)[1:-1], "unknown field; the fields are " + ", ".join(COLUMNS))
        for key in record
        if key not in parsers and key not in REFLECTION_COLUMNS
    ]
    for column, parse in parsers.items():
        try:
            values[column] = parse(record.get(column))
        except BadValue as error:
            problems.append(EntryProblem(where, column, str(error), error.said))
    if problems:
        return None, problems
    return Entry(**values), []  # type: ignore[arg-type]


def parse_records(
    records: Iterable[tuple[str, Record]],
    known_protocols: Mapping[str, str] | None = None,
    to_print: bool = True,
) -> Parsed:
    """Check every record; a date that an earlier row already has is a problem too."""
    parsed = Parsed()
    seen: dict[dt.date, str] = {}
    for where, record in records:
        if reflection_only(record):
            continue
        entry, problems = parse_record(record, where, known_protocols, to_print)
        if entry is not None and entry.date in seen:
            said = Said.of(ROW_DATE_TWICE, "date", value=str(entry.date), where=seen[entry.date])
            problems = [EntryProblem(where, "date", said.text("en", str), said)]
        if entry is None or problems:
            parsed.problems += problems
            continue
        seen[entry.date] = where
        parsed.rows.append((where, entry))
    return parsed


def reflection_only(record: Record) -> bool:
    """A row read back for a week's reflection alone: no day of practice."""
    if isinstance(record, str) or not any(filled(record.get(c)) for c in REFLECTION_COLUMNS):
        return False
    return not any(filled(record.get(column)) for column in COLUMNS[1:])


def filled(value: object) -> bool:
    """A cell holds something (a value that is no text does: its row's check says so)."""
    try:
        return bool(text_of(value))
    except BadValue:
        return True


def keep_within(parsed: Parsed, weeks: LogWeeks) -> Parsed:
    """The rows whose date falls in the log's weeks; the others become problems."""
    kept = Parsed(problems=list(parsed.problems))
    for where, entry in parsed.rows:
        if weeks.covers(entry.date):
            kept.rows.append((where, entry))
        else:
            said = Said.of(
                ROW_OUTSIDE,
                "date",
                value=str(entry.date),
                first=str(weeks.start),
                last=str(weeks.end),
            )
            kept.problems.append(EntryProblem(where, "date", said.text("en", str), said))
    return kept


class EntriesFileError(ValueError):
    """The file as a whole cannot be read (not CSV with the header, not a JSON list)."""


MAX_FILE_CHARS = 20_000_000  # years of entries with long notes fit many times over


# What makes a spreadsheet (Excel, LibreOffice, Google Sheets) read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defused(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text: one that would start a formula (after any run of
    ', so that reading back is exact) gets a leading '.

    >>> defused("=1+1"), defused("'=1+1"), defused("-"), defused("it's")
    ("'=1+1", "''=1+1", "'-", "it's")
    """
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def undefused(cell: str) -> str:
    """defused() undone: the cell as it was typed."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def csv_records(text: str, origin: str) -> list[tuple[str, Record]]:
    # The csv module refuses a cell over 131,072 characters with an exception that ends the
    # file; a long cell is one bad row (its notes over the limit), so allow any cell the file
    # can hold. The limit is the module's only setting, and raising it harms no other reader.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_CHARS))
    reader = csv.reader(io.StringIO(text), delimiter=delimiter(text))
    try:
        return with_iso_dates(read_csv_rows(reader, origin), origin)
    except csv.Error as error:
        raise EntriesFileError(f"{origin}:{reader.line_num}: not valid CSV: {error}") from None


def with_iso_dates(records: list[tuple[str, Record]], origin: str) -> list[tuple[str, Record]]:
    """The rows with their dates as YYYY-MM-DD, in the order (day or month first) that fits
    every date of the file, as a spreadsheet may have rewritten them."""
    rows = [record for _, record in records if isinstance(record, dict)]
    dates = iso_dates([str(row.get("date", "")) for row in rows], origin)
    for row, date in zip(rows, dates, strict=True):
        row["date"] = date
    return records


def read_csv_rows(reader: Iterator[list[str]], origin: str) -> list[tuple[str, Record]]:
    header = next(reader, None)
    names = [name.strip().casefold() for name in header or ()]
    if sorted(names) not in (sorted(COLUMNS), sorted(COLUMNS + REFLECTION_COLUMNS)):
        raise EntriesFileError(f"{origin}:1: the header must be {','.join(COLUMNS)}")
    records: list[tuple[str, Record]] = []
    line = reader.line_num + 1  # type: ignore[attr-defined]
    for row in reader:
        if len(row) > len(names):
            records.append((f"{origin}:{line}", f"{len(row)} cells, the header has {len(names)}"))
        elif any(cell.strip() for cell in row):
            cells = [undefused(cell) for cell in row]
            records.append((f"{origin}:{line}", dict(zip(names, cells, strict=False))))
        line = reader.line_num + 1  # type: ignore[attr-defined]
    return records


def json_records(text: str, origin: str) -> list[tuple[str, Record]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise EntriesFileError(f"{origin}:{error.lineno}: not valid JSON: {error.msg}") from None
    except RecursionError:
        raise EntriesFileError(f"{origin}: not valid entries: JSON nested too deeply") from None
    except ValueError as error:  # a number of thousands of digits
        raise EntriesFileError(f"{origin}: not valid entries: {error}") from None
    if not isinstance(data, list):
        raise EntriesFileError(f"{origin}: JSON entries must be a list of objects")
    wanted = "is not an object with the fields " + ", ".join(COLUMNS)
    return [
        (f"{origin}[{index}]", item if isinstance(item, dict) else f"{shown(str(item))} {wanted}")
        for index, item in enumerate(data)
    ]


def read_entries(
    text: str, origin: str, kind: str, known_protocols: Mapping[str, str] | None = None
) -> Parsed:
    """Entries from CSV or JSON text (kind 'csv' or 'json'); origin names the file."""
    read = json_records if kind == "json" else csv_records
    return parse_records(read(text, origin), known_protocols)


def rating_text(value: int | None) -> str:
    return "" if value is None else str(value)


def entry_row(entry: Entry) -> list[str]:
    return [
        entry.date.isoformat(),
        "yes" if entry.practised else "no",
        entry.time,
        rating_text(entry.minutes),
        entry.protocol,
        rating_text(entry.before),
        rating_text(entry.after),
        entry.notes,
    ]


def by_date(
    entries: Iterable[Entry], reflections: Iterable[Reflection]
) -> list[tuple[Entry, Reflection | None]]:
    """Each day's entry beside the reflection written on it, in the order of the days; a day
    with a reflection and no entry gets an empty one (written with empty day cells)."""
    days = {entry.date: entry for entry in entries}
    written = {reflection.date: reflection for reflection in reflections}
    for date in written.keys() - days.keys():
        days[date] = Entry(date)
    return [(days[date], written.get(date)) for date in sorted(days)]


def empty(entry: Entry) -> bool:
    return entry == Entry(entry.date)


def reflection_cells(reflection: Reflection | None) -> list[str]:
    return ["", ""] if reflection is None else [reflection.relaxed, reflection.noticed]


def to_csv(entries: Iterable[Entry], reflections: Iterable[Reflection] | None = None) -> str:
    """The entries as CSV; with `reflections` (a filled log's, when one is written), the
    reflection columns too."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    reflections = list(reflections or ())
    if not reflections:
        writer.writerow(COLUMNS)
        writer.writerows([defused(cell) for cell in entry_row(entry)] for entry in entries)
        return out.getvalue()
    writer.writerow(COLUMNS + REFLECTION_COLUMNS)
    for entry, reflection in by_date(entries, reflections):
        day = [entry.date.isoformat()] + [""] * 7 if empty(entry) else entry_row(entry)
        writer.writerow([defused(cell) for cell in day + reflection_cells(reflection)])
    return out.getvalue()


def entry_record(entry: Entry) -> dict[str, object]:
    return {
        "date": entry.date.isoformat(),
        "practised": entry.practised,
        "time": entry.time,
        "minutes": entry.minutes,
        "protocol": entry.protocol,
        "before": entry.before,
        "after": entry.after,
        "notes": entry.notes,
    }


def to_json(entries: Iterable[Entry], reflections: Iterable[Reflection] | None = None) -> str:
    """The entries as JSON; with `reflections` (a filled log's, when one is written), each object
    has the reflection keys, and a week's reflection on a day left empty is an object of its own."""
    reflections = list(reflections or ())
    if not reflections:
        records = [entry_record(entry) for entry in entries]
    else:
        records = []
        for entry, reflection in by_date(entries, reflections):
            day = {"date": entry.date.isoformat()} if empty(entry) else entry_record(entry)
            cells = reflection_cells(reflection)
            records.append({**day, **dict(zip(REFLECTION_COLUMNS, cells, strict=True))})
    text = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    # JSON escapes C0 controls itself; DEL and C1 controls (which a terminal obeys too) only
    # ever stand inside strings here, so they are escaped the same way.
    return "".join(f"\\u{ord(c):04x}" if is_control(c) and c not in "\n" else c for c in text)
