"""The checks `pmr-print check` runs beyond loading: what a build would not notice but a reader
or a translator would (one vocabulary, a catalog gettext accepts, passages paired by id)."""

from __future__ import annotations

import pathlib

from pmr_print.checks.catalog import catalog_problems
from pmr_print.checks.vocabulary import vocabulary_problems
from pmr_print.problems import Problem


def folder_problems(folder: pathlib.Path) -> list[Problem]:
    """What one language folder's files get wrong beyond what loading them reports."""
    return [*catalog_problems(folder / "labels.po"), *vocabulary_problems(folder)]
