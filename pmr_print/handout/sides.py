"""The two sides of a bilingual handout, and the rows that set them side by side.

A `Sides` holds each language's guide, settings and styles (English first); `heading_row` and
`block_rows` make `pdf.parallel.Parallel` rows of a section's heading, paragraphs and list items,
each beside its translation. The booklet builds its bilingual pages from these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import zip_longest

from reportlab.platypus import Flowable

from pmr_print.model import Bilingual, BulletList, Guide, Paragraph
from pmr_print.options import Settings
from pmr_print.pdf.blocks import bullet
from pmr_print.pdf.document import mark_outline
from pmr_print.pdf.parallel import Parallel
from pmr_print.pdf.styles import Styles, make_styles
from pmr_print.pdf.text import content_paragraph, plain_paragraph

SEPARATOR = " · "  # between the English and the Chinese of one line: titles, bookmarks, footer


@dataclass(frozen=True)
class Side:
    guide: Guide
    settings: Settings
    styles: Styles


@dataclass(frozen=True)
class Sides:
    """Both languages of a bilingual edition, English first, each with its settings and styles."""

    en: Side
    zh: Side

    @property
    def both(self) -> tuple[Side, Side]:
        return (self.en, self.zh)

    @property
    def gap(self) -> float:
        return float(self.en.styles.body.fontSize) * 1.5

    def row(self, make: Callable[[Side], Sequence[Flowable]], keep: bool = False) -> Parallel:
        """One Parallel row: what `make` gives for each language, side by side."""
        return Parallel([list(make(side)) for side in self.both], self.gap, keep)

    def title(self, make: Callable[[Guide], str]) -> str:
        return make(self.en.guide) + SEPARATOR + make(self.zh.guide)


def make_sides(pair: Bilingual, settings: tuple[Settings, Settings]) -> Sides:
    en, zh = (
        Side(guide, setting, make_styles(setting.theme, guide.lang))
        for guide, setting in zip(pair.guides, settings, strict=True)
    )
    return Sides(en, zh)


def block_rows(sides: Sides, section_id: str, checkbox: bool = False) -> list[Flowable]:
    """A row per paragraph and per list item, the two languages paired in order."""
    rows: list[Flowable] = []
    blocks = [side.guide.section(section_id).blocks for side in sides.both]
    for en_block, zh_block in zip_longest(*blocks):
        pairs = zip_longest(items_of(en_block), items_of(zh_block))
        rows += [
            Parallel(
                [cell(item, side, checkbox) for item, side in zip(pair, sides.both, strict=True)],
                sides.gap,
            )
            for pair in pairs
        ]
    return rows


def items_of(block: Paragraph | BulletList | None) -> list[tuple[Paragraph, bool]]:
    """(paragraph, is a list item) for each paragraph of a block."""
    if block is None:
        return []
    if isinstance(block, BulletList):
        return [(item, True) for item in block.items]
    return [(block, False)]


def cell(item: tuple[Paragraph, bool] | None, side: Side, checkbox: bool) -> list[Flowable]:
    if item is None:
        return []
    paragraph, listed = item
    if listed:
        return [bullet(paragraph, side.styles, checkbox=checkbox)]
    return [content_paragraph(paragraph, side.styles.faces, side.styles.body)]


def heading_row(
    sides: Sides, section_id: str, style: Callable[[Styles], object], outline: bool = True
) -> Flowable:
    """The section's title in both languages, kept with what follows; `outline` bookmarks it."""
    sections = [side.guide.section(section_id) for side in sides.both]
    row = Parallel(
        [
            [
                plain_paragraph(
                    section.title, str(section.source), side.styles.faces, style(side.styles)
                )
            ]
            for section, side in zip(sections, sides.both, strict=True)
        ],
        sides.gap,
        keep_with_next=True,
    )
    if not outline:
        return row
    return mark_outline(row, SEPARATOR.join(section.title for section in sections))
