"""The background analyses (uncertainty bands and the tornado) as plain values, and the policy of
when they are computed at once and when they follow from the worker process.

The runner in ``ui.analyses`` carries requests out; what to ask for, and which result still
deserves the screen, is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from explorer.catalog import Catalog
from explorer.errors import ExplorerError
from explorer.scenario import Scenario

from .view import ViewOptions

# Up to this many samples the bands of a finished edit are computed at once (about 8 ms for 2,000);
# more go to the worker.
SYNC_SAMPLES = 2000
# While a slider is dragged the bands are a preview from at most this many samples (the P10 and P90
# of 500 samples are within 3% of those of 20,000 for every shipped preset): the worker then
# takes a quarter of the time, and shares the machine's cores with the window's thread for a quarter
# as long. The full count follows when the drag ends.
DRAG_SAMPLES = 500
# While dragging, the bands and the tornado follow at up to 25 updates a second.
INTERVAL_S = 0.040


@dataclass(frozen=True, eq=False)
class AnalysisRequest:
    scenario: Scenario
    catalog: Catalog
    samples: int
    precision: str = "bf16"
    effective: bool = False
    bands: bool = True  # compute the bands (False: the view hides them)

    @classmethod
    def for_view(cls, scenario: Scenario, catalog: Catalog, view: ViewOptions, samples: int) -> "AnalysisRequest":
        """The request carries only the chips in the mix (rows and colours as in the whole catalog):
        it is pickled to the worker on every request, and a 100,000-chip catalog took 0.8 s a time."""
        try:
            catalog = catalog.only(scenario.chip_mix)
        except ExplorerError:  # (a chip the catalog lacks: the whole catalog says so when evaluated)
            pass
        return cls(scenario, catalog, samples, view.precision, view.effective, view.show_bands)

    @property
    def wanted(self) -> bool:
        return bool(self.scenario.ranges)


@dataclass(frozen=True, eq=False)
class Analyses:
    bands: object = None  # explorer.uncertainty.Bands, or None
    tornados: Mapping | None = None  # KPI key -> Tornado, or None
    problem: str = ""  # why there are none ('' when fine)
    scenario: Scenario | None = None  # what they were computed for

    def belongs_to(self, scenario: Scenario) -> bool:
        """True when these are the analyses of ``scenario`` (not of an earlier value of a drag)."""
        return self.scenario is None or self.scenario is scenario or self.scenario == scenario

    def fits(self, term_months: int) -> bool:
        """True when the bands are of a scenario with this term (else they cannot be drawn)."""
        return self.bands is None or self.bands.series["cost_cumulative"].shape[1] == term_months


NONE = Analyses()


def run_analyses(request: AnalysisRequest) -> Analyses:
    """Bands and tornados of the request (nothing without ranges); a model error becomes the
    result's ``problem``."""
    if not request.wanted:
        return NONE
    from explorer.sensitivity import tornados
    from explorer.uncertainty import compute_bands

    try:
        bands = compute_bands(request.scenario, request.catalog, samples=request.samples,
                              precision=request.precision, effective=request.effective) if request.bands else None
        return Analyses(bands, tornados(request.scenario, request.catalog), scenario=request.scenario)
    except ExplorerError as exc:
        return Analyses(problem=exc.for_people)


@dataclass(frozen=True)
class Plan:
    background: bool  # the analyses follow from the worker; the ones on screen stay meanwhile
    samples: int
    followers: bool  # draw the charts that follow the analyses (the tornado) with this refresh


def plan(scenario: Scenario, dragging: bool, control_edit: bool, analyses_on_screen: bool,
         worker_in_process: bool) -> Plan:
    """When the analyses of a refresh are computed.

    In the background (from the worker process): while a slider is dragged, when they take long
    (many samples), and for a control's edit once analyses are on screen and the worker process runs
    (a key press on a slider then costs the charts' update only; the analyses follow a moment later).
    At once otherwise: the first analyses of a window (it never opens without them), and opening a
    file, a preset, undo, a catalog or a view switch (what is on screen belongs to another scenario or
    measure). A drag uses at most DRAG_SAMPLES samples; the full count follows when it ends."""
    samples = min(scenario.uncertainty_samples, DRAG_SAMPLES) if dragging else scenario.uncertainty_samples
    background = dragging or scenario.uncertainty_samples > SYNC_SAMPLES or (
        control_edit and analyses_on_screen and worker_in_process)
    return Plan(background=background, samples=samples, followers=not dragging)


class Generations:
    """Numbers the requests; tells whether a result still deserves the screen.

    The newest request's result always does. While a slider is dragged a newer request is nearly
    always waiting by the time a result comes back; a result asked for during a drag (``follow``) is
    still shown when it is newer than what is on screen (the analyses follow the drag a step behind)
    rather than dropped (they would freeze until the drag pauses). Failures of older requests are
    dropped."""

    def __init__(self):
        self.current = 0  # the newest request
        self.shown = 0  # the request whose result is on screen

    def next(self) -> int:
        self.current += 1
        return self.current

    def now(self) -> int:
        """A result computed at once: it is on screen, anything on its way is stale."""
        self.shown = self.next()
        return self.shown

    def accept(self, generation: int, follow: bool, ok: bool) -> bool:
        newest = generation == self.current or (follow and ok and generation > self.shown)
        if newest:
            self.shown = generation
        return newest
