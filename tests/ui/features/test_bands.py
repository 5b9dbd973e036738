"""The analyses in the window: bands on the charts and ranges on the KPI cards, the tornado, how
they follow a drag from the worker process, and that a switch never shows stale ones."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explorer.uncertainty import compute_bands
from support.qt import drag, open_assumptions, slider, type_into
from ui.state.analysis import DRAG_SAMPLES, AnalysisRequest, run_analyses

TIME_CHARTS = ("capacity", "power", "cumulative")


def test_charts_show_bands_and_kpis_show_ranges(window):
    for name in TIME_CHARTS:
        assert window.charts[name].bands_item is not None, name
    expected = compute_bands(window.document.scenario)
    shown = window.display.analyses.bands
    assert np.allclose(shown.series["cost_cumulative"], expected.series["cost_cumulative"])
    assert "P10–P90" in window.kpis.cards["cost_total_usd"].extra.text()
    window.actions["bands"].trigger()  # off
    assert not any(window.charts[n].bands_item for n in TIME_CHARTS)
    assert "P10–P90" not in window.kpis.cards["cost_total_usd"].extra.text()
    assert window.charts["tornado"].series()  # the tornado does not depend on the bands


def test_analyses_arriving_mid_drag_are_drawn_with_the_next_step(window):
    """While the slider keeps moving a newer request is always waiting; a result that arrives is
    drawn with the next step (one repaint for both)."""
    display = window.display
    s = slider(window, "GPU count")
    drag(window, s, [math.log10(300_000), math.log10(320_000)], release=False)
    found = run_analyses(AnalysisRequest(window.document.scenario, window.catalog, 400))
    display.runner.arrived.emit(display.runner.generations.current - 1, found)  # as the runner reports one
    assert display.analyses is not found  # held for the next step's repaint
    drag(window, s, [math.log10(340_000)], release=False)
    assert display.analyses is found
    capacity = window.charts["capacity"]
    drawn = capacity.bands_item.drawn["median"] * capacity.display_unit().factor
    assert np.allclose(drawn, found.bands.series["capacity"][2])
    assert not capacity.bands_item.fill_antialias  # fast while dragging
    s.setSliderDown(False)
    window.flush()
    assert display.analyses.bands.samples == window.document.scenario.uncertainty_samples
    assert capacity.bands_item.fill_antialias  # smooth edges once the picture stands still


def test_a_step_held_for_another_window_leaves_arriving_analyses_for_the_next_step(window):
    """A window that follows the drag (the portfolio) takes a step of its own: analyses that arrive
    for it are drawn with the step after."""
    display = window.display
    s = slider(window, "GPU count")
    drag(window, s, [math.log10(300_000), math.log10(320_000)], release=False)
    found = run_analyses(AnalysisRequest(window.document.scenario, window.catalog, 400))
    display.runner.arrived.emit(display.runner.generations.current - 1, found)
    display.hold_analyses()
    drag(window, s, [math.log10(340_000)], release=False)
    assert display.analyses is not found and not display.drew_analyses()  # the held step
    drag(window, s, [math.log10(360_000)], release=False)
    assert display.drew_analyses() and display.analyses.bands is not None  # drawn with this one
    s.setSliderDown(False)
    window.flush()


def test_with_the_worker_running_a_switch_or_toggle_never_shows_stale_bands(window):
    """A control's edit may leave its analyses to the worker; a precision switch or the bands toggle
    must not (what is on screen belongs to another measure)."""
    from support.qt import choose

    slider(window, "Energy price").setValue(0.12)  # a control's edit: its analyses from the worker
    window.flush()
    assert window.display.runner.in_process
    capacity = window.charts["capacity"]
    choose(capacity.precision, "FP8")
    window.display.run_pending()  # no waiting for the worker: the new bands are there already
    expected = compute_bands(window.document.scenario, precision="fp8")
    assert np.allclose(window.display.analyses.bands.series["capacity"], expected.series["capacity"])
    drawn = capacity.bands_item.drawn["median"] * capacity.display_unit().factor
    assert np.allclose(drawn, expected.series["capacity"][2])
    assert capacity.shown_title() == "Capacity by chip · FP8 peak"
    window.actions["bands"].trigger()
    window.display.run_pending()
    assert not any(window.charts[n].bands_item for n in TIME_CHARTS)


def test_ranges_in_the_assumptions_follow_a_dragged_value(window):
    drag(window, slider(window, "Energy price"), [0.20], release=False)
    on, low, high = window.panel.assumptions.ranges.row("energy_price_usd_per_kwh")
    lo, hi = window.document.scenario.ranges["energy_price_usd_per_kwh"]
    assert (low.value(), high.value()) == (pytest.approx(lo, abs=1e-4), pytest.approx(hi, abs=1e-4))
    assert lo < 0.20 < hi
    slider(window, "Energy price").setSliderDown(False)
    window.flush()


def test_bands_follow_a_drag_and_refine_after_it(window):
    before = window.display.analyses.bands.series["cost_cumulative"].copy()
    window.document.edit({"uncertainty_samples": 5000})
    s = slider(window, "GPU count")
    drag(window, s, [math.log10(300_000)], release=False)
    window.flush()
    assert window.display.analyses.bands.samples == DRAG_SAMPLES  # a preview while dragging
    assert not np.allclose(window.display.analyses.bands.series["cost_cumulative"], before)
    s.setSliderDown(False)
    window.flush()
    bands = window.display.analyses.bands
    assert bands.samples == 5000  # the full count once the drag ends
    p10, p90 = bands.series["cost_cumulative"][[0, 4], -1]
    assert p10 < window.projection.cost_cumulative[0, -1] < p90


def test_no_ranges_no_bands_and_a_message_in_the_tornado(window):
    window.document.edit({"ranges": {}})
    window.flush()
    assert window.display.analyses.bands is None
    assert window.charts["cumulative"].bands_item is None
    assert window.charts["tornado"].message.isVisible()


def test_the_tornado_follows_the_scenario(window):
    before = window.charts["tornado"].series()["at high"].copy()
    slider(window, "GPU count").setValue(math.log10(400_000))
    window.flush()
    after = window.charts["tornado"].series()["at high"]
    assert after.max() == pytest.approx(before.max() * 2, rel=1e-6)  # cost is linear in the GPU count
    assert "Chip price scale" in window.charts["tornado"].show_readout(0)


def test_the_tornado_kpi_is_a_view_option(window):
    from support.qt import choose

    tornado = window.charts["tornado"]
    choose(tornado.kpi, "Energy over the term")
    assert window.display.view.tornado_kpi == "energy_total_gwh"
    assert tornado.shown_title() == "Sensitivity · energy"


def test_editing_ranges_in_the_assumptions_panel(window):
    open_assumptions(window)
    on, low, high = window.panel.assumptions.ranges.row("pue")
    type_into(low, "1.10")
    assert window.document.scenario.ranges["pue"][0] == pytest.approx(1.10)
    on.click()
    assert "pue" not in window.document.scenario.ranges
    on.click()
    assert "pue" in window.document.scenario.ranges
    _, low_util, _ = window.panel.assumptions.ranges.row("utilization")
    type_into(low_util, "85")  # above the value (80%): refused, with a message, nothing changed
    assert window.document.scenario.ranges["utilization"][0] == pytest.approx(0.65)
    assert window.status.text == ("The range of utilisation (85% to 65%) must contain its value, 80%: widen the "
                                  "range, or change the value first.") or "must contain its value, 80%" in window.status.text
    assert low_util.value() == pytest.approx(65.0)

