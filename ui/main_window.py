"""The main window: layout and wiring only.

Controls on the left, the KPI strip, the comparison table and the charts on the right; menus,
toolbar and shortcuts come from one table of actions (``ACTIONS``). The jobs live elsewhere:

- ``controllers.display``      what every view shows, and when (the one refresh)
- ``controllers.files``        new, open, recent, presets, save
- ``controllers.comparison``   pin, add, clear compared scenarios
- ``controllers.presentation`` the slides of presentation mode (this window changes its chrome)
- ``controllers.exports``      chart pictures, the report, CSV/Excel data
- ``controllers.catalog``      the chip catalog
- ``controllers.fit``          fit to budget
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QActionGroup, QCloseEvent, QFont, QFontMetricsF, QGuiApplication, QKeySequence,
                           QShortcut)
from PySide6.QtWidgets import (QApplication, QGridLayout, QLabel, QMainWindow, QMenu, QScrollArea, QSizePolicy,
                               QSplitter, QStackedWidget, QToolBar, QToolButton, QVBoxLayout, QWidget)

from explorer.catalog import Catalog, builtin_catalog
from explorer.errors import clip
from explorer import formatting as fmt
from explorer.i18n import LANGUAGES, QT_TR_NOOP, language, tr
from explorer.portfolio import list_portfolios
from explorer.presets import preset_groups
from explorer.scenario import Scenario
from explorer.scenario_file import scenario_to_json

from . import theme as themes
from .analyses import AnalysisRunner
from .charts import CHART_TYPES, Chart
from .controllers.catalog import CatalogController
from .controllers.comparison import ComparisonController
from .controllers.display import Display
from .controllers.exports import ExportsController
from .controllers.files import FilesController
from .controllers.fit import FitController
from .controllers.presentation import PresentationController
from .controllers.recovery import Recovery
from .controllers.status import Status
from .dialogs import MESSAGE_LIMIT, Dialogs
from .document import ScenarioDocument
from .settings import Settings
from .state.comparison import Comparison
from .state.view import ECONOMICS_VIEWS, ViewOptions
from .widgets.comparison_table import ComparisonTable
from .widgets.kpi_strip import KpiStrip
from .widgets.panel import ControlPanel
from .widgets.tooltips import plain_tip

APP_NAME = "Compute Scenario Explorer"


@dataclass(frozen=True)
class Action:
    """One menu entry. ``slot`` names a method of the window's parts ('files.open_dialog'), with
    its arguments after it; ``key`` names the QAction in ``window.actions``."""

    key: str
    menu: str  # "&File", or a submenu "&File/Export &data"
    text: str
    slot: tuple
    shortcut: object = None
    tip: str = ""
    checkable: bool = False
    toolbar: bool = False


SEPARATOR = "-"
ACTIONS = (
    Action("new", "&File", QT_TR_NOOP("&New"), ("files.new_scenario",), QKeySequence.StandardKey.New,
           toolbar=True),
    Action("open", "&File", QT_TR_NOOP("&Open…"), ("files.open_dialog",), QKeySequence.StandardKey.Open,
           toolbar=True),
    "@recent", "@presets", SEPARATOR,
    Action("save", "&File", QT_TR_NOOP("&Save"), ("files.save",), QKeySequence.StandardKey.Save, toolbar=True),
    Action("save_as", "&File", QT_TR_NOOP("Save &As…"), ("files.save_as",), QKeySequence.StandardKey.SaveAs),
    SEPARATOR,
    Action("export_charts", "&File", QT_TR_NOOP("Export &charts…"), ("exports.export_chart_dialog",), "Ctrl+E"),
    Action("report", "&File", QT_TR_NOOP("Export one-page repor&t (PDF)…"), ("exports.export_report_dialog",),
           "Ctrl+R"),
    Action("slides", "&File", QT_TR_NOOP("Export s&lides (PowerPoint)…"), ("exports.export_slides_dialog",)),
    Action("export_csv", "&File/Export &data", QT_TR_NOOP("Monthly projection as &CSV…"),
           ("exports.export_data", "csv")),
    Action("export_xlsx", "&File/Export &data", QT_TR_NOOP("Monthly projection as &Excel…"),
           ("exports.export_data", "xlsx")),
    SEPARATOR,
    Action("quit", "&File", QT_TR_NOOP("&Quit"), ("close",), QKeySequence.StandardKey.Quit),
    "@undo",
    Action("present", "&View", QT_TR_NOOP("&Presentation mode"), ("presentation.toggle",), Qt.Key.Key_F11,
           tip=QT_TR_NOOP("Full screen, large type, high contrast; ←/→ step through scenarios; Esc leaves (F11)")),
    Action("bands", "&View", QT_TR_NOOP("Uncertainty &bands"), ("toggle_bands",), checkable=True,
           tip=QT_TR_NOOP("P10–P90 and P25–P75 bands and KPI ranges from the scenario's ranges")),
    Action("fiscal_years", "&View", QT_TR_NOOP("&Fiscal years (April–March)"), ("toggle_fiscal_years",),
           checkable=True, tip=QT_TR_NOOP("Group yearly figures (the energy bars, the Excel Yearly sheet) by the "
                                          "Japanese fiscal year, 年度: April to March")),
    SEPARATOR, "@theme", "@language",
    Action("currency", "&View", QT_TR_NOOP("C&urrency and exchange rate…"), ("choose_currency",),
           tip=QT_TR_NOOP("Show figures in US dollars or in yen, at a dated exchange rate")),
    Action("pin", "C&ompare", QT_TR_NOOP("&Pin the current scenario as baseline"), ("compare.pin",), "Ctrl+B"),
    Action("compare_file", "C&ompare", QT_TR_NOOP("&Add a scenario file…"), ("compare.add_file_dialog",)),
    "@compare_presets",
    Action("compare_clear", "C&ompare", QT_TR_NOOP("&Clear the comparison"), ("compare.clear",)),
    Action("portfolio", "C&ompare/P&ortfolio", QT_TR_NOOP("&Open a portfolio file…"), ("open_portfolio_dialog",),
           tip=QT_TR_NOOP("Several deals added into one fleet: stacked by member, provider or chip family, with "
                          "concentration and yearly commitments")),
    "@portfolios",
    Action("fit", "&Tools", QT_TR_NOOP("&Fit to budget…"), ("fit.open_dialog",), "Ctrl+Shift+F"),
    Action("catalog_load", "&Chips", QT_TR_NOOP("&Load catalog…"), ("catalogs.load_dialog",)),
    Action("catalog_builtin", "&Chips", QT_TR_NOOP("Use the &built-in catalog"), ("catalogs.use_builtin",)),
    Action("help_model", "&Help", QT_TR_NOOP("&Model and sources"), ("show_model_help",)),
    Action("about", "&Help", QT_TR_NOOP("&About"), ("show_about",)),
)
# The menus' titles, each part of a menu path above ("&File/Export &data"): the paths stay the keys of
# ``window.menus``; each part is translated where the menu is made.
MENU_TITLES = (QT_TR_NOOP("&File"), QT_TR_NOOP("&Edit"), QT_TR_NOOP("&View"), QT_TR_NOOP("C&ompare"),
               QT_TR_NOOP("&Tools"), QT_TR_NOOP("&Chips"), QT_TR_NOOP("&Help"), QT_TR_NOOP("Export &data"),
               QT_TR_NOOP("Open &Recent"), QT_TR_NOOP("&Presets"), QT_TR_NOOP("P&ortfolio"), QT_TR_NOOP("Add a p&reset"),
               QT_TR_NOOP("&Theme"), QT_TR_NOOP("&Language"))
THEME_TITLES = {"system": QT_TR_NOOP("Follow the system"), "light": QT_TR_NOOP("Light"), "dark": QT_TR_NOOP("Dark")}
# Keys that step through the slides; they work only while presenting (elsewhere the arrows belong to
# the sliders).
PRESENT_KEYS = ((Qt.Key.Key_Right, 1), (Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Space, 1),
                (Qt.Key.Key_Left, -1), (Qt.Key.Key_PageUp, -1), (Qt.Key.Key_Backspace, -1))
CHART_GRID = (("capacity", "power", "economics"), ("cost", "cumulative", "tornado"))
STATUS_LIMIT = 300  # characters the status line shows (the whole message, up to MESSAGE_LIMIT, in its tooltip)
MINIMUM_SIZE = (1000, 600)  # the smallest window whose controls, figures and charts stay legible


log = logging.getLogger("scenario_explorer")


class MainWindow(QMainWindow):
    refreshed = Signal()  # after every shown view shows the current scenario
    replaced = Signal(object)  # a language switch rebuilt the window: the new MainWindow

    def __init__(self, settings: Settings, catalog: Catalog | None = None, dialogs: Dialogs | None = None,
                 scenario: Scenario | None = None, path: Path | None = None, modified_from: Scenario | None = None,
                 runner: AnalysisRunner | None = None, recovery_folder: Path | None = None,
                 document: ScenarioDocument | None = None, comparison: Comparison | None = None):
        """``document`` and ``comparison``: carry on with another window's (a language switch
        rebuilds the window around them: the scenario, its file and its whole undo history stay)."""
        super().__init__()
        self.settings = settings
        self._own_dialogs = dialogs is None
        self.dialogs = dialogs or Dialogs(self)
        adopted = document is not None
        self.document = document or ScenarioDocument(parent=self)
        self.document.setParent(self)
        self.status = Status(self)
        self.comparison_state = comparison or Comparison()
        self.theme = themes.LIGHT
        self._theme_choice = "system"

        # the parts
        self.catalogs = CatalogController(catalog or builtin_catalog(), self.document, self.comparison_state,
                                          settings, self.dialogs, self.status, parent=self)
        self.panel = ControlPanel(self.catalog)
        self.kpis = KpiStrip()
        self.charts: dict[str, Chart] = {cls.name: cls() for cls in CHART_TYPES}
        self.table = ComparisonTable()
        self.display = Display(self.document, self.charts, self.kpis, self.table, self.catalog,
                               self.comparison_state, self.status, runner=runner or AnalysisRunner(parent=self),
                               view=ViewOptions.from_dict(_json(settings.value("view/options", ""))), parent=self)
        self.files = FilesController(self.document, settings, self.dialogs, self.status, lambda: self.catalog,
                                     [path.resolve()] if path else [],
                                     open_portfolio=lambda p: self.open_portfolio(p) is not None, parent=self)
        self.compare = ComparisonController(self.comparison_state, self.dialogs, self.status, lambda: self.catalog,
                                            self.display.shown_scenario, self.files.folders, parent=self)
        self.presentation = PresentationController(self.display, self.document, lambda: self.catalog,
                                                   lambda: self.files.session_files, parent=self)
        self.exports = ExportsController(self.display, self.document, self.dialogs, self.status,
                                         {n: c.title for n, c in self.charts.items()}, self.files.folders, parent=self)
        self.fit = FitController(self.document, lambda: self.catalog, self.dialogs, self.status)
        self.recovery = Recovery(self.document, self.comparison_state, lambda: self.catalogs.path,
                                 folder=recovery_folder, parent=self, portfolio_state=self._portfolio_recovery_state)

        self._restored = False  # the layout came from the settings (checked again once shown)
        self._bad_splitter = False  # the saved panel width was unusable: the default is used
        self._build_layout()
        self._build_actions()
        self._wire()
        self.apply_theme(self.settings.theme())
        self._restore_layout()
        if adopted:
            self.document.stateChanged.emit()  # the title, the panel and the views show it
            self.document.scenarioChanged.emit(self.document.scenario)
        else:
            self.document.load(scenario or Scenario(), path, modified_from)
        self.flush()
        self._panel_fitted = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._panel_fitted:  # once shown, polished and laid out: then the controls' sizes are known
            self._panel_fitted = True
            QTimer.singleShot(0, self._fit_panel)

    def _fit_panel(self) -> None:
        """The panel is never narrower than its controls (they would be cut off on the right); on a
        small screen it is no wider than that either. (Measured once its rows exist.)"""
        avail = _available_geometry()
        if self._restored and not self.isFullScreen() and _absurd(self.frameGeometry(), avail):
            # what the restored state grew the window to (a damaged splitter or toolbar state): the
            # default layout instead (and that is what is saved on the way out)
            log.warning("the restored window layout does not fit the screen; using the default")
            self.resize(*_default_size(avail))
            self._bad_splitter = True
        scroll = self.panel_scroll
        bar = scroll.verticalScrollBar().sizeHint().width() + 4
        scroll.setMinimumWidth(min(self.panel.minimumSizeHint().width() + bar, 520))
        if self.width() < 1500 and (self.settings.splitter_state() is None or self._bad_splitter):
            panel = max(scroll.minimumWidth(), min(self.panel.sizeHint().width() + bar, int(self.width() * 0.3)))
            self.splitter.setSizes([panel, max(self.width() - panel, 1)])

    @property
    def catalog(self) -> Catalog:
        return self.catalogs.catalog

    @property
    def projection(self):
        return self.display.projection

    def flush(self) -> None:
        """Draw everything pending now (tests and benchmarks call this instead of waiting)."""
        self.display.flush()

    # ------------------------------------------------------------------------------------ layout
    def _build_layout(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMaximumWidth(520)
        self.panel_scroll = scroll

        # The unit-economics slot shows one of two views of the cost per token.
        self.economics_stack = QStackedWidget()
        for name in ECONOMICS_VIEWS.values():
            self.economics_stack.addWidget(self.charts[name])
        grid = QGridLayout()
        grid.setContentsMargins(4, 0, 4, 4)
        grid.setSpacing(6)
        for row, names in enumerate(CHART_GRID):
            for col, name in enumerate(names):
                grid.addWidget(self.economics_stack if name == "economics" else self.charts[name], row, 2 * col, 1, 2)
        for col in range(6):
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        charts = QWidget()
        charts.setLayout(grid)
        # On a small screen (or with large text) the charts keep a legible size and the area scrolls,
        # rather than squeezing labels into each other.
        charts.setMinimumSize(3 * 220, 2 * 235)
        charts_area = QScrollArea()
        charts_area.setWidget(charts)
        charts_area.setWidgetResizable(True)
        charts_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.charts_area = charts_area

        self.banner = QLabel()
        self.banner.setAccessibleName(tr("Presentation banner"))
        self.banner.setVisible(False)
        # The comparison table and the charts share the height through a splitter: on a small screen
        # the table opens at most a third of it (and scrolls), and the user can move the divider.
        self.compare_splitter = QSplitter(Qt.Orientation.Vertical)
        self.compare_splitter.addWidget(self.table)
        self.compare_splitter.addWidget(charts_area)
        self.compare_splitter.setCollapsible(1, False)
        self.compare_splitter.setStretchFactor(1, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.kpis)
        right_layout.addWidget(self.compare_splitter, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        panel_width = self.panel.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        self.splitter.setSizes([panel_width, 1600 - panel_width])
        self.setMinimumSize(MINIMUM_SIZE[0], MINIMUM_SIZE[1])
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel()
        # status messages quote file text (a column name, a path): shown as text, never as markup (a
        # catalog header of '<b style="font-size:300pt">' rendered in the status bar), and cut short
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(self.status_label, 1)

    def _build_actions(self) -> None:
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        bar = QToolBar(tr("Main", "toolbar"))
        bar.setObjectName("MainToolbar")
        bar.setMovable(False)
        self.toolbar = bar
        last_menu = "&File"
        for entry in ACTIONS:
            if entry == SEPARATOR:
                self._menu(last_menu).addSeparator()
            elif isinstance(entry, str):
                last_menu = self._special(entry[1:])
            else:
                last_menu = entry.menu
                act = QAction(tr(entry.text), self, checkable=entry.checkable)
                if "(&" in act.text():  # a toolbar button shows no mnemonic: '開く(&O)…' -> '開く…'
                    act.setIconText(re.sub(r"\(&[^)]\)", "", act.text()).replace("&", "").strip())
                if entry.shortcut is not None:
                    act.setShortcut(QKeySequence(entry.shortcut))
                if entry.tip:
                    act.setToolTip(tr(entry.tip))
                target = self._slot(entry.slot)
                act.triggered.connect(lambda _=False, t=target: t())
                self._menu(entry.menu).addAction(act)
                self.actions[entry.key] = act
                if entry.toolbar:
                    bar.addAction(act)
        self.actions["bands"].setChecked(self.display.view.show_bands)
        self.actions["fiscal_years"].setChecked(self.display.view.fiscal_years)
        self._build_toolbar(bar)
        self.addToolBar(bar)
        self.present_keys = []
        for key, step in PRESENT_KEYS:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda d=step: self.presentation.step(d))
            self.present_keys.append(shortcut)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.activated.connect(self.presentation.leave)
        self.present_keys.append(escape)
        for shortcut in self.present_keys:
            shortcut.setEnabled(False)

    def _menu(self, path: str) -> QMenu:
        if path not in self.menus:
            parent, _, name = path.rpartition("/")
            self.menus[path] = (self._menu(parent).addMenu(tr(name)) if parent else self.menuBar().addMenu(tr(path)))
        return self.menus[path]

    def _slot(self, slot: tuple):
        owner, _, method = slot[0].rpartition(".")
        target = getattr(getattr(self, owner) if owner else self, method)
        args = slot[1:]
        return (lambda: target(*args)) if args else target

    def _special(self, name: str) -> str:
        """The menus built from data: recent files, presets, undo/redo, themes. Returns the menu."""
        if name == "recent":
            menu = self._menu("&File/Open &Recent")
            menu.aboutToShow.connect(lambda: self.files.fill_recent(menu))
            return "&File"
        if name in ("presets", "compare_presets"):
            menu = self._menu("&File/&Presets" if name == "presets" else "C&ompare/Add a p&reset")
            open_one = self.files.open_preset if name == "presets" else self.compare.add_preset
            for group, presets in preset_groups():
                menu.addSection(tr(group))
                for preset in presets:
                    menu.addAction(tr(preset.title)).triggered.connect(lambda _=False, k=preset.key: open_one(k))
            return "&File" if name == "presets" else "C&ompare"
        if name == "portfolios":  # the shipped portfolios, under the file dialog's entry
            menu = self._menu("C&ompare/P&ortfolio")
            menu.addSection(tr("Shipped"))
            for shipped in list_portfolios():
                act = menu.addAction(tr(shipped.title))
                act.triggered.connect(lambda _=False, k=shipped.key: self.open_portfolio(k))
                self.actions[f"portfolio:{shipped.key}"] = act
            return "C&ompare"
        if name == "undo":
            stack = self.document.undo_stack
            for key, make, shortcut, prefix in (
                    ("undo", stack.createUndoAction, QKeySequence.StandardKey.Undo, tr("&Undo")),
                    ("redo", stack.createRedoAction, QKeySequence.StandardKey.Redo, tr("&Redo"))):
                act = make(self, prefix)
                act.setShortcuts(shortcut)  # every binding of the platform (Redo: Ctrl+Shift+Z and Ctrl+Y)
                if key == "redo" and QKeySequence("Ctrl+Shift+Z") not in act.shortcuts():
                    act.setShortcuts(act.shortcuts() + [QKeySequence("Ctrl+Shift+Z")])
                self._menu("&Edit").addAction(act)
                self.actions[key] = act
            return "&Edit"
        if name == "theme":
            menu = self._menu("&View/&Theme")
            group = QActionGroup(self)
            self.theme_actions = {}
            for choice in themes.THEME_CHOICES:
                act = QAction(tr(THEME_TITLES.get(choice, choice.capitalize())), self, checkable=True)
                act.triggered.connect(lambda _=False, c=choice: self.set_theme(c))
                group.addAction(act)
                menu.addAction(act)
                self.theme_actions[choice] = act
            return "&View"
        if name == "language":
            menu = self._menu("&View/&Language")
            group = QActionGroup(self)
            self.language_actions = {}
            for code, own_name in LANGUAGES.items():  # each in its own language: found by someone who reads it
                act = QAction(own_name, self, checkable=True)
                act.setChecked(code == language())
                act.triggered.connect(lambda _=False, c=code: self.set_language(c))
                group.addAction(act)
                menu.addAction(act)
                self.language_actions[code] = act
            return "&View"
        raise ValueError(name)

    def _build_toolbar(self, bar: QToolBar) -> None:
        bar.addSeparator()
        # The toolbar's own Undo/Redo: short labels, with what they undo in the tooltip.
        stack = self.document.undo_stack
        for key, trigger, can, text, label, tip in (
                ("tool_undo", stack.undo, stack.canUndoChanged, stack.undoTextChanged, tr("Undo"), _undo_tip),
                ("tool_redo", stack.redo, stack.canRedoChanged, stack.redoTextChanged, tr("Redo"), _redo_tip)):
            act = _StackAction(label, self)
            act.setEnabled(False)
            act.triggered.connect(trigger)
            can.connect(act.setEnabled)
            # a bound method of the action (not a lambda): the stack outlives this window when a
            # language switch rebuilds it, and Qt drops the connection with the action
            act.tip_of = tip
            text.connect(act.follow)
            bar.addAction(act)
            self.actions[key] = act
        bar.addSeparator()
        bar.addAction(self.actions["export_charts"])
        bar.addAction(self.actions["present"])
        bar.addSeparator()
        # The presets as a menu button: a list box here opened a preset on each arrow key press.
        button = self.preset_button = QToolButton()
        button.setText(tr("Presets"))
        button.setAccessibleName(tr("Presets"))
        button.setToolTip(tr("Open a shipped scenario: the announced deals and the what-ifs"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(self.menus["&File/&Presets"])
        bar.addWidget(button)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        # Which chip catalog the figures come from, always in view (a loaded catalog changes them).
        self.catalog_label = QLabel()
        self.catalog_label.setAccessibleName(tr("Chip catalog"))
        self.catalog_label.setContentsMargins(6, 0, 8, 0)
        bar.addWidget(self.catalog_label)
        # The exchange rate every yen figure is converted at, stated once where the figures are.
        self.rate_label = QLabel()
        self.rate_label.setAccessibleName(tr("Exchange rate"))
        self.rate_label.setContentsMargins(6, 0, 8, 0)
        self.rate_action = bar.addWidget(self.rate_label)  # (a toolbar widget shows and hides through its action)
        self._show_currency()

    # ------------------------------------------------------------------------------------ wiring
    def _wire(self) -> None:
        doc, display = self.document, self.display
        self.panel.edited.connect(self._edited)
        self.panel.dragFinished.connect(self._drag_finished)
        doc.scenarioChanged.connect(self._scenario_changed)
        doc.stateChanged.connect(self._update_title)
        self._status_error = False  # the status line shows an error
        self._status_of: tuple = (None, None)  # the (baseline, path) a message speaks of
        doc.stateChanged.connect(self._status_outdated)
        display.refreshed.connect(self.refreshed)
        display.summaryChanged.connect(
            lambda s: self.panel.fleet.set_derived(s["gpus_peak"], s["facility_power_peak_mw"]))
        display.comparisonShown.connect(self._size_comparison)
        display.viewChanged.connect(self._view_changed)
        self.status.shown.connect(self._show_status)
        self.files.saved.connect(display.refresh)
        self.files.saved.connect(self.recovery.save_now)  # saved: no unsaved work to keep
        self.compare.changed.connect(display.refresh)
        self.compare.changed.connect(self.recovery.touch)
        self.compare.fileUsed.connect(self.files.remember)
        self.catalogs.changed.connect(self._catalog_changed)
        self.catalogs.changed.connect(self.recovery.touch)
        self.presentation.started.connect(self._present_chrome)
        self.presentation.ended.connect(self._normal_chrome)
        self.presentation.slideShown.connect(self._show_banner)
        for name, chart in self.charts.items():
            chart.optionsEdited.connect(lambda changes: display.set_view(**changes))
            chart.export_menu.addAction(tr("Export this chart…"), lambda n=name: self.exports.export_chart_dialog(n))
            chart.export_menu.addAction(tr("Copy image to the clipboard"), lambda n=name: self.exports.copy_chart(n))
        self._view_changed(display.view)
        self._show_catalog()
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(lambda: self._show_status("", False))
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._system_scheme_changed)  # bound: gone with the window

    def _edited(self, changes: dict, dragging: bool) -> None:
        if not self.display.edit(changes, dragging):
            self.panel.set_scenario(self.document.scenario, force=True)  # put the control back

    def _drag_finished(self) -> None:
        self.document.end_drag()
        self.panel.set_scenario(self.document.scenario, force=True)  # a held slider may show a clamped value
        self.display.schedule()  # one more refresh re-fits the axes to the final value

    def _scenario_changed(self, scenario: Scenario) -> None:
        self.panel.set_scenario(scenario)
        self.display.schedule()
        if self._status_error:  # the next action clears an error
            self._show_status("", False)

    def _show_catalog(self) -> None:
        user, count = self.catalogs.path, len(self.catalog)
        if user:
            self.catalog_label.setText(tr("Chips: built-in + {file} ({count})").format(file=Path(user).name,
                                                                                        count=count))
            self.catalog_label.setToolTip(plain_tip(tr("The chip catalog the figures use: {catalog} (Chips ▸ Load "
                                                       "catalog…)").format(catalog=user)))
        else:
            self.catalog_label.setText(tr("Chips: built-in ({count})").format(count=count))
            self.catalog_label.setToolTip(tr("The chip catalog the figures use: the built-in catalog "
                                             "(Chips ▸ Load catalog…)"))

    def _catalog_changed(self, catalog: Catalog) -> None:
        self._show_catalog()
        self.panel.set_catalog(catalog)
        self.panel.set_scenario(self.document.scenario, force=True)  # catalog prices changed
        self.display.set_catalog(catalog)
        portfolio = getattr(self, "portfolio_window", None)
        if portfolio is not None:
            portfolio.set_catalog(catalog)  # its members at the new catalog's figures too

    def _view_changed(self, view: ViewOptions) -> None:
        self.economics_stack.setCurrentWidget(self.charts[view.economics_chart])
        self.actions["bands"].setChecked(view.show_bands)
        self.actions["fiscal_years"].setChecked(view.fiscal_years)
        self.settings.set_value("view/options", json.dumps(view.to_dict()))

    def toggle_fiscal_years(self) -> None:
        self.display.set_view(fiscal_years=self.actions["fiscal_years"].isChecked())

    def toggle_bands(self) -> None:
        self.display.set_view(show_bands=self.actions["bands"].isChecked())

    def _size_comparison(self, shown: bool) -> None:
        if shown:  # first shown: at most a third of the height
            total = sum(self.compare_splitter.sizes()) or self.compare_splitter.height()
            first = min(self.table.natural_height(), max(total // 3, 120))
            self.compare_splitter.setSizes([first, max(total - first, 1)])

    STATUS_MS = 12_000  # an error leaves the status bar after this long, or with the next edit

    def _show_status(self, text: str, error: bool) -> None:
        colour = self.theme.bad if error else self.theme.muted
        self.status_label.setStyleSheet(f"color:{colour};")
        self.status_label.setText(clip(" ".join(text.split()), STATUS_LIMIT))  # one line
        self.status_label.setToolTip(plain_tip(clip(text, MESSAGE_LIMIT)) if len(text) > 80 else "")
        self._status_error = error and bool(text)
        # ('Saved …', 'Opened …' speak of this document: the scenario as opened or saved, and its file)
        self._status_of = (self.document.baseline, self.document.path)
        if self._status_error:
            self._status_timer.start(self.STATUS_MS)
        else:
            self._status_timer.stop()

    def _status_outdated(self) -> None:
        """Another document replaced the one the status line speaks of (a member opened from the
        portfolio, a recovered scenario): its 'Saved …' or 'Opened …' goes."""
        baseline, path = self._status_of
        if not self._status_error and self.status_label.text() and \
                (self.document.baseline is not baseline or self.document.path != path):
            self._show_status("", False)

    def _update_title(self) -> None:
        # (a name is free text: its own '[*]' is doubled, which Qt shows as '[*]', not as the mark)
        title = f"{self.document.display_name.replace('[*]', '[*][*]')}[*] — {APP_NAME}"
        if title != self.windowTitle():  # (called on every slider step)
            self.setWindowTitle(title)
        if self.document.modified != self.isWindowModified():
            self.setWindowModified(self.document.modified)

    # ------------------------------------------------------------------------------------- theme
    def _system_scheme_changed(self, _scheme) -> None:
        if self._theme_choice == "system":
            self.apply_theme("system")

    def set_theme(self, choice: str) -> None:
        self.settings.set_theme(choice)
        self.apply_theme(choice)

    def apply_theme(self, choice: str) -> None:
        self._theme_choice = choice if choice in themes.THEME_CHOICES else "system"
        self.theme_actions[self._theme_choice].setChecked(True)
        if self.presentation.active:
            return  # the presentation keeps its high-contrast theme; this applies when it ends
        self._restyle(themes.resolve(self._theme_choice))

    def _restyle(self, theme: themes.Theme) -> None:
        self.theme = theme
        app = QApplication.instance()
        if app is not None:
            themes.apply_palette(app, theme)
        self.panel.set_style(theme)
        self.banner.setStyleSheet(f"background:{theme.background}; color:{theme.foreground}; "
                                  f"font-size:20pt; font-weight:600; padding:10px 14px;")
        for chart in self.charts.values():
            chart.set_style(theme)
        self.kpis.set_style(theme)
        portfolio = getattr(self, "portfolio_window", None)
        if portfolio is not None:
            portfolio.set_theme(theme)

    # ------------------------------------------------------------------------------ presentation
    def _present_chrome(self) -> None:
        self._normal_state = {"geometry": self.saveGeometry(), "state": self.saveState(),
                              "splitter": self.splitter.saveState(), "maximized": self.isMaximized()}
        for w in (self.panel_scroll, self.toolbar, self.menuBar(), self.statusBar()):
            w.setVisible(False)
        for chart in self.charts.values():
            chart.options_bar.setVisible(False)
        for shortcut in self.present_keys:
            shortcut.setEnabled(True)
        self.banner.setVisible(True)
        self._restyle(themes.HIGH_CONTRAST)
        self.table.setStyleSheet("font-size: 13pt;")
        self.showFullScreen()

    def _show_banner(self, slide, counter: str) -> None:
        # the name gives way (elided) before the counter and the keys do
        keys = tr("← → step · Esc leaves")
        rate = fmt.currency().rate_note()  # the toolbar is hidden: yen figures say their rate here
        if rate:
            keys = f"{keys} · {rate}"
        hint = f"{counter}   {keys}"
        name_font, hint_font = QFont(self.banner.font()), QFont(self.banner.font())
        name_font.setPointSizeF(20)
        name_font.setWeight(QFont.Weight.DemiBold)
        hint_font.setPointSizeF(12)
        room = self.width() - QFontMetricsF(hint_font).horizontalAdvance(hint) - 80
        name = QFontMetricsF(name_font).elidedText(slide.scenario.name, Qt.TextElideMode.ElideRight, max(room, 100))
        self.banner.setText(f"{html.escape(name)}&nbsp;&nbsp;&nbsp;<span style='font-size:12pt; "
                            f"font-weight:400; color:{self.theme.muted}'>{counter}"
                            f"&nbsp;&nbsp;{html.escape(keys)}</span>")

    def _normal_chrome(self) -> None:
        state = self._normal_state
        for shortcut in self.present_keys:
            shortcut.setEnabled(False)
        self.banner.setVisible(False)
        self.table.setStyleSheet("")
        for w in (self.panel_scroll, self.toolbar, self.menuBar(), self.statusBar()):
            w.setVisible(True)
        for chart in self.charts.values():
            chart.options_bar.setVisible(True)
        self.showNormal()
        self.restoreGeometry(state["geometry"])
        self.restoreState(state["state"])
        self.splitter.restoreState(state["splitter"])
        if state["maximized"]:
            self.showMaximized()
        self.apply_theme(self._theme_choice)

    # ----------------------------------------------------------------------------------- help
    def show_model_help(self) -> None:
        """The model's documentation (shipped with the app): every equation, default and source."""
        from explorer.paths import model_doc_path

        try:
            text = model_doc_path(language()).read_text(encoding="utf-8")
        except OSError as exc:
            self.dialogs.error(tr("Model and sources"), tr("The model's documentation could not be read "
                                                           "({file}): {error}").format(file=model_doc_path(language()),
                                                                                       error=exc.strerror or exc))
            return
        self.dialogs.document(tr("Model and sources"), text)

    def show_about(self) -> None:
        from explorer import __version__
        self.dialogs.info(tr("About {app}").format(app=APP_NAME),
                          f"{APP_NAME} {__version__}\n" + tr("A capacity-and-cost model of AI compute fleets, "
                                                            "with public sources for every default."))

    # ------------------------------------------------------------------------ language, currency
    def set_language(self, code: str) -> "MainWindow":
        """View ▸ Language: switch at once, and remember it. The window is rebuilt in the new language
        around the same document (the scenario, its file, its undo history), comparison, catalog,
        layout and view; ``replaced`` tells the app which window is now the window. Returns it."""
        from .language import LANGUAGE_KEY, install_language

        if code != language() and not self._portfolio_kept():  # the portfolio window closes: its work first
            self.language_actions[language()].setChecked(True)
            return self
        self.settings.set_value(LANGUAGE_KEY, code)
        if code == language():
            return self
        if self.presentation.active:
            self.presentation.leave()
        install_language(code)
        self.save_settings()  # the layout the new window opens with
        self.recovery.enabled = False  # (the new window's file takes over below)
        self.display.runner.stop()
        self._close_portfolio()  # the new window does not carry the portfolio window
        new = type(self)(self.settings, self.catalog, dialogs=None if self._own_dialogs else self.dialogs,
                         path=self.document.path, recovery_folder=self.recovery.folder,
                         document=self.document, comparison=self.comparison_state)
        new.setGeometry(self.geometry())
        if self.isMaximized():
            new.showMaximized()
        else:
            new.show()
        # the new window's recovery file holds the unsaved work before this one's goes (a touch
        # would leave it 2 s with none: a kill then lost it)
        if not new.recovery.save_now():
            new.recovery.touch()  # (a full disk: tried again with the next edit)
        self.recovery.close()
        self._replaced_by = new
        self.replaced.emit(new)
        self.hide()
        self.deleteLater()
        return new

    def open_portfolio_dialog(self):
        """Compare ▸ Open a portfolio…"""
        from .portfolio.window import open_portfolio_dialog

        return open_portfolio_dialog(self)

    def open_portfolio(self, path_or_key):
        """A portfolio file or a shipped portfolio's key in the portfolio window (None: not opened)."""
        from .portfolio.window import open_portfolio

        return open_portfolio(self, path_or_key)

    def _portfolio_recovery_state(self) -> dict | None:
        """The portfolio window's unsaved work, for the recovery file (None: none)."""
        window = getattr(self, "portfolio_window", None)
        return window.recovery_state() if window is not None else None

    def _portfolio_kept(self) -> bool:
        """True when the portfolio window has no unsaved changes (saved or discarded when asked)."""
        window = getattr(self, "portfolio_window", None)
        return window is None or window.maybe_keep_changes()

    def _close_portfolio(self) -> None:
        window = getattr(self, "portfolio_window", None)
        self.portfolio_window = None
        if window is not None:
            window.close()

    def choose_currency(self) -> None:
        """View ▸ Currency and exchange rate…"""
        from .language import save_currency

        chosen = self.dialogs.currency(fmt.currency())
        if chosen is None:
            return
        self.set_currency(chosen)
        save_currency(self.settings, chosen)

    def set_currency(self, currency: fmt.Currency) -> None:
        fmt.set_currency(currency)
        self._show_currency()
        self.display.refresh()
        portfolio = getattr(self, "portfolio_window", None)
        if portfolio is not None and portfolio.isVisible():
            portfolio.refresh()  # in the new currency at once, beside the main window's figures

    def _show_currency(self) -> None:
        cur = fmt.currency()
        self.rate_action.setVisible(cur.is_yen)
        self.rate_label.setText(cur.rate_note())
        self.rate_label.setToolTip(tr("Every yen figure is converted from US dollars at this rate. Source: {source} "
                                      "(View ▸ Currency and exchange rate…)").format(source=cur.shown_source or "–"))

    # -------------------------------------------------------------------------------- settings
    def _restore_layout(self) -> None:
        """The layout of the last run, where it still fits: a damaged or foreign saved state (one
        flipped byte can ask for a 32,767-pixel window) or a screen that has gone falls back to the
        default layout, and the bad state is not kept."""
        avail = _available_geometry()
        geometry = self.settings.geometry()
        if not (geometry is not None and not geometry.isEmpty() and self.restoreGeometry(geometry)
                and _fits(self.geometry(), avail)):
            if geometry is not None:
                log.warning("the saved window size does not fit the screen; using the default")
            self.resize(*_default_size(avail))
            if geometry is not None and avail is not None:
                self.move(avail.topLeft())
        state = self.settings.window_state()
        if state is not None and not state.isEmpty():
            self._restored = True  # checked again once shown (_fit_panel): what it grew the window to
            if not self.restoreState(state):
                log.warning("the saved window state could not be restored")
        splitter = self.settings.splitter_state()
        if splitter is not None and not splitter.isEmpty():
            self._restored = True
            before = self.splitter.saveState()
            sizes_ok = self.splitter.restoreState(splitter) and _sane_sizes(self.splitter.sizes(), self.width())
            if not sizes_ok:
                log.warning("the saved panel width is not usable; using the default")
                self.splitter.restoreState(before)
                self._bad_splitter = True

    def save_settings(self) -> None:
        self.settings.save_layout(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        path = str(self.document.path) if self.document.path else ""
        # the scenario as saved (or as opened): changes the user discarded on the way out never come
        # back, and unsaved ones live in the recovery file, not here
        self.settings.set_last_scenario(path, scenario_to_json(self.document.baseline))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.presentation.active:
            self.presentation.leave()  # remember the normal layout, not the full-screen one
        if not self.files.maybe_keep_changes() or not self._portfolio_kept():
            event.ignore()
            return
        self._close_portfolio()
        self.save_settings()
        self.recovery.close()  # a normal close: nothing to recover
        self.display.runner.stop()  # no result may arrive after the window is gone
        event.accept()


def _undo_tip(what: str) -> str:
    """The toolbar's Undo tooltip: what it undoes ('Undo Change energy price'), or just 'Undo'."""
    return tr("Undo {what}").format(what=what) if what else tr("Undo")


def _redo_tip(what: str) -> str:
    return tr("Redo {what}").format(what=what) if what else tr("Redo")


class _StackAction(QAction):
    """The toolbar's Undo/Redo: its tooltip says what it undoes."""

    tip_of = staticmethod(lambda text: text)

    def follow(self, text: str) -> None:
        self.setToolTip(self.tip_of(text))


def _available_geometry():
    screen = QGuiApplication.primaryScreen()
    return screen.availableVirtualGeometry() if screen is not None else None


def _default_size(avail) -> tuple[int, int]:
    if avail is not None and (avail.width() < 1600 or avail.height() < 1000):
        return (max(int(avail.width() * 0.95), MINIMUM_SIZE[0]), max(int(avail.height() * 0.92), MINIMUM_SIZE[1]))
    return (1600, 1000)


def _absurd(rect, avail) -> bool:
    """A size no screen layout explains (what a damaged toolbar or splitter state grows a window to)."""
    width, height = (avail.width(), avail.height()) if avail is not None else (1920, 1080)
    return rect.width() > max(2 * width, 4000) or rect.height() > max(2 * height, 3000)


def _fits(rect, avail, slack: float = 1.1) -> bool:
    """A restored window is usable: no larger than the screens (or the minimum window) with some
    slack for frames, and at least partly on a screen."""
    if avail is None:
        return rect.width() <= 8000 and rect.height() <= 8000
    max_w = max(avail.width(), MINIMUM_SIZE[0]) * slack
    max_h = max(avail.height(), MINIMUM_SIZE[1]) * slack
    return rect.width() <= max_w and rect.height() <= max_h and rect.intersects(avail)


def _sane_sizes(sizes: list[int], width: int) -> bool:
    return len(sizes) == 2 and all(0 <= x <= max(width, MINIMUM_SIZE[0]) * 1.2 for x in sizes) and sizes[1] > 0


def _json(text) -> dict:
    try:
        value = json.loads(text) if isinstance(text, str) and text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
