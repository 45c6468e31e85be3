"""Render the shipped clips: every line a listener's session of the shipped content says, in
every protocol and language, spoken once into pmr_print/audio/clips/<lang>/ (needs the [voice]
extra). Lines already rendered (same key) are kept; clips no session says any more are removed.

    python scripts/render_clips.py [en zh]

Prints what it rendered and the synthesis real-time factor (CPU seconds per second of audio).
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace

import numpy as np

from pmr_print import api, recordings
from pmr_print.audio import encode, loudness, voice
from pmr_print.options import GROUP_IDS, PrintOptions, resolve
from pmr_print.plans.session import plan_session


def spoken_lines(lang: str) -> list[str]:
    """Every line of every protocol, whole and with any one muscle group left out (which
    changes the words of a step that covers several groups)."""
    guide = api.load(lang)
    texts: dict[str, None] = {}
    for protocol in guide.protocols:
        settings = resolve(PrintOptions(protocol=protocol.id), guide)
        for omit in ((), *((group,) for group in GROUP_IDS)):
            left = replace(settings, protocol=settings.protocol.without(frozenset(omit)))
            if not left.protocol.steps:
                continue
            plan = plan_session(guide, left, "listener")
            texts.update(dict.fromkeys(line.text for part in plan.parts for line in part.lines
                                       if line.spoken))  # fmt: skip
    return list(texts)


def opus_clip(samples: loudness.Samples) -> tuple[bytes, float]:
    """The clip as Opus, its loudness corrected once for what the encoder takes away."""
    data = encode.encode(samples, "opus", recordings.CLIP_LEVEL)
    heard = loudness.integrated(encode.decode(data), encode.SAMPLE_RATE)
    gain = np.float32(10 ** ((loudness.TARGET - heard) / 20))
    data = encode.encode(loudness.limit(samples * gain), "opus", recordings.CLIP_LEVEL)
    return data, len(encode.decode(data)) / encode.SAMPLE_RATE


def render(lang: str) -> None:
    folder = recordings.shipped_dir(lang)
    folder.mkdir(parents=True, exist_ok=True)
    texts = spoken_lines(lang)
    wanted = {recordings.clip_key(text, lang) for text in texts}
    cpu = audio = 0.0
    for text in texts:
        if (folder / f"{recordings.clip_key(text, lang)}.opus").is_file():
            continue
        start = time.process_time()
        samples = voice.render(text, lang)
        cpu += time.process_time() - start
        audio += len(samples) / encode.SAMPLE_RATE
        data, seconds = opus_clip(samples)
        (folder / f"{recordings.clip_key(text, lang)}.opus").write_bytes(data)
        recordings.record(folder, text, lang, seconds)
        print(f"{lang} {seconds:5.1f} s  {text[:60]}", flush=True)
    for stale in folder.glob("*.opus"):
        if stale.stem not in wanted:
            stale.unlink()
    prune(folder, wanted)
    size = sum(path.stat().st_size for path in folder.glob("*.opus"))
    rtf = f"{cpu / audio:.2f}" if audio else "-"
    print(f"{lang}: {len(wanted)} clips, {size / 1000:.0f} kB; new audio {audio:.1f} s in "
          f"{cpu:.1f} CPU s (real-time factor {rtf})")  # fmt: skip


def prune(folder: object, wanted: set[str]) -> None:
    import json
    import pathlib

    path = pathlib.Path(str(folder)) / "manifest.json"
    found = json.loads(path.read_text("utf-8"))
    kept = {key: entry for key, entry in sorted(found.items()) if key in wanted}
    path.write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    for lang in sys.argv[1:] or ["en", "zh"]:
        render(lang)
