"""Scenario files: new, open (a file, a recent file, a preset), save and save as, and the question
before unsaved changes are replaced. A bad file shows a message and leaves the open scenario as it was."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu

from explorer.catalog import Catalog
from explorer.errors import ExplorerError
from explorer.i18n import tr
from explorer.portfolio import is_portfolio_file
from explorer.presets import load_preset
from explorer.scenario import Scenario
from explorer.scenario_file import load_scenario, save_scenario

from ..document import ScenarioDocument
from ..widgets.tooltips import plain_tip
from ..settings import Settings
from .folders import Folders
from .status import Status


def recent_titles(paths: list[str]) -> list[str]:
    """Each recent file's name, with as much of its folder as tells files of the same name apart:
    'deal.json — work/q3', 'deal.json — work/q4' (a file with a name of its own: just the name)."""
    parts = [Path(p).parts for p in paths]
    out = []
    for k, path in enumerate(paths):
        name = Path(path).name
        same = [q for j, q in enumerate(parts) if j != k and q[-1] == name]
        if not same:
            out.append(name)
            continue
        depth = 1
        while depth < len(parts[k]) - 1 and any(q[-1 - depth:-1] == parts[k][-1 - depth:-1] for q in same):
            depth += 1
        out.append(f"{name} — {'/'.join(parts[k][-1 - depth:-1])}")
    return out


class FilesController(QObject):
    saved = Signal()  # the document was saved (its baseline changed)

    def __init__(self, document: ScenarioDocument, settings: Settings, dialogs, status: Status,
                 catalog: Callable[[], Catalog], session_files: list[Path] | None = None,
                 open_portfolio: Callable[[Path], bool] | None = None, parent=None):
        super().__init__(parent)
        # A portfolio file opened like a scenario file (File ▸ Open, Open Recent, the command line,
        # the system's file-open) goes to the portfolio window; True when it opened.
        self._open_portfolio = open_portfolio
        self.document, self.settings, self.dialogs, self.status = document, settings, dialogs, status
        self.folders = Folders(settings, document)
        self._catalog = catalog
        self.session_files: list[Path] = list(session_files or [])  # opened or saved this session

    def remember(self, path: Path) -> None:
        """A file used this session (presentation mode offers it as a slide)."""
        path = Path(path).resolve()
        if path not in self.session_files:
            self.session_files.append(path)

    def maybe_keep_changes(self) -> bool:
        """True when it is fine to replace the current scenario (saved, discarded, or unchanged)."""
        if not self.document.modified:
            return True
        answer = self.dialogs.ask_save_changes(self.document.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_scenario(self) -> None:
        if self.maybe_keep_changes():
            self.document.load(Scenario(), None)
            self.status.show(tr("New scenario: the announced deal"))

    def open_dialog(self) -> None:
        path = self.dialogs.open_path(tr("Open scenario"), str(self.folders.get("open")))
        if path:
            self.folders.remember("open", path)
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open a scenario file as the document; a portfolio file opens in the portfolio window (the
        document stays as it is)."""
        if self._open_portfolio is not None and is_portfolio_file(path):
            if not self._open_portfolio(Path(path)):
                return False
            self.settings.add_recent(str(path))
            return True
        notices: list[str] = []
        try:
            scenario = load_scenario(path, self._catalog(), notices)
        except ExplorerError as exc:
            self.dialogs.error(tr("Cannot open scenario"), str(exc))
            self.status.show(tr("Not opened: {problem}").format(problem=exc), error=True)
            return False
        if not self.maybe_keep_changes():
            return False
        self.document.load(scenario, Path(path).resolve())
        self.settings.add_recent(str(path))
        self.remember(path)
        self.status.show(" ".join([tr("Opened {file}.").format(file=Path(path).name)] + notices))
        return True

    def open_preset(self, key: str) -> bool:
        try:
            scenario = load_preset(key, self._catalog())
        except ExplorerError as exc:
            self.dialogs.error(tr("Cannot open preset"), str(exc))
            return False
        if not self.maybe_keep_changes():
            return False
        self.document.load(scenario, None)
        self.status.show(tr("Preset: {name}").format(name=tr(scenario.name)))
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = str(self.document.path or self.folders.get("save") / f"{self.document.stem}.json")
        path = self.dialogs.save_path(tr("Save scenario as"), suggested)
        if not path:
            return False
        self.folders.remember("save", path)
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        try:
            save_scenario(self.document.scenario, path)
        except ExplorerError as exc:
            self.dialogs.error(tr("Cannot save scenario"), str(exc))
            self.status.show(tr("Not saved: {problem}").format(problem=exc), error=True)
            return False
        self.document.mark_saved(path.resolve())
        self.settings.add_recent(str(path))
        self.remember(path)
        self.saved.emit()
        self.status.show(tr("Saved {file}").format(file=path.name))
        return True

    def fill_recent(self, menu: QMenu) -> None:
        """The Open Recent menu, built when it opens."""
        menu.clear()
        files = self.settings.recent_files()
        for path, text in zip(files, recent_titles(files)):
            act = menu.addAction(text)
            act.setToolTip(plain_tip(path))
            act.triggered.connect(lambda _=False, p=path: self.open_path(Path(p)))
        if not files:
            menu.addAction(tr("(none)", "no recent files")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(tr("Clear the list"), self.settings.clear_recent)
