"""A close-up of the face, from the front: forehead, the muscles around the eyes, the jaw.

The face looks at the viewer, so its left side is at x > 0. Units: the face is 43 units from
chin to crown."""

from __future__ import annotations

from pmr_print.illustrations.parts import (
    Outline,
    Region,
    Stroke,
    View,
    both_sides,
    symmetric,
    when,
)
from pmr_print.illustrations.polygon import ellipse
from pmr_print.illustrations.rig import translate

BROW_LIFT = 1.8

_FACE = symmetric(
    (
        (0.0, 44.0),
        (8.2, 42.6),
        (13.4, 37.8),
        (15.3, 30.5),
        (15.1, 23.5),
        (14.0, 16.5),
        (11.6, 9.8),
        (8.0, 4.6),
        (4.0, 1.8),
        (0.0, 1.2),
    )
)
_NECK = symmetric(
    (
        (0.0, 8.0),
        (8.0, 8.0),
        (8.6, 1.0),
        (10.6, -3.0),
        (17.0, -5.6),
        (24.0, -7.0),
        (24.0, -12.0),
        (0.0, -12.0),
    )
)
_EARS = both_sides(
    Outline(
        "head.ear",
        ((14.6, 29.2), (16.6, 30.2), (17.9, 27.4), (17.5, 22.2), (15.9, 18.6), (14.4, 18.4)),
    )
)
_FOREHEAD = Region(
    "head.forehead", "head.face", (((-20.0, 31.6), (20.0, 31.6), (20.0, 50.0), (-20.0, 50.0)),)
)
_EYE_AREAS = both_sides(
    Region("head.eye", "head.face", (ellipse(6.4, 25.0, 4.7, 3.5),)), paired_base=False
)
_JAWS = both_sides(
    Region("head.jaw", "head.face", (((8.4, 4.0), (17.0, 8.0), (17.0, 19.5), (10.6, 17.0)),)),
    paired_base=False,
)
_BROWS = both_sides(Stroke(((3.0, 28.6), (6.4, 29.9), (10.0, 29.1)), weight=1.1, bone="brow"))
_OPEN_EYES = both_sides(
    Stroke(ellipse(6.4, 24.6, 1.5, 0.95, 12), closed=True, filled=True, unless=when("squeeze"))
)
_SHUT_EYES = both_sides(
    Stroke(((4.3, 24.9), (6.4, 23.9), (8.5, 24.9)), weight=1.1, when=when("squeeze"))
)
_NOSE = Stroke(((-1.6, 15.0), (-0.6, 14.2), (0.6, 14.2), (1.6, 15.0)), weight=0.8)
_MOUTH = Stroke(((-3.6, 9.4), (0.0, 8.7), (3.6, 9.4)), weight=0.8, unless=when("clench"))
_CLENCHED = Stroke(((-4.0, 9.0), (0.0, 9.0), (4.0, 9.0)), weight=1.2, when=when("clench"))

VIEW = View(
    name="head",
    frame=(-25.0, -6.5, 25.0, 50.5),
    layers=(
        Outline("head.neck", _NECK),
        *_EARS,
        Outline("head.face", _FACE),
        _FOREHEAD,
        *_EYE_AREAS,
        *_JAWS,
        *_BROWS,
        *_OPEN_EYES,
        *_SHUT_EYES,
        _NOSE,
        _MOUTH,
        _CLENCHED,
    ),
    poses={"raise": {"brow": translate(0.0, BROW_LIFT)}},
    crop=((-30.0, -6.5), (30.0, -6.5), (30.0, 60.0), (-30.0, 60.0)),
)
