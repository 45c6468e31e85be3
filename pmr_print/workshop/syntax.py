"""PDF objects written as PDF syntax, their references renumbered: what the packets' updates
(workshop/stencil.py) and the print file (workshop/printfile.py) write of objects pikepdf read."""

from __future__ import annotations

import decimal
from collections.abc import Callable

import pikepdf

Reference = Callable[[pikepdf.Object], bytes]  # an indirect object's "N 0 R" where it is written


def syntax(value: object, reference: Reference) -> bytes:
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return reference(value)
    return direct(value, reference)


def direct(value: object, reference: Reference) -> bytes:
    """A direct object in PDF syntax, its indirect parts as `reference` numbers them."""
    if isinstance(value, pikepdf.Dictionary):
        return b"<<" + entries(value, reference) + b">>"
    if isinstance(value, pikepdf.Array):
        return b"[" + b" ".join(syntax(item, reference) for item in value) + b"]"
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, int):
        return b"%d" % value
    if isinstance(value, decimal.Decimal | float):
        return f"{value:f}".encode()
    assert isinstance(value, pikepdf.Object), value
    return value.unparse()


def entries(value: pikepdf.Object, reference: Reference, skip: tuple[str, ...] = ()) -> bytes:
    """A dictionary's entries, but those named in `skip`."""
    return b"".join(
        name(key) + b" " + syntax(item, reference) for key, item in value.items() if key not in skip
    )


def stream(found: pikepdf.Stream, reference: Reference) -> bytes:
    """A stream as it is stored (still compressed), its dictionary renumbered."""
    return stream_syntax(entries(found, reference, ("/Length",)), found.read_raw_bytes())


def stream_syntax(dictionary: bytes, data: bytes) -> bytes:
    return b"<<%s /Length %d>>\nstream\n%s\nendstream" % (dictionary, len(data), data)


def name(key: str) -> bytes:
    return pikepdf.Name(key).unparse()


def written(found: pikepdf.Object, reference: Reference) -> bytes:
    """An indirect object's own syntax (between `N 0 obj` and `endobj`)."""
    if isinstance(found, pikepdf.Stream):
        return stream(found, reference)
    return direct(found, reference)
