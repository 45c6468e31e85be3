"""Flowables for the model's sections, paragraphs and lists, shared by the products."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from pmr_print.model import BulletList, Paragraph, Section
from pmr_print.pdf.box import Box, BoxStyle
from pmr_print.pdf.document import mark_outline
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import content_paragraph, plain_paragraph

# A TableStyle command: ("NAME", (col, row), (col, row), *values).
TableCommand = tuple[object, ...]

BULLET = "•"
CHECKBOX = "□"


def section_heading(section: Section, styles: Styles) -> Flowable:
    heading = plain_paragraph(section.title, str(section.source), styles.faces, styles.h2)
    return mark_outline(heading, section.title)


def bullet(item: Paragraph, styles: Styles, checkbox: bool = False) -> Flowable:
    if checkbox:
        style = checklist_style(styles.bullet, styles.faces.han.name)
        return content_paragraph(item, styles.faces, style, bulletText=CHECKBOX)
    return content_paragraph(item, styles.faces, styles.bullet, bulletText=BULLET)


@functools.cache
def checklist_style(bullet_style: ParagraphStyle, han_face: str) -> ParagraphStyle:
    """The bullet style with a box from the Chinese face (the Latin faces lack "□"). The box is
    a full em wide and ReportLab keeps 0.6 em after a bullet, so the text starts 1.65 em in."""
    size = bullet_style.bulletFontSize
    return ParagraphStyle(
        "checklist", parent=bullet_style, bulletFontName=han_face, bulletIndent=0,
        leftIndent=size * 1.65,
    )  # fmt: skip


def section_flowables(section: Section, styles: Styles) -> list[Flowable]:
    flowables: list[Flowable] = []
    for block in section.blocks:
        if isinstance(block, BulletList):
            flowables += [bullet(item, styles) for item in block.items]
        else:
            flowables.append(content_paragraph(block, styles.faces, styles.body))
    return flowables


def styled_table(
    rows: Sequence[Sequence[object]],
    styles: Styles,
    commands: Sequence[TableCommand],
    **options: object,
) -> Table:
    """A Table whose cells default to the document's face: ReportLab's own default is an
    unembedded Helvetica, which would appear in the PDF even for empty cells."""
    table = Table(rows, **options)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), styles.base_font), *commands]))
    return table


def boxed(
    flowables: Sequence[Flowable],
    edge: str,
    fill: str,
    styles: Styles,
    title: Flowable | None = None,
    pad: float = 0.8,
    right: float | None = None,
) -> Flowable:
    """Set flowables apart in a tinted box with a thick left edge, `pad` ems inside it (`right`
    ems on the right, where given); across a page break it splits like its text and its title
    starts it again (see box.py)."""
    size = styles.body.fontSize
    inset = None if right is None else size * right
    return Box(flowables, BoxStyle(edge, fill, size * pad, inset), title)
