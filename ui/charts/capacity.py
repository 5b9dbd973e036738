"""Capacity by chip: installed (or effective) FLOP/s over the term, stacked by chip."""

from __future__ import annotations

import numpy as np

from explorer.catalog import PRECISION_LABELS, PRECISIONS
from explorer.i18n import QT_TR_NOOP, tr

from ..state.view import MEASURES
from ..theme import chip_colour
from .base import Chart, Drawn, show_choice, shown_chips
from .items import Layers, stacked
from .units import FLOPS


class CapacityChart(Chart):
    name = "capacity"
    title = QT_TR_NOOP("Capacity by chip")
    band_key = "capacity"

    def _add_options(self) -> None:
        self.precision = self._option_combo(
            tr("Precision"), [(PRECISION_LABELS[p], p) for p in PRECISIONS], tr("Capacity precision"),
            tr("Precision of the FLOP/s shown (dense). A chip without FP4 or FP8 counts at its next wider precision."),
            "precision")
        self.measure = self._option_combo(
            None, [(tr(m), m) for m in MEASURES], tr("Capacity measure"),
            tr("Peak: installed FLOP/s. Effective: peak × utilisation × MFU."), "measure")

    def _build_items(self) -> None:
        self.areas = Layers()
        self.plot.addItem(self.areas)

    def _sync_options(self, view) -> None:
        super()._sync_options(view)
        show_choice(self.precision, view.precision)
        show_choice(self.measure, view.measure)

    def overlay_values(self, projection, view):
        flops = projection.effective_flops if view.effective else projection.peak_flops
        return flops(view.precision)[0]

    def _draw(self, inp) -> Drawn:
        projection, scenario, view = inp.projection, inp.scenario, inp.view
        previous = self.__dict__.get("_options")
        if previous is not None and previous != (view.precision, view.measure):
            self.yrange.reset()  # another measure: fit the axis anew
        self._options = (view.precision, view.measure)
        by_chip = (projection.effective_flops_by_chip if view.effective else projection.peak_flops_by_chip)(
            view.precision)[0]
        chips, idx = shown_chips(scenario, projection)
        total = by_chip[:, idx].sum(axis=1)
        unit = self._unit("y", float(total.max()), FLOPS, inp.dragging)
        bands = [by_chip[:, i] / unit.factor for i in idx]
        colours = [chip_colour(c, projection.catalog.position(c)) for c in chips]  # as the chip-mix bar
        x = np.arange(projection.params.term_months, dtype=float)
        width = 0.8 * self.scale * self.theme.line_scale
        self.areas.set_layers(x, *stacked(x, bands, chips, colours, width, self._background),
                              style=(tuple(chips), tuple(colours), width, self._background))
        self.set_title(tr("Capacity by chip · {precision} {measure}").format(
            precision=PRECISION_LABELS[view.precision], measure=tr(view.measure).lower()))
        unit_label = tr(unit.label)
        self._set_left_label(unit_label)
        self._readout_rows = [(c, chip, b, "") for chip, c, b in zip(chips, colours, bands)] + \
            [(self.theme.foreground, tr("total"), total / unit.factor, unit_label)]
        return Drawn([(c, chip, "area") for chip, c in zip(chips, colours)], float(total.max()) / unit.factor,
                     unit.factor, x)
