"""Tables of a projection (pandas) and their CSV and Excel files.

The command line's ``export`` and the window's "Export data" use these same functions; KPI labels
and units come from the one KPI catalogue (explorer.kpis). pandas is
imported inside them, never at module level, so it stays off the window's start-up path.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from .catalog import PRECISIONS, Catalog
from .errors import OutputError, WriteFailed
from .files import atomic_write_all, atomic_write_bytes, cannot_write, check_writable_target, shown_path
from .formatting import currency, money_cell, money_unit
from .model import Projection
from .fields import FIELDS
from .i18n import QT_TR_NOOP, is_japanese, tr
from .kpis import KPIS, SUMMARY_TABLE, unit_word, value_of
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


def yearly_frame(projection: Projection, index: int = 0, fiscal_years: bool = False):
    """One scenario's projection by year (calendar years, or Japanese fiscal years, April to March,
    with ``fiscal_years``): one row per year of the term (the first and last may be partial), in USD,
    keys as column names. The years add up to the term."""
    import pandas as pd

    p = projection
    years, months = p.months_by_year(fiscal_years)
    _, gwh = p.energy_by_year(fiscal_years)
    _, cost = p.cost_by_year(fiscal_years)
    _, gpus = p.gpus_at_year_end(fiscal_years)
    cols: dict[str, np.ndarray] = {"fiscal_year" if fiscal_years else "year": years, "months": months,
                                   "energy_gwh": gwh[index]}
    for part, values in cost.items():
        cols[f"cost_{part}_usd"] = values[index]
    cols["accelerators_year_end"] = gpus[index]
    return pd.DataFrame(cols)


# The word units of the assumptions (explorer.fields) and the KPIs (explorer.kpis), marked for
# translation here (those tables are data): the exports, the window and the messages show them
# through tr. Symbols (MW, USD, USD/kWh, ×) are not translated.
UNIT_WORDS = (
    QT_TR_NOOP("accelerators"), QT_TR_NOOP("months"), QT_TR_NOOP("years"), QT_TR_NOOP("per year"),
    QT_TR_NOOP("tokens"), QT_TR_NOOP("vCPUs"), QT_TR_NOOP("sessions"), QT_TR_NOOP("scenarios"),
    QT_TR_NOOP("share"), QT_TR_NOOP("tokens/s"),
    QT_TR_NOOP("USD per GPU-hour"), QT_TR_NOOP("USD per W of provisioned IT power"),
    QT_TR_NOOP("USD per accelerator"), QT_TR_NOOP("USD per kW of IT capacity per month"),
    QT_TR_NOOP("USD per vCPU"), QT_TR_NOOP("USD per vCPU-hour"), QT_TR_NOOP("W per vCPU"),
    QT_TR_NOOP("billion parameters"), QT_TR_NOOP("billion parameters per token"),
    QT_TR_NOOP("facility ÷ IT energy"), QT_TR_NOOP("facility ÷ IT power"),
    QT_TR_NOOP("output tokens/s each user sees"), QT_TR_NOOP("share of GPU-hours busy"),
    QT_TR_NOOP("share of accelerator system capex"), QT_TR_NOOP("share of accelerators"),
    QT_TR_NOOP("share of busy accelerator-hours"), QT_TR_NOOP("share of capacity cost"),
    QT_TR_NOOP("share of peak FLOP/s achieved"), QT_TR_NOOP("share of provisioned power"),
    QT_TR_NOOP("share of purchase price at end of life"), QT_TR_NOOP("vCPUs per accelerator"),
    QT_TR_NOOP("× calibrated efficiency"), QT_TR_NOOP("× catalog price"),
)


def _value_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # (the file's own values)
    if hasattr(value, "items"):
        return "; ".join(f"{k} {_pair_text(v) if isinstance(v, tuple) else f'{v:.4g}'}"
                         for k, v in value.items()) or tr("(none)")
    return str(value)


def _pair_text(pair: tuple) -> str:
    texts = [v if isinstance(v, str) else f"{v:.4g}" for v in pair]
    if len(texts) == 2:
        return "[" + tr("{low} to {high}").format(low=texts[0], high=texts[1]) + "]"
    return "[" + " to ".join(texts) + "]"


def assumptions_frame(scenario: Scenario):
    """Every scenario field with its value, unit, allowed range and public source. (The column
    names are keys, as in the monthly CSV; the label, group, unit and range are for people.)"""
    import pandas as pd

    rows = []
    for spec in FIELDS.values():
        rows.append({
            "key": spec.name,
            "label": tr(spec.label),
            "group": tr(spec.group),
            "value": _value_text(getattr(scenario, spec.name)),
            "unit": unit_word(spec.unit) if spec.unit else "",
            "allowed": spec.range_text(),
            "estimate": tr("estimate") if spec.estimate else "",
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
    # (values as computed: money in USD, whatever currency the window shows)
    return pd.DataFrame([{"kpi": key, "label": tr(KPIS[key].label), "value": value_of(s, key),
                          "unit": "USD" if KPIS[key].is_money else KPIS[key].unit}
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


XLSX_SHEETS = ("Monthly", "Yearly", "Summary", "Assumptions", "Chips")  # as written in English (keys below)
_SHEET_NAMES = {"Monthly": QT_TR_NOOP("Monthly"), "Yearly": QT_TR_NOOP("Yearly"), "Summary": QT_TR_NOOP("Summary"),
                "Assumptions": QT_TR_NOOP("Assumptions"), "Chips": QT_TR_NOOP("Chips"),
                "Comparison": QT_TR_NOOP("Comparison")}


def sheet_name(key: str) -> str:
    """The name a workbook gives one of its sheets ('Monthly', ...) in the current language."""
    return tr(_SHEET_NAMES[key])

# Excel number formats by what a column holds (cells stay numbers: sums, charts and pivots work).
USD = '#,##0'
PRICE = '#,##0.000'
WHOLE = '#,##0'
POWER = '#,##0.0'
RATE = '#,##0.00'
SHARE = '0.0%'
MONTH = 'mmm yyyy'
MONTH_JA = 'yyyy"年"m"月"'  # (as explorer.months.month_label writes a month in Japanese)


def _month_format() -> str:
    return MONTH_JA if is_japanese() else MONTH

_HEADERS = {  # monthly column -> (readable header with its unit, number format); shown through tr
    "month": (QT_TR_NOOP("Month"), MONTH),
    "accelerators_total": (QT_TR_NOOP("Accelerators installed, total"), WHOLE),
    "accelerator_power_provisioned_mw": (QT_TR_NOOP("Accelerator power, provisioned (MW)"), POWER),
    "server_overhead_power_provisioned_mw": (QT_TR_NOOP("Server overhead power, provisioned (MW)"), POWER),
    "cluster_power_provisioned_mw": (QT_TR_NOOP("Cluster power beyond the racks, provisioned (MW)"), POWER),
    "agent_cpu_power_provisioned_mw": (QT_TR_NOOP("Agent CPU power, provisioned (MW)"), POWER),
    "it_power_provisioned_mw": (QT_TR_NOOP("IT power, provisioned (MW)"), POWER),
    "facility_power_provisioned_mw": (QT_TR_NOOP("Facility power, provisioned (MW)"), POWER),
    "it_power_average_mw": (QT_TR_NOOP("IT power, average draw (MW)"), POWER),
    "facility_power_average_mw": (QT_TR_NOOP("Facility power, average draw (MW)"), POWER),
    "energy_mwh": (QT_TR_NOOP("Energy (MWh)"), WHOLE), "hours": (QT_TR_NOOP("Hours in the month"), WHOLE),
    "cost_total_usd": (QT_TR_NOOP("Cost, total (USD)"), USD),
    "cost_cumulative_usd": (QT_TR_NOOP("Cost, cumulative (USD)"), USD),
    "cost_per_effective_gpu_hour_usd": (QT_TR_NOOP("Cost per busy GPU-hour (USD)"), PRICE),
    "cost_per_million_output_tokens_usd": (QT_TR_NOOP("Cost per million output tokens (USD)"), PRICE),
    "output_tokens": (QT_TR_NOOP("Output tokens"), WHOLE), "agent_vcpus": (QT_TR_NOOP("Agent vCPUs"), WHOLE),
    "agent_sessions": (QT_TR_NOOP("Concurrent agent sessions"), WHOLE),
}
_PARTS = {  # cost column -> its header (the component's name in the header's words)
    "compute": QT_TR_NOOP("Cost, accelerator capacity (USD)"), "energy": QT_TR_NOOP("Cost, energy (USD)"),
    "cpu": QT_TR_NOOP("Cost, agent CPUs (USD)"), "other": QT_TR_NOOP("Cost, support, storage, other (USD)"),
}
_KIND_FORMATS = {"usd": USD, "price": PRICE, "power": POWER, "energy": WHOLE, "flops": RATE, "count": WHOLE,
                 "tokens_s": WHOLE, "tokens": WHOLE, "share": SHARE, "ratio": SHARE, "months": WHOLE}


def readable(column: str) -> tuple[str, str]:
    """(header with its unit, Excel number format) of a monthly column."""
    if column in _HEADERS:
        header, fmt = _HEADERS[column]
        return tr(header), (_month_format() if fmt == MONTH else fmt)
    if column.startswith("accelerators_"):
        return tr("Accelerators installed, {chip}").format(chip=column.removeprefix("accelerators_")), WHOLE
    if column.startswith("peak_eflops_"):
        return tr("Peak compute, {precision} (EFLOP/s)").format(precision=column.rsplit("_", 1)[1].upper()), RATE
    if column.startswith("effective_eflops_"):
        return tr("Effective compute, {precision} (EFLOP/s)").format(
            precision=column.rsplit("_", 1)[1].upper()), RATE
    if column.startswith("cost_") and column.endswith("_usd"):
        part = column[5:-4]
        if part in _PARTS:
            return tr(_PARTS[part]), USD
        return tr("Cost, {part} (USD)").format(part=part), USD
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


# The yearly sheet's money columns, in the currency shown ({unit}: explorer.formatting.money_unit).
_YEARLY_MONEY = {
    "cost_compute_usd": QT_TR_NOOP("Cost, accelerator capacity ({unit})"),
    "cost_energy_usd": QT_TR_NOOP("Cost, energy ({unit})"), "cost_cpu_usd": QT_TR_NOOP("Cost, agent CPUs ({unit})"),
    "cost_other_usd": QT_TR_NOOP("Cost, support, storage, other ({unit})"),
    "cost_total_usd": QT_TR_NOOP("Cost, total ({unit})"),
}


def _year_format(fiscal_years: bool) -> str:
    """The year cells stay numbers (2025), shown '2025' / 'FY2025' (2025年 / 2025年度 in Japanese)."""
    if is_japanese():
        return '0"年度"' if fiscal_years else '0"年"'
    return '"FY"0' if fiscal_years else '0'


def _excel_yearly(projection: Projection, index: int, fiscal_years: bool):
    """The yearly frame as Excel shows it: readable headers, money in the currency shown (in millions
    with millions_in_tables), whole accelerators."""
    frame = yearly_frame(projection, index, fiscal_years)
    unit = money_unit()
    headers, formats = [], []
    for column in frame.columns:
        if column in ("year", "fiscal_year"):
            headers.append(tr("Fiscal year") if fiscal_years else tr("Year"))
            formats.append(_year_format(fiscal_years))
        elif column == "months":
            headers.append(tr("Months in the term"))
            formats.append(WHOLE)
        elif column == "energy_gwh":
            headers.append(tr("Energy (GWh)"))
            formats.append(POWER)
        elif column in _YEARLY_MONEY:
            frame[column] = [money_cell(float(v)) for v in frame[column]]
            headers.append(tr(_YEARLY_MONEY[column]).format(unit=unit))
            formats.append(USD)
        else:  # accelerators_year_end
            frame[column] = np.round(frame[column].to_numpy(dtype=float)).astype(np.int64)
            headers.append(tr("GPU count at year end"))
            formats.append(WHOLE)
    frame.columns = headers
    return frame, formats


def _excel_summary(projection: Projection, index: int, bands=None):
    import pandas as pd

    s = projection.summary(index)
    rows, formats = [], []
    for key in SUMMARY_TABLE:
        kpi = KPIS[key]
        shown = money_cell if kpi.is_money else (lambda v: v)  # money in the currency (and millions) shown
        value = value_of(s, key)
        row = {tr("KPI"): tr(kpi.label), tr("Value"): shown(value) if value is not None else None,
               tr("Unit"): kpi.unit}
        if bands is not None:
            p = bands.kpis.get(key)
            row["P10"], row["P90"] = (shown(float(p[0])), shown(float(p[4]))) if p is not None else (None, None)
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
            value = tr("yes") if value is True else tr("no") if value is False else tr("not set")
        elif isinstance(value, (int, float)):
            fmt = SHARE if spec.is_share else WHOLE if isinstance(value, int) else '#,##0.####'
        elif spec.kind == "month":
            value = pd.Timestamp(value + "-01")
            fmt = _month_format()
        else:
            value = _value_text(value)
        rows.append({tr("Assumption"): tr(spec.label), tr("Value"): value,
                     tr("Unit"): "" if spec.is_share or not spec.unit else unit_word(spec.unit),
                     tr("Allowed"): spec.range_text(), tr("Estimate"): tr("estimate") if spec.estimate else "",
                     tr("Source"): spec.source, tr("Key in the scenario file"): spec.name})
        formats.append(fmt)
    return pd.DataFrame(rows), formats


def text_width(text: str) -> int:
    """How many columns ``text`` takes in a fixed-width layout: a wide (CJK) character takes two."""
    if text.isascii():
        return len(text)
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _sheet_name(text: str, taken: set) -> str:
    name = "".join(ch for ch in text if ch not in '[]:*?/\\')[:31] or tr("Scenario")
    base, k = name, 2
    while name in taken:
        name = f"{base[:28]} {k}"
        k += 1
    taken.add(name)
    return name


def write_xlsx(projection: Projection, scenario: Scenario, out: str | os.PathLike, index: int = 0,
               bands=None, compared=(), fiscal_years: bool = False) -> list[Path]:
    """One workbook an analyst can use as it is: Monthly (real dates, whole accelerators, P10/P90
    beside the banded quantities when ``bands`` are given), Yearly (energy, cost by component and GPU
    count at year end, by calendar year or, with ``fiscal_years``, by Japanese fiscal year from April;
    money in the currency shown, with its exchange rate when in yen), Summary (with P10/P90),
    Assumptions (values as numbers), Chips, and for a comparison a Comparison sheet and one monthly sheet per compared
    scenario (``compared``: (label, Projection) pairs, the baseline first). Cells are numbers with
    number formats (thousands separators, currency, percentages)."""
    import pandas as pd

    check_xlsx_name(out)
    rate_note = currency().rate_note()  # a yen figure says its rate once
    value_headers = (tr("Value"), "P10", "P90")

    def by_rows(frame, formats):  # (the Summary's and Assumptions' formats are one per row)
        return dict(row_formats=formats, row_format_columns=[i for i, c in enumerate(frame.columns)
                                                             if c in value_headers])

    summary, summary_formats = _excel_summary(projection, index, bands)
    assumptions, assumption_formats = _excel_assumptions(scenario)
    sheets = [
        Sheet(sheet_name("Monthly"), *_excel_monthly(_with_bands(monthly_frame(projection, index), bands))),
        Sheet(sheet_name("Yearly"), *_excel_yearly(projection, index, fiscal_years), note=rate_note),
        Sheet(sheet_name("Summary"), summary, freeze="A2", note=rate_note, **by_rows(summary, summary_formats)),
        Sheet(sheet_name("Assumptions"), assumptions, freeze="A2", **by_rows(assumptions, assumption_formats)),
        Sheet(sheet_name("Chips"), chips_frame(projection.catalog, set(scenario.chip_mix)), freeze="A2"),
    ]
    if compared:
        from .compare import comparison_rows

        current = tr("Current: {name}").format(name=tr(scenario.name))
        named = [(label, p.summary()) for label, p in compared] + [(current, projection.summary(index))]
        rows = comparison_rows([summary for _, summary in named])
        table = pd.DataFrame([{tr("KPI"): tr(r.label), tr("Unit"): unit_word(r.unit) if r.unit else "",
                               **{label: v for (label, _), v in zip(named, r.values)},
                               **{f"Δ {label}": d for (label, _), d in list(zip(named, r.deltas))[1:]}} for r in rows])
        sheets.append(Sheet(sheet_name("Comparison"), table, freeze="A2",
                            row_formats=[_KIND_FORMATS.get(KPIS[r.key].kind, '#,##0.###') for r in rows],
                            row_format_columns=range(2, len(table.columns))))
        taken = {sheet.name for sheet in sheets}
        for label, p in compared:
            sheets.append(Sheet(_sheet_name(label, taken), *_excel_monthly(monthly_frame(p))))
    return write_workbook(out, sheets)


@dataclass(frozen=True, eq=False)
class Sheet:
    """One sheet of a workbook: its name, its table (a pandas DataFrame, headers as written), and
    how its cells are shown: a number format per column (``formats``), or one per row
    (``row_formats``) in the columns ``row_format_columns`` (a table of figures of different kinds);
    the cell panes frozen at ``freeze``; a ``note`` a row below the table (the yen rate)."""

    name: str
    frame: object
    formats: Sequence[str] | None = None
    row_formats: Sequence[str] | None = None
    row_format_columns: Sequence[int] = ()
    freeze: str = "B2"
    note: str = ""


def check_xlsx_name(out: str | os.PathLike) -> None:
    """An OutputError unless ``out`` names a .xlsx file (said before any work is done)."""
    if not str(out).strip():
        raise OutputError(tr("no output file given"))
    if Path(out).suffix.lower() != ".xlsx":
        raise OutputError(tr("{name}: an Excel workbook needs a .xlsx name").format(name=Path(out).name))


def write_workbook(out: str | os.PathLike, sheets: Sequence[Sheet]) -> list[Path]:
    """Write ``sheets`` as one workbook to ``out`` (.xlsx), in one step: the target is checked first,
    the workbook built in memory, then written atomically (a failure, a full disk too, leaves the
    target as it was and says 'cannot write …'). Columns are as wide as their text (up to 62)."""
    import pandas as pd

    check_xlsx_name(out)

    def workbook(buffer) -> None:
        with pd.ExcelWriter(buffer, engine="openpyxl") as xl:
            for item in sheets:
                frame, formats = item.frame, item.formats
                frame.to_excel(xl, sheet_name=item.name, index=False)
                sheet = xl.sheets[item.name]
                sheet.freeze_panes = item.freeze
                for c, col in enumerate(sheet.columns):
                    header = str(col[0].value or "")
                    fmt = formats[c] if formats is not None and c < len(formats) else None
                    if fmt:
                        for cell in col[1:]:
                            cell.number_format = fmt
                    width = max([text_width(header), *(min(text_width(str(v.value or "")), 60) for v in col[1:50])])
                    sheet.column_dimensions[col[0].column_letter].width = min(max(width + 2, 10), 62)
                if item.row_formats is not None:
                    for r, fmt in enumerate(item.row_formats, start=2):
                        for i in item.row_format_columns:
                            sheet.cell(row=r, column=i + 1).number_format = fmt
                if item.note:
                    sheet.cell(row=len(frame) + 3, column=1, value=item.note)  # below the table, a row apart

    check_writable_target(out)  # (a wrong name is said before the workbook is built)
    atomic_write_bytes(Path(out), _workbook_bytes(workbook, out))
    return [Path(out)]


def _workbook_bytes(build, out) -> bytes:
    """The workbook ``build`` writes, as bytes. openpyxl writes each sheet to a temporary file first;
    on a full disk there it raises lxml's SerialisationError ('IO_ENOSPC'), not an OSError, and its
    half-closed sheet writers print 'Exception ignored' tracebacks when collected: both become
    "cannot write OUT: No space left on device"."""
    import errno
    import gc
    import sys

    buffer = io.BytesIO()
    try:
        build(buffer)
        return buffer.getvalue()
    except Exception as exc:  # noqa: BLE001  (sorted below: only a failed write becomes a message)
        reason = _write_failure(exc, errno)
        if reason is None:
            raise
        exc.__traceback__ = None  # (its frames hold the sheet writers)
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = hook
    raise WriteFailed(cannot_write(shown_path(out), reason))


def _write_failure(exc: BaseException, errno) -> str | None:
    """The system's reason when ``exc`` is a failed write (an OSError, or lxml's 'IO_ENOSPC'), else None."""
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if type(exc).__name__ == "SerialisationError":
        code = getattr(errno, str(exc).removeprefix("IO_"), None)
        return os.strerror(code) if isinstance(code, int) else str(exc)
    return None
