"""Commands that draw charts without a screen: ``render``, ``report`` and ``slides``.

They need Qt (to paint), but no display: the QApplication runs on the offscreen platform. ``slides``
writes native PowerPoint charts and paints nothing, so it starts no QApplication.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from explorer.cli import SCENARIO_OR_PORTFOLIO, _add_common, _help, _load, _load_scenario_or_portfolio, wrote
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


def add_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("render", help=_help(QT_TR_NOOP("write one chart (or all) as PNG, SVG or PDF, with no "
                                                       "display")))
    p.add_argument("file", metavar="FILE", nargs="?",
                   help=_help(QT_TR_NOOP("a scenario file (.json) or a preset name")))
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
    p.add_argument("--list", action="store_true", help=_help(QT_TR_NOOP("list the chart names and exit")))
    p.set_defaults(handler=cmd_render)

    p = sub.add_parser("report", help=_help(QT_TR_NOOP("write the one-page PDF report (KPIs, charts, assumptions "
                                                       "with sources)")))
    _add_common(p)
    p.add_argument("--out", metavar="PDF", required=True, help=_help(QT_TR_NOOP("the report file (.pdf)")))
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
    p.set_defaults(handler=cmd_slides)


def cmd_render(args, out) -> int:
    from ..charts import CHART_NAMES, CHART_TYPES

    if args.list:
        for cls in CHART_TYPES:
            title = tr(cls.title)
            out.write(f"{cls.name:<16} {title}\n")
        return 0
    if not args.file or not args.chart or not args.out:
        raise OutputError(tr("render needs FILE, --chart NAME and --out PATH (or --list)"))
    if args.chart != "all" and args.chart not in CHART_NAMES:
        raise OutputError(tr("unknown chart '{chart}'; charts: {charts}, or 'all'").format(
            chart=args.chart, charts=", ".join(CHART_NAMES)))
    width, height = parse_size(args.size)
    catalog, scenario = _load(args)
    ensure_app()
    from ..state.chart_input import standalone_input
    from ..theme import THEMES
    from .images import ImageOptions, export_all, export_chart

    options = ImageOptions(width=width, height=height, transparent=args.transparent, theme=THEMES[args.theme])
    options.check()
    inp = standalone_input(scenario, catalog)
    if args.chart == "all":
        folder = Path(args.out)
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
            written = export_all(folder, inp, options, fmt=args.format)
        except OutputError:
            if created and not any(folder.iterdir()):
                folder.rmdir()  # leave nothing behind
            raise
    else:
        written = [export_chart(args.out, args.chart, inp, options)]
    release()
    for path in written:
        out.write(wrote(path) + "\n")
    return 0


def cmd_report(args, out) -> int:
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
    path = write_portfolio_slides(args.out, evaluate_for_export(portfolio, catalog), plain=args.plain)
    out.write(wrote(path) + "\n")
    return 0


def run(argv: list[str]) -> int:
    """The full command line: the headless commands plus render, report and slides."""
    from explorer import cli

    parser, sub = cli.build_parser()
    add_commands(sub)
    return cli.run(argv, parser)


__all__ = ["UI_COMMANDS", "ensure_app", "run", "ExplorerError"]
