"""The facilitator script: what to say, step by step, with running time marks and the pauses.

A safety briefing first, then the protocol as a timeline (0:00, 0:05, 0:15 ...), then the
reflection and practising at home. With two languages, each row has them side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Spacer

from pmr_print.handout.timing import duration
from pmr_print.languages import language
from pmr_print.model import BulletList, Paragraph, Section
from pmr_print.pdf.blocks import TableCommand, bullet, styled_table
from pmr_print.pdf.document import Metadata, PageFrame, build_document, mark_outline
from pmr_print.pdf.text import content_paragraph, plain_paragraph
from pmr_print.plans.timeline import Moment, clock, moments
from pmr_print.workshop.voices import Voice, check_alike, joined

BRIEFING = (
    "Stop at pain: tense firmly, but never into pain. If something hurts or cramps, let go at "
    "once.",
    "Everyone decides for themselves: anyone may skip a muscle group, or stop at any time and "
    "just rest.",
    "Check with a doctor before joining in if you have muscle cramps, back or neck problems, a "
    "recent injury or operation, or a pain condition; until then, leave out the groups "
    "concerned.",
    "Keep breathing while you tense; never hold your breath. With high blood pressure or heart "
    "disease, tense only lightly.",
    "Keep your eyes open if you prefer. If you feel numb, spaced out or unreal, open your eyes, "
    "look around the room and press your feet into the floor.",
    "If you feel unwell or upset, open your eyes, breathe normally and raise your hand; I will "
    "come to you. You may also leave the room at any time.",
)
REFLECTION = ("How relaxed do you feel now?", "What did you notice in your body?")


@dataclass(frozen=True)
class Row:
    """A row of the script: a time mark (or none) and what to say, per language."""

    mark: str
    cells: tuple[list[Flowable], ...]
    pause: bool = False


def render_script(voices: Sequence[Voice], author: str, note: str) -> bytes:
    """The script as PDF bytes; `note` (clinic, date) heads it, `author` goes in the metadata."""
    protocol = check_alike(voices)
    first = voices[0]
    styles = first.styles
    title = joined(voices, "Facilitator script", " / ")
    story: list[Flowable] = [plain_paragraph(title, "label", styles.faces, styles.title)]
    plan = " / ".join(
        f"{v.say('Protocol: {name}', name=v.settings.protocol.name)} · "
        f"{duration(protocol.total_seconds, v.guide.labels)}"
        for v in voices
    )
    for line in (plan, note):
        if line:
            story.append(plain_paragraph(line, "--clinic", styles.faces, styles.subtitle))
    story += part(voices, "Safety briefing", briefing_rows(voices))
    story += part(voices, "Protocol: {name}", session_rows(voices), marks=True)
    story += part(voices, "Reflection", reflection_rows(voices))
    story += part(voices, "Practising at home", section_rows(voices, "practice-plan"))
    frame = PageFrame(first.settings.theme, styles.faces, first.guide.labels, title)
    locale = first.settings.locale
    lang = "-".join(filter(None, (locale.language, locale.territory)))
    return build_document(story, frame, Metadata(title, author, protocol.name, lang))


def part(
    voices: Sequence[Voice], heading: str, rows: list[Row], marks: bool = False
) -> list[Flowable]:
    styles = voices[0].styles
    if heading == "Protocol: {name}":
        text = " · ".join(v.say(heading, name=v.settings.protocol.name) for v in voices)
    else:
        text = joined(voices, heading)
    title = mark_outline(plain_paragraph(text, "label", styles.faces, styles.h2), text)
    return [title, table(voices, rows, marks), Spacer(1, styles.body.fontSize)]


def table(voices: Sequence[Voice], rows: list[Row], marks: bool) -> Flowable:
    first = voices[0]
    theme, styles = first.settings.theme, first.styles
    width = theme.page_size[0] - 2 * theme.margin
    mark_width = styles.body.fontSize * 4 if marks else 0.0
    columns = [mark_width] + [(width - mark_width) / len(voices)] * len(voices)
    cells: list[list[object]] = []
    for row in rows:
        mark = plain_paragraph(row.mark, "time", styles.faces, styles.h3) if row.mark else ""
        cells.append([mark, *row.cells])
    colours = theme.colours
    commands: list[TableCommand] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, HexColor(colours.rule)),
        ("LEFTPADDING", (0, 0), (0, -1), 0 if not marks else 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for index, row in enumerate(rows):
        if row.pause:
            commands.append(("BACKGROUND", (0, index), (-1, index), HexColor(colours.accent_soft)))
    return styled_table(cells, styles, commands, colWidths=columns, splitByRow=1)


def say(voice: Voice, text: str, style_name: str = "body", origin: str = "label") -> Flowable:
    styles = voice.styles
    return plain_paragraph(text, origin, styles.faces, getattr(styles, style_name))


def spoken(voice: Voice, text: str) -> Flowable:
    """A cue said aloud: body size, bold."""
    styles = voice.styles
    return plain_paragraph(text, "content", styles.faces, styles.body, bold=True)


def briefing_rows(voices: Sequence[Voice]) -> list[Row]:
    rows = [Row("", tuple([say(v, v.say("Say this before you begin."), "h3")] for v in voices))]
    for sentence in BRIEFING:
        rows.append(Row("", tuple([say(v, v.say(sentence))] for v in voices)))
    return rows


def session_rows(voices: Sequence[Voice]) -> list[Row]:
    protocol = voices[0].settings.protocol
    rows = []
    for moment in moments(protocol):
        if protocol.rounds > 1 and moment.kind in ("tense", "relax") and moment.number == 1:
            if moment.kind == "tense" or moment.step and moment.step.release_only:
                text = [
                    [say(v, v.say("Round {number} of {count}", number=moment.round,
                                  count=protocol.rounds), "h3")]
                    for v in voices
                ]  # fmt: skip
                rows.append(Row("", tuple(text)))
        rows.append(
            Row(clock(moment.at), tuple(moment_cells(v, moment) for v in voices), pause_at(moment))
        )
    return rows


def pause_at(moment: Moment) -> bool:
    return moment.kind in ("relax", "quiet")


def moment_cells(voice: Voice, moment: Moment) -> list[Flowable]:
    cues, styles = voice.guide.cues, voice.styles
    pause = voice.say("Pause {seconds} s", seconds=moment.seconds)
    if moment.kind == "end":
        return [say(voice, voice.say("End of the exercise"), "h3")]
    if moment.kind == "quiet":
        return [say(voice, voice.say("Quiet time: let the group rest in silence.")),
                say(voice, pause, "h3")]  # fmt: skip
    step = voice.settings.protocol.steps[moment.number - 1]
    heading = say(voice, f"{moment.number}. {step.name}", "h3", str(step.source))
    instruction = content_paragraph(step.instruction, styles.faces, styles.body)
    if moment.kind == "tense":
        return [heading, instruction, spoken(voice, f"“{cues.tense}”")]
    stop = language(voice.guide.lang).full_stop
    release = f"“{cues.relax} … {cues.relax_word}{stop}”"
    if step.release_only:
        return [heading, instruction, say(voice, pause, "h3")]
    return [spoken(voice, release), say(voice, pause, "h3")]


def reflection_rows(voices: Sequence[Voice]) -> list[Row]:
    rows = section_rows(voices, "post-relaxation")
    for question in REFLECTION:
        rows.append(Row("", tuple([say(v, v.say(question), "h3")] for v in voices)))
    return rows


def section_rows(voices: Sequence[Voice], section_id: str) -> list[Row]:
    """A guide section, item by item side by side (or whole, if the languages differ in
    how many items it has)."""
    sections = [v.guide.section(section_id) for v in voices]
    items = [section_items(section) for section in sections]
    styles = [v.styles for v in voices]
    if len({len(found) for found in items}) == 1:
        return [
            Row("", tuple([bullet(item, style)] for item, style in zip(row, styles, strict=True)))
            for row in zip(*items, strict=True)
        ]
    return [
        Row("", tuple([bullet(item, style) for item in found] for found, style in
                      zip(items, styles, strict=True)))
    ]  # fmt: skip


def section_items(section: Section) -> list[Paragraph]:
    found: list[Paragraph] = []
    for block in section.blocks:
        found += block.items if isinstance(block, BulletList) else [block]
    return found
