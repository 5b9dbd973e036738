"""Small timing helpers shared by the benchmark scripts (they print figures; nothing asserts on them)."""

from __future__ import annotations

import statistics
import time
from typing import Callable


def measure(fn: Callable[[], object], repeats: int, warmup: int = 3) -> list[float]:
    """Wall-clock seconds of ``repeats`` calls after ``warmup`` untimed calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def report(label: str, seconds: list[float]) -> str:
    ms = sorted(s * 1e3 for s in seconds)
    if not ms:
        line = f"{label:<58} none"
        print(line, flush=True)
        return line
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    line = (f"{label:<58} median {statistics.median(ms):8.3f} ms   p95 {p95:8.3f} ms   "
            f"min {ms[0]:8.3f} ms   (n={len(ms)})")
    print(line, flush=True)
    return line
