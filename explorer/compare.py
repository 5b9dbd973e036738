"""Side-by-side comparison: each KPI per scenario, and its difference against the baseline."""

from __future__ import annotations

from dataclasses import dataclass

from .export import SUMMARY_ROWS

MAX_COMPARED = 4

# The KPIs compared, in this order; labels and units are the summary table's (explorer/export.py).
_COMPARE_KEYS = ("cost_total_usd", "implied_usd_per_gpu_hour", "cost_per_million_tokens_usd",
                 "cost_per_effective_gpu_hour_usd", "facility_power_peak_mw", "facility_power_average_mw",
                 "energy_total_gwh", "gpus_peak", "compute_peak_eflops_bf16", "fleet_tokens_per_second",
                 "capex_usd_per_gw", "vcpus_peak", "energy_share_of_cost")
_ROWS = {key: (label.strip(), unit) for key, label, unit in SUMMARY_ROWS}
COMPARE_KPIS = tuple((key, *_ROWS[key]) for key in _COMPARE_KEYS)


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    unit: str
    values: tuple[float | None, ...]
    deltas: tuple[float | None, ...]  # value − baseline value
    percents: tuple[float | None, ...]  # (value − baseline) / baseline; None where the baseline is 0


def comparison_rows(summaries: list[dict], baseline: int = 0) -> list[Row]:
    """One Row per KPI over the given summaries (Projection.summary() dicts)."""
    rows = []
    for key, label, unit in COMPARE_KPIS:
        values = tuple(s.get(key) for s in summaries)
        base = values[baseline]
        deltas, percents = [], []
        for v in values:
            if v is None or base is None:
                deltas.append(None)
                percents.append(None)
                continue
            deltas.append(v - base)
            percents.append((v - base) / base if base else None)
        rows.append(Row(key, label, unit, values, tuple(deltas), tuple(percents)))
    return rows
