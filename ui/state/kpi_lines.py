"""The line under each KPI card's figure: what it is made of, and its P10-P90 when bands are on."""

from __future__ import annotations

from explorer import formatting as fmt
from explorer.i18n import is_japanese, tr
from explorer.kpis import CARDS, KPIS, serving_conditions
from explorer.scenario import Scenario


def _price(amount_usd: float, usd_figure: str) -> str:
    """A price on a card's line: in English and USD as it always read ('USD 3.35', the figure as
    given), else in the currency and language shown ('JPY 515', '515円', '3.35ドル')."""
    if not fmt.currency().is_yen and not is_japanese():
        return f"USD {usd_figure}"
    return fmt.money(amount_usd)


def card_extras(summary: dict, scenario: Scenario, bands=None, stale: bool = False,
                brief: bool = False) -> dict[str, str]:
    """``stale``: the bands belong to an earlier value (a drag's); their ranges are not printed
    beside the new figures (the line says they are being updated, so the cards keep their height).
    ``brief`` (presentation mode): the ranges only, so the charts get the room."""
    if brief:
        return _ranges(bands, stale)
    extras = {}
    if summary["cost_vs_contract"] is not None:
        implied = summary['implied_usd_per_gpu_hour']
        extras["cost_total_usd"] = tr("{share} of the contract; it implies {price}/GPU-h").format(
            share=f"{summary['cost_vs_contract']:.0%}", price=_price(implied, f"{implied:.2f}"))
    extras["facility_power_peak_mw"] = tr("average draw {average}; IT {it} provisioned").format(
        average=fmt.power(summary['facility_power_average_mw']), it=fmt.power(summary['it_power_peak_mw']))
    if summary["gpus_per_gw"] is not None:
        per_gw = fmt.count_shown(summary['gpus_per_gw'])  # '330k' / '33万'
        extras["gpus_peak"] = (tr("{count} per GW provisioned (sized by power)") if summary["sized_by_power"]
                               else tr("{count} per GW provisioned")).format(count=per_gw)
        if summary["contract_gpus"] is not None:
            extras["gpus_peak"] = tr("{line}; the contract buys {count} at these prices").format(
                line=extras["gpus_peak"], count=fmt.count_shown(summary['contract_gpus']))
    if summary["tokens_per_second_per_gpu"] is not None:
        extras["fleet_tokens_per_second"] = tr("{count} per serving GPU").format(
            count=f"{summary['tokens_per_second_per_gpu']:,.0f}")
    line = serving_conditions(scenario)
    if summary.get("revenue_usd") is not None:
        breakeven = summary.get("breakeven_utilization")
        token_price = scenario.price_usd_per_million_tokens
        margin, price = fmt.money(summary['gross_margin_usd']), _price(token_price, f"{token_price:g}")
        if breakeven is None or breakeven > 1:
            line = tr("{conditions}; margin {margin} at {price}/M; break-even not reached").format(
                conditions=line, margin=margin, price=price)
        else:
            line = tr("{conditions}; margin {margin} at {price}/M; break-even at {share} utilisation").format(
                conditions=line, margin=margin, price=price, share=f"{breakeven:.0%}")
    if summary["cost_per_million_tokens_usd"] is None:
        line = tr("no serving: {conditions}").format(conditions=line)
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
        out[key] = (tr("P10–P90 updating…") if stale
                    else f"P10–P90 {kpi.format_bare(p10)} – {kpi.format_bare(p90)}")
    return out
