"""The therapist handout as an HTML page, from its plans: one language, or several side by side
(the same templates given a plan per language), in the same order as the PDF."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from pmr_print.html import svg
from pmr_print.html.page import Page, folio, render, safe_href
from pmr_print.languages import SEPARATOR
from pmr_print.model import Bilingual, Guide
from pmr_print.options import HandoutDetails, Settings
from pmr_print.plans.handout import HandoutPlan, plan_handout


@dataclass(frozen=True)
class QrCode:
    url: str
    svg: Markup


def render_handout(guide: Guide, settings: Settings, details: HandoutDetails) -> str:
    plans = [plan_handout(guide, settings, details)]
    return render(
        "handout.html",
        page(plans, [guide]),
        settings,
        body_class="handout",
        **handout_context(plans),
    )


def render_bilingual_handout(
    pair: Bilingual, settings: tuple[Settings, Settings], details: HandoutDetails
) -> str:
    """English and Chinese in one page, each text marked with its language (see bilingual.py)."""
    plans = [
        plan_handout(guide, setting, details)
        for guide, setting in zip(pair.guides, settings, strict=True)
    ]
    return render(
        "handout.html",
        page(plans, pair.guides),
        settings[0],
        body_class="handout bilingual",
        **handout_context(plans),
    )


def page(plans: list[HandoutPlan], guides: Sequence[Guide]) -> Page:
    """The page's language is the first plan's; its title names every language's and the
    client, and prints at the foot of each page with its number in every language."""
    first = plans[0]
    title = SEPARATOR.join(
        [plan.title for plan in plans] + ([first.client] if first.client else [])
    )
    return Page(first.tag, title, first.author, folio(guides))


def handout_context(plans: list[HandoutPlan]) -> dict[str, object]:
    """What handout_header.html and handout_sections.html show (the booklet shows them too)."""
    return {"plans": plans, "qr": qr_code(plans[0])}


def qr_code(plan: HandoutPlan) -> QrCode | None:
    """The recording's address as a QR code (the plan has at most one recording)."""
    for part in plan.parts:
        checked = safe_href(part.recording.url) if part.recording else None
        if checked:
            return QrCode(checked, svg.qr_code(checked, "recording-qr"))
    return None
