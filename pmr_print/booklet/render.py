"""The booklet from the model to bytes: its pages, then (for --impose) the print file."""

from __future__ import annotations

from pmr_print.booklet.document import Running, booklet_settings, build_booklet, templates
from pmr_print.booklet.story import Frames, assemble, booklet_story
from pmr_print.handout.render import metadata
from pmr_print.model import Bilingual, Guide
from pmr_print.options import BookletDetails, Settings
from pmr_print.pdf.styles import make_styles
from pmr_print.plans.handout import plan_handout
from pmr_print.theme import PAPER_SIZES


def render_booklet(
    guide: Guide, settings: Settings, details: BookletDetails, imposed: bool = False
) -> bytes:
    paper = settings.theme.paper
    settings = booklet_settings(settings)
    styles = make_styles(settings.theme, guide.lang)
    running = Running(settings.theme, styles.faces, guide.title)
    story = booklet_story(guide, settings, details, styles, frames(running))
    pages = build_booklet(story, running, metadata(plan_handout(guide, settings, details)))
    return impose_if(pages, paper, imposed)


def render_bilingual_booklet(
    pair: Bilingual, settings: tuple[Settings, Settings], details: BookletDetails, imposed: bool
) -> bytes:
    """English and Chinese side by side (see bilingual.py)."""
    from pmr_print.booklet.bilingual import bilingual_cover, bilingual_parts
    from pmr_print.handout.bilingual import bilingual_metadata
    from pmr_print.handout.sides import make_sides

    paper = settings[0].theme.paper
    en, zh = (booklet_settings(side) for side in settings)
    sides = make_sides(pair, (en, zh))
    styles = sides.en.styles
    running = Running(en.theme, styles.faces, sides.title(lambda guide: guide.title))
    room = frames(running)
    parts = list(bilingual_parts(sides, details, room))
    front = bilingual_cover(sides, details, room)
    contents = sides.title(lambda guide: guide.labels("Contents"))
    story = assemble(front, contents, parts, styles, en, room)
    pages = build_booklet(story, running, bilingual_metadata(sides, details))
    return impose_if(pages, paper, imposed)


def impose_if(pages: bytes, paper: str, imposed: bool) -> bytes:
    if not imposed:
        return pages
    from pmr_print.booklet.impose import impose  # pypdf: loaded only for the print file

    return impose(pages, PAPER_SIZES[paper])


def frames(running: Running) -> Frames:
    """The room a body page gives its text, and the page."""
    by_id = {template.id: template.frames[0] for template in templates(running)}
    text = by_id["body"]
    return Frames((text._aW, text._aH), running.theme.page_size)
