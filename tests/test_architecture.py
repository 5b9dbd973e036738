"""The house rules of the layout, checked on the source (docs/development.md explains them):

- explorer/ imports no Qt and nothing of ui/ (tests/explorer/test_boundary.py also checks it at run time);
- ui/state/ (what the window shows, as plain Python) imports no Qt and no other part of ui/;
- charts and widgets never import the window or the controllers;
- charts never import the analyses (they draw the results they are given);
- controllers never import the window, and render/ never imports the window or the controllers;
- the top-level layout is as documented.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "PyQt5", "PyQt6", "PySide2", "pyqtgraph", "superqt", "qtpy", "shiboken6")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved, at any depth of the file."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            out.add(module)
            out.update(f"{module}.{a.name}" for a in node.names)  # 'from . import theme'
    return out


def sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def offenders(folder: str, forbidden) -> list[str]:
    found = []
    for path in sources(folder):
        for name in sorted(imports(path)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_the_core_imports_no_qt_and_no_ui():
    assert offenders("explorer", QT + ("ui",)) == []


def test_the_window_state_imports_no_qt_and_no_other_part_of_the_ui():
    others = [f"ui.{p.stem if p.is_file() else p.name}" for p in (ROOT / "ui").iterdir()
              if p.name not in ("state", "__init__.py", "__pycache__") and (p.suffix == ".py" or p.is_dir())]
    assert "ui.main_window" in others and "ui.charts" in others
    assert offenders("ui/state", QT + tuple(others)) == []


@pytest.mark.parametrize("folder", ["ui/charts", "ui/widgets"])
def test_charts_and_widgets_never_import_the_window_or_the_controllers(folder):
    assert offenders(folder, ("ui.main_window", "ui.controllers", "ui.app")) == []


def test_charts_never_import_the_analyses():
    assert offenders("ui/charts", ("ui.analyses", "ui.band_worker", "ui.state.analysis", "explorer.uncertainty",
                                   "explorer.sensitivity", "explorer.fit")) == []


def test_controllers_and_render_never_reach_back_into_the_window():
    assert offenders("ui/controllers", ("ui.main_window", "ui.app")) == []
    assert offenders("ui/render", ("ui.main_window", "ui.controllers", "ui.app")) == []


def test_the_window_state_runs_with_qt_blocked():
    code = f"""
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {QT!r}:
            raise ImportError('blocked import of ' + name)
sys.meta_path.insert(0, Block())
import pkgutil, importlib, ui.state
for m in pkgutil.iter_modules(ui.state.__path__):
    importlib.import_module('ui.state.' + m.name)
from explorer.catalog import builtin_catalog
from explorer.scenario import Scenario
from ui.state.chart_input import standalone_input
assert standalone_input(Scenario(), builtin_catalog()).tornados
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_top_level_layout():
    for name in ("explorer", "ui", "assets", "tests", "benchmarks", "build.spec", "pyproject.toml"):
        assert (ROOT / name).exists(), name
    for folder in ("charts", "widgets", "controllers", "render", "dialogs", "state"):
        assert (ROOT / "ui" / folder / "__init__.py").exists(), folder
    for folder in ("explorer", "ui/charts", "ui/widgets", "ui/features", "ui/render", "ui/state", "packaging"):
        assert any((ROOT / "tests" / folder).glob("test_*.py")), folder  # tests mirror the code
