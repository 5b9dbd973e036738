"""The live loop: a control's edit becomes a new scenario, the model follows, every chart and KPI
shows it, one undo step per edit or drag, and the controls always show the document's scenario."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractSlider, QAbstractSpinBox, QComboBox, QWidget

from explorer.model import evaluate
from explorer.scenario import Scenario
from support.qt import chart_data, choose, drag, open_assumptions, slider, spin_box, type_into
from ui.charts import CHART_NAMES

MAIN = {"GPU count": "gpu_count", "Energy price": "energy_price_usd_per_kwh", "Agent CPU ratio": "agent_cpu_ratio"}


def test_the_window_opens_on_the_announced_deal(window):
    assert window.document.scenario == Scenario()
    assert window.windowTitle().startswith(Scenario().name)  # the deal's name (not 'Untitled'): it has no file
    assert set(window.charts) == set(CHART_NAMES)
    assert window.kpis.cards["cost_total_usd"].value.text() == "USD 45.5B"


def test_every_control_has_an_accessible_name(window):
    for name in ("GPU count", "Energy price", "Agent CPU ratio", "Chip mix: GB200", "Chip mix: GB300"):
        slider(window, name)
    window.panel.collapsible.expand(animate=False)
    controls = [w for w in window.findChildren(QWidget)
                if isinstance(w, (QAbstractSlider, QAbstractSpinBox, QComboBox, QAbstractButton))]
    assert len(controls) > 40
    unnamed = [w for w in controls if w.isVisibleTo(window) and not w.accessibleName()
               and not (isinstance(w, QAbstractButton) and w.text().strip())]
    assert unnamed == []


@pytest.mark.parametrize("name, position, expected", [
    ("GPU count", math.log10(400_000), 400_000), ("Energy price", 0.20, 0.20), ("Agent CPU ratio", 50.0, 50.0)])
def test_each_main_slider_moves_the_model_and_the_charts(window, name, position, expected):
    before_kpis = window.projection.summary()
    before = chart_data(window)
    slider(window, name).setValue(position)
    window.flush()
    assert getattr(window.document.scenario, MAIN[name]) == pytest.approx(expected)
    assert window.projection.summary()["cost_total_usd"] > before_kpis["cost_total_usd"]
    assert window.projection.summary() == evaluate(window.document.scenario).summary()
    after = chart_data(window)
    changed = {c for c in before if any(not np.array_equal(before[c][k], v) for k, v in after[c].items())}
    if name == "GPU count":  # unit costs do not depend on the fleet's size when rented
        assert {"capacity", "power", "cost", "cumulative", "tornado"} <= changed
    else:
        assert {"cost", "cumulative", "serving"} <= changed  # "serving" is the slot's default view
    assert window.document.modified and window.isWindowModified()


def test_a_dragged_step_is_drawn_and_the_hidden_view_follows_when_shown(window):
    drag(window, slider(window, "Chip mix: GB200"), [80.0], release=False)
    capacity = window.charts["capacity"]
    assert np.allclose(capacity.areas.drawn["GB200"], capacity.series()["GB200"])
    model = evaluate(window.document.scenario).peak_flops_by_chip("bf16")[0][:, window.catalog.index("GB200")]
    assert window.document.scenario.chip_mix["GB200"] == pytest.approx(0.8)
    assert np.allclose(capacity.series()["GB200"] * capacity.display_unit().factor, model)  # drawn mid-drag
    unit = window.charts["unit-economics"]
    draws = unit.draws
    window.display.set_view(economics_view="Over time")  # the slot's other view draws when switched to
    assert unit.draws == draws + 1 and window.economics_stack.currentWidget() is unit
    assert unit.series()["per M output tokens"][-1] == pytest.approx(window.projection.cost_per_million_tokens[0, -1])
    slider(window, "Chip mix: GB200").setSliderDown(False)
    window.flush()


def test_bursts_of_edits_collapse_into_one_refresh(window):
    count = []
    window.refreshed.connect(lambda: count.append(1))
    s = slider(window, "GPU count")
    for k in range(20):
        s.setValue(5.0 + k * 0.02)
    assert count == []  # nothing redrawn yet: the edits wait for the event loop
    window.flush()
    assert len(count) == 1
    assert window.projection.summary()["gpus_peak"] == window.document.scenario.gpu_count


@pytest.mark.parametrize("name, typed, text", [("GPU count", 300_000, "300000"), ("Energy price", 0.15, "0.15"),
                                               ("Agent CPU ratio", 25.0, "25")])
def test_a_typed_value_equals_the_dragged_one(window, name, typed, text):
    drag(window, slider(window, name), [math.log10(typed) if name == "GPU count" else typed])
    dragged = window.document.scenario
    window.document.load(Scenario(), None)
    type_into(spin_box(window, f"{name} value"), text)
    assert window.document.scenario == dragged
    assert evaluate(window.document.scenario).summary() == evaluate(dragged).summary()


def shown_values(window) -> dict:
    """What the controls show, in the scenario's units."""
    panel = window.panel
    out = {"gpu_count": panel.gpu_count.value(), "energy_price_usd_per_kwh": panel.energy_price.value(),
           "agent_cpu_ratio": panel.agent_ratio.value(),
           "chip_mix": {c: panel.mix.spin(c).value() / 100 for c in window.document.scenario.chip_mix}}
    out["pue"] = panel.assumptions.editor("pue").value()
    out["utilization"] = panel.assumptions.editor("utilization").value() / 100  # shown in percent
    out["chip_price_scale"] = panel.assumptions.editor("chip_price_scale").value()
    return out


def test_the_controls_always_show_the_documents_scenario(window):
    """The panel updates only the controls whose fields changed; after slider steps, typed
    assumptions, undo and redo, every control still shows the scenario."""
    def check():
        s = window.document.scenario
        for name, value in shown_values(window).items():
            if name == "chip_mix":
                assert value == pytest.approx(dict(s.chip_mix), abs=1e-3)
            else:
                assert value == pytest.approx(getattr(s, name), rel=1e-3), name

    window.panel.collapsible.expand(animate=False)
    slider(window, "Energy price").setValue(0.2)
    type_into(window.panel.assumptions.editor("pue"), "1.4")
    drag(window, slider(window, "Chip mix: GB200"), [60.0, 70.0])
    type_into(window.panel.assumptions.editor("utilization"), "55")
    slider(window, "GPU count").setValue(math.log10(450_000))
    window.flush()
    check()
    for _ in range(5):
        window.actions["undo"].trigger()
        check()
    assert window.document.scenario == Scenario()
    for _ in range(5):
        window.actions["redo"].trigger()
        check()
    assert window.document.scenario.pue == pytest.approx(1.4)


def test_a_drag_is_one_undo_step_and_redo_restores_it(window):
    s = slider(window, "Energy price")
    drag(window, s, [0.09, 0.12, 0.15, 0.18])
    assert window.document.scenario.energy_price_usd_per_kwh == pytest.approx(0.18)
    assert window.document.undo_stack.count() == 1
    slider(window, "GPU count").setValue(math.log10(250_000))
    assert window.document.undo_stack.count() == 2
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    window.flush()
    assert window.document.scenario == Scenario() and not window.document.modified
    assert s.value() == pytest.approx(0.0806)  # the control follows the scenario
    window.actions["redo"].trigger()
    window.flush()
    assert window.document.scenario.energy_price_usd_per_kwh == pytest.approx(0.18)
    assert window.projection.summary() == evaluate(window.document.scenario).summary()
    assert window.actions["tool_undo"].toolTip() == "Undo Change energy price"


def test_an_invalid_edit_is_refused_with_a_message_and_the_box_put_back(window):
    window.panel.collapsible.expand(animate=False)
    term = window.panel.assumptions.editor("term_months")
    type_into(term, "6")  # full deployment (Dec 2026) would fall after a 6-month term
    assert window.document.scenario.term_months == 84
    assert window.status.text.startswith("Full deployment by (Dec 2026) falls after the term ends") and window.status.error
    assert term.value() == 84


def test_assumption_edits_and_price_overrides(window):
    open_assumptions(window)
    assumptions = window.panel.assumptions
    type_into(assumptions.editor("utilization"), "60")
    assert window.document.scenario.utilization == pytest.approx(0.6)
    choose(assumptions.editor("pricing"), "own")
    assert window.document.scenario.pricing == "own"
    assert assumptions.editor("depreciation_years").isEnabled() and not assumptions.editor("energy_passthrough").isEnabled()
    type_into(assumptions.prices.spin("GB200", "rent_price_overrides"), "2.5")
    assert window.document.scenario.rent_price_overrides == {"GB200": 2.5}
    QTest.mouseClick(assumptions.prices.reset_button("GB200", "rent_price_overrides"), Qt.MouseButton.LeftButton)
    assert window.document.scenario.rent_price_overrides == {}
    ramp_end = assumptions.editor("ramp_end")
    ramp_end.setFocus()
    for _ in range(6):
        QTest.keyClick(ramp_end, Qt.Key.Key_Down)
    assert window.document.scenario.ramp_end == "2026-06"
    window.flush()
    assert window.projection.gpus[0, 7] == pytest.approx(200_000)  # fully deployed by June 2026


def test_kpis_compare_with_the_scenario_as_opened_and_once_saved_as_saved(window, dialogs, tmp_path):
    assert window.kpis.cards["cost_total_usd"].delta.text() == "= as opened"  # nothing saved yet
    slider(window, "Energy price").setValue(0.3)
    window.flush()
    delta = window.kpis.cards["cost_total_usd"].delta.text()
    assert delta.startswith("▲") and "% vs opened" in delta
    dialogs.paths = [str(tmp_path / "saved.json")]
    window.files.save_as()
    window.flush()
    assert window.kpis.cards["cost_total_usd"].delta.text() == "= as saved"
    slider(window, "Energy price").setValue(0.2)
    window.flush()
    assert "% vs saved" in window.kpis.cards["cost_per_million_tokens_usd"].delta.text()


def test_the_scenario_name_is_typed_and_undone(window):
    name = window.panel.name_edit
    name.setFocus()
    name.selectAll()
    QTest.keyClicks(name, "My board deck")
    QTest.keyClick(name, Qt.Key.Key_Return)
    assert window.document.scenario.name == "My board deck"
    window.actions["undo"].trigger()
    assert name.text() == Scenario().name


def test_a_clamped_chip_drag_snaps_back_when_released(window):
    mix = window.panel.mix
    mix.fill_add_menu()
    next(a for a in mix.add_menu.actions() if a.text().startswith("H100")).trigger()
    mix.rows["GB300"]["lock"].click()
    share_gb300 = window.document.scenario.chip_mix["GB300"]
    s = slider(window, "Chip mix: GB200")  # after the rows were rebuilt for H100
    drag(window, s, [99.0])  # more than the locked GB300 leaves
    expected = (1 - share_gb300) * 100
    assert window.document.scenario.chip_mix["GB200"] * 100 == pytest.approx(expected)
    assert s.value() == pytest.approx(expected)
