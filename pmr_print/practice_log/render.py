"""The weekly practice log: a landscape page per week, a row per day, and a weekly reflection.

Blank, it is a fillable form (field names in practice_log/fields.py) whose text fields use an
embedded Chinese-capable font (form_font.py). Completed from entries, the values are printed in
the rows and a last page charts tension before and after (chart.py). Layout is decided in
layout.py; this module only draws what it decided.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import replace

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from pmr_print.languages import language
from pmr_print.model import Guide
from pmr_print.options import LogDetails, Settings
from pmr_print.pdf.markup import Faces
from pmr_print.pdf.numbering import counted_through, page_label
from pmr_print.pdf.slots import Slot, fill
from pmr_print.pdf.styles import Styles, make_styles
from pmr_print.pdf.text import draw_text, fit_line, is_bold, plain_paragraph, text_width
from pmr_print.plans.log import LogDay, LogPlan, plan_log
from pmr_print.practice_log.calendar import DAYS_PER_WEEK, LogWeeks
from pmr_print.practice_log.entries import Entry
from pmr_print.practice_log.fields import START_FIELD
from pmr_print.practice_log.form import add_day_fields, add_reflection_fields
from pmr_print.practice_log.form_pdf import FormWriter
from pmr_print.practice_log.layout import (
    PAD,
    Box,
    checkbox_box,
    geometry,
    head_texts,
    least_cell,
    writing_gap,
)
from pmr_print.practice_log.page import (
    LogContext,
    draw_footer,
    log_canvas,
    paragraph_at,
    text,
)
from pmr_print.typography.linebreak import KinsokuParagraph

CENTRED = ("practised", "minutes", "before", "after")


def render_log(
    guide: Guide,
    settings: Settings,
    details: LogDetails,
    weeks: LogWeeks,
    entries: Sequence[Entry] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """The log's PDF; `progress(week, weeks)` after each week's page."""
    styles = make_styles(settings.theme, guide.lang)
    pages = weeks.count + (0 if entries is None else 1)
    plan = plan_log(guide, settings, details, weeks.start, weeks.count, pages)
    if counted_through():  # a packet's log goes on from its handout's numbers
        numbers = tuple(page_label(guide.labels, page, pages) for page in range(1, pages + 1))
        plan = replace(plan, pages=numbers)
    layout = geometry(settings.theme, styles, plan.columns, plan.widest_days, 0.0, plan.protocols)
    by_date = None if entries is None else {entry.date: entry for entry in entries}
    context = LogContext(guide, settings, details, plan, styles, weeks, layout, by_date, pages)
    buffer = io.BytesIO()
    canvas = log_canvas(buffer, context)
    ink = context.colour("ink")
    form = None
    if entries is None:  # blank: fillable, in the same pass (see form_pdf.py)
        form = FormWriter(canvas, form_font(guide, details), (ink.red, ink.green, ink.blue))
    for week in range(1, weeks.count + 1):
        draw_week(canvas, context, week, form)
        canvas.showPage()
        if progress is not None:
            progress(week, weeks.count)
    if entries is not None:
        # Imported here: ReportLab's charts take 15 to 30 ms to load, and only a completed log
        # has a chart.
        from pmr_print.practice_log.chart import draw_progress

        draw_progress(canvas, context, entries)
        canvas.showPage()
    if form is not None:
        form.finish()
    canvas.save()
    return buffer.getvalue()


def form_font(guide: Guide, details: LogDetails) -> str:
    """The language's form font (Chinese for a Chinese log), or the Chinese one when asked."""
    return details.form_font or language(guide.lang).form_font


def draw_week(canvas: Canvas, context: LogContext, week: int, form: FormWriter | None) -> None:
    draw_week_body(canvas, context, week, form)
    draw_footer(canvas, context, week)
    if form is not None and week == 1:
        form.hidden_value(START_FIELD, context.weeks.start.isoformat())


def draw_week_body(
    canvas: Canvas, context: LogContext, week: int, form: FormWriter | None = None
) -> None:
    """A week's page without its footer: header, the day rows and the reflection."""
    draw_header(canvas, context, week)
    draw_table_head(canvas, context)
    for row in range(DAYS_PER_WEEK):
        draw_day(canvas, context, week, row, form)
    draw_grid(canvas, context)
    draw_reflection(canvas, context, week, form)


def paper_week_drawer(
    guide: Guide,
    settings: Settings,
    details: LogDetails,
    weeks: LogWeeks,
    size: tuple[float, float],
    plan: LogPlan | None = None,
) -> Callable[[Canvas, int], None]:
    """What another document prints as its log: a function that draws week `n` on a landscape
    area of `size` (either way round) at the canvas origin, to fill in by hand: no form fields,
    no footer (the document numbers its own pages). `plan` says the words (default: the
    guide's; a bilingual log gives its languages' plans joined)."""
    theme = replace(settings.theme, page_size=size)
    settings = replace(settings, theme=theme)
    styles = make_styles(theme, guide.lang)
    plan = plan or plan_log(guide, settings, details, weeks.start, weeks.count)
    layout = geometry(theme, styles, plan.columns, plan.widest_days)  # filled in by hand
    context = LogContext(guide, settings, details, plan, styles, weeks, layout, None, weeks.count)
    return lambda canvas, week: draw_week_body(canvas, context, week)


def draw_header(canvas: Canvas, context: LogContext, week: int) -> None:
    g, styles, plan = context.geometry, context.styles, context.plan
    right = g.width - g.margin
    title_width = text(
        canvas, context, g.margin, g.title_baseline, plan.title, styles.title, "accent"
    )
    name_label = plan.name_label
    if context.details.name:
        faces, size = styles.faces, styles.h3.fontSize
        room = right - g.margin - title_width - 2 * size
        room -= text_width(name_label, size, faces, "label", bold=True)
        colours = context.settings.theme.colours
        where = (right, g.title_baseline, room)
        slot = Slot(draw_name, (name_label, where, styles.h3, faces, colours.ink, colours.muted))
        fill(canvas, context.details.name, slot)
    else:
        line_start = right - styles.h3.fontSize * 14
        text(canvas, context, line_start, g.title_baseline, name_label, styles.h3, "muted", "end")
        canvas.setStrokeColor(context.colour("rule"))
        canvas.setLineWidth(0.6)
        canvas.line(line_start + 2, g.title_baseline - 3, right, g.title_baseline - 3)
    title = plan.week(week).title
    used = text(canvas, context, g.margin, g.week_baseline, title, styles.h3, "accent")
    faces, size = styles.faces, styles.small.fontSize
    # Where the week's title leaves no room (a bilingual title), the line is left out rather
    # than printed over it: each day's row has its Protocol column.
    if g.margin + used + 2 * size + text_width(plan.protocol, size, faces, "label") <= right:
        text(canvas, context, right, g.week_baseline, plan.protocol, styles.small, "muted", "end")
    text(canvas, context, g.margin, g.scale_baseline, plan.scale, styles.small, "muted")


def draw_name(
    canvas: Canvas,
    name: str,
    label: str,
    where: tuple[float, float, float],
    style: ParagraphStyle,
    faces: Faces,
    ink: str,
    muted: str,
) -> None:
    """The header's "Name: ..." ending at `right` on the baseline; a long name is cut."""
    right, baseline, room = where
    size, bold = style.fontSize, is_bold(style, faces)
    name = fit_line(name, room, size, faces, "--name", bold=True)
    canvas.setFillColor(HexColor(ink))
    width = draw_text(canvas, right, baseline, name, size, faces, "--name", bold, "end")
    canvas.setFillColor(HexColor(muted))
    draw_text(canvas, right - width, baseline, label, size, faces, "label", bold, "end")


def draw_table_head(canvas: Canvas, context: LogContext) -> None:
    g, styles = context.geometry, context.styles
    canvas.setFillColor(context.colour("accent_soft"))
    canvas.rect(g.head.x, g.head.y, g.head.width, g.head.height, stroke=0, fill=1)
    heads = head_texts(styles, context.plan.columns, g.columns)
    for (_, x, width), (head, hint) in zip(g.columns, heads, strict=True):
        box = Box(x, g.head.y, width, g.head.height).inset(PAD, PAD)
        _, used = head.wrap(box.width, box.height)
        head.drawOn(canvas, box.x, box.top - used)
        if hint is not None:
            _, height = hint.wrap(box.width, box.height - used)
            hint.drawOn(canvas, box.x, box.top - used - height)


def draw_grid(canvas: Canvas, context: LogContext) -> None:
    g = context.geometry
    bottom = g.head.y - DAYS_PER_WEEK * g.row_height
    canvas.setStrokeColor(context.colour("rule"))
    canvas.setLineWidth(0.5)
    for row in range(1, DAYS_PER_WEEK):
        y = g.head.y - row * g.row_height
        canvas.line(g.head.x, y, g.head.x + g.head.width, y)
    for _, x, _ in g.columns[1:]:
        canvas.line(x, g.head.top, x, bottom)
    canvas.setStrokeColor(context.colour("muted"))
    canvas.setLineWidth(0.8)
    canvas.rect(g.head.x, bottom, g.head.width, g.head.top - bottom, stroke=1, fill=0)
    canvas.line(g.head.x, g.head.y, g.head.x + g.head.width, g.head.y)


def draw_day(
    canvas: Canvas, context: LogContext, week: int, row: int, form: FormWriter | None
) -> None:
    day = context.weeks.day(week, row + 1)
    draw_day_label(canvas, context, context.plan.week(week).days[row], row)
    if not any(key == "practised" for key, _, _ in context.geometry.columns):
        return  # the right-hand page of a week split over two: the day and its ratings
    square = checkbox_box(context.geometry, row)
    canvas.setStrokeColor(context.colour("muted"))
    canvas.setLineWidth(0.8)
    canvas.rect(square.x, square.y, square.width, square.height, stroke=1, fill=0)
    if form is not None:
        add_day_fields(form, context, week, row)
    elif context.entries is not None and day in context.entries:
        draw_entry(canvas, context, context.entries[day], row)


def draw_day_label(canvas: Canvas, context: LogContext, day: LogDay, row: int) -> None:
    """Weekday in bold above the date; on one line when rows are low (large print)."""
    styles = context.styles
    cell = context.geometry.cell("day", row).inset(PAD, 0)
    middle = cell.y + cell.height / 2
    if not context.geometry.stacked:
        label = day.line
        size = styles.cell_head.fontSize
        size = min(size, size * cell.width / text_width(label, size, styles.faces, "label", True))
        canvas.setFillColor(context.colour("ink"))
        draw_text(canvas, cell.x, middle - size * 0.35, label, size, styles.faces, "label", True)
        return
    text(canvas, context, cell.x, middle + 1.5, day.weekday, styles.cell_head)
    text(canvas, context, cell.x, middle - styles.small.leading, day.day, styles.small, "muted")


def draw_check(canvas: Canvas, context: LogContext, box: Box) -> None:
    canvas.setStrokeColor(context.colour("ink"))
    canvas.setLineWidth(box.width * 0.13)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    path = canvas.beginPath()
    path.moveTo(box.x + 0.2 * box.width, box.y + 0.52 * box.height)
    path.lineTo(box.x + 0.42 * box.width, box.y + 0.26 * box.height)
    path.lineTo(box.x + 0.82 * box.width, box.y + 0.8 * box.height)
    canvas.drawPath(path, stroke=1, fill=0)


def draw_entry(canvas: Canvas, context: LogContext, entry: Entry, row: int) -> None:
    if entry.practised:
        draw_check(canvas, context, checkbox_box(context.geometry, row))
    values = {
        "time": entry.time,
        "minutes": "" if entry.minutes is None else str(entry.minutes),
        "protocol": entry.protocol,
        "before": "" if entry.before is None else str(entry.before),
        "after": "" if entry.after is None else str(entry.after),
        "notes": entry.notes,
    }
    for key, value in values.items():
        if value:
            box = context.geometry.cell(key, row).inset(PAD, 2)
            fit_text(canvas, context, value, box, key in CENTRED, f"entry {entry.date} {key}")


def fit_text(
    canvas: Canvas, context: LogContext, value: str, box: Box, centred: bool, origin: str
) -> None:
    """Untrusted text in a cell: wrapped, shrunk to fit (down to `least_cell`), cut, centred."""
    least = least_cell(context.settings.theme, context.styles)
    paragraph, height, _ = fitted(value, box, context.styles, least, centred, origin)
    paragraph.drawOn(canvas, box.x, box.y + max(0.0, (box.height - height) / 2))


def fitted(
    value: str, box: Box, styles: Styles, smallest: float, centred: bool, origin: str
) -> tuple[KinsokuParagraph, float, bool]:
    """The paragraph for a cell at most `styles.cell`'s size and at least `smallest`, its
    height, and whether the text had to be cut."""
    base = styles.cell
    # No more characters than the narrowest could fill the box at the smallest size: a huge
    # note is cut to that first, so that shrinking and cutting wrap a bounded text.
    most = int(box.width / (smallest * 0.2) * (box.height / (smallest * 1.2) + 1))
    text = value[:most]
    size = base.fontSize
    while True:
        style = ParagraphStyle(
            "fit", parent=base, fontSize=size, leading=size * 1.25, alignment=TA_CENTER
        )
        if not centred:
            style.alignment = base.alignment
        paragraph = plain_paragraph(text, origin, styles.faces, style)
        _, height = paragraph.wrap(box.width, box.height)
        if height <= box.height or size <= smallest:
            break
        size = max(size - 0.5, smallest)
    if height <= box.height and text == value:
        return paragraph, height, False
    # still too long: cut it visibly, with an ellipsis, not mid-line
    text = longest_fitting(text, lambda v: fits_in(v, origin, style, styles, box))
    paragraph = plain_paragraph(text, origin, styles.faces, style)
    _, height = paragraph.wrap(box.width, box.height)
    return paragraph, height, True


def cut_entries(guide: Guide, settings: Settings, entries: Sequence[Entry]) -> list[Entry]:
    """The entries whose notes (or time) do not fit their day's cell and will print cut."""
    styles = make_styles(settings.theme, guide.lang)
    plan = plan_log(guide, settings, LogDetails(), dt.date(2026, 12, 24), 1)
    layout = geometry(settings.theme, styles, plan.columns, plan.widest_days, 0.0, plan.protocols)
    least = least_cell(settings.theme, styles)
    cut = []
    for entry in entries:
        for key in ("notes", "time"):
            value = getattr(entry, key)
            box = layout.cell(key, 0).inset(PAD, 2)
            if value and fitted(value, box, styles, least, False, key)[2]:
                cut.append(entry)
                break
    return cut


def fits_in(value: str, origin: str, style: ParagraphStyle, styles: Styles, box: Box) -> bool:
    paragraph = plain_paragraph(value, origin, styles.faces, style)
    return bool(paragraph.wrap(box.width, box.height)[1] <= box.height)


def longest_fitting(value: str, fits: Callable[[str], bool]) -> str:
    """The longest start of `value` that, with "…" after it, still fits (binary search)."""
    low, high = 0, len(value)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(value[:middle].rstrip() + "…"):
            low = middle
        else:
            high = middle - 1
    return value[:low].rstrip() + "…"


def reflection_halves(context: LogContext) -> tuple[Box, Box]:
    box = context.geometry.reflection.inset(PAD * 2, PAD)
    top = box.top - context.styles.h3.leading
    half = (box.width - PAD * 4) / 2
    left = Box(box.x, box.y, half, top - box.y)
    return left, Box(box.x + half + PAD * 4, box.y, half, top - box.y)


def draw_reflection(
    canvas: Canvas, context: LogContext, week: int, form: FormWriter | None
) -> None:
    g, styles, plan = context.geometry, context.styles, context.plan
    box = g.reflection
    canvas.setStrokeColor(context.colour("muted"))
    canvas.setLineWidth(0.8)
    canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
    heading_y = box.top - PAD - styles.h3.fontSize
    text(canvas, context, box.x + PAD * 2, heading_y, plan.reflection, styles.h3, "accent")
    areas = []
    for half, question in zip(reflection_halves(context), plan.questions, strict=True):
        used = paragraph_at(canvas, context, question, styles.cell_head, half, "label")
        areas.append(Box(half.x, half.y, half.width, half.height - used - 2))
        draw_writing_lines(canvas, context, areas[-1])
    if form is not None:
        add_reflection_fields(form, context, week, areas)


def draw_writing_lines(canvas: Canvas, context: LogContext, area: Box) -> None:
    gap = writing_gap(context.styles)
    canvas.setStrokeColor(context.colour("rule"))
    canvas.setLineWidth(0.5)
    y = area.top - gap
    while y >= area.y - 0.5:
        canvas.line(area.x, y, area.x + area.width, y)
        y -= gap
