"""An embedded Chinese-capable font for form fields, added to a ReportLab form with pypdf.

ReportLab's form fields only know the 14 standard fonts, which have no Chinese and are not
embedded. After ReportLab writes the form, this module adds Noto Sans SC (the shipped GB 2312 +
Latin + punctuation face, whole, so that what a client types later has its glyphs) as a
Type0 / CIDFontType2 font with Identity-H encoding to the AcroForm's /DR, points every text and
choice field's /DA at it, and gives each (empty) field an appearance that names only that font.
Helvetica and ReportLab's field encoding are dropped, so every font in the file is embedded.

The font is not marked as a subset (no `ABCDEF+` prefix): viewers refuse subset fonts for
typing. Its ToUnicode map prefers a code point of the CJK Unified Ideographs block when several
share a glyph (手 U+624B rather than the radical ⼿ U+2F3F), else the lowest one.
"""

from __future__ import annotations

import functools
import re
import zlib
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

from pmr_print.pdf.fonts import face
from pmr_print.resources import fonts_dir

FONT_STEM = "NotoSansSC-Regular"
RESOURCE_NAME = "/NotoSC"
DEFAULT_APPEARANCE = f"{RESOURCE_NAME} 10 Tf 0 g"
DEFAULT_WIDTH = 1000
URO = range(0x4E00, 0xA000)
BFCHAR_CHUNK = 100  # a CMap allows at most 100 entries per beginbfchar block


@dataclass(frozen=True)
class FontParts:
    """What the PDF objects are made of; computed once per process (about 0.1 s)."""

    compressed_file: bytes
    file_length: int
    widths: tuple[int, ...]  # the /W array, flattened: first last width ...
    to_unicode: bytes
    bbox: tuple[int, int, int, int]
    ascent: int
    descent: int
    cap_height: int
    stem_v: int


def glyph_to_unicode(char_to_glyph: dict[int, int]) -> dict[int, int]:
    """One code point per glyph: URO first, then the lowest."""
    chosen: dict[int, int] = {}
    for code, glyph in char_to_glyph.items():
        old = chosen.get(glyph)
        if old is None or (code not in URO, code) < (old not in URO, old):
            chosen[glyph] = code
    return chosen


def unicode_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def to_unicode_cmap(glyphs: dict[int, int]) -> bytes:
    items = sorted(glyphs.items())
    blocks = []
    for start in range(0, len(items), BFCHAR_CHUNK):
        chunk = items[start : start + BFCHAR_CHUNK]
        pairs = "\n".join(f"<{glyph:04X}> <{unicode_hex(code)}>" for glyph, code in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{pairs}\nendbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def width_runs(advances: list[int]) -> tuple[int, ...]:
    """/W as runs `first last width` of equal advance, leaving out the default width."""
    runs: list[int] = []
    first = 0
    while first < len(advances):
        last = first
        while last + 1 < len(advances) and advances[last + 1] == advances[first]:
            last += 1
        if advances[first] != DEFAULT_WIDTH:
            runs += [first, last, advances[first]]
        first = last + 1
    return tuple(runs)


@functools.cache
def font_parts() -> FontParts:
    ttf = face(FONT_STEM).face
    scale = 1000 / ttf.unitsPerEm
    data = (fonts_dir() / f"{FONT_STEM}.ttf").read_bytes()
    return FontParts(
        compressed_file=zlib.compress(data, 6),
        file_length=len(data),
        widths=width_runs([round(advance * scale) for advance, _ in ttf.hmetrics]),
        to_unicode=zlib.compress(to_unicode_cmap(glyph_to_unicode(ttf.charToGlyph)), 6),
        bbox=cast(tuple[int, int, int, int], tuple(round(value) for value in ttf.bbox)),
        ascent=round(ttf.ascent),
        descent=round(ttf.descent),
        cap_height=round(ttf.capHeight),
        stem_v=round(ttf.stemV),
    )


def pdf_dict(**entries: object) -> DictionaryObject:
    return DictionaryObject({NameObject(f"/{key}"): value for key, value in entries.items()})


def flate_stream(compressed: bytes, **entries: object) -> StreamObject:
    """A stream of data compressed once per process (pypdf keeps encoded data as given)."""
    stream = EncodedStreamObject()
    stream._data = compressed
    stream.update(pdf_dict(Filter=NameObject("/FlateDecode"), **entries))
    return stream


def numbers(values: tuple[int, ...]) -> ArrayObject:
    return ArrayObject(NumberObject(value) for value in values)


def add_font(writer: PdfWriter) -> IndirectObject:
    """Add the Type0 font's objects to the writer; return a reference to the font."""
    parts, name = font_parts(), NameObject(f"/{FONT_STEM}")
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
            Resources=pdf_dict(Font=pdf_dict(NotoSC=font)),
        )
    )
    return stream


def use_form_font(writer: PdfWriter) -> None:
    """Make every text and choice field of the writer's form use the embedded font."""
    font = add_font(writer)
    form = cast(DictionaryObject, writer._root_object["/AcroForm"])
    form[NameObject("/DR")] = pdf_dict(Font=pdf_dict(NotoSC=font))
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
