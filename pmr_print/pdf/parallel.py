"""Two columns set side by side that start level: the row of a bilingual edition.

A bilingual story is a sequence of `Parallel` rows, one per block (a heading, a paragraph, a list
item): English on the left, its Chinese on the right, both starting at the same height, so that a
reader can point at a sentence and find its translation beside it. A row splits across pages the
way its flowables split (a paragraph keeps its widow and orphan rules), and only when every column
that has text can put some of it on this page: a translation never starts a page after its
original.

Columns too narrow to read are not set side by side: when a column would hold fewer than about
30 Latin or 15 Chinese characters a line (large print on a half sheet, say), the row stacks its
columns instead, English then its Chinese, each as wide as the frame.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

Column = list[Flowable]

# A column narrower than this many ems of body text is stacked: 15 Chinese characters, or about
# 30 Latin ones (a Latin character is about half an em wide).
LEAST_MEASURE_EMS = 15.0


def least_width(body_size: float) -> float:
    """The narrowest column worth setting side by side, for body text of this size. One measure
    for the whole edition (from its body text, not each row's own size), so that a heading is
    stacked exactly when the text under it is."""
    return LEAST_MEASURE_EMS * body_size


class Parallel(Flowable):  # type: ignore[misc]
    """Columns of flowables side by side, each `gap` apart, as wide as the frame allows."""

    def __init__(
        self,
        columns: Sequence[Sequence[Flowable]],
        gap: float,
        keep_with_next: bool = False,
        least: float = 0.0,
    ) -> None:
        super().__init__()
        self.least = least  # a narrower column stacks (see least_width)
        self.columns: list[Column] = [list(column) for column in columns]
        self.gap = gap
        self.keepWithNext = keep_with_next
        self.spaceBefore = max((col[0].getSpaceBefore() for col in self.columns if col), default=0)
        self.spaceAfter = max((col[-1].getSpaceAfter() for col in self.columns if col), default=0)
        self._heights: list[list[float]] = []
        self._set: list[Column] = self.columns

    def column_width(self, avail_width: float) -> float:
        if self.stacks(avail_width):
            return avail_width
        count = len(self.columns)
        return (avail_width - self.gap * (count - 1)) / count

    def stacks(self, avail_width: float) -> bool:
        """Whether side by side the columns would be too narrow to read."""
        count = len(self.columns)
        width = (avail_width - self.gap * (count - 1)) / count
        return width < self.least

    def laid_out(self, avail_width: float) -> list[Column]:
        """The columns as set: side by side, or one column of them all, stacked."""
        if self.stacks(avail_width):
            return [[flowable for column in self.columns for flowable in column]]
        return self.columns

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width = self.column_width(avail_width)
        self._set = self.laid_out(avail_width)
        self._heights = [[f.wrap(width, avail_height)[1] for f in col] for col in self._set]
        self.width, self.height = (
            avail_width,
            max(
                (
                    column_height(col, heights)
                    for col, heights in zip(self._set, self._heights, strict=True)
                ),
                default=0.0,
            ),
        )
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        width = self.column_width(self.width)
        for index, (column, heights) in enumerate(zip(self._set, self._heights, strict=True)):
            x, top = index * (width + self.gap), self.height
            for position, (flowable, height) in enumerate(zip(column, heights, strict=True)):
                if position:
                    top -= flowable.getSpaceBefore()
                flowable.drawOn(canvas, x, top - height)
                top -= height + flowable.getSpaceAfter()

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        width = self.column_width(avail_width)
        columns = self.laid_out(avail_width)
        parts = [split_column(column, width, avail_height) for column in columns]
        if all(not tail for _, tail in parts):
            return [self]
        if any(column and not head for column, (head, _) in zip(columns, parts, strict=True)):
            return []  # a column would start on the next page while the other starts here
        first = Parallel([head for head, _ in parts], self.gap, least=self.least)
        rest = Parallel([tail for _, tail in parts], self.gap, self.keepWithNext, self.least)
        rest.spaceBefore = 0
        return [first, rest]


def parallel(
    columns: Sequence[Sequence[Flowable]],
    gap: float,
    keep_with_next: bool = False,
    least: float = 0.0,
) -> list[Flowable]:
    """The columns side by side as one row (stacked where narrower than `least`); a single
    column is its flowables as they are (the same painter sets one language or several)."""
    if len(columns) == 1:
        return list(columns[0])
    return [Parallel(columns, gap, keep_with_next, least)]


def column_height(column: Column, heights: Sequence[float]) -> float:
    total = 0.0
    for position, (flowable, height) in enumerate(zip(column, heights, strict=True)):
        total += height
        if position:
            total += flowable.getSpaceBefore()
        if position < len(column) - 1:
            total += flowable.getSpaceAfter()
    return total


def split_column(column: Column, width: float, avail_height: float) -> tuple[Column, Column]:
    """The flowables of `column` that fit in `avail_height` (splitting the first one that does
    not fit, if it can be split), and the rest."""
    used = 0.0
    for position, flowable in enumerate(column):
        before = flowable.getSpaceBefore() if position else 0.0
        room = avail_height - used - before
        height = flowable.wrap(width, room)[1]
        if height <= room + 1e-6:
            used += before + height + flowable.getSpaceAfter()
            continue
        pieces = flowable.split(width, room) if room > 0 else []
        if len(pieces) >= 2:
            return column[:position] + pieces[:1], pieces[1:] + column[position + 1 :]
        return column[:position], column[position:]
    return column, []
