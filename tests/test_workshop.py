"""The workshop pack: script, slides, a packet per participant and one file to print them all,
read back as a facilitator, a participant and a print shop would."""

from __future__ import annotations

import csv
import datetime as dt
import fcntl
import io
import os
import pathlib
import pty
import re
import struct
import subprocess
import sys
import termios
from concurrent.futures import Executor, Future

import pikepdf
import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from pmr_print import api, cli, resources
from pmr_print.options import PrintOptions, WorkshopDetails, resolve
from pmr_print.plans.session import SessionPlan, plan_session, plan_sessions
from pmr_print.workshop import batch as workshop_batch
from pmr_print.workshop import packet as packet_module
from pmr_print.workshop.pack import PACKETS, PRINT_FILE, SCRIPT, SLIDES, packet_setup, speakers
from pmr_print.workshop.roster import RosterError
from pmr_print.workshop.script import render_script
from pmr_print.workshop.slides import render_slides
from tests.pdfcheck import squeezed, text

HEADER = ["id", "name", "lang", "start", "omit", "omit_reason"]
NAMES = ["Jane Miller", "Tom <b>Bold</b> & Co", "王芳", "李娜 <i>&amp;"]


def roster_rows(count: int) -> list[list[str]]:
    rows = []
    for number in range(1, count + 1):
        zh = number % 2 == 0
        omit = "back;neck" if number % 5 == 0 else ""
        rows.append(
            [
                f"p{number:02d}",
                NAMES[number % 4] if number % 4 != 0 else f"{NAMES[0]} {number}",
                "zh" if zh else "en",
                "2026-03-09" if number % 3 else "",
                omit,
                "recent <b>injury</b>" if omit else "",
            ]
        )
    return rows


def write_roster(path: pathlib.Path, rows: list[list[str]]) -> pathlib.Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def workshop(tmp: pathlib.Path, rows: list[list[str]], *extra: str) -> tuple[int, pathlib.Path]:
    roster = write_roster(tmp / "roster.csv", rows)
    out = tmp / "pack"
    argv = ["workshop", "--roster", str(roster), "-o", str(out), "--quiet", *extra]
    return cli.main([*argv, "--clinician", "Dr Lee", "--clinic", "Riverside"]), out


@pytest.fixture(scope="module")
def pack30(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    status, out = workshop(tmp_path_factory.mktemp("pack30"), roster_rows(30))
    assert status == 0
    return out


@pytest.mark.slow  # a process pool or a subprocess
def test_thirty_rows_give_thirty_packets_the_print_file_slides_and_script(
    pack30: pathlib.Path,
) -> None:
    packets = sorted(path.name for path in (pack30 / PACKETS).iterdir())
    assert packets == [f"p{number:02d}.pdf" for number in range(1, 31)]
    assert {path.name for path in pack30.iterdir()} == {SCRIPT, SLIDES, PRINT_FILE, PACKETS}


@pytest.mark.slow  # a process pool or a subprocess
def test_each_packet_is_its_handout_then_its_fillable_log_in_its_language(
    pack30: pathlib.Path,
) -> None:
    for number in range(1, 31):
        lang = "zh" if number % 2 == 0 else "en"
        data = (pack30 / PACKETS / f"p{number:02d}.pdf").read_bytes()
        reader = pypdf.PdfReader(io.BytesIO(data))
        fields = reader.get_fields() or {}
        assert "w1.d1.practised" in fields and "w4.reflection.noticed" in fields
        dr_fonts = reader.trailer["/Root"]["/AcroForm"]["/DR"]["/Font"]
        assert dr_fonts, "the log's form font must come along"
        words = "".join(text(data).split())
        assert ("Practicelog" if lang == "en" else "练习记录") in words


@pytest.mark.slow  # a process pool or a subprocess
def test_names_and_reasons_print_literally(pack30: pathlib.Path) -> None:
    words = "".join(text((pack30 / PACKETS / "p05.pdf").read_bytes()).split())
    assert "Tom<b>Bold</b>&Co" in words  # p05: NAMES[1], omits back and neck
    assert "recent<b>injury</b>" in words


@pytest.mark.slow  # a process pool or a subprocess
def test_the_print_file_has_no_form_and_every_packet_starts_on_an_odd_page(
    pack30: pathlib.Path,
) -> None:
    data = (pack30 / PRINT_FILE).read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert "/AcroForm" not in reader.trailer["/Root"]
    widgets = [
        annotation
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object()["/Subtype"] == "/Widget"
    ]
    assert widgets == []
    with pikepdf.open(io.BytesIO(data)) as pdf:  # every object in the file, used or not
        names = {str(o.get("/BaseFont")) for o in pdf.objects if isinstance(o, pikepdf.Dictionary)}
    assert any("NotoSans" in name for name in names)
    assert not [name for name in names if name.endswith("-Form")]  # the log's form fonts
    page = 0
    for number in range(1, 31):
        packet = pypdf.PdfReader(pack30 / PACKETS / f"p{number:02d}.pdf")
        first = reader.pages[page].extract_text()
        assert packet.pages[0].extract_text() == first, number
        page += len(packet.pages) + len(packet.pages) % 2  # page is 0-based: even = odd page
    assert page == len(reader.pages)
    # the first ten packets (every body of the roster) read there page by page as on their own
    page = 0
    for number in range(1, 11):
        packet = pypdf.PdfReader(pack30 / PACKETS / f"p{number:02d}.pdf")
        for own in packet.pages:
            assert reader.pages[page].extract_text() == own.extract_text(), (number, page)
            page += 1
        page += len(packet.pages) % 2
    # every page stands upright for one long-edge duplex run: the log's landscape pages turned
    for sheet in reader.pages:
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert (sheet.get("/Rotate", 0) == 90) == (width > height)


def font_sizes(data: bytes) -> list[list[float]]:
    """The size of every printed character, page by page, as PDFium sees it."""
    document = pdfium.PdfDocument(data)
    sizes = []
    for page in document:
        textpage = page.get_textpage()
        found = [
            round(pdfium_c.FPDFText_GetFontSize(textpage.raw, index), 1)
            for index in range(textpage.count_chars())
            if not textpage.get_text_range(index, 1).isspace()
        ]
        sizes.append(found)
    return sizes


@pytest.mark.slow  # a process pool or a subprocess
def test_slides_are_16_9_and_readable_from_the_back_of_a_room(pack30: pathlib.Path) -> None:
    data = (pack30 / SLIDES).read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1 + 13 + 1
    assert {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages} == {
        (960.0, 540.0)
    }
    sizes = font_sizes(data)
    assert all(sizes) and min(min(page) for page in sizes) >= 28
    for page in sizes[1:-1]:  # a step: its name is larger than its text
        assert max(page) > min(page) * 1.4


@pytest.mark.slow  # a process pool or a subprocess
def test_the_script_marks_the_time_the_pauses_and_the_safety_briefing(
    pack30: pathlib.Path,
) -> None:
    words = text((pack30 / SCRIPT).read_bytes())
    guide = api.load("en")
    plan = plan_session(guide, resolve(PrintOptions(), guide))
    marks = [line.mark for part in plan.parts for line in part.lines if line.mark]
    assert marks[:3] == ["0:00", "0:18", "0:23"] and len(marks) == 1 + 13 * 3 + 2
    for mark in marks:
        assert f"\n{mark}" in words or words.startswith(mark), mark
    assert "Pause 10 s" in words and "Pause 60 s" in words
    squeezed = "".join(words.split())
    assert squeezed.index("Stopifithurts") < squeezed.index("1.Feet")
    assert "Howrelaxeddoyoufeelnow?" in squeezed


@pytest.mark.slow  # a process pool or a subprocess
def test_a_clinician_can_run_a_group_from_the_script_alone(pack30: pathlib.Path) -> None:
    """Issue 20, point 2: preparation spoken to the room, who sits out or adapts, a rating
    before and after, a separate tense cue per step with the breath and the release, help for
    someone in distress, and a count-out ending with standing up slowly."""
    squeezed = "".join(text((pack30 / SCRIPT).read_bytes()).split())
    first_step = squeezed.index("1.Feet")
    for words in ("glasses", "contactlenses", "shoes", "phone", "from0to10"):
        assert -1 < squeezed.index(words) < first_step, words
    for words in ("pregnant", "injury", "memories", "unreal", "emergencynumber"):
        assert -1 < squeezed.index(words) < first_step, words
    assert squeezed.count("“Now…tense.”") == 13 and squeezed.count("“Andrelease.”") == 13
    assert squeezed.count("“Keepbreathing”") == 13
    last_step = squeezed.index("13.Forehead")
    ending = squeezed[last_step:]
    assert ending.index("0to10again") < ending.index("Sitforamoment,thenstandupslowly.")


@pytest.fixture(scope="module")
def bilingual() -> tuple[list[str], str, SessionPlan]:
    """The bilingual slides (a page's text each) and script, and the session plan they read."""
    voices = speakers(PrintOptions(), WorkshopDetails(lang="bi"), resources.default_content_dir())
    slides = pypdf.PdfReader(io.BytesIO(render_slides(voices)))
    script = squeezed(render_script(voices, "pmr-print", ""))
    pages = ["".join(page.extract_text().split()) for page in slides.pages]
    plans = plan_sessions([(v.guide, v.settings) for v in voices])
    return pages, script, plans[0]


def test_the_bilingual_slides_keep_the_breathing_cue_in_both_languages(
    bilingual: tuple[list[str], str, SessionPlan],
) -> None:
    pages, _, _ = bilingual
    steps = pages[2:-1]  # after the opening and the safety slide, before the closing one
    assert len(steps) == 13
    for page in steps:
        assert "Tense5s:Keepbreathing" in page and "收紧5秒：自然呼吸，不要憋气" in page, page


def test_the_bilingual_slides_and_script_keep_the_session_plans_time(
    bilingual: tuple[list[str], str, SessionPlan],
) -> None:
    pages, script, plan = bilingual
    for page, part in zip(pages[2:-1], plan.steps, strict=True):
        title = "".join(part.title.split())
        assert part.mark and part.mark in page and f"{part.mark}{title}" in script
    assert "“现在，收紧。”" in script and "“Now…tense.”" in script
    assert "".join(plan.duration.split()) in pages[0]


@pytest.mark.slow  # a process pool or a subprocess
def test_two_bad_rows_are_reported_skipped_and_leave_nothing(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = roster_rows(30)
    rows[4][2] = "fr"  # p05, CSV line 6
    rows[8][3] = "2026-13-01"  # p09, CSV line 10
    (tmp_path / "pack" / PACKETS).mkdir(parents=True)
    (tmp_path / "pack" / PACKETS / "p05.pdf").write_bytes(b"an earlier run's packet")
    status, out = workshop(tmp_path, rows)
    assert status == 1
    errors = capsys.readouterr().err.splitlines()
    assert len(errors) == 2
    assert ":6: id 'p05': lang: unknown language 'fr'" in errors[0]
    assert ":10: id 'p09': start: '2026-13-01' is not a date" in errors[1]
    packets = {path.name for path in (out / PACKETS).iterdir()}
    assert len(packets) == 28 and not {"p05.pdf", "p09.pdf"} & packets
    assert not [path for path in out.rglob("*") if path.name.startswith(".")]  # no temporaries
    combined = pypdf.PdfReader(out / PRINT_FILE)
    assert "p05" not in (combined.metadata or {}).get("/Title", "")


def check(text_: str) -> api.Roster:
    from pmr_print.workshop.roster import read_roster

    return read_roster(text_.encode("utf-8"), "r.csv", ("en", "zh"))


def test_every_kind_of_bad_row_is_named_by_line_and_id() -> None:
    roster = check(
        "id,name,lang,start,omit,omit_reason\n"
        "a1,Ann,en,,,\n"
        "A1,Bob,en,,,\n"  # the same id as a1 on a case-insensitive file system
        "../x,Cy,en,,,\n"
        "d4,,zh,,,\n"
        "e5,Eve,en,2026-02-30,,\n"
        "f6,Fay,en,32/03/2026,,\n"  # no day 32 in either order
        "g7,Gus,zh,,back;toes,\n"
        'h8,"Hal\nMore",en,,,\n'  # a quoted name over two lines: the row starts on line 9
        "i9,Ivy,en,,back,\n"
    )
    assert [row.id for row in roster.rows] == ["a1", "h8", "i9"]
    found = [str(problem) for problem in roster.problems]
    assert found[0] == "r.csv:3: id 'A1': id 'A1' is used twice"
    assert found[1].startswith("r.csv:4: id '../x': id: not a safe file name")
    assert found[2] == "r.csv:5: id 'd4': name: empty"
    assert found[3].startswith("r.csv:6: id 'e5': start: '2026-02-30' is not a date")
    assert found[4].startswith("r.csv:7: id 'f6': start: '32/03/2026' is not a date")
    assert found[5].startswith("r.csv:8: id 'g7': omit: unknown step id 'toes'")
    assert roster.rows[2].line == 11


@pytest.mark.parametrize(
    "content",
    [b"name,id\nJane,1\n", b"%PDF-1.7\n\x00\x01\x02", "é".encode("latin-1"), b""],
    ids=["wrong header", "not CSV", "not UTF-8", "empty"],
)
def test_an_unreadable_roster_is_exit_2_and_writes_nothing(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes(content)
    argv = ["workshop", "--roster", str(roster), "-o", str(tmp_path / "out"), "--quiet"]
    assert cli.main(argv) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1
    assert not (tmp_path / "out").exists()
    with pytest.raises(RosterError):
        api.read_roster(roster)


def test_no_good_row_is_exit_2_and_writes_nothing(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = workshop(tmp_path, [["x1", "", "en", "", "", ""], ["x2", "Al", "xx", "", "", ""]])
    assert status == 2
    assert len(capsys.readouterr().err.splitlines()) == 2
    assert not out.exists()


def packet_rows(tmp: pathlib.Path, count: int) -> tuple[api.Row, ...]:
    return api.read_roster(write_roster(tmp / f"roster{count}.csv", roster_rows(count))).rows


DAY = api.WorkshopDetails(date=dt.date(2026, 3, 2))


@pytest.mark.slow  # a process pool or a subprocess
def test_a_dask_cluster_builds_the_same_packets_as_the_process_pool(
    tmp_path: pathlib.Path,
) -> None:
    distributed = pytest.importorskip("distributed")
    rows = packet_rows(tmp_path, 2)
    pool = dict(api.packets(rows, details=DAY))
    with (
        distributed.LocalCluster(
            n_workers=2, processes=False, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        dask = dict(api.packets(rows, details=DAY, executor=client.get_executor()))
    assert len(pool) == 2 and dask == pool


def test_the_paper_copy_is_the_packet_without_its_form(tmp_path: pathlib.Path) -> None:
    ((row, packet),) = api.packets(packet_rows(tmp_path, 1), details=DAY, executor=InProcess())
    assert isinstance(packet, api.Packet)
    fillable, paper = (
        pypdf.PdfReader(io.BytesIO(packet.fillable)),
        pypdf.PdfReader(io.BytesIO(packet.paper)),
    )
    assert len(paper.pages) == len(fillable.pages) + len(fillable.pages) % 2
    assert fillable.pages[0].extract_text() == paper.pages[0].extract_text()
    assert paper.get_fields() is None and len(packet.paper) < len(packet.fillable)


class InProcess(Executor):
    """Runs each packet at once, in this process: the batch takes any Executor."""

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        future: Future[object] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


@pytest.mark.slow  # a process pool
def test_each_worker_loads_the_content_once_however_many_packets_it_builds(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers pay their start-up once: two workers building eight packets' bodies load each
    language once each, not once per packet (counted, not timed: a shared machine's clock
    proves little)."""
    loads = tmp_path / "loads"
    load_guide = packet_module.load_guide

    def counted(content: pathlib.Path, lang: str) -> api.Guide:
        with loads.open("a", encoding="utf-8") as log:  # the workers are other processes
            log.write(f"{os.getpid()} {lang}\n")
        return load_guide(content, lang)

    monkeypatch.setattr(packet_module, "load_guide", counted)  # forked workers inherit it
    monkeypatch.setattr(workshop_batch, "workers_for", lambda jobs: 2)
    packet_module.guide_for.cache_clear()  # this process's cache would spare the workers
    rows = packet_rows(tmp_path, 8)
    assert all(isinstance(p, api.Packet) for _, p in api.packets(rows, details=DAY))
    lines = loads.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)), lines  # no worker loads a language twice
    # Two workers build the bodies; this process, which stamps the names, loads them once too.
    assert 1 <= len({line.split()[0] for line in lines}) <= 3 and len(lines) <= 6, lines


def on_a_terminal(argv: list[str]) -> str:
    """What the command writes to standard error when that is a terminal (a pseudo-terminal)."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    command = [sys.executable, "-m", "pmr_print", *argv]
    process = subprocess.Popen(command, stderr=child, stdout=subprocess.DEVNULL)
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)
    assert process.wait(timeout=120) == 0
    return seen.decode("utf-8", "replace")


@pytest.mark.slow  # a process pool or a subprocess
def test_the_progress_bar_shows_on_a_terminal_unless_quiet(tmp_path: pathlib.Path) -> None:
    roster = write_roster(tmp_path / "roster.csv", roster_rows(1))
    argv = ["workshop", "--roster", str(roster), "-o", str(tmp_path / "out")]
    assert "1/1" in on_a_terminal(argv)
    assert "packet" not in on_a_terminal([*argv, "--quiet"])


LONG_NAMES = ["Maximilian Alexander " * 9 + "Anders", "欧阳" * 100]  # 200 characters each


def single_copy(row: api.Row) -> bytes:
    """The handout and the log a single `pmr-print handout` and `log` print for the row."""
    content = resources.default_content_dir()
    options = packet_setup(api.PrintOptions(), DAY, content, DAY.date or dt.date.today())
    settings = options.options(row.lang)
    edition = api.load(row.lang, content)
    handout = api.handout_pdf(
        edition,
        settings,
        api.HandoutDetails(
            client=row.name, date=DAY.date, omit=row.omit, omit_reason=row.omit_reason
        ),
    )
    log = api.log_pdf(
        edition, settings, api.LogDetails(name=row.name, start=row.start, today=DAY.date)
    )
    joined = pypdf.PdfWriter()
    for part in (handout, log):
        joined.append(pypdf.PdfReader(io.BytesIO(part)))
    out = io.BytesIO()
    joined.write(out)
    return out.getvalue()


PAGE_NUMBER = re.compile(r"Page\s*\d+\s*of\s*\d+|第\s*\d+\s*页，共\s*\d+\s*页")


def fonts_of(page: pypdf.PageObject) -> set[str]:
    """The fonts a page uses, inside its forms too, without their subset tags."""
    found: set[str] = set()

    def visit(resources: object) -> None:
        resources = resources.get_object() if resources is not None else {}  # type: ignore[attr-defined]
        for font in resources.get("/Font", {}).values():  # type: ignore[attr-defined]
            found.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
        for form in resources.get("/XObject", {}).values():  # type: ignore[attr-defined]
            visit(form.get_object().get("/Resources"))

    visit(page.get("/Resources"))
    return found


def fields_of(reader: pypdf.PdfReader) -> list[tuple[str, object, object]]:
    fields = reader.get_fields() or {}
    return sorted((name, field.get("/FT"), field.get("/V")) for name, field in fields.items())


@pytest.mark.slow  # a body a language and name height, and the single products to compare
def test_every_packet_reads_as_its_single_handout_and_log(tmp_path: pathlib.Path) -> None:
    """Each packet is its body stamped with a name: its text, fonts and fields are those of the
    handout and log printed for that participant alone (page numbers aside), long names too."""
    rows = [
        ["p1", "Jane Miller", "en", "", "", ""],
        ["p2", "Tom Brown", "en", "", "", ""],  # the same body as p1
        ["p3", LONG_NAMES[0], "en", "", "", ""],  # more lines in the details: a body of its own
        ["p4", "王芳", "zh", "2026-03-09", "back", "腰伤"],
        ["p5", LONG_NAMES[1], "zh", "2026-03-09", "back", "腰伤"],
    ]
    roster = api.read_roster(write_roster(tmp_path / "roster.csv", rows)).rows
    built = dict(api.packets(roster, details=DAY, executor=InProcess()))
    for row in roster:
        packet = built[row]
        assert isinstance(packet, api.Packet), packet
        mine, single = (
            pypdf.PdfReader(io.BytesIO(data)) for data in (packet.fillable, single_copy(row))
        )
        assert len(mine.pages) == len(single.pages), row.id
        for number, (page, alone) in enumerate(zip(mine.pages, single.pages, strict=True)):
            assert PAGE_NUMBER.sub("#", page.extract_text()) == PAGE_NUMBER.sub(
                "#", alone.extract_text()
            ), (row.id, number)
            assert fonts_of(page) == fonts_of(alone), (row.id, number)
        assert fields_of(mine) == fields_of(single), row.id
