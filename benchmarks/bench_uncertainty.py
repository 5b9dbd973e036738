"""Uncertainty and sensitivity timings: bands (model only, and slider-to-redrawn-window with bands),
the tornado, and how close 2,000 samples come to 20,000.

    python3 dev.py bench uncertainty
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
from pathlib import Path

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import measure, report  # noqa: E402

from bench_ui import measure_moves, open_window, sweep  # noqa: E402  (window.flush() waits for the bands too)
from explorer.scenario import Scenario  # noqa: E402
from explorer.sensitivity import tornado  # noqa: E402
from explorer.uncertainty import compute_bands  # noqa: E402


def main() -> None:
    deal = Scenario()
    print(f"Uncertainty: {len(deal.ranges)} inputs with ranges, triangular draws, 84 months")
    report("bands, 2,000 samples (sample + evaluate + percentiles)", measure(lambda: compute_bands(deal), 30))
    report("bands, 20,000 samples", measure(lambda: compute_bands(deal, samples=20_000), 10, warmup=1))
    report(f"tornado, {1 + 2 * len(deal.ranges)} scenarios in one batch", measure(lambda: tornado(deal), 200))
    small = compute_bands(deal, samples=2000).kpis["cost_total_usd"]
    large = compute_bands(deal, samples=20_000).kpis["cost_total_usd"]
    print("P10 / P50 / P90 of total cost, 2,000 vs 20,000 samples: "
          + ", ".join(f"{a / 1e9:.2f}B vs {b / 1e9:.2f}B ({(a / b - 1) * 100:+.2f}%)"
                      for a, b in zip(small[[0, 2, 4]], large[[0, 2, 4]])))

    with tempfile.TemporaryDirectory() as tmp:
        app, window = open_window(tmp)
        print(f"Window {window.width()}x{window.height()} ({app.platformName()}), bands and tornado on")
        sliders = window.panel.main_sliders()
        ranges = {"GPU count": (math.log10(20_000), math.log10(2_000_000)), "Energy price": (0.03, 0.35),
                  "Agent CPU ratio": (0.0, 150.0)}
        everything = []
        for name, s in sliders.items():
            values = sweep(*ranges[name], 150)
            measure_moves(app, window, s, values[:10], drag=True)
            times = measure_moves(app, window, s, values, drag=True)
            everything += times
            report(f"drag '{name}': slider to charts and bands redrawn", times)
        report("all main sliders, bands redrawn with every step (a drag's 500-sample preview)", everything)
        window.document.edit({"uncertainty_samples": 20_000})
        s = sliders["Energy price"]
        end_times = []
        for v in sweep(0.05, 0.3, 12):
            def drag_end(value=v):
                s.setSliderDown(True)
                s.setValue(value)
                window.flush()
                s.setSliderDown(False)
                window.flush()
                window.repaint()
            end_times += measure(drag_end, 1, warmup=0)
        report("20,000 samples: a drag step plus the refinement when it ends", end_times)
        window.document.load(window.document.baseline, None)
        window.close()


if __name__ == "__main__":
    main()
