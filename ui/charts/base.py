"""The chart base: one pyqtgraph scene with title, readout, plot and legend, and the one drawing
pipeline every chart shares.

A chart has one entry point, ``set_input(ChartInput)``: the input holds everything it draws (the
projection, the scenario, the view options, the bands, the tornado, the compared scenarios, whether
a slider is held). The pipeline:

1. the chart's own option widgets show the input's view options (signals blocked);
2. ``_draw(input)``, the one method a chart writes, draws the chart's own data and returns a
   ``Drawn`` (legend entries, the top of its data, the display unit's factor, the months drawn);
   it is skipped when only the bands, the compared scenarios or the legend differ from the last input;
3. for a time chart: the bands, the compared scenarios, the legend, and the y range fitted to all
   of them (it only grows while a slider is held; re-fitting axes is the expensive part of a live
   update). ``_after_fit`` places what depends on the final range.

Items are created once and fed new arrays (see items.py for what each device saves). Title,
readout, plot and legend are inside the scene, so an export of the scene carries all of them. The
time axis is months since the scenario's start with our own labels (small x values avoid
pyqtgraph's SVG date-axis bug and float precision trouble).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QComboBox, QGraphicsItem, QHBoxLayout, QLabel, QMenu, QToolButton, QVBoxLayout, QWidget

from explorer.formatting import plain
from explorer.i18n import QT_TR_NOOP, tr
from explorer.months import month_index

from ..state.chart_input import ChartInput
from ..state.view import ECONOMICS_VIEWS, ViewOptions
from ..theme import LIGHT, Theme
from ..widgets.common import Combo
from ..widgets.tooltips import plain_tip
from .items import Grid, Label, Layers, LogAxis, MemoAxis, MonthAxis, YRange, brush, line_pen, set_xy
from .units import Unit, month_label, pick_unit, with_unit

pg.setConfigOptions(antialias=True, foreground=LIGHT.foreground, background=LIGHT.background)


@dataclass
class Drawn:
    """What ``_draw`` drew, for the rest of the pipeline."""

    entries: list = field(default_factory=list)  # legend entries (colour, label, kind: area|line|dash|bar)
    data_max: float = 0.0  # the top of the chart's own data, in display units
    factor: float = 1.0  # raw value / display value (bands and compared scenarios are divided by it)
    x: np.ndarray | None = None  # months drawn (None: not a time chart)


class Chart(QWidget):
    """Base: a scene with title, readout, plot and legend; the chart's options as Qt widgets above it."""

    name = "chart"  # the chart's key (file names, the command line, settings): never translated
    title = QT_TR_NOOP("Chart")  # shown through tr() (``display_title``)
    time_axis = True  # x is months since the scenario's start
    explanation = ""  # one paragraph: what the chart shows (tooltip, slide notes)
    log_axes = False  # x and y are log10 of the data, labelled as numbers
    band_key: str | None = None  # which percentile series of the bands this chart draws
    switchable = False  # shares the unit-economics slot: has a "View" choice
    # What the chart's own data comes from (when neither changed, an input redraws bands alone).
    draws_projection = True
    draws_tornado = False

    # A choice on the chart changed (the window turns it into new view options and redraws).
    optionsEdited = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = LIGHT
        self.scale = 1.0
        self.opaque_fills = True  # False: translucent fills (an export on a transparent background)
        # On screen (True) a slow-changing layer is kept as a pixmap between slider steps; an export
        # (False) paints every item itself, so vector formats stay vector.
        self.live = True
        self.input: ChartInput | None = None
        self.draws = 0  # how often the chart drew its own data (an input with new bands alone does not)
        self._drawn = Drawn()
        self._axis_labels: dict[str, str] = {}  # side -> full axis title (a short form shows if it does not fit)
        self._axis_shorts: dict[str, str] = {}  # side -> the short form
        self.view = pg.GraphicsLayoutWidget()
        self.view.setAccessibleName(tr("{title} chart").format(title=self.display_title))
        if self.explanation:
            self.view.setToolTip(f"<p>{html.escape(tr(self.explanation))}</p>")
        self.view.setMinimumSize(210, 150)
        layout = self.view.ci
        layout.setContentsMargins(4, 4, 8, 4)
        layout.setSpacing(2)
        header = layout.addLayout(row=0, col=0)
        header.setContentsMargins(4, 0, 4, 0)
        header.setSpacing(0)
        self.title_item = Label(justify="left")
        # The hover readout has a line of its own under the title (never over it), always reserved.
        self.readout = Label(justify="left")
        header.addItem(self.title_item, row=0, col=0)
        header.addItem(self.readout, row=1, col=0)
        self.header = header
        self._readout_text = ""
        axes = {"left": MemoAxis("left"), "right": MemoAxis("right"), "bottom": MemoAxis("bottom")}
        if self.time_axis:
            axes["bottom"] = MonthAxis()
        elif self.log_axes:
            axes.update(bottom=LogAxis("bottom"), left=LogAxis("left"))
        self.plot: pg.PlotItem = layout.addPlot(row=1, col=0, axisItems=axes)
        self.plot.hideAxis("right")  # a chart with a right axis shows it
        self.legend = Label(justify="left")
        layout.addItem(self.legend, row=2, col=0)
        layout.layout.setRowStretchFactor(1, 1)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.disableAutoRange()
        for side in ("left", "bottom", "right"):
            axis = self.plot.getAxis(side)
            axis.enableAutoSIPrefix(False)
            # Axes change only when a range or label does; cached as a pixmap they are blitted
            # instead of re-drawing every label on each slider step.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plot.vb.sigResized.connect(self._fit_axis_labels)
        self.grid = Grid(self.plot, x=True, y=self.time_axis or self.log_axes)
        self.plot.addItem(self.grid, ignoreBounds=True)
        self.vline = pg.InfiniteLine(angle=90, movable=False)
        self.vline.setVisible(False)
        self.vline.setZValue(50)
        self.plot.addItem(self.vline, ignoreBounds=True)
        self.yrange = YRange()
        self._band_item: Layers | None = None
        self._bands_drawn = None
        self._overlay_items: list[pg.PlotDataItem] = []
        self._units: dict[str, Unit] = {}
        self._term = 0
        self._start_index = month_index("2025-11")
        self._title_text = ""
        self._subtitle = ""
        self._legend_entries: list[tuple[str, str, str]] = []
        self._legend_html = None
        self._readout_rows: list[tuple[str, str, np.ndarray, str]] = []  # (colour, label, values, unit)
        self._mouse = pg.SignalProxy(self.view.scene().sigMouseMoved, rateLimit=40, slot=self._on_mouse)

        # A bar of options above every chart (the same height for all, so the plots line up).
        self.options_bar = QWidget()
        self.options_bar.setFixedHeight(30)
        self.options = QHBoxLayout(self.options_bar)
        self.options.setContentsMargins(6, 2, 6, 2)
        self.options.setSpacing(6)
        self.view_combo: QComboBox | None = None
        if self.switchable:
            self.view_combo = Combo()
            for view in ECONOMICS_VIEWS:  # shown translated; the item's data is the option's value
                self.view_combo.addItem(tr(view), view)
            self.view_combo.setAccessibleName(tr("{title} view").format(title=self.display_title))
            self.view_combo.setToolTip(tr("Cost per token over the term, or against the speed each user sees"))
            self.view_combo.activated.connect(
                lambda i: self.optionsEdited.emit({"economics_view": self.view_combo.itemData(i)}))
            self.options.addWidget(self.view_combo)
        self._add_options()
        self.options.addStretch(1)
        self.export_button = QToolButton()
        self.export_button.setText(tr("Export"))
        self.export_button.setAccessibleName(tr("Export {title} chart").format(title=self.display_title))
        self.export_button.setToolTip(tr("Save this chart as PNG, SVG or PDF, or copy it"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setAutoRaise(True)
        self.export_menu = QMenu(self.export_button)
        self.export_button.setMenu(self.export_menu)
        self.options.addWidget(self.export_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.options_bar)
        outer.addWidget(self.view, 1)
        self._build_items()

    def _build_items(self) -> None:
        """Subclasses add their plot items (created once; each update feeds them new arrays)."""

    # ------------------------------------------------------------------ the chart's own options
    def _add_options(self) -> None:
        """Subclasses add their option widgets to ``self.options`` (see ``_option_combo``)."""

    def _option_combo(self, label: str | None, items: list[tuple[str, object]], name: str, tip: str,
                      option: str) -> QComboBox:
        """A combo box on the options bar whose choice edits the view option ``option`` (``items``:
        (text shown, the option's value); the texts arrive translated)."""
        if label:
            self.options.addWidget(QLabel(label))
        combo = Combo()
        for text, data in items:
            combo.addItem(text, data)
        combo.setAccessibleName(name)
        combo.setToolTip(tip)
        combo.activated.connect(lambda i: self.optionsEdited.emit({option: combo.itemData(i)}))
        self.options.addWidget(combo)
        return combo

    def _sync_options(self, view: ViewOptions) -> None:
        """Show the view options on the chart's widgets (signals blocked: nothing loops)."""
        if self.view_combo is not None:
            show_choice(self.view_combo, view.economics_view)

    # ------------------------------------------------------------------ style
    def set_style(self, theme: Theme, scale: float = 1.0, opaque_fills: bool = True) -> None:
        """Apply a theme; ``scale`` multiplies fonts and line widths (exports, presentation);
        ``opaque_fills`` False draws translucent fills (an export on a transparent background)."""
        self.theme, self.scale, self.opaque_fills = theme, scale, opaque_fills
        fg, muted = QColor(theme.foreground), QColor(theme.muted)
        self.view.setBackground(theme.background)
        font = QFont()
        font.setPointSizeF(8.5 * scale * theme.font_scale)
        for side in ("left", "bottom", "right"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(muted, width=max(1.0, scale)))
            axis.setTextPen(pg.mkPen(fg))
            axis.setTickFont(font)
            # two tick levels at most: fewer grid lines to paint (and a calmer grid)
            axis.setStyle(tickLength=int(-5 * scale), tickTextOffset=int(4 * scale), maxTickLevel=1)
            axis.label.setFont(font)
            axis.setLabel(axis.labelText, units=None, **{"color": theme.foreground,
                                                          "font-size": f"{8.5 * scale * theme.font_scale:.1f}pt"})
        if self.time_axis:
            # Value axes of a fixed width, room for any label the drag can show ('10000', '0.025'):
            # a label one digit longer would otherwise widen the axis and re-lay out the whole chart
            # in the middle of a drag (the costliest slider steps). It also lines the charts up.
            metrics = QFontMetricsF(font)
            text = max(metrics.horizontalAdvance("10000"), metrics.horizontalAdvance("0.025"))
            for side in ("left", "right"):
                axis = self.plot.getAxis(side)
                label = axis.label.boundingRect().height() * 0.8
                axis.setWidth(int(math.ceil(text + 4 * scale + label + 2)))
        self.grid.set_style(theme.muted, theme.grid_alpha / 255)
        self.vline.setPen(pg.mkPen(muted, width=max(1.0, scale), style=Qt.PenStyle.DashLine))
        self._restyle_items()
        self._legend_html = None
        self._bands_drawn = None
        self._render_title()
        self._render_legend()
        readout_font = QFont()
        readout_font.setPointSizeF(7.5 * scale * theme.font_scale)
        self.readout.reserve(QFontMetricsF(readout_font).height() + 4)
        self.hide_readout()
        self._fit_axis_labels()
        if self.input is not None:
            self._drawn = self._draw(self.input)  # pens and brushes of the new style
            self._finish(self.input)

    def _restyle_items(self) -> None:
        """Subclasses re-apply pens and brushes that depend on the theme or scale."""

    def _pen(self, colour: str, width: float = 1.5, style=Qt.PenStyle.SolidLine):
        return line_pen(colour, width * self.scale * self.theme.line_scale, style)

    def _font_pt(self, base: float) -> str:
        return f"{base * self.scale * self.theme.font_scale:.1f}pt"

    @property
    def _background(self) -> str | None:
        """The colour fills are blended over (None: translucent fills)."""
        return self.theme.background if self.opaque_fills else None

    # ------------------------------------------------------------------ header and legend
    def _render_title(self) -> None:
        t = self.theme
        font = QFont()
        font.setPointSizeF(10.5 * self.scale * t.font_scale)
        font.setWeight(QFont.Weight.DemiBold)
        width = max(self.view.width() - 20 * self.scale, 60.0)
        title = QFontMetricsF(font).elidedText(self._title_text or self.display_title, Qt.TextElideMode.ElideRight,
                                                 width)
        text = (f"<span style='font-size:{self._font_pt(10.5)}; font-weight:600; color:{t.foreground}'>"
                f"{html.escape(title)}</span>")
        if self._subtitle:
            text += (f"<br><span style='font-size:{self._font_pt(8)}; color:{t.muted}'>"
                     f"{html.escape(self._subtitle)}</span>")
        self.title_item.setText(text)

    def set_title(self, text: str) -> None:
        if text != self._title_text:
            self._title_text = text
            self._render_title()

    def _set_subtitle(self, text: str) -> None:
        if text != self._subtitle:
            self._subtitle = text
            self._render_title()

    @property
    def display_title(self) -> str:
        """The chart's name in the current language (``title`` is the English source)."""
        return tr(self.title)

    def shown_title(self) -> str:
        """The title as the chart shows it (with its conditions: 'Capacity by chip · FP8 peak')."""
        return self._title_text or self.display_title

    def set_legend(self, entries: list[tuple[str, str, str]]) -> None:
        if entries != self._legend_entries:
            self._legend_entries = entries
            self._render_legend()

    def legend_labels(self) -> list[str]:
        return [label for _, label, _ in self._legend_entries]

    def _render_legend(self) -> None:
        """One line of entries, wrapped onto more lines where the chart is too narrow."""
        t = self.theme
        font = QFont()
        font.setPointSizeF(8 * self.scale * t.font_scale)
        width = max(self.view.width() - 24 * self.scale, 120.0)
        # a short chart keeps its plot: two lines of legend at most (the rest is in the tooltip)
        most = 2 if self.view.height() < 300 * self.scale * t.font_scale else 8
        body, tip = legend_body(self._legend_entries, QFontMetricsF(font), width, most)
        self.legend.setToolTip(plain_tip(tip))  # the entries are names from files: text, not markup
        text = f"<span style='font-size:{self._font_pt(8)}; color:{t.foreground}'>{body}</span>"
        if text != self._legend_html:
            self._legend_html = text
            self.legend.setText(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._render_title()
        self._render_legend()

    def lay_out(self, width: int, height: int) -> None:
        """Lay the chart out at ``width`` × ``height`` off screen (exports)."""
        self.view.resize(width, height)
        self.resize(width, height)
        self._render_legend()

    # ------------------------------------------------------------------ hover readout
    def _on_mouse(self, event) -> None:
        pos = event[0]
        if self._term <= 0 or not self.plot.vb.sceneBoundingRect().contains(pos):
            self.hide_readout()
            return
        x = self.plot.vb.mapSceneToView(pos).x()
        self.show_readout(int(min(max(round(x), 0), self._term - 1)))

    def show_readout(self, m: int) -> str:
        """Show the values of month ``m`` on the readout line (what hovering does): the month first,
        each series, the compared scenarios, the P10-P90 band; returns the text."""
        self.vline.setPos(m)
        self.vline.setVisible(True)
        parts = [(None, month_label(self._start_index, m), True)]
        for colour, label, values, unit in self._readout_rows:
            parts.append((colour, f"{label} {with_unit(plain(float(values[m]), 3), unit)}", False))
        inp, drawn = self.input, self._drawn
        if inp is not None and drawn.x is not None:
            for overlay, (x, y) in zip([o for o in inp.overlays], self.overlay_lines()):
                k = m - overlay.offset
                if 0 <= k < len(y):
                    parts.append((overlay.colour, f"{overlay.label} {plain(float(y[k]), 3)}", False))
            series = inp.band_series.get(self.band_key) if (inp.band_series and self.band_key) else None
            if series is not None and self.bands_item is not None and m < series.shape[1]:
                p10, p90 = series[0, m] / drawn.factor, series[4, m] / drawn.factor
                parts.append((self.theme.muted, f"P10–P90 {plain(float(p10), 3)} – {plain(float(p90), 3)}", False))
        return self._set_readout(parts)

    def _set_readout(self, parts: list[tuple[str | None, str, bool]]) -> str:
        """The readout line from (colour of its square or None, text, bold) parts; parts that do not
        fit are left out from the end, never the start (the month or the bar's name)."""
        font = QFont()
        font.setPointSizeF(7.5 * self.scale * self.theme.font_scale)
        metrics = QFontMetricsF(font)
        width = max(self.view.width() - 20 * self.scale, 60.0)
        shown, used, plain_parts = [], 0.0, []
        for k, (colour, text, bold) in enumerate(parts):
            piece = ("■ " if colour else "") + text
            w = metrics.horizontalAdvance(piece + " · ") * (1.08 if bold else 1.0)
            if k and used + w > width:
                shown.append("…")
                plain_parts.append("…")
                break
            square = f"<span style='color:{colour}'>■</span> " if colour else ""
            body = f"<b>{html.escape(text)}</b>" if bold else html.escape(text)
            shown.append(square + body)
            plain_parts.append(piece)
            used += w
        text = " · ".join(plain_parts)
        self._readout_text = text
        self.readout.setText(f"<span style='font-size:{self._font_pt(7.5)}; color:{self.theme.foreground}'>"
                             f"{' · '.join(shown)}</span>")
        return text

    def readout_text(self) -> str:
        """What the readout line says now ('' when not hovering)."""
        return self._readout_text

    def hide_readout(self) -> None:
        if self.vline.isVisible():
            self.vline.setVisible(False)
        if self._readout_text:
            self._readout_text = ""
            self.readout.setText("")

    def leaveEvent(self, event) -> None:
        self.hide_readout()
        super().leaveEvent(event)

    # ------------------------------------------------------------------ the pipeline
    def set_input(self, inp: ChartInput) -> None:
        """The one entry point: draw ``inp``. Only what changed since the last input is redrawn."""
        previous, self.input = self.input, inp
        self._sync_options(inp.view)
        self._set_subtitle(inp.subtitle)
        if self.time_axis:
            self._set_time_axis(inp)
        if not inp.same_data(previous, self.draws_projection, self.draws_tornado):
            self._drawn = self._draw(inp)
            self.draws += 1
            self.hide_readout()  # it showed the values before the change
        self._finish(inp)

    def _draw(self, inp: ChartInput) -> Drawn:
        """Draw the chart's own data from ``inp``."""
        raise NotImplementedError

    def _finish(self, inp: ChartInput) -> None:
        drawn = self._drawn
        if drawn.x is None:  # not a time chart: its _draw did everything
            self.set_legend(drawn.entries)
            return
        band_top, band_entries = self._draw_bands(inp, drawn)
        overlay_top, overlay_entries = self._draw_overlays(inp, drawn)
        self.set_legend(drawn.entries + band_entries + overlay_entries)
        self._fit_y(max(drawn.data_max, band_top, overlay_top), inp)
        self._after_fit(inp, drawn)

    def _after_fit(self, inp: ChartInput, drawn: Drawn) -> None:
        """Place what depends on the final y range (subclasses)."""

    def _set_time_axis(self, inp: ChartInput) -> None:
        term = inp.projection.params.term_months
        self.plot.getAxis("bottom").set_start(inp.scenario.start)
        self._start_index = month_index(inp.scenario.start)
        if term != self._term:
            self._term = term
            self.plot.setXRange(0, max(term - 1, 1), padding=0.01)

    def _unit(self, key: str, max_value: float, units: tuple[Unit, ...], dragging: bool) -> Unit:
        """The display unit for a series; while dragging it is kept unless the values leave its span
        (a unit change rescales every item and the axis)."""
        held = self._units.get(key)
        if dragging and held is not None and held in units and 1e-3 <= max_value / held.factor < 1e4:
            return held
        unit = pick_unit(max_value, units)
        self._units[key] = unit
        if key == "y" and held is not None and unit != held:
            self.yrange.reset()  # the range held in the old unit means nothing in the new one
        return unit

    def _fit_y(self, data_max: float, inp: ChartInput) -> None:
        top = self.yrange.target(data_max, inp.dragging, inp.hold_axes)
        if top is not None:
            self.plot.setYRange(0, top, padding=0)

    def _set_axis_label(self, side: str, text: str, short: str | None = None) -> None:
        """An axis title; where the plot is too short (or narrow) for it, its short form is shown
        (``short``, or the title with its units abbreviated), then the unit after its last comma."""
        short = short_label(text) if short is None else short
        if self._axis_labels.get(side) != text or self._axis_shorts.get(side) != short:
            self._axis_labels[side] = text
            self._axis_shorts[side] = short
            self._fit_axis_labels()

    def _fit_axis_labels(self) -> None:
        font = QFont()
        font.setPointSizeF(8.5 * self.scale * self.theme.font_scale)
        metrics = QFontMetricsF(font)
        for side, text in self._axis_labels.items():
            # (a label may reach a pixel or two past the plot's ends, into the axes' margins: the
            # Japanese 'ドル/100万tok' lost its last letters at 1366x768 for 0.4 px)
            room = ((self.plot.vb.height() if side in ("left", "right") else self.plot.vb.width()) or 1e9) + 3
            shown = text
            if metrics.horizontalAdvance(text) > room:
                shown = self._axis_shorts.get(side, text)
                if metrics.horizontalAdvance(shown) > room and ", " in shown:
                    shown = shown.rsplit(", ", 1)[1]  # the unit alone ('change, %' -> '%'), still whole
                if metrics.horizontalAdvance(shown) > room:
                    shown = short_label(shown, _TIGHT)  # ('ドル/100万tok' -> 'ドル/Mtok', as 'USD/M tok')
                if metrics.horizontalAdvance(shown) > room:
                    shown = metrics.elidedText(shown, Qt.TextElideMode.ElideRight, max(room, 20))
            axis = self.plot.getAxis(side)
            if axis.labelText != shown:
                axis.setLabel(shown, **{"color": self.theme.foreground, "font-size": self._font_pt(8.5)})

    def _set_left_label(self, text: str, short: str | None = None) -> None:
        self._set_axis_label("left", text, short)

    # ------------------------------------------------------------------ bands and overlays
    def overlay_values(self, projection, view: ViewOptions) -> np.ndarray | None:
        """The series a compared scenario draws on this chart (raw units), or None."""
        return None

    def _draw_bands(self, inp: ChartInput, drawn: Drawn) -> tuple[float, list]:
        series = inp.band_series
        bands = series.get(self.band_key) if (series and self.band_key) else None
        x, factor = drawn.x, drawn.factor
        if bands is None or bands.shape[1] != len(x):
            if self._band_item is not None:
                self._band_item.setVisible(False)
            return 0.0, []
        if self._band_item is None:
            self._band_item = Layers(z=5)
            if self.live:
                # The bands change only when new analyses arrive (every few steps of a drag), while
                # the data under them changes with every step: painted from a pixmap, they cost a
                # third of a millisecond less per chart and step.
                self._band_item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.plot.addItem(self._band_item)
        item = self._band_item
        # Smooth band edges cost 1.5 ms a frame over all charts: only when the picture stands still.
        if item.fill_antialias == inp.dragging:
            item.fill_antialias = not inp.dragging
            item.update()
        entries = [(self.theme.muted, "P10–P90, P25–P75", "area"), (self.theme.foreground, tr("median"), "dash")]
        stale = inp.bands_stale
        key = (id(bands), factor, len(x), self.theme.name, self.scale, stale)
        drawn_before = self._bands_drawn
        if drawn_before is not None and drawn_before[0] == key and drawn_before[1] is bands and item.isVisible():
            return drawn_before[2], entries  # the same bands as on screen (most slider steps of a drag)
        colour = self.theme.foreground if not stale else self.theme.muted  # an earlier value's: dimmed
        dim = 0.5 if stale else 1.0
        fills = [(label, bands[hi] / factor, bands[lo] / factor, brush(colour, int(alpha * dim)))
                 for label, (lo, hi), alpha in (("P10–P90", (0, 4), 38), ("P25–P75", (1, 3), 60))]
        item.set_layers(x, fills, [("median", bands[2] / factor, self._pen(colour, 1.2, Qt.PenStyle.DashLine))],
                        style=(self.theme.name, self.scale, self.theme.line_scale, stale))
        item.setVisible(True)
        top = float(np.nanmax(bands[4])) / factor
        self._bands_drawn = (key, bands, top)
        return top, entries

    def _draw_overlays(self, inp: ChartInput, drawn: Drawn) -> tuple[float, list]:
        top, entries = 0.0, []
        overlays = inp.overlays
        while len(self._overlay_items) < len(overlays):
            item = pg.PlotDataItem()
            item.setZValue(20)
            self.plot.addItem(item)
            self._overlay_items.append(item)
        for k, item in enumerate(self._overlay_items):
            values = self.overlay_values(overlays[k].projection, inp.view) if k < len(overlays) else None
            if values is None:
                item.setVisible(False)
                continue
            overlay = overlays[k]
            y = values / drawn.factor
            set_xy(item, np.arange(len(y), dtype=float) + overlay.offset, y)
            if item.__dict__.get("_style") != (overlay.colour, self.scale):
                item.setPen(self._pen(overlay.colour, 2.2, Qt.PenStyle.DashDotLine))
                item._style = (overlay.colour, self.scale)
            item.setVisible(True)
            top = max(top, float(np.nanmax(y)))
            entries.append((overlay.colour, overlay.label, "dash"))
        return top, (entries if inp.overlay_legend else [])

    @property
    def bands_item(self) -> Layers | None:
        """The item that draws the bands, when it is shown (its ``drawn`` holds the edges)."""
        return self._band_item if self._band_item is not None and self._band_item.isVisible() else None

    def display_unit(self, key: str = "y") -> Unit | None:
        """The unit a series is drawn in ('y': the left axis)."""
        return self._units.get(key)

    def overlay_lines(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """(x, y) of each compared scenario drawn, in display units."""
        return [(item.xData, item.yData) for item in self._overlay_items if item.isVisible()]

    def series(self) -> dict[str, np.ndarray]:
        """The data drawn, by legend label (in display units), for tests and exports."""
        return {label: values for _, label, values, _ in self._readout_rows}


LEGEND_GLYPHS = {"area": "■", "line": "━", "dash": "┅", "bar": "▮"}


def legend_body(entries, metrics: QFontMetricsF, width: float, most: int) -> tuple[str, str]:
    """A legend's entries (colour, label, kind: area|line|dash|bar) as HTML lines of at most ``width``
    pixels in ``metrics``' font, ``most`` lines at most, and the text of what it could not show whole
    (for a tooltip). An entry wider than a line is elided; once one entry is left out so are the rest
    (the legend keeps its order), and the last line ends with '+k more'."""
    glyph = LEGEND_GLYPHS
    gap = metrics.horizontalAdvance("    ")
    lines: list[list[tuple[str, float, str]]] = [[]]  # (html, width, label) per entry
    used = 0.0
    left_out: list[str] = []
    elided: list[str] = []
    for colour, label, kind in entries:
        w = metrics.horizontalAdvance(f"{glyph.get(kind, '■')} {label}") + gap
        shown = label
        if w > width:  # one entry wider than the chart: elided (whole in the tooltip)
            room = width - gap - metrics.horizontalAdvance(f"{glyph.get(kind, '■')} ")
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, max(room, 20.0))
            w = width
            elided.append(label)
        if left_out:  # the legend keeps its order: once one is left out, so are the rest
            left_out.append(label)
            continue
        if lines[-1] and used + w > width:
            if len(lines) == most:
                left_out.append(label)
                continue
            lines.append([])
            used = 0.0
        lines[-1].append((f"<span style='color:{colour}'>{glyph.get(kind, '■')}</span>&nbsp;{html.escape(shown)}",
                          w, label))
        used += w

    def more_text() -> str:
        return tr("+{count} more").format(count=len(left_out))

    if left_out:
        # the last line makes room for '+k more' (its entries go to the tooltip too)
        while lines[-1] and sum(w for _, w, _ in lines[-1]) + metrics.horizontalAdvance(more_text()) > width:
            left_out.insert(0, lines[-1].pop()[2])
    parts_of = [[entry for entry, _, _ in line] for line in lines]
    if left_out:
        parts_of[-1].append(more_text())
    tip = "\n".join([label for label in elided if label not in left_out] + left_out)
    return "<br>".join("&nbsp;&nbsp;&nbsp; ".join(parts) for parts in parts_of), tip


_SHORT = (("USD billion per month", "USD bn/mo"), ("USD million per month", "USD M/mo"),
          ("USD thousand per month", "USD k/mo"), ("USD per month", "USD/mo"), ("USD billion", "USD bn"),
          ("USD million", "USD M"), ("USD thousand", "USD k"), ("TWh per year", "TWh/yr"), ("GWh per year", "GWh/yr"),
          ("MWh per year", "MWh/yr"), ("USD / M output tokens", "USD/M tok"), ("USD / busy GPU-hour", "USD/GPU-h"),
          ("output tokens/s per user", "tok/s per user"), ("change from base, %", "change, %"), ("Power, ", ""),
          ("Energy, ", ""),
          # the money axes in yen (units.MoneyUnits, units.price_unit); Japanese money labels are short
          # already ('億円/月'), their price axes lose the words a reader supplies
          ("JPY trillion per month", "JPY tn/mo"), ("JPY billion per month", "JPY bn/mo"),
          ("JPY million per month", "JPY M/mo"), ("JPY per month", "JPY/mo"), ("JPY trillion", "JPY tn"),
          ("JPY billion", "JPY bn"), ("JPY million", "JPY M"), ("JPY / M output tokens", "JPY/M tok"),
          ("JPY / busy GPU-hour", "JPY/GPU-h"), ("円 / 100万出力トークン", "円/100万tok"),
          ("ドル / 100万出力トークン", "ドル/100万tok"), ("円 / 稼働GPU時間", "円/GPU時間"),
          ("ドル / 稼働GPU時間", "ドル/GPU時間"))


# The last short forms, for a plot too short even for the short one (a Japanese price axis beside a
# two-line legend at 1366x705): million tokens as 'M', as the English short form writes it.
_TIGHT = (("100万tok", "Mtok"),)


def short_label(text: str, forms: tuple = _SHORT) -> str:
    """An axis title's short form: 'USD million per month' -> 'USD M/mo', 'Energy, TWh per year' -> 'TWh/yr'
    (``forms=_TIGHT``: its shortest, 'ドル/100万tok' -> 'ドル/Mtok')."""
    for long, short in forms:
        text = text.replace(long, short)
    return text


def show_choice(combo: QComboBox, value, by_text: bool = False) -> None:
    """Select ``value`` (item data, or text) in ``combo`` without emitting anything."""
    index = combo.findText(value) if by_text else combo.findData(value)
    if index >= 0 and index != combo.currentIndex():
        blocked = combo.blockSignals(True)
        combo.setCurrentIndex(index)
        combo.blockSignals(blocked)


def shown_chips(scenario, projection) -> tuple[list[str], list[int]]:
    """The chips a chart draws (those with a share; all when none has one) and their catalog indices."""
    chips = [c for c in scenario.chip_mix if scenario.chip_mix[c] > 0] or list(scenario.chip_mix)
    return chips, [projection.catalog.index(c) for c in chips]
