"""The `pmr-print` command: parses arguments and calls the API; every error is one line."""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from pmr_print import api, commands
from pmr_print.commands import (
    Command,
    Product,
    audio,
    booklet,
    cards,
    handout,
    log,
    reminders,
    workshop,
)
from pmr_print.files import slug
from pmr_print.limits import visible
from pmr_print.problems import ContentError, PmrError
from pmr_print.theme import PAPER_SIZES

EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
STDOUT = pathlib.Path("-")


class Parser(argparse.ArgumentParser):
    """A bad option is one line and a pointer to --help, not the whole usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, visible(f"{self.prog}: {message}; see {self.prog} --help") + "\n")


def say(message: object, file: TextIO | None = None) -> None:
    """One line for the terminal: no control character from a file name or a value."""
    print(visible(str(message)), file=file or sys.stderr)


def output_path(text: str) -> pathlib.Path:
    """-o's value: a file, or - for standard output."""
    if not text.strip():
        raise argparse.ArgumentTypeError("-o needs a file name, or - for standard output")
    return pathlib.Path(text)


# Every subcommand that builds something; a new product adds its module here.
PRODUCTS: dict[str, Product | Command] = {
    "audio": audio.PRODUCT,
    "booklet": booklet.PRODUCT,
    "cards": cards.PRODUCT,
    "handout": handout.PRODUCT,
    "log": log.PRODUCT,
    "reminders": reminders.PRODUCT,
    "workshop": workshop.PRODUCT,
}


def common_options() -> Parser:
    common = Parser(add_help=False)
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
    common.add_argument(
        "--crisis-line",
        default="",
        metavar="TEXT",
        help="the clinic's emergency and crisis numbers, e.g. 'Emergency 000, Lifeline 13 11 14'"
        " (default: 'your local emergency number')",
    )
    return common


def make_parser(
    products: dict[str, commands.Product | commands.Command],
) -> argparse.ArgumentParser:
    parser = Parser(
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
        if isinstance(product, Product):  # a Command names its own output
            sub.add_argument(
                "-o", "--output", type=output_path, help="file to write, or - for standard output"
            )
        product.add_arguments(sub)
    serve = commands.add_parser("serve", help="the whole tool as a local web page and HTTP API")
    serve.add_argument("--port", type=int, help="port on 127.0.0.1 (default: a free one)")
    serve.add_argument("--no-browser", action="store_true", help="do not open a browser")
    serve.add_argument("--content", type=pathlib.Path, help="content folder")
    everything = commands.add_parser("all", help="build every product in every language")
    everything.add_argument("-o", "--output", type=output_path, default=pathlib.Path("build"))
    everything.add_argument("--content", type=pathlib.Path, help="content folder")
    return parser


def run_check(args: argparse.Namespace) -> int:
    content = args.content or api.default_content_dir()
    problems = api.check(content)
    for problem in problems:
        say(problem)
    if not problems:
        say(f"{content}: content is fine", sys.stdout)
    return EXIT_ERROR if problems else 0


def run_product(args: argparse.Namespace, product: commands.Product) -> int:
    options = commands.print_options(args)
    output = args.output or default_output(args, product)
    inputs = input_files(args)
    if output != STDOUT:
        api.check_target(output, inputs)  # before the build: a bad target costs nothing
    data = product.build(api.load(args.lang, args.content), options, args)
    if isinstance(data, str) and args.output is None:
        sys.stdout.write(visible(data))
        return 0
    payload = data if isinstance(data, bytes) else data.encode("utf-8")
    if output == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
    else:
        api.write_atomically(output, payload, inputs)
        say(output, sys.stdout)
    return 0


def default_output(args: argparse.Namespace, product: commands.Product) -> pathlib.Path:
    """build/PRODUCT-LANG.pdf, with the client's name when the product is personalised
    (build/handout-en-jane-miller.pdf), so that the next client's does not replace it."""
    who = slug(product.person(args)) if product.person else ""
    stem = "-".join(part for part in (args.command, args.lang, who) if part)
    # `--format html` (handout, cards) writes the accessible HTML edition instead of a PDF.
    extension = "html" if getattr(args, "format", None) == "html" else "pdf"
    extension = "ics" if args.command == "reminders" else extension
    return pathlib.Path("build") / f"{stem}.{extension}"


def input_files(args: argparse.Namespace) -> list[pathlib.Path]:
    """Every file a build reads, which its output must never replace."""
    named = [getattr(args, option, None) for option in ("entries", "read")]
    return [path for path in named if path is not None] + api.content_files(args.content)


def run_all(args: argparse.Namespace) -> int:
    if args.output == STDOUT:
        raise PmrError("all writes a file per product and language: -o needs a folder")
    for path in api.build_all(args.output, args.content):
        say(path, sys.stdout)
    return 0


def dispatch(
    args: argparse.Namespace, products: dict[str, commands.Product | commands.Command]
) -> int:
    if args.command == "check":
        return run_check(args)
    if args.command == "all":
        return run_all(args)
    if args.command == "serve":
        from pmr_print.web.serve import serve

        return serve(args.port, not args.no_browser, args.content)
    product = products[args.command]
    if isinstance(product, Command):
        return product.run(args)
    return run_product(args, product)


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser(PRODUCTS).parse_args(argv)
    try:
        return dispatch(args, PRODUCTS)
    except ContentError as error:
        for problem in error.problems:
            say(problem)
        return EXIT_ERROR
    except (PmrError, OSError) as error:
        say(f"pmr-print: {error}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        say("pmr-print: interrupted; nothing was written")
        return EXIT_INTERRUPTED
