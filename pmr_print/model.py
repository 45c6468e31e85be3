"""The document model: what a guide says, free of any parser or PDF library.

Everything carries the `Source` it came from, so that a problem found later (a missing glyph, a
text too long for a card) can still name FILE:LINE.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import ClassVar

from pmr_print.labels import Labels

GROUP_IDS: tuple[str, ...] = (
    "feet",
    "lower-legs",
    "upper-legs",
    "buttocks",
    "abdomen",
    "chest",
    "back",
    "shoulders",
    "arms-hands",
    "neck",
    "jaw",
    "eyes",
    "forehead",
)

SECTION_IDS: tuple[str, ...] = (
    "about",
    "preparation",
    "breathing",
    "sequence",
    "post-relaxation",
    "practice-plan",
    "considerations",
    "drawbacks",
    "benefits",
    "screening",
    "references",
    "protocols",
)


@dataclass(frozen=True)
class Source:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Span:
    """A run of text with one style; `href` makes it a link. `group` marks words of a combined
    step that ask for that muscle group only (`[, arching your back]{group=back}`): they are
    dropped when that group is left out."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]
    source: Source
    id: str = ""
    """The passage's id (`{#id}` at its end in guide.md), shared with its translation: the
    bilingual edition pairs passages by it, and `pmr-print check` reports one without a
    partner."""

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def clause_groups(self) -> tuple[str, ...]:
        """The muscle groups that have words of their own in this paragraph, in order."""
        return tuple(dict.fromkeys(span.group for span in self.spans if span.group))

    def without(self, groups: frozenset[str]) -> Paragraph:
        """This paragraph without the words of the given muscle groups."""
        return replace(self, spans=tuple(s for s in self.spans if s.group not in groups))


@dataclass(frozen=True)
class BulletList:
    items: tuple[Paragraph, ...]
    source: Source


Block = Paragraph | BulletList


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]
    source: Source

    @property
    def items(self) -> tuple[Paragraph, ...]:
        """Every bullet of every list in the section, in order."""
        return tuple(
            item for block in self.blocks if isinstance(block, BulletList) for item in block.items
        )


@dataclass(frozen=True)
class MuscleGroup:
    id: str
    name: str
    instruction: Paragraph
    tense_seconds: int
    relax_seconds: int
    source: Source
    alt: str = ""
    """What the group's figure shows, for screen readers (the `{.alt}` paragraph); empty when
    the content has none, which `pmr-print check` reports."""


@dataclass(frozen=True)
class Step:
    """One step of a protocol: a muscle group, or several worked together."""

    id: str
    name: str
    instruction: Paragraph
    covers: tuple[str, ...]
    tense_seconds: int
    relax_seconds: int
    source: Source
    left_out: tuple[str, ...] = ()
    """Groups this step covers that are left out for one client (Protocol.without) and that its
    instruction still asks for, having no words of their own to drop."""
    alt: str = ""
    """What the step's figure shows, for screen readers: its group's, or a combined step's own
    `{.alt}` paragraph."""

    @property
    def seconds(self) -> int:
        return self.tense_seconds + self.relax_seconds

    @property
    def release_only(self) -> bool:
        return self.tense_seconds == 0


@dataclass(frozen=True)
class Protocol:
    id: str
    name: str
    summary: Paragraph
    steps: tuple[Step, ...]
    rounds: int
    settle_seconds: int
    source: Source

    @property
    def total_seconds(self) -> int:
        return self.rounds * sum(step.seconds for step in self.steps) + self.settle_seconds

    def without(self, omitted: frozenset[str]) -> Protocol:
        """This protocol with the omitted muscle groups left out of every step. A step of one
        group drops out; a combined step keeps its other groups, drops the words marked for an
        omitted group, and records in `left_out` the omitted groups its words still ask for."""
        kept = []
        for step in self.steps:
            covers = tuple(group for group in step.covers if group not in omitted)
            if covers:
                dropped = omitted & set(step.instruction.clause_groups)
                left_out = tuple(g for g in step.covers if g in omitted and g not in dropped)
                instruction = step.instruction.without(frozenset(dropped))
                kept.append(
                    replace(step, covers=covers, left_out=left_out, instruction=instruction)
                )
        return replace(self, steps=tuple(kept))


@dataclass(frozen=True)
class Reference:
    text: Paragraph
    doi: str


@dataclass(frozen=True)
class Cues:
    tense: str
    relax: str
    relax_word: str


@dataclass(frozen=True)
class Guide:
    lang: str
    title: str
    subtitle: str
    cues: Cues
    sections: tuple[Section, ...]
    groups: tuple[MuscleGroup, ...]
    protocols: tuple[Protocol, ...]
    references: tuple[Reference, ...]
    source: Source
    labels: Labels = field(default_factory=lambda: Labels({}), compare=False, hash=False)
    """Interface labels from the language's labels.po: msgid to translation."""

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def group(self, group_id: str) -> MuscleGroup:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    def protocol(self, protocol_id: str) -> Protocol:
        for protocol in self.protocols:
            if protocol.id == protocol_id:
                return protocol
        raise KeyError(protocol_id)


@dataclass(frozen=True)
class Bilingual:
    """A bilingual edition (`--lang bi`): the English and the Chinese guide of one content folder,
    to be printed in parallel, English first (left or above), Chinese second.

    The two are aligned by id, not by position: `en.section(id)` and `zh.section(id)`, and the steps
    of `en.protocol(id)` and `zh.protocol(id)`, which `pmr_print.edition.load_edition` has checked
    to have the same ids, timings and references. A product that prints a bilingual edition takes
    `Guide | Bilingual` (an `Edition`) and is given a pair of Settings, one per language
    (`pmr_print.options.resolve_pair`); a composer (booklet, workshop) passes the pair through to
    the products' bilingual pieces.
    """

    en: Guide
    zh: Guide
    lang: ClassVar[str] = "bi"

    @property
    def guides(self) -> tuple[Guide, Guide]:
        """Both guides in printing order: English, then Chinese."""
        return (self.en, self.zh)


Edition = Guide | Bilingual
"""What a product prints: one language, or both in parallel."""
