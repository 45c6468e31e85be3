"""A flowing document: pages, metadata, bookmarks, and a footer with page x of y."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from pmr_print.labels import Labels
from pmr_print.markup import Faces
from pmr_print.render.text import draw_text, text_width
from pmr_print.theme import Theme

PAGE_COUNT_FORM = "page-count"


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
    flowable.outline_entry = (title, level)  # type: ignore[attr-defined]
    return flowable


class OutlinedDocument(BaseDocTemplate):  # type: ignore[misc]
    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's hook name
        entry = getattr(flowable, "outline_entry", None)
        if entry is None:
            return
        title, level = entry
        key = f"s{id(flowable)}"
        self.canv.bookmarkPage(key, fit="XYZ", top=self.frame._y + flowable.height + 12)
        self.canv.addOutlineEntry(title, key, level=level, closed=False)


def page_count_label(frame: PageFrame) -> tuple[str, str]:
    """ "Page {page} of {pages}" cut at the total: the text before it and the text after it."""
    before, _, after = frame.labels("Page {page} of {pages}").partition("{pages}")
    return before, after


def footer_drawer(frame: PageFrame) -> Callable[[Canvas, BaseDocTemplate], None]:
    theme, size = frame.theme, frame.theme.type.small
    before, after = page_count_label(frame)
    # The total is not known while a page is drawn: it goes in a form that the canvas fills in
    # when the build ends (see counting_canvas), set at a fixed slot wide enough for 3 digits.
    slot = size * 1.9 + text_width(after, size, frame.faces, "footer")

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(HexColor(theme.colours.muted))
        y = theme.margin * 0.55
        width, _ = theme.page_size
        draw_text(canvas, theme.margin, y, frame.left_note, size, frame.faces, "footer")
        end = width - theme.margin - slot
        text = before.format(page=doc.page)
        draw_text(canvas, end, y, text, size, frame.faces, "footer", anchor="end")
        canvas.translate(end, y)
        canvas.doForm(PAGE_COUNT_FORM)
        canvas.restoreState()

    return draw


def counting_canvas(frame: PageFrame) -> type[Canvas]:
    """A canvas that, when saved, defines the page-count form with the number of pages."""
    _, after = page_count_label(frame)

    class CountingCanvas(Canvas):  # type: ignore[misc]
        def save(self) -> None:
            if self._code:
                self.showPage()
            pages = self.getPageNumber() - 1
            self.beginForm(PAGE_COUNT_FORM)
            self.setFillColor(HexColor(frame.theme.colours.muted))
            draw_text(self, 0, 0, f"{pages}{after}", frame.theme.type.small, frame.faces, "footer")
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
