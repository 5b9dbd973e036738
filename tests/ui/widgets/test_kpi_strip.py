"""The KPI strip: the catalogue's cards, their changes, narrow cards, copying a figure."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication

from explorer.catalog import builtin_catalog
from explorer.kpis import CARDS, KPIS
from explorer.model import evaluate
from explorer.scenario import Scenario
from ui.theme import LIGHT
from ui.widgets.kpi_strip import KpiCard, KpiStrip

CAT = builtin_catalog()


def test_the_strip_shows_the_catalogues_cards_and_their_change(qtbot):
    strip = KpiStrip()
    qtbot.addWidget(strip)
    base = evaluate(Scenario(), CAT).summary()
    strip.set_values(base, base, {"cost_total_usd": "120% of the contract"})
    assert list(strip.cards) == list(CARDS)
    card = strip.cards["cost_total_usd"]
    assert card.title.text() == KPIS["cost_total_usd"].label and card.value.text() == "USD 45.5B"
    assert card.delta.text() == "= as saved" and card.extra.text() == "120% of the contract"
    dearer = evaluate(Scenario(energy_price_usd_per_kwh=0.3), CAT).summary()
    strip.set_values(dearer, base, against="first slide")
    assert card.delta.text().startswith("▲") and card.delta.text().endswith("% vs first slide")
    assert card.delta_colour == LIGHT.bad  # dearer is worse
    assert len({c.height() for c in strip.cards.values()}) == 1  # every card as tall as the tallest


def test_a_narrow_card_shrinks_its_value_and_never_wraps_it(qapp):
    card = KpiCard(KPIS["compute_peak_eflops_bf16"])
    card.set_value(500.0, 500.0, LIGHT)
    assert card.value_font_for(300).pointSizeF() == card.fonts["value"].pointSizeF()  # room enough
    narrow = card.value_font_for(110)
    assert narrow.pointSizeF() < card.fonts["value"].pointSizeF()
    assert QFontMetrics(narrow).horizontalAdvance(card.value.text()) <= 110 - 2 * card.MARGIN_X
    # a narrow card may wrap its title, never its value
    assert card.needed_height(110) - card.needed_height(300) in (0, card.line_height("title"))
    card.resize(110, card.needed_height(110))
    image = QImage(card.size(), QImage.Format.Format_ARGB32)
    card.render(image)  # paints without error at that size


def test_a_card_copies_its_figure_as_text(qtbot):
    strip = KpiStrip()
    qtbot.addWidget(strip)
    base = evaluate(Scenario(), CAT).summary()
    strip.set_values(base, base)
    card = strip.cards["cost_total_usd"]
    card.actions()[0].trigger()  # its context menu's Copy
    text = QApplication.clipboard().text()
    assert text.startswith("Total cost over the term: USD 45.5B") and "as saved" in text


def test_the_tooltip_is_written_when_a_hover_asks_for_it(qtbot):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent

    strip = KpiStrip()
    qtbot.addWidget(strip)
    base = evaluate(Scenario(), CAT).summary()
    strip.set_values(evaluate(Scenario(gpu_count=300_000), CAT).summary(), base)
    card = strip.cards["facility_power_peak_mw"]
    assert card.toolTip() == ""  # nothing formatted on a slider step
    card.event(QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 5), card.mapToGlobal(QPoint(5, 5))))
    assert card.toolTip().startswith("Facility power, provisioned: 909 MW (as saved: 606 MW)")
    assert "hottest day" in card.toolTip()


def test_a_narrow_strip_puts_the_cards_in_two_rows(qtbot):
    strip = KpiStrip()
    qtbot.addWidget(strip)
    base = evaluate(Scenario(), CAT).summary()
    strip.set_values(base, base)
    strip.resize(1400, 120)
    strip.show()
    qtbot.waitExposed(strip)
    assert strip.columns == len(CARDS)
    assert len({strip.grid.getItemPosition(strip.grid.indexOf(c))[0] for c in strip.cards.values()}) == 1
    strip.resize(600, 240)  # a row of six would leave each card under NARROWEST
    QApplication.processEvents()
    assert strip.columns == (len(CARDS) + 1) // 2
    rows = [strip.grid.getItemPosition(strip.grid.indexOf(c))[0] for c in strip.cards.values()]
    assert sorted(set(rows)) == [0, 1]
    strip.resize(1400, 120)
    QApplication.processEvents()
    assert strip.columns == len(CARDS)  # and back to one row when there is room again


def _wrapped_lines(text: str, font, width: int) -> list[str]:
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines.append(text[line.textStart():line.textStart() + line.textLength()])
    layout.endLayout()
    return lines


def test_a_wrapped_japanese_line_keeps_each_figure_with_its_unit(qtbot):
    # Japanese breaks between any two characters: '1.76' at the end of one line and '億' at the start
    # of the next is what a card showed at 1366x768.
    card = KpiCard(KPIS["cost_total_usd"])
    qtbot.addWidget(card)
    text = "P10–P90 9,650万 – 1.76億 トークン/秒、推論GPU 1基あたり 1,772ドル"
    card.extra.setText(text)
    laid = dict((key, t) for key, t, _ in card._laid_out())["extra"]
    assert laid.replace("\u2060", "") == text and card.extra.text() == text  # copied and read as typed
    font = card.fonts["extra"]
    broke_plain = False
    for width in range(60, 400, 2):
        plain = _wrapped_lines(text, font, width)
        broke_plain |= any(a.rstrip()[-1:].isdigit() and b[:1] in "億万基ド" for a, b in zip(plain, plain[1:]))
        kept = _wrapped_lines(laid, font, width)
        for a, b in zip(kept, kept[1:]):
            assert not (a.rstrip()[-1:].isdigit() and b.lstrip("\u2060")[:1] in "億万基ド"), (width, kept)
            assert not (a.endswith("ド") and b.lstrip("\u2060").startswith("ル")), (width, kept)
    assert broke_plain  # (the text without joiners does break there at some width)
