"""The portfolio's deck (ui/render/portfolio_slides.py, ``scenario-explorer slides PORTFOLIO``): each written
file is opened again with python-pptx and checked against the portfolio's evaluation: the slides in
order, native stacked charts whose series are the members (named by their labels) holding the
members' numbers in the units on the axis, the cards with their explanations, the members table,
the sources, speaker notes, --plain, Japanese fonts, and the refusals (--compare, broken members,
bad targets) that leave no file."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from pptx import Presentation
from pptx.chart.plot import AreaPlot, BarPlot

from explorer.formatting import Currency, set_currency
from explorer.portfolio import FIGURES, list_portfolios, load_portfolio, provider_label
from explorer.portfolio_tables import evaluate_for_export
from ui.render.portfolio_slides import portfolio_deck_bytes, write_portfolio_slides
from ui.render.slides import EA_FONT
from support.faults import disk_full

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "assets" / "portfolios" / "openai-2025.json"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
NOW = dt.datetime(2026, 11, 20, 9, 30)
# the axis titles of the shipped portfolio's charts, and what one unit of them is (in the model's units)
FACTORS = {"million accelerators": 1e6, "GW": 1e3, "USD billion per month": 1e9, "USD billion": 1e9}
TITLES = ["OpenAI compute commitments (announced, 2025)", "Totals and concentration",
          "Accelerators installed · by member", "Provisioned power · by member", "Cost per month · by member",
          "Cumulative commitments · by member", "Cumulative commitments · by provider",
          "Commitments per calendar year", "Members"]


def charts_of(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def text_of(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def values(series) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in series.values], dtype=float)


def months(chart) -> list[dt.date]:
    return [dt.date(1899, 12, 30) + dt.timedelta(days=int(float(c))) for c in chart.plots[0].categories]


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    ev = evaluate_for_export(load_portfolio(SHIPPED))
    path = write_portfolio_slides(tmp_path_factory.mktemp("deck") / "p.pptx", ev, now=NOW)
    return Presentation(str(path)), ev


def test_the_deck_has_its_slides_in_order_with_notes(deck):
    prs, ev = deck
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles[:9] == TITLES
    assert titles[9:] and all(t.startswith("Sources") for t in titles[9:])
    first = text_of(prs.slides[0])
    assert "2026-11-20" in first and "7 of 7 members switched on · Apr 2025 to Dec 2032" in first
    assert ev.portfolio.notes[:60] in first
    assert prs.core_properties.title == ev.portfolio.name and prs.core_properties.subject == "Portfolio"
    for slide in prs.slides:
        assert len(notes(slide)) > 80, slide.shapes.title.text_frame.text


def test_the_charts_are_native_stacked_charts_of_the_members_numbers(deck):
    prs, ev = deck
    p = ev.projection
    expected = {2: ("gpus", AreaPlot), 3: ("facility_mw", AreaPlot), 4: ("cost", BarPlot),
                5: ("cost_cumulative", AreaPlot)}
    for index, (name, plot) in expected.items():
        [chart] = charts_of(prs.slides[index])
        assert isinstance(chart.plots[0], plot) and "stacked" in str(chart.chart_type).lower()
        assert [s.name for s in chart.series] == list(p.labels)  # one series per member, by its label
        factor = FACTORS[chart.value_axis.axis_title.text_frame.text]
        for s, row in zip(chart.series, p.series(name)):
            np.testing.assert_allclose(values(s) * factor, row, rtol=1e-9, atol=1e-6)
        dates = months(chart)
        assert dates[0] == dt.date(2025, 4, 1) and dates[-1] == dt.date(2032, 12, 1) and len(dates) == p.months.size
    # the provider chart: the providers' sums, in their labels
    [chart] = charts_of(prs.slides[6])
    keys, grouped = p.grouped("cost_cumulative", by="provider")
    assert [s.name for s in chart.series] == [provider_label(k) for k in keys]
    factor = FACTORS[chart.value_axis.axis_title.text_frame.text]
    total = sum(values(s) for s in chart.series) * factor
    np.testing.assert_allclose(total, p.total("cost_cumulative"), rtol=1e-9)
    # the years: each member's commitments per calendar year
    [chart] = charts_of(prs.slides[7])
    years, yearly = p.yearly_commitments()
    assert isinstance(chart.plots[0], BarPlot) and list(chart.plots[0].categories) == [str(y) for y in years]
    assert [s.name for s in chart.series] == list(p.labels)
    factor = FACTORS[chart.value_axis.axis_title.text_frame.text]
    for s, row in zip(chart.series, yearly):
        np.testing.assert_allclose(values(s) * factor, row, rtol=1e-9)
    assert sum(values(s).sum() for s in chart.series) * factor == pytest.approx(
        ev.summary["totals"]["cost_total_usd"], rel=1e-9)


def test_the_cards_give_each_figure_with_its_explanation(deck):
    prs, ev = deck
    slide = prs.slides[1]
    cards = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame
             and shape != slide.shapes.title and "\n" in shape.text_frame.text]
    assert len(cards) == 10
    for key, figure in FIGURES.items():
        assert any(card.startswith(figure.label) and figure.explanation in card for card in cards), key
    text = text_of(slide)
    for figure in ("34.5 GW", "Dec 2029", "13.5M", "USD 1.22T", "USD 610B", "USD 264B", "in 2030", "NVIDIA: 32.0%",
                   "2,080", "Highly concentrated (above 1,800)", "76.3% of cost"):
        assert figure in text, figure
    assert "Shares of total cost by provider: NVIDIA 32.0%" in notes(slide)


def test_the_members_slide_gives_each_members_provider_and_source(deck):
    prs, ev = deck
    slide = prs.slides[8]
    [table] = [shape.table for shape in slide.shapes if shape.has_table]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][:4] == ["Member", "Provider", "On", "Source"]
    assert [r[0] for r in rows[1:]] == list(ev.portfolio.labels)
    assert [r[3] for r in rows[1:]] == [f"preset {m.reference}" for m in ev.portfolio.members]
    assert rows[1][1:3] == ["AWS", "on"] and rows[1][-2:] == ["USD 45.5B", "USD 38.0B"]
    said = notes(slide)
    assert "Announced (OpenAI and AWS, 3 November 2025)" in said  # each member's own description and sources


def test_the_sources_slides_hold_every_source_of_the_portfolio(deck):
    prs, ev = deck
    text = "\n".join(text_of(s) for s in list(prs.slides)[9:])
    for source in ev.portfolio.sources:
        assert source in text


@pytest.mark.parametrize("shipped", list_portfolios(), ids=lambda p: p.key)
def test_every_shipped_portfolio_makes_a_deck_without_blank_charts(shipped):
    ev = evaluate_for_export(shipped.load())
    prs = Presentation(__import__("io").BytesIO(portfolio_deck_bytes(ev, now=NOW)))
    charts = [c for s in prs.slides for c in charts_of(s)]
    assert len(charts) == 6
    for chart in charts:
        numbers = [v for s in chart.series for v in s.values if v is not None]
        assert numbers and all(np.isfinite(numbers)) and max(numbers) > 0


def test_a_member_switched_off_is_left_out_of_the_charts_and_listed_as_off(tmp_path):
    portfolio = load_portfolio(SHIPPED).toggled("Oracle", False)
    prs = Presentation(str(write_portfolio_slides(tmp_path / "d.pptx", evaluate_for_export(portfolio), now=NOW)))
    assert "Oracle" not in [s.name for s in charts_of(prs.slides[2])[0].series]
    assert "6 of 7 members switched on" in text_of(prs.slides[0])
    rows = [[c.text for c in row.cells] for row in [s for s in prs.slides[8].shapes if s.has_table][0].table.rows]
    assert ["Oracle", "Oracle", "off"] == next(r for r in rows if r[0] == "Oracle")[:3]


def test_every_member_switched_off_gives_messages_not_blank_charts(tmp_path):
    path = tmp_path / "off.json"
    path.write_text(json.dumps({"schema_version": 1, "name": "Off", "members": [
        {"label": "AWS", "provider": "AWS", "enabled": False, "preset": "openai-aws-deal"}]}), encoding="utf-8")
    prs = Presentation(str(write_portfolio_slides(tmp_path / "d.pptx", evaluate_for_export(load_portfolio(path)))))
    assert not any(charts_of(s) for s in prs.slides)
    assert "No member is switched on" in text_of(prs.slides[2]) and "–" in text_of(prs.slides[1])


def test_money_is_in_the_currency_shown(tmp_path):
    ev = evaluate_for_export(load_portfolio(SHIPPED))
    set_currency(Currency("JPY"))
    try:
        prs = Presentation(str(write_portfolio_slides(tmp_path / "yen.pptx", ev)))
    finally:
        set_currency(Currency())
    chart = charts_of(prs.slides[5])[0]
    assert chart.value_axis.axis_title.text_frame.text == "JPY trillion"
    np.testing.assert_allclose(values(chart.series[0]) * 1e12 / 153.67, ev.projection.series("cost_cumulative")[0],
                               rtol=1e-9)
    assert "USD 1 = JPY 153.67 (2025-11-04)" in text_of(prs.slides[5])


def _series_fills(prs) -> list[str]:
    out = []
    for slide in prs.slides:
        for chart in charts_of(slide):
            for ser in chart._chartSpace.iter(f"{C}ser"):
                out += [c.get("val") for c in ser.iter(f"{A}srgbClr")]
    return out


def test_plain_leaves_the_colours_to_the_theme(tmp_path):
    ev = evaluate_for_export(load_portfolio(SHIPPED))
    coloured = Presentation(str(write_portfolio_slides(tmp_path / "c.pptx", ev)))
    plain = Presentation(str(write_portfolio_slides(tmp_path / "p.pptx", ev, plain=True)))
    assert {"4E79A7", "F28E2B", "59A14F"} <= set(_series_fills(coloured))  # the window's member colours
    assert "B07AA1" in _series_fills(coloured)  # Broadcom's provider colour on the provider chart
    assert _series_fills(plain) == [] and len(plain.slides) == len(coloured.slides)


def test_a_japanese_deck_names_the_east_asian_font_on_every_run(japanese, tmp_path):
    ev = evaluate_for_export(load_portfolio(SHIPPED))
    prs = Presentation(str(write_portfolio_slides(tmp_path / "ja.pptx", ev)))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles[1] == "合計と集中度" and titles[7] == "暦年ごとのコミットメント"
    assert re.search("[\u3040-\u30ff\u4e00-\u9fff]", titles[0])
    for slide in prs.slides:
        for root in [slide._element] + [c._chartSpace for c in charts_of(slide)] + [slide.notes_slide._element]:
            for run in root.iter(f"{A}r"):
                assert run.find(f"{A}rPr/{A}ea").get("typeface") == EA_FONT


# ------------------------------------------------------------------------------------- command line
def _cli(*args):
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))


def test_the_slides_command_takes_a_portfolio_and_refuses_compare(tmp_path):
    out = tmp_path / "deck.pptx"
    result = _cli("slides", "openai-2025", "--plain", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    prs = Presentation(str(out))
    assert [s.shapes.title.text_frame.text for s in prs.slides][:9] == TITLES and _series_fills(prs) == []
    result = _cli("slides", "openai-2025", "--compare", "openai-aws-deal", "--out", str(tmp_path / "c.pptx"))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "scenario-explorer: error: --compare compares scenarios, and openai-2025 is a portfolio: its deck sets its "
        "members side by side already (leave out --compare, or give a scenario)")
    broken = tmp_path / "deals.json"
    broken.write_text(json.dumps({"schema_version": 1, "members": [
        {"label": "Mine", "provider": "Amazon", "preset": "openai-aws-deal"}]}), encoding="utf-8")
    result = _cli("slides", str(broken), "--out", str(tmp_path / "b.pptx"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(
        "scenario-explorer: error: deals.json: member 'Mine': 'provider' = 'Amazon' is not a known provider.")
    result = _cli("slides", "openai-2025", "--out", str(tmp_path / "missing" / "d.pptx"))
    assert result.returncode == 2 and "the folder" in result.stderr and "does not exist" in result.stderr
    result = _cli("slides", "openai-2025", "--out", str(tmp_path / "d.pdf"))
    assert result.returncode == 2 and "use a .pptx name" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deals.json", "deck.pptx"]


def _yearly(prs):
    slide = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Commitments per calendar year")
    return slide, charts_of(slide)[0]


def test_the_revenue_per_year_is_a_dashed_line_over_the_yearly_commitments(deck, tmp_path):
    prs, ev = deck
    _, chart = _yearly(prs)
    assert len(chart.plots) == 1  # no revenue given: no line
    path = write_portfolio_slides(tmp_path / "r.pptx", ev, now=NOW, revenue_usd=13.5e9)
    slide, chart = _yearly(Presentation(str(path)))
    bars, line = chart.plots
    assert isinstance(bars, BarPlot) and [s.name for s in bars.series] == list(ev.projection.labels)
    (revenue,) = line.series
    assert revenue.name == "Revenue: USD 13.5B per year"
    years, yearly = ev.projection.yearly_commitments()
    assert np.allclose(values(revenue), 13.5) and len(values(revenue)) == len(years)  # in the axis's USD billion
    assert revenue.format.line.dash_style is not None and revenue.format.line.color.rgb is not None
    total = yearly.sum(axis=0)
    above = int((total > 13.5e9).sum())
    peak = int(np.argmax(total))
    said = notes(slide)
    assert (f"the commitments are above it in {above} of {len(years)} years, and in {int(years[peak])} they are "
            f"{total[peak] / 13.5e9:,.1f} times it." in said)
    # a revenue above every year (the axis, scaled to every series, reaches it)
    slide, chart = _yearly(Presentation(str(write_portfolio_slides(tmp_path / "h.pptx", ev, now=NOW,
                                                                   revenue_usd=500e9))))
    assert np.allclose(values(chart.plots[1].series[0]), 500) and "above it in 0 of" in notes(slide)
    slide, _ = _yearly(Presentation(str(write_portfolio_slides(tmp_path / "z.pptx", ev, now=NOW, revenue_usd=0.0))))
    assert f"USD 0: the commitments are above it in {len(years)} of {len(years)} years." in notes(slide)


def test_the_slides_command_takes_the_revenue_for_a_portfolio_only(tmp_path):
    out = tmp_path / "deck.pptx"
    result = _cli("slides", "openai-2025", "--revenue", "13.5B", "--out", str(out))
    assert result.returncode == 0, result.stderr
    _, chart = _yearly(Presentation(str(out)))
    assert [s.name for s in chart.plots[1].series] == ["Revenue: USD 13.5B per year"]
    result = _cli("slides", "openai-aws-deal", "--revenue", "13B", "--out", str(tmp_path / "s.pptx"))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "scenario-explorer: error: --revenue is for a portfolio; openai-aws-deal is a scenario"
    result = _cli("slides", "openai-2025", "--revenue", "2e18", "--out", str(tmp_path / "x.pptx"))
    assert result.returncode == 2 and "--revenue must be between 0 and 1,000,000 USD billions per year" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.pptx"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_keeps_the_old_deck_and_says_so(tmp_path, monkeypatch):
    from explorer.errors import OutputError

    ev = evaluate_for_export(load_portfolio(SHIPPED))
    target = write_portfolio_slides(tmp_path / "d.pptx", ev)
    old = target.read_bytes()
    disk_full(monkeypatch)  # every write fails with ENOSPC
    with pytest.raises(OutputError, match="cannot write .*d.pptx: No space left on device"):
        write_portfolio_slides(target, ev)
    assert target.read_bytes() == old and [p.name for p in tmp_path.iterdir()] == ["d.pptx"]
