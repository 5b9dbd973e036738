"""Money on the charts follows the currency and the language: every money axis names the currency,
and the values drawn are the model's USD figures at the stated rate, in the unit the axis names
(checked against the projection's own numbers, never against what the chart computed)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from explorer import formatting as fmt
from explorer.i18n import tr
from explorer.model import evaluate
from explorer.scenario import Scenario
from explorer.sensitivity import Bar, Tornado
from ui.state.view import ViewOptions
from ui.theme import COMPONENT_LABELS

from .conftest import CAT, inp

RATE = fmt.DEFAULT_JPY_PER_USD  # Currency("JPY")'s rate: 153.67 yen per dollar


@pytest.fixture
def yen():
    """Figures in yen at the default, dated rate (the conftest puts USD back after the test)."""
    fmt.set_currency(fmt.Currency("JPY"))
    assert fmt.currency().jpy_per_usd == RATE


def _stack_top(bars) -> np.ndarray:
    """The top of a stack of monthly bars, as drawn."""
    last = bars.groups()[-1]
    return np.asarray(last["y0"], dtype=float) + np.asarray(last["height"], dtype=float)


# ------------------------------------------------------------------------------ cost per month
@pytest.mark.parametrize("language, label, scale", [("en", "JPY billion per month", 1e9), ("ja", "億円/月", 1e8)])
def test_the_cost_chart_draws_yen_in_the_unit_its_axis_names(make_chart, yen, request, language, label, scale):
    if language == "ja":
        request.getfixturevalue("japanese")
    chart = make_chart("cost", width=1400)  # wide enough for the whole readout
    chart.set_input(inp(Scenario()))
    p = evaluate(Scenario(), CAT)
    assert chart._axis_labels["left"] == label
    assert np.allclose(_stack_top(chart.bars), p.cost_total[0] * RATE / scale)
    assert np.allclose(chart.series()[tr("total")], p.cost_total[0] * RATE / scale)
    assert chart.show_readout(0).endswith(label.replace(" per month", "/mo"))


# ------------------------------------------------------------------------------ cumulative cost
@pytest.mark.parametrize("language, label, scale, contract",
                         [("en", "JPY trillion", 1e12, "JPY 5.84T"), ("ja", "兆円", 1e12, "5.84兆円")])
def test_the_cumulative_chart_and_its_contract_line_are_in_yen(make_chart, yen, request, language, label, scale,
                                                               contract):
    if language == "ja":
        request.getfixturevalue("japanese")
    chart = make_chart("cumulative")
    scenario = Scenario()
    chart.set_input(inp(scenario))
    p = evaluate(scenario, CAT)
    assert chart._axis_labels["left"] == label
    assert np.allclose(chart.curve.drawn["cumulative"], p.cost_cumulative[0] * RATE / scale)
    assert chart.contract.value() == pytest.approx(scenario.contract_value_usd * RATE / scale)
    assert contract in chart.contract_label.toPlainText()  # 38e9 USD at 153.67
    assert "USD" not in chart.contract_label.toPlainText()
    readout = chart.show_readout(5)
    assert label in readout
    if language == "ja":
        assert f"{fmt.plain(p.cost_cumulative[0][5] * RATE / scale, 3)}兆円" in readout  # no space before 兆円


# ------------------------------------------------------------------------------ unit economics
@pytest.mark.parametrize("language, left, right, currency", [
    ("en", "JPY / M output tokens", "JPY / busy GPU-hour", "JPY"),
    ("ja", "円 / 100万出力トークン", "円 / 稼働GPU時間", "円")])
def test_unit_economics_reads_yen_per_token_and_per_gpu_hour(make_chart, yen, request, language, left, right,
                                                             currency):
    if language == "ja":
        request.getfixturevalue("japanese")
    chart = make_chart("unit-economics")
    chart.set_input(inp(Scenario()))
    p = evaluate(Scenario(), CAT)
    assert chart._axis_labels == {"left": left, "right": right}
    per_token = p.cost_per_million_tokens[0] * RATE
    top = chart.areas.drawn[tr(COMPONENT_LABELS["other"])]  # the stack's top: the total
    assert np.allclose(top, per_token)
    assert np.allclose(chart.series()[tr("per M output tokens")], per_token)
    # The right axis reads the same curve as yen per busy GPU-hour: the month's cost over its busy hours.
    hours = p.effective_gpu_hours[0]
    busy = hours > 0
    per_hour = p.cost_total[0][busy] / hours[busy] * RATE
    assert np.allclose(top[busy] * chart.plot.getAxis("right").scale, per_hour)
    assert np.allclose(chart.series()[tr("per busy GPU-hour")][busy], per_hour)
    assert chart._drawn.factor == pytest.approx(1 / RATE)  # compared scenarios are drawn in yen too
    readout = chart.show_readout(3)
    assert currency in readout and "USD" not in readout


def test_a_compared_scenario_on_the_unit_economics_chart_is_in_yen_too(make_chart, yen):
    from ui.state.chart_input import Overlay

    chart = make_chart("unit-economics")
    other = Scenario(energy_price_usd_per_kwh=0.2)
    overlay = Overlay(label="dear power", colour="#aa3377", projection=evaluate(other, CAT), offset=0)
    chart.set_input(inp(Scenario(), overlays=(overlay,)))
    (_, y), = chart.overlay_lines()
    assert np.allclose(y, evaluate(other, CAT).cost_per_million_tokens[0] * RATE)


# ------------------------------------------------------------------------------ cost per token vs speed
@pytest.mark.parametrize("language, label, currency", [("en", "JPY / M output tokens", "JPY "),
                                                       ("ja", "円 / 100万出力トークン", "円")])
def test_the_serving_chart_draws_yen_per_million_tokens(make_chart, yen, request, language, label, currency):
    scenario = Scenario()
    in_usd = make_chart("serving")  # the same curves in USD, drawn before the currency is yen
    fmt.set_currency(fmt.Currency())
    in_usd.set_input(inp(scenario))
    usd_curves = in_usd.series()
    fmt.set_currency(fmt.Currency("JPY"))
    if language == "ja":
        request.getfixturevalue("japanese")
    chart = make_chart("serving")
    chart.set_input(inp(scenario))
    assert chart._axis_labels["left"] == label
    fleet = evaluate(scenario, CAT).summary()["cost_per_million_tokens_usd"]
    assert 10 ** chart.fleet_point[1] == pytest.approx(fleet * RATE)  # the ring: the projection's figure in yen
    for chip, cost in chart.series().items():
        assert np.allclose(cost, usd_curves[chip] * RATE, equal_nan=True)
        assert np.allclose(chart.curves.drawn[chip], np.log10(usd_curves[chip] * RATE), equal_nan=True)
    readout = chart.show_readout(0)
    assert currency in readout and "USD" not in readout


# ------------------------------------------------------------------------------ the tornado
@pytest.mark.parametrize("language, label, scale", [("en", "JPY trillion", 1e12), ("ja", "兆円", 1e12)])
def test_the_tornado_reads_its_figures_in_yen(make_chart, yen, request, language, label, scale):
    if language == "ja":
        request.getfixturevalue("japanese")
    chart = make_chart("tornado")
    shown = inp(Scenario())
    chart.set_input(shown)
    tornado = shown.tornados["cost_total_usd"]
    assert chart._display_unit.label == label
    bar = chart._shown_bars[0]
    readout = chart.show_readout(0)
    joined = "" if language == "ja" else " "
    assert f"{fmt.plain(bar.at_low * RATE / scale, 4)}{joined}{label}" in readout
    assert f"{fmt.plain(bar.at_high * RATE / scale, 4)}{joined}{label}" in readout
    assert fmt.money(tornado.base) in chart.legend_labels()[2]  # 'base, every input at its value: JPY 6.42T'
    assert "USD" not in readout


@pytest.mark.parametrize("language, label", [("en", "JPY"), ("ja", "円")])
def test_a_tornado_around_zero_draws_its_axis_in_the_currency(make_chart, yen, request, language, label):
    """With a base of 0 the axis shows the figures themselves (not the change in per cent): a price
    in whole yen."""
    if language == "ja":
        request.getfixturevalue("japanese")
    key = "cost_per_million_tokens_usd"
    made_up = Tornado(key, 0.0, (Bar("energy_price_usd_per_kwh", "Energy price", 0.05, 0.2, 2.0, 3.0),))
    chart = make_chart("tornado")
    chart.set_input(inp(Scenario(), tornados={key: made_up}, view=ViewOptions(tornado_kpi=key)))
    assert chart._axis_labels["bottom"] == label
    low, high = chart.low_bars.opts, chart.high_bars.opts
    assert np.allclose(np.asarray(low["x0"]) + np.asarray(low["width"]), [2.0 * RATE])
    assert np.allclose(np.asarray(high["x0"]) + np.asarray(high["width"]), [3.0 * RATE])
    assert label in chart.show_readout(0)


# ------------------------------------------------------------------------------ the lines around the charts
def test_the_card_lines_the_chip_tooltip_and_the_fit_answer_follow_the_currency(yen, japanese):
    from explorer.fit import fit_to_budget
    from ui.state.kpi_lines import card_extras
    from ui.widgets.tooltips import chip_tooltip

    scenario = Scenario(price_usd_per_million_tokens=2.0)
    summary = evaluate(scenario, CAT).summary()
    lines = card_extras(summary, scenario)
    assert fmt.money(summary["implied_usd_per_gpu_hour"]) in lines["cost_total_usd"]  # in yen ('…円')
    assert fmt.money(summary["gross_margin_usd"]) in lines["cost_per_million_tokens_usd"]
    assert fmt.money(2.0) in lines["cost_per_million_tokens_usd"] and "USD" not in lines["cost_per_million_tokens_usd"]
    assert fmt.count_shown(summary["gpus_per_gw"]) in lines["gpus_peak"] and "万" in lines["gpus_peak"]
    tip = chip_tooltip(CAT["GB200"])
    assert fmt.money(CAT["GB200"].rent_usd_per_gpu_hour) in tip and fmt.money(CAT["GB200"].purchase_usd) in tip
    assert fmt.currency().rate_note() in tip  # a yen figure states its rate
    result = fit_to_budget(Scenario(pricing="rent"), 30e9, "price", CAT)
    assert fmt.money(result.value, 4) in result.price_text() and "円" in result.price_text()
    assert result.as_dict()["unit"] == "USD per GPU-hour (average rent, ex power)"  # --json keeps its unit


def test_in_english_and_usd_the_lines_read_as_they_always_did():
    from explorer.fit import fit_to_budget
    from ui.widgets.tooltips import chip_tooltip

    c = CAT["GB200"]
    assert f"Rent USD {c.rent_usd_per_gpu_hour:.2f} per GPU-hour" in chip_tooltip(c)
    assert f"purchase USD {c.purchase_usd:,.0f}" in chip_tooltip(c)
    result = fit_to_budget(Scenario(pricing="rent"), 30e9, "price", CAT)
    assert result.price_text() == f"{result.value:,.4g} USD per GPU-hour (average rent, ex power)"
    assert not math.isnan(result.value)
