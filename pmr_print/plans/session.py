"""The session plan: every line a guided session says, in one language, at its time.

The facilitator script, the projector slides and a spoken session read the same plan: a welcome
with the cautions that matter while listening, the preparation (ending with a 0 to 10 rating),
then for each step its name and instruction, a separate "Now… tense." at the start of the hold
with "keep breathing" (the guide's tense cue), "And release." at the start of the relax period
with the guide's relax cue, the quiet time, and a count-out that asks for the rating again and
ends with "stand up slowly". What to say to one person in distress, the reflection and practising
at home are planned beside the clock, not on it.

The clock runs from the first word. The protocol decides how long each hold, relax period and
quiet time lasts; everything said outside them (the cautions, the preparation, each instruction,
the count-out) lengthens the session by the time it takes to say, estimated from SPEECH_RATES,
or measured: given `speech` (a line's text and language to the seconds its recording lasts, None
when it has none), the plan times each recorded line as recorded, so the spoken session and
every page that states its length agree to the second, and the cues of a timed phase follow one
another without overlapping.
Marks ("0:15") count from the first step, as a facilitator reads them. Plans of two languages
(`plan_sessions`) share one clock: a bilingual session says each line in every language, one
after the other, so each stretch of speech lasts as long as all its languages together.

Every word comes from the guide (names, instructions, cues, the practice plan) or its labels.po.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from pmr_print.languages import language
from pmr_print.model import Guide, Paragraph, Step
from pmr_print.options import Settings
from pmr_print.plans.crisis import CrisisPlan, plan_crisis
from pmr_print.plans.step import StepPlan, plan_steps
from pmr_print.plans.timeline import clock
from pmr_print.problems import UsageError
from pmr_print.recordings import clip_seconds

Audience = Literal["group", "listener"]  # a facilitator with a room, or one person listening


@dataclass(frozen=True)
class SpeechRate:
    """How fast a calm guiding voice speaks: `per_minute` units, a unit being a word of text in
    spaced scripts and a character in Chinese (a character is a syllable)."""

    per_minute: float
    unit: Literal["word", "character"]


# A calm guiding pace, slower than conversation (English about 150 to 160 words a minute,
# Mandarin about 250 to 300 characters): recorded relaxation scripts run near these figures.
SPEECH_RATES: dict[str, SpeechRate] = {
    "en": SpeechRate(120.0, "word"),
    "zh": SpeechRate(200.0, "character"),
}
BREATH = 1.0  # seconds of silence after each line said outside a timed phase
RATING_PAUSE = 8.0  # after asking for a 0 to 10 rating: time to find the number
COUNT_PAUSE = 3.0  # after each number of the count-out
LATIN_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

Speech = Callable[[str, str], float | None]
"""A line's text and language -> how long its recording lasts (None: not recorded)."""

Kind = Literal["name", "instruction", "say", "cue", "note"]
"""name: the step's name, said and shown as its heading; instruction: the step's instruction;
say: said aloud; cue: said at a mark of the protocol (the hold, the release, the quiet); note:
for the facilitator's eyes, never said."""


@dataclass(frozen=True)
class Line:
    """One line of the session: what is said (or noted), when, and for how long."""

    kind: Kind
    text: str
    at: float = 0.0  # seconds from the session's first word
    seconds: float = 0.0  # how long saying it takes (0 for a note)
    mark: str = ""  # at a moment of the protocol: its time from the first step, "0:15"
    pause: float = 0.0  # silence wanted after it (a rating, a count), beyond a breath

    @property
    def spoken(self) -> bool:
        return self.kind != "note"


@dataclass(frozen=True)
class Phase:
    """Lines said one after the other; `timed` phases last as the protocol says (a hold, a
    relax period, the quiet time), whatever their lines take."""

    lines: tuple[Line, ...]
    timed: int | None = None  # seconds, for a phase of the protocol
    kind: str = "speech"  # "speech", "tense", "relax" or "quiet"
    at: float = 0.0
    seconds: float = 0.0


@dataclass(frozen=True)
class Part:
    """A stretch of the session under one heading: the briefing, a step, the count-out ..."""

    id: str  # "briefing", "preparation", "step-3" ("step-3-2" in round 2), "quiet", "count-out"
    title: str
    phases: tuple[Phase, ...]
    step: StepPlan | None = None
    round: int = 1

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for phase in self.phases for line in phase.lines)

    @property
    def at(self) -> float:
        return self.phases[0].at

    @property
    def mark(self) -> str:
        return next((line.mark for line in self.lines if line.mark), "")


@dataclass(frozen=True)
class SessionPlan:
    """A guided session in one language, timed (see the module's docstring)."""

    lang: str
    audience: Audience
    protocol: str  # "Protocol: Standard"
    protocol_length: str  # "4 min 15 s": the protocol's own timeline
    duration: str  # "11 min": the session's length, rounded to the minute
    length: str  # "The whole session: about 11 min"
    seconds: float  # the session's length: the timeline and every spoken part
    parts: tuple[Part, ...]  # on the clock, in order
    help: Part  # said to one person when needed, off the clock
    reflection: Part  # after the session, off the clock
    home: tuple[Paragraph, ...] = field(default=())  # the guide's practice plan

    @property
    def minutes(self) -> int:
        """The length to the nearest minute, as `duration` and `length` state it."""
        return minutes(self.seconds)

    @property
    def steps(self) -> tuple[Part, ...]:
        """Each step of the first round, as slides show them."""
        return tuple(part for part in self.parts if part.step and part.round == 1)

    def pretty(self) -> str:
        """The plan as plain text, a line a line, for tests and for reading."""
        out = [self.protocol, self.protocol_length, self.length, f"({self.seconds:.1f} s)"]
        for part in (*self.parts, self.help, self.reflection):
            out.append(f"## {part.title}")
            for phase in part.phases:
                if phase.timed is not None:
                    out.append(f"  ~ {phase.kind} {phase.timed} s")
                out += [pretty_line(line) for line in phase.lines]
        out += ["## home", *(f"- {item.text}" for item in self.home)]
        return "\n".join(out) + "\n"


def pretty_line(line: Line) -> str:
    said = f"{line.at:6.1f} +{line.seconds:4.1f}" if line.spoken else " " * 13
    return f"{line.mark:>5} {said} {line.kind:<11} {line.text}"


def speaking_seconds(text: str, lang: str) -> float:
    """How long a calm voice takes to say `text` (see SPEECH_RATES)."""
    record = language(lang)
    fallback = SPEECH_RATES["zh" if record.text_face == "han" else "en"]  # a language new here
    rate = SPEECH_RATES.get(record.code, fallback)
    han = len(HAN.findall(text))
    words = len(LATIN_WORD.findall(HAN.sub(" ", text)))
    units = han + words if rate.unit == "character" else words + han / 1.5
    return round(units * 60.0 / rate.per_minute, 1)


def plan_session(
    guide: Guide, settings: Settings, audience: Audience = "group", speech: Speech | None = None
) -> SessionPlan:
    """The session of the settings' protocol in the guide's language."""
    return plan_sessions(((guide, settings),), audience, speech)[0]


def plan_listening(guide: Guide, settings: Settings, omit: Sequence[str] = ()) -> SessionPlan:
    """The session one client listens to, as `pmr-print audio` makes it: the protocol without the
    groups left out, timed with the shipped (or cached) clips' lengths (`recordings`), so a page
    that states its length states the audio's."""
    left = replace(settings, protocol=settings.protocol.without(frozenset(omit)))
    return plan_session(guide, left, "listener", clip_seconds)


def minutes(seconds: float) -> int:
    return max(1, round(seconds / 60))


def plan_sessions(
    languages: Sequence[tuple[Guide, Settings]],
    audience: Audience = "group",
    speech: Speech | None = None,
) -> tuple[SessionPlan, ...]:
    """A plan per language, on one clock (each line said in every language in turn). The
    languages' protocols must be timed alike, as a bilingual edition's are. `speech` gives the
    measured length of recorded lines (see the module's docstring)."""
    check_alike(languages)
    drafts = [draft(guide, settings, audience, speech) for guide, settings in languages]
    timed = timed_parts([plan.parts for plan in drafts])
    length = end_of(timed[0]) if timed[0] else 0.0
    found = []
    for plan, parts, (guide, _) in zip(drafts, timed, languages, strict=True):
        duration = language(guide.lang).duration(minutes(length) * 60, guide.labels)
        whole = guide.labels("The whole session: about {duration}", duration=duration)
        found.append(replace(plan, parts=parts, seconds=length, duration=duration, length=whole))
    return tuple(found)


def check_alike(languages: Sequence[tuple[Guide, Settings]]) -> None:
    """Every language times its protocol alike: one clock runs for all of them."""
    (first_guide, first), *others = [(guide, settings.protocol) for guide, settings in languages]
    for guide, other in others:
        timing = [(s.tense_seconds, s.relax_seconds) for s in other.steps]
        if timing != [(s.tense_seconds, s.relax_seconds) for s in first.steps] or (
            other.rounds,
            other.settle_seconds,
        ) != (first.rounds, first.settle_seconds):
            raise UsageError(
                f"{other.source}: protocol {other.id!r} is timed differently in "
                f"{guide.lang!r} than in {first_guide.lang!r}, so they cannot run side by side"
            )


def draft(
    guide: Guide, settings: Settings, audience: Audience, speech: Speech | None = None
) -> SessionPlan:
    """The plan before the clock: every line, none timed."""
    protocol, say = settings.protocol, Sayer(guide, speech)
    release_only = all(step.release_only for step in protocol.steps)
    parts = [briefing(say, audience, release_only), preparation(say)]
    parts += step_parts(guide, settings, say)
    parts += [quiet(say, audience, protocol.settle_seconds), count_out(say)]
    return SessionPlan(
        lang=guide.lang,
        audience=audience,
        protocol=guide.labels("Protocol: {name}", name=protocol.name),
        protocol_length=language(guide.lang).duration(protocol.total_seconds, guide.labels),
        duration="",
        length="",
        seconds=0.0,
        parts=tuple(part for part in parts if part.phases),
        help=helping(say, plan_crisis(guide, settings)),
        reflection=reflection(say),
        home=guide.section("practice-plan").items,
    )


class Sayer:
    """Lines in one guide's words: a label said, a label noted, a cue."""

    def __init__(self, guide: Guide, speech: Speech | None = None) -> None:
        self.guide = guide
        self.speech = speech

    def __call__(
        self, msgid: str, kind: Kind = "say", pause: float = 0.0, **values: object
    ) -> Line:
        return self.line(kind, self.guide.labels(msgid, **values), pause)

    def line(self, kind: Kind, text: str, pause: float = 0.0) -> Line:
        seconds = self.seconds(text) if kind != "note" else 0.0
        return Line(kind, text, seconds=seconds, pause=pause)

    def seconds(self, text: str) -> float:
        """How long saying `text` takes: as recorded, else as estimated."""
        measured = self.speech(text, self.guide.lang) if self.speech else None
        return measured if measured is not None else speaking_seconds(text, self.guide.lang)

    def note(self, msgid: str, **values: object) -> Line:
        return self.line("note", self.guide.labels(msgid, **values))


GROUP_BRIEFING: tuple[str, ...] = (
    (
        "Stop at pain: tense firmly, but never into pain. If something hurts or cramps, let go at"
        " once."
    ),
    (
        "Everyone decides for themselves: anyone may skip a muscle group, or stop at any time and "
        "just rest."
    ),
    (
        "Check with a doctor before joining in if you have muscle cramps, back or neck problems, "
        "a recent injury or operation, or a pain condition; until then, leave out the groups "
        "concerned."
    ),
    (
        "If you are pregnant: from about 20 weeks, sit or lie on your side rather than flat on "
        "your back, and leave out the stomach unless your midwife or doctor has agreed to it."
    ),
    (
        "Keep breathing while you tense; never hold your breath. With high blood pressure or "
        "heart disease, tense only lightly."
    ),
    (
        "For some people, relaxing brings up difficult feelings or memories. You stay in charge: "
        "you can sit up, keep your eyes open, keep the tensing, or stop at any time."
    ),
    (
        "Keep your eyes open if you prefer. If you feel numb, spaced out or unreal, open your "
        "eyes, look around the room and press your feet into the floor."
    ),
    (
        "If you feel unwell or upset, open your eyes, breathe normally and raise your hand; I "
        "will come to you. You may also leave the room at any time."
    ),
)
LISTENER_BRIEFING: tuple[str, ...] = (
    "Please don't listen to this while driving or operating machinery.",
    GROUP_BRIEFING[0],
    GROUP_BRIEFING[4],
    GROUP_BRIEFING[3],
    GROUP_BRIEFING[5],
    (
        "If you feel unwell or upset, stop, open your eyes and breathe normally; you can come "
        "back to it another time."
    ),
)
WELCOME = (
    "Welcome. In this session we work through the body one muscle group at a time: first "
    "tensing, then letting go, and noticing the difference."
)


RELEASE_WELCOME = (
    "Welcome. In this session we work through the body one muscle group at a time, noticing "
    "each area and letting it soften, without tensing."
)
TENSING = (GROUP_BRIEFING[0], GROUP_BRIEFING[4])  # not said when nothing is tensed
UNTENSED = {  # said instead when nothing is tensed
    GROUP_BRIEFING[5]: (
        "For some people, relaxing brings up difficult feelings or memories. You stay in charge: "
        "you can sit up, keep your eyes open, or stop at any time."
    ),
}


def briefing(say: Sayer, audience: Audience, release_only: bool) -> Part:
    notes = (say.note("Say this before you begin."),) if audience == "group" else ()
    lines = GROUP_BRIEFING if audience == "group" else LISTENER_BRIEFING
    if release_only:
        lines = tuple(UNTENSED.get(msgid, msgid) for msgid in lines if msgid not in TENSING)
    said = (say(RELEASE_WELCOME if release_only else WELCOME), *(say(msgid) for msgid in lines))
    return Part("briefing", say.guide.labels("Safety briefing"), (Phase((*notes, *said)),))


PREPARATION = (
    (
        "Let's get ready. Sit comfortably with your feet flat on the floor and your hands resting "
        "in your lap, or lie down if there is room."
    ),
    "Loosen anything tight, such as a belt or collar, and take off your shoes if you like.",
    "Take off your glasses, and take out contact lenses now, before we close our eyes.",
    "Switch your phone off or to silent, and put it away.",
    "Close your eyes, or rest your gaze on a spot on the floor.",
)
RATING_BEFORE = (
    "Notice how tense your body feels right now and give it a number from 0 to 10: 0 is fully "
    "relaxed, 10 the most tense you can imagine. Keep that number in mind."
)


def preparation(say: Sayer) -> Part:
    lines = (*(say(msgid) for msgid in PREPARATION), say(RATING_BEFORE, pause=RATING_PAUSE))
    return Part("preparation", say.guide.labels("Preparation"), (Phase(lines),))


def step_parts(guide: Guide, settings: Settings, say: Sayer) -> Iterator[Part]:
    protocol = settings.protocol
    plans = plan_steps(guide, settings)
    for round_ in range(1, protocol.rounds + 1):
        for plan, step in zip(plans, protocol.steps, strict=True):
            lines: tuple[Line, ...] = ()
            if protocol.rounds > 1 and plan.number == 1:
                count = protocol.rounds
                lines = (say.note("Round {number} of {count}", number=round_, count=count),)
            lines += (say.line("name", plan.name), say.line("instruction", plan.instruction.text))
            suffix = f"-{round_}" if round_ > 1 else ""
            phases = (Phase(lines), *step_phases(guide, say, step))
            yield Part(f"step-{plan.number}{suffix}", f"{plan.number}. {plan.name}", phases,
                       plan, round_)  # fmt: skip


def step_phases(guide: Guide, say: Sayer, step: Step) -> Iterator[Phase]:
    cues = guide.cues
    pause = say.note("Pause {seconds} s", seconds=step.relax_seconds)
    if step.release_only:
        yield Phase((pause,), step.relax_seconds, "relax")
        return
    tense = (say("Now… tense.", "cue"), say.line("cue", cues.tense))
    yield Phase(tense, step.tense_seconds, "tense")
    relax = say("{relax} … {word}.", "cue", relax=cues.relax, word=cues.relax_word)
    yield Phase((say("And release.", "cue"), relax, pause), step.relax_seconds, "relax")


def quiet(say: Sayer, audience: Audience, seconds: int) -> Part:
    if not seconds:
        return Part("quiet", "", ())
    lines = [say("Rest quietly now, breathing slowly and evenly.", "cue")]
    if audience == "group":
        lines.append(say.note("Quiet time: let the group rest in silence."))
    lines.append(say.note("Pause {seconds} s", seconds=seconds))
    title = say.guide.labels("Quiet time at the end: {seconds} s", seconds=seconds)
    return Part("quiet", title, (Phase(tuple(lines), seconds, "quiet"),))


COUNT_OUT = (
    "One: move your fingers and toes.",
    "Two: stretch your arms and legs gently.",
    "Three: take a deeper breath and feel the chair or the floor beneath you.",
    "Four: open your eyes and look around the room.",
)
RATING_AFTER = (
    "Notice how tense your body feels now and give it a number from 0 to 10 again. Compare it "
    "with your number at the start."
)


def count_out(say: Sayer) -> Part:
    lines = [say("In a moment I will count from one to four. With each number, come back a "
                 "little more.")]  # fmt: skip
    lines += [say(msgid, pause=COUNT_PAUSE) for msgid in COUNT_OUT]
    lines += [say(RATING_AFTER, pause=RATING_PAUSE), say("Sit for a moment, then stand up slowly.")]
    end = say.note("End of the exercise")
    title = say.guide.labels("End of the exercise")
    return Part("count-out", title, (Phase(tuple(lines)), Phase((end,))))


def helping(say: Sayer, crisis: CrisisPlan) -> Part:
    lines = (
        say.note("Keep your own eyes open and watch the room throughout."),
        say.note(
            "If someone raises a hand or looks distressed, go to them quietly, crouch beside them "
            "and say softly:"
        ),
        say("You are safe here. Open your eyes and look around the room. You can stop now and "
            "just breathe."),
        say.note("If they feel numb, spaced out or unreal:"),
        say("Feel your feet on the floor and the chair under you. Tell me three things you can "
            "see."),
        say.note(
            "If it does not pass, offer to step outside with them (a co-facilitator, if there is "
            "one, goes with them), and check in before they go home with anyone who left."
        ),
        say.note(
            "Chest pain, severe breathlessness or feeling faint: the person stops at once; call "
            "your local emergency number."
        ),
        *([say.line("note", crisis.call)] if crisis.numbers else []),
    )  # fmt: skip
    return Part("help", say.guide.labels("If someone needs help"), (Phase(lines),))


def reflection(say: Sayer) -> Part:
    lines = (
        say("How relaxed do you feel now?"),
        say("What did you notice in your body?"),
        say("No one has to share anything; just listening is fine."),
    )
    return Part("reflection", say.guide.labels("Reflection"), (Phase(lines),))


def timed_parts(languages: Sequence[tuple[Part, ...]]) -> list[tuple[Part, ...]]:
    """Each language's parts on one clock: the stretches said in turn, the phases of the
    protocol as long as the protocol says; marks from the first step's first word."""
    clock_at = Clock()
    first_step = None
    timed: list[list[Part]] = [[] for _ in languages]
    for parts in zip(*languages, strict=True):
        if parts[0].step is not None and first_step is None:
            first_step = clock_at.now
        phases = [clock_at.run([part.phases[i] for part in parts]) for i in
                  range(len(parts[0].phases))]  # fmt: skip
        for k, part in enumerate(parts):
            placed = tuple(marked(found[k], first_step) for found in phases)
            timed[k].append(replace(part, phases=placed))
    return [tuple(parts) for parts in timed]


class Clock:
    """Runs the session's clock over phases said in every language."""

    def __init__(self) -> None:
        self.now = 0.0

    def run(self, phases: Sequence[Phase]) -> list[Phase]:
        start, cursor = self.now, self.now
        lines: list[list[Line]] = [[] for _ in phases]
        for row in zip(*(phase.lines for phase in phases), strict=True):
            for k, line in enumerate(row):
                lines[k].append(replace(line, at=round(cursor, 1)))
                if line.spoken:
                    cursor += line.seconds + line.pause + (BREATH if phases[0].timed is None else 0)
        timed = phases[0].timed  # speech rounded up to whole seconds: the marks stay exact
        self.now = start + (timed if timed is not None else math.ceil(cursor - start))
        length = round(self.now - start, 1)
        return [replace(phase, lines=tuple(found), at=round(start, 1), seconds=length)
                for phase, found in zip(phases, lines, strict=True)]  # fmt: skip


def marked(phase: Phase, first_step: float | None) -> Phase:
    """The phase with the exercise clock's mark on its first line (a moment of the protocol, or
    a step's or the count-out's start)."""
    if first_step is None or not phase.lines:
        return phase
    mark = clock(round(phase.at - first_step))
    lines = list(phase.lines)
    index = next((i for i, line in enumerate(lines) if line.spoken), 0)
    lines[index] = replace(lines[index], mark=mark)
    return replace(phase, lines=tuple(lines))


def end_of(parts: tuple[Part, ...]) -> float:
    last = parts[-1].phases[-1]
    return round(last.at + last.seconds, 1)
