"""A week of the log split over two upright pages, for a booklet in large print.

The eight columns do not fit across a turned A5 page at 16 pt, and a week drawn across a spread
puts the fold through a column. So the columns are split between the two facing pages, each
page repeating the Day column: the left page carries the title, the week and the practice
columns; the right page the tension scale, the ratings and what was noticed. Each page holds one
of the reflection's two questions, and a day's row lines up across the spread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reportlab.pdfgen.canvas import Canvas

from pmr_print.languages import SEPARATOR
from pmr_print.model import Guide
from pmr_print.options import LogDetails, Settings
from pmr_print.pdf.styles import Styles, make_styles
from pmr_print.pdf.text import plain_paragraph
from pmr_print.plans.log import LogPlan
from pmr_print.practice_log.calendar import DAYS_PER_WEEK, LogWeeks
from pmr_print.practice_log.layout import PAD, Box, Geometry, geometry
from pmr_print.practice_log.page import LogContext, paragraph_at, text
from pmr_print.practice_log.render import draw_day, draw_grid, draw_table_head, draw_writing_lines
from pmr_print.theme import Theme

# The Protocol column does not fit beside the others at 16 pt on an A5 page: the week's head
# names the protocol instead.
LEFT = ("day", "practised", "time", "minutes")
RIGHT = ("day", "before", "after", "notes")

Drawer = Callable[[Canvas, int], None]


def split_week_drawers(
    guide: Guide,
    settings: Settings,
    details: LogDetails,
    weeks: LogWeeks,
    page: tuple[float, float],
    plan: LogPlan,
) -> tuple[Drawer, Drawer]:
    """Two functions drawing week `n`'s left and right page, each an upright `page`."""
    theme = replace(settings.theme, page_size=page)
    settings = replace(settings, theme=theme)
    styles = make_styles(theme, guide.lang)
    plans, pages = page_layouts(theme, styles, plan)
    left, right = (
        LogContext(guide, settings, details, half, styles, weeks, layout, None, weeks.count)
        for half, layout in zip(plans, pages, strict=True)
    )

    def draw_left(canvas: Canvas, week: int) -> None:
        g = left.geometry
        text(canvas, left, g.margin, g.title_baseline, plan.title, styles.title, "accent")
        below_title = g.title_baseline - styles.title.fontSize * 0.4
        box = replace(head_box(left), height=below_title - head_box(left).y)
        for line in plan.week(week).title.split(SEPARATOR):  # a language a line, not a date cut
            used = paragraph_at(canvas, left, line, styles.h3, box, "label")
            box = replace(box, height=box.height - used)
        paragraph_at(canvas, left, plan.protocol, styles.small, box, "label")
        draw_table(canvas, left, week, 0)

    def draw_right(canvas: Canvas, week: int) -> None:
        paragraph_at(canvas, right, plan.scale, styles.small, head_box(right), "label")
        draw_table(canvas, right, week, 1)

    return draw_left, draw_right


def halves(plan: LogPlan, hints: bool) -> list[LogPlan]:
    """The plan of each page: its columns (without their hints, if not `hints`). The right-hand
    page's Day column says the weekday only ("Sun · 周日"): the date is beside it across the
    spread, and the width saved goes to what was noticed."""
    result = []
    for keys in (LEFT, RIGHT):
        columns = tuple(
            column if hints else replace(column, hint="")
            for column in plan.columns
            if column.key in keys
        )
        result.append(replace(plan, columns=columns))
    weeks = tuple(
        replace(week, days=tuple(replace(day, line=day.short_weekday) for day in week.days))
        for week in plan.weeks
    )
    widest = tuple(day.line for week in weeks for day in week.days)
    result[1] = replace(result[1], weeks=weeks, widest_days=widest)
    return result


def page_layouts(
    theme: Theme, styles: Styles, plan: LogPlan
) -> tuple[list[LogPlan], list[Geometry]]:
    """The two pages' plans and layouts, rows aligned; without the columns' hints where they
    would leave rows lower than a line of text (two languages' labels in narrow columns)."""
    room = head_room(theme, styles, plan)
    for hints in (True, False):
        plans = halves(plan, hints)
        pages = aligned([geometry(theme, styles, half.columns, half.widest_days, room)
                         for half in plans])  # fmt: skip
        if pages[0].row_height >= styles.body.leading:
            break
    return plans, pages


def head_room(theme: Theme, styles: Styles, plan: LogPlan) -> float:
    """How much lower the table head must start for the longest week title and the protocol
    line to fit above it on the left-hand page."""
    left = halves(plan, True)[0]
    g = geometry(theme, styles, left.columns, plan.widest_days)
    room = g.title_baseline - styles.title.fontSize * 0.4 - g.head.top - PAD
    width = g.width - 2 * g.margin
    protocol = plain_paragraph(plan.protocol, "label", styles.faces, styles.small)
    tallest = 0.0
    for week in plan.weeks:
        lines = [plain_paragraph(line, "label", styles.faces, styles.h3)
                 for line in week.title.split(SEPARATOR)]  # fmt: skip
        tallest = max(tallest, sum(float(line.wrap(width, 10_000)[1]) for line in lines))
    return max(0.0, tallest + float(protocol.wrap(width, 10_000)[1]) - float(room))


def aligned(pages: list[Geometry]) -> list[Geometry]:
    """The two pages with the taller table head and the lower rows of either, so that a day's
    row lines up across the spread."""
    head_y = min(page.head.y for page in pages)
    row = min(page.row_height for page in pages)
    result = []
    for page in pages:
        head = Box(page.head.x, head_y, page.head.width, page.head.top - head_y)
        table_bottom = head_y - DAYS_PER_WEEK * row
        gap = page.head.y - DAYS_PER_WEEK * page.row_height - page.reflection.top
        bottom = page.reflection.y
        reflection = Box(page.reflection.x, bottom, page.reflection.width,
                         table_bottom - gap - bottom)  # fmt: skip
        result.append(replace(page, head=head, row_height=row, reflection=reflection))
    return result


def head_box(context: LogContext) -> Box:
    """What lies above the table head, inside the margins."""
    g = context.geometry
    top = g.height - g.margin
    return Box(g.margin, g.head.top + PAD, g.width - 2 * g.margin, top - g.head.top - PAD)


def draw_table(canvas: Canvas, context: LogContext, week: int, half: int) -> None:
    draw_table_head(canvas, context)
    for row in range(DAYS_PER_WEEK):
        draw_day(canvas, context, week, row, None)
    draw_grid(canvas, context)
    draw_half_reflection(canvas, context, half)


def draw_half_reflection(canvas: Canvas, context: LogContext, half: int) -> None:
    """The reflection's box with one of its two questions; the heading on the left page."""
    g, styles, plan = context.geometry, context.styles, context.plan
    box = g.reflection
    canvas.setStrokeColor(context.colour("muted"))
    canvas.setLineWidth(0.8)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
    inner = box.inset(PAD * 2, PAD)
    if half == 0:
        heading_y = box.top - PAD - styles.h3.fontSize
        text(canvas, context, inner.x, heading_y, plan.reflection, styles.h3, "accent")
    area = Box(inner.x, inner.y, inner.width, inner.height - styles.h3.leading)
    used = paragraph_at(canvas, context, plan.questions[half], styles.cell_head, area, "label")
    draw_writing_lines(canvas, context, Box(area.x, area.y, area.width, area.height - used - 2))
