"""Portfolio latency: a slider move on one member of an eight-member portfolio, to both windows
repainted (issue 16). The eight members: the shipped openai-2025 (seven deals) and the anthropic-google
preset. The window is open, AWS is being edited in the main window, and its GPU count is dragged 200
times (window.document.edit(dragging=True), as a slider drag does). Each move runs as a drag runs in
the app: the edit -> the main window's pending refresh (what the event loop's next pass does; the
bands follow from the worker process) -> the event loop twice, where the portfolio window applies the
new value when its follow interval is due (up to 25 updates a second while a slider is held: the edited
member's result is the main window's evaluation of the step, the other seven come from the PortfolioCache;
a follow due on a step that drew the main window's bands waits a step) and Qt paints both
windows. Moves are back to back. The same drag with the portfolio window closed follows, so the two
can be compared in one run: the budget is the single scenario's drag. Uses the real display when
DISPLAY is set (e.g. under Xvfb), else offscreen.

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

        carried: list[bool] = []  # per counted move of the last drag: did the portfolio window update in it?
        with_bands: list[bool] = []  # ... did the main window's step draw newly arrived bands?

        def drag() -> list[float]:
            times = []
            carried.clear()
            with_bands.clear()
            for i, n in enumerate(values + values[:20]):  # the last 20: a warm-up, not counted
                before = pw.refreshes
                t0 = time.perf_counter()
                window.document.edit({"gpu_count": n}, dragging=True)
                window.display.run_pending()
                bands = window.display.drew_analyses()
                app.processEvents()
                app.processEvents()
                if i < len(values):
                    times.append(time.perf_counter() - t0)
                    carried.append(pw.refreshes > before)
                    with_bands.append(bands)
            window.document.end_drag()
            window.flush()
            app.processEvents()
            return times

        drag()  # warm-up
        refreshes, evaluations = pw.refreshes, cache.evaluations
        t0 = time.perf_counter()
        whole = drag()
        seconds = time.perf_counter() - t0
        updates, done = pw.refreshes - refreshes, cache.evaluations - evaluations
        print(f"Eight-member portfolio, platform {app.platformName()}, main window {window.width()}x{window.height()},"
              f" portfolio window {pw.width()}x{pw.height()}, {len(whole)} moves; the portfolio window updated "
              f"{updates} times ({updates / seconds:.0f} a second) and evaluated {done} members (the edited member takes the "
              f"main window's evaluation of the step)")
        report("slider move -> both windows repainted", whole)
        report("  the moves that carried a portfolio update", [t for t, c in zip(whole, carried) if c])
        report("  the moves that did not", [t for t, c in zip(whole, carried) if not c])
        report("    of which the main window's bands steps", [t for t, c, b in zip(whole, carried, with_bands) if b and not c])
        both = sum(c and b for c, b in zip(carried, with_bands))
        print(f"  moves that carried both a portfolio update and the bands: {both} (the follow waits a step)")
        pw.discard_changes()
        pw.close()  # the same moves with the main window alone: the single scenario's drag
        app.processEvents()
        drag()
        alone = drag()
        report("slider move -> main window alone (the budget)", alone)
        extra = (statistics.median(whole) - statistics.median(alone)) * 1e3
        p95 = lambda t: sorted(t)[int(0.95 * (len(t) - 1))] * 1e3  # noqa: E731
        print(f"  the portfolio window's own cost per move: median {extra:+.1f} ms, p95 {p95(whole) - p95(alone):+.1f} ms")
        window.document.load(window.document.baseline, None)
        window.close()


if __name__ == "__main__":
    main()
