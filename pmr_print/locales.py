"""Pick the locale and paper for a language: from --locale, the environment, or a default."""

from __future__ import annotations

import os
from collections.abc import Mapping

from babel import Locale

from pmr_print.i18n import babel_locale
from pmr_print.languages import language
from pmr_print.problems import UsageError

# `--lang bi` prints English and Chinese: its locale may be either one, and without --locale or an
# English or Chinese environment it is the English default, as English is printed first.
BILINGUAL_LANGS = {"bi": ("en", "zh")}


def default_locale(lang: str) -> Locale:
    """The locale of a language (or of `bi`, its first) when nothing else names one."""
    return babel_locale(language(BILINGUAL_LANGS.get(lang, (lang,))[0]).default_locale)


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
    accepted = tuple(language(name).code for name in BILINGUAL_LANGS.get(lang, (lang,)))
    if requested:
        locale = babel_locale(requested)
        if locale.language not in accepted:
            which = " or ".join(f"'{name}'" for name in accepted)
            raise UsageError(f"--locale {requested} is not a {which} locale; it must match --lang")
        return locale
    name = environment_locale(os.environ if environ is None else environ)
    if name:
        try:
            found = babel_locale(name)
        except UsageError:
            found = None
        if found is not None and found.language in accepted:
            return found
    return default_locale(lang)


def locale_for_language(region: Locale, lang: str) -> Locale:
    """The locale that formats `lang`'s dates and lists when `region` (the --locale) decides the
    paper and the week: `region` itself if it is in that language, else the language in the same
    territory when CLDR has it (zh_SG beside en_SG), else the language's default (zh_CN beside
    en_US, en_US beside zh_CN)."""
    record = language(lang)
    if region.language == record.code:
        return region
    if region.territory:
        try:
            return babel_locale(f"{record.code}_{region.territory}")
        except UsageError:
            pass
    return babel_locale(record.default_locale)


def default_paper(locale: Locale) -> str:
    territory = locale.territory or likely_territory(locale)
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def likely_territory(locale: Locale) -> str | None:
    """For a bare language ('en'), the territory CLDR thinks most likely ('US')."""
    from babel.core import get_global

    subtags = str(get_global("likely_subtags").get(locale.language, ""))
    parts = subtags.split("_")
    return parts[-1] if len(parts) > 1 else None
