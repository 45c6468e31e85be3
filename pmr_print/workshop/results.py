"""What a workshop build gives back: packets, and a report of the files and the failed rows."""

from __future__ import annotations

import pathlib
from dataclasses import dataclass, field

from pmr_print.workshop.roster import RowProblem

OK, SOME_FAILED, NONE_BUILT = 0, 1, 2


@dataclass(frozen=True)
class Packet:
    """A packet twice: fillable (handout, then the log as a form) and for paper (the same pages
    without form fields or form font, padded to an even page count for duplex printing)."""

    id: str
    fillable: bytes
    paper: bytes


@dataclass
class WorkshopReport:
    """What a workshop build did: the files written, the rows that failed (by CSV line)."""

    written: list[pathlib.Path] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    built: int = 0

    @property
    def status(self) -> int:
        """0: every row built; 1: some rows failed; 2: no packet could be built."""
        if self.built == 0:
            return NONE_BUILT
        return SOME_FAILED if self.problems else OK
