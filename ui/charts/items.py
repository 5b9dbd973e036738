"""The charts' performance devices: items that make a slider step cheap. Moved here from the one
charts module as they were; each says what it saves.

- ``set_xy`` / ``set_bars``: an item whose data did not change is not touched (no re-draw).
- ``Label``: a title or legend that never widens the layout.
- ``MonthAxis`` / ``LogAxis``: tick values in months since the start, or log10 values as numbers.
- ``Grid``: grid lines drawn under the data by one item (not by the axes' plot-sized pictures).
- ``YRange``: a y range at nice values that only grows during a drag.
- ``Layers``: filled bands and lines of a chart drawn by one item (``set_stack``: stacked bands
  worked out for all groups at once).
- ``Dots``: markers of a fixed pixel size drawn by one item.
- ``Bars``: bars without antialiasing; ``BarStack``: stacked bars of several groups drawn by one
  item.
- cached brushes and pens, and ``stacked()`` for opaque stacked fills.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPaintEngine, QPainter, QPainterPath, QPolygonF
from pyqtgraph.functions import create_qpolygonf, ndarray_from_qpolygonf
from pyqtgraph.Qt.internals import PrimitiveArray

from explorer.formatting import plain
from explorer.months import month_index

from ..theme import LIGHT
from .units import MONTH_NAMES, nice_ceil


def _same(item, key: str, *arrays) -> bool:
    """True when ``arrays`` equal what was last given to ``item`` under ``key`` (then the caller skips
    the update: an unchanged item is not re-drawn on a slider step); otherwise remember them."""
    memo = item.__dict__.setdefault("_memo", {})
    previous = memo.get(key)
    arrays = tuple(np.asarray(a, dtype=float) for a in arrays)
    if previous is not None and len(previous) == len(arrays) and all(
            a.shape == b.shape and np.array_equal(a, b) for a, b in zip(arrays, previous)):
        return True  # equal to the last drawn values
    memo[key] = tuple(a.copy() for a in arrays)
    return False


def set_xy(item: pg.PlotDataItem, x, y) -> None:
    if not _same(item, "xy", x, y):
        item.setData(x, y)


def set_bars(item: pg.BarGraphItem, **opts) -> None:
    arrays = [np.asarray(opts[k], dtype=float) for k in sorted(opts) if k not in ("brush", "pen")]
    style = tuple(str(opts.get(k)) for k in ("brush", "pen"))
    same_style = item.__dict__.get("_bar_style") == style
    item._bar_style = style
    if not _same(item, "bars", *arrays) or not same_style:
        item.setOpts(**{k: v for k, v in opts.items() if v is not None})


class Label(pg.LabelItem):
    """A LabelItem that never widens the layout: its text is laid out by us (wrapped or short), so
    its minimum width is 0 and its height is exactly its text's (or the height it reserves, so a line
    that comes and goes, like the hover readout, never moves the plot)."""

    reserved = 0.0

    def reserve(self, height: float) -> None:
        self.reserved = height
        self.updateMin()

    def updateMin(self):
        bounds = self.itemRect()
        h = max(bounds.height(), self.reserved)
        self.setMinimumWidth(0)
        self.setMinimumHeight(h)
        self.setMaximumHeight(h)
        self._sizeHint = {
            Qt.SizeHint.MinimumSize: (0, h),
            Qt.SizeHint.PreferredSize: (bounds.width(), h),
            Qt.SizeHint.MaximumSize: (-1, h),
            Qt.SizeHint.MinimumDescent: (0, 0),
        }
        self.updateGeometry()


class MemoAxis(pg.AxisItem):
    """An axis that keeps its tick layout per range and size. pyqtgraph works the layout out in
    Python (about 0.7 ms an axis) whenever the range changes; a slider moving back and forth
    returns to the same nice ranges, and then the layout is reused. Any change of style, ticks or
    scale starts afresh."""

    MEMO = 32

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._spec_memo: dict = {}
        self._spec_version = 0

    def resizeEvent(self, ev=None):
        super().resizeEvent(ev)
        self._place_right_label()

    def _updateMaxTextSize(self, x: int):
        before = self.textWidth
        super()._updateMaxTextSize(x)
        if self.textWidth != before:
            self._place_right_label()

    def _place_right_label(self) -> None:
        """A right axis's title next to its tick labels. The value axes have a fixed width (room
        for any label a drag can show), and pyqtgraph puts the title at the axis's outer edge: on
        a right axis with short labels ('6') that is beside the next chart's left axis title."""
        if self.orientation != "right" or self.label is None or not self.textWidth:
            return
        br = self.label.boundingRect()
        x = max(0, self.style["tickLength"]) + self.style["tickTextOffset"][0] + self.textWidth + 2
        x = min(x, self.size().width() - br.height() + 5)
        if self.label.pos().x() != int(x):
            self.label.setPos(QPointF(int(x), self.label.pos().y()))

    def _restart(self) -> None:
        if getattr(self, "_spec_memo", None) is not None:
            self._spec_memo.clear()
            self._spec_version += 1

    def setStyle(self, **kwargs):
        self._restart()
        return super().setStyle(**kwargs)

    def setTickFont(self, font):
        self._restart()
        super().setTickFont(font)

    def setPen(self, *args, **kwargs):
        self._restart()
        super().setPen(*args, **kwargs)

    def setTextPen(self, *args, **kwargs):
        self._restart()
        super().setTextPen(*args, **kwargs)

    def setTicks(self, ticks):
        self._restart()
        super().setTicks(ticks)

    def setScale(self, scale=None):
        self._restart()
        super().setScale(scale)

    def _memo_extra(self):
        """What else the tick labels depend on (subclasses)."""
        return None

    def tickValues(self, minVal, maxVal, size):
        """The ticks, kept per range and size (the grid asks for them too)."""
        key = ("ticks", self._spec_version, minVal, maxVal, size, self._memo_extra())
        ticks = self._spec_memo.get(key)
        if ticks is None:
            ticks = self._tick_values(minVal, maxVal, size)
            self._remember(key, ticks)
        return ticks

    def _tick_values(self, minVal, maxVal, size):
        return super().tickValues(minVal, maxVal, size)

    def _remember(self, key, value) -> None:
        if len(self._spec_memo) >= self.MEMO:
            self._spec_memo.pop(next(iter(self._spec_memo)))
        self._spec_memo[key] = value

    def generateDrawSpecs(self, p):
        bounds = self.mapRectFromParent(self.geometry())
        view = self.linkedView()
        inner = view.mapRectToItem(self, view.boundingRect()) if view is not None and self.grid is not False else bounds
        key = (self._spec_version, tuple(self.range), bounds.getRect(), inner.getRect(), self._memo_extra())
        specs = self._spec_memo.get(key)
        if specs is None:
            specs = super().generateDrawSpecs(p)
            self._remember(key, specs)
        return specs


class MonthAxis(MemoAxis):
    """Bottom axis in months since the start, labelled with years (and quarters when there is room)."""

    def __init__(self, **kwargs):
        super().__init__("bottom", **kwargs)
        self.start_index = month_index("2025-11")
        self._year_ticks = True
        # a year label near either end may overhang the axis a little rather than vanish
        self.setStyle(hideOverlappingLabels=24)

    def set_start(self, start: str) -> None:
        index = month_index(start)
        if index != self.start_index:
            self.start_index = index
            self.picture = None
            self.update()

    def _memo_extra(self):
        return self.start_index

    def tickValues(self, minVal, maxVal, size):
        ticks = super().tickValues(minVal, maxVal, size)
        self._year_ticks = bool(ticks and ticks[0][1])  # (also when the ticks come from the memo)
        return ticks

    def _tick_values(self, minVal, maxVal, size):
        lo, hi = math.ceil(minVal), math.floor(maxVal)
        if hi < lo or size <= 0:
            return []
        m = np.arange(lo, hi + 1)
        absolute = self.start_index + m
        px_per_month = size / max(maxVal - minVal, 1e-9)
        januaries = m[absolute % 12 == 0]
        year_step = next((s for s in (1, 2, 3, 4, 5, 10) if px_per_month * 12 * s >= 44), 10)
        jan = januaries[::year_step]
        if len(jan) < 2 <= len(januaries):
            # a narrow chart: the first and last January when they do not collide, so the axis
            # always shows more than one year
            apart = px_per_month * (januaries[-1] - januaries[0])
            jan = januaries[[0, -1]] if apart >= 34 else januaries[:1]
            year_step = max(int(januaries[-1] - januaries[0]) // 12, 1)
        self._year_ticks = len(jan) > 0
        if px_per_month * 3 >= 30:
            minor = m[(absolute % 3 == 0) & (absolute % 12 != 0)]
        elif not self._year_ticks:
            minor = m[absolute % 6 == 0]
        else:
            minor = np.array([], dtype=int)
        if not self._year_ticks and minor.size == 0:
            minor = m[:: max(1, len(m) // 4)]
        return [(12.0 * year_step, [float(v) for v in jan]), (3.0, [float(v) for v in minor])]

    def tickStrings(self, values, scale, spacing):
        out = []
        for v in values:
            year, month = divmod(self.start_index + int(round(v)), 12)
            if month == 0:
                out.append(str(year))
            elif self._year_ticks:
                out.append(MONTH_NAMES[month])
            else:
                out.append(f"{MONTH_NAMES[month]} {year}")
        return out


class LogAxis(MemoAxis):
    """An axis over log10 values labelled with the numbers themselves: 1, 2, 5, 10, 20, 50, … (fewer
    when space is short). The chart draws log10 of its data (no pyqtgraph log mode)."""

    def _tick_values(self, minVal, maxVal, size):
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal or size <= 0:
            return []
        decades = range(int(math.floor(minVal)), int(math.ceil(maxVal)) + 1)
        px_per_decade = size / (maxVal - minVal)
        steps = (1, 2, 5) if px_per_decade >= 90 else (1, 3) if px_per_decade >= 50 else (1,)
        major = [d + math.log10(m) for d in decades for m in steps]
        major = [v for v in major if minVal - 1e-9 <= v <= maxVal + 1e-9]
        if len(major) < 2:  # less than a decade on screen: quarter steps
            major = list(np.linspace(minVal, maxVal, 4))
        return [(1.0, major)]

    def tickStrings(self, values, scale, spacing):
        return [plain(10 ** v, 2) for v in values]


class Grid(pg.GraphicsObject):
    """A plot's grid lines, drawn under the data at the ticks of its bottom and left axes.

    pyqtgraph draws the grid as part of each axis, so an axis's cached picture covers the whole plot:
    every range change then re-renders a plot-sized pixmap per axis (about 1 ms each) and every
    repaint blends them over the plot. Drawn here, a range change re-draws a few lines, and the axes'
    cached pictures are only as big as the axes. Line opacity follows pyqtgraph's rule (fainter for
    minor ticks, and for dense ticks)."""

    def __init__(self, plot: pg.PlotItem, x: bool = True, y: bool = True):
        super().__init__()
        self.plot, self.show_x, self.show_y = plot, x, y
        self.setZValue(-1000)
        self.colour = QColor(LIGHT.muted)
        self.alpha = 0.0
        self._lines: list | None = None  # (QPen, [QLineF]) in view coordinates
        plot.vb.sigRangeChanged.connect(self.invalidate)
        plot.vb.sigResized.connect(self.invalidate)

    def set_style(self, colour: str, alpha: float) -> None:
        self.colour, self.alpha = QColor(colour), alpha
        self.invalidate()

    def invalidate(self, *args) -> None:
        self._lines = None
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        return self.plot.vb.viewRect()

    def _levels(self, axis: pg.AxisItem, lo: float, hi: float, pixels: float) -> list:
        scale = axis.scale or 1.0
        levels = axis.tickValues(lo * scale, hi * scale, pixels)
        return [(i, [v / scale for v in values]) for i, (_, values) in enumerate(levels)
                if i <= axis.style.get("maxTickLevel", 2)]

    def _build(self) -> list:
        out = []
        (x0, x1), (y0, y1) = self.plot.vb.viewRange()
        width, height = self.plot.vb.width(), self.plot.vb.height()
        if self.alpha <= 0 or width <= 0 or height <= 0:
            return out
        for show, axis, (lo, hi), pixels, vertical in (
                (self.show_x, self.plot.getAxis("bottom"), (x0, x1), width, True),
                (self.show_y, self.plot.getAxis("left"), (y0, y1), height, False)):
            if not show:
                continue
            for i, values in self._levels(axis, lo, hi, pixels):
                values = [v for v in values if lo <= v <= hi]
                if not values:
                    continue
                alpha = 255 / (i + 1) * self.alpha * min(max(0.05 * pixels / (len(values) + 1), 0.0), 1.0)
                colour = QColor(self.colour)
                colour.setAlpha(int(alpha))
                pen = pg.mkPen(colour, width=1)
                lines = [QLineF(v, y0, v, y1) if vertical else QLineF(x0, v, x1, v) for v in values]
                out.append((pen, lines))
        return out

    def lines(self) -> list:
        """(QPen, [QLineF]) of the grid: what the next paint draws."""
        if self._lines is None:
            self._lines = self._build()
        return self._lines

    def paint(self, p, *args) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in self.lines():
            p.setPen(pen)
            p.drawLines(lines)


class YRange:
    """Holds a chart's y range at 'nice' values. Re-drawing an axis is the costliest part of a live
    update (a few milliseconds), so while a slider is dragged the range only grows, with room to grow
    into (2.5 times the data); for a single edit (a key press, a typed value) it is kept while the
    data fits it and fills at least 40% of it, and grows with room (2 times); otherwise, and when the
    edits pause, it is fitted to the data."""

    def __init__(self):
        self.top: float | None = None

    def target(self, data_max: float, dragging: bool, hold: bool = False) -> float | None:
        """The new top, or None when the range stays."""
        want = nice_ceil(data_max * 1.04)
        if self.top is None or (not dragging and not hold and want != self.top):
            self.top = want
            return want
        if want > self.top:
            # Growing during a drag or a run of edits: leave headroom, so the axes change rarely.
            self.top = nice_ceil(data_max * 2.5) if dragging else nice_ceil(data_max * 2.0) if hold else want
            return self.top
        if hold and not dragging and want < self.top / 2.5:
            self.top = want
            return want
        return None

    def reset(self) -> None:
        self.top = None


class _DataItem(pg.GraphicsObject):
    """An item drawn from data whose bounds it knows: the data's rectangle (``_data``: x min, x max,
    y min, y max) padded by ``_pad_px`` pixels for the pen, kept until the data or the view's scale
    change (pyqtgraph asks for it many times a paint)."""

    def __init__(self):
        super().__init__()
        self._data = (0.0, 0.0, 0.0, 0.0)
        self._pad_px = 0.0
        self._rect: QRectF | None = None

    def boundingRect(self) -> QRectF:
        if self._rect is None:
            px, py = self.pixelVectors()
            dx = px.length() * self._pad_px if px is not None else 0.0
            dy = py.length() * self._pad_px if py is not None else 0.0
            x0, x1, y0, y1 = self._data
            self._rect = QRectF(x0 - dx, y0 - dy, x1 - x0 + 2 * dx, y1 - y0 + 2 * dy)
        return self._rect

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        x0, x1, y0, y1 = self._data
        return (x0, x1) if ax == 0 else (y0, y1)

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        self._rect = None  # the pen's padding is in pixels

    def _set_bounds(self, data: tuple[float, float, float, float], pad_px: float) -> None:
        self.prepareGeometryChange()
        self._data, self._pad_px, self._rect = data, pad_px, None


class Layers(_DataItem):
    """Filled polygons and lines of one chart, drawn by one item.

    A slider step rebuilds a few polygons here and repaints once, where one PlotDataItem per
    band costs a round of pyqtgraph bookkeeping each. Stacked bands are polygons between their lower
    and upper edge, so no pixel is filled twice; they share exact edges, so they are filled without
    antialiasing (nothing shows between them) and the lines drawn over them are antialiased.
    """

    def __init__(self, z: float = 0.0, fill_antialias: bool = False):
        super().__init__()
        self.setZValue(z)
        self.fill_antialias = fill_antialias
        self._fills: list = []  # (QPolygonF, QBrush)
        self._lines: list = []  # (QPolygonF or QPainterPath, QPen)
        self.drawn: dict[str, np.ndarray] = {}  # y of every fill's upper edge and every line, by label

    def set_layers(self, x: np.ndarray, fills: list, lines: list, style=None) -> None:
        """fills: (label, upper, lower or None for 0, QBrush); lines: (label, y, QPen). ``style`` is
        a hashable key of the pens and brushes: with it, unchanged data and style are not redrawn."""
        arrays = [x] + [a for _, up, lo, _ in fills for a in ((up,) if lo is None else (up, lo))] + \
            [y for _, y, _ in lines]
        if style is not None:
            same_style = self.__dict__.get("_style") == (len(fills), len(lines), style)
            self._style = (len(fills), len(lines), style)
            if _same(self, "layers", *arrays) and same_style:
                return
        x = np.asarray(x, dtype=float)
        xx = np.concatenate((x, x[::-1]))
        self._fills, self._lines, self.drawn = [], [], {}
        lo_y, hi_y = math.inf, -math.inf
        for label, upper, lower, brush in fills:
            upper = finite_values(upper)
            ring = np.concatenate((upper, np.zeros(len(upper)) if lower is None else finite_values(lower)[::-1]))
            self._fills.append((_polygon(xx, ring)[0], brush))
            self.drawn[label] = upper
            if upper.size:
                lo_y, hi_y = min(lo_y, float(ring.min())), max(hi_y, float(ring.max()))
        pad = 0.0
        for label, y, pen in lines:
            y = np.asarray(y, dtype=float)
            finite = np.isfinite(y)
            whole = bool(finite.all())
            if whole:
                shape = _polygon(x, y)[0]
            else:  # one run of finite points (a chip that cannot serve the fastest speeds): that run
                run = np.flatnonzero(finite)
                one_run = run.size and run[-1] - run[0] + 1 == run.size
                shape = _polygon(x[run[0]:run[-1] + 1], y[run[0]:run[-1] + 1])[0] if one_run else \
                    pg.arrayToQPath(x, y, connect="finite")
            self._lines.append((shape, pen))
            self.drawn[label] = y
            if not whole:
                y = y[finite]
            if y.size:
                lo_y, hi_y = min(lo_y, float(y.min())), max(hi_y, float(y.max()))
            pad = max(pad, pen.widthF() / 2 + 1)
        if not math.isfinite(lo_y) or x.size == 0:
            lo_y = hi_y = 0.0
        self._set_bounds((float(x.min()) if x.size else 0.0, float(x.max()) if x.size else 0.0, lo_y, hi_y), pad + 1)
        self.update()

    def set_stack(self, x: np.ndarray, tops: np.ndarray, keys, brushes: list, pens: list, style=None) -> None:
        """Stacked bands from their upper edges ``tops`` (G, T; band g from ``tops[g-1]``, the first
        from 0), each filled with its brush and its upper edge drawn with its pen; ``drawn`` holds
        each band's edge under its key and under '<key> edge'. What ``set_layers`` draws from the same
        edges, worked out for all bands at once (a portfolio's eight members on every follow step of a
        drag). Unchanged edges and style are not drawn again."""
        x = np.asarray(x, dtype=float)
        tops = finite_values(tops).reshape(len(keys), len(x))
        same_style = self.__dict__.get("_style") == ("stack", tuple(keys), style)
        self._style = ("stack", tuple(keys), style)
        if _same(self, "layers", x, tops) and same_style:
            return
        lower = np.zeros_like(tops)  # (no groups: no rows; every member switched off)
        lower[1:] = tops[:-1]
        rings = np.concatenate([tops, lower[:, ::-1]], axis=1)  # each band's outline: upper edge, then lower back
        xx = np.concatenate((x, x[::-1]))
        # Each band's polygons are kept and written in place on the next step (no allocation): with
        # a portfolio's eight members that is 16 polygons per chart on every follow step of a drag.
        kept = self.__dict__.get("_kept", [])
        if len(kept) != len(keys):
            kept = [(None, None)] * len(keys)
        self._fills, self._lines, self.drawn, self._kept = [], [], {}, []
        for (fill, line), key, ring, top, brush, pen in zip(kept, keys, rings, tops, brushes, pens):
            fill, line = _polygon(xx, ring, fill), _polygon(x, top, line)
            self._kept.append((fill, line))
            self._fills.append((fill[0], brush))
            self._lines.append((line[0], pen))
            self.drawn[key] = self.drawn[f"{key} edge"] = top
        lo_y, hi_y = (float(rings.min()), float(rings.max())) if rings.size else (0.0, 0.0)
        self._set_bounds((float(x.min()) if x.size else 0.0, float(x.max()) if x.size else 0.0, lo_y, hi_y),
                         max((pen.widthF() / 2 + 1 for pen in pens), default=0.0) + 1)
        self.update()

    def paths(self) -> tuple[list[QPainterPath], list[QPainterPath]]:
        """The fills' and the lines' outlines as paths, as they are painted (in drawing order)."""
        return [_as_path(shape, closed=True) for shape, _ in self._fills], \
            [_as_path(shape) for shape, _ in self._lines]

    def fill_colours(self) -> list[QColor]:
        """The colours the fills are painted in (in drawing order)."""
        return [brush.color() for _, brush in self._fills]

    def paint(self, p, *args) -> None:
        # An SVG gets paths: pyqtgraph's SVG export puts <path>s and polylines in pixels, not <polygon>s.
        engine = p.paintEngine()
        polygons = engine is None or engine.type() != QPaintEngine.Type.SVG
        p.setRenderHint(QPainter.RenderHint.Antialiasing, self.fill_antialias)
        p.setPen(Qt.PenStyle.NoPen)
        for shape, brush in self._fills:
            if polygons and type(shape) is QPolygonF:
                p.setBrush(brush)
                p.drawPolygon(shape)
            else:
                p.fillPath(_as_path(shape, closed=True), brush)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for shape, pen in self._lines:
            p.setPen(pen)
            if polygons and type(shape) is QPolygonF:
                p.drawPolyline(shape)
            else:
                p.drawPath(_as_path(shape))


class Dots(pg.GraphicsObject):
    """Markers of a fixed size in pixels (filled dots, or rings), drawn by one item: cheaper on a
    slider step than a PlotDataItem with symbols (which rebuilds a scatter item each time)."""

    def __init__(self, z: float = 30.0):
        super().__init__()
        self.setZValue(z)
        self._dots: list = []  # (x, y, radius px, QBrush or None, QPen)
        self._rect = QRectF()

    def set_dots(self, dots: list) -> None:
        finite = [d for d in dots if math.isfinite(d[0]) and math.isfinite(d[1])]
        if finite == self._dots:
            return
        self.prepareGeometryChange()
        self._dots = finite
        self._rect = None
        self.update()

    def boundingRect(self) -> QRectF:
        if self._rect is None:
            if not self._dots:
                self._rect = QRectF()
            else:
                px, py = self.pixelVectors()
                r = max(d[2] for d in self._dots) + 2
                dx = px.length() * r if px is not None else 0.0
                dy = py.length() * r if py is not None else 0.0
                xs, ys = [d[0] for d in self._dots], [d[1] for d in self._dots]
                self._rect = QRectF(min(xs) - dx, min(ys) - dy, max(xs) - min(xs) + 2 * dx, max(ys) - min(ys) + 2 * dy)
        return self._rect

    def viewTransformChanged(self) -> None:
        self.prepareGeometryChange()
        self._rect = None

    def paint(self, p, *args) -> None:
        transform = p.transform()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for x, y, radius, brush, pen in self._dots:
            centre = transform.map(QPointF(x, y))
            p.setPen(pen)
            p.setBrush(brush if brush is not None else Qt.BrushStyle.NoBrush)
            p.drawEllipse(centre, radius, radius)
        p.setTransform(transform)


def stacked(x: np.ndarray, bands: list[np.ndarray], labels: list[str], colours: list[str],
            width: float, background: str | None) -> tuple[list, list]:
    """Fills and edge lines of stacked bands for ``Layers.set_layers`` (band k from the sum of
    bands below it to the sum including it). The fills have the band's colour at 85% opacity; over a
    known ``background`` that is drawn as the opaque colour it makes (filling opaque is a third
    cheaper than blending); with None (an export on a transparent background) translucent."""
    fills, lines = [], []
    bottom = np.zeros(len(x), dtype=float)
    for band, label, colour in zip(bands, labels, colours):
        top = bottom + finite_values(band)
        fills.append((label, top, bottom, fill_brush(colour, 215, background)))
        lines.append((f"{label} edge", top, edge_pen(colour, width)))
        bottom = top
    return fills, lines


def _polygon(x: np.ndarray, y: np.ndarray, into: tuple | None = None) -> tuple[QPolygonF, np.ndarray | None]:
    """The finite points (x, y) as a QPolygonF, and its points as a numpy view of its memory: painted
    as a polygon (a fill) or a polyline (a line), where a QPainterPath of the same points cost twice
    the time to build and was converted again on its first paint. Written into ``into`` (a polygon
    and view from an earlier call) when that holds as many points: no allocation."""
    n = len(x)
    if n < 2:
        return QPolygonF(), None
    if into is not None and into[1] is not None and len(into[1]) == n:
        polygon, points = into
    else:
        polygon = create_qpolygonf(n)
        points = ndarray_from_qpolygonf(polygon)
    points[:, 0] = x
    points[:, 1] = y
    return polygon, points


def _as_path(shape, closed: bool = False) -> QPainterPath:
    """A polygon (or path) as a path (tests read what is drawn this way)."""
    if not isinstance(shape, QPolygonF):
        return shape
    path = QPainterPath()
    if shape.size():
        path.addPolygon(shape)
        if closed:
            path.closeSubpath()
    return path


def finite_values(a) -> np.ndarray:
    """``a`` as floats with NaN and infinities as 0 (a copy only when there are any)."""
    a = np.asarray(a, dtype=float)
    return a if np.isfinite(a).all() else np.nan_to_num(a, nan=0.0, posinf=0.0, neginf=0.0)


@functools.lru_cache(maxsize=256)
def _over(colour: str, background: str, alpha: int) -> str:
    """``colour`` at ``alpha`` (0-255) over an opaque ``background``, as an opaque colour."""
    c, b, a = QColor(colour), QColor(background), alpha / 255
    return QColor(round(c.red() * a + b.red() * (1 - a)), round(c.green() * a + b.green() * (1 - a)),
                  round(c.blue() * a + b.blue() * (1 - a))).name()


def fill_brush(colour: str, alpha: int, background: str | None):
    return brush(colour, alpha) if background is None else brush(_over(colour, background, alpha), 255)


@functools.lru_cache(maxsize=256)
def brush(colour: str, alpha: int):
    fill = QColor(colour)
    fill.setAlpha(alpha)
    return pg.mkBrush(fill)


@functools.lru_cache(maxsize=256)
def cached_pen(colour: str, width: float):
    return pg.mkPen(colour, width=width)


@functools.lru_cache(maxsize=256)
def line_pen(colour: str, width: float, style=Qt.PenStyle.SolidLine):
    """A pen made once per colour, width and style (a chart asks for its pens on every slider step;
    nothing changes a pen once made)."""
    return pg.mkPen(colour, width=width, style=style)


@functools.lru_cache(maxsize=256)
def edge_pen(colour: str, width: float):
    return pg.mkPen(QColor(colour).darker(115), width=width)


class Bars(pg.BarGraphItem):
    """Bars drawn without antialiasing: axis-aligned rectangles gain nothing from it, and a monthly
    cost chart has hundreds of them to paint on every slider step. The bounding rectangle is kept
    until the bars or the view's scale change (pyqtgraph works it out anew on each of the scene's
    many calls: about 1 ms of a slider step for the cost chart's four items)."""

    _rect = None

    def setOpts(self, **opts):
        self._rect = None
        super().setOpts(**opts)

    def boundingRect(self):
        if self._rect is None:
            self._rect = super().boundingRect()
        return self._rect

    def viewTransformChanged(self):
        self._rect = None  # the pen's padding is in pixels
        self.prepareGeometryChange()

    def paint(self, p, *args):
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        super().paint(p, *args)


class BarStack(_DataItem):
    """Stacked bars of several groups drawn by one item, without antialiasing: group g's bars stand
    on ``bottoms[g]`` and are ``heights[g]`` tall. The rectangles are written into numpy-backed
    arrays (pyqtgraph's PrimitiveArray, as its BarGraphItem keeps them) and each group is painted
    with one drawRects call, where a BarGraphItem per group cost a round of pyqtgraph bookkeeping
    and a QPicture per step (a cost chart's 4 x 84 monthly bars, a portfolio's yearly bars on each
    follow step of a drag). Bars of zero height are not drawn. ``groups()`` says what is drawn."""

    def __init__(self, z: float = 0.0):
        super().__init__()
        self.setZValue(z)
        self._groups: list = []  # (x, bottoms, heights, width, QBrush, QPen) per group
        self._rects: list = []  # (QBrush, QPen, PrimitiveArray of QRectF) per group

    def set_bars(self, x: np.ndarray, bottoms: np.ndarray, heights: np.ndarray, width: float, brushes: list,
                 pens: list) -> None:
        x = np.asarray(x, dtype=float)
        bottoms = finite_values(bottoms).reshape(len(brushes), len(x))
        heights = finite_values(heights).reshape(len(brushes), len(x))
        if _same(self, "bars", x, bottoms, heights) and self.__dict__.get("_style") == (width, brushes, pens):
            return
        self._style = (width, list(brushes), list(pens))
        while len(self._rects) < len(brushes):
            self._rects.append([None, None, PrimitiveArray(QRectF, 4)])
        del self._rects[len(brushes):]
        self._groups = []
        left = x - width / 2
        for entry, lo, h, brush, pen in zip(self._rects, bottoms, heights, brushes, pens):
            self._groups.append((x, lo, h, width, brush, pen))
            shown = h != 0
            rects = entry[2]
            rects.resize(int(shown.sum()))
            memory = rects.ndarray()
            memory[:, 0] = left[shown]
            memory[:, 1] = np.minimum(lo, lo + h)[shown]
            memory[:, 2] = width
            memory[:, 3] = np.abs(h)[shown]
            entry[0], entry[1] = brush, pen
        tops = bottoms + heights
        self._set_bounds(((float(left.min()), float(left.max() + width)) if x.size else (0.0, 0.0)) + (
            (float(min(bottoms.min(), tops.min())), float(max(bottoms.max(), tops.max()))) if tops.size else (0.0, 0.0)),
            max((pen.widthF() if pen.style() != Qt.PenStyle.NoPen else 0.0 for pen in pens), default=0.0) + 1)
        self.update()

    def groups(self) -> list[dict]:
        """Each group's bars as drawn: x (centres), y0, height, width, brush, pen."""
        return [dict(x=x, y0=lo, height=h, width=w, brush=brush, pen=pen) for x, lo, h, w, brush, pen in self._groups]

    def paint(self, p, *args) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for brush, pen, rects in self._rects:
            if len(rects):
                p.setPen(pen)
                p.setBrush(brush)
                p.drawRects(*rects.drawargs())
