"""Crash recovery: the working state is autosaved, and offered back after an abnormal exit.

Within about ``DELAY_MS`` of the last edit (debounced: a slider drag restarts a timer, nothing more),
the unsaved working state (the scenario, its file, the state it was opened or saved in, the
comparison and the catalog in use) is written atomically to ``<state folder>/recovery/<id>.json``.
Each running window has its own file and holds a lock file beside it (Qt's QLockFile: it records the
process and tells a live lock from one whose process has died). A normal save, a scenario with no
unsaved changes and a normal close remove the file; so a recovery file whose lock is not held by a
live process is the work of a window that did not close normally (a kill, a crash, a power cut).
On the next start ``orphans()`` finds those, and the app asks what to do with each; nothing is
restored or dropped without the user's answer.

The state folder is the platform's: $XDG_STATE_HOME/compute-scenario-explorer (~/.local/state) on
Linux, ~/Library/Application Support/Compute Scenario Explorer on macOS, %LOCALAPPDATA%\\Compute
Scenario Explorer on Windows.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from explorer.errors import ExplorerError
from explorer.files import atomic_write_text, read_text
from explorer.scenario import Scenario
from explorer.scenario_file import scenario_from_json, scenario_to_json

from ..document import ScenarioDocument
from ..state.comparison import Comparison

log = logging.getLogger("scenario_explorer")
APP_FOLDER = "Compute Scenario Explorer"
DELAY_MS = 2000
RECOVERY_VERSION = 1
MAX_RECOVERY_BYTES = 20_000_000


def state_dir() -> Path:
    """The platform's folder for an app's state (not settings, not documents)."""
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_FOLDER
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local") / APP_FOLDER
    return Path(os.environ.get("XDG_STATE_HOME") or home / ".local" / "state") / "compute-scenario-explorer"


def recovery_dir() -> Path:
    return state_dir() / "recovery"


@dataclass
class Recovered:
    """What an orphaned recovery file holds."""
    file: Path
    scenario: Scenario
    baseline: Scenario  # the scenario as its file was opened or saved (the changes are against it)
    path: Path | None  # the scenario's file, None for an untitled scenario
    edited: _dt.datetime
    comparison: list[tuple[str, Scenario]]
    catalog: str  # the user catalog in use ('' = built-in)
    lock: QLockFile | None = None

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    def question(self) -> str:
        return f"Recover unsaved changes to {self.display_name} (edited {self.edited:%H:%M})?"

    def remove(self) -> None:
        """Gone for good (recovered into a window that keeps its own file, or discarded)."""
        self.file.unlink(missing_ok=True)
        self.release()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None


def _new_lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long it has run
    return lock


def orphans(folder: Path | None = None, catalog=None) -> list[Recovered]:
    """The recovery files no live window owns, newest first, each locked by this process until it
    is removed or released. A damaged one is set aside (renamed *.damaged) and logged."""
    folder = folder or recovery_dir()
    found = []
    try:
        files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []
    for file in files:
        lock = _new_lock(file.with_suffix(".lock"))
        if not lock.tryLock(0):
            continue  # a live window's
        try:
            found.append(_read(file, catalog, lock))
        except (ExplorerError, ValueError, KeyError, TypeError) as exc:
            log.warning("a recovery file could not be read and was set aside: %s (%s)", file, exc)
            try:
                file.replace(file.with_suffix(".damaged"))
            except OSError:
                pass
            lock.unlock()
    return found


def _read(file: Path, catalog, lock) -> Recovered:
    data = json.loads(read_text(file, "recovery file", MAX_RECOVERY_BYTES, ExplorerError))
    if data.get("recovery_version") != RECOVERY_VERSION:
        raise ValueError(f"unknown recovery_version {data.get('recovery_version')!r}")
    scenario = scenario_from_json(data["scenario"], catalog)
    baseline = scenario_from_json(data["baseline"], catalog)
    comparison = [(str(label), scenario_from_json(text, catalog)) for label, text in data.get("comparison", [])]
    return Recovered(file=file, scenario=scenario, baseline=baseline,
                     path=Path(data["path"]) if data.get("path") else None,
                     edited=_dt.datetime.fromisoformat(data["edited"]), comparison=comparison,
                     catalog=str(data.get("catalog") or ""), lock=lock)


class Recovery(QObject):
    """This window's recovery file, kept up to date with its unsaved work."""

    written = Signal(str)  # the recovery file was written (its path); tests and the kill test wait for it

    def __init__(self, document: ScenarioDocument, comparison: Comparison, catalog_path: Callable[[], str],
                 folder: Path | None = None, delay_ms: int = DELAY_MS, parent=None):
        super().__init__(parent)
        self.document, self.comparison, self._catalog_path = document, comparison, catalog_path
        self.folder = folder or recovery_dir()
        ident = f"{os.getpid()}-{secrets.token_hex(3)}"
        self.file = self.folder / f"{ident}.json"
        self._lock: QLockFile | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(os.environ.get("SCENARIO_EXPLORER_AUTOSAVE_MS", delay_ms)))
        self._timer.timeout.connect(self.save_now)
        self.enabled = True
        document.scenarioChanged.connect(self.touch)

    def touch(self, *_args) -> None:
        """Something changed: write the recovery file once edits pause (restarting a timer: nothing
        heavier on the slider's path)."""
        if self.enabled:
            self._timer.start()

    def save_now(self) -> None:
        """Write the working state now if there is unsaved work; remove the file if there is none."""
        self._timer.stop()
        if not self.enabled:
            return
        doc = self.document
        if not doc.modified:
            self.remove()
            return
        if not self._locked():
            return
        data = {
            "recovery_version": RECOVERY_VERSION,
            "edited": _dt.datetime.now().isoformat(timespec="seconds"),
            "path": str(doc.path) if doc.path else "",
            "scenario": scenario_to_json(doc.scenario),
            "baseline": scenario_to_json(doc.baseline),
            "comparison": [[label, scenario_to_json(s)] for label, s in self.comparison.entries],
            "catalog": self._catalog_path() or "",
        }
        try:
            atomic_write_text(self.file, json.dumps(data, ensure_ascii=False))
        except ExplorerError as exc:  # a full disk: the work is still in the window
            log.warning("the recovery file could not be written: %s", exc)
            return
        self.written.emit(str(self.file))

    def _locked(self) -> bool:
        if self._lock is not None:
            return True
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("no recovery folder %s (%s): unsaved work is not autosaved", self.folder, exc)
            self.enabled = False
            return False
        lock = _new_lock(self.file.with_suffix(".lock"))
        if not lock.tryLock(0):
            log.warning("the recovery lock %s is held elsewhere: unsaved work is not autosaved", lock.fileName())
            self.enabled = False
            return False
        self._lock = lock
        return True

    def remove(self) -> None:
        """No unsaved work (saved, discarded, or closed normally): no recovery file."""
        self._timer.stop()
        self.file.unlink(missing_ok=True)

    def close(self) -> None:
        """The window closes normally: the file and its lock go."""
        self.remove()
        self.enabled = False
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
