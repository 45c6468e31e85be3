"""The bilingual booklet (`--lang bi`): English and Chinese side by side, the handout's parts
painted from both languages' plans (pdf/parallel.py: both languages start level).

Each step gets a page of its own: its name and "Step 3 of 13" in both languages, the figure
across the page, the two instructions side by side beneath it and one timing strip whose legend
is in both languages. Beside a figure, two instruction columns would be too narrow to read. In
large print, where the two instructions stack and a page cannot hold them with a figure and the
strip, each step takes a spread: its name, figure and strip on the left-hand page, the
instructions facing them. The log's labels are in both languages, each with its own dates.
"""

from __future__ import annotations

from collections.abc import Iterator

from reportlab.platypus import Flowable, KeepTogether, NextPageTemplate, PageBreak, Spacer
from reportlab.platypus.flowables import DocIf

from pmr_print.booklet.log_pages import bilingual_week_pages, to_left_hand_page
from pmr_print.booklet.steps import heading_style, instruction
from pmr_print.booklet.story import LOG, Frames, Part, booklet_parts
from pmr_print.cards import safety_line, step_figure, timing_strip
from pmr_print.handout import Voices
from pmr_print.languages import SEPARATOR
from pmr_print.model import Bilingual
from pmr_print.options import BookletDetails, Settings
from pmr_print.pdf.parallel import Parallel, least_width
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import plain_paragraph
from pmr_print.plans.step import StepPlan, plan_steps
from pmr_print.theme import Theme

FIGURE_HEIGHT = 0.42  # of the text height, above the two instructions
FIGURE_HEIGHT_LARGE = 0.22
FIGURE_LEAST = 0.12  # ... or less, down to this, to keep the strip on the step's page


def bilingual_parts(
    pair: Bilingual,
    settings: tuple[Settings, Settings],
    voices: Voices,
    details: BookletDetails,
    frames: Frames,
) -> Iterator[Part]:
    """The booklet's parts, each in both languages (the handout's from both plans)."""
    steps = bilingual_steps(pair, settings, voices, details, frames.text)
    log = log_part(pair, settings, details, frames)
    yield from booklet_parts(voices, settings[0].theme, steps, log)


def log_part(
    pair: Bilingual, settings: tuple[Settings, Settings], details: BookletDetails, frames: Frames
) -> Part:
    """The log in both languages: each line in English then Chinese, each with its own dates,
    weekdays and protocol name."""
    log = bilingual_week_pages(pair.guides, settings, details, frames.page)
    title = SEPARATOR.join(guide.labels("Practice log") for guide in pair.guides)
    return Part(LOG, title, [*log, NextPageTemplate("body")], tuple(to_left_hand_page()))


def bilingual_steps(
    pair: Bilingual,
    settings: tuple[Settings, Settings],
    voices: Voices,
    details: BookletDetails,
    frame: tuple[float, float],
) -> list[Flowable]:
    """A page per step, from a new page on."""
    omitted = frozenset(details.omit)
    en, zh = (
        plan_steps(guide, setting, setting.protocol.without(omitted).steps)
        for guide, setting in zip(pair.guides, settings, strict=True)
    )
    theme = settings[0].theme
    story: list[Flowable] = []
    if theme.large_print:
        story += to_left_hand_body_page()
        for plans in zip(en, zh, strict=True):
            story += [*step_spread(voices, theme, plans, frame), PageBreak()]
        return story[:-1]
    for plans in zip(en, zh, strict=True):
        story += [PageBreak(), step_page(voices, theme, plans, frame)]
    return story


def to_left_hand_body_page() -> list[Flowable]:
    """Page breaks to the next left-hand (even) page; a page skipped is ruled for notes."""
    return [
        DocIf("doc.page % 2 == 0", [NextPageTemplate("blank"), PageBreak()]),
        NextPageTemplate("body"),
        PageBreak(),
    ]


def step_spread(
    voices: Voices, theme: Theme, plans: tuple[StepPlan, StepPlan], frame: tuple[float, float]
) -> list[Flowable]:
    """One step over a spread (large print): on the left its name, the figure as large as the
    page leaves and the timing strip; facing them, the two instructions, one above the other."""
    width, height = frame
    lead = voices[0].styles
    gap = lead.body.fontSize
    pairs = list(zip(plans, voices, strict=True))
    least = least_width(lead.body.fontSize)
    head = Parallel(
        [step_head(plan, voice.styles) for plan, voice in pairs], gap * 1.5, least=least
    )
    strip = timing_strip(plans, width, theme)
    used = sum(part.wrap(width, height)[1] for part in (head, strip)) + gap * 3
    figure = step_figure(plans[0].figure, width, min(height * 0.6, height - used), theme, lead)
    columns = [
        [*instruction(plan, voice.styles), Spacer(1, gap * 0.3), safety_line([plan], theme)]
        for plan, voice in pairs
    ]
    left = [head, Spacer(1, gap), figure, Spacer(1, gap), strip]
    return [KeepTogether(left), PageBreak(), Parallel(columns, gap * 1.5, least=least)]


def step_page(
    voices: Voices, theme: Theme, plans: tuple[StepPlan, StepPlan], frame: tuple[float, float]
) -> Flowable:
    """One step's page: the same parts as a page of one language, each given both plans."""
    width, height = frame
    share = FIGURE_HEIGHT_LARGE if theme.large_print else FIGURE_HEIGHT
    lead = voices[0].styles
    gap = lead.body.fontSize
    between = gap * 1.5  # between the two columns
    pairs = list(zip(plans, voices, strict=True))
    least = least_width(lead.body.fontSize)  # narrower columns stack (large print)
    head = Parallel([step_head(plan, voice.styles) for plan, voice in pairs], between, least=least)
    columns = [
        [*instruction(plan, voice.styles), Spacer(1, gap * 0.3), safety_line([plan], theme)]
        for plan, voice in pairs
    ]
    instructions = Parallel(columns, between, least=least)
    strip = timing_strip(plans, width, theme)
    # The figure gives way (down to FIGURE_LEAST) so that the strip stays on the step's page.
    used = sum(part.wrap(width, height)[1] for part in (head, instructions, strip)) + gap * 2.6
    figure_height = max(height * FIGURE_LEAST, min(height * share, height - used))
    figure = step_figure(plans[0].figure, width, figure_height, theme, lead)
    parts = [head, Spacer(1, gap * 0.5), figure, Spacer(1, gap * 0.5), instructions]
    return KeepTogether([*parts, Spacer(1, gap * 0.6), strip])


def step_head(plan: StepPlan, styles: Styles) -> list[Flowable]:
    faces = styles.faces
    return [
        plain_paragraph(plan.name, str(plan.source), faces, heading_style(styles)),
        plain_paragraph(plan.step_line, "label", faces, styles.small),
    ]
