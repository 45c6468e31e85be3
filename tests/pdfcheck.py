"""Reading produced PDFs back, as a user's tools would: shared by the product tests."""

from __future__ import annotations

import ctypes
import io
import shutil
import subprocess

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

STANDARD_14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


def page_texts(data: bytes) -> list[str]:
    """The text of every page, extracted by PDFium (the engine in Chrome)."""
    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def char_fonts(data: bytes, page: int = 0) -> list[tuple[str, str]]:
    """Each character of a page with the font PDFium says prints it (subset prefix cut):
    [('2', 'NotoSans-Regular'), ('年', 'NotoSansSC-Regular'), ...]."""
    document = pdfium.PdfDocument(data)
    try:
        textpage = document[page].get_textpage()
        found = []
        name = ctypes.create_string_buffer(256)
        for index in range(textpage.count_chars()):
            char = chr(pdfium_raw.FPDFText_GetUnicode(textpage.raw, index))
            flags = ctypes.c_int()
            pdfium_raw.FPDFText_GetFontInfo(textpage.raw, index, name, 256, ctypes.byref(flags))
            found.append((char, name.value.decode().split("+")[-1]))
        textpage.close()
        return found
    finally:
        document.close()


def text(data: bytes) -> str:
    return "\n".join(page_texts(data))


def squeezed(data: bytes) -> str:
    """All text with whitespace removed: Chinese lines wrap anywhere, so compare without it."""
    return "".join(text(data).split())


def _fonts_in(
    resources: object, seen: set[int], found: list[pypdf.generic.DictionaryObject]
) -> None:
    if not isinstance(resources, dict):
        return
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if id(font) not in seen:
            seen.add(id(font))
            found.append(font)
    for xobject in (resources.get("/XObject") or {}).values():
        xobject = xobject.get_object()
        _fonts_in(xobject.get("/Resources"), seen, found)


def fonts(data: bytes) -> list[pypdf.generic.DictionaryObject]:
    """Every font dictionary used by a page, a form XObject or the AcroForm."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    seen: set[int] = set()
    found: list[pypdf.generic.DictionaryObject] = []
    for page in reader.pages:
        _fonts_in(page.get("/Resources"), seen, found)
        for annotation in page.get("/Annots") or []:
            appearance = annotation.get_object().get("/AP") or {}
            for state in appearance.values():
                state = state.get_object()
                streams = [state] if hasattr(state, "get_data") else list(state.values())
                for stream in streams:
                    _fonts_in(stream.get_object().get("/Resources"), seen, found)
    acroform = reader.trailer["/Root"].get("/AcroForm")
    if acroform is not None:
        _fonts_in(acroform.get_object().get("/DR"), seen, found)
    return found


def is_embedded(font: pypdf.generic.DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def unembedded_fonts(data: bytes) -> list[str]:
    """Names of fonts that are not embedded (a standard-14 font counts as not embedded)."""
    return [str(font.get("/BaseFont")) for font in fonts(data) if not is_embedded(font)]


def pdffonts_rows(data: bytes, tmp_path) -> list[str] | None:
    """pdffonts' rows (poppler), or None where it is not installed."""
    if not shutil.which("pdffonts"):
        return None
    path = tmp_path / "fonts.pdf"
    path.write_bytes(data)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()[2:]


def qpdf_check(data: bytes, tmp_path) -> None:
    """qpdf --check passes (skipped where qpdf is not installed)."""
    if not shutil.which("qpdf"):
        return
    path = tmp_path / "check.pdf"
    path.write_bytes(data)
    result = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
