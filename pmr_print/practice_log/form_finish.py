"""Finish a form ReportLab wrote: nested field names, the embedded field font, plain widgets.

The page draws every box and line a field needs, so the form prints cleanly blank; the widgets
themselves are transparent and borderless, and a checkbox's only appearance is its check mark,
drawn as a path (no ZapfDingbats). Output is deterministic: pypdf adds no dates or random IDs.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from pmr_print.practice_log.form_font import pdf_dict, use_form_font
from pmr_print.practice_log.form_tree import nest_fields


def check_mark(size: float, colour: tuple[float, float, float]) -> bytes:
    """A check mark filling most of a size x size box, as stroked path operators."""
    red, green, blue = colour
    points = ((0.2, 0.52), (0.42, 0.26), (0.82, 0.8))
    moves = zip(points, "mll", strict=True)
    path = " ".join(f"{x * size:.2f} {y * size:.2f} {op}" for (x, y), op in moves)
    return (
        f"q {red:.3f} {green:.3f} {blue:.3f} RG {size * 0.13:.2f} w 1 J 1 j {path} S Q\n"
    ).encode("ascii")


def form_stream(size: float, content: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(content)
    box = [0, 0, round(size, 2), round(size, 2)]
    stream.update(
        pdf_dict(
            Type=NameObject("/XObject"),
            Subtype=NameObject("/Form"),
            BBox=ArrayObject(FloatObject(value) for value in box),
            Resources=DictionaryObject(),
        )
    )
    return stream


def plain_widgets(writer: PdfWriter, ink: tuple[float, float, float]) -> None:
    """No border or background on any widget; a checkbox shows a check when on, else nothing."""
    for page in writer.pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            widget.pop("/BS", None)
            widget[NameObject("/MK")] = DictionaryObject()
            if widget.get("/FT") != "/Btn":
                continue
            x0, _, x1, _ = (float(value) for value in widget["/Rect"])
            size = x1 - x0
            on = writer._add_object(form_stream(size, check_mark(size, ink)))
            off = writer._add_object(form_stream(size, b""))
            widget[NameObject("/AP")] = pdf_dict(N=pdf_dict(Yes=on, Off=off))
            widget[NameObject("/MK")] = pdf_dict(CA=TextStringObject("4"))  # 4: a check
            widget.pop("/H", None)


def centre(writer: PdfWriter, centred: Callable[[str], bool]) -> None:
    """Centre the text of the fields whose (whole, dotted) name the predicate picks."""
    for page in writer.pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            if centred(str(widget.get("/T", ""))):
                widget[NameObject("/Q")] = NumberObject(1)


def finish_form(
    data: bytes, ink: tuple[float, float, float], centred: Callable[[str], bool], font: str
) -> bytes:
    """`font` is the form font to embed: "zh" or "latin" (see form_font.py)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    centre(writer, centred)
    nest_fields(writer)
    plain_widgets(writer, ink)
    use_form_font(writer, font)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
