"""Tooltips that carry a field's or a chip's public source."""

from __future__ import annotations

from explorer import formatting as fmt
from explorer.fields import FieldSpec
from explorer.i18n import is_japanese, tr
from explorer.kpis import unit_word


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_tip(text: str) -> str:
    """Text from a file (a name, a path) as a tooltip shows it: as text, never as markup (Qt would
    render '<b>' or '<img src=...>' in a plain tooltip string)."""
    return "<p style='white-space:pre-wrap'>" + escape(str(text)) + "</p>" if text else ""


ESTIMATE = "Estimate:"  # how a source that is our own estimate begins


def shown_source(text: str) -> str:
    """A public source as published, with the word that marks our own estimate ('Estimate:' at its
    start) in the current language."""
    if text.startswith(ESTIMATE):
        return tr("Estimate:") + text[len(ESTIMATE):]
    return text


def field_tooltip(spec: FieldSpec) -> str:
    parts = [f"<b>{tr(spec.label)}</b>" + (f" ({unit_word(spec.unit)})" if spec.unit else "")]
    if spec.help:
        parts.append(tr(spec.help))
    if spec.source:
        parts.append("<i>" + tr("Source:") + "</i> " + shown_source(spec.source))
    if spec.range_text():
        parts.append(tr("Allowed: {range}").format(range=spec.range_text()))
    return "<p>" + "</p><p>".join(parts) + "</p>"


def shown_price(amount_usd: float, usd_figure: str) -> str:
    """A chip's price: in English and USD as it always read ('USD 3.35', 'USD 45,000': the figure as
    given), else in the currency and language shown ('515円', 'JPY 6.92M', '4.5万ドル')."""
    if not fmt.currency().is_yen and not is_japanese():
        return f"USD {usd_figure}"
    return fmt.money(amount_usd)


def chip_tooltip(c) -> str:
    """A chip's figures with their sources; estimated figures say so."""
    def est(column: str) -> str:
        return " <i>" + tr("(estimate)") + "</i>" if c.is_estimated(column) else ""

    figures = tr("{flops} BF16 TFLOP/s{flops_estimate}, {memory} GB at {bandwidth} TB/s{bandwidth_estimate}; "
                 "{tdp} W{tdp_estimate}, {provisioned} W provisioned with its system and cluster "
                 "share{provisioned_estimate}").format(
        flops=f"{c.bf16_tflops:,.0f}", flops_estimate=est('bf16_tflops'), memory=f"{c.hbm_gb:,.0f}",
        bandwidth=f"{c.hbm_tbps:g}", bandwidth_estimate=est('hbm_tbps'), tdp=f"{c.tdp_w:,.0f}",
        tdp_estimate=est('tdp_w'), provisioned=f"{c.provisioned_w:,.0f}",
        provisioned_estimate=est('system_w_per_accel'))
    prices = tr("Rent {rent} per GPU-hour{rent_estimate}; purchase {purchase}{purchase_estimate}").format(
        rent=shown_price(c.rent_usd_per_gpu_hour, f"{c.rent_usd_per_gpu_hour:.2f}"),
        rent_estimate=est('rent_usd_per_gpu_hour'),
        purchase=shown_price(c.purchase_usd, f"{c.purchase_usd:,.0f}"), purchase_estimate=est('purchase_usd'))
    rate = fmt.currency().rate_note()  # a yen figure states its rate once ('' in USD)
    return (f"<p><b>{escape(c.name)}</b></p>"
            f"<p>{figures}</p>"
            f"<p>{prices}</p>"
            + (f"<p>{escape(rate)}</p>" if rate else "") +
            "<p><i>" + tr("Specs:") + "</i> " + escape(shown_source(c.source)) + "</p>"
            "<p><i>" + tr("Power:") + "</i> " + escape(shown_source(c.power_source)) + "</p>"
            "<p><i>" + tr("Prices:") + "</i> " + escape(shown_source(c.price_source)) + "</p>")
