"""Other engines on the handout's content, each run as a cold process.

`prepare DIR` writes their inputs and prints which engines are installed (JSON);
`weasyprint IN OUT` and `typst IN OUT` render one.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib
import sys


def prepare(folder: pathlib.Path) -> dict[str, str]:
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
    from benchmarks.competitors import to_html, to_typst
    from pmr_print.loader import load_guide
    from pmr_print.resources import default_content_dir, fonts_dir

    guide = load_guide(default_content_dir(), "zh")
    found = {}
    if importlib.util.find_spec("weasyprint"):
        path = folder / "handout.html"
        path.write_text(to_html(guide, fonts_dir()), encoding="utf-8")
        found["weasyprint"] = str(path)
    if importlib.util.find_spec("typst"):
        path = folder / "handout.typ"
        path.write_text(to_typst(guide), encoding="utf-8")
        found["typst"] = str(path)
    return found


def fonts() -> str:
    from pmr_print.resources import fonts_dir

    return str(fonts_dir())


def main() -> None:
    command, *rest = sys.argv[1:]
    if command == "prepare":
        print(json.dumps(prepare(pathlib.Path(rest[0]))))
    elif command == "weasyprint":
        import weasyprint

        weasyprint.HTML(filename=rest[0]).write_pdf(rest[1])
    elif command == "typst":
        import typst

        typst.compile(rest[0], output=rest[1], font_paths=[fonts()], ignore_system_fonts=True)


if __name__ == "__main__":
    main()
