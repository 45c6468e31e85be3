"""Embedded font subsets: the shipped fonts, cut down to the characters a page uses, as WOFF.

A page must read the same offline and on a machine without Chinese fonts (the PDFs embed their
fonts for the same reason), so each page carries @font-face rules with data: URLs of subsets of
the shipped fonts. The font stacks in style.css fall back to the reader's own fonts.
"""

from __future__ import annotations

import base64
import functools
import io
from dataclasses import dataclass

from fontTools import subset
from fontTools.ttLib import TTFont

from pmr_print.resources import fonts_dir


@dataclass(frozen=True)
class Face:
    family: str  # the CSS family name style.css uses
    file: str  # in fonts/
    weight: int
    style: str = "normal"


# Always in a Latin subset, so that most names and reasons need no new subset (subsets are
# cached by their characters; cutting one takes a good part of a second).
ALWAYS = frozenset(chr(code) for code in range(0x20, 0x7F)) | frozenset("“”‘’–—…·•")

DIGITS = frozenset("0123456789")

LATIN = "PMR Sans"
CHINESE = "PMR Sans SC"
LEGIBLE = "PMR Legible"  # Atkinson Hyperlegible, for large print

FACES: dict[str, tuple[Face, ...]] = {
    LATIN: (
        Face(LATIN, "NotoSans-Regular.ttf", 400),
        Face(LATIN, "NotoSans-Bold.ttf", 700),
        Face(LATIN, "NotoSans-Italic.ttf", 400, "italic"),
    ),
    LEGIBLE: (
        Face(LEGIBLE, "AtkinsonHyperlegible-Regular.ttf", 400),
        Face(LEGIBLE, "AtkinsonHyperlegible-Bold.ttf", 700),
        Face(LEGIBLE, "AtkinsonHyperlegible-Italic.ttf", 400, "italic"),
    ),
    CHINESE: (
        Face(CHINESE, "NotoSansSC-Regular.ttf", 400),
        Face(CHINESE, "NotoSansSC-Bold.ttf", 700),
    ),
}


def font_faces(text: str, large_print: bool) -> list[dict[str, str | int]]:
    """@font-face values (family, weight, style, url) for every face that has a character
    of `text`; a face with none of them is left out. The Chinese faces get what the Latin face
    lacks, and the punctuation, which Chinese sets full width ("“" as in Chinese text). In large
    print they get the figures too: Chinese text (style.css sets it in the Chinese face first)
    reads 2026年3月9日 and 10秒 in the Chinese face's figures, as the large-print PDFs do, not in
    Atkinson Hyperlegible's slashed zeros."""
    latin = LEGIBLE if large_print else LATIN
    chars = frozenset(text)
    wanted = {
        latin: chars | ALWAYS,
        CHINESE: {
            c
            for c in chars
            if c not in coverage(FACES[latin][0].file)
            or _punctuation(c)
            or (large_print and c in DIGITS)
        },
    }
    rules: list[dict[str, str | int]] = []
    for family in (latin, CHINESE):
        for face in FACES[family]:
            data = woff_subset(face.file, frozenset(wanted[family]) & coverage(face.file))
            if data is not None:
                url = "data:font/woff;base64," + base64.b64encode(data).decode("ascii")
                rules.append(
                    {"family": face.family, "weight": face.weight, "style": face.style, "url": url}
                )
    return rules


@functools.cache
def coverage(file: str) -> frozenset[str]:
    """The characters a shipped font has a glyph for."""
    with TTFont(fonts_dir() / file, lazy=True) as font:
        return frozenset(chr(code) for code in font.getBestCmap())


@functools.cache
def woff_subset(file: str, chars: frozenset[str]) -> bytes | None:
    """The font cut down to `chars`, as WOFF; None when nothing printable is left."""
    wanted = [ord(char) for char in sorted(chars) if not char.isspace()]
    if not wanted:
        return None
    options = subset.Options()
    options.notdef_outline = True
    if file.startswith("NotoSansSC"):
        # Chinese sets every character on the same square: no kerning or ligatures to keep,
        # and reading the big layout tables would cost seconds.
        options.layout_features = []
        options.drop_tables += ["GSUB", "GPOS", "GDEF"]
    # recalcTimestamp=False: the subset keeps the shipped font's date, not the time it was cut,
    # so the same page is the same bytes on every run.
    with TTFont(fonts_dir() / file, lazy=True, recalcTimestamp=False) as font:
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=wanted)
        subsetter.subset(font)
        font.flavor = "woff"
        buffer = io.BytesIO()
        font.save(buffer)
    return buffer.getvalue()


def _punctuation(char: str) -> bool:
    return "\u2000" <= char <= "\u206f" or "\u3000" <= char <= "\u303f"
