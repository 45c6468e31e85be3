"""What every page of a practice log shares: its context, text drawing and the footer."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from pmr_print.model import Guide
from pmr_print.options import LogDetails, Settings
from pmr_print.pdf.document import Metadata, new_canvas
from pmr_print.pdf.markup import Faces
from pmr_print.pdf.slots import Slot, fill
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import draw_text, fit_line, is_bold, plain_paragraph, text_width
from pmr_print.plans.log import LogPlan
from pmr_print.practice_log.calendar import LogWeeks
from pmr_print.practice_log.entries import Entry
from pmr_print.practice_log.layout import Box, Geometry


@dataclass(frozen=True)
class LogContext:
    """What every page of one log shares."""

    guide: Guide
    settings: Settings
    details: LogDetails
    plan: LogPlan  # every word the log prints
    styles: Styles
    weeks: LogWeeks
    geometry: Geometry
    entries: Mapping[dt.date, Entry] | None  # None: a blank, fillable log
    pages: int

    def colour(self, name: str) -> Color:
        return HexColor(getattr(self.settings.theme.colours, name))


def log_canvas(buffer: io.BytesIO, context: LogContext) -> Canvas:
    plan = context.plan
    meta = Metadata.of(context.settings, plan.title, plan.name, plan.protocol)
    size = (context.geometry.width, context.geometry.height)
    return new_canvas(buffer, size, meta, context.styles.base_font)


def text(
    canvas: Canvas,
    context: LogContext,
    x: float,
    y: float,
    value: str,
    style: ParagraphStyle,
    colour: str = "ink",
    anchor: str = "start",
    origin: str = "label",
) -> float:
    """One line in a style's size and weight (each character in a face that has it)."""
    faces = context.styles.faces
    canvas.setFillColor(context.colour(colour))
    bold = is_bold(style, faces)
    return draw_text(canvas, x, y, value, style.fontSize, faces, origin, bold, anchor)


def paragraph_at(
    canvas: Canvas, context: LogContext, value: str, style: ParagraphStyle, box: Box, origin: str
) -> float:
    """Wrap text into the box's width, top-aligned; returns the height used."""
    paragraph = plain_paragraph(value, origin, context.styles.faces, style)
    _, height = paragraph.wrap(box.width, box.height)
    paragraph.drawOn(canvas, box.x, box.top - height)
    return float(height)


def draw_footer(canvas: Canvas, context: LogContext, page: int) -> None:
    g, styles = context.geometry, context.styles
    number = context.plan.pages[page - 1]
    right = g.width - g.margin
    name = context.details.name
    head = context.plan.footer[: len(context.plan.footer) - len(name)]  # the name is a slot
    size, faces = styles.small.fontSize, styles.faces
    room = right - g.margin - text_width(number, size, faces, "footer") - 2 * size
    where = (g.margin, g.footer_baseline, room)
    muted = context.settings.theme.colours.muted
    fill(canvas, name, Slot(draw_note, (head, where, styles.small, faces, muted)))
    text(canvas, context, right, g.footer_baseline, number, styles.small, "muted", "end")


def draw_note(
    canvas: Canvas,
    name: str,
    head: str,
    where: tuple[float, float, float],
    style: ParagraphStyle,
    faces: Faces,
    colour: str,
) -> None:
    """The footer's "Practice log · name"; a long name is cut, not overprinted."""
    x, baseline, room = where
    note = fit_line(head + name, room, style.fontSize, faces, "--name")
    canvas.setFillColor(HexColor(colour))
    draw_text(canvas, x, baseline, note, style.fontSize, faces, "--name", is_bold(style, faces))
