"""A portfolio's pictures and report made outside the window (``render`` and ``report`` of a portfolio):
the window's chart classes laid out as pictures, what they draw against the portfolio's own sums, text
that fits the picture, the report's pages and sources, and bad input on the command line."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from pypdf import PdfReader

from explorer import formatting as fmt
from explorer.catalog import builtin_catalog
from explorer.errors import OutputError
from explorer.portfolio import PortfolioCache, list_portfolios, resolve_portfolio
from ui.portfolio.charts import CHART_NAMES, PortfolioView, StackedChart, YearlyChart
from ui.render.images import ImageOptions
from ui.render.portfolio import (build_portfolio_chart, evaluated, export_portfolio_all, render_portfolio_bytes,
                                 write_portfolio_report)

ROOT = Path(__file__).resolve().parents[3]
CAT = builtin_catalog()
SHIPPED = [p.key for p in list_portfolios()]
SIZES = [(1920, 1080), (1366, 768)]


def squash(text: str) -> str:
    """PDF text without whitespace (Qt writes word gaps as tabs, and spaced letters in titles) and with
    its ligatures as letters ('ﬁ' in 'Herﬁndahl')."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def view_of(key: str, **options) -> PortfolioView:
    return evaluated(resolve_portfolio(key, CAT), CAT, **options)


@pytest.fixture(scope="module")
def openai():
    return view_of("openai-2025")


def _svg_text(svg: bytes) -> str:
    return " ".join(t for el in ET.fromstring(svg).iter() for t in (el.text,) if t and t.strip())


def test_the_shipped_portfolios_are_there():
    assert "openai-2025" in SHIPPED


@pytest.mark.parametrize("key", SHIPPED)
@pytest.mark.parametrize("name", CHART_NAMES)
def test_every_shipped_portfolio_renders_every_chart(qapp, key, name):
    view = view_of(key)
    png = render_portfolio_bytes("png", name, view, ImageOptions(width=1366, height=768))
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (1366, 768)
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)  # (kept while its memory is read: a converted
    arr = np.frombuffer(rgba.constBits(), dtype=np.uint8).reshape(768, -1, 4)[:, :1366].copy()  # image freed crashed)
    assert np.any(arr != arr[0, 0], axis=2).mean() > 0.08, "next to nothing drawn"
    # the SVG's legend (and title) are text: every member switched on is named in it
    svg = render_portfolio_bytes("svg", name, view, ImageOptions(width=1366, height=768))
    text = _svg_text(svg)
    assert all(label in text for label in view.projection.labels), text
    # drawn by an SVG renderer, the data spreads over the plot (pyqtgraph's SVG export can collapse x)
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    drawn = QImage(1366, 768, QImage.Format.Format_ARGB32)
    drawn.fill(0xFFFFFFFF)
    painter = QPainter(drawn)
    QSvgRenderer(svg).render(painter)
    painter.end()
    rgb = np.frombuffer(drawn.constBits(), dtype=np.uint8).reshape(768, -1, 4)[:, :1366, :3].astype(int)
    coloured = np.argwhere(np.ptp(rgb, axis=2) > 60)  # the members' colours, not the grey text and grid
    assert np.ptp(coloured[:, 1]) > 0.8 * 1366, name
    assert ET.fromstring(render_portfolio_bytes("svg", name, view, ImageOptions(width=800, height=450))
                         ).attrib["width"] == "800"


def test_a_pdf_picture_is_one_page_of_the_pictures_shape(qapp, openai):
    from io import BytesIO

    reader = PdfReader(BytesIO(render_portfolio_bytes("pdf", "power", openai, ImageOptions(width=1920, height=1080))))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) / float(box.height) == pytest.approx(16 / 9, rel=0.01)
    assert "Provisionedpower" in squash(reader.pages[0].extract_text())


def test_the_stacked_top_of_each_chart_is_the_portfolios_total(qapp, openai):
    """Read from the chart's items: the last stacked line of the cost chart, times its unit, is the
    portfolio's total cost month by month; the yearly bars' tops are the yearly commitments."""
    p = openai.projection
    per_billion = 1e9 / fmt.currency().factor
    options = ImageOptions(width=1920, height=1080)
    cost = build_portfolio_chart("cost", openai, options)
    path = cost.layers.paths()[0][-1]  # the top band: along its upper edge, then back along the one below
    x = np.array([q.x() for q in path.toSubpathPolygons()[0]])[:len(p.month_indices)]
    top = cost.layers.drawn[f"{cost.keys[-1]} edge"]  # its edge line
    np.testing.assert_allclose(x, p.month_indices / 12.0)
    np.testing.assert_allclose(top * per_billion, p.total("cost"), rtol=1e-12)
    assert cost.item_count == len(p.labels) == 7
    cumulative = build_portfolio_chart("cumulative", openai, options)
    top = cumulative.layers.drawn[f"{cumulative.keys[-1]} edge"]
    assert top[-1] * per_billion == pytest.approx(p.totals["cost_total_usd"])
    power = build_portfolio_chart("power", openai, options)
    top = power.layers.drawn[f"{power.keys[-1]} edge"]
    assert top.max() * 1e3 == pytest.approx(p.totals["facility_power_peak_mw"])
    yearly = build_portfolio_chart("yearly", openai, options)
    years, by_member = p.yearly_commitments()
    last = yearly.bars.groups()[-1]
    np.testing.assert_array_equal(last["x"], years)
    np.testing.assert_allclose((np.asarray(last["y0"]) + np.asarray(last["height"])) * per_billion,
                               by_member.sum(axis=0), rtol=1e-12)
    for chart in (cost, cumulative, power, yearly):
        chart.deleteLater()


def test_stacking_by_provider_or_family_keeps_the_total(qapp):
    for by, keys in (("provider", 7), ("family", 3)):
        view = view_of("openai-2025", stack_by=by)
        chart = build_portfolio_chart("accelerators", view, ImageOptions(width=1366, height=768))
        assert chart.item_count == keys
        np.testing.assert_allclose(chart.layers.drawn[f"{chart.keys[-1]} edge"] * 1e6, view.projection.total("gpus"), rtol=1e-12)
        if by == "family":
            assert "Custom silicon" in chart.legend_item.text and "stacked by chip family" in chart.title_item.text
        chart.deleteLater()


def test_the_revenue_line_is_drawn_and_named(qapp):
    view = view_of("openai-2025", revenue_usd=13.5e9)
    chart = build_portfolio_chart("yearly", view, ImageOptions(width=1920, height=1080))
    assert chart.revenue.isVisible() and chart.revenue.value() == pytest.approx(13.5)
    assert "Revenue: USD 13.5B per year" in chart.legend_item.text
    chart.deleteLater()
    plain = build_portfolio_chart("yearly", view_of("openai-2025"), ImageOptions(width=1920, height=1080))
    assert not plain.revenue.isVisible() and "Revenue" not in plain.legend_item.text
    plain.deleteLater()


def _tick_labels_fit(chart) -> None:
    """Every major tick label of the value axis and every year of the time axis is drawn, inside its
    axis (pyqtgraph drops a label that would cross the axis's edge: a too-narrow axis loses its labels)."""
    from PySide6.QtGui import QPainter

    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        (x0, x1), (y0, y1) = chart.plot.vb.viewRange()
        for side in ("left", "bottom"):
            axis = chart.plot.getAxis(side)
            _, _, texts = axis.generateDrawSpecs(painter)
            drawn = {text for _, _, text in texts}
            if side == "left":
                spacing, values = axis.tickValues(y0, y1, chart.plot.vb.height())[0]
                expected = set(axis.tickStrings([v for v in values if y0 <= v <= y1], 1.0, spacing))
            else:
                expected = {text for value, text in axis._tickLevels[0] if x0 <= value <= x1}
            assert expected and expected <= drawn, (side, sorted(expected - drawn))
            inside = axis.mapRectFromParent(axis.geometry())  # across the axis's depth (along it, an end label
            for rect, _, text in texts:                         # may overhang, inside the picture)
                if side == "left":
                    assert rect.left() >= inside.left() - 0.5, (text, rect, inside)
                else:
                    assert rect.bottom() <= inside.bottom() + 0.5, (text, rect, inside)
    finally:
        painter.end()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_titles_legends_and_axes_fit_the_picture(qapp, size, language, request):
    if language == "ja":
        request.getfixturevalue("japanese")
    view = view_of("openai-2025", revenue_usd=13e9)
    for name in CHART_NAMES:
        chart = build_portfolio_chart(name, view, ImageOptions(width=size[0], height=size[1]))
        scene = chart.view.ci.geometry()
        for item in (chart.title_item, chart.legend_item, chart.plot):
            box = item.sceneBoundingRect()
            assert scene.contains(box), (name, item, box, scene)
        # nothing elided or left out: the whole title, every legend entry
        assert "…" not in chart.title_item.text and "more" not in chart.legend_item.text
        assert all(label in chart.legend_item.text for label in view.projection.labels)
        assert chart.legend_item.sceneBoundingRect().top() >= chart.plot.sceneBoundingRect().bottom() - 1
        _tick_labels_fit(chart)
        chart.deleteLater()


def test_the_window_and_the_pictures_share_one_pipeline():
    """The command line draws with the window's chart classes, not copies of them."""
    from ui.portfolio import window

    assert window.StackedChart is StackedChart and window.YearlyChart is YearlyChart


def test_every_chart_into_a_folder_all_or_nothing(qapp, openai, tmp_path):
    written = export_portfolio_all(tmp_path, openai, ImageOptions(width=640, height=360), fmt_="svg", stem="deals")
    assert sorted(p.name for p in written) == sorted(f"deals-{n}.svg" for n in CHART_NAMES)
    blocked = tmp_path / "again"
    blocked.mkdir()
    (blocked / "deals-cost.png").mkdir()  # a folder where the third picture would go
    with pytest.raises(OutputError, match="it is a folder"):
        export_portfolio_all(blocked, openai, ImageOptions(width=320, height=180), fmt_="png", stem="deals")
    assert [p.name for p in blocked.iterdir()] == ["deals-cost.png"]
    with pytest.raises(OutputError, match="unknown portfolio chart 'capacity'; portfolio charts: accelerators"):
        render_portfolio_bytes("png", "capacity", openai, ImageOptions())


# ------------------------------------------------------------------------------------------ report
@pytest.fixture(scope="module")
def report(qapp, tmp_path_factory):
    cache = PortfolioCache()
    view = evaluated(resolve_portfolio("openai-2025", CAT), CAT, cache=cache)
    path = write_portfolio_report(tmp_path_factory.mktemp("report") / "openai.pdf", view, CAT, cache)
    return view, PdfReader(path)


def test_the_report_is_a_summary_page_then_members_and_sources(report):
    view, reader = report
    # page 1 the summary; the members table, the notes and the sources fill two more pages
    assert len(reader.pages) == 3
    first = squash(reader.pages[0].extract_text())
    for text in ("OpenAI compute commitments (announced, 2025)", "7 of 7 members switched on",
                 "Provisioned power at the peak", "34.5 GW", "Total commitments", "USD 1.22T",
                 "Herfindahl–Hirschman index (HHI)", "2,080", "NVIDIA: 32.0%", "76.3% of cost",
                 # each figure's one-line explanation is on the page with it
                 "10,000 is a single provider", "whoever provides them",
                 "Accelerators installed", "Cost per month", "Cumulative commitments", "Commitments per calendar year"):
        assert squash(text) in first, text


def test_the_report_lists_every_member_and_every_source(report):
    view, reader = report
    rest = squash(" ".join(page.extract_text() for page in reader.pages[1:]))
    assert rest.startswith(squash("Members, notes and sources"))
    for member in view.portfolio.members:
        assert squash(member.label) in rest
        assert squash(member.scenario.name) in rest, member.label  # the member's scenario ...
        assert squash(member.scenario.description[:60]) in rest, member.label  # ... and what it rests on
        assert squash(f"preset '{member.reference}'") in rest
    for source in view.portfolio.sources:  # the portfolio file's own sources (the text extracted from two
        # columns interleaves them where a page breaks: each is checked by its start and its end)
        assert squash(source[:50]) in rest and squash(source[-50:]) in rest, source[:40]
    assert squash(view.portfolio.notes[:200]) in rest  # the notes in full after page 1's two lines
    for row in ("AWSAWSonNov202584monthsGB20050%,GB30050%606MW200kUSD45.5B3.7%",
                "NVIDIANVIDIAonJul202672monthsVR200100%10.0GW4.41MUSD391B32.0%"):
        assert row in rest, row


def test_a_switched_off_member_stays_in_the_table_without_a_share(qapp, tmp_path):
    portfolio = resolve_portfolio("openai-2025", CAT).toggled("NVIDIA")
    reader = PdfReader(write_portfolio_report(tmp_path / "r.pdf", evaluated(portfolio, CAT), CAT))
    assert "6of7membersswitchedon" in squash(reader.pages[0].extract_text())
    rest = squash(" ".join(page.extract_text() for page in reader.pages[1:]))
    assert "NVIDIANVIDIAoffJul202672monthsVR200100%10.0GW4.41MUSD391B–" in rest


SYSTEM_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")


@pytest.mark.skipif(not SYSTEM_CJK.exists(), reason="needs the full Noto Sans CJK (Debian's fonts-noto-cjk)")
def test_a_japanese_report_reads_as_kanji_beside_the_full_noto_sans_cjk(qapp, japanese, tmp_path):
    from PySide6.QtGui import QFontDatabase

    # The full font has the shipped one's family name and maps the Kangxi radicals to the kanji's
    # glyphs: a PDF drawn in it names its glyphs by the radicals (⽉ for 月), in what is copied or searched.
    font = QFontDatabase.addApplicationFont(str(SYSTEM_CJK))
    try:
        view = evaluated(resolve_portfolio("openai-2025", CAT), CAT)
        text = PdfReader(write_portfolio_report(tmp_path / "ja.pdf", view, CAT)).pages[0].extract_text()
    finally:
        QFontDatabase.removeApplicationFont(font)
    radicals = sorted({c for c in text if 0x2F00 <= ord(c) <= 0x2FDF})
    assert radicals == [] and "月" in text and "力" in text


def test_the_report_in_japanese_uses_the_shipped_font(qapp, japanese, tmp_path):
    view = evaluated(resolve_portfolio("openai-2025", CAT), CAT)
    reader = PdfReader(write_portfolio_report(tmp_path / "ja.pdf", view, CAT))
    first = squash(reader.pages[0].extract_text())
    assert "コミットメント総額" in first and "ハーフィンダール" in first and "暦年ごとのコミットメント" in first
    fonts = {f.get_object()["/BaseFont"] for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("NotoSansCJKjp" in str(name) for name in fonts), fonts
    assert "構成案件・メモ・出典" in squash(reader.pages[1].extract_text())


# ------------------------------------------------------------------------------------ command line
def _cli(*args):
    return subprocess.run([sys.executable, "-m", "ui.launcher", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_render_and_report_take_a_shipped_portfolio_by_name(tmp_path):
    out = tmp_path / "yearly.png"
    result = _cli("render", "openai-2025", "--chart", "yearly", "--out", str(out), "--size", "1366x768",
                  "--stack-by", "provider", "--revenue", "13.5B")
    assert result.returncode == 0, result.stderr
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1366, 768)
    result = _cli("report", "openai-2025", "--out", str(tmp_path / "r.pdf"))
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(tmp_path / "r.pdf").pages) == 3


def test_render_lists_a_portfolios_charts():
    result = _cli("render", "openai-2025", "--list")
    assert result.returncode == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(CHART_NAMES)
    result = _cli("render", "--list")  # the scenario charts, and a note of the portfolio's
    assert result.returncode == 0 and "tornado" in result.stdout
    assert "A portfolio FILE has its own charts: accelerators, power, cost, cumulative, yearly" in result.stdout


def test_bad_input_is_one_clear_message_and_no_file(tmp_path):
    broken = tmp_path / "deals.json"
    broken.write_text('{"schema_version": 1, "members": [{"label": "AWS", "provider": "AWS", "preset": '
                      '"openai-aws-deal"}, {"label": "Mine", "provider": "Amazon", "preset": "openai-aws-deal"}]}',
                      encoding="utf-8")
    cases = [
        (("render", str(broken), "--chart", "cost", "--out", str(tmp_path / "a.png")),
         "deals.json: member 'Mine': 'provider' = 'Amazon' is not a known provider"),
        (("report", str(broken), "--out", str(tmp_path / "a.pdf")), "member 'Mine'"),
        (("render", "openai-2025", "--chart", "capacity", "--out", str(tmp_path / "a.png")),
         "unknown chart 'capacity'; a portfolio's charts: accelerators, power, cost, cumulative, yearly, or 'all'"),
        (("render", "openai-2025", "--chart", "cost", "--out", str(tmp_path / "no" / "a.png")),
         f"cannot write {tmp_path / 'no' / 'a.png'}: the folder {tmp_path / 'no'} does not exist"),
        (("report", "openai-2025", "--out", str(tmp_path / "no" / "a.pdf")), "the folder"),
        (("render", "openai-aws-deal", "--chart", "cost", "--out", str(tmp_path / "a.png"), "--stack-by", "family"),
         "--stack-by is for a portfolio; openai-aws-deal is a scenario"),
        (("render", "openai-2025", "--chart", "cost", "--out", str(tmp_path / "a.png"), "--revenue=-1B"),
         "--revenue must be between 0 and 1,000,000 USD billions per year"),
    ]
    for args, expect in cases:
        result = _cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.startswith("scenario-explorer: error: ") and expect in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["deals.json"]  # nothing written, no folder made
