"""The therapist handout as an HTML page: the handout's plan, in the same order as the PDF."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from pmr_print.html import svg
from pmr_print.html.page import Page, render, safe_href
from pmr_print.model import Guide
from pmr_print.options import HandoutDetails, Settings
from pmr_print.plans.handout import HandoutPlan, plan_handout


@dataclass(frozen=True)
class QrCode:
    url: str
    svg: Markup


def render_handout(guide: Guide, settings: Settings, details: HandoutDetails) -> str:
    plan = plan_handout(guide, settings, details)
    return render(
        "handout.html", page(plan), settings, body_class="handout", **handout_context(plan)
    )


def page(plan: HandoutPlan) -> Page:
    title = plan.title + (f" · {plan.client}" if plan.client else "")
    return Page(plan.tag, title, plan.author)


def handout_context(plan: HandoutPlan) -> dict[str, object]:
    """What handout_header.html and handout_sections.html show (the booklet shows them too)."""
    return {"plan": plan, "qr": qr_code(plan)}


def qr_code(plan: HandoutPlan) -> QrCode | None:
    """The recording's address as a QR code (the plan has at most one recording)."""
    for part in plan.parts:
        checked = safe_href(part.recording.url) if part.recording else None
        if checked:
            return QrCode(checked, svg.qr_code(checked, "recording-qr"))
    return None
