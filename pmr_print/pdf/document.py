"""A flowing document: pages, metadata, bookmarks, and a footer with page x of y."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate

from pmr_print.labels import Labels
from pmr_print.options import Settings
from pmr_print.pdf.markup import Faces
from pmr_print.pdf.numbering import page_label
from pmr_print.pdf.slots import Slot, fill
from pmr_print.pdf.text import draw_text, fit_line, text_width
from pmr_print.theme import Theme

D = TypeVar("D", bound=BaseDocTemplate)


PRODUCER = "pmr-print"  # /Creator and /Producer of every PDF


@dataclass(frozen=True)
class Metadata:
    """What every PDF says about itself: its title (which viewers show instead of the file
    name), author, subject and the language of its text (/Lang)."""

    title: str
    author: str
    subject: str
    lang: str  # BCP 47 with the script, from Settings.tag: en-US, zh-Hans-CN

    @classmethod
    def of(cls, settings: Settings, title: str, author: str, subject: str) -> Metadata:
        """The metadata of a document in the language of `settings`; no author: pmr-print."""
        return cls(title, author or PRODUCER, subject, settings.tag)

    def template_options(self) -> dict[str, object]:
        """The metadata as ReportLab's document templates take it."""
        return {
            "title": self.title,
            "author": self.author,
            "subject": self.subject,
            "creator": PRODUCER,
            "producer": PRODUCER,
            "keywords": "",
            "lang": self.lang,
            "displayDocTitle": 1,
            "invariant": 1,
        }


def new_canvas(
    buffer: io.BytesIO, page_size: tuple[float, float], meta: Metadata, initial_font: str
) -> Canvas:
    """A canvas for the products drawn page by page (cards, log, slides), with the metadata
    and the same bytes for the same input (invariant); `initial_font` keeps ReportLab's
    Helvetica out of the file."""
    canvas = Canvas(
        buffer, pagesize=page_size, invariant=1, initialFontName=initial_font, lang=meta.lang
    )
    canvas.setTitle(meta.title)
    canvas.setAuthor(meta.author)
    canvas.setSubject(meta.subject)
    canvas.setCreator(PRODUCER)
    canvas.setProducer(PRODUCER)
    canvas.setKeywords("")
    canvas.setViewerPreference("DisplayDocTitle", "true")
    return canvas


def new_document(
    template: type[D],
    buffer: io.BytesIO,
    page_size: tuple[float, float],
    meta: Metadata,
    initial_font: str,
    **layout: Any,
) -> D:
    """A document template (the flowing products: handout, booklet, script) with the metadata,
    as new_canvas gives a canvas."""
    options = {"pagesize": page_size, "initialFontName": initial_font, **meta.template_options()}
    document: D = template(buffer, **options, **layout)
    return document


@dataclass(frozen=True)
class PageFrame:
    """What every page carries besides the story."""

    theme: Theme
    faces: Faces
    labels: Labels
    left_note: str  # printed at the foot of every page, e.g. title and client
    name: str = ""  # the reader's name the note ends with: a slot (pdf/slots.py)


def mark_outline(flowable: Flowable, title: str, level: int = 0) -> Flowable:
    """Make a flowable a bookmark target; the document adds the outline entry when it lands."""
    flowable.outline_entry = (title, level)
    return flowable


class KeepWithNext(KeepTogether):  # type: ignore[misc]
    """A heading (or several) and the flowable after it, which the document groups for every
    flowable that has keepWithNext. ReportLab's KeepTogether sends the whole group to the next
    page when it does not fit, leaving a gap as tall as the block after the heading; this one
    starts the block under its heading on this page when the block can be split there (by its
    own rules: a paragraph keeps at least two lines together), and moves the group only when it
    cannot, so that a heading is never the last thing on a page and no gap opens before it."""

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        *heads, last = self._content
        room = avail_height - 1.0  # the frame's rounding
        for position, flowable in enumerate(heads):
            room -= flowable.wrap(avail_width, room)[1] + flowable.getSpaceAfter()
            room -= flowable.getSpaceBefore() if position else 0.0
        room -= last.getSpaceBefore()
        if heads and room > 0:
            pieces = last.split(avail_width, room)
            if len(pieces) >= 2:
                return [*heads, *pieces]
        return list(super().split(avail_width, avail_height))


class OutlinedDocument(BaseDocTemplate):  # type: ignore[misc]
    """Adds an outline entry (bookmark) for each flowable marked with mark_outline, and keeps
    headings with what follows them (KeepWithNext). Records how far down the last page the text
    reaches (`last_page_used`), so that a last page holding a scrap can be avoided."""

    bookmarks = 0
    last_page_used = 0.0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 - ReportLab's hook name
        if self.frame is not None:
            top = self.frame._y2 - self.frame._topPadding
            self.last_page_used = top - self.frame._y - flowable.getSpaceAfter()
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
    head = frame.left_note[: len(frame.left_note) - len(frame.name)]
    y = theme.margin * 0.55
    slot = Slot(draw_note, (head, room, size, frame.faces, theme.margin, y, theme.colours.muted))

    def draw(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        fill(canvas, frame.name, slot)
        # "Page x of y": y is not known yet, so the page shows a form that is drawn at the end.
        canvas.translate(theme.page_size[0] - theme.margin, y)
        canvas.doForm(page_label_form(doc.page))
        canvas.restoreState()

    return draw


def draw_note(
    canvas: Canvas,
    name: str,
    head: str,
    room: float,
    size: float,
    faces: Faces,
    x: float,
    y: float,
    colour: str,
) -> None:
    """The footer's note, the title and the reader's name; a long name is cut."""
    canvas.setFillColor(HexColor(colour))
    draw_text(
        canvas, x, y, fit_line(head + name, room, size, faces, "footer"), size, faces, "footer"
    )


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
                label = page_label(frame.labels, page, pages)  # counted through a packet
                self.beginForm(page_label_form(page), -theme.page_size[0], -size, 0, size * 2)
                self.setFillColor(HexColor(theme.colours.muted))
                draw_text(self, 0, 0, label, size, frame.faces, "footer", anchor="end")
                self.endForm()
            super().save()

    return CountingCanvas


def build_document(
    story: Sequence[Flowable] | Callable[[], list[Flowable]], frame: PageFrame, meta: Metadata
) -> bytes:
    """The story as a PDF. Given a function that makes the story (flowables carry state from one
    build to the next, so each try needs fresh ones), a last page that would hold only a scrap
    (the height of fewer than SCRAP_LINES lines of body text) is avoided: the story's last
    flowables are kept together, a few more each time, so that they move to the last page with
    the scrap, as a typesetter would do."""
    if not callable(story):
        return build_once(list(story), frame, meta)[0]
    least = SCRAP_LINES * frame.theme.type.leading
    for kept in (0, *TAIL_TRIES):
        data, pages, used = build_once(keep_tail(story(), kept), frame, meta)
        if pages == 1 or used >= least - 1:  # 1 pt for rounding
            break
    return data


SCRAP_LINES = 4  # a last page holds at least four lines: one to three alone look like a slip
TAIL_TRIES = (1, 2, 3, 4)  # the last block whole, then the last two together ...


def keep_tail(story: list[Flowable], count: int) -> list[Flowable]:
    """The story with its last `count` flowables in one KeepTogether."""
    if count < 1 or count >= len(story):
        return story
    return [*story[:-count], KeepTogether(story[-count:])]


def build_once(story: list[Flowable], frame: PageFrame, meta: Metadata) -> tuple[bytes, int, float]:
    """The PDF, its page count and how much of the last page's height the text takes."""
    theme = frame.theme
    buffer = io.BytesIO()
    doc = new_document(
        OutlinedDocument,
        buffer,
        theme.page_size,
        meta,
        frame.faces.latin.name,
        leftMargin=theme.margin,
        rightMargin=theme.margin,
        topMargin=theme.margin,
        bottomMargin=theme.margin,
        keepTogetherClass=KeepWithNext,
    )
    body = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate("page", [body], onPage=footer_drawer(frame))])
    doc.build(story, canvasmaker=counting_canvas(frame))
    return buffer.getvalue(), doc.page, doc.last_page_used
