"""The uncertainty ranges: low and high of each uncertain input, the samples and the seed."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

from explorer.fields import FIELDS, UNCERTAIN_FIELDS
from explorer.i18n import tr
from explorer.ranges import default_ranges
from explorer.scenario import Scenario

from .common import MonthEdit, SpinBox
from .field_editors import PERCENT_FIELDS, RANGE_DECIMALS, month_date, month_text
from .tooltips import field_tooltip, shown_source


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
        grid.addWidget(QLabel("<small>" + tr("each input: its range from low to high") + "</small>"), 0, 0, 1, 2)
        for r, name in enumerate(UNCERTAIN_FIELDS, start=1):
            spec = FIELDS[name]
            label = tr(spec.label)
            on = QCheckBox(label)
            on.setAccessibleName(tr("Range on: {input}").format(input=label))
            on.setToolTip("<p>" + tr("Draw {input} from a triangular distribution between low and high, peaked at "
                                     "the scenario's value.").format(input=label)
                          + "</p><p><i>" + tr("Default range:") + "</i> " + shown_source(spec.spread_source) + "</p>")
            editors = []
            for end in ("low", "high"):
                if spec.kind == "month":
                    edit = MonthEdit()
                    edit.dateChanged.connect(lambda _d, n=name: self._changed(n))
                else:
                    edit = SpinBox(what=(tr("{input}, low end") if end == "low" else
                                         tr("{input}, high end")).format(input=label))
                    if name in PERCENT_FIELDS:
                        edit.setRange(spec.lo * 100, spec.hi * 100)
                        edit.setDecimals(1)
                        edit.setSuffix(" %")
                    else:
                        edit.setRange(spec.lo, spec.hi)
                        edit.setDecimals(RANGE_DECIMALS.get(name, 3))
                    edit.valueChanged.connect(lambda _v, n=name: self._changed(n))
                edit.setAccessibleName(f"{spec.label} range {end}")  # (English: the tests find boxes by name)
                editors.append(edit)
            on.toggled.connect(lambda _on, n=name: self._changed(n))
            # two lines an input (its name, then low and high): the panel stays narrow
            grid.addWidget(on, 2 * r - 1, 0, 1, 2)
            grid.addWidget(editors[0], 2 * r, 0)
            grid.addWidget(editors[1], 2 * r, 1)
            self._rows[name] = (on, editors[0], editors[1])
        row = 2 * len(UNCERTAIN_FIELDS) + 1
        self.samples = SpinBox(what=tr("Samples"), integer=True)
        self.samples.setDecimals(0)
        self.samples.setRange(int(FIELDS["uncertainty_samples"].lo), int(FIELDS["uncertainty_samples"].hi))
        self.samples.setSingleStep(500)
        self.samples.setAccessibleName("Samples")
        self.samples.setToolTip(field_tooltip(FIELDS["uncertainty_samples"]))
        self.seed = SpinBox(what=tr("Random seed"), integer=True)
        self.seed.setDecimals(0)
        self.seed.setGroupSeparatorShown(False)
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setAccessibleName("Random seed")
        self.seed.setToolTip(field_tooltip(FIELDS["uncertainty_seed"]))
        grid.addWidget(QLabel(tr("Samples")), row, 0)
        grid.addWidget(self.samples, row, 1)
        grid.addWidget(QLabel(tr("Random seed")), row + 1, 0)
        grid.addWidget(self.seed, row + 1, 1)
        defaults = QToolButton()
        defaults.setText(tr("Default ranges"))
        defaults.setAccessibleName(tr("Default ranges"))
        defaults.setToolTip(tr("Every input's default range around its current value (sources in docs/model.md)"))
        none = QToolButton()
        none.setText(tr("No uncertainty"))
        none.setAccessibleName(tr("No uncertainty"))
        buttons = QHBoxLayout()
        buttons.addWidget(defaults)
        buttons.addWidget(none)
        buttons.addStretch(1)
        grid.addLayout(buttons, row + 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.samples.valueChanged.connect(lambda v: self.edited.emit({"uncertainty_samples": int(v)}))
        self.seed.valueChanged.connect(lambda v: self.edited.emit({"uncertainty_seed": int(v)}))
        defaults.clicked.connect(self._defaults)
        none.clicked.connect(lambda: self.edited.emit({"ranges": {}}))

    def row(self, name: str) -> tuple[QCheckBox, QWidget, QWidget]:
        """(on, low, high) of the uncertain input ``name``."""
        return self._rows[name]

    def _defaults(self) -> None:
        self.edited.emit({"ranges": dict(default_ranges(self._scenario))})

    def _value(self, name: str, edit) -> object:
        if isinstance(edit, QDateEdit):
            return month_text(edit.date())
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

    @staticmethod
    def _shows(name: str, edit, value, enabled: bool) -> bool:
        """True when ``edit`` shows ``value`` already (and no typed text that is not its value)."""
        if edit.isEnabled() != enabled:
            return False
        if isinstance(edit, QDateEdit):
            return edit.date() == month_date(value)
        shown = value * 100.0 if name in PERCENT_FIELDS else value
        return not edit.pending() and edit.value() == round(float(shown), edit.decimals())

    def set_scenario(self, scenario: Scenario) -> None:
        self._scenario = scenario
        fallback = default_ranges(scenario)
        for name, (on, low, high) in self._rows.items():
            active = name in scenario.ranges
            pair = scenario.ranges[name] if active else fallback[name]
            if on.isChecked() == active and all(self._shows(name, edit, value, active)
                                                for edit, value in ((low, pair[0]), (high, pair[1]))):
                continue  # as shown (a drag of one input moves its own row's range, not the other eighteen)
            for edit, value in ((low, pair[0]), (high, pair[1])):
                with QSignalBlocker(edit):
                    if isinstance(edit, QDateEdit):
                        edit.setDate(month_date(value))
                    else:
                        edit.setValue(value * 100.0 if name in PERCENT_FIELDS else value)
                edit.setEnabled(active)
            with QSignalBlocker(on):
                on.setChecked(active)
        with QSignalBlocker(self.samples), QSignalBlocker(self.seed):
            if self.samples.value() != scenario.uncertainty_samples:
                self.samples.setValue(scenario.uncertainty_samples)
            if self.seed.value() != scenario.uncertainty_seed:
                self.seed.setValue(scenario.uncertainty_seed)
