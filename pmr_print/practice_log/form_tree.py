"""Reading a filled log's field values back, by fully qualified name (`w1.d3.before`: the
fields nest, see form_pdf.py)."""

from __future__ import annotations

import contextlib
import io
import logging
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from pypdf.errors import DependencyError, PyPdfError
from pypdf.generic import DictionaryObject, IndirectObject

from pmr_print.problems import UsageError


@dataclass
class FormValues:
    """Every field's value by fully qualified name ('' when empty; checkboxes give /Yes, /Off),
    and what could not be read: a value in a field with no name, a loop in the field tree."""

    values: dict[str, str] = field(default_factory=dict)
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (where, what is wrong)


def field_values(data: bytes, origin: str) -> FormValues:
    """The form of a PDF, read by walking its field tree (each node once, so that a loop in
    /Kids cannot hang it or hide the fields beyond it)."""
    with quiet_pypdf():
        return read_form(data, origin)


@contextlib.contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf logs and warns about damage it repairs, on lines naming no file; what matters to
    the user comes back as problems or one error naming the file instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def read_form(data: bytes, origin: str) -> FormValues:
    reader = open_pdf(data, origin)
    try:
        root: Any = reader.trailer["/Root"]
        form: Any = root.get_object().get("/AcroForm")
        top: Any = form.get_object().get("/Fields") if form is not None else None
        return walk([] if top is None else list(top.get_object()))
    except (PyPdfError, ValueError, TypeError, AttributeError, KeyError):
        # pypdf's own words name Python's internals ('NoneType' object has no attribute ...)
        raise UsageError(f"{origin}: not a readable PDF form") from None


def open_pdf(data: bytes, origin: str) -> PdfReader:
    if not data.lstrip()[:5] == b"%PDF-":
        raise UsageError(f"{origin}: not a PDF")
    try:
        try:
            reader = PdfReader(io.BytesIO(data))
        except DependencyError:  # AES, without the optional `cryptography`
            reader = PdfReader(io.BytesIO(decrypted(data, origin)))
        if reader.is_encrypted:
            reader = PdfReader(io.BytesIO(decrypted(data, origin)))
        root: Any = reader.trailer["/Root"]
        root.get_object().get("/AcroForm")  # an encrypted file fails here, if at all
    except (PyPdfError, DependencyError, ValueError, NotImplementedError) as error:
        if "crypt" in type(error).__name__.lower() or "crypt" in str(error).lower():
            raise UsageError(
                f"{origin}: the PDF is encrypted and cannot be read; save a copy without "
                "encryption and read that"
            ) from None
        raise UsageError(f"{origin}: not a readable PDF ({error})") from None
    return reader


def decrypted(data: bytes, origin: str) -> bytes:
    """An encrypted PDF that opens without a password (only its owner's is set, as when a
    viewer saves with "no printing" and the like) is read as every viewer opens it: decrypted
    by qpdf, whatever pypdf's optional AES support (the `cryptography` package) is."""
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data), password="") as pdf:
            out = io.BytesIO()
            pdf.save(out, encryption=False)
            return out.getvalue()
    except pikepdf.PasswordError:
        raise UsageError(
            f"{origin}: the PDF is protected by a password; save a copy without it"
        ) from None
    except pikepdf.PdfError:
        raise UsageError(
            f"{origin}: the PDF is encrypted and cannot be read; save a copy without "
            "encryption and read that"
        ) from None


def walk(top: list[Any]) -> FormValues:
    found = FormValues()
    seen: set[object] = set()
    stack: list[tuple[Any, str]] = [(reference, "") for reference in reversed(top)]
    while stack:
        reference, parent = stack.pop()
        key = reference.idnum if isinstance(reference, IndirectObject) else id(reference)
        node = reference.get_object()
        if key in seen or not isinstance(node, DictionaryObject):
            if key in seen:
                found.unplaced.append(
                    (parent or "the form", "the field tree loops back; read once")
                )
            continue
        seen.add(key)
        title = node.get("/T")
        name = ".".join(part for part in (parent, None if title is None else str(title)) if part)
        kids = node.get("/Kids")
        if kids is not None:
            stack += [(kid, name) for kid in reversed(list(kids.get_object()))]
        value = node.get("/V")
        if title is None and value not in (None, "", "/Off"):
            held = str(value) if len(str(value)) <= 40 else str(value)[:40] + "…"
            found.unplaced.append(
                (name or "the form", f"a field with no name holds {held!r}; left out")
            )
        elif title is not None and (kids is None or value is not None):
            found.values[name] = "" if value is None else str(value)
    return found
