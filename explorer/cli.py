"""The headless command line: ``scenario-explorer summary | export | presets``. Imports no Qt.

``ui.launcher`` is the installed ``scenario-explorer`` entry point: it runs these commands without
importing Qt, adds the commands that draw charts (``report``, ``render``), and opens the window when
no command is given.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Callable, Sequence

from . import __version__
from .catalog import load_catalog
from .errors import ExplorerError, OutputError
from .files import shown_path
from .formatting import compact
from .kpis import KPIS, SUMMARY_TABLE, value_of
from .tables import write_csv, write_xlsx
from .model import evaluate
from .presets import list_presets, resolve_scenario

PROG = "scenario-explorer"
EXIT_BAD_INPUT = 2


class UsageError(ExplorerError):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so every bad input takes the same path (exit 2)."""

    def error(self, message):
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a scenario file (.json) or a preset name")
    p.add_argument("--catalog", metavar="CSV", help="a chip catalog file that adds or overrides chips")


def build_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    parser = _Parser(
        prog=PROG,
        description="Compute Scenario Explorer: capacity, power and cost of an AI compute fleet. "
                    f"Run '{PROG}' with no arguments (or with a scenario FILE) to open the window.",
        epilog=f"Examples: {PROG} summary openai-aws-deal --json | {PROG} export my.json --xlsx out.xlsx | "
           f"{PROG} fit openai-aws-deal --budget 38e9 --solve gpu_count --json")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("summary", help="print a scenario's key figures")
    _add_common(p)
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    p.set_defaults(handler=cmd_summary)

    p = sub.add_parser("export", help="write the monthly projection and the assumptions (CSV or Excel)")
    _add_common(p)
    dest = p.add_mutually_exclusive_group(required=True)
    dest.add_argument("--csv", metavar="OUT", help="CSV file; the assumptions go to OUT-assumptions.csv")
    dest.add_argument("--xlsx", metavar="OUT", help="Excel workbook (Monthly, Summary, Assumptions, Chips)")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("fit", help="solve for the GPU count or price level whose total cost matches a budget")
    _add_common(p)
    p.add_argument("--budget", metavar="USD", type=_usd, help="the budget (default: the scenario's contract value)")
    p.add_argument("--solve", choices=("gpu_count", "facility_power_mw", "price"), default="gpu_count",
                   help="what to solve for: the GPU count, the provisioned facility power, or the price level "
                        "(default gpu_count)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--out", metavar="FILE", help="also save the fitted scenario to FILE (.json)")
    p.set_defaults(handler=cmd_fit)

    p = sub.add_parser("presets", help="list the shipped preset scenarios")
    p.add_argument("--json", action="store_true", help="print a JSON list")
    p.set_defaults(handler=cmd_presets)
    return parser, sub


HEADLESS_COMMANDS = ("summary", "export", "presets", "fit")


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
        raise argparse.ArgumentTypeError(f"'{text}' is not an amount in USD (e.g. 38e9 or 38B)") from None
    return value


def _load(args):
    catalog = load_catalog(args.catalog)
    scenario = resolve_scenario(args.file, catalog)
    return catalog, scenario


def summary_table(scenario, summary: dict) -> str:
    """The summary as a readable table: every KPI of the catalogue's summary table with its unit."""
    lines = [scenario.name, "=" * min(len(scenario.name), 78)]
    width = max(len(KPIS[key].label) for key in SUMMARY_TABLE) + 2
    for key in SUMMARY_TABLE:
        k = KPIS[key]
        value = value_of(summary, key)
        if value is None and key in ("revenue_usd", "gross_margin_usd", "breakeven_utilization"):
            continue  # only with a price
        label = ("  " + k.label) if "." in key else k.label
        text = k.format(value, 4)
        if k.kind == "count" and value is not None:
            text = f"{value:,.0f} {k.unit}".strip()
        lines.append(f"{label:<{width}}  {text}")
    lines.append(f"{'Start':<{width}}  {summary['start']} ({scenario.pricing}"
                 f"{', energy passed through' if scenario.pricing == 'rent' and scenario.energy_passthrough else ''})")
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
        raise UsageError("the scenario has no contract value to fit to; give a budget with --budget USD")
    result = fit_to_budget(scenario, budget, args.solve, catalog)
    if args.out is not None and not args.out.strip():
        raise OutputError("no output file given (--out)")
    if args.out:
        save_scenario(result.scenario.replace(name=f"{scenario.name} (fitted to USD {compact(budget)})"), args.out)
    if args.json:
        out.write(json.dumps(result.as_dict(), indent=2, allow_nan=False) + "\n")
    else:
        what = {"gpu_count": "GPU count", "facility_power_mw": "Provisioned facility power",
                "price": "Price level"}[result.solved_for]
        value = {"gpu_count": f"{result.value:,.0f} accelerators",
                 "facility_power_mw": f"{result.value:,.4g} MW",
                 "price": f"{result.value:,.4g} {result.unit} (chip price scale "
                          f"{result.changes.get('chip_price_scale', 0):.4g})"}[result.solved_for]
        out.write(f"{scenario.name}\nBudget: USD {compact(budget, 4)}\n{what} that meets it: {value}\n"
                  f"Total cost with it: USD {compact(result.cost_total_usd, 4)}\n")
        if args.out:
            out.write(f"wrote {args.out}\n")
    return 0


def cmd_export(args, out) -> int:
    catalog, scenario = _load(args)
    projection = evaluate(scenario, catalog)
    if args.csv is not None:
        written = write_csv(projection, scenario, args.csv)
    else:
        written = write_xlsx(projection, scenario, args.xlsx)
    for path in written:
        out.write(f"wrote {path}\n")
    return 0


def cmd_presets(args, out) -> int:
    presets = [(p.key, p.load()) for p in list_presets()]
    if args.json:
        out.write(json.dumps([{"name": key, "title": s.name, "description": s.description} for key, s in presets],
                             indent=2, ensure_ascii=False) + "\n")
    else:
        width = max(len(key) for key, _ in presets)
        for key, s in presets:
            out.write(f"{key:<{width}}  {s.name}\n")
    return 0


def run(argv: Sequence[str], parser: argparse.ArgumentParser | None = None, out=None, err=None) -> int:
    """Parse and run one command; bad input prints 'scenario-explorer: error: ...' and returns 2, as
    does output that cannot be written (a full disk, a closed pipe), without a traceback."""
    err = err or sys.stderr or _Null()
    if out is None and sys.stdout is None:  # started with standard output closed ('>&-')
        _say(err, f"{PROG}: error: the standard output is closed; nothing was done\n")
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
        _say(err, f"{PROG}: error: {exc}\n")
        usage = _usage_of(parser, args)
        if usage and not isinstance(exc, UsageError):  # (argparse's errors carry their usage already)
            _say(err, usage.strip() + "\n")
        return EXIT_BAD_INPUT
    except OSError as exc:  # a file system failure outside our checks, or standard output failed
        if exc.filename is not None:
            _say(err, f"{PROG}: error: {shown_path(exc.filename)}: {exc.strerror or exc}\n")
        else:
            what = ("was closed before everything was written" if isinstance(exc, BrokenPipeError)
                    else f"cannot be written: {exc.strerror or exc}")
            _say(err, f"{PROG}: error: the standard output {what}\n")
            _silence(out)
        return EXIT_BAD_INPUT


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
