"""The README's pictures of `pmr-print serve`, taken in headless Chromium (as the browser tests
drive it): the English page with a handout made, the Chinese page, and a validation error.

    .venv/bin/python docs/make_web_pictures.py
"""

from __future__ import annotations

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


def wait(condition: Any, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        time.sleep(0.1)


def shoot(driver: Any, name: str) -> None:
    """What the window shows, as PNG. (A CDP capture beyond the viewport makes the PDF viewer
    draw nothing, so the window is made as tall as the picture instead.)"""
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.5)
    driver.save_screenshot(str(DOCS / name))
    print(DOCS / name)


def fill(driver: Any, element_id: str, text: str) -> None:
    field = driver.find_element("id", element_id)
    field.clear()
    field.send_keys(text)


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
        driver.set_window_size(WIDTH, HEIGHT)
        driver.get(server.url + "en")
        fill(driver, "f-client", "Jane Miller")
        fill(driver, "f-clinician", "Dr Lee")
        fill(driver, "f-clinic", "Riverside Clinic")
        for group in ("back", "neck"):
            driver.find_element("id", f"omit-{group}").click()
        fill(driver, "f-omit_reason", "recent back injury")
        driver.find_element("id", "make-button").click()
        wait(lambda: driver.find_element("id", "download").is_displayed())
        time.sleep(4)  # the viewer draws the first page
        shoot(driver, "web-en.png")

        driver.get(server.url + "en")
        fill(driver, "f-client", "Jane Miller")
        fill(driver, "f-date", "9 March")
        fill(driver, "f-recording_url", "ftp://example.org/pmr")
        driver.find_element("id", "omit-back").click()
        driver.find_element("id", "f-paper").send_keys("A4")
        driver.find_element("id", "make-button").click()
        wait(lambda: driver.find_element("id", "error-date").is_displayed())
        shoot(driver, "web-error.png")
    finally:
        driver.quit()
        server.stop()


if __name__ == "__main__":
    main()
