"""The KPI strip: whole-term figures with their change against the scenario as last opened or saved
(or the first slide of a presentation). Which KPIs, their labels, units and formatting come from the
one KPI catalogue (explorer.kpis)."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (QAction, QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen, QPixmap,
                           QStaticText, QTransform)
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from explorer.i18n import QT_TR_NOOP, tr
from explorer.kpis import CARDS, KPIS, Kpi

from ..theme import LIGHT, Theme


# The tooltip's figure compared with: by what the cards compare against (any other word: the last one).
_AS = {"saved": QT_TR_NOOP("(as saved: {value})"), "opened": QT_TR_NOOP("(as opened: {value})"),
       "first slide": QT_TR_NOOP("(as first slide: {value})"), "baseline": QT_TR_NOOP("(as baseline: {value})")}


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
        self.setAccessibleName(tr(kpi.label))
        self.title = _Line(self, tr(kpi.label))
        self.value = _Line(self, "–")
        self.delta = _Line(self, "")
        self.extra = _Line(self, "")
        self.delta_colour = LIGHT.muted
        self._delta_sign = 0  # better (+1), worse (-1) or neither: its colour comes from the theme shown
        self.theme = LIGHT
        self.scale = 1.0
        self.fonts: dict[str, QFont] = {}
        self._height = 0
        self._batch: list | None = None
        self._tip = None
        self.set_style(LIGHT)
        copy = QAction(tr("Copy"), self)
        copy.setToolTip(tr("Copy this figure as text"))
        copy.triggered.connect(self.copy_text)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # right-click: Copy
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    MARGIN_X, MARGIN_Y = 10, 6

    def set_style(self, theme: Theme, scale: float = 1.0) -> None:
        self.theme, self.scale = theme, scale
        self.delta_colour = self._sign_colour(self._delta_sign, theme)  # not the last theme's grey on this one
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

    def line_height(self, key: str) -> int:
        """The height of one line of 'title', 'value', 'delta' or 'extra'."""
        return self._metrics[key].height()

    def _line_heights(self, width: int | None = None) -> list[tuple[str, int]]:
        """(line, height) of each line shown at ``width`` (lines wrap at word boundaries)."""
        flags = int(Qt.TextFlag.TextWordWrap)
        available = self._text_width(width)
        out = []
        for key, text, _ in self._lines():
            if key == "extra" and not text:
                continue
            metrics = self._metrics[key]
            if key == "value":
                out.append((key, metrics.height()))  # one line always (a narrow card shows it smaller)
                continue
            h = 0
            for part in (text or " ").split("\n"):  # most parts fit on one line, and that is cheap to tell
                if metrics.horizontalAdvance(part) <= available:
                    h += metrics.height()
                else:
                    h += metrics.boundingRect(QRect(0, 0, available, 10_000), flags, part).height()
            out.append((key, h))
        return out

    def needed_height(self, width: int | None = None) -> int:
        """Height for all lines at ``width``."""
        return 2 * self.MARGIN_Y + sum(h for _, h in self._line_heights(width))

    def text_changed(self, relayout: bool = False, lines: tuple[str, ...] | None = None) -> None:
        """Lay the card out again if a line needs another height, and repaint: only the ``lines``
        that changed when the layout stays (a slider step repaints the value and the change)."""
        heights = self._line_heights()
        height = 2 * self.MARGIN_Y + sum(h for _, h in heights)
        if relayout or height != self._height:
            self._height = height
            strip = self.parent()
            if isinstance(strip, KpiStrip):
                strip.equalise()  # every card as tall as the tallest
        # painted by hand, so a screen reader is told: the title and figure, then the change and ranges
        self.setAccessibleName(f"{self.title.text()}: {self.value.text()}")
        self.setAccessibleDescription(" · ".join(t.strip().replace("\n", "; ") for _, t, _ in self._lines()[2:]
                                                 if t.strip()))
        same = heights == self.__dict__.get("_heights")
        self._heights = heights
        if lines is None or relayout or not same:
            self.update()
            return
        y = self.MARGIN_Y
        for key, h in heights:
            if key in lines:
                self.update(0, y, self.width(), h)
            y += h

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
        clip = event.rect()
        frame = self._frame()
        dpr = frame.devicePixelRatio()
        p.drawPixmap(clip, frame, QRectF(clip.x() * dpr, clip.y() * dpr, clip.width() * dpr, clip.height() * dpr).toRect())
        y = self.MARGIN_Y
        width = self._text_width()
        heights = dict(self.__dict__.get("_heights") or ())
        for key, text, colour in self._lines():
            if key == "extra" and not text:
                continue
            if key in heights and (y + heights[key] <= clip.top() or y > clip.bottom()):
                y += heights[key]  # not exposed: left as it is
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
            # Wrapped only where the layout measured a wrap (_line_heights): a line that fits by the
            # metrics' whole pixels but not by a wrapped layout's fractions (Japanese, which breaks
            # between any two characters) would otherwise take two lines here and one in the layout,
            # and a partial repaint of the line below would land on it.
            metrics = self._metrics[key]
            fits = all(metrics.horizontalAdvance(part) <= width for part in (text or " ").split("\n"))
            static = self._static(key, text or " ", self.fonts[key], None if fits else width)
            p.setFont(self.fonts[key])
            p.drawStaticText(self.MARGIN_X, y, static)
            y += heights.get(key, max(static.size().height(), metrics.height()))
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

    def value_font_for(self, width: int) -> QFont:
        """The font the value is painted in on a card ``width`` wide (smaller when it would not fit)."""
        return self._fitted_value_font(self.value.text(), self._text_width(width))

    def _fitted_value_font(self, text: str, width: int) -> QFont:
        """The value's font, down to 60% of its size when the text would not fit ``width``."""
        font = self.fonts["value"]
        cached = self.__dict__.get("_fitted")
        if cached is not None and cached[0] == (text, width, font.key()):
            return cached[1]
        width -= 2  # (Qt elides a text exactly as wide as its room)
        wide = self._metrics["value"].horizontalAdvance(text)
        if wide > width and wide > 0:
            full = self.fonts["value"].pointSizeF()
            font = QFont(font)
            size = full * max(0.6, width / wide * 0.98)
            font.setPointSizeF(size)
            # hinted text does not shrink exactly in proportion: step down until it fits
            while size > full * 0.6 and QFontMetrics(font).horizontalAdvance(text) > width:
                size -= 0.25
                font.setPointSizeF(size)
        self._fitted = ((text, width, self.fonts["value"].key()), font)
        return font

    def text(self) -> str:
        """The card as one line of text (what Copy puts on the clipboard)."""
        parts = [f"{self.title.text()}: {self.value.text()}"] + \
            [t.strip().replace("\n", "; ") for t in (self.delta.text(), self.extra.text()) if t.strip()]
        return " · ".join(parts)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())

    def set_value(self, value: float, base: float | None, theme: Theme, extra: str = "", against: str = "saved") -> None:
        self._batch = []
        try:
            self.value.setText(self.kpi.format(value))
            text, sign = self.kpi.change(value, base, against)
            self.delta.setText(text or " ")
            self.extra.setText(extra)
        finally:
            changed, self._batch = self._batch, None
        self._delta_sign = sign
        colour = self._sign_colour(sign, theme)
        keys = {self.value: "value", self.delta: "delta", self.extra: "extra"}
        if colour != self.delta_colour:
            self.delta_colour = colour
            changed.append(self.delta)
        if changed:
            self.text_changed(lines=tuple({keys[line] for line in changed}))
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
