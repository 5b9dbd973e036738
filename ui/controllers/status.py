"""The status line as a signal: controllers report through it, the window shows it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Status(QObject):
    shown = Signal(str, bool)  # text, is an error

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text, self.error = "", False

    def show(self, text: str, error: bool = False) -> None:
        self.text, self.error = text, error
        self.shown.emit(text, error)
