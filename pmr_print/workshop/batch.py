"""Many packets at once, on any concurrent.futures.Executor.

By default a process pool with a worker per core, each paying its start-up (content, fonts) once
in its initializer. Any other Executor works as it is, e.g. a Dask cluster's
`distributed.Client(...).get_executor()`: then a worker pays its start-up with its first packet.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed
from contextlib import contextmanager

from pmr_print.batch import workers_for
from pmr_print.workshop.packet import PacketSetup, attempt_packet, prepare
from pmr_print.workshop.results import Packet
from pmr_print.workshop.roster import Row

Results = Iterator[tuple[Row, Packet | str]]  # each row with its packet or why it failed


def default_pool(setup: PacketSetup, jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers_for(jobs), initializer=prepare, initargs=(setup,)
    )


@contextmanager
def running(
    rows: Sequence[Row], setup: PacketSetup, executor: Executor | None = None
) -> Iterator[Results]:
    """Every row submitted at once; inside the block, the results in the order they finish
    (the caller may do other work first, while the workers build)."""
    pool = default_pool(setup, len(rows)) if executor is None else None
    runner = executor if pool is None else pool
    assert runner is not None
    futures: dict[Future[Packet | str], Row] = {
        runner.submit(attempt_packet, row, setup): row for row in rows
    }
    try:
        yield ((futures[future], future.result()) for future in as_completed(futures))
    finally:
        for future in futures:
            future.cancel()
        if pool is not None:
            pool.shutdown()


def packets(rows: Sequence[Row], setup: PacketSetup, executor: Executor | None = None) -> Results:
    """(row, its packet or the error that stopped it), in the order they finish."""
    with running(rows, setup, executor) as results:
        yield from results
