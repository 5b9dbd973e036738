"""The comparison: pin the shown scenario as the baseline, add a file or a preset, clear."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from explorer.catalog import Catalog
from explorer.errors import ExplorerError
from explorer.i18n import tr
from explorer.presets import find_preset, load_preset
from explorer.scenario import Scenario
from explorer.scenario_file import load_scenario

from ..state.comparison import Comparison, ComparisonFull
from .status import Status


class ComparisonController(QObject):
    changed = Signal()  # the compared scenarios changed: redraw
    fileUsed = Signal(Path)  # a scenario file was added (presentation mode offers it too)

    def __init__(self, comparison: Comparison, dialogs, status: Status, catalog: Callable[[], Catalog],
                 shown: Callable[[], Scenario], folders, parent=None):
        super().__init__(parent)
        self.comparison, self.dialogs, self.status = comparison, dialogs, status
        self._catalog, self._shown, self._folders = catalog, shown, folders

    def pin(self) -> bool:
        """Pin the shown scenario as the baseline (replacing an earlier pin)."""
        scenario = self._shown()
        try:
            self.comparison.pin(scenario)
        except ComparisonFull as full:
            self.dialogs.error(tr("Comparison is full"), str(full))
            return False
        self.status.show(tr("Pinned “{name}” as the baseline; move the sliders to compare").format(name=scenario.name))
        self.changed.emit()
        return True

    def add(self, label: str, scenario: Scenario) -> bool:
        try:
            self.comparison.add(label, scenario)
        except ComparisonFull as full:
            self.dialogs.error(tr("Comparison is full"), str(full))
            return False
        self.changed.emit()
        return True

    def add_file_dialog(self) -> None:
        path = self.dialogs.open_path(tr("Add a scenario to the comparison"), str(self._folders.get("open")))
        if path:
            self._folders.remember("open", path)
            self.add_path(Path(path))

    def add_path(self, path: Path) -> bool:
        try:
            scenario = load_scenario(path, self._catalog())
        except ExplorerError as exc:
            self.dialogs.error(tr("Cannot compare scenario"), str(exc))
            return False
        added = self.add(Path(path).name, scenario)
        if added:
            self.fileUsed.emit(Path(path))
        return added

    def add_preset(self, key: str) -> bool:
        try:
            scenario = load_preset(key, self._catalog())
        except ExplorerError as exc:
            self.dialogs.error(tr("Cannot compare preset"), str(exc))
            return False
        return self.add(tr(find_preset(key).title), scenario)

    def clear(self) -> None:
        self.comparison.clear()
        self.changed.emit()
