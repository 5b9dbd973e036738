"""Presentation mode: full screen and high contrast; the keys step through the slides; leaving gives
back the layout and the work as they were."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from explorer.presets import list_presets
from support.qt import slider


def test_presentation_enters_steps_and_leaves(window):
    slider(window, "GPU count").setValue(5.5)  # an unsaved edit, with its undo step
    edited = window.document.scenario
    splitter = window.splitter.sizes()
    window.actions["present"].trigger()
    assert window.presentation.active and window.isFullScreen()
    assert not window.panel_scroll.isVisible() and window.banner.isVisible()
    assert window.charts["power"].view.backgroundBrush().color().name() == "#000000"  # high contrast
    slides = window.presentation.presentation.slides
    assert len(slides) == 1 + len(list_presets())
    before = window.projection.summary()["cost_total_usd"]
    QTest.keyClick(window, Qt.Key.Key_Right)
    assert window.display.shown_scenario() == slides[1].scenario
    assert "2 / " in window.banner.text() and "vs first slide" in window.kpis.cards["cost_total_usd"].delta.text()
    assert window.projection.summary()["cost_total_usd"] != before
    QTest.keyClick(window, Qt.Key.Key_Left)
    QTest.keyClick(window, Qt.Key.Key_Left)  # wraps around to the last slide
    assert window.display.shown_scenario() == slides[-1].scenario
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert window.display.shown_scenario() == edited
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presentation.active and not window.isFullScreen()
    assert window.panel_scroll.isVisible() and not window.banner.isVisible()
    assert window.splitter.sizes()[0] == splitter[0]
    assert window.document.scenario == edited and window.document.undo_stack.count() == 1
    assert window.charts["power"].view.backgroundBrush().color().name() == "#ffffff"


def test_the_arrow_keys_step_only_while_presenting(window):
    keys = window.present_keys
    assert not any(k.isEnabled() for k in keys)
    window.presentation.enter()
    assert all(k.isEnabled() for k in keys) and any(k.key() == QKeySequence("Esc") for k in keys)
    window.presentation.leave()
    assert not any(k.isEnabled() for k in keys)
