"""One way to start a PDF: every product's file says the same things about itself (pdf/document.py
Metadata, new_canvas, new_document): Creator and Producer pmr-print, the title shown instead of the
file name (DisplayDocTitle), and the language's BCP 47 tag with its script (Settings.tag)."""

import io

import pytest
from pypdf import PdfReader

from pmr_print import api, resources
from pmr_print.options import PrintOptions
from pmr_print.theme import MM, PAPER_SIZES, half_sheet
from pmr_print.workshop.pack import speakers
from pmr_print.workshop.script import render_script
from pmr_print.workshop.slides import render_slides
from pmr_print.workshop.voices import Voice

BUILDS = {
    "handout-en": lambda: api.handout_pdf(api.load("en")),
    "handout-bi": lambda: api.handout_pdf(api.load("bi")),
    "cards-zh": lambda: api.cards_pdf(api.load("zh")),
    "log-zh": lambda: api.log_pdf(api.load("zh")),
    "booklet-en": lambda: api.booklet_pdf(api.load("en")),
    "script-zh": lambda: render_script(voices("zh"), "pmr-print", ""),
    "slides-en": lambda: render_slides(voices("en")),
}
LANG = {"en": "en-US", "zh": "zh-Hans-CN", "bi": "zh-Hans-CN"}  # bilingual: the Chinese's


def voices(lang: str) -> list[Voice]:
    details = api.WorkshopDetails(lang=lang)
    return speakers(PrintOptions(), details, resources.default_content_dir())


@pytest.mark.parametrize("name", BUILDS)
def test_every_pdf_starts_the_same_way(name: str) -> None:
    reader = PdfReader(io.BytesIO(BUILDS[name]()))
    info, root = reader.metadata, reader.trailer["/Root"]
    assert info is not None and info.title and info.subject and info.author
    assert (info["/Creator"], info["/Producer"]) == ("pmr-print", "pmr-print")
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert root["/Lang"] == LANG[name.split("-")[1]]


@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_a_booklets_page_is_half_its_paper(paper: str) -> None:
    width, height = PAPER_SIZES[paper]
    page = half_sheet(paper)
    assert page[1] == width and height / 2 - MM < page[0] <= height / 2
    data = api.booklet_pdf(api.load("en"), PrintOptions(paper=paper), impose=False)
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(page)


def test_half_a4_is_a5_and_half_letter_is_exact() -> None:
    assert half_sheet("a4") == (148 * MM, 210 * MM)  # ISO 216 rounds down to the millimetre
    assert half_sheet("letter") == (5.5 * 72, 8.5 * 72)
