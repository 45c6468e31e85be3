"""Files the user names: inputs are read only when they are regular files, and output names.

A pipe or a device named as an input would hang or never end, and a folder gives a misleading
error further on; every such input is one clear line naming the file. Plain: no PDF library.
"""

from __future__ import annotations

import hashlib
import os
import pathlib
import stat
import unicodedata

from pmr_print.problems import PmrError

SLUG_CHARS = 60
# Names Windows keeps for devices, whatever the case and extension (CON, con.pdf, COM1.txt): a
# file named so goes to the console or the null device, and a zip holding one cannot be unpacked.
DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{kind}{n}" for kind in ("com", "lpt") for n in (*"123456789", "¹", "²", "³")]
)


class UnreadableFile(PmrError):
    """An input that cannot be read; `.path` and `.reason` say which and why."""

    def __init__(self, path: pathlib.Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def read_regular(path: pathlib.Path) -> bytes:
    """The bytes of a regular file (symlinks followed), or UnreadableFile. A FIFO is opened
    without waiting for a writer and refused, instead of hanging."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise UnreadableFile(path, "file not found") from None
    except OSError as error:
        raise UnreadableFile(path, error.strerror or str(error)) from None
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        raise UnreadableFile(path, f"is {kind_of(mode)}, not a file")
    with os.fdopen(handle, "rb") as file:
        try:
            return file.read()
        except OSError as error:
            raise UnreadableFile(path, error.strerror or str(error)) from None


def slug(name: str) -> str:
    """A file-name part for a person's name: 'Jane Miller' -> 'jane-miller', 'José Núñez' ->
    'jose-nunez', '王芳' -> '王芳' (letters of any script are kept; accents are dropped from
    Latin letters). A name with no letter or digit gets a short hash, so that two such names
    still give two files."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    words = "".join(char if char.isalnum() else " " for char in unicodedata.normalize("NFC", bare))
    joined = "-".join(words.casefold().split())[:SLUG_CHARS].strip("-")
    if joined or not name.strip():
        return joined
    return "client-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


def device_name(name: str) -> bool:
    """Whether a file name is one of Windows' device names: its stem before the first '.'
    (trailing spaces ignored), in any case: CON, nul.txt, Com1.pdf.

    >>> device_name("con.pdf"), device_name("Console.pdf")
    (True, False)
    """
    return name.split(".", 1)[0].rstrip(" ").casefold() in DEVICE_NAMES


def download_name(name: str, suffix: str, fallback: str) -> str:
    """A file name for a download made from a name the user sent (an upload's name): its stem
    slugged like a client's name (no separators, dots or direction marks), then `suffix`;
    `fallback` when nothing is left. 'filled.pdf' -> 'filled-entries.csv'.

    >>> download_name("../../.bashrc.pdf", "-entries.csv", "log")
    'bashrc-entries.csv'
    """
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    stem = stem[: -len(".pdf")] if stem.casefold().endswith(".pdf") else stem
    base = slug(stem) if any(char.isalnum() for char in stem) else ""
    return (base or fallback) + suffix
