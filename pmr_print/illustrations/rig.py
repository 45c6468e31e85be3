"""Bones and poses: a pose moves the points attached to a bone by an affine transform."""

from __future__ import annotations

import math
from collections.abc import Mapping

Point = tuple[float, float]
# (a, b, c, d, e, f): x' = a x + c y + e, y' = b x + d y + f (the PDF and ReportLab convention)
Affine = tuple[float, float, float, float, float, float]

IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def translate(dx: float, dy: float) -> Affine:
    return (1.0, 0.0, 0.0, 1.0, dx, dy)


def rotate(degrees: float, about: Point = (0.0, 0.0)) -> Affine:
    """Counter-clockwise rotation about a pivot."""
    t = math.radians(degrees)
    cos, sin = math.cos(t), math.sin(t)
    px, py = about
    return (cos, sin, -sin, cos, px - cos * px + sin * py, py - sin * px - cos * py)


def then(first: Affine, second: Affine) -> Affine:
    """The transform that applies ``first`` and then ``second``."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a2 * a1 + c2 * b1,
        b2 * a1 + d2 * b1,
        a2 * c1 + c2 * d1,
        b2 * c1 + d2 * d1,
        a2 * e1 + c2 * f1 + e2,
        b2 * e1 + d2 * f1 + f2,
    )


def apply(m: Affine, p: Point) -> Point:
    a, b, c, d, e, f = m
    x, y = p
    return (a * x + c * y + e, b * x + d * y + f)


# A pose table: pose flag -> bone -> transform
PoseTable = Mapping[str, Mapping[str, Affine]]


def bone_transforms(table: PoseTable, flags: frozenset[str]) -> dict[str, Affine]:
    """Each bone's transform for these flags (flags applied in sorted order, so repeatable)."""
    bones: dict[str, Affine] = {}
    for flag in sorted(flags & table.keys()):
        for bone, m in table[flag].items():
            bones[bone] = then(bones.get(bone, IDENTITY), m)
    return bones
