"""The whole workshop pack, written into one folder: the script, the slides, a packet per
participant and one file to print them all.

Rows that cannot be built are reported and leave nothing in the folder (their list is in
problems.txt); every file is written atomically; an interrupted build (Ctrl-C) takes back the
packets it wrote. The pack's files are named in FILES (and in the README).
"""

from __future__ import annotations

import datetime as dt
import pathlib
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass

from pmr_print.edition import edition_langs, load_edition
from pmr_print.files import read_regular
from pmr_print.i18n import long_date
from pmr_print.limits import quoted
from pmr_print.loader import languages
from pmr_print.locales import default_paper, locale_for_language, resolve_region
from pmr_print.model import Bilingual
from pmr_print.options import PrintOptions, WorkshopDetails, resolve, resolve_pair
from pmr_print.pdf.output import write_atomically
from pmr_print.problems import SHOWN_PROBLEMS, UsageError
from pmr_print.workshop.batch import Results, running
from pmr_print.workshop.packet import Named, PacketSetup
from pmr_print.workshop.results import WorkshopReport
from pmr_print.workshop.roster import SAFE_ID, RowProblem, read_roster
from pmr_print.workshop.script import render_script
from pmr_print.workshop.slides import render_slides
from pmr_print.workshop.voices import Voice

Progress = Callable[[int, int], None]  # (packets done, built or failed; packets in all)

SCRIPT = "facilitator-script.pdf"
SLIDES = "slides.pdf"
PRINT_FILE = "packets-to-print.pdf"
PACKETS = "packets"
PROBLEMS = "problems.txt"  # every bad row, one a line, when there are any


def build_workshop(
    roster: pathlib.Path,
    output_dir: pathlib.Path,
    options: PrintOptions,
    details: WorkshopDetails,
    content: pathlib.Path,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> WorkshopReport:
    checked = read_roster(read_regular(roster), str(roster), languages(content))
    report = WorkshopReport(problems=list(checked.problems))
    target = Target(output_dir, roster)
    if not checked.rows:
        write_problems(target, report, False)
        return report
    day = details.date or dt.date.today()
    voices = speakers(options, details, content)
    setup = packet_setup(options, details, content, day)
    try:
        with running(checked.rows, setup, executor) as batch:
            # The script and the slides are drawn here while the workers build the packets.
            author = details.clinician or details.clinic or "pmr-print"
            script = render_script(voices, author, note(voices, details, day))
            slides = render_slides(voices)
            papers = collect(batch.results, len(checked.rows), target, report, progress)
            ordered = [papers[row.id] for row in checked.rows if row.id in papers]
            paper = batch.print_file(ordered) if ordered else b""
    except KeyboardInterrupt:  # "nothing was written", as the command says: take back this run's
        for path in report.written:
            path.unlink(missing_ok=True)
        raise
    clear_failed(output_dir / PACKETS, report, papers)
    report.problems.sort(key=lambda problem: problem.line)
    write_problems(target, report, bool(papers))
    if not papers:
        return report
    files = ((SCRIPT, script), (SLIDES, slides), (PRINT_FILE, paper))
    for name, data in files:
        target.write(name, data)
    report.written = [output_dir / name for name, _ in files] + report.written
    return report


def write_problems(target: Target, report: WorkshopReport, built: bool) -> None:
    """problems.txt, every bad row, beside the pack (the terminal shows the first few); when
    no packet is built, only if the terminal cannot show them all. None is left from an earlier
    run when every row is good."""
    if report.problems and (built or len(report.problems) > SHOWN_PROBLEMS):
        target.write(PROBLEMS, problems_text(report.problems))
    elif (target.folder / PROBLEMS).is_file():
        (target.folder / PROBLEMS).unlink()


def problems_text(problems: Sequence[RowProblem]) -> bytes:
    # A roster's path may hold bytes that are not UTF-8 (os.fsdecode's surrogates): kept readable.
    return "".join(f"{problem}\n" for problem in problems).encode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Target:
    """The pack's folder; no file of the pack may replace the roster."""

    folder: pathlib.Path
    roster: pathlib.Path

    def write(self, name: str, data: bytes) -> pathlib.Path:
        path = self.folder / name
        write_atomically(path, data, inputs=(self.roster,))
        return path


def collect(
    results: Results,
    count: int,
    target: Target,
    report: WorkshopReport,
    progress: Progress | None,
) -> dict[str, Named]:
    """Write each packet as it arrives; return them by id, for the print file."""
    papers: dict[str, Named] = {}
    for done, (row, result) in enumerate(results, start=1):
        if isinstance(result, str):
            report.problems.append(RowProblem(str(target.roster), row.line, row.id, result))
        else:
            report.written.append(target.write(f"{PACKETS}/{row.id}.pdf", result.fillable))
            papers[row.id] = result.named  # its body is shared; its name is a few bytes
            report.built += 1
        if progress is not None:
            progress(done, count)
    return papers


def clear_failed(folder: pathlib.Path, report: WorkshopReport, built: dict[str, Named]) -> None:
    """A failed row leaves nothing: not even the packet an earlier run wrote for it. Ids are
    compared case-folded: on a case-insensitive disk (macOS, Windows) the P02 refused as a
    twin of p02 names p02's packet, which stays."""
    kept = {ident.casefold() for ident in built}
    for problem in report.problems:
        if SAFE_ID.fullmatch(problem.id) and problem.id.casefold() not in kept:
            (folder / f"{problem.id}.pdf").unlink(missing_ok=True)


def speakers(options: PrintOptions, details: WorkshopDetails, content: pathlib.Path) -> list[Voice]:
    """The languages of the script and the slides: one, or with --lang bi English and Chinese."""
    edition = load_edition(content, workshop_lang(options, details))
    if isinstance(edition, Bilingual):
        pair = resolve_pair(options, edition)
        return [
            Voice(guide, settings) for guide, settings in zip(edition.guides, pair, strict=True)
        ]
    return [Voice(edition, resolve(options, edition))]


def packet_setup(
    options: PrintOptions, details: WorkshopDetails, content: pathlib.Path, day: dt.date
) -> PacketSetup:
    """Decided once, for every packet and every worker: one paper for the whole print file (from
    --paper or the workshop's locale), and each language's locale in the workshop's region."""
    lang = workshop_lang(options, details)
    region = resolve_region(edition_langs(lang), options.locale, options.region)
    locales = tuple((lang, str(locale_for_language(region, lang))) for lang in languages(content))
    return PacketSetup(
        content=content,
        locales=locales,
        date=day,
        protocol=options.protocol,
        paper=options.paper or default_paper(region),
        large_print=options.large_print,
        grayscale=options.grayscale,
        clinician=details.clinician,
        clinic=details.clinic,
    )


def workshop_lang(options: PrintOptions, details: WorkshopDetails) -> str:
    """The script's language: WorkshopDetails.lang, or the deprecated PrintOptions.lang."""
    if options.lang is None or options.lang == details.lang:
        return details.lang
    if details.lang != WorkshopDetails.lang:
        raise UsageError(
            f"PrintOptions(lang={quoted(str(options.lang))}) disagrees with WorkshopDetails(lang="
            f"{quoted(str(details.lang))}); leave PrintOptions.lang out"
        )
    return options.lang


def note(voices: Sequence[Voice], details: WorkshopDetails, day: dt.date) -> str:
    parts = [details.clinician, details.clinic, long_date(day, voices[0].settings.locale)]
    return " · ".join(part for part in parts if part)
