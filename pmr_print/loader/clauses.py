"""Check the clauses marked `[words]{group=id}` in instructions.

A combined step works several muscle groups with one instruction. Words that ask for one group
only are marked with it, so that a handout that leaves the group out drops them, instead of
printing "Leave out: Back" under "arching your back".
"""

from __future__ import annotations

from collections.abc import Iterable

from pmr_print.model import Block, BulletList, Paragraph
from pmr_print.problems import Problem

# The groups whose movement the cautions rule out for a condition (back or neck problems): a
# combined step must let them go, so their words must be marked.
MUST_BE_MARKED = ("back", "neck")
GUIDE = "see content/README.md, 'Clauses'"


def check_step_clauses(
    step_id: str, instruction: Paragraph, covers: tuple[str, ...], problems: list[Problem]
) -> None:
    """A combined step's clauses name groups it covers, leave some words unmarked, and mark
    every group in MUST_BE_MARKED that it covers with others."""

    def report(message: str) -> None:
        problems.append(Problem.at(instruction.source, message))

    marked = instruction.clause_groups
    for group in marked:
        if group not in covers:
            report(
                f"combined step '{step_id}' marks words for '{group}', which it does not cover "
                f"(covers: {' '.join(covers)})"
            )
    if marked and not instruction.without(frozenset(marked)).text.strip():
        report(f"combined step '{step_id}': leave the words every client does unmarked ({GUIDE})")
    if len(covers) < 2:
        return
    for group in MUST_BE_MARKED:
        if group in covers and group not in marked:
            report(
                f"combined step '{step_id}' covers '{group}' but marks no words for it: mark "
                f"the words that ask for it as [words]{{group={group}}}, so that they are "
                f"dropped when a clinician leaves it out (--omit {group}); {GUIDE}"
            )


def report_stray_clauses(blocks: Iterable[Block | Paragraph], problems: list[Problem]) -> None:
    """Marked clauses mean something only in a combined step's instruction."""
    for block in blocks:
        for paragraph in block.items if isinstance(block, BulletList) else (block,):
            for group in paragraph.clause_groups:
                problems.append(
                    Problem.at(
                        paragraph.source,
                        f"words marked {{group={group}}} only work in the instruction of a "
                        f"combined step (a #### heading under 'protocols'); {GUIDE}",
                    )
                )
