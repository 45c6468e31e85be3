"""`pmr-print audio`: the guided session spoken, as an audio file with WebVTT captions beside it
(build/audio-en-standard.opus and build/audio-en-standard.vtt by default)."""

from __future__ import annotations

import argparse
import pathlib

from pmr_print import api
from pmr_print.commands import Command, add_omit_argument, print_options
from pmr_print.options import HandoutDetails

FORMATS = ("opus", "mp3", "wav")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format", choices=FORMATS, default="opus", help="opus (default), mp3 or wav"
    )
    add_omit_argument(parser)
    parser.add_argument(
        "-o", "--output", type=pathlib.Path, help="audio file; its captions (.vtt) go beside it"
    )


def run(args: argparse.Namespace) -> int:
    omit = tuple(step.strip() for value in args.omit for step in value.split(",") if step.strip())
    output = (
        args.output or pathlib.Path("build") / f"audio-{args.lang}-{args.protocol}.{args.format}"
    )
    captions = output.with_suffix(".vtt")
    inputs = api.content_files(args.content)
    for target in (output, captions):
        api.check_target(target, inputs)
    edition = api.load(args.lang, args.content)
    spoken = api.audio(edition, print_options(args), HandoutDetails(omit=omit), args.format)
    api.write_atomically(output, spoken.audio, inputs)
    api.write_atomically(captions, spoken.captions.encode("utf-8"), inputs)
    print(output)
    print(captions)
    return 0


PRODUCT = Command("the guided session spoken: an audio file with captions", add_arguments, run)
