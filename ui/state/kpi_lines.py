"""The line under each KPI card's figure: what it is made of, and its P10-P90 when bands are on."""

from __future__ import annotations

from explorer import formatting as fmt
from explorer.kpis import CARDS, KPIS, serving_conditions
from explorer.scenario import Scenario


def card_extras(summary: dict, scenario: Scenario, bands=None, stale: bool = False,
                brief: bool = False) -> dict[str, str]:
    """``stale``: the bands belong to an earlier value (a drag's); their ranges are not printed
    beside the new figures (the line says they are being updated, so the cards keep their height).
    ``brief`` (presentation mode): the ranges only, so the charts get the room."""
    if brief:
        return _ranges(bands, stale)
    extras = {}
    if summary["cost_vs_contract"] is not None:
        extras["cost_total_usd"] = (f"{summary['cost_vs_contract']:.0%} of the contract; it implies USD "
                                    f"{summary['implied_usd_per_gpu_hour']:.2f}/GPU-h")
    extras["facility_power_peak_mw"] = (f"average draw {fmt.power(summary['facility_power_average_mw'])}; "
                                        f"IT {fmt.power(summary['it_power_peak_mw'])} provisioned")
    if summary["gpus_per_gw"] is not None:
        extras["gpus_peak"] = f"{fmt.compact(summary['gpus_per_gw'])} per GW provisioned" + (
            " (sized by power)" if summary["sized_by_power"] else "")
        if summary["contract_gpus"] is not None:
            extras["gpus_peak"] += f"; the contract buys {fmt.compact(summary['contract_gpus'])} at these prices"
    if summary["tokens_per_second_per_gpu"] is not None:
        extras["fleet_tokens_per_second"] = f"{summary['tokens_per_second_per_gpu']:,.0f} per serving GPU"
    line = serving_conditions(scenario)
    if summary.get("revenue_usd") is not None:
        breakeven = summary.get("breakeven_utilization")
        line += (f"; margin USD {fmt.compact(summary['gross_margin_usd'])} at USD "
                 f"{scenario.price_usd_per_million_tokens:g}/M; "
                 + ("break-even not reached" if breakeven is None or breakeven > 1
                    else f"break-even at {breakeven:.0%} utilisation"))
    if summary["cost_per_million_tokens_usd"] is None:
        line = "no serving: " + line
    extras["cost_per_million_tokens_usd"] = line
    for key, line in _ranges(bands, stale).items():
        extras[key] = f"{extras[key]}\n{line}" if key in extras else line
    return extras


def _ranges(bands, stale: bool) -> dict[str, str]:
    """Each card's P10-P90 line (none for a figure no input with a range moves)."""
    out = {}
    if bands is None:
        return out
    for key in CARDS:
        if key not in bands.kpis:
            continue
        p10, p90 = float(bands.kpis[key][0]), float(bands.kpis[key][4])
        if abs(p90 - p10) <= 1e-3 * max(abs(p10), abs(p90), 1e-300):
            continue  # no input with a range moves this figure
        kpi = KPIS[key]
        out[key] = "P10–P90 updating…" if stale else f"P10–P90 {kpi.format_bare(p10)} – {kpi.format_bare(p90)}"
    return out
