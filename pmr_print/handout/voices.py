"""The languages of one handout as the painter sets them, and how it sets them side by side.

A handout is painted from one plan per language (one for `--lang en`, two for `--lang bi`),
each with its own styles: a `Voice`. Every block of the handout (a heading, a paragraph, a list
item, a note) is one row of one column per voice: a single voice's column is its flowables as
they are; several are a `pdf.parallel.Parallel` row, whose columns start level.

Why columns and not facing pages: a reader points at a sentence and finds its translation beside
it, on the same page, printed single- or double-sided. Facing pages align only whole sections,
need double-sided printing to face each other, and, since Chinese sets about a third shorter than
English, leave every right-hand page part empty; in large print they would double the page
count. Where a column would be too narrow to read (under 15 ems of body text: large print on A4
or A5), the row stacks instead, each language above the next at full width.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from pmr_print.languages import SEPARATOR
from pmr_print.pdf.blocks import bullet
from pmr_print.pdf.document import mark_outline
from pmr_print.pdf.parallel import least_width, parallel
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import content_paragraph, plain_paragraph
from pmr_print.plans.handout import HandoutPlan
from pmr_print.plans.passages import Passage, paired


@dataclass(frozen=True)
class Voice:
    """One language of the handout: its plan, and the styles that set it."""

    plan: HandoutPlan
    styles: Styles


Voices = Sequence[Voice]


def gap(voices: Voices) -> float:
    """Between two columns: one and a half lines of the first language's body text."""
    return float(voices[0].styles.body.fontSize) * 1.5


def least(voices: Voices) -> float:
    """Columns narrower than this stack, English above its Chinese (large print on A5, say)."""
    return least_width(float(voices[0].styles.body.fontSize))


def row(
    voices: Voices, make: Callable[[Voice], list[Flowable]], keep: bool = False
) -> list[Flowable]:
    """What `make` gives for each voice, side by side (`keep`: kept with what follows)."""
    return parallel([make(voice) for voice in voices], gap(voices), keep, least(voices))


def one(flowables: list[Flowable]) -> Flowable:
    (only,) = flowables
    return only


def joined(texts: Sequence[str]) -> str:
    """ "What PMR is · 什么是渐进式肌肉放松": a line in every language, for the outline."""
    return SEPARATOR.join(texts)


def heading(
    voices: Voices, section_id: str, style: Callable[[Styles], ParagraphStyle], keep: bool = True
) -> Flowable:
    """A part's title in every language, as one flowable (`keep`: kept with what follows)."""

    def make(voice: Voice) -> list[Flowable]:
        part, styles = voice.plan.part(section_id), voice.styles
        return [plain_paragraph(part.title, str(part.section.source), styles.faces, style(styles))]

    return one(row(voices, make, keep))


def section_heading(voices: Voices, section_id: str) -> Flowable:
    """The h2 of a section, bookmarked in every language."""
    found = heading(voices, section_id, lambda styles: styles.h2)
    return mark_outline(found, section_titles(voices, section_id))


def section_titles(voices: Voices, section_id: str) -> str:
    return joined([voice.plan.part(section_id).section.title for voice in voices])


def block_rows(voices: Voices, section_id: str, checkbox: bool = False) -> list[Flowable]:
    """A row per paragraph and per list item, each beside its translation (paired by id)."""
    sections = [voice.plan.part(section_id).section for voice in voices]
    flowables: list[Flowable] = []
    for items in paired(sections):
        columns = [
            cell(item, voice.styles, checkbox) for item, voice in zip(items, voices, strict=True)
        ]
        flowables += parallel(columns, gap(voices), least=least(voices))
    return flowables


def cell(item: Passage | None, styles: Styles, checkbox: bool) -> list[Flowable]:
    if item is None:
        return []
    paragraph, listed = item
    if listed:
        return [bullet(paragraph, styles, checkbox=checkbox)]
    return [content_paragraph(paragraph, styles.faces, styles.body)]
