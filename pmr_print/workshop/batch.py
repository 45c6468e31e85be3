"""Many packets at once, on any concurrent.futures.Executor.

The workers render each distinct packet body once (packet.py); this process stamps every
participant's name on theirs (stamp.py), a small cost a packet. By default a process pool with
a worker per core, each paying its start-up (content, fonts) once in its initializer. Any other
Executor works as it is, e.g. a Dask cluster's `distributed.Client(...).get_executor()`: then a
worker pays its start-up with its first body. It pays when the distinct bodies are many (a
programme's whole term: many start dates and omissions); a workshop's handful of bodies is
built as fast on the two cores of a laptop.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager

from pmr_print.batch import workers_for
from pmr_print.workshop.packet import (
    Body,
    BodyKey,
    PacketSetup,
    attempt_body,
    attempt_stamp,
    body_key,
    prepare,
)
from pmr_print.workshop.results import Packet
from pmr_print.workshop.roster import Row

Results = Iterator[tuple[Row, Packet | str]]  # each row with its packet or why it failed
Pending = dict[Future[Body | str], list[Row]]  # a body on its way, for these rows


def default_pool(setup: PacketSetup, jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers_for(jobs), initializer=prepare, initargs=(setup,)
    )


@contextmanager
def running(
    rows: Sequence[Row], setup: PacketSetup, executor: Executor | None = None
) -> Iterator[Results]:
    """Each distinct body submitted at once (rows that differ only in name and id share one);
    inside the block, each row with its packet, stamped here as its body arrives (the caller
    may do other work first, while the workers build)."""
    groups: dict[BodyKey, list[Row]] = {}
    for row in rows:
        groups.setdefault(body_key(row), []).append(row)
    pool = default_pool(setup, len(groups)) if executor is None else None
    runner = executor if pool is None else pool
    assert runner is not None
    pending = {runner.submit(attempt_body, group[0], setup): group for group in groups.values()}
    try:
        yield stamped(pending, runner, setup)
    finally:
        for future in pending:
            future.cancel()
        if pool is not None:
            pool.shutdown()


def stamped(pending: Pending, runner: Executor, setup: PacketSetup) -> Results:
    """Each row's packet, stamped on its body; rows whose name takes more or fewer lines in
    the handout's details than the body's get a body of their own, laid out with the first."""
    prepare(setup)  # this process draws the names
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            group = pending.pop(future)
            body = future.result()
            if isinstance(body, str):
                yield from ((row, body) for row in group)
                continue
            misfits = [row for row in group if not body.fits(row.name)]
            if misfits:
                pending[runner.submit(attempt_body, misfits[0], setup)] = misfits
            for row in group:
                if row not in misfits:
                    yield row, attempt_stamp(body, row, setup)


def packets(rows: Sequence[Row], setup: PacketSetup, executor: Executor | None = None) -> Results:
    """(row, its packet or the error that stopped it), in the order they finish."""
    with running(rows, setup, executor) as results:
        yield from results
