"""The workshop pack as one zip archive written to a file (the web's download).

A packet is its body's bytes and its name's few kilobytes appended (workshop/stencil.py): each
packet's name goes to a spool folder on disk as it arrives; once every packet is made, the
archive is written entry by entry in the roster's order, each packet its body (kept once for
all its packets) and its name read back. Memory holds a packet at a time, however many
participants: a 200-row zip of fillable packets is hundreds of megabytes.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import tempfile
import zipfile
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import BinaryIO

from pmr_print.loader import languages
from pmr_print.options import PrintOptions, WorkshopDetails
from pmr_print.workshop.batch import running
from pmr_print.workshop.pack import (
    PACKETS,
    PRINT_FILE,
    PROBLEMS,
    SCRIPT,
    SLIDES,
    Progress,
    note,
    packet_setup,
    problems_text,
    speakers,
)
from pmr_print.workshop.packet import Named
from pmr_print.workshop.roster import Row, RowProblem, read_roster
from pmr_print.workshop.script import render_script
from pmr_print.workshop.slides import render_slides

FOLDER = "workshop"  # every entry's folder in the archive
MADE = (2026, 1, 1, 0, 0, 0)  # every entry's time: the same roster gives the same bytes


@dataclass
class Zipped:
    """What went into the archive: how many packets, and the bad rows in the roster's order."""

    built: int = 0
    problems: list[RowProblem] = field(default_factory=list)


@dataclass(frozen=True)
class Request:
    """A workshop asked for by a roster's bytes (the web's upload)."""

    roster: bytes
    origin: str
    options: PrintOptions
    details: WorkshopDetails
    content: pathlib.Path
    max_rows: int | None = None


def packet_path(row: Row) -> str:
    return f"{PACKETS}/{row.id}.pdf"


def write_zip(
    request: Request,
    out: BinaryIO,
    executor: Executor | None = None,
    progress: Progress | None = None,
    named: Callable[[Row], str] = packet_path,
) -> Zipped:
    """The pack written into `out` as a zip (nothing when no packet is built): the script, the
    slides, the print file, each packet under `named(row)` in the roster's order, and
    problems.txt when some rows are bad."""
    checked = read_roster(
        request.roster, request.origin, languages(request.content), request.max_rows
    )
    zipped = Zipped(problems=list(checked.problems))
    if not checked.rows:
        return zipped
    details, options = request.details, request.options
    day = details.date or dt.date.today()
    voices = speakers(options, details, request.content)
    setup = packet_setup(options, details, request.content, day)
    with (
        tempfile.TemporaryDirectory(prefix="pmr-workshop-") as folder,
        running(checked.rows, setup, executor) as batch,
    ):
        spool = pathlib.Path(folder)
        author = details.clinician or details.clinic or "pmr-print"
        script = render_script(voices, author, note(voices, details, day))
        slides = render_slides(voices)
        papers: dict[str, Named] = {}
        for done, (row, result) in enumerate(batch.results, start=1):
            if isinstance(result, str):
                zipped.problems.append(RowProblem(request.origin, row.line, row.id, result))
            else:
                (spool / row.id).write_bytes(result.update)
                papers[row.id] = result.named
            if progress is not None:
                progress(done, len(checked.rows))
        ordered = [row for row in checked.rows if row.id in papers]
        zipped.problems.sort(key=lambda problem: problem.line)
        zipped.built = len(ordered)
        if not ordered:
            return zipped
        paper = batch.print_file([papers[row.id] for row in ordered])
        with zipfile.ZipFile(out, "w") as archive:
            for name, data in ((SCRIPT, script), (SLIDES, slides), (PRINT_FILE, paper)):
                archive.writestr(entry(name), data)
            for row in ordered:
                with archive.open(entry(named(row)), "w") as target:
                    target.write(papers[row.id].body.fillable)
                    target.write((spool / row.id).read_bytes())
            if zipped.problems:
                archive.writestr(entry(PROBLEMS), problems_text(zipped.problems))
    return zipped


def entry(name: str) -> zipfile.ZipInfo:
    return zipfile.ZipInfo(f"{FOLDER}/{name}", MADE)
