"""The booklet from the model to bytes: its pages, then (for --impose) the print file."""

from __future__ import annotations

from collections.abc import Callable

from pmr_print.booklet.document import Running, booklet_settings, build_booklet, templates
from pmr_print.booklet.story import Frames, assemble, booklet_story, cover
from pmr_print.handout import make_voices, metadata
from pmr_print.languages import SEPARATOR
from pmr_print.model import Bilingual, Guide
from pmr_print.options import BookletDetails, Settings
from pmr_print.theme import PAPER_SIZES

Progress = Callable[[int, int], None]  # (pages placed on the print file's sheets, pages)


def render_booklet(
    guide: Guide,
    settings: Settings,
    details: BookletDetails,
    imposed: bool = False,
    progress: Progress | None = None,
) -> bytes:
    paper = settings.theme.paper
    settings = booklet_settings(settings)
    voices = make_voices([guide], [settings], details)
    running = Running(settings.theme, voices[0].styles.faces, guide.title, guide.labels("Notes"))
    story = booklet_story(guide, settings, details, voices, frames(running))
    pages = build_booklet(story, running, metadata(voices))
    return impose_if(pages, paper, imposed, progress)


def render_bilingual_booklet(
    pair: Bilingual,
    settings: tuple[Settings, Settings],
    details: BookletDetails,
    imposed: bool,
    progress: Progress | None = None,
) -> bytes:
    """English and Chinese side by side (see bilingual.py)."""
    from pmr_print.booklet.back_cover import back_cover
    from pmr_print.booklet.bilingual import bilingual_parts

    paper = settings[0].theme.paper
    both = (booklet_settings(settings[0]), booklet_settings(settings[1]))
    voices = make_voices(pair.guides, both, details)
    styles, theme = voices[0].styles, both[0].theme
    notes = SEPARATOR.join(guide.labels("Notes") for guide in pair.guides)
    running = Running(
        theme, styles.faces, SEPARATOR.join(guide.title for guide in pair.guides), notes
    )
    room = frames(running)
    parts = list(bilingual_parts(pair, both, voices, details, room))
    contents = SEPARATOR.join(guide.labels("Contents") for guide in pair.guides)
    front = cover(voices, theme, room)
    back = back_cover(voices, room.text[1])
    story = assemble(front, contents, parts, styles, both[0], room, back)
    pages = build_booklet(story, running, metadata(voices))
    return impose_if(pages, paper, imposed, progress)


def impose_if(pages: bytes, paper: str, imposed: bool, progress: Progress | None = None) -> bytes:
    if not imposed:
        return pages
    from pmr_print.booklet.impose import impose  # pypdf: loaded only for the print file

    return impose(pages, PAPER_SIZES[paper], progress)


def frames(running: Running) -> Frames:
    """The room a body page gives its text, and the page."""
    by_id = {template.id: template.frames[0] for template in templates(running)}
    text = by_id["body"]
    return Frames((text._aW, text._aH), running.theme.page_size)
