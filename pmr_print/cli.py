"""The `pmr-print` command: parses arguments and calls the API; every error is one line."""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections.abc import Sequence

from pmr_print import api, commands
from pmr_print.options import PrintOptions
from pmr_print.pdf.output import write_atomically
from pmr_print.problems import ContentError, PmrError
from pmr_print.theme import PAPER_SIZES

EXIT_ERROR = 2


PLANNED = {
    "booklet": "booklets are not built yet",
    "cards": "step cards are not built yet",
    "log": "the practice log is not built yet",
    "workshop": "the workshop pack is not built yet",
}


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang",
        default="en",
        help="content language: en, zh, or bi for both in parallel (default: en)",
    )
    common.add_argument(
        "--locale", help="date formats, first weekday, paper: en_US, en_GB, zh_CN ..."
    )
    common.add_argument("--paper", choices=sorted(PAPER_SIZES), help="default: from the locale")
    common.add_argument(
        "--protocol", default="standard", help="standard, short, extended, release-only"
    )
    common.add_argument(
        "--content", type=pathlib.Path, help="content folder (default: the shipped one)"
    )
    common.add_argument("--large-print", action="store_true", help="body text 16 pt, legible face")
    common.add_argument("--grayscale", action="store_true", help="no colour, for cheap printers")
    return common


def make_parser(products: dict[str, commands.Product]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pmr-print", description="Print Progressive Muscle Relaxation materials as PDF."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="check a content folder")
    check.add_argument(
        "--content", type=pathlib.Path, help="content folder (default: the shipped one)"
    )
    common = common_options()
    for name, product in products.items():
        sub = commands.add_parser(name, parents=[common], help=product.help)
        sub.add_argument("-o", "--output", type=pathlib.Path, help="file to write")
        product.add_arguments(sub)
    for name, what in PLANNED.items():
        if name not in products:
            commands.add_parser(name, help=what)
    serve = commands.add_parser("serve", help="the whole tool as a local web page and HTTP API")
    serve.add_argument("--port", type=int, help="port on 127.0.0.1 (default: a free one)")
    serve.add_argument("--no-browser", action="store_true", help="do not open a browser")
    serve.add_argument("--content", type=pathlib.Path, help="content folder")
    everything = commands.add_parser("all", help="build every product in every language")
    everything.add_argument("-o", "--output", type=pathlib.Path, default=pathlib.Path("build"))
    everything.add_argument("--content", type=pathlib.Path, help="content folder")
    return parser


def run_check(args: argparse.Namespace) -> int:
    content = args.content or api.default_content_dir()
    problems = api.check(content)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print(f"{content}: content is fine")
    return EXIT_ERROR if problems else 0


def run_product(args: argparse.Namespace, product: commands.Product) -> int:
    options = PrintOptions(
        lang=args.lang,
        locale=args.locale,
        paper=args.paper,
        protocol=args.protocol,
        large_print=args.large_print,
        grayscale=args.grayscale,
    )
    guide = api.load(args.lang, args.content)
    # `--format html` (handout, cards) writes the accessible HTML edition instead of a PDF.
    extension = "html" if getattr(args, "format", None) == "html" else "pdf"
    output = args.output or pathlib.Path("build") / f"{args.command}-{args.lang}.{extension}"
    data = product.build(guide, options, args)
    if isinstance(data, bytes):
        write_atomically(output, data)
        print(output)
    else:
        sys.stdout.write(data)
    return 0


def run_all(args: argparse.Namespace) -> int:
    for path in api.build_all(args.output, args.content):
        print(path)
    return 0


def dispatch(args: argparse.Namespace, products: dict[str, commands.Product]) -> int:
    if args.command == "check":
        return run_check(args)
    if args.command == "all":
        return run_all(args)
    if args.command == "serve":
        from pmr_print.web.serve import serve

        return serve(args.port, not args.no_browser, args.content)
    if args.command not in products:
        print(f"pmr-print: {PLANNED[args.command]}", file=sys.stderr)
        return EXIT_ERROR
    return run_product(args, products[args.command])


def main(argv: Sequence[str] | None = None) -> int:
    found = commands.products()
    args = make_parser(found).parse_args(argv)
    try:
        return dispatch(args, found)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return EXIT_ERROR
    except (PmrError, OSError) as error:
        print(f"pmr-print: {error}", file=sys.stderr)
        return EXIT_ERROR
