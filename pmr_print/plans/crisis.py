"""Where to get help at once, in one language: the clinic's emergency and crisis numbers
(--crisis-line) or, without them, "your local emergency number" (no one number, such as 120,
is right for every reader of a language). The handout's and booklet's cautions, the booklet's
back cover and the facilitator script all say it from here; the back cover adds the clinic's
name (--clinic) and asks the client to bring the booklet to the next session."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pmr_print.languages import language
from pmr_print.model import BulletList, Guide, Paragraph, Section, Span
from pmr_print.options import Settings


@dataclass(frozen=True)
class CrisisPlan:
    title: str  # "If you need help now"
    urgent: str  # chest pain, breathlessness, faintness: stop and get help
    numbers: str  # the clinic's numbers as given, or ""
    call: str  # "Emergency and crisis numbers: …", or "Call your local emergency number."
    label: str  # "Emergency and crisis numbers"

    @property
    def lines(self) -> tuple[str, ...]:
        return (self.urgent, self.call)


def plan_crisis(guide: Guide, settings: Settings) -> CrisisPlan:
    labels = guide.labels
    label = labels("Emergency and crisis numbers")
    numbers = unbroken(settings.crisis_line.strip())
    call = (
        language(guide.lang).labelled(label, numbers)
        if numbers
        else labels("Call your local emergency number.")
    )
    urgent = labels(
        "Chest pain or tightness, severe breathlessness or feeling faint: stop at once and get "
        "help."
    )
    return CrisisPlan(labels("If you need help now"), urgent, numbers, call, label)


def unbroken(numbers: str) -> str:
    """The numbers with no-break spaces inside each ("116 123", "(020) 7946 0000"), so that a
    line never breaks inside a number (no space is left between two digits or brackets)."""
    return NUMBER_SPACE.sub("\u00a0", numbers)


NUMBER_SPACE = re.compile(r"(?<=[0-9)]) +(?=[0-9(])")


@dataclass(frozen=True)
class BackCoverPlan:
    """The booklet's back cover in one language: the clinic (as given, or ""), a reminder to
    bring the booklet along, and where to get help at once."""

    clinic: str
    reminder: str  # "Bring this booklet to your next session."
    crisis: CrisisPlan


def plan_back_cover(guide: Guide, settings: Settings, clinic: str) -> BackCoverPlan:
    reminder = guide.labels("Bring this booklet to your next session.")
    return BackCoverPlan(clinic.strip(), reminder, plan_crisis(guide, settings))


def with_numbers(section: Section, guide: Guide, settings: Settings) -> Section:
    """The cautions with the clinic's numbers as their last bullet (unchanged without them:
    the guide's own words then say to call the local emergency number)."""
    crisis = plan_crisis(guide, settings)
    if not crisis.numbers:
        return section
    colon = language(guide.lang).labelled("", "")
    spans = (Span(crisis.label, bold=True), Span(colon + crisis.numbers))
    item = Paragraph(spans, section.source, "crisis-line")  # paired with its translation by id
    blocks = list(section.blocks)
    last = max((i for i, b in enumerate(blocks) if isinstance(b, BulletList)), default=None)
    if last is None:
        blocks.append(BulletList((item,), section.source))
    else:
        bullets = blocks[last]
        assert isinstance(bullets, BulletList)
        blocks[last] = BulletList((*bullets.items, item), bullets.source)
    return Section(section.id, section.title, tuple(blocks), section.source)
