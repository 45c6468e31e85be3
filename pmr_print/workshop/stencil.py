"""A body copy ready for names: each packet is the body's bytes as they are, then a few kilobytes
appended (a PDF incremental update) that draw the participant's name in the slots.

`cut` prepares a copy once: every page with slots gets its content as an array of streams, the
body's pieces between the slots and, in each slot, a stream of its own that holds only the slot's
mark (`/PmrSlotN MP`, the same stream on every page with that slot); its font resources become a
dictionary of its own. `Stencil.update` then redefines each slot's stream as the name's drawing
(stamp.drawn) and each such font dictionary with the name's fonts added, adds the fonts and the
packet's document information, and ends with its own cross-reference section and trailer (/Prev:
the body's). No byte of the body is read or written again: a packet costs its name, not a copy
of the 2 MB Chinese form font.
"""

from __future__ import annotations

import hashlib
import io
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pikepdf

from pmr_print.pdf.slots import MARK
from pmr_print.workshop.stamp import SLOT, Names, drawn, pieces
from pmr_print.workshop.syntax import entries, name, stream_syntax, syntax, written

STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


@dataclass(frozen=True)
class Stencil:
    """Where a prepared copy takes a name: the object number of each slot's stream (by slot
    number), each slotted page's font dictionary (number, entries), and its trailer."""

    slots: tuple[int, ...]
    fonts: tuple[tuple[int, bytes], ...]
    root: int
    size: int
    xref: int  # where the copy's cross-reference table starts
    length: int  # the copy's length: where the update starts
    id: bytes  # the body's /ID, first part: the original document every packet is an update of
    info: tuple[tuple[str, bytes], ...]  # the body's document information, but title and author

    def update(self, names: Names, info: Sequence[tuple[str, str]]) -> bytes:
        """What to append to the copy's bytes for the name drawn in `names` (one page a slot)."""
        with pikepdf.open(io.BytesIO(names.pdf)) as source:
            drawing = drawn(source)
            objects = Objects(self.size)
            refs = [(key, objects.number(font)) for key, font in drawing.fonts.items()]
            for number, stream in zip(self.slots, drawing.streams, strict=True):
                objects.put(number, stream_syntax(b"/Filter /FlateDecode", zlib.compress(stream)))
            added = b"".join(name(key) + b" %d 0 R" % ref for key, ref in refs)
            for number, fonts in self.fonts:
                objects.put(number, b"<<" + fonts + added + b">>")
            objects.write_queued()
        given = dict(info)
        kept = [(key, value) for key, value in self.info if key not in given]
        kept += [(key, pikepdf.String(value).unparse()) for key, value in info]
        own_info = objects.add(b"<<" + b"".join(name(k) + b" " + v for k, v in kept) + b">>")
        return objects.appended(self, own_info)


class Objects:
    """The update's objects: those it redefines and those it adds (numbered from the body's
    /Size), the name's fonts copied from ReportLab's small PDF with every reference renumbered."""

    def __init__(self, size: int) -> None:
        self.next = size
        self.numbers: dict[tuple[int, int], int] = {}
        self.queue: list[pikepdf.Object] = []
        self.written: dict[int, bytes] = {}

    def number(self, found: pikepdf.Object) -> int:
        if found.objgen not in self.numbers:
            self.numbers[found.objgen] = self.next
            self.next += 1
            self.queue.append(found)
        return self.numbers[found.objgen]

    def put(self, number: int, syntax: bytes) -> None:
        self.written[number] = syntax

    def add(self, syntax: bytes) -> int:
        number, self.next = self.next, self.next + 1
        self.put(number, syntax)
        return number

    def write_queued(self) -> None:
        while self.queue:
            found = self.queue.pop(0)
            number = self.numbers[found.objgen]
            self.put(number, written(found, self.reference))

    def reference(self, found: pikepdf.Object) -> bytes:
        return b"%d 0 R" % self.number(found)

    def appended(self, stencil: Stencil, info: int) -> bytes:
        """The objects, their cross-reference section and the trailer, as appended to the copy;
        the /ID's second part a hash of what changed."""
        body, offsets = io.BytesIO(), {}
        body.write(b"\n")
        for number in sorted(self.written):
            offsets[number] = body.tell()
            body.write(b"%d 0 obj\n%s\nendobj\n" % (number, self.written[number]))
        objects = body.getvalue()
        digest = hashlib.blake2b(stencil.id + objects, digest_size=16).hexdigest().encode()
        start = stencil.length + len(objects)
        table = b"".join(xref_rows(offsets, stencil.length))
        trailer = b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /Prev %d /ID [<%s><%s>] >>\n" % (
            self.next,
            stencil.root,
            info,
            stencil.xref,
            stencil.id.hex().encode(),
            digest,
        )
        return objects + table + trailer + b"startxref\n%d\n%%%%EOF\n" % start


def xref_rows(offsets: dict[int, int], base: int) -> Iterator[bytes]:
    """The cross-reference section: one subsection for each run of consecutive numbers."""
    yield b"xref\n"
    numbers = sorted(offsets)
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    for run in runs:
        yield b"%d %d\n" % (run[0], len(run))
        for number in run:
            yield b"%010d 00000 n \n" % (base + offsets[number])


def cut(pdf: pikepdf.Pdf) -> int:
    """Cut the slotted pages' content at the slots (see the module's docstring); the number of
    slots. Save the file with `save` for `stencil_of` to read it."""
    marks: dict[int, pikepdf.Object] = {}
    for page in pdf.pages:
        if "/Contents" not in page.obj:
            continue
        content = page.Contents.read_bytes()
        if SLOT.search(content) is None:
            continue
        streams = []
        for piece in pieces(content):
            if isinstance(piece, int):
                if piece not in marks:
                    marks[piece] = pdf.make_stream(f"/{MARK}{piece} MP".encode())
                streams.append(marks[piece])
            else:
                streams.append(pdf.make_stream(piece))
        page.obj.Contents = pikepdf.Array(streams)
        resources = pikepdf.Dictionary(dict(page.obj.Resources.items()))
        resources.Font = pdf.make_indirect(pikepdf.Dictionary(dict(resources.Font.items())))
        page.obj.Resources = resources
    return len(marks)


def save(pdf: pikepdf.Pdf) -> bytes:
    """The file as a stencil is read: one cross-reference table, no object streams."""
    out = io.BytesIO()
    pdf.save(
        out,
        deterministic_id=True,
        compress_streams=True,
        object_stream_mode=pikepdf.ObjectStreamMode.disable,
    )
    return out.getvalue()


def stencil_of(data: bytes, count: int) -> Stencil:
    """Where the saved copy's slots, font dictionaries and trailer are."""
    found = STARTXREF.search(data, len(data) - 64)
    assert found is not None, "qpdf ended the file in another form"
    slots: dict[int, int] = {}
    fonts: dict[int, bytes] = {}
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            contents = page.obj.get("/Contents")
            if not isinstance(contents, pikepdf.Array):
                continue
            for stream in contents:
                mark = SLOT.fullmatch(stream.read_bytes())
                if mark is not None:
                    slots[int(mark.group(1))] = stream.objgen[0]
            font = page.obj.Resources.Font
            fonts[font.objgen[0]] = entries(font, lambda f: b"%d 0 R" % f.objgen[0])
        info = [
            (key, syntax(value, lambda f: b"%d 0 R" % f.objgen[0]))
            for key, value in pdf.docinfo.items()
        ]
        return Stencil(
            slots=tuple(slots[number] for number in range(count)),
            fonts=tuple(sorted(fonts.items())),
            root=pdf.Root.objgen[0],
            size=int(pdf.trailer.Size),
            xref=int(found.group(1)),
            length=len(data),
            id=bytes(pdf.trailer.ID[0]),
            info=tuple(info),
        )
