"""The booklet's back cover (issue 19's decision): the clinic's name when --clinic is given, the
reminder to bring the booklet to the next session, and where to get help at once, in each
language of the booklet; it stays on the booklet's last page, even in bilingual large print."""

from __future__ import annotations

import pytest

from pmr_print import api
from pmr_print.options import BookletDetails, PrintOptions
from tests.pdfcheck import page_texts

CLINIC = "Harbour Street Clinic"
REMINDER = {"en": "Bring this booklet to your next session.", "zh": "下次就诊时请带上这本小册子。"}
HELP = {"en": "If you need help now", "zh": "需要紧急帮助时"}


def back_page(lang: str, clinic: str, options: PrintOptions | None = None) -> str:
    edition = api.load(lang)
    data = api.booklet_pdf(edition, options or PrintOptions(), BookletDetails(clinic=clinic))
    pages = page_texts(data)
    assert len(pages) % 4 == 0  # the back cover is the outside of a stapled booklet
    return "".join(pages[-1].split())


@pytest.mark.parametrize("lang", ["en", "zh", "bi"])
@pytest.mark.parametrize("clinic", [CLINIC, ""])
def test_the_back_cover_names_the_clinic_and_asks_to_bring_the_booklet(
    lang: str, clinic: str
) -> None:
    back = back_page(lang, clinic)
    langs = ["en", "zh"] if lang == "bi" else [lang]
    for each in langs:
        assert "".join(REMINDER[each].split()) in back
        assert "".join(HELP[each].split()) in back
    assert ("HarbourStreetClinic" in back) == bool(clinic)
    assert back.count("HarbourStreetClinic") <= 1  # once, in a bilingual booklet too


def test_the_bilingual_large_print_back_cover_fits_its_page() -> None:
    """With the clinic and its numbers, the back cover moves up rather than spill onto a page
    of its own (it did, numbers alone, before: 61 pages)."""
    options = PrintOptions(large_print=True, crisis_line="Emergency 000, Lifeline 13 11 14")
    back = back_page("bi", CLINIC, options)
    assert back.startswith("HarbourStreetClinic")
    assert "Lifeline131114" in back and "".join(REMINDER["zh"].split()) in back
