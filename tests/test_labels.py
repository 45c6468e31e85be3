import pathlib

import pytest

from pmr_print.i18n import read_labels
from pmr_print.labels import LABELS, Labels
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
