"""The head and neck from the side, facing right (x > 0): the neck, chin drawn gently down.

The content asks for the chin towards the chest (the safe direction; tipping the head back is the
riskiest one for the neck), so the figure nods forward instead of tilting back."""

from __future__ import annotations

from pmr_print.illustrations.parts import Outline, Region, Stroke, View
from pmr_print.illustrations.polygon import ellipse
from pmr_print.illustrations.rig import rotate

NOD = -12.0  # degrees the head turns, clockwise: chin towards the chest
PIVOT = (-1.0, 8.0)

_HEAD = (
    (0.0, 44.0),
    (8.0, 42.4),
    (12.4, 37.2),
    (13.6, 31.0),
    (13.4, 28.4),
    (14.2, 25.6),
    (16.6, 20.6),
    (14.4, 18.4),
    (14.6, 15.6),
    (14.2, 13.6),
    (14.4, 11.2),
    (13.4, 8.6),
    (13.6, 6.0),
    (11.2, 3.6),
    (5.6, 3.8),
    (-1.0, 7.0),
    (-10.4, 10.6),
    (-14.6, 21.0),
    (-14.0, 33.0),
    (-8.4, 41.4),
)
_NECK = (
    (7.0, 9.0),
    (7.0, 1.0),
    (8.6, -5.0),
    (13.0, -9.0),
    (16.0, -14.0),
    (-18.0, -14.0),
    (-16.0, -8.0),
    (-10.4, -4.0),
    (-8.6, 2.0),
    (-8.4, 10.0),
)
_NECK_AREA = (
    (-12.0, -7.6),
    (3.0, -6.4),
    (12.0, -5.0),
    (12.0, 20.0),
    (-12.0, 20.0),
)

VIEW = View(
    name="profile",
    frame=(-25.0, -10.0, 25.0, 53.0),
    layers=(
        Outline("profile.neck", _NECK),
        Region("profile.neck", "profile.neck", (_NECK_AREA,)),
        Outline("profile.head", _HEAD, bone="head"),
        Stroke(ellipse(-2.0, 22.0, 2.2, 3.6, 12), closed=True, weight=0.8, bone="head"),
        Stroke(((8.8, 26.4), (10.6, 26.2)), weight=1.1, bone="head"),
        Stroke(((12.0, 13.0), (14.0, 13.2)), weight=0.8, bone="head"),
    ),
    poses={"nod": {"head": rotate(NOD, PIVOT)}},
    crop=((-30.0, -10.0), (30.0, -10.0), (30.0, 60.0), (-30.0, 60.0)),
)
