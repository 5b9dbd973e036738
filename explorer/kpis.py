"""THE KPI catalogue: the one place a KPI is named. Its key (in ``Projection.summary()``), its label
and short label, its kind (which sets its unit and formatting), whether higher is better, and one
sentence that explains it. The KPI cards, the comparison table, the command line's summary table,
the data exports, the report and the tornado all read it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from types import MappingProxyType

from . import formatting as fmt
from .i18n import QT_TR_NOOP, is_japanese, tr

def _tokens(v: float, digits: int) -> str:
    if is_japanese():
        return fmt.ja_compact(v, digits) if abs(v) >= 1e4 else fmt.plain(v, digits)
    return fmt.compact(v, digits) if abs(v) >= 1e6 else fmt.plain(v, digits)


def _count(v: float, digits: int) -> str:
    return fmt.count_shown(v, digits)


def _months(v: float) -> str:
    return tr("{n} months").format(n=f"{v:,.0f}")


# kind -> (unit written in tables, formatter for a card or a table, formatter without the unit).
# Money is computed in USD and shown in the chosen currency (explorer.formatting.money).
_KINDS = {
    "usd": (None, lambda v, d: fmt.money(v, d), lambda v, d: fmt.money_bare(v, d)),
    "price": (None, lambda v, d: fmt.money(v, d), lambda v, d: fmt.money_bare(v, d)),
    "power": ("MW", lambda v, d: fmt.power(v, d), lambda v, d: fmt.power(v, d)),
    "energy": ("GWh", lambda v, d: fmt.energy(v, d), lambda v, d: fmt.energy(v, d)),
    "flops": ("EFLOP/s", lambda v, d: fmt.flops(v, d), lambda v, d: fmt.flops(v, d)),
    "count": ("", _count, _count),
    "tokens_s": (QT_TR_NOOP("tokens/s"), lambda v, d: tr("{n} tok/s").format(n=_tokens(v, d)),
                 lambda v, d: _tokens(v, d)),
    "tokens": (QT_TR_NOOP("tokens"), _count, _count),
    "share": (QT_TR_NOOP("share"), lambda v, d: fmt.percent(v, 1), lambda v, d: fmt.percent(v, 1)),
    "ratio": ("×", lambda v, d: fmt.percent(v, 0), lambda v, d: fmt.percent(v, 0)),
    "months": (QT_TR_NOOP("months"), lambda v, d: _months(v), lambda v, d: f"{v:,.0f}"),
}


def unit_word(unit: str) -> str:
    """A unit as a table's unit column writes it: 'accelerators' -> '基' in Japanese. Translated as a
    unit, apart from the KPI labels that share its English ('accelerators' is also a short label)."""
    words = {"accelerators": tr("accelerators", "unit"), "vCPUs": tr("vCPUs", "unit"),
             "sessions": tr("sessions", "unit"), "months": tr("months", "unit"), "tokens": tr("tokens", "unit"),
             "tokens/s": tr("tokens/s", "unit"), "share": tr("share", "unit"), "years": tr("years", "unit")}
    return words.get(unit) or (tr(unit) if unit else unit)


_UNIT_FORMATS = {"power": fmt.power, "energy": fmt.energy, "flops": fmt.flops}


@dataclass(frozen=True)
class Kpi:
    key: str  # the summary's key; "cost_breakdown_usd.compute" for a part of the cost
    label: str  # as a card, table row or axis names it
    short: str  # in running text: "total cost", "provisioned facility power"
    kind: str  # one of _KINDS: sets the unit and the formatting
    better: int = 0  # +1 higher is better, -1 lower is better, 0 neutral
    explanation: str = ""
    table_unit: str | None = None  # overrides the kind's unit in tables

    @property
    def unit(self) -> str:
        """The unit a table's column writes (the figure itself may say GW or TWh), in the current
        language and currency."""
        unit = self.table_unit if self.table_unit is not None else _KINDS[self.kind][0]
        if unit is None:  # money
            return fmt.money_unit()
        return unit_word(unit)

    @property
    def is_money(self) -> bool:
        return self.kind in ("usd", "price")

    def format(self, value, digits: int = 3) -> str:
        """The figure with its unit: 'USD 45.5B', '606 MW', '142M tok/s', '80.0%'."""
        if value is None or not math.isfinite(value):
            return "–"
        return _KINDS[self.kind][1](value, digits)

    def format_bare(self, value, digits: int = 3) -> str:
        """The figure for a range beside the main one: '37.4B', '563 MW', '0.625'."""
        if value is None or not math.isfinite(value):
            return "–"
        return _KINDS[self.kind][2](value, digits)

    @property
    def is_share(self) -> bool:
        return self.kind in ("share",)

    def delta(self, value: float, base: float, digits: int = 3) -> str:
        """The difference to a baseline without its currency: '+22.6B', '−97.1', '+2.6 pp', '0'
        (Japanese: '+226億', '▲97.1', '+2.6pt')."""
        diff = value - base
        if abs(diff) <= 1e-9 * max(abs(base), 1e-300):
            return "0"
        ja = is_japanese()
        points = "pt" if ja else " pp"
        if self.is_share:
            return fmt.change(diff * 100, points)
        if self.kind == "ratio":
            return fmt.change(diff * 100, points, 0)
        sign = "+" if diff >= 0 else (fmt.JA_NEGATIVE if ja else fmt.MINUS)
        if self.kind in _UNIT_FORMATS:  # a quantity with its own unit: '−2.51 TWh', not '−2.51k'
            return sign + _UNIT_FORMATS[self.kind](abs(diff), digits)
        if self.is_money:
            return sign + fmt.money_bare(abs(diff), digits)
        return sign + (fmt.ja_compact(abs(diff), digits) if ja else fmt.compact(abs(diff), digits))

    def change(self, value: float, base: float | None, against: str = "saved") -> tuple[str, int]:
        """('▲ 4.2% vs saved', sign for colouring: +1 good, -1 bad, 0 neutral); ('', 0) without a base.
        ``against`` is 'saved' or 'baseline'. In Japanese a change is signed as disclosures sign it
        ('保存時比 +4.2%', '▲' for a decrease), since ▲ means minus there."""
        if base is None or value is None or not math.isfinite(value) or not math.isfinite(base):
            return "", 0
        same = _SAME.get(against, f"= as {against}")
        new = _NEW.get(against, f"new vs {against}")
        if self.is_share:
            diff = (value - base) * 100
            if abs(diff) < 0.05:
                return tr(same), 0
            if is_japanese():
                text = tr(_VERSUS.get(against, "{change} vs " + against)).format(change=fmt.ja_signed(diff, "pt"))
            else:
                text = f"{'▲' if diff > 0 else '▼'} {abs(diff):.1f} pp vs {against}"
        else:
            if base == 0:
                return (tr(same), 0) if value == 0 else (tr(new), 0)
            rel = value / base - 1
            if abs(rel) < 0.0005:
                return tr(same), 0
            if is_japanese():
                text = tr(_VERSUS.get(against, "{change} vs " + against)).format(change=fmt.ja_signed(rel * 100, "%"))
            else:
                text = f"{'▲' if rel > 0 else '▼'} {abs(rel) * 100:.1f}% vs {against}"
        return text, (1 if value > base else -1) * self.better


_SAME = {"saved": QT_TR_NOOP("= as saved"), "opened": QT_TR_NOOP("= as opened"),
         "first slide": QT_TR_NOOP("= as first slide"), "baseline": QT_TR_NOOP("= as baseline")}
_NEW = {"saved": QT_TR_NOOP("new vs saved"), "opened": QT_TR_NOOP("new vs opened"),
        "first slide": QT_TR_NOOP("new vs first slide"), "baseline": QT_TR_NOOP("new vs baseline")}
_VERSUS = {"saved": QT_TR_NOOP("{change} vs saved"), "opened": QT_TR_NOOP("{change} vs opened"),
           "first slide": QT_TR_NOOP("{change} vs first slide"), "baseline": QT_TR_NOOP("{change} vs baseline")}


_CATALOGUE = (
    Kpi("gpus_peak", "Accelerators", "accelerators", "count", 0, table_unit="accelerators",
        explanation="Accelerators installed at full deployment (derived from the power when the fleet is "
                    "sized by power)."),
    Kpi("compute_peak_eflops_bf16", "Peak compute (BF16)", "peak BF16 compute", "flops", +1,
        explanation="Installed dense BF16 FLOP/s at full deployment."),
    Kpi("compute_peak_eflops_fp8", "Peak compute (FP8)", "peak FP8 compute", "flops", +1),
    Kpi("compute_peak_eflops_fp4", "Peak compute (FP4)", "peak FP4 compute", "flops", +1),
    Kpi("compute_effective_peak_eflops_bf16", "Effective compute (BF16)", "effective BF16 compute", "flops", +1,
        explanation="Peak BF16 FLOP/s × utilisation × MFU."),
    Kpi("facility_power_peak_mw", "Facility power, provisioned", "provisioned facility power", "power", 0,
        explanation="Provisioned power is what the site must deliver on its hottest day with every machine flat "
                    "out (campuses and deals are quoted in it); the average draw is what the fleet uses on a "
                    "typical day, and what the energy bill pays for."),
    Kpi("it_power_peak_mw", "IT power, provisioned", "provisioned IT power", "power", 0,
        explanation="The systems at nameplate, the cluster beyond the racks and the agent CPUs."),
    Kpi("facility_power_average_mw", "Facility power, average draw", "average facility draw", "power", 0,
        explanation="The fleet's average draw at its utilisation, times the annual average PUE."),
    Kpi("it_power_average_mw", "IT power, average draw", "average IT draw", "power", 0),
    Kpi("gpus_per_gw", "Accelerators per GW provisioned", "accelerators per GW", "count", 0,
        table_unit="accelerators"),
    Kpi("energy_total_gwh", "Energy over the term", "energy", "energy", 0,
        explanation="Facility energy at the average draw over the term."),
    Kpi("vcpus_peak", "Agent vCPUs", "agent vCPUs", "count", 0, table_unit="vCPUs"),
    Kpi("agent_sessions_peak", "Concurrent agent sessions", "agent sessions", "count", 0, table_unit="sessions"),
    Kpi("cost_total_usd", "Total cost over the term", "total cost", "usd", -1),
    Kpi("cost_breakdown_usd.compute", "Accelerator capacity", "accelerator capacity cost", "usd", -1),
    Kpi("cost_breakdown_usd.energy", "Energy", "energy cost", "usd", -1),
    Kpi("cost_breakdown_usd.cpu", "Agent CPUs", "agent CPU cost", "usd", -1),
    Kpi("cost_breakdown_usd.other", "Support, storage services, other", "other cost", "usd", -1),
    Kpi("energy_share_of_cost", "Energy share of cost", "energy share", "share", 0),
    Kpi("capex_usd", "Capital cost to build", "capital cost", "usd", -1,
        explanation="Accelerator systems with their network and storage, the agent CPU servers and the facility "
                    "build (what the fleet costs to build, whether rented or owned)."),
    Kpi("capex_usd_per_gw", "Capital cost per GW provisioned", "capex per GW", "usd", -1),
    Kpi("residual_book_value_usd", "Book value left at the end", "book value at the end", "usd", 0),
    Kpi("contract_value_usd", "Contract value", "contract value", "usd", 0),
    Kpi("cost_vs_contract", "Cost ÷ contract value", "cost against the contract", "ratio", -1),
    Kpi("implied_usd_per_gpu_hour", "Contract's implied price per GPU-hour", "implied price", "price", 0,
        explanation="The contract value divided by the GPU-hours installed over the term."),
    Kpi("contract_gpus", "GPUs the contract buys at these prices", "GPUs the contract buys", "count", 0,
        table_unit="accelerators"),
    Kpi("cost_per_effective_gpu_hour_usd", "Cost per busy GPU-hour", "cost per busy GPU-hour", "price", -1),
    Kpi("cost_per_effective_pflop_day_usd", "Cost per effective PFLOP-day (BF16)", "cost per PFLOP-day", "price", -1),
    Kpi("tokens_per_second_per_gpu", "Output tokens/s per serving GPU", "tokens per GPU", "tokens_s", +1),
    Kpi("fleet_tokens_per_second", "Output tokens per second", "fleet tokens per second", "tokens_s", +1,
        explanation="Output tokens the whole fleet serves per second at full deployment, in its serving hours "
                    "(utilisation × serving share)."),
    Kpi("cost_per_million_tokens_usd", "Cost per million output tokens", "cost per M output tokens", "price", -1,
        explanation="The serving hours' share of the fleet's cost over the output tokens they serve, for the model, "
                    "precision and speed per user named with it."),
    Kpi("tokens_total", "Output tokens over the term", "output tokens", "tokens", +1),
    Kpi("revenue_usd", "Token revenue over the term", "token revenue", "usd", +1),
    Kpi("gross_margin_usd", "Gross margin on serving", "gross margin", "usd", +1),
    Kpi("breakeven_utilization", "Break-even utilisation", "break-even utilisation", "share", -1),
    Kpi("term_months", "Term", "term", "months", 0),
)

KPIS = MappingProxyType({k.key: k for k in _CATALOGUE})

# Which KPIs each view shows, in order.
CARDS = ("cost_total_usd", "facility_power_peak_mw", "gpus_peak", "compute_peak_eflops_bf16",
         "fleet_tokens_per_second", "cost_per_million_tokens_usd")
SUMMARY_TABLE = (
    "gpus_peak", "compute_peak_eflops_bf16", "compute_peak_eflops_fp8", "compute_peak_eflops_fp4",
    "compute_effective_peak_eflops_bf16", "facility_power_peak_mw", "it_power_peak_mw", "facility_power_average_mw",
    "it_power_average_mw", "gpus_per_gw", "energy_total_gwh", "vcpus_peak", "agent_sessions_peak", "cost_total_usd",
    "cost_breakdown_usd.compute", "cost_breakdown_usd.energy", "cost_breakdown_usd.cpu", "cost_breakdown_usd.other",
    "energy_share_of_cost", "capex_usd", "capex_usd_per_gw", "contract_value_usd", "cost_vs_contract",
    "implied_usd_per_gpu_hour", "contract_gpus", "cost_per_effective_gpu_hour_usd", "cost_per_effective_pflop_day_usd",
    "tokens_per_second_per_gpu", "fleet_tokens_per_second", "cost_per_million_tokens_usd", "tokens_total",
    "revenue_usd", "gross_margin_usd", "breakeven_utilization", "term_months")
COMPARED = ("cost_total_usd", "implied_usd_per_gpu_hour", "cost_per_million_tokens_usd",
            "cost_per_effective_gpu_hour_usd", "facility_power_peak_mw", "facility_power_average_mw",
            "energy_total_gwh", "gpus_peak", "compute_peak_eflops_bf16", "fleet_tokens_per_second",
            "capex_usd_per_gw", "vcpus_peak", "energy_share_of_cost")
TORNADO = ("cost_total_usd", "facility_power_peak_mw", "cost_per_million_tokens_usd",
           "cost_per_effective_gpu_hour_usd", "energy_total_gwh", "gpus_peak")
REPORT = CARDS
PARTS = ("compute", "energy", "cpu", "other")  # the cost components, in drawing order


def kpi(key: str) -> Kpi:
    return KPIS[key]


def value_of(summary: dict, key: str):
    """A summary figure by key ('outer.inner' for a part of the cost); None when not reported (e.g.
    revenue without a price)."""
    if "." in key:
        outer, inner = key.split(".")
        return summary[outer][inner]
    return summary.get(key)


def serving_conditions(scenario) -> str:
    """'DeepSeek-R1, FP4, 50 tok/s per user': the conditions a cost per token holds under."""
    from .catalog import PRECISION_LABELS
    from .serving import serving_models

    preset = serving_models().get(scenario.serving_model)
    model = preset.name.split(" (")[0] if preset else f"{scenario.model_active_params_billion:g}B custom"
    return tr("{model}, {precision}, {speed} tok/s per user").format(
        model=model, precision=PRECISION_LABELS[scenario.token_precision], speed=f"{scenario.tokens_per_second_per_user:g}")
