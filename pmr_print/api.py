"""The Python API: load content, get PDF bytes. The command line is a thin layer over this."""

from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor
from dataclasses import replace
from typing import TYPE_CHECKING, BinaryIO, Literal, NamedTuple, overload

from pmr_print.edition import load_edition, one_language
from pmr_print.files import device_name, read_regular, slug
from pmr_print.limits import quoted
from pmr_print.loader import languages as content_languages
from pmr_print.loader import load_guide
from pmr_print.model import Bilingual, Edition, Guide
from pmr_print.options import (
    BookletDetails,
    HandoutDetails,
    LogDetails,
    PrintOptions,
    Settings,
    WorkshopDetails,
    check_omit,
    check_omit_each,
    resolve,
    resolve_pair,
)

# Every surface writes its files as the products' own batch does: atomically, never over an input.
from pmr_print.pdf.output import check_target, write_atomically
from pmr_print.practice_log.entries import Entry, EntryProblem, Reflection
from pmr_print.problems import Problem, UsageError
from pmr_print.resources import default_content_dir
from pmr_print.workshop.results import Packet, WorkshopReport
from pmr_print.workshop.roster import (
    WEB_ROWS,
    Roster,
    RosterError,
    Row,
    RowProblem,
    TooManyRows,
)

if TYPE_CHECKING:
    from pmr_print.audio.session import Spoken
    from pmr_print.plans.session import SessionPlan
    from pmr_print.plans.step import StepPlan

Builder = Callable[[Edition, PrintOptions], bytes]


@overload
def load(lang: Literal["bi"], content_dir: pathlib.Path | None = None) -> Bilingual: ...
@overload
def load(lang: Literal["en", "zh"] = "en", content_dir: pathlib.Path | None = None) -> Guide: ...
@overload
def load(lang: str, content_dir: pathlib.Path | None = None) -> Edition: ...
def load(lang: str = "en", content_dir: pathlib.Path | None = None) -> Edition:
    """Load one language of a content folder (default: the shipped content), or with "bi" the
    bilingual edition: a `Bilingual` pair of the English and the Chinese guide, which the
    products that have a bilingual edition take in place of a guide."""
    return load_edition(content_dir or default_content_dir(), lang)


def check(content_dir: pathlib.Path | None = None) -> list[Problem]:
    """What `pmr-print check` reports: every problem of a content folder (default: the shipped
    one), including characters no shipped font can print. An empty list means it is fine."""
    from pmr_print.check import check_content

    return check_content(content_dir or default_content_dir(), preflight)


def preflight(guide: Guide) -> list[Problem]:
    """What a build of the guide would refuse beyond the model: characters no shipped font has,
    and, in every protocol, an instruction too long for a card or for a page of the handout."""
    from pmr_print.cards.render import overflowing_steps
    from pmr_print.handout.render import oversized_steps
    from pmr_print.pdf.printable import unprintable
    from pmr_print.pdf.styles import make_styles

    problems = unprintable(guide)
    if problems:
        return problems  # the layout below would stop at the same character
    for protocol in guide.protocols:
        settings = resolve(PrintOptions(protocol=protocol.id), guide)
        styles = make_styles(settings.theme, guide.lang)
        problems += oversized_steps(guide, protocol, styles, settings)
        problems += overflowing_steps(guide, settings)
    return problems


def languages(content_dir: pathlib.Path | None = None) -> list[str]:
    """The languages of a content folder (default: the shipped one)."""
    return content_languages(content_dir or default_content_dir())


BILINGUAL_PRODUCTS = ("handout", "cards", "booklet")  # the products that take --lang bi


def builders() -> dict[str, Builder]:
    """Every product that exists, by name, built with its default details. They are module-level
    functions, so that a worker process can be handed one (pickled by name)."""
    return {"handout": handout_pdf, "cards": cards_pdf, "log": log_pdf, "booklet": booklet_pdf}


def build_all(
    output_dir: pathlib.Path, content_dir: pathlib.Path | None = None
) -> list[pathlib.Path]:
    """Build every product in every language, and the bilingual editions, into output_dir, on
    every core; return the files written. The content is checked first: broken content raises
    ContentError, nothing written."""
    from pmr_print.batch import Job, build_jobs

    content = content_dir or default_content_dir()
    langs = content_languages(content)
    for lang in langs:
        load_guide(content, lang)
    jobs = [
        Job(product, build, lang, content)
        for lang in langs
        for product, build in builders().items()
    ]
    if {"en", "zh"} <= set(langs):
        load_edition(content, Bilingual.lang)  # the two agree, or nothing is written
        jobs += [
            Job(product, build, Bilingual.lang, content)
            for product, build in builders().items()
            if product in BILINGUAL_PRODUCTS
        ]
    return build_jobs(jobs, output_dir, content_files(content))


def content_files(content_dir: pathlib.Path | None = None) -> list[pathlib.Path]:
    """The files of a content folder (default: the shipped one) that a build reads: an output
    must never replace one of them."""
    content = content_dir or default_content_dir()
    return sorted([*content.glob("*/guide.md"), *content.glob("*/labels.po")])


def handout_pdf(
    edition: Edition, options: PrintOptions | None = None, details: HandoutDetails | None = None
) -> bytes:
    """The therapist handout as PDF bytes."""
    from pmr_print.handout.render import render_bilingual_handout, render_handout

    options = options or PrintOptions()
    details = details or HandoutDetails()
    if isinstance(edition, Bilingual):
        pair = resolve_pair(options, edition)
        check_omit_each(pair, details)
        return render_bilingual_handout(edition, pair, details)
    settings = resolve(options, edition)
    check_omit(settings.protocol, details)
    return render_handout(edition, settings, details)


def cards_pdf(
    edition: Edition,
    options: PrintOptions | None = None,
    layout: str | None = None,
    duplex: bool = False,
) -> bytes:
    """Step cards as PDF bytes: `layout` is "4up" (A6 on A4, with crop marks), "2up" (two
    half-sheet cards a page) or "1up" (a card a page); `duplex` puts the text on the back, for
    long-edge double-sided printing. The default is 4up, and 2up in large print, whose
    16 pt text would leave an A6 card's figure a thumbnail."""
    from pmr_print.cards.render import render_cards

    options = options or PrintOptions()
    if layout is None:
        layout = "2up" if options.large_print else "4up"
    layout = card_layout(layout)
    if isinstance(edition, Bilingual):
        return render_cards(edition.guides, resolve_pair(options, edition), layout, duplex)
    return render_cards([edition], [resolve(options, edition)], layout, duplex)


def card_layouts() -> tuple[str, ...]:
    """The card layouts: "4up" (the default), "2up", "1up"."""
    from pmr_print.cards.sheet import LAYOUTS

    return tuple(LAYOUTS)


def card_layout(layout: str) -> str:
    """`layout` when it is a card layout ("4up", "2up", "1up"); else UsageError naming them."""
    from pmr_print.cards.sheet import LAYOUTS

    if layout not in LAYOUTS:
        raise UsageError(f"unknown card layout {quoted(layout)}; use one of: {', '.join(LAYOUTS)}")
    return layout


def handout_html(
    edition: Edition, options: PrintOptions | None = None, details: HandoutDetails | None = None
) -> str:
    """The therapist handout as one self-contained, accessible HTML page; a Bilingual edition
    gives both languages in one page."""
    from pmr_print.html.handout import render_bilingual_handout, render_handout

    if isinstance(edition, Bilingual):
        pair = resolve_pair(options or PrintOptions(), edition)
        check_omit_each(pair, details or HandoutDetails())
        return render_bilingual_handout(edition, pair, details or HandoutDetails())
    guide = edition
    settings = resolve(options or PrintOptions(), guide)
    details = details or HandoutDetails()
    check_omit(settings.protocol, details)
    return render_handout(guide, settings, details)


def cards_html(edition: Edition, options: PrintOptions | None = None) -> str:
    """The step cards as one self-contained, accessible HTML page; each figure is named by the
    content's {.alt} text (ContentError naming FILE:LINE where one is missing)."""
    from pmr_print.html.cards import render_cards

    if isinstance(edition, Bilingual):
        pair = resolve_pair(options or PrintOptions(), edition)
        return render_cards(edition.guides, pair)
    guide = edition
    settings = resolve(options or PrintOptions(), guide)
    return render_cards([guide], [settings])


def log_pdf(
    edition: Edition,
    options: PrintOptions | None = None,
    details: LogDetails | None = None,
    entries: Sequence[Entry] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The weekly practice log as PDF bytes: a fillable form, or with `entries` a completed log
    with a progress chart. Entries outside the weeks (LogDetails.start/weeks) are an error.
    `progress(week, weeks)`: each week's page drawn."""
    from pmr_print.practice_log.build import log_weeks, outside, printable_entries
    from pmr_print.practice_log.render import render_log

    guide = one_language(edition, "the practice log")
    settings = resolve(options or PrintOptions(), guide)
    details = details or LogDetails()
    entries = None if entries is None else printable_entries(entries)
    weeks = log_weeks(settings, details, entries)
    stray = outside(entries or (), weeks)
    if stray:
        raise UsageError(
            f"entry {min(stray)} is outside the log's weeks ({weeks.start} to {weeks.end})"
        )
    return render_log(guide, settings, details, weeks, entries, progress)


def diary_log_pdf(
    edition: Edition,
    options: PrintOptions,
    details: LogDetails,
    text: str,
    origin: str,
    report: Callable[[list[EntryProblem]], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[bytes, list[EntryProblem]]:
    """A completed log from a diary's text (CSV, or JSON when `origin` ends in .json): the PDF of
    the good rows, and a problem for each bad row (left out) or row printed cut, in the order of
    the file. Raises UsageError when the file cannot be read or no row is usable; its message
    lists the bad rows first, unless `report` was given: then `report` gets them, before the
    error and before the build (the command line says them on standard error as it goes).
    `progress`: as log_pdf's."""
    from pmr_print.practice_log.build import (
        cut_rows,
        log_weeks,
        parse_entries_text,
        printable_rows,
    )
    from pmr_print.practice_log.entries import keep_within

    guide = one_language(edition, "the practice log")
    settings = resolve(options, guide)
    parsed = printable_rows(parse_entries_text(text, origin, guide), guide, settings)
    if parsed.entries or details.start is not None:
        weeks = log_weeks(settings, details, parsed.entries)
        parsed = keep_within(parsed, weeks)
    problems = sorted(parsed.problems + cut_rows(parsed, guide, settings), key=row_order)
    if report is not None:
        report(problems)
    if not parsed.entries:
        lines = [] if report is not None else [str(problem) for problem in problems]
        raise UsageError("\n".join([*lines, f"{origin}: no usable entries, so no log was written"]))
    return log_pdf(guide, options, details, parsed.entries, progress), problems


def row_order(problem: EntryProblem) -> list[int]:
    """Line, index or week and day: the order of the rows in their file."""
    import re

    return [int(found) for found in re.findall(r"\d+", problem.where.rpartition("/")[2])]


def read_filled_log(pdf: bytes, origin: str = "PDF") -> tuple[list[Entry], list[EntryProblem]]:
    """A filled log's readable days, and a problem for each day that cannot be read (left out)."""
    rows, problems = read_filled_days(pdf, origin)
    return [entry for _, entry in rows], problems


class Filled(NamedTuple):
    """What a filled log holds: its readable days (each with the day it was read from), its
    weekly reflections (each dated by the last day of its week), and a problem for each day
    that cannot be read."""

    rows: list[tuple[str, Entry]]
    reflections: list[Reflection]
    problems: list[EntryProblem]


def read_filled(pdf: bytes, origin: str = "PDF") -> Filled:
    from pmr_print.practice_log.build import entries_from_pdf

    parsed = entries_from_pdf(pdf, origin)
    return Filled(parsed.rows, parsed.reflections, sorted(parsed.problems, key=row_order))


def read_filled_days(
    pdf: bytes, origin: str = "PDF"
) -> tuple[list[tuple[str, Entry]], list[EntryProblem]]:
    """As read_filled_log, each entry with the day it was read from (`w1.d2`)."""
    filled = read_filled(pdf, origin)
    return filled.rows, filled.problems


def entries_text(
    entries: Sequence[Entry], kind: str = "csv", reflections: Sequence[Reflection] | None = None
) -> str:
    """Entries as the CSV or JSON that `pmr-print log --read` prints and `--entries` reads; with
    `reflections` (read_filled's), when one is written, the columns reflection_relaxed and
    reflection_noticed too, each week's on the row of its last day."""
    from pmr_print.practice_log.entries import to_csv, to_json

    write = to_json if kind == "json" else to_csv
    return write(list(entries), None if reflections is None else list(reflections))


def booklet_pdf(
    edition: Edition,
    options: PrintOptions | None = None,
    details: BookletDetails | None = None,
    impose: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The client's booklet as PDF bytes: A5 pages (half-Letter for Letter paper) in reading
    order; with `impose`, the saddle-stitch print file, two pages to a side of the paper, and
    `progress(done, pages)` as its pages are placed on the sheets."""
    from pmr_print.booklet.render import render_booklet

    options = options or PrintOptions()
    details = details or BookletDetails()
    if isinstance(edition, Bilingual):
        from pmr_print.booklet.render import render_bilingual_booklet

        pair = resolve_pair(options, edition)
        check_omit_each(pair, details)
        return render_bilingual_booklet(edition, pair, details, impose, progress)
    return render_booklet(edition, resolve(options, edition), details, impose, progress)


def booklet_html(
    edition: Edition, options: PrintOptions | None = None, details: BookletDetails | None = None
) -> str:
    """The client's booklet as one accessible HTML page: the handout, then a card per step (the
    practice log is left to its fillable PDF)."""
    from pmr_print.html.booklet import render_booklet

    if isinstance(edition, Bilingual):
        pair = resolve_pair(options or PrintOptions(), edition)
        check_omit_each(pair, details or BookletDetails())
        return render_booklet(edition.guides, pair, details or BookletDetails())
    settings = resolve(options or PrintOptions(), edition)
    return render_booklet([edition], [settings], details or BookletDetails())


def read_log(pdf: bytes, origin: str = "PDF") -> list[Entry]:
    """The filled-in days of a practice log (filled in any viewer) as entries; raises UsageError
    naming the day (wW.dD) and field of the first value that cannot be read."""
    from pmr_print.practice_log.build import entries_from_pdf

    parsed = entries_from_pdf(pdf, origin)
    if parsed.problems:
        raise UsageError(str(parsed.problems[0]))
    return parsed.entries


__all__ = [
    "Bilingual",
    "BookletDetails",
    "Edition",
    "Entry",
    "EntryProblem",
    "Filled",
    "Guide",
    "HandoutDetails",
    "LogDetails",
    "Packet",
    "PrintOptions",
    "Reflection",
    "Roster",
    "RosterError",
    "RowProblem",
    "TooManyRows",
    "WEB_ROWS",
    "Row",
    "WorkshopDetails",
    "WorkshopReport",
    "booklet_pdf",
    "build_all",
    "card_layouts",
    "check_target",
    "content_files",
    "check",
    "booklet_html",
    "cards_html",
    "cards_pdf",
    "default_content_dir",
    "handout_html",
    "handout_pdf",
    "load",
    "log_pdf",
    "packet_name",
    "packets",
    "read_filled",
    "read_log",
    "read_roster",
    "workshop",
    "workshop_zip",
    "write_atomically",
    "write_workshop_zip",
]


def read_roster(path: pathlib.Path, content_dir: pathlib.Path | None = None) -> Roster:
    """A workshop roster's rows, checked (`Roster.rows`), and its bad rows (`Roster.problems`,
    each naming its CSV line and id). Raises RosterError when the file cannot be read as a
    roster at all (not UTF-8, not CSV, a wrong header)."""
    from pmr_print.workshop.roster import read_roster as check

    return check(read_regular(path), str(path), languages(content_dir))


def packets(
    rows: Sequence[Row],
    options: PrintOptions | None = None,
    details: WorkshopDetails | None = None,
    content_dir: pathlib.Path | None = None,
    executor: Executor | None = None,
) -> Iterator[tuple[Row, Packet | str]]:
    """The packet batch: (row, its Packet or why it failed), in the order they finish, built
    on `executor` (any concurrent.futures.Executor; default: a process pool, a worker a core).
    A Packet has `fillable` (handout and fillable log) and `paper` (no form fields) bytes."""
    from pmr_print.workshop.batch import packets as run
    from pmr_print.workshop.pack import packet_setup

    details = details or WorkshopDetails()
    content = content_dir or default_content_dir()
    setup = packet_setup(
        options or PrintOptions(), details, content, details.date or dt.date.today()
    )
    return run(rows, setup, executor)


def workshop_zip(
    roster: bytes,
    origin: str,
    options: PrintOptions | None = None,
    details: WorkshopDetails | None = None,
    content_dir: pathlib.Path | None = None,
    executor: Executor | None = None,
    max_rows: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    by_name: bool = False,
) -> tuple[bytes, list[RowProblem]]:
    """The workshop from a roster's bytes, as one zip archive in memory (the files
    `pmr-print workshop` writes, under the same names, with problems.txt listing the bad rows),
    and the bad rows, skipped: write_workshop_zip's archive, read back. A large roster's archive
    is better written to a file (write_workshop_zip)."""
    import io

    out = io.BytesIO()
    args = (roster, origin, options, details, content_dir, executor, max_rows, progress, by_name)
    problems = write_workshop_zip(out, *args)
    return out.getvalue(), problems


def write_workshop_zip(
    out: BinaryIO,
    roster: bytes,
    origin: str,
    options: PrintOptions | None = None,
    details: WorkshopDetails | None = None,
    content_dir: pathlib.Path | None = None,
    executor: Executor | None = None,
    max_rows: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    by_name: bool = False,
) -> list[RowProblem]:
    """The workshop from a roster's bytes, written into `out` (a file opened for writing) as one
    zip archive, its packets spooled to disk as they are made: memory stays flat in the number
    of rows. Returns the bad rows, skipped. Raises UsageError when the roster cannot be read or
    no packet could be built, and TooManyRows (a RosterError) beyond `max_rows` rows.
    `progress(done, total)` is called as each packet is done, built or not. `by_name`: each
    packet is named by its participant too, packets/ID-NAME.pdf (jm-jane-miller.pdf), for a pack
    downloaded whole."""
    from pmr_print.workshop.archive import Request, packet_path, write_zip

    request = Request(
        roster,
        origin,
        options or PrintOptions(),
        details or WorkshopDetails(),
        content_dir or default_content_dir(),
        max_rows,
    )
    named = (lambda row: packet_name(row.id, row.name)) if by_name else packet_path
    zipped = write_zip(request, out, executor, progress, named)
    if not zipped.built:
        lines = [str(problem) for problem in zipped.problems]
        raise UsageError("\n".join([*lines, f"{origin}: no packet could be built"]))
    return zipped.problems


def packet_name(row_id: str, name: str) -> str:
    """packets/ID-NAME.pdf: the roster's id (unique, safe) and the name's slug; never one of
    Windows' device names (an id such as 'con' with a name of no letter)."""
    stem = "-".join(part for part in (row_id, slug(name)) if part)
    if device_name(f"{stem}.pdf"):
        stem = f"{stem}-packet"
    return f"packets/{stem}.pdf"


def workshop(
    roster: pathlib.Path,
    output_dir: pathlib.Path,
    options: PrintOptions | None = None,
    details: WorkshopDetails | None = None,
    content_dir: pathlib.Path | None = None,
    executor: Executor | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> WorkshopReport:
    """What `pmr-print workshop` does: the script, the slides (details.lang "en", "zh" or "bi")
    and a packet per good row of the roster, written into output_dir. The report lists the
    files written and the bad rows; `report.status` is the command's exit status."""
    from pmr_print.workshop.pack import build_workshop

    return build_workshop(
        roster,
        output_dir,
        options or PrintOptions(),
        details or WorkshopDetails(),
        content_dir or default_content_dir(),
        executor,
        progress,
    )


def audio(
    edition: Edition,
    options: PrintOptions | None = None,
    details: HandoutDetails | None = None,
    kind: str = "opus",
) -> Spoken:
    """The guided session, spoken (issue 24): `.audio` is an Opus, MP3 or WAV file (`kind`),
    `.captions` its WebVTT captions, `.seconds` its length, which the plan states. The shipped
    content speaks from shipped clips; a clinic's own words need the [voice] extra."""
    from pmr_print.audio.session import spoken_session

    guide, settings = spoken_settings(edition, options, details)
    return spoken_session(guide, settings, kind)


def spoken_settings(
    edition: Edition, options: PrintOptions | None, details: HandoutDetails | None
) -> tuple[Guide, Settings]:
    """The guide and settings a spoken session is made of: one language, its groups left out."""
    if isinstance(edition, Bilingual):
        raise UsageError("a spoken session is in one language: use --lang en or --lang zh")
    details = details or HandoutDetails()
    settings = resolve(options or PrintOptions(), edition)
    check_omit(settings.protocol, details)
    left = settings.protocol.without(frozenset(details.omit))
    return edition, replace(settings, protocol=left)


def session_plan(
    edition: Edition,
    options: PrintOptions | None = None,
    details: HandoutDetails | None = None,
) -> SessionPlan:
    """The plan `audio` speaks (a listener's session, timed with the clips' lengths), so a page
    playing that audio follows it on the same clock (the practice page)."""
    from pmr_print.audio.session import listener_plan

    return listener_plan(*spoken_settings(edition, options, details))


def step_figure(step: StepPlan, figure_id: str, tensed: bool = True) -> str:
    """The step's figure as inline SVG, as the HTML edition draws it: tensed, or at rest."""
    from pmr_print.html.svg import figure

    shown = step.figure
    return str(figure(shown.covers, shown.alt, figure_id, tensed=tensed and shown.tensed))


def reminders(
    edition: Edition,
    options: PrintOptions | None = None,
    details: LogDetails | None = None,
    at: dt.time = dt.time(19, 0),
) -> str:
    """Practice reminders as iCalendar text: a daily event at `at` (floating local time) with an
    alarm, over the weeks the practice log covers (its --start and --weeks), in the guide's
    language."""
    from pmr_print.practice_log.build import log_weeks
    from pmr_print.reminders.calendar import reminders as calendar

    if isinstance(edition, Bilingual):
        raise UsageError("reminders are in one language: use --lang en or --lang zh")
    settings = resolve(options or PrintOptions(), edition)
    weeks = log_weeks(settings, details or LogDetails())
    return calendar(edition, weeks.start, 7 * weeks.count, at)
