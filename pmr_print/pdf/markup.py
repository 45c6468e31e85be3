"""Text to ReportLab paragraph markup: the one place that builds markup, and it escapes.

Every character is given a face that has its glyph (Latin face, Chinese face, then the rare-Han
extension face); a character no shipped face has is an error naming it and where it came from,
because ReportLab would silently print an empty box and drop it from the text layer.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pmr_print.model import Span
from pmr_print.pdf.fonts import Family, han_extension, has_glyph, italic_of, registered
from pmr_print.problems import PmrError

# Quotes, dashes and ellipses exist in both faces: they follow the script of the text before them.
NEUTRAL = set("“”‘’…—–·")
DIGITS = re.compile("[0-9]+")


def escape(text: str) -> str:
    """&, < and > as entities (what xml.sax.saxutils does; importing it pulls in urllib, http
    and ssl, a tenth of the start-up time)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(text: str) -> str:
    """An attribute value escaped and quoted, as xml.sax.saxutils.quoteattr gives it."""
    text = escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


class MissingGlyphError(PmrError):
    def __init__(self, char: str, origin: str) -> None:
        name = unicodedata.name(char, "unnamed character")
        self.detail = (
            f"the character {char!r} (U+{ord(char):04X} {name}) is not in any font "
            "pmr-print ships, so it cannot be printed; replace or remove it"
        )
        super().__init__(f"{origin}: {self.detail}")


@dataclass(frozen=True)
class Faces:
    """How text is set: the faces, and the colour of links (gray in a grayscale theme)."""

    latin: Family
    han: Family
    link_colour: str = "#1F5F8B"
    # Large print: a number touching Chinese text (2026年, 第1步, 收紧5秒) takes the Han face's
    # figures, not the Latin face's (Atkinson Hyperlegible's slashed zero looks foreign there)
    han_figures: bool = False


def is_han_script(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def face_for(char: str, previous: str, faces: Faces, bold: bool, origin: str) -> str:
    """The font name that prints `char`, given the face chosen for the text before it."""
    name = printing_face(char, previous, faces, bold)
    if name is None:
        raise MissingGlyphError(char, origin)
    return name


@functools.lru_cache(maxsize=65536)  # asked for every character of every text
def printing_face(char: str, previous: str, faces: Faces, bold: bool) -> str | None:
    latin = faces.latin.bold if bold else faces.latin.name
    han = faces.han.bold if bold else faces.han.name
    if char.isspace():
        return previous or latin
    if char in NEUTRAL and previous:
        preferred = [previous]
    else:
        preferred = [han, latin] if is_han_script(char) else [latin, han]
    for name in [*preferred, latin, han]:
        if has_glyph(registered(name), char):
            return name
    if has_glyph(han_extension(), char):
        return str(han_extension().fontName)
    return None


def han_figure_positions(text: str) -> set[int]:
    """Indices of the digits of each number directly after or before a Han character or
    full-width punctuation (2026年, 第1步, 收紧5秒): printed with the Han face's figures.
    A bare number, or one beside Latin text (doi:10.1037, 5 minutes), is left alone."""
    found: set[int] = set()
    for match in DIGITS.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if (before and is_han_script(before)) or (after and is_han_script(after)):
            found.update(range(start, end))
    return found


def runs(text: str, faces: Faces, origin: str, bold: bool = False) -> list[tuple[str, str]]:
    """Split text into (font name, text) runs, each set in a face that has all its glyphs."""
    found: list[tuple[str, list[str]]] = []  # characters collected in lists: linear time
    previous = ""
    han_figures = han_figure_positions(text) if faces.han_figures else set()
    han = faces.han.bold if bold else faces.han.name
    for index, char in enumerate(text):
        if index in han_figures and has_glyph(registered(han), char):
            name = han
        else:
            name = face_for(char, previous, faces, bold, origin)
        if found and found[-1][0] == name:
            found[-1][1].append(char)
        else:
            found.append((name, [char]))
        previous = name
    return [(name, "".join(chars)) for name, chars in found]


def check_glyphs(texts: Iterable[tuple[str, str]], faces: Faces) -> None:
    """Raise MissingGlyphError for the first (text, origin) pair with an unprintable character.
    Each distinct character is looked up once, so a huge paragraph is checked quickly."""
    for text, origin in texts:
        for char in dict.fromkeys(text):
            face_for(char, "", faces, False, origin)


def span_markup(span: Span, faces: Faces, origin: str, bold: bool = False) -> str:
    pieces = runs(span.text, faces, origin, span.bold or bold)
    inner = "".join(f'<font face="{name}">{escape(piece)}</font>' for name, piece in pieces)
    if span.italic:
        for name, _ in pieces:
            italic_of(name)  # registered before ReportLab looks the italic face up
        inner = f"<i>{inner}</i>"
    if span.href and span.href.startswith(("https://", "http://", "mailto:")):
        inner = f"<a href={quoteattr(span.href)} color={quoteattr(faces.link_colour)}>{inner}</a>"
    return inner


def to_markup(spans: Sequence[Span], faces: Faces, origin: str, bold: bool = False) -> str:
    """Paragraph markup for styled spans from the content; `bold` sets all of it in bold."""
    return "".join(span_markup(span, faces, origin, bold) for span in spans)


def plain_markup(text: str, faces: Faces, origin: str, bold: bool = False) -> str:
    """Paragraph markup for untrusted text (names, notes): printed literally, never interpreted."""
    return span_markup(Span(text, bold=bold), faces, origin)
