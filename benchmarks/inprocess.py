"""In-process builds: content and fonts loaded once, then N builds, each for another client, so
that nothing of a finished document is reused. Prints the medians in ms as JSON."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import pathlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable

from pmr_print import api
from pmr_print.options import HandoutDetails, LogDetails, PrintOptions


def median_ms(build: Callable[[int], object], builds: int, warm_up: bool = True) -> float:
    if warm_up:
        build(0)  # fonts, caches, first-use imports
    times = []
    for number in range(1, builds + 1):
        start = time.perf_counter()
        build(number)
        times.append(time.perf_counter() - start)
    return round(statistics.median(times) * 1000, 1)


def ours(builds: int) -> dict[str, float]:
    found = {}
    for lang in ("en", "zh"):
        guide, options = api.load(lang), PrintOptions()
        found[f"handout {lang}"] = median_ms(
            lambda n, g=guide, o=options: api.handout_pdf(g, o, HandoutDetails(client=f"C{n}")),
            builds,
        )
        found[f"cards {lang}"] = median_ms(
            lambda n, g=guide, o=options: api.cards_pdf(g, o), builds
        )
        found[f"log {lang}"] = median_ms(
            lambda n, g=guide, o=options: api.log_pdf(g, o, LogDetails(name=f"C{n}")), builds
        )
    guide, options = api.load("zh"), PrintOptions()
    for weeks in (13, 52):
        details = [LogDetails(name=f"C{n}", start=dt.date(2026, 12, 7), weeks=weeks)
                   for n in range(4)]  # fmt: skip
        found[f"log zh, {weeks} weeks"] = median_ms(
            lambda n, d=details: api.log_pdf(guide, options, d[n % 4]), 1, warm_up=False
        )
    return found


def typst_warm(builds: int) -> dict[str, float]:
    """Typst's fresh compile in a warm process: a new source (another client) every time."""
    if not importlib.util.find_spec("typst"):
        return {}
    import typst

    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
    from benchmarks.competitors import to_typst
    from pmr_print.resources import fonts_dir

    source = to_typst(api.load("zh"))
    folder = pathlib.Path(tempfile.mkdtemp(prefix="pmr-typst-"))

    def build(number: int) -> object:
        path = folder / f"h{number}.typ"
        path.write_text(source.replace("王芳", f"王芳{number}"), encoding="utf-8")
        return typst.compile(str(path), font_paths=[str(fonts_dir())], ignore_system_fonts=True)

    return {"typst warm compile, zh handout content": median_ms(build, builds)}


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    print(json.dumps(ours(count) | typst_warm(count)))
