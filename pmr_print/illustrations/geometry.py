"""Turns a view's data into posed, cropped paths in body units (cached per view and pose)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pmr_print.illustrations import polygon as pg
from pmr_print.illustrations.parts import Outline, Points, Region, Stroke, View, shown
from pmr_print.illustrations.rig import IDENTITY, Affine, apply, bone_transforms
from pmr_print.illustrations.spline import catmull_rom, flatten
from pmr_print.illustrations.views import VIEWS

Point = tuple[float, float]
# A path: ("M", (x, y)), ("L", (x, y)), ("C", (x1, y1, x2, y2, x3, y3)), ("Z", ())
PathOps = tuple[tuple[str, tuple[float, ...]], ...]


@dataclass(frozen=True)
class BodyPiece:
    fill: PathOps
    strokes: tuple[PathOps, ...]


@dataclass(frozen=True)
class RegionPiece:
    name: str
    fill: PathOps
    polygon: tuple[Point, ...]
    strokes: tuple[PathOps, ...]


@dataclass(frozen=True)
class DetailPiece:
    path: PathOps
    filled: bool
    weight: float


Piece = BodyPiece | RegionPiece | DetailPiece


def _posed(points: Points, bone: str, bones: dict[str, Affine]) -> list[Point]:
    out = []
    for p in points:
        m = bones.get(p[2] if len(p) == 3 else bone, IDENTITY)
        out.append(apply(m, (p[0], p[1])))
    return out


def _cubic_path(points: list[Point], closed: bool) -> PathOps:
    cubics = catmull_rom(points, closed)
    ops: list[tuple[str, tuple[float, ...]]] = [("M", cubics[0][0])]
    ops += [("C", (*c1, *c2, *end)) for _, c1, c2, end in cubics]
    return (*ops, ("Z", ())) if closed else tuple(ops)


def _polyline(points: list[Point], closed: bool) -> PathOps:
    ops = [("M", points[0]), *(("L", p) for p in points[1:])]
    return (*ops, ("Z", ())) if closed else tuple(ops)


def _cut_pieces(poly: pg.Labelled) -> tuple[PathOps, tuple[PathOps, ...]]:
    fill = _polyline([p for p, _ in poly], closed=True)
    return fill, tuple(_polyline(run, closed=False) for run in pg.runs(poly, skip="crop"))


class _Builder:
    def __init__(self, view: View, flags: frozenset[str]) -> None:
        self.view = view
        self.bones = bone_transforms(view.poses, flags)
        self.flags = flags
        self.outlines: dict[str, pg.Labelled] = {}
        self.crop = pg.ccw(view.crop) if view.crop else None

    def outline(self, layer: Outline) -> BodyPiece | None:
        points = _posed(layer.points, layer.bone, self.bones)
        poly = pg.labelled(flatten(catmull_rom(points, closed=True))[:-1], "outline")
        if self.crop:
            poly = pg.clip(poly, self.crop, "crop")
        self.outlines[layer.name] = poly
        if not poly:
            return None
        if all(label != "crop" for _, label in poly):
            path = _cubic_path(points, closed=True)
            return BodyPiece(path, (path,))
        return BodyPiece(*_cut_pieces(poly))

    def region(self, layer: Region) -> RegionPiece | None:
        poly = self.outlines[layer.base]
        for cutter in layer.cutters:
            shape = pg.ccw(_posed(cutter, layer.bone, self.bones))
            if not pg.is_convex_ccw(shape):
                raise ValueError(f"cutter of region {layer.name} is not convex")
            poly = pg.clip(poly, shape, "cut")
        if not poly:
            return None
        fill, strokes = _cut_pieces(poly)
        return RegionPiece(layer.name, fill, tuple(p for p, _ in poly), strokes)

    def stroke(self, layer: Stroke) -> DetailPiece:
        points = _posed(layer.points, layer.bone, self.bones)
        return DetailPiece(_cubic_path(points, layer.closed), layer.filled, layer.weight)

    def pieces(self) -> tuple[Piece, ...]:
        out: list[Piece | None] = []
        for layer in self.view.layers:
            if isinstance(layer, Region):
                out.append(self.region(layer))
            elif shown(layer, self.flags):
                out.append(
                    self.outline(layer) if isinstance(layer, Outline) else self.stroke(layer)
                )
        return tuple(p for p in out if p is not None)


@lru_cache(maxsize=256)
def build(view_name: str, flags: frozenset[str]) -> tuple[Piece, ...]:
    """The view's pieces in drawing order, posed by ``flags``. Regions are always included;
    the painter decides which are lit."""
    return _Builder(VIEWS[view_name], flags).pieces()
