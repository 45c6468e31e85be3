"""The client's booklet as one HTML page: the handout's sections, then a card per step of the
protocol (without the groups left out). The practice log stays a PDF form: a page cannot keep
what a client types, and the fillable log PDF does."""

from __future__ import annotations

from pmr_print.html.cards import card_list, card_sets
from pmr_print.html.handout import handout_context, page
from pmr_print.html.page import language_tag, render
from pmr_print.model import Guide
from pmr_print.options import BookletDetails, Settings
from pmr_print.plans.handout import plan_handout


def render_booklet(guide: Guide, settings: Settings, details: BookletDetails) -> str:
    handouts = [plan_handout(guide, settings, details)]
    plans = card_sets([guide], [settings], details.omit)
    cards = card_list(plans, [language_tag(settings)], settings.theme.grayscale)
    return render(
        "booklet.html",
        page(handouts),
        settings,
        body_class="booklet",
        cards=cards,
        card_level=3,
        guide=guide,
        labels=guide.labels,
        **handout_context(handouts),
    )
