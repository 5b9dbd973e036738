"""Input never changes the scenario by accident, with real events on the window: the wheel over the
panel, a click on a handle, a drag, the keyboard, typed values, Ctrl+Z from a box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from explorer.scenario import Scenario
from support.qt import handle_centre, open_assumptions, slider, spin_box, type_into, wheel


def test_the_wheel_over_the_panel_scrolls_it_and_changes_nothing(window):
    open_assumptions(window)
    bar = window.panel_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    before = window.document.scenario
    for name in ("Agent CPU ratio", "Energy price"):
        for _ in range(3):
            wheel(slider(window, name), -1)
    for widget in (spin_box(window, "Agent CPU ratio value"), window.panel.assumptions.editor("mfu"),
                   window.panel.assumptions.editor("utilization"), window.panel.assumptions.editor("pricing")):
        wheel(widget, -1)
    assert bar.value() > 0  # it scrolled
    assert window.document.scenario is before and window.document.undo_stack.count() == 0


def test_a_click_on_a_handle_changes_nothing_and_a_drag_is_one_undo_step(window):
    s = slider(window, "GPU count")
    centre = handle_centre(s)
    QTest.mouseClick(s, Qt.MouseButton.LeftButton, pos=centre)
    window.flush()
    assert window.document.scenario.gpu_count == 200_000 and window.document.undo_stack.count() == 0
    QTest.mousePress(s, Qt.MouseButton.LeftButton, pos=centre)
    for dx in (10, 25, 40):
        QTest.mouseMove(s, centre + QPoint(dx, 0))
    QTest.mouseRelease(s, Qt.MouseButton.LeftButton, pos=centre + QPoint(40, 0))
    window.flush()
    assert window.document.scenario.gpu_count > 200_000 and window.document.undo_stack.count() == 1
    window.actions["undo"].trigger()
    assert window.document.scenario == Scenario()


def test_a_focused_slider_moves_with_keys_one_undo_step_each(window):
    s = slider(window, "Energy price")
    s.setFocus()
    QTest.keyClick(s, Qt.Key.Key_Right)
    QTest.keyClick(s, Qt.Key.Key_Right)
    window.flush()
    price = window.document.scenario.energy_price_usd_per_kwh
    assert price == pytest.approx(0.0806 + 2 * 0.002, abs=6e-4) and window.document.undo_stack.count() == 2
    QTest.keyClick(s, Qt.Key.Key_End)
    window.flush()
    assert window.document.scenario.energy_price_usd_per_kwh == pytest.approx(0.40)
    gpus = slider(window, "GPU count")
    gpus.setFocus()
    QTest.keyClick(gpus, Qt.Key.Key_PageUp)
    window.flush()
    assert window.document.scenario.gpu_count == pytest.approx(200_000 * 10 ** 0.1, rel=0.01)


def test_ctrl_z_in_a_box_undoes_the_scenario_once_the_value_is_committed(window):
    box = spin_box(window, "Agent CPU ratio value")
    type_into(box, "25")
    assert window.document.scenario.agent_cpu_ratio == 25
    assert box.hasFocus()
    QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scenario.agent_cpu_ratio == 10  # the model, not the box's text
    QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.scenario.agent_cpu_ratio == 25


def test_after_ctrl_z_a_number_typed_over_the_box_replaces_the_number_only(window):
    """Found under Xvfb: after Ctrl+Z the box kept the old selection's length over the new text
    ('200,000 G' of '200,000 GPUs'), so '3M' typed over it read '3MPUs' and was refused."""
    box = spin_box(window, "GPU count value")
    type_into(box, "1.5M")
    QTest.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scenario.gpu_count == 200_000 and box.hasFocus()
    assert box.lineEdit().selectedText() == "200,000"
    QTest.keyClicks(box, "3M")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.document.scenario.gpu_count == 3_000_000 and not box.problem


@pytest.mark.parametrize("typed, expected", [("1.5M", 1_500_000), ("750k", 750_000), ("1.5e6", 1_500_000),
                                             ("12,345", 12_345), ("12 345", 12_345)])
def test_typed_fleet_sizes_are_read_as_written(window, typed, expected):
    type_into(spin_box(window, "GPU count value"), typed)
    assert window.document.scenario.gpu_count == expected


@pytest.mark.parametrize("box, typed", [("Energy price value", "-5"), ("GPU count value", "99999999999"),
                                        ("Agent CPU ratio value", "lots")])
def test_values_that_cannot_be_taken_are_refused_and_nothing_changes(window, box, typed):
    widget = spin_box(window, box)
    type_into(widget, typed)
    assert window.document.scenario == Scenario() and window.document.undo_stack.count() == 0
    assert widget.problem and widget.text().startswith(typed)


def test_a_share_typed_as_120_percent_is_refused(window):
    open_assumptions(window)
    utilisation = window.panel.assumptions.editor("utilization")
    type_into(utilisation, "120")
    assert window.document.scenario.utilization == 0.8
    assert utilisation.problem == "Utilisation: 120 % is outside what is allowed, 1 to 100 %."
    type_into(utilisation, "12.5%")
    assert window.document.scenario.utilization == pytest.approx(0.125)


def test_a_refusal_caused_by_another_field_says_so_in_labels_with_the_fix(window):
    open_assumptions(window)
    type_into(window.panel.assumptions.editor("term_months"), "6")
    text = window.status.text
    assert "Full deployment by (Dec 2026) falls after the term ends" in text and "at least 14 months" in text
    assert "'" not in text and "ramp_end" not in text
    type_into(window.panel.assumptions.editor("pue"), "1.4")
    assert window.actions["tool_undo"].toolTip() == "Undo Change PUE (annual average)"


def test_hovering_a_chart_with_the_mouse_shows_that_months_values_and_leaving_clears_them(window, qtbot):
    """A real mouse move over the plot (not show_readout): the readout names the month under the
    pointer first, and it goes when the pointer leaves or the chart changes."""
    from PySide6.QtCore import QPointF

    chart = window.charts["cumulative"]
    vb = chart.plot.vb
    month = 10  # Sep 2026
    scene = vb.mapViewToScene(QPointF(month, vb.viewRange()[1][1] / 2))
    at = chart.view.mapFromScene(scene)
    QTest.mouseMove(chart.view.viewport(), at)
    qtbot.waitUntil(lambda: chart.readout_text() != "")
    text = chart.readout_text()
    assert text.startswith("Sep 2026") and "cumulative" in text
    QTest.keyClick(slider(window, "Energy price"), Qt.Key.Key_Right)  # the chart changes under it
    window.flush()
    assert chart.readout_text() == ""
    QTest.mouseMove(chart.view.viewport(), at + QPoint(3, 0))
    qtbot.waitUntil(lambda: chart.readout_text() != "")
    QApplication.sendEvent(chart, QEvent(QEvent.Type.Leave))
    assert chart.readout_text() == ""
