"""The comparison table alone: rows from the KPI catalogue, a marked baseline, differences."""

from __future__ import annotations

from explorer.catalog import builtin_catalog
from explorer.kpis import COMPARED, KPIS
from explorer.model import evaluate
from explorer.scenario import Scenario
from ui.state.comparison import COLOURS
from ui.widgets.comparison_table import ComparisonTable, cell_text

CAT = builtin_catalog()


def test_the_table_shows_each_compared_kpi_with_its_difference(qtbot):
    table = ComparisonTable()
    qtbot.addWidget(table)
    base = evaluate(Scenario(), CAT).summary()
    cheaper = evaluate(Scenario(agent_cpu_ratio=5), CAT).summary()
    assert table.show_summaries([("Baseline: deal", base), ("Current: deal", cheaper)], COLOURS)
    assert table.horizontalHeaderItem(0).text() == "Baseline\ndeal"  # equal names, told apart
    assert table.horizontalHeaderItem(1).text() == "Current\ndeal"
    assert [table.verticalHeaderItem(r).text() for r in range(table.rowCount())] == [KPIS[k].label for k in COMPARED]
    assert "Δ −" in table.cell(0, 1) and "(−" in table.cell(0, 1)
    power_row = COMPARED.index("facility_power_peak_mw")
    assert table.cell(power_row, 0).endswith(" MW")  # the figure carries its unit
    assert not table.show_summaries([("only one", base)], COLOURS) and not table.isVisible()


def test_identical_scenarios_differ_by_zero_without_rounding_noise():
    s = evaluate(Scenario(), CAT).summary()
    assert cell_text("cost_total_usd", s["cost_total_usd"], s["cost_total_usd"], 0.0, 0.0).endswith("Δ 0")
    assert cell_text("energy_share_of_cost", 0.25, 0.2, 0.05, 0.25).endswith("Δ +5.0 pp (+25.0%)")
    assert cell_text("revenue_usd", None) == "–"


def test_compared_scenarios_never_share_a_colour_with_a_data_series():
    from ui import theme

    data = set(theme._CHIP_COLOURS.values()) | set(theme._CHIP_PALETTE) | set(theme.COMPONENT_COLOURS.values())
    for t in (theme.LIGHT, theme.DARK, theme.HIGH_CONTRAST):
        data |= {t.line_it, t.line_facility, t.foreground, t.contract, t.bars}
    assert not {c.upper() for c in COLOURS} & {c.upper() for c in data}
