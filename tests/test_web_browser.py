"""The page in a real browser: Debian's headless Chromium, against `pmr-print serve`."""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
import re
import time
from typing import Any

import pypdf
import pytest

from pmr_print import api
from pmr_print.options import LogDetails
from tests.browser import Server, serious_violations

pytestmark = pytest.mark.browser

WAIT_SECONDS = 30


def wait_for(condition: Any, what: str) -> Any:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"waited {WAIT_SECONDS} s for {what}")


def by_id(browser: Any, element_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return browser.find_element(By.ID, element_id)


def tick(browser: Any, element_id: str) -> None:
    """Click a box as a person does: scrolled clear of the Make bar at the window's foot."""
    box = by_id(browser, element_id)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    box.click()


def open_page(browser: Any, server: Server, path: str = "en") -> None:
    browser.get(server.url + path)
    wait_for(lambda: browser.execute_script("return document.readyState") == "complete", "page")


def downloaded(folder: pathlib.Path, name: str) -> bytes:
    path = folder / name
    wait_for(lambda: path.is_file() and path.stat().st_size > 0, f"download {name}")
    return path.read_bytes()


def test_a_handout_for_a_client_with_two_groups_left_out(
    server: Server, browser: Any, download_dir: pathlib.Path
) -> None:
    open_page(browser, server)
    by_id(browser, "product-handout").click()
    by_id(browser, "f-client").send_keys("Jane Miller")
    by_id(browser, "f-clinician").send_keys("Dr Lee")
    tick(browser, "omit-back")
    tick(browser, "omit-neck")
    by_id(browser, "f-omit_reason").send_keys("recent back injury")
    by_id(browser, "make-button").click()
    link = wait_for(
        lambda: by_id(browser, "download").is_displayed() and by_id(browser, "download"), "the PDF"
    )
    assert link.get_attribute("download") == "handout-en-jane-miller.pdf"
    assert by_id(browser, "pdf").get_attribute("src").startswith("blob:")
    link.click()
    text = "\n".join(
        page.extract_text()
        for page in pypdf.PdfReader(
            io.BytesIO(downloaded(download_dir, "handout-en-jane-miller.pdf"))
        ).pages
    )
    assert "Jane Miller" in text
    assert "Back and neck" in text and "recent back injury" in text  # the groups left out


def test_the_clinics_crisis_line_is_printed_in_the_handout(
    server: Server, browser: Any, download_dir: pathlib.Path
) -> None:
    open_page(browser, server)
    by_id(browser, "product-handout").click()
    by_id(browser, "f-client").send_keys("Crisis Line")
    by_id(browser, "f-crisis_line").send_keys("Lifeline 13 11 14")
    by_id(browser, "make-button").click()
    wait_for(lambda: by_id(browser, "download").is_displayed(), "the PDF")
    by_id(browser, "download").click()
    pdf = pypdf.PdfReader(io.BytesIO(downloaded(download_dir, "handout-en-crisis-line.pdf")))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Emergency and crisis numbers: Lifeline 13 11 14" in text


def test_bad_input_is_shown_beside_its_field_and_the_rest_is_kept(
    server: Server, browser: Any
) -> None:
    open_page(browser, server)
    by_id(browser, "f-client").send_keys("Jane Miller")
    by_id(browser, "f-recording_url").send_keys("ftp://example.org/pmr")
    by_id(browser, "f-date").send_keys("9 March")
    by_id(browser, "make-button").click()
    error = wait_for(
        lambda: (
            by_id(browser, "error-recording_url").is_displayed()
            and by_id(browser, "error-recording_url")
        ),
        "the error",
    )
    assert error.text == "Recording link must start with https:// or http://"
    assert by_id(browser, "error-date").text.startswith(
        "Date '9 March' is not a date; write it as YYYY-MM-DD"
    )
    assert by_id(browser, "f-recording_url").get_attribute("aria-invalid") == "true"
    summary = by_id(browser, "summary")
    assert summary.is_displayed()
    links = [link.text for link in summary.find_elements("css selector", "a")]
    assert links == [
        "Date '9 March' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-09",
        "Recording link must start with https:// or http://",
    ]
    assert by_id(browser, "f-client").get_attribute("value") == "Jane Miller"
    assert not by_id(browser, "error-client").is_displayed()


def test_the_switch_turns_the_page_chinese(server: Server, browser: Any) -> None:
    open_page(browser, server)
    by_id(browser, "switch-zh").click()
    wait_for(
        lambda: browser.find_element("css selector", "html").get_attribute("lang") == "zh", "zh"
    )
    assert "治疗师讲义" in browser.page_source
    assert by_id(browser, "f-lang").get_attribute("value") == "zh"
    labels = [label.text for label in browser.find_elements("css selector", ".group label")]
    assert "背部" in labels and "颈部" in labels


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axe_finds_no_serious_violation(server: Server, browser: Any, lang: str) -> None:
    open_page(browser, server, lang)
    assert serious_violations(browser) == []
    for product in ("cards", "log", "booklet", "workshop"):
        by_id(browser, f"product-{product}").click()
        assert serious_violations(browser) == [], product


def test_a_booklet_error_shows_beside_the_booklet_field(server: Server, browser: Any) -> None:
    open_page(browser, server)
    by_id(browser, "product-log").click()
    by_id(browser, "f-weeks").send_keys("2")  # the log's weeks: not sent for a booklet
    by_id(browser, "product-booklet").click()
    by_id(browser, "f-client").send_keys("Jane Miller")
    by_id(browser, "f-booklet-weeks").send_keys("13")
    by_id(browser, "make-button").click()
    error = wait_for(
        lambda: (
            by_id(browser, "error-booklet-weeks").is_displayed()
            and by_id(browser, "error-booklet-weeks")
        ),
        "the error",
    )
    assert error.text == "Weeks 13: give a number of weeks from 1 to 12"
    assert not by_id(browser, "error-weeks").is_displayed()
    by_id(browser, "f-booklet-weeks").clear()
    by_id(browser, "make-button").click()
    wait_for(lambda: by_id(browser, "download").is_displayed(), "the booklet")
    assert by_id(browser, "download").get_attribute("download") == "booklet-en-jane-miller.pdf"


def test_a_workshop_pack_from_a_roster(
    server: Server, browser: Any, tmp_path: pathlib.Path
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "id,name,lang,start,omit,omit_reason\nwf,王芳,zh,,back,腰伤\nbad,X,fr,,,\n",
        encoding="utf-8",
    )
    open_page(browser, server, "zh")
    by_id(browser, "product-workshop").click()
    assert by_id(browser, "make-button").text == "生成工作坊资料"
    by_id(browser, "f-roster").send_keys(str(roster))
    by_id(browser, "make-button").click()
    link = wait_for(
        lambda: by_id(browser, "download").is_displayed() and by_id(browser, "download"),
        "the zip",
    )
    assert link.get_attribute("download").startswith("workshop-zh-")  # one name per run
    assert not by_id(browser, "pdf").is_displayed()
    # the row left out, in the page's language (the CSV's column names as its header has them)
    said = "roster.csv 第3行（编号 'bad'）：lang：不支持的语言 'fr'，请填写 en 或 zh"
    assert said in by_id(browser, "problems").text


def test_a_workshop_shows_how_many_packets_are_made(
    server: Server, browser: Any, tmp_path: pathlib.Path
) -> None:
    """The bar's count is the worker's, packet by packet ("3 of 12 packets"), then goes."""
    roster = tmp_path / "roster.csv"
    rows = "".join(f"p{n:02},Person {n},en,,,\n" for n in range(12))
    roster.write_text("id,name,lang,start,omit,omit_reason\n" + rows, encoding="utf-8")
    open_page(browser, server)
    by_id(browser, "product-workshop").click()
    by_id(browser, "f-roster").send_keys(str(roster))
    browser.execute_script(
        """window.seenProgress = [];
        const bar = document.getElementById("progress");
        new MutationObserver(() => {
          if (!bar.hidden) window.seenProgress.push([bar.getAttribute("aria-valuenow"),
            bar.getAttribute("aria-valuemax"), bar.getAttribute("aria-valuetext"),
            document.getElementById("progress-text").textContent]);
        }).observe(bar, {attributes: true});"""
    )
    by_id(browser, "make-button").click()
    wait_for(lambda: by_id(browser, "download").is_displayed(), "the zip")
    seen = browser.execute_script("return window.seenProgress")
    assert seen, "no count was shown while the pack was made"
    for done, total, said, shown in seen:
        assert total == "12" and 0 <= int(done) <= 12
        assert said == shown == f"{done} of 12 packets"
    assert not by_id(browser, "progress").is_displayed()


DIARY = (
    "date,practised,time,minutes,protocol,before,after,notes\n"
    "2026-03-09,yes,07:30,15,standard,7,3,warm hands\n"
    "2026-03-10,yes,,,,11,3,\n"
)


def test_a_diary_makes_a_completed_log_and_a_filled_log_reads_back(
    server: Server, browser: Any, tmp_path: pathlib.Path
) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text(DIARY, encoding="utf-8")
    open_page(browser, server)
    by_id(browser, "product-log").click()
    by_id(browser, "f-name").send_keys("Jane Miller")
    by_id(browser, "f-entries").send_keys(str(diary))
    by_id(browser, "make-button").click()
    wait_for(lambda: by_id(browser, "problems").is_displayed(), "the rows left out")
    assert "diary.csv:3: before: 11 is not a rating from 0 to 10" in by_id(browser, "problems").text
    assert by_id(browser, "download").get_attribute("download") == "log-en-jane-miller.pdf"

    blank = api.log_pdf(api.load("en"), details=LogDetails(start=dt.date(2026, 3, 9), weeks=1))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank)))
    values = {"w1.d2.practised": "/Yes", "w1.d2.before": "6", "w1.d2.after": "2"}
    writer.update_page_form_field_values(writer.pages[0], values, auto_regenerate=False)
    filled = tmp_path / "filled.pdf"
    with filled.open("wb") as out:
        writer.write(out)
    by_id(browser, "f-read").send_keys(str(filled))
    by_id(browser, "format-json").click()
    by_id(browser, "read").find_element("css selector", "button").click()
    output = wait_for(
        lambda: by_id(browser, "read-output").get_attribute("textContent"), "the entries"
    )
    assert json.loads(output)[0]["date"] == "2026-03-10"
    assert by_id(browser, "read-download").text == "filled-entries.json"


def made(browser: Any) -> Any:
    return wait_for(
        lambda: by_id(browser, "download").is_displayed() and by_id(browser, "download"),
        "the result",
    )


def test_an_error_then_a_correction_never_shows_a_stale_preview(
    server: Server, browser: Any
) -> None:
    open_page(browser, server)
    by_id(browser, "f-client").send_keys("Jane Miller")
    by_id(browser, "make-button").click()
    assert made(browser).get_attribute("download") == "handout-en-jane-miller.pdf"
    assert browser.execute_script("return document.activeElement.id") == "preview-title"
    client = by_id(browser, "f-client")
    client.clear()
    client.send_keys("Tom Brown")  # an edit: Jane Miller's PDF is out of date
    assert not by_id(browser, "download").is_displayed()
    assert "press “Make the PDF” again" in by_id(browser, "status").text
    by_id(browser, "f-date").send_keys("2026-02-30")
    by_id(browser, "make-button").click()
    wait_for(lambda: by_id(browser, "summary").is_displayed(), "the error summary")
    assert browser.execute_script("return document.activeElement.id") == "summary"
    assert by_id(browser, "error-date").text == (
        "Date: 30 February does not exist; check the day and the month"
    )
    assert not by_id(browser, "download").is_displayed()
    assert not by_id(browser, "pdf").is_displayed()  # Jane Miller's PDF is gone
    by_id(browser, "f-date").clear()
    by_id(browser, "make-button").click()
    assert made(browser).get_attribute("download") == "handout-en-tom-brown.pdf"


def test_the_chinese_page_speaks_chinese_beside_every_bad_field(
    server: Server, browser: Any
) -> None:
    open_page(browser, server, "zh")
    by_id(browser, "f-date").send_keys("2026-02-30")
    by_id(browser, "f-omit_reason").send_keys("腰伤")
    by_id(browser, "f-recording_url").send_keys("ftp://example.org")
    by_id(browser, "make-button").click()
    wait_for(lambda: by_id(browser, "summary").is_displayed(), "the error summary")
    shown = [
        by_id(browser, f"error-{key}").text for key in ("date", "recording_url", "omit_reason")
    ]
    assert shown == [
        "日期：2月没有30日，请核对日期和月份",
        "录音链接须以 https:// 或 http:// 开头，请填写完整的网址",
        "跳过肌肉群的原因：请在“需要跳过的肌肉群”中勾选要跳过的肌肉群，或把此项留空",
    ]
    links = [link.text for link in by_id(browser, "summary").find_elements("css selector", "a")]
    assert links == shown  # one round, in the page's order


@pytest.mark.parametrize(
    ("page", "name", "encoding", "text"),
    [
        # Excel, English Windows, "CSV (Comma delimited)" in a comma-decimal region: ANSI, ';'
        ("en", "diary-excel.csv", "cp1252", "date;practised;time;minutes;protocol;before;after;"
         "notes\r\n23/11/2026;yes;07:30;15;standard;7;3;café\r\n24/11/2026;no;;;;;;\r\n"),
        # WPS, Chinese Windows, "CSV": GB18030, commas, dates as 2026/11/23
        ("zh", "日记-wps.csv", "gb18030", "date,practised,time,minutes,protocol,before,after,"
         "notes\r\n2026/11/23,yes,07:30,15,standard,7,3,手暖，呼吸慢\r\n"),
        # Excel, "CSV UTF-8": a byte order mark, month-first dates (US)
        ("en", "diary-utf8.csv", "utf-8-sig", "date,practised,time,minutes,protocol,before,"
         "after,notes\r\n11/23/2026,yes,,,,7,3,手暖\r\n11/24/2026,yes,,,,6,2,\r\n"),
    ],
)  # fmt: skip
def test_diaries_saved_by_excel_and_wps_make_a_completed_log(
    server: Server, browser: Any, tmp_path: pathlib.Path, page: str, name: str, encoding: str,
    text: str,
) -> None:  # fmt: skip
    diary = tmp_path / name
    diary.write_bytes(text.encode(encoding))
    open_page(browser, server, page)
    by_id(browser, "product-log").click()
    by_id(browser, "f-entries").send_keys(str(diary))
    by_id(browser, "make-button").click()
    made(browser)
    assert not by_id(browser, "summary").is_displayed()
    assert not by_id(browser, "problems").is_displayed()


def test_keyboard_only_from_the_first_field_to_the_download(
    server: Server, browser: Any, download_dir: pathlib.Path
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    open_page(browser, server)
    by_id(browser, "product-handout").click()  # the first field
    keys = ActionChains(browser)
    active = lambda: browser.execute_script("return document.activeElement.id")  # noqa: E731
    for _ in range(20):
        if active() == "f-client":
            break
        keys.send_keys(Keys.TAB).perform()
    assert active() == "f-client"
    keys.send_keys("Kay Board", Keys.ENTER).perform()  # Enter in a field makes the PDF
    made(browser)
    assert active() == "preview-title"
    keys.send_keys(Keys.TAB).perform()
    assert active() == "download"
    keys.send_keys(Keys.ENTER).perform()
    assert downloaded(download_dir, "handout-en-kay-board.pdf").startswith(b"%PDF")


def test_automatic_says_what_it_picks_and_the_switch_keeps_what_was_typed(
    server: Server, browser: Any
) -> None:
    open_page(browser, server)
    assert by_id(browser, "auto-paper").get_attribute("textContent") == "Automatic (Letter)"
    by_id(browser, "f-client").send_keys("Wang Fang")
    tick(browser, "omit-back")
    by_id(browser, "switch-zh").click()
    wait_for(
        lambda: browser.find_element("css selector", "html").get_attribute("lang") == "zh", "zh"
    )
    assert by_id(browser, "f-client").get_attribute("value") == "Wang Fang"
    assert by_id(browser, "omit-back").is_selected()
    from selenium.webdriver.support.ui import Select

    Select(by_id(browser, "f-lang")).select_by_value("zh")
    assert by_id(browser, "auto-paper").get_attribute("textContent") == "自动（Letter）"


def test_read_back_shows_chinese_in_the_pages_own_face_on_the_english_page(
    server: Server, browser: Any, tmp_path: pathlib.Path, download_dir: pathlib.Path
) -> None:
    blank = api.log_pdf(api.load("zh"), details=LogDetails(start=dt.date(2026, 3, 9), weeks=1))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank)))
    values = {"w1.d2.practised": "/Yes", "w1.d2.notes": "手暖", "w1.d3.notes": "=累"}
    values |= {"w1.reflection.noticed": "肩膀先松下来"}
    writer.update_page_form_field_values(writer.pages[0], values, auto_regenerate=False)
    filled = tmp_path / "filled-zh.pdf"
    with filled.open("wb") as out:
        writer.write(out)
    open_page(browser, server)
    by_id(browser, "read").find_element("css selector", "button").click()
    error = wait_for(lambda: by_id(browser, "error-read").text, "the missing file")
    assert error == "Filled-in log (PDF): choose the filled-in log (PDF) to read"
    by_id(browser, "f-read").send_keys(str(filled))
    by_id(browser, "read").find_element("css selector", "button").click()
    rows = wait_for(
        lambda: by_id(browser, "read-rows").find_elements("css selector", "tr"), "the entries"
    )
    # Each day named by its date, a week's reflection after its last day (issue 21 point 6);
    # a note the CSV marked as text for spreadsheets ('=累) shows as typed.
    assert [row.text for row in rows] == [
        "Tuesday 10 March Yes 手暖",
        "Wednesday 11 March No =累",
        "Sunday 15 March\nWeekly reflection\nNoticed in the body: 肩膀先松下来",
    ]
    assert "手暖" in by_id(browser, "read-output").get_attribute("textContent")  # the file, folded
    assert serious_violations(browser) == []
    script = "return document.fonts.check('14px \"PMR Sans SC\"', '手暖')"
    wait_for(lambda: browser.execute_script(script), "the page's Chinese face")
    family = (
        rows[0].find_element("css selector", "td:last-child").value_of_css_property("font-family")
    )
    assert "PMR Sans SC" in family
    link = by_id(browser, "read-download")
    link.click()
    data = downloaded(download_dir, link.text)
    assert data.startswith(b"\xef\xbb\xbfdate,")  # a BOM: Excel shows the Chinese
    assert "手暖" in data.decode("utf-8-sig")


def test_a_file_too_large_and_a_stopped_server_are_said_in_the_pages_words(
    server: Server, browser: Any, tmp_path: pathlib.Path
) -> None:
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (9 * 1024 * 1024))
    open_page(browser, server, "zh")
    by_id(browser, "f-read").send_keys(str(big))
    by_id(browser, "read").find_element("css selector", "button").click()
    error = wait_for(lambda: by_id(browser, "error-read").text, "the message beside the upload")
    assert error == "文件超过 8 MB：请选择日记、名单或已填写的记录表本身。"
    # A closed terminal: the server is gone (here: every request fails as it then does).
    browser.execute_script("window.fetch = () => Promise.reject(new TypeError('Failed to fetch'))")
    by_id(browser, "make-button").click()
    summary = wait_for(lambda: by_id(browser, "summary").text, "the summary")
    assert "页面无法连接到 pmr-print" in summary and "Failed" not in summary
    assert not by_id(browser, "download").is_displayed()


@pytest.fixture(scope="module")
def paced_server() -> Any:
    """A server whose long jobs count slowly (tests/paced_serve.py): the count is seen change."""
    from tests.browser import require_browser, start_server

    require_browser()
    running = start_server(module="tests.paced_serve")
    yield running
    running.stop()


WATCH_PROGRESS = """window.seenProgress = [];
    const bar = document.getElementById("progress");
    new MutationObserver(() => {
      if (!bar.hidden) window.seenProgress.push([bar.getAttribute("aria-valuenow"),
        bar.getAttribute("aria-valuemax"), bar.getAttribute("aria-label"),
        document.getElementById("progress-text").textContent]);
    }).observe(bar, {attributes: true});"""


@pytest.mark.parametrize(
    ("lang", "said", "label"),
    [
        (
            "en",
            "Arranging the pages for printing: page {done} of {total}",
            "Pages arranged for printing",
        ),
        ("zh", "正在排版印刷文件：第{done}页，共{total}页", "已排版的页数"),
    ],
)
def test_a_booklet_print_file_counts_its_pages_as_they_are_placed(
    paced_server: Server, browser: Any, lang: str, said: str, label: str
) -> None:
    """The count is the worker's, page by page of the print file, and it changes while the page
    waits; then it goes."""
    open_page(browser, paced_server, lang)
    by_id(browser, "product-booklet").click()
    tick(browser, "f-impose")
    browser.execute_script(WATCH_PROGRESS)
    by_id(browser, "make-button").click()
    wait_for(lambda: by_id(browser, "progress").is_displayed(), "the count")
    # the Make button is disabled meanwhile: focus waits on the preview, not on the page
    assert browser.execute_script("return document.activeElement.id") == "preview-title"
    wait_for(lambda: by_id(browser, "download").is_displayed(), "the print file")
    seen = browser.execute_script("return window.seenProgress")
    shown = {text for *_, text in seen}
    assert len(shown) >= 3, f"the count did not change: {seen}"
    for done, total, named, text in seen:
        assert 0 < int(done) <= int(total) and named == label
        assert text == said.format(done=done, total=total)
    assert not by_id(browser, "progress").is_displayed()
    assert by_id(browser, "download").get_attribute("download").startswith("booklet-print-file-")


def test_a_long_log_counts_its_weeks(paced_server: Server, browser: Any) -> None:
    open_page(browser, paced_server)
    by_id(browser, "product-log").click()
    weeks = by_id(browser, "f-weeks")
    weeks.clear()
    weeks.send_keys("20")
    browser.execute_script(WATCH_PROGRESS)
    by_id(browser, "make-button").click()
    wait_for(lambda: by_id(browser, "download").is_displayed(), "the log")
    texts = [text for *_, text in browser.execute_script("return window.seenProgress")]
    assert len(set(texts)) >= 3, texts
    assert all(re.fullmatch(r"Drawing the log: week ([1-9]|1\d|20) of 20", t) for t in texts), texts
