"""The message catalog (pmr_print/messages/<lang>.po) and spreadsheets as Excel and WPS save
them (pmr_print/spreadsheets.py)."""

from __future__ import annotations

import codecs
import dataclasses
import pathlib
import re
import string

import pytest

from pmr_print import cli, messages
from pmr_print.messages import Field, Month, Said, catalog, option
from pmr_print.problems import UsageError
from pmr_print.spreadsheets import decode, delimiter, fallback_encoding, iso_dates
from pmr_print.web.text import EN, ZH, PageText


@pytest.mark.parametrize("lang", messages.LANGS)
def test_every_message_is_written_once_in_every_language(lang: str) -> None:
    found = {key: text for key, text in catalog(lang).items() if "\x04" not in key}
    assert set(found) == set(messages.MESSAGES)
    for msgid, text in found.items():
        names = {name for _, name, _, _ in string.Formatter().parse(msgid) if name}
        assert {name for _, name, _, _ in string.Formatter().parse(text) if name} <= names
        if lang == "zh":  # nothing English but ids, formats and file types
            words = re.findall(r"[A-Za-z]{3,}", re.sub(r"\{\w+\}|https?://|YYYY-MM-DD", "", text))
            assert set(words) <= {
                "CSV",
                "PDF",
                "Excel",
                "WPS",
                "name",
                "lang",
                "start",
                "omit",
                "omit_reason",
                "reason",
                "Unicode",
                "Windows",  # and the device names it keeps, which a roster's id may not be
                "CON",
                "NUL",
                "COM",
            }, (msgid, words)


def test_the_pages_own_words_come_from_the_catalog() -> None:
    english = {key.partition("\x04")[2] for key in catalog("en") if key.startswith("page\x04")}
    for field in dataclasses.fields(PageText):
        if field.name != "lang":
            word = getattr(EN, field.name)
            assert word in english, field.name
            assert getattr(ZH, field.name) != word, field.name  # translated, not English
    assert ZH.omit_reason == "跳过肌肉群的原因"


def test_a_field_is_named_by_each_surface() -> None:
    said = Said.of(messages.OMIT_REASON_ALONE, "omit_reason", omit=Field("omit"))
    assert said.text("en", option) == (
        "--omit-reason: tick the groups to leave out in --omit, or leave this empty"
    )
    page = {"omit_reason": "跳过肌肉群的原因", "omit": "“需要跳过的肌肉群”"}
    assert said.text("zh", page.__getitem__) == (
        "跳过肌肉群的原因：请在“需要跳过的肌肉群”中勾选要跳过的肌肉群，或把此项留空"
    )
    day = Said.of(messages.NO_SUCH_DAY, "date", day=30, month=Month(2))
    assert (
        day.text("en", option) == "--date: 30 February does not exist; check the day and the month"
    )


DIARY = "date,practised,time,minutes,protocol,before,after,notes\n"


def test_excel_and_wps_csv_files_read_as_text() -> None:
    rows = DIARY + "23/11/2026,yes,07:30,15,standard,7,3,手暖\n"
    assert decode(codecs.BOM_UTF8 + rows.encode(), "d.csv", "cp1252") == rows  # CSV UTF-8
    assert decode(rows.encode("gb18030"), "d.csv", fallback_encoding("zh")) == rows  # WPS, GBK
    latin = DIARY + "23/11/2026,yes,,,,7,3,café\n"
    assert decode(latin.encode("cp1252"), "d.csv", fallback_encoding("en")) == latin  # ANSI
    assert decode(codecs.BOM_UTF16_LE + rows.encode("utf-16-le"), "d.txt", "cp1252") == rows
    with pytest.raises(UsageError, match="is a PDF"):
        decode(b"%PDF-1.7\n", "log.pdf", "cp1252")
    with pytest.raises(UsageError, match="save it from Excel or WPS as CSV"):
        decode(b"PK\x03\x04\x00\x00", "diary.xlsx", "cp1252")


def test_delimiters_and_date_orders() -> None:
    assert delimiter("date;practised;time\n") == ";"
    assert delimiter("date\tpractised\ttime\n") == "\t"
    assert delimiter("date,practised\n") == ","
    assert iso_dates(["23/11/2026", "1/12/2026"], "d.csv") == ["2026-11-23", "2026-12-01"]
    assert iso_dates(["11/23/2026", "12/1/2026"], "d.csv") == ["2026-11-23", "2026-12-01"]
    assert iso_dates(["2026/3/9", "2026-03-10", "soon"], "d.csv") == [
        "2026-03-09",
        "2026-03-10",
        "soon",
    ]
    assert iso_dates(["3/3/2026"], "d.csv") == ["2026-03-03"]  # either order: the same day
    with pytest.raises(UsageError, match="fit both day/month and month/day"):
        iso_dates(["3/4/2026", "5/6/2026"], "d.csv")


def test_the_command_line_reads_a_diary_as_a_spreadsheet_saved_it(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diary = tmp_path / "diary.csv"
    rows = "date;practised;time;minutes;protocol;before;after;notes\r\n"
    diary.write_bytes((rows + "23/3/2026;yes;;;;7;3;手暖，呼吸慢\r\n").encode("gb18030"))
    out = tmp_path / "log.pdf"
    assert cli.main(["log", "--lang", "zh", "--entries", str(diary), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    diary.write_bytes((rows + "23/3/2026;yes;;;;7;3;café\r\n").encode("latin-1"))
    argv = ["log", "--entries", str(diary), "--encoding", "latin-1", "-o", str(out)]
    assert cli.main(argv) == 0
    assert cli.main(["log", "--entries", str(diary), "--encoding", "klingon", "-o", str(out)]) == 2
    assert "--encoding klingon: no such encoding" in capsys.readouterr().err
