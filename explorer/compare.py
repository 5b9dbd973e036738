"""Side-by-side comparison: each KPI per scenario, and its difference against the baseline."""

from __future__ import annotations

from dataclasses import dataclass

MAX_COMPARED = 4

COMPARE_KPIS = (
    ("cost_total_usd", "Total cost over the term", "USD"),
    ("cost_per_million_tokens_usd", "Cost per million tokens", "USD"),
    ("cost_per_effective_gpu_hour_usd", "Cost per effective GPU-hour", "USD"),
    ("facility_power_peak_mw", "Peak facility power", "MW"),
    ("energy_total_gwh", "Energy over the term", "GWh"),
    ("compute_peak_eflops_bf16", "Peak compute (BF16)", "EFLOP/s"),
    ("gpus_peak", "Accelerators at peak", ""),
    ("vcpus_peak", "Agent vCPUs at peak", ""),
    ("energy_share_of_cost", "Energy share of cost", "share"),
)


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
