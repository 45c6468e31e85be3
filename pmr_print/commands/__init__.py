"""One module per product subcommand: its own options, and how they become an API call.

cli.py holds what every subcommand shares; a product adds itself by listing its module in
`PRODUCT_MODULES`, each of which defines `PRODUCT`.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass

from pmr_print.model import Guide
from pmr_print.options import PrintOptions

# bytes are written to -o PATH; a str (e.g. `log --read` as CSV) goes to standard output.
BuildResult = bytes | str


@dataclass(frozen=True)
class Product:
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    build: Callable[[Guide, PrintOptions, argparse.Namespace], BuildResult]


PRODUCT_MODULES: dict[str, str] = {
    "cards": "pmr_print.commands.cards",
    "handout": "pmr_print.commands.handout",
    "log": "pmr_print.commands.log",
}


def products() -> dict[str, Product]:
    found = {}
    for name, module in PRODUCT_MODULES.items():
        try:
            found[name] = importlib.import_module(module).PRODUCT
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
    return found
