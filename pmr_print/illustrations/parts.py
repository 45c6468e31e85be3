"""What a view is made of: body outlines, named regions cut from them, and quiet detail strokes.

Coordinates are body units: the standing figure is 150 units tall (7.5 heads of 20), feet at
y = 0, centred on x = 0. A point may name the bone it hangs on: ``(x, y)`` or ``(x, y, "bone")``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from pmr_print.illustrations.rig import PoseTable

# (x, y), or (x, y, bone) for a point that hangs on a bone other than its part's
BPoint = tuple[float, float] | tuple[float, float, str]
Points = Sequence[BPoint]
Frame = tuple[float, float, float, float]  # x0, y0, x1, y1


def _flags(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class Outline:
    """A closed, smooth body part filled with the body colour."""

    name: str
    points: Points
    bone: str = "body"
    when: frozenset[str] = frozenset()  # drawn only with all these pose flags
    unless: frozenset[str] = frozenset()  # not drawn with any of these


@dataclass(frozen=True)
class Region:
    """A named muscle region: the part of outline ``base`` inside every convex cutter."""

    name: str
    base: str
    cutters: Sequence[Points]
    bone: str = "body"


@dataclass(frozen=True)
class Stroke:
    """A quiet detail line (or a small filled feature such as an eye)."""

    points: Points
    closed: bool = False
    filled: bool = False
    weight: float = 0.7  # relative to the body line weight
    bone: str = "body"
    when: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()


Layer = Outline | Region | Stroke


@dataclass(frozen=True)
class View:
    name: str
    frame: Frame  # the area laid out on the card, cues included
    layers: tuple[Layer, ...]
    poses: PoseTable = field(default_factory=dict)
    crop: tuple[tuple[float, float], ...] | None = None  # convex; outside is cut away, unstroked


def shown(layer: Outline | Stroke, flags: frozenset[str]) -> bool:
    return layer.when <= flags and not (layer.unless & flags)


def when(text: str) -> frozenset[str]:
    return _flags(text)


def mirror_point(p: BPoint) -> BPoint:
    return (-p[0], p[1], p[2]) if len(p) == 3 else (-p[0], p[1])


def mirror_x(points: Points) -> Points:
    return tuple(mirror_point(p) for p in points)


def symmetric(half: Points) -> Points:
    """A closed loop from its x >= 0 half, listed from the top of the axis to its bottom."""
    inner = [p for p in half[1:-1]]
    return (*half, *reversed(mirror_x(tuple(inner))))


def _suffixed(layer: Layer, suffix: str, mirrored: bool, paired_base: bool) -> Layer:
    flip = mirror_x if mirrored else (lambda pts: pts)
    if isinstance(layer, Outline):
        return Outline(
            layer.name + suffix, flip(layer.points), layer.bone, layer.when, layer.unless
        )
    if isinstance(layer, Region):
        cutters = tuple(flip(c) for c in layer.cutters)
        base = layer.base + suffix if paired_base else layer.base
        return Region(layer.name + suffix, base, cutters, layer.bone)
    return Stroke(
        flip(layer.points),
        layer.closed,
        layer.filled,
        layer.weight,
        layer.bone,
        layer.when,
        layer.unless,
    )


def both_sides(layer: Layer, plus_x: str = "left", paired_base: bool = True) -> tuple[Layer, Layer]:
    """The layer drawn at x > 0 (the figure's ``plus_x`` side) and its mirror image. A region's
    base outline is paired too unless ``paired_base`` is false (a region of the torso)."""
    minus_x = "right" if plus_x == "left" else "left"
    return (
        _suffixed(layer, "." + plus_x, False, paired_base),
        _suffixed(layer, "." + minus_x, True, paired_base),
    )
