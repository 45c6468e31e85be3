"""A tinted box with a thick left edge that splits across pages like the text in it.

The box holds a column of flowables. At a page break it splits where they split (a paragraph by
its widow and orphan rules, a bilingual row only where both languages can), so no gap opens
before it; its title, if it has one, starts the box again on the next page, so that a reader who
turns the page still knows whose box it is, and a title is never left alone at the foot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from pmr_print.pdf.parallel import column_height, split_column

EDGE_WIDTH = 3.0


@dataclass(frozen=True)
class BoxStyle:
    edge: str  # the colour of the thick left edge
    fill: str
    pad: float  # left and right; the top has 0.6 of it, the bottom 0.4
    right: float | None = None  # the right padding, where it differs (a box made to fit a page)


class Box(Flowable):  # type: ignore[misc]
    def __init__(
        self, flowables: Sequence[Flowable], style: BoxStyle, title: Flowable | None = None
    ) -> None:
        super().__init__()
        self.content = list(flowables)
        self.style = style
        self.title = title
        self._heights: list[float] = []

    @property
    def column(self) -> list[Flowable]:
        return ([self.title] if self.title is not None else []) + self.content

    def inner_width(self, avail_width: float) -> float:
        right = self.style.pad if self.style.right is None else self.style.right
        return avail_width - self.style.pad - right

    def padding(self) -> float:
        return self.style.pad  # 0.6 above, 0.4 below

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        inner = self.inner_width(avail_width)
        column = self.column
        self._heights = [flowable.wrap(inner, avail_height)[1] for flowable in column]
        self.width = avail_width
        self.height = column_height(column, self._heights) + self.padding()
        return self.width, self.height

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        canvas.saveState()
        canvas.setFillColor(HexColor(style.fill))
        canvas.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        canvas.setStrokeColor(HexColor(style.edge))
        canvas.setLineWidth(EDGE_WIDTH)
        canvas.line(EDGE_WIDTH / 2, 0, EDGE_WIDTH / 2, self.height)
        canvas.restoreState()
        top = self.height - style.pad * 0.6
        for position, (flowable, height) in enumerate(zip(self.column, self._heights, strict=True)):
            if position:
                top -= flowable.getSpaceBefore()
            flowable.drawOn(canvas, style.pad, top - height)
            top -= height + flowable.getSpaceAfter()

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self.padding()
        head, tail = split_column(self.column, self.inner_width(avail_width), room)
        if not tail:
            return [self]
        titled = 1 if self.title is not None else 0
        if len(head) <= titled:
            return []  # nothing but the title would stay on this page
        return [Box(head[titled:], self.style, self.title), Box(tail, self.style, self.title)]
