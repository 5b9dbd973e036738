"""Chart pictures: PNG, SVG, PDF and the clipboard, made outside the window.

Every export builds a fresh chart of the same class the window shows, lays it out off screen at the
requested size, gives it the same ChartInput the window's chart drew, and paints its scene: so an
export never depends on the window's size, theme or hover state, and works with no display at all
(``scenario-explorer render``). The formats are a registry (``ENCODERS``): each encodes a built
picture (a scenario chart here, a portfolio chart from ui/render/portfolio.py) to bytes, so it is
tested without files; ``write_picture`` and ``write_pictures`` write them atomically (``export_chart``
and ``export_all`` for a scenario's charts).

Sizing: a W × H pixel image is laid out at (W / k) × (H / k) and painted k times larger, with
k = max(1, min(W / 960, H / 540)) unless given; text and lines keep the proportions of a 960 × 540
slide at any size, and get sharper, not smaller, as the size grows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPicture
from PySide6.QtWidgets import QApplication

from explorer.errors import OutputError
from explorer.files import atomic_write_all, atomic_write_bytes, bytes_writer, check_writable_target, slug
from explorer.formatting import currency
from explorer.i18n import QT_TR_NOOP, tr

from ..charts import CHART_NAMES, Chart, chart_class
from ..state.chart_input import ChartInput
from ..theme import LIGHT, Theme

REFERENCE_SIZE = (960, 540)  # the layout a chart image is scaled from
# (the names are shown through tr())
SLIDE_SIZES = {QT_TR_NOOP("1920 × 1080 (Full HD slide)"): (1920, 1080),
               QT_TR_NOOP("1280 × 720 (HD slide)"): (1280, 720), QT_TR_NOOP("3840 × 2160 (4K)"): (3840, 2160)}


@dataclass
class ImageOptions:
    width: int = 1920
    height: int = 1080
    scale: float | None = None  # None: from the size (see module docstring)
    transparent: bool = False
    theme: Theme = LIGHT

    def k(self) -> float:
        if self.scale:
            return float(self.scale)
        return max(1.0, min(self.width / REFERENCE_SIZE[0], self.height / REFERENCE_SIZE[1]))

    def check(self) -> None:
        if not (16 <= self.width <= 10000 and 16 <= self.height <= 10000):
            raise OutputError(tr("image size {width} × {height} is outside 16 to 10,000 pixels per side").format(
                width=self.width, height=self.height))
        if self.scale is not None and not (0.25 <= self.scale <= 10):
            raise OutputError(tr("scale factor {scale} is outside 0.25 to 10").format(scale=f"{self.scale:g}"))


MONEY_CHARTS = ("cost", "cumulative", "unit-economics", "serving", "tornado")  # the charts that may show money

def build_chart(name: str, inp: ChartInput, options: ImageOptions) -> Chart:
    """A chart laid out off screen at the export's logical size, drawing ``inp`` (with the scenario's
    name under its title unless the input names another subtitle)."""
    if QApplication.instance() is None:
        raise RuntimeError("a QApplication is needed (ui.render.headless.ensure_app)")
    k = options.k()
    chart = chart_class(name)()
    chart.live = False
    chart.options_bar.hide()
    chart.set_style(options.theme, 1.0, opaque_fills=not options.transparent)
    width, height = max(int(round(options.width / k)), 16), max(int(round(options.height / k)), 16)
    chart.lay_out(width, height)
    chart.view.ci.setGeometry(QRectF(0, 0, width, height))
    subtitle = inp.subtitle or inp.scenario.name
    rate = currency().rate_note()
    if rate and name in MONEY_CHARTS:  # a picture of yen figures says its rate (it travels alone)
        subtitle = f"{subtitle} · {rate}"
    chart.set_input(inp.replace(dragging=False, subtitle=subtitle))
    chart.lay_out(width, height)
    chart.view.ci.setGeometry(QRectF(0, 0, width, height))
    chart.view.ci.layout.activate()
    chart.hide_readout()
    QApplication.sendPostedEvents()
    chart.view.ci.layout.activate()
    # The scene itself has no background; the view paints it. Exports paint their own.
    chart.view.setBackground(None)
    return chart


def _paint(chart, painter: QPainter, target: QRectF) -> None:
    source = QRectF(0, 0, chart.view.ci.geometry().width(), chart.view.ci.geometry().height())
    chart.view.scene().render(painter, target, source, Qt.AspectRatioMode.IgnoreAspectRatio)


# The encoders below take a built picture: anything laid out off screen with a
# pg.GraphicsLayoutWidget ``view`` whose scene holds all it shows (a scenario Chart from build_chart,
# a portfolio chart from ui.render.portfolio), and ``deleteLater()``. Each encoder deletes it.

def record_picture(chart):
    """A built picture painted into a QPicture (a vector recording) of its logical size."""
    rect = chart.view.ci.geometry()
    picture = QPicture()
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    _paint(chart, painter, QRectF(0, 0, rect.width(), rect.height()))
    painter.end()
    chart.deleteLater()
    return picture, rect.width(), rect.height()


def record_chart(name: str, inp: ChartInput, options: ImageOptions):
    """The chart painted into a QPicture (a vector recording) of its logical size."""
    return record_picture(build_chart(name, inp, options))


def draw_recording(painter: QPainter, recording, target: QRectF) -> None:
    picture, width, height = recording
    # drawPicture scales by the ratio of the target's and the recording's resolutions itself
    dpi_ratio = painter.device().logicalDpiX() / picture.logicalDpiX()
    painter.save()
    painter.translate(target.topLeft())
    painter.scale(target.width() / width / dpi_ratio, target.height() / height / dpi_ratio)
    painter.drawPicture(0, 0, picture)
    painter.restore()


def picture_image(chart, options: ImageOptions) -> QImage:
    """A built picture painted into an image of the options' size."""
    image = QImage(options.width, options.height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent if options.transparent else QColor(options.theme.background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _paint(chart, painter, QRectF(0, 0, options.width, options.height))
    painter.end()
    chart.deleteLater()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OutputError(tr("the PNG encoder failed"))
    return bytes(data)


def picture_png(chart, options: ImageOptions, title: str = "") -> bytes:
    return png_bytes(picture_image(chart, options))


def picture_svg(chart, options: ImageOptions, title: str = "") -> bytes:
    """SVG through pyqtgraph's SVGExporter (curves keep their own coordinates; small x values avoid
    pyqtgraph's date-axis collapse). The drawing keeps the layout's coordinates in its viewBox and
    gets the requested size in pixels as its width and height."""
    from pyqtgraph.exporters import SVGExporter

    from .svg_text import outline_cjk_text

    if not options.transparent:
        chart.view.setBackground(options.theme.background)
    # The views update their data-to-pixel transforms just before a paint; an export is not a paint.
    chart.view.scene().prepareForPaint()
    data = SVGExporter(chart.view.scene()).export(toBytes=True)
    chart.deleteLater()
    data = outline_cjk_text(data)  # Japanese renders without the font (ui/render/svg_text.py)
    return data.replace(b"<svg ", f'<svg width="{options.width}" height="{options.height}" '.encode(), 1)


def picture_pdf(chart, options: ImageOptions, title: str = "") -> bytes:
    """A one-chart PDF page with the picture's aspect ratio; vector, painted through QPdfWriter
    (pyqtgraph's PrintExporter does not work on Qt 6)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    writer.setCreator("Compute Scenario Explorer")
    writer.setTitle(title)
    page = QPageSize(QSizeF(options.width * 0.75, options.height * 0.75), QPageSize.Unit.Point, "chart")
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    rect = QRectF(0, 0, writer.width(), writer.height())
    if not options.transparent:
        painter.fillRect(rect, QColor(options.theme.background))
    _paint(chart, painter, rect)
    painter.end()
    buffer.close()
    chart.deleteLater()
    return bytes(data)


# The picture formats: each encodes a built picture (and its title, for the formats that keep one).
ENCODERS: dict[str, Callable[..., bytes]] = {"png": picture_png, "svg": picture_svg, "pdf": picture_pdf}
FORMATS = tuple(ENCODERS)


def _known_format(fmt: str) -> None:
    if fmt not in ENCODERS:
        raise OutputError(tr("unknown picture format '{format}'; use {formats}").format(
            format=fmt, formats=", ".join(FORMATS)))


def encode_picture(fmt: str, build: Callable[[], object], options: ImageOptions, title: str = "") -> bytes:
    """``build()``'s picture in the format ``fmt`` (the options are checked before it is built)."""
    _known_format(fmt)
    options.check()
    return ENCODERS[fmt](build(), options, title)


def _title(name: str, inp: ChartInput) -> str:
    return f"{tr(chart_class(name).title)} — {inp.scenario.name}"


def render_image(name: str, inp: ChartInput, options: ImageOptions) -> QImage:
    options.check()
    return picture_image(build_chart(name, inp, options), options)


def render_png(name: str, inp: ChartInput, options: ImageOptions) -> bytes:
    return encode_picture("png", lambda: build_chart(name, inp, options), options)


def render_svg(name: str, inp: ChartInput, options: ImageOptions) -> bytes:
    return encode_picture("svg", lambda: build_chart(name, inp, options), options)


def render_pdf(name: str, inp: ChartInput, options: ImageOptions) -> bytes:
    return encode_picture("pdf", lambda: build_chart(name, inp, options), options, _title(name, inp))


# The picture formats of a scenario chart: each renders one to bytes.
EXPORTERS: dict[str, Callable[[str, ChartInput, ImageOptions], bytes]] = {
    "png": render_png, "svg": render_svg, "pdf": render_pdf}


def render_bytes(fmt: str, name: str, inp: ChartInput, options: ImageOptions) -> bytes:
    _known_format(fmt)
    return EXPORTERS[fmt](name, inp, options)


def write_picture(path: str | Path, render: Callable[[str], bytes]) -> Path:
    """Write ``render(fmt)`` to ``path``, the format from its suffix (.png, .svg, .pdf), atomically;
    the target is checked before anything is drawn."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ENCODERS:
        raise OutputError(tr("{name}: unknown picture format '{suffix}'; use .png, .svg or .pdf").format(
            name=path.name, suffix=path.suffix or tr("(none)")))
    check_writable_target(path)
    atomic_write_bytes(path, render(fmt))
    return path


def write_pictures(folder: str | Path, names, render: Callable[[str], bytes], fmt: str, stem: str) -> list[Path]:
    """``render(name)`` for every name into ``folder`` as ``<stem>-<name>.<fmt>``, all or nothing: every
    target is checked, every picture rendered and every temporary file written before the first is
    renamed, so a failure (a bad target, a full disk) leaves the old set as it was."""
    folder = Path(folder)
    _known_format(fmt)
    if not folder.is_dir():
        raise OutputError(tr("cannot write into {folder}: it is not an existing folder").format(folder=folder))
    targets = {name: check_writable_target(folder / f"{stem}-{name}.{fmt}") for name in names}
    rendered = {name: render(name) for name in names}
    return atomic_write_all([(path, bytes_writer(rendered[name])) for name, path in targets.items()])


def export_chart(path: str | Path, name: str, inp: ChartInput, options: ImageOptions) -> Path:
    """Write one chart to ``path``; the format comes from the suffix (.png, .svg, .pdf)."""
    return write_picture(path, lambda fmt: render_bytes(fmt, name, inp, options))


def export_all(folder: str | Path, inp: ChartInput, options: ImageOptions, fmt: str = "png",
               stem: str | None = None) -> list[Path]:
    """Every chart into ``folder`` as ``<stem>-<chart>.<fmt>``, all or nothing (see write_pictures)."""
    return write_pictures(folder, CHART_NAMES, lambda name: render_bytes(fmt, name, inp, options), fmt,
                          stem or slug(inp.scenario.name))


def copy_to_clipboard(name: str, inp: ChartInput, options: ImageOptions) -> QImage:
    image = render_image(name, inp, options)
    QGuiApplication.clipboard().setImage(image)
    return image
