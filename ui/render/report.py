"""The one-page report (PDF). Page 1: the scenario's name, what it is, its KPIs (with P10-P90 when it
has ranges), an active comparison as a table, and the charts (vector). Then an appendix, titled as
one, with the notes, every assumption as the window shows it (80.0%, Nov 2025, USD 38B) with its
public source, the uncertainty ranges and the chips' catalog rows; its type is set so that the last
page is never an orphan of a few lines."""

from __future__ import annotations

import datetime as _dt
import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from explorer.compare import comparison_rows
from explorer.errors import OutputError
from explorer.fields import FIELDS
from explorer.files import atomic_write_bytes, check_writable_target
from explorer.formatting import currency, percent, trimmed
from explorer.i18n import QT_TR_NOOP, tr
from explorer.kpis import KPIS, REPORT, unit_word
from explorer.model import Projection
from explorer.scenario import Scenario

from ..state.chart_input import ChartInput
from ..theme import LIGHT
from ..widgets.tooltips import shown_source
from .images import ImageOptions, draw_recording, record_chart

REPORT_CHARTS = ("capacity", "power", "unit-economics", "cost", "cumulative")
FOOTER = QT_TR_NOOP("Modelled from public sources and marked estimates; every assumption and its source is in the "
                    "appendix. Equations and sources: the app's Help ▸ Model and sources (docs/model.md).")


def report_kpis(summary: dict, bands=None) -> list[tuple[str, str, str]]:
    """The report's KPI boxes: (label, figure, P10-P90 line or ''), the cost with its share of the
    contract."""
    out = []
    for key in REPORT:
        kpi = KPIS[key]
        label = tr(kpi.label)
        if key == "cost_total_usd" and summary.get("cost_vs_contract") is not None:
            label = tr("Total cost · {share} of contract").format(share=percent(summary['cost_vs_contract'], 0))
        spread = ""
        if bands is not None and key in bands.kpis:
            p10, p90 = float(bands.kpis[key][0]), float(bands.kpis[key][4])
            if abs(p90 - p10) > 1e-3 * max(abs(p10), abs(p90), 1e-300):
                spread = f"P10–P90 {kpi.format_bare(p10)} – {kpi.format_bare(p90)}"
        out.append((label, kpi.format(summary.get(key)), spread))
    return out


def shown_value(name: str, value) -> str:
    """A scenario value as the window shows it: '80%', 'Nov 2025', '200,000', 'GB200 50%, GB300 50%'."""
    spec = FIELDS[name]
    if spec.kind == "mix":
        return ", ".join(f"{chip} {percent(share, 0)}" for chip, share in value.items())
    if spec.kind == "price_map":
        return ", ".join(f"{chip} {trimmed(v, 4)}" for chip, v in value.items()) or tr("catalog prices")
    if spec.kind == "chips":
        return ", ".join(value) or tr("none", "no chips")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, (int, float)) and not spec.is_share and spec.kind != "month":
        return f"{value:,.0f}" if float(value).is_integer() and abs(value) >= 100 else trimmed(value, 4)
    return spec.shown(value)


def _unit(name: str) -> str:
    spec = FIELDS[name]
    return "" if spec.is_share or spec.kind in ("mix", "chips", "month") or not spec.unit else unit_word(spec.unit)


def _text(text: str) -> str:
    """Text for the report's HTML (quotes stay as they are: only &, < and > are markup)."""
    return html.escape(text, quote=False)


def _assumptions_html(scenario: Scenario, projection: Projection) -> str:
    rows = []
    for spec in FIELDS.values():
        if spec.group in ("Scenario", "Uncertainty"):
            continue
        value = shown_value(spec.name, getattr(scenario, spec.name))
        source = html.escape(shown_source(spec.source) if spec.source else tr(spec.help))
        estimate = tr("estimate") if spec.estimate else ""
        rows.append(f"<tr><td>{html.escape(tr(spec.label))}</td><td align='right'>{html.escape(value)}</td>"
                    f"<td>{html.escape(_unit(spec.name))}</td><td>{estimate}</td>"
                    f"<td>{source}</td></tr>")
    chips = []
    for chip_id in scenario.chip_mix:
        c = projection.catalog[chip_id]
        chips.append(f"<tr><td>{html.escape(c.id)}</td><td>{html.escape(shown_source(c.source))}</td>"
                     f"<td>{html.escape(shown_source(c.power_source))}</td>"
                     f"<td>{html.escape(shown_source(c.price_source))}</td>"
                     f"<td>{html.escape(c.estimated.replace(';', ', ') or '–')}</td><td>{c.as_of}</td></tr>")
    style = ("<style>body{font-family:sans-serif;} table{border-collapse:collapse;} "
             "td,th{border-bottom:1px solid #ccc; padding:2px 4px; vertical-align:top;} "
             "th{background:#eee; text-align:left;}</style>")
    def heads(*names: str) -> str:  # a table's header row (names already translated)
        return "<tr>" + "".join(f"<th>{_text(n)}</th>" for n in names) + "</tr>"

    notes = ("<h3>" + _text(tr("Notes")) + f"</h3><p>{html.escape(scenario.notes).replace(chr(10), '<br>')}</p>"
             if scenario.notes.strip() else "")
    uncertainty = ""
    if scenario.ranges:
        lines = "".join(
            f"<tr><td>{html.escape(tr(FIELDS[f].label))}</td><td align='right'>{html.escape(shown_value(f, lo))}</td>"
            f"<td align='right'>{html.escape(shown_value(f, hi))}</td>"
            f"<td>{html.escape(shown_source(FIELDS[f].spread_source))}</td></tr>"
            for f, (lo, hi) in scenario.ranges.items())
        title = tr("Uncertainty ranges (triangular, peaked at the value; {samples} samples, seed {seed})").format(
            samples=f"{scenario.uncertainty_samples:,}", seed=scenario.uncertainty_seed)
        uncertainty = (f"<h3>{_text(title)}</h3><table width='100%' cellspacing='0'>"
                       + heads(tr("Input"), tr("Low"), tr("High"), tr("Source of the default range"))
                       + lines + "</table>")
    return (style + "<h2>" + _text(tr("Appendix: assumptions and their sources")) + "</h2>"
            f"<p>{html.escape(scenario.name)}</p>{notes}<h3>" + _text(tr("Assumptions")) + "</h3>"
            "<table width='100%' cellspacing='0'>"
            + heads(tr("Assumption"), tr("Value"), tr("Unit"), "", tr("Source")) + "".join(rows) + "</table>"
            + uncertainty + "<h3>" + _text(tr("Chips in the mix (catalog rows)")) + "</h3>"
            "<table width='100%' cellspacing='0'>"
            + heads(tr("Chip"), tr("Specs"), tr("Power"), tr("Prices"), tr("Estimated"), tr("As of"))
            + "".join(chips) + "</table><p>"
            + _text(tr("Equations and sources: the app's Help ▸ Model and sources (docs/model.md). Figures "
                             "are modelled from public sources and estimates; they are not a statement of either "
                             "party's actual costs.")) + "</p>")


def _comparison_html(inp: ChartInput) -> str:
    """The comparison as a table: each compared KPI per scenario, the baseline first."""
    named = [(o.label, o.projection.summary()) for o in inp.overlays] + \
        [(tr("Current: {name}").format(name=inp.scenario.name), inp.projection.summary())]
    rows = comparison_rows([s for _, s in named])
    head = "".join(f"<th>{html.escape(label)}</th>" for label, _ in named)
    body = []
    for r in rows:
        kpi = KPIS[r.key]
        cells = []
        for c, value in enumerate(r.values):
            text = kpi.format(value)
            if c > 0 and r.deltas[c] is not None and r.values[0] is not None:
                text += f" (Δ {kpi.delta(value, r.values[0])})"
            cells.append(f"<td>{html.escape(text)}</td>")
        body.append(f"<tr><td>{html.escape(tr(r.label))}</td>{''.join(cells)}</tr>")
    return ("<style>table{border-collapse:collapse;} td,th{border-bottom:1px solid #ccc; padding:1px 4px;} "
            "th{background:#eee; text-align:left;}</style><table width='100%' cellspacing='0'><tr><th>KPI</th>"
            + head + "</tr>" + "".join(body) + "</table>")


def write_report(path: str | Path, inp: ChartInput, extra_charts=None, now: _dt.datetime | None = None) -> Path:
    """The report of ``inp`` (its scenario, projection, bands, tornado and compared scenarios).
    ``extra_charts`` are paint(painter, rect, options) callables added to page 1's grid."""
    if QApplication.instance() is None:
        raise RuntimeError("a QApplication is needed (ui.render.headless.ensure_app)")
    if not str(path).strip():
        raise OutputError(tr("no output file given"))
    path = Path(path)
    scenario, projection = inp.scenario, inp.projection
    if path.suffix.lower() != ".pdf":
        raise OutputError(tr("{name}: a report is a PDF file; use a .pdf name").format(name=path.name))
    now = now or _dt.datetime.now()
    summary = projection.summary()
    bands = inp.bands if not inp.bands_stale else None
    theme = LIGHT

    def font(size: float, bold: bool = False) -> QFont:
        f = QFont()
        f.setPointSizeF(size)
        f.setBold(bold)
        return f

    def render() -> bytes:
        # into memory: QPdfWriter does not report a failed write (a full disk would leave a
        # truncated file and no error); the bytes are then written atomically, and checked
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setCreator("Compute Scenario Explorer")
        writer.setTitle(tr("Scenario report — {name}").format(name=scenario.name))
        writer.setResolution(150)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                         QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
        page = QRectF(0, 0, writer.width(), writer.height())
        pt = writer.resolution() / 72.0
        comparison = None
        if inp.overlays:
            comparison = QTextDocument()
            comparison.documentLayout().setPaintDevice(writer)
            comparison.setDefaultFont(font(6.5))
            comparison.setDocumentMargin(0)
            comparison.setTextWidth(page.width())
            comparison.setHtml(_comparison_html(inp))
        kpis = report_kpis(summary, bands)
        box_h = (48 if any(spread for _, _, spread in kpis) else 38) * pt
        top = 26 * pt + 14 * pt + (26 * pt if scenario.description else 0) + box_h + 8 * pt
        if comparison is not None:
            top += comparison.size().height() + 6 * pt
        footer_h = (20 if currency().is_yen else 12) * pt  # (in yen: a second line with the rate)
        # Record each chart right after laying it out (vector, as a QPicture), then place the
        # recordings: charts laid out side by side disturb each other's pending layouts.
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
            raise OutputError(tr("cannot write {path}: the PDF writer could not start").format(path=path))
        y = 0.0
        painter.setPen(QColor(theme.foreground))
        painter.setFont(font(17, True))
        title = QFontMetricsF(font(17, True), writer).elidedText(scenario.name, Qt.TextElideMode.ElideRight,
                                                                 page.width())
        painter.drawText(QRectF(0, y, page.width(), 26 * pt), Qt.AlignmentFlag.AlignLeft, title)
        y += 26 * pt
        painter.setFont(font(8.5))
        painter.setPen(QColor(theme.muted))
        passthrough = scenario.pricing == "rent" and scenario.energy_passthrough
        meta = tr("Compute Scenario Explorer report · {date} · {months} months from {start} · {pricing} · "
                  "{count} accelerators: {mix}").format(
            date=f"{now:%Y-%m-%d %H:%M}", months=scenario.term_months, start=FIELDS['start'].shown(scenario.start),
            pricing=tr("rent (energy passed through)") if passthrough else tr(scenario.pricing),
            count=f"{summary['gpus_peak']:,.0f}", mix=shown_value("chip_mix", scenario.chip_mix))
        painter.drawText(QRectF(0, y, page.width(), 14 * pt), Qt.AlignmentFlag.AlignLeft, meta)
        y += 14 * pt
        if scenario.description:  # two lines at most: the rest would run into the figures
            painter.setFont(font(8))
            metrics = QFontMetricsF(font(8), writer)
            text = scenario.description
            if metrics.horizontalAdvance(text) > 2 * page.width() * 0.97:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 2 * page.width() * 0.95)
            painter.drawText(QRectF(0, y, page.width(), 24 * pt), Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft,
                             text)
            y += 26 * pt
        box_w = page.width() / len(kpis)
        for i, (label, value, spread) in enumerate(kpis):
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
            if spread:
                painter.setPen(QColor(theme.muted))
                painter.setFont(font(7))
                painter.drawText(r.adjusted(6 * pt, 34 * pt, -4 * pt, 0), Qt.AlignmentFlag.AlignLeft, spread)
        y += box_h + 8 * pt
        if comparison is not None:
            painter.save()
            painter.translate(0, y)
            comparison.drawContents(painter, QRectF(0, 0, page.width(), comparison.size().height()))
            painter.restore()
        for target, picture, extra, opts in placed:
            if picture is not None:
                draw_recording(painter, picture, target)
            else:
                extra(painter, target, opts)
        painter.setPen(QColor(theme.muted))
        painter.setFont(font(7))
        rate = currency().rate_note()  # yen figures say their rate once, on the page that shows them
        footer = tr(FOOTER) + ("  " + tr("Yen at {rate}; source: {source}.").format(
            rate=rate, source=currency().source) if rate else "")
        painter.drawText(QRectF(0, page.height() - footer_h, page.width(), footer_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, footer)
        # The appendix: the document paginates itself (no line cut between pages); of the type sizes
        # tried, the first whose last page is not an orphan of a few lines is used.
        doc = None
        for size in (7.0, 6.6, 6.2, 7.4):
            doc = QTextDocument()
            doc.documentLayout().setPaintDevice(writer)  # lay text out at the PDF's resolution
            doc.setDefaultFont(font(size))
            doc.setHtml(_assumptions_html(scenario, projection))
            doc.setPageSize(QSizeF(page.width(), page.height()))
            doc.setDocumentMargin(0)
            last = doc.size().height() - (doc.pageCount() - 1) * page.height()
            if last >= 0.2 * page.height():
                break
        for p in range(doc.pageCount()):
            writer.newPage()
            painter.save()
            painter.translate(0, -p * page.height())
            doc.drawContents(painter, QRectF(0, p * page.height(), page.width(), page.height()))
            painter.restore()
        painter.end()
        buffer.close()
        return bytes(data)

    check_writable_target(path)  # before the work of drawing it
    atomic_write_bytes(path, render())
    return path
