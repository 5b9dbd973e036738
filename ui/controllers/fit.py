"""Fit to budget: the GPU count, the provisioned power or the chip price level that makes the total
cost over the term equal a budget. The dialog is given the solve function."""

from __future__ import annotations

from typing import Callable

from explorer.catalog import Catalog
from explorer.errors import ExplorerError
from explorer import formatting as fmt
from explorer.formatting import power
from explorer.i18n import tr

from ..document import ScenarioDocument
from .status import Status


class FitController:
    def __init__(self, document: ScenarioDocument, catalog: Callable[[], Catalog], dialogs, status: Status):
        self.document, self._catalog, self.dialogs, self.status = document, catalog, dialogs, status

    def solve(self, budget: float, solve_for: str):
        """(FitResult, None), or (None, the reason no answer exists)."""
        from explorer.fit import fit_to_budget

        try:
            return fit_to_budget(self.document.scenario, budget, solve_for, self._catalog()), None
        except ExplorerError as exc:
            return None, str(exc)

    def apply(self, result) -> None:
        self.document.edit(dict(result.changes), text=tr("Fit to budget"))
        budget = fmt.money(result.budget_usd)
        if result.solved_for == "gpu_count":
            text = tr("Fitted to {budget}: {count} accelerators").format(budget=budget, count=f"{result.value:,.0f}")
        elif result.solved_for == "facility_power_mw":
            text = tr("Fitted to {budget}: {power} of provisioned facility power").format(budget=budget,
                                                                                          power=power(result.value))
        elif result.solved_for == "price":
            text = tr("Fitted to {budget}: chip price scale {scale}").format(
                budget=budget, scale=f"{result.changes.get('chip_price_scale', 0):.3g}")
        else:
            raise KeyError(result.solved_for)
        self.status.show(text)

    def open_dialog(self) -> None:
        result = self.dialogs.fit(self.document.scenario, self.solve)
        if result is not None:
            self.apply(result)
