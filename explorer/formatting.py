"""Every number-to-text rule: compact figures, power and energy in the unit analysts quote, money,
shares, signed changes. The command line, the window, the exports and the report all format through
here (a KPI's formatting is chosen by its kind in explorer.kpis).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .i18n import QT_TR_NOOP, is_japanese, tr

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
_MULTIPLIERS = {"k": 1e3, "m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9, "t": 1e12, "万": 1e4, "億": 1e8, "兆": 1e12}


def parse_number(text: str) -> float:
    """A number as analysts type it: '1.5e6', '1.5M', '750k', '2B', '1.2 bn', '12,345', '12 345',
    '-5', '12.5%' (the per cent sign is dropped: a box in per cent reads 12.5), and Japanese figures
    '20万', '3,800億', '5.8兆', '▲5' (▲ is a minus; a trailing 円 is dropped). Raises ValueError
    with a message that quotes the text when it is not a number. 'm' is million (as in '$1.5m')."""
    import re

    global _NUMBER_RE
    if _NUMBER_RE is None:
        _NUMBER_RE = re.compile(r"^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?(k|m|mn|b|bn|t|万|億|兆)?$")
    raw = text
    s = text.strip().replace("\u2212", "-").replace("\u202f", " ").replace("\u00a0", " ").replace("_", "")
    s = s.replace("▲", "-").replace("△", "-").replace("，", ",").replace("．", ".")
    if s.endswith("円"):
        s = s[:-1].strip()
    if s.endswith("%"):
        s = s[:-1].strip()
    # thousands separators: commas or spaces between groups of three digits
    if re.fullmatch(r"[+-]?\d{1,3}([, ]\d{3})+(\.\d*)?(\s*(?:[A-Za-z]{1,2}|万|億|兆))?(e[+-]?\d+)?", s):
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


# ------------------------------------------------------------------------ Japanese conventions
# Large figures in 万 (10^4), 億 (10^8) and 兆 (10^12), as Japanese press and disclosures write them
# (5.8兆円, 3,800億円, 20万基); negatives in changes and tables with ▲, as in Japanese financial
# statements; tables in 百万円 (millions of yen) where a disclosure would use them.

_JA_SCALES = ((1e12, "兆"), (1e8, "億"), (1e4, "万"))
JA_NEGATIVE = "▲"


def ja_compact(x: float, digits: int = 3) -> str:
    """5_776_000_000_000 -> '5.78兆'; 5.8e12 -> '5.8兆'; 380_000_000_000 -> '3,800億'; 200_000 -> '20万';
    9_500 -> '9,500'.

    About ``digits`` significant digits, but never fewer than the whole units of the scale (3,800億,
    not 3.8千億: Japanese has no 千億). Negative: '-' (use ja_signed for changes)."""
    if not _finite(x):
        return "–"
    sign = "-" if x < 0 else ""
    ax = float(f"{abs(x):.{digits}g}")
    if ax >= 1e16:  # a thousand 兆 and more: stay in 兆 with separators
        return f"{sign}{ax / 1e12:,.0f}兆"
    for scale, suffix in _JA_SCALES:
        if ax >= scale:
            value = ax / scale
            if value >= 10 ** digits:  # e.g. 3,800億: whole units with separators
                return f"{sign}{value:,.0f}{suffix}"
            return sign + _strip_zeros(_sig(value, digits)) + suffix
    return sign + _sig(ax, digits)


def _strip_zeros(text: str) -> str:
    """'20.0' -> '20', '5.80' -> '5.8' (Japanese figures are written without trailing zeros)."""
    return text.rstrip("0").rstrip(".") if "." in text else text


def yen(amount_usd: float, jpy_per_usd: float, digits: int = 3) -> str:
    """A USD amount in yen: '5.78兆円', '3,800億円', '509円' (small amounts whole yen, or with decimals
    below 100円: '0.12円')."""
    if not (_finite(amount_usd) and _finite(jpy_per_usd)):
        return "–"
    jpy = amount_usd * jpy_per_usd
    if abs(jpy) >= 1e4:
        return ja_compact(jpy, digits) + "円"
    if abs(jpy) >= 100:
        return f"{jpy + 0.0:,.0f}円"
    return plain(jpy, digits) + "円"


def millions_of_yen(amount_usd: float, jpy_per_usd: float) -> str:
    """A table cell in 百万円 (the column header says 百万円): USD 38B at 152 → '5,776,000'; negatives ▲."""
    if not (_finite(amount_usd) and _finite(jpy_per_usd)):
        return "–"
    value = round(amount_usd * jpy_per_usd / 1e6)
    return f"{JA_NEGATIVE}{-value:,}" if value < 0 else f"{value:,}"


def ja_count(x: float, unit: str = "") -> str:
    """A count as Japanese text writes it: 200_000 -> '20万基' (unit '基'), 1_500 -> '1,500基',
    14_600_000 -> '1,460万基'."""
    if not _finite(x):
        return "–"
    ax = abs(x)
    sign = "-" if x < 0 else ""
    if ax >= 1e8:
        return f"{sign}{ja_compact(ax)}{unit}"
    if ax >= 1e4:
        man = ax / 1e4
        text = f"{man:,.0f}" if man >= 100 or man.is_integer() else _strip_zeros(_sig(man, 3))
        return f"{sign}{text}万{unit}"
    return f"{sign}{ax:,.0f}{unit}"


def ja_signed(value: float, unit: str = "", digits: int = 1) -> str:
    """A change as Japanese disclosures write it: '+3.1%', '▲2.0%', '0%'."""
    if not _finite(value):
        return "–"
    if value == 0 or round(abs(value), digits) == 0:
        return f"0{unit}"
    return f"{'+' if value > 0 else JA_NEGATIVE}{abs(value):.{digits}f}{unit}"


def exchange_rate_note(jpy_per_usd: float, as_of: str) -> str:
    """The rate every yen figure states once: '1ドル=152円（2025-11-04）'."""
    return f"1ドル={trimmed(jpy_per_usd, 5)}円（{as_of}）"


# ------------------------------------------------------------------------------ the currency shown
# Figures are computed in USD (every source quotes USD); the window and the exports may show them
# in yen at an exchange rate that is a stated, dated assumption. Japanese press converted the
# USD 38B deal at four different unstated rates; every yen figure here says its rate once.

DEFAULT_JPY_PER_USD = 153.67
DEFAULT_RATE_DATE = "2025-11-04"
DEFAULT_RATE_SOURCE = QT_TR_NOOP("New York close on 4 November 2025, the day after the OpenAI–AWS announcement: "
                                 "1ドル=153円67銭前後 (MINKABU PRESS, 2025-11-05, "
                                 "https://news.livedoor.com/topics/detail/29921653/)")
CURRENCIES = ("USD", "JPY")


@dataclass(frozen=True)
class Currency:
    code: str = "USD"  # what figures are shown in: "USD" or "JPY"
    jpy_per_usd: float = DEFAULT_JPY_PER_USD
    as_of: str = DEFAULT_RATE_DATE
    source: str = DEFAULT_RATE_SOURCE
    millions_in_tables: bool = False  # tables in 百万円 (or USD million), as disclosures write them

    def __post_init__(self):
        if self.code not in CURRENCIES:
            raise ValueError(f"currency must be one of {', '.join(CURRENCIES)}, not {self.code!r}")
        if not (math.isfinite(self.jpy_per_usd) and 1 <= self.jpy_per_usd <= 10_000):
            raise ValueError(f"an exchange rate of {self.jpy_per_usd!r} yen per dollar is outside 1 to 10,000")

    @property
    def is_yen(self) -> bool:
        return self.code == "JPY"

    @property
    def factor(self) -> float:
        """Units of the shown currency per USD."""
        return self.jpy_per_usd if self.is_yen else 1.0

    @property
    def shown_source(self) -> str:
        """The rate's source as shown: the built-in one in the language shown, one's own as typed."""
        return tr(DEFAULT_RATE_SOURCE) if self.source == DEFAULT_RATE_SOURCE else self.source

    def rate_note(self) -> str:
        """What a figure set in yen says once: '1ドル=153.67円（2025-11-04）' ('' in USD)."""
        if not self.is_yen:
            return ""
        if _ja():
            return exchange_rate_note(self.jpy_per_usd, self.as_of)
        return f"USD 1 = JPY {trimmed(self.jpy_per_usd, 5)} ({self.as_of})"


_currency = Currency()


def currency() -> Currency:
    return _currency


def set_currency(value: Currency) -> None:
    global _currency
    _currency = value


def _ja() -> bool:
    return is_japanese()


def money(amount_usd: float, digits: int = 3) -> str:
    """An amount in the shown currency and the language's style: 'USD 38.0B' / 'JPY 5.84T' in English,
    '380億ドル' / '5.84兆円' in Japanese; prices 'USD 3.35' / '3.35ドル' / '515円'."""
    if not _finite(amount_usd):
        return "–"
    cur = _currency
    if _ja():
        if cur.is_yen:
            return yen(amount_usd, cur.jpy_per_usd, digits)
        return (ja_compact(amount_usd, digits) if abs(amount_usd) >= 1e4 else plain(amount_usd, digits)) + "ドル"
    if cur.is_yen:
        value = amount_usd * cur.jpy_per_usd
        return f"JPY {compact(value, digits) if abs(value) >= 1e3 else plain(value, digits)}"
    return usd(amount_usd, digits)


def money_bare(amount_usd: float, digits: int = 3) -> str:
    """The figure of ``money`` without the currency, for a range beside it: '37.4B', '5.7兆', '374億'."""
    if not _finite(amount_usd):
        return "–"
    value = amount_usd * _currency.factor
    if _ja():
        return ja_compact(value, digits) if abs(value) >= 1e4 else plain(value, digits)
    return compact(value, digits) if abs(value) >= 1e3 else plain(value, digits)


def money_unit() -> str:
    """The currency as a table's unit column writes it: 'USD', 'JPY', 'ドル', '円' (百万円 / USD million
    with ``millions_in_tables``)."""
    cur = _currency
    if cur.millions_in_tables:
        return ("百万円" if cur.is_yen else "百万ドル") if _ja() else ("JPY million" if cur.is_yen else "USD million")
    if _ja():
        return "円" if cur.is_yen else "ドル"
    return cur.code


def money_cell(amount_usd: float) -> float:
    """An amount as a data table's cell holds it: in the shown currency, in millions with
    ``millions_in_tables`` (rounded to whole millions, as disclosures do)."""
    if not _finite(amount_usd):
        return amount_usd
    value = amount_usd * _currency.factor
    return float(round(value / 1e6)) if _currency.millions_in_tables else value


def count_shown(x: float, digits: int = 3) -> str:
    """A count: '200k' in English, '20万' in Japanese."""
    return ja_count(x) if _ja() and abs(x) >= 1e4 and abs(x) < 1e8 else (
        ja_compact(x, digits) if _ja() else compact(x, digits))


def change(value: float, unit: str = "", digits: int = 1) -> str:
    """A signed change: '+3.1%' / '−2.0%' in English, '+3.1%' / '▲2.0%' in Japanese."""
    return ja_signed(value, unit, digits) if _ja() else signed(value, unit, digits)
