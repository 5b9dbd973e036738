"""The open scenario as a document: its file, its saved state, and undo/redo of every edit.

Undo and redo are scenario edits on a QUndoStack, not widget states. The steps of one slider drag
are one undo step: the drag's first step pushes a command, and each later step (while that command is
still the newest and not undone) updates the command's ``after`` and applies the scenario directly, so
a drag of any length keeps one command and two Scenarios. A drag that ends where it started leaves no
step (its command is made obsolete and undone, which QUndoStack::undo deletes without calling it).

Nothing is merged with QUndoCommand.mergeWith: QUndoStack deletes the merged command on the C++ side,
and PySide kept its Python wrapper alive (with the before/after Scenarios and the document), one per
drag step, for the life of the process. The document keeps only a weak reference to the drag's
command, so a command QUndoStack drops (the limit, clear(), a new edit after an undo) is released.

The history is bounded: at most UNDO_LIMIT steps; the oldest go first.
"""

from __future__ import annotations

import weakref
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from explorer.files import slug
from explorer.i18n import tr
from explorer.scenario import Scenario

UNDO_LIMIT = 1000  # undo steps kept (QUndoStack.setUndoLimit; Qt allows setting it on an empty stack only)


def document_name(path: Path | None, baseline: Scenario) -> str:
    """What the window's title and its questions call a scenario: its file's name, else (a preset, a
    new or recovered scenario) the name of the scenario as opened, else 'Untitled'."""
    if path is not None:
        return path.name
    return tr(baseline.name) if baseline.name.strip() else tr("Untitled")


def _undo_name(key: str) -> str:
    """A field as an undo step names it: its label ('PUE (annual average)', 'chip mix'), in the
    language shown (a lower-case first letter means nothing to a script without cases)."""
    from explorer.fields import FIELDS

    label = tr(FIELDS[key].label) if key in FIELDS else key.replace("_", " ")
    if label[:2].isupper():  # an acronym stays as written: 'PUE (annual average)', 'GPU count'
        return label
    return label[:1].lower() + label[1:]


class SetScenario(QUndoCommand):
    """One undo step: the scenario before and after. ``fields`` names the fields a drag changes (the
    drag's later steps update ``after``); None for an edit that is not a drag."""

    def __init__(self, doc: "ScenarioDocument", before: Scenario, after: Scenario, text: str,
                 fields: tuple[str, ...] | None = None):
        super().__init__(text)
        self._doc = weakref.ref(doc)  # a command kept alive by mistake must not keep the document
        self.before, self.after, self.fields = before, after, fields

    def redo(self) -> None:
        doc = self._doc()
        if doc is not None:
            doc._set(self.after)

    def undo(self) -> None:
        doc = self._doc()
        if doc is not None:
            doc._set(self.before)


class ScenarioDocument(QObject):
    scenarioChanged = Signal(object)  # the new Scenario
    stateChanged = Signal()  # file path or modified state changed

    def __init__(self, scenario: Scenario | None = None, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)  # while empty: Qt ignores it once there are commands
        self._scenario = scenario or Scenario()
        self._saved = self._scenario
        self.path: Path | None = path
        self._drag: weakref.ref[SetScenario] | None = None  # the command of the drag going on
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
        return document_name(self.path, self._saved)

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
        fields = tuple(sorted(changes)) if dragging else None
        if dragging:
            self.dragging = True
            command = self._drag_command()
            # The drag goes on: its one step follows (unless saved since: the save point stays put).
            if command is not None and command.fields == fields and not self.undo_stack.isClean():
                command.after = new
                self._set(new)
                return
        if not text:  # 'Change GPU count', 'Change chip mix, GPU count'
            names = tr(", ", "list separator").join(_undo_name(k) for k in changes)
            text = tr("Change {what}").format(what=names)
        command = SetScenario(self, self._scenario, new, text, fields)
        self.undo_stack.push(command)  # redo() applies it
        self._drag = weakref.ref(command) if dragging else None

    def end_drag(self) -> None:
        """Close the current drag: the next edit starts a new undo step. A drag back to where it
        started leaves no step."""
        command = self._drag_command()
        self._drag = None
        self.dragging = False
        if command is not None and command.after == command.before:
            command.setObsolete(True)
            self.undo_stack.undo()  # an obsolete command is deleted, not undone (QUndoStack::undo)

    def _drag_command(self) -> SetScenario | None:
        """The drag's command while it is the newest step and not undone (the stack may have been
        cleared, undone or added to since), else None."""
        command = self._drag() if self._drag is not None else None
        if command is None or not shiboken6.isValid(command):
            return None
        stack = self.undo_stack
        count = stack.count()
        if count == 0 or stack.index() != count or stack.command(count - 1) is not command:
            return None
        return command

    def load(self, scenario: Scenario, path: Path | None, modified_from: Scenario | None = None) -> None:
        """Replace the document (New, Open, a preset): a fresh undo history.

        ``modified_from`` restores an unsaved state: the saved baseline is that scenario instead."""
        self.undo_stack.clear()  # keeps the undo limit
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
