"""The practice log's form, written by ReportLab in the same pass as its pages.

ReportLab's own fields (canvas.acroForm) know only the 14 standard fonts, which have no Chinese
and are not embedded; finishing them in a second pass (pypdf: clone the whole PDF, restyle every
widget, write it again) cost more than drawing the log and grew faster than the weeks. So the
log writes its widgets itself, with ReportLab's PDF objects, as they should end up:

- names nest (`w1` > `d3` > `before`): a partial field name may not contain a period (PDF 32000,
  12.7.3.2), and viewers and pypdf show the fully qualified name `w1.d3.before` again;
- text fields and combo boxes use the embedded form font (form_font.py), named /Wingdings so that
  Chrome's viewer draws typed Chinese with it; each has an empty appearance of its own (a filler
  writes into it in place) that names only that font;
- widgets are transparent and borderless (the page draws every box and line); a checkbox's
  appearance is its check mark, drawn as a path (no ZapfDingbats);
- the page's /Annots, and with it the tab order, follows the order the fields are added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from pmr_print.practice_log.form_font import (
    DEFAULT_APPEARANCE,
    PDFIUM_FALLBACK_NAME,
    RESOURCE_NAME,
    font_dictionary,
)

Colour = tuple[float, float, float]

PRINT, HIDDEN = 4, 2  # annotation flags
READ_ONLY, MULTILINE, COMBO = 1, 1 << 12, 1 << 17  # field flags


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Look:
    """How a field's text is set: size, colour, centred or not."""

    size: float
    colour: Colour = (0.0, 0.0, 0.0)
    centred: bool = False

    def appearance(self) -> str:
        red, green, blue = self.colour
        return f"{RESOURCE_NAME} {self.size:g} Tf {red:.3f} {green:.3f} {blue:.3f} rg"


@dataclass
class Branch:
    """A non-terminal field (`w1`, `w1.d3`): its dictionary, reference and kids."""

    node: PDFDictionary
    ref: PDFObjectReference
    kids: list[PDFObjectReference] = field(default_factory=list)


def number(value: float) -> float:
    return round(value, 3)


def check_mark(size: float, colour: Colour) -> bytes:
    """A check mark filling most of a size x size box, as stroked path operators."""
    red, green, blue = colour
    points = ((0.2, 0.52), (0.42, 0.26), (0.82, 0.8))
    moves = zip(points, "mll", strict=True)
    path = " ".join(f"{x * size:.2f} {y * size:.2f} {op}" for (x, y), op in moves)
    return (
        f"q {red:.3f} {green:.3f} {blue:.3f} RG {size * 0.13:.2f} w 1 J 1 j {path} S Q\n"
    ).encode("ascii")


class FormWriter:
    """Adds the log's fields to a canvas's current page; `finish` writes the form's dictionary."""

    def __init__(self, canvas: Canvas, font_kind: str, ink: Colour) -> None:
        self.canvas, self.doc = canvas, canvas._doc
        self.font_kind, self.ink = font_kind, ink
        self.font: PDFObjectReference | None = None
        self.branches: dict[str, Branch] = {}
        self.top: list[PDFObjectReference] = []
        self.count = 0

    def font_resources(self) -> PDFDictionary:
        if self.font is None:
            self.font = self.doc.Reference(font_dictionary(self.font_kind))
        names = (RESOURCE_NAME, PDFIUM_FALLBACK_NAME)
        return PDFDictionary({name.lstrip("/"): self.font for name in names})

    def text(self, name: str, rect: Rect, look: Look, max_length: int, multiline: bool = False,
             tooltip: str = "") -> None:  # fmt: skip
        entries = {"FT": PDFName("Tx"), "Ff": MULTILINE if multiline else 0,
                   "MaxLen": max_length, "V": PDFString(""), "DV": PDFString("")}  # fmt: skip
        self.variable_text(name, rect, look, entries, tooltip)

    def choice(self, name: str, rect: Rect, look: Look, options: Sequence[str],
               tooltip: str = "") -> None:  # fmt: skip
        entries = {"FT": PDFName("Ch"), "Ff": COMBO, "V": PDFString(""), "DV": PDFString(""),
                   "Opt": PDFArray([PDFString(option) for option in options])}  # fmt: skip
        self.variable_text(name, rect, look, entries, tooltip)

    def hidden_value(self, name: str, value: str) -> None:
        """A hidden, read-only text field that carries a value for programs (log.start)."""
        entries = {"FT": PDFName("Tx"), "Ff": READ_ONLY, "V": PDFString(value),
                   "DV": PDFString(value)}  # fmt: skip
        self.variable_text(name, Rect(0, 0, 1, 1), Look(1), entries, "", HIDDEN)

    def checkbox(self, name: str, rect: Rect, tooltip: str = "") -> None:
        on = self.form_xobject(rect.width, rect.width, check_mark(rect.width, self.ink), {})
        off = self.form_xobject(rect.width, rect.width, b"", {})
        entries = {
            "FT": PDFName("Btn"),
            "Ff": 0,
            "V": PDFName("Off"),
            "AS": PDFName("Off"),
            "AP": PDFDictionary({"N": PDFDictionary({"Yes": on, "Off": off})}),
            "MK": PDFDictionary({"CA": PDFString("4")}),  # 4: a check, for viewers that redraw
        }
        self.widget(name, rect, entries, tooltip, PRINT)

    def variable_text(self, name: str, rect: Rect, look: Look, entries: dict[str, object],
                      tooltip: str, flags: int = PRINT) -> None:  # fmt: skip
        resources = {"Font": self.font_resources()}
        empty = self.form_xobject(rect.width, rect.height, b"/Tx BMC\nEMC\n", resources)
        entries = {**entries, "DA": PDFString(look.appearance()),
                   "AP": PDFDictionary({"N": empty}), "MK": PDFDictionary({})}  # fmt: skip
        if look.centred:
            entries["Q"] = 1
        self.widget(name, rect, entries, tooltip, flags)

    def form_xobject(self, width: float, height: float, content: bytes,
                     resources: dict[str, object]) -> PDFObjectReference:  # fmt: skip
        box = PDFArray([0, 0, number(width), number(height)])
        stream = PDFStream(
            PDFDictionary(
                {
                    "Type": PDFName("XObject"),
                    "Subtype": PDFName("Form"),
                    "BBox": box,
                    "Resources": PDFDictionary(resources),
                }
            ),  # fmt: skip
            content,
        )
        return self.doc.Reference(stream)

    def widget(self, name: str, rect: Rect, entries: dict[str, object], tooltip: str,
               flags: int) -> None:  # fmt: skip
        *path, partial = name.split(".")
        widget = PDFDictionary({
            "Type": PDFName("Annot"),
            "Subtype": PDFName("Widget"),
            "T": PDFString(partial),
            "F": flags,
            "P": self.doc.thisPageRef(),
            "Rect": PDFArray([number(v) for v in (rect.x, rect.y, rect.x + rect.width,
                                                   rect.y + rect.height)]),
            **entries,
        })  # fmt: skip
        if tooltip:
            widget.dict["TU"] = PDFString(tooltip)
        parent = self.branch(path)
        if parent is not None:
            widget.dict["Parent"] = parent.ref
        self.count += 1
        label = f"pmrfield{self.count}"
        self.canvas._addAnnotation(widget, label)
        ref = self.doc.refAnnotation(label)
        (parent.kids if parent is not None else self.top).append(ref)

    def branch(self, path: list[str]) -> Branch | None:
        parent = None
        for depth in range(1, len(path) + 1):
            key = ".".join(path[:depth])
            if key not in self.branches:
                node = PDFDictionary({"T": PDFString(path[depth - 1])})
                if parent is not None:
                    node.dict["Parent"] = parent.ref
                self.branches[key] = Branch(node, self.doc.Reference(node))
                (parent.kids if parent is not None else self.top).append(self.branches[key].ref)
            parent = self.branches[key]
        return parent

    def finish(self) -> None:
        """Write the kids of every branch and the form's dictionary; call before canvas.save()."""
        for branch in self.branches.values():
            branch.node.dict["Kids"] = PDFArray(branch.kids)
        form = PDFDictionary({
            "Fields": PDFArray(self.top),
            "DR": PDFDictionary({"Font": self.font_resources()}),
            "DA": PDFString(DEFAULT_APPEARANCE),
        })  # fmt: skip
        self.doc._catalog.AcroForm = self.doc.Reference(form)
