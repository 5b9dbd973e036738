"""The folder each kind of dialog opens in: the last one the user chose for that kind (open, save,
charts, report, data, catalog), else the open file's folder, else the home folder."""

from __future__ import annotations

from pathlib import Path

from ..document import ScenarioDocument
from ..settings import Settings

KINDS = ("open", "save", "export", "report", "data", "catalog")


class Folders:
    def __init__(self, settings: Settings, document: ScenarioDocument):
        self.settings, self.document = settings, document

    def get(self, kind: str) -> Path:
        remembered = self.settings.value(f"folders/{kind}", "")
        if remembered and Path(str(remembered)).is_dir():
            return Path(str(remembered))
        return self.document.folder

    def remember(self, kind: str, chosen) -> None:
        """``chosen``: the file (or folder) the user picked with a dialog of this kind."""
        path = Path(chosen).expanduser()
        folder = path if path.is_dir() else path.parent
        if folder.is_dir():
            self.settings.set_value(f"folders/{kind}", str(folder.resolve()))
