"""The layout of DESIGN.md holds in the code: no import cycle, small modules and functions, and
each folder imports only what its row of the table allows (read from the source with `ast`)."""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "briefing", "storage")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {
    _module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
}


def _in(package: str, name: str) -> bool:
    """Whether module `name` is `package` or inside it."""
    return name == package or name.startswith(package + ".")


def _trees() -> Iterator[tuple[str, ast.Module]]:
    for name, path in sorted(MODULES.items()):
        yield name, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _imports(tree: ast.Module) -> set[str]:
    """Every module a module imports, anywhere in it (under `TYPE_CHECKING` too).

    `from package import name` counts as an import of `package.name` when that is a module,
    else of `package`; the parents Python initialises on the way are not counted.
    """
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                inner = f"{node.module}.{alias.name}"
                found.add(inner if inner in MODULES else node.module)
    return found


IMPORTS = {name: _imports(tree) for name, tree in _trees()}


def _cycle(imports: dict[str, set[str]]) -> list[str] | None:
    """One import cycle among the modules of `imports`, as the modules along it, or None."""
    edges = {name: sorted(i for i in found if i in imports) for name, found in imports.items()}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for target in edges[name]:
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[name] = 2
        return None

    for name in sorted(edges):
        if name not in state and (cycle := visit(name)):
            return cycle
    return None


def _importers(package: str, imported: str) -> dict[str, set[str]]:
    """Modules of `package` that import `imported` or any module under it, with what."""
    found = {}
    for name, modules in IMPORTS.items():
        if _in(package, name):
            hits = {m for m in modules if _in(imported, m)}
            if hits:
                found[name] = hits
    return found


def test_no_import_cycle() -> None:
    assert _cycle(IMPORTS) is None


def test_storage_schema_imports_no_store() -> None:
    ours = _importers("storage.schema", "storage")
    assert ours
    assert {m for found in ours.values() for m in found if not _in("storage.schema", m)} == set()


@pytest.mark.parametrize("package", PACKAGES)
def test_modules_are_short(package: str) -> None:
    long = {}
    for name, path in MODULES.items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if _in(package, name) and lines > MAX_MODULE_LINES:
            long[name] = lines
    assert long == {}


@pytest.mark.parametrize("package", PACKAGES)
def test_functions_are_short(package: str) -> None:
    long = {}
    for name, tree in _trees():
        if not _in(package, name):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long[f"{name}.{node.name}"] = lines
    assert long == {}


def test_handlers_import_no_storage() -> None:
    assert _importers("handlers", "storage") == {}


def test_briefing_imports_no_telegram() -> None:
    assert _importers("briefing", "telegram") == {}


def test_bot_imports_only_the_handlers_package() -> None:
    found = _importers("bot", "handlers")
    assert {name: hits for name, hits in found.items() if hits != {"handlers"}} == {}


@pytest.mark.parametrize("imported", ["bot", "handlers", "briefing", "telegram"])
def test_storage_imports_nothing_of_ours(imported: str) -> None:
    assert _importers("storage", imported) == {}


def test_the_checks_see_what_they_look_for() -> None:
    assert _cycle({"a": {"b"}, "b": {"c", "os"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
    assert {"bot", "handlers", "briefing", "storage", "storage.schema"} <= set(MODULES)
    assert "storage.database" in IMPORTS["storage.archive"]
    assert "storage.clock" in IMPORTS["storage.articles"]  # `from storage import clock`
