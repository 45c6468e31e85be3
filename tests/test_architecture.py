"""Keep the boundaries: markdown-it only in the loader, ReportLab never in the model."""

import ast
import pathlib

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "pmr_print"
PLAIN_MODULES = ("model.py", "labels.py", "theme.py", "problems.py", "options.py", "check.py")


def imports(path: pathlib.Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def modules() -> list[pathlib.Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_markdown_it_is_imported_only_by_the_loader() -> None:
    outside = [
        path.relative_to(PACKAGE)
        for path in modules()
        if "loader" not in path.relative_to(PACKAGE).parts
        and any(name.split(".")[0] in ("markdown_it", "mdit_py_plugins") for name in imports(path))
    ]
    assert outside == []
    assert any("markdown_it" in name for name in imports(PACKAGE / "loader" / "markdown.py"))


def test_model_and_plain_modules_import_no_reportlab() -> None:
    offenders = {
        name: sorted(i for i in imports(PACKAGE / name) if i.startswith(("reportlab", "pypdf")))
        for name in PLAIN_MODULES
    }
    assert all(not found for found in offenders.values()), offenders


def test_model_depends_on_nothing_but_plain_modules() -> None:
    own = {i for i in imports(PACKAGE / "model.py") if i.startswith("pmr_print")}
    assert own <= {"pmr_print.labels"}


def test_only_markup_builds_paragraph_markup() -> None:
    """Products build flowables through render/text.py, which escapes via markup.py."""
    for path in (PACKAGE / "render").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "<font face" not in source and "<b>" not in source, path
