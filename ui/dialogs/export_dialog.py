"""The "Export charts" dialog. It only collects the choices; ``ui.render.images`` does the work."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QWidget)

from explorer.i18n import tr

from ..render.images import FORMATS, SLIDE_SIZES, ImageOptions
from ..theme import THEMES


@dataclass
class ExportRequest:
    chart: str  # a chart name, or "all"
    fmt: str  # png | svg | pdf
    path: Path  # a file, or a folder when chart == "all"
    options: ImageOptions


class ExportDialog(QDialog):
    def __init__(self, charts: dict[str, str], current: str, folder: Path, stem: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Export charts"))
        self.setAccessibleName(tr("Export charts"))
        self._folder, self._stem = folder, stem
        self.chart = QComboBox()
        self.chart.setAccessibleName(tr("Chart to export"))
        for name, title in charts.items():
            self.chart.addItem(tr(title), name)
        self.chart.addItem(tr("All charts (into a folder)"), "all")
        self.chart.setCurrentIndex(max(0, self.chart.findData(current)))
        self.fmt = QComboBox()
        self.fmt.setAccessibleName(tr("Format"))
        for f in FORMATS:
            self.fmt.addItem(f.upper(), f)
        self.size = QComboBox()
        self.size.setAccessibleName(tr("Size"))
        for label, wh in SLIDE_SIZES.items():
            self.size.addItem(tr(label), wh)
        self.size.addItem(tr("Custom", "picture size"), None)
        self.width = QSpinBox()
        self.width.setRange(16, 10000)
        self.width.setValue(1920)
        self.width.setSuffix(" px")
        self.width.setAccessibleName(tr("Width"))
        self.height = QSpinBox()
        self.height.setRange(16, 10000)
        self.height.setValue(1080)
        self.height.setSuffix(" px")
        self.height.setAccessibleName(tr("Height"))
        wh = QHBoxLayout()
        wh.addWidget(self.width)
        wh.addWidget(self.height)
        self.scale = QDoubleSpinBox()
        self.scale.setRange(0.0, 10.0)
        self.scale.setSingleStep(0.25)
        self.scale.setSpecialValueText(tr("automatic", "scale factor"))
        self.scale.setAccessibleName(tr("Scale factor"))
        self.scale.setToolTip(tr("How much larger text and lines are drawn; automatic keeps the look of a "
                                 "960 × 540 chart at any size, only sharper"))
        self.transparent = QCheckBox(tr("Transparent background"))
        self.transparent.setAccessibleName(tr("Transparent background"))
        self.theme = QComboBox()
        self.theme.setAccessibleName(tr("Colours"))
        self.theme.addItem(tr("Light"), "light")
        self.theme.addItem(tr("Dark"), "dark")
        self.path = QLineEdit()
        self.path.setAccessibleName(tr("Destination"))
        self.path.setMinimumWidth(360)
        browse = QPushButton(tr("Browse…"))
        browse.setAccessibleName(tr("Browse for destination"))
        browse.clicked.connect(self._browse)
        dest = QHBoxLayout()
        dest.addWidget(self.path, 1)
        dest.addWidget(browse)

        form = QFormLayout(self)
        form.addRow(tr("Chart"), self.chart)
        form.addRow(tr("Format"), self.fmt)
        form.addRow(tr("Size"), self.size)
        form.addRow("", _wrap(wh))
        form.addRow(tr("Scale factor"), self.scale)
        form.addRow(tr("Colours"), self.theme)
        form.addRow("", self.transparent)
        form.addRow(tr("Save to"), _wrap(dest))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

        self.size.currentIndexChanged.connect(self._size_changed)
        self.chart.currentIndexChanged.connect(self._update_path)
        self.fmt.currentIndexChanged.connect(self._update_path)
        self.fmt.currentIndexChanged.connect(lambda: self.transparent.setEnabled(self.fmt.currentData() != "pdf"))
        self._size_changed()
        self._update_path()

    def _size_changed(self) -> None:
        wh = self.size.currentData()
        custom = wh is None
        self.width.setEnabled(custom)
        self.height.setEnabled(custom)
        if wh:
            self.width.setValue(wh[0])
            self.height.setValue(wh[1])

    def _update_path(self) -> None:
        chart, fmt = self.chart.currentData(), self.fmt.currentData()
        self.path.setText(str(self._folder if chart == "all" else self._folder / f"{self._stem}-{chart}.{fmt}"))

    def _browse(self) -> None:
        if self.chart.currentData() == "all":
            chosen = QFileDialog.getExistingDirectory(self, tr("Export all charts into"), self.path.text())
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, tr("Export chart"), self.path.text(),
                                                    f"{self.fmt.currentText()} (*.{self.fmt.currentData()})")
        if chosen:
            self.path.setText(chosen)

    def request(self) -> ExportRequest:
        fmt = self.fmt.currentData()
        path = Path(self.path.text().strip()).expanduser()
        if self.chart.currentData() != "all" and path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        return ExportRequest(
            chart=self.chart.currentData(), fmt=fmt, path=path,
            options=ImageOptions(width=self.width.value(), height=self.height.value(),
                                 scale=self.scale.value() or None,
                                 transparent=self.transparent.isChecked() and fmt != "pdf",
                                 theme=THEMES[self.theme.currentData()]))


def _wrap(layout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w
