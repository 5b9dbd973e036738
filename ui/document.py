"""The open scenario as a document: its file, its saved state, and undo/redo of every edit.

Undo and redo are scenario edits on a QUndoStack, not widget states. The edits of one slider drag
merge into one step (the drag's session number is part of the merge key).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from explorer.files import slug
from explorer.scenario import Scenario

_MERGE_ID = 1


def _undo_name(key: str) -> str:
    """A field as an undo step names it: its label ('PUE (annual average)', 'chip mix')."""
    from explorer.fields import FIELDS

    label = FIELDS[key].label if key in FIELDS else key.replace("_", " ")
    if label[:2].isupper():  # an acronym stays as written: 'PUE (annual average)', 'GPU count'
        return label
    return label[:1].lower() + label[1:]


class SetScenario(QUndoCommand):
    def __init__(self, doc: "ScenarioDocument", before: Scenario, after: Scenario, text: str, merge_key):
        super().__init__(text)
        self.doc, self.before, self.after, self.merge_key = doc, before, after, merge_key

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetScenario) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        self.after = other.after
        if self.after == self.before:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        self.doc._set(self.after)

    def undo(self) -> None:
        self.doc._set(self.before)


class ScenarioDocument(QObject):
    scenarioChanged = Signal(object)  # the new Scenario
    stateChanged = Signal()  # file path or modified state changed

    def __init__(self, scenario: Scenario | None = None, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._scenario = scenario or Scenario()
        self._saved = self._scenario
        self.path: Path | None = path
        self._drag_session = 0
        self.dragging = False

    @property
    def scenario(self) -> Scenario:
        return self._scenario

    @property
    def baseline(self) -> Scenario:
        """The scenario as last opened or saved (KPI deltas are measured against it)."""
        return self._saved

    @property
    def modified(self) -> bool:
        return self._scenario != self._saved

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    @property
    def folder(self) -> Path:
        """Where dialogs start: the file's folder, else the home folder."""
        return self.path.parent if self.path else Path.home()

    @property
    def stem(self) -> str:
        """A name for files made from it: the file's stem, else the scenario's name as a slug."""
        return self.path.stem if self.path else slug(self._scenario.name)

    def edit(self, changes: dict, text: str | None = None, dragging: bool = False) -> None:
        """Apply changes as one undoable step; while dragging, steps of the same drag merge.
        Raises ScenarioError (from Scenario validation) without changing anything."""
        new = self._scenario.replace(**changes)
        if new == self._scenario:
            return
        if dragging:
            self.dragging = True
            key = (tuple(sorted(changes)), self._drag_session)
        else:
            key = None
        label = text or "Change " + ", ".join(_undo_name(k) for k in changes)
        self.undo_stack.push(SetScenario(self, self._scenario, new, label, key))

    def end_drag(self) -> None:
        """Close the current drag: the next edit starts a new undo step."""
        self._drag_session += 1
        self.dragging = False

    def load(self, scenario: Scenario, path: Path | None, modified_from: Scenario | None = None) -> None:
        """Replace the document (New, Open, a preset): a fresh undo history.

        ``modified_from`` restores an unsaved state: the saved baseline is that scenario instead."""
        self.undo_stack.clear()
        self.end_drag()
        self.path = path
        self._saved = modified_from if modified_from is not None else scenario
        self._set(scenario)

    def mark_saved(self, path: Path) -> None:
        self.path = path
        self._saved = self._scenario
        self.undo_stack.setClean()
        self.stateChanged.emit()

    def _set(self, scenario: Scenario) -> None:
        self._scenario = scenario
        self.scenarioChanged.emit(scenario)
        self.stateChanged.emit()
