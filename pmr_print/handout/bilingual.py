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
`bilingual_steps_table`, `bilingual_screening`, each taking a `Sides` (both languages' guides,
settings and styles; handout/sides.py), and the rows of handout/sides.py.
"""

from __future__ import annotations

import datetime as dt

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Spacer

from pmr_print.handout.bilingual_steps import bilingual_sequence, bilingual_steps_table
from pmr_print.handout.render import recording_table
from pmr_print.handout.sides import SEPARATOR, Side, Sides, block_rows, heading_row, make_sides
from pmr_print.i18n import long_date
from pmr_print.labels import PairedLabels
from pmr_print.model import Bilingual, Guide, Protocol
from pmr_print.options import HandoutDetails, Settings
from pmr_print.pdf.blocks import boxed, styled_table
from pmr_print.pdf.document import Metadata, PageFrame, build_document, mark_outline
from pmr_print.pdf.parallel import Parallel
from pmr_print.pdf.text import plain_paragraph
from pmr_print.plans.handout import AFTER_SEQUENCE, BEFORE_SEQUENCE


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


def bilingual_section(sides: Sides, section_id: str) -> list[Flowable]:
    """A section as rows: its heading, then each paragraph and list item beside its translation;
    the cautions ("drawbacks") in their box."""
    if section_id != "drawbacks":
        return [
            heading_row(sides, section_id, lambda styles: styles.h2),
            *block_rows(sides, section_id),
        ]
    colours = sides.en.settings.theme.colours
    title = heading_row(sides, section_id, lambda styles: styles.caution_title, outline=False)
    box = boxed(
        block_rows(sides, section_id), colours.caution, colours.caution_soft, sides.en.styles, title
    )
    mark_outline(box, sides.title(lambda guide: guide.section(section_id).title))
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
