"""The portfolio's figures as the window's cards and the report's boxes show them: a value and a
detail line for each of explorer.portfolio.FIGURES (whose labels and one-line explanations go with
them), in the language and currency shown. Plain Python: the window and ui/render/portfolio.py both
read them from here."""

from __future__ import annotations

from explorer import formatting as fmt
from explorer.i18n import tr
from explorer.months import month_index, month_label
from explorer.portfolio import CHIP_FAMILIES, Portfolio, PortfolioProjection, provider_label

# The figures in two rows: the totals, then the concentration.
TOTAL_CARDS = ("facility_power_peak_mw", "gpus_peak", "cost_total_usd", "contract_value_usd", "peak_year_cost_usd")
CONCENTRATION_CARDS = ("largest_provider_share", "hhi", "nvidia_share", "custom_silicon_share", "other_merchant_share")
HHI_HIGH = 1800.0  # the 2023 US Merger Guidelines: above it, a market is highly concentrated


def _month(text: str | None) -> str:
    return month_label(month_index(text)) if text else "–"


def _percent(share) -> str:
    return fmt.percent(share) if share is not None else "–"


def figure_texts(portfolio: Portfolio, projection: PortfolioProjection) -> dict[str, tuple[str, str]]:
    """key -> (value, detail) for every card, in TOTAL_CARDS then CONCENTRATION_CARDS order."""
    t, c = projection.totals, projection.concentration
    accel = c["by_accelerators"]
    out = {
        "facility_power_peak_mw": (fmt.power(t["facility_power_peak_mw"]), _month(t["facility_power_peak_month"])),
        "gpus_peak": (fmt.count_shown(t["gpus_peak"]), _month(t["gpus_peak_month"])),
        "cost_total_usd": (fmt.money(t["cost_total_usd"]), tr("{count} of {total} members switched on").format(
            count=t["members_enabled"], total=len(portfolio.members))),
        "contract_value_usd": (
            fmt.money(t["contract_value_usd"]) if t["contract_members"] else "–",
            tr("{count} members; their modelled cost: {cost}").format(
                count=t["contract_members"], cost=fmt.money(t["cost_total_of_contracted_usd"]))),
        "peak_year_cost_usd": (fmt.money(t["peak_year_cost_usd"]) if t["peak_year"] else "–",
                               tr("in {year}").format(year=t["peak_year"] or "–")),
    }
    if c["largest_provider"]:
        out["largest_provider_share"] = (
            tr("{provider}: {share}").format(provider=provider_label(c["largest_provider"]),
                                             share=_percent(c["largest_provider_share"])),
            tr("{count} providers").format(count=len(c["provider_shares"])))
    else:
        out["largest_provider_share"] = ("–", "")
    hhi = c["hhi"]
    out["hhi"] = (f"{hhi:,.0f}" if hhi is not None else "–",
                  "" if hhi is None else tr("Highly concentrated (above 1,800)") if hhi > HHI_HIGH
                  else tr("Not highly concentrated (1,800 or less)"))
    for family in CHIP_FAMILIES:
        out[f"{family}_share"] = (
            tr("{share} of cost").format(share=_percent(c[f"{family}_share"])),
            tr("{share} of accelerators at the peak").format(share=_percent(accel[f"{family}_share"])))
    return out
