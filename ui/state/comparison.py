"""The comparison: up to three scenarios held beside the current one (the first may be a pinned
baseline), drawn over the charts and tabled with their differences."""

from __future__ import annotations

from explorer.catalog import Catalog
from explorer.compare import MAX_COMPARED
from explorer.errors import ExplorerError
from explorer.i18n import tr
from explorer.model import Projection, evaluate
from explorer.months import month_index
from explorer.scenario import Scenario, check_chips

from .chart_input import Overlay

# Compared scenarios' lines: colours no data series uses (chips, cost components, power lines).
COLOURS = ("#D81B60", "#00897B", "#5D4037", "#3949AB")
BASELINE_PREFIX = "Baseline: "  # (English; a pinned baseline's label is tr("Baseline: {name}"))
LEGEND_CHARS = 32  # a compared scenario's name in a legend: at most this long


class ComparisonFull(Exception):
    """Raised with the message to show when a scenario cannot be added."""


class Comparison:
    def __init__(self):
        self.entries: list[tuple[str, Scenario]] = []  # (label, scenario); a pinned baseline first
        self._pin_label: str | None = None  # the label the pinned baseline was given (in its language)
        self._projections: dict[int, tuple[Scenario, Catalog, Projection]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def __bool__(self) -> bool:
        return bool(self.entries)

    @property
    def labels(self) -> list[str]:
        return [label for label, _ in self.entries]

    def pin(self, scenario: Scenario) -> str:
        """Pin ``scenario`` as the baseline (replacing an earlier pin); returns its label."""
        label = tr("Baseline: {name}").format(name=scenario.name)
        if self._pinned():
            self.entries[0] = (label, scenario)
        elif len(self.entries) >= MAX_COMPARED - 1:
            raise ComparisonFull(tr("Up to {count} scenarios can be compared side by side, the current one "
                                    "included. Clear the comparison before pinning a baseline.").format(
                                        count=MAX_COMPARED))
        else:
            self.entries.insert(0, (label, scenario))
        self._pin_label = label
        return label

    def _pinned(self) -> bool:
        """True when the first entry is a pinned baseline."""
        if not self.entries:
            return False
        first = self.entries[0][0]
        return first == self._pin_label or first.startswith(BASELINE_PREFIX)

    def add(self, label: str, scenario: Scenario) -> None:
        if len(self.entries) >= MAX_COMPARED - 1:
            raise ComparisonFull(tr("Up to {count} scenarios can be compared side by side, the current one "
                                    "included. Clear the comparison first.").format(count=MAX_COMPARED))
        self.entries.append((label, scenario))

    def clear(self) -> None:
        self.entries = []
        self._pin_label = None
        self._projections = {}

    def drop_unusable(self, catalog: Catalog) -> list[str]:
        """Remove scenarios naming chips ``catalog`` lacks; returns their labels."""
        dropped = []
        for label, scenario in list(self.entries):
            try:
                check_chips(scenario, catalog)
            except ExplorerError:
                self.entries.remove((label, scenario))
                dropped.append(label)
        return dropped

    def projection(self, scenario: Scenario, catalog: Catalog) -> Projection:
        """A compared scenario's projection, evaluated once per catalog (compared scenarios do not
        change while the sliders move the current one). Raises ExplorerError if it cannot be."""
        hit = self._projections.get(id(scenario))
        if hit is None or hit[0] is not scenario or hit[1] is not catalog:
            hit = self._projections[id(scenario)] = (scenario, catalog, evaluate(scenario, catalog))
        return hit[2]

    def overlays(self, shown: Scenario, catalog: Catalog) -> tuple[Overlay, ...]:
        """The compared scenarios as the charts draw them, in months from the shown one's start."""
        out = []
        start = month_index(shown.start)
        for k, (label, scenario) in enumerate(self.entries):
            try:
                projection = self.projection(scenario, catalog)
            except ExplorerError:
                continue
            short = label if len(label) <= LEGEND_CHARS else label[:LEGEND_CHARS - 1] + "…"
            out.append(Overlay(short, COLOURS[k % len(COLOURS)], projection, month_index(scenario.start) - start))
        return tuple(out)

    def summaries(self, catalog: Catalog) -> tuple[list[tuple[str, dict]], list[tuple[str, str]]]:
        """([(label, summary)] of the compared scenarios, [(label, reason)] of those dropped because
        they can no longer be evaluated, e.g. a chip of a catalog no longer loaded)."""
        rows, dropped = [], []
        for label, scenario in list(self.entries):
            try:
                rows.append((label, self.projection(scenario, catalog).summary()))
            except ExplorerError as exc:
                self.entries.remove((label, scenario))
                dropped.append((label, str(exc)))
        return rows, dropped
