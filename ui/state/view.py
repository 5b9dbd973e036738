"""The view options: the choices about how the scenario is shown (not part of the scenario file)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from explorer.catalog import PRECISIONS
from explorer.i18n import QT_TR_NOOP
from explorer.kpis import TORNADO

# The values are the option's (saved with the view settings: never translated); a combo shows
# them through tr().
MEASURES = (QT_TR_NOOP("Peak"), QT_TR_NOOP("Effective"))
# The unit-economics slot shows one of two charts: the cost per token over the term, or against the
# speed each user sees.
ECONOMICS_VIEWS = {QT_TR_NOOP("Over time"): "unit-economics", QT_TR_NOOP("vs speed"): "serving"}


@dataclass(frozen=True)
class ViewOptions:
    show_bands: bool = True  # P10-P90 bands and KPI ranges
    precision: str = "bf16"  # the capacity chart's FLOP/s, and its bands
    measure: str = "Peak"  # Peak: installed FLOP/s; Effective: × utilisation × MFU
    tornado_kpi: str = "cost_total_usd"
    economics_view: str = "vs speed"
    fiscal_years: bool = False  # yearly figures by Japanese fiscal year (年度, April-March), not calendar year

    def __post_init__(self):
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision '{self.precision}'")
        if self.measure not in MEASURES:
            raise ValueError(f"unknown measure '{self.measure}'")
        if self.tornado_kpi not in TORNADO:
            raise ValueError(f"unknown tornado KPI '{self.tornado_kpi}'")
        if self.economics_view not in ECONOMICS_VIEWS:
            raise ValueError(f"unknown view '{self.economics_view}'")

    def replace(self, **changes) -> "ViewOptions":
        return replace(self, **changes)

    @property
    def effective(self) -> bool:
        return self.measure == "Effective"

    @property
    def economics_chart(self) -> str:
        """The chart shown in the unit-economics slot."""
        return ECONOMICS_VIEWS[self.economics_view]

    def changes_analyses(self, other: "ViewOptions") -> bool:
        """True when going from ``other`` to these options changes what the bands measure."""
        return (self.show_bands, self.precision, self.measure) != (other.show_bands, other.precision, other.measure)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data) -> "ViewOptions":
        """Options remembered between runs; anything unknown or invalid falls back to the default."""
        out = cls()
        if not isinstance(data, dict):
            return out
        for f in fields(cls):
            if f.name in data:
                value = data[f.name]
                if isinstance(f.default, bool):  # (show_bands, fiscal_years)
                    value = value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
                try:
                    out = out.replace(**{f.name: value})
                except (ValueError, TypeError):
                    continue
        return out
