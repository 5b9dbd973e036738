"""Uncertainty: draw many variants of a scenario from its ranges and evaluate them in one batch call.

Each uncertain input with a range [low, high] is drawn from a triangular distribution with its mode at
the scenario's value. The draws are uniform numbers from a seeded generator, one fixed column per
input (so adding a range to one input does not change the draws of the others), turned into values
with the triangular inverse CDF. The uniform numbers depend only on (seed, samples) and are cached:
moving a slider re-uses them, so bands move smoothly instead of flickering.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .catalog import Catalog, builtin_catalog
from .model import Params, evaluate
from .fields import FIELDS, UNCERTAIN_FIELDS
from .months import month_index
from .scenario import Scenario

PERCENTILES = (10, 25, 50, 75, 90)
BAND_KPIS = ("cost_total_usd", "facility_power_peak_mw", "it_power_peak_mw", "facility_power_average_mw",
             "gpus_peak", "compute_peak_eflops_bf16", "compute_effective_peak_eflops_bf16", "energy_total_gwh",
             "vcpus_peak", "cost_per_million_tokens_usd", "cost_per_effective_gpu_hour_usd", "energy_share_of_cost",
             "capex_usd", "tokens_per_second_per_gpu", "fleet_tokens_per_second", "gross_margin_usd")


@lru_cache(maxsize=8)
def uniform_draws(seed: int, samples: int) -> np.ndarray:
    """(samples, number of uncertain fields) uniform numbers in (0, 1), read-only."""
    rng = np.random.default_rng(seed)
    draws = rng.random((samples, len(UNCERTAIN_FIELDS)))
    draws.setflags(write=False)
    return draws


def triangular_ppf(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """Inverse CDF of the triangular distribution (low <= mode <= high); a zero-width range gives
    the mode."""
    if high <= low:
        return np.full_like(u, mode, dtype=float)
    width = high - low
    split = (mode - low) / width
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(u < split, left, right)


def _numeric(field: str, value) -> float:
    """Months are sampled as months from the year 0 (so ramp timing can be fractional)."""
    return float(month_index(value)) if FIELDS[field].kind == "month" else float(value)


def apply_values(params: Params, scenario: Scenario, field: str, values: np.ndarray,
                 rows: np.ndarray | slice = slice(None)) -> Params:
    """Params with ``field`` set to ``values`` in ``rows`` (the other inputs stay as they are)."""
    return apply_many(params, scenario, [(field, values, rows)])


def apply_many(params: Params, scenario: Scenario, assignments) -> Params:
    """Params with each (field, values, rows) of ``assignments`` applied, built in one step (each
    column copied once)."""
    columns: dict[str, np.ndarray] = {}

    def column(name):
        if name not in columns:
            columns[name] = getattr(params, name).copy()
        return columns[name]

    price_factor = None
    for field, values, rows in assignments:
        if field == "ramp_end":
            column("ramp_months")[rows] = values - month_index(scenario.start)
        elif field == "chip_price_scale":
            if price_factor is None:
                price_factor = np.ones(params.size)
            price_factor[rows] = values / scenario.chip_price_scale
        else:
            column(field)[rows] = values
    if price_factor is not None:
        f = price_factor[:, None]
        columns["rent_usd_per_gpu_hour"] = np.where(params.rent_scaled, params.rent_usd_per_gpu_hour * f,
                                                    params.rent_usd_per_gpu_hour)
        columns["purchase_usd"] = np.where(params.purchase_scaled, params.purchase_usd * f, params.purchase_usd)
    return params.replace(**columns)


def sample_params(scenario: Scenario, catalog: Catalog | None = None, samples: int | None = None,
                  seed: int | None = None) -> Params:
    """A batch of ``samples`` variants of the scenario drawn from its ranges."""
    catalog = catalog or builtin_catalog()
    n = samples or scenario.uncertainty_samples
    seed = scenario.uncertainty_seed if seed is None else seed
    params = Params.from_scenarios(scenario, catalog).repeat(n)
    u = uniform_draws(seed, n)
    assignments = []
    for j, field in enumerate(UNCERTAIN_FIELDS):
        if field not in scenario.ranges:
            continue
        low, high = (_numeric(field, v) for v in scenario.ranges[field])
        mode = _numeric(field, getattr(scenario, field))
        if high > low:
            assignments.append((field, triangular_ppf(u[:, j], low, mode, high), slice(None)))
    params = apply_many(params, scenario, assignments)
    # a busy system never draws less than an idle one (ranges are checked for it; this keeps it so)
    return params.replace(full_use_power_fraction=np.maximum(params.full_use_power_fraction,
                                                             params.idle_power_fraction))


@dataclass(frozen=True)
class Bands:
    """Percentiles (P10, P25, P50, P75, P90) over the samples: time series (5, T) and KPIs (5,)."""

    samples: int
    seed: int
    series: dict[str, np.ndarray]
    kpis: dict[str, np.ndarray]

    def kpi(self, key: str) -> dict[str, float]:
        v = self.kpis[key]
        return {f"p{q}": float(x) for q, x in zip(PERCENTILES, v)}


def _percentiles(values: np.ndarray) -> np.ndarray:
    """(5, ...) percentiles over the first axis, from one sort (faster than five partitions)."""
    ordered = np.sort(values, axis=0)
    n = ordered.shape[0]
    positions = np.array(PERCENTILES) / 100.0 * (n - 1)
    lo = np.floor(positions).astype(int)
    hi = np.minimum(lo + 1, n - 1)
    frac = (positions - lo).reshape((-1,) + (1,) * (ordered.ndim - 1))
    return ordered[lo] * (1 - frac) + ordered[hi] * frac


def compute_bands(scenario: Scenario, catalog: Catalog | None = None, samples: int | None = None,
                  seed: int | None = None, precision: str = "bf16", effective: bool = False) -> Bands:
    """Evaluate the samples in one batch and summarise the cumulative cost, total capacity and
    facility power over time, and every KPI in BAND_KPIS."""
    params = sample_params(scenario, catalog, samples, seed)
    p = evaluate(params)
    capacity = (p.effective_flops if effective else p.peak_flops)(precision)
    series = {
        "cost_cumulative": _percentiles(p.cost_cumulative),
        "capacity": _percentiles(capacity),
        "facility_mw": _percentiles(p.facility_mw),
    }
    # a KPI with a sample that has no figure (nothing served, no price) gets no band
    kpis = {key: _percentiles(p.kpis[key]) for key in BAND_KPIS if np.isfinite(p.kpis[key]).all()}
    return Bands(samples=params.size, seed=scenario.uncertainty_seed if seed is None else seed, series=series,
                 kpis=kpis)


def kpi_percentiles(scenario: Scenario, catalog: Catalog | None = None) -> dict | None:
    """P10/P50/P90 of each KPI, for ``summary --json``; None when the scenario has no ranges."""
    if not scenario.ranges:
        return None
    params = sample_params(scenario, catalog)
    k = evaluate(params).kpis
    out = {}
    for key in BAND_KPIS:
        if not np.isfinite(k[key]).all():
            continue  # no figure in some samples (nothing served, no price): no band
        p10, p50, p90 = np.percentile(k[key], [10, 50, 90])
        out[key] = {"p10": float(p10), "p50": float(p50), "p90": float(p90)}
    return {"samples": params.size, "seed": scenario.uncertainty_seed, "distribution": "triangular",
            "ranges": {f: list(v) for f, v in scenario.ranges.items()}, "kpis": out}

