"""The window's power figures, the fleet-size lever in GPUs or MW/GW, the serving chart and the
serving assumptions (real key events on the controls)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from explorer.formatting import power
from explorer.model import evaluate
from explorer.presets import preset_groups
from explorer.scenario import Scenario
from explorer.scenario_file import load_scenario


def choose(combo: QComboBox, text: str) -> None:
    """Pick an item with the keyboard, as a user does (arrow keys on the focused combo)."""
    combo.setFocus()
    for _ in range(combo.count() + 1):
        if combo.currentText().strip() == text:
            return
        QTest.keyClick(combo, Qt.Key.Key_Down)
    for _ in range(combo.count() + 1):
        if combo.currentText().strip() == text:
            return
        QTest.keyClick(combo, Qt.Key.Key_Up)
    raise AssertionError(f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}")


def test_the_power_card_shows_provisioned_power_with_the_average_draw_beside_it(window):
    s = window.projection.summary()
    card = window.kpis.cards["facility_power_peak_mw"]
    assert card.title.text() == "Facility power, provisioned"
    assert card.value.text() == power(s["facility_power_peak_mw"]) == "606 MW"
    assert f"average draw {power(s['facility_power_average_mw'])}" in card.extra.text()
    window.document.edit({"gpu_count": 2_000_000})
    window.flush()
    assert window.kpis.cards["facility_power_peak_mw"].value.text().endswith(" GW")  # the unit analysts use


def test_the_power_chart_draws_provisioned_lines_and_the_average_draw(window):
    chart = window.charts["power"]
    p = window.projection
    series = chart.series()
    factor = chart._units["y"].factor
    assert np.allclose(series["facility, provisioned"] * factor, p.facility_mw[0])
    assert np.allclose(series["average draw"] * factor, p.facility_avg_mw[0])
    assert np.all(series["facility, provisioned"] >= series["average draw"])
    labels = [label for _, label, _ in chart._legend_entries]
    assert any("provisioned" in label for label in labels) and any("average draw" in label for label in labels)
    assert "hottest day" in chart.view.toolTip()  # one sentence a non-engineer understands


def test_the_fleet_lever_switches_between_gpus_and_power_and_back(window):
    fleet = window.panel.fleet
    assert fleet.unit.currentText() == "GPUs" and "606 MW" in fleet.other.text()
    mw = window.projection.summary()["facility_power_peak_mw"]
    choose(fleet.unit, "MW")
    window.flush()
    s = window.document.scenario
    assert s.sized_by_power and s.facility_power_mw == pytest.approx(mw, rel=1e-3)
    assert window.projection.summary()["gpus_peak"] == pytest.approx(200_000, rel=1e-3)
    assert "200" in fleet.other.text() and "accelerators" in fleet.other.text()
    assert fleet.mw.spin.hasFocus() is False  # the unit combo kept the focus
    choose(fleet.unit, "GW")  # only the display: still sized by power
    window.flush()
    assert window.document.scenario.facility_power_mw == s.facility_power_mw
    assert fleet.gw.value() == pytest.approx(s.facility_power_mw / 1000, rel=1e-3)
    choose(fleet.unit, "GPUs")
    window.flush()
    assert not window.document.scenario.sized_by_power and window.document.scenario.gpu_count == 200_000
    window.document.undo_stack.undo()  # back to the power-sized fleet, then to the GPU count
    window.flush()
    assert window.document.scenario.sized_by_power and fleet.unit.currentText() in ("MW", "GW")
    window.document.undo_stack.undo()
    window.flush()
    assert window.document.scenario == Scenario() and fleet.unit.currentText() == "GPUs"


def test_typing_a_power_moves_the_fleet_and_saves_as_power(window, dialogs, tmp_path):
    fleet = window.panel.fleet
    choose(fleet.unit, "MW")
    spin = fleet.mw.spin
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "1000")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    window.flush()
    assert window.document.scenario.facility_power_mw == pytest.approx(1000)
    assert window.projection.summary()["facility_power_peak_mw"] == pytest.approx(1000)
    dialogs.paths = [str(tmp_path / "power.json")]
    assert window.save_as()
    saved = load_scenario(tmp_path / "power.json")
    assert saved.facility_power_mw == pytest.approx(1000) and saved.sized_by_power


def test_fit_to_budget_can_solve_for_power(window):
    result, problem = window.fit_budget(38e9, "facility_power_mw")
    assert problem is None
    window.apply_fit(result)
    window.flush()
    assert window.document.scenario.sized_by_power
    assert window.projection.summary()["cost_total_usd"] == pytest.approx(38e9, rel=1e-3)


def test_the_serving_chart_follows_the_scenario_and_marks_the_fleet(window):
    chart = window.charts["serving"]
    assert window.economics_stack.currentWidget() is chart  # the slot opens on the trade-off curve
    fleet_cost = window.projection.summary()["cost_per_million_tokens_usd"]
    x, y = chart.fleet_point
    assert x == pytest.approx(np.log10(50)) and 10 ** y == pytest.approx(fleet_cost)
    before = {k: v.copy() for k, v in chart.series().items()}
    assert set(before) == {"GB200", "GB300"}
    curve = before["GB200"]
    finite = curve[np.isfinite(curve)]
    assert np.all(np.diff(finite) >= -1e-9)  # a faster answer never costs less per token
    window.document.edit({"energy_price_usd_per_kwh": 0.3})
    window.flush()
    assert not np.allclose(chart.series()["GB200"], before["GB200"], equal_nan=True)


def test_switching_the_slot_to_over_time_draws_the_unit_economics(window):
    view = window.charts["serving"].view_combo
    choose(view, "Over time")
    window.flush()
    unit = window.charts["unit-economics"]
    assert window.economics_stack.currentWidget() is unit
    total = unit.series()["per M output tokens"]
    assert total[-1] == pytest.approx(window.projection.cost_per_million_tokens[0, -1])
    assert window.charts["unit-economics"].view_combo.currentText() == "Over time"


def test_the_serving_assumptions_change_the_model_and_a_price_shows_the_margin(window):
    window.panel.collapsible.expand(animate=False)
    editors = window.panel.assumptions.editors
    assert not editors["model_total_params_billion"].isEnabled()  # a preset sets the counts
    choose(editors["serving_model"], "Llama 3.3 70B (dense)")
    window.flush()
    s = window.document.scenario
    assert s.serving_model == "llama-3.3-70b" and s.model_total_params_billion == 70.6
    card = window.kpis.cards["cost_per_million_tokens_usd"]
    assert "Llama 3.3 70B" in card.extra.text()
    price = editors["price_usd_per_million_tokens"]
    QTest.mouseClick(price.on, Qt.MouseButton.LeftButton)
    window.flush()
    assert window.document.scenario.price_usd_per_million_tokens is not None
    assert "margin USD" in card.extra.text() and "break-even" in card.extra.text()
    s = window.projection.summary()
    assert s["gross_margin_usd"] == pytest.approx(s["revenue_usd"] - s["cost_total_usd"] * 0.5)


def test_the_preset_menu_groups_announced_deals_and_what_ifs(window):
    sections = [a.text() for a in window.presets_menu.actions() if a.isSeparator() and a.text()]
    assert sections == [g for g, _ in preset_groups()] == ["Announced deals", "What-ifs"]
    combo = window.preset_combo
    headings = [combo.itemText(i) for i in range(combo.count()) if not combo.model().item(i).isEnabled()]
    assert "Announced deals" in headings and "What-ifs" in headings


def test_every_announced_deal_opens_sized_as_announced(window):
    for key, sized_by_power in (("openai-nvidia", True), ("openai-oracle", True), ("anthropic-google", False)):
        assert window.open_preset(key)
        window.flush()
        assert window.document.scenario.sized_by_power is sized_by_power
        expected = evaluate(window.document.scenario).summary()
        assert window.projection.summary() == expected
        assert window.panel.fleet.unit.currentText() == ("GW" if sized_by_power else "GPUs")


def test_the_cards_say_what_the_contract_implies_and_buys(window):
    s = window.projection.summary()
    assert f"USD {s['implied_usd_per_gpu_hour']:.2f}/GPU-h" in window.kpis.cards["cost_total_usd"].extra.text()
    assert "the contract buys 167k at these prices" in window.kpis.cards["gpus_peak"].extra.text()
