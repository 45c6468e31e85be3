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
from pmr_print.render.text import draw_text
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


def footer_drawer(frame: PageFrame) -> Callable[[Canvas, BaseDocTemplate], None]:
    theme, size = frame.theme, frame.theme.type.small
    label = frame.labels("Page {page} of {pages}")
    before, _, after = label.partition("{pages}")

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFillColor(HexColor(theme.colours.muted))
        y = theme.margin * 0.55
        width, _ = theme.page_size
        draw_text(canvas, theme.margin, y, frame.left_note, size, frame.faces, "footer")
        # The total is not known yet: it goes in a form that is filled in when the build ends.
        text = before.format(page=doc.page, pages="")
        end = (
            width
            - theme.margin
            - size * 3.2
            - draw_text(canvas, 0, -100, after, size, frame.faces, "footer")
        )
        draw_text(canvas, end, y, text, size, frame.faces, "footer", anchor="end")
        canvas.translate(end, y)
        canvas.doForm(PAGE_COUNT_FORM)
        canvas.restoreState()

    return draw


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
    doc.build(story)
    return buffer.getvalue()
