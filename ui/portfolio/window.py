"""The portfolio window (Compare ▸ Open a portfolio…): several deals as one fleet.

It shows a portfolio's members (each switched on or off with its checkbox: one undoable step per
switch, Ctrl+Z / Ctrl+Shift+Z), the totals and concentration figures of explorer.portfolio with their
one-line explanations, and stacked charts (accelerators installed, provisioned power, cost per month,
cumulative commitments, commitments per calendar year with an optional revenue line), stacked by
member, provider or chip family.

"Edit in the main window" opens the selected member's scenario as the main window's current scenario;
while it is being edited the portfolio follows the main window's sliders: the member's scenario is
replaced (Portfolio.with_scenario) and the portfolio evaluated again through the window's
PortfolioCache, so only that member is evaluated again. Changes are coalesced to at most one
evaluation per turn of the event loop (a 0-ms single-shot timer).

The window knows the main window only through what it uses: ``document`` (scenarioChanged, load),
``files.maybe_keep_changes()``, ``dialogs``, ``catalog`` and ``theme``.
"""

from __future__ import annotations

import html
import re
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QMainWindow, QPushButton, QSizePolicy, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from explorer import formatting as fmt
from explorer.errors import ExplorerError
from explorer.i18n import QT_TR_NOOP, is_japanese, tr
from explorer.months import month_label
from explorer.paths import portfolios_dir
from explorer.portfolio import (FIGURES, Member, Portfolio, PortfolioCache, PortfolioProjection, evaluate_portfolio,
                                portfolio_from_json, portfolio_to_json, provider_label, resolve_portfolio,
                                save_portfolio)

from ..dialogs import Dialogs
from ..document import UNDO_LIMIT
from ..theme import LIGHT, Theme
from ..widgets.card import PaintedCard
from ..widgets.tooltips import plain_tip
from .charts import (FAMILY_COLOURS, PROVIDER_COLOURS, STACKS, TIME_CHARTS, PortfolioView, StackedChart,  # noqa: F401
                     YearlyChart, draw_charts)
from .figures import CONCENTRATION_CARDS, HHI_HIGH, TOTAL_CARDS, figure_texts  # noqa: F401

PORTFOLIO_FILTER = QT_TR_NOOP("Portfolio files (*.json);;All files (*)")

# The member table's columns.
COLUMNS = (QT_TR_NOOP("Member"), QT_TR_NOOP("Provider"), QT_TR_NOOP("Start"), QT_TR_NOOP("Term"),
           QT_TR_NOOP("Accelerators"), QT_TR_NOOP("Provisioned power"), QT_TR_NOOP("Total cost"))

# While a member's slider is held in the main window, the portfolio follows at up to 25 updates a
# second (as the bands do): the main window's own step then costs nothing extra on most steps. A
# follow is drawn in two of the main window's steps: its figures with one, its repaint with the next
# (each about what the main window's bands add to a step; together they were twice that). Neither
# shares a step with newly arrived bands: a follow due on a bands step takes the next free step, and
# the bands due on a step the follow takes wait for the one after (Display.hold_analyses; at most
# two steps in a row), however slow the machine (on a slow one all three are due on every step).
FOLLOW_INTERVAL_S = 0.040
PAINT_WAIT_MS = 16  # a held repaint is released this long after its figures if no step comes
STEP_WAIT_MS = 40  # a follow waiting for the next step goes this long after, if no step comes


def revenue_scale() -> float:
    """USD per unit of the revenue field: billions, or in Japanese 億 (10^8), as Japanese figures are
    written (the field's label and messages say which)."""
    return 1e8 if is_japanese() else 1e9


# ------------------------------------------------------------------------------------------- undo
class ToggleMember(QUndoCommand):
    """One member switched on or off (labelled with the member's label)."""

    def __init__(self, window: "PortfolioWindow", label: str, enabled: bool):
        text = tr("Switch on '{label}'") if enabled else tr("Switch off '{label}'")
        super().__init__(text.format(label=label))
        self.window, self.label, self.enabled = window, label, enabled

    def redo(self) -> None:
        self.window._set_enabled(self.label, self.enabled)

    def undo(self) -> None:
        self.window._set_enabled(self.label, not self.enabled)


class AddOrRemoveMember(QUndoCommand):
    """A member added (at the end) or removed (from its place). Undo and redo change that member
    alone, so an edit made since to another member (in the main window) is kept."""

    def __init__(self, window: "PortfolioWindow", member: Member, index: int, add: bool, text: str):
        super().__init__(text)
        self.window, self.member, self.index, self.add = window, member, index, add
        self.folder = window.portfolio.folder  # what a 'file' member's path is relative to

    def _insert(self) -> None:
        portfolio = self.window.portfolio
        member = self.member
        if member.source_kind == "file" and self.folder != portfolio.folder:  # saved elsewhere since
            member = Portfolio(members=(member,), folder=self.folder).relocated(portfolio.folder).members[0]
        self.window._set_portfolio(portfolio.added(member, min(self.index, len(portfolio.members))))

    def _take(self) -> None:
        portfolio = self.window.portfolio
        self.member = portfolio.member(self.member.label)  # as it is now (it may have been edited)
        self.folder = portfolio.folder
        self.window._set_portfolio(portfolio.removed(self.member.label))

    def redo(self) -> None:
        self._insert() if self.add else self._take()

    def undo(self) -> None:
        self._take() if self.add else self._insert()


# ----------------------------------------------------------------------------------------- pieces
class Card(PaintedCard):
    """A portfolio figure: its title, its value, a detail line; the figure's one-line explanation as
    tooltip. Painted like the main window's KPI cards (widgets/card.py): a new value mid-drag repaints
    the card and never re-lays out the window."""

    LINES = (("title", 8.5, False, "muted"), ("value", 12.5, True, "foreground"), ("detail", 8, False, "muted"))
    OPTIONAL = ("detail",)
    # Two lines kept for the detail: a detail that changes between one line and two (switching a
    # member off) would otherwise move the member table under the pointer between two clicks.
    RESERVE = {"detail": 2}

    def __init__(self, key: str, theme: Theme = LIGHT, parent=None):
        super().__init__(parent, value="–")
        self.key = key
        self.setObjectName(f"card_{key}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)  # as tall as its row
        self.set_style(theme)

    def retranslate(self) -> None:
        figure = FIGURES[self.key]
        self.title.setText(tr(figure.label))
        self.setToolTip(f"<p>{html.escape(tr(figure.explanation))}</p>")
        self.setAccessibleDescription(self.accessible_description())

    def accessible_description(self) -> str:
        """The figure's explanation, then its detail line."""
        explanation = tr(FIGURES[self.key].explanation) if getattr(self, "key", None) else ""
        detail = super().accessible_description()
        return " · ".join(part for part in (explanation, detail) if part)

    def show_value(self, value: str, detail: str = "") -> None:
        self.set_lines(value=value, detail=detail)


# ----------------------------------------------------------------------------------------- window
class PortfolioWindow(QMainWindow):
    """A portfolio's members, totals, concentration and stacked charts (see the module's docstring)."""

    refreshed = Signal()  # after every refresh (the figures show the current portfolio)

    def __init__(self, portfolio: Portfolio, main=None, catalog=None, cache: PortfolioCache | None = None,
                 theme: Theme | None = None, path: Path | None = None, parent=None):
        super().__init__(parent)
        self.main = main
        self.portfolio = portfolio
        self.path = Path(path).resolve() if path is not None else None  # the file it was opened from or saved to
        self._saved = portfolio  # as opened or saved: a different portfolio is unsaved work
        self.dialogs = getattr(main, "dialogs", None) or Dialogs(self)
        self.catalog = catalog if catalog is not None else (main.catalog if main is not None else None)
        self.cache = cache if cache is not None else PortfolioCache()
        self.theme = theme or (getattr(main, "theme", None) if main is not None else None) or LIGHT
        self.projection: PortfolioProjection | None = None
        self.stack_by = "member"
        self.revenue_usd: float | None = None  # per year
        self.editing: str | None = None  # the member followed from the main window
        self.refreshes = 0
        self._pending = None  # the main window's newest scenario, not yet applied
        self._applied = 0.0  # when the last one was applied (perf_counter)
        self.follow_interval_s = FOLLOW_INTERVAL_S
        self._following = False
        self._wait_step: int | None = None  # the main window's step the pending follow waits out (bands, repaint)
        self._paint_step: int | None = None  # the step whose follow's repaint waits for the main window's next
        self._painted_step = -1  # the main window's step that carried this window's held repaint
        self._paint_due = False  # an update request came while the repaint was held
        self.held_repaints = 0  # repaints held for the next step and released (the benchmark counts them)
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(PAINT_WAIT_MS)
        self._paint_timer.timeout.connect(self._release_paint)
        self._loaded = None  # the scenario the main window was given to edit (its baseline)
        self._currency = fmt.currency()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)  # (as the main window's; Qt takes it while the stack is empty)
        self.undo_stack.indexChanged.connect(self._work_changed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._apply_pending)
        # While a slider is held in the main window a step updates the cards and charts, not the
        # member table: 150 ms after the last step (the slider held still) the edited member's row
        # follows, and when the drag ends everything is shown again as a fresh refresh shows it.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(150)
        self._settle.timeout.connect(self._settled)
        self._light = False  # the last refresh was a drag step's (the full table not yet refilled)
        self.setObjectName("PortfolioWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._build()
        self.refresh()
        self.resize(1280, 740)

    # ------------------------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.setWindowTitle(tr("Portfolio: {name}").format(name=tr(self.portfolio.name)) + "[*]")
        menu = self.menuBar().addMenu(tr("&Portfolio"))
        self.actions: dict[str, QAction] = {}
        for key, text, shortcut, slot in (
                ("save", tr("&Save"), QKeySequence.StandardKey.Save, self.save),
                ("save_as", tr("Save &as…"), QKeySequence("Ctrl+Shift+S"), self.save_as),
                ("-", "", None, None),
                ("add", tr("&Add the main window's scenario…"), None, self.add_current),
                ("remove", tr("&Remove the selected member"), None, self.remove_selected),
                ("-", "", None, None),
                ("export_xlsx", tr("Export &data (Excel)…"), None, lambda: self.export("xlsx")),
                ("export_slides", tr("Export s&lides (PowerPoint)…"), None, lambda: self.export("pptx")),
                ("export_report", tr("Export the re&port (PDF)…"), None, lambda: self.export("pdf")),
                ("-", "", None, None),
                ("close", tr("&Close"), QKeySequence.StandardKey.Close, self.close)):
            if key == "-":
                menu.addSeparator()
                continue
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(lambda _=False, f=slot: f())
            menu.addAction(act)
            self.actions[key] = act
        self.actions["add"].setEnabled(self.main is not None)
        self.actions["remove"].setEnabled(False)
        edit_menu = self.menuBar().addMenu(tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcuts(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in redo.shortcuts():
            redo.setShortcuts(redo.shortcuts() + [QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        self.addAction(undo)
        self.addAction(redo)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(6)
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        outer.addWidget(self.name_label)

        cards = QGridLayout()
        cards.setSpacing(6)
        self.cards: dict[str, Card] = {}
        for row, keys in enumerate((TOTAL_CARDS, CONCENTRATION_CARDS)):
            for col, key in enumerate(keys):
                card = Card(key, self.theme)
                card.retranslate()
                cards.addWidget(card, row, col)
                self.cards[key] = card
        outer.addLayout(cards)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setAccessibleName(tr("Members"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.table.installEventFilter(self)  # Delete on the member table removes the selected member
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        left_layout.addWidget(self.table, 0)
        buttons = QHBoxLayout()
        self.edit_button = QPushButton(tr("&Edit in the main window"))
        self.edit_button.setToolTip(tr("Open the selected member's scenario as the main window's current scenario; "
                                       "the portfolio follows its sliders"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.edit_button.setEnabled(False)
        buttons.addWidget(self.edit_button)
        self.add_button = QPushButton(tr("A&dd current…"))
        self.add_button.setToolTip(tr("Add the main window's scenario, as it is now, as a member"))
        self.add_button.clicked.connect(self.add_current)
        self.add_button.setEnabled(self.main is not None)
        buttons.addWidget(self.add_button)
        self.remove_button = QPushButton(tr("Re&move"))
        self.remove_button.setToolTip(tr("Remove the selected member from the portfolio (Delete on the table; "
                                         "undoable)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        self.editing_label = QLabel()
        self.editing_label.setWordWrap(True)
        self.editing_label.setStyleSheet(f"color: {self.theme.muted};")
        self.editing_label.setVisible(False)
        left_layout.addWidget(self.editing_label)
        self.yearly = YearlyChart(self.theme)
        left_layout.addWidget(self.yearly.box, 1)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(4)
        controls = QHBoxLayout()
        stack_label = QLabel(tr("Stack &by:"))
        self.stack_combo = QComboBox()
        for key, text in STACKS:
            self.stack_combo.addItem(tr(text), key)
        stack_label.setBuddy(self.stack_combo)
        self.stack_combo.currentIndexChanged.connect(lambda _i: self.set_stack_by(self.stack_combo.currentData()))
        controls.addWidget(stack_label)
        controls.addWidget(self.stack_combo)
        controls.addSpacing(16)
        revenue_label = QLabel(tr("&Revenue per year (USD billions):"))
        self.revenue_edit = QLineEdit()
        self.revenue_edit.setObjectName("revenue")
        self.revenue_edit.setPlaceholderText(tr("none"))
        self.revenue_edit.setMaximumWidth(110)
        self.revenue_edit.setToolTip(tr("Revenue per year to compare with the yearly commitments, in USD billions "
                                        "(e.g. 13 or 13.5); empty: no line"))
        revenue_label.setBuddy(self.revenue_edit)
        self.revenue_edit.editingFinished.connect(self._revenue_entered)
        self.revenue_edit.textEdited.connect(self._revenue_typed)
        controls.addWidget(revenue_label)
        controls.addWidget(self.revenue_edit)
        self.revenue_problem = QLabel()
        self.revenue_problem.setStyleSheet(f"color: {self.theme.bad};")
        self.revenue_problem.setVisible(False)
        controls.addWidget(self.revenue_problem)
        controls.addStretch(1)
        right_layout.addLayout(controls)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(tr("Legend"))
        right_layout.addWidget(self.legend)
        grid = QGridLayout()
        grid.setSpacing(4)
        self.charts: dict[str, StackedChart] = {}
        for i, (key, series, title) in enumerate(TIME_CHARTS):
            chart = StackedChart(key, series, title, self.theme)
            self.charts[key] = chart
            grid.addWidget(chart.box, i // 2, i % 2)
        for col in range(2):
            grid.setColumnStretch(col, 1)
        right_layout.addLayout(grid, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self._table_width(), 800])
        self.splitter = splitter
        outer.addWidget(splitter, 1)
        self.setCentralWidget(central)
        notes = tr(self.portfolio.notes) if self.portfolio.notes else ""
        self.name_label.setText(f"<b>{html.escape(tr(self.portfolio.name))}</b>")
        if notes or self.portfolio.sources:
            tip = notes + ("\n\n" + tr("Sources:") + "\n" + "\n".join(f"• {s}" for s in self.portfolio.sources)
                           if self.portfolio.sources else "")
            self.name_label.setToolTip(f"<p style='white-space:pre-wrap'>{html.escape(tip)}</p>")

    def _table_width(self) -> int:
        """The member table's width with every column shown (no horizontal scrolling)."""
        header = self.table.horizontalHeader()
        return sum(header.sectionSize(c) for c in range(self.table.columnCount())) + 2 * self.table.frameWidth() + 8

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_sized", False):
            self._sized = True
            width = min(self._table_width(), int(self.width() * 0.55))
            self.splitter.setSizes([width, max(self.width() - width, 1)])
            QTimer.singleShot(0, self._draw_charts)  # the year ticks for the charts' shown widths

    # ------------------------------------------------------------------------------------ drawing
    def _dragging(self) -> bool:
        document = getattr(self.main, "document", None) if self.main is not None else None
        return bool(self.editing is not None and getattr(document, "dragging", False))

    def refresh(self) -> None:
        """Evaluate the portfolio (through the cache: only changed members are evaluated) and show it.
        A drag step in the main window leaves the member table as it is; the full refresh follows
        when the drag settles (its end, or 150 ms after the last step)."""
        self.projection = evaluate_portfolio(self.portfolio, self.catalog, self.cache)
        self._currency = fmt.currency()
        light = self._dragging() and self.editing in self.portfolio.labels
        if light:  # the member table (its setText re-measures every column) waits for the drag's end
            self._settle.start()
        else:
            self._settle.stop()
            self._fill_table()
        self._light = light
        self._fill_cards()
        self._draw_charts()
        if self.isWindowModified() != self.modified:  # (each call re-sets the window's title)
            self.setWindowModified(self.modified)
        self.refreshes += 1
        self.refreshed.emit()

    def _settled(self) -> None:
        """The drag ended: show everything as a fresh refresh would. Paused (the slider held still):
        the edited member's row shows its figures, beside the cards that already do."""
        if self._dragging():
            if self._light and self.editing in self.portfolio.labels:
                self._fill_table(only=self.editing)
            self._settle.start()  # still held: look again later
            return
        if self._light:
            self.flush()
            self.refresh()

    def _drag_finished(self) -> None:
        self.flush()  # the drag's last value at once
        if self._light:
            self._settle.stop()
            QTimer.singleShot(0, self._settled)  # after the main window's end of the drag

    def _fill_table(self, only: str | None = None) -> None:
        table = self.table
        selected = self.selected_label()
        table.blockSignals(True)
        if table.rowCount() != len(self.portfolio.members):
            table.setRowCount(len(self.portfolio.members))
        muted = QColor(self.theme.muted)
        foreground = QColor(self.theme.foreground)
        for row, member in enumerate(self.portfolio.members):
            if only is not None and member.label != only:
                continue
            try:
                r = self.cache.member(member.scenario, self.catalog)
                cells = [member.label, provider_label(member.provider), month_label(r.start_index),
                         tr("{n} months").format(n=r.term_months), fmt.count_shown(r.gpus_peak),
                         fmt.power(r.facility_power_peak_mw), fmt.money(r.cost_total_usd)]
            except ExplorerError as exc:
                cells = [member.label, provider_label(member.provider)] + ["–"] * 5
                cells[2] = str(exc)
            for col, text in enumerate(cells):
                item = table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    if col >= 3:
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(row, col, item)
                if item.text() != text:
                    item.setText(text)
                # each setter below notifies the view even when nothing changes: set only what differs
                if col == 0:
                    flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                             | Qt.ItemFlag.ItemIsUserCheckable)
                    if item.flags() != flags:
                        item.setFlags(flags)
                    check = Qt.CheckState.Checked if member.enabled else Qt.CheckState.Unchecked
                    # (a new item reads Unchecked but has no check box until its state is set)
                    if item.data(Qt.ItemDataRole.CheckStateRole) is None or item.checkState() != check:
                        item.setCheckState(check)
                    if item.data(Qt.ItemDataRole.UserRole) != member.label:
                        item.setData(Qt.ItemDataRole.UserRole, member.label)
                    tip = plain_tip(tr("Switch '{label}' on or off (Space); Ctrl+Z undoes it").format(
                        label=member.label))  # (a label from a file is text, not markup)
                    if item.toolTip() != tip:
                        item.setToolTip(tip)
                    font = item.font()
                    if font.bold() != (member.label == self.editing):
                        font.setBold(member.label == self.editing)
                        item.setFont(font)
                colour = foreground if member.enabled else muted
                if item.foreground().color() != colour or item.data(Qt.ItemDataRole.ForegroundRole) is None:
                    item.setForeground(colour)
        rows = min(table.rowCount(), 12)  # every member in view (beyond 12 the table scrolls)
        height = (table.horizontalHeader().sizeHint().height() + rows * table.verticalHeader().defaultSectionSize()
                  + 2 * table.frameWidth() + 2)
        if table.height() != height:
            table.setFixedHeight(height)
        if selected is not None and selected in self.portfolio.labels and \
                self.selected_label() != selected:
            table.selectRow(self.portfolio.labels.index(selected))
        table.blockSignals(False)

    def _fill_cards(self) -> None:
        for key, (value, detail) in figure_texts(self.portfolio, self.projection).items():
            self.cards[key].show_value(value, detail)

    def view(self) -> PortfolioView:
        """What the charts draw now (ui/portfolio/charts.py: the same pipeline draws the pictures)."""
        return PortfolioView(self.portfolio, self.projection, self.stack_by, self.revenue_usd)

    def _draw_charts(self) -> None:
        hold = self._dragging()  # while a member's slider is held the axes only grow; else they fit
        for chart in [*self.charts.values(), self.yearly]:
            chart.hold = hold
        entries = draw_charts(self.charts, self.yearly, self.view())
        glyphs = {"area": "■", "dash": "╌╌"}  # (a hyphen before a no-break space may still break)
        self.legend.setText("&nbsp;&nbsp; ".join(  # (an entry never breaks inside: 'per year' not alone on a line)
            f"<span style='color:{colour or self.theme.foreground}'>{glyphs[kind]}</span>&nbsp;"
            f"{html.escape(text).replace(' ', '&nbsp;')}" for colour, text, kind in entries))

    # ------------------------------------------------------------------------------------ choices
    def set_stack_by(self, by: str) -> None:
        if by not in dict(STACKS) or by == self.stack_by:
            return
        self.stack_by = by
        index = self.stack_combo.findData(by)
        if index != self.stack_combo.currentIndex():
            self.stack_combo.blockSignals(True)
            self.stack_combo.setCurrentIndex(index)
            self.stack_combo.blockSignals(False)
        self._draw_charts()

    def _revenue_typed(self, _text: str) -> None:
        self._show_revenue_problem("")

    def _revenue_entered(self) -> None:
        text = self.revenue_edit.text().strip()
        if not text:
            self.revenue_usd = None
            self._show_revenue_problem("")
            self._draw_charts()
            return
        try:
            value = fmt.parse_number(text)
        except ValueError:
            self._show_revenue_problem(tr("'{text}' is not a number: type USD billions per year, e.g. 13.5").format(
                text=text))
            return
        scale = revenue_scale()
        if not (0 <= value * scale <= 1e15):
            self._show_revenue_problem(tr("Revenue per year must be between 0 and 1,000,000 USD billions"))
            return
        self.revenue_usd = value * scale
        self._show_revenue_problem("")
        self._draw_charts()

    def _show_revenue_problem(self, problem: str) -> None:
        self.revenue_edit.setProperty("invalid", bool(problem))
        self.revenue_edit.setStyleSheet(f"QLineEdit {{ border: 2px solid {self.theme.bad}; }}" if problem else "")
        self.revenue_edit.setToolTip(problem or tr("Revenue per year to compare with the yearly commitments, in "
                                                   "USD billions (e.g. 13 or 13.5); empty: no line"))
        self.revenue_problem.setText(problem)
        self.revenue_problem.setVisible(bool(problem))

    # ------------------------------------------------------------------------------------ members
    def selected_label(self) -> str | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _selection_changed(self) -> None:
        selected = self.selected_label() is not None
        self.edit_button.setEnabled(self.main is not None and selected)
        removable = selected and len(self.portfolio.members) > 1  # (a portfolio keeps one member at least)
        self.remove_button.setEnabled(removable)
        self.actions["remove"].setEnabled(removable)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        label = item.data(Qt.ItemDataRole.UserRole)
        enabled = item.checkState() == Qt.CheckState.Checked
        if label in self.portfolio.labels and self.portfolio.member(label).enabled != enabled:
            self.toggle(label, enabled)

    def toggle(self, label: str, enabled: bool | None = None) -> None:
        """Switch a member on or off: one undoable step."""
        member = self.portfolio.member(label)
        enabled = (not member.enabled) if enabled is None else bool(enabled)
        if enabled != member.enabled:
            self.undo_stack.push(ToggleMember(self, label, enabled))

    def _set_enabled(self, label: str, enabled: bool) -> None:
        self.portfolio = self.portfolio.toggled(label, enabled)
        self.refresh()

    # ------------------------------------------------------------------------------------ editing
    def edit_selected(self) -> bool:
        label = self.selected_label()
        return self.edit_member(label) if label is not None else False

    def edit_member(self, label: str) -> bool:
        """Open the member's scenario as the main window's current scenario (after asking about
        unsaved changes there); the portfolio follows the main window's edits from then on."""
        if self.main is None or label not in self.portfolio.labels:
            return False
        if not self.main.files.maybe_keep_changes():
            return False
        self._stop_following()
        self.editing = label
        self._loaded = self.portfolio.member(label).scenario
        self.main.document.load(self._loaded, None)
        self.main.document.scenarioChanged.connect(self._main_changed)
        display = getattr(self.main, "display", None)
        if display is not None:
            display.refreshed.connect(self._main_refreshed)
        panel = getattr(self.main, "panel", None)
        if panel is not None and hasattr(panel, "dragFinished"):
            panel.dragFinished.connect(self._drag_finished)
        self._following = True
        self.editing_label.setText(tr("Editing '{label}' in the main window: the portfolio follows its "
                                      "changes.").format(label=label))
        self.editing_label.setVisible(True)
        self._fill_table()
        self.main.raise_()
        self.main.activateWindow()
        return True

    def _main_changed(self, scenario) -> None:
        if self.editing is None:
            return
        document = self.main.document
        # Something else was opened in the main window (a file, a preset, New: a new baseline), or the
        # member was saved as a file of its own: stop following.
        if document.baseline is not self._loaded:
            self._stop_following()
            self._fill_table()
            return
        self._pending = scenario
        if not self._timer.isActive():
            wait = 0.0
            if self._dragging():
                wait = self.follow_interval_s - (time.perf_counter() - self._applied)
            self._timer.start(max(0, int(wait * 1000)))

    def _main_refreshed(self) -> None:
        """The main window drew a step: a repaint held since the step before is released with it, and
        a follow that waited out the step before looks again (_apply_pending: it goes unless this
        step is taken too)."""
        steps = self.main.display.steps
        if self._paint_step is not None and steps > self._paint_step:
            self._release_paint()
            self._painted_step = steps
        if self._wait_step is not None and self._pending is not None and steps > self._wait_step:
            self._timer.start(0)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and self._paint_step is not None:
            self._paint_due = True  # painted with the main window's next step (_release_paint)
            return True
        return super().event(event)

    def _hold_paint(self, display) -> None:
        """This step carried the follow's figures: its repaint goes with the main window's next step,
        which leaves its bands for the one after."""
        self._paint_step = display.steps
        display.hold_analyses(firm=True)
        self._paint_timer.start()

    def _release_paint(self) -> None:
        self._paint_timer.stop()
        if self._paint_step is None:
            return
        self._paint_step = None
        if self._paint_due:  # Qt sends none of its own while the one it sent is unanswered
            self._paint_due = False
            self.held_repaints += 1
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.UpdateRequest), Qt.EventPriority.LowEventPriority.value)

    def _apply_pending(self, now: bool = False) -> None:
        display = getattr(self.main, "display", None)
        if not now and self._dragging() and self._pending is not None and display is not None and \
                self._wait_step != display.steps and \
                (display.drew_analyses() or self._painted_step == display.steps or self._paint_step is not None):
            # The main window's step carries its bands and tornado (up to 25 a second, as this
            # window's follow), or this window's repaint: follow with the next step, and ask that
            # step to leave its bands for the one after (Display grants it unless they waited a
            # step already; the follow then waits once more); if no step comes (the slider held
            # still), follow after STEP_WAIT_MS (still the step it waited on: it goes).
            self._wait_step = display.steps
            display.hold_analyses()
            self._timer.start(STEP_WAIT_MS)
            return
        self._wait_step = None
        self._applied = time.perf_counter()
        scenario, self._pending = self._pending, None
        if scenario is None or self.editing is None:
            return
        updated = self.portfolio.with_scenario(self.editing, scenario)
        if updated.member(self.editing) is self.portfolio.member(self.editing):
            return
        evaluated = getattr(display, "evaluated", None)
        if evaluated is not None and evaluated[0] is scenario and evaluated[1] is self.catalog:
            self.cache.remember(scenario, self.catalog, display.projection)  # the main window's evaluation
        self.portfolio = updated
        self.refresh()
        self._work_changed()  # (the main window's recovery file may have been written before this step)
        if not now and display is not None and self._dragging():
            self._hold_paint(display)

    def flush(self) -> None:
        """Apply a pending change from the main window now, and let a held repaint go (tests,
        benchmarks and the drag's end)."""
        if self._timer.isActive():
            self._timer.stop()
            self._apply_pending(now=True)
        self._release_paint()

    def _stop_following(self) -> None:
        if self._following and self.main is not None:
            try:
                self.main.document.scenarioChanged.disconnect(self._main_changed)
            except (RuntimeError, TypeError):
                pass
            display = getattr(self.main, "display", None)
            if display is not None:
                try:
                    display.refreshed.disconnect(self._main_refreshed)
                except (RuntimeError, TypeError):
                    pass
            panel = getattr(self.main, "panel", None)
            if panel is not None and hasattr(panel, "dragFinished"):
                try:
                    panel.dragFinished.disconnect(self._drag_finished)
                except (RuntimeError, TypeError):
                    pass
        self._following = False
        self._timer.stop()
        self._pending = None
        self._wait_step = None
        self._release_paint()
        self.editing = None
        self.editing_label.setVisible(False)

    # ------------------------------------------------------------------------------------ members
    def _set_portfolio(self, portfolio: Portfolio) -> None:
        if self.editing is not None and self.editing not in portfolio.labels:
            self._stop_following()  # the member followed from the main window was removed
        self.portfolio = portfolio
        self.refresh()
        self._selection_changed()

    def add_current(self) -> bool:
        """Add the main window's scenario, as it is now, as an embedded member (asks for its label
        and provider; undoable)."""
        if self.main is None:
            return False
        scenario = self.main.document.scenario
        name = tr(scenario.name) or tr("Scenario")
        taken = self.portfolio.labels
        suggested, n = name[:60].strip(), 2
        while suggested.casefold() in {t.casefold() for t in taken}:
            suggested, n = f"{name[:56].strip()} {n}", n + 1
        answer = self.dialogs.new_member(name, taken, suggested)
        if not answer:
            return False
        label, provider = answer
        try:
            after = self.portfolio.added(Member(label, provider, True, "scenario", "", scenario))
            evaluate_portfolio(after.replace(members=after.members[-1:]), self.catalog, self.cache)
        except ExplorerError as exc:
            self.dialogs.error(tr("Cannot add to the portfolio"), str(exc))
            return False
        self.undo_stack.push(AddOrRemoveMember(self, after.members[-1], len(after.members) - 1, True,
                                               tr("Add '{label}'").format(label=label)))
        return True

    def remove_selected(self) -> bool:
        label = self.selected_label()
        if label is None or len(self.portfolio.members) < 2:
            return False
        self.undo_stack.push(AddOrRemoveMember(self, self.portfolio.member(label), self.portfolio.labels.index(label),
                                               False, tr("Remove '{label}'").format(label=label)))
        return True

    def set_theme(self, theme: Theme) -> None:
        """The main window's theme was switched: the cards, charts and notes follow (Qt's own widgets
        follow the application's palette)."""
        self.theme = theme
        for card in self.cards.values():
            card.set_style(theme)
        self.editing_label.setStyleSheet(f"color: {theme.muted};")
        self.revenue_problem.setStyleSheet(f"color: {theme.bad};")
        for chart in [*self.charts.values(), self.yearly]:
            chart.set_theme(theme)
        self._draw_charts()

    def set_catalog(self, catalog) -> bool:
        """The main window's chip catalog changed: every member is evaluated with it (a fresh cache).
        A member the new catalog cannot evaluate keeps the portfolio on the earlier one, with the
        reason in the status bar (False)."""
        try:
            cache = _evaluated_all(self.portfolio, catalog)
        except ExplorerError as exc:
            self.statusBar().showMessage(tr("The portfolio keeps the earlier chip catalog: {problem}").format(
                problem=exc))
            return False
        self.catalog, self.cache = catalog, cache
        self.refresh()
        return True

    # ------------------------------------------------------------------------------------ files
    @property
    def modified(self) -> bool:
        """True when the portfolio differs from the one opened or saved."""
        return self.portfolio is not self._saved and self.portfolio != self._saved

    def _shipped(self, path: Path | None) -> bool:
        try:
            return path is not None and Path(path).resolve().parent == portfolios_dir().resolve()
        except OSError:
            return False

    def save(self) -> bool:
        """Save to the file it came from; a shipped portfolio (or a new one) asks where."""
        if self.path is None or self._shipped(self.path):
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        folders = getattr(getattr(self.main, "files", None), "folders", None)
        folder = folders.get("save") if folders is not None else Path.home()
        stem = re.sub(r"[^\w\-]+", "-", tr(self.portfolio.name)).strip("-")[:60] or "portfolio"
        suggested = self.path if self.path is not None and not self._shipped(self.path) else Path(folder) / f"{stem}.json"
        path = self.dialogs.save_path(tr("Save portfolio as"), str(suggested), tr(PORTFOLIO_FILTER))
        if not path:
            return False
        if folders is not None:
            folders.remember("save", path)
        if not path.lower().endswith(".json"):
            path += ".json"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        if self._shipped(path):
            self.dialogs.error(tr("Cannot save portfolio"), tr("{file} is one of the shipped portfolios, which stay as "
                                                               "they are: choose another folder.").format(file=path.name))
            return False
        try:
            saved = save_portfolio(self.portfolio, path)
        except (ExplorerError, OSError) as exc:
            self.dialogs.error(tr("Cannot save portfolio"), str(exc))
            return False
        self.portfolio = self._saved = saved
        self.path = Path(path).resolve()
        settings = getattr(self.main, "settings", None)
        if settings is not None:
            settings.add_recent(str(path))
        self.statusBar().showMessage(tr("Saved {file}").format(file=Path(path).name), 6000)
        self.setWindowModified(False)
        self._work_changed(now=True)  # saved: nothing of it to recover
        return True

    def export(self, kind: str, path: str | None = None) -> Path | None:
        """Write the members switched on as an Excel workbook ('xlsx'), a PowerPoint deck ('pptx', with
        the revenue line) or the PDF report ('pdf', with the stacking and the revenue line), as the
        command line's export, slides and report write it; asks where unless ``path`` is given. A
        failure is a message naming the reason, and nothing is written."""
        from explorer.portfolio_tables import evaluate_for_export, write_portfolio_xlsx

        from ..render.portfolio import write_portfolio_report
        from ..render.portfolio_slides import write_portfolio_slides

        filters = {"xlsx": tr("Excel workbooks (*.xlsx)"), "pptx": tr("PowerPoint decks (*.pptx)"),
                   "pdf": tr("PDF files (*.pdf)")}
        if path is None:
            folders = getattr(getattr(self.main, "files", None), "folders", None)
            folder = folders.get("export") if folders is not None else Path.home()
            stem = re.sub(r"[^\w\-]+", "-", tr(self.portfolio.name)).strip("-")[:60] or "portfolio"
            path = self.dialogs.save_path(tr("Export the portfolio"), str(Path(folder) / f"{stem}.{kind}"),
                                          filters[kind])
            if not path:
                return None
            if folders is not None:
                folders.remember("export", path)
        if not path.lower().endswith("." + kind):
            path += "." + kind
        view = getattr(self.main, "display", None)
        fiscal = bool(getattr(getattr(view, "view", None), "fiscal_years", False))
        try:
            if kind == "pdf":
                written = write_portfolio_report(path, self.view(), self.catalog, self.cache)
            elif kind == "pptx":
                written = write_portfolio_slides(path, evaluate_for_export(self.portfolio, self.catalog),
                                                 revenue_usd=self.revenue_usd)
            else:
                written = write_portfolio_xlsx(evaluate_for_export(self.portfolio, self.catalog), path,
                                               fiscal_years=fiscal)[0]
        except (ExplorerError, OSError) as exc:
            self.dialogs.error(tr("Cannot export the portfolio"), str(exc))
            return None
        self.statusBar().showMessage(tr("Wrote {file}").format(file=Path(written).name), 8000)
        return Path(written)

    def maybe_keep_changes(self) -> bool:
        """True when the window may close: nothing unsaved, or saved, or discarded."""
        if not self.modified:
            return True
        answer = self.dialogs.ask_save_changes(tr(self.portfolio.name))
        if answer == "save":
            return self.save()
        if answer == "discard":
            self.discard_changes()  # (asked once: closing after this does not ask again)
            return True
        return False

    def discard_changes(self) -> None:
        """Let the window close without asking: the changes since the last save are let go (the
        benchmarks and scripts that close it)."""
        self._saved = self.portfolio
        self.setWindowModified(False)
        self._work_changed(now=True)

    # ------------------------------------------------------------------------------------ recovery
    def recovery_state(self) -> dict | None:
        """The unsaved portfolio as the main window's crash-recovery file keeps it (None when there
        is nothing unsaved): as shown and as opened or saved (portfolio files' JSON, its file members'
        paths relative to its folder) and its file."""
        if not self.modified:
            return None
        saved = self.__dict__.get("_saved_json")
        if saved is None or saved[0] is not self._saved:  # (changes with a save or a discard only)
            saved = self._saved_json = (self._saved, portfolio_to_json(self._saved))
        return {"portfolio": portfolio_to_json(self.portfolio), "saved": saved[1],
                "path": str(self.path) if self.path is not None else ""}

    def _work_changed(self, *_args, now: bool = False) -> None:
        """A change, undo, save or discard: the main window's recovery file follows (at once for a
        save or a discard, else debounced, as for the scenario's edits)."""
        recovery = getattr(self.main, "recovery", None)
        if recovery is None or getattr(self.main, "portfolio_window", None) is not self:
            return
        if now:
            recovery.save_now()
        else:
            recovery.touch()

    # ------------------------------------------------------------------------------------ events
    def eventFilter(self, watched, event) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and not event.modifiers():
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_selected()
                return True
            current = self.table.currentItem()
            if event.key() == Qt.Key.Key_Space and current is not None and current.column() != 0:
                # Space switches the focused row's member from any of its cells (the table itself
                # toggles only the check box's cell)
                label = self.table.item(current.row(), 0).data(Qt.ItemDataRole.UserRole)
                if label in self.portfolio.labels:
                    self.toggle(label)
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() \
                and fmt.currency() != self._currency:
            self.refresh()  # the currency was changed in the main window

    def closeEvent(self, event) -> None:
        if not self.maybe_keep_changes():
            event.ignore()
            return
        self._stop_following()
        super().closeEvent(event)


# ---------------------------------------------------------------------------------------- opening
def open_portfolio(main, path_or_key) -> PortfolioWindow | None:
    """Open a portfolio file or a shipped portfolio (by key) in a new portfolio window beside ``main``.
    A bad file gets an error dialog naming the problem, and nothing else changes (None)."""
    catalog = main.catalog
    try:
        portfolio = resolve_portfolio(str(path_or_key), catalog)
        cache = _evaluated_all(portfolio, catalog)
    except (ExplorerError, OSError) as exc:
        main.dialogs.error(tr("Cannot open portfolio"), str(exc))
        return None
    path = Path(str(path_or_key))
    return _show(main, portfolio, catalog, cache, path.resolve() if path.exists() else None)


def _evaluated_all(portfolio: Portfolio, catalog) -> PortfolioCache:
    """A cache with every member evaluated once (the switched-off ones too, for the member table): a
    member that cannot be evaluated is named now (ExplorerError), not when it is switched on."""
    cache = PortfolioCache()
    everyone = portfolio.replace(members=tuple(m.replace(enabled=True) for m in portfolio.members))
    evaluate_portfolio(everyone, catalog, cache)
    return cache


def _show(main, portfolio: Portfolio, catalog, cache: PortfolioCache, path: Path | None,
          saved: Portfolio | None = None) -> PortfolioWindow | None:
    """``portfolio`` in a new portfolio window beside ``main`` (the old one closed first, asked about
    its changes: None when they are kept); ``saved``: the portfolio as its file holds it, when that
    differs (recovered work)."""
    old = getattr(main, "portfolio_window", None)
    if old is not None and not old.close():  # (its unsaved changes kept: Cancel)
        return None
    window = PortfolioWindow(portfolio, main, catalog, cache, path=path, parent=main)
    window.setWindowFlag(Qt.WindowType.Window, True)
    main.portfolio_window = window
    if saved is not None and saved != portfolio:
        window._saved = saved
        window.setWindowModified(True)
    window.show()
    return window


def read_recovered(state: dict, catalog) -> tuple[Portfolio, Portfolio, Path | None, PortfolioCache]:
    """(the portfolio as shown, as its file holds it, its file, its members evaluated) of a recovery
    file's portfolio (PortfolioWindow.recovery_state); file members are read from their files.
    Raises ExplorerError (naming the member) or OSError."""
    path = Path(state["path"]) if state.get("path") else None
    folder = path.parent if path is not None else None
    shown = portfolio_from_json(state["portfolio"], folder, catalog)
    saved = portfolio_from_json(state["saved"], folder, catalog)
    return shown, saved, path, _evaluated_all(shown, catalog)


def open_recovered(main, shown: Portfolio, saved: Portfolio, path: Path | None,
                   cache: PortfolioCache) -> PortfolioWindow | None:
    """Recovered work (read_recovered) in the portfolio window: as it was shown, marked unsaved
    against its file."""
    return _show(main, shown, main.catalog, cache, path, saved)


def open_portfolio_dialog(main) -> PortfolioWindow | None:
    """Compare ▸ Open a portfolio…: a file dialog that starts in the shipped portfolios' folder."""
    folder = portfolios_dir()
    path = main.dialogs.open_path(tr("Open portfolio"), str(folder if folder.is_dir() else Path.home()),
                                  tr(PORTFOLIO_FILTER))
    if not path:
        return None
    window = open_portfolio(main, path)
    settings = getattr(main, "settings", None)
    if window is not None and settings is not None:
        settings.add_recent(str(path))  # (File ▸ Open Recent opens it in the portfolio window again)
    return window
