"""The chip catalog: one row per accelerator, with public specs, prices and their sources.

The built-in catalog is ``assets/catalog/chips.csv``. Users add or override chips with a CSV file of
their own with the same columns: a row whose ``id`` is already known replaces only the cells it fills;
a row with a new ``id`` adds a chip and must fill every required column.

Parsing uses the standard library (no pandas) so that loading stays off the start-up path.
"""

from __future__ import annotations

import csv
from collections import Counter
import difflib
import io
import math
import re
from dataclasses import dataclass, fields, replace
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from .errors import CatalogError, bad_character, clip
from .files import read_text
from .i18n import QT_TR_NOOP, tr
from .paths import catalog_path

PRECISIONS = ("bf16", "fp8", "fp4")
PRECISION_LABELS = {"bf16": "BF16", "fp8": "FP8", "fp4": "FP4"}

# Published rent prices that include power are converted to ex-power prices with the model's own
# defaults (see docs/model.md, "Rent and power"): at the default PUE, energy price and full-use draw,
# the all-inclusive rent the model rebuilds equals the published price.
REFERENCE_PUE = 1.15  # AWS global PUE 2024 (the scenario default)
REFERENCE_ENERGY_PRICE_USD_PER_KWH = 0.0806  # EIA, US average industrial price 2023
REFERENCE_FULL_USE_POWER_FRACTION = 0.76  # measured 8xH100 node under intensive work (docs/model.md)

_NUMBER_COLUMNS = (
    "bf16_tflops", "fp8_tflops", "fp4_tflops", "hbm_gb", "hbm_tbps", "tdp_w",
    "system_w_per_accel", "beyond_rack_fraction", "scale_up_domain", "rent_usd_per_gpu_hour", "purchase_usd",
)
_OPTIONAL_NUMBER_COLUMNS = ("fp8_tflops", "fp4_tflops")  # blank = the chip has no such precision
_BOOL_COLUMNS = ("rent_includes_power",)
_TEXT_COLUMNS = ("name", "vendor", "estimated", "source", "power_source", "price_source", "as_of", "notes")
COLUMNS = ("id", *_TEXT_COLUMNS[:2], *_NUMBER_COLUMNS, *_BOOL_COLUMNS, *_TEXT_COLUMNS[2:])
_REQUIRED_FOR_NEW = ("name", "bf16_tflops", "tdp_w", "system_w_per_accel", "rent_usd_per_gpu_hour",
                     "purchase_usd")
# A new chip that leaves these blank: the generic share beyond the racks (Epoch AI: IT is 1.14x the
# servers' power) and an 8-accelerator server.
_DEFAULT_FOR_NEW = {"beyond_rack_fraction": 0.14, "scale_up_domain": 8.0}
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.+-]{0,31}$")
_AS_OF_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
_LIMITS = {  # plausible bounds; outside them a value is almost surely a typo or a wrong unit
    "bf16_tflops": (0.001, 1e6), "fp8_tflops": (0.001, 1e6), "fp4_tflops": (0.001, 1e6),
    "hbm_gb": (0, 1e5), "hbm_tbps": (0, 1e4), "tdp_w": (1, 1e5), "system_w_per_accel": (1, 2e5),
    "beyond_rack_fraction": (0, 3), "scale_up_domain": (1, 1e6),
    "rent_usd_per_gpu_hour": (0, 1e3), "purchase_usd": (0, 1e8),
}


@dataclass(frozen=True)
class Chip:
    """One accelerator. TFLOP/s are dense (no sparsity); power in watts; prices in USD."""

    id: str
    name: str
    vendor: str
    bf16_tflops: float
    fp8_tflops: float | None
    fp4_tflops: float | None
    hbm_gb: float
    hbm_tbps: float
    tdp_w: float
    system_w_per_accel: float
    beyond_rack_fraction: float  # cluster power beyond the rack/server, as a share of its power
    scale_up_domain: float  # accelerators in one NVLink/ICI/UALink domain
    rent_usd_per_gpu_hour: float
    rent_includes_power: bool
    purchase_usd: float
    estimated: str = ""
    source: str = ""
    power_source: str = ""
    price_source: str = ""
    as_of: str = ""
    notes: str = ""

    @property
    def overhead_w(self) -> float:
        """Server/rack power per accelerator beyond the accelerator's own TDP."""
        return self.system_w_per_accel - self.tdp_w

    @property
    def provisioned_w(self) -> float:
        """Provisioned IT power per accelerator: its rack or server share plus the cluster beyond it."""
        return self.system_w_per_accel * (1.0 + self.beyond_rack_fraction)

    @property
    def rent_ex_power_usd_per_gpu_hour(self) -> float:
        """The rent with the published price's embedded electricity taken out (docs/model.md)."""
        if not self.rent_includes_power:
            return self.rent_usd_per_gpu_hour
        embedded = (self.provisioned_w / 1000.0 * REFERENCE_FULL_USE_POWER_FRACTION
                    * REFERENCE_PUE * REFERENCE_ENERGY_PRICE_USD_PER_KWH)
        return max(self.rent_usd_per_gpu_hour - embedded, 0.0)

    def tflops(self, precision: str) -> float:
        """Dense TFLOP/s at a precision; a chip without it runs at its next wider precision."""
        return {"bf16": self.bf16_tflops, "fp8": self.fp8_tflops, "fp4": self.fp4_tflops}[
            self.effective_precision(precision)]

    def effective_precision(self, precision: str) -> str:
        """The precision the chip runs ``precision`` at: itself, or its next wider one."""
        if precision == "fp4" and self.fp4_tflops is not None:
            return "fp4"
        if precision in ("fp4", "fp8") and self.fp8_tflops is not None:
            return "fp8"
        return "bf16"

    def has_precision(self, precision: str) -> bool:
        return {"bf16": True, "fp8": self.fp8_tflops is not None, "fp4": self.fp4_tflops is not None}[precision]

    def is_estimated(self, column: str) -> bool:
        return column in {c.strip() for c in self.estimated.split(";") if c.strip()}


class Catalog:
    """An ordered, immutable set of chips with NumPy columns for the model."""

    def __init__(self, chips: tuple[Chip, ...], origin: str = "built-in", positions: tuple[int, ...] | None = None):
        if not chips:
            raise CatalogError(tr("the chip catalog is empty"))
        self.chips = tuple(chips)
        self.ids = tuple(c.id for c in self.chips)
        self.origin = origin
        self._index = {cid: i for i, cid in enumerate(self.ids)}
        self._positions = positions  # a subset's rows in the catalog it was taken from (see only())

    def position(self, chip_id: str) -> int:
        """The chip's row in the whole catalog (a subset made by only() keeps the rows of the whole),
        so what is drawn per chip (a colour) is the same whichever chips a scenario uses."""
        i = self.index(chip_id)
        return self._positions[i] if self._positions is not None else i

    def __len__(self) -> int:
        return len(self.chips)

    def __contains__(self, chip_id: object) -> bool:
        return chip_id in self._index

    def __getitem__(self, chip_id: str) -> Chip:
        return self.chips[self.index(chip_id)]

    def index(self, chip_id: str) -> int:
        try:
            return self._index[chip_id]
        except KeyError:
            raise CatalogError(self.unknown_chip_message(chip_id)) from None

    def unknown_chip_message(self, chip_id: str) -> str:
        near = difflib.get_close_matches(str(chip_id), self.ids, n=1, cutoff=0.5)
        hint = tr(" Did you mean '{name}'?").format(name=near[0]) if near else ""
        shown = ", ".join(self.ids[:40])
        if len(self.ids) > 40:
            shown = tr("{ids} and {count} more").format(ids=shown, count=f"{len(self.ids) - 40:,}")
        return tr("unknown chip id '{id}'.{hint} Valid ids: {ids}").format(id=clip(chip_id), hint=hint, ids=shown)

    def only(self, chip_ids) -> "Catalog":
        """The catalog of just ``chip_ids`` (in catalog order; the same object for the same ids), so
        a batch over a large user catalog costs what its chips cost, not what the catalog holds."""
        wanted = tuple(sorted({self.index(c) for c in chip_ids}))
        if len(wanted) == len(self.chips):
            return self
        cache = self.__dict__.setdefault("_subsets", {})
        sub = cache.get(wanted)
        if sub is None:
            if len(cache) > 64:
                cache.clear()
            sub = cache[wanted] = Catalog(tuple(self.chips[i] for i in wanted), origin=self.origin,
                                          positions=tuple(self.position(self.ids[i]) for i in wanted))
        return sub

    # NumPy columns, in catalog order (shape (C,)); computed once per catalog.
    @cached_property
    def peak_tflops(self) -> dict[str, np.ndarray]:
        return {p: np.array([c.tflops(p) for c in self.chips]) for p in PRECISIONS}

    @cached_property
    def tdp_w(self) -> np.ndarray:
        return np.array([c.tdp_w for c in self.chips])

    @cached_property
    def overhead_w(self) -> np.ndarray:
        return np.array([c.overhead_w for c in self.chips])

    @cached_property
    def beyond_rack_fraction(self) -> np.ndarray:
        return np.array([c.beyond_rack_fraction for c in self.chips])

    @cached_property
    def hbm_bytes(self) -> np.ndarray:
        return np.array([c.hbm_gb * 1e9 for c in self.chips])

    @cached_property
    def hbm_bytes_per_s(self) -> np.ndarray:
        return np.array([c.hbm_tbps * 1e12 for c in self.chips])

    @cached_property
    def scale_up_domain(self) -> np.ndarray:
        return np.array([c.scale_up_domain for c in self.chips])

    @cached_property
    def peak_tflops_matrix(self) -> np.ndarray:
        """(3, C): dense TFLOP/s at each of PRECISIONS (a missing precision at its next wider one)."""
        return np.stack([self.peak_tflops[p] for p in PRECISIONS])

    @cached_property
    def effective_precision_index(self) -> np.ndarray:
        """(3, C): for each requested precision, the index of the one each chip runs it at."""
        return np.stack([self.effective_precision[p] for p in PRECISIONS])

    @cached_property
    def effective_precision(self) -> dict[str, np.ndarray]:
        """Index into PRECISIONS of the precision each chip runs each precision at, (C,) per key."""
        return {p: np.array([PRECISIONS.index(c.effective_precision(p)) for c in self.chips]) for p in PRECISIONS}

    @cached_property
    def rent_ex_power(self) -> np.ndarray:
        return np.array([c.rent_ex_power_usd_per_gpu_hour for c in self.chips])

    @cached_property
    def purchase_usd(self) -> np.ndarray:
        return np.array([c.purchase_usd for c in self.chips])

    def merged(self, other: "Catalog") -> "Catalog":
        """This catalog with ``other``'s chips replacing same-id rows and new chips appended."""
        chips = list(self.chips)
        for chip in other.chips:
            if chip.id in self._index:
                chips[self._index[chip.id]] = chip
            else:
                chips.append(chip)
        return Catalog(tuple(chips), origin=other.origin)


def _suggest(name: str, options) -> str:
    near = difflib.get_close_matches(name, list(options), n=1, cutoff=0.5) if len(name) < 100 else []
    return tr(" Did you mean '{name}'?").format(name=near[0]) if near else ""


def parse_catalog(text: str, origin: str, base: Catalog | None = None) -> Catalog:
    """Parse catalog CSV text. With ``base``, rows may override only some cells of known chips.

    Errors name the file, the row (line number and chip id) and the column.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as exc:  # e.g. a cell over the csv module's limit (128 kB), a NUL byte
        raise CatalogError(tr("{file}, row 1: the header is not readable as CSV ({problem})").format(
            file=origin, problem=exc)) from None
    if "id" not in header:
        raise CatalogError(tr("{file}: the first line must be a header with an 'id' column (columns: "
                              "{columns})").format(file=origin, columns=", ".join(COLUMNS)))
    counts = Counter(header)  # (not header.count per column: quadratic in a 200,000-column header)
    duplicated = sorted(c for c, n in counts.items() if n > 1)
    if duplicated:
        raise CatalogError(tr("{file}: column '{column}' appears twice in the header").format(
            file=origin, column=duplicated[0]))
    for col in header:
        if col not in COLUMNS:
            raise CatalogError(tr("{file}: unknown column '{column}'.{hint} Valid columns: {columns}").format(
                file=origin, column=clip(col), hint=_suggest(col, COLUMNS), columns=", ".join(COLUMNS)))
    if base is None:
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise CatalogError(tr("{file}: missing columns: {columns}").format(file=origin,
                                                                              columns=", ".join(missing)))

    chips: list[Chip] = []
    seen: set[str] = set()
    rows = iter(reader)
    while True:
        try:
            raw = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            raise CatalogError(tr("{file}, row {row}: not readable as CSV ({problem})").format(
                file=origin, row=reader.line_num, problem=exc)) from None
        line = reader.line_num
        row = {(k or "").strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if None in raw:
            raise CatalogError(tr("{file}, row {row}: more cells than columns in the header").format(
                file=origin, row=line))
        cid = row.get("id", "")
        if not cid and not any(row.values()):
            continue  # blank line
        if cid.startswith("#"):
            continue  # comment row
        if not _ID_RE.match(cid):
            raise CatalogError(tr("{file}, row {row}, column 'id': '{id}' is not a valid chip id (letters, "
                                  "digits, '_', '.', '+', '-'; up to 32 characters)").format(
                                      file=origin, row=line, id=clip(cid)))

        def problem(col: str, text: str) -> CatalogError:
            """'FILE, row N (chip 'ID'), column 'COL': TEXT'."""
            return CatalogError(tr("{file}, row {row} (chip '{id}'), column '{column}': {problem}").format(
                file=origin, row=line, id=cid, column=col, problem=text))

        if cid in seen:
            raise problem("id", tr("chip '{id}' appears twice").format(id=cid))
        seen.add(cid)

        old = base[cid] if (base is not None and cid in base) else None
        values: dict[str, object] = {}
        for col in COLUMNS[1:]:
            cell = row.get(col, "")
            if cell == "":
                if old is not None:
                    continue
                if col in _REQUIRED_FOR_NEW:
                    raise problem(col, tr("a value is required for a new chip"))
                if col in _NUMBER_COLUMNS:
                    values[col] = None if col in _OPTIONAL_NUMBER_COLUMNS else _DEFAULT_FOR_NEW.get(col, 0.0)
                elif col in _BOOL_COLUMNS:
                    values[col] = False
                else:
                    values[col] = ""
                continue
            if col in _NUMBER_COLUMNS:
                try:
                    number = float(cell.replace(",", "").replace("_", ""))
                except ValueError:
                    raise problem(col, tr("'{value}' is not a number").format(value=cell)) from None
                lo, hi = _LIMITS[col]
                if not math.isfinite(number) or not lo <= number <= hi:
                    raise problem(col, tr("{value} is outside the allowed range {low} to {high}").format(
                        value=cell, low=f"{lo:g}", high=f"{hi:g}"))
                if col == "scale_up_domain" and not number.is_integer():
                    raise problem(col, tr("{value} is not a whole number of accelerators").format(value=cell))
                values[col] = number
            elif col in _BOOL_COLUMNS:
                low = cell.lower()
                if low not in ("true", "false", "yes", "no", "1", "0"):
                    raise problem(col, tr("'{value}' is not true or false").format(value=cell))
                values[col] = low in ("true", "yes", "1")
            else:
                bad = bad_character(cell, multiline=col in ("notes", "source", "power_source", "price_source"))
                if bad:
                    raise problem(col, tr("the text holds {problem}").format(problem=bad))
                if col == "as_of" and not _AS_OF_RE.match(cell):
                    raise problem(col, tr("'{value}' is not a date like 2026-11").format(value=cell))
                values[col] = cell
        chip = replace(old, **values) if old is not None else Chip(id=cid, **values)
        if chip.system_w_per_accel < chip.tdp_w:
            raise problem("system_w_per_accel", tr("{system} W is below the chip's TDP ({tdp} W); it is the whole "
                                                   "system's power divided by its accelerators").format(
                                                       system=f"{chip.system_w_per_accel:g}",
                                                       tdp=f"{chip.tdp_w:g}"))
        chips.append(chip)
    if not chips:
        raise CatalogError(tr("{file}: no chips found").format(file=origin))
    return Catalog(tuple(chips), origin=origin)


MAX_CATALOG_BYTES = 5_000_000  # a catalog is a few kB


def _read_text(path: Path) -> str:
    return read_text(path, QT_TR_NOOP("catalog file"), MAX_CATALOG_BYTES, CatalogError, QT_TR_NOOP("UTF-8 CSV"))


@lru_cache(maxsize=1)
def builtin_catalog() -> Catalog:
    path = catalog_path()
    return parse_catalog(_read_text(path), origin=path.name)


def load_catalog(user_path: str | Path | None = None) -> Catalog:
    """The built-in catalog, with a user's catalog file merged over it when given."""
    base = builtin_catalog()
    if user_path is None:
        return base
    path = Path(user_path)
    user = parse_catalog(_read_text(path), origin=path.name, base=base)
    return base.merged(user)


def chip_field_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Chip))
