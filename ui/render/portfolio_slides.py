"""The portfolio's deck: an editable PowerPoint file (16:9) of several deals as one fleet.

``scenario-explorer slides PORTFOLIO --out deck.pptx`` writes, in the app's language and currency:

- a title slide (the portfolio's name, the date, how many members are switched on, its notes);
- the totals and concentration (the cards of the portfolio window, each with its one-line
  explanation: explorer.portfolio.FIGURES);
- the stacked charts of the window, stacked by member (accelerators installed, provisioned power,
  cost per month, cumulative commitments), the cumulative commitments once more by provider, and
  the commitments per calendar year (with the revenue per year, when one is given, as a dashed line,
  as the window draws it): native PowerPoint charts holding the data, one series per member (named
  by its label) in the window's colours, or none with ``plain``;
- the members as a table (provider, on or off, where each scenario comes from, its figures);
- the portfolio's sources.

Every slide has speaker notes: what it shows, what its figures say, the members and their sources.
The slides' pieces (template, fonts, cards, charts, notes, the file's writing) are the scenario
deck's (ui/render/slides.py: DeckBase, write_deck); the words, colours and cards are the portfolio
window's (ui/portfolio/palette.py). No Qt is needed.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import numpy as np
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Inches, Pt

from explorer import formatting as fmt
from explorer.i18n import QT_TR_NOOP, tr
from explorer.months import month_index, month_label
from explorer.portfolio import FIGURES, provider_label
from explorer.portfolio_tables import Evaluated

from ..charts.units import POWER, USD_PER_MONTH, USD_TOTAL, Unit, pick_unit
from ..portfolio.palette import (CONCENTRATION_CARDS, TIME_CHARTS, TOTAL_CARDS, YEARLY_TITLE, card_texts,
                                 group_styles)
from .slides import (BODY_H, BODY_TOP, CONTENT_W, MARGIN, SLIDE_H, DeckBase, _clip, _fitting_size, _text_lines, _top,
                     month_dates, write_deck)

DECK_TITLE = QT_TR_NOOP("Portfolio")
KPI_TITLE = QT_TR_NOOP("Totals and concentration")
# accelerators on an axis (a count has no unit of its own)
COUNT = (Unit(1e6, QT_TR_NOOP("million accelerators")), Unit(1e3, QT_TR_NOOP("thousand accelerators")),
         Unit(1, QT_TR_NOOP("accelerators")))
UNITS = {"gpus": COUNT, "facility_mw": POWER, "cost": USD_PER_MONTH, "cost_cumulative": USD_TOTAL}
KINDS = {"gpus": XL_CHART_TYPE.AREA_STACKED, "facility_mw": XL_CHART_TYPE.AREA_STACKED,
         "cost": XL_CHART_TYPE.COLUMN_STACKED, "cost_cumulative": XL_CHART_TYPE.AREA_STACKED}
# what each stacked chart shows, for its notes
_WHAT = {
    "gpus": QT_TR_NOOP("the accelerators installed in each member's fleet"),
    "facility_mw": QT_TR_NOOP("the provisioned facility power of each member's fleet (what its sites must deliver on "
                              "their hottest day with every machine flat out)"),
    "cost": QT_TR_NOOP("each member's cost of the month (rent, or capital, facility and energy for an owned fleet)"),
    "cost_cumulative": QT_TR_NOOP("each member's cost summed from its first month (after its term it stays at its "
                                  "total)"),
}
_FIGURE_OF = {"gpus": "gpus_peak", "facility_mw": "facility_power_peak_mw", "cost": "peak_year_cost_usd",
              "cost_cumulative": "cost_total_usd"}
MEMBERS_PER_SLIDE = 14
_NOTHING = QT_TR_NOOP("No member is switched on: switch one on to see the portfolio")


def _value(series: str, value: float) -> str:
    """A figure of a chart's series, with its unit, as the window's cards write it."""
    if series == "gpus":
        return tr("{count} accelerators").format(count=fmt.count_shown(value))
    if series == "facility_mw":
        return fmt.power(value)
    return fmt.money(value)


class _PortfolioDeck(DeckBase):
    def __init__(self, ev: Evaluated, plain_colours: bool, now: _dt.datetime, revenue_usd: float | None = None):
        super().__init__(plain_colours, now)
        self.ev, self.portfolio, self.projection = ev, ev.portfolio, ev.projection
        self.revenue_usd = revenue_usd  # per year (None: no line)
        self.totals, self.concentration = ev.summary["totals"], ev.summary["concentration"]
        self.name = tr(self.portfolio.name)
        p = self.projection
        self.dates = month_dates(p.first_index, p.month_indices.size)

    def subtitle(self, money_chart: bool = False, extra: str = "") -> str:
        """The line under a slide's title: the portfolio, the members switched on, the yen rate."""
        t = self.totals
        parts = [self.name, tr("{count} of {total} members switched on").format(
            count=t["members_enabled"], total=len(self.portfolio.members))]
        rate = fmt.currency().rate_note()
        if rate and money_chart:
            parts.append(rate)
        if extra:
            parts.append(extra)
        return " · ".join(parts)

    def source_text(self, member) -> str:
        """Where a member's scenario comes from: 'preset openai-aws-deal', 'file deals/aws.json', 'embedded'."""
        if member.source_kind == "preset":
            return tr("preset {name}").format(name=member.reference)
        if member.source_kind == "file":
            return tr("file {path}").format(path=_clip(member.reference, 60))
        return tr("embedded in the portfolio file")

    def member_text(self, member, switched_off: bool = False) -> str:
        """'AWS (AWS, preset openai-aws-deal)', with ', switched off' when it is."""
        source = self.source_text(member) + (tr(", ", "list separator") + tr("switched off") if switched_off else "")
        return tr("{member} ({provider}, {source})").format(member=member.label,
                                                            provider=provider_label(member.provider), source=source)

    def members_note(self) -> str:
        """'Members switched on: AWS (AWS, preset openai-aws-deal), …' for a slide's notes."""
        names = [self.member_text(m) for m in self.projection.members]
        return tr("Members switched on: {members}.").format(
            members=tr(", ", "list separator").join(names)) if names else ""

    def table(self, slide, rows, widths, top, size=11.0, bold_first_row=True):
        """A table of text cells (``rows``: lists of strings) with columns ``widths`` (EMU)."""
        shape = slide.shapes.add_table(len(rows), len(widths), MARGIN, top, int(sum(widths)),
                                       Inches(0.3) * len(rows))
        table = shape.table
        for c, w in enumerate(widths):
            table.columns[c].width = int(w)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = table.cell(r, c)
                cell.margin_top = cell.margin_bottom = Inches(0.03)
                cell.text = ""
                run = cell.text_frame.paragraphs[0].add_run()
                run.text = text
                run.font.size = Pt(size)
                run.font.bold = bold_first_row and r == 0
            table.rows[r].height = Inches(0.3)
        return table


# ------------------------------------------------------------------------------------------ slides
def _title_slide(deck: _PortfolioDeck) -> None:
    p, t = deck.portfolio, deck.totals
    lines = [deck.dated_line(),
             (tr("{count} of {total} members switched on").format(count=t["members_enabled"], total=len(p.members))
              + (" · " + tr("{first} to {last}").format(first=_month_text(t["first_month"]),
                                                       last=_month_text(t["last_month"])) if t["first_month"] else ""),
              16, False, deck.theme.foreground)]
    if deck.rate_line():
        lines.append(deck.rate_line())
    notes = tr(p.notes)
    slide = deck.title_page(deck.name, lines, tr("Notes"), notes)
    deck.notes(slide, [tr("Notes") + ": " + notes if notes.strip() else "", deck.members_note(),
                       tr("Each member is a scenario evaluated with the model on its own term; the portfolio adds "
                          "them month by month on one calendar. Definitions: the app's Help ▸ Model and sources and "
                          "docs/portfolio.md.")])


def _month_text(text: str | None) -> str:
    return month_label(month_index(text)) if text else "–"


def _kpi_slide(deck: _PortfolioDeck) -> None:
    slide = deck.new_slide(tr(KPI_TITLE), deck.subtitle(money_chart=True))
    texts = card_texts(deck.totals, deck.concentration, len(deck.portfolio.members))
    cols, gap = 5, Inches(0.18)
    width = int((CONTENT_W - gap * (cols - 1)) / cols)
    height = Inches(2.55)
    said = []
    for row, keys in enumerate((TOTAL_CARDS, CONCENTRATION_CARDS)):
        for k, key in enumerate(keys):
            figure = FIGURES[key]
            value, detail = texts[key]
            label, explanation = tr(figure.label), tr(figure.explanation)
            left = MARGIN + k * (width + gap)
            top = BODY_TOP + Inches(0.15) + row * (height + Inches(0.2))
            lines = [(label, 12, False, deck.theme.muted),
                     (value, _fitting_size(value, width - Inches(0.4), 22, 14), True, deck.theme.foreground)]
            if detail:
                lines.append((detail, 10.5, False, deck.theme.muted))
            lines.append((explanation, 9, False, deck.theme.muted))
            deck.card(slide, left, top, width, height, lines)
            said.append(f"• {label}: {value}" + (f" ({detail})" if detail else "") + f". {explanation}")
    intro = tr("The portfolio's figures, as the portfolio window's cards show them: first the totals of the members "
               "switched on, then how concentrated their cost is, on one provider and on one chip family.")
    shares = deck.concentration["provider_shares"]
    providers = tr("Shares of total cost by provider: {shares}.").format(shares=tr(", ", "list separator").join(
        f"{provider_label(k)} {fmt.percent(v)}" for k, v in sorted(shares.items(), key=lambda kv: -kv[1]))) \
        if shares else ""
    deck.notes(slide, [intro, "\n".join(said), providers, deck.members_note()])


def _stacked_slide(deck: _PortfolioDeck, series_name: str, title: str, by: str = "member") -> None:
    p = deck.projection
    heading = (tr("{chart} · by member") if by == "member" else tr("{chart} · by provider")).format(chart=tr(title))
    money = series_name in ("cost", "cost_cumulative")
    slide = deck.new_slide(heading, deck.subtitle(money_chart=money))
    what = tr(_WHAT[series_name])
    figure = FIGURES[_FIGURE_OF[series_name]]
    if p.size == 0:
        deck.message(slide, tr(_NOTHING))
        deck.notes(slide, [tr(_NOTHING)])
        return
    keys, values = p.grouped(series_name, by=by)
    colours, names = group_styles(by, keys, deck.portfolio.members)
    total = p.total(series_name)
    unit = pick_unit(float(total.max()), UNITS[series_name])
    series = [(name, row / unit.factor, dict(colour=colour)) for name, row, colour in zip(names, values, colours)]
    chart = deck.category_chart(slide, KINDS[series_name], deck.dates, series, unit_label=tr(unit.label),
                                top_value=_top([total / unit.factor]))
    if KINDS[series_name] == XL_CHART_TYPE.COLUMN_STACKED:
        chart.plots[0].gap_width = 30
    if series_name == "cost_cumulative":
        end = values[:, -1]
        order = np.argsort(-end)
        finding = tr("By {month} the members switched on have committed {value}: {parts}.").format(
            month=month_label(int(p.month_indices[-1])), value=fmt.money(float(total[-1])),
            parts=tr(", ", "list separator").join(f"{names[i]} {fmt.money(float(end[i]))}" for i in order))
    else:
        at = int(np.argmax(total))
        top = int(np.argmax(values[:, at]))
        share = values[top, at] / total[at] if total[at] > 0 else 0.0
        finding = tr("The highest month is {month}, at {value}; the largest part of it is {member}'s, {part} "
                     "({share}).").format(month=month_label(int(p.month_indices[at])),
                                          value=_value(series_name, float(total[at])), member=names[top],
                                          part=_value(series_name, float(values[top, at])), share=fmt.percent(share))
    stacking = tr("stacked by member: the top edge is the portfolio's") if by == "member" else \
        tr("stacked by provider (a provider's members added): the top edge is the portfolio's")
    notes = [tr("What it shows: {what}, month by month, {stacking}.").format(what=what, stacking=stacking), finding,
             f"{tr(figure.label)}: {tr(figure.explanation)}"]
    if by == "provider":
        c = deck.concentration
        if c["largest_provider"]:
            notes.append(tr("The largest provider is {provider}, with {share} of the total cost; the HHI over the "
                            "providers is {hhi}.").format(provider=provider_label(c["largest_provider"]),
                                                          share=fmt.percent(c["largest_provider_share"]),
                                                          hhi=f"{c['hhi']:,.0f}"))
    notes.append(deck.members_note())
    deck.notes(slide, notes)


def _yearly_slide(deck: _PortfolioDeck) -> None:
    p = deck.projection
    slide = deck.new_slide(tr(YEARLY_TITLE), deck.subtitle(money_chart=True))
    if p.size == 0:
        deck.message(slide, tr(_NOTHING))
        deck.notes(slide, [tr(_NOTHING)])
        return
    years, yearly = p.yearly_commitments()
    colours, names = group_styles("member", p.labels, deck.portfolio.members)
    total = yearly.sum(axis=0)
    revenue = deck.revenue_usd
    unit = pick_unit(max(float(total.max()), revenue or 0.0), USD_TOTAL)
    series = [(name, row / unit.factor, dict(colour=colour)) for name, row, colour in zip(names, yearly, colours)]
    lines, said = [], ""
    if revenue is not None:  # the window's dashed line, in its foreground colour
        lines = [(tr("Revenue: {amount} per year").format(amount=fmt.money(revenue)),
                  np.full(len(years), revenue / unit.factor),
                  dict(line=True, colour=deck.theme.foreground, dash=MSO_LINE_DASH_STYLE.DASH, width=2.0))]
        above = [int(y) for y, v in zip(years, total) if v > revenue]
        peak = int(np.argmax(total))
        if revenue > 0:
            said = tr("The dashed line is the revenue per year entered, {amount}: the commitments are above it in {n} "
                      "of {m} years, and in {year} they are {ratio} times it.").format(
                amount=fmt.money(revenue), n=len(above), m=len(years), year=int(years[peak]),
                ratio=f"{float(total[peak]) / revenue:,.1f}")
        else:
            said = tr("The dashed line is the revenue per year entered, {amount}: the commitments are above it in {n} "
                      "of {m} years.").format(amount=fmt.money(revenue), n=len(above), m=len(years))
    chart = deck.category_chart(slide, XL_CHART_TYPE.COLUMN_STACKED, [str(int(y)) for y in years], series,
                                lines=lines, unit_label=tr(unit.label),
                                top_value=max(float(total.max()), revenue or 0.0) / unit.factor, time_axis=False)
    chart.plots[0].gap_width = 40
    t = deck.totals
    _, months = p.by_year(np.ones(p.month_indices.size))
    part = [str(int(y)) for y, n in zip(years, months) if n < 12]
    figure = FIGURES["peak_year_cost_usd"]
    deck.notes(slide, [
        tr("What it shows: each member's cost summed over each calendar year, stacked by member: what the portfolio "
           "spends each year, the figure to set beside revenue."),
        tr("The peak year is {year}, at {value}.").format(year=t["peak_year"],
                                                          value=fmt.money(t["peak_year_cost_usd"])),
        said,
        tr("By year: {years}.").format(years=tr(", ", "list separator").join(
            tr("{year}: {value}").format(year=int(y), value=fmt.money(float(v))) for y, v in zip(years, total))),
        tr("Part years (fewer than 12 months of the portfolio): {years}.").format(
            years=tr(", ", "list separator").join(part)) if part else "",
        f"{tr(figure.label)}: {tr(figure.explanation)}", deck.members_note()])


def _members_slides(deck: _PortfolioDeck) -> int:
    members = deck.portfolio.members
    results = dict(zip(deck.portfolio.labels, deck.ev.summary["members"]))
    head = [tr("Member"), tr("Provider"), tr("On"), tr("Source", "a member's scenario"), tr("Start"), tr("Term"),
            tr("Accelerators"), tr("Provisioned power"), tr("Total cost"), tr("Contract value")]
    widths = [Inches(w) for w in (1.6, 1.2, 0.5, 2.433, 1.0, 1.0, 1.1, 1.2, 1.1, 1.2)]
    pages = [members[k:k + MEMBERS_PER_SLIDE] for k in range(0, len(members), MEMBERS_PER_SLIDE)]
    title = tr("Members")
    for k, page in enumerate(pages):
        name = title if len(pages) == 1 else tr("{title} ({page} of {pages})").format(title=title, page=k + 1,
                                                                                     pages=len(pages))
        slide = deck.new_slide(name, deck.subtitle(money_chart=True))
        rows = [head]
        said = []
        for m in page:
            r = results[m.label]
            rows.append([_clip(m.label, 40), provider_label(m.provider), tr("on") if m.enabled else tr("off"),
                         deck.source_text(m), _month_text(r["start"]), tr("{n} months").format(n=r["term_months"]),
                         fmt.count_shown(r["gpus_peak"]), fmt.power(r["facility_power_peak_mw"]),
                         fmt.money(r["total_cost_usd"]),
                         fmt.money(r["contract_value_usd"]) if r["contract_value_usd"] else "–"])
            description = tr(m.scenario.description)
            said.append("• " + deck.member_text(m, switched_off=not m.enabled)
                        + (f": {description}" if description else ""))
        deck.table(slide, rows, widths, BODY_TOP, size=11)
        deck.notes(slide, [tr("Each member with its provider and where its scenario comes from; its own figures over "
                              "its own term (a member switched off is listed, and left out of the totals)."),
                           "\n".join(said)])
    return len(pages)


def _source_lines(deck: _PortfolioDeck) -> list[str]:
    """The sources slides' entries: the portfolio's sources, or, when it lists none, each member's
    description (where its figures come from)."""
    if deck.portfolio.sources:
        return [" ".join(s.split()) for s in deck.portfolio.sources]
    return [f"{m.label}: {' '.join(tr(m.scenario.description).split())}" for m in deck.portfolio.members
            if m.scenario.description.strip()]


def _sources_slides(deck: _PortfolioDeck) -> int:
    entries = _source_lines(deck)
    size = 12.0
    chars = float(CONTENT_W) / Pt(size) / 0.52  # characters a line holds (as the assumptions slides count them)
    line_h, gap = Pt(size) * 1.2, Pt(5)
    room = BODY_H - Inches(0.55)
    pages: list[list[str]] = [[]]
    used = 0
    for text in entries:
        h = _text_lines("• " + text, chars) * line_h + gap
        if pages[-1] and used + h > room:
            pages.append([])
            used = 0
        pages[-1].append(text)
        used += h
    title = tr("Sources")
    for k, page in enumerate(pages):
        name = title if len(pages) == 1 else tr("{title} ({page} of {pages})").format(title=title, page=k + 1,
                                                                                     pages=len(pages))
        slide = deck.new_slide(name, deck.subtitle())
        if page:
            box = deck.text_box(slide, MARGIN, BODY_TOP, CONTENT_W, room,
                                [("• " + text, size, False, deck.theme.foreground) for text in page])
            for p in box.text_frame.paragraphs:
                p.space_after = gap
        else:
            deck.message(slide, tr("The portfolio lists no sources, and its members have no descriptions."))
        deck.text_box(slide, MARGIN, SLIDE_H - Inches(0.45), CONTENT_W, Inches(0.35),
                      [(tr("Chip specifications, power and prices: the chip catalog, each row with its sources. "
                           "Figures are modelled from public sources and estimates; they are not a statement of "
                           "any party's actual costs."), 10, False, deck.theme.muted)])
        deck.notes(slide, ["\n".join(f"• {text}" for text in page)])
    return len(pages)


# ------------------------------------------------------------------------------------------ the deck
def portfolio_deck_bytes(ev: Evaluated, plain: bool = False, now: _dt.datetime | None = None,
                         revenue_usd: float | None = None) -> bytes:
    """The deck of an evaluated portfolio (explorer.portfolio_tables.evaluate_for_export) as the bytes
    of a .pptx file. ``plain``: no series colours (the deck theme's); ``revenue_usd``: the revenue per
    year drawn over the yearly commitments (None: no line)."""
    deck = _PortfolioDeck(ev, plain, now or _dt.datetime.now(), revenue_usd)
    _title_slide(deck)
    _kpi_slide(deck)
    for _, series_name, title in TIME_CHARTS:
        _stacked_slide(deck, series_name, title)
    _stacked_slide(deck, "cost_cumulative", dict((s, t) for _, s, t in TIME_CHARTS)["cost_cumulative"],
                   by="provider")
    _yearly_slide(deck)
    _members_slides(deck)
    _sources_slides(deck)
    return deck.finish(deck.name, tr(DECK_TITLE))


def write_portfolio_slides(path: str | Path, ev: Evaluated, plain: bool = False,
                           now: _dt.datetime | None = None, revenue_usd: float | None = None) -> Path:
    """Write the portfolio's deck to ``path`` (a .pptx), as write_slides writes a scenario's: the name
    and target checked first, the deck built in memory, then written in one step."""
    return write_deck(path, lambda: portfolio_deck_bytes(ev, plain, now, revenue_usd))

