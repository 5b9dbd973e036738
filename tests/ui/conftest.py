"""Fixtures for the window tests: a real window on a temporary settings file, with scripted dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from ui.main_window import MainWindow
from ui.settings import Settings


class ScriptedDialogs:
    """Answers the window's questions from queues and records what it showed."""

    def __init__(self):
        self.answers: list[str] = []  # for ask_save_changes
        self.paths: list[str] = []  # for open/save dialogs
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.asked: list[str] = []
        self.requests: list = []  # ExportRequest answers for the export dialog

    def ask_save_changes(self, name):
        self.asked.append(name)
        return self.answers.pop(0) if self.answers else "discard"

    def open_path(self, title, folder, filters=""):
        return self.paths.pop(0) if self.paths else ""

    def save_path(self, title, suggested, filters=""):
        return self.paths.pop(0) if self.paths else ""

    def folder(self, title, folder):
        return self.paths.pop(0) if self.paths else ""

    def export_request(self, charts, current, folder, stem):
        return self.requests.pop(0) if self.requests else None

    def error(self, title, text):
        self.errors.append((title, text))

    def info(self, title, text):
        self.infos.append((title, text))


@pytest.fixture(scope="session")
def qapp_cls():
    """The app's own QApplication subclass (pytest-qt creates the application with it)."""
    from ui.app import ExplorerApp

    return ExplorerApp


@pytest.fixture
def dialogs():
    return ScriptedDialogs()


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def window(qtbot, settings, dialogs):
    win = MainWindow(settings, dialogs=dialogs)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    win.flush()
    yield win
    dialogs.answers = ["discard"] * 5
    win.close()


@pytest.fixture(autouse=True)
def _no_leaked_windows(qapp):
    """Fail a test that leaves a main window or dialog open (as ndv's _catch_qt_leaks does)."""
    yield
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, (QMainWindow, QDialog))]
    for w in leaked:
        w.close()
    assert leaked == []
