"""A participant's name stamped into a packet's body, in the slots the body marked.

The name is drawn once per slot by the slot's own drawing (pdf/slots.py) on a small canvas of its
own; each drawing's operators, their fonts renamed /PmrName0, /PmrName1 ..., go where the body's
page says `/PmrSlotN MP`, inside q ... Q. The page's text then reads in the order of the single
handout's and log's; only the name's font is a subset of its own.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pikepdf
from reportlab.pdfgen.canvas import Canvas

from pmr_print.pdf.slots import MARK, Slot

BEGIN, END = b"/PmrBegin MP", b"/PmrEnd MP"
SLOT = re.compile(rb"/" + MARK.encode() + rb"(\d+) MP")


@dataclass(frozen=True)
class Names:
    """A name drawn in every slot of a body: a small PDF, a page a slot."""

    pdf: bytes


def name_streams(slots: Sequence[Slot], name: str) -> Names:
    return names_of([(slots, name)])


def names_of(packets: Sequence[tuple[Sequence[Slot], str]]) -> Names:
    """Each name drawn in each of its slots, a page a slot, in order: one font subset for all
    (the print file draws many packets' names at once)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for slots, name in packets:
        for slot in slots:
            canvas.addLiteral(BEGIN.decode())
            slot.draw(canvas, name)
            canvas.addLiteral(END.decode())
            canvas.showPage()
    canvas.save()
    return Names(buffer.getvalue())


@dataclass(frozen=True)
class Drawn:
    """The name's drawing in each slot, and the fonts they use by their new names."""

    streams: tuple[bytes, ...]
    fonts: dict[str, pikepdf.Object]


def drawn(source: pikepdf.Pdf) -> Drawn:
    """Each page's drawing between the marks, its fonts renamed so as not to meet the body's."""
    streams, fonts, renamed = [], {}, dict[str, str]()
    for page in source.pages:
        data = page.Contents.read_bytes()
        part = data[data.index(BEGIN) + len(BEGIN) : data.index(END)]
        ops: list[tuple[list[pikepdf.Object], pikepdf.Operator]] = []
        for instruction in pikepdf.parse_content_stream(pikepdf.Stream(source, part)):
            assert isinstance(instruction, pikepdf.ContentStreamInstruction)  # no images
            operands, operator = list(instruction.operands), instruction.operator
            if str(operator) == "Tf":
                key = str(operands[0])
                if key not in renamed:
                    renamed[key] = f"/PmrName{len(renamed)}"
                    fonts[renamed[key]] = page.Resources.Font[key]
                operands[0] = pikepdf.Name(renamed[key])
            ops.append((operands, operator))
        streams.append(b"q\n" + pikepdf.unparse_content_stream(ops) + b"\nQ\n")
    return Drawn(tuple(streams), fonts)


def pieces(data: bytes) -> Iterator[bytes | int]:
    """A body page's content: its bytes between the marks, and the slot numbers where they were."""
    start = 0
    for found in SLOT.finditer(data):
        yield data[start : found.start()]
        yield int(found.group(1))
        start = found.end()
    yield data[start:]


class Stamper:
    """A body opened once and stamped with one name after another, each saved on its own (the
    file holds only what its pages reach: nothing of the names before)."""

    def __init__(self, data: bytes) -> None:
        self.pdf = pikepdf.open(io.BytesIO(data))
        self.pages = []
        for page in self.pdf.pages:
            content = page.Contents.read_bytes() if "/Contents" in page.obj else b""
            if SLOT.search(content) is not None:
                self.pages.append((page, list(pieces(content))))
        self.fonts: list[str] = []  # the last name's

    def stamped(self, names: Names, info: Sequence[tuple[str, str]]) -> bytes:
        with pikepdf.open(io.BytesIO(names.pdf)) as source:
            name = drawn(source)
            fonts = {key: self.pdf.copy_foreign(font) for key, font in name.fonts.items()}
        for page, parts in self.pages:
            joined = b"".join(name.streams[p] if isinstance(p, int) else p for p in parts)
            page.Contents = self.pdf.make_stream(joined)
            kept = page.Resources.Font
            for key in self.fonts:
                if key in kept:
                    del kept[key]
            for key, font in fonts.items():
                kept[key] = font
        self.fonts = list(fonts)
        for key, value in info:
            self.pdf.docinfo[key] = value
        out = io.BytesIO()  # the body's streams as they are, not decoded and compressed again
        self.pdf.save(out, static_id=True, stream_decode_level=pikepdf.StreamDecodeLevel.none)
        return with_own_id(out.getvalue())

    def close(self) -> None:
        self.pdf.close()


TRAILER_ID = re.compile(rb"/ID \[<[0-9a-f]{32}><[0-9a-f]{32}>\]")


def with_own_id(data: bytes) -> bytes:
    """The file with a hash of its bytes as its /ID (both parts), as qpdf's deterministic_id
    gives, but in one pass instead of two (a packet's save is most of its cost); the same
    length, so the cross-reference offsets hold."""
    at = data.rindex(b"/ID [<")
    found = TRAILER_ID.match(data, at)
    assert found is not None, "qpdf wrote the trailer's /ID in another form"
    digest = hashlib.blake2b(data, digest_size=16).hexdigest().encode()
    return data[:at] + b"/ID [<" + digest + b"><" + digest + b">]" + data[found.end() :]
