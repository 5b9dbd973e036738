"""Cost by component: stacked monthly bars (a short February is a shorter bar, not a glitch)."""

from __future__ import annotations

import numpy as np

from explorer.kpis import PARTS

from ..theme import COMPONENT_COLOURS, COMPONENT_LABELS
from .base import Chart, Drawn
from .items import StackedBars
from .units import USD_PER_MONTH


class CostChart(Chart):
    name = "cost"
    title = "Cost by component"

    def _build_items(self) -> None:
        self.bars = StackedBars(self.plot)

    def overlay_values(self, projection, view):
        return projection.cost_total[0]

    def _draw(self, inp) -> Drawn:
        projection = inp.projection
        parts = [projection.cost[p][0] for p in PARTS]
        total = projection.cost_total[0]
        unit = self._unit("y", float(total.max()), USD_PER_MONTH, inp.dragging)
        colours = [COMPONENT_COLOURS[p] for p in PARTS]
        x = np.arange(projection.params.term_months, dtype=float)
        self.bars.set(x, [v / unit.factor for v in parts], colours)
        self._set_left_label(unit.label)
        labels = [COMPONENT_LABELS[p] for p in PARTS]
        if projection.energy_embedded[0]:
            labels[1] = "Energy (embedded in rent)"
        self.set_title("Cost per month · " + ("owned" if inp.scenario.pricing == "own" else "rented"))
        self._readout_rows = [(c, label.split(" (")[0].split(",")[0], v / unit.factor, "")
                              for c, label, v in zip(colours, labels, parts)] + \
            [(self.theme.foreground, "total", total / unit.factor, unit.label.replace(" per month", "/mo"))]
        return Drawn([(c, label, "area") for c, label in zip(colours, labels)], float(total.max()) / unit.factor,
                     unit.factor, x)
