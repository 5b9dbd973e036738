"""Yearly figures by calendar year or by Japanese fiscal year (年度, April to March): the model's
grouping, the workbook's Yearly sheet and the command line's --fiscal-years."""

import numpy as np
import pytest

from explorer import formatting, i18n
from explorer.cli import run
from explorer.model import evaluate, year_split
from explorer.months import fiscal_year
from explorer.scenario import Scenario
from explorer.tables import write_csv, write_xlsx, yearly_frame

# A term that starts and ends inside fiscal years (Nov 2025 … Oct 2032), rented and owned in one batch.
RENTED = Scenario(start="2025-11", term_months=84)
OWNED = RENTED.replace(pricing="own", depreciation_years=3, hardware_refresh=True)


def _year_of_each_month(projection, fiscal):
    index = projection.months.astype(int) + 1970 * 12  # months since year 0, as explorer.months counts
    return fiscal_year(index) if fiscal else index // 12


@pytest.mark.parametrize("fiscal", [False, True])
def test_yearly_sums_equal_the_months_of_each_year_and_add_up_to_the_term(fiscal):
    p = evaluate([RENTED, OWNED])
    of_month = _year_of_each_month(p, fiscal)
    years, gwh = p.energy_by_year(fiscal)
    _, cost = p.cost_by_year(fiscal)
    _, months = p.months_by_year(fiscal)
    _, gpus = p.gpus_at_year_end(fiscal)
    assert list(years) == sorted(set(of_month.tolist())) and gwh.shape == (2, len(years))
    for k, year in enumerate(years):
        mask = of_month == year
        assert months[k] == mask.sum()
        assert np.allclose(gwh[:, k], p.energy_mwh[:, mask].sum(axis=1) / 1e3, rtol=1e-12)
        assert np.allclose(cost["total"][:, k], p.cost_total[:, mask].sum(axis=1), rtol=1e-12)
        for part in ("compute", "energy", "cpu", "other"):
            assert np.allclose(cost[part][:, k], p.cost[part][:, mask].sum(axis=1), rtol=1e-12)
        assert np.array_equal(gpus[:, k], p.gpus[:, np.flatnonzero(mask)[-1]])  # the year's last month
    assert months.sum() == RENTED.term_months
    assert np.allclose(gwh.sum(axis=1), p.kpis["energy_total_gwh"], rtol=1e-12)
    assert np.allclose(cost["total"].sum(axis=1), p.kpis["cost_total_usd"], rtol=1e-12)
    assert np.allclose(sum(cost[part] for part in ("compute", "energy", "cpu", "other")), cost["total"], rtol=1e-12)


def test_fiscal_years_run_april_to_march():
    years, starts = year_split("2025-11", 84, True)
    assert list(years) == list(range(2025, 2033))  # FY2025 (Nov 2025 - Mar 2026) … FY2032 (Apr - Oct 2032)
    assert list(starts) == [0, 5, 17, 29, 41, 53, 65, 77]
    months = evaluate(RENTED).months
    assert all(str(months[s])[5:] == "04" for s in starts[1:])  # every fiscal year after the first starts in April
    years, starts = year_split("2026-04", 24, True)
    assert list(years) == [2026, 2027] and list(starts) == [0, 12]
    years, starts = year_split("2026-03", 1, True)  # March belongs to the year before
    assert list(years) == [2025] and list(starts) == [0]
    assert not years.flags.writeable  # (kept: shared by every caller)
    years, _ = evaluate(RENTED).energy_by_year(True)
    years[0] = 0  # a caller's copy
    assert year_split("2025-11", 84, True)[0][0] == 2025


def test_calendar_years_are_as_before():
    p = evaluate([RENTED, OWNED])
    years, gwh = p.energy_by_year()
    calendar = p.months.astype("datetime64[Y]").astype(int) + 1970  # the calendar grouping as written before
    starts = np.flatnonzero(np.r_[True, calendar[1:] != calendar[:-1]])
    assert np.array_equal(years, calendar[starts]) and years.dtype == calendar.dtype
    assert np.array_equal(gwh, np.add.reduceat(p.energy_mwh, starts, axis=1) / 1e3)  # bit for bit
    assert np.array_equal(p.energy_by_year(fiscal=False)[1], gwh)


def test_the_yearly_sheet_holds_the_projection_by_fiscal_year(tmp_path):
    from openpyxl import load_workbook

    projection = evaluate(RENTED)
    out = tmp_path / "fy.xlsx"
    write_xlsx(projection, RENTED, out, fiscal_years=True)
    book = load_workbook(out)
    assert book.sheetnames[:2] == ["Monthly", "Yearly"]
    sheet = book["Yearly"]
    headers = [cell.value for cell in sheet[1]]
    assert headers == ["Fiscal year", "Months in the term", "Energy (GWh)", "Cost, accelerator capacity (USD)",
                       "Cost, energy (USD)", "Cost, agent CPUs (USD)", "Cost, support, storage, other (USD)",
                       "Cost, total (USD)", "GPU count at year end"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    years, gwh = projection.energy_by_year(True)
    _, cost = projection.cost_by_year(True)
    _, gpus = projection.gpus_at_year_end(True)
    assert [r[0] for r in rows] == list(years) and len(rows) == len(years)  # (no note row in USD)
    assert [r[1] for r in rows] == [5, 12, 12, 12, 12, 12, 12, 7]
    assert np.allclose([r[2] for r in rows], gwh[0], rtol=1e-12)
    for c, part in enumerate(("compute", "energy", "cpu", "other", "total"), start=3):
        assert np.allclose([r[c] for r in rows], cost[part][0], rtol=1e-12)
    assert sum(r[7] for r in rows) == pytest.approx(projection.summary()["cost_total_usd"], rel=1e-12)
    assert [r[8] for r in rows] == [round(v) for v in gpus[0]]  # whole accelerators
    assert sheet["A2"].number_format == '"FY"0'  # a number shown FY2025
    assert sheet["H2"].number_format == "#,##0" and sheet["C2"].number_format == "#,##0.0"


def test_the_yearly_sheet_is_by_calendar_year_unless_asked(tmp_path):
    import pandas as pd

    projection = evaluate(RENTED)
    out = tmp_path / "cal.xlsx"
    write_xlsx(projection, RENTED, out)
    yearly = pd.read_excel(out, sheet_name="Yearly")
    assert list(yearly["Year"]) == list(range(2025, 2033))
    assert list(yearly["Months in the term"]) == [2, 12, 12, 12, 12, 12, 12, 10]
    assert np.allclose(yearly["Energy (GWh)"], projection.energy_by_year()[1][0], rtol=1e-12)
    frame = yearly_frame(projection)  # the data itself: keys and USD
    assert list(frame.columns[:3]) == ["year", "months", "energy_gwh"]
    assert "fiscal_year" in yearly_frame(projection, fiscal_years=True).columns


def test_yearly_money_is_in_the_currency_shown_and_says_its_rate(tmp_path):
    from openpyxl import load_workbook

    projection = evaluate(RENTED)
    formatting.set_currency(formatting.Currency(code="JPY", jpy_per_usd=150.0, millions_in_tables=True))
    out = tmp_path / "yen.xlsx"
    write_xlsx(projection, RENTED, out, fiscal_years=True)
    sheet = load_workbook(out)["Yearly"]
    headers = [cell.value for cell in sheet[1]]
    assert "Cost, total (JPY million)" in headers
    total = headers.index("Cost, total (JPY million)") + 1
    _, cost = projection.cost_by_year(True)
    years = len(cost["total"][0])
    cells = [sheet.cell(row=r, column=total).value for r in range(2, 2 + years)]
    assert cells == [float(round(v * 150.0 / 1e6)) for v in cost["total"][0]]
    assert sheet.cell(row=years + 3, column=1).value == "USD 1 = JPY 150 (2025-11-04)"


def test_in_japanese_the_years_read_as_nendo(tmp_path):
    from openpyxl import load_workbook

    projection = evaluate(RENTED)
    i18n.set_language("ja")
    write_xlsx(projection, RENTED, tmp_path / "ja.xlsx", fiscal_years=True)
    write_xlsx(projection, RENTED, tmp_path / "ja-cal.xlsx")
    fiscal = load_workbook(tmp_path / "ja.xlsx").worksheets[1]
    calendar = load_workbook(tmp_path / "ja-cal.xlsx").worksheets[1]
    assert fiscal["A2"].value == 2025 and fiscal["A2"].number_format == '0"年度"'  # shown 2025年度
    assert calendar["A2"].number_format == '0"年"'


def test_the_command_line_groups_by_fiscal_year_on_request(tmp_path):
    import io

    import pandas as pd

    out = tmp_path / "deal.xlsx"
    assert run(["export", "openai-aws-deal", "--xlsx", str(out), "--fiscal-years"], out=io.StringIO(),
               err=io.StringIO()) == 0
    assert "Fiscal year" in pd.read_excel(out, sheet_name="Yearly").columns
    assert run(["export", "openai-aws-deal", "--xlsx", str(out)], out=io.StringIO(), err=io.StringIO()) == 0
    assert "Year" in pd.read_excel(out, sheet_name="Yearly").columns
    # CSV: the same two files as ever (the yearly table is in the workbook only)
    assert run(["export", "openai-aws-deal", "--csv", str(tmp_path / "m.csv"), "--fiscal-years"],
               out=io.StringIO(), err=io.StringIO()) == 0
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == ["m-assumptions.csv", "m.csv"]
    from explorer.cli import build_parser

    help_text = " ".join(build_parser()[1].choices["export"].format_help().split())
    assert "--fiscal-years" in help_text and "a scenario's CSV files have no yearly table" in help_text  # (a
    # portfolio's have one: tests/explorer/test_portfolio_tables.py)


def test_csv_files_are_unchanged_by_the_yearly_table(tmp_path):
    written = write_csv(evaluate(RENTED), RENTED, tmp_path / "x.csv")
    assert [p.name for p in written] == ["x.csv", "x-assumptions.csv"]
