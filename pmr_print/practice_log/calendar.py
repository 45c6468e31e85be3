"""The weeks of a practice log: which day each week starts on, plain date arithmetic.

Weekdays are numbered as Python and Babel number them: 0 = Monday ... 6 = Sunday. A locale's first
weekday (Babel's `Locale.first_week_day`) is Sunday for en_US and Monday for zh_CN and en_GB.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

DAYS_PER_WEEK = 7
MAX_WEEKS = 52


@dataclass(frozen=True)
class LogWeeks:
    """The span a log covers: `count` weeks of 7 days from `start`."""

    start: dt.date
    count: int

    @property
    def end(self) -> dt.date:
        """The last day covered."""
        return self.start + dt.timedelta(days=DAYS_PER_WEEK * self.count - 1)

    def week_start(self, week: int) -> dt.date:
        """The first day of week `week` (1-based)."""
        return self.start + dt.timedelta(days=DAYS_PER_WEEK * (week - 1))

    def day(self, week: int, day: int) -> dt.date:
        """Day `day` (1-based) of week `week` (1-based)."""
        return self.week_start(week) + dt.timedelta(days=day - 1)

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def position(self, day: dt.date) -> tuple[int, int]:
        """(week, day), both 1-based, of a date the log covers."""
        week, weekday = divmod((day - self.start).days, DAYS_PER_WEEK)
        return week + 1, weekday + 1

    def index(self, day: dt.date) -> int:
        """Days since the start: the x of a day on the progress chart."""
        return (day - self.start).days


def coming_week_start(today: dt.date, first_weekday: int) -> dt.date:
    """The next first-weekday strictly after today: the start of the coming week."""
    ahead = (first_weekday - today.weekday()) % DAYS_PER_WEEK
    return today + dt.timedelta(days=ahead or DAYS_PER_WEEK)


def week_start_on_or_before(day: dt.date, first_weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - first_weekday) % DAYS_PER_WEEK)


def weeks_to_cover(start: dt.date, last: dt.date) -> int:
    """How many weeks from start it takes to reach the day `last` (at least one)."""
    return max(1, (last - start).days // DAYS_PER_WEEK + 1)


def span_for_dates(
    dates: Iterable[dt.date],
    first_weekday: int,
    start: dt.date | None = None,
    weeks: int | None = None,
) -> LogWeeks:
    """The weeks of a completed log: --start/--weeks when given, else from the entries' dates."""
    found = sorted(dates)
    if start is None:
        start = week_start_on_or_before(found[0], first_weekday) if found else None
    if start is None:
        raise ValueError("a log needs a start date or at least one dated entry")
    if weeks is None:
        later = [day for day in found if day >= start]
        weeks = min(weeks_to_cover(start, later[-1]), MAX_WEEKS) if later else 1
    return LogWeeks(start, weeks)
