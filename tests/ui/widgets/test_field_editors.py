"""Field editors: one adapter per kind; each shows a value without reporting it, and reports typed
or chosen values as scenario changes in the scenario's units."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from explorer.fields import FIELDS
from support.qt import choose, type_into
from ui.widgets.field_editors import (BoolEditor, ChoiceEditor, MonthEditor, NumberEditor, OptionalNumberEditor,
                                      PercentEditor, ServingModelEditor, editor_for)


@pytest.fixture
def edits():
    return []


def make(qtbot, name, edits):
    editor = editor_for(FIELDS[name], edits.append)
    qtbot.addWidget(editor.widget)
    editor.widget.show()
    return editor


@pytest.mark.parametrize("name, kind", [("pue", NumberEditor), ("utilization", PercentEditor),
                                        ("price_usd_per_million_tokens", OptionalNumberEditor),
                                        ("ramp_end", MonthEditor), ("pricing", ChoiceEditor),
                                        ("serving_model", ServingModelEditor), ("energy_passthrough", BoolEditor)])
def test_each_kind_of_field_gets_its_editor(qtbot, edits, name, kind):
    editor = make(qtbot, name, edits)
    assert isinstance(editor, kind)
    assert FIELDS[name].label in editor.widget.toolTip() and editor.widget.accessibleName() == FIELDS[name].label


def test_numbers_and_percentages_are_typed_in_their_units(qtbot, edits):
    pue = make(qtbot, "pue", edits)
    pue.show(1.2)
    assert edits == [] and pue.widget.value() == 1.2  # showing a value reports nothing
    type_into(pue.widget, "1.4")
    assert edits[-1] == {"pue": pytest.approx(1.4)}
    util = make(qtbot, "utilization", edits)
    util.show(0.8)
    assert util.widget.value() == 80.0 and util.widget.suffix() == " %"
    type_into(util.widget, "60")
    assert edits[-1] == {"utilization": pytest.approx(0.6)}
    term = make(qtbot, "term_months", edits)
    type_into(term.widget, "96")
    assert edits[-1] == {"term_months": 96} and isinstance(edits[-1]["term_months"], int)


def test_an_optional_number_is_switched_on_with_its_box(qtbot, edits):
    price = make(qtbot, "price_usd_per_million_tokens", edits)
    price.show(None)
    assert not price.widget.spin.isEnabled()
    QTest.mouseClick(price.widget.on, Qt.MouseButton.LeftButton)
    assert edits[-1]["price_usd_per_million_tokens"] is not None and price.widget.spin.isEnabled()
    QTest.mouseClick(price.widget.on, Qt.MouseButton.LeftButton)
    assert edits[-1] == {"price_usd_per_million_tokens": None}


def test_months_choices_and_switches(qtbot, edits):
    month = make(qtbot, "ramp_end", edits)
    month.show("2026-12")
    assert month.widget.date().month() == 12 and edits == []
    month.widget.setFocus()
    QTest.keyClick(month.widget, Qt.Key.Key_Down)  # the month section steps back one month
    assert edits[-1] == {"ramp_end": "2026-11"}
    pricing = make(qtbot, "pricing", edits)
    pricing.show("rent")
    choose(pricing.widget, "own")
    assert edits[-1] == {"pricing": "own"}
    model = make(qtbot, "serving_model", edits)
    model.show("deepseek-r1")
    choose(model.widget, "Llama 3.3 70B (dense)")
    assert edits[-1] == {"serving_model": "llama-3.3-70b"}
    box = make(qtbot, "energy_passthrough", edits)
    box.show(True)
    QTest.mouseClick(box.widget, Qt.MouseButton.LeftButton)
    assert edits[-1] == {"energy_passthrough": False}
