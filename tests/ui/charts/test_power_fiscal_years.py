"""The power chart's energy bars by calendar year or, with the view's fiscal_years, by Japanese
fiscal year (April to March): the bars, the readout and the legend follow the option."""

import numpy as np

from explorer import i18n
from explorer.model import evaluate
from explorer.scenario import Scenario
from ui.state.view import ViewOptions

from .conftest import CAT, inp

SCENARIO = Scenario(start="2025-11", term_months=84)  # Nov 2025 … Oct 2032


def _bar_starts(chart):
    return np.asarray(chart.bars.opts["x0"]) + 0.5  # month offsets of the bars' first months


def test_fiscal_year_bars_start_in_april(make_chart):
    chart = make_chart("power", width=1400)
    months = evaluate(SCENARIO, CAT).months
    chart.set_input(inp(SCENARIO, view=ViewOptions(fiscal_years=True)))
    starts = _bar_starts(chart).astype(int)
    assert list(starts) == [0, 5, 17, 29, 41, 53, 65, 77]
    assert all(str(months[s])[5:] == "04" for s in starts[1:])  # every boundary falls on April
    widths = np.asarray(chart.bars.opts["width"]) + 0.15
    assert list(widths.astype(int)) == [5, 12, 12, 12, 12, 12, 12, 7]
    _, gwh = evaluate(SCENARIO, CAT).energy_by_year(fiscal=True)
    factor = chart.display_unit("energy").factor
    assert np.allclose(np.asarray(chart.bars.opts["height"]) * factor, gwh[0])
    assert "Energy per fiscal year (right axis)" in chart.legend_labels()
    text = chart.show_readout(5)  # April 2026: FY2026
    assert text.startswith("Apr 2026") and "energy in FY2026" in text
    assert "energy in FY2025" in chart.show_readout(4)  # March 2026 belongs to FY2025
    assert "energy that year" in chart.series()  # (the series keep their names)


def test_the_option_switches_back_to_calendar_years(make_chart):
    chart = make_chart("power", width=1400)
    chart.set_input(inp(SCENARIO))
    assert list(_bar_starts(chart).astype(int)) == [0, 2, 14, 26, 38, 50, 62, 74]  # January boundaries
    assert "Energy per year (right axis)" in chart.legend_labels()
    assert "energy that year" in chart.show_readout(5) and "FY" not in chart.show_readout(5)
    chart.set_input(inp(SCENARIO, view=ViewOptions(fiscal_years=True)))
    assert list(_bar_starts(chart).astype(int))[1] == 5
    assert chart._year_key == (SCENARIO.start, SCENARIO.term_months, True)  # the flag is in the cached key
    chart.set_input(inp(SCENARIO))
    assert list(_bar_starts(chart).astype(int))[1] == 2


def test_in_japanese_the_readout_names_the_nendo(make_chart):
    chart = make_chart("power", width=1400)
    i18n.set_language("ja")
    chart.set_input(inp(SCENARIO, view=ViewOptions(fiscal_years=True)))
    assert "2026年度" in chart.show_readout(5)
