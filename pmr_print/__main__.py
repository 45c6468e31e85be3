"""`python -m pmr_print` and the `pmr-print` command.

The garbage collector stays off while the modules load, and what they made is then frozen out of
its sight (gc.freeze): a short run would otherwise walk those objects again and again, for tens
of milliseconds. A program that imports pmr_print as a library is not affected.
"""

import gc
import sys

gc.disable()
from pmr_print.cli import main as cli_main  # noqa: E402


def main() -> int:
    gc.freeze()
    gc.enable()
    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
