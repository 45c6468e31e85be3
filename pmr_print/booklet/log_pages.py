"""The practice log in the booklet: a week on one page turned, or (large print) over two pages.

The log's week grid has eight columns and a row per day; upright on one A5 page they would be far
too narrow to write in. In normal print a week is the log's landscape page drawn on one A5 page
turned a quarter (its top along the page's left edge): no fold or staple runs through a column,
and a week never depends on two sheets of a saddle stitch lining up. In large print the eight
columns do not fit across a turned A5 page at 16 pt, so a week takes two facing pages (from a
left-hand page), its columns split between them and the Day column on both
(practice_log/split.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak
from reportlab.platypus.flowables import DocIf

from pmr_print.booklet.document import EDGE
from pmr_print.model import Guide
from pmr_print.options import BookletDetails, LogDetails, Settings
from pmr_print.plans.log import joined, plan_log
from pmr_print.practice_log.build import log_weeks
from pmr_print.practice_log.render import paper_week_drawer
from pmr_print.practice_log.split import split_week_drawers

FOLIO_ROOM = EDGE  # a turned week starts this far above the page's foot: the folio is below


class WeekPage(Flowable):  # type: ignore[misc]
    """One page of a week split over two facing pages, drawn upright."""

    def __init__(self, draw_week: Callable[[Canvas, int], None], week: int) -> None:
        super().__init__()
        self.draw_week, self.week = draw_week, week

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return self.width, self.height

    def draw(self) -> None:
        self.draw_week(self.canv, self.week)


class TurnedWeek(WeekPage):
    """A week on one page, turned a quarter: the log's landscape page rotated so that its top
    lies along the page's left edge (turn the booklet clockwise to write in it). It keeps clear
    of the page's foot by FOLIO_ROOM, where the page number is."""

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.translate(self.width, FOLIO_ROOM)
        canvas.rotate(90)
        self.draw_week(canvas, self.week)
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
    return bilingual_week_pages((guide,), (settings,), details, page)


def bilingual_week_pages(
    guides: Sequence[Guide],
    settings: Sequence[Settings],
    details: BookletDetails,
    page: tuple[float, float],
) -> list[Flowable]:
    """The log's weeks in one language or several: every line in each language, each with its
    own dates, weekdays and protocol name; the first language's settings decide the weeks (all
    share the paper and the first weekday)."""
    log_details = LogDetails(name=details.client, weeks=details.weeks, today=details.date)
    weeks = log_weeks(settings[0], log_details)
    plans = [
        plan_log(guide, setting, log_details, weeks.start, weeks.count)
        for guide, setting in zip(guides, settings, strict=True)
    ]
    plan = plans[0] if len(plans) == 1 else joined(plans)
    width, height = page
    guide, setting = guides[0], settings[0]
    if not setting.theme.large_print:
        area = (height - FOLIO_ROOM, width)
        turned = paper_week_drawer(guide, setting, log_details, weeks, area, plan)
        return [TurnedWeek(turned, week) for week in range(1, weeks.count + 1)]
    left, right = split_week_drawers(guide, setting, log_details, weeks, page, plan)
    flowables: list[Flowable] = []
    for week in range(1, weeks.count + 1):
        flowables += [WeekPage(left, week), WeekPage(right, week)]
    return flowables
