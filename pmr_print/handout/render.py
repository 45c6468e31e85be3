"""The therapist handout: what PMR is, cautions, the sequence as a table, practice, evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from babel.lists import format_list
from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, KeepTogether, Spacer

from pmr_print.handout.timing import duration
from pmr_print.i18n import long_date
from pmr_print.languages import language
from pmr_print.model import BulletList, Guide, Paragraph, Protocol, Section, Step
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
from pmr_print.problems import ContentError, Problem, UsageError

# Reading order: what it is, the cautions before anything is tried, how to do it, then the rest.
BEFORE_SEQUENCE = ("about", "drawbacks", "preparation", "breathing")
AFTER_SEQUENCE = ("post-relaxation", "practice-plan", "considerations", "benefits")


def render_handout(guide: Guide, settings: Settings, details: HandoutDetails) -> bytes:
    styles = make_styles(settings.theme, guide.lang)
    note = guide.title + (f" · {details.client}" if details.client else "")
    frame = PageFrame(settings.theme, styles.faces, guide.labels, note)
    return build_document(
        lambda: build_story(guide, settings, details, styles),
        frame,
        metadata(guide, settings, details),
    )


def metadata(guide: Guide, settings: Settings, details: HandoutDetails) -> Metadata:
    locale = settings.locale
    author = details.clinician or details.clinic or "pmr-print"
    subject = guide.labels("Protocol: {name}", name=settings.protocol.name)
    return Metadata(
        guide.title, author, subject, f"{locale.language}-{locale.territory or ''}".strip("-")
    )


def build_story(
    guide: Guide, settings: Settings, details: HandoutDetails, styles: Styles
) -> list[Flowable]:
    story: list[Flowable] = [
        plain_paragraph(guide.title, str(guide.source), styles.faces, styles.title),
        plain_paragraph(guide.subtitle, str(guide.source), styles.faces, styles.subtitle),
        details_table(guide, settings, details, styles),
        Spacer(1, styles.body.fontSize),
    ]
    for section_id in BEFORE_SEQUENCE:
        story += section_story(guide.section(section_id), styles, settings)
    protocol = settings.protocol.without(frozenset(details.omit))
    story += sequence_story(guide, protocol, details, styles, settings)
    for section_id in AFTER_SEQUENCE:
        story += section_story(guide.section(section_id), styles, settings)
        if section_id == "practice-plan" and details.recording_url:
            story.append(recording(guide, details.recording_url, styles))
    story += screening_story(guide.section("screening"), guide, styles, settings)
    story += section_story(guide.section("references"), styles, settings)
    return story


def section_story(section: Section, styles: Styles, settings: Settings) -> list[Flowable]:
    if section.id == "drawbacks":
        colours = settings.theme.colours
        heading = plain_paragraph(
            section.title, str(section.source), styles.faces, styles.caution_title
        )
        box = boxed(
            section_flowables(section, styles),
            colours.caution,
            colours.caution_soft,
            styles,
            title=heading,
        )
        # The outline entry goes on the box: the document only sees top-level flowables.
        return [
            mark_outline(box, section.title),
            Spacer(1, styles.body.fontSize * 0.6),
        ]
    return [section_heading(section, styles), *section_flowables(section, styles)]


def details_table(
    guide: Guide, settings: Settings, details: HandoutDetails, styles: Styles
) -> Flowable:
    day = details.date or dt.date.today()
    rows = [
        ("Client", details.client, "--client"),
        ("Clinician", details.clinician, "--clinician"),
        ("Clinic", details.clinic, "--clinic"),
        ("Date", long_date(day, settings.locale), "--date"),
    ]
    cells = [
        [
            plain_paragraph(guide.labels(label), "label", styles.faces, styles.cell_head),
            plain_paragraph(value, origin, styles.faces, styles.cell),
        ]
        for label, value, origin in rows
        if value
    ]
    commands = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(settings.theme.colours.rule)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]
    width = styles.body.fontSize * 7
    return styled_table(cells, styles, commands, colWidths=[width, None], hAlign="LEFT")


def sequence_story(
    guide: Guide,
    protocol: Protocol,
    details: HandoutDetails,
    styles: Styles,
    settings: Settings,
    with_instructions: bool = True,
) -> list[Flowable]:
    """The sequence: its section, the protocol and its steps as a table with the total time
    (without the instructions, for a document that gives each step a figure of its own)."""
    if not protocol.steps:  # every group left out; composers (booklet) come this way too
        raise UsageError(
            f"--omit leaves no step of the protocol '{protocol.id}'; leave out fewer groups"
        )
    section = guide.section("sequence")
    labels = guide.labels
    story: list[Flowable] = [section_heading(section, styles), *section_flowables(section, styles)]
    title = labels("Protocol: {name}", name=protocol.name)
    story.append(plain_paragraph(title, str(protocol.source), styles.faces, styles.h3))
    story.append(content_paragraph(protocol.summary, styles.faces, styles.body))
    shared = shared_instruction(protocol)
    if shared is not None:  # said once, not in every row (the release-only cue)
        story.append(content_paragraph(shared, styles.faces, styles.body))
    with_instructions = with_instructions and shared is None
    story.append(steps_table(guide, protocol, styles, settings, with_instructions))
    if details.omit:
        story.append(omitted_note(guide, details, styles, settings))
    return story


def shared_instruction(protocol: Protocol) -> Paragraph | None:
    """The instruction every step shares, if they all share one and there are several steps."""
    texts = {step.instruction.text for step in protocol.steps}
    return protocol.steps[0].instruction if len(protocol.steps) > 1 and len(texts) == 1 else None


def group_names(guide: Guide, ids: Sequence[str], settings: Settings) -> str:
    """ "Back and neck", "背部和颈部": the groups' names as a list in the language."""
    return format_list([guide.group(group).name for group in ids], locale=settings.locale)


def instruction_cell(
    guide: Guide, step: Step, styles: Styles, settings: Settings
) -> Flowable | list[Flowable]:
    """The step's instruction; a combined step that covers an omitted group says to leave it
    out, since its wording still names every group it covers."""
    instruction = content_paragraph(step.instruction, styles.faces, styles.cell)
    if not step.left_out:
        return instruction
    names = group_names(guide, step.left_out, settings)
    note = guide.labels("Leave out: {groups}", groups=names)
    return [instruction, plain_paragraph(note, "--omit", styles.faces, styles.cell_head)]


def seconds_text(seconds: int) -> str:
    return str(seconds) if seconds else "–"  # no tensing at all: a dash, not a zero


def steps_table(
    guide: Guide,
    protocol: Protocol,
    styles: Styles,
    settings: Settings,
    with_instructions: bool = True,
) -> Flowable:
    labels, faces = guide.labels, styles.faces

    def head(text: str) -> Flowable:
        return plain_paragraph(text, "label", faces, styles.cell_head)

    def cell(text: str) -> Flowable:
        return plain_paragraph(text, "table", faces, styles.cell)

    what = [head(labels("What to do"))] if with_instructions else []
    rows: list[list[Flowable | str]] = [
        [head("#"), head(labels("Muscle group")), *what]
        + [head(labels("Tense (s)")), head(labels("Relax (s)"))]
    ]
    for number, step in enumerate(protocol.steps, start=1):
        what = [instruction_cell(guide, step, styles, settings)] if with_instructions else []
        rows.append(
            [cell(str(number)), cell(step.name), *what]
            + [cell(seconds_text(step.tense_seconds)), cell(seconds_text(step.relax_seconds))]
        )
    total = ["", head(labels("Total")), total_text(guide, protocol, styles)]
    rows.append(total + [""] * (len(rows[0]) - len(total)))
    widths = column_widths(guide, protocol, styles, settings, with_instructions)
    if with_instructions:
        problems = oversized_steps(guide, protocol, styles, settings)
        if problems:  # ReportLab would stop with a LayoutError naming no file
            raise ContentError(problems[:1])
    return styled_table(
        rows, styles, table_commands(settings, len(rows)), colWidths=widths, repeatRows=1
    )


def column_widths(
    guide: Guide, protocol: Protocol, styles: Styles, settings: Settings, with_instructions: bool
) -> list[float | None]:
    """The steps table's columns; None is the instructions' (or names'), which takes the rest."""
    labels, faces, size = guide.labels, styles.faces, styles.cell.fontSize
    # The seconds columns are as wide as their headings, unless that would squeeze the
    # instructions (large print): then the headings wrap onto two lines.
    heading = max(
        text_width(labels(label), size, faces, "label", bold=True)
        for label in ("Tense (s)", "Relax (s)")
    )
    frame_width = settings.theme.page_size[0] - 2 * settings.theme.margin
    seconds = 12 + (heading if heading < frame_width * 0.1 else size * 3)
    names = 12 + max(text_width(step.name, size, faces, "table") for step in protocol.steps)
    if with_instructions:
        return [size * 2.4, min(names, frame_width * 0.18), None, seconds, seconds]
    return [size * 2.4, None, seconds, seconds]


CELL_PADDING = 6  # ReportLab's default left and right padding of a table cell


def oversized_steps(
    guide: Guide, protocol: Protocol, styles: Styles, settings: Settings
) -> list[Problem]:
    """A problem for each step whose instruction is taller than a page of the handout can hold
    (a table row cannot be split across pages)."""
    theme = settings.theme
    frame_width, frame_height = (side - 2 * theme.margin for side in theme.page_size)
    widths = column_widths(guide, protocol, styles, settings, with_instructions=True)
    width = frame_width - sum(w for w in widths if w is not None) - 2 * CELL_PADDING
    room = frame_height - 4 * styles.cell_head.leading  # the repeated heading row, the padding
    problems = []
    for number, step in enumerate(protocol.steps, start=1):
        cell = instruction_cell(guide, step, styles, settings)
        parts = cell if isinstance(cell, list) else [cell]
        height = sum(part.wrap(width, frame_height)[1] for part in parts)
        if height > room:
            problems.append(
                Problem.at(
                    step.instruction.source,
                    f"the instruction of step {number} ({step.name}) of protocol "
                    f"'{protocol.id}' is too long for a page of the handout; shorten it",
                )
            )
    return problems


def total_text(guide: Guide, protocol: Protocol, styles: Styles) -> Flowable:
    labels = guide.labels
    parts = [duration(protocol.total_seconds, labels)]
    if protocol.rounds > 1:
        parts.append(labels("Rounds: {count}", count=protocol.rounds))
    if protocol.settle_seconds:
        parts.append(labels("Quiet time at the end: {seconds} s", seconds=protocol.settle_seconds))
    separator = language(guide.lang).semicolon
    return plain_paragraph(
        separator.join(parts), str(protocol.source), styles.faces, styles.cell_head
    )


def table_commands(settings: Settings, row_count: int) -> list[TableCommand]:
    colours = settings.theme.colours
    return [
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(colours.accent_soft)),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(colours.rule)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (2, row_count - 1), (-1, row_count - 1)),
        ("LEFTPADDING", (0, 0), (0, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def omitted_note(
    guide: Guide, details: HandoutDetails, styles: Styles, settings: Settings
) -> Flowable:
    labels, faces = guide.labels, styles.faces
    omitted = group_names(guide, details.omit, settings)
    flowables: list[Flowable] = [
        plain_paragraph(labels("Left out for this client"), "label", faces, styles.cell_head),
        plain_paragraph(omitted, "--omit", faces, styles.cell),
    ]
    if details.omit_reason:
        reason = labels("Reason: {reason}", reason=details.omit_reason)
        flowables.append(plain_paragraph(reason, "--omit-reason", faces, styles.cell))
    colours = settings.theme.colours
    return boxed(flowables, colours.accent, colours.accent_soft, styles)


def recording(guide: Guide, url: str, styles: Styles) -> Flowable:
    label = guide.labels("Scan to open the recording")
    return recording_table(
        [plain_paragraph(label, "label", styles.faces, styles.cell_head)], url, styles
    )


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


def screening_story(
    section: Section, guide: Guide, styles: Styles, settings: Settings
) -> list[Flowable]:
    colours = settings.theme.colours
    title = guide.labels("For the clinician: {title}", title=section.title)
    heading = plain_paragraph(title, str(section.source), styles.faces, styles.h3)
    items: list[Flowable] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            items.append(content_paragraph(block, styles.faces, styles.body))
        elif isinstance(block, BulletList):
            items += [bullet(item, styles, checkbox=True) for item in block.items]
    # Split between questions only, with the heading again on the next page (see boxed).
    box = boxed(items, colours.rule, "#FFFFFF", styles, title=heading)
    return [Spacer(1, styles.body.fontSize), mark_outline(box, section.title)]
