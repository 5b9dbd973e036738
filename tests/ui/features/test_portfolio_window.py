"""The portfolio window (Compare ▸ Open a portfolio…): the shipped portfolio's figures, switching
members on and off (undoable), the stacking switch, the revenue line, editing a member live in the main
window, bad files and Japanese."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from explorer import formatting as fmt
from explorer.portfolio import PortfolioCache, evaluate_portfolio, resolve_portfolio


def _open(window):
    window.actions["portfolio_openai"].trigger()
    pw = window.portfolio_window
    assert pw is not None and pw.isVisible()
    return pw


def _row(pw, label: str) -> int:
    return pw.portfolio.labels.index(label)


def _activate(qtbot, pw) -> None:
    """The portfolio window as the active window (its shortcuts work there)."""
    pw.activateWindow()
    qtbot.waitUntil(pw.isActiveWindow, timeout=2000)


def _click_checkbox(qtbot, pw, label: str) -> None:
    """A real mouse click on the member's checkbox."""
    table = pw.table
    index = table.model().index(_row(pw, label), 0)
    table.scrollTo(index)
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = table.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    option.state |= QStyle.StateFlag.State_Enabled
    box = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_the_shipped_portfolio_shows_its_members_and_the_totals_of_the_core(window):
    pw = _open(window)
    expected = evaluate_portfolio(resolve_portfolio("openai-2025"))
    t, c = expected.totals, expected.concentration
    assert pw.table.rowCount() == 7
    assert [pw.table.item(r, 0).text() for r in range(7)] == list(expected.labels)
    assert all(pw.table.item(r, 0).checkState() == Qt.CheckState.Checked for r in range(7))
    aws = _row(pw, "AWS")
    assert [pw.table.item(aws, col).text() for col in range(1, 7)] == \
        ["AWS", "Nov 2025", "84 months", "200k", "606 MW", "USD 45.5B"]
    assert "34.5 GW" in pw.cards["facility_power_peak_mw"].value.text()
    assert pw.cards["facility_power_peak_mw"].value.text() == fmt.power(t["facility_power_peak_mw"])
    assert pw.cards["gpus_peak"].value.text() == "13.5M"
    assert pw.cards["cost_total_usd"].value.text() == fmt.money(t["cost_total_usd"]) == "USD 1.22T"
    assert pw.cards["peak_year_cost_usd"].value.text() == "USD 264B"
    assert "2030" in pw.cards["peak_year_cost_usd"].detail.text()
    assert pw.cards["largest_provider_share"].value.text() == "NVIDIA: 32.0%"
    assert pw.cards["hhi"].value.text() == f"{c['hhi']:,.0f}" == "2,080"
    assert "76.3%" in pw.cards["nvidia_share"].value.text()
    assert "13.4%" in pw.cards["custom_silicon_share"].value.text()
    assert "10.3%" in pw.cards["other_merchant_share"].value.text()
    assert "Herfindahl" in pw.cards["hhi"].title.text() and "10,000" in pw.cards["hhi"].toolTip()  # explained
    assert {name: chart.item_count for name, chart in pw.charts.items()} == \
        {"accelerators": 7, "power": 7, "cost": 7, "cumulative": 7}
    assert pw.yearly.item_count == 7


def test_switching_a_member_off_is_instant_and_one_undo_step(window, qtbot):
    pw = _open(window)
    contracted_less_nvidia = evaluate_portfolio(resolve_portfolio("openai-2025").toggled("NVIDIA"))
    _click_checkbox(qtbot, pw, "NVIDIA")
    assert not pw.portfolio.member("NVIDIA").enabled
    assert pw.table.item(_row(pw, "NVIDIA"), 0).checkState() == Qt.CheckState.Unchecked
    assert pw.cards["facility_power_peak_mw"].value.text() == \
        fmt.power(contracted_less_nvidia.totals["facility_power_peak_mw"]) == "24.5 GW"
    assert pw.undo_stack.count() == 1 and "NVIDIA" in pw.undo_stack.undoText()
    assert pw.undo_stack.undoLimit() == 1000  # bounded, as the main window's history
    # the other two letters of intent off too: the contracted part, as the command line prints it
    for label in ("AMD", "Broadcom"):
        _click_checkbox(qtbot, pw, label)
    assert pw.cards["facility_power_peak_mw"].value.text() == "8.46 GW"
    assert pw.cards["largest_provider_share"].value.text() == "Microsoft: 46.1%"
    assert pw.undo_stack.count() == 3
    _activate(qtbot, pw)
    pw.table.setFocus()
    for _ in range(3):
        QTest.keyClick(pw.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pw.cards["facility_power_peak_mw"].value.text() == "34.5 GW"
    assert pw.portfolio.member("NVIDIA").enabled
    QTest.keyClick(pw.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not pw.portfolio.member("NVIDIA").enabled
    assert pw.cards["facility_power_peak_mw"].value.text() == "24.5 GW"


def test_space_on_the_focused_member_switches_it(window, qtbot):
    pw = _open(window)
    _activate(qtbot, pw)
    pw.table.setFocus()
    pw.table.setCurrentCell(_row(pw, "AMD"), 0)
    QTest.keyClick(pw.table, Qt.Key.Key_Space)
    assert not pw.portfolio.member("AMD").enabled
    assert pw.undo_stack.count() == 1


def test_the_stacking_switch_changes_what_the_charts_stack(window, qtbot):
    pw = _open(window)
    combo = pw.stack_combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("family"))
    assert pw.stack_by == "family"
    assert all(chart.item_count == 3 for chart in pw.charts.values()) and pw.yearly.item_count == 3
    assert "Custom silicon" in pw.legend.text()
    combo.setCurrentIndex(combo.findData("provider"))
    providers = len(set(pw.portfolio.member(m).provider for m in pw.portfolio.labels))
    assert all(chart.item_count == providers for chart in pw.charts.values())
    _click_checkbox(qtbot, pw, "CoreWeave")  # one provider fewer
    assert all(chart.item_count == providers - 1 for chart in pw.charts.values())


def test_the_revenue_line_and_a_refused_value(window):
    pw = _open(window)
    box = pw.revenue_edit
    box.setFocus()
    QTest.keyClicks(box, "13.5")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert pw.yearly.revenue.isVisible() and pw.yearly.revenue.value() == pytest.approx(13.5)
    assert "Revenue" in pw.legend.text()
    box.selectAll()
    QTest.keyClicks(box, "lots")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert box.property("invalid") is True and pw.revenue_problem.isVisible()
    assert "lots" in pw.revenue_problem.text()
    assert pw.yearly.revenue.value() == pytest.approx(13.5)  # the last good value stays
    box.selectAll()
    QTest.keyClick(box, Qt.Key.Key_Backspace)
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert not pw.yearly.revenue.isVisible() and not box.property("invalid")


def test_editing_a_member_follows_the_main_windows_sliders_and_evaluates_only_it(window, dialogs):
    pw = _open(window)
    window.document.edit({"agent_cpu_ratio": 40.0})  # unsaved work in the main window
    pw.table.selectRow(_row(pw, "AWS"))
    dialogs.answers = ["cancel"]
    assert not pw.edit_button.click() and pw.editing is None  # cancelled: nothing replaced
    assert window.document.scenario.agent_cpu_ratio == 40.0
    dialogs.answers = ["discard"]
    pw.edit_button.click()
    assert pw.editing == "AWS" and dialogs.asked[-1]
    assert window.document.scenario == pw.portfolio.member("AWS").scenario and window.document.path is None
    window.flush()
    pw.flush()
    before = pw.cache.evaluations
    power_before = pw.cards["facility_power_peak_mw"].value.text()
    refreshes = pw.refreshes
    for n in (250_000, 300_000):  # two steps in one turn of the event loop: one evaluation
        window.document.edit({"gpu_count": n}, dragging=True)
    window.document.end_drag()
    pw.flush()
    assert pw.refreshes == refreshes + 1
    assert pw.cache.evaluations == before + 1  # only the edited member was evaluated again
    assert pw.table.item(_row(pw, "AWS"), 4).text() == "300k"
    assert pw.portfolio.member("AWS").scenario.gpu_count == 300_000
    assert pw.cards["facility_power_peak_mw"].value.text() != power_before
    expected = evaluate_portfolio(resolve_portfolio("openai-2025").with_scenario("AWS", window.document.scenario))
    assert pw.cards["cost_total_usd"].value.text() == fmt.money(expected.totals["cost_total_usd"])
    # the main window's undo goes back, and the portfolio with it (from the cache: no evaluation)
    window.actions["undo"].trigger()
    pw.flush()
    assert pw.table.item(_row(pw, "AWS"), 4).text() == "200k"
    assert pw.cache.evaluations == before + 1
    # another scenario opened in the main window: the member keeps its last state, no longer followed
    window.files.new_scenario()
    pw.flush()
    assert pw.editing is None and pw.portfolio.member("AWS").scenario.gpu_count == 200_000


def test_a_bad_portfolio_file_is_refused_with_a_clear_message(window, dialogs, tmp_path):
    path = tmp_path / "deals.json"
    path.write_text(json.dumps({"schema_version": 1, "members": [
        {"label": "Mine", "provider": "Amazon", "preset": "openai-aws-deal"}]}), encoding="utf-8")
    dialogs.paths = [str(path)]
    window.actions["portfolio"].trigger()
    assert getattr(window, "portfolio_window", None) is None
    ((title, text),) = dialogs.errors
    assert title == "Cannot open portfolio" and "Mine" in text and "Amazon" in text
    missing = tmp_path / "missing.json"
    missing.write_text(json.dumps({"schema_version": 1, "members": [
        {"label": "Campus", "provider": "own build", "file": "campus.json"}]}), encoding="utf-8")
    assert window.open_portfolio(str(missing)) is None
    assert "Campus" in dialogs.errors[-1][1] and "campus.json" in dialogs.errors[-1][1]


def test_the_file_dialog_starts_in_the_shipped_portfolios(window, dialogs, monkeypatch):
    seen = []
    monkeypatch.setattr(dialogs, "open_path", lambda title, folder, filters="": seen.append(folder) or "")
    window.actions["portfolio"].trigger()
    assert seen and seen[0].endswith("portfolios")


def test_closing_the_main_window_closes_the_portfolio_window(window):
    pw = _open(window)
    window.close()
    assert not pw.isVisible()


def test_the_portfolio_window_in_japanese(japanese, window):
    pw = _open(window)
    assert pw.cards["cost_total_usd"].title.text() == "コミットメント総額"
    assert pw.table.horizontalHeaderItem(1).text() == "調達先"
    assert "GW" in pw.cards["facility_power_peak_mw"].value.text()
    assert "2029年12月" == pw.cards["facility_power_peak_mw"].detail.text()
    assert "兆" in pw.cards["cost_total_usd"].value.text()


def test_the_cache_counts_one_evaluation_per_member(window):
    pw = _open(window)
    assert isinstance(pw.cache, PortfolioCache) and pw.cache.evaluations == 7



def test_after_a_drag_the_window_shows_what_a_fresh_evaluation_shows(window, qtbot):
    """The drag's fast path (only the changed bands redrawn, the table left for later) cannot drift:
    once the drag ends, the cards, the table and the stacked totals are those of a fresh window on the
    same portfolio, and the stacked totals are evaluate_portfolio's."""
    import numpy as np

    from ui.portfolio.window import PortfolioWindow

    pw = _open(window)
    assert pw.edit_member("AWS")
    window.flush()
    pw.flush()
    base = window.document.scenario.gpu_count
    for factor in (1.3, 1.7, 0.6, 0.9):
        window.document.edit({"gpu_count": int(base * factor)}, dragging=True)
        window.flush()
        pw.flush()
        assert pw._light  # a drag step: the fast path
    window.panel.dragFinished.emit()  # the slider let go: the main window ends the drag
    qtbot.waitUntil(lambda: not pw._light, timeout=2000)
    assert pw.portfolio.member("AWS").scenario.gpu_count == int(base * 0.9)
    fresh = PortfolioWindow(pw.portfolio, None, window.catalog, PortfolioCache())
    qtbot.addWidget(fresh)
    for key, card in pw.cards.items():
        assert (card.value.text(), card.detail.text(), card.detail.isVisibleTo(card)) == \
            (fresh.cards[key].value.text(), fresh.cards[key].detail.text(),
             fresh.cards[key].detail.isVisibleTo(fresh.cards[key])), key
    assert pw.table.rowCount() == fresh.table.rowCount()
    for row in range(fresh.table.rowCount()):
        for col in range(fresh.table.columnCount()):
            assert pw.table.item(row, col).text() == fresh.table.item(row, col).text(), (row, col)
    assert pw.table.item(_row(pw, "AWS"), 4).text() == fmt.count_shown(
        pw.cache.member(pw.portfolio.member("AWS").scenario, window.catalog).gpus_peak)
    expected = evaluate_portfolio(pw.portfolio, window.catalog, PortfolioCache())
    x = expected.month_indices / 12.0
    divisors = {"gpus": 1e6, "facility_mw": 1e3, "cost": 1e9 / fmt.currency().factor,
                "cost_cumulative": 1e9 / fmt.currency().factor}
    for name, chart in pw.charts.items():
        np.testing.assert_array_equal(chart.tops, fresh.charts[name].tops)
        np.testing.assert_allclose(chart.tops[-1], expected.total(chart.series) / divisors[chart.series])
        below = np.zeros_like(x)
        for curve, band, top in zip(chart.curves, chart.fills, chart.tops):
            cx, cy = curve.getData()
            np.testing.assert_array_equal(cx, x)
            np.testing.assert_array_equal(cy, top)
            polygon = band.path().toSubpathPolygons()[0]
            ys = np.array([p.y() for p in polygon])
            np.testing.assert_allclose(ys, np.concatenate([below, top[::-1]]))
            below = top
    np.testing.assert_array_equal(pw.yearly._shown[0], fresh.yearly._shown[0])
    assert pw.refreshes > 0 and pw.editing == "AWS"
