"""`pmr-print reminders`: the practice plan as a calendar file (.ics) with a daily alarm, over
the practice log's weeks (build/reminders-en.ics by default)."""

from __future__ import annotations

import argparse
import datetime as dt

from pmr_print import api
from pmr_print.commands import Product
from pmr_print.model import Edition
from pmr_print.options import LogDetails, PrintOptions, iso_date
from pmr_print.problems import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--start", help="first day, YYYY-MM-DD (default: the coming week)")
    parser.add_argument("--weeks", type=int, help="number of weeks (default: 4, as the log)")
    parser.add_argument("--time", default="19:00", help="when to practise, HH:MM local time")


def practice_time(value: str) -> dt.time:
    try:
        hours, minutes = (int(part) for part in value.split(":"))
        return dt.time(hours, minutes)
    except ValueError:
        raise UsageError(f"--time {value[:20]!r}: give the hour as HH:MM, e.g. 07:30") from None


def build(edition: Edition, options: PrintOptions, args: argparse.Namespace) -> bytes:
    details = LogDetails(start=iso_date(args.start, "--start"), weeks=args.weeks)
    return api.reminders(edition, options, details, practice_time(args.time)).encode("utf-8")


PRODUCT = Product("practice reminders: a calendar file with a daily alarm", add_arguments, build)
