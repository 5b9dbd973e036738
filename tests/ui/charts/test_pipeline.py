"""The one chart pipeline: set_input draws a chart's data, bands, compared scenarios and legend; only
what changed is redrawn; the y range only grows during a drag and re-fits after it."""

from __future__ import annotations

import numpy as np
import pytest

from PySide6.QtWidgets import QApplication

from explorer.model import evaluate
from explorer.presets import list_presets
from explorer.scenario import Scenario
from ui.charts import CHART_NAMES
from ui.state.chart_input import Overlay

from .conftest import CAT, inp


def test_new_bands_alone_redraw_the_bands_not_the_data(make_chart):
    chart = make_chart("capacity")
    first = inp(Scenario())
    chart.set_input(first)
    assert chart.draws == 1 and chart.bands_item is not None
    chart.set_input(first.replace(bands=inp(Scenario(energy_price_usd_per_kwh=0.2)).bands))
    assert chart.draws == 1  # same projection: its areas were left as they were
    assert chart.bands_item is not None
    chart.set_input(first.replace(bands=None))
    assert chart.bands_item is None and chart.draws == 1
    chart.set_input(inp(Scenario(gpu_count=300_000)))
    assert chart.draws == 2


def test_the_drawn_layers_carry_the_values(make_chart):
    capacity = make_chart("capacity")
    capacity.set_input(inp(Scenario(chip_mix={"GB200": 0.8, "GB300": 0.2})))
    series = capacity.series()
    assert np.allclose(capacity.areas.drawn["GB300"], series["total"])  # the top band's upper edge
    assert np.allclose(capacity.areas.drawn["GB200"], series["GB200"])
    bounds = capacity.areas.boundingRect()
    assert bounds.top() <= 0 and bounds.bottom() >= float(series["total"].max())
    median = capacity.bands_item.drawn["median"] * capacity.display_unit().factor
    assert np.allclose(median, capacity.input.bands.series["capacity"][2])


def test_the_y_range_grows_during_a_drag_and_refits_after(make_chart):
    chart = make_chart("cost")
    chart.set_input(inp(Scenario()))
    top = chart.plot.viewRange()[1][1]
    chart.set_input(inp(Scenario(gpu_count=150_000), dragging=True))
    assert chart.plot.viewRange()[1][1] == top  # smaller data: the axis holds still during a drag
    chart.set_input(inp(Scenario(gpu_count=150_000)))
    assert chart.plot.viewRange()[1][1] < top  # let go: fitted to the data
    biggest = float(chart.series()["total"].max())
    assert biggest <= chart.plot.viewRange()[1][1] <= 1.6 * biggest


def test_a_unit_change_mid_drag_refits_the_axis(make_chart):
    """From 200k to 5M GPUs the monthly cost goes from USD millions to billions; the bars must stay
    in view (a range held in millions would be 1,000 times too tall)."""
    chart = make_chart("cost")
    for gpus in (200_000, 400_000, 1_000_000, 2_500_000, 5_000_000):
        chart.set_input(inp(Scenario(gpu_count=gpus), dragging=True))
    assert chart.display_unit().label == "USD billion per month"
    biggest = float(chart.series()["total"].max())
    assert biggest <= chart.plot.vb.viewRange()[1][1] <= 3 * biggest


def test_compared_scenarios_are_drawn_offset_and_named(make_chart):
    chart = make_chart("cumulative")
    other = Scenario(start="2026-01", ramp_end="2027-01")
    overlay = Overlay("Other deal", "#E15759", evaluate(other, CAT), 2)
    chart.set_input(inp(Scenario(), overlays=(overlay,)))
    ((x, y),) = chart.overlay_lines()
    assert x[0] == 2 and np.allclose(y * 1e9, evaluate(other, CAT).cost_cumulative[0])
    assert "Other deal" in chart.legend_labels()
    chart.set_input(inp(Scenario(), overlays=(overlay,), overlay_legend=False))
    assert "Other deal" not in chart.legend_labels() and chart.overlay_lines()


def test_the_tornado_keeps_its_base_value_during_a_drag(make_chart):
    chart = make_chart("tornado")
    shown = inp(Scenario(gpu_count=300_000))
    chart.set_input(shown.replace(dragging=True))
    base = shown.tornados["cost_total_usd"].base
    assert f"base, every input at its value: USD {base / 1e9:.1f}B" in chart.legend_labels()


def test_bands_of_an_earlier_value_are_dimmed(make_chart):
    chart = make_chart("cumulative")
    shown = inp(Scenario())
    chart.set_input(shown)
    bright = chart.bands_item.fill_colours()[0].alpha()
    chart.set_input(shown.replace(bands_stale=True))
    assert chart.bands_item.fill_colours()[0].alpha() < bright


def test_hover_readouts_name_the_month_and_values(make_chart):
    cumulative = make_chart("cumulative")
    cumulative.set_input(inp(Scenario()))
    text = cumulative.show_readout(0)
    assert "Nov 2025" in text and "cumulative" in text
    capacity = make_chart("capacity")
    capacity.set_input(inp(Scenario()))
    text = capacity.show_readout(13)
    assert "Dec 2026" in text and "GB200" in text and "total" in text
    capacity.hide_readout()
    assert not capacity.vline.isVisible()


def test_the_first_year_label_is_shown_at_the_left_end_of_time_axes(make_chart):
    from PySide6.QtGui import QImage, QPainter

    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    for name in ("capacity", "power", "cumulative"):
        chart = make_chart(name)
        chart.set_input(inp(Scenario()))
        painter = QPainter(image)
        try:
            specs = chart.plot.getAxis("bottom").generateDrawSpecs(painter)
        finally:
            painter.end()
        assert "2026" in [text for _, _, text in specs[2]], name  # Jan 2026: two months after the start


def test_grid_lines_follow_the_axes_ticks(make_chart):
    chart = make_chart("capacity")
    chart.set_input(inp(Scenario()))
    assert chart.plot.getAxis("left").grid is False  # drawn by the grid item, not the axes

    def horizontal():
        return {round(line.y1(), 6) for _, lines in chart.grid.lines() for line in lines if line.y1() == line.y2()}

    chart.plot.setYRange(0, 600, padding=0)
    assert {100.0, 200.0, 300.0, 400.0, 500.0} <= horizontal()
    chart.plot.setYRange(0, 6000, padding=0)
    assert {1000.0, 2000.0, 3000.0} <= horizontal() and 100.0 not in horizontal()
    vertical = {round(line.x1(), 6) for _, lines in chart.grid.lines() for line in lines if line.x1() == line.x2()}
    assert 2.0 in vertical  # January 2026


@pytest.mark.parametrize("preset", list_presets(), ids=[p.key for p in list_presets()])
def test_every_chart_draws_every_preset_within_its_axes(make_chart, preset):
    scenario = preset.load()
    shown = inp(scenario)
    for name in CHART_NAMES:
        chart = make_chart(name)
        chart.set_input(shown)
        series = chart.series()
        assert series, name
        if name == "tornado":
            assert len(series["at low"]) == len(scenario.ranges)
            continue
        if name == "serving":
            assert any(np.isfinite(v).any() for v in series.values()), preset.key  # every fleet serves
            continue
        for label, values in series.items():
            assert len(values) == scenario.term_months and np.all(np.isfinite(values)), (name, label)
        right_axis = {"per busy GPU-hour", "energy that year", "of contract"}
        biggest = max(float(np.max(v)) for k, v in series.items() if k not in right_axis)
        assert biggest <= chart.plot.viewRange()[1][1] * 1.0001, (name, biggest)  # nothing above the axis


def test_only_charts_with_a_second_scale_show_a_right_axis(make_chart):
    charts = {name: make_chart(name) for name in CHART_NAMES}  # (kept alive while they are asked)
    right = {name for name, chart in charts.items() if chart.plot.getAxis("right").isVisible()}
    assert right == {"power", "unit-economics"}


def test_the_readout_has_its_own_line_starts_with_the_month_and_includes_everything_shown(make_chart):
    from explorer.model import evaluate as run

    chart = make_chart("cumulative", width=900)
    other = Scenario(energy_price_usd_per_kwh=0.05)
    chart.set_input(inp(Scenario(), overlays=(Overlay("Cheaper power", "#D81B60", run(other, CAT), 0),)))
    text = chart.show_readout(10)
    assert text.startswith("Sep 2026") and "cumulative" in text and "Cheaper power" in text and "P10–P90" in text
    assert chart.readout is not chart.title_item and chart.readout_text() == text
    title_bottom = chart.title_item.mapRectToScene(chart.title_item.boundingRect()).bottom()
    assert chart.readout.mapRectToScene(chart.readout.boundingRect()).top() >= title_bottom - 0.5  # never over it
    chart.set_input(inp(Scenario(gpu_count=300_000)))
    assert chart.readout_text() == ""  # the chart changed: the old values go


def test_a_narrow_readout_keeps_its_start(make_chart):
    chart = make_chart("capacity", width=260)
    chart.set_input(inp(Scenario(chip_mix={"GB200": 0.25, "GB300": 0.25, "H100": 0.25, "B200": 0.25})))
    text = chart.show_readout(20)
    assert text.startswith("Jul 2027") and text.endswith("…")


def test_a_narrow_time_axis_still_shows_more_than_one_year(make_chart):
    from support.qt import year_labels

    chart = make_chart("power", width=250, height=260)
    chart.set_input(inp(Scenario()))
    QApplication.processEvents()
    years = year_labels(chart)
    assert len(years) >= 2, years


def test_the_tornado_shows_the_rows_that_fit_and_says_how_many_are_left_out(make_chart):
    chart = make_chart("tornado", width=420, height=230)
    chart.set_input(inp(Scenario()))
    QApplication.processEvents()
    rows = chart.rows_that_fit()
    assert len(chart.shown_labels()) == rows < 9  # 9 inputs move the cost: not all fit
    assert chart.shown_labels()[0] == "Chip price scale"  # the largest swings are the ones kept
    assert any(label.endswith("smaller swings not shown (no room)") for label in chart.legend_labels())
    chart.resize(420, 700)
    QApplication.processEvents()
    assert len(chart.shown_labels()) == 9 and not any("no room" in label for label in chart.legend_labels())
