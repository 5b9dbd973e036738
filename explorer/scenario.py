"""The Scenario: an immutable value with a default for every field, and its JSON file format.

``FIELDS`` is the single description of every scenario field: its type, default, allowed range, unit,
label, group and public source. Validation, the file format, the window's Assumptions panel, the
exports' assumptions sheet and docs/model.md all read it, so they cannot disagree.

Files are JSON with ``"schema_version": 1``; a key left out takes its default. Nothing read from disk
is ever evaluated or unpickled.
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from .errors import ScenarioError
from .files import atomic_write_text

SCHEMA_VERSION = 1
MAX_FILE_BYTES = 1_000_000  # a scenario file is a few kB; anything this large is not one


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: str  # int | float | text | month | choice | bool | mix | price_map
    default: Any
    label: str
    group: str
    unit: str = ""
    lo: float | None = None
    hi: float | None = None
    choices: tuple[str, ...] = ()
    source: str = ""
    estimate: bool = False
    help: str = ""
    # Uncertainty: the default range as (low, high) multiples of the value (months for ramp_end),
    # and where that spread comes from. None: the field carries no range.
    spread: tuple[float, float] | None = None
    spread_source: str = ""

    def range_text(self) -> str:
        if self.kind == "choice":
            return " or ".join(f"'{c}'" for c in self.choices)
        if self.kind == "month":
            return "a month written YYYY-MM"
        if self.kind == "bool":
            return "true or false"
        if self.lo is not None and self.hi is not None:
            return f"{_fmt(self.lo)} to {_fmt(self.hi)}"
        return ""


def _fmt(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:g}"


GROUPS = ("Scenario", "Main levers", "Contract", "Facility & power", "Prices", "Agents & tokens", "Uncertainty")

# The announced deal (seed article; OpenAI and AWS press releases, 3 November 2025): USD 38B over
# 7 years from November 2025, NVIDIA GB200 and GB300 on EC2 UltraServers, all capacity deployed by
# the end of 2026. The GPU count was not published ("hundreds of thousands").
_FIELD_LIST = (
    FieldSpec("name", "text", "OpenAI–AWS deal as announced (USD 38B, 7 years)", "Name", "Scenario",
              help="Shown in the title bar, on exported charts and in reports."),
    FieldSpec("description", "text",
              "USD 38B over 7 years from November 2025; NVIDIA GB200 and GB300 on EC2 UltraServers; "
              "all capacity deployed by the end of 2026. GPU count not disclosed ('hundreds of "
              "thousands'): 200,000 at 0.8 × catalog rent puts the modelled cost over the term close to "
              "USD 38B.",
              "Description", "Scenario"),
    FieldSpec("gpu_count", "int", 200_000, "GPU count", "Main levers", "accelerators", 1, 5_000_000,
              source="Estimate: the deal announcement says 'hundreds of thousands' of GB200/GB300 GPUs "
                     "(OpenAI/AWS, 2025-11-03); 200,000 at the default prices puts the modelled 7-year "
                     "cost near USD 38B.",
              estimate=True, help="Accelerators installed at full deployment."),
    FieldSpec("chip_mix", "mix", MappingProxyType({"GB200": 0.5, "GB300": 0.5}), "Chip mix", "Main levers",
              "share of accelerators",
              source="Estimate: the announcement names GB200 and GB300 without a split; 50/50 assumed.",
              estimate=True, help="Share of the fleet by chip id; normalised to sum to 1."),
    FieldSpec("energy_price_usd_per_kwh", "float", 0.0806, "Energy price", "Main levers", "USD/kWh", 0.0, 1.0,
              source="EIA, average US industrial electricity price 2023: 8.06 ¢/kWh.",
              help="Price of electricity delivered to the facility.",
              spread=(0.7494, 2.1452),
              spread_source='EIA Electric Power Monthly table 5.6.A, April 2025: industrial prices from 6.04 ¢/kWh (Iowa) to 17.29 ¢/kWh (New England) around the 8.06 ¢ US average.'),
    FieldSpec("agent_cpu_ratio", "float", 10.0, "Agent CPU ratio", "Main levers", "vCPUs per accelerator",
              0.0, 1000.0,
              source="Estimate: the deal allows scaling to 'tens of millions of CPUs' for agentic work; "
                     "10 vCPUs per GPU (2 million vCPUs at 200,000 GPUs) is a base load, the "
                     "agent-heavy preset takes 100.",
              estimate=True,
              help="vCPUs provisioned per accelerator for agentic workloads (tool use, sandboxes), on top "
                   "of the host CPUs inside each accelerator server."),
    FieldSpec("term_months", "int", 84, "Term", "Contract", "months", 1, 240,
              source="Deal announcement (2025-11-03): 7 years."),
    FieldSpec("start", "month", "2025-11", "Start", "Contract",
              source="Deal announcement (2025-11-03): capacity use starts immediately."),
    FieldSpec("ramp_end", "month", "2026-12", "Full deployment by", "Contract",
              source="Deal announcement (2025-11-03): all capacity deployed before the end of 2026.",
              help="Installed capacity grows linearly from the start month to this month; equal to the "
                   "start means all capacity from the first month.",
              spread=(-1, 6),
              spread_source='Estimate: large deployments rarely arrive early and often slip; one month early to six months late.'),
    FieldSpec("contract_value_usd", "float", 38e9, "Contract value", "Contract", "USD", 0.0, 1e13,
              source="Deal announcement (2025-11-03): USD 38 billion."),
    FieldSpec("pricing", "choice", "rent", "Pricing", "Contract", choices=("rent", "own"),
              help="rent: capacity billed per installed GPU-hour; own: purchase depreciated plus "
                   "facility and energy costs."),
    FieldSpec("energy_passthrough", "bool", True, "Energy passed through", "Contract",
              source="Power-pass-through is the usual term in wholesale colocation and large "
                     "reserved-capacity deals (docs/model.md).",
              help="Rent only. true: rent excludes electricity, which is billed as metered at the "
                   "scenario's energy price. false: all-inclusive rent; the electricity embedded in the "
                   "provider's price (at full-use draw) is shown as the energy component."),
    FieldSpec("pue", "float", 1.15, "PUE", "Facility & power", "facility ÷ IT power", 1.0, 3.0,
              source="AWS Sustainability, data centres: global PUE 1.15 in 2024 (best sites 1.04-1.07). "
                     "Public-cloud average about 1.25; enterprise colocation 1.5-1.6.",
              help="Facility power divided by IT power (cooling, power conversion).",
              spread=(0.9391, 1.1305),
              spread_source='AWS: new designs reach about 1.08; hyperscale designs target below 1.3.'),
    FieldSpec("utilization", "float", 0.80, "Utilisation", "Facility & power", "share of GPU-hours busy",
              0.01, 1.0,
              source="Estimate: reserved frontier-lab fleets are kept busy; 80% of installed GPU-hours "
                     "allows for maintenance, failures and scheduling gaps.",
              estimate=True,
              spread=(0.8125, 1.125),
              spread_source='Estimate: 65% to 90% of installed GPU-hours busy.'),
    FieldSpec("mfu", "float", 0.40, "MFU", "Facility & power", "share of peak FLOP/s achieved", 0.01, 1.0,
              source="Meta, The Llama 3 Herd of Models (2024): 38–43% BF16 MFU on 16k H100s; 30–50% is "
                     "a common planning range.",
              help="Model FLOP utilisation while busy: effective compute = peak × utilisation × MFU.",
              spread=(0.75, 1.25),
              spread_source='Common planning range of 30% to 50% MFU (Llama 3 reached 38–43%).'),
    FieldSpec("full_use_power_fraction", "float", 0.76, "Power draw when busy", "Facility & power",
              "share of rated system power", 0.05, 1.0,
              source="Newkirk et al., 'Empirically-Calibrated H100 Node Power Models' (arXiv:2506.14551, "
                     "2025): intensive workloads average 76% of an 8×H100 node's 10.2 kW rating; Latif et "
                     "al. (IEEE Access 13, 2025) measured a peak of about 82%.",
              help="Average draw of a fully busy system as a share of its rated power.",
              spread=(0.921, 1.079),
              spread_source='Measured 8×H100 node: about 70% to its 82% peak under heavy work (Newkirk et al. 2025; Latif et al. 2025).'),
    FieldSpec("idle_power_fraction", "float", 0.25, "Power draw when idle", "Facility & power",
              "share of rated system power", 0.0, 1.0,
              source="Estimate: an idle H100 draws roughly 60–100 W of its 700 W (9–14%), but host CPUs, "
                     "memory, NICs and fans keep a floor of 1.5–2 kW in an 8-GPU server; about a quarter "
                     "of the rated system power.",
              estimate=True),
    FieldSpec("server_overhead_scale", "float", 1.0, "Server overhead scale", "Facility & power", "×",
              0.0, 3.0,
              source="Multiplier on each chip's catalog overhead (system power per accelerator minus "
                     "its TDP, from vendor system specifications); 1 = as published.",
              help="Scales the power of host CPUs, memory, NICs, switches and fans beyond the "
                   "accelerator TDP.",
              spread=(0.85, 1.15),
              spread_source='Estimate: GB300 NVL72 racks are reported at 120–140 kW (±8%); system designs differ.'),
    FieldSpec("chip_price_scale", "float", 0.8, "Chip price scale", "Prices", "× catalog price", 0.05, 5.0,
              source="Estimate: a 7-year, USD 38B commitment earns a volume discount; 0.8 × the catalog's "
                     "3-year rental tier sits between that tier and SemiAnalysis's hyperscaler-owner cost "
                     "tier (0.67 × for GB200). 1 = catalog prices.",
              estimate=True,
              help="Multiplier on every chip's rent and purchase price (per-chip overrides are used as "
                   "entered).",
              spread=(0.8375, 1.25),
              spread_source='SemiAnalysis tiers: from the hyperscaler-owner cost (0.67 × the 3-year rental price for GB200) to the 3-year rental price itself.'),
    FieldSpec("rent_price_overrides", "price_map", MappingProxyType({}), "Rent price (ex power)", "Prices",
              "USD per GPU-hour", 0.0, 1000.0,
              source="Catalog default: published rent with embedded electricity removed "
                     "(docs/model.md).",
              help="Per-chip rent excluding electricity, overriding the catalog."),
    FieldSpec("purchase_price_overrides", "price_map", MappingProxyType({}), "Purchase price", "Prices",
              "USD per accelerator", 0.0, 1e8,
              source="Catalog default (per-chip sources in the catalog).",
              help="Per-chip purchase price, overriding the catalog (pricing 'own')."),
    FieldSpec("depreciation_years", "float", 5.0, "Depreciation", "Prices", "years", 1.0, 15.0,
              source="Amazon 10-K 2024: servers depreciated over 5 years from 2025 (Microsoft and "
                     "Google use 6, Meta 5.5).",
              help="Straight-line life of owned hardware (pricing 'own')."),
    FieldSpec("capital_cost_rate", "float", 0.08, "Cost of capital (owned)", "Prices", "per year", 0.0, 0.5,
              source="Estimate: analysts put large US technology companies' weighted average cost of capital "
                     "at about 7–9%; 8% assumed.",
              estimate=True,
              help="Pricing 'own': yearly charge on the hardware's undepreciated value (financing).",
              spread=(0.875, 1.125),
              spread_source='Estimate: 7% to 9% weighted average cost of capital.'),
    FieldSpec("facility_usd_per_kw_month", "float", 150.0, "Facility cost (owned)", "Prices",
              "USD per kW of IT capacity per month", 0.0, 2000.0,
              source="Estimate: CBRE North America Data Center Trends H2 2024: USD 184.06 per kW per "
                     "month asked for 250–500 kW in primary markets (power excluded); deployments of "
                     "many MW price lower, so 150 is assumed.",
              estimate=True,
              help="Pricing 'own': cost of data-centre space, cooling and power delivery per kW of "
                   "rated IT power, excluding the electricity itself.",
              spread=(0.8, 1.267),
              spread_source='CBRE 2024–25: about USD 120 (large deals) to 190 per kW-month.'),
    FieldSpec("other_cost_fraction", "float", 0.10, "Networking, storage, other", "Prices",
              "share of capacity cost", 0.0, 2.0,
              source="Estimate: scale-out network, storage and support add roughly 10% to accelerator "
                     "and CPU capacity cost in public cluster cost breakdowns.",
              estimate=True,
              spread=(0.5, 2.0),
              spread_source='Estimate: 5% to 20% of capacity cost.'),
    FieldSpec("cpu_usd_per_vcpu_hour", "float", 0.02, "CPU rent (ex power)", "Prices", "USD per vCPU-hour",
              0.0, 1.0,
              source="Estimate: AWS c8g (Graviton4) on demand is about USD 0.040 per vCPU-hour in "
                     "us-east-1 (c8g.large USD 0.0798/h); 3-year Savings Plans take up to 66% off; half "
                     "off assumed.",
              estimate=True,
              spread=(0.68, 2.0),
              spread_source='AWS c8g: USD 0.040 on demand down to about USD 0.0136 with a 3-year Savings Plan (66% off).'),
    FieldSpec("cpu_purchase_usd_per_vcpu", "float", 60.0, "CPU purchase", "Prices", "USD per vCPU", 0.0,
              10_000.0,
              source="Estimate: a two-socket AMD EPYC 9965 server (2 × 192 cores, 768 threads) at about "
                     "USD 45,000 is about USD 60 per vCPU.",
              estimate=True, help="Pricing 'own'."),
    FieldSpec("cpu_power_w_per_vcpu", "float", 3.0, "CPU power", "Agents & tokens", "W per vCPU", 0.0, 100.0,
              source="Estimate: AMD EPYC 9965, about 500 W for 384 threads (1.3 W per vCPU), doubled "
                     "for memory, storage, NICs and fans of the server.",
              estimate=True, help="Rated server power per vCPU."),
    FieldSpec("vcpus_per_agent_session", "float", 2.0, "vCPUs per agent session", "Agents & tokens",
              "vCPUs", 0.01, 1000.0,
              source="Estimate: E2B sandboxes (Firecracker microVMs) default to 2 vCPUs and 512 MB (E2B "
                     "documentation, 2025); treated as an estimate for agent sessions in general.",
              estimate=True),
    FieldSpec("model_active_params_billion", "float", 70.0, "Model size", "Agents & tokens",
              "billion active parameters", 0.1, 10_000.0,
              source="Estimate: 70B is the most widely benchmarked serving size (Llama 2/3 70B in "
                     "MLPerf Inference).",
              estimate=True, help="Active parameters per token (for mixture-of-experts, the active ones)."),
    FieldSpec("flops_per_param_per_token", "float", 2.0, "FLOPs per parameter per token",
              "Agents & tokens", "FLOP", 0.5, 20.0,
              source="Kaplan et al., 'Scaling Laws for Neural Language Models' (2020): a forward pass "
                     "costs about 2 FLOPs per parameter per token (6 for training).",
              help="2 for serving (inference), 6 for training."),
    FieldSpec("serving_flop_efficiency", "float", 0.20, "Serving efficiency", "Agents & tokens",
              "share of peak FLOP/s turned into output tokens", 0.01, 1.0,
              source="MLPerf Inference Llama 2 70B (2024-25): about 2,700 output tokens/s per H100 (FP8), "
                     "4,000-4,500 per H200 and 11,000-13,000 per B200 (FP4) are 18-32% of what peak "
                     "FLOP/s would allow at 2 FLOPs per parameter; decode is bound by memory bandwidth.",
              help="Tokens per second per busy accelerator = peak FLOP/s × this ÷ (FLOPs per parameter "
                   "per token × parameters).",
              spread=(0.9, 1.6),
              spread_source='MLPerf Inference Llama 2 70B (2024–25): 18% to 32% of peak FLOP/s.'),
    FieldSpec("token_precision", "choice", "fp8", "Token precision", "Agents & tokens",
              choices=("bf16", "fp8", "fp4"),
              source="Estimate: FP8 serving is standard on Hopper and Blackwell.", estimate=True),
)

_FIELD_LIST += (
    FieldSpec("ranges", "ranges", None, "Uncertainty ranges", "Uncertainty",
              source="Each field's default range and its source are in docs/model.md (Uncertainty).",
              help="Low and high values around the scenario's value, per uncertain input; each is drawn from "
                   "a triangular distribution peaked at the value. Left out of a file: the default ranges "
                   "around the file's values. {} turns uncertainty off."),
    FieldSpec("uncertainty_samples", "int", 2000, "Samples", "Uncertainty", "scenarios", 100, 20_000,
              source="2,000 samples put the P10 and P90 within about 1% of their converged values."),
    FieldSpec("uncertainty_seed", "int", 1, "Random seed", "Uncertainty", "", 0, 2**31 - 1,
              source="Fixed, so the same scenario always draws the same bands."),
)

FIELDS: Mapping[str, FieldSpec] = MappingProxyType({f.name: f for f in _FIELD_LIST})
UNCERTAIN_FIELDS = tuple(f.name for f in _FIELD_LIST if f.spread is not None)
FILE_KEYS = ("schema_version", *FIELDS)


def _default(name: str):
    value = FIELDS[name].default
    return field(default_factory=lambda: value) if isinstance(value, Mapping) else value


@dataclass(frozen=True, eq=True)
class Scenario:
    """One fleet scenario. Every instance is valid on its own (chip ids are checked against a catalog
    by :func:`check_chips`). Change it with :meth:`replace`, never in place."""

    name: str = _default("name")
    description: str = _default("description")
    gpu_count: int = _default("gpu_count")
    chip_mix: Mapping[str, float] = _default("chip_mix")
    energy_price_usd_per_kwh: float = _default("energy_price_usd_per_kwh")
    agent_cpu_ratio: float = _default("agent_cpu_ratio")
    term_months: int = _default("term_months")
    start: str = _default("start")
    ramp_end: str = _default("ramp_end")
    contract_value_usd: float = _default("contract_value_usd")
    pricing: str = _default("pricing")
    energy_passthrough: bool = _default("energy_passthrough")
    pue: float = _default("pue")
    utilization: float = _default("utilization")
    mfu: float = _default("mfu")
    full_use_power_fraction: float = _default("full_use_power_fraction")
    idle_power_fraction: float = _default("idle_power_fraction")
    server_overhead_scale: float = _default("server_overhead_scale")
    chip_price_scale: float = _default("chip_price_scale")
    rent_price_overrides: Mapping[str, float] = _default("rent_price_overrides")
    purchase_price_overrides: Mapping[str, float] = _default("purchase_price_overrides")
    depreciation_years: float = _default("depreciation_years")
    capital_cost_rate: float = _default("capital_cost_rate")
    facility_usd_per_kw_month: float = _default("facility_usd_per_kw_month")
    other_cost_fraction: float = _default("other_cost_fraction")
    cpu_usd_per_vcpu_hour: float = _default("cpu_usd_per_vcpu_hour")
    cpu_purchase_usd_per_vcpu: float = _default("cpu_purchase_usd_per_vcpu")
    cpu_power_w_per_vcpu: float = _default("cpu_power_w_per_vcpu")
    vcpus_per_agent_session: float = _default("vcpus_per_agent_session")
    model_active_params_billion: float = _default("model_active_params_billion")
    flops_per_param_per_token: float = _default("flops_per_param_per_token")
    serving_flop_efficiency: float = _default("serving_flop_efficiency")
    token_precision: str = _default("token_precision")
    ranges: Mapping[str, tuple] | None = None  # None: the default ranges around this scenario's values
    uncertainty_samples: int = _default("uncertainty_samples")
    uncertainty_seed: int = _default("uncertainty_seed")

    __hash__ = None  # type: ignore[assignment]  # holds mappings; compare with ==

    def __reduce__(self):
        """Pickle as plain values (the read-only mappings do not pickle), e.g. for a worker process."""
        values = {name: (dict(v) if isinstance(v, Mapping) else v)
                  for name, v in ((n, getattr(self, n)) for n in self.__dataclass_fields__)}
        return _scenario_from_values, (values,)

    def __post_init__(self):
        for spec in FIELDS.values():
            object.__setattr__(self, spec.name, _check_value(spec, getattr(self, spec.name)))
        _check_cross_fields(self)
        if self.ranges is None:
            object.__setattr__(self, "ranges", default_ranges(self))
        _check_ranges(self)

    def replace(self, **changes) -> "Scenario":
        """A changed copy. A value that carries a range moves its range along (same proportions),
        unless the same call sets ``ranges``."""
        if "ranges" not in changes and self.ranges:
            moved = _moved_ranges(self, changes)
            if moved is not None:
                changes["ranges"] = moved
        return dataclasses.replace(self, **changes)

    @property
    def ramp_months(self) -> int:
        """Months from the start to full deployment (0 = everything installed in the first month)."""
        return month_index(self.ramp_end) - month_index(self.start)

    def to_dict(self) -> dict:
        """The file form: every key, in the documented order, as plain JSON types."""
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for name in FIELDS:
            value = getattr(self, name)
            if name == "ranges":
                value = {k: list(v) for k, v in value.items()}
            out[name] = dict(value) if isinstance(value, Mapping) else value
        return out

    def changed_fields(self, other: "Scenario") -> list[str]:
        return [n for n in FIELDS if getattr(self, n) != getattr(other, n)]


# ---------------------------------------------------------------------------------------- validation

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_TEXT_LIMITS = {"name": 200, "description": 5000}


def month_index(text: str) -> int:
    """'YYYY-MM' as months since year 0 (for differences)."""
    m = _MONTH_RE.match(text)
    assert m, text
    return int(m.group(1)) * 12 + int(m.group(2)) - 1


def month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _type_name(value) -> str:
    return {bool: "true/false", str: "text", dict: "an object", list: "a list", type(None): "null"}.get(
        type(value), type(value).__name__)


def _show(value) -> str:
    if isinstance(value, str):
        return repr(value) if len(value) < 60 else repr(value[:57] + "...")
    if isinstance(value, float):
        return f"{value:g}"
    return json.dumps(value) if isinstance(value, (bool, type(None))) else repr(value)


def _number(spec: FieldSpec, value, key: str | None = None) -> float:
    key = key or spec.name
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ScenarioError(f"'{key}' must be a number ({spec.range_text()}), got {_show(value)} "
                            f"({_type_name(value)})")
    try:
        number = float(value)
    except OverflowError:  # an integer too large for a float
        number = math.inf
    if not math.isfinite(number) or not (spec.lo <= number <= spec.hi):
        unit = f" {spec.unit}" if spec.unit and len(spec.unit) < 20 else ""
        raise ScenarioError(f"'{key}' = {_show(value)} is out of range: allowed {spec.range_text()}{unit}")
    return number


def _check_value(spec: FieldSpec, value):
    kind = spec.kind
    if kind == "int":
        number = _number(spec, value)
        if not number.is_integer():
            raise ScenarioError(f"'{spec.name}' must be a whole number ({spec.range_text()}), got {_show(value)}")
        return int(number)
    if kind == "float":
        return _number(spec, value)
    if kind == "text":
        if not isinstance(value, str):
            raise ScenarioError(f"'{spec.name}' must be text, got {_show(value)} ({_type_name(value)})")
        if len(value) > _TEXT_LIMITS[spec.name]:
            raise ScenarioError(f"'{spec.name}' is too long: {len(value):,} characters, allowed up to "
                                f"{_TEXT_LIMITS[spec.name]:,}")
        return value
    if kind == "month":
        m = _MONTH_RE.match(value) if isinstance(value, str) else None
        if not m or not (1 <= int(m.group(2)) <= 12) or not (2000 <= int(m.group(1)) <= 2100):
            raise ScenarioError(f"'{spec.name}' must be a month written YYYY-MM between 2000-01 and "
                                f"2100-12, got {_show(value)}")
        return value
    if kind == "choice":
        if value not in spec.choices:
            raise ScenarioError(f"'{spec.name}' must be {spec.range_text()}, got {_show(value)}")
        return value
    if kind == "bool":
        if not isinstance(value, bool):
            raise ScenarioError(f"'{spec.name}' must be true or false, got {_show(value)} ({_type_name(value)})")
        return value
    if kind == "ranges":
        return None if value is None else _check_range_map(value)
    if kind in ("mix", "price_map"):
        if not isinstance(value, Mapping):
            raise ScenarioError(f"'{spec.name}' must be an object of chip id to number, got {_show(value)} "
                                f"({_type_name(value)})")
        if len(value) > 64:
            raise ScenarioError(f"'{spec.name}' has {len(value)} chips; at most 64 are allowed")
        out = {}
        for chip, share in value.items():
            if not isinstance(chip, str) or not chip:
                raise ScenarioError(f"'{spec.name}' has a key that is not a chip id: {_show(chip)}")
            if kind == "mix":
                try:
                    number = float(share) if not isinstance(share, bool) and isinstance(share, (int, float)) else None
                except OverflowError:
                    number = math.inf
                if number is None or not math.isfinite(number) or not 0 <= number <= 1e6:
                    raise ScenarioError(f"'{spec.name}.{chip}' must be a share from 0 to 1,000,000 (shares are "
                                        f"normalised to sum to 1), got {_show(share)}")
                out[chip] = number
            else:
                out[chip] = _number(spec, share, key=f"{spec.name}.{chip}")
        if kind == "mix":
            total = sum(out.values())
            if not out or total <= 0:
                raise ScenarioError(f"'{spec.name}' needs at least one chip with a share above 0, got "
                                    f"{_show(dict(value))}")
            out = {chip: share / total for chip, share in out.items()}
        return MappingProxyType(out)
    raise AssertionError(kind)


def _check_cross_fields(s: Scenario) -> None:
    if s.idle_power_fraction > s.full_use_power_fraction:
        raise ScenarioError(f"'idle_power_fraction' = {s.idle_power_fraction:g} is above 'full_use_power_fraction' "
                            f"= {s.full_use_power_fraction:g}: an idle system cannot draw more than a busy one")
    start, ramp_end = month_index(s.start), month_index(s.ramp_end)
    last = start + s.term_months - 1
    if ramp_end < start:
        raise ScenarioError(f"'ramp_end' = '{s.ramp_end}' is before 'start' = '{s.start}': full deployment "
                            f"must be between {s.start} and {month_text(last)}")
    if ramp_end > last:
        raise ScenarioError(f"'ramp_end' = '{s.ramp_end}' is after the term ends: with 'start' = "
                            f"'{s.start}' and 'term_months' = {s.term_months} it must be between "
                            f"{s.start} and {month_text(last)}")


def _check_range_map(value) -> Mapping[str, tuple]:
    if not isinstance(value, Mapping):
        raise ScenarioError(f"'ranges' must be an object of field name to [low, high], got {_show(value)} "
                            f"({_type_name(value)})")
    out = {}
    for name, pair in value.items():
        if name not in UNCERTAIN_FIELDS:
            near = difflib.get_close_matches(str(name), UNCERTAIN_FIELDS, n=1, cutoff=0.5)
            hint = f" Did you mean '{near[0]}'?" if near else ""
            raise ScenarioError(f"'ranges.{name}': '{name}' cannot carry a range.{hint} Fields that can: "
                                f"{', '.join(UNCERTAIN_FIELDS)}")
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ScenarioError(f"'ranges.{name}' must be [low, high], got {_show(pair)}")
        spec = FIELDS[name]
        key = f"ranges.{name}"
        if spec.kind == "month":
            low, high = (_check_value(dataclasses.replace(spec, name=key), v) for v in pair)
            if month_index(low) > month_index(high):
                raise ScenarioError(f"'{key}': low '{low}' is after high '{high}'")
        else:
            low, high = (_number(spec, v, key=key) for v in pair)
            if low > high:
                raise ScenarioError(f"'{key}': low {low:g} is above high {high:g}")
        out[name] = (low, high)
    return MappingProxyType(out)


def default_ranges(s: Scenario) -> Mapping[str, tuple]:
    """Each uncertain field's default range around the scenario's own value (see FieldSpec.spread),
    clipped to what the field allows."""
    out = {}
    for name in UNCERTAIN_FIELDS:
        spec = FIELDS[name]
        lo_mult, hi_mult = spec.spread
        if spec.kind == "month":
            first, last = month_index(s.start), month_index(s.start) + s.term_months - 1
            value = month_index(s.ramp_end)
            out[name] = (month_text(max(first, value + int(lo_mult))), month_text(min(last, value + int(hi_mult))))
        else:
            value = getattr(s, name)
            low, high = _tidy(value * lo_mult, 4), _tidy(value * hi_mult, 4)
            if name == "full_use_power_fraction":
                low = max(low, s.idle_power_fraction)  # a busy system never draws less than an idle one
            out[name] = (max(spec.lo, min(low, value)), min(spec.hi, max(high, value)))
    return MappingProxyType(out)


def _check_ranges(s: Scenario) -> None:
    for name, (low, high) in s.ranges.items():
        value = getattr(s, name)
        if FIELDS[name].kind == "month":
            first, last = month_index(s.start), month_index(s.start) + s.term_months - 1
            if not (month_index(low) <= month_index(value) <= month_index(high)):
                raise ScenarioError(f"'ranges.{name}' = ['{low}', '{high}'] must contain the value '{value}'")
            if month_index(low) < first or month_index(high) > last:
                raise ScenarioError(f"'ranges.{name}' = ['{low}', '{high}'] must lie within the term "
                                    f"({month_text(first)} to {month_text(last)})")
        elif not (low <= value <= high):
            raise ScenarioError(f"'ranges.{name}' = [{low:g}, {high:g}] must contain the value {value:g}")
        if name == "full_use_power_fraction" and low < s.idle_power_fraction:
            raise ScenarioError(f"'ranges.full_use_power_fraction' low {low:g} is below 'idle_power_fraction' = "
                                f"{s.idle_power_fraction:g}: a busy system cannot draw less than an idle one")


def _moved_ranges(s: Scenario, changes: dict):
    """Ranges after ``changes``: a moved value takes its range along, scaled by the value's ratio
    (shifted for months and for a value moving away from 0), clipped to the field's limits; a
    changed start or term keeps the ramp range within the term."""
    touched = [n for n in s.ranges if n in changes or (n == "ramp_end" and ({"start", "term_months"} & set(changes)))
               or (n == "full_use_power_fraction" and "idle_power_fraction" in changes)]
    if not touched:
        return None
    ranges = dict(s.ranges)
    for name in touched:
        spec = FIELDS[name]
        low, high = ranges[name]
        if spec.kind == "month":
            new = changes.get(name, s.ramp_end)
            shift = month_index(new) - month_index(s.ramp_end)
            start = changes.get("start", s.start)
            term = changes.get("term_months", s.term_months)
            if not isinstance(new, str) or not _MONTH_RE.match(new) or not isinstance(start, str) \
                    or not _MONTH_RE.match(start) or not isinstance(term, int):
                continue  # invalid input: Scenario validation names it
            first, last = month_index(start), month_index(start) + term - 1
            lo_i = min(max(month_index(low) + shift, first), month_index(new))
            hi_i = max(min(month_index(high) + shift, last), month_index(new))
            ranges[name] = (month_text(lo_i), month_text(hi_i))
            continue
        if name not in changes:
            continue  # touched only through another field (handled below)
        old, new = getattr(s, name), changes[name]
        if isinstance(new, bool) or not isinstance(new, (int, float)) or not math.isfinite(new):
            continue
        if old > 0:
            low, high = low * new / old, high * new / old
        else:
            low, high = low + new - old, high + new - old
        ranges[name] = (max(spec.lo, min(_tidy(low), new)), min(spec.hi, max(_tidy(high), new)))
    if "full_use_power_fraction" in ranges:
        idle = changes.get("idle_power_fraction", s.idle_power_fraction)
        low, high = ranges["full_use_power_fraction"]
        if isinstance(idle, (int, float)) and not isinstance(idle, bool) and low < idle <= high:
            ranges["full_use_power_fraction"] = (float(idle), high)
    return ranges


def _tidy(x: float, digits: int = 6) -> float:
    """A readable number for files: 0.0604 rather than 0.060369400000000004."""
    return float(f"{x:.{digits}g}")


def check_chips(scenario: Scenario, catalog) -> None:
    """Raise ScenarioError if the scenario names a chip the catalog does not have."""
    for key in ("chip_mix", "rent_price_overrides", "purchase_price_overrides"):
        for chip in getattr(scenario, key):
            if chip not in catalog:
                raise ScenarioError(f"'{key}': {catalog.unknown_chip_message(chip)}")


# --------------------------------------------------------------------------------------------- files

def _scenario_from_values(values: dict) -> Scenario:
    return Scenario(**values)


def scenario_from_dict(data, catalog=None) -> Scenario:
    """Build a Scenario from the parsed file form; raise ScenarioError naming the problem."""
    if not isinstance(data, dict):
        raise ScenarioError(f"a scenario file holds one JSON object, got {_type_name(data)}")
    if "schema_version" not in data:
        raise ScenarioError("not a scenario file: 'schema_version' is missing (add \"schema_version\": 1)")
    version = data["schema_version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise ScenarioError(f"'schema_version' must be a whole number, got {_show(version)}")
    if version > SCHEMA_VERSION:
        raise ScenarioError(f"'schema_version' is {version}: this file was written by a newer version of "
                            f"the app, which understands up to {SCHEMA_VERSION}")
    if version < 1:
        raise ScenarioError(f"'schema_version' = {version} is not a known version (1 to {SCHEMA_VERSION})")
    data = migrate(data)
    for key in data:
        if key not in FILE_KEYS:
            near = difflib.get_close_matches(key, FILE_KEYS, n=1, cutoff=0.4)
            hint = f" Did you mean '{near[0]}'?" if near else ""
            raise ScenarioError(f"unknown key '{key}'.{hint}")
    scenario = Scenario(**{k: v for k, v in data.items() if k != "schema_version"})
    if catalog is not None:
        check_chips(scenario, catalog)
    return scenario


def migrate(data: dict) -> dict:
    """Bring an older file's keys up to the current schema (version 1 is the first; nothing to do)."""
    return dict(data)


def _reject_constant(name):
    raise ScenarioError(f"{name} is not a valid number in a scenario file")


def _no_duplicate_keys(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise ScenarioError(f"key '{key}' appears twice")
        out[key] = value
    return out


def scenario_from_json(text: str, catalog=None) -> Scenario:
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise ScenarioError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ScenarioError("not a scenario file: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with more than 4,300 digits
        raise ScenarioError(f"not a valid scenario file: {exc}") from None
    return scenario_from_dict(data, catalog)


_PAIR_RE = re.compile(r"\[\n\s+([^\[\]{}\n]+),\n\s+([^\[\]{}\n]+)\n\s+\]")


def scenario_to_json(scenario: Scenario) -> str:
    """Indented JSON, with each [low, high] pair on one line."""
    text = json.dumps(scenario.to_dict(), indent=2, ensure_ascii=False)
    return _PAIR_RE.sub(r"[\1, \2]", text) + "\n"


def load_scenario(path: str | os.PathLike, catalog=None) -> Scenario:
    """Read a scenario file; every error message starts with the file's name."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ScenarioError(f"{path}: is a folder, not a scenario file")
        if path.exists() and not path.is_file():
            raise ScenarioError(f"{path}: is not a regular file")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ScenarioError(f"{path.name}: too large for a scenario file ({path.stat().st_size:,} bytes)")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ScenarioError(f"{path}: no such file") from None
    except PermissionError:
        raise ScenarioError(f"{path}: permission denied") from None
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError(f"{path.name}: not a text file (a scenario file is UTF-8 JSON)") from None
    try:
        return scenario_from_json(text, catalog)
    except ScenarioError as exc:
        raise ScenarioError(f"{path.name}: {exc}") from None


def save_scenario(scenario: Scenario, path: str | os.PathLike) -> None:
    atomic_write_text(path, scenario_to_json(scenario))
