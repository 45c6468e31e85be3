"""The HTML edition printed from the browser (issue 21 point 7): Debian's Chromium prints it as a
person's Print button would (selenium's print_page, Chromium's own PDF), and the printed pages
are read back.

Chromium prints CSS @page margin boxes since version 131, so the edition's base.html puts the
title and the client's name bottom left and "Page x of y" bottom right of every page; and its
<tfoot> is printed once, after the last row, not at every page break.
"""

from __future__ import annotations

import base64
import io
import pathlib
import re
from typing import Any

import pypdf
import pytest

from pmr_print import api
from pmr_print.options import BookletDetails, HandoutDetails, PrintOptions

pytestmark = pytest.mark.browser

CASES = {  # the edition, the client, the margin's words, the total's label, the page's label
    "en": ("Jane Miller", "Progressive Muscle Relaxation · Jane Miller", "Total", "Page {} of {}"),
    "zh": ("王芳", "渐进式肌肉放松 · 王芳", "合计", "第{}页，共{}页"),
}


def printed(browser: Any, html: str, folder: pathlib.Path) -> list[str]:
    """The text of each page Chromium prints of the page."""
    from selenium.webdriver.common.print_page_options import PrintOptions as Printing

    page = folder / "edition.html"
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri())
    options = Printing()
    options.background = True
    pdf = base64.b64decode(browser.print_page(options))
    (folder / "printed.pdf").write_bytes(pdf)  # to look at: tests leave it in tmp_path
    return [" ".join(p.extract_text().split()) for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_printed_page_names_the_client_and_its_number_and_the_total_prints_once(
    browser: Any, tmp_path: pathlib.Path, lang: str
) -> None:
    client, margin, total, folio = CASES[lang]
    details = HandoutDetails(client=client, clinician="Dr Lee")
    html = api.handout_html(api.load(lang), PrintOptions(paper="a4"), details)
    pages = printed(browser, html, tmp_path)
    assert len(pages) >= 3  # the steps table crosses a page break
    for number, text in enumerate(pages, 1):
        assert margin in text, (number, text[-200:])
        assert folio.format(number, len(pages)) in text, (number, text[-200:])
    totals = sum(len(re.findall(rf"(?<!\w){total}(?!\w)", text)) for text in pages)
    assert totals == 1, [text for text in pages if total in text]


def test_no_page_ends_with_the_steps_header_alone(browser: Any, tmp_path: pathlib.Path) -> None:
    """The bilingual booklet's steps table starts low on a page: its header row goes over with
    the first step instead of ending the page alone."""
    details = BookletDetails(client="王芳")
    html = api.booklet_html(api.load("bi"), PrintOptions(paper="a4"), details)
    pages = printed(browser, html, tmp_path)
    for number, text in enumerate(pages, 1):
        _, header, rows = text.rpartition("What to do 做法")
        if header:
            assert re.search(r"\b5 10\b", rows), (number, text[-300:])  # a step: 5 s, 10 s


def test_a_client_named_like_css_is_printed_as_typed(browser: Any, tmp_path: pathlib.Path) -> None:
    """The name goes into the <style> as a CSS string, each odd character escaped: printed as
    typed, and it cannot end the string or the style element."""
    name = 'Jo "}</style><b>x'
    html = api.booklet_html(api.load("en"), PrintOptions(paper="a4"), BookletDetails(client=name))
    assert "</style><b>" not in html.split("<body", 1)[0].split("<style>", 1)[1]
    pages = printed(browser, html, tmp_path)
    assert all(f"Progressive Muscle Relaxation · {name}" in text for text in pages)
