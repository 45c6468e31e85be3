"""What the progress chart and its table show: plain numbers from the entries, no ReportLab."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pmr_print.practice_log.calendar import LogWeeks
from pmr_print.practice_log.entries import Entry

Point = tuple[int, int]


@dataclass(frozen=True)
class WeekSummary:
    week: int
    days_practised: int
    before: float | None  # average tension before practice, None without ratings
    after: float | None


def tension_series(entries: Iterable[Entry], weeks: LogWeeks) -> tuple[list[Point], list[Point]]:
    """(day index, rating) for tension before and after, by date; days without a rating are gaps."""
    ordered = sorted(entries, key=lambda entry: entry.date)
    before = [(weeks.index(e.date), e.before) for e in ordered if e.before is not None]
    after = [(weeks.index(e.date), e.after) for e in ordered if e.after is not None]
    return before, after


def runs(series: list[Point]) -> list[list[Point]]:
    """The series cut where a day is missing, so that a chart's line breaks at the gap instead
    of implying ratings that do not exist."""
    found: list[list[Point]] = []
    for point in series:
        if found and point[0] - found[-1][-1][0] == 1:
            found[-1].append(point)
        else:
            found.append([point])
    return found


def average(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def week_summaries(entries: Iterable[Entry], weeks: LogWeeks) -> list[WeekSummary]:
    by_week: dict[int, list[Entry]] = {week: [] for week in range(1, weeks.count + 1)}
    for entry in entries:
        if weeks.covers(entry.date):
            by_week[weeks.position(entry.date)[0]].append(entry)
    return [
        WeekSummary(
            week,
            sum(1 for entry in found if entry.practised),
            average([entry.before for entry in found if entry.before is not None]),
            average([entry.after for entry in found if entry.after is not None]),
        )
        for week, found in by_week.items()
    ]
