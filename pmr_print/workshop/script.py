"""The facilitator script: the session plan placed on paper, a row per stretch of the session.

The safety briefing, what to do when someone needs help, the preparation (with the 0 to 10
rating), then the timed exercise: per step its instruction, "Now… tense." at its mark with the
breathing cue, "And release." at its mark with the relax cue and the pause, the quiet time and
the count-out; then the reflection and practising at home. Every word comes from the session plan
(pmr_print/plans/session.py); with two languages, each row has them side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, Spacer

from pmr_print.model import Paragraph
from pmr_print.pdf.blocks import TableCommand, bullet, styled_table
from pmr_print.pdf.document import Metadata, PageFrame, build_document, mark_outline
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import content_paragraph, plain_paragraph
from pmr_print.plans.session import Line, Part, Phase, SessionPlan, plan_sessions
from pmr_print.theme import Theme
from pmr_print.workshop.voices import Voice, joined


@dataclass(frozen=True)
class Row:
    """A row of the script: a time mark (or none) and what to say, per language."""

    mark: str
    cells: tuple[list[Flowable], ...]
    pause: bool = False


@dataclass(frozen=True)
class Said:
    """One language's plan and the styles it is set in."""

    plan: SessionPlan
    styles: Styles


def render_script(voices: Sequence[Voice], author: str, note: str) -> bytes:
    """The script as PDF bytes; `note` (clinic, date) heads it, `author` goes in the metadata."""
    protocol = voices[0].settings.protocol
    plans = plan_sessions([(v.guide, v.settings) for v in voices])
    said = [Said(plan, voice.styles) for plan, voice in zip(plans, voices, strict=True)]
    first = voices[0]
    styles, theme = first.styles, first.settings.theme
    title = joined(voices, "Facilitator script")
    story: list[Flowable] = [plain_paragraph(title, "label", styles.faces, styles.title)]
    # a line a language: "4 min 15 s / 练习方案" would set English words on the Chinese side
    lines = (
        *(f"{p.protocol} · {p.protocol_length}" for p in plans),
        *(p.length for p in plans),
        note,
    )
    for line in lines:
        if line:
            story.append(plain_paragraph(line, "--clinic", styles.faces, styles.subtitle))
    briefing, preparation, *timed = zip(*(p.parts for p in plans), strict=True)
    helping, reflection = (tuple(p.help for p in plans), tuple(p.reflection for p in plans))
    for parts in (briefing, helping, preparation):
        story += part(said, theme, titled(parts), rows(said, parts))
    exercise = [row for parts in timed for row in rows(said, parts)]
    story += part(said, theme, " · ".join(p.protocol for p in plans), exercise, marks=True)
    story += part(said, theme, titled(reflection), rows(said, reflection))
    story += part(said, theme, joined(voices, "Practising at home"), home_rows(said))
    frame = PageFrame(theme, styles.faces, first.guide.labels, title)
    meta = Metadata.of(first.settings, title, author, protocol.name)
    return build_document(story, frame, meta)


def titled(parts: Sequence[Part]) -> str:
    return " · ".join(part.title for part in parts)


def part(
    said: Sequence[Said], theme: Theme, heading: str, rows: list[Row], marks: bool = False
) -> list[Flowable]:
    styles = said[0].styles
    title = mark_outline(plain_paragraph(heading, "label", styles.faces, styles.h2), heading)
    return [title, table(said, theme, rows, marks), Spacer(1, styles.body.fontSize)]


def table(said: Sequence[Said], theme: Theme, rows: list[Row], marks: bool) -> Flowable:
    styles = said[0].styles
    width = theme.page_size[0] - 2 * theme.margin
    mark_width = styles.body.fontSize * 4 if marks else 0.0
    columns = [mark_width] + [(width - mark_width) / len(said)] * len(said)
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


def rows(said: Sequence[Said], parts: Sequence[Part]) -> list[Row]:
    """A row per phase on the exercise's clock (at its mark), else a row per line."""
    found = []
    for phases in zip(*(p.phases for p in parts), strict=True):
        mark = next((line.mark for line in phases[0].lines if line.mark), "")
        if mark:
            cells = tuple(shown(s, p, f.lines) for s, p, f in zip(said, parts, phases, strict=True))
            found.append(Row(mark, cells, pause_in(phases[0])))
            continue
        for lines in zip(*(phase.lines for phase in phases), strict=True):
            cells = tuple(shown(s, p, (ln,)) for s, p, ln in zip(said, parts, lines, strict=True))
            found.append(Row("", cells))
    return found


def pause_in(phase: Phase) -> bool:
    return phase.kind in ("relax", "quiet")


def shown(said: Said, part: Part, lines: Sequence[Line]) -> list[Flowable]:
    """The lines of one language's cell: a step's name as its heading, its instruction as the
    content writes it, cues (and what to say to one person) bold in quotes, notes for the
    facilitator as small headings."""
    styles = said.styles
    flowables: list[Flowable] = []
    for line in lines:
        if line.kind == "name":
            flowables.append(plain_paragraph(part.title, "label", styles.faces, styles.h3))
        elif line.kind == "instruction" and part.step is not None:
            instruction = part.step.instruction
            flowables.append(content_paragraph(instruction, styles.faces, styles.body))
        elif line.kind == "cue" or (line.kind == "say" and part.id == "help"):
            flowables.append(
                plain_paragraph(f"“{line.text}”", "content", styles.faces, styles.body, bold=True)
            )
        elif line.kind == "note":
            flowables.append(plain_paragraph(line.text, "label", styles.faces, styles.h3))
        else:
            flowables.append(plain_paragraph(line.text, "label", styles.faces, styles.body))
    return flowables


def home_rows(said: Sequence[Said]) -> list[Row]:
    """The guide's practice plan, item by item side by side (or whole, if the languages differ
    in how many items it has)."""
    items: list[tuple[Paragraph, ...]] = [s.plan.home for s in said]
    styles = [s.styles for s in said]
    if len({len(found) for found in items}) == 1:
        return [
            Row("", tuple([bullet(item, style)] for item, style in zip(row, styles, strict=True)))
            for row in zip(*items, strict=True)
        ]
    return [
        Row("", tuple([bullet(item, style) for item in found] for found, style in
                      zip(items, styles, strict=True)))
    ]  # fmt: skip
