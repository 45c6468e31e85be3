"""The booklet from the model to bytes: its pages, then (for --impose) the print file."""

from __future__ import annotations

from pmr_print.booklet.document import Running, booklet_settings, build_booklet, templates
from pmr_print.booklet.story import Frames, booklet_story
from pmr_print.handout.render import metadata
from pmr_print.model import Guide
from pmr_print.options import BookletDetails, Settings
from pmr_print.pdf.styles import make_styles
from pmr_print.theme import PAPER_SIZES


def render_booklet(
    guide: Guide, settings: Settings, details: BookletDetails, imposed: bool = False
) -> bytes:
    paper = settings.theme.paper
    settings = booklet_settings(settings)
    styles = make_styles(settings.theme, guide.lang)
    running = Running(settings.theme, styles.faces, guide.title)
    story = booklet_story(guide, settings, details, styles, frames(running))
    pages = build_booklet(story, running, metadata(guide, settings, details))
    if not imposed:
        return pages
    from pmr_print.booklet.impose import impose  # pypdf: loaded only for the print file

    return impose(pages, PAPER_SIZES[paper])


def frames(running: Running) -> Frames:
    """The room a body page gives its text, and the page."""
    by_id = {template.id: template.frames[0] for template in templates(running)}
    text = by_id["body"]
    return Frames((text._aW, text._aH), running.theme.page_size)
