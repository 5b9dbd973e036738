"""The display: what every view shows, and when it is redrawn.

One way for data to flow: an edit becomes a new Scenario in the document (an undoable step); the
document's change schedules one refresh; the refresh evaluates the shown scenario (the document's, or
the presentation's slide), decides how the analyses follow (``ui.state.analysis.plan``), builds one
ChartInput and hands it to every shown chart, the KPI strip and the comparison table. Bursts of
edits within one event-loop pass collapse into one refresh (superqt's throttler, 0 ms timeout).

While a slider is dragged the analyses come from the worker process a step behind; a result that
arrives during the drag is drawn with the next step (one repaint for both), or on its own when the
drag pauses.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from superqt.utils import QSignalThrottler

from explorer.catalog import Catalog
from explorer.errors import ExplorerError
from explorer.i18n import tr
from explorer.model import Projection, evaluate
from explorer.scenario import Scenario

from ..analyses import AnalysisRunner
from ..document import ScenarioDocument
from ..state.analysis import INTERVAL_S, NONE, Analyses, AnalysisRequest, plan
from ..state.chart_input import ChartInput
from ..state.comparison import COLOURS, Comparison
from ..state.kpi_lines import card_extras
from ..state.presentation import Presentation
from ..state.view import ECONOMICS_VIEWS, ViewOptions
from .status import Status

SETTLE_MS = 400  # a pause this long after single edits fits the axes to the data


class Display(QObject):
    refreshed = Signal()  # every shown view shows the current scenario
    summaryChanged = Signal(dict)  # the shown scenario's summary, after each evaluation
    comparisonShown = Signal(bool)  # the comparison table appeared (True) or went (False)
    viewChanged = Signal(object)  # new ViewOptions

    def __init__(self, document: ScenarioDocument, charts: dict, kpis, table, catalog: Catalog,
                 comparison: Comparison, status: Status, runner: AnalysisRunner | None = None,
                 view: ViewOptions | None = None, parent=None):
        super().__init__(parent)
        self.document, self.charts, self.kpis, self.table = document, charts, kpis, table
        self.catalog, self.comparison, self.status = catalog, comparison, status
        self.runner = runner or AnalysisRunner(parent=self)
        self.runner.arrived.connect(self._arrived)
        self.view = view or ViewOptions()
        self.presentation: Presentation | None = None
        self.projection: Projection | None = None
        # (the scenario object, the catalog) ``projection`` is the evaluation of: a large catalog is
        # evaluated as the subset the scenario uses, so the projection's own catalog cannot tell
        self.evaluated: tuple[Scenario, Catalog] | None = None
        self.steps = 0  # refreshes drawn
        self._analyses_step = -1  # the refresh that last drew newly arrived analyses
        self._hold: str | None = None  # the next refresh leaves arrived analyses for the one after: 'soft', 'firm'
        self._held_steps = 0  # the steps in a row that left arrived analyses pending
        self.analyses: Analyses = NONE
        self.input: ChartInput | None = None
        self._pending: Analyses | None = None
        self._control_edit: Scenario | None = None  # the scenario a control's edit just made
        self._baseline: tuple = (None, None, None)  # (scenario, catalog, summary)
        self._table_shown = False
        self._throttle = QSignalThrottler(QSignalThrottler.EmissionPolicy.Trailing, parent=self)
        self._throttle.setTimeout(0)
        self._throttle.triggered.connect(self.refresh)
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.timeout.connect(self._apply_pending)
        # After a run of single edits the axes, held while they came, are fitted once they pause.
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(SETTLE_MS)
        self._settle_timer.timeout.connect(self.settle)

    # ------------------------------------------------------------------ what is shown
    def shown_scenario(self) -> Scenario:
        """The presentation's slide, or the document's scenario."""
        shown = self.presentation.shown if self.presentation is not None else None
        return shown or self.document.scenario

    def is_shown(self, name: str) -> bool:
        """False for the chart of the unit-economics slot the view does not show (it is not drawn)."""
        return name not in ECONOMICS_VIEWS.values() or name == self.view.economics_chart

    def baseline(self) -> dict | None:
        """The summary changes are measured against: the first slide, or the scenario as saved."""
        base = self.presentation.origin if self.presentation is not None else self.document.baseline
        if self._baseline[0] is not base or self._baseline[1] is not self.catalog:
            try:
                summary = evaluate(base, self.catalog).summary()
            except ExplorerError:
                summary = None
            self._baseline = (base, self.catalog, summary)
        return self._baseline[2]

    # ------------------------------------------------------------------ changes
    def edit(self, changes: dict, dragging: bool) -> bool:
        """A control's edit as an undoable step; False (and a message) when the scenario refuses it."""
        try:
            before = self.document.scenario
            self.document.edit(changes, dragging=dragging)
        except ExplorerError as exc:
            self.status.show(exc.for_people, error=True)
            return False
        if self.document.scenario is not before:  # its analyses may follow from the worker
            self._control_edit = self.document.scenario
        return True

    def schedule(self) -> None:
        """Refresh on the next pass of the event loop (edits before it collapse into one)."""
        self._throttle.throttle()

    def set_view(self, **changes) -> None:
        view = self.view.replace(**changes)
        if view == self.view:
            return
        self.view = view
        self.viewChanged.emit(view)
        self.refresh()  # a new measure: its analyses at once (not a control's edit)

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.refresh()

    def set_presentation(self, presentation: Presentation | None) -> None:
        self.presentation = presentation
        self.refresh()

    def run_pending(self) -> None:
        """Run a scheduled refresh now, without waiting for the analyses (what the event loop's next
        pass does)."""
        self._throttle.flush()

    def flush(self) -> None:
        """Run a pending refresh now, wait for the analyses being computed and draw them (tests,
        exports and benchmarks call this instead of waiting)."""
        self._throttle.flush()
        self.runner.join()
        self._apply_pending()
        if self._settle_timer.isActive():
            self.settle()

    def snapshot(self) -> ChartInput | None:
        """What the charts show now, complete (pending work done): for exports. An edited scenario
        carries a name and description marked as modified."""
        self.flush()
        if self.input is None:
            return None
        return self.input.replace(dragging=False, scenario=self.named(self.input.scenario),
                                  subtitle=self.shown_name())

    # ------------------------------------------------------------------ the refresh
    def _request(self, scenario: Scenario, samples: int) -> AnalysisRequest:
        return AnalysisRequest.for_view(scenario, self.catalog, self.view, samples)

    def _input(self, projection: Projection, scenario: Scenario, hold_axes: bool) -> ChartInput:
        return ChartInput(projection, scenario, self.view, bands=self.analyses.bands,
                          bands_stale=not self.analyses.belongs_to(scenario), tornados=self.analyses.tornados,
                          overlays=self.comparison.overlays(scenario, self.catalog), overlay_legend=True,
                          dragging=self.document.dragging, hold_axes=hold_axes)

    def shown_name(self) -> str:
        """The shown scenario's name as pictures print it: marked '(modified)' when the document was
        changed since it was opened or saved but still carries the name it came with."""
        return self.named(self.shown_scenario()).name

    def named(self, scenario: Scenario) -> Scenario:
        """``scenario`` with its name and description marked as modified, when they are the ones of the
        document as opened or saved and the figures changed since (a preset edited)."""
        doc = self.document
        if scenario is not doc.scenario or not doc.modified:
            return scenario
        base = doc.baseline
        changes = {}
        marked = tr("{name} (modified)")
        if scenario.name == base.name and not scenario.name.endswith(("(modified)", marked.format(name="").strip())):
            changes["name"] = marked.format(name=scenario.name)[:200]
        if scenario.description and scenario.description == base.description:
            changes["description"] = tr("Modified since it was opened: the figures no longer match this description. "
                                        "{description}").format(description=scenario.description)[:5000]
        return scenario.replace(**changes) if changes else scenario

    @property
    def against(self) -> str:
        """What the KPI cards compare with: the first slide, the saved file, or the scenario as opened."""
        return "first slide" if self.presentation is not None else "saved" if self.document.path else "opened"

    def refresh(self) -> None:
        scenario = self.shown_scenario()
        try:
            projection = evaluate(scenario, self.catalog)
        except ExplorerError as exc:
            self.status.show(exc.for_people, error=True)
            return
        self.projection, self.evaluated = projection, (scenario, self.catalog)
        self.steps += 1
        dragging = self.document.dragging
        control_edit = self._control_edit is scenario and self.presentation is None
        self._control_edit = None
        how = plan(scenario, dragging, control_edit, self.analyses is not NONE, self.runner.in_process)
        hold, self._hold = self._hold, None
        if how.background:  # the analyses follow from the worker; meanwhile the last ones stay
            # another window takes this step (a soft hold only if they have not waited yet: never
            # more than two steps in a row, so they are drawn however often the other is due)
            held = hold == "firm" or (hold == "soft" and self._held_steps == 0)
            if self._pending is not None and held:  # drawn with the next step
                self._held_steps += 1
                self._pending_timer.start(int(INTERVAL_S * 1000))  # (or on their own, if no step comes)
            elif self._pending is not None:  # arrived since the last step: drawn with this one
                self._pending_timer.stop()
                self.analyses, self._pending = self._pending, None
                self._analyses_step = self.steps
                self._held_steps = 0
            else:
                self._held_steps = 0
            if not self.analyses.fits(projection.params.term_months):
                self.analyses = NONE
        else:
            self._pending = None
            self._pending_timer.stop()
            self.analyses = self.runner.compute_now(self._request(scenario, how.samples))
            if self.analyses.problem:
                self.status.show(tr("No bands: {problem}").format(problem=self.analyses.problem), error=True)
        # A control's single edit (a key press, a typed value) keeps the axes while the data fits
        # them, until the edits pause; anything else (a drag's end, a file, undo) fits them anew.
        hold = control_edit and not dragging
        self._show(projection, scenario, hold_axes=hold)
        if hold:
            self._settle_timer.start()
        else:
            self._settle_timer.stop()
        if how.background:
            self.runner.submit(self._request(scenario, how.samples), follow=dragging)
        self.refreshed.emit()

    def _show(self, projection: Projection, scenario: Scenario, hold_axes: bool = False,
              analyses_only: bool = False) -> None:
        """Every shown view draws the projection and the analyses; ``analyses_only``: the projection
        is the one on screen (the charts then redraw their bands alone, see Chart.set_input)."""
        self.input = inp = self._input(projection, scenario, hold_axes)
        for name, chart in self.charts.items():
            if self.is_shown(name):
                chart.set_input(inp)
        summary = projection.summary()
        if not analyses_only:
            self.summaryChanged.emit(summary)
        self.kpis.set_values(summary, self.baseline(),
                             card_extras(summary, scenario, self.analyses.bands, inp.bands_stale,
                                         brief=self.presentation is not None), against=self.against)
        if not analyses_only:
            self._fill_comparison(summary, scenario)

    def settle(self) -> None:
        """Fit the axes to what is shown (after a run of single edits paused)."""
        self._settle_timer.stop()
        if self.projection is not None and self.input is not None and self.input.hold_axes:
            self._show(self.projection, self.shown_scenario(), hold_axes=False, analyses_only=True)

    def _arrived(self, generation: int, analyses: Analyses) -> None:
        if analyses.problem:
            self.status.show(tr("No bands: {problem}").format(problem=analyses.problem), error=True)
        if self.document.dragging:
            self._pending = analyses
            self._pending_timer.start(int(INTERVAL_S * 1000))
        else:
            self._pending = None
            self._apply(analyses)

    def drew_analyses(self) -> bool:
        """True when the latest step drew newly arrived analyses (the bands and the tornado redrawn
        with it): a window that follows the drag (the portfolio) then takes the next step instead
        (``hold_analyses``), so that the two redraws, each up to 25 a second, never land on the
        same step."""
        return self._analyses_step == self.steps

    def hold_analyses(self, firm: bool = False) -> None:
        """The next step leaves analyses that arrive for it pending: they are drawn with the step
        after it (or on their own, if the drag pauses). A window that follows the drag calls it for
        a step of its own: ``firm`` always (the portfolio's repaint, the step after its figures);
        otherwise only if they have not waited a step already (the figures then wait for the next
        free step)."""
        self._hold = "firm" if firm or self._hold == "firm" else "soft"

    def _apply_pending(self) -> None:
        if self._pending is not None:
            analyses, self._pending = self._pending, None
            self._apply(analyses)

    def _apply(self, analyses: Analyses) -> None:
        """New analyses for the projection on screen: the charts redraw their bands (and the tornado
        its bars); the KPI ranges follow."""
        if self.projection is None:
            return
        self.analyses = analyses if analyses.fits(self.projection.params.term_months) else NONE
        hold = self.input.hold_axes if self.input is not None else False
        self._show(self.projection, self.shown_scenario(), hold_axes=hold, analyses_only=True)

    def _fill_comparison(self, current: dict, scenario: Scenario) -> None:
        named: list = []
        if self.comparison:
            named, dropped = self.comparison.summaries(self.catalog)
            for label, reason in dropped:
                self.status.show(tr("Removed “{name}” from the comparison: {reason}").format(name=label, reason=reason),
                                 error=True)
            named.append((tr("Current: {name}").format(name=scenario.name), current))
        shown = self.table.show_summaries(named, COLOURS)
        if shown != self._table_shown:
            self._table_shown = shown
            self.comparisonShown.emit(shown)
