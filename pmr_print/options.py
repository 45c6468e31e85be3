"""What a product is printed with: one small frozen object, resolved once per build."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

from babel import Locale

from pmr_print.languages import Language, language
from pmr_print.limits import LAST_LOG_DAY, check_log_day, check_text, quoted, unique_items
from pmr_print.locales import default_paper, locale_for_language, resolve_region
from pmr_print.messages import (
    BOOKLET_YEARS,
    LOG_YEARS,
    NO_SUCH_DAY,
    NO_SUCH_MONTH,
    NOT_A_DATE,
    OMIT_ALL,
    OMIT_REASON_ALONE,
    RECORDING_URL,
    UNKNOWN_STEP,
    WEEKS_RANGE,
    Field,
    Month,
    usage,
)
from pmr_print.model import GROUP_IDS, Bilingual, Guide, Protocol
from pmr_print.problems import UsageError
from pmr_print.theme import PAPER_SIZES, Theme, make_theme


@dataclass(frozen=True)
class PrintOptions:
    """The options every product shares (the command line's common options). The edition printed
    carries the language (`api.load("zh")`); a bilingual edition's `locale` may be in either
    of its languages. `region` is the request's locale, which a surface sets: the command line
    from the environment, the web page from the first Accept-Language tag; its territory decides
    the paper and the first weekday when `paper` and `locale` do not, whatever its language.

    `lang` is deprecated (a DeprecationWarning; it goes in the next release): given, it must be
    the edition's language ("en", "zh" or "bi"), or resolving raises UsageError."""

    lang: str | None = None
    locale: str | None = None
    paper: str | None = None
    protocol: str = "standard"
    large_print: bool = False
    grayscale: bool = False
    region: str | None = None
    crisis_line: str = ""
    """The clinic's emergency and crisis numbers, printed in the cautions, on the booklet's back
    cover and in the facilitator script; without them these say "your local emergency number"
    (no one number is right for every reader of a language)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "crisis_line", check_text("crisis_line", self.crisis_line))
        if self.lang is not None:
            warnings.warn(
                "PrintOptions.lang is deprecated: the edition carries the language "
                "(api.load(lang)); leave lang out",
                DeprecationWarning,
                stacklevel=3,
            )


@dataclass(frozen=True)
class Settings:
    """PrintOptions resolved against the environment and one guide.

    `locale` formats this guide's dates and lists; `region` is the locale the options name (the
    --locale), which decides the paper and the first weekday. They differ only on one side of a
    bilingual edition: with --locale en_GB, the Chinese side formats with zh_CN yet starts its
    weeks on the British Monday."""

    locale: Locale
    theme: Theme
    protocol: Protocol
    region: Locale
    language: Language
    crisis_line: str = ""  # PrintOptions.crisis_line

    @property
    def tag(self) -> str:
        """The BCP 47 tag of this guide's text as printed: en-US, en-GB, zh-Hans-CN."""
        return self.language.bcp47(self.locale)

    @property
    def first_weekday(self) -> int:
        """0 = Monday ... 6 = Sunday, as Babel and Python number them."""
        return int(self.region.first_week_day)


def resolve(options: PrintOptions, guide: Guide) -> Settings:
    """The settings for printing `guide`; for one side of a bilingual edition see resolve_pair."""
    check_lang(options, guide.lang)
    return settle(options, guide, (guide.lang,))


def check_lang(options: PrintOptions, lang: str) -> None:
    """UsageError when the deprecated PrintOptions.lang names another language than the
    edition's: the edition decides, and the two must not disagree."""
    if options.lang is not None and options.lang != lang:
        raise UsageError(
            f"PrintOptions(lang={options.lang!r}) disagrees with the {lang!r} edition; "
            "leave lang out: the edition carries the language"
        )


def settle(options: PrintOptions, guide: Guide, langs: Sequence[str]) -> Settings:
    """The settings of `guide`, one of the edition's languages `langs`."""
    region = resolve_region(langs, options.locale, options.region)
    locale = locale_for_language(region, guide.lang)
    paper = options.paper or default_paper(region)
    if paper not in PAPER_SIZES:
        raise UsageError(f"unknown paper {quoted(paper)}; use one of: {', '.join(PAPER_SIZES)}")
    try:
        protocol = guide.protocol(options.protocol)
    except KeyError:
        known = ", ".join(p.id for p in guide.protocols)
        raise UsageError(
            f"unknown protocol {quoted(options.protocol)}; use one of: {known}"
        ) from None
    theme = make_theme(paper, options.large_print, options.grayscale)
    return Settings(locale, theme, protocol, region, language(guide.lang), options.crisis_line)


def resolve_pair(options: PrintOptions, pair: Bilingual) -> tuple[Settings, Settings]:
    """The settings of both sides of a bilingual edition (English, Chinese): one theme, paper and
    first weekday, each language's own dates and protocol wording."""
    check_lang(options, pair.lang)
    langs = tuple(guide.lang for guide in pair.guides)
    return settle(options, pair.en, langs), settle(options, pair.zh, langs)


@dataclass(frozen=True)
class HandoutDetails:
    """Who the handout is for. Names and reasons are untrusted text: printed literally, within
    the limits of pmr_print.limits (newlines and tabs in them become spaces)."""

    client: str = ""
    clinician: str = ""
    clinic: str = ""
    date: dt.date | None = None
    omit: tuple[str, ...] = ()
    omit_reason: str = ""
    recording_url: str = ""

    def __post_init__(self) -> None:
        for name in ("client", "clinician", "clinic", "omit_reason", "recording_url"):
            object.__setattr__(self, name, check_text(name, getattr(self, name)))
        # A group named twice is left out once (and named once in the note).
        object.__setattr__(self, "omit", unique_items("--omit", self.omit))
        unknown = [step for step in self.omit if step not in GROUP_IDS]
        if unknown:
            raise usage(UNKNOWN_STEP, "omit", value=quoted(unknown[0]), ids=", ".join(GROUP_IDS))
        if self.recording_url and not self.recording_url.startswith(("https://", "http://")):
            raise usage(RECORDING_URL, "recording_url")
        if self.omit_reason and not self.omit:
            raise usage(OMIT_REASON_ALONE, "omit_reason", omit=Field("omit"))


@dataclass(frozen=True)
class LogDetails:
    """Who the practice log is for and which weeks it covers. The name is printed literally.

    Without `start`, a blank log begins on the locale's first weekday after `today` (the coming
    week) and a completed log on the first weekday on or before its first entry. `today` is
    there for tests; None means the real date.
    """

    name: str = ""
    start: dt.date | None = None
    weeks: int | None = None
    today: dt.date | None = None
    form_font: str = ""  # "zh": embed the Chinese form font whatever the language (2.5 MB)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", check_text("name", self.name))
        if self.weeks is not None and not 1 <= self.weeks <= 52:
            raise usage(WEEKS_RANGE, "weeks", value=self.weeks, low=1, high=52)
        if self.start is not None:
            try:  # the last week must end before the last day a log may cover
                check_log_day(self.start + dt.timedelta(weeks=self.weeks or 52))
                check_log_day(self.start)
            except (ValueError, OverflowError):
                raise usage(
                    LOG_YEARS, "start", value=str(self.start), last=LAST_LOG_DAY.year
                ) from None
        if self.form_font not in ("", "zh"):
            raise UsageError(f"--form-font {self.form_font}: the only form font to ask for is zh")


@dataclass(frozen=True)
class WorkshopDetails:
    """Who runs the workshop and when (default: today), printed literally; and the language of
    the script and the slides: "en", "zh" or "bi" (each packet is in its row's language)."""

    clinician: str = ""
    clinic: str = ""
    date: dt.date | None = None
    lang: str = "en"


@dataclass(frozen=True)
class BookletDetails(HandoutDetails):
    """Who a booklet is for (as for the handout) and how many weeks of log it holds. The log's
    weeks start on the locale's first weekday after `date` (or today)."""

    weeks: int = 4

    def __post_init__(self) -> None:
        super().__post_init__()
        if not 1 <= self.weeks <= 12:
            raise usage(WEEKS_RANGE, "weeks", value=self.weeks, low=1, high=12)
        try:  # the log's weeks start within a week of the date: the days `log --start` allows
            if self.date is not None:
                check_log_day(self.date)
                check_log_day(self.date + dt.timedelta(weeks=self.weeks + 1))
        except (ValueError, OverflowError):
            raise usage(
                BOOKLET_YEARS, "date", value=str(self.date), last=LAST_LOG_DAY.year
            ) from None


def check_omit(protocol: Protocol, details: HandoutDetails) -> None:
    """UsageError when --omit leaves the protocol no step at all (nothing to print a table of)."""
    if details.omit and not protocol.without(frozenset(details.omit)).steps:
        raise usage(OMIT_ALL, "omit", protocol=protocol.id)


def iso_date(text: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option's value (from the command line or a web form), or None when it was
    not given. A day the month lacks is named as such: "30 February does not exist"."""
    if text is None:
        return None
    key = option.lstrip("-").replace("-", "_")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    found = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if found is None:
        raise usage(NOT_A_DATE, key, value=quoted(text)) from None
    month, day = int(found.group(2)), int(found.group(3))
    if not 1 <= month <= 12:
        raise usage(NO_SUCH_MONTH, key, value=quoted(text), number=month) from None
    raise usage(NO_SUCH_DAY, key, day=day, month=Month(month)) from None


def check_omit_each(settings: Sequence[Settings], details: HandoutDetails) -> None:
    """check_omit for every guide of an edition (both sides of a bilingual one)."""
    for one in settings:
        check_omit(one.protocol, details)
