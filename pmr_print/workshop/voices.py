"""The languages a script or slides speak: one, or two in parallel (--lang bi)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmr_print.labels import SEPARATOR
from pmr_print.languages import language
from pmr_print.model import Guide, Protocol
from pmr_print.options import Settings
from pmr_print.pdf.styles import Styles, make_styles
from pmr_print.problems import UsageError


@dataclass(frozen=True)
class Voice:
    """One language: its guide, its resolved options and its paragraph styles."""

    guide: Guide
    settings: Settings

    @property
    def styles(self) -> Styles:
        return make_styles(self.settings.theme, self.guide.lang)

    def say(self, msgid: str, **values: object) -> str:
        return self.guide.labels(msgid, **values)

    def say_separator(self) -> str:
        """What follows a lead-in such as "What we will do"."""
        return language(self.guide.lang).colon


def check_alike(voices: Sequence[Voice]) -> Protocol:
    """The protocol, after checking that every language times it alike (the script and the
    slides run one clock for all of them)."""
    first = voices[0].settings.protocol
    for voice in voices[1:]:
        other = voice.settings.protocol
        timing = [(s.tense_seconds, s.relax_seconds) for s in other.steps]
        if timing != [(s.tense_seconds, s.relax_seconds) for s in first.steps] or (
            other.rounds,
            other.settle_seconds,
        ) != (first.rounds, first.settle_seconds):
            raise UsageError(
                f"{other.source}: protocol {other.id!r} is timed differently in "
                f"{voice.guide.lang!r} than in {voices[0].guide.lang!r}, so they cannot run "
                "side by side"
            )
    return first


def joined(
    voices: Sequence[Voice], msgid: str, separator: str = SEPARATOR, **values: object
) -> str:
    """A label in every language, e.g. "Safety · 安全"."""
    return separator.join(voice.say(msgid, **values) for voice in voices)
