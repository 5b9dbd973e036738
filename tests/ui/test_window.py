"""The explorer window: live sliders, charts, KPIs, documents, undo, settings, themes (offscreen)."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (QAbstractButton, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QDateEdit,
                               QWidget)
from superqt import QDoubleSlider

from explorer.model import evaluate
from explorer.presets import list_presets
from explorer.scenario import Scenario
from explorer.scenario_file import load_scenario, save_scenario
from ui.app import initial_document
from ui.charts import CHART_NAMES
from ui.main_window import MainWindow
from ui.settings import Settings

MAIN = {"GPU count": "gpu_count", "Energy price": "energy_price_usd_per_kwh", "Agent CPU ratio": "agent_cpu_ratio"}


def slider(window, name) -> QDoubleSlider:
    found = [w for w in window.findChildren(QAbstractSlider) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} sliders named {name!r}"
    return found[0]


def chart_data(window) -> dict:
    return {name: {k: np.array(v, copy=True) for k, v in chart.series().items()} for name, chart in window.charts.items()}


def test_window_opens_on_the_announced_deal(window):
    assert window.document.scenario == Scenario()
    assert window.windowTitle().startswith("Untitled")
    assert set(window.charts) == set(CHART_NAMES)
    assert window.kpis.cards["cost_total_usd"].value.text() == "USD 45.5B"


def test_main_sliders_and_every_control_have_accessible_names(window):
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
    ("GPU count", math.log10(400_000), 400_000),
    ("Energy price", 0.20, 0.20),
    ("Agent CPU ratio", 50.0, 50.0),
])
def test_moving_each_main_slider_changes_the_model_and_every_chart(window, name, position, expected):
    before_kpis = window.projection.summary()
    before = chart_data(window)
    slider(window, name).setValue(position)
    window.flush()
    assert getattr(window.document.scenario, MAIN[name]) == pytest.approx(expected)
    after = window.projection.summary()
    assert after["cost_total_usd"] > before_kpis["cost_total_usd"]
    assert window.projection.summary() == evaluate(window.document.scenario).summary()
    changed = [c for c in before if any(not np.array_equal(before[c][k], v) for k, v in chart_data(window)[c].items())]
    if name == "GPU count":  # unit costs do not depend on fleet size when rented
        assert {"capacity", "power", "cost", "cumulative"} <= set(changed)
    else:
        assert {"cost", "cumulative", "serving"} <= set(changed)  # "serving" is the slot's default view
    assert window.document.modified and window.isWindowModified()


def test_what_is_painted_follows_a_drag_step(window):
    """The drawn layers (not only the readout) carry the new values after a dragged step."""
    s = slider(window, "Chip mix: GB200")
    s.setSliderDown(True)
    s.setValue(80.0)
    window.flush()
    capacity = window.charts["capacity"]
    total = capacity.series()["total"]
    drawn = capacity.areas.drawn
    assert np.allclose(drawn["GB300"], total)  # the top band's upper edge is the total
    assert np.allclose(drawn["GB200"], capacity.series()["GB200"])
    power = window.charts["power"]
    assert np.allclose(power.lines.drawn["facility"], power.series()["facility, provisioned"])
    assert np.allclose(power.lines.drawn["average"], power.series()["average draw"])
    cumulative = window.charts["cumulative"]
    assert np.allclose(cumulative.curve.drawn["cumulative"], cumulative.series()["cumulative"])
    serving = window.charts["serving"]
    assert np.allclose(serving.curves.drawn["GB200"], np.log10(serving.series()["GB200"]), equal_nan=True)
    window.show_economics_view(0)  # the slot's other view draws the same step when switched to
    unit = window.charts["unit-economics"]
    assert np.allclose(unit.areas.drawn["Support, storage services, other"], unit.series()["per M output tokens"])
    bounds = capacity.areas.boundingRect()
    assert bounds.top() <= 0 and bounds.bottom() >= float(total.max())
    s.setSliderDown(False)
    window.flush()


def test_chip_mix_slider_changes_capacity_and_shares_always_sum_to_one(window):
    before = chart_data(window)["capacity"]
    slider(window, "Chip mix: GB200").setValue(80.0)
    window.flush()
    mix = window.document.scenario.chip_mix
    assert mix["GB200"] == pytest.approx(0.8) and sum(mix.values()) == pytest.approx(1.0)
    after = chart_data(window)["capacity"]
    assert not np.array_equal(before["GB200"], after["GB200"])
    # the other chip's slider was rescaled from the scenario
    assert slider(window, "Chip mix: GB300").value() == pytest.approx(20.0)


def test_adding_locking_and_removing_chips_keeps_the_sum(window, qtbot):
    editor = window.panel.mix
    editor._fill_add_menu()
    action = next(a for a in editor.add_menu.actions() if a.text().startswith("Trainium3"))
    action.trigger()
    window.flush()
    mix = window.document.scenario.chip_mix
    assert set(mix) == {"GB200", "GB300", "Trainium3"} and sum(mix.values()) == pytest.approx(1.0)
    editor._rows["GB300"]["lock"].setChecked(True)
    gb300 = mix["GB300"]
    slider(window, "Chip mix: GB200").setValue(60.0)
    mix = window.document.scenario.chip_mix
    assert mix["GB300"] == pytest.approx(gb300) and mix["GB200"] == pytest.approx(0.6)
    assert sum(mix.values()) == pytest.approx(1.0)
    editor._rows["Trainium3"]["remove"].click()
    mix = window.document.scenario.chip_mix
    assert set(mix) == {"GB200", "GB300"} and sum(mix.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("name, typed", [("GPU count", 300_000), ("Energy price", 0.15), ("Agent CPU ratio", 25.0)])
def test_typed_values_equal_dragged_values(window, name, typed):
    s = slider(window, name)
    s.setValue(math.log10(typed) if name == "GPU count" else typed)
    dragged = window.document.scenario
    window.document.load(Scenario(), None)
    spin = next(w for w in window.findChildren(QAbstractSpinBox) if w.accessibleName() == f"{name} value")
    spin.setValue(typed)
    typed_scenario = window.document.scenario
    assert typed_scenario == dragged
    assert evaluate(typed_scenario).summary() == evaluate(dragged).summary()


def shown_values(window) -> dict:
    """What the controls show, in the scenario's units."""
    from ui.controls import PERCENT_FIELDS

    panel = window.panel
    out = {"gpu_count": panel.gpu_count.value(), "energy_price_usd_per_kwh": panel.energy_price.value(),
           "agent_cpu_ratio": panel.agent_ratio.value(),
           "chip_mix": {c: panel.mix.spin(c).value() / 100 for c in window.document.scenario.chip_mix}}
    for name in ("pue", "utilization", "chip_price_scale"):
        value = panel.assumptions.editors[name].value()
        out[name] = value / 100 if name in PERCENT_FIELDS else value
    return out


def test_controls_always_show_the_documents_scenario(window):
    """The panel updates only the controls whose fields changed; after any mix of slider steps,
    assumption edits, undo and redo, every control still shows the scenario."""
    def check():
        s = window.document.scenario
        shown = shown_values(window)
        for name, value in shown.items():
            expected = getattr(s, name)
            if name == "chip_mix":
                assert value == pytest.approx(dict(expected), abs=1e-3)
            else:
                assert value == pytest.approx(expected, rel=1e-3), name

    slider(window, "Energy price").setValue(0.2)
    window.panel.assumptions.editors["pue"].setValue(1.4)
    s = slider(window, "Chip mix: GB200")
    s.setSliderDown(True)
    s.setValue(70.0)
    s.setSliderDown(False)
    window.panel.assumptions.editors["utilization"].setValue(55.0)
    slider(window, "GPU count").setValue(math.log10(450_000))
    window.flush()
    check()
    for _ in range(5):
        window.act_undo.trigger()
        check()
    assert window.document.scenario == Scenario()
    for _ in range(5):
        window.act_redo.trigger()
        check()
    assert window.document.scenario.pue == pytest.approx(1.4)


def test_a_drag_is_one_undo_step_and_redo_restores_it(window):
    s = slider(window, "Energy price")
    s.setSliderDown(True)
    for value in (0.09, 0.12, 0.15, 0.18):
        s.setValue(value)
    s.setSliderDown(False)
    window.flush()
    assert window.document.scenario.energy_price_usd_per_kwh == pytest.approx(0.18)
    assert window.document.undo_stack.count() == 1
    slider(window, "GPU count").setValue(math.log10(250_000))
    assert window.document.undo_stack.count() == 2
    window.act_undo.trigger()
    window.act_undo.trigger()
    window.flush()
    assert window.document.scenario == Scenario()
    assert not window.document.modified
    assert s.value() == pytest.approx(0.0806)  # the control follows the scenario
    window.act_redo.trigger()
    window.flush()
    assert window.document.scenario.energy_price_usd_per_kwh == pytest.approx(0.18)
    assert window.projection.summary() == evaluate(window.document.scenario).summary()


def test_bursts_of_edits_collapse_into_one_refresh(window, qtbot):
    count = []
    window.refreshed.connect(lambda: count.append(1))
    s = slider(window, "GPU count")
    for k in range(20):
        s.setValue(5.0 + k * 0.02)
    assert count == []  # nothing redrawn yet: the edits are pending
    window.flush()
    assert len(count) == 1
    assert window.projection.summary()["gpus_peak"] == window.document.scenario.gpu_count


def test_save_and_open_round_trip(window, dialogs, tmp_path):
    slider(window, "Agent CPU ratio").setValue(42.0)
    target = tmp_path / "mine.json"
    dialogs.paths = [str(target)]
    assert window.save_as()
    assert window.windowTitle().startswith("mine.json")
    assert not window.document.modified and not window.isWindowModified()
    assert load_scenario(target) == window.document.scenario
    window.new_scenario()
    assert window.document.scenario == Scenario()
    dialogs.paths = [str(target)]
    window.open_dialog()
    assert window.document.scenario.agent_cpu_ratio == 42.0
    assert str(target.resolve()) in window.settings.recent_files()


def test_title_shows_unsaved_state_and_the_app_asks_before_discarding(window, dialogs):
    slider(window, "GPU count").setValue(math.log10(123_000))
    assert window.isWindowModified()
    changed = window.document.scenario
    dialogs.answers = ["cancel"]
    window.new_scenario()
    assert window.document.scenario == changed and dialogs.asked == ["Untitled"]
    dialogs.answers = ["discard"]
    window.new_scenario()
    assert window.document.scenario == Scenario() and not window.isWindowModified()


def test_a_bad_file_shows_a_message_and_leaves_the_scenario_untouched(window, dialogs, tmp_path):
    slider(window, "Agent CPU ratio").setValue(33.0)
    current = window.document.scenario
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps({"schema_version": 1, "pue": 9}))
    assert not window.open_path(bad)
    assert dialogs.errors and "broken.json" in dialogs.errors[-1][1] and "'pue'" in dialogs.errors[-1][1]
    assert window.document.scenario == current and window.document.modified
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x00\xff not json")
    assert not window.open_path(garbage)
    assert "garbage.json" in dialogs.errors[-1][1]
    assert window.document.scenario == current


def test_saving_to_an_unwritable_place_shows_a_message_and_keeps_the_work(window, dialogs, tmp_path):
    slider(window, "Agent CPU ratio").setValue(12.0)
    dialogs.paths = [str(tmp_path / "no" / "such" / "folder" / "x.json")]
    assert not window.save_as()
    assert "does not exist" in dialogs.errors[-1][1]
    assert window.document.modified and window.document.scenario.agent_cpu_ratio == 12.0


def test_an_invalid_edit_is_refused_with_a_message(window):
    editor = window.panel.assumptions.editors["term_months"]
    editor.setValue(6)  # full deployment (Dec 2026) would fall after a 6-month term
    assert window.document.scenario.term_months == 84
    assert "ramp_end" in window.status.text()
    assert editor.value() == 84


@pytest.mark.parametrize("preset", list_presets(), ids=[p.key for p in list_presets()])
def test_every_preset_loads_and_renders(window, preset):
    assert window.open_preset(preset.key)
    window.flush()
    assert window.document.scenario == preset.load()
    window.show_economics_view(0)  # draw the unit-economics view too (both views of the slot)
    for name, chart in window.charts.items():
        series = chart.series()
        assert series, name
        if name == "tornado":
            assert len(series["at low"]) == len(preset.load().ranges)
            continue
        if name == "serving":
            assert any(np.isfinite(v).any() for v in series.values()), preset.key  # every fleet serves
            continue
        for label, values in series.items():
            assert len(values) == preset.load().term_months and np.all(np.isfinite(values)), (name, label)
        top = chart.plot.viewRange()[1][1]
        right_axis = {"per busy GPU-hour", "energy that year", "of contract"}
        biggest = max(float(np.max(v)) for k, v in series.items() if k not in right_axis)
        assert biggest <= top * 1.0001, (name, biggest, top)  # nothing drawn above the axis


def test_assumption_edits_and_price_overrides(window):
    window.panel.collapsible.expand(animate=False)
    window.panel.assumptions.editors["pue"].setValue(1.4)
    assert window.document.scenario.pue == pytest.approx(1.4)
    window.panel.assumptions.editors["utilization"].setValue(60.0)  # shown in percent
    assert window.document.scenario.utilization == pytest.approx(0.6)
    window.panel.assumptions.editors["pricing"].setCurrentText("own")
    assert window.document.scenario.pricing == "own"
    spin = window.panel.assumptions.prices._spins[("GB200", "rent_price_overrides")]
    spin.setValue(2.5)
    assert window.document.scenario.rent_price_overrides == {"GB200": 2.5}
    window.panel.assumptions.prices._spins[("GB200", "rent_price_overrides", "reset")].click()
    assert window.document.scenario.rent_price_overrides == {}
    ramp_end = window.panel.assumptions.editors["ramp_end"]
    assert isinstance(ramp_end, QDateEdit)
    ramp_end.setDate(ramp_end.date().addMonths(-6))
    assert window.document.scenario.ramp_end == "2026-06"
    window.flush()
    assert window.projection.gpus[0, 7] == pytest.approx(200_000)  # fully deployed by June 2026


def test_kpis_show_the_change_against_the_saved_scenario(window):
    assert window.kpis.cards["cost_total_usd"].delta.text() == "= as saved"
    slider(window, "Energy price").setValue(0.3)
    window.flush()
    delta = window.kpis.cards["cost_total_usd"].delta.text()
    assert delta.startswith("▲") and "% vs saved" in delta
    assert "% vs saved" in window.kpis.cards["cost_per_million_tokens_usd"].delta.text()


def test_hover_readout_names_the_month_and_values(window):
    text = window.charts["cumulative"].show_readout(0)
    assert "Nov 2025" in text and "cumulative" in text
    text = window.charts["capacity"].show_readout(13)
    assert "Dec 2026" in text and "GB200" in text and "total" in text


def test_layout_and_last_scenario_are_remembered(qtbot, window, settings, dialogs, tmp_path):
    slider(window, "Agent CPU ratio").setValue(77.0)
    window.splitter.setSizes([430, 1100])
    sizes = window.splitter.sizes()
    geometry = window.saveGeometry()
    dialogs.answers = ["discard"]
    window.close()
    assert settings.path.exists() and str(tmp_path) in str(settings.path)
    fresh = Settings(settings.path)
    assert fresh.geometry() == geometry
    scenario, path, modified_from, problem = initial_document(fresh, window.catalog, None)
    assert scenario.agent_cpu_ratio == 77.0 and path is None and problem is None
    again = MainWindow(fresh, dialogs=dialogs, scenario=scenario, path=path, modified_from=modified_from)
    qtbot.addWidget(again)
    again.resize(1600, 1000)
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes()[0] == sizes[0]
    assert again.document.modified  # unsaved work stays unsaved, not silently "clean"
    dialogs.answers = ["discard"]
    again.close()


def test_a_file_argument_opens_that_file_or_reports_it(settings, tmp_path, window):
    good = tmp_path / "good.json"
    save_scenario(Scenario(gpu_count=4321), good)
    scenario, path, _, problem = initial_document(settings, window.catalog, str(good))
    assert scenario.gpu_count == 4321 and path == good.resolve() and problem is None
    scenario, path, _, problem = initial_document(settings, window.catalog, "agent-heavy")
    assert scenario.agent_cpu_ratio == 100 and path is None
    scenario, path, _, problem = initial_document(settings, window.catalog, str(tmp_path / "missing.json"))
    assert scenario == Scenario() and "no such file" in problem


def test_themes_restyle_the_charts(window):
    window.apply_theme("dark")
    dark_bg = window.charts["power"].view.backgroundBrush().color().name()
    window.apply_theme("light")
    light_bg = window.charts["power"].view.backgroundBrush().color().name()
    assert dark_bg != light_bg and light_bg == "#ffffff"
    window.set_theme("dark")
    assert window.settings.theme() == "dark"


def test_user_catalog_adds_chips_to_the_window(window, tmp_path, dialogs):
    cat = tmp_path / "chips.csv"
    cat.write_text("id,name,bf16_tflops,tdp_w,system_w_per_accel,rent_usd_per_gpu_hour,purchase_usd\n"
                   "X9,Example X9,3000,900,1200,2.0,30000\n")
    assert window.set_catalog_path(str(cat))
    assert "X9" in window.catalog
    bad = tmp_path / "bad.csv"
    bad.write_text("id,tdp_w\nH100,lots\n")
    assert not window.set_catalog_path(str(bad))
    assert "row 2" in dialogs.errors[-1][1] and "'tdp_w'" in dialogs.errors[-1][1]
    assert "X9" in window.catalog  # the previous catalog stays


def test_scenario_name_is_editable(window):
    window.panel.name_edit.setText("My board deck")
    window.panel.name_edit.editingFinished.emit()
    assert window.document.scenario.name == "My board deck"
    window.act_undo.trigger()
    assert window.panel.name_edit.text() == Scenario().name


def test_a_clamped_chip_drag_snaps_back_when_released(window):
    window.panel.mix._fill_add_menu()
    next(a for a in window.panel.mix.add_menu.actions() if a.text().startswith("H100")).trigger()
    window.panel.mix._rows["GB300"]["lock"].setChecked(True)
    editor_slider = slider(window, "Chip mix: GB200")  # after the rows were rebuilt for H100
    share_gb300 = window.document.scenario.chip_mix["GB300"]
    editor_slider.setSliderDown(True)
    editor_slider.setValue(99.0)  # more than the locked GB300 leaves
    editor_slider.setSliderDown(False)
    expected = (1 - share_gb300) * 100
    assert window.document.scenario.chip_mix["GB200"] * 100 == pytest.approx(expected)
    assert editor_slider.value() == pytest.approx(expected)


def test_switching_catalog_clears_undo_steps_that_name_missing_chips(window, tmp_path):
    cat = tmp_path / "chips.csv"
    cat.write_text("id,name,bf16_tflops,tdp_w,system_w_per_accel,rent_usd_per_gpu_hour,purchase_usd\n"
                   "X9,Example X9,3000,900,1200,2.0,30000\n")
    assert window.set_catalog_path(str(cat))
    window.document.edit({"chip_mix": {"GB200": 0.5, "X9": 0.5}})
    window.document.edit({"chip_mix": {"GB200": 1.0}})
    window.use_builtin_catalog()
    assert not window.document.undo_stack.canUndo()
    window.flush()
    assert window.projection.summary() == evaluate(window.document.scenario).summary()


def test_a_closed_window_ignores_later_system_theme_changes(qtbot, settings, dialogs):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    win = MainWindow(settings, dialogs=dialogs)
    qtbot.addWidget(win)
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # must not raise


def test_kpi_values_stay_on_one_line_in_a_narrow_card(qapp):
    from PySide6.QtGui import QFontMetrics, QImage

    from ui.kpis import KPIS, KpiCard
    from ui.theme import LIGHT

    card = KpiCard(next(k for k in KPIS if k.key == "compute_peak_eflops_bf16"))
    card.set_value(500.0, 500.0, LIGHT)
    card.resize(300, card._height)
    wide_height = card.needed_height(300)
    fitted = card._fitted_value_font(card.value.text(), card._text_width(300))
    assert fitted.pointSizeF() == card.fonts["value"].pointSizeF()  # room enough: full size
    narrow = card._text_width(110)
    fitted = card._fitted_value_font(card.value.text(), narrow)
    assert fitted.pointSizeF() < card.fonts["value"].pointSizeF()
    assert QFontMetrics(fitted).horizontalAdvance(card.value.text()) <= narrow
    lines = {key: card._metrics[key].height() for key in ("title", "value", "delta")}
    # a narrow card may wrap its title, never its value
    assert card.needed_height(110) - wide_height in (0, lines["title"])
    card.resize(110, card.needed_height(110))
    image = QImage(card.size(), QImage.Format.Format_ARGB32)
    card.render(image)  # paints without error at that size


def test_a_kpi_card_copies_its_figure_as_text(window):
    card = window.kpis.cards["cost_total_usd"]
    assert card.contextMenuPolicy() == card.contextMenuPolicy().ActionsContextMenu
    card.actions()[0].trigger()
    text = QApplication.clipboard().text()
    assert text.startswith("Total cost over the term: USD 45.5B") and "as saved" in text


def test_the_first_year_label_is_shown_at_the_left_end_of_time_axes(window):
    from PySide6.QtGui import QImage, QPainter

    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    for name in ("capacity", "power", "cumulative"):
        axis = window.charts[name].plot.getAxis("bottom")
        painter = QPainter(image)
        try:
            specs = axis.generateDrawSpecs(painter)
        finally:
            painter.end()
        texts = [text for _, _, text in specs[2]]
        assert "2026" in texts, (name, texts)  # Jan 2026 is two months after the Nov 2025 start


def test_a_unit_change_mid_drag_refits_the_axis(window):
    """Dragging the fleet from 200k to 5M GPUs takes the monthly cost from USD millions to USD
    billions; the bars must stay in view (the range held in millions was 1,000 times too tall)."""
    s = slider(window, "GPU count")
    s.setSliderDown(True)
    for gpus in (400_000, 1_000_000, 2_500_000, 5_000_000):
        s.setValue(math.log10(gpus))
        window.flush()
    cost = window.charts["cost"]
    assert cost._units["y"].label == "USD billion per month"
    top = cost.plot.vb.viewRange()[1][1]
    biggest = float(cost.series()["total"].max())
    assert biggest <= top <= 3 * biggest
    tornado = window.charts["tornado"]
    assert not any(":" in label for _, label, _ in tornado._legend_entries)  # no stale base value
    s.setSliderDown(False)
    window.flush()
    assert any("USD 1.14T" in label for _, label, _ in tornado._legend_entries)


def test_grid_lines_follow_the_axes_ticks(window):
    chart = window.charts["capacity"]
    grid = chart.grid
    assert chart.plot.getAxis("left").grid is False  # drawn by the grid item, not the axes

    def horizontal():
        return sorted({round(line.y1(), 6) for pen, lines in grid._build() for line in lines
                       if line.y1() == line.y2()})

    chart.plot.setYRange(0, 600, padding=0)
    assert {100.0, 200.0, 300.0, 400.0, 500.0} <= set(horizontal())
    chart.plot.setYRange(0, 6000, padding=0)
    assert {1000.0, 2000.0, 3000.0} <= set(horizontal()) and 100.0 not in horizontal()
    vertical = {round(line.x1(), 6) for pen, lines in grid._build() for line in lines if line.x1() == line.x2()}
    assert 2.0 in vertical  # January 2026, two months after the November 2025 start
    assert grid._lines is None or grid._lines  # rebuilt lazily on the next paint


def test_a_file_opened_from_the_system_opens_in_the_window(window, qapp, tmp_path):
    """macOS hands a double-clicked scenario file to the app as a FileOpen event."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    from ui.app import ExplorerApp, connect_file_open

    assert isinstance(qapp, ExplorerApp)
    early = tmp_path / "early.json"
    save_scenario(Scenario(name="Arrived before the window", gpu_count=123_000), early)
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(early)))  # nothing connected yet: kept
    assert qapp.pending_files == [str(early)]
    connect_file_open(qapp, window)
    QCoreApplication.processEvents()
    assert window.document.scenario.gpu_count == 123_000 and qapp.pending_files == []
    later = tmp_path / "later.json"
    save_scenario(Scenario(name="Opened from the Finder", gpu_count=456_000), later)
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(later)))
    assert window.document.scenario.name == "Opened from the Finder"
    assert window.document.path == later.resolve()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(broken)))
    assert window.document.scenario.name == "Opened from the Finder"  # untouched, and told why
    assert window.dialogs.errors and "broken.json" in window.dialogs.errors[-1][1]
    qapp.fileOpenRequested.disconnect()
