"""Cold start to the first painted window, from source and from the built bundle (if dist/ has one).

Each run starts a fresh process with a throw-away home folder; the app prints "first-paint" when the
main window has painted for the first time and quits (SCENARIO_EXPLORER_STARTUP_PROBE). The time is
the wall clock from starting the process to that line. Offscreen unless DISPLAY is set.

    python3 dev.py bench startup
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def time_to_first_paint(command: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=f"{home}/config", XDG_STATE_HOME=f"{home}/state",
                   SCENARIO_EXPLORER_STARTUP_PROBE="1")
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT,
                                text=True)
        for line in proc.stdout:
            if line.strip() == "first-paint":
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"no first paint from {command}")
        proc.wait(timeout=60)
        return elapsed


def report(label: str, command: list[str]) -> None:
    time_to_first_paint(command)  # warm the file cache: a second start is what a user usually sees
    times = [time_to_first_paint(command) for _ in range(RUNS)]
    print(f"{label:<46} median {statistics.median(times):6.2f} s   max {max(times):6.2f} s   (n={RUNS})")


def main() -> None:
    platform = "xcb (DISPLAY)" if os.environ.get("DISPLAY") else "offscreen"
    print(f"Cold start to first painted window, {platform}")
    report("from source (python -m ui.launcher)", [sys.executable, "-m", "ui.launcher"])
    exe = ROOT / "dist" / "compute-scenario-explorer" / ("compute-scenario-explorer.exe" if os.name == "nt"
                                                         else "compute-scenario-explorer")
    if exe.exists():
        report("from the bundle (dist/compute-scenario-explorer)", [str(exe)])
    else:
        print("no bundle in dist/: run 'python3 dev.py build' to measure the bundle too")


if __name__ == "__main__":
    main()
