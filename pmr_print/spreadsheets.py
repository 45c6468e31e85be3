"""Diaries and rosters as Excel and WPS save them: the text's encoding, its delimiter and its
dates, so that a file a clinician saved as "CSV" reads as the same table.

- Encoding: a byte order mark first (UTF-8, or UTF-16 for "Unicode text"); then UTF-8; then the
  fallback, the system code page a spreadsheet saves "CSV" in: GB18030 beside Chinese, cp1252
  beside English (the page's language decides; the command line takes --encoding).
- Delimiter: commas, semicolons (Excel where the decimal mark is a comma) or tabs.
- Dates: YYYY-MM-DD, YYYY/M/D, or D/M/YYYY and M/D/YYYY as the spreadsheet wrote them; the order
  is the one that fits every date of the file, refused only when both fit and they differ.

    >>> iso_dates(["23/11/2026", "2/12/2026"], "diary.csv")
    ['2026-11-23', '2026-12-02']
    >>> delimiter("date;practised\\n2026-03-09;yes\\n")
    ';'
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Sequence

from pmr_print.messages import AMBIGUOUS_DATES, NOT_TEXT, PDF_AS_DIARY, Field, usage

FALLBACK_ENCODINGS = {"zh": "gb18030", "en": "cp1252"}
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DELIMITERS = ",;\t"
ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
SLASHED = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def fallback_encoding(lang: str) -> str:
    """The code page a spreadsheet in `lang` saves plain "CSV" in."""
    return FALLBACK_ENCODINGS.get(lang.split("-")[0].split("_")[0], "cp1252")


def decode(data: bytes, name: str, fallback: str, field: str = "entries") -> str:
    """The text of a spreadsheet's file; SaidError naming `field` when it is no text at all."""
    if data.startswith(b"%PDF-"):
        raise usage(PDF_AS_DIARY, field, name=name, read=Field("read"))
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding).lstrip("\ufeff")
    if b"\0" in data:  # a workbook (.xlsx, .xls) or another binary file
        raise usage(NOT_TEXT, field, name=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(fallback)
    except UnicodeDecodeError:
        raise usage(NOT_TEXT, field, name=name) from None


def delimiter(text: str) -> str:
    """The delimiter of the header line: the one of , ; and tab it holds most (comma on a tie)."""
    header = text.split("\n", 1)[0]
    return max(DELIMITERS, key=lambda mark: (header.count(mark), mark == ","))


def iso_dates(texts: Sequence[str], name: str, field: str = "entries") -> list[str]:
    """Each date as YYYY-MM-DD where it is a date in either order; other text is kept (and
    refused later, row by row). SaidError when both orders fit every date but read differently."""
    slashed = [SLASHED.fullmatch(text.strip()) for text in texts]
    pairs = [(int(m.group(1)), int(m.group(2)), int(m.group(3))) for m in slashed if m]
    fits = [order for order in ("dmy", "mdy") if all(as_date(p, order) for p in pairs)]
    if len(fits) == 2 and any(a != b for a, b, _ in pairs):
        raise usage(AMBIGUOUS_DATES, field, name=name)
    order = fits[0] if fits else ""
    return [iso_date(text, order) for text in texts]


def as_date(parts: tuple[int, int, int], order: str) -> dt.date | None:
    first, second, year = parts
    day, month = (first, second) if order == "dmy" else (second, first)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def iso_date(text: str, order: str) -> str:
    found = ISO.fullmatch(text.strip())
    if found:
        year, month, day = (int(part) for part in found.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    slashed = SLASHED.fullmatch(text.strip())
    if slashed is None or not order:
        return text
    first, second, year = (int(part) for part in slashed.groups())
    found_day = as_date((first, second, year), order)
    return found_day.isoformat() if found_day else text
