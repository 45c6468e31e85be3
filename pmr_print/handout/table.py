"""The handout's steps table, from the sequence plan of each language.

One language: a row per step with its number, name, instruction and the seconds of tensing and
relaxing, then the total. Several: a row per step with its number, then for each language one
cell holding its name, instruction and timing in words; separate seconds columns would leave the
instructions no room beside a second language. The header row repeats on every page the table
runs onto. A row cannot split across pages: `oversized_rows` names an instruction too tall for
one.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable

from pmr_print.handout.voices import Voices, gap
from pmr_print.pdf.blocks import TableCommand, styled_table
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import content_paragraph, plain_paragraph, text_width
from pmr_print.plans.handout import Row, SequencePlan
from pmr_print.problems import ContentError, Problem
from pmr_print.theme import Theme

CELL_PADDING = 6  # ReportLab's default left and right padding of a table cell


def steps_table(voices: Voices, theme: Theme, with_instructions: bool = True) -> Flowable:
    """The steps table of the voices' sequences (without the instructions, for a document that
    gives each step a figure of its own, or when every step shares one)."""
    sequences = [voice.plan.sequence for voice in voices]
    with_instructions = with_instructions and sequences[0].with_instructions
    if len(voices) == 1:
        return single_table(sequences[0], voices[0].styles, theme, with_instructions)
    return paired_table(voices, theme, with_instructions)


def single_table(
    sequence: SequencePlan, styles: Styles, theme: Theme, with_instructions: bool
) -> Flowable:
    faces, columns = styles.faces, sequence.columns

    def head(text: str) -> Flowable:
        return plain_paragraph(text, "label", faces, styles.cell_head)

    def cell(text: str) -> Flowable:
        return plain_paragraph(text, "table", faces, styles.cell)

    # Large print says the seconds under the group's name: seconds columns would take a
    # third of the width from the instructions.
    timed = theme.large_print and with_instructions
    seconds = [] if timed else [head(columns.tense), head(columns.relax)]
    what = [head(columns.instruction)] if with_instructions else []
    rows: list[list[Flowable | str | list[Flowable]]] = [
        [head(columns.number), head(columns.name), *what, *seconds]
    ]
    for row in sequence.rows:
        parts = instruction(row, styles)
        what = [parts[0] if len(parts) == 1 else parts] if with_instructions else []
        name: Flowable | list[Flowable] = cell(row.name)
        if timed:
            name = [name, plain_paragraph(row.timing, "label", faces, styles.small)]
        seconds = [] if timed else [cell(row.tense), cell(row.relax)]
        rows.append([cell(str(row.number)), name, *what, *seconds])
    total = [head(columns.total), total_paragraph(sequence, styles)]
    rows.append(["", *total] + [""] * (len(rows[0]) - 3))
    widths = column_widths(sequence, styles, theme, with_instructions)
    if with_instructions:
        problems = oversized_rows(sequence, styles, theme)
        if problems:  # ReportLab would stop with a LayoutError naming no file
            raise ContentError(problems[:1])
    commands = table_commands(theme, span=len(rows) - 1)  # the total spans the row
    return styled_table(rows, styles, commands, colWidths=widths, repeatRows=1)


def paired_table(voices: Voices, theme: Theme, with_instructions: bool) -> Flowable:
    """A row per step: its number, then for each language its name, instruction and timing."""
    lead = voices[0].styles

    def head(sequence: SequencePlan, styles: Styles) -> list[Flowable]:
        columns = sequence.columns
        text = columns.name_and_instruction if with_instructions else columns.name
        return [plain_paragraph(text, "label", styles.faces, styles.cell_head)]

    sequences = [(voice.plan.sequence, voice.styles) for voice in voices]
    number = sequences[0][0].columns.number
    rows: list[list[object]] = [
        [plain_paragraph(number, "label", lead.faces, lead.cell_head)]
        + [head(sequence, styles) for sequence, styles in sequences]
    ]
    for steps in zip(*(sequence.rows for sequence, _ in sequences), strict=True):
        cells = [
            step_cell(step, styles, with_instructions)
            for step, (_, styles) in zip(steps, sequences, strict=True)
        ]
        rows.append([plain_paragraph(str(steps[0].number), "table", lead.faces, lead.cell), *cells])
    rows.append(["", *(total_paragraph(sequence, styles) for sequence, styles in sequences)])
    number_width = lead.cell.fontSize * 2.4
    share = (theme.page_size[0] - 2 * theme.margin - number_width) / len(voices)
    widths = [number_width, *([share] * len(voices))]
    # The languages' columns as far apart as the text's (voices.gap), not a cell's padding:
    # a total that runs to its cell's edge would read on into the other language.
    apart = [("LEFTPADDING", (2, 0), (-1, -1), gap(voices) - CELL_PADDING)]
    commands = [*table_commands(theme), *apart]
    return styled_table(rows, lead, commands, colWidths=widths, repeatRows=1)


def step_cell(row: Row, styles: Styles, with_instructions: bool) -> list[Flowable]:
    """One language's cell of a step: its name, instruction and timing."""
    parts = [plain_paragraph(row.name, str(row.source), styles.faces, styles.cell_head)]
    if with_instructions:
        parts += instruction(row, styles)
    parts.append(plain_paragraph(row.timing, "label", styles.faces, styles.small))
    return parts


def instruction(row: Row, styles: Styles) -> list[Flowable]:
    """The row's instruction; a combined step that covers an omitted group says to leave it
    out, since its wording still names every group it covers."""
    found = [content_paragraph(row.instruction, styles.faces, styles.cell)]
    if row.leave_out:
        found.append(plain_paragraph(row.leave_out, "--omit", styles.faces, styles.cell_head))
    return found


def total_paragraph(sequence: SequencePlan, styles: Styles) -> Flowable:
    return plain_paragraph(sequence.total, str(sequence.source), styles.faces, styles.cell_head)


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
    if with_instructions and theme.large_print:  # the seconds under the name
        timing = 18 + max(text_width(row.timing, styles.small.fontSize, faces, "label")
                          for row in sequence.rows)  # fmt: skip
        return [size * 2.4, min(max(names, timing), frame_width * 0.3), None]
    if with_instructions:
        return [size * 2.4, min(names, frame_width * 0.18), None, seconds, seconds]
    return [size * 2.4, None, seconds, seconds]


def oversized_rows(sequence: SequencePlan, styles: Styles, theme: Theme) -> list[Problem]:
    """A problem for each step whose instruction is taller than a page of the handout can hold
    (a table row cannot be split across pages)."""
    frame_width, frame_height = (side - 2 * theme.margin for side in theme.page_size)
    widths = column_widths(sequence, styles, theme, with_instructions=True)
    width = frame_width - sum(w for w in widths if w is not None) - 2 * CELL_PADDING
    room = frame_height - 4 * styles.cell_head.leading  # the repeated heading row, the padding
    problems = []
    for row in sequence.rows:
        height = sum(part.wrap(width, frame_height)[1] for part in instruction(row, styles))
        if height > room:
            problems.append(
                Problem.at(
                    row.instruction.source,
                    f"the instruction of step {row.number} ({row.name}) of protocol "
                    f"'{sequence.id}' is too long for a page of the handout; shorten it",
                )
            )
    return problems


def table_commands(theme: Theme, span: int | None = None) -> Sequence[TableCommand]:
    """The table's shading and rules; `span` joins the cells of that row from the third on."""
    colours = theme.colours
    spans = [("SPAN", (2, span), (-1, span))] if span is not None else []
    return [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(colours.accent_soft)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(colours.rule)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        *spans,
        ("LEFTPADDING", (0, 0), (0, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
