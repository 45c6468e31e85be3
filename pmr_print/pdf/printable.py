"""Can every character of a guide be printed? `pmr-print check` asks before anything is drawn.

The renderers check each text again as they set it (markup.py), but a clinic editing its own
content should hear about a character no shipped font has from `check`, with its FILE:LINE.
"""

from __future__ import annotations

from collections.abc import Iterator

from pmr_print.model import BulletList, Guide, Paragraph, Source
from pmr_print.pdf.fonts import han_family, latin_family
from pmr_print.pdf.markup import Faces, MissingGlyphError, check_glyphs
from pmr_print.problems import Problem


def paragraph_texts(block: Paragraph | BulletList) -> Iterator[tuple[str, Source]]:
    for par in block.items if isinstance(block, BulletList) else (block,):
        yield par.text, par.source


def guide_texts(guide: Guide) -> Iterator[tuple[str, Source]]:
    """Every text of a guide that a product may print, with where it came from."""
    cues = guide.cues
    for text in (guide.title, guide.subtitle, cues.tense, cues.relax, cues.relax_word):
        yield text, guide.source
    for section in guide.sections:
        yield section.title, section.source
        for block in section.blocks:
            yield from paragraph_texts(block)
    for group in guide.groups:
        yield group.name, group.source
        yield group.instruction.text, group.instruction.source
    for protocol in guide.protocols:
        yield protocol.name, protocol.source
        yield protocol.summary.text, protocol.summary.source
        for step in protocol.steps:
            yield step.name, step.source
            yield step.instruction.text, step.instruction.source
    for reference in guide.references:
        yield reference.text.text, reference.text.source
    labels = guide.labels
    for msgid, text in labels.translations().items():
        yield text, Source(labels.path, labels.lines.get(msgid, 1))


def unprintable(guide: Guide) -> list[Problem]:
    """A problem for each text holding a character that no shipped face has (the first one)."""
    faces = Faces(latin_family(large_print=False), han_family())
    problems = []
    for text, source in guide_texts(guide):
        try:
            check_glyphs([(text, str(source))], faces)
        except MissingGlyphError as error:
            problems.append(Problem.at(source, error.detail))
    return problems
