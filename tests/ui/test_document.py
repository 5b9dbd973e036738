"""The document's undo history: one command per drag, a bounded history, and no undo command (or the
Scenarios it holds) kept alive in Python after Qt has dropped it."""

from __future__ import annotations

import gc

import pytest

from explorer.scenario import Scenario
from ui import document as document_module
from ui.document import ScenarioDocument, SetScenario

SLACK = 3  # live objects a test may see come and go besides the ones it counts


def live(kind: type) -> int:
    gc.collect()
    return sum(isinstance(o, kind) for o in gc.get_objects())


@pytest.fixture
def doc(qapp, tmp_path):
    d = ScenarioDocument(path=tmp_path / "a.scenario.json")
    yield d
    d.undo_stack.clear()
    d.deleteLater()


def drag(doc: ScenarioDocument, values, field: str = "gpu_count") -> None:
    for v in values:
        doc.edit({field: v}, dragging=True)
    doc.end_drag()


def test_a_long_drag_keeps_one_command_and_no_scenario_per_step(doc):
    commands, scenarios = live(SetScenario), live(Scenario)
    drag(doc, range(100_001, 102_001))  # 2,000 steps
    assert doc.undo_stack.count() == 1
    assert live(SetScenario) - commands == 1
    assert live(Scenario) - scenarios <= SLACK  # the command's before and after, not one per step
    doc.undo_stack.clear()
    assert live(SetScenario) - commands <= 0


def test_the_history_is_bounded_and_dropped_commands_are_released(doc):
    assert document_module.UNDO_LIMIT == 1000 and doc.undo_stack.undoLimit() == 1000
    commands = live(SetScenario)
    for i in range(3000):
        doc.edit({"gpu_count": 100_001 + i})
    assert doc.undo_stack.count() == 1000
    assert live(SetScenario) - commands <= 1000 + SLACK
    doc.undo_stack.clear()
    assert live(SetScenario) - commands <= SLACK


def test_load_keeps_the_limit(doc):
    doc.edit({"gpu_count": 5})
    doc.load(Scenario(), None)
    assert doc.undo_stack.count() == 0 and doc.undo_stack.undoLimit() == document_module.UNDO_LIMIT


def test_undo_after_a_drag_goes_back_to_the_value_before_the_press(doc):
    doc.edit({"gpu_count": 300_000})
    drag(doc, [310_000, 350_000, 420_000])
    stack = doc.undo_stack
    assert stack.count() == 2 and stack.undoText() == "Change GPU count"
    stack.undo()
    assert doc.scenario.gpu_count == 300_000
    stack.redo()
    assert doc.scenario.gpu_count == 420_000
    stack.undo()
    stack.undo()
    assert doc.scenario == Scenario()


def test_a_drag_back_to_its_start_leaves_no_undo_step(doc):
    shown = []
    doc.scenarioChanged.connect(shown.append)
    drag(doc, [250_000, 300_000, 200_000])  # 200,000 is the default
    assert doc.scenario == Scenario() and doc.undo_stack.count() == 0 and not doc.undo_stack.canUndo()
    assert shown[-1] == Scenario()
    doc.edit({"gpu_count": 300_000})  # the history goes on as usual
    drag(doc, [310_000, 300_000])
    assert doc.undo_stack.count() == 1 and doc.scenario.gpu_count == 300_000


def test_the_saved_state_after_save_drag_and_undo(doc, tmp_path):
    doc.edit({"gpu_count": 300_000})
    doc.mark_saved(tmp_path / "b.scenario.json")
    stack = doc.undo_stack
    assert stack.isClean() and not doc.modified
    drag(doc, [310_000, 320_000])
    assert not stack.isClean() and doc.modified
    stack.undo()
    assert stack.isClean() and not doc.modified and doc.scenario.gpu_count == 300_000
    drag(doc, [310_000, 300_000])  # back where it was saved: no step, still clean
    assert stack.isClean() and not doc.modified and stack.count() == 1
    stack.undo()
    assert not stack.isClean() and doc.modified


def test_a_save_during_a_drag_keeps_its_save_point(doc, tmp_path):
    doc.edit({"gpu_count": 300_000}, dragging=True)
    doc.mark_saved(tmp_path / "b.scenario.json")  # Ctrl+S with the mouse down
    doc.edit({"gpu_count": 310_000}, dragging=True)
    doc.edit({"gpu_count": 320_000}, dragging=True)
    doc.end_drag()
    stack = doc.undo_stack
    assert not stack.isClean() and doc.modified and stack.count() == 2
    stack.undo()
    assert stack.isClean() and not doc.modified and doc.scenario.gpu_count == 300_000
    stack.undo()
    assert doc.scenario == Scenario()


def test_a_non_drag_edit_is_its_own_step(doc):
    doc.edit({"gpu_count": 300_000})
    doc.edit({"gpu_count": 400_000})
    assert doc.undo_stack.count() == 2
    doc.edit({"gpu_count": 500_000}, dragging=True)
    doc.edit({"pue": 1.3})  # typed in a box while the drag goes on
    doc.edit({"gpu_count": 600_000}, dragging=True)
    doc.end_drag()
    assert doc.undo_stack.count() == 5
    doc.undo_stack.undo()
    assert doc.scenario.gpu_count == 500_000 and doc.scenario.pue == 1.3


def test_a_drag_of_another_field_starts_its_own_step(doc):
    doc.edit({"gpu_count": 300_000}, dragging=True)
    doc.edit({"gpu_count": 310_000}, dragging=True)
    doc.edit({"pue": 1.3}, dragging=True)
    doc.edit({"pue": 1.4}, dragging=True)
    doc.end_drag()
    stack = doc.undo_stack
    assert stack.count() == 2 and stack.undoText() == "Change PUE (annual average)"
    stack.undo()
    assert doc.scenario.pue == Scenario().pue and doc.scenario.gpu_count == 310_000


def test_two_drags_are_two_steps(doc):
    drag(doc, [300_000, 310_000])
    drag(doc, [320_000, 330_000])
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.scenario.gpu_count == 310_000


def test_a_drag_goes_on_after_the_history_is_cleared_or_undone_under_it(doc):
    doc.edit({"gpu_count": 300_000}, dragging=True)
    doc.undo_stack.clear()  # a catalog switch clears the history
    doc.edit({"gpu_count": 310_000}, dragging=True)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()  # Ctrl+Z while the mouse is down
    assert doc.scenario.gpu_count == 300_000
    doc.edit({"gpu_count": 320_000}, dragging=True)
    doc.end_drag()
    assert doc.undo_stack.count() == 1 and doc.scenario.gpu_count == 320_000
    doc.undo_stack.undo()
    assert doc.scenario.gpu_count == 300_000


def test_a_refused_step_changes_nothing(doc):
    from explorer.errors import ScenarioError

    doc.edit({"gpu_count": 300_000}, dragging=True)
    with pytest.raises(ScenarioError):
        doc.edit({"gpu_count": -1}, dragging=True)
    doc.end_drag()
    assert doc.scenario.gpu_count == 300_000 and doc.undo_stack.count() == 1
