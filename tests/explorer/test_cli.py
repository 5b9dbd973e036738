"""The command line: summary, export, presets; bad input exits 2 with a message and no traceback."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.model import evaluate
from explorer.presets import list_presets
from explorer.scenario import Scenario
from explorer.scenario_file import save_scenario
from support.cli import run_cli as _run

ROOT = Path(__file__).resolve().parents[2]


def test_summary_json_has_the_documented_fields_and_matches_the_model():
    code, out, err = _run("summary", "openai-aws-deal", "--json")
    assert code == 0, err
    data = json.loads(out)
    expected = evaluate(Scenario()).summary()
    for key in ("gpus_peak", "vcpus_peak", "it_power_peak_mw", "facility_power_peak_mw", "energy_total_gwh",
                "compute_peak_eflops_bf16", "cost_total_usd", "cost_per_million_tokens_usd", "term_months"):
        assert data[key] == pytest.approx(expected[key]), key
    assert set(data["cost_breakdown_usd"]) == {"compute", "energy", "cpu", "other"}
    assert sum(data["cost_breakdown_usd"].values()) == pytest.approx(data["cost_total_usd"])


def test_summary_table_is_readable(tmp_path):
    path = tmp_path / "mine.json"
    save_scenario(Scenario(name="My test scenario", gpu_count=1234), path)
    code, out, _ = _run("summary", str(path))
    assert code == 0
    assert out.startswith("My test scenario\n")
    assert "Accelerators" in out and "1,234 accelerators" in out and "USD" in out


def test_presets_lists_every_shipped_preset():
    code, out, _ = _run("presets")
    assert code == 0
    keys = [p.key for p in list_presets()]
    assert keys[0] == "openai-aws-deal" and len(keys) >= 4
    for key in keys:
        assert key in out
    code, out, _ = _run("presets", "--json")
    assert [p["name"] for p in json.loads(out)] == keys


def test_export_csv_writes_projection_and_assumptions(tmp_path):
    import pandas as pd
    out_path = tmp_path / "deal.csv"
    code, out, err = _run("export", "openai-aws-deal", "--csv", str(out_path))
    assert code == 0, err
    monthly = pd.read_csv(out_path)
    assumptions = pd.read_csv(tmp_path / "deal-assumptions.csv")
    assert len(monthly) == 84 and monthly["month"].iloc[0] == "2025-11"
    assert monthly["cost_total_usd"].sum() == pytest.approx(evaluate(Scenario()).kpis["cost_total_usd"][0], rel=1e-5)
    assert "gpu_count" in set(assumptions["key"])
    numeric = assumptions[assumptions["key"].isin(["gpu_count", "pue", "energy_price_usd_per_kwh", "mfu"])]
    assert (numeric["source"].str.len() > 20).all()


@pytest.mark.parametrize("argv, expect", [
    (["summary", "no-such-thing"], "no such file or preset"),
    (["summary", "openai-aws-dea"], "Did you mean the preset 'openai-aws-deal'"),
    (["summary"], "required"),
    (["export", "openai-aws-deal"], "one of the arguments --csv --xlsx is required"),
    (["bogus"], "invalid choice"),
    (["summary", "openai-aws-deal", "--catalog", "/nonexistent.csv"], "/nonexistent.csv: no such file"),
])
def test_bad_arguments_exit_2_with_a_message(argv, expect):
    code, out, err = _run(*argv)
    assert code == 2
    assert expect in err and err.startswith("scenario-explorer: error:")


def test_bad_file_and_unwritable_output_exit_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": 1, "gpu_count": -3}')
    code, _, err = _run("summary", str(bad))
    assert code == 2 and "bad.json" in err and "'gpu_count'" in err
    code, _, err = _run("export", "openai-aws-deal", "--xlsx", str(tmp_path / "missing" / "x.xlsx"))
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "missing").exists()



def test_a_refused_write_says_why_without_the_usage_and_a_missing_argument_with_it(tmp_path):
    """The command was right and the target was not: the reason alone. A command asked for wrongly:
    the reason and that command's usage."""
    code, _, err = _run("export", "openai-aws-deal", "--csv", str(tmp_path / "missing" / "x.csv"))
    assert code == 2 and "cannot write" in err and "usage:" not in err
    code, _, err = _run("export", "openai-aws-deal", "--csv", "")
    assert code == 2 and "usage: scenario-explorer export" in err

def test_installed_command_prints_no_traceback_on_bad_input(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{ this is not json")
    result = subprocess.run([sys.executable, "-m", "ui.launcher", "summary", str(bad)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "broken.json: not valid JSON" in result.stderr
    assert "Traceback" not in result.stderr


def test_outputs_that_are_not_regular_files_are_refused(tmp_path):
    import os
    code, _, err = _run("export", "openai-aws-deal", "--csv", "")
    assert code == 2 and "no output file given" in err
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    code, _, err = _run("export", "openai-aws-deal", "--csv", str(fifo))
    assert code == 2 and "not a regular file" in err
    code, _, err = _run("export", "openai-aws-deal", "--xlsx", str(tmp_path / "o.txt"))
    assert code == 2 and ".xlsx" in err


def test_export_follows_a_symlink_instead_of_replacing_it(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    code, _, err = _run("export", "openai-aws-deal", "--csv", str(link))
    assert code == 0, err
    assert link.is_symlink() and real.read_text().startswith("month,")


def test_csv_export_checks_both_files_before_writing_either(tmp_path):
    (tmp_path / "side-assumptions.csv").mkdir()
    code, _, err = _run("export", "openai-aws-deal", "--csv", str(tmp_path / "side.csv"))
    assert code == 2 and "it is a folder" in err
    assert not (tmp_path / "side.csv").exists()


@pytest.mark.parametrize("text, expect", [
    ('{"schema_version": 2, "serving_model": "gpt-9"}', ["'serving_model'", "'deepseek-r1'", "'gpt-9'"]),
    ('{"schema_version": 2, "tokens_per_second_per_user": 0}', ["'tokens_per_second_per_user'", "1 to 2,000"]),
    ('{"schema_version": 2, "serving_share": 2}', ["'serving_share'", "0 to 1"]),
    ('{"schema_version": 2, "context_tokens": -5}', ["'context_tokens'", "1 to 2,000,000"]),
    ('{"schema_version": 2, "gpu_count": 5, "facility_power_mw": 10}', ["'gpu_count'", "'facility_power_mw'"]),
])
def test_bad_serving_and_sizing_keys_exit_2_naming_the_key_and_the_range(tmp_path, text, expect):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    code, _, err = _run("summary", str(path))
    assert code == 2
    for part in expect:
        assert part in err, (part, err)


def test_every_serving_model_preset_evaluates_from_the_command_line(tmp_path):
    from explorer.serving import model_ids

    for model in model_ids():
        path = tmp_path / f"{model}.json"
        path.write_text(json.dumps({"schema_version": 2, "serving_model": model}), encoding="utf-8")
        code, out, err = _run("summary", str(path), "--json")
        assert code == 0, err
        summary = json.loads(out)
        assert summary["tokens_per_second_per_gpu"] > 0 and summary["cost_per_million_tokens_usd"] > 0
