"""Read a language's glossary.md: the one word the content uses for each thing, and the
variants it replaces (content/README.md describes the format).

    ## 一痛就停 {#stop-if-it-hurts}

    - 痛就停
    - 疼就停

Each `##` heading is a term as guide.md and labels.po write it, with an id that every language
shares; each `-` bullet under it is a variant that `pmr-print check` reports wherever it is used.
Other lines (a title, explanations) are for the people who edit the glossary.
"""

from __future__ import annotations

import pathlib
import re
from dataclasses import dataclass

from pmr_print.loader.guide import read_text
from pmr_print.model import Source
from pmr_print.problems import ContentError, Problem

TERM = re.compile(r"^##\s+(?P<text>.+?)\s*\{#(?P<id>[A-Za-z0-9_-]+)\}\s*$")
VARIANT = re.compile(r"^[-*]\s+(?P<text>.+?)\s*$")


@dataclass(frozen=True)
class Term:
    id: str
    text: str
    variants: tuple[str, ...]
    source: Source


def read_glossary(path: pathlib.Path, problems: list[Problem]) -> tuple[Term, ...]:
    """The glossary's terms, in order; none when the folder has no glossary.md."""
    if not path.exists():
        return ()
    try:
        lines = read_text(path).splitlines()
    except ContentError as error:
        problems.extend(error.problems)
        return ()
    terms: list[Term] = []
    for number, line in enumerate(lines, start=1):
        source = Source(str(path), number)
        if line.startswith("##"):
            terms.append(read_term(line, source, terms, problems))
        elif (variant := VARIANT.match(line)) is not None:
            if terms:
                last = terms[-1]
                terms[-1] = Term(last.id, last.text, (*last.variants, variant["text"]), last.source)
            else:
                problems.append(Problem.at(source, "a variant before the first '## term {#id}'"))
    return tuple(term for term in terms if term.id)


def read_term(line: str, source: Source, terms: list[Term], problems: list[Problem]) -> Term:
    match = TERM.match(line)
    if match is None:
        problems.append(Problem.at(source, "a term is written '## the term {#id}'"))
        return Term("", "", (), source)
    seen = {term.id: term for term in terms}
    if match["id"] in seen:
        first = seen[match["id"]].source.line
        problems.append(
            Problem.at(source, f"duplicate term id '{match['id']}' (first at line {first})")
        )
    return Term(match["id"], match["text"], (), source)
