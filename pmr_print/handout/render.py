"""The therapist handout, painted from its plans: one language, or two side by side (`--lang bi`).

The same painter sets one plan or several (handout/voices.py): every block is a row of one
column per language, so the bilingual handout pairs the English and the Chinese plan block by
block, and the single-language handout is the same story with one column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, KeepTogether, Spacer

from pmr_print.handout.cautions import SMALLEST, STEP, NotesPage, Spread, WholeBox, in_twos
from pmr_print.handout.table import oversized_rows, steps_table
from pmr_print.handout.voices import (
    Voice,
    Voices,
    block_rows,
    heading,
    joined,
    row,
    section_heading,
    section_titles,
)
from pmr_print.labels import Labels, PairedLabels
from pmr_print.model import Bilingual, Guide, Paragraph, Protocol, Span
from pmr_print.options import HandoutDetails, Settings
from pmr_print.pdf.blocks import boxed, bullet, styled_table
from pmr_print.pdf.document import Metadata, PageFrame, build_document, mark_outline
from pmr_print.pdf.markup import Faces
from pmr_print.pdf.slots import NameParagraph
from pmr_print.pdf.styles import Styles, make_styles, tightened
from pmr_print.pdf.text import content_paragraph, plain_paragraph
from pmr_print.plans.handout import Detail, plan_handout, plan_sequence
from pmr_print.plans.passages import paired
from pmr_print.problems import Problem
from pmr_print.theme import Theme


def render_handout(guide: Guide, settings: Settings, details: HandoutDetails) -> bytes:
    return paint_handout([guide], [settings], details)


def render_bilingual_handout(
    pair: Bilingual, settings: tuple[Settings, Settings], details: HandoutDetails
) -> bytes:
    """English and Chinese side by side, block by block (see voices.py)."""
    return paint_handout(pair.guides, settings, details)


def paint_handout(
    guides: Sequence[Guide], settings: Sequence[Settings], details: HandoutDetails
) -> bytes:
    """The handout of each guide's plan, the languages side by side; the first one's theme."""
    voices = make_voices(guides, settings, details)
    theme = settings[0].theme
    client = voices[0].plan.client
    # Large print has no room in its footer for the title in two languages and the client's
    # name beside "Page 1 of 15 · 第1页，共15页": the first title, so that the name stays.
    titles = [voice.plan.title for voice in voices][: 1 if theme.large_print else None]
    note = joined(titles + ([client] if client else []))
    frame = PageFrame(theme, frame_faces(voices), page_labels(guides), note, client)
    return build_document(lambda: build_story(voices, theme), frame, metadata(voices))


def make_voices(
    guides: Sequence[Guide], settings: Sequence[Settings], details: HandoutDetails
) -> list[Voice]:
    return [
        Voice(plan_handout(guide, setting, details), make_styles(setting.theme, guide.lang))
        for guide, setting in zip(guides, settings, strict=True)
    ]


def page_labels(guides: Sequence[Guide]) -> Labels:
    """ "Page 1 of 2", or "Page 1 of 2 · 第1页，共2页" under two languages."""
    if len(guides) == 1:
        return guides[0].labels
    first, second = guides
    return PairedLabels(first.labels, second.labels)


def metadata(voices: Voices) -> Metadata:
    """Titles and subjects in every language. One /Lang for the file: the last language's (the
    Chinese of a bilingual handout; see the README): a Chinese voice reads the English too, an
    English voice cannot read the Chinese."""
    plans = [voice.plan for voice in voices]
    return Metadata(
        joined([plan.title for plan in plans]),
        plans[0].author or "pmr-print",
        joined([plan.sequence.protocol for plan in plans]),
        plans[-1].tag,
    )


def build_story(voices: Voices, theme: Theme) -> list[Flowable]:
    # The titles run the full width, one above the other: in a half-width column the English
    # title would break into three lines in large print.
    story: list[Flowable] = [*title_paragraphs(voices), details_table(voices, theme)]
    story.append(Spacer(1, voices[0].styles.body.fontSize))
    for part in voices[0].plan.parts:
        if part.kind == "caution" and theme.large_print and len(voices) > 1:
            story += caution_spread(voices, part.id, theme)
        else:
            story += section_story(voices, part.id, theme)
    return story


def section_story(
    voices: Voices, section_id: str, theme: Theme, with_instructions: bool = True
) -> list[Flowable]:
    """A part of the handout in every language (the sequence's table without the instructions,
    for a document that gives each step a figure of its own)."""
    if section_id == "sequence":
        return sequence_story(voices, theme, with_instructions)
    return part_story(voices, section_id, theme)


def title_paragraphs(voices: Voices) -> list[Flowable]:
    return [
        *(title_paragraph(voice, voice.plan.title, voice.styles.title) for voice in voices),
        *(title_paragraph(voice, voice.plan.subtitle, voice.styles.subtitle) for voice in voices),
    ]


def title_paragraph(voice: Voice, text: str, style: object) -> Flowable:
    return plain_paragraph(text, str(voice.plan.source), voice.styles.faces, style)


def part_story(voices: Voices, section_id: str, theme: Theme) -> list[Flowable]:
    """A section: its heading and text, the cautions and the clinician's checklist boxed; the
    recording after it, if it has one."""
    part = voices[0].plan.part(section_id)
    if part.kind == "caution":
        story = caution_story(voices, section_id, theme)
    elif part.kind == "clinician":
        story = checklist_story(voices, section_id, theme)
    elif part.kind == "references" and len(voices) > 1:
        story = references_story(voices, section_id)
    else:
        story = [section_heading(voices, section_id), *block_rows(voices, section_id)]
    if part.recording:
        story.append(recording(voices))
    return story


def caution_story(voices: Voices, section_id: str, theme: Theme) -> list[Flowable]:
    """The cautions' box, kept whole or set over a spread as cautions.py says: in normal print
    also set a step or three smaller, for where the body size would not fit."""
    steps = [0.0] if theme.large_print else [n * STEP for n in range(int(SMALLEST / STEP) + 1)]
    boxes = [caution_box(smaller(voices, theme, step), section_id, theme) for step in steps]
    # The outline entry goes on the box: the document only sees top-level flowables.
    return [
        mark_outline(WholeBox(boxes), section_titles(voices, section_id)),
        Spacer(1, voices[0].styles.body.fontSize * 0.6),
    ]


def caution_box(
    voices: Voices, section_id: str, theme: Theme, pad: tuple[float, float | None] = (0.8, None)
) -> Flowable:
    colours, lead = theme.colours, voices[0].styles
    title = heading(voices, section_id, lambda styles: styles.caution_title)
    rows = block_rows(voices, section_id)
    return boxed(rows, colours.caution, colours.caution_soft, lead, title, *pad)


# How close a large-print cautions box may set its lines to fit a page, loosest first:
# (leading, ems between paragraphs, ems of padding, ems on the right); the type stays its
# size. The last two take width from the right padding (a line fewer in English on Letter),
# keeping the text clear of the thick left edge.
CLOSER = (
    (1.35, 0.25, 0.6, None),
    (1.3, 0.2, 0.5, None),
    (1.25, 0.15, 0.5, None),
    (1.25, 0.1, 0.5, None),
    (1.25, 0.25, 0.45, 0.15),
    (1.25, 0.05, 0.45, 0.15),
)


def caution_spread(voices: Voices, section_id: str, theme: Theme) -> list[Flowable]:
    """The bilingual cautions over a spread: the English box on the left-hand page, its Chinese
    on the facing one, each whole in the loosest setting that fits (see cautions.py): in large
    print set closer (CLOSER), in normal print a step or three smaller (the bilingual A5
    booklet); both in one box over pages, as `caution_story` sets it, where one language cannot
    fit a page."""
    if theme.large_print:
        fallback = WholeBox([caution_box(voices, section_id, theme)])
        english, chinese = (
            [caution_box([voice], section_id, theme)]
            + [caution_box(closer([voice], *how[:2]), section_id, theme, how[2:]) for how in CLOSER]
            for voice in voices
        )
    else:
        steps = [n * STEP for n in range(int(SMALLEST / STEP) + 1)]
        fallback = WholeBox(
            [caution_box(smaller(voices, theme, step), section_id, theme) for step in steps]
        )
        english, chinese = (
            [caution_box(smaller([voice], theme, step), section_id, theme) for step in steps]
            for voice in voices
        )
    notes = " · ".join(voice.plan.notes for voice in voices)
    heading = title_paragraph(voices[0], notes, voices[0].styles.h2)
    ruled = NotesPage(heading, voices[0].styles.body.fontSize * 2.2, theme.colours.rule)
    spread = Spread(english, chinese, fallback, ruled)
    return [
        mark_outline(spread, section_titles(voices, section_id)),
        Spacer(1, voices[0].styles.body.fontSize * 0.6),
    ]


def closer(voices: Voices, leading: float, spacing: float) -> Voices:
    """The voices with their text set closer (pdf/styles.py `tightened`)."""
    return [Voice(voice.plan, tightened(voice.styles, leading, spacing)) for voice in voices]


def smaller(voices: Voices, theme: Theme, step: float) -> Voices:
    """The voices with their body text `step` points smaller (the same voices for 0)."""
    if not step:
        return voices
    scale = replace(theme.type, body=theme.type.body - step)
    return [
        Voice(voice.plan, make_styles(replace(theme, type=scale), voice.plan.lang))
        for voice in voices
    ]


def checklist_story(voices: Voices, section_id: str, theme: Theme) -> list[Flowable]:
    """The clinician's questions with a box to tick each, in a box of their own."""
    lead = voices[0].styles
    title = heading(voices, section_id, lambda styles: styles.h3, keep=False)
    rows = block_rows(voices, section_id, checkbox=True)
    # Whole on one page in normal print; large print splits between questions (never inside
    # one, two at least on each side), the heading again on the next page, rather than leave
    # half a page empty.
    if theme.large_print:
        box = boxed(in_twos(rows), theme.colours.rule, "#FFFFFF", lead, title)
    else:
        box = WholeBox([boxed(rows, theme.colours.rule, "#FFFFFF", lead, title=title)])
    return [Spacer(1, lead.body.fontSize), mark_outline(box, section_titles(voices, section_id))]


def references_story(voices: Voices, section_id: str) -> list[Flowable]:
    """The references once, across the page: each as published (in English), then the note of
    every other language ("Study of 128 students. （128名大学生的研究）")."""
    sections = [voice.plan.part(section_id).section for voice in voices]
    story = [section_heading(voices, section_id)]
    for items in paired(sections):
        found = [item[0] for item in items if item is not None]
        spans = [*found[0].spans]
        for other in found[1:]:
            spans += [Span(" "), *note(other)]
        paragraph = Paragraph(tuple(spans), found[0].source, found[0].id)
        story.append(bullet(paragraph, voices[0].styles))
    return story


def note(reference: Paragraph) -> tuple[Span, ...]:
    """What follows a reference's last link: its note in its language ("（系统综述）")."""
    links = [index for index, span in enumerate(reference.spans) if span.href]
    return reference.spans[links[-1] + 1 :] if links else ()


def frame_faces(voices: Voices) -> Faces:
    """The footer's faces: the first language's, with Chinese figures in its Chinese words
    ("第10页，共17页") where any language asks for them (bilingual large print)."""
    lead = voices[0].styles.faces
    return replace(lead, han_figures=any(voice.styles.faces.han_figures for voice in voices))


def details_table(voices: Voices, theme: Theme) -> Flowable:
    """Client, clinician, clinic and date: each label in every language; a value once, or in
    every language where it differs (the date)."""
    lead = voices[0].styles
    rows = zip(*(voice.plan.details for voice in voices), strict=True)
    cells = [
        [
            cell(
                voices,
                [
                    plain_paragraph(
                        detail.label, "label", voice.styles.faces, voice.styles.cell_head
                    )
                    for detail, voice in zip(details, voices, strict=True)
                ],
            ),
            cell(
                voices,
                [
                    value_paragraph(value, details[0].origin, styles)
                    for value, styles in values(details, voices).items()
                ],
            ),
        ]
        for details in rows
    ]
    commands = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(theme.colours.rule)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]
    width = lead.body.fontSize * 7
    return styled_table(cells, lead, commands, colWidths=[width, None], hAlign="LEFT")


def values(details: Sequence[Detail], voices: Voices) -> dict[str, Styles]:
    """Each distinct value of a row, set in the styles of the first language that gives it:
    a name once, the Chinese date in the Chinese faces (its own figures in large print)."""
    found: dict[str, Styles] = {}
    for detail, voice in zip(details, voices, strict=True):
        found.setdefault(detail.value, voice.styles)
    return found


def value_paragraph(value: str, origin: str, styles: Styles) -> Flowable:
    """A detail's value; the client's name in its slot (pdf/slots.py), for a batch to stamp."""
    if origin == "--client":
        return NameParagraph(value, origin, styles.faces, styles.cell)
    return plain_paragraph(value, origin, styles.faces, styles.cell)


def cell(voices: Voices, flowables: list[Flowable]) -> Flowable | list[Flowable]:
    """A table cell: its flowable under one language, the list of them under several."""
    return flowables[0] if len(voices) == 1 else flowables


def sequence_story(voices: Voices, theme: Theme, with_instructions: bool = True) -> list[Flowable]:
    """The sequence: its section, the protocol and its steps as a table with the total time
    (without the instructions, for a document that gives each step a figure of its own), and
    the groups left out for this client."""
    story = [section_heading(voices, "sequence"), *block_rows(voices, "sequence")]

    def protocol(voice: Voice) -> list[Flowable]:
        sequence, styles = voice.plan.sequence, voice.styles
        return [plain_paragraph(sequence.protocol, str(sequence.source), styles.faces, styles.h3)]

    def summary(voice: Voice) -> list[Flowable]:
        sequence, styles = voice.plan.sequence, voice.styles
        said = [sequence.summary]
        if sequence.shared is not None:  # said once, not in every row (the release-only cue)
            said.append(sequence.shared)
        return [content_paragraph(text, styles.faces, styles.body) for text in said]

    story += row(voices, protocol, keep=True)
    story += row(voices, summary)
    story.append(steps_table(voices, theme, with_instructions))
    if voices[0].plan.sequence.omitted:
        # a line's space off the table's Total rule
        story += [Spacer(1, voices[0].styles.body.fontSize), omitted_note(voices, theme)]
    return story


def omitted_note(voices: Voices, theme: Theme) -> Flowable:
    """The groups left out for this client, named in every language; the reason as typed."""

    def groups(voice: Voice) -> list[Flowable]:
        omitted, styles = voice.plan.sequence.omitted, voice.styles
        assert omitted is not None
        return [
            plain_paragraph(omitted.title, "label", styles.faces, styles.cell_head),
            plain_paragraph(omitted.groups, "--omit", styles.faces, styles.cell),
        ]

    def reason(voice: Voice) -> list[Flowable]:
        omitted, styles = voice.plan.sequence.omitted, voice.styles
        assert omitted is not None
        return [plain_paragraph(omitted.reason, "--omit-reason", styles.faces, styles.cell)]

    rows = row(voices, groups)
    first = voices[0].plan.sequence.omitted
    if first and first.reason:
        rows += row(voices, reason)
    colours = theme.colours
    # a few lines, kept whole: its label alone at a page foot would be a stranded title
    return WholeBox([boxed(rows, colours.accent, colours.accent_soft, voices[0].styles)])


def recording(voices: Voices) -> Flowable:
    """The recording's QR code, its label and the session's length in every language."""
    found = [voice.plan.part("practice-plan").recording for voice in voices]
    labels: list[Flowable] = []
    for item, voice in zip(found, voices, strict=True):
        if item:
            faces = voice.styles.faces
            labels.append(plain_paragraph(item.label, "label", faces, voice.styles.cell_head))
            labels.append(plain_paragraph(item.length, "label", faces, voice.styles.cell))
    assert found[0] is not None
    return recording_table(labels, found[0].url, voices[0].styles)


def oversized_steps(
    guide: Guide, protocol: Protocol, styles: Styles, settings: Settings
) -> list[Problem]:
    """A problem for each step of `protocol` whose instruction is taller than a page of the
    handout can hold (a table row cannot be split across pages)."""
    sequence = plan_sequence(guide, replace(settings, protocol=protocol), HandoutDetails())
    return oversized_rows(sequence, styles, settings.theme)


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
