"""The table of contents: a line per section, its page number where the section really starts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from pmr_print.booklet.document import page_number_form
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import plain_paragraph
from pmr_print.typography.linebreak import KinsokuParagraph


@dataclass(frozen=True)
class Entry:
    key: str  # the section's Anchor
    title: str


class Contents(Flowable):  # type: ignore[misc]
    """Titles on the left, linked to their sections; page numbers on the right, joined by dots."""

    def __init__(self, entries: Sequence[Entry], styles: Styles, colour: str) -> None:
        super().__init__()
        self.entries, self.styles, self.colour = tuple(entries), styles, colour
        self.rows: list[KinsokuParagraph] = []
        self.gap = styles.body.fontSize * 0.7

    def number_room(self) -> float:
        return float(self.styles.body.fontSize) * 3

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.rows = []
        for entry in self.entries:
            row = plain_paragraph(entry.title, "contents", self.styles.faces, self.styles.body)
            row.wrap(available_width - self.number_room(), available_height)
            self.rows.append(row)
        self.height = sum(row.height + self.gap for row in self.rows)
        return self.width, self.height

    def draw(self) -> None:
        canvas, top = self.canv, self.height
        size = self.styles.body.fontSize
        for entry, row in zip(self.entries, self.rows, strict=True):
            row.drawOn(canvas, 0, top - row.height)
            baseline = top - row.height + (row.style.leading - size) * 0.9
            last_line = max(0.0, float(row.getActualLineWidths0()[-1]))
            self.draw_leader(last_line + size * 0.5, self.width - self.number_room(), baseline)
            canvas.saveState()
            canvas.setFillColor(row.style.textColor)
            canvas.translate(self.width, baseline)
            canvas.doForm(page_number_form(entry.key))
            canvas.restoreState()
            link = (0, top - row.height, self.width, top)
            canvas.linkRect("", entry.key, link, relative=1, thickness=0)
            top -= row.height + self.gap

    def draw_leader(self, start: float, end: float, baseline: float) -> None:
        if end - start < self.styles.body.fontSize:
            return
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(HexColor(self.colour))
        canvas.setLineWidth(0.8)
        canvas.setLineCap(1)
        canvas.setDash(0.1, 3.5)
        canvas.line(start, baseline, end - self.styles.body.fontSize * 0.4, baseline)
        canvas.restoreState()
