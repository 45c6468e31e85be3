"""What the booklet says, in reading order: cover, contents, what PMR is, the cautions before
anything is tried, how to do it, the illustrated sequence, what comes after, the log, the
evidence. The clinician's screening questions stay in the handout: the booklet is the client's.
"""

from __future__ import annotations

from collections.abc import Iterator
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

from pmr_print.booklet.contents import Contents, Entry
from pmr_print.booklet.document import Anchor
from pmr_print.booklet.log_pages import to_left_hand_page, week_pages
from pmr_print.booklet.steps import steps_story
from pmr_print.handout.render import details_table, omitted_note, part_story, sequence_story
from pmr_print.model import Guide
from pmr_print.options import BookletDetails, Settings
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import plain_paragraph
from pmr_print.plans.handout import HandoutPlan, plan_handout

BEFORE_SEQUENCE = ("about", "drawbacks", "preparation", "breathing")
AFTER_SEQUENCE = ("post-relaxation", "practice-plan", "considerations")
AFTER_LOG = ("benefits", "references")
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
    guide: Guide, settings: Settings, details: BookletDetails, styles: Styles, frames: Frames
) -> list[Flowable]:
    parts = list(booklet_parts(guide, settings, details, styles, frames))
    front = cover(guide, settings, details, styles, frames)
    return assemble(front, guide.labels("Contents"), parts, styles, settings, frames)


def assemble(
    front: list[Flowable],
    contents_title: str,
    parts: list[Part],
    styles: Styles,
    settings: Settings,
    frames: Frames,
) -> list[Flowable]:
    """The cover, the contents, then the parts, each led by its anchor."""
    story = [*front, NextPageTemplate("front"), PageBreak()]
    heading = plain_paragraph(contents_title, "label", styles.faces, styles.h2)
    entries = [Entry(part.key, part.title) for part in parts]
    story += [heading, Contents(entries, styles, settings.theme.colours.rule)]
    story += [NextPageTemplate("body"), PageBreak()]
    for part, after in zip(parts, [*parts[1:], None], strict=True):
        flowables = part.flowables
        anchor = Anchor(part.key, part.title)
        if flowables and not fits_a_page(flowables[:1], frames.text):
            # Kept with a block taller than a page, the anchor would make ReportLab break the
            # page first and split the block after all, stranding the text before it (the
            # bilingual large-print cautions' box runs over eight pages); it starts where the
            # block's first piece lands.
            anchor.keepWithNext = 0
        section = [anchor, *flowables]
        if after is None or after.lead:  # a page break follows: no scrap of text before it
            section = keep_tail(section, frames.text[0], styles.body.leading * 3)
        story += [*part.lead, *([KeepTogether(section)] if part.whole else section)]
    return without_widows(story)


def booklet_parts(
    guide: Guide, settings: Settings, details: BookletDetails, styles: Styles, frames: Frames
) -> Iterator[Part]:
    plan = plan_handout(guide, settings, details)
    for section_id in BEFORE_SEQUENCE:
        yield section_part(plan, section_id, styles, settings)
    protocol = settings.protocol.without(frozenset(details.omit))
    theme = settings.theme
    sequence = sequence_story(plan.sequence, styles, theme, with_instructions=False)
    if plan.sequence.omitted:
        sequence.append(omitted_note(plan.sequence.omitted, styles, theme))
    steps = steps_story(guide, protocol, settings, styles, frames.text)
    title = guide.section("sequence").title
    yield Part("sequence", title, [*tails_kept(sequence), *steps])
    for section_id in AFTER_SEQUENCE:
        yield section_part(plan, section_id, styles, settings)
    log = week_pages(guide, settings, details, frames.page)
    lead = tuple(to_left_hand_page())
    yield Part(LOG, guide.labels("Practice log"), [*log, NextPageTemplate("body")], lead)
    for section_id in AFTER_LOG:
        yield section_part(plan, section_id, styles, settings)


def section_part(plan: HandoutPlan, section_id: str, styles: Styles, settings: Settings) -> Part:
    part = plan.part(section_id)
    # The cautions' box is kept whole, so that it is read as one.
    whole = section_id == "drawbacks"
    return Part(part.id, part.title, part_story(part, styles, settings.theme), whole=whole)


def cover(
    guide: Guide, settings: Settings, details: BookletDetails, styles: Styles, frames: Frames
) -> list[Flowable]:
    height = frames.text[1]
    source = str(guide.source)
    title = plain_paragraph(guide.title, source, styles.faces, styles.title)
    subtitle = plain_paragraph(guide.subtitle, source, styles.faces, styles.subtitle)
    story: list[Flowable] = [Spacer(1, height * 0.22), title, subtitle]
    table = details_table(plan_handout(guide, settings, details).details, styles, settings.theme)
    story += [Spacer(1, height * 0.25), table]
    return story


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
