"""The chip mix editor alone, in the loop the window runs (an edit comes back as the new mix): new
mixes sum to one, locked chips keep their share, locks are part of the scenario."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explorer.catalog import builtin_catalog
from explorer.scenario import Scenario
from ui.widgets.chip_mix import ChipMixEditor


@pytest.fixture
def editor(qtbot):
    """The editor with a scenario it edits: each edit becomes the scenario shown (as the window does)."""
    e = ChipMixEditor(builtin_catalog())
    qtbot.addWidget(e)
    e.scenario = Scenario()

    def edited(changes):
        e.scenario = e.scenario.replace(**changes)
        e.set_mix(e.scenario.chip_mix, e.scenario.locked_chips)

    e.mixEdited.connect(lambda mix, dragging: edited({"chip_mix": mix}))
    e.locksEdited.connect(lambda locked: edited({"locked_chips": locked}))
    e.set_mix(e.scenario.chip_mix, e.scenario.locked_chips)
    e.show()
    return e


def test_moving_one_share_rescales_the_others(editor):
    editor.slider("GB200").setValue(80.0)
    assert dict(editor.scenario.chip_mix) == {"GB200": pytest.approx(0.8), "GB300": pytest.approx(0.2)}
    assert editor.slider("GB300").value() == pytest.approx(20.0)


def test_add_lock_and_remove(editor):
    editor.fill_add_menu()
    next(a for a in editor.add_menu.actions() if a.text().startswith("Trainium3")).trigger()
    mix = editor.scenario.chip_mix
    assert set(mix) == {"GB200", "GB300", "Trainium3"} and sum(mix.values()) == pytest.approx(1.0)
    QTest.mouseClick(editor.rows["GB300"]["lock"], Qt.MouseButton.LeftButton)
    assert editor.scenario.locked_chips == ("GB300",) and editor.rows["GB300"]["lock"].isChecked()
    editor.slider("GB200").setValue(60.0)
    assert editor.scenario.chip_mix["GB300"] == pytest.approx(mix["GB300"])
    QTest.mouseClick(editor.rows["Trainium3"]["remove"], Qt.MouseButton.LeftButton)
    assert set(editor.scenario.chip_mix) == {"GB200", "GB300"} and sum(editor.scenario.chip_mix.values()) == 1.0
    assert editor.scenario.locked_chips == ("GB300",) and editor.rows["GB300"]["lock"].isChecked()  # still locked
    assert editor.rows["GB300"]["lock"].icon().isNull() is False and editor.rows["GB300"]["lock"].text() == ""


def test_a_move_nothing_can_follow_snaps_back(editor):
    QTest.mouseClick(editor.rows["GB300"]["lock"], Qt.MouseButton.LeftButton)  # GB200 cannot move now
    before = editor.scenario
    editor.slider("GB200").setValue(70.0)
    assert editor.scenario.chip_mix == before.chip_mix and editor.slider("GB200").value() == pytest.approx(50.0)


def test_no_share_is_ever_negative_zero(editor):
    QTest.mouseClick(editor.rows["GB300"]["lock"], Qt.MouseButton.LeftButton)
    editor.fill_add_menu()
    next(a for a in editor.add_menu.actions() if a.text().startswith("H100")).trigger()
    editor.slider("GB200").setValue(100.0)  # H100 down to nothing
    assert all(str(share) != "-0.0" for share in editor.scenario.chip_mix.values())
    assert "-0%" not in editor.bar.toolTip()
