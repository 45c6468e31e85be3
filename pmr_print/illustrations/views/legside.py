"""The lower leg and foot from the side, toes to the right: calves and feet.

Poses: ``flex`` pulls the toes up towards the shin (lower legs: the default, as it rarely
cramps the calf), ``point`` points the foot away, ``curl`` curls the toes down (feet)."""

from __future__ import annotations

from pmr_print.illustrations.parts import Outline, Region, Stroke, View
from pmr_print.illustrations.rig import rotate

ANKLE = (1.0, 6.0)
TOE_JOINT = (17.0, 1.6)

_LEG = (
    (-4.6, 44.0),
    (3.2, 44.0),
    (3.6, 32.0),
    (3.2, 20.0),
    (3.4, 11.0),
    (5.6, 7.6, "foot"),
    (12.0, 5.2, "foot"),
    (17.0, 3.8, "foot"),
    (20.6, 3.2, "toes"),
    (22.6, 2.2, "toes"),
    (22.4, 0.6, "toes"),
    (20.6, 0.0, "toes"),
    (16.8, 0.0, "foot"),
    (10.0, 0.0, "foot"),
    (2.0, 0.0, "foot"),
    (-3.0, 0.2, "foot"),
    (-5.0, 2.4, "foot"),
    (-4.8, 6.4),
    (-3.8, 11.0),
    (-4.4, 17.0),
    (-6.8, 25.0),
    (-7.0, 33.0),
    (-5.4, 40.0),
)
# The whole lower leg, calf and shin: pulling the toes up tightens both.
_LOWER_LEG = ((-12.0, 14.0), (-4.0, 11.0), (1.0, 9.6), (8.0, 9.0), (8.0, 50.0), (-12.0, 50.0))
_FOOT = ((-9.0, -6.0), (30.0, -6.0), (30.0, 8.8), (2.0, 8.8), (-9.0, 4.0))

VIEW = View(
    name="legside",
    frame=(-16.0, -12.0, 32.0, 42.0),
    layers=(
        Outline("legside.leg", _LEG),
        Stroke(((0.6, 8.4), (1.6, 7.2), (0.8, 6.0)), weight=0.6),  # the ankle bone
        Region("legside.calf", "legside.leg", (_LOWER_LEG,)),
        Region("legside.foot", "legside.leg", (_FOOT,), bone="foot"),
    ),
    poses={
        "curl": {"toes": rotate(-58.0, TOE_JOINT)},
        "flex": {"foot": rotate(22.0, ANKLE), "toes": rotate(22.0, ANKLE)},
        "point": {"foot": rotate(-26.0, ANKLE), "toes": rotate(-26.0, ANKLE)},
    },
    crop=((-30.0, -14.0), (40.0, -14.0), (40.0, 41.5), (-30.0, 41.5)),
)
