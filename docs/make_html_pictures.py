"""The README's picture of the accessible HTML edition, taken in headless Chromium: the Chinese
handout beside the English step cards, each as a reader's browser shows the file.

    .venv/bin/python docs/make_html_pictures.py
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import pathlib
import sys
import tempfile
import time
from typing import Any

from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pmr_print import api  # noqa: E402
from tests.browser import start_chromium  # noqa: E402

OUT = ROOT / "docs" / "html.png"
HEIGHT = 1100


def shot(driver: Any, page: str, width: int) -> Image.Image:
    """The top of `page`, opened from a file as a reader would, `width` pixels wide."""
    folder = pathlib.Path(tempfile.mkdtemp())
    path = folder / "page.html"
    path.write_text(page, encoding="utf-8")
    driver.set_window_size(width, HEIGHT)
    driver.get(path.as_uri())
    driver.execute_script("document.documentElement.style.overflow = 'hidden'")  # no scrollbar
    time.sleep(1)  # the embedded fonts
    clip = {"x": 0, "y": 0, "width": width, "height": HEIGHT, "scale": 1}
    data = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    return Image.open(io.BytesIO(base64.b64decode(data["data"]))).convert("RGB")


def main() -> None:
    zh, en = api.load("zh"), api.load("en")
    details = api.HandoutDetails(
        client="王芳", clinician="李医生", date=dt.date(2026, 3, 9), omit=("back",)
    )
    handout = api.handout_html(zh, api.PrintOptions(), details)
    cards = api.cards_html(en, api.PrintOptions(protocol="short"))
    driver = start_chromium(pathlib.Path(tempfile.mkdtemp()))
    try:
        left, right = shot(driver, handout, 820), shot(driver, cards, 900)
    finally:
        driver.quit()
    sheet = Image.new("RGB", (left.width + right.width + 24, HEIGHT), "#8a8a8a")
    sheet.paste(left, (0, 0))
    sheet.paste(right, (left.width + 24, 0))
    sheet = sheet.resize((sheet.width * 3 // 4, HEIGHT * 3 // 4), Image.LANCZOS)
    sheet.convert("P", palette=Image.ADAPTIVE, colors=128).save(OUT, optimize=True)
    print(OUT)


if __name__ == "__main__":
    main()
