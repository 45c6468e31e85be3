"""The practice page in a real browser: Debian's headless Chromium, against `pmr-print serve`.
The short protocol keeps the session's build to a few seconds."""

from __future__ import annotations

import time
from typing import Any

import pytest

from pmr_print import api
from pmr_print.options import PrintOptions
from pmr_print.web.practice import PRACTICE_TEXTS, timing
from tests.browser import Server, serious_violations

pytestmark = pytest.mark.browser

WAIT_SECONDS = 60  # the first request of a session builds it (about 3 s on a calm machine)


def wait_for(condition: Any, what: str, seconds: float = WAIT_SECONDS) -> Any:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"waited {seconds} s for {what}")


def short_parts(lang: str) -> list[dict[str, Any]]:
    return timing(api.session_plan(api.load(lang), PrintOptions(protocol="short")))


def open_practice(browser: Any, server: Server, lang: str) -> None:
    browser.get(f"{server.url}practice?lang={lang}&protocol=short")
    wait_for(lambda: script(browser, "return document.readyState") == "complete", "the page")
    wait_for(lambda: script(browser, "return audio().readyState") >= 1, "the session's audio")


def script(browser: Any, body: str, *args: Any) -> Any:
    """Run `body` with audio() and text(id) at hand."""
    helpers = (
        "const audio = () => document.getElementById('audio');"
        "const text = (id) => document.getElementById(id).textContent;"
    )
    return browser.execute_script(helpers + body, *args)


def seek(browser: Any, seconds: float) -> None:
    script(browser, "audio().currentTime = arguments[0];", seconds)
    wait_for(lambda: abs(script(browser, "return audio().currentTime") - seconds) < 0.01, "seek")
    wait_for(lambda: not script(browser, "return audio().seeking"), "the seek to end")


def shown(browser: Any) -> dict[str, Any]:
    return dict(
        script(
            browser,
            """
            const figure = [...document.querySelectorAll('.pose')].find((e) => e.offsetParent);
            const countdown = document.getElementById('countdown');
            return {title: text('part-title'), step: text('step-line'),
                    count: countdown.classList.contains('idle') ? null : text('count-number'),
                    phase: text('phase-label'), caption: text('caption'),
                    figure: figure ? figure.dataset.figure + ' ' + figure.dataset.pose : null,
                    current: document.querySelector('[aria-current=step]').textContent};
            """,
        )
    )


def press(browser: Any, key: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(key).perform()


def off_origin(browser: Any, server: Server) -> list[str]:
    names = script(browser, "return performance.getEntriesByType('resource').map(e => e.name)")
    return [name for name in names if not name.startswith(server.url)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_page_shows_the_plan_at_the_audios_time(
    server: Server, browser: Any, lang: str
) -> None:
    open_practice(browser, server, lang)
    words = PRACTICE_TEXTS[lang]
    parts = short_parts(lang)
    step = parts[3]  # the second step
    tense, relax = step["phases"]
    seek(browser, tense["at"] + 2.5)  # mid-hold: 4.5 of 7 s left
    found = shown(browser)
    assert found["title"] == found["current"] == step["title"]
    assert found["step"] == step["step"]
    assert found["count"] == "5"  # 4.5 s left, counted up to the whole second
    assert (found["phase"], found["figure"]) == (words.tense, "2 tense")
    said = [line for line in step["lines"] if line["at"] <= tense["at"] + 2.5]
    assert found["caption"] == said[-1]["text"]
    seek(browser, relax["at"] + 12.2)
    found = shown(browser)
    assert (found["count"], found["phase"], found["figure"]) == ("8", words.relax, "2 rest")
    seek(browser, parts[1]["at"] + 3)  # the preparation: no figure, no countdown
    found = shown(browser)
    assert (found["title"], found["count"], found["figure"]) == (parts[1]["title"], None, None)
    assert serious_violations(browser) == []
    assert off_origin(browser, server) == []
    loaded = "return performance.getEntriesByType('resource').map(e => e.name)"
    fonts = [name for name in script(browser, loaded) if "/fonts/" in name]
    face = "NotoSansSC-Regular" if lang == "zh" else "NotoSans-Regular"
    assert f"{server.url}fonts/{face}.ttf" in fonts  # the page's faces, from this server


def test_next_and_previous_go_from_part_to_part(server: Server, browser: Any) -> None:
    open_practice(browser, server, "en")
    parts = short_parts("en")
    seek(browser, parts[2]["at"] + 20)  # inside the first step
    browser.find_element("id", "next").click()
    assert script(browser, "return audio().currentTime") == pytest.approx(parts[3]["at"], abs=0.01)
    assert shown(browser)["title"] == parts[3]["title"]
    assert script(browser, "return text('announce')") == parts[3]["title"]  # said politely
    browser.find_element("id", "previous").click()
    browser.find_element("id", "previous").click()
    assert shown(browser)["title"] == parts[1]["title"]
    browser.find_element("css selector", "button.part[data-part='6']").click()  # the quiet time
    assert shown(browser)["current"] == parts[6]["title"]


def test_start_plays_and_pause_stops_the_clock(server: Server, browser: Any) -> None:
    open_practice(browser, server, "en")
    words = PRACTICE_TEXTS["en"]
    play = browser.find_element("id", "play")
    assert play.text == words.start
    play.click()
    wait_for(lambda: script(browser, "return audio().currentTime") > 0.5, "the session to play")
    assert play.text == words.pause
    play.click()
    wait_for(lambda: script(browser, "return audio().paused"), "the pause")
    stopped = script(browser, "return audio().currentTime")
    time.sleep(1.0)
    assert script(browser, "return audio().currentTime") == stopped
    assert (play.text, script(browser, "return text('status')")) == (words.resume, words.paused)


def test_the_page_works_from_the_keyboard_alone(server: Server, browser: Any) -> None:
    open_practice(browser, server, "en")
    parts = short_parts("en")
    script(browser, "document.activeElement.blur()")
    press(browser, "k")  # plays
    wait_for(lambda: script(browser, "return audio().currentTime") > 0.3, "the session to play")
    press(browser, "n")
    wait_for(lambda: shown(browser)["title"] == parts[1]["title"], "the next part")
    press(browser, "\ue014")  # the right arrow
    wait_for(lambda: shown(browser)["title"] == parts[2]["title"], "the part after")
    press(browser, "\ue012")  # the left arrow
    wait_for(lambda: shown(browser)["title"] == parts[1]["title"], "the previous part")
    press(browser, " ")  # pauses
    wait_for(lambda: script(browser, "return audio().paused"), "the pause")
    order = []
    for _ in range(5):  # Tab reaches every control, each a real button
        press(browser, "\ue004")
        order.append(
            script(browser, "const e = document.activeElement; return e.tagName + '#' + e.id")
        )
    assert order[2:] == ["BUTTON#previous", "BUTTON#play", "BUTTON#next"]  # after two links
    press(browser, "\ue007")  # Enter on Next
    wait_for(lambda: shown(browser)["title"] == parts[2]["title"], "Next by Enter")


def test_reduced_motion_shows_the_count_without_the_ring(server: Server, browser: Any) -> None:
    features = [{"name": "prefers-reduced-motion", "value": "reduce"}]
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": features})
    try:
        open_practice(browser, server, "zh")
        seek(browser, short_parts("zh")[2]["phases"][1]["at"] + 1)
        assert shown(browser)["count"] == "19"
        ring = "return getComputedStyle(document.querySelector('.ring')).display"
        bar = "return getComputedStyle(document.getElementById('track-bar')).transitionDuration"
        assert (script(browser, ring), script(browser, bar)) == ("none", "0s")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
