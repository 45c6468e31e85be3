"""Regenerate docs/output.png, the picture at the top of the README:

    .venv/bin/python docs/make_picture.py

Page 1 of the Chinese handout beside an English step card (1-up), rendered with PDFium.
"""

from __future__ import annotations

import pathlib

import pypdfium2 as pdfium
from PIL import Image

from pmr_print import api
from pmr_print.options import HandoutDetails, PrintOptions

HERE = pathlib.Path(__file__).resolve().parent
HEIGHT = 760  # pixels, both pages
GAP = 24


def first_page(pdf: bytes, page_index: int = 0) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    page = document[page_index]
    image = page.render(scale=HEIGHT / page.get_height()).to_pil().convert("RGB")
    document.close()
    return image


def main() -> None:
    zh, en = api.load("zh"), api.load("en")
    details = HandoutDetails(client="王芳", clinician="李医生", clinic="阳光心理门诊")
    handout = first_page(api.handout_pdf(zh, PrintOptions(lang="zh", paper="a4"), details))
    card = first_page(api.cards_pdf(en, PrintOptions(lang="en", paper="a4"), layout="1up"), 7)
    sheet = Image.new("RGB", (handout.width + card.width + 3 * GAP, HEIGHT + 2 * GAP), "#8A9499")
    sheet.paste(handout, (GAP, GAP))
    sheet.paste(card, (handout.width + 2 * GAP, GAP))
    sheet.save(HERE / "output.png", optimize=True)
    print(HERE / "output.png")


if __name__ == "__main__":
    main()
