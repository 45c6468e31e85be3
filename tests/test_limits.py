"""One set of limits on untrusted text, the same for the command line, the API and the web page."""

from __future__ import annotations

import datetime as dt

import pytest

from pmr_print import api, cli
from pmr_print.limits import LIMITS, LimitError, check_text
from pmr_print.options import HandoutDetails, LogDetails
from pmr_print.practice_log.entries import read_entries
from pmr_print.problems import UsageError

ONE_LINE = [field for field, limit in LIMITS.items() if limit.one_line]


@pytest.mark.parametrize("field", list(LIMITS))
def test_every_field_takes_its_limit_and_refuses_one_more(field: str) -> None:
    limit = LIMITS[field].max_chars
    assert check_text(field, "a" * limit) == "a" * limit
    with pytest.raises(LimitError, match=rf"^{LIMITS[field].label}: {limit + 1} characters; "):
        check_text(field, "a" * (limit + 1))


@pytest.mark.parametrize("field", ONE_LINE)
@pytest.mark.parametrize("space", ["\n", "\t", "\r\n", "\r", "\v", "\f", "\x85", "\u2028"])
def test_line_breaks_and_tabs_in_a_one_line_field_become_spaces(field: str, space: str) -> None:
    assert check_text(field, f"Ann{space}B") == "Ann" + " " * len(space) + "B"


def test_notes_keep_their_lines_and_a_viewer_s_cr_is_a_newline() -> None:
    assert check_text("notes", "a\r\nb\rc\td") == "a\nb\nc\td"


@pytest.mark.parametrize("field", list(LIMITS))
@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x9b"])
def test_control_characters_are_refused_naming_them(field: str, char: str) -> None:
    with pytest.raises(LimitError, match=f"U\\+{ord(char):04X}") as raised:
        check_text(field, f"Ann{char}[31m")
    assert raised.value.field == field


def test_the_api_checks_the_same_limits() -> None:
    assert HandoutDetails(client="Ann\nB\tC").client == "Ann B C"
    assert LogDetails(name="王\n芳").name == "王 芳"
    for field in ("client", "clinician", "clinic", "omit_reason"):
        extra = {"omit": ("back",)} if field == "omit_reason" else {}
        with pytest.raises(LimitError) as raised:
            HandoutDetails(**{field: "x" * 5000}, **extra)
        assert raised.value.field == field
    with pytest.raises(LimitError, match="--recording-url: 5008 characters"):
        HandoutDetails(recording_url="https://" + "x" * 5000)
    with pytest.raises(LimitError, match="--name"):
        LogDetails(name="x" * 4800)


def test_entries_over_the_limits_are_bad_rows_naming_the_field() -> None:
    text = (
        "date,practised,time,minutes,protocol,before,after,notes\n"
        f"2026-03-09,yes,,,,,,{'x' * 5001}\n"
        f"2026-03-10,yes,{'t' * 41},,,,,\n"
        "2026-03-11,yes,,,,,,\x1b[2J\n"
        "2026-03-12,yes,,,,,,fine\n"
    )
    parsed = read_entries(text, "d.csv", "csv")
    assert [str(p) for p in parsed.problems] == [
        "d.csv:2: notes: 5001 characters; at most 5000",
        "d.csv:3: time: 41 characters; at most 40",
        "d.csv:4: notes: holds the control character U+001B, which cannot be printed",
    ]
    assert [entry.notes for entry in parsed.entries] == ["fine"]


def test_api_entries_over_the_limits_name_the_entry() -> None:
    entry = api.Entry(dt.date(2026, 3, 9), notes="x" * 6000)
    with pytest.raises(UsageError, match="entry 2026-03-09: notes: 6000 characters"):
        api.log_pdf(api.load("en"), api.PrintOptions(), entries=[entry])


@pytest.mark.parametrize(
    "option", ["--client", "--clinician", "--clinic", "--omit-reason", "--recording-url"]
)
def test_the_command_line_refuses_an_absurd_length_in_one_line(option, tmp_path, capsys) -> None:
    out = tmp_path / "h.pdf"
    value = "x" * 50_000 if option != "--recording-url" else "https://" + "x" * 5000
    args = ["handout", option, value, "-o", str(out)]
    if option == "--omit-reason":
        args += ["--omit", "back"]
    assert cli.main(args) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"pmr-print: {option}: ") and error.count("\n") == 1
    assert not out.exists()
