"""The pictures of `pmr-print serve` in docs/http-api.md, taken in headless Chromium (as the
browser tests drive it), one per state: the English page with a handout made, the Chinese page
with a log made, bad fields in English and in Chinese, a preview gone out of date after an edit,
a result in an 800-pixel window, a booklet print file counting its pages, and a filled-in Chinese
log read back on the English page with its weekly reflection.

    .venv/bin/python docs/make_web_pictures.py             # docs/web-*.png
    .venv/bin/python docs/make_web_pictures.py --look DIR  # and each new state at 800 px, in DIR
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys
import tempfile
import time
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import start_chromium, start_server  # noqa: E402

DOCS = ROOT / "docs"
WIDTH, HEIGHT = 1280, 1400
NARROW = 800


def wait(condition: Any, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        time.sleep(0.1)


def shoot(driver: Any, name: str, top: bool = True, folder: pathlib.Path = DOCS) -> None:
    """What the window shows, as PNG (from the top of the page, or where it is scrolled). (A CDP
    capture beyond the viewport makes the PDF viewer draw nothing, so the window is made as tall
    as the picture instead.)"""
    if top:
        driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.5)
    driver.save_screenshot(str(folder / name))
    print(folder / name)


def fill(driver: Any, element_id: str, text: str) -> None:
    field = driver.find_element("id", element_id)
    field.clear()
    field.send_keys(text)


def click(driver: Any, element_id: str) -> None:
    """A click clear of the Make bar at the window's foot."""
    element = driver.find_element("id", element_id)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def make(driver: Any) -> None:
    driver.find_element("id", "make-button").click()
    wait(lambda: driver.find_element("id", "download").is_displayed())


def chinese_errors(server: Any) -> None:
    driver = start_chromium(pathlib.Path(tempfile.mkdtemp()), lang="zh-CN")
    try:
        driver.set_window_size(WIDTH, 1000)
        driver.get(server.url)
        fill(driver, "f-client", "王芳")
        fill(driver, "f-date", "2026-02-30")
        fill(driver, "f-recording_url", "ftp://example.org/pmr")
        fill(driver, "f-omit_reason", "腰伤")
        driver.find_element("id", "make-button").click()
        wait(lambda: driver.find_element("id", "error-date").is_displayed())
        shoot(driver, "web-zh-error.png")
    finally:
        driver.quit()


def narrow(server: Any) -> None:
    """A window beside the records system: the result comes into view after the form."""
    driver = start_chromium(pathlib.Path(tempfile.mkdtemp()), lang="en-GB")
    try:
        driver.set_window_size(800, 1000)
        driver.get(server.url + "en")
        fill(driver, "f-client", "Jane Miller")
        make(driver)
        time.sleep(4)
        shoot(driver, "web-narrow.png", top=False)
    finally:
        driver.quit()


def filled_log() -> pathlib.Path:
    """A Chinese log filled in on screen: two days and the week's reflection."""
    import io

    import pypdf

    from pmr_print import api
    from pmr_print.options import LogDetails

    blank = api.log_pdf(api.load("zh"), details=LogDetails(start=dt.date(2026, 3, 9), weeks=1))
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank)))
    values = {"w1.d1.practised": "/Yes", "w1.d1.before": "7", "w1.d1.after": "3"}
    values |= {"w1.d1.notes": "手暖，呼吸慢", "w1.d2.practised": "/Yes", "w1.d2.before": "6"}
    values |= {"w1.reflection.relaxed": "比上周放松", "w1.reflection.noticed": "肩膀先松下来"}
    writer.update_page_form_field_values(writer.pages[0], values, auto_regenerate=False)
    filled = pathlib.Path(tempfile.mkdtemp()) / "wang-fang-log.pdf"
    with filled.open("wb") as out:
        writer.write(out)
    return filled


def read_back(driver: Any, server: Any, name: str, folder: pathlib.Path = DOCS) -> None:
    """A Chinese log filled in on screen, read back on the English page."""
    driver.get(server.url + "en")
    driver.find_element("id", "f-read").send_keys(str(filled_log()))
    driver.find_element("css selector", "#read button").click()
    wait(lambda: driver.find_element("id", "read-rows").text)
    result = driver.find_element("id", "read-result")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", result)
    time.sleep(1)
    shoot(driver, name, top=False, folder=folder)


def progress(width: int, name: str, folder: pathlib.Path = DOCS) -> None:
    """A booklet print file on the Chinese page, its pages counted as they are placed (a server
    whose counts come slowly, tests/paced_serve.py, so that the bar is caught half way)."""
    server = start_server(module="tests.paced_serve")
    driver = start_chromium(pathlib.Path(tempfile.mkdtemp()), lang="zh-CN")
    try:
        driver.set_window_size(width, 1000)
        driver.get(server.url)
        fill(driver, "f-client", "王芳")
        click(driver, "product-booklet")
        click(driver, "f-impose")
        driver.find_element("id", "make-button").click()
        bar = driver.find_element("id", "progress")
        wait(lambda: int(bar.get_attribute("aria-valuenow") or 0) >= 12)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", bar)
        shoot(driver, name, top=False, folder=folder)
        wait(lambda: driver.find_element("id", "download").is_displayed())
    finally:
        driver.quit()
        server.stop()


def look(folder: pathlib.Path) -> None:
    """The new states in an 800-pixel window too, to look at (not for the docs)."""
    progress(NARROW, "web-progress-800.png", folder)
    server = start_server()
    driver = start_chromium(pathlib.Path(tempfile.mkdtemp()))
    try:
        driver.set_window_size(NARROW, 1000)
        read_back(driver, server, "web-read-800.png", folder)
    finally:
        driver.quit()
        server.stop()


def chinese(server: Any) -> None:
    """The page as a Chinese browser opens it: Accept-Language picks the language."""
    driver = start_chromium(pathlib.Path(tempfile.mkdtemp()), lang="zh-CN")
    try:
        driver.set_window_size(WIDTH, HEIGHT)
        driver.get(server.url)
        driver.find_element("id", "product-log").click()
        fill(driver, "f-name", "王芳")
        fill(driver, "f-weeks", "2")
        driver.find_element("id", "make-button").click()
        wait(lambda: driver.find_element("id", "download").is_displayed())
        time.sleep(6)  # the viewer draws the pages (slowly on a busy machine)
        shoot(driver, "web-zh.png")
    finally:
        driver.quit()


def main() -> None:
    server = start_server()
    driver = start_chromium(pathlib.Path(tempfile.mkdtemp()))
    try:
        chinese(server)
        chinese_errors(server)
        narrow(server)
        driver.set_window_size(WIDTH, HEIGHT)
        driver.get(server.url + "en")
        fill(driver, "f-client", "Jane Miller")
        fill(driver, "f-clinician", "Dr Lee")
        fill(driver, "f-clinic", "Riverside Clinic")
        for group in ("back", "neck"):
            click(driver, f"omit-{group}")
        fill(driver, "f-omit_reason", "recent back injury")
        make(driver)
        time.sleep(4)  # the viewer draws the first page
        shoot(driver, "web-en.png")
        fill(driver, "f-client", "Tom Brown")  # an edit: Jane Miller's PDF is out of date
        shoot(driver, "web-stale.png")

        driver.get(server.url + "en")
        fill(driver, "f-client", "Jane Miller")
        fill(driver, "f-date", "2026-02-30")
        fill(driver, "f-recording_url", "ftp://example.org/pmr")
        fill(driver, "f-omit_reason", "recent back injury")
        driver.find_element("id", "make-button").click()
        wait(lambda: driver.find_element("id", "error-date").is_displayed())
        shoot(driver, "web-error.png")
        driver.set_window_size(WIDTH, 1000)
        read_back(driver, server, "web-read.png")
    finally:
        driver.quit()
        server.stop()
    progress(WIDTH, "web-progress.png")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--look"]:
        look(pathlib.Path(sys.argv[2]))
    else:
        main()
