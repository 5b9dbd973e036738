"""The portfolio's charts, drawn by one pipeline for the window and for pictures (``render``, ``report``).

- ``StackedChart``: one of TIME_CHARTS (accelerators installed, provisioned power, cost per month,
  cumulative commitments) as areas stacked over the calendar months, one band per group;
- ``YearlyChart``: commitments per calendar year as stacked bars, with the revenue entered as a line;
- ``PortfolioView``: what they draw: the portfolio, its projection, how to stack it (by member,
  provider or chip family) and the revenue line. ``chart.show(view)`` draws it on one chart;
  ``draw_charts(charts, yearly, view)`` on the window's five and returns the legend's entries.

A chart is made for the window (its title and the shared legend are QLabels around the plot, which
wrap) or as a picture (``picture=True``: title, subtitle, plot and legend are all items of one
pyqtgraph scene, so ui/render/images.py's encoders paint or export all of it; ui/render/portfolio.py
lays pictures out off screen). Both draw the same items from the same arrays.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, replace

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

from explorer import formatting as fmt
from explorer.i18n import is_japanese, tr
from explorer.portfolio import Portfolio, PortfolioProjection

from ..charts.base import legend_body
from ..charts.items import BarStack, Grid, Label, Layers, edge_pen
from ..theme import Theme
from .palette import (FAMILY_COLOURS, PROVIDER_COLOURS, STACK_NOTES, STACKS, TIME_CHARTS, YEARLY_TITLE,  # noqa: F401
                      group_styles)

YEARLY = "yearly"
CHART_NAMES = tuple(key for key, _, _ in TIME_CHARTS) + (YEARLY,)
CHART_TITLES = {key: title for key, _, title in TIME_CHARTS} | {YEARLY: YEARLY_TITLE}
MONEY_CHARTS = ("cost", "cumulative", YEARLY)


@dataclass(frozen=True)
class PortfolioView:
    """What the portfolio charts draw. ``revenue_usd`` is per year (None: no line); ``subtitle`` is the
    line a picture shows under its title (the window shows the portfolio's name above its charts)."""

    portfolio: Portfolio
    projection: PortfolioProjection
    stack_by: str = "member"
    revenue_usd: float | None = None
    subtitle: str = ""

    def replace(self, **changes) -> "PortfolioView":
        return replace(self, **changes)

    def groups(self, series: str) -> tuple[tuple, np.ndarray, list[str], list[str]]:
        """(keys, (G, T) values, colours, legend labels) of a series, stacked as chosen. A member has
        its provider's colour (or a shade of it) and keeps it when others are switched off
        (palette.member_colours, over all the portfolio's members)."""
        keys, values = self.projection.grouped(series, by=self.stack_by)
        colours, labels = group_styles(self.stack_by, keys, self.portfolio.members)
        return tuple(keys), values, colours, labels

    def legend(self, revenue: bool = True) -> list[tuple[str, str, str]]:
        """The legend's entries (colour, label, kind), the revenue line last when there is one."""
        _, _, colours, labels = self.groups("cost")
        entries = [(c, label, "area") for c, label in zip(colours, labels)]
        if revenue and self.revenue_usd is not None:
            entries.append(("", tr("Revenue: {amount} per year").format(amount=fmt.money(self.revenue_usd)), "dash"))
        return entries


def money_unit(largest_usd: float) -> tuple[float, str]:
    """(USD per unit shown, the unit as the title shows it) of a money chart whose largest value is
    ``largest_usd``: billions of the currency shown; in Japanese 億 (10^8), or 兆 (10^12) once the
    largest value reaches one 兆, of 円 or ドル, as Japanese figures are written (2,640億ドル,
    1.2兆ドル), not in 10億."""
    cur = fmt.currency()
    if is_japanese():
        scale, prefix = (1e12, "兆") if largest_usd * cur.factor >= 1e12 else (1e8, "億")
        return scale / cur.factor, prefix + ("円" if cur.is_yen else "ドル")
    return 1e9 / cur.factor, tr("{unit} billions").format(unit=cur.code)


def units(largest_usd: float) -> dict[str, tuple[float, str]]:
    """series -> (divisor, unit as the title shows it); money in ``money_unit(largest_usd)``."""
    money = money_unit(largest_usd)
    return {"gpus": (1e6, tr("millions")), "facility_mw": (1e3, "GW"), "cost": money, "cost_cumulative": money}


def _pt(size: float, theme: Theme) -> float:
    return size * theme.font_scale


class _Axis(pg.AxisItem):
    """An axis whose fixed ticks (the years: ``setTicks``) are also the ones the grid is drawn at."""

    fixed = None

    def setTicks(self, ticks):
        self.fixed = ticks
        super().setTicks(ticks)

    def tickValues(self, minVal, maxVal, size):
        if self.fixed is not None:
            return [(1.0, [v for v, _ in level]) for level in self.fixed if level]
        return super().tickValues(minVal, maxVal, size)


def _axes() -> dict:
    return {"left": _Axis("left"), "bottom": _Axis("bottom")}


class _Plot:
    """One pyqtgraph plot in the app's colours, no mouse interaction, years on the x axis. For the
    window, ``box`` holds a wrapping title QLabel above the plot (a long title inside the scene
    would widen the scene beyond the view and clip the plot); a picture has its title, subtitle and
    legend in the scene, laid out at the picture's size (``lay_out``)."""

    def __init__(self, theme: Theme, picture: bool = False):
        self.theme, self.picture = theme, picture
        self.view = pg.GraphicsLayoutWidget()
        self.view.setBackground(theme.background)
        self.widget = self.view
        self.widget.setMinimumSize(200, 120)
        layout = self.view.ci
        self.title_item: Label | None = None
        self.legend_item: Label | None = None
        self._title = ("", "", "")  # title, unit, subtitle
        self._legend: list[tuple[str, str, str]] = []
        if picture:
            layout.setContentsMargins(4, 4, 8, 4)
            layout.setSpacing(2)
            self.title_item = Label(justify="left")
            layout.addItem(self.title_item, row=0, col=0)
            self.plot: pg.PlotItem = layout.addPlot(row=1, col=0, axisItems=_axes())
            self.legend_item = Label(justify="left")
            layout.addItem(self.legend_item, row=2, col=0)
            layout.layout.setRowStretchFactor(1, 1)
            self.box = None
        else:
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(0)
            self.plot = layout.addPlot(row=0, col=0, axisItems=_axes())
            self.title_label = QLabel()
            self.title_label.setWordWrap(True)
            self.box = QWidget()
            box = QVBoxLayout(self.box)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(0)
            box.addWidget(self.title_label)
            box.addWidget(self.widget, 1)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        # The grid is one item under the data (charts/items.py), not part of the axes: an axis's
        # cached picture is then only as big as the axis, where with pyqtgraph's grid each covered
        # the plot and was blended over it on every repaint.
        self.grid = Grid(self.plot)
        self.grid.set_style(theme.muted, theme.grid_alpha / 255.0)
        self.plot.addItem(self.grid, ignoreBounds=True)
        font = QFont()
        font.setPointSizeF(_pt(8.5, theme))
        self._tick_metrics = QFontMetricsF(font)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(theme.muted))
            axis.setTextPen(pg.mkPen(theme.foreground))
            if picture:  # the scenario charts' type sizes (ui/charts/base.py)
                axis.setTickFont(font)
                axis.setStyle(tickLength=-5, tickTextOffset=4)
            else:
                # an axis is painted from a pixmap until its ticks change (painting its text each step
                # is most of a live step's cost otherwise)
                axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        if not picture:
            self.plot.getAxis("left").setWidth(46)
        self._x_range: tuple | None = None
        self._y_top: float | None = None
        self.hold = False  # a member's slider is held: the y range only grows (``fit``), the unit stays
        self._unit: tuple | None = None  # ((series, currency, Japanese), (divisor, unit)) shown
        self.plot.layout.setContentsMargins(2, 2, 8, 2)

    def set_theme(self, theme: Theme) -> None:
        """Another theme (the main window's was switched): background, grid, axes and title; the data
        keeps its fixed colours."""
        self.theme = theme
        self.view.setBackground(theme.background)
        self.grid.set_style(theme.muted, theme.grid_alpha / 255.0)
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(theme.muted))
            axis.setTextPen(pg.mkPen(theme.foreground))
        if self._title[0]:
            title, self._title = self._title, ("", "", "")
            self.set_title(*title)  # in the new theme's colours

    @property
    def display_title(self) -> str:
        return self._title[0]

    def set_title(self, title: str, unit: str, subtitle: str = "") -> None:
        if (title, unit, subtitle) == self._title:
            return  # (every update of a drag sets it: the label and its accessible name stay)
        self._title = (title, unit, subtitle)
        self.widget.setAccessibleName(tr("{title} chart").format(title=title))
        if self.picture:
            self._render_title()
            return
        self.title_label.setText(f"<b>{html.escape(title)}</b> <span style='color:{self.theme.muted}'>"
                                 f"({html.escape(unit)})</span>")

    def _render_title(self) -> None:
        """A picture's title (elided to its width, never cut by the edge) with the unit, and the subtitle."""
        t = self.theme
        title, unit, subtitle = self._title
        bold = QFont()
        bold.setPointSizeF(_pt(10.5, t))
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont()
        small.setPointSizeF(_pt(8, t))
        width = max(self.view.width() - 20.0, 60.0)
        unit_text = f" ({unit})" if unit else ""
        room = width - QFontMetricsF(bold).horizontalAdvance(unit_text)
        shown = QFontMetricsF(bold).elidedText(title, Qt.TextElideMode.ElideRight, max(room, 30.0))
        text = (f"<span style='font-size:{_pt(10.5, t):.1f}pt; font-weight:600; color:{t.foreground}'>"
                f"{html.escape(shown)}</span><span style='font-size:{_pt(10.5, t):.1f}pt; color:{t.muted}'>"
                f"{html.escape(unit_text)}</span>")
        if subtitle:
            sub = QFontMetricsF(small).elidedText(subtitle, Qt.TextElideMode.ElideRight, width)
            text += f"<br><span style='font-size:{_pt(8, t):.1f}pt; color:{t.muted}'>{html.escape(sub)}</span>"
        self.title_item.setText(text)

    def set_legend(self, entries: list[tuple[str, str, str]]) -> None:
        """A picture's legend: every entry, wrapped to the picture's width ('' colour: the foreground)."""
        self._legend = entries
        t = self.theme
        font = QFont()
        font.setPointSizeF(_pt(8, t))
        most = 2 if self.view.height() < 300 * t.font_scale else 8
        shown = [(colour or t.foreground, label, kind) for colour, label, kind in entries]
        body, _ = legend_body(shown, QFontMetricsF(font), max(self.view.width() - 24.0, 120.0), most)
        self.legend_item.setText(f"<span style='font-size:{_pt(8, t):.1f}pt; color:{t.foreground}'>{body}</span>")

    def lay_out(self, width: int, height: int) -> None:
        """A picture laid out at ``width`` × ``height`` (logical pixels), its title and legend fitted."""
        self.view.resize(width, height)
        self._render_title()
        self.set_legend(self._legend)
        self.view.ci.setGeometry(0, 0, width, height)
        self.view.ci.layout.activate()
        self._x_range = None  # the year ticks for this width
        self._refit()

    def _refit(self) -> None:
        """Subclasses fit their ranges again (after a new size)."""

    def _unit_for(self, series: str, largest: float) -> tuple[float, str]:
        """The (divisor, unit) to show ``series`` in: while a slider is held the unit is kept (the axis
        is not relabelled mid-drag) as long as the values stay within its span, as in the scenario
        charts, and the currency and language are the ones it was chosen in; else chosen for the
        largest value."""
        shown = (series, fmt.currency(), is_japanese())
        if self.hold and self._unit is not None and self._unit[0] == shown and \
                1e-3 <= largest / self._unit[1][0] < 1e4:
            return self._unit[1]
        unit = units(largest)[series]  # (``largest`` in the series' own terms: USD, accelerators, MW)
        self._unit = (shown, unit)
        return unit

    def deleteLater(self) -> None:
        self.view.deleteLater()

    def fit(self, x0: float, x1: float, top: float, padding: float = 0.0) -> None:
        """The x range, its year ticks and the y range, each set only when it changes: while a member is
        dragged (``hold``) the y range only grows (and shrinks when the data falls below half of it), so
        the axes are not laid out again on every step; otherwise it is fitted to the data (a member
        switched off, the drag's end)."""
        if self._x_range != (x0, x1, self.widget.width()):
            self._x_range = (x0, x1, self.widget.width())
            self.plot.setXRange(x0 - padding, x1 + padding, padding=0)
            self.year_ticks(x0, x1)
        top = top if top > 0 else 1.0
        if self._y_top is None or top > self._y_top or top < 0.5 * self._y_top or \
                (not self.hold and abs(top * 1.08 - self._y_top) > 1e-9 * self._y_top):
            self._y_top = top * 1.08
            self.plot.setYRange(0.0, self._y_top, padding=0)
            if self.picture:
                self._fit_axis_width(self._y_top)

    def _fit_axis_width(self, top: float) -> None:
        """A picture's value axis as wide as its longest tick label ('1200', '0.8'), not a fixed guess."""
        digits = len(str(int(top))) + (2 if top < 10 else 0)
        text = self._tick_metrics.horizontalAdvance("8" * digits)
        self.plot.getAxis("left").setWidth(int(math.ceil(text + 14)))

    def year_ticks(self, first: float, last: float) -> None:
        years = range(int(np.floor(first)), int(np.ceil(last)) + 1)
        room = max(self.widget.width() - 60, 100) / max(len(years), 1)  # pixels per year
        step = 1 if room >= 44 else 2 if room >= 22 else 5
        self.plot.getAxis("bottom").setTicks([[(float(y), str(y)) for y in years if y % step == 0], []])
        self.grid.invalidate()  # the grid is drawn at these ticks (a new step leaves the range as it was)


class StackedChart(_Plot):
    """Areas stacked over the months, one filled band per group with its upper edge drawn as a line,
    all painted by one item (``Layers``: a slider step builds the changed paths and repaints once,
    where an item per band and per edge cost a round of pyqtgraph bookkeeping each). Unchanged arrays
    and colours are not drawn again."""

    def __init__(self, key: str, series: str, title: str, theme: Theme, picture: bool = False):
        super().__init__(theme, picture)
        self.key, self.series, self.title = key, series, title
        self.keys: tuple = ()
        self.layers = Layers(z=-10)
        self.plot.addItem(self.layers)
        self._colours: tuple = ()
        self._brushes: list = []
        self._pens: list = []
        self._x: np.ndarray | None = None
        self._tops: np.ndarray | None = None  # (G, T) the stacked lines shown

    @classmethod
    def named(cls, key: str, theme: Theme, picture: bool = False) -> "StackedChart":
        """The chart of TIME_CHARTS called ``key``."""
        series, title = next((s, t) for k, s, t in TIME_CHARTS if k == key)
        return cls(key, series, title, theme, picture)

    @property
    def item_count(self) -> int:
        """The filled bands drawn (one per group)."""
        return len(self.keys)

    @property
    def tops(self) -> np.ndarray | None:
        """The stacked lines shown (G, T), in shown units."""
        return self._tops

    def show(self, view: PortfolioView) -> None:
        """Draw ``view``: its groups of this chart's series, with the title and (a picture) the legend."""
        keys, values, colours, _ = view.groups(self.series)
        divisor, unit = self._unit_for(self.series, float(values.sum(axis=0).max()) if values.size else 0.0)
        self.set_title(tr(self.title), unit, view.subtitle)
        self.draw(view.projection.month_indices / 12.0, keys, values, colours, divisor)
        if self.picture:
            self.set_legend(view.legend(revenue=False))

    def draw(self, x: np.ndarray, keys: tuple, values: np.ndarray, colours: list[str], divisor: float) -> None:
        self.keys = keys
        if tuple(colours) != self._colours:
            self._colours = tuple(colours)
            self._brushes = [pg.mkBrush(colour) for colour in colours]
            self._pens = [edge_pen(colour, 1.0) for colour in colours]
        if x.size == 0:
            x, values = np.array([0.0, 1.0]), np.zeros((len(keys), 2))
        tops = np.cumsum(values, axis=0) / divisor
        self.layers.set_stack(x, tops, keys, self._brushes, self._pens, style=self._colours)
        self._x, self._tops = x, tops
        self._refit()

    def _refit(self) -> None:
        if self._x is None:
            return
        top = float(self._tops[-1].max()) if len(self._tops) else 0.0
        self.fit(float(self._x[0]), float(self._x[-1]), top)


class YearlyChart(_Plot):
    """Commitments per calendar year, stacked bars, and the revenue the user entered as a line."""

    key = YEARLY

    def __init__(self, theme: Theme, picture: bool = False):
        super().__init__(theme, picture)
        self.keys: tuple = ()
        self._colours: tuple = ()
        self._brushes: list = []
        self._pens: list = []
        self.bars = BarStack()  # every group's bars, one item
        self.plot.addItem(self.bars)
        self.revenue = pg.InfiniteLine(angle=0, movable=False,
                                       pen=pg.mkPen(theme.foreground, width=2, style=Qt.PenStyle.DashLine))
        self.revenue.setZValue(10)
        self.revenue.setVisible(False)
        self.plot.addItem(self.revenue)
        self.revenue_value: float | None = None  # shown units
        self._top = 0.0
        self._years: tuple[float, float] | None = None  # the calendar years drawn (first, last)
        self._shown: tuple | None = None  # (heights, bottoms) shown, (G, Y) each
        self._years_shown: np.ndarray | None = None

    @property
    def item_count(self) -> int:
        """The groups of bars drawn (one per member, provider or family)."""
        return len(self.keys)

    def set_theme(self, theme: Theme) -> None:
        super().set_theme(theme)
        self.revenue.setPen(pg.mkPen(theme.foreground, width=2, style=Qt.PenStyle.DashLine))

    def show(self, view: PortfolioView) -> None:
        """Draw ``view``: the yearly sums of its cost groups, the revenue line, the title and (a
        picture) the legend."""
        keys, values, colours, _ = view.groups("cost")
        years, yearly = view.projection.by_year(values)
        largest = max(float(yearly.sum(axis=0).max()) if yearly.size else 0.0, view.revenue_usd or 0.0)
        divisor, unit = self._unit_for("cost", largest)
        self.set_title(tr(YEARLY_TITLE), unit, view.subtitle)
        self.draw(years, keys, yearly, colours, divisor)
        self.set_revenue(None if view.revenue_usd is None else view.revenue_usd / divisor)
        if self.picture:
            self.set_legend(view.legend())

    def draw(self, years: np.ndarray, keys: tuple, values: np.ndarray, colours: list[str], divisor: float) -> None:
        years = years.astype(float)
        shown = values / divisor
        bottoms = np.vstack([np.zeros(len(years)), np.cumsum(shown, axis=0)[:-1]]) if len(keys) else shown
        if keys != self.keys or tuple(colours) != self._colours:  # (providers may share the members' labels)
            self._colours = tuple(colours)
            self._brushes = [pg.mkBrush(colour) for colour in colours]
            self._pens = [edge_pen(colour, 1.0) for colour in colours]
            self.keys = keys
            self._shown = None
        same = self._shown is not None and np.array_equal(self._years_shown, years) \
            and np.array_equal(self._shown[0], shown) and np.array_equal(self._shown[1], bottoms)
        if not same:
            self.bars.set_bars(years, bottoms, shown, 0.72, self._brushes, self._pens)
        self._shown, self._years_shown = (shown, bottoms), years
        self._top = float(shown.sum(axis=0).max()) if shown.size else 0.0
        if years.size:  # (every member switched off: the calendar stays as it was)
            self._years = (float(years[0]), float(years[-1]))
        self._fit()

    def set_revenue(self, value: float | None) -> None:
        self.revenue_value = value
        self.revenue.setVisible(value is not None)
        if value is not None:
            self.revenue.setPos(value)
        self._fit()

    def _fit(self) -> None:
        self.fit(*(self._years or (0.0, 1.0)), max(self._top, self.revenue_value or 0.0), padding=0.6)
        if self._years is None:  # no year drawn yet: no year labels (not '0' and '1')
            self.plot.getAxis("bottom").setTicks([[], []])

    _refit = _fit


def draw_charts(charts, yearly: YearlyChart, view: PortfolioView) -> list[tuple[str, str, str]]:
    """Draw ``view`` on the window's stacked charts and its yearly chart; the legend's entries (the
    window shows one legend for all of them)."""
    for chart in charts.values():
        chart.show(view)
    yearly.show(view)
    return view.legend()


def new_chart(name: str, theme: Theme, picture: bool = False) -> StackedChart | YearlyChart:
    """The chart called ``name`` (one of CHART_NAMES)."""
    return YearlyChart(theme, picture) if name == YEARLY else StackedChart.named(name, theme, picture)
