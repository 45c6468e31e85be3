#!/usr/bin/env python3
"""Benchmark pmr-print on the machine at hand; print a table and write benchmarks/results.md.

    .venv/bin/python benchmarks/run.py                 # about 3 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --runs 9 --builds 20
    .venv/bin/python benchmarks/run.py --baseline ../old-checkout   # before/after, one run

What it measures, each as the median of several runs (the machine may be shared and noisy: read
medians and ratios, not single times):
- cold: each product in each language as a whole new process (`python -m pmr_print ...`), the
  52-week log, `pmr-print all`, and a booklet and a 200-row workshop when the command has them;
  with output size and peak memory (getrusage of the child, which counts its workers);
- in-process: content and fonts loaded once, then N builds, each for another client name;
- the same handout content rendered by WeasyPrint (HTML made from the same model) and by Typst
  (markup from the same model), cold, and Typst's fresh compile in a warm process: installed
  with `pip install -e '.[bench]'`, skipped when absent.
Cold runs of every case alternate within each round, so that a busy moment hits all of them.
With --baseline DIR (another checkout of pmr-print), our cases also run from DIR, alternating,
and the table gets a column "now / baseline".
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable


@dataclass
class Case:
    """One cold command, run from one source tree (`variant`)."""

    label: str
    argv: list[str]
    output: pathlib.Path | None
    variant: str = "now"
    heavy: bool = False  # seconds or minutes a run: measured in the first round only
    times: list[float] = field(default_factory=list)
    peak_kb: int = 0
    size: int = 0


def run_child(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time and peak resident memory (KB) of a child process and its children."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        error = child.stderr.read().decode() if child.stderr else ""
        raise RuntimeError(f"{' '.join(argv)} failed ({child.returncode}): {error[-600:]}")
    if child.stderr:
        child.stderr.close()
    return elapsed, usage.ru_maxrss


def environment(source: pathlib.Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(source), PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def has_command(name: str, env: dict[str, str]) -> bool:
    """Whether `pmr-print NAME` is built (a planned command has no -o option)."""
    found = subprocess.run(
        [PYTHON, "-m", "pmr_print", name, "--help"], env=env, capture_output=True, text=True
    )
    return found.returncode == 0 and "--output" in found.stdout


def roster(path: pathlib.Path, rows: int) -> pathlib.Path:
    lines = ["id,name,lang,start,omit,omit_reason"]
    for row in range(rows):
        lang = "zh" if row % 2 else "en"
        name = f"学员{row:03d}" if lang == "zh" else f"Participant {row:03d}"
        lines.append(f"p{row:03d},{name},{lang},2026-12-07,,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def our_cases(tmp: pathlib.Path, variant: str, env: dict[str, str]) -> tuple[list[Case], list[str]]:
    cases, notes = [], []
    out = tmp / variant
    out.mkdir()
    for product in ("handout", "cards", "log"):
        for lang in ("en", "zh"):
            pdf = out / f"{product}-{lang}.pdf"
            argv = [PYTHON, "-m", "pmr_print", product, "--lang", lang, "-o", str(pdf)]
            cases.append(Case(f"{product} {lang}", argv, pdf, variant))
    pdf = out / "log-zh-52.pdf"
    argv = [PYTHON, "-m", "pmr_print", "log", "--lang", "zh", "--weeks", "52", "-o", str(pdf)]
    cases.append(Case("log zh, 52 weeks", argv, pdf, variant, heavy=True))
    cases.append(
        Case(
            "all (every product and language)",
            [PYTHON, "-m", "pmr_print", "all", "-o", str(out / "all")],
            None,
            variant,
        )
    )
    if has_command("booklet", env):
        pdf = out / "booklet-zh.pdf"
        argv = [PYTHON, "-m", "pmr_print", "booklet", "--lang", "zh", "-o", str(pdf)]
        cases.append(Case("booklet zh", argv, pdf, variant))
    else:
        notes.append(f"{variant}: no booklet command yet: skipped")
    if has_command("workshop", env):
        argv = [
            PYTHON,
            "-m",
            "pmr_print",
            "workshop",
            "--roster",
            str(roster(out / "r.csv", 200)),
            "--quiet",
            "-o",
            str(out / "workshop"),
        ]
        cases.append(Case("workshop, 200 rows (one run)", argv, None, variant, heavy=True))
    else:
        notes.append(f"{variant}: no workshop command yet: skipped")
    return cases, notes


def engine_cases(tmp: pathlib.Path, env: dict[str, str]) -> tuple[list[Case], list[str]]:
    """WeasyPrint and Typst rendering the zh handout's content, each a cold process."""
    made = subprocess.run(
        [PYTHON, str(HERE / "engines.py"), "prepare", str(tmp)],
        env=env,
        capture_output=True,
        text=True,
    )
    available = json.loads(made.stdout) if made.returncode == 0 else {}
    cases, notes = [], []
    for engine in ("weasyprint", "typst"):
        if engine not in available:
            notes.append(f"{engine} not installed (pip install -e '.[bench]'): skipped")
            continue
        pdf = tmp / f"{engine}.pdf"
        argv = [PYTHON, str(HERE / "engines.py"), engine, available[engine], str(pdf)]
        cases.append(Case(f"{engine}, zh handout content", argv, pdf, engine))
    return cases, notes


def in_process(env: dict[str, str], builds: int) -> dict[str, float]:
    found = subprocess.run(
        [PYTHON, str(HERE / "inprocess.py"), str(builds)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(found.stdout)


def run_round(
    cases: list[Case], variants: dict[str, dict[str, str]], env: dict[str, str], number: int
) -> None:
    """One run of every case. The variants of a case run back to back, which one first turning
    each round, so that a busy moment on a shared machine hits the ratios as little as it can."""
    by_label: dict[str, list[Case]] = {}
    for case in cases:
        by_label.setdefault(case.label, []).append(case)
    for same in by_label.values():
        if same[0].heavy and number > 0:
            continue
        turn = number % len(same)
        for case in same[turn:] + same[:turn]:
            elapsed, peak = run_child(case.argv, variants.get(case.variant, env))
            case.times.append(elapsed)
            case.peak_kb = max(case.peak_kb, peak)
            if case.output is not None:
                case.size = case.output.stat().st_size


def in_process_rounds(
    variants: dict[str, dict[str, str]], builds: int, rounds: int
) -> dict[str, dict[str, float]]:
    """In-process medians per variant, the variants alternating round by round (a busy moment
    then hits them all); each figure is the median of the rounds' medians."""
    found: dict[str, dict[str, list[float]]] = {variant: {} for variant in variants}
    for _ in range(rounds):
        for variant, env in variants.items():
            for label, value in in_process(env, builds).items():
                found[variant].setdefault(label, []).append(value)
    return {
        variant: {label: statistics.median(values) for label, values in labels.items()}
        for variant, labels in found.items()
    }


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{cpu}, {cores} cores, Python {platform.python_version()}, {platform.system()} "
        f"{platform.release()}; load average at start {load}; {dt.date.today()}"
    )


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def table(
    cases: list[Case], warm: dict[str, dict[str, float]], notes: list[str], runs: int, builds: int
) -> str:
    ours = [case for case in cases if case.variant == "now"]
    base = {case.label: case for case in cases if case.variant == "baseline"}
    engines = {case.variant: case for case in cases if case.variant in ("weasyprint", "typst")}
    head = "| cold process | median | peak memory | size |"
    rule = "|---|---:|---:|---:|"
    if base:
        head, rule = head + " now / baseline |", rule + "---:|"
    lines = [
        f"Cold: median of {runs} runs, alternating (52 weeks and the workshop: one run). "
        f"In-process: median of {builds} builds.",
        "",
        head,
        rule,
    ]
    for case in ours:
        size = f"{case.size / 1024:,.0f} KB" if case.size else ""
        memory = f"{case.peak_kb / 1024:,.0f} MB"
        row = f"| {case.label} | {median_ms(case.times):,.0f} ms | {memory} | {size} |"
        if case.label in base:
            row += f" {median_ms(case.times) / median_ms(base[case.label].times):.2f} × |"
        lines.append(row)
    for case in engines.values():
        size = f"{case.size / 1024:,.0f} KB" if case.size else ""
        lines.append(
            f"| {case.label} | {median_ms(case.times):,.0f} ms | "
            f"{case.peak_kb / 1024:,.0f} MB | {size} |" + (" |" if base else "")
        )
    lines += [
        "",
        "| in-process build (fonts and content loaded) | median |"
        + (" now / baseline |" if base else ""),
        "|---|---:|" + ("---:|" if base else ""),
    ]
    for label, value in warm["now"].items():
        row = f"| {label} | {value:,.1f} ms |"
        if base and label in warm.get("baseline", {}):
            row += f" {value / warm['baseline'][label]:.2f} × |"
        lines.append(row)
    lines += ["", "| ratio (same run) | value | budget |", "|---|---:|---:|"]
    lines += ratios(ours, engines, warm["now"])
    return "\n".join(lines + [""] + [f"- {note}" for note in notes]) + "\n"


def ratios(ours: list[Case], engines: dict[str, Case], warm: dict[str, float]) -> list[str]:
    by = {case.label: median_ms(case.times) for case in ours}
    rows = []
    for engine, budget in (("weasyprint", "≤ 0.3 ×"), ("typst", "≤ 2.5 ×")):
        if engine in engines:
            value = by["handout zh"] / median_ms(engines[engine].times)
            rows.append(f"| cold zh handout / cold {engine} | {value:.2f} × | {budget} |")
    if "typst warm compile, zh handout content" in warm:
        value = warm["handout zh"] / warm["typst warm compile, zh handout content"]
        rows.append(f"| in-process zh handout / Typst warm compile | {value:.2f} × | ≤ 1 × |")
    value = by["log zh"] / by["handout zh"]
    rows.append(f"| cold zh log / cold zh handout | {value:.2f} × | ≤ 1.3 × |")
    if "log zh, 13 weeks" in warm and "log zh, 52 weeks" in warm:
        value = warm["log zh, 52 weeks"] / warm["log zh, 13 weeks"]
        rows.append(f"| in-process log 52 weeks / 13 weeks (linear: 4) | {value:.2f} | ≤ 4 |")
    rows.append(f"| cold 52-week zh log | {by['log zh, 52 weeks'] / 1000:.2f} s | ≤ 3 s |")
    if "booklet zh" in by:
        rows.append(f"| cold zh booklet | {by['booklet zh'] / 1000:.2f} s | < 1 s |")
    workshop = "workshop, 200 rows (one run)"
    if workshop in by:
        rows.append(f"| 200-row workshop | {by[workshop] / 1000:.2f} s | ≤ 10 s |")
    peak = max(case.peak_kb for case in ours) / 1024
    rows.append(f"| peak memory, any one process | {peak:,.0f} MB | ≤ 150 MB |")
    handout = max(case.size for case in ours if case.label.startswith("handout"))
    rows.append(f"| handout size | {handout / 1024:,.0f} KB | ≤ 300 KB |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold runs of each case (default 5)")
    parser.add_argument("--builds", type=int, default=10, help="in-process builds (default 10)")
    parser.add_argument("--baseline", type=pathlib.Path, help="another checkout to compare with")
    parser.add_argument("--output", type=pathlib.Path, default=HERE / "results.md")
    args = parser.parse_args()
    header = machine()
    with tempfile.TemporaryDirectory(prefix="pmr-bench-") as name:
        tmp = pathlib.Path(name)
        env = environment(ROOT)
        cases, notes = our_cases(tmp, "now", env)
        variants = {"now": env}
        if args.baseline:
            variants["baseline"] = environment(args.baseline.resolve())
            more, more_notes = our_cases(tmp, "baseline", variants["baseline"])
            cases, notes = cases + more, notes + more_notes
        more, more_notes = engine_cases(tmp, env)  # beside the zh handout, which they set too
        at = next(i for i, case in enumerate(cases) if case.label == "handout zh") + 1
        cases, notes = cases[:at] + more + cases[at:], notes + more_notes
        for round_number in range(args.runs):
            run_round(cases, variants, env, round_number)
            print(".", end="", flush=True, file=sys.stderr)
        print(file=sys.stderr)
        warm = in_process_rounds(variants, args.builds, rounds=3)
    result = table(cases, warm, notes, args.runs, args.builds)
    options = [f"--runs {args.runs}", f"--builds {args.builds}"]
    if args.baseline:
        options.append("--baseline CHECKOUT")
    command = "python benchmarks/run.py " + " ".join(options)
    text = f"Machine: {header}\n\nCommand: `{command}`\n\n{result}"
    print(text)
    args.output.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
