"""Where step cards go on the paper: 4-up sheets with crop marks, 2-up, or one card per page.

2-up stacks two landscape half-sheet cards (A5 on A4, half-Letter on Letter): as tall as an A6
card, so the type keeps its A6 size, and twice as wide, which gives a bilingual card in large
print the room that both languages at 16 pt need.

4-up cards tile the sheet exactly (A6 on A4, a quarter of Letter on Letter), so there is no room
for marks outside the trim: the marks lie on the two cut lines themselves (at the sheet edges and
a cross at the centre) and are cut away; card content keeps to a safe margin inside each card,
so a slightly crooked cut never touches it. Long-edge duplex flips a portrait sheet about its
vertical axis, so a card's back sits in the mirrored column of the same row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from pmr_print.theme import MM

LAYOUTS = ("4up", "2up", "1up")
A6 = (105 * MM, 148 * MM)
SAFE_MARGIN = 8 * MM  # on an A6 card; scaled with the card
MARK_LENGTH = 6 * MM
MARK_FROM_EDGE = 3 * MM  # printers leave the outermost few millimetres blank
MARK_WIDTH = 0.3


@dataclass(frozen=True)
class Sheet:
    page_size: tuple[float, float]
    card_size: tuple[float, float]
    columns: int
    rows: int

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def scale(self) -> float:
        """The card's size relative to A6: type and margins grow with it (a quarter of Letter,
        a little shorter than A6, keeps the A6 sizes)."""
        return max(1.0, min(self.card_size[0] / A6[0], self.card_size[1] / A6[1]))

    @property
    def safe_margin(self) -> float:
        return SAFE_MARGIN * self.scale

    def origin(self, slot: int, back: bool = False) -> tuple[float, float]:
        """Lower-left corner of the card in `slot` (0 = top left, row by row)."""
        row, column = divmod(slot, self.columns)
        if back:
            column = self.columns - 1 - column
        width, height = self.card_size
        return column * width, self.page_size[1] - (row + 1) * height


def make_sheet(page_size: tuple[float, float], layout: str) -> Sheet:
    width, height = page_size
    if layout == "1up":
        return Sheet(page_size, page_size, 1, 1)
    if layout == "2up":
        return Sheet(page_size, (width, height / 2), 1, 2)
    return Sheet(page_size, (width / 2, height / 2), 2, 2)


def chunks(count: int, size: int) -> list[range]:
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def draw_crop_marks(canvas: Canvas, sheet: Sheet, colour: Color) -> None:
    if sheet.per_page == 1:
        return
    width, height = sheet.page_size
    cuts_x = [sheet.card_size[0] * k for k in range(1, sheet.columns)]
    cuts_y = [sheet.card_size[1] * k for k in range(1, sheet.rows)]
    canvas.saveState()
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(MARK_WIDTH)
    lines: list[Sequence[float]] = []
    for x in cuts_x:
        lines += [(x, MARK_FROM_EDGE, x, MARK_FROM_EDGE + MARK_LENGTH)]
        lines += [(x, height - MARK_FROM_EDGE, x, height - MARK_FROM_EDGE - MARK_LENGTH)]
        lines += [(x, y - MARK_LENGTH / 2, x, y + MARK_LENGTH / 2) for y in cuts_y]
    for y in cuts_y:
        lines += [(MARK_FROM_EDGE, y, MARK_FROM_EDGE + MARK_LENGTH, y)]
        lines += [(width - MARK_FROM_EDGE, y, width - MARK_FROM_EDGE - MARK_LENGTH, y)]
        lines += [(x - MARK_LENGTH / 2, y, x + MARK_LENGTH / 2, y) for x in cuts_x]
    canvas.lines(lines)
    canvas.restoreState()
