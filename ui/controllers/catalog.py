"""The chip catalog: load a user's catalog (merged over the built-in one) or go back to the built-in.

A catalog that lacks a chip of the open scenario is refused. Switching drops compared scenarios it
cannot evaluate and clears the undo history (earlier steps may name chips it lacks)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal

from explorer.catalog import Catalog, builtin_catalog, load_catalog
from explorer.errors import ExplorerError
from explorer.i18n import tr
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
        # the user catalog in use ('' = built-in only): the remembered one, unless it failed to load
        self.path = settings.user_catalog() if catalog is not builtin_catalog() else ""
        self.dialogs, self.status = dialogs, status

    def load_dialog(self) -> None:
        folders = Folders(self.settings, self.document)
        path = self.dialogs.open_path(tr("Load chip catalog"), str(folders.get("catalog")),
                                      tr("CSV files (*.csv);;All files (*)"))
        if path:
            folders.remember("catalog", path)
            self.set_path(path)

    def set_path(self, path: str) -> bool:
        try:
            catalog = load_catalog(path)
            check_chips(self.document.scenario, catalog)
        except ExplorerError as exc:
            self.dialogs.error(tr("Cannot load catalog"), str(exc))
            return False
        self.settings.set_user_catalog(str(Path(path).resolve()))  # (before the change is announced)
        self.path = str(Path(path).resolve())
        dropped = self._use(catalog)
        self.status.show(_with_dropped(tr("Catalog: built-in + {file} ({count} chips)")
                                       .format(file=Path(path).name, count=len(catalog)), dropped))
        return True

    def use_builtin(self) -> bool:
        catalog = builtin_catalog()
        try:
            check_chips(self.document.scenario, catalog)
        except ExplorerError as exc:
            self.dialogs.error(tr("Cannot switch catalog"),
                               tr("The open scenario uses a chip of your catalog: {problem}").format(problem=exc))
            return False
        self.settings.set_user_catalog("")
        self.path = ""
        dropped = self._use(catalog)
        self.status.show(_with_dropped(tr("Catalog: built-in"), dropped))
        return True

    def replace_with(self, catalog: Catalog, path: str, load: Callable[[], None]) -> None:
        """Use ``catalog`` (from ``path``; '' = built-in) for a scenario that ``load()`` puts in the
        document (a recovery): not checked against the scenario open now, which it replaces; the
        change is announced once both are in place."""
        self.settings.set_user_catalog(path)
        self.path = path
        self.catalog = catalog
        blocked = self.document.blockSignals(True)  # nothing may show the new scenario with the old catalog
        try:
            load()
        finally:
            self.document.blockSignals(blocked)
        self.comparison.drop_unusable(catalog)
        self.changed.emit(catalog)
        self.document.scenarioChanged.emit(self.document.scenario)
        self.document.stateChanged.emit()

    def _use(self, catalog: Catalog) -> list[str]:
        """Switch; the labels of compared scenarios that had to be dropped."""
        self.catalog = catalog
        dropped = list(self.comparison.drop_unusable(catalog))
        self.document.undo_stack.clear()
        self.changed.emit(catalog)
        return dropped


def _with_dropped(message: str, dropped: list[str]) -> str:
    """The status message, with the compared scenarios the switch dropped (if any)."""
    if not dropped:
        return message
    labels = tr(", ", "list separator").join(tr("“{name}”").format(name=label) for label in dropped)
    return tr("{message}; removed {labels} from the comparison (chips not in this catalog)").format(
        message=message, labels=labels)
