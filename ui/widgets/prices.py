"""Per-chip prices: rent (ex power) and purchase for the chips in the mix; blank means the catalog's."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QLabel, QToolButton, QWidget

from explorer import formatting as fmt
from explorer.catalog import Catalog
from explorer.i18n import tr
from explorer.scenario import Scenario

from .common import SpinBox, clear_layout
from .tooltips import shown_source


class PriceOverrides(QWidget):
    """Per-chip rent (ex power) and purchase price for the chips in the mix; blank = catalog price."""

    edited = Signal(str, dict)  # field name, new overrides

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(4)
        self._chips: list[str] = []
        self._spins: dict[tuple[str, str], QDoubleSpinBox] = {}
        self._scenario: Scenario | None = None

    def set_scenario(self, scenario: Scenario, catalog: Catalog) -> None:
        self._scenario = scenario
        chips = list(scenario.chip_mix)
        if chips != self._chips:
            self._rebuild(chips)
        for chip in chips:
            c = catalog[chip]
            for field, catalog_value, overrides in (
                    ("rent_price_overrides", c.rent_ex_power_usd_per_gpu_hour * scenario.chip_price_scale,
                     scenario.rent_price_overrides),
                    ("purchase_price_overrides", c.purchase_usd * scenario.chip_price_scale,
                     scenario.purchase_price_overrides)):
                spin = self._spins[(chip, field)]
                overridden = chip in overrides
                with QSignalBlocker(spin):
                    spin.setValue(overrides[chip] if overridden else catalog_value)
                font = spin.font()
                font.setBold(overridden)
                spin.setFont(font)
                source = shown_source(c.price_source)
                if c.is_estimated("rent_usd_per_gpu_hour" if field.startswith("rent") else "purchase_usd"):
                    source += " " + tr("(estimate)")
                price = tr("your override") if overridden else tr("catalog price × chip price scale")
                # The boxes take USD (as the catalog's sources quote them); in yen the tooltip says what
                # the price is in yen, at the stated rate.
                cur = fmt.currency()
                in_yen = ("<p>" + tr("Entered in USD: {amount} at {rate}").format(
                    amount=fmt.money(spin.value()), rate=cur.rate_note()) + "</p>") if cur.is_yen else ""
                spin.setToolTip(f"<p><b>{chip}</b>: {price}</p>{in_yen}<p><i>" + tr("Catalog source:")
                                + f"</i> {source}</p>")
                self._spins[(chip, field, "reset")].setEnabled(overridden)

    def _rebuild(self, chips: list[str]) -> None:
        clear_layout(self.grid)
        self._spins = {}
        self._chips = chips
        self.grid.addWidget(QLabel("<small>" + tr("chip") + "</small>"), 0, 0)
        rent = QLabel("<small>" + tr("rent USD/GPU·h") + "</small>")
        buy = QLabel("<small>" + tr("purchase USD") + "</small>")
        rent.setToolTip(tr("Rent per GPU-hour without power (power is costed from the energy price)"))
        buy.setToolTip(tr("Purchase price per accelerator, with its share of the system"))
        self.grid.addWidget(rent, 0, 1, 1, 2)
        self.grid.addWidget(buy, 0, 3, 1, 2)
        for r, chip in enumerate(chips, start=1):
            self.grid.addWidget(QLabel(chip), r, 0)
            for col, field, decimals, hi in ((1, "rent_price_overrides", 3, 1000.0),
                                             (3, "purchase_price_overrides", 0, 1e8)):
                spin = SpinBox(what=(tr("Rent price of {chip}") if col == 1 else
                                     tr("Purchase price of {chip}")).format(chip=chip))
                spin.setDecimals(decimals)
                spin.setRange(0.0, hi)
                # (boxes keep English accessible names: the tests find boxes by them)
                spin.setAccessibleName(f"{'Rent' if col == 1 else 'Purchase'} price: {chip}")
                reset = QToolButton()
                reset.setText("↺")
                reset.setAccessibleName((tr("Reset rent price of {chip}") if col == 1 else
                                         tr("Reset purchase price of {chip}")).format(chip=chip))
                reset.setToolTip(tr("Back to the catalog price"))
                spin.valueChanged.connect(lambda v, cid=chip, f=field: self._edit(f, cid, v))
                reset.clicked.connect(lambda _=False, cid=chip, f=field: self._edit(f, cid, None))
                self.grid.addWidget(spin, r, col)
                self.grid.addWidget(reset, r, col + 1)
                self._spins[(chip, field)] = spin
                self._spins[(chip, field, "reset")] = reset

    def spin(self, chip: str, field: str) -> QDoubleSpinBox:
        """The price box of ``chip`` for 'rent_price_overrides' or 'purchase_price_overrides'."""
        return self._spins[(chip, field)]

    def reset_button(self, chip: str, field: str) -> QToolButton:
        return self._spins[(chip, field, "reset")]

    def _edit(self, field: str, chip: str, value: float | None) -> None:
        overrides = dict(getattr(self._scenario, field))
        if value is None:
            overrides.pop(chip, None)
        else:
            overrides[chip] = value
        self.edited.emit(field, overrides)
