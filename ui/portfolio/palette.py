"""How a portfolio is shown, wherever it is shown (the portfolio window, the portfolio deck): the
stacked charts and their titles, the figures' cards, and the fixed colours and legend words of
members, providers and chip families. No widgets."""

from __future__ import annotations

import colorsys
from functools import lru_cache
from typing import Sequence

from explorer import formatting as fmt
from explorer.i18n import QT_TR_NOOP, tr
from explorer.months import month_index, month_label
from explorer.portfolio import CHIP_FAMILIES, CHIP_FAMILY_LABELS, provider_label


# How the charts stack the members: key -> the switch's label.
STACKS = (("member", QT_TR_NOOP("Member")), ("provider", QT_TR_NOOP("Provider")),
          ("family", QT_TR_NOOP("Chip family")))
# ... and as a picture's subtitle says it
STACK_NOTES = {"member": QT_TR_NOOP("stacked by member"), "provider": QT_TR_NOOP("stacked by provider"),
               "family": QT_TR_NOOP("stacked by chip family")}

OTHER_COLOUR = "#9D9D9D"
# Fixed colours, so a provider or a chip family looks the same in every portfolio (and a member has
# its provider's: member_colours).
PROVIDER_COLOURS = {
    "AWS": "#F28E2B", "Microsoft": "#4E79A7", "Oracle": "#E15759", "CoreWeave": "#76B7B2", "Google": "#EDC948",
    "NVIDIA": "#59A14F", "AMD": "#9C755F", "Broadcom": "#B07AA1", "own build": "#BAB0AC", "other": OTHER_COLOUR,
}
FAMILY_COLOURS = {"nvidia": "#59A14F", "custom_silicon": "#6A3D9A", "other_merchant": "#E15759"}

# The stacked time charts: key (the window's and the command line's name), the projection's series
# (PortfolioProjection.series), title. The keys differ from the scenario charts' where the picture
# does: a scenario's 'capacity' is compute (EFLOPS), a portfolio's accelerators are a count, so that
# chart is 'accelerators'.
TIME_CHARTS = (
    ("accelerators", "gpus", QT_TR_NOOP("Accelerators installed")),
    ("power", "facility_mw", QT_TR_NOOP("Provisioned power")),
    ("cost", "cost", QT_TR_NOOP("Cost per month")),
    ("cumulative", "cost_cumulative", QT_TR_NOOP("Cumulative commitments")),
)
YEARLY_TITLE = QT_TR_NOOP("Commitments per calendar year")
# The KPI cards, in two rows: the totals, then the concentration (explorer.portfolio.FIGURES).
TOTAL_CARDS = ("facility_power_peak_mw", "gpus_peak", "cost_total_usd", "contract_value_usd", "peak_year_cost_usd")
CONCENTRATION_CARDS = ("largest_provider_share", "hhi", "nvidia_share", "custom_silicon_share", "other_merchant_share")
HHI_HIGH = 1800.0  # the 2023 US Merger Guidelines: above it, a market is highly concentrated


# A further member of a provider: its colour lighter or darker by these steps of lightness (HLS),
# in turn, so a company's members read as one company and stay apart from each other.
SHADE_STEPS = (0.16, -0.16, 0.28, -0.28, 0.08, -0.08, 0.22, -0.22)


def _shade(colour: str, step: float) -> str:
    r, g, b = (int(colour[i:i + 2], 16) / 255.0 for i in (1, 3, 5))
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(hue, min(max(light + step, 0.12), 0.9), sat)
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in (r, g, b)))


@lru_cache(maxsize=64)
def member_colours(members: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """label -> colour of each of ``members`` ((label, provider) pairs, in the portfolio's order,
    switched-off members included, so switching one off recolours no other). The first member of a
    provider takes the provider's fixed colour, so a company keeps its colour when the charts are
    stacked by provider instead; each further member of the same provider a lighter or darker shade
    of it (SHADE_STEPS, in turn; past the eighth they repeat). Adding or removing a member of one
    provider recolours no member of another."""
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for label, provider in members:
        base = PROVIDER_COLOURS.get(provider, OTHER_COLOUR)
        k = seen.get(provider, 0)
        seen[provider] = k + 1
        out[label] = base if k == 0 else _shade(base, SHADE_STEPS[(k - 1) % len(SHADE_STEPS)])
    return out


def group_styles(by: str, keys: Sequence[str], members: Sequence) -> tuple[list[str], list[str]]:
    """(colours, legend labels) of the groups ``keys`` of PortfolioProjection.grouped(…, by=``by``):
    a member its colour among ``members`` (the portfolio's, each with ``label`` and ``provider``:
    ``member_colours``), a provider and a chip family their fixed colours."""
    if by == "member":
        colours = member_colours(tuple((m.label, m.provider) for m in members))
        return [colours.get(k, OTHER_COLOUR) for k in keys], list(keys)
    if by == "provider":
        return [PROVIDER_COLOURS.get(k, OTHER_COLOUR) for k in keys], [provider_label(k) for k in keys]
    return [FAMILY_COLOURS[k] for k in keys], [tr(CHIP_FAMILY_LABELS[k]) for k in keys]


def _month(text: str | None) -> str:
    return month_label(month_index(text)) if text else "–"


def _percent(share) -> str:
    return fmt.percent(share) if share is not None else "–"


def card_texts(totals: dict, concentration: dict, members: int) -> dict[str, tuple[str, str]]:
    """Each card's figure and the line under it, in the language and currency shown, from
    PortfolioProjection.totals and .concentration (``members``: how many the portfolio lists):
    TOTAL_CARDS then CONCENTRATION_CARDS."""
    t, c = totals, concentration
    accel = c["by_accelerators"]
    out = {
        "facility_power_peak_mw": (fmt.power(t["facility_power_peak_mw"]), _month(t["facility_power_peak_month"])),
        "gpus_peak": (fmt.count_shown(t["gpus_peak"]), _month(t["gpus_peak_month"])),
        "cost_total_usd": (fmt.money(t["cost_total_usd"]), tr("{count} of {total} members switched on").format(
            count=t["members_enabled"], total=members)),
        "contract_value_usd": (fmt.money(t["contract_value_usd"]) if t["contract_members"] else "–",
                               "" if not t["contract_members"] else
                               tr("1 member; its modelled cost: {cost}").format(
                                   cost=fmt.money(t["cost_total_of_contracted_usd"])) if t["contract_members"] == 1 else
                               tr("{count} members; their modelled cost: {cost}").format(
                                   count=t["contract_members"], cost=fmt.money(t["cost_total_of_contracted_usd"]))),
        "peak_year_cost_usd": (fmt.money(t["peak_year_cost_usd"]) if t["peak_year"] else "–",
                               tr("in {year}").format(year=t["peak_year"]) if t["peak_year"] else ""),
    }
    if c["largest_provider"]:
        out["largest_provider_share"] = (
            tr("{provider}: {share}").format(provider=provider_label(c["largest_provider"]),
                                             share=_percent(c["largest_provider_share"])),
            tr("1 provider") if len(c["provider_shares"]) == 1 else
            tr("{count} providers").format(count=len(c["provider_shares"])))
    else:
        out["largest_provider_share"] = ("–", "")
    hhi = c["hhi"]
    out["hhi"] = (f"{hhi:,.0f}" if hhi is not None else "–",
                  "" if hhi is None else tr("Highly concentrated (above 1,800)") if hhi > HHI_HIGH
                  else tr("Not highly concentrated (1,800 or less)"))
    for family in CHIP_FAMILIES:
        if c[f"{family}_share"] is None:  # nothing switched on: no cost to share
            out[f"{family}_share"] = ("–", "")
            continue
        out[f"{family}_share"] = (tr("{share} of cost").format(share=_percent(c[f"{family}_share"])),
                                  tr("{share} of accelerators at the peak").format(
                                      share=_percent(accel[f"{family}_share"])))
    return out
