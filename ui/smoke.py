"""``scenario-explorer --smoke-test``: a self-check of an installed or frozen app.

Opens the main window on the default scenario (with a throw-away settings file), moves each main
slider and checks the model and charts followed, computes bands in the worker process (this same
program started with ``--band-worker``), renders every chart, exports one PNG and one PowerPoint deck
(opened again with python-pptx) to a temporary folder, and exits 0. Any failure exits 1 with the reason on stderr (and in the log file).
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from pathlib import Path


def run_smoke_test() -> int:
    started = time.perf_counter()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    step = "starting"
    try:
        with tempfile.TemporaryDirectory(prefix="cse-smoke-") as tmp_name:
            tmp = Path(tmp_name)
            step = "creating the application"
            from .app import dispose, make_app
            from .settings import Settings

            app = make_app()
            step = "opening the main window"
            from explorer.scenario import Scenario

            from .main_window import MainWindow

            window = MainWindow(Settings(tmp / "settings.ini"))
            window.resize(1600, 1000)
            window.show()
            window.flush()
            _check(window.document.scenario == Scenario(), "the window did not open on the default scenario")
            before = window.projection.summary()["cost_total_usd"]
            for name, value in (("GPU count", math.log10(300_000)), ("Energy price", 0.15),
                                ("Agent CPU ratio", 40.0)):
                step = f"moving the '{name}' slider"
                window.panel.main_sliders()[name].setValue(value)
                window.flush()
                app.processEvents()
                after = window.projection.summary()["cost_total_usd"]
                _check(after != before, f"moving '{name}' did not change the total cost")
                before = after
            step = "moving a chip-mix slider"
            window.panel.mix.slider("GB200").setValue(70.0)
            window.flush()
            _check(abs(window.document.scenario.chip_mix["GB200"] - 0.7) < 1e-9, "the chip mix did not follow")
            step = "finding the model's documentation (Help ▸ Model and sources)"
            from explorer.paths import model_doc_path

            _check(model_doc_path().is_file(), f"{model_doc_path()} is missing")
            step = "computing the analyses in the worker process"
            from .band_worker import BandWorker
            from .state.analysis import AnalysisRequest, run_analyses

            worker = BandWorker()
            try:
                request = AnalysisRequest(Scenario(), window.catalog, 300)
                found = worker.compute(request)
                _check(worker.in_process, "the band worker process did not start")
                expected = run_analyses(request)
                _check(all((found.bands.series[k] == expected.bands.series[k]).all() for k in expected.bands.series),
                       "the band worker's bands differ from bands computed in place")
                _check(found.tornados["cost_total_usd"] == expected.tornados["cost_total_usd"],
                       "the band worker's tornado differs from one computed in place")
            finally:
                worker.shutdown()
            step = "rendering every chart"
            from .render.images import ImageOptions, export_chart, render_image

            shown = window.display.snapshot()
            for name in window.charts:
                image = render_image(name, shown, ImageOptions(width=640, height=360))
                _check(image.width() == 640 and image.height() == 360, f"chart '{name}' has the wrong size")
            step = "exporting a PNG"
            out = export_chart(tmp / "smoke.png", "cost", shown, ImageOptions(width=1280, height=720))
            _check(out.exists() and out.stat().st_size > 1000, "the exported PNG is missing or empty")
            step = "writing a PowerPoint deck"
            from pptx import Presentation

            from .render.slides import write_slides

            deck = Presentation(str(write_slides(tmp / "smoke.pptx", shown)))
            charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
            _check(len(deck.slides) >= 8 and len(charts) >= 6, "the deck lacks its slides or charts")
            _check(all(len(list(chart.series)) > 0 for chart in charts), "a chart of the deck has no data")
            step = "switching to Japanese"
            from PySide6.QtGui import QFontDatabase
            from PySide6.QtWidgets import QDialogButtonBox

            from explorer.i18n import tr
            from .language import CJK_FAMILY, install_language

            install_language("ja")
            _check(tr("Contract value") == "契約総額", "the Japanese translation (assets/i18n/ja.ts) did not load")
            box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            _check(box.buttons()[0].text() == "キャンセル", "Qt's own Japanese translations (qtbase_ja.qm) are missing")
            _check(CJK_FAMILY in QFontDatabase.families(), "the shipped Japanese font did not load")
            image = render_image("cost", window.display.snapshot(), ImageOptions(width=640, height=360))
            _check(image.width() == 640, "a chart in Japanese did not render")
            install_language("en")
            window.document.load(window.document.scenario, None)  # nothing to save
            window.close()
            dispose(window)
    except Exception as exc:  # noqa: BLE001 - any failure is the answer
        message = f"smoke test failed while {step}: {type(exc).__name__}: {exc}"
        _report(message, error=True)
        return 1
    _report(f"smoke test passed in {time.perf_counter() - started:.1f} s")
    return 0


class SmokeFailure(RuntimeError):
    pass


def _check(ok: bool, reason: str) -> None:
    if not ok:
        raise SmokeFailure(reason)


def _report(text: str, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        stream.write(text + "\n")
        stream.flush()
    import logging

    (logging.getLogger("scenario_explorer").error if error else logging.getLogger("scenario_explorer").info)(text)
