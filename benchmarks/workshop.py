"""The workshop at scale, measured in one run on one machine (issue 23):

    PYTHONPATH=. python -m benchmarks.workshop [--rows 200 1000] [--baseline CHECKOUT]

A cold zh handout (a child process, the reference: timed before each workshop and once after,
the median taken, for one cold process swings with a shared machine's load), and a workshop of
each size from a roster of 8 distinct packet bodies (en and zh, two start dates, back left out
or not), each in a child process that reports its own peak memory and its workers' (getrusage:
RUSAGE_SELF, and RUSAGE_CHILDREN, the largest of its workers). With --baseline, another checkout
(the code before a change) builds each workshop too, right after this one. Prints a Markdown
table with the targets: the 200-row workshop in at most 15 × the handout, 1,000 rows in at most
5 × 200, every process at most 150 MB, and the print file for 200 at most 5 × one packet plus
10 KB a participant; and the load average before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

from benchmarks.run import PYTHON, environment

COMBINATIONS = [  # (lang, start, omit, reason): 8 distinct bodies
    (lang, start, omit, reason)
    for lang in ("en", "zh")
    for start in ("2026-12-07", "2026-12-14")
    for omit, reason in (("", ""), ("back", "recent injury" if lang == "en" else "腰伤"))
]


def roster(path: pathlib.Path, rows: int) -> pathlib.Path:
    lines = ["id,name,lang,start,omit,omit_reason"]
    for row in range(rows):
        lang, start, omit, reason = COMBINATIONS[row % len(COMBINATIONS)]
        name = f"学员{row:04d}" if lang == "zh" else f"Participant {row:04d}"
        lines.append(f"p{row:04d},{name},{lang},{start},{omit},{reason}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def child(roster_path: str, out: str) -> None:
    """Build the workshop here; print its time and the peaks of this process and its workers."""
    from pmr_print import api

    start = time.perf_counter()
    report = api.workshop(pathlib.Path(roster_path), pathlib.Path(out))
    elapsed = time.perf_counter() - start
    assert report.status == 0, report.problems
    parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "parent_mb": parent, "worker_mb": workers}))


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    """The command's time, run in the checkout its PYTHONPATH names (`-m` looks there first)."""
    start = time.perf_counter()
    done = subprocess.run(
        argv, env=env, cwd=env["PYTHONPATH"], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, done.stdout


def workshop(rows: int, tmp: pathlib.Path, env: dict[str, str], tag: str) -> Measured:
    out = tmp / f"w{rows}-{tag}"
    csv = roster(tmp / f"r{rows}.csv", rows)
    argv = [PYTHON, "-m", "benchmarks.workshop", "--child", str(csv), str(out)]
    wall, stdout = timed(argv, env)
    found = json.loads(stdout.strip().splitlines()[-1])
    packets = sorted((out / "packets").iterdir(), key=lambda p: p.stat().st_size)
    sizes = ((out / "packets-to-print.pdf").stat().st_size, packets[-1].stat().st_size)
    measured = Measured(wall, found, sizes[0], sizes[1], packets[0].stat().st_size)
    shutil.rmtree(out)
    return measured


@dataclass(frozen=True)
class Measured:
    wall: float
    found: dict[str, float]
    print_file: int
    largest: int
    smallest: int

    def row(self, case: str, ratio: str) -> str:
        found = self.found
        return (
            f"| {case} | {self.wall:.1f} s (build {found['seconds']:.1f} s) | {ratio} | "
            f"{found['parent_mb']:.0f} MB | {found['worker_mb']:.0f} MB | "
            f"{self.print_file / 1e6:.2f} MB (largest packet {self.largest / 1e6:.2f} MB, "
            f"smallest {self.smallest / 1e6:.2f} MB) |"
        )


def load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--baseline", type=pathlib.Path, help="another checkout to compare")
    args = parser.parse_args()
    env = environment(pathlib.Path.cwd().resolve())
    base = None if args.baseline is None else environment(args.baseline.resolve())
    print(f"load average at start: {load()}")
    handout = [PYTHON, "-m", "pmr_print", "handout", "--lang", "zh", "-o"]
    with tempfile.TemporaryDirectory() as folder:
        tmp = pathlib.Path(folder)
        handouts, rows = [], []
        for size in args.rows:
            handouts.append(timed([*handout, str(tmp / "h.pdf")], env)[0])
            now = workshop(size, tmp, env, "now")
            rows.append((size, now, None if base is None else workshop(size, tmp, base, "base")))
        handouts.append(timed([*handout, str(tmp / "h.pdf")], env)[0])
    reference = statistics.median(handouts)
    print(f"load average at end: {load()}")
    print("| case | time | ratio | parent peak | largest worker peak | print file |")
    print("|---|---|---|---|---|---|")
    times = ", ".join(f"{value:.2f}" for value in handouts)
    print(f"| one cold zh handout | {reference:.2f} s (median of {times}) | 1 × | | | |")
    first = rows[0][1].wall
    for size, now, before in rows:
        ratio = f"{now.wall / reference:.1f} × the handout"
        if size != rows[0][0]:
            ratio += f", {now.wall / first:.1f} × the {rows[0][0]} rows"
        print(now.row(f"workshop, {size} rows", ratio))
        if before is not None:
            print(before.row(f"baseline, {size} rows", f"now {now.wall / before.wall:.2f} ×"))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
