"""The practice log's form fields, placed in the boxes the layout gave each day and question.

Fields are created row by row, left to right, so that the page's /Annots, and with it the tab
order, follows the form as it is read. Names come from practice_log/fields.py. The fields are
created with Helvetica (all ReportLab allows); form_font.py then points them at the embedded face.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas

from pmr_print.i18n import short_weekday_date
from pmr_print.practice_log.fields import day_field, reflection_field
from pmr_print.practice_log.layout import Box, checkbox_box
from pmr_print.practice_log.page import LogContext

RATINGS = ["", *(str(value) for value in range(11))]
MAX_LENGTHS = {"time": 12, "minutes": 3, "notes": 200}
REFLECTION_MAX = 1000


def common(context: LogContext, size: float) -> dict[str, object]:
    return {
        "fontName": "Helvetica",
        "fontSize": size,
        "borderWidth": 0,
        "textColor": context.colour("ink"),
        "annotationFlags": "print",
    }


def field_box(context: LogContext, key: str, row: int) -> Box:
    cell = context.geometry.cell(key, row)
    if key == "notes":
        return cell.inset(2, 2)
    height = min(cell.height - 4, context.styles.cell.fontSize * 2.2)
    return cell.inset(2, (cell.height - height) / 2)


DAY_INPUTS = (
    ("time", "Time of day"),
    ("minutes", "Minutes"),
    ("protocol", "Protocol"),
    ("before", "Tension before"),
    ("after", "Tension after"),
    ("notes", "What I noticed"),
)


def add_day_fields(canvas: Canvas, context: LogContext, week: int, row: int) -> None:
    """The practised checkbox, then the day's inputs left to right (the tab order)."""
    form, day, labels = canvas.acroForm, row + 1, context.guide.labels
    date = context.weeks.day(week, day)
    tip = short_weekday_date(date, context.settings.locale) + context.separator()
    square = checkbox_box(context.geometry, row)
    form.checkbox(
        name=day_field(week, day, "practised"),
        x=square.x,
        y=square.y,
        size=square.width,
        buttonStyle="check",
        borderWidth=0,
        fieldFlags="",
        tooltip=tip + labels("Practised"),
    )
    protocols = ["", *(protocol.name for protocol in context.guide.protocols)]
    for key, label in DAY_INPUTS:
        box = field_box(context, key, row)
        extra = {
            **common(context, context.styles.cell.fontSize),
            **{"x": box.x, "y": box.y, "width": box.width, "height": box.height},
            "tooltip": tip + labels(label),
        }
        name = day_field(week, day, key)
        if key in ("protocol", "before", "after"):
            options = protocols if key == "protocol" else RATINGS
            # value=[""]: ReportLab 5.1 fails on a plain "" for a choice field
            form.choice(name=name, value=[""], options=options, fieldFlags="combo", **extra)
        else:
            flags = "multiline" if key == "notes" else ""
            form.textfield(name=name, maxlen=MAX_LENGTHS[key], fieldFlags=flags, **extra)


def add_reflection_fields(
    canvas: Canvas, context: LogContext, week: int, areas: Sequence[Box]
) -> None:
    labels = context.guide.labels
    questions = (
        ("relaxed", "How relaxed do you feel this week?"),
        ("noticed", "What did you notice in your body?"),
    )
    for (key, question), area in zip(questions, areas, strict=True):
        canvas.acroForm.textfield(
            name=reflection_field(week, key),
            x=area.x,
            y=area.y,
            width=area.width,
            height=area.height,
            maxlen=REFLECTION_MAX,
            fieldFlags="multiline",
            tooltip=labels(question),
            **common(context, context.styles.body.fontSize),
        )
