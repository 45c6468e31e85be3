"""`pmr-print serve` whose long jobs count slowly, for a browser test to watch the count change:
`python -m tests.paced_serve` (from the project's folder) prints the URL as `serve` does.

The pace is the test's: each count the worker sends waits PACE seconds first, so that a booklet
print file of 30 pages shows several counts on a machine of any speed. Nothing in the product
sleeps.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from pmr_print.web.fields import Reader
from pmr_print.web.serve import serve
from pmr_print.web.workers import Workers, run_job

PACE = 0.15  # seconds before each count


def paced(job: Any, reader: Reader, shelf: Any) -> Any:
    """The job, each of its counts sent PACE seconds late."""
    told = reader.progress
    if told is not None:

        def slowly(done: int, total: int) -> None:
            time.sleep(PACE)
            told(done, total)

        reader.progress = slowly
    return job(reader, shelf)


def paced_job(job: Any, reader: Reader, job_id: str | None = None) -> Any:
    """What the worker runs: run_job, the job's counts paced."""
    from functools import partial

    return run_job(partial(paced, job), reader, job_id)


if __name__ == "__main__":
    sys.exit(serve(None, False, workers=Workers(None, runner=paced_job)))
