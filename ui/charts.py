"""The charts: pyqtgraph plots that take what they show from a Projection.

Each chart is a ``Chart`` (a QWidget around one pyqtgraph scene) with its title, readout, plot and
legend inside the scene, so an export of the scene carries all of them. Items are created once and
fed new arrays with ``setData``. While a slider is dragged the y range only grows (re-fitting axes
is the expensive part of a live update); when the drag ends it is fitted again.

The time axis is "months since the scenario's start" with our own tick labels (small x values avoid
pyqtgraph's SVG date-axis bug and float precision trouble).
"""

from __future__ import annotations

import functools
import html
import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import (QComboBox, QGraphicsItem, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout,
                               QWidget)

from explorer.catalog import PRECISION_LABELS, PRECISIONS
from explorer.formatting import compact, plain
from explorer.model import Projection
from explorer.months import month_index
from explorer.scenario import Scenario

from .theme import COMPONENT_COLOURS, COMPONENT_LABELS, LIGHT, Theme, chip_colour

MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
COMPONENTS = ("compute", "energy", "cpu", "other")

pg.setConfigOptions(antialias=True, foreground=LIGHT.foreground, background=LIGHT.background)


def month_label(start_index: int, m: int) -> str:
    year, month = divmod(start_index + m, 12)
    return f"{MONTH_NAMES[month]} {year}"


def nice_ceil(x: float) -> float:
    """The smallest 'nice' number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k) at or above x."""
    if not math.isfinite(x) or x <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(x))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if x <= step * exp * (1 + 1e-9):
            return step * exp
    return 10 * exp


@dataclass(frozen=True)
class Unit:
    factor: float
    label: str


def pick_unit(max_value: float, units: tuple[Unit, ...]) -> Unit:
    """The largest unit in which the maximum is at least 1 (units ordered from large to small)."""
    for unit in units:
        if max_value >= unit.factor:
            return unit
    return units[-1]


HOURS_PER_YEAR = 8760.0  # a 365-day year (the power chart's energy axis)
USD_PER_MONTH = (Unit(1e9, "USD billion per month"), Unit(1e6, "USD million per month"),
                 Unit(1e3, "USD thousand per month"), Unit(1, "USD per month"))
USD_TOTAL = (Unit(1e9, "USD billion"), Unit(1e6, "USD million"), Unit(1e3, "USD thousand"), Unit(1, "USD"))
FLOPS = (Unit(1e21, "ZFLOP/s"), Unit(1e18, "EFLOP/s"), Unit(1e15, "PFLOP/s"), Unit(1e12, "TFLOP/s"))
POWER = (Unit(1e3, "GW"), Unit(1, "MW"), Unit(1e-3, "kW"))
ENERGY_YEAR = (Unit(1e3, "TWh per year"), Unit(1, "GWh per year"), Unit(1e-3, "MWh per year"))


def _same(item, key: str, *arrays) -> bool:
    """True when ``arrays`` equal what was last given to ``item`` under ``key`` (then the caller skips
    the update: an unchanged item is not re-drawn on a slider step); otherwise remember them."""
    memo = item.__dict__.setdefault("_memo", {})
    previous = memo.get(key)
    arrays = tuple(np.asarray(a, dtype=float) for a in arrays)
    if previous is not None and len(previous) == len(arrays) and all(
            a.shape == b.shape and (a.size == 0 or float(np.max(np.abs(a - b))) <= 1e-10 * float(np.max(np.abs(b))))
            for a, b in zip(arrays, previous)):
        return True  # equal to the last drawn values, up to rounding noise
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


class _Label(pg.LabelItem):
    """A LabelItem that never widens the layout: its text is laid out by us (wrapped or short), so
    its minimum width is 0 and its height is exactly its text's."""

    def updateMin(self):
        bounds = self.itemRect()
        h = bounds.height()
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


class MonthAxis(pg.AxisItem):
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

    def tickValues(self, minVal, maxVal, size):
        lo, hi = math.ceil(minVal), math.floor(maxVal)
        if hi < lo or size <= 0:
            return []
        m = np.arange(lo, hi + 1)
        absolute = self.start_index + m
        px_per_month = size / max(maxVal - minVal, 1e-9)
        year_step = next((s for s in (1, 2, 5, 10) if px_per_month * 12 * s >= 44), 10)
        jan = m[(absolute % 12 == 0) & ((absolute // 12) % year_step == 0)]
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


class LogAxis(pg.AxisItem):
    """An axis over log10 values labelled with the numbers themselves: 1, 2, 5, 10, 20, 50, … (fewer
    when space is short). The chart draws log10 of its data (no pyqtgraph log mode)."""

    def tickValues(self, minVal, maxVal, size):
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


class _Grid(pg.GraphicsObject):
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

    def paint(self, p, *args) -> None:
        if self._lines is None:
            self._lines = self._build()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, lines in self._lines:
            p.setPen(pen)
            p.drawLines(lines)


class YRange:
    """Holds a chart's y range at 'nice' values: grows during a drag, re-fits otherwise."""

    def __init__(self):
        self.top: float | None = None

    def target(self, data_max: float, dragging: bool) -> float | None:
        want = nice_ceil(data_max * 1.04)
        if self.top is None or (not dragging and want != self.top):
            self.top = want
            return want
        if want > self.top:
            # Growing during a drag: leave headroom, so the axes (costly to redraw) change rarely.
            self.top = nice_ceil(data_max * 2.5) if dragging else want
            return self.top
        return None

    def reset(self) -> None:
        self.top = None


class Chart(QWidget):
    """Base: a scene with title, readout, plot and legend; options as Qt widgets above it."""

    name = "chart"
    title = "Chart"
    time_axis = True  # x is months since the scenario's start
    explanation = ""  # one paragraph: what the chart shows (tooltip, slide notes)
    log_axes = False  # x and y are log10 of the data, labelled as numbers
    opaque_fills = True  # False: translucent fills (an export on a transparent background)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = LIGHT
        self.scale = 1.0
        self.view = pg.GraphicsLayoutWidget()
        self.view.setAccessibleName(f"{self.title} chart")
        if self.explanation:
            self.view.setToolTip(f"<p>{html.escape(self.explanation)}</p>")
        self.view.setMinimumSize(220, 160)
        layout = self.view.ci
        layout.setContentsMargins(4, 4, 8, 4)
        layout.setSpacing(2)
        header = layout.addLayout(row=0, col=0)
        header.setContentsMargins(4, 0, 4, 0)
        self.title_item = _Label(justify="left")
        self.readout = _Label(justify="right")
        header.addItem(self.title_item, row=0, col=0)
        header.addItem(self.readout, row=0, col=1)
        header.layout.setColumnStretchFactor(0, 3)
        header.layout.setColumnStretchFactor(1, 2)
        self.header = header
        axes = {"bottom": MonthAxis()} if self.time_axis else \
            {"bottom": LogAxis("bottom"), "left": LogAxis("left")} if self.log_axes else {}
        self.plot: pg.PlotItem = layout.addPlot(row=1, col=0, axisItems=axes)
        self.legend = _Label(justify="left")
        layout.addItem(self.legend, row=2, col=0)
        layout.layout.setRowStretchFactor(1, 1)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.disableAutoRange()
        for side in ("left", "bottom", "right"):
            axis = self.plot.getAxis(side)
            axis.enableAutoSIPrefix(False)
            # Axes (with their grid lines) change only when a range or label does; cached as a pixmap
            # they are blitted instead of re-drawing every label on each slider step.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.grid = _Grid(self.plot, x=True, y=self.time_axis)
        self.plot.addItem(self.grid, ignoreBounds=True)
        self.vline = pg.InfiniteLine(angle=90, movable=False)
        self.vline.setVisible(False)
        self.vline.setZValue(50)
        self.plot.addItem(self.vline, ignoreBounds=True)
        self.yrange = YRange()
        self.bands: dict | None = None  # percentile series (5, T) by key, set by the window
        self.overlays: list = []  # compared scenarios: (label, colour, Projection, month offset)
        self._band_items: list = []
        self._overlay_items: list[pg.PlotDataItem] = []
        self.overlay_legend = True  # name compared scenarios in the legend (the window's table may do it)
        self._last_draw = None
        self._term = 0
        self._start_index = month_index("2025-11")
        self._title_text = ""
        self._subtitle = ""
        self._legend_entries: list[tuple[str, str, str]] = []  # (colour, label, kind) kind: area|line|dash
        self._legend_html = None
        self._readout_rows: list[tuple[str, str, np.ndarray, str]] = []  # (colour, label, values, unit)
        self._mouse = pg.SignalProxy(self.view.scene().sigMouseMoved, rateLimit=40, slot=self._on_mouse)

        # A bar of options above every chart (the same height for all, so the plots line up).
        self.options_bar = QWidget()
        self.options_bar.setFixedHeight(30)
        self.options = QHBoxLayout(self.options_bar)
        self.options.setContentsMargins(6, 2, 6, 2)
        self.options.setSpacing(6)
        self.export_button = QToolButton()
        self.export_button.setText("Export")
        self.export_button.setAccessibleName(f"Export {self.title} chart")
        self.export_button.setToolTip("Save this chart as PNG, SVG or PDF, or copy it")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setAutoRaise(True)
        self.export_menu = QMenu(self.export_button)
        self.export_button.setMenu(self.export_menu)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.options_bar)
        outer.addWidget(self.view, 1)

    def finish_options(self) -> None:
        """Put the export button at the right end of the options bar (after a chart's own options)."""
        self.options.addStretch(1)
        self.options.addWidget(self.export_button)

    # ------------------------------------------------------------------ style
    def set_style(self, theme: Theme, scale: float = 1.0) -> None:
        """Apply a theme; ``scale`` multiplies fonts and line widths (exports, presentation)."""
        self.theme, self.scale = theme, scale
        fg, muted = QColor(theme.foreground), QColor(theme.muted)
        self.view.setBackground(theme.background)
        font = QFont()
        font.setPointSizeF(8.5 * scale * theme.font_scale)
        axes = [self.plot.getAxis(side) for side in ("left", "bottom", "right")]
        for axis in axes:
            axis.setPen(pg.mkPen(muted, width=max(1.0, scale)))
            axis.setTextPen(pg.mkPen(fg))
            axis.setTickFont(font)
            # two tick levels at most: fewer grid lines to paint (and a calmer grid)
            axis.setStyle(tickLength=int(-5 * scale), tickTextOffset=int(4 * scale), maxTickLevel=1)
            axis.label.setFont(font)
            axis.setLabel(axis.labelText, units=None, **{"color": theme.foreground,
                                                          "font-size": f"{8.5 * scale * theme.font_scale:.1f}pt"})
        if self.time_axis:
            # Value axes of a fixed width, room for any label the drag can show ('10000', '0.025'):
            # a label one digit longer would otherwise widen the axis and re-lay out the whole chart
            # in the middle of a drag (the costliest slider steps). It also lines the charts up.
            metrics = QFontMetricsF(font)
            text = max(metrics.horizontalAdvance("10000"), metrics.horizontalAdvance("0.025"))
            for side in ("left", "right"):
                axis = self.plot.getAxis(side)
                label = axis.label.boundingRect().height() * 0.8
                axis.setWidth(int(math.ceil(text + 4 * scale + label + 2)))
        self.grid.set_style(theme.muted, theme.grid_alpha / 255)
        self.vline.setPen(pg.mkPen(muted, width=max(1.0, scale), style=Qt.PenStyle.DashLine))
        self._restyle_items()
        self._legend_html = None
        self._render_title()
        self._render_legend()
        self.readout.setText("")

    def _restyle_items(self) -> None:
        """Subclasses re-apply pens and brushes that depend on the theme or scale."""

    def _pen(self, colour: str, width: float = 1.5, style=Qt.PenStyle.SolidLine):
        return pg.mkPen(colour, width=width * self.scale * self.theme.line_scale, style=style)

    def _font_pt(self, base: float) -> str:
        return f"{base * self.scale * self.theme.font_scale:.1f}pt"

    # ------------------------------------------------------------------ header and legend
    def set_subtitle(self, text: str) -> None:
        """A line under the title (the scenario name in exports)."""
        if text != self._subtitle:
            self._subtitle = text
            self._render_title()

    def _render_title(self) -> None:
        t = self.theme
        text = (f"<span style='font-size:{self._font_pt(10.5)}; font-weight:600; color:{t.foreground}'>"
                f"{html.escape(self._title_text or self.title)}</span>")
        if self._subtitle:
            text += (f"<br><span style='font-size:{self._font_pt(8)}; color:{t.muted}'>"
                     f"{html.escape(self._subtitle)}</span>")
        self.title_item.setText(text)

    def set_title(self, text: str) -> None:
        if text != self._title_text:
            self._title_text = text
            self._render_title()

    def set_legend(self, entries: list[tuple[str, str, str]]) -> None:
        if entries != self._legend_entries:
            self._legend_entries = entries
            self._render_legend()

    def _render_legend(self) -> None:
        """One line of entries, wrapped onto more lines where the chart is too narrow."""
        t = self.theme
        glyph = {"area": "■", "line": "━", "dash": "┅", "bar": "▮"}
        font = QFont()
        font.setPointSizeF(8 * self.scale * t.font_scale)
        metrics = QFontMetricsF(font)
        width = max(self.view.width() - 24 * self.scale, 120.0)
        lines: list[list[str]] = [[]]
        used = 0.0
        for colour, label, kind in self._legend_entries:
            w = metrics.horizontalAdvance(f"{glyph.get(kind, '■')} {label}") + metrics.horizontalAdvance("    ")
            if lines[-1] and used + w > width:
                lines.append([])
                used = 0.0
            lines[-1].append(f"<span style='color:{colour}'>{glyph.get(kind, '■')}</span>&nbsp;{html.escape(label)}")
            used += w
        body = "<br>".join("&nbsp;&nbsp;&nbsp; ".join(parts) for parts in lines)
        text = f"<span style='font-size:{self._font_pt(8)}; color:{t.foreground}'>{body}</span>"
        if text != self._legend_html:
            self._legend_html = text
            self.legend.setText(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render_legend()

    # ------------------------------------------------------------------ hover readout
    def _on_mouse(self, event) -> None:
        pos = event[0]
        if self._term <= 0 or not self.plot.vb.sceneBoundingRect().contains(pos):
            self.hide_readout()
            return
        x = self.plot.vb.mapSceneToView(pos).x()
        self.show_readout(int(min(max(round(x), 0), self._term - 1)))

    def show_readout(self, m: int) -> str:
        """Show the values of month ``m`` in the header (also used by tests)."""
        self.vline.setPos(m)
        self.vline.setVisible(True)
        t = self.theme
        rows = [f"<b>{month_label(self._start_index, m)}</b>"]
        for colour, label, values, unit in self._readout_rows:
            rows.append(f"<span style='color:{colour}'>■</span> {html.escape(label)} "
                        f"{html.escape(plain(float(values[m]), 3))}{(' ' + unit) if unit else ''}")
        text = " · ".join(rows)
        self.readout.setText(f"<span style='font-size:{self._font_pt(7.5)}; color:{t.foreground}'>{text}</span>")
        return text

    def hide_readout(self) -> None:
        if self.vline.isVisible():
            self.vline.setVisible(False)
            self.readout.setText("")

    def leaveEvent(self, event) -> None:
        self.hide_readout()
        super().leaveEvent(event)

    # ------------------------------------------------------------------ data
    def set_projection(self, projection: Projection, scenario: Scenario, dragging: bool = False) -> None:
        raise NotImplementedError

    def _set_time_axis(self, projection: Projection, scenario: Scenario) -> None:
        term = projection.params.term_months
        self.plot.getAxis("bottom").set_start(scenario.start)
        self._start_index = month_index(scenario.start)
        if term != self._term:
            self._term = term
            self.plot.setXRange(0, max(term - 1, 1), padding=0.01)

    def _unit(self, key: str, max_value: float, units: tuple[Unit, ...], dragging: bool) -> Unit:
        """The display unit for a series; while dragging it is kept unless the values leave its span
        (a unit change rescales every item and the axis)."""
        held = self.__dict__.setdefault("_units", {}).get(key)
        if dragging and held is not None and held in units and 1e-3 <= max_value / held.factor < 1e4:
            return held
        unit = pick_unit(max_value, units)
        self._units[key] = unit
        if key == "y" and held is not None and unit != held:
            self.yrange.reset()  # the range held in the old unit means nothing in the new one
        return unit

    def _fit_y(self, data_max: float, dragging: bool) -> None:
        top = self.yrange.target(data_max, dragging)
        if top is not None:
            self.plot.setYRange(0, top, padding=0)

    def _set_left_label(self, text: str) -> None:
        axis = self.plot.getAxis("left")
        if axis.labelText != text:
            axis.setLabel(text, **{"color": self.theme.foreground, "font-size": self._font_pt(8.5)})

    def current_options(self) -> dict:
        """Chart-specific choices (e.g. the capacity chart's precision), reused by its exports."""
        return {}

    # ------------------------------------------------------------------ bands and overlays
    band_key: str | None = None  # which percentile series of the bands this chart draws

    def overlay_values(self, projection: Projection) -> np.ndarray | None:
        """The series a compared scenario draws on this chart (raw units), or None."""
        return None

    def _draw_bands(self, factor: float, x: np.ndarray, dragging: bool = False) -> tuple[float, list]:
        bands = self.bands.get(self.band_key) if (self.bands and self.band_key) else None
        if bands is None or bands.shape[1] != len(x):
            for item in self._band_items:
                item.setVisible(False)
            return 0.0, []
        if not self._band_items:
            item = _Layers(z=5)
            self.plot.addItem(item)
            self._band_items.append(item)
        item = self._band_items[0]
        # Smooth band edges cost 1.5 ms a frame over all charts: only when the picture stands still.
        if item.fill_antialias == dragging:
            item.fill_antialias = not dragging
            item.update()
        entries = [(self.theme.muted, "P10–P90 and P25–P75 bands", "area"), (self.theme.foreground, "median", "dash")]
        key = (id(bands), factor, len(x), self.theme.name, self.scale)
        drawn = self.__dict__.get("_bands_drawn")
        if drawn is not None and drawn[0] == key and drawn[1] is bands and item.isVisible():
            return drawn[2], entries  # the same bands as on screen (most slider steps of a drag)
        colour = self.theme.foreground
        fills = [(label, bands[hi] / factor, bands[lo] / factor, _brush(colour, alpha))
                 for label, (lo, hi), alpha in (("P10–P90", (0, 4), 38), ("P25–P75", (1, 3), 60))]
        item.set_layers(x, fills, [("median", bands[2] / factor, self._pen(self.theme.foreground, 1.2,
                                                                            Qt.PenStyle.DashLine))],
                        style=(self.theme.name, self.scale, self.theme.line_scale))
        item.setVisible(True)
        top = float(np.nanmax(bands[4])) / factor
        self._bands_drawn = (key, bands, top)
        return top, entries

    def _draw_overlays(self, factor: float) -> tuple[float, list]:
        top, entries = 0.0, []
        while len(self._overlay_items) < len(self.overlays):
            item = pg.PlotDataItem()
            item.setZValue(20)
            self.plot.addItem(item)
            self._overlay_items.append(item)
        for k, item in enumerate(self._overlay_items):
            if k >= len(self.overlays):
                item.setVisible(False)
                continue
            label, colour, projection, offset = self.overlays[k]
            values = self.overlay_values(projection)
            if values is None:
                item.setVisible(False)
                continue
            y = values / factor
            set_xy(item, np.arange(len(y), dtype=float) + offset, y)
            if item.__dict__.get("_style") != (colour, self.scale):
                item.setPen(self._pen(colour, 2.2, Qt.PenStyle.DashDotLine))
                item._style = (colour, self.scale)
            item.setVisible(True)
            top = max(top, float(np.nanmax(y)))
            entries.append((colour, label, "dash"))
        return top, (entries if self.overlay_legend else [])

    def update_bands(self, dragging: bool = True) -> None:
        """Redraw only the bands (they arrive after the data from the worker process)."""
        if self._last_draw is None:
            return
        entries, data_max, factor, x = self._last_draw
        band_top, band_entries = self._draw_bands(factor, x, dragging)
        overlay_top, overlay_entries = self._draw_overlays(factor)
        self.set_legend(entries + band_entries + overlay_entries)
        self._fit_y(max(data_max, band_top, overlay_top), dragging)  # while dragging: grow only

    def _finish(self, entries: list, data_max: float, factor: float, dragging: bool, x: np.ndarray) -> None:
        """Draw bands and compared scenarios, set the legend, and fit the y range to everything."""
        self._last_draw = (entries, data_max, factor, x)
        band_top, band_entries = self._draw_bands(factor, x, dragging)
        overlay_top, overlay_entries = self._draw_overlays(factor)
        self.set_legend(entries + band_entries + overlay_entries)
        self._fit_y(max(data_max, band_top, overlay_top), dragging)

    def series(self) -> dict[str, np.ndarray]:
        """The data drawn, by legend label (in display units), for tests and exports."""
        return {label: values for _, label, values, _ in self._readout_rows}


class _Layers(pg.GraphicsObject):
    """Filled polygons and lines of one chart, drawn by one item.

    A slider step rebuilds a few QPainterPaths here and repaints once, where one PlotDataItem per
    band costs a round of pyqtgraph bookkeeping each. Stacked bands are polygons between their lower
    and upper edge, so no pixel is filled twice; they share exact edges, so they are filled without
    antialiasing (nothing shows between them) and the lines drawn over them are antialiased.
    """

    def __init__(self, z: float = 0.0, fill_antialias: bool = False):
        super().__init__()
        self.setZValue(z)
        self.fill_antialias = fill_antialias
        self._fills: list = []  # (QPainterPath, QBrush)
        self._lines: list = []  # (QPainterPath, QPen)
        self._data = (0.0, 0.0, 0.0, 0.0)  # x min, x max, y min, y max
        self._pad_px = 0.0
        self._rect: QRectF | None = None
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
        xx = np.r_[x, x[::-1]]
        self._fills, self._lines, self.drawn = [], [], {}
        lo_y, hi_y = math.inf, -math.inf
        for label, upper, lower, brush in fills:
            upper = _finite(upper)
            lower = np.zeros_like(upper) if lower is None else _finite(lower)
            path = pg.arrayToQPath(xx, np.r_[upper, lower[::-1]])
            path.closeSubpath()
            self._fills.append((path, brush))
            self.drawn[label] = upper
            if upper.size:
                lo_y, hi_y = min(lo_y, float(lower.min())), max(hi_y, float(upper.max()))
        pad = 0.0
        for label, y, pen in lines:
            y = np.asarray(y, dtype=float)
            self._lines.append((pg.arrayToQPath(x, y, connect="finite"), pen))
            self.drawn[label] = y
            finite = y[np.isfinite(y)]
            if finite.size:
                lo_y, hi_y = min(lo_y, float(finite.min())), max(hi_y, float(finite.max()))
            pad = max(pad, pen.widthF() / 2 + 1)
        if not math.isfinite(lo_y) or x.size == 0:
            lo_y = hi_y = 0.0
        self.prepareGeometryChange()
        self._data = (float(x.min()) if x.size else 0.0, float(x.max()) if x.size else 0.0, lo_y, hi_y)
        self._pad_px = pad + 1
        self._rect = None
        self.update()

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

    def paint(self, p, *args) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, self.fill_antialias)
        for path, brush in self._fills:
            p.fillPath(path, brush)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setBrush(Qt.BrushStyle.NoBrush)
        for path, pen in self._lines:
            p.setPen(pen)
            p.drawPath(path)


class _Dots(pg.GraphicsObject):
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
    """Fills and edge lines of stacked bands for ``_Layers.set_layers`` (band k from the sum of
    bands below it to the sum including it). The fills have the band's colour at 85% opacity; over a
    known ``background`` that is drawn as the opaque colour it makes (filling opaque is a third
    cheaper than blending); with None (an export on a transparent background) translucent."""
    fills, lines = [], []
    bottom = np.zeros(len(x), dtype=float)
    for band, label, colour in zip(bands, labels, colours):
        top = bottom + _finite(band)
        fills.append((label, top, bottom, _fill_brush(colour, 215, background)))
        lines.append((f"{label} edge", top, _edge_pen(colour, width)))
        bottom = top
    return fills, lines


def _finite(a) -> np.ndarray:
    """``a`` as floats with NaN and infinities as 0 (a copy only when there are any)."""
    a = np.asarray(a, dtype=float)
    return a if np.isfinite(a).all() else np.nan_to_num(a, nan=0.0, posinf=0.0, neginf=0.0)


@functools.lru_cache(maxsize=256)
def _over(colour: str, background: str, alpha: int) -> str:
    """``colour`` at ``alpha`` (0-255) over an opaque ``background``, as an opaque colour."""
    c, b, a = QColor(colour), QColor(background), alpha / 255
    return QColor(round(c.red() * a + b.red() * (1 - a)), round(c.green() * a + b.green() * (1 - a)),
                  round(c.blue() * a + b.blue() * (1 - a))).name()


def _fill_brush(colour: str, alpha: int, background: str | None):
    return _brush(colour, alpha) if background is None else _brush(_over(colour, background, alpha), 255)


@functools.lru_cache(maxsize=256)
def _brush(colour: str, alpha: int):
    fill = QColor(colour)
    fill.setAlpha(alpha)
    return pg.mkBrush(fill)


@functools.lru_cache(maxsize=256)
def _pen_cached(colour: str, width: float):
    return pg.mkPen(colour, width=width)


@functools.lru_cache(maxsize=256)
def _edge_pen(colour: str, width: float):
    return pg.mkPen(QColor(colour).darker(115), width=width)


class CapacityChart(Chart):
    name = "capacity"
    title = "Capacity by chip"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.precision = QComboBox()
        self.precision.addItems([PRECISION_LABELS[p] for p in PRECISIONS])
        self.precision.setAccessibleName("Capacity precision")
        self.precision.setToolTip("Precision of the FLOP/s shown (dense). A chip without FP4 or FP8 "
                                  "counts at its next wider precision.")
        self.measure = QComboBox()
        self.measure.addItems(["Peak", "Effective"])
        self.measure.setAccessibleName("Capacity measure")
        self.measure.setToolTip("Peak: installed FLOP/s. Effective: peak × utilisation × MFU.")
        self.options.addWidget(QLabel("Precision"))
        self.options.addWidget(self.precision)
        self.options.addWidget(self.measure)
        self.areas = _Layers()
        self.plot.addItem(self.areas)
        self._last = None
        self.precision.currentIndexChanged.connect(self._option_changed)
        self.measure.currentIndexChanged.connect(self._option_changed)

    band_key = "capacity"

    def overlay_values(self, projection):
        options = self.current_options()
        flops = projection.effective_flops if options["measure"] == "Effective" else projection.peak_flops
        return flops(options["precision"])[0]

    def current_options(self) -> dict:
        return {"precision": PRECISIONS[self.precision.currentIndex()], "measure": self.measure.currentText()}

    def apply_options(self, options: dict) -> None:
        if options.get("precision") in PRECISIONS:
            self.precision.setCurrentIndex(PRECISIONS.index(options["precision"]))
        if options.get("measure") in ("Peak", "Effective"):
            self.measure.setCurrentText(options["measure"])

    optionsChanged = Signal()

    def _option_changed(self) -> None:
        self.yrange.reset()
        self.optionsChanged.emit()  # the window recomputes the capacity bands for the new measure
        if self._last is not None:
            self.set_projection(*self._last)

    def set_projection(self, projection, scenario, dragging=False):
        self._last = (projection, scenario)
        self._set_time_axis(projection, scenario)
        precision = PRECISIONS[self.precision.currentIndex()]
        effective = self.measure.currentIndex() == 1
        by_chip = (projection.effective_flops_by_chip if effective else projection.peak_flops_by_chip)(precision)[0]
        chips = [c for c in scenario.chip_mix if scenario.chip_mix[c] > 0] or list(scenario.chip_mix)
        idx = [projection.catalog.index(c) for c in chips]
        total = by_chip[:, idx].sum(axis=1)
        unit = self._unit("y", float(total.max()), FLOPS, dragging)
        bands = [by_chip[:, i] / unit.factor for i in idx]
        colours = [chip_colour(c, i) for c, i in zip(chips, idx)]
        x = np.arange(projection.params.term_months, dtype=float)
        width = 0.8 * self.scale * self.theme.line_scale
        background = self.theme.background if self.opaque_fills else None
        self.areas.set_layers(x, *stacked(x, bands, chips, colours, width, background),
                              style=(tuple(chips), tuple(colours), width, background))
        kind = "effective" if effective else "peak"
        self.set_title(f"Capacity by chip · {PRECISION_LABELS[precision]} {kind}")
        self._set_left_label(unit.label)
        self._readout_rows = [(c, chip, b, "") for chip, c, b in zip(chips, colours, bands)] + \
            [(self.theme.foreground, "total", total / unit.factor, unit.label)]
        self._finish([(c, chip, "area") for chip, c in zip(chips, colours)], float(total.max()) / unit.factor,
                     unit.factor, dragging, x)


class PowerChart(Chart):
    name = "power"
    title = "Power and energy"
    explanation = ("Provisioned power is what the site must deliver on its hottest day with every machine flat "
                   "out: the IT systems at nameplate, times the design PUE for the facility. Campuses and deals "
                   "are quoted in it. The average draw (dashed) is what the fleet uses on a typical day at its "
                   "utilisation, times the annual average PUE; the energy bars and the energy bill follow it.")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot.showAxis("right")
        self.energy_vb = pg.ViewBox()
        self.energy_vb.setMouseEnabled(False, False)
        self.energy_vb.setMenuEnabled(False)
        self.plot.scene().addItem(self.energy_vb)
        right = self.plot.getAxis("right")
        right.linkToView(self.energy_vb)
        right.enableAutoSIPrefix(False)
        self.energy_vb.setXLink(self.plot)
        self.energy_vb.setZValue(-10)
        self.plot.vb.sigResized.connect(self._sync_views)
        self.bars = _Bars(x0=[], height=[], width=[], y0=0)
        self.energy_vb.addItem(self.bars)
        self.lines = _Layers()
        self.plot.addItem(self.lines)
        self._restyle_items()

    band_key = "facility_mw"

    def overlay_values(self, projection):
        return projection.facility_mw[0]

    def _sync_views(self) -> None:
        self.energy_vb.setGeometry(self.plot.vb.sceneBoundingRect())
        self.energy_vb.linkedViewChanged(self.plot.vb, self.energy_vb.XAxis)

    def _restyle_items(self) -> None:
        t = self.theme
        self.bars.setOpts(brush=_fill_brush(t.bars, 200, t.background if self.opaque_fills else None),
                          pen=pg.mkPen(None))

    def set_projection(self, projection, scenario, dragging=False):
        self._set_time_axis(projection, scenario)
        it, facility = projection.it_mw[0], projection.facility_mw[0]  # provisioned
        average = projection.facility_avg_mw[0]
        unit = self._unit("y", float(facility.max()), POWER, dragging)
        x = np.arange(projection.params.term_months, dtype=float)
        t = self.theme
        self.lines.set_layers(x, [], [("IT", it / unit.factor, self._pen(t.line_it, 2.0)),
                                      ("facility", facility / unit.factor, self._pen(t.line_facility, 2.4)),
                                      ("average", average / unit.factor,
                                       self._pen(t.line_facility, 1.6, Qt.PenStyle.DashLine))],
                              style=(t.name, self.scale, t.line_scale))
        years, gwh = projection.energy_by_year()
        gwh = gwh[0]
        counts = np.diff(np.r_[np.flatnonzero(np.r_[True, np.diff(
            projection.months.astype("datetime64[Y]").astype(int)) != 0]), len(x)])
        starts = np.r_[0, np.cumsum(counts)[:-1]].astype(float)
        e_unit = self._unit("energy", float(gwh.max()), ENERGY_YEAR, dragging)
        set_bars(self.bars, x0=starts - 0.5, width=counts.astype(float) - 0.15, height=gwh / e_unit.factor, y0=0)
        self._set_left_label(f"Power, {unit.label}")
        right = self.plot.getAxis("right")
        if right.labelText != f"Energy, {e_unit.label}":
            right.setLabel(f"Energy, {e_unit.label}", **{"color": self.theme.foreground,
                                                         "font-size": self._font_pt(8.5)})
        year_of_month = np.repeat(gwh / e_unit.factor, counts)
        self._readout_rows = [(t.line_facility, "facility, provisioned", facility / unit.factor, unit.label),
                              (t.line_it, "IT, provisioned", it / unit.factor, unit.label),
                              (t.line_facility, "average draw", average / unit.factor, unit.label),
                              (t.muted, "energy that year", year_of_month, e_unit.label.replace(" per year", ""))]
        # Legends hold no live numbers (a changed legend re-lays out the chart on every slider step).
        self._finish([(t.line_facility, "Facility, provisioned (× design PUE)", "line"),
                      (t.line_it, "IT, provisioned", "line"),
                      (t.line_facility, "Facility, average draw (× PUE)", "dash"),
                      (t.bars, "Energy per year at the average draw (right axis)", "bar")],
                     float(facility.max()) / unit.factor, unit.factor, dragging, x)
        self._energy_per_power = unit.factor * HOURS_PER_YEAR / 1e3 / e_unit.factor
        self._fit_energy_axis()

    # The energy axis is the power axis times the hours of a year: a calendar year run at the line's
    # power all year long has a bar that reaches the line, and both axes change together (a slider
    # step re-draws both axes at once, or neither).
    _energy_per_power = 0.0

    def _fit_y(self, data_max: float, dragging: bool) -> None:
        super()._fit_y(data_max, dragging)
        self._fit_energy_axis()

    def _fit_energy_axis(self) -> None:
        if not self._energy_per_power or self.yrange.top is None:
            return
        top = self.yrange.top * self._energy_per_power
        changed = self.__dict__.get("_energy_top") != top
        if changed:
            self._energy_top = top
            self.energy_vb.setYRange(0, top, padding=0)
        if changed or self.energy_vb.geometry() != self.plot.vb.sceneBoundingRect():
            self._sync_views()  # (it follows resizes on its own; a slider step rarely needs it)


class _Bars(pg.BarGraphItem):
    """Bars drawn without antialiasing: axis-aligned rectangles gain nothing from it, and a monthly
    cost chart has hundreds of them to paint on every slider step."""

    def paint(self, p, *args):
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        super().paint(p, *args)


class _StackedBars:
    """Stacked monthly bars, one BarGraphItem per component (bars show that amounts are per month;
    a short February is a shorter bar, not a glitch in a line)."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self.items: list[pg.BarGraphItem] = []

    def set(self, x: np.ndarray, bands: list[np.ndarray], colours: list[str], width: float = 0.8) -> None:
        while len(self.items) < len(bands):
            item = _Bars(x=[], height=[], width=width, pen=pg.mkPen(None))
            self.plot.addItem(item)
            self.items.append(item)
        while len(self.items) > len(bands):
            self.plot.removeItem(self.items.pop())
        bottom = np.zeros(len(x), dtype=float)
        for item, band, colour in zip(self.items, bands, colours):
            set_bars(item, x=x, height=band, y0=bottom.copy(), width=width, brush=colour)
            bottom = bottom + band


class CostChart(Chart):
    name = "cost"
    title = "Cost by component"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars = _StackedBars(self.plot)

    def overlay_values(self, projection):
        return projection.cost_total[0]

    def set_projection(self, projection, scenario, dragging=False):
        self._set_time_axis(projection, scenario)
        parts = [projection.cost[p][0] for p in COMPONENTS]
        total = projection.cost_total[0]
        unit = self._unit("y", float(total.max()), USD_PER_MONTH, dragging)
        colours = [COMPONENT_COLOURS[p] for p in COMPONENTS]
        x = np.arange(projection.params.term_months, dtype=float)
        self.bars.set(x, [v / unit.factor for v in parts], colours)
        self._set_left_label(unit.label)
        labels = [COMPONENT_LABELS[p] for p in COMPONENTS]
        if projection.energy_embedded[0]:
            labels[1] = "Energy (embedded in rent)"
        self.set_title("Cost per month · " + ("owned" if scenario.pricing == "own" else "rented"))
        self._readout_rows = [(c, label.split(" (")[0].split(",")[0], v / unit.factor, "")
                              for c, label, v in zip(colours, labels, parts)] + \
            [(self.theme.foreground, "total", total / unit.factor, unit.label.replace(" per month", "/mo"))]
        self._finish([(c, label, "area") for c, label in zip(colours, labels)], float(total.max()) / unit.factor,
                     unit.factor, dragging, x)


class CumulativeChart(Chart):
    name = "cumulative"
    title = "Cumulative cost vs contract"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.curve = _Layers()
        self.plot.addItem(self.curve)
        self.contract = pg.InfiniteLine(angle=0, movable=False)
        self.plot.addItem(self.contract, ignoreBounds=True)
        self.contract_label = pg.TextItem(anchor=(0, 0))  # below the line: never clipped at the top
        self.plot.addItem(self.contract_label, ignoreBounds=True)
        self.cross = pg.ScatterPlotItem(size=9)
        self.plot.addItem(self.cross)
        self._restyle_items()

    band_key = "cost_cumulative"

    def overlay_values(self, projection):
        return projection.cost_cumulative[0]

    def _restyle_items(self) -> None:
        t = self.theme
        self.contract.setPen(self._pen(t.contract, 1.6, Qt.PenStyle.DashLine))
        self.cross.setPen(self._pen(t.bad, 1.5))
        self.cross.setBrush(pg.mkBrush(t.background))

    def set_projection(self, projection, scenario, dragging=False):
        self._set_time_axis(projection, scenario)
        cum = projection.cost_cumulative[0]
        contract = float(scenario.contract_value_usd)
        unit = self._unit("y", max(float(cum.max()), contract), USD_TOTAL, dragging)
        x = np.arange(projection.params.term_months, dtype=float)
        t = self.theme
        fill = _fill_brush(COMPONENT_COLOURS["compute"], 60, t.background if self.opaque_fills else None)
        self.curve.set_layers(x, [("cumulative fill", cum / unit.factor, None, fill)],
                              [("cumulative", cum / unit.factor, self._pen(COMPONENT_COLOURS["compute"], 2.4))],
                              style=(t.name, self.scale, t.line_scale, self.opaque_fills))
        self.contract.setVisible(contract > 0)
        self.contract_label.setVisible(contract > 0)
        if self.contract.value() != contract / unit.factor:
            self.contract.setPos(contract / unit.factor)
        crossing = np.flatnonzero(cum > contract) if contract > 0 else np.array([], dtype=int)
        # Legends hold no live numbers: a changed legend re-lays out the whole chart on every step.
        entries = [(COMPONENT_COLOURS["compute"], "Cumulative cost", "line")] + (
            [(t.contract, "Contract value", "dash")] if contract > 0 else [])
        if crossing.size:
            m = int(crossing[0])
            set_xy(self.cross, np.array([float(m)]), np.array([cum[m] / unit.factor]))
            entries.append((t.bad, f"exceeds the contract in {month_label(self._start_index, m)}", "area"))
        else:
            set_xy(self.cross, np.zeros(0), np.zeros(0))
        self._set_left_label(unit.label)
        self._readout_rows = [(COMPONENT_COLOURS["compute"], "cumulative", cum / unit.factor, unit.label)] + (
            [(t.muted, "of contract", cum / contract * 100, "%")] if contract > 0 else [])
        self.set_title("Cumulative cost vs contract" if contract > 0 else "Cumulative cost")
        self._finish(entries, max(float(cum.max()), contract) / unit.factor, unit.factor, dragging, x)
        # The label sits under the line (never clipped at the top), or over it when the line is near
        # the bottom of the plot (where the axis would cover it).
        above = self.yrange.top is not None and contract / unit.factor < 0.12 * self.yrange.top
        label_state = (contract / unit.factor, t.name, self.scale, above)
        if self.contract_label.__dict__.get("_state") != label_state:  # text layout is costly: on change only
            self.contract_label.setAnchor((0, 1) if above else (0, 0))
            self.contract_label.setColor(QColor(t.foreground))
            self.contract_label.setPos(QPointF(0.5, contract / unit.factor))
            self.contract_label.setHtml(f"<span style='font-size:{self._font_pt(8)}'>contract "
                                        f"USD {compact(contract)}</span>")
            self.contract_label._state = label_state


class UnitEconomicsChart(Chart):
    name = "unit-economics"
    title = "Unit economics"
    explanation = ("Cost per million output tokens over the term, by component: the serving hours' share of the "
                   "fleet's cost over the tokens they serve. The right axis reads the same curve as the cost "
                   "per busy GPU-hour.")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.areas = _Layers()
        self.plot.addItem(self.areas)
        self.plot.showAxis("right")
        self.plot.getAxis("right").enableAutoSIPrefix(False)
        self.message = pg.TextItem(anchor=(0.5, 0.5))
        self.plot.addItem(self.message, ignoreBounds=True)
        self.message.setVisible(False)

    def overlay_values(self, projection):
        return projection.cost_per_million_tokens[0]

    def _restyle_items(self) -> None:
        self.message.setColor(QColor(self.theme.muted))

    def set_projection(self, projection, scenario, dragging=False):
        self._set_time_axis(projection, scenario)
        tokens = projection.tokens[0]
        share = float(projection.params.serving_share[0])
        served = tokens.sum() > 0
        with np.errstate(all="ignore"):
            per_m = [np.where(tokens > 0, projection.cost[p][0] * share / tokens * 1e6, 0.0) for p in COMPONENTS]
        total = np.nan_to_num(projection.cost_per_million_tokens[0])
        # USD per effective GPU-hour is the same curve on another scale: tokens per busy serving
        # GPU-hour are constant over the term for a scenario.
        busy = float(projection.effective_gpu_hours[0].sum())
        factor = float(tokens.sum() / (share * busy * 1e6)) if served else 1.0
        colours = [COMPONENT_COLOURS[p] for p in COMPONENTS]
        x = np.arange(projection.params.term_months, dtype=float)
        labels = [COMPONENT_LABELS[p] for p in COMPONENTS]
        width = 0.8 * self.scale * self.theme.line_scale
        background = self.theme.background if self.opaque_fills else None
        self.areas.set_layers(x, *stacked(x, per_m, labels, colours, width, background),
                              style=(tuple(colours), width, background))
        right = self.plot.getAxis("right")
        if abs(right.scale - factor) > 1e-12 * factor:  # setScale re-lays out the axis: only on change
            right.setScale(factor)
        self._set_left_label("USD / M output tokens")
        if right.labelText != "USD / busy GPU-hour":
            right.setLabel("USD / busy GPU-hour", **{"color": self.theme.foreground, "font-size": self._font_pt(8.5)})
        self.set_title(f"Unit economics · {serving_conditions(scenario)}")
        self.message.setVisible(not served)
        if not served:
            self.message.setText("No serving: the serving share is 0, or the model does not fit these chips")
            self.message.setPos(max(len(x) - 1, 1) / 2, 0.5)
        self._readout_rows = [(self.theme.foreground, "per M output tokens", total, "USD"),
                              (self.theme.muted, "per busy GPU-hour", total * factor, "USD")]
        self._finish([(c, label, "area") for c, label in zip(colours, labels)], float(total.max()), 1.0, dragging, x)


def serving_conditions(scenario: Scenario) -> str:
    """'DeepSeek-R1 (671B MoE, 37B active), FP4, 50 tok/s per user' in short: the conditions a cost
    per token holds under."""
    from explorer.serving import serving_models

    preset = serving_models().get(scenario.serving_model)
    model = preset.name.split(" (")[0] if preset else f"{scenario.model_active_params_billion:g}B custom"
    return f"{model}, {PRECISION_LABELS[scenario.token_precision]}, {scenario.tokens_per_second_per_user:g} tok/s per user"


class ServingChart(Chart):
    """Cost per million output tokens against tokens per second per user, one curve per chip of the
    fleet: the trade-off an inference engineer reads. The scenario's speed is marked."""

    name = "serving"
    title = "Cost per token vs speed"
    time_axis = False
    log_axes = True
    explanation = ("Each chip's cost per million output tokens against the speed each user sees (tokens per "
                   "second per user), from the serving roofline: faster answers mean smaller batches, so fewer "
                   "tokens per accelerator and a higher cost per token. Both axes are logarithmic; the dots mark "
                   "the scenario's speed, the ring the fleet's figure.")
    POINTS = 40

    def __init__(self, parent=None):
        super().__init__(parent)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.grid.show_y = True
        self.curves = _Layers(z=10)
        self.plot.addItem(self.curves)
        self.dots = _Dots()  # each chip at the scenario's speed, and a ring for the fleet
        self.plot.addItem(self.dots)
        self.fleet_point = (math.nan, math.nan)
        self.message = pg.TextItem(anchor=(0.5, 0.5))
        self.plot.addItem(self.message, ignoreBounds=True)
        self.message.setVisible(False)
        self._curve_data: list[tuple[str, str, np.ndarray]] = []
        self._u = np.zeros(0)
        self._range = None

    def _restyle_items(self) -> None:
        self.message.setColor(QColor(self.theme.muted))

    def set_projection(self, projection, scenario, dragging=False):
        t = self.theme
        chips = [c for c in scenario.chip_mix if scenario.chip_mix[c] > 0] or list(scenario.chip_mix)
        idx = [projection.catalog.index(c) for c in chips]
        target = scenario.tokens_per_second_per_user
        lo, hi = max(1.0, min(5.0, target / 4)), min(2000.0, max(400.0, target * 4))
        if self.__dict__.get("_grid_key") != (lo, hi):
            self._grid_key = (lo, hi)
            self._u = np.geomspace(lo, hi, self.POINTS)
        u = self._u
        per_hour = projection.cost_per_busy_gpu_hour_by_chip[0]  # each chip's cost per busy GPU-hour
        # The curve's tokens depend only on the serving set-up and the chips: a drag of the fleet,
        # the energy price or the agents leaves them as they were.
        p = projection.params
        key = (tuple(idx), lo, hi, id(projection.catalog), *(float(getattr(p, f)[0]) for f in (
            "model_total_params", "model_active_params", "kv_bytes_per_token", "tokens_per_step", "context_tokens",
            "output_tokens_per_request", "serving_efficiency_scale")), int(p.token_precision[0]))
        cached = self.__dict__.get("_tps")
        if cached is None or cached[0] != key:
            cached = self._tps = (key, projection.serving_tokens_per_second(u[None, None, :])[0])  # (C, K)
        tps = cached[1]
        at_target = projection.tokens_per_second_by_chip[0]
        x = np.log10(u)
        with np.errstate(all="ignore"):
            cost = np.where(tps[idx] > 0, per_hour[idx][:, None] / (tps[idx] * 3600.0) * 1e6, np.nan)  # (C', K)
            here = np.where(at_target[idx] > 0, per_hour[idx] / (at_target[idx] * 3600.0) * 1e6, np.nan)
            log_cost, log_here = np.log10(cost), np.log10(here)
        colours = [chip_colour(c, i) for c, i in zip(chips, idx)]
        self._curve_data = list(zip(colours, chips, cost))
        self.curves.set_layers(x, [], [(chip, log_cost[k], self._pen(colours[k], 2.2)) for k, chip in enumerate(chips)],
                               style=(tuple(colours), t.name, self.scale, t.line_scale))
        fleet_cost = projection.summary()["cost_per_million_tokens_usd"]
        x_here = math.log10(target)
        self.fleet_point = (x_here, math.log10(fleet_cost) if fleet_cost else math.nan)
        dot_pen = _pen_cached(t.background, 1.0)
        self.dots.set_dots([(x_here, float(y), 4.0 * self.scale, _brush(c, 255), dot_pen)
                            for c, y in zip(colours, log_here)]
                           + [(*self.fleet_point, 7.5 * self.scale, None, _pen_cached(t.foreground, 2.0 * self.scale))])
        finite = log_cost[np.isfinite(log_cost)]
        self.message.setVisible(finite.size == 0)
        if finite.size == 0:
            self.message.setText("No chip of the fleet can serve this model at these speeds")
            self.message.setPos(math.log10(target), 0.0)
        else:
            want = (math.floor(float(finite.min()) * 2) / 2, math.ceil(float(finite.max()) * 2) / 2)
            held = self._range
            if not (dragging and held and held[0] <= want[0] and want[1] <= held[1]):
                self._range = want if not dragging else (want[0] - 0.5, want[1] + 0.5)
                self.plot.setYRange(*self._range, padding=0)
        if self.__dict__.get("_x") != (lo, hi):
            self._x = (lo, hi)
            self.plot.setXRange(math.log10(lo), math.log10(hi), padding=0.02)
        self._set_left_label("USD / M output tokens")
        bottom = self.plot.getAxis("bottom")
        if bottom.labelText != "output tokens/s per user":
            bottom.setLabel("output tokens/s per user", **{"color": t.foreground, "font-size": self._font_pt(8.5)})
        self.set_title(f"Cost per token vs speed · {serving_conditions(scenario).split(', ')[0]}")
        self.set_legend([(c, chip, "line") for c, chip, _ in self._curve_data]
                        + [(t.foreground, "the fleet at its speed (ring)", "area")])
        self._readout_rows = []

    def _on_mouse(self, event) -> None:
        pos = event[0]
        if not self._curve_data or not self.plot.vb.sceneBoundingRect().contains(pos):
            self.hide_readout()
            return
        x = self.plot.vb.mapSceneToView(pos).x()
        self.show_readout(int(np.argmin(np.abs(np.log10(self._u) - x))))

    def show_readout(self, k: int) -> str:
        rows = [f"<b>{plain(float(self._u[k]), 3)} tok/s per user</b>"]
        for colour, chip, cost in self._curve_data:
            value = "–" if not np.isfinite(cost[k]) else f"USD {plain(float(cost[k]), 3)}"
            rows.append(f"<span style='color:{colour}'>■</span> {html.escape(chip)} {value}")
        text = " · ".join(rows)
        self.readout.setText(f"<span style='font-size:{self._font_pt(7.5)}; color:{self.theme.foreground}'>"
                             f"{text}</span>")
        return text

    def series(self) -> dict[str, np.ndarray]:
        return {chip: cost for _, chip, cost in self._curve_data}


def _kpi_text(unit_name: str, value: float) -> str:
    """A tornado KPI's value with its unit, e.g. 'USD 38.7B', '273 MW', '2,150 GWh'."""
    if unit_name == "USD":
        return f"USD {compact(value, 3) if abs(value) >= 1e3 else plain(value, 3)}"
    return f"{plain(value, 3)} {unit_name}"


SHORT_KPI_NAMES = {"cost_total_usd": "total cost", "facility_power_peak_mw": "peak facility power",
                   "cost_per_million_tokens_usd": "cost per M tokens",
                   "cost_per_effective_gpu_hour_usd": "cost per GPU-hour", "energy_total_gwh": "energy"}


class TornadoChart(Chart):
    """Sensitivity: the KPI with each input at the low and the high end of its range."""

    name = "tornado"
    title = "Sensitivity (tornado)"
    time_axis = False

    def __init__(self, parent=None):
        super().__init__(parent)
        from explorer.sensitivity import TORNADO_KPIS

        self.kpis = TORNADO_KPIS
        self.kpi = QComboBox()
        self.kpi.setAccessibleName("Tornado KPI")
        self.kpi.setToolTip("The figure whose swing each input's range causes")
        for key, (label, _) in TORNADO_KPIS.items():
            self.kpi.addItem(label, key)
        self.options.addWidget(QLabel("KPI"))
        self.options.addWidget(self.kpi)
        self.low_bars = _Bars(x0=[], y=[], width=[], height=0.6, pen=pg.mkPen(None))
        self.high_bars = _Bars(x0=[], y=[], width=[], height=0.6, pen=pg.mkPen(None))
        self.plot.addItem(self.low_bars)
        self.plot.addItem(self.high_bars)
        self.base_line = pg.InfiniteLine(angle=90, movable=False)
        self.plot.addItem(self.base_line, ignoreBounds=True)
        self.message = pg.TextItem(anchor=(0.5, 0.5))
        self.plot.addItem(self.message, ignoreBounds=True)
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.result = None
        self._shown_bars: list = []
        self._unit = Unit(1, "")
        self._last = None
        self.kpi.currentIndexChanged.connect(self._kpi_changed)

    def current_options(self) -> dict:
        return {"kpi": self.kpi.currentData()}

    def apply_options(self, options: dict) -> None:
        index = self.kpi.findData(options.get("kpi"))
        if index >= 0:
            self.kpi.setCurrentIndex(index)

    def _kpi_changed(self) -> None:
        self.yrange.reset()
        if self._last is not None:
            self.set_projection(*self._last)

    def _restyle_items(self) -> None:
        t = self.theme
        self.base_line.setPen(self._pen(t.foreground, 1.6, Qt.PenStyle.DashLine))
        self.message.setColor(QColor(t.muted))

    def set_projection(self, projection, scenario, dragging=False):
        from explorer.sensitivity import tornado

        self._last = (projection, scenario)
        key = self.kpi.currentData()
        label, unit_name = self.kpis[key]
        self.result = result = tornado(scenario, key, projection.catalog)
        scale_ref = max(abs(result.base), 1e-300)
        bars = [b for b in result.bars if b.swing > 1e-9 * scale_ref]  # inputs that move this KPI
        hidden = len(result.bars) - len(bars)
        self._shown_bars = bars
        n = len(bars)
        units = {"USD": USD_TOTAL if key == "cost_total_usd" else (Unit(1, "USD"),), "MW": POWER,
                 "GWh": (Unit(1e3, "TWh"), Unit(1, "GWh"))}[unit_name]
        biggest = max([abs(result.base)] + [max(abs(b.at_low), abs(b.at_high)) for b in bars])
        unit = self._unit = pick_unit(biggest, units) if key == "cost_total_usd" or unit_name != "USD" else Unit(1, "USD")
        # The axis shows the change from the base value in percent: it stays put while a slider moves
        # the whole figure (a fleet twice as large doubles every bar, not the swings in percent), and
        # the swings of different KPIs compare directly. The readout gives the values themselves.
        relative = result.base != 0 and math.isfinite(result.base)
        self._relative = relative
        if relative:
            def to_x(v):
                return (np.asarray(v, dtype=float) / result.base - 1.0) * 100.0
        else:
            def to_x(v):
                return np.asarray(v, dtype=float) / unit.factor
        base = float(to_x(result.base))
        y = np.arange(n, dtype=float)[::-1]  # largest swing on top
        lows = to_x([b.at_low for b in bars]) if bars else np.zeros(0)
        highs = to_x([b.at_high for b in bars]) if bars else np.zeros(0)
        t = self.theme
        low_colour, high_colour = COMPONENT_COLOURS["compute"], COMPONENT_COLOURS["energy"]
        set_bars(self.low_bars, x0=np.minimum(lows, base), width=np.abs(lows - base), y=y, height=np.full(n, 0.62),
                 brush=low_colour)
        set_bars(self.high_bars, x0=np.minimum(highs, base), width=np.abs(highs - base), y=y,
                 height=np.full(n, 0.62), brush=high_colour)
        if self.base_line.value() != base:
            self.base_line.setPos(base)
        left = self.plot.getAxis("left")
        ticks = ([(float(yy), b.label) for yy, b in zip(y, bars)], self.scale, t.font_scale)
        if self.__dict__.get("_ticks") != ticks:  # new labels: re-measure the axis (a relayout)
            left.setTicks([ticks[0], []])
            font = QFont()
            font.setPointSizeF(8.5 * self.scale * t.font_scale)
            widest = max([QFontMetricsF(font).horizontalAdvance(b.label) for b in bars] + [40.0])
            left.setWidth(int(widest + 16 * self.scale))  # room for every input's name
            self._ticks = ticks
        bottom = self.plot.getAxis("bottom")
        text = "change from base, %" if relative else (unit.label or "USD")
        if bottom.labelText != text:
            bottom.setLabel(text, **{"color": t.foreground, "font-size": self._font_pt(8.5)})
        self.set_title(f"Sensitivity · {SHORT_KPI_NAMES.get(key, label.lower())}")
        # The base value is in the legend except while dragging: a legend with a live number would
        # re-lay out the chart on every update (and a held one would be stale).
        base_text = "base, every input at its value" + ("" if dragging else f": {_kpi_text(unit_name, result.base)}")
        self.set_legend([(low_colour, "input at its low end", "area"),
                         (high_colour, "input at its high end", "area"), (t.foreground, base_text, "dash")]
                        + ([(t.muted, f"{hidden} input{'s' if hidden > 1 else ''} without effect not shown", "bar")]
                           if hidden else []))
        if n == 0:
            self.message.setText("No uncertainty ranges that move this figure: add ranges under "
                                 "Assumptions ▸ Uncertainty" if not result.bars else "No input range moves this figure")
            self.message.setPos(0.5, 0.5)
            self.message.setVisible(True)
            self._x_range, self._y_rows = (0.0, 1.0), None
            self.plot.setXRange(0, 1, padding=0)
            self.plot.setYRange(0, 1, padding=0)
            return
        self.message.setVisible(False)
        lo = float(min(lows.min(), highs.min(), base))
        hi = float(max(lows.max(), highs.max(), base))
        pad = (hi - lo) * 0.06 or abs(base) * 0.05 or 1.0
        want = (lo - pad, hi + pad)
        if relative and (want[1] - want[0]) < 2.0:
            want = (min(want[0], -1.0), max(want[1], 1.0))  # at least ±1%
        held = self.__dict__.get("_x_range")
        if dragging and held is not None and held[0] <= want[0] and want[1] <= held[1] \
                and (want[1] - want[0]) >= 0.6 * (held[1] - held[0]):
            pass  # still fits: keep the axis (re-drawing its labels is the costly part of an update)
        else:
            if dragging:  # leave room to move in, so the next updates of the drag fit
                extra = (want[1] - want[0]) * 0.15
                want = (want[0] - extra, want[1] + extra)
            self._x_range = want
            self.plot.setXRange(*want, padding=0)
        if self.__dict__.get("_y_rows") != n:
            self._y_rows = n
            self.plot.setYRange(-0.6, n - 0.4, padding=0)
        self._readout_rows = []

    def _on_mouse(self, event) -> None:
        pos = event[0]
        if self.result is None or not self._shown_bars or not self.plot.vb.sceneBoundingRect().contains(pos):
            self.hide_readout()
            return
        y = self.plot.vb.mapSceneToView(pos).y()
        n = len(self._shown_bars)
        index = n - 1 - int(min(max(round(y), 0), n - 1))
        self.show_readout(index)

    def show_readout(self, index: int) -> str:
        bar = self._shown_bars[index]
        f = self._unit.factor
        lo = bar.low_input if isinstance(bar.low_input, str) else plain(bar.low_input, 3)
        hi = bar.high_input if isinstance(bar.high_input, str) else plain(bar.high_input, 3)
        text = (f"<b>{html.escape(bar.label)}</b> · {lo} → {plain(bar.at_low / f, 4)} · {hi} → "
                f"{plain(bar.at_high / f, 4)} {self._unit.label}")
        self.readout.setText(f"<span style='font-size:{self._font_pt(7.5)}; color:{self.theme.foreground}'>"
                             f"{text}</span>")
        return text

    def series(self) -> dict[str, np.ndarray]:
        if self.result is None:
            return {}
        return {"at low": np.array([b.at_low for b in self.result.bars]),
                "at high": np.array([b.at_high for b in self.result.bars])}


CHART_TYPES = (CapacityChart, PowerChart, UnitEconomicsChart, ServingChart, CostChart, CumulativeChart,
               TornadoChart)
CHART_NAMES = tuple(c.name for c in CHART_TYPES)
