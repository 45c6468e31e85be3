"""Turns posed pieces and cues into ReportLab shapes, in points."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reportlab.graphics.shapes import Path, PolyLine, Shape
from reportlab.lib.colors import HexColor

from pmr_print.illustrations import polygon as pg
from pmr_print.illustrations.colours import FigureColours
from pmr_print.illustrations.cues import Arrow, Cue, arrow_lines, mark_lines
from pmr_print.illustrations.geometry import (
    BodyPiece,
    DetailPiece,
    PathOps,
    Piece,
    RegionPiece,
)
from pmr_print.illustrations.rig import Affine, apply

ROUND = 1  # round joins and caps
ACCENT_WEIGHT = 1.5  # the lit region's outline, times the body line
HATCH_WEIGHT = 0.45
HATCH_SPACING = 3.2  # in line units
CUE_WEIGHT = 1.25
HALO_WEIGHT = 3.4  # a body-coloured band under each cue, so it reads over a hatched region


def _path(ops: PathOps, m: Affine, **style: object) -> Path:
    path = Path(strokeLineJoin=ROUND, strokeLineCap=ROUND, **style)
    for op, coords in ops:
        points = [apply(m, (coords[i], coords[i + 1])) for i in range(0, len(coords), 2)]
        if op == "M":
            path.moveTo(*points[0])
        elif op == "L":
            path.lineTo(*points[0])
        elif op == "C":
            path.curveTo(*points[0], *points[1], *points[2])
        else:
            path.closePath()
    return path


def _polyline(points: Sequence[tuple[float, float]], colour: object, width: float) -> PolyLine:
    flat = [c for p in points for c in p]
    return PolyLine(
        flat, strokeColor=colour, strokeWidth=width, strokeLineJoin=ROUND, strokeLineCap=ROUND
    )


class Painter:
    def __init__(self, colours: FigureColours, unit: float) -> None:
        self.unit = unit
        self.body_fill = HexColor(colours.body_fill)
        self.body_line = HexColor(colours.body_outline)
        self.accent_fill = HexColor(colours.accent_fill)
        self.accent_line = HexColor(colours.accent_outline)
        self.cue = HexColor(colours.cue)
        self.halo = self.body_fill

    def _body(self, piece: BodyPiece, m: Affine) -> list[Shape]:
        shapes: list[Shape] = [_path(piece.fill, m, fillColor=self.body_fill, strokeColor=None)]
        for ops in piece.strokes:
            shapes.append(
                _path(ops, m, fillColor=None, strokeColor=self.body_line, strokeWidth=self.unit)
            )
        return shapes

    def _region(self, piece: RegionPiece, m: Affine) -> list[Shape]:
        shapes: list[Shape] = [_path(piece.fill, m, fillColor=self.accent_fill, strokeColor=None)]
        outline = [apply(m, p) for p in piece.polygon]
        for a, b in pg.hatch(outline, HATCH_SPACING * self.unit):
            shapes.append(_polyline((a, b), self.accent_line, HATCH_WEIGHT * self.unit))
        for ops in piece.strokes:
            shapes.append(
                _path(
                    ops,
                    m,
                    fillColor=None,
                    strokeColor=self.accent_line,
                    strokeWidth=ACCENT_WEIGHT * self.unit,
                )
            )
        return shapes

    def _detail(self, piece: DetailPiece, m: Affine) -> list[Shape]:
        width = piece.weight * self.unit
        if piece.filled:
            return [
                _path(
                    piece.path,
                    m,
                    fillColor=self.body_line,
                    strokeColor=self.body_line,
                    strokeWidth=width,
                )
            ]
        return [_path(piece.path, m, fillColor=None, strokeColor=self.body_line, strokeWidth=width)]

    def pieces(self, pieces: Iterable[Piece], lit: frozenset[str], m: Affine) -> list[Shape]:
        shapes: list[Shape] = []
        for piece in pieces:
            if isinstance(piece, BodyPiece):
                shapes += self._body(piece, m)
            elif isinstance(piece, RegionPiece):
                if piece.name in lit:
                    shapes += self._region(piece, m)
            else:
                shapes += self._detail(piece, m)
        return shapes

    def cues(self, cues: Iterable[Cue], m: Affine) -> list[Shape]:
        shapes: list[Shape] = []
        for cue in cues:
            origin = apply(m, cue.at)
            if isinstance(cue, Arrow):
                lines = arrow_lines(origin, cue, self.unit)
            else:
                lines = mark_lines(origin, cue, self.unit)
            shapes += [_polyline(line, self.halo, HALO_WEIGHT * self.unit) for line in lines]
            shapes += [_polyline(line, self.cue, CUE_WEIGHT * self.unit) for line in lines]
        return shapes
