"""Write output files atomically: a crash never leaves a half-written file at the target."""

from __future__ import annotations

import os
import pathlib
import tempfile

from pmr_print.problems import PmrError


def write_atomically(path: pathlib.Path, data: bytes) -> None:
    try:
        write_through_temporary(path, data)
    except OSError as error:
        raise PmrError(f"cannot write {path}: {error.strerror or error}") from None


def write_through_temporary(path: pathlib.Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        pathlib.Path(temporary).unlink(missing_ok=True)
        raise
