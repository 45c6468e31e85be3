"""One participant's packet from one roster row: their handout and practice log, in their language.

`build_packet` is a plain function of a row and the batch's setup, so any executor (a process
pool, a Dask cluster) can run it. Each process loads a language's content once and keeps it.
Everything that could differ between machines (locale, dates) is decided once, in the setup.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import pathlib
from collections.abc import Sequence
from dataclasses import dataclass, replace

import pikepdf

from pmr_print.handout.render import render_handout
from pmr_print.loader import load_guide
from pmr_print.model import Guide
from pmr_print.options import HandoutDetails, LogDetails, PrintOptions, resolve
from pmr_print.pdf.numbering import numbered_through
from pmr_print.pdf.slots import Slot, draw_paragraph, height, marked
from pmr_print.pdf.styles import make_styles
from pmr_print.practice_log.build import log_weeks
from pmr_print.practice_log.form_font import font_parts
from pmr_print.practice_log.render import form_font, render_log
from pmr_print.problems import PmrError
from pmr_print.workshop.results import Packet
from pmr_print.workshop.roster import Row
from pmr_print.workshop.stamp import name_streams
from pmr_print.workshop.stencil import Stencil, cut, save, stencil_of


@dataclass(frozen=True)
class PacketSetup:
    """What every packet of a batch shares. `locales` maps each language to its locale name."""

    content: pathlib.Path
    locales: tuple[tuple[str, str], ...]
    date: dt.date  # printed on the handout; also the "today" a log without a start counts from
    protocol: str = "standard"
    paper: str | None = None
    large_print: bool = False
    grayscale: bool = False
    clinician: str = ""
    clinic: str = ""

    def options(self, lang: str) -> PrintOptions:
        locale = dict(self.locales)[lang]
        return PrintOptions(
            locale=locale,
            paper=self.paper,
            protocol=self.protocol,
            large_print=self.large_print,
            grayscale=self.grayscale,
        )


@functools.cache
def guide_for(content: pathlib.Path, lang: str) -> Guide:
    return load_guide(content, lang)


def prepare(setup: PacketSetup) -> None:
    """Pay a process's start-up once: content, text fonts and the log's form font."""
    prepare_names(setup)
    for lang, _ in setup.locales:
        font_parts(form_font(guide_for(setup.content, lang), LogDetails()))


def prepare_names(setup: PacketSetup) -> None:
    """What a process that only stamps names needs: the text fonts."""
    for lang, _ in setup.locales:
        guide = guide_for(setup.content, lang)
        make_styles(resolve(setup.options(lang), guide).theme, lang)


def build_packet(row: Row, setup: PacketSetup) -> Packet:
    """One participant's packet on its own: their body, stamped with their name."""
    body = build_body(row, setup)
    return stamp_packet(body, row, setup)


BodyKey = tuple[str, "dt.date | None", tuple[str, ...], str]


def body_key(row: Row) -> BodyKey:
    """What a packet's body depends on: everything of its row but the name and the id."""
    return (row.lang, row.start, row.omit, row.omit_reason)


@dataclass(frozen=True)
class Body:
    """A packet without its name: both copies with their content cut at the name's slots, where
    each takes a name (workshop/stencil.py), the slots' drawings (pdf/slots.py), and the name it
    was laid out with (only its height in the details table shapes the body; see `fits`)."""

    fillable: bytes
    paper: bytes
    stencils: tuple[Stencil, Stencil]  # the fillable copy's, the paper copy's
    slots: tuple[Slot, ...]
    name: str
    title: str
    tag: str

    def fits(self, name: str) -> bool:
        """Whether `name` takes as many lines in the details table as this body's name."""
        cells = [slot for slot in self.slots if slot.drawing is draw_paragraph]
        return all(height(cell, name) == height(cell, self.name) for cell in cells)

    def light(self) -> Body:
        """The body without its bytes: all a worker needs to make the updates of names."""
        return replace(self, fillable=b"", paper=b"")


def build_body(row: Row, setup: PacketSetup) -> Body:
    """The handout and the log of `row`, rendered once for every participant like it."""
    guide = guide_for(setup.content, row.lang)
    settings = resolve(setup.options(row.lang), guide)
    details = LogDetails(name=row.name, start=row.start, today=setup.date)
    weeks = log_weeks(settings, details)
    with marked() as slots:  # the pages numbered through the packet: handout, then log
        with numbered_through(0, weeks.count):
            handout = render_handout(guide, settings, handout_details(row, setup))
        with numbered_through(page_count(handout), 0):
            log = render_log(guide, settings, details, weeks)
    (fillable, on_form), (paper, on_paper) = both_ways(handout, log, len(slots), settings.tag)
    stencils = (on_form, on_paper)
    return Body(fillable, paper, stencils, tuple(slots), row.name, guide.title, settings.tag)


def page_count(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def stamp_packet(body: Body, row: Row, setup: PacketSetup) -> Packet:
    return named(body, row, setup).packet()


@dataclass(frozen=True)
class Named:
    """A packet as its body and the participant's name: small to keep (the body is shared),
    made into files where they are written."""

    id: str
    name: str
    body: Body
    info: tuple[tuple[str, str], ...]

    def fillable(self) -> bytes:
        return self.body.fillable + self.update(self.body.stencils[0])

    def packet(self) -> Packet:
        return Packet(self.id, self.fillable(), self.paper())

    def paper(self) -> bytes:
        return self.body.paper + self.update(self.body.stencils[1])

    def update(self, stencil: Stencil) -> bytes:
        """What a copy of the body takes appended for this name (workshop/stencil.py)."""
        return stencil.update(name_streams(self.body.slots, self.name), self.info)


def named(body: Body, row: Row, setup: PacketSetup) -> Named:
    info = (
        ("/Title", f"{body.title} · {row.name}"),
        ("/Author", setup.clinician or setup.clinic or "pmr-print"),
    )
    return Named(row.id, row.name, body, info)


@dataclass(frozen=True)
class Made:
    """A packet made: the update its fillable copy takes, and the packet as its body and name
    (the print file draws the names of many packets at once)."""

    named: Named
    update: bytes

    @property
    def fillable(self) -> bytes:
        return self.named.body.fillable + self.update

    def packet(self) -> Packet:
        return Packet(self.named.id, self.fillable, self.named.paper())


def stamp_rows(body: Body, rows: Sequence[Row], setup: PacketSetup) -> list[bytes | str]:
    """What the fillable copy takes appended for each row's name (in a worker, which needs the
    body without its bytes: Body.light). Each is the same bytes whichever rows go with it."""
    prepare_names(setup)
    return [attempt_update(named(body, row, setup)) for row in rows]


def attempt_update(packet: Named) -> bytes | str:
    try:
        return packet.update(packet.body.stencils[0])
    except PmrError as error:
        return str(error)


def both_ways(
    handout: bytes, log: bytes, slots: int, lang: str
) -> tuple[tuple[bytes, Stencil], tuple[bytes, Stencil]]:
    """The handout then the log, as a form (the log's fields and their font kept), and for paper
    (the same pages without fields or form font, padded to an even page count), each with its
    content cut at the `slots` name slots and where it takes a name (workshop/stencil.py)."""
    with pikepdf.open(io.BytesIO(log)) as pdf, pikepdf.open(io.BytesIO(handout)) as front:
        count = len(front.pages)
        for index, page in enumerate(front.pages):
            pdf.pages.insert(index, page)
        if "/Outlines" in front.Root:
            pdf.Root.Outlines = pdf.copy_foreign(front.Root.Outlines)
        pdf.Root.Lang = pikepdf.String(lang)
        for key in ("/Title", "/Author"):  # the body's name is its first reader's: each its own
            del pdf.docinfo[key]
        assert cut(pdf) == slots, "a slot is marked on no page"
        fillable = save(pdf)
        del pdf.Root.AcroForm
        for page in pdf.pages[count:]:
            if "/Annots" in page:
                kept = [a for a in page.Annots if a.get("/Subtype") != "/Widget"]
                if kept:
                    page.Annots = pikepdf.Array(kept)
                else:
                    del page.Annots
        if len(pdf.pages) % 2:
            last = pdf.pages[-1]
            pdf.add_blank_page(page_size=(float(last.mediabox[2]), float(last.mediabox[3])))
        paper = save(pdf)
    return (fillable, stencil_of(fillable, slots)), (paper, stencil_of(paper, slots))


def handout_details(row: Row, setup: PacketSetup) -> HandoutDetails:
    return HandoutDetails(
        client=row.name,
        clinician=setup.clinician,
        clinic=setup.clinic,
        date=setup.date,
        omit=row.omit,
        omit_reason=row.omit_reason,
    )


def attempt_body(row: Row, setup: PacketSetup) -> Body | str:
    """The body, or the message of a user-facing error (see attempt_packet)."""
    try:
        return build_body(row, setup)
    except PmrError as error:
        return str(error)


def attempt_packet(row: Row, setup: PacketSetup) -> Packet | str:
    """The packet, or the message of a user-facing error (an exception's arguments do not
    always survive the trip back from a worker)."""
    try:
        return build_packet(row, setup)
    except PmrError as error:
        return str(error)
