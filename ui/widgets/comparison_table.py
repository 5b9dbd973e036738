"""The comparison table: each compared KPI per scenario, with its difference against the baseline
(the first column). Rows, labels, units and formatting come from the KPI catalogue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from explorer import formatting as fmt
from explorer.compare import comparison_rows
from explorer.i18n import tr
from explorer.kpis import KPIS

from .tooltips import plain_tip


def cell_text(key: str, value, base=None, delta=None, percent=None) -> str:
    """'USD 45.5B   Δ +7.2B (+18.8%)': the figure carries its unit (so the row's label needs none),
    the difference only in compared columns. Written with the KPI cards' precision, so a figure reads
    the same in the table as on its card."""
    kpi = KPIS[key]
    if value is None:
        return "–"
    text = kpi.format(value)  # the catalogue's precision, as on the cards
    if delta is not None and base is not None:
        text += f"   Δ {kpi.delta(value, base, 3)}"
        if percent is not None and abs(delta) > 1e-9 * abs(base or 1):
            text += f" ({fmt.change(percent * 100, '%')})"
    return text


def column_title(column: int, columns: int, label: str) -> str:
    """'Baseline' / 'Compared 2' / 'Current' over the scenario's name (without its 'Baseline: ' or
    'Current: ' prefix)."""
    # the prefixes in English, and as the current language writes them (the name comes last)
    templates = ("Baseline: {name}", "Current: {name}")
    prefixes = [t.format(name="") for t in templates] + [tr(t).format(name="") for t in templates]
    name = next((label[len(p):] for p in prefixes if p and label.startswith(p)), label)
    role = (tr("Current") if column == columns - 1 else tr("Baseline") if column == 0
            else tr("Compared {number}").format(number=column + 1))
    return f"{role}\n{name}"


class ComparisonTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName(tr("Comparison table"))
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.verticalHeader().setDefaultSectionSize(22)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVisible(False)

    def natural_height(self) -> int:
        return self.horizontalHeader().height() + sum(self.rowHeight(r) for r in range(self.rowCount())) + 4

    def show_summaries(self, named: list[tuple[str, dict]], colours: tuple[str, ...]) -> bool:
        """Fill the table with (label, summary) columns, the first the baseline; hidden (False)
        when there are fewer than two."""
        if len(named) < 2:
            self.setVisible(False)
            return False
        rows = comparison_rows([s for _, s in named])
        self.setVisible(True)
        self.setRowCount(len(rows))
        self.setColumnCount(len(named))
        # Two lines a header: the column's role, then the scenario's name (equal names stay apart).
        self.setHorizontalHeaderLabels([column_title(c, len(named), label) for c, (label, _) in enumerate(named)])
        self.setVerticalHeaderLabels([tr(r.label) for r in rows])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header.setMinimumHeight(header.fontMetrics().height() * 2 + 8)
        for c in range(len(named) - 1):
            item = self.horizontalHeaderItem(c)
            item.setForeground(QColor(colours[c % len(colours)]))
            item.setToolTip(plain_tip(named[c][0]))  # a scenario's name: text, not markup
        for r, row in enumerate(rows):
            for c, value in enumerate(row.values):
                compared = c > 0 and row.deltas[c] is not None
                item = QTableWidgetItem(cell_text(row.key, value, row.values[0] if compared else None,
                                                  row.deltas[c] if compared else None, row.percents[c]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(r, c, item)
        self.resizeRowsToContents()
        self.setMaximumHeight(self.natural_height())
        return True

    def cell(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""
