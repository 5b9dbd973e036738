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
from .files import atomic_write, check_writable_target
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
    """The monthly projection to ``out`` and the assumptions to ``<out>-assumptions.csv``."""
    out = check_writable_target(out)
    side = check_writable_target(assumptions_csv_path(out))  # both checked before either is written
    monthly = monthly_frame(projection, index)
    assumptions = assumptions_frame(scenario)
    atomic_write(out, lambda tmp: monthly.to_csv(tmp, index=False, float_format="%.6g"))
    atomic_write(side, lambda tmp: assumptions.to_csv(tmp, index=False))
    return [out, side]


XLSX_SHEETS = ("Monthly", "Summary", "Assumptions", "Chips")


def write_xlsx(projection: Projection, scenario: Scenario, out: str | os.PathLike, index: int = 0) -> list[Path]:
    """One workbook: Monthly, Summary, Assumptions and Chips sheets."""
    import pandas as pd

    if Path(out).suffix.lower() != ".xlsx":
        raise OutputError(f"{Path(out).name}: an Excel workbook needs a .xlsx name")
    frames = {
        "Monthly": monthly_frame(projection, index),
        "Summary": summary_frame(projection, index),
        "Assumptions": assumptions_frame(scenario),
        "Chips": chips_frame(projection.catalog, set(scenario.chip_mix)),
    }

    def write(tmp: Path) -> None:
        with pd.ExcelWriter(tmp, engine="openpyxl") as xl:
            for name, frame in frames.items():
                frame.to_excel(xl, sheet_name=name, index=False)
                sheet = xl.sheets[name]
                sheet.freeze_panes = "B2" if name == "Monthly" else "A2"
                for col in sheet.columns:
                    width = max(len(str(col[0].value or "")), *(min(len(str(c.value or "")), 60) for c in col[1:50]))
                    sheet.column_dimensions[col[0].column_letter].width = min(max(width + 2, 8), 62)

    atomic_write(Path(out), write)
    return [Path(out)]

