"""`pmr-print workshop --roster FILE.csv -o DIR`: the facilitator script, projector slides and a
packet per participant.

A bad row is reported on standard error as `ROSTER:LINE: id 'ID': problem` and skipped. Exit
status: 0 when every row was built, 1 when some rows failed, 2 when none could be built or the
roster cannot be read.
"""

from __future__ import annotations

import argparse
import pathlib
import sys
from typing import TYPE_CHECKING

from pmr_print import api
from pmr_print.commands import Command, print_options
from pmr_print.problems import summarised

if TYPE_CHECKING:
    from tqdm import tqdm


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--roster",
        type=pathlib.Path,
        required=True,
        help="CSV with the header id,name,lang,start,omit,omit_reason",
    )
    parser.add_argument("--clinician", default="", help="who leads the workshop")
    parser.add_argument("--clinic", default="", help="the clinic's name")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "-o", "--output", type=pathlib.Path, default=pathlib.Path("workshop"), help="folder"
    )


def run(args: argparse.Namespace) -> int:
    options = print_options(args)
    details = api.WorkshopDetails(clinician=args.clinician, clinic=args.clinic, lang=args.lang)
    from tqdm import tqdm  # here: it costs every other command 20 ms to load

    # The bar only where someone watches it: never in a log file or a pipe.
    with tqdm(unit="packet", disable=args.quiet or not sys.stderr.isatty(), file=sys.stderr) as bar:
        report = api.workshop(
            args.roster,
            args.output,
            options,
            details,
            content_dir=args.content,
            progress=lambda done, total: show(bar, done, total),
        )
    lines = summarised([str(problem) for problem in report.problems])
    if len(lines) < len(report.problems):  # the last line counts the rest: say where they are
        lines[-1] += f"; every bad row is in {args.output / 'problems.txt'}"
    for line in lines:
        print(f"pmr-print: {line}", file=sys.stderr)
    for path in report.written[:3]:
        print(path)
    if report.built:
        print(f"{args.output / 'packets'}/: {report.built} packets")
    return report.status


def show(bar: tqdm[None], done: int, total: int) -> None:
    bar.total = total
    bar.update(done - bar.n)


PRODUCT = Command("facilitator script, slides and a packet per participant", add_arguments, run)
