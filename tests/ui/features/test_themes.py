"""Themes: light, dark, following the system; remembered."""

from __future__ import annotations


def test_themes_restyle_the_charts_and_are_remembered(window):
    window.theme_actions["dark"].trigger()
    dark = window.charts["power"].view.backgroundBrush().color().name()
    assert window.settings.theme() == "dark"
    assert window.charts["power"].series()  # restyled charts keep what they show
    window.theme_actions["light"].trigger()
    light = window.charts["power"].view.backgroundBrush().color().name()
    assert dark != light and light == "#ffffff"
    assert window.kpis.cards["cost_total_usd"].value.text() == "USD 45.5B"
