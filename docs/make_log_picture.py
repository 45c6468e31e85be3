"""Regenerate docs/log.png, the practice log's picture in the README:

    .venv/bin/python docs/make_log_picture.py

Week 1 of a Chinese log filled in with pypdf (as a viewer would fill it), beside the progress
page of the completed log made from what `pmr-print log --read` gives back. Rendered with PDFium.
"""

from __future__ import annotations

import datetime as dt
import io
import pathlib

import pypdf
import pypdfium2 as pdfium
from PIL import Image

from pmr_print import api
from pmr_print.options import LogDetails, PrintOptions

HERE = pathlib.Path(__file__).resolve().parent
WIDTH = 900  # pixels, each page
GAP = 24
DAYS = [  # day, time, minutes, protocol, before, after, notes
    (1, "睡前", "15", "标准版", "7", "4", "肩膀发沉，手心温热"),
    (2, "午休", "5", "简短版", "6", "4", ""),
    (3, "睡前", "16", "标准版", "8", "3", "小腿有点发麻，很快就睡着了"),
    (5, "早上", "20", "加长版", "6", "2", "呼吸变慢，全身放松"),
    (6, "睡前", "15", "标准版", "5", "2", ""),
]


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


def page_image(pdf: bytes, index: int) -> Image.Image:
    document = pdfium.PdfDocument(pdf)
    document.init_forms()
    page = document[index]
    image = page.render(scale=WIDTH / page.get_width(), may_draw_forms=True).to_pil()
    document.close()
    return image.convert("RGB")


def main() -> None:
    guide, options = api.load("zh"), PrintOptions(lang="zh", locale="zh_CN", paper="a4")
    details = LogDetails(name="王芳", start=dt.date(2026, 3, 9), weeks=1)
    form = filled(api.log_pdf(guide, options, details))
    done = api.log_pdf(guide, options, LogDetails(name="王芳"), entries=api.read_log(form))
    left, right = page_image(form, 0), page_image(done, 1)
    sheet = Image.new("RGB", (2 * WIDTH + 3 * GAP, left.height + 2 * GAP), "#8A9499")
    sheet.paste(left, (GAP, GAP))
    sheet.paste(right, (WIDTH + 2 * GAP, GAP))
    sheet.save(HERE / "log.png", optimize=True)
    print(HERE / "log.png")


if __name__ == "__main__":
    main()
