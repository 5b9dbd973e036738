"""Unit economics over the term: cost per million output tokens by component (right axis: the same
curve as the cost per busy GPU-hour)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from explorer.i18n import QT_TR_NOOP, tr
from explorer.kpis import PARTS, serving_conditions

from ..theme import COMPONENT_COLOURS, COMPONENT_LABELS
from .base import Chart, Drawn
from .items import Layers, stacked
from .units import currency_name, price_unit


class UnitEconomicsChart(Chart):
    name = "unit-economics"
    title = QT_TR_NOOP("Unit economics")
    switchable = True
    explanation = QT_TR_NOOP(
        "Cost per million output tokens over the term, by component: the serving hours' share of the "
        "fleet's cost over the tokens they serve. The right axis reads the same curve as the cost "
        "per busy GPU-hour.")

    def _build_items(self) -> None:
        self.areas = Layers()
        self.plot.addItem(self.areas)
        self.plot.showAxis("right")
        self.plot.getAxis("right").enableAutoSIPrefix(False)
        self.message = pg.TextItem(anchor=(0.5, 0.5))
        self.plot.addItem(self.message, ignoreBounds=True)
        self.message.setVisible(False)

    def overlay_values(self, projection, view):
        return projection.cost_per_million_tokens[0]

    def _restyle_items(self) -> None:
        self.message.setColor(QColor(self.theme.muted))

    def _draw(self, inp) -> Drawn:
        projection, scenario = inp.projection, inp.scenario
        tokens = projection.tokens[0]
        share = float(projection.params.serving_share[0])
        served = tokens.sum() > 0
        # The costs are USD; both axes are in the currency shown (a unit's factor is USD per shown unit).
        per_token, per_hour = price_unit("tokens"), price_unit("gpu_hour")
        with np.errstate(all="ignore"):
            per_m = [np.where(tokens > 0, projection.cost[p][0] * share / tokens * 1e6, 0.0) / per_token.factor
                     for p in PARTS]
        total = np.nan_to_num(projection.cost_per_million_tokens[0]) / per_token.factor
        # The price per effective GPU-hour is the same curve on another scale: tokens per busy serving
        # GPU-hour are constant over the term for a scenario.
        busy = float(projection.effective_gpu_hours[0].sum())
        factor = float(tokens.sum() / (share * busy * 1e6)) if served else 1.0
        factor *= per_token.factor / per_hour.factor  # (1 while both are in the same currency)
        colours = [COMPONENT_COLOURS[p] for p in PARTS]
        x = np.arange(projection.params.term_months, dtype=float)
        labels = [tr(COMPONENT_LABELS[p]) for p in PARTS]
        width = 0.8 * self.scale * self.theme.line_scale
        self.areas.set_layers(x, *stacked(x, per_m, labels, colours, width, self._background),
                              style=(tuple(colours), width, self._background))
        right = self.plot.getAxis("right")
        if abs(right.scale - factor) > 1e-12 * factor:  # setScale re-lays out the axis: only on change
            right.setScale(factor)
        self._set_left_label(per_token.label)  # (their short forms: base.short_label)
        self._set_axis_label("right", per_hour.label)
        self.set_title(tr("Unit economics · {conditions}").format(conditions=serving_conditions(scenario)))
        self.message.setVisible(not served)
        if not served:
            self.message.setText(tr("No serving: the serving share is 0, or the model does not fit these chips"))
            self.message.setPos(max(len(x) - 1, 1) / 2, 0.5)
        money = currency_name()
        self._readout_rows = [(self.theme.foreground, tr("per M output tokens"), total, money),
                              (self.theme.muted, tr("per busy GPU-hour"), total * factor, money)]
        return Drawn([(c, label, "area") for c, label in zip(colours, labels)], float(total.max()), per_token.factor,
                     x)
