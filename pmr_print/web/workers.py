"""Where the server's builds run, so that a handout is answered while a workshop builds.

Quick work (a handout, cards, a short log) runs in the server's process, one build at a time
(ReportLab keeps global state). Long work (a workshop, a booklet's print file or web page, a long
or completed log) runs in a worker process of its own, at a lower priority, with a bounded
queue: when LONG_SLOTS jobs are already running or waiting, the next is refused at once (503)
instead of waiting behind them. The worker loads the content once, as the server does.
"""

from __future__ import annotations

import multiprocessing
import os
import pathlib
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from pmr_print.web.fields import FieldErrors, Reader

T = TypeVar("T")
LONG_SLOTS = 3  # long jobs running or waiting; more are refused
NICENESS = 19  # long work gives way to the quick requests of the server's process

STOPPED = "the build stopped before it was done (the server is stopping, or memory ran out)"
Job = Callable[[Reader, Any], T]  # a product's maker: (request, content) -> result


class Busy(Exception):
    """The long-work queue is full: try again later."""


@dataclass(frozen=True)
class Refused:
    """A job's FieldErrors, carried back from the worker as plain values."""

    errors: dict[str, str]
    problems: tuple[str, ...]
    status: int


SHELF: list[object] = []  # the worker's content, loaded once by start_worker


def start_worker(content_dir: pathlib.Path | None) -> None:
    """In the worker: its own process group (Ctrl-C in the terminal reaches the server, which
    then stops it and its packet workers together), a lower priority, a watch on the server
    (killed, it leaves no worker behind), and the content."""
    from pmr_print.web.products import Shelf

    os.setpgrp()
    os.nice(NICENESS)
    server = os.getppid()
    threading.Thread(target=watch, args=(server,), daemon=True).start()
    SHELF.append(Shelf.load(content_dir))


def watch(server: int) -> None:
    """Stop this worker's whole group once the server that started it is gone."""
    while os.getppid() == server:
        time.sleep(1)
    os.killpg(0, signal.SIGKILL)


def run_job(job: Job[T], reader: Reader) -> T | Refused:
    try:
        return job(reader, SHELF[0])
    except FieldErrors as error:
        return Refused(error.errors, error.problems, error.status)


class Workers:
    def __init__(self, content_dir: pathlib.Path | None, long_slots: int = LONG_SLOTS) -> None:
        self.content_dir = content_dir
        self.lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(long_slots)
        self.pool: ProcessPoolExecutor | None = None
        self.pool_lock = threading.Lock()

    def quick(self, job: Job[T], reader: Reader, shelf: Any) -> T:
        with self.lock:
            return job(reader, shelf)

    def long(self, job: Job[T], reader: Reader) -> T:
        """job(reader, the worker's shelf) in the worker; Busy when the queue is full."""
        if not self.slots.acquire(blocking=False):
            raise Busy
        try:
            found = self.executor().submit(run_job, job, reader).result()
        except (BrokenProcessPool, CancelledError):  # stopped with the server, or out of memory
            self.close()
            raise FieldErrors({"body": STOPPED}, status=503) from None
        finally:
            self.slots.release()
        if isinstance(found, Refused):
            raise FieldErrors(found.errors, found.problems, found.status)
        return found

    def executor(self) -> ProcessPoolExecutor:
        with self.pool_lock:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=start_worker,
                    initargs=(self.content_dir,),
                )
            return self.pool

    def close(self) -> None:
        """Stop the worker and whatever it started (its packet workers) at once."""
        with self.pool_lock:
            pool, self.pool = self.pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):  # not yet in its own group
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
