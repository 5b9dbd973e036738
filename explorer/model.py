"""The capacity-and-cost model: scenarios in, monthly arrays out, vectorised over a batch.

``evaluate`` takes one Scenario or many (a leading batch axis ``B``) and returns a Projection of
arrays shaped ``(B, T)`` over ``T`` months (``(B, T, C)`` for per-chip series over the ``C`` catalog
chips). There are no Python loops over months or chips: every chip-dependent quantity is a
``(B, C) @ (C,)`` reduction, and every time series is a per-scenario scalar times the deployment
ramp ``f`` of shape ``(B, T)``. docs/model.md states each equation.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Sequence

import numpy as np

from .catalog import PRECISIONS, Catalog, builtin_catalog
from .errors import ScenarioError
from .scenario import FIELDS, Scenario, check_chips, month_index

HOURS_PER_DAY = 24.0
SECONDS_PER_HOUR = 3600.0

# Scenario fields that are plain per-scenario numbers, copied into (B,) arrays.
_SCALAR_FIELDS = (
    "energy_price_usd_per_kwh", "agent_cpu_ratio", "contract_value_usd", "pue", "utilization", "mfu",
    "full_use_power_fraction", "idle_power_fraction", "server_overhead_scale", "depreciation_years", "capital_cost_rate",
    "facility_usd_per_kw_month", "other_cost_fraction", "cpu_usd_per_vcpu_hour",
    "cpu_purchase_usd_per_vcpu", "cpu_power_w_per_vcpu", "vcpus_per_agent_session",
    "model_active_params_billion", "flops_per_param_per_token", "serving_flop_efficiency",
)


@lru_cache(maxsize=64)
def time_axis(start: str, term_months: int) -> tuple[np.ndarray, np.ndarray]:
    """Months (datetime64[M], shape (T,)) and the hours in each calendar month (float, shape (T,))."""
    first = np.datetime64(start, "M")
    months = first + np.arange(term_months)
    days = ((months + 1).astype("datetime64[D]") - months.astype("datetime64[D]")).astype(float)
    months.setflags(write=False)
    hours = days * HOURS_PER_DAY
    hours.setflags(write=False)
    return months, hours


@dataclass(frozen=True)
class Params:
    """A batch of scenarios as arrays: every field has a leading batch axis of length B.

    All scenarios of a batch share one time axis (``start``, ``term_months``) and one catalog.
    Build it with :meth:`from_scenarios`; derive variations (samples, sweeps) with :meth:`replace`.
    """

    catalog: Catalog
    start: str
    term_months: int
    gpu_count: np.ndarray  # (B,)
    shares: np.ndarray  # (B, C), rows sum to 1
    rent_usd_per_gpu_hour: np.ndarray  # (B, C) ex power, after chip_price_scale
    purchase_usd: np.ndarray  # (B, C) after chip_price_scale
    rent_scaled: np.ndarray  # (B, C) bool: the rent follows chip_price_scale (not an override)
    purchase_scaled: np.ndarray  # (B, C) bool: likewise for the purchase price
    ramp_months: np.ndarray  # (B,) months from start to full deployment (may be fractional)
    own: np.ndarray  # (B,) bool: pricing == "own"
    passthrough: np.ndarray  # (B,) bool: energy billed as metered (ignored when owned)
    token_precision: np.ndarray  # (B,) int index into PRECISIONS
    energy_price_usd_per_kwh: np.ndarray
    agent_cpu_ratio: np.ndarray
    contract_value_usd: np.ndarray
    pue: np.ndarray
    utilization: np.ndarray
    mfu: np.ndarray
    full_use_power_fraction: np.ndarray
    idle_power_fraction: np.ndarray
    server_overhead_scale: np.ndarray
    depreciation_years: np.ndarray
    capital_cost_rate: np.ndarray
    facility_usd_per_kw_month: np.ndarray
    other_cost_fraction: np.ndarray
    cpu_usd_per_vcpu_hour: np.ndarray
    cpu_purchase_usd_per_vcpu: np.ndarray
    cpu_power_w_per_vcpu: np.ndarray
    vcpus_per_agent_session: np.ndarray
    model_active_params_billion: np.ndarray
    flops_per_param_per_token: np.ndarray
    serving_flop_efficiency: np.ndarray

    @property
    def size(self) -> int:
        return int(self.gpu_count.shape[0])

    def replace(self, **changes) -> "Params":
        return dataclasses.replace(self, **changes)

    def repeat(self, n: int) -> "Params":
        """A batch of n copies of a one-scenario batch (the base for samples and sweeps)."""
        if self.size != 1:
            raise ValueError("repeat() takes a batch of one scenario")
        changes = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, np.ndarray):
                changes[f.name] = np.repeat(value, n, axis=0)
        return self.replace(**changes)

    @classmethod
    def from_scenarios(cls, scenarios: Scenario | Iterable[Scenario], catalog: Catalog | None = None) -> "Params":
        catalog = catalog or builtin_catalog()
        items: Sequence[Scenario] = [scenarios] if isinstance(scenarios, Scenario) else list(scenarios)
        if not items:
            raise ScenarioError("no scenarios to evaluate")
        first = items[0]
        for s in items:
            if (s.start, s.term_months) != (first.start, first.term_months):
                raise ScenarioError("scenarios evaluated in one batch must share 'start' and 'term_months' "
                                    f"(got {first.start}/{first.term_months} and {s.start}/{s.term_months})")
            check_chips(s, catalog)
        n, c = len(items), len(catalog)
        shares = np.zeros((n, c))
        scale = np.array([s.chip_price_scale for s in items])[:, None]
        rent = catalog.rent_ex_power[None, :] * scale  # per-chip overrides below are taken as entered
        purchase = catalog.purchase_usd[None, :] * scale
        rent_scaled = np.ones((n, c), dtype=bool)
        purchase_scaled = np.ones((n, c), dtype=bool)
        for i, s in enumerate(items):
            for chip, share in s.chip_mix.items():
                shares[i, catalog.index(chip)] = share
            for chip, price in s.rent_price_overrides.items():
                rent[i, catalog.index(chip)] = price
                rent_scaled[i, catalog.index(chip)] = False
            for chip, price in s.purchase_price_overrides.items():
                purchase[i, catalog.index(chip)] = price
                purchase_scaled[i, catalog.index(chip)] = False
        scalars = {name: np.array([getattr(s, name) for s in items], dtype=float) for name in _SCALAR_FIELDS}
        return cls(
            catalog=catalog, start=first.start, term_months=first.term_months,
            gpu_count=np.array([s.gpu_count for s in items], dtype=float),
            shares=shares / shares.sum(axis=1, keepdims=True),
            rent_usd_per_gpu_hour=rent, purchase_usd=purchase, rent_scaled=rent_scaled,
            purchase_scaled=purchase_scaled,
            ramp_months=np.array([s.ramp_months for s in items], dtype=float),
            own=np.array([s.pricing == "own" for s in items]),
            passthrough=np.array([s.energy_passthrough for s in items]),
            token_precision=np.array([PRECISIONS.index(s.token_precision) for s in items]),
            **scalars,
        )


def _col(a: np.ndarray) -> np.ndarray:
    return a[:, None]


def ramp_fraction(months: np.ndarray, ramp_months: np.ndarray) -> np.ndarray:
    """Share of full deployment installed in month ``m`` (0-based), shape (B, T).

    Linear: ``(m + 1) / (R + 1)`` capped at 1, so month R (the ramp_end month) is fully deployed and
    R = 0 means everything from the first month."""
    return np.clip((months[None, :] + 1.0) / (_col(ramp_months) + 1.0), 0.0, 1.0)


class Projection:
    """Monthly results of a batch of scenarios. Read-only.

    Every monthly series is a per-scenario rate at full deployment times the deployment ramp
    ``f`` (B, T) or the installed hours ``f × hours`` (owned hardware adds a depreciation schedule).
    The constructor computes only those rates, the ramp and its row sums, so whole-term KPIs of a large
    batch cost a few (B, T) operations; each (B, T) series is built on first access and cached.
    """

    def __init__(self, params: Params):
        p = self.params = params
        cat = self.catalog = p.catalog
        self.chip_ids = cat.ids
        self.months, self.hours = time_axis(p.start, p.term_months)
        t = np.arange(p.term_months, dtype=float)

        # Deployment: f (B, T) is the share of the full fleet installed in each month.
        f = self.ramp = ramp_fraction(t, p.ramp_months)
        fh = self._installed_hours = f * self.hours[None, :]  # hours of a full fleet installed, per month
        self._sum_f = f.sum(axis=1)
        self._sum_fh = fh.sum(axis=1)
        self._max_f = f[:, -1]  # the ramp never falls, so its last month is its peak

        # Chip sums at full deployment, (B,): one (B, C) @ (C,) product each.
        n = self.gpus_full_by_chip = _col(p.gpu_count) * p.shares  # (B, C)
        self._peak_tflops_full = np.stack([n @ cat.peak_tflops[q] for q in PRECISIONS], axis=1)  # (B, 3)
        tdp_w = n @ cat.tdp_w
        overhead_w = (n @ cat.overhead_w) * p.server_overhead_scale
        self._vcpus_full = p.agent_cpu_ratio * p.gpu_count
        cpu_w = self._vcpus_full * p.cpu_power_w_per_vcpu
        rated_it_w = tdp_w + overhead_w + cpu_w
        self.rated_it_mw_full = rated_it_w / 1e6  # nameplate IT power at full deployment

        # Power follows utilisation: idle draw plus the busy share of the full-use draw.
        load = self.power_load_fraction = (
            p.idle_power_fraction + (p.full_use_power_fraction - p.idle_power_fraction) * p.utilization)
        self._accel_mw_full = tdp_w * load / 1e6
        self._overhead_mw_full = overhead_w * load / 1e6
        self._cpu_mw_full = cpu_w * load / 1e6
        self._it_mw_full = rated_it_w * load / 1e6
        self._facility_mw_full = self._it_mw_full * p.pue

        # Cost rates. Rented capacity is billed per installed hour; energy per hour either as metered
        # (passed through, or owned) or as embedded in an all-inclusive rent at full-use draw.
        own = p.own
        self.energy_embedded = ~own & ~p.passthrough
        metered_usd_h = self._facility_mw_full * 1e3 * p.energy_price_usd_per_kwh
        embedded_usd_h = rated_it_w / 1e3 * p.full_use_power_fraction * p.pue * p.energy_price_usd_per_kwh
        self._energy_usd_h = np.where(self.energy_embedded, embedded_usd_h, metered_usd_h)
        self._rent_usd_h = np.where(own, 0.0, (n * p.rent_usd_per_gpu_hour).sum(axis=1))
        self._cpu_rent_usd_h = np.where(own, 0.0, self._vcpus_full * p.cpu_usd_per_vcpu_hour)
        # Owned: capital (depreciation plus a charge on book value) and facility cost per month.
        self._purchase_full = np.where(own, (n * p.purchase_usd).sum(axis=1), 0.0)
        self._cpu_purchase_full = np.where(own, self._vcpus_full * p.cpu_purchase_usd_per_vcpu, 0.0)
        self._facility_usd_month = np.where(own, p.facility_usd_per_kw_month * (tdp_w + overhead_w) / 1e3, 0.0)
        self._cpu_facility_usd_month = np.where(own, p.facility_usd_per_kw_month * cpu_w / 1e3, 0.0)
        self._own_rows = np.flatnonzero(own)
        self._capital_share = self._capital_schedule(t) if self._own_rows.size else None  # (B_own, T)
        sum_capital = np.zeros(p.size)
        if self._own_rows.size:
            sum_capital[self._own_rows] = self._capital_share.sum(axis=1)
        self._sum_capital = sum_capital

        # Work delivered at full deployment, per second.
        token_tflops = np.take_along_axis(self._peak_tflops_full, p.token_precision[:, None], axis=1)[:, 0]
        self._tokens_per_s_full = token_tflops * 1e12 * p.utilization * p.serving_flop_efficiency / (
            p.flops_per_param_per_token * p.model_active_params_billion * 1e9)

    def _capital_schedule(self, t: np.ndarray) -> np.ndarray:
        """Owned rows: capital cost per month as a share of the full fleet's purchase price.

        Units bought in month k depreciate straight-line over months k .. k + D - 1, so the units being
        depreciated in month m are those installed after month m - D: f(m) - f(m - D). The capital
        charge is the yearly rate / 12 on the book value left at the end of the month."""
        p, rows = self.params, self._own_rows
        # whole months, so the charges of a cohort sum to exactly its purchase price
        dep_months = _col(np.maximum(np.round(p.depreciation_years[rows] * 12.0), 1.0))
        lagged = np.where(t[None, :] >= dep_months,
                          np.clip((t[None, :] - dep_months + 1.0) / _col(p.ramp_months[rows] + 1.0), 0.0, 1.0),
                          0.0)
        depreciating = (self.ramp[rows] - lagged) / dep_months
        book = np.maximum(self.ramp[rows] - np.cumsum(depreciating, axis=1), 0.0)  # no -1e-17 from rounding
        capital = depreciating + book * _col(p.capital_cost_rate[rows] / 12.0)
        # No residual value: what is still on the books when the term ends is written off in its last month.
        capital[:, -1] += book[:, -1]
        return capital

    @property
    def size(self) -> int:
        return self.params.size

    def _series(self, rate: np.ndarray, per_hour: bool = False) -> np.ndarray:
        """A (B,) full-deployment rate spread over the months: × f, or × installed hours."""
        return (self._installed_hours if per_hour else self.ramp) * _col(rate)

    # ------------------------------------------------------------------------ monthly series (B, T)
    @cached_property
    def gpus(self) -> np.ndarray:
        """Installed accelerators."""
        return self._series(self.params.gpu_count)

    @cached_property
    def gpu_hours(self) -> np.ndarray:
        return self._series(self.params.gpu_count, per_hour=True)

    @cached_property
    def effective_gpu_hours(self) -> np.ndarray:
        """Busy GPU-hours: installed GPU-hours × utilisation."""
        return self._series(self.params.gpu_count * self.params.utilization, per_hour=True)

    @cached_property
    def accel_mw(self) -> np.ndarray:
        """Accelerator power (their TDP share of the draw), MW."""
        return self._series(self._accel_mw_full)

    @cached_property
    def overhead_mw(self) -> np.ndarray:
        """Server/rack power beyond the accelerators' TDP, MW."""
        return self._series(self._overhead_mw_full)

    @cached_property
    def cpu_mw(self) -> np.ndarray:
        """Agent CPU power, MW."""
        return self._series(self._cpu_mw_full)

    @cached_property
    def it_mw(self) -> np.ndarray:
        return self._series(self._it_mw_full)

    @cached_property
    def facility_mw(self) -> np.ndarray:
        return self._series(self._facility_mw_full)

    @cached_property
    def energy_mwh(self) -> np.ndarray:
        """Facility energy per month, MWh."""
        return self._series(self._facility_mw_full, per_hour=True)

    @cached_property
    def vcpus(self) -> np.ndarray:
        return self._series(self._vcpus_full)

    @cached_property
    def agent_sessions(self) -> np.ndarray:
        return self._series(self._vcpus_full / self.params.vcpus_per_agent_session)

    @cached_property
    def tokens(self) -> np.ndarray:
        return self._series(self._tokens_per_s_full * SECONDS_PER_HOUR, per_hour=True)

    @cached_property
    def cost(self) -> dict[str, np.ndarray]:
        """Cost by component (compute, energy, cpu, other), USD per month."""
        p = self.params
        compute = self._series(self._rent_usd_h, per_hour=True) + self._series(self._facility_usd_month)
        cpu = self._series(self._cpu_rent_usd_h, per_hour=True) + self._series(self._cpu_facility_usd_month)
        if self._own_rows.size:
            rows = self._own_rows
            compute[rows] += self._capital_share * _col(self._purchase_full[rows])
            cpu[rows] += self._capital_share * _col(self._cpu_purchase_full[rows])
        energy = self._series(self._energy_usd_h, per_hour=True)
        other = (compute + cpu) * _col(p.other_cost_fraction)
        return {"compute": compute, "energy": energy, "cpu": cpu, "other": other}

    @cached_property
    def cost_total(self) -> np.ndarray:
        """Total cost per month, built from the rates directly (three (B, T) products, not the four
        components; tests check it equals their sum)."""
        p = self.params
        markup = 1.0 + p.other_cost_fraction
        per_hour = (self._rent_usd_h + self._cpu_rent_usd_h) * markup + self._energy_usd_h
        per_month = (self._facility_usd_month + self._cpu_facility_usd_month) * markup
        total = self._series(per_hour, per_hour=True) + self._series(per_month)
        if self._own_rows.size:
            rows = self._own_rows
            total[rows] += self._capital_share * _col((self._purchase_full[rows] + self._cpu_purchase_full[rows])
                                                      * markup[rows])
        return total

    @cached_property
    def cost_cumulative(self) -> np.ndarray:
        return np.cumsum(self.cost_total, axis=1)

    @cached_property
    def cost_per_effective_gpu_hour(self) -> np.ndarray:
        """USD per busy GPU-hour, each month."""
        return self.cost_total / self.effective_gpu_hours

    @cached_property
    def cost_per_million_tokens(self) -> np.ndarray:
        """USD per million tokens of the chosen model size, each month."""
        return self.cost_total / self.tokens * 1e6

    # ---------------------------------------------------------------------------------- by precision
    def peak_flops(self, precision: str = "bf16") -> np.ndarray:
        """Peak FLOP/s installed, (B, T)."""
        return self._series(self._peak_tflops_full[:, PRECISIONS.index(precision)] * 1e12)

    def effective_flops(self, precision: str = "bf16") -> np.ndarray:
        """Peak × utilisation × MFU, (B, T)."""
        return self.peak_flops(precision) * _col(self.params.utilization * self.params.mfu)

    # --------------------------------------------------------------------------------------- by chip
    def gpus_by_chip(self) -> np.ndarray:
        """Installed accelerators by chip, (B, T, C)."""
        return self.ramp[:, :, None] * self.gpus_full_by_chip[:, None, :]

    def peak_flops_by_chip(self, precision: str = "bf16") -> np.ndarray:
        """Peak FLOP/s by chip, (B, T, C)."""
        return self.gpus_by_chip() * (self.catalog.peak_tflops[precision] * 1e12)[None, None, :]

    def effective_flops_by_chip(self, precision: str = "bf16") -> np.ndarray:
        p = self.params
        return self.peak_flops_by_chip(precision) * (p.utilization * p.mfu)[:, None, None]

    def energy_by_year(self) -> tuple[np.ndarray, np.ndarray]:
        """Calendar years (Y,) and facility energy in GWh per year (B, Y); partial years included."""
        years = self.months.astype("datetime64[Y]").astype(int) + 1970
        starts = np.flatnonzero(np.r_[True, years[1:] != years[:-1]])
        return years[starts], np.add.reduceat(self.energy_mwh, starts, axis=1) / 1e3

    # ------------------------------------------------------------------------------------- summary
    @cached_property
    def kpis(self) -> dict[str, np.ndarray]:
        """Whole-term figures per scenario, each (B,), from the rates and the ramp's row sums (no
        (B, T) series needed; tests check they equal the sums of the series)."""
        p = self.params
        sum_f, sum_fh, peak = self._sum_f, self._sum_fh, self._max_f
        compute = self._rent_usd_h * sum_fh + self._facility_usd_month * sum_f + self._purchase_full * self._sum_capital
        cpu = self._cpu_rent_usd_h * sum_fh + self._cpu_facility_usd_month * sum_f + \
            self._cpu_purchase_full * self._sum_capital
        energy = self._energy_usd_h * sum_fh
        other = (compute + cpu) * p.other_cost_fraction
        total = compute + energy + cpu + other
        tokens = self._tokens_per_s_full * SECONDS_PER_HOUR * sum_fh
        eff_gpu_hours = p.gpu_count * p.utilization * sum_fh
        eff_bf16_pflops = self._peak_tflops_full[:, 0] / 1e3 * p.utilization * p.mfu
        eff_pflop_days = eff_bf16_pflops * sum_fh / HOURS_PER_DAY
        has_contract = p.contract_value_usd > 0
        return {
            "gpus_peak": p.gpu_count * peak,
            "vcpus_peak": self._vcpus_full * peak,
            "agent_sessions_peak": self._vcpus_full / p.vcpus_per_agent_session * peak,
            "it_power_peak_mw": self._it_mw_full * peak,
            "facility_power_peak_mw": self._facility_mw_full * peak,
            "energy_total_gwh": self._facility_mw_full * sum_fh / 1e3,
            "compute_peak_eflops_bf16": self._peak_tflops_full[:, 0] / 1e6 * peak,
            "compute_peak_eflops_fp8": self._peak_tflops_full[:, 1] / 1e6 * peak,
            "compute_peak_eflops_fp4": self._peak_tflops_full[:, 2] / 1e6 * peak,
            "compute_effective_peak_eflops_bf16": eff_bf16_pflops / 1e3 * peak,
            "cost_total_usd": total,
            "cost_compute_usd": compute,
            "cost_energy_usd": energy,
            "cost_cpu_usd": cpu,
            "cost_other_usd": other,
            "energy_share_of_cost": np.divide(energy, total, out=np.zeros_like(total), where=total > 0),
            "cost_per_million_tokens_usd": total / tokens * 1e6,
            "cost_per_effective_gpu_hour_usd": total / eff_gpu_hours,
            "cost_per_effective_pflop_day_usd": total / eff_pflop_days,
            "tokens_total": tokens,
            "contract_value_usd": p.contract_value_usd,
            "cost_vs_contract": np.where(has_contract, total / np.where(has_contract, p.contract_value_usd, 1.0),
                                         np.nan),
        }

    def summary(self, index: int = 0) -> dict:
        """One scenario's KPIs as plain JSON-ready values (the command line's ``summary --json``)."""
        k = {name: _finite_or_none(float(v[index])) for name, v in self.kpis.items()}
        parts = ("compute", "energy", "cpu", "other")
        out = {name: k[name] for name in (
            "gpus_peak", "vcpus_peak", "agent_sessions_peak", "it_power_peak_mw", "facility_power_peak_mw",
            "energy_total_gwh", "compute_peak_eflops_bf16", "compute_peak_eflops_fp8", "compute_peak_eflops_fp4",
            "compute_effective_peak_eflops_bf16", "cost_total_usd")}
        out["cost_breakdown_usd"] = {part: k[f"cost_{part}_usd"] for part in parts}
        out["energy_embedded_in_rent"] = bool(self.energy_embedded[index])
        for name in ("energy_share_of_cost", "cost_per_million_tokens_usd", "cost_per_effective_gpu_hour_usd",
                     "cost_per_effective_pflop_day_usd", "tokens_total", "contract_value_usd"):
            out[name] = k[name]
        out["cost_vs_contract"] = k["cost_vs_contract"]
        out["term_months"] = int(self.params.term_months)
        out["start"] = self.params.start
        return out


def _finite_or_none(x: float) -> float | None:
    return x if np.isfinite(x) else None


def evaluate(scenarios: Scenario | Iterable[Scenario] | Params, catalog: Catalog | None = None) -> Projection:
    """Evaluate one scenario, a list of scenarios (one batch), or prepared Params."""
    params = scenarios if isinstance(scenarios, Params) else Params.from_scenarios(scenarios, catalog)
    return Projection(params)


SCALAR_FIELDS = _SCALAR_FIELDS
assert all(name in FIELDS for name in _SCALAR_FIELDS)
assert month_index  # re-exported helper used by callers building time axes
