"""A flowing document: pages, metadata, bookmarks, and a footer with page x of y."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from pmr_print.labels import Labels
from pmr_print.pdf.markup import Faces
from pmr_print.pdf.text import draw_text, fit_line, text_width
from pmr_print.theme import Theme


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    lang: str  # BCP 47, e.g. zh-CN


@dataclass(frozen=True)
class PageFrame:
    """What every page carries besides the story."""

    theme: Theme
    faces: Faces
    labels: Labels
    left_note: str  # printed at the foot of every page, e.g. title and client


def mark_outline(flowable: Flowable, title: str, level: int = 0) -> Flowable:
    """Make a flowable a bookmark target; the document adds the outline entry when it lands."""
    flowable.outline_entry = (title, level)
    return flowable


class OutlinedDocument(BaseDocTemplate):  # type: ignore[misc]
    """Adds an outline entry (bookmark) for each flowable marked with mark_outline."""

    bookmarks = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's hook name
        entry = getattr(flowable, "outline_entry", None)
        if entry is None:
            return
        title, level = entry
        self.bookmarks += 1
        key = f"section-{self.bookmarks}"  # numbered, not id(): the same input, the same bytes
        height = getattr(flowable, "height", None) or getattr(flowable, "_height", 0)
        self.canv.bookmarkPage(key, fit="XYZ", top=self.frame._y + height + 12)
        self.canv.addOutlineEntry(title, key, level=level, closed=False)


def footer_drawer(frame: PageFrame) -> Callable[[Canvas, BaseDocTemplate], None]:
    theme, size = frame.theme, frame.theme.type.small
    widest_label = frame.labels("Page {page} of {pages}", page=888, pages=888)
    room = theme.page_size[0] - 2 * theme.margin - size * 2
    room -= text_width(widest_label, size, frame.faces, "footer")
    note = fit_line(frame.left_note, room, size, frame.faces, "footer")  # a long name is cut

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(HexColor(theme.colours.muted))
        y = theme.margin * 0.55
        draw_text(canvas, theme.margin, y, note, size, frame.faces, "footer")
        # "Page x of y": y is not known yet, so the page shows a form that is drawn at the end.
        canvas.translate(theme.page_size[0] - theme.margin, y)
        canvas.doForm(page_label_form(doc.page))
        canvas.restoreState()

    return draw


def page_label_form(page: int) -> str:
    return f"page-label-{page}"


def counting_canvas(frame: PageFrame) -> type[Canvas]:
    """A canvas that, when saved, draws each page's "page x of y" form, right-aligned at its
    origin. One form per page keeps the label one piece of text for copying and extraction.
    (Holding pages back instead, ReportLab's usual recipe, sends every bookmark to page 1.)"""
    theme, size = frame.theme, frame.theme.type.small

    class CountingCanvas(Canvas):  # type: ignore[misc]
        def save(self) -> None:
            if self._code:
                self.showPage()
            pages = self.getPageNumber() - 1
            for page in range(1, pages + 1):
                label = frame.labels("Page {page} of {pages}", page=page, pages=pages)
                self.beginForm(page_label_form(page), -theme.page_size[0], -size, 0, size * 2)
                self.setFillColor(HexColor(theme.colours.muted))
                draw_text(self, 0, 0, label, size, frame.faces, "footer", anchor="end")
                self.endForm()
            super().save()

    return CountingCanvas


def build_document(story: list[Flowable], frame: PageFrame, meta: Metadata) -> bytes:
    theme = frame.theme
    buffer = io.BytesIO()
    doc = OutlinedDocument(
        buffer,
        pagesize=theme.page_size,
        leftMargin=theme.margin,
        rightMargin=theme.margin,
        topMargin=theme.margin,
        bottomMargin=theme.margin,
        title=meta.title,
        author=meta.author,
        subject=meta.subject,
        creator="pmr-print",
        lang=meta.lang,
        displayDocTitle=1,
        invariant=1,
        initialFontName=frame.faces.latin.name,
    )
    body = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate("page", [body], onPage=footer_drawer(frame))])
    doc.build(story, canvasmaker=counting_canvas(frame))
    return buffer.getvalue()
