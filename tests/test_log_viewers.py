"""The practice log in the viewers clients use: typing in Chrome's engine (PDFium), filling with
pypdf, drawing with poppler. No Chinese system font may be installed where this runs (CI has
none): PDFium must draw typed Chinese from the font embedded in the log.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import io
import pathlib
import re
import shutil
import subprocess
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image

from pmr_print import api
from pmr_print.options import LogDetails, PrintOptions
from tests.pdfcheck import fonts, page_texts, unembedded_fonts

pytestmark = pytest.mark.slow  # every viewer's filling and drawing, read back page by page

TYPED = "手暖，呼吸慢"
SCALE = 2.0


@dataclass(frozen=True)
class TextField:
    page: int
    name: str
    rect: tuple[float, float, float, float]  # left, bottom, right, top in PDF points

    @property
    def centre(self) -> tuple[float, float]:
        left, bottom, right, top = self.rect
        return (left + right) / 2, (bottom + top) / 2


def log(lang: str, **details: object) -> bytes:
    return api.log_pdf(
        api.load(lang),
        PrintOptions(),
        LogDetails(start=dt.date(2026, 12, 7), weeks=1, **details),  # type: ignore[arg-type]
    )


@pytest.fixture(scope="module")
def log_zh() -> bytes:
    return log("zh")


class Typist:
    """A document open in PDFium with its form environment, its pages kept loaded (a page
    handle must outlive every form call on it)."""

    def __init__(self, data: bytes):
        self.document = pdfium.PdfDocument(data)
        self.document.init_forms()
        self.pages = [self.document[index] for index in range(len(self.document))]

    def close(self) -> None:
        for page in self.pages:
            page.close()
        self.document.close()


def visible_text_fields(typist: Typist) -> Iterator[TextField]:
    document = typist.document
    for index, page in enumerate(typist.pages):
        for position in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, position)
            try:
                kind = pdfium_c.FPDFAnnot_GetFormFieldType(document.formenv.raw, annot)
                hidden = pdfium_c.FPDFAnnot_GetFlags(annot) & pdfium_c.FPDF_ANNOT_FLAG_HIDDEN
                if kind != pdfium_c.FPDF_FORMFIELD_TEXTFIELD or hidden:
                    continue
                rect = pdfium_c.FS_RECTF()
                pdfium_c.FPDFAnnot_GetRect(annot, rect)
                size = pdfium_c.FPDFAnnot_GetFormFieldName(document.formenv.raw, annot, None, 0)
                buffer = (ctypes.c_ushort * (size // 2))()
                pdfium_c.FPDFAnnot_GetFormFieldName(document.formenv.raw, annot, buffer, size)
                name = bytes(buffer)[: size - 2].decode("utf-16-le")
                yield TextField(index, name, (rect.left, rect.bottom, rect.right, rect.top))
            finally:
                pdfium_c.FPDFPage_CloseAnnot(annot)


def type_into(typist: Typist, field: TextField, text: str) -> None:
    """Click into the field, type each UTF-16 unit, leave it: what a user's keyboard does."""
    form, page = typist.document.formenv.raw, typist.pages[field.page].raw
    x, y = field.centre
    assert pdfium_c.FORM_OnFocus(form, page, 0, x, y)
    units = text.encode("utf-16-le")
    for i in range(0, len(units), 2):
        pdfium_c.FORM_OnChar(form, page, int.from_bytes(units[i : i + 2], "little"), 0)
    pdfium_c.FORM_ForceToKillFocus(form)


def ink(typist: Typist, field: TextField) -> int:
    """Dark pixels inside the field (a little inset, off its printed box lines)."""
    page = typist.pages[field.page]
    image = page.render(scale=SCALE, may_draw_forms=True, grayscale=True).to_pil()
    height = page.get_height()
    left, bottom, right, top = field.rect
    box = (
        round(left * SCALE) + 2,
        round((height - top) * SCALE) + 2,
        round(right * SCALE) - 2,
        round((height - bottom) * SCALE) - 2,
    )
    return sum(1 for value in image.crop(box).get_flattened_data() if value < 128)


def typed_everywhere(data: bytes, text: str) -> tuple[Typist, list[str]]:
    """Type `text` into every visible text field; the names of the fields that show no ink."""
    typist = Typist(data)
    fields = list(visible_text_fields(typist))
    assert len(fields) == 7 * 3 + 2  # time, minutes, notes a day, and the reflection
    before = {field: ink(typist, field) for field in fields}
    for field in fields:
        type_into(typist, field, text)
    blank = [field.name for field in fields if ink(typist, field) <= before[field] + 20]
    return typist, blank


def appearance_fonts(data: bytes) -> list[pypdf.generic.DictionaryObject]:
    """The fonts each widget's appearance names with Tf, looked up in its resources."""
    found = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for annotation in page.get("/Annots", []):
            normal = annotation.get_object().get("/AP", {}).get("/N")
            if normal is None or "/Resources" not in normal.get_object():
                continue
            stream = normal.get_object()
            fonts = stream["/Resources"].get("/Font", {})
            for name in set(pypdf.generic.NameObject(n) for n in _tf_names(stream.get_data())):
                assert name in fonts, f"{name} is not in the appearance's resources"
                found.append(fonts[name].get_object())
    return found


def _tf_names(content: bytes) -> list[str]:
    return [match.decode() for match in re.findall(rb"(/[^\s/\[\]()<>]+)\s+[\d.]+\s+Tf", content)]


def test_chinese_typed_in_pdfium_shows_in_every_field(log_zh: bytes) -> None:
    typist, blank = typed_everywhere(log_zh, TYPED)
    typist.close()
    assert blank == []


def test_a_log_saved_by_pdfium_after_typing_has_embedded_fonts_only(log_zh: bytes) -> None:
    typist, _ = typed_everywhere(log_zh, TYPED)
    out = io.BytesIO()
    typist.document.save(out)
    typist.close()
    saved = out.getvalue()
    fonts = appearance_fonts(saved)
    assert fonts, "the typed fields have appearances that name a font"
    assert all("/FontFile2" in _descriptor(font) for font in fonts), [
        str(font.get("/BaseFont")) for font in fonts
    ]
    assert unembedded_fonts(saved) == []
    values = pypdf.PdfReader(io.BytesIO(saved)).get_fields() or {}
    assert values["w1.d1.notes"]["/V"] == TYPED


def _descriptor(font: pypdf.generic.DictionaryObject) -> pypdf.generic.DictionaryObject:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    return font.get("/FontDescriptor", pypdf.generic.DictionaryObject()).get_object()


def poppler_ink(data: bytes, page: int, rects: list[tuple[float, float, float, float]],
                tmp_path: pathlib.Path) -> list[int]:  # fmt: skip
    """Dark pixels in each rectangle of a page as poppler (Evince, Okular) draws it."""
    pdf, prefix = tmp_path / "in.pdf", tmp_path / "page"
    pdf.write_bytes(data)
    dpi = round(72 * SCALE)
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page + 1), "-l", str(page + 1),
         "-singlefile", "-png", str(pdf), str(prefix)],
        check=True, capture_output=True,
    )  # fmt: skip
    image = Image.open(f"{prefix}.png").convert("L")
    height = image.height / SCALE
    counts = []
    for left, bottom, right, top in rects:
        box = (round(left * SCALE) + 2, round((height - top) * SCALE) + 2,
               round(right * SCALE) - 2, round((height - bottom) * SCALE) - 2)  # fmt: skip
        counts.append(sum(1 for value in image.crop(box).get_flattened_data() if value < 128))
    return counts


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_poppler_draws_typed_and_filled_values(log_zh: bytes, tmp_path: pathlib.Path) -> None:
    typist, _ = typed_everywhere(log_zh, TYPED)
    fields = [field for field in visible_text_fields(typist) if field.page == 0]
    out = io.BytesIO()
    typist.document.save(out)
    typist.close()
    rects = [field.rect for field in fields]
    blank = poppler_ink(log_zh, 0, rects, tmp_path)
    typed = poppler_ink(out.getvalue(), 0, rects, tmp_path)
    assert [f.name for f, b, t in zip(fields, blank, typed, strict=True) if t <= b + 20] == []
    filled = fill_with_pypdf(log_zh, {field.name: TYPED for field in fields})
    drawn = poppler_ink(filled, 0, rects, tmp_path)
    assert [f.name for f, b, d in zip(fields, blank, drawn, strict=True) if d <= b + 20] == []


def fill_with_pypdf(data: bytes, values: dict[str, str], flatten: bool = False) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.update_page_form_field_values(
        writer.pages[0], values, auto_regenerate=False, flatten=flatten
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# Common characters whose glyph ids in Noto Sans SC lie where pypdf looks for Hebrew and Arabic
# (0x0590-0x08FF), and words that do not: the line must extract in order either way.
NOTE = "下午练了一次，不紧张 calm"


def test_values_filled_with_pypdf_extract_in_order_in_pdfium(log_zh: bytes) -> None:
    values = {"w1.d1.notes": NOTE, "w1.d2.time": "上午", "w1.d3.notes": "一下\n不紧张"}
    filled = fill_with_pypdf(log_zh, values)
    appearances = [
        annotation.get_object()["/AP"]["/N"].get_object().get_data()
        for annotation in pypdf.PdfReader(io.BytesIO(filled)).pages[0]["/Annots"]
        if str(annotation.get_object().get("/V", "")) in values.values()
    ]
    assert len(appearances) == 3
    assert not [data for data in appearances if b"/ActualText" in data]
    text = page_texts(fill_with_pypdf(log_zh, values, flatten=True))[0]
    assert NOTE in text and "上午" in text and "一下\r\n不紧张" in text


def test_no_form_font_glyph_id_looks_like_right_to_left_text() -> None:
    """fonts/build_form_fonts.py leaves those ids empty: no character maps to them."""
    from pmr_print.practice_log.form_font import font_parts

    cmap = zlib.decompress(font_parts("zh").to_unicode).decode("ascii")
    glyph_ids = [int(gid, 16) for gid in re.findall(r"^<([0-9A-F]{4})> <", cmap, re.MULTILINE)]
    assert len(glyph_ids) > 7000
    assert not [gid for gid in glyph_ids if 0x0590 <= gid <= 0x08FF]


def test_an_english_log_is_small_and_takes_latin_typing() -> None:
    data = log("en")
    assert len(data) <= 300_000
    assert not any("SC" in str(font.get("/BaseFont")) for font in fonts(data))
    typist, blank = typed_everywhere(data, "warm hands")
    typist.close()
    assert blank == []


def test_an_english_log_carries_the_chinese_form_font_when_asked() -> None:
    data = log("en", form_font="zh")
    typist, blank = typed_everywhere(data, TYPED)
    typist.close()
    assert blank == []


def test_a_four_week_chinese_log_stays_under_2_mb() -> None:
    data = api.log_pdf(
        api.load("zh"), PrintOptions(), LogDetails(start=dt.date(2026, 12, 7), weeks=4)
    )
    assert len(data) <= 2_000_000
