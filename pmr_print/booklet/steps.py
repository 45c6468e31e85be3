"""The illustrated sequence: each step with its figure (from the cards), its instruction (as the
handout gives it, with any note on a group left out) and its timing strip (from the cards).

Normal print puts the figure beside the text, two steps to a page; large print puts it above the
text, a step to a page, so that the instruction keeps the page's full width at 16 pt.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer

from pmr_print.cards.render import step_figure
from pmr_print.cards.strip import timing_strip
from pmr_print.handout.render import instruction_cell
from pmr_print.model import Guide, Protocol, Step
from pmr_print.options import Settings
from pmr_print.pdf.blocks import styled_table
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import plain_paragraph

FIGURE_WIDTH = 0.4  # of the text width, beside the text (normal print)
FIGURE_HEIGHT_LARGE = 0.48  # of the text height, above the text (large print) ...
FIGURE_LEAST = 0.22  # ... or less, down to this, to keep the step on its page
STEPS_PER_PAGE = 2  # normal print


def steps_story(
    guide: Guide, protocol: Protocol, settings: Settings, styles: Styles, frame: tuple[float, float]
) -> list[Flowable]:
    """A block per step, each kept on one page; `frame` is the text area's width and height."""
    story: list[Flowable] = []
    for number, step in enumerate(protocol.steps, start=1):
        story.append(step_block(guide, step, number, len(protocol.steps), settings, styles, frame))
    return story


def step_block(
    guide: Guide,
    step: Step,
    number: int,
    count: int,
    settings: Settings,
    styles: Styles,
    frame: tuple[float, float],
) -> Flowable:
    width, height = frame
    head = step_head(guide, step, number, count, settings, styles, width)
    gap = styles.body.fontSize
    if not settings.theme.large_print:
        # Two blocks and the space between them fill a page.
        block = (height - gap * 2.5 * STEPS_PER_PAGE) / STEPS_PER_PAGE
        figure_height = block - head.wrap(width, height)[1] - gap
        text_width = width - width * FIGURE_WIDTH - gap
        text = step_text(guide, step, settings, styles, text_width)
        if sum(part.wrap(text_width, height)[1] for part in text) <= figure_height:
            figure = step_figure(step, width * FIGURE_WIDTH, figure_height, settings.theme, styles)
            body = styled_table(
                [[figure, text]],
                styles,
                [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *no_padding()],
                colWidths=[width * FIGURE_WIDTH + gap, text_width],
            )
            return KeepTogether([head, Spacer(1, gap * 0.5), body, Spacer(1, gap * 2)])
    # Large print, or an instruction too long to sit beside its figure: the figure above the
    # text, smaller if that keeps the step on one page (its strip alone on the next would be a
    # scrap); a step too long even so runs on to the next page.
    text = step_text(guide, step, settings, styles, width)
    used = head.wrap(width, height)[1] + sum(part.wrap(width, height)[1] for part in text)
    room = height - used - gap * 3  # the spaces between the parts, and some to spare
    figure_height = max(height * FIGURE_LEAST, min(height * FIGURE_HEIGHT_LARGE, room))
    figure = step_figure(step, width, figure_height, settings.theme, styles)
    return KeepTogether([head, Spacer(1, gap * 0.5), figure, Spacer(1, gap * 0.5), *text])


def no_padding() -> list[tuple[object, ...]]:
    return [
        (side, (0, 0), (-1, -1), 0)
        for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
    ]


def step_head(
    guide: Guide,
    step: Step,
    number: int,
    count: int,
    settings: Settings,
    styles: Styles,
    width: float,
) -> Flowable:
    """The step's name, with "Step 3 of 13" on the right, over a rule."""
    faces, origin = styles.faces, str(step.source)
    name = plain_paragraph(step.name, origin, faces, heading_style(styles))
    where = guide.labels("Step {number} of {count}", number=number, count=count)
    right = ParagraphStyle("step_of", parent=styles.small, alignment=2)  # TA_RIGHT
    label = plain_paragraph(where, "label", faces, right)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor(settings.theme.colours.rule)),
        *no_padding(),
        ("BOTTOMPADDING", (0, 0), (-1, -1), styles.small.fontSize * 0.4),
    ]
    return styled_table([[name, label]], styles, commands, colWidths=[width * 0.62, width * 0.38])


def heading_style(styles: Styles) -> ParagraphStyle:
    return ParagraphStyle("step_name", parent=styles.h3, spaceBefore=0, spaceAfter=0)


def step_text(
    guide: Guide, step: Step, settings: Settings, styles: Styles, width: float
) -> list[Flowable]:
    instruction = instruction_cell(guide, step, styles, settings)
    parts = instruction if isinstance(instruction, list) else [instruction]
    gap = styles.body.fontSize * 0.6
    return [*parts, Spacer(1, gap), timing_strip([(guide, step)], width, settings.theme)]
