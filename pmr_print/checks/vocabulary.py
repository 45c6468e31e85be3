"""One word for each thing: every variant a language's glossary.md replaces, found where it is
still used in guide.md or labels.po, as FILE:LINE."""

from __future__ import annotations

import pathlib
import re
from collections.abc import Iterator

from pmr_print.loader.glossary import Term, read_glossary
from pmr_print.model import Source
from pmr_print.problems import Problem

QUOTED = re.compile(r'^(?P<field>msgid|msgstr)\s+"(?P<text>.*)"\s*$|^"(?P<more>.*)"\s*$')


def vocabulary_problems(folder: pathlib.Path) -> list[Problem]:
    """Each variant of the folder's glossary used in its guide.md or labels.po."""
    problems: list[Problem] = []
    terms = read_glossary(folder / "glossary.md", problems)
    if not terms:
        return problems
    lines = [*guide_lines(folder / "guide.md"), *label_lines(folder / "labels.po")]
    for source, text in lines:
        problems += [
            Problem.at(
                source,
                f"'{variant}': the glossary says '{term.text}' ({term.id}, {term.source})",
            )
            for term, variant in variants_in(text, terms)
        ]
    return problems


def variants_in(text: str, terms: tuple[Term, ...]) -> Iterator[tuple[Term, str]]:
    """The variants used in one line, each once; a variant inside its own term (痛就停 in
    一痛就停) is the term, not the variant."""
    folded = text.casefold()
    for term in terms:
        taken = [match.span() for match in finditer(term.text, folded)]
        for variant in term.variants:
            for match in finditer(variant, folded):
                start, end = match.span()
                if not any(first <= start and end <= last for first, last in taken):
                    yield term, variant
                    break


def finditer(phrase: str, folded: str) -> Iterator[re.Match[str]]:
    """Where the phrase stands in the casefolded line; a phrase starting or ending with a
    letter or digit only as a whole word, so that 'Calves' is not found in 'Calvesen'."""
    pattern = re.escape(phrase.casefold())
    if phrase[:1].isascii() and phrase[:1].isalnum():
        pattern = r"(?<!\w)" + pattern
    if phrase[-1:].isascii() and phrase[-1:].isalnum():
        pattern += r"(?!\w)"
    return re.finditer(pattern, folded)


def guide_lines(path: pathlib.Path) -> Iterator[tuple[Source, str]]:
    if path.is_file():
        for number, line in enumerate(read(path), start=1):
            yield Source(str(path), number), line


def label_lines(path: pathlib.Path) -> Iterator[tuple[Source, str]]:
    """The lines of each label as it prints: its msgstr, or its msgid when the msgstr is empty
    (English); the header entry and comments are not printed."""
    if not path.is_file():
        return
    entry: dict[str, list[tuple[Source, str]]] = {"msgid": [], "msgstr": []}
    field = "msgid"
    for number, line in enumerate([*read(path), ""], start=1):
        match = QUOTED.match(line.strip())
        if match is None or match["field"] == "msgid":
            yield from printed(entry)
            entry = {"msgid": [], "msgstr": []}
        if match is None:
            continue
        field = match["field"] or field
        text = match["text"] if match["field"] else match["more"]
        entry[field].append((Source(str(path), number), text))


def printed(entry: dict[str, list[tuple[Source, str]]]) -> list[tuple[Source, str]]:
    if not "".join(text for _, text in entry["msgid"]):
        return []  # the header
    translated = "".join(text for _, text in entry["msgstr"])
    return entry["msgstr"] if translated else entry["msgid"]


def read(path: pathlib.Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return []  # loading the guide and the labels reports it
