"""Regenerate the README's pictures, rendered with PDFium:

    .venv/bin/python docs/make_pictures.py

- docs/output.png: page 1 of the Chinese handout beside an English step card (1-up);
- docs/bilingual.png: page 1 of the bilingual handout (`--lang bi`) beside a bilingual card;
- docs/log.png: week 1 of a Chinese log filled in with pypdf (as a viewer would fill it), beside
  the progress page of the completed log made from what `pmr-print log --read` gives back;
- docs/booklet.png: the bilingual large-print booklet's log week over two facing pages (its
  columns split, the Day column on both), beside the English booklet's log week, one A5 page
  turned;
- docs/booklet-large.png: the bilingual large-print booklet open at the cautions (the box starts
  on a left-hand page and runs onto the facing one) and at a step's spread (names, figure and
  timing strip on the left, both instructions facing them).
"""

from __future__ import annotations

import datetime as dt
import io
import pathlib

import pypdf
import pypdfium2 as pdfium
from PIL import Image

from pmr_print import api
from pmr_print.options import BookletDetails, HandoutDetails, LogDetails, PrintOptions

HERE = pathlib.Path(__file__).resolve().parent
GAP = 24
BACKGROUND = "#8A9499"
DAYS = [  # day, time, minutes, protocol, before, after, notes
    (1, "睡前", "15", "标准版", "7", "4", "肩膀发沉，手心温热"),
    (2, "午休", "5", "简短版", "6", "4", ""),
    (3, "睡前", "16", "标准版", "8", "3", "小腿有点发麻，很快就睡着了"),
    (5, "早上", "20", "加长版", "6", "2", "呼吸变慢，全身放松"),
    (6, "睡前", "15", "标准版", "5", "2", ""),
]


def page_image(pdf: bytes, index: int, width: int = 0, height: int = 0) -> Image.Image:
    """One page at the given pixel width (or height), form fields drawn."""
    document = pdfium.PdfDocument(pdf)
    document.init_forms()
    page = document[index]
    scale = width / page.get_width() if width else height / page.get_height()
    image = page.render(scale=scale, may_draw_forms=True).to_pil().convert("RGB")
    document.close()
    return image


def side_by_side(left: Image.Image, right: Image.Image, path: pathlib.Path) -> None:
    height = max(left.height, right.height) + 2 * GAP
    sheet = Image.new("RGB", (left.width + right.width + 3 * GAP, height), BACKGROUND)
    sheet.paste(left, (GAP, GAP))
    sheet.paste(right, (left.width + 2 * GAP, GAP))
    sheet.save(path, optimize=True)
    print(path)


def output_picture() -> None:
    zh, en = api.load("zh"), api.load("en")
    details = HandoutDetails(client="王芳", clinician="李医生", clinic="阳光心理门诊")
    handout = api.handout_pdf(zh, PrintOptions(paper="a4"), details)
    card = api.cards_pdf(en, PrintOptions(paper="a4"), layout="1up")
    side_by_side(
        page_image(handout, 0, height=760), page_image(card, 7, height=760), HERE / "output.png"
    )


def bilingual_picture() -> None:
    pair = api.load("bi")
    day = dt.date(2026, 3, 9)
    details = HandoutDetails(client="王芳 Wang Fang", clinician="Dr Lee 李医生", date=day)
    handout = api.handout_pdf(pair, PrintOptions(paper="a4"), details)
    card = api.cards_pdf(pair, PrintOptions(paper="a4"), layout="1up")
    side_by_side(
        page_image(handout, 0, height=760), page_image(card, 9, height=760), HERE / "bilingual.png"
    )


def filled(blank: bytes) -> bytes:
    values = {"w1.reflection.relaxed": "比上周放松，入睡快了。"}
    for day, *rest in DAYS:
        values[f"w1.d{day}.practised"] = "/Yes"
        columns = ("time", "minutes", "protocol", "before", "after", "notes")
        for column, value in zip(columns, rest, strict=True):
            values[f"w1.d{day}.{column}"] = value
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank)))
    writer.update_page_form_field_values(writer.pages[0], values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def log_picture() -> None:
    guide, options = api.load("zh"), PrintOptions(locale="zh_CN", paper="a4")
    details = LogDetails(name="王芳", start=dt.date(2026, 3, 9), weeks=1)
    form = filled(api.log_pdf(guide, options, details))
    done = api.log_pdf(guide, options, LogDetails(name="王芳"), entries=api.read_log(form))
    side_by_side(page_image(form, 0, width=900), page_image(done, 1, width=900), HERE / "log.png")


def first_page_with(pdf: bytes, words: str) -> int:
    document = pdfium.PdfDocument(pdf)
    try:
        for index, page in enumerate(document):
            if words in page.get_textpage().get_text_range().replace("\r\n", " "):
                return index
    finally:
        document.close()
    raise LookupError(words)


def spread(pdf: bytes, left: int, height: int) -> Image.Image:
    """A left-hand page and the page facing it, as the open booklet shows them."""
    pages = [page_image(pdf, index, height=height) for index in (left, left + 1)]
    sheet = Image.new("RGB", (pages[0].width + pages[1].width, height), "white")
    sheet.paste(pages[0], (0, 0))
    sheet.paste(pages[1], (pages[0].width, 0))
    return sheet


def booklet_picture() -> None:
    details = BookletDetails(client="王芳 Wang Fang", clinician="Dr Lee 李医生",
                             date=dt.date(2026, 3, 9), weeks=2)  # fmt: skip
    large = api.booklet_pdf(api.load("bi"), PrintOptions(paper="a4", large_print=True), details)
    normal = api.booklet_pdf(api.load("en"), PrintOptions(paper="a4"), details)
    left = spread(large, first_page_with(large, "Practised"), 760)
    turned = page_image(normal, first_page_with(normal, "Weekly reflection"), height=760)
    side_by_side(left, turned, HERE / "booklet.png")


def bookmark_page(pdf: bytes, title: str) -> int:
    """The page a top-level bookmark whose title starts with `title` points at."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    for item in reader.outline:
        if not isinstance(item, list) and str(item.title).startswith(title):
            return int(reader.get_destination_page_number(item))
    raise LookupError(title)


def booklet_large_picture() -> None:
    details = BookletDetails(client="王芳 Wang Fang", clinician="Dr Lee 李医生",
                             date=dt.date(2026, 3, 9), weeks=2)  # fmt: skip
    large = api.booklet_pdf(api.load("bi"), PrintOptions(paper="a4", large_print=True), details)
    cautions = bookmark_page(large, "Cautions")
    cautions -= cautions % 2 == 0  # 0-based odd: a left-hand page
    step = first_page_with(large, "Step 5 of 13")
    side_by_side(spread(large, cautions, 640), spread(large, step, 640), HERE / "booklet-large.png")


if __name__ == "__main__":
    output_picture()
    bilingual_picture()
    log_picture()
    booklet_picture()
    booklet_large_picture()
