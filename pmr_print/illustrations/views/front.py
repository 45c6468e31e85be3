"""The figure from the front: thighs, belly, chest, shoulders, forearms and fists.

The figure faces the viewer, so its left side is at x > 0."""

from __future__ import annotations

from pmr_print.illustrations.parts import Outline, Region, Stroke, View, both_sides, when
from pmr_print.illustrations.polygon import ellipse, rounded
from pmr_print.illustrations.rig import translate
from pmr_print.illustrations.views import body

SHRUG = 4.2

_LEGS = both_sides(Outline("front.leg", body.LEG))
_ARMS = both_sides(Outline("front.arm", body.ARM_OPEN, bone="shoulder", unless=when("fists")))
_FISTS = both_sides(Outline("front.arm", body.ARM_FIST, bone="shoulder", when=when("fists")))
_THIGHS = both_sides(
    Region("front.thigh", "front.leg", (((0.0, 47.5), (30.0, 47.5), (30.0, 80.0), (0.0, 80.0)),))
)
_FOREARMS = both_sides(
    Region(
        "front.forearm",
        "front.arm",
        (((10.0, 94.0), (10.0, 73.6), (34.0, 74.4), (34.0, 96.0)),),
        bone="shoulder",
    )
)
_HANDS = both_sides(
    Region(
        "front.hand",
        "front.arm",
        (((10.0, 73.6), (10.0, 50.0), (34.0, 50.0), (34.0, 74.4)),),
        bone="shoulder",
    )
)
_PECTORAL = rounded(
    (
        (1.0, 103.2),
        (5.0, 101.2),
        (11.5, 101.0),
        (17.0, 104.5),
        (18.0, 113.0),
        (12.5, 117.6),
        (1.0, 116.4),
    ),
    2.2,
)
_CHEST = both_sides(Region("front.chest", "front.torso", (_PECTORAL,)), paired_base=False)
_SHOULDERS = both_sides(
    Region(
        "front.shoulder",
        "front.torso",
        (((5.0, 119.4), (20.5, 110.6), (30.0, 120.0), (30.0, 135.0), (5.0, 135.0)),),
        bone="shoulder",
    ),
    paired_base=False,
)
_ABDOMEN = Region(
    "front.abdomen",
    "front.torso",
    (rounded(((-9.6, 77.4), (9.6, 77.4), (10.4, 98.0), (-10.4, 98.0)), 4.5),),
)
_KNEES = both_sides(Stroke(body.KNEE))
_EYES = both_sides(
    Stroke(
        tuple((x + 2.8, y + 140.6) for x, y in ellipse(0, 0, 0.55, 0.55, 8)),
        closed=True,
        filled=True,
    )
)

VIEW = View(
    name="front",
    frame=(-34.0, -3.0, 34.0, 154.0),
    layers=(
        Outline("front.neck", body.NECK),
        *_LEGS,
        *_THIGHS,
        *_KNEES,
        *_ARMS,
        *_FISTS,
        *_FOREARMS,
        *_HANDS,
        Outline("front.torso", body.TORSO_FRONT),
        *_CHEST,
        _ABDOMEN,
        *_SHOULDERS,
        Outline("front.head", body.HEAD),
        *_EYES,
    ),
    poses={"shrug": {"shoulder": translate(0, SHRUG), "shoulder.half": translate(0, SHRUG / 2)}},
)
