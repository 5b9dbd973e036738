"""The one-page report (PDF): the scenario's KPIs and charts on page 1 (vector), its assumptions
with their public sources from page 2 on."""

from __future__ import annotations

import datetime as _dt
import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from explorer.errors import OutputError
from explorer.fields import FIELDS
from explorer.files import atomic_write
from explorer.formatting import percent, plain
from explorer.kpis import KPIS, REPORT
from explorer.model import Projection
from explorer.scenario import Scenario

from ..state.chart_input import ChartInput
from ..theme import LIGHT
from .images import ImageOptions, draw_recording, record_chart

REPORT_CHARTS = ("capacity", "power", "unit-economics", "cost", "cumulative")


def report_kpis(summary: dict) -> list[tuple[str, str]]:
    """The report's KPI boxes: (label, figure), the cost with its share of the contract."""
    out = []
    for key in REPORT:
        kpi = KPIS[key]
        label = kpi.label
        if key == "cost_total_usd" and summary.get("cost_vs_contract") is not None:
            label = f"Total cost · {percent(summary['cost_vs_contract'], 0)} of contract"
        out.append((label, kpi.format(summary.get(key))))
    return out


def _assumptions_html(scenario: Scenario, projection: Projection) -> str:
    rows = []
    for spec in FIELDS.values():
        if spec.group in ("Scenario", "Uncertainty"):
            continue
        value = getattr(scenario, spec.name)
        if hasattr(value, "items"):
            value = "; ".join(f"{k} {plain(v, 3)}" for k, v in value.items()) or "catalog"
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        elif isinstance(value, (int, float)):
            value = f"{value:,.0f}" if float(value).is_integer() else plain(value, 4)
        source = html.escape(spec.source or spec.help)
        rows.append(f"<tr><td>{html.escape(spec.label)}</td><td align='right'>{html.escape(str(value))}</td>"
                    f"<td>{html.escape(spec.unit)}</td><td>{'estimate' if spec.estimate else ''}</td>"
                    f"<td>{source}</td></tr>")
    chips = []
    for chip_id in scenario.chip_mix:
        c = projection.catalog[chip_id]
        chips.append(f"<tr><td>{html.escape(c.id)}</td><td>{html.escape(c.source)}</td>"
                     f"<td>{html.escape(c.power_source)}</td><td>{html.escape(c.price_source)}</td>"
                     f"<td>{html.escape(c.estimated.replace(';', ', ') or '–')}</td><td>{c.as_of}</td></tr>")
    style = ("<style>body{font-family:sans-serif;} table{border-collapse:collapse;} "
             "td,th{border-bottom:1px solid #ccc; padding:2px 4px; vertical-align:top;} "
             "th{background:#eee; text-align:left;}</style>")
    uncertainty = ""
    if scenario.ranges:
        lines = "".join(
            f"<tr><td>{html.escape(FIELDS[f].label)}</td><td align='right'>{html.escape(_range_value(lo))}</td>"
            f"<td align='right'>{html.escape(_range_value(hi))}</td><td>{html.escape(FIELDS[f].spread_source)}</td></tr>"
            for f, (lo, hi) in scenario.ranges.items())
        uncertainty = ("<h3>Uncertainty ranges (triangular, peaked at the value; "
                       f"{scenario.uncertainty_samples:,} samples, seed {scenario.uncertainty_seed})</h3>"
                       "<table width='100%' cellspacing='0'><tr><th>Input</th><th>Low</th><th>High</th>"
                       "<th>Source of the default range</th></tr>" + lines + "</table>")
    return (f"{style}<h3>Assumptions and sources</h3>"
            "<table width='100%' cellspacing='0'><tr><th>Assumption</th><th>Value</th><th>Unit</th><th></th>"
            "<th>Source</th></tr>" + "".join(rows) + "</table>"
            + uncertainty + "<h3>Chips in the mix (catalog rows)</h3><table width='100%' cellspacing='0'><tr><th>Chip</th>"
            "<th>Specs</th><th>Power</th><th>Prices</th><th>Estimated</th><th>As of</th></tr>"
            + "".join(chips) + "</table><p>Equations: docs/model.md. Figures are modelled from public sources "
            "and estimates; they are not a statement of either party's actual costs.</p>")


def _range_value(v) -> str:
    return v if isinstance(v, str) else plain(v, 4)


def write_report(path: str | Path, inp: ChartInput, extra_charts=None, now: _dt.datetime | None = None) -> Path:
    """The report of ``inp`` (its scenario, projection, bands and tornado): page 1 title, date, KPIs
    and the charts (vector); page 2 on, the assumptions with their sources. ``extra_charts`` are
    paint(painter, rect, options) callables added to page 1's grid."""
    if QApplication.instance() is None:
        raise RuntimeError("a QApplication is needed (ui.render.headless.ensure_app)")
    path = Path(path)
    scenario, projection = inp.scenario, inp.projection
    if path.suffix.lower() != ".pdf":
        raise OutputError(f"{path.name}: a report is a PDF file; use a .pdf name")
    now = now or _dt.datetime.now()
    summary = projection.summary()
    theme = LIGHT

    def write(tmp: Path) -> None:
        writer = QPdfWriter(str(tmp))
        writer.setCreator("Compute Scenario Explorer")
        writer.setTitle(f"Scenario report — {scenario.name}")
        writer.setResolution(150)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                         QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
        page = QRectF(0, 0, writer.width(), writer.height())
        dpi = writer.resolution()
        pt = dpi / 72.0
        # Record each chart right after laying it out (vector, as a QPicture), then place the
        # recordings: charts laid out side by side disturb each other's pending layouts.
        top = 26 * pt + 14 * pt + (28 * pt if scenario.description else 0) + 38 * pt + 8 * pt
        footer_h = 12 * pt
        names = list(REPORT_CHARTS) + (["tornado"] if scenario.ranges else [])
        cells = [(name, None) for name in names] + [(None, e) for e in (extra_charts or [])]
        rows = [cells[:3], cells[3:]]
        row_h = (page.height() - top - footer_h) / 2
        placed = []
        for r, row in enumerate(rows):
            cell_w = page.width() / max(len(row), 1)
            for c, (name, extra) in enumerate(row):
                target = QRectF(c * cell_w + 3 * pt, top + r * row_h + 3 * pt, cell_w - 6 * pt, row_h - 6 * pt)
                # laid out at 380 px high, so chart text stays legible at the printed size
                opts = ImageOptions(width=int(380 * target.width() / max(target.height(), 1)), height=380,
                                    theme=theme, scale=1.0)
                if name is not None:
                    placed.append((target, record_chart(name, inp, opts), None, opts))
                else:
                    placed.append((target, None, extra, opts))
        painter = QPainter(writer)
        if not painter.isActive():
            raise OutputError(f"cannot write {path}: the PDF writer could not start")

        def font(size: float, bold: bool = False) -> QFont:
            f = QFont()
            f.setPointSizeF(size)
            f.setBold(bold)
            return f

        y = 0.0
        painter.setPen(QColor(theme.foreground))
        painter.setFont(font(17, True))
        painter.drawText(QRectF(0, y, page.width(), 26 * pt), Qt.AlignmentFlag.AlignLeft, scenario.name)
        y += 26 * pt
        painter.setFont(font(8.5))
        painter.setPen(QColor(theme.muted))
        meta = (f"Compute Scenario Explorer report · {now:%Y-%m-%d %H:%M} · {scenario.term_months} months from "
                f"{scenario.start} · {scenario.pricing}"
                f"{' (energy passed through)' if scenario.pricing == 'rent' and scenario.energy_passthrough else ''}"
                f" · {scenario.gpu_count:,} accelerators: "
                + ", ".join(f"{c} {s:.0%}" for c, s in scenario.chip_mix.items()))
        painter.drawText(QRectF(0, y, page.width(), 14 * pt), Qt.AlignmentFlag.AlignLeft, meta)
        y += 14 * pt
        if scenario.description:
            desc_rect = QRectF(0, y, page.width(), 26 * pt)
            painter.drawText(desc_rect, Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, scenario.description)
            y += 28 * pt
        # KPI boxes
        kpis = report_kpis(summary)
        box_w = page.width() / len(kpis)
        box_h = 38 * pt
        for i, (label, value) in enumerate(kpis):
            r = QRectF(i * box_w + 2 * pt, y, box_w - 4 * pt, box_h)
            painter.setPen(QColor("#D0D7DE"))
            painter.setBrush(QColor("#F6F8FA"))
            painter.drawRoundedRect(r, 4 * pt, 4 * pt)
            painter.setPen(QColor(theme.muted))
            painter.setFont(font(7.5))
            painter.drawText(r.adjusted(6 * pt, 4 * pt, -4 * pt, 0), Qt.AlignmentFlag.AlignLeft, label)
            painter.setPen(QColor(theme.foreground))
            painter.setFont(font(12, True))
            painter.drawText(r.adjusted(6 * pt, 16 * pt, -4 * pt, 0), Qt.AlignmentFlag.AlignLeft, value)
        y += box_h + 8 * pt
        for target, picture, extra, opts in placed:
            if picture is not None:
                draw_recording(painter, picture, target)
            else:
                extra(painter, target, opts)
        painter.setPen(QColor(theme.muted))
        painter.setFont(font(7))
        painter.drawText(QRectF(0, page.height() - footer_h, page.width(), footer_h), Qt.AlignmentFlag.AlignLeft,
                         "Modelled from public sources and marked estimates; every assumption and its source is on "
                         "the next page. Equations: docs/model.md.")
        # Page 2+: assumptions with sources
        writer.newPage()
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)  # lay text out at the PDF's resolution
        doc.setDefaultFont(font(7))
        doc.setHtml(_assumptions_html(scenario, projection))
        doc.setPageSize(QSizeF(page.width(), page.height()))
        doc.setDocumentMargin(0)
        for p in range(doc.pageCount()):  # the document paginates itself: no line is cut between pages
            if p:
                writer.newPage()
            painter.save()
            painter.translate(0, -p * page.height())
            doc.drawContents(painter, QRectF(0, p * page.height(), page.width(), page.height()))
            painter.restore()
        painter.end()

    atomic_write(path, write)
    return path
