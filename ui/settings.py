"""What the app remembers between runs: window layout, the last scenario, recent files, theme.

Stored as an INI file in the platform's usual configuration folder (QStandardPaths
AppConfigLocation: ~/.config/<app> on Linux, ~/Library/Preferences/<app> on macOS,
%LOCALAPPDATA%/<app> on Windows), never in the repository. The location is resolved when a Settings
object is made, so tests that point HOME/XDG_CONFIG_HOME at a temporary folder get a fresh file.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

SETTINGS_VERSION = 1
MAX_RECENT = 8


def settings_path() -> Path:
    override = os.environ.get("SCENARIO_EXPLORER_SETTINGS")
    if override:
        return Path(override)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder) / "settings.ini"


class Settings:
    def __init__(self, path: Path | None = None):
        self.path = path or settings_path()
        self._q = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._q.value("settings_version") is None:
            self._q.setValue("settings_version", SETTINGS_VERSION)

    def sync(self) -> None:
        self._q.sync()

    def _get(self, key: str, default=None, kind=None):
        value = self._q.value(key, default)
        if kind is not None and value is not None:
            try:
                return kind(value)
            except (TypeError, ValueError):
                return default
        return value

    # window layout
    def geometry(self) -> QByteArray | None:
        value = self._get("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._get("window/state")
        return value if isinstance(value, QByteArray) else None

    def splitter_state(self) -> QByteArray | None:
        value = self._get("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def save_layout(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._q.setValue("window/geometry", geometry)
        self._q.setValue("window/state", state)
        self._q.setValue("window/splitter", splitter)

    # last scenario
    def last_scenario(self) -> tuple[str, str]:
        """(path or '', scenario JSON text or '') of the scenario open when the app last closed."""
        return self._get("last/path", "", str), self._get("last/scenario_json", "", str)

    def set_last_scenario(self, path: str, scenario_json: str) -> None:
        self._q.setValue("last/path", path)
        self._q.setValue("last/scenario_json", scenario_json)

    # recent files
    def recent_files(self) -> list[str]:
        value = self._get("recent/files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent(self, path: str) -> list[str]:
        path = str(Path(path).resolve())
        files = [path] + [p for p in self.recent_files() if p != path]
        self._q.setValue("recent/files", files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def clear_recent(self) -> None:
        self._q.setValue("recent/files", [])

    # preferences
    def theme(self) -> str:
        return self._get("view/theme", "system", str)

    def set_theme(self, name: str) -> None:
        self._q.setValue("view/theme", name)

    def user_catalog(self) -> str:
        return self._get("catalog/user_path", "", str)

    def set_user_catalog(self, path: str) -> None:
        self._q.setValue("catalog/user_path", path)

    def value(self, key: str, default=None):
        return self._get(key, default)

    def set_value(self, key: str, value) -> None:
        self._q.setValue(key, value)
