"""The workshop at scale, measured in one run on one machine (issue 23):

    PYTHONPATH=. python -m benchmarks.workshop [--rows 200 1000]

One cold zh handout (a child process, the reference), then a workshop of each size from a roster
of 8 distinct packet bodies (en and zh, two start dates, back left out or not), each in a child
process that reports its own peak memory and its workers' (getrusage: RUSAGE_SELF, and
RUSAGE_CHILDREN, the largest of its workers). Prints a Markdown table with the targets: the
200-row workshop in at most 15 × the handout, 1,000 rows in at most 5 × 200, every process at
most 150 MB, and the print file for 200 at most 5 × one packet plus 10 KB a participant.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import resource
import subprocess
import sys
import tempfile
import time

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
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[200, 1000])
    args = parser.parse_args()
    env = environment(pathlib.Path.cwd())
    with tempfile.TemporaryDirectory() as folder:
        tmp = pathlib.Path(folder)
        handout, _ = timed(
            [PYTHON, "-m", "pmr_print", "handout", "--lang", "zh", "-o", str(tmp / "h.pdf")], env
        )
        print("| case | time | × handout | parent peak | largest worker peak | print file |")
        print("|---|---|---|---|---|---|")
        print(f"| one cold zh handout | {handout:.1f} s | 1 × | | | |")
        for rows in args.rows:
            out = tmp / f"w{rows}"
            csv = roster(tmp / f"r{rows}.csv", rows)
            argv = [PYTHON, "-m", "benchmarks.workshop", "--child", str(csv), str(out)]
            wall, stdout = timed(argv, env)
            found = json.loads(stdout.strip().splitlines()[-1])
            size = (out / "packets-to-print.pdf").stat().st_size
            packets = sorted((out / "packets").iterdir(), key=lambda p: p.stat().st_size)
            print(
                f"| workshop, {rows} rows | {wall:.1f} s (build {found['seconds']:.1f} s) | "
                f"{wall / handout:.1f} × | {found['parent_mb']:.0f} MB | "
                f"{found['worker_mb']:.0f} MB | {size / 1e6:.2f} MB "
                f"(largest packet {packets[-1].stat().st_size / 1e6:.2f} MB, "
                f"smallest {packets[0].stat().st_size / 1e6:.2f} MB) |"
            )


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main()
