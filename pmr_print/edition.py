"""Load what `--lang` names: one language's guide, or for `bi` the English and Chinese pair."""

from __future__ import annotations

import pathlib

from pmr_print.check import compare
from pmr_print.loader import load_guide
from pmr_print.model import Bilingual, Edition, Guide
from pmr_print.problems import ContentError, UsageError

BILINGUAL = Bilingual.lang


def edition_langs(lang: str) -> tuple[str, ...]:
    """The languages of the edition `lang` names: itself, or for "bi" English and Chinese."""
    return ("en", "zh") if lang == BILINGUAL else (lang,)


def load_edition(content_dir: pathlib.Path, lang: str) -> Edition:
    """The guide of `lang`, or for "bi" both guides, which must agree on everything but the
    wording (ids, timings, protocols, references: what `pmr-print check` compares), since a
    bilingual edition prints them side by side. Raises ContentError listing every problem."""
    if lang != BILINGUAL:
        return load_guide(content_dir, lang)
    en, zh = (load_guide(content_dir, name) for name in edition_langs(lang))
    problems = compare(en, zh)
    if problems:
        raise ContentError(sorted(set(problems)))
    return Bilingual(en, zh)


def one_language(edition: Edition, product: str) -> Guide:
    """The guide of a product that has no bilingual edition; a UsageError for `--lang bi`."""
    if isinstance(edition, Bilingual):
        raise UsageError(
            f"{product} has no bilingual edition (--lang bi) yet; use --lang en or --lang zh"
        )
    return edition
