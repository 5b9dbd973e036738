"""Crash recovery: the working state is autosaved, and offered back after an abnormal exit.

Within about ``DELAY_MS`` of the last edit (debounced: a slider drag restarts a timer, nothing more;
at least every MAX_WAIT_S while edits never pause),
the unsaved working state (the scenario, its file, the state it was opened or saved in, the
comparison and the catalog in use, and the portfolio window's portfolio when it has unsaved changes:
as shown, as opened or saved, and its file) is written atomically to
``<state folder>/recovery/<id>.json``.
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
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from explorer.errors import ExplorerError
from explorer.files import atomic_write_text, read_text
from explorer.i18n import tr
from explorer.scenario import Scenario
from explorer.scenario_file import scenario_from_json, scenario_to_json

from ..document import ScenarioDocument, document_name
from ..state.comparison import Comparison

log = logging.getLogger("scenario_explorer")
APP_FOLDER = "Compute Scenario Explorer"
DELAY_MS = 2000
MAX_WAIT_S = 10.0  # edits that never pause for DELAY_MS are still saved this often
RECOVERY_VERSION = 1
# A file that holds the portfolio window's work too: an older app, which knows only version 1, leaves
# it alone (it would have offered the scenario alone, and dropped the portfolio with it).
PORTFOLIO_RECOVERY_VERSION = 2
READ_VERSIONS = (RECOVERY_VERSION, PORTFOLIO_RECOVERY_VERSION)
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
    # the portfolio window's unsaved portfolio: {'portfolio': JSON as shown, 'saved': JSON as opened
    # or saved, 'path': its file or ''} (read when recovered: its file members are files of their own)
    portfolio: dict | None = None

    @property
    def scenario_changed(self) -> bool:
        return self.scenario != self.baseline

    @property
    def display_name(self) -> str:
        return document_name(self.path, self.baseline)

    @property
    def portfolio_name(self) -> str:
        if not self.portfolio:
            return ""
        try:
            name = json.loads(self.portfolio["portfolio"]).get("name")
        except (ValueError, AttributeError, TypeError):
            name = None
        path = self.portfolio_path
        return tr(name) if isinstance(name, str) and name.strip() else path.name if path else tr("Portfolio")

    @property
    def portfolio_path(self) -> Path | None:
        path = (self.portfolio or {}).get("path")
        return Path(path) if path else None

    @property
    def scenario_part(self) -> bool:
        """Whether the scenario's side is part of the work: changed, or the only part there is."""
        return self.scenario_changed or not self.portfolio

    @property
    def names(self) -> list[str]:
        """What the work is of: the scenario's name, the portfolio's, or both."""
        return ([self.display_name] if self.scenario_part else []) + ([self.portfolio_name] if self.portfolio else [])

    @property
    def saved_paths(self) -> list[Path | None]:
        """The files the changed parts were opened from or saved to (None: a part that has none)."""
        return ([self.path] if self.scenario_part else []) + ([self.portfolio_path] if self.portfolio else [])

    @property
    def saved_files(self) -> bool:
        """Whether every changed part has its file there to open instead."""
        return all(p is not None and p.exists() for p in self.saved_paths)

    def keep_portfolio_only(self) -> None:
        """The scenario's side was recovered and the portfolio's could not be: the file keeps the
        portfolio's work alone (offered again at the next start), and is let go."""
        try:
            data = json.loads(read_text(self.file, "recovery file", MAX_RECOVERY_BYTES, ExplorerError))
            data.update(scenario=data["baseline"], comparison=[])
            atomic_write_text(self.file, json.dumps(data, ensure_ascii=False))
        except (ExplorerError, OSError, ValueError, KeyError) as exc:
            log.warning("the recovery file %s could not be rewritten: %s", self.file, exc)
        self.release()

    def question(self) -> str:
        time_ = f"{self.edited:%H:%M}"
        if self.portfolio and self.scenario_changed:
            return tr("Recover unsaved changes to {name} and to the portfolio '{portfolio}' (edited {time})?").format(
                name=self.display_name, portfolio=self.portfolio_name, time=time_)
        if self.portfolio:
            return tr("Recover unsaved changes to the portfolio '{portfolio}' (edited {time})?").format(
                portfolio=self.portfolio_name, time=time_)
        return tr("Recover unsaved changes to {name} (edited {time})?").format(name=self.display_name, time=time_)

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


def orphans(folder: Path | None = None, catalog=None, set_aside: list | None = None) -> list[Recovered]:
    """The recovery files no live window owns, newest first, each locked by this process until it
    is removed or released. One that cannot be read is renamed *.damaged and named in
    ``set_aside``; one written by another version of the app (another recovery_version) is left
    where it is for that version. Locks of windows that died with nothing to recover are removed.
    Never raises: an odd folder means nothing to offer."""
    folder = folder or recovery_dir()
    dated = []
    try:
        names = list(folder.glob("*.json"))
    except OSError:
        return []
    for file in names:
        try:
            if file.is_file():
                dated.append((file.stat().st_mtime, file))
        except OSError:
            continue  # gone meanwhile, a dangling link
    found = []
    for _, file in sorted(dated, reverse=True):
        lock = _new_lock(file.with_suffix(".lock"))
        if not lock.tryLock(0):
            continue  # a live window's
        try:
            found.append(_read(file, catalog, lock, set_aside))
        except _OtherVersion:
            lock.unlock()
        except Exception as exc:  # noqa: BLE001  (whatever is in the file, the start goes on)
            log.warning("a recovery file could not be read and was set aside: %s (%s)", file, exc)
            try:
                file.replace(file.with_suffix(".damaged"))
                if set_aside is not None:
                    set_aside.append(file.with_suffix(".damaged"))
            except OSError:
                pass
            lock.unlock()
    _remove_dead_locks(folder)
    return found


def _remove_dead_locks(folder: Path) -> None:
    try:
        locks = [p for p in folder.glob("*.lock") if not p.with_suffix(".json").exists()]
    except OSError:
        return
    for path in locks:
        lock = _new_lock(path)
        if lock.tryLock(0):  # its window is gone: unlock() deletes the file
            lock.unlock()


class _OtherVersion(Exception):
    pass


def _read(file: Path, catalog, lock, set_aside: list | None = None) -> Recovered:
    data = json.loads(read_text(file, "recovery file", MAX_RECOVERY_BYTES, ExplorerError))
    if not isinstance(data, dict):
        raise ValueError("not a recovery file")
    if data.get("recovery_version") not in READ_VERSIONS:
        if isinstance(data.get("recovery_version"), int):
            raise _OtherVersion()
        raise ValueError(f"unknown recovery_version {data.get('recovery_version')!r}")
    scenario = scenario_from_json(data["scenario"], catalog)
    baseline = scenario_from_json(data["baseline"], catalog)
    comparison = [(str(label), scenario_from_json(text, catalog)) for label, text in data.get("comparison", [])]
    portfolio = data.get("portfolio")
    if portfolio is not None and not (isinstance(portfolio, dict) and isinstance(portfolio.get("portfolio"), str)
                                      and isinstance(portfolio.get("saved"), str)
                                      and isinstance(portfolio.get("path", ""), str)):
        # the scenario's side is still offered; the file as it was is set aside beside it
        log.warning("the portfolio in a recovery file could not be read: %s (a copy set aside)", file)
        copy = file.with_suffix(".damaged")
        try:
            copy.write_bytes(file.read_bytes())
            if set_aside is not None:
                set_aside.append(copy)
        except OSError:
            pass
        portfolio = None
    return Recovered(file=file, scenario=scenario, baseline=baseline,
                     path=Path(data["path"]) if data.get("path") else None,
                     edited=_dt.datetime.fromisoformat(data["edited"]), comparison=comparison,
                     catalog=str(data.get("catalog") or ""), lock=lock, portfolio=portfolio)


class Recovery(QObject):
    """This window's recovery file, kept up to date with its unsaved work."""

    written = Signal(str)  # the recovery file was written (its path); tests and the kill test wait for it

    def __init__(self, document: ScenarioDocument, comparison: Comparison, catalog_path: Callable[[], str],
                 folder: Path | None = None, delay_ms: int = DELAY_MS, parent=None,
                 portfolio_state: Callable[[], dict | None] = lambda: None):
        super().__init__(parent)
        self.document, self.comparison, self._catalog_path = document, comparison, catalog_path
        self._portfolio_state = portfolio_state  # the portfolio window's unsaved work, or None
        self.folder = folder or recovery_dir()
        ident = f"{os.getpid()}-{secrets.token_hex(3)}"
        self.file = self.folder / f"{ident}.json"
        self._lock: QLockFile | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(os.environ.get("SCENARIO_EXPLORER_AUTOSAVE_MS", delay_ms)))
        self._timer.timeout.connect(self.save_now)
        self._pending_since = 0.0
        self.enabled = True
        document.scenarioChanged.connect(self.touch)

    def touch(self, *_args) -> None:
        """Something changed: write the recovery file once edits pause (restarting a timer: nothing
        heavier on the slider's path), and at least every MAX_WAIT_S while they never pause."""
        if not self.enabled:
            return
        now = time.monotonic()
        if not self._timer.isActive():
            self._pending_since = now
        elif now - self._pending_since > MAX_WAIT_S:
            self.save_now()
            return
        self._timer.start()

    def save_now(self) -> bool:
        """Write the working state now if there is unsaved work; remove the file if there is none.
        True when the file now holds the work (or there is no work to hold)."""
        self._timer.stop()
        if not self.enabled:
            return False
        doc = self.document
        portfolio = self._portfolio_state()
        if not doc.modified and portfolio is None:
            self.remove()
            return True
        if not self._locked():
            return False
        data = {
            "recovery_version": RECOVERY_VERSION if portfolio is None else PORTFOLIO_RECOVERY_VERSION,
            "edited": _dt.datetime.now().isoformat(timespec="seconds"),
            "path": str(doc.path) if doc.path else "",
            "scenario": scenario_to_json(doc.scenario),
            "baseline": scenario_to_json(doc.baseline),
            "comparison": [[label, scenario_to_json(s)] for label, s in self.comparison.entries],
            "catalog": self._catalog_path() or "",
        }
        if portfolio is not None:
            data["portfolio"] = portfolio
        try:
            atomic_write_text(self.file, json.dumps(data, ensure_ascii=False))
        except ExplorerError as exc:  # a full disk: the work is still in the window
            log.warning("the recovery file could not be written: %s", exc)
            return False
        self.written.emit(str(self.file))
        return True

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
