"""The practice log in the booklet: a week over two facing pages.

The log's week grid has eight columns and a row per day. Upright on one A5 page they would be
far too narrow to write in. Turned a quarter on one page they fit in normal print, but with rows
about 6 mm high, and in large print the eight columns do not fit across even a turned A5 page at
16 pt. Two facing A5 pages together are the size of the log's own page (an A4 or Letter sheet
turned), so a week is laid over a spread, upright, exactly as the standalone log prints it: the
same type, rows 10 to 14 mm high, nothing to turn. A saddle-stitched booklet opens flat, so the
fold costs no width; the rows are high enough that the millimetre or so a hand-folded stack may
shift one sheet against another does not matter. Each week starts on a left-hand page, so its two
halves always face each other.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak
from reportlab.platypus.flowables import DocIf

from pmr_print.model import Guide
from pmr_print.options import BookletDetails, LogDetails, Settings
from pmr_print.practice_log.build import log_weeks
from pmr_print.practice_log.render import paper_week_drawer


class HalfWeek(Flowable):  # type: ignore[misc]
    """One page's half of a week drawn across a spread: the left or the right half."""

    def __init__(self, draw_week: Callable[[Canvas, int], None], week: int, right: bool) -> None:
        super().__init__()
        self.draw_week, self.week, self.right = draw_week, week, right

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        name = f"log-week-{self.week}"
        if not self.right:  # the week is drawn once, as a form both halves show
            canvas.beginForm(name, 0, 0, 2 * self.width, self.height)
            self.draw_week(canvas, self.week)
            canvas.endForm()
        canvas.saveState()
        page = canvas.beginPath()
        page.rect(0, 0, self.width, self.height)
        canvas.clipPath(page, stroke=0, fill=0)
        if self.right:
            canvas.translate(-self.width, 0)
        canvas.doForm(name)
        canvas.restoreState()


def to_left_hand_page() -> list[Flowable]:
    """Page breaks to the next left-hand (even) page, in the page template "log"; a page skipped
    on the way is left blank (page template "blank")."""
    return [
        # Evaluated where the text before ends: if that is a left-hand page, skip a page.
        DocIf("doc.page % 2 == 0", [NextPageTemplate("blank"), PageBreak()]),
        NextPageTemplate("log"),
        PageBreak(),
    ]


def week_pages(
    guide: Guide, settings: Settings, details: BookletDetails, page: tuple[float, float]
) -> list[Flowable]:
    """Two pages per week, for page template "log" (a frame the size of the page), from a
    left-hand page on; the weeks start after the booklet's date (default: today)."""
    log_details = LogDetails(name=details.client, weeks=details.weeks, today=details.date)
    weeks = log_weeks(settings, log_details)
    width, height = page
    draw = paper_week_drawer(guide, settings, log_details, weeks, (2 * width, height))
    flowables: list[Flowable] = []
    for week in range(1, weeks.count + 1):
        flowables += [HalfWeek(draw, week, right=False), HalfWeek(draw, week, right=True)]
    return flowables
