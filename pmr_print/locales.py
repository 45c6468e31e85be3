"""Pick the locale that decides the paper and the first weekday, and each language's locale.

One order everywhere (the command line, the API, the web page): the paper option; the locale
option; the request's region where a surface has one (the command line: the environment's locale;
the web page: the first Accept-Language tag), whatever its language; the language's default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from babel import Locale

from pmr_print.i18n import babel_locale
from pmr_print.languages import language
from pmr_print.messages import LOCALE_LANG, Field, usage
from pmr_print.problems import UsageError

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


def first_accepted(accept_language: str) -> str | None:
    """The first tag of an Accept-Language header ("en-GB,en;q=0.9" gives "en-GB"), unweighed:
    the browser lists the user's own first."""
    first = accept_language.split(",")[0].split(";")[0].strip()
    return first if first and first != "*" else None


def resolve_region(langs: Sequence[str], requested: str | None, request: str | None) -> Locale:
    """The locale that decides the paper and the first weekday of an edition in `langs`: the
    locale option (in one of those languages), else the request's region (a locale with a
    territory, in any language), else the first language's default."""
    if requested:
        accepted = tuple(dict.fromkeys(language(lang).code for lang in langs))
        locale = babel_locale(requested)
        if locale.language not in accepted:
            which = " or ".join(f"'{name}'" for name in accepted)
            raise usage(LOCALE_LANG, "locale", value=requested, which=which, lang=Field("lang"))
        return locale
    return request_locale(request) or babel_locale(language(langs[0]).default_locale)


def request_locale(request: str | None) -> Locale | None:
    """The request's locale when it names a territory ("en-GB", "zh_CN", "de-AT"); None for a
    bare language ("en") or what CLDR does not know."""
    if not request:
        return None
    try:
        found = babel_locale(request)
    except UsageError:
        return None
    return found if found.territory else None


def locale_for_language(region: Locale, lang: str) -> Locale:
    """The locale that formats `lang`'s dates and lists when `region` decides the paper and the
    week: `region` itself if it is in that language and script, else the language in the same
    territory when CLDR has it (zh_SG beside en_SG), else the language's default (zh_CN beside
    en_US, en_US beside zh_CN, zh_CN beside zh_TW, whose Chinese is Traditional)."""
    record = language(lang)
    if same_language(region, record.code, record.script):
        return region
    if region.territory:  # zh_SG; for zh in Hong Kong, zh_Hans_HK (zh_HK is Traditional)
        for name in (record.code, f"{record.code}_{record.script}"):
            try:
                found = babel_locale(f"{name}_{region.territory}")
            except UsageError:
                continue
            if same_language(found, record.code, record.script):
                return found
    return babel_locale(record.default_locale)


def same_language(locale: Locale, code: str, script: str) -> bool:
    if locale.language != code:
        return False
    return (locale.script or language(code).script) == script


def default_paper(locale: Locale) -> str:
    territory = locale.territory or likely_territory(locale)
    return "letter" if territory in LETTER_TERRITORIES else "a4"


def likely_territory(locale: Locale) -> str | None:
    """For a bare language ('en'), the territory CLDR thinks most likely ('US')."""
    from babel.core import get_global

    subtags = str(get_global("likely_subtags").get(locale.language, ""))
    parts = subtags.split("_")
    return parts[-1] if len(parts) > 1 else None
