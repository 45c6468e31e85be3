"""Issue 15, classes 2, 6, 7 and 9 for the practice log: every hostile entry or filled log gets
one clear line per problem, the good rows still print, and nothing is dropped without a word."""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
import subprocess
import sys

import pikepdf
import pypdf
import pytest
from pypdf.generic import NameObject

from pmr_print import api
from pmr_print.cli import main
from pmr_print.options import LogDetails, PrintOptions
from tests.pdfcheck import squeezed

pytestmark = pytest.mark.slow  # a log built and read back per hostile diary or form

HEADER = "date,practised,time,minutes,protocol,before,after,notes\n"
GOOD = "2026-03-10,yes,07:30,15,standard,7,3,warm hands\n"
START = dt.date(2026, 3, 9)


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def diary(tmp_path: pathlib.Path, *rows: str, name: str = "d.csv") -> pathlib.Path:
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


# 2. Tracebacks, now one line each ------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("0001-01-01,yes,,,,,,\n", "date: 0001-01-01 is not between 1900-01-01 and 2999-12-31"),
        ("9999-12-31,yes,,,,,,\n", "date: 9999-12-31 is not between"),
        (f"2026-03-11,yes,,,,,,{'x' * 200_000}\n", "notes: 200000 characters; at most 5000"),
        ("2026-03-11,yes,,9" + "9" * 5000 + ",,,,\n", "minutes: '999999999"),
        ("2026-03-11,maybe" + "e" * 10_000 + ",,,,,,\n", "practised: 'maybee"),
    ],
)
def test_a_hostile_row_is_one_line_and_the_rest_prints(tmp_path, capsys, row, message) -> None:
    out = tmp_path / "done.pdf"
    status, _, err = run(
        capsys, "log", "--entries", str(diary(tmp_path, GOOD, row)), "-o", str(out)
    )
    assert status == 0, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"pmr-print: {tmp_path / 'd.csv'}:3: ")
    assert message in lines[0] and len(lines[0]) < 300
    assert "warmhands" in squeezed(out.read_bytes())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"date": "2026-03-10", "minutes": ' + "9" * 5000 + "}]", "not valid entries"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"date": "2026-03-10"}', "must be a list"),
        ("[1, 2", "not valid JSON"),
    ],
)
def test_a_hostile_json_file_is_one_line_naming_it(tmp_path, capsys, text, message) -> None:
    path = tmp_path / "d.json"
    path.write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "log", "--entries", str(path), "-o", str(tmp_path / "o.pdf"))
    assert status == 2 and err.count("\n") == 1
    assert err.startswith(f"pmr-print: {path}") and message in err
    assert not (tmp_path / "o.pdf").exists()


def test_json_values_of_the_wrong_kind_are_bad_rows(tmp_path, capsys) -> None:
    nested = {"a": [1, {"b": 2}]}
    rows = [{"date": "2026-03-10", "notes": nested}, {"date": "2026-03-11", "minutes": 1e308}]
    path = tmp_path / "d.json"
    path.write_text(json.dumps([*rows, {"date": "2026-03-12"}]), encoding="utf-8")
    status, _, err = run(capsys, "log", "--entries", str(path), "-o", str(tmp_path / "o.pdf"))
    assert status == 0
    first, second = err.splitlines()
    assert first == f"pmr-print: {path}[0]: notes: an object is not a text or a number"
    assert second.startswith(f"pmr-print: {path}[1]: minutes: '1000000000000000")
    assert second.endswith("…' is not a whole number of minutes (0 to 999)")


@pytest.mark.parametrize("start", ["9999-12-25", "0001-01-01", "2999-12-20", "1899-12-31"])
def test_a_log_start_near_the_ends_of_the_calendar_is_one_line(start, tmp_path, capsys) -> None:
    status, _, err = run(capsys, "log", "--start", start, "-o", str(tmp_path / "o.pdf"))
    assert status == 2 and err == (
        f"pmr-print: --start {start}: a log's weeks must lie between 1900 and 2999\n"
    )


def test_the_last_log_the_calendar_allows_builds() -> None:
    details = LogDetails(start=dt.date(2999, 12, 1), weeks=4)
    assert api.log_pdf(api.load("en"), PrintOptions(), details).startswith(b"%PDF-")


# 7. One bad character refuses only its row ---------------------------------------------------


@pytest.mark.parametrize("column", ["notes", "time"])
@pytest.mark.parametrize("char", ["💪", "\U0001f600", "\U000e0041"])
def test_an_unprintable_character_refuses_its_row_only(tmp_path, capsys, column, char) -> None:
    cells = {"notes": f"2026-03-11,yes,,,,,,ok {char}\n", "time": f"2026-03-11,yes,{char},,,,,\n"}
    out = tmp_path / "done.pdf"
    status, _, err = run(
        capsys, "log", "--entries", str(diary(tmp_path, GOOD, cells[column])), "-o", str(out)
    )
    assert status == 0
    assert err.startswith(f"pmr-print: {tmp_path / 'd.csv'}:3: {column}: the character ")
    assert f"U+{ord(char):04X}" in err and err.count("\n") == 1
    assert "warmhands" in squeezed(out.read_bytes())


# 9. Text changed or lost, now said ----------------------------------------------------------


def test_a_note_too_long_for_its_cell_is_cut_with_a_warning_naming_the_row(tmp_path, capsys):
    long = "a very long note about the warmth in my hands " * 60  # about 550 words
    out = tmp_path / "done.pdf"
    path = diary(tmp_path, GOOD, f'2026-03-11,yes,,,,,,"{long}"\n')
    status, _, err = run(capsys, "log", "--entries", str(path), "-o", str(out))
    assert status == 0
    assert (
        err
        == f"pmr-print: {path}:3: notes: too long for the day's cell; printed cut, ending in …\n"
    )
    assert "…" in squeezed(out.read_bytes())


def test_a_note_that_fits_gets_no_warning(tmp_path, capsys) -> None:
    path = diary(tmp_path, GOOD)
    assert run(capsys, "log", "--entries", str(path), "-o", str(tmp_path / "o.pdf"))[2] == ""


def filled_log(tmp_path: pathlib.Path, values: dict[str, str], edit=None) -> pathlib.Path:  # type: ignore[no-untyped-def]
    data = api.log_pdf(api.load("en"), PrintOptions(), LogDetails(start=START, weeks=2))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.update_page_form_field_values(None, values, auto_regenerate=False)
    if edit is not None:
        edit(writer)
    path = tmp_path / "filled.pdf"
    writer.write(path)
    return path


def field_node(writer: pypdf.PdfWriter, *names: str):  # type: ignore[no-untyped-def]
    nodes = [ref.get_object() for ref in writer._root_object["/AcroForm"]["/Fields"]]
    for name in names:
        node = next(n for n in nodes if n.get("/T") == name)
        nodes = [ref.get_object() for ref in node.get("/Kids", [])]
    return node


def test_read_reports_a_value_in_a_field_with_no_name(tmp_path, capsys) -> None:
    def unname(writer: pypdf.PdfWriter) -> None:
        del field_node(writer, "w1", "d2", "notes")[NameObject("/T")]

    path = filled_log(tmp_path, {"w1.d2.notes": "tired", "w1.d3.notes": "calm"}, unname)
    status, out, err = run(capsys, "log", "--read", str(path))
    assert status == 0 and out.splitlines()[1:] == ["2026-03-11,no,,,,,,calm"]
    assert err == "pmr-print: w1.d2: field: a field with no name holds 'tired'; left out\n"


def test_read_follows_a_loop_in_the_field_tree_once_and_says_so(tmp_path, capsys) -> None:
    def loop(writer: pypdf.PdfWriter) -> None:
        fields = writer._root_object["/AcroForm"]["/Fields"]
        w2 = next(ref for ref in fields if ref.get_object().get("/T") == "w2")
        field_node(writer, "w2", "d1")["/Kids"].append(w2)

    path = filled_log(tmp_path, {"w2.d1.notes": "loop", "w2.d3.notes": "fine"}, loop)
    status, out, err = run(capsys, "log", "--read", str(path))
    assert status == 0
    assert out.splitlines()[1:] == ["2026-03-16,no,,,,,,loop", "2026-03-18,no,,,,,,fine"]
    assert err == "pmr-print: w2.d1: field: the field tree loops back; read once\n"


@pytest.mark.parametrize("week", ["0", "53", "999999999999"])
def test_read_reports_a_week_the_log_cannot_place(week, tmp_path, capsys) -> None:
    def rename(writer: pypdf.PdfWriter) -> None:
        field_node(writer, "w2")[NameObject("/T")] = pypdf.generic.TextStringObject(f"w{week}")

    path = filled_log(tmp_path, {"w2.d1.notes": "where?", "w1.d1.notes": "here"}, rename)
    status, out, err = run(capsys, "log", "--read", str(path))
    assert status == 0 and out.splitlines()[1:] == ["2026-03-09,no,,,,,,here"]
    assert err == (
        f"pmr-print: w{week}.d1: notes: not a day of the log's weeks; its value is left out\n"
    )


@pytest.mark.parametrize("start", ["9999-12-31", "0001-01-01", "soon"])
def test_read_reports_a_log_start_it_cannot_use(start, tmp_path, capsys) -> None:
    def restart(writer: pypdf.PdfWriter) -> None:
        field_node(writer, "log", "start")[NameObject("/V")] = pypdf.generic.TextStringObject(start)

    path = filled_log(tmp_path, {"w1.d1.notes": "x"}, restart)
    status, _, err = run(capsys, "log", "--read", str(path))
    assert status == 2 and err.count("\n") == 1 and "log.start holds" in err


@pytest.mark.parametrize("password", ["", "secret"])
def test_an_aes_encrypted_log_is_read_or_one_line(password, tmp_path, capsys) -> None:
    """Issue 22 (5): an AES-256 file that opens without a password (only an owner password) is
    read, as every viewer opens it, with or without pypdf's optional `cryptography`; one that
    needs a password is one line."""
    plain = filled_log(tmp_path, {"w1.d1.notes": "x"})
    locked = tmp_path / "locked.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(locked, encryption=pikepdf.Encryption(user=password, owner="owner", R=6))
    status, out, err = run(capsys, "log", "--read", str(locked))
    if password:
        assert status == 2 and err == (
            f"pmr-print: {locked}: the PDF is protected by a password; save a copy without it\n"
        )
    else:
        assert status == 0 and err == "" and out.splitlines()[1:] == ["2026-03-09,no,,,,,,x"]


def test_pypdf_s_repair_warnings_add_no_line(tmp_path, capsys) -> None:
    path = filled_log(tmp_path, {"w1.d1.notes": "calm"})
    data = path.read_bytes()
    end = data.rindex(b"startxref")
    path.write_bytes(data[:end] + b"startxref\n12345\n%%EOF\n")  # a wrong xref offset
    done = subprocess.run(  # pypdf logs through logging, which pytest would capture
        [sys.executable, "-m", "pmr_print", "log", "--read", str(path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stdout.splitlines()[1:] == ["2026-03-09,no,,,,,,calm"]
    assert done.stderr == ""


# 6. Terminal escape injection ----------------------------------------------------------------

ESCAPES = {
    "w1.d1.notes": "\x1b[2J\x1b]0;owned\x07 hi",
    "w1.d2.time": "7\x9b31m",
    "w1.d3.notes": "ok",
}


def test_csv_on_the_terminal_carries_no_control_character_and_says_so(tmp_path, capsys) -> None:
    path = filled_log(tmp_path, ESCAPES)
    status, out, err = run(capsys, "log", "--read", str(path))
    assert status == 0
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in out + err)
    assert out.splitlines()[1] == "2026-03-09,no,,,,,,\ufffd[2J\ufffd]0;owned\ufffd hi"
    assert err.splitlines() == [
        "pmr-print: 2026-03-09: notes: control character U+001B, U+0007 replaced with U+FFFD",
        "pmr-print: 2026-03-10: time: control character U+009B replaced with U+FFFD",
    ]


def test_json_escapes_every_control_character(tmp_path, capsys) -> None:
    path = filled_log(tmp_path, ESCAPES)
    status, out, err = run(capsys, "log", "--read", str(path), "--format", "json")
    assert status == 0 and err == ""
    assert not any(ord(c) < 32 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in out)
    notes = {row["date"]: row["notes"] + row["time"] for row in json.loads(out)}
    assert notes["2026-03-09"] == ESCAPES["w1.d1.notes"] and notes["2026-03-10"] == "7\x9b31m"


def test_error_messages_carry_no_control_character(tmp_path, capsys) -> None:
    name = tmp_path / "evil\x1b[31m.csv"
    name.write_text(HEADER + "2026-03-10,\x1b[2Jyes,,,,,,\n", encoding="utf-8")
    status, _, err = run(capsys, "log", "--entries", str(name), "-o", str(tmp_path / "o.pdf"))
    assert status == 2 and "\x1b" not in err and "\ufffd" in err
