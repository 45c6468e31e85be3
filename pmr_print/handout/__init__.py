"""The therapist handout: what PMR is, the cautions, the sequence as a table, practice, evidence.

Painted from the handout's plan (plans/handout.py), in one language or several side by side:

    render.py   the handout's story and document: `render_handout`, `render_bilingual_handout`
    voices.py   each language's plan and styles, and how blocks are set side by side
    table.py    the steps table, in one language or several

The front door, for composers: the whole handout as bytes (the workshop's packets), or, for one
that sets the handout's parts on pages of its own (the booklet), the voices, then the titles and
details for a cover, each section's story by id and its title for contents and outline, and the
document's metadata.
"""

from pmr_print.handout.render import (
    caution_spread,
    details_table,
    make_voices,
    metadata,
    render_bilingual_handout,
    render_handout,
    section_story,
    title_paragraphs,
)
from pmr_print.handout.voices import Voice, Voices, section_titles

__all__ = [
    "Voice",
    "Voices",
    "caution_spread",
    "details_table",
    "make_voices",
    "metadata",
    "render_bilingual_handout",
    "render_handout",
    "section_story",
    "section_titles",
    "title_paragraphs",
]
