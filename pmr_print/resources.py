"""Where the shipped fonts and default content live: in a checkout, or installed from a wheel."""

from __future__ import annotations

import pathlib
import sys
import sysconfig

CHECKOUT = pathlib.Path(__file__).resolve().parent.parent


def shipped_dir(name: str) -> pathlib.Path:
    """fonts/ or content/ beside the package in a checkout, else the wheel's data directory."""
    candidates = [
        CHECKOUT / name,
        pathlib.Path(sysconfig.get_path("data")) / "share" / "pmr-print" / name,
        pathlib.Path(sys.prefix) / "share" / "pmr-print" / name,
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"pmr-print's {name}/ folder is missing; reinstall pmr-print")


def fonts_dir() -> pathlib.Path:
    return shipped_dir("fonts")


def default_content_dir() -> pathlib.Path:
    return shipped_dir("content")
