"""Sensitivity: which input moves a KPI most. A tornado: for each input with a range, the KPI with
that input at its low and at its high end, every other input at its value. All 1 + 2k scenarios are
evaluated in one batch call."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalog import Catalog, builtin_catalog
from .model import Params, evaluate
from .fields import FIELDS, UNCERTAIN_FIELDS
from .kpis import TORNADO
from .scenario import Scenario
from .uncertainty import _numeric, apply_many

TORNADO_KPIS = TORNADO  # the KPIs a tornado can show (explorer.kpis names them)


@dataclass(frozen=True)
class Bar:
    field: str
    label: str
    low_input: float | str
    high_input: float | str
    at_low: float  # the KPI with the input at its low end
    at_high: float

    @property
    def swing(self) -> float:
        return abs(self.at_high - self.at_low)


@dataclass(frozen=True)
class Tornado:
    kpi: str
    base: float
    bars: tuple[Bar, ...]  # largest swing first


def tornados(scenario: Scenario, catalog: Catalog | None = None,
             kpis: tuple[str, ...] = TORNADO_KPIS) -> dict[str, Tornado]:
    """The tornado of each of ``kpis`` from one batch of 1 + 2k scenarios (k inputs with a range)."""
    unknown = [k for k in kpis if k not in TORNADO_KPIS]
    if unknown:
        raise ValueError(f"unknown KPI '{unknown[0]}'; choose from {', '.join(TORNADO_KPIS)}")
    catalog = catalog or builtin_catalog()
    fields = [f for f in UNCERTAIN_FIELDS if f in scenario.ranges]
    params = Params.from_scenarios(scenario, catalog).repeat(1 + 2 * len(fields))
    params = apply_many(params, scenario, [
        (field, np.array([_numeric(field, v) for v in scenario.ranges[field]]), np.array([1 + 2 * i, 2 + 2 * i]))
        for i, field in enumerate(fields)])
    evaluated = evaluate(params).kpis
    out = {}
    for kpi in kpis:
        values = evaluated[kpi]
        bars = [Bar(field, FIELDS[field].label, scenario.ranges[field][0], scenario.ranges[field][1],
                    float(values[1 + 2 * i]), float(values[2 + 2 * i])) for i, field in enumerate(fields)]
        bars.sort(key=lambda b: b.swing, reverse=True)
        out[kpi] = Tornado(kpi=kpi, base=float(values[0]), bars=tuple(bars))
    return out


def tornado(scenario: Scenario, kpi: str = "cost_total_usd", catalog: Catalog | None = None) -> Tornado:
    """The tornado of one KPI."""
    return tornados(scenario, catalog, (kpi,))[kpi]
