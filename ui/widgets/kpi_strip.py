"""The KPI strip: whole-term figures with their change against the scenario as last opened or saved
(or the first slide of a presentation). Which KPIs, their labels, units and formatting come from the
one KPI catalogue (explorer.kpis)."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from explorer.i18n import QT_TR_NOOP, tr
from explorer.kpis import CARDS, KPIS, Kpi

from ..theme import LIGHT, Theme
from .card import PaintedCard


# The tooltip's figure compared with: by what the cards compare against (any other word: the last one).
_AS = {"saved": QT_TR_NOOP("(as saved: {value})"), "opened": QT_TR_NOOP("(as opened: {value})"),
       "first slide": QT_TR_NOOP("(as first slide: {value})"), "baseline": QT_TR_NOOP("(as baseline: {value})")}


class KpiCard(PaintedCard):
    """A KPI of the catalogue on a painted card (card.py): a new value repaints this card only. Its
    height changes only when its text needs another line; the strip gives every card the tallest
    one's height."""

    LINES = (("title", 8.5, False, "muted"), ("value", 15, True, "foreground"), ("delta", 8.5, False, "sign"),
             ("extra", 8, False, "muted"))
    OPTIONAL = ("extra",)

    def __init__(self, kpi: Kpi, parent=None):
        super().__init__(parent, title=tr(kpi.label), value="–")
        self.kpi = kpi
        self.setObjectName("KpiCard")
        self.setAccessibleName(tr(kpi.label))
        self._delta_sign = 0  # better (+1), worse (-1) or neither: its colour comes from the theme shown
        self._tip = None
        self.set_style(LIGHT)

    @property
    def delta_colour(self) -> str:
        """The colour of the change: better, worse or neither, in the theme shown."""
        return self.sign_colour

    def set_style(self, theme: Theme, scale: float = 1.0) -> None:
        self.sign_colour = self._sign_colour(self._delta_sign, theme)  # not the last theme's grey on this one
        super().set_style(theme, scale)

    def _height_changed(self) -> None:
        strip = self.parent()
        if isinstance(strip, KpiStrip):
            strip.equalise()  # every card as tall as the tallest

    def set_value(self, value: float, base: float | None, theme: Theme, extra: str = "", against: str = "saved") -> None:
        text, sign = self.kpi.change(value, base, against)
        self._delta_sign = sign
        colour = self._sign_colour(sign, theme)
        recolour = colour != self.sign_colour
        self.sign_colour = colour
        self.set_lines(("delta",) if recolour else (), value=self.kpi.format(value), delta=text or " ", extra=extra)
        self._tip = (value, base, against)  # the tooltip is written when it is asked for

    @staticmethod
    def _sign_colour(sign: int, theme: Theme) -> str:
        return theme.good if sign > 0 else theme.bad if sign < 0 else theme.muted

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self.setToolTip(self.tooltip_text())
        return super().event(event)

    def tooltip_text(self) -> str:
        """What a hover shows: the figure, the one it is compared with, and what it means."""
        explanation = tr(self.kpi.explanation) if self.kpi.explanation else ""
        if self._tip is None:
            return explanation
        value, base, against = self._tip
        tip = f"{self.title.text()}: {self.kpi.format(value)}"
        if base is not None:
            shown = self.kpi.format(base)
            tip += " " + (tr(_AS[against]).format(value=shown) if against in _AS
                          else tr("(as {against}: {value})").format(against=against, value=shown))
        return tip + ("\n" + explanation if explanation else "")


class KpiStrip(QWidget):
    """The cards in one row, or in two rows of three where a row of six would leave a card too
    narrow for its figure (a small window, large text)."""

    NARROWEST = 118  # px a card needs for its figure (shrunk to 70% at most) and a two-line title

    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards = {key: KpiCard(KPIS[key]) for key in CARDS}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(6, 6, 6, 2)
        self.grid.setSpacing(6)
        self.columns = 0
        self._arrange(len(self.cards))
        self.theme = LIGHT
        self.scale = 1.0
        self.set_style(LIGHT)

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for k, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, k // columns, k % columns)
        for c in range(len(self.cards)):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        n = len(self.cards)
        wide_enough = (self.width() - 12 - 6 * (n - 1)) / n >= self.NARROWEST * self.scale
        self._arrange(n if wide_enough else (n + 1) // 2)

    def set_style(self, theme: Theme, scale: float = 1.0) -> None:
        self.theme, self.scale = theme, scale
        for card in self.cards.values():
            card.set_style(theme, scale)
        self.equalise()

    def equalise(self) -> None:
        """Give every card the tallest one's height (changes only when a card needs another line)."""
        cards = getattr(self, "cards", None)
        if not cards or len(cards) < len(CARDS):
            return  # still being built
        tallest = max(card._height for card in cards.values())
        for card in cards.values():
            if card.height() != tallest or card.minimumHeight() != tallest:
                card.setFixedHeight(tallest)

    def set_values(self, summary: dict, baseline: dict | None, extras: dict[str, str] | None = None,
                   against: str = "saved") -> None:
        extras = extras or {}
        for key, card in self.cards.items():
            base = baseline.get(key) if baseline else None
            value = summary[key]
            card.set_value(math.nan if value is None else float(value), None if base is None else float(base),
                           self.theme, extras.get(key, ""), against)
