"""Problems found in content or input, reported as `FILE:LINE: message`, all at once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pmr_print.model import Source


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    @classmethod
    def at(cls, source: Source, message: str) -> Problem:
        return cls(source.path, source.line, message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class PmrError(Exception):
    """An error meant for the user: printed as one line each, never as a traceback."""


class ContentError(PmrError):
    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class UsageError(PmrError):
    """A bad command-line option or API argument."""


SHOWN_PROBLEMS = 20  # problems listed where a person reads them; the rest are counted


def summarised(lines: Sequence[str], shown: int = SHOWN_PROBLEMS) -> list[str]:
    """The first `shown` lines, then "and 9,998 more" when there are more: what a terminal, a
    response header or a page shows of a long list (the full list goes where the user keeps
    it: a problems file beside the output, in the zip, or the JSON body).

    >>> summarised([f"row {n}" for n in range(1, 10_000)], 2)
    ['row 1', 'row 2', 'and 9,997 more']
    """
    if len(lines) <= shown:
        return list(lines)
    return [*lines[:shown], f"and {len(lines) - shown:,} more"]
