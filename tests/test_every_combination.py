"""Every product in every combination a clinic prints, every page looked at by tests/pagecheck.py.

The matrix is issue 19's: handout, cards, log, booklet and workshop × their languages × normal and
large print × the options that change a layout (paper, groups left out, grayscale, protocol,
card layout, duplex, a completed log, imposition). Everything is built once per session, on every
core, through the command line a user runs; each PDF is then one test, whose failure lists every
defect with its page.

Defects known today and not yet fixed are listed in KNOWN (file → kinds of defect): a file may keep
showing a known kind until it is fixed, but any other kind of defect on any page fails.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import csv
import datetime as dt
import io
import os
import pathlib
import tempfile

import pypdf
import pytest

from pmr_print import cli
from pmr_print.theme import LARGE_TYPE
from tests.pagecheck import kind, problems

pytestmark = pytest.mark.slow

PERSON = ["--client", "Jane Miller", "--clinician", "Dr Lee", "--date", "2026-03-09"]
OMIT = ["--omit", "back,neck", "--omit-reason", "recent injury"]
LANGS = ("en", "zh", "bi")
SIZES = {"normal": [], "large": ["--large-print"]}


def handouts() -> dict[str, list[str]]:
    cases = {}
    for lang in LANGS:
        for size, flag in SIZES.items():
            for paper in ("a4", "letter"):
                for omit, extra in (("all", []), ("omit2", OMIT)):
                    args = ["handout", "--lang", lang, "--paper", paper, *flag, *PERSON, *extra]
                    cases[f"handout-{lang}-{size}-{paper}-{omit}.pdf"] = args
        cases[f"handout-{lang}-gray.pdf"] = ["handout", "--lang", lang, "--grayscale"]
    for protocol in ("short", "extended", "release-only"):
        cases[f"handout-zh-{protocol}.pdf"] = ["handout", "--lang", "zh", "--protocol", protocol]
    return cases


def cards() -> dict[str, list[str]]:
    cases = {}
    for lang in LANGS:
        for size, flag in SIZES.items():
            # large print refuses 4-up (its cards would be too small): 2-up is its default
            for layout in ("4up", "2up", "1up") if size == "normal" else ("2up", "1up"):
                cases[f"cards-{lang}-{size}-{layout}.pdf"] = [
                    "cards", "--lang", lang, *flag, "--layout", layout
                ]  # fmt: skip
            cases[f"cards-{lang}-{size}-duplex.pdf"] = ["cards", "--lang", lang, *flag, "--duplex"]
        cases[f"cards-{lang}-short.pdf"] = ["cards", "--lang", lang, "--protocol", "short"]
    return cases


def logs(diary: pathlib.Path) -> dict[str, list[str]]:
    cases = {}
    for lang in ("en", "zh"):
        for size, flag in SIZES.items():
            cases[f"log-{lang}-{size}-blank.pdf"] = [
                "log", "--lang", lang, *flag, "--start", "2026-03-09", "--name", "王芳"
            ]  # fmt: skip
            cases[f"log-{lang}-{size}-completed.pdf"] = [
                "log", "--lang", lang, *flag, "--entries", str(diary), "--name", "Jane Miller"
            ]  # fmt: skip
    return cases


def booklets() -> dict[str, list[str]]:
    cases = {}
    for lang in LANGS:
        for size, flag in SIZES.items():
            base = ["booklet", "--lang", lang, *flag, *PERSON, "--weeks", "2"]
            cases[f"booklet-{lang}-{size}-a4.pdf"] = [*base, "--paper", "a4"]
            cases[f"booklet-{lang}-{size}-letter.pdf"] = [*base, "--paper", "letter"]
            cases[f"booklet-{lang}-{size}-omit2.pdf"] = [*base, *OMIT]
            cases[f"booklet-{lang}-{size}-imposed.pdf"] = [*base, "--impose"]
    return cases


def write_diary(path: pathlib.Path) -> pathlib.Path:
    """Three weeks from Monday 9 March 2026, four days missed, every protocol used."""
    protocols = ["standard", "short", "extended", "release-only"]
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["date", "practised", "time", "minutes", "protocol", "before", "after",
                      "notes"])  # fmt: skip
        for day in range(21):
            date = dt.date(2026, 3, 9) + dt.timedelta(days=day)
            if day in (3, 9, 10, 17):
                out.writerow([date.isoformat(), "no", "", "", "", "", "", ""])
                continue
            note = "手暖，呼吸慢了一些" if day % 3 == 0 else "warm hands, heavy legs"
            out.writerow([date.isoformat(), "yes", "21:30", 5 + day % 4 * 5,
                          protocols[day % 4], 7 - day // 5, 3 - day // 10, note])  # fmt: skip
    return path


ROSTER = [
    ["id", "name", "lang", "start", "omit", "omit_reason"],
    ["p1", "Jane Miller", "en", "2026-03-09", "", ""],
    ["p2", "王芳", "zh", "2026-03-09", "back", "腰伤"],
    ["p3", "Tom O'Brien", "en", "2026-03-16", "neck", "whiplash"],
]


def build(job: tuple[str, list[str]], folder: str) -> tuple[str, str]:
    """Build one case through the command line; what went wrong, or ''."""
    name, args = job
    target = pathlib.Path(folder) / name
    error = io.StringIO()
    with contextlib.redirect_stderr(error):
        status = cli.main([*args, "-o", str(target)])
    if status in (0, 1) and target.exists():
        return name, ""
    return name, f"pmr-print {' '.join(args)}: exit status {status}: {error.getvalue().strip()}"


@pytest.fixture(scope="session")
def built() -> dict[str, pathlib.Path | str]:
    folder = pathlib.Path(tempfile.mkdtemp(prefix="every-combination-"))
    diary = write_diary(folder / "diary.csv")
    with (folder / "roster.csv").open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(ROSTER)
    jobs = {**handouts(), **cards(), **logs(diary), **booklets()}
    for lang in LANGS:
        jobs[f"workshop-{lang}"] = ["workshop", "--roster", str(folder / "roster.csv"),
                                    "--lang", lang, "--quiet"]  # fmt: skip
    with concurrent.futures.ProcessPoolExecutor(os.cpu_count() or 2) as pool:
        failed = dict(pool.map(build, jobs.items(), [str(folder)] * len(jobs)))
    found: dict[str, pathlib.Path | str] = {
        name: failed[name] or folder / name for name in jobs if name.endswith(".pdf")
    }
    for lang in LANGS:
        for path in sorted((folder / f"workshop-{lang}").rglob("*.pdf")):
            found[f"workshop-{lang}/{path.relative_to(folder / f'workshop-{lang}')}"] = path
    for name in names():
        found.setdefault(name, failed.get(name.split("/")[0]) or "not built")
    return found


# Defects found when the checker landed, by file and kind (issue 19 fixes them): a file may still
# show its known kinds, never a new one. Remove a kind once it is fixed.
KNOWN: dict[str, set[str]] = {
    # The booklet's cautions: an A5 (half-Letter) page is half the handout's page, so the box,
    # whose type never shrinks in large print, is taller than a spread (en 4, zh 3, bi 7
    # pages). It starts on a left-hand page (a right-hand one it would start on is left for
    # notes) and runs on page after page: the reader opens the booklet on its first spread. A
    # decision (fewer cautions in the booklet, or the box smaller) is left.
    **dict.fromkeys(
        [
            f"booklet-{lang}-large-{paper}.pdf"
            for lang in LANGS
            for paper in ("a4", "letter", "omit2")
        ],
        {"cautions box over more than a spread"},
    ),
}


def names() -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        diary = pathlib.Path(folder) / "diary.csv"
        static = {**handouts(), **cards(), **logs(diary), **booklets()}
    workshop = [
        f"workshop-{lang}/{name}"
        for lang in LANGS
        for name in (
            "facilitator-script.pdf",
            "slides.pdf",
            "packets-to-print.pdf",
            "packets/p1.pdf",
        )
    ]
    return [*static, *workshop]


def holds_the_cautions(name: str) -> bool:
    """A document with one cautions box, read page by page (not an imposed sheet, not the print
    file of several packets)."""
    single = name.startswith(("handout", "booklet")) or name.endswith("packets/p1.pdf")
    return single and "imposed" not in name


@pytest.mark.parametrize("name", names(), ids=lambda name: name.removesuffix(".pdf"))
def test_every_page_is_fit_to_print(built: dict[str, pathlib.Path | str], name: str) -> None:
    path = built[name]
    if not isinstance(path, pathlib.Path):  # the command refused or failed: its message
        assert "cannot be built" in KNOWN.get(name, set()), path
        return
    found = problems(
        path.read_bytes(),
        booklet=name.startswith("booklet"),
        imposed="imposed" in name,
        large_least=LARGE_TYPE.small if "-large-" in name else None,
        chinese="-en-" not in name and not name.startswith("workshop-en"),
        cautions=holds_the_cautions(name),
    )
    new = [problem for problem in found if kind(problem) not in KNOWN.get(name, set())]
    assert new == [], f"{name}:\n  " + "\n  ".join(new)


def large_print_pairs() -> list[tuple[str, str]]:
    """Each large-print handout, card set, log and booklet beside its normal-print edition,
    options alike (large-print cards have no 4-up twin)."""
    static = [*handouts(), *cards(), *logs(pathlib.Path("diary.csv")), *booklets()]
    return [
        (name, name.replace("-large-", "-normal-"))
        for name in static
        if "-large-" in name and "imposed" not in name
    ]


@pytest.mark.parametrize(("large", "normal"), large_print_pairs(), ids=lambda name: name[:-4])
def test_large_print_is_at_most_two_and_a_half_times_as_long(
    built: dict[str, pathlib.Path | str], large: str, normal: str
) -> None:
    counts = [len(pypdf.PdfReader(built[name]).pages) for name in (large, normal)]
    assert counts[0] <= 2.5 * counts[1], f"{large}: {counts[0]} pages, {normal}: {counts[1]}"
