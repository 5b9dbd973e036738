"""Small pieces the widgets share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QFrame


class SpinBox(QDoubleSpinBox):
    """A spin box that reports only finished edits (Enter, focus out, arrows), with grouped digits."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setKeyboardTracking(False)
        self.setGroupSeparatorShown(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setAccelerated(True)


def clear_layout(layout) -> None:
    """Remove and delete every widget of a layout now (unparented at once, so it is gone from
    findChildren and from the screen before the deferred delete runs)."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
