"""The KPI strip: whole-term figures with their change against the scenario as last opened or saved."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from explorer.formatting import compact, percent, plain

from .theme import LIGHT, Theme


@dataclass(frozen=True)
class Kpi:
    key: str
    title: str
    fmt: Callable[[float], str]
    better: int  # +1 higher is better, -1 lower is better, 0 neutral
    share: bool = False  # a share: show changes in percentage points


KPIS = (
    Kpi("cost_total_usd", "Total cost over the term", lambda v: f"USD {compact(v)}", -1),
    Kpi("facility_power_peak_mw", "Peak facility power", lambda v: f"{plain(v, 3)} MW", 0),
    Kpi("compute_peak_eflops_bf16", "Peak compute (BF16)", lambda v: f"{plain(v, 3)} EFLOP/s", +1),
    Kpi("vcpus_peak", "Agent vCPUs at peak", lambda v: compact(v), 0),
    Kpi("cost_per_million_tokens_usd", "Cost per million tokens", lambda v: f"USD {plain(v, 3)}", -1),
    Kpi("energy_share_of_cost", "Energy share of cost", lambda v: percent(v), 0, share=True),
)


def delta_text(kpi: Kpi, value: float, base: float | None, against: str = "saved") -> tuple[str, int]:
    """('▲ 4.2% vs saved', sign for colouring: +1 good, -1 bad, 0 neutral)."""
    if base is None or not math.isfinite(value) or not math.isfinite(base):
        return "", 0
    if kpi.share:
        diff = (value - base) * 100
        if abs(diff) < 0.05:
            return f"= as {against}", 0
        text = f"{'▲' if diff > 0 else '▼'} {abs(diff):.1f} pp vs {against}"
    else:
        if base == 0:
            return (f"= as {against}", 0) if value == 0 else (f"new vs {against}", 0)
        rel = value / base - 1
        if abs(rel) < 0.0005:
            return f"= as {against}", 0
        text = f"{'▲' if rel > 0 else '▼'} {abs(rel) * 100:.1f}% vs {against}"
    direction = 1 if value > base else -1
    return text, direction * kpi.better


class KpiCard(QFrame):
    def __init__(self, kpi: Kpi, parent=None):
        super().__init__(parent)
        self.kpi = kpi
        self.setObjectName("KpiCard")
        self.setAccessibleName(kpi.title)
        self.title = QLabel(kpi.title)
        self.value = QLabel("–")
        self.delta = QLabel("")
        self.extra = QLabel("")
        for label in (self.title, self.value, self.delta, self.extra):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setMinimumWidth(0)
        for label in (self.title, self.delta, self.extra):
            label.setWordWrap(True)  # narrow windows wrap the small lines instead of widening the strip
        self.extra.setVisible(False)
        self.delta_font = "font-size:8.5pt;"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.delta)
        layout.addWidget(self.extra)
        layout.addStretch(1)  # content at the top; every card as tall as the tallest
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_value(self, value: float, base: float | None, theme: Theme, extra: str = "", against: str = "saved") -> None:
        self.value.setText(self.kpi.fmt(value))
        text, sign = delta_text(self.kpi, value, base, against)
        colour = theme.good if sign > 0 else theme.bad if sign < 0 else theme.muted
        self.delta.setText(text or " ")
        style = f"{self.delta_font} color:{colour};"
        if style != self.delta.styleSheet():  # re-styling re-polishes the label: only when it changes
            self.delta.setStyleSheet(style)
        self.extra.setText(extra)
        self.extra.setVisible(bool(extra))
        self.setToolTip(f"{self.kpi.title}: {self.kpi.fmt(value)}"
                        + (f" (as {against}: {self.kpi.fmt(base)})" if base is not None else ""))


class KpiStrip(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards = {k.key: KpiCard(k) for k in KPIS}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.setSpacing(6)
        for card in self.cards.values():
            layout.addWidget(card)
        self.theme = LIGHT
        self.scale = 1.0
        self.set_style(LIGHT)

    def set_style(self, theme: Theme, scale: float = 1.0) -> None:
        self.theme, self.scale = theme, scale
        s = scale * theme.font_scale
        border = "#30363D" if theme.is_dark else "#D0D7DE"
        card_bg = theme.background
        self.setStyleSheet(
            f"#KpiCard {{ background:{card_bg}; border:1px solid {border}; border-radius:6px; }}")
        for card in self.cards.values():
            card.title.setStyleSheet(f"color:{theme.muted}; font-size:{8.5 * s:.1f}pt;")
            card.value.setStyleSheet(f"color:{theme.foreground}; font-size:{15 * s:.1f}pt; font-weight:600;")
            card.delta_font = f"font-size:{8.5 * s:.1f}pt;"
            card.delta.setStyleSheet(f"{card.delta_font} color:{theme.muted};")
            card.extra.setStyleSheet(f"color:{theme.muted}; font-size:{8 * s:.1f}pt;")

    def set_values(self, summary: dict, baseline: dict | None, extras: dict[str, str] | None = None,
                   against: str = "saved") -> None:
        extras = extras or {}
        for key, card in self.cards.items():
            base = baseline.get(key) if baseline else None
            value = summary[key]
            card.set_value(math.nan if value is None else float(value), None if base is None else float(base),
                           self.theme, extras.get(key, ""), against)
