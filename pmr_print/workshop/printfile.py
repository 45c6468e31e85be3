"""The one file to print every packet: each body's pages once, each participant's name on them.

A packet's pages are its body's paper pages, whose content is cut at the name's slots
(workshop/stencil.py): the pieces between, their fonts and figures are copied into the print
file once per body and shared by every packet of that body; a packet adds only its page objects,
the name's drawings and the name's small font subset. So the file grows by a few kilobytes a
participant, not by a packet.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import pikepdf

from pmr_print.workshop.packet import Body, Named, PacketSetup, prepare_names
from pmr_print.workshop.stamp import SLOT, drawn, names_of

CHUNK = 100  # packets whose names share one font subset (and wait in memory to be drawn)


@dataclass
class SharedPage:
    """A body's page in the print file: its dictionary, and its content as shared streams
    between the slots' numbers."""

    page: pikepdf.Object
    content: Sequence[pikepdf.Object | int]

    @property
    def slotted(self) -> bool:
        return any(isinstance(piece, int) for piece in self.content)


class PrintFile:
    """Packets added one by one, in print order; `save` writes the file."""

    def __init__(self) -> None:
        self.pdf = pikepdf.new()
        self.bodies: dict[int, list[SharedPage]] = {}
        self.sources: list[pikepdf.Pdf] = []
        self.waiting: list[Named] = []

    def shared(self, body: Body) -> list[SharedPage]:
        found = self.bodies.get(id(body))
        if found is None:
            source = pikepdf.open(io.BytesIO(body.paper))  # read until the save
            self.sources.append(source)
            found = [self.share(page) for page in source.pages]
            self.bodies[id(body)] = found
        return found

    def share(self, page: pikepdf.Page) -> SharedPage:
        local = self.pdf.copy_foreign(page.obj)
        if "/Contents" not in page.obj:  # the blank page that makes the count even
            return SharedPage(local, [])
        if not isinstance(local.Contents, pikepdf.Array):  # no slot (workshop/stencil.py)
            return SharedPage(local, [local.Contents])
        return SharedPage(local, [slot_or_piece(stream) for stream in local.Contents])

    def add(self, packet: Named) -> None:
        self.waiting.append(packet)
        if len(self.waiting) == CHUNK:
            self.flush()

    def flush(self) -> None:
        """The waiting packets' pages, their names drawn together (one font subset for all)."""
        names = names_of([(packet.body.slots, packet.name) for packet in self.waiting])
        with pikepdf.open(io.BytesIO(names.pdf)) as source:
            name = drawn(source)
            fonts = {key: self.pdf.copy_foreign(font) for key, font in name.fonts.items()}
        streams = iter([self.pdf.make_stream(stream) for stream in name.streams])
        resources: dict[int, pikepdf.Object] = {}  # a body page's, with these names' fonts
        for packet in self.waiting:
            own = [next(streams) for _ in packet.body.slots]
            for shared in self.shared(packet.body):
                if id(shared) not in resources and shared.slotted:
                    resources[id(shared)] = self.pdf.make_indirect(with_fonts(shared, fonts))
                page = stamped(shared, own, resources.get(id(shared)))
                self.pdf.pages.append(pikepdf.Page(self.pdf.make_indirect(page)))
        self.waiting.clear()

    def save(self) -> bytes:
        if self.waiting:
            self.flush()
        self.pdf.docinfo["/Title"] = "pmr-print workshop packets"
        self.pdf.docinfo["/Producer"] = "pmr-print"
        out = io.BytesIO()
        self.pdf.save(out, deterministic_id=True, compress_streams=True)
        return out.getvalue()

    def close(self) -> None:
        for source in self.sources:
            source.close()
        self.pdf.close()


def slot_or_piece(stream: pikepdf.Object) -> pikepdf.Object | int:
    """A piece of a body page's content, or the number of the slot whose mark it holds."""
    mark = SLOT.fullmatch(stream.read_bytes())
    return stream if mark is None else int(mark.group(1))


def with_fonts(shared: SharedPage, fonts: dict[str, pikepdf.Object]) -> pikepdf.Dictionary:
    """A body page's resources with the fonts of the names drawn on it."""
    resources = pikepdf.Dictionary(dict(shared.page.Resources.items()))
    resources.Font = pikepdf.Dictionary({**dict(resources.Font.items()), **fonts})
    return resources


def stamped(
    shared: SharedPage, streams: Sequence[pikepdf.Object], resources: pikepdf.Object | None
) -> pikepdf.Dictionary:
    """A packet's page: the body's page, the name's drawings between its shared pieces."""
    page = pikepdf.Dictionary({k: v for k, v in shared.page.items() if k != "/Parent"})
    box = [float(value) for value in page.MediaBox]
    if box[2] - box[0] > box[3] - box[1]:  # a log's week: upright, as the handout's pages
        page.Rotate = 90
    if resources is not None:
        page.Contents = pikepdf.Array(
            [streams[p] if isinstance(p, int) else p for p in shared.content]
        )
        page.Resources = resources
    return page


def printed(packets: Sequence[Named], setup: PacketSetup) -> bytes:
    """Every packet for paper, one after the other (a worker's task: see batch.Batch); each
    has an even page count, so each starts on an odd page (a right-hand page in duplex
    printing). Landscape pages (the log's weeks) are turned a quarter to stand upright like the
    handout's, so that one long-edge duplex run prints every back the right way round."""
    prepare_names(setup)  # the names are drawn here
    document = PrintFile()
    try:
        for packet in packets:
            document.add(packet)
        return document.save()
    finally:
        document.close()
