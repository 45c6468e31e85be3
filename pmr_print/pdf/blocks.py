"""Flowables for the model's sections, paragraphs and lists, shared by the products."""

from __future__ import annotations

from collections.abc import Sequence

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
    return content_paragraph(
        item, styles.faces, styles.bullet, bulletText=CHECKBOX if checkbox else BULLET
    )


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
) -> Flowable:
    """Set flowables apart in a tinted box with a thick left edge; across a page break it
    splits like its text and its title starts it again (see box.py)."""
    return Box(flowables, BoxStyle(edge, fill, styles.body.fontSize * 0.8), title)
