"""View ▸ Currency and exchange rate…: USD or JPY, and the rate as a dated assumption with its source."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from explorer import formatting as fmt
from explorer.i18n import tr

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CurrencyDialog(QDialog):
    def __init__(self, current: fmt.Currency, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Currency and exchange rate"))
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Figures are computed in US dollars, as every source quotes them. In yen they are "
                          "converted at the rate below, which every yen figure states."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QWidget()
        choice = QHBoxLayout(row)
        choice.setContentsMargins(0, 0, 0, 0)
        self.usd = QRadioButton(tr("US dollars (USD)"))
        self.jpy = QRadioButton(tr("Japanese yen (JPY)"))
        group = QButtonGroup(self)
        for button in (self.usd, self.jpy):
            group.addButton(button)
            choice.addWidget(button)
        choice.addStretch(1)
        layout.addWidget(row)

        form = QFormLayout()
        self.rate = QDoubleSpinBox()
        self.rate.setRange(1.0, 10_000.0)
        self.rate.setDecimals(2)
        self.rate.setSuffix(tr(" yen per dollar"))
        self.rate.setAccessibleName(tr("Exchange rate"))
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.date.setAccessibleName(tr("Rate as of"))
        self.source = QLineEdit()
        self.source.setAccessibleName(tr("Source of the rate"))
        self.millions = QCheckBox(tr("Tables in millions (百万円, as Japanese disclosures write them)"))
        form.addRow(tr("Exchange rate"), self.rate)
        form.addRow(tr("Rate as of"), self.date)
        form.addRow(tr("Source"), self.source)
        layout.addLayout(form)
        layout.addWidget(self.millions)
        reset = QPushButton(tr("Use the default rate"))
        reset.setToolTip(fmt.DEFAULT_RATE_SOURCE)
        reset.clicked.connect(self._default_rate)
        layout.addWidget(reset)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color:#cf222e;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)

        (self.jpy if current.is_yen else self.usd).setChecked(True)
        self.rate.setValue(current.jpy_per_usd)
        self.date.setText(current.as_of)
        self.source.setText(current.shown_source)  # (the built-in one in the language shown)
        self.source.setCursorPosition(0)  # the start of the source shows, not its end
        self.millions.setChecked(current.millions_in_tables)
        self.date.textChanged.connect(self._check)
        self._check()
        self.result_currency: fmt.Currency | None = None

    def _default_rate(self) -> None:
        self.rate.setValue(fmt.DEFAULT_JPY_PER_USD)
        self.date.setText(fmt.DEFAULT_RATE_DATE)
        self.source.setText(fmt.Currency().shown_source)

    def _check(self) -> bool:
        ok = bool(_DATE.match(self.date.text().strip()))
        self.problem.setText("" if ok else tr("Write the date of the rate as YYYY-MM-DD (for example 2025-11-04)."))
        self.ok.setEnabled(ok)
        return ok

    def chosen(self) -> fmt.Currency:
        source = self.source.text().strip()
        if source == fmt.Currency().shown_source.strip():  # the built-in source, as shown: kept as the built-in one
            source = fmt.DEFAULT_RATE_SOURCE
        return fmt.Currency("JPY" if self.jpy.isChecked() else "USD", self.rate.value(), self.date.text().strip(),
                            source, self.millions.isChecked())

    def _accept(self) -> None:
        if self._check():
            self.result_currency = self.chosen()
            self.accept()
