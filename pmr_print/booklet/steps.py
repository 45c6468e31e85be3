"""The illustrated sequence: each step with its figure (from the cards), its instruction (as the
handout gives it, with any note on a group left out) and its timing strip (from the cards).

Normal print puts the figure beside the text, two steps to a page; large print puts it above the
text, a step to a page, so that the instruction keeps the page's full width at 16 pt.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer

from pmr_print.cards import safety_line, step_figure, timing_strip
from pmr_print.model import Guide, Protocol
from pmr_print.options import Settings
from pmr_print.pdf.blocks import styled_table
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import content_paragraph, plain_paragraph
from pmr_print.plans.step import StepPlan, plan_steps

FIGURE_WIDTH = 0.4  # of the text width, beside the text (normal print)
FIGURE_HEIGHT_LARGE = 0.48  # of the text height, above the text (large print) ...
FIGURE_LEAST = 0.22  # ... or less, down to this, to keep the step on its page
STEPS_PER_PAGE = 2  # normal print


def steps_story(
    guide: Guide, protocol: Protocol, settings: Settings, styles: Styles, frame: tuple[float, float]
) -> list[Flowable]:
    """A block per step, each kept on one page; `frame` is the text area's width and height."""
    plans = plan_steps(guide, settings, protocol.steps)
    return [step_block(plan, settings, styles, frame) for plan in plans]


def step_block(
    plan: StepPlan, settings: Settings, styles: Styles, frame: tuple[float, float]
) -> Flowable:
    width, height = frame
    head = step_head(plan, settings, styles, width)
    gap = styles.body.fontSize
    if not settings.theme.large_print:
        # Two blocks and the space between them fill a page.
        block = (height - gap * 2.5 * STEPS_PER_PAGE) / STEPS_PER_PAGE
        figure_height = block - head.wrap(width, height)[1] - gap
        text_width = width - width * FIGURE_WIDTH - gap
        text = step_text(plan, settings, styles, text_width)
        if sum(part.wrap(text_width, height)[1] for part in text) <= figure_height:
            figure = step_figure(
                plan.figure, width * FIGURE_WIDTH, figure_height, settings.theme, styles
            )
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
    text = step_text(plan, settings, styles, width)
    used = head.wrap(width, height)[1] + sum(part.wrap(width, height)[1] for part in text)
    room = height - used - gap * 3  # the spaces between the parts, and some to spare
    figure_height = max(height * FIGURE_LEAST, min(height * FIGURE_HEIGHT_LARGE, room))
    figure = step_figure(plan.figure, width, figure_height, settings.theme, styles)
    return KeepTogether([head, Spacer(1, gap * 0.5), figure, Spacer(1, gap * 0.5), *text])


def no_padding() -> list[tuple[object, ...]]:
    return [
        (side, (0, 0), (-1, -1), 0)
        for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
    ]


def step_head(plan: StepPlan, settings: Settings, styles: Styles, width: float) -> Flowable:
    """The step's name, with "Step 3 of 13" on the right, over a rule."""
    faces = styles.faces
    name = plain_paragraph(plan.name, str(plan.source), faces, heading_style(styles))
    right = ParagraphStyle("step_of", parent=styles.small, alignment=2)  # TA_RIGHT
    label = plain_paragraph(plan.step_line, "label", faces, right)
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, HexColor(settings.theme.colours.rule)),
        *no_padding(),
        ("BOTTOMPADDING", (0, 0), (-1, -1), styles.small.fontSize * 0.4),
    ]
    return styled_table([[name, label]], styles, commands, colWidths=[width * 0.62, width * 0.38])


def heading_style(styles: Styles) -> ParagraphStyle:
    return ParagraphStyle("step_name", parent=styles.h3, spaceBefore=0, spaceAfter=0)


def instruction(plan: StepPlan, styles: Styles) -> list[Flowable]:
    """The step's instruction as the handout's table gives it, with any note on a group left out
    (a combined step's wording still names every group it covers)."""
    parts = [content_paragraph(plan.instruction, styles.faces, styles.cell)]
    if plan.left_out:
        parts.append(plain_paragraph(plan.left_out, "--omit", styles.faces, styles.cell_head))
    return parts


def step_text(plan: StepPlan, settings: Settings, styles: Styles, width: float) -> list[Flowable]:
    """The instruction, the safety line and the timing strip, as on the step's card."""
    gap = styles.body.fontSize * 0.6
    safety = safety_line([plan], settings.theme)
    strip = timing_strip([plan], width, settings.theme)
    return [*instruction(plan, styles), Spacer(1, gap * 0.5), safety, Spacer(1, gap), strip]
