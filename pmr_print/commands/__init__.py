"""One module per product subcommand: its own options, and how they become an API call.

cli.py holds what every subcommand shares and lists the subcommands (`cli.PRODUCTS`); each
module here defines `PRODUCT`. Like every surface, a command reaches the
products only through `pmr_print.api`.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass

from pmr_print.edition import edition_langs
from pmr_print.i18n import babel_locale
from pmr_print.languages import language
from pmr_print.locales import environment_locale
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


def print_options(args: argparse.Namespace) -> PrintOptions:
    """The options every product shares, as the command line gave them."""
    return PrintOptions(
        locale=args.locale,
        paper=args.paper,
        protocol=args.protocol,
        large_print=args.large_print,
        grayscale=args.grayscale,
        region=user_locale(args.lang),
        crisis_line=args.crisis_line,
    )


def user_locale(lang: str) -> str | None:
    """The command line's request region: the user's locale (LC_ALL, LC_TIME, LANG) when it is
    in a language of the edition, as a system-wide en_US says little about where a Chinese
    handout is printed."""
    name = environment_locale(os.environ)
    try:
        codes = {language(each).code for each in edition_langs(lang)}
        return name if name and babel_locale(name).language in codes else None
    except UsageError:
        return None


FORMATS = ("pdf", "html")


def add_omit_argument(parser: argparse.ArgumentParser) -> None:
    """--omit: the muscle groups left out (handout, booklet, spoken session)."""
    parser.add_argument(
        "--omit",
        action="append",
        default=[],
        metavar="ID[,ID]",
        help="muscle groups to leave out, e.g. back or back,neck (may be repeated)",
    )


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="pdf",
        help="pdf (default) or html: the accessible edition, one self-contained page",
    )
