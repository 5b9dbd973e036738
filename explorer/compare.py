"""Side-by-side comparison: each KPI per scenario, and its difference against the baseline."""

from __future__ import annotations

from dataclasses import dataclass

from .kpis import COMPARED, KPIS, value_of

MAX_COMPARED = 4  # scenarios side by side, the current one included


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
    for key in COMPARED:
        label, unit = KPIS[key].label, KPIS[key].unit
        values = tuple(value_of(s, key) for s in summaries)
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
