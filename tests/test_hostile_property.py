"""Issue 15's property: any name, reason, note or entry gives a PDF or one clear PmrError, never a
traceback or a hang, and text that prints is read back from the PDF exactly as typed."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmr_print import api
from pmr_print.options import HandoutDetails, LogDetails, PrintOptions
from pmr_print.practice_log.entries import COLUMNS, read_entries
from pmr_print.problems import PmrError
from tests.pdfcheck import squeezed

pytestmark = pytest.mark.slow  # hypothesis builds hundreds of products

GUIDES = {lang: api.load(lang) for lang in ("en", "zh")}
EXAMPLES = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# What a clinician or client may type: Latin with accents, markup and entity look-alikes, quotes,
# Chinese, digits, punctuation of both scripts, spaces.
PRINTABLE = st.sampled_from(
    list("AaZzÉéßñøÆœ0189 <>&;\"'/\\=#%{}[]()*_-–—…“”‘’·,.!?:@$")
    + list("王芳李医生，。、：；！？（）《》发热沉重")
)
# And what they should not, but might: controls, line breaks, emoji, characters no font has.
HOSTILE = st.sampled_from(
    ["\n", "\t", "\r", "\x00", "\x1b", "\x85", "\u2028", "💪", "\U000e0001", "\ufffe"]
)
TEXT = st.text(PRINTABLE | HOSTILE, max_size=40)
NAME = st.text(PRINTABLE, min_size=1, max_size=40).filter(lambda s: s.strip())


def printable(text: str) -> bool:
    return all(char not in "\n\t\r\x00\x1b\x85\u2028💪\U000e0001\ufffe" for char in text)


def bare(text: str) -> str:
    return "".join(text.split())


@EXAMPLES
@given(lang=st.sampled_from(["en", "zh"]), client=TEXT, clinician=TEXT, reason=TEXT)
def test_any_handout_details_print_as_typed_or_fail_in_one_line(
    lang: str, client: str, clinician: str, reason: str
) -> None:
    try:
        details = HandoutDetails(client=client, clinician=clinician, omit=("back",),
                                 omit_reason=reason, date=dt.date(2026, 3, 9))  # fmt: skip
        data = api.handout_pdf(GUIDES[lang], PrintOptions(), details)
    except PmrError as error:
        assert "\n" not in str(error) and not all(map(printable, (client, clinician, reason)))
        return
    text = squeezed(data)
    for value in (client, clinician, reason):
        assert bare(value.replace("\n", " ").replace("\t", " ")) in text


@EXAMPLES
@given(name=NAME)
def test_any_printable_log_name_is_printed_as_typed(name: str) -> None:
    details = LogDetails(name=name, start=dt.date(2026, 3, 9), weeks=1)
    data = api.log_pdf(GUIDES["zh"], PrintOptions(), details)
    text = squeezed(data)
    assert bare(name) in text or bare(name)[:5] in text  # long names end in "…" in the header


ROW = st.fixed_dictionaries(
    {
        "day": st.integers(0, 13),
        "practised": st.sampled_from(["yes", "no", "", "x", "是", "maybe"]),
        "time": TEXT,
        "minutes": st.sampled_from(["", "0", "15", "999", "1000", "-1", "abc", "1e3"]),
        "protocol": st.sampled_from(["", "standard", "Short", "nope"]),
        "before": st.sampled_from(["", "0", "7", "10", "11"]),
        "after": st.sampled_from(["", "3", "10", "x"]),
        "notes": TEXT,
    }
)


@EXAMPLES
@given(rows=st.lists(ROW, min_size=1, max_size=6))
def test_any_entries_give_good_rows_printed_as_typed_and_problems_for_the_rest(rows) -> None:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for row in rows:
        day = (dt.date(2026, 3, 9) + dt.timedelta(days=row["day"])).isoformat()
        writer.writerow([day, *(row[column] for column in COLUMNS[1:])])
    guide = GUIDES["en"]
    parsed = read_entries(
        out.getvalue(), "d.csv", "csv", {"standard": "Standard", "short": "Short"}
    )
    for problem in parsed.problems:
        assert "\n" not in str(problem) and str(problem).startswith("d.csv:")
    if not parsed.entries:
        return
    try:
        data = api.log_pdf(guide, PrintOptions(locale="en_GB"), entries=parsed.entries)
    except PmrError as error:  # a character no font has: the command line reports its row
        assert "\n" not in str(error) and "is not in any font" in str(error)
        return
    text = squeezed(data)
    for entry in parsed.entries:
        assert bare(entry.notes) in text and bare(entry.time) in text
