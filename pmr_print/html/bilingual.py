"""The bilingual HTML edition (`--lang bi`): English and Chinese in one page, each text marked
with its language. English leads (the page's lang); every Chinese element carries lang="zh-…",
so a screen reader switches voice. Sections set the two languages in two columns."""

from __future__ import annotations

from dataclasses import dataclass

from pmr_print.html import handout
from pmr_print.html.cards import card_list, card_sets
from pmr_print.html.page import language_tag, render
from pmr_print.model import Bilingual, Guide, Protocol
from pmr_print.options import HandoutDetails, Settings
from pmr_print.plans.handout import HandoutPlan, plan_handout

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


def handout_context(en: Side, zh: Side, details: HandoutDetails) -> dict[str, object]:
    """What the handout's templates show, from both plans (the booklet's cards read en, zh)."""
    return {"en": en, "zh": zh, **handout.handout_context(handout_plans(en, zh, details))}


def handout_plans(en: Side, zh: Side, details: HandoutDetails) -> list[HandoutPlan]:
    return [plan_handout(side.guide, side.settings, details) for side in (en, zh)]


def render_bilingual_booklet(
    pair: Bilingual, settings: tuple[Settings, Settings], details: HandoutDetails
) -> str:
    """The bilingual booklet: the bilingual handout, then a card per step in both languages."""
    en, zh = sides(pair, settings, details.omit)
    plans = card_sets(pair.guides, settings, details.omit)
    return render(
        "booklet_bi.html",
        handout.page(handout_plans(en, zh, details)),
        en.settings,
        body_class="booklet bilingual",
        cards=card_list(plans, [en.lang, zh.lang], en.settings.theme.grayscale),
        card_level=3,
        **handout_context(en, zh, details),
    )
