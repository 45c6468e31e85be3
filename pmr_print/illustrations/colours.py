"""The two palettes a figure is printed in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FigureColours:
    """Hex colours (``#RRGGBB``) for the body, the active muscle group and the motion cues."""

    body_fill: str
    body_outline: str
    accent_fill: str
    accent_outline: str
    cue: str  # arrows and tension marks

    @classmethod
    def colour(cls) -> FigureColours:
        """A calm warm-grey body with a terracotta accent."""
        return cls(
            body_fill="#EDE7E1",
            body_outline="#8A7F77",
            accent_fill="#E0896B",
            accent_outline="#A4482E",
            cue="#A4482E",
        )

    @classmethod
    def grayscale(cls) -> FigureColours:
        """Pure grays; the accent is clearly darker than the body."""
        return cls(
            body_fill="#F0F0F0",
            body_outline="#7A7A7A",
            accent_fill="#A6A6A6",
            accent_outline="#3C3C3C",
            cue="#2E2E2E",
        )
