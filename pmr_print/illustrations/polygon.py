"""Polygon geometry: clipping by convex cutters (keeping track of which edges are cuts) and
hatching."""

from __future__ import annotations

import math
from collections.abc import Sequence

Point = tuple[float, float]
# A labelled polygon: each vertex carries the label of the edge that ends at it.
Labelled = list[tuple[Point, str]]

EPSILON = 1e-9


def labelled(points: Sequence[Point], label: str) -> Labelled:
    return [(p, label) for p in points]


def _side(a: Point, b: Point, p: Point) -> float:
    """> 0 when p is left of the directed line a→b."""
    return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])


def _crossing(a: Point, b: Point, s: Point, e: Point) -> Point:
    ds, de = _side(a, b, s), _side(a, b, e)
    t = ds / (ds - de)
    return (s[0] + t * (e[0] - s[0]), s[1] + t * (e[1] - s[1]))


def is_convex_ccw(poly: Sequence[Point]) -> bool:
    n = len(poly)
    return n >= 3 and all(
        _side(poly[i], poly[(i + 1) % n], poly[(i + 2) % n]) > 0 for i in range(n)
    )


def ccw(poly: Sequence[Point]) -> list[Point]:
    """The polygon wound counter-clockwise."""
    area = sum(poly[i - 1][0] * poly[i][1] - poly[i][0] * poly[i - 1][1] for i in range(len(poly)))
    return list(poly) if area > 0 else list(reversed(poly))


def _clip_edge(subject: Labelled, a: Point, b: Point, label: str) -> Labelled:
    out: Labelled = []
    for i, (e, e_label) in enumerate(subject):
        s = subject[i - 1][0]
        s_in, e_in = _side(a, b, s) >= -EPSILON, _side(a, b, e) >= -EPSILON
        if e_in:
            if not s_in:
                out.append((_crossing(a, b, s, e), label))
            out.append((e, e_label))
        elif s_in:
            out.append((_crossing(a, b, s, e), e_label))
    return out


def clip(subject: Labelled, cutter: Sequence[Point], label: str) -> Labelled:
    """Sutherland-Hodgman: the part of ``subject`` inside the convex CCW ``cutter``. New edges
    along the cutter get ``label``."""
    out = subject
    for i in range(len(cutter)):
        if not out:
            break
        out = _clip_edge(out, cutter[i], cutter[(i + 1) % len(cutter)], label)
    return out


def runs(poly: Labelled, skip: str) -> list[list[Point]]:
    """Open polylines along the polygon's edges, leaving out the edges labelled ``skip``."""
    n = len(poly)
    if all(lab != skip for _, lab in poly):
        return [[p for p, _ in poly] + [poly[0][0]]]
    start = next(i for i in range(n) if poly[i][1] == skip)
    result: list[list[Point]] = []
    current: list[Point] = [poly[start][0]]
    for k in range(1, n + 1):
        point, lab = poly[(start + k) % n]
        if lab == skip:
            if len(current) > 1:
                result.append(current)
            current = [point]
        else:
            current.append(point)
    if len(current) > 1:
        result.append(current)
    return result


def hatch(
    poly: Sequence[Point], spacing: float, angle_deg: float = 45.0
) -> list[tuple[Point, Point]]:
    """Parallel line segments at ``spacing`` inside ``poly`` (even-odd), in its own units."""
    theta = math.radians(angle_deg)
    ux, uy = math.cos(theta), math.sin(theta)  # along the hatch
    nx, ny = -uy, ux  # across the hatch
    offsets = [x * nx + y * ny for x, y in poly]
    lo, hi = min(offsets), max(offsets)
    segments = []
    k = math.floor(lo / spacing) + 1
    while k * spacing < hi:
        c = k * spacing
        ts = []
        for i, (x1, y1) in enumerate(poly):
            x0, y0 = poly[i - 1]
            d0, d1 = x0 * nx + y0 * ny - c, x1 * nx + y1 * ny - c
            if (d0 < 0) != (d1 < 0):
                t = d0 / (d0 - d1)
                px, py = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
                ts.append(px * ux + py * uy)
        ts.sort()
        for t0, t1 in zip(ts[::2], ts[1::2], strict=False):
            segments.append(
                ((c * nx + t0 * ux, c * ny + t0 * uy), (c * nx + t1 * ux, c * ny + t1 * uy))
            )
        k += 1
    return segments


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 24) -> list[Point]:
    """A convex CCW polygon approximating an ellipse."""
    return [
        (cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n))
        for k in range(n)
    ]


def rounded(poly: Sequence[Point], radius: float, samples: int = 4) -> list[Point]:
    """The convex polygon with its corners rounded off (quadratic corners of about ``radius``)."""
    out: list[Point] = []
    n = len(poly)
    for i in range(n):
        prev, here, nxt = poly[i - 1], poly[i], poly[(i + 1) % n]
        d_in, d_out = math.dist(prev, here), math.dist(here, nxt)
        r = min(radius, d_in / 2, d_out / 2)
        a = (here[0] + (prev[0] - here[0]) * r / d_in, here[1] + (prev[1] - here[1]) * r / d_in)
        b = (here[0] + (nxt[0] - here[0]) * r / d_out, here[1] + (nxt[1] - here[1]) * r / d_out)
        for k in range(samples + 1):
            t = k / samples
            u = 1 - t
            out.append(
                (
                    u * u * a[0] + 2 * u * t * here[0] + t * t * b[0],
                    u * u * a[1] + 2 * u * t * here[1] + t * t * b[1],
                )
            )
    return out
