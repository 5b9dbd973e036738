"""Run every benchmark script in this folder and print its figures."""

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    only = sys.argv[1:]
    for script in sorted(HERE.glob("bench_*.py")):
        if only and script.stem not in only and script.stem.removeprefix("bench_") not in only:
            continue
        print(f"\n== {script.name}")
        runpy.run_path(str(script), run_name="__main__")
