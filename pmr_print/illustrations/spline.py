"""Smooth curves through points: Catmull-Rom splines as cubic Béziers, and their flattening."""

from __future__ import annotations

from collections.abc import Sequence

Point = tuple[float, float]
Cubic = tuple[Point, Point, Point, Point]  # start, control 1, control 2, end

SAMPLES_PER_CUBIC = 10


def catmull_rom(points: Sequence[Point], closed: bool) -> list[Cubic]:
    """Cubic Bézier segments of the uniform Catmull-Rom spline through ``points``."""
    n = len(points)
    if n < 2:
        raise ValueError("a spline needs at least two points")
    if closed:
        ring = [points[-1], *points, points[0], points[1]]
    else:
        ring = [points[0], *points, points[-1]]
    segments = []
    for i in range(1, len(ring) - 2):
        p0, p1, p2, p3 = ring[i - 1], ring[i], ring[i + 1], ring[i + 2]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        segments.append((p1, c1, c2, p2))
    return segments


def cubic_point(cubic: Cubic, t: float) -> Point:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = cubic
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3)


def flatten(cubics: Sequence[Cubic], samples: int = SAMPLES_PER_CUBIC) -> list[Point]:
    """Points along the curves (the start of the first curve included, no duplicate joints)."""
    points = [cubics[0][0]]
    for cubic in cubics:
        points.extend(cubic_point(cubic, k / samples) for k in range(1, samples + 1))
    return points
