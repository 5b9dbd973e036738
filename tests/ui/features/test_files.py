"""Scenario files in the window: save and open, the question before unsaved work is replaced, bad
files and unwritable places, what is remembered between runs, files the system asks to open."""

from __future__ import annotations

import json
import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from explorer.scenario import Scenario
from explorer.scenario_file import load_scenario, save_scenario
from support.qt import slider
from ui.app import ExplorerApp, connect_file_open, initial_document
from ui.main_window import MainWindow
from ui.settings import Settings


def test_save_and_open_round_trip(window, dialogs, tmp_path):
    slider(window, "Agent CPU ratio").setValue(42.0)
    target = tmp_path / "mine.json"
    dialogs.paths = [str(target)]
    assert window.files.save_as()
    assert window.windowTitle().startswith("mine.json")
    assert not window.document.modified and not window.isWindowModified()
    assert load_scenario(target) == window.document.scenario
    window.actions["new"].trigger()
    assert window.document.scenario == Scenario()
    dialogs.paths = [str(target)]
    window.actions["open"].trigger()
    assert window.document.scenario.agent_cpu_ratio == 42.0
    assert str(target.resolve()) in window.settings.recent_files()
    assert window.files.session_files == [target.resolve()]


def test_save_as_suggests_the_scenarios_name_in_the_home_folder(window, dialogs, tmp_path):
    window.files.save_as()  # cancelled
    assert dialogs.suggested.endswith("openai-aws-deal-as-announced-usd-38b-7-years.json")


def test_the_title_shows_unsaved_work_and_the_app_asks_before_discarding_it(window, dialogs):
    slider(window, "GPU count").setValue(math.log10(123_000))
    assert window.isWindowModified()
    changed = window.document.scenario
    dialogs.answers = ["cancel"]
    window.files.new_scenario()
    assert window.document.scenario == changed and dialogs.asked == [Scenario().name]  # the preset's name
    dialogs.answers = ["discard"]
    window.files.new_scenario()
    assert window.document.scenario == Scenario() and not window.isWindowModified()


def test_a_bad_file_shows_a_message_and_leaves_the_scenario_untouched(window, dialogs, tmp_path):
    slider(window, "Agent CPU ratio").setValue(33.0)
    current = window.document.scenario
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps({"schema_version": 1, "pue": 9}))
    assert not window.files.open_path(bad)
    assert "broken.json" in dialogs.errors[-1][1] and "'pue'" in dialogs.errors[-1][1]
    assert window.document.scenario == current and window.document.modified
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x00\xff not json")
    assert not window.files.open_path(garbage)
    assert "garbage.json" in dialogs.errors[-1][1] and window.status.error
    assert window.document.scenario == current


def test_saving_to_an_unwritable_place_shows_a_message_and_keeps_the_work(window, dialogs, tmp_path):
    slider(window, "Agent CPU ratio").setValue(12.0)
    dialogs.paths = [str(tmp_path / "no" / "such" / "folder" / "x.json")]
    assert not window.files.save_as()
    assert "does not exist" in dialogs.errors[-1][1]
    assert window.document.modified and window.document.scenario.agent_cpu_ratio == 12.0


def test_layout_last_scenario_and_view_are_remembered(qtbot, window, settings, dialogs, tmp_path):
    """The layout and view come back; changes discarded on the way out do not (they were discarded)."""
    slider(window, "Agent CPU ratio").setValue(77.0)
    window.display.set_view(precision="fp8", economics_view="Over time")
    window.splitter.setSizes([430, 1100])
    sizes = window.splitter.sizes()
    geometry = window.saveGeometry()
    dialogs.answers = ["discard"]
    window.close()
    assert settings.path.exists() and str(tmp_path) in str(settings.path)
    fresh = Settings(settings.path)
    assert fresh.geometry() == geometry
    scenario, path, modified_from, problem = initial_document(fresh, window.catalog, None)
    assert scenario.agent_cpu_ratio == Scenario().agent_cpu_ratio and path is None and problem is None
    assert modified_from is None
    again = MainWindow(fresh, dialogs=dialogs, scenario=scenario, path=path, modified_from=modified_from)
    qtbot.addWidget(again)
    again.resize(1600, 1000)
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes()[0] == sizes[0]
    assert not again.document.modified
    assert again.display.view.precision == "fp8" and again.economics_stack.currentWidget() is again.charts["unit-economics"]
    dialogs.answers = ["discard"]
    again.close()


def test_a_file_argument_opens_that_file_or_reports_it(settings, tmp_path, window):
    good = tmp_path / "good.json"
    save_scenario(Scenario(gpu_count=4321), good)
    scenario, path, _, problem = initial_document(settings, window.catalog, str(good))
    assert scenario.gpu_count == 4321 and path == good.resolve() and problem is None
    scenario, path, _, problem = initial_document(settings, window.catalog, "agent-heavy")
    assert scenario.agent_cpu_ratio == 100 and path is None
    scenario, path, _, problem = initial_document(settings, window.catalog, str(tmp_path / "missing.json"))
    assert scenario == Scenario() and "no such file" in problem


def test_a_file_opened_from_the_system_opens_in_the_window(window, qapp, tmp_path):
    """macOS hands a double-clicked scenario file to the app as a FileOpen event."""
    assert isinstance(qapp, ExplorerApp)
    early = tmp_path / "early.json"
    save_scenario(Scenario(name="Arrived before the window", gpu_count=123_000), early)
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(early)))  # nothing connected yet: kept
    assert qapp.pending_files == [str(early)]
    connect_file_open(qapp, window)
    QCoreApplication.processEvents()
    assert window.document.scenario.gpu_count == 123_000 and qapp.pending_files == []
    later = tmp_path / "later.json"
    save_scenario(Scenario(name="Opened from the Finder", gpu_count=456_000), later)
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(later)))
    assert window.document.scenario.name == "Opened from the Finder" and window.document.path == later.resolve()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(broken)))
    assert window.document.scenario.name == "Opened from the Finder"  # untouched, and told why
    assert "broken.json" in window.dialogs.errors[-1][1]
    qapp.fileOpenRequested.disconnect()


def test_the_recent_menu_lists_opened_files(window, dialogs, tmp_path):
    target = tmp_path / "recent.json"
    dialogs.paths = [str(target)]
    window.files.save_as()
    menu = window.menus["&File/Open &Recent"]
    menu.aboutToShow.emit()
    names = [a.text() for a in menu.actions()]
    assert names[0] == "recent.json" and "Clear the list" in names


def test_a_closed_window_ignores_later_system_theme_changes(qapp, settings, dialogs):
    win = MainWindow(settings, dialogs=dialogs)  # deleted here (qtbot would close it again)
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # must not raise



def test_the_title_names_a_preset_and_a_file_names_itself(window, tmp_path):
    # an analyst presenting a preset sees its name in the title bar, not 'Untitled'
    assert window.files.open_preset("openai-oracle")
    name = window.document.scenario.name
    assert window.windowTitle().startswith(name) and "Untitled" not in window.windowTitle()
    assert window.files.save_to(tmp_path / "mine.json")
    assert window.windowTitle().startswith("mine.json")


def test_a_scenario_name_with_brackets_keeps_the_modified_mark(window):
    window.document.load(Scenario().replace(name="Plan B [*]"), None)
    window.document.edit({"gpu_count": 123_000})
    QApplication.processEvents()
    assert window.isWindowModified()
    assert window.windowHandle().title().startswith("Plan B [*]*"), window.windowHandle().title()


def test_the_status_line_forgets_a_saved_file_once_another_scenario_replaces_it(window, dialogs, tmp_path):
    target = tmp_path / "mine.json"
    dialogs.paths = [str(target)]
    assert window.files.save_as()
    assert window.status_label.text() == "Saved mine.json"
    slider(window, "Agent CPU ratio").setValue(42.0)  # an edit of the saved scenario: it stays
    assert window.status_label.text() == "Saved mine.json"
    window.actions["portfolio:openai-2025"].trigger()
    dialogs.answers = ["discard"]
    assert window.portfolio_window.edit_member("AWS")  # the member replaces it, and says nothing
    assert window.status_label.text() == ""
    window.portfolio_window.discard_changes()
    window.portfolio_window.close()


def test_the_status_line_forgets_an_opened_file_once_a_portfolio_member_made_from_it_replaces_it(
        window, dialogs, tmp_path):
    target = tmp_path / "mine.json"
    save_scenario(window.document.scenario.replace(gpu_count=123_000), target)
    assert window.files.open_path(target)
    assert window.status_label.text().startswith("Opened mine.json")
    window.actions["portfolio:openai-2025"].trigger()
    pw = window.portfolio_window
    dialogs.members = [("Mine", "AWS")]
    assert pw.add_current() and pw.edit_member("Mine")  # the same scenario, no longer the file
    assert window.document.path is None and window.status_label.text() == ""
    pw.discard_changes()
    pw.close()
