"""Commands that draw charts without a screen: ``render``, ``report`` and ``slides``.

``render`` and ``report`` take a scenario or a portfolio (explorer.portfolio.names_portfolio tells
which FILE is which; a portfolio's pictures and report are ui/render/portfolio.py's).

They need Qt (to paint), but no display: the QApplication runs on the offscreen platform. ``slides``
writes native PowerPoint charts and paints nothing, so it starts no QApplication.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from explorer.cli import (SCENARIO_OR_PORTFOLIO, UsageError, _add_common, _currency, _help, _load,
                          _load_scenario_or_portfolio, _usd, wrote)
from explorer.errors import ExplorerError, OutputError, WriteFailed
from explorer.i18n import QT_TR_NOOP, tr

UI_COMMANDS = ("render", "report", "slides")


def ensure_app():
    """A QApplication on the offscreen platform (unless one exists already)."""
    os.environ.setdefault("QT_API", "pyside6")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QApplication(["scenario-explorer"])
        from explorer.i18n import language

        from ..language import install_language

        install_language(language())  # the shipped Japanese font (a fresh machine has none) and Qt's words
    return app


def release() -> None:
    """Delete the off-screen charts now, while Qt is still up (deleting them during interpreter
    shutdown, after the QApplication, crashes)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent

    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def parse_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{1,5})\s*[x×X]\s*(\d{1,5})\s*", text or "")
    if not m:
        raise OutputError(tr("--size must look like 1920x1080, got '{text}'").format(text=text))
    return int(m.group(1)), int(m.group(2))


# What render and report take: a scenario or a portfolio (explorer.portfolio.names_portfolio decides:
# an existing file by its content; a bare name is a preset's first, then a shipped portfolio's).
FILE_HELP = QT_TR_NOOP("a scenario or portfolio file (.json), a preset name, or a shipped portfolio's name "
                       "(openai-2025); a name that is both is the preset")
STACK_BY = ("member", "provider", "family")
MAX_REVENUE_USD = 1e15  # per year (the window's limit: 1,000,000 USD billions)


def _add_revenue_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--revenue", metavar="USD", type=_usd, default=None,
                   help=_help(QT_TR_NOOP("a portfolio's revenue per year, drawn as a line over the yearly "
                                         "commitments (e.g. 13e9 or 13B)")))


def _add_portfolio_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--stack-by", choices=STACK_BY, default=None,
                   help=_help(QT_TR_NOOP("a portfolio's charts stacked by member (the default), provider or chip "
                                         "family")))
    _add_revenue_option(p)


def _only_for_a_portfolio(args, given: list[str]) -> None:
    """Refuse portfolio options (``given``) with a scenario FILE."""
    if given:
        raise UsageError(tr("{options} is for a portfolio; {file} is a scenario").format(
            options=" and ".join(given), file=args.file))


def _check_revenue(args) -> None:
    if args.revenue is not None and not (0 <= args.revenue <= MAX_REVENUE_USD):
        raise UsageError(tr("--revenue must be between 0 and 1,000,000 USD billions per year"))


def _portfolio_view(args):
    """The portfolio FILE names, evaluated with the portfolio options (None when FILE is a scenario,
    which takes none of them)."""
    from explorer.catalog import load_catalog
    from explorer.portfolio import PortfolioCache, names_portfolio, resolve_portfolio

    if not names_portfolio(args.file):
        _only_for_a_portfolio(args, [option for option, value in (("--stack-by", args.stack_by),
                                                                   ("--revenue", args.revenue)) if value is not None])
        return None
    _check_revenue(args)
    catalog = load_catalog(args.catalog)
    portfolio = resolve_portfolio(args.file, catalog)
    ensure_app()
    from .portfolio import evaluated

    cache = PortfolioCache()
    return evaluated(portfolio, catalog, args.stack_by or "member", args.revenue, cache), catalog, cache


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("render", help=_help(QT_TR_NOOP("write one chart (or all) as PNG, SVG or PDF, with no "
                                                       "display")))
    p.add_argument("file", metavar="FILE", nargs="?", help=_help(FILE_HELP))
    p.add_argument("--catalog", metavar="CSV",
                   help=_help(QT_TR_NOOP("a chip catalog file that adds or overrides chips")))
    p.add_argument("--chart", metavar="NAME",
                   help=_help(QT_TR_NOOP("a chart name (see --list), or 'all' to write every chart")))
    p.add_argument("--out", metavar="PATH",
                   help=_help(QT_TR_NOOP("output file (.png, .svg, .pdf); a folder with --chart all")))
    p.add_argument("--size", metavar="WxH", default="1920x1080",
                   help=_help(QT_TR_NOOP("image size in pixels (default 1920x1080)")))
    p.add_argument("--format", choices=("png", "svg", "pdf"), default="png",
                   help=_help(QT_TR_NOOP("format for --chart all")))
    p.add_argument("--transparent", action="store_true",
                   help=_help(QT_TR_NOOP("transparent background (PNG, SVG)")))
    p.add_argument("--theme", choices=("light", "dark"), default="light",
                   help=_help(QT_TR_NOOP("colours (default light)")))
    _add_portfolio_options(p)
    p.add_argument("--list", action="store_true",
                   help=_help(QT_TR_NOOP("list the chart names and exit (with a portfolio FILE: its charts)")))
    p.set_defaults(handler=cmd_render)

    p = sub.add_parser("report", help=_help(QT_TR_NOOP("write the one-page PDF report (KPIs, charts, assumptions "
                                                       "with sources)")))
    _add_common(p, FILE_HELP)
    p.add_argument("--out", metavar="PDF", required=True, help=_help(QT_TR_NOOP("the report file (.pdf)")))
    _add_portfolio_options(p)
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("slides", help=_help(QT_TR_NOOP("write an editable PowerPoint deck (native charts, KPIs, "
                                                       "assumptions and sources, speaker notes) of a scenario or a "
                                                       "portfolio")))
    _add_common(p, SCENARIO_OR_PORTFOLIO)
    p.add_argument("--out", metavar="PPTX", required=True, help=_help(QT_TR_NOOP("the deck file (.pptx)")))
    p.add_argument("--plain", action="store_true",
                   help=_help(QT_TR_NOOP("no colours of our own: the charts take the deck theme's (for a "
                                         "corporate template)")))
    p.add_argument("--compare", metavar="FILE", action="append", default=[],
                   help=_help(QT_TR_NOOP("a scenario file or preset to compare with, drawn over the charts and "
                                         "tabled; the first is the baseline (up to 3; not with a portfolio)")))
    _add_revenue_option(p)
    p.set_defaults(handler=cmd_slides)


def _portfolio_names() -> tuple[str, ...]:
    from ..portfolio.charts import CHART_NAMES

    return CHART_NAMES


def cmd_render(args, out) -> int:
    from explorer.portfolio import names_portfolio

    from ..charts import CHART_NAMES, CHART_TYPES

    portfolio = bool(args.file) and names_portfolio(args.file)
    if args.list:
        if portfolio:
            from ..portfolio.charts import CHART_TITLES

            for name in _portfolio_names():
                out.write(f"{name:<16} {tr(CHART_TITLES[name])}\n")
            return 0
        for cls in CHART_TYPES:
            title = tr(cls.title)
            out.write(f"{cls.name:<16} {title}\n")
        out.write(tr("A portfolio FILE has its own charts: {charts} (render PORTFOLIO --list).").format(
            charts=", ".join(_portfolio_names())) + "\n")
        return 0
    if not args.file or not args.chart or not args.out:
        raise OutputError(tr("render needs FILE, --chart NAME and --out PATH (or --list)"))
    if portfolio and args.chart != "all" and args.chart not in _portfolio_names():
        raise OutputError(tr("unknown chart '{chart}'; a portfolio's charts: {charts}, or 'all'").format(
            chart=args.chart, charts=", ".join(_portfolio_names())))
    if not portfolio and args.chart != "all" and args.chart not in CHART_NAMES:
        raise OutputError(tr("unknown chart '{chart}'; charts: {charts}, or 'all'").format(
            chart=args.chart, charts=", ".join(CHART_NAMES)))
    width, height = parse_size(args.size)
    evaluated = _portfolio_view(args)
    if evaluated is None:
        catalog, scenario = _load(args)
        ensure_app()
    from ..theme import THEMES
    from .images import ImageOptions, export_all, export_chart

    options = ImageOptions(width=width, height=height, transparent=args.transparent, theme=THEMES[args.theme])
    options.check()
    if evaluated is not None:
        from .portfolio import export_portfolio_all, export_portfolio_chart

        view = evaluated[0]

        def one(path):
            return export_portfolio_chart(path, args.chart, view, options)

        def every(folder):
            return export_portfolio_all(folder, view, options, fmt_=args.format)
    else:
        from ..state.chart_input import standalone_input

        inp = standalone_input(scenario, catalog)

        def one(path):
            return export_chart(path, args.chart, inp, options)

        def every(folder):
            return export_all(folder, inp, options, fmt=args.format)
    written = _into_folder(args.out, every) if args.chart == "all" else [one(args.out)]
    release()
    for path in written:
        out.write(wrote(path) + "\n")
    return 0


def _into_folder(out: str, write) -> list[Path]:
    """``write(folder)`` into the folder ``out`` (made if its parent exists; removed again when the
    write fails and left it empty)."""
    folder = Path(out)
    if folder.suffix.lower() in (".png", ".svg", ".pdf"):
        raise OutputError(tr("with --chart all, --out is a folder, not a file ({name}); choose the format "
                             "with --format").format(name=folder.name))
    if not folder.exists() and not folder.parent.exists():
        raise WriteFailed(tr("cannot write into {folder}: the folder {parent} does not exist").format(
            folder=folder, parent=folder.parent))
    created = not folder.exists()
    if created:
        try:
            folder.mkdir()
        except OSError as exc:
            raise WriteFailed(tr("cannot create {folder}: {reason}").format(folder=folder,
                                                                            reason=exc.strerror or exc)) from None
    try:
        return write(folder)
    except OutputError:
        if created and not any(folder.iterdir()):
            folder.rmdir()  # leave nothing behind
        raise


def cmd_report(args, out) -> int:
    _currency(args)  # (before the portfolio's figures are formatted)
    evaluated = _portfolio_view(args)
    if evaluated is not None:
        from .portfolio import write_portfolio_report

        view, catalog, cache = evaluated
        path = write_portfolio_report(args.out, view, catalog, cache)
    else:
        catalog, scenario = _load(args)
        ensure_app()
        from ..state.chart_input import standalone_input
        from .report import write_report

        path = write_report(args.out, standalone_input(scenario, catalog))
    release()
    out.write(wrote(path) + "\n")
    return 0


def cmd_slides(args, out) -> int:
    from explorer.compare import MAX_COMPARED
    from explorer.portfolio import Portfolio
    from explorer.presets import resolve_scenario

    from ..state.chart_input import standalone_input
    from ..state.comparison import Comparison
    from .slides import write_slides

    catalog, scenario = _load_scenario_or_portfolio(args)
    if isinstance(scenario, Portfolio):
        return _portfolio_slides(args, out, scenario, catalog)
    _only_for_a_portfolio(args, ["--revenue"] if args.revenue is not None else [])
    if len(args.compare) > MAX_COMPARED - 1:
        raise OutputError(tr("--compare: up to {count} scenarios can be compared with this one").format(
            count=MAX_COMPARED - 1))
    comparison = Comparison()
    for k, name in enumerate(args.compare):
        other = resolve_scenario(name, catalog)
        if k == 0:
            comparison.pin(other)  # (labelled as the baseline)
        else:
            comparison.add(other.name, other)
    inp = standalone_input(scenario, catalog).replace(overlays=comparison.overlays(scenario, catalog))
    path = write_slides(args.out, inp, plain=args.plain)
    out.write(wrote(path) + "\n")
    return 0


def _portfolio_slides(args, out, portfolio, catalog) -> int:
    """``slides PORTFOLIO``: the portfolio's deck (ui/render/portfolio_slides.py)."""
    from explorer.portfolio_tables import evaluate_for_export

    from .portfolio_slides import write_portfolio_slides

    if args.compare:
        raise OutputError(tr("--compare compares scenarios, and {name} is a portfolio: its deck sets its members "
                             "side by side already (leave out --compare, or give a scenario)").format(name=args.file))
    _check_revenue(args)
    path = write_portfolio_slides(args.out, evaluate_for_export(portfolio, catalog), plain=args.plain,
                                  revenue_usd=args.revenue)
    out.write(wrote(path) + "\n")
    return 0


def run(argv: list[str]) -> int:
    """The full command line: the headless commands plus render, report and slides."""
    from explorer import cli

    parser, sub = cli.build_parser()
    add_commands(sub)
    return cli.run(argv, parser)


__all__ = ["UI_COMMANDS", "ensure_app", "run", "ExplorerError"]
