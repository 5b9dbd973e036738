"""Driving the window as a user does: find controls by their accessible names, pick from combos and
type into boxes with real key events."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox


def slider(window, name: str):
    found = [w for w in window.findChildren(QAbstractSlider) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} sliders named {name!r}"
    return found[0]


def spin_box(window, name: str):
    found = [w for w in window.findChildren(QAbstractSpinBox) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} boxes named {name!r}"
    return found[0]


def choose(combo: QComboBox, text: str) -> None:
    """Pick an item with the keyboard (arrow keys on the focused combo)."""
    combo.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
        for _ in range(combo.count() + 1):
            if combo.currentText().strip() == text:
                return
            QTest.keyClick(combo, key)
    raise AssertionError(f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}")


def type_into(box: QAbstractSpinBox, text: str) -> None:
    """Select what the box shows, type ``text`` and press Enter."""
    box.setFocus()
    box.selectAll()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return)


def drag(window, control, values, release: bool = True) -> None:
    """A slider held down through ``values``, each step refreshed as the event loop's next pass
    would (the analyses follow from the worker), then let go (unless ``release`` is False)."""
    control.setSliderDown(True)
    for value in values:
        control.setValue(value)
        window.display.run_pending()
    if release:
        control.setSliderDown(False)
        window.flush()


def chart_data(window) -> dict:
    return {name: {k: np.array(v, copy=True) for k, v in chart.series().items()} for name, chart in window.charts.items()}


def open_assumptions(window) -> None:
    """Expand the Assumptions panel and let it lay out (as the next paint would)."""
    from PySide6.QtWidgets import QApplication

    window.panel.collapsible.expand(animate=False)
    QApplication.processEvents()


def wheel(widget, notches: int = -1) -> None:
    """A real wheel event over the middle of ``widget`` (negative: scroll down), delivered the way
    Qt delivers one (to the widget, then to its parents while nobody takes it)."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    pos = widget.rect().center()
    event = QWheelEvent(QPointF(pos), QPointF(widget.mapToGlobal(pos)), QPoint(0, 0), QPoint(0, 120 * notches),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def handle_centre(slider):
    """Where a slider's handle is drawn (in the slider's coordinates)."""
    from PySide6.QtWidgets import QStyle, QStyleOptionSlider

    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    slider._fixStyleOption(option)
    return slider.style().subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                         QStyle.SubControl.SC_SliderHandle, slider).center()


def year_labels(chart) -> list[str]:
    """The year labels a chart's time axis draws at its present size (as its painter lays them out)."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = chart.plot.getAxis("bottom").generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _, _, text in specs[2] if text.strip().isdigit()]
