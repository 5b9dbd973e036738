"""The one-page report: page 1 title, KPIs with P10-P90, a comparison as a table, the charts; then
a titled appendix with the assumptions as the window shows them and their sources."""

from __future__ import annotations

import re

from pypdf import PdfReader

from explorer.catalog import builtin_catalog
from explorer.kpis import KPIS, REPORT
from explorer.model import evaluate
from explorer.presets import find_preset
from explorer.scenario import Scenario
from ui.render.report import report_kpis, shown_value, write_report
from ui.state.chart_input import Overlay, standalone_input

CAT = builtin_catalog()


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_page_one_has_the_title_kpis_ranges_and_charts_and_the_appendix_the_sources(qapp, tmp_path):
    scenario = find_preset("agent-heavy").load().replace(notes="Checked against the 10-K, page 41.")
    path = write_report(tmp_path / "r.pdf", standalone_input(scenario, CAT))
    reader = PdfReader(path)
    first = squash(reader.pages[0].extract_text())
    for text in (scenario.name, "Total cost", "Cost per million output tokens", "P10–P90", "Capacity by chip",
                 "Power and energy", "Cumulative cost", "Sensitivity"):
        assert squash(text) in first, text
    rest = squash("".join(page.extract_text() for page in reader.pages[1:]))
    assert rest.startswith("Appendix:assumptionsandtheirsources")
    assert "Checkedagainstthe10-K" in rest  # the notes travel with the report
    assert "EIA" in rest and "SemiAnalysis" in rest and "Uncertaintyranges" in rest and "2,000samples" in rest
    assert "80%" in rest and "0.8000" not in rest  # units as on screen


def test_an_active_comparison_is_a_table_on_page_one(qapp, tmp_path):
    other = Scenario(name="Cheaper power", energy_price_usd_per_kwh=0.05)
    inp = standalone_input(Scenario(), CAT).replace(
        overlays=(Overlay("Baseline: Cheaper power", "#D81B60", evaluate(other, CAT), 0),))
    first = squash(PdfReader(write_report(tmp_path / "c.pdf", inp)).pages[0].extract_text())
    assert "Baseline:Cheaperpower" in first and "Current:" in first and "Δ" in first


def test_the_appendix_never_ends_on_an_orphan_page(qapp, tmp_path):
    for key in ("openai-aws-deal", "owned-fleet", "agent-heavy"):
        reader = PdfReader(write_report(tmp_path / f"{key}.pdf", standalone_input(find_preset(key).load(), CAT)))
        last = reader.pages[-1].extract_text()
        assert len(reader.pages) <= 4 and len(last.splitlines()) > 5, key


def test_the_report_kpis_come_from_the_catalogue_with_their_ranges():
    s = Scenario()
    summary = evaluate(s, CAT).summary()
    rows = report_kpis(summary)
    assert [label for label, _, _ in rows][1:] == [KPIS[k].label for k in REPORT][1:]
    assert rows[0][:2] == ("Total cost · 120% of contract", "USD 45.5B")
    from explorer.uncertainty import compute_bands

    ranged = dict((label, spread) for label, _, spread in report_kpis(summary, compute_bands(s, CAT, samples=400)))
    assert ranged["Facility power, provisioned"].startswith("P10–P90 ") and " MW" in ranged["Facility power, provisioned"]


def test_values_read_as_on_screen():
    assert shown_value("utilization", 0.8) == "80%" and shown_value("start", "2025-11") == "Nov 2025"
    assert shown_value("term_months", 84) == "84" and shown_value("gpu_count", 200_000) == "200,000"
    assert shown_value("chip_mix", {"GB200": 0.5, "GB300": 0.5}) == "GB200 50%, GB300 50%"
    assert shown_value("facility_power_mw", None) == "not set" and shown_value("locked_chips", ()) == "none"
