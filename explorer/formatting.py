"""Every number-to-text rule: compact figures, power and energy in the unit analysts quote, money,
shares, signed changes. The command line, the window, the exports and the report all format through
here (a KPI's formatting is chosen by its kind in explorer.kpis).
"""

from __future__ import annotations

import math

_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k"))
MINUS = "−"  # a true minus sign in changes (the figures themselves keep '-')


def _finite(x) -> bool:
    return x is not None and math.isfinite(x)


def compact(x: float, digits: int = 3) -> str:
    """38_700_000_000 -> '38.7B'; 272.6 -> '273'; 0.1663 -> '0.166' (about ``digits`` significant);
    scientific beyond a thousand trillion."""
    if not _finite(x):
        return "–"
    sign = "-" if x < 0 else ""
    ax = float(f"{abs(x):.{digits}g}")  # round first so 999.96 becomes 1.00k, not 1,000
    if ax >= 1e15:
        return f"{sign}{ax:.{digits - 1}e}"
    for scale, suffix in _SCALES:
        if ax >= scale:
            return sign + _sig(ax / scale, digits) + suffix
    return sign + _sig(ax, digits)


def _sig(x: float, digits: int) -> str:
    if x == 0:
        return "0"
    decimals = max(0, digits - 1 - int(math.floor(math.log10(x))))
    return f"{x:,.{decimals}f}"


def plain(x: float, digits: int = 4) -> str:
    """About ``digits`` significant digits with thousands separators and no suffix: 272.6, 15,437, 0.166;
    scientific beyond a trillion (2.33e+17)."""
    if not _finite(x):
        return "–"
    if abs(x) >= 1e12:
        return f"{x:.{digits - 1}e}"
    ax = abs(x)
    if ax == 0:
        return "0"
    decimals = max(0, digits - 1 - int(math.floor(math.log10(ax))))
    return f"{x + 0.0:,.{decimals}f}"


def trimmed(x: float, digits: int = 4) -> str:
    """``plain`` without trailing zeros: 84 -> '84', 1.35 -> '1.35', 0.0806 -> '0.0806'."""
    text = plain(x, digits)
    if "." in text and "e" not in text:
        text = text.rstrip("0").rstrip(".")
    return text


def usd(x: float, digits: int = 3) -> str:
    """USD 45.5B for large amounts, USD 3.35 for prices."""
    if not _finite(x):
        return "–"
    return f"USD {compact(x, digits) if abs(x) >= 1e3 else plain(x, digits)}"


def count(x: float) -> str:
    return "–" if not _finite(x) else f"{x + 0.0:,.0f}"


def percent(x: float, digits: int = 1) -> str:
    return "–" if not _finite(x) else f"{x * 100 + 0.0:.{digits}f}%"


def signed_percent(x: float, digits: int = 1) -> str:
    return "–" if not _finite(x) else f"{x * 100 + 0.0:+.{digits}f}%"


def signed(value: float, unit: str = "", digits: int = 1) -> str:
    """+3.1% / −2.0% (a true minus sign), 0 without a sign."""
    if value == 0:
        return f"0{unit}"
    return f"{'+' if value > 0 else MINUS}{abs(value):.{digits}f}{unit}"


def number(x: float, unit: str = "", digits: int = 3) -> str:
    text = compact(x, digits)
    return f"{text} {unit}".strip() if text != "–" else text


def power(mw: float, digits: int = 3) -> str:
    """Power in the unit analysts quote it in: '136 kW', '606 MW', '4.50 GW'."""
    if not _finite(mw):
        return "–"
    if abs(mw) >= 1000:
        return f"{'-' if mw < 0 else ''}{_sig(abs(mw) / 1000, digits)} GW"
    if abs(mw) >= 1 or mw == 0:
        return f"{plain(mw, digits)} MW"
    return f"{plain(mw * 1000, digits)} kW"


def energy(gwh: float, digits: int = 3) -> str:
    """'850 GWh', '19.2 TWh'."""
    if not _finite(gwh):
        return "–"
    if abs(gwh) >= 1000:
        return f"{_sig(abs(gwh) / 1000, digits)} TWh"
    return f"{plain(gwh, digits)} GWh"


def flops(eflops: float, digits: int = 3) -> str:
    """'500 EFLOP/s', '18.4 ZFLOP/s', '950 PFLOP/s'."""
    if not _finite(eflops):
        return "–"
    if abs(eflops) >= 1000:
        return f"{_sig(abs(eflops) / 1000, digits)} ZFLOP/s"
    if abs(eflops) >= 1 or eflops == 0:
        return f"{plain(eflops, digits)} EFLOP/s"
    return f"{plain(eflops * 1000, digits)} PFLOP/s"


_NUMBER_RE = None
_MULTIPLIERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12}


def parse_number(text: str) -> float:
    """A number as analysts type it: '1.5e6', '1.5M', '750k', '2B', '1.2 bn', '12,345', '12 345',
    '-5', '12.5%' (the per cent sign is dropped: a box in per cent reads 12.5). Raises ValueError
    with a message that quotes the text when it is not a number. 'm' is million (as in '$1.5m')."""
    import re

    global _NUMBER_RE
    if _NUMBER_RE is None:
        _NUMBER_RE = re.compile(r"^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?(k|m|mn|b|bn|t)?$")
    raw = text
    s = text.strip().replace("\u2212", "-").replace("\u202f", " ").replace("\u00a0", " ").replace("_", "")
    if s.endswith("%"):
        s = s[:-1].strip()
    # thousands separators: commas or spaces between groups of three digits
    if re.fullmatch(r"[+-]?\d{1,3}([, ]\d{3})+(\.\d*)?(\s*[A-Za-z]{1,2})?(e[+-]?\d+)?", s):
        s = re.sub(r"(?<=\d)[, ](?=\d{3})", "", s)
    s = s.replace(" ", "").lower()
    m = _NUMBER_RE.match(s)
    if not m:
        raise ValueError(f"'{raw.strip()}' is not a number")
    sign, digits, exponent, suffix = m.groups()
    value = float(digits) * (10.0 ** int(exponent) if exponent else 1.0) * (_MULTIPLIERS[suffix] if suffix else 1.0)
    if not math.isfinite(value):
        raise ValueError(f"'{raw.strip()}' is too large")
    return -value if sign == "-" else value
