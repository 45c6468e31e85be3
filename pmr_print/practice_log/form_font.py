"""The embedded font of the log's form fields (form_pdf.py writes the fields).

ReportLab's form fields only know the 14 standard fonts, which have no Chinese and are not
embedded. The log's fields use a whole face instead (a client may type any character later), as
a Type0 / CIDFontType2 font with Identity-H encoding in the AcroForm's /DR, named by every text
and choice field's /DA and empty appearance; so every font in the file is embedded. Two faces
are packed in fonts/form/ by fonts/build_form_fonts.py, ready to copy into the PDF (compressed
file, widths, ToUnicode map): `zh`, Noto Sans SC (GB 2312, Latin and punctuation, 1.5 MB), and
`latin`, a Latin subset of Noto Sans (20 KB).

Why the resource is named /Wingdings (PDFium: core/fpdfdoc/cpdf_bafontmap.cpp): Chrome's PDF
engine (PDFium) asks a field's own font for a typed character only when the font's charset tag
matches the character's; an embedded font is tagged ANSI, so typed Chinese went to a non-embedded
system font (blank without one, and a saved file then names unembedded fonts). A font resource
named Wingdings is tagged Symbol, and PDFium asks it for every character, through /ToUnicode.
Poppler and pypdf use the font by resource name and do not care. PDFium may also add a
/Helvetica_00 to an appearance it regenerates; present already, pointing at the embedded font,
it is kept, so a file saved by PDFium names embedded fonts only.

The font is not marked as a subset (no `ABCDEF+` prefix): viewers refuse subset fonts for
typing. Its ToUnicode map prefers a code point of the CJK Unified Ideographs block when several
share a glyph (手 U+624B rather than the radical ⼿ U+2F3F).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import cast

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString

from pmr_print.resources import fonts_dir

FORM_FONTS = {"zh": "NotoSansSC-Form", "latin": "NotoSans-Form"}
RESOURCE_NAME = "/Wingdings"
PDFIUM_FALLBACK_NAME = "/Helvetica_00"
DEFAULT_APPEARANCE = f"{RESOURCE_NAME} 10 Tf 0 g"
DEFAULT_WIDTH = 1000


@dataclass(frozen=True)
class FontParts:
    """What the PDF objects are made of, as fonts/build_form_fonts.py packed them."""

    base_font: str
    compressed_file: bytes
    file_length: int
    widths: tuple[int, ...]  # the /W array, flattened: first last width ...
    to_unicode: bytes  # compressed
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int
    stem_v: int


@functools.cache
def font_parts(kind: str) -> FontParts:
    folder = fonts_dir() / "form"
    stem = FORM_FONTS[kind]
    info = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    return FontParts(
        base_font=info["base_font"],
        compressed_file=(folder / f"{stem}.ttf.flate").read_bytes(),
        file_length=info["file_length"],
        widths=tuple(info["widths"]),
        to_unicode=(folder / f"{stem}.tounicode.flate").read_bytes(),
        bbox=cast(tuple[int, int, int, int], tuple(info["bbox"])),
        ascent=info["ascent"],
        descent=info["descent"],
        cap_height=info["cap_height"],
        stem_v=info["stem_v"],
    )


def font_dictionary(kind: str) -> PDFDictionary:
    """The Type0 font `kind` with its descendant, descriptor, file and ToUnicode map, as
    ReportLab objects (streams become indirect objects when the document is written)."""
    parts = font_parts(kind)
    name = PDFName(parts.base_font)
    font_file = PDFStream(
        PDFDictionary({"Filter": PDFName("FlateDecode"), "Length1": parts.file_length}),
        parts.compressed_file,  # compressed once, when the fonts were packed
    )
    descriptor = PDFDictionary({
        "Type": PDFName("FontDescriptor"),
        "FontName": name,
        "Flags": 4,
        "FontBBox": PDFArray(parts.bbox),
        "ItalicAngle": 0,
        "Ascent": parts.ascent,
        "Descent": parts.descent,
        "CapHeight": parts.cap_height,
        "StemV": parts.stem_v,
        "FontFile2": font_file,
    })  # fmt: skip
    system_info = PDFDictionary(
        {"Registry": PDFString("Adobe"), "Ordering": PDFString("Identity"), "Supplement": 0}
    )
    cid_font = PDFDictionary({
        "Type": PDFName("Font"),
        "Subtype": PDFName("CIDFontType2"),
        "BaseFont": name,
        "CIDSystemInfo": system_info,
        "FontDescriptor": descriptor,
        "DW": DEFAULT_WIDTH,
        "W": PDFArray(parts.widths),
        "CIDToGIDMap": PDFName("Identity"),
    })  # fmt: skip
    to_unicode = PDFStream(PDFDictionary({"Filter": PDFName("FlateDecode")}), parts.to_unicode)
    return PDFDictionary({
        "Type": PDFName("Font"),
        "Subtype": PDFName("Type0"),
        "BaseFont": name,
        "Encoding": PDFName("Identity-H"),
        "DescendantFonts": PDFArray([cid_font]),
        "ToUnicode": to_unicode,
    })  # fmt: skip
