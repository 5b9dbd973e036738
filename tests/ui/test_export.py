"""Meeting-ready output: chart pictures, the report, the headless commands, presentation mode."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication, QImage, QKeySequence
from pypdf import PdfReader

from explorer.errors import OutputError
from explorer.model import evaluate
from explorer.presets import find_preset, list_presets
from explorer.scenario import Scenario
from explorer.scenario_file import save_scenario
from ui.charts import CHART_NAMES, CHART_TYPES
from ui.export import ImageOptions, export_all, export_chart, render_image, render_pdf, render_svg, write_report
from ui.export_dialog import ExportRequest

ROOT = Path(__file__).resolve().parents[2]
DEAL = Scenario()


def squash(text: str) -> str:
    """PDF text without whitespace (Qt writes word gaps as tabs, and spaced letters in titles)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def projection():
    return evaluate(DEAL)


def image_stats(image: QImage) -> tuple[int, float]:
    """(distinct colours, share of pixels that differ from the top-left corner)."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    arr = arr[:, : image.width()]
    flat = arr.reshape(-1, 4)
    colours = len(np.unique(flat[:: 7], axis=0))
    differs = np.any(arr != arr[0, 0], axis=2).mean()
    return colours, float(differs)


@pytest.mark.parametrize("name", CHART_NAMES)
def test_png_has_the_requested_size_and_is_not_blank(qapp, projection, name):
    image = render_image(name, projection, DEAL, ImageOptions(width=1280, height=720))
    assert (image.width(), image.height()) == (1280, 720)
    colours, differs = image_stats(image)
    # a chart of a few curves on a log grid (serving) paints less of its area than areas and bars
    assert colours > 20 and differs > (0.02 if name == "serving" else 0.05)


@pytest.mark.parametrize("size, scale", [((1920, 1080), None), ((1001, 777), 1.37), ((3840, 2160), None)])
def test_png_at_custom_sizes_and_scales(qapp, projection, size, scale):
    image = render_image("cost", projection, DEAL, ImageOptions(width=size[0], height=size[1], scale=scale))
    assert (image.width(), image.height()) == size
    assert image_stats(image)[1] > 0.05


def test_transparent_png_has_a_transparent_background(qapp, projection):
    image = render_image("power", projection, DEAL, ImageOptions(width=800, height=450, transparent=True))
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.hasAlphaChannel()


def _svg_series(svg: bytes) -> list[np.ndarray]:
    """x coordinates of each long curve (path/polyline), plus the x of all bars (rects) as one series."""
    root = ET.fromstring(svg)
    series, bars = [], []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        d = el.attrib.get("d") or el.attrib.get("points")
        if d and tag in ("path", "polyline"):
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", d)]
            if len(nums) >= 40:
                series.append(np.array(nums[: len(nums) // 2 * 2]).reshape(-1, 2)[:, 0])
        elif tag == "rect" and "x" in el.attrib:
            bars.append(float(el.attrib["x"]))
    if len(bars) >= 40:
        series.append(np.array(bars))
    return series


TIME_CHARTS = tuple(c.name for c in CHART_TYPES if c.time_axis)


@pytest.mark.parametrize("name", CHART_NAMES)
@pytest.mark.parametrize("size", [(1920, 1080), (801, 601)])
def test_svg_renders_over_the_whole_picture(qapp, projection, name, size):
    """Drawn by an SVG renderer, the chart fills its picture (a stale view transform once left the
    data in one corner, or collapsed, while the file still parsed)."""
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    svg = render_svg(name, projection, DEAL, ImageOptions(width=size[0], height=size[1]))
    renderer = QSvgRenderer(svg)
    assert renderer.isValid() and (renderer.defaultSize().width(), renderer.defaultSize().height()) == size
    image = QImage(size[0], size[1], QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    arr = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(size[1], image.bytesPerLine() // 4, 4)
    ink = np.argwhere(np.any(arr[:, : size[0], :3] < 200, axis=2))  # clearly non-white pixels
    height, width = np.ptp(ink[:, 0]), np.ptp(ink[:, 1])
    assert width > 0.85 * size[0] and height > 0.85 * size[1], (name, width, height)
    # and the data itself: the plotted colours reach the right half of the picture
    coloured = np.argwhere(np.ptp(arr[:, : size[0], :3].astype(int), axis=2) > 60)
    assert coloured[:, 1].max() > 0.6 * size[0], name


def test_tornado_svg_has_a_bar_per_input(qapp, projection):
    svg = render_svg("tornado", projection, DEAL, ImageOptions(width=1280, height=720))
    widths = set()
    for el in ET.fromstring(svg).iter():
        width = el.attrib.get("width", "")
        if el.tag.endswith("rect") and re.fullmatch(r"[\d.]+", width) and float(width) > 0:
            widths.add(round(float(width), 1))
    assert len(widths) >= 8  # bars of different lengths, not one collapsed shape
    assert b"Chip price scale" in svg and b"Energy price" in svg


@pytest.mark.parametrize("name", TIME_CHARTS)
def test_svg_parses_and_its_curves_are_not_collapsed(qapp, projection, name):
    svg = render_svg(name, projection, DEAL, ImageOptions(width=1280, height=720))
    series = _svg_series(svg)
    assert series, "no curves or bars in the SVG"
    # the data spread along x (pyqtgraph's date-axis bug collapses every x to one value)
    widest = max(series, key=lambda xs: len(np.unique(np.round(xs, 1))))
    assert len(np.unique(np.round(widest, 1))) >= 40
    root = ET.fromstring(svg)
    assert (root.attrib["width"], root.attrib["height"]) == ("1280", "720")  # pixels asked for
    assert b"2027" in svg  # axis labels are text
    assert b"OpenAI" in svg  # the scenario name is on the chart


def test_single_chart_pdf_is_valid(qapp, projection, tmp_path):
    path = tmp_path / "capacity.pdf"
    path.write_bytes(render_pdf("capacity", projection, DEAL, ImageOptions(width=1920, height=1080)))
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=0.01)
    assert "Capacitybychip" in squash(reader.pages[0].extract_text())


def test_report_has_title_kpis_charts_and_sourced_assumptions(qapp, tmp_path):
    scenario = find_preset("agent-heavy").load()
    path = write_report(tmp_path / "r.pdf", evaluate(scenario), scenario)
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    first = squash(reader.pages[0].extract_text())
    for text in (scenario.name, "Total cost", "Cost per million tokens", "Capacity by chip", "Power and energy",
                 "Cumulative cost"):
        assert squash(text) in first, text
    rest = squash("".join(page.extract_text() for page in reader.pages[1:]))
    assert "Assumptionsandsources" in rest and "EIA" in rest and "SemiAnalysis" in rest


def test_export_all_writes_every_chart(qapp, projection, tmp_path):
    written = export_all(tmp_path, projection, DEAL, ImageOptions(width=640, height=360), fmt="png", stem="deal")
    assert sorted(p.name for p in written) == sorted(f"deal-{n}.png" for n in CHART_NAMES)
    assert all(QImage(str(p)).width() == 640 for p in written)


def test_export_failures_name_the_problem_and_write_nothing(qapp, projection, tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        export_chart(tmp_path / "missing" / "c.png", "cost", projection, DEAL, ImageOptions())
    with pytest.raises(OutputError, match="unknown picture format"):
        export_chart(tmp_path / "c.gif", "cost", projection, DEAL, ImageOptions())
    with pytest.raises(OutputError, match="not an existing folder"):
        export_all(tmp_path / "nope", projection, DEAL, ImageOptions())
    with pytest.raises(OutputError, match="outside 16 to 10,000"):
        render_image("cost", projection, DEAL, ImageOptions(width=0, height=100))
    assert list(tmp_path.iterdir()) == []


def test_window_export_dialog_request_and_failure(window, dialogs, tmp_path):
    target = tmp_path / "cap.svg"
    dialogs.requests = [ExportRequest("capacity", "svg", target, ImageOptions(width=1280, height=720))]
    assert window.export_chart_dialog("capacity")
    assert target.exists() and ET.fromstring(target.read_bytes()) is not None
    dialogs.requests = [ExportRequest("all", "png", tmp_path / "no-such-folder", ImageOptions())]
    assert not window.export_chart_dialog(None)
    assert "not an existing folder" in dialogs.errors[-1][1]
    dialogs.paths = [str(tmp_path / "report")]
    assert window.export_report_dialog()
    assert len(PdfReader(tmp_path / "report.pdf").pages) >= 2


def test_copy_chart_puts_an_image_on_the_clipboard(window):
    window.copy_chart("cumulative")
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (1920, 1080)


def test_presentation_mode_enters_steps_and_leaves(window, qtbot):
    window.panel.gpu_count.slider.setValue(5.5)  # an unsaved edit, with its undo step
    edited = window.document.scenario
    splitter = window.splitter.sizes()
    window.act_present.trigger()
    assert window.presenting and window.isFullScreen()
    assert not window.panel_scroll.isVisible() and window.banner.isVisible()
    assert window.charts["power"].view.backgroundBrush().color().name() == "#000000"  # high contrast
    slides = window.presentation_slides()
    assert len(slides) == 1 + len(list_presets())
    before = window.projection.summary()["cost_total_usd"]
    window.step_presentation(+1)
    assert window.shown_scenario() == slides[1][1]
    assert "2 / " in window.banner.text()
    assert window.projection.summary()["cost_total_usd"] != before
    window.step_presentation(-2)  # wraps around to the last slide
    assert window.shown_scenario() == slides[-1][1]
    window.step_presentation(+1)
    assert window.shown_scenario() == edited
    window.leave_presentation()
    assert not window.presenting and not window.isFullScreen()
    assert window.panel_scroll.isVisible() and not window.banner.isVisible()
    assert window.splitter.sizes()[0] == splitter[0]
    assert window.document.scenario == edited and window.document.undo_stack.count() == 1


def test_arrow_keys_step_only_while_presenting(window):
    keys = window._present_keys
    assert not any(k.isEnabled() for k in keys)
    window.enter_presentation()
    assert all(k.isEnabled() for k in keys)
    assert any(k.key() == QKeySequence("Esc") for k in keys)
    window.leave_presentation()
    assert not any(k.isEnabled() for k in keys)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, capture_output=True, text=True)


def test_render_command_writes_one_chart_at_the_requested_size(tmp_path):
    out = tmp_path / "power.png"
    result = _cli("render", "openai-aws-deal", "--chart", "power", "--out", str(out), "--size", "800x600")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)


def test_render_all_list_and_bad_input(tmp_path):
    result = _cli("render", "--list")
    assert result.returncode == 0 and all(name in result.stdout for name in CHART_NAMES)
    folder = tmp_path / "charts"
    result = _cli("render", "expensive-energy", "--chart", "all", "--out", str(folder), "--format", "svg",
                  "--size", "1280x720")
    assert result.returncode == 0, result.stderr
    assert len(list(folder.glob("*.svg"))) == len(CHART_NAMES)
    for args, expect in ((("--chart", "pie", "--out", str(tmp_path / "x.png")), "unknown chart 'pie'"),
                         (("--chart", "cost", "--out", str(tmp_path / "x.png"), "--size", "big"), "--size"),
                         (("--chart", "cost", "--out", str(tmp_path / "nope" / "x.png")), "does not exist")):
        result = _cli("render", "openai-aws-deal", *args)
        assert result.returncode == 2 and expect in result.stderr and "Traceback" not in result.stderr


def test_report_command(tmp_path):
    scenario_file = tmp_path / "s.json"
    save_scenario(Scenario(name="Report test", gpu_count=50_000), scenario_file)
    result = _cli("report", str(scenario_file), "--out", str(tmp_path / "r.pdf"))
    assert result.returncode == 0, result.stderr
    assert "Reporttest" in squash(PdfReader(tmp_path / "r.pdf").pages[0].extract_text())
    result = _cli("report", str(scenario_file), "--out", str(tmp_path / "r.png"))
    assert result.returncode == 2 and "a report is a PDF file" in result.stderr


def test_export_all_checks_every_target_before_writing(qapp, projection, tmp_path):
    (tmp_path / "deal-cost.png").mkdir()  # blocks the 4th chart's file name
    with pytest.raises(OutputError, match="it is a folder"):
        export_all(tmp_path, projection, DEAL, ImageOptions(width=320, height=180), fmt="png", stem="deal")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal-cost.png"]  # no partial set written


def test_render_all_refuses_a_file_name_and_leaves_no_folder(tmp_path):
    result = _cli("render", "openai-aws-deal", "--chart", "all", "--out", str(tmp_path / "x.png"))
    assert result.returncode == 2 and "is a folder, not a file" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_report_lists_the_uncertainty_ranges(qapp, tmp_path):
    path = write_report(tmp_path / "r.pdf", evaluate(DEAL), DEAL)
    rest = squash("".join(page.extract_text() for page in PdfReader(path).pages[1:]))
    assert "Uncertaintyranges" in rest and "2,000samples" in rest


def test_a_transparent_png_keeps_its_fills_translucent(qapp, projection):
    """On a transparent background the stacked areas stay see-through (on screen they are drawn
    opaque in their blended colour, which would be a pale block on a slide)."""
    image = render_image("capacity", projection, DEAL, ImageOptions(width=1280, height=720, transparent=True))
    alphas = [image.pixelColor(int(1280 * fx), int(720 * fy)).alpha() for fx in (0.5, 0.6, 0.7) for fy in (0.6, 0.7)]
    assert all(0 < a < 255 for a in alphas), alphas
    opaque = render_image("capacity", projection, DEAL, ImageOptions(width=1280, height=720))
    assert opaque.pixelColor(int(1280 * 0.6), int(720 * 0.7)).alpha() == 255
