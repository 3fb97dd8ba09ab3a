"""Habits of the code base that a test can hold: small modules, classes and functions; no private imports; layers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "comparison"
MODULES = sorted(PACKAGE.rglob("*.py"))
#: The most lines of a module, a class and a function (docstrings and comments count).
MAX_MODULE, MAX_CLASS, MAX_FUNCTION = 600, 250, 120


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_modules_classes_and_functions_are_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE, f"{_name(path)} has {lines} lines (at most {MAX_MODULE})"
    for node in ast.walk(_tree(path)):
        size = (node.end_lineno or node.lineno) - node.lineno + 1 if hasattr(node, "lineno") else 0
        if isinstance(node, ast.ClassDef):
            assert size <= MAX_CLASS, f"{_name(path)}: class {node.name} has {size} lines (at most {MAX_CLASS})"
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert size <= MAX_FUNCTION, f"{_name(path)}: function {node.name} has {size} lines (at most {MAX_FUNCTION})"


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports, at any depth, with the names taken from it as ``module.name``."""
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
    return found


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_private_name_of_another_library_is_imported(path):
    private = [name for name in _imports(path) if not name.startswith(("comparison", "__future__")) and any(part.startswith("_") for part in name.split("."))]
    assert not private, f"{_name(path)} imports private names: {private}"


#: Modules of the command line: each command's module, and the parser. Every other module is library code.
COMMAND_LINE = {"comparison/cli.py", "comparison/__main__.py", "comparison/export_cli.py"}


@pytest.mark.parametrize("path", [p for p in MODULES if _name(p) not in COMMAND_LINE], ids=_name)
def test_library_modules_do_not_import_the_command_line(path):
    assert not [name for name in _imports(path) if name == "comparison.cli" or name.startswith("comparison.cli.")], (
        f"{_name(path)} imports comparison.cli: raise a library error (comparison.errors) and let the command line report it"
    )
