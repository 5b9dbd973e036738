"""Fit to budget: the GPU count, the provisioned power or the chip price level that makes the total
cost over the term equal a budget. The dialog is given the solve function."""

from __future__ import annotations

from typing import Callable

from explorer.catalog import Catalog
from explorer.errors import ExplorerError
from explorer.formatting import power, usd

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
        self.document.edit(dict(result.changes), text="Fit to budget")
        what = {"gpu_count": f"{result.value:,.0f} accelerators",
                "facility_power_mw": f"{power(result.value)} of provisioned facility power",
                "price": f"chip price scale {result.changes.get('chip_price_scale', 0):.3g}"}[result.solved_for]
        self.status.show(f"Fitted to {usd(result.budget_usd)}: {what}")

    def open_dialog(self) -> None:
        result = self.dialogs.fit(self.document.scenario, self.solve)
        if result is not None:
            self.apply(result)
