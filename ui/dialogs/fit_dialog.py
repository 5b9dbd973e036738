"""The "Fit to budget" dialog: choose a budget and what to solve for, see the answer, apply it.

It is given the scenario and a solve function, ``solve(budget_usd, solve_for) -> (FitResult, None)``
or ``(None, the reason there is no answer)``; the answer applied is ``applied`` after it closes."""

from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QPushButton, QRadioButton, QVBoxLayout)

from explorer.formatting import compact, power

from ..widgets.common import SpinBox


class FitDialog(QDialog):
    def __init__(self, scenario, solve, parent=None):
        super().__init__(parent)
        self._solve = solve
        self.result = None
        self.applied = None
        self.setWindowTitle("Fit to budget")
        self.setAccessibleName("Fit to budget")
        self.budget = SpinBox(what="Budget")
        self.budget.setRange(0.001, 100_000.0)
        self.budget.setDecimals(3)
        self.budget.setSuffix(" USD billion")
        self.budget.setValue(max(scenario.contract_value_usd / 1e9, 0.001))
        self.budget.setAccessibleName("Budget")
        self.budget.setToolTip("Total cost over the term to match (default: the contract value)")
        self.gpus = QRadioButton("GPU count")
        self.gpus.setAccessibleName("Solve for GPU count")
        self.power = QRadioButton("Provisioned facility power (size the fleet in MW)")
        self.power.setAccessibleName("Solve for facility power")
        self.price = QRadioButton("Chip price level (rent per GPU-hour, or purchase when owned)")
        self.price.setAccessibleName("Solve for price")
        (self.power if scenario.sized_by_power else self.gpus).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.gpus)
        group.addButton(self.power)
        group.addButton(self.price)
        solve = QPushButton("Solve")
        solve.setAccessibleName("Solve")
        solve.setDefault(True)
        self.answer = QLabel("Choose a budget and what to solve for.")
        self.answer.setWordWrap(True)
        self.answer.setMinimumWidth(420)
        self.answer.setAccessibleName("Answer")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        self.apply_button.setAccessibleName("Apply the answer")
        form = QFormLayout()
        form.addRow("Budget", self.budget)
        form.addRow("Solve for", self.gpus)
        form.addRow("", self.power)
        form.addRow("", self.price)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(solve)
        layout.addWidget(self.answer)
        layout.addWidget(buttons)
        solve.clicked.connect(self.solve)
        self.apply_button.clicked.connect(self.apply)
        buttons.rejected.connect(self.reject)
        self.gpus.toggled.connect(lambda: self._invalidate())
        self.power.toggled.connect(lambda: self._invalidate())
        self.budget.valueChanged.connect(lambda: self._invalidate())
        self.budget.lineEdit().textEdited.connect(lambda: self._invalidate())  # typed, not yet committed
        self.price.toggled.connect(lambda: self._invalidate())

    def _invalidate(self) -> None:
        self.result = None
        self.apply_button.setEnabled(False)

    def solve(self) -> None:
        solve_for = "gpu_count" if self.gpus.isChecked() else "facility_power_mw" if self.power.isChecked() else "price"
        if self.budget.pending() and not self.budget.commit():  # solve for what the box shows
            self.answer.setText(f"<b>No answer:</b> {self.budget.problem}")
            self._invalidate()
            return
        result, problem = self._solve(self.budget.value() * 1e9, solve_for)
        self.result = result
        self.apply_button.setEnabled(result is not None)
        if result is None:
            self.answer.setText(f"<b>No answer:</b> {problem}")
        elif solve_for == "gpu_count":
            self.answer.setText(f"<b>{result.value:,.0f} accelerators</b> make the total cost over the term "
                                f"USD {compact(result.cost_total_usd, 4)}.")
        elif solve_for == "facility_power_mw":
            self.answer.setText(f"<b>{power(result.value)}</b> of provisioned facility power make the total cost "
                                f"over the term USD {compact(result.cost_total_usd, 4)}.")
        else:
            self.answer.setText(f"An average of <b>{result.value:,.4g} {result.unit}</b> (chip price scale "
                                f"{result.changes['chip_price_scale']:.3g}) makes the total cost USD "
                                f"{compact(result.cost_total_usd, 4)}.")

    def apply(self) -> None:
        if self.result is not None:
            self.applied = self.result
            self.accept()
