"""The charts: one file per chart, one entry point (``Chart.set_input(ChartInput)``), the drawing
pipeline written once (base.py), the performance devices in items.py and the units in units.py."""

from __future__ import annotations

from explorer.errors import OutputError
from explorer.i18n import tr

from .base import Chart, Drawn
from .capacity import CapacityChart
from .cost import CostChart
from .cumulative import CumulativeChart
from .power import PowerChart
from .serving import ServingChart
from .tornado import TornadoChart
from .unit_economics import UnitEconomicsChart

CHART_TYPES = (CapacityChart, PowerChart, UnitEconomicsChart, ServingChart, CostChart, CumulativeChart,
               TornadoChart)
CHART_NAMES = tuple(c.name for c in CHART_TYPES)


def chart_class(name: str) -> type[Chart]:
    for cls in CHART_TYPES:
        if cls.name == name:
            return cls
    raise OutputError(tr("unknown chart '{name}'; charts: {charts}").format(name=name, charts=", ".join(CHART_NAMES)))


__all__ = ["CHART_NAMES", "CHART_TYPES", "Chart", "Drawn", "chart_class"]
