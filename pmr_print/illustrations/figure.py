"""Puts a card's figure together: views laid out, posed, lit, cued, and kept inside the card."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Group

from pmr_print.illustrations import groups, layout
from pmr_print.illustrations.colours import FigureColours
from pmr_print.illustrations.geometry import build
from pmr_print.illustrations.paint import ACCENT_WEIGHT, Painter
from pmr_print.illustrations.views import VIEWS


def _keep_inside(group: Group, width: float, height: float, pad: float) -> None:
    """Shrink the content about the card centre if it would reach past the card's edge."""
    x0, y0, x1, y1 = group.getBounds()
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    if x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height:
        return
    cx, cy = width / 2, height / 2
    k = min(
        cx / max(cx - x0, 1e-9),
        (width - cx) / max(x1 - cx, 1e-9),
        cy / max(cy - y0, 1e-9),
        (height - cy) / max(y1 - cy, 1e-9),
    )
    group.transform = (k, 0, 0, k, cx * (1 - k), cy * (1 - k))


def draw(
    ids: Sequence[str],
    width: float,
    height: float,
    colours: FigureColours,
    motion_cues: bool,
    posed: bool = True,
) -> Drawing:
    plan = groups.panels(ids)
    unit = layout.line_unit(width, height)
    painter = Painter(colours, unit)
    transforms = layout.panels([VIEWS[p.view].frame for p in plan], width, height)
    content = Group()
    for panel, m in zip(plan, transforms, strict=True):
        pose = panel.pose if posed else frozenset()
        for shape in painter.pieces(build(panel.view, pose), panel.lit, m):
            content.add(shape)
        if motion_cues:
            for shape in painter.cues(panel.cues, m):
                content.add(shape)
    _keep_inside(content, width, height, ACCENT_WEIGHT * unit)
    drawing = Drawing(width, height)
    drawing.add(content)
    return drawing
