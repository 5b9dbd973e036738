"""Data export: the Excel workbook an analyst can use as it is (numbers with number formats, real
dates, readable headers, whole accelerators, P10/P90, a comparison), and CSV at full precision."""

import numpy as np
import pytest

from explorer.model import evaluate
from explorer.presets import find_preset
from explorer.scenario import Scenario
from explorer.tables import XLSX_SHEETS, write_csv, write_xlsx
from explorer.uncertainty import compute_bands


def test_the_workbook_reads_back_equal_to_the_model_with_readable_headers(tmp_path):
    import pandas as pd

    scenario = find_preset("custom-silicon-heavy").load()
    projection = evaluate(scenario)
    out = tmp_path / "x.xlsx"
    write_xlsx(projection, scenario, out)
    sheets = pd.read_excel(out, sheet_name=None)
    assert list(sheets) == list(XLSX_SHEETS)
    monthly = sheets["Monthly"]
    assert monthly["Month"].iloc[0] == pd.Timestamp(scenario.start + "-01")  # a real date
    assert np.allclose(monthly["Cost, total (USD)"], projection.cost_total[0], rtol=1e-12)
    assert np.allclose(monthly["Facility power, provisioned (MW)"], projection.facility_mw[0], rtol=1e-12)
    for chip in scenario.chip_mix:
        column = monthly[f"Accelerators installed, {chip}"]
        assert (column == column.round()).all()  # whole accelerators
        assert np.allclose(column, projection.gpus_by_chip()[0, :, projection.catalog.index(chip)], atol=0.5)
    summary = sheets["Summary"].set_index("KPI")["Value"]
    assert summary["Total cost over the term"] == pytest.approx(projection.summary()["cost_total_usd"])
    assert set(sheets["Chips"]["id"]) == set(scenario.chip_mix)
    assumptions = sheets["Assumptions"].set_index("Key in the scenario file")
    assert assumptions.loc["utilization", "Value"] == pytest.approx(scenario.utilization)  # a number, not text
    assert (sheets["Assumptions"]["Source"].fillna("") != "").sum() >= 25


def test_cells_carry_number_formats(tmp_path):
    from openpyxl import load_workbook

    s = Scenario()
    out = tmp_path / "f.xlsx"
    write_xlsx(evaluate(s), s, out)
    book = load_workbook(out)
    monthly = book["Monthly"]
    headers = {cell.value: cell.column_letter for cell in monthly[1]}
    assert monthly[f"{headers['Month']}2"].number_format == "mmm yyyy"
    assert monthly[f"{headers['Cost, total (USD)']}2"].number_format == "#,##0"
    assert monthly[f"{headers['Facility power, provisioned (MW)']}2"].number_format == "#,##0.0"
    assumptions = book["Assumptions"]
    row = next(r for r in assumptions.iter_rows(min_row=2) if r[0].value == "Utilisation")
    assert row[1].number_format == "0.0%" and row[1].value == pytest.approx(0.8)


def test_bands_add_p10_and_p90_and_a_comparison_adds_sheets(tmp_path):
    import pandas as pd

    s = Scenario()
    bands = compute_bands(s, samples=400)
    other = Scenario(name="Cheaper power", energy_price_usd_per_kwh=0.05)
    out = tmp_path / "b.xlsx"
    write_xlsx(evaluate(s), s, out, bands=bands, compared=[("Baseline: cheaper power", evaluate(other))])
    sheets = pd.read_excel(out, sheet_name=None)
    monthly = sheets["Monthly"]
    p10, p90 = monthly["Cost, cumulative (USD) P10"], monthly["Cost, cumulative (USD) P90"]
    assert (p10 <= monthly["Cost, cumulative (USD)"] + 1).all() and (p90.iloc[-1] > p10.iloc[-1])
    summary = sheets["Summary"].set_index("KPI")
    assert summary.loc["Total cost over the term", "P10"] < summary.loc["Total cost over the term", "P90"]
    assert "Comparison" in sheets and "Baseline cheaper power" in sheets
    comparison = sheets["Comparison"].set_index("KPI")
    assert comparison.loc["Total cost over the term", "Δ Current: " + s.name] > 0


def test_csv_keeps_full_precision(tmp_path):
    import pandas as pd

    s = Scenario()
    projection = evaluate(s)
    monthly, _ = write_csv(projection, s, tmp_path / "m.csv")
    back = pd.read_csv(monthly, float_precision="round_trip")
    assert np.array_equal(back["cost_total_usd"].to_numpy(), projection.cost_total[0])
