"""The recorded lines: a clip (one Opus file) a spoken line, keyed by a hash of its text, voice
and engine, where it is, and how long it lasts.

The key changes whenever the words, the voice, its speed or the way we synthesise change, so a
clip can never speak words other than the line's. The shipped clips (`audio/clips/<lang>/`) cover
the shipped content; `manifest.json` beside them gives each key's text and measured length, which
the session plan takes instead of its estimate (`speech`). A clinic's own words are rendered once
into the user cache (PMR_PRINT_CACHE, else ~/.cache/pmr-print/voice).

A plain room, not part of audio/: the handout's plan states how long the spoken session lasts,
and plans import no product. This module is only data (keys, lengths, paths): no numpy, no codec.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import os
import pathlib
from dataclasses import dataclass

# The clips' Opus bitrate as libsndfile's compression level (see encode.py): 9 kb/s, the lowest
# at which libopus still codes speech wideband (to 8 kHz); below it, narrowband (to 4 kHz, a
# telephone's sound). About 70 kB a minute of speech.
CLIP_LEVEL = 0.988
# Everything that changes the sound of a clip, besides its text and voice. Bump `rev` whenever
# the G2P, trimming or loudness of voice.py change.
ENGINE = f"kokoro-82m-v1.0-int8|misaki-0.9.4|style[n-1]|trim30ms|-16LUFS|opus{CLIP_LEVEL}|rev1"
SHIPPED = pathlib.Path(__file__).resolve().parent / "audio" / "clips"


@dataclass(frozen=True)
class Voice:
    name: str  # a voice pack in voices/
    speed: float  # Kokoro's speed: below 1 is slower


# A calm pace: Kokoro's English at 1.0 runs near 155 words a minute, faster than a guide speaks.
VOICES = {"en": Voice("af_heart", 0.9), "zh": Voice("zf_xiaoyi", 1.0)}


def voice_of(lang: str) -> Voice:
    return VOICES["zh" if lang.startswith("zh") else "en"]


def clip_key(text: str, lang: str) -> str:
    voice = voice_of(lang)
    said = f"{ENGINE}\n{voice.name}\n{voice.speed}\n{text}"
    return hashlib.sha256(said.encode("utf-8")).hexdigest()[:16]


def cache_dir(lang: str) -> pathlib.Path:
    root = os.environ.get("PMR_PRINT_CACHE")
    base = pathlib.Path(root) if root else pathlib.Path.home() / ".cache" / "pmr-print" / "voice"
    return base / voice_of(lang).name


def shipped_dir(lang: str) -> pathlib.Path:
    return SHIPPED / ("zh" if lang.startswith("zh") else "en")


@functools.cache
def manifest(folder: pathlib.Path) -> dict[str, float]:
    """key -> seconds of the clips in `folder` (none when it has no manifest)."""
    path = folder / "manifest.json"
    if not path.is_file():
        return {}
    found = json.loads(path.read_text("utf-8"))
    return {key: float(entry["seconds"]) for key, entry in found.items()}


def find_clip(text: str, lang: str) -> pathlib.Path | None:
    """The clip of `text`: shipped, else in the user cache, else None."""
    key = clip_key(text, lang)
    for folder in (shipped_dir(lang), cache_dir(lang)):
        if (folder / f"{key}.opus").is_file():
            return folder / f"{key}.opus"
    return None


def clip_seconds(text: str, lang: str) -> float | None:
    """How long the clip of `text` lasts, to the next tenth of a second above (the plan's
    clock counts tenths), or None when no clip has been rendered."""
    key = clip_key(text, lang)
    for folder in (shipped_dir(lang), cache_dir(lang)):
        seconds = manifest(folder).get(key)
        if seconds is not None:
            return math.ceil(round(seconds * 10, 6)) / 10
    return None


def record(folder: pathlib.Path, text: str, lang: str, seconds: float) -> None:
    """Add a rendered clip to the manifest of `folder`."""
    path = folder / "manifest.json"
    found = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    found[clip_key(text, lang)] = {"text": text, "seconds": round(seconds, 4)}
    ordered = dict(sorted(found.items()))
    path.write_text(json.dumps(ordered, ensure_ascii=False, indent=1) + "\n", "utf-8")
    manifest.cache_clear()
