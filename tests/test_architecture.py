"""Keep the boundaries: a room per product, the plain modules free of ReportLab, no import circles.

plain, shared   model, labels, i18n, languages, locales, theme, problems, options, check,
                resources, limits, loader/, typography/, illustrations/
pdf/            what every PDF shares
products        handout/, cards/, practice_log/
html/           the accessible HTML edition: from the model, never from the PDF rooms
composers       booklet/, workshop/ (the only rooms that may import products)
surfaces        api, batch, cli, commands/, web/ (on top; nothing below imports them)
"""

import ast
import pathlib

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "pmr_print"
PLAIN_MODULES = (
    "model.py",
    "labels.py",
    "theme.py",
    "problems.py",
    "options.py",
    "edition.py",
    "check.py",
    "i18n.py",
    "locales.py",
    "languages.py",
    "resources.py",
    "limits.py",
)
PLAIN_PACKAGES = ("loader",)
PRODUCTS = ("handout", "cards", "practice_log")
COMPOSERS = ("booklet", "workshop")
HTML = "html"
SURFACES = ("api", "batch", "cli", "commands", "web", "__main__")
BELOW_PDF = ("loader", "typography", "illustrations") + tuple(m[:-3] for m in PLAIN_MODULES)


def imports(path: pathlib.Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if is_module(submodule) else node.module)
    return found


def is_module(name: str) -> bool:
    """`pmr_print.illustrations.polygon` names a module; `pmr_print.model.Guide` does not."""
    if not name.startswith("pmr_print."):
        return False
    path = PACKAGE.joinpath(*name.split(".")[1:])
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def modules() -> list[pathlib.Path]:
    return sorted(PACKAGE.rglob("*.py"))


def room(path: pathlib.Path) -> str:
    """The top-level room of a file: `handout` for pmr_print/handout/render.py, `api` for api.py."""
    first = path.relative_to(PACKAGE).parts[0]
    return first[:-3] if first.endswith(".py") else first


def rooms_imported(path: pathlib.Path) -> set[str]:
    return {
        name.split(".")[1]
        for name in imports(path)
        if name.startswith("pmr_print.") and name.split(".")[1] != room(path)
    }


def test_markdown_it_is_imported_only_by_the_loader() -> None:
    outside = [
        path.relative_to(PACKAGE)
        for path in modules()
        if room(path) != "loader"
        and any(name.split(".")[0] in ("markdown_it", "mdit_py_plugins") for name in imports(path))
    ]
    assert outside == []
    assert any("markdown_it" in name for name in imports(PACKAGE / "loader" / "markdown.py"))


def test_model_and_plain_modules_import_no_reportlab_or_pypdf() -> None:
    plain = [PACKAGE / name for name in PLAIN_MODULES]
    plain += [path for path in modules() if room(path) in PLAIN_PACKAGES]
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            i for i in imports(path) if i.startswith(("reportlab", "pypdf"))
        )
        for path in plain
    }
    assert all(not found for found in offenders.values()), offenders


def test_model_depends_on_nothing_but_plain_modules() -> None:
    own = {i for i in imports(PACKAGE / "model.py") if i.startswith("pmr_print")}
    assert own <= {"pmr_print.labels"}


def test_a_product_never_imports_another_product_or_a_composer() -> None:
    crossings = {
        str(path.relative_to(PACKAGE)): sorted(
            rooms_imported(path) & (set(PRODUCTS) | set(COMPOSERS) | {HTML})
        )
        for path in modules()
        if room(path) in PRODUCTS
    }
    assert all(not found for found in crossings.values()), crossings


def test_shared_pdf_and_plain_rooms_import_no_product_and_no_surface() -> None:
    upward = set(PRODUCTS) | set(COMPOSERS) | set(SURFACES) | {HTML}
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(rooms_imported(path) & upward)
        for path in modules()
        if room(path) in BELOW_PDF + ("pdf",)
    }
    assert all(not found for found in offenders.values()), offenders


def test_the_html_edition_draws_from_the_model_not_from_the_pdf_rooms() -> None:
    forbidden = set(PRODUCTS) | set(COMPOSERS) | set(SURFACES) | {"pdf"}
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(rooms_imported(path) & forbidden)
        for path in modules()
        if room(path) == HTML
    }
    assert offenders and all(not found for found in offenders.values()), offenders


def test_plain_rooms_do_not_reach_up_into_the_pdf_room() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(rooms_imported(path) & {"pdf"})
        for path in modules()
        if room(path) in BELOW_PDF
    }
    assert all(not found for found in offenders.values()), offenders


def test_no_import_circles_between_modules() -> None:
    """Function-level imports count too: a circle hidden inside a function is still a circle."""
    graph: dict[str, set[str]] = {}
    for path in modules():
        name = ".".join(("pmr_print", *path.relative_to(PACKAGE).with_suffix("").parts))
        graph[name.removesuffix(".__init__")] = {
            i for i in imports(path) if i.startswith("pmr_print.")
        }
    circles = []
    for start in graph:
        seen, todo = set(), list(graph[start])
        while todo:
            current = todo.pop()
            if current == start:
                circles.append(start)
                break
            if current not in seen:
                seen.add(current)
                todo.extend(graph.get(current, ()))
    assert circles == []


def test_only_markup_builds_paragraph_markup() -> None:
    """Products build flowables through pdf/text.py, which escapes via pdf/markup.py (fonts.py
    only names the tags in a comment)."""
    for path in modules():
        if path.name in ("markup.py", "fonts.py"):
            continue
        source = path.read_text(encoding="utf-8")
        assert "<font face" not in source and "<b>" not in source, path
