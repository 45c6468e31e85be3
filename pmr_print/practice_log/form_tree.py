"""Form-field names in a PDF: nest dotted names into a field tree, and read values back.

ReportLab writes each field flat, with its whole name as /T. A partial field name may not contain
a period (PDF 32000, 12.7.3.2), so `w1.d3.before` becomes the field `before`, kid of `d3`, kid of
`w1`; viewers and pypdf show the fully qualified name `w1.d3.before` again.
"""

from __future__ import annotations

import io
from typing import cast

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    TextStringObject,
)

from pmr_print.problems import UsageError


def branch(
    writer: PdfWriter,
    path: list[str],
    nodes: dict[str, IndirectObject],
    top: ArrayObject,
) -> IndirectObject | None:
    """The (new or existing) non-terminal field for a dotted path; None for the root."""
    parent: IndirectObject | None = None
    for depth in range(1, len(path) + 1):
        key = ".".join(path[:depth])
        if key not in nodes:
            node = DictionaryObject(
                {
                    NameObject("/T"): TextStringObject(path[depth - 1]),
                    NameObject("/Kids"): ArrayObject(),
                }
            )
            nodes[key] = writer._add_object(node)
            attach(nodes[key], parent, top)
        parent = nodes[key]
    return parent


def attach(child: IndirectObject, parent: IndirectObject | None, top: ArrayObject) -> None:
    if parent is None:
        top.append(child)
        return
    node = cast(DictionaryObject, child.get_object())
    node[NameObject("/Parent")] = parent
    kids = cast(DictionaryObject, parent.get_object())["/Kids"]
    cast(ArrayObject, kids).append(child)


def nest_fields(writer: PdfWriter) -> None:
    """Turn every dotted /T of the writer's form into a branch of the field tree."""
    form = cast(DictionaryObject, writer._root_object["/AcroForm"])
    nodes: dict[str, IndirectObject] = {}
    top = ArrayObject()
    for reference in list(cast(ArrayObject, form["/Fields"])):
        field = cast(DictionaryObject, reference.get_object())
        *path, name = str(field["/T"]).split(".")
        field[NameObject("/T")] = TextStringObject(name)
        attach(reference, branch(writer, path, nodes, top), top)
    form[NameObject("/Fields")] = top


def field_values(data: bytes, origin: str) -> dict[str, str]:
    """Every field's value by fully qualified name ('' when empty); checkboxes give /Yes, /Off."""
    if not data.lstrip()[:5] == b"%PDF-":
        raise UsageError(f"{origin}: not a PDF")
    try:
        fields = PdfReader(io.BytesIO(data)).get_fields() or {}
    except (PdfReadError, ValueError) as error:
        raise UsageError(f"{origin}: not a readable PDF ({error})") from None
    values = {}
    for name, field in fields.items():
        value = field.get("/V")
        values[name] = "" if value is None else str(value)
    return values
