"""The portfolio export (explorer.portfolio_tables, ``scenario-explorer export PORTFOLIO``): each member's
monthly columns are its own scenario export's, the portfolio's are their sums, the years add up to the
total cost, every shipped portfolio writes its four CSV files and its workbook, FILE means what the
documented rule says, and bad input or a bad target is refused with a clear message and no file."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from explorer import portfolio as pf
from explorer.errors import OutputError, ScenarioError
from explorer.formatting import Currency, set_currency
from explorer.kpis import KPIS
from explorer.model import evaluate
from explorer.months import fiscal_year, month_index
from explorer.portfolio import (FIGURES, Portfolio, list_portfolios, load_portfolio, resolve_scenario_or_portfolio)
from explorer.portfolio_tables import (XLSX_SHEETS, csv_paths, evaluate_for_export, write_portfolio_csv,
                                       write_portfolio_xlsx)
from explorer.presets import list_presets, load_preset
from explorer.scenario import Scenario
from explorer.scenario_file import save_scenario
from explorer.tables import write_csv
from support.faults import disk_full
from support.cli import run_cli as _run

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "assets" / "portfolios" / "openai-2025.json"
MONTHLY_KEYS = ("accelerators_total", "facility_power_provisioned_mw", "cost_total_usd", "cost_cumulative_usd")


def _write(path, data):
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


def _read_csv(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _mixed(tmp_path) -> Path:
    """A portfolio of the three kinds of member (a preset, a scenario file, an embedded scenario), one
    switched off."""
    save_scenario(Scenario(name="Campus", gpu_count=30000, chip_mix={"TPUv6e": 0.5, "MI355X": 0.5},
                           start="2026-03", ramp_end="2026-09", term_months=36, pricing="own",
                           description="Our own campus; figures from our plan."), tmp_path / "campus.json")
    return _write(tmp_path / "mixed.json", {
        "schema_version": 1, "name": "Mixed", "notes": "Three kinds of member.", "sources": ["Our plan, 2026."],
        "members": [
            {"label": "AWS", "provider": "AWS", "preset": "openai-aws-deal"},
            {"label": "Campus", "provider": "own build", "file": "campus.json"},
            {"label": "Spot", "provider": "other", "enabled": False,
             "scenario": {"schema_version": 3, "gpu_count": 20000, "chip_mix": {"H200": 1.0}}},
            {"label": "Small", "provider": "CoreWeave",
             "scenario": {"schema_version": 3, "gpu_count": 5000, "chip_mix": {"B200": 1.0}, "start": "2024-10",
                          "ramp_end": "2025-01", "term_months": 24}},
        ]})


# --------------------------------------------------------------------------- the sum of the parts
def test_each_members_columns_are_its_own_export_and_the_portfolios_are_their_sum(tmp_path):
    portfolio = load_portfolio(_mixed(tmp_path))
    written = write_portfolio_csv(evaluate_for_export(portfolio), tmp_path / "p.csv")
    assert written == csv_paths(tmp_path / "p.csv")
    monthly = pd.read_csv(written[0], float_precision="round_trip")
    months = list(monthly["month"])
    assert months[0] == "2024-10" and months == sorted(months) and len(set(months)) == len(months)
    assert "cost_total_usd:Spot" not in monthly  # a member switched off has no columns
    totals = {key: np.zeros(len(months)) for key in MONTHLY_KEYS}
    for member in portfolio.enabled_members:
        own_csv, _ = write_csv(evaluate(member.scenario), member.scenario, tmp_path / f"own-{member.label}.csv")
        own = pd.read_csv(own_csv, float_precision="round_trip")
        at = months.index(own["month"].iloc[0])
        inside = slice(at, at + len(own))
        for key in MONTHLY_KEYS:
            column = monthly[f"{key}:{member.label}"].to_numpy()
            np.testing.assert_allclose(column[inside], own[key].to_numpy(), rtol=1e-12, atol=0)
            before, after = column[:at], column[at + len(own):]
            assert not before.any()
            if key == "cost_cumulative_usd":  # after its term it stays at its total
                assert np.allclose(after, own[key].iloc[-1], rtol=1e-12)
            else:
                assert not after.any()
            totals[key][inside] += own[key].to_numpy()
            if key == "cost_cumulative_usd":
                totals[key][at + len(own):] += own[key].iloc[-1]
    for key in MONTHLY_KEYS:
        np.testing.assert_allclose(monthly[key].to_numpy(), totals[key], rtol=1e-12)


def test_the_years_add_up_to_the_total_cost_by_calendar_and_by_fiscal_year(tmp_path):
    ev = evaluate_for_export(load_portfolio(SHIPPED))
    monthly_csv, yearly_csv, *_ = write_portfolio_csv(ev, tmp_path / "cal.csv")
    yearly = pd.read_csv(yearly_csv, float_precision="round_trip")
    total = sum(evaluate(m.scenario).kpis["cost_total_usd"][0] for m in ev.portfolio.enabled_members)
    assert yearly["cost_total_usd"].sum() == pytest.approx(total, rel=1e-12)
    assert yearly["cost_total_usd"].sum() == pytest.approx(ev.summary["totals"]["cost_total_usd"], rel=1e-12)
    for m in ev.portfolio.enabled_members:  # each member's years add up to its own total cost
        assert yearly[f"cost_total_usd:{m.label}"].sum() == pytest.approx(
            evaluate(m.scenario).kpis["cost_total_usd"][0], rel=1e-12)
    assert list(yearly["year"]) == list(range(2025, 2033)) and yearly["months"].sum() == len(pd.read_csv(monthly_csv))
    # fiscal years, worked out here from the monthly table: April to March
    _, fiscal_csv, *_ = write_portfolio_csv(ev, tmp_path / "fy.csv", fiscal_years=True)
    fiscal = pd.read_csv(fiscal_csv, float_precision="round_trip")
    monthly = pd.read_csv(monthly_csv, float_precision="round_trip")
    by_fy = monthly.groupby([int(y) if int(m) >= 4 else int(y) - 1 for y, m in
                             (text.split("-") for text in monthly["month"])])["cost_total_usd"].sum()
    assert list(fiscal["fiscal_year"]) == list(by_fy.index)
    np.testing.assert_allclose(fiscal["cost_total_usd"], by_fy.to_numpy(), rtol=1e-12)
    assert fiscal["cost_total_usd"].sum() == pytest.approx(total, rel=1e-12)
    assert fiscal["months"].iloc[0] == 12 and yearly["months"].iloc[0] == 9  # April 2025 opens a fiscal year
    assert fiscal_year(month_index("2025-04")) == 2025


# ------------------------------------------------------------------------------- every shipped one
@pytest.mark.parametrize("shipped", list_portfolios(), ids=lambda p: p.key)
def test_every_shipped_portfolio_exports_as_csv_and_as_a_workbook(tmp_path, shipped):
    code, out, err = _run("export", shipped.key, "--csv", str(tmp_path / "p.csv"))
    assert code == 0, err
    paths = csv_paths(tmp_path / "p.csv")
    assert out.splitlines() == [f"wrote {p}" for p in paths]
    assert [p.name for p in paths] == ["p.csv", "p-yearly.csv", "p-members.csv", "p-summary.csv"]
    portfolio = shipped.load()
    members = _read_csv(paths[2])
    assert [row["label"] for row in members] == list(portfolio.labels)
    assert [row["provider"] for row in members] == [m.provider for m in portfolio.members]
    summary = {row["key"]: row for row in _read_csv(paths[3])}
    ev = evaluate_for_export(portfolio)
    assert float(summary["cost_total_usd"]["value"]) == pytest.approx(ev.summary["totals"]["cost_total_usd"])
    monthly = _read_csv(paths[0])
    assert len(monthly) == ev.projection.month_indices.size

    code, out, err = _run("export", shipped.key, "--xlsx", str(tmp_path / "p.xlsx"))
    assert code == 0, err
    book = load_workbook(tmp_path / "p.xlsx")
    assert book.sheetnames == list(XLSX_SHEETS)
    sheet = book["Monthly"]
    assert sheet.max_row == 1 + ev.projection.month_indices.size
    headers = [c.value for c in sheet[1]]
    assert headers[0] == "Month" and f"Cost, total (USD) · {portfolio.labels[0]}" in headers
    column = headers.index("Cost, total (USD) · all members") + 1
    values = [sheet.cell(row=r, column=column).value for r in range(2, sheet.max_row + 1)]
    np.testing.assert_allclose(values, ev.projection.total("cost"), rtol=1e-12)
    assert sheet.cell(row=2, column=column).number_format == "#,##0"
    assert sheet.cell(row=2, column=1).number_format == "mmm yyyy"
    yearly = book["Yearly"]
    total_column = [c.value for c in yearly[1]].index("Commitments, total (USD)") + 1
    n = len(ev.projection.yearly_commitments()[0])
    years = [yearly.cell(row=r, column=total_column).value for r in range(2, 2 + n)]
    assert sum(years) == pytest.approx(ev.summary["totals"]["cost_total_usd"], rel=1e-12)
    names = [row[0].value for row in book["Members"].iter_rows(min_row=2) if row[0].value]
    assert names == list(portfolio.labels)


def test_the_members_table_says_where_each_member_comes_from(tmp_path):
    portfolio = load_portfolio(_mixed(tmp_path))
    paths = write_portfolio_csv(evaluate_for_export(portfolio), tmp_path / "m.csv")
    rows = {row["label"]: row for row in _read_csv(paths[2])}
    assert [(rows[k]["source"], rows[k]["reference"]) for k in ("AWS", "Campus", "Spot")] == [
        ("preset", "openai-aws-deal"), ("file", "campus.json"), ("scenario", "")]
    assert rows["Spot"]["enabled"] == "false" and rows["AWS"]["enabled"] == "true"
    assert float(rows["Spot"]["cost_total_usd"]) == pytest.approx(  # switched off, and still given its figures
        evaluate(portfolio.member("Spot").scenario).kpis["cost_total_usd"][0])
    assert rows["Campus"]["description"] == "Our own campus; figures from our plan."
    assert rows["AWS"]["description"] == load_preset("openai-aws-deal").description
    assert rows["Campus"]["chips"] == "TPUv6e 0.5; MI355X 0.5"
    shares = [float(rows["Campus"][f"{f}_share"]) for f in ("nvidia", "custom_silicon", "other_merchant")]
    assert sum(shares) == pytest.approx(1.0) and shares[0] == 0 and shares[1] > 0 and shares[2] > 0
    assert float(rows["AWS"]["nvidia_share"]) == 1.0
    assert rows["Campus"]["start"] == "2026-03" and rows["Campus"]["term_months"] == "36"


def test_the_summary_gives_every_figure_with_its_explanation_and_unit(tmp_path):
    ev = evaluate_for_export(load_portfolio(SHIPPED))
    rows = {row["key"]: row for row in _read_csv(write_portfolio_csv(ev, tmp_path / "s.csv")[3])}
    for key, figure in FIGURES.items():
        assert rows[key]["label"] == figure.label and rows[key]["explanation"] == figure.explanation
    for key in ("facility_power_peak_mw", "gpus_peak"):  # a KPI's unit is the KPI catalogue's
        assert rows[key]["unit"] == KPIS[key].unit
    c = ev.summary["concentration"]
    assert rows["largest_provider"]["value"] == "NVIDIA" and float(rows["hhi"]["value"]) == pytest.approx(c["hhi"])
    assert rows["facility_power_peak_month"]["value"] == "2029-12" and rows["peak_year"]["value"] == "2030"
    provider_shares = [float(v["value"]) for k, v in rows.items() if k.startswith("provider_shares.")]
    assert len(provider_shares) == 7 and sum(provider_shares) == pytest.approx(1.0)


def test_the_workbook_shows_money_in_the_currency_chosen_and_the_csv_stays_in_usd(tmp_path):
    ev = evaluate_for_export(load_portfolio(SHIPPED))
    set_currency(Currency("JPY"))
    write_portfolio_xlsx(ev, tmp_path / "yen.xlsx")
    paths = write_portfolio_csv(ev, tmp_path / "yen.csv")
    set_currency(Currency())
    book = load_workbook(tmp_path / "yen.xlsx")
    yearly = book["Yearly"]
    headers = [c.value for c in yearly[1]]
    column = headers.index("Commitments, total (JPY)") + 1
    n = len(ev.projection.yearly_commitments()[0])
    assert sum(yearly.cell(row=r, column=column).value for r in range(2, 2 + n)) == pytest.approx(
        ev.summary["totals"]["cost_total_usd"] * 153.67, rel=1e-12)
    assert yearly.cell(row=n + 3, column=1).value == "USD 1 = JPY 153.67 (2025-11-04)"
    summary = {row[0].value: (row[1].value, row[2].value) for row in book["Summary"].iter_rows(min_row=2)}
    assert summary["Total commitments"] == (pytest.approx(ev.summary["totals"]["cost_total_usd"] * 153.67), "JPY")
    assert "Total cost over the term (JPY)" in [c.value for c in book["Members"][1]]
    assert "Cost, total (USD) · all members" in [c.value for c in book["Monthly"][1]]  # as the scenario's sheet
    rows = {row["key"]: row for row in _read_csv(paths[3])}
    assert float(rows["cost_total_usd"]["value"]) == pytest.approx(ev.summary["totals"]["cost_total_usd"])
    assert rows["cost_total_usd"]["unit"] == "USD"


def test_a_portfolio_with_every_member_switched_off_exports_its_members(tmp_path):
    path = _write(tmp_path / "off.json", {"schema_version": 1, "members": [
        {"label": "AWS", "provider": "AWS", "enabled": False, "preset": "openai-aws-deal"}]})
    code, _, err = _run("export", str(path), "--csv", str(tmp_path / "off.csv"))
    assert code == 0, err
    assert list(pd.read_csv(tmp_path / "off.csv").columns) == ["month", *MONTHLY_KEYS]
    assert len(pd.read_csv(tmp_path / "off.csv")) == 0
    assert [r["label"] for r in _read_csv(tmp_path / "off-members.csv")] == ["AWS"]
    code, _, err = _run("export", str(path), "--xlsx", str(tmp_path / "off.xlsx"))
    assert code == 0, err
    assert load_workbook(tmp_path / "off.xlsx")["Summary"]["B2"].value == 0  # members switched on


# ------------------------------------------------------------------------------ what FILE means
def test_file_is_a_scenario_or_a_portfolio_by_the_documented_rule(tmp_path, monkeypatch):
    assert isinstance(resolve_scenario_or_portfolio("openai-2025"), Portfolio)
    assert isinstance(resolve_scenario_or_portfolio("openai-aws-deal"), Scenario)
    assert isinstance(resolve_scenario_or_portfolio(str(SHIPPED)), Portfolio)
    save_scenario(Scenario(name="Mine"), tmp_path / "mine.json")
    assert resolve_scenario_or_portfolio(str(tmp_path / "mine.json")).name == "Mine"
    monkeypatch.chdir(tmp_path)
    assert isinstance(resolve_scenario_or_portfolio("openai-2025.json"), Portfolio)  # a shipped one by its file name
    assert isinstance(resolve_scenario_or_portfolio("openai-aws-deal.json"), Scenario)
    # a file of that name in the folder wins over the shipped one
    save_scenario(Scenario(name="Local"), tmp_path / "openai-2025.json")
    assert resolve_scenario_or_portfolio("openai-2025.json").name == "Local"


def test_a_name_that_is_both_a_preset_and_a_shipped_portfolio_is_the_preset(tmp_path, monkeypatch):
    presets = {p.key for p in list_presets()}
    assert not presets & {p.key for p in list_portfolios()}  # (the shipped names never meet)
    folder = tmp_path / "portfolios"
    folder.mkdir()
    _write(folder / "owned-fleet.json", {"schema_version": 1, "members": [
        {"label": "AWS", "provider": "AWS", "preset": "openai-aws-deal"}]})
    monkeypatch.setattr(pf, "portfolios_dir", lambda: folder)
    assert pf.find_portfolio("owned-fleet") is not None
    found = resolve_scenario_or_portfolio("owned-fleet")
    assert isinstance(found, Scenario) and found == load_preset("owned-fleet")
    assert isinstance(resolve_scenario_or_portfolio(str(folder / "owned-fleet.json")), Portfolio)  # by its path


def test_an_unknown_name_lists_the_presets_and_the_shipped_portfolios():
    code, out, err = _run("export", "openai-202", "--csv", "x.csv")
    assert code == 2 and out == ""
    first = err.splitlines()[0]
    assert first.startswith("scenario-explorer: error: openai-202: no such file, preset or shipped portfolio.")
    assert "Did you mean the portfolio 'openai-2025'?" in first and "shipped portfolios: openai-2025" in first
    assert "openai-aws-deal" in first
    with pytest.raises(ScenarioError, match="Did you mean the preset 'openai-aws-deal'"):
        resolve_scenario_or_portfolio("openai-aws-dea")
    with pytest.raises(ScenarioError, match="reading from standard input is not supported"):
        resolve_scenario_or_portfolio("-")


# ------------------------------------------------------------------------------------ bad input
def test_a_broken_member_is_named_in_one_line_and_nothing_is_written(tmp_path):
    path = _write(tmp_path / "deals.json", {"schema_version": 1, "members": [
        {"label": "AWS", "provider": "AWS", "preset": "openai-aws-deal"},
        {"label": "Campus", "provider": "own build", "file": "campus.json"}]})
    for dest in ("--csv", "--xlsx"):
        target = tmp_path / ("out.xlsx" if dest == "--xlsx" else "out.csv")
        code, out, err = _run("export", str(path), dest, str(target))
        assert code == 2 and out == ""
        first = err.splitlines()[0]
        assert first.startswith("scenario-explorer: error: deals.json: member 'Campus': 'file' = 'campus.json': "
                                "no such scenario file")
        assert "Traceback" not in err
    bad_chip = _write(tmp_path / "chip.json", {"schema_version": 1, "members": [
        {"label": "Odd", "provider": "other", "scenario": {"schema_version": 3, "chip_mix": {"H900": 1.0}}}]})
    code, _, err = _run("export", str(bad_chip), "--csv", str(tmp_path / "out.csv"))
    assert code == 2 and "member 'Odd'" in err.splitlines()[0] and "H900" in err.splitlines()[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chip.json", "deals.json"]


def test_an_unwritable_target_is_a_clear_message_and_changes_nothing(tmp_path):
    code, _, err = _run("export", "openai-2025", "--csv", str(tmp_path / "missing" / "p.csv"))
    assert code == 2 and err.splitlines() == [
        f"scenario-explorer: error: cannot write {tmp_path / 'missing' / 'p.csv'}: the folder "
        f"{tmp_path / 'missing'} does not exist"]  # (a refused write: no usage after it)
    code, _, err = _run("export", "openai-2025", "--xlsx", str(tmp_path / "p.xls"))
    assert code == 2 and "p.xls: an Excel workbook needs a .xlsx name" in err
    # one of the four CSV files read-only: none is written
    locked = tmp_path / "p-summary.csv"
    locked.write_text("old", encoding="utf-8")
    locked.chmod(0o444)
    try:
        code, _, err = _run("export", "openai-2025", "--csv", str(tmp_path / "p.csv"))
        assert code == 2 and "p-summary.csv: the file is read-only" in err
    finally:
        locked.chmod(0o644)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p-summary.csv"] and locked.read_text() == "old"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_full_disk_keeps_the_old_files_and_says_so(tmp_path, monkeypatch, kind):
    ev = evaluate_for_export(load_portfolio(SHIPPED))
    write = (lambda: write_portfolio_csv(ev, tmp_path / "p.csv")) if kind == "csv" else \
        (lambda: write_portfolio_xlsx(ev, tmp_path / "p.xlsx"))
    write()
    old = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    disk_full(monkeypatch)  # every write fails with ENOSPC
    with pytest.raises(OutputError, match="cannot write .*: No space left on device"):
        write()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == old  # nothing replaced, nothing left
