"""The input widgets every control is made of, with the behaviour a user expects of a desktop app:

- the mouse wheel changes a slider, box or list only after the user has focused it on purpose (a click
  or Tab); otherwise it scrolls the panel;
- a click on a slider's handle does not move it; a press and drag is one edit session (one undo
  step); the arrow keys, PageUp/PageDown and Home/End move a focused slider (a held key is one step);
- number boxes read what analysts type ('1.5e6', '1.5M', '750k', '12,345', '12.5%'); a value that is
  not a number or is outside the allowed range is refused at the box, with a message naming the
  range, and the box keeps the text until it is fixed or Esc is pressed; nothing is clamped silently;
- once a box's value is committed (Enter), Ctrl+Z and Ctrl+Shift+Z undo the scenario, not the text.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QValidator
from PySide6.QtWidgets import (QAbstractScrollArea, QApplication, QComboBox, QDateEdit, QDoubleSpinBox, QFrame, QToolTip,
                               QWidget)
from superqt import QDoubleSlider
from superqt.sliders._generic_slider import CC_SLIDER, SC_HANDLE, SC_NONE

from explorer.formatting import parse_number, plain
from explorer.i18n import tr

_UNDO_KEYS = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


def _is_undo(event) -> bool:
    return any(event.matches(key) for key in _UNDO_KEYS)


class _GiveUpUndo(QObject):
    """Lets Ctrl+Z / Ctrl+Shift+Z reach the window's Undo while a text field holds no uncommitted
    text (Qt's line edit would undo its own typing instead). Installed on the widget that has the
    focus: a spin box itself (it hands the shortcut check to its line edit directly)."""

    def __init__(self, edit: QWidget, pending):
        super().__init__(edit)
        self._pending = pending
        edit.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo(event) and not self._pending():
            event.ignore()
            return True  # not taken by the box: the shortcut goes to the window
        return False


def give_up_undo(edit: QWidget, pending) -> None:
    """``pending()`` is True while the edit holds text that was not committed."""
    _GiveUpUndo(edit, pending)


class _WheelOnFocus:
    """Mixin: the wheel is taken only by a control the user focused; otherwise it goes to the parent
    (the scroll area scrolls)."""

    def _init_focus(self) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # focus by click or Tab, never by the wheel

    def wheelEvent(self, event) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
            return
        area = self.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is None:
            event.ignore()  # to the parents
            return
        # Scroll the panel this control sits in (Qt propagates only wheel events from the system,
        # so it is handed over here rather than left to propagation).
        QApplication.sendEvent(area.viewport(), event)
        event.accept()


class Combo(_WheelOnFocus, QComboBox):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._init_focus()


class MonthEdit(_WheelOnFocus, QDateEdit):
    """A month ('Nov 2025')."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._init_focus()
        self.setDisplayFormat(tr("MMM yyyy", "the display format of a month box (Qt date format)"))
        self.setKeyboardTracking(False)
        give_up_undo(self, lambda: False)


class SpinBox(_WheelOnFocus, QDoubleSpinBox):
    """A number box that reports only committed values (Enter, focus out, arrows), reads what
    analysts type, and refuses (visibly, keeping the text) what it cannot take."""

    refused = Signal(str)  # the message shown at the box

    def __init__(self, parent=None, *, what: str = "", integer: bool = False):
        super().__init__(parent)
        self._init_focus()
        self.what = what  # the value's name in messages ('GPU count'), in the current language
        self.integer = integer
        self.problem = ""  # the refusal shown now ('' when the text is fine)
        self.setKeyboardTracking(False)
        self.setGroupSeparatorShown(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setAccelerated(True)
        self.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToPreviousValue)
        give_up_undo(self, self.pending)

    def minimumSizeHint(self):
        # narrow enough for a small window (Qt asks room for the longest number of the range,
        # 13 digits for a contract value); the layout gives more where there is room
        hint = super().minimumSizeHint()
        hint.setWidth(min(hint.width(), 96))
        return hint

    # ------------------------------------------------------------------ reading typed text
    def pending(self) -> bool:
        """True while the box shows typed text that is not its value."""
        return self.cleanText().strip() != self.textFromValue(self.value()).strip()

    def validate(self, text: str, pos: int):
        # Anything may be typed; it is judged when committed (Enter or focus out).
        try:
            value = self._parse(self._strip(text))
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= value <= self.maximum() and (not self.integer or value.is_integer())
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def valueFromText(self, text: str) -> float:
        try:
            return self._parse(self._strip(text))
        except ValueError:
            return self.value()

    def fixup(self, text: str) -> str:
        return text  # never rewrite what the user typed

    def _strip(self, text: str) -> str:
        text = text.strip()
        for affix in (self.prefix().strip(), self.suffix().strip()):
            while affix and (text.startswith(affix) or text.endswith(affix)):  # (typed with the unit, too)
                text = text.removeprefix(affix).removesuffix(affix).strip()
        return text

    def _parse(self, text: str) -> float:
        return parse_number(text)

    def allowed(self) -> str:
        """The allowed range as the box writes it: '1 to 50,000,000 GPUs', '0 to 100 %'."""
        return tr("{low} to {high}").format(low=self._number(self.minimum()),
                                            high=self._number(self.maximum())) + self.suffix()

    def _number(self, value: float) -> str:
        text = plain(value, 6) if not float(value).is_integer() else f"{value:,.0f}"
        return text.rstrip("0").rstrip(".") if "." in text and "e" not in text else text

    def commit(self) -> bool:
        """Take the typed text as the value, or refuse it with a message. True when taken."""
        text = self._strip(self.text())
        try:
            value = self._parse(text)
        except ValueError as exc:
            return self._refuse(self._named(tr("{problem}. Type a number from {allowed}.").format(
                problem=exc, allowed=self.allowed())))
        if not math.isfinite(value) or not (self.minimum() <= value <= self.maximum()):
            return self._refuse(self._named(tr("{value} is outside what is allowed, {allowed}.").format(
                value=self._number(value) + self.suffix(), allowed=self.allowed())))
        if self.integer and not value.is_integer():
            return self._refuse(self._named(tr("{value} is not a whole number ({allowed}).").format(
                value=self._number(value), allowed=self.allowed())))
        self._clear_problem()
        if value != self.value():
            self.setValue(value)  # emits valueChanged: the edit
        else:
            self.setValue(value)
            self.lineEdit().setText(self.prefix() + self.textFromValue(value) + self.suffix())
        return True

    def _named(self, message: str) -> str:
        """A refusal with the value's name before it ('GPU count: ...'), when the box has one."""
        return tr("{name}: {message}").format(name=self.what, message=message) if self.what else message

    def _refuse(self, message: str) -> bool:
        self.problem = message
        self.setProperty("refused", True)
        self.setStyleSheet("QDoubleSpinBox { border: 2px solid #CF222E; border-radius: 3px; }")
        self.setAccessibleDescription(message)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), message, self)
        self.refused.emit(message)
        return False

    def _clear_problem(self) -> None:
        if self.problem:
            self.problem = ""
            self.setProperty("refused", False)
            self.setStyleSheet("")
            self.setAccessibleDescription("")
            QToolTip.hideText()

    def revert(self) -> None:
        """Show the value again (Esc), dropping typed text and any refusal."""
        self._clear_problem()
        self.lineEdit().setText(self.prefix() + self.textFromValue(self.value()) + self.suffix())
        self.selectAll()

    def setValue(self, value: float) -> None:
        if self.problem and not self.hasFocus():
            self._clear_problem()
        # Qt keeps the selection's length across a new text: after Ctrl+Z took '1,500,000' back to
        # '200,000', nine characters stayed selected, the number and part of the unit ('200,000 G'),
        # and typing '3M' over them read '3MPUs'. A selected number stays the whole number.
        reselect = self.hasFocus() and self.lineEdit().hasSelectedText()
        super().setValue(value)
        if reselect:
            self.selectAll()

    # ------------------------------------------------------------------ events
    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.commit():
                self.selectAll()
                self.editingFinished.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and (self.pending() or self.problem):
            self.revert()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        if self.pending():
            if not self.commit():
                QWidget.focusOutEvent(self, event)  # keep the typed text (no reverting interpretation)
                return
        super().focusOutEvent(event)

    def stepBy(self, steps: int) -> None:
        self._clear_problem()
        super().stepBy(steps)


class Slider(_WheelOnFocus, QDoubleSlider):
    """A horizontal slider. A click on the handle leaves the value as it is; a click on the groove
    moves the handle there as part of the drag that follows; the whole press is one drag
    (``sliderPressed`` ... ``sliderReleased``). A focused slider moves with the arrow keys (a single
    step), PageUp/PageDown (a page) and Home/End (the ends); a key held down is one drag."""

    KEYS = {Qt.Key.Key_Right: 1, Qt.Key.Key_Up: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Down: -1}
    PAGES = {Qt.Key.Key_PageUp: 1, Qt.Key.Key_PageDown: -1}

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._init_focus()
        self._key_drag = False

    def mousePressEvent(self, ev) -> None:
        if self._minimum == self._maximum or ev.button() not in (Qt.MouseButton.LeftButton,
                                                                  Qt.MouseButton.MiddleButton) \
                or ev.buttons() ^ ev.button():
            ev.ignore()
            return
        ev.accept()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = ev.position().toPoint()
        handle = self.style().subControlRect(CC_SLIDER, self._styleOption, SC_HANDLE, self)
        self._pressedControl = SC_HANDLE
        self.setSliderDown(True)  # first: every change of this press belongs to one drag
        if not handle.contains(pos):  # on the groove: the handle's centre jumps to the click
            offset = handle.center() - handle.topLeft()
            self.setSliderPosition(self._pixelPosToRangeValue(self._pick(pos - offset)))
        self._setClickOffset(pos)
        self.update()

    def mouseReleaseEvent(self, ev) -> None:
        if self._pressedControl == SC_NONE or ev.buttons():
            ev.ignore()
            return
        ev.accept()
        self._pressedControl = SC_NONE
        self.setSliderDown(False)
        self.update()

    def keyPressEvent(self, ev) -> None:
        key = ev.key()
        if key in self.KEYS:
            target = self.value() + self.KEYS[key] * self.singleStep()
        elif key in self.PAGES:
            target = self.value() + self.PAGES[key] * self.pageStep()
        elif key == Qt.Key.Key_Home:
            target = self.minimum()
        elif key == Qt.Key.Key_End:
            target = self.maximum()
        else:
            super().keyPressEvent(ev)
            return
        ev.accept()
        if not self._key_drag:
            self._key_drag = True
            self.setSliderDown(True)  # a key press, or a held key, is one drag (one undo step)
        self.setValue(min(max(target, self.minimum()), self.maximum()))

    def keyReleaseEvent(self, ev) -> None:
        if self._key_drag and not ev.isAutoRepeat():
            self._key_drag = False
            self.setSliderDown(False)
        super().keyReleaseEvent(ev)

    def focusOutEvent(self, ev) -> None:
        if self._key_drag:
            self._key_drag = False
            self.setSliderDown(False)
        super().focusOutEvent(ev)


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
