"""explorer/ never imports Qt, pyqtgraph, superqt or ui: checked in the source and at run time."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6", "PyQt5", "PyQt6", "PySide2", "pyqtgraph", "superqt", "qtpy", "shiboken6", "ui")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                "import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant):
            yield str(node.args[0].value)


def test_explorer_sources_import_no_qt_or_ui():
    offenders = []
    for path in sorted((ROOT / "explorer").rglob("*.py")):
        for name in _imports(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


BLOCKER = """
import sys, importlib.abc
FORBIDDEN = %r
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in FORBIDDEN:
            raise ImportError('blocked import of ' + name)
sys.meta_path.insert(0, Block())
"""


def _run_blocked(code: str, *forbidden: str) -> subprocess.CompletedProcess:
    script = BLOCKER % (forbidden or FORBIDDEN,) + code
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)


def test_every_explorer_module_and_the_command_line_run_without_qt():
    code = """
import pkgutil, importlib, explorer
for m in pkgutil.iter_modules(explorer.__path__):
    importlib.import_module('explorer.' + m.name)
from explorer.cli import run
assert run(['summary', 'openai-aws-deal', '--json']) == 0
"""
    result = _run_blocked(code)
    assert result.returncode == 0, result.stderr
    assert '"cost_total_usd"' in result.stdout


def test_launcher_runs_headless_commands_without_importing_qt():
    code = """
from ui.launcher import main
assert main(['summary', 'openai-aws-deal']) == 0
assert main(['presets']) == 0
"""
    result = _run_blocked(code, "PySide6", "pyqtgraph", "superqt", "shiboken6", "qtpy")
    assert result.returncode == 0, result.stderr
    assert "openai-aws-deal" in result.stdout
