"""The booklet's back cover: the clinic, a reminder to bring the booklet, and where to get help
at once, in each language of the booklet (the words are the back-cover plan's), on the last
page of the stapled booklet."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer
from reportlab.platypus.flowables import DocWhile

from pmr_print.handout import Voices
from pmr_print.pdf.text import plain_paragraph


def to_back_cover() -> list[Flowable]:
    """Page breaks to the next page whose number is a multiple of four (the outside back of a
    stapled booklet), the pages on the way left blank, in the page template "cover"."""
    return [
        NextPageTemplate("blank"),
        DocWhile("(doc.page + 1) % 4 != 0", [PageBreak()]),
        NextPageTemplate("cover"),
        PageBreak(),
    ]


class Lower(Flowable):  # type: ignore[misc]
    """Space that sets the flowables after it low on the page: `height`, or less where they
    would not fit under it (they then end at the foot of the frame instead of spilling onto a
    page of their own: the bilingual large-print back cover)."""

    def __init__(self, height: float, below: Sequence[Flowable]) -> None:
        super().__init__()
        self.preferred, self.below = height, below

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        need = sum(f.wrap(availWidth, availHeight)[1] + space(f) for f in self.below)
        self.height = max(0.0, min(self.preferred, availHeight - need - SLACK))
        return availWidth, self.height

    def draw(self) -> None:
        pass


SLACK = 2.0  # points kept free at the foot of the frame, for rounding


def space(flowable: Flowable) -> float:
    return float(flowable.getSpaceBefore() + flowable.getSpaceAfter())


def back_cover(voices: Voices, height: float) -> list[Flowable]:
    """In the lower half of the page: the clinic's name (once: it is the same in every language),
    then for each language the reminder to bring the booklet and its crisis plan."""
    first = voices[0]
    clinic = first.plan.back_cover.clinic
    lines: list[Flowable] = []
    if clinic:
        lines.append(plain_paragraph(clinic, "--clinic", first.styles.faces, first.styles.h2))
    for plan, styles in ((voice.plan.back_cover, voice.styles) for voice in voices):
        faces, body = styles.faces, styles.body
        lines += [
            plain_paragraph(plan.reminder, "back cover", faces, body),
            Spacer(1, body.fontSize),
        ]
        lines.append(plain_paragraph(plan.crisis.title, "crisis", faces, styles.h2))
        lines += [plain_paragraph(line, "crisis", faces, body) for line in plan.crisis.lines]
        lines.append(Spacer(1, body.fontSize))
    return [*to_back_cover(), Lower(height * 0.45, lines), *lines]
