"""The step cards as an HTML page: a card per step, each with its figure as inline SVG named by
the content's alt text, the instruction, and the timing as a strip with a legend in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from pmr_print.check import no_alt_text
from pmr_print.html import svg
from pmr_print.html.page import Page, language_tag, render
from pmr_print.languages import language
from pmr_print.model import Guide, Step
from pmr_print.options import Settings
from pmr_print.problems import ContentError


@dataclass(frozen=True)
class Card:
    step: Step
    number: int
    figure: Markup
    legend: tuple[tuple[str, str], ...]  # (part, words): "tense" and/or "relax"


def render_cards(guide: Guide, settings: Settings) -> str:
    cards = card_list(guide, settings.protocol.steps, settings.theme.grayscale)
    labels = guide.labels
    page = Page(language_tag(settings), f"{labels('Step cards')} · {guide.title}")
    return render(
        "cards.html",
        page,
        settings,
        body_class="cards-page",
        guide=guide,
        labels=labels,
        protocol=settings.protocol,
        cards=cards,
        count=len(cards),
        card_level=2,
    )


def card_list(guide: Guide, steps: Sequence[Step], grayscale: bool) -> list[Card]:
    """A card per step; ContentError naming FILE:LINE of every step whose figure has no alt."""
    missing = [no_alt_text(step) for step in steps if not step.alt]
    if missing:
        raise ContentError(missing)
    return [
        Card(step, number, figure(step, number, grayscale), legend(guide, step))
        for number, step in enumerate(steps, start=1)
    ]


def figure(step: Step, number: int, grayscale: bool) -> Markup:
    """The card's figure: release-only steps light their groups on a figure at rest."""
    return svg.figure(
        step.covers, step.alt, f"figure-{number}", grayscale, tensed=not step.release_only
    )


def legend(guide: Guide, step: Step) -> tuple[tuple[str, str], ...]:
    """What each part of the timing strip means, as on the printed card."""
    labels, cues = guide.labels, guide.cues
    join = language(guide.lang).colon
    relax_cue = labels("Breathe normally, notice the area") if step.release_only else cues.relax
    relax = labels("Relax {seconds} s", seconds=step.relax_seconds) + join + relax_cue
    if step.release_only:
        return (("relax", relax),)
    tense = labels("Tense {seconds} s", seconds=step.tense_seconds) + join + cues.tense
    return (("tense", tense), ("relax", relax))
