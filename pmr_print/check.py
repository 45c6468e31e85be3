"""`pmr-print check`: every language loads, and all agree on ids, timings and protocols."""

from __future__ import annotations

import pathlib
from collections.abc import Callable, Iterable

from pmr_print.checks import folder_problems, passage_problems
from pmr_print.loader import languages, load_guide
from pmr_print.loader.sizes import TooLarge
from pmr_print.model import Guide, MuscleGroup, Protocol, Step
from pmr_print.problems import ContentError, Problem


def check_content(
    content_dir: pathlib.Path, inspect: Callable[[Guide], Iterable[Problem]] | None = None
) -> list[Problem]:
    """Every problem in the content folder, sorted; an empty list means it is fine. `inspect`
    adds the problems of one loaded guide that need more than the model (fonts, say)."""
    langs = languages(content_dir)
    if not langs:
        return [Problem(str(content_dir), 1, "no language folder with a guide.md found")]
    problems: list[Problem] = []
    guides: list[Guide] = []
    for lang in langs:
        try:
            guides.append(load_guide(content_dir, lang))
        except TooLarge as error:  # what a build refuses; the other checks would read it all
            problems.extend(error.problems)
            continue
        except ContentError as error:
            problems.extend(error.problems)
        problems.extend(folder_problems(content_dir / lang))
    reference = next((g for g in guides if g.lang == "en"), guides[0] if guides else None)
    for guide in guides:
        if reference is not None and guide is not reference:
            problems.extend(compare(reference, guide))
        problems.extend(missing_alt_texts(guide))
        problems.extend(passage_problems(reference, guide, len(guides)))
        if inspect is not None:
            problems.extend(inspect(guide))
    return sorted(set(problems))


def missing_alt_texts(guide: Guide) -> list[Problem]:
    """Every muscle group and combined step whose figure has no words for screen readers."""
    groups = {group.id for group in guide.groups}
    combined: list[MuscleGroup | Step] = [
        step for protocol in guide.protocols for step in protocol.steps if step.id not in groups
    ]
    return [no_alt_text(figure) for figure in [*guide.groups, *combined] if not figure.alt]


def no_alt_text(figure: MuscleGroup | Step) -> Problem:
    return Problem.at(
        figure.source,
        f"'{figure.id}' has no {{.alt}} paragraph: add one saying in words what its figure "
        "shows, for screen readers (the HTML edition)",
    )


def compare(reference: Guide, guide: Guide) -> list[Problem]:
    """What `guide` does differently from `reference` beyond the wording."""
    problems = []
    theirs = {group.id: group for group in guide.groups}
    for group in reference.groups:
        other = theirs.get(group.id)
        if other is None:
            continue  # the loader already reported the missing group
        if (other.tense_seconds, other.relax_seconds) != (group.tense_seconds, group.relax_seconds):
            problems.append(
                Problem.at(
                    other.source,
                    f"timing of '{group.id}' differs from {reference.lang} ({group.source})",
                )
            )
    problems.extend(compare_protocols(reference, guide))
    their_dois = {ref.doi for ref in guide.references}
    for ref in reference.references:
        if ref.doi not in their_dois:
            problems.append(
                Problem.at(
                    guide.section("references").source,
                    f"reference {ref.doi} of {reference.lang} is missing",
                )
            )
    return problems


def compare_protocols(reference: Guide, guide: Guide) -> list[Problem]:
    problems = []
    theirs = {protocol.id: protocol for protocol in guide.protocols}
    for protocol in reference.protocols:
        other = theirs.get(protocol.id)
        if other is None:
            where = guide.section("protocols").source
            problems.append(
                Problem.at(where, f"protocol '{protocol.id}' of {reference.lang} is missing")
            )
        elif shape(other, guide) != shape(protocol, reference):
            problems.append(
                Problem.at(
                    other.source,
                    f"protocol '{protocol.id}' has other steps or timings than in "
                    f"{reference.lang} ({protocol.source})",
                )
            )
        else:
            problems.extend(compare_clauses(protocol, other, reference.lang))
    ours = {protocol.id for protocol in reference.protocols}
    for other in guide.protocols:
        if other.id not in ours:
            problems.append(
                Problem.at(other.source, f"protocol '{other.id}' is not in {reference.lang}")
            )
    return problems


def compare_clauses(protocol: Protocol, other: Protocol, lang: str) -> list[Problem]:
    """Every language marks words for the same groups in each step, so that leaving a group
    out prints the same step in each."""
    problems = []
    for ours, theirs in zip(protocol.steps, other.steps, strict=True):
        marked = set(ours.instruction.clause_groups)
        if set(theirs.instruction.clause_groups) != marked:
            problems.append(
                Problem.at(
                    theirs.instruction.source,
                    f"step '{theirs.id}' marks words for other groups than in {lang} "
                    f"({' '.join(sorted(marked)) or 'none'}, {ours.instruction.source})",
                )
            )
    return problems


def shape(protocol: Protocol, guide: Guide) -> tuple[object, ...]:
    """Steps, rounds and timings; a step that keeps its group's own timing is named, not timed,
    so that a group timing that differs is reported once, on the group."""
    groups = {group.id: group for group in guide.groups}
    steps: list[object] = []
    for step in protocol.steps:
        group = groups.get(step.id)
        own = group is not None and (group.tense_seconds, group.relax_seconds) == (
            step.tense_seconds,
            step.relax_seconds,
        )
        steps.append(
            step.id if own else (step.id, step.covers, step.tense_seconds, step.relax_seconds)
        )
    return tuple(steps), protocol.rounds, protocol.settle_seconds
