"""ChartInput: everything a chart draws, as one value (the charts' one entry point takes it)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

from explorer import formatting as fmt
from explorer import i18n
from explorer.catalog import Catalog
from explorer.model import Projection, evaluate
from explorer.scenario import Scenario

from .view import ViewOptions


@dataclass(frozen=True)
class Overlay:
    """A compared scenario drawn over the charts."""

    label: str
    colour: str
    projection: Projection
    offset: int  # months from the shown scenario's start to this one's


@dataclass(frozen=True, eq=False)
class ChartInput:
    projection: Projection
    scenario: Scenario
    view: ViewOptions = ViewOptions()
    bands: object = None  # explorer.uncertainty.Bands, or None
    bands_stale: bool = False  # the bands belong to an earlier value (a drag's): drawn dimmed
    tornados: Mapping | None = None  # KPI key -> explorer.sensitivity.Tornado, or None
    overlays: tuple[Overlay, ...] = ()
    overlay_legend: bool = True  # name compared scenarios in the legends (the window's table may do it)
    dragging: bool = False  # a slider is held: axes only grow, smoothing is off
    hold_axes: bool = False  # a control's single edit: an axis keeps its range while the data fits it
    subtitle: str = ""  # a line under the title (the scenario's name in exports)
    # the language and currency it is drawn in (a change of either redraws the figures)
    shown_in: tuple = field(default_factory=lambda: (i18n.language(), fmt.currency()))

    def replace(self, **changes) -> "ChartInput":
        return replace(self, **changes)

    def same_data(self, other: "ChartInput | None", projection: bool = True, tornados: bool = False) -> bool:
        """True when a chart's own data would be drawn the same (only bands, compared scenarios or
        the legend can differ): the chart then redraws those alone. A chart names what its data
        comes from: the projection and scenario, and/or the tornados."""
        return (other is not None and other.view == self.view and other.dragging == self.dragging
                and other.hold_axes == self.hold_axes and other.shown_in == self.shown_in
                and (not projection or (other.projection is self.projection and other.scenario is self.scenario))
                and (not tornados or other.tornados is self.tornados))

    @property
    def band_series(self) -> dict | None:
        return self.bands.series if self.bands is not None else None


def standalone_input(scenario: Scenario, catalog: Catalog, view: ViewOptions = ViewOptions(),
                     analyses: bool = True, subtitle: str = "") -> ChartInput:
    """The input of a chart drawn away from the window (the command line's render and report): the
    scenario evaluated, with its bands and tornado when it has uncertainty ranges."""
    from .analysis import AnalysisRequest, run_analyses

    projection = evaluate(scenario, catalog)
    found = None
    if analyses and scenario.ranges:
        found = run_analyses(AnalysisRequest.for_view(scenario, catalog, view, scenario.uncertainty_samples))
    return ChartInput(projection, scenario, view, bands=found.bands if found else None,
                      tornados=found.tornados if found else None, subtitle=subtitle)
