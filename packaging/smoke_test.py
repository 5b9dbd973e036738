#!/usr/bin/env python3
"""Check a built bundle: the headless commands work and the window starts without crashing.

    python packaging/smoke_test.py [EXECUTABLE]

EXECUTABLE defaults to this OS's build output (see docs/packaging.md). Uses only the standard
library, so any Python 3.8+ can run it. Everything runs with a throw-away settings file and
temporary output folder; the window's checks run through the app's own ``--smoke-test`` on Qt's
offscreen platform (no display needed). Exit status 0 when every check passes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXE_NAME = "compute-scenario-explorer"
APP_NAME = "Compute Scenario Explorer"


def default_executable() -> Path:
    if sys.platform == "win32":
        return ROOT / "dist" / EXE_NAME / f"{EXE_NAME}.exe"
    if sys.platform == "darwin":
        return ROOT / "dist" / f"{APP_NAME}.app" / "Contents" / "MacOS" / EXE_NAME
    return ROOT / "dist" / EXE_NAME / EXE_NAME


def main(argv: list[str]) -> int:
    exe = Path(argv[0]) if argv else default_executable()
    if not exe.exists():
        print(f"no bundle at {exe}: build it first (python -m PyInstaller --noconfirm --clean build.spec)")
        return 2
    failures: list[str] = []

    with tempfile.TemporaryDirectory(prefix="cse-smoke-") as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SCENARIO_EXPLORER_SETTINGS=str(tmp / "settings.ini"),
                   HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"), XDG_CACHE_HOME=str(tmp / "cache"),
                   XDG_DATA_HOME=str(tmp / "data"), APPDATA=str(tmp / "appdata"),
                   LOCALAPPDATA=str(tmp / "localappdata"))

        def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
            start = time.perf_counter()
            proc = subprocess.run([str(exe), *args], capture_output=True, text=True, encoding="utf-8",
                                  env=env, cwd=tmp, timeout=timeout)
            print(f"  {' '.join(args):<60} exit {proc.returncode}  {time.perf_counter() - start:5.2f} s")
            return proc

        def check(name: str, ok: bool, proc: subprocess.CompletedProcess | None = None) -> None:
            if not ok:
                detail = f"\n    stdout: {proc.stdout[-800:]!r}\n    stderr: {proc.stderr[-1500:]!r}" if proc else ""
                failures.append(name + detail)

        print(f"checking {exe}")
        proc = run("--version")
        check("--version", proc.returncode == 0 and "0." in proc.stdout + proc.stderr, proc)

        proc = run("summary", "openai-aws-deal", "--json")
        try:
            summary = json.loads(proc.stdout)
        except ValueError:
            summary = {}
        check("summary --json prints a JSON object with cost_total_usd",
              proc.returncode == 0 and "cost_total_usd" in summary, proc)

        proc = run("presets")
        check("presets lists openai-aws-deal", proc.returncode == 0 and "openai-aws-deal" in proc.stdout, proc)

        xlsx = tmp / "out.xlsx"
        proc = run("export", "openai-aws-deal", "--xlsx", str(xlsx))
        check("export --xlsx writes a workbook",
              proc.returncode == 0 and xlsx.exists() and xlsx.read_bytes()[:2] == b"PK", proc)

        csv = tmp / "out.csv"
        proc = run("export", "openai-aws-deal", "--csv", str(csv))
        check("export --csv writes a CSV", proc.returncode == 0 and csv.exists() and csv.stat().st_size > 0, proc)

        helptext = run("--help").stdout
        if "render" in helptext:  # the chart commands (Qt offscreen): SVG needs QtSvg, PDF QPdfWriter
            for fmt in ("png", "svg", "pdf"):
                out = tmp / f"charts-{fmt}"
                out.mkdir()
                proc = run("render", "openai-aws-deal", "--chart", "all", "--format", fmt, "--out", str(out))
                check(f"render --format {fmt} writes files",
                      proc.returncode == 0 and any(out.glob(f"*.{fmt}")), proc)
        if "report" in helptext:
            pdf = tmp / "report.pdf"
            proc = run("report", "openai-aws-deal", "--out", str(pdf))
            check("report writes a PDF", proc.returncode == 0 and pdf.exists() and
                  pdf.read_bytes()[:4] == b"%PDF", proc)

        # The window, offscreen: the app's own end-to-end self-check (ui/smoke.py).
        proc = run("--smoke-test")
        check("--smoke-test passes", proc.returncode == 0 and "smoke test passed" in proc.stdout, proc)

    if failures:
        print("\nFAILED:\n- " + "\n- ".join(failures))
        return 1
    print("all bundle checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
