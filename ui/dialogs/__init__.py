"""Every question the window asks the user goes through one object (``Dialogs``), so tests answer
for the user with a scripted stand-in. The export and fit dialogs live beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from explorer.errors import clip
from explorer.i18n import QT_TR_NOOP, tr

# The scenario files' name filter, translated when a dialog opens (the patterns stay as they are).
SCENARIO_FILTER = QT_TR_NOOP("Scenario files (*.json);;All files (*)")


class Dialogs:
    def __init__(self, parent: QWidget | None = None):
        self.parent = parent

    def ask_save_changes(self, name: str) -> str:
        """'save', 'discard' or 'cancel'."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(tr("Unsaved changes"))
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name is text, never markup
        box.setText(tr("Save the changes to “{name}”?").format(name=name))
        box.setInformativeText(tr("Your changes will be lost if you don't save them."))
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                               | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(answer), "cancel")

    def ask_recover(self, question: str, has_saved_file: bool) -> str:
        """After an abnormal exit: 'recover', 'saved' (open the saved file), 'discard', or 'later'
        ('Ask me later', Esc or the close box: asked again at the next start)."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Unsaved changes from last time"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(question)
        box.setInformativeText(tr("These changes were not saved when Compute Scenario Explorer last closed; they "
                                  "were kept for you."))
        recover = box.addButton(tr("Recover"), QMessageBox.ButtonRole.AcceptRole)
        saved = (box.addButton(tr("Open the saved file"), QMessageBox.ButtonRole.ActionRole) if has_saved_file
                 else None)
        discard = box.addButton(tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        later = box.addButton(tr("Ask me later"), QMessageBox.ButtonRole.RejectRole)  # Esc, the close box
        box.setDefaultButton(recover)
        box.setEscapeButton(later)
        box.exec()
        clicked = box.clickedButton()
        if clicked is recover:
            return "recover"
        if saved is not None and clicked is saved:
            return "saved"
        if clicked is discard:
            return "discard"
        return "later"

    def open_path(self, title: str, folder: str, filters: str | None = None) -> str:
        """``filters``: the name filters as shown (translated), scenario files by default."""
        path, _ = QFileDialog.getOpenFileName(self.parent, title, folder, tr(SCENARIO_FILTER) if filters is None
                                              else filters)
        return path

    def save_path(self, title: str, suggested: str, filters: str | None = None) -> str:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, tr(SCENARIO_FILTER) if filters is None
                                              else filters)
        return path

    def folder(self, title: str, folder: str) -> str:
        return QFileDialog.getExistingDirectory(self.parent, title, folder)

    def export_request(self, charts: dict, current: str, folder, stem: str):
        """Ask what to export; an ExportRequest, or None when cancelled."""
        from .export_dialog import ExportDialog

        dialog = ExportDialog(charts, current, folder, stem, self.parent)
        return dialog.request() if dialog.exec() == ExportDialog.DialogCode.Accepted else None

    def fit(self, scenario, solve):
        """The fit-to-budget dialog; the FitResult to apply, or None when closed without one."""
        from .fit_dialog import FitDialog

        dialog = FitDialog(scenario, solve, self.parent)
        dialog.exec()
        return dialog.applied

    def new_member(self, scenario_name: str, taken: tuple[str, ...], suggested: str, provider: str = "other"):
        """The label and provider of a scenario added to a portfolio: (label, provider), or None when
        cancelled."""
        from .member_dialog import MemberDialog

        dialog = MemberDialog(scenario_name, taken, suggested, provider, self.parent)
        return dialog.answer() if dialog.exec() == MemberDialog.DialogCode.Accepted else None

    def currency(self, current):
        """The currency and exchange rate dialog; the chosen Currency, or None when cancelled."""
        from .currency_dialog import CurrencyDialog

        dialog = CurrencyDialog(current, self.parent)
        return dialog.result_currency if dialog.exec() == CurrencyDialog.DialogCode.Accepted else None

    def document(self, title: str, markdown: str) -> None:
        """A long text (Markdown) to read and search, in a window of its own."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

        dialog = QDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.resize(900, 700)
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        browser.setMarkdown(markdown)
        browser.setAccessibleName(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(browser)
        layout.addWidget(buttons)
        dialog.exec()

    def error(self, title: str, text: str) -> None:
        self._message(QMessageBox.Icon.Warning, title, text)

    def info(self, title: str, text: str) -> None:
        self._message(QMessageBox.Icon.Information, title, text)

    def _message(self, icon, title: str, text: str) -> None:
        """Messages quote files (keys, values, names): shown as plain text, never as markup, and cut
        to a readable length."""
        box = QMessageBox(icon, title, plain_message(text), QMessageBox.StandardButton.Ok, self.parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()


MESSAGE_LIMIT = 1500  # characters a message box shows; the rest is cut (a whole file in a message froze it)


def plain_message(text: str) -> str:
    return clip(text, MESSAGE_LIMIT)
