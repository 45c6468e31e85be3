"""Projector slides, 16:9 (960 x 540 pt, PowerPoint's size), readable from the back of a room.

An opening slide (what we will do, safety), a slide per step (the large figure, the group's
name, the instruction's first sentence, its time on the script's clock and the cards' timing
strip with the breathing cue) and a closing slide (reflection, practising at home). A step's
words come from its step plan, its time and the session's length from the session plan, as the
facilitator script's do. With two languages every slide carries both, the second in a quieter
colour, and the strip's legend a line per language. No text is below BODY points; a step whose
text does not fit shrinks to that floor, and beyond it the build stops naming the step, instead
of clipping.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reportlab.graphics import renderPDF
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from pmr_print.cards import step_figure
from pmr_print.cards.strip import SWATCH_GAP, Strip, draw_strip, lay_out_strip
from pmr_print.languages import language
from pmr_print.pdf.document import Metadata, new_canvas
from pmr_print.pdf.styles import make_slide_styles
from pmr_print.pdf.text import draw_text, plain_paragraph
from pmr_print.plans.session import Part, SessionPlan, plan_sessions
from pmr_print.plans.step import StepPlan
from pmr_print.plans.step import joined as joined_steps
from pmr_print.problems import PmrError
from pmr_print.workshop.voices import Voice, joined

PAGE = (960.0, 540.0)
MARGIN = 30.0
BAND = 10.0  # the accent band along the top
BODY = 28.0  # the floor: body text on a slide is never smaller
NAME = 48.0
STRIP_SCALE = 3.0  # the cards' strip at three times its A6 size: a 48 pt bar, a 28.8 pt cue
GAP = 12.0
FIGURE_WIDTHS = (380.0, 290.0)  # one language; two (whose text needs the room)
BADGE_ROW = BODY * 1.5  # the badge and the running time, above the step's name
ROOM = PAGE[1] - 2 * MARGIN - BAND  # the height below the band and inside the margins

OPENING = (
    "Stop at pain",
    "Skip any group, or stop, whenever you like",
    "Feeling unwell? Open your eyes and raise a hand",
)
CLOSING = (
    ("Reflection", ("How relaxed do you feel now?", "What did you notice in your body?")),
    (
        "Practising at home",
        ("Practise every day, even briefly", "Note your tension before and after in your log"),
    ),
)

Draw = Callable[[Canvas], None]
Items = list[tuple[Flowable, float]]  # paragraphs, each with the gap above it


class SlideOverflowError(PmrError):
    pass


@dataclass(frozen=True)
class Size:
    body: float = BODY
    name: float = NAME


@dataclass(frozen=True)
class Column:
    """Paragraphs stacked from the top of a box."""

    items: tuple[tuple[Flowable, float], ...]
    width: float

    @property
    def height(self) -> float:
        return sum(gap + float(par.wrap(self.width, 10_000)[1]) for par, gap in self.items)

    def draw(self, canvas: Canvas, x: float, top: float) -> float:
        for paragraph, gap in self.items:
            _, height = paragraph.wrap(self.width, 10_000)
            top -= gap + height
            paragraph.drawOn(canvas, x, top)
        return top


def render_slides(voices: Sequence[Voice]) -> bytes:
    first = voices[0]
    protocol = first.settings.protocol
    plans = plan_sessions([(v.guide, v.settings) for v in voices])
    slides = opening(
        voices, plans
    )  # every slide is laid out before any is drawn: misfits fail early
    slides += [step_slide(voices, parts) for parts in zip(*(p.steps for p in plans), strict=True)]
    slides += closing(voices)
    buffer = io.BytesIO()
    meta = Metadata.of(
        first.settings,
        f"{joined(voices, 'Projector slides', ' / ')} · {first.guide.title}",
        "",
        first.say("Protocol: {name}", name=protocol.name),
    )
    canvas = new_canvas(buffer, PAGE, meta, first.styles.base_font)
    for draw in slides:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def paragraph(voice: Voice, value: str, style: str, size: Size = Size()) -> Flowable:  # noqa: B008
    styles = make_slide_styles(voice.settings.theme, voice.guide.lang, size.body, size.name)
    return plain_paragraph(value, "label", voice.styles.faces, getattr(styles, style))


def parallel(
    voices: Sequence[Voice],
    say: Callable[[Voice], str],
    gap: float,
    style: str = "body",
    size: Size = Size(),  # noqa: B008
) -> Items:
    """The same line in every language; the second quieter (muted body text) and close below."""
    items: Items = []
    for number, voice in enumerate(voices):
        quiet = number > 0 and style == "body"
        items.append((paragraph(voice, say(voice), "muted" if quiet else style, size),
                      gap if number == 0 else size.body * 0.1))  # fmt: skip
    return items


def background(canvas: Canvas, voice: Voice) -> None:
    canvas.setFillColor(HexColor(voice.settings.theme.colours.accent))
    canvas.rect(0, PAGE[1] - BAND, PAGE[0], BAND, stroke=0, fill=1)


def protocol_line(voice: Voice) -> str:
    return voice.say("Protocol: {name}", name=voice.settings.protocol.name)


def bullet(msgid: str) -> Callable[[Voice], str]:
    return lambda voice: "• " + voice.say(msgid)


def opening(voices: Sequence[Voice], plans: Sequence[SessionPlan]) -> list[Draw]:
    said = {plan.lang: plan for plan in plans}

    def what(voice: Voice) -> str:
        plan = said[voice.guide.lang]
        words = voice.say("{count} steps, about {duration}", count=len(plan.steps),
                          duration=plan.duration)  # fmt: skip
        return language(voice.guide.lang).labelled(voice.say("What we will do"), words)

    welcome = parallel(voices, lambda v: v.guide.title, 0.0, "title")
    welcome += parallel(voices, protocol_line, GAP)
    welcome += parallel(voices, what, GAP * 0.5)
    safety = [(paragraph(voices[0], joined(voices, "Safety"), "heading"), 0.0)]
    for sentence in OPENING:
        safety += parallel(voices, bullet(sentence), GAP * 0.5)
    return text_slides(voices, welcome, safety)


def closing(voices: Sequence[Voice]) -> list[Draw]:
    parts: list[Items] = []
    for heading, lines in CLOSING:
        parts.append([(paragraph(voices[0], joined(voices, heading), "heading"), 0.0)])
        for line in lines:
            parts[-1] += parallel(voices, bullet(line), GAP * 0.5)
    return text_slides(voices, *parts)


def text_slides(voices: Sequence[Voice], first: Items, second: Items) -> list[Draw]:
    """One slide with both parts, or (two languages take room) a slide each."""
    together = first + [(second[0][0], GAP * 2.5), *second[1:]]
    if column_of(together).height <= ROOM:
        return [text_slide(voices, together)]
    return [text_slide(voices, first), text_slide(voices, second)]


def column_of(items: Items) -> Column:
    return Column(tuple(items), PAGE[0] - 2 * MARGIN - 2 * GAP)


def text_slide(voices: Sequence[Voice], items: Items) -> Draw:
    column = column_of(items)
    if column.height > ROOM:
        raise SlideOverflowError(
            f"the opening or closing slide's text does not fit at {BODY:.0f} pt "
            f"({', '.join(v.guide.lang for v in voices)}); shorten the workshop labels"
        )

    def draw(canvas: Canvas) -> None:
        background(canvas, voices[0])
        column.draw(canvas, MARGIN + GAP, PAGE[1] - BAND - MARGIN - (ROOM - column.height) / 2)

    return draw


def first_sentence(text: str) -> str:
    """The instruction in a few words: up to its first full stop."""
    match = re.match(r".+?(?:[.!?](?=\s|$)|[。！？])", text)
    return match.group(0) if match else text


def first_clause(text: str) -> str:
    """Fewer words still: the first sentence up to its first comma or semicolon, and an ellipsis
    to show that the facilitator says the rest."""
    sentence = first_sentence(text)
    match = re.match(r".+?(?=[,;](?=\s)|[，；：])", sentence)
    return match.group(0) + "…" if match else sentence


SHORTENINGS = (first_sentence, first_clause)


@dataclass(frozen=True)
class StepText:
    head: Column
    words: Column
    strip: Strip

    @property
    def height(self) -> float:
        return BADGE_ROW + self.head.height + self.words.height + GAP + self.strip.height


def step_text(
    voices: Sequence[Voice],
    plans: Sequence[StepPlan],
    width: float,
    size: Size,
    shorten: Callable[[str], str] = first_sentence,
) -> StepText:
    said = {plan.lang: plan for plan in plans}
    name = joined_steps([plan.name for plan in plans])  # short: one line for both
    head = [(paragraph(voices[0], name, "name", size), 0.0)]
    words = parallel(voices, lambda v: shorten(said[v.guide.lang].instruction.text), GAP, size=size)
    strip = slide_strip(voices, plans, width, size)
    return StepText(Column(tuple(head), width), Column(tuple(words), width), strip)


def figure_width(voices: Sequence[Voice]) -> float:
    return FIGURE_WIDTHS[min(len(voices), 2) - 1]


def step_slide(voices: Sequence[Voice], parts: Sequence[Part]) -> Draw:
    """A step's slide from its part of the session in every language: the step's words and its
    mark on the session's clock."""
    plans = [part.step for part in parts if part.step is not None]
    width = PAGE[0] - 2 * MARGIN - figure_width(voices) - GAP * 2
    sizes = (Size(BODY * 1.15, NAME), Size(BODY, NAME), Size(BODY, NAME * 0.8))
    for shorten, size in ((shorten, size) for shorten in SHORTENINGS for size in sizes):
        found = step_text(voices, plans, width, size, shorten)
        if found.height <= ROOM:
            place = (plans[0].badge, parts[0].mark, figure_width(voices))
            return step_drawer(voices[0], plans[0], place, found)
    step = plans[-1]
    raise SlideOverflowError(
        f"{step.source}: step {step.number} ({step.name}, id {step.id}) does not fit on a slide "
        f"at {BODY:.0f} pt; shorten the first sentence of its instruction"
    )


def slide_strip(
    voices: Sequence[Voice], plans: Sequence[StepPlan], width: float, size: Size
) -> Strip:
    """The cards' timing strip: each part's legend (its label and cue) in every language, and
    the relax word of each on the bar."""
    voice = voices[0]
    styles = make_slide_styles(voice.settings.theme, voice.guide.lang, size.body, size.name)
    colours = voice.settings.theme.colours
    strip = lay_out_strip(plans, width, STRIP_SCALE, styles.strip, voice.styles, colours)
    if len(plans) == 1:
        return strip
    legend = []  # a line per language under each part's swatch: a slide is read from afar
    for (colour, _), first in zip(strip.legend, plans[0].strip, strict=True):
        for plan in plans:
            text = next(part.legend for part in plan.strip if part.kind == first.kind)
            line = plain_paragraph(text, str(plan.source), voice.styles.faces, styles.strip.legend)
            line.wrap(width - styles.strip.legend.fontSize - SWATCH_GAP * STRIP_SCALE, 10_000)
            legend.append((colour, line))
    words = joined_steps([plan.relax_word for plan in plans])
    return replace(strip, legend=tuple(legend), word=words)


def step_drawer(
    voice: Voice, step: StepPlan, place: tuple[str, str, float], text: StepText
) -> Draw:
    """Draws a step slide; `place` is the badge ("3 / 13"), the running time and the figure's
    width."""
    theme, faces = voice.settings.theme, voice.styles.faces
    badge, begins, figure = place
    x = MARGIN + figure + GAP * 2
    width = PAGE[0] - MARGIN - x

    def draw(canvas: Canvas) -> None:
        background(canvas, voice)
        draw_panel(canvas, voice, step, figure)
        top = PAGE[1] - BAND - MARGIN
        canvas.setFillColor(HexColor(theme.colours.muted))
        draw_text(canvas, x, top - BODY, badge, BODY, faces, "label", True)
        canvas.setFillColor(HexColor(theme.colours.accent))
        draw_text(canvas, x + width, top - BODY, begins, BODY, faces, "label", True, "end")
        top = text.head.draw(canvas, x, top - BADGE_ROW)
        text.words.draw(canvas, x, top)
        draw_strip(canvas, text.strip, x, MARGIN + text.strip.height)

    return draw


def draw_panel(canvas: Canvas, voice: Voice, step: StepPlan, width: float) -> None:
    """The step's figure, as large as the slide allows, on a soft panel."""
    theme = voice.settings.theme
    canvas.setFillColor(HexColor(theme.colours.accent_soft))
    canvas.roundRect(MARGIN, MARGIN, width, ROOM, 12, stroke=0, fill=1)
    pad = 12.0
    figure = step_figure(step.figure, width - 2 * pad, ROOM - 2 * pad, theme, voice.styles)
    renderPDF.draw(figure, canvas, MARGIN + pad, MARGIN + pad)
