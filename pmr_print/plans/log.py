"""What the practice log says in one language: `plan_log(guide, settings, details, start, ...)`.

Every word, date, weekday, week title and protocol name of the log, chosen and formatted for the
guide's language and locale; the log's painters (practice_log/) only place them. A bilingual log
(the booklet's) is the plans of its languages joined line by line (`joined`), each language with
its own dates, weekdays and protocol name: "Week 1: March 15, 2026 to March 21, 2026 · 第1周：
2026年3月15日至2026年3月21日".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton

from pmr_print.labels import SEPARATOR
from pmr_print.model import Guide
from pmr_print.options import LogDetails, Settings

DAYS_PER_WEEK = 7
# The log's columns in order: (key, label, the small line under the label).
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("day", "Day", ""),
    ("practised", "Practised", ""),
    ("time", "Time of day", ""),
    ("minutes", "Minutes", ""),
    ("protocol", "Protocol", ""),
    ("before", "Tension before", "0 to 10"),
    ("after", "Tension after", "0 to 10"),
    ("notes", "What I noticed", "e.g. warmth, heaviness, tingling"),
)


@dataclass(frozen=True)
class LogColumn:
    key: str
    head: str  # "Tension before"
    hint: str  # the small line under it: "0 to 10"; "" for none


@dataclass(frozen=True)
class LogDay:
    date: dt.date
    line: str  # on one line: "Sun, Mar 15", "3月15日周日"
    weekday: str  # above the date when the rows are high: "Sunday", "星期日"
    day: str  # under the weekday: "Mar 15", "3月15日"
    short_weekday: str  # "Sun", "周日": a second language's part of a one-line day


@dataclass(frozen=True)
class LogWeek:
    number: int
    title: str  # "Week 1: March 15, 2026 to March 21, 2026"
    name: str  # on the progress page: "Week 1"
    days: tuple[LogDay, ...]


@dataclass(frozen=True)
class LogPlan:
    """Everything one log says, in reading order."""

    lang: str
    tag: str  # BCP 47
    colon: str  # after a label: ": ", "："
    title: str  # "Practice log"
    name_label: str  # "Name: ", "姓名："
    name: str  # the client's, printed literally
    protocol: str  # "Protocol: Standard"
    scale: str  # "Tension scale: 0 = fully relaxed, 10 = the most tense"
    columns: tuple[LogColumn, ...]
    weeks: tuple[LogWeek, ...]
    widest_days: tuple[str, ...]  # the longest texts a day cell may hold (sizes its column)
    reflection: str  # "Weekly reflection"
    questions: tuple[str, str]
    protocols: tuple[str, ...]  # the protocol names a day may choose from
    footer: str  # "Practice log · Jane Miller"
    pages: tuple[str, ...]  # "Page 1 of 5" ...
    progress: tuple[str, str]  # the progress page's title and subtitle
    chart_axis: str  # "Tension (0 to 10)"
    chart_legend: tuple[str, str]  # "Before", "After"
    summary_heads: tuple[str, str, str]  # "Days practised", "Average before", "Average after"

    def week(self, number: int) -> LogWeek:
        return self.weeks[number - 1]

    def column(self, key: str) -> LogColumn:
        return next(column for column in self.columns if column.key == key)

    def tip(self, day: LogDay) -> str:
        """What a day's field tooltips start with: "Sun, Mar 15: ", "3月15日周日："."""
        return day.line + self.colon


def plan_log(
    guide: Guide,
    settings: Settings,
    details: LogDetails,
    start: dt.date,
    count: int,
    pages: int | None = None,
) -> LogPlan:
    """What a log of `count` weeks from `start` says in the guide's language; `pages`, the
    number its footers count (default: a page a week)."""
    labels = guide.labels
    total = count if pages is None else pages
    title = labels("Practice log")
    return LogPlan(
        lang=guide.lang,
        tag=settings.tag,
        colon=settings.language.colon,
        title=title,
        name_label=labels("Name") + settings.language.colon,
        name=details.name,
        protocol=labels("Protocol: {name}", name=settings.protocol.name),
        scale=labels("Tension scale: 0 = fully relaxed, 10 = the most tense"),
        columns=tuple(
            LogColumn(key, labels(head), labels(hint) if hint else "")
            for key, head, hint in COLUMNS
        ),
        weeks=tuple(plan_week(guide, settings, start, number) for number in range(1, count + 1)),
        widest_days=widest_days(settings.locale),
        reflection=labels("Weekly reflection"),
        questions=(
            labels("How relaxed do you feel this week?"),
            labels("What did you notice in your body?"),
        ),
        protocols=tuple(protocol.name for protocol in guide.protocols),
        footer=title + (f"{SEPARATOR}{details.name}" if details.name else ""),
        pages=tuple(
            labels("Page {page} of {pages}", page=page, pages=total) for page in range(1, total + 1)
        ),
        progress=(labels("Progress"), labels("Tension before and after practice")),
        chart_axis=labels("Tension (0 to 10)"),
        chart_legend=(labels("Before"), labels("After")),
        summary_heads=(labels("Days practised"), labels("Average before"), labels("Average after")),
    )


def plan_week(guide: Guide, settings: Settings, start: dt.date, number: int) -> LogWeek:
    first = start + dt.timedelta(days=DAYS_PER_WEEK * (number - 1))
    last = first + dt.timedelta(days=DAYS_PER_WEEK - 1)
    language, locale = settings.language, settings.locale
    title = guide.labels(
        "Week {number}: {first} to {last}",
        number=number,
        first=language.long_date(first, locale),
        last=language.long_date(last, locale),
    )
    days = tuple(
        plan_day(first + dt.timedelta(days=offset), settings) for offset in range(DAYS_PER_WEEK)
    )
    return LogWeek(number, title, guide.labels("Week {number}", number=number), days)


def plan_day(day: dt.date, settings: Settings) -> LogDay:
    locale = settings.locale
    return LogDay(
        day,
        settings.language.day(day, locale),
        str(format_date(day, "EEEE", locale=locale)),
        str(format_skeleton("MMMd", day, locale=locale)),
        str(format_date(day, "EEE", locale=locale)),
    )


def widest_days(locale: Locale) -> tuple[str, ...]:
    """What a day cell may hold, for a week whose dates have two digits (the widest)."""
    days = [dt.date(2026, 12, 24) + dt.timedelta(days=offset) for offset in range(7)]
    return (
        *(str(format_skeleton("MMMEd", day, locale=locale)) for day in days),
        *(str(format_date(day, "EEEE", locale=locale)) for day in days),
    )


# What a bilingual log keeps of its first language instead of joining: the tag, the colon of
# the field tooltips, the client's name (printed once) and the footer.
KEPT = frozenset({"lang", "tag", "colon", "name", "footer", "number", "date", "key"})


def joined(plans: Sequence[LogPlan]) -> LogPlan:
    """One log in several languages: every line in each language, first to last ("Practice log
    · 练习记录"), each with its own dates, weekdays and protocol name."""
    first: LogPlan = join_values(plans)
    footer = first.title + (f"{SEPARATOR}{first.name}" if first.name else "")
    weeks = tuple(
        replace(week, days=tuple(one_line(plans, week.number, row) for row in range(DAYS_PER_WEEK)))
        for week in first.weeks
    )
    widest = tuple(text for week in weeks for day in week.days for text in (day.line, day.weekday))
    return replace(first, footer=footer, weeks=weeks, widest_days=widest)


def one_line(plans: Sequence[LogPlan], number: int, row: int) -> LogDay:
    """A day of a log in several languages: weekday and date in each above each other when the
    rows are high; on one line (large print), the first language's date and the others'
    weekdays, as both dates in full would crowd the notes out: "Sun, Mar 15 · 周日"."""
    days = [plan.week(number).days[row] for plan in plans]
    day: LogDay = join_values(days)
    line = SEPARATOR.join([days[0].line, *(other.short_weekday for other in days[1:])])
    return replace(day, line=line)


def join_values(values: Sequence[Any]) -> Any:
    """Strings joined with the separator (a string all share printed once), tuples item by
    item, records field by field; the rest (numbers, dates) as the first has them."""
    first = values[0]
    if isinstance(first, str):
        return SEPARATOR.join(dict.fromkeys(text.rstrip() for text in values if text))
    if isinstance(first, tuple):
        return tuple(join_values([value[i] for value in values]) for i in range(len(first)))
    if is_dataclass(first) and not isinstance(first, type):
        changes = {
            field.name: join_values([getattr(value, field.name) for value in values])
            for field in fields(first)
            if field.name not in KEPT
        }
        return replace(first, **changes)
    return first
