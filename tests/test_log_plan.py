"""The log's plan (plans/log.py): every word of the practice log in one language, and the
bilingual booklet's log in both, each language with its own dates, weekdays and protocol name."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from pmr_print import api
from pmr_print.options import LogDetails, PrintOptions, resolve
from pmr_print.plans.log import LogPlan, joined, plan_log

START = dt.date(2026, 3, 15)  # a Sunday


def plan(lang: str) -> LogPlan:
    guide = api.load(lang)
    settings = resolve(PrintOptions(), guide)
    return plan_log(guide, settings, LogDetails(name="Jane Miller"), START, 2)


def test_a_chinese_log_says_everything_in_chinese() -> None:
    zh = plan("zh")
    assert zh.week(1).title == "第1周：2026年3月15日至2026年3月21日"
    assert zh.protocol == "练习方案：标准版"
    assert zh.name_label == "姓名："
    first = zh.week(1).days[0]
    assert (first.weekday, first.day, first.line) == ("星期日", "3月15日", "3月15日周日")
    assert zh.pages == ("第1页，共2页", "第2页，共2页")


def test_two_plans_join_line_by_line_each_in_its_own_words() -> None:
    both = joined([plan("en"), plan("zh")])
    assert both.week(1).title == (
        "Week 1: March 15, 2026 to March 21, 2026 · 第1周：2026年3月15日至2026年3月21日"
    )
    assert both.protocol == "Protocol: Standard · 练习方案：标准版"
    assert both.name_label == "Name: · 姓名："
    assert both.footer == "Practice log · 练习记录 · Jane Miller"
    day = both.week(1).days[0]
    assert (day.weekday, day.day, day.line) == (
        "Sunday · 星期日",
        "Mar 15 · 3月15日",
        "Sun, Mar 15 · 周日",
    )
    assert both.tag == "en-US" and both.name == "Jane Miller"


@pytest.fixture(scope="module")
def bilingual_log() -> str:
    """The text of the bilingual booklet's first log spread."""
    details = api.BookletDetails(client="Jane Miller", date=dt.date(2026, 3, 9), weeks=1)
    data = api.booklet_pdf(api.load("bi"), PrintOptions(), details)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    start = next(i for i, text in enumerate(pages) if "Week 1" in text)
    return "".join("".join(text.split()) for text in pages[start : start + 2])


def test_the_bilingual_booklets_log_dates_and_names_the_chinese_in_chinese(
    bilingual_log: str,
) -> None:
    assert "第1周：2026年3月15日至2026年3月21日" in bilingual_log  # not 第1周：March 15, 2026
    # the protocol line, when the week's title leaves it room, reads 练习方案：标准版 (the plan)
    for weekday in ("周日", "周一", "周六"):  # not English-only weekdays
        assert weekday in bilingual_log
    assert "第1周：March" not in bilingual_log and "练习方案：Standard" not in bilingual_log
