"""Load a content folder into the model: the only package that imports markdown-it."""

from __future__ import annotations

import dataclasses
import pathlib

from pmr_print.i18n import read_labels
from pmr_print.loader.guide import load_guide as parse_guide
from pmr_print.model import Guide
from pmr_print.problems import ContentError, Problem


def languages(content_dir: pathlib.Path) -> list[str]:
    """The language folders of a content folder: those holding a guide.md."""
    return sorted(path.parent.name for path in content_dir.glob("*/guide.md"))


def load_guide(content_dir: pathlib.Path, lang: str) -> Guide:
    """Load one language's guide.md and labels.po; raise ContentError listing every problem."""
    folder = content_dir / lang
    if not (folder / "guide.md").exists():  # a folder or a pipe there: read_text says so
        found = ", ".join(languages(content_dir)) or "none"
        problem = Problem(
            str(folder / "guide.md"), 1, f"no content for language '{lang}' (found: {found})"
        )
        raise ContentError([problem])
    problems: list[Problem] = []
    labels = read_labels(folder / "labels.po", lang, problems)
    try:
        guide = parse_guide(folder / "guide.md", lang)
    except ContentError as error:
        raise ContentError(sorted(set(problems) | set(error.problems))) from None
    if problems:
        raise ContentError(problems)
    return dataclasses.replace(guide, labels=labels)
