"""The step-card figures: one distinct lit region per muscle group, combined steps light all of
their parts, and every figure stays inside the box it is given."""

from __future__ import annotations

import itertools

import pytest

from pmr_print import api
from pmr_print.illustrations import (
    GROUP_IDS,
    FigureColours,
    draw_figure,
    groups,
    highlighted_regions,
)
from pmr_print.illustrations.geometry import RegionPiece, build
from pmr_print.model import GROUP_IDS as MODEL_GROUP_IDS


def test_the_figures_know_the_models_13_groups() -> None:
    assert GROUP_IDS == MODEL_GROUP_IDS
    assert set(groups.GROUPS) == set(GROUP_IDS)


def test_the_13_groups_light_13_different_regions() -> None:
    lit = {group: highlighted_regions([group]) for group in GROUP_IDS}
    assert all(lit.values())
    assert len({regions for regions in lit.values()}) == 13
    for first, second in itertools.combinations(GROUP_IDS, 2):
        assert not lit[first] & lit[second], (first, second)


@pytest.mark.parametrize("group", GROUP_IDS)
def test_every_lit_region_is_really_drawn(group: str) -> None:
    for panel in groups.panels([group]):
        drawn = {p.name for p in build(panel.view, panel.pose) if isinstance(p, RegionPiece)}
        assert panel.lit <= drawn


def test_combined_steps_of_the_short_protocol_light_all_their_parts() -> None:
    for step in api.load("en").protocol("short").steps:
        combined = highlighted_regions(step.covers)
        for group in step.covers:
            assert highlighted_regions([group]) <= combined


def test_views_used_for_the_groups() -> None:
    views = {group: groups.GROUPS[group].view for group in GROUP_IDS}
    assert {views[g] for g in ("buttocks", "back")} == {"back"}
    assert {views[g] for g in ("jaw", "eyes", "forehead")} == {"head"}
    assert views["neck"] == "profile"
    assert {views[g] for g in ("abdomen", "chest", "shoulders", "arms-hands")} == {"front"}


@pytest.mark.parametrize("covers", [[g] for g in GROUP_IDS] + [list(GROUP_IDS[:3])])
@pytest.mark.parametrize(("width", "height"), [(250.0, 120.0), (60.0, 200.0), (500.0, 500.0)])
def test_a_figure_stays_inside_its_box(covers: list[str], width: float, height: float) -> None:
    drawing = draw_figure(covers, width, height)
    assert (drawing.width, drawing.height) == (width, height)
    x0, y0, x1, y1 = drawing.getBounds()
    assert x0 >= -0.01 and y0 >= -0.01 and x1 <= width + 0.01 and y1 <= height + 0.01


def test_unknown_group_is_an_error() -> None:
    with pytest.raises(ValueError, match="kneecaps"):
        highlighted_regions(["kneecaps"])


def test_grayscale_palette_has_no_colour() -> None:
    for value in vars(FigureColours.grayscale()).values():
        red, green, blue = (int(value[i : i + 2], 16) for i in (1, 3, 5))
        assert red == green == blue


def test_a_combined_step_draws_no_single_group_pose_or_direction() -> None:
    """The short protocol's face-and-neck step draws the chin down; the neck's own arrow tips
    the head back, so a combined step shows what is tense, not which way to move."""
    from pmr_print.illustrations.cues import Arrow
    from pmr_print.illustrations.groups import panels

    for panel in panels(["forehead", "eyes", "jaw", "neck"]):
        assert panel.pose == frozenset()
        assert not any(isinstance(cue, Arrow) for cue in panel.cues)
        assert panel.cues  # the tension marks stay
    assert panels(["neck"])[0].pose == {"nod"}


def test_the_calf_figure_pulls_the_toes_up_as_the_words_ask() -> None:
    """Issue 20: the default lower-leg movement is toes up towards the shin (pointing them
    cramps the calf easily); the figure on cards, slides and booklet pages shows the same."""
    (panel,) = groups.panels(["lower-legs"])
    assert panel.view == "legside" and panel.pose == frozenset({"flex"})
    instruction = api.load("en").group("lower-legs").instruction.text
    assert instruction.startswith("Pull your toes up towards your shins")
    (arrow,) = [cue for cue in panel.cues if isinstance(cue, groups.Arrow)]
    assert 0 < arrow.angle < 180  # the cue points up, towards the shin

    def toe_tip(pose: frozenset[str]) -> float:
        """The height of the foot's forward-most point."""
        foot = next(
            p
            for p in build("legside", pose)
            if isinstance(p, RegionPiece) and p.name == "legside.foot"
        )
        return max(foot.polygon)[1]

    assert toe_tip(frozenset({"flex"})) > toe_tip(frozenset()) + 5
