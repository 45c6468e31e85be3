"""The step cards as an HTML page: a card per step, each with its figure as inline SVG named by
the content's alt text, the instruction, and the timing as a strip with a legend in words.

Every word comes from the step plans (pmr_print/plans/step.py). A bilingual page is the same
template given a plan per language: the page's language first, every other language's words
marked with its lang, so a screen reader switches voice.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from pmr_print.check import no_alt_text
from pmr_print.html import svg
from pmr_print.html.page import Page, folio, language_tag, render
from pmr_print.languages import SEPARATOR
from pmr_print.model import Guide
from pmr_print.options import Settings
from pmr_print.plans.cards import CardsPlan, plan_cards
from pmr_print.plans.step import StepPlan, joined
from pmr_print.problems import ContentError


@dataclass(frozen=True)
class Card:
    """One step in each language printed, around one figure."""

    plans: tuple[StepPlan, ...]  # the page's language first
    tags: tuple[str, ...]  # each plan's BCP 47 tag, for lang
    figure: Markup

    @property
    def plan(self) -> StepPlan:
        return self.plans[0]

    @property
    def others(self) -> Iterator[tuple[StepPlan, str]]:
        """The other languages' plans, each with its tag."""
        return zip(self.plans[1:], self.tags[1:], strict=True)


def render_cards(guides: Sequence[Guide], settings: Sequence[Settings]) -> str:
    """The cards page in one language, or given a guide and settings per language, in each."""
    plans = card_sets(guides, settings)
    tags = [language_tag(setting) for setting in settings]
    headings = joined([plan.heading for plan in plans])
    title = f"{headings}{SEPARATOR}{joined([plan.title for plan in plans])}"
    page = Page(tags[0], title, folio=folio(guides))
    return render(
        "cards.html",
        page,
        settings[0],
        body_class="cards-page" + (" bilingual" if len(plans) > 1 else ""),
        sets=list(zip(plans, tags, strict=True)),
        cards=card_list(plans, tags, settings[0].theme.grayscale),
        card_level=2,
    )


def card_sets(
    guides: Sequence[Guide], settings: Sequence[Settings], omit: Sequence[str] = ()
) -> list[CardsPlan]:
    """The cards of each language, without the groups in `omit`; ContentError naming FILE:LINE
    of every step whose figure has no alt text, in any language."""
    plans, missing = [], []
    for guide, setting in zip(guides, settings, strict=True):
        steps = setting.protocol.without(frozenset(omit)).steps
        missing += [no_alt_text(step) for step in steps if not step.alt]
        plans.append(plan_cards(guide, setting, steps))
    if missing:
        raise ContentError(missing)
    return plans


def card_list(plans: Sequence[CardsPlan], tags: Sequence[str], grayscale: bool) -> list[Card]:
    """A card per step, in each language planned around one figure."""
    return [
        Card(steps, tuple(tags), figure(steps, tags, grayscale))
        for steps in zip(*(plan.steps for plan in plans), strict=True)
    ]


def figure(plans: Sequence[StepPlan], tags: Sequence[str], grayscale: bool) -> Markup:
    """The card's figure, named in the first language and then in the second; release-only
    steps light their groups on a figure at rest."""
    shown = plans[0].figure
    translation = (plans[1].figure.alt, tags[1]) if len(plans) > 1 else None
    return svg.figure(
        shown.covers, shown.alt, shown.id, grayscale, tensed=shown.tensed, translation=translation
    )
