"""Themes: light, dark, following the system; remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def test_themes_restyle_the_charts_and_are_remembered(window):
    window.theme_actions["dark"].trigger()
    dark = window.charts["power"].view.backgroundBrush().color().name()
    assert window.settings.theme() == "dark"
    assert window.charts["power"].series()  # restyled charts keep what they show
    window.theme_actions["light"].trigger()
    light = window.charts["power"].view.backgroundBrush().color().name()
    assert dark != light and light == "#ffffff"
    assert window.kpis.cards["cost_total_usd"].value.text() == "USD 45.5B"


def test_a_cards_change_line_takes_the_new_themes_colours(window):
    """The change line ('= as opened', '▲ 12% vs saved') is coloured for the theme shown: switching to
    dark used to keep the light theme's grey (2.9:1 on the dark card) until the next edit."""
    from support.qt import slider
    from ui.theme import DARK, LIGHT

    cards = window.kpis.cards
    assert cards["cost_total_usd"].delta.text() == "= as opened"
    window.theme_actions["dark"].trigger()
    assert cards["cost_total_usd"].delta_colour == DARK.muted
    window.theme_actions["light"].trigger()
    s = slider(window, "Energy price")
    s.setFocus()
    QTest.keyClick(s, Qt.Key.Key_End)  # dearer energy: the cost is worse
    window.flush()
    assert cards["cost_total_usd"].delta_colour == LIGHT.bad
    window.theme_actions["dark"].trigger()
    assert cards["cost_total_usd"].delta_colour == DARK.bad
    assert cards["gpus_peak"].delta_colour == DARK.muted  # unchanged figures stay grey, the dark grey
