"""Fit to budget: the dialog, given a solve function, and its answer applied as one undoable step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explorer.scenario import Scenario
from support.qt import type_into
from ui.dialogs.fit_dialog import FitDialog


def test_a_fit_applies_as_one_undoable_step(window, dialogs):
    dialogs.fits = [(30e9, "gpu_count")]
    window.actions["fit"].trigger()
    window.flush()
    assert window.projection.summary()["cost_total_usd"] == pytest.approx(30e9, rel=1e-3)
    assert window.status.text.startswith("Fitted to USD 30.0B: ")
    window.actions["undo"].trigger()
    assert window.document.scenario == Scenario()
    result, problem = window.fit.solve(1e9, "price")
    assert result is None and "already reach" in problem


def test_a_fit_can_size_the_fleet_by_power(window, dialogs):
    dialogs.fits = [(38e9, "facility_power_mw")]
    window.fit.open_dialog()
    window.flush()
    assert window.document.scenario.sized_by_power
    assert window.projection.summary()["cost_total_usd"] == pytest.approx(38e9, rel=1e-3)


def test_the_dialog_solves_shows_the_answer_and_applies_it(qtbot):
    asked = []

    def solve(budget, solve_for):
        asked.append((budget, solve_for))
        return (None, "no fleet is that cheap") if budget < 1e9 else (_Result(budget), None)

    dialog = FitDialog(Scenario(), solve)
    qtbot.addWidget(dialog)
    dialog.show()
    apply = dialog.apply_button
    assert not apply.isEnabled()
    type_into(dialog.budget, "0.5")
    QTest.mouseClick(_button(dialog, "Solve"), Qt.MouseButton.LeftButton)
    assert asked[-1] == (pytest.approx(0.5e9), "gpu_count") and "No answer" in dialog.answer.text()
    assert not apply.isEnabled()
    type_into(dialog.budget, "30")
    QTest.mouseClick(_button(dialog, "Solve"), Qt.MouseButton.LeftButton)
    assert "accelerators" in dialog.answer.text() and apply.isEnabled()
    QTest.mouseClick(apply, Qt.MouseButton.LeftButton)
    assert dialog.applied is not None and dialog.applied.budget_usd == pytest.approx(30e9)


class _Result:
    def __init__(self, budget):
        self.budget_usd = budget
        self.value = 123_456
        self.cost_total_usd = budget
        self.changes = {"gpu_count": 123_456}
        self.solved_for = "gpu_count"


def _button(dialog, name):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in dialog.findChildren(QPushButton) if b.accessibleName() == name)


def test_the_dialog_solves_for_what_the_box_shows_without_enter(qtbot):
    asked = []

    def solve(budget, solve_for):
        asked.append(budget)
        return _Result(budget), None

    dialog = FitDialog(Scenario(), solve)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.mouseClick(_button(dialog, "Solve"), Qt.MouseButton.LeftButton)
    assert asked[-1] == pytest.approx(38e9) and dialog.apply_button.isEnabled()
    dialog.budget.setFocus()
    dialog.budget.selectAll()
    QTest.keyClicks(dialog.budget, "25")  # typed, no Enter
    assert not dialog.apply_button.isEnabled()  # the answer no longer matches the inputs
    QTest.mouseClick(_button(dialog, "Solve"), Qt.MouseButton.LeftButton)
    assert asked[-1] == pytest.approx(25e9) and dialog.apply_button.isEnabled()
