"""The workshop pack as a zip (the web's download): written to a file as the packets are made,
in bounded memory, and sent from the file."""

from __future__ import annotations

import asyncio
import io
import pathlib
import tracemalloc
import zipfile

import pypdf
import pytest
from starlette.responses import StreamingResponse

from pmr_print import api
from pmr_print.web.app import result_response
from pmr_print.web.products import Result
from tests.test_workshop import DAY, InProcess

HEADER = "id,name,lang,start,omit,omit_reason\n"


def roster(count: int) -> bytes:
    """`count` rows of one body (English, no start, nothing left out), and a bad row."""
    rows = [f"p{number:03d},Participant {number:03d},en,,," for number in range(count)]
    return (HEADER + "\n".join([*rows, "bad,X,fr,,,"]) + "\n").encode()


def zipped(count: int) -> tuple[bytes, int]:
    """The zip of `count` rows and the peak of Python's memory while it was written to a file
    (the content and fonts loaded before, by the zip made in memory)."""
    out = io.BytesIO()
    api.write_workshop_zip(out, roster(count), "r.csv", details=DAY, executor=InProcess())
    tracemalloc.start()
    try:
        with pathlib.Path("/dev/null").open("wb") as sink:
            api.write_workshop_zip(sink, roster(count), "r.csv", details=DAY, executor=InProcess())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return out.getvalue(), peak


@pytest.mark.slow  # builds a body four times, under tracemalloc twice
def test_the_zip_is_complete_and_its_memory_does_not_grow_with_the_rows() -> None:
    small, small_peak = zipped(2)
    large, large_peak = zipped(12)
    archive = zipfile.ZipFile(io.BytesIO(large))
    assert archive.testzip() is None
    names = archive.namelist()
    packets = [f"workshop/packets/p{number:03d}.pdf" for number in range(12)]
    assert names == [
        "workshop/facilitator-script.pdf",
        "workshop/slides.pdf",
        "workshop/packets-to-print.pdf",
        *packets,  # in the roster's order, whichever finished first
        "workshop/problems.txt",
    ]
    for number, name in enumerate(packets):
        first = pypdf.PdfReader(io.BytesIO(archive.read(name))).pages[0].extract_text()
        assert f"Participant {number:03d}" in first
    assert b"unknown language 'fr'" in archive.read("workshop/problems.txt")
    # Ten more packets in the zip, not in memory: the peak grows by less than one packet (a zip
    # kept in memory with its packets grew it by twice the zip's growth).
    packet = len(archive.read(packets[0]))
    assert len(large) - len(small) > 9 * packet
    assert large_peak - small_peak < packet, (small_peak, large_peak, packet)


def test_a_zip_made_in_a_file_is_sent_from_it_and_removed(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "pack.zip"
    data = bytes(range(256)) * 12_000  # 3 MB: sent in several pieces
    path.write_bytes(data)
    response = result_response(Result(b"", "application/zip", "w.zip", (), path), "attachment")
    assert isinstance(response, StreamingResponse)
    assert not path.exists()  # nothing left behind, whether or not the download ends
    assert response.headers["content-length"] == str(len(data))

    async def sent() -> list[bytes]:
        return [bytes(piece) async for piece in response.body_iterator]  # type: ignore[arg-type]

    pieces = asyncio.run(sent())
    assert len(pieces) == 3 and b"".join(pieces) == data
