"""A portfolio's tables (pandas) and their CSV and Excel files: ``scenario-explorer export PORTFOLIO``.

Four tables (docs/portfolio.md, "Export and slides"):

- **Monthly**: one row per calendar month of the portfolio (the earliest member's first month to the
  latest member's last); for each enabled member and for the portfolio, the accelerators installed,
  the provisioned facility power, the cost of the month and the cumulative cost. A member's columns
  are named as its own scenario export names them, then ``:`` and its label
  (``cost_total_usd:AWS``); the portfolio's carry the name alone (``cost_total_usd``), so the
  portfolio reads like one fleet with its members beside it.
- **Yearly**: the commitments (cost) per calendar year, or Japanese fiscal year, by member and in all.
- **Members**: every member, switched off ones too: label, provider, on/off, where its scenario comes
  from, its chips and chip families, its own figures and its description (where its figures come from).
- **Summary**: the totals and concentration figures (explorer.portfolio.FIGURES, with their
  explanations) and the figures beside them (the peak months, the peak year, each provider's share).

CSV files hold the figures as computed (USD, shares as fractions, full precision) under stable keys;
the workbook's Yearly, Members and Summary sheets show money in the currency shown (with its
exchange rate), its Monthly sheet in USD as the scenario workbook's does. Writing, checking the
targets and the atomic replace are explorer.tables' and explorer.files'.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .catalog import Catalog, builtin_catalog
from .files import atomic_write_all, check_writable_target
from .formatting import currency, money_cell, money_unit
from .i18n import QT_TR_NOOP, tr
from .kpis import KPIS, unit_word
from .portfolio import (CHIP_FAMILIES, CHIP_FAMILY_LABELS, FIGURES, MemberResult, Portfolio, PortfolioCache,
                        PortfolioProjection, evaluate_portfolio, member_result, portfolio_summary, provider_label)
from .tables import (POWER, SHARE, USD, WHOLE, Sheet, _month_format, _value_text, _year_format, check_xlsx_name,
                     readable, sheet_name, write_workbook)

# The monthly quantities: a member's own monthly export column, and the portfolio series it is.
MONTHLY = (("accelerators_total", "gpus"), ("facility_power_provisioned_mw", "facility_mw"),
           ("cost_total_usd", "cost"), ("cost_cumulative_usd", "cost_cumulative"))
_MONTHLY_FORMATS = {"accelerators_total": WHOLE, "facility_power_provisioned_mw": POWER, "cost_total_usd": USD,
                    "cost_cumulative_usd": USD}
XLSX_SHEETS = ("Monthly", "Yearly", "Members", "Summary")  # as written in English
CSV_SIDES = ("yearly", "members", "summary")  # OUT-yearly.csv, OUT-members.csv, OUT-summary.csv
_MEMBERS_SHEET = QT_TR_NOOP("Members")
_SOURCE_WORDS = {"preset": QT_TR_NOOP("preset"), "file": QT_TR_NOOP("scenario file"),
                 "scenario": QT_TR_NOOP("embedded scenario")}  # a member's source kind, as a sheet says it


@dataclass(frozen=True, eq=False)
class Evaluated:
    """A portfolio evaluated once for its tables and its deck: the enabled members on one month axis
    (``projection``), every member's own evaluation (``results``, switched-off ones too) and
    portfolio_summary's figures (``summary``)."""

    portfolio: Portfolio
    catalog: Catalog
    projection: PortfolioProjection
    results: tuple[MemberResult, ...]
    summary: dict


def evaluate_for_export(portfolio: Portfolio, catalog: Catalog | None = None) -> Evaluated:
    """Every member evaluated (a member that fails names itself: "member 'AWS': …")."""
    catalog = catalog or builtin_catalog()
    cache = PortfolioCache()
    projection = evaluate_portfolio(portfolio, catalog, cache)
    results = tuple(member_result(m, catalog, cache) for m in portfolio.members)
    return Evaluated(portfolio, catalog, projection, results,
                     portfolio_summary(portfolio, catalog, cache, projection))


# ------------------------------------------------------------------------------------------ frames
def monthly_frame(projection: PortfolioProjection):
    """One row per calendar month: each enabled member's columns (``KEY:LABEL``) and the portfolio's
    (``KEY``) of accelerators, provisioned facility power (MW), cost of the month and cumulative cost
    (USD)."""
    import pandas as pd

    p = projection
    cols: dict[str, np.ndarray] = {"month": np.datetime_as_string(p.months, unit="M")}
    for key, series in MONTHLY:
        for label, row in zip(p.labels, p.series(series)):
            cols[f"{key}:{label}"] = row
        cols[key] = p.total(series)
    return pd.DataFrame(cols)


def yearly_frame(projection: PortfolioProjection, fiscal_years: bool = False):
    """The commitments per year (calendar years, or Japanese fiscal years from April with
    ``fiscal_years``) in USD: the months of the portfolio in the year, each enabled member's cost
    (``cost_total_usd:LABEL``) and the total (``cost_total_usd``). The years add up to the total cost."""
    import pandas as pd

    p = projection
    years, yearly = p.yearly_commitments(fiscal_years)
    _, months = p.by_year(np.ones(p.month_indices.size), fiscal_years)
    cols: dict[str, np.ndarray] = {"fiscal_year" if fiscal_years else "year": years,
                                   "months": np.round(months).astype(np.int64)}
    for label, row in zip(p.labels, yearly):
        cols[f"cost_total_usd:{label}"] = row
    cols["cost_total_usd"] = yearly.sum(axis=0)
    return pd.DataFrame(cols)


def _member_rows(ev: Evaluated) -> list[dict]:
    rows = []
    for m, r, s in zip(ev.portfolio.members, ev.results, ev.summary["members"]):
        rows.append({
            "label": m.label, "provider": m.provider, "enabled": m.enabled, "source": m.source_kind,
            "reference": m.reference, "chips": _value_text(m.scenario.chip_mix),
            **{f"{family}_share": float(share) for family, share in zip(CHIP_FAMILIES, r.family_weights["cost"])},
            "start": s["start"], "term_months": s["term_months"], "gpus_peak": s["gpus_peak"],
            "facility_power_peak_mw": s["facility_power_peak_mw"], "cost_total_usd": s["total_cost_usd"],
            "contract_value_usd": s["contract_value_usd"], "description": tr(m.scenario.description),
        })
    return rows


def members_frame(ev: Evaluated):
    """Every member (switched off ones too), with stable keys: where its scenario comes from
    (``source``: preset, file or scenario, and ``reference``), its chips and the shares of its cost by
    chip family, its own figures (in USD) and its description."""
    import pandas as pd

    rows = _member_rows(ev)
    for row in rows:
        row["enabled"] = "true" if row["enabled"] else "false"  # (as the portfolio file writes it)
    return pd.DataFrame(rows, columns=list(_member_rows_keys()))


def _member_rows_keys() -> tuple[str, ...]:
    return ("label", "provider", "enabled", "source", "reference", "chips",
            *(f"{family}_share" for family in CHIP_FAMILIES), "start", "term_months", "gpus_peak",
            "facility_power_peak_mw", "cost_total_usd", "contract_value_usd", "description")


@dataclass(frozen=True)
class Figure:
    """A row of the summary: its key, label, value as computed, kind (how it is shown) and explanation."""

    key: str
    label: str
    value: object
    kind: str  # 'count', 'power', 'usd', 'share', 'index', 'month', 'year', 'text'
    explanation: str = ""

    @property
    def unit(self) -> str:
        """The unit written beside the value: a KPI's where the figure is one (explorer.kpis); money is
        USD here (the workbook writes the currency shown)."""
        if self.kind == "usd":
            return "USD"
        if self.key in KPIS:
            return KPIS[self.key].unit
        return unit_word("share") if self.kind == "share" else ""


def _figure(key: str, value, kind: str) -> Figure:
    """A figure of explorer.portfolio.FIGURES, with its label and explanation."""
    figure = FIGURES[key]
    return Figure(key, tr(figure.label), value, kind, tr(figure.explanation))


def summary_figures(ev: Evaluated) -> list[Figure]:
    """The totals and concentration of the enabled members, in the order the window's cards show them,
    each followed by the figures that go with it (its month, its year, the providers' shares)."""
    t, c = ev.summary["totals"], ev.summary["concentration"]
    accel = c["by_accelerators"]
    rows = [
        Figure("members_enabled", tr("Members switched on"), t["members_enabled"], "count"),
        Figure("first_month", tr("First month"), t["first_month"], "month"),
        Figure("last_month", tr("Last month"), t["last_month"], "month"),
        _figure("facility_power_peak_mw", t["facility_power_peak_mw"], "power"),
        Figure("facility_power_peak_month", tr("Month of the power peak"), t["facility_power_peak_month"], "month"),
        _figure("gpus_peak", t["gpus_peak"], "count"),
        Figure("gpus_peak_month", tr("Month of the accelerator peak"), t["gpus_peak_month"], "month"),
        _figure("cost_total_usd", t["cost_total_usd"], "usd"),
        _figure("contract_value_usd", t["contract_value_usd"], "usd"),
        Figure("contract_members", tr("Members with a contract value"), t["contract_members"], "count"),
        Figure("cost_total_of_contracted_usd", tr("Modelled cost of the members with a contract value"),
               t["cost_total_of_contracted_usd"], "usd"),
        _figure("peak_year_cost_usd", t["peak_year_cost_usd"], "usd"),
        Figure("peak_year", tr("Peak year"), t["peak_year"], "year"),
        Figure("largest_provider", tr("Largest provider"), c["largest_provider"], "text"),
        _figure("largest_provider_share", c["largest_provider_share"], "share"),
        _figure("hhi", c["hhi"], "index"),
    ]
    for provider, share in c["provider_shares"].items():
        rows.append(Figure(f"provider_shares.{provider}", tr("Share of {provider}").format(
            provider=provider_label(provider)), share, "share"))
    for family in CHIP_FAMILIES:
        rows.append(_figure(f"{family}_share", c[f"{family}_share"], "share"))
    for family in CHIP_FAMILIES:
        rows.append(Figure(f"by_accelerators.{family}_share",
                           tr("{family}, share of accelerators at the peak").format(
                               family=tr(CHIP_FAMILY_LABELS[family])), accel[f"{family}_share"], "share",
                           tr("Share of the accelerators installed in the month the portfolio's accelerators peak.")))
    return rows


def summary_frame(ev: Evaluated):
    """The summary with stable keys: key, label, value (as computed: USD, shares as fractions,
    months as YYYY-MM, a provider as the file writes it), unit, explanation."""
    import pandas as pd

    figures = summary_figures(ev)
    frame = pd.DataFrame({"key": [f.key for f in figures], "label": [f.label for f in figures],
                          "value": pd.Series([f.value for f in figures], dtype=object),  # (a count stays whole)
                          "unit": [f.unit for f in figures], "explanation": [f.explanation for f in figures]})
    return frame


# ------------------------------------------------------------------------------------------- CSV
def csv_paths(out: str | os.PathLike) -> list[Path]:
    """The four CSV files of a portfolio export: OUT, then OUT-yearly.csv, OUT-members.csv and
    OUT-summary.csv beside it (as the scenario export's OUT-assumptions.csv)."""
    out = Path(out)
    return [out] + [out.with_name(f"{out.stem}-{side}.csv") for side in CSV_SIDES]


def write_portfolio_csv(ev: Evaluated, out: str | os.PathLike, fiscal_years: bool = False) -> list[Path]:
    """The four tables as CSV (csv_paths), all or none: every target is checked before any is written."""
    paths = [check_writable_target(p) for p in csv_paths(out)]
    frames = [monthly_frame(ev.projection), yearly_frame(ev.projection, fiscal_years), members_frame(ev),
              summary_frame(ev)]
    return atomic_write_all([(path, lambda tmp, f=frame: f.to_csv(tmp, index=False))  # full precision
                             for path, frame in zip(paths, frames)])


# ------------------------------------------------------------------------------------------ Excel
def _excel_monthly(projection: PortfolioProjection):
    """The monthly frame as Excel shows it: real dates, whole accelerators, each column headed as the
    member's own export heads it, then the member (or all members)."""
    import pandas as pd

    frame = monthly_frame(projection)
    frame["month"] = pd.to_datetime(frame["month"] + "-01") if len(frame) else pd.to_datetime(frame["month"])
    headers, formats = [readable("month")[0]], [_month_format()]
    for column in frame.columns[1:]:
        key, _, label = column.partition(":")
        if key == "accelerators_total":
            frame[column] = np.round(frame[column].to_numpy(dtype=float)).astype(np.int64)
        quantity = readable(key)[0]
        headers.append(tr("{quantity} · {member}").format(quantity=quantity, member=label) if label else
                       tr("{quantity} · all members").format(quantity=quantity))
        formats.append(_MONTHLY_FORMATS[key])
    frame.columns = headers
    return frame, formats


def _excel_yearly(projection: PortfolioProjection, fiscal_years: bool):
    frame = yearly_frame(projection, fiscal_years)
    unit = money_unit()
    headers = [tr("Fiscal year") if fiscal_years else tr("Year"), tr("Months of the portfolio")]
    formats = [_year_format(fiscal_years), WHOLE]
    for column in frame.columns[2:]:
        _, _, label = column.partition(":")
        frame[column] = [money_cell(float(v)) for v in frame[column]]
        headers.append(tr("Commitments, {member} ({unit})").format(member=label, unit=unit) if label else
                       tr("Commitments, total ({unit})").format(unit=unit))
        formats.append(USD)
    frame.columns = headers
    return frame, formats


def _kpi_header(key: str, unit: str | None = None) -> str:
    """A member figure's header: its KPI's label and unit ('Term (months)'; a count is its own unit:
    'Accelerators')."""
    kpi = KPIS[key]
    unit = unit if unit is not None else "" if kpi.kind == "count" else kpi.unit
    return f"{tr(kpi.label)} ({unit})" if unit else tr(kpi.label)


def _excel_members(ev: Evaluated):
    """Every member: readable words, the figures as numbers (money in the currency shown), the start as
    a date; a figure's header is its KPI's label (explorer.kpis)."""
    import pandas as pd

    out, formats = [], []
    for row in _member_rows(ev):
        out.append({
            tr("Member"): row["label"], tr("Provider"): provider_label(row["provider"]),
            tr("On"): tr("yes") if row["enabled"] else tr("no"),
            tr("Source", "a member's scenario"): tr(_SOURCE_WORDS[row["source"]]),
            tr("Reference"): row["reference"], tr("Chips"): row["chips"],
            **{tr("{figure}, share of cost").format(figure=tr(FIGURES[f"{family}_share"].label)):
               row[f"{family}_share"] for family in CHIP_FAMILIES},
            tr("Start"): pd.Timestamp(row["start"] + "-01"),
            _kpi_header("term_months"): row["term_months"],
            _kpi_header("gpus_peak"): round(row["gpus_peak"]),
            _kpi_header("facility_power_peak_mw"): row["facility_power_peak_mw"],
            _kpi_header("cost_total_usd", money_unit()): money_cell(row["cost_total_usd"]),
            _kpi_header("contract_value_usd", money_unit()): money_cell(row["contract_value_usd"])
            if row["contract_value_usd"] else None,
            tr("Description and sources"): row["description"],
        })
    formats = ["@"] * 6 + [SHARE] * len(CHIP_FAMILIES) + [_month_format(), WHOLE, WHOLE, POWER, USD, USD, "@"]
    return pd.DataFrame(out), formats


_KIND_FORMATS = {"count": WHOLE, "power": POWER, "usd": USD, "share": SHARE, "index": WHOLE, "year": "0",
                 "text": "@"}


def _excel_summary(ev: Evaluated):
    """The summary as Excel shows it: values as numbers (money in the currency shown), months as dates,
    a format per row."""
    import pandas as pd

    rows, formats = [], []
    for f in summary_figures(ev):
        value = f.value
        if f.kind == "usd" and value is not None:
            value = money_cell(float(value))
        elif f.kind == "month" and value is not None:
            value = pd.Timestamp(value + "-01")
        elif f.kind == "text" and value is not None:
            value = provider_label(value)
        unit = money_unit() if f.kind == "usd" else f.unit
        rows.append({tr("Figure"): f.label, tr("Value"): value, tr("Unit"): unit, tr("Explanation"): f.explanation})
        formats.append(_month_format() if f.kind == "month" else _KIND_FORMATS[f.kind])
    frame = pd.DataFrame(rows, columns=[tr("Figure"), tr("Value"), tr("Unit"), tr("Explanation")])
    frame[tr("Value")] = pd.Series([row[tr("Value")] for row in rows], dtype=object)
    return frame, formats


def write_portfolio_xlsx(ev: Evaluated, out: str | os.PathLike, fiscal_years: bool = False) -> list[Path]:
    """One workbook: Monthly, Yearly, Members, Summary (XLSX_SHEETS), cells numbers with number formats;
    written as the scenario workbook is (explorer.tables.write_workbook: checked, built in memory,
    replaced in one step)."""
    check_xlsx_name(out)
    rate_note = currency().rate_note()
    summary, summary_formats = _excel_summary(ev)
    value_column = [list(summary.columns).index(tr("Value"))]
    sheets = [
        Sheet(sheet_name("Monthly"), *_excel_monthly(ev.projection)),
        Sheet(sheet_name("Yearly"), *_excel_yearly(ev.projection, fiscal_years), note=rate_note),
        Sheet(tr(_MEMBERS_SHEET), *_excel_members(ev), note=rate_note),
        Sheet(sheet_name("Summary"), summary, freeze="A2", note=rate_note, row_formats=summary_formats,
              row_format_columns=value_column),
    ]
    return write_workbook(out, sheets)

