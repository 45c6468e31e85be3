"""Step cards: one card per step of a protocol, 4-up with crop marks or one per page.

A card side is laid out top to bottom: the step (name, "Step 3 of 13", a "3 / 13" badge), the
figure, the instruction, the safety line ("Stop if it hurts."), the timing strip. The figure
takes the room the text leaves; when the text leaves too little, the instruction and legend
shrink, down to a floor, below which the build fails naming the step and its FILE:LINE. With
duplex printing the front has the figure and the back has the text.

A bilingual card (`--lang bi`) is one card in both languages around one figure: the name as
"Feet · 双脚", the step line as "Step 1 of 13 · 第1步，共13步", the English instruction above the
Chinese one, the safety line and the strip's legend in both.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from pmr_print.cards.sheet import Sheet, chunks, draw_crop_marks, make_sheet
from pmr_print.cards.strip import Strip, draw_strip, lay_out_strip
from pmr_print.illustrations import FigureColours, draw_figure
from pmr_print.languages import SEPARATOR
from pmr_print.model import Guide, Source
from pmr_print.options import Settings
from pmr_print.pdf.document import Metadata, new_canvas
from pmr_print.pdf.markup import Faces
from pmr_print.pdf.styles import CardStyles, Styles, make_card_styles, make_styles
from pmr_print.pdf.text import content_paragraph, draw_text, plain_paragraph, text_width
from pmr_print.plans.cards import CardsPlan, plan_cards
from pmr_print.plans.step import Figure, StepPlan, joined
from pmr_print.problems import PmrError, Problem
from pmr_print.theme import NORMAL_TYPE, Colours, Theme
from pmr_print.typography.linebreak import KinsokuParagraph

FIGURE_SHARE = 0.30  # the least share of the card's height the figure may get beside the text
FIGURE_SHARE_LARGE = 0.10  # large print keeps its text size and lets the figure shrink instead ...
# ... but never below the figure the same card has in normal print on an A6 card (4-up)
LARGE_GROWTH = 1.5  # large print's type grows at most this much on a card larger than A6
FLOOR = 0.8  # instruction text may shrink to this share of the body size (not in large print) ...
SHRINK_STEP = 0.25  # ... in steps of this many points (times the card's scale)
BACK_GROWTH = 1.4  # a back with text only sets it up to this much larger, where it fits
GAP = 6.0  # between the parts of a card, on an A6 card
TEXT_SHARES_ACROSS = (0.5, 0.6, 0.67, 0.75)  # a landscape card's text column, tried in turn

Draw = Callable[[Canvas], None]


class CardOverflowError(PmrError):
    def __init__(self, source: Source, detail: str) -> None:
        self.source, self.detail = source, detail
        super().__init__(f"{source}: {detail}")


@dataclass(frozen=True)
class CardSet:
    """The cards of one language printed: their plan, settings and styles."""

    plan: CardsPlan
    settings: Settings
    styles: Styles


@dataclass(frozen=True)
class Card:
    plans: tuple[StepPlan, ...]  # the step in each language printed (Context.languages)

    @property
    def plan(self) -> StepPlan:
        return self.plans[0]


@dataclass(frozen=True)
class Context:
    languages: tuple[CardSet, ...]  # one, or English and Chinese for a bilingual card
    sheet: Sheet

    @property
    def settings(self) -> Settings:
        return self.languages[0].settings

    @property
    def styles(self) -> Styles:
        return self.languages[0].styles

    @property
    def scale(self) -> float:
        """How much the type grows with the card: as the card in normal print; in large print,
        already set for reading at arm's length, at most LARGE_GROWTH (24 pt on a 1-up card),
        which leaves the figure room to grow too."""
        if self.settings.theme.large_print:
            return min(self.sheet.scale, LARGE_GROWTH)
        return self.sheet.scale

    def in_normal_print_on_a6(self) -> Context:
        """The same cards in normal print on the 4-up sheet (A6 on A4): the figure large print
        must not fall below."""
        languages = tuple(
            replace(language, settings=replace(language.settings, theme=normal(language)))
            for language in self.languages
        )
        return Context(languages, make_sheet(self.sheet.page_size, "4up"))

    def card_styles(self, text: float, language: CardSet | None = None) -> CardStyles:
        lang = (language or self.languages[0]).plan.lang
        return make_card_styles(self.settings.theme, lang, self.scale, text)

    def text_sizes(self, largest: float = 1.0) -> list[float]:
        """Instruction sizes to try, from `largest` times the body size down to the floor: in
        large print the larger of its body size and normal print's on this sheet (a 1-up card
        in large print may shrink from 32 pt to 21 pt, never below the normal 1-up card)."""
        body = self.settings.theme.type.body * self.scale
        floor = body * FLOOR
        if self.settings.theme.large_print:
            floor = max(self.settings.theme.type.body, NORMAL_TYPE.body * self.scale)
        sizes, size = [], body * largest
        while size >= floor - 1e-6:
            sizes.append(size)
            size -= SHRINK_STEP * self.scale
        return sizes


def normal(language: CardSet) -> Theme:
    return replace(language.settings.theme, type=NORMAL_TYPE, large_print=False)


def render_cards(
    guides: Sequence[Guide], settings: Sequence[Settings], layout: str, duplex: bool
) -> bytes:
    """Cards in one language, or given the English and Chinese guide and settings, bilingual."""
    languages = tuple(
        CardSet(plan_cards(guide, setting), setting, make_styles(setting.theme, guide.lang))
        for guide, setting in zip(guides, settings, strict=True)
    )
    sheet = make_sheet(languages[0].settings.theme.page_size, layout)
    context = Context(languages, sheet)
    plans = [language.plan.steps for language in languages]
    cards = [Card(steps) for steps in zip(*plans, strict=True)]
    sides = [card_sides(card, context, duplex) for card in cards]  # fails before any drawing
    return write_pdf(context, sides, duplex)


def overflowing_steps(guide: Guide, settings: Settings, layout: str = "4up") -> list[Problem]:
    """A problem for each card of the protocol whose text does not fit (what render_cards would
    stop at), found by laying the cards out without drawing them."""
    plan = plan_cards(guide, settings)
    language = CardSet(plan, settings, make_styles(settings.theme, guide.lang))
    context = Context((language,), make_sheet(settings.theme.page_size, layout))
    problems = []
    for step in plan.steps:
        try:
            card_sides(Card((step,)), context, duplex=False)
        except CardOverflowError as error:
            problems.append(Problem.at(error.source, error.detail))
    return problems


def card_sides(card: Card, context: Context, duplex: bool) -> tuple[Draw, Draw | None]:
    if not duplex:
        return lay_out(card, context, figure=True, text=True), None
    return (
        lay_out(card, context, figure=True, text=False),
        lay_out(card, context, figure=False, text=True),
    )


def write_pdf(context: Context, sides: list[tuple[Draw, Draw | None]], duplex: bool) -> bytes:
    sheet = context.sheet
    buffer = io.BytesIO()
    languages = context.languages
    plans = [language.plan for language in languages]
    headings = joined([plan.heading for plan in plans])
    meta = Metadata.of(
        languages[-1].settings,  # one /Lang: bilingual, the Chinese (see the README)
        f"{headings}{SEPARATOR}{joined([plan.title for plan in plans])}",
        "",
        joined([plan.protocol for plan in plans]),
    )
    canvas = new_canvas(buffer, sheet.page_size, meta, context.styles.base_font)
    mark_colour = HexColor(context.settings.theme.colours.muted)
    for page in chunks(len(sides), sheet.per_page):
        for back in (False, True) if duplex else (False,):
            draw_crop_marks(canvas, sheet, mark_colour)
            for slot, index in enumerate(page):
                draw = sides[index][1] if back else sides[index][0]
                assert draw is not None
                canvas.saveState()
                canvas.translate(*sheet.origin(slot, back))
                draw(canvas)
                canvas.restoreState()
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class TextParts:
    instructions: tuple[KinsokuParagraph, ...]  # wrapped, one per language
    safety: KinsokuParagraph  # wrapped; on every card, where the client reads while practising
    strip: Strip
    gap: float

    @property
    def height(self) -> float:
        text = sum(float(paragraph.height) for paragraph in self.instructions)
        text += self.gap * (len(self.instructions) - 0.5) + float(self.safety.height)
        return text + self.gap + self.strip.height

    def draw(self, canvas: Canvas, x: float, top: float) -> None:
        for paragraph in self.instructions:
            paragraph.drawOn(canvas, x, top - paragraph.height)
            top -= paragraph.height + self.gap
        top += self.gap / 2
        self.safety.drawOn(canvas, x, top - self.safety.height)


def text_parts(
    card: Card, context: Context, size: float, width: float, strip_width: float | None = None
) -> TextParts:
    styles = context.card_styles(size)
    instructions = []
    for plan, language in zip(card.plans, context.languages, strict=True):
        style = context.card_styles(size, language).instruction
        paragraph = content_paragraph(plan.instruction, language.styles.faces, style)
        paragraph.wrap(width, 100_000)
        instructions.append(paragraph)
    safety_line = joined([plan.safety for plan in card.plans])
    safety = plain_paragraph(safety_line, "label", context.styles.faces, styles.safety)
    safety.wrap(width, 100_000)
    strip = lay_out_strip(
        card.plans,
        strip_width or width,
        context.scale,
        styles,
        context.styles,
        context.settings.theme.colours,
        word_least(context.settings.theme) * context.scale,
    )
    return TextParts(tuple(instructions), safety, strip, GAP * context.scale * 1.5)


def word_least(theme: Theme) -> float:
    """The strip's cue word in large print is no smaller than its small text (on an A6 card;
    it grows with the card as the text does)."""
    return theme.type.small if theme.large_print else 0.0


def lay_out(card: Card, context: Context, figure: bool, text: bool) -> Draw:
    """Fit one side of a card; the result draws it with the card's lower left corner at 0, 0."""
    width, height = context.sheet.card_size
    if figure and text and width > height:
        for share in TEXT_SHARES_ACROSS:
            try:
                return lay_out_across(card, context, share)
            except CardOverflowError:
                continue  # a wider text column, or at last the figure above the text
    margin, gap = context.sheet.safe_margin, GAP * context.scale
    inner = width - 2 * margin
    head_height, draw_head = header(card, context, inner)
    figure_height, parts = stacked(card, context, figure, text)

    def draw(canvas: Canvas) -> None:
        top = height - margin
        draw_head(canvas, margin, top)
        top -= head_height + gap
        if figure:
            draw_illustration(
                canvas, card, context, margin, top - figure_height, inner, figure_height
            )
            top -= figure_height + gap
        if parts:
            parts.draw(canvas, margin, top)
            draw_strip(canvas, parts.strip, margin, margin + parts.strip.height)

    return draw


def stacked(
    card: Card, context: Context, figure: bool, text: bool
) -> tuple[float, TextParts | None]:
    """A side with the figure above the text: the figure's height and the text fitted under it."""
    width, height = context.sheet.card_size
    margin, gap = context.sheet.safe_margin, GAP * context.scale
    inner = width - 2 * margin
    room = height - 2 * margin - header(card, context, inner)[0] - gap
    share = FIGURE_SHARE_LARGE if context.settings.theme.large_print else FIGURE_SHARE
    least = (share if text else 1.0) * (height - 2 * margin) if figure else 0.0
    if figure and text and context.settings.theme.large_print:
        least = max(least, stacked(card, context.in_normal_print_on_a6(), True, True)[0])
    least = min(least, room)
    parts = None
    if text:
        room_for_text = room - least - (gap if figure else 0.0)
        parts = fit_text(card, context, inner, room_for_text, 1.0 if figure else BACK_GROWTH)
    return room - (parts.height + gap if parts else 0.0), parts


def lay_out_across(card: Card, context: Context, share: float) -> Draw:
    """A landscape card (2-up): the figure on the left, the text in the right column (`share` of
    the width; half is about an A6 card's text), so lines stay short and the figure large; the
    strip runs under both at the foot."""
    width, height = context.sheet.card_size
    margin, gap = context.sheet.safe_margin, GAP * context.scale
    inner = width - 2 * margin
    head_height, draw_head = header(card, context, inner)
    room = height - 2 * margin - head_height - gap
    column = (inner - 3 * gap) * share
    figure_width = inner - 3 * gap - column
    parts = fit_text(card, context, column, room, 1.0, strip_width=inner)
    above_strip = margin + parts.strip.height + gap

    def draw(canvas: Canvas) -> None:
        top = height - margin - head_height - gap
        draw_head(canvas, margin, height - margin)
        figure_height = top - above_strip
        draw_illustration(canvas, card, context, margin, above_strip, figure_width, figure_height)
        parts.draw(canvas, width - margin - column, top)
        draw_strip(canvas, parts.strip, margin, margin + parts.strip.height)

    return draw


def fit_text(
    card: Card,
    context: Context,
    width: float,
    room: float,
    largest: float,
    strip_width: float | None = None,
) -> TextParts:
    """The instruction and strip at the largest size that fits in `room`, or a clear error."""
    sizes = context.text_sizes(largest)
    for size in sizes:
        parts = text_parts(card, context, size, width, strip_width)
        if parts.height <= room:
            return parts
    step = card.plan
    raise CardOverflowError(
        step.source,
        f"step {step.number} ({step.name}, id {step.id}) does not fit on a card: "
        f"its instruction is too long even at {sizes[-1]:.1f} pt"
        + (
            " beside a figure as large as in normal print"
            if context.settings.theme.large_print
            else ""
        )
        + "; shorten it, or try "
        + (
            "--duplex, which gives the text a side of its own"
            if context.sheet.per_page == 2
            else "--layout 2up, whose cards are as tall and twice as wide"
        ),
    )


def header(card: Card, context: Context, width: float) -> tuple[float, Callable[..., None]]:
    """The step's name; under it "Step 3 of 13" and, on the right, a "3 / 13" badge."""
    styles, faces = context.card_styles(context.text_sizes()[0]), context.styles.faces
    colours, origin = context.settings.theme.colours, str(card.plan.source)
    badge = Badge(card.plan.badge, styles.name.fontSize * 0.7, origin)
    badge_width = badge.width(faces)
    name_text = joined([plan.name for plan in card.plans])
    name = plain_paragraph(name_text, origin, faces, styles.name)
    name.wrap(width, 10_000)
    step_text = joined([plan.step_line for plan in card.plans])
    step_line = plain_paragraph(step_text, "label", faces, styles.step)
    step_line.wrap(width - badge_width - GAP * context.scale, 10_000)
    row = max(step_line.height, badge.height)
    height = name.height + row + GAP * context.scale * 0.6

    def draw(canvas: Canvas, x: float, top: float) -> None:
        name.drawOn(canvas, x, top - name.height)
        middle = top - name.height - row / 2
        step_line.drawOn(canvas, x, middle - step_line.height / 2)
        badge.draw(canvas, x + width - badge_width, middle, faces, colours)
        canvas.setStrokeColor(HexColor(colours.rule))
        canvas.setLineWidth(0.5)
        canvas.line(x, top - height, x + width, top - height)

    return height, draw


@dataclass(frozen=True)
class Badge:
    """A short bold text in a pill, such as "3 / 13"."""

    text: str
    size: float
    origin: str

    @property
    def height(self) -> float:
        return self.size * 1.45

    def width(self, faces: Faces) -> float:
        return text_width(self.text, self.size, faces, self.origin, bold=True) + self.size

    def draw(self, canvas: Canvas, x: float, middle: float, faces: Faces, colours: Colours) -> None:
        width, height = self.width(faces), self.height
        canvas.setFillColor(HexColor(colours.accent_soft))
        canvas.roundRect(x, middle - height / 2, width, height, height / 2, 0, 1)
        canvas.setFillColor(HexColor(colours.accent))
        baseline = middle - self.size * 0.36
        draw_text(
            canvas,
            x + width / 2,
            baseline,
            self.text,
            self.size,
            faces,
            self.origin,
            True,
            "middle",
        )


def draw_illustration(
    canvas: Canvas, card: Card, context: Context, x: float, y: float, width: float, height: float
) -> None:
    figure = card.plan.figure
    drawing = step_figure(figure, width, height, context.settings.theme, context.styles)
    renderPDF.draw(drawing, canvas, x, y)


def step_figure(
    figure: Figure, width: float, height: float, theme: Theme, styles: Styles
) -> Drawing:
    """A step's figure, its groups lit, as a drawing (a flowable) of exactly width x height."""
    colours = FigureColours.grayscale() if theme.grayscale else FigureColours.colour()
    drawing = draw_figure(figure.covers, width, height, colours, tensed=figure.tensed)
    drawing.initialFontName = styles.base_font  # else renderPDF names Helvetica
    return drawing


def safety_line(plans: Sequence[StepPlan], theme: Theme) -> Flowable:
    """A step's safety line ("Stop if it hurts.") in each language planned, set as on a card at
    the theme's body size, for a flowing document (the booklet's step pages)."""
    lang = plans[0].lang
    card = make_card_styles(theme, lang, 1.0, theme.type.body)
    faces = make_styles(theme, lang).faces
    return plain_paragraph(joined([plan.safety for plan in plans]), "label", faces, card.safety)
