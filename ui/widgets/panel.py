"""The control panel: the scenario's name, the four main levers, the chip mix, and the collapsible
Assumptions. ``edited(changes, dragging)`` for every edit; ``dragFinished`` when a drag ends."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from superqt import QCollapsible, QDoubleSlider

from explorer.catalog import Catalog
from explorer.fields import FIELDS, UNCERTAIN_FIELDS
from explorer.i18n import QT_TR_NOOP, tr
from explorer.scenario import Scenario

from .assumptions import AssumptionsPanel
from .chip_mix import ChipMixEditor
from .common import give_up_undo, separator
from .levers import FleetSizeControl, ValueControl
from .tooltips import escape, field_tooltip


class NotesEdit(QPlainTextEdit):
    """The scenario's notes: a few lines, committed when the box loses the focus (or Ctrl+Enter)."""

    committed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._shown = ""
        lines = self.fontMetrics().lineSpacing()
        self.setFixedHeight(int(lines * 2.6 + 10))

    def show_text(self, text: str) -> None:
        if text != self.toPlainText():
            with QSignalBlocker(self):
                self.setPlainText(text)
        self._shown = text

    def _commit(self) -> None:
        text = self.toPlainText()
        if text != self._shown:
            self._shown = text
            self.committed.emit(text)

    def focusOutEvent(self, event) -> None:
        self._commit()
        super().focusOutEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._commit()
            return
        super().keyPressEvent(event)


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
        self.energy_price = ValueControl(QT_TR_NOOP("Energy price"), "USD/kWh", 0.0, 0.40, decimals=4,
                                         tooltip=field_tooltip(spec["energy_price_usd_per_kwh"]),
                                         round_drag=lambda v: round(v, 3))
        self.energy_price.spin.setMaximum(1.0)  # typed values up to the model's limit
        self.agent_ratio = ValueControl(QT_TR_NOOP("Agent CPU ratio"), "vCPUs/GPU", 0.0, 200.0, decimals=1,
                                        tooltip=field_tooltip(spec["agent_cpu_ratio"]), round_drag=lambda v: round(v))
        self.agent_ratio.spin.setMaximum(1000.0)
        self.mix = ChipMixEditor(catalog)
        self.assumptions = AssumptionsPanel()
        self.collapsible = QCollapsible(tr("Assumptions"))
        self.collapsible.setObjectName("Assumptions")
        self.collapsible.toggleButton().setAccessibleName(tr("Assumptions"))
        self.collapsible.setDuration(0)
        self.collapsible.addWidget(self.assumptions)

        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName(tr("Scenario name"))
        self.name_edit.setToolTip(tr("The scenario's name, shown in the title of exported charts and reports"))
        self.name_edit.setMaxLength(200)
        # after Enter, Ctrl+Z undoes the scenario (not the name's typing)
        give_up_undo(self.name_edit, lambda: self.__dict__.get("_shown") is not None
                     and self.name_edit.text() != self._shown.name)
        font = self.name_edit.font()
        font.setBold(True)
        self.name_edit.setFont(font)

        self.notes_edit = NotesEdit()
        self.notes_edit.setAccessibleName(tr("Notes"))
        self.notes_edit.setPlaceholderText(tr("Notes: where the figures come from, what was checked (printed in "
                                              "the report and the Excel file)"))
        self.notes_edit.setToolTip(tr("The scenario's notes, saved with it and printed in the report's appendix "
                                      "and the Excel export's Assumptions sheet"))
        self.notes_edit.committed.connect(lambda text: self.edited.emit({"notes": text}, False))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.notes_edit)
        for w in (self.fleet, self.mix, self.energy_price, self.agent_ratio):
            layout.addWidget(separator())
            layout.addWidget(w)
        layout.addWidget(separator())
        layout.addWidget(self.collapsible)
        layout.addStretch(1)

        self.fleet.edited.connect(self.edited)
        self.fleet.dragFinished.connect(self.dragFinished)
        for control, field in ((self.energy_price, "energy_price_usd_per_kwh"), (self.agent_ratio, "agent_cpu_ratio")):
            control.edited.connect(lambda v, d, f=field: self.edited.emit({f: float(v)}, d))
            control.dragFinished.connect(self.dragFinished)
        self.mix.mixEdited.connect(lambda mix, d: self.edited.emit({"chip_mix": mix}, d))
        self.mix.locksEdited.connect(lambda locked: self.edited.emit({"locked_chips": locked}, False))
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
                             "energy_price_usd_per_kwh", "agent_cpu_ratio", "chip_mix", "locked_chips"})

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
            self.name_edit.setToolTip(f"<p><b>{escape(scenario.name)}</b></p><p>{escape(scenario.description)}</p>")
        if changed is None or "notes" in changed:
            self.notes_edit.show_text(scenario.notes)
        if changed is None or changed & {"gpu_count", "facility_power_mw"}:
            self.fleet.set_scenario(scenario)
        for control, field in ((self.energy_price, "energy_price_usd_per_kwh"), (self.agent_ratio, "agent_cpu_ratio")):
            if changed is None or field in changed:
                control.set_value(getattr(scenario, field))
        if changed is None or changed & {"chip_mix", "locked_chips"}:
            self.mix.set_mix(scenario.chip_mix, scenario.locked_chips)
