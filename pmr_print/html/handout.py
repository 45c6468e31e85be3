"""The therapist handout as an HTML page: the same sections, in the same order, as the PDF."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from babel.lists import format_list

from pmr_print.html import svg
from pmr_print.html.page import Page, language_tag, render, safe_href
from pmr_print.i18n import duration, long_date
from pmr_print.languages import language
from pmr_print.model import Guide, Paragraph, Protocol, Step
from pmr_print.options import HandoutDetails, Settings

# Reading order: what it is, the cautions before anything is tried, how to do it, then the rest.
BEFORE_SEQUENCE = ("about", "drawbacks", "preparation", "breathing")
AFTER_SEQUENCE = ("post-relaxation", "practice-plan", "considerations", "benefits")


@dataclass(frozen=True)
class Row:
    number: int
    step: Step
    tense: str
    relax: str
    leave_out: str


@dataclass(frozen=True)
class Recording:
    url: str
    qr: str


def render_handout(guide: Guide, settings: Settings, details: HandoutDetails) -> str:
    return render(
        "handout.html",
        page(guide, settings, details),
        settings,
        body_class="handout",
        **handout_context(guide, settings, details),
    )


def page(guide: Guide, settings: Settings, details: HandoutDetails) -> Page:
    title = guide.title + (f" · {details.client}" if details.client else "")
    return Page(language_tag(settings), title, details.clinician or details.clinic)


def handout_context(guide: Guide, settings: Settings, details: HandoutDetails) -> dict[str, object]:
    """What handout_header.html and handout_sections.html show (the booklet shows them too)."""
    protocol = settings.protocol.without(frozenset(details.omit))
    labels = guide.labels
    reason = labels("Reason: {reason}", reason=details.omit_reason) if details.omit_reason else ""
    return {
        "guide": guide,
        "labels": labels,
        "details": detail_rows(guide, settings, details),
        "before": [guide.section(section) for section in BEFORE_SEQUENCE],
        "sequence": guide.section("sequence"),
        "protocol": protocol,
        "shared": shared_instruction(protocol),
        "rows": rows(guide, protocol, settings),
        "total": total_text(guide, protocol),
        "omitted": group_names(guide, details.omit, settings) if details.omit else "",
        "reason": reason,
        "after": [guide.section(section) for section in AFTER_SEQUENCE],
        "recording": recording(details.recording_url),
        "screening": guide.section("screening"),
        "references": guide.section("references"),
    }


def detail_rows(guide: Guide, settings: Settings, details: HandoutDetails) -> list[tuple[str, str]]:
    day = details.date or dt.date.today()
    rows = [
        ("Client", details.client),
        ("Clinician", details.clinician),
        ("Clinic", details.clinic),
        ("Date", long_date(day, settings.locale)),
    ]
    return [(guide.labels(label), value) for label, value in rows if value]


def shared_instruction(protocol: Protocol) -> Paragraph | None:
    """The instruction every step shares (the release-only cue): said once, above the table."""
    texts = {step.instruction.text for step in protocol.steps}
    return protocol.steps[0].instruction if len(protocol.steps) > 1 and len(texts) == 1 else None


def group_names(guide: Guide, ids: Sequence[str], settings: Settings) -> str:
    """ "Back and neck", "背部和颈部": the groups' names as a list in the language."""
    return format_list([guide.group(group).name for group in ids], locale=settings.locale)


def seconds_text(seconds: int) -> str:
    return str(seconds) if seconds else "–"  # no tensing at all: a dash, not a zero


def rows(guide: Guide, protocol: Protocol, settings: Settings) -> list[Row]:
    def leave_out(step: Step) -> str:
        if not step.left_out:
            return ""
        names = group_names(guide, step.left_out, settings)
        return guide.labels("Leave out: {groups}", groups=names)

    return [
        Row(
            number,
            step,
            seconds_text(step.tense_seconds),
            seconds_text(step.relax_seconds),
            leave_out(step),
        )
        for number, step in enumerate(protocol.steps, start=1)
    ]


def total_text(guide: Guide, protocol: Protocol) -> str:
    labels = guide.labels
    parts = [duration(protocol.total_seconds, labels)]
    if protocol.rounds > 1:
        parts.append(labels("Rounds: {count}", count=protocol.rounds))
    if protocol.settle_seconds:
        parts.append(labels("Quiet time at the end: {seconds} s", seconds=protocol.settle_seconds))
    return language(guide.lang).semicolon.join(parts)


def recording(url: str) -> Recording | None:
    checked = safe_href(url)
    return Recording(checked, svg.qr_code(checked, "recording-qr")) if checked else None
