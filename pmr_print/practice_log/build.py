"""The practice log from options to bytes and back: what pmr_print.api's log functions do.

Kept apart from api.py so that the API module stays a list of short entry points.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from pmr_print.limits import LimitError, check_text
from pmr_print.model import Guide
from pmr_print.options import LogDetails, Settings
from pmr_print.practice_log.calendar import LogWeeks, coming_week_start, span_for_dates
from pmr_print.practice_log.entries import (
    EntriesFileError,
    Entry,
    EntryProblem,
    Parsed,
    read_entries,
)
from pmr_print.practice_log.fields import entries_from_fields
from pmr_print.problems import UsageError

DEFAULT_WEEKS = 4


def protocol_names(guide: Guide) -> dict[str, str]:
    """Each protocol's id and name (casefolded) to the name printed in this language."""
    names = {}
    for protocol in guide.protocols:
        names[protocol.id.casefold()] = protocol.name
        names[protocol.name.casefold()] = protocol.name
    return names


def log_weeks(
    settings: Settings, details: LogDetails, entries: Sequence[Entry] | None = None
) -> LogWeeks:
    """The weeks a log covers (see LogDetails)."""
    first_weekday = settings.first_weekday
    if entries is None:
        today = details.today or dt.date.today()
        start = details.start or coming_week_start(today, first_weekday)
        return LogWeeks(start, details.weeks or DEFAULT_WEEKS)
    dates = [entry.date for entry in entries]
    if not dates and details.start is None:
        raise UsageError("a completed log needs at least one entry, or --start")
    return span_for_dates(dates, first_weekday, details.start, details.weeks)


def parse_entries_text(text: str, origin: str, guide: Guide) -> Parsed:
    """Entries from a .csv or .json file's text; the kind is told by the name's ending."""
    kind = "json" if origin.casefold().endswith(".json") else "csv"
    try:
        return read_entries(text, origin, kind, protocol_names(guide))
    except EntriesFileError as error:
        raise UsageError(str(error)) from None


def entries_from_pdf(data: bytes, origin: str) -> Parsed:
    from pmr_print.practice_log.form_tree import field_values

    try:
        form = field_values(data, origin)
        parsed = entries_from_fields(form.values)
    except EntriesFileError as error:
        raise UsageError(f"{origin}: {error}") from None
    parsed.problems += [EntryProblem(where, "field", what) for where, what in form.unplaced]
    return parsed


def printable_rows(parsed: Parsed, guide: Guide, settings: Settings) -> Parsed:
    """The rows every character of which a shipped font has; a row with one that none has
    (an emoji in the notes) is a problem naming the row and field, and the others still print."""
    from pmr_print.pdf.markup import MissingGlyphError, check_glyphs
    from pmr_print.pdf.styles import make_styles

    faces = make_styles(settings.theme, guide.lang).faces
    kept = Parsed(problems=list(parsed.problems))
    for where, entry in parsed.rows:
        try:
            for column in ("time", "protocol", "notes"):
                check_glyphs([(getattr(entry, column), column)], faces)
        except MissingGlyphError as error:
            kept.problems.append(EntryProblem(where, column, error.detail))
            continue
        kept.rows.append((where, entry))
    return kept


def cut_rows(parsed: Parsed, guide: Guide, settings: Settings) -> list[EntryProblem]:
    """A warning for each row whose notes or time will print cut, with "…", in its cell."""
    from pmr_print.practice_log.render import cut_entries

    cut = {id(entry) for entry in cut_entries(guide, settings, parsed.entries)}
    return [
        EntryProblem(where, "notes", "too long for the day's cell; printed cut, ending in …")
        for where, entry in parsed.rows
        if id(entry) in cut
    ]


def printable_entries(entries: Sequence[Entry]) -> list[Entry]:
    """Entries given to the API, with their free text within pmr_print.limits; UsageError names
    the entry's date and the field."""
    checked = []
    for entry in entries:
        try:
            time, notes = check_text("time", entry.time), check_text("notes", entry.notes)
        except LimitError as error:
            raise UsageError(f"entry {entry.date}: {error}") from None
        checked.append(dataclasses.replace(entry, time=time, notes=notes))
    return checked


def outside(entries: Sequence[Entry], weeks: LogWeeks) -> Mapping[dt.date, Entry]:
    return {entry.date: entry for entry in entries if not weeks.covers(entry.date)}
