"""Issue 15, classes 1, 5, 8, 10 and 11: outputs never replace an input or a non-file, honour the
umask, leave nothing behind; inputs are read only when they are regular files."""

from __future__ import annotations

import os
import pathlib
import stat
import time

import pytest

from pmr_print import api
from pmr_print.cli import main
from pmr_print.files import slug
from pmr_print.pdf import output
from tests.conftest import CONTENT

pytestmark = pytest.mark.slow  # a product built per file-system case

CSV = "date,practised,time,minutes,protocol,before,after,notes\n2026-03-09,yes,,10,,5,2,ok\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def one_line(err: str) -> str:
    assert err.count("\n") == 1, err
    return err.strip()


# 1. An output that replaces an input -----------------------------------------------------------


@pytest.fixture
def diary(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "d.csv"
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.mark.parametrize("via", ["same", "symlink", "hardlink", "dotted"])
def test_an_output_that_is_the_entries_file_is_refused(diary, via, capsys) -> None:
    target = {
        "same": diary,
        "symlink": diary.parent / "link.pdf",
        "hardlink": diary.parent / "hard.pdf",
        "dotted": diary.parent / "." / "d.csv",
    }[via]
    if via == "symlink":
        target.symlink_to(diary)
    if via == "hardlink":
        os.link(diary, target)
    status, _, err = run(capsys, "log", "--entries", str(diary), "-o", str(target))
    assert status == 2 and "is the input" in one_line(err) and str(diary) in err
    assert diary.read_text(encoding="utf-8") == CSV


def test_read_back_into_the_filled_log_itself_is_refused(tmp_path, capsys) -> None:
    filled = tmp_path / "f.pdf"
    filled.write_bytes(api.log_pdf(api.load("en"), api.PrintOptions()))
    before = filled.read_bytes()
    status, _, err = run(capsys, "log", "--read", str(filled), "-o", str(filled))
    assert status == 2 and "is the input" in one_line(err)
    assert filled.read_bytes() == before


@pytest.mark.parametrize("name", ["guide.md", "labels.po"])
def test_an_output_that_is_a_content_file_is_refused(content_copy, name, capsys) -> None:
    target = content_copy / "en" / name
    before = target.read_bytes()
    status, _, err = run(capsys, "handout", "--content", str(content_copy), "-o", str(target))
    assert status == 2 and "is the input" in one_line(err)
    assert target.read_bytes() == before


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero"])
def test_a_device_is_never_an_output(device, capsys) -> None:
    status, _, err = run(capsys, "cards", "-o", device)
    assert (
        status == 2
        and one_line(err) == f"pmr-print: cannot write {device}: it is a device, not a file"
    )
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_pipe_or_a_folder_is_never_an_output(tmp_path, capsys) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    status, _, err = run(capsys, "handout", "-o", str(fifo))
    assert status == 2 and "it is a pipe, not a file" in one_line(err)
    status, _, err = run(capsys, "log", "-o", str(tmp_path))
    assert status == 2 and "it is a folder, not a file" in one_line(err)


@pytest.mark.parametrize("product", ["handout", "cards", "log"])
def test_dash_writes_the_pdf_to_standard_output(product, capfdbinary) -> None:
    assert main([product, "-o", "-"]) == 0
    out = capfdbinary.readouterr().out
    assert out.startswith(b"%PDF-") and out.rstrip().endswith(b"%%EOF")


def test_dash_writes_read_back_csv_to_standard_output(tmp_path, capsys) -> None:
    filled = tmp_path / "f.pdf"
    filled.write_bytes(api.log_pdf(api.load("en"), api.PrintOptions()))
    status, out, _ = run(capsys, "log", "--read", str(filled), "-o", "-")
    assert status == 0 and out.startswith("date,practised")


def test_a_symlink_output_is_written_at_its_target_and_stays_a_link(tmp_path, capsys) -> None:
    real = tmp_path / "real" / "handout.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert run(capsys, "handout", "-o", str(link))[0] == 0
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in real.parent.iterdir()) == ["handout.pdf"]  # no temporary left


def test_a_dangling_symlink_output_creates_its_target(tmp_path, capsys) -> None:
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "new.pdf")
    assert run(capsys, "cards", "-o", str(link))[0] == 0
    assert link.is_symlink() and (tmp_path / "new.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jane Miller", "jane-miller"),
        ("  José  Núñez-García ", "jose-nunez-garcia"),
        ("王芳", "王芳"),
        ("欧阳 娜娜", "欧阳-娜娜"),
        ("O'Brien, Seán", "o-brien-sean"),
        ("../../etc/passwd", "etc-passwd"),
        ("Ａｎｎ", "ann"),
        ("", ""),
    ],
)
def test_a_client_s_name_becomes_a_file_name_part(name, expected) -> None:
    assert slug(name) == expected


def test_a_name_with_no_letter_still_gives_its_own_file() -> None:
    assert slug("???").startswith("client-") and slug("???") != slug("!!!")
    assert slug("x" * 500) == "x" * 60


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["handout", "--client", "Jane Miller"], "handout-en-jane-miller.pdf"),
        (["handout", "--lang", "zh", "--client", "王芳"], "handout-zh-王芳.pdf"),
        (["log", "--name", "Ann B"], "log-en-ann-b.pdf"),
        (["booklet", "--client", "Jane Miller"], "booklet-en-jane-miller.pdf"),
        (["handout"], "handout-en.pdf"),
        (["cards"], "cards-en.pdf"),
    ],
)
def test_a_personalised_product_s_default_output_carries_the_name(
    args, expected, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(capsys, *args)
    assert status == 0 and out.strip() == f"build/{expected}"
    assert (tmp_path / "build" / expected).read_bytes().startswith(b"%PDF-")


# 5. Outputs honour the umask ----------------------------------------------------------------


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_honour_the_umask(umask, mode, tmp_path, capsys) -> None:
    old = os.umask(umask)
    try:
        assert main(["cards", "-o", str(tmp_path / "c.pdf")]) == 0
        output.write_atomically(tmp_path / "x.csv", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "c.pdf").stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "x.csv").stat().st_mode) == mode


# 8. Leftovers and half-written output -------------------------------------------------------


def test_stale_temporaries_of_ours_are_removed_and_fresh_ones_kept(tmp_path) -> None:
    old = time.time() - output.STALE_SECONDS - 60
    stale = [tmp_path / ".handout-en.pdf.ab12cd_9.tmp", tmp_path / ".d.csv.zzzzzzzz.tmp"]
    fresh = tmp_path / ".cards-en.pdf.k3j4h5g6.tmp"  # a build running now
    others = [tmp_path / ".notes.txt.abcdefgh.tmp", tmp_path / "handout-en.pdf.abcdefgh.tmp"]
    for path in [*stale, fresh, *others]:
        path.write_bytes(b"x")
    for path in [*stale, *others]:
        os.utime(path, (old, old))
    output.write_atomically(tmp_path / "log-en.pdf", b"%PDF-")
    left = {path.name for path in tmp_path.iterdir()}
    assert left == {"log-en.pdf", fresh.name, *(path.name for path in others)}


def test_all_checks_every_target_before_writing_any(content_copy, tmp_path, capsys) -> None:
    out = tmp_path / "out"
    (out / "handout-zh.pdf").mkdir(parents=True)
    status, _, err = run(capsys, "all", "--content", str(content_copy), "-o", str(out))
    assert status == 2 and "handout-zh.pdf: it is a folder" in one_line(err)
    assert [p.name for p in out.iterdir()] == ["handout-zh.pdf"]


def test_all_to_standard_output_is_refused(capsys) -> None:
    status, _, err = run(capsys, "all", "-o", "-")
    assert status == 2 and "-o needs a folder" in one_line(err)


def test_ctrl_c_during_a_build_is_one_line_130_and_no_temporary(tmp_path, monkeypatch, capsys):
    import pmr_print.handout.render as render

    def interrupt(*_: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "build_document", interrupt)
    status, _, err = run(capsys, "handout", "-o", str(tmp_path / "h.pdf"))
    assert status == 130 and one_line(err) == "pmr-print: interrupted; nothing was written"
    assert list(tmp_path.iterdir()) == []


# 10. Misleading messages, and 11. inputs that are not regular files -------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["handout", "--paper", "a5"],
        ["handout", "--no-such-option"],
        ["cards", "--layout", "9up"],
        ["log", "--weeks", "many"],
        ["frobnicate"],
        [],
    ],
)
def test_a_bad_option_is_one_line_pointing_to_help(args, capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == 2
    error = one_line(capsys.readouterr().err)
    assert error.startswith("pmr-print") and error.endswith(" --help")


@pytest.mark.parametrize("product", ["handout", "cards", "log", "all"])
def test_an_empty_output_name_says_so(product, capsys) -> None:
    with pytest.raises(SystemExit):
        main([product, "-o", ""])
    assert "-o needs a file name" in one_line(capsys.readouterr().err)


def test_a_guide_and_labels_with_a_byte_order_mark_are_read(content_copy, capsys) -> None:
    for name in ("guide.md", "labels.po"):
        path = content_copy / "zh" / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert api.check(content_copy) == []
    assert api.load("zh", content_copy).title == api.load("zh").title


def test_a_guide_that_is_a_folder_says_so(content_copy, capsys) -> None:
    guide = content_copy / "en" / "guide.md"
    guide.unlink()
    guide.mkdir()
    status, _, err = run(capsys, "handout", "--content", str(content_copy), "-o", "-")
    assert status == 2 and one_line(err) == f"{guide}:1: is a folder, not a file"


@pytest.mark.parametrize("name", ["labels.po", "guide.md"])
def test_a_fifo_in_the_content_is_refused_without_waiting(content_copy, name, capsys) -> None:
    path = content_copy / "en" / name
    path.unlink()
    os.mkfifo(path)
    start = time.monotonic()
    problems = [str(problem) for problem in api.check(content_copy)]
    assert f"{path}:1: is a pipe, not a file" in problems
    assert time.monotonic() - start < 20


@pytest.mark.parametrize("option", ["--entries", "--read"])
def test_a_fifo_or_folder_as_log_input_is_refused(option, tmp_path, capsys) -> None:
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "a pipe"), (tmp_path, "a folder")):
        status, _, err = run(capsys, "log", option, str(path), "-o", str(tmp_path / "o.pdf"))
        assert status == 2 and one_line(err) == f"pmr-print: {path}: is {kind}, not a file"


def test_the_shipped_content_is_still_fine() -> None:
    assert api.check(CONTENT) == []
