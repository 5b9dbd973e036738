"""Scenario values, the JSON file format, and every bad-input message."""

import json
import math

import pytest

from explorer.catalog import builtin_catalog
from explorer.errors import ScenarioError
from explorer.fields import FIELDS
from explorer.scenario import Scenario
from explorer.scenario_file import (FILE_KEYS, SCHEMA_VERSION, load_scenario, save_scenario, scenario_from_dict,
                                    scenario_from_json, scenario_to_json)

CAT = builtin_catalog()


def test_every_field_has_a_spec_a_default_and_a_source_or_estimate():
    names = [f for f in Scenario.__dataclass_fields__]
    assert names == list(FIELDS)
    for spec in FIELDS.values():
        if spec.group == "Scenario":
            continue
        if spec.kind in ("int", "float", "price_map", "mix", "month"):
            assert spec.source, f"{spec.name} has no source"
        assert spec.source or spec.help, spec.name
        if spec.estimate:
            assert spec.source.startswith("Estimate"), spec.name


def test_default_is_the_announced_deal():
    s = Scenario()
    assert s.contract_value_usd == 38e9
    assert s.term_months == 84 and s.start == "2025-11" and s.ramp_end == "2026-12"
    assert set(s.chip_mix) == {"GB200", "GB300"}
    assert s.ramp_months == 13


def test_chip_mix_is_normalised_and_read_only():
    s = Scenario(chip_mix={"H100": 3, "B200": 1})
    assert s.chip_mix == {"H100": 0.75, "B200": 0.25}
    with pytest.raises(TypeError):
        s.chip_mix["H100"] = 1.0  # type: ignore[index]
    with pytest.raises(AttributeError):
        s.gpu_count = 5  # type: ignore[misc]


def test_round_trip_through_json_keeps_every_field(tmp_path):
    s = Scenario(gpu_count=12345, chip_mix={"TPU7x": 1}, pricing="own", energy_passthrough=False,
                 rent_price_overrides={"TPU7x": 2.5}, name="Ünïcode ☃ test")
    path = tmp_path / "s.json"
    save_scenario(s, path)
    assert load_scenario(path, CAT) == s
    data = json.loads(path.read_text(encoding="utf-8"))
    # one of each pair of alternatives, and optional values only when set
    omitted = {"facility_power_mw", "model_total_params_billion", "model_active_params_billion",
               "price_usd_per_million_tokens", "locked_chips"}
    assert list(data) == [k for k in FILE_KEYS if k not in omitted]
    assert data["schema_version"] == SCHEMA_VERSION == 3
    by_power = Scenario(facility_power_mw=1500.0, serving_model="custom", model_total_params_billion=120,
                        model_active_params_billion=12, price_usd_per_million_tokens=2.5)
    save_scenario(by_power, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "gpu_count" not in data and data["facility_power_mw"] == 1500.0
    assert data["model_total_params_billion"] == 120 and data["price_usd_per_million_tokens"] == 2.5
    assert load_scenario(path, CAT) == by_power


def test_left_out_keys_take_their_defaults():
    s = scenario_from_json('{"schema_version": 2, "gpu_count": 5000}', CAT)
    assert s == Scenario(gpu_count=5000)


def test_a_version_1_file_keeps_its_meaning():
    """Version 1 left out keys meant version 1's defaults; its FLOP-only token keys are dropped and
    its 70B model becomes the 70B preset."""
    s = scenario_from_json('{"schema_version": 1, "gpu_count": 5000, "serving_flop_efficiency": 0.2, '
                           '"flops_per_param_per_token": 2, "ranges": {"pue": [1.1, 1.2], '
                           '"serving_flop_efficiency": [0.18, 0.32]}}', CAT)
    assert s.gpu_count == 5000 and s.energy_passthrough is True and s.chip_price_scale == 0.8
    assert s.other_cost_fraction == 0.10 and s.token_precision == "fp8"
    assert s.serving_model == "llama-3.3-70b" and dict(s.ranges) == {"pue": (1.1, 1.2)}
    other = scenario_from_json('{"schema_version": 1, "model_active_params_billion": 400}', CAT)
    assert other.serving_model == "custom" and other.model_total_params_billion == 400


def test_a_fleet_is_sized_by_gpus_or_by_power_not_both():
    msg = _error('{"schema_version": 2, "gpu_count": 5000, "facility_power_mw": 100}')
    assert "'gpu_count'" in msg and "'facility_power_mw'" in msg and "not both" in msg
    s = scenario_from_json('{"schema_version": 2, "facility_power_mw": 100}', CAT)
    assert s.sized_by_power and s.facility_power_mw == 100
    assert s.replace(gpu_count=5000).facility_power_mw is None  # a GPU count sizes by GPUs again
    with pytest.raises(ScenarioError, match="not both"):
        Scenario(gpu_count=5, facility_power_mw=10)


def test_a_served_model_is_a_preset_or_explicit_counts_not_both():
    msg = _error('{"schema_version": 2, "serving_model": "deepseek-r1", "model_active_params_billion": 20}')
    assert "'serving_model'" in msg and "model_active_params_billion" in msg and "not both" in msg
    s = scenario_from_json('{"schema_version": 2, "model_active_params_billion": 20}', CAT)
    assert s.serving_model == "custom" and s.model_total_params_billion == 20  # one count: a dense model
    preset = Scenario(serving_model="llama-3.1-8b")
    assert preset.model_total_params_billion == 8.0 and preset.model_active_params_billion == 8.0
    assert preset.replace(model_active_params_billion=6).serving_model == "custom"
    assert Scenario().replace(serving_model="llama-3.3-70b").model_total_params_billion == 70.6
    assert "above 'model_total_params_billion'" in _error(
        '{"schema_version": 2, "model_total_params_billion": 10, "model_active_params_billion": 20}')
    assert "'serving_model'" in _error('{"schema_version": 2, "serving_model": "gpt-9"}')


def test_a_scenario_ending_in_2100_saves_ranges_a_file_accepts(tmp_path):
    s = Scenario(start="2100-06", ramp_end="2100-12", term_months=24)
    assert s.ranges["ramp_end"][1] <= "2100-12"
    save_scenario(s, tmp_path / "late.json")
    assert load_scenario(tmp_path / "late.json", CAT) == s


def _error(text: str) -> str:
    with pytest.raises(ScenarioError) as info:
        scenario_from_json(text, CAT)
    return str(info.value)


def test_unknown_key_is_named_with_the_nearest_valid_key():
    msg = _error('{"schema_version": 1, "gpu_cont": 5}')
    assert "'gpu_cont'" in msg and "'gpu_count'" in msg


@pytest.mark.parametrize("key, value, expect", [
    ("gpu_count", 0, ["'gpu_count'", "0", "1 to 50,000,000"]),
    ("gpu_count", 60_000_000, ["'gpu_count'", "60000000", "50,000,000"]),
    ("facility_power_mw", 0, ["'facility_power_mw'", "0.01 to 200,000"]),
    ("tokens_per_second_per_user", 0, ["'tokens_per_second_per_user'", "1 to 2,000"]),
    ("serving_share", 1.5, ["'serving_share'", "0 to 1"]),
    ("energy_price_usd_per_kwh", 1.5, ["'energy_price_usd_per_kwh'", "1.5", "0 to 1"]),
    ("agent_cpu_ratio", -1, ["'agent_cpu_ratio'", "-1", "0 to 1,000"]),
    ("pue", 0.9, ["'pue'", "0.9", "1 to 3"]),
    ("utilization", 1.2, ["'utilization'", "1.2"]),
    ("mfu", 0, ["'mfu'", "0.01 to 1"]),
    ("term_months", 0, ["'term_months'", "0"]),
])
def test_out_of_range_names_key_value_and_range(key, value, expect):
    msg = _error(json.dumps({"schema_version": 1, key: value}))
    for part in expect:
        assert part in msg, (part, msg)


@pytest.mark.parametrize("key, value, expect", [
    ("gpu_count", "many", ["'gpu_count'", "'many'", "number"]),
    ("gpu_count", 1.5, ["'gpu_count'", "whole number"]),
    ("pue", True, ["'pue'", "number", "true"]),
    ("pricing", "lease", ["'pricing'", "'rent' or 'own'", "'lease'"]),
    ("energy_passthrough", "yes", ["'energy_passthrough'", "true or false"]),
    ("start", "Nov 2025", ["'start'", "YYYY-MM"]),
    ("start", "2025-13", ["'start'", "YYYY-MM"]),
    ("chip_mix", [1, 2], ["'chip_mix'", "object"]),
    ("chip_mix", {"GB200": 0}, ["'chip_mix'", "above 0"]),
    ("chip_mix", {"GB200": -1}, ["'chip_mix.GB200'", "from 0 to 1,000,000"]),
    ("rent_price_overrides", {"GB200": "cheap"}, ["'rent_price_overrides.GB200'", "number"]),
    ("name", 5, ["'name'", "text"]),
])
def test_wrong_type_names_key_and_value(key, value, expect):
    msg = _error(json.dumps({"schema_version": 1, key: value}))
    for part in expect:
        assert part in msg, (part, msg)


def test_unknown_chip_id_names_the_valid_ids():
    msg = _error('{"schema_version": 1, "chip_mix": {"GB2000": 1}}')
    assert "'GB2000'" in msg and "GB200" in msg and "TPU7x" in msg and "Trainium3" in msg
    msg = _error('{"schema_version": 1, "rent_price_overrides": {"X9": 1}}')
    assert "rent_price_overrides" in msg and "'X9'" in msg


def test_ramp_end_must_lie_within_the_term():
    assert "before 'start'" in _error('{"schema_version": 1, "start": "2025-11", "ramp_end": "2025-10"}')
    msg = _error('{"schema_version": 1, "term_months": 12, "ramp_end": "2027-01"}')
    assert "after the term ends" in msg and "2026-10" in msg


@pytest.mark.parametrize("text, expect", [
    ("{not json", "not valid JSON"),
    ('{"schema_version": 1, "pue": NaN}', "NaN"),
    ('{"schema_version": 1, "pue": Infinity}', "Infinity"),
    ("[1, 2]", "one JSON object"),
    ('{"gpu_count": 5}', "'schema_version' is missing"),
    ('{"schema_version": 99}', "newer version"),
    ('{"schema_version": "1"}', "whole number"),
    ("[" * 100000, "not"),
])
def test_broken_files_get_a_clear_message(text, expect):
    assert expect in _error(text)


def test_file_errors_name_the_file(tmp_path):
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "missing.json")
    with pytest.raises(ScenarioError, match="is a folder"):
        load_scenario(tmp_path)
    binary = tmp_path / "picture.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(ScenarioError, match=r"picture\.json: not a text file"):
        load_scenario(binary)
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "pue": 7}', encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"^bad\.json: 'pue' = 7 is out of range"):
        load_scenario(bad)
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * 2_000_000)
    with pytest.raises(ScenarioError, match="too large"):
        load_scenario(huge)


def test_saving_to_a_missing_folder_fails_cleanly_and_keeps_the_old_file(tmp_path):
    from explorer.errors import OutputError
    with pytest.raises(OutputError, match="does not exist"):
        save_scenario(Scenario(), tmp_path / "nope" / "s.json")
    target = tmp_path / "keep.json"
    save_scenario(Scenario(gpu_count=7), target)
    before = target.read_bytes()

    def half_written(tmp):
        tmp.write_text("{ partial")
        raise OSError(28, "No space left on device")

    from explorer.files import atomic_write
    with pytest.raises(OutputError, match="No space left on device"):
        atomic_write(target, half_written)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]  # no temporary files left behind


def test_nothing_is_evaluated_from_a_file():
    # A string that Python would evaluate stays an invalid value.
    msg = _error('{"schema_version": 1, "gpu_count": "__import__(\'os\').getcwd()"}')
    assert "must be a number" in msg


def test_json_text_is_human_readable():
    text = scenario_to_json(Scenario())
    assert text.endswith("\n") and '\n  "gpu_count": 200000,' in text
    assert "–" in text  # non-ASCII kept readable, not escaped


def test_scenario_from_dict_rejects_non_objects():
    with pytest.raises(ScenarioError):
        scenario_from_dict("text")


def test_values_are_finite_after_validation():
    s = Scenario(energy_price_usd_per_kwh=0, agent_cpu_ratio=0)
    assert all(math.isfinite(getattr(s, n)) for n, f in FIELDS.items() if f.kind == "float")


@pytest.mark.parametrize("text, expect", [
    ('{"schema_version": 1, "gpu_count": ' + "9" * 400 + "}", "'gpu_count'"),
    ('{"schema_version": 1, "gpu_count": ' + "9" * 5000 + "}", "not a valid scenario file"),
    ('{"schema_version": 1, "chip_mix": {"GB200": ' + "9" * 400 + "}}", "'chip_mix.GB200'"),
    ('{"schema_version": 1, "chip_mix": {"GB200": 1e308, "GB300": 1e308}}', "'chip_mix.GB200'"),
    ('{"schema_version": 1, "pue": 1.2, "pue": 1.3}', "'pue' appears twice"),
    ('{"schema_version": 1, "idle_power_fraction": 0.9, "full_use_power_fraction": 0.3}', "cannot draw more"),
])
def test_extreme_numbers_and_duplicates_get_a_message_not_a_crash(text, expect):
    assert expect in _error(text)


def test_a_named_pipe_is_refused_not_read(tmp_path):
    import os
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioError, match="not a regular file"):
        load_scenario(fifo)


@pytest.mark.parametrize("changes", [{"agent_cpu_ratio": 12.0}, {"energy_price_usd_per_kwh": 0.2},
                                     {"chip_mix": {"GB200": 0.7, "GB300": 0.3}}, {"facility_power_mw": 900.0},
                                     {"serving_model": "llama-3.1-8b"}, {"ranges": None}, {"ranges": {}}])
def test_replace_checks_only_what_changed_and_equals_a_scenario_made_whole(changes):
    import dataclasses

    s = Scenario()
    fast = s.replace(**changes)
    whole = dataclasses.replace(s, **{k: getattr(fast, k) for k in FIELDS})  # every field checked anew
    assert fast == whole


def test_replace_still_refuses_bad_values_and_unknown_fields():
    with pytest.raises(ScenarioError, match="pue"):
        Scenario().replace(pue=9)
    with pytest.raises(ScenarioError, match="ramp_end"):
        Scenario().replace(term_months=6)
    with pytest.raises(TypeError):
        Scenario().replace(no_such_field=1)


def test_locks_are_saved_and_a_removed_chip_is_no_longer_locked(tmp_path):
    s = Scenario(chip_mix={"GB200": 0.5, "GB300": 0.3, "H100": 0.2}, locked_chips=["GB300", "GB300"])
    assert s.locked_chips == ("GB300",)
    path = tmp_path / "locked.json"
    save_scenario(s, path)
    assert json.loads(path.read_text(encoding="utf-8"))["locked_chips"] == ["GB300"]
    assert load_scenario(path, CAT) == s
    assert s.replace(chip_mix={"GB200": 0.6, "H100": 0.4}).locked_chips == ()
    with pytest.raises(ScenarioError, match="list of chip ids"):
        Scenario(locked_chips="GB300")


def test_a_file_whose_shares_do_not_sum_to_one_is_rescaled_and_says_so():
    notices = []
    s = scenario_from_json('{"schema_version": 3, "chip_mix": {"GB200": 3, "GB300": 1}}', CAT, notices)
    assert dict(s.chip_mix) == {"GB200": 0.75, "GB300": 0.25}
    assert notices == ["The chip shares summed to 400% and were rescaled to 100%."]
    notices.clear()
    scenario_from_json('{"schema_version": 3, "chip_mix": {"GB200": 0.5, "GB300": 0.5}}', CAT, notices)
    assert notices == []
