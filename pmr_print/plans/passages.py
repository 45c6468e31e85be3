"""Passages paired across languages by their ids: the bilingual edition prints each English
paragraph or list item beside the Chinese one with the same `{#id}`, not merely the one in the
same place (`pmr-print check` reports a passage without an id or without a partner)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import zip_longest

from pmr_print.model import Block, BulletList, Paragraph, Section

Passage = tuple[Paragraph, bool]  # the paragraph, and whether it is a list item


def passages(section: Section) -> list[Passage]:
    """The section's paragraphs and list items, in order."""
    return [passage for block in section.blocks for passage in items_of(block)]


def items_of(block: Block | None) -> Iterator[Passage]:
    if isinstance(block, BulletList):
        yield from ((item, True) for item in block.items)
    elif block is not None:
        yield (block, False)


def paired(sections: Sequence[Section]) -> list[tuple[Passage | None, ...]]:
    """A row per passage of the first language, each language's passage with its id beside it;
    a passage the first language lacks follows in a row of its own. Content without ids (written
    before they existed) is paired block by block, in order, as before."""
    columns = [passages(section) for section in sections]
    if not all(paragraph.id for column in columns for paragraph, _ in column):
        return [
            items
            for blocks in zip_longest(*(section.blocks for section in sections))
            for items in zip_longest(*(items_of(block) for block in blocks))
        ]
    by_id = [{paragraph.id: (paragraph, listed) for paragraph, listed in c} for c in columns]
    order = list(dict.fromkeys(paragraph.id for column in columns for paragraph, _ in column))
    return [tuple(found.get(passage_id) for found in by_id) for passage_id in order]
