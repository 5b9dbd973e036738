"""The levers alone: a slider and its typed box agree; the fleet lever reports GPUs or power."""

from __future__ import annotations

import math

import pytest
from explorer.scenario import Scenario
from support.qt import choose, type_into
from ui.widgets.levers import FleetSizeControl, ValueControl, round_significant


def test_a_typed_value_and_a_slider_position_report_the_same_edit(qtbot):
    lever = ValueControl("Energy price", "USD/kWh", 0.0, 0.40, decimals=4)
    qtbot.addWidget(lever)
    lever.show()
    edits = []
    lever.edited.connect(lambda v, d: edits.append((v, d)))
    type_into(lever.spin, "0.15")
    assert edits[-1] == (pytest.approx(0.15), False)
    assert lever.slider.value() == pytest.approx(0.15)  # the slider follows, without a second edit
    assert len(edits) == 1
    lever.slider.setValue(0.2)
    assert edits[-1] == (pytest.approx(0.2), False) and lever.spin.value() == pytest.approx(0.2)


def test_a_log_slider_rounds_a_drag_to_three_significant_digits(qtbot):
    lever = ValueControl("GPU count", "", 1_000, 50_000_000, log=True, integer=True, round_drag=round_significant(3))
    qtbot.addWidget(lever)
    edits = []
    lever.edited.connect(lambda v, d: edits.append((v, d)))
    lever.slider.setSliderDown(True)
    lever.slider.setValue(math.log10(123_456))
    assert edits[-1] == (123_000.0, True)
    lever.slider.setSliderDown(False)
    lever.set_value(250_000)  # shown from the scenario: no edit
    assert len(edits) == 1 and lever.value() == 250_000


def test_the_fleet_lever_switches_units_through_the_scenario(qtbot):
    fleet = FleetSizeControl()
    qtbot.addWidget(fleet)
    fleet.show()
    edits = []
    fleet.edited.connect(lambda c, d: edits.append(c))
    fleet.set_scenario(Scenario())
    fleet.set_derived(200_000, 606.0)
    assert fleet.unit.currentText() == "GPUs" and fleet.other.text() == "≈ 606 MW provisioned facility power"
    choose(fleet.unit, "MW")
    assert edits[-1] == {"facility_power_mw": 606.0}  # to be sized by power, at the same power
    fleet.set_scenario(Scenario(facility_power_mw=606.0))
    assert fleet.unit.currentText() == "MW" and fleet.other.text() == "≈ 200,000 accelerators"
    choose(fleet.unit, "GW")  # only the display changes: no edit
    assert len(edits) == 1 and fleet.gw.value() == pytest.approx(0.606)
    type_into(fleet.gw.spin, "1.5")
    assert edits[-1] == {"facility_power_mw": pytest.approx(1500.0)}
