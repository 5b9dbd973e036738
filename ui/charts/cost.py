"""Cost by component: stacked monthly bars (a short February is a shorter bar, not a glitch)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from explorer.i18n import QT_TR_NOOP, tr
from explorer.kpis import PARTS

from ..theme import COMPONENT_COLOURS, COMPONENT_LABELS, COMPONENT_SHORT
from .base import Chart, Drawn
from .items import BarStack, brush
from .units import USD_PER_MONTH


class CostChart(Chart):
    name = "cost"
    title = QT_TR_NOOP("Cost by component")

    def _build_items(self) -> None:
        self.bars = BarStack()  # the components' monthly bars, stacked, one item
        self.plot.addItem(self.bars)
        self._no_pen = pg.mkPen(None)

    def overlay_values(self, projection, view):
        return projection.cost_total[0]

    def _draw(self, inp) -> Drawn:
        projection = inp.projection
        parts = [projection.cost[p][0] for p in PARTS]
        total = projection.cost_total[0]
        unit = self._unit("y", float(total.max()), USD_PER_MONTH, inp.dragging)
        colours = [COMPONENT_COLOURS[p] for p in PARTS]
        x = np.arange(projection.params.term_months, dtype=float)
        heights = np.array(parts, dtype=float).reshape(len(parts), len(x)) / unit.factor
        bottoms = np.vstack([np.zeros((1, len(x))), np.cumsum(heights, axis=0)[:-1]])
        self.bars.set_bars(x, bottoms, heights, 0.8, [brush(c, 255) for c in colours], [self._no_pen] * len(parts))
        unit_label = tr(unit.label)
        self._set_left_label(unit_label)
        labels = [tr(COMPONENT_LABELS[p]) for p in PARTS]
        if projection.energy_embedded[0]:
            labels[1] = tr("Energy (embedded in rent)")
        owned = inp.scenario.pricing == "own"
        self.set_title(tr("Cost per month · owned") if owned else tr("Cost per month · rented"))
        # the readout names each component by its short name (the legend's up to a '(' or ',')
        self._readout_rows = [(c, tr(COMPONENT_SHORT[p]), v / unit.factor, "")
                              for c, p, v in zip(colours, PARTS, parts)] + \
            [(self.theme.foreground, tr("total"), total / unit.factor, unit_label.replace(" per month", "/mo"))]
        return Drawn([(c, label, "area") for c, label in zip(colours, labels)], float(total.max()) / unit.factor,
                     unit.factor, x)
