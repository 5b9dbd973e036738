"""The one-page report (PDF). Page 1: the scenario's name, what it is, its KPIs (with P10-P90 when it
has ranges), an active comparison as a table, and the charts (vector). Then an appendix, titled as
one, with the notes, every assumption as the window shows it (80.0%, Nov 2025, USD 38B) with its
public source, the uncertainty ranges and the chips' catalog rows; its type is set so that the last
page is never an orphan of a few lines."""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass
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


PAGE_STYLE = ("<style>body{font-family:sans-serif;} table{border-collapse:collapse;} "
              "td,th{border-bottom:1px solid #ccc; padding:2px 4px; vertical-align:top;} "
              "th{background:#eee; text-align:left;}</style>")  # the pages after the first


def table_head(*names: str) -> str:
    """A table's header row (names already translated)."""
    return "<tr>" + "".join(f"<th>{_text(n)}</th>" for n in names) + "</tr>"


def chips_table(chip_ids, catalog) -> str:
    """The chips' catalog rows with their sources, as a table."""
    rows = []
    for chip_id in chip_ids:
        c = catalog[chip_id]
        rows.append(f"<tr><td>{html.escape(c.id)}</td><td>{html.escape(shown_source(c.source))}</td>"
                    f"<td>{html.escape(shown_source(c.power_source))}</td>"
                    f"<td>{html.escape(shown_source(c.price_source))}</td>"
                    f"<td>{html.escape(c.estimated.replace(';', ', ') or '–')}</td><td>{c.as_of}</td></tr>")
    return ("<table width='100%' cellspacing='0'>"
            + table_head(tr("Chip"), tr("Specs"), tr("Power"), tr("Prices"), tr("Estimated"), tr("As of"))
            + "".join(rows) + "</table>")


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
    style, heads = PAGE_STYLE, table_head
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
            + chips_table(scenario.chip_mix, projection.catalog) + "<p>"
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


# ------------------------------------------------------------------------------- the page's pieces
# A report is an A4 landscape PDF at 150 dpi: a first page drawn with these pieces, then pages of
# HTML that paginate themselves. ui/render/portfolio.py's report is made of the same pieces.

def font(size: float, bold: bool = False) -> QFont:
    f = QFont()
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def report_path(path: str | Path) -> Path:
    """The report's target, checked before any drawing: a .pdf name, and a QApplication to paint with."""
    if QApplication.instance() is None:
        raise RuntimeError("a QApplication is needed (ui.render.headless.ensure_app)")
    if not str(path).strip():
        raise OutputError(tr("no output file given"))
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise OutputError(tr("{name}: a report is a PDF file; use a .pdf name").format(name=path.name))
    return path


def pdf_writer(buffer: QBuffer, title: str) -> QPdfWriter:
    """A4 landscape, 150 dpi, 12 mm margins, into memory: QPdfWriter does not report a failed write
    (a full disk would leave a truncated file and no error), so the bytes are written atomically."""
    writer = QPdfWriter(buffer)
    writer.setCreator("Compute Scenario Explorer")
    writer.setTitle(title)
    writer.setResolution(150)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    return writer


def start_painting(writer: QPdfWriter, path: Path) -> QPainter:
    painter = QPainter(writer)
    if not painter.isActive():
        raise OutputError(tr("cannot write {path}: the PDF writer could not start").format(path=path))
    return painter


def write_pdf(path: Path, render) -> Path:
    """``render()``'s bytes written to ``path`` atomically, the target checked before the work of drawing."""
    check_writable_target(path)
    atomic_write_bytes(path, render())
    return path


def draw_header(painter: QPainter, writer: QPdfWriter, page: QRectF, title: str, meta: str, theme=LIGHT) -> float:
    """The title (17 pt, elided to one line) and the line under it; returns the height used."""
    pt = writer.resolution() / 72.0
    painter.setPen(QColor(theme.foreground))
    painter.setFont(font(17, True))
    shown = QFontMetricsF(font(17, True), writer).elidedText(title, Qt.TextElideMode.ElideRight, page.width())
    painter.drawText(QRectF(0, 0, page.width(), 26 * pt), Qt.AlignmentFlag.AlignLeft, shown)
    painter.setFont(font(8.5))
    painter.setPen(QColor(theme.muted))
    painter.drawText(QRectF(0, 26 * pt, page.width(), 14 * pt), Qt.AlignmentFlag.AlignLeft, meta)
    return 40 * pt


def draw_paragraph(painter: QPainter, writer: QPdfWriter, page: QRectF, y: float, text: str, theme=LIGHT) -> float:
    """Two lines of 8 pt text at most (the rest would run into the figures; it is elided); returns the
    height used."""
    pt = writer.resolution() / 72.0
    painter.setPen(QColor(theme.muted))
    painter.setFont(font(8))
    metrics = QFontMetricsF(font(8), writer)
    if metrics.horizontalAdvance(text) > 2 * page.width() * 0.97:
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, 2 * page.width() * 0.95)
    painter.drawText(QRectF(0, y, page.width(), 24 * pt), Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, text)
    return 26 * pt


@dataclass(frozen=True)
class Box:
    """A KPI box: its label, its figure, smaller lines under it (a P10-P90 range, a detail) and a
    note in yet smaller type, wrapped (a figure's one-line explanation)."""

    label: str
    value: str
    lines: tuple[str, ...] = ()
    note: str = ""


BOX_LINE = 10.0  # pt between the small lines under a box's figure


def box_height(boxes, width: float, writer: QPdfWriter) -> float:
    """The height (device pixels) of a row of boxes ``width`` wide each: the tallest box's content."""
    pt = writer.resolution() / 72.0
    tallest = 38 * pt
    for box in boxes:
        h = 34 * pt + sum(_wrapped_height(line, 7, width, writer) for line in box.lines)
        if box.note:
            h += _text_height(box.note, 6.5, width, writer) + 1 * pt
        tallest = max(tallest, h + (4 * pt if box.lines or box.note else 0))
    return tallest


def _text_height(text: str, size: float, box_width: float, writer: QPdfWriter) -> float:
    """The height of ``text`` wrapped into a box ``box_width`` wide (its text runs 6 pt from the left
    and 8 pt from the right of a box drawn 4 pt narrower than its cell)."""
    room = QRectF(0, 0, box_width - 18 * writer.resolution() / 72.0, 1e6)
    return QFontMetricsF(font(size), writer).boundingRect(room, int(Qt.TextFlag.TextWordWrap), text).height()


def _wrapped_height(text: str, size: float, box_width: float, writer: QPdfWriter) -> float:
    """The room a small line under a box's figure takes: BOX_LINE, more when it wraps."""
    pt = writer.resolution() / 72.0
    spacing = QFontMetricsF(font(size), writer).lineSpacing()
    return max(BOX_LINE * pt, _text_height(text, size, box_width, writer) + BOX_LINE * pt - spacing)


def draw_boxes(painter: QPainter, writer: QPdfWriter, page: QRectF, y: float, boxes, height: float,
               theme=LIGHT) -> None:
    """A row of KPI boxes across the page at ``y``, ``height`` high."""
    pt = writer.resolution() / 72.0
    box_w = page.width() / len(boxes)
    for i, box in enumerate(boxes):
        r = QRectF(i * box_w + 2 * pt, y, box_w - 4 * pt, height)
        painter.setPen(QColor("#D0D7DE"))
        painter.setBrush(QColor("#F6F8FA"))
        painter.drawRoundedRect(r, 4 * pt, 4 * pt)
        painter.setPen(QColor(theme.muted))
        room = r.width() - 7 * pt  # (6 pt of padding on the left; up to the border on the right)
        size = 7.5 if QFontMetricsF(font(7.5), writer).horizontalAdvance(box.label) <= room else 6.5
        painter.setFont(font(size))  # a label too long for the box a size smaller, then elided (never cut)
        label = QFontMetricsF(font(size), writer).elidedText(box.label, Qt.TextElideMode.ElideRight, room)
        painter.drawText(r.adjusted(6 * pt, 4 * pt, -4 * pt, 0), Qt.AlignmentFlag.AlignLeft, label)
        painter.setPen(QColor(theme.foreground))
        painter.setFont(font(12, True))
        painter.drawText(r.adjusted(6 * pt, 16 * pt, -4 * pt, 0), Qt.AlignmentFlag.AlignLeft, box.value)
        painter.setPen(QColor(theme.muted))
        painter.setFont(font(7))
        below = 34 * pt
        for line in box.lines:  # (wrapped when longer than the box is wide)
            painter.drawText(r.adjusted(6 * pt, below, -8 * pt, 0), Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft,
                             line)
            below += _wrapped_height(line, 7, box_w, writer)
        if box.note:
            painter.setFont(font(6.5))
            painter.drawText(r.adjusted(6 * pt, below + 1 * pt, -8 * pt, 0),
                             Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft, box.note)


def chart_cells(cells, top: float, bottom: float, page: QRectF, pt: float, per_row: int = 3, layout_height: int = 380):
    """The chart grid: two rows under ``top`` down to ``bottom``, ``per_row`` charts in the first and the
    rest in the second; (cell, target rect, ImageOptions) for each cell, the options laid out
    ``layout_height`` px high so chart text stays legible at the printed size (lower rows: lower)."""
    rows = [cells[:per_row], cells[per_row:]]
    row_h = (bottom - top) / 2
    out = []
    for r, row in enumerate(rows):
        cell_w = page.width() / max(len(row), 1)
        for c, cell in enumerate(row):
            target = QRectF(c * cell_w + 3 * pt, top + r * row_h + 3 * pt, cell_w - 6 * pt, row_h - 6 * pt)
            opts = ImageOptions(width=int(layout_height * target.width() / max(target.height(), 1)),
                                height=layout_height, theme=LIGHT, scale=1.0)
            out.append((cell, target, opts))
    return out


def footer_height(writer: QPdfWriter) -> float:
    return (20 if currency().is_yen else 12) * writer.resolution() / 72.0  # (in yen: a second line with the rate)


def draw_footer(painter: QPainter, page: QRectF, height: float, text: str, theme=LIGHT) -> None:
    """The page's last lines (7 pt), and the yen rate when money is in yen."""
    painter.setPen(QColor(theme.muted))
    painter.setFont(font(7))
    rate = currency().rate_note()  # yen figures say their rate once, on the page that shows them
    text += ("  " + tr("Yen at {rate}; source: {source}.").format(rate=rate, source=currency().shown_source)
             if rate else "")
    painter.drawText(QRectF(0, page.height() - height, page.width(), height),
                     Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text)


def draw_pages(painter: QPainter, writer: QPdfWriter, page: QRectF, text: str) -> int:
    """HTML on new pages: the document paginates itself (no line cut between pages); of the type sizes
    tried, the first whose last page is not an orphan of a few lines is used. Returns the pages added."""
    doc = None
    for size in (7.0, 6.6, 6.2, 7.4):
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(writer)  # lay text out at the PDF's resolution
        doc.setDefaultFont(font(size))
        doc.setHtml(text)
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
    return doc.pageCount()


def write_report(path: str | Path, inp: ChartInput, extra_charts=None, now: _dt.datetime | None = None) -> Path:
    """The report of ``inp`` (its scenario, projection, bands, tornado and compared scenarios).
    ``extra_charts`` are paint(painter, rect, options) callables added to page 1's grid."""
    path = report_path(path)
    scenario, projection = inp.scenario, inp.projection
    now = now or _dt.datetime.now()
    summary = projection.summary()
    bands = inp.bands if not inp.bands_stale else None
    theme = LIGHT

    def render() -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = pdf_writer(buffer, tr("Scenario report — {name}").format(name=scenario.name))
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
        boxes = [Box(label, value, (spread,) if spread else ()) for label, value, spread in report_kpis(summary, bands)]
        box_h = (48 if any(box.lines for box in boxes) else 38) * pt
        top = 26 * pt + 14 * pt + (26 * pt if scenario.description else 0) + box_h + 8 * pt
        if comparison is not None:
            top += comparison.size().height() + 6 * pt
        footer_h = footer_height(writer)
        # Record each chart right after laying it out (vector, as a QPicture), then place the
        # recordings: charts laid out side by side disturb each other's pending layouts.
        names = list(REPORT_CHARTS) + (["tornado"] if scenario.ranges else [])
        cells = [(name, None) for name in names] + [(None, e) for e in (extra_charts or [])]
        placed = []
        for (name, extra), target, opts in chart_cells(cells, top, page.height() - footer_h, page, pt):
            placed.append((target, record_chart(name, inp, opts) if name is not None else None, extra, opts))
        painter = start_painting(writer, path)
        passthrough = scenario.pricing == "rent" and scenario.energy_passthrough
        meta = tr("Compute Scenario Explorer report · {date} · {months} months from {start} · {pricing} · "
                  "{count} accelerators: {mix}").format(
            date=f"{now:%Y-%m-%d %H:%M}", months=scenario.term_months, start=FIELDS['start'].shown(scenario.start),
            pricing=tr("rent (energy passed through)") if passthrough else tr(scenario.pricing),
            count=f"{summary['gpus_peak']:,.0f}", mix=shown_value("chip_mix", scenario.chip_mix))
        y = draw_header(painter, writer, page, scenario.name, meta, theme)
        if scenario.description:
            y += draw_paragraph(painter, writer, page, y, scenario.description, theme)
        draw_boxes(painter, writer, page, y, boxes, box_h, theme)
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
        draw_footer(painter, page, footer_h, tr(FOOTER), theme)
        # The appendix
        draw_pages(painter, writer, page, _assumptions_html(scenario, projection))
        painter.end()
        buffer.close()
        return bytes(data)

    return write_pdf(path, render)
