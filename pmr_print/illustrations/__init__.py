"""Step-card figures for the 13 muscle groups of Progressive Muscle Relaxation.

One calm figure family drawn as data (body outlines plus named regions in body units), with the
active group lit in an accent colour, hatched and outlined more strongly so it survives
grayscale, and small motion cues (arrows, tension marks). No text is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing

from pmr_print.illustrations import figure, groups
from pmr_print.illustrations.colours import FigureColours
from pmr_print.model import GROUP_IDS

__all__ = ["GROUP_IDS", "FigureColours", "draw_figure", "highlighted_regions"]


def highlighted_regions(groups_: Sequence[str]) -> frozenset[str]:
    """Names of the drawn regions lit for these groups (e.g. {'front.thigh.left',
    'front.thigh.right'}). Raises ValueError for an unknown group id."""
    return frozenset().union(*(p.lit for p in groups.panels(groups_)))


def draw_figure(
    groups: Sequence[str],
    width: float,
    height: float,
    colours: FigureColours = FigureColours.colour(),  # noqa: B008 (frozen, so safe)
    motion_cues: bool = True,
    tensed: bool = True,
) -> Drawing:
    """A reportlab.graphics.shapes.Drawing of exactly width x height points, figure centred and
    scaled to fit with a small inner margin, never drawing outside its bounds. ``tensed=False``
    (release-only steps) lights the groups on a figure at rest: no pose and no motion cues."""
    return figure.draw(groups, width, height, colours, motion_cues and tensed, tensed)
