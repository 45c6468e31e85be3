"""Build the products from two revisions and say which outputs differ (the plan issue's check).

    python scripts/same_output.py                  # HEAD's committed tree against the work tree
    python scripts/same_output.py main my-branch   # two revisions
    python scripts/same_output.py main .           # main against the work tree

Each side is built by its own code (a temporary `git worktree` for a revision, the folder for `.`)
from that side's content, with fixed dates, so a refactor that changes no words changes no byte.
It builds `pmr-print all`, every `--format html` edition, bilingual and large-print booklets
(reading and imposed), handouts with groups left out, a 3-row bilingual workshop pack, and a few
options in between. Exit status 1 when anything differs, with one line per differing file.
"""

from __future__ import annotations

import concurrent.futures
import filecmp
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
DATE = "2026-03-09"
PERSON = ["--client", "Jane Miller", "--clinician", "Dr Lee", "--date", DATE]
OMIT = ["--omit", "back,neck", "--omit-reason", "recent injury"]

# (output name, pmr-print arguments); -o is added.
CASES: list[tuple[str, list[str]]] = []
for lang in ("en", "zh", "bi"):
    CASES += [
        (f"handout-{lang}.html", ["handout", "--lang", lang, "--format", "html", *PERSON]),
        (f"cards-{lang}.html", ["cards", "--lang", lang, "--format", "html"]),
        (f"booklet-{lang}.html", ["booklet", "--lang", lang, "--format", "html", *PERSON]),
        (f"handout-{lang}-omit.pdf", ["handout", "--lang", lang, *PERSON, *OMIT]),
        (
            f"handout-{lang}-large-letter.pdf",
            ["handout", "--lang", lang, "--large-print", "--paper", "letter", *PERSON],
        ),
        (
            f"cards-{lang}-short-large.pdf",
            ["cards", "--lang", lang, "--protocol", "short", "--large-print"],
        ),
        (f"booklet-{lang}.pdf", ["booklet", "--lang", lang, *PERSON, *OMIT]),
        (
            f"booklet-{lang}-large-impose.pdf",
            ["booklet", "--lang", lang, "--large-print", "--impose", *PERSON],
        ),
    ]
for lang in ("en", "zh"):
    CASES += [
        (
            f"log-{lang}-large.pdf",
            ["log", "--lang", lang, "--large-print", "--start", DATE, "--name", "王芳 Jane"],
        ),
        (
            f"handout-{lang}-gray-short.pdf",
            ["handout", "--lang", lang, "--grayscale", "--protocol", "short", *PERSON],
        ),
    ]
CASES.append(
    (
        "booklet-bi-large-letter.pdf",
        ["booklet", "--lang", "bi", "--large-print", "--paper", "letter", *PERSON, *OMIT],
    )
)

ROSTER = """id,name,lang,start,omit,omit_reason
p1,Jane Miller,en,2026-03-09,,
p2,王芳,zh,2026-03-09,back,腰伤
p3,Tom Brown,en,2026-03-16,"back;neck",recent injury
"""


def source(rev: str, scratch: pathlib.Path) -> pathlib.Path:
    """A folder holding the code and content of `rev` ('.' is the work tree itself)."""
    if rev == ".":
        return REPO
    tree = scratch / f"tree-{rev.replace('/', '_')}"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(tree), rev], check=True
    )
    return tree


def run(tree: pathlib.Path, out: pathlib.Path, args: list[str]) -> None:
    env = {
        **os.environ,
        "PYTHONPATH": str(tree),
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "SOURCE_DATE_EPOCH": "1773014400",
    }
    env.pop("LC_TIME", None)
    done = subprocess.run(
        [sys.executable, "-m", "pmr_print", *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):  # the workshop exits 1 when a row is refused
        (out / f"FAILED {' '.join(args[:3])}.txt").write_text(done.stderr)


def build(tree: pathlib.Path, out: pathlib.Path) -> None:
    out.mkdir(parents=True)
    (out / "roster.csv").write_text(ROSTER, encoding="utf-8")
    jobs = [["all", "-o", str(out / "all")]]
    jobs += [[*args, "-o", str(out / name)] for name, args in CASES]
    jobs.append(
        [
            "workshop",
            "--roster",
            str(out / "roster.csv"),
            "--lang",
            "bi",
            "--quiet",
            "-o",
            str(out / "workshop"),
        ]
    )
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        list(pool.map(lambda args: run(tree, out, args), jobs))


def differences(a: pathlib.Path, b: pathlib.Path) -> list[str]:
    names = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    names |= {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    found = []
    for name in sorted(names):
        left, right = a / name, b / name
        if not left.exists() or not right.exists():
            found.append(f"{name}: only in {'the second' if right.exists() else 'the first'}")
        elif not filecmp.cmp(left, right, shallow=False):
            found.append(f"{name}: differs")
    return found


def main(argv: list[str]) -> int:
    first, second = (argv + ["HEAD", "."][len(argv) :])[:2]
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="same-output-"))
    trees = []
    try:
        for rev, label in ((first, "a"), (second, "b")):
            tree = source(rev, scratch)
            trees.append(tree)
            build(tree, scratch / label)
        found = differences(scratch / "a", scratch / "b")
        print("\n".join(found) if found else f"identical: {first} and {second}")
        if found:
            print(f"(outputs kept in {scratch})")
        return 1 if found else 0
    finally:
        for tree in trees:
            if tree != REPO:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)])
        if not found_any(scratch):
            shutil.rmtree(scratch, ignore_errors=True)


def found_any(scratch: pathlib.Path) -> bool:
    a, b = scratch / "a", scratch / "b"
    return a.exists() and b.exists() and bool(differences(a, b))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
