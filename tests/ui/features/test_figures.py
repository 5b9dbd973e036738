"""Figures never contradict each other, and what is printed says what it is: modified presets are
marked, notes travel, stale ranges are withheld, cards speak to screen readers; plus the window's
small courtesies (status errors clear, the catalog in view, folders remembered, the model's docs)."""

from __future__ import annotations

import json
import math

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explorer.scenario import Scenario
from support.catalogs import user_catalog
from support.qt import drag, slider, type_into
from ui.controllers.files import recent_titles
from ui.dialogs.export_dialog import ExportRequest
from ui.render.images import ImageOptions


def test_an_edited_preset_is_marked_modified_where_its_name_is_printed(window, dialogs, tmp_path):
    slider(window, "Agent CPU ratio").setValue(40.0)
    window.flush()
    name = Scenario().name
    assert window.display.shown_name() == f"{name} (modified)"
    target = tmp_path / "cost.svg"
    dialogs.requests = [ExportRequest("cost", "svg", target, ImageOptions(width=1280, height=720))]
    assert window.exports.export_chart_dialog("cost")
    assert "(modified)".encode() in target.read_bytes()
    dialogs.paths = [str(tmp_path / "data.xlsx")]
    assert window.exports.export_data("xlsx")
    import pandas as pd

    assumptions = pd.read_excel(tmp_path / "data.xlsx", sheet_name="Assumptions").set_index("Key in the scenario file")
    assert assumptions.loc["name", "Value"].endswith("(modified)")
    assert assumptions.loc["description", "Value"].startswith("Modified since it was opened")
    window.actions["undo"].trigger()
    assert window.display.shown_name() == name  # unchanged again: not marked


def test_notes_are_typed_in_the_panel_and_saved(window, dialogs, tmp_path):
    notes = window.panel.notes_edit
    notes.setFocus()
    QTest.keyClicks(notes, "Checked with the 10-K")
    QTest.keyClick(notes, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.document.scenario.notes == "Checked with the 10-K"
    dialogs.paths = [str(tmp_path / "n.json")]
    window.files.save_as()
    assert json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))["notes"] == "Checked with the 10-K"


def test_ranges_of_an_earlier_value_are_not_printed_beside_the_new_figure(window):
    card = window.kpis.cards["cost_total_usd"]
    s = slider(window, "GPU count")
    drag(window, s, [math.log10(300_000)], release=False)
    if not window.display.analyses.belongs_to(window.document.scenario):
        assert "P10–P90 updating…" in card.extra.text()
    s.setSliderDown(False)
    window.flush()
    assert "P10–P90 " in card.extra.text() and "updating" not in card.extra.text()
    p10 = window.display.analyses.bands.kpis["cost_total_usd"][0]
    assert window.display.analyses.belongs_to(window.document.scenario) and p10 < window.projection.summary()["cost_total_usd"]


def test_cards_tell_a_screen_reader_their_figure(window):
    card = window.kpis.cards["facility_power_peak_mw"]
    assert card.accessibleName() == "Facility power, provisioned: 606 MW"
    window.document.edit({"gpu_count": 2_000_000})
    window.flush()
    assert card.accessibleName().startswith("Facility power, provisioned: ") and card.accessibleName().endswith(" GW")
    assert "average draw" in card.accessibleDescription()


def test_a_file_whose_shares_do_not_sum_to_one_says_they_were_rescaled(window, tmp_path):
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"schema_version": 3, "chip_mix": {"GB200": 0.6, "GB300": 0.6}}), encoding="utf-8")
    assert window.files.open_path(path)
    assert "were rescaled to 100%" in window.status.text
    assert dict(window.document.scenario.chip_mix) == {"GB200": 0.5, "GB300": 0.5}


def test_a_status_error_clears_with_the_next_edit(window):
    window.panel.collapsible.expand(animate=False)
    type_into(window.panel.assumptions.editor("term_months"), "6")
    assert window.status_label.text().startswith("Full deployment by")
    s = slider(window, "Agent CPU ratio")
    s.setFocus()
    QTest.keyClick(s, Qt.Key.Key_Right)  # the next action, with the keyboard
    assert window.status_label.text() == ""


def test_a_status_error_clears_after_a_while(window, qtbot, monkeypatch):
    monkeypatch.setattr(type(window), "STATUS_MS", 50)  # (12 s in use)
    window.panel.collapsible.expand(animate=False)
    type_into(window.panel.assumptions.editor("term_months"), "6")
    assert window.status_label.text().startswith("Full deployment by")
    qtbot.waitUntil(lambda: window.status_label.text() == "", timeout=5000)
    assert window.document.undo_stack.count() == 0  # nothing else happened


def test_the_catalog_in_use_is_always_in_view(window, tmp_path):
    assert window.catalog_label.text().startswith("Chips: built-in (")
    window.catalogs.set_path(str(user_catalog(tmp_path)))
    assert window.catalog_label.text() == f"Chips: built-in + chips.csv ({len(window.catalog)})"


def test_recent_files_of_the_same_name_are_told_apart():
    assert recent_titles(["/a/q3/deal.json", "/a/q4/deal.json", "/b/other.json"]) == \
        ["deal.json — q3", "deal.json — q4", "other.json"]
    assert recent_titles(["/x/work/deal.json", "/y/work/deal.json"]) == ["deal.json — x/work", "deal.json — y/work"]


def test_each_kind_of_dialog_opens_where_it_was_last_used(window, dialogs, tmp_path):
    (tmp_path / "reports").mkdir()
    dialogs.paths = [str(tmp_path / "reports" / "r.pdf")]
    window.exports.export_report_dialog()
    window.exports.export_report_dialog()  # cancelled: it suggested the same folder again
    assert dialogs.suggested.startswith(str(tmp_path / "reports"))
    window.files.save_as()  # another kind: still the home folder
    assert not dialogs.suggested.startswith(str(tmp_path / "reports"))


def test_help_shows_the_models_documentation(window, dialogs):
    window.actions["help_model"].trigger()
    title, text = dialogs.documents[-1]
    assert title == "Model and sources" and "provisioned" in text and len(text) > 10_000
