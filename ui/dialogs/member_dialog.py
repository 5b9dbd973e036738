"""The dialog that adds a scenario to a portfolio: the member's label (unique in the portfolio) and
its provider. OK stays greyed, with the reason beside it, while the label is empty or taken."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from explorer.i18n import tr
from explorer.portfolio import PROVIDERS, provider_label


class MemberDialog(QDialog):
    def __init__(self, scenario_name: str, taken: tuple[str, ...], suggested: str, provider: str = "other",
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Add to the portfolio"))
        self.taken = {label.casefold() for label in taken}
        self.label_edit = QLineEdit(suggested)
        self.label_edit.setAccessibleName(tr("Member label"))
        self.label_edit.setMaxLength(200)
        self.provider_combo = QComboBox()
        self.provider_combo.setAccessibleName(tr("Provider"))
        for key in PROVIDERS:
            self.provider_combo.addItem(provider_label(key), key)
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(provider)))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        form = QFormLayout()
        intro = QLabel(tr("Adds “{name}” as it is now in the main window (kept inside the portfolio file).")
                       .format(name=scenario_name))
        intro.setWordWrap(True)
        form.addRow(tr("&Label:"), self.label_edit)
        form.addRow(tr("&Provider:"), self.provider_combo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.label_edit.textChanged.connect(self._check)
        self._check()
        self.resize(max(self.sizeHint().width(), 420), self.sizeHint().height())

    def _check(self) -> None:
        label = self.label_edit.text().strip()
        problem = "" if label and label.casefold() not in self.taken else \
            tr("Give the member a label.") if not label else tr("“{label}” is taken: labels are unique.").format(label=label)
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def answer(self) -> tuple[str, str]:
        return self.label_edit.text().strip(), self.provider_combo.currentData()
