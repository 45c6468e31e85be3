"""Flowables and canvas text from model text, always through markup.py (which escapes)."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from pmr_print.model import Paragraph
from pmr_print.pdf.markup import Faces, plain_markup, runs, to_markup
from pmr_print.typography.linebreak import KinsokuParagraph as RLParagraph


def paragraph(markup: str, style: ParagraphStyle) -> RLParagraph:
    return RLParagraph(markup, style)


def is_bold(style: ParagraphStyle, faces: Faces) -> bool:
    """Whether a style is set in a bold face: the markup names a face for every run, so the
    weight must be carried over from the style by hand."""
    return str(style.fontName) in (faces.latin.bold, faces.han.bold)


def content_paragraph(
    par: Paragraph, faces: Faces, style: ParagraphStyle, **extra: str
) -> RLParagraph:
    markup = to_markup(par.spans, faces, str(par.source), is_bold(style, faces))
    return RLParagraph(markup, style, **extra)


def plain_paragraph(
    text: str, origin: str, faces: Faces, style: ParagraphStyle, bold: bool = False
) -> RLParagraph:
    """Untrusted text, printed literally."""
    return RLParagraph(plain_markup(text, faces, origin, bold or is_bold(style, faces)), style)


def text_width(text: str, size: float, faces: Faces, origin: str, bold: bool = False) -> float:
    pieces = runs(text, faces, origin, bold)
    return float(sum(stringWidth(piece, name, size) for name, piece in pieces))


def fit_line(
    text: str, width: float, size: float, faces: Faces, origin: str, bold: bool = False
) -> str:
    """The text, or as much of it as fits in `width` followed by an ellipsis. Widths add up
    character by character (no kerning), so one pass over the text finds the cut."""
    pieces = runs(text, faces, origin, bold)
    if sum(stringWidth(piece, name, size) for name, piece in pieces) <= width:
        return text
    ellipsis = max(stringWidth("…", name, size) for name, _ in pieces)
    room, used = width - ellipsis, 0.0
    kept: list[str] = []
    for name, piece in pieces:
        for char in piece:
            used += stringWidth(char, name, size)
            if used > room:
                return "".join(kept).rstrip() + "…"
            kept.append(char)
    return "".join(kept).rstrip() + "…"


def draw_text(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    faces: Faces,
    origin: str,
    bold: bool = False,
    anchor: str = "start",
) -> float:
    """Draw one line in mixed faces; anchor is start, middle or end. Returns its width."""
    pieces = runs(text, faces, origin, bold)
    width = sum(stringWidth(piece, name, size) for name, piece in pieces)
    x -= {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    for name, piece in pieces:
        canvas.setFont(name, size)
        canvas.drawString(x, y, piece)
        x += stringWidth(piece, name, size)
    return float(width)
