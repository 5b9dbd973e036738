"""The deck for the meeting: an editable PowerPoint file (16:9) of what the window shows.

Slides, in the app's language: a title slide (the scenario's name, the date, its description in one
line and its notes); the six headline figures (``explorer.kpis.CARDS``, with P10-P90 when the
scenario has bands, and against the baseline when comparing); one slide per chart, each a *native*
PowerPoint chart holding the data (a user can restyle it, open its data sheet, change a number); the
comparison as a table when comparing; the assumptions that differ from their defaults and the sources.
Every chart slide has speaker notes a presenter can speak from: what the chart shows, what its
figures say, the key assumptions and the sources.

Each chart mirrors the data and units of the window's chart (ui/charts/*.py: the same series, the
same display unit from ui/charts/units.py, in the currency shown), so the deck reads the numbers the
window does. Where PowerPoint has no faithful equivalent, the slide uses the closest native form and
its notes say so: the uncertainty fan becomes dashed P10, median and P90 lines; the power chart's
yearly energy bars on a second axis become a chart of their own beside the power lines; the
unit-economics chart's second axis (the same curve per busy GPU-hour) is given in the notes.

Colours follow the app's palette; ``plain=True`` sets no series colours at all, so the charts take
the deck theme's (a corporate template applied to the deck recolours them). Japanese text names an
East Asian font (``EA_FONT``) on every run and in the theme.

The deck is built in memory (``deck_bytes``) and written atomically (``write_slides``): a failure
leaves no partial file. No Qt is needed: the command line writes a deck without a display.
"""

from __future__ import annotations

import copy
import datetime as _dt
import io
import math
from pathlib import Path

import numpy as np
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE, XL_TICK_LABEL_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Inches, Pt

from explorer.catalog import PRECISION_LABELS
from explorer.compare import comparison_rows
from explorer.errors import OutputError
from explorer.fields import FIELDS
from explorer.files import atomic_write_bytes, check_writable_target, shown_path
from explorer.formatting import currency, money, percent, plain
from explorer.formatting import flops as fmt_flops
from explorer.formatting import power as fmt_power
from explorer.i18n import QT_TR_NOOP, is_japanese, tr
from explorer.kpis import CARDS, KPIS, PARTS, serving_conditions
from explorer.model import year_split
from explorer.months import fiscal_year_label, month_index

from ..charts.units import (ENERGY_YEAR, FLOPS, POWER, USD_PER_MONTH, USD_TOTAL, Unit, month_label, pick_unit,
                            price_unit)
from ..state.chart_input import ChartInput
from ..theme import COMPONENT_COLOURS, COMPONENT_LABELS, LIGHT, chip_colour
from ..widgets.tooltips import shown_source
from .report import _unit as field_unit
from .report import report_kpis, shown_value

# The East Asian typeface of Japanese text. Yu Gothic (游ゴシック) comes with Windows (8.1 and later)
# and macOS (YuGothic, since 10.9), and Office's own Japanese themes use it; Meiryo is Windows only,
# Hiragino Sans macOS only. LibreOffice, where it is missing, substitutes a Japanese font (on Linux
# Noto Sans CJK JP from fonts-noto-cjk). The charset (-128, Shift JIS) tells a viewer that lacks the
# font to substitute a Japanese one.
EA_FONT = "Yu Gothic"
EA_CHARSET = "-128"

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
CONTENT_W = SLIDE_W - 2 * MARGIN
TITLE_TOP, TITLE_H = Inches(0.3), Inches(0.75)
SUBTITLE_TOP, SUBTITLE_H = Inches(1.02), Inches(0.4)
BODY_TOP = Inches(1.5)
BODY_H = SLIDE_H - BODY_TOP - Inches(0.35)

# The charts of the deck, in the window's order (the unit-economics slot's two views both have a slide).
DECK_CHARTS = ("capacity", "power", "unit-economics", "serving", "cost", "cumulative", "tornado")
MAX_TORNADO_BARS = 14  # rows a slide holds with legible names
CARD_COLOURS = ("#F6F8FA", "#D0D7DE")  # the report's KPI boxes: fill, border

DECK_TITLE = QT_TR_NOOP("Key figures")


# ------------------------------------------------------------------------------------------ helpers
def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _finite(values) -> list:
    """Plain floats for a chart's data sheet; NaN and infinities as gaps (None)."""
    return [float(v) if v is not None and math.isfinite(float(v)) else None for v in np.asarray(values, dtype=float)]


def _has_cjk(text: str) -> bool:
    return any(ord(ch) >= 0x3000 for ch in text)


def _clip(text: str, limit: int) -> str:
    """``text`` cut at a word (or, in Japanese, anywhere) to at most ``limit`` characters, with '…'."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:·") + "…"


def _first_sentence(text: str, limit: int = 220) -> str:
    """A description in one line: its first sentence (or clause), at most ``limit`` characters."""
    text = " ".join(text.split())
    for end in ("。", ". "):
        k = text.find(end)
        if 0 < k < limit:
            return text[:k + 1].strip()
    return _clip(text, limit)


def _fitting_size(text: str, width: int, size: float, smallest: float) -> float:
    """The type size (pt) at which ``text`` fits one line of ``width`` (EMU), from ``size`` down to
    ``smallest`` (a longer text wraps): a Japanese character is about an em wide, a Latin one (bold)
    a little over half."""
    ems = sum(1.0 if ord(ch) >= 0x1100 else 0.62 for ch in text)
    if not ems:
        return size
    return max(smallest, min(size, 0.9 * float(width) / Pt(1) / ems))  # (a margin: fonts differ)


def _top(arrays) -> float:
    """The largest finite value of some series (0 when none has one)."""
    tops = [float(np.nanmax(a)) for a in (np.asarray(x, dtype=float) for x in arrays) if np.isfinite(a).any()]
    return max(tops, default=0.0)


def _number_format(top: float) -> str:
    """An axis's number format for data up to ``top`` (its ticks are round numbers)."""
    if top >= 10:
        return "#,##0"
    if top >= 1:
        return "0.0"
    if top >= 0.1:
        return "0.00"
    return "0.000"


def _month_axis(axis, months: int) -> None:
    """A date axis of months, labelled as the window labels months ('Nov 2025', '2025年11月') once
    a year (every 3 or 6 months for a short term): PowerPoint and LibreOffice space the labels
    themselves, and the data sheet holds the dates."""
    step = 3 if months <= 24 else 6 if months <= 48 else 12 * max(1, math.ceil(months / 12 / 8))
    axis.has_major_gridlines = False
    axis.tick_labels.number_format = 'yyyy"年"m"月"' if is_japanese() else "mmm yyyy"
    axis.tick_labels.number_format_is_linked = False
    ax = axis._element
    if ax.tag != qn("c:dateAx"):
        return
    for tag in ("c:baseTimeUnit", "c:majorUnit", "c:majorTimeUnit", "c:minorUnit", "c:minorTimeUnit"):
        for old in ax.xpath(tag):
            ax.remove(old)
    anchor = ax.xpath("c:extLst")
    for xml in (f'<c:baseTimeUnit {nsdecls("c")} val="months"/>', f'<c:majorUnit {nsdecls("c")} val="{step}"/>',
                f'<c:majorTimeUnit {nsdecls("c")} val="months"/>'):
        element = parse_xml(xml)
        if anchor:
            anchor[0].addprevious(element)
        else:
            ax.append(element)


def month_dates(start_index: int, months: int) -> list[_dt.date]:
    """A time chart's categories: the first day of each month from month index ``start_index``."""
    return [_dt.date((start_index + m) // 12, (start_index + m) % 12 + 1, 1) for m in range(months)]


class DeckBase:
    """A 16:9 presentation being built, with what every deck shares: the template widened, the
    Japanese font in the theme, text boxes, titles, KPI cards, native charts in the app's colours (or
    none with ``plain_colours``), speaker notes, and the finished file's properties and fonts. The
    scenario deck (``_Deck``) and the portfolio deck (ui/render/portfolio_slides.py) build on it."""

    def __init__(self, plain_colours: bool, now: _dt.datetime):
        self.plain, self.now = plain_colours, now
        self.theme = LIGHT
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = SLIDE_W, SLIDE_H
        self._widen_layouts()
        self._theme_fonts()

    # -------------------------------------------------------------------------------- the template
    def _widen_layouts(self) -> None:
        """The default template is 4:3: its master's and layouts' placeholders are stretched to 16:9,
        so slides a user adds later are laid out for the wide page too."""
        ratio = SLIDE_W / Inches(10)
        for owner in [self.prs.slide_master, *self.prs.slide_layouts]:
            for shape in owner.shapes:
                if shape.left is not None and shape.width is not None:
                    shape.left, shape.width = int(shape.left * ratio), int(shape.width * ratio)

    def _theme_fonts(self) -> None:
        """The theme's East Asian font (major and minor): Japanese text in the charts, tables and any
        text a user adds takes it. In English only the Japanese script's fallback is set."""
        part = self.prs.slide_master.part.part_related_by(RT.THEME)
        root = etree.fromstring(part.blob)
        a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
        for scheme in root.iter(f"{a}majorFont", f"{a}minorFont"):
            if is_japanese():
                for ea in scheme.findall(f"{a}ea"):
                    ea.set("typeface", EA_FONT)
                    ea.set("charset", EA_CHARSET)
            for font in scheme.findall(f"{a}font"):
                if font.get("script") == "Jpan":
                    font.set("typeface", EA_FONT)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # -------------------------------------------------------------------------------- text
    def _colour(self, font, colour: str | None) -> None:
        if colour and not self.plain:
            font.color.rgb = _rgb(colour)

    def text_box(self, slide, left, top, width, height, paragraphs, anchor=MSO_ANCHOR.TOP, wrap=True):
        """A text box of paragraphs: each (text, size in pt, bold, colour or None)."""
        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
        frame.word_wrap = wrap
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = Inches(0.05)
        self.fill_frame(frame, paragraphs)
        return box

    def fill_frame(self, frame, paragraphs) -> None:
        for k, (text, size, bold, colour) in enumerate(paragraphs):
            p = frame.paragraphs[0] if k == 0 else frame.add_paragraph()
            run = p.add_run()
            run.text = text
            run.font.size = Pt(size)
            run.font.bold = bold
            self._colour(run.font, colour)

    def new_slide(self, title: str, subtitle: str = "", layout: int = 5):
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[layout])
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = MARGIN, TITLE_TOP, CONTENT_W, TITLE_H
        frame = shape.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        p = frame.paragraphs[0]
        p.alignment = PP_ALIGN.LEFT
        run = p.add_run()
        run.text = _clip(title, 90)
        run.font.size = Pt(_fitting_size(run.text, CONTENT_W, 26, 18))
        run.font.bold = True
        self._colour(run.font, self.theme.foreground)
        if subtitle:
            self.text_box(slide, MARGIN, SUBTITLE_TOP, CONTENT_W, SUBTITLE_H,
                          [(_clip(subtitle, 160), 13, False, self.theme.muted)])
        return slide

    def subtitle(self, money_chart: bool = False, extra: str = "") -> str:
        """The line under a chart's title: the scenario, the rate of yen figures, a finding."""
        parts = [self.inp.subtitle or self.scenario.name]
        rate = currency().rate_note()
        if rate and money_chart:
            parts.append(rate)
        if extra:
            parts.append(extra)
        return " · ".join(parts)

    @staticmethod
    def notes(slide, paragraphs: list[str]) -> None:
        slide.notes_slide.notes_text_frame.text = "\n".join(p for p in paragraphs if p)

    # -------------------------------------------------------------------------------- charts
    def category_chart(self, slide, kind, categories, series, left=None, top=None, width=None, height=None,
                       lines=(), unit_label: str = "", top_value: float = 0.0, time_axis: bool = True):
        """A native chart of ``kind`` with ``series`` [(name, values, style)], plus ``lines`` drawn as
        a line plot over it (band edges, compared scenarios, the contract) on the same axes; every
        series is in the chart's data sheet. ``style``: dict(colour=, line=True/False, dash=, width=)."""
        data = CategoryChartData(number_format="General")
        data.categories = categories
        for name, values, _ in [*series, *lines]:
            data.add_series(name, _finite(values))
        frame = slide.shapes.add_chart(kind, left if left is not None else MARGIN, top if top is not None else BODY_TOP,
                                       width or CONTENT_W, height or BODY_H, data)
        chart = frame.chart
        if lines and kind != XL_CHART_TYPE.LINE:
            self._move_to_line_plot(chart, range(len(series), len(series) + len(lines)))
        styles = [style for _, _, style in [*series, *lines]]
        for s, style in zip(chart.series, styles):
            self._style_series(s, style)
        self._style_chart(chart, unit_label, top_value, time_axis=time_axis, categories=len(categories))
        return chart

    @staticmethod
    def _move_to_line_plot(chart, indices) -> None:
        """Move the series ``indices`` of the chart's first plot (areas or bars) into a line plot on
        the same axes: PowerPoint's combination chart (python-pptx writes one plot per chart)."""
        plot_area = chart._chartSpace.chart.plotArea
        first = plot_area.xpath("c:areaChart|c:barChart")[0]
        line = parse_xml(f'<c:lineChart {nsdecls("c")}><c:grouping val="standard"/><c:varyColors val="0"/>'
                         '</c:lineChart>')
        wanted = set(indices)
        for ser in first.xpath("c:ser"):
            if int(ser.xpath("c:idx/@val")[0]) not in wanted:
                continue
            first.remove(ser)
            for tag in ("c:invertIfNegative", "c:pictureOptions", "c:shape"):
                for child in ser.xpath(tag):
                    ser.remove(child)
            (ser.xpath("c:spPr") or ser.xpath("c:tx"))[-1].addnext(
                parse_xml(f'<c:marker {nsdecls("c")}><c:symbol val="none"/></c:marker>'))
            ser.xpath("c:val")[0].addnext(parse_xml(f'<c:smooth {nsdecls("c")} val="0"/>'))
            line.append(ser)
        line.append(parse_xml(f'<c:marker {nsdecls("c")} val="1"/>'))
        for ax in first.xpath("c:axId"):
            line.append(copy.deepcopy(ax))
        first.addnext(line)

    def _style_series(self, s, style: dict) -> None:
        """Colours (unless plain), line widths and dashes, markers."""
        colour = style.get("colour")
        if style.get("line"):
            ln = s.format.line
            ln.width = Pt(style.get("width", 2.25))
            if style.get("dash"):
                ln.dash_style = style["dash"]
            if colour and not self.plain:
                ln.color.rgb = _rgb(colour)
            if hasattr(s, "smooth"):
                s.smooth = False
            if style.get("marker"):
                ln.fill.background()  # points only
                s.marker.style = style["marker"]
                s.marker.size = style.get("marker_size", 8)
                if not self.plain and colour:
                    s.marker.format.fill.solid()
                    s.marker.format.fill.fore_color.rgb = _rgb(colour)
                    s.marker.format.line.color.rgb = _rgb(self.theme.background)
                    s.marker.format.line.width = Pt(0.75)
            elif hasattr(s, "marker"):
                s.marker.style = XL_MARKER_STYLE.NONE
        elif colour and not self.plain:
            s.format.fill.solid()
            s.format.fill.fore_color.rgb = _rgb(colour)
            s.format.line.fill.background()  # no outline between stacked areas and bars

    def _style_chart(self, chart, unit_label: str, top_value: float, time_axis: bool = True,
                     categories: int = 0) -> None:
        chart.has_title = False
        chart.font.size = Pt(12)
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(12)
        value = chart.value_axis
        value.has_major_gridlines = True
        if not self.plain:
            value.major_gridlines.format.line.color.rgb = _rgb("#D8DEE4")
        value.tick_labels.font.size = Pt(12)
        if top_value > 0:
            value.tick_labels.number_format = _number_format(top_value)
            value.tick_labels.number_format_is_linked = False
        if unit_label:
            value.has_title = True
            value.axis_title.text_frame.text = unit_label
            value.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
            value.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
        axis = chart.category_axis
        axis.tick_labels.font.size = Pt(12)
        if time_axis and categories:
            _month_axis(axis, categories)

    def message(self, slide, text: str) -> None:
        """In place of a chart with nothing to draw (never a blank chart)."""
        self.text_box(slide, MARGIN, BODY_TOP + Inches(2), CONTENT_W, Inches(1),
                      [(text, 18, False, self.theme.muted)], anchor=MSO_ANCHOR.MIDDLE)

    def card(self, slide, left, top, width, height, paragraphs):
        """A KPI card: a rounded box in the report's colours holding ``paragraphs`` (as text_box's)."""
        card = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, top, width, height)
        card.adjustments[0] = 0.06
        if not self.plain:
            card.fill.solid()
            card.fill.fore_color.rgb = _rgb(CARD_COLOURS[0])
            card.line.color.rgb = _rgb(CARD_COLOURS[1])
        card.shadow.inherit = False
        frame = card.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        frame.margin_left = frame.margin_right = Inches(0.2)
        self.fill_frame(frame, paragraphs)
        for p in frame.paragraphs:
            p.alignment = PP_ALIGN.LEFT
        return card

    def title_page(self, title: str, lines, notes_title: str = "", notes_text: str = ""):
        """The title slide: ``title`` large, then ``lines`` (text_box's paragraphs) under it, and a
        box of notes (``notes_text`` under ``notes_title``) when there are any."""
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[0])
        head, sub = slide.shapes.title, slide.placeholders[1]
        head.left, head.top, head.width, head.height = MARGIN, Inches(1.7), CONTENT_W, Inches(1.6)
        sub.left, sub.top, sub.width, sub.height = MARGIN, Inches(3.4), CONTENT_W, Inches(1.5)
        frame = head.text_frame
        frame.word_wrap = True
        run = frame.paragraphs[0].add_run()
        run.text = _clip(title, 120)
        run.font.size = Pt(36)
        run.font.bold = True
        self._colour(run.font, self.theme.foreground)
        sub.text_frame.word_wrap = True
        self.fill_frame(sub.text_frame, lines)
        if notes_text.strip():
            self.text_box(slide, MARGIN, Inches(5.1), CONTENT_W, Inches(1.9),
                          [(notes_title, 13, True, self.theme.muted),
                           (_clip(notes_text, 420), 13, False, self.theme.foreground)])
        return slide

    def dated_line(self):
        """The title slide's first line under the title: the app and the date."""
        return (tr("Compute Scenario Explorer · {date}").format(date=f"{self.now:%Y-%m-%d}"), 18, False,
                self.theme.muted)

    def rate_line(self):
        """The title slide's line on the yen rate (None in dollars)."""
        rate = currency().rate_note()
        if not rate:
            return None
        return (tr("Yen at {rate}; source: {source}.").format(rate=rate, source=_clip(currency().shown_source, 90)),
                12, False, self.theme.muted)

    def finish(self, title: str, subject: str) -> bytes:
        """The deck as the bytes of a .pptx file: its properties set and every run naming the East
        Asian font where it should."""
        props = self.prs.core_properties
        props.title = _clip(title, 250)
        props.author = props.last_modified_by = "Compute Scenario Explorer"
        props.subject = subject
        props.language = "ja-JP" if is_japanese() else "en-US"
        props.created = props.modified = self.now.replace(microsecond=0)
        _fonts(self.prs, is_japanese())
        out = io.BytesIO()
        self.prs.save(out)
        return out.getvalue()


class _Deck(DeckBase):
    """The scenario's deck: what the window shows (its scenario, bands, tornado, compared scenarios)."""

    def __init__(self, inp: ChartInput, plain_colours: bool, now: _dt.datetime):
        super().__init__(plain_colours, now)
        self.inp = inp
        self.scenario, self.projection = inp.scenario, inp.projection
        self.summary = self.projection.summary()
        self.bands = inp.bands if (inp.bands is not None and not inp.bands_stale) else None
        self.start_index = month_index(self.scenario.start)
        self.term = self.projection.params.term_months
        self.months = [month_label(self.start_index, m) for m in range(self.term)]
        # the time charts' categories: the first day of each month (a date axis, labelled once a year)
        self.dates = month_dates(self.start_index, self.term)

    # -------------------------------------------------------------------------------- shared pieces
    def band_lines(self, key: str, factor: float, of: str = "") -> list:
        """The P10, median and P90 of a band series as dashed lines (the fan has no native form);
        named after the series they belong to (``of``) on a chart of several."""
        series = self.bands.series.get(key) if self.bands is not None else None
        if series is None or series.shape[1] != self.term:
            return []
        muted, fg = self.theme.muted, self.theme.foreground
        names = [f"{of}: {name}" if of else name for name in ("P10", tr("median"), "P90")]
        dash = MSO_LINE_DASH_STYLE.DASH
        return [(names[0], series[0] / factor, dict(line=True, colour=muted, dash=dash, width=1.25)),
                (names[1], series[2] / factor, dict(line=True, colour=fg, dash=dash, width=1.25)),
                (names[2], series[4] / factor, dict(line=True, colour=muted, dash=dash, width=1.25))]

    def overlay_lines(self, values_of, factor: float) -> list:
        """Each compared scenario's series (``values_of(projection)``, raw units) on the shown
        scenario's months, as the window draws them (dash-dot, its colour)."""
        out = []
        for overlay in self.inp.overlays:
            values = values_of(overlay.projection)
            if values is None:
                continue
            placed = np.full(self.term, np.nan)
            for k, v in enumerate(np.asarray(values, dtype=float)):
                m = k + overlay.offset
                if 0 <= m < self.term:
                    placed[m] = v / factor
            out.append((overlay.label, placed, dict(line=True, colour=overlay.colour,
                                                    dash=MSO_LINE_DASH_STYLE.DASH_DOT, width=2.0)))
        return out

    def band_note(self, key: str, shown, what: str) -> str:
        """What the bands of ``key`` say (``shown``: a raw value as text), and how the slide draws them.
        The range is given at the end of the term, or where it is widest when it narrows by then (a
        ramp's timing: the fleet is the same size at the end whatever its ramp)."""
        series = self.bands.series.get(key) if self.bands is not None else None
        if series is None or series.shape[1] != self.term:
            return ""
        spread = series[4] - series[0]
        m = self.term - 1
        if spread.max() > 0 and spread[m] < 0.5 * spread.max():
            m = int(np.argmax(spread))
        return tr("Uncertainty: the P10–P90 range of {what} in {month} is {low} to {high} ({samples} samples of "
                  "the scenario's ranges). The app draws the range as a shaded fan; PowerPoint has no fan chart, "
                  "so this slide draws P10, the median and P90 as dashed lines.").format(
            what=what, month=self.months[m], low=shown(float(series[0, m])), high=shown(float(series[4, m])),
            samples=f"{self.bands.samples:,}")

    def overlay_note(self) -> str:
        if not self.inp.overlays:
            return ""
        return tr("Dash-dot lines: the compared scenarios ({names}).").format(
            names=tr(", ", "list separator").join(o.label for o in self.inp.overlays))

    def key_assumptions(self) -> str:
        s, summary = self.scenario, self.summary
        passthrough = s.pricing == "rent" and s.energy_passthrough
        return tr("Key assumptions: {count} accelerators ({mix}) over {months} months from {start}, all deployed "
                  "by {ramp_end}; pricing: {pricing}; energy at {price} per kWh; PUE {pue} (design {design_pue}); "
                  "utilisation {utilization}.").format(
            count=f"{summary['gpus_peak']:,.0f}", mix=shown_value("chip_mix", s.chip_mix), months=s.term_months,
            start=FIELDS["start"].shown(s.start), ramp_end=FIELDS["ramp_end"].shown(s.ramp_end),
            pricing=tr("rent (energy passed through)") if passthrough else tr(s.pricing),
            price=money(s.energy_price_usd_per_kwh), pue=shown_value("pue", s.pue),
            design_pue=shown_value("design_pue", s.design_pue), utilization=shown_value("utilization", s.utilization))

    def sources(self, fields: tuple[str, ...], chip_source: str | None = None) -> str:
        """'Sources:' and a line per field (its label, value and source), then per chip of the mix."""
        lines = []
        for name in fields:
            spec = FIELDS[name]
            value = getattr(self.scenario, name)
            if not spec.source or (name == "facility_power_mw" and value is None):
                continue
            lines.append(f"• {tr(spec.label)} ({_with_unit(name, value)}): {shown_source(spec.source)}")
        if chip_source:
            for chip_id in self.scenario.chip_mix:
                text = getattr(self.projection.catalog[chip_id], chip_source)
                if text:
                    lines.append(f"• {chip_id}: {shown_source(text)}")
        return tr("Sources:") + "\n" + "\n".join(lines) if lines else ""

    def chips(self) -> tuple[list[str], list[int]]:
        """The chips the charts draw (those with a share; all when none has one), as base.shown_chips."""
        s = self.scenario
        chips = [c for c in s.chip_mix if s.chip_mix[c] > 0] or list(s.chip_mix)
        return chips, [self.projection.catalog.index(c) for c in chips]


# ------------------------------------------------------------------------------------------ slides
def _title_slide(deck: _Deck) -> None:
    s = deck.scenario
    lines = [deck.dated_line()]
    if s.description:
        lines.append((_first_sentence(s.description), 16, False, deck.theme.foreground))
    if deck.rate_line():
        lines.append(deck.rate_line())
    slide = deck.title_page(deck.inp.subtitle or s.name, lines, tr("Notes"), s.notes)
    deck.notes(slide, [s.description, tr("Notes") + ": " + s.notes if s.notes.strip() else "",
                       tr("Modelled from public sources and marked estimates; every assumption and its source is "
                          "on the last slides. Equations and sources: the app's Help ▸ Model and sources "
                          "(docs/model.md).")])


def _kpi_slide(deck: _Deck) -> None:
    slide = deck.new_slide(tr(DECK_TITLE), deck.subtitle(money_chart=True))
    rows = report_kpis(deck.summary, deck.bands)
    base = deck.inp.overlays[0] if deck.inp.overlays else None
    base_summary = base.projection.summary() if base is not None else None
    cols, gap = 3, Inches(0.25)
    width = int((CONTENT_W - gap * (cols - 1)) / cols)
    height = Inches(2.2)
    said = []
    for k, (key, (label, figure, spread)) in enumerate(zip(CARDS, rows)):
        kpi = KPIS[key]
        left = MARGIN + (k % cols) * (width + gap)
        top = BODY_TOP + Inches(0.35) + (k // cols) * (height + Inches(0.35))
        wide = sum(2 if ord(ch) >= 0x1100 else 1 for ch in figure) > 12  # (a long figure keeps to one line)
        lines = [(label, 14, False, deck.theme.muted), (figure, 24 if wide else 30, True, deck.theme.foreground)]
        if spread:
            lines.append((spread, 13, False, deck.theme.muted))
        versus = ""
        if base_summary is not None:
            value, before = deck.summary.get(key), base_summary.get(key)
            change, _ = kpi.change(value, before, "baseline")
            if change:
                versus = f"{change} ({kpi.format(before)})"
                lines.append((versus, 13, False, deck.theme.foreground))
        deck.card(slide, left, top, width, height, lines)
        said.append(f"• {label}: {figure}" + (f" ({spread})" if spread else "") + (f"; {versus}" if versus else "")
                    + (f". {tr(kpi.explanation)}" if kpi.explanation else ""))
    intro = tr("The six headline figures of the scenario, as the window's cards show them.")
    if deck.bands is not None:
        intro += " " + tr("P10–P90: the range of each figure over {samples} samples of the scenario's uncertainty "
                          "ranges.").format(samples=f"{deck.bands.samples:,}")
    if base is not None:
        intro += " " + tr("Each is compared with the baseline, {name} (its figure in brackets).").format(
            name=base.label)
    deck.notes(slide, [intro, "\n".join(said), deck.key_assumptions()])


def _capacity_slide(deck: _Deck) -> None:
    p, view = deck.projection, deck.inp.view
    by_chip = (p.effective_flops_by_chip if view.effective else p.peak_flops_by_chip)(view.precision)[0]
    chips, idx = deck.chips()
    total = by_chip[:, idx].sum(axis=1)
    unit = pick_unit(float(total.max()), FLOPS)
    series = [(chip, by_chip[:, i] / unit.factor, dict(colour=chip_colour(chip, p.catalog.position(chip))))
              for chip, i in zip(chips, idx)]
    flops = p.effective_flops if view.effective else p.peak_flops
    lines = deck.band_lines("capacity", unit.factor) + deck.overlay_lines(
        lambda q: (q.effective_flops if view.effective else q.peak_flops)(view.precision)[0], unit.factor)
    precision, measure = PRECISION_LABELS[view.precision], tr(view.measure).lower()
    title = tr("Capacity by chip · {precision} {measure}").format(precision=precision, measure=measure)
    slide = deck.new_slide(title, deck.subtitle())
    top = _top([total / unit.factor] + [v for _, v, _ in lines])
    deck.category_chart(slide, XL_CHART_TYPE.AREA_STACKED, deck.dates, series, lines=lines,
                        unit_label=tr(unit.label), top_value=top)
    peak = float(flops(view.precision)[0].max())
    deck.notes(slide, [
        tr("What it shows: the fleet's compute by chip ({precision}, {measure}), month by month over the term, "
           "stacked: the top edge is the whole fleet. It grows as the chips are deployed, until {ramp_end}, "
           "and reaches {total} {unit}.").format(precision=precision, measure=measure,
                                                   ramp_end=FIELDS["ramp_end"].shown(deck.scenario.ramp_end),
                                                   total=plain(peak / unit.factor, 3), unit=tr(unit.label)),
        deck.band_note("capacity", lambda v: fmt_flops(v / 1e18), tr("the total")), deck.overlay_note(),
        deck.key_assumptions(),
        deck.sources(("gpu_count", "facility_power_mw", "chip_mix", "ramp_end", "utilization", "mfu"), "source")])


def _power_slide(deck: _Deck) -> None:
    p, t = deck.projection, deck.theme
    it, facility, average = p.it_mw[0], p.facility_mw[0], p.facility_avg_mw[0]
    unit = pick_unit(float(facility.max()), POWER)
    series = [(tr("Facility, provisioned"), facility / unit.factor, dict(line=True, colour=t.line_facility, width=2.5)),
              (tr("IT, provisioned"), it / unit.factor, dict(line=True, colour=t.line_it, width=2.25)),
              (tr("Facility, average draw"), average / unit.factor,
               dict(line=True, colour=t.line_facility, dash=MSO_LINE_DASH_STYLE.DASH, width=1.75))]
    series += deck.band_lines("facility_mw", unit.factor, of=tr("Facility, provisioned")) + \
        deck.overlay_lines(lambda q: q.facility_mw[0], unit.factor)
    slide = deck.new_slide(tr("Power and energy"), deck.subtitle())
    left_w = int(CONTENT_W * 0.7)
    top = _top([v for _, v, _ in series])
    deck.category_chart(slide, XL_CHART_TYPE.LINE, deck.dates, series, width=left_w,
                        unit_label=tr("Power, {unit}").format(unit=tr(unit.label)), top_value=top)
    fiscal = bool(deck.inp.view.fiscal_years)
    years, gwh = p.energy_by_year(fiscal)
    gwh = gwh[0]
    e_unit = pick_unit(float(gwh.max()), ENERGY_YEAR)
    if fiscal:
        labels = [fiscal_year_label(int(y)) if is_japanese() else tr("FY{year}").format(year=int(y)) for y in years]
    else:
        labels = [str(int(y)) for y in years]
    name = tr("Energy per fiscal year") if fiscal else tr("Energy per year")
    chart = deck.category_chart(slide, XL_CHART_TYPE.COLUMN_CLUSTERED, labels,
                                [(name, gwh / e_unit.factor, dict(colour=t.bars if not deck.plain else None))],
                                left=MARGIN + left_w + Inches(0.2), width=CONTENT_W - left_w - Inches(0.2),
                                unit_label=tr("Energy, {unit}").format(unit=tr(e_unit.label)),
                                top_value=float(gwh.max()) / e_unit.factor, time_axis=False)
    chart.plots[0].gap_width = 40
    chart.has_legend = False  # (one series, named by its axis)
    if not deck.plain:
        chart.series[0].format.line.color.rgb = _rgb("#8C959F")
    _, starts = year_split(deck.scenario.start, deck.term, fiscal)
    counts = np.diff(np.r_[starts, deck.term])
    part = [labels[k] for k in range(len(labels)) if counts[k] < 12]
    s = deck.summary
    deck.notes(slide, [
        tr("What it shows: on the left, the power the site must deliver, provisioned for its hottest day with "
           "every machine flat out ({facility} at peak), the IT power inside it ({it}), and the average draw "
           "({average}) that the energy bill follows; on the right, the energy the fleet uses each year at that "
           "average draw, {energy} over the term.").format(
            facility=KPIS["facility_power_peak_mw"].format(s["facility_power_peak_mw"]),
            it=KPIS["it_power_peak_mw"].format(s["it_power_peak_mw"]),
            average=KPIS["facility_power_average_mw"].format(s["facility_power_average_mw"]),
            energy=KPIS["energy_total_gwh"].format(s["energy_total_gwh"])),
        tr("In the app the energy bars stand under the power lines on a second axis, scaled so that a year run at a "
           "line's power all year long reaches that line; PowerPoint cannot put yearly bars under monthly lines on "
           "one time axis, so the energy is a chart of its own here.")
        + (" " + tr("Part years (fewer than 12 months of the term): {years}.").format(
            years=tr(", ", "list separator").join(part)) if part else ""),
        deck.band_note("facility_mw", fmt_power, tr("the provisioned facility power")), deck.overlay_note(),
        deck.key_assumptions(),
        deck.sources(("pue", "design_pue", "utilization", "full_use_power_fraction", "idle_power_fraction",
                      "server_overhead_scale", "cluster_power_scale", "cpu_power_w_per_vcpu"), "power_source")])


def _unit_economics_slide(deck: _Deck) -> None:
    p, s = deck.projection, deck.scenario
    tokens = p.tokens[0]
    share = float(p.params.serving_share[0])
    per_token = price_unit("tokens")
    with np.errstate(all="ignore"):
        per_m = [np.where(tokens > 0, p.cost[c][0] * share / tokens * 1e6, 0.0) / per_token.factor for c in PARTS]
    total = np.nan_to_num(p.cost_per_million_tokens[0]) / per_token.factor
    title = tr("Unit economics · {conditions}").format(conditions=serving_conditions(s))
    slide = deck.new_slide(title, deck.subtitle(money_chart=True))
    if tokens.sum() <= 0:
        deck.message(slide, tr("No serving: the serving share is 0, or the model does not fit these chips"))
        deck.notes(slide, [tr(_UNIT_ECONOMICS_EXPLANATION), deck.key_assumptions()])
        return
    series = [(tr(COMPONENT_LABELS[c]), v, dict(colour=COMPONENT_COLOURS[c])) for c, v in zip(PARTS, per_m)]
    lines = deck.overlay_lines(lambda q: q.cost_per_million_tokens[0], per_token.factor)
    top = _top([total] + [v for _, v, _ in lines])
    deck.category_chart(slide, XL_CHART_TYPE.AREA_STACKED, deck.dates, series, lines=lines,
                        unit_label=per_token.label, top_value=top)
    summary = deck.summary
    deck.notes(slide, [
        tr(_UNIT_ECONOMICS_EXPLANATION),
        tr("Over the term the fleet serves at {cost} per million output tokens ({conditions}); at full deployment "
           "it serves {tokens}.").format(
            cost=KPIS["cost_per_million_tokens_usd"].format(summary["cost_per_million_tokens_usd"]),
            conditions=serving_conditions(s), tokens=KPIS["fleet_tokens_per_second"].format(
                summary["fleet_tokens_per_second"])),
        tr("The app's right axis reads the same curve as the cost per busy GPU-hour ({per_hour} over the term); "
           "PowerPoint cannot give one curve a second scale, so the slide shows the cost per million tokens "
           "only.").format(per_hour=KPIS["cost_per_effective_gpu_hour_usd"].format(
               summary["cost_per_effective_gpu_hour_usd"])),
        deck.overlay_note(), deck.key_assumptions(),
        deck.sources(("serving_model", "token_precision", "tokens_per_second_per_user", "serving_share",
                      "utilization"), "price_source")])


_UNIT_ECONOMICS_EXPLANATION = QT_TR_NOOP(
    "Cost per million output tokens over the term, by component: the serving hours' share of the "
    "fleet's cost over the tokens they serve. The right axis reads the same curve as the cost "
    "per busy GPU-hour.")
_SERVING_EXPLANATION = QT_TR_NOOP(
    "Each chip's cost per million output tokens against the speed each user sees (tokens per "
    "second per user), from the serving roofline: faster answers mean smaller batches, so fewer "
    "tokens per accelerator and a higher cost per token. Both axes are logarithmic; the dots mark "
    "the scenario's speed, the ring the fleet's figure.")
_SERVING_MARKS = QT_TR_NOOP("On this slide the fleet's figure is a diamond (the app draws a ring).")
POINTS = 40  # the serving curve's speeds (as ui/charts/serving.py)


def serving_speeds(target: float) -> np.ndarray:
    """The speeds (tokens/s per user) the serving curve is drawn at, as the window's chart."""
    lo, hi = max(1.0, min(5.0, target / 4)), min(2000.0, max(400.0, target * 4))
    return np.geomspace(lo, hi, POINTS)


def _serving_slide(deck: _Deck) -> None:
    p, s, t = deck.projection, deck.scenario, deck.theme
    chips, idx = deck.chips()
    target = s.tokens_per_second_per_user
    u = serving_speeds(target)
    per_hour = p.cost_per_busy_gpu_hour_by_chip[0]
    tps = p.serving_tokens_per_second(u[None, None, :])[0]
    at_target = p.tokens_per_second_by_chip[0]
    unit = price_unit("tokens")
    with np.errstate(all="ignore"):
        cost = np.where(tps[idx] > 0, per_hour[idx][:, None] / (tps[idx] * 3600.0) * 1e6, np.nan) / unit.factor
        here = np.where(at_target[idx] > 0, per_hour[idx] / (at_target[idx] * 3600.0) * 1e6, np.nan) / unit.factor
    model = serving_conditions(s).split(", ")[0]
    slide = deck.new_slide(tr("Cost per token vs speed · {model}").format(model=model),
                           deck.subtitle(money_chart=True))
    finite = cost[np.isfinite(cost)]
    if finite.size == 0:
        deck.message(slide, tr("No chip of the fleet can serve this model at these speeds"))
        deck.notes(slide, [tr(_SERVING_EXPLANATION), deck.key_assumptions()])
        return
    data = XyChartData(number_format="General")
    styles = []
    for k, chip in enumerate(chips):
        series = data.add_series(chip)
        for x, y in zip(u, cost[k]):
            series.add_data_point(float(x), float(y) if np.isfinite(y) else None)
        styles.append(dict(line=True, colour=chip_colour(chip, p.catalog.position(chip)), width=2.25))
    fleet = deck.summary["cost_per_million_tokens_usd"]
    if fleet:  # (before the chips' dots, which are drawn over it)
        ring = data.add_series(tr("the fleet at its speed"))
        ring.add_data_point(float(target), float(fleet) / unit.factor)
        styles.append(dict(line=True, marker=XL_MARKER_STYLE.DIAMOND, colour=t.foreground, marker_size=13))
    dots = data.add_series(tr("at the scenario's speed"))
    for k, y in enumerate(here):
        if np.isfinite(y):
            dots.add_data_point(float(target), float(y))
    styles.append(dict(line=True, marker=XL_MARKER_STYLE.CIRCLE, colour=t.muted, marker_size=8))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS, MARGIN, BODY_TOP, CONTENT_W, BODY_H, data)
    chart = frame.chart
    for series, style in zip(chart.series, styles):
        deck._style_series(series, style)
    if not deck.plain:  # the dots of each chip in the chip's colour
        dot_series = chart.series[len(chips) + (1 if fleet else 0)]
        point = 0
        for k, chip in enumerate(chips):
            if np.isfinite(here[k]):
                marker = dot_series.points[point].marker
                marker.style, marker.size = XL_MARKER_STYLE.CIRCLE, 9  # (LibreOffice wants them per point too)
                marker.format.fill.solid()
                marker.format.fill.fore_color.rgb = _rgb(chip_colour(chip, p.catalog.position(chip)))
                point += 1
    # log axes from a power of ten to a power of ten (PowerPoint's ticks are then 1, 10, 100 …)
    lo_y, hi_y = 10.0 ** math.floor(math.log10(float(finite.min()))), 10.0 ** math.ceil(math.log10(float(finite.max())))
    lo_x, hi_x = 10.0 ** math.floor(math.log10(float(u[0]))), 10.0 ** math.ceil(math.log10(float(u[-1])))
    deck._style_chart(chart, unit.label, 0.0, time_axis=False)
    x_axis, y_axis = chart.category_axis, chart.value_axis
    for axis, (lo, hi) in ((x_axis, (lo_x, hi_x)), (y_axis, (lo_y, hi_y))):
        _log_axis(axis)
        axis.minimum_scale, axis.maximum_scale = lo, hi
        axis.tick_labels.number_format = "#,##0.##"
        axis.tick_labels.number_format_is_linked = False
    x_axis.has_title = True
    x_axis.axis_title.text_frame.text = tr("output tokens/s per user")
    x_axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
    x_axis.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    x_axis.has_major_gridlines = True
    if not deck.plain:
        x_axis.major_gridlines.format.line.color.rgb = _rgb("#D8DEE4")
    cheapest = min(((float(here[k]), chips[k]) for k in range(len(chips)) if np.isfinite(here[k])), default=None)
    deck.notes(slide, [
        tr(_SERVING_EXPLANATION),
        tr("At the scenario's speed ({speed} tok/s per user) the fleet's cost is {cost} per million output "
           "tokens.").format(speed=f"{target:g}", cost=KPIS["cost_per_million_tokens_usd"].format(fleet))
        + (" " + tr("The cheapest chip there is {chip}, at {cost}.").format(
            chip=cheapest[1], cost=money(cheapest[0] * unit.factor)) if cheapest else ""),
        tr("Native chart: an XY scatter with both axes logarithmic, as in the app.") + " " + tr(_SERVING_MARKS),
        deck.key_assumptions(),
        deck.sources(("serving_model", "context_tokens", "output_tokens_per_request", "tokens_per_second_per_user",
                      "token_precision", "serving_efficiency_scale"))])


def _log_axis(axis) -> None:
    """A logarithmic value axis (base 10): python-pptx has no setting for it."""
    scaling = axis._element.xpath("c:scaling")[0]
    for old in scaling.xpath("c:logBase"):
        scaling.remove(old)
    scaling.insert(0, parse_xml(f'<c:logBase {nsdecls("c")} val="10"/>'))


def _cost_slide(deck: _Deck) -> None:
    p, s = deck.projection, deck.scenario
    parts = [p.cost[c][0] for c in PARTS]
    total = p.cost_total[0]
    unit = pick_unit(float(total.max()), USD_PER_MONTH)
    labels = [tr(COMPONENT_LABELS[c]) for c in PARTS]
    if p.energy_embedded[0]:
        labels[1] = tr("Energy (embedded in rent)")
    series = [(label, v / unit.factor, dict(colour=COMPONENT_COLOURS[c])) for label, c, v in zip(labels, PARTS, parts)]
    lines = deck.overlay_lines(lambda q: q.cost_total[0], unit.factor)
    owned = s.pricing == "own"
    slide = deck.new_slide(tr("Cost per month · owned") if owned else tr("Cost per month · rented"),
                           deck.subtitle(money_chart=True))
    top = _top([total / unit.factor] + [v for _, v, _ in lines])
    chart = deck.category_chart(slide, XL_CHART_TYPE.COLUMN_STACKED, deck.dates, series, lines=lines,
                                unit_label=tr(unit.label), top_value=top)
    chart.plots[0].gap_width = 30
    summary = deck.summary
    breakdown = tr(", ", "list separator").join(
        f"{label} {money(summary['cost_breakdown_usd'][c])}" for label, c in zip(labels, PARTS))
    fields = (("chip_price_scale", "energy_price_usd_per_kwh", "energy_passthrough", "agent_cpu_ratio",
               "cpu_usd_per_vcpu_hour", "other_cost_fraction") if not owned else
              ("chip_price_scale", "energy_price_usd_per_kwh", "network_storage_fraction", "depreciation_years",
               "residual_value_fraction", "capital_cost_rate", "facility_usd_per_kw_month", "cpu_purchase_usd_per_vcpu",
               "other_cost_fraction"))
    deck.notes(slide, [
        tr("What it shows: the cost of each month by component, stacked (a short February is a shorter bar). "
           "The term costs {total}: {parts}.").format(total=money(summary["cost_total_usd"]), parts=breakdown),
        tr("The rents include electricity: the energy bar is the part of the rent that pays for it, not a bill "
           "of its own.") if p.energy_embedded[0] else "",
        deck.overlay_note(),
        deck.key_assumptions(), deck.sources(fields, "price_source")])


def _cumulative_slide(deck: _Deck) -> None:
    p, s, t = deck.projection, deck.scenario, deck.theme
    cum = p.cost_cumulative[0]
    contract = float(s.contract_value_usd)
    unit = pick_unit(max(float(cum.max()), contract), USD_TOTAL)
    series = [(tr("Cumulative cost"), cum / unit.factor, dict(line=True, colour=COMPONENT_COLOURS["compute"],
                                                              width=2.75))]
    if contract > 0:
        series.append((tr("Contract value"), np.full(deck.term, contract / unit.factor),
                       dict(line=True, colour=t.contract, dash=MSO_LINE_DASH_STYLE.DASH, width=1.75)))
    series += deck.band_lines("cost_cumulative", unit.factor) + deck.overlay_lines(
        lambda q: q.cost_cumulative[0], unit.factor)
    crossing = np.flatnonzero(cum > contract) if contract > 0 else np.array([], dtype=int)
    finding = tr("exceeds the contract in {month}").format(month=deck.months[int(crossing[0])]) if crossing.size else ""
    slide = deck.new_slide(tr("Cumulative cost vs contract") if contract > 0 else tr("Cumulative cost"),
                           deck.subtitle(money_chart=True, extra=finding))
    top = _top([v for _, v, _ in series])
    deck.category_chart(slide, XL_CHART_TYPE.LINE, deck.dates, series, unit_label=tr(unit.label), top_value=top)
    if contract > 0:
        said = tr("By the end of the term it reaches {total}, {share} of the contract value of {contract}.").format(
            total=money(float(cum[-1])), share=percent(float(cum[-1]) / contract, 0), contract=money(contract))
        said += " " + (tr("It exceeds the contract in {month}.").format(month=deck.months[int(crossing[0])])
                       if crossing.size else tr("It stays within the contract over the whole term."))
    else:
        said = tr("By the end of the term it reaches {total}; the scenario names no contract value.").format(
            total=money(float(cum[-1])))
    deck.notes(slide, [
        tr("What it shows: the cost summed from the start of the term, month by month, against the contract "
           "value (dashed)."), said,
        deck.band_note("cost_cumulative", money, tr("the cumulative cost")), deck.overlay_note(),
        deck.key_assumptions(),
        deck.sources(("contract_value_usd", "term_months", "start", "ramp_end", "energy_price_usd_per_kwh",
                      "chip_price_scale"))])


def _tornado_slide(deck: _Deck) -> bool:
    """The tornado of the view's KPI as a clustered bar chart (False, and no slide, without one)."""
    key = deck.inp.view.tornado_kpi
    kpi = KPIS[key]
    result = deck.inp.tornados.get(key) if deck.inp.tornados else None
    if result is None or not result.bars:
        return False
    scale_ref = max(abs(result.base), 1e-300)
    moving = [b for b in result.bars if b.swing > 1e-9 * scale_ref]
    if not moving:
        return False
    bars = moving[:MAX_TORNADO_BARS]
    relative = result.base != 0 and math.isfinite(result.base)
    units = tornado_unit(kpi, result, bars)

    def to_x(v):
        return (float(v) / result.base - 1.0) * 100.0 if relative else float(v) / units.factor

    shown = list(reversed(bars))  # PowerPoint draws the first category at the bottom: the largest on top
    series = [(tr("input at its low end"), [to_x(b.at_low) for b in shown], dict(colour=COMPONENT_COLOURS["compute"])),
              (tr("input at its high end"), [to_x(b.at_high) for b in shown], dict(colour=COMPONENT_COLOURS["energy"]))]
    base_text = tr("base, every input at its value: {value}").format(value=kpi.format(result.base))
    slide = deck.new_slide(tr("Sensitivity · {kpi}").format(kpi=tr(kpi.short)),
                           deck.subtitle(money_chart=kpi.is_money, extra=base_text))
    axis_label = tr("change from base, %") if relative else (tr(units.label) or kpi.unit)
    top = max(abs(v) for _, values, _ in series for v in values)
    chart = deck.category_chart(slide, XL_CHART_TYPE.BAR_CLUSTERED, [tr(b.label) for b in shown], series,
                                unit_label=axis_label, top_value=top, time_axis=False)
    plot = chart.plots[0]
    plot.overlap, plot.gap_width = 100, 45
    chart.category_axis.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    chart.category_axis.has_major_gridlines = False
    widest = bars[0]
    omitted = len(moving) - len(bars)
    without = len(result.bars) - len(moving)

    def shown_input(v):
        return v if isinstance(v, str) else plain(v, 3)

    deck.notes(slide, [
        tr("What it shows: how far {kpi} moves when one input goes to the low or the high end of its range, every "
           "other input at its value; the largest swings on top. The axis is the change from the base value in "
           "percent (the app's dashed base line is the zero).").format(kpi=tr(kpi.short)),
        tr("Base: {base}. The widest swing: {input}, from {low} at {low_input} to {high} at {high_input}.").format(
            base=kpi.format(result.base), input=tr(widest.label), low=kpi.format(widest.at_low),
            low_input=shown_input(widest.low_input), high=kpi.format(widest.at_high),
            high_input=shown_input(widest.high_input)),
        (tr("{count} smaller swings not shown (no room)") if omitted > 1 else
         tr("{count} smaller swing not shown (no room)")).format(count=omitted) + "." if omitted else "",
        (tr("{count} inputs without effect not shown") if without > 1 else
         tr("{count} input without effect not shown")).format(count=without) + "." if without else "",
        deck.key_assumptions(), _range_sources(deck, [b.field for b in bars])])
    return True


def tornado_unit(kpi, result, bars) -> Unit:
    """The unit a tornado's values are shown in when they are not relative (as ui/charts/tornado.py)."""
    from ..charts.units import ENERGY_TOTAL, currency_name

    if kpi.kind == "price":
        choices = (Unit(1 / currency().factor, currency_name()),)
    else:
        choices = {"usd": USD_TOTAL, "power": POWER, "energy": ENERGY_TOTAL}.get(kpi.kind, (Unit(1, kpi.unit),))
    biggest = max([abs(result.base)] + [max(abs(b.at_low), abs(b.at_high)) for b in bars])
    return pick_unit(biggest, tuple(choices))


def _range_sources(deck: _Deck, fields: list[str]) -> str:
    lines = []
    for name in fields:
        spec = FIELDS[name]
        low, high = deck.scenario.ranges[name]
        source = shown_source(spec.spread_source) if spec.spread_source else ""
        lines.append(f"• {tr(spec.label)} ({shown_value(name, low)} – {shown_value(name, high)})"
                     + (f": {source}" if source else ""))
    return tr("Sources of the ranges:") + "\n" + "\n".join(lines) if lines else ""


def _comparison_slide(deck: _Deck) -> None:
    inp = deck.inp
    named = [(o.label, o.projection.summary()) for o in inp.overlays] + \
        [(tr("Current: {name}").format(name=deck.scenario.name), deck.summary)]
    rows = comparison_rows([s for _, s in named])
    slide = deck.new_slide(tr("Comparison"), deck.subtitle(money_chart=True))
    n_rows, n_cols = len(rows) + 1, len(named) + 1
    row_h = Inches(0.36)
    shape = slide.shapes.add_table(n_rows, n_cols, MARGIN, BODY_TOP, CONTENT_W, row_h * n_rows)
    table = shape.table
    first_w = Inches(3.3)
    table.columns[0].width = first_w
    for c in range(1, n_cols):
        table.columns[c].width = int((CONTENT_W - first_w) / (n_cols - 1))
    size = 12 if n_cols <= 4 else 11

    def cell(r, c, text, bold=False):
        target = table.cell(r, c)
        target.text = ""
        target.margin_top = target.margin_bottom = Inches(0.03)
        run = target.text_frame.paragraphs[0].add_run()
        run.text = text
        run.font.size = Pt(size)
        run.font.bold = bold

    cell(0, 0, "KPI", True)
    for c, (label, _) in enumerate(named, start=1):
        cell(0, c, _clip(label, 60), True)
    for r, row in enumerate(rows, start=1):
        kpi = KPIS[row.key]
        cell(r, 0, tr(row.label))
        for c, value in enumerate(row.values):
            text = kpi.format(value)
            if c > 0 and row.deltas[c] is not None and row.values[0] is not None:
                text += f" (Δ {kpi.delta(value, row.values[0])})"
            cell(r, c + 1, text)
        table.rows[r].height = row_h
    table.rows[0].height = row_h
    deck.notes(slide, [
        tr("The comparison as the window's table shows it: each figure per scenario, the baseline first; Δ is "
           "the difference to the baseline."),
        "\n".join(f"• {label}" for label, _ in named)])


def _assumption_rows(deck: _Deck) -> tuple[list[tuple[str, str, str, bool]], list[str]]:
    """The assumptions slide's rows (assumption, value, source, changed from its default) and the
    names of those changed: every assumption that differs from its default, then the key ones, then
    the chips of the mix with their catalog sources."""
    s = deck.scenario
    changed = [spec.name for spec in FIELDS.values()
               if spec.group not in ("Scenario", "Uncertainty") and getattr(s, spec.name) != spec.default]
    rows = []
    for name in changed:
        spec = FIELDS[name]
        value = tr("{value} (default {default})").format(value=_with_unit(name, getattr(s, name)),
                                                         default=shown_value(name, spec.default))
        rows.append((tr(spec.label), value, shown_source(spec.source) if spec.source else tr(spec.help), True))
    for name in KEY_FIELDS:
        spec = FIELDS[name]
        value = getattr(s, name)
        if name in changed or (name == "facility_power_mw" and value is None):
            continue
        rows.append((tr(spec.label), _with_unit(name, value), shown_source(spec.source) if spec.source else "", False))
    for chip_id in s.chip_mix:
        c = deck.projection.catalog[chip_id]
        sources = "; ".join(shown_source(x) for x in (c.source, c.power_source, c.price_source) if x)
        rows.append((chip_id, tr("catalog row, as of {date}").format(date=c.as_of), sources, False))
    return rows, changed


def _with_unit(name: str, value) -> str:
    """A value as the window shows it, with its unit: '0.0806 USD/kWh', '84 months', '80%'."""
    text = shown_value(name, value)
    unit = field_unit(name) if value is not None else ""
    return f"{text} {unit}" if unit and len(unit) <= 40 else text


KEY_FIELDS = ("gpu_count", "facility_power_mw", "chip_mix", "energy_price_usd_per_kwh", "agent_cpu_ratio",
              "term_months", "start", "ramp_end", "contract_value_usd", "energy_passthrough", "pue", "design_pue",
              "utilization", "mfu", "chip_price_scale", "serving_model", "tokens_per_second_per_user",
              "token_precision", "serving_share")
SOURCE_CHARS = 240  # a source on the slide (whole in the notes)


def _text_lines(text: str, chars_per_line: float) -> int:
    weight = sum(2 if ord(ch) >= 0x1100 else 1 for ch in text)
    return max(1, math.ceil(weight / chars_per_line))


def _assumption_slides(deck: _Deck) -> int:
    rows, changed = _assumption_rows(deck)
    s = deck.scenario
    if changed:
        intro = tr("{count} assumptions differ from their defaults (in bold, with the default); then the key "
                   "assumptions and the chips' catalog sources.").format(count=len(changed)) if len(changed) > 1 else \
            tr("1 assumption differs from its default (in bold, with the default); then the key assumptions and the "
               "chips' catalog sources.")
    else:
        intro = tr("Every assumption is at its default value; below, the key assumptions and the chips' catalog "
                   "sources.")
    if s.ranges:
        intro += " " + tr("Uncertainty ranges on {count} inputs ({samples} samples, seed {seed}).").format(
            count=len(s.ranges), samples=f"{s.uncertainty_samples:,}", seed=s.uncertainty_seed)
    widths = (Inches(2.6), Inches(2.5), CONTENT_W - Inches(5.1))
    size = 10.5
    # characters a line of each column holds at this size (a Latin character is about half an em;
    # wider fonts than the theme's, as LibreOffice's substitutes, take a little more room)
    chars = [int(w / Pt(size) / 0.52) for w in widths]
    line_h, pad = Pt(size) * 1.2, Inches(0.07)
    intro_h, footer_h = Inches(0.55), Inches(0.5)
    pages: list[list] = [[]]
    room = BODY_H - intro_h - footer_h
    used = line_h + pad  # the header row
    for row in rows:
        label, value, source, _ = row
        source = _clip(source, SOURCE_CHARS)
        n = max(_text_lines(text, c) for text, c in zip((label, value, source), chars))
        h = n * line_h + pad
        if pages[-1] and used + h > room:
            pages.append([])
            room = BODY_H - footer_h  # (no introduction after the first page)
            used = line_h + pad
        pages[-1].append((row, source))
        used += h
    title = tr("Assumptions and sources")
    for k, page in enumerate(pages):
        name = title if len(pages) == 1 else tr("{title} ({page} of {pages})").format(title=title, page=k + 1,
                                                                                     pages=len(pages))
        slide = deck.new_slide(name, deck.subtitle(money_chart=True))
        if k == 0:
            deck.text_box(slide, MARGIN, BODY_TOP - Inches(0.05), CONTENT_W, Inches(0.5),
                          [(intro, 12, False, deck.theme.foreground)])
        top = BODY_TOP + (intro_h if k == 0 else 0)
        shape = slide.shapes.add_table(len(page) + 1, 3, MARGIN, top, CONTENT_W, Inches(0.3) * (len(page) + 1))
        table = shape.table
        for c, w in enumerate(widths):
            table.columns[c].width = int(w)

        def cell(r, c, text, bold=False):
            target = table.cell(r, c)
            target.margin_top = target.margin_bottom = Inches(0.025)
            target.text = ""
            run = target.text_frame.paragraphs[0].add_run()
            run.text = text
            run.font.size = Pt(size)
            run.font.bold = bold

        for c, head in enumerate((tr("Assumption"), tr("Value"), tr("Source"))):
            cell(0, c, head, True)
        for r, ((label, value, _, is_changed), source) in enumerate(page, start=1):
            cell(r, 0, label, is_changed)
            cell(r, 1, value, is_changed)
            cell(r, 2, source)
            table.rows[r].height = Inches(0.25)
        table.rows[0].height = Inches(0.25)
        deck.text_box(slide, MARGIN, SLIDE_H - Inches(0.45), CONTENT_W, Inches(0.35),
                      [(tr("Equations and sources: the app's Help ▸ Model and sources (docs/model.md). Figures are "
                           "modelled from public sources and estimates; they are not a statement of either party's "
                           "actual costs."), 10, False, deck.theme.muted)])
        deck.notes(slide, [intro if k == 0 else ""] + [f"• {label}: {value}. {tr('Source:')} {source}"
                                                       for (label, value, source, _), _ in page])
    return len(pages)


# ------------------------------------------------------------------------------------------ fonts
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_RPR_AFTER_EA = ("cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")


def _set_ea(rpr) -> None:
    """Name the East Asian typeface on a run's (or a default's) properties, and the language."""
    if is_japanese():
        rpr.set("lang", "ja-JP")
    for old in rpr.findall(f"{_A}ea"):
        rpr.remove(old)
    ea = etree.Element(f"{_A}ea")
    ea.set("typeface", EA_FONT)
    ea.set("charset", EA_CHARSET)
    latin = rpr.find(f"{_A}latin")
    if latin is not None:
        latin.addnext(ea)
        return
    for tag in _RPR_AFTER_EA:
        follower = rpr.find(f"{_A}{tag}")
        if follower is not None:
            follower.addprevious(ea)
            return
    rpr.append(ea)


def _east_asian_fonts(root, everything: bool) -> None:
    """Every run (``everything``: Japanese decks) or every run with Japanese characters names the
    East Asian font; in a Japanese deck also the default text properties (charts' axes, legends)."""
    for run in root.iter(f"{_A}r"):
        text = "".join(run.itertext())
        if not (everything or _has_cjk(text)):
            continue
        rpr = run.find(f"{_A}rPr")
        if rpr is None:
            rpr = etree.Element(f"{_A}rPr")
            run.insert(0, rpr)
        _set_ea(rpr)
    if everything:
        for tag in ("defRPr", "endParaRPr"):
            for rpr in root.iter(f"{_A}{tag}"):
                _set_ea(rpr)


def _fonts(prs, japanese: bool) -> None:
    for slide in prs.slides:
        _east_asian_fonts(slide._element, japanese)
        for shape in slide.shapes:
            if shape.has_chart:
                _east_asian_fonts(shape.chart._chartSpace, japanese)
        if slide.has_notes_slide:
            _east_asian_fonts(slide.notes_slide._element, japanese)


# ------------------------------------------------------------------------------------------ the deck
def slide_titles(prs) -> list[str]:
    return [slide.shapes.title.text_frame.text if slide.shapes.title is not None else "" for slide in prs.slides]


def deck_bytes(inp: ChartInput, plain: bool = False, now: _dt.datetime | None = None) -> bytes:
    """The deck of ``inp`` (what the window shows: its scenario, bands, tornado and compared
    scenarios) as the bytes of a .pptx file. ``plain``: no series colours (the theme's)."""
    deck = _Deck(inp, plain, now or _dt.datetime.now())
    _title_slide(deck)
    _kpi_slide(deck)
    for name in DECK_CHARTS:
        SLIDES[name](deck)
    if inp.overlays:
        _comparison_slide(deck)
    _assumption_slides(deck)
    return deck.finish(inp.subtitle or inp.scenario.name, tr(DECK_TITLE))


SLIDES = {"capacity": _capacity_slide, "power": _power_slide, "unit-economics": _unit_economics_slide,
          "serving": _serving_slide, "cost": _cost_slide, "cumulative": _cumulative_slide, "tornado": _tornado_slide}


def write_slides(path: str | Path, inp: ChartInput, plain: bool = False, now: _dt.datetime | None = None) -> Path:
    """Write the deck of ``inp`` to ``path`` (a .pptx): checked first, built in memory, then written
    in one step (a failure leaves the target as it was, and no partial file)."""
    return write_deck(path, lambda: deck_bytes(inp, plain, now))


def write_deck(path: str | Path, build) -> Path:
    """Write the deck ``build()`` returns (bytes) to ``path`` (a .pptx): the name and the target are
    checked before the work of building it, then the file is written in one step."""
    if not str(path).strip():
        raise OutputError(tr("no output file given"))
    path = Path(path)
    if path.is_dir():
        check_writable_target(path)  # 'it is a folder'
    if path.suffix.lower() != ".pptx":
        raise OutputError(tr("{name}: slides are a PowerPoint file; use a .pptx name").format(
            name=shown_path(path.name)))
    check_writable_target(path)  # before the work of building it
    atomic_write_bytes(path, build())
    return path
