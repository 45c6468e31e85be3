import pathlib
import shutil
import subprocess

import pytest

from pmr_print.checks.catalog import catalog_problems
from pmr_print.checks.vocabulary import vocabulary_problems
from pmr_print.i18n import read_labels
from pmr_print.labels import LABELS, Labels
from pmr_print.loader.glossary import read_glossary
from pmr_print.model import GROUP_IDS
from tests.conftest import CONTENT

RENDER = pathlib.Path(__file__).resolve().parent.parent / "pmr_print" / "render"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_label_is_in_every_catalog(lang: str) -> None:
    problems: list = []
    labels = read_labels(CONTENT / lang / "labels.po", lang, problems)
    assert problems == []
    assert labels("Page {page} of {pages}", page=2, pages=3) in ("Page 2 of 3", "第2页，共3页")


def test_chinese_labels_are_translated_not_copied() -> None:
    labels = read_labels(CONTENT / "zh" / "labels.po", "zh", [])
    for msgid in LABELS:
        assert labels(msgid) != msgid, msgid
        assert not any(c in labels(msgid) for c in ",;:!?()"), labels(msgid)  # full-width only


def test_placeholders_survive_translation() -> None:
    labels = read_labels(CONTENT / "zh" / "labels.po", "zh", [])
    for msgid in LABELS:
        wanted = sorted(part.split("}")[0] for part in msgid.split("{")[1:])
        got = sorted(part.split("}")[0] for part in labels(msgid).split("{")[1:])
        assert got == wanted, msgid


def test_an_unknown_label_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        Labels({})("Not a label")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_catalog_is_one_gettext_accepts(lang: str) -> None:
    """`msgfmt -c` clean, checked in Python; and by msgfmt itself where it is installed."""
    path = CONTENT / lang / "labels.po"
    assert catalog_problems(path) == []
    if shutil.which("msgfmt"):
        done = subprocess.run(
            ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, check=False
        )
        assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_shipped_content_uses_its_glossary(lang: str) -> None:
    assert vocabulary_problems(CONTENT / lang) == []
    problems: list = []
    terms = read_glossary(CONTENT / lang / "glossary.md", problems)
    assert problems == []
    ids = {term.id for term in terms}
    assert {"cue-tense", "cue-relax", "tension-scale", "stop-if-it-hurts", "safety-box"} <= ids
    assert set(GROUP_IDS) <= ids
