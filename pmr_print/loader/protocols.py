"""Read the `protocols` section: step lists, combined steps and timings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from pmr_print.loader.attributes import Attributes
from pmr_print.loader.blocks import AttributedParagraph
from pmr_print.loader.clauses import check_step_clauses, report_stray_clauses
from pmr_print.loader.outline import Node
from pmr_print.model import MuscleGroup, Paragraph, Protocol, Step
from pmr_print.problems import Problem

PROTOCOL_ATTRS = frozenset({"steps", "tense", "relax", "rounds", "settle"})
COMBINED_ATTRS = frozenset({"covers", "tense", "relax"})


def paragraphs(node: Node, css_class: str | None = None) -> list[Paragraph]:
    """The node's paragraphs marked {.css_class}, or its unmarked ones when css_class is None."""
    wanted = () if css_class is None else (css_class,)
    return [
        block.paragraph
        for block in node.blocks
        if isinstance(block, AttributedParagraph) and block.classes == wanted
    ]


def alt_text(node: Node, attrs: Attributes) -> str:
    """The {.alt} paragraph under a muscle group or combined step: what its figure shows, in
    words, for screen readers (plain text). Missing is fine here; `pmr-print check` says so."""
    found = paragraphs(node, "alt")
    if len(found) > 1:
        attrs.report(f"'{node.id}' has {len(found)} {{.alt}} paragraphs; give it one")
    return found[0].text.replace("\n", " ").strip() if found else ""


def read_protocol(
    node: Node, groups: Mapping[str, MuscleGroup], declared: set[str], problems: list[Problem]
) -> Protocol | None:
    attrs = Attributes(node.heading.attrs, node.source, problems, "protocol", PROTOCOL_ATTRS)
    tense = attrs.seconds("tense")
    relax = attrs.seconds("relax", minimum=1)
    rounds = attrs.seconds("rounds", minimum=1)
    settle = attrs.seconds("settle")
    summary = paragraphs(node)
    if not summary:
        attrs.report(f"protocol '{node.id}' needs a summary paragraph under its heading")
        return None
    cue = paragraphs(node, "cue")
    report_stray_clauses([*summary, *cue], problems)
    if tense == 0 and not cue:
        attrs.report(f"release-only protocol '{node.id}' (tense=0) needs a {{.cue}} paragraph")
    steps = read_steps(node, attrs, groups, declared, problems)
    if not steps:
        return None
    ids = [step.id for step in steps]
    for step_id in sorted({i for i in ids if ids.count(i) > 1}):
        attrs.report(f"duplicate id '{step_id}' in protocol '{node.id}'")
    if tense is not None or relax is not None or cue:
        steps = [adjust(step, tense, relax, cue[0] if cue else None) for step in steps]
    return Protocol(
        node.id, node.heading.text, summary[0], tuple(steps), rounds or 1, settle or 0, node.source
    )


def adjust(step: Step, tense: int | None, relax: int | None, cue: Paragraph | None) -> Step:
    return replace(
        step,
        instruction=cue or step.instruction,
        tense_seconds=step.tense_seconds if tense is None else tense,
        relax_seconds=step.relax_seconds if relax is None else relax,
    )


def read_steps(
    node: Node,
    attrs: Attributes,
    groups: Mapping[str, MuscleGroup],
    declared: set[str],
    problems: list[Problem],
) -> list[Step]:
    names = attrs.words("steps")
    if names is not None and node.children:
        attrs.report(f"protocol '{node.id}' has both steps=... and #### steps: use one")
        return []
    if (names is None and not node.children) or names == ():
        attrs.report(f"protocol '{node.id}' has no steps: add steps=\"feet ...\" or #### steps")
        return []
    if names is None:
        found = [read_combined_step(child, declared, problems) for child in node.children]
        return [step for step in found if step is not None]
    unknown = [name for name in names if name not in declared]
    for name in unknown:
        attrs.report(f"protocol '{node.id}' names unknown step '{name}'")
    return [step_of(groups[name]) for name in names if name in groups]


def step_of(group: MuscleGroup) -> Step:
    return Step(
        group.id,
        group.name,
        group.instruction,
        (group.id,),
        group.tense_seconds,
        group.relax_seconds,
        group.source,
        alt=group.alt,
    )


def read_combined_step(node: Node, declared: set[str], problems: list[Problem]) -> Step | None:
    attrs = Attributes(node.heading.attrs, node.source, problems, "combined step", COMBINED_ATTRS)
    if node.heading.level != 4 or node.children:
        attrs.report("a combined step is a #### heading with no headings inside it")
    tense = attrs.seconds("tense", required=True)
    relax = attrs.seconds("relax", required=True, minimum=1)
    covers = attrs.words("covers") or ()
    if not covers:
        attrs.report(f"combined step '{node.id}' needs covers=\"group ...\"")
    for name in covers:
        if name not in declared:
            attrs.report(f"combined step '{node.id}' covers unknown muscle group '{name}'")
    instruction = paragraphs(node)
    if len(instruction) != 1:
        attrs.report(f"combined step '{node.id}' needs exactly one instruction paragraph")
    alt = alt_text(node, attrs)
    if tense is None or relax is None or not instruction or not covers:
        return None
    check_step_clauses(node.id, instruction[0], covers, problems)
    return Step(
        node.id, node.heading.text, instruction[0], covers, tense, relax, node.source, alt=alt
    )
