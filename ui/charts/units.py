"""Display units and nice axis values for the charts (no Qt)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer.months import MONTH_NAMES, month_label as _label  # noqa: F401  (MONTH_NAMES for the axes)


def month_label(start_index: int, m: int) -> str:
    """The label of month ``m`` of a term starting at month index ``start_index``."""
    return _label(start_index + m)


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
ENERGY_TOTAL = (Unit(1e3, "TWh"), Unit(1, "GWh"))
