"""The clinic's emergency and crisis numbers (--crisis-line, issue 20): printed in the cautions,
on the booklet's back cover and in the facilitator script; without them every product says
"your local emergency number" (当地急救电话) and names no number, such as 120, as if it were right
for every reader of the language."""

from __future__ import annotations

import functools
import pathlib

import pytest

from pmr_print import api, cli
from pmr_print.options import BookletDetails, HandoutDetails, PrintOptions, resolve
from pmr_print.plans.session import plan_session
from pmr_print.problems import PmrError
from tests.pdfcheck import page_texts
from tests.test_workshop import roster_rows, workshop

NUMBERS = {"en": "Emergency 000, Lifeline 13 11 14", "zh": "急救电话120；心理援助热线12356"}
LABEL = {"en": "Emergency and crisis numbers: ", "zh": "急救和心理危机求助电话："}
LOCAL = {"en": "call your local emergency number", "zh": "当地急救电话"}


def squeezed(lang: str, text: str) -> str:
    return "".join(text.split()) if lang == "zh" else " ".join(text.split())


@functools.cache
def handout(lang: str, crisis_line: str) -> str:
    options = PrintOptions(crisis_line=crisis_line)
    data = api.handout_pdf(api.load(lang), options, HandoutDetails())
    return squeezed(lang, "\n".join(page_texts(data)))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cautions_end_with_the_clinics_numbers(lang: str) -> None:
    text = handout(lang, NUMBERS[lang])
    assert squeezed(lang, LABEL[lang] + NUMBERS[lang]) in text
    assert LOCAL[lang] in text  # the guide's own words stay


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_without_numbers_the_handout_says_local_and_names_none(lang: str) -> None:
    text = handout(lang, "")
    assert LOCAL[lang] in text
    assert squeezed(lang, LABEL[lang]) not in text
    assert "120" not in text and "12356" not in text


@pytest.mark.parametrize(("lang", "crisis_line"), [("en", NUMBERS["en"]), ("zh", "")])
def test_the_booklet_ends_on_a_back_cover_saying_where_to_get_help(
    lang: str, crisis_line: str
) -> None:
    options = PrintOptions(crisis_line=crisis_line)
    pages = page_texts(api.booklet_pdf(api.load(lang), options, BookletDetails()))
    assert len(pages) % 4 == 0  # the back cover is the outside of a stapled booklet
    back = squeezed(lang, pages[-1])
    expected = LABEL[lang] + crisis_line if crisis_line else "请拨打当地急救电话。"
    assert squeezed(lang, expected) in back
    urgent = "Chest pain or tightness" if lang == "en" else "如果出现胸痛或胸闷"
    assert urgent in back


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_facilitator_hears_the_clinics_numbers(lang: str) -> None:
    guide = api.load(lang)
    with_numbers = resolve(PrintOptions(crisis_line=NUMBERS[lang]), guide)
    help_lines = [line.text for phase in plan_session(guide, with_numbers).help.phases
                  for line in phase.lines]  # fmt: skip
    # (each number held together by no-break spaces: "13\u00a011\u00a014")
    assert LABEL[lang] + NUMBERS[lang] in [line.replace("\u00a0", " ") for line in help_lines]
    plain = resolve(PrintOptions(), guide)
    lines = [line.text for phase in plan_session(guide, plain).help.phases for line in phase.lines]
    assert not any(LABEL[lang] in line for line in lines)
    assert any(LOCAL[lang] in line for line in lines)


def test_the_printed_script_carries_the_numbers(tmp_path: pathlib.Path) -> None:
    status, out = workshop(tmp_path, roster_rows(1), "--crisis-line", NUMBERS["en"])
    assert status == 0
    (script,) = out.glob("*script*.pdf")
    assert squeezed("en", LABEL["en"] + NUMBERS["en"]) in squeezed(
        "en", "\n".join(page_texts(script.read_bytes()))
    )


def test_the_command_line_takes_the_numbers_and_refuses_a_novel(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "h.pdf"
    assert cli.main(["handout", "--crisis-line", NUMBERS["en"], "-o", str(out)]) == 0
    assert squeezed("en", LABEL["en"] + NUMBERS["en"]) in squeezed(
        "en", "\n".join(page_texts(out.read_bytes()))
    )
    with pytest.raises(PmrError, match="--crisis-line"):
        PrintOptions(crisis_line="9" * 1000)
