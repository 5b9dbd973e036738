"""The charts' drawing items: what they draw is the data they were given (paths, stacks, bars)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QImage, QPainter

from ui.charts.items import BarStack, Layers, brush, cached_pen


def _points(path) -> np.ndarray:
    return np.array([(p.x(), p.y()) for polygon in path.toSubpathPolygons() for p in polygon])


def test_a_line_with_a_gap_at_its_end_is_drawn_through_its_finite_points_only(qapp):
    layers = Layers()
    x = np.arange(6, dtype=float)
    tail = np.array([1.0, 2.0, 3.0, np.nan, np.nan, np.nan])  # a chip that cannot serve the fastest speeds
    middle = np.array([1.0, np.nan, 3.0, 4.0, 5.0, 6.0])  # a hole: two pieces
    layers.set_layers(x, [], [("tail", tail, cached_pen("#000000", 1.0)), ("middle", middle, cached_pen("#000000", 1.0))])
    tail_path, middle_path = layers.paths()[1]
    np.testing.assert_array_equal(_points(tail_path), [(0, 1), (1, 2), (2, 3)])
    assert len(middle_path.toSubpathPolygons()) == 2  # not joined across the hole
    assert layers.dataBounds(1) == (1.0, 6.0)


def test_stacked_bands_are_outlined_between_their_edges(qapp):
    layers = Layers()
    x = np.arange(3, dtype=float)
    tops = np.array([[1.0, 2.0, 1.0], [3.0, np.nan, 4.0]])  # a NaN counts as no value
    layers.set_stack(x, tops, ("a", "b"), [brush("#ff0000", 255), brush("#0000ff", 255)],
                     [cached_pen("#000000", 1.0)] * 2)
    np.testing.assert_array_equal(layers.drawn["b"], [3.0, 0.0, 4.0])
    np.testing.assert_array_equal(layers.drawn["a edge"], [1.0, 2.0, 1.0])
    second = _points(layers.paths()[0][1])[:6]  # upper edge forwards, then the band below backwards
    np.testing.assert_array_equal(second, [(0, 3), (1, 0), (2, 4), (2, 1), (1, 2), (0, 1)])
    assert [c.name() for c in layers.fill_colours()] == ["#ff0000", "#0000ff"]
    assert layers.dataBounds(1) == (0.0, 4.0)


def test_no_groups_to_stack_leaves_nothing_drawn(qapp):
    layers = Layers()
    layers.set_stack(np.arange(3, dtype=float), np.zeros((0, 3)), (), [], [])  # every member switched off
    assert layers.paths() == ([], []) and layers.drawn == {}
    bars = BarStack()
    bars.set_bars(np.arange(3, dtype=float), np.zeros((0, 3)), np.zeros((0, 3)), 0.5, [], [])
    assert bars.groups() == []


def test_a_bar_stack_draws_each_group_on_the_one_below(qapp):
    bars = BarStack()
    x = np.array([0.0, 1.0, 2.0])
    heights = np.array([[1.0, 0.0, 2.0], [3.0, 1.0, 1.0]])
    bottoms = np.vstack([np.zeros(3), heights[0]])
    bars.set_bars(x, bottoms, heights, 0.5, [brush("#ff0000", 255), brush("#0000ff", 255)], [pg.mkPen(None)] * 2)
    top = bars.groups()[-1]
    np.testing.assert_array_equal(top["y0"] + top["height"], heights.sum(axis=0))
    assert bars.dataBounds(0) == (-0.25, 2.25) and bars.dataBounds(1) == (0.0, 4.0)
    # painted: red at the foot of the first bar, blue above it, nothing where the red bar has no height
    plot = pg.PlotWidget()
    plot.resize(200, 200)
    plot.addItem(bars)
    plot.setRange(xRange=(-0.5, 2.5), yRange=(0, 4.5), padding=0)
    plot.show()
    qapp.processEvents()
    image = QImage(plot.size(), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    plot.render(painter)
    painter.end()
    vb = plot.getPlotItem().vb

    def colour_at(px, py):
        point = plot.mapFromScene(vb.mapViewToScene(pg.Point(px, py)))
        return image.pixelColor(point.x(), point.y()).name()

    assert colour_at(0.0, 0.5) == "#ff0000" and colour_at(0.0, 2.0) == "#0000ff"
    assert colour_at(1.0, 0.5) == "#0000ff"  # the second group starts at 0 where the first has no bar
    plot.close()
    plot.deleteLater()
