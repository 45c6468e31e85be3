"""A packet is its body's bytes as they are and a small update that draws the name
(workshop/stencil.py): it opens, checks and fills like any PDF, and holds no other participant's
name."""

from __future__ import annotations

import io
import pathlib
import re
import shutil
import subprocess
from dataclasses import replace

import pikepdf
import pypdf
import pytest

from pmr_print import api, resources
from pmr_print.workshop.pack import packet_setup
from pmr_print.workshop.packet import build_body, named, prepare_names
from pmr_print.workshop.printfile import CHUNK, PrintFile
from tests.test_log_viewers import TYPED, Typist, ink, type_into, visible_text_fields
from tests.test_workshop import DAY, InProcess, single_copy, write_roster

ROWS = [
    ["p1", "Jane Miller", "en", "", "", ""],
    ["p2", "Tom Brown", "en", "", "", ""],  # the same body as p1
    ["p3", "王芳", "zh", "2026-03-09", "back", "腰伤"],
    ["p4", "李娜", "zh", "2026-03-09", "back", "腰伤"],  # the same body as p3
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, api.Packet]:
    roster = write_roster(tmp_path_factory.mktemp("packets") / "roster.csv", ROWS)
    found = {}
    for row, packet in api.packets(api.read_roster(roster).rows, details=DAY, executor=InProcess()):
        assert isinstance(packet, api.Packet), packet
        found[row.id] = packet
    return found


def test_a_packet_is_its_body_and_a_few_kilobytes_for_the_name(
    built: dict[str, api.Packet],
) -> None:
    for first, second in (("p1", "p2"), ("p3", "p4")):
        for kind in ("fillable", "paper"):
            one, other = getattr(built[first], kind), getattr(built[second], kind)
            body = one.index(b"%%EOF\n") + 6  # the body's end: the update follows
            assert one[:body] == other[:body], kind
            assert 0 < len(one) - body < 64_000 and 0 < len(other) - body < 64_000, kind
    assert len(built["p3"].fillable) > 1_000_000  # the Chinese form font, once, in the body


def test_a_packet_holds_no_other_participants_name(built: dict[str, api.Packet]) -> None:
    for mine, theirs in (("p1", b"Jane"), ("p2", b"Jane"), ("p1", b"Tom")):
        expected = mine == "p1" and theirs == b"Jane"
        for data in (built[mine].fillable, built[mine].paper):
            with pikepdf.open(io.BytesIO(data)) as pdf:
                assert (theirs.decode() in str(pdf.docinfo["/Title"])) == expected
            # every revision's bytes, decompressed: the body's own name went with the update
            assert (theirs in everything(data)) == expected, (mine, theirs)


def everything(data: bytes) -> bytes:
    """Every object of every revision of the file, its streams decompressed."""
    found = []
    start = 0
    while (end := data.find(b"%%EOF", start)) != -1:
        with pikepdf.open(io.BytesIO(data[: end + 5])) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream):
                    found.append(obj.read_bytes())
                else:
                    found.append(obj.unparse() if isinstance(obj, pikepdf.Object) else b"")
        start = end + 5
    return b"".join(found)


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is not installed")
def test_every_packet_passes_qpdf_check(
    built: dict[str, api.Packet], tmp_path: pathlib.Path
) -> None:
    for ident, packet in built.items():
        for kind in ("fillable", "paper"):
            path = tmp_path / f"{ident}-{kind}.pdf"
            path.write_bytes(getattr(packet, kind))
            done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
            assert done.returncode == 0, (ident, kind, done.stdout, done.stderr)


def test_chinese_typed_in_pdfium_shows_in_every_field_of_a_packet(
    built: dict[str, api.Packet],
) -> None:
    typist = Typist(built["p4"].fillable)
    try:
        fields = list(visible_text_fields(typist))
        assert len(fields) == 4 * (7 * 3 + 2)  # four weeks: time, minutes, notes a day, reflection
        before = {field: ink(typist, field) for field in fields}
        for field in fields:
            type_into(typist, field, TYPED)
        assert [field.name for field in fields if ink(typist, field) <= before[field] + 20] == []
    finally:
        typist.close()
    fields = pypdf.PdfReader(io.BytesIO(built["p4"].fillable)).get_fields() or {}
    assert "w1.d1.practised" in fields


NUMBER = re.compile(r"Page(\d+)of(\d+)|第(\d+)页，共(\d+)页")  # in text without spaces


def page_numbers(data: bytes) -> list[tuple[int, int] | None]:
    """Each page's "Page x of y" (or 第x页，共y页), read back from its text; None on a page
    without one (the blank page that makes the paper copy's count even)."""
    found: list[tuple[int, int] | None] = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        numbers = NUMBER.findall("".join(page.extract_text().split()))
        assert len(numbers) <= 1, numbers
        pairs = [(int(a or c), int(b or d)) for a, b, c, d in numbers]
        found.append(pairs[0] if pairs else None)
    return found


def test_a_packets_pages_are_numbered_through_handout_then_log(
    built: dict[str, api.Packet],
) -> None:
    """Issue 19 point 3: the log's pages go on from the handout's, in the fillable packet and
    the paper copy (the print file's pages); the single handout and log count their own."""
    for ident, packet in built.items():
        fillable = page_numbers(packet.fillable)
        count = len(fillable)
        assert fillable == [(page, count) for page in range(1, count + 1)], ident
        paper = page_numbers(packet.paper)
        assert paper[:count] == fillable and paper[count:] in ([], [None]), ident


def test_the_single_handout_and_log_number_their_own_pages(tmp_path: pathlib.Path) -> None:
    rows = api.read_roster(write_roster(tmp_path / "roster.csv", ROWS[2:3])).rows
    numbers = page_numbers(single_copy(rows[0]))
    handout = len(numbers) - 4  # the log: a page a week, four weeks
    assert numbers[:handout] == [(page, handout) for page in range(1, handout + 1)]
    assert numbers[handout:] == [(page, 4) for page in range(1, 5)]


@pytest.mark.slow  # 250 names drawn, a print file checked by qpdf
def test_the_print_file_is_written_as_the_packets_come_and_passes_qpdf_check(
    tmp_path: pathlib.Path,
) -> None:
    """Issue 23: each chunk of packets goes to the file as it is drawn (memory keeps offsets,
    not pages); the file reads page by page as the packets and grows by a few kB a packet."""
    rows = api.read_roster(write_roster(tmp_path / "roster.csv", ROWS)).rows
    setup = packet_setup(api.PrintOptions(), DAY, resources.default_content_dir(), DAY.date)
    prepare_names(setup)
    bodies = {row.id: build_body(row, setup) for row in rows[::2]}  # p1's and p3's
    packets = [
        named(bodies["p1" if number % 2 else "p3"], replace(rows[0], name=f"Name {number}"), setup)
        for number in range(250)
    ]
    out = io.BytesIO()
    document = PrintFile(out)
    for packet in packets[:CHUNK]:
        document.add(packet)
    first = out.tell()
    assert first > 100_000  # a chunk written: its bodies' pages and its names
    for packet in packets[CHUNK:]:
        document.add(packet)
    assert out.tell() - first > 100 * 1_000  # the second chunk written too, before the end
    document.finish()
    data = out.getvalue()
    path = tmp_path / "print.pdf"
    path.write_bytes(data)
    if shutil.which("qpdf"):
        done = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    reader = pypdf.PdfReader(path)
    counts = {
        id(body): len(pypdf.PdfReader(io.BytesIO(body.paper)).pages) for body in bodies.values()
    }
    starts = [0]
    for packet in packets:
        starts.append(starts[-1] + counts[id(packet.body)])
    assert starts[-1] == len(reader.pages)
    for index in (0, 1, 2, 248, 249):  # the first packets and the last, read page by page
        own = pypdf.PdfReader(io.BytesIO(packets[index].paper())).pages
        for number, mine in enumerate(own):
            found = reader.pages[starts[index] + number].extract_text()
            assert found == mine.extract_text(), (index, number)
    largest = max(len(packet.paper()) for packet in packets[:2])
    assert len(data) <= 5 * largest + 10_000 * len(packets)
