"""The languages a script or slides speak: one, or two in parallel (--lang bi).

What they say comes from the session and step plans, which plan_sessions pairs on one clock; a
voice holds what a painter needs beside them: the guide's labels, the settings and the styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pmr_print.labels import SEPARATOR
from pmr_print.model import Guide
from pmr_print.options import Settings
from pmr_print.pdf.styles import Styles, make_styles


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


def joined(
    voices: Sequence[Voice], msgid: str, separator: str = SEPARATOR, **values: object
) -> str:
    """A label in every language, e.g. "Safety · 安全"."""
    return separator.join(voice.say(msgid, **values) for voice in voices)
