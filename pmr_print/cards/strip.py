"""The timing strip of a step card: tense then relax, drawn to scale, one tick a second.

The bar carries the "relax" cue word; a legend below it says what each part means. A release-only
step (no tensing) shows the relax part alone, with its own cue. A bilingual strip carries both
cue words and gives each part's legend in both languages, one after the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from pmr_print.pdf.styles import CardStyles, Styles, make_card_styles, make_styles
from pmr_print.pdf.text import draw_text, plain_paragraph, text_width
from pmr_print.plans.step import StepPlan
from pmr_print.theme import Colours, Theme
from pmr_print.typography.linebreak import KinsokuParagraph as RLParagraph

BAR_HEIGHT = 16.0  # on an A6 card
WORD_SHARE = 0.6  # the cue word's size, a share of the bar's height
SWATCH_GAP = 4.0


@dataclass(frozen=True)
class Strip:
    step: StepPlan  # the first language's: the bar's seconds
    width: float
    bar_height: float
    legend: tuple[tuple[Color, RLParagraph], ...]
    word: str
    colours: Colours
    styles: Styles

    @property
    def height(self) -> float:
        return self.bar_height * 1.35 + sum(p.height for _, p in self.legend)


def lay_out_strip(
    plans: Sequence[StepPlan],
    width: float,
    scale: float,
    card: CardStyles,
    styles: Styles,
    colours: Colours,
    word_least: float = 0.0,
) -> Strip:
    """The strip of a step in each language planned: each part's legend line in every language,
    one after the other, and every language's cue word on the bar, at least `word_least` points
    (large print's floor: the bar grows to carry it)."""
    texts: dict[str, list[str]] = {}  # each part's legend in every language, in order
    for plan in plans:
        for part in plan.strip:
            texts.setdefault(part.kind, []).append(part.legend)
    words = [plan.relax_word for plan in plans]
    bar = max(BAR_HEIGHT * scale, word_least / WORD_SHARE)
    swatch = card.legend.fontSize
    colour = {"tense": HexColor(colours.accent), "relax": HexColor(colours.accent_soft)}
    legend = []
    origin = str(plans[0].source)
    for kind, line in texts.items():
        paragraph = plain_paragraph(" · ".join(line), origin, styles.faces, card.legend)
        paragraph.wrap(width - swatch - SWATCH_GAP * (bar / BAR_HEIGHT), 10_000)
        legend.append((colour[kind], paragraph))
    return Strip(plans[0], width, bar, tuple(legend), " ".join(words), colours, styles)


def draw_strip(canvas: Canvas, strip: Strip, x: float, top: float) -> None:
    step, width, bar = strip.step, strip.width, strip.bar_height
    total = step.tense_seconds + step.relax_seconds
    tense_width = width * step.tense_seconds / total
    y = top - bar
    canvas.saveState()
    canvas.setLineWidth(0.6)
    canvas.setStrokeColor(HexColor(strip.colours.accent))
    canvas.setFillColor(HexColor(strip.colours.accent))
    if tense_width:
        canvas.rect(x, y, tense_width, bar, stroke=1, fill=1)
    canvas.setFillColor(HexColor(strip.colours.accent_soft))
    canvas.rect(x + tense_width, y, width - tense_width, bar, stroke=1, fill=1)
    word_width = draw_word(canvas, strip, x + tense_width, y, width - tense_width)
    middle = x + (width + tense_width) / 2
    skip = (middle - word_width / 2 - 2, middle + word_width / 2 + 2)
    draw_ticks(canvas, strip, x, y, width / total, skip)
    legend_top = y - bar * 0.35
    for colour, paragraph in strip.legend:
        draw_legend_row(canvas, strip, colour, paragraph, x, legend_top)
        legend_top -= paragraph.height
    canvas.restoreState()


def draw_ticks(
    canvas: Canvas, strip: Strip, x: float, y: float, second: float, skip: tuple[float, float]
) -> None:
    """A short tick at every second, white on the tense part, accent on the relax part (none
    across the cue word)."""
    step, bar = strip.step, strip.bar_height
    canvas.setLineWidth(0.5)
    for k in range(1, step.tense_seconds + step.relax_seconds):
        if k == step.tense_seconds:
            continue
        canvas.setStrokeColor(
            HexColor("#FFFFFF" if k < step.tense_seconds else strip.colours.accent)
        )
        tick_x = x + k * second
        if skip[0] < tick_x < skip[1]:
            continue
        canvas.line(tick_x, y, tick_x, y + bar * 0.22)
        canvas.line(tick_x, y + bar, tick_x, y + bar * 0.78)


def draw_word(canvas: Canvas, strip: Strip, x: float, y: float, width: float) -> float:
    """The "relax" cue word, centred in the relax part, as large as fits; returns its width."""
    faces, origin = strip.styles.faces, str(strip.step.source)
    size = strip.bar_height * WORD_SHARE
    natural = text_width(strip.word, size, faces, origin, bold=True)
    size *= min(1.0, (width - strip.bar_height * WORD_SHARE) / natural)
    canvas.setFillColor(HexColor(strip.colours.accent))
    baseline = y + (strip.bar_height - size * 0.72) / 2
    return draw_text(
        canvas, x + width / 2, baseline, strip.word, size, faces, origin, True, "middle"
    )


def draw_legend_row(
    canvas: Canvas, strip: Strip, colour: Color, paragraph: RLParagraph, x: float, top: float
) -> None:
    swatch = paragraph.style.fontSize * 0.8
    first_line = paragraph.style.leading
    canvas.setStrokeColor(HexColor(strip.colours.accent))
    canvas.setFillColor(colour)
    canvas.rect(x, top - (first_line + swatch) / 2, swatch, swatch, stroke=1, fill=1)
    indent = paragraph.style.fontSize + SWATCH_GAP * strip.bar_height / BAR_HEIGHT
    paragraph.drawOn(canvas, x + indent, top - paragraph.height)


class StripFlowable(Flowable):  # type: ignore[misc]
    """A timing strip in a flowing document, drawn exactly as on a card."""

    def __init__(self, strip: Strip) -> None:
        super().__init__()
        self.strip = strip
        self.width, self.height = strip.width, strip.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.strip.width, self.strip.height

    def draw(self) -> None:
        draw_strip(self.canv, self.strip, 0, self.strip.height)


def timing_strip(plans: Sequence[StepPlan], width: float, theme: Theme) -> Flowable:
    """A step's timing strip as a flowable `width` wide, its legend at the theme's body size, in
    each language planned (as lay_out_strip)."""
    lang = plans[0].lang
    card = make_card_styles(theme, lang, 1.0, theme.type.body)
    styles = make_styles(theme, lang)
    least = theme.type.small if theme.large_print else 0.0
    return StripFlowable(lay_out_strip(plans, width, 1.0, card, styles, theme.colours, least))
