"""The scenario file: JSON with a ``schema_version``, every key optional, read and written safely.

Nothing read from disk is ever evaluated or unpickled. Older files are brought up to the current
schema by :func:`migrate` and keep opening; a file from a newer version of the app is refused with
a message that says so.

Version 2 (this version) replaced the FLOP-only token model of version 1 (``serving_flop_efficiency``,
``flops_per_param_per_token``) by the serving roofline, and changed four defaults (all-inclusive
rent, catalog prices, the support share, FP4 serving). A version-1 file that left those keys out
meant the version-1 defaults, so the migration writes them in.
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path

from .errors import ScenarioError, clip
from .fields import FIELDS, show, type_name
from .files import atomic_write_text, read_text
from .i18n import QT_TR_NOOP, tr
from .scenario import MODEL_KEYS, Scenario, check_chips
from .serving import CUSTOM

SCHEMA_VERSION = 3  # 3: locked_chips (version 2 files open unchanged)
MAX_FILE_BYTES = 1_000_000  # a scenario file is a few kB; anything this large is not one
FILE_KEYS = ("schema_version", *FIELDS)

# Version 1's defaults where version 2's differ; a v1 file that left a key out meant these.
_V1_DEFAULTS = {"energy_passthrough": True, "chip_price_scale": 0.8, "other_cost_fraction": 0.10,
                "token_precision": "fp8", "model_active_params_billion": 70.0}
_V1_REMOVED = ("serving_flop_efficiency", "flops_per_param_per_token")


def migrate(data: dict) -> dict:
    """The file's keys in the current schema (the input is not changed)."""
    data = dict(data)
    if data.get("schema_version") == 1:
        for key, value in _V1_DEFAULTS.items():
            data.setdefault(key, value)
        for key in _V1_REMOVED:
            data.pop(key, None)
        ranges = data.get("ranges")
        if isinstance(ranges, dict):
            data["ranges"] = {k: v for k, v in ranges.items() if k not in _V1_REMOVED}
        # Version 1 served a dense model of this many parameters; 70B was the calibration's Llama.
        active = data.pop("model_active_params_billion")
        if active == 70.0:
            data["serving_model"] = "llama-3.3-70b"
        else:
            data["serving_model"] = CUSTOM
            data["model_total_params_billion"] = data["model_active_params_billion"] = active
        data["schema_version"] = 2
    if data.get("schema_version") == 2:
        data["schema_version"] = 3  # version 3 only adds the optional 'locked_chips'
    return data


def checked_version(version, supported: int) -> int:
    """A file's 'schema_version' (a scenario's, a portfolio's): a whole number from 1 to ``supported``,
    else a ScenarioError that says which."""
    if isinstance(version, bool) or not isinstance(version, int):
        raise ScenarioError(tr("'schema_version' must be a whole number, got {value}").format(value=show(version)))
    if version > supported:
        raise ScenarioError(tr("'schema_version' is {version}: this file was written by a newer version of "
                               "the app, which understands up to {supported}").format(
                                   version=version, supported=supported))
    if version < 1:
        raise ScenarioError(tr("'schema_version' = {version} is not a known version (1 to {supported})").format(
            version=version, supported=supported))
    return version


def scenario_from_dict(data, catalog=None, notices: list | None = None) -> Scenario:
    """Build a Scenario from the parsed file form; raise ScenarioError naming the problem. What was
    changed on the way in (shares rescaled to sum to 100%) is added to ``notices`` as sentences."""
    if not isinstance(data, dict):
        raise ScenarioError(tr("a scenario file holds one JSON object, got {type}").format(type=type_name(data)))
    if "schema_version" not in data:
        raise ScenarioError(tr("not a scenario file: 'schema_version' is missing (add \"schema_version\": "
                               "{version})").format(version=SCHEMA_VERSION))
    version = checked_version(data["schema_version"], SCHEMA_VERSION)
    for key in data:
        if key not in FILE_KEYS and not (version == 1 and key in _V1_REMOVED):
            near = difflib.get_close_matches(key, FILE_KEYS, n=1, cutoff=0.4) if len(key) < 100 else []
            hint = tr(" Did you mean '{name}'?").format(name=near[0]) if near else ""
            raise ScenarioError(tr("unknown key '{key}'.{hint}").format(key=clip(key), hint=hint))
    if "gpu_count" in data and data.get("facility_power_mw") is not None:
        raise ScenarioError(tr("give 'gpu_count' or 'facility_power_mw', not both: one sizes the fleet by "
                               "accelerators, the other by provisioned facility power"))
    data = migrate(data)
    mix = data.get("chip_mix")
    if notices is not None and isinstance(mix, dict) and mix and all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in mix.values()):
        total = sum(mix.values())
        if total > 0 and abs(total - 1.0) > 1e-6:
            notices.append(tr("The chip shares summed to {percent}% and were rescaled to 100%.").format(
                percent=f"{total * 100:.4g}"))
    given = [k for k in MODEL_KEYS if k in data]
    if given and data.get("serving_model", CUSTOM) != CUSTOM:
        raise ScenarioError(tr("give 'serving_model' or the explicit parameter counts ({keys}), not both: "
                               "'serving_model' = {value} sets them").format(keys=", ".join(given),
                                                                             value=show(data["serving_model"])))
    if given:
        data.setdefault("serving_model", CUSTOM)
        if len(given) == 1:  # one count given: a dense model (total = active)
            data.setdefault("model_total_params_billion", data.get("model_active_params_billion"))
            data.setdefault("model_active_params_billion", data.get("model_total_params_billion"))
    values = {k: v for k, v in data.items() if k != "schema_version"}
    if values.get("facility_power_mw") is not None:
        values.setdefault("gpu_count", FIELDS["gpu_count"].default)
    scenario = Scenario(**values)
    if catalog is not None:
        check_chips(scenario, catalog)
    return scenario


def _reject_constant(name):
    raise ScenarioError(tr("{name} is not a valid number in a scenario file").format(name=name))


def _no_duplicate_keys(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise ScenarioError(tr("key '{key}' appears twice").format(key=key))
        out[key] = value
    return out


def scenario_from_json(text: str, catalog=None, notices: list | None = None) -> Scenario:
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise ScenarioError(tr("not valid JSON: {problem} (line {line}, column {column})").format(
            problem=exc.msg, line=exc.lineno, column=exc.colno)) from None
    except RecursionError:
        raise ScenarioError(tr("not a scenario file: nested too deeply")) from None
    except ValueError as exc:  # e.g. an integer with more than 4,300 digits
        raise ScenarioError(tr("not a valid scenario file: {problem}").format(problem=exc)) from None
    return scenario_from_dict(data, catalog, notices)


_PAIR_RE = re.compile(r"\[\n\s+([^\[\]{}\n]+),\n\s+([^\[\]{}\n]+)\n\s+\]")


def scenario_to_json(scenario: Scenario) -> str:
    """Indented JSON, with each [low, high] pair on one line."""
    text = json.dumps(scenario.to_dict(), indent=2, ensure_ascii=False)
    return _PAIR_RE.sub(r"[\1, \2]", text) + "\n"


def load_scenario(path: str | os.PathLike, catalog=None, notices: list | None = None) -> Scenario:
    """Read a scenario file; every error message starts with the file's name. What was changed on
    the way in is added to ``notices``."""
    path = Path(path)
    text = read_text(path, QT_TR_NOOP("scenario file"), MAX_FILE_BYTES, ScenarioError, QT_TR_NOOP("UTF-8 JSON"))
    try:
        return scenario_from_json(text, catalog, notices)
    except ScenarioError as exc:
        raise ScenarioError(f"{path.name}: {exc}") from None


def save_scenario(scenario: Scenario, path: str | os.PathLike) -> None:
    atomic_write_text(path, scenario_to_json(scenario))
