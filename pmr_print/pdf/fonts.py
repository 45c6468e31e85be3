"""The faces pmr-print ships, registered with ReportLab once per process, by path.

Each text is set in faces chosen per character (see markup.py): Latin in a Latin face, Chinese in
Noto Sans SC, rare Han characters in the extension face, which is loaded only when needed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping, ps2tt, tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from pmr_print.resources import fonts_dir

STYLES = ("Regular", "Bold", "Italic", "BoldItalic")


@dataclass(frozen=True)
class Family:
    """A registered family: `name` is the regular face; <b> and <i> map to the others."""

    name: str
    bold: str
    italic: str
    bold_italic: str


@functools.cache
def face(file_stem: str) -> TTFont:
    """Register fonts/<file_stem>.ttf under its stem and return it (once per process)."""
    font = TTFont(file_stem, str(fonts_dir() / f"{file_stem}.ttf"))
    pdfmetrics.registerFont(font)
    return font


@functools.cache
def family(stem: str, has_italic: bool = True) -> Family:
    """The family of files '<stem>-Regular.ttf' ... ; without italics they map to upright.

    Nothing is registered here: a face is registered when it is first asked for (`registered`,
    `italic_of`), because each costs 8 to 30 ms to read and many runs need only some of them."""
    regular, bold = f"{stem}-Regular", f"{stem}-Bold"
    italic = f"{stem}-Italic" if has_italic else regular
    bold_italic = f"{stem}-BoldItalic" if has_italic else bold
    for is_bold, is_italic, name in (
        (0, 0, regular),
        (1, 0, bold),
        (0, 1, italic),
        (1, 1, bold_italic),
    ):
        addMapping(regular, is_bold, is_italic, name)
    return Family(regular, bold, italic, bold_italic)


def latin_family(large_print: bool) -> Family:
    """Noto Sans pairs with Noto Sans SC; Atkinson Hyperlegible is made for low vision."""
    return family("AtkinsonHyperlegible" if large_print else "NotoSans")


def han_family(stem: str = "NotoSansSC") -> Family:
    """The Han face a language names (languages.Language.han_family); Han has no italics."""
    return family(stem, has_italic=False)


def han_extension() -> TTFont:
    """Every Han character of Noto Sans SC outside GB 2312; 8 MB, so loaded on first need."""
    return face("NotoSansSCExt-Regular")


def has_glyph(font: TTFont, char: str) -> bool:
    return ord(char) in font.face.charToGlyph


def registered(name: str) -> TTFont:
    """The shipped face `name` (a file stem in fonts/), registered on first use."""
    return face(name)


def italic_of(name: str) -> str:
    """The registered face that <i> turns the face `name` into (itself if it has no italic)."""
    family_name, bold, _ = ps2tt(name)
    return str(registered(tt2ps(family_name, bold, 1)).fontName)
