"""Charts on their own: a chart built, styled and laid out, given inputs as the window gives them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from explorer.catalog import builtin_catalog
from ui.charts import chart_class
from ui.state.chart_input import standalone_input
from ui.theme import LIGHT

CAT = builtin_catalog()


@pytest.fixture
def make_chart(qapp):
    """Charts made by a test are kept until it ends, then deleted through Qt's deferred delete (a
    pyqtgraph scene freed by Python's garbage collector while Qt still has events for it crashes)."""
    made = []

    def make(name: str, width: int = 640, height: int = 420):
        chart = chart_class(name)()
        chart.set_style(LIGHT)
        chart.resize(width, height)
        chart.show()
        made.append(chart)
        return chart

    yield make
    for chart in made:
        chart.close()
        chart.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def inp(scenario, **changes):
    return standalone_input(scenario, CAT).replace(**changes)
