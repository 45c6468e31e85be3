"""The figure from behind: buttocks and the upper and middle back.

The figure faces away from the viewer, so its right side is at x > 0. No face: a hairline, the
spine and the shoulder blades tell the back from the front at a glance."""

from __future__ import annotations

from pmr_print.illustrations.parts import Outline, Region, Stroke, View, both_sides
from pmr_print.illustrations.polygon import ellipse, rounded
from pmr_print.illustrations.views import body

_LEGS = both_sides(Outline("back.leg", body.LEG), plus_x="right")
_ARMS = both_sides(Outline("back.arm", body.ARM_OPEN), plus_x="right")
_BUTTOCKS = both_sides(
    Region("back.buttock", "back.torso", (ellipse(7.6, 70.0, 8.6, 9.6),)),
    plus_x="right",
    paired_base=False,
)
_BACK = Region(
    "back.back",
    "back.torso",
    (
        rounded(
            (
                (-13.6, 81.5),
                (13.6, 81.5),
                (16.8, 104.0),
                (13.0, 117.5),
                (-13.0, 117.5),
                (-16.8, 104.0),
            ),
            3.0,
        ),
    ),
)
_SPINE = Stroke(((0.0, 121.0), (0.0, 104.0), (0.0, 88.0), (0.0, 80.5)), weight=0.6)
_CLEFT = Stroke(((0.0, 69.6), (0.0, 73.5)), weight=0.8)
_BLADES = both_sides(
    Stroke(((3.2, 114.5), (7.5, 115.6), (10.8, 110.5), (9.8, 103.0), (5.2, 101.5)), weight=0.6),
    plus_x="right",
)
_KNEES = both_sides(Stroke(((5.0, 43.0), (7.2, 42.2), (9.4, 43.0))), plus_x="right")
_HAIRLINE = Stroke(((-5.6, 134.6), (-2.8, 132.6), (0.0, 132.2), (2.8, 132.6), (5.6, 134.6)))

VIEW = View(
    name="back",
    frame=(-34.0, -3.0, 34.0, 154.0),
    layers=(
        Outline("back.neck", body.NECK),
        *_LEGS,
        *_KNEES,
        *_ARMS,
        Outline("back.torso", body.TORSO_BACK),
        *_BUTTOCKS,
        _BACK,
        _SPINE,
        _CLEFT,
        *_BLADES,
        Outline("back.head", body.HEAD),
        _HAIRLINE,
    ),
)
