"""Pagination a typesetter would accept, read back from the PDFs of every product.

In every product, language (en, zh and bi where the product has it) and size: no page holds
only a scrap of text (one or two lines besides its running foot) unless it is mostly a figure;
no heading is the last line of a page; a table that runs over a page repeats its header; and a
paragraph never leaves a single line alone at the foot or the head of a page.
"""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest
from reportlab.platypus import Spacer

from pmr_print import api
from pmr_print.options import PrintOptions
from pmr_print.pdf.document import Metadata, PageFrame, build_document
from pmr_print.pdf.styles import make_styles
from pmr_print.pdf.text import plain_paragraph
from pmr_print.theme import LARGE_TYPE, NORMAL_TYPE, make_theme

FOOT = 42.0  # points from the bottom: the running foot lies below, the text above
HEAD = 36.0  # points from the top: a booklet's running head lies above, the text below
ROW_TOLERANCE = 3.0  # characters whose baselines differ less are on one line (columns too)
FIGURE_INK = 0.04  # a page with this share of ink outside its text is a figure page


@dataclass(frozen=True)
class Row:
    baseline: float
    text: str
    sizes: tuple[float, ...]


@dataclass(frozen=True)
class Page:
    rows: tuple[Row, ...]
    ink: float  # share of the page that is not white, text included


def read_pages(data: bytes) -> list[Page]:
    document = pdfium.PdfDocument(data)
    try:
        return [read_page(page) for page in document]
    finally:
        document.close()


def read_page(page: pdfium.PdfPage) -> Page:
    textpage = page.get_textpage()
    top = page.get_height() - HEAD
    chars = []
    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if char.isspace() or not char:
            continue
        left, bottom = origin(textpage, index)  # on the baseline, whatever the glyph
        if FOOT < bottom < top:
            size = pdfium_raw.FPDFText_GetFontSize(textpage.raw, index)
            chars.append((bottom, left, char, size))
    textpage.close()
    image = page.render(scale=0.25).to_pil().convert("L")
    ink = sum(1 for value in image.get_flattened_data() if value < 200) / (
        image.width * image.height
    )
    page.close()
    return Page(tuple(rows_of(chars)), ink)


Char = tuple[float, float, str, float]  # baseline, left, character, font size


def origin(textpage: pdfium.PdfTextPage, index: int) -> tuple[float, float]:
    x, y = ctypes.c_double(), ctypes.c_double()
    pdfium_raw.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
    return x.value, y.value


def rows_of(chars: list[Char]) -> list[Row]:
    """Characters grouped into lines by baseline, top line first, each read left to right."""
    rows: list[list[Char]] = []
    for char in sorted(chars, key=lambda found: -found[0]):
        if rows and rows[-1][0][0] - char[0] < ROW_TOLERANCE:
            rows[-1].append(char)
        else:
            rows.append([char])
    return [
        Row(
            row[0][0],
            "".join(c for _, _, c, _ in sorted(row, key=lambda found: found[1])),
            tuple(size for *_, size in row),
        )
        for row in rows
    ]


def is_figure_page(page: Page) -> bool:
    """Mostly a figure (a card's front, a cover): far more ink than its few lines of text."""
    return page.ink >= FIGURE_INK


@functools.cache
def guide(lang: str) -> api.Edition:
    return api.load(lang)


def editions() -> list[tuple[str, str]]:
    products = sorted(api.builders())
    pairs = [(product, lang) for product in products for lang in ("en", "zh")]
    pairs += [(product, "bi") for product in products if product in api.BILINGUAL_PRODUCTS]
    return pairs


@functools.cache
def pages_of(product: str, lang: str, large: bool) -> list[Page]:
    options = PrintOptions(paper="a4", large_print=large)
    return read_pages(api.builders()[product](guide(lang), options))


CASES = [
    pytest.param(
        product,
        lang,
        large,
        id=f"{product}-{lang}-{'large' if large else 'normal'}",
        # The fast tier reads the one-language handout, cards and log in normal print.
        marks=[pytest.mark.slow] if product == "booklet" or lang == "bi" or large else [],
    )
    for product, lang in editions()
    for large in (False, True)
]


@pytest.mark.parametrize(("product", "lang", "large"), CASES)
def test_no_page_holds_only_a_scrap_of_text(product: str, lang: str, large: bool) -> None:
    pages = pages_of(product, lang, large)
    scraps = [
        (number, [row.text for row in page.rows])
        for number, page in enumerate(pages, start=1)
        if len(page.rows) <= 2
        and not is_figure_page(page)
        and not is_blank(page)
        and not is_notes_page(page)
    ]
    assert scraps == []


def is_blank(page: Page) -> bool:
    """Nothing at all on it: a booklet leaves a page blank so that a spread of its log starts on
    a left-hand page, as books start a part on the right side. A blank page is no scrap."""
    return not page.rows and page.ink == 0


NOTES = {"Notes", "笔记"}  # the heading of a page the booklet leaves for notes (labels.po)


def is_notes_page(page: Page) -> bool:
    """A page left over before the log or the back cover, ruled for notes under its heading: its
    only text is that heading (in each language); it is meant to be written on, not a scrap."""
    return bool(page.rows) and all(
        set(row.text.replace(" ", "").split("·")) <= NOTES for row in page.rows
    )


def is_heading(row: Row, large: bool) -> bool:
    """Set at heading size or larger throughout (body and table text are smaller)."""
    least = (LARGE_TYPE if large else NORMAL_TYPE).h3 - 0.05
    return all(size >= least for size in row.sizes)


FLOWING = ("handout", "booklet")  # the others are laid out card by card and week by week


@pytest.mark.parametrize(
    ("product", "lang", "large"), [case for case in CASES if case.values[0] in FLOWING]
)
def test_no_heading_is_the_last_line_of_a_page(product: str, lang: str, large: bool) -> None:
    pages = pages_of(product, lang, large)
    last_lines = [
        (number, page.rows[-1].text)
        for number, page in enumerate(pages, start=1)
        if page.rows and is_heading(page.rows[-1], large) and not is_notes_page(page)
    ]
    assert last_lines == []


@pytest.mark.parametrize("lang", ["en", "zh", "bi"])
def test_the_steps_table_repeats_its_header_on_every_page_it_runs_onto(lang: str) -> None:
    """In large print the table runs over several pages, split between rows only."""
    pages = pages_of("handout", lang, True)
    edition = guide(lang)
    first = edition if isinstance(edition, api.Guide) else edition.en
    steps = first.protocol("standard").steps
    starts = tuple(f"{n}{''.join(step.name.split())}" for n, step in enumerate(steps, start=1))
    holding = [
        number
        for number, page in enumerate(pages, start=1)
        if any(row.text.startswith(starts) for row in page.rows)
    ]
    assert len(holding) >= 2
    for number in holding:
        texts = [row.text for row in pages[number - 1].rows]
        assert any(text.startswith("#") for text in texts), number  # the header row: # ...


WORDS = {"en": ("relax", " "), "zh": ("放松", "")}


def paragraph_of(lines: int, styles, width: float, lang: str):
    """A body paragraph exactly `lines` lines long at `width`."""
    word, space = WORDS[lang]
    count = 1
    while True:
        paragraph = plain_paragraph(space.join([word] * count), "test", styles.faces, styles.body)
        paragraph.wrap(width, 10_000)
        if len(paragraph.blPara.lines) > lines:
            text = space.join([word] * (count - 1))
            return plain_paragraph(text, "test", styles.faces, styles.body)
        count += 1


def foot_of_page_test(lines: int, room_in_lines: float, lang: str) -> list[int]:
    """Text rows per page when a paragraph of `lines` lines follows a spacer that leaves room
    for `room_in_lines` lines at the foot of page 1."""
    theme = make_theme("a4")
    styles = make_styles(theme, lang)
    guide_en = guide("en")
    assert isinstance(guide_en, api.Guide)
    padding = 6  # a frame's own, on each side
    frame_height = theme.page_size[1] - 2 * theme.margin - 2 * padding
    width = theme.page_size[0] - 2 * theme.margin - 2 * padding
    story = [
        Spacer(1, frame_height - room_in_lines * styles.body.leading),
        paragraph_of(lines, styles, width, lang),
    ]
    frame = PageFrame(theme, styles.faces, guide_en.labels, "note")
    data = build_document(story, frame, Metadata("t", "a", "s", lang))
    return [len(page.rows) for page in read_pages(data)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_paragraph_leaves_no_single_line_at_the_foot_of_a_page(lang: str) -> None:
    assert foot_of_page_test(5, room_in_lines=1.5, lang=lang) == [0, 5]  # it moves on whole


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_paragraph_leaves_no_single_line_at_the_head_of_a_page(lang: str) -> None:
    assert foot_of_page_test(5, room_in_lines=4.5, lang=lang) == [3, 2]  # not four and one


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_paragraph_splits_where_it_leaves_two_lines_on_each_page(lang: str) -> None:
    assert foot_of_page_test(5, room_in_lines=2.5, lang=lang) == [2, 3]
