"""The page in a real browser: Debian's headless Chromium, against `pmr-print serve`."""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
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
    by_id(browser, "omit-back").click()
    by_id(browser, "omit-neck").click()
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
    assert "Back" in text and "Neck" in text and "recent back injury" in text


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
    assert link.get_attribute("download") == "workshop-zh.zip"
    assert not by_id(browser, "pdf").is_displayed()
    assert "roster.csv:3: id 'bad'" in by_id(browser, "problems").text


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
    output = wait_for(lambda: by_id(browser, "read-output").text, "the entries")
    assert json.loads(output)[0]["date"] == "2026-03-10"
    assert by_id(browser, "read-download").text == "filled-entries.json"
