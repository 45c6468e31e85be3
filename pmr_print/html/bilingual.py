"""The bilingual HTML edition (`--lang bi`): English and Chinese in one page, each text marked
with its language. English leads (the page's lang); every Chinese element carries lang="zh-…",
so a screen reader switches voice. Sections set the two languages in two columns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pmr_print.html.cards import card_list, card_sets
from pmr_print.html.handout import qr_code
from pmr_print.html.page import Page, language_tag, render
from pmr_print.i18n import long_date
from pmr_print.model import Bilingual, Guide, Paragraph, Protocol
from pmr_print.options import HandoutDetails, Settings
from pmr_print.plans.handout import AFTER_SEQUENCE, BEFORE_SEQUENCE, Row, plan_handout

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


def render_bilingual_booklet(
    pair: Bilingual, settings: tuple[Settings, Settings], details: HandoutDetails
) -> str:
    """The bilingual booklet: the bilingual handout, then a card per step in both languages."""
    en, zh = sides(pair, settings, details.omit)
    plans = card_sets(pair.guides, settings, details.omit)
    return render(
        "booklet_bi.html",
        handout_page(pair, en, details),
        en.settings,
        body_class="booklet bilingual",
        cards=card_list(plans, [en.lang, zh.lang], en.settings.theme.grayscale),
        card_level=3,
        **handout_context(en, zh, details),
    )
