"""Charts on their own: a chart built, styled and laid out, given inputs as the window gives them."""

from __future__ import annotations

import pytest

from explorer.catalog import builtin_catalog
from ui.charts import chart_class
from ui.state.chart_input import standalone_input
from ui.theme import LIGHT

CAT = builtin_catalog()


@pytest.fixture
def make_chart(qtbot):
    def make(name: str, width: int = 640, height: int = 420):
        chart = chart_class(name)()
        qtbot.addWidget(chart)
        chart.set_style(LIGHT)
        chart.resize(width, height)
        chart.show()
        return chart
    return make


def inp(scenario, **changes):
    return standalone_input(scenario, CAT).replace(**changes)
