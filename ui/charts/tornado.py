"""Sensitivity (tornado): the KPI with each input at the low and the high end of its range. The
tornado itself is computed by the analyses and arrives in the chart's input."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from explorer import formatting as fmt
from explorer.formatting import plain
from explorer.i18n import QT_TR_NOOP, tr
from explorer.kpis import KPIS, TORNADO

from ..theme import COMPONENT_COLOURS
from .base import Chart, Drawn, show_choice
from .items import Bars, set_bars
from .units import ENERGY_TOTAL, POWER, USD_TOTAL, Unit, currency_name, pick_unit, with_unit

_UNITS = {"usd": USD_TOTAL, "power": POWER, "energy": ENERGY_TOTAL}


def _units(kpi) -> tuple[Unit, ...]:
    """The units a KPI's values may be shown in: money in the currency shown (a price in whole
    currency units: 'USD', 'JPY', '円', 'ドル'), power and energy in the unit that suits them."""
    if kpi.kind == "price":
        return (Unit(1 / fmt.currency().factor, currency_name()),)
    return _UNITS.get(kpi.kind, (Unit(1, kpi.unit),))


class TornadoChart(Chart):
    name = "tornado"
    title = QT_TR_NOOP("Sensitivity (tornado)")
    time_axis = False
    draws_projection = False  # its data is the tornado (the analyses), not the projection
    draws_tornado = True

    def _add_options(self) -> None:
        self.kpi = self._option_combo("KPI", [(tr(KPIS[k].label), k) for k in TORNADO], tr("Tornado KPI"),
                                      tr("The figure whose swing each input's range causes"), "tornado_kpi")

    def _build_items(self) -> None:
        self.low_bars = Bars(x0=[], y=[], width=[], height=0.6, pen=pg.mkPen(None))
        self.high_bars = Bars(x0=[], y=[], width=[], height=0.6, pen=pg.mkPen(None))
        self.plot.addItem(self.low_bars)
        self.plot.addItem(self.high_bars)
        self.base_line = pg.InfiniteLine(angle=90, movable=False)
        self.plot.addItem(self.base_line, ignoreBounds=True)
        self.message = pg.TextItem(anchor=(0.5, 0.5))
        self.plot.addItem(self.message, ignoreBounds=True)
        self.plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.result = None
        self._shown_bars: list = []
        self._display_unit = Unit(1, "")
        self._ticks = None
        self._x_range = None
        self._y_rows = None
        self._room = None
        self.plot.vb.sigResized.connect(self._plot_resized)

    def _sync_options(self, view) -> None:
        super()._sync_options(view)
        show_choice(self.kpi, view.tornado_kpi)

    def _restyle_items(self) -> None:
        t = self.theme
        self.base_line.setPen(self._pen(t.foreground, 1.6, Qt.PenStyle.DashLine))
        self.message.setColor(QColor(t.muted))
        self._ticks = None

    def _draw(self, inp) -> Drawn:
        key = inp.view.tornado_kpi
        kpi = KPIS[key]
        t = self.theme
        low_colour, high_colour = COMPONENT_COLOURS["compute"], COMPONENT_COLOURS["energy"]
        self.set_title(tr("Sensitivity · {kpi}").format(kpi=tr(kpi.short)))
        self.result = result = inp.tornados.get(key) if inp.tornados else None
        if result is None or not result.bars:
            return self._empty(tr("No uncertainty ranges that move this figure: add ranges under "
                                  "Assumptions ▸ Uncertainty"), low_colour, high_colour)
        scale_ref = max(abs(result.base), 1e-300)
        bars = [b for b in result.bars if b.swing > 1e-9 * scale_ref]  # inputs that move this KPI
        without_effect = len(result.bars) - len(bars)
        room = self._room = self.rows_that_fit()
        smaller = max(len(bars) - room, 0)
        bars = bars[:room]  # the largest swings; the names never overlap
        self._shown_bars = bars
        n = len(bars)
        biggest = max([abs(result.base)] + [max(abs(b.at_low), abs(b.at_high)) for b in bars])
        unit = self._display_unit = pick_unit(biggest, _units(kpi))
        # The axis shows the change from the base value in percent: it stays put while a slider moves
        # the whole figure (a fleet twice as large doubles every bar, not the swings in percent), and
        # the swings of different KPIs compare directly. The readout gives the values themselves.
        relative = result.base != 0 and math.isfinite(result.base)
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
        set_bars(self.low_bars, x0=np.minimum(lows, base), width=np.abs(lows - base), y=y, height=np.full(n, 0.62),
                 brush=low_colour)
        set_bars(self.high_bars, x0=np.minimum(highs, base), width=np.abs(highs - base), y=y,
                 height=np.full(n, 0.62), brush=high_colour)
        if self.base_line.value() != base:
            self.base_line.setPos(base)
        self.base_line.setVisible(True)
        self._set_row_labels([tr(b.label) for b in bars], y)
        if relative:
            self._set_axis_label("bottom", tr("change from base, %"), tr("change, %"))
        else:
            self._set_axis_label("bottom", tr(unit.label) or kpi.unit)
        # The base value of the tornado shown (the tornado follows a drag with the bands, so the
        # legend changes only when they arrive, not on every step).
        base_text = tr("base, every input at its value: {value}").format(value=kpi.format(result.base))
        entries = [(low_colour, tr("input at its low end"), "area"),
                   (high_colour, tr("input at its high end"), "area"), (t.foreground, base_text, "dash")]
        if smaller:
            entries.append((t.muted, (tr("{count} smaller swings not shown (no room)") if smaller > 1 else
                                      tr("{count} smaller swing not shown (no room)")).format(count=smaller), "bar"))
        if without_effect:
            entries.append((t.muted, (tr("{count} inputs without effect not shown") if without_effect > 1 else
                                      tr("{count} input without effect not shown")).format(count=without_effect),
                            "bar"))
        if n == 0:
            return self._empty(tr("No input range moves this figure"), low_colour, high_colour, entries)
        self.message.setVisible(False)
        lo = float(min(lows.min(), highs.min(), base))
        hi = float(max(lows.max(), highs.max(), base))
        pad = (hi - lo) * 0.06 or abs(base) * 0.05 or 1.0
        want = (lo - pad, hi + pad)
        if relative and (want[1] - want[0]) < 2.0:
            want = (min(want[0], -1.0), max(want[1], 1.0))  # at least ±1%
        held = self._x_range
        if (inp.dragging or inp.hold_axes) and held is not None and held[0] <= want[0] and want[1] <= held[1] \
                and (want[1] - want[0]) >= 0.6 * (held[1] - held[0]):
            pass  # still fits: keep the axis (re-drawing its labels is the costly part of an update)
        else:
            if inp.dragging:  # leave room to move in, so the next updates of the drag fit
                extra = (want[1] - want[0]) * 0.15
                want = (want[0] - extra, want[1] + extra)
            self._x_range = want
            self.plot.setXRange(*want, padding=0)
        if self._y_rows != n:
            self._y_rows = n
            self.plot.setYRange(-0.6, n - 0.4, padding=0)
        self._readout_rows = []
        return Drawn(entries)

    def rows_that_fit(self) -> int:
        """How many bars fit the plot's height with their names legible (at least one)."""
        font = QFont()
        font.setPointSizeF(8.5 * self.scale * self.theme.font_scale)
        row = QFontMetricsF(font).height() * 1.15
        height = self.plot.vb.height() if self.plot.vb.height() > 0 else self.view.height() * 0.6
        return max(1, int(height // row))

    def _plot_resized(self) -> None:
        if self.input is not None and self.rows_that_fit() != self._room:  # another number of rows fits
            self._drawn = self._draw(self.input)
            self._finish(self.input)

    def _empty(self, message: str, low_colour: str, high_colour: str, entries=None) -> Drawn:
        self._shown_bars = []
        for bars in (self.low_bars, self.high_bars):
            set_bars(bars, x0=np.zeros(0), width=np.zeros(0), y=np.zeros(0), height=np.zeros(0), brush=low_colour)
        self.base_line.setVisible(False)
        self._set_row_labels([], np.zeros(0))
        self.message.setText(message)
        self.message.setPos(0.5, 0.5)
        self.message.setVisible(True)
        self._x_range, self._y_rows = (0.0, 1.0), None
        self.plot.setXRange(0, 1, padding=0)
        self.plot.setYRange(0, 1, padding=0)
        self._readout_rows = []
        return Drawn(entries if entries is not None else
                     [(low_colour, tr("input at its low end"), "area"),
                      (high_colour, tr("input at its high end"), "area")])

    def _set_row_labels(self, labels: list[str], y: np.ndarray) -> None:
        ticks = ([(float(yy), label) for yy, label in zip(y, labels)], self.scale, self.theme.font_scale)
        if self._ticks != ticks:  # new labels: re-measure the axis (a relayout)
            left = self.plot.getAxis("left")
            left.setTicks([ticks[0], []])
            font = QFont()
            font.setPointSizeF(8.5 * self.scale * self.theme.font_scale)
            widest = max([QFontMetricsF(font).horizontalAdvance(label) for label in labels] + [40.0])
            left.setWidth(int(widest + 16 * self.scale))  # room for every input's name
            self._ticks = ticks

    def _on_mouse(self, event) -> None:
        pos = event[0]
        if not self._shown_bars or not self.plot.vb.sceneBoundingRect().contains(pos):
            self.hide_readout()
            return
        y = self.plot.vb.mapSceneToView(pos).y()
        n = len(self._shown_bars)
        self.show_readout(n - 1 - int(min(max(round(y), 0), n - 1)))

    def show_readout(self, index: int) -> str:
        """The index-th bar's inputs and the KPI at them."""
        bar = self._shown_bars[index]
        f = self._display_unit.factor
        lo = bar.low_input if isinstance(bar.low_input, str) else plain(bar.low_input, 3)
        hi = bar.high_input if isinstance(bar.high_input, str) else plain(bar.high_input, 3)
        unit = tr(self._display_unit.label) if self._display_unit.label else ""
        return self._set_readout([(None, tr(bar.label), True),
                                  (None, f"{lo} → {with_unit(plain(bar.at_low / f, 4), unit)}", False),
                                  (None, f"{hi} → {with_unit(plain(bar.at_high / f, 4), unit)}", False)])

    def shown_labels(self) -> list[str]:
        """The inputs drawn, top to bottom."""
        return [b.label for b in self._shown_bars]

    def series(self) -> dict[str, np.ndarray]:
        if self.result is None:
            return {}
        return {"at low": np.array([b.at_low for b in self.result.bars]),
                "at high": np.array([b.at_high for b in self.result.bars])}
