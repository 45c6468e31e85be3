"""Pick the locale and paper for a language: from --locale, the environment, or a default."""

from __future__ import annotations

import os
from collections.abc import Mapping

from babel import Locale

from pmr_print.i18n import babel_locale
from pmr_print.problems import UsageError

DEFAULT_LOCALES = {"en": "en_US", "zh": "zh_CN"}

# CLDR supplementalData <paperSize type="US-Letter" territories="...">; A4 everywhere else.
LETTER_TERRITORIES = frozenset("BZ CA CL CO CR GT MX NI PA PH PR SV US VE".split())


def environment_locale(environ: Mapping[str, str]) -> str | None:
    """The user's time locale as the C library would pick it: LC_ALL, then LC_TIME, then LANG."""
    for variable in ("LC_ALL", "LC_TIME", "LANG"):
        value = environ.get(variable, "")
        if value:
            name = value.split(".")[0].split("@")[0]
            return None if name in ("C", "POSIX") else name
    return None


def resolve_locale(
    lang: str, requested: str | None, environ: Mapping[str, str] | None = None
) -> Locale:
    """--locale if given (its language must match --lang), else the user's, else the default."""
    if requested:
        locale = babel_locale(requested)
        if locale.language != lang:
            raise UsageError(f"--locale {requested} is not a '{lang}' locale; it must match --lang")
        return locale
    name = environment_locale(os.environ if environ is None else environ)
    if name:
        try:
            found = babel_locale(name)
        except UsageError:
            found = None
        if found is not None and found.language == lang:
            return found
    return babel_locale(DEFAULT_LOCALES.get(lang, lang))


def default_paper(locale: Locale) -> str:
    territory = locale.territory or likely_territory(locale)
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def likely_territory(locale: Locale) -> str | None:
    """For a bare language ('en'), the territory CLDR thinks most likely ('US')."""
    from babel.core import get_global

    subtags = str(get_global("likely_subtags").get(locale.language, ""))
    parts = subtags.split("_")
    return parts[-1] if len(parts) > 1 else None
