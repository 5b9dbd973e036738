"""The chip mix: a bar of shares, and one slider per chip (moving one rescales the unlocked others)."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSignalBlocker, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QHBoxLayout, QLabel, QMenu, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from explorer.catalog import Catalog
from explorer.i18n import tr
from explorer.mix import add_chip, remove_chip, set_share

from ..theme import chip_colour
from .common import Slider, SpinBox, clear_layout
from .tooltips import chip_tooltip


class StackedBar(QWidget):
    """The chip mix at a glance: one coloured segment per chip, labelled where it fits."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._segments: list[tuple[str, float, str]] = []
        self.setMinimumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(tr("Chip mix bar"))

    def sizeHint(self) -> QSize:
        return QSize(200, 22)

    def set_segments(self, segments: list[tuple[str, float, str]]) -> None:
        self._segments = segments
        self.setToolTip(", ".join(f"{cid} {share:.0%}" for cid, share, _ in segments))
        self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(0, 0, -1, -1)
        x = float(rect.left())
        width = rect.width()
        for chip, share, colour in self._segments:
            w = share * width
            if w <= 0:
                continue
            painter.fillRect(int(round(x)), rect.top(), int(math.ceil(w)), rect.height(), QColor(colour))
            text = f"{chip} {share:.0%}"
            if painter.fontMetrics().horizontalAdvance(text) + 6 < w:
                painter.setPen(QPen(QColor("#111111")))
                painter.drawText(int(x) + 3, rect.top(), int(w) - 3, rect.height(),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
            x += w
        painter.setPen(QPen(self.palette().mid().color()))
        painter.drawRect(rect)


def padlock_icon() -> QIcon:
    """A padlock, open (unlocked) or closed (locked, the button checked), drawn here: the lock shows
    as a picture, not as a grey word."""
    icon = QIcon()
    for checked, state in ((False, QIcon.State.Off), (True, QIcon.State.On)):
        for scale in (1, 2):
            pixmap = QPixmap(14 * scale, 14 * scale)
            pixmap.setDevicePixelRatio(scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            colour = QColor("#CF222E" if checked else "#6E7781")
            p.setPen(QPen(colour, 1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            # the shackle: closed over the body, or swung open to the right
            p.drawArc(QRectF(3.5 if checked else 6.5, 1.0, 7, 8), 0, 180 * 16)
            p.drawLine(QPointF(3.5 if checked else 6.5, 5), QPointF(3.5 if checked else 6.5, 7))
            if checked:
                p.drawLine(QPointF(10.5, 5), QPointF(10.5, 7))
            p.setBrush(colour if checked else Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(2, 6.5, 10, 6.5), 1.5, 1.5)
            p.end()
            icon.addPixmap(pixmap, QIcon.Mode.Normal, state)
    return icon


class ChipMixEditor(QWidget):
    """One slider per chip in the mix; moving one rescales the unlocked others so shares sum to 100%."""

    mixEdited = Signal(dict, bool)  # new mix, dragging
    locksEdited = Signal(tuple)  # the chips locked now
    dragFinished = Signal()

    def __init__(self, catalog: Catalog, parent=None):
        super().__init__(parent)
        self.catalog = catalog
        self._mix: dict[str, float] = {}
        self.rows: dict[str, dict] = {}  # chip -> its widgets: slider, spin, lock, remove
        self.locked: tuple[str, ...] = ()  # as the scenario has them

        self.bar = StackedBar()
        self.rows_layout = QGridLayout()
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setHorizontalSpacing(6)
        self.rows_layout.setVerticalSpacing(2)
        self.rows_layout.setColumnStretch(1, 1)
        self.add_button = QToolButton()
        self.add_button.setText(tr("Add chip…"))
        self.add_button.setAccessibleName(tr("Add chip"))
        self.add_button.setToolTip(tr("Add a chip from the catalog to the mix"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_menu = QMenu(self.add_button)
        self.add_button.setMenu(self.add_menu)
        self.add_menu.aboutToShow.connect(self.fill_add_menu)

        title = QLabel("<b>" + tr("Chip mix") + "</b>")
        title.setToolTip(tr("Share of the fleet by chip. Moving one chip rescales the others in proportion; "
                            "lock a chip to keep its share."))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.bar)
        layout.addLayout(self.rows_layout)

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog

    def fill_add_menu(self) -> None:
        self.add_menu.clear()
        for chip in self.catalog.chips:
            if chip.id in self._mix:
                continue
            action = self.add_menu.addAction(f"{chip.id} — {chip.name}")
            action.triggered.connect(lambda _=False, cid=chip.id: self.mixEdited.emit(add_chip(self._mix, cid), False))

    def _build_rows(self, chips: list[str]) -> None:
        clear_layout(self.rows_layout)
        self.rows = {}
        for r, chip in enumerate(chips):
            index = self.catalog.index(chip) if chip in self.catalog else r
            swatch = QLabel()
            swatch.setFixedSize(12, 12)
            swatch.setStyleSheet(f"background:{chip_colour(chip, index)}; border-radius:2px;")
            name = QLabel(chip)
            name.setMinimumWidth(72)
            if chip in self.catalog:
                name.setToolTip(chip_tooltip(self.catalog[chip]))
            slider = Slider()
            slider.setRange(0.0, 100.0)
            slider.setSingleStep(1.0)
            slider.setPageStep(10.0)
            slider.setAccessibleName(f"Chip mix: {chip}")  # (the tests find sliders by name: English)
            slider.setToolTip(tr("Share of {chip} in the fleet (%)").format(chip=chip))
            spin = SpinBox(what=tr("{chip}'s share").format(chip=chip))
            spin.setRange(0.0, 100.0)
            spin.setDecimals(1)
            spin.setSuffix(" %")
            spin.setMinimumWidth(72)
            spin.setAccessibleName(f"Chip mix: {chip} value")
            lock = QToolButton()
            lock.setCheckable(True)
            lock.setIcon(padlock_icon())
            lock.setIconSize(QSize(14, 14))
            lock.setAutoRaise(True)
            lock.setChecked(chip in self.locked)
            lock.setAccessibleName(tr("Lock {chip}").format(chip=chip))
            lock.setToolTip(tr("Lock {chip}: keep its share fixed while other chips move (saved with the "
                               "scenario)").format(chip=chip))
            remove = QToolButton()
            remove.setText("×")
            remove.setAccessibleName(tr("Remove {chip}").format(chip=chip))
            remove.setToolTip(tr("Remove {chip} from the mix").format(chip=chip))
            remove.setEnabled(len(chips) > 1)
            for col, w in enumerate((swatch, name, slider, spin, lock, remove)):
                self.rows_layout.addWidget(w, r, col if col < 2 else col, Qt.AlignmentFlag.AlignVCenter)
            self.rows_layout.setColumnStretch(2, 1)
            self.rows_layout.setColumnStretch(1, 0)
            slider.valueChanged.connect(lambda v, cid=chip, s=slider: self._share_moved(cid, v / 100.0, s.isSliderDown()))
            slider.sliderReleased.connect(self.dragFinished)
            spin.valueChanged.connect(lambda v, cid=chip: self._share_moved(cid, v / 100.0, False))
            lock.clicked.connect(lambda on, cid=chip: self._lock(cid, on))
            remove.clicked.connect(lambda _=False, cid=chip: self.mixEdited.emit(remove_chip(self._mix, cid), False))
            self.rows[chip] = {"slider": slider, "spin": spin, "lock": lock, "remove": remove}

    def _lock(self, chip: str, on: bool) -> None:
        locked = tuple(c for c in self._mix if (c == chip and on) or (c != chip and c in self.locked))
        self.locksEdited.emit(locked)

    def _share_moved(self, chip: str, share: float, dragging: bool) -> None:
        new = set_share(self._mix, chip, share, self.locked)
        if new != self._mix:
            self.mixEdited.emit(new, dragging)
        else:  # nothing could move (every other chip locked): snap the control back
            self.set_mix(self._mix)

    def slider(self, chip: str) -> Slider:
        return self.rows[chip]["slider"]

    def spin(self, chip: str) -> QDoubleSpinBox:
        return self.rows[chip]["spin"]

    def set_mix(self, mix, locked: tuple[str, ...] | None = None) -> None:
        mix = dict(mix)
        if locked is not None:
            self.locked = tuple(locked)
        if list(mix) != list(self.rows):
            self._build_rows(list(mix))
        self._mix = mix
        for chip, row in self.rows.items():
            on = chip in self.locked
            if row["lock"].isChecked() != on:
                with QSignalBlocker(row["lock"]):
                    row["lock"].setChecked(on)
            row["lock"].setAccessibleDescription(tr("locked") if on else tr("not locked"))
        for chip, share in mix.items():
            row = self.rows[chip]
            with QSignalBlocker(row["slider"]), QSignalBlocker(row["spin"]):
                if not row["slider"].isSliderDown():
                    row["slider"].setValue(share * 100.0)
                row["spin"].setValue(share * 100.0)
        self.bar.set_segments([(c, s, chip_colour(c, self.catalog.index(c) if c in self.catalog else i))
                               for i, (c, s) in enumerate(mix.items())])
