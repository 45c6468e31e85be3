"""An embedded font for form fields, added to a ReportLab form with pypdf.

ReportLab's form fields only know the 14 standard fonts, which have no Chinese and are not
embedded. After ReportLab writes the form, this module adds a whole face (a client may type any
character later) as a Type0 / CIDFontType2 font with Identity-H encoding to the AcroForm's /DR,
points every text and choice field's /DA at it, and gives each (empty) field an appearance that
names only that font. Helvetica and ReportLab's field encoding are dropped, so every font in the
file is embedded. Two faces are packed in fonts/form/ by fonts/build_form_fonts.py, ready to copy
into the PDF (compressed file, widths, ToUnicode map): `zh`, Noto Sans SC (GB 2312, Latin and
punctuation, 1.5 MB), and `latin`, a Latin subset of Noto Sans (20 KB).

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
import re
from dataclasses import dataclass
from typing import cast

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

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


def pdf_dict(**entries: object) -> DictionaryObject:
    return DictionaryObject({NameObject(f"/{key}"): value for key, value in entries.items()})


def flate_stream(compressed: bytes, **entries: object) -> StreamObject:
    """A stream of data compressed once, when the fonts were packed (pypdf keeps it as given)."""
    stream = EncodedStreamObject()
    stream._data = compressed
    stream.update(pdf_dict(Filter=NameObject("/FlateDecode"), **entries))
    return stream


def numbers(values: tuple[int, ...]) -> ArrayObject:
    return ArrayObject(NumberObject(value) for value in values)


def add_font(writer: PdfWriter, kind: str) -> IndirectObject:
    """Add the Type0 font's objects to the writer; return a reference to the font."""
    parts = font_parts(kind)
    name = NameObject(f"/{parts.base_font}")
    font_file = flate_stream(parts.compressed_file, Length1=NumberObject(parts.file_length))
    descriptor = pdf_dict(
        Type=NameObject("/FontDescriptor"),
        FontName=name,
        Flags=NumberObject(4),
        FontBBox=numbers(parts.bbox),
        ItalicAngle=NumberObject(0),
        Ascent=NumberObject(parts.ascent),
        Descent=NumberObject(parts.descent),
        CapHeight=NumberObject(parts.cap_height),
        StemV=NumberObject(parts.stem_v),
        FontFile2=writer._add_object(font_file),
    )
    system_info = pdf_dict(
        Registry=TextStringObject("Adobe"),
        Ordering=TextStringObject("Identity"),
        Supplement=NumberObject(0),
    )
    cid_font = pdf_dict(
        Type=NameObject("/Font"),
        Subtype=NameObject("/CIDFontType2"),
        BaseFont=name,
        CIDSystemInfo=system_info,
        FontDescriptor=writer._add_object(descriptor),
        DW=NumberObject(DEFAULT_WIDTH),
        W=numbers(parts.widths),
        CIDToGIDMap=NameObject("/Identity"),
    )
    font = pdf_dict(
        Type=NameObject("/Font"),
        Subtype=NameObject("/Type0"),
        BaseFont=name,
        Encoding=NameObject("/Identity-H"),
        DescendantFonts=ArrayObject([writer._add_object(cid_font)]),
        ToUnicode=writer._add_object(flate_stream(parts.to_unicode)),
    )
    return writer._add_object(font)


def font_resources(font: IndirectObject) -> DictionaryObject:
    return DictionaryObject(
        {NameObject(RESOURCE_NAME): font, NameObject(PDFIUM_FALLBACK_NAME): font}
    )


def empty_appearance(widget: DictionaryObject, font: IndirectObject) -> StreamObject:
    """An appearance for an empty variable-text field, naming only the form font."""
    x0, y0, x1, y1 = (float(value) for value in cast(ArrayObject, widget["/Rect"]))
    stream = DecodedStreamObject()
    stream.set_data(b"/Tx BMC\nEMC\n")
    stream.update(
        pdf_dict(
            Type=NameObject("/XObject"),
            Subtype=NameObject("/Form"),
            BBox=ArrayObject(NumberObject(round(v)) for v in (0, 0, x1 - x0, y1 - y0)),
            Resources=pdf_dict(Font=font_resources(font)),
        )
    )
    return stream


def use_form_font(writer: PdfWriter, kind: str) -> None:
    """Make every text and choice field of the writer's form use the embedded font `kind`."""
    font = add_font(writer, kind)
    form = cast(DictionaryObject, writer._root_object["/AcroForm"])
    form[NameObject("/DR")] = pdf_dict(Font=font_resources(font))
    form[NameObject("/DA")] = TextStringObject(DEFAULT_APPEARANCE)
    for page in writer.pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            if widget.get("/FT") not in ("/Tx", "/Ch"):
                widget.pop("/DA", None)  # a checkbox draws its own check, with no font
                continue
            appearance = str(widget.get("/DA", DEFAULT_APPEARANCE))
            widget[NameObject("/DA")] = TextStringObject(
                re.sub(r"/[^\s/]+(\s+[\d.]+\s+Tf)", RESOURCE_NAME + r"\1", appearance)
            )
            stream = writer._add_object(empty_appearance(widget, font))
            widget[NameObject("/AP")] = pdf_dict(N=stream)
    # Identical empty appearances must stay separate objects: a filler writes into them in place.
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
