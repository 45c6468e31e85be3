"""`pmr-print handout`: the therapist handout, personalised for one client."""

from __future__ import annotations

import argparse

from pmr_print import api
from pmr_print.commands import Product, add_format, add_omit_argument
from pmr_print.model import Edition
from pmr_print.options import HandoutDetails, PrintOptions, iso_date


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_client_arguments(parser)
    add_format(parser)


def add_client_arguments(parser: argparse.ArgumentParser) -> None:
    """Who it is for: the handout's options that the booklet takes too."""
    parser.add_argument("--client", default="", help="the client's name")
    parser.add_argument("--clinician", default="", help="the clinician's name")
    parser.add_argument("--clinic", default="", help="the clinic's name")
    parser.add_argument("--date", help="YYYY-MM-DD (default: today)")
    add_omit_argument(parser)
    parser.add_argument("--omit-reason", default="", help="why, e.g. 'recent back injury'")
    parser.add_argument("--recording-url", default="", help="a recording to link with a QR code")


def details(args: argparse.Namespace) -> HandoutDetails:
    """Who it is for, from the options of add_client_arguments."""
    omit = tuple(step.strip() for value in args.omit for step in value.split(",") if step.strip())
    return HandoutDetails(
        client=args.client,
        clinician=args.clinician,
        clinic=args.clinic,
        date=iso_date(args.date, "--date"),
        omit=omit,
        omit_reason=args.omit_reason,
        recording_url=args.recording_url,
    )


def build(edition: Edition, options: PrintOptions, args: argparse.Namespace) -> bytes:
    if args.format == "html":
        return api.handout_html(edition, options, details(args)).encode("utf-8")
    return api.handout_pdf(edition, options, details(args))


PRODUCT = Product(
    "the therapist handout (2 to 4 pages)", add_arguments, build, lambda args: str(args.client)
)
