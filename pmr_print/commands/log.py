"""`pmr-print log`: the weekly practice log: fillable, completed from entries, or read back.

- `log [--start DATE] [--weeks N] [--name NAME]`: a fillable log (default: 4 weeks from the
  locale's first weekday of the coming week).
- `log --entries FILE.csv|FILE.json`: a completed log with a progress chart. A bad row is reported
  on standard error as `FILE:LINE: field: problem` (CSV) or `FILE[INDEX]: field: problem` (JSON),
  one line each; the PDF is still written with the good rows and the exit status is 0. When no
  row is usable the exit status is 2 and no file is written.
- `log --read FILLED.pdf [--format csv|json]`: the filled-in days and weekly reflections (each
  on the row of its week's last day), to standard output (or -o).
  A day whose value cannot be read is reported as `wW.dD: field: problem` and left out.
"""

from __future__ import annotations

import argparse
import codecs
import dataclasses
import pathlib
import sys
from typing import Any

from pmr_print import api
from pmr_print.api import Entry, EntryProblem
from pmr_print.commands import BuildResult, Product
from pmr_print.edition import one_language
from pmr_print.files import read_regular
from pmr_print.limits import control_characters, describe, visible
from pmr_print.model import Edition, Guide
from pmr_print.options import LogDetails, PrintOptions, iso_date
from pmr_print.problems import UsageError, summarised
from pmr_print.spreadsheets import decode, fallback_encoding


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--start", help="first day, YYYY-MM-DD (default: the coming week)")
    parser.add_argument("--weeks", type=int, help="number of weeks, a page each (default: 4)")
    parser.add_argument("--name", default="", help="the client's name, printed at the top")
    parser.add_argument(
        "--form-font",
        choices=("zh",),
        help="embed the Chinese form font in a log of another language (+1.5 MB), for a client "
        "who fills it in Chinese",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--entries",
        type=pathlib.Path,
        help="a CSV or JSON file of entries: print them, with a chart",
    )
    source.add_argument(
        "--read", type=pathlib.Path, metavar="FILLED.pdf", help="print the entries of a filled log"
    )
    parser.add_argument(
        "--format", choices=("csv", "json"), default="csv", help="what --read prints (default: csv)"
    )
    parser.add_argument(
        "--encoding",
        help="the --entries file's encoding when it has no byte order mark and is not UTF-8, as "
        "Excel and WPS save plain CSV (default: gb18030 for Chinese, cp1252 otherwise)",
    )


def say(message: str) -> None:
    print(f"pmr-print: {visible(message)}", file=sys.stderr)


def report(problems: list[EntryProblem], keep: pathlib.Path | None = None) -> None:
    """The bad rows on standard error, in the order of their file (the API sorts them): the
    first ones and how many more, with every one of them in `keep` (beside the output)."""
    lines = summarised([str(problem) for problem in problems])
    if len(lines) < len(problems):
        if keep is None:
            lines[-1] += "; write the log to a file (-o) to get them all beside it"
        else:
            keep.parent.mkdir(parents=True, exist_ok=True)
            text = "".join(f"{problem}\n" for problem in problems)
            keep.write_bytes(text.encode("utf-8", "backslashreplace"))  # a path's odd bytes
            lines[-1] += f"; every bad row is in {keep}"
    for line in lines:
        say(line)


def problems_file(args: argparse.Namespace) -> pathlib.Path | None:
    """Where a long list of bad rows goes: beside the output named by -o (log.problems.txt),
    else beside the diary (diary.problems.txt); None for standard output."""
    if args.output is not None:
        return None if str(args.output) == "-" else args.output.with_suffix(".problems.txt")
    source = args.entries or args.read
    return source.with_suffix(".problems.txt") if source is not None else None


def read_file(path: pathlib.Path) -> bytes:
    """An input file's bytes: only a regular file is read (a pipe would hang)."""
    return read_regular(path)


def completed(
    guide: Guide,
    options: PrintOptions,
    details: LogDetails,
    path: pathlib.Path,
    keep: pathlib.Path | None = None,
    encoding: str | None = None,
) -> bytes:
    """A completed log from a diary as a spreadsheet saved it (see pmr_print.spreadsheets)."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UsageError(
                f"--encoding {encoding}: no such encoding; try gb18030 or cp1252"
            ) from None
    text = decode(read_file(path), str(path), encoding or fallback_encoding(guide.lang))
    pdf, _ = api.diary_log_pdf(
        guide, options, details, text, str(path), lambda found: report(found, keep)
    )
    return pdf


def read_back(args: argparse.Namespace) -> str:
    """The days and the weekly reflections, each on the row of its date."""
    rows, reflections, problems = api.read_filled(read_file(args.read), str(args.read))
    report(problems, problems_file(args) if args.output else None)  # else to standard output
    if args.format == "json":
        return api.entries_text([entry for _, entry in rows], "json", reflections)
    safe = [dataclasses.replace(r, relaxed=visible(r.relaxed), noticed=visible(r.noticed))
            for r in reflections]  # fmt: skip
    return api.entries_text(terminal_safe(rows), "csv", safe)


def terminal_safe(rows: list[tuple[str, Entry]]) -> list[Entry]:
    """The entries with every control character but tab and newline replaced by U+FFFD, so
    that CSV on a terminal carries no escape sequence; each replacement is said on stderr."""
    safe = []
    for where, entry in rows:
        changed: dict[str, Any] = {}
        for column in ("time", "protocol", "notes"):
            found = control_characters(getattr(entry, column))
            if found:
                changed[column] = visible(getattr(entry, column))
                codes = ", ".join(describe(char) for char in found)
                say(f"{where}: {column}: control character {codes} replaced with U+FFFD")
        safe.append(dataclasses.replace(entry, **changed))
    return safe


def build(edition: Edition, options: PrintOptions, args: argparse.Namespace) -> BuildResult:
    guide = one_language(edition, "the practice log")
    if args.read is not None:
        return read_back(args)
    details = LogDetails(
        name=args.name,
        start=iso_date(args.start, "--start"),
        weeks=args.weeks,
        form_font=args.form_font or "",
    )
    if args.entries is not None:
        keep = problems_file(args)
        return completed(guide, options, details, args.entries, keep, args.encoding)
    return api.log_pdf(guide, options, details)


PRODUCT = Product(
    "the weekly practice log: fillable, completed from entries, or read back",
    add_arguments,
    build,
    lambda args: "" if args.read else str(args.name),
)
