"""The practice page of `pmr-print serve` and the spoken session it plays, built in the worker."""

from __future__ import annotations

import dataclasses
import html
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from pmr_print import api
from pmr_print.messages import catalog
from pmr_print.options import HandoutDetails, PrintOptions
from pmr_print.plans.session import SessionPlan
from pmr_print.web.app import make_app
from pmr_print.web.practice import EN, PRACTICE_TEXTS, PracticeText, timing
from pmr_print.web.workers import Workers

PORT = 8766
BASE = f"http://127.0.0.1:{PORT}"


@pytest.fixture(scope="module")
def workers() -> Iterator[Workers]:
    found = Workers(None)
    yield found
    found.close()


@pytest.fixture(scope="module")
def client(workers: Workers) -> Iterator[TestClient]:
    with TestClient(make_app(PORT, workers=workers), base_url=BASE) as test_client:
        yield test_client


def test_a_bad_session_is_answered_from_the_worker_and_not_kept(
    client: TestClient, workers: Workers
) -> None:
    response = client.get("/api/audio?lang=en&protocol=brief&format=wav")
    assert response.status_code == 400
    assert "brief" in response.json()["errors"][0]["message"]
    assert workers.sessions == {}
    legs = "feet,lower-legs,upper-legs,buttocks"
    rest = "abdomen,chest,back,shoulders,arms-hands,neck,jaw,eyes,forehead"
    left_all = client.get(f"/api/audio?lang=zh&protocol=short&omit={legs},{rest}")
    assert left_all.status_code == 400
    assert workers.sessions == {}


def short_plan(lang: str = "en", omit: tuple[str, ...] = ()) -> SessionPlan:
    options, details = PrintOptions(protocol="short"), HandoutDetails(omit=omit)
    return api.session_plan(api.load(lang), options, details)


def test_the_pages_timing_follows_the_plan_part_by_part() -> None:
    plan = short_plan("en", ("forehead", "eyes", "jaw", "neck"))
    parts = timing(plan)
    assert [part["id"] for part in parts] == [
        "briefing", "preparation", "step-1", "step-2", "step-3", "quiet", "count-out"
    ]  # fmt: skip
    assert parts[0]["at"] == 0.0 and parts[-1]["end"] == plan.seconds
    for part, following in zip(parts, parts[1:], strict=False):
        assert part["end"] == following["at"]  # no gap, no overlap: every moment has a part
    step = parts[3]
    assert step["title"] == "2. Shoulders, chest, back and stomach"
    assert (step["step"], step["figure"]) == ("Step 2 of 3", 2)
    tense, relax = step["phases"]
    assert (tense["kind"], tense["end"] - tense["at"]) == ("tense", 7.0)
    assert tense["cue"] == "Keep breathing"
    assert (relax["kind"], relax["at"], relax["end"] - relax["at"]) == ("relax", tense["end"], 20.0)
    said = {line["text"]: line["at"] for line in step["lines"]}
    assert said["Now… tense."] == tense["at"] and said["And release."] == relax["at"]
    quiet = parts[5]
    assert quiet["phases"] == [{"kind": "quiet", "at": quiet["at"], "end": quiet["at"] + 60.0,
                                "cue": ""}]  # fmt: skip
    assert quiet["end"] == quiet["at"] + 60.0 and quiet["figure"] is None


def test_the_page_and_the_audio_run_on_one_clock(client: TestClient) -> None:
    """Every line the page shows starts when the audio's captions say it is said."""
    page = client.get("/practice?lang=zh&protocol=short&omit=arms-hands")
    assert page.status_code == 200
    shown = embedded_plan(page.text)
    assert shown == timing(short_plan("zh", ("arms-hands",)))
    audio = re.search(r'<audio id="audio" preload="auto" src="([^"]+)"', page.text)
    assert audio is not None
    src = html.unescape(audio.group(1))
    assert src == "/api/audio?lang=zh&protocol=short&format=wav&omit=arms-hands"
    captions = client.get(src.replace("format=wav", "format=vtt")).text
    starts = [seconds(stamp) for stamp in re.findall(r"(\S+) --> ", captions)]
    assert starts == [line["at"] for part in shown for line in part["lines"]]


def test_the_page_in_each_language(client: TestClient) -> None:
    zh = client.get("/practice?lang=zh&protocol=short")
    assert zh.headers["content-security-policy"].endswith("; media-src 'self'")
    assert '<html lang="zh">' in zh.text and "跟随语音练习" in zh.text and "收紧" in zh.text
    visible = re.sub(r"<script.*?</script>|<[^>]+>|\{\{.*?\}\}", " ", zh.text, flags=re.S)
    english = set(re.findall(r"[A-Za-z]{3,}", html.unescape(visible))) - {"PMR", "Print", "English"}
    assert english == set()  # nothing English on the Chinese page
    en = client.get("/practice", headers={"accept-language": "en-GB"})
    assert '<html lang="en">' in en.text and "Practise with the voice" in en.text
    assert "Protocol: Standard" in en.text  # the standard protocol unless asked
    assert client.get("/practice?protocol=brief").status_code == 400
    assert 'href="/practice?lang=zh" id="practice-link">跟随语音练习' in client.get("/zh").text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_practice_pages_words_come_from_the_catalog(lang: str) -> None:
    english = {key.partition("\x04")[2] for key in catalog("en") if key.startswith("practice\x04")}
    words = PRACTICE_TEXTS[lang]
    for field in dataclasses.fields(PracticeText):
        if field.name != "lang":
            assert getattr(EN, field.name) in english, field.name
            if lang == "zh":
                word = getattr(words, field.name)
                assert word != getattr(EN, field.name), field.name
                assert set(re.findall(r"[A-Za-z]+", word)) <= {"K", "N", "P"}, field.name


def test_two_requests_for_a_session_wait_for_one_build(workers: Workers) -> None:
    first = workers.session_future("en", "release-only", (), "wav")
    second = workers.session_future("en", "release-only", (), None)  # the captions: any format
    assert second is first
    assert workers.recording("en", "release-only", (), "wav").media_type == "audio/wav"


def embedded_plan(page: str) -> list[dict[str, Any]]:
    found = re.search(r'<script type="application/json" id="plan">(.*?)</script>', page, re.S)
    assert found is not None
    data: list[dict[str, Any]] = json.loads(found.group(1))
    return data


def seconds(stamp: str) -> float:
    hours, minutes, rest = stamp.split(":")
    return round(int(hours) * 3600 + int(minutes) * 60 + float(rest), 1)


def test_the_kept_sessions_let_the_oldest_go_past_the_memory_budget(
    workers: Workers, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pmr_print.web.workers.AUDIO_BYTES", 1)
    workers.recording("en", "release-only", (), "wav")
    workers.recording("zh", "release-only", (), "wav")
    assert [key[0] for key in workers.sessions] == ["zh"]  # the one just built stays
