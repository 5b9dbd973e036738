"""Fault injection on the Qt-free core: full disks, interrupted and refused writes, hostile files
and text, a hostile terminal. Each case was found by a fault pass and failed before its fix."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import explorer.files as files
from explorer.catalog import COLUMNS, builtin_catalog, load_catalog, parse_catalog
from explorer.errors import CatalogError, OutputError, ScenarioError
from explorer.fields import FIELDS
from explorer.files import check_writable_target, read_text
from explorer.model import evaluate
from explorer.scenario import Scenario
from explorer.scenario_file import load_scenario, save_scenario, scenario_from_json, scenario_to_json
from explorer.tables import assumptions_csv_path, write_csv
from support.scenarios import scenarios
from support.cli import run_cli as _run

ROOT = Path(__file__).resolve().parents[2]
DEAL = "openai-aws-deal"


def _cli(*argv, **kw):
    """The real command line in a child process (what a user's shell runs)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), **kw.pop("env", {}))
    return subprocess.run([sys.executable, "-m", "explorer.cli", *argv], capture_output=True, text=True,
                          env=env, timeout=60, **kw)


def _disk_full_after(monkeypatch, nbytes: int = 10):
    """Every write through explorer.files fails like a full disk, after writing ``nbytes``."""
    def full(tmp, data):
        with open(tmp, "wb") as fh:
            fh.write(data[:nbytes])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files, "_write_fully", full)


# ------------------------------------------------------------------------------------------ writes

def test_a_full_disk_keeps_the_old_file_and_says_so(tmp_path, monkeypatch):
    target = tmp_path / "deal.json"
    save_scenario(Scenario(), target)
    before = target.read_bytes()
    _disk_full_after(monkeypatch)
    with pytest.raises(OutputError, match="cannot write .*deal.json: No space left on device"):
        save_scenario(Scenario(gpu_count=1234), target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.json"]  # no temporary file left


def test_the_csv_pair_is_written_both_or_neither(tmp_path, monkeypatch):
    out = tmp_path / "deal.csv"
    write_csv(evaluate(Scenario()), Scenario(), out)
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    import pandas as pd

    real = pd.DataFrame.to_csv
    calls = []

    def second_fails(self, path, *a, **kw):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, path, *a, **kw)

    monkeypatch.setattr(pd.DataFrame, "to_csv", second_fails)
    with pytest.raises(OutputError, match="No space left on device"):
        write_csv(evaluate(Scenario(gpu_count=5000)), Scenario(gpu_count=5000), out)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old  # the first file was not replaced
    assert assumptions_csv_path(out).exists()


def test_an_interrupted_save_leaves_no_temporary_file_for_long(tmp_path):
    target = tmp_path / "deal.json"
    save_scenario(Scenario(), target)
    script = textwrap.dedent(f"""
        import sys
        from explorer.files import atomic_write
        def hang(tmp):
            tmp.write_text("half")
            print("writing", flush=True)
            sys.stdin.read()  # killed here, mid-write
        atomic_write({str(target)!r}, hang)
    """)
    for _ in range(3):  # three kills, three leftovers
        proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                env=dict(os.environ, PYTHONPATH=str(ROOT)), text=True)
        assert proc.stdout.readline().strip() == "writing"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdin.close()
        proc.stdout.close()
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 3  # a minute's grace (a pid of another namespace may look dead)
    for p in leftovers:
        os.utime(p, (os.path.getmtime(p) - 120,) * 2)  # two minutes later
    old_style = tmp_path / ".deal.json.k2j4h6_x.tmp"  # an earlier version's name, of no known writer
    old_style.write_text("old")
    os.utime(old_style, (1, 1))
    save_scenario(Scenario(gpu_count=4321), target)  # the next save of that file cleans up after them
    # (before: they stayed for ever, one per kill)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deal.json"]
    assert load_scenario(target).gpu_count == 4321


def test_a_failed_rename_in_a_set_puts_every_old_file_back(tmp_path, monkeypatch):
    """The second rename of the CSV pair fails (on Windows: the file is open in Excel): the first,
    already replaced, is put back."""
    out = tmp_path / "deal.csv"
    write_csv(evaluate(Scenario()), Scenario(), out)
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = os.replace
    calls = []

    def replace(src, dst):
        calls.append(dst)
        if Path(dst) == assumptions_csv_path(out) and str(src).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)
    with pytest.raises(OutputError, match="none of the 2 files was changed"):
        write_csv(evaluate(Scenario(gpu_count=5000)), Scenario(gpu_count=5000), out)
    monkeypatch.setattr(files.os, "replace", real)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old


def test_a_write_in_progress_elsewhere_is_not_cleaned_away(tmp_path):
    target = tmp_path / "deal.json"
    mine = tmp_path / f".deal.json.{os.getpid()}-abcd1234.tmp"  # a live writer (this process)
    mine.write_text("in progress")
    save_scenario(Scenario(), target)
    assert mine.exists()


def test_a_read_only_file_is_refused_not_replaced(tmp_path):
    target = tmp_path / "deal.json"
    save_scenario(Scenario(), target)
    before = target.read_bytes()
    target.chmod(0o444)
    try:
        with pytest.raises(OutputError, match="read-only"):
            save_scenario(Scenario(gpu_count=99), target)
        assert target.read_bytes() == before
    finally:
        target.chmod(0o644)


def test_new_files_respect_the_umask(tmp_path):
    old = os.umask(0o077)
    try:
        save_scenario(Scenario(), tmp_path / "private.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "private.json").stat().st_mode) == 0o600
    target = tmp_path / "shared.json"
    target.write_text("{}")
    target.chmod(0o664)
    save_scenario(Scenario(), target)  # a replaced file keeps its mode
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


def test_a_symlink_loop_is_named_when_written_and_read(tmp_path):
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    with pytest.raises(OutputError, match="symbolic link that loops"):
        check_writable_target(tmp_path / "a.json")
    with pytest.raises(ScenarioError, match="symbolic link that loops"):
        load_scenario(tmp_path / "a.json")
    code, _, err = _run("summary", str(tmp_path / "a.json"))
    assert code == 2 and "loops" in err
    assert (tmp_path / "a.json").is_symlink()  # left as it was


# ------------------------------------------------------------------------------------- reading files

CSV_HEADER = ",".join(COLUMNS)


@pytest.mark.parametrize("text, message", [
    ("id," + "x" * 140_000 + "\n", "header is not readable as CSV"),
    ("id,na\x00me\n", "unknown column"),
    ("id,name\nH100,H100\x00\n", "control character"),
    ("id,name\nH100,bad\x07name\n", "control character"),
])
def test_broken_catalogs_are_refused_with_a_message(text, message):
    with pytest.raises(CatalogError, match=message):
        parse_catalog(text, "mine.csv", base=builtin_catalog())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_pipe_or_a_device_is_never_opened(tmp_path):
    fifo = tmp_path / "chips.csv"
    os.mkfifo(fifo)  # opening it would block until someone writes: never opened
    with pytest.raises(CatalogError, match="not a regular file"):
        load_catalog(fifo)
    if Path("/dev/zero").exists():
        with pytest.raises(CatalogError, match="not a regular file"):
            load_catalog("/dev/zero")


def test_a_huge_sparse_file_is_refused_without_reading_it(tmp_path):
    sparse = tmp_path / "chips.csv"
    with open(sparse, "wb") as fh:
        fh.truncate(10 * 2**30)  # 10 GB of nothing, on no disk space
    with pytest.raises(CatalogError, match="too large"):
        load_catalog(sparse)
    with pytest.raises(ScenarioError, match="too large"):
        read_text(sparse, "scenario file", 1_000_000, ScenarioError)


def _big_catalog(n: int) -> str:
    base = builtin_catalog()["H100"]
    rows = [CSV_HEADER]
    for i in range(n):
        cells = []
        for col in COLUMNS:
            value = f"x{i}" if col == "id" else getattr(base, col)
            cells.append("" if value is None else str(value).replace(",", " "))
        rows.append(",".join(cells))
    return "\n".join(rows) + "\n"


def test_a_large_catalog_costs_only_the_chips_in_the_mix():
    catalog = builtin_catalog().merged(parse_catalog(_big_catalog(2000), "big.csv"))
    scenario = Scenario()
    small, large = evaluate(scenario), evaluate(scenario, catalog)
    assert len(catalog) > 2000
    assert set(large.chip_ids) == set(scenario.chip_mix)  # not 2,016 chips by every sample
    for chip in large.chip_ids:  # (a chip's colour follows its row in the whole catalog)
        assert large.catalog.position(chip) == catalog.index(chip)
    assert catalog.only(["x7", "H100"]) is catalog.only(["H100", "x7"])
    assert catalog.only(["x7"]).position("x7") == catalog.index("x7")
    assert large.summary()["cost_total_usd"] == pytest.approx(small.summary()["cost_total_usd"])
    from explorer.uncertainty import compute_bands

    bands = compute_bands(scenario.replace(uncertainty_samples=500), catalog)
    assert bands is not None


# ------------------------------------------------------------------------------------------- text

@pytest.mark.parametrize("field, text, ok", [
    ("name", "bad\ud800name", False), ("name", "ctl\x01name", False), ("name", "two\nlines", False),
    ("notes", "a\ud800", False), ("notes", "bell\x07", False), ("notes", "line one\nline two\tend", True),
    ("description", "日本語の説明 — fine", True),
])
def test_text_that_breaks_encoders_is_refused_at_the_door(field, text, ok):
    if ok:
        assert getattr(Scenario().replace(**{field: text}), field) == text
        return
    with pytest.raises(ScenarioError, match=f"'{field}' holds") as info:
        Scenario().replace(**{field: text})
    assert FIELDS[field].label in info.value.for_people


def test_a_file_with_a_lone_surrogate_is_refused_and_summary_never_crashes(tmp_path):
    data = json.loads(scenario_to_json(Scenario()))
    data["name"] = "bad\ud800name"
    path = tmp_path / "s.json"
    path.write_text(json.dumps(data))  # (json escapes it as \\ud800)
    code, _, err = _run("summary", str(path))
    assert code == 2 and "'name' holds a character that cannot be saved" in err
    code, _, err = _run("export", str(path), "--xlsx", str(tmp_path / "x.xlsx"))
    assert code == 2 and not (tmp_path / "x.xlsx").exists()


def test_echoed_values_are_cut_to_a_readable_length():
    data = json.loads(scenario_to_json(Scenario()))
    data["<b style='font-size:300pt'>" + "k" * 500_000] = 1
    with pytest.raises(ScenarioError) as info:
        scenario_from_json(json.dumps(data))
    assert "unknown key" in str(info.value) and len(str(info.value)) < 500


# ------------------------------------------------------------------------------------ command line

def test_a_full_standard_output_is_an_error_not_a_traceback():
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "explorer.cli", "summary", DEAL], stdout=full,
                              stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)),
                              timeout=60)
    assert proc.returncode == 2
    assert "standard output cannot be written: No space left on device" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_closed_standard_output_is_an_error_not_a_traceback():
    proc = subprocess.Popen([sys.executable, "-m", "explorer.cli", "presets", "--json"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    proc.stdout.close()  # the reader went away (| head)
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=60) == 2
    assert "Traceback" not in err and "standard output was closed" in err


def test_a_standard_output_closed_at_start_is_an_error_not_a_traceback():
    proc = subprocess.run([sys.executable, "-c", "import os, sys; os.close(1); sys.stdout = None; "
                           "from explorer.cli import main; sys.exit(main(['summary', 'openai-aws-deal']))"],
                          stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    assert proc.returncode == 2 and "standard output is closed" in proc.stderr and "Traceback" not in proc.stderr


def test_a_catalog_header_of_200000_columns_is_refused_at_once(tmp_path):
    wide = tmp_path / "wide.csv"
    wide.write_text("id," + ",".join(f"c{i}" for i in range(200_000)) + "\nGB200\n")
    proc = _cli("summary", DEAL, "--catalog", str(wide))  # (it ran for minutes: quadratic in the columns)
    assert proc.returncode == 2 and "unknown column 'c0'" in proc.stderr


@pytest.mark.parametrize("argv, message", [
    (["summary", "-"], "standard input is not supported"),
    (["fit", DEAL, "--budget", "30e9", "--out", ""], "no output file given"),
    (["export", DEAL, "--xlsx", ""], "no output file given"),
    (["export", DEAL, "--csv", ""], "no output file given"),
    (["summary", "a" * 5000 + ".json"], "too long"),
    (["export", DEAL, "--xlsx", "/" + "d" * 300 + "/x.xlsx"], "cannot write"),
])
def test_odd_names_get_a_clear_message_and_exit_2(argv, message):
    code, _, err = _run(*argv)
    assert code == 2
    assert message.lower() in err.lower()
    assert len(err) < 800  # the name is shortened, not printed whole


def test_a_tiny_contract_value_gives_no_numpy_warning(tmp_path):
    path = tmp_path / "tiny.json"
    save_scenario(Scenario(contract_value_usd=FIELDS["contract_value_usd"].lo or 1e-9), path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for argv in (["summary", str(path)], ["summary", str(path), "--json"],
                     ["export", str(path), "--csv", str(tmp_path / "t.csv")], ["fit", str(path)]):
            code, _, err = _run(*argv)
            assert code in (0, 2), err
            assert "Warning" not in err and "Traceback" not in err


def test_an_unencodable_file_name_is_printed_escaped():
    proc = _cli("summary", "caf\udce9.json", env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 2
    assert "UnicodeEncodeError" not in proc.stderr and "no such file" in proc.stderr


# ------------------------------------------------------------------ what the app holds, it can save

@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(scenarios(), st.sampled_from(["gpu_count", "energy_price_usd_per_kwh", "pue", "start", "term_months"]))
def test_every_scenario_the_app_can_hold_saves_reopens_and_edits(tmp_path_factory, s, lever):
    path = tmp_path_factory.mktemp("prop") / "s.json"
    save_scenario(s, path)
    again = load_scenario(path)
    assert again == s
    spec = FIELDS[lever]
    if lever == "start":
        edited = again.replace(start=again.ramp_end)  # a later start, the ramp moved inside the term
    elif lever == "term_months":
        edited = again.replace(term_months=int(spec.hi))
    else:
        value = getattr(again, lever)
        new = min(spec.hi, value * 1.1 + (1 if spec.kind == "int" else 0))
        edited = again.replace(**{lever: int(new) if spec.kind == "int" else new})
    save_scenario(edited, path)
    assert load_scenario(path) == edited
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        summary = evaluate(edited).summary()
    assert summary["cost_total_usd"] >= 0
