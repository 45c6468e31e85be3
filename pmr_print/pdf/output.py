"""Write output files atomically: a crash never leaves a half-written file at the target.

An output is written to a temporary file beside it (`.NAME.XXXXXXXX.tmp`), then renamed over
it. The file gets the permissions the umask allows (0644 under umask 022), as any tool's output
does. A symlink is written through: the file it points to is replaced, atomically, and the link
stays. A target that is a folder, a device or a pipe is refused, and so is a target that is one
of the inputs. Temporary files of ours left by a killed build are removed by the next write
into that folder, once they are older than any build could take.
"""

from __future__ import annotations

import os
import pathlib
import re
import stat
import tempfile
import time
from collections.abc import Iterable, Sequence

from pmr_print.files import kind_of
from pmr_print.problems import PmrError

STALE_SECONDS = 3600  # a build takes seconds; a temporary file an hour old was left by a crash
OUR_TEMPORARY = re.compile(r"\..+\.(pdf|html|csv|json)\.[A-Za-z0-9_]{8}\.tmp")


def write_atomically(path: pathlib.Path, data: bytes, inputs: Sequence[pathlib.Path] = ()) -> None:
    target = check_target(path, inputs)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(target.parent)
        write_through_temporary(target, data)
    except OSError as error:
        raise PmrError(f"cannot write {path}: {error.strerror or error}") from None


def check_target(path: pathlib.Path, inputs: Iterable[pathlib.Path] = ()) -> pathlib.Path:
    """The file to write for `path` (a symlink's target), or PmrError: refuse a target that is
    not a regular file, or that is the same file as one of the inputs."""
    if not str(path) or path == pathlib.Path("."):
        raise PmrError("cannot write an output with no name; give a file name, or - for stdout")
    target = path.resolve() if path.is_symlink() else path
    try:
        found = target.stat()
    except FileNotFoundError:
        return target
    except OSError as error:
        raise PmrError(f"cannot write {path}: {error.strerror or error}") from None
    if not stat.S_ISREG(found.st_mode):
        raise PmrError(f"cannot write {path}: it is {kind_of(found.st_mode)}, not a file")
    for source in inputs:
        if same_file(found, source):
            raise PmrError(f"cannot write {path}: it is the input {source}; choose another output")
    return target


def same_file(found: os.stat_result, other: pathlib.Path) -> bool:
    try:
        theirs = other.stat()
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == (theirs.st_dev, theirs.st_ino)


def file_mode() -> int:
    """What a new file's permissions are under this process's umask (0644 under 022)."""
    try:
        found = re.search(r"(?m)^Umask:\s*([0-7]+)", pathlib.Path("/proc/self/status").read_text())
    except OSError:
        found = None
    if found:  # Linux says it; elsewhere reading the umask means setting it and putting it back
        umask = int(found[1], 8)
    else:
        umask = os.umask(0o022)
        os.umask(umask)
    return 0o666 & ~umask


def remove_stale_temporaries(folder: pathlib.Path) -> None:
    """Remove our temporary files in folder that a killed build left, when old enough that no
    build still running could own them. Anything else, or anyone else's, is left alone."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if not OUR_TEMPORARY.fullmatch(entry.name):
            continue
        try:
            found = entry.stat(follow_symlinks=False)
            if (
                stat.S_ISREG(found.st_mode)
                and found.st_uid == os.getuid()
                and now - found.st_mtime > STALE_SECONDS
            ):
                os.unlink(entry.path)
        except OSError:
            continue  # gone already, or not ours to remove


def write_through_temporary(path: pathlib.Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            os.fchmod(file.fileno(), file_mode())
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        pathlib.Path(temporary).unlink(missing_ok=True)
        raise
