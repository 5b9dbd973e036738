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
    colour_at = _painted(qapp, bars, (-0.5, 2.5), (0, 4.5))
    assert colour_at(0.0, 0.5) == "#ff0000" and colour_at(0.0, 2.0) == "#0000ff"
    assert colour_at(1.0, 0.5) == "#0000ff"  # the second group starts at 0 where the first has no bar


def _painted(qapp, item, x_range, y_range):
    """``item`` painted in a 200 x 200 plot: a function of data (x, y) to the colour painted there."""
    plot = pg.PlotWidget()
    plot.resize(200, 200)
    plot.addItem(item)
    plot.setRange(xRange=x_range, yRange=y_range, padding=0)
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

    plot.removeItem(item)
    plot.close()
    plot.deleteLater()
    return colour_at


def test_a_stack_drawn_again_shows_the_new_edges_in_its_outlines_and_pixels(qapp):
    # A follow step writes the new edges into the polygons of the step before (no new ones): what
    # is painted and outlined must be the new edges, every band of them.
    layers = Layers()
    x = np.arange(4, dtype=float)
    brushes = [brush("#ff0000", 255), brush("#0000ff", 255)]
    pens = [cached_pen("#000000", 1.0)] * 2
    layers.set_stack(x, np.array([[1.0, 1.0, 1.0, 1.0], [2.0, 2.0, 2.0, 2.0]]), ("a", "b"), brushes, pens)
    before = _painted(qapp, layers, (0, 3), (0, 5))
    assert before(1.5, 0.5) == "#ff0000" and before(1.5, 1.5) == "#0000ff" and before(1.5, 3.0) != "#0000ff"
    layers.set_stack(x, np.array([[3.0, 3.0, 3.0, 3.0], [4.0, 4.0, 4.0, 4.0]]), ("a", "b"), brushes, pens)
    fills, lines = layers.paths()
    np.testing.assert_array_equal(_points(lines[1]), [(0, 4), (1, 4), (2, 4), (3, 4)])
    np.testing.assert_array_equal(_points(fills[1])[:8], [(0, 4), (1, 4), (2, 4), (3, 4), (3, 3), (2, 3), (1, 3), (0, 3)])
    after = _painted(qapp, layers, (0, 3), (0, 5))
    assert after(1.5, 1.5) == "#ff0000" and after(1.5, 3.5) == "#0000ff"  # red now reaches 3, blue 3 to 4
    layers.set_stack(np.arange(3, dtype=float), np.array([[1.0, 2.0, 1.0], [2.0, 3.0, 2.0]]), ("a", "b"), brushes,
                     pens)  # fewer months: new polygons of the new length
    np.testing.assert_array_equal(_points(layers.paths()[1][0]), [(0, 1), (1, 2), (2, 1)])
