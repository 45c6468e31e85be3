"""Every passage paired with its own translation: the bilingual edition prints each English
paragraph or list item beside the Chinese one with the same id (`{#id}` at its end), so a
passage without an id, or without a partner in another language, is reported."""

from __future__ import annotations

from pmr_print.model import SECTION_IDS, Guide, Paragraph, Section
from pmr_print.problems import Problem

# The sections whose passages a bilingual edition pairs; the muscle groups and protocols pair by
# their own ids and the references by DOI.
PAIRED = tuple(name for name in SECTION_IDS if name not in ("references", "protocols"))
NO_ID = (
    "this passage has no id: end it with {#some-id}, the same id as its translation's, so that "
    "the bilingual edition prints the two side by side"
)


def passages(section: Section) -> tuple[Paragraph, ...]:
    """The section's paragraphs and list items, in order."""
    found: list[Paragraph] = []
    for block in section.blocks:
        found += [block] if isinstance(block, Paragraph) else list(block.items)
    return tuple(found)


def unnamed_passages(guide: Guide) -> list[Problem]:
    """Each passage of a paired section without an id, and each id used twice in a guide."""
    problems: list[Problem] = []
    seen: dict[str, Paragraph] = {}
    for section_id in PAIRED:
        for passage in passages(guide.section(section_id)):
            first = seen.get(passage.id)
            if not passage.id:
                problems.append(Problem.at(passage.source, NO_ID))
            elif first is not None:
                problems.append(
                    Problem.at(
                        passage.source,
                        f"passage id '{passage.id}' is used twice (first at line "
                        f"{first.source.line})",
                    )
                )
            else:
                seen[passage.id] = passage
    return problems


def unpaired_passages(reference: Guide, guide: Guide) -> list[Problem]:
    """Each passage of `guide` without a partner in `reference`, each of `reference` without one
    in `guide`, and partners in another order (the bilingual layout pairs them in order)."""
    problems: list[Problem] = []
    for section_id in PAIRED:
        ours = {p.id: p for p in passages(reference.section(section_id)) if p.id}
        theirs = {p.id: p for p in passages(guide.section(section_id)) if p.id}
        for passage_id, passage in theirs.items():
            if passage_id not in ours:
                problems.append(
                    Problem.at(
                        passage.source,
                        f"passage '{passage_id}' has no partner in {reference.lang} (section "
                        f"'{section_id}'): give its translation the same id",
                    )
                )
        for passage_id, passage in ours.items():
            if passage_id not in theirs:
                problems.append(
                    Problem.at(
                        guide.section(section_id).source,
                        f"passage '{passage_id}' of {reference.lang} ({passage.source}) has no "
                        f"partner in section '{section_id}': translate it and end it with "
                        f"{{#{passage_id}}}",
                    )
                )
        problems += misordered(reference.lang, ours, theirs)
    return problems


def misordered(
    lang: str, ours: dict[str, Paragraph], theirs: dict[str, Paragraph]
) -> list[Problem]:
    """The first passage that stands elsewhere than its partner, among those both languages have."""
    both = [passage_id for passage_id in ours if passage_id in theirs]
    order = [passage_id for passage_id in theirs if passage_id in ours]
    for expected, found in zip(both, order, strict=True):
        if expected != found:
            return [
                Problem.at(
                    theirs[found].source,
                    f"passage '{found}' stands elsewhere than in {lang} ({ours[found].source}): "
                    f"put the passages in the same order, '{expected}' first",
                )
            ]
    return []
