"""The Scenario: an immutable value with a default for every field (explorer.fields), checked on
creation, changed only with ``replace``.

Two pairs of fields are alternatives:

* the fleet's size: ``gpu_count``, or ``facility_power_mw`` (provisioned facility power; the
  accelerator count then follows from the chip mix and the power per accelerator, in the model);
* the served model: a ``serving_model`` preset, whose parameter counts fill
  ``model_total_params_billion`` and ``model_active_params_billion``, or ``"custom"`` with those given.

``replace`` keeps each pair consistent (giving a GPU count sizes by GPUs again; giving a parameter
count makes the model custom). The file format is explorer.scenario_file; ranges explorer.ranges.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Mapping

from .errors import ScenarioError, in_sentence
from .fields import FIELDS, check_value
from .i18n import tr
from .months import month_index, month_label, month_text
from .ranges import check_range_map, check_ranges, default_ranges, moved_ranges, term_months_span
from .serving import CUSTOM, serving_models


def _default(name: str):
    value = FIELDS[name].default
    return field(default_factory=lambda: value) if isinstance(value, Mapping) else value


@dataclass(frozen=True, eq=True)
class Scenario:
    """One fleet scenario. Every instance is valid on its own (chip ids are checked against a catalog
    by :func:`check_chips`). Change it with :meth:`replace`, never in place."""

    name: str = _default("name")
    description: str = _default("description")
    notes: str = _default("notes")
    gpu_count: int = _default("gpu_count")
    facility_power_mw: float | None = _default("facility_power_mw")
    chip_mix: Mapping[str, float] = _default("chip_mix")
    locked_chips: tuple[str, ...] = _default("locked_chips")
    energy_price_usd_per_kwh: float = _default("energy_price_usd_per_kwh")
    agent_cpu_ratio: float = _default("agent_cpu_ratio")
    term_months: int = _default("term_months")
    start: str = _default("start")
    ramp_end: str = _default("ramp_end")
    contract_value_usd: float = _default("contract_value_usd")
    pricing: str = _default("pricing")
    energy_passthrough: bool = _default("energy_passthrough")
    pue: float = _default("pue")
    design_pue: float = _default("design_pue")
    utilization: float = _default("utilization")
    mfu: float = _default("mfu")
    full_use_power_fraction: float = _default("full_use_power_fraction")
    idle_power_fraction: float = _default("idle_power_fraction")
    server_overhead_scale: float = _default("server_overhead_scale")
    cluster_power_scale: float = _default("cluster_power_scale")
    chip_price_scale: float = _default("chip_price_scale")
    rent_price_overrides: Mapping[str, float] = _default("rent_price_overrides")
    purchase_price_overrides: Mapping[str, float] = _default("purchase_price_overrides")
    network_storage_fraction: float = _default("network_storage_fraction")
    depreciation_years: float = _default("depreciation_years")
    residual_value_fraction: float = _default("residual_value_fraction")
    hardware_refresh: bool = _default("hardware_refresh")
    capital_cost_rate: float = _default("capital_cost_rate")
    facility_usd_per_kw_month: float = _default("facility_usd_per_kw_month")
    facility_capex_usd_per_w: float = _default("facility_capex_usd_per_w")
    other_cost_fraction: float = _default("other_cost_fraction")
    cpu_usd_per_vcpu_hour: float = _default("cpu_usd_per_vcpu_hour")
    cpu_purchase_usd_per_vcpu: float = _default("cpu_purchase_usd_per_vcpu")
    cpu_power_w_per_vcpu: float = _default("cpu_power_w_per_vcpu")
    vcpus_per_agent_session: float = _default("vcpus_per_agent_session")
    serving_model: str = _default("serving_model")
    model_total_params_billion: float = _default("model_total_params_billion")
    model_active_params_billion: float = _default("model_active_params_billion")
    context_tokens: int = _default("context_tokens")
    output_tokens_per_request: int = _default("output_tokens_per_request")
    tokens_per_second_per_user: float = _default("tokens_per_second_per_user")
    token_precision: str = _default("token_precision")
    serving_share: float = _default("serving_share")
    serving_efficiency_scale: float = _default("serving_efficiency_scale")
    price_usd_per_million_tokens: float | None = _default("price_usd_per_million_tokens")
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
            if spec.kind == "ranges":
                continue
            object.__setattr__(self, spec.name, check_value(spec, getattr(self, spec.name)))
        _check_cross_fields(self)
        if self.ranges is None:
            object.__setattr__(self, "ranges", default_ranges(self))
        else:
            object.__setattr__(self, "ranges", check_range_map(self.ranges))
        check_ranges(self)

    def replace(self, **changes) -> "Scenario":
        """A changed copy. A value that carries a range moves its range along (same proportions),
        unless the same call sets ``ranges``; the fleet-size and served-model pairs stay consistent."""
        changes = _paired(self, changes)
        if "ranges" not in changes and self.ranges:
            moved = moved_ranges(self, changes)
            if moved is not None:
                changes["ranges"] = moved
        if any(name not in FIELDS for name in changes):
            return dataclasses.replace(self, **changes)  # raises the usual TypeError
        # The unchanged fields were checked when this scenario was made: only the changed ones, the
        # cross-field rules and the ranges are checked again (a slider step checks one field, not 60).
        new = object.__new__(Scenario)
        new.__dict__.update(self.__dict__)
        for name, value in changes.items():
            spec = FIELDS[name]
            if spec.kind != "ranges":
                object.__setattr__(new, name, check_value(spec, value))
        _check_cross_fields(new)
        if "ranges" in changes:
            ranges = changes["ranges"]
            object.__setattr__(new, "ranges", default_ranges(new) if ranges is None else check_range_map(ranges))
        check_ranges(new)
        return new

    # ------------------------------------------------------------------ derived facts
    @property
    def ramp_months(self) -> int:
        """Months from the start to full deployment (0 = everything installed in the first month)."""
        return month_index(self.ramp_end) - month_index(self.start)

    @property
    def sized_by_power(self) -> bool:
        return self.facility_power_mw is not None

    @property
    def custom_model(self) -> bool:
        return self.serving_model == CUSTOM

    def changed_fields(self, other: "Scenario") -> list[str]:
        return [n for n in FIELDS if getattr(self, n) != getattr(other, n)]

    def to_dict(self) -> dict:
        """The file form, in the documented key order, as plain JSON types: only one of each pair of
        alternatives, and optional values only when set."""
        from .scenario_file import SCHEMA_VERSION

        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        for name in FIELDS:
            if name in _OMITTED and _OMITTED[name](self):
                continue
            value = getattr(self, name)
            if name == "ranges":
                value = {k: list(v) for k, v in value.items()}
            out[name] = dict(value) if isinstance(value, Mapping) else list(value) if isinstance(value, tuple) \
                else value
        return out


_OMITTED = {  # keys a file leaves out, and when
    "gpu_count": lambda s: s.sized_by_power,
    "facility_power_mw": lambda s: not s.sized_by_power,
    "model_total_params_billion": lambda s: not s.custom_model,
    "model_active_params_billion": lambda s: not s.custom_model,
    "price_usd_per_million_tokens": lambda s: s.price_usd_per_million_tokens is None,
    "locked_chips": lambda s: not s.locked_chips,
}
MODEL_KEYS = ("model_total_params_billion", "model_active_params_billion")


def _scenario_from_values(values: dict) -> Scenario:
    return Scenario(**values)


def _paired(s: Scenario, changes: dict) -> dict:
    """Keep the alternatives of ``changes`` consistent with each other and with ``s``."""
    changes = dict(changes)
    if changes.get("facility_power_mw") is not None and "gpu_count" not in changes:
        changes["gpu_count"] = FIELDS["gpu_count"].default  # not used while sized by power
    elif "gpu_count" in changes and "facility_power_mw" not in changes:
        changes["facility_power_mw"] = None  # a GPU count sizes by GPUs again
    if "serving_model" in changes and changes["serving_model"] != CUSTOM:
        preset = serving_models().get(changes["serving_model"])
        if preset is not None and not (set(MODEL_KEYS) & set(changes)):
            changes["model_total_params_billion"] = preset.total_params_billion
            changes["model_active_params_billion"] = preset.active_params_billion
    elif set(MODEL_KEYS) & set(changes) and "serving_model" not in changes:
        changes["serving_model"] = CUSTOM  # a parameter count of one's own makes the model custom
    return changes


def _label(name: str) -> str:
    return tr(FIELDS[name].label)


def _lower(name: str) -> str:
    """The field's label inside a sentence."""
    return in_sentence(FIELDS[name].label)


def _shown(s: Scenario, name: str) -> str:
    return FIELDS[name].shown(getattr(s, name))


def _check_cross_fields(s: Scenario) -> None:
    if any(c not in s.chip_mix for c in s.locked_chips):  # a removed chip is no longer locked
        object.__setattr__(s, "locked_chips", tuple(c for c in s.locked_chips if c in s.chip_mix))
    if s.idle_power_fraction > s.full_use_power_fraction:
        raise ScenarioError(tr("'idle_power_fraction' = {idle} is above 'full_use_power_fraction' = {busy}: "
                               "an idle system cannot draw more than a busy one").format(
                                   idle=f"{s.idle_power_fraction:g}", busy=f"{s.full_use_power_fraction:g}"),
                            user=tr("{idle_label} ({idle}) is above {busy_label} ({busy}): an idle system cannot "
                                    "draw more than a busy one. Lower the idle draw or raise the busy draw "
                                    "first.").format(
                                idle_label=_label("idle_power_fraction"), idle=_shown(s, "idle_power_fraction"),
                                busy_label=_lower("full_use_power_fraction"),
                                busy=_shown(s, "full_use_power_fraction")))
    start, ramp_end = month_index(s.start), month_index(s.ramp_end)
    first, last = term_months_span(s.start, s.term_months)
    if ramp_end < start:
        raise ScenarioError(tr("'ramp_end' = '{ramp_end}' is before 'start' = '{start}': full deployment "
                               "must be between {start} and {last}").format(
                                   ramp_end=s.ramp_end, start=s.start, last=month_text(last)),
                            user=tr("{label} ({ramp_end}) is before the start ({start}): move it to {first} or "
                                    "later.").format(label=_label("ramp_end"), ramp_end=_shown(s, "ramp_end"),
                                                     start=_shown(s, "start"), first=month_label(start)))
    if ramp_end > last:
        needed = ramp_end - start + 1
        raise ScenarioError(tr("'ramp_end' = '{ramp_end}' is after the term ends: with 'start' = '{start}' "
                               "and 'term_months' = {term} it must be between {start} and {last}").format(
                                   ramp_end=s.ramp_end, start=s.start, term=s.term_months, last=month_text(last)),
                            user=tr("{label} ({ramp_end}) falls after the term ends ({end}, {term} months from "
                                    "{start}): make the term at least {needed} months, or move full deployment "
                                    "to {end} or earlier.").format(
                                label=_label("ramp_end"), ramp_end=_shown(s, "ramp_end"), end=month_label(last),
                                term=s.term_months, start=_shown(s, "start"), needed=needed))
    if s.sized_by_power and s.gpu_count != FIELDS["gpu_count"].default:
        raise ScenarioError(tr("give 'gpu_count' or 'facility_power_mw', not both (got gpu_count = {gpus} and "
                               "facility_power_mw = {mw})").format(gpus=f"{s.gpu_count:,}",
                                                                   mw=f"{s.facility_power_mw:g}"))
    if not s.custom_model:
        preset = serving_models()[s.serving_model]
        given = (s.model_total_params_billion, s.model_active_params_billion)
        if given != (preset.total_params_billion, preset.active_params_billion):
            if (s.model_total_params_billion, s.model_active_params_billion) == (
                    FIELDS["model_total_params_billion"].default, FIELDS["model_active_params_billion"].default):
                object.__setattr__(s, "model_total_params_billion", preset.total_params_billion)
                object.__setattr__(s, "model_active_params_billion", preset.active_params_billion)
            else:
                raise ScenarioError(tr("give 'serving_model' = '{model}' or the explicit parameter counts "
                                       "('model_total_params_billion', 'model_active_params_billion') with "
                                       "'serving_model' = 'custom', not both").format(model=s.serving_model))
    if s.model_active_params_billion > s.model_total_params_billion:
        raise ScenarioError(tr("'model_active_params_billion' = {active} is above 'model_total_params_billion' "
                               "= {total}: a token cannot use more parameters than the model has").format(
                                   active=f"{s.model_active_params_billion:g}",
                                   total=f"{s.model_total_params_billion:g}"),
                            user=tr("{active_label} ({active}B) are more than the model's {total_label} ({total}B): "
                                    "a token cannot use more parameters than the model has. Raise the total "
                                    "first.").format(
                                active_label=_label("model_active_params_billion"),
                                active=f"{s.model_active_params_billion:g}",
                                total_label=_lower("model_total_params_billion"),
                                total=f"{s.model_total_params_billion:g}"))


def check_chips(scenario: Scenario, catalog) -> None:
    """Raise ScenarioError if the scenario names a chip the catalog does not have."""
    for key in ("chip_mix", "rent_price_overrides", "purchase_price_overrides"):
        for chip in getattr(scenario, key):
            if chip not in catalog:
                raise ScenarioError(f"'{key}': {catalog.unknown_chip_message(chip)}")
