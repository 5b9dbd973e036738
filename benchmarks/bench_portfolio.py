"""Portfolio latency: a slider move on one member of an eight-member portfolio, to the portfolio window
repainted (issue 16). The eight members: the shipped openai-2025 (seven deals) and the anthropic-google
preset. The window is open, AWS is being edited in the main window, and its GPU count is dragged 200
times (window.document.edit(dragging=True), as a slider drag does). Each move: the edit -> the main
window's pending refresh (its flush) -> the portfolio window's coalesced evaluation (its flush: only the
edited member is evaluated again, the other seven come from the PortfolioCache) -> the event loop twice,
where Qt paints both windows. The portfolio window's own share (its flush and paint) is printed too.
Uses the real display when DISPLAY is set (e.g. under Xvfb), else offscreen.

    .venv/bin/python benchmarks/bench_portfolio.py
"""

from __future__ import annotations

import os
import sys
import statistics
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _timing import report  # noqa: E402

from explorer.portfolio import Member, PortfolioCache, evaluate_portfolio, resolve_portfolio  # noqa: E402
from explorer.presets import load_preset  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from ui.app import make_app  # noqa: E402
from ui.band_worker import shared_band_worker  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.portfolio.window import PortfolioWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402

MOVES = int(os.environ.get("BENCH_MOVES", "200"))


def eight_members(catalog):
    portfolio = resolve_portfolio("openai-2025", catalog)
    return portfolio.added(Member("Anthropic–Google", "Google", True, "preset", "anthropic-google",
                                  load_preset("anthropic-google", catalog)))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app()
        window = MainWindow(Settings(Path(tmp) / "settings.ini"))
        window.resize(1600, 1000)
        window.show()
        shared_band_worker().start()  # as the app does after its first paint (bands off the slider path)
        portfolio = eight_members(window.catalog)
        cache = PortfolioCache()
        evaluate_portfolio(portfolio, window.catalog, cache)
        pw = PortfolioWindow(portfolio, window, window.catalog, cache, parent=window)
        pw.setWindowFlag(Qt.WindowType.Window, True)
        window.portfolio_window = pw
        pw.show()
        for _ in range(5):
            app.processEvents()
        assert pw.edit_member("AWS")
        window.flush()
        pw.flush()
        app.processEvents()
        base = window.document.scenario.gpu_count
        values = [int(base * (0.5 + 1.5 * k / (MOVES - 1))) for k in range(MOVES)]
        values = values[: MOVES // 2] + values[MOVES // 2:][::-1]  # up, then back down
        evaluations = cache.evaluations
        whole, own = [], []
        for i, n in enumerate(values + values[:20]):  # the first 20: warm-up
            t0 = time.perf_counter()
            window.document.edit({"gpu_count": n}, dragging=True)
            window.flush()
            t1 = time.perf_counter()
            pw.flush()
            app.processEvents()
            app.processEvents()
            t2 = time.perf_counter()
            if i >= 20:
                whole.append(t2 - t0)
                own.append(t2 - t1)
        window.document.end_drag()
        done = cache.evaluations - evaluations
        print(f"Eight-member portfolio, platform {app.platformName()}, main window {window.width()}x{window.height()},"
              f" portfolio window {pw.width()}x{pw.height()}, {len(whole)} moves; "
              f"{done} member evaluations for {len(values) + 20} moves (only the edited member)")
        report("slider move -> both windows repainted", whole)
        report("  from the main window's update to both painted", own)
        pw.close()  # the same moves with the main window alone: the difference is the portfolio window's own
        app.processEvents()
        alone = []
        for i, n in enumerate(values + values[:20]):
            t0 = time.perf_counter()
            window.document.edit({"gpu_count": n}, dragging=True)
            window.flush()
            app.processEvents()
            app.processEvents()
            if i >= 20:
                alone.append(time.perf_counter() - t0)
        window.document.end_drag()
        report("slider move -> main window alone repainted", alone)
        extra = (statistics.median(whole) - statistics.median(alone)) * 1e3
        print(f"  the portfolio window's own cost per move (difference of medians): {extra:.1f} ms")
        window.document.load(window.document.baseline, None)
        window.close()


if __name__ == "__main__":
    main()
