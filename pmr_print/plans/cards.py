"""The step cards as a set, in one language: their heading, the guide's title, the protocol line
and a step plan per card."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmr_print.model import Guide, Step
from pmr_print.options import Settings
from pmr_print.plans.step import StepPlan, plan_steps


@dataclass(frozen=True)
class CardsPlan:
    lang: str
    heading: str  # "Step cards"
    title: str  # the guide's title
    protocol: str  # "Protocol: Standard"
    steps: tuple[StepPlan, ...]

    def pretty(self) -> str:
        head = f"{self.heading} · {self.title} · {self.protocol}\n\n"
        return head + "\n".join(step.pretty() for step in self.steps)


def plan_cards(guide: Guide, settings: Settings, steps: Sequence[Step] | None = None) -> CardsPlan:
    """A card per step: of `steps` (the protocol without the groups left out, in the booklet),
    or of the settings' protocol."""
    labels = guide.labels
    return CardsPlan(
        lang=guide.lang,
        heading=labels("Step cards"),
        title=guide.title,
        protocol=labels("Protocol: {name}", name=settings.protocol.name),
        steps=plan_steps(guide, settings, steps),
    )
