"""Paper sizes, margins, type scale and colours: plain numbers, no ReportLab."""

from __future__ import annotations

import math
from dataclasses import dataclass

MM = 72 / 25.4

PAPER_SIZES: dict[str, tuple[float, float]] = {
    "a4": (210 * MM, 297 * MM),
    "letter": (8.5 * 72, 11 * 72),
}


def half_sheet(paper: str) -> tuple[float, float]:
    """The upright page of a booklet folded from `paper`: half the sheet (A5 from A4, half-Letter
    from Letter). A paper measured in whole millimetres halves as ISO 216 does, down to the
    millimetre (A5 is 148 mm wide, not 148.5)."""
    width, height = PAPER_SIZES[paper]
    half = height / 2
    if all(abs(side / MM - round(side / MM)) < 1e-6 for side in (width, height)):
        half = math.floor(half / MM + 1e-6) * MM
    return (half, width)


@dataclass(frozen=True)
class Colours:
    ink: str
    muted: str
    accent: str
    accent_soft: str
    caution: str
    caution_soft: str
    rule: str
    link: str


COLOUR = Colours(
    ink="#1D2428",
    muted="#5B6770",
    accent="#2F6F73",
    accent_soft="#E4F0EF",
    caution="#9A3412",
    caution_soft="#FDF0E7",
    rule="#C9D3D6",
    link="#1F5F8B",
)
GRAY = Colours(
    ink="#000000",
    muted="#4D4D4D",
    accent="#333333",
    accent_soft="#EBEBEB",
    caution="#000000",
    caution_soft="#E0E0E0",
    rule="#999999",
    link="#000000",
)


@dataclass(frozen=True)
class TypeScale:
    body: float
    small: float
    h1: float
    h2: float
    h3: float
    cell: float  # table text; as large as the body in large print, where tables matter most

    @property
    def leading(self) -> float:
        return self.body * 1.45


NORMAL_TYPE = TypeScale(body=10.5, small=8.5, h1=22, h2=14, h3=11.5, cell=9)
LARGE_TYPE = TypeScale(body=16, small=13, h1=28, h2=20, h3=17, cell=16)


@dataclass(frozen=True)
class Theme:
    paper: str
    page_size: tuple[float, float]
    margin: float
    type: TypeScale
    colours: Colours
    large_print: bool
    grayscale: bool


def make_theme(paper: str, large_print: bool = False, grayscale: bool = False) -> Theme:
    return Theme(
        paper=paper,
        page_size=PAPER_SIZES[paper],
        margin=18 * MM,
        type=LARGE_TYPE if large_print else NORMAL_TYPE,
        colours=GRAY if grayscale else COLOUR,
        large_print=large_print,
        grayscale=grayscale,
    )
