"""Where the server's builds run, so that a handout is answered while a workshop builds.

Quick work (a handout, cards, a short log) runs in the server's process, one build at a time
(ReportLab keeps global state). Long work (a workshop, a booklet's print file or web page, a long
or completed log) runs in a worker process of its own, at a lower priority, with a bounded
queue: when LONG_SLOTS jobs are already running or waiting, the next is refused at once (503)
instead of waiting behind them. The worker loads the content once, as the server does.

A spoken session (GET /api/audio, the practice page's player) is long work too: its encoding
takes seconds. The last AUDIO_KEPT sessions are kept (fewer when they hold more than AUDIO_BYTES:
a WAV of the standard session is 28 MB), and a request for a session already being built waits
for that build, so an <audio> element's seeks (Range requests) and its captions never encode it
again.
"""

from __future__ import annotations

import multiprocessing
import os
import pathlib
import re
import signal
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, TypeVar

from pmr_print.problems import PmrError, UsageError
from pmr_print.web.fields import FieldErrors, Reader

T = TypeVar("T")
LONG_SLOTS = 3  # long jobs running or waiting; more are refused
NICENESS = 19  # long work gives way to the quick requests of the server's process

JOB_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")  # a page's name for its request, to ask its progress
KEPT = 64  # the finished jobs whose last count is kept, for a page that asks once more
STOPPED = "the build stopped before it was done (the server is stopping, or memory ran out)"
Job = Callable[[Reader, Any], T]  # a product's maker: (request, content) -> result
Runner = Callable[..., Any]  # run_job, or one that wraps it: what the worker is given to run
AUDIO_KEPT = 4  # spoken sessions kept built (under 1 MB each as Opus, 18 to 45 MB as WAV)
AUDIO_BYTES = 64 << 20  # the most their audio holds, beyond the one just built
SessionKey = tuple[str, str, tuple[str, ...], str]  # lang, protocol, groups left out, format


class Busy(Exception):
    """The long-work queue is full: try again later."""


@dataclass(frozen=True)
class Refused:
    """A job's FieldErrors, carried back from the worker as plain values."""

    errors: dict[str, str]
    problems: tuple[str, ...]
    status: int


@dataclass(frozen=True)
class Failed:
    """A build's PmrError, carried back from the worker as its message."""

    message: str


@dataclass(frozen=True)
class Recording:
    """A spoken session as the server sends it: the audio file and its WebVTT captions."""

    audio: bytes
    captions: str
    media_type: str


SHELF: list[object] = []  # the worker's content, loaded once by start_worker
COUNTS: list[Any] = []  # the worker's end of the progress queue (start_worker)


def start_worker(content_dir: pathlib.Path | None, counts: Any = None) -> None:
    """In the worker: its own process group (Ctrl-C in the terminal reaches the server, which
    then stops it and its packet workers together), a lower priority, a watch on the server
    (killed, it leaves no worker behind), and the content."""
    from pmr_print.web.products import Shelf

    os.setpgrp()
    os.nice(NICENESS)
    server = os.getppid()
    threading.Thread(target=watch, args=(server,), daemon=True).start()
    SHELF.append(Shelf.load(content_dir))
    COUNTS.append(counts)


def watch(server: int) -> None:
    """Stop this worker's whole group once the server that started it is gone."""
    while os.getppid() == server:
        time.sleep(1)
    os.killpg(0, signal.SIGKILL)


def run_job(job: Job[T], reader: Reader, job_id: str | None = None) -> T | Refused:
    if job_id is not None and COUNTS and COUNTS[0] is not None:
        queue = COUNTS[0]
        reader.progress = lambda done, total: queue.put((job_id, done, total))
    try:
        return job(reader, SHELF[0])
    except FieldErrors as error:
        return Refused(error.errors, error.problems, error.status)


def speak(lang: str, protocol: str, omit: tuple[str, ...], kind: str) -> Recording | Failed:
    """In the worker: the spoken session (as `pmr-print audio`) of the worker's content."""
    from pmr_print import api
    from pmr_print.options import HandoutDetails, PrintOptions
    from pmr_print.web.products import Shelf

    shelf = SHELF[0]
    assert isinstance(shelf, Shelf)
    try:
        edition = shelf.edition(lang)
        options, details = PrintOptions(protocol=protocol), HandoutDetails(omit=omit)
        spoken = api.audio(edition, options, details, kind)
    except PmrError as error:
        return Failed(str(error))
    return Recording(spoken.audio, spoken.captions, spoken.media_type)


class Workers:
    def __init__(
        self,
        content_dir: pathlib.Path | None,
        long_slots: int = LONG_SLOTS,
        runner: Runner = run_job,
    ) -> None:
        self.content_dir = content_dir
        # what the worker runs: run_job; a test may wrap it (a module-level function, pickled
        # by name) to pace the counts a browser watches
        self.runner = runner
        self.lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(long_slots)
        self.pool: ProcessPoolExecutor | None = None
        self.pool_lock = threading.Lock()
        # (done, total) of each long job a page named (its `job` field), from the worker
        self.counts: OrderedDict[str, tuple[int, int]] = OrderedDict()
        self.counts_lock = threading.Lock()
        self.queue: Any = None
        self.sessions: OrderedDict[SessionKey, Future[Recording | Failed]] = OrderedDict()
        self.sessions_lock = threading.Lock()

    def progress(self, job_id: str) -> tuple[int, int] | None:
        """How far the job is, as its worker last said (0 of 0: queued or not counted yet)."""
        with self.counts_lock:
            return self.counts.get(job_id)

    def counted(self, job_id: str, done: int, total: int) -> None:
        with self.counts_lock:
            self.counts[job_id] = (done, total)
            self.counts.move_to_end(job_id)
            while len(self.counts) > KEPT + LONG_SLOTS:
                self.counts.popitem(last=False)

    def listen(self, queue: Any) -> None:
        """The server's end of the progress queue: each count as the worker sends it."""
        while True:
            try:
                item = queue.get()
            except (EOFError, OSError, ValueError):  # the queue closed with the pool
                return
            if item is None:
                return
            self.counted(*item)

    def quick(self, job: Job[T], reader: Reader, shelf: Any) -> T:
        with self.lock:
            return job(reader, shelf)

    def long(self, job: Job[T], reader: Reader, job_id: str | None = None) -> T:
        """job(reader, the worker's shelf) in the worker; Busy when the queue is full. A job
        named by `job_id` (JOB_ID) tells its progress (Workers.progress) as it goes."""
        if not self.slots.acquire(blocking=False):
            raise Busy
        if job_id is not None and not JOB_ID.fullmatch(job_id):
            job_id = None
        if job_id is not None:
            self.counted(job_id, 0, 0)
        try:
            found: T | Refused = self.executor().submit(self.runner, job, reader, job_id).result()
        except (BrokenProcessPool, CancelledError):  # stopped with the server, or out of memory
            self.close()
            raise FieldErrors({"body": STOPPED}, status=503) from None
        finally:
            self.slots.release()
        if isinstance(found, Refused):
            raise FieldErrors(found.errors, found.problems, found.status)
        return found

    def recording(
        self, lang: str, protocol: str, omit: tuple[str, ...], kind: str | None
    ) -> Recording:
        """The spoken session, built in the worker once (see the module's docstring); kind None
        takes any format already built or being built (the captions are the same), else WAV,
        the quickest. UsageError for a bad value, Busy when the queue is full."""
        future = self.session_future(lang, protocol, tuple(sorted(set(omit))), kind)
        try:
            found = future.result()
        except (BrokenProcessPool, CancelledError):
            self.forget(future)
            self.close()
            raise FieldErrors({"body": STOPPED}, status=503) from None
        if isinstance(found, Failed):
            self.forget(future)
            raise UsageError(found.message)
        self.trim(future)
        return found

    def trim(self, keep: Future[Recording | Failed]) -> None:
        """The oldest built sessions let go while the kept audio holds over AUDIO_BYTES."""
        with self.sessions_lock:
            built = [(key, found.result()) for key, found in self.sessions.items()
                     if found.done() and found is not keep and not found.exception()]  # fmt: skip
            held = sum(len(made.audio) for _, made in built if isinstance(made, Recording))
            for key, made in built:  # oldest first
                if held <= AUDIO_BYTES:
                    return
                held -= len(made.audio) if isinstance(made, Recording) else 0
                del self.sessions[key]

    def session_future(
        self, lang: str, protocol: str, omit: tuple[str, ...], kind: str | None
    ) -> Future[Recording | Failed]:
        with self.sessions_lock:
            if kind is None:
                same = [key for key in self.sessions if key[:3] == (lang, protocol, omit)]
                kind = same[-1][3] if same else "wav"
            key = (lang, protocol, omit, kind)
            found = self.sessions.get(key)
            if found is not None:
                self.sessions.move_to_end(key)
                return found
            if not self.slots.acquire(blocking=False):
                raise Busy
            try:
                found = self.executor().submit(speak, *key)
            except BaseException:
                self.slots.release()
                raise
            found.add_done_callback(lambda _: self.slots.release())
            self.sessions[key] = found
            while len(self.sessions) > AUDIO_KEPT:
                self.sessions.popitem(last=False)
            return found

    def forget(self, future: Future[Recording | Failed]) -> None:
        """A failed build is not kept: the next request tries again."""
        with self.sessions_lock:
            for key, found in list(self.sessions.items()):
                if found is future:
                    del self.sessions[key]

    def executor(self) -> ProcessPoolExecutor:
        with self.pool_lock:
            if self.pool is None:
                context = multiprocessing.get_context("spawn")
                self.queue = context.Queue()
                threading.Thread(target=self.listen, args=(self.queue,), daemon=True).start()
                self.pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=context,
                    initializer=start_worker,
                    initargs=(self.content_dir, self.queue),
                )
            return self.pool

    def close(self) -> None:
        """Stop the worker and whatever it started (its packet workers) at once."""
        with self.pool_lock:
            pool, self.pool = self.pool, None
            queue, self.queue = self.queue, None
        with self.sessions_lock:
            self.sessions.clear()
        if queue is not None:
            queue.put(None)  # the listener stops
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):  # not yet in its own group
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
