"""The weekly practice log: fields, fill and read back, completed log and chart, weeks, fonts."""

from __future__ import annotations

import datetime as dt
import io
import json
import pathlib
import subprocess
import sys

import pypdf
import pytest

from pmr_print import api, cli
from pmr_print.options import LogDetails, PrintOptions
from pmr_print.plans.log import plan_log
from pmr_print.practice_log.calendar import LogWeeks, coming_week_start, week_start_on_or_before
from pmr_print.practice_log.entries import Entry, read_entries
from pmr_print.practice_log.fields import DAY_FIELDS, START_FIELD
from pmr_print.practice_log.progress import tension_series, week_summaries
from tests.conftest import ROOT
from tests.pdfcheck import (
    page_sizes,
    page_texts,
    pdffonts_rows,
    qpdf_check,
    squeezed,
    unembedded_fonts,
)

START = dt.date(2026, 12, 7)  # a Monday
WEEKS = 2


@pytest.fixture(scope="module")
def blank_zh() -> bytes:
    details = LogDetails(name="王芳", start=START, weeks=WEEKS)
    return api.log_pdf(api.load("zh"), PrintOptions(locale="zh_CN"), details)


FILLED = {
    "w1.d1.practised": "/Yes",
    "w1.d1.time": "睡前",
    "w1.d1.minutes": "15",
    "w1.d1.protocol": "标准版",
    "w1.d1.before": "7",
    "w1.d1.after": "3",
    "w1.d1.notes": "手心发热，肩膀沉重；呼吸变慢",
    "w1.d3.practised": "/Yes",
    "w1.d3.before": "6",
    "w1.d3.after": "10",
    "w1.d3.notes": "tingling 发麻",
    "w2.d7.practised": "/Yes",
    "w2.d7.minutes": "20",
    "w2.d7.before": "5",
    "w2.d7.after": "0",
    "w1.reflection.relaxed": "比上周放松多了。",
}
# The week's reflection reads back on the row of the week's last day (Sunday 13 December), a row
# of its own since that day was left empty (issue 21 point 6).
EXPECTED_CSV = (
    "date,practised,time,minutes,protocol,before,after,notes,reflection_relaxed,reflection_noticed\n"
    "2026-12-07,yes,睡前,15,标准版,7,3,手心发热，肩膀沉重；呼吸变慢,,\n"
    "2026-12-09,yes,,,,6,10,tingling 发麻,,\n"
    "2026-12-13,,,,,,,,比上周放松多了。,\n"
    "2026-12-20,yes,,20,,5,0,,,\n"
)


@pytest.fixture(scope="module")
def filled_zh(blank_zh: bytes) -> bytes:
    """The blank log filled by pypdf, as a client's viewer would fill it."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank_zh)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, FILLED, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_every_field_of_every_day_has_its_documented_name(blank_zh: bytes) -> None:
    fields = pypdf.PdfReader(io.BytesIO(blank_zh)).get_fields() or {}
    for week in range(1, WEEKS + 1):
        for day in range(1, 8):
            for column in DAY_FIELDS:
                assert f"w{week}.d{day}.{column}" in fields, (week, day, column)
        assert f"w{week}.reflection.relaxed" in fields
        assert f"w{week}.reflection.noticed" in fields
    assert fields[START_FIELD]["/V"] == "2026-12-07"
    assert fields["w1.d1.practised"]["/FT"] == "/Btn"
    assert fields["w1.d1.before"]["/FT"] == "/Ch"
    assert fields["w1.d1.before"]["/Opt"] == ["", *map(str, range(11))]
    assert "标准版" in fields["w2.d7.protocol"]["/Opt"]


def test_tab_order_goes_day_by_day_left_to_right(blank_zh: bytes) -> None:
    page = pypdf.PdfReader(io.BytesIO(blank_zh)).pages[1]
    names = []
    for annotation in page["/Annots"]:
        widget = annotation.get_object()
        parts = [str(widget["/T"])]
        while "/Parent" in widget:
            widget = widget["/Parent"].get_object()
            parts.insert(0, str(widget["/T"]))
        names.append(".".join(parts))
    days = [f"w2.d{day}.{column}" for day in range(1, 8) for column in DAY_FIELDS]
    assert names == [*days, "w2.reflection.relaxed", "w2.reflection.noticed"]


@pytest.mark.slow  # fills every field and reads it back
def test_fill_then_read_gives_the_same_values(
    filled_zh: bytes, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "filled.pdf"
    pdf.write_bytes(filled_zh)
    status, out, err = run(capsys, "log", "--lang", "zh", "--read", str(pdf))
    assert (status, err) == (0, "")
    assert out == EXPECTED_CSV
    status, out, _ = run(capsys, "log", "--read", str(pdf), "--format", "json")
    records = json.loads(out)
    assert records[0]["notes"] == "手心发热，肩膀沉重；呼吸变慢"
    assert records[0]["practised"] is True and records[3]["after"] == 0
    assert records[2] == {"date": "2026-12-13", "reflection_relaxed": "比上周放松多了。",
                          "reflection_noticed": ""}  # fmt: skip
    assert api.read_log(filled_zh)[1] == Entry(dt.date(2026, 12, 9), True, before=6, after=10,
                                               notes="tingling 发麻")  # fmt: skip


@pytest.mark.slow  # fills and flattens the form
def test_chinese_in_a_field_is_drawn_with_the_embedded_font(blank_zh: bytes) -> None:
    """pypdf writes the field's appearance with the form font; flattened, the text reads back."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank_zh)))
    values = {"w1.d2.notes": "手腕发热，肩膀沉重", "w1.d2.time": "睡前"}
    writer.update_page_form_field_values(writer.pages[0], values, auto_regenerate=False)
    widget = next(
        a.get_object()
        for a in writer.pages[0]["/Annots"]
        if a.get_object().get("/V") == "手腕发热，肩膀沉重"
    )
    font = widget["/AP"]["/N"]["/Resources"]["/Font"]["/Wingdings"].get_object()
    assert (font["/Subtype"], font["/BaseFont"]) == ("/Type0", "/NotoSansSC-Form")
    writer.update_page_form_field_values(writer.pages[0], values, flatten=True)
    out = io.BytesIO()
    writer.write(out)
    text = page_texts(out.getvalue())[0]
    assert "手腕发热，肩膀沉重" in text and "睡前" in text


def test_read_back_entries_draw_the_chart(
    filled_zh: bytes, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path, pdf_path = tmp_path / "entries.csv", tmp_path / "done.pdf"
    pdf = tmp_path / "filled.pdf"
    pdf.write_bytes(filled_zh)
    run(capsys, "log", "--read", str(pdf), "-o", str(csv_path))
    assert csv_path.read_text(encoding="utf-8") == EXPECTED_CSV
    status, _, err = run(
        capsys, "log", "--lang", "zh", "--locale", "zh_CN", "--entries", str(csv_path),
        "-o", str(pdf_path),
    )  # fmt: skip
    assert (status, err) == (0, "")
    data = pdf_path.read_bytes()
    texts = page_texts(data)
    assert len(texts) == 3  # two weeks and the chart
    chart_page = "".join(texts[-1].split())
    assert "练习进展" in chart_page and "第1周2/7" in chart_page and "第2周1/7" in chart_page
    assert "6.5" in chart_page  # week 1: before 7 and 6
    assert "手心发热，肩膀沉重；呼吸变慢" in "".join(texts[0].split())
    entries = api.read_log(filled_zh)
    weeks = LogWeeks(START, 2)
    assert tension_series(entries, weeks) == ([(0, 7), (2, 6), (13, 5)], [(0, 3), (2, 10), (13, 0)])
    assert [s.after for s in week_summaries(entries, weeks)] == [6.5, 0.0]


def test_chart_drawing_holds_the_series() -> None:
    from pmr_print.options import resolve
    from pmr_print.pdf.styles import make_styles
    from pmr_print.practice_log.build import log_weeks
    from pmr_print.practice_log.chart import tension_chart
    from pmr_print.practice_log.layout import geometry
    from pmr_print.practice_log.page import LogContext

    guide = api.load("en")
    settings = resolve(PrintOptions(locale="en_GB"), guide)
    entries = [
        Entry(START, True, before=8, after=4),
        Entry(START + dt.timedelta(3), True, before=6),
    ]
    weeks = log_weeks(settings, LogDetails(), entries)
    styles = make_styles(settings.theme, "en")
    plan = plan_log(guide, settings, LogDetails(), weeks.start, weeks.count, 2)
    layout = geometry(settings.theme, styles, plan.columns, ["Wednesday"])
    context = LogContext(guide, settings, LogDetails(), plan, styles, weeks, layout, {}, 2)
    plot = tension_chart(context, entries, 500, 300).contents[0]
    assert plot.data == [[(0, 8)], [(3, 6)], [(0, 4)]]  # the line breaks at the missed days
    assert plot.xValueAxis.labels.fontName == "NotoSans-Regular"


@pytest.mark.parametrize(
    ("locale", "lang", "weekday", "first_label"),
    [("en_US", "en", 6, "Sunday"), ("en_GB", "en", 0, "Monday"), ("zh_CN", "zh", 0, "星期一")],
)
def test_weeks_start_on_the_locales_first_weekday(
    locale: str, lang: str, weekday: int, first_label: str
) -> None:
    today = dt.date(2026, 12, 2)  # a Wednesday
    details = LogDetails(today=today, weeks=1)
    data = api.log_pdf(api.load(lang), PrintOptions(locale=locale), details)
    start = dt.date.fromisoformat(pypdf.PdfReader(io.BytesIO(data)).get_fields()[START_FIELD]["/V"])
    assert start.weekday() == weekday and today < start <= today + dt.timedelta(days=7)
    row_text = page_texts(data)[0]
    assert row_text.index(first_label) < min(
        row_text.index(name) for name in (("Tuesday",) if lang == "en" else ("星期二",))
    )


def test_coming_week_and_entry_weeks() -> None:
    monday = dt.date(2026, 12, 7)
    assert coming_week_start(monday, 0) == monday + dt.timedelta(days=7)  # strictly after today
    assert coming_week_start(monday, 6) == dt.date(2026, 12, 13)
    assert week_start_on_or_before(dt.date(2026, 12, 9), 6) == dt.date(2026, 12, 6)


@pytest.mark.slow  # pdffonts and qpdf on a blank and a filled log
def test_every_font_is_embedded_and_the_file_is_sound(
    blank_zh: bytes, filled_zh: bytes, tmp_path: pathlib.Path
) -> None:
    for data in (blank_zh, filled_zh):
        assert unembedded_fonts(data) == []
        rows = pdffonts_rows(data, tmp_path)
        if rows is not None:
            assert rows and all(" yes " in row for row in rows), rows
            assert not any("Helvetica" in row or "ZapfDingbats" in row for row in rows)
        qpdf_check(data, tmp_path)
    assert {(round(w), round(h)) for w, h in page_sizes(blank_zh)} == {(842, 595)}  # A4 landscape


def test_the_form_font_maps_shared_glyphs_to_ordinary_characters() -> None:
    """手 U+624B and the radical ⼿ U+2F3F share a glyph: text extraction must give 手."""
    import zlib

    from pmr_print.practice_log.form_font import font_parts

    cmap = zlib.decompress(font_parts("zh").to_unicode).decode("ascii")
    assert "<624B>" in cmap and "<2F3F>" not in cmap


def test_entries_modules_are_plain() -> None:
    """Entries, fields, weeks and progress are plain Python: no ReportLab, no pypdf."""
    from tests.test_architecture import imports, read_graph

    graph = read_graph()
    for name in ("entries", "fields", "calendar", "progress"):
        module = graph[f"pmr_print.practice_log.{name}"]
        found = [i for i in imports(module, graph) if i.startswith(("reportlab", "pypdf"))]
        assert found == [], name


@pytest.mark.slow
def test_two_builds_are_byte_identical(blank_zh: bytes) -> None:
    details = LogDetails(name="王芳", start=START, weeks=WEEKS)
    again = api.log_pdf(api.load("zh"), PrintOptions(locale="zh_CN"), details)
    assert again == blank_zh
    code = (
        "import sys, datetime as dt; from pmr_print import api;"
        "from pmr_print.options import LogDetails, PrintOptions;"
        "d = LogDetails(name='王芳', start=dt.date(2026, 12, 7), weeks=2);"
        "sys.stdout.buffer.write(api.log_pdf(api.load('zh'), PrintOptions(locale='zh_CN'), d))"
    )
    other = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, check=True)
    assert other.stdout == blank_zh


BAD_CSV = """date,practised,time,minutes,protocol,before,after,notes
2026-12-08,yes,07:30,15,standard,7,3,"warm hands, heavy legs"
2026-12-10,yes,evening,ten,Short,6,2,tingling
2026-12-11,yes,21:00,12,short,11,4,
2026-12-12,maybe,21:00,12,short,5,4,
2026-12-13,yes,21:00,12,Short,5,4,<b>&amp; literal</b>
2027-03-12,yes,21:00,12,short,5,4,
"""


def test_bad_rows_are_reported_and_good_rows_kept(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    entries, out = tmp_path / "entries.csv", tmp_path / "log.pdf"
    entries.write_text(BAD_CSV, encoding="utf-8")
    status, _, err = run(
        capsys, "log", "--locale", "en_US", "--entries", str(entries), "--weeks", "1",
        "-o", str(out),
    )  # fmt: skip
    assert status == 0
    assert err.splitlines() == [
        f"pmr-print: {entries}:3: minutes: 'ten' is not a whole number of minutes (0 to 999)",
        f"pmr-print: {entries}:4: before: 11 is not a rating from 0 to 10",
        f"pmr-print: {entries}:5: practised: 'maybe' is not yes or no",
        f"pmr-print: {entries}:6: date: 2026-12-13 is outside the log's weeks "
        "(2026-12-06 to 2026-12-12)",
        f"pmr-print: {entries}:7: date: 2027-03-12 is outside the log's weeks "
        "(2026-12-06 to 2026-12-12)",
    ]
    text = squeezed(out.read_bytes())
    assert "warmhands,heavylegs" in text and "evening" not in text
    assert "<b>&amp;literal</b>" not in text  # 12-13 is a Sunday: outside one week from 12-06


def test_untrusted_notes_print_literally(tmp_path: pathlib.Path) -> None:
    entries = [Entry(START, True, notes="<b>&amp; not bold</b>", protocol="Standard")]
    data = api.log_pdf(api.load("en"), PrintOptions(locale="en_GB"), entries=entries)
    assert "<b>&amp;notbold</b>" in squeezed(data)
    assert unembedded_fonts(data) == []


def test_json_entries_report_their_index(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "entries.json"
    records = [
        {"date": "2026-12-08", "practised": True, "before": 6, "after": 2},
        {"date": "2026-12-09", "practised": "yes", "minutes": "lots"},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    status, _, err = run(capsys, "log", "--entries", str(path), "-o", str(tmp_path / "x.pdf"))
    assert status == 0
    assert (
        err
        == f"pmr-print: {path}[1]: minutes: 'lots' is not a whole number of minutes (0 to 999)\n"
    )
    parsed = read_entries(json.dumps(records[:1]), "x.json", "json")
    assert parsed.entries == [Entry(dt.date(2026, 12, 8), True, before=6, after=2)]


def test_all_rows_bad_is_an_error_and_writes_nothing(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, out = tmp_path / "entries.csv", tmp_path / "log.pdf"
    path.write_text("date,practised,time,minutes,protocol,before,after,notes\nsoon,,,,,,,\n")
    status, _, err = run(capsys, "log", "--entries", str(path), "-o", str(out))
    assert status == 2 and not out.exists()
    assert err.splitlines()[-1] == f"pmr-print: {path}: no usable entries, so no log was written"


def test_an_unprintable_name_is_one_line_and_no_file(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "log.pdf"
    status, _, err = run(capsys, "log", "--name", "Ann 💪", "--weeks", "1", "-o", str(out))
    assert status == 2 and not out.exists()
    assert len(err.splitlines()) == 1 and "U+1F4AA" in err


def test_reading_a_pdf_that_is_not_a_log_is_an_error(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "other.pdf"
    path.write_bytes(api.log_pdf(api.load("en"), entries=[Entry(START, True)]))
    status, _, err = run(capsys, "log", "--read", str(path))
    assert status == 2 and "no log.start field" in err and len(err.splitlines()) == 1


def test_pmr_print_all_builds_the_log() -> None:
    """The builder `pmr-print all` runs gives a fillable log, in each language."""
    for lang in api.languages():
        data = api.builders()["log"](api.load(lang), PrintOptions())
        fields = pypdf.PdfReader(io.BytesIO(data)).get_fields() or {}
        assert {"w1.d1.practised", "w4.reflection.noticed"} <= set(fields), lang


def test_an_unreadable_day_is_named_by_its_date(
    blank_zh: bytes, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(blank_zh)))
    values = {"w2.d4.minutes": "abc", "w2.d5.minutes": "9"}
    writer.update_page_form_field_values(writer.pages[1], values, auto_regenerate=False)
    path = tmp_path / "filled.pdf"
    writer.write(path)
    status, out, err = run(capsys, "log", "--read", str(path))
    assert status == 0
    assert out.splitlines()[1:] == ["2026-12-18,no,,9,,,,"]
    # the week's Thursday: 2026-12-17, not w2.d4
    assert (
        err == "pmr-print: 2026-12-17: minutes: 'abc' is not a whole number of minutes (0 to 999)\n"
    )


def test_long_names_and_notes_are_cut_visibly_not_overprinted() -> None:
    name = "Maximilian Alexander Fitzgerald-Worthington of Greater Riverside County " * 2
    notes = "heavy warm legs and a tingling in the hands, " * 12
    entries = [Entry(START, True, notes=notes)]
    details = LogDetails(name=name.strip())
    data = api.log_pdf(api.load("en"), PrintOptions(locale="en_GB"), details, entries)
    first_line = " ".join(page_texts(data)[0].splitlines()[0].split())
    assert first_line.startswith("Practice log Name: Maximilian") and first_line.endswith("…")
    text = squeezed(data)
    assert "heavywarmlegs" in text and "…" in text
    assert "".join(notes.split()) not in text  # cut, with an ellipsis


def test_the_rating_hint_under_before_and_after_comes_from_labels_po(blank_zh: bytes) -> None:
    week = squeezed(blank_zh).split("第2周")[0]
    assert week.count("0～10") >= 2 and "0–10" not in week  # the Chinese full-width tilde
    english = api.log_pdf(api.load("en"), PrintOptions(), LogDetails(start=START))
    assert squeezed(english).count("0–10") >= 2


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_completed_large_print_log_prints_every_protocol_whole_at_large_size(lang: str) -> None:
    """Large print's rows hold one line: the protocol column is wide enough for the longest
    protocol name at large print's small size (不收紧版（只放松）whole, not 9.5 pt and cut), and no
    value shrinks below it."""
    from pmr_print.theme import LARGE_TYPE
    from tests.pagecheck import problems

    guide = api.load(lang)
    names = [protocol.name for protocol in guide.protocols]
    entries = [
        Entry(START + dt.timedelta(days=day), True, minutes=10, protocol=name, notes="warm hands")
        for day, name in enumerate(names)
    ]
    data = api.log_pdf(guide, PrintOptions(large_print=True), LogDetails(), entries)
    assert problems(data, large_least=LARGE_TYPE.small, chinese=lang == "zh") == []
    week = squeezed(data)
    assert all("".join(name.split()) in week for name in names), names
