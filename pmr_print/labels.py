"""The interface labels every product prints, and their translation for one language."""

from __future__ import annotations

import string
from collections.abc import Mapping

SEPARATOR = " · "  # between two languages on one line: "Practice log · 练习记录"

# Every interface label a product prints. labels.po of each language translates each of these;
# `pmr-print check` reports one that is missing, empty or fuzzy.
LABELS: tuple[str, ...] = (
    "Client",
    "Clinician",
    "Clinic",
    "Date",
    "Page {page} of {pages}",
    "Step {number} of {count}",
    "Tense {seconds} s",
    "Relax {seconds} s",
    "Breathe normally, notice the area",
    "Muscle group",
    "What to do",
    "Tense (s)",
    "Relax (s)",
    "Total",
    "{minutes} min {seconds} s",
    "{minutes} min",
    "Reason: {reason}",
    "Leave out: {groups}",
    "Step cards",
    "Stop if it hurts.",
    "Protocol: {name}",
    "Rounds: {count}",
    "Quiet time at the end: {seconds} s",
    "Left out for this client",
    "Scan to open the recording",
    "The guided recording lasts about {minutes} minutes.",  # beside the recording
    "For the clinician: {title}",
    "Practice log",
    "Week {number}: {first} to {last}",
    "Name",
    "Day",
    "Practised",
    "Time of day",
    "Minutes",
    "Tension before",
    "Tension after",
    "What I noticed",
    "Tension scale: 0 = fully relaxed, 10 = the most tense",
    "Weekly reflection",
    "How relaxed do you feel this week?",
    "What did you notice in your body?",
    "Progress",
    "Tension before and after practice",
    "Before",
    "After",
    # log
    "Protocol",
    "e.g. warmth, heaviness, tingling",
    "Week {number}",
    "Days practised",
    "Average before",
    "Average after",
    "Tension (0 to 10)",
    # workshop
    "Facilitator script",
    "Projector slides",
    "Safety briefing",
    "Say this before you begin.",
    (
        "Stop at pain: tense firmly, but never into pain. If something hurts or cramps, let go at"
        " once."
    ),
    (
        "Everyone decides for themselves: anyone may skip a muscle group, or stop at any time and"
        " just rest."
    ),
    (
        "Check with a doctor before joining in if you have muscle cramps, back or neck problems, "
        "a recent injury or operation, or a pain condition; until then, leave out the groups "
        "concerned."
    ),
    (
        "Keep breathing while you tense; never hold your breath. With high blood pressure or "
        "heart disease, tense only lightly."
    ),
    (
        "Keep your eyes open if you prefer. If you feel numb, spaced out or unreal, open your "
        "eyes, look around the room and press your feet into the floor."
    ),
    (
        "If you feel unwell or upset, open your eyes, breathe normally and raise your hand; I "
        "will come to you. You may also leave the room at any time."
    ),
    "Time",
    "What to say",
    "Pause {seconds} s",
    "Round {number} of {count}",
    "Quiet time: let the group rest in silence.",
    "End of the exercise",
    "Reflection",
    "How relaxed do you feel now?",
    "What did you notice in your body?",
    "Practising at home",
    "What we will do",
    "{count} steps, about {duration}",
    "Safety",
    "Stop at pain",
    "Skip any group, or stop, whenever you like",
    "Feeling unwell? Open your eyes and raise a hand",
    "Practise every day, even briefly",
    "Note your tension before and after in your log",
    "Take a moment, then get up slowly",
    # session plan: the facilitator script, the slides and a spoken session
    "The whole session: about {duration}",
    "Preparation",
    "If someone needs help",
    (
        "Welcome. In this session we work through the body one muscle group at a time: first "
        "tensing, then letting go, and noticing the difference."
    ),
    (
        "Welcome. In this session we work through the body one muscle group at a time, noticing"
        " each area and letting it soften, without tensing."
    ),
    "Please don't listen to this while driving or operating machinery.",
    (
        "If you feel unwell or upset, stop, open your eyes and breathe normally; you can come "
        "back to it another time."
    ),
    (
        "If you are pregnant: from about 20 weeks, sit or lie on your side rather than flat on "
        "your back, and leave out the stomach unless your midwife or doctor has agreed to it."
    ),
    (
        "For some people, relaxing brings up difficult feelings or memories. You stay in "
        "charge: you can sit up, keep your eyes open, keep the tensing, or stop at any time."
    ),
    (
        "For some people, relaxing brings up difficult feelings or memories. You stay in "
        "charge: you can sit up, keep your eyes open, or stop at any time."
    ),
    (
        "Let's get ready. Sit comfortably with your feet flat on the floor and your hands "
        "resting in your lap, or lie down if there is room."
    ),
    "Loosen anything tight, such as a belt or collar, and take off your shoes if you like.",
    "Take off your glasses, and take out contact lenses now, before we close our eyes.",
    "Switch your phone off or to silent, and put it away.",
    "Close your eyes, or rest your gaze on a spot on the floor.",
    (
        "Notice how tense your body feels right now and give it a number from 0 to 10: 0 is "
        "fully relaxed, 10 the most tense you can imagine. Keep that number in mind."
    ),
    "Now… tense.",
    "And release.",
    "{relax} … {word}.",
    "Rest quietly now, breathing slowly and evenly.",
    "In a moment I will count from one to four. With each number, come back a little more.",
    "One: move your fingers and toes.",
    "Two: stretch your arms and legs gently.",
    "Three: take a deeper breath and feel the chair or the floor beneath you.",
    "Four: open your eyes and look around the room.",
    (
        "Notice how tense your body feels now and give it a number from 0 to 10 again. Compare "
        "it with your number at the start."
    ),
    "Sit for a moment, then stand up slowly.",
    "Keep your own eyes open and watch the room throughout.",
    (
        "If someone raises a hand or looks distressed, go to them quietly, crouch beside them "
        "and say softly:"
    ),
    (
        "You are safe here. Open your eyes and look around the room. You can stop now and just "
        "breathe."
    ),
    "If they feel numb, spaced out or unreal:",
    "Feel your feet on the floor and the chair under you. Tell me three things you can see.",
    (
        "If it does not pass, offer to step outside with them (a co-facilitator, if there is "
        "one, goes with them), and check in before they go home with anyone who left."
    ),
    (
        "Chest pain, severe breathlessness or feeling faint: the person stops at once; call "
        "your local emergency number."
    ),
    "No one has to share anything; just listening is fine.",
    # booklet
    "Contents",
    "Notes",
    "0 to 10",
    # the clinic's emergency and crisis numbers (--crisis-line): cautions, back cover, script
    "Emergency and crisis numbers",
    "If you need help now",
    ("Chest pain or tightness, severe breathlessness or feeling faint: stop at once and get help."),
    "Call your local emergency number.",
    # the booklet's back cover, under the clinic's name (--clinic)
    "Bring this booklet to your next session.",
    # practice reminders (pmr-print reminders): the calendar event and its alarm
    "Time for your muscle relaxation practice",
    "Practice reminders: muscle relaxation",
)


class Labels:
    """The translations of LABELS for one language; missing ones fall back to the English."""

    def __init__(
        self,
        translations: Mapping[str, str],
        path: str = "",
        lines: Mapping[str, int] | None = None,
    ) -> None:
        self._translations = dict(translations)
        self.path = path  # the labels.po they came from, and the line of each msgid
        self.lines = dict(lines or {})

    def translations(self) -> Mapping[str, str]:
        return dict(self._translations)

    def __call__(self, msgid: str, **values: object) -> str:
        if msgid not in LABELS:
            raise KeyError(f"{msgid!r} is not in pmr_print.i18n.LABELS")
        text = self._translations.get(msgid) or msgid
        return text.format(**values) if values else text


class PairedLabels(Labels):
    """Each label in two languages, for a bilingual edition: "Page 1 of 2 · 第1页，共2页"."""

    def __init__(self, first: Labels, second: Labels, separator: str = SEPARATOR) -> None:
        super().__init__({})
        self.first, self.second, self.separator = first, second, separator

    def __call__(self, msgid: str, **values: object) -> str:
        return self.first(msgid, **values) + self.separator + self.second(msgid, **values)


def placeholders(text: str) -> list[str]:
    """The {name} placeholders of a label as LABELS writes it."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]


def placeholder_problem(msgid: str, text: str) -> str | None:
    """Why a translation's placeholders would break or garble a build, if they would: each must
    be one of the label's own {names}, plain (no attribute, index, format spec or conversion,
    which could print Python internals or take any memory), and none may be left out."""
    wanted = placeholders(msgid)
    names = ", ".join(f"{{{name}}}" for name in wanted) or "none"
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        return f"label {msgid!r}: {error}; write a literal brace as {{{{ or }}}}"
    found = set()
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if "." in name or "[" in name:
            return f"label {msgid!r}: {{{name}}}: no attribute or index access in a placeholder"
        if name not in wanted:
            return f"label {msgid!r}: unknown placeholder {{{name}}}; the label's: {names}"
        if spec or conversion:
            return f"label {msgid!r}: {{{name}}} takes no format spec or conversion"
        found.add(name)
    missing = [name for name in wanted if name not in found]
    if missing:
        return f"label {msgid!r}: placeholder {{{missing[0]}}} is missing; the label's: {names}"
    return None
