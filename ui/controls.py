"""The control panel: the four main levers, the chip mix, and the collapsible Assumptions.

Widgets never talk to each other. Each one reports an edit (a dict of scenario changes) through
``ControlPanel.edited``; the window turns it into a new Scenario, and ``ControlPanel.set_scenario``
updates every widget from that scenario with its signals blocked, so nothing loops.
"""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QDate, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDoubleSpinBox, QFormLayout, QFrame,
                               QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMenu, QSizePolicy, QSpinBox,
                               QStackedWidget, QToolButton, QVBoxLayout, QWidget)
from superqt import QCollapsible, QDoubleSlider

from explorer.catalog import Catalog
from explorer.mix import add_chip, remove_chip, set_share
from explorer.fields import FIELDS, UNCERTAIN_FIELDS, FieldSpec
from explorer.scenario import Scenario

from .theme import chip_colour

MAIN_LEVERS = ("gpu_count", "facility_power_mw", "energy_price_usd_per_kwh", "agent_cpu_ratio")
# Shares shown as percentages in the Assumptions panel.
PERCENT_FIELDS = {"utilization", "mfu", "full_use_power_fraction", "idle_power_fraction", "other_cost_fraction",
                  "capital_cost_rate", "network_storage_fraction", "residual_value_fraction", "serving_share"}
DECIMALS = {"pue": 2, "design_pue": 2, "server_overhead_scale": 2, "cluster_power_scale": 2, "chip_price_scale": 2,
            "depreciation_years": 1, "facility_usd_per_kw_month": 0, "facility_capex_usd_per_w": 1,
            "cpu_usd_per_vcpu_hour": 4, "cpu_purchase_usd_per_vcpu": 0, "cpu_power_w_per_vcpu": 1,
            "vcpus_per_agent_session": 1, "model_total_params_billion": 1, "model_active_params_billion": 1,
            "contract_value_usd": 0, "tokens_per_second_per_user": 0, "serving_efficiency_scale": 2,
            "price_usd_per_million_tokens": 2}
# Fields only pricing 'own' uses, and only pricing 'rent' uses.
OWNED_FIELDS = ("depreciation_years", "residual_value_fraction", "hardware_refresh", "capital_cost_rate",
                "facility_usd_per_kw_month", "network_storage_fraction", "cpu_purchase_usd_per_vcpu")
RENTED_FIELDS = ("energy_passthrough", "cpu_usd_per_vcpu_hour")
# Enough decimals for the default ranges to show as entered (0.0604 USD/kWh, 0.0136 USD/vCPU-hour).
RANGE_DECIMALS = {"energy_price_usd_per_kwh": 4, "cpu_usd_per_vcpu_hour": 4, "capital_cost_rate": 4,
                  "facility_usd_per_kw_month": 1, "pue": 3, "server_overhead_scale": 3, "chip_price_scale": 3}
SHORT_UNITS = {"contract_value_usd": " USD", "pue": "", "term_months": " months", "depreciation_years": " years",
               "facility_usd_per_kw_month": " USD/kW·mo", "cpu_usd_per_vcpu_hour": " USD/vCPU·h",
               "cpu_purchase_usd_per_vcpu": " USD/vCPU", "cpu_power_w_per_vcpu": " W/vCPU",
               "vcpus_per_agent_session": " vCPUs", "model_total_params_billion": " B params",
               "model_active_params_billion": " B params", "server_overhead_scale": " ×", "chip_price_scale": " ×",
               "cluster_power_scale": " ×", "design_pue": "", "facility_capex_usd_per_w": " USD/W",
               "context_tokens": " tokens", "output_tokens_per_request": " tokens",
               "tokens_per_second_per_user": " tok/s", "serving_efficiency_scale": " ×",
               "price_usd_per_million_tokens": " USD/M"}


def field_tooltip(spec: FieldSpec) -> str:
    parts = [f"<b>{spec.label}</b>" + (f" ({spec.unit})" if spec.unit else "")]
    if spec.help:
        parts.append(spec.help)
    if spec.source:
        parts.append(f"<i>Source:</i> {spec.source}")
    if spec.range_text():
        parts.append(f"Allowed: {spec.range_text()}")
    return "<p>" + "</p><p>".join(parts) + "</p>"


def chip_tooltip(c) -> str:
    """A chip's figures with their sources; estimated figures say so."""
    def est(column: str) -> str:
        return " <i>(estimate)</i>" if c.is_estimated(column) else ""

    return (f"<p><b>{_escape(c.name)}</b></p>"
            f"<p>{c.bf16_tflops:,.0f} BF16 TFLOP/s{est('bf16_tflops')}, {c.hbm_gb:,.0f} GB at {c.hbm_tbps:g} TB/s"
            f"{est('hbm_tbps')}; {c.tdp_w:,.0f} W{est('tdp_w')}, {c.provisioned_w:,.0f} W provisioned with its "
            f"system and cluster share{est('system_w_per_accel')}</p>"
            f"<p>Rent USD {c.rent_usd_per_gpu_hour:.2f} per GPU-hour{est('rent_usd_per_gpu_hour')}; purchase USD "
            f"{c.purchase_usd:,.0f}{est('purchase_usd')}</p>"
            f"<p><i>Specs:</i> {_escape(c.source)}</p><p><i>Power:</i> {_escape(c.power_source)}</p>"
            f"<p><i>Prices:</i> {_escape(c.price_source)}</p>")


class _SpinBox(QDoubleSpinBox):
    """A spin box that reports only finished edits (Enter, focus out, arrows), with grouped digits."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setKeyboardTracking(False)
        self.setGroupSeparatorShown(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setAccelerated(True)


class ValueControl(QWidget):
    """A labelled slider with a typed field beside it; optionally logarithmic.

    Emits ``edited(value, dragging)``; ``dragFinished`` when a drag ends (one undo step per drag).
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

        self.label = QLabel(f"<b>{label}</b>")
        self.label.setToolTip(tooltip)
        self.spin = _SpinBox()
        self.spin.setRange(lo, hi)
        self.spin.setDecimals(0 if integer else decimals)
        self.spin.setSuffix(f" {unit}" if unit else "")
        self.spin.setAccessibleName(f"{name} value")
        self.spin.setToolTip(tooltip)
        self.spin.setMinimumWidth(128)
        self.slider = QDoubleSlider(Qt.Orientation.Horizontal)
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
    UNITS = ("GPUs", "MW", "GW")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.gpus = ValueControl("GPU count", "", 1_000, 50_000_000, log=True, integer=True,
                                 tooltip=field_tooltip(FIELDS["gpu_count"]), round_drag=round_significant(3))
        self.gpus.spin.setSuffix(" GPUs")
        self.gpus.spin.setMinimum(1)  # typed values may go below the slider's 1,000 (the model allows 1)
        power_tip = field_tooltip(FIELDS["facility_power_mw"])
        self.mw = ValueControl("Facility power", "MW", 1.0, 200_000.0, decimals=1, log=True, tooltip=power_tip,
                               accessible_name="Facility power (MW)", round_drag=round_significant(3))
        self.mw.spin.setMinimum(0.01)
        self.gw = ValueControl("Facility power", "GW", 0.01, 200.0, decimals=3, log=True, tooltip=power_tip,
                               accessible_name="Facility power (GW)", round_drag=round_significant(3))
        self.stack = QStackedWidget()
        for control in (self.gpus, self.mw, self.gw):
            self.stack.addWidget(control)
            control.dragFinished.connect(self.dragFinished)
        self.gpus.edited.connect(lambda v, d: self.edited.emit({"gpu_count": int(v)}, d))
        self.mw.edited.connect(lambda v, d: self.edited.emit({"facility_power_mw": float(v)}, d))
        self.gw.edited.connect(lambda v, d: self.edited.emit({"facility_power_mw": float(v) * 1000.0}, d))
        self.unit = QComboBox()
        self.unit.addItems(list(self.UNITS))
        self.unit.setAccessibleName("Fleet size unit")
        self.unit.setToolTip("Size the fleet by accelerators, or by provisioned facility power as the 2025 deals "
                             "were announced (the accelerators then follow from the chip mix)")
        self.unit.activated.connect(self._unit_chosen)
        self.other = LiveText()
        self.other.setAccessibleName("Fleet size, the other figure")
        self.other.setToolTip("The same fleet in the other unit: provisioned facility power, or accelerators")
        title = QLabel("<b>Fleet size</b>")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(QLabel("in"))
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

    def _show(self, unit: str) -> None:
        self.stack.setCurrentIndex(self.UNITS.index(unit))
        if self.unit.currentText() != unit:
            with QSignalBlocker(self.unit):
                self.unit.setCurrentText(unit)
        self._fill_other()

    def set_scenario(self, scenario: Scenario) -> None:
        self._scenario = scenario
        if scenario.sized_by_power:
            mw = scenario.facility_power_mw
            unit = self.unit.currentText() if self.unit.currentText() != "GPUs" else ("GW" if mw >= 1000 else "MW")
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
        from explorer.formatting import power

        gpus, mw = self._derived
        if gpus is None:
            text = ""
        elif self.unit.currentText() == "GPUs":
            text = f"≈ {power(mw)} provisioned facility power"
        else:
            text = f"≈ {gpus:,.0f} accelerators"
        if self.other.text() != text:
            self.other.setText(text)

    def value(self) -> float:
        return self.stack.currentWidget().value()


class StackedBar(QWidget):
    """The chip mix at a glance: one coloured segment per chip, labelled where it fits."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._segments: list[tuple[str, float, str]] = []
        self.setMinimumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Chip mix bar")

    def sizeHint(self) -> QSize:
        return QSize(200, 22)

    def set_segments(self, segments: list[tuple[str, float, str]]) -> None:
        self._segments = segments
        self.setToolTip(", ".join(f"{cid} {share:.0%}" for cid, share, _ in segments))
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(0, 0, -1, -1)
        x = float(rect.left())
        width = rect.width()
        for chip, share, colour in self._segments:
            w = share * width
            if w <= 0:
                continue
            painter.fillRect(int(round(x)), rect.top(), int(math.ceil(w)), rect.height(), QColor(colour))
            text = f"{chip} {share:.0%}"
            if painter.fontMetrics().horizontalAdvance(text) + 6 < w:
                painter.setPen(QPen(QColor("#111111")))
                painter.drawText(int(x) + 3, rect.top(), int(w) - 3, rect.height(),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            x += w
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(rect)


class ChipMixEditor(QWidget):
    """One slider per chip in the mix; moving one rescales the unlocked others so shares sum to 100%."""

    mixEdited = Signal(dict, bool)  # new mix, dragging
    dragFinished = Signal()

    def __init__(self, catalog: Catalog, parent=None):
        super().__init__(parent)
        self.catalog = catalog
        self._mix: dict[str, float] = {}
        self._rows: dict[str, dict] = {}
        self.locked: set[str] = set()

        self.bar = StackedBar()
        self.rows_layout = QGridLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setHorizontalSpacing(6)
        self.rows_layout.setVerticalSpacing(2)
        self.rows_layout.setColumnStretch(1, 1)
        self.add_button = QToolButton()
        self.add_button.setText("Add chip…")
        self.add_button.setAccessibleName("Add chip")
        self.add_button.setToolTip("Add a chip from the catalog to the mix")
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_button.setMenu(self.add_menu)
        self.add_menu.aboutToShow.connect(self._fill_add_menu)

        title = QLabel("<b>Chip mix</b>")
        title.setToolTip("Share of the fleet by chip. Moving one chip rescales the others in proportion; "
                         "lock a chip to keep its share.")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.bar)
        layout.addLayout(self.rows_layout)

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def _fill_add_menu(self) -> None:
        self.add_menu.clear()
        for chip in self.catalog.chips:
            if chip.id in self._mix:
                continue
            action = self.add_menu.addAction(f"{chip.id} — {chip.name}")
            action.triggered.connect(lambda _=False, cid=chip.id: self.mixEdited.emit(add_chip(self._mix, cid), False))

    def _build_rows(self, chips: list[str]) -> None:
        _clear(self.rows_layout)
        self._rows = {}
        self.locked &= set(chips)
        for r, chip in enumerate(chips):
            index = self.catalog.index(chip) if chip in self.catalog else r
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background:{chip_colour(chip, index)}; border-radius:2px;")
            name = QLabel(chip)
            name.setMinimumWidth(72)
            if chip in self.catalog:
                name.setToolTip(chip_tooltip(self.catalog[chip]))
            slider = QDoubleSlider(Qt.Orientation.Horizontal)
            slider.setRange(0.0, 100.0)
            slider.setSingleStep(1.0)
            slider.setPageStep(10.0)
            slider.setAccessibleName(f"Chip mix: {chip}")
            slider.setToolTip(f"Share of {chip} in the fleet (%)")
            spin = _SpinBox()
            spin.setRange(0.0, 100.0)
            spin.setDecimals(1)
            spin.setSuffix(" %")
            spin.setMinimumWidth(72)
            spin.setAccessibleName(f"Chip mix: {chip} value")
            lock = QToolButton()
            lock.setCheckable(True)
            lock.setText("lock")
            lock.setChecked(chip in self.locked)
            lock.setAccessibleName(f"Lock {chip}")
            lock.setToolTip(f"Keep {chip}'s share fixed while other chips move")
            remove = QToolButton()
            remove.setText("×")
            remove.setAccessibleName(f"Remove {chip}")
            remove.setToolTip(f"Remove {chip} from the mix")
            remove.setEnabled(len(chips) > 1)
            for col, w in enumerate((swatch, name, slider, spin, lock, remove)):
                self.rows_layout.addWidget(w, r, col if col < 2 else col, Qt.AlignmentFlag.AlignVCenter)
            self.rows_layout.setColumnStretch(2, 1)
            self.rows_layout.setColumnStretch(1, 0)
            slider.valueChanged.connect(lambda v, cid=chip, s=slider: self._share_moved(cid, v / 100.0, s.isSliderDown()))
            slider.sliderReleased.connect(self.dragFinished)
            spin.valueChanged.connect(lambda v, cid=chip: self._share_moved(cid, v / 100.0, False))
            lock.toggled.connect(lambda on, cid=chip: self._lock(cid, on))
            remove.clicked.connect(lambda _=False, cid=chip: self.mixEdited.emit(remove_chip(self._mix, cid), False))
            self._rows[chip] = {"slider": slider, "spin": spin, "lock": lock, "remove": remove}

    def _lock(self, chip: str, on: bool) -> None:
        (self.locked.add if on else self.locked.discard)(chip)

    def _share_moved(self, chip: str, share: float, dragging: bool) -> None:
        new = set_share(self._mix, chip, share, self.locked)
        if new != self._mix:
            self.mixEdited.emit(new, dragging)
        else:  # nothing could move (every other chip locked): snap the control back
            self.set_mix(self._mix)

    def slider(self, chip: str) -> QDoubleSlider:
        return self._rows[chip]["slider"]

    def spin(self, chip: str) -> QDoubleSpinBox:
        return self._rows[chip]["spin"]

    def set_mix(self, mix) -> None:
        mix = dict(mix)
        if list(mix) != list(self._rows):
            self._build_rows(list(mix))
        self._mix = mix
        for chip, share in mix.items():
            row = self._rows[chip]
            with QSignalBlocker(row["slider"]), QSignalBlocker(row["spin"]):
                if not row["slider"].isSliderDown():
                    row["slider"].setValue(share * 100.0)
                row["spin"].setValue(share * 100.0)
        self.bar.set_segments([(c, s, chip_colour(c, self.catalog.index(c) if c in self.catalog else i))
                               for i, (c, s) in enumerate(mix.items())])


class PriceOverrides(QWidget):
    """Per-chip rent (ex power) and purchase price for the chips in the mix; blank = catalog price."""

    edited = Signal(str, dict)  # field name, new overrides

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(4)
        self._chips: list[str] = []
        self._spins: dict[tuple[str, str], QDoubleSpinBox] = {}
        self._scenario: Scenario | None = None

    def set_scenario(self, scenario: Scenario, catalog: Catalog) -> None:
        self._scenario = scenario
        chips = list(scenario.chip_mix)
        if chips != self._chips:
            self._rebuild(chips)
        for chip in chips:
            c = catalog[chip]
            for field, catalog_value, overrides in (
                    ("rent_price_overrides", c.rent_ex_power_usd_per_gpu_hour * scenario.chip_price_scale,
                     scenario.rent_price_overrides),
                    ("purchase_price_overrides", c.purchase_usd * scenario.chip_price_scale,
                     scenario.purchase_price_overrides)):
                spin = self._spins[(chip, field)]
                overridden = chip in overrides
                with QSignalBlocker(spin):
                    spin.setValue(overrides[chip] if overridden else catalog_value)
                font = spin.font()
                font.setBold(overridden)
                spin.setFont(font)
                source = c.price_source + (" (estimate)" if c.is_estimated("rent_usd_per_gpu_hour"
                                                                              if field.startswith("rent")
                                                                              else "purchase_usd") else "")
                spin.setToolTip(f"<p><b>{chip}</b>: {'your override' if overridden else 'catalog price × chip price scale'}"
                                f"</p><p><i>Catalog source:</i> {source}</p>")
                self._spins[(chip, field, "reset")].setEnabled(overridden)

    def _rebuild(self, chips: list[str]) -> None:
        _clear(self.grid)
        self._spins = {}
        self._chips = chips
        self.grid.addWidget(QLabel("<small>chip</small>"), 0, 0)
        self.grid.addWidget(QLabel("<small>rent, USD/GPU·h ex power</small>"), 0, 1, 1, 2)
        self.grid.addWidget(QLabel("<small>purchase, USD</small>"), 0, 3, 1, 2)
        for r, chip in enumerate(chips, start=1):
            self.grid.addWidget(QLabel(chip), r, 0)
            for col, field, decimals, hi in ((1, "rent_price_overrides", 3, 1000.0),
                                             (3, "purchase_price_overrides", 0, 1e8)):
                spin = _SpinBox()
                spin.setDecimals(decimals)
                spin.setRange(0.0, hi)
                spin.setAccessibleName(f"{'Rent' if col == 1 else 'Purchase'} price: {chip}")
                reset = QToolButton()
                reset.setText("↺")
                reset.setAccessibleName(f"Reset {'rent' if col == 1 else 'purchase'} price of {chip}")
                reset.setToolTip("Back to the catalog price")
                spin.valueChanged.connect(lambda v, cid=chip, f=field: self._edit(f, cid, v))
                reset.clicked.connect(lambda _=False, cid=chip, f=field: self._edit(f, cid, None))
                self.grid.addWidget(spin, r, col)
                self.grid.addWidget(reset, r, col + 1)
                self._spins[(chip, field)] = spin
                self._spins[(chip, field, "reset")] = reset

    def _edit(self, field: str, chip: str, value: float | None) -> None:
        overrides = dict(getattr(self._scenario, field))
        if value is None:
            overrides.pop(chip, None)
        else:
            overrides[chip] = value
        self.edited.emit(field, overrides)


class RangesEditor(QWidget):
    """Low and high of each uncertain input (a range is on when its box is ticked), plus the number of
    samples and the seed."""

    edited = Signal(dict)

    def __init__(self, parent=None):
        super().__init__(parent)

        self._scenario: Scenario | None = None
        self._rows: dict[str, tuple[QCheckBox, QWidget, QWidget]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        grid.addWidget(QLabel("<small>input</small>"), 0, 0)
        grid.addWidget(QLabel("<small>low</small>"), 0, 1)
        grid.addWidget(QLabel("<small>high</small>"), 0, 2)
        for r, name in enumerate(UNCERTAIN_FIELDS, start=1):
            spec = FIELDS[name]
            on = QCheckBox(spec.label)
            on.setAccessibleName(f"Range on: {spec.label}")
            on.setToolTip(f"<p>Draw {spec.label} from a triangular distribution between low and high, "
                          f"peaked at the scenario's value.</p><p><i>Default range:</i> {spec.spread_source}</p>")
            editors = []
            for end in ("low", "high"):
                if spec.kind == "month":
                    edit = QDateEdit()
                    edit.setDisplayFormat("MMM yyyy")
                    edit.setKeyboardTracking(False)
                    edit.dateChanged.connect(lambda _d, n=name: self._changed(n))
                else:
                    edit = _SpinBox()
                    if name in PERCENT_FIELDS:
                        edit.setRange(spec.lo * 100, spec.hi * 100)
                        edit.setDecimals(1)
                        edit.setSuffix(" %")
                    else:
                        edit.setRange(spec.lo, spec.hi)
                        edit.setDecimals(RANGE_DECIMALS.get(name, 3))
                    edit.valueChanged.connect(lambda _v, n=name: self._changed(n))
                edit.setAccessibleName(f"{spec.label} range {end}")
                editors.append(edit)
            on.toggled.connect(lambda _on, n=name: self._changed(n))
            grid.addWidget(on, r, 0)
            grid.addWidget(editors[0], r, 1)
            grid.addWidget(editors[1], r, 2)
            self._rows[name] = (on, editors[0], editors[1])
        row = len(UNCERTAIN_FIELDS) + 1
        self.samples = QSpinBox()
        self.samples.setRange(int(FIELDS["uncertainty_samples"].lo), int(FIELDS["uncertainty_samples"].hi))
        self.samples.setSingleStep(500)
        self.samples.setKeyboardTracking(False)
        self.samples.setAccessibleName("Samples")
        self.samples.setToolTip(field_tooltip(FIELDS["uncertainty_samples"]))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setKeyboardTracking(False)
        self.seed.setAccessibleName("Random seed")
        self.seed.setToolTip(field_tooltip(FIELDS["uncertainty_seed"]))
        grid.addWidget(QLabel("Samples"), row, 0)
        grid.addWidget(self.samples, row, 1, 1, 2)
        grid.addWidget(QLabel("Random seed"), row + 1, 0)
        grid.addWidget(self.seed, row + 1, 1, 1, 2)
        defaults = QToolButton()
        defaults.setText("Default ranges")
        defaults.setAccessibleName("Default ranges")
        defaults.setToolTip("Every input's default range around its current value (sources in docs/model.md)")
        none = QToolButton()
        none.setText("No uncertainty")
        none.setAccessibleName("No uncertainty")
        buttons = QHBoxLayout()
        buttons.addWidget(defaults)
        buttons.addWidget(none)
        buttons.addStretch(1)
        grid.addLayout(buttons, row + 2, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.samples.valueChanged.connect(lambda v: self.edited.emit({"uncertainty_samples": int(v)}))
        self.seed.valueChanged.connect(lambda v: self.edited.emit({"uncertainty_seed": int(v)}))
        defaults.clicked.connect(self._defaults)
        none.clicked.connect(lambda: self.edited.emit({"ranges": {}}))

    def _defaults(self) -> None:
        from explorer.ranges import default_ranges

        self.edited.emit({"ranges": dict(default_ranges(self._scenario))})

    def _value(self, name: str, edit) -> object:
        if isinstance(edit, QDateEdit):
            d = edit.date()
            return f"{d.year():04d}-{d.month():02d}"
        return edit.value() / 100.0 if name in PERCENT_FIELDS else edit.value()

    def _changed(self, name: str) -> None:
        if self._scenario is None:
            return
        on, low, high = self._rows[name]
        ranges = dict(self._scenario.ranges)
        if on.isChecked():
            ranges[name] = (self._value(name, low), self._value(name, high))
        else:
            ranges.pop(name, None)
        self.edited.emit({"ranges": ranges})

    def set_scenario(self, scenario: Scenario) -> None:
        from explorer.ranges import default_ranges

        self._scenario = scenario
        fallback = default_ranges(scenario)
        for name, (on, low, high) in self._rows.items():
            active = name in scenario.ranges
            pair = scenario.ranges[name] if active else fallback[name]
            for edit, value in ((low, pair[0]), (high, pair[1])):
                with QSignalBlocker(edit):
                    if isinstance(edit, QDateEdit):
                        year, month = (int(x) for x in value.split("-"))
                        edit.setDate(QDate(year, month, 1))
                    else:
                        edit.setValue(value * 100.0 if name in PERCENT_FIELDS else value)
                edit.setEnabled(active)
            with QSignalBlocker(on):
                on.setChecked(active)
        with QSignalBlocker(self.samples), QSignalBlocker(self.seed):
            self.samples.setValue(scenario.uncertainty_samples)
            self.seed.setValue(scenario.uncertainty_seed)


class OptionalNumber(QWidget):
    """A number that may be left unset: a check box turns it on (``valueChanged(None)`` when off)."""

    valueChanged = Signal(object)

    def __init__(self, spin: QDoubleSpinBox, parent=None):
        super().__init__(parent)
        self.on = QCheckBox()
        self.spin = spin
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.on)
        layout.addWidget(spin, 1)
        self.on.toggled.connect(self._changed)
        spin.valueChanged.connect(self._changed)

    def _changed(self, *_):
        self.spin.setEnabled(self.on.isChecked())
        self.valueChanged.emit(self.spin.value() if self.on.isChecked() else None)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.on.setAccessibleName(f"{name}: set")
        self.spin.setAccessibleName(f"{name} value")

    def setToolTip(self, tip: str) -> None:
        for w in (self, self.on, self.spin):
            QWidget.setToolTip(w, tip)

    def set_value(self, value) -> None:
        with QSignalBlocker(self.on), QSignalBlocker(self.spin):
            self.on.setChecked(value is not None)
            if value is not None:
                self.spin.setValue(value)
        self.spin.setEnabled(value is not None)


class AssumptionsPanel(QWidget):
    """Every other scenario field, grouped, each with its source in the tooltip."""

    edited = Signal(dict)

    GROUP_ORDER = ("Contract", "Facility & power", "Prices", "Agents", "Serving", "Uncertainty")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editors: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in self.GROUP_ORDER:
            header = QLabel(f"<b>{group}</b>")
            header.setContentsMargins(0, 8, 0, 0)
            layout.addWidget(header)
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
            form.setContentsMargins(0, 0, 0, 0)
            form.setVerticalSpacing(3)
            if group == "Uncertainty":
                self.ranges = RangesEditor()
                self.ranges.edited.connect(self.edited)
                layout.addWidget(self.ranges)
                continue
            for spec in FIELDS.values():
                if spec.group != group or spec.name in MAIN_LEVERS:
                    continue
                if spec.kind == "price_map":
                    if spec.name == "rent_price_overrides":
                        self.prices = PriceOverrides()
                        self.prices.edited.connect(lambda f, v: self.edited.emit({f: v}))
                        label = QLabel("Per-chip prices")
                        label.setToolTip(field_tooltip(spec))
                        form.addRow(label)
                        form.addRow(self.prices)
                    continue
                editor = self._make_editor(spec)
                label = QLabel(spec.label)
                label.setToolTip(field_tooltip(spec))
                label.setBuddy(editor)
                editor.setToolTip(field_tooltip(spec))
                editor.setAccessibleName(spec.label)
                form.addRow(label, editor)
                self.editors[spec.name] = editor
            layout.addLayout(form)

    def _make_editor(self, spec: FieldSpec) -> QWidget:
        name = spec.name
        if spec.kind == "optional_float":
            spin = _SpinBox()
            spin.setRange(spec.lo, spec.hi)
            spin.setDecimals(DECIMALS.get(name, 2))
            spin.setSuffix(SHORT_UNITS.get(name, ""))
            editor = OptionalNumber(spin)
            editor.valueChanged.connect(lambda v, n=name: self.edited.emit({n: v}))
            return editor
        if name == "serving_model":
            from explorer.serving import CUSTOM, serving_models

            combo = QComboBox()
            # a long model name must not widen the panel: the combo elides, its list shows it whole
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
            for model in serving_models().values():
                combo.addItem(model.name, model.id)
                combo.setItemData(combo.count() - 1, f"{model.name}: {model.source}", Qt.ItemDataRole.ToolTipRole)
            combo.addItem("Custom (parameter counts below)", CUSTOM)
            combo.activated.connect(lambda i, c=combo: self.edited.emit({"serving_model": c.itemData(i)}))
            return combo
        if spec.kind in ("int", "float"):
            spin = _SpinBox()
            if name in PERCENT_FIELDS:
                spin.setRange(spec.lo * 100, spec.hi * 100)
                spin.setDecimals(1)
                spin.setSuffix(" %")
                spin.valueChanged.connect(lambda v, n=name: self.edited.emit({n: v / 100.0}))
            else:
                spin.setRange(spec.lo, spec.hi)
                spin.setDecimals(0 if spec.kind == "int" else DECIMALS.get(name, 2))
                spin.setSuffix(SHORT_UNITS.get(name, ""))
                if name == "contract_value_usd":
                    spin.setSingleStep(1e9)
                kind = int if spec.kind == "int" else float
                spin.valueChanged.connect(lambda v, n=name, k=kind: self.edited.emit({n: k(round(v) if k is int else v)}))
            return spin
        if spec.kind == "month":
            edit = QDateEdit()
            edit.setDisplayFormat("MMM yyyy")
            edit.setMinimumDate(QDate(2000, 1, 1))
            edit.setMaximumDate(QDate(2100, 12, 1))
            edit.setKeyboardTracking(False)
            edit.dateChanged.connect(lambda d, n=name: self.edited.emit({n: f"{d.year():04d}-{d.month():02d}"}))
            return edit
        if spec.kind == "choice":
            combo = QComboBox()
            combo.addItems(list(spec.choices))
            combo.currentTextChanged.connect(lambda t, n=name: self.edited.emit({n: t}))
            return combo
        if spec.kind == "bool":
            box = QCheckBox()
            box.toggled.connect(lambda on, n=name: self.edited.emit({n: bool(on)}))
            return box
        raise AssertionError(spec.kind)

    def set_scenario(self, scenario: Scenario, catalog: Catalog) -> None:
        for name, editor in self.editors.items():
            value = getattr(scenario, name)
            with QSignalBlocker(editor):
                if isinstance(editor, QDoubleSpinBox):
                    editor.setValue(value * 100.0 if name in PERCENT_FIELDS else value)
                elif isinstance(editor, QDateEdit):
                    year, month = (int(x) for x in value.split("-"))
                    editor.setDate(QDate(year, month, 1))
                elif isinstance(editor, OptionalNumber):
                    editor.set_value(value)
                elif isinstance(editor, QComboBox):
                    index = editor.findData(value)
                    editor.setCurrentIndex(index) if index >= 0 else editor.setCurrentText(value)
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(value)
        owned = scenario.pricing == "own"
        for name in RENTED_FIELDS:
            self.editors[name].setEnabled(not owned)
        for name in OWNED_FIELDS:
            self.editors[name].setEnabled(owned)
        for name in ("model_total_params_billion", "model_active_params_billion"):
            self.editors[name].setEnabled(scenario.custom_model)
        self.prices.set_scenario(scenario, catalog)
        self.ranges.set_scenario(scenario)


class ControlPanel(QWidget):
    """All controls. ``edited(changes, dragging)`` for every edit; ``dragFinished`` when a drag ends."""

    edited = Signal(dict, bool)
    dragFinished = Signal()

    def __init__(self, catalog: Catalog, parent=None):
        super().__init__(parent)
        self.catalog = catalog
        spec = FIELDS
        self.fleet = FleetSizeControl()
        self.gpu_count = self.fleet.gpus
        self.energy_price = ValueControl("Energy price", "USD/kWh", 0.0, 0.40, decimals=4,
                                         tooltip=field_tooltip(spec["energy_price_usd_per_kwh"]),
                                         round_drag=lambda v: round(v, 3))
        self.energy_price.spin.setMaximum(1.0)  # typed values up to the model's limit
        self.agent_ratio = ValueControl("Agent CPU ratio", "vCPUs/GPU", 0.0, 200.0, decimals=1,
                                        tooltip=field_tooltip(spec["agent_cpu_ratio"]), round_drag=lambda v: round(v))
        self.agent_ratio.spin.setMaximum(1000.0)
        self.mix = ChipMixEditor(catalog)
        self.assumptions = AssumptionsPanel()
        self.collapsible = QCollapsible("Assumptions")
        self.collapsible.setObjectName("Assumptions")
        self.collapsible.toggleButton().setAccessibleName("Assumptions")
        self.collapsible.setDuration(0)
        self.collapsible.addWidget(self.assumptions)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Scenario name")
        self.name_edit.setToolTip("The scenario's name, shown in the title of exported charts and reports")
        self.name_edit.setMaxLength(200)
        font = self.name_edit.font()
        font.setBold(True)
        self.name_edit.setFont(font)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.name_edit)
        for w in (self.fleet, self.mix, self.energy_price, self.agent_ratio):
            layout.addWidget(_separator())
            layout.addWidget(w)
        layout.addWidget(_separator())
        layout.addWidget(self.collapsible)
        layout.addStretch(1)

        self.fleet.edited.connect(self.edited)
        self.fleet.dragFinished.connect(self.dragFinished)
        for control, field in ((self.energy_price, "energy_price_usd_per_kwh"), (self.agent_ratio, "agent_cpu_ratio")):
            control.edited.connect(lambda v, d, f=field: self.edited.emit({f: float(v)}, d))
            control.dragFinished.connect(self.dragFinished)
        self.mix.mixEdited.connect(lambda mix, d: self.edited.emit({"chip_mix": mix}, d))
        self.mix.dragFinished.connect(self.dragFinished)
        self.assumptions.edited.connect(lambda changes: self.edited.emit(changes, False))
        self.name_edit.editingFinished.connect(
            lambda: self.name_edit.text().strip() and self.edited.emit({"name": self.name_edit.text().strip()}, False))

    def set_style(self, theme) -> None:
        """Widgets with their own style sheet or painted icons do not follow palette changes."""
        button = self.collapsible.toggleButton()
        button.setStyleSheet(f"text-align: left; border: none; outline: none; font-weight: 600; "
                             f"color: {theme.foreground};")
        self.collapsible.setCollapsedIcon("▶")
        self.collapsible.setExpandedIcon("▼")

    def main_sliders(self) -> dict[str, QDoubleSlider]:
        return {"GPU count": self.gpu_count.slider, "Energy price": self.energy_price.slider,
                "Agent CPU ratio": self.agent_ratio.slider}

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.mix.set_catalog(catalog)

    # Fields shown above the Assumptions group; a change of only these leaves the group alone.
    MAIN_FIELDS = frozenset({"name", "description", "notes", "gpu_count", "facility_power_mw",
                             "energy_price_usd_per_kwh", "agent_cpu_ratio", "chip_mix"})

    def set_scenario(self, scenario: Scenario, force: bool = False) -> None:
        """Show ``scenario`` (signals blocked). Only the controls whose fields changed since the last
        call are touched (a slider step of a drag updates its own row, not every editor); ``force``
        sets every control (to put back one that shows a value the scenario does not have)."""
        shown = None if force else self.__dict__.get("_shown")
        changed = None if shown is None else {f for f in FIELDS if getattr(shown, f) != getattr(scenario, f)}
        self._shown = scenario
        if changed is not None and changed <= self.MAIN_FIELDS | {"ranges"}:
            self._set_main(scenario, changed)
            if "chip_mix" in changed and list(shown.chip_mix) != list(scenario.chip_mix):
                self.assumptions.prices.set_scenario(scenario, self.catalog)  # a row per chip
            if "ranges" in changed or changed & set(UNCERTAIN_FIELDS):
                self.assumptions.ranges.set_scenario(scenario)  # a range moves with its value
            return
        self._set_main(scenario, None)
        self.assumptions.set_scenario(scenario, self.catalog)

    def _set_main(self, scenario: Scenario, changed: set | None) -> None:
        if changed is None or changed & {"name", "description"}:
            if self.name_edit.text() != scenario.name:
                with QSignalBlocker(self.name_edit):
                    self.name_edit.setText(scenario.name)
                    self.name_edit.setCursorPosition(0)
            self.name_edit.setToolTip(f"<p><b>{_escape(scenario.name)}</b></p><p>{_escape(scenario.description)}</p>")
        if changed is None or changed & {"gpu_count", "facility_power_mw"}:
            self.fleet.set_scenario(scenario)
        for control, field in ((self.energy_price, "energy_price_usd_per_kwh"), (self.agent_ratio, "agent_cpu_ratio")):
            if changed is None or field in changed:
                control.set_value(getattr(scenario, field))
        if changed is None or "chip_mix" in changed:
            self.mix.set_mix(scenario.chip_mix)


def _clear(layout) -> None:
    """Remove and delete every widget of a layout now (unparented at once, so it is gone from
    findChildren and from the screen before the deferred delete runs)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
