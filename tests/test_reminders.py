"""Practice reminders (issue 24): an .ics calendar of the practice plan, daily at a floating
local time over the log's weeks, with an alarm, in the client's language."""

from __future__ import annotations

import datetime as dt
import pathlib
import re

import pytest

from pmr_print import api, cli
from pmr_print.options import LogDetails, PrintOptions
from pmr_print.problems import UsageError

START = dt.date(2026, 3, 9)


def calendar(lang: str, weeks: int | None = None) -> str:
    details = LogDetails(start=START, weeks=weeks)
    return api.reminders(api.load(lang), PrintOptions(), details, dt.time(7, 30))


def properties(ics: str) -> list[tuple[str, str]]:
    """(name with parameters, value) of every content line, unfolded (RFC 5545, 3.1)."""
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    lines = ics.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = re.sub(r"\r\n ", "", ics).split("\r\n")[:-1]
    return [tuple(line.split(":", 1)) for line in unfolded]  # type: ignore[misc]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_reminders_repeat_daily_at_a_local_time_with_an_alarm_over_the_logs_weeks(
    lang: str,
) -> None:
    found = dict(properties(calendar(lang, weeks=2)))
    assert found["DTSTART"] == "20260309T073000"  # floating: no Z, no time zone
    assert found["RRULE"] == "FREQ=DAILY;COUNT=14"
    assert found["ACTION"] == "DISPLAY" and found["TRIGGER"] == "PT0M"
    names = [name for name, _ in properties(calendar(lang))]
    assert names[0] == "BEGIN" and names.count("BEGIN") == names.count("END") == 3
    assert dict(properties(calendar(lang)))["RRULE"] == "FREQ=DAILY;COUNT=28"  # the log's 4


def test_chinese_reminders_say_nothing_in_english() -> None:
    found = dict(properties(calendar("zh")))
    said = [found["SUMMARY;LANGUAGE=zh"], found["DESCRIPTION;LANGUAGE=zh"], found["X-WR-CALNAME"]]
    assert all(not re.search(r"[A-Za-z]{2,}", value.replace("\\n", " ")) for value in said)
    assert "练习" in found["SUMMARY;LANGUAGE=zh"]


def test_the_same_plan_gives_the_same_calendar() -> None:
    assert calendar("en") == calendar("en")


def test_pmr_print_reminders_writes_an_ics(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "r.ics"
    assert cli.main(["reminders", "--lang", "zh", "--time", "21:15", "-o", str(out)]) == 0
    assert "T211500\r\n" in out.read_bytes().decode("utf-8")


def test_a_bad_time_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["reminders", "--time", "7pm", "-o", "-"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_bilingual_reminders_are_refused() -> None:
    with pytest.raises(UsageError, match="one language"):
        api.reminders(api.load("bi"))
