"""`pmr-print booklet`: the client's A5 booklet, or with --impose its saddle-stitch print file."""

from __future__ import annotations

import argparse

from pmr_print import api
from pmr_print.commands import Product, add_format, handout
from pmr_print.model import Edition
from pmr_print.options import BookletDetails, PrintOptions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    handout.add_client_arguments(parser)
    parser.add_argument(
        "--weeks", type=int, default=4, help="weeks of practice log to fill in (default: 4)"
    )
    parser.add_argument(
        "--impose",
        action="store_true",
        help="the print file: two pages to a side, print double-sided flipped on the short "
        "edge, fold and staple",
    )
    add_format(parser)


def build(edition: Edition, options: PrintOptions, args: argparse.Namespace) -> bytes:
    person = handout.details(args)
    details = BookletDetails(**vars(person), weeks=args.weeks)
    if args.format == "html":  # the handout and the cards in one page; the log stays a PDF
        return api.booklet_html(edition, options, details).encode("utf-8")
    return api.booklet_pdf(edition, options, details, impose=args.impose)


PRODUCT = Product(
    "the client's booklet, A5 (half-Letter on Letter)",
    add_arguments,
    build,
    lambda args: str(args.client),
)
