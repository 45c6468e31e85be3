"""The reader's name in its slots: drawn in place, or marked there to be stamped later.

A handout or log prints its reader's name in a few slots (the details table, a header, the
footers), each laid out so that nothing else on the page depends on the name. A batch (the
workshop's packets) renders the rest once, as a body, inside `marked()`: each slot then leaves a
marked-content point (`/PmrSlotN MP`) where its drawing goes, and the batch stamps each reader's
name there with `Slot.draw`, the very drawing the single document makes in place. A slot's
drawing is a module-level function of (canvas, name, *args), so a body's slots travel between
processes with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from pmr_print.pdf.markup import Faces
from pmr_print.pdf.text import plain_paragraph

MARK = "PmrSlot"  # /PmrSlot0 MP, /PmrSlot1 MP ...: where slot 0, 1 ... goes


@dataclass(frozen=True)
class Slot:
    """How one slot draws a name: `drawing(canvas, name, *args)`."""

    drawing: Callable[..., None]
    args: tuple[Any, ...]

    def draw(self, canvas: Canvas, name: str) -> None:
        self.drawing(canvas, name, *self.args)


BODY: ContextVar[list[Slot] | None] = ContextVar("pmr_print_body_slots", default=None)


@contextmanager
def marked() -> Iterator[list[Slot]]:
    """Render a body: every slot is marked, not drawn; yields the slots by their number."""
    token = BODY.set([])
    try:
        found = BODY.get()
        assert found is not None
        yield found
    finally:
        BODY.reset(token)


def fill(canvas: Canvas, name: str, slot: Slot) -> None:
    """Draw `name` in the slot, or, while a body is rendered, mark where it goes."""
    found = BODY.get()
    if found is None:
        slot.draw(canvas, name)
        return
    if slot not in found:
        found.append(slot)
    canvas.addLiteral(f"/{MARK}{found.index(slot)} MP")


def draw_paragraph(
    canvas: Canvas, name: str, origin: str, faces: Faces, style: Any, width: float
) -> None:
    paragraph = plain_paragraph(name, origin, faces, style)
    paragraph.wrap(width, 1e6)
    paragraph.drawOn(canvas, 0, 0)


class NameParagraph(Flowable):  # type: ignore[misc]
    """The name as a paragraph (a table's cell): wrapped in its width as any paragraph is."""

    def __init__(self, name: str, origin: str, faces: Faces, style: Any) -> None:
        super().__init__()
        self.name, self.origin, self.faces, self.style = name, origin, faces, style
        self.paragraph = plain_paragraph(name, origin, faces, style)
        self.avail = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.avail = avail_width
        width, height = self.paragraph.wrap(avail_width, avail_height)
        self.width, self.height = width, height
        return width, height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802,N803
        if BODY.get() is None:  # the single document: exactly the paragraph's own drawing
            self.paragraph.drawOn(canvas, x, y, _sW)
            return
        canvas.saveState()
        canvas.translate(x, y)
        args = (self.origin, self.faces, self.style, self.avail)
        fill(canvas, self.name, Slot(draw_paragraph, args))
        canvas.restoreState()


def height(slot: Slot, name: str) -> float:
    """How tall `name` is in a paragraph slot (the details table's cell)."""
    origin, faces, style, width = slot.args
    return float(plain_paragraph(name, origin, faces, style).wrap(width, 1e6)[1])
