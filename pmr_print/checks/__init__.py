"""The checks `pmr-print check` runs beyond loading: what a build would not notice but a reader
or a translator would (one vocabulary, a catalog gettext accepts, passages paired by id)."""

from __future__ import annotations

import pathlib

from pmr_print.checks.catalog import catalog_problems
from pmr_print.checks.passages import unnamed_passages, unpaired_passages
from pmr_print.checks.vocabulary import vocabulary_problems
from pmr_print.model import Guide
from pmr_print.problems import Problem


def folder_problems(folder: pathlib.Path) -> list[Problem]:
    """What one language folder's files get wrong beyond what loading them reports."""
    return [*catalog_problems(folder / "labels.po"), *vocabulary_problems(folder)]


def passage_problems(reference: Guide | None, guide: Guide, languages: int) -> list[Problem]:
    """Passages a bilingual edition could not pair: without an id (when there is a second
    language to pair with) or without a partner in the reference language."""
    if languages < 2 or reference is None:
        return []
    found = unnamed_passages(guide)
    return found if guide is reference else [*found, *unpaired_passages(reference, guide)]
