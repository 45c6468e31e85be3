import pathlib

import pytest

from pmr_print.api import load
from pmr_print.model import GROUP_IDS, SECTION_IDS
from pmr_print.problems import ContentError
from tests.conftest import CONTENT, edit, line_of


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_guide_has_every_section_group_and_protocol(lang: str) -> None:
    guide = load(lang)
    assert guide.lang == lang
    assert {s.id for s in guide.sections} == set(SECTION_IDS)
    assert tuple(g.id for g in guide.groups) == GROUP_IDS
    assert {p.id for p in guide.protocols} == {"standard", "short", "extended", "release-only"}
    assert all((g.tense_seconds, g.relax_seconds) == (5, 10) for g in guide.groups)


def test_sources_point_at_the_heading_lines() -> None:
    guide = load("zh")
    path = CONTENT / "zh" / "guide.md"
    back = guide.group("back")
    assert back.source == type(back.source)(str(path), line_of(path, "{#back "))
    assert back.instruction.source.line > back.source.line
    assert str(guide.protocol("short").source).endswith(f"guide.md:{line_of(path, '{#short')}")


def test_references_carry_the_four_dois() -> None:
    dois = {ref.doi for ref in load("en").references}
    assert dois == {
        "10.1037/a0027326",
        "10.1037/11859-010",
        "10.2147/PRBM.S437277",
        "10.1155/2021/5924040",
    }


def test_inline_styles_become_spans() -> None:
    drawbacks = load("en").section("drawbacks")
    first = drawbacks.items[0]
    assert first.spans[0].bold and not first.spans[-1].bold


def test_soft_line_breaks_join_han_without_a_space(content_copy: pathlib.Path) -> None:
    guide_md = content_copy / "zh" / "guide.md"
    edit(guide_md, "{#about}\n", "{#about}\n\n第一行\n第二行 PMR\n练习\n")
    about = load("zh", content_copy).section("about")
    assert about.blocks[0].text == "第一行第二行 PMR 练习"  # type: ignore[union-attr]


def test_unknown_language_is_a_content_error() -> None:
    with pytest.raises(ContentError, match="no content for language 'fr'"):
        load("fr")


def test_passages_carry_their_ids_and_print_without_them() -> None:
    """`- text {#id}` and `text {#id}`: the id pairs the passage with its translation."""
    for lang in ("en", "zh"):
        guide = load(lang)
        first, second = guide.section("considerations").items
        assert (first.id, second.id) == ("weeks-of-practice", "combine-methods")
        about = guide.section("about").blocks[0]
        assert about.id == "what-it-is"  # type: ignore[union-attr]
        assert "{#" not in about.text  # type: ignore[union-attr]
        assert all("{#" not in item.text for item in guide.section("drawbacks").items)
