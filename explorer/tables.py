"""Tables of a projection (pandas) and their CSV and Excel files.

The command line's ``export`` and the window's "Export data" use these same functions; KPI labels
and units come from the one KPI catalogue (explorer.kpis). pandas is
imported inside them, never at module level, so it stays off the window's start-up path.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from .catalog import PRECISIONS, Catalog
from .errors import OutputError
from .files import atomic_write, atomic_write_all, check_writable_target
from .model import Projection
from .fields import FIELDS
from .kpis import KPIS, SUMMARY_TABLE, value_of
from .scenario import Scenario

def monthly_frame(projection: Projection, index: int = 0):
    """One scenario's monthly projection: one row per month, units in the column names."""
    import pandas as pd

    p = projection
    cols: dict[str, np.ndarray] = {"month": np.datetime_as_string(p.months, unit="M")}
    by_chip = p.gpus_by_chip()[index]
    used = [i for i, cid in enumerate(p.chip_ids) if p.gpus_full_by_chip[index, i] > 0]
    for i in used:
        cols[f"accelerators_{p.chip_ids[i]}"] = by_chip[:, i]
    cols["accelerators_total"] = p.gpus[index]
    for q in PRECISIONS:
        cols[f"peak_eflops_{q}"] = p.peak_flops(q)[index] / 1e18
    for q in PRECISIONS:
        cols[f"effective_eflops_{q}"] = p.effective_flops(q)[index] / 1e18
    cols.update({
        "accelerator_power_provisioned_mw": p.accel_mw[index],
        "server_overhead_power_provisioned_mw": p.overhead_mw[index],
        "cluster_power_provisioned_mw": p.cluster_mw[index],
        "agent_cpu_power_provisioned_mw": p.cpu_mw[index],
        "it_power_provisioned_mw": p.it_mw[index],
        "facility_power_provisioned_mw": p.facility_mw[index],
        "it_power_average_mw": p.it_avg_mw[index],
        "facility_power_average_mw": p.facility_avg_mw[index],
        "energy_mwh": p.energy_mwh[index],
        "hours": p.hours,
    })
    for part, values in p.cost.items():
        cols[f"cost_{part}_usd"] = values[index]
    cols.update({
        "cost_total_usd": p.cost_total[index],
        "cost_cumulative_usd": p.cost_cumulative[index],
        "cost_per_effective_gpu_hour_usd": p.cost_per_effective_gpu_hour[index],
        "cost_per_million_output_tokens_usd": p.cost_per_million_tokens[index],
        "output_tokens": p.tokens[index],
        "agent_vcpus": p.vcpus[index],
        "agent_sessions": p.agent_sessions[index],
    })
    return pd.DataFrame(cols)


def _value_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "items"):
        return "; ".join(f"{k} {_pair_text(v) if isinstance(v, tuple) else f'{v:.4g}'}"
                         for k, v in value.items()) or "(none)"
    return str(value)


def _pair_text(pair: tuple) -> str:
    return "[" + " to ".join(v if isinstance(v, str) else f"{v:.4g}" for v in pair) + "]"


def assumptions_frame(scenario: Scenario):
    """Every scenario field with its value, unit, allowed range and public source."""
    import pandas as pd

    rows = []
    for spec in FIELDS.values():
        rows.append({
            "key": spec.name,
            "label": spec.label,
            "group": spec.group,
            "value": _value_text(getattr(scenario, spec.name)),
            "unit": spec.unit,
            "allowed": spec.range_text(),
            "estimate": "estimate" if spec.estimate else "",
            "source": spec.source,
        })
    return pd.DataFrame(rows)


def chips_frame(catalog: Catalog, chip_ids=None):
    """The catalog rows (with sources) of the chips a scenario uses, plus the model's ex-power rent."""
    import pandas as pd

    rows = []
    for chip in catalog.chips:
        if chip_ids is not None and chip.id not in chip_ids:
            continue
        rows.append({
            "id": chip.id, "name": chip.name, "vendor": chip.vendor,
            **{f"{q}_tflops": chip.tflops(q) if chip.has_precision(q) else None for q in PRECISIONS},
            "hbm_gb": chip.hbm_gb, "hbm_tbps": chip.hbm_tbps, "tdp_w": chip.tdp_w,
            "system_w_per_accel": chip.system_w_per_accel, "beyond_rack_fraction": chip.beyond_rack_fraction,
            "provisioned_w_per_accel": chip.provisioned_w, "scale_up_domain": chip.scale_up_domain,
            "rent_usd_per_gpu_hour_published": chip.rent_usd_per_gpu_hour,
            "rent_includes_power": chip.rent_includes_power,
            "rent_usd_per_gpu_hour_ex_power": chip.rent_ex_power_usd_per_gpu_hour,
            "purchase_usd": chip.purchase_usd, "estimated": chip.estimated, "source": chip.source,
            "power_source": chip.power_source, "price_source": chip.price_source, "as_of": chip.as_of,
        })
    return pd.DataFrame(rows)


def summary_frame(projection: Projection, index: int = 0):
    import pandas as pd

    s = projection.summary(index)
    return pd.DataFrame([{"kpi": key, "label": KPIS[key].label, "value": value_of(s, key), "unit": KPIS[key].unit}
                         for key in SUMMARY_TABLE])


def assumptions_csv_path(out: str | os.PathLike) -> Path:
    out = Path(out)
    return out.with_name(out.stem + "-assumptions.csv")


def write_csv(projection: Projection, scenario: Scenario, out: str | os.PathLike, index: int = 0) -> list[Path]:
    """The monthly projection to ``out`` and the assumptions to ``<out>-assumptions.csv``, both or
    neither (both temporary files are written before either replaces its target)."""
    out = check_writable_target(out)
    side = check_writable_target(assumptions_csv_path(out))  # both checked before either is written
    monthly = monthly_frame(projection, index)
    assumptions = assumptions_frame(scenario)
    return atomic_write_all([(out, lambda tmp: monthly.to_csv(tmp, index=False)),  # full precision
                             (side, lambda tmp: assumptions.to_csv(tmp, index=False))])


XLSX_SHEETS = ("Monthly", "Summary", "Assumptions", "Chips")

# Excel number formats by what a column holds (cells stay numbers: sums, charts and pivots work).
USD = '#,##0'
PRICE = '#,##0.000'
WHOLE = '#,##0'
POWER = '#,##0.0'
RATE = '#,##0.00'
SHARE = '0.0%'
MONTH = 'mmm yyyy'

_HEADERS = {  # monthly column -> (readable header with its unit, number format)
    "month": ("Month", MONTH), "accelerators_total": ("Accelerators installed, total", WHOLE),
    "accelerator_power_provisioned_mw": ("Accelerator power, provisioned (MW)", POWER),
    "server_overhead_power_provisioned_mw": ("Server overhead power, provisioned (MW)", POWER),
    "cluster_power_provisioned_mw": ("Cluster power beyond the racks, provisioned (MW)", POWER),
    "agent_cpu_power_provisioned_mw": ("Agent CPU power, provisioned (MW)", POWER),
    "it_power_provisioned_mw": ("IT power, provisioned (MW)", POWER),
    "facility_power_provisioned_mw": ("Facility power, provisioned (MW)", POWER),
    "it_power_average_mw": ("IT power, average draw (MW)", POWER),
    "facility_power_average_mw": ("Facility power, average draw (MW)", POWER),
    "energy_mwh": ("Energy (MWh)", WHOLE), "hours": ("Hours in the month", WHOLE),
    "cost_total_usd": ("Cost, total (USD)", USD), "cost_cumulative_usd": ("Cost, cumulative (USD)", USD),
    "cost_per_effective_gpu_hour_usd": ("Cost per busy GPU-hour (USD)", PRICE),
    "cost_per_million_output_tokens_usd": ("Cost per million output tokens (USD)", PRICE),
    "output_tokens": ("Output tokens", WHOLE), "agent_vcpus": ("Agent vCPUs", WHOLE),
    "agent_sessions": ("Concurrent agent sessions", WHOLE),
}
_PARTS = {"compute": "accelerator capacity", "energy": "energy", "cpu": "agent CPUs", "other": "support, storage, other"}
_KIND_FORMATS = {"usd": USD, "price": PRICE, "power": POWER, "energy": WHOLE, "flops": RATE, "count": WHOLE,
                 "tokens_s": WHOLE, "tokens": WHOLE, "share": SHARE, "ratio": SHARE, "months": WHOLE}


def readable(column: str) -> tuple[str, str]:
    """(header with its unit, Excel number format) of a monthly column."""
    if column in _HEADERS:
        return _HEADERS[column]
    if column.startswith("accelerators_"):
        return f"Accelerators installed, {column.removeprefix('accelerators_')}", WHOLE
    for kind, title in (("peak", "Peak compute"), ("effective", "Effective compute")):
        if column.startswith(f"{kind}_eflops_"):
            return f"{title}, {column.rsplit('_', 1)[1].upper()} (EFLOP/s)", RATE
    if column.startswith("cost_") and column.endswith("_usd"):
        return f"Cost, {_PARTS.get(column[5:-4], column[5:-4])} (USD)", USD
    for suffix in ("_p10", "_p90"):
        if column.endswith(suffix):
            header, fmt = readable(column.removesuffix(suffix))
            return f"{header} {suffix[1:].upper()}", fmt
    return column, '#,##0.###'


_BAND_COLUMNS = {"capacity": "peak_eflops_bf16", "facility_mw": "facility_power_provisioned_mw",
                 "cost_cumulative": "cost_cumulative_usd"}


def _with_bands(frame, bands):
    """The monthly frame with P10 and P90 columns beside the quantities the bands cover."""
    if bands is None:
        return frame
    frame = frame.copy()
    for key, column in _BAND_COLUMNS.items():
        series = bands.series.get(key)
        if series is None or series.shape[1] != len(frame) or column not in frame:
            continue
        scale = 1e18 if key == "capacity" else 1.0  # capacity bands are FLOP/s (BF16 peak unless chosen)
        at = frame.columns.get_loc(column) + 1
        frame.insert(at, column + "_p10", series[0] / scale)
        frame.insert(at + 1, column + "_p90", series[4] / scale)
    return frame


def _excel_monthly(frame):
    """The monthly frame as Excel shows it: real dates, whole accelerators, readable headers."""
    import pandas as pd

    out = frame.copy()
    out["month"] = pd.to_datetime(out["month"] + "-01")
    for column in out.columns:
        if column.startswith("accelerators_") and not column.endswith(("_p10", "_p90")):
            out[column] = np.round(out[column].to_numpy(dtype=float)).astype(np.int64)
    formats = [readable(c)[1] for c in out.columns]
    out.columns = [readable(c)[0] for c in out.columns]
    return out, formats


def _excel_summary(projection: Projection, index: int, bands=None):
    import pandas as pd

    s = projection.summary(index)
    rows, formats = [], []
    for key in SUMMARY_TABLE:
        kpi = KPIS[key]
        row = {"KPI": kpi.label, "Value": value_of(s, key), "Unit": kpi.unit}
        if bands is not None:
            p = bands.kpis.get(key)
            row["P10"], row["P90"] = (float(p[0]), float(p[4])) if p is not None else (None, None)
        rows.append(row)
        formats.append(_KIND_FORMATS.get(kpi.kind, '#,##0.###'))
    return pd.DataFrame(rows), formats


def _excel_assumptions(scenario: Scenario):
    """Every field with its value as a number (shares as percentages), unit, range and source."""
    import pandas as pd

    rows, formats = [], []
    for spec in FIELDS.values():
        value = getattr(scenario, spec.name)
        fmt = '@'
        if isinstance(value, bool) or value is None:
            value = "yes" if value is True else "no" if value is False else "not set"
        elif isinstance(value, (int, float)):
            fmt = SHARE if spec.is_share else WHOLE if isinstance(value, int) else '#,##0.####'
        elif spec.kind == "month":
            value = pd.Timestamp(value + "-01")
            fmt = MONTH
        else:
            value = _value_text(value)
        rows.append({"Assumption": spec.label, "Value": value, "Unit": "" if spec.is_share else spec.unit,
                     "Allowed": spec.range_text(), "Estimate": "estimate" if spec.estimate else "",
                     "Source": spec.source, "Key in the scenario file": spec.name})
        formats.append(fmt)
    return pd.DataFrame(rows), formats


def _sheet_name(text: str, taken: set) -> str:
    name = "".join(ch for ch in text if ch not in '[]:*?/\\')[:31] or "Scenario"
    base, k = name, 2
    while name in taken:
        name = f"{base[:28]} {k}"
        k += 1
    taken.add(name)
    return name


def write_xlsx(projection: Projection, scenario: Scenario, out: str | os.PathLike, index: int = 0,
               bands=None, compared=()) -> list[Path]:
    """One workbook an analyst can use as it is: Monthly (real dates, whole accelerators, P10/P90
    beside the banded quantities when ``bands`` are given), Summary (with P10/P90), Assumptions (values
    as numbers), Chips, and for a comparison a Comparison sheet and one monthly sheet per compared
    scenario (``compared``: (label, Projection) pairs, the baseline first). Cells are numbers with
    number formats (thousands separators, currency, percentages)."""
    import pandas as pd

    if not str(out).strip():
        raise OutputError("no output file given")
    if Path(out).suffix.lower() != ".xlsx":
        raise OutputError(f"{Path(out).name}: an Excel workbook needs a .xlsx name")
    sheets = {
        "Monthly": _excel_monthly(_with_bands(monthly_frame(projection, index), bands)),
        "Summary": _excel_summary(projection, index, bands),
        "Assumptions": _excel_assumptions(scenario),
        "Chips": (chips_frame(projection.catalog, set(scenario.chip_mix)), None),
    }
    if compared:
        from .compare import comparison_rows

        named = [(label, p.summary()) for label, p in compared] + [(f"Current: {scenario.name}", projection.summary(index))]
        rows = comparison_rows([summary for _, summary in named])
        table = pd.DataFrame([{"KPI": r.label, "Unit": r.unit, **{label: v for (label, _), v in zip(named, r.values)},
                               **{f"Δ {label}": d for (label, _), d in list(zip(named, r.deltas))[1:]}} for r in rows])
        sheets["Comparison"] = (table, None)
        taken = set(sheets)
        for label, p in compared:
            sheets[_sheet_name(label, taken)] = _excel_monthly(monthly_frame(p))

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            for name, (frame, formats) in sheets.items():
                frame.to_excel(xl, sheet_name=name, index=False)
                sheet = xl.sheets[name]
                sheet.freeze_panes = "B2" if name not in ("Summary", "Assumptions", "Chips", "Comparison") else "A2"
                for c, col in enumerate(sheet.columns):
                    header = str(col[0].value or "")
                    fmt = formats[c] if formats is not None and c < len(formats) else None
                    if name in ("Summary", "Assumptions") and formats is not None:
                        fmt = None  # row formats below
                    if fmt:
                        for cell in col[1:]:
                            cell.number_format = fmt
                    width = max(len(header), *(min(len(str(v.value or "")), 60) for v in col[1:50]))
                    sheet.column_dimensions[col[0].column_letter].width = min(max(width + 2, 10), 62)
                if name in ("Summary", "Assumptions") and formats is not None:
                    value_cols = [i for i, col in enumerate(sheet.columns) if str(col[0].value) in ("Value", "P10", "P90")]
                    for r, fmt in enumerate(formats, start=2):
                        for i in value_cols:
                            sheet.cell(row=r, column=i + 1).number_format = fmt
                if name == "Comparison":
                    for col in list(sheet.columns)[2:]:
                        for r, cell in enumerate(col[1:]):
                            cell.number_format = _KIND_FORMATS.get(KPIS[rows[r].key].kind, '#,##0.###')

    atomic_write(Path(out), write)
    return [Path(out)]
