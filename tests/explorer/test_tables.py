"""Data export: the Excel workbook reads back equal to the model's output."""

import numpy as np
import pytest

from explorer.tables import XLSX_SHEETS, write_xlsx
from explorer.model import evaluate
from explorer.presets import find_preset


def test_xlsx_reads_back_equal_to_the_model(tmp_path):
    import pandas as pd
    scenario = find_preset("custom-silicon-heavy").load()
    projection = evaluate(scenario)
    out = tmp_path / "x.xlsx"
    write_xlsx(projection, scenario, out)
    sheets = pd.read_excel(out, sheet_name=None)
    assert list(sheets) == list(XLSX_SHEETS)
    monthly = sheets["Monthly"]
    assert np.allclose(monthly["cost_total_usd"], projection.cost_total[0], rtol=1e-12)
    assert np.allclose(monthly["facility_power_provisioned_mw"], projection.facility_mw[0], rtol=1e-12)
    for chip in scenario.chip_mix:
        assert np.allclose(monthly[f"accelerators_{chip}"],
                           projection.gpus_by_chip()[0, :, projection.catalog.index(chip)])
    summary = sheets["Summary"].set_index("kpi")["value"]
    assert summary["cost_total_usd"] == pytest.approx(projection.summary()["cost_total_usd"])
    assert set(sheets["Chips"]["id"]) == set(scenario.chip_mix)
    assert (sheets["Assumptions"]["source"].fillna("") != "").sum() >= 25
