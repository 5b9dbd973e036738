"""Fixtures for the window tests: a real window on a temporary settings file, with scripted dialogs."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent
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
    """Fail a test that leaves a main window or dialog open (as ndv's _catch_qt_leaks does), and
    destroy what the test built before the next one starts.

    pytest-qt closes the widgets a test registered and calls ``deleteLater``, but outside an event
    loop nothing delivers those deletions: the windows piled up and were freed whenever Python's
    garbage collector reached them, in an order Qt does not expect. CI died on that once (a
    segmentation fault here, while listing the top-level widgets). So the deletions are delivered
    now, then the collector runs, then whatever it freed is delivered too."""
    yield
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, (QMainWindow, QDialog))]
    names = [type(w).__name__ for w in leaked]
    for w in leaked:
        w.close()
        w.deleteLater()
    del leaked
    _destroy_deferred()
    assert names == []


def _destroy_deferred() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def japanese(qapp):
    """The process in Japanese (our strings, Qt's own, the interface font) for one test, then English."""
    from ui.language import install_language

    install_language("ja")
    yield
    install_language("en")
