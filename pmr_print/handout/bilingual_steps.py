"""The sequence section of the bilingual handout: the protocol and its steps table, in which
each language has one cell per step (name, instruction and timing in that language)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from pmr_print.handout.render import instruction_cell, table_commands
from pmr_print.handout.sides import Side, Sides, block_rows, heading_row
from pmr_print.languages import language
from pmr_print.model import Protocol, Step
from pmr_print.options import HandoutDetails
from pmr_print.pdf.blocks import boxed, styled_table
from pmr_print.pdf.parallel import Parallel
from pmr_print.pdf.text import content_paragraph, plain_paragraph
from pmr_print.plans.handout import group_names, shared_instruction, total_text


def bilingual_sequence(
    sides: Sides, details: HandoutDetails, with_instructions: bool = True
) -> list[Flowable]:
    """The sequence section: heading and introduction, the protocol's name and summary, and the
    steps table (without the instructions, for a document that gives each step a page of its
    own); a note on the groups left out for this client."""
    story = [
        heading_row(sides, "sequence", lambda styles: styles.h2),
        *block_rows(sides, "sequence"),
    ]
    omitted = frozenset(details.omit)
    protocols = [side.settings.protocol.without(omitted) for side in sides.both]
    story.append(
        Parallel(
            [
                [
                    plain_paragraph(
                        side.guide.labels("Protocol: {name}", name=protocol.name),
                        str(protocol.source),
                        side.styles.faces,
                        side.styles.h3,
                    )
                ]
                for side, protocol in zip(sides.both, protocols, strict=True)
            ],
            sides.gap,
            keep_with_next=True,
        )
    )
    story.append(
        Parallel(
            [
                [content_paragraph(protocol.summary, side.styles.faces, side.styles.body)]
                + shared_paragraphs(protocol, side)
                for side, protocol in zip(sides.both, protocols, strict=True)
            ],
            sides.gap,
        )
    )
    story.append(bilingual_steps_table(sides, protocols[0], protocols[1], with_instructions))
    if details.omit:
        story.append(bilingual_omitted(sides, details))
    return story


def shared_paragraphs(protocol: Protocol, side: Side) -> list[Flowable]:
    shared = shared_instruction(protocol)
    if shared is None:
        return []
    return [content_paragraph(shared, side.styles.faces, side.styles.body)]


def bilingual_steps_table(
    sides: Sides, en: Protocol, zh: Protocol, with_instructions: bool = True
) -> Flowable:
    """A row per step: its number, then for each language its name, instruction and timing.
    The header row repeats on every page the table runs onto."""
    with_instructions = with_instructions and shared_instruction(en) is None
    faces = sides.en.styles.faces
    head_style = sides.en.styles.cell_head

    def head(side: Side) -> list[Flowable]:
        labels = side.guide.labels
        text = labels("Muscle group")
        if with_instructions:
            text += language(side.guide.lang).colon + labels("What to do")
        return [plain_paragraph(text, "label", side.styles.faces, side.styles.cell_head)]

    rows: list[list[object]] = [
        [plain_paragraph("#", "label", faces, head_style), head(sides.en), head(sides.zh)]
    ]
    for number, steps in enumerate(zip(en.steps, zh.steps, strict=True), start=1):
        cells = [
            step_cell(step, side, with_instructions)
            for step, side in zip(steps, sides.both, strict=True)
        ]
        rows.append([plain_paragraph(str(number), "table", faces, sides.en.styles.cell), *cells])
    rows.append(
        [
            "",
            *(
                plain_paragraph(
                    total_text(side.guide, protocol),
                    str(protocol.source),
                    side.styles.faces,
                    side.styles.cell_head,
                )
                for side, protocol in ((sides.en, en), (sides.zh, zh))
            ),
        ]
    )
    number_width = sides.en.styles.cell.fontSize * 2.4
    theme = sides.en.settings.theme
    half = (theme.page_size[0] - 2 * theme.margin - number_width) / 2
    commands = table_commands(sides.en.settings.theme, len(rows))
    commands = [command for command in commands if command[0] != "SPAN"]
    return styled_table(
        rows, sides.en.styles, commands, colWidths=[number_width, half, half], repeatRows=1
    )


def step_cell(step: Step, side: Side, with_instructions: bool) -> list[Flowable]:
    styles, labels = side.styles, side.guide.labels
    parts: list[Flowable] = [
        plain_paragraph(step.name, str(step.source), styles.faces, styles.cell_head)
    ]
    if with_instructions:
        instruction = instruction_cell(side.guide, step, styles, side.settings)
        parts += instruction if isinstance(instruction, list) else [instruction]
    timing = [labels("Relax {seconds} s", seconds=step.relax_seconds)]
    if not step.release_only:
        timing.insert(0, labels("Tense {seconds} s", seconds=step.tense_seconds))
    separator = language(side.guide.lang).comma
    parts.append(plain_paragraph(separator.join(timing), "label", styles.faces, styles.small))
    return parts


def bilingual_omitted(sides: Sides, details: HandoutDetails) -> Flowable:
    """The groups left out for this client, named in both languages; the reason as typed."""

    def side_note(side: Side) -> list[Flowable]:
        labels, faces, styles = side.guide.labels, side.styles.faces, side.styles
        names = group_names(side.guide, details.omit, side.settings)
        return [
            plain_paragraph(labels("Left out for this client"), "label", faces, styles.cell_head),
            plain_paragraph(names, "--omit", faces, styles.cell),
        ]

    rows: list[Flowable] = [sides.row(side_note)]
    if details.omit_reason:
        rows.append(
            sides.row(
                lambda side: [
                    plain_paragraph(
                        side.guide.labels("Reason: {reason}", reason=details.omit_reason),
                        "--omit-reason",
                        side.styles.faces,
                        side.styles.cell,
                    )
                ]
            )
        )
    colours = sides.en.settings.theme.colours
    return boxed(rows, colours.accent, colours.accent_soft, sides.en.styles)
