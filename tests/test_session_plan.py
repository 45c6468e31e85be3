"""The session plan: every line a guided session says, at its time, as golden text.

Regenerate the golden files after a deliberate change of wording or pace with
`PMR_REGENERATE=1 pytest tests/test_session_plan.py`, then read the diff.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import pytest

from pmr_print import api
from pmr_print.model import Guide
from pmr_print.options import PrintOptions, Settings, resolve
from pmr_print.plans.session import (
    SessionPlan,
    plan_session,
    plan_sessions,
    speaking_seconds,
)
from pmr_print.plans.timeline import clock, moments
from tests.test_step_plan import check_golden


@functools.cache
def guide(lang: str) -> Guide:
    return api.load(lang)


def settings(lang: str, protocol: str, omit: frozenset[str] = frozenset()) -> Settings:
    found = resolve(PrintOptions(protocol=protocol), guide(lang))
    return replace(found, protocol=found.protocol.without(omit))


def plan(lang: str, protocol: str = "standard", **options: object) -> SessionPlan:
    omit = frozenset(options.pop("omit", ()))  # type: ignore[call-overload]
    return plan_session(guide(lang), settings(lang, protocol, omit), **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_short_session_for_a_group_reads_as_golden(lang: str) -> None:
    check_golden(f"session-short-{lang}.txt", plan(lang, "short").pretty())


def test_a_release_only_session_for_one_listener_reads_as_golden() -> None:
    found = plan("en", "release-only", audience="listener", omit={"back", "neck"})
    check_golden("session-release-only-listener-en.txt", found.pretty())


@pytest.mark.parametrize("protocol", ["standard", "short", "extended", "release-only"])
def test_the_session_lasts_the_timeline_and_every_spoken_part(protocol: str) -> None:
    found = plan("en", protocol)
    timeline = settings("en", protocol).protocol.total_seconds
    phases = [phase for part in found.parts for phase in part.phases]
    spoken = sum(phase.seconds for phase in phases if phase.timed is None)
    assert found.seconds == timeline + spoken
    for phase in phases:
        if phase.timed is None:  # a stretch of speech lasts as long as saying its lines
            said = sum(line.seconds + line.pause + 1.0 for line in phase.lines if line.spoken)
            assert said <= phase.seconds < said + 1
    assert found.length == f"The whole session: about {round(found.seconds / 60)} min"


def test_each_hold_and_release_is_timed_by_the_protocol_after_its_instruction() -> None:
    found = plan("en", "extended")
    protocol = settings("en", "extended").protocol
    steps = [part for part in found.parts if part.step]
    assert len(steps) == 2 * 13 and [p.round for p in steps] == [1] * 13 + [2] * 13
    timed = [m for m in moments(protocol) if m.kind in ("tense", "relax")]
    for part, (tense, relax) in zip(steps, zip(timed[::2], timed[1::2], strict=True), strict=True):
        said, hold, rest = part.phases
        assert [line.kind for line in said.lines if line.kind != "note"] == ["name", "instruction"]
        assert (hold.kind, hold.seconds, rest.kind, rest.seconds) == (
            "tense",
            tense.seconds,
            "relax",
            relax.seconds,
        )
        assert hold.at == said.at + said.seconds and rest.at == hold.at + hold.seconds
        assert [line.text for line in hold.lines] == ["Now… tense.", "Keep breathing"]
        assert [line.text for line in rest.lines][:2] == [
            "And release.",
            "Breathe out and let go … Relax.",
        ]
    assert steps[0].mark == "0:00"
    assert [part.mark for part in steps] == [clock(round(part.at - steps[0].at)) for part in steps]


def test_a_group_left_out_is_simply_absent() -> None:
    names = [part.step.name for part in plan("en", omit={"back", "neck"}).steps if part.step]
    assert len(names) == 11 and "Back" not in names and "Neck" not in names


def test_the_session_prepares_the_room_rates_tension_and_counts_out() -> None:
    found = plan("en")
    said = [line.text for part in found.parts for line in part.lines]
    preparation = " ".join(line.text for line in found.parts[1].lines)
    for words in ("glasses", "contact lenses", "shoes", "phone", "0 to 10"):
        assert words in preparation, words
    briefing = " ".join(line.text for line in found.parts[0].lines)
    assert "pregnant" in briefing and "memories" in briefing and "injury" in briefing
    spoken = [line.text for line in found.parts[-1].lines if line.spoken]
    assert spoken[-1] == "Sit for a moment, then stand up slowly."
    assert "0 to 10 again" in spoken[-2]
    assert said.count("Now… tense.") == 13 and said.count("And release.") == 13
    helping = " ".join(line.text for line in found.help.lines)
    assert "unreal" in helping and "emergency" in helping


def test_a_listener_hears_no_room_and_a_release_only_session_no_tensing() -> None:
    found = plan("en", "release-only", audience="listener")
    said = " ".join(line.text for part in found.parts for line in part.lines if line.spoken)
    assert "driving" in said and "raise your hand" not in said
    assert "tense firmly" not in said and "Now… tense." not in said
    assert "keep the tensing" not in said


def test_two_languages_share_one_clock_each_line_said_in_turn() -> None:
    en, zh = (guide(lang) for lang in ("en", "zh"))
    options = PrintOptions()
    both = plan_sessions(((en, resolve(options, en)), (zh, resolve(options, zh))))
    alone = [plan("en"), plan("zh")]
    timeline = settings("en", "standard").protocol.total_seconds
    assert both[0].seconds == both[1].seconds
    speech = [p.seconds - timeline for p in alone]
    stretches = sum(1 for part in both[0].parts for phase in part.phases if phase.timed is None)
    assert abs(both[0].seconds - timeline - sum(speech)) <= stretches  # each rounded up to 1 s
    for one, other in zip(both[0].parts, both[1].parts, strict=True):
        assert [p.at for p in one.phases] == [p.at for p in other.phases]
        assert [line.mark for line in one.lines] == [line.mark for line in other.lines]
    assert both[1].length.startswith("全程约")


def test_chinese_lines_carry_no_english() -> None:
    found = plan("zh")
    texts = [
        line.text for part in (*found.parts, found.help, found.reflection) for line in part.lines
    ]
    texts += [found.protocol, found.protocol_length, found.length]
    assert not [t for t in texts if any(ch.isascii() and ch.isalpha() for ch in t)]


def test_speech_is_timed_by_words_in_english_and_by_characters_in_chinese() -> None:
    assert speaking_seconds("one two three four", "en") == 2.0  # 120 words a minute
    assert speaking_seconds("现在，收紧。", "zh") == 1.2  # 200 characters a minute
    assert speaking_seconds("现在 PMR", "zh") == 0.9
    assert speaking_seconds("现在，收紧。", "zh-SG") == 1.2  # a copy of zh under another tag


def test_the_plan_times_a_recorded_line_as_recorded() -> None:
    """The spoken session passes its clips' lengths: its timed cues then follow one another."""
    estimated = plan("en", "short", audience="listener")
    measured = plan("en", "short", audience="listener", speech=lambda text, lang: 2.0)
    lines = [line for part in measured.parts for line in part.lines if line.spoken]
    assert {line.seconds for line in lines} == {2.0}
    assert measured.seconds != estimated.seconds
    timed = [phase for part in measured.parts for phase in part.phases if phase.kind == "tense"]
    assert all(phase.lines[1].at == phase.at + 2.0 for phase in timed)  # end to end, no overlap
