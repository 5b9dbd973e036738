"""Cost per token against speed: one curve per chip of the fleet, from the serving roofline (the
trade-off an inference engineer reads). The scenario's speed is marked."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from explorer.formatting import plain
from explorer.i18n import QT_TR_NOOP, tr
from explorer.kpis import serving_conditions

from ..theme import chip_colour
from .base import Chart, Drawn, shown_chips
from .items import Dots, Layers, brush, cached_pen
from .units import price_text, price_unit


class ServingChart(Chart):
    name = "serving"
    title = QT_TR_NOOP("Cost per token vs speed")
    time_axis = False
    log_axes = True
    switchable = True
    explanation = QT_TR_NOOP(
        "Each chip's cost per million output tokens against the speed each user sees (tokens per "
        "second per user), from the serving roofline: faster answers mean smaller batches, so fewer "
        "tokens per accelerator and a higher cost per token. Both axes are logarithmic; the dots mark "
        "the scenario's speed, the ring the fleet's figure.")
    POINTS = 40

    def _build_items(self) -> None:
        for side in ("left", "bottom"):
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.curves = Layers(z=10)
        self.plot.addItem(self.curves)
        self.dots = Dots()  # each chip at the scenario's speed, and a ring for the fleet
        self.plot.addItem(self.dots)
        self.fleet_point = (math.nan, math.nan)
        self.message = pg.TextItem(anchor=(0.5, 0.5))
        self.plot.addItem(self.message, ignoreBounds=True)
        self.message.setVisible(False)
        self._curve_data: list[tuple[str, str, np.ndarray]] = []
        self._u = np.zeros(0)
        self._grid_key = None
        self._tps = None
        self._range = None
        self._x = None

    def _restyle_items(self) -> None:
        self.message.setColor(QColor(self.theme.muted))

    def _draw(self, inp) -> Drawn:
        projection, scenario, dragging = inp.projection, inp.scenario, inp.dragging
        t = self.theme
        chips, idx = shown_chips(scenario, projection)
        target = scenario.tokens_per_second_per_user
        lo, hi = max(1.0, min(5.0, target / 4)), min(2000.0, max(400.0, target * 4))
        if self._grid_key != (lo, hi):
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
        if self._tps is None or self._tps[0] != key:
            self._tps = (key, projection.serving_tokens_per_second(u[None, None, :])[0])  # (C, K)
        tps = self._tps[1]
        at_target = projection.tokens_per_second_by_chip[0]
        x = np.log10(u)
        unit = price_unit("tokens")  # the costs are USD; the axis is in the currency shown
        with np.errstate(all="ignore"):
            cost = np.where(tps[idx] > 0, per_hour[idx][:, None] / (tps[idx] * 3600.0) * 1e6, np.nan)  # (C', K)
            here = np.where(at_target[idx] > 0, per_hour[idx] / (at_target[idx] * 3600.0) * 1e6, np.nan)
            cost, here = cost / unit.factor, here / unit.factor
            log_cost, log_here = np.log10(cost), np.log10(here)
        colours = [chip_colour(c, projection.catalog.position(c)) for c in chips]  # as the chip-mix bar
        self._curve_data = list(zip(colours, chips, cost))
        self.curves.set_layers(x, [], [(chip, log_cost[k], self._pen(colours[k], 2.2)) for k, chip in enumerate(chips)],
                               style=(tuple(colours), t.name, self.scale, t.line_scale))
        fleet_cost = projection.summary()["cost_per_million_tokens_usd"]
        x_here = math.log10(target)
        self.fleet_point = (x_here, math.log10(fleet_cost / unit.factor) if fleet_cost else math.nan)
        dot_pen = cached_pen(t.background, 1.0)
        self.dots.set_dots([(x_here, float(y), 4.0 * self.scale, brush(c, 255), dot_pen)
                            for c, y in zip(colours, log_here)]
                           + [(*self.fleet_point, 7.5 * self.scale, None, cached_pen(t.foreground, 2.0 * self.scale))])
        finite = log_cost[np.isfinite(log_cost)]
        self.message.setVisible(finite.size == 0)
        if finite.size == 0:
            self.message.setText(tr("No chip of the fleet can serve this model at these speeds"))
            self.message.setPos(math.log10(target), 0.0)
        else:
            want = (math.floor(float(finite.min()) * 2) / 2, math.ceil(float(finite.max()) * 2) / 2)
            held = self._range
            fits = held is not None and held[0] <= want[0] and want[1] <= held[1]
            steady = inp.hold_axes and fits and (want[1] - want[0]) >= 0.5 * (held[1] - held[0])
            if not ((dragging and fits) or steady):
                self._range = want if not dragging else (want[0] - 0.5, want[1] + 0.5)
                self.plot.setYRange(*self._range, padding=0)
        if self._x != (lo, hi):
            self._x = (lo, hi)
            self.plot.setXRange(math.log10(lo), math.log10(hi), padding=0.02)
        self._set_left_label(unit.label)  # (its short form: base.short_label)
        self._set_axis_label("bottom", tr("output tokens/s per user"), tr("tok/s per user"))
        model = serving_conditions(scenario).split(", ")[0]
        self.set_title(tr("Cost per token vs speed · {model}").format(model=model))
        self._readout_rows = []
        return Drawn([(c, chip, "line") for c, chip, _ in self._curve_data]
                     + [(t.foreground, tr("the fleet at its speed (ring)"), "area")])

    def _on_mouse(self, event) -> None:
        pos = event[0]
        if not self._curve_data or not self.plot.vb.sceneBoundingRect().contains(pos):
            self.hide_readout()
            return
        x = self.plot.vb.mapSceneToView(pos).x()
        self.show_readout(int(np.argmin(np.abs(np.log10(self._u) - x))))

    def show_readout(self, k: int) -> str:
        """The cost of every chip at the k-th speed of the curve."""
        parts = [(None, tr("{speed} tok/s per user").format(speed=plain(float(self._u[k]), 3)), True)]
        for colour, chip, cost in self._curve_data:
            value = "–" if not np.isfinite(cost[k]) else price_text(float(cost[k]))
            parts.append((colour, f"{chip} {value}", False))
        return self._set_readout(parts)

    def series(self) -> dict[str, np.ndarray]:
        """Each chip's cost per million output tokens, in the currency shown (``price_unit("tokens")``)."""
        return {chip: cost for _, chip, cost in self._curve_data}
