"""Many packets at once, on any concurrent.futures.Executor.

By default a process pool with a worker per core, each paying its start-up (content, fonts) once
in its initializer. Any other Executor works as it is, e.g. a Dask cluster's
`distributed.Client(...).get_executor()`: then a worker pays its start-up with its first packet.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor, as_completed

from pmr_print.workshop.packet import PacketSetup, attempt_packet, prepare
from pmr_print.workshop.results import Packet
from pmr_print.workshop.roster import Row

Progress = Callable[[], None]  # called once per packet done, built or failed


def cores() -> int:
    found = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return len(found) if found else os.cpu_count() or 1


def default_pool(setup: PacketSetup, jobs: int) -> ProcessPoolExecutor:
    workers = max(1, min(jobs, cores()))
    return ProcessPoolExecutor(max_workers=workers, initializer=prepare, initargs=(setup,))


def packets(
    rows: Sequence[Row], setup: PacketSetup, executor: Executor | None = None
) -> Iterator[tuple[Row, Packet | str]]:
    """(row, its packet or the error that stopped it), in the order they finish."""
    if executor is None:
        with default_pool(setup, len(rows)) as pool:
            yield from run_on(pool, rows, setup)
    else:
        yield from run_on(executor, rows, setup)


def run_on(
    executor: Executor, rows: Sequence[Row], setup: PacketSetup
) -> Iterator[tuple[Row, Packet | str]]:
    futures: dict[Future[Packet | str], Row] = {
        executor.submit(attempt_packet, row, setup): row for row in rows
    }
    try:
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:
        for future in futures:
            future.cancel()
