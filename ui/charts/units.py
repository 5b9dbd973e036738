"""Display units and nice axis values for the charts (no Qt)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from explorer import formatting as fmt
from explorer.i18n import QT_TR_NOOP, is_japanese
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


class MoneyUnits:
    """The units of a money axis in the currency and language shown (explorer.formatting.currency):
    USD billion / million / thousand; JPY trillion / billion / million; 兆円 / 億円 / 万円; 億ドル / 万ドル.
    Values are USD: a unit's factor is USD per unit (so 1億円 at 153.67 yen per dollar is USD 650,745).
    Iterates like a tuple of Units, largest first."""

    def __init__(self, per_month: bool):
        self.per_month = per_month

    def _units(self) -> tuple[Unit, ...]:
        cur = fmt.currency()
        rate = cur.factor
        if is_japanese():
            scales = ((1e12, "兆"), (1e8, "億"), (1e4, "万"), (1, ""))
            name = "円" if cur.is_yen else "ドル"
            tail = "/月" if self.per_month else ""
            return tuple(Unit(scale / rate, f"{word}{name}{tail}") for scale, word in scales)
        code = cur.code
        words = (((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1, "")) if cur.is_yen else
                 ((1e9, "billion"), (1e6, "million"), (1e3, "thousand"), (1, "")))
        tail = " per month" if self.per_month else ""
        return tuple(Unit(scale / rate, f"{code} {word}".strip() + tail) for scale, word in words)

    def __iter__(self):
        return iter(self._units())

    def __getitem__(self, i):
        return self._units()[i]

    def __len__(self) -> int:
        return 4


USD_PER_MONTH = MoneyUnits(per_month=True)  # (the names say USD: the figures are USD, shown in the currency)
USD_TOTAL = MoneyUnits(per_month=False)


def price_unit(per: str) -> Unit:
    """A price axis: 'USD / M output tokens', '円 / 100万出力トークン' (``per`` is 'tokens' or 'gpu_hour').
    The factor is USD per shown unit."""
    cur = fmt.currency()
    if is_japanese():
        name = "円" if cur.is_yen else "ドル"
        return Unit(1 / cur.factor, f"{name} / 100万出力トークン" if per == "tokens" else f"{name} / 稼働GPU時間")
    return Unit(1 / cur.factor, f"{cur.code} / M output tokens" if per == "tokens" else f"{cur.code} / busy GPU-hour")


def currency_name() -> str:
    """The shown currency as a figure's unit beside it: 'USD', 'JPY' in English; 'ドル', '円' in Japanese."""
    cur = fmt.currency()
    if is_japanese():
        return "円" if cur.is_yen else "ドル"
    return cur.code


def with_unit(number: str, unit: str) -> str:
    """A figure and its unit: '3.35 USD', '606 MW', '1.08 %'; a Japanese unit follows without a space
    ('515円', '5.84兆円/月'), and so does '%' in Japanese ('1.08%'), as Japanese writes them."""
    if not unit:
        return number
    joined = ord(unit[0]) >= 0x3000 or (unit == "%" and is_japanese())  # (0x3000 on: kana, kanji, ドル)
    return f"{number}{unit}" if joined else f"{number} {unit}"


def price_text(value_shown: float, digits: int = 3) -> str:
    """A price already in the shown currency (a value divided by ``price_unit(...).factor``), with its
    currency: 'USD 3.35', 'JPY 515', '515円', '3.35ドル'."""
    text = fmt.plain(value_shown, digits)
    if text == "–":
        return text
    return f"{text}{currency_name()}" if is_japanese() else f"{currency_name()} {text}"


FLOPS = (Unit(1e21, "ZFLOP/s"), Unit(1e18, "EFLOP/s"), Unit(1e15, "PFLOP/s"), Unit(1e12, "TFLOP/s"))
POWER = (Unit(1e3, "GW"), Unit(1, "MW"), Unit(1e-3, "kW"))
# (shown through tr(unit.label): 'TWh per year' is 'TWh/年' in Japanese; the symbols stay as they are)
ENERGY_YEAR = (Unit(1e3, QT_TR_NOOP("TWh per year")), Unit(1, QT_TR_NOOP("GWh per year")),
               Unit(1e-3, QT_TR_NOOP("MWh per year")))
ENERGY_TOTAL = (Unit(1e3, "TWh"), Unit(1, "GWh"))
