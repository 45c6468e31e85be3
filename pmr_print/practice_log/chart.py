"""The last page of a completed log: tension before and after, day by day, and a weekly table.

The chart is ReportLab's LinePlot. Charts default to Helvetica, so every text in the drawing is
given the shipped face of the log's language explicitly (Noto Sans SC has the Latin digits too).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from babel.dates import format_skeleton
from babel.numbers import format_decimal
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.pdfgen.canvas import Canvas

from pmr_print.practice_log.calendar import DAYS_PER_WEEK
from pmr_print.practice_log.entries import Entry
from pmr_print.practice_log.page import LogContext, draw_footer, text
from pmr_print.practice_log.progress import WeekSummary, runs, tension_series, week_summaries

TABLE_MAX_WEEKS = 8  # more weeks than this and the chart alone tells the story


def tension_chart(
    context: LogContext, entries: Sequence[Entry], width: float, height: float
) -> Drawing:
    """The chart as a drawing of the given size; its LinePlot's data is the tension series."""
    font, size = context.styles.base_font, context.styles.small.fontSize
    drawing = Drawing(width, height)
    # The renderer starts every drawing in its default font (Helvetica) unless told otherwise.
    drawing.initialFontName, drawing.initialFontSize = font, size
    plot = LinePlot()
    plot.x, plot.y = size * 3, size * 3.2
    plot.width, plot.height = width - plot.x - size, height - plot.y - size * 3.5
    none: list[list[tuple[int, int | None]]] = [[(0, None)]]  # an empty series: no line
    before, after = (runs(series) or none for series in tension_series(entries, context.weeks))
    plot.data = [*before, *after]  # a line per run of days: it breaks where a day is missing
    looks = [("accent", "FilledCircle")] * len(before) + [("caution", "FilledSquare")] * len(after)
    for line, (colour, marker) in enumerate(looks):
        plot.lines[line].strokeColor = context.colour(colour)
        plot.lines[line].strokeWidth = 1.4
        plot.lines[line].symbol = makeMarker(marker, size=size * 0.6)
        plot.lines[line].symbol.fillColor = context.colour(colour)
        plot.lines[line].symbol.strokeColor = context.colour(colour)
    style_axes(plot, context)
    drawing.add(plot)
    drawing.add(legend(context, width - size * 16, height - size * 1.2))
    title = context.plan.chart_axis
    drawing.add(String(0, height - size * 1.6, title, fontName=font, fontSize=size,
                       fillColor=context.colour("muted")))  # fmt: skip
    return drawing


def style_axes(plot: LinePlot, context: LogContext) -> None:
    font, size = context.styles.base_font, context.styles.small.fontSize
    days = DAYS_PER_WEEK * context.weeks.count
    x_axis, y_axis = plot.xValueAxis, plot.yValueAxis
    x_axis.valueMin, x_axis.valueMax = -0.5, days - 0.5
    if context.weeks.count <= 2:  # few days: label each one
        x_axis.valueSteps = list(range(days))
    else:  # a label at each week's start, at most about 12
        step = DAYS_PER_WEEK * max(1, -(-context.weeks.count // 12))
        x_axis.valueSteps = list(range(0, days, step))
    x_axis.labelTextFormat = lambda value: short_date(context, context.weeks.start, value)
    y_axis.valueMin, y_axis.valueMax, y_axis.valueStep = 0, 10, 2
    for axis in (x_axis, y_axis):
        axis.labels.fontName, axis.labels.fontSize = font, size
        axis.labels.fillColor = context.colour("muted")
        axis.strokeColor = context.colour("muted")
        axis.visibleGrid = True
        axis.gridStrokeColor = context.colour("rule")
        axis.gridStrokeWidth = 0.4
    x_axis.labels.dy = -2


def short_date(context: LogContext, start: dt.date, value: float) -> str:
    day = start + dt.timedelta(days=round(value))
    return format_skeleton("MMMd", day, locale=context.settings.locale)


def legend(context: LogContext, x: float, y: float) -> Legend:
    size = context.styles.small.fontSize
    key = Legend()
    key.x, key.y = x, y
    key.fontName, key.fontSize = context.styles.base_font, size
    key.alignment = "right"
    key.columnMaximum = 1
    key.deltax = size * 8
    key.dx, key.dy = size * 0.8, size * 0.8
    key.colorNamePairs = [
        (context.colour("accent"), context.plan.chart_legend[0]),
        (context.colour("caution"), context.plan.chart_legend[1]),
    ]
    return key


def draw_progress(canvas: Canvas, context: LogContext, entries: Sequence[Entry]) -> None:
    g, styles = context.geometry, context.styles
    title, subtitle = context.plan.progress
    text(canvas, context, g.margin, g.title_baseline, title, styles.title, "accent")
    text(canvas, context, g.margin, g.week_baseline, subtitle, styles.h3, "accent")
    summaries = week_summaries(entries, context.weeks)
    rows = len(summaries) + 1 if len(summaries) <= TABLE_MAX_WEEKS else 0
    row_height = styles.cell.leading * 1.5
    table_top = g.margin + styles.small.leading + rows * row_height
    chart_top = g.scale_baseline
    width = g.width - 2 * g.margin
    chart = tension_chart(context, entries, width, chart_top - table_top - styles.body.fontSize)
    renderPDF.draw(chart, canvas, g.margin, table_top + styles.body.fontSize)
    if rows:
        draw_summary(canvas, context, summaries, table_top, row_height)
    draw_footer(canvas, context, context.pages)


def summary_cells(context: LogContext, summary: WeekSummary) -> list[str]:
    locale = context.settings.locale

    def rating(value: float | None) -> str:
        return "–" if value is None else format_decimal(value, "0.0", locale=locale)

    return [
        context.plan.week(summary.week).name,
        f"{summary.days_practised}/{DAYS_PER_WEEK}",
        rating(summary.before),
        rating(summary.after),
    ]


def draw_summary(
    canvas: Canvas,
    context: LogContext,
    summaries: list[WeekSummary],
    top: float,
    row_height: float,
) -> None:
    g, styles = context.geometry, context.styles
    heads = ["", *context.plan.summary_heads]
    column = (g.width - 2 * g.margin) / 4
    rows = [heads, *(summary_cells(context, summary) for summary in summaries)]
    canvas.setStrokeColor(context.colour("rule"))
    canvas.setLineWidth(0.5)
    for index, cells in enumerate(rows):
        baseline = top - (index + 1) * row_height + row_height * 0.35
        style = styles.cell_head if index == 0 else styles.cell
        for place, cell in enumerate(cells):
            anchor = "start" if place == 0 else "end"
            x = g.margin + column * (place + (0 if place == 0 else 1)) - (0 if place == 0 else 8)
            text(canvas, context, x, baseline, cell, style, anchor=anchor)
        y = top - (index + 1) * row_height
        canvas.line(g.margin, y, g.width - g.margin, y)
