"""The Assumptions panel: every scenario field not on a main lever, grouped, each with its source in
the tooltip. It lays out the field editors (one adapter per kind, field_editors.py), the per-chip
prices and the uncertainty ranges."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from explorer.catalog import Catalog
from explorer.fields import FIELDS
from explorer.i18n import tr
from explorer.scenario import Scenario

from .field_editors import FieldEditor, editor_for
from .prices import PriceOverrides
from .ranges_editor import RangesEditor
from .tooltips import field_tooltip

MAIN_LEVERS = ("gpu_count", "facility_power_mw", "energy_price_usd_per_kwh", "agent_cpu_ratio")
# Fields only pricing 'own' uses, and only pricing 'rent' uses.
OWNED_FIELDS = ("depreciation_years", "residual_value_fraction", "hardware_refresh", "capital_cost_rate",
                "facility_usd_per_kw_month", "network_storage_fraction", "cpu_purchase_usd_per_vcpu")
RENTED_FIELDS = ("energy_passthrough", "cpu_usd_per_vcpu_hour")
CUSTOM_MODEL_FIELDS = ("model_total_params_billion", "model_active_params_billion")


class AssumptionsPanel(QWidget):
    edited = Signal(dict)

    GROUP_ORDER = ("Contract", "Facility & power", "Prices", "Agents", "Serving", "Uncertainty")  # FIELDS' groups

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editors: dict[str, FieldEditor] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in self.GROUP_ORDER:
            header = QLabel("<b>" + tr(group) + "</b>")
            header.setContentsMargins(0, 8, 0, 0)
            layout.addWidget(header)
            if group == "Uncertainty":
                self.ranges = RangesEditor()
                self.ranges.edited.connect(self.edited)
                layout.addWidget(self.ranges)
                continue
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above fields when narrow
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
            form.setContentsMargins(0, 0, 0, 0)
            form.setVerticalSpacing(3)
            for spec in FIELDS.values():
                if spec.group != group or spec.name in MAIN_LEVERS:
                    continue
                if spec.kind == "price_map":
                    if spec.name == "rent_price_overrides":  # one table for rent and purchase
                        self.prices = PriceOverrides()
                        self.prices.edited.connect(lambda f, v: self.edited.emit({f: v}))
                        label = QLabel(tr("Per-chip prices"))
                        label.setToolTip(field_tooltip(spec))
                        form.addRow(label)
                        form.addRow(self.prices)
                    continue
                editor = editor_for(spec, self.edited.emit)
                label = QLabel(tr(spec.label))
                label.setToolTip(field_tooltip(spec))
                label.setBuddy(editor.widget)
                form.addRow(label, editor.widget)
                self.editors[spec.name] = editor
            layout.addLayout(form)

    def editor(self, name: str) -> QWidget:
        """The widget that edits field ``name``."""
        return self.editors[name].widget

    def set_scenario(self, scenario: Scenario, catalog: Catalog) -> None:
        for name, editor in self.editors.items():
            editor.show(getattr(scenario, name))
        owned = scenario.pricing == "own"
        for name in RENTED_FIELDS:
            self.editors[name].set_enabled(not owned)
        for name in OWNED_FIELDS:
            self.editors[name].set_enabled(owned)
        for name in CUSTOM_MODEL_FIELDS:
            self.editors[name].set_enabled(scenario.custom_model)
        self.prices.set_scenario(scenario, catalog)
        self.ranges.set_scenario(scenario)
