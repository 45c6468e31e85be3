"""The booklet's back cover: where to get help at once, in each language of the booklet (the
words are the crisis plan's), on the last page of the stapled booklet."""

from __future__ import annotations

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


def back_cover(voices: Voices, height: float) -> list[Flowable]:
    """The crisis plan of each language, one after the other, in the lower half of the page."""
    story: list[Flowable] = [*to_back_cover(), Spacer(1, height * 0.45)]
    for plan, styles in ((voice.plan.crisis, voice.styles) for voice in voices):
        story.append(plain_paragraph(plan.title, "crisis", styles.faces, styles.h2))
        story += [plain_paragraph(line, "crisis", styles.faces, styles.body) for line in plan.lines]
        story.append(Spacer(1, styles.body.fontSize))
    return story
