"""The capacity-and-cost model: scenarios in, monthly arrays out, vectorised over a batch.

``evaluate`` takes one Scenario or many (a leading batch axis ``B``) and returns a Projection of
arrays shaped ``(B, T)`` over ``T`` months (``(B, T, C)`` for per-chip series over the ``C`` catalog
chips). There are no Python loops over months, chips or scenarios: every chip-dependent quantity is
a ``(B, C)`` array reduced over chips, and every time series is a per-scenario rate at full
deployment times the deployment ramp ``f`` of shape ``(B, T)``. docs/model.md states each equation.

Power is three quantities, each named for what it is:

* provisioned IT power: nameplate power of the accelerator systems (rack or server share), of the
  cluster beyond them (scale-out network, storage, management, distribution losses) and of the
  agent CPUs, what a campus is built for;
* provisioned facility (grid) power: that times the design PUE, how campuses and deals are quoted;
* average draw: idle share plus busy share × utilisation, times the annual average PUE; it sets the
  energy and the energy bill.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable, Sequence

import numpy as np

from . import serving
from .catalog import PRECISIONS, Catalog, builtin_catalog
from .errors import ScenarioError
from .i18n import tr
from .fields import FIELDS
from .months import fiscal_year
from .scenario import Scenario, check_chips

HOURS_PER_DAY = 24.0
SECONDS_PER_HOUR = 3600.0

# Scenario fields that are plain per-scenario numbers, copied into (B,) arrays.
_SCALAR_FIELDS = (
    "energy_price_usd_per_kwh", "agent_cpu_ratio", "contract_value_usd", "pue", "design_pue", "utilization", "mfu",
    "full_use_power_fraction", "idle_power_fraction", "server_overhead_scale", "cluster_power_scale",
    "network_storage_fraction", "depreciation_years", "residual_value_fraction", "capital_cost_rate",
    "facility_usd_per_kw_month", "facility_capex_usd_per_w", "other_cost_fraction", "cpu_usd_per_vcpu_hour",
    "cpu_purchase_usd_per_vcpu", "cpu_power_w_per_vcpu", "vcpus_per_agent_session", "context_tokens",
    "output_tokens_per_request", "tokens_per_second_per_user", "serving_share", "serving_efficiency_scale",
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


@lru_cache(maxsize=64)
def year_split(start: str, term_months: int, fiscal: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The years a term spans and where each begins: (years (Y,), starts (Y,)), ``starts`` the index
    of each year's first month in the term (the term's first and last years may be partial).
    Calendar years, or with ``fiscal`` Japanese fiscal years (年度, April to March: 2025 is
    2025-04 … 2026-03, explorer.months.fiscal_year). Read-only arrays (kept per start and term)."""
    months, _ = time_axis(start, term_months)
    if fiscal:
        years = fiscal_year(months.astype(int) + 1970 * 12)  # (datetime64[M] counts months from 1970-01)
    else:
        years = months.astype("datetime64[Y]").astype(int) + 1970
    starts = np.flatnonzero(np.r_[True, years[1:] != years[:-1]])
    years = years[starts]
    years.setflags(write=False)
    starts.setflags(write=False)
    return years, starts


def served_model(s: Scenario) -> tuple[float, float, float, float]:
    """(total params, active params, KV bytes per token at 16 bits, tokens per decode step)."""
    if s.custom_model:
        kib = serving.custom_kv_kib_per_token(s.model_active_params_billion)
        step = 1.0
    else:
        preset = serving.serving_models()[s.serving_model]
        kib, step = preset.kv_cache_kib_per_token, preset.tokens_per_step
    return s.model_total_params_billion * 1e9, s.model_active_params_billion * 1e9, kib * 1024.0, step


@dataclass(frozen=True)
class Params:
    """A batch of scenarios as arrays: every field has a leading batch axis of length B.

    All scenarios of a batch share one time axis (``start``, ``term_months``) and one catalog.
    Build it with :meth:`from_scenarios`; derive variations (samples, sweeps) with :meth:`replace`.
    """

    catalog: Catalog
    start: str
    term_months: int
    gpu_count: np.ndarray  # (B,) accelerators at full deployment (ignored where facility_power_mw is set)
    facility_power_mw: np.ndarray  # (B,) provisioned facility power sizing the fleet; NaN: sized by gpu_count
    shares: np.ndarray  # (B, C), rows sum to 1
    rent_usd_per_gpu_hour: np.ndarray  # (B, C) ex power, after chip_price_scale
    purchase_usd: np.ndarray  # (B, C) after chip_price_scale
    rent_scaled: np.ndarray  # (B, C) bool: the rent follows chip_price_scale (not an override)
    purchase_scaled: np.ndarray  # (B, C) bool: likewise for the purchase price
    ramp_months: np.ndarray  # (B,) months from start to full deployment (may be fractional)
    own: np.ndarray  # (B,) bool: pricing == "own"
    passthrough: np.ndarray  # (B,) bool: energy billed as metered (ignored when owned)
    hardware_refresh: np.ndarray  # (B,) bool: owned hardware replaced at the end of its life
    token_precision: np.ndarray  # (B,) int index into PRECISIONS
    model_total_params: np.ndarray  # (B,) parameters (not billions)
    model_active_params: np.ndarray  # (B,)
    kv_bytes_per_token: np.ndarray  # (B,) at 16 bits
    tokens_per_step: np.ndarray  # (B,) output tokens per decode step (multi-token prediction)
    price_usd_per_million_tokens: np.ndarray  # (B,) NaN: no price set
    energy_price_usd_per_kwh: np.ndarray
    agent_cpu_ratio: np.ndarray
    contract_value_usd: np.ndarray
    pue: np.ndarray
    design_pue: np.ndarray
    utilization: np.ndarray
    mfu: np.ndarray
    full_use_power_fraction: np.ndarray
    idle_power_fraction: np.ndarray
    server_overhead_scale: np.ndarray
    cluster_power_scale: np.ndarray
    network_storage_fraction: np.ndarray
    depreciation_years: np.ndarray
    residual_value_fraction: np.ndarray
    capital_cost_rate: np.ndarray
    facility_usd_per_kw_month: np.ndarray
    facility_capex_usd_per_w: np.ndarray
    other_cost_fraction: np.ndarray
    cpu_usd_per_vcpu_hour: np.ndarray
    cpu_purchase_usd_per_vcpu: np.ndarray
    cpu_power_w_per_vcpu: np.ndarray
    vcpus_per_agent_session: np.ndarray
    context_tokens: np.ndarray
    output_tokens_per_request: np.ndarray
    tokens_per_second_per_user: np.ndarray
    serving_share: np.ndarray
    serving_efficiency_scale: np.ndarray

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
            raise ScenarioError(tr("no scenarios to evaluate"))
        first = items[0]
        for s in items:
            if (s.start, s.term_months) != (first.start, first.term_months):
                raise ScenarioError(tr("scenarios evaluated in one batch must share 'start' and 'term_months' "
                                       "(got {first} and {other})").format(
                                           first=f"{first.start}/{first.term_months}",
                                           other=f"{s.start}/{s.term_months}"))
            check_chips(s, catalog)
        if len(catalog) > LARGE_CATALOG:  # only the chips the batch uses (a user catalog can hold thousands)
            catalog = catalog.only({chip for s in items for chip in (*s.chip_mix, *s.rent_price_overrides,
                                                                    *s.purchase_price_overrides)})
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
        model = np.array([served_model(s) for s in items], dtype=float).reshape(n, 4)
        return cls(
            catalog=catalog, start=first.start, term_months=first.term_months,
            gpu_count=np.array([s.gpu_count for s in items], dtype=float),
            facility_power_mw=np.array([np.nan if s.facility_power_mw is None else s.facility_power_mw
                                        for s in items], dtype=float),
            shares=shares / shares.sum(axis=1, keepdims=True),
            rent_usd_per_gpu_hour=rent, purchase_usd=purchase, rent_scaled=rent_scaled,
            purchase_scaled=purchase_scaled,
            ramp_months=np.array([s.ramp_months for s in items], dtype=float),
            own=np.array([s.pricing == "own" for s in items]),
            passthrough=np.array([s.energy_passthrough for s in items]),
            hardware_refresh=np.array([s.hardware_refresh for s in items]),
            token_precision=np.array([PRECISIONS.index(s.token_precision) for s in items]),
            model_total_params=model[:, 0], model_active_params=model[:, 1], kv_bytes_per_token=model[:, 2],
            tokens_per_step=model[:, 3],
            price_usd_per_million_tokens=np.array([np.nan if s.price_usd_per_million_tokens is None
                                                   else s.price_usd_per_million_tokens for s in items], dtype=float),
            **scalars,
        )


LARGE_CATALOG = 64  # past this many chips a batch's chip axis holds only the chips its scenarios use

# The serving roofline of one scenario, by its serving set-up (a slider step of the fleet, the prices
# or the agents leaves it as it was): (catalog, result) by key.
_SERVING_MEMO: dict = {}


def _col(a: np.ndarray) -> np.ndarray:
    return a[:, None]


def ramp_fraction(months: np.ndarray, ramp_months: np.ndarray) -> np.ndarray:
    """Share of full deployment installed in month ``m`` (0-based), shape (B, T).

    Linear: ``(m + 1) / (R + 1)`` capped at 1, so month R (the ramp_end month) is fully deployed and
    R = 0 means everything from the first month; 0 before the start (negative months)."""
    return np.clip((months[None, :] + 1.0) / (_col(ramp_months) + 1.0), 0.0, 1.0)


def ramp_fraction_at(months: np.ndarray, ramp_months: np.ndarray) -> np.ndarray:
    """The ramp at (B, T) month indices (negative: before the start, 0)."""
    out = (months + 1.0) * _col(1.0 / (ramp_months + 1.0))
    return np.clip(out, 0.0, 1.0, out=out)


class Projection:
    """Monthly results of a batch of scenarios. Read-only.

    Every monthly series is a per-scenario rate at full deployment times the deployment ramp
    ``f`` (B, T) or the installed hours ``f × hours`` (owned hardware adds a capital schedule).
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

        # Provisioned IT power per accelerator, by chip (B, C): its system share (TDP plus the scaled
        # server overhead), plus the cluster beyond the racks.
        system_w = cat.tdp_w[None, :] + cat.overhead_w[None, :] * _col(p.server_overhead_scale)
        beyond_w = system_w * cat.beyond_rack_fraction[None, :] * _col(p.cluster_power_scale)
        cpu_w_per_accel = p.agent_cpu_ratio * p.cpu_power_w_per_vcpu
        # Sized by power: the accelerators that the provisioned facility power holds.
        per_accel_facility_w = ((p.shares * (system_w + beyond_w)).sum(axis=1) + cpu_w_per_accel) * p.design_pue
        by_power = ~np.isnan(p.facility_power_mw)
        self.gpu_count = np.where(by_power, np.nan_to_num(p.facility_power_mw) * 1e6 / per_accel_facility_w,
                                  p.gpu_count)
        self.sized_by_power = by_power

        n = self.gpus_full_by_chip = _col(self.gpu_count) * p.shares  # (B, C)
        self._peak_tflops_full = np.stack([n @ cat.peak_tflops[q] for q in PRECISIONS], axis=1)  # (B, 3)
        tdp_w = n @ cat.tdp_w
        self._accel_w_by_chip = n * (system_w + beyond_w)  # (B, C) provisioned IT power of each chip's fleet
        self._system_w = (n * system_w).sum(axis=1)
        self._beyond_w = (n * beyond_w).sum(axis=1)
        self._vcpus_full = p.agent_cpu_ratio * self.gpu_count
        cpu_w = self._vcpus_full * p.cpu_power_w_per_vcpu
        it_w = self._system_w + self._beyond_w + cpu_w
        self._accel_mw_full = tdp_w / 1e6
        self._overhead_mw_full = (self._system_w - tdp_w) / 1e6
        self._cluster_mw_full = self._beyond_w / 1e6
        self._cpu_mw_full = cpu_w / 1e6
        self._it_mw_full = it_w / 1e6  # provisioned IT power at full deployment
        self._facility_mw_full = self._it_mw_full * p.design_pue  # provisioned facility power

        # Average draw follows utilisation: idle share plus the busy share of the full-use draw.
        load = self.power_load_fraction = (
            p.idle_power_fraction + (p.full_use_power_fraction - p.idle_power_fraction) * p.utilization)
        self._it_avg_mw_full = self._it_mw_full * load
        self._facility_avg_mw_full = self._it_avg_mw_full * p.pue

        # Cost rates. Rented capacity is billed per installed hour (the cluster network is in the rent);
        # energy per hour either as metered (passed through, or owned) or as embedded in an
        # all-inclusive rent at full-use draw.
        own = p.own
        self.energy_embedded = ~own & ~p.passthrough
        self._metered_usd_h = self._facility_avg_mw_full * 1e3 * p.energy_price_usd_per_kwh
        embedded_usd_h = it_w / 1e3 * p.full_use_power_fraction * p.pue * p.energy_price_usd_per_kwh
        self._energy_usd_h = np.where(self.energy_embedded, embedded_usd_h, self._metered_usd_h)
        self._rent_usd_h = np.where(own, 0.0, (n * p.rent_usd_per_gpu_hour).sum(axis=1))
        self._cpu_rent_usd_h = np.where(own, 0.0, self._vcpus_full * p.cpu_usd_per_vcpu_hour)
        # Capital: the accelerator systems with their share of network and storage, the CPU servers,
        # and the facility build (reported as capex; owned rows pay the facility per kW-month).
        self._hardware_usd = (n * p.purchase_usd).sum(axis=1) * (1.0 + p.network_storage_fraction)
        self._cpu_hardware_usd = self._vcpus_full * p.cpu_purchase_usd_per_vcpu
        self._facility_capex_usd = p.facility_capex_usd_per_w * it_w
        self._purchase_full = np.where(own, self._hardware_usd, 0.0)
        self._cpu_purchase_full = np.where(own, self._cpu_hardware_usd, 0.0)
        kw_month = p.facility_usd_per_kw_month / 1e3
        self._facility_usd_month = np.where(own, kw_month * (self._system_w + self._beyond_w), 0.0)
        self._cpu_facility_usd_month = np.where(own, kw_month * cpu_w, 0.0)
        self._own_rows = np.flatnonzero(own)
        self._sum_capital = np.zeros(p.size)
        self._book_end = np.zeros(p.size)
        if self._own_rows.size:
            self._sum_capital[self._own_rows], self._book_end[self._own_rows] = self._capital_totals()

    def _capital_rows(self):
        p, rows = self.params, self._own_rows
        life = np.maximum(np.round(p.depreciation_years[rows] * 12.0), 1.0)  # whole months
        generations = max(int(np.ceil(p.term_months / life.min())) - 1, 1)  # replacements within the term
        return (p.ramp_months[rows], life, p.residual_value_fraction[rows],
                p.hardware_refresh[rows].astype(float), p.capital_cost_rate[rows] / 12.0, generations)

    def _capital_totals(self) -> tuple[np.ndarray, np.ndarray]:
        """Owned rows: the capital charged over the term and the book value left at its end, as
        shares of the full fleet's purchase price (B_own,), in closed form from the ramp's sums: the
        same figures as summing :meth:`_capital_schedule` (a test checks it), without its (B, T)
        arrays, so the whole-term KPIs of a large batch stay cheap."""
        ramp, life, residual, refresh, rate, generations = self._capital_rows()
        term = self.params.term_months

        def sums(shift):
            """Σ f(m − shift) and Σ m·f(m − shift) over the term's months m, and f(T − 1 − shift)."""
            n = np.maximum(term - shift, 0.0)  # months at or after the shifted start
            q = np.minimum(n, np.ceil(ramp))  # of them, on the ramp (f below 1)
            scale = ramp + 1.0
            s0 = q * (q + 1.0) / (2.0 * scale) + (n - q)
            sx = (q - 1.0) * q * (q + 1.0) / (3.0 * scale) + (n - 1.0) * n / 2.0 - (q - 1.0) * q / 2.0
            last = np.clip((term - shift) / scale, 0.0, 1.0)
            return s0, sx + shift * s0, last

        f0, f1, f_last = sums(0.0)
        b0, b1, b_last = f0.copy(), f1.copy(), f_last.copy()  # units bought (with replacements)
        for j in range(1, generations + 1):
            g0, g1, g_last = sums(life * j)
            b0, b1, b_last = b0 + refresh * g0, b1 + refresh * g1, b_last + refresh * g_last
        l0, l1, l_last = sums(life)  # f(m − D)
        in0 = f0 - (1.0 - refresh) * l0
        in1 = f1 - (1.0 - refresh) * l1
        per_month = (1.0 - residual) / life
        depreciation = per_month * in0
        # Σ_m cumsum(d)(m) = Σ_k d(k) (T − k)
        depreciation_carried = per_month * (term * in0 - in1)
        book_sum = b0 - depreciation_carried - residual * refresh * (b0 - f0)
        book_end = b_last - depreciation - residual * refresh * (b_last - f_last)
        return depreciation + rate * book_sum, np.maximum(book_end, 0.0)

    @cached_property
    def _capital_share(self) -> np.ndarray | None:
        return self._capital_schedule(np.arange(self.params.term_months, dtype=float))[0] \
            if self._own_rows.size else None

    def _capital_schedule(self, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Owned rows: capital cost per month, and the book value left at each month's end, both as
        shares of the full fleet's purchase price (B_own, T).

        A unit bought in month k depreciates straight-line from its price to its residual value R
        over D whole months (k .. k + D − 1). With refresh it is then sold at R and replaced, so the
        fleet in service stays f(m), every unit in service is within its life, and the units bought
        by month m are CP(m) = Σ_j f(m − jD); without, it keeps running fully depreciated, held at R.
        Book value = bought − depreciation so far − R × units sold. The capital charge is the yearly
        rate / 12 on the book value at the end of the month. What is on the books when the term ends
        is the owner's (the hardware is kept), so it is not charged to the term."""
        ramp, life, residual, refresh, rate, generations = self._capital_rows()
        f = self.ramp[self._own_rows]
        shifted = ramp_fraction_at(t[None, :] - _col(life), ramp)  # f(m − D): 0 until a life has passed
        bought = f + _col(refresh) * shifted
        for j in range(2, generations + 1):  # one term per further replacement generation (a few)
            bought += _col(refresh) * ramp_fraction_at(t[None, :] - _col(life * j), ramp)
        shifted *= _col(1.0 - refresh)
        in_life = np.subtract(f, shifted, out=shifted)  # with refresh every unit in service is within its life
        depreciation = np.multiply(in_life, _col((1.0 - residual) / life), out=in_life)
        book = bought - np.cumsum(depreciation, axis=1)
        book -= _col(residual * refresh) * (bought - f)  # units sold at their residual value
        np.maximum(book, 0.0, out=book)  # no -1e-17 from rounding
        return depreciation + book * _col(rate), book

    @property
    def size(self) -> int:
        return self.params.size

    def _series(self, rate: np.ndarray, per_hour: bool = False) -> np.ndarray:
        """A (B,) full-deployment rate spread over the months: × f, or × installed hours."""
        return (self._installed_hours if per_hour else self.ramp) * _col(rate)

    # ------------------------------------------------------------------------ serving (B, C)
    @cached_property
    def tokens_per_second_by_chip(self) -> np.ndarray:
        """Output tokens per second per busy serving accelerator, by chip (B, C) (explorer.serving)."""
        return self.serving_tokens_per_second(self.params.tokens_per_second_per_user[:, None])

    def serving_tokens_per_second(self, tokens_per_user: np.ndarray) -> np.ndarray:
        """Tokens per second per accelerator by chip at the given interactivity: (B, C) for a (B, 1)
        argument, (B, C, K) for a (B, 1, K) one (the interactivity curve). Only the chips the batch
        uses are computed, and a batch sharing one serving set-up (a sweep of fleet sizes or prices)
        computes it once."""
        p, cat = self.params, self.catalog
        curve = np.ndim(tokens_per_user) == 3
        chips = np.flatnonzero((p.shares > 0).any(axis=0))
        out = np.zeros((p.size, len(cat)) + ((np.shape(tokens_per_user)[2],) if curve else ()))
        if chips.size == 0:
            return out
        setup = np.stack([p.model_total_params, p.model_active_params, p.kv_bytes_per_token, p.tokens_per_step,
                          p.context_tokens, p.output_tokens_per_request, p.serving_efficiency_scale,
                          p.token_precision.astype(float)]
                         + ([] if curve else [np.broadcast_to(tokens_per_user[:, 0], (p.size,))]), axis=1)
        memo_key = None
        if p.size == 1:  # one scenario (a slider step): most steps leave the serving set-up as it was
            memo_key = (id(cat), chips.tobytes(), setup.tobytes(), np.asarray(tokens_per_user, dtype=float).tobytes())
            hit = _SERVING_MEMO.get(memo_key)
            if hit is not None and hit[0] is cat:
                return hit[1].copy()
        if p.size == 1 or (setup == setup[0]).all():  # one set-up for the whole batch: computed once
            rows, back = np.zeros(1, dtype=int), np.zeros(p.size, dtype=int)
        else:
            rows = back = np.arange(p.size)
        precision = cat.effective_precision_index[p.token_precision[rows]][:, chips]  # (U, C') into PRECISIONS
        flops = cat.peak_tflops_matrix[p.token_precision[rows]][:, chips] * 1e12  # a missing precision falls back
        weight_bytes = np.array([serving.WEIGHT_BYTES[q] for q in PRECISIONS])[precision]
        kv_scale = np.array([serving.KV_SCALE[q] for q in PRECISIONS])[precision]
        u = tokens_per_user[rows]
        per_row = (slice(None), None, None) if curve else (slice(None), None)
        if curve:
            flops, weight_bytes, kv_scale = flops[..., None], weight_bytes[..., None], kv_scale[..., None]
        per_chip = (None, slice(None), None) if curve else (None, slice(None))
        bandwidth = cat.hbm_bytes_per_s[chips][per_chip]

        def row(a):
            return a[rows][per_row]
        with np.errstate(all="ignore"):
            tps = serving.tokens_per_second(
                flops, bandwidth, cat.hbm_bytes[chips][per_chip], cat.scale_up_domain[chips][per_chip],
                total_params=row(p.model_total_params), active_params=row(p.model_active_params),
                kv_bytes_per_token=row(p.kv_bytes_per_token) * kv_scale, tokens_per_step=row(p.tokens_per_step),
                input_tokens=row(p.context_tokens), output_tokens=row(p.output_tokens_per_request),
                tokens_per_user=u, weight_bytes_per_param=weight_bytes,
                efficiency_scale=row(p.serving_efficiency_scale))
        tps = np.where(np.isfinite(tps) & (bandwidth > 0) & (flops > 0), tps, 0.0)
        out[:, chips] = tps[back]
        if memo_key is not None:
            if len(_SERVING_MEMO) >= 32:
                _SERVING_MEMO.pop(next(iter(_SERVING_MEMO)))
            _SERVING_MEMO[memo_key] = (cat, out.copy())
        return out

    @cached_property
    def _serving_tokens_per_s_full(self) -> np.ndarray:
        """Output tokens per second of the whole fleet at full deployment (busy serving hours only)."""
        p = self.params
        return (self.gpus_full_by_chip * self.tokens_per_second_by_chip).sum(axis=1) * p.utilization * p.serving_share

    # ------------------------------------------------------------------------ monthly series (B, T)
    @cached_property
    def gpus(self) -> np.ndarray:
        """Installed accelerators."""
        return self._series(self.gpu_count)

    @cached_property
    def gpu_hours(self) -> np.ndarray:
        return self._series(self.gpu_count, per_hour=True)

    @cached_property
    def effective_gpu_hours(self) -> np.ndarray:
        """Busy GPU-hours: installed GPU-hours × utilisation."""
        return self._series(self.gpu_count * self.params.utilization, per_hour=True)

    @cached_property
    def accel_mw(self) -> np.ndarray:
        """Accelerators' nameplate (TDP) power, MW (part of the provisioned IT power)."""
        return self._series(self._accel_mw_full)

    @cached_property
    def overhead_mw(self) -> np.ndarray:
        """Rack/server power beyond the accelerators' TDP (host CPUs, memory, NICs, switches, fans), MW."""
        return self._series(self._overhead_mw_full)

    @cached_property
    def cluster_mw(self) -> np.ndarray:
        """Cluster power beyond the racks (scale-out network, storage, management, losses), MW."""
        return self._series(self._cluster_mw_full)

    @cached_property
    def cpu_mw(self) -> np.ndarray:
        """Agent CPUs' nameplate power, MW."""
        return self._series(self._cpu_mw_full)

    @cached_property
    def it_mw(self) -> np.ndarray:
        """Provisioned IT power, MW."""
        return self._series(self._it_mw_full)

    @cached_property
    def facility_mw(self) -> np.ndarray:
        """Provisioned facility (grid) power, MW: IT × design PUE."""
        return self._series(self._facility_mw_full)

    @cached_property
    def it_avg_mw(self) -> np.ndarray:
        """Average IT draw, MW."""
        return self._series(self._it_avg_mw_full)

    @cached_property
    def facility_avg_mw(self) -> np.ndarray:
        """Average facility draw, MW: average IT draw × annual average PUE."""
        return self._series(self._facility_avg_mw_full)

    @cached_property
    def energy_mwh(self) -> np.ndarray:
        """Facility energy per month at the average draw, MWh."""
        return self._series(self._facility_avg_mw_full, per_hour=True)

    @cached_property
    def vcpus(self) -> np.ndarray:
        return self._series(self._vcpus_full)

    @cached_property
    def agent_sessions(self) -> np.ndarray:
        return self._series(self._vcpus_full / self.params.vcpus_per_agent_session)

    @cached_property
    def tokens(self) -> np.ndarray:
        """Output tokens served per month (busy serving hours)."""
        return self._series(self._serving_tokens_per_s_full * SECONDS_PER_HOUR, per_hour=True)

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
        """USD per million output tokens, each month: the serving share of the fleet's cost over the
        tokens served (NaN where nothing is served)."""
        with np.errstate(all="ignore"):
            out = self.cost_total * _col(self.params.serving_share) / self.tokens * 1e6
        return np.where(np.isfinite(out) & (self.tokens > 0), out, np.nan)

    @cached_property
    def cost_by_chip(self) -> np.ndarray:
        """Whole-term cost attributable to each chip's accelerators, (B, C): its rent or capital and
        facility, its share of the energy (by provisioned power), of the agent CPUs (by count) and of
        'other'. The chips' costs add up to the total."""
        p, k = self.params, self.kpis
        n = self.gpus_full_by_chip
        count_share = n / np.where(self.gpu_count > 0, self.gpu_count, 1.0)[:, None]
        accel_w = self._accel_w_by_chip
        accel_total = accel_w.sum(axis=1)
        power_share = accel_w / np.where(accel_total > 0, accel_total, 1.0)[:, None]
        it_w = self._it_mw_full * 1e6
        accel_part = np.divide(accel_total, it_w, out=np.zeros_like(it_w), where=it_w > 0)
        if self._own_rows.size:
            capital = n * p.purchase_usd * _col((1.0 + p.network_storage_fraction) * self._sum_capital)
            facility = (p.facility_usd_per_kw_month / 1e3 * self._sum_f)[:, None] * accel_w
            compute = np.where(p.own[:, None], capital + facility, 0.0)
        else:
            compute = np.zeros_like(n)
        compute = compute + n * p.rent_usd_per_gpu_hour * np.where(p.own, 0.0, self._sum_fh)[:, None]
        energy = k["cost_energy_usd"]
        energy_by_chip = _col(energy * accel_part) * power_share + _col(energy * (1.0 - accel_part)) * count_share
        cpu = _col(k["cost_cpu_usd"]) * count_share
        return compute + energy_by_chip + cpu + (compute + cpu) * _col(p.other_cost_fraction)

    @cached_property
    def cost_per_busy_gpu_hour_by_chip(self) -> np.ndarray:
        """USD per busy GPU-hour of each chip, (B, C) (NaN for chips not in the mix)."""
        busy = self.gpus_full_by_chip * _col(self.params.utilization * self._sum_fh)
        with np.errstate(all="ignore"):
            return np.where(busy > 0, self.cost_by_chip / busy, np.nan)

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

    # -------------------------------------------------------------------------------------- by year
    def by_year(self, series: np.ndarray, fiscal: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """A monthly series (B, T) summed over each year of the term: years (Y,) and sums (B, Y);
        calendar years, or fiscal years (April to March) with ``fiscal``; partial years included."""
        years, starts = year_split(self.params.start, self.params.term_months, fiscal)
        return years.copy(), np.add.reduceat(series, starts, axis=1)

    def at_year_end(self, series: np.ndarray, fiscal: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """A monthly series (B, T) in the last month of each year of the term (the term's last month
        for its last year): years (Y,) and values (B, Y)."""
        years, starts = year_split(self.params.start, self.params.term_months, fiscal)
        ends = np.r_[starts[1:], self.params.term_months] - 1
        return years.copy(), series[:, ends]

    def months_by_year(self, fiscal: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Years (Y,) and how many months of the term fall in each (Y,): 12 but for partial years."""
        years, starts = year_split(self.params.start, self.params.term_months, fiscal)
        return years.copy(), np.diff(np.r_[starts, self.params.term_months])

    def energy_by_year(self, fiscal: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Years (Y,) and facility energy in GWh per year (B, Y): calendar years, or fiscal years
        (April to March) with ``fiscal``; partial years included."""
        years, mwh = self.by_year(self.energy_mwh, fiscal)
        return years, mwh / 1e3

    def cost_by_year(self, fiscal: bool = False) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Years (Y,) and cost per year in USD (B, Y) by component (compute, energy, cpu, other) and
        'total'; calendar years, or fiscal years with ``fiscal``. The years add up to the term's."""
        years, starts = year_split(self.params.start, self.params.term_months, fiscal)
        out = {part: np.add.reduceat(values, starts, axis=1) for part, values in self.cost.items()}
        out["total"] = np.add.reduceat(self.cost_total, starts, axis=1)
        return years.copy(), out

    def gpus_at_year_end(self, fiscal: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Years (Y,) and the accelerators installed in each year's last month of the term (B, Y)."""
        return self.at_year_end(self.gpus, fiscal)

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
        tokens = self._serving_tokens_per_s_full * SECONDS_PER_HOUR * sum_fh
        installed_gpu_hours = self.gpu_count * sum_fh
        eff_gpu_hours = installed_gpu_hours * p.utilization
        eff_bf16_pflops = self._peak_tflops_full[:, 0] / 1e3 * p.utilization * p.mfu
        eff_pflop_days = eff_bf16_pflops * sum_fh / HOURS_PER_DAY
        has_contract = p.contract_value_usd > 0
        facility_gw = self._facility_mw_full * peak / 1e3
        capex = self._hardware_usd + self._cpu_hardware_usd + self._facility_capex_usd
        serving_cost = total * p.serving_share
        serves = tokens > 0
        with np.errstate(all="ignore"):
            per_million = serving_cost / tokens * 1e6
            per_million = np.where(serves & np.isfinite(per_million), per_million, np.nan)
            revenue = p.price_usd_per_million_tokens * tokens / 1e6  # NaN without a price
            # cost(u) = fixed + slope × u: only the metered energy follows utilisation (the draw does)
            slope = np.where(self.energy_embedded, 0.0, self._metered_usd_h * sum_fh
                             * (p.full_use_power_fraction - p.idle_power_fraction) / self.power_load_fraction)
            slope = np.nan_to_num(slope)
            fixed = total - slope * p.utilization
            revenue_per_util = revenue / p.utilization
            breakeven = np.where(revenue_per_util > p.serving_share * slope,
                                 p.serving_share * fixed / (revenue_per_util - p.serving_share * slope), np.nan)
            return {
                "gpus_peak": self.gpu_count * peak,
                "vcpus_peak": self._vcpus_full * peak,
                "agent_sessions_peak": self._vcpus_full / p.vcpus_per_agent_session * peak,
                "it_power_peak_mw": self._it_mw_full * peak,
                "facility_power_peak_mw": self._facility_mw_full * peak,
                "it_power_average_mw": self._it_avg_mw_full * peak,
                "facility_power_average_mw": self._facility_avg_mw_full * peak,
                "gpus_per_gw": np.where(facility_gw > 0, self.gpu_count * peak / facility_gw, np.nan),
                "energy_total_gwh": self._facility_avg_mw_full * sum_fh / 1e3,
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
                "capex_usd": capex,
                "capex_usd_per_gw": np.where(facility_gw > 0, capex / facility_gw, np.nan),
                "residual_book_value_usd": self._book_end * (self._purchase_full + self._cpu_purchase_full),
                "cost_per_million_tokens_usd": per_million,
                "cost_per_effective_gpu_hour_usd": total / eff_gpu_hours,
                "cost_per_effective_pflop_day_usd": total / eff_pflop_days,
                "tokens_total": tokens,
                "tokens_per_second_per_gpu": (p.shares * self.tokens_per_second_by_chip).sum(axis=1),
                "fleet_tokens_per_second": self._serving_tokens_per_s_full * peak,
                "revenue_usd": revenue,
                "gross_margin_usd": revenue - serving_cost,
                "breakeven_utilization": breakeven,
                "contract_value_usd": p.contract_value_usd,
                "cost_vs_contract": np.where(has_contract, total / np.where(has_contract, p.contract_value_usd, 1.0),
                                             np.nan),
                "implied_usd_per_gpu_hour": np.where(has_contract & (installed_gpu_hours > 0),
                                                     p.contract_value_usd / installed_gpu_hours, np.nan),
                "contract_gpus": np.where(has_contract & (total > 0),
                                          p.contract_value_usd * self.gpu_count / total, np.nan),
            }

    def summary(self, index: int = 0) -> dict:
        """One scenario's KPIs as plain JSON-ready values (the command line's ``summary --json``)."""
        k = {name: _finite_or_none(float(v[index])) for name, v in self.kpis.items()}
        parts = ("compute", "energy", "cpu", "other")
        out = {name: k[name] for name in (
            "gpus_peak", "vcpus_peak", "agent_sessions_peak", "it_power_peak_mw", "facility_power_peak_mw",
            "it_power_average_mw", "facility_power_average_mw", "gpus_per_gw",
            "energy_total_gwh", "compute_peak_eflops_bf16", "compute_peak_eflops_fp8", "compute_peak_eflops_fp4",
            "compute_effective_peak_eflops_bf16", "cost_total_usd")}
        out["cost_breakdown_usd"] = {part: k[f"cost_{part}_usd"] for part in parts}
        out["energy_embedded_in_rent"] = bool(self.energy_embedded[index])
        out["sized_by_power"] = bool(self.sized_by_power[index])
        for name in ("energy_share_of_cost", "capex_usd", "capex_usd_per_gw", "residual_book_value_usd",
                     "cost_per_million_tokens_usd", "cost_per_effective_gpu_hour_usd",
                     "cost_per_effective_pflop_day_usd", "tokens_total", "tokens_per_second_per_gpu",
                     "fleet_tokens_per_second", "contract_value_usd", "cost_vs_contract", "implied_usd_per_gpu_hour",
                     "contract_gpus"):
            out[name] = k[name]
        if not np.isnan(self.params.price_usd_per_million_tokens[index]):
            for name in ("revenue_usd", "gross_margin_usd", "breakeven_utilization"):
                out[name] = k[name]
        out["term_months"] = int(self.params.term_months)
        out["start"] = self.params.start
        return out


def _finite_or_none(x: float) -> float | None:
    return x + 0.0 if np.isfinite(x) else None


def evaluate(scenarios: Scenario | Iterable[Scenario] | Params, catalog: Catalog | None = None) -> Projection:
    """Evaluate one scenario, a list of scenarios (one batch), or prepared Params."""
    params = scenarios if isinstance(scenarios, Params) else Params.from_scenarios(scenarios, catalog)
    return Projection(params)


SCALAR_FIELDS = _SCALAR_FIELDS
assert all(name in FIELDS for name in _SCALAR_FIELDS)
