"""The headless command line: ``scenario-explorer summary | export | presets``. Imports no Qt.

``ui.launcher`` is the installed ``scenario-explorer`` entry point: it runs these commands without
importing Qt, adds the commands that draw charts (``report``, ``render``), and opens the window when
no command is given.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import re
import sys
from dataclasses import replace
from typing import Callable, Sequence

from . import __version__
from .catalog import load_catalog
from .errors import ExplorerError, OutputError, WriteFailed
from .files import shown_path
from .formatting import CURRENCIES, Currency, currency, money, money_bare, money_unit, set_currency
from .i18n import QT_TR_NOOP, tr
from .kpis import KPIS, SUMMARY_TABLE, value_of
from .tables import check_xlsx_name, text_width, write_csv, write_xlsx
from .model import evaluate
from .presets import list_presets, resolve_scenario

PROG = "scenario-explorer"
EXIT_BAD_INPUT = 2


class UsageError(ExplorerError):
    pass


# argparse's own words ("usage:", "the following arguments are required", ...) come through its
# gettext hook (argparse._ and argparse.ngettext): here they read from the same translation.
ARGPARSE_WORDS = (
    QT_TR_NOOP("usage: "), QT_TR_NOOP("options"), QT_TR_NOOP("positional arguments"),
    QT_TR_NOOP("show this help message and exit"), QT_TR_NOOP("show program's version number and exit"),
    QT_TR_NOOP("the following arguments are required: %s"), QT_TR_NOOP("unrecognized arguments: %s"),
    QT_TR_NOOP("invalid choice: %(value)r (choose from %(choices)s)"), QT_TR_NOOP("expected one argument"),
    QT_TR_NOOP("argument %(argument_name)s: %(message)s"), QT_TR_NOOP("not allowed with argument %s"),
    QT_TR_NOOP("one of the arguments %s is required"), QT_TR_NOOP("invalid %(type)s value: %(value)r"),
    QT_TR_NOOP("ambiguous option: %(option)s could match %(matches)s"), QT_TR_NOOP("expected at least one argument"),
    QT_TR_NOOP("expected at most one argument"))
argparse._ = tr
argparse.ngettext = lambda singular, plural, n: tr(singular if n == 1 else plural)


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every bad input takes the same path (exit 2)."""

    def error(self, message):
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def _help(text: str) -> str:
    """A help text for argparse: translated, with a '%' of the translation kept literal (argparse
    formats help texts with %)."""
    shown = tr(text)
    return shown if shown == text else shown.replace("%", "%%")


def _add_common(p: argparse.ArgumentParser,
                file_help: str = QT_TR_NOOP("a scenario file (.json) or a preset name")) -> None:
    p.add_argument("file", metavar="FILE", help=_help(file_help))
    p.add_argument("--catalog", metavar="CSV",
                   help=_help(QT_TR_NOOP("a chip catalog file that adds or overrides chips")))
    p.add_argument("--currency", choices=CURRENCIES, default=None,
                   help=_help(QT_TR_NOOP("show money in USD (the default) or JPY, at the stated rate (JSON "
                                         "output stays in USD)")))
    p.add_argument("--jpy-per-usd", metavar="RATE", type=float, default=None,
                   help=_help(QT_TR_NOOP("the exchange rate for JPY (default 153.67, the New York close on "
                                         "2025-11-04); implies --currency JPY")))
    p.add_argument("--rate-date", metavar="YYYY-MM-DD", default=None,
                   help=_help(QT_TR_NOOP("the date of that rate, stated with every yen figure")))


# What export and slides take (explorer.portfolio.resolve_scenario_or_portfolio).
SCENARIO_OR_PORTFOLIO = QT_TR_NOOP("a scenario or portfolio file (.json), a preset name, or a shipped portfolio's "
                                   "name (openai-2025); a name that is both is the preset")


def build_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    parser = _Parser(
        prog=PROG,
        description=tr("Compute Scenario Explorer: capacity, power and cost of an AI compute fleet. "
                       "Run '{prog}' with no arguments (or with a scenario FILE) to open the window.").format(
                           prog=PROG),
        epilog=tr("Examples: {example1} | {example2} | {example3}").format(
            example1=f"{PROG} summary openai-aws-deal --json", example2=f"{PROG} export my.json --xlsx out.xlsx",
            example3=f"{PROG} fit openai-aws-deal --budget 38e9 --solve gpu_count --json"))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("summary", help=_help(QT_TR_NOOP("print a scenario's key figures")))
    _add_common(p)
    p.add_argument("--json", action="store_true", help=_help(QT_TR_NOOP("print one JSON object instead of a table")))
    p.set_defaults(handler=cmd_summary)

    p = sub.add_parser("export", help=_help(QT_TR_NOOP("write the monthly projection and the assumptions "
                                                       "(CSV or Excel), or a portfolio's tables")))
    _add_common(p, SCENARIO_OR_PORTFOLIO)
    dest = p.add_mutually_exclusive_group(required=True)
    dest.add_argument("--csv", metavar="OUT",
                      help=_help(QT_TR_NOOP("CSV file; the assumptions go to OUT-assumptions.csv (a portfolio: "
                                            "OUT-yearly.csv, OUT-members.csv and OUT-summary.csv)")))
    dest.add_argument("--xlsx", metavar="OUT",
                      help=_help(QT_TR_NOOP("Excel workbook (Monthly, Yearly, Summary, Assumptions, Chips; a "
                                            "portfolio's: Monthly, Yearly, Members, Summary)")))
    p.add_argument("--fiscal-years", action="store_true",
                   help=_help(QT_TR_NOOP("group the yearly table by Japanese fiscal year (April to March) instead "
                                         "of calendar year (a scenario's CSV files have no yearly table)")))
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("fit", help=_help(QT_TR_NOOP("solve for the GPU count or price level whose total cost "
                                                    "matches a budget")))
    _add_common(p)
    p.add_argument("--budget", metavar="USD", type=_usd,
                   help=_help(QT_TR_NOOP("the budget (default: the scenario's contract value)")))
    p.add_argument("--solve", choices=("gpu_count", "facility_power_mw", "price"), default="gpu_count",
                   help=_help(QT_TR_NOOP("what to solve for: the GPU count, the provisioned facility power, or "
                                         "the price level (default gpu_count)")))
    p.add_argument("--json", action="store_true", help=_help(QT_TR_NOOP("print one JSON object")))
    p.add_argument("--out", metavar="FILE", help=_help(QT_TR_NOOP("also save the fitted scenario to FILE (.json)")))
    p.set_defaults(handler=cmd_fit)

    p = sub.add_parser("portfolio", help=_help(QT_TR_NOOP("print a portfolio's totals, yearly commitments and "
                                                          "concentration")))
    _add_common(p, QT_TR_NOOP("a portfolio file (.json) or a shipped portfolio's name (openai-2025)"))
    p.add_argument("--json", action="store_true", help=_help(QT_TR_NOOP("print one JSON object instead of a table")))
    p.set_defaults(handler=cmd_portfolio)

    p = sub.add_parser("presets", help=_help(QT_TR_NOOP("list the shipped preset scenarios")))
    p.add_argument("--json", action="store_true", help=_help(QT_TR_NOOP("print a JSON list")))
    p.set_defaults(handler=cmd_presets)
    return parser, sub


HEADLESS_COMMANDS = ("summary", "export", "presets", "fit", "portfolio")


def _usd(text: str) -> float:
    """A budget: 38e9, 38000000000, 38_000_000_000, 38B, 38bn, 500M, 1.2T."""
    t = text.strip().replace(",", "").replace("_", "").upper().removeprefix("USD").strip()
    mult = 1.0
    for suffix, m in (("BN", 1e9), ("T", 1e12), ("B", 1e9), ("M", 1e6), ("K", 1e3)):
        if t.endswith(suffix):
            t, mult = t[: -len(suffix)], m
            break
    try:
        value = float(t) * mult
    except ValueError:
        raise argparse.ArgumentTypeError(tr("'{text}' is not an amount in USD (e.g. 38e9 or 38B)").format(
            text=text)) from None
    return value


def _currency(args) -> None:
    """--currency / --jpy-per-usd / --rate-date: the currency the human output shows."""
    code = getattr(args, "currency", None)
    rate, date = getattr(args, "jpy_per_usd", None), getattr(args, "rate_date", None)
    if code is None and rate is None and date is None:
        return
    if code == "USD" and rate is not None:
        raise UsageError(tr("--jpy-per-usd gives a yen rate; it cannot go with --currency USD"))
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        raise UsageError(tr("--rate-date '{date}' is not a date written YYYY-MM-DD").format(date=date))
    default = Currency()
    changed = {"as_of": date} if date is not None else {}
    if rate is not None:  # another rate: its source is the user (the default's source would be wrong)
        changed.update(jpy_per_usd=rate, source=tr("given on the command line"),
                       as_of=date or _dt.date.today().isoformat())
    try:
        set_currency(replace(default, code="JPY" if code != "USD" else "USD", **changed))
    except ValueError:
        raise UsageError(tr("--jpy-per-usd {rate} is outside 1 to 10,000 yen per dollar").format(rate=rate)) from None


def _load(args):
    _currency(args)
    catalog = load_catalog(args.catalog)
    scenario = resolve_scenario(args.file, catalog)
    return catalog, scenario


_PRICING = {"rent": QT_TR_NOOP("rent"), "own": QT_TR_NOOP("own")}  # the 'pricing' value, as the summary says it


def _padded(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` columns of a terminal (a wide character takes two)."""
    return text + " " * max(width - text_width(text), 0)


def summary_table(scenario, summary: dict) -> str:
    """The summary as a readable table: every KPI of the catalogue's summary table with its unit."""
    name = tr(scenario.name)  # (a preset's name in the current language; a name of one's own as it is)
    lines = [name, "=" * min(text_width(name), 78)]
    width = max(text_width(tr(KPIS[key].label)) for key in SUMMARY_TABLE) + 2
    for key in SUMMARY_TABLE:
        k = KPIS[key]
        value = value_of(summary, key)
        if value is None and key in ("revenue_usd", "gross_margin_usd", "breakeven_utilization"):
            continue  # only with a price
        label = ("  " + tr(k.label)) if "." in key else tr(k.label)
        text = k.format(value, 4)
        if k.kind == "count" and value is not None:
            unit = k.unit
            text = f"{value:,.0f} {unit}".strip()
        lines.append(f"{_padded(label, width)}  {text}")
    pricing = tr(_PRICING[scenario.pricing])
    if scenario.pricing == "rent" and scenario.energy_passthrough:
        start = tr("{start} ({pricing}, energy passed through)").format(start=summary["start"], pricing=pricing)
    else:
        start = tr("{start} ({pricing})").format(start=summary["start"], pricing=pricing)
    lines.append(_padded(tr("Start"), width) + "  " + start)
    rate = currency().rate_note()
    if rate:  # yen figures say their rate once
        lines.append(tr("Yen at {rate}; source: {source}.").format(rate=rate, source=currency().shown_source))
    return "\n".join(lines)


def cmd_summary(args, out) -> int:
    catalog, scenario = _load(args)
    summary = evaluate(scenario, catalog).summary()
    if args.json:
        from .uncertainty import kpi_percentiles

        uncertainty = kpi_percentiles(scenario, catalog)
        if uncertainty is not None:
            summary["uncertainty"] = uncertainty
        out.write(json.dumps({"name": scenario.name, **summary}, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    else:
        out.write(summary_table(scenario, summary) + "\n")
    return 0


def cmd_fit(args, out) -> int:
    from .fit import fit_to_budget
    from .scenario_file import save_scenario

    catalog, scenario = _load(args)
    budget = args.budget if args.budget is not None else scenario.contract_value_usd
    if budget <= 0 and args.budget is None:
        raise UsageError(tr("the scenario has no contract value to fit to; give a budget with --budget USD"))
    result = fit_to_budget(scenario, budget, args.solve, catalog)
    if args.out is not None and not args.out.strip():
        raise OutputError(tr("no output file given (--out)"))
    if args.out:
        fitted_name = tr("{name} (fitted to {budget})").format(name=scenario.name, budget=money(budget))
        save_scenario(result.scenario.replace(name=fitted_name), args.out)
    if args.json:
        out.write(json.dumps(result.as_dict(), indent=2, allow_nan=False) + "\n")
    else:
        if result.solved_for == "gpu_count":
            answer = tr("GPU count that meets it: {value}").format(
                value=tr("{count} accelerators").format(count=f"{result.value:,.0f}"))
        elif result.solved_for == "facility_power_mw":
            answer = tr("Provisioned facility power that meets it: {value}").format(value=f"{result.value:,.4g} MW")
        else:
            answer = tr("Price level that meets it: {value}").format(
                value=tr("{price} (chip price scale {scale})").format(
                    price=result.price_text(), scale=f"{result.changes.get('chip_price_scale', 0):.4g}"))
        out.write(tr(scenario.name) + "\n"
                  + tr("Budget: {budget}").format(budget=money(budget, 4)) + "\n"
                  + answer + "\n"
                  + tr("Total cost with it: {cost}").format(cost=money(result.cost_total_usd, 4)) + "\n")
        if args.out:
            out.write(wrote(args.out) + "\n")
    return 0


def _load_scenario_or_portfolio(args):
    """(catalog, a Scenario or a Portfolio) for the commands that take either (export, slides): FILE
    as explorer.portfolio.resolve_scenario_or_portfolio reads it."""
    from .portfolio import resolve_scenario_or_portfolio

    _currency(args)
    catalog = load_catalog(args.catalog)
    return catalog, resolve_scenario_or_portfolio(args.file, catalog)


def cmd_export(args, out) -> int:
    from .portfolio import Portfolio

    catalog, found = _load_scenario_or_portfolio(args)
    if isinstance(found, Portfolio):
        from .portfolio_tables import evaluate_for_export, write_portfolio_csv, write_portfolio_xlsx

        if args.xlsx is not None:
            check_xlsx_name(args.xlsx)  # (a wrong name is said before the members are evaluated)
        evaluated = evaluate_for_export(found, catalog)
        if args.csv is not None:
            written = write_portfolio_csv(evaluated, args.csv, fiscal_years=args.fiscal_years)
        else:
            written = write_portfolio_xlsx(evaluated, args.xlsx, fiscal_years=args.fiscal_years)
        for path in written:
            out.write(wrote(path) + "\n")
        return 0
    scenario = found
    projection = evaluate(scenario, catalog)
    if args.csv is not None:
        written = write_csv(projection, scenario, args.csv)
    else:
        written = write_xlsx(projection, scenario, args.xlsx, fiscal_years=args.fiscal_years)
    for path in written:
        out.write(wrote(path) + "\n")
    return 0


def wrote(path) -> str:
    """'wrote PATH', the line a command prints for each file it wrote."""
    return tr("wrote {path}").format(path=path)


def cmd_portfolio(args, out) -> int:
    from .portfolio import portfolio_summary, resolve_portfolio

    _currency(args)
    catalog = load_catalog(args.catalog)
    portfolio = resolve_portfolio(args.file, catalog)
    summary = portfolio_summary(portfolio, catalog)
    if args.json:
        out.write(json.dumps(summary, indent=2, ensure_ascii=False, allow_nan=False) + "\n")
    else:
        out.write(portfolio_table(summary) + "\n")
    return 0


def _table(rows: list[list[str]], right: set[int]) -> list[str]:
    """Rows of cells in columns two spaces apart (a wide character takes two columns); the columns in
    ``right`` right-aligned."""
    widths = [max(text_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [(" " * (w - text_width(c)) + c) if i in right else _padded(c, w)
                 for i, (c, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
    return lines


def portfolio_table(summary: dict) -> str:
    """``portfolio_summary`` as a readable table: the members, the totals, the concentration and the
    yearly commitments, each figure in the language and currency shown."""
    from .formatting import count_shown, percent, power
    from .months import month_index, month_label
    from .portfolio import CHIP_FAMILY_LABELS, FIGURES, provider_label

    def month(text):
        return month_label(month_index(text)) if text else "–"

    name = tr(summary["name"])
    lines = [name, "=" * min(text_width(name), 78)]
    rows = [[tr("Member"), tr("Provider"), tr("On"), tr("Start"), tr("Term"), tr("Accelerators"),
             tr("Provisioned power"), tr("Total cost"), tr("Contract value")]]
    for m in summary["members"]:
        rows.append([m["label"], provider_label(m["provider"]), tr("on") if m["enabled"] else tr("off"),
                     month(m["start"]), tr("{n} months").format(n=m["term_months"]), count_shown(m["gpus_peak"]),
                     power(m["facility_power_peak_mw"]), money(m["total_cost_usd"]),
                     money(m["contract_value_usd"]) if m["contract_value_usd"] else "–"])
    lines += _table(rows, right={4, 5, 6, 7, 8})
    t, c = summary["totals"], summary["concentration"]

    def label(key):
        return tr(FIGURES[key].label)

    figures = [
        (label("facility_power_peak_mw"), tr("{value} in {month}").format(
            value=power(t["facility_power_peak_mw"]), month=month(t["facility_power_peak_month"]))),
        (label("gpus_peak"), tr("{value} in {month}").format(value=count_shown(t["gpus_peak"]),
                                                            month=month(t["gpus_peak_month"]))),
        (label("cost_total_usd"), money(t["cost_total_usd"])),
        (label("contract_value_usd"), tr("{value} ({count} members; their modelled cost: {cost})").format(
            value=money(t["contract_value_usd"]), count=t["contract_members"],
            cost=money(t["cost_total_of_contracted_usd"]))),
        (label("peak_year_cost_usd"), tr("{value} in {year}").format(value=money(t["peak_year_cost_usd"]),
                                                                    year=t["peak_year"] or "–")),
    ]
    accel = c["by_accelerators"]
    largest = tr("{provider}: {share}").format(provider=provider_label(c["largest_provider"]),
                                                share=percent(c["largest_provider_share"])) \
        if c["largest_provider"] else "–"
    shares = [
        (label("largest_provider_share"), largest),
        (label("hhi"), f"{c['hhi']:,.0f}" if c["hhi"] is not None else "–"),
    ]
    for family in CHIP_FAMILY_LABELS:
        shares.append((label(f"{family}_share"), tr("{cost} of cost, {accelerators} of accelerators").format(
            cost=percent(c[f"{family}_share"]), accelerators=percent(accel[f"{family}_share"]))))
    width = max(text_width(text) for text, _ in figures + shares) + 2
    lines += ["", tr("Totals (members switched on)")]
    lines += [f"  {_padded(text, width)}{value}" for text, value in figures]
    lines += ["", tr("Concentration (shares of total cost)")]
    lines += [f"  {_padded(text, width)}{value}" for text, value in shares]
    yearly = summary["yearly_commitments_usd"]
    if yearly:
        labels = list(next(iter(yearly.values())))
        rows = [[tr("Year"), *labels, tr("Total")]]
        for year, by_member in yearly.items():
            rows.append([year, *(money_bare(by_member[k]) if by_member[k] else "–" for k in labels),
                         money_bare(summary["yearly_total_usd"][year])])
        lines += ["", tr("Yearly commitments ({unit} per calendar year)").format(unit=money_unit())]
        lines += ["  " + line for line in _table(rows, right=set(range(1, len(labels) + 2)))]
    rate = currency().rate_note()
    if rate:
        lines.append(tr("Yen at {rate}; source: {source}.").format(rate=rate, source=currency().shown_source))
    return "\n".join(lines)


def cmd_presets(args, out) -> int:
    presets = [(p.key, p.load()) for p in list_presets()]
    if args.json:
        out.write(json.dumps([{"name": key, "title": s.name, "description": s.description} for key, s in presets],
                             indent=2, ensure_ascii=False) + "\n")
    else:
        width = max(len(key) for key, _ in presets)
        for key, s in presets:
            title = tr(s.name)
            out.write(f"{key:<{width}}  {title}\n")
    return 0


def run(argv: Sequence[str], parser: argparse.ArgumentParser | None = None, out=None, err=None) -> int:
    """Parse and run one command; bad input prints 'scenario-explorer: error: ...' and returns 2, as
    does output that cannot be written (a full disk, a closed pipe), without a traceback."""
    err = err or sys.stderr or _Null()
    if out is None and sys.stdout is None:  # started with standard output closed ('>&-')
        _say(err, error_line(tr("the standard output is closed; nothing was done")))
        return EXIT_BAD_INPUT
    out = out or sys.stdout
    parser = parser or build_parser()[0]
    args = None
    try:
        args = parser.parse_args(list(argv))
        handler: Callable | None = getattr(args, "handler", None)
        if handler is None:
            parser.print_help(out)
            return EXIT_BAD_INPUT
        code = handler(args, out)
        out.flush()
        return code
    except ExplorerError as exc:
        _say(err, error_line(str(exc)))
        usage = _usage_of(parser, args)
        if usage and not isinstance(exc, (UsageError, WriteFailed)):  # (argparse's carry it; a refused write needs none)
            _say(err, usage.strip() + "\n")
        return EXIT_BAD_INPUT
    except OSError as exc:  # a file system failure outside our checks, or standard output failed
        if exc.filename is not None:
            _say(err, error_line(f"{shown_path(exc.filename)}: {exc.strerror or exc}"))
        else:
            _say(err, error_line(tr("the standard output was closed before everything was written")
                                 if isinstance(exc, BrokenPipeError) else
                                 tr("the standard output cannot be written: {reason}").format(
                                     reason=exc.strerror or exc)))
            _silence(out)
        return EXIT_BAD_INPUT


def error_line(message: str) -> str:
    """'scenario-explorer: error: MESSAGE' and a line break, as the command line reports a failure."""
    return tr("{program}: error: {message}").format(program=PROG, message=message) + "\n"


class _Null:
    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass


def _say(err, text: str) -> None:
    try:
        err.write(text)
        err.flush()
    except (OSError, ValueError, AttributeError):
        pass  # no one to tell


def _silence(out) -> None:
    """After standard output failed: point it at the null device, so the interpreter's last flush
    does not fail again with a traceback."""
    try:
        fd = out.fileno()
    except (OSError, ValueError, AttributeError):
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except OSError:
        pass


def _usage_of(parser: argparse.ArgumentParser, args) -> str:
    """The usage of the subcommand that failed ('' when there is none)."""
    command = getattr(args, "command", None)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command].format_usage()
    return ""


def safe_streams() -> None:
    """Text that the terminal's encoding cannot show (a file name in another encoding) is escaped,
    never a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def main(argv: Sequence[str] | None = None) -> int:
    safe_streams()
    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
