"""The one file to print every packet: each body's pages once, each participant's name on them,
written to disk as the packets come.

A packet's pages are its body's paper pages, whose content is cut at the name's slots
(workshop/stencil.py): the pieces between, their fonts and figures are written into the print
file once per body and shared by every packet of that body; a packet adds only its page objects
and the name's drawings, and every CHUNK packets the small font subsets of their names. Each
object goes to the file as it is made: memory keeps where each object starts and which pages
there are (a few bytes a page), however many packets, not the pages themselves.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

import pikepdf

from pmr_print.workshop.packet import Body, Named, PacketSetup, prepare_names
from pmr_print.workshop.stamp import SLOT, drawn, names_of
from pmr_print.workshop.syntax import direct, entries, name, stream_syntax, written

CHUNK = 100  # packets whose names share one font subset (and wait in memory to be drawn)
HEADER = b"%PDF-1.4\n%\x93\x8c\x8b\x9e\n"
OWN = ("/Parent", "/Contents", "/Resources", "/Rotate")  # a packet's page sets these itself


class Writer:
    """Objects written one after another, each numbered as it is reserved; the cross-reference
    table and the trailer at the end, the /ID a hash of everything before them."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.offsets = array("q", [0])  # where each object starts, by number (0: none)
        self.position = 0
        self.digest = hashlib.blake2b(digest_size=16)
        self.emit(HEADER)

    def emit(self, data: bytes) -> None:
        self.out.write(data)
        self.digest.update(data)
        self.position += len(data)

    def reserve(self) -> int:
        self.offsets.append(0)
        return len(self.offsets) - 1

    def put(self, syntax: bytes, number: int | None = None) -> int:
        number = self.reserve() if number is None else number
        self.offsets[number] = self.position
        self.emit(b"%d 0 obj\n%s\nendobj\n" % (number, syntax))
        return number

    def finish(self, root: int, info: int) -> None:
        start, ident = self.position, self.digest.hexdigest().encode()
        rows = [b"%010d 00000 n \n" % offset for offset in self.offsets[1:]]
        self.emit(b"xref\n0 %d\n0000000000 65535 f \n" % len(self.offsets) + b"".join(rows))
        self.emit(
            b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s><%s>] >>\n"
            % (len(self.offsets), root, info, ident, ident)
        )
        self.emit(b"startxref\n%d\n%%%%EOF\n" % start)


class Copier:
    """The objects of one file pikepdf read, each written once, its references renumbered. A
    reference to a page (none is expected: the links are to web addresses) becomes null, so
    that no page drags its document's page tree along."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.numbers: dict[tuple[int, int], int] = {}
        self.waiting: list[pikepdf.Object] = []

    def reference(self, found: pikepdf.Object) -> bytes:
        if isinstance(found, pikepdf.Dictionary) and found.get("/Type") == "/Page":
            return b"null"
        if found.objgen not in self.numbers:
            self.numbers[found.objgen] = self.writer.reserve()
            self.waiting.append(found)
        return b"%d 0 R" % self.numbers[found.objgen]

    def flush(self) -> None:
        while self.waiting:
            found = self.waiting.pop()
            self.writer.put(written(found, self.reference), self.numbers[found.objgen])


@dataclass(frozen=True)
class SharedPage:
    """A body's page in the print file: its own entries, its resources (written once when no
    name is drawn on it, else as entries to which each chunk adds its names' fonts), and its
    content: references to the shared pieces between the slots' numbers."""

    entries: bytes
    rotate: int
    resources: int | tuple[bytes, bytes]  # an object's number, or (entries but fonts, fonts)
    content: tuple[bytes | int, ...] | None  # None: no content (the blank page)


class PrintFile:
    """Packets added one by one, in print order, written into `out`; `finish` ends the file."""

    def __init__(self, out: BinaryIO) -> None:
        self.writer = Writer(out)
        self.tree = self.writer.reserve()  # the page tree, written last
        self.pages = array("q")
        self.bodies: dict[int, list[SharedPage]] = {}
        self.waiting: list[Named] = []

    def shared(self, body: Body) -> list[SharedPage]:
        found = self.bodies.get(id(body))
        if found is None:
            copier = Copier(self.writer)
            with pikepdf.open(io.BytesIO(body.paper)) as source:
                found = [self.share(page.obj, copier) for page in source.pages]
                copier.flush()
            self.bodies[id(body)] = found
        return found

    def share(self, page: pikepdf.Object, copier: Copier) -> SharedPage:
        box = [float(value) for value in page.MediaBox]
        rotate = 90 if box[2] - box[0] > box[3] - box[1] else 0  # a log's week stands upright
        contents = page.get("/Contents")
        pieces: tuple[bytes | int, ...] | None = None
        if isinstance(contents, pikepdf.Array):  # cut at the slots (workshop/stencil.py)
            pieces = tuple(slot_or_piece(stream, copier) for stream in contents)
        elif contents is not None:
            pieces = (copier.reference(contents),)
        resources = page.get("/Resources", pikepdf.Dictionary())
        slotted = pieces is not None and any(isinstance(piece, int) for piece in pieces)
        if slotted:
            fonts = entries(resources.Font, copier.reference)
            shared: int | tuple[bytes, bytes] = (
                entries(resources, copier.reference, ("/Font",)),
                fonts,
            )
        else:
            shared = self.writer.put(direct(resources, copier.reference))
        return SharedPage(entries(page, copier.reference, OWN), rotate, shared, pieces)

    def add(self, packet: Named) -> None:
        self.waiting.append(packet)
        if len(self.waiting) == CHUNK:
            self.flush()

    def flush(self) -> None:
        """The waiting packets' pages, their names drawn together (one font subset for all)."""
        names = names_of([(packet.body.slots, packet.name) for packet in self.waiting])
        copier = Copier(self.writer)
        with pikepdf.open(io.BytesIO(names.pdf)) as source:
            name_drawn = drawn(source)
            added = b"".join(
                name(key) + b" " + copier.reference(font) for key, font in name_drawn.fonts.items()
            )
            copier.flush()
        streams = iter(name_drawn.streams)
        resources: dict[int, int] = {}  # a body page's, with these names' fonts
        for packet in self.waiting:
            own = [self.writer.put(drawing(next(streams))) for _ in packet.body.slots]
            for shared in self.shared(packet.body):
                self.pages.append(self.writer.put(self.page(shared, own, added, resources)))
        self.waiting.clear()

    def page(
        self, shared: SharedPage, own: list[int], added: bytes, resources: dict[int, int]
    ) -> bytes:
        """A packet's page: the body's page, the name's drawings between its shared pieces."""
        if isinstance(shared.resources, int):
            number = shared.resources
        else:
            if id(shared) not in resources:
                rest, fonts = shared.resources
                syntax = b"<<" + rest + b"/Font <<" + fonts + added + b">>>>"
                resources[id(shared)] = self.writer.put(syntax)
            number = resources[id(shared)]
        head = b"<</Parent %d 0 R" % self.tree + shared.entries
        head += b" /Rotate %d /Resources %d 0 R" % (shared.rotate, number)
        if shared.content is None:
            return head + b">>"
        pieces = [b"%d 0 R" % own[p] if isinstance(p, int) else p for p in shared.content]
        return head + b" /Contents [" + b" ".join(pieces) + b"]>>"

    def finish(self) -> None:
        if self.waiting:
            self.flush()
        kids = b" ".join(b"%d 0 R" % page for page in self.pages)
        tree = b"<</Type /Pages /Kids [%s] /Count %d>>" % (kids, len(self.pages))
        self.writer.put(tree, self.tree)
        root = self.writer.put(b"<</Type /Catalog /Pages %d 0 R>>" % self.tree)
        title = pikepdf.String("pmr-print workshop packets").unparse()
        info = self.writer.put(b"<</Title %s /Producer (pmr-print)>>" % title)
        self.writer.finish(root, info)


def slot_or_piece(stream: pikepdf.Object, copier: Copier) -> bytes | int:
    """A piece of a body page's content, or the number of the slot whose mark it holds."""
    mark = SLOT.fullmatch(stream.read_bytes())
    return copier.reference(stream) if mark is None else int(mark.group(1))


def drawing(stream: bytes) -> bytes:
    return stream_syntax(b"/Filter /FlateDecode", zlib.compress(stream))


def printed(packets: Sequence[Named], setup: PacketSetup) -> bytes:
    """Every packet for paper, one after the other (a worker's task: see batch.Batch), written
    to a temporary file as they come; the file's bytes. Each packet has an even page count, so
    each starts on an odd page (a right-hand page in duplex printing). Landscape pages (the
    log's weeks) are turned a quarter to stand upright like the handout's, so that one long-edge
    duplex run prints every back the right way round."""
    prepare_names(setup)  # the names are drawn here
    with tempfile.TemporaryFile() as out:
        document = PrintFile(out)
        for packet in packets:
            document.add(packet)
        document.finish()
        out.seek(0)
        return out.read()
