"""The therapist handout: what PMR is, cautions, the sequence as a table, practice, evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, KeepTogether, Spacer

from pmr_print.model import BulletList, Guide, Paragraph, Protocol, Step
from pmr_print.options import HandoutDetails, Settings
from pmr_print.pdf.blocks import (
    TableCommand,
    boxed,
    bullet,
    section_flowables,
    section_heading,
    styled_table,
)
from pmr_print.pdf.document import Metadata, PageFrame, build_document, mark_outline
from pmr_print.pdf.styles import Styles, make_styles
from pmr_print.pdf.text import content_paragraph, plain_paragraph, text_width
from pmr_print.plans.handout import (
    Detail,
    HandoutPlan,
    Omitted,
    Part,
    Recording,
    Row,
    SequencePlan,
    plan_handout,
    plan_row,
    plan_sequence,
)
from pmr_print.problems import ContentError, Problem
from pmr_print.theme import Theme


def render_handout(guide: Guide, settings: Settings, details: HandoutDetails) -> bytes:
    plan = plan_handout(guide, settings, details)
    styles = make_styles(settings.theme, guide.lang)
    note = plan.title + (f" · {plan.client}" if plan.client else "")
    frame = PageFrame(settings.theme, styles.faces, guide.labels, note)
    return build_document(lambda: build_story(plan, styles, settings.theme), frame, metadata(plan))


def metadata(plan: HandoutPlan) -> Metadata:
    return Metadata(plan.title, plan.author or "pmr-print", plan.sequence.protocol, plan.tag)


def build_story(plan: HandoutPlan, styles: Styles, theme: Theme) -> list[Flowable]:
    story: list[Flowable] = [
        plain_paragraph(plan.title, str(plan.source), styles.faces, styles.title),
        plain_paragraph(plan.subtitle, str(plan.source), styles.faces, styles.subtitle),
        details_table(plan.details, styles, theme),
        Spacer(1, styles.body.fontSize),
    ]
    for part in plan.parts:
        if part is plan.sequence.part:
            story += sequence_story(plan.sequence, styles, theme)
        else:
            story += part_story(part, styles, theme)
    return story


def part_story(part: Part, styles: Styles, theme: Theme) -> list[Flowable]:
    """A section: its heading and text, the cautions and the clinician's checklist boxed; the
    recording after it, if it has one."""
    if part.kind == "caution":
        story = caution_story(part, styles, theme)
    elif part.kind == "clinician":
        story = checklist_story(part, styles, theme)
    else:
        story = [section_heading(part.section, styles), *section_flowables(part.section, styles)]
    if part.recording:
        story.append(recording(part.recording, styles))
    return story


def caution_story(part: Part, styles: Styles, theme: Theme) -> list[Flowable]:
    section, colours = part.section, theme.colours
    heading = plain_paragraph(part.title, str(section.source), styles.faces, styles.caution_title)
    box = boxed(
        section_flowables(section, styles),
        colours.caution,
        colours.caution_soft,
        styles,
        title=heading,
    )
    # The outline entry goes on the box: the document only sees top-level flowables.
    return [mark_outline(box, section.title), Spacer(1, styles.body.fontSize * 0.6)]


def details_table(details: Sequence[Detail], styles: Styles, theme: Theme) -> Flowable:
    cells = [
        [
            plain_paragraph(detail.label, "label", styles.faces, styles.cell_head),
            plain_paragraph(detail.value, detail.origin, styles.faces, styles.cell),
        ]
        for detail in details
    ]
    commands = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(theme.colours.rule)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]
    width = styles.body.fontSize * 7
    return styled_table(cells, styles, commands, colWidths=[width, None], hAlign="LEFT")


def sequence_story(
    sequence: SequencePlan, styles: Styles, theme: Theme, with_instructions: bool = True
) -> list[Flowable]:
    """The sequence: its section, the protocol and its steps as a table with the total time
    (without the instructions, for a document that gives each step a figure of its own), and
    the groups left out for this client."""
    section, faces = sequence.part.section, styles.faces
    story: list[Flowable] = [section_heading(section, styles), *section_flowables(section, styles)]
    story.append(plain_paragraph(sequence.protocol, str(sequence.source), faces, styles.h3))
    story.append(content_paragraph(sequence.summary, faces, styles.body))
    if sequence.shared is not None:  # said once, not in every row (the release-only cue)
        story.append(content_paragraph(sequence.shared, faces, styles.body))
    with_instructions = with_instructions and sequence.with_instructions
    story.append(steps_table(sequence, styles, theme, with_instructions))
    if sequence.omitted:
        story.append(omitted_note(sequence.omitted, styles, theme))
    return story


def instruction_cell(
    guide: Guide, step: Step, styles: Styles, settings: Settings
) -> Flowable | list[Flowable]:
    """The step's instruction, with a note to leave out a group its words still ask for (for
    the booklet's step pages, until they read a step plan)."""
    return row_instruction(plan_row(guide, settings, step, 0), styles)


def row_instruction(row: Row, styles: Styles) -> Flowable | list[Flowable]:
    """The row's instruction; a combined step that covers an omitted group says to leave it
    out, since its wording still names every group it covers."""
    instruction = content_paragraph(row.instruction, styles.faces, styles.cell)
    if not row.leave_out:
        return instruction
    return [instruction, plain_paragraph(row.leave_out, "--omit", styles.faces, styles.cell_head)]


def steps_table(
    sequence: SequencePlan, styles: Styles, theme: Theme, with_instructions: bool = True
) -> Flowable:
    faces, columns = styles.faces, sequence.columns

    def head(text: str) -> Flowable:
        return plain_paragraph(text, "label", faces, styles.cell_head)

    def cell(text: str) -> Flowable:
        return plain_paragraph(text, "table", faces, styles.cell)

    what = [head(columns.instruction)] if with_instructions else []
    rows: list[list[Flowable | str]] = [
        [head(columns.number), head(columns.name), *what]
        + [head(columns.tense), head(columns.relax)]
    ]
    for row in sequence.rows:
        what = [row_instruction(row, styles)] if with_instructions else []
        rows.append(
            [cell(str(row.number)), cell(row.name), *what] + [cell(row.tense), cell(row.relax)]
        )
    total = [
        "",
        head(columns.total),
        plain_paragraph(sequence.total, str(sequence.source), faces, styles.cell_head),
    ]
    rows.append(total + [""] * (len(rows[0]) - len(total)))
    widths = column_widths(sequence, styles, theme, with_instructions)
    if with_instructions:
        problems = oversized_rows(sequence, styles, theme)
        if problems:  # ReportLab would stop with a LayoutError naming no file
            raise ContentError(problems[:1])
    return styled_table(
        rows, styles, table_commands(theme, len(rows)), colWidths=widths, repeatRows=1
    )


def column_widths(
    sequence: SequencePlan, styles: Styles, theme: Theme, with_instructions: bool
) -> list[float | None]:
    """The steps table's columns; None is the instructions' (or names'), which takes the rest."""
    faces, size, columns = styles.faces, styles.cell.fontSize, sequence.columns
    # The seconds columns are as wide as their headings, unless that would squeeze the
    # instructions (large print): then the headings wrap onto two lines.
    heading = max(
        text_width(label, size, faces, "label", bold=True)
        for label in (columns.tense, columns.relax)
    )
    frame_width = theme.page_size[0] - 2 * theme.margin
    seconds = 12 + (heading if heading < frame_width * 0.1 else size * 3)
    names = 12 + max(text_width(row.name, size, faces, "table") for row in sequence.rows)
    if with_instructions:
        return [size * 2.4, min(names, frame_width * 0.18), None, seconds, seconds]
    return [size * 2.4, None, seconds, seconds]


CELL_PADDING = 6  # ReportLab's default left and right padding of a table cell


def oversized_steps(
    guide: Guide, protocol: Protocol, styles: Styles, settings: Settings
) -> list[Problem]:
    """A problem for each step of `protocol` whose instruction is taller than a page of the
    handout can hold (a table row cannot be split across pages)."""
    sequence = plan_sequence(guide, replace(settings, protocol=protocol), HandoutDetails())
    return oversized_rows(sequence, styles, settings.theme)


def oversized_rows(sequence: SequencePlan, styles: Styles, theme: Theme) -> list[Problem]:
    frame_width, frame_height = (side - 2 * theme.margin for side in theme.page_size)
    widths = column_widths(sequence, styles, theme, with_instructions=True)
    width = frame_width - sum(w for w in widths if w is not None) - 2 * CELL_PADDING
    room = frame_height - 4 * styles.cell_head.leading  # the repeated heading row, the padding
    problems = []
    for row in sequence.rows:
        cell = row_instruction(row, styles)
        parts = cell if isinstance(cell, list) else [cell]
        height = sum(part.wrap(width, frame_height)[1] for part in parts)
        if height > room:
            problems.append(
                Problem.at(
                    row.instruction.source,
                    f"the instruction of step {row.number} ({row.name}) of protocol "
                    f"'{sequence.id}' is too long for a page of the handout; shorten it",
                )
            )
    return problems


def table_commands(theme: Theme, row_count: int) -> list[TableCommand]:
    colours = theme.colours
    return [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(colours.accent_soft)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(colours.rule)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (2, row_count - 1), (-1, row_count - 1)),
        ("LEFTPADDING", (0, 0), (0, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def omitted_note(omitted: Omitted, styles: Styles, theme: Theme) -> Flowable:
    faces = styles.faces
    flowables: list[Flowable] = [
        plain_paragraph(omitted.title, "label", faces, styles.cell_head),
        plain_paragraph(omitted.groups, "--omit", faces, styles.cell),
    ]
    if omitted.reason:
        flowables.append(plain_paragraph(omitted.reason, "--omit-reason", faces, styles.cell))
    colours = theme.colours
    return boxed(flowables, colours.accent, colours.accent_soft, styles)


def recording(found: Recording, styles: Styles) -> Flowable:
    label = plain_paragraph(found.label, "label", styles.faces, styles.cell_head)
    return recording_table([label], found.url, styles)


def recording_table(labels: Sequence[Flowable], url: str, styles: Styles) -> Flowable:
    """A QR code of the recording's address, beside `labels` and the address itself."""
    # Imported here: the barcode package loads every symbology, a cost only a QR code should pay.
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing  # only here: it loads in 10 to 20 ms

    side = styles.body.fontSize * 7
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
    drawing.add(widget)
    drawing.initialFontName = styles.base_font  # else the renderer starts in Helvetica
    text = [*labels, plain_paragraph(url, "--recording-url", styles.faces, styles.small)]
    commands = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    table = styled_table([[drawing, text]], styles, commands, colWidths=[side + 8, None])
    table.hAlign = "LEFT"
    return KeepTogether([table])


def checklist_story(part: Part, styles: Styles, theme: Theme) -> list[Flowable]:
    """The clinician's questions with a box to tick each, in a box of their own."""
    section, colours = part.section, theme.colours
    heading = plain_paragraph(part.title, str(section.source), styles.faces, styles.h3)
    items: list[Flowable] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            items.append(content_paragraph(block, styles.faces, styles.body))
        elif isinstance(block, BulletList):
            items += [bullet(item, styles, checkbox=True) for item in block.items]
    # Split between questions only, with the heading again on the next page (see boxed).
    box = boxed(items, colours.rule, "#FFFFFF", styles, title=heading)
    return [Spacer(1, styles.body.fontSize), mark_outline(box, section.title)]
