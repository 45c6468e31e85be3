"""The bilingual HTML edition (`--lang bi`): English and Chinese in one page, each text marked
with its language. English leads (the page's lang); every Chinese element carries lang="zh-…",
so a screen reader switches voice. Sections set the two languages in two columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from pmr_print.check import no_alt_text
from pmr_print.html import svg
from pmr_print.html.cards import legend
from pmr_print.html.handout import qr_code
from pmr_print.html.page import Page, language_tag, render
from pmr_print.i18n import long_date
from pmr_print.model import Bilingual, Guide, Paragraph, Protocol, Step
from pmr_print.options import HandoutDetails, Settings
from pmr_print.plans.handout import AFTER_SEQUENCE, BEFORE_SEQUENCE, Row, plan_handout
from pmr_print.problems import ContentError

SEPARATOR = " · "


@dataclass(frozen=True)
class Side:
    """One language of the page: its guide, settings, lang tag and protocol."""

    guide: Guide
    settings: Settings
    lang: str
    protocol: Protocol


def sides(
    pair: Bilingual, settings: tuple[Settings, Settings], omit: tuple[str, ...]
) -> list[Side]:
    return [
        Side(guide, setting, language_tag(setting), setting.protocol.without(frozenset(omit)))
        for guide, setting in zip(pair.guides, settings, strict=True)
    ]


@dataclass(frozen=True)
class HandoutSide:
    rows: tuple[Row, ...]
    shared: Paragraph | None
    total: str
    omitted: str
    reason: str
    date: str


def handout_side(side: Side, details: HandoutDetails) -> HandoutSide:
    sequence = plan_handout(side.guide, side.settings, details).sequence
    omitted = sequence.omitted
    return HandoutSide(
        sequence.rows,
        sequence.shared,
        sequence.total,
        omitted.groups if omitted else "",
        omitted.reason if omitted else "",
        long_date(details.date or dt.date.today(), side.settings.locale),
    )


def render_bilingual_handout(
    pair: Bilingual, settings: tuple[Settings, Settings], details: HandoutDetails
) -> str:
    en, zh = sides(pair, settings, details.omit)
    return render(
        "handout_bi.html",
        handout_page(pair, en, details),
        en.settings,
        body_class="handout bilingual",
        **handout_context(en, zh, details),
    )


def handout_page(pair: Bilingual, en: Side, details: HandoutDetails) -> Page:
    title = pair.en.title + SEPARATOR + pair.zh.title
    title += f"{SEPARATOR}{details.client}" if details.client else ""
    return Page(en.lang, title, details.clinician or details.clinic)


def handout_context(en: Side, zh: Side, details: HandoutDetails) -> dict[str, object]:
    """What handout_bi_header.html and handout_bi_sections.html show (the booklet too)."""
    people = [
        (label, value)
        for label, value in (
            ("Client", details.client),
            ("Clinician", details.clinician),
            ("Clinic", details.clinic),
        )
        if value
    ]
    return {
        "en": en,
        "zh": zh,
        "en_view": handout_side(en, details),
        "zh_view": handout_side(zh, details),
        "people": people,
        "before": BEFORE_SEQUENCE,
        "after": AFTER_SEQUENCE,
        "recording": qr_code(plan_handout(en.guide, en.settings, details)),
    }


@dataclass(frozen=True)
class BilingualCard:
    number: int
    en: Step
    zh: Step
    figure: Markup
    en_legend: tuple[tuple[str, str], ...]
    zh_legend: tuple[tuple[str, str], ...]


def render_bilingual_cards(pair: Bilingual, settings: tuple[Settings, Settings]) -> str:
    en, zh = sides(pair, settings, ())
    cards = bilingual_cards(en, zh)
    title = en.guide.labels("Step cards") + SEPARATOR + zh.guide.labels("Step cards")
    page = Page(en.lang, f"{title}{SEPARATOR}{en.guide.title}{SEPARATOR}{zh.guide.title}")
    return render(
        "cards_bi.html",
        page,
        en.settings,
        body_class="cards-page bilingual",
        en=en,
        zh=zh,
        cards=cards,
        count=len(cards),
        card_level=2,
    )


def bilingual_cards(en: Side, zh: Side) -> list[BilingualCard]:
    """A card per step of the sides' protocols, in both languages around one figure; a
    ContentError naming FILE:LINE of every step whose figure has no alt text."""
    missing = [
        no_alt_text(step) for side in (en, zh) for step in side.protocol.steps if not step.alt
    ]
    if missing:
        raise ContentError(missing)
    grey = en.settings.theme.grayscale
    return [
        BilingualCard(
            number,
            en_step,
            zh_step,
            svg.figure(
                en_step.covers,
                en_step.alt,
                f"figure-{number}",
                grey,
                tensed=not en_step.release_only,
                translation=(zh_step.alt, zh.lang),
            ),
            legend(en.guide, en_step),
            legend(zh.guide, zh_step),
        )
        for number, (en_step, zh_step) in enumerate(
            zip(en.protocol.steps, zh.protocol.steps, strict=True), start=1
        )
    ]


def render_bilingual_booklet(
    pair: Bilingual, settings: tuple[Settings, Settings], details: HandoutDetails
) -> str:
    """The bilingual booklet: the bilingual handout, then a card per step in both languages."""
    en, zh = sides(pair, settings, details.omit)
    cards = bilingual_cards(en, zh)
    return render(
        "booklet_bi.html",
        handout_page(pair, en, details),
        en.settings,
        body_class="booklet bilingual",
        cards=cards,
        count=len(cards),
        card_level=3,
        **handout_context(en, zh, details),
    )
