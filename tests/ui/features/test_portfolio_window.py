"""The portfolio window (Compare ▸ Open a portfolio…): the shipped portfolio's figures, switching
members on and off (undoable), the stacking switch, the revenue line, editing a member live in the main
window, bad files and Japanese."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from explorer import formatting as fmt
from explorer.i18n import tr
from explorer.portfolio import PortfolioCache, evaluate_portfolio, resolve_portfolio
from support.qt import choose, drag, slider
from ui.state.analysis import AnalysisRequest, run_analyses


def _open(window):
    window.actions["portfolio:openai-2025"].trigger()
    pw = window.portfolio_window
    assert pw is not None and pw.isVisible()
    return pw


def _following_aws(window, dialogs, pw=None):
    """The portfolio window (opened, unless given) with AWS edited in the main window, settled."""
    pw = pw if pw is not None else _open(window)
    dialogs.answers = ["discard"]
    assert pw.edit_member("AWS")
    window.flush()
    pw.flush()
    return pw


@pytest.fixture
def no_fallbacks(monkeypatch):
    """The follow's waits end with a step, never by their fallback timers (a pass of the event loop
    on a slow machine can take longer than them)."""
    import ui.portfolio.window as portfolio_window

    monkeypatch.setattr(portfolio_window, "STEP_WAIT_MS", 600_000)
    monkeypatch.setattr(portfolio_window, "PAINT_WAIT_MS", 600_000)


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


def test_a_member_switched_off_in_its_file_has_a_check_box_to_switch_it_on(window, qtbot, tmp_path):
    mine = tmp_path / "mine.json"
    mine.write_text(json.dumps({"schema_version": 1, "name": "Mine", "members": [
        {"label": "AWS", "provider": "AWS", "preset": "openai-aws-deal"},
        {"label": "Oracle", "provider": "Oracle", "preset": "openai-oracle", "enabled": False}]}),
        encoding="utf-8")
    pw = window.open_portfolio(str(mine))
    item = pw.table.item(_row(pw, "Oracle"), 0)
    assert item.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked.value  # a box, empty
    _click_checkbox(qtbot, pw, "Oracle")
    assert pw.portfolio.member("Oracle").enabled and item.checkState() == Qt.CheckState.Checked


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
    pw.table.setCurrentCell(_row(pw, "Oracle"), 3)  # the Term cell: Space works on the whole row
    QTest.keyClick(pw.table, Qt.Key.Key_Space)
    assert not pw.portfolio.member("Oracle").enabled and pw.undo_stack.count() == 2
    QTest.keyClick(pw.table, Qt.Key.Key_Space)
    assert pw.portfolio.member("Oracle").enabled and pw.undo_stack.count() == 3


def test_a_legend_entry_never_breaks_inside(window, qtbot):
    pw = _open(window)
    pw.revenue_edit.setFocus()
    QTest.keyClicks(pw.revenue_edit, "150")
    QTest.keyClick(pw.revenue_edit, Qt.Key.Key_Return)
    text = pw.legend.text()
    assert "Revenue:&nbsp;USD&nbsp;150B&nbsp;per&nbsp;year" in text  # wraps between entries only
    assert "Microsoft" in text


def test_the_stacking_switch_changes_what_the_charts_stack(window, qtbot):
    pw = _open(window)
    combo = pw.stack_combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("family"))
    assert pw.stack_by == "family"
    assert all(chart.item_count == 3 for chart in pw.charts.values()) and pw.yearly.item_count == 3
    assert "Custom&nbsp;silicon" in pw.legend.text()  # (an entry never breaks inside)
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


def test_a_step_the_main_window_has_drawn_is_followed_with_its_evaluation(window, dialogs):
    pw = _following_aws(window, dialogs)
    before = pw.cache.evaluations
    window.document.edit({"gpu_count": 321_000}, dragging=True)
    window.display.run_pending()  # the main window draws the step (its evaluation of the member) ...
    pw.flush()  # ... then the portfolio follows it
    assert pw.cache.evaluations == before  # with the main window's evaluation: none of its own
    assert pw.portfolio.member("AWS").scenario.gpu_count == 321_000
    expected = evaluate_portfolio(resolve_portfolio("openai-2025").with_scenario("AWS", window.document.scenario))
    assert pw.cards["cost_total_usd"].value.text() == fmt.money(expected.totals["cost_total_usd"])
    assert pw.cards["gpus_peak"].value.text() == fmt.count_shown(expected.totals["gpus_peak"])
    window.document.end_drag()


def test_the_main_windows_evaluation_is_taken_on_a_large_user_catalog_too(window, dialogs, tmp_path):
    # A catalog of more than 64 chips is evaluated as the subset a scenario uses: the projection's
    # own catalog is then not the window's, and the step must still not be evaluated twice.
    from explorer.catalog import COLUMNS, builtin_catalog

    base = builtin_catalog()["H100"]
    rows = [",".join(COLUMNS)] + [",".join(
        f"x{i}" if col == "id" else "" if getattr(base, col) is None else str(getattr(base, col)).replace(",", " ")
        for col in COLUMNS) for i in range(100)]
    (tmp_path / "big.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert window.catalogs.set_path(str(tmp_path / "big.csv")) and len(window.catalog) > 64
    pw = _following_aws(window, dialogs)
    before = pw.cache.evaluations
    window.document.edit({"gpu_count": 321_000}, dragging=True)
    window.display.run_pending()
    pw.flush()
    window.document.end_drag()
    assert pw.cache.evaluations == before and pw.portfolio.member("AWS").scenario.gpu_count == 321_000


def test_a_follow_due_on_the_main_windows_bands_step_takes_the_next_step_and_is_not_lost(window, dialogs, no_fallbacks, monkeypatch):
    # The bands and the portfolio each redraw up to 25 times a second during a drag; on a step that
    # redrew the bands the portfolio follows with the next step free of them.
    pw = _following_aws(window, dialogs)
    pw.follow_interval_s = 0.0
    drew = {"bands": True}
    monkeypatch.setattr(window.display, "drew_analyses", lambda: drew["bands"])
    refreshes = pw.refreshes
    window.document.edit({"gpu_count": 250_000}, dragging=True)
    window.display.run_pending()  # a step that redrew the bands
    QApplication.processEvents()
    assert pw.refreshes == refreshes and pw._timer.isActive()  # waiting for the next step
    window.document.edit({"gpu_count": 255_000}, dragging=True)
    window.display.run_pending()  # the next step drew bands too (they had waited a step already)
    QApplication.processEvents()
    assert pw.refreshes == refreshes and pw._timer.isActive()  # still waiting
    held = []
    monkeypatch.setattr(window.display, "hold_analyses", lambda firm=False: held.append((window.display.steps, firm)))
    drew["bands"] = False
    window.document.edit({"gpu_count": 260_000}, dragging=True)
    window.display.run_pending()  # a step without bands: followed with it
    QApplication.processEvents()
    assert pw.refreshes == refreshes + 1 and pw.portfolio.member("AWS").scenario.gpu_count == 260_000
    assert held == [(window.display.steps, True)]  # the step after it is the repaint's: its bands wait
    window.document.edit({"gpu_count": 270_000}, dragging=True)
    window.display.run_pending()
    pw.flush()  # tests, benchmarks and the drag's end apply at once, whatever the main window drew
    assert pw.portfolio.member("AWS").scenario.gpu_count == 270_000
    window.document.end_drag()


def _drag_step(window, pw, **changes):
    window.document.edit(changes, dragging=True)
    window.display.run_pending()
    pw.flush()
    QApplication.processEvents()


def test_a_currency_switched_before_a_drag_is_not_held_by_the_charts(window, dialogs):
    pw = _following_aws(window, dialogs)
    assert "USD" in pw.charts["cost"].title_label.text()
    window.set_currency(fmt.Currency("JPY"))  # in the main window; the portfolio window is not activated
    assert "JPY" in pw.cards["cost_total_usd"].value.text() and "JPY" in pw.charts["cost"].title_label.text()
    _drag_step(window, pw, gpu_count=321_000)
    cards, title = pw.cards["cost_total_usd"].value.text(), pw.charts["cost"].title_label.text()
    window.document.end_drag()
    assert "JPY" in cards and "JPY" in title, (cards, title)  # not '(USD billions)' beside yen figures


def test_a_held_oku_unit_gives_way_to_cho_before_five_digits(japanese, window, dialogs):
    pw = _open(window)
    for label in pw.portfolio.labels:
        if label != "AWS":
            pw.toggle(label, False)  # AWS alone: 455億ドル over its term
    _following_aws(window, dialogs, pw)
    chart = pw.charts["cumulative"]
    assert "億" in chart.title_label.text()
    _drag_step(window, pw, gpu_count=5_000_000)  # held, and past 1兆ドル
    top, title = chart.plot.getAxis("left").range[1], chart.title_label.text()
    window.document.end_drag()
    assert top < 1e4 and "兆" in title, (title, top)  # as the scenario charts change unit at 10^4 mid-drag


def test_a_held_slider_is_followed_at_the_follow_interval_and_its_last_value_lands_at_release(window, dialogs):

    pw = _following_aws(window, dialogs)
    before = pw.portfolio.member("AWS").scenario.gpu_count
    gpus = slider(window, "GPU count")
    middle = (gpus.minimum() + gpus.maximum()) // 2
    pw.follow_interval_s = 0.0  # every step followed on the event loop's next pass
    drag(window, gpus, [middle], release=False)
    QApplication.processEvents()
    followed = pw.portfolio.member("AWS").scenario.gpu_count
    assert followed == window.document.scenario.gpu_count != before
    pw.follow_interval_s = 3600.0  # a step within the interval of the last update waits for it
    drag(window, gpus, [middle + max(1, gpus.singleStep())], release=False)
    assert window.document.scenario.gpu_count != followed
    QApplication.processEvents()
    assert pw.portfolio.member("AWS").scenario.gpu_count == followed
    assert pw._timer.isActive() and pw._timer.interval() > 0
    gpus.setSliderDown(False)  # let go: the last value lands at once, without waiting
    window.flush()
    assert pw.portfolio.member("AWS").scenario.gpu_count == window.document.scenario.gpu_count != followed


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
    # money as Japanese figures are written: in 兆 or 億, never in 10億
    titles = {name: chart.title_label.text() for name, chart in pw.charts.items()} | {"yearly": pw.yearly.title_label.text()}
    assert not any("10億" in t for t in titles.values()), titles
    assert "兆" in titles["cumulative"]  # USD 1.2 trillion over the terms: 1.2兆ドル
    assert "億" in titles["yearly"]  # USD 264 billion in the peak year: 2,640億ドル
    top = pw.charts["cumulative"].tops[-1].max()
    assert top * pw.charts["cumulative"]._unit[1][0] == pytest.approx(pw.projection.total("cost_cumulative").max())
    only_aws = [label for label in pw.portfolio.labels if label != "AWS"]
    for label in only_aws:
        pw.toggle(label, False)
    assert "億" in pw.charts["cost"].title_label.text()  # one deal's cost per month: below one 兆
    for label in only_aws:
        pw.toggle(label, True)
    # the revenue field takes 億ドル too: 1,500 is USD 150B
    assert "億ドル" in pw.revenue_edit.toolTip() and "10億" not in pw.revenue_edit.toolTip()
    pw.revenue_edit.setFocus()
    QTest.keyClicks(pw.revenue_edit, "1500")
    QTest.keyClick(pw.revenue_edit, Qt.Key.Key_Return)
    assert pw.revenue_usd == pytest.approx(150e9)
    assert pw.yearly.revenue_value == pytest.approx(150e9 / pw.yearly._unit[1][0])


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
        assert (card.value.text(), card.detail.text(), card.text()) == \
            (fresh.cards[key].value.text(), fresh.cards[key].detail.text(), fresh.cards[key].text()), key
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
        paths = chart.layers.paths()[0]
        assert len(paths) == len(chart.keys) == len(chart.tops)
        for key, path, top in zip(chart.keys, paths, chart.tops):
            np.testing.assert_array_equal(chart.layers.drawn[key], top)  # the band's upper edge
            np.testing.assert_array_equal(chart.layers.drawn[f"{key} edge"], top)  # its line
            polygon = path.toSubpathPolygons()[0]  # along the upper edge, back along the one below
            xs, ys = np.array([p.x() for p in polygon]), np.array([p.y() for p in polygon])
            np.testing.assert_allclose(xs[:len(x) * 2], np.concatenate([x, x[::-1]]))
            np.testing.assert_allclose(ys[:len(x) * 2], np.concatenate([top, below[::-1]]))
            below = top
    np.testing.assert_array_equal(pw.yearly._shown[0], fresh.yearly._shown[0])
    assert pw.refreshes > 0 and pw.editing == "AWS"


def test_the_portfolio_menu_lists_the_shipped_portfolios_under_the_file_entry(window):
    from explorer.portfolio import list_portfolios

    menu = window.menus["C&ompare/P&ortfolio"]
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "&Open a portfolio file…"
    titles = [tr(p.title) for p in list_portfolios()]
    assert titles and all(t in texts for t in titles)
    assert "OpenAI compute commitments (announced, 2025)" in texts


def test_a_portfolio_file_opened_like_a_scenario_opens_the_portfolio_window_and_leaves_the_document(window, dialogs,
                                                                                                  tmp_path):
    from explorer.portfolio import resolve_portfolio, save_portfolio

    path = tmp_path / "deals.json"
    save_portfolio(resolve_portfolio("openai-2025").removed("Oracle"), path)
    window.document.edit({"agent_cpu_ratio": 40.0})  # unsaved work: a portfolio does not replace it
    scenario = window.document.scenario
    dialogs.paths = [str(path)]
    window.actions["open"].trigger()  # File ▸ Open
    pw = window.portfolio_window
    assert pw is not None and pw.isVisible() and "Oracle" not in pw.portfolio.labels
    assert window.document.scenario is scenario and not dialogs.asked and not dialogs.errors
    assert window.settings.recent_files()[0] == str(path)
    pw.close()
    window.portfolio_window = None
    assert window.files.open_path(path)  # Open Recent takes this way too
    assert window.portfolio_window is not None and window.document.scenario is scenario
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"schema_version": 1, "members": [
        {"label": "Mine", "provider": "Amazon", "preset": "openai-aws-deal"}]}), encoding="utf-8")
    assert not window.files.open_path(broken)
    assert "Amazon" in dialogs.errors[-1][1] and window.document.scenario is scenario
    assert window.settings.recent_files()[0] == str(path)  # a file that did not open is not remembered


def test_the_app_started_with_a_portfolio_opens_it_beside_the_main_window(settings, dialogs, qtbot):

    from ui.app import start_window
    from ui.launcher import _file_or_preset

    assert _file_or_preset("openai-2025")
    win = start_window("openai-2025", settings=settings, dialogs=dialogs)
    qtbot.addWidget(win)
    win.show()
    QApplication.processEvents()
    pw = win.portfolio_window
    assert pw is not None and pw.portfolio.name == "OpenAI compute commitments (announced, 2025)"
    assert not dialogs.errors and win.document.path is None
    win.close()


def test_adding_the_main_windows_scenario_and_removing_a_member_are_undoable(window, dialogs):
    pw = _open(window)
    window.document.edit({"gpu_count": 123_000})
    dialogs.members = [None, ("Our campus", "own build")]
    pw.add_button.click()  # cancelled: nothing added
    assert pw.portfolio.labels == resolve_portfolio("openai-2025").labels and not pw.isWindowModified()
    scenario_name, taken, suggested, _ = dialogs.member_questions[-1]
    assert "AWS" in taken and suggested not in taken and suggested
    pw.add_button.click()
    assert pw.portfolio.labels[-1] == "Our campus" and pw.table.rowCount() == len(pw.portfolio.members)
    member = pw.portfolio.member("Our campus")
    assert member.provider == "own build" and member.source_kind == "scenario" and member.scenario.gpu_count == 123_000
    assert pw.isWindowModified() and pw.undo_action.text() == "&Undo Add 'Our campus'"
    expected = evaluate_portfolio(pw.portfolio, window.catalog, PortfolioCache())
    assert pw.cards["gpus_peak"].value.text() == fmt.count_shown(expected.totals["gpus_peak"])
    # remove with the Delete key on the member table
    pw.table.setFocus()
    pw.table.selectRow(_row(pw, "Oracle"))
    QTest.keyClick(pw.table, Qt.Key.Key_Delete)
    assert "Oracle" not in pw.portfolio.labels and pw.table.rowCount() == len(pw.portfolio.members)
    pw.undo_action.trigger()
    assert "Oracle" in pw.portfolio.labels
    pw.undo_action.trigger()
    assert "Our campus" not in pw.portfolio.labels and not pw.isWindowModified()  # back as opened
    pw.redo_action.trigger()
    assert pw.portfolio.labels[-1] == "Our campus"


def test_a_portfolio_is_saved_to_a_file_of_its_own_and_unsaved_changes_are_asked_about(window, dialogs, tmp_path):
    from explorer.portfolio import load_portfolio

    pw = _open(window)
    pw.toggle("Oracle", False)
    assert pw.isWindowModified()
    target = tmp_path / "ours"
    dialogs.paths = [str(target)]
    assert pw.save()  # a shipped portfolio: Save asks where (never over the shipped file)
    assert (tmp_path / "ours.json").exists() and not pw.isWindowModified()
    assert not load_portfolio(tmp_path / "ours.json").member("Oracle").enabled
    assert window.settings.recent_files()[0] == str(tmp_path / "ours.json")
    pw.toggle("Oracle", True)
    assert pw.save() and load_portfolio(tmp_path / "ours.json").member("Oracle").enabled  # Save: the same file
    from explorer.paths import portfolios_dir

    dialogs.paths = [str(portfolios_dir() / "openai-2025.json")]
    pw.toggle("Oracle", False)
    assert not pw.save_as() and "shipped" in dialogs.errors[-1][1]  # the shipped file stays as it is
    dialogs.paths = [str(tmp_path / "no-such-folder" / "x.json")]
    assert not pw.save_as() and "no-such-folder" in dialogs.errors[-1][1] and pw.isWindowModified()
    # closing with unsaved changes asks: Cancel keeps the window (and the main window) open
    dialogs.answers = ["cancel"]
    assert not pw.close() and pw.isVisible()
    window.document.load(window.document.baseline, None)  # (the main window has nothing unsaved)
    asked = len(dialogs.asked)
    dialogs.answers = ["cancel"]  # closing the main window asks about the portfolio too
    assert not window.close() and window.isVisible() and pw.isVisible() and len(dialogs.asked) == asked + 1
    dialogs.answers = ["discard"]
    assert window.close() and not pw.isVisible() and len(dialogs.asked) == asked + 2  # asked once, not twice


def test_the_new_member_dialog_refuses_an_empty_or_taken_label_as_it_is_typed(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.dialogs.member_dialog import MemberDialog

    dialog = MemberDialog("My deal", ("AWS", "Oracle"), "My deal")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.answer() == ("My deal", "other")
    dialog.label_edit.setFocus()
    dialog.label_edit.selectAll()
    QTest.keyClicks(dialog.label_edit, "aws")  # labels are unique whatever the case
    assert not ok.isEnabled() and "taken" in dialog.problem.text()
    dialog.label_edit.selectAll()
    QTest.keyClick(dialog.label_edit, Qt.Key.Key_Backspace)
    assert not ok.isEnabled() and dialog.problem.text() == "Give the member a label."
    QTest.keyClicks(dialog.label_edit, "  Stargate Texas ")
    choose(dialog.provider_combo, "Oracle")
    assert ok.isEnabled() and dialog.answer() == ("Stargate Texas", "Oracle")


def test_a_catalog_loaded_in_the_main_window_reprices_the_portfolio(window, dialogs, tmp_path):
    from explorer.catalog import load_catalog
    from support.catalogs import user_catalog

    pw = _open(window)
    before = pw.cards["cost_total_usd"].value.text()
    path = user_catalog(tmp_path, chip="GB200")  # GB200 at another price
    dialogs.paths = [str(path)]
    window.actions["catalog_load"].trigger()
    assert pw.catalog is window.catalog
    expected = evaluate_portfolio(pw.portfolio, load_catalog(path), PortfolioCache())
    assert pw.cards["cost_total_usd"].value.text() == fmt.money(expected.totals["cost_total_usd"]) != before


def test_the_portfolio_as_shown_exports_to_excel_slides_and_the_report(window, dialogs, tmp_path):
    import openpyxl
    from pptx import Presentation

    pw = _open(window)
    pw.toggle("Oracle", False)  # as shown: Oracle switched off
    dialogs.paths = [str(tmp_path / "deals")]
    pw.actions["export_xlsx"].trigger()
    book = openpyxl.load_workbook(tmp_path / "deals.xlsx")
    assert {"Monthly", "Yearly", "Members", "Summary"} <= set(book.sheetnames)
    headers = [c.value for c in next(book["Monthly"].iter_rows(max_row=1))]
    assert any("AWS" in str(h) for h in headers) and not any("Oracle" in str(h) for h in headers)
    pw.revenue_edit.setFocus()
    QTest.keyClicks(pw.revenue_edit, "13.5")  # typed, as a user enters the revenue line
    QTest.keyClick(pw.revenue_edit, Qt.Key.Key_Return)
    assert pw.revenue_usd == 13.5e9
    dialogs.paths = [str(tmp_path / "deck.pptx")]
    pw.actions["export_slides"].trigger()
    deck = Presentation(str(tmp_path / "deck.pptx"))
    names = {s.name for slide in deck.slides for shape in slide.shapes if shape.has_chart
             for s in shape.chart.plots[0].series}
    assert "AWS" in names and "Oracle" not in names
    lines = [s.name for slide in deck.slides for shape in slide.shapes if shape.has_chart
             for plot in list(shape.chart.plots)[1:] for s in plot.series]
    assert lines == ["Revenue: USD 13.5B per year"]  # the window's revenue line, on the yearly chart
    dialogs.paths = [str(tmp_path / "report.pdf")]
    pw.actions["export_report"].trigger()
    assert (tmp_path / "report.pdf").read_bytes()[:5] == b"%PDF-" and not dialogs.errors
    assert "report.pdf" in pw.statusBar().currentMessage()
    dialogs.paths = [str(tmp_path / "missing" / "x.xlsx")]  # a folder that is not there: said, nothing else
    pw.actions["export_xlsx"].trigger()
    assert dialogs.errors and "missing" in dialogs.errors[-1][1] and not (tmp_path / "missing").exists()


def test_the_portfolio_window_follows_the_main_windows_theme(window):
    from ui.theme import DARK

    pw = _open(window)
    window.theme_actions["dark"].trigger()  # View ▸ Theme ▸ Dark
    assert pw.theme is DARK
    for chart in [*pw.charts.values(), pw.yearly]:
        assert chart.view.backgroundBrush().color().name().lower() == DARK.background.lower()
        assert DARK.muted.lower() in chart.title_label.text().lower()
    card = pw.cards["hhi"]
    picture = card.grab().toImage()  # what the card paints: the dark theme's card, its title in its grey
    assert picture.pixelColor(picture.width() - 5, picture.height() // 2).name() == DARK.background.lower()
    assert card.line_colours() == {"title": DARK.muted, "value": DARK.foreground, "detail": DARK.muted}
    window.theme_actions["light"].trigger()
    assert pw.theme is not DARK


def test_the_yearly_bars_take_the_stacks_colours_when_providers_share_the_members_labels(window):
    from ui.portfolio.palette import PROVIDER_COLOURS

    pw = _open(window)  # openai-2025: each member is labelled with its provider
    assert pw.yearly.keys == tuple(pw.portfolio.labels)
    pw.stack_combo.setCurrentIndex(pw.stack_combo.findData("provider"))
    bars = {key: group["brush"].color().name().lower() for key, group in zip(pw.yearly.keys, pw.yearly.bars.groups())}
    assert bars == {key: PROVIDER_COLOURS[key].lower() for key in pw.yearly.keys}
    areas = [c.name().lower() for c in pw.charts["cost"].layers.fill_colours()]
    assert areas == [PROVIDER_COLOURS[key].lower() for key in pw.charts["cost"].keys]


def test_a_member_keeps_its_companys_colour_when_the_charts_are_stacked_by_provider(window):
    pw = _open(window)  # openai-2025: seven members, seven providers

    def colours(by):
        pw.stack_combo.setCurrentIndex(pw.stack_combo.findData(by))
        chart = pw.charts["power"]
        return dict(zip(chart.keys, (c.name().lower() for c in chart.layers.fill_colours())))

    by_member = colours("member")
    legend = pw.legend.text().lower()  # (stacked by member)
    by_provider = colours("provider")
    providers = {m.label: m.provider for m in pw.portfolio.members}
    assert len(set(by_member.values())) == len(by_member) == 7
    assert by_member == {label: by_provider[providers[label]] for label in by_member}
    assert all(f"color:{colour}'>■" in legend for colour in by_member.values())  # the legend says the same


def test_members_of_one_provider_have_colours_of_their_own_that_switching_one_off_keeps():
    import colorsys
    from types import SimpleNamespace as M

    from ui.portfolio.palette import PROVIDER_COLOURS, group_styles

    members = [M(label="AWS 2025", provider="AWS"), M(label="Azure", provider="Microsoft"),
               M(label="AWS 2026", provider="AWS"), M(label="AWS 2027", provider="AWS")]
    colours, labels = group_styles("member", [m.label for m in members], members)
    assert labels == [m.label for m in members]
    assert colours[:2] == [PROVIDER_COLOURS["AWS"], PROVIDER_COLOURS["Microsoft"]]
    assert len(set(colours)) == 4  # each AWS member its own colour ...
    # ... each a shade of AWS's colour (its hue), and none another company's colour
    hue = lambda colour: colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))[0]  # noqa: E731
    assert all(abs(hue(c) - hue(PROVIDER_COLOURS["AWS"])) < 0.02 for c in colours[2:])
    assert not {c.lower() for c in colours[2:]} & {c.lower() for c in PROVIDER_COLOURS.values()}
    # ... a member switched off (left out of the groups) changes no other member's colour
    shown, _ = group_styles("member", ["AWS 2025", "AWS 2027"], members)
    assert shown == [colours[0], colours[3]]
    # ... nor does a member of another provider added
    more = [*members, M(label="Oracle", provider="Oracle")]
    assert group_styles("member", [m.label for m in more], more)[0] == colours + [PROVIDER_COLOURS["Oracle"]]


def test_every_member_switched_off_leaves_empty_charts_and_zero_totals(window, qtbot):
    pw = _open(window)
    for by in ("member", "provider"):  # (by family the groups never go empty)
        pw.stack_combo.setCurrentIndex(pw.stack_combo.findData(by))
        for label in pw.portfolio.labels:
            pw.toggle(label, False)
        assert all(chart.item_count == 0 and chart.layers.paths() == ([], []) for chart in pw.charts.values())
        assert pw.yearly.item_count == 0 and pw.yearly.bars.groups() == []
        assert pw.cards["cost_total_usd"].value.text() == fmt.money(0.0)
        assert "0 of 7" in pw.cards["cost_total_usd"].detail.text()
        # nothing to say reads as nothing, not as 'in –' or '– of cost'
        assert [(pw.cards[k].value.text(), pw.cards[k].detail.text()) for k in
                ("peak_year_cost_usd", "nvidia_share", "largest_provider_share", "contract_value_usd")] == \
            [("–", "")] * 4
        assert pw.yearly.plot.getAxis("bottom").fixed[0]  # the calendar's years stay (not '0' and '1')
        pw.undo_stack.undo()  # the last member back: one band per chart again
        assert all(chart.item_count == 1 for chart in pw.charts.values())
        assert pw.cards["largest_provider_share"].detail.text() == "1 provider"
        assert pw.cards["contract_value_usd"].detail.text() == ""  # Broadcom alone: no contract value to count
        for label in pw.portfolio.labels:
            pw.toggle(label, True)


def test_the_cards_keep_their_height_and_say_what_they_mean_in_a_short_window(window, qtbot):
    pw = _open(window)
    pw.resize(700, 350)  # shorter than the window can be: it stops at its minimum
    QApplication.processEvents()
    assert pw.height() < 700
    for card in pw.cards.values():
        assert card.height() >= card.needed_height()  # never squashed (it was 0 px tall)
    hhi = pw.cards["hhi"]
    assert "10,000" in hhi.accessibleDescription()  # its explanation, then its detail line
    assert hhi.detail.text() in hhi.accessibleDescription()
    assert hhi.accessibleName() == f"{hhi.title.text()}: {hhi.value.text()}"


def test_the_grid_follows_the_year_ticks_when_they_change_and_the_range_does_not(window, qtbot):
    pw = _open(window)
    chart = pw.charts["cost"]

    def grid_years():  # the vertical lines the next paint draws
        return sorted(round(line.x1()) for pen, lines in chart.grid.lines() for line in lines
                      if line.x1() == line.x2())

    def ticks():  # the year ticks inside the plot (the grid draws no line outside it)
        lo, hi = chart.plot.vb.viewRange()[0]
        return sorted(round(v) for v, _ in chart.plot.getAxis("bottom").fixed[0] if lo <= v <= hi)

    assert grid_years() == ticks() and len(ticks()) >= 6  # every year
    view = chart.plot.vb.viewRange()[0]
    chart.year_ticks(2000, 2040)  # forty years in the same width: every fifth year, the range as it was
    assert chart.plot.vb.viewRange()[0] == view
    assert grid_years() == ticks() and len(ticks()) <= 2


def test_switching_members_off_neither_moves_the_table_nor_leaves_the_axes_at_the_old_scale(window, qtbot):
    pw = _open(window)
    QApplication.processEvents()
    table_top = pw.table.mapTo(pw, pw.table.rect().topLeft()).y()
    power = pw.charts["power"]
    _click_checkbox(qtbot, pw, "Broadcom")  # 10 of 34.5 GW: the rest is more than half the old range
    QApplication.processEvents()
    assert power.plot.vb.viewRange()[1][1] == pytest.approx(power.tops[-1].max() * 1.08)  # fitted, not held
    # the contract members off one by one: the 'Contract values' detail goes from two lines to none
    for label in ("AWS", "Oracle", "Microsoft", "CoreWeave"):
        _click_checkbox(qtbot, pw, label)
        QApplication.processEvents()
        assert pw.table.mapTo(pw, pw.table.rect().topLeft()).y() == table_top, label  # the next click lands
        if label == "Microsoft":  # one contract left: said in the singular
            assert pw.cards["contract_value_usd"].detail.text().startswith("1 member; its modelled cost: ")
    assert [pw.table.item(r, 0).checkState() == Qt.CheckState.Checked for r in range(7)] == \
        [m.label in ("NVIDIA", "AMD") for m in pw.portfolio.members]


class _Paints(QObject):
    """Counts the paint events a widget receives from now on (the window's first layout and paints
    done first)."""

    def __init__(self, widget):
        super().__init__()
        for _ in range(5):  # (a first paint may schedule a relayout, and that another paint)
            QApplication.processEvents()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_follows_figures_go_with_one_step_of_the_main_window_and_its_repaint_with_the_next(window, dialogs, no_fallbacks):
    # Figures and repaint each cost about what the main window's bands add to a step; in one step
    # they cost twice that.
    pw = _following_aws(window, dialogs)
    pw.follow_interval_s = 0.0
    chart = pw.charts["accelerators"]
    paints = _Paints(chart.widget.viewport())
    refreshes, top = pw.refreshes, float(chart.tops[-1].max())
    window.document.edit({"gpu_count": 400_000}, dragging=True)
    window.display.run_pending()
    QApplication.processEvents()
    QApplication.processEvents()
    assert pw.refreshes == refreshes + 1 and float(chart.tops[-1].max()) > top  # the figures are in
    assert paints.count == 0 and pw._paint_timer.isActive()  # the repaint waits for the next step
    window.document.edit({"gpu_count": 410_000}, dragging=True)
    window.display.run_pending()  # the main window's next step
    QApplication.processEvents()
    QApplication.processEvents()
    assert paints.count >= 1 and not pw._paint_timer.isActive()
    assert pw.refreshes == refreshes + 1  # the step of the repaint did not carry the next figures too
    assert pw._timer.isActive()  # they go with the step after it
    window.document.edit({"gpu_count": 420_000}, dragging=True)
    window.display.run_pending()
    if window.display.drew_analyses():  # bands that arrived meanwhile and waited out the repaint's step
        QApplication.processEvents()
        assert pw.refreshes == refreshes + 1  # (not with them)
        window.document.edit({"gpu_count": 420_000 + 1}, dragging=True)
        window.display.run_pending()
    QApplication.processEvents()
    assert pw.refreshes == refreshes + 2 and pw.portfolio.member("AWS").scenario.gpu_count >= 420_000
    window.document.end_drag()
    pw.flush()


def test_a_held_repaint_goes_without_a_next_step_and_at_the_drags_end(window, dialogs, no_fallbacks):
    pw = _following_aws(window, dialogs)
    pw.follow_interval_s = 0.0
    paints = _Paints(pw.charts["power"].widget.viewport())
    window.document.edit({"gpu_count": 400_000}, dragging=True)  # then the slider is held still
    window.display.run_pending()
    QApplication.processEvents()
    assert paints.count == 0 and pw._paint_timer.isActive()
    pw._paint_timer.timeout.emit()  # no step came in its wait
    QApplication.processEvents()
    assert paints.count >= 1
    painted = paints.count
    window.document.edit({"gpu_count": 430_000}, dragging=True)
    window.display.run_pending()
    QApplication.processEvents()
    QApplication.processEvents()
    window.document.end_drag()  # let go: the last value and its repaint at once
    pw.flush()
    QApplication.processEvents()
    assert paints.count > painted and pw.portfolio.member("AWS").scenario.gpu_count == 430_000


def test_undoing_a_removal_after_a_member_was_edited_keeps_the_edit(window, dialogs):
    pw = _open(window)
    pw.table.selectRow(_row(pw, "CoreWeave"))
    assert pw.remove_selected() and "CoreWeave" not in pw.portfolio.labels
    _following_aws(window, dialogs, pw)
    window.document.edit({"gpu_count": 321_000})  # AWS edited in the main window after the removal
    window.flush()
    pw.flush()
    pw.undo_stack.undo()  # the removal undone: CoreWeave back in its place, AWS as edited
    assert pw.portfolio.labels.index("CoreWeave") == 3 and pw.portfolio.member("AWS").scenario.gpu_count == 321_000
    pw.undo_stack.redo()
    assert "CoreWeave" not in pw.portfolio.labels and pw.portfolio.member("AWS").scenario.gpu_count == 321_000
    pw.discard_changes()


def test_a_slider_held_still_shows_the_edited_members_row_beside_the_cards(window, dialogs):
    pw = _following_aws(window, dialogs)
    row = _row(pw, "AWS")
    oracle = [pw.table.item(_row(pw, "Oracle"), col).text() for col in range(7)]
    _drag_step(window, pw, gpu_count=4_280_000)
    assert pw.table.item(row, 4).text() == "200k"  # mid-drag the table waits (its cells re-measure the columns)
    pw._settle.timeout.emit()  # 150 ms without a step: the slider is held still
    assert pw.table.item(row, 4).text() == "4.28M" and pw.table.item(row, 6).text() == "USD 973B"
    assert [pw.table.item(_row(pw, "Oracle"), col).text() for col in range(7)] == oracle
    window.document.end_drag()
    pw.flush()


def test_undoing_a_removal_after_saving_elsewhere_keeps_a_file_members_path(window, tmp_path):
    from pathlib import Path

    from explorer.portfolio import Member, load_portfolio, save_portfolio
    from explorer.scenario_file import save_scenario
    from ui.portfolio.window import open_portfolio

    a, b = tmp_path / "a", tmp_path / "b" / "deeper"
    a.mkdir()
    b.mkdir(parents=True)
    shipped = resolve_portfolio("openai-2025", window.catalog)
    deal = shipped.member("AWS").scenario
    save_scenario(deal, a / "deal.json")
    portfolio = shipped.added(Member("Deal", "AWS", True, "file", "deal.json", deal))
    save_portfolio(portfolio.replace(folder=a), a / "p.json")
    pw = open_portfolio(window, str(a / "p.json"))
    pw.table.selectRow(pw.portfolio.labels.index("Deal"))
    assert pw.remove_selected() and pw.save_to(Path(b / "p.json"))  # saved in another folder
    pw.undo_stack.undo()  # the file member back: its path is relative to the new folder
    assert pw.save_to(Path(b / "p.json"))
    member = pw.portfolio.member("Deal")
    assert (Path(pw.portfolio.folder) / member.reference).resolve() == (a / "deal.json").resolve()
    assert load_portfolio(b / "p.json", window.catalog).member("Deal").scenario == deal
    pw.discard_changes()
    pw.close()


def test_a_follow_waiting_for_a_step_that_never_comes_goes_after_its_wait(window, dialogs, no_fallbacks, monkeypatch):
    # The slider held still right after a step that drew the bands: no next step comes, and the
    # portfolio must not keep waiting for one (it showed an older value until the release).
    pw = _following_aws(window, dialogs)
    pw.follow_interval_s = 0.0
    monkeypatch.setattr(window.display, "drew_analyses", lambda: True)
    window.document.edit({"gpu_count": 333_000}, dragging=True)
    window.display.run_pending()
    QApplication.processEvents()
    assert pw._timer.isActive() and pw.portfolio.member("AWS").scenario.gpu_count != 333_000  # waiting
    pw._timer.timeout.emit()  # its wait is over, and no step came
    assert pw.portfolio.member("AWS").scenario.gpu_count == 333_000
    window.document.end_drag()
    pw.flush()


def test_arrived_analyses_wait_at_most_two_steps_for_a_window_that_follows_every_step(window, dialogs, no_fallbacks):
    """The portfolio following a slow machine's drag is due on every step: its figures, its repaint,
    its figures... Its requests to hold the bands give way after two steps, so the bands are drawn
    on every third step and no step carries two of the three."""
    pw = _following_aws(window, dialogs)
    pw.follow_interval_s = 0.0  # due on every step
    display = window.display
    found = run_analyses(AnalysisRequest(window.document.scenario, window.catalog, 400))
    kinds = []
    for i in range(12):
        refreshes, repaints = pw.refreshes, pw.held_repaints
        window.document.edit({"gpu_count": 300_000 + 5_000 * i}, dragging=True)
        display._arrived(display.runner.generations.current, found)  # a result ready for every step
        display.run_pending()
        bands = display.drew_analyses()
        QApplication.processEvents()
        QApplication.processEvents()
        kinds.append("B" * bands + "F" * (pw.refreshes > refreshes) + "R" * (pw.held_repaints > repaints))
    window.document.end_drag()
    pw.flush()
    assert all(len(k) <= 1 for k in kinds), kinds  # never two in one step
    assert kinds[3:].count("B") >= 3 and kinds[3:].count("F") >= 3, kinds  # neither starves
    pw.discard_changes()
    pw.close()
