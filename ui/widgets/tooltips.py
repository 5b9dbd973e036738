"""Tooltips that carry a field's or a chip's public source."""

from __future__ import annotations

from explorer.fields import FieldSpec


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_tip(text: str) -> str:
    """Text from a file (a name, a path) as a tooltip shows it: as text, never as markup (Qt would
    render '<b>' or '<img src=...>' in a plain tooltip string)."""
    return "<p style='white-space:pre-wrap'>" + escape(str(text)) + "</p>" if text else ""


def field_tooltip(spec: FieldSpec) -> str:
    parts = [f"<b>{spec.label}</b>" + (f" ({spec.unit})" if spec.unit else "")]
    if spec.help:
        parts.append(spec.help)
    if spec.source:
        parts.append(f"<i>Source:</i> {spec.source}")
    if spec.range_text():
        parts.append(f"Allowed: {spec.range_text()}")
    return "<p>" + "</p><p>".join(parts) + "</p>"


def chip_tooltip(c) -> str:
    """A chip's figures with their sources; estimated figures say so."""
    def est(column: str) -> str:
        return " <i>(estimate)</i>" if c.is_estimated(column) else ""

    return (f"<p><b>{escape(c.name)}</b></p>"
            f"<p>{c.bf16_tflops:,.0f} BF16 TFLOP/s{est('bf16_tflops')}, {c.hbm_gb:,.0f} GB at {c.hbm_tbps:g} TB/s"
            f"{est('hbm_tbps')}; {c.tdp_w:,.0f} W{est('tdp_w')}, {c.provisioned_w:,.0f} W provisioned with its "
            f"system and cluster share{est('system_w_per_accel')}</p>"
            f"<p>Rent USD {c.rent_usd_per_gpu_hour:.2f} per GPU-hour{est('rent_usd_per_gpu_hour')}; purchase USD "
            f"{c.purchase_usd:,.0f}{est('purchase_usd')}</p>"
            f"<p><i>Specs:</i> {escape(c.source)}</p><p><i>Power:</i> {escape(c.power_source)}</p>"
            f"<p><i>Prices:</i> {escape(c.price_source)}</p>")
