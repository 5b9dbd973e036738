"""Power and energy: provisioned IT and facility power, the average draw, and energy per year."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from explorer.i18n import QT_TR_NOOP, is_japanese, tr
from explorer.model import year_split
from explorer.months import fiscal_year_label

from .base import Chart, Drawn, short_label
from .items import Bars, Layers, fill_brush, set_bars
from .units import ENERGY_YEAR, HOURS_PER_YEAR, POWER


class PowerChart(Chart):
    name = "power"
    title = QT_TR_NOOP("Power and energy")
    band_key = "facility_mw"
    explanation = QT_TR_NOOP(
        "Provisioned power is what the site must deliver on its hottest day with every machine flat "
        "out: the IT systems at nameplate, times the design PUE for the facility. Campuses and deals "
        "are quoted in it. The average draw (dashed) is what the fleet uses on a typical day at its "
        "utilisation, times the annual average PUE; the energy bars and the energy bill follow it.")

    def _build_items(self) -> None:
        self.plot.showAxis("right")
        self.energy_vb = pg.ViewBox()
        self.energy_vb.setMouseEnabled(False, False)
        self.energy_vb.setMenuEnabled(False)
        self.plot.scene().addItem(self.energy_vb)
        right = self.plot.getAxis("right")
        right.linkToView(self.energy_vb)
        right.enableAutoSIPrefix(False)
        self.energy_vb.setXLink(self.plot)
        self.energy_vb.setZValue(-10)
        self.plot.vb.sigResized.connect(self._sync_views)
        self.bars = Bars(x0=[], height=[], width=[], y0=0)
        self.energy_vb.addItem(self.bars)
        self.lines = Layers()
        self.plot.addItem(self.lines)
        self._energy_per_power = 0.0
        self._energy_top = None
        self._fiscal_years = None  # the fiscal years the bars show ((Y,), None: calendar years)
        self._restyle_items()

    def overlay_values(self, projection, view):
        return projection.facility_mw[0]

    def _sync_views(self) -> None:
        self.energy_vb.setGeometry(self.plot.vb.sceneBoundingRect())
        self.energy_vb.linkedViewChanged(self.plot.vb, self.energy_vb.XAxis)

    def _restyle_items(self) -> None:
        t = self.theme
        self.bars.setOpts(brush=fill_brush(t.bars, 200, self._background), pen=pg.mkPen(None))

    def _draw(self, inp) -> Drawn:
        projection = inp.projection
        it, facility = projection.it_mw[0], projection.facility_mw[0]  # provisioned
        average = projection.facility_avg_mw[0]
        unit = self._unit("y", float(facility.max()), POWER, inp.dragging)
        x = np.arange(projection.params.term_months, dtype=float)
        t = self.theme
        self.lines.set_layers(x, [], [("IT", it / unit.factor, self._pen(t.line_it, 2.0)),
                                      ("facility", facility / unit.factor, self._pen(t.line_facility, 2.4)),
                                      ("average", average / unit.factor,
                                       self._pen(t.line_facility, 1.6, Qt.PenStyle.DashLine))],
                              style=(t.name, self.scale, t.line_scale))
        fiscal = bool(inp.view.fiscal_years)
        _, gwh = projection.energy_by_year(fiscal)
        gwh = gwh[0]
        counts, starts = self._years(projection, inp.scenario, fiscal)
        self._fiscal_years = self._year_labels[0] if fiscal else None
        e_unit = self._unit("energy", float(gwh.max()), ENERGY_YEAR, inp.dragging)
        set_bars(self.bars, x0=starts - 0.5, width=counts.astype(float) - 0.15, height=gwh / e_unit.factor, y0=0)
        p_label, e_label = tr(unit.label), tr(e_unit.label)
        self._set_left_label(tr("Power, {unit}").format(unit=p_label), short_label(p_label))
        self._set_axis_label("right", tr("Energy, {unit}").format(unit=e_label), short_label(e_label))
        year_of_month = np.repeat(gwh / e_unit.factor, counts)
        self._readout_rows = [(t.line_facility, tr("facility, provisioned"), facility / unit.factor, p_label),
                              (t.line_it, tr("IT, provisioned"), it / unit.factor, p_label),
                              (t.line_facility, tr("average draw"), average / unit.factor, p_label),
                              (t.muted, tr("energy that year"), year_of_month, e_unit.label.replace(" per year", ""))]
        # The energy axis is the power axis times the hours of a year: a (calendar or fiscal) year run
        # at the line's power all year long has a bar that reaches the line, and both axes change together
        # (a slider step re-draws both axes at once, or neither).
        self._energy_per_power = unit.factor * HOURS_PER_YEAR / 1e3 / e_unit.factor
        # Legends hold no live numbers (a changed legend re-lays out the chart on every slider step).
        return Drawn([(t.line_facility, tr("Facility, provisioned"), "line"),
                      (t.line_it, tr("IT, provisioned"), "line"),
                      (t.line_facility, tr("Facility, average draw"), "dash"),
                      (t.bars, tr("Energy per fiscal year (right axis)") if fiscal
                       else tr("Energy per year (right axis)"), "bar")],
                     float(facility.max()) / unit.factor, unit.factor, x)

    def _years(self, projection, scenario, fiscal: bool = False) -> tuple[np.ndarray, np.ndarray]:
        """Months per year of the term (calendar, or fiscal April-March) and each year's first month
        (kept per start, term and grouping)."""
        key = (scenario.start, projection.params.term_months, fiscal)
        if self.__dict__.get("_year_key") != key:
            term = projection.params.term_months
            years, first = year_split(projection.params.start, term, fiscal)
            counts = np.diff(np.r_[first, term])
            self._year_key, self._year_split = key, (counts, first.astype(float))
            self._year_labels = (years, first)
        return self._year_split

    def show_readout(self, m: int) -> str:
        """The readout; with fiscal years, its energy row names the year: 'energy in FY2025' ('2025年度')."""
        years, rows = self._fiscal_years, self._readout_rows
        if years is None or not rows:
            return super().show_readout(m)
        first = self._year_labels[1]
        year = int(years[max(int(np.searchsorted(first, m, side="right")) - 1, 0)])
        named = fiscal_year_label(year) if is_japanese() else tr("FY{year}").format(year=year)
        colour, label, values, unit = rows[-1]
        rows[-1] = (colour, tr("energy in {year}").format(year=named), values, unit)
        try:
            return super().show_readout(m)
        finally:
            rows[-1] = (colour, label, values, unit)  # (the series keep their names)

    def _after_fit(self, inp, drawn) -> None:
        if not self._energy_per_power or self.yrange.top is None:
            return
        top = self.yrange.top * self._energy_per_power
        changed = self._energy_top != top
        if changed:
            self._energy_top = top
            self.energy_vb.setYRange(0, top, padding=0)
        if changed or self.energy_vb.geometry() != self.plot.vb.sceneBoundingRect():
            self._sync_views()  # (it follows resizes on its own; a slider step rarely needs it)
