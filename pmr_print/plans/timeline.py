"""A protocol as a timeline: what happens at which running time (0:00, 0:05, 0:15 ...)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pmr_print.model import Protocol, Step


@dataclass(frozen=True)
class Moment:
    """From `at` seconds on, for `seconds`: tense or relax a step, the quiet time, or the end."""

    at: int
    kind: str  # "tense", "relax", "quiet" or "end"
    seconds: int = 0
    step: Step | None = None
    number: int = 0  # the step's number in its round, from 1
    round: int = 1


def moments(protocol: Protocol) -> Iterator[Moment]:
    at = 0
    for round_ in range(1, protocol.rounds + 1):
        for number, step in enumerate(protocol.steps, start=1):
            if step.tense_seconds:
                yield Moment(at, "tense", step.tense_seconds, step, number, round_)
                at += step.tense_seconds
            yield Moment(at, "relax", step.relax_seconds, step, number, round_)
            at += step.relax_seconds
    if protocol.settle_seconds:
        yield Moment(at, "quiet", protocol.settle_seconds)
        at += protocol.settle_seconds
    yield Moment(at, "end")


def starts(protocol: Protocol) -> dict[tuple[int, int], int]:
    """When each step begins: (round, number) to seconds."""
    found: dict[tuple[int, int], int] = {}
    for moment in moments(protocol):
        if moment.step is not None:
            found.setdefault((moment.round, moment.number), moment.at)
    return found


def clock(seconds: int) -> str:
    """0:00, 0:15, 4:15, 19:03."""
    return f"{seconds // 60}:{seconds % 60:02d}"
