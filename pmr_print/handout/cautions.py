"""The cautions box, and where it may go on the page (issue 19's rule).

The cautions are read as one. In normal print the box stays whole on one page: set a step smaller
(down to SMALLEST points under the body size) where that keeps it on the page it starts on, or
moved whole to the next page. In large print its type never shrinks: a box that fits a page is
kept whole; one taller than a page starts on a left-hand (even) page and runs onto the facing
page, so that the reader sees all of it at once and turns no page in the middle of it. The
booklet sets its cautions with the same flowable; the clinician's checklist keeps
whole by it too.

The bilingual large-print handout sets its cautions as a `Spread` instead: the English box whole
on a left-hand page, its Chinese whole on the facing one, each in the loosest of its settings
(leading, spacing, padding; never smaller type) that fits a page. So does the bilingual
normal-print booklet on its A5 pages, each language a step or three smaller where it must be.
A right-hand page skipped at its top to open the spread is ruled for notes (`NotesPage`), as
the booklet's pages left over are, rather than left blank.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, PageBreak

from pmr_print.pdf.parallel import column_height

STEP = 0.5  # points between the sizes tried in normal print
SMALLEST = 1.5  # points under the body size: the smallest box text in normal print (9 pt)


class WholeBox(Flowable):  # type: ignore[misc]
    """The first of `boxes` (largest type first) that fits where it lands, else the first that
    fits a page, moved whole to the next; a box taller than any page starts a spread."""

    def __init__(self, boxes: Sequence[Flowable]) -> None:
        super().__init__()
        self.boxes = list(boxes)
        self.chosen = self.boxes[0]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        heights = [box.wrap(avail_width, avail_height)[1] for box in self.boxes]
        page = self.page_height(avail_height)
        fits = [i for i, h in enumerate(heights) if h <= avail_height + 1e-6]
        whole = [i for i, h in enumerate(heights) if h <= page + 1e-6]
        index = (fits or whole or [0])[0]
        self.chosen = self.boxes[index]
        self.width, self.height = avail_width, heights[index]
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= self.page_height(avail_height) + 1e-6:
            return []  # whole on the next page
        page, at_top = self.where()
        if page % 2 == 1 and not at_top:
            return []  # a spread starts on a left-hand page: the next one
        pieces: list[Flowable] = self.chosen.split(avail_width, avail_height)
        if pieces and hasattr(self, "outline_entry"):  # the bookmark goes where the box starts
            pieces[0].outline_entry = self.outline_entry
        return pieces

    def draw(self) -> None:
        self.chosen.drawOn(self.canv, 0, 0)

    def document(self) -> Any:
        return getattr(getattr(self, "canv", None), "_doctemplate", None)

    def page_height(self, fallback: float) -> float:
        """The height of the frame's whole page, when ReportLab lets the box see its frame."""
        doc = self.document()
        frame = getattr(doc, "frame", None)
        return float(frame._aH) if frame is not None else fallback

    def where(self) -> tuple[int, bool]:
        """The page number and whether the box is at the top of its frame ((0, True) unseen:
        a composer that splits the box itself, as the booklet's Anchored does)."""
        doc = self.document()
        if doc is None:
            return 0, True
        return int(self.canv.getPageNumber()), bool(doc.frame._atTop)


class Spread(WholeBox):
    """The first of `lefts` (loosest first) that fits a page, whole on a left-hand (even) page,
    and the first of `rights` that does, whole on the facing page; where either has none,
    `fallback` (a WholeBox of both languages in one box)."""

    def __init__(
        self,
        lefts: Sequence[Flowable],
        rights: Sequence[Flowable],
        fallback: WholeBox,
        notes: Flowable | None = None,
    ) -> None:
        super().__init__([fallback])
        self.lefts, self.rights, self.fallback = list(lefts), list(rights), fallback
        self.notes = notes  # fills a right-hand page skipped at its top, else left empty
        self.pair: tuple[Flowable, Flowable] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        page = self.page_height(avail_height)
        left = fitting(self.lefts, avail_width, page)
        right = fitting(self.rights, avail_width, page)
        self.pair = (left, right) if left is not None and right is not None else None
        if self.pair is None:
            self.fallback.canv = getattr(self, "canv", None)
            self.width, self.height = self.fallback.wrap(avail_width, avail_height)
            return self.width, self.height
        # taller than the frame, so that the document always asks where to split it
        self.width, self.height = avail_width, avail_height + 1
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.pair is None:
            return self.fallback.split(avail_width, avail_height)
        left, right = self.pair
        page, at_top = self.where()
        if page % 2 == 0 and left.wrap(avail_width, avail_height)[1] <= avail_height + 1e-6:
            if hasattr(self, "outline_entry"):  # the bookmark goes where the spread starts
                left.outline_entry = self.outline_entry
            return [left, PageBreak(), right]
        if at_top:  # a whole right-hand page to skip: ruled for notes, the spread on the next
            return [*([self.notes] if self.notes is not None else []), PageBreak(), self]
        return []  # the rest of this page stays empty

    def draw(self) -> None:
        self.fallback.drawOn(self.canv, 0, 0)


class NotesPage(Flowable):  # type: ignore[misc]
    """A page left over, ruled for notes under its heading (as the booklet's): it takes the
    whole frame it lands at the top of."""

    def __init__(self, heading: Flowable, gap: float, colour: str) -> None:
        super().__init__()
        self.heading, self.gap, self.colour = heading, gap, colour
        self.heading_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.heading_height = self.heading.wrap(avail_width, avail_height)[1]
        self.width, self.height = avail_width, avail_height
        return self.width, self.height

    def draw(self) -> None:
        top = self.height - self.heading_height
        self.heading.drawOn(self.canv, 0, top)
        self.canv.setStrokeColor(HexColor(self.colour))
        self.canv.setLineWidth(0.5)
        y = top - self.gap * 1.5
        while y > self.gap * 0.5:
            self.canv.line(0, y, self.width, y)
            y -= self.gap


def fitting(boxes: Sequence[Flowable], width: float, page: float) -> Flowable | None:
    """The first of `boxes` no taller than a page."""
    return next((box for box in boxes if box.wrap(width, page)[1] <= page + 1e-6), None)


class Unsplit(Flowable):  # type: ignore[misc]
    """Flowables one above the other that move whole rather than split (questions of a
    checklist that stay together)."""

    def __init__(self, flowables: Sequence[Flowable]) -> None:
        super().__init__()
        self.column = list(flowables)
        self.heights: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.heights = [flowable.wrap(avail_width, avail_height)[1] for flowable in self.column]
        self.width, self.height = avail_width, column_height(self.column, self.heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.column[0].getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.column[-1].getSpaceAfter())

    def draw(self) -> None:
        top = self.height
        for position, (flowable, height) in enumerate(zip(self.column, self.heights, strict=True)):
            if position:
                top -= flowable.getSpaceBefore()
            flowable.drawOn(self.canv, 0, top - height)
            top -= height + flowable.getSpaceAfter()


def in_twos(flowables: Sequence[Flowable]) -> list[Flowable]:
    """The flowables, each moving whole, the first two and the last two together: a list split
    over a page keeps at least two items on each side."""
    items = list(flowables)
    if len(items) < 4:
        return [Unsplit(items)]
    return [Unsplit(items[:2]), *(Unsplit([item]) for item in items[2:-2]), Unsplit(items[-2:])]
