"""The input widgets with real events: the wheel, clicks and drags on a slider, keys, typed numbers,
refusals at the box, and Ctrl+Z once a box's value is committed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from support.qt import handle_centre, type_into, wheel
from ui.widgets.common import Combo, Slider, SpinBox


@pytest.fixture
def slider(qtbot):
    s = Slider()
    s.setRange(0.0, 100.0)
    s.setSingleStep(1.0)
    s.setPageStep(10.0)
    s.setValue(50.0)
    s.resize(300, 30)
    qtbot.addWidget(s)
    s.show()
    return s


def record(slider):
    events = []
    slider.valueChanged.connect(lambda v: events.append(("value", round(v, 6), slider.isSliderDown())))
    slider.sliderPressed.connect(lambda: events.append(("press",)))
    slider.sliderReleased.connect(lambda: events.append(("release",)))
    return events


def test_a_click_on_the_handle_leaves_the_value(slider):
    events = record(slider)
    centre = handle_centre(slider)
    QTest.mouseClick(slider, Qt.MouseButton.LeftButton, pos=centre)
    assert slider.value() == 50.0 and [e for e in events if e[0] == "value"] == []
    assert events == [("press",), ("release",)]


def test_a_drag_moves_inside_one_press_and_a_groove_click_too(slider):
    events = record(slider)
    centre = handle_centre(slider)
    QTest.mousePress(slider, Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseMove(slider, centre + QPoint(40, 0))
    QTest.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=centre + QPoint(40, 0))
    values = [e for e in events if e[0] == "value"]
    assert values and all(down for _, _, down in values) and slider.value() > 50
    assert events[0] == ("press",) and events[-1] == ("release",)
    events.clear()
    QTest.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(8, centre.y()))  # on the groove, far left
    assert slider.value() < 10 and all(down for e in events if e[0] == "value" for down in [e[2]])


def test_keys_move_a_focused_slider_as_one_drag_per_press(slider):
    events = record(slider)
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    assert slider.value() == 51.0 and events == [("press",), ("value", 51.0, True), ("release",)]
    QTest.keyClick(slider, Qt.Key.Key_PageDown)
    assert slider.value() == 41.0
    QTest.keyClick(slider, Qt.Key.Key_End)
    assert slider.value() == 100.0
    QTest.keyClick(slider, Qt.Key.Key_Home)
    assert slider.value() == 0.0
    events.clear()
    for repeat in (False, True, True, True):  # a key held down: auto-repeated presses, one release
        QApplication.sendEvent(slider, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Right,
                                                 Qt.KeyboardModifier.NoModifier, "", repeat))
    QApplication.sendEvent(slider, QKeyEvent(QKeyEvent.Type.KeyRelease, Qt.Key.Key_Right,
                                             Qt.KeyboardModifier.NoModifier, "", False))
    assert slider.value() == 4.0 and events.count(("press",)) == 1 and events.count(("release",)) == 1


def test_the_wheel_scrolls_the_panel_until_a_control_is_focused(qtbot):
    scroll = QScrollArea()
    panel = QWidget()
    layout = QVBoxLayout(panel)
    s, box, combo = Slider(), SpinBox(), Combo()
    s.setRange(0, 100)
    s.setValue(10)
    box.setRange(0, 100)
    box.setValue(40)
    combo.addItems(["a", "b", "c"])
    layout.addWidget(QLineEdit("name"))  # takes the first focus, as the scenario's name does in the window
    for w in (s, box, combo):
        layout.addWidget(w)
        layout.addSpacing(400)
    scroll.setWidget(panel)
    scroll.resize(300, 200)
    qtbot.addWidget(scroll)
    scroll.show()
    QApplication.processEvents()  # laid out: the panel can scroll
    assert not any(w.hasFocus() for w in (s, box, combo))
    for w in (s, box, combo):
        before = scroll.verticalScrollBar().value()
        wheel(w, -1)
        assert scroll.verticalScrollBar().value() > before  # the panel scrolled ...
    assert (s.value(), box.value(), combo.currentIndex()) == (10, 40, 0)  # ... and nothing changed
    box.setFocus()
    wheel(box, +1)
    assert box.value() == 41  # focused on purpose: the wheel steps it


@pytest.mark.parametrize("typed, expected", [("1.5e6", 1_500_000), ("1.5M", 1_500_000), ("750k", 750_000),
                                             ("2B", 2e9), ("12,345", 12_345), ("12 345", 12_345),
                                             ("1,500,000 GPUs", 1_500_000)])
def test_numbers_are_read_as_analysts_type_them(qtbot, typed, expected):
    box = SpinBox(what="GPU count", integer=True)
    box.setDecimals(0)
    box.setRange(1, 5e9)
    box.setSuffix(" GPUs")
    qtbot.addWidget(box)
    box.show()
    type_into(box, typed)
    assert box.value() == expected and not box.problem


@pytest.mark.parametrize("typed, says", [("-5", "outside what is allowed, 0 to 100 %"),
                                         ("120", "120 % is outside"), ("abc", "'abc' is not a number"),
                                         ("99999999999", "outside what is allowed")])
def test_what_cannot_be_taken_is_refused_at_the_box_and_kept(qtbot, typed, says):
    box = SpinBox(what="Utilisation")
    box.setRange(0, 100)
    box.setDecimals(1)
    box.setSuffix(" %")
    box.setValue(80)
    qtbot.addWidget(box)
    box.show()
    committed = []
    box.valueChanged.connect(committed.append)
    type_into(box, typed)
    assert committed == [] and box.value() == 80
    assert says in box.problem and box.problem.startswith("Utilisation")
    assert box.text().startswith(typed)  # kept until fixed or Esc
    QTest.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "80.0 %" and not box.problem
    type_into(box, "12.5%")
    assert committed == [12.5]


def test_a_whole_number_box_refuses_a_fraction(qtbot):
    box = SpinBox(what="Term", integer=True)
    box.setDecimals(0)
    box.setRange(1, 240)
    box.setValue(84)
    qtbot.addWidget(box)
    box.show()
    type_into(box, "1.5e1")
    assert box.value() == 15
    type_into(box, "84.5")
    assert box.value() == 15 and "not a whole number" in box.problem
