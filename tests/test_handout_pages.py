"""How the handout's pages are made up in every size and language (issue 19): the cautions box
whole, or over a spread in large print; large print at most 2.5 times as long as normal print;
the references once in two languages; the clinician's checklist on one page; the clinic's
numbers never broken inside a number."""

from __future__ import annotations

import functools

import pytest

from pmr_print import api
from pmr_print.options import HandoutDetails, PrintOptions
from tests.pagecheck import caution_pages, lines_of, read, squeeze

DETAILS = HandoutDetails(client="Jane Miller", clinician="Dr Lee")


@functools.cache
def handout(lang: str, paper: str = "a4", large: bool = False, crisis: str = "") -> bytes:
    options = PrintOptions(paper=paper, large_print=large, crisis_line=crisis)
    return api.handout_pdf(api.load(lang), options, DETAILS)


def page_count(data: bytes) -> int:
    return len(read(data, ink=False))


@pytest.mark.parametrize(("lang", "paper"), [("en", "a4"), ("en", "letter"), ("zh", "letter")])
def test_the_cautions_stay_whole_in_normal_print_and_face_each_other_in_large(
    lang: str, paper: str
) -> None:
    assert len(caution_pages(handout(lang, paper))) == 1
    pages = caution_pages(handout(lang, paper, large=True))
    assert len(pages) == 1 or (len(pages) == 2 and pages[0] % 2 == 0), pages


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_bilingual_cautions_stay_whole_on_a_page_in_normal_print(paper: str) -> None:
    assert len(caution_pages(handout("bi", paper))) == 1


@pytest.mark.parametrize(("lang", "paper"), [("en", "a4"), ("en", "letter"), ("zh", "a4")])
def test_large_print_is_well_under_two_and_a_half_times_as_long(lang: str, paper: str) -> None:
    normal, large = (page_count(handout(lang, paper, large=size)) for size in (False, True))
    assert large <= 2.25 * normal, (normal, large)


def test_the_bilingual_handout_prints_its_references_once_across_the_page() -> None:
    text = "".join(squeeze("".join(g.char for g in page.glyphs)) for page in read(handout("bi")))
    assert text.count("DolbierCL,RushTE.") == 1
    assert "（128名大学生的研究）" in text  # the Chinese note after the English one


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_clinicians_checklist_is_on_one_page(lang: str) -> None:
    pages = read(handout(lang, "a4"))
    last = {"en": "PMRismeanttocomplementit", "zh": "不是替代"}[lang]
    first = {"en": "Questionsbeforethefirstsession", "zh": "首次练习前的评估问题"}[lang]
    holding = [
        {part for part in (first, last) if part in squeeze("".join(g.char for g in page.glyphs))}
        for page in pages
    ]
    assert {first, last} in holding, holding


NUMBERS = "Samaritans 116 123, NHS 111 or the clinic on (020) 7946 0000"


@pytest.mark.parametrize(
    ("lang", "large"), [("en", True), ("bi", False), ("bi", True), ("zh", True)]
)
def test_the_clinics_numbers_never_break_inside_a_number(lang: str, large: bool) -> None:
    lines = [
        squeeze(line.text)
        for page in read(handout(lang, "a4", large=large, crisis=NUMBERS), ink=False)
        for line in lines_of(list(page.glyphs))
    ]
    for number in ("116123", "(020)79460000"):
        assert any(number in line for line in lines), number


def test_the_bilingual_large_print_footer_keeps_the_clients_name() -> None:
    for page in read(handout("bi", large=True), ink=False)[:3]:
        foot = [g for g in page.glyphs if g.baseline < 42]
        assert "JaneMiller" in squeeze("".join(g.char for g in foot)), page.number


def test_the_groups_left_out_stand_a_line_clear_of_the_tables_total() -> None:
    options = PrintOptions(paper="a4")
    details = HandoutDetails(client="Jane Miller", omit=("back", "neck"), omit_reason="injury")
    pages = read(api.handout_pdf(api.load("en"), options, details), ink=False)
    lines = [line for page in pages for line in lines_of(list(page.glyphs))]
    total = next(line for line in lines if line.text.startswith("Total"))
    note = next(line for line in lines if line.text.startswith("Left out for this client"))
    assert total.baseline - note.baseline > 3 * note.size


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_large_print_checklist_split_keeps_two_questions_on_each_page(
    lang: str, paper: str
) -> None:
    options = PrintOptions(paper=paper, large_print=True)
    details = HandoutDetails(client="Jane Miller", omit=("back", "neck"), omit_reason="injury")
    for page in read(api.handout_pdf(api.load(lang), options, details), ink=False):
        boxes = sum(1 for glyph in page.glyphs if glyph.char == "□")
        assert boxes in (0, *range(2, 6)), (page.number, boxes)


def test_the_groups_left_out_keep_their_label_on_their_page() -> None:
    options = PrintOptions(paper="a4", large_print=True)
    details = HandoutDetails(client="Jane Miller", omit=("back", "neck"), omit_reason="injury")
    pages = read(api.handout_pdf(api.load("zh"), options, details), ink=False)
    texts = [squeeze("".join(g.char for g in page.glyphs)) for page in pages]
    assert any("该来访者跳过的肌群" in text and "背部和颈部" in text for text in texts)
