"""Fit to budget: the GPU count, or the price level, at which the total cost over the term equals a
budget, everything else held.

Both answers are exact for this model: every cost component is proportional to the GPU count, and the
total cost is an affine function of a common multiplier k on all chip prices
(cost = fixed + k × price-dependent part). The solver still evaluates its answer and checks it
reproduces the budget to 0.1%, so a future non-linear cost would fail loudly rather than silently.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .catalog import Catalog, builtin_catalog
from .errors import ExplorerError
from . import formatting as fmt
from .i18n import QT_TR_NOOP, is_japanese, tr
from .model import Params, evaluate
from .fields import FIELDS
from .scenario import Scenario

SOLVE_FOR = ("gpu_count", "facility_power_mw", "price")
TOLERANCE = 0.001


class FitError(ExplorerError):
    """No value of the chosen input meets the budget; the message says why."""


@dataclass(frozen=True)
class FitResult:
    solved_for: str
    value: float  # GPUs, or the average price (rent ex power per GPU-hour, or purchase per accelerator)
    unit: str  # English (as --json writes it); shown through tr (marked with QT_TR_NOOP below)
    scenario: Scenario  # the fitted scenario
    cost_total_usd: float
    budget_usd: float
    changes: dict

    def price_text(self) -> str:
        """The average price found, as the answer shows it: in English and USD as it always read
        ('2.345 USD per GPU-hour (average rent, ex power)'), else in the currency and language shown
        ('515円 …', 'JPY 515 per GPU-hour (average rent, ex power)'). ``unit`` stays as --json writes it."""
        if not fmt.currency().is_yen and not is_japanese():
            return f"{self.value:,.4g} {tr(self.unit)}"
        return tr(_PRICE_SHOWN[self.unit]).format(price=fmt.money(self.value, 4))

    def as_dict(self) -> dict:
        return {"solved_for": self.solved_for, "value": self.value, "unit": self.unit,
                "cost_total_usd": self.cost_total_usd, "budget_usd": self.budget_usd,
                "changes": {k: (dict(v) if hasattr(v, "items") else v) for k, v in self.changes.items()}}


def _total(params: Params) -> np.ndarray:
    return evaluate(params).kpis["cost_total_usd"]


def fit_to_budget(scenario: Scenario, budget: float, solve_for: str = "gpu_count",
                  catalog: Catalog | None = None) -> FitResult:
    catalog = catalog or builtin_catalog()
    if solve_for not in SOLVE_FOR:
        raise FitError(tr("cannot solve for '{what}'; choose gpu_count, facility_power_mw or price").format(
            what=solve_for))
    if not np.isfinite(budget) or budget <= 0:
        raise FitError(tr("the budget must be a positive amount in USD, got {budget}").format(budget=budget))
    if solve_for == "gpu_count":
        result = _fit_gpus(scenario, budget, catalog)
    elif solve_for == "facility_power_mw":
        result = _fit_power(scenario, budget, catalog)
    else:
        result = _fit_price(scenario, budget, catalog)
    achieved = result.cost_total_usd
    if abs(achieved / budget - 1) > TOLERANCE:  # pragma: no cover - guards a future non-linear model
        raise FitError(tr("could not match the budget: the best {what} gives {cost}").format(
            what=solve_for, cost=fmt.money(achieved)))
    return result


def _fit_gpus(scenario: Scenario, budget: float, catalog: Catalog) -> FitResult:
    spec = FIELDS["gpu_count"]
    per_gpu = float(_total(Params.from_scenarios(scenario.replace(gpu_count=1), catalog))[0])
    if per_gpu <= 0:
        raise FitError(tr("the scenario costs nothing per accelerator, so no GPU count matches a budget"))
    exact = budget / per_gpu  # (sizing by GPUs: a power-sized scenario switches to a GPU count)
    if exact < spec.lo:
        raise FitError(tr("{budget} does not pay for one accelerator over the term ({each} each)").format(
            budget=fmt.money(budget), each=fmt.money(per_gpu)))
    if exact > spec.hi:
        raise FitError(tr("{budget} would pay for {count} accelerators; the model allows up to {limit}").format(
            budget=fmt.money(budget), count=f"{exact:,.0f}", limit=f"{spec.hi:,.0f}"))
    gpus = int(round(exact))
    fitted = scenario.replace(gpu_count=gpus)
    cost = float(evaluate(fitted, catalog).kpis["cost_total_usd"][0])
    if abs(cost / budget - 1) > TOLERANCE:
        raise FitError(tr("{budget} buys {count} accelerators; a whole number of them ({whole}) misses the "
                          "budget by more than 0.1%").format(budget=fmt.money(budget), count=f"{exact:.2f}",
                                                              whole=f"{gpus:,}"))
    return FitResult("gpu_count", float(gpus), QT_TR_NOOP("accelerators"), fitted, cost, budget, {"gpu_count": gpus})



def _fit_power(scenario: Scenario, budget: float, catalog: Catalog) -> FitResult:
    """Every cost is proportional to the accelerator count, and so to the provisioned power that
    holds them: power = budget ÷ cost per MW."""
    spec = FIELDS["facility_power_mw"]
    per_mw = float(_total(Params.from_scenarios(scenario.replace(facility_power_mw=1.0), catalog))[0])
    if per_mw <= 0:
        raise FitError(tr("the scenario costs nothing per MW, so no power matches a budget"))
    mw = budget / per_mw
    if not spec.lo <= mw <= spec.hi:
        raise FitError(tr("{budget} would pay for {mw} MW; the model allows {low} to {high} MW").format(
            budget=fmt.money(budget), mw=f"{mw:,.3g}", low=f"{spec.lo:g}", high=f"{spec.hi:,.0f}"))
    mw = float(f"{mw:.6g}")
    fitted = scenario.replace(facility_power_mw=mw)
    cost = float(evaluate(fitted, catalog).kpis["cost_total_usd"][0])
    return FitResult("facility_power_mw", mw, QT_TR_NOOP("MW (provisioned facility power)"), fitted, cost, budget,
                     {"facility_power_mw": mw})


def _fit_price(scenario: Scenario, budget: float, catalog: Catalog) -> FitResult:
    base = Params.from_scenarios(scenario, catalog)
    fixed, at_one = (float(v) for v in _total(Params.from_scenarios([scenario] * 2, catalog).replace(
        rent_usd_per_gpu_hour=np.stack([base.rent_usd_per_gpu_hour[0] * 0, base.rent_usd_per_gpu_hour[0]]),
        purchase_usd=np.stack([base.purchase_usd[0] * 0, base.purchase_usd[0]]))))
    variable = at_one - fixed
    own = scenario.pricing == "own"
    if budget <= fixed:
        raise FitError((tr("costs that do not depend on the chip purchase price (energy, CPUs, facility, other) "
                           "already reach {fixed}, above the budget of {budget}") if own else
                        tr("costs that do not depend on the chip rent price (energy, CPUs, facility, other) "
                           "already reach {fixed}, above the budget of {budget}")).format(
                               fixed=fmt.money(fixed), budget=fmt.money(budget)))
    if variable <= 0:
        raise FitError(tr("the chip purchase prices are all zero, so no price level changes the cost") if own else
                       tr("the chip rent prices are all zero, so no price level changes the cost"))
    k = (budget - fixed) / variable
    scale = scenario.chip_price_scale * k
    spec = FIELDS["chip_price_scale"]
    if not spec.lo <= scale <= spec.hi:
        raise FitError(tr("the budget needs chip prices at {factor} × their current level (a chip price scale of "
                          "{scale}); the model allows {low} to {high}").format(
                              factor=f"{k:.3g}", scale=f"{scale:.3g}", low=f"{spec.lo:g}", high=f"{spec.hi:g}"))
    changes: dict = {"chip_price_scale": scale}
    for key in ("rent_price_overrides", "purchase_price_overrides"):
        overrides = getattr(scenario, key)
        if overrides:
            limit = FIELDS[key].hi
            scaled = {chip: price * k for chip, price in overrides.items()}
            if any(v > limit for v in scaled.values()):
                raise FitError(tr("the budget needs per-chip prices above the allowed {limit}").format(
                    limit=f"{limit:,.0f}"))
            changes[key] = scaled
    fitted = scenario.replace(**changes)
    params = Params.from_scenarios(fitted, catalog)
    cost = float(_total(params)[0])
    n = evaluate(params).gpus_full_by_chip[0]
    if scenario.pricing == "own":
        value, unit = float((n * params.purchase_usd[0]).sum() / n.sum()), \
            QT_TR_NOOP("USD per accelerator (average purchase)")
    else:
        value, unit = float((n * params.rent_usd_per_gpu_hour[0]).sum() / n.sum()), \
            QT_TR_NOOP("USD per GPU-hour (average rent, ex power)")
    return FitResult("price", value, unit, fitted, cost, budget, changes)




# How the answer shows an average price in another currency or language (FitResult.price_text); the
# keys are the units --json writes.
_PRICE_SHOWN = {"USD per accelerator (average purchase)": QT_TR_NOOP("{price} per accelerator (average purchase)"),
                "USD per GPU-hour (average rent, ex power)": QT_TR_NOOP("{price} per GPU-hour (average rent, ex "
                                                                        "power)")}
