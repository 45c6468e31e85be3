import pathlib
import shutil

import pytest

# Real-browser fixtures (server, browser, download_dir) for every test module: tests/browser.py.
from tests.browser import browser, download_dir, server  # noqa: F401

ROOT = pathlib.Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


@pytest.fixture
def content_copy(tmp_path: pathlib.Path) -> pathlib.Path:
    """A writable copy of the shipped content folder."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def edit(path: pathlib.Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: pathlib.Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
