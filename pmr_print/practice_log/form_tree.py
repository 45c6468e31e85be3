"""Reading a filled log's field values back, by fully qualified name (`w1.d3.before`: the
fields nest, see form_pdf.py)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from pmr_print.problems import UsageError


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
