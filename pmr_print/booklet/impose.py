"""The saddle-stitch print file: two booklet pages on each side of a sheet, in booklet order.

Pages are padded with blanks to a multiple of four. Sheet k (from the outside in) carries pages
n-2k and 2k+1 on its front, 2k+2 and n-2k-1 on its back (numbered from 1, n the padded count):
printed double-sided, flipped on the short edge, the stack folded in half and stapled at the
fold gives the booklet in reading order. The pages meet at the fold, each scaled (if at all) to
fit its half of the sheet. Text and embedded fonts are carried over as they are (pypdf).
"""

from __future__ import annotations

import io
from collections.abc import Callable

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, TextStringObject


def sheet_order(count: int) -> list[tuple[int | None, int | None]]:
    """(left, right) page indexes (0-based) of every side, front then back of each sheet, for
    `count` pages; None is a blank that pads the booklet to a multiple of four."""
    padded = -(-count // 4) * 4

    def page(index: int) -> int | None:
        return index if index < count else None

    sides = []
    for sheet in range(padded // 4):
        outer, inner = padded - 1 - 2 * sheet, 2 * sheet
        sides.append((page(outer), page(inner)))
        sides.append((page(inner + 1), page(outer - 1)))
    return sides


def impose(
    data: bytes, paper: tuple[float, float], progress: Callable[[int, int], None] | None = None
) -> bytes:
    """The pages of a booklet PDF, two to a side of `paper` turned landscape; `progress(done,
    count)` after each side, the booklet pages placed so far of all of them."""
    reader = PdfReader(io.BytesIO(data))
    sheet_width, sheet_height = max(paper), min(paper)
    half = sheet_width / 2
    writer = PdfWriter()
    count, done = len(reader.pages), 0
    for left, right in sheet_order(count):
        side = PageObject.create_blank_page(width=sheet_width, height=sheet_height)
        for index, at_fold in ((left, "left"), (right, "right")):
            if index is not None:
                place(side, reader.pages[index], half, sheet_height, at_fold)
                done += 1
        writer.add_page(side)
        if progress is not None:
            progress(done, count)
    copy_metadata(reader, writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def place(side: PageObject, page: PageObject, half: float, height: float, which: str) -> None:
    width, page_height = float(page.mediabox.width), float(page.mediabox.height)
    scale = min(half / width, height / page_height, 1.0)
    x = half - width * scale if which == "left" else half
    y = (height - page_height * scale) / 2
    side.merge_transformed_page(page, Transformation().scale(scale, scale).translate(x, y))


def copy_metadata(reader: PdfReader, writer: PdfWriter) -> None:
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items()})
    lang = reader.root_object.get("/Lang")
    if lang is not None:
        writer._root_object[NameObject("/Lang")] = TextStringObject(str(lang))
