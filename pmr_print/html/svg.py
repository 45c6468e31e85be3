"""Vector drawings as inline SVG: the cards' figures and the recording's QR code.

ReportLab's SVG renderer draws the same Drawing the PDF products draw, into a DOM; the DOM is
then made fit to sit inline in HTML (ids made unique per figure, an accessible name as <title>)
and serialised by the DOM, which escapes the alt text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.dom.minidom import Element

from markupsafe import Markup
from reportlab.graphics import renderSVG
from reportlab.graphics.shapes import Drawing

from pmr_print.illustrations import FigureColours, draw_figure

FIGURE_SIZE = (320.0, 340.0)  # the drawing's own units; CSS scales the figure to its box
QR_SIDE = 112.0
_DECIMALS = re.compile(r"(\d+\.\d{2})\d+")  # 2 decimals are plenty at any screen size


def figure(
    groups: Sequence[str],
    alt: str,
    figure_id: str,
    grayscale: bool = False,
    tensed: bool = True,
    translation: tuple[str, str] | None = None,
) -> Markup:
    """The step cards' figure for these muscle groups, as <svg role="img"> named by `alt`, and
    by its `translation` (text, lang) after it in a bilingual page."""
    colours = FigureColours.grayscale() if grayscale else FigureColours.colour()
    drawing = draw_figure(groups, *FIGURE_SIZE, colours, tensed=tensed)
    return inline(drawing, figure_id, alt, translation)


def qr_code(url: str, figure_id: str) -> Markup:
    """A QR code of `url`, hidden from screen readers: the link beside it says the same."""
    # Imported here: the barcode package loads every symbology, a cost only a QR code should pay.
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    scale = [QR_SIDE / (x1 - x0), 0, 0, QR_SIDE / (y1 - y0), 0, 0]
    drawing = Drawing(QR_SIDE, QR_SIDE, transform=scale)
    drawing.add(widget)
    return inline(drawing, figure_id, None)


def inline(
    drawing: Drawing,
    figure_id: str,
    alt: str | None,
    translation: tuple[str, str] | None = None,
) -> Markup:
    """The drawing as an <svg> element for an HTML page: named by `alt` (role="img"), or
    hidden from assistive technology when `alt` is None."""
    canvas = renderSVG.SVGCanvas((drawing.width, drawing.height))
    renderSVG.draw(drawing, canvas, 0, 0)
    svg: Element = canvas.svg
    for attribute in ("width", "height", "version", "xmlns:xlink", "preserveAspectRatio"):
        if svg.hasAttribute(attribute):
            svg.removeAttribute(attribute)
    _tidy(svg, figure_id)
    title, desc = svg.getElementsByTagName("title")[0], svg.getElementsByTagName("desc")[0]
    if translation is None:
        svg.removeChild(desc).unlink()
    else:  # a second name part, in the other language: <desc lang="zh-CN">
        text, lang = translation
        for child in list(desc.childNodes):
            desc.removeChild(child).unlink()
        desc.appendChild(canvas.doc.createTextNode(text))
        desc.setAttribute("id", f"{figure_id}-translation")
        desc.setAttribute("lang", lang)
    svg.setAttribute("class", "drawing")
    svg.setAttribute("focusable", "false")
    if alt is None:
        svg.removeChild(title).unlink()
        svg.setAttribute("aria-hidden", "true")
    else:
        for child in list(title.childNodes):
            title.removeChild(child).unlink()
        title.appendChild(canvas.doc.createTextNode(alt))  # the DOM escapes it
        title.setAttribute("id", f"{figure_id}-title")
        svg.setAttribute("role", "img")
        names = f"{figure_id}-title" + (f" {figure_id}-translation" if translation else "")
        svg.setAttribute("aria-labelledby", names)
    svg.setAttribute("id", figure_id)
    return Markup(svg.toxml())


def _tidy(svg: Element, prefix: str) -> None:
    """Ids made unique (renderSVG names its clip path "clip" in every drawing, and many drawings
    share a page) and coordinates rounded."""
    renamed = {}
    for element in svg.getElementsByTagName("*"):
        old = element.getAttribute("id")
        if old:
            renamed[old] = f"{prefix}-{old}"
            element.setAttribute("id", renamed[old])
        for attribute in ("d", "points", "transform"):
            if element.hasAttribute(attribute):
                value = _DECIMALS.sub(r"\1", element.getAttribute(attribute))
                element.setAttribute(attribute, value)
    for element in svg.getElementsByTagName("*"):
        style = element.getAttribute("style")
        for old, new in renamed.items():
            style = style.replace(f"url(#{old})", f"url(#{new})")
        if style:
            element.setAttribute("style", style)
