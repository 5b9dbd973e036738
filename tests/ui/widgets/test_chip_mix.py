"""The chip mix editor alone: it reports new mixes that sum to one; locked chips keep their share."""

from __future__ import annotations

import pytest

from explorer.catalog import builtin_catalog
from ui.widgets.chip_mix import ChipMixEditor


@pytest.fixture
def editor(qtbot):
    e = ChipMixEditor(builtin_catalog())
    qtbot.addWidget(e)
    e.set_mix({"GB200": 0.5, "GB300": 0.5})
    e.show()
    return e


def test_moving_one_share_rescales_the_others(editor):
    edits = []
    editor.mixEdited.connect(lambda mix, d: edits.append(mix))
    editor.slider("GB200").setValue(80.0)
    assert edits[-1] == {"GB200": pytest.approx(0.8), "GB300": pytest.approx(0.2)}
    assert editor.slider("GB300").value() == 50.0  # shown only from the scenario (one-way flow)


def test_add_lock_and_remove(editor, qtbot):
    edits = []
    editor.mixEdited.connect(lambda mix, d: edits.append(mix))
    editor.fill_add_menu()
    next(a for a in editor.add_menu.actions() if a.text().startswith("Trainium3")).trigger()
    mix = edits[-1]
    assert set(mix) == {"GB200", "GB300", "Trainium3"} and sum(mix.values()) == pytest.approx(1.0)
    editor.set_mix(mix)
    editor.rows["GB300"]["lock"].click()
    editor.slider("GB200").setValue(60.0)
    assert edits[-1]["GB300"] == pytest.approx(mix["GB300"]) and sum(edits[-1].values()) == pytest.approx(1.0)
    editor.rows["Trainium3"]["remove"].click()
    assert set(edits[-1]) == {"GB200", "GB300"} and sum(edits[-1].values()) == pytest.approx(1.0)


def test_a_move_nothing_can_follow_snaps_back(editor):
    editor.rows["GB300"]["lock"].click()  # the only other chip is locked: GB200 cannot move
    edits = []
    editor.mixEdited.connect(lambda mix, d: edits.append(mix))
    editor.slider("GB200").setValue(70.0)
    assert edits == [] and editor.slider("GB200").value() == pytest.approx(50.0)
    assert editor.rows["GB200"]["remove"].isEnabled()  # two chips: either may go
