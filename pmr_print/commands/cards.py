"""`pmr-print cards`: illustrated step cards, 4-up with crop marks or one per page."""

from __future__ import annotations

import argparse

from pmr_print import api
from pmr_print.commands import Product, add_format
from pmr_print.model import Edition
from pmr_print.options import PrintOptions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--layout",
        choices=api.card_layouts(),
        help="4up: four cards a sheet, with crop marks (default); 2up: two half-sheet cards a "
        "sheet, figure beside the text (default for --large-print); 1up: a card a page",
    )
    parser.add_argument(
        "--duplex",
        action="store_true",
        help="figure on the front, text on the back (print double-sided, flip on the long edge)",
    )
    add_format(parser)


def build(edition: Edition, options: PrintOptions, args: argparse.Namespace) -> bytes:
    if args.format == "html":  # one page of cards: --layout and --duplex are for paper
        return api.cards_html(edition, options).encode("utf-8")
    return api.cards_pdf(edition, options, layout=args.layout, duplex=args.duplex)


PRODUCT = Product("illustrated step cards, one per step", add_arguments, build)
