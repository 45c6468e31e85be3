"""`pmr-print serve` at the HTTP level, through Starlette's test client: the API, the page's form,
the guards, and the command itself (first line, Ctrl-C)."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import socket
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from typing import Any

import pypdf
import pytest
from starlette.testclient import TestClient

from pmr_print import api, cli
from pmr_print.options import HandoutDetails, LogDetails
from pmr_print.problems import UsageError
from pmr_print.web.app import STATIC, MemoryParser, make_app
from pmr_print.web.guard import MAX_BODY
from pmr_print.web.text import negotiate
from pmr_print.web.workers import Workers
from tests.browser import start_server
from tests.test_architecture import read_graph, surfaces_going_around_the_api

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    workers = Workers(None)
    try:
        with TestClient(make_app(PORT, workers=workers), base_url=BASE) as test_client:
            yield test_client
    finally:
        workers.close()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def errors(response: object) -> dict[str, str]:
    body = response.json()  # type: ignore[attr-defined]
    return {error["field"]: error["message"] for error in body["errors"]}


def usage_message(make: object) -> str:
    with pytest.raises(UsageError) as raised:
        make()  # type: ignore[operator]
    return str(raised.value)


def test_a_chinese_handout_for_wang_fang(client: TestClient) -> None:
    response = client.post("/api/handout", json={"lang": "zh", "client": "王芳", "omit": ["back"]})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "handout-zh-" in response.headers["content-disposition"]
    assert "王芳" in pdf_text(response.content)


def test_a_request_for_another_host_is_refused(client: TestClient) -> None:
    response = client.post("/api/handout", json={"lang": "zh"}, headers={"host": "evil.example"})
    assert response.status_code == 421
    assert "evil.example" in errors(response)["host"]
    assert client.get("/", headers={"host": f"localhost:{PORT}"}).status_code == 200
    assert client.get("/", headers={"host": "127.0.0.1:1"}).status_code == 421


def test_a_page_of_another_origin_may_not_post(client: TestClient) -> None:
    response = client.post("/api/handout", json={}, headers={"origin": "http://evil.example"})
    assert response.status_code == 403
    assert client.post("/api/cards", json={}, headers={"origin": BASE}).status_code == 200


def test_every_bad_field_is_reported_under_its_key(client: TestClient) -> None:
    response = client.post("/api/handout", json={"omit": ["toes"], "paper": "a9"})
    assert response.status_code == 400
    found = errors(response)
    assert set(found) == {"omit", "paper"}
    assert found["omit"].startswith("Muscle groups to leave out: unknown step id 'toes'")
    assert "--omit" in usage_message(lambda: HandoutDetails(omit=("toes",)))
    assert found["paper"].startswith("unknown paper 'a9'")


def test_one_message_worded_by_each_surface_in_its_language(
    client: TestClient, capsys: pytest.CaptureFixture[str]
) -> None:
    """The API names a field as the page labels it, in the request's language, under its key;
    the command line names its option. Every bad field comes at once."""
    body = {
        "date": "2026-02-30",
        "recording_url": "ftp://x",
        "omit_reason": "injury",
        "protocol": "long",
        "locale": "zh_CN",
        "client": "Jane",
    }
    found = errors(client.post("/api/handout", json=body))
    assert set(found) == {"date", "recording_url", "omit_reason", "protocol", "locale"}
    assert found["date"] == "Date: 30 February does not exist; check the day and the month"
    assert found["recording_url"] == "Recording link must start with https:// or http://"
    assert found["omit_reason"] == (
        "Reason for leaving groups out: tick the groups to leave out in "
        "“Muscle groups to leave out”, or leave this empty"
    )
    zh = errors(client.post("/api/handout", json=body, headers={"accept-language": "zh-CN"}))
    assert set(zh) == set(found)
    assert zh["date"] == "日期：2月没有30日，请核对日期和月份"
    assert (
        zh["omit_reason"]
        == "跳过肌肉群的原因：请在“需要跳过的肌肉群”中勾选要跳过的肌肉群，或把此项留空"
    )
    assert not re.search("[A-Za-z]{4,}", zh["omit_reason"] + zh["date"])
    for key, value, line in (
        ("date", "2026-02-30", "--date: 30 February does not exist; check the day and the month"),
        ("recording-url", "ftp://x", "--recording-url must start with https:// or http://"),
        (
            "date",
            "9 March",
            "--date '9 March' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-09",
        ),
    ):
        assert cli.main(["handout", f"--{key}", value, "-o", "-"]) == 2
        assert capsys.readouterr().err.strip() == f"pmr-print: {line}"


def test_automatic_paper_and_locale_follow_the_browser_and_the_page_says_so(
    client: TestClient,
) -> None:
    gb = client.get("/en", headers={"accept-language": "en-GB,en;q=0.8"}).text
    assert "Automatic (A4)" in gb and "Automatic (en_GB)" in gb
    us = client.get("/en", headers={"accept-language": "en-US"}).text
    assert "Automatic (Letter)" in us and "Automatic (en_US)" in us
    zh = client.get("/zh", headers={"accept-language": "zh-CN"}).text
    assert "自动（A4）" in zh and "自动（zh_CN）" in zh


def test_spreadsheets_as_excel_and_wps_save_them(client: TestClient) -> None:
    header = "date;practised;time;minutes;protocol;before;after;notes\r\n"
    excel = header + "23/11/2026;yes;07:30;15;standard;7;3;café\r\n1/12/2026;yes;;;;6;2;\r\n"
    response = client.post(
        "/make",
        data={"product": "log", "page_lang": "en", "lang": "en"},
        files={"entries": ("diary.csv", excel.encode("cp1252"))},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert "café" in pdf_text(response.content)
    wps = DIARY.replace("2026-03-09", "2026/3/9").replace("warm hands", "手暖，呼吸慢")
    response = client.post(
        "/make",
        data={"product": "log", "page_lang": "zh", "lang": "zh"},
        files={"entries": ("日记.csv", wps.encode("gb18030"))},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert "手暖" in pdf_text(response.content)
    both = DIARY.split("\n")[0] + "\n3/4/2026,yes,,,,7,3,\n5/6/2026,yes,,,,7,3,\n"
    found = errors(
        client.post(
            "/make",
            data={"product": "log", "page_lang": "zh"},
            files={"entries": ("d.csv", both.encode())},
            headers={"accept": "application/json"},
        )
    )
    assert found["entries"].startswith("日记（可选）：d.csv 中的日期既可读作“日/月”")


def test_a_booklet_whose_log_would_leave_the_years_is_a_bad_date_not_a_crash(
    client: TestClient,
) -> None:
    found = errors(client.post("/api/booklet", json={"date": "1899-12-31", "client": "Ann"}))
    assert found == {
        "date": "Date 1899-12-31: a booklet's log weeks must lie between 1900 and 2999"
    }


def test_leaving_out_every_group_comes_in_the_same_round_as_a_bad_date(client: TestClient) -> None:
    every = ["feet", "lower-legs", "upper-legs", "buttocks", "abdomen", "chest", "back"]
    every += ["shoulders", "arms-hands", "neck", "jaw", "eyes", "forehead"]
    found = errors(client.post("/api/handout", json={"date": "x", "omit": every}))
    assert set(found) == {"date", "omit"}
    assert "leave out fewer groups" in found["omit"]


@pytest.mark.slow  # builds every edition it checks
def test_shared_limits_and_the_bilingual_edition(client: TestClient) -> None:
    too_long = errors(client.post("/api/handout", json={"client": "x" * 5000, "clinic": "\x07"}))
    assert too_long["client"] == "Client: 5000 characters; at most 200"
    assert "U+0007" in too_long["clinic"]
    both = client.post("/api/handout", json={"lang": "bi", "client": "王芳"})
    assert both.status_code == 200
    assert 'filename="handout-bi.pdf"' in both.headers["content-disposition"]
    assert (
        "filename*=UTF-8''handout-bi-%E7%8E%8B%E8%8A%B3.pdf" in both.headers["content-disposition"]
    )
    text = pdf_text(both.content)
    assert "王芳" in text and "Progressive Muscle Relaxation" in text
    assert client.post("/api/cards", json={"lang": "bi"}).status_code == 200
    assert "bilingual" in errors(client.post("/api/log", json={"lang": "bi"}))["lang"]


def test_log_fields_and_unknown_keys(client: TestClient) -> None:
    response = client.post(
        "/api/log", json={"weeks": 99, "start": "soon", "name": "王芳", "colour": "red"}
    )
    found = errors(response)
    assert found["weeks"] == "Weeks 99: give a number of weeks from 1 to 52"
    assert "--weeks 99" in usage_message(lambda: LogDetails(weeks=99))
    assert found["start"].startswith("First day 'soon' is not a date; write it as YYYY-MM-DD")
    assert found["colour"].startswith("unknown option")
    assert "name" not in found
    assert errors(client.post("/api/log", json={"weeks": "two"}))["weeks"].startswith("Weeks:")
    assert "body" in errors(client.post("/api/log", content=b"[1]", headers=json_type()))
    assert "body" in errors(client.post("/api/log", content=b"{", headers=json_type()))
    assert "product" in errors(client.post("/api/poster", json={}))


def json_type() -> dict[str, str]:
    return {"content-type": "application/json"}


def test_cards_and_a_blank_log(client: TestClient) -> None:
    cards = client.post("/api/cards", json={"layout": "1up", "duplex": True, "lang": "zh"})
    assert cards.status_code == 200
    assert len(pypdf.PdfReader(io.BytesIO(cards.content)).pages) == 26
    assert errors(client.post("/api/cards", json={"layout": "9up"}))["layout"] == usage_message(
        lambda: api.card_layout("9up")
    )
    log = client.post("/api/log", json={"lang": "en", "weeks": 2, "start": "2026-03-09"})
    assert log.status_code == 200
    assert len(pypdf.PdfReader(io.BytesIO(log.content)).pages) == 2


DIARY = (
    "date,practised,time,minutes,protocol,before,after,notes\n"
    "2026-03-09,yes,07:30,15,standard,7,3,warm hands\n"
    "2026-03-10,yes,,,,11,3,\n"
    "2026-03-11,no,,,,,,\n"
)


def test_a_diary_upload_makes_a_completed_log(client: TestClient) -> None:
    response = client.post(
        "/api/log",
        data={"lang": "en", "name": "Jane"},
        files={"entries": ("diary.csv", DIARY.encode(), "text/csv")},
    )
    assert response.status_code == 200
    assert "warm hands" in pdf_text(response.content)
    problems = json.loads(response.headers["x-pmr-problems"])
    assert problems == ["diary.csv:3: before: 11 is not a rating from 0 to 10"]
    bad = client.post("/api/log", files={"entries": ("diary.csv", b"date\n", "text/csv")})
    assert errors(bad)["entries"] == "diary.csv:1: the header must be " + (
        "date,practised,time,minutes,protocol,before,after,notes"
    )
    pdf = client.post("/api/log", files={"entries": ("log.pdf", b"%PDF-1.4 ...")})
    assert errors(pdf)["entries"] == (
        "Diary (optional): log.pdf is a PDF; to read a filled-in log, use “Filled-in log (PDF)”"
    )


def test_a_filled_log_comes_back_as_json_or_csv(client: TestClient) -> None:
    blank = api.log_pdf(api.load("en"), details=LogDetails(start=dt.date(2026, 3, 9), weeks=1))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank)))
    values = {"w1.d1.practised": "/Yes", "w1.d1.before": "7", "w1.d1.after": "3"}
    writer.update_page_form_field_values(writer.pages[0], values, auto_regenerate=False)
    filled = io.BytesIO()
    writer.write(filled)
    upload = {"read": ("filled.pdf", filled.getvalue(), "application/pdf")}
    as_json = client.post("/api/log", files=upload)
    assert as_json.status_code == 200
    assert as_json.json()[0] == {
        "date": "2026-03-09",
        "practised": True,
        "time": "",
        "minutes": None,
        "protocol": "",
        "before": 7,
        "after": 3,
        "notes": "",
    }
    as_csv = client.post("/api/log", data={"format": "csv"}, files=upload)
    assert as_csv.text.splitlines()[1] == "2026-03-09,yes,,,,7,3,"
    assert "filled-entries.csv" in as_csv.headers["content-disposition"]
    assert as_csv.content.startswith(b"\xef\xbb\xbf")  # Excel reads the CSV as UTF-8
    assert "format" in errors(client.post("/api/log", data={"format": "xml"}, files=upload))


def test_a_filled_logs_weekly_reflection_reads_back_on_its_weeks_last_day(
    client: TestClient,
) -> None:
    """Issue 21 point 6: the reflection the client wrote comes back, dated; a Chinese page names
    an unreadable day by its date in Chinese."""
    blank = api.log_pdf(api.load("zh"), details=LogDetails(start=dt.date(2026, 3, 9), weeks=2))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank)))
    values = {
        "w1.d7.practised": "/Yes",
        "w1.d7.minutes": "abc",
        "w1.reflection.relaxed": "比上周放松",
        "w1.reflection.noticed": "手暖，呼吸慢",
        "w2.d2.practised": "/Yes",
        "w2.reflection.noticed": "=肩膀先松下来",
    }
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    filled = io.BytesIO()
    writer.write(filled)
    upload = {"read": ("filled.pdf", filled.getvalue(), "application/pdf")}
    sent = {"product": "log", "page_lang": "zh", "format": "csv"}
    as_csv = client.post("/make", data=sent, files=upload, headers={"accept": "application/json"})
    assert as_csv.status_code == 200
    assert as_csv.content.decode("utf-8-sig").splitlines() == [
        "date,practised,time,minutes,protocol,before,after,notes,"
        "reflection_relaxed,reflection_noticed",
        "2026-03-15,,,,,,,,比上周放松,手暖，呼吸慢",  # day 7 unreadable: left out, named below
        "2026-03-17,yes,,,,,,,,",
        "2026-03-22,,,,,,,,,'=肩膀先松下来",  # a spreadsheet shows it as text
    ]
    problems = json.loads(as_csv.headers["x-pmr-problems"])
    assert len(problems) == 1 and problems[0].startswith("3月15日星期日")
    as_json = client.post("/api/log", files=upload).json()
    assert as_json[0] == {"date": "2026-03-15", "reflection_relaxed": "比上周放松",
                          "reflection_noticed": "手暖，呼吸慢"}  # fmt: skip
    assert as_json[1]["reflection_noticed"] == "" and as_json[2]["date"] == "2026-03-22"


def test_bodies_over_the_limit_are_refused(client: TestClient) -> None:
    big = b"x" * (MAX_BODY + 1)
    response = client.post("/api/log", files={"entries": ("diary.csv", big)})
    assert response.status_code == 413
    assert "larger than" in errors(response)["body"]
    field = client.post("/api/handout", data={"client": "x" * 100_000})
    assert field.status_code == 400


def test_uploads_stay_in_memory() -> None:
    assert MemoryParser.spool_max_size >= MAX_BODY


def test_the_page_follows_the_browser_and_keeps_to_itself(client: TestClient) -> None:
    zh = client.get("/", headers={"accept-language": "zh-CN,zh;q=0.9,en;q=0.8"})
    assert '<html lang="zh">' in zh.text and "背部" in zh.text
    en = client.get("/", headers={"accept-language": "fr, en;q=0.5"})
    assert '<html lang="en">' in en.text and "Lower legs" in en.text
    assert '<html lang="zh">' in client.get("/zh").text
    policy = en.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    for path in (STATIC / "base.css", STATIC / "page.css", STATIC / "page.js"):
        assert not re.search(r"(src|href|url)\W+https?:", path.read_text(encoding="utf-8"))
    assert not re.search(r"(src|href)=\"(https?:)?//", en.text)
    font = client.get("/fonts/NotoSansSC-Regular.ttf")
    assert font.status_code == 200 and font.headers["content-type"] == "font/ttf"
    assert client.get("/fonts/guide.md").status_code == 404


def test_negotiation() -> None:
    assert negotiate("") == "en"
    assert negotiate("zh-TW") == "zh"
    assert negotiate("en;q=0.4, zh;q=0.8") == "zh"
    assert negotiate("de") == "en"


def test_without_javascript_a_bad_form_comes_back_with_its_values(client: TestClient) -> None:
    response = client.post(
        "/make",
        data={"product": "handout", "page_lang": "en", "client": "<b>Jane</b>", "date": "x"},
    )
    assert response.status_code == 400
    assert "Date &#39;x&#39; is not a date" in response.text
    assert 'value="&lt;b&gt;Jane&lt;/b&gt;"' in response.text
    good = client.post("/make", data={"product": "cards", "page_lang": "en", "client": "x"})
    assert good.status_code == 200
    assert good.headers["content-disposition"].startswith("inline")


def test_the_web_room_reaches_products_only_through_the_api() -> None:
    graph = read_graph()
    assert any(module.room == "web" for module in graph.values())
    assert [
        found for found in surfaces_going_around_the_api(graph) if found.startswith("web/")
    ] == []


@pytest.mark.slow  # a server in a subprocess
def test_serve_prints_its_url_first_and_stops_on_ctrl_c() -> None:
    server = start_server()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", server.url)
    with urllib.request.urlopen(server.url + "en", timeout=30) as page:
        assert page.status == 200
    status, err = server.stop()
    assert status in (0, 130)
    assert err.strip() == "pmr-print: stopped"


@pytest.mark.slow  # a server
def test_serve_on_a_port_in_use_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["serve", "--no-browser", "--port", str(port)]) == 2
    assert (
        capsys.readouterr().err
        == f"pmr-print: --port {port}: the port is in use; leave out --port for a free one\n"
    )


@pytest.mark.slow  # a whole booklet
def test_a_booklet_for_wang_fang(client: TestClient) -> None:
    response = client.post(
        "/api/booklet", json={"lang": "zh", "client": "王芳", "weeks": 2, "omit": ["back"]}
    )
    assert response.status_code == 200
    assert "王芳" in pdf_text(response.content)
    assert "booklet-zh-" in response.headers["content-disposition"]
    found = errors(client.post("/api/booklet", json={"weeks": 13, "format": "xml"}))
    assert found["weeks"] == "Weeks 13: give a number of weeks from 1 to 12"
    assert "xml" in found["format"]
    page = client.post("/api/booklet", json={"client": "Jane", "format": "html"})
    assert page.headers["content-type"].startswith("text/html")
    assert "booklet-en-jane.html" in page.headers["content-disposition"]


ROSTER = (
    "id,name,lang,start,omit,omit_reason\n"
    "wf,王芳,zh,,back,腰伤\n"
    "jm,Jane Miller,en,,,\n"
    "bad,X,fr,,,\n"
)


@pytest.mark.slow  # a process pool
def test_a_workshop_pack_comes_as_a_zip(client: TestClient) -> None:
    response = client.post(
        "/api/workshop",
        data={"lang": "en", "clinician": "Dr Lee"},
        files={"roster": ("roster.csv", ROSTER.encode())},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert re.search(
        r'filename="workshop-en-\d{4}-\d\d-\d\d-\d{6}.zip"', response.headers["content-disposition"]
    )
    problems = json.loads(response.headers["x-pmr-problems"])
    assert problems == ["roster.csv:4: id 'bad': lang: unknown language 'fr'; use en or zh"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == [
        "workshop/facilitator-script.pdf",
        "workshop/packets-to-print.pdf",
        "workshop/packets/jm-jane-miller.pdf",
        "workshop/packets/wf-王芳.pdf",
        "workshop/problems.txt",
        "workshop/slides.pdf",
    ]
    assert archive.read("workshop/problems.txt").decode() == problems[0] + "\n"
    assert "王芳" in pdf_text(archive.read("workshop/packets/wf-王芳.pdf"))
    assert api.packet_name("con", "José Núñez") == "packets/con-jose-nunez.pdf"
    assert api.packet_name("nul", "") == "packets/nul-packet.pdf"
    assert errors(client.post("/api/workshop", json={}))["roster"].startswith("Roster (CSV): ")
    bad = client.post("/api/workshop", files={"roster": ("r.csv", b"a,b\n")})
    assert errors(bad)["roster"].startswith("r.csv:1: the header must be")


@pytest.mark.slow  # a process pool
def test_a_workshop_named_by_the_page_tells_how_many_packets_are_done(
    client: TestClient,
) -> None:
    """The count comes from the worker, packet by packet, and is kept a while once done."""
    job = "test-job-0001"
    assert client.get(f"/progress/{job}").status_code == 404
    sent = {"product": "workshop", "page_lang": "en", "job": job}
    response = client.post("/make", data=sent, files={"roster": ("r.csv", ROSTER.encode())})
    assert response.status_code == 200
    deadline = time.monotonic() + 10
    while client.get(f"/progress/{job}").json() != {"done": 2, "total": 2}:
        assert time.monotonic() < deadline, client.get(f"/progress/{job}").json()
        time.sleep(0.05)
    assert client.get("/progress/bad").status_code == 404  # not a page's name: never counted


@pytest.mark.slow  # a process pool
def test_a_print_file_counts_its_pages_and_a_long_log_its_weeks(client: TestClient) -> None:
    """The booklet's print file counts every page of the reading booklet as it is placed on the
    sheets; a long log counts its weeks (issue 21 point 6)."""
    sent = {"product": "booklet", "page_lang": "en", "lang": "en", "impose": "true"}
    reading = client.post("/make", data={**sent, "impose": "false"})
    pages = len(pypdf.PdfReader(io.BytesIO(reading.content)).pages)
    for job, values, total in (
        ("test-job-booklet", sent, pages),
        ("test-job-log-0001", {"product": "log", "page_lang": "en", "weeks": "14"}, 14),
    ):
        response = client.post("/make", data={**values, "job": job})
        assert response.status_code == 200
        deadline = time.monotonic() + 10
        while client.get(f"/progress/{job}").json() != {"done": total, "total": total}:
            assert time.monotonic() < deadline, client.get(f"/progress/{job}").json()
            time.sleep(0.05)


def test_the_api_takes_the_clinics_crisis_line(client: TestClient) -> None:
    """Issue 20: `crisis_line` ends the cautions; one too long is named against its field."""
    numbers = "Emergency 000, Lifeline 13 11 14"
    response = client.post("/api/handout", json={"lang": "en", "crisis_line": numbers})
    assert response.status_code == 200
    text = " ".join(pdf_text(response.content).split())
    assert f"Emergency and crisis numbers: {numbers}" in text
    response = client.post("/api/handout", json={"lang": "en", "crisis_line": "9" * 1000})
    assert response.status_code == 400 and "crisis_line" in errors(response)


def test_the_page_asks_for_the_crisis_line_and_names_it_in_its_language(
    client: TestClient,
) -> None:
    """The page's field, for the handout and booklet and for the workshop; too long, the message
    names it as the page labels it."""
    zh = client.get("/zh").text
    assert zh.count('name="crisis_line"') == 2 and "急救和心理危机求助电话" in zh
    sent = {"product": "handout", "page_lang": "zh", "crisis_line": "9" * 1000}
    response = client.post("/make", data=sent, headers={"accept": "application/json"})
    assert response.status_code == 400
    assert errors(response)["crisis_line"].startswith("急救和心理危机求助电话")


def test_a_filled_logs_day_left_out_is_named_by_its_date_in_the_pages_language(
    client: TestClient,
) -> None:
    blank = api.log_pdf(api.load("en"), details=LogDetails(start=dt.date(2026, 3, 9), weeks=1))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank)))
    values = {"w1.d2.practised": "/Yes", "w1.d2.minutes": "abc", "w1.d3.before": "4"}
    writer.update_page_form_field_values(writer.pages[0], values, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    sent = {"read": ("filled.pdf", out.getvalue())}
    for lang, line in (
        ("en", "Tuesday 10 March: minutes: 'abc' is not a whole number of minutes (0 to 999)"),
        ("zh", "3月10日星期二：分钟：'abc' 不是分钟数（0 到 999 的整数）"),
    ):
        response = client.post(
            "/make", data={"product": "log", "page_lang": lang, "format": "csv"}, files=sent
        )
        assert json.loads(response.headers["x-pmr-problems"]) == [line]


def test_the_rows_left_out_are_listed_in_the_pages_language(client: TestClient) -> None:
    diary = DIARY + "2026-03-11,maybe,,abc,,,,\n"
    sent = {"entries": ("日记.csv", diary.encode())}
    zh = client.post("/make", data={"product": "log", "page_lang": "zh"}, files=sent)
    assert json.loads(zh.headers["x-pmr-problems"]) == [
        "日记.csv:3：练习前：11 不是 0 到 10 的评分",
        "日记.csv:5：是否练习：'maybe' 不是“是”或“否”",
        "日记.csv:5：分钟：'abc' 不是分钟数（0 到 999 的整数）",
    ]
    en = client.post("/make", data={"product": "log", "page_lang": "en"}, files=sent)
    assert json.loads(en.headers["x-pmr-problems"])[0] == (
        "日记.csv:3: before: 11 is not a rating from 0 to 10"
    )


def test_the_audio_session_answers_range_requests_so_a_player_can_seek(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[object] = []  # the build each request waited for, in the worker
    made = Workers.session_future

    def counted(self: Workers, *args: Any) -> Any:
        found = made(self, *args)
        builds.append(found)
        return found

    monkeypatch.setattr(Workers, "session_future", counted)
    url = "/api/audio?lang=en&protocol=short&omit=back,neck&format=wav"
    whole = client.get(url)
    assert whole.status_code == 200 and whole.headers["accept-ranges"] == "bytes"
    body, size = whole.content, len(whole.content)
    for asked, first, last in (
        ("bytes=0-99", 0, 99),
        ("bytes=1000-", 1000, size - 1),
        ("bytes=-10", size - 10, size - 1),
        (f"bytes=5-{size + 50}", 5, size - 1),
    ):
        part = client.get(url, headers={"range": asked})
        assert part.status_code == 206 and part.content == body[first : last + 1], asked
        assert part.headers["content-range"] == f"bytes {first}-{last}/{size}"
        assert part.headers["accept-ranges"] == "bytes"
        assert part.headers["content-type"] == "audio/wav"
    past = client.get(url, headers={"range": f"bytes={size}-"})
    assert past.status_code == 416 and past.headers["content-range"] == f"bytes */{size}"
    assert client.get(url, headers={"range": "bytes=0-1,5-6"}).content == body  # whole
    assert client.get(url.replace("wav", "vtt")).text.startswith("WEBVTT")
    assert len(builds) == 8 and len(set(map(id, builds))) == 1  # the seeks, the captions: one


def test_a_rosters_rows_left_out_are_said_in_the_pages_language() -> None:
    """The page lists a workshop's bad rows in Chinese on the Chinese page, each column named as
    the CSV's header names it; the command line and the English page keep the English."""
    from pmr_print.web.products import roster_words
    from pmr_print.workshop.roster import read_roster

    text = "id,name,lang,start,omit,omit_reason\nbad,X,fr,,,\nCON,,en,2026-02-30,,why\n1,2\n"
    problems = read_roster(text.encode(), "r.csv", ["en", "zh"]).problems
    assert [str(problem) for problem in problems] == list(roster_words(problems, "en"))
    assert roster_words(problems, "zh") == (
        "r.csv 第2行（编号 'bad'）：lang：不支持的语言 'fr'，请填写 en 或 zh",
        "r.csv 第3行（编号 'CON'）：id：这是 Windows 保留的设备名（CON、NUL、COM1 等），请换一个；"
        "name：未填写；start：'2026-02-30' 不是有效的日期，请核对年、月、日；"
        "omit_reason：填写了原因，但没有跳过任何肌肉群",
        "r.csv 第4行（编号 '1'）：有 2 列；每行应有 6 列：id,name,lang,start,omit,omit_reason",
    )


def test_a_packet_that_failed_to_build_is_said_in_the_pages_language() -> None:
    from pmr_print.web.products import roster_words
    from pmr_print.workshop.roster import RowProblem

    failed = (RowProblem("r.csv", 3, "p7", "step 1 does not fit"),)
    assert roster_words(failed, "zh") == (
        "r.csv 第3行（编号 'p7'）：未能生成此人的资料包：step 1 does not fit",
    )
    assert roster_words(failed, "en") == (
        "r.csv:3: id 'p7': the packet could not be made: step 1 does not fit",
    )
