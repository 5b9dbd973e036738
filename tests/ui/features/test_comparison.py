"""The comparison in the window: pin a baseline, add files and presets, the table and the overlays."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explorer.model import evaluate
from explorer.scenario import Scenario
from explorer.scenario_file import save_scenario
from support.catalogs import user_catalog
from support.qt import slider


def test_pin_a_baseline_and_compare(window):
    window.actions["pin"].trigger()
    slider(window, "Agent CPU ratio").setValue(60.0)
    window.flush()
    table = window.table
    assert table.isVisible() and table.columnCount() == 2
    base, current = evaluate(Scenario()).summary(), window.projection.summary()
    assert "Δ +" in table.cell(0, 1) and "%" in table.cell(0, 1)
    assert current["cost_total_usd"] > base["cost_total_usd"]
    ((x, y),) = window.charts["cumulative"].overlay_lines()
    assert np.allclose(y * 1e9, evaluate(Scenario()).cost_cumulative[0])
    assert any(label.startswith("Baseline: ") for label in window.charts["cumulative"].legend_labels())  # named


def test_the_table_writes_each_figure_as_its_card_does(window):
    """The same quantity, the same unit and the same precision on the card and in the table."""
    from explorer.kpis import COMPARED

    window.actions["pin"].trigger()
    slider(window, "Agent CPU ratio").setValue(60.0)
    window.flush()
    current = window.table.columnCount() - 1
    shared = [k for k in COMPARED if k in window.kpis.cards and window.kpis.cards[k].isVisible()]
    assert len(shared) >= 4
    for key in shared:
        row = COMPARED.index(key)
        figure = window.table.cell(row, current).split("   Δ")[0]
        assert figure == window.kpis.cards[key].value.text(), key

def test_up_to_four_scenarios_side_by_side(window, dialogs, tmp_path):
    for i, agents in enumerate((20, 40, 80)):
        path = tmp_path / f"s{i}.json"
        save_scenario(Scenario(name=f"S{i}", agent_cpu_ratio=agents), path)
        dialogs.paths = [str(path)]
        window.actions["compare_file"].trigger()
    assert window.table.columnCount() == 4
    assert (tmp_path / "s0.json").resolve() in window.files.session_files  # offered as a slide
    assert not window.compare.add_preset("agent-heavy")
    assert "Up to 4" in dialogs.errors[-1][1]
    window.presentation.enter()
    assert window.table.isVisible()  # presentation shows the comparison
    window.presentation.leave()
    window.actions["compare_clear"].trigger()
    assert not window.table.isVisible()


def test_the_table_keeps_the_charts_most_of_the_height(window):
    window.compare.pin()
    window.flush()
    table = window.table
    assert all("Δ 0" in table.cell(r, 1) for r in range(table.rowCount()))  # identical scenarios
    assert table.maximumHeight() >= table.natural_height() - 4  # room for every row (it may scroll)
    assert table.height() <= max(window.compare_splitter.height() // 3, 120) + 2


def test_switching_catalog_drops_compared_scenarios_it_cannot_evaluate(window, tmp_path):
    assert window.catalogs.set_path(str(user_catalog(tmp_path, "XPU1")))
    window.compare.add("xpu", Scenario(chip_mix={"XPU1": 1.0}))
    window.catalogs.use_builtin()
    window.flush()
    assert window.comparison_state.labels == [] and "removed “xpu” from the comparison" in window.status.text
    slider(window, "GPU count").setValue(math.log10(250_000))
    window.flush()  # refreshes without an error
    assert window.projection.summary()["gpus_peak"] == pytest.approx(250_000)
