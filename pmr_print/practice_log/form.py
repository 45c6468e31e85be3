"""The practice log's form fields, placed in the boxes the layout gave each day and question.

Fields are created row by row, left to right, so that the page's /Annots, and with it the tab
order, follows the form as it is read. Names come from practice_log/fields.py; form_pdf.py writes
them, with the embedded form font.
"""

from __future__ import annotations

from collections.abc import Sequence

from pmr_print.practice_log.fields import day_field, reflection_field
from pmr_print.practice_log.form_pdf import FormWriter, Look, Rect
from pmr_print.practice_log.layout import Box, checkbox_box
from pmr_print.practice_log.page import LogContext

RATINGS = ["", *(str(value) for value in range(11))]
MAX_LENGTHS = {"time": 12, "minutes": 3, "notes": 200}
REFLECTION_MAX = 1000


CENTRED = ("minutes", "before", "after")


def look(context: LogContext, size: float, key: str = "") -> Look:
    ink = context.colour("ink")
    return Look(size, (ink.red, ink.green, ink.blue), key in CENTRED)


def rect(box: Box) -> Rect:
    return Rect(box.x, box.y, box.width, box.height)


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


def add_day_fields(form: FormWriter, context: LogContext, week: int, row: int) -> None:
    """The practised checkbox, then the day's inputs left to right (the tab order)."""
    day, plan = row + 1, context.plan
    tip = plan.tip(plan.week(week).days[row])
    square = checkbox_box(context.geometry, row)
    practised = plan.column("practised").head
    form.checkbox(day_field(week, day, "practised"), rect(square), tip + practised)
    protocols = ["", *plan.protocols]
    size = context.styles.cell.fontSize
    for key, _ in DAY_INPUTS:
        label = plan.column(key).head
        box, name = rect(field_box(context, key, row)), day_field(week, day, key)
        if key in ("protocol", "before", "after"):
            options = protocols if key == "protocol" else RATINGS
            form.choice(name, box, look(context, size, key), options, tip + label)
        else:
            form.text(name, box, look(context, size, key), MAX_LENGTHS[key],
                      multiline=key == "notes", tooltip=tip + label)  # fmt: skip


def add_reflection_fields(
    form: FormWriter, context: LogContext, week: int, areas: Sequence[Box]
) -> None:
    questions = zip(("relaxed", "noticed"), context.plan.questions, strict=True)
    size = context.styles.body.fontSize
    for (key, question), area in zip(questions, areas, strict=True):
        form.text(reflection_field(week, key), rect(area), look(context, size), REFLECTION_MAX,
                  multiline=True, tooltip=question)  # fmt: skip
