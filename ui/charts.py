"""The charts: pyqtgraph plots that take what they show from a Projection.

Each chart is a ``Chart`` (a QWidget around one pyqtgraph scene) with its title, readout, plot and
legend inside the scene, so an export of the scene carries all of them. Items are created once and
fed new arrays with ``setData``. While a slider is dragged the y range only grows (re-fitting axes
is the expensive part of a live update); when the drag ends it is fitted again.

The time axis is "months since the scenario's start" with our own tick labels (small x values avoid
pyqtgraph's SVG date-axis bug and float precision trouble).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from explorer.catalog import PRECISION_LABELS, PRECISIONS
from explorer.formatting import compact, plain
from explorer.model import Projection
from explorer.scenario import Scenario, month_index

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


USD_PER_MONTH = (Unit(1e9, "USD billion per month"), Unit(1e6, "USD million per month"),
                 Unit(1e3, "USD thousand per month"), Unit(1, "USD per month"))
USD_TOTAL = (Unit(1e9, "USD billion"), Unit(1e6, "USD million"), Unit(1e3, "USD thousand"), Unit(1, "USD"))
FLOPS = (Unit(1e18, "EFLOP/s"), Unit(1e15, "PFLOP/s"), Unit(1e12, "TFLOP/s"))
POWER = (Unit(1e3, "GW"), Unit(1, "MW"), Unit(1e-3, "kW"))
ENERGY_YEAR = (Unit(1e3, "TWh per year"), Unit(1, "GWh per year"), Unit(1e-3, "MWh per year"))


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


class YRange:
    """Holds a chart's y range at 'nice' values: grows during a drag, re-fits otherwise."""

    def __init__(self):
        self.top: float | None = None

    def target(self, data_max: float, dragging: bool) -> float | None:
        want = nice_ceil(data_max * 1.04)
        if self.top is None or (want > self.top) or (not dragging and want != self.top):
            self.top = want
            return want
        return None

    def reset(self) -> None:
        self.top = None


class Chart(QWidget):
    """Base: a scene with title, readout, plot and legend; options as Qt widgets above it."""

    name = "chart"
    title = "Chart"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = LIGHT
        self.scale = 1.0
        self.view = pg.GraphicsLayoutWidget()
        self.view.setAccessibleName(f"{self.title} chart")
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
        self.plot: pg.PlotItem = layout.addPlot(row=1, col=0, axisItems={"bottom": MonthAxis()})
        self.legend = _Label(justify="left")
        layout.addItem(self.legend, row=2, col=0)
        layout.layout.setRowStretchFactor(1, 1)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.disableAutoRange()
        for side in ("left", "bottom"):
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.vline = pg.InfiniteLine(angle=90, movable=False)
        self.vline.setVisible(False)
        self.vline.setZValue(50)
        self.plot.addItem(self.vline, ignoreBounds=True)
        self.yrange = YRange()
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
            axis.setStyle(tickLength=int(-5 * scale), tickTextOffset=int(4 * scale))
            axis.label.setFont(font)
            axis.setLabel(axis.labelText, units=None, **{"color": theme.foreground,
                                                          "font-size": f"{8.5 * scale * theme.font_scale:.1f}pt"})
        self.plot.showGrid(x=True, y=True, alpha=theme.grid_alpha / 255)
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

    def series(self) -> dict[str, np.ndarray]:
        """The data drawn, by legend label (in display units), for tests and exports."""
        return {label: values for _, label, values, _ in self._readout_rows}


class _StackedArea:
    """Stacked filled bands: band k is drawn from 0 up to the cumulative sum of bands 0..k, and lower
    bands are painted over higher ones (one filled PlotDataItem per band is cheaper than
    FillBetweenItem)."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self.items: list[pg.PlotDataItem] = []

    def set(self, x: np.ndarray, bands: list[np.ndarray], colours: list[str], scale: float, line_scale: float) -> None:
        while len(self.items) < len(bands):
            item = pg.PlotDataItem(fillLevel=0.0)
            self.plot.addItem(item)
            self.items.append(item)
        while len(self.items) > len(bands):
            self.plot.removeItem(self.items.pop())
        top = np.zeros_like(x, dtype=float)
        for k, (band, colour) in enumerate(zip(bands, colours)):
            top = top + band
            item = self.items[k]
            fill = QColor(colour)
            fill.setAlpha(215)
            item.setZValue(-k)
            item.setPen(pg.mkPen(QColor(colour).darker(115), width=0.8 * scale * line_scale))
            item.setBrush(pg.mkBrush(fill))
            item.setData(x, top)


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
        self.areas = _StackedArea(self.plot)
        self._last = None
        self.precision.currentIndexChanged.connect(self._option_changed)
        self.measure.currentIndexChanged.connect(self._option_changed)

    def current_options(self) -> dict:
        return {"precision": PRECISIONS[self.precision.currentIndex()], "measure": self.measure.currentText()}

    def apply_options(self, options: dict) -> None:
        if options.get("precision") in PRECISIONS:
            self.precision.setCurrentIndex(PRECISIONS.index(options["precision"]))
        if options.get("measure") in ("Peak", "Effective"):
            self.measure.setCurrentText(options["measure"])

    def _option_changed(self) -> None:
        self.yrange.reset()
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
        unit = pick_unit(float(total.max()), FLOPS)
        bands = [by_chip[:, i] / unit.factor for i in idx]
        colours = [chip_colour(c, i) for c, i in zip(chips, idx)]
        x = np.arange(projection.params.term_months, dtype=float)
        self.areas.set(x, bands, colours, self.scale, self.theme.line_scale)
        kind = "effective" if effective else "peak"
        self.set_title(f"Capacity by chip · {PRECISION_LABELS[precision]} {kind}")
        self._set_left_label(unit.label)
        self.set_legend([(c, chip, "area") for chip, c in zip(chips, colours)])
        self._readout_rows = [(c, chip, b, "") for chip, c, b in zip(chips, colours, bands)] + \
            [(self.theme.foreground, "total", total / unit.factor, unit.label)]
        self._fit_y(float(total.max()) / unit.factor, dragging)


class PowerChart(Chart):
    name = "power"
    title = "Power and energy"

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
        self.bars = pg.BarGraphItem(x0=[], height=[], width=[], y0=0)
        self.energy_vb.addItem(self.bars)
        self.it_line = self.plot.plot([], [])
        self.facility_line = self.plot.plot([], [])
        self.energy_range = YRange()
        self._restyle_items()

    def _sync_views(self) -> None:
        self.energy_vb.setGeometry(self.plot.vb.sceneBoundingRect())
        self.energy_vb.linkedViewChanged(self.plot.vb, self.energy_vb.XAxis)

    def _restyle_items(self) -> None:
        t = self.theme
        self.it_line.setPen(self._pen(t.line_it, 2.0))
        self.facility_line.setPen(self._pen(t.line_facility, 2.4))
        bars = QColor(t.bars)
        bars.setAlpha(200)
        self.bars.setOpts(brush=pg.mkBrush(bars), pen=pg.mkPen(None))

    def set_projection(self, projection, scenario, dragging=False):
        self._set_time_axis(projection, scenario)
        it, facility = projection.it_mw[0], projection.facility_mw[0]
        unit = pick_unit(float(facility.max()), POWER)
        x = np.arange(projection.params.term_months, dtype=float)
        self.it_line.setData(x, it / unit.factor)
        self.facility_line.setData(x, facility / unit.factor)
        years, gwh = projection.energy_by_year()
        gwh = gwh[0]
        counts = np.diff(np.r_[np.flatnonzero(np.r_[True, np.diff(
            projection.months.astype("datetime64[Y]").astype(int)) != 0]), len(x)])
        starts = np.r_[0, np.cumsum(counts)[:-1]].astype(float)
        e_unit = pick_unit(float(gwh.max()), ENERGY_YEAR)
        self.bars.setOpts(x0=starts - 0.5, width=counts.astype(float) - 0.15, height=gwh / e_unit.factor, y0=0)
        self._set_left_label(f"Power, {unit.label}")
        right = self.plot.getAxis("right")
        if right.labelText != f"Energy, {e_unit.label}":
            right.setLabel(f"Energy, {e_unit.label}", **{"color": self.theme.foreground,
                                                         "font-size": self._font_pt(8.5)})
        t = self.theme
        self.set_legend([(t.line_facility, f"Facility power (× PUE {scenario.pue:.2f})", "line"),
                         (t.line_it, "IT power", "line"), (t.bars, "Energy per calendar year (right axis)", "bar")])
        year_of_month = np.repeat(gwh / e_unit.factor, counts)
        self._readout_rows = [(t.line_facility, "facility", facility / unit.factor, unit.label),
                              (t.line_it, "IT", it / unit.factor, unit.label),
                              (t.muted, "energy that year", year_of_month, e_unit.label.replace(" per year", ""))]
        self._fit_y(float(facility.max()) / unit.factor, dragging)
        top = self.energy_range.target(float(gwh.max()) / e_unit.factor, dragging)
        if top is not None:
            self.energy_vb.setYRange(0, top, padding=0)
        self._sync_views()


class _StackedBars:
    """Stacked monthly bars, one BarGraphItem per component (bars show that amounts are per month;
    a short February is a shorter bar, not a glitch in a line)."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self.items: list[pg.BarGraphItem] = []

    def set(self, x: np.ndarray, bands: list[np.ndarray], colours: list[str], width: float = 0.8) -> None:
        while len(self.items) < len(bands):
            item = pg.BarGraphItem(x=[], height=[], width=width)
            self.plot.addItem(item)
            self.items.append(item)
        while len(self.items) > len(bands):
            self.plot.removeItem(self.items.pop())
        bottom = np.zeros(len(x), dtype=float)
        for item, band, colour in zip(self.items, bands, colours):
            item.setOpts(x=x, height=band, y0=bottom.copy(), width=width, brush=pg.mkBrush(colour), pen=pg.mkPen(None))
            bottom = bottom + band


class CostChart(Chart):
    name = "cost"
    title = "Cost by component"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.bars = _StackedBars(self.plot)

    def set_projection(self, projection, scenario, dragging=False):
        self._set_time_axis(projection, scenario)
        parts = [projection.cost[p][0] for p in COMPONENTS]
        total = projection.cost_total[0]
        unit = pick_unit(float(total.max()), USD_PER_MONTH)
        colours = [COMPONENT_COLOURS[p] for p in COMPONENTS]
        x = np.arange(projection.params.term_months, dtype=float)
        self.bars.set(x, [v / unit.factor for v in parts], colours)
        self._set_left_label(unit.label)
        labels = [COMPONENT_LABELS[p] for p in COMPONENTS]
        if projection.energy_embedded[0]:
            labels[1] = "Energy (embedded in rent)"
        self.set_title("Cost per month by component" + (" · owned" if scenario.pricing == "own" else " · rented"))
        self.set_legend([(c, label, "area") for c, label in zip(colours, labels)])
        self._readout_rows = [(c, label.split(" (")[0].split(",")[0], v / unit.factor, "")
                              for c, label, v in zip(colours, labels, parts)] + \
            [(self.theme.foreground, "total", total / unit.factor, unit.label.replace(" per month", "/mo"))]
        self._fit_y(float(total.max()) / unit.factor, dragging)


class CumulativeChart(Chart):
    name = "cumulative"
    title = "Cumulative cost against the contract"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.curve = self.plot.plot([], [], fillLevel=0.0)
        self.contract = pg.InfiniteLine(angle=0, movable=False)
        self.plot.addItem(self.contract, ignoreBounds=True)
        self.contract_label = pg.TextItem(anchor=(0, 0))  # below the line: never clipped at the top
        self.plot.addItem(self.contract_label, ignoreBounds=True)
        self.cross = pg.ScatterPlotItem(size=9)
        self.plot.addItem(self.cross)
        self._restyle_items()

    def _restyle_items(self) -> None:
        t = self.theme
        fill = QColor(COMPONENT_COLOURS["compute"])
        fill.setAlpha(60)
        self.curve.setPen(self._pen(COMPONENT_COLOURS["compute"], 2.4))
        self.curve.setBrush(pg.mkBrush(fill))
        self.contract.setPen(self._pen(t.contract, 1.6, Qt.PenStyle.DashLine))
        self.cross.setPen(self._pen(t.bad, 1.5))
        self.cross.setBrush(pg.mkBrush(t.background))

    def set_projection(self, projection, scenario, dragging=False):
        self._set_time_axis(projection, scenario)
        cum = projection.cost_cumulative[0]
        contract = float(scenario.contract_value_usd)
        unit = pick_unit(max(float(cum.max()), contract), USD_TOTAL)
        x = np.arange(projection.params.term_months, dtype=float)
        self.curve.setData(x, cum / unit.factor)
        t = self.theme
        self.contract.setVisible(contract > 0)
        self.contract_label.setVisible(contract > 0)
        self.contract.setPos(contract / unit.factor)
        self.contract_label.setColor(QColor(t.foreground))
        self.contract_label.setPos(QPointF(0.5, contract / unit.factor))
        self.contract_label.setHtml(f"<span style='font-size:{self._font_pt(8)}'>contract "
                                    f"USD {compact(contract)}</span>")
        crossing = np.flatnonzero(cum > contract) if contract > 0 else np.array([], dtype=int)
        entries = [(COMPONENT_COLOURS["compute"], f"Cumulative cost (USD {compact(float(cum[-1]))} at term end)",
                    "line"), (t.contract, "Contract value", "dash")]
        if crossing.size:
            m = int(crossing[0])
            self.cross.setData([float(m)], [cum[m] / unit.factor])
            entries.append((t.bad, f"exceeds the contract in {month_label(self._start_index, m)}", "area"))
        else:
            self.cross.setData([], [])
        self.set_legend(entries)
        self._set_left_label(unit.label)
        self._readout_rows = [(COMPONENT_COLOURS["compute"], "cumulative", cum / unit.factor, unit.label),
                              (t.muted, "of contract", cum / contract * 100 if contract > 0 else cum * np.nan, "%")]
        self._fit_y(max(float(cum.max()), contract) / unit.factor, dragging)


class UnitEconomicsChart(Chart):
    name = "unit-economics"
    title = "Unit economics"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.areas = _StackedArea(self.plot)
        self.plot.showAxis("right")
        self.plot.getAxis("right").enableAutoSIPrefix(False)

    def set_projection(self, projection, scenario, dragging=False):
        self._set_time_axis(projection, scenario)
        tokens = projection.tokens[0]
        per_m = [projection.cost[p][0] / tokens * 1e6 for p in COMPONENTS]
        total = projection.cost_per_million_tokens[0]
        # USD per effective GPU-hour is the same curve on another scale: tokens per busy GPU-hour is
        # constant over the term for a scenario.
        tokens_per_gpu_hour = float(tokens.sum() / projection.effective_gpu_hours[0].sum())
        factor = tokens_per_gpu_hour / 1e6
        colours = [COMPONENT_COLOURS[p] for p in COMPONENTS]
        x = np.arange(projection.params.term_months, dtype=float)
        self.areas.set(x, per_m, colours, self.scale, self.theme.line_scale)
        right = self.plot.getAxis("right")
        right.setScale(factor)
        self._set_left_label(f"USD per million tokens ({scenario.model_active_params_billion:g}B model)")
        if right.labelText != "USD per effective GPU-hour":
            right.setLabel("USD per effective GPU-hour", **{"color": self.theme.foreground,
                                                             "font-size": self._font_pt(8.5)})
        labels = [COMPONENT_LABELS[p] for p in COMPONENTS]
        self.set_title("Unit economics: cost per unit of work")
        self.set_legend([(c, label, "area") for c, label in zip(colours, labels)])
        self._readout_rows = [(self.theme.foreground, "per M tokens", total, "USD"),
                              (self.theme.muted, "per effective GPU-hour", total * factor, "USD")]
        self._fit_y(float(total.max()), dragging)


CHART_TYPES = (CapacityChart, PowerChart, UnitEconomicsChart, CostChart, CumulativeChart)
CHART_NAMES = tuple(c.name for c in CHART_TYPES)
