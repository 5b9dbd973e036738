"""The main window: controls on the left, KPIs and charts on the right, scenarios as documents.

One-way flow: a control edit becomes a new Scenario in the document (an undoable step); the
document's change updates the controls (signals blocked) and schedules one refresh, which evaluates
the model and hands the Projection to every chart and the KPI strip. Bursts of edits within one
event-loop pass collapse into one refresh (superqt's throttler with a 0 ms timeout).
"""

from __future__ import annotations

import html
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QSignalBlocker, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QHeaderView, QLabel, QMainWindow, QScrollArea,
                               QSplitter, QStackedWidget, QTableWidget, QTableWidgetItem, QToolBar, QVBoxLayout,
                               QWidget)
from superqt.utils import QSignalThrottler

from explorer.catalog import Catalog, builtin_catalog, load_catalog
from explorer.errors import ExplorerError
from explorer.model import Projection, evaluate
from explorer.presets import list_presets, preset_groups
from explorer.formatting import compact
from explorer.months import month_index
from explorer.scenario import Scenario, check_chips
from explorer.scenario_file import load_scenario, save_scenario, scenario_to_json

from . import theme as themes
from .band_worker import shared_band_worker
from .charts import CHART_TYPES, Chart
from .controls import ControlPanel
from .dialogs import Dialogs
from .document import ScenarioDocument
from .kpis import KpiStrip
from .settings import Settings

APP_NAME = "Compute Scenario Explorer"


class _Bridge(QObject):
    done = Signal(int, object)  # generation, Bands / None / the exception raised


class _Job(QRunnable):
    """Runs ``work`` on a pool thread and hands the result back through the bridge's signal (queued to
    the window's thread)."""

    def __init__(self, work, generation: int, bridge: _Bridge):
        super().__init__()
        self.work, self.generation, self.bridge = work, generation, bridge

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # reported on the main thread
            result = exc
        self.bridge.done.emit(self.generation, result)


class MainWindow(QMainWindow):
    refreshed = Signal()  # after every chart and KPI shows the current scenario

    def __init__(self, settings: Settings, catalog: Catalog | None = None, dialogs: Dialogs | None = None,
                 scenario: Scenario | None = None, path: Path | None = None, modified_from: Scenario | None = None):
        super().__init__()
        self.settings = settings
        self.catalog = catalog or builtin_catalog()
        self.dialogs = dialogs or Dialogs(self)
        self.document = ScenarioDocument(parent=self)
        self.projection: Projection | None = None
        self._baseline_key = None
        self._baseline_summary = None
        self.theme = themes.LIGHT

        self.panel = ControlPanel(self.catalog)
        self.kpis = KpiStrip()
        self.charts: dict[str, Chart] = {cls.name: cls() for cls in CHART_TYPES}
        for name, chart in self.charts.items():
            chart.finish_options()
            chart.export_menu.addAction("Export this chart…", lambda n=name: self.export_chart_dialog(n))
            chart.export_menu.addAction("Copy image to the clipboard", lambda n=name: self.copy_chart(n))
        self.presenting = False
        self._present: dict = {}
        self.show_bands = True
        self.bands = None
        self.compared: list[tuple[str, Scenario]] = []  # the first is the baseline
        self.charts["capacity"].optionsChanged.connect(self.refresh)
        self.session_files: list[Path] = [path.resolve()] if path else []
        self._build_layout()
        self._build_actions()

        self._throttle = QSignalThrottler(QSignalThrottler.EmissionPolicy.Trailing, parent=self)
        self._throttle.setTimeout(0)
        self._throttle.triggered.connect(self.refresh)
        # The bands (thousands of scenarios) are computed off the window's thread: a pool thread hands
        # each request to the worker process (band_worker.py) and waits. One request at a time, the
        # newest waiting one next; a generation number tells a result's age (older than what is on
        # screen: dropped). The main charts keep their one update per event-loop pass.
        self._band_pool = QThreadPool(self)
        self._band_pool.setMaxThreadCount(1)
        self._band_bridge = _Bridge()
        self._band_bridge.done.connect(self._bands_arrived)
        self._band_generation = 0
        self._band_shown = 0  # generation of the bands on screen
        self._band_busy = False
        self._band_wanted = None
        self._band_started = 0.0
        self._band_timer = QTimer(self)
        self._band_timer.setSingleShot(True)
        self._band_timer.timeout.connect(lambda: None if self._band_busy else self._start_band_job())
        # Bands that arrive during a drag are drawn with the next slider step (one repaint for both);
        # if the drag pauses, this timer draws them on their own.
        self._pending_bands = None
        self._control_edit: Scenario | None = None  # the scenario a control's edit just made
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.timeout.connect(self._apply_pending_bands)
        self.panel.edited.connect(self._on_edit)
        self.panel.dragFinished.connect(self._on_drag_finished)
        self.document.scenarioChanged.connect(self._on_scenario_changed)
        self.document.stateChanged.connect(self._update_title)

        self.apply_theme(self.settings.theme())
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._system_scheme_changed)  # bound: gone with the window
        self._restore_layout()
        self.document.load(scenario or Scenario(), path, modified_from)
        self.flush()

    # ------------------------------------------------------------------------------------ layout
    def _build_layout(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMaximumWidth(520)
        self.panel_scroll = scroll

        grid = QGridLayout()
        grid.setContentsMargins(4, 0, 4, 4)
        grid.setSpacing(6)
        # The unit-economics slot shows one of two views of the cost per token: over the term, or
        # against the speed each user sees (a "View" choice on both charts switches it).
        self.economics_stack = QStackedWidget()
        for name in self.SWITCHED:
            self.economics_stack.addWidget(self.charts[name])
            view = QComboBox()
            view.addItems(list(self.VIEW_LABELS))
            view.setAccessibleName(f"{self.charts[name].title} view")
            view.setToolTip("Cost per token over the term, or against the speed each user sees")
            chart = self.charts[name]
            chart.options.insertWidget(0, view)
            chart.view_combo = view
            view.activated.connect(lambda index: self.show_economics_view(index))
        self.show_economics_view(1, refresh=False)
        top = ("capacity", "power", None)
        bottom = ("cost", "cumulative", "tornado")
        for i, name in enumerate(top):
            grid.addWidget(self.charts[name] if name else self.economics_stack, 0, 2 * i, 1, 2)
        for i, name in enumerate(bottom):
            grid.addWidget(self.charts[name], 1, 2 * i, 1, 2)
        for col in range(6):
            grid.setColumnStretch(col, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        self.banner = QLabel()
        self.banner.setAccessibleName("Presentation banner")
        self.banner.setVisible(False)
        right_layout.addWidget(self.banner)
        right_layout.addWidget(self.kpis)
        self.compare_table = QTableWidget()
        self.compare_table.setAccessibleName("Comparison table")
        self.compare_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.compare_table.setVisible(False)
        self.compare_table.verticalHeader().setDefaultSectionSize(22)
        self.compare_table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.compare_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The comparison table and the charts share the height through a splitter: on a small screen
        # the table opens at most a third of it (and scrolls), and the user can move the divider.
        charts = QWidget()
        charts.setLayout(grid)
        self.compare_splitter = QSplitter(Qt.Orientation.Vertical)
        self.compare_splitter.addWidget(self.compare_table)
        self.compare_splitter.addWidget(charts)
        self.compare_splitter.setCollapsible(1, False)
        self.compare_splitter.setStretchFactor(1, 1)
        right_layout.addWidget(self.compare_splitter, 1)
        self.chart_grid = grid
        self.chart_area = right

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        panel_width = self.panel.sizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        scroll.setMinimumWidth(min(panel_width, 520))
        self.splitter.setSizes([panel_width, 1600 - panel_width])
        self.setCentralWidget(self.splitter)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.act_new = self._action(file_menu, "&New", self.new_scenario, QKeySequence.StandardKey.New)
        self.act_open = self._action(file_menu, "&Open…", self.open_dialog, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.presets_menu = file_menu.addMenu("&Presets")
        for group, presets in preset_groups():
            self.presets_menu.addSection(group)
            for preset in presets:
                self._action(self.presets_menu, preset.title, lambda _=False, p=preset: self.open_preset(p.key))
        file_menu.addSeparator()
        self.act_save = self._action(file_menu, "&Save", self.save, QKeySequence.StandardKey.Save)
        self.act_save_as = self._action(file_menu, "Save &As…", self.save_as, QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self.act_export_charts = self._action(file_menu, "Export &charts…", lambda: self.export_chart_dialog(None),
                                              QKeySequence("Ctrl+E"))
        self.act_report = self._action(file_menu, "Export one-page &report (PDF)…", self.export_report_dialog,
                                       QKeySequence("Ctrl+R"))
        export_menu = file_menu.addMenu("Export &data")
        self._action(export_menu, "Monthly projection as &CSV…", lambda: self.export_data("csv"))
        self._action(export_menu, "Monthly projection as &Excel…", lambda: self.export_data("xlsx"))
        self.export_menu = export_menu
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = menu.addMenu("&Edit")
        self.act_undo = self.document.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.document.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)

        view_menu = menu.addMenu("&View")
        self.act_present = self._action(view_menu, "&Presentation mode", self.toggle_presentation,
                                        QKeySequence(Qt.Key.Key_F11))
        self.act_present.setToolTip("Full screen, large type, high contrast; ←/→ step through scenarios; "
                                    "Esc leaves (F11)")
        self.act_bands = QAction("Uncertainty &bands", self, checkable=True)
        self.act_bands.setChecked(True)
        self.act_bands.setToolTip("P10–P90 and P25–P75 bands and KPI ranges from the scenario's ranges")
        self.act_bands.toggled.connect(self.set_show_bands)
        view_menu.addAction(self.act_bands)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        self.theme_actions = {}
        for choice in themes.THEME_CHOICES:
            act = QAction(choice.capitalize() if choice != "system" else "Follow the system", self, checkable=True)
            act.triggered.connect(lambda _=False, c=choice: self.set_theme(c))
            group.addAction(act)
            theme_menu.addAction(act)
            self.theme_actions[choice] = act
        self.view_menu = view_menu

        compare_menu = menu.addMenu("C&ompare")
        self.act_pin = self._action(compare_menu, "&Pin the current scenario as baseline", self.pin_baseline,
                                    QKeySequence("Ctrl+B"))
        self._action(compare_menu, "&Add a scenario file…", self.add_comparison_dialog)
        self.compare_presets_menu = compare_menu.addMenu("Add a p&reset")
        for group, presets in preset_groups():
            self.compare_presets_menu.addSection(group)
            for preset in presets:
                self._action(self.compare_presets_menu, preset.title,
                             lambda _=False, p=preset: self.add_comparison(p.title, p.load(self.catalog)))
        self._action(compare_menu, "&Clear the comparison", self.clear_comparison)
        tools_menu = menu.addMenu("&Tools")
        self.act_fit = self._action(tools_menu, "&Fit to budget…", self.fit_dialog, QKeySequence("Ctrl+Shift+F"))
        chips_menu = menu.addMenu("&Chips")
        self._action(chips_menu, "&Load catalog…", self.load_catalog_dialog)
        self._action(chips_menu, "Use the &built-in catalog", self.use_builtin_catalog)

        help_menu = menu.addMenu("&Help")
        self._action(help_menu, "&Model and sources", self.show_model_help)
        self._action(help_menu, "&About", self.show_about)

        bar = QToolBar("Main")
        bar.setObjectName("MainToolbar")
        bar.setMovable(False)
        for act in (self.act_new, self.act_open, self.act_save):
            bar.addAction(act)
        bar.addSeparator()
        # The toolbar's own Undo/Redo: short labels, with what they undo in the tooltip. Connected to
        # bound methods, so nothing is called on a half-destroyed window.
        stack = self.document.undo_stack
        self.tool_undo = QAction("Undo", self)
        self.tool_redo = QAction("Redo", self)
        for act, trigger, can in ((self.tool_undo, stack.undo, stack.canUndoChanged),
                                  (self.tool_redo, stack.redo, stack.canRedoChanged)):
            act.setEnabled(False)
            act.triggered.connect(trigger)
            can.connect(act.setEnabled)
            bar.addAction(act)
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        bar.addSeparator()
        bar.addAction(self.act_export_charts)
        bar.addAction(self.act_present)
        bar.addSeparator()
        bar.addWidget(QLabel(" Preset "))
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName("Preset")
        self.preset_combo.setToolTip("Open a shipped scenario")
        self.preset_combo.addItem("Choose a preset…", "")
        for group, presets in preset_groups():
            self.preset_combo.insertSeparator(self.preset_combo.count())
            self.preset_combo.addItem(group, "")  # a heading, not selectable
            heading = self.preset_combo.model().item(self.preset_combo.count() - 1)
            heading.setEnabled(False)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            for preset in presets:
                self.preset_combo.addItem(f"   {preset.title}", preset.key)
        self.preset_combo.activated.connect(self._preset_chosen)
        bar.addWidget(self.preset_combo)
        self.toolbar = bar
        self.addToolBar(bar)
        # Stepping keys work only while presenting (elsewhere the arrows belong to the sliders).
        self._present_keys = []
        for key, step in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_PageDown, 1), (Qt.Key.Key_Space, 1),
                          (Qt.Key.Key_Left, -1), (Qt.Key.Key_PageUp, -1), (Qt.Key.Key_Backspace, -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda d=step: self.step_presentation(d))
            shortcut.setEnabled(False)
            self._present_keys.append(shortcut)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.activated.connect(self.leave_presentation)
        escape.setEnabled(False)
        self._present_keys.append(escape)

    def _undo_text(self, text: str) -> None:
        self.tool_undo.setToolTip(f"Undo {text}".strip())

    def _redo_text(self, text: str) -> None:
        self.tool_redo.setToolTip(f"Redo {text}".strip())

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(shortcut)
        act.triggered.connect(lambda _=False: slot())
        menu.addAction(act)
        return act

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
        if self.presenting:
            return  # the presentation keeps its high-contrast theme; this applies when it ends
        self.theme = themes.resolve(self._theme_choice)
        app = QApplication.instance()
        if app is not None:
            themes.apply_palette(app, self.theme)
        self.restyle()

    def restyle(self, scale: float = 1.0) -> None:
        self.panel.set_style(self.theme)
        self.banner.setStyleSheet(f"background:{self.theme.background}; color:{self.theme.foreground}; "
                                  f"font-size:{20 * scale:.0f}pt; font-weight:600; padding:10px 14px;")
        for chart in self.charts.values():
            chart.set_style(self.theme, scale)
        self.kpis.set_style(self.theme, scale)
        if self.projection is not None:
            self.refresh()

    # ---------------------------------------------------------------------------------- the flow
    def _on_edit(self, changes: dict, dragging: bool) -> None:
        try:
            before = self.document.scenario
            self.document.edit(changes, dragging=dragging)
            if self.document.scenario is not before:  # a control's edit: its bands may follow
                self._control_edit = self.document.scenario  # from the worker (see refresh)
        except ExplorerError as exc:
            self.show_status(str(exc), error=True)
            self.panel.set_scenario(self.document.scenario, force=True)  # put the control back

    def _on_drag_finished(self) -> None:
        self.document.end_drag()
        self.panel.set_scenario(self.document.scenario, force=True)  # a held slider may show a clamped value
        self._throttle.throttle()  # one more refresh re-fits the axes to the final value

    def _on_scenario_changed(self, scenario: Scenario) -> None:
        self.panel.set_scenario(scenario)
        self._throttle.throttle()

    def flush(self) -> None:
        """Run pending refreshes now, and wait for bands being computed (tests and benchmarks call this
        instead of waiting)."""
        self._throttle.flush()
        while self._band_busy or self._band_wanted is not None:
            if not self._band_busy:
                self._band_started = 0.0  # no waiting for the interval here
                self._band_timer.stop()
                self._start_band_job()
            self._band_pool.waitForDone()
            QCoreApplication.sendPostedEvents(self)  # delivers the worker's result to this thread
        self._apply_pending_bands()

    def shown_scenario(self) -> Scenario:
        """What the charts show: the document, or the presentation's current slide."""
        return self._present.get("shown") or self.document.scenario

    def refresh(self) -> None:
        scenario = self.shown_scenario()
        try:
            projection = evaluate(scenario, self.catalog)
        except ExplorerError as exc:
            self.show_status(str(exc), error=True)
            return
        self.projection = projection
        dragging = self.document.dragging
        # Bands come from the worker process while dragging, when they take long (many samples), and
        # for any edit once there are bands on screen and the process runs (a key press on a slider
        # then costs the charts' update only; the bands follow a moment later). The first bands of a
        # window are computed at once, so it never opens without them.
        # (Opening a file, a preset, undo, a catalog or precision switch compute them at once: the
        # bands on screen belong to another scenario or measure.)
        control_edit = self._control_edit is scenario and not self.presenting
        self._control_edit = None
        background = dragging or scenario.uncertainty_samples > self.SYNC_SAMPLES or (
            control_edit and self.bands is not None and shared_band_worker().in_process)
        followers_too = not dragging
        if background:  # the bands follow from the worker (refresh_bands); meanwhile the last ones stay
            if self._pending_bands is not None:  # arrived since the last step: drawn with this one
                self._pending_timer.stop()
                self.bands, self._pending_bands = self._pending_bands[0], None
                followers_too = True
            if self.bands is not None and self.bands.series["cost_cumulative"].shape[1] != projection.params.term_months:
                self.bands = None
        else:
            self._band_generation += 1  # any result still on its way is stale now
            self._band_shown = self._band_generation
            self._pending_bands = None
            self._pending_timer.stop()
            self.bands = self._compute_bands(scenario, dragging)
        overlays = self._overlays()
        for name, chart in self.charts.items():
            if name in self.FOLLOWERS and not followers_too:
                continue  # follows with the bands while dragging
            if not self._chart_shown(name):
                continue  # drawn when it is switched to
            chart.bands = self.bands.series if self.bands is not None else None
            chart.overlays = overlays
            chart.overlay_legend = not self.compared  # the table's coloured headers name them
            chart.set_projection(projection, scenario, dragging)
        if background:
            self._request_bands(scenario, samples=min(scenario.uncertainty_samples, self.SYNC_SAMPLES)
                                if dragging else scenario.uncertainty_samples)
        summary = projection.summary()
        self.panel.fleet.set_derived(summary["gpus_peak"], summary["facility_power_peak_mw"])
        self.kpis.set_values(summary, self._baseline(), self._kpi_extras(summary),
                             against="first slide" if self.presenting else "saved")
        self._fill_comparison(summary)
        self.refreshed.emit()

    # Charts that follow a drag with the bands (the main charts follow every step).
    FOLLOWERS = ("tornado",)
    # Two views sharing a slot; the hidden one is not drawn.
    SWITCHED = ("unit-economics", "serving")
    VIEW_LABELS = ("Over time", "vs speed")

    def show_economics_view(self, index: int, refresh: bool = True) -> None:
        self.economics_stack.setCurrentIndex(index)
        for name in self.SWITCHED:
            combo = self.charts[name].view_combo
            if combo.currentIndex() != index:
                with QSignalBlocker(combo):
                    combo.setCurrentIndex(index)
        if refresh and self.projection is not None:
            self.refresh()

    def _chart_shown(self, name: str) -> bool:
        return name not in self.SWITCHED or self.economics_stack.currentWidget() is self.charts[name]

    # Up to this many samples the bands of a finished edit are computed at once (about 8 ms for
    # 2,000); more go to the worker, and a drag always uses at most this many.
    SYNC_SAMPLES = 2000

    def _request_bands(self, scenario: Scenario, samples: int) -> None:
        self._band_generation += 1
        options = self.charts["capacity"].current_options()
        self._band_wanted = (self._band_generation, scenario, options, samples)
        if not self._band_busy:
            self._start_band_job()

    BAND_INTERVAL_MS = 40  # while dragging, bands and the tornado follow at up to 25 updates a second

    def _start_band_job(self) -> None:
        if self._band_wanted is None:
            return
        wait = self.BAND_INTERVAL_MS - (time.perf_counter() - self._band_started) * 1e3
        if wait > 0 and not self._band_timer.isActive():
            self._band_timer.start(int(wait) + 1)  # starts the newest request when the interval is over
            return
        if wait > 0:
            return
        self._band_started = time.perf_counter()
        generation, scenario, options, samples = self._band_wanted
        self._band_wanted = None
        self._band_busy = True
        wanted = self.show_bands and bool(scenario.ranges)
        catalog = self.catalog

        def work():
            if not wanted:
                return None
            return shared_band_worker().compute(scenario, catalog, samples, options["precision"],
                                                options["measure"] == "Effective")

        self._band_pool.start(_Job(work, generation, self._band_bridge))

    def _bands_arrived(self, generation: int, result) -> None:
        self._band_busy = False
        # While a slider is dragged a newer request is nearly always waiting by the time a result
        # comes back; the result is still the newest there is, so it is shown (the bands follow the
        # drag a step behind) rather than dropped (they would freeze until the drag pauses).
        newest = generation == self._band_generation or (
            self.document.dragging and generation > self._band_shown and not isinstance(result, BaseException))
        if newest:
            self._band_shown = generation
            if isinstance(result, BaseException):
                self.show_status(f"No bands: {result}", error=True)
                result = None
            if self.document.dragging:
                self._pending_bands = (result,)
                self._pending_timer.start(self.BAND_INTERVAL_MS)
            else:
                self._pending_bands = None
                self.refresh_bands(result)
        if self._band_wanted is not None:
            self._start_band_job()

    def _apply_pending_bands(self) -> None:
        if self._pending_bands is not None:
            bands, self._pending_bands = self._pending_bands[0], None
            self.refresh_bands(bands)

    def refresh_bands(self, bands) -> None:
        """The secondary analyses during a drag: draw the new bands, the KPI ranges and the tornado."""
        scenario = self.shown_scenario()
        self.bands = bands
        dragging = self.document.dragging
        for name, chart in self.charts.items():
            chart.bands = self.bands.series if self.bands is not None else None
            if name in self.FOLLOWERS:
                if dragging and self.projection is not None:  # (refresh() did them otherwise)
                    chart.set_projection(self.projection, scenario, dragging)
            else:
                chart.update_bands(dragging)
        if self.projection is not None:
            summary = self.projection.summary()
            self.kpis.set_values(summary, self._baseline(), self._kpi_extras(summary),
                                 against="first slide" if self.presenting else "saved")

    def _compute_bands(self, scenario: Scenario, dragging: bool):
        """Percentile bands of the shown scenario; while a slider is dragged at most 2,000 samples
        (the full count follows when the drag ends)."""
        if not (self.show_bands and scenario.ranges):
            return None
        from explorer.uncertainty import compute_bands

        samples = min(scenario.uncertainty_samples, self.SYNC_SAMPLES) if dragging else scenario.uncertainty_samples
        options = self.charts["capacity"].current_options()
        try:
            return compute_bands(scenario, self.catalog, samples=samples, precision=options["precision"],
                                 effective=options["measure"] == "Effective")
        except ExplorerError as exc:
            self.show_status(f"No bands: {exc}", error=True)
            return None

    def _kpi_extras(self, summary: dict) -> dict[str, str]:
        """The line under each card's figure: what it is made of, and its P10–P90 when bands are on."""
        from explorer.formatting import power

        from .charts import serving_conditions

        extras = {}
        if summary["cost_vs_contract"] is not None:
            extras["cost_total_usd"] = (f"{summary['cost_vs_contract']:.0%} of the contract; it implies USD "
                                        f"{summary['implied_usd_per_gpu_hour']:.2f}/GPU-h")
        extras["facility_power_peak_mw"] = (f"average draw {power(summary['facility_power_average_mw'])}; "
                                            f"IT {power(summary['it_power_peak_mw'])} provisioned")
        if summary["gpus_per_gw"] is not None:
            extras["gpus_peak"] = f"{compact(summary['gpus_per_gw'])} per GW provisioned" + (
                " (sized by power)" if summary["sized_by_power"] else "")
            if summary["contract_gpus"] is not None:
                extras["gpus_peak"] += f"; the contract buys {compact(summary['contract_gpus'])} at these prices"
        if summary["tokens_per_second_per_gpu"] is not None:
            extras["fleet_tokens_per_second"] = f"{summary['tokens_per_second_per_gpu']:,.0f} per serving GPU"
        scenario = self.shown_scenario()
        line = serving_conditions(scenario)
        if summary.get("revenue_usd") is not None:
            margin = summary["gross_margin_usd"]
            breakeven = summary.get("breakeven_utilization")
            line += (f"; margin USD {compact(margin)} at USD {scenario.price_usd_per_million_tokens:g}/M; "
                     + ("break-even not reached" if breakeven is None or breakeven > 1
                        else f"break-even at {breakeven:.0%} utilisation"))
        if summary["cost_per_million_tokens_usd"] is None:
            line = "no serving: " + line
        extras["cost_per_million_tokens_usd"] = line
        if self.bands is not None:
            for card in self.kpis.cards.values():
                key = card.kpi.key
                if key in self.bands.kpis:
                    p10, p90 = float(self.bands.kpis[key][0]), float(self.bands.kpis[key][4])
                    if abs(p90 - p10) <= 1e-3 * max(abs(p10), abs(p90), 1e-300):
                        continue  # no input with a range moves this figure
                    line = f"P10–P90 {_short(key, p10)} – {_short(key, p90)}"
                    extras[key] = f"{extras[key]}\n{line}" if key in extras else line
        return extras

    def set_show_bands(self, on: bool) -> None:
        self.show_bands = on
        self.refresh()

    def _baseline(self) -> dict | None:
        base = self._present.get("origin") or self.document.baseline
        if self._baseline_key is not base:
            try:
                self._baseline_summary = evaluate(base, self.catalog).summary()
            except ExplorerError:
                self._baseline_summary = None
            self._baseline_key = base
        return self._baseline_summary

    def show_status(self, text: str, error: bool = False) -> None:
        colour = self.theme.bad if error else self.theme.muted
        self.status.setStyleSheet(f"color:{colour};")
        self.status.setText(text)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — {APP_NAME}")
        self.setWindowModified(self.document.modified)
        self.act_save.setEnabled(True)

    # ------------------------------------------------------------------------------ documents
    def maybe_keep_changes(self) -> bool:
        """True when it is fine to replace the current scenario (saved, discarded, or unchanged)."""
        if not self.document.modified:
            return True
        answer = self.dialogs.ask_save_changes(self.document.display_name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_scenario(self) -> None:
        if self.maybe_keep_changes():
            self.document.load(Scenario(), None)
            self.show_status("New scenario: the announced deal")

    def open_dialog(self) -> None:
        folder = str(self.document.path.parent) if self.document.path else str(Path.home())
        path = self.dialogs.open_path("Open scenario", folder)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open a scenario file; a bad file shows a message and leaves the current scenario as it was."""
        try:
            scenario = load_scenario(path, self.catalog)
        except ExplorerError as exc:
            self.dialogs.error("Cannot open scenario", str(exc))
            self.show_status(f"Not opened: {exc}", error=True)
            return False
        if not self.maybe_keep_changes():
            return False
        self.document.load(scenario, Path(path).resolve())
        self.settings.add_recent(str(path))
        self._remember_session_file(Path(path).resolve())
        self.show_status(f"Opened {Path(path).name}")
        return True

    def open_preset(self, key: str) -> bool:
        preset = next((p for p in list_presets() if p.key == key), None)
        if preset is None:
            return False
        try:
            scenario = preset.load(self.catalog)
        except ExplorerError as exc:
            self.dialogs.error("Cannot open preset", str(exc))
            return False
        if not self.maybe_keep_changes():
            return False
        self.document.load(scenario, None)
        self.show_status(f"Preset: {scenario.name}")
        return True

    def _preset_chosen(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        self.preset_combo.setCurrentIndex(0)
        if key:
            self.open_preset(key)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        suggested = str(self.document.path or Path.home() / (_slug(self.document.scenario.name) + ".json"))
        path = self.dialogs.save_path("Save scenario as", suggested)
        if not path:
            return False
        if not path.lower().endswith(".json"):
            path += ".json"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            save_scenario(self.document.scenario, path)
        except ExplorerError as exc:
            self.dialogs.error("Cannot save scenario", str(exc))
            self.show_status(f"Not saved: {exc}", error=True)
            return False
        self.document.mark_saved(path.resolve())
        self.settings.add_recent(str(path))
        self._remember_session_file(path.resolve())
        self._baseline_key = None
        self.refresh()
        self.show_status(f"Saved {path.name}")
        return True

    def _remember_session_file(self, path: Path) -> None:
        if path not in self.session_files:
            self.session_files.append(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for path in files:
            act = self.recent_menu.addAction(Path(path).name)
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_path(Path(p)))
        if not files:
            self.recent_menu.addAction("(none)").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the list", self.settings.clear_recent)

    def export_data(self, kind: str) -> bool:
        from explorer.export import write_csv, write_xlsx

        stem = self.document.path.stem if self.document.path else _slug(self.document.scenario.name)
        folder = self.document.path.parent if self.document.path else Path.home()
        filters = "CSV files (*.csv)" if kind == "csv" else "Excel workbooks (*.xlsx)"
        path = self.dialogs.save_path("Export monthly projection", str(folder / f"{stem}.{kind}"), filters)
        if not path:
            return False
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            projection = evaluate(self.document.scenario, self.catalog)
            written = (write_csv if kind == "csv" else write_xlsx)(projection, self.document.scenario, path)
        except ExplorerError as exc:
            self.dialogs.error("Export failed", str(exc))
            return False
        self.show_status("Wrote " + ", ".join(p.name for p in written))
        return True

    # ---------------------------------------------------------------------------- comparison
    COMPARE_COLOURS = ("#E15759", "#17BECF", "#B07AA1", "#9C755F")

    def pin_baseline(self) -> None:
        """Pin the current scenario as the comparison's baseline (replacing an earlier pin)."""
        scenario = self.shown_scenario()
        label = f"Baseline: {scenario.name}"
        if self.compared and self.compared[0][0].startswith("Baseline: "):
            self.compared[0] = (label, scenario)
        elif len(self.compared) >= 3:
            self.dialogs.error("Comparison is full", "Up to 4 scenarios can be compared side by side, the "
                               "current one included. Clear the comparison before pinning a baseline.")
            return
        else:
            self.compared.insert(0, (label, scenario))
        self.show_status(f"Pinned “{scenario.name}” as the baseline; move the sliders to compare")
        self.refresh()

    def add_comparison(self, label: str, scenario: Scenario) -> bool:
        from explorer.compare import MAX_COMPARED

        if len(self.compared) >= MAX_COMPARED - 1:
            self.dialogs.error("Comparison is full", f"Up to {MAX_COMPARED} scenarios can be compared side by "
                               "side, the current one included. Clear the comparison first.")
            return False
        self.compared.append((label, scenario))
        self.refresh()
        return True

    def add_comparison_dialog(self) -> None:
        folder = str(self.document.path.parent) if self.document.path else str(Path.home())
        path = self.dialogs.open_path("Add a scenario to the comparison", folder)
        if path:
            self.add_comparison_path(Path(path))

    def add_comparison_path(self, path: Path) -> bool:
        try:
            scenario = load_scenario(path, self.catalog)
        except ExplorerError as exc:
            self.dialogs.error("Cannot compare scenario", str(exc))
            return False
        added = self.add_comparison(Path(path).name, scenario)
        if added:
            self._remember_session_file(Path(path).resolve())
        return added

    def clear_comparison(self) -> None:
        self.compared = []
        self.__dict__.pop("_compared_cache", None)
        self.refresh()

    def _compared_projection(self, scenario: Scenario) -> Projection:
        """A compared scenario's projection, evaluated once: compared scenarios do not change while the
        sliders move the current one (raises ExplorerError if it cannot be evaluated)."""
        cache = self.__dict__.setdefault("_compared_cache", {})
        hit = cache.get(id(scenario))
        if hit is None or hit[0] is not scenario or hit[1] is not self.catalog:
            hit = cache[id(scenario)] = (scenario, self.catalog, evaluate(scenario, self.catalog))
        return hit[2]

    def _overlays(self) -> list:
        out = []
        start = month_index(self.shown_scenario().start)
        for k, (label, scenario) in enumerate(self.compared):
            try:
                projection = self._compared_projection(scenario)
            except ExplorerError:
                continue
            short = label if len(label) <= 32 else label[:31] + "…"  # legends stay on few lines
            out.append((short, self.COMPARE_COLOURS[k % 4], projection, month_index(scenario.start) - start))
        return out

    def comparison_summaries(self, current: dict) -> list[tuple[str, dict]]:
        rows = []
        for label, scenario in list(self.compared):
            try:
                rows.append((label, self._compared_projection(scenario).summary()))
            except ExplorerError as exc:  # e.g. it names a chip of a catalog no longer loaded
                self.compared.remove((label, scenario))
                self.show_status(f"Removed “{label}” from the comparison: {exc}", error=True)
        return rows + [(f"Current: {self.shown_scenario().name}", current)]

    def _fill_comparison(self, current: dict) -> None:
        from explorer.compare import comparison_rows

        table = self.compare_table
        if not self.compared:
            table.setVisible(False)
            self._table_sized = False
            return
        named = self.comparison_summaries(current)
        if len(named) < 2:
            table.setVisible(False)
            return
        rows = comparison_rows([s for _, s in named])
        table.setVisible(True)
        table.setRowCount(len(rows))
        table.setColumnCount(len(named))
        table.setHorizontalHeaderLabels([f"{label} (baseline)" if c == 0 else label
                                         for c, (label, _) in enumerate(named)])
        table.setVerticalHeaderLabels([f"{r.label}{_unit_suffix(r.unit)}" for r in rows])
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        for c in range(len(named) - 1):
            item = table.horizontalHeaderItem(c)
            item.setForeground(QColor(self.COMPARE_COLOURS[c % 4]))
            item.setToolTip(named[c][0])
        for r, row in enumerate(rows):
            for c, value in enumerate(row.values):
                text = _kpi_text(row.key, value)
                if c > 0 and row.deltas[c] is not None:
                    text += f"   Δ {_kpi_delta_text(row.key, row.deltas[c], row.values[0], digits=3)}"
                    if row.percents[c] is not None and abs(row.deltas[c]) > 1e-9 * abs(row.values[0] or 1):
                        text += f" ({_signed(row.percents[c] * 100, '%')})"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(r, c, item)
        table.resizeRowsToContents()
        natural = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(len(rows))) + 4
        table.setMaximumHeight(natural)
        if not getattr(self, "_table_sized", False):  # first shown: at most a third of the height
            total = sum(self.compare_splitter.sizes()) or self.compare_splitter.height()
            first = min(natural, max(total // 3, 120))
            self.compare_splitter.setSizes([first, max(total - first, 1)])
            self._table_sized = True

    # ------------------------------------------------------------------------ fit to budget
    def fit_budget(self, budget: float, solve_for: str):
        """(FitResult, None), or (None, the reason no answer exists)."""
        from explorer.fit import fit_to_budget

        try:
            return fit_to_budget(self.document.scenario, budget, solve_for, self.catalog), None
        except ExplorerError as exc:
            return None, str(exc)

    def apply_fit(self, result) -> None:
        from explorer.formatting import power

        self.document.edit(dict(result.changes), text="Fit to budget")
        what = {"gpu_count": f"{result.value:,.0f} accelerators",
                "facility_power_mw": f"{power(result.value)} of provisioned facility power",
                "price": f"chip price scale {result.changes.get('chip_price_scale', 0):.3g}"}[result.solved_for]
        self.show_status(f"Fitted to USD {compact(result.budget_usd, 4)}: {what}")

    def fit_dialog(self) -> None:
        from .fit_dialog import FitDialog

        FitDialog(self).exec()

    # ------------------------------------------------------------------------------ pictures
    def _export_stem(self) -> str:
        return self.document.path.stem if self.document.path else _slug(self.shown_scenario().name)

    def export_chart_dialog(self, name: str | None) -> bool:
        folder = self.document.path.parent if self.document.path else Path.home()
        charts = {n: c.title for n, c in self.charts.items()}
        request = self.dialogs.export_request(charts, name or "all", folder, self._export_stem())
        return self.export_charts(request) if request is not None else False

    def export_charts(self, request) -> bool:
        """Write the chart(s) of an ExportRequest; a failure is shown and nothing else changes."""
        from .export import export_all, export_chart

        scenario = self.shown_scenario()
        self.flush()  # bands being computed are part of the picture
        request.options.bands = self.bands
        request.options.overlays = self._overlays()
        try:
            projection = evaluate(scenario, self.catalog)
            if request.chart == "all":
                request.options.chart_options = self.charts["capacity"].current_options()
                written = export_all(request.path, projection, scenario, request.options, request.fmt,
                                     stem=self._export_stem())
            else:
                request.options.chart_options = self.charts[request.chart].current_options()
                written = [export_chart(request.path, request.chart, projection, scenario, request.options)]
        except ExplorerError as exc:
            self.dialogs.error("Export failed", str(exc))
            self.show_status(f"Not exported: {exc}", error=True)
            return False
        self.show_status("Wrote " + (f"{len(written)} charts to {written[0].parent}" if len(written) > 1
                                     else str(written[0])))
        return True

    def copy_chart(self, name: str) -> None:
        from .export import ImageOptions, copy_to_clipboard

        self.flush()
        options = ImageOptions(width=1920, height=1080, chart_options=self.charts[name].current_options(),
                               bands=self.bands, overlays=self._overlays())
        copy_to_clipboard(name, evaluate(self.shown_scenario(), self.catalog), self.shown_scenario(), options)
        self.show_status(f"Copied the {self.charts[name].title.lower()} chart (1920 × 1080) to the clipboard")

    def export_report_dialog(self) -> bool:
        folder = self.document.path.parent if self.document.path else Path.home()
        path = self.dialogs.save_path("Export one-page report", str(folder / f"{self._export_stem()}-report.pdf"),
                                      "PDF files (*.pdf)")
        if not path:
            return False
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.export_report(Path(path))

    def export_report(self, path: Path) -> bool:
        from .export import write_report

        self.flush()
        try:
            write_report(path, evaluate(self.shown_scenario(), self.catalog), self.shown_scenario(), bands=self.bands)
        except ExplorerError as exc:
            self.dialogs.error("Report failed", str(exc))
            self.show_status(f"No report written: {exc}", error=True)
            return False
        self.show_status(f"Wrote {path}")
        return True

    # -------------------------------------------------------------------------- presentation
    def presentation_slides(self) -> list[tuple[str, Scenario]]:
        """The scenario on screen, then the files opened in this session, then the presets."""
        slides = [(self.document.display_name, self.document.scenario)]
        for path in self.session_files:
            if self.document.path is not None and path == self.document.path:
                continue
            try:
                slides.append((path.name, load_scenario(path, self.catalog)))
            except ExplorerError:
                continue  # moved or changed since: skip it
        for preset in list_presets():
            try:
                slides.append((preset.key, preset.load(self.catalog)))
            except ExplorerError:
                continue
        return slides

    def toggle_presentation(self) -> None:
        if self.presenting:
            self.leave_presentation()
        else:
            self.enter_presentation()

    def enter_presentation(self) -> None:
        if self.presenting:
            return
        self._present = {
            "geometry": self.saveGeometry(), "state": self.saveState(), "splitter": self.splitter.saveState(),
            "maximized": self.isMaximized(), "slides": self.presentation_slides(), "index": 0,
            "origin": self.document.scenario, "shown": None,
        }
        self.presenting = True
        for w in (self.panel_scroll, self.toolbar, self.menuBar(), self.statusBar()):
            w.setVisible(False)
        for chart in self.charts.values():
            chart.options_bar.setVisible(False)
        for shortcut in self._present_keys:
            shortcut.setEnabled(True)
        self.banner.setVisible(True)
        self.theme = themes.HIGH_CONTRAST
        app = QApplication.instance()
        themes.apply_palette(app, self.theme)
        self.restyle(scale=1.0)
        self.compare_table.setStyleSheet("font-size: 13pt;")
        self.showFullScreen()
        self._show_slide()

    def step_presentation(self, delta: int) -> None:
        if not self.presenting:
            return
        slides = self._present["slides"]
        self._present["index"] = (self._present["index"] + delta) % len(slides)
        self._show_slide()

    def _show_slide(self) -> None:
        slides, index = self._present["slides"], self._present["index"]
        title, scenario = slides[index]
        self._present["shown"] = None if index == 0 else scenario
        self.banner.setText(f"{html.escape(scenario.name)}&nbsp;&nbsp;&nbsp;<span style='font-size:12pt; "
                            f"font-weight:400; color:{self.theme.muted}'>‹ {index + 1} / {len(slides)} ›"
                            "&nbsp;&nbsp;← → step · Esc leaves</span>")
        for chart in self.charts.values():
            chart.yrange.reset()
        self.refresh()

    def leave_presentation(self) -> None:
        if not self.presenting:
            return
        state = self._present
        self._present = {}
        self.presenting = False
        for shortcut in self._present_keys:
            shortcut.setEnabled(False)
        self.banner.setVisible(False)
        self.compare_table.setStyleSheet("")
        for w in (self.panel_scroll, self.toolbar, self.menuBar(), self.statusBar()):
            w.setVisible(True)
        for chart in self.charts.values():
            chart.options_bar.setVisible(True)
            chart.yrange.reset()
        self.showNormal()
        self.restoreGeometry(state["geometry"])
        self.restoreState(state["state"])
        self.splitter.restoreState(state["splitter"])
        if state["maximized"]:
            self.showMaximized()
        self.apply_theme(self._theme_choice)
        self.refresh()

    # -------------------------------------------------------------------------------- catalog
    def load_catalog_dialog(self) -> None:
        path = self.dialogs.open_path("Load chip catalog", str(Path.home()), "CSV files (*.csv);;All files (*)")
        if path:
            self.set_catalog_path(path)

    def set_catalog_path(self, path: str) -> bool:
        try:
            catalog = load_catalog(path)
            check_chips(self.document.scenario, catalog)
        except ExplorerError as exc:
            self.dialogs.error("Cannot load catalog", str(exc))
            return False
        note = self._use_catalog(catalog)
        self.settings.set_user_catalog(str(Path(path).resolve()))
        self.show_status(f"Catalog: built-in + {Path(path).name} ({len(catalog)} chips){note}")
        return True

    def use_builtin_catalog(self) -> None:
        catalog = builtin_catalog()
        try:
            check_chips(self.document.scenario, catalog)
        except ExplorerError as exc:
            self.dialogs.error("Cannot switch catalog", f"The open scenario uses a chip of your catalog: {exc}")
            return
        note = self._use_catalog(catalog)
        self.settings.set_user_catalog("")
        self.show_status(f"Catalog: built-in{note}")

    def _use_catalog(self, catalog: Catalog) -> str:
        """Switch catalogs; returns a note on compared scenarios that had to be dropped ('' if none)."""
        self.catalog = catalog
        dropped = []
        for label, scenario in list(self.compared):
            try:
                check_chips(scenario, catalog)
            except ExplorerError:
                self.compared.remove((label, scenario))
                dropped.append(f"“{label}”")
        note = f"; removed {', '.join(dropped)} from the comparison (chips not in this catalog)" if dropped else ""
        # Earlier steps may name chips this catalog lacks; undoing into them would break the view.
        self.document.undo_stack.clear()
        self.panel.set_catalog(catalog)
        self._baseline_key = None
        self.panel.set_scenario(self.document.scenario, force=True)  # catalog prices changed
        self.refresh()
        return note

    # ----------------------------------------------------------------------------------- help
    def show_model_help(self) -> None:
        self.dialogs.info("Model and sources",
                          "Every equation, default and source is described in docs/model.md of the "
                          "project. Hover over any control to see the source of its default; the Excel "
                          "export's Assumptions sheet lists them all.")

    def show_about(self) -> None:
        from explorer import __version__
        self.dialogs.info(f"About {APP_NAME}",
                          f"{APP_NAME} {__version__}\nA capacity-and-cost model of AI compute fleets, "
                          "with public sources for every default.")

    # -------------------------------------------------------------------------------- settings
    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is not None and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = QGuiApplication.primaryScreen()
            avail = screen.availableGeometry() if screen is not None else None
            if avail is not None and (avail.width() < 1600 or avail.height() < 1000):
                self.resize(int(avail.width() * 0.95), int(avail.height() * 0.92))
            else:
                self.resize(1600, 1000)
        state = self.settings.window_state()
        if state is not None and not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.splitter_state()
        if splitter is not None and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_settings(self) -> None:
        self.settings.save_layout(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        path = str(self.document.path) if self.document.path else ""
        self.settings.set_last_scenario(path, scenario_to_json(self.document.scenario))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.presenting:
            self.leave_presentation()  # remember the normal layout, not the full-screen one
        if not self.maybe_keep_changes():
            event.ignore()
            return
        self.save_settings()
        self._band_pool.waitForDone()  # no worker result may arrive after the window is gone
        event.accept()


def _short(key: str, value: float) -> str:
    """A KPI value for the P10–P90 line under the card's value (power in its unit)."""
    from explorer.formatting import power

    if key == "energy_share_of_cost":
        return f"{value:.1%}"
    if key.endswith("_mw"):
        return power(value)
    return compact(value, 3)


def _kpi_text(key: str, value, digits: int = 4) -> str:
    if value is None:
        return "–"
    if key.endswith("_usd"):
        return f"USD {compact(value, digits)}"
    if key == "energy_share_of_cost":
        return f"{value:.1%}"
    return compact(value, digits)


def _signed(value: float, unit: str = "") -> str:
    """+3.1% / −2.0% (a true minus sign), 0 without a sign."""
    if value == 0:
        return f"0{unit}"
    return f"{'+' if value > 0 else '−'}{abs(value):.1f}{unit}"


def _kpi_delta_text(key: str, value: float, base: float | None = None, digits: int = 4) -> str:
    """The difference without its currency (the column shows it): +22.6B, −0.0971, +2.6 pp."""
    if base is not None and abs(value) <= 1e-9 * max(abs(base), 1e-300):
        return "0"  # rounding noise, not a difference
    if key == "energy_share_of_cost":
        return _signed(value * 100, " pp")
    sign = "+" if value >= 0 else "−"
    return f"{sign}{compact(abs(value), digits)}"


def _unit_suffix(unit: str) -> str:
    return {"USD": "", "share": "", "": "", "accelerators": "", "vCPUs": ""}.get(unit, f", {unit}")


def _slug(name: str) -> str:
    keep = "".join(ch if ch.isalnum() else "-" for ch in name.lower())
    return "-".join(filter(None, keep.split("-")))[:60] or "scenario"

