"""Load a content folder into the model: the only package that imports markdown-it."""

from __future__ import annotations

import dataclasses
import pathlib

from pmr_print.i18n import read_labels
from pmr_print.languages import UnknownLanguage, language
from pmr_print.limits import quoted
from pmr_print.loader.guide import load_guide as parse_guide
from pmr_print.model import Guide
from pmr_print.problems import ContentError, Problem


def languages(content_dir: pathlib.Path) -> list[str]:
    """The language folders of a content folder: those holding a guide.md."""
    return sorted(path.parent.name for path in content_dir.glob("*/guide.md"))


def unknown_language(path: pathlib.Path, lang: str, problems: list[Problem]) -> None:
    """A folder whose tag names a language pmr-print has no record of (languages.py) cannot
    print: said at its front matter's `lang:` line, as `pmr-print check` reports it."""
    try:
        language(lang)
    except UnknownLanguage as error:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[:50]
        line = next((n for n, text in enumerate(lines, 1) if text.startswith("lang:")), 1)
        problems.append(Problem(str(path), line, str(error)))


def load_guide(content_dir: pathlib.Path, lang: str) -> Guide:
    """Load one language's guide.md and labels.po; raise ContentError listing every problem.
    `lang` must name a language folder of content_dir: it never becomes a path of its own
    (`../x`, `/any/folder`), whoever sends it."""
    found = languages(content_dir)
    if lang not in found:  # a folder or a pipe at guide.md: read_text says so
        known = ", ".join(found) or "none"
        problem = Problem(
            str(content_dir), 1, f"no content for language {quoted(lang)} (found: {known})"
        )
        raise ContentError([problem])
    folder = content_dir / lang
    problems: list[Problem] = []
    unknown_language(folder / "guide.md", lang, problems)
    labels = read_labels(folder / "labels.po", lang, problems)
    try:
        guide = parse_guide(folder / "guide.md", lang)
    except ContentError as error:  # of the same kind (TooLarge: refused before parsing)
        raise type(error)(sorted(set(problems) | set(error.problems))) from None
    if problems:
        raise ContentError(problems)
    return dataclasses.replace(guide, labels=labels)
