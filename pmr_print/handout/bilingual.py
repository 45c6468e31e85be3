"""The bilingual handout (`--lang bi`): English and Chinese side by side, block by block.

Why columns and not facing pages: every block (heading, paragraph, list item, table row) is one
row of two columns that start level (pdf/parallel.py), so a reader points at a sentence and finds
its translation beside it, on the same page, printed single- or double-sided. Facing pages align
only whole sections, need double-sided printing to face each other, and, since Chinese sets about
a third shorter than English, leave every right-hand page part empty; in large print they would
double the page count. The columns are narrow in large print (about 28 Latin characters at 16 pt
on A4), as in a newspaper, which large print tolerates better than a hunt across a spread. The
steps table gives each language one cell per step (name, instruction, then its timing in that
language) instead of separate seconds columns, which would leave the instructions no room.

The pieces are public for the booklet: `bilingual_section`, `bilingual_sequence`,
`bilingual_steps_table`, `bilingual_screening`, each taking the pair and a `Sides` (both
languages' settings and styles).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import zip_longest

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Spacer

from pmr_print.handout.render import (
    AFTER_SEQUENCE,
    BEFORE_SEQUENCE,
    group_names,
    instruction_cell,
    recording_table,
    shared_instruction,
    table_commands,
    total_text,
)
from pmr_print.i18n import long_date
from pmr_print.labels import PairedLabels
from pmr_print.model import Bilingual, BulletList, Guide, Paragraph, Protocol, Step
from pmr_print.options import HandoutDetails, Settings
from pmr_print.pdf.blocks import boxed, bullet, styled_table
from pmr_print.pdf.document import Metadata, PageFrame, build_document, mark_outline
from pmr_print.pdf.parallel import Parallel
from pmr_print.pdf.styles import Styles, make_styles
from pmr_print.pdf.text import content_paragraph, plain_paragraph

SEPARATOR = " · "  # between the English and the Chinese of one line: titles, bookmarks, footer


@dataclass(frozen=True)
class Side:
    guide: Guide
    settings: Settings
    styles: Styles


@dataclass(frozen=True)
class Sides:
    """Both languages of a bilingual edition, English first, each with its settings and styles."""

    en: Side
    zh: Side

    @property
    def both(self) -> tuple[Side, Side]:
        return (self.en, self.zh)

    @property
    def gap(self) -> float:
        return float(self.en.styles.body.fontSize) * 1.5

    def row(self, make: Callable[[Side], Sequence[Flowable]], keep: bool = False) -> Parallel:
        """One Parallel row: what `make` gives for each language, side by side."""
        return Parallel([list(make(side)) for side in self.both], self.gap, keep)

    def title(self, make: Callable[[Guide], str]) -> str:
        return make(self.en.guide) + SEPARATOR + make(self.zh.guide)


def make_sides(pair: Bilingual, settings: tuple[Settings, Settings]) -> Sides:
    en, zh = (
        Side(guide, setting, make_styles(setting.theme, guide.lang))
        for guide, setting in zip(pair.guides, settings, strict=True)
    )
    return Sides(en, zh)


def render_bilingual_handout(
    pair: Bilingual, settings: tuple[Settings, Settings], details: HandoutDetails
) -> bytes:
    sides = make_sides(pair, settings)
    note = sides.title(lambda guide: guide.title)
    note += f" · {details.client}" if details.client else ""
    en = sides.en
    labels = PairedLabels(pair.en.labels, pair.zh.labels)
    frame = PageFrame(en.settings.theme, en.styles.faces, labels, note)
    return build_document(
        lambda: build_bilingual_story(sides, details), frame, bilingual_metadata(sides, details)
    )


def bilingual_metadata(sides: Sides, details: HandoutDetails) -> Metadata:
    """One /Lang for the file: the Chinese side's (see the README): a Chinese voice reads the
    English too, an English voice cannot read the Chinese."""
    locale = sides.zh.settings.locale
    subject = sides.title(
        lambda guide: guide.labels("Protocol: {name}", name=protocol_of(guide, sides).name)
    )
    author = details.clinician or details.clinic or "pmr-print"
    tag = f"{locale.language}-{locale.territory}" if locale.territory else locale.language
    return Metadata(sides.title(lambda guide: guide.title), author, subject, tag)


def protocol_of(guide: Guide, sides: Sides) -> Protocol:
    return sides.en.settings.protocol if guide is sides.en.guide else sides.zh.settings.protocol


def build_bilingual_story(sides: Sides, details: HandoutDetails) -> list[Flowable]:
    # The titles run the full width, one above the other: in a half-width column the English
    # title would break into three lines in large print.
    story: list[Flowable] = [
        *(title_paragraph(side.guide.title, side, side.styles.title) for side in sides.both),
        *(title_paragraph(side.guide.subtitle, side, side.styles.subtitle) for side in sides.both),
        bilingual_details(sides, details),
        Spacer(1, sides.en.styles.body.fontSize),
    ]
    for section_id in BEFORE_SEQUENCE:
        story += bilingual_section(sides, section_id)
    story += bilingual_sequence(sides, details)
    for section_id in AFTER_SEQUENCE:
        story += bilingual_section(sides, section_id)
        if section_id == "practice-plan" and details.recording_url:
            story.append(bilingual_recording(sides, details.recording_url))
    story += bilingual_screening(sides)
    story += bilingual_section(sides, "references")
    return story


def title_paragraph(text: str, side: Side, style: object) -> Flowable:
    return plain_paragraph(text, str(side.guide.source), side.styles.faces, style)


def block_rows(sides: Sides, section_id: str, checkbox: bool = False) -> list[Flowable]:
    """A row per paragraph and per list item, the two languages paired in order."""
    rows: list[Flowable] = []
    blocks = [side.guide.section(section_id).blocks for side in sides.both]
    for en_block, zh_block in zip_longest(*blocks):
        pairs = zip_longest(items_of(en_block), items_of(zh_block))
        rows += [
            Parallel(
                [cell(item, side, checkbox) for item, side in zip(pair, sides.both, strict=True)],
                sides.gap,
            )
            for pair in pairs
        ]
    return rows


def items_of(block: Paragraph | BulletList | None) -> list[tuple[Paragraph, bool]]:
    """(paragraph, is a list item) for each paragraph of a block."""
    if block is None:
        return []
    if isinstance(block, BulletList):
        return [(item, True) for item in block.items]
    return [(block, False)]


def cell(item: tuple[Paragraph, bool] | None, side: Side, checkbox: bool) -> list[Flowable]:
    if item is None:
        return []
    paragraph, listed = item
    if listed:
        return [bullet(paragraph, side.styles, checkbox=checkbox)]
    return [content_paragraph(paragraph, side.styles.faces, side.styles.body)]


def heading_row(sides: Sides, section_id: str, style: Callable[[Styles], object]) -> Flowable:
    sections = [side.guide.section(section_id) for side in sides.both]
    row = Parallel(
        [
            [
                plain_paragraph(
                    section.title, str(section.source), side.styles.faces, style(side.styles)
                )
            ]
            for section, side in zip(sections, sides.both, strict=True)
        ],
        sides.gap,
        keep_with_next=True,
    )
    return mark_outline(row, SEPARATOR.join(section.title for section in sections))


def bilingual_section(sides: Sides, section_id: str) -> list[Flowable]:
    """A section as rows: its heading, then each paragraph and list item beside its translation;
    the cautions ("drawbacks") in their box."""
    if section_id != "drawbacks":
        return [
            heading_row(sides, section_id, lambda styles: styles.h2),
            *block_rows(sides, section_id),
        ]
    colours = sides.en.settings.theme.colours
    title = heading_row(sides, section_id, lambda styles: styles.caution_title)
    box = boxed(
        block_rows(sides, section_id), colours.caution, colours.caution_soft, sides.en.styles, title
    )
    box.outline_entry, title.outline_entry = title.outline_entry, None
    return [box, Spacer(1, sides.en.styles.body.fontSize * 0.6)]


def bilingual_details(sides: Sides, details: HandoutDetails) -> Flowable:
    """Client, clinician, clinic and date: labels and the date in both languages, names once."""
    en, zh = sides.both
    day = details.date or dt.date.today()
    rows = [
        ("Client", [details.client], "--client"),
        ("Clinician", [details.clinician], "--clinician"),
        ("Clinic", [details.clinic], "--clinic"),
        ("Date", [long_date(day, side.settings.locale) for side in sides.both], "--date"),
    ]
    cells = [
        [
            [
                plain_paragraph(s.guide.labels(label), "label", s.styles.faces, s.styles.cell_head)
                for s in (en, zh)
            ],
            [plain_paragraph(value, origin, en.styles.faces, en.styles.cell) for value in values],
        ]
        for label, values, origin in rows
        if values[0]
    ]
    commands = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(en.settings.theme.colours.rule)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]
    width = en.styles.body.fontSize * 7
    return styled_table(cells, en.styles, commands, colWidths=[width, None], hAlign="LEFT")


def bilingual_sequence(sides: Sides, details: HandoutDetails) -> list[Flowable]:
    """The sequence section: heading and introduction, the protocol's name and summary, and the
    steps table; a note on the groups left out for this client."""
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
    story.append(bilingual_steps_table(sides, protocols[0], protocols[1]))
    if details.omit:
        story.append(bilingual_omitted(sides, details))
    return story


def shared_paragraphs(protocol: Protocol, side: Side) -> list[Flowable]:
    shared = shared_instruction(protocol)
    if shared is None:
        return []
    return [content_paragraph(shared, side.styles.faces, side.styles.body)]


def bilingual_steps_table(sides: Sides, en: Protocol, zh: Protocol) -> Flowable:
    """A row per step: its number, then for each language its name, instruction and timing.
    The header row repeats on every page the table runs onto."""
    with_instructions = shared_instruction(en) is None
    faces = sides.en.styles.faces
    head_style = sides.en.styles.cell_head

    def head(side: Side) -> list[Flowable]:
        labels = side.guide.labels
        text = labels("Muscle group")
        if with_instructions:
            text += ("：" if side.guide.lang == "zh" else ": ") + labels("What to do")
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
            total_text(sides.en.guide, en, sides.en.styles),
            total_text(sides.zh.guide, zh, sides.zh.styles),
        ]
    )
    number_width = sides.en.styles.cell.fontSize * 2.4
    theme = sides.en.settings.theme
    half = (theme.page_size[0] - 2 * theme.margin - number_width) / 2
    commands = table_commands(sides.en.settings, len(rows))
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
    separator = "，" if side.guide.lang == "zh" else ", "
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


def bilingual_recording(sides: Sides, url: str) -> Flowable:
    labels = [
        plain_paragraph(
            side.guide.labels("Scan to open the recording"),
            "label",
            side.styles.faces,
            side.styles.cell_head,
        )
        for side in sides.both
    ]
    return recording_table(labels, url, sides.en.styles)


def bilingual_screening(sides: Sides) -> list[Flowable]:
    """The clinician's checklist, each question beside its translation, in its box."""
    sections = [side.guide.section("screening") for side in sides.both]
    title = Parallel(
        [
            [
                plain_paragraph(
                    side.guide.labels("For the clinician: {title}", title=section.title),
                    str(section.source),
                    side.styles.faces,
                    side.styles.h3,
                )
            ]
            for side, section in zip(sides.both, sections, strict=True)
        ],
        sides.gap,
    )
    colours = sides.en.settings.theme.colours
    rows = block_rows(sides, "screening", checkbox=True)
    box = boxed(rows, colours.rule, "#FFFFFF", sides.en.styles, title)
    outline = SEPARATOR.join(section.title for section in sections)
    return [Spacer(1, sides.en.styles.body.fontSize), mark_outline(box, outline)]


__all__ = [
    "Sides",
    "bilingual_section",
    "bilingual_sequence",
    "bilingual_screening",
    "bilingual_steps_table",
    "build_bilingual_story",
    "make_sides",
    "render_bilingual_handout",
]
