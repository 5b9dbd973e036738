"""Bands, KPI ranges, the tornado, comparison and fit-to-budget in the window."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtWidgets import QAbstractSlider

from explorer.compare import comparison_rows
from explorer.model import evaluate
from explorer.scenario import Scenario
from explorer.scenario_file import save_scenario
from explorer.uncertainty import compute_bands


def slider(window, name):
    return next(w for w in window.findChildren(QAbstractSlider) if w.accessibleName() == name)


def band_visible(chart) -> bool:
    return bool(chart._band_items) and all(item.isVisible() for item in chart._band_items)


def test_charts_show_bands_and_kpis_show_ranges(window):
    for name in ("capacity", "power", "cumulative"):
        assert band_visible(window.charts[name]), name
    expected = compute_bands(window.document.scenario)
    assert np.allclose(window.bands.series["cost_cumulative"], expected.series["cost_cumulative"])
    extra = window.kpis.cards["cost_total_usd"].extra.text()
    assert "P10–P90" in extra
    window.act_bands.setChecked(False)
    assert not any(band_visible(window.charts[n]) for n in ("capacity", "power", "cumulative"))
    assert "P10–P90" not in window.kpis.cards["cost_total_usd"].extra.text()


def test_bands_arriving_mid_drag_are_drawn_with_the_next_step(window):
    """While the slider keeps moving a newer request is always waiting; the result that arrives is
    still the newest there is, so it is drawn (with the next step) rather than dropped."""
    s = slider(window, "GPU count")
    s.setSliderDown(True)
    s.setValue(math.log10(300_000))
    window._throttle.flush()
    older = window._band_generation
    s.setValue(math.log10(320_000))
    window._throttle.flush()
    assert window._band_generation > older  # a newer request is waiting
    bands = compute_bands(window.document.scenario, samples=400)
    window._bands_arrived(older, bands)
    assert window.bands is not bands  # kept for the next step's repaint
    s.setValue(math.log10(340_000))
    window._throttle.flush()
    assert window.bands is bands
    capacity = window.charts["capacity"]
    drawn = capacity._band_items[0].drawn["median"] * capacity._units["y"].factor
    assert np.allclose(drawn, bands.series["capacity"][2])
    assert not capacity._band_items[0].fill_antialias  # fast while dragging
    window._bands_arrived(older - 1, compute_bands(window.document.scenario, samples=300))
    window._throttle.flush()
    assert window.bands is bands  # an older result than the one shown is dropped
    s.setSliderDown(False)
    window.flush()
    assert window.bands is not bands and window.bands.samples == window.document.scenario.uncertainty_samples
    assert capacity._band_items[0].fill_antialias  # smooth edges once the picture stands still


def test_with_the_worker_running_a_switch_or_toggle_never_shows_stale_bands(window):
    """A control's edit may leave its bands to the worker; a precision switch or the bands toggle
    must not (the bands on screen belong to another measure)."""
    from ui.band_worker import shared_band_worker

    worker = shared_band_worker()
    worker.start()
    slider(window, "Energy price").setValue(0.12)  # a control edit: bands from the worker
    window.flush()
    assert worker.in_process
    capacity = window.charts["capacity"]
    capacity.precision.setCurrentIndex(capacity.precision.findText("FP8"))
    window._throttle.flush()  # no waiting for the worker: the new bands must be there already
    expected = compute_bands(window.document.scenario, precision="fp8")
    assert np.allclose(window.bands.series["capacity"], expected.series["capacity"])
    drawn = capacity._band_items[0].drawn["median"] * capacity._units["y"].factor
    assert np.allclose(drawn, expected.series["capacity"][2])
    window.act_bands.setChecked(False)
    window._throttle.flush()
    assert not any(band_visible(window.charts[n]) for n in ("capacity", "power", "cumulative"))


def test_assumption_ranges_follow_a_dragged_value(window):
    s = slider(window, "Energy price")
    s.setSliderDown(True)
    s.setValue(0.20)
    window._throttle.flush()
    on, low, high = window.panel.assumptions.ranges._rows["energy_price_usd_per_kwh"]
    lo, hi = window.document.scenario.ranges["energy_price_usd_per_kwh"]
    assert (low.value(), high.value()) == (pytest.approx(lo, abs=1e-4), pytest.approx(hi, abs=1e-4))
    assert lo < 0.20 < hi
    s.setSliderDown(False)
    window.flush()


def test_bands_follow_a_slider_and_refine_after_the_drag(window):
    before = window.bands.series["cost_cumulative"].copy()
    window.document.edit({"uncertainty_samples": 5000})
    s = slider(window, "GPU count")
    s.setSliderDown(True)
    s.setValue(math.log10(300_000))
    window.flush()
    assert window.bands.samples == 2000  # capped while dragging
    assert not np.allclose(window.bands.series["cost_cumulative"], before)
    s.setSliderDown(False)
    window.flush()
    assert window.bands.samples == 5000  # the full count once the drag ends
    p10, p90 = window.bands.series["cost_cumulative"][[0, 4], -1]
    assert p10 < window.projection.cost_cumulative[0, -1] < p90


def test_no_ranges_no_bands_and_a_message_in_the_tornado(window):
    window.document.edit({"ranges": {}})
    window.flush()
    assert window.bands is None
    assert not band_visible(window.charts["cumulative"])
    assert window.charts["tornado"].message.isVisible()


def test_the_tornado_updates_live(window):
    before = window.charts["tornado"].series()["at high"].copy()
    slider(window, "GPU count").setValue(math.log10(400_000))
    window.flush()
    after = window.charts["tornado"].series()["at high"]
    assert after.max() == pytest.approx(before.max() * 2, rel=1e-6)  # cost is linear in the GPU count
    text = window.charts["tornado"].show_readout(0)
    assert "Chip price scale" in text


def test_editing_ranges_in_the_assumptions_panel(window):
    editor = window.panel.assumptions.ranges
    on, low, high = editor._rows["pue"]
    low.setValue(1.10)
    assert window.document.scenario.ranges["pue"][0] == pytest.approx(1.10)
    on.setChecked(False)
    assert "pue" not in window.document.scenario.ranges
    on.setChecked(True)
    assert "pue" in window.document.scenario.ranges
    on_util, low_util, _ = editor._rows["utilization"]
    low_util.setValue(85.0)  # above the value (80%): refused, with a message, nothing changed
    assert window.document.scenario.ranges["utilization"][0] == pytest.approx(0.65)
    assert "must contain the value" in window.status.text()
    assert low_util.value() == pytest.approx(65.0)


def test_pin_a_baseline_and_compare(window):
    window.pin_baseline()
    slider(window, "Agent CPU ratio").setValue(60.0)
    window.flush()
    table = window.compare_table
    assert table.isVisible() and table.columnCount() == 2
    base = evaluate(Scenario()).summary()
    current = window.projection.summary()
    rows = comparison_rows([base, current])
    cost_row = next(r for r in rows if r.key == "cost_total_usd")
    assert cost_row.deltas[1] == pytest.approx(current["cost_total_usd"] - base["cost_total_usd"])
    cell = table.item(0, 1).text()
    assert "Δ +" in cell and "%" in cell
    overlay = window.charts["cumulative"]._overlay_items[0]
    assert overlay.isVisible()
    assert np.allclose(overlay.yData * 1e9, evaluate(Scenario()).cost_cumulative[0])


def test_up_to_four_scenarios_side_by_side(window, dialogs, tmp_path):
    for i, agents in enumerate((20, 40, 80)):
        path = tmp_path / f"s{i}.json"
        save_scenario(Scenario(name=f"S{i}", agent_cpu_ratio=agents), path)
        assert window.add_comparison_path(path)
    assert window.compare_table.columnCount() == 4
    path = tmp_path / "extra.json"
    save_scenario(Scenario(), path)
    assert not window.add_comparison_path(path)
    assert "Up to 4" in dialogs.errors[-1][1]
    window.enter_presentation()
    assert window.compare_table.isVisible()  # presentation shows the comparison
    window.leave_presentation()
    window.clear_comparison()
    assert not window.compare_table.isVisible()


def test_fit_to_budget_applies_as_one_undoable_step(window):
    result, problem = window.fit_budget(30e9, "gpu_count")
    assert problem is None
    window.apply_fit(result)
    window.flush()
    assert window.projection.summary()["cost_total_usd"] == pytest.approx(30e9, rel=1e-3)
    window.act_undo.trigger()
    assert window.document.scenario == Scenario()
    result, problem = window.fit_budget(1e9, "price")
    assert result is None and "already reach" in problem


def test_comparison_table_has_units_a_marked_baseline_and_no_rounding_noise(window):
    window.pin_baseline()
    window.flush()
    table = window.compare_table
    header = table.horizontalHeaderItem(0).text()
    assert header.endswith("(baseline)")
    labels = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert "Facility power, provisioned (grid), MW" in labels and "Energy over the term, GWh" in labels
    assert all("Δ 0" in table.item(r, 1).text() for r in range(table.rowCount()))  # identical scenarios
    slider(window, "Agent CPU ratio").setValue(5.0)  # fewer CPUs than the baseline: cheaper
    window.flush()
    assert "Δ −" in table.item(0, 1).text() and "(−" in table.item(0, 1).text()
    needed = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
    assert table.maximumHeight() >= needed  # room for every row (the splitter may show fewer)
    assert table.height() <= max(window.compare_splitter.height() // 3, 120) + 2  # charts keep most space


def test_switching_catalog_drops_compared_scenarios_it_cannot_evaluate(window, tmp_path, dialogs):
    cat = tmp_path / "chips.csv"
    cat.write_text("id,name,bf16_tflops,tdp_w,system_w_per_accel,rent_usd_per_gpu_hour,purchase_usd\n"
                   "XPU1,Example,3000,900,1200,2.0,30000\n")
    assert window.set_catalog_path(str(cat))
    window.add_comparison("xpu", Scenario(chip_mix={"XPU1": 1.0}))
    window.use_builtin_catalog()
    window.flush()
    assert window.compared == [] and "removed “xpu” from the comparison" in window.status.text()
    slider(window, "GPU count").setValue(math.log10(250_000))
    window.flush()  # refreshes without an error
    assert window.projection.summary()["gpus_peak"] == 250_000


def test_window_exports_carry_the_bands(window, tmp_path, dialogs):
    from ui.export_dialog import ExportRequest
    from ui.export import ImageOptions
    target = tmp_path / "cum.svg"
    dialogs.requests = [ExportRequest("cumulative", "svg", target, ImageOptions(width=1280, height=720))]
    assert window.export_chart_dialog("cumulative")
    assert "P10–P90".encode() in target.read_bytes()  # the band legend is in the picture
