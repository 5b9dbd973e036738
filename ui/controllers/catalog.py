"""The chip catalog: load a user's catalog (merged over the built-in one) or go back to the built-in.

A catalog that lacks a chip of the open scenario is refused. Switching drops compared scenarios it
cannot evaluate and clears the undo history (earlier steps may name chips it lacks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from explorer.catalog import Catalog, builtin_catalog, load_catalog
from explorer.errors import ExplorerError
from explorer.scenario import check_chips

from ..document import ScenarioDocument
from ..settings import Settings
from ..state.comparison import Comparison
from .folders import Folders
from .status import Status


class CatalogController(QObject):
    changed = Signal(object)  # the new Catalog

    def __init__(self, catalog: Catalog, document: ScenarioDocument, comparison: Comparison, settings: Settings,
                 dialogs, status: Status, parent=None):
        super().__init__(parent)
        self.catalog = catalog
        self.document, self.comparison, self.settings = document, comparison, settings
        self.dialogs, self.status = dialogs, status

    def load_dialog(self) -> None:
        folders = Folders(self.settings, self.document)
        path = self.dialogs.open_path("Load chip catalog", str(folders.get("catalog")), "CSV files (*.csv);;All files (*)")
        if path:
            folders.remember("catalog", path)
            self.set_path(path)

    def set_path(self, path: str) -> bool:
        try:
            catalog = load_catalog(path)
            check_chips(self.document.scenario, catalog)
        except ExplorerError as exc:
            self.dialogs.error("Cannot load catalog", str(exc))
            return False
        self.settings.set_user_catalog(str(Path(path).resolve()))  # (before the change is announced)
        note = self._use(catalog)
        self.status.show(f"Catalog: built-in + {Path(path).name} ({len(catalog)} chips){note}")
        return True

    def use_builtin(self) -> bool:
        catalog = builtin_catalog()
        try:
            check_chips(self.document.scenario, catalog)
        except ExplorerError as exc:
            self.dialogs.error("Cannot switch catalog", f"The open scenario uses a chip of your catalog: {exc}")
            return False
        self.settings.set_user_catalog("")
        note = self._use(catalog)
        self.status.show(f"Catalog: built-in{note}")
        return True

    def _use(self, catalog: Catalog) -> str:
        """Switch; a note on compared scenarios that had to be dropped ('' if none)."""
        self.catalog = catalog
        dropped = [f"“{label}”" for label in self.comparison.drop_unusable(catalog)]
        self.document.undo_stack.clear()
        self.changed.emit(catalog)
        return f"; removed {', '.join(dropped)} from the comparison (chips not in this catalog)" if dropped else ""
