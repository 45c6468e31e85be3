"""The client's booklet as one HTML page: the handout's sections, then a card per step of the
protocol (without the groups left out), in one language or, given a guide and settings per
language, in each (the handout's and the cards' templates given a plan per language). The
practice log stays a PDF form: a page cannot keep what a client types, and the fillable log PDF
does."""

from __future__ import annotations

from collections.abc import Sequence

from pmr_print.html.cards import card_list, card_sets
from pmr_print.html.handout import handout_context, page
from pmr_print.html.page import render
from pmr_print.model import Guide
from pmr_print.options import BookletDetails, Settings
from pmr_print.plans.handout import plan_handout


def render_booklet(
    guides: Sequence[Guide], settings: Sequence[Settings], details: BookletDetails
) -> str:
    handouts = [
        plan_handout(guide, setting, details)
        for guide, setting in zip(guides, settings, strict=True)
    ]
    cards = card_sets(guides, settings, details.omit)
    tags = [plan.tag for plan in handouts]
    return render(
        "booklet.html",
        page(handouts, guides),
        settings[0],
        body_class="booklet" + (" bilingual" if len(handouts) > 1 else ""),
        cards=card_list(cards, tags, settings[0].theme.grayscale),
        card_level=3,
        headings=[plan.heading for plan in cards],
        **handout_context(handouts),
    )
