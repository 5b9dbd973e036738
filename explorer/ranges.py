"""Uncertainty ranges: each uncertain field's default [low, high] around a scenario's value, the
checks a range must pass, and how a range moves when its value moves.

The spread of each field (FieldSpec.spread) and its source live in explorer.fields; sampling and
percentiles in explorer.uncertainty.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
from types import MappingProxyType
from typing import Mapping

from .errors import ScenarioError, in_sentence
from .fields import FIELDS, UNCERTAIN_FIELDS, check_number, check_value, show, type_name
from .i18n import tr
from .months import LAST_MONTH, MONTH_RE, month_index, month_text


def term_months_span(start: str, term_months: int) -> tuple[int, int]:
    """First and last month index a month range may use: the term, and never past 2100-12 (what a
    scenario file accepts)."""
    first = month_index(start)
    return first, min(first + term_months - 1, LAST_MONTH)


def tidy(x: float, digits: int = 6) -> float:
    """A readable number for files: 0.0604 rather than 0.060369400000000004."""
    return float(f"{x:.{digits}g}") + 0.0


def check_range_map(value) -> Mapping[str, tuple]:
    if not isinstance(value, Mapping):
        raise ScenarioError(tr("'ranges' must be an object of field name to [low, high], got {value} "
                               "({type})").format(value=show(value), type=type_name(value)))
    out = {}
    for name, pair in value.items():
        if name not in UNCERTAIN_FIELDS:
            near = difflib.get_close_matches(str(name), UNCERTAIN_FIELDS, n=1, cutoff=0.5)
            hint = tr(" Did you mean '{name}'?").format(name=near[0]) if near else ""
            raise ScenarioError(tr("'ranges.{name}': '{name}' cannot carry a range.{hint} Fields that can: "
                                   "{fields}").format(name=name, hint=hint, fields=", ".join(UNCERTAIN_FIELDS)))
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise ScenarioError(tr("'ranges.{name}' must be [low, high], got {value}").format(
                name=name, value=show(pair)))
        spec = FIELDS[name]
        key = f"ranges.{name}"
        if spec.kind == "month":
            low, high = (check_value(dataclasses.replace(spec, name=key), v) for v in pair)
            if month_index(low) > month_index(high):
                raise ScenarioError(tr("'{key}': low '{low}' is after high '{high}'").format(key=key, low=low,
                                                                                         high=high))
        else:
            low, high = (check_number(spec, v, key=key) for v in pair)
            if low > high:
                raise ScenarioError(tr("'{key}': low {low} is above high {high}").format(
                    key=key, low=f"{low:g}", high=f"{high:g}"))
        out[name] = (low, high)
    return MappingProxyType(out)


def default_ranges(s) -> Mapping[str, tuple]:
    """Each uncertain field's default range around the scenario's own value (see FieldSpec.spread),
    clipped to what the field (and a scenario file) allows."""
    out = {}
    for name in UNCERTAIN_FIELDS:
        spec = FIELDS[name]
        lo_mult, hi_mult = spec.spread
        if spec.kind == "month":
            first, last = term_months_span(s.start, s.term_months)
            value = month_index(s.ramp_end)
            out[name] = (month_text(max(first, min(value, value + int(lo_mult)))),
                         month_text(max(value, min(last, value + int(hi_mult)))))
        else:
            value = getattr(s, name)
            low, high = tidy(value * lo_mult, 4), tidy(value * hi_mult, 4)
            if name == "full_use_power_fraction":
                low = max(low, s.idle_power_fraction)  # a busy system never draws less than an idle one
            out[name] = (max(spec.lo, min(low, value)), min(spec.hi, max(high, value)))
    return MappingProxyType(out)


def check_ranges(s) -> None:
    for name, (low, high) in s.ranges.items():
        value = getattr(s, name)
        spec = FIELDS[name]
        if spec.kind == "month":
            first, last = term_months_span(s.start, s.term_months)
            if not (month_index(low) <= month_index(value) <= month_index(high)):
                raise ScenarioError(tr("'ranges.{name}' = ['{low}', '{high}'] must contain the value "
                                       "'{value}'").format(name=name, low=low, high=high, value=value),
                                    user=_contain(spec, low, high, value))
            if month_index(low) < first or month_index(high) > last:
                raise ScenarioError(tr("'ranges.{name}' = ['{low}', '{high}'] must lie within the term "
                                       "({first} to {last})").format(name=name, low=low, high=high,
                                                                     first=month_text(first),
                                                                     last=month_text(last)),
                                    user=tr("The range of {label} ({low} to {high}) must lie within the term, "
                                            "{first} to {last}.").format(
                                        label=in_sentence(spec.label), low=spec.shown(low), high=spec.shown(high),
                                        first=spec.shown(month_text(first)), last=spec.shown(month_text(last))))
        elif not (low <= value <= high):
            raise ScenarioError(tr("'ranges.{name}' = [{low}, {high}] must contain the value {value}").format(
                                    name=name, low=f"{low:g}", high=f"{high:g}", value=f"{value:g}"),
                                user=_contain(spec, low, high, value))
        if name == "full_use_power_fraction" and low < s.idle_power_fraction:
            idle = FIELDS["idle_power_fraction"]
            raise ScenarioError(tr("'ranges.full_use_power_fraction' low {low} is below 'idle_power_fraction' = "
                                   "{idle}: a busy system cannot draw less than an idle one").format(
                                       low=f"{low:g}", idle=f"{s.idle_power_fraction:g}"),
                                user=tr("The low end of {label} ({low}) is below {idle_label} ({idle}): a busy "
                                        "system cannot draw less than an idle one.").format(
                                    label=in_sentence(spec.label), low=spec.shown(low),
                                    idle_label=in_sentence(idle.label), idle=idle.shown(s.idle_power_fraction)))


def _contain(spec, low, high, value) -> str:
    return tr("The range of {label} ({low} to {high}) must contain its value, {value}: widen the range, or "
              "change the value first.").format(label=in_sentence(spec.label), low=spec.shown(low),
                                                high=spec.shown(high), value=spec.shown(value))


def moved_ranges(s, changes: dict):
    """Ranges after ``changes``: a moved value takes its range along, scaled by the value's ratio
    (shifted for months and for a value moving away from 0), clipped to the field's limits; a
    changed start or term keeps the ramp range within the term. None when no range is touched."""
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
            start = changes.get("start", s.start)
            term = changes.get("term_months", s.term_months)
            if not isinstance(new, str) or not MONTH_RE.match(new) or not isinstance(start, str) \
                    or not MONTH_RE.match(start) or not isinstance(term, int) or isinstance(term, bool):
                continue  # invalid input: Scenario validation names it
            shift = month_index(new) - month_index(s.ramp_end)
            first, last = term_months_span(start, term)
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
        ranges[name] = (max(spec.lo, min(tidy(low), new)), min(spec.hi, max(tidy(high), new)))
    if "full_use_power_fraction" in ranges:
        idle = changes.get("idle_power_fraction", s.idle_power_fraction)
        low, high = ranges["full_use_power_fraction"]
        if isinstance(idle, (int, float)) and not isinstance(idle, bool) and low < idle <= high:
            ranges["full_use_power_fraction"] = (float(idle), high)
    return ranges
