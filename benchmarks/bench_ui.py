"""Slider latency: from setting a slider's value to the repainted window (all charts visible,
1600 x 1000). Median and p95 over a few hundred moves of each main slider; then the same drag at a
device pixel ratio of 2 (QT_SCALE_FACTOR=2, what a Retina or 4K laptop does), in a second process.

Each move: slider.setValue(v) -> the document edit -> the pending refresh is run (the throttler's
flush, which is what the event loop does on its next pass) -> the event loop runs twice, which is
where Qt paints the changed charts (the same path as a real drag). Moves are back to back, with no
idle time between them, so bands that the worker process finished for an earlier step are drawn
inside a measured step (as they are with the next mouse move of a real drag). Moves that leave the
scenario as it was are not counted. Uses the real display when DISPLAY is set (e.g. under Xvfb),
else offscreen.

    python3 dev.py bench ui
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import report  # noqa: E402

from ui.app import make_app  # noqa: E402
from ui.band_worker import shared_band_worker  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.settings import Settings  # noqa: E402

MOVES = 300


def sweep(lo: float, hi: float, n: int) -> list[float]:
    """Back and forth across the range, like a hand dragging a slider."""
    half = n // 2
    up = [lo + (hi - lo) * k / (half - 1) for k in range(half)]
    return up + up[::-1][: n - half]


def measure_moves(app, window, slider, values, drag: bool, bands: bool = True) -> list[float]:
    """Seconds per move that changed the scenario (a move onto the value it already has does
    nothing, and timing it would flatter the figures).

    bands=False is a drag as the app runs it: the step's own refresh, then the event loop; bands
    computed by the worker process for an earlier step are drawn within the step they arrive in.
    bands=True also waits for this step's bands and draws them (window.flush())."""
    flush = window.flush if bands else window.display.run_pending
    times = []
    if drag:
        slider.setSliderDown(True)
    for v in values:
        before = window.document.scenario
        t0 = time.perf_counter()
        slider.setValue(v)
        flush()
        app.processEvents()  # delivers the scene changes and paints the charts
        app.processEvents()  # anything the first pass posted
        elapsed = time.perf_counter() - t0
        if window.document.scenario is not before:
            times.append(elapsed)
    if drag:
        slider.setSliderDown(False)
        window.flush()
    return times


def open_window(folder: str):
    """The app's window at 1600 x 1000 with a throw-away settings file, shown and painted once."""
    app = make_app()
    window = MainWindow(Settings(Path(folder) / "settings.ini"))
    window.resize(1600, 1000)
    window.show()
    shared_band_worker().start()  # as the app does after its first paint
    for _ in range(5):
        app.processEvents()
    window.flush()
    return app, window


RANGES = {"GPU count": (math.log10(20_000), math.log10(2_000_000)), "Energy price": (0.03, 0.35),
          "Agent CPU ratio": (0.0, 150.0), "Chip mix: GB200": (5.0, 95.0)}


def sliders(window) -> dict:
    found = window.panel.main_sliders()
    found["Chip mix: GB200"] = window.panel.mix.slider("GB200")
    return found


def drag_all(app, window, each: bool = False) -> list[float]:
    """Every main slider dragged back and forth; ``each``: report each slider's figures too."""
    everything = []
    for name, slider in sliders(window).items():
        values = sweep(*RANGES[name], MOVES)
        measure_moves(app, window, slider, values[:20], drag=True, bands=False)  # warm-up
        times = measure_moves(app, window, slider, values, drag=True, bands=False)
        if each:
            report(f"drag '{name}' (bands follow from the worker)", times)
        everything += times
    return everything


def scaled() -> None:
    """The drag at device pixel ratio 2 (run in its own process: the ratio is fixed at start)."""
    with tempfile.TemporaryDirectory() as tmp:
        app, window = open_window(tmp)
        ratio = window.devicePixelRatioF()
        report(f"all main sliders, dragging, device pixel ratio {ratio:g}", drag_all(app, window))
        window.document.load(window.document.baseline, None)
        window.close()


def main() -> None:
    if "--scaled" in sys.argv:
        return scaled()
    with tempfile.TemporaryDirectory() as tmp:
        app, window = open_window(tmp)
        print(f"Slider to repainted window, {window.width()}x{window.height()}, "
              f"platform {app.platformName()}, {MOVES} moves per slider")
        report("all main sliders, dragging", drag_all(app, window, each=True))
        single = []
        for name, slider in sliders(window).items():
            single += measure_moves(app, window, slider, sweep(*RANGES[name], 60), drag=False, bands=False)
        report("single moves (keyboard/typed; axes held while they fit; bands follow)", single)
        window.document.load(window.document.baseline, None)
        window.close()
        # the same drag in Japanese with yen figures (the shipped CJK font, 億/兆 formatting, tr())
        from explorer import formatting
        from ui.language import install_language

        install_language("ja")
        formatting.set_currency(formatting.Currency("JPY"))
        app, window = open_window(tmp)
        report("all main sliders, dragging, in Japanese with yen", drag_all(app, window))
        window.document.load(window.document.baseline, None)
        window.close()
        install_language("en")
        formatting.set_currency(formatting.Currency())
    import subprocess  # the same drag at device pixel ratio 2, in its own process

    subprocess.run([sys.executable, __file__, "--scaled"], env={**os.environ, "QT_SCALE_FACTOR": "2"},
                   check=False)


if __name__ == "__main__":
    main()
