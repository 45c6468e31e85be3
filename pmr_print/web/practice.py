"""The practice page (GET /practice?lang=&protocol=&omit=): the spoken session played on the
session plan's clock, with the step's figure and words, a countdown for each hold and relax
period, and the line being said.

The page plays one <audio> of the whole session (GET /api/audio, which answers Range requests)
and shows what the plan says at the audio's current time: `timing` turns the plan into the times
and words the page's script reads, so the script composes no words of its own. The page's own
words (Start, Pause, Tense ...) are `PracticeText`, English here and every other language from the
message catalog (msgctxt "practice"), as the main page's are.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from pmr_print import api
from pmr_print.messages import in_context, translate
from pmr_print.model import Guide
from pmr_print.options import HandoutDetails, PrintOptions
from pmr_print.plans.session import Part, SessionPlan
from pmr_print.problems import PmrError
from pmr_print.web.guard import CONTENT_SECURITY_POLICY
from pmr_print.web.page import environment
from pmr_print.web.products import Shelf
from pmr_print.web.text import LANGUAGE_NAMES, TEXTS, negotiate

# The main page's policy, and the session's audio from this server.
PRACTICE_POLICY = CONTENT_SECURITY_POLICY + "; media-src 'self'"
PAGES_KEPT = 8  # rendered pages kept: a figure takes a moment to draw
# WAV: the page's server is this computer, so size does not matter but waiting does: a WAV is
# ready in about 3 s where Opus takes 10 to 30 s to encode, and it seeks to the sample.
AUDIO_FORMAT = "wav"


@dataclass(frozen=True)
class PracticeText:
    """The practice page's own words in one language."""

    lang: str
    title: str
    intro: str
    start: str
    pause: str
    resume: str
    previous: str
    next: str
    tense: str
    relax: str
    rest: str
    unit: str
    seconds_left: str
    keys: str
    preparing: str
    ready: str
    paused: str
    failed: str
    parts: str
    captions: str
    player: str
    settings: str
    apply: str


EN = PracticeText(
    lang="en",
    title="Practise with the voice",
    intro="Sit or lie comfortably, press Start and follow the voice: the figure, the words and "
    "the countdown keep pace with it.",
    start="Start",
    pause="Pause",
    resume="Resume",
    previous="Previous",
    next="Next",
    tense="Tense",
    relax="Relax",
    rest="Rest",
    unit="s",
    seconds_left="Seconds left",
    keys="Keys: Space or K pauses and resumes; N or the right arrow goes to the next part, P or "
    "the left arrow to the previous one.",
    preparing="Preparing the spoken session… The first time takes up to half a minute.",
    ready="Ready. Press Start when you are settled.",
    paused="Paused.",
    failed="The spoken session could not be played. Reload the page to try again.",
    parts="Parts of the session",
    captions="What the voice says",
    player="Player",
    settings="Protocol and groups left out",
    apply="Use these settings",
)


def in_language(lang: str) -> PracticeText:
    """The page's words in `lang`, from the message catalog (msgctxt "practice")."""
    words = {
        field.name: translate(lang, in_context("practice", getattr(EN, field.name)))
        for field in dataclasses.fields(PracticeText)
        if field.name != "lang"
    }
    return PracticeText(lang=lang, **words)


PRACTICE_TEXTS: dict[str, PracticeText] = {"en": EN, "zh": in_language("zh")}


def timing(plan: SessionPlan) -> list[dict[str, Any]]:
    """What the page's script reads, a part of the session at a time (the briefing, each step,
    the count-out ...): when it starts and ends, its heading and words, its timed phases (a hold,
    a relax period, the quiet time) with their cue, and each spoken line with its time."""
    ends = [part.at for part in plan.parts[1:]] + [plan.seconds]
    return [part_timing(part, end) for part, end in zip(plan.parts, ends, strict=True)]


def part_timing(part: Part, end: float) -> dict[str, Any]:
    step = part.step
    cues = {piece.kind: piece.cue for piece in step.strip} if step else {}
    return {
        "id": part.id,
        "title": part.title,
        "at": part.at,
        "end": end,
        "step": step.step_line if step else "",
        "instruction": step.instruction.text if step else "",
        "figure": step.number if step else None,
        "phases": [
            {
                "kind": phase.kind,
                "at": phase.at,
                "end": round(phase.at + phase.seconds, 1),
                "cue": cues.get(phase.kind, ""),
            }
            for phase in part.phases
            if phase.timed is not None
        ],
        "lines": [
            {"at": line.at, "end": round(line.at + line.seconds, 1), "text": line.text}
            for line in part.lines
            if line.spoken
        ],
    }


@dataclass(frozen=True)
class Drawn:
    """A step's figure, tensed and at rest, as inline SVG."""

    number: int
    tensed: str
    rest: str


def figures(plan: SessionPlan) -> list[Drawn]:
    """Each step's figure once (a second round shows the first round's)."""
    return [
        Drawn(
            part.step.number,
            api.step_figure(part.step, f"figure-{part.step.number}", tensed=True),
            api.step_figure(part.step, f"figure-{part.step.number}-rest", tensed=False),
        )
        for part in plan.steps
        if part.step is not None
    ]


def audio_url(lang: str, protocol: str, omit: tuple[str, ...]) -> str:
    query = {"lang": lang, "protocol": protocol, "format": AUDIO_FORMAT}
    if omit:
        query["omit"] = ",".join(omit)
    return "/api/audio?" + urlencode(query)


def render_practice(shelf: Shelf, lang: str, protocol: str, omit: tuple[str, ...]) -> str:
    """The page of one session; UsageError for a protocol or groups the content does not know."""
    edition = shelf.edition(lang)
    assert isinstance(edition, Guide)
    plan = api.session_plan(edition, PrintOptions(protocol=protocol), HandoutDetails(omit=omit))
    return (
        environment()
        .get_template("practice.html")
        .render(
            t=PRACTICE_TEXTS[lang],
            page=TEXTS[lang],
            switch=[(other, LANGUAGE_NAMES[other]) for other in TEXTS if other != lang],
            plan=plan,
            parts=timing(plan),
            figures=figures(plan),
            audio=audio_url(lang, protocol, omit),
            query=query_of(protocol, omit),
            protocols=[(found.id, found.name) for found in edition.protocols],
            protocol=protocol,
            groups=[(group.id, group.name) for group in edition.groups],
            omit=omit,
        )
    )


def query_of(protocol: str, omit: tuple[str, ...]) -> str:
    """The page's settings as a query, for the language switch."""
    return urlencode({"protocol": protocol, **({"omit": ",".join(omit)} if omit else {})})


def chosen(request: Request, shelf: Shelf) -> tuple[str, str, tuple[str, ...]]:
    """The page's language (asked, else the browser's), protocol and groups left out."""
    query: Mapping[str, str] = request.query_params
    lang = query.get("lang", "")
    if lang not in TEXTS or lang not in shelf.editions:
        lang = negotiate(request.headers.get("accept-language", ""), tuple(TEXTS))
    omit = request.query_params.getlist("omit")
    groups = tuple(sorted({o.strip() for v in omit for o in v.split(",") if o.strip()}))
    return lang, query.get("protocol", "standard") or "standard", groups


class Practice:
    """GET /practice: the page of each session asked for, the last PAGES_KEPT kept. Figures are
    drawn by ReportLab, one build at a time with the server's other quick builds (`lock`)."""

    def __init__(self, shelf: Shelf, lock: AbstractContextManager[object]) -> None:
        self.shelf = shelf
        self.lock = lock
        self.rendered = lru_cache(maxsize=PAGES_KEPT)(self.render)

    def render(self, lang: str, protocol: str, omit: tuple[str, ...]) -> str:
        with self.lock:
            return render_practice(self.shelf, lang, protocol, omit)

    async def page(self, request: Request) -> Response:
        """The page, or the message for a protocol or group the content does not know (400)."""
        lang, protocol, omit = chosen(request, self.shelf)
        headers = {"content-security-policy": PRACTICE_POLICY, "vary": "accept-language"}
        try:
            html = await run_in_threadpool(self.rendered, lang, protocol, omit)
        except PmrError as error:
            return Response(str(error), status_code=400, media_type="text/plain; charset=utf-8")
        return HTMLResponse(html, headers=headers)
