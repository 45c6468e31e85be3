"""The page checker finds each defect it claims to find, on a page made to have it, and nothing on
a clean page: a checker that cannot fail would pass every product."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A5
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from pmr_print.resources import fonts_dir
from pmr_print.theme import COLOUR
from tests.pagecheck import kind, problems

WIDTH, HEIGHT = A5


def pdf(*draws, pages: int = 1) -> bytes:
    """A PDF whose pages are drawn by `draws(c)`; Noto Sans SC registered as 'zh'."""
    if "zh" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("zh", str(fonts_dir() / "NotoSansSC-Regular.ttf")))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A5, invariant=1)
    for _ in range(pages):
        for draw in draws:
            draw(c)
        c.showPage()
    c.save()
    return buffer.getvalue()


def body(c: canvas.Canvas) -> None:
    c.setFont("Helvetica", 10)
    for n in range(8):
        c.drawString(40, HEIGHT - 80 - 14 * n, "A clean line of body text, well inside the page.")


def kinds(data: bytes, **options) -> set[str]:
    return {kind(problem) for problem in problems(data, **options)}


def test_a_clean_page_has_no_problem() -> None:
    assert problems(pdf(body)) == []


@pytest.mark.parametrize(
    ("draw", "options", "expected"),
    [
        (lambda c: c.drawString(WIDTH - 30, 300, "off the trim"), {}, "text off the page"),
        (
            lambda c: (c.drawString(40, 300, "OVERPRINT"), c.drawString(41, 303.2, "XXXXXXXXX")),
            {},
            "text over text",
        ),  # fmt: skip
        (
            lambda c: c.drawString(WIDTH / 2 - 20, 300, "folded here"),
            {"imposed": True},
            "text across the fold",
        ),  # fmt: skip
        (
            lambda c: c.drawString(4, 300, "in the staples"),
            {"booklet": True},
            "text in the fold margin",
        ),  # fmt: skip
    ],
    ids=["off-the-page", "over", "fold", "gutter"],
)
def test_each_defect_is_found(draw, options, expected) -> None:
    def both(c: canvas.Canvas) -> None:
        body(c)
        c.setFont("Helvetica", 10)
        draw(c)

    # (PDFium drops a glyph drawn again over the same glyph, as fake bold is: hence XXXX)
    assert expected in kinds(pdf(both), **options)


def test_a_stranded_scrap_is_found() -> None:
    def scrap(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 10)
        c.drawString(40, HEIGHT - 80, "Tense 5 s   Relax 10 s")

    assert kinds(pdf(scrap)) == {"a stranded scrap on its own"}

    def notes(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 14)
        c.drawString(40, HEIGHT - 80, "Notes")

    assert kinds(pdf(notes)) == set()  # a page left for notes is meant to be empty


def test_a_one_character_chinese_last_line_is_found() -> None:
    def paragraph(c: canvas.Canvas, last: str) -> None:
        c.setFont("zh", 10)
        c.drawString(40, 300, "慢慢收紧小腿的肌肉，感受紧绷的感觉，然后慢慢放")
        c.drawString(40, 286, last)

    assert "Chinese paragraph ends on one character" in kinds(
        pdf(body, lambda c: paragraph(c, "松。")), chinese=True
    )
    assert kinds(pdf(body, lambda c: paragraph(c, "松开。")), chinese=True) == set()
    # a line going on after full-width marks ("。（" ink opposite corners of their ems) is
    # one line, not a last line "松。"
    assert kinds(pdf(body, lambda c: paragraph(c, "松。（也可以只放松）")), chinese=True) == set()


def test_english_words_in_a_chinese_line_are_found_but_not_on_the_english_side() -> None:
    def line(text: str):
        return lambda c: (c.setFont("zh", 10), c.drawString(40, 200, text))

    assert "English words in Chinese lines" in kinds(
        pdf(body, line("第1周：March 15")), chinese=True
    )
    assert kinds(pdf(body, line("Week 1: March 15 · 第1周：3月15日")), chinese=True) == set()


def test_a_turned_page_is_read_as_its_reader_turns_it() -> None:
    """A log week turned a quarter on a booklet page: its lines run up the page."""

    def turned(text: str):
        def draw(c: canvas.Canvas) -> None:
            c.saveState()
            c.translate(WIDTH, 0)
            c.rotate(90)
            c.setFont("zh", 10)
            c.drawString(60, 200, text)
            c.restoreState()

        return draw

    assert "English words in Chinese lines" in kinds(
        pdf(body, turned("第1周：March 15")), chinese=True
    )
    assert kinds(pdf(body, turned("第1周：3月15日")), chinese=True) == set()


def test_a_page_turned_by_its_rotate_key_is_read_in_its_own_space() -> None:
    """A landscape page shown upright (/Rotate 90, as the workshop's print file turns the log)
    keeps its text on the page; text off its edge is still found."""
    import pypdf

    def turned(data: bytes) -> bytes:
        reader = pypdf.PdfReader(io.BytesIO(data))
        writer = pypdf.PdfWriter()
        for page in reader.pages:
            writer.add_page(page.rotate(90))
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    assert problems(turned(pdf(body))) == []
    off = pdf(body, lambda c: c.drawString(WIDTH - 30, 300, "off the trim"))
    assert "text off the page" in kinds(turned(off))


def test_large_print_below_its_floor_is_found() -> None:
    def small(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 9.6)
        c.drawString(40, 200, "Relax")

    assert "large print set small" in kinds(pdf(body, small), large_least=13)
    assert kinds(pdf(body, small)) == set()


def pages_pdf(*pages) -> bytes:
    """A PDF of one page per draw (each also gets the clean body text)."""
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A5, invariant=1)
    for draw in pages:
        body(c)
        draw(c)
        c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("above", "below", "split"),
    [
        ("the muscles hold their Tensi", "on for a moment.", True),  # a word cut in two
        ("Practise", "d · 已练习", True),  # a narrow log head: a word and a letter of it
        ("doi:10.2147/PRBM.S43727", "7. Systematic review.", True),  # a number cut in two
        ("Muscle", "group", False),  # a break at a space
        ("doi:10.1155/", "2021/5924040. Study of 60.", False),  # a DOI broken at its slash
        ("Date: March 9, 2026", "2026年3月9日", False),  # the Chinese date under the English
    ],
)
def test_a_latin_word_split_over_lines_is_found(above: str, below: str, split: bool) -> None:
    def lines(c: canvas.Canvas) -> None:
        c.setFont("zh", 10)
        c.drawString(40, 200, above)
        c.drawString(40, 186, below)

    found = "Latin word split over lines" in kinds(pdf(body, lines))
    assert found == split


def test_a_contents_entry_is_checked_against_the_page_it_names() -> None:
    def contents(number: str):
        def draw(c: canvas.Canvas) -> None:
            c.setFont("Helvetica", 10)
            c.drawString(40, 300, "Cautions")
            c.drawRightString(WIDTH - 40, 300, number)
            c.linkRect("", "cautions", (38, 296, WIDTH - 38, 311), thickness=0)

        return draw

    def heading(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 14)
        c.drawString(40, 560, "Cautions")
        c.bookmarkPage("cautions")

    def other(c: canvas.Canvas) -> None:
        pass

    right = pages_pdf(contents("2"), heading, other)
    assert "contents astray" not in kinds(right)
    wrong = pages_pdf(contents("3"), heading, other)
    assert "contents astray" in kinds(wrong)


def test_the_cautions_box_is_held_to_its_rule() -> None:
    def box(c: canvas.Canvas) -> None:
        c.setFillColor(HexColor(COLOUR.caution_soft))
        c.rect(40, 100, 300, 200, stroke=0, fill=1)
        c.setFillColor(HexColor("#000000"))

    def plain(c: canvas.Canvas) -> None:
        pass

    def found(*pages, large: bool = False) -> bool:
        options = {"cautions": True, "large_least": 1.0 if large else None}
        return "cautions box split" in kinds(pages_pdf(*pages), **options)

    assert not found(plain, box, plain)  # whole on one page
    assert found(box, box, plain)  # normal print: never split
    assert not found(plain, box, box, large=True)  # large print: over a spread from page 2
    assert found(box, box, plain, large=True)  # ... not over a page turn
    assert found(plain, box, box, box, large=True)  # ... nor over three pages

    def over_a_spread(*pages, booklet: bool = True) -> set[str]:
        options = {"cautions": True, "large_least": 1.0, "booklet": booklet}
        return kinds(pages_pdf(*pages), **options) & {"cautions box split", over}

    over = "cautions box over more than a spread"
    # a large-print booklet's box taller than a spread: from a left-hand page, page after page
    assert over_a_spread(plain, box, box, box) == {over}
    assert over_a_spread(box, box, box) == {"cautions box split"}  # ... not from a right-hand one
    assert over_a_spread(plain, box, plain, box) == {"cautions box split"}  # ... nor broken off
    assert over_a_spread(plain, box, box, box, booklet=False) == {"cautions box split"}


def test_a_bilingual_box_in_normal_print_may_be_a_language_a_page_over_a_spread() -> None:
    pdf(body)  # registers the Chinese face

    def box(c: canvas.Canvas, text: str = "", face: str = "Helvetica") -> None:
        c.setFillColor(HexColor(COLOUR.caution_soft))
        c.rect(40, 100, 300, 200, stroke=0, fill=1)
        c.setFillColor(HexColor("#000000"))
        c.setFont(face, 10)
        c.drawString(50, 250, text)

    def english(c: canvas.Canvas) -> None:
        box(c, "Stop if it hurts.")

    def chinese(c: canvas.Canvas) -> None:
        box(c, "一痛就停", "zh")

    def both(c: canvas.Canvas) -> None:
        box(c, "Stop if it hurts. 一痛就停", "zh")

    def plain(c: canvas.Canvas) -> None:
        pass

    def split(*pages) -> bool:
        return "cautions box split" in kinds(pages_pdf(*pages), cautions=True, booklet=True)

    assert not split(plain, english, chinese)  # the English on page 2, its Chinese facing it
    assert split(english, chinese, plain)  # ... not over a page turn
    assert split(plain, both, both)  # one box of both languages split over the spread
    assert split(plain, english, english)  # one language's box split


def test_a_bilingual_bookmark_may_span_a_spread_from_a_left_hand_page() -> None:
    pdf(body)  # registers the Chinese face

    def english(c: canvas.Canvas) -> None:
        c.setFont("Helvetica", 14)
        c.drawString(40, 560, "Cautions")
        c.bookmarkPage("cautions")
        c.addOutlineEntry("Cautions · 安全须知", "cautions")

    def chinese(c: canvas.Canvas) -> None:
        c.setFont("zh", 14)
        c.drawString(40, 560, "安全须知")

    def plain(c: canvas.Canvas) -> None:
        pass

    # the English box's title on page 2, its Chinese on the facing page 3
    assert "bookmark astray" not in kinds(pages_pdf(plain, english, chinese))
    # from page 3 the Chinese is over a page turn
    assert "bookmark astray" in kinds(pages_pdf(plain, plain, english, chinese))
    # and nothing of the title on the page it points at is astray
    assert "bookmark astray" in kinds(pages_pdf(plain, english, plain))
