"""The bilingual booklet (`--lang bi`): English and Chinese side by side, composed of the
bilingual handout's rows (pdf/parallel.py: both languages start level).

Each step gets a page of its own: its name and "Step 3 of 13" in both languages, the figure
across the page, the two instructions side by side beneath it and one timing strip whose legend
is in both languages. Beside a figure, two instruction columns would be too narrow to read. The
log's labels are in both languages; its dates are English, as the locale's for one language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Spacer

from pmr_print.booklet.log_pages import to_left_hand_page, week_pages
from pmr_print.booklet.steps import heading_style, instruction
from pmr_print.booklet.story import (
    AFTER_LOG,
    AFTER_SEQUENCE,
    BEFORE_SEQUENCE,
    LOG,
    Frames,
    Part,
    tails_kept,
)
from pmr_print.cards import step_figure, timing_strip
from pmr_print.handout.bilingual import (
    bilingual_details,
    bilingual_recording,
    bilingual_section,
    title_paragraph,
)
from pmr_print.handout.bilingual_steps import bilingual_sequence
from pmr_print.handout.sides import Side, Sides
from pmr_print.labels import PairedLabels
from pmr_print.options import BookletDetails
from pmr_print.pdf.parallel import Parallel
from pmr_print.pdf.text import plain_paragraph
from pmr_print.plans.step import StepPlan, plan_steps

FIGURE_HEIGHT = 0.42  # of the text height, above the two instructions
FIGURE_HEIGHT_LARGE = 0.22


def bilingual_parts(sides: Sides, details: BookletDetails, frames: Frames) -> Iterator[Part]:
    for section_id in BEFORE_SEQUENCE:
        yield section_part(sides, section_id)
    sequence = bilingual_sequence(sides, details, with_instructions=False)
    steps = bilingual_steps(sides, details, frames.text)
    yield Part("sequence", section_title(sides, "sequence"), [*tails_kept(sequence), *steps])
    for section_id in AFTER_SEQUENCE:
        part = section_part(sides, section_id)
        if section_id == "practice-plan" and details.recording_url:
            part.flowables.append(bilingual_recording(sides, details.recording_url))
        yield part
    yield log_part(sides, details, frames)
    for section_id in AFTER_LOG:
        yield section_part(sides, section_id)


def section_title(sides: Sides, section_id: str) -> str:
    return sides.title(lambda guide: guide.section(section_id).title)


def section_part(sides: Sides, section_id: str) -> Part:
    flowables = bilingual_section(sides, section_id)
    return Part(section_id, section_title(sides, section_id), flowables)


def log_part(sides: Sides, details: BookletDetails, frames: Frames) -> Part:
    """The log of the English side, each label followed by its Chinese."""
    en = sides.en
    guide = replace(en.guide, labels=PairedLabels(en.guide.labels, sides.zh.guide.labels))
    log = week_pages(guide, en.settings, details, frames.page)
    title = sides.title(lambda guide: guide.labels("Practice log"))
    return Part(LOG, title, [*log, NextPageTemplate("body")], tuple(to_left_hand_page()))


def bilingual_steps(
    sides: Sides, details: BookletDetails, frame: tuple[float, float]
) -> list[Flowable]:
    """A page per step, from a new page on."""
    omitted = frozenset(details.omit)
    en, zh = (
        plan_steps(side.guide, side.settings, side.settings.protocol.without(omitted).steps)
        for side in sides.both
    )
    story: list[Flowable] = []
    for pair in zip(en, zh, strict=True):
        story += [PageBreak(), step_page(sides, pair, frame)]
    return story


def step_page(
    sides: Sides, plans: tuple[StepPlan, StepPlan], frame: tuple[float, float]
) -> Flowable:
    """One step's page: the same parts as a page of one language, each given both plans."""
    width, height = frame
    theme = sides.en.settings.theme
    share = FIGURE_HEIGHT_LARGE if theme.large_print else FIGURE_HEIGHT
    gap = sides.en.styles.body.fontSize
    pairs = list(zip(plans, sides.both, strict=True))
    head = Parallel([step_head(plan, side) for plan, side in pairs], sides.gap)
    figure = step_figure(plans[0].figure, width, height * share, theme, sides.en.styles)
    instructions = Parallel([instruction(plan, side.styles) for plan, side in pairs], sides.gap)
    strip = timing_strip(plans, width, theme)
    parts = [head, Spacer(1, gap * 0.5), figure, Spacer(1, gap * 0.5), instructions]
    return KeepTogether([*parts, Spacer(1, gap * 0.6), strip])


def step_head(plan: StepPlan, side: Side) -> list[Flowable]:
    faces = side.styles.faces
    return [
        plain_paragraph(plan.name, str(plan.source), faces, heading_style(side.styles)),
        plain_paragraph(plan.step_line, "label", faces, side.styles.small),
    ]


def bilingual_cover(sides: Sides, details: BookletDetails, frames: Frames) -> list[Flowable]:
    height = frames.text[1]
    story: list[Flowable] = [Spacer(1, height * 0.18)]
    story += [title_paragraph(side.guide.title, side, side.styles.title) for side in sides.both]
    story += [
        title_paragraph(side.guide.subtitle, side, side.styles.subtitle) for side in sides.both
    ]
    return [*story, Spacer(1, height * 0.18), bilingual_details(sides, details)]
