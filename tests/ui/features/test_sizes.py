"""Readable at the sizes users have, checked on the laid-out window: at 1366×768 and 1920×1080, in
presentation mode at both, with and without a comparison, in both themes: no KPI figure cut off,
every axis title whole, every time axis with more than one year, the tornado's rows apart."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from support.qt import slider, year_labels

SIZES = [(1366, 768), (1366, 705), (1920, 1080)]  # (705: maximised under a title bar and a taskbar)
# What the window gets, in logical pixels, on screens scaled to 125% and 150%: 1920x1080 at 125%
# (1536x864) and 150% (1280x720), 1366x768 at 125% (1093x614). Qt lays out in logical pixels, so
# these sizes at a ratio of 1 are the layouts a scaled screen shows (the look at a real 1.5 ratio is
# in the closing notes). 1366x768 at 150% (911x512) is below the minimum window: Windows recommends
# 100% for that screen, and docs/development.md says so.
SCALED = [(1536, 864), (1280, 720), (1093, 614)]
TIME_CHARTS = ("capacity", "power", "cost", "cumulative")


def laid_out(window, width, height):
    window.resize(width, height)
    QApplication.processEvents()
    window.flush()
    QApplication.processEvents()


def problems(window) -> list[str]:
    found = []
    for key, card in window.kpis.cards.items():
        if not card.isVisible():
            continue
        room = card.width() - 2 * card.MARGIN_X - 2
        font = card.value_font_for(card.width())
        if QFontMetrics(font).horizontalAdvance(card.value.text()) > room:
            found.append(f"card {key}: {card.value.text()!r} cut off")
        if font.pointSizeF() < 0.6 * card.fonts["value"].pointSizeF() - 0.01:
            found.append(f"card {key}: figure shrunk below 60%")
    for name, chart in window.charts.items():
        if not chart.isVisible():
            continue
        for side in ("left", "right", "bottom"):
            axis = chart.plot.getAxis(side)
            if axis.isVisible() and "…" in (axis.labelText or ""):
                found.append(f"{name}: {side} axis title cut to {axis.labelText!r}")
        if name in TIME_CHARTS and len(year_labels(chart)) < 2:
            found.append(f"{name}: time axis shows {year_labels(chart)}")
    tornado = window.charts["tornado"]
    if tornado.isVisible() and len(tornado.shown_labels()) > tornado.rows_that_fit():
        found.append("tornado: more rows than fit")
    return found


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("width, height", SIZES)
def test_the_window_is_readable_at_common_screen_sizes(window, width, height, theme):
    window.theme_actions[theme].trigger()
    laid_out(window, width, height)
    assert problems(window) == []
    assert window.minimumWidth() <= width and window.minimumHeight() <= height
    assert window.charts_area.verticalScrollBar().maximum() == 0  # all six charts in view, no scrolling


@pytest.mark.parametrize("width, height", SCALED)
def test_the_window_is_readable_on_screens_scaled_to_125_and_150_percent(window, width, height):
    laid_out(window, width, height)
    assert problems(window) == []
    assert window.minimumWidth() <= width and window.minimumHeight() <= height


@pytest.mark.parametrize("width, height", SIZES)
def test_a_comparison_leaves_every_chart_readable(window, width, height):
    window.compare.pin()
    s = slider(window, "Energy price")
    s.setValue(0.3)
    window.flush()
    laid_out(window, width, height)
    assert window.table.isVisible()
    assert problems(window) == []


@pytest.mark.parametrize("width, height", SIZES + [(1024, 768)])
def test_presentation_mode_is_readable(window, width, height):
    window.actions["present"].trigger()
    window.showNormal()  # the offscreen screen is 800 wide: the presentation laid out at the size asked
    laid_out(window, width, height)
    assert window.presentation.active
    assert problems(window) == []
    window.actions["present"].trigger()


def test_the_minimum_window_is_readable(window):
    laid_out(window, window.minimumWidth(), window.minimumHeight())
    assert problems(window) == []


@pytest.mark.parametrize("preset", ["openai-aws-deal", "custom-silicon-heavy"])  # (the second: a two-line legend)
@pytest.mark.parametrize("width, height", SIZES)
def test_the_japanese_window_is_readable_at_common_screen_sizes(japanese, settings, qtbot, width, height, preset):
    from explorer.presets import load_preset
    from ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.document.load(load_preset(preset, window.catalog), None)
    laid_out(window, width, height)
    assert problems(window) == []
