"""Issue 15, classes 2 and 4 for content and handout options: `check` reports everything a build
would refuse, with FILE:LINE, and the build says the same in one line instead of a traceback."""

from __future__ import annotations

import pytest

from pmr_print import api
from pmr_print.cli import main
from pmr_print.limits import URL_CHARS
from pmr_print.model import GROUP_IDS
from pmr_print.options import HandoutDetails, PrintOptions
from tests.conftest import edit, line_of
from tests.pdfcheck import squeezed


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("lang", ["en", "zh", "bi"])
@pytest.mark.parametrize("protocol", ["standard", "short", "extended", "release-only"])
def test_omitting_every_group_is_one_line(lang, protocol, tmp_path, capsys) -> None:
    out = tmp_path / "h.pdf"
    args = ["handout", "--lang", lang, "--protocol", protocol, "--omit", ",".join(GROUP_IDS)]
    status, _, err = run(capsys, *args, "-o", str(out))
    assert status == 2 and err == (
        f"pmr-print: --omit leaves no step of the protocol '{protocol}'; leave out fewer groups\n"
    )
    assert not out.exists()


def test_omitting_every_group_from_a_booklet_is_one_line(tmp_path, capsys) -> None:
    args = ["booklet", "--omit", ",".join(GROUP_IDS), "-o", str(tmp_path / "b.pdf")]
    status, _, err = run(capsys, *args)
    assert status == 2 and err.count("\n") == 1 and "--omit leaves no step" in err
    assert list(tmp_path.iterdir()) == []


def test_omitting_all_but_one_group_still_prints() -> None:
    details = HandoutDetails(omit=GROUP_IDS[1:])
    assert api.handout_pdf(api.load("en"), PrintOptions(), details).startswith(b"%PDF")


def test_a_recording_url_at_the_limit_prints_its_qr_code() -> None:
    url = "https://example.org/" + "r" * (URL_CHARS - 20)
    data = api.handout_pdf(api.load("en"), PrintOptions(), HandoutDetails(recording_url=url))
    assert "r" * 100 in squeezed(data)


@pytest.mark.parametrize(
    ("label", "translation", "problem"),
    [
        ("Leave out: {groups}", "略过：{group}", "unknown placeholder {group}"),
        ("Leave out: {groups}", "略过：", "placeholder {groups} is missing"),
        ("Reason: {reason}", "原因：{reason.__class__.__mro__}", "no attribute or index access"),
        ("Reason: {reason}", "原因：{reason[0]}", "no attribute or index access"),
        ("Reason: {reason}", "原因：{reason:>99999999}", "takes no format spec or conversion"),
        ("Reason: {reason}", "原因：{reason!r}", "takes no format spec or conversion"),
        ("Reason: {reason}", "原因：{reason} {", "Single '{'"),
        ("Page {page} of {pages}", "第{page}页}", "Single '}'"),
    ],
)
def test_check_reports_a_placeholder_a_build_would_break_on(
    content_copy, capsys, label, translation, problem
) -> None:
    po = content_copy / "zh" / "labels.po"
    text = po.read_text(encoding="utf-8")
    msgstr_line = text.splitlines()[line_of(po, f'msgid "{label}"')]
    edit(po, msgstr_line, f'msgstr "{translation}"')
    line = line_of(po, f'msgid "{label}"')
    found = [str(p) for p in api.check(content_copy)]
    assert len(found) == 1 and found[0].startswith(f"{po}:{line}: label {label!r}: ")
    assert problem in found[0]
    status, _, err = run(capsys, "handout", "--lang", "zh", "--content", str(content_copy),
                         "--omit", "back", "--omit-reason", "x", "-o", "-")  # fmt: skip
    assert status == 2 and err.strip() == found[0]


@pytest.mark.parametrize("steps", ['steps=""', 'steps="  "'])
def test_check_reports_a_protocol_with_empty_steps(content_copy, steps) -> None:
    guide = content_copy / "en" / "guide.md"
    line = line_of(guide, "{#standard")
    text = guide.read_text(encoding="utf-8").splitlines()[line - 1]
    start = text.index('steps="')
    edit(guide, text, text[:start] + steps + text[text.index('"', start + 7) + 1 :])
    found = [str(p) for p in api.check(content_copy)]
    assert (
        f"{guide}:{line}: protocol 'standard' has no steps: add steps=\"feet ...\" or #### steps"
        in (found)
    )


def test_check_reports_an_instruction_too_long_for_a_card_or_a_page(content_copy, capsys) -> None:
    guide = content_copy / "en" / "guide.md"
    sentence = "Curl your toes downwards and tighten the soles of your feet."
    # 4,600 characters: too long for a page, under the 5,000 a paragraph may hold
    edit(guide, sentence, sentence + " Curl your toes and tighten the soles." * 120)
    line = line_of(guide, sentence)
    found = [str(p) for p in api.check(content_copy)]
    assert any(p.startswith(f"{guide}:{line}: the instruction of step 1 (Feet) of protocol "
                            "'standard' is too long for a page") for p in found)  # fmt: skip
    assert any("does not fit on a card" in p for p in found)
    for product in ("handout", "cards"):
        status, _, err = run(capsys, product, "--content", str(content_copy), "-o", "-")
        assert status == 2 and err.count("\n") == 1 and f"{guide}:" in err


def test_check_passes_the_shipped_content() -> None:
    assert api.check() == []
