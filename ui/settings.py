"""What the app remembers between runs: window layout, the last scenario, recent files, theme.

Stored as an INI file in the platform's usual configuration folder (QStandardPaths
AppConfigLocation: ~/.config/<app> on Linux, ~/Library/Preferences/<app> on macOS,
%LOCALAPPDATA%/<app> on Windows), never in the repository. The location is resolved when a Settings
object is made, so tests that point HOME/XDG_CONFIG_HOME at a temporary folder get a fresh file.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from explorer.i18n import QT_TR_NOOP, tr

log = logging.getLogger("scenario_explorer")
SETTINGS_VERSION = 1
MAX_RECENT = 8


def settings_path() -> Path:
    override = os.environ.get("SCENARIO_EXPLORER_SETTINGS")
    if override:
        return Path(override)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(folder) / "settings.ini"


# Why the settings file is not used, as the status line says it (each a whole sentence, translated
# when shown; the log keeps the English).
_UNREADABLE = QT_TR_NOOP("The settings file {path} is not used: it cannot be read ({error}).")
_NOT_A_FILE = QT_TR_NOOP("The settings file {path} is not used: it is not a regular file.")
_TOO_LARGE = QT_TR_NOOP("The settings file {path} is not used: it is too large ({size} bytes).")


def unsafe_reason(path: Path) -> tuple[str, dict] | None:
    """Why the settings file must not be read or written, as (message template, its fields), or
    None: it is (or links to) something that is not a regular file (a folder, a device, a pipe:
    reading one can block forever, writing one can damage it), or a link that loops."""
    try:
        if not path.exists() and not path.is_symlink():
            return None  # a new file: fine
        st = path.stat()
    except OSError as exc:
        return _UNREADABLE, {"error": exc.strerror or exc}
    if not stat.S_ISREG(st.st_mode):
        return _NOT_A_FILE, {}
    if st.st_size > MAX_SETTINGS_BYTES:
        return _TOO_LARGE, {"size": f"{st.st_size:,}"}
    return None


MAX_SETTINGS_BYTES = 2_000_000  # a settings file is a few kB


class Settings:
    """``problem``: why the usual file is not used (then settings live in a private temporary file
    for this run only, and the real one is left alone), else ''; in the language shown."""

    def __init__(self, path: Path | None = None):
        self.path = path or settings_path()
        self._problem = unsafe_reason(self.path)
        target = self.path
        if self._problem:
            template, fields = self._problem
            log.warning("%s", template.format(path=self.path, **fields))
            private = tempfile.mkdtemp(prefix="scenario-explorer-settings-")
            atexit.register(shutil.rmtree, private, True)
            target = Path(private) / "settings.ini"
        self._q = QSettings(str(target), QSettings.Format.IniFormat)
        if self._q.value("settings_version") is None:
            self._q.setValue("settings_version", SETTINGS_VERSION)

    @property
    def problem(self) -> str:
        if not self._problem:
            return ""
        template, fields = self._problem
        return tr(template).format(path=self.path, **fields)

    def sync(self) -> None:
        """Write what changed (QSettings merges: keys another instance wrote meanwhile are kept)."""
        self._q.sync()
        if self._q.status() != QSettings.Status.NoError:
            log.warning("the settings file %s could not be read or written (%s)", self.path, self._q.status().name)

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
        """Put ``path`` first. The list is re-read first (another instance may have added to it) and
        written at once, so two instances on one settings file keep each other's files."""
        path = str(Path(path).resolve())
        self._q.sync()  # re-read what others wrote
        files = [path] + [p for p in self.recent_files() if p != path]
        self._q.setValue("recent/files", files[:MAX_RECENT])
        self.sync()
        return files[:MAX_RECENT]

    def clear_recent(self) -> None:
        self._q.setValue("recent/files", [])
        self.sync()

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
