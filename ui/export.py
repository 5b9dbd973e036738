"""Chart pictures (PNG, SVG, PDF, clipboard) and the one-page report, made outside the window.

Every export builds a fresh chart of the same class the window shows, lays it out off screen at the
requested size, feeds it the projection, and paints its scene: so an export never depends on the
window's size, theme or hover state, and works with no display at all (``scenario-explorer render``).

Sizing: a W × H pixel image is laid out at (W / k) × (H / k) and painted k times larger, with
k = max(1, min(W / 960, H / 540)) unless given; text and lines keep the proportions of a 960 × 540
slide at any size, and get sharper, not smaller, as the size grows.
"""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QColor, QFont, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter,
                           QPicture, QTextDocument)
from PySide6.QtWidgets import QApplication

from explorer.errors import OutputError
from explorer.files import atomic_write, atomic_write_bytes, check_writable_target
from explorer.formatting import compact, percent, plain
from explorer.model import Projection
from explorer.fields import FIELDS
from explorer.scenario import Scenario

from .charts import CHART_NAMES, CHART_TYPES, Chart
from .theme import LIGHT, THEMES, Theme

REFERENCE_SIZE = (960, 540)  # the layout a chart image is scaled from
SLIDE_SIZES = {"1920 × 1080 (Full HD slide)": (1920, 1080), "1280 × 720 (HD slide)": (1280, 720),
               "3840 × 2160 (4K)": (3840, 2160)}
FORMATS = ("png", "svg", "pdf")


@dataclass
class ImageOptions:
    width: int = 1920
    height: int = 1080
    scale: float | None = None  # None: from the size (see module docstring)
    transparent: bool = False
    theme: Theme = LIGHT
    chart_options: dict = field(default_factory=dict)  # e.g. {"precision": "fp8", "measure": "Effective"}
    bands: object = None  # explorer.uncertainty.Bands to draw, or None
    overlays: list = field(default_factory=list)  # compared scenarios, as the window draws them

    def k(self) -> float:
        if self.scale:
            return float(self.scale)
        return max(1.0, min(self.width / REFERENCE_SIZE[0], self.height / REFERENCE_SIZE[1]))

    def check(self) -> None:
        if not (16 <= self.width <= 10000 and 16 <= self.height <= 10000):
            raise OutputError(f"image size {self.width} × {self.height} is outside 16 to 10,000 pixels per side")
        if self.scale is not None and not (0.25 <= self.scale <= 10):
            raise OutputError(f"scale factor {self.scale:g} is outside 0.25 to 10")


def chart_class(name: str) -> type[Chart]:
    for cls in CHART_TYPES:
        if cls.name == name:
            return cls
    raise OutputError(f"unknown chart '{name}'; charts: {', '.join(CHART_NAMES)}")


def build_chart(name: str, projection: Projection, scenario: Scenario, options: ImageOptions) -> Chart:
    """A chart laid out off screen at the export's logical size, showing the scenario."""
    _ensure_app()
    k = options.k()
    chart = chart_class(name)()
    chart.options_bar.hide()
    chart.opaque_fills = not options.transparent
    chart.set_style(options.theme, 1.0)
    if options.chart_options and hasattr(chart, "apply_options"):
        chart.apply_options(options.chart_options)
    width, height = max(int(round(options.width / k)), 16), max(int(round(options.height / k)), 16)
    chart.view.resize(width, height)
    chart.resize(width, height)
    chart.view.ci.setGeometry(QRectF(0, 0, width, height))
    chart.set_subtitle(scenario.name)
    chart.bands = options.bands.series if options.bands is not None else None
    chart.overlays = list(options.overlays)
    chart.set_projection(projection, scenario, dragging=False)
    chart._render_legend()
    chart.view.ci.setGeometry(QRectF(0, 0, width, height))
    chart.view.ci.layout.activate()
    chart.hide_readout()
    QApplication.sendPostedEvents()
    chart.view.ci.layout.activate()
    return chart


def paint_chart(chart: Chart, painter: QPainter, target: QRectF, background: QColor | None) -> None:
    source = QRectF(0, 0, chart.view.ci.geometry().width(), chart.view.ci.geometry().height())
    if background is not None:
        painter.fillRect(target, background)
    chart.view.scene().render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)


def _background(options: ImageOptions) -> QColor | None:
    return None if options.transparent else QColor(options.theme.background)


def _without_view_background(chart: Chart):
    """The scene itself has no background; the view paints it. Exports paint their own."""
    chart.view.setBackground(None)


def record_chart(name: str, projection: Projection, scenario: Scenario, options: ImageOptions):
    """The chart painted into a QPicture (a vector recording) of its logical size."""
    chart = build_chart(name, projection, scenario, options)
    _without_view_background(chart)
    rect = chart.view.ci.geometry()
    picture = QPicture()
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_chart(chart, painter, QRectF(0, 0, rect.width(), rect.height()), None)
    painter.end()
    chart.deleteLater()
    return picture, rect.width(), rect.height()


def draw_recording(painter: QPainter, recording, target: QRectF) -> None:
    picture, width, height = recording
    # drawPicture scales by the ratio of the target's and the recording's resolutions itself
    dpi_ratio = painter.device().logicalDpiX() / picture.logicalDpiX()
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(target.width() / width / dpi_ratio, target.height() / height / dpi_ratio)
    painter.drawPicture(0, 0, picture)
    painter.restore()


def render_image(name: str, projection: Projection, scenario: Scenario, options: ImageOptions) -> QImage:
    options.check()
    chart = build_chart(name, projection, scenario, options)
    _without_view_background(chart)
    image = QImage(options.width, options.height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent if options.transparent else QColor(options.theme.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    paint_chart(chart, painter, QRectF(0, 0, options.width, options.height), None)
    painter.end()
    chart.deleteLater()
    return image


def image_png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OutputError("the PNG encoder failed")
    return bytes(data)


def render_svg(name: str, projection: Projection, scenario: Scenario, options: ImageOptions) -> bytes:
    """SVG through pyqtgraph's SVGExporter (curves keep their own coordinates; small x values avoid
    pyqtgraph's date-axis collapse). The drawing keeps the layout's coordinates in its viewBox and
    gets the requested size in pixels as its width and height."""
    from pyqtgraph.exporters import SVGExporter

    options.check()
    chart = build_chart(name, projection, scenario, options)
    if options.transparent:
        _without_view_background(chart)
    # The views update their data-to-pixel transforms just before a paint; an export is not a paint.
    chart.view.scene().prepareForPaint()
    data = SVGExporter(chart.view.scene()).export(toBytes=True)
    chart.deleteLater()
    return data.replace(b"<svg ", f'<svg width="{options.width}" height="{options.height}" '.encode(), 1)


def render_pdf(name: str, projection: Projection, scenario: Scenario, options: ImageOptions) -> bytes:
    """A one-chart PDF page with the chart's aspect ratio; vector, painted through QPdfWriter
    (pyqtgraph's PrintExporter does not work on Qt 6)."""
    options.check()
    chart = build_chart(name, projection, scenario, options)
    _without_view_background(chart)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    writer.setCreator("Compute Scenario Explorer")
    writer.setTitle(f"{chart.title} — {scenario.name}")
    page = QPageSize(QSizeF(options.width * 0.75, options.height * 0.75), QPageSize.Unit.Point, "chart")
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    rect = QRectF(0, 0, writer.width(), writer.height())
    paint_chart(chart, painter, rect, _background(options))
    painter.end()
    buffer.close()
    chart.deleteLater()
    return bytes(data)


def export_chart(path: str | Path, name: str, projection: Projection, scenario: Scenario,
                 options: ImageOptions) -> Path:
    """Write one chart to ``path``; the format comes from the suffix (.png, .svg, .pdf)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise OutputError(f"{path.name}: unknown picture format '{path.suffix or '(none)'}'; use .png, .svg or .pdf")
    check_writable_target(path)
    atomic_write_bytes(path, render_bytes(name, projection, scenario, options, fmt))
    return path


def export_all(folder: str | Path, projection: Projection, scenario: Scenario, options: ImageOptions,
               fmt: str = "png", stem: str | None = None) -> list[Path]:
    """Every chart into ``folder`` as ``<stem>-<chart>.<fmt>``. All targets are checked and all
    charts rendered before the first file is written, so a bad target leaves no partial set."""
    folder = Path(folder)
    if fmt not in FORMATS:
        raise OutputError(f"unknown picture format '{fmt}'; use png, svg or pdf")
    if not folder.is_dir():
        raise OutputError(f"cannot write into {folder}: it is not an existing folder")
    stem = stem or slug(scenario.name)
    targets = {name: check_writable_target(folder / f"{stem}-{name}.{fmt}") for name in CHART_NAMES}
    rendered = {name: render_bytes(name, projection, scenario, options, fmt) for name in CHART_NAMES}
    for name, path in targets.items():
        atomic_write_bytes(path, rendered[name])
    return list(targets.values())


def render_bytes(name: str, projection: Projection, scenario: Scenario, options: ImageOptions, fmt: str) -> bytes:
    if fmt == "png":
        return image_png_bytes(render_image(name, projection, scenario, options))
    if fmt == "svg":
        return render_svg(name, projection, scenario, options)
    return render_pdf(name, projection, scenario, options)


def copy_to_clipboard(name: str, projection: Projection, scenario: Scenario, options: ImageOptions) -> QImage:
    image = render_image(name, projection, scenario, options)
    QGuiApplication.clipboard().setImage(image)
    return image


def slug(name: str) -> str:
    keep = "".join(ch if ch.isalnum() else "-" for ch in name.lower())
    return "-".join(filter(None, keep.split("-")))[:60] or "scenario"


def _ensure_app() -> None:
    if QApplication.instance() is None:
        raise RuntimeError("a QApplication is needed (ui.headless.ensure_app)")


# ------------------------------------------------------------------------------------------ report

REPORT_CHARTS = ("capacity", "power", "unit-economics", "cost", "cumulative")


def _kpi_lines(summary: dict) -> list[tuple[str, str]]:
    vs = summary.get("cost_vs_contract")
    return [
        ("Total cost" + (f" · {vs:.0%} of contract" if vs is not None else " over the term"),
         f"USD {compact(summary['cost_total_usd'])}"),
        ("Peak facility power", f"{plain(summary['facility_power_peak_mw'], 3)} MW"),
        ("Peak compute (BF16, dense)", f"{plain(summary['compute_peak_eflops_bf16'], 3)} EFLOP/s"),
        ("Agent vCPUs at peak", compact(summary["vcpus_peak"])),
        ("Cost per million tokens", f"USD {plain(summary['cost_per_million_tokens_usd'], 3)}"),
        ("Energy share of cost", percent(summary["energy_share_of_cost"])),
    ]


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


def write_report(path: str | Path, projection: Projection, scenario: Scenario, extra_charts=None,
                 now: _dt.datetime | None = None, bands=None) -> Path:
    """The report: page 1 title, date, KPIs and the charts (vector); page 2 the assumptions table with
    sources. ``extra_charts`` are (title, paint(painter, rect)) callables added to page 1's grid."""
    _ensure_app()
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise OutputError(f"{path.name}: a report is a PDF file; use a .pdf name")
    now = now or _dt.datetime.now()
    summary = projection.summary()
    theme = THEMES["light"]

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
                                    theme=theme, scale=1.0, bands=bands)
                if name is not None:
                    placed.append((target, record_chart(name, projection, scenario, opts), None, opts))
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
        kpis = _kpi_lines(summary)
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


def report_kpi_rows(summary: dict) -> list[tuple[str, str]]:
    """The KPI lines the report prints (for tests)."""
    return _kpi_lines(summary)
