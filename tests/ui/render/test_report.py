"""The one-page report: title, KPIs from the catalogue, the charts, and the assumptions with sources."""

from __future__ import annotations

import re

from pypdf import PdfReader

from explorer.catalog import builtin_catalog
from explorer.kpis import KPIS, REPORT
from explorer.model import evaluate
from explorer.presets import find_preset
from explorer.scenario import Scenario
from ui.render.report import report_kpis, write_report
from ui.state.chart_input import standalone_input

CAT = builtin_catalog()


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_report_has_title_kpis_charts_and_sourced_assumptions(qapp, tmp_path):
    scenario = find_preset("agent-heavy").load()
    path = write_report(tmp_path / "r.pdf", standalone_input(scenario, CAT))
    reader = PdfReader(path)
    assert len(reader.pages) >= 2
    first = squash(reader.pages[0].extract_text())
    for text in (scenario.name, "Total cost", "Cost per million output tokens", "Capacity by chip",
                 "Power and energy", "Cumulative cost", "Sensitivity"):
        assert squash(text) in first, text
    rest = squash("".join(page.extract_text() for page in reader.pages[1:]))
    assert "Assumptionsandsources" in rest and "EIA" in rest and "SemiAnalysis" in rest
    assert "Uncertaintyranges" in rest and "2,000samples" in rest


def test_the_report_kpis_come_from_the_catalogue():
    summary = evaluate(Scenario(), CAT).summary()
    rows = report_kpis(summary)
    assert [label for label, _ in rows][1:] == [KPIS[k].label for k in REPORT][1:]
    assert rows[0] == ("Total cost · 120% of contract", "USD 45.5B")
    assert dict(rows)["Facility power, provisioned"] == "606 MW"
