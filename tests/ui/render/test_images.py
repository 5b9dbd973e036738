"""Chart pictures made outside the window: PNG, SVG and PDF at any size, every format in the
registry, and failures that name the problem and write nothing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pypdf import PdfReader

from explorer.catalog import builtin_catalog
from explorer.errors import OutputError
from explorer.scenario import Scenario
from ui.charts import CHART_NAMES, CHART_TYPES
from ui.render.images import (EXPORTERS, ImageOptions, export_all, export_chart, render_bytes, render_image,
                              render_pdf, render_svg)
from ui.state.chart_input import standalone_input

DEAL = Scenario()


def squash(text: str) -> str:
    """PDF text without whitespace (Qt writes word gaps as tabs, and spaced letters in titles)."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def shown():
    return standalone_input(DEAL, builtin_catalog())


def image_stats(image: QImage) -> tuple[int, float]:
    """(distinct colours, share of pixels that differ from the top-left corner)."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    arr = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    arr = arr[:, : image.width()]
    flat = arr.reshape(-1, 4)
    colours = len(np.unique(flat[:: 7], axis=0))
    differs = np.any(arr != arr[0, 0], axis=2).mean()
    return colours, float(differs)


def test_every_format_renders_to_bytes_without_a_file(qapp, shown):
    magic = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}
    assert set(EXPORTERS) == set(magic)
    for fmt, start in magic.items():
        assert render_bytes(fmt, "cost", shown, ImageOptions(width=640, height=360)).startswith(start), fmt
    with pytest.raises(OutputError, match="unknown picture format 'gif'"):
        render_bytes("gif", "cost", shown, ImageOptions())


@pytest.mark.parametrize("name", CHART_NAMES)
def test_png_has_the_requested_size_and_is_not_blank(qapp, shown, name):
    image = render_image(name, shown, ImageOptions(width=1280, height=720))
    assert (image.width(), image.height()) == (1280, 720)
    colours, differs = image_stats(image)
    # a chart of a few curves on a log grid (serving) paints less of its area than areas and bars
    assert colours > 20 and differs > (0.02 if name == "serving" else 0.05)


@pytest.mark.parametrize("size, scale", [((1920, 1080), None), ((1001, 777), 1.37), ((3840, 2160), None)])
def test_png_at_custom_sizes_and_scales(qapp, shown, size, scale):
    image = render_image("cost", shown, ImageOptions(width=size[0], height=size[1], scale=scale))
    assert (image.width(), image.height()) == size
    assert image_stats(image)[1] > 0.05


def test_transparent_png_has_a_transparent_background(qapp, shown):
    image = render_image("power", shown, ImageOptions(width=800, height=450, transparent=True))
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
def test_svg_renders_over_the_whole_picture(qapp, shown, name, size):
    """Drawn by an SVG renderer, the chart fills its picture (a stale view transform once left the
    data in one corner, or collapsed, while the file still parsed)."""
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    svg = render_svg(name, shown, ImageOptions(width=size[0], height=size[1]))
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


def test_tornado_svg_has_a_bar_per_input(qapp, shown):
    svg = render_svg("tornado", shown, ImageOptions(width=1280, height=720))
    widths = set()
    for el in ET.fromstring(svg).iter():
        width = el.attrib.get("width", "")
        if el.tag.endswith("rect") and re.fullmatch(r"[\d.]+", width) and float(width) > 0:
            widths.add(round(float(width), 1))
    assert len(widths) >= 8  # bars of different lengths, not one collapsed shape
    assert b"Chip price scale" in svg and b"Energy price" in svg


@pytest.mark.parametrize("name", TIME_CHARTS)
def test_svg_parses_and_its_curves_are_not_collapsed(qapp, shown, name):
    svg = render_svg(name, shown, ImageOptions(width=1280, height=720))
    series = _svg_series(svg)
    assert series, "no curves or bars in the SVG"
    # the data's fills are <path>s, whose coordinates pyqtgraph's export puts in pixels (not <polygon>s)
    assert not [p for p in re.findall(rb'<polygon[^>]* points="([^"]*)"', svg) if p.count(b",") > 8]
    # the data spread along x (pyqtgraph's date-axis bug collapses every x to one value)
    widest = max(series, key=lambda xs: len(np.unique(np.round(xs, 1))))
    assert len(np.unique(np.round(widest, 1))) >= 40
    root = ET.fromstring(svg)
    assert (root.attrib["width"], root.attrib["height"]) == ("1280", "720")  # pixels asked for
    assert b"2027" in svg  # axis labels are text
    assert b"OpenAI" in svg  # the scenario name is on the chart


def test_single_chart_pdf_is_valid(qapp, shown, tmp_path):
    path = tmp_path / "capacity.pdf"
    path.write_bytes(render_pdf("capacity", shown, ImageOptions(width=1920, height=1080)))
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=0.01)
    assert "Capacitybychip" in squash(reader.pages[0].extract_text())


def test_export_all_writes_every_chart(qapp, shown, tmp_path):
    written = export_all(tmp_path, shown, ImageOptions(width=640, height=360), fmt="png", stem="deal")
    assert sorted(p.name for p in written) == sorted(f"deal-{n}.png" for n in CHART_NAMES)
    assert all(QImage(str(p)).width() == 640 for p in written)


def test_export_failures_name_the_problem_and_write_nothing(qapp, shown, tmp_path):
    with pytest.raises(OutputError, match="does not exist"):
        export_chart(tmp_path / "missing" / "c.png", "cost", shown, ImageOptions())
    with pytest.raises(OutputError, match="unknown picture format"):
        export_chart(tmp_path / "c.gif", "cost", shown, ImageOptions())
    with pytest.raises(OutputError, match="not an existing folder"):
        export_all(tmp_path / "nope", shown, ImageOptions())
    with pytest.raises(OutputError, match="outside 16 to 10,000"):
        render_image("cost", shown, ImageOptions(width=0, height=100))
    assert list(tmp_path.iterdir()) == []


def test_export_all_checks_every_target_before_writing(qapp, shown, tmp_path):
    (tmp_path / "deal-cost.png").mkdir()  # blocks the 4th chart's file name
    with pytest.raises(OutputError, match="it is a folder"):
        export_all(tmp_path, shown, ImageOptions(width=320, height=180), fmt="png", stem="deal")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal-cost.png"]  # no partial set written


def test_a_transparent_png_keeps_its_fills_translucent(qapp, shown):
    """On a transparent background the stacked areas stay see-through (on screen they are drawn
    opaque in their blended colour, which would be a pale block on a slide)."""
    image = render_image("capacity", shown, ImageOptions(width=1280, height=720, transparent=True))
    alphas = [image.pixelColor(int(1280 * fx), int(720 * fy)).alpha() for fx in (0.5, 0.6, 0.7) for fy in (0.6, 0.7)]
    assert all(0 < a < 255 for a in alphas), alphas
    opaque = render_image("capacity", shown, ImageOptions(width=1280, height=720))
    assert opaque.pixelColor(int(1280 * 0.6), int(720 * 0.7)).alpha() == 255
