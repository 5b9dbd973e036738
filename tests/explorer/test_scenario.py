"""Scenario values, the JSON file format, and every bad-input message."""

import json
import math

import pytest

from explorer.catalog import builtin_catalog
from explorer.errors import ScenarioError
from explorer.scenario import (FIELDS, FILE_KEYS, SCHEMA_VERSION, Scenario, load_scenario, save_scenario,
                               scenario_from_dict, scenario_from_json, scenario_to_json)

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
    assert list(data) == list(FILE_KEYS)
    assert data["schema_version"] == SCHEMA_VERSION


def test_left_out_keys_take_their_defaults():
    s = scenario_from_json('{"schema_version": 1, "gpu_count": 5000}', CAT)
    assert s == Scenario(gpu_count=5000)


def _error(text: str) -> str:
    with pytest.raises(ScenarioError) as info:
        scenario_from_json(text, CAT)
    return str(info.value)


def test_unknown_key_is_named_with_the_nearest_valid_key():
    msg = _error('{"schema_version": 1, "gpu_cont": 5}')
    assert "'gpu_cont'" in msg and "'gpu_count'" in msg


@pytest.mark.parametrize("key, value, expect", [
    ("gpu_count", 0, ["'gpu_count'", "0", "1 to 5,000,000"]),
    ("gpu_count", 6_000_000, ["'gpu_count'", "6000000", "5,000,000"]),
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
