"""The spoken session: each line's clip at its time on a silent track as long as the plan.

The plan is timed with the clips' measured lengths (`recordings.clip_seconds`), so the track lasts
exactly what the plan, and every page stating its length, says; lines in a timed phase (a hold,
a relax period) follow one another without overlapping, and every tense and release cue starts
on the protocol's mark. Captions (WebVTT) run from a line's time to the end of its clip.
"""

from __future__ import annotations

import functools
import pathlib
from dataclasses import dataclass

import numpy as np

from pmr_print import recordings
from pmr_print.audio import encode, loudness
from pmr_print.model import Guide
from pmr_print.options import Settings
from pmr_print.plans.session import SessionPlan, plan_listening
from pmr_print.problems import UsageError


@dataclass(frozen=True)
class Cue:
    """A caption: a line from the moment it is said to the end of its clip."""

    start: float
    end: float
    text: str
    phase: str  # "speech", "tense", "relax" or "quiet"


@dataclass(frozen=True)
class Spoken:
    """A session as an audio file and its captions."""

    audio: bytes
    captions: str  # WebVTT
    kind: str  # "opus", "mp3" or "wav"
    seconds: float  # the plan's length, which the audio lasts
    plan: SessionPlan

    @property
    def media_type(self) -> str:
        return encode.MEDIA_TYPES[self.kind]


def listener_plan(guide: Guide, settings: Settings) -> SessionPlan:
    """The listener's session, timed with the clips' lengths where there are clips (the
    settings' protocol already without the groups left out)."""
    return plan_listening(guide, settings)


def spoken_session(guide: Guide, settings: Settings, kind: str = "opus") -> Spoken:
    """The session of the settings' protocol in the guide's language, as an audio file."""
    if kind not in encode.FORMATS:
        raise UsageError(f"unknown audio format {kind!r}; use one of: {', '.join(encode.FORMATS)}")
    plan = listener_plan(guide, settings)
    absent = [text for text in said(plan) if recordings.find_clip(text, plan.lang) is None]
    if absent:
        speak_absent(absent, plan.lang)
        plan = listener_plan(guide, settings)  # timed again, with the new clips
    cues, samples = track(plan)
    return Spoken(encode.encode(samples, kind), captions(cues), kind, plan.seconds, plan)


def said(plan: SessionPlan) -> list[str]:
    return list(dict.fromkeys(line.text for part in plan.parts for line in part.lines
                              if line.spoken))  # fmt: skip


def speak_absent(texts: list[str], lang: str) -> None:
    """Clips of a clinic's own words, into the user cache (the [voice] extra)."""
    from pmr_print.audio import voice

    if not voice.installed():
        first = texts[0] if len(texts[0]) <= 40 else texts[0][:39] + "…"
        raise UsageError(
            f"{len(texts)} line(s) of this content have no shipped clip (the first: {first!r});"
            f" speaking your own words needs the voice: {voice.EXTRA}"
        )
    folder = recordings.cache_dir(lang)
    folder.mkdir(parents=True, exist_ok=True)
    for text in texts:
        samples = voice.render(text, lang)
        data = encode.encode(samples, "opus", recordings.CLIP_LEVEL)
        (folder / f"{recordings.clip_key(text, lang)}.opus").write_bytes(data)
        recordings.record(folder, text, lang, len(encode.decode(data)) / encode.SAMPLE_RATE)


def track(plan: SessionPlan) -> tuple[list[Cue], loudness.Samples]:
    """Every spoken line's clip at its time; silence between."""
    rate = encode.SAMPLE_RATE
    out = np.zeros(round(plan.seconds * rate), np.float32)
    cues = []
    for part in plan.parts:
        for phase in part.phases:
            for line in (line for line in phase.lines if line.spoken):
                found = recordings.find_clip(line.text, plan.lang)
                assert found is not None, line.text
                samples = clip(found)
                start = round(line.at * rate)
                end = min(len(out), start + len(samples))
                out[start:end] += samples[: end - start]
                cues.append(Cue(line.at, end / rate, line.text, phase.kind))
    return cues, loudness.limit(out, loudness.TRACK_CEILING)


@functools.lru_cache(maxsize=256)
def clip(path: pathlib.Path) -> loudness.Samples:
    return encode.decode(path.read_bytes())


def captions(cues: list[Cue]) -> str:
    """WebVTT: a cue a spoken line."""
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, 1):
        blocks.append(f"{number}\n{timestamp(cue.start)} --> {timestamp(cue.end)}\n"
                      f"{escaped(cue.text)}")  # fmt: skip
    return "\n\n".join(blocks) + "\n"


def timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}"


def escaped(text: str) -> str:
    """Cue text as WebVTT reads it: & < > escaped, so "-->" and tags cannot occur."""
    return " ".join(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").split())
