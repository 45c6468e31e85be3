"""One module per product subcommand: its own options, and how they become an API call.

cli.py holds what every subcommand shares; a product adds itself by listing its module in
`PRODUCT_MODULES`, each of which defines `PRODUCT`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from pmr_print.model import Edition
from pmr_print.options import PrintOptions
from pmr_print.problems import UsageError

# bytes are written to -o PATH; a str (e.g. `log --read` as CSV) goes to standard output,
# or to -o PATH when given.
BuildResult = bytes | str


@dataclass(frozen=True)
class Product:
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    build: Callable[[Edition, PrintOptions, argparse.Namespace], BuildResult]
    # The client a personalised product is for: their name goes into the default file name.
    person: Callable[[argparse.Namespace], str] | None = None


@dataclass(frozen=True)
class Command:
    """A subcommand that writes its own files and decides its own exit status (the workshop)."""

    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


PRODUCT_MODULES: dict[str, str] = {
    "booklet": "pmr_print.commands.booklet",
    "cards": "pmr_print.commands.cards",
    "handout": "pmr_print.commands.handout",
    "log": "pmr_print.commands.log",
    "workshop": "pmr_print.commands.workshop",
}


def print_options(args: argparse.Namespace) -> PrintOptions:
    """The options every product shares, as the command line gave them."""
    return PrintOptions(
        lang=args.lang,
        locale=args.locale,
        paper=args.paper,
        protocol=args.protocol,
        large_print=args.large_print,
        grayscale=args.grayscale,
    )


def iso_date(text: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option's value, or None when it was not given."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} {text!r} is not a date; write it as YYYY-MM-DD") from None


FORMATS = ("pdf", "html")


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="pdf",
        help="pdf (default) or html: the accessible edition, one self-contained page",
    )


def products() -> dict[str, Product | Command]:
    found: dict[str, Product | Command] = {}
    for name, module in PRODUCT_MODULES.items():
        try:
            found[name] = importlib.import_module(module).PRODUCT
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
    return found
