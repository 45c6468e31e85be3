from pmr_print.api import load
from pmr_print.model import GROUP_IDS


def test_standard_protocol_is_the_13_groups_feet_to_forehead() -> None:
    standard = load("en").protocol("standard")
    assert tuple(step.id for step in standard.steps) == GROUP_IDS
    assert standard.total_seconds == 13 * (5 + 10) + standard.settle_seconds


def test_short_protocol_combines_four_groups_in_bernstein_borkovec_order() -> None:
    short = load("en").protocol("short")
    covers = [set(step.covers) for step in short.steps]
    assert covers == [
        {"arms-hands"},
        {"forehead", "eyes", "jaw", "neck"},
        {"shoulders", "chest", "back", "abdomen"},
        {"upper-legs", "lower-legs", "feet"},
    ]
    assert short.total_seconds == sum(s.tense_seconds + s.relax_seconds for s in short.steps) + 60


def test_extended_protocol_lasts_about_twenty_minutes() -> None:
    extended = load("zh").protocol("extended")
    assert extended.rounds == 2
    assert 17 * 60 <= extended.total_seconds <= 22 * 60
    assert extended.total_seconds == 2 * 13 * (7 + 30) + 180


def test_release_only_tenses_nothing_and_uses_the_cue() -> None:
    release = load("en").protocol("release-only")
    assert all(step.release_only for step in release.steps)
    assert len({step.instruction.text for step in release.steps}) == 1


def test_omitting_groups_drops_them_from_steps_and_time() -> None:
    standard = load("en").protocol("standard")
    kept = standard.without(frozenset({"back", "neck"}))
    assert [s.id for s in kept.steps] == [g for g in GROUP_IDS if g not in ("back", "neck")]
    assert kept.total_seconds == standard.total_seconds - 2 * 15
    torso = load("en").protocol("short").without(frozenset({"back"})).steps[2]
    assert "back" not in torso.covers and "chest" in torso.covers


def test_omitting_part_of_a_combined_step_keeps_the_step_and_drops_its_words() -> None:
    whole = load("en").protocol("short")
    short = whole.without(frozenset({"back", "neck"}))
    torso = next(step for step in short.steps if step.id == "torso")
    assert torso.covers == ("shoulders", "chest", "abdomen") and torso.left_out == ()
    back = "lower back"  # the back's own clause of the combined step
    assert back in whole.steps[2].instruction.text and back not in torso.instruction.text
    assert "chin" not in short.steps[1].instruction.text
    assert len(short.steps) == 4 and short.total_seconds == 4 * 27 + 60


def test_an_omitted_group_without_words_of_its_own_is_named_instead() -> None:
    face = load("zh").protocol("short").without(frozenset({"eyes"})).steps[1]
    assert face.left_out == ("eyes",) and "紧闭双眼" in face.instruction.text


def test_marked_words_are_data_in_the_model() -> None:
    torso = load("zh").protocol("short").steps[2].instruction
    assert torso.clause_groups == ("abdomen", "back")
    back = next(span for span in torso.spans if span.group == "back")
    assert "不要弓背" in back.text and "不要弓背" not in torso.without(frozenset({"back"})).text
