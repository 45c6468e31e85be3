"""One step as a card, a booklet page, a slide or an HTML card says it, in one language.

`plan_step` chooses every word once: the name, "Step 3 of 13" and its "3 / 13" badge, the
instruction, a note on the groups left out for this client, the safety line, and the timing
strip's parts with their seconds, labels, cue words and legend lines, each label joined to its cue
with the language's own colon. Painters place these words; none writes a word of its own. A
bilingual painter is given a plan per language and pairs them (`joined`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from babel.lists import format_list

from pmr_print.languages import SEPARATOR, language
from pmr_print.model import Guide, Paragraph, Source, Step
from pmr_print.options import Settings


@dataclass(frozen=True)
class StripPart:
    """One part of the timing strip: tensing, or relaxing."""

    kind: str  # "tense" or "relax": the part's colour and its CSS class
    seconds: int
    label: str  # "Tense 5 s"
    cue: str  # "Keep breathing"; a release-only step's relax part: "Breathe normally, …"
    legend: str  # the legend's line: "Tense 5 s: Keep breathing"


@dataclass(frozen=True)
class Figure:
    """What the step's figure shows: its groups lit, tensed or at rest, and its alt text."""

    id: str  # "figure-3", unique on a page of cards
    covers: tuple[str, ...]
    tensed: bool
    alt: str


@dataclass(frozen=True)
class StepPlan:
    """Everything one step says in one language, in reading order."""

    lang: str
    id: str
    source: Source
    number: int
    count: int
    name: str
    step_line: str  # "Step 3 of 13"
    badge: str  # "3 / 13"
    figure: Figure
    instruction: Paragraph
    left_out: str  # "Leave out: Back and neck", or "" when the step asks for no group left out
    safety: str  # "Stop if it hurts."
    strip: tuple[StripPart, ...]  # "tense" (unless release-only), then "relax"
    relax_word: str  # the cue word on the strip's relax part

    @property
    def tense_seconds(self) -> int:
        return sum(part.seconds for part in self.strip if part.kind == "tense")

    @property
    def relax_seconds(self) -> int:
        return sum(part.seconds for part in self.strip if part.kind == "relax")

    @property
    def release_only(self) -> bool:
        return self.tense_seconds == 0

    def pretty(self) -> str:
        """The plan as plain text, a line a part, for tests and for reading."""
        figure = self.figure
        pose = "tensed" if figure.tensed else "at rest"
        lines = [
            f"{self.step_line}  [{self.badge}]",
            f"# {self.name}",
            f"({figure.id}: {', '.join(figure.covers)}, {pose})",
            self.instruction.text,
            *([self.left_out] if self.left_out else []),
            self.safety,
            *(f"[{part.kind} {part.seconds}] {part.legend}" for part in self.strip),
            f"[word] {self.relax_word}",
        ]
        return "\n".join(lines) + "\n"


def plan_step(guide: Guide, settings: Settings, step: Step, number: int, count: int) -> StepPlan:
    """What step `number` of `count` says in the guide's language."""
    labels = guide.labels
    return StepPlan(
        lang=guide.lang,
        id=step.id,
        source=step.source,
        number=number,
        count=count,
        name=step.name,
        step_line=labels("Step {number} of {count}", number=number, count=count),
        badge=f"{number} / {count}",
        figure=Figure(f"figure-{number}", step.covers, not step.release_only, step.alt),
        instruction=step.instruction,
        left_out=left_out_note(guide, settings, step),
        safety=labels("Stop if it hurts."),
        strip=strip_parts(guide, step),
        relax_word=guide.cues.relax_word,
    )


def plan_steps(
    guide: Guide, settings: Settings, steps: Sequence[Step] | None = None
) -> tuple[StepPlan, ...]:
    """A plan per step, numbered in order: of `steps`, or of the settings' protocol."""
    steps = settings.protocol.steps if steps is None else steps
    return tuple(
        plan_step(guide, settings, step, number, len(steps))
        for number, step in enumerate(steps, start=1)
    )


def left_out_note(guide: Guide, settings: Settings, step: Step) -> str:
    """A combined step whose wording still names a group left out says to leave it out."""
    if not step.left_out:
        return ""
    names = [guide.group(group).name for group in step.left_out]
    groups = format_list(names, locale=settings.locale)
    return guide.labels("Leave out: {groups}", groups=groups)


def strip_parts(guide: Guide, step: Step) -> tuple[StripPart, ...]:
    labels, cues, said = guide.labels, guide.cues, language(guide.lang).labelled
    parts = []
    if not step.release_only:
        label = labels("Tense {seconds} s", seconds=step.tense_seconds)
        parts.append(
            StripPart("tense", step.tense_seconds, label, cues.tense, said(label, cues.tense))
        )
    relax_cue = labels("Breathe normally, notice the area") if step.release_only else cues.relax
    label = labels("Relax {seconds} s", seconds=step.relax_seconds)
    parts.append(StripPart("relax", step.relax_seconds, label, relax_cue, said(label, relax_cue)))
    return tuple(parts)


def joined(texts: Sequence[str], separator: str = SEPARATOR) -> str:
    """One line of a bilingual step from each language's: "Feet · 双脚"."""
    return separator.join(texts)
