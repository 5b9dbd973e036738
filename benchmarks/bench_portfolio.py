"""Portfolio latency: a slider move on one member of an eight-member portfolio, to both windows
repainted (issue 16). The eight members: the shipped openai-2025 (seven deals) and the anthropic-google
preset. The window is open, AWS is being edited in the main window, and its GPU count is dragged 200
times (window.document.edit(dragging=True), as a slider drag does). Each move runs as a drag runs in
the app: the edit -> the main window's pending refresh (what the event loop's next pass does; the
bands follow from the worker process) -> the event loop twice, where the portfolio window applies the
new value when its follow interval is due (up to 25 updates a second while a slider is held: the edited
member's result is the main window's evaluation of the step, the other seven come from the PortfolioCache;
its figures go with one step and its repaint with the next, and neither shares a step with the main
window's newly arrived bands) and Qt paints both windows. Moves are back to back. The same drag with
the portfolio window closed follows, so the two can be compared in one run: the budget is the single
scenario's drag. Uses the real display when DISPLAY is set (e.g. under Xvfb), else offscreen.

Each move is timed twice: by the wall clock (what a user waits) and by the main thread's CPU time
(``time.thread_time``: the work the app did for the move, everything in the app's thread; the bands
are computed in another process). On a shared machine the wall clock's tail also holds the time the
process waited for a core, which differs from run to run by more than the portfolio costs; the CPU
time's tail does not, so it is the steadier comparison of the two modes. (On Windows a thread's CPU
time advances in scheduler ticks of about 15.6 ms, too coarse for moves of a few milliseconds: the
CPU rows are left out there.)

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
from PySide6.QtCore import QEvent, Qt  # noqa: E402

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


ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


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
        aws = portfolio.member("AWS").scenario
        base = aws.gpu_count
        values = [int(base * (0.5 + 1.5 * k / (MOVES - 1))) for k in range(MOVES)]
        values = values[: MOVES // 2] + values[MOVES // 2:][::-1]  # up, then back down
        shown: list = []  # the open portfolio window, if any

        def open_window() -> PortfolioWindow:
            window.document.load(aws, None)  # as opened: nothing to ask about
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
            shown[:] = [pw]
            return pw

        def close_window() -> None:
            for pw in shown:
                pw.discard_changes()
                pw.close()
                pw.deleteLater()  # (a round's window goes, as the app's does when another opens)
            shown.clear()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            window.portfolio_window = None
            window.document.load(aws, None)
            window.flush()
            app.processEvents()

        def drag(times, cpu, carried, with_bands, repainted) -> None:
            """One drag over ``values``; per counted move: its wall-clock time, the main thread's
            CPU time, whether the portfolio window updated its figures in it, whether the main
            window's step drew newly arrived bands, whether the portfolio window's held repaint went
            with it."""
            pw = shown[0] if shown else None
            for i, n in enumerate(values + values[:20]):  # the last 20: a warm-up, not counted
                before = pw.refreshes if pw is not None else 0
                held = getattr(pw, "held_repaints", 0)  # (0 on a commit before the held repaint)
                t0, c0 = time.perf_counter(), time.thread_time()
                window.document.edit({"gpu_count": n}, dragging=True)
                window.display.run_pending()
                bands = window.display.drew_analyses()
                app.processEvents()
                app.processEvents()
                if i < len(values):
                    times.append(time.perf_counter() - t0)
                    cpu.append(time.thread_time() - c0)
                    carried.append(pw is not None and pw.refreshes > before)
                    with_bands.append(bands)
                    repainted.append(getattr(pw, "held_repaints", 0) > held)
            window.document.end_drag()
            window.flush()
            app.processEvents()

        # The two modes alternate (both windows, main window alone, alone, both, ...) so that a
        # machine that speeds up or slows down during the run weighs on both alike.
        runs = {"both": ([], [], [], [], []), "alone": ([], [], [], [], [])}
        updates = evaluations = 0
        seconds = 0.0
        for mode in ("both", "alone"):  # warm-up drags, not counted
            open_window() if mode == "both" else close_window()
            drag([], [], [], [], [])
        close_window()
        for k in range(2 * ROUNDS):
            mode = ("both", "alone", "alone", "both")[k % 4]
            if mode == "both":
                pw = open_window()
                refreshes, done = pw.refreshes, cache.evaluations
                t0 = time.perf_counter()
                drag(*runs[mode])
                seconds += time.perf_counter() - t0
                updates += pw.refreshes - refreshes
                evaluations += cache.evaluations - done
                close_window()
            else:
                drag(*runs[mode])
        whole, whole_cpu, carried, with_bands, repainted = runs["both"]
        alone, alone_cpu, _, alone_bands, _ = runs["alone"]
        print(f"Eight-member portfolio, platform {app.platformName()}, main window {window.width()}x{window.height()},"
              f" {ROUNDS} rounds of {len(values)} moves in each mode, alternating; the portfolio window updated "
              f"{updates} times ({updates / seconds:.0f} a second) and evaluated {evaluations} members (the edited "
              f"member takes the main window's evaluation of the step)")
        report("slider move -> both windows repainted", whole)
        report("  the moves that carried the portfolio's figures", [t for t, c in zip(whole, carried) if c])
        report("  the moves that carried its repaint", [t for t, r in zip(whole, repainted) if r])
        report("  the moves that carried the main window's bands", [t for t, b in zip(whole, with_bands) if b])
        report("  the moves that carried none of them", [t for t, c, b, r in zip(whole, carried, with_bands, repainted)
                                                       if not (c or b or r)])
        both = sum(c + b + r > 1 for c, b, r in zip(carried, with_bands, repainted))
        print(f"  moves that carried two of them: {both} (each takes a step of its own)")
        print(f"  the main window's bands were drawn with {sum(with_bands)} of {len(whole)} moves here, and with "
              f"{sum(alone_bands)} of {len(alone)} with the main window alone")
        report("slider move -> main window alone (the budget)", alone)
        report("  its bands steps", [t for t, b in zip(alone, alone_bands) if b])
        report("  the others", [t for t, b in zip(alone, alone_bands) if not b])
        timings = [("wall clock", (whole, alone))]
        if sys.platform != "win32":  # (GetThreadTimes counts whole scheduler ticks)
            report("main thread's CPU time per move -> both windows", whole_cpu)
            report("main thread's CPU time per move -> main window alone", alone_cpu)
            timings.append(("CPU time", (whole_cpu, alone_cpu)))
        p95 = lambda t: sorted(t)[int(round(0.95 * (len(t) - 1)))] * 1e3  # noqa: E731
        for name, (a, b) in timings:
            extra = (statistics.median(a) - statistics.median(b)) * 1e3
            print(f"  the portfolio window's own cost per move, {name}: median {extra:+.1f} ms, "
                  f"p95 {p95(a) - p95(b):+.1f} ms")
        window.document.load(window.document.baseline, None)
        window.close()


if __name__ == "__main__":
    main()
