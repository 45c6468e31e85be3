"""Issue 22's properties, a class each: any JSON body the web API gets, any roster row, any bytes
in a command-line argument give a product or clear one-line errors (400 naming fields, exit 2),
never a traceback, a 500 or a message too long to read."""

from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import tempfile
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from pmr_print import cli
from pmr_print.files import device_name
from pmr_print.limits import MAX_ITEMS, NAME_CHARS
from pmr_print.web.app import make_app
from pmr_print.web.workers import Workers
from pmr_print.workshop.roster import HEADER, SAFE_ID, RosterError, read_roster

PORT = 8767
EXAMPLES = settings(
    max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True
)
MESSAGE_CHARS = 400  # a message quoting a value stays short, however long the value


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    workers = Workers(None)
    try:
        with TestClient(make_app(PORT, workers=workers), base_url=f"http://127.0.0.1:{PORT}") as c:
            yield c
    finally:
        workers.close()


# What a hostile client sends: lone surrogates, controls, direction marks, device names, paths,
# long runs, besides ordinary text.
PIECES = st.sampled_from(
    ["\ud800", "\udfff", "\x00", "\x1b[2J", "\u202e", "CON", "../../etc", "/etc", "feet", "back",
     "王芳", "Jane", "a4", "en", "zh", "bi", "https://example.org/", "2026-03-09", ",", ";", " "]
)  # fmt: skip
TEXT = st.lists(PIECES | st.text(max_size=8), max_size=6).map("".join) | st.builds(
    lambda piece, count: piece * count, PIECES, st.integers(0, 20_000)
)
VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
KEYS = st.sampled_from(
    ["lang", "locale", "paper", "protocol", "client", "clinician", "clinic", "date", "omit",
     "omit_reason", "recording_url", "format", "large_print", "grayscale"]
) | TEXT  # fmt: skip


@EXAMPLES
@given(body=st.dictionaries(KEYS, VALUE, max_size=5))
def test_any_json_body_is_a_product_or_400_naming_fields(
    client: TestClient, body: dict[str, object]
) -> None:
    data = json.dumps(body).encode()  # escapes lone surrogates as \\ud800: legal JSON
    response = client.post(
        "/api/handout", content=data, headers={"content-type": "application/json"}
    )
    assert response.status_code in (200, 400), response.text[:500]
    if response.status_code == 400:
        found = response.json()["errors"]
        assert found and all("\n" not in error["message"] for error in found)
        assert all(len(error["message"]) <= MESSAGE_CHARS for error in found), found
        assert all(len(error["field"]) <= MESSAGE_CHARS for error in found)


ROW_TEXT = st.lists(PIECES | st.text(max_size=10), max_size=5).map("".join).map(
    lambda text: text.encode("utf-8", "replace").decode("utf-8")
) | st.builds(lambda piece, count: piece * count, PIECES, st.integers(0, 400)).map(
    lambda text: text.encode("utf-8", "replace").decode("utf-8")
)


@EXAMPLES
@given(rows=st.lists(st.lists(ROW_TEXT, min_size=5, max_size=7), max_size=6))
def test_any_roster_row_is_a_safe_row_or_one_line(rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out).writerows([HEADER, *rows])
    try:
        roster = read_roster(out.getvalue().encode(), "r.csv", ["en", "zh"])
    except RosterError as error:
        assert "\n" not in str(error) and len(str(error)) <= MESSAGE_CHARS
        return
    for row in roster.rows:
        assert SAFE_ID.fullmatch(row.id) and not device_name(row.id)
        assert len(row.name) <= NAME_CHARS and len(set(row.omit)) == len(row.omit) <= MAX_ITEMS
    assert len({row.id.casefold() for row in roster.rows}) == len(roster.rows)
    for problem in roster.problems:
        assert "\n" not in str(problem) and len(problem.message) <= 2 * MESSAGE_CHARS


ARG_BYTES = st.binary(max_size=30) | st.sampled_from(
    [b"\xff", b"Jane\xffMiller", b"https://example.org/\xff", b"back,back,\xfe", b"../x"]
)
OPTIONS = st.sampled_from(
    ["--client", "--clinician", "--clinic", "--recording-url", "--omit", "--omit-reason",
     "--lang", "--locale", "--protocol", "--date"]
)  # fmt: skip


@EXAMPLES
@given(
    product=st.sampled_from(["handout", "booklet"]),
    html=st.booleans(),
    option=OPTIONS,
    value=ARG_BYTES,
)
def test_any_bytes_in_an_argument_are_a_product_or_one_line(
    product: str, html: bool, option: str, value: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    argument = os.fsdecode(value)  # as Python gives a program its arguments
    extra = ["--omit", "back"] if option == "--omit-reason" else []
    with tempfile.TemporaryDirectory() as folder:
        out = pathlib.Path(folder) / ("out.html" if html else "out.pdf")
        args = [product, option, argument, *extra, "-o", str(out)]
        status = cli.main([*args, "--format", "html"] if html else args)
        err = capsys.readouterr().err
        assert status in (0, 2), err
        if status == 2:
            assert err.count("\n") == 1 and len(err) <= MESSAGE_CHARS and not out.exists()
        else:
            assert out.stat().st_size > 0
