"""The spoken session (issue 24): a short and a standard session in English and Chinese with a
group left out last as long as their plan, say each tense and release cue on its mark, sound at
about -16 LUFS without clipping, and carry WebVTT captions; words without a clip need the voice.

A session is built from the shipped clips (pmr_print/audio/clips/); after a change of the
shipped words, render them again with `python scripts/render_clips.py` (the [voice] extra).
"""

from __future__ import annotations

import functools
import math
import pathlib
import re
from dataclasses import replace

import numpy as np
import pytest

from pmr_print import api, cli, recordings
from pmr_print.audio import encode, loudness, session, voice
from pmr_print.options import HandoutDetails, PrintOptions, resolve
from pmr_print.plans.session import SessionPlan, plan_session
from pmr_print.problems import UsageError
from tests.conftest import edit

RATE = encode.SAMPLE_RATE
TIMESTAMP = r"(\d\d):(\d\d):(\d\d)\.(\d\d\d)"


@functools.cache
def spoken(lang: str, protocol: str, kind: str = "wav") -> session.Spoken:
    options = PrintOptions(protocol=protocol)
    return api.audio(api.load(lang), options, HandoutDetails(omit=("back",)), kind)


def onset(samples: loudness.Samples, at: float) -> float:
    """Seconds from `at` to the first 10 ms louder than -40 dBFS."""
    window = samples[round(at * RATE) : round((at + 3) * RATE)]
    frames = window[: len(window) // 240 * 240].reshape(-1, 240)
    loud = np.flatnonzero(np.sqrt((frames**2).mean(axis=1)) > 10 ** (-40 / 20))
    return float(loud[0]) * 0.01 if len(loud) else math.inf


def cue_times(plan: SessionPlan) -> list[float]:
    """When each hold and each relax period starts: its first line is the tense or release cue."""
    return [phase.at for part in plan.parts for phase in part.phases
            if phase.kind in ("tense", "relax") and phase.lines[0].spoken]  # fmt: skip


def check_session(found: session.Spoken) -> None:
    samples = encode.decode(found.audio)
    assert abs(len(samples) / RATE - found.plan.seconds) <= 0.02 * found.plan.seconds
    late = {at: onset(samples, at) for at in cue_times(found.plan)}
    assert late and max(late.values()) <= 0.5, late
    assert abs(loudness.integrated(samples, RATE) - loudness.TARGET) <= 1.0
    assert float(np.abs(samples).max()) < 10 ** (-0.5 / 20)  # no clipping, and room to spare
    check_vtt(found.captions, found.plan.seconds)


def check_vtt(text: str, seconds: float) -> None:
    """WebVTT as a player reads it: the header, then blocks of id, timing and text."""
    header, *blocks = text.rstrip("\n").split("\n\n")
    assert header == "WEBVTT"
    last = 0.0
    for block in blocks:
        number, timing, *words = block.split("\n")
        found = re.fullmatch(f"{TIMESTAMP} --> {TIMESTAMP}", timing)
        assert number.isdigit() and found and words and "-->" not in " ".join(words), block
        h, m, s, ms, h2, m2, s2, ms2 = (int(x) for x in found.groups())
        start, end = h * 3600 + m * 60 + s + ms / 1000, h2 * 3600 + m2 * 60 + s2 + ms2 / 1000
        assert last <= start < end <= seconds + 0.001, block
        last = start


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_short_session_without_the_back_lasts_its_plan_and_speaks_on_the_marks(
    lang: str,
) -> None:
    check_session(spoken(lang, "short"))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_standard_session_without_the_back_lasts_its_plan_and_speaks_on_the_marks(
    lang: str,
) -> None:
    check_session(spoken(lang, "standard", "opus"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_line_of_every_shipped_protocol_has_a_clip(lang: str) -> None:
    guide = api.load(lang)
    for protocol in guide.protocols:
        plan = plan_session(guide, resolve(PrintOptions(protocol=protocol.id), guide), "listener")
        absent = [text for text in session.said(plan) if recordings.find_clip(text, lang) is None]
        assert not absent, f"{protocol.id}: no clip (python scripts/render_clips.py): {absent}"


def test_the_same_session_gives_the_same_bytes() -> None:
    assert (
        spoken("en", "short").audio
        == api.audio(
            api.load("en"), PrintOptions(protocol="short"), HandoutDetails(omit=("back",)), "wav"
        ).audio
    )
    samples = encode.decode(spoken("zh", "short").audio)[: 10 * RATE]
    assert encode.encode(samples, "opus") == encode.encode(samples, "opus")


def test_a_clinics_own_words_without_the_voice_are_one_line_naming_the_extra(
    content_copy: pathlib.Path, monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    monkeypatch.setattr(voice, "installed", lambda: False)
    monkeypatch.setenv("PMR_PRINT_CACHE", str(tmp_path / "cache"))
    edit(content_copy / "en" / "guide.md", "Curl your toes downwards", "Curl your toes down firmly")
    guide = api.load("en", content_copy)
    with pytest.raises(UsageError) as error:
        api.audio(guide, PrintOptions(protocol="standard"))  # its feet step has the words
    assert "\n" not in str(error.value)
    assert "pip install 'pmr-print[voice]'" in str(error.value)


def test_pmr_print_audio_writes_the_session_and_its_captions(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "session.mp3"
    argv = ["audio", "--lang", "zh", "--protocol", "short", "--omit", "back", "--format", "mp3"]
    assert cli.main([*argv, "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data[:3] == b"ID3" or (data[0] == 0xFF and data[1] & 0xE0 == 0xE0)  # MPEG frame sync
    check_vtt(out.with_suffix(".vtt").read_text("utf-8"), spoken("zh", "short").plan.seconds)


def test_a_bilingual_session_is_refused_in_one_line() -> None:
    with pytest.raises(UsageError, match="one language"):
        api.audio(api.load("bi"))


def test_loudness_reads_a_full_scale_sine_at_minus_3_lufs() -> None:
    t = np.arange(3 * 48_000) / 48_000
    sine = np.sin(2 * np.pi * 997 * t).astype(np.float32)
    assert loudness.integrated(sine, 48_000) == pytest.approx(-3.01, abs=0.05)  # BS.1770-4


def test_the_limiter_never_lets_a_sample_past_its_ceiling() -> None:
    noise = np.random.default_rng(0).normal(0, 0.6, RATE).astype(np.float32)
    assert float(np.abs(loudness.limit(noise)).max()) <= loudness.CEILING


def test_captions_escape_what_webvtt_would_read_as_markup() -> None:
    cue = session.Cue(0.0, 61.5, "Relax <now> & --> breathe", "speech")
    text = session.captions([cue])
    assert "00:00:00.000 --> 00:01:01.500\nRelax &lt;now&gt; &amp; --&gt; breathe" in text
    check_vtt(text, 62.0)


def test_omitting_a_group_leaves_its_step_out_of_the_session() -> None:
    guide = api.load("en")
    settings = resolve(PrintOptions(protocol="short"), guide)
    whole = session.listener_plan(guide, settings)
    left = session.listener_plan(guide, replace(settings, protocol=settings.protocol.without(
        frozenset({"back"}))))  # fmt: skip
    assert left.seconds < whole.seconds
    assert spoken("en", "short").plan.seconds == left.seconds


def test_the_http_api_gives_the_session_and_its_captions() -> None:
    from starlette.testclient import TestClient

    from pmr_print.web.app import make_app
    from pmr_print.web.workers import Workers

    workers = Workers(None)
    try:
        with TestClient(make_app(8765, workers=workers), base_url="http://127.0.0.1:8765") as web:
            query = "lang=zh&protocol=short&omit=back"
            found = web.get(f"/api/audio?{query}&format=wav")
            assert found.status_code == 200 and found.headers["content-type"] == "audio/wav"
            assert found.content == spoken("zh", "short").audio
            captions = web.get(f"/api/audio?{query}&format=vtt")
            assert captions.text == spoken("zh", "short").captions
            bad = web.get("/api/audio?lang=zh&omit=nose")
            assert bad.status_code == 400 and "nose" in bad.json()["errors"][0]["message"]
    finally:
        workers.close()


def ogg_pages(data: bytes) -> list[bytes]:
    pages, at = [], 0
    while at < len(data):
        segments = data[at + 26]
        size = 27 + segments + sum(data[at + 27 : at + 27 + segments])
        pages.append(data[at : at + size])
        at += size
    return pages


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_shipped_clips_are_small_wideband_speech(lang: str) -> None:
    """About 9 kb/s of Opus, still wideband (narrowband speech has nothing above 4 kHz), and no
    padding in the comment header (libsndfile leaves about 800 bytes a file)."""
    folder = recordings.shipped_dir(lang)
    files = sorted(folder.glob("*.opus"))
    seconds = sum(recordings.manifest(folder).values())
    assert sum(path.stat().st_size for path in files) * 8 / seconds < 10_500  # bits a second
    longest = max(files, key=lambda path: path.stat().st_size).read_bytes()
    assert len(ogg_pages(longest)[1]) < 100  # OpusTags: the vendor string and no comment
    samples = encode.decode(longest)
    power = np.abs(np.fft.rfft(samples)) ** 2
    band = np.fft.rfftfreq(len(samples), 1 / RATE)
    assert power[(band > 6000) & (band < 8000)].sum() / power.sum() > 1e-4  # above -40 dB
