"""A participant's name drawn for the slots a packet's body marked.

The name is drawn once per slot by the slot's own drawing (pdf/slots.py) on a small canvas of its
own; each drawing's operators, their fonts renamed /PmrName0, /PmrName1 ..., go where the body's
page says `/PmrSlotN MP`, inside q ... Q (workshop/stencil.py for a packet, workshop/printfile.py
for the print file). The page's text then reads in the order of the single handout's and log's;
only the name's font is a subset of its own.
"""

from __future__ import annotations

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
