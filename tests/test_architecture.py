"""Keep the boundaries: every room of pmr_print/ has a kind, and a kind imports only what it may.

A room is a top-level module or package of pmr_print/. ROOM_KIND places each one; a new room
fails `test_every_room_is_placed` until it is placed there.

kind        rooms                                       may import (rooms)
plain       model, loader/, plans/, options, i18n ...   plain
figures     illustrations/                              plain
pdf         pdf/, typography/                           plain, figures, pdf
product     handout/, cards/, practice_log/             plain, figures, pdf (never one another)
html        html/                                       plain, figures
composer    booklet/, workshop/                         plain, figures, pdf, product, runner
runner      batch                                       plain, pdf
api         api                                         anything but a surface
surface     cli, __main__, commands/, web/              plain, api; cli and __main__ the others

Libraries: plain rooms import no ReportLab, pypdf, pikepdf, Jinja2 or Starlette; figures and
the HTML edition only ReportLab's graphics (the HTML edition's SVG figures); markdown-it only
the loader. Imports are read with `ast` wherever they are (function bodies too), relative ones
resolved, and `importlib.import_module("...")` read as an import. Each rule is tested against
a planted import at the end of this file, so that a rule that stops seeing is noticed.
"""

from __future__ import annotations

import ast
import functools
import pathlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent / "pmr_print"

ROOM_KIND = {
    # plain, shared: the model and what every product and surface reads
    "model": "plain",
    "labels": "plain",
    "theme": "plain",
    "problems": "plain",
    "options": "plain",
    "edition": "plain",
    "check": "plain",
    "i18n": "plain",
    "languages": "plain",
    "locales": "plain",
    "resources": "plain",
    "limits": "plain",
    "spreadsheets": "plain",  # the encoding, delimiter and date order of a saved CSV
    "messages": "plain",  # what pmr-print says to its user, per language, for every surface
    "files": "plain",
    "loader": "plain",
    "checks": "plain",  # what `pmr-print check` finds beyond loading (glossary, catalog)
    "plans": "plain",  # what each product says, in one language: read by every painter
    "recordings": "plain",  # the spoken clips' keys and lengths (data): plans time with them
    # ReportLab drawings, one function per figure
    "illustrations": "figures",
    # what every PDF shares
    "pdf": "pdf",
    "typography": "pdf",  # the line breaker leans on ReportLab's paragraph internals
    # the products
    "handout": "product",
    "cards": "product",
    "practice_log": "product",
    "audio": "product",  # the spoken session: reads the session plan only
    "reminders": "product",  # the practice plan as a calendar file
    # the accessible edition, from the model, never from the PDF rooms
    "html": "html",
    # the composers: build from the products
    "booklet": "composer",
    "workshop": "composer",
    # many builds at once, on every core (`pmr-print all`, the workshop's packets)
    "batch": "runner",
    # the one door to the products
    "api": "api",
    # the surfaces
    "cli": "surface",
    "__main__": "surface",
    "commands": "surface",
    "web": "surface",
    "__init__": "plain",  # pmr_print/__init__.py
}

MAY_IMPORT = {
    "plain": {"plain"},
    "figures": {"plain", "figures"},
    "pdf": {"plain", "figures", "pdf"},
    "product": {"plain", "figures", "pdf", "product"},  # its own room only: see below
    "html": {"plain", "figures", "html"},
    "composer": {"plain", "figures", "pdf", "product", "composer", "runner"},  # own room only
    "runner": {"plain", "pdf", "runner"},
    "api": {"plain", "figures", "pdf", "product", "html", "composer", "runner", "api"},
    "surface": {"plain", "api", "surface"},
}

RENDERERS = ("reportlab", "pypdf", "pikepdf", "jinja2", "starlette", "uvicorn")
SURFACES_ON_TOP = {"cli", "__main__"}  # they dispatch to commands/ and web/, which stand apart

# Imports that break a rule today, each with why it is tolerated and who removes it. A listed
# import that no longer happens fails `test_known_exceptions_still_happen`: delete its line
# then, so that the rule tightens. Never add one without a reason and an issue.
KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()


@dataclass(frozen=True)
class Module:
    name: str  # pmr_print.handout.render
    path: str  # handout/render.py
    source: str

    @property
    def room(self) -> str:
        return self.name.split(".")[1] if "." in self.name else "__init__"

    @property
    def package(self) -> str:
        """What a relative import starts from: the package itself for an __init__.py."""
        if self.path.endswith("__init__.py"):
            return self.name
        return self.name.rpartition(".")[0]


Graph = dict[str, Module]


def module_name(relative: pathlib.PurePath) -> str:
    parts = ("pmr_print", *relative.with_suffix("").parts)
    name = ".".join(parts)
    return name.removesuffix(".__init__") if relative.name == "__init__.py" else name


def read_graph(root: pathlib.Path = PACKAGE) -> Graph:
    modules = {}
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root)
        name = module_name(relative)
        modules[name] = Module(name, relative.as_posix(), path.read_text(encoding="utf-8"))
    return modules


def with_module(graph: Graph, path: str, source: str) -> Graph:
    """The graph with one more module, or one module's source extended (a planted import)."""
    name = module_name(pathlib.PurePosixPath(path))
    before = graph[name].source if name in graph else ""
    return {**graph, name: Module(name, path, before + "\n" + source + "\n")}


def absolute(module: Module, level: int, name: str | None) -> str:
    """`from ..cards import render` in pmr_print/handout/render.py names pmr_print.cards."""
    if not level:
        return name or ""
    base = module.package.split(".")
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def dynamic_imports(module: Module, node: ast.Call) -> Iterator[str]:
    """importlib.import_module("pmr_print.x"), import_module(".x", "pmr_print"), __import__."""
    func = node.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if called not in ("import_module", "__import__") or not node.args:
        return
    first = node.args[0]
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        yield "<dynamic>"  # a name the test cannot read: refused below
        return
    name = first.value
    if name.startswith("."):
        anchor = node.args[1] if len(node.args) > 1 else None
        package = anchor.value if isinstance(anchor, ast.Constant) else module.package
        level = len(name) - len(name.lstrip("."))
        parts = str(package).split(".")
        yield ".".join([*parts[: len(parts) - (level - 1)], name.lstrip(".")])
    else:
        yield name


def imports(module: Module, graph: Graph) -> set[str]:
    """Every module a module imports, at the top or inside a function, relative or not."""
    found = set()
    for base, names in named_imports(module):
        if not names:
            found.add(base)
        for name in names:
            submodule = f"{base}.{name}"
            found.add(submodule if submodule in graph else base)  # a module, or a name in one
    return found


@functools.cache
def named_imports(module: Module) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(module, names imported from it) for every import statement or import_module call."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for node in ast.walk(syntax(module)):
        if isinstance(node, ast.Import):
            found += [(alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = absolute(module, node.level, node.module)
            found.append((base, tuple(alias.name for alias in node.names)))
        elif isinstance(node, ast.Call):
            found += [(name, ()) for name in dynamic_imports(module, node)]
    return tuple(found)


@functools.cache
def syntax(module: Module) -> ast.Module:
    return ast.parse(module.source)


def room_of(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != "pmr_print":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def edges(graph: Graph) -> Iterator[tuple[Module, str]]:
    """(module, what it imports), minus the known exceptions."""
    for module in graph.values():
        for name in sorted(imports(module, graph)):
            if (module.path, name) not in KNOWN_EXCEPTIONS:
                yield module, name


def crossings(graph: Graph, allowed: Callable[[Module, str], bool]) -> list[str]:
    """Every import from one room into another that `allowed` refuses, as `path -> module`."""
    return [
        f"{module.path} -> {name}"
        for module, name in edges(graph)
        if room_of(name) not in (None, module.room) and not allowed(module, room_of(name) or "")
    ]


def kind(room: str) -> str:
    return ROOM_KIND.get(room, "unplaced")


# The rules: each returns what breaks it ---------------------------------------------------


def unplaced_rooms(graph: Graph) -> list[str]:
    return sorted({module.room for module in graph.values()} - ROOM_KIND.keys())


def kinds_reaching_up(graph: Graph) -> list[str]:
    """Each room imports only the kinds its own kind may (the table in the docstring)."""
    return crossings(graph, lambda m, r: kind(r) in MAY_IMPORT.get(kind(m.room), set()))


def products_reaching_sideways(graph: Graph) -> list[str]:
    """A product never imports another product: the booklet and workshop compose them."""
    return crossings(graph, lambda m, r: not (kind(m.room) == kind(r) == "product"))


def composers_reaching_sideways(graph: Graph) -> list[str]:
    return crossings(graph, lambda m, r: not (kind(m.room) == kind(r) == "composer"))


def surfaces_going_around_the_api(graph: Graph) -> list[str]:
    """cli, commands/ and web/ reach the products (and what the products are built of) only
    through pmr_print.api."""
    reachable = {"plain", "api", "surface"}
    return crossings(graph, lambda m, r: kind(m.room) != "surface" or kind(r) in reachable)


def surfaces_leaning_on_each_other(graph: Graph) -> list[str]:
    """commands/ and web/ stand side by side; only cli and __main__ sit on top of them."""
    return crossings(
        graph,
        lambda m, r: not (kind(m.room) == kind(r) == "surface") or m.room in SURFACES_ON_TOP,
    )


def plans_reaching_painters(graph: Graph) -> list[str]:
    """A plan is what a product says; it imports no product, composer, painter or surface."""
    painters = {"product", "composer", "pdf", "html", "figures", "surface", "api", "runner"}
    return crossings(graph, lambda m, r: m.room != "plans" or kind(r) not in painters)


def renderer_libraries(graph: Graph) -> list[str]:
    """Plain rooms import no renderer; figures and html only ReportLab's graphics."""
    found = []
    for module, name in edges(graph):
        library = name.split(".")[0]
        if library not in RENDERERS:
            continue
        room_kind = kind(module.room)
        graphics = name == "reportlab.graphics" or name.startswith("reportlab.graphics.")
        colours = name == "reportlab.lib.colors"  # a figure's colours
        if room_kind == "plain" or room_kind == "unplaced":
            found.append(f"{module.path} -> {name}")
        elif room_kind == "figures" and not (graphics or colours):
            found.append(f"{module.path} -> {name}")
        elif room_kind == "html" and library != "jinja2" and not graphics:
            found.append(f"{module.path} -> {name}")
    return found


def markdown_outside_the_loader(graph: Graph) -> list[str]:
    return [
        f"{module.path} -> {name}"
        for module, name in edges(graph)
        if name.split(".")[0] in ("markdown_it", "mdit_py_plugins") and module.room != "loader"
    ]


def unreadable_imports(graph: Graph) -> list[str]:
    """import_module with a computed name hides an import from every rule here."""
    return [f"{module.path} -> {name}" for module, name in edges(graph) if name == "<dynamic>"]


TAG = re.compile(r"<\s*/?\s*[A-Za-z][\w:-]*(\s|>|/|$)")
PDF_KINDS = ("pdf", "product", "composer")


def hand_built_markup(graph: Graph) -> list[str]:
    """In the PDF rooms only pdf/markup.py writes paragraph markup (and escapes what it wraps):
    no other string literal there starts with a tag."""
    found = []
    for module in graph.values():
        if kind(module.room) not in PDF_KINDS or module.path == "pdf/markup.py":
            continue
        for node in ast.walk(syntax(module)):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(node, ast.JoinedStr) and node.values:
                first = node.values[0]
                text = first.value if isinstance(first, ast.Constant) else None
            if isinstance(text, str) and TAG.match(text):
                found.append(f"{module.path}:{node.lineno}: {text[:30]!r}")
    return found


def circles(graph: Graph) -> list[str]:
    """Modules that reach themselves through their imports (function bodies count too)."""
    reach = {
        name: {i for i in imports(module, graph) if i in graph and i != name}
        for name, module in graph.items()
    }
    found = []
    for start in reach:
        seen: set[str] = set()
        todo = list(reach[start])
        while todo:
            current = todo.pop()
            if current == start:
                found.append(start)
                break
            if current not in seen:
                seen.add(current)
                todo.extend(reach.get(current, ()))
    return found


RULES = {
    "every room is placed": unplaced_rooms,
    "a kind imports only the kinds below it": kinds_reaching_up,
    "products never import each other": products_reaching_sideways,
    "composers never import each other": composers_reaching_sideways,
    "surfaces reach the products only through the api": surfaces_going_around_the_api,
    "commands/ and web/ stand side by side": surfaces_leaning_on_each_other,
    "plans import no painter": plans_reaching_painters,
    "plain rooms import no renderer": renderer_libraries,
    "only the loader imports markdown-it": markdown_outside_the_loader,
    "every import can be read": unreadable_imports,
    "only pdf/markup.py writes paragraph markup": hand_built_markup,
    "no import circles": circles,
}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return read_graph()


@pytest.mark.parametrize("rule", RULES.values(), ids=RULES.keys())
def test_the_package_keeps_the_rule(graph: Graph, rule: Callable[[Graph], list[str]]) -> None:
    assert rule(graph) == []


def test_the_scan_sees_the_package(graph: Graph) -> None:
    """The rules above look at something: the api reaches every product, the loader reads
    markdown-it, html draws ReportLab's figures, relative imports are resolved."""
    api = imports(graph["pmr_print.api"], graph)
    assert {"pmr_print.handout.render", "pmr_print.booklet.render"} <= api
    assert any(
        n.startswith("markdown_it") for n in imports(graph["pmr_print.loader.markdown"], graph)
    )
    assert all(module.room in ROOM_KIND for module in graph.values())
    assert {"product", "composer", "surface", "plain"} <= {kind(m.room) for m in graph.values()}


def test_known_exceptions_still_happen(graph: Graph) -> None:
    """An exception that no longer happens is deleted, so that its rule tightens."""
    happening = {(m.path, name) for m in graph.values() for name in imports(m, graph)}
    assert KNOWN_EXCEPTIONS - happening == set()


def test_the_model_depends_on_nothing_but_labels(graph: Graph) -> None:
    own = {i for i in imports(graph["pmr_print.model"], graph) if i.startswith("pmr_print")}
    assert own <= {"pmr_print.labels"}


# Tests of the tests: plant a forbidden import, the rule must see it -----------------------

PLANTED = [
    ("pdf/blocks.py", "import pmr_print.handout.sides", kinds_reaching_up),
    ("cards/strip.py", "import pmr_print.booklet", kinds_reaching_up),
    ("handout/render.py", "from pmr_print import api", kinds_reaching_up),
    ("cards/render.py", "import pmr_print.cli", kinds_reaching_up),
    ("handout/render.py", "from ..cards import render", products_reaching_sideways),
    ("html/cards.py", "from ..pdf import styles", kinds_reaching_up),
    ("handout/render.py", "import pmr_print.web.text", kinds_reaching_up),
    ("handout/render.py", "from pmr_print import commands", kinds_reaching_up),
    ("workshop/script.py", "from pmr_print.web import text", kinds_reaching_up),
    ("booklet/story.py", "from pmr_print.workshop import voices", composers_reaching_sideways),
    (
        "handout/render.py",
        'importlib.import_module("pmr_print.cards.render")',
        products_reaching_sideways,
    ),
    (
        "handout/render.py",
        'import_module(".render", "pmr_print.cards")',
        products_reaching_sideways,
    ),
    ("web/page.py", "from pmr_print.handout import render", surfaces_going_around_the_api),
    (
        "commands/log.py",
        "from ..practice_log.build import log_weeks",
        surfaces_going_around_the_api,
    ),
    ("web/products.py", "from pmr_print.commands import Product", surfaces_leaning_on_each_other),
    ("guided/__init__.py", "from pmr_print import api, cards, handout", unplaced_rooms),
    ("files.py", "import reportlab", renderer_libraries),
    ("options.py", "from starlette.requests import Request", renderer_libraries),
    ("model.py", "import pikepdf", renderer_libraries),
    ("plans/handout.py", "from pmr_print.pdf import styles", plans_reaching_painters),
    ("plans/handout.py", "from .. import handout", plans_reaching_painters),
    ("plans/handout.py", "from jinja2 import Template", renderer_libraries),
    ("illustrations/figure.py", "from reportlab.platypus import Paragraph", renderer_libraries),
    ("html/svg.py", "import pypdf", renderer_libraries),
    ("handout/render.py", "import markdown_it", markdown_outside_the_loader),
    ("cli.py", "importlib.import_module(name)", unreadable_imports),
    ("handout/render.py", "x = '<i>' + title + '</i>'", hand_built_markup),
    ("cards/render.py", "x = f'<font color=\"red\">{text}</font>'", hand_built_markup),
    ("booklet/story.py", "x = '<b>Note</b>'", hand_built_markup),
    ("model.py", "from pmr_print import options", circles),
]


@pytest.mark.parametrize(
    ("path", "line", "rule"),
    PLANTED,
    ids=[f"{path}: {line}" for path, line, _ in PLANTED],
)
def test_a_planted_import_breaks_its_rule(
    graph: Graph, path: str, line: str, rule: Callable[[Graph], list[str]]
) -> None:
    found = set(rule(with_module(graph, path, line))) - set(rule(graph))
    assert found, f"{rule.__name__} did not see {line!r} planted in {path}"


def test_a_planted_import_in_a_scratch_copy_is_seen(tmp_path: pathlib.Path, graph: Graph) -> None:
    """The same scan on files: a copy of the package with one relative import added."""
    copy = tmp_path / "pmr_print"
    for module in graph.values():
        target = copy / module.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(module.source, encoding="utf-8")
    with (copy / "handout" / "render.py").open("a", encoding="utf-8") as file:
        file.write("\nfrom ..cards import render as _r\n")
    assert products_reaching_sideways(read_graph(copy)) == [
        "handout/render.py -> pmr_print.cards.render"
    ]
