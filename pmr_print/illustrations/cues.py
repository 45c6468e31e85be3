"""Motion cues: arrows and tension marks. Anchored in body units, drawn at a fixed size in
points so that every card uses the same arrow."""

from __future__ import annotations

import math
from dataclasses import dataclass

Point = tuple[float, float]
Polyline = list[Point]

ARROW_LENGTH = 13.0  # in line-weight units (about points on an A6 card)
HEAD_LENGTH = 3.6
HEAD_SPREAD = 32.0  # degrees either side of the shaft
MARK_GAP = 1.8
MARK_LENGTH = 3.4
MARK_SPACING = 2.8  # between neighbouring marks, along the body's edge
MARK_FAN = 20.0  # each mark turns away from the middle one by this much


@dataclass(frozen=True)
class Arrow:
    at: Point  # tail, body units
    angle: float  # heading at the tail, degrees (90 = up)
    bend: float = 0.0  # total turn along the shaft, degrees, + = counter-clockwise
    length: float = 1.0  # times the standard length


@dataclass(frozen=True)
class Marks:
    at: Point  # the point the short lines fan out from, body units
    angle: float  # outward direction, degrees
    count: int = 3


Cue = Arrow | Marks


def _step(p: Point, angle_deg: float, dist: float) -> Point:
    t = math.radians(angle_deg)
    return (p[0] + dist * math.cos(t), p[1] + dist * math.sin(t))


def arrow_lines(tail: Point, arrow: Arrow, unit: float) -> list[Polyline]:
    """Shaft and open head of an arrow whose tail is at ``tail`` (points)."""
    length = ARROW_LENGTH * arrow.length * unit
    steps = 12
    shaft = [tail]
    for k in range(steps):
        heading = arrow.angle + arrow.bend * (k + 0.5) / steps
        shaft.append(_step(shaft[-1], heading, length / steps))
    end_heading = arrow.angle + arrow.bend
    tip = shaft[-1]
    head = [
        _step(tip, end_heading + 180 - HEAD_SPREAD, HEAD_LENGTH * unit),
        tip,
        _step(tip, end_heading + 180 + HEAD_SPREAD, HEAD_LENGTH * unit),
    ]
    return [shaft, head]


def mark_lines(origin: Point, marks: Marks, unit: float) -> list[Polyline]:
    """Short lines standing out from the body's edge at ``origin`` (points), slightly fanned."""
    lines = []
    for k in range(marks.count):
        offset = k - (marks.count - 1) / 2
        base = _step(origin, marks.angle + 90, offset * MARK_SPACING * unit)
        angle = marks.angle + offset * MARK_FAN
        start = _step(base, angle, MARK_GAP * unit)
        long = 1.0 if offset == 0 else 0.8
        lines.append([start, _step(start, angle, MARK_LENGTH * long * unit)])
    return lines
