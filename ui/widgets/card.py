"""A figure on a card, painted in one pass: the KPI strip's cards and the portfolio window's.

A card has a few lines of text (a title, the figure, then smaller lines under it). Setting a line
repaints only that line; the card is laid out again only when a line needs another height. (QLabels
re-laid out the whole window on every slider step: in the portfolio window a detail line that
changed its wording mid-drag, 'Highly concentrated' to 'Not highly concentrated', cost 30 ms.)
Right-click ▸ Copy puts the card on the clipboard as one line of text.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (QAction, QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen, QPixmap, QStaticText,
                           QTransform)
from PySide6.QtWidgets import QSizePolicy, QWidget

from explorer.i18n import tr

from ..theme import LIGHT, Theme


@functools.lru_cache(maxsize=64)
def _colour(name: str) -> QColor:
    return QColor(name)


# Japanese breaks between any two characters, so a wrapped line could end '1.76' and start the next
# with '億' (or split ドル): a word joiner (U+2060, drawn as nothing) keeps a figure with its unit.
_UNIT_JOINS = re.compile(r"(?<=[0-9万億兆])(?=[万億兆円ド基件倍])|(?<=ド)(?=ル)")


@functools.lru_cache(maxsize=256)
def unbroken(text: str) -> str:
    """``text`` as a card lays it out: no line break between a figure and its unit."""
    return text if text.isascii() else _UNIT_JOINS.sub("\u2060", text)


class Line:
    """One line of text of a card (read like a QLabel: ``text()``); setting it repaints the card."""

    def __init__(self, card: "PaintedCard", text: str = ""):
        self._card, self._text = card, text

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            if self._card._batch is not None:
                self._card._batch.append(self)  # the batch lays the card out once at its end
            else:
                self._card.text_changed()


class PaintedCard(QWidget):
    """A card painted in one pass. ``LINES``: (key, point size, bold, colour: 'muted', 'foreground' or
    'sign' (``sign_colour``)) from top to bottom; 'value' is the figure (one line always, shrunk
    to fit a narrow card); the others wrap at word boundaries; those in ``OPTIONAL`` take no room
    when empty. Each line is an attribute of the card named by its key (a ``Line``)."""

    LINES: tuple[tuple[str, float, bool, str], ...] = ()
    OPTIONAL: tuple[str, ...] = ()
    RESERVE: dict[str, int] = {}  # line -> lines of height kept for it, even empty (a card that does not jump)
    MARGIN_X, MARGIN_Y = 10, 6
    SIZE_TEXT = "USD 00.0B"  # the width the card asks for: a figure this long fits

    def __init__(self, parent=None, **texts: str):
        """``texts``: the lines' first texts. The subclass calls ``set_style`` once it is ready."""
        super().__init__(parent)
        self.lines = {key: Line(self, texts.get(key, "")) for key, *_ in self.LINES}
        for key, line in self.lines.items():
            setattr(self, key, line)
        self.sign_colour = LIGHT.muted
        self.theme = LIGHT
        self.scale = 1.0
        self.fonts: dict[str, QFont] = {}
        self._height = 0
        self._batch: list | None = None
        copy = QAction(tr("Copy"), self)
        copy.setToolTip(tr("Copy this figure as text"))
        copy.triggered.connect(self.copy_text)
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # right-click: Copy
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_style(self, theme: Theme, scale: float = 1.0) -> None:
        self.theme, self.scale = theme, scale
        s = scale * theme.font_scale
        self.fonts = {}
        for key, size, bold, _ in self.LINES:
            font = QFont(self.font())
            font.setPointSizeF(size * s)
            font.setWeight(QFont.Weight.DemiBold if bold else QFont.Weight.Normal)
            self.fonts[key] = font
        self._metrics = {key: QFontMetrics(font) for key, font in self.fonts.items()}
        self._font_keys = {key: font.key() for key, font in self.fonts.items()}
        self._measured: dict = {}  # (line, text, width) -> (height, fits unwrapped) in these fonts
        self.text_changed(relayout=True)

    def set_lines(self, repaint: tuple[str, ...] = (), **texts: str) -> None:
        """Set several lines at once: the card is laid out once, and only the changed lines repaint
        (and those in ``repaint``, e.g. one with a new colour)."""
        self._batch = []
        try:
            for key, text in texts.items():
                self.lines[key].setText(text)
        finally:
            changed, self._batch = self._batch, None
        keys = {line: key for key, line in self.lines.items()}
        lines = {keys[line] for line in changed} | set(repaint)
        if lines:
            self.text_changed(lines=tuple(lines))

    def _colour(self, role: str) -> str:
        t = self.theme
        return self.sign_colour if role == "sign" else t.muted if role == "muted" else t.foreground

    def _lines(self):
        return tuple((key, self.lines[key].text(), self._colour(role)) for key, _, _, role in self.LINES)

    def _laid_out(self):
        """The lines as laid out and painted (a figure kept with its unit: ``unbroken``)."""
        return tuple((key, unbroken(text), colour) for key, text, colour in self._lines())

    def _text_width(self, width: int | None = None) -> int:
        return max((self.width() if width is None else width) - 2 * self.MARGIN_X, 20)

    def line_height(self, key: str) -> int:
        """The height of one line of ``key``."""
        return self._metrics[key].height()

    def _line_heights(self, width: int | None = None) -> list[tuple[str, int]]:
        """(line, height) of each line shown at ``width`` (lines wrap at word boundaries)."""
        available = self._text_width(width)
        out = []
        for key, text, _ in self._laid_out():
            if key in self.OPTIONAL and not text and key not in self.RESERVE:
                continue
            metrics = self._metrics[key]
            if key == "value":
                out.append((key, metrics.height()))  # one line always (a narrow card shows it smaller)
                continue
            h, _ = self._measure(key, text, available)
            out.append((key, max(h, self.RESERVE.get(key, 0) * metrics.height())))
        return out

    def _measure(self, key: str, text: str, available: int) -> tuple[int, bool]:
        """(height, whether every line fits unwrapped) of a wrapping line at ``available`` pixels; kept
        per text and width (a title, and a detail that did not change, are not measured again)."""
        memo = (key, text, available)
        known = self._measured.get(memo)
        if known is not None:
            return known
        metrics = self._metrics[key]
        h, fits = 0, True
        for part in (text or " ").split("\n"):  # most parts fit on one line, and that is cheap to tell
            if metrics.horizontalAdvance(part) <= available:
                h += metrics.height()
            else:
                fits = False
                h += metrics.boundingRect(QRect(0, 0, available, 10_000), int(Qt.TextFlag.TextWordWrap), part).height()
        if len(self._measured) > 64:
            self._measured.clear()
        self._measured[memo] = (h, fits)
        return h, fits

    def needed_height(self, width: int | None = None) -> int:
        """Height for all lines at ``width``."""
        return 2 * self.MARGIN_Y + sum(h for _, h in self._line_heights(width))

    def _height_changed(self) -> None:
        """The card needs another height (a line wrapped or unwrapped): its layout is told."""
        self.updateGeometry()

    def text_changed(self, relayout: bool = False, lines: tuple[str, ...] | None = None) -> None:
        """Lay the card out again if a line needs another height, and repaint: only the ``lines``
        that changed when the layout stays (a slider step repaints the value and the change)."""
        heights = self._line_heights()
        height = 2 * self.MARGIN_Y + sum(h for _, h in heights)
        if relayout or height != self._height:
            self._height = height
            self._height_changed()
        # painted by hand, so a screen reader is told: the title and figure, then the lines under it
        self.setAccessibleName(f"{self.title.text()}: {self.value.text()}")
        self.setAccessibleDescription(self.accessible_description())
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

    def accessible_description(self) -> str:
        """What a screen reader is told after the title and figure: the lines under the figure."""
        return " · ".join(t.strip().replace("\n", "; ") for _, t, _ in self._lines()[2:] if t.strip())

    def line_colours(self) -> dict[str, str]:
        """The colour each line is painted in now."""
        return {key: colour for key, _, colour in self._lines()}

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.fonts["value"])
        return QSize(metrics.horizontalAdvance(self.SIZE_TEXT) + 2 * self.MARGIN_X, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self._height)  # never shorter than its lines (a short window scrolls, not squashes)

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
        for key, text, colour in self._laid_out():
            if key in self.OPTIONAL and not text:
                y += heights.get(key, 0)  # (kept empty)
                continue
            if key in heights and (y + heights[key] <= clip.top() or y > clip.bottom()):
                y += heights[key]  # not exposed: left as it is
                continue
            p.setPen(_colour(colour))
            if key == "value":  # one line always: a narrow card shows the figure smaller, never broken
                font, text, token = self._fitted_value(text, width)
                static = self._static(key, text, font, None, token)
                line_height = self._metrics["value"].height()
                p.setFont(font)
                p.drawStaticText(self.MARGIN_X, y + max(0, (line_height - static.size().height()) / 2), static)
                y += line_height
                continue
            # Wrapped only where the layout measured a wrap (_line_heights): a line that fits by the
            # metrics' whole pixels but not by a wrapped layout's fractions (Japanese, which breaks
            # between any two characters) would otherwise take two lines here and one in the layout,
            # and a partial repaint of the line below would land on it.
            line_height, fits = self._measure(key, text, width)
            static = self._static(key, text or " ", self.fonts[key], None if fits else width, self._font_keys[key])
            p.setFont(self.fonts[key])
            p.drawStaticText(self.MARGIN_X, y, static)
            y += heights.get(key, line_height)
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

    def _static(self, key: str, text: str, font: QFont, width: int | None, token: str) -> QStaticText:
        """``text`` laid out once in ``font`` (``token``: the font's key) at ``width`` (None: one line)."""
        cache = self.__dict__.setdefault("_static_cache", {})
        k = (key, text, token, width)
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
        return self._fitted_value(self.value.text(), self._text_width(width))[0]

    def _fitted_value(self, text: str, width: int) -> tuple[QFont, str, str]:
        """The value's font, down to 60% of its size when the text would not fit ``width``, the text
        as painted in it (elided if it still does not fit) and the font's key. Kept for the last text
        and width: a card is repainted more often than its value changes."""
        font = self.fonts["value"]
        cached = self.__dict__.get("_fitted")
        if cached is not None and cached[0] == (text, width, self._font_keys["value"]):
            return cached[1]
        room = width - 2  # (Qt elides a text exactly as wide as its room)
        wide = self._metrics["value"].horizontalAdvance(text)
        if wide > room and wide > 0:
            full = self.fonts["value"].pointSizeF()
            font = QFont(font)
            size = full * max(0.6, room / wide * 0.98)
            font.setPointSizeF(size)
            # hinted text does not shrink exactly in proportion: step down until it fits
            while size > full * 0.6 and QFontMetrics(font).horizontalAdvance(text) > room:
                size -= 0.25
                font.setPointSizeF(size)
        shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
        self._fitted = ((text, width, self._font_keys["value"]), (font, shown, font.key()))
        return self._fitted[1]

    def text(self) -> str:
        """The card as one line of text (what Copy puts on the clipboard)."""
        parts = [f"{self.title.text()}: {self.value.text()}"] + \
            [t.strip().replace("\n", "; ") for _, t, _ in self._lines()[2:] if t.strip()]
        return " · ".join(parts)

    def copy_text(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
