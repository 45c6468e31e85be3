"""The code stays as the style guide wants it: ruff-clean, ruff-formatted, and mypy --strict."""

import pathlib
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def tool(name: str) -> str:
    """The tool installed beside this Python (the project's venv), else one on the PATH."""
    beside = pathlib.Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing() -> None:
    result = run(tool("ruff"), "check", "pmr_print", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_formatted() -> None:
    result = run(tool("ruff"), "format", "--check", "pmr_print", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow  # a minute when its cache is cold
def test_mypy_strict_finds_nothing() -> None:
    result = run(tool("mypy"))  # settings in pyproject.toml: strict, on pmr_print
    assert result.returncode == 0, result.stdout + result.stderr
