"""Where each view goes on a card, and at what scale."""

from __future__ import annotations

from collections.abc import Sequence

from pmr_print.illustrations.parts import Frame
from pmr_print.illustrations.rig import Affine

MARGIN = 0.035  # of the card's smaller side
GUTTER = 0.04  # between two panels, of the card's width
A6_SIDE = 210.0  # a card of this smaller side gets the 1-unit line weight


def line_unit(width: float, height: float) -> float:
    """The body line weight in points: about 1 pt on an A6 card, growing with the card."""
    return min(max(min(width, height) / A6_SIDE, 0.4), 3.0)


def _fit(frame: Frame, box: Frame) -> Affine:
    fx0, fy0, fx1, fy1 = frame
    bx0, by0, bx1, by1 = box
    return _fit_at(frame, box, min((bx1 - bx0) / (fx1 - fx0), (by1 - by0) / (fy1 - fy0)))


def _fit_at(frame: Frame, box: Frame, scale: float) -> Affine:
    """Centre ``frame`` in ``box`` at ``scale``."""
    fx0, fy0, fx1, fy1 = frame
    bx0, by0, bx1, by1 = box
    tx = (bx0 + bx1) / 2 - scale * (fx0 + fx1) / 2
    ty = (by0 + by1) / 2 - scale * (fy0 + fy1) / 2
    return (scale, 0.0, 0.0, scale, tx, ty)


def panels(frames: Sequence[Frame], width: float, height: float) -> list[Affine]:
    """Body-to-points transforms: one view fills the card, several share it side by side."""
    margin = MARGIN * min(width, height)
    count = len(frames)
    gutter = GUTTER * width if count > 1 else 0.0
    inner = width - 2 * margin - gutter * (count - 1)
    slot = inner / count
    boxes = [
        (margin + i * (slot + gutter), margin, margin + i * (slot + gutter) + slot, height - margin)
        for i in range(count)
    ]
    transforms = [_fit(frame, box) for frame, box in zip(frames, boxes, strict=True)]
    heights = [f[3] - f[1] for f in frames]
    if max(heights) < 1.25 * min(heights):  # views of one kind (body, head): one scale
        scale = min(t[0] for t in transforms)
        transforms = [_fit_at(frame, box, scale) for frame, box in zip(frames, boxes, strict=True)]
    return transforms
