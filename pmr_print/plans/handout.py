"""What the therapist handout says in one language: `plan_handout(guide, settings, details)`.

The plan holds every word of the handout in reading order, each label translated and each
punctuation mark chosen: the title and who it is for, the sections before the sequence, the
sequence (the protocol, its steps as table rows, the total of the steps actually printed, the
groups left out), the sections after it, the clinician's checklist and the references. The PDF
and HTML painters, the bilingual layout (given two plans) and the booklet only place it.

It also says how long the spoken session of the same options lasts (`pmr-print audio`: the
timeline and its spoken parts), timed as the audio is, with the recorded clips' lengths: the
painters print it beside the recording's QR code, the one place the client is sent to the
audio; the practice page reads it from here. The lengths come from `pmr_print.recordings`, a
plain room of data (keys and measured seconds), so the plan reaches no product and no painter
has to pass the number in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from babel.lists import format_list

from pmr_print.i18n import duration, long_date
from pmr_print.languages import language
from pmr_print.model import BulletList, Guide, Paragraph, Protocol, Section, Source, Span, Step
from pmr_print.options import HandoutDetails, Settings
from pmr_print.plans.crisis import BackCoverPlan, plan_back_cover, with_numbers
from pmr_print.plans.session import plan_listening
from pmr_print.plans.step import left_out_note
from pmr_print.problems import UsageError

# Reading order: what it is, the cautions before anything is tried, how to do it, then the rest.
BEFORE_SEQUENCE = ("about", "drawbacks", "preparation", "breathing")
AFTER_SEQUENCE = ("post-relaxation", "practice-plan", "considerations", "benefits")
# How a painter sets a part apart: the cautions in their box, the clinician's checklist in its.
KINDS = {"drawbacks": "caution", "screening": "clinician", "references": "references"}


@dataclass(frozen=True)
class Detail:
    """A row of the details table: its label, the value and where the value came from."""

    label: str
    value: str
    origin: str  # the option that gave it (--client, --date), for an error about it


@dataclass(frozen=True)
class SessionLength:
    """How long the spoken session of the handout's options lasts, and the sentence saying so."""

    seconds: float  # as the audio file lasts
    minutes: int
    sentence: str  # "The guided recording lasts about 9 minutes."


@dataclass(frozen=True)
class Recording:
    label: str  # "Scan to open the recording"
    url: str
    length: str  # the session's length, as SessionLength.sentence says it


@dataclass(frozen=True)
class Part:
    """A section of the guide as the handout shows it: its title (the clinician's checklist is
    labelled as theirs), its kind ("caution", "clinician", "references" or "") and what follows
    its text (the recording, after the practice plan)."""

    section: Section
    title: str
    kind: str = ""
    recording: Recording | None = None

    @property
    def id(self) -> str:
        return self.section.id


@dataclass(frozen=True)
class Row:
    """A step of the table: its number, name, instruction (with a note when it still asks for a
    group left out), the seconds of tensing and relaxing, and both in words."""

    number: int
    name: str
    instruction: Paragraph
    leave_out: str
    tense: str
    relax: str
    timing: str  # "Tense 5 s, Relax 10 s" ("Relax 20 s" when nothing is tensed)
    source: Source


@dataclass(frozen=True)
class Columns:
    """The headings of the steps table."""

    number: str
    name: str
    instruction: str
    tense: str
    relax: str
    total: str
    name_and_instruction: str  # "Muscle group: What to do", for a cell that holds both


@dataclass(frozen=True)
class Omitted:
    title: str
    groups: str  # "Back and neck"
    reason: str  # "Reason: recent injury", or ""


@dataclass(frozen=True)
class SequencePlan:
    """The sequence section: its text, the protocol and its steps as a table."""

    part: Part
    id: str  # the protocol's
    protocol: str  # "Protocol: Standard"
    source: Source  # the protocol's
    summary: Paragraph  # the protocol's, or the steps actually printed when some dropped out
    shared: Paragraph | None  # the instruction every step shares, said once above the table
    columns: Columns
    rows: tuple[Row, ...]
    total: str  # of the steps actually printed
    omitted: Omitted | None

    @property
    def with_instructions(self) -> bool:
        return self.shared is None


@dataclass(frozen=True)
class HandoutPlan:
    lang: str
    tag: str  # BCP 47, e.g. zh-CN
    title: str
    subtitle: str
    source: Source
    client: str
    author: str  # the clinician or the clinic, or "" (for the document's metadata)
    details: tuple[Detail, ...]
    before: tuple[Part, ...]
    sequence: SequencePlan
    after: tuple[Part, ...]
    screening: Part
    references: Part
    back_cover: BackCoverPlan  # the clinic, a reminder, where to get help at once
    session: SessionLength  # the spoken session of these options (`pmr-print audio`)
    notes: str  # the heading of a page left over, ruled for notes ("Notes")

    @property
    def parts(self) -> tuple[Part, ...]:
        """Every section in reading order (the sequence's in its place)."""
        return (*self.before, self.sequence.part, *self.after, self.screening, self.references)

    def part(self, section_id: str) -> Part:
        return next(part for part in self.parts if part.id == section_id)

    def pretty(self) -> str:
        """The plan as plain text: the words it composes in full, the guide's sections by title."""
        return "\n".join(pretty_lines(self)) + "\n"


def plan_handout(guide: Guide, settings: Settings, details: HandoutDetails) -> HandoutPlan:
    """What the handout for `details` says in the guide's language."""
    sequence = plan_sequence(guide, settings, details)  # first: it refuses an empty protocol
    session = plan_session_length(guide, settings, details)
    return HandoutPlan(
        lang=guide.lang,
        tag=settings.tag,
        title=guide.title,
        subtitle=guide.subtitle,
        source=guide.source,
        client=details.client,
        author=details.clinician or details.clinic,
        details=plan_details(guide, settings, details),
        before=tuple(
            plan_part(guide, section_id, settings=settings) for section_id in BEFORE_SEQUENCE
        ),
        sequence=sequence,
        after=tuple(
            plan_part(guide, section_id, details, session=session) for section_id in AFTER_SEQUENCE
        ),
        screening=plan_part(guide, "screening"),
        references=plan_part(guide, "references"),
        back_cover=plan_back_cover(guide, settings, details.clinic),
        session=session,
        notes=guide.labels("Notes"),
    )


def plan_session_length(guide: Guide, settings: Settings, details: HandoutDetails) -> SessionLength:
    """The spoken session's length for the client's options, as `pmr-print audio` makes it."""
    listening = plan_listening(guide, settings, details.omit)
    sentence = guide.labels(
        "The guided recording lasts about {minutes} minutes.", minutes=listening.minutes
    )
    return SessionLength(listening.seconds, listening.minutes, sentence)


def plan_details(guide: Guide, settings: Settings, details: HandoutDetails) -> tuple[Detail, ...]:
    day = details.date or dt.date.today()
    rows = [
        ("Client", details.client, "--client"),
        ("Clinician", details.clinician, "--clinician"),
        ("Clinic", details.clinic, "--clinic"),
        ("Date", long_date(day, settings.locale), "--date"),
    ]
    return tuple(
        Detail(guide.labels(label), value, origin) for label, value, origin in rows if value
    )


def plan_part(
    guide: Guide,
    section_id: str,
    details: HandoutDetails | None = None,
    settings: Settings | None = None,
    session: SessionLength | None = None,
) -> Part:
    section = guide.section(section_id)
    if section_id == "drawbacks" and settings is not None:
        section = with_numbers(section, guide, settings)
    title = section.title
    if section_id == "screening":
        title = guide.labels("For the clinician: {title}", title=section.title)
    recording = None
    if section_id == "practice-plan" and details is not None and details.recording_url:
        label = guide.labels("Scan to open the recording")
        length = session.sentence if session else ""
        recording = Recording(label, details.recording_url, length)
    return Part(section, title, KINDS.get(section_id, ""), recording)


def plan_sequence(guide: Guide, settings: Settings, details: HandoutDetails) -> SequencePlan:
    """The sequence of the protocol without the groups left out; UsageError if none is left."""
    whole = settings.protocol
    protocol = whole.without(frozenset(details.omit))
    if not protocol.steps:  # every group left out
        raise UsageError(
            f"--omit leaves no step of the protocol '{protocol.id}'; leave out fewer groups"
        )
    labels = guide.labels
    omitted = None
    if details.omit:
        reason = (
            labels("Reason: {reason}", reason=details.omit_reason) if details.omit_reason else ""
        )
        names = group_names(guide, details.omit, settings)
        omitted = Omitted(labels("Left out for this client"), names, reason)
    return SequencePlan(
        part=plan_part(guide, "sequence"),
        id=protocol.id,
        protocol=labels("Protocol: {name}", name=protocol.name),
        source=protocol.source,
        summary=summary(guide, whole, protocol),
        shared=shared_instruction(protocol),
        columns=columns(guide),
        rows=tuple(plan_row(guide, settings, step, n) for n, step in enumerate(protocol.steps, 1)),
        total=total_text(guide, protocol),
        omitted=omitted,
    )


def summary(guide: Guide, whole: Protocol, printed: Protocol) -> Paragraph:
    """The protocol's summary, which counts its steps and time; when groups left out drop steps,
    the steps and time actually printed instead ("11 steps, about 3 min 45 s")."""
    if len(printed.steps) == len(whole.steps):
        return whole.summary
    text = guide.labels(
        "{count} steps, about {duration}",
        count=len(printed.steps),
        duration=duration(printed.total_seconds, guide.labels),
    )
    return Paragraph((Span(text),), whole.summary.source)


def shared_instruction(protocol: Protocol) -> Paragraph | None:
    """The instruction every step shares, if they all share one and there are several steps."""
    texts = {step.instruction.text for step in protocol.steps}
    return protocol.steps[0].instruction if len(protocol.steps) > 1 and len(texts) == 1 else None


def columns(guide: Guide) -> Columns:
    labels = guide.labels
    return Columns(
        number="#",
        name=labels("Muscle group"),
        instruction=labels("What to do"),
        tense=labels("Tense (s)"),
        relax=labels("Relax (s)"),
        total=labels("Total"),
        name_and_instruction=language(guide.lang).labelled(
            labels("Muscle group"), labels("What to do")
        ),
    )


def plan_row(guide: Guide, settings: Settings, step: Step, number: int) -> Row:
    labels = guide.labels
    timing = [labels("Relax {seconds} s", seconds=step.relax_seconds)]
    if not step.release_only:
        timing.insert(0, labels("Tense {seconds} s", seconds=step.tense_seconds))
    return Row(
        number,
        step.name,
        step.instruction,
        left_out_note(guide, settings, step),  # as the step's card and page say it
        seconds_text(step.tense_seconds),
        seconds_text(step.relax_seconds),
        language(guide.lang).comma.join(timing),
        step.source,
    )


def group_names(guide: Guide, ids: tuple[str, ...], settings: Settings) -> str:
    """ "Back and neck", "背部和颈部": the groups' names as a list in the language."""
    names = [guide.group(group).name for group in ids]
    return format_list(names[:1] + [running(name) for name in names[1:]], locale=settings.locale)


def seconds_text(seconds: int) -> str:
    return str(seconds) if seconds else "–"  # no tensing at all: a dash, not a zero


def total_text(guide: Guide, protocol: Protocol) -> str:
    labels = guide.labels
    parts = [duration(protocol.total_seconds, labels)]
    if protocol.rounds > 1:
        parts.append(labels("Rounds: {count}", count=protocol.rounds))
    if protocol.settle_seconds:
        parts.append(labels("Quiet time at the end: {seconds} s", seconds=protocol.settle_seconds))
    return language(guide.lang).semicolon.join(parts[:1] + [running(part) for part in parts[1:]])


def running(text: str) -> str:
    """A name or label run on inside a sentence: "Back and neck", "…; quiet time at the end"
    (a Chinese one is as it is)."""
    return text[:1].lower() + text[1:]


def pretty_lines(plan: HandoutPlan) -> Iterator[str]:
    yield f"{plan.title} [{plan.tag}]"
    yield plan.subtitle
    for detail in plan.details:
        yield f"  {detail.label} | {detail.value}"
    for part in plan.parts:
        yield from pretty_part(part)
        if part is plan.sequence.part:
            yield from pretty_sequence(plan.sequence)


def pretty_part(part: Part) -> Iterator[str]:
    kind = f" ({part.kind})" if part.kind else ""
    blocks = [
        f"{len(block.items)} items" if isinstance(block, BulletList) else "paragraph"
        for block in part.section.blocks
    ]
    yield f"## {part.title} #{part.id}{kind}: {', '.join(blocks) or 'no text'}"
    if part.recording:
        yield f"  [QR] {part.recording.label} | {part.recording.length} | {part.recording.url}"


def pretty_sequence(sequence: SequencePlan) -> Iterator[str]:
    yield f"### {sequence.protocol}"
    yield sequence.summary.text
    if sequence.shared:
        yield f"(every step) {sequence.shared.text}"
    c = sequence.columns
    what = [c.instruction] if sequence.with_instructions else []
    yield " | ".join([c.number, c.name, *what, c.tense, c.relax])
    for row in sequence.rows:
        instruction = [row.instruction.text + (f" [{row.leave_out}]" if row.leave_out else "")]
        what = instruction if sequence.with_instructions else []
        yield " | ".join([str(row.number), row.name, *what, row.tense, row.relax])
    yield f"{c.total} | {sequence.total}"
    if sequence.omitted:
        omitted = sequence.omitted
        yield f"{omitted.title} | {omitted.groups}" + (
            f" | {omitted.reason}" if omitted.reason else ""
        )
