"""The practice log's form fields: their names, and the entries read back from their values.

Every name is fully qualified, as pypdf's `get_fields()` and viewers show it; in the PDF the
fields nest (`w1` > `d3` > `before`), because a partial field name may not contain a period.
W is the week (1, 2, ...) and D the day of that week (1 to 7, in the order printed: d1 is the
locale's first weekday). Tab order follows the page's /Annots: day by day, left to right.

| name | kind | value |
|---|---|---|
| `log.start` | hidden read-only text | the first day of week 1, YYYY-MM-DD |
| `wW.dD.practised` | checkbox | `/Yes` or `/Off` |
| `wW.dD.time` | text, 12 characters | time of day, free text |
| `wW.dD.minutes` | text, 3 characters | whole minutes |
| `wW.dD.protocol` | combo box | empty or a protocol's name in the log's language |
| `wW.dD.before` | combo box | empty or 0 to 10 |
| `wW.dD.after` | combo box | empty or 0 to 10 |
| `wW.dD.notes` | multi-line text | what was noticed |
| `wW.reflection.relaxed` | multi-line text | how relaxed do you feel this week? |
| `wW.reflection.noticed` | multi-line text | what did you notice in your body? |

Ratings are combo boxes so that a client picks 0 to 10 instead of typing (no 11 is possible, and a
tablet shows a picker); minutes and time are text, because any number or word may be right there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from pmr_print.limits import check_log_day
from pmr_print.practice_log.calendar import DAYS_PER_WEEK, MAX_WEEKS
from pmr_print.practice_log.entries import (
    COLUMNS,
    EntriesFileError,
    EntryProblem,
    Parsed,
    Reflection,
    parse_records,
)

START_FIELD = "log.start"
DAY_FIELDS: tuple[str, ...] = COLUMNS[1:]  # a field for every column but the date
REFLECTION_FIELDS: tuple[str, ...] = ("relaxed", "noticed")
CHECKED = "/Yes"
DAY_NAME = re.compile(r"w(\d{1,20})\.d(\d{1,20})\.(\w+)")
REFLECTION_NAME = re.compile(r"w(\d{1,20})\.reflection\.(relaxed|noticed)")
Day = tuple[int, int]


def day_field(week: int, day: int, column: str) -> str:
    return f"w{week}.d{day}.{column}"


def reflection_field(week: int, question: str) -> str:
    return f"w{week}.reflection.{question}"


def log_start(values: Mapping[str, str]) -> dt.date:
    text = values.get(START_FIELD)
    if not text:
        raise EntriesFileError(f"not a pmr-print practice log: it has no {START_FIELD} field")
    try:
        return check_log_day(dt.date.fromisoformat(text))
    except ValueError:
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise EntriesFileError(f"{START_FIELD} holds {shown!r}, not a day a log covers") from None


def known_field(name: str) -> bool:
    """One of the fields a log has besides the days': its start and the weekly reflection."""
    return name == START_FIELD or bool(REFLECTION_NAME.fullmatch(name))


def day_values(
    values: Mapping[str, str], problems: list[EntryProblem]
) -> dict[Day, dict[str, str]]:
    """The day fields' values by (week, day), leaving out days with nothing filled in. A value
    in a field that is no day of the log (w0, w99, d8, an unknown name) is a problem."""
    days: dict[Day, dict[str, str]] = {}
    for name, value in values.items():
        match = DAY_NAME.fullmatch(name)
        if match is None or match[3] not in DAY_FIELDS:
            if value.strip() and value != "/Off" and not known_field(name):
                problems.append(EntryProblem(name, "field", "not a field of a practice log; its "
                                             "value is left out"))  # fmt: skip
            continue
        week, day = int(match[1]), int(match[2])
        if not (1 <= week <= MAX_WEEKS and 1 <= day <= DAYS_PER_WEEK):
            if value.strip() and value != "/Off":
                problems.append(EntryProblem(f"w{week}.d{day}", match[3], "not a day of the "
                                             "log's weeks; its value is left out"))  # fmt: skip
            continue
        days.setdefault((week, day), {})[match[3]] = value or ""
    return {
        key: fields
        for key, fields in sorted(days.items())
        if fields.get("practised") == CHECKED
        or any(value.strip() for column, value in fields.items() if column != "practised")
    }


def entries_from_fields(values: Mapping[str, str]) -> Parsed:
    """The filled-in days of a log as entries; an unreadable value, or a value in a field that
    is no day of the log, is a problem named `wW.dD` (or the field's name)."""
    start = log_start(values)
    records = []
    problems: list[EntryProblem] = []
    for (week, day), fields in day_values(values, problems).items():
        date = start + dt.timedelta(days=DAYS_PER_WEEK * (week - 1) + day - 1)
        record: dict[str, object] = {
            column: fields.get(column, "") for column in DAY_FIELDS if column != "practised"
        }
        record["date"] = date.isoformat()
        record["practised"] = "yes" if fields.get("practised") == CHECKED else "no"
        records.append((date.isoformat(), record))  # a day is named by its date, not w1.d2
    parsed = parse_records(records, to_print=False)
    parsed.problems += problems
    parsed.reflections = reflections(values, start)
    return parsed


def reflections(values: Mapping[str, str], start: dt.date) -> list[Reflection]:
    """Each week's reflection that has something written, dated by the week's last day."""
    written: dict[int, dict[str, str]] = {}
    for name, value in values.items():
        match = REFLECTION_NAME.fullmatch(name)
        if match is not None and 1 <= int(match[1]) <= MAX_WEEKS and value.strip():
            written.setdefault(int(match[1]), {})[match[2]] = value
    return [
        Reflection(start + dt.timedelta(days=DAYS_PER_WEEK * week - 1), **answers)
        for week, answers in sorted(written.items())
    ]
