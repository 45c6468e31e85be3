"""Check the `{#id key=value}` attributes of headings and read their numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from pmr_print.limits import quoted
from pmr_print.model import Source
from pmr_print.problems import Problem

MAX_SECONDS = 3600


@dataclass
class Attributes:
    """One heading's attributes, checked against what its kind of heading allows."""

    values: dict[str, str]
    source: Source
    problems: list[Problem]
    what: str
    allowed: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        unknown = sorted(set(self.values) - self.allowed - {"id"})
        for name in unknown:
            allowed = ", ".join(sorted(self.allowed | {"id"}))
            self.report(f"unknown attribute '{name}' on {self.what} (allowed: {allowed})")
        if not self.values.get("id"):
            self.report(f"{self.what} needs an id: add {{#some-id}} at the end of the heading")

    def report(self, message: str) -> None:
        self.problems.append(Problem.at(self.source, message))

    def text(self, name: str) -> str | None:
        return self.values.get(name)

    def words(self, name: str) -> tuple[str, ...] | None:
        value = self.values.get(name)
        return None if value is None else tuple(value.split())

    def seconds(self, name: str, *, required: bool = False, minimum: int = 0) -> int | None:
        value = self.values.get(name)
        if value is None:
            if required:
                self.report(f"{self.what} '{self.values.get('id', '?')}' needs {name}=SECONDS")
            return None
        if not value.isascii() or not value.isdigit() or not minimum <= int(value) <= MAX_SECONDS:
            self.report(
                f"bad number {name}={quoted(str(value))} on {self.what}: "
                f"expected a whole number from {minimum} to {MAX_SECONDS}"
            )
            return None
        return int(value)
