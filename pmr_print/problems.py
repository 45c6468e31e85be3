"""Problems found in content or input, reported as `FILE:LINE: message`, all at once."""

from __future__ import annotations

from collections.abc import Iterable
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
