"""Cumulative cost against the contract value, with the month it is exceeded."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from explorer.formatting import money
from explorer.i18n import QT_TR_NOOP, tr

from ..theme import COMPONENT_COLOURS
from .base import Chart, Drawn
from .items import Dots, Layers, brush, cached_pen, fill_brush
from .units import USD_TOTAL, month_label


class CumulativeChart(Chart):
    name = "cumulative"
    title = QT_TR_NOOP("Cumulative cost vs contract")
    band_key = "cost_cumulative"

    def _build_items(self) -> None:
        self.curve = Layers()
        self.plot.addItem(self.curve)
        self.contract = pg.InfiniteLine(angle=0, movable=False)
        self.plot.addItem(self.contract, ignoreBounds=True)
        self.contract_label = pg.TextItem(anchor=(0, 0))  # below the line: never clipped at the top
        self.contract_label.setZValue(45)  # over the bands and the curve
        self.plot.addItem(self.contract_label, ignoreBounds=True)
        self.cross = Dots(z=40)  # the month the contract is exceeded
        self.plot.addItem(self.cross)
        self._label_state = None
        self._restyle_items()

    def overlay_values(self, projection, view):
        return projection.cost_cumulative[0]

    def _restyle_items(self) -> None:
        t = self.theme
        self.contract.setPen(self._pen(t.contract, 1.6, Qt.PenStyle.DashLine))
        self._label_state = None

    def _draw(self, inp) -> Drawn:
        cum = inp.projection.cost_cumulative[0]
        contract = float(inp.scenario.contract_value_usd)
        unit = self._unit("y", max(float(cum.max()), contract), USD_TOTAL, inp.dragging)
        x = np.arange(inp.projection.params.term_months, dtype=float)
        t = self.theme
        fill = fill_brush(COMPONENT_COLOURS["compute"], 60, self._background)
        self.curve.set_layers(x, [("cumulative fill", cum / unit.factor, None, fill)],
                              [("cumulative", cum / unit.factor, self._pen(COMPONENT_COLOURS["compute"], 2.4))],
                              style=(t.name, self.scale, t.line_scale, self.opaque_fills))
        self.contract.setVisible(contract > 0)
        self.contract_label.setVisible(contract > 0)
        if self.contract.value() != contract / unit.factor:
            self.contract.setPos(contract / unit.factor)
        crossing = np.flatnonzero(cum > contract) if contract > 0 else np.array([], dtype=int)
        # Legends hold no live numbers: a changed legend re-lays out the whole chart on every step.
        entries = [(COMPONENT_COLOURS["compute"], tr("Cumulative cost"), "line")] + (
            [(t.contract, tr("Contract value"), "dash")] if contract > 0 else [])
        if crossing.size:
            m = int(crossing[0])
            self.cross.set_dots([(float(m), float(cum[m] / unit.factor), 4.5 * self.scale, brush(t.background, 255),
                                  cached_pen(t.bad, 1.5 * self.scale * t.line_scale))])
            entries.append((t.bad, tr("exceeds the contract in {month}").format(
                month=month_label(self._start_index, m)), "area"))
        else:
            self.cross.set_dots([])
        unit_label = tr(unit.label)
        self._set_left_label(unit_label)
        with np.errstate(over="ignore"):  # a contract of a few yoctodollars is allowed, and is inf % spent
            share = cum / contract * 100 if contract > 0 else None
        self._readout_rows = [(COMPONENT_COLOURS["compute"], tr("cumulative"), cum / unit.factor, unit_label)] + (
            [(t.muted, tr("of contract"), share, "%")] if share is not None else [])
        self.set_title(tr("Cumulative cost vs contract") if contract > 0 else tr("Cumulative cost"))
        self._contract = (contract, unit.factor, cum / unit.factor)
        return Drawn(entries, max(float(cum.max()), contract) / unit.factor, unit.factor, x)

    def _after_fit(self, inp, drawn) -> None:
        # The label sits under the contract line (never clipped at the top), or over it when the
        # line is near the bottom of the plot (where the axis would cover it); at the left where
        # the cumulative line does not pass through it, else at the right. A background box keeps
        # it readable where a band (or, with no free side, the line) still reaches it.
        contract, factor, cum = self._contract
        t = self.theme
        level = contract / factor
        text = tr("contract {amount}").format(amount=money(contract))  # 'contract USD 38.0B', '契約総額 5.84兆円'
        # over the line when the label would not fit between it and the axis (it sat on the axis at
        # 13% of the range in a short chart)
        font = QFont()
        font.setPointSizeF(8 * self.scale * t.font_scale)
        box = QFontMetricsF(font).height() + 6
        top, room = self.yrange.top, self.plot.vb.height()
        above = bool(top) and room > 0 and level / top * room < box + 2
        right = self._label_goes_right(cum, level, above, text)
        state = (level, t.name, self.scale, above, right, len(cum), text)
        if self._label_state != state:  # text layout is costly: on change only
            self.contract_label.setAnchor((1 if right else 0, 1 if above else 0))
            self.contract_label.setColor(QColor(t.foreground))
            self.contract_label.fill = brush(t.background, 200)
            self.contract_label.setPos(QPointF(len(cum) - 1.5 if right else 0.5, level))
            self.contract_label.setHtml(f"<span style='font-size:{self._font_pt(8)}'>{text}</span>")
            self._label_state = state

    def _label_goes_right(self, cum: np.ndarray, level: float, above: bool, text: str) -> bool:
        """True when the cumulative line crosses the label's box at the left and misses it at the right."""
        vb = self.plot.vb
        top = self.yrange.top
        if not top or vb.width() <= 0 or vb.height() <= 0 or len(cum) < 2:
            return False
        font = QFont()
        font.setPointSizeF(8 * self.scale * self.theme.font_scale)
        metrics = QFontMetricsF(font)
        months = int(np.ceil((metrics.horizontalAdvance(text) + 8) / vb.width() * len(cum))) + 1
        height = (metrics.height() + 6) / vb.height() * top
        low, high = (level, level + height) if above else (level - height, level)

        def crosses(part: np.ndarray) -> bool:  # the line is monotonic: it is in the box's band or spans it
            return bool(part.size) and part.max() >= low and part.min() <= high

        return crosses(cum[:months]) and not crosses(cum[-months:])
