"""Field editors: one adapter per kind of field (a number, a share in percent, an optional number, a
month, a choice, a yes/no, the serving model), each between a FieldSpec and its Qt widget.

An adapter makes its widget from the spec (range, decimals, unit, tooltip with the source), shows a
value with the widget's signals blocked (``show``), and reports the user's edit as scenario changes
through the ``on_edit`` callback it was given. The Assumptions panel only lays them out.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QHBoxLayout, QWidget

from explorer.fields import FieldSpec
from explorer.i18n import QT_TR_NOOP, tr

from .common import Combo, MonthEdit, SpinBox
from .tooltips import field_tooltip

# Shares shown as percentages.
PERCENT_FIELDS = {"utilization", "mfu", "full_use_power_fraction", "idle_power_fraction", "other_cost_fraction",
                  "capital_cost_rate", "network_storage_fraction", "residual_value_fraction", "serving_share"}
DECIMALS = {"pue": 2, "design_pue": 2, "server_overhead_scale": 2, "cluster_power_scale": 2, "chip_price_scale": 2,
            "depreciation_years": 1, "facility_usd_per_kw_month": 0, "facility_capex_usd_per_w": 1,
            "cpu_usd_per_vcpu_hour": 4, "cpu_purchase_usd_per_vcpu": 0, "cpu_power_w_per_vcpu": 1,
            "vcpus_per_agent_session": 1, "model_total_params_billion": 1, "model_active_params_billion": 1,
            "contract_value_usd": 0, "tokens_per_second_per_user": 0, "serving_efficiency_scale": 2,
            "price_usd_per_million_tokens": 2}
# Enough decimals for the default ranges to show as entered (0.0604 USD/kWh, 0.0136 USD/vCPU-hour).
RANGE_DECIMALS = {"energy_price_usd_per_kwh": 4, "cpu_usd_per_vcpu_hour": 4, "capital_cost_rate": 4,
                  "facility_usd_per_kw_month": 1, "pue": 3, "server_overhead_scale": 3, "chip_price_scale": 3}
# A box's unit (shown through tr(): the words are translated, the symbols are not).
SHORT_UNITS = {"contract_value_usd": " USD", "pue": "", "term_months": QT_TR_NOOP(" months"),
               "depreciation_years": QT_TR_NOOP(" years"), "facility_usd_per_kw_month": " USD/kW·mo",
               "cpu_usd_per_vcpu_hour": " USD/vCPU·h", "cpu_purchase_usd_per_vcpu": " USD/vCPU",
               "cpu_power_w_per_vcpu": " W/vCPU", "vcpus_per_agent_session": QT_TR_NOOP(" vCPUs"),
               "model_total_params_billion": QT_TR_NOOP(" B params"),
               "model_active_params_billion": QT_TR_NOOP(" B params"), "server_overhead_scale": " ×",
               "chip_price_scale": " ×", "cluster_power_scale": " ×", "design_pue": "",
               "facility_capex_usd_per_w": " USD/W", "context_tokens": QT_TR_NOOP(" tokens"),
               "output_tokens_per_request": QT_TR_NOOP(" tokens"), "tokens_per_second_per_user": " tok/s",
               "serving_efficiency_scale": " ×", "price_usd_per_million_tokens": " USD/M"}
STEPS = {"contract_value_usd": 1e9}

Edit = Callable[[dict], None]


def short_unit(name: str) -> str:
    """The unit a box of field ``name`` shows after its number, in the current language (a word
    such as ' months' is translated; a symbol such as ' USD/W' is not marked and stays)."""
    unit = SHORT_UNITS.get(name, "")
    return tr(unit) if unit.strip() else unit


class FieldEditor:
    """Base adapter: ``widget`` edits the field ``spec``; ``show(value)`` puts a value on it."""

    def __init__(self, spec: FieldSpec, on_edit: Edit):
        self.spec, self.name, self._on_edit = spec, spec.name, on_edit
        self.widget = self._make()
        self.widget.setToolTip(field_tooltip(spec))
        self.widget.setAccessibleName(spec.label)  # (the tests find boxes by name: English)

    def _make(self) -> QWidget:
        raise NotImplementedError

    def show(self, value) -> None:
        with QSignalBlocker(self.widget):
            self._show(value)

    def _show(self, value) -> None:
        raise NotImplementedError

    def _edited(self, value) -> None:
        self._on_edit({self.name: value})

    def set_enabled(self, on: bool) -> None:
        self.widget.setEnabled(on)


class NumberEditor(FieldEditor):
    """An int or float in a spin box with the field's range, decimals and short unit."""

    def _make(self) -> QWidget:
        spec = self.spec
        spin = SpinBox(what=tr(spec.label), integer=spec.kind == "int")
        spin.setRange(spec.lo, spec.hi)
        spin.setDecimals(0 if spec.kind == "int" else DECIMALS.get(spec.name, 2))
        spin.setSuffix(short_unit(spec.name))
        if spec.name in STEPS:
            spin.setSingleStep(STEPS[spec.name])
        integer = spec.kind == "int"
        spin.valueChanged.connect(lambda v: self._edited(int(round(v)) if integer else float(v)))
        return spin

    def _show(self, value) -> None:
        self.widget.setValue(value)


class PercentEditor(FieldEditor):
    """A share (0-1) shown and typed in percent."""

    def _make(self) -> QWidget:
        spin = SpinBox(what=tr(self.spec.label))
        spin.setRange(self.spec.lo * 100, self.spec.hi * 100)
        spin.setDecimals(1)
        spin.setSuffix(" %")
        spin.valueChanged.connect(lambda v: self._edited(v / 100.0))
        return spin

    def _show(self, value) -> None:
        self.widget.setValue(value * 100.0)


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


class OptionalNumberEditor(FieldEditor):
    def _make(self) -> QWidget:
        spin = SpinBox(what=tr(self.spec.label))
        spin.setRange(self.spec.lo, self.spec.hi)
        spin.setDecimals(DECIMALS.get(self.name, 2))
        spin.setSuffix(short_unit(self.name))
        editor = OptionalNumber(spin)
        editor.valueChanged.connect(self._edited)
        return editor

    def _show(self, value) -> None:
        self.widget.set_value(value)


class MonthEditor(FieldEditor):
    """A month ('2025-11') as 'Nov 2025'."""

    def _make(self) -> QWidget:
        edit = MonthEdit()
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setMaximumDate(QDate(2100, 12, 1))
        edit.dateChanged.connect(lambda d: self._edited(month_text(d)))
        return edit

    def _show(self, value) -> None:
        self.widget.setDate(month_date(value))


class ChoiceEditor(FieldEditor):
    def _make(self) -> QWidget:
        combo = Combo()
        for choice in self.spec.choices:
            combo.addItem(self._label(choice), choice)
        combo.activated.connect(lambda i: self._edited(combo.itemData(i)))
        return combo

    # The choices as shown (a choice's value, saved in the file, is the item's data); precisions
    # ('bf16') are shown as they are.
    CHOICE_LABELS = {"rent": QT_TR_NOOP("rent"), "own": QT_TR_NOOP("own")}

    @classmethod
    def _label(cls, choice: str) -> str:
        return tr(cls.CHOICE_LABELS[choice]) if choice in cls.CHOICE_LABELS else choice

    def _show(self, value) -> None:
        index = self.widget.findData(value)
        if index >= 0:
            self.widget.setCurrentIndex(index)


class ServingModelEditor(ChoiceEditor):
    """The served model: a shipped preset (named, with its source) or custom parameter counts."""

    def _make(self) -> QWidget:
        from explorer.serving import CUSTOM, serving_models

        combo = Combo()
        # a long model name must not widen the panel: the combo elides, its list shows it whole
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        for model in serving_models().values():
            combo.addItem(model.name, model.id)
            combo.setItemData(combo.count() - 1, f"{model.name}: {model.source}", Qt.ItemDataRole.ToolTipRole)
        combo.addItem(tr("Custom (parameter counts below)"), CUSTOM)
        combo.activated.connect(lambda i: self._edited(combo.itemData(i)))
        return combo


class BoolEditor(FieldEditor):
    def _make(self) -> QWidget:
        box = QCheckBox()
        box.toggled.connect(lambda on: self._edited(bool(on)))
        return box

    def _show(self, value) -> None:
        self.widget.setChecked(bool(value))


def editor_for(spec: FieldSpec, on_edit: Edit) -> FieldEditor:
    """The adapter for a field, chosen by its kind."""
    if spec.name == "serving_model":
        return ServingModelEditor(spec, on_edit)
    if spec.kind in ("int", "float"):
        return (PercentEditor if spec.name in PERCENT_FIELDS else NumberEditor)(spec, on_edit)
    kinds = {"optional_float": OptionalNumberEditor, "month": MonthEditor, "choice": ChoiceEditor, "bool": BoolEditor}
    if spec.kind not in kinds:
        raise ValueError(f"no editor for a field of kind '{spec.kind}' ({spec.name})")
    return kinds[spec.kind](spec, on_edit)


def month_text(date: QDate) -> str:
    return f"{date.year():04d}-{date.month():02d}"


def month_date(value: str) -> QDate:
    year, month = (int(x) for x in value.split("-"))
    return QDate(year, month, 1)
