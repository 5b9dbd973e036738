"""The "Fit to budget" dialog: choose a budget and what to solve for, see the answer, apply it.

It is given the scenario and a solve function, ``solve(budget_usd, solve_for) -> (FitResult, None)``
or ``(None, the reason there is no answer)``; the answer applied is ``applied`` after it closes."""

from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QPushButton, QRadioButton, QVBoxLayout)

from explorer import formatting as fmt
from explorer.formatting import money, power
from explorer.i18n import tr

from ..widgets.common import SpinBox


class FitDialog(QDialog):
    def __init__(self, scenario, solve, parent=None):
        super().__init__(parent)
        self._solve = solve
        self.result = None
        self.applied = None
        self.setWindowTitle(tr("Fit to budget"))
        self.setAccessibleName(tr("Fit to budget"))
        self.budget = SpinBox(what=tr("Budget"))
        self.budget.setRange(0.001, 100_000.0)
        self.budget.setDecimals(3)
        self.budget.setSuffix(tr(" USD billion"))
        self.budget.setValue(max(scenario.contract_value_usd / 1e9, 0.001))
        self.budget.setAccessibleName(tr("Budget"))
        self.budget.setToolTip(tr("Total cost over the term to match (default: the contract value)"))
        # The budget is entered in USD billion in every currency (the model's figures are USD); with
        # figures shown in yen, a line under the box says so and what the budget is in yen.
        self.budget_note = QLabel()
        self.budget_note.setWordWrap(True)
        self._show_budget_note()
        self.gpus = QRadioButton(tr("GPU count"))
        self.gpus.setAccessibleName(tr("Solve for GPU count"))
        self.power = QRadioButton(tr("Provisioned facility power (size the fleet in MW)"))
        self.power.setAccessibleName(tr("Solve for facility power"))
        self.price = QRadioButton(tr("Chip price level (rent per GPU-hour, or purchase when owned)"))
        self.price.setAccessibleName(tr("Solve for price"))
        (self.power if scenario.sized_by_power else self.gpus).setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.gpus)
        group.addButton(self.power)
        group.addButton(self.price)
        solve = QPushButton(tr("Solve"))
        solve.setAccessibleName("Solve")  # (English: tests find the button by it)
        solve.setDefault(True)
        self.answer = QLabel(tr("Choose a budget and what to solve for."))
        self.answer.setWordWrap(True)
        self.answer.setMinimumWidth(420)
        self.answer.setAccessibleName(tr("Answer"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Close)
        self.apply_button = buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        self.apply_button.setAccessibleName("Apply the answer")  # (English: tests find the button by it)
        form = QFormLayout()
        form.addRow(tr("Budget"), self.budget)
        if fmt.currency().is_yen:
            form.addRow("", self.budget_note)
        form.addRow(tr("Solve for"), self.gpus)
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
        self.budget.valueChanged.connect(lambda: self._show_budget_note())
        self.budget.lineEdit().textEdited.connect(lambda: self._invalidate())  # typed, not yet committed
        self.price.toggled.connect(lambda: self._invalidate())

    def _show_budget_note(self) -> None:
        cur = fmt.currency()
        if cur.is_yen:
            self.budget_note.setText(tr("Entered in USD billion: {amount} at {rate}").format(
                amount=money(self.budget.value() * 1e9), rate=cur.rate_note()))

    def _invalidate(self) -> None:
        self.result = None
        self.apply_button.setEnabled(False)

    def solve(self) -> None:
        solve_for = "gpu_count" if self.gpus.isChecked() else "facility_power_mw" if self.power.isChecked() else "price"
        if self.budget.pending() and not self.budget.commit():  # solve for what the box shows
            self.answer.setText(tr("<b>No answer:</b> {problem}").format(problem=self.budget.problem))
            self._invalidate()
            return
        result, problem = self._solve(self.budget.value() * 1e9, solve_for)
        self.result = result
        self.apply_button.setEnabled(result is not None)
        if result is None:
            self.answer.setText(tr("<b>No answer:</b> {problem}").format(problem=problem))
        elif solve_for == "gpu_count":
            self.answer.setText(tr("<b>{count} accelerators</b> make the total cost over the term {cost}.")
                                .format(count=f"{result.value:,.0f}", cost=money(result.cost_total_usd, 4)))
        elif solve_for == "facility_power_mw":
            self.answer.setText(tr("<b>{power}</b> of provisioned facility power make the total cost over the term "
                                   "{cost}.").format(power=power(result.value),
                                                     cost=money(result.cost_total_usd, 4)))
        else:
            self.answer.setText(tr("An average of <b>{price}</b> (chip price scale {scale}) makes the total cost "
                                   "{cost}.").format(price=result.price_text(),
                                                     scale=f"{result.changes['chip_price_scale']:.3g}",
                                                     cost=money(result.cost_total_usd, 4)))

    def apply(self) -> None:
        if self.result is not None:
            self.applied = self.result
            self.accept()
