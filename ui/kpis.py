"""The KPI strip: whole-term figures with their change against the scenario as last opened or saved."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (QAction, QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen, QPixmap,
                           QStaticText, QTransform)
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from explorer.formatting import compact, percent, plain, power

from .theme import LIGHT, Theme


@dataclass(frozen=True)
class Kpi:
    key: str
    title: str
    fmt: Callable[[float], str]
    better: int  # +1 higher is better, -1 lower is better, 0 neutral
    share: bool = False  # a share: show changes in percentage points
    explanation: str = ""  # one sentence for the tooltip


KPIS = (
    Kpi("cost_total_usd", "Total cost over the term", lambda v: f"USD {compact(v)}", -1),
    Kpi("facility_power_peak_mw", "Facility power, provisioned", power, 0,
        explanation="Provisioned power is what the site must deliver on its hottest day with every machine "
                    "flat out (campuses and deals are quoted in it); the average draw is what the fleet uses on "
                    "a typical day, and what the energy bill pays for."),
    Kpi("gpus_peak", "Accelerators", lambda v: compact(v), 0),
    Kpi("compute_peak_eflops_bf16", "Peak compute (BF16)", lambda v: f"{plain(v, 3)} EFLOP/s", +1),
    Kpi("fleet_tokens_per_second", "Output tokens per second", lambda v: f"{compact(v)} tok/s", +1,
        explanation="Output tokens the whole fleet serves per second at full deployment, in its serving hours "
                    "(utilisation × serving share)."),
    Kpi("cost_per_million_tokens_usd", "Cost per million output tokens", lambda v: f"USD {plain(v, 3)}", -1,
        explanation="The serving hours' share of the fleet's cost over the output tokens they serve, for the "
                    "model, precision and speed per user named below."),
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


class _Line:
    """One line of text of a card (read like a QLabel: ``text()``); setting it repaints the card."""

    def __init__(self, card: "KpiCard", text: str = ""):
        self._card, self._text = card, text

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            if self._card._batch is not None:
                self._card._batch.append(self)  # set_value lays the card out once at the end
            else:
                self._card.text_changed()


class KpiCard(QWidget):
    """A card painted in one pass: a new value repaints this card only. (QLabels re-laid out the
    strip and repainted it twice on every slider step.) Its height changes only when its text needs
    another line."""

    def __init__(self, kpi: Kpi, parent=None):
        super().__init__(parent)
        self.kpi = kpi
        self.setObjectName("KpiCard")
        self.setAccessibleName(kpi.title)
        self.title = _Line(self, kpi.title)
        self.value = _Line(self, "–")
        self.delta = _Line(self, "")
        self.extra = _Line(self, "")
        self.delta_colour = LIGHT.muted
        self.theme = LIGHT
        self.scale = 1.0
        self.fonts: dict[str, QFont] = {}
        self._height = 0
        self._batch: list | None = None
        self.set_style(LIGHT)
        copy = QAction("Copy", self)
        copy.setToolTip("Copy this figure as text")
        copy.triggered.connect(self.copy_text)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # right-click: Copy
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    MARGIN_X, MARGIN_Y = 10, 6

    def set_style(self, theme: Theme, scale: float = 1.0) -> None:
        self.theme, self.scale = theme, scale
        s = scale * theme.font_scale
        self.fonts = {}
        for key, size, bold in (("title", 8.5, False), ("value", 15, True), ("delta", 8.5, False), ("extra", 8, False)):
            font = QFont(self.font())
            font.setPointSizeF(size * s)
            font.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
            self.fonts[key] = font
        self._metrics = {key: QFontMetrics(font) for key, font in self.fonts.items()}
        self.text_changed(relayout=True)

    def _lines(self):
        t = self.theme
        return (("title", self.title.text(), t.muted), ("value", self.value.text(), t.foreground),
                ("delta", self.delta.text(), self.delta_colour), ("extra", self.extra.text(), t.muted))

    def _text_width(self, width: int | None = None) -> int:
        return max((self.width() if width is None else width) - 2 * self.MARGIN_X, 20)

    def needed_height(self, width: int | None = None) -> int:
        """Height for all lines at ``width`` (lines wrap at word boundaries)."""
        flags = int(Qt.TextFlag.TextWordWrap)
        h = 2 * self.MARGIN_Y
        available = self._text_width(width)
        for key, text, _ in self._lines():
            if key == "extra" and not text:
                continue
            metrics = self._metrics[key]
            if key == "value" or ("\n" not in text and metrics.horizontalAdvance(text) <= available):
                h += metrics.height()  # one line (the usual case, and cheap to tell)
            else:
                h += metrics.boundingRect(QRect(0, 0, available, 10_000), flags, text).height()
        return h

    def text_changed(self, relayout: bool = False) -> None:
        height = self.needed_height()
        if relayout or height != self._height:
            self._height = height
            strip = self.parent()
            if isinstance(strip, KpiStrip):
                strip.equalise()  # every card as tall as the tallest
        self.setAccessibleDescription(" · ".join(t for _, t, _ in self._lines()[1:] if t.strip()))
        self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.fonts["value"])
        return QSize(metrics.horizontalAdvance("USD 00.0B") + 2 * self.MARGIN_X, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.needed_height() != self._height:
            self.text_changed()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        # Opaque (corners in the window's colour): Qt then paints nothing under the card, where a
        # transparent card repainted the window, the splitter and the strip behind it on every step.
        # The frame is a cached pixmap and each line a cached QStaticText: a new value re-lays out
        # only its own line.
        p.drawPixmap(0, 0, self._frame())
        y = self.MARGIN_Y
        width = self._text_width()
        for key, text, colour in self._lines():
            if key == "extra" and not text:
                continue
            p.setPen(QColor(colour))
            if key == "value":  # one line always: a narrow card shows the figure smaller, never broken
                font = self._fitted_value_font(text, width)
                text = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
                static = self._static(key, text, font, None)
                line_height = self._metrics["value"].height()
                p.setFont(font)
                p.drawStaticText(self.MARGIN_X, y + max(0, (line_height - static.size().height()) / 2), static)
                y += line_height
                continue
            static = self._static(key, text or " ", self.fonts[key], width)
            p.setFont(self.fonts[key])
            p.drawStaticText(self.MARGIN_X, y, static)
            y += max(static.size().height(), self._metrics[key].height())
        p.end()

    def _frame(self) -> QPixmap:
        t = self.theme
        dpr = self.devicePixelRatioF()
        window = self.palette().window().color()
        key = (self.width(), self.height(), dpr, t.name, t.background, window.rgba())
        cached = self.__dict__.get("_frame_cache")
        if cached is not None and cached[0] == key:
            return cached[1]
        pixmap = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pixmap.setDevicePixelRatio(dpr)
        pixmap.fill(window)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor("#30363D" if t.is_dark else "#D0D7DE"), 1))
        p.setBrush(QColor(t.background))
        p.drawRoundedRect(QRectF(0, 0, self.width(), self.height()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        p.end()
        self._frame_cache = (key, pixmap)
        return pixmap

    def _static(self, key: str, text: str, font: QFont, width: int | None) -> QStaticText:
        cache = self.__dict__.setdefault("_static_cache", {})
        k = (key, text, font.key(), width)
        static = cache.get(k)
        if static is None:
            if len(cache) > 48:
                cache.clear()
            static = QStaticText(text.replace("\n", "\u2028"))  # QStaticText breaks lines at U+2028
            static.setTextFormat(Qt.TextFormat.PlainText)
            if width is not None:
                static.setTextWidth(width)  # wraps at word boundaries
            static.prepare(QTransform(), font)
            cache[k] = static
        return static

    def _fitted_value_font(self, text: str, width: int) -> QFont:
        """The value's font, down to 65% of its size when the text would not fit ``width``."""
        font = self.fonts["value"]
        wide = self._metrics["value"].horizontalAdvance(text)
        if wide <= width or wide <= 0:
            return font
        smaller = QFont(font)
        smaller.setPointSizeF(font.pointSizeF() * max(0.65, width / wide * 0.98))
        return smaller

    def text(self) -> str:
        """The card as one line of text (what Copy puts on the clipboard)."""
        parts = [f"{self.kpi.title}: {self.value.text()}"] + \
            [t.strip().replace("\n", "; ") for t in (self.delta.text(), self.extra.text()) if t.strip()]
        return " · ".join(parts)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def set_value(self, value: float, base: float | None, theme: Theme, extra: str = "", against: str = "saved") -> None:
        self._batch = []
        try:
            self.value.setText(self.kpi.fmt(value))
            text, sign = delta_text(self.kpi, value, base, against)
            self.delta.setText(text or " ")
            self.extra.setText(extra)
        finally:
            changed, self._batch = self._batch, None
        colour = theme.good if sign > 0 else theme.bad if sign < 0 else theme.muted
        if changed:
            self.delta_colour = colour
            self.text_changed()
        elif colour != self.delta_colour:
            self.delta_colour = colour
            self.update()
        tip = f"{self.kpi.title}: {self.kpi.fmt(value)}" + (f" (as {against}: {self.kpi.fmt(base)})" if base is not None else "")
        if self.kpi.explanation:
            tip += "\n" + self.kpi.explanation
        if tip != self.toolTip():
            self.setToolTip(tip)


class KpiStrip(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.cards = {k.key: KpiCard(k) for k in KPIS}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 2)
        layout.setSpacing(6)
        for card in self.cards.values():
            layout.addWidget(card, 1)
        self.theme = LIGHT
        self.scale = 1.0
        self.set_style(LIGHT)

    def set_style(self, theme: Theme, scale: float = 1.0) -> None:
        self.theme, self.scale = theme, scale
        for card in self.cards.values():
            card.set_style(theme, scale)
        self.equalise()

    def equalise(self) -> None:
        """Give every card the tallest one's height (changes only when a card needs another line)."""
        cards = getattr(self, "cards", None)
        if not cards or len(cards) < len(KPIS):
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
