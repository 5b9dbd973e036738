"""The slides (an editable PowerPoint deck): each written file is opened again with python-pptx and
its content checked against the model: the slides, native charts of the expected types whose series
hold the Projection's numbers in the units the window shows, speaker notes, the plain option, the
Japanese font, and the clear errors of bad targets, which leave no file behind."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from pptx import Presentation
from pptx.chart.plot import AreaPlot, BarPlot, LinePlot, XyPlot
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from explorer import files
from explorer.catalog import builtin_catalog
from explorer.errors import ExplorerError, OutputError
from explorer.formatting import Currency, set_currency
from explorer.kpis import CARDS, KPIS
from explorer.model import evaluate
from explorer.presets import find_preset
from explorer.scenario import Scenario
from explorer.sensitivity import tornados
from support.scenarios import scenarios
from ui.render.slides import EA_FONT, deck_bytes, write_slides
from ui.state.chart_input import standalone_input
from ui.state.comparison import Comparison

ROOT = Path(__file__).resolve().parents[3]
CAT = builtin_catalog()
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
NOW = dt.datetime(2026, 11, 20, 9, 30)


def deal_input(compare: bool = True):
    """The announced deal with its bands and tornado, compared with the expensive-energy preset as
    the window's comparison labels it (pinned: the baseline)."""
    deal = find_preset("openai-aws-deal").load()
    inp = standalone_input(deal, CAT)
    if not compare:
        return inp, None
    other = find_preset("expensive-energy").load()
    comparison = Comparison()
    comparison.pin(other)
    return inp.replace(overlays=comparison.overlays(deal, CAT)), other


def charts_of(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def series(chart) -> dict[str, list]:
    return {s.name: list(s.values) for s in chart.series}


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def text_of(slide) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def close(values, expected, rel=1e-9):
    got = np.array([np.nan if v is None else v for v in values], dtype=float)
    want = np.asarray(expected, dtype=float)
    assert got.shape == want.shape
    np.testing.assert_allclose(got, want, rtol=rel, atol=1e-12, equal_nan=True)


def months(chart) -> list[dt.date]:
    """A time chart's categories: Excel dates (days since 1899-12-30)."""
    return [dt.date(1899, 12, 30) + dt.timedelta(days=int(float(c))) for c in chart.plots[0].categories]


@pytest.fixture(scope="module")
def deal_deck(tmp_path_factory):
    inp, other = deal_input()
    path = write_slides(tmp_path_factory.mktemp("deck") / "deal.pptx", inp, now=NOW)
    return Presentation(str(path)), inp, other


def test_the_deal_deck_has_its_slides_in_order(deal_deck):
    prs, inp, other = deal_deck
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))  # 16:9
    titles = [slide.shapes.title.text_frame.text for slide in prs.slides]
    assert titles[:10] == [
        "OpenAI–AWS deal as announced (USD 38B, 7 years)", "Key figures", "Capacity by chip · BF16 peak",
        "Power and energy", "Unit economics · DeepSeek-R1, FP4, 50 tok/s per user",
        "Cost per token vs speed · DeepSeek-R1", "Cost per month · rented", "Cumulative cost vs contract",
        "Sensitivity · total cost", "Comparison"]
    assert titles[10:] and all(t.startswith("Assumptions and sources") for t in titles[10:])
    assert len(prs.slides) == 10 + len(titles[10:]) <= 13
    first = text_of(prs.slides[0])
    assert "2026-11-20" in first and "Announced (OpenAI and AWS, 3 November 2025)" in first
    assert prs.core_properties.title == inp.scenario.name


def test_every_chart_slide_has_native_charts_of_the_expected_types_and_notes(deal_deck):
    prs = deal_deck[0]
    expected = {2: [(AreaPlot, LinePlot)], 3: [(LinePlot,), (BarPlot,)], 4: [(AreaPlot, LinePlot)],
                5: [(XyPlot,)], 6: [(BarPlot, LinePlot)], 7: [(LinePlot,)], 8: [(BarPlot,)]}
    types = {2: [XL_CHART_TYPE.AREA_STACKED], 3: [XL_CHART_TYPE.LINE, XL_CHART_TYPE.COLUMN_CLUSTERED],
             4: [XL_CHART_TYPE.AREA_STACKED], 6: [XL_CHART_TYPE.COLUMN_STACKED], 7: [XL_CHART_TYPE.LINE],
             8: [XL_CHART_TYPE.BAR_CLUSTERED]}
    for k, plots in expected.items():
        charts = charts_of(prs.slides[k])
        assert [tuple(type(p) for p in chart.plots) for chart in charts] == plots, k
        if k in types:
            assert [chart.chart_type for chart in charts] == types[k], k
        for chart in charts:  # editable: each chart carries its data sheet (an embedded workbook)
            assert chart.part.chart_workbook.xlsx_part is not None
            assert all(len(list(s.values)) > 0 for s in chart.series)
        said = notes(prs.slides[k])
        assert said.startswith("What it shows") or len(said) > 200, k
        assert "Key assumptions: 200,000 accelerators (GB200 50%, GB300 50%) over 84 months" in said
        assert "Sources:" in said or "Sources of the ranges:" in said
    assert not any(charts_of(prs.slides[k]) for k in (0, 1, 9))


def test_the_time_charts_hold_the_projections_numbers_in_the_windows_units(deal_deck):
    prs, inp, other = deal_deck
    p, q = inp.projection, evaluate(other, CAT)
    bands = inp.bands.series
    gb200, gb300 = p.catalog.index("GB200"), p.catalog.index("GB300")
    capacity = charts_of(prs.slides[2])[0]
    got = series(capacity)
    assert list(got)[:5] == ["GB200", "GB300", "P10", "median", "P90"]
    assert capacity.value_axis.axis_title.text_frame.text == "EFLOP/s"
    close(got["GB200"], p.peak_flops_by_chip("bf16")[0][:, gb200] / 1e18)
    close(got["GB300"], p.peak_flops_by_chip("bf16")[0][:, gb300] / 1e18)
    close(got["P90"], bands["capacity"][4] / 1e18)
    baseline = f"Baseline: {other.name}"[:31] + "…"
    close(got[baseline], q.peak_flops("bf16")[0] / 1e18)  # the compared scenario, same months
    first = months(capacity)
    assert first[0] == dt.date(2025, 11, 1) and first[-1] == dt.date(2032, 10, 1) and len(first) == 84

    power, energy = charts_of(prs.slides[3])
    got = series(power)
    close(got["Facility, provisioned"], p.facility_mw[0])  # MW
    close(got["IT, provisioned"], p.it_mw[0])
    close(got["Facility, average draw"], p.facility_avg_mw[0])
    close(got["Facility, provisioned: median"], bands["facility_mw"][2])
    years, gwh = p.energy_by_year()
    assert list(energy.plots[0].categories) == [str(y) for y in years]
    assert energy.value_axis.axis_title.text_frame.text == "Energy, TWh per year"
    close(series(energy)["Energy per year"], gwh[0] / 1e3)

    economics = charts_of(prs.slides[4])[0]
    got = series(economics)
    parts = ["Accelerator capacity", "Energy", "Agent CPUs", "Support, storage services, other"]
    close(np.sum([got[name] for name in parts], axis=0), p.cost_per_million_tokens[0])  # stacked: the total
    share = float(p.params.serving_share[0])
    close(got["Energy"], p.cost["energy"][0] * share / p.tokens[0] * 1e6)

    cost = charts_of(prs.slides[6])[0]
    got = series(cost)
    assert cost.value_axis.axis_title.text_frame.text == "USD million per month"
    assert list(got)[:4] == ["Accelerator capacity", "Energy (embedded in rent)", "Agent CPUs",
                             "Support, storage services, other"]
    for name, part in zip(list(got)[:4], ("compute", "energy", "cpu", "other")):
        close(got[name], p.cost[part][0] / 1e6)
    close(got[baseline], q.cost_total[0] / 1e6)

    cumulative = charts_of(prs.slides[7])[0]
    got = series(cumulative)
    assert cumulative.value_axis.axis_title.text_frame.text == "USD billion"
    close(got["Cumulative cost"], p.cost_cumulative[0] / 1e9)
    close(got["Contract value"], np.full(84, 38.0))
    close(got["P10"], bands["cost_cumulative"][0] / 1e9)
    assert "exceeds the contract in Oct 2031" in text_of(prs.slides[7])
    assert "It exceeds the contract in Oct 2031." in notes(prs.slides[7])


def test_the_serving_and_tornado_charts_hold_the_models_numbers(deal_deck):
    prs, inp, _ = deal_deck
    p = inp.projection
    serving = charts_of(prs.slides[5])[0]
    plot = serving.plots[0]
    names = [s.name for s in plot.series]
    assert names == ["GB200", "GB300", "the fleet at its speed", "at the scenario's speed"]
    fleet = plot.series[2]
    assert list(fleet.values) == pytest.approx([p.summary()["cost_per_million_tokens_usd"]], rel=1e-12)
    per_hour, tps = p.cost_per_busy_gpu_hour_by_chip[0], p.tokens_per_second_by_chip[0]
    idx = [p.catalog.index("GB200"), p.catalog.index("GB300")]
    close(plot.series[3].values, per_hour[idx] / (tps[idx] * 3600.0) * 1e6)
    xml = serving._chartSpace
    assert len(xml.findall(f".//{C}logBase")) == 2  # both axes logarithmic, as in the app
    x = [float(v.text) for v in xml.findall(f".//{C}ser")[0].find(f"{C}xVal").iter(f"{C}v")]
    assert x[0] == pytest.approx(5.0) and x[-1] == pytest.approx(400.0)  # the window's speeds (12.5/4 … ×8)

    tornado = charts_of(prs.slides[8])[0]
    result = tornados(inp.scenario, CAT)["cost_total_usd"]
    bars = [b for b in result.bars if b.swing > 1e-9 * abs(result.base)][:14]
    assert list(tornado.plots[0].categories) == [b.label for b in reversed(bars)]  # the largest on top
    got = series(tornado)
    close(got["input at its low end"], [(b.at_low / result.base - 1) * 100 for b in reversed(bars)])
    close(got["input at its high end"], [(b.at_high / result.base - 1) * 100 for b in reversed(bars)])
    assert tornado.plots[0].overlap == 100
    assert "Chip price scale" in notes(prs.slides[8]) and "Sources of the ranges:" in notes(prs.slides[8])


def test_the_kpis_comparison_and_assumptions_slides(deal_deck):
    prs, inp, other = deal_deck
    kpis = text_of(prs.slides[1])
    summary, base = inp.projection.summary(), evaluate(other, CAT).summary()
    for key in CARDS:
        assert KPIS[key].format(summary[key]) in kpis
    assert "Total cost · 120% of contract" in kpis and kpis.count("P10–P90") >= 4
    assert "▼ 4.1% vs baseline (USD 47.5B)" in kpis and "= as baseline (200k)" in kpis
    assert "P10–P90: the range of each figure over 2,000 samples" in notes(prs.slides[1])
    table = [s for s in prs.slides[9].shapes if s.has_table][0].table
    assert table.cell(0, 1).text.startswith("Baseline: ") and table.cell(0, 2).text.startswith("Current: ")
    assert table.cell(1, 0).text == "Total cost over the term" and "(Δ −1.97B)" in table.cell(1, 2).text
    rest = "\n".join(text_of(s) for s in list(prs.slides)[10:])
    assert "Every assumption is at its default value" in rest and "Uncertainty ranges on 19 inputs" in rest
    assert "0.0806 USD/kWh" in rest and "EIA, average US industrial electricity price 2023" in rest
    assert "GB200" in rest and "catalog row, as of" in rest
    assert "EIA" in "\n".join(notes(s) for s in list(prs.slides)[10:])


def test_a_changed_assumption_is_listed_with_its_default_and_a_deck_without_ranges_or_comparison(tmp_path):
    scenario = Scenario(name="Cheap power", energy_price_usd_per_kwh=0.05, utilization=0.7, ranges={})
    prs = Presentation(str(write_slides(tmp_path / "d.pptx", standalone_input(scenario, CAT))))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert "Comparison" not in titles and not any(t.startswith("Sensitivity") for t in titles)  # nothing to draw
    rest = "\n".join(text_of(s) for s in prs.slides if s.shapes.title.text_frame.text.startswith("Assumptions"))
    assert "2 assumptions differ from their defaults" in rest
    assert "0.05 USD/kWh (default 0.0806)" in rest and "70% (default 80%)" in rest
    assert "P10–P90" not in text_of(prs.slides[1])


def test_a_chart_with_nothing_to_draw_says_why_instead_of_a_blank_chart(tmp_path):
    scenario = Scenario(serving_share=0.0, ranges={})
    prs = Presentation(str(write_slides(tmp_path / "d.pptx", standalone_input(scenario, CAT))))
    slide = [s for s in prs.slides if s.shapes.title.text_frame.text.startswith("Unit economics")][0]
    assert not charts_of(slide) and "No serving" in text_of(slide)


def test_money_is_in_the_currency_shown(tmp_path):
    set_currency(Currency("JPY"))
    try:
        inp, _ = deal_input(compare=False)
        prs = Presentation(str(write_slides(tmp_path / "yen.pptx", inp)))
    finally:
        set_currency(Currency())
    cost = charts_of(prs.slides[6])[0]
    assert cost.value_axis.axis_title.text_frame.text == "JPY billion per month"
    close(series(cost)["Agent CPUs"], inp.projection.cost["cpu"][0] * 153.67 / 1e9)
    assert "USD 1 = JPY 153.67 (2025-11-04)" in text_of(prs.slides[6])


def _series_fills(prs) -> list[str]:
    """The colours given to series (their shapes, lines and markers), from every chart's XML."""
    out = []
    for slide in prs.slides:
        for chart in charts_of(slide):
            for ser in chart._chartSpace.iter(f"{C}ser"):
                out += [c.get("val") for c in ser.iter(f"{A}srgbClr")]
    return out


def test_plain_leaves_the_series_colours_to_the_theme(tmp_path):
    inp, _ = deal_input()
    coloured = Presentation(str(write_slides(tmp_path / "app.pptx", inp)))
    plain = Presentation(str(write_slides(tmp_path / "plain.pptx", inp, plain=True)))
    assert {"59A14F", "8CD17D", "4E79A7", "F28E2B", "D81B60"} <= set(_series_fills(coloured))  # chips, parts, overlay
    assert _series_fills(plain) == []
    for slide in plain.slides:  # no solid fills of ours on a series: the theme's accents colour them
        for chart in charts_of(slide):
            for ser in chart._chartSpace.iter(f"{C}ser"):
                assert ser.find(f"{C}spPr/{A}solidFill") is None
    assert len(plain.slides) == len(coloured.slides)


def test_japanese_decks_name_an_east_asian_font_on_every_run(japanese, tmp_path):
    inp, _ = deal_input()
    prs = Presentation(str(write_slides(tmp_path / "ja.pptx", inp)))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles[0].startswith("OpenAI–AWS") and re.search("[\u3040-\u30ff\u4e00-\u9fff]", titles[0])
    assert titles[3] == "電力と電力量" and titles[2].startswith("チップ別計算能力")
    assert all(re.search("[\u3040-\u30ff\u4e00-\u9fff]", name) for name in series(charts_of(prs.slides[6])[0]))
    runs = 0
    for slide in prs.slides:
        roots = [slide._element] + [c._chartSpace for c in charts_of(slide)] + [slide.notes_slide._element]
        for root in roots:
            for run in root.iter(f"{A}r"):
                rpr = run.find(f"{A}rPr")
                assert rpr is not None and rpr.find(f"{A}ea").get("typeface") == EA_FONT
                assert rpr.get("lang") == "ja-JP"
                runs += 1
        for chart in charts_of(slide):  # the charts' own text (axes, legends) too
            assert {e.get("typeface") for e in chart._chartSpace.iter(f"{A}ea")} == {EA_FONT}
    assert runs > 100
    theme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode("utf-8")
    assert theme.count(f'<a:ea typeface="{EA_FONT}"') == 2  # the major and minor fonts


def test_an_english_deck_names_the_font_only_for_japanese_text(tmp_path):
    scenario = Scenario(name="日本向けの構成", ranges={})
    prs = Presentation(str(write_slides(tmp_path / "d.pptx", standalone_input(scenario, CAT))))
    title = prs.slides[0].shapes.title.text_frame.paragraphs[0].runs[0]
    assert title._r.find(f"{A}rPr/{A}ea").get("typeface") == EA_FONT
    second = prs.slides[1].shapes.title.text_frame.paragraphs[0].runs[0]  # 'Key figures'
    assert second._r.find(f"{A}rPr/{A}ea") is None


@hsettings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(scenarios())
@example(Scenario(gpu_count=1, term_months=1, start="2000-01", ramp_end="2000-01", contract_value_usd=5e-324))
@example(Scenario(name="<b>&amp; ‘quoted’ \"x\"</b>", description="A; b. " * 400, notes="line\n" * 200,
                  contract_value_usd=0.0, ranges={}))
def test_any_scenario_the_app_can_hold_makes_a_deck_without_blank_charts(s):
    prs = Presentation(io.BytesIO(deck_bytes(standalone_input(s, CAT))))
    assert len(prs.slides) >= 9
    for slide in prs.slides:
        for chart in charts_of(slide):  # never a blank chart: each holds some of the model's numbers
            values = [v for series in chart.series for v in series.values if v is not None]
            assert values and all(np.isfinite(values)), slide.shapes.title.text_frame.text


# ------------------------------------------------------------------------------------- bad targets
def _left(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_bad_targets_are_refused_clearly_and_leave_no_file(tmp_path):
    inp, _ = deal_input(compare=False)
    with pytest.raises(OutputError, match="the folder .* does not exist"):
        write_slides(tmp_path / "nope" / "deck.pptx", inp)
    (tmp_path / "folder.pptx").mkdir()
    with pytest.raises(OutputError, match="it is a folder"):
        write_slides(tmp_path / "folder.pptx", inp)
    with pytest.raises(OutputError, match="it is a folder"):
        write_slides(tmp_path, inp)
    with pytest.raises(OutputError, match="use a .pptx name"):
        write_slides(tmp_path / "deck.pdf", inp)
    locked = tmp_path / "locked.pptx"
    locked.write_bytes(b"old deck")
    locked.chmod(0o444)
    try:
        with pytest.raises(OutputError, match="read-only"):
            write_slides(locked, inp)
        assert locked.read_bytes() == b"old deck"
    finally:
        locked.chmod(0o644)
    assert _left(tmp_path) == {"folder.pptx", "locked.pptx"}


def test_an_unwritable_folder_and_a_file_held_open_elsewhere_change_nothing(tmp_path, monkeypatch):
    inp, _ = deal_input(compare=False)
    real_open, real_replace = files.os.open, files.os.replace

    def no_permission(path, *args, **kwargs):  # a folder we may not write in (root may: simulated)
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", no_permission)
    with pytest.raises(OutputError, match="no permission to write in"):
        write_slides(tmp_path / "deck.pptx", inp)
    monkeypatch.setattr(files.os, "open", real_open)
    assert _left(tmp_path) == set()

    held = tmp_path / "held.pptx"
    held.write_bytes(b"open in PowerPoint")

    def sharing_violation(src, dst):  # Windows: a file another program holds open cannot be replaced
        if Path(dst) == held:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_replace(src, dst)

    monkeypatch.setattr(files.os, "replace", sharing_violation)
    with pytest.raises(ExplorerError, match="cannot write .*held.pptx: Permission denied"):
        write_slides(held, inp)
    monkeypatch.setattr(files.os, "replace", real_replace)
    assert held.read_bytes() == b"open in PowerPoint" and _left(tmp_path) == {"held.pptx"}


# ------------------------------------------------------------------------------------- command line
def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, **(env or {})))


def test_the_slides_command_writes_a_deck_and_refuses_a_bad_target(tmp_path):
    out = tmp_path / "deck.pptx"
    result = _cli("slides", "openai-aws-deal", "--compare", "expensive-energy", "--plain", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out}"
    prs = Presentation(str(out))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert "Comparison" in titles and "Sensitivity · total cost" in titles
    assert _series_fills(prs) == []
    result = _cli("slides", "openai-aws-deal", "--out", str(tmp_path / "missing" / "deck.pptx"))
    assert result.returncode == 2 and "does not exist" in result.stderr
    result = _cli("slides", "openai-aws-deal", "--out", str(tmp_path))
    assert result.returncode == 2 and "it is a folder" in result.stderr
    assert _left(tmp_path) == {"deck.pptx"}


# ------------------------------------------------------------------------------------- the window
def test_file_export_slides_writes_what_the_window_shows(window, dialogs, tmp_path):
    window.compare.pin()
    dialogs.paths = [str(tmp_path / "deck")]
    window.actions["slides"].trigger()
    assert dialogs.suggested.endswith("-slides.pptx")
    prs = Presentation(str(tmp_path / "deck.pptx"))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert "Comparison" in titles and "Wrote" in window.status.text
    assert "= as baseline" in text_of(prs.slides[1])  # (the pinned scenario is the one shown)
    dialogs.paths = [str(tmp_path / "nope" / "deck.pptx")]
    assert not window.exports.export_slides_dialog()
    assert dialogs.errors[-1][0] == "Slides failed" and "does not exist" in dialogs.errors[-1][1]
    assert window.status.error and not (tmp_path / "nope").exists()
    assert window.exports.export_slides(tmp_path / "plain.pptx", plain=True)
    assert _series_fills(Presentation(str(tmp_path / "plain.pptx"))) == []
