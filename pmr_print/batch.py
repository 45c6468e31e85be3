"""Building many PDFs at once (`pmr-print all`), on every core.

Each (product, language) is built in a worker process; the parent checks the content first, so
that a content error is reported once, and writes every file itself, atomically. Workers report
a user-facing error as text: PmrError subclasses do not survive pickling with their arguments.
"""

from __future__ import annotations

import os
import pathlib
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from pmr_print.edition import load_edition
from pmr_print.model import Edition
from pmr_print.options import PrintOptions
from pmr_print.pdf.output import check_target, write_atomically
from pmr_print.problems import PmrError


@dataclass(frozen=True)
class Job:
    product: str
    build: Callable[[Edition, PrintOptions], bytes]
    lang: str
    content: pathlib.Path

    def file_name(self) -> str:
        return f"{self.product}-{self.lang}.pdf"


def run(job: Job) -> bytes | str:
    """PDF bytes, or the message of a user-facing error."""
    try:
        edition = load_edition(job.content, job.lang)
        return job.build(edition, PrintOptions())
    except PmrError as error:
        return str(error)


def cores() -> int:
    """The cores this process may use (its affinity where the system tells it)."""
    found = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return len(found) if found else os.cpu_count() or 1


def workers_for(jobs: int) -> int:
    """One worker per core this process may use, and no more than there are jobs: `pmr-print
    all` and the workshop's packets count them the same way."""
    return max(1, min(jobs, cores()))


def ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which reports it once and cancels what is left."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def build_results(jobs: Sequence[Job]) -> list[bytes | str]:
    workers = workers_for(len(jobs))
    if workers == 1:
        return [run(job) for job in jobs]
    pool = ProcessPoolExecutor(max_workers=workers, initializer=ignore_interrupts)
    try:
        return list(pool.map(run, jobs))
    finally:
        pool.shutdown(cancel_futures=True)


def build_jobs(
    jobs: Sequence[Job], output_dir: pathlib.Path, inputs: Sequence[pathlib.Path] = ()
) -> list[pathlib.Path]:
    """Build every job, then write every file. Every target is checked before anything is
    built, so that one unwritable target leaves the others untouched too."""
    paths = [output_dir / job.file_name() for job in jobs]
    for path in paths:
        check_target(path, inputs)
    results = build_results(jobs)
    for job, result in zip(jobs, results, strict=True):
        if isinstance(result, str):
            raise PmrError(f"{job.file_name()}: {result}")
    for path, result in zip(paths, results, strict=True):
        write_atomically(path, result, inputs)  # type: ignore[arg-type]
    return paths
