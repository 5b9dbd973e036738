"""Fixtures for the window tests: a real window on a temporary settings file, with scripted dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from support.dialogs import ScriptedDialogs
from ui.main_window import MainWindow
from ui.settings import Settings


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


@pytest.fixture
def japanese(qapp):
    """The process in Japanese (our strings, Qt's own, the interface font) for one test, then English."""
    from ui.language import install_language

    install_language("ja")
    yield
    install_language("en")
