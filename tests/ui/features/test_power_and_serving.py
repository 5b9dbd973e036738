"""Power and serving in the window: the provisioned power card, the fleet lever in GPUs or MW/GW,
the serving assumptions, the slot's two views, the deal presets as announced (real key events)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explorer.formatting import power
from explorer.model import evaluate
from explorer.presets import list_presets, preset_groups
from explorer.scenario import Scenario
from explorer.scenario_file import load_scenario
from support.qt import choose, open_assumptions, type_into


def test_the_power_card_shows_provisioned_power_with_the_average_draw_beside_it(window):
    s = window.projection.summary()
    card = window.kpis.cards["facility_power_peak_mw"]
    assert card.title.text() == "Facility power, provisioned"
    assert card.value.text() == power(s["facility_power_peak_mw"]) == "606 MW"
    assert f"average draw {power(s['facility_power_average_mw'])}" in card.extra.text()
    window.document.edit({"gpu_count": 2_000_000})
    window.flush()
    assert window.kpis.cards["facility_power_peak_mw"].value.text().endswith(" GW")  # the unit analysts use


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
    choose(fleet.unit, "GW")  # only the display: still sized by power
    window.flush()
    assert window.document.scenario.facility_power_mw == s.facility_power_mw
    choose(fleet.unit, "GPUs")
    window.flush()
    assert not window.document.scenario.sized_by_power and window.document.scenario.gpu_count == 200_000
    window.actions["undo"].trigger()  # back to the power-sized fleet, then to the GPU count
    window.flush()
    assert window.document.scenario.sized_by_power and fleet.unit.currentText() in ("MW", "GW")
    window.actions["undo"].trigger()
    window.flush()
    assert window.document.scenario == Scenario() and fleet.unit.currentText() == "GPUs"


def test_typing_a_power_moves_the_fleet_and_saves_as_power(window, dialogs, tmp_path):
    fleet = window.panel.fleet
    choose(fleet.unit, "MW")
    type_into(fleet.mw.spin, "1000")
    window.flush()
    assert window.document.scenario.facility_power_mw == pytest.approx(1000)
    assert window.projection.summary()["facility_power_peak_mw"] == pytest.approx(1000)
    dialogs.paths = [str(tmp_path / "power.json")]
    assert window.files.save_as()
    saved = load_scenario(tmp_path / "power.json")
    assert saved.facility_power_mw == pytest.approx(1000) and saved.sized_by_power


def test_the_slot_switches_between_its_two_views(window):
    serving, unit = window.charts["serving"], window.charts["unit-economics"]
    assert window.economics_stack.currentWidget() is serving  # it opens on the trade-off curve
    choose(serving.view_combo, "Over time")
    window.flush()
    assert window.economics_stack.currentWidget() is unit and unit.view_combo.currentText() == "Over time"
    assert window.display.view.economics_view == "Over time"


def test_the_serving_assumptions_change_the_model_and_a_price_shows_the_margin(window):
    open_assumptions(window)
    assumptions = window.panel.assumptions
    assert not assumptions.editor("model_total_params_billion").isEnabled()  # a preset sets the counts
    choose(assumptions.editor("serving_model"), "Llama 3.3 70B (dense)")
    window.flush()
    s = window.document.scenario
    assert s.serving_model == "llama-3.3-70b" and s.model_total_params_billion == 70.6
    card = window.kpis.cards["cost_per_million_tokens_usd"]
    assert "Llama 3.3 70B" in card.extra.text()
    QTest.mouseClick(assumptions.editor("price_usd_per_million_tokens").on, Qt.MouseButton.LeftButton)
    window.flush()
    assert window.document.scenario.price_usd_per_million_tokens is not None
    assert "margin USD" in card.extra.text() and "break-even" in card.extra.text()
    s = window.projection.summary()
    assert s["gross_margin_usd"] == pytest.approx(s["revenue_usd"] - s["cost_total_usd"] * 0.5)


def test_the_preset_menus_group_announced_deals_and_what_ifs(window):
    menu = window.menus["&File/&Presets"]
    sections = [a.text() for a in menu.actions() if a.isSeparator() and a.text()]
    assert sections == [g for g, _ in preset_groups()] == ["Announced deals", "What-ifs"]
    assert window.preset_button.menu() is menu  # the toolbar's button opens the same menu
    window.document.edit({"agent_cpu_ratio": 99.0})
    next(a for a in menu.actions() if a.text().startswith("Agent-heavy")).trigger()
    assert window.document.scenario.agent_cpu_ratio == 100


@pytest.mark.parametrize("preset", list_presets(), ids=[p.key for p in list_presets()])
def test_every_preset_opens_in_the_window_as_announced(window, preset):
    assert window.files.open_preset(preset.key)
    window.flush()
    scenario = window.document.scenario
    assert scenario == preset.load() and window.projection.summary() == evaluate(scenario).summary()
    assert window.panel.fleet.unit.currentText() == (("GW" if scenario.facility_power_mw >= 1000 else "MW")
                                                      if scenario.sized_by_power else "GPUs")


def test_the_cards_say_what_the_contract_implies_and_buys(window):
    s = window.projection.summary()
    assert f"USD {s['implied_usd_per_gpu_hour']:.2f}/GPU-h" in window.kpis.cards["cost_total_usd"].extra.text()
    assert "the contract buys 167k at these prices" in window.kpis.cards["gpus_peak"].extra.text()
