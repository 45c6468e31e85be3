"""The step plan: every word a step says in one language, as golden text.

Regenerate the golden files after a deliberate change of wording with
`PMR_REGENERATE=1 pytest tests/test_step_plan.py`, then read the diff.
"""

from __future__ import annotations

import os
import pathlib

import pytest

from pmr_print import api
from pmr_print.options import PrintOptions, resolve
from pmr_print.plans.step import StepPlan, plan_steps

GOLDEN = pathlib.Path(__file__).parent / "golden"


def plans(lang: str, protocol: str, omit: frozenset[str] = frozenset()) -> tuple[StepPlan, ...]:
    guide = api.load(lang)
    settings = resolve(PrintOptions(protocol=protocol), guide)
    return plan_steps(guide, settings, settings.protocol.without(omit).steps)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PMR_REGENERATE"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name}: PMR_REGENERATE=1 to accept"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_combined_step_with_a_group_left_out_reads_as_golden(lang: str) -> None:
    plan = plans(lang, "short", frozenset({"chest", "back"}))[2]
    check_golden(f"step-short-torso-{lang}.txt", plan.pretty())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_release_only_step_reads_as_golden(lang: str) -> None:
    check_golden(f"step-release-only-feet-{lang}.txt", plans(lang, "release-only")[0].pretty())


def test_the_plan_numbers_the_steps_printed() -> None:
    found = plans("en", "standard", frozenset({"back", "neck"}))
    assert [plan.number for plan in found] == list(range(1, 12))
    assert {plan.count for plan in found} == {11}
    assert found[-1].step_line == "Step 11 of 11" and found[-1].badge == "11 / 11"
    assert found[-1].figure.id == "figure-11"


def test_chinese_words_have_no_english_and_chinese_punctuation() -> None:
    for plan in plans("zh", "standard"):
        words = [plan.name, plan.step_line, plan.safety, plan.relax_word]
        words += [part.legend for part in plan.strip]
        assert not any(ch.isascii() and ch.isalpha() for text in words for ch in text), words
        assert all("：" in part.legend and ": " not in part.legend for part in plan.strip)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_set_of_cards_reads_as_golden(lang: str) -> None:
    from pmr_print.plans.cards import plan_cards

    guide = api.load(lang)
    settings = resolve(PrintOptions(protocol="short"), guide)
    check_golden(f"cards-short-{lang}.txt", plan_cards(guide, settings).pretty())
