"""What a client reads is safe, in every protocol and both languages (issue 10). Each check reads
the printed PDFs back, since the PDF, not the Markdown, is what reaches the client."""

from __future__ import annotations

import functools
import pathlib
import re

import pytest

from pmr_print import api, cli
from pmr_print.checks.vocabulary import vocabulary_problems
from pmr_print.loader.glossary import read_glossary
from pmr_print.options import HandoutDetails, PrintOptions
from pmr_print.problems import Problem
from tests.conftest import CONTENT
from tests.pdfcheck import page_texts

LANGS = ("en", "zh")
PROTOCOLS = ("standard", "short", "extended", "release-only")

# Tipping the head back is the riskiest way to tense the neck.
BACKWARD_NECK = {
    "en": re.compile(
        r"\b(tip|tilt|bend|lean|throw|drop)\w*\s+(your\s+)?head\s+back"
        r"|\bhead\s+back(wards)?\s+(a\s+little|slightly)|\blook\s+up\b",
        re.IGNORECASE,
    ),
    "zh": re.compile(r"后仰|仰头|抬头向后"),
}
# Holding the breath while straining (a Valsalva manoeuvre); fine only when the text forbids it.
BREATH_HOLD = {
    "en": re.compile(r"\bhold(ing)?\s+(it|(your|the)\s+breath)\b", re.IGNORECASE),
    "zh": re.compile(r"屏住|憋住|憋气|屏气|屏息|吸[^。；，]{0,4}气[^。；]{0,2}(并|后|然后)?保持"),
}
# Arching the back (zh: chest lifted, lower back extended).
ARCH = {
    "en": re.compile(r"\barch(ing|es)?\b|curve your lower back", re.IGNORECASE),
    "zh": re.compile(r"挺胸|向后伸展"),
}
NEGATION = {
    "en": re.compile(r"\b(never|don't|do not|not|without|no)\b", re.IGNORECASE),
    "zh": re.compile(r"不|别|勿|切忌"),
}
# What the cautions must say, in the client's words.
REQUIRED = {
    "en": {
        "dissociation": ("dissociation", "numb", "spaced out", "unreal", "open your eyes",
                         "look around the room", "press your feet into the floor"),
        "driving": ("never while driving", "recording", "operating machinery"),
        "blood pressure": ("high blood pressure", "heart disease", "tense only lightly"),
        "help": ("chest pain", "palpitations", "tell your therapist", "emergency"),
        "urgent": ("chest pain or tightness, severe breathlessness, or feel faint, stop at once "
                   "and call your local emergency number",),
    },
    "zh": {
        "dissociation": ("分离", "麻木", "恍惚", "不真实", "睁开眼睛", "环顾四周",
                         "双脚稳稳踩在地面上"),
        "driving": ("开车", "录音", "操作机器"),
        "blood pressure": ("高血压", "心脏病", "轻轻收紧"),
        "help": ("胸痛", "心慌", "告诉您的治疗师", "急救电话"),
        "urgent": ("如果出现胸痛或胸闷、严重气短，或感觉快要晕倒，"
                   "请立即停止练习，并拨打当地急救电话",),
    },
}  # fmt: skip


def readable(lang: str, text: str) -> str:
    """Text as a reader takes it in: lines joined (Chinese wraps anywhere, so without spaces)."""
    return "".join(text.split()) if lang == "zh" else " ".join(text.split())


@functools.cache
def handout(lang: str, protocol: str, omit: tuple[str, ...] = ()) -> str:
    options = PrintOptions(protocol=protocol)
    data = api.handout_pdf(api.load(lang), options, HandoutDetails(omit=omit))
    return readable(lang, "\n".join(page_texts(data)))


@functools.cache
def cards(lang: str, protocol: str) -> tuple[str, ...]:
    """The text of each card (one card a page)."""
    options = PrintOptions(protocol=protocol)
    data = api.cards_pdf(api.load(lang), options, layout="1up")
    return tuple(readable(lang, page) for page in page_texts(data))


def breath_holds(lang: str, text: str) -> list[str]:
    """Every phrase asking to hold the breath that is not part of a 'never' or 'don't'."""
    found = []
    for match in BREATH_HOLD[lang].finditer(text):
        before = text[max(0, match.start() - (6 if lang == "zh" else 30)) : match.start()]
        if not NEGATION[lang].search(before):
            found.append(text[max(0, match.start() - 40) : match.end()])
    return found


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_product_tips_the_head_back(lang: str, protocol: str) -> None:
    for text in (handout(lang, protocol), *cards(lang, protocol)):
        assert not BACKWARD_NECK[lang].search(text), BACKWARD_NECK[lang].search(text)


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("lang", LANGS)
def test_no_step_holds_the_breath_while_tensing(lang: str, protocol: str) -> None:
    assert breath_holds(lang, handout(lang, protocol)) == []
    guide = api.load(lang)
    steps = guide.protocol(protocol).steps
    for step, card in zip(steps, cards(lang, protocol), strict=True):
        assert breath_holds(lang, card) == [], step.id
        if not step.release_only:  # every tensing card says to keep breathing
            assert readable(lang, guide.cues.tense) in card, step.id
    breathing = "呼吸" if lang == "zh" else "breathing"
    assert breathing in guide.cues.tense


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_cautions_cover_dissociation_driving_and_when_to_get_help(
    lang: str, protocol: str
) -> None:
    text = handout(lang, protocol).lower()
    for topic, phrases in REQUIRED[lang].items():
        missing = [phrase for phrase in phrases if phrase.lower() not in text]
        assert not missing, (topic, missing)


def test_the_checks_catch_the_old_wording() -> None:
    """The rules above fail on the wording issue 10 replaced."""
    assert BACKWARD_NECK["en"].search("Tip your head back a little, slowly and gently")
    assert BACKWARD_NECK["zh"].search("头慢慢、轻轻地向后仰一点")
    assert breath_holds("en", "Breathe in deeply and hold it while you draw your shoulders back")
    assert breath_holds("en", "Take a deep breath in and hold it, feeling your chest tighten.")
    assert breath_holds("zh", "深吸一口气并保持，同时双肩向后")
    assert not breath_holds("en", "Keep breathing: never hold your breath while tensing.")
    assert not breath_holds("zh", "收紧时也要继续呼吸，千万不要憋气。")


# One Chinese term per concept, in guide.md and labels.po alike: the earlier review's list now
# lives in content/zh/glossary.md, which `pmr-print check` applies to every line.
ZH_AVOIDED = (
    "你",
    "紧张度",
    "紧张程度",
    "静养",
    "本次不练",
    "省略",
    "仅放松",
    "温热",
    "引导音频",
    "轮数",
    "＝",
)


def test_chinese_uses_one_term_per_concept() -> None:
    problems: list[Problem] = []
    terms = read_glossary(CONTENT / "zh" / "glossary.md", problems)
    listed = {variant for term in terms for variant in term.variants}
    assert problems == [] and set(ZH_AVOIDED) <= listed
    assert vocabulary_problems(CONTENT / "zh") == []


@pytest.mark.parametrize("lang", LANGS)
def test_leaving_out_the_back_leaves_no_arch_in_the_short_protocol(
    lang: str, tmp_path: pathlib.Path
) -> None:
    """`pmr-print handout --protocol short --omit back`: the torso step asks for no arch."""
    out = tmp_path / "handout.pdf"
    args = ["handout", "--lang", lang, "--protocol", "short", "--omit", "back", "-o", str(out)]
    assert cli.main(args) == 0
    text = readable(lang, "\n".join(page_texts(out.read_bytes())))
    arch = ARCH[lang]
    assert arch.search(handout(lang, "short")), "the full step asks for the arch"
    assert not arch.search(text), arch.search(text)
    shoulder_blades = "肩胛骨向中间靠拢" if lang == "zh" else "shoulder blades together"
    assert shoulder_blades in text  # the rest of the step is still there


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_card_shows_its_safety_line(lang: str, protocol: str) -> None:
    line = readable(lang, api.load(lang).labels("Stop if it hurts."))
    assert line == ("如有疼痛，请立即停下。" if lang == "zh" else "Stop if it hurts.")
    pages = cards(lang, protocol)
    assert len(pages) == len(api.load(lang).protocol(protocol).steps)
    assert all(line in page for page in pages)


def test_duplex_cards_carry_the_safety_line_on_their_text_side() -> None:
    options = PrintOptions(protocol="short")
    fronts, backs = page_texts(api.cards_pdf(api.load("zh"), options, duplex=True))
    assert readable("zh", backs).count("如有疼痛，请立即停下。") == 4
    assert "如有疼痛" not in readable("zh", fronts)


# Issue 20: the second clinical review's fixes, held where a client reads them.
def section_text(lang: str, section_id: str) -> str:
    section = api.load(lang).section(section_id)
    blocks = [*section.items] or [b for b in section.blocks if hasattr(b, "text")]
    return readable(lang, " ".join(block.text for block in blocks))  # type: ignore[union-attr]


@pytest.mark.parametrize("lang", LANGS)
def test_contact_lenses_come_out_while_getting_ready_not_at_the_eyes_step(lang: str) -> None:
    lenses = "隐形眼镜" if lang == "zh" else "contact lenses"
    assert lenses in section_text(lang, "preparation")
    assert lenses not in api.load(lang).group("eyes").instruction.text


def test_both_languages_give_one_pregnancy_threshold() -> None:
    en = [i.text for i in api.load("en").section("drawbacks").items if "Pregnancy" in i.text]
    zh = [i.text for i in api.load("zh").section("drawbacks").items if "怀孕" in i.text]
    assert len(en) == len(zh) == 1
    assert "From about 20 weeks" in en[0] and "从怀孕20周左右" in zh[0]
    assert "Later" not in en[0] and "孕中晚期" not in zh[0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_calf_default_pulls_the_toes_up(lang: str) -> None:
    """Pointing the toes is the classic calf-cramp trigger: only mentioned as the alternative."""
    text = api.load(lang).group("lower-legs").instruction.text
    first = text.split("。" if lang == "zh" else ".")[0]
    assert ("勾脚" in first) if lang == "zh" else first.startswith("Pull your toes up")
    pointing = "绷直脚背" if lang == "zh" else "Pointing your toes"
    cramps = "更容易引起小腿抽筋" if lang == "zh" else "brings on calf cramps more easily"
    assert pointing in text and cramps in text


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("lang", LANGS)
def test_chest_pain_and_faintness_mean_the_emergency_number(lang: str, protocol: str) -> None:
    text = handout(lang, protocol)
    urgent = REQUIRED[lang]["urgent"][0]
    assert (urgent if lang == "zh" else urgent.lower()) in (text if lang == "zh" else text.lower())


@pytest.mark.parametrize("lang", LANGS)
def test_no_benefit_the_cited_studies_did_not_measure_is_stated_as_a_finding(lang: str) -> None:
    line = section_text(lang, "benefits")
    if lang == "zh":
        assert "本资料引用的研究都没有评估这些问题" in line
        assert "可能有所帮助" not in line
    else:
        assert "none of the studies cited here measured them" in line
        assert "may help" not in line


@pytest.mark.parametrize("lang", LANGS)
def test_the_short_routines_are_not_said_to_be_enough(lang: str) -> None:
    plan = section_text(lang, "practice-plan")
    assert ("约20分钟" in plan) if lang == "zh" else ("sessions of about 20 minutes" in plan)
    for protocol in api.load(lang).protocols:
        assert "will do" not in protocol.summary.text
    assert "will do" not in plan and "只需约4分钟" not in plan
