"""The interface labels every product prints, and their translation for one language."""

from __future__ import annotations

from collections.abc import Mapping

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
    "Protocol: {name}",
    "Rounds: {count}",
    "Quiet time at the end: {seconds} s",
    "Left out for this client",
    "Scan to open the recording",
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

    def __init__(self, first: Labels, second: Labels, separator: str = " · ") -> None:
        super().__init__({})
        self.first, self.second, self.separator = first, second, separator

    def __call__(self, msgid: str, **values: object) -> str:
        return self.first(msgid, **values) + self.separator + self.second(msgid, **values)
