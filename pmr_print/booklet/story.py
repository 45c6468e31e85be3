"""What the booklet says, in reading order: cover, contents, what PMR is, the cautions before
anything is tried, how to do it, the illustrated sequence, what comes after, the log, the
evidence. The clinician's screening questions stay in the handout: the booklet is the client's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    Table,
)
from reportlab.platypus import Paragraph as RLParagraph

from pmr_print.booklet.back_cover import back_cover
from pmr_print.booklet.contents import Contents, Entry
from pmr_print.booklet.document import Anchor, Anchored
from pmr_print.booklet.log_pages import to_left_hand_page, week_pages
from pmr_print.booklet.steps import steps_story
from pmr_print.handout import (
    Voices,
    caution_spread,
    details_table,
    section_story,
    section_titles,
    title_paragraphs,
)
from pmr_print.model import Guide
from pmr_print.options import BookletDetails, Settings
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import plain_paragraph
from pmr_print.plans.handout import AFTER_SEQUENCE as HANDOUT_AFTER
from pmr_print.plans.handout import BEFORE_SEQUENCE
from pmr_print.theme import Theme

# The handout's reading order, with the log before the evidence.
AFTER_LOG = ("benefits", "references")
AFTER_SEQUENCE = tuple(part for part in HANDOUT_AFTER if part not in AFTER_LOG)
LOG = "log"


@dataclass(frozen=True)
class Part:
    """A section of the booklet: an entry in the contents and the outline."""

    key: str
    title: str
    flowables: list[Flowable]
    lead: tuple[Flowable, ...] = ()  # before the section's anchor: page breaks
    whole: bool = False  # kept on one page (when it fits on one)


@dataclass(frozen=True)
class Frames:
    text: tuple[float, float]  # width and height of a body page's text
    page: tuple[float, float]  # of the page


def booklet_story(
    guide: Guide, settings: Settings, details: BookletDetails, voices: Voices, frames: Frames
) -> list[Flowable]:
    """The booklet of one language: `voices` holds its handout plan and styles."""
    styles = voices[0].styles
    protocol = settings.protocol.without(frozenset(details.omit))
    steps = steps_story(guide, protocol, settings, styles, frames.text)
    log = week_pages(guide, settings, details, frames.page)
    lead = tuple(to_left_hand_page())
    log_part = Part(LOG, guide.labels("Practice log"), [*log, NextPageTemplate("body")], lead)
    parts = list(booklet_parts(voices, settings.theme, steps, log_part))
    front = cover(voices, settings.theme, frames)
    back = back_cover(voices, frames.text[1])
    return assemble(front, guide.labels("Contents"), parts, styles, settings, frames, back)


def assemble(
    front: list[Flowable],
    contents_title: str,
    parts: list[Part],
    styles: Styles,
    settings: Settings,
    frames: Frames,
    back: Sequence[Flowable] = (),
) -> list[Flowable]:
    """The cover, the contents, then the parts, each led by its anchor, then the back cover."""
    story = [*front, NextPageTemplate("front"), PageBreak()]
    heading = plain_paragraph(contents_title, "label", styles.faces, styles.h2)
    entries = [Entry(part.key, part.title) for part in parts]
    story += [heading, Contents(entries, styles, settings.theme.colours.rule)]
    story += [NextPageTemplate("body"), PageBreak()]
    for part, after in zip(parts, [*parts[1:], None], strict=True):
        flowables = part.flowables
        anchor = Anchor(part.key, part.title)
        section = [anchor, *flowables]
        if flowables and not fits_a_page(flowables[:1], frames.text):
            # Kept with a block taller than a page, the anchor would make ReportLab break the
            # page first and split the block after all, stranding the text before it (the
            # bilingual cautions' box runs over pages); the anchor rides on the block's first
            # piece, wherever that lands.
            section = [Anchored(anchor, flowables[0]), *flowables[1:]]
        if after is None or after.lead:  # a page break follows: no scrap of text before it
            section = keep_tail(section, frames.text[0], styles.body.leading * 3)
        story += [*part.lead, *([KeepTogether(section)] if part.whole else section)]
    return without_widows([*story, *back])


def booklet_parts(voices: Voices, theme: Theme, steps: list[Flowable], log: Part) -> Iterator[Part]:
    """The handout's parts from its plans (one language or two side by side), the sequence's
    table followed by `steps`, the `log` before the evidence."""
    for section_id in BEFORE_SEQUENCE:
        yield section_part(voices, section_id, theme)
    sequence = section_story(voices, "sequence", theme, with_instructions=False)
    title = section_titles(voices, "sequence")
    yield Part("sequence", title, [*tails_kept(sequence), *steps])
    for section_id in AFTER_SEQUENCE:
        yield section_part(voices, section_id, theme)
    yield log
    for section_id in AFTER_LOG:
        yield section_part(voices, section_id, theme)


def section_part(voices: Voices, section_id: str, theme: Theme) -> Part:
    # The cautions' box is kept whole, so that it is read as one. In two languages it starts on
    # a left-hand page (document.Anchored): in normal print the English box whole on that page
    # and its Chinese on the facing one (handout.caution_spread); in large print one box over
    # seven pages.
    whole = section_id == "drawbacks" and len(voices) == 1
    caution = voices[0].plan.part(section_id).kind == "caution"
    if caution and len(voices) > 1 and not theme.large_print:
        story = caution_spread(voices, section_id, theme)
    else:
        story = section_story(voices, section_id, theme)
    return Part(section_id, section_titles(voices, section_id), story, whole=whole)


def cover(voices: Voices, theme: Theme, frames: Frames) -> list[Flowable]:
    """The titles, then who the booklet is for; two languages' titles take more of the page."""
    height = frames.text[1]
    above, between = (0.22, 0.25) if len(voices) == 1 else (0.18, 0.18)
    story: list[Flowable] = [Spacer(1, height * above), *title_paragraphs(voices)]
    return [*story, Spacer(1, height * between), details_table(voices, theme)]


def fits_a_page(flowables: list[Flowable], frame: tuple[float, float]) -> bool:
    width, height = frame
    total: float = sum(flowable.wrap(width, 100_000)[1] for flowable in flowables)
    return total <= height


def tails_kept(flowables: list[Flowable]) -> list[Flowable]:
    """Tables that split over a page carry at least their last three rows over: on A5 the
    steps table would otherwise leave its total alone on a page."""
    for item in flowables:
        if isinstance(item, Table) and len(item._cellvalues) > 6:
            item.setStyle([("NOSPLIT", (0, -3), (-1, -1))])
    return flowables


def keep_tail(flowables: list[Flowable], width: float, least: float) -> list[Flowable]:
    """The flowables, the last few kept together: at least `least` high, so that the page they
    end on holds more than a line or two."""
    height = 0.0
    for start in range(len(flowables) - 1, -1, -1):
        height += flowables[start].wrap(width, 100_000)[1]
        if height >= least:
            break
    # The anchor and the heading go with what they lead: ReportLab's keepWithNext cannot join
    # a KeepTogether, and would strand them at the foot of a page.
    while start > 0 and flowables[start - 1].getKeepWithNext():
        start -= 1
    return [*flowables[:start], KeepTogether(flowables[start:])]


def without_widows(story: list[Flowable]) -> list[Flowable]:
    """No last line of a paragraph alone at the head of a page (ReportLab already keeps a first
    line from being left alone at the foot)."""
    for flowable in walk(story):
        if isinstance(flowable, RLParagraph):
            flowable.allowWidows = 0
    return story


def walk(flowables: list[Flowable]) -> Iterator[Flowable]:
    for flowable in flowables:
        yield flowable
        if isinstance(flowable, KeepTogether):
            yield from walk(list(flowable._content))
        elif isinstance(flowable, Table):
            for row in flowable._cellvalues:
                for cell in row:
                    yield from walk(cell if isinstance(cell, list) else [cell])
