"""A portfolio's pictures and report, made outside the window (``render`` and ``report`` of a portfolio).

The charts are the portfolio window's (ui/portfolio/charts.py), each made as a picture: title,
subtitle, plot and legend in one scene, laid out off screen at the export's logical size as the
scenario charts are (ui/render/images.py: a W × H image is laid out at (W / k) × (H / k) and
painted k times larger), then encoded and written by images.py's encoders and writers. The report
is laid out with ui/render/report.py's pieces: page 1 the name, notes, figures with their one-line
explanations and the charts; then the members table, the notes and every source.
"""

from __future__ import annotations

import datetime as _dt
import html
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtWidgets import QApplication

from explorer import formatting as fmt
from explorer.catalog import Catalog, builtin_catalog
from explorer.errors import OutputError
from explorer.files import slug
from explorer.i18n import QT_TR_NOOP, tr
from explorer.months import month_index, month_label
from explorer.portfolio import (FIGURES, Portfolio, PortfolioCache, evaluate_portfolio,
                                portfolio_summary, provider_label)

from ..portfolio.charts import CHART_NAMES, CHART_TITLES, MONEY_CHARTS, STACK_NOTES, PortfolioView, new_chart
from ..portfolio.figures import CONCENTRATION_CARDS, TOTAL_CARDS, figure_texts
from ..theme import LIGHT
from .images import ImageOptions, draw_recording, encode_picture, record_picture, write_picture, write_pictures
from .report import (PAGE_STYLE, Box, box_height, chart_cells, draw_boxes, draw_footer, draw_header,
                     draw_pages, draw_paragraph, footer_height, pdf_writer, report_path, shown_value, start_painting,
                     table_head, write_pdf)

FOOTER = QT_TR_NOOP("Modelled from public sources and marked estimates; every member's scenario and source follows "
                    "on the next pages. Definitions: docs/portfolio.md.")
CHART_LAYOUT_HEIGHT = 300  # the report's charts are laid out this high (its rows are lower than a scenario's)


def evaluated(portfolio: Portfolio, catalog: Catalog | None = None, stack_by: str = "member",
              revenue_usd: float | None = None, cache: PortfolioCache | None = None) -> PortfolioView:
    """The portfolio evaluated for its pictures. Every member is evaluated once, the switched-off ones
    too (the report's table shows them), so a member that cannot be evaluated is named now, as the
    window names it when it opens the file."""
    catalog = catalog or builtin_catalog()
    cache = cache if cache is not None else PortfolioCache()
    everyone = portfolio.replace(members=tuple(m.replace(enabled=True) for m in portfolio.members))
    evaluate_portfolio(everyone, catalog, cache)
    return PortfolioView(portfolio, evaluate_portfolio(portfolio, catalog, cache), stack_by, revenue_usd)


def _known(name: str) -> None:
    if name not in CHART_NAMES:
        raise OutputError(tr("unknown portfolio chart '{name}'; portfolio charts: {charts}").format(
            name=name, charts=", ".join(CHART_NAMES)))


def subtitle(name: str, view: PortfolioView) -> str:
    """The line under a picture's title: the portfolio, how it is stacked, the yen rate on money charts."""
    parts = [tr(view.portfolio.name), tr(STACK_NOTES[view.stack_by])]
    rate = fmt.currency().rate_note()
    if rate and name in MONEY_CHARTS:  # a picture of yen figures says its rate (it travels alone)
        parts.append(rate)
    return " · ".join(parts)


def build_portfolio_chart(name: str, view: PortfolioView, options: ImageOptions):
    """The portfolio chart ``name`` as a picture laid out off screen at the export's logical size."""
    if QApplication.instance() is None:
        raise RuntimeError("a QApplication is needed (ui.render.headless.ensure_app)")
    _known(name)
    k = options.k()
    width, height = max(int(round(options.width / k)), 16), max(int(round(options.height / k)), 16)
    chart = new_chart(name, options.theme, picture=True)
    chart.lay_out(width, height)  # the size first: the year ticks and the title's room depend on it
    chart.show(view.replace(subtitle=subtitle(name, view)))
    chart.lay_out(width, height)
    QApplication.sendPostedEvents()
    chart.view.ci.layout.activate()
    chart.view.setBackground(None)  # the scene has no background; each encoder paints its own
    return chart


def render_portfolio_bytes(fmt_: str, name: str, view: PortfolioView, options: ImageOptions) -> bytes:
    _known(name)
    title = f"{tr(CHART_TITLES[name])} — {tr(view.portfolio.name)}"
    return encode_picture(fmt_, lambda: build_portfolio_chart(name, view, options), options, title)


def export_portfolio_chart(path: str | Path, name: str, view: PortfolioView, options: ImageOptions) -> Path:
    """One portfolio chart to ``path``; the format from its suffix (.png, .svg, .pdf)."""
    _known(name)
    return write_picture(path, lambda f: render_portfolio_bytes(f, name, view, options))


def export_portfolio_all(folder: str | Path, view: PortfolioView, options: ImageOptions, fmt_: str = "png",
                         stem: str | None = None) -> list[Path]:
    """Every portfolio chart into ``folder`` as ``<stem>-<chart>.<fmt>``, all or nothing."""
    return write_pictures(folder, CHART_NAMES, lambda name: render_portfolio_bytes(fmt_, name, view, options), fmt_,
                          stem or slug(view.portfolio.name))


# ------------------------------------------------------------------------------------------ report
def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _lines(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _source_of(member) -> str:
    if member.source_kind == "preset":
        return tr("preset '{name}'").format(name=member.reference)
    if member.source_kind == "file":
        return tr("scenario file {path}").format(path=member.reference)
    return tr("scenario embedded in the portfolio file")


def members_table(view: PortfolioView, summary: dict) -> str:
    """Every member (switched off ones too) with its figures, and its share of the total commitments
    of the members switched on."""
    total = summary["totals"]["cost_total_usd"]
    rows = []
    for member, m in zip(view.portfolio.members, summary["members"]):
        share = fmt.percent(m["total_cost_usd"] / total) if m["enabled"] and total > 0 else "–"
        cells = [m["label"], provider_label(m["provider"]), tr("on") if m["enabled"] else tr("off"),
                 month_label(month_index(m["start"])), tr("{n} months").format(n=m["term_months"]),
                 shown_value("chip_mix", member.scenario.chip_mix), fmt.power(m["facility_power_peak_mw"]),
                 fmt.count_shown(m["gpus_peak"]), fmt.money(m["total_cost_usd"]), share]
        rows.append("<tr>" + "".join(f"<td{' align=right' if i >= 6 else ''}>{html.escape(c)}</td>"
                                     for i, c in enumerate(cells)) + "</tr>")
    label = _text(tr("Total commitments of the members switched on"))
    rows.append(f"<tr><td colspan=8><b>{label}</b></td>"
                f"<td align=right><b>{html.escape(fmt.money(total))}</b></td><td align=right><b>"
                f"{html.escape(fmt.percent(1.0) if total > 0 else '–')}</b></td></tr>")
    return ("<table width='100%' cellspacing='0'>"
            + table_head(tr("Member"), tr("Provider"), tr("On"), tr("Start"), tr("Term"), tr("Chips"),
                         tr("Provisioned power"), tr("Accelerators"), tr("Total commitment"), tr("Share"))
            + "".join(rows) + "</table>")


def _pages_html(view: PortfolioView, summary: dict, catalog: Catalog) -> str:
    """The pages after the first: the members, the notes, the portfolio's sources, each member's
    scenario with its description (where its figures come from) and the chips' catalog rows."""
    portfolio = view.portfolio
    out = [PAGE_STYLE, "<h2>", _text(tr("Members, notes and sources")), "</h2>",
           f"<p>{html.escape(tr(portfolio.name))}</p>", members_table(view, summary)]
    if portfolio.notes.strip():
        out += ["<h3>", _text(tr("Notes")), "</h3>", f"<p>{_lines(tr(portfolio.notes))}</p>"]
    # the sources in two columns (a line across the landscape page is too long to read): the
    # portfolio's own sources, and each member's scenario with the sources its description gives
    left = []
    if portfolio.sources:
        left += ["<h3>", _text(tr("Sources")), "</h3>"]
        left += [f"<p style='margin-top:0; margin-bottom:4px'>• {_lines(source)}</p>" for source in portfolio.sources]
    right = ["<h3>", _text(tr("Each member's scenario and its sources")), "</h3>"]
    chips: list[str] = []
    for member in portfolio.members:
        s = member.scenario
        who = member.label if member.label == provider_label(member.provider) else \
            tr("{label} ({provider})").format(label=member.label, provider=provider_label(member.provider))
        head = tr("{member}: {name}; {source}").format(member=who, name=tr(s.name), source=_source_of(member))
        body = _lines(tr(s.description)) if s.description.strip() else _text(tr("No description."))
        if s.notes.strip():
            body += "<br>" + _text(tr("Notes:")) + " " + _lines(s.notes)
        right.append(f"<p style='margin-top:0; margin-bottom:5px'><b>{html.escape(head)}</b><br>{body}</p>")
        chips += [c for c in s.chip_mix if c not in chips]
    columns = "<td width='50%' style='border:none; padding:0 8px 0 0'>" + "".join(left) + "</td>" + \
        "<td width='50%' style='border:none; padding:0 0 0 8px'>" + "".join(right) + "</td>" if left else \
        "<td style='border:none; padding:0'>" + "".join(right) + "</td>"
    out.append(f"<table width='100%' cellspacing='0' cellpadding='0' style='margin-top:14px'><tr>{columns}</tr></table>")
    out += ["<p>", _text(tr("Chips in the members' mixes: {chips}. Their specifications, power and prices are the "
                            "chip catalog's rows, each with its sources (assets/catalog/chips.csv; a scenario's own "
                            "report lists its chips' rows).").format(chips=", ".join(chips) or "–")), "</p>",
            "<p>", _text(tr("Equations and sources: the app's Help ▸ Model and sources (docs/model.md). Figures "
                            "are modelled from public sources and estimates; they are not a statement of either "
                            "party's actual costs.")), "</p>"]
    return "".join(out)


def write_portfolio_report(path: str | Path, view: PortfolioView, catalog: Catalog | None = None,
                           cache: PortfolioCache | None = None, now: _dt.datetime | None = None) -> Path:
    """The portfolio's report: page 1 its name and notes, the totals and concentration figures each
    with its one-line explanation, the stacked charts and the yearly commitments; then the members
    table, the notes and every source (see _pages_html)."""
    path = report_path(path)
    catalog = catalog or builtin_catalog()
    portfolio, projection = view.portfolio, view.projection
    summary = portfolio_summary(portfolio, catalog, cache, projection)
    now = now or _dt.datetime.now()
    texts = figure_texts(portfolio, projection)

    def boxes(keys) -> list[Box]:
        return [Box(tr(FIGURES[k].label), texts[k][0], (texts[k][1],) if texts[k][1] else (),
                    tr(FIGURES[k].explanation)) for k in keys]

    def render() -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = pdf_writer(buffer, tr("Portfolio report — {name}").format(name=tr(portfolio.name)))
        page = QRectF(0, 0, writer.width(), writer.height())
        pt = writer.resolution() / 72.0
        rows = [boxes(TOTAL_CARDS), boxes(CONCENTRATION_CARDS)]
        heights = [box_height(row, page.width() / len(row), writer) for row in rows]
        top = 40 * pt + (26 * pt if portfolio.notes.strip() else 0) + sum(heights) + 4 * pt + 8 * pt
        footer_h = footer_height(writer)
        # each chart recorded right after it is laid out (as the scenario report does)
        placed = [(target, record_picture(build_portfolio_chart(name, view, opts)))
                  for name, target, opts in chart_cells(list(CHART_NAMES), top, page.height() - footer_h, page, pt,
                                                         layout_height=CHART_LAYOUT_HEIGHT)]
        painter = start_painting(writer, path)
        t = projection.totals
        meta = tr("Compute Scenario Explorer portfolio report · {date} · {count} of {total} members switched on · "
                  "{first} to {last} · {stacked}").format(
            date=f"{now:%Y-%m-%d %H:%M}", count=t["members_enabled"], total=len(portfolio.members),
            first=month_label(month_index(t["first_month"])) if t["first_month"] else "–",
            last=month_label(month_index(t["last_month"])) if t["last_month"] else "–",
            stacked=tr(STACK_NOTES[view.stack_by]))
        y = draw_header(painter, writer, page, tr(portfolio.name), meta, LIGHT)
        if portfolio.notes.strip():  # two lines here; the whole notes on the next page
            y += draw_paragraph(painter, writer, page, y, " ".join(tr(portfolio.notes).split()), LIGHT)
        for row, height in zip(rows, heights):
            draw_boxes(painter, writer, page, y, row, height, LIGHT)
            y += height + 4 * pt
        for target, recording in placed:
            draw_recording(painter, recording, target)
        draw_footer(painter, page, footer_h, tr(FOOTER), LIGHT)
        draw_pages(painter, writer, page, _pages_html(view, summary, catalog))
        painter.end()
        buffer.close()
        return bytes(data)

    return write_pdf(path, render)
