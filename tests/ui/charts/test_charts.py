"""Each chart's own content: what it draws and how it names it."""

from __future__ import annotations

import html
import re

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from explorer.model import evaluate
from explorer.scenario import Scenario
from ui.state.view import ViewOptions

from .conftest import CAT, inp


def test_capacity_follows_the_view_options_and_its_choices_edit_them(make_chart, qtbot):
    chart = make_chart("capacity")
    chart.set_input(inp(Scenario(), view=ViewOptions(precision="fp8", measure="Effective")))
    assert chart.precision.currentText() == "FP8" and chart.measure.currentText() == "Effective"
    assert chart.shown_title() == "Capacity by chip · FP8 effective"
    p = evaluate(Scenario(), CAT)
    assert chart.series()["total"][-1] * chart.display_unit().factor == pytest.approx(
        p.effective_flops("fp8")[0][-1])
    chart.precision.setFocus()
    with qtbot.waitSignal(chart.optionsEdited) as edited:
        QTest.keyClick(chart.precision, Qt.Key.Key_Down)  # a choice edits the view; the chart waits for it
    assert edited.args == [{"precision": "fp4"}]
    assert chart.shown_title() == "Capacity by chip · FP8 effective"


def test_the_power_chart_draws_provisioned_lines_and_the_average_draw(make_chart):
    chart = make_chart("power")
    chart.set_input(inp(Scenario()))
    p = evaluate(Scenario(), CAT)
    series = chart.series()
    factor = chart.display_unit().factor
    assert np.allclose(series["facility, provisioned"] * factor, p.facility_mw[0])
    assert np.allclose(series["average draw"] * factor, p.facility_avg_mw[0])
    assert np.all(series["facility, provisioned"] >= series["average draw"])
    assert np.allclose(chart.lines.drawn["facility"], series["facility, provisioned"])
    labels = chart.legend_labels()
    assert any("provisioned" in label for label in labels) and any("average draw" in label for label in labels)
    assert "hottest day" in chart.view.toolTip()  # one sentence a non-engineer understands


def test_the_serving_chart_marks_the_fleet_and_never_gets_cheaper_when_faster(make_chart):
    chart = make_chart("serving")
    chart.set_input(inp(Scenario()))
    fleet_cost = evaluate(Scenario(), CAT).summary()["cost_per_million_tokens_usd"]
    x, y = chart.fleet_point
    assert x == pytest.approx(np.log10(50)) and 10 ** y == pytest.approx(fleet_cost)
    series = chart.series()
    assert set(series) == {"GB200", "GB300"}
    curve = series["GB200"][np.isfinite(series["GB200"])]
    assert np.all(np.diff(curve) >= -1e-9)
    assert np.allclose(chart.curves.drawn["GB200"], np.log10(series["GB200"]), equal_nan=True)
    chart.set_input(inp(Scenario(energy_price_usd_per_kwh=0.3)))
    assert not np.allclose(chart.series()["GB200"], series["GB200"], equal_nan=True)
    assert "tok/s per user" in chart.show_readout(0)


def test_unit_economics_reads_the_cost_per_token_over_the_term(make_chart):
    chart = make_chart("unit-economics")
    chart.set_input(inp(Scenario()))
    p = evaluate(Scenario(), CAT)
    total = chart.series()["per M output tokens"]
    assert total[-1] == pytest.approx(p.cost_per_million_tokens[0, -1])
    assert np.allclose(chart.areas.drawn["Support, storage services, other"], total)
    assert chart.view_combo.currentText() == "vs speed"  # the view options' choice for the slot


def test_cumulative_marks_the_month_the_contract_is_exceeded(make_chart):
    chart = make_chart("cumulative")
    chart.set_input(inp(Scenario()))
    assert any(label.startswith("exceeds the contract in ") for label in chart.legend_labels())
    chart.set_input(inp(Scenario(contract_value_usd=0)))
    assert chart.shown_title() == "Cumulative cost" and not chart.contract.isVisible()


def test_the_contract_label_moves_to_the_side_the_cumulative_line_leaves_free(make_chart):
    chart = make_chart("cumulative", width=300, height=230)
    chart.set_input(inp(Scenario()))  # exceeded near the end: the left is free
    assert chart.contract_label.anchor.x() == 0 and chart.contract_label.pos().x() < 1
    chart.set_input(inp(Scenario(gpu_count=1_000_000)))  # exceeded within months: the line crosses the left
    assert chart.contract_label.anchor.x() == 1
    assert chart.contract_label.pos().x() > Scenario().term_months - 3
    assert "contract USD 38.0B" in chart.contract_label.toPlainText()


@pytest.mark.parametrize("gpus", [200_000, 700_000, 1_070_000, 1_500_000, 3_000_000])
def test_the_contract_label_never_sits_on_the_axis(make_chart, gpus):
    chart = make_chart("cumulative", width=300, height=230)
    chart.set_input(inp(Scenario(gpu_count=gpus)))
    QApplication.processEvents()
    vb = chart.plot.vb
    label = chart.contract_label.mapRectToScene(chart.contract_label.boundingRect())
    plot = vb.sceneBoundingRect()
    assert label.bottom() <= plot.bottom() + 0.5 and label.top() >= plot.top() - 0.5  # inside the plot, axis free


def test_the_tornado_draws_the_analyses_it_is_given(make_chart):
    chart = make_chart("tornado")
    shown = inp(Scenario())
    chart.set_input(shown)
    bars = shown.tornados["cost_total_usd"].bars
    assert len(chart.series()["at high"]) == len(bars)
    assert "Chip price scale" in chart.show_readout(0)
    chart.set_input(shown.replace(view=ViewOptions(tornado_kpi="energy_total_gwh")))
    assert chart.kpi.currentData() == "energy_total_gwh" and chart.shown_title() == "Sensitivity · energy"
    assert chart.result is shown.tornados["energy_total_gwh"]
    chart.set_input(shown.replace(tornados=None))
    assert chart.message.isVisible() and chart.series() == {}


def test_the_tornado_ignores_a_new_projection_until_its_analyses_change(make_chart):
    chart = make_chart("tornado")
    shown = inp(Scenario())
    chart.set_input(shown)
    draws = chart.draws
    chart.set_input(inp(Scenario(gpu_count=400_000)).replace(tornados=shown.tornados))  # a drag step
    assert chart.draws == draws
    doubled = inp(Scenario(gpu_count=400_000))
    chart.set_input(doubled)
    assert chart.draws == draws + 1
    assert chart.series()["at high"].max() == pytest.approx(2 * np.max(
        [b.at_high for b in shown.tornados["cost_total_usd"].bars]), rel=1e-6)  # cost is linear in the count


def test_a_short_chart_keeps_two_legend_lines_and_names_the_rest_in_a_tooltip(make_chart):
    many = Scenario(chip_mix={"H100": 0.2, "H200": 0.2, "B200": 0.2, "GB200": 0.2, "GB300": 0.2})
    chart = make_chart("capacity", width=260, height=200)
    chart.set_input(inp(many))
    labels = chart.legend_labels()
    assert len(labels) >= 5
    shown = chart.legend.text
    assert shown.count("<br>") <= 1  # two lines at most
    more = re.search(r"\+(\d+) more", shown)
    assert more, shown
    left_out = html.unescape(re.sub("<[^>]+>", "", chart.legend.toolTip())).split("\n")
    assert len(left_out) == int(more.group(1)) and left_out == labels[-len(left_out):]
    for name in ("power", "cost", "cumulative"):  # on screen and in presentation, '+k more' fits too
        narrow = make_chart(name, width=280, height=230)
        narrow.set_input(inp(Scenario()))
        for scale in (1.0, 1.35, 1.6):
            narrow.set_style(narrow.theme, scale)
            for width in range(280, 700, 20):
                narrow.resize(width, 230)
                QApplication.processEvents()
                item = narrow.legend.item
                assert item.mapRectToScene(item.boundingRect()).right() <= narrow.view.width(), (name, scale, width)
    tall = make_chart("capacity", width=900, height=600)
    tall.set_input(inp(many))
    assert "more" not in tall.legend.text and not tall.legend.toolTip()


def test_an_axis_title_too_long_for_its_axis_shows_its_short_form(make_chart):
    from ui.charts.base import short_label

    assert short_label("Energy, TWh per year") == "TWh/yr"
    assert short_label("USD million per month") == "USD M/mo"
    wide = make_chart("cost", width=900, height=600)
    wide.set_input(inp(Scenario()))
    full = wide._axis_labels["left"]
    assert wide.plot.getAxis("left").labelText == full
    short = make_chart("cost", width=300, height=160)
    short.set_input(inp(Scenario()))
    QApplication.processEvents()
    shown = short.plot.getAxis("left").labelText
    assert shown != full and len(shown) < len(full)


def test_a_right_axis_title_sits_beside_its_tick_labels_not_at_the_charts_edge(make_chart):
    chart = make_chart("power", width=500, height=360)
    chart.set_input(inp(Scenario()))
    chart.view.grab()  # paints: the tick labels are laid out
    axis = chart.plot.getAxis("right")
    assert axis.textWidth > 0
    x = axis.label.pos().x()
    assert x <= axis.style["tickTextOffset"][0] + axis.textWidth + 3
    assert x < axis.width() - axis.label.boundingRect().height()  # pyqtgraph's place is the outer edge
