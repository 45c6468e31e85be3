"""The bilingual edition pairs each passage with its own translation, by id (issue 20)."""

from __future__ import annotations

from dataclasses import replace

from pmr_print.api import load
from pmr_print.model import BulletList, Paragraph
from pmr_print.plans.passages import paired


def test_passages_pair_by_id_not_by_place() -> None:
    en, zh = load("en").section("considerations"), load("zh").section("considerations")
    (items,) = zh.blocks
    assert isinstance(items, BulletList)
    swapped = replace(zh, blocks=(BulletList(tuple(reversed(items.items)), items.source),))
    rows = paired([en, swapped])
    assert [[cell[0].id if cell else None for cell in row] for row in rows] == [
        ["weeks-of-practice", "weeks-of-practice"],
        ["combine-methods", "combine-methods"],
    ]


def test_a_passage_without_partner_gets_a_row_of_its_own() -> None:
    en, zh = load("en").section("practice-plan"), load("zh").section("practice-plan")
    (items,) = zh.blocks
    assert isinstance(items, BulletList)
    extra = Paragraph(items.items[0].spans, items.source, "zh-only")
    more = replace(zh, blocks=(BulletList((*items.items, extra), items.source),))
    rows = paired([en, more])
    assert len(rows) == 4 and rows[-1][0] is None and rows[-1][1] == (extra, True)


def test_content_without_ids_still_pairs_in_order() -> None:
    en, zh = load("en").section("preparation"), load("zh").section("preparation")

    def strip(section):  # type: ignore[no-untyped-def]
        (items,) = section.blocks
        plain = tuple(replace(item, id="") for item in items.items)
        return replace(section, blocks=(BulletList(plain, items.source),))

    rows = paired([strip(en), strip(zh)])
    assert [(a[0].source.line, b[0].source.line) for a, b in rows] == [
        (a.source.line, b.source.line) for a, b in zip(en.items, zh.items, strict=True)
    ]
