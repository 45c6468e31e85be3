"""Many packets at once, on any concurrent.futures.Executor.

The workers render each distinct packet body once (packet.py) and draw each participant's name
for its body's slots: a packet is its body's bytes and the few kilobytes of its name appended
(stencil.py), so a worker gets the body without its bytes and sends back those kilobytes; this
process writes the packets. By default a process pool with a worker per core, each paying its
start-up (content, fonts) once in its initializer. Any other Executor works as it is, e.g. a
Dask cluster's `distributed.Client(...).get_executor()`: then a worker pays its start-up with
its first body. It pays when the work runs to minutes on the local cores (a programme's whole
term: hundreds of distinct bodies, or thousands of names); a workshop's handful of bodies is
built as fast on the two cores of a laptop.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from pmr_print.batch import workers_for
from pmr_print.workshop.packet import (
    Body,
    BodyKey,
    Made,
    Named,
    PacketSetup,
    attempt_body,
    body_key,
    named,
    prepare,
    prepare_names,
    stamp_rows,
)
from pmr_print.workshop.printfile import printed
from pmr_print.workshop.results import Packet
from pmr_print.workshop.roster import Row

Results = Iterator[tuple[Row, Made | str]]  # each row with its packet or why it failed


def default_pool(setup: PacketSetup, jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers_for(jobs), initializer=prepare, initargs=(setup,)
    )


@contextmanager
def running(
    rows: Sequence[Row], setup: PacketSetup, executor: Executor | None = None
) -> Iterator[Batch]:
    """Each distinct body submitted at once (rows that differ only in name and id share one);
    inside the block, each row with its packet as it is made (the caller may do other work
    first, while the workers build), and then the print file, made by a worker too."""
    groups: dict[BodyKey, list[Row]] = {}
    for row in rows:
        groups.setdefault(body_key(row), []).append(row)
    pool = default_pool(setup, len(rows)) if executor is None else None
    runner = executor if pool is None else pool
    assert runner is not None
    pending: Pending = {
        runner.submit(attempt_body, group[0], setup): Bodies(group) for group in groups.values()
    }
    try:
        yield Batch(made(pending, runner, setup), runner, setup)
    finally:
        for future in pending:
            future.cancel()
        if pool is not None:
            pool.shutdown()


@dataclass(frozen=True)
class Batch:
    results: Results
    runner: Executor
    setup: PacketSetup

    def print_file(self, packets: Sequence[Named]) -> bytes:
        """The print file of `packets`, in that order, made by a worker: its page objects grow
        with the packets, and this process keeps its memory for writing them."""
        lean = {id(p.body): replace(p.body, fillable=b"") for p in packets}  # paper only
        light = [replace(packet, body=lean[id(packet.body)]) for packet in packets]
        return self.runner.submit(printed, light, self.setup).result()


@dataclass(frozen=True)
class Bodies:
    """A body on its way, for these rows."""

    rows: list[Row]


@dataclass(frozen=True)
class Stamps:
    """These rows' packets on their way, stamped on this body."""

    body: Body
    rows: list[Row]


Pending = dict[Future[Any], Bodies | Stamps]
STAMPS = 4  # names a worker draws in one go: few, so that the workers share the last ones


def made(pending: Pending, runner: Executor, setup: PacketSetup) -> Results:
    """Each row's packet: its body's rows stamped in the workers, a few at a time, as it
    arrives; rows whose name takes more or fewer lines in the handout's details than the
    body's get a body of their own, laid out with the first."""
    prepare_names(setup)  # this process draws the names of the print file
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            work = pending.pop(future)
            if isinstance(work, Stamps):
                for row, found in zip(work.rows, future.result(), strict=True):
                    result = (
                        found
                        if isinstance(found, str)
                        else Made(named(work.body, row, setup), found)
                    )
                    yield row, result
                continue
            body = future.result()
            if isinstance(body, str):
                yield from ((row, body) for row in work.rows)
                continue
            misfits = [row for row in work.rows if not body.fits(row.name)]
            if misfits:
                pending[runner.submit(attempt_body, misfits[0], setup)] = Bodies(misfits)
            fitting = [row for row in work.rows if row not in misfits]
            for start in range(0, len(fitting), STAMPS):
                rows = fitting[start : start + STAMPS]
                job = runner.submit(stamp_rows, body.light(), rows, setup)
                pending[job] = Stamps(body, rows)


def packets(
    rows: Sequence[Row], setup: PacketSetup, executor: Executor | None = None
) -> Iterator[tuple[Row, Packet | str]]:
    """(row, its packet or the error that stopped it), in the order they finish."""
    with running(rows, setup, executor) as batch:
        for row, found in batch.results:
            yield row, found if isinstance(found, str) else found.packet()
