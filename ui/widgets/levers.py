"""The main levers: a slider with a typed field (linear or logarithmic), and the fleet's size in
accelerators or in provisioned power."""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from explorer.fields import FIELDS
from explorer.formatting import power
from explorer.i18n import QT_TR_NOOP, tr
from explorer.scenario import Scenario

from .common import Combo, SpinBox, Slider
from .tooltips import field_tooltip


class ValueControl(QWidget):
    """A labelled slider with a typed field beside it; optionally logarithmic.

    ``label`` is the English name (marked for translation where it is written): shown through tr(),
    while the object name and the slider's and box's accessible names stay English (the tests find
    the controls by them). Emits ``edited(value, dragging)``; ``dragFinished`` when a drag ends (one
    undo step per drag).
    """

    edited = Signal(float, bool)
    dragFinished = Signal()

    def __init__(self, label: str, unit: str, lo: float, hi: float, decimals: int = 2, *, log: bool = False,
                 integer: bool = False, accessible_name: str | None = None, tooltip: str = "",
                 round_drag: Callable[[float], float] | None = None, parent=None):
        super().__init__(parent)
        self._log, self._integer, self._lo, self._hi = log, integer, lo, hi
        self._round_drag = round_drag
        name = accessible_name or label
        self.setObjectName(name)

        self.label = QLabel("<b>" + tr(label) + "</b>")
        self.label.setToolTip(tooltip)
        self.spin = SpinBox(what=tr(label), integer=integer)
        self.spin.setRange(lo, hi)
        self.spin.setDecimals(0 if integer else decimals)
        self.spin.setSuffix(f" {unit}" if unit else "")
        self.spin.setAccessibleName(f"{name} value")
        self.spin.setToolTip(tooltip)
        self.spin.setMinimumWidth(128)
        self.slider = Slider()
        self.slider.setAccessibleName(name)
        self.slider.setToolTip(tooltip)
        if log:
            self.slider.setRange(math.log10(lo), math.log10(hi))
            self.slider.setSingleStep(0.01)
            self.slider.setPageStep(0.1)
        else:
            self.slider.setRange(lo, hi)
            self.slider.setSingleStep((hi - lo) / 200)
            self.slider.setPageStep((hi - lo) / 20)
        self.label.setBuddy(self.spin)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.label, 0, 0)
        grid.addWidget(self.spin, 0, 1, alignment=Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.slider, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        self.slider.valueChanged.connect(self._from_slider)
        self.slider.sliderReleased.connect(self.dragFinished)
        self.spin.valueChanged.connect(self._from_spin)

    def _to_value(self, position: float) -> float:
        value = 10 ** position if self._log else position
        if self.slider.isSliderDown() and self._round_drag is not None:
            value = self._round_drag(value)
        value = min(max(value, self._lo), self._hi)
        return float(round(value)) if self._integer else value

    def _from_slider(self, position: float) -> None:
        value = self._to_value(position)
        with QSignalBlocker(self.spin):
            self.spin.setValue(value)
        self.edited.emit(value, self.slider.isSliderDown())

    def _from_spin(self, value: float) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(math.log10(max(value, self._lo)) if self._log else value)
        self.edited.emit(float(round(value)) if self._integer else value, False)

    def value(self) -> float:
        return self.spin.value()

    def set_value(self, value: float) -> None:
        with QSignalBlocker(self.spin), QSignalBlocker(self.slider):
            self.spin.setValue(value)
            if not self.slider.isSliderDown():
                self.slider.setValue(math.log10(max(value, self._lo)) if self._log else value)


def round_significant(digits: int) -> Callable[[float], float]:
    def rnd(x: float) -> float:
        if x <= 0:
            return x
        step = 10 ** (math.floor(math.log10(x)) - digits + 1)
        return round(x / step) * step
    return rnd


class LiveText(QWidget):
    """One line of text that changes with every slider step: painted, of a fixed height, so a new text
    repaints this line only (a QLabel re-lays out the whole panel on each change)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 2)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleDescription(text)
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self._text or "≈ 0,000,000 accelerators"), self.height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().windowText().color())
        text = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)


class FleetSizeControl(QWidget):
    """The fleet's size, as accelerators or as provisioned facility power (MW or GW): one lever with a
    unit switch, and the other figure beside it. Emits scenario changes (``edited(changes, dragging)``)."""

    edited = Signal(dict, bool)
    dragFinished = Signal()
    UNITS = ("GPUs", "MW", "GW")  # the unit combo's values (its items show them translated)
    UNIT_LABELS = {"GPUs": QT_TR_NOOP("GPUs")}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.gpus = ValueControl(QT_TR_NOOP("GPU count"), "", 1_000, 50_000_000, log=True, integer=True,
                                 tooltip=field_tooltip(FIELDS["gpu_count"]), round_drag=round_significant(3))
        self.gpus.spin.setSuffix(" " + tr("GPUs", "after a number of accelerators"))
        self.gpus.spin.setMinimum(1)  # typed values may go below the slider's 1,000 (the model allows 1)
        power_tip = field_tooltip(FIELDS["facility_power_mw"])
        self.mw = ValueControl(QT_TR_NOOP("Facility power"), "MW", 1.0, 200_000.0, decimals=1, log=True,
                               tooltip=power_tip, accessible_name="Facility power (MW)",
                               round_drag=round_significant(3))
        self.mw.spin.setMinimum(0.01)
        self.gw = ValueControl(QT_TR_NOOP("Facility power"), "GW", 0.01, 200.0, decimals=3, log=True,
                               tooltip=power_tip, accessible_name="Facility power (GW)",
                               round_drag=round_significant(3))
        self.stack = QStackedWidget()
        for control in (self.gpus, self.mw, self.gw):
            self.stack.addWidget(control)
            control.dragFinished.connect(self.dragFinished)
        self.gpus.edited.connect(lambda v, d: self.edited.emit({"gpu_count": int(v)}, d))
        self.mw.edited.connect(lambda v, d: self.edited.emit({"facility_power_mw": float(v)}, d))
        self.gw.edited.connect(lambda v, d: self.edited.emit({"facility_power_mw": float(v) * 1000.0}, d))
        self.unit = Combo()
        for unit in self.UNITS:
            self.unit.addItem(tr(self.UNIT_LABELS[unit]) if unit in self.UNIT_LABELS else unit, unit)
        self.unit.setAccessibleName(tr("Fleet size unit"))
        self.unit.setToolTip(tr("Size the fleet by accelerators, or by provisioned facility power as the 2025 deals "
                                "were announced (the accelerators then follow from the chip mix)"))
        self.unit.activated.connect(self._unit_chosen)
        self.other = LiveText()
        self.other.setAccessibleName(tr("Fleet size, the other figure"))
        self.other.setToolTip(tr("The same fleet in the other unit: provisioned facility power, or accelerators"))
        title = QLabel("<b>" + tr("Fleet size") + "</b>")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel(tr("in", "fleet size in a unit")))
        head.addWidget(self.unit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.stack)
        layout.addWidget(self.other)
        self._derived = (None, None)  # (accelerators, provisioned facility MW) of the scenario shown
        self._scenario = None

    def _unit_chosen(self, index: int) -> None:
        gpus, mw = self._derived
        unit = self.UNITS[index]
        by_power = self._scenario is not None and self._scenario.sized_by_power
        if unit == "GPUs" and by_power and gpus:
            self.edited.emit({"gpu_count": max(1, int(round(gpus)))}, False)
        elif unit != "GPUs" and not by_power and mw:
            self.edited.emit({"facility_power_mw": round(float(mw), 4)}, False)  # round trips to the GPU count
        else:
            self._show(unit)

    def unit_shown(self) -> str:
        """The unit chosen: 'GPUs', 'MW' or 'GW' (the combo's text is translated)."""
        return self.UNITS[max(self.unit.currentIndex(), 0)]

    def _show(self, unit: str) -> None:
        self.stack.setCurrentIndex(self.UNITS.index(unit))
        if self.unit_shown() != unit:
            with QSignalBlocker(self.unit):
                self.unit.setCurrentIndex(self.UNITS.index(unit))
        self._fill_other()

    def set_scenario(self, scenario: Scenario) -> None:
        self._scenario = scenario
        if scenario.sized_by_power:
            mw = scenario.facility_power_mw
            unit = self.unit_shown() if self.unit_shown() != "GPUs" else ("GW" if mw >= 1000 else "MW")
            self.mw.set_value(mw)
            self.gw.set_value(mw / 1000.0)
        else:
            unit = "GPUs"
            self.gpus.set_value(scenario.gpu_count)
        self._show(unit)

    def set_derived(self, gpus: float | None, mw: float | None) -> None:
        """The figures of the fleet as evaluated (the window sets them after each refresh)."""
        if (gpus, mw) != self._derived:
            self._derived = (gpus, mw)
            self._fill_other()

    def _fill_other(self) -> None:
        gpus, mw = self._derived
        if gpus is None:
            text = ""
        elif self.unit_shown() == "GPUs":
            text = tr("≈ {power} provisioned facility power").format(power=power(mw))
        else:
            text = tr("≈ {count} accelerators").format(count=f"{gpus:,.0f}")
        if self.other.text() != text:
            self.other.setText(text)

    def value(self) -> float:
        return self.stack.currentWidget().value()
