"""The booklet's pages: a cover, body pages with running heads and page numbers, turned pages.

A section starts with an Anchor: when it is drawn, it bookmarks its place, adds the outline
entry and records its page, so the outline, the contents' page numbers and the running heads all
come from where the section really landed, in one pass. The contents print their page numbers as
forms that the canvas fills in when it is saved (as "page x of y" in pdf/document.py).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
)
from reportlab.platypus.doctemplate import ActionFlowable

from pmr_print.options import Settings
from pmr_print.pdf.document import Metadata, new_document
from pmr_print.pdf.markup import Faces
from pmr_print.pdf.text import draw_text, fit_line
from pmr_print.theme import MM, Theme, half_sheet

MARGIN = 14 * MM  # sides, and the text's distance from the running head and the page number
HAIR = 0.01  # the height of an Anchor
EDGE = 8 * MM  # running head and page number from the paper's edge (printers leave ~5 mm)


def booklet_settings(settings: Settings) -> Settings:
    """The settings with the booklet's page: half the paper (A5 on A4, half-Letter on Letter:
    two pages side by side make one sheet), with narrower margins."""
    theme = replace(settings.theme, page_size=half_sheet(settings.theme.paper), margin=MARGIN)
    return replace(settings, theme=theme)


@dataclass(frozen=True)
class Running:
    """What the running heads and page numbers need."""

    theme: Theme
    faces: Faces
    title: str  # the verso's running head
    notes: str = ""  # the heading of a page left for notes ("Notes"); none: a blank page


class BookletCanvas(Canvas):  # type: ignore[misc]
    """Records where each section starts, and fills in the contents' page numbers on save."""

    running: Running

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.anchor_pages: dict[str, int] = {}
        self.section = ""  # the section the text has reached
        self.started_here = ""  # the first section that starts on this page

    def start_section(self, key: str, title: str) -> None:
        self.anchor_pages[key] = self.getPageNumber()
        self.started_here = self.started_here or title
        self.section = title

    def running_title(self) -> str:
        """A recto's running head: the first section that starts on it, else the one going on."""
        return self.started_here or self.section

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self.started_here = ""
        super().showPage()

    def save(self) -> None:
        size = self.running.theme.type.body
        for key, page in sorted(self.anchor_pages.items()):
            self.beginForm(page_number_form(key), -size * 10, -size, 0, size * 2)
            draw_text(self, 0, 0, str(page), size, self.running.faces, "contents", anchor="end")
            self.endForm()
        super().save()


def page_number_form(key: str) -> str:
    """The name of the form that prints the page a section starts on."""
    return f"starts-{key}"


def booklet_canvas(running: Running) -> type[BookletCanvas]:
    return cast(type[BookletCanvas], type("Booklet", (BookletCanvas,), {"running": running}))


class Anchor(Flowable):  # type: ignore[misc]
    """Where a section starts: kept with what follows it, it takes no room."""

    def __init__(self, key: str, title: str) -> None:
        super().__init__()
        self.key, self.title = key, title
        self.keepWithNext = 1

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Not quite nothing: KeepTogether measures a group from its first flowable with height,
        # and would leave out the heading's space above and so misjudge whether it fits.
        return 0.0, HAIR

    def draw(self) -> None:
        canvas = cast(BookletCanvas, self.canv)
        canvas.bookmarkHorizontal(self.key, 0, 8)
        canvas.addOutlineEntry(self.title, self.key, level=0, closed=False)
        canvas.start_section(self.key, self.title)


class NotesPage(ActionFlowable):  # type: ignore[misc]
    """The page it lands on is left for notes (page template "blank"): a right-hand page skipped
    so that what follows opens a spread."""

    def apply(self, doc: BaseDocTemplate) -> None:
        doc.pageTemplate = next(t for t in doc.pageTemplates if t.id == "blank")


class Anchored(Flowable):  # type: ignore[misc]
    """A block taller than a page that starts its section: it opens a spread (starts on a
    left-hand page) and the anchor goes with its first piece, so that contents and bookmark
    point at the page it starts on."""

    def __init__(self, anchor: Anchor, block: Flowable) -> None:
        super().__init__()
        self.anchor, self.block = anchor, block

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.block.wrapOn(self.canv, available_width, available_height)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        doc = self.canv._doctemplate
        if doc.page % 2 and doc.frame._atTop:  # a right-hand page: notes, the spread next
            return [NotesPage(), NextPageTemplate("body"), PageBreak(), self]
        # the block sees the canvas, so the cautions' box knows its page (it moves whole off a
        # right-hand page) and starts a spread on a left-hand one
        pieces: list[Flowable] = self.block.splitOn(self.canv, available_width, available_height)
        return [Anchored(self.anchor, pieces[0]), *pieces[1:]] if pieces else []

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.block.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.block.getSpaceAfter())

    def draw(self) -> None:
        self.anchor.drawOn(self.canv, 0, self.height)
        self.block.drawOn(self.canv, 0, 0)


def draw_folio(canvas: Canvas, running: Running) -> None:
    """The page number, at the outer corner: right on a recto (odd), left on a verso."""
    theme, page = running.theme, canvas.getPageNumber()
    width = theme.page_size[0]
    x, anchor = (width - MARGIN, "end") if page % 2 else (MARGIN, "start")
    canvas.setFillColor(HexColor(theme.colours.muted))
    draw_text(canvas, x, EDGE, str(page), theme.type.small, running.faces, "footer", False, anchor)


def draw_running_head(canvas: Canvas, running: Running) -> None:
    """The booklet's title on a verso, the section on a recto, at the outer side."""
    booklet = cast(BookletCanvas, canvas)
    theme, page, size = running.theme, canvas.getPageNumber(), running.theme.type.small
    width, height = theme.page_size
    text = booklet.running_title() if page % 2 else running.title
    text = fit_line(text, width - 2 * MARGIN - size * 4, size, running.faces, "header")
    x, anchor = (width - MARGIN, "end") if page % 2 else (MARGIN, "start")
    canvas.setFillColor(HexColor(theme.colours.muted))
    y = height - EDGE - size * 0.8
    draw_text(canvas, x, y, text, size, running.faces, "header", False, anchor)


def draw_notes(canvas: Canvas, running: Running) -> None:
    """A page the layout leaves over (before the log, before the back cover): ruled for notes."""
    if not running.notes:
        return
    theme = running.theme
    width, height = theme.page_size
    size, gap = theme.type.h2, theme.type.body * 2.2
    top = height - EDGE - theme.type.small - MARGIN * 0.6 - size
    canvas.setFillColor(HexColor(theme.colours.accent))
    draw_text(canvas, MARGIN, top, running.notes, size, running.faces, "label", True)
    canvas.setStrokeColor(HexColor(theme.colours.rule))
    canvas.setLineWidth(0.5)
    y = top - gap * 1.5
    while y > EDGE + theme.type.small + MARGIN * 0.6:
        canvas.line(MARGIN, y, width - MARGIN, y)
        y -= gap
    draw_folio(canvas, running)


PageDrawer = Callable[[Canvas, BaseDocTemplate], None]


def templates(running: Running) -> list[PageTemplate]:
    """cover; front (the contents: a page number, no running head); body; log (a frame the size
    of the page, for drawings that place themselves); blank (a page left over: ruled for notes)."""
    theme = running.theme
    width, height = theme.page_size
    head = EDGE + theme.type.small + MARGIN * 0.6
    foot = EDGE + theme.type.small + MARGIN * 0.4
    text = Frame(MARGIN, foot, width - 2 * MARGIN, height - head - foot, id="text")
    cover = Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN, id="cover")
    page = Frame(0, 0, width, height, 0, 0, 0, 0, id="page")

    def body(canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_running_head(canvas, running)
        draw_folio(canvas, running)

    def folio_only(canvas: Canvas, doc: BaseDocTemplate) -> None:
        draw_folio(canvas, running)

    return [
        PageTemplate("cover", [cover]),
        PageTemplate("front", [text], onPageEnd=folio_only),
        PageTemplate("body", [text], onPageEnd=body),
        PageTemplate("log", [page], onPageEnd=folio_only),
        PageTemplate("blank", [page], onPageEnd=lambda canvas, doc: draw_notes(canvas, running)),
    ]


def build_booklet(story: Sequence[Flowable], running: Running, meta: Metadata) -> bytes:
    theme = running.theme
    buffer = io.BytesIO()
    doc = new_document(BaseDocTemplate, buffer, theme.page_size, meta, running.faces.latin.name)
    doc.addPageTemplates(templates(running))
    doc.build(list(story), canvasmaker=booklet_canvas(running))
    return buffer.getvalue()
