"""The double-click app: build the PyInstaller bundle from this checkout and run the frozen app's
checks headless, so a broken bundle fails CI. Slow (about a minute): deselect with -m "not slow"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXE = "compute-scenario-explorer"


def _tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.mark.slow
def test_the_bundle_builds_and_passes_its_smoke_test(tmp_path_factory):
    pytest.importorskip("PyInstaller")
    work = tmp_path_factory.mktemp("pyinstaller")
    dist = work / "dist"
    build = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(dist),
                            "--workpath", str(work / "build"), str(ROOT / "build.spec")],
                           cwd=ROOT, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    if sys.platform == "win32":
        exe = dist / EXE / f"{EXE}.exe"
    elif sys.platform == "darwin":
        exe = dist / "Compute Scenario Explorer.app" / "Contents" / "MacOS" / EXE
    else:
        exe = dist / EXE / EXE
    assert exe.exists()
    size = _tree_size(dist / EXE)
    print(f"\nbundle: {dist / EXE}, {size / 1e6:.1f} MB")
    assert size < 230e6, f"the bundle grew to {size / 1e6:.0f} MB (aim: under 200 MB); see docs/packaging.md"
    # No second Qt binding and no test tools slipped in.
    names = {p.name for p in (dist / EXE).rglob("*")}
    assert not {"PyQt5", "PyQt6", "pytest", "hypothesis"} & names
    assert list((dist / EXE).rglob("docs/model.md")), "Help ▸ Model and sources needs docs/model.md in the bundle"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    check = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke_test.py"), str(exe)],
                           capture_output=True, text=True, env=env, timeout=600)
    print(check.stdout)
    assert check.returncode == 0, check.stdout[-4000:] + check.stderr[-2000:]
    assert "smoke test passed" not in check.stderr


def test_smoke_test_flag_from_source(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_STATE_HOME=str(tmp_path / "state"))
    result = subprocess.run([sys.executable, "-m", "ui.launcher", "--smoke-test"], cwd=ROOT, capture_output=True,
                            text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in result.stdout
    log = tmp_path / "state" / "compute-scenario-explorer" / "compute-scenario-explorer.log"
    assert "smoke test passed" in log.read_text(encoding="utf-8")
