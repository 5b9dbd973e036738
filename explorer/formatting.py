"""Human-readable numbers for tables, KPI cards and chart labels (shared by the command line and ui)."""

from __future__ import annotations

import math

_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))


def compact(x: float, digits: int = 3) -> str:
    """38_700_000_000 -> '38.7B'; 272.6 -> '273'; 0.1663 -> '0.166' (about ``digits`` significant)."""
    if x is None or not math.isfinite(x):
        return "–"
    sign = "-" if x < 0 else ""
    ax = float(f"{abs(x):.{digits}g}")  # round first so 999.96 becomes 1.00k, not 1,000
    for scale, suffix in _SCALES:
        if ax >= scale:
            return sign + _sig(ax / scale, digits) + suffix
    return sign + _sig(ax, digits)


def _sig(x: float, digits: int) -> str:
    if x == 0:
        return "0"
    decimals = max(0, digits - 1 - int(math.floor(math.log10(x))))
    text = f"{x:,.{decimals}f}"
    return text


def plain(x: float, digits: int = 4) -> str:
    """About ``digits`` significant digits with thousands separators and no suffix: 272.6, 15,437, 0.166;
    scientific beyond a trillion (2.33e+17)."""
    if x is None or not math.isfinite(x):
        return "–"
    if abs(x) >= 1e12:
        return f"{x:.{digits - 1}e}"
    ax = abs(x)
    if ax == 0:
        return "0"
    decimals = max(0, digits - 1 - int(math.floor(math.log10(ax))))
    return f"{x:,.{decimals}f}"


def usd(x: float, digits: int = 3) -> str:
    return "–" if x is None or not math.isfinite(x) else f"USD {compact(x, digits)}"


def count(x: float) -> str:
    return "–" if x is None or not math.isfinite(x) else f"{x:,.0f}"


def percent(x: float, digits: int = 1) -> str:
    return "–" if x is None or not math.isfinite(x) else f"{x * 100:.{digits}f}%"


def signed_percent(x: float, digits: int = 1) -> str:
    return "–" if x is None or not math.isfinite(x) else f"{x * 100:+.{digits}f}%"


def number(x: float, unit: str = "", digits: int = 3) -> str:
    text = compact(x, digits)
    return f"{text} {unit}".strip() if text != "–" else text


def power(mw: float, digits: int = 3) -> str:
    """Power in the unit analysts quote it in: '136 kW', '606 MW', '4.50 GW'."""
    if mw is None or not math.isfinite(mw):
        return "–"
    if abs(mw) >= 1000:
        return f"{_sig(abs(mw) / 1000, digits)} GW" if mw >= 0 else f"-{_sig(-mw / 1000, digits)} GW"
    if abs(mw) >= 1 or mw == 0:
        return f"{plain(mw, digits)} MW"
    return f"{plain(mw * 1000, digits)} kW"
