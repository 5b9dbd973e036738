"""Japanese number conventions, as a table of cases: 万/億/兆, yen at a stated rate, 百万円, ▲, counts,
fiscal years, and Japanese figures typed into a box."""

import numpy as np
import pytest

from explorer.formatting import (exchange_rate_note, ja_compact, ja_count, ja_signed, millions_of_yen,
                                 parse_number, yen)
from explorer.months import fiscal_year, fiscal_year_label, month_index


@pytest.mark.parametrize("x, text", [
    (5.776e12, "5.78兆"), (5.8e12, "5.8兆"), (3.8e11, "3,800億"), (1.23e9, "12.3億"), (2e5, "20万"),
    (14_600_000, "1,460万"), (9_500, "9,500"), (0, "0"), (-3.8e11, "-3,800億"), (2.5e16, "25,000兆"),
    (float("nan"), "–"),
])
def test_ja_compact(x, text):
    assert ja_compact(x) == text


@pytest.mark.parametrize("usd, rate, text", [
    (38e9, 152, "5.78兆円"), (38e9, 150, "5.7兆円"), (2.5e9, 152, "3,800億円"), (3.35, 152, "509円"),
    (0.0008, 152, "0.122円"), (float("inf"), 152, "–"),
])
def test_yen_at_a_stated_rate(usd, rate, text):
    assert yen(usd, rate) == text


def test_the_rate_is_stated_once_in_japanese():
    assert exchange_rate_note(152, "2025-11-04") == "1ドル=152円（2025-11-04）"
    assert exchange_rate_note(153.62, "2025-11-04") == "1ドル=153.62円（2025-11-04）"


@pytest.mark.parametrize("usd, text", [(38e9, "5,776,000"), (-1e6, "▲152"), (0, "0")])
def test_millions_of_yen_table_cells(usd, text):
    assert millions_of_yen(usd, 152) == text


@pytest.mark.parametrize("x, text", [(200_000, "20万基"), (1_500, "1,500基"), (14_600_000, "1,460万基"),
                                     (15_000, "1.5万基"), (2e8, "2億基")])
def test_counts(x, text):
    assert ja_count(x, "基") == text


@pytest.mark.parametrize("value, text", [(3.14, "+3.1%"), (-2.0, "▲2.0%"), (0.0, "0%"), (-0.01, "0%")])
def test_changes_use_the_triangle_for_negatives(value, text):
    assert ja_signed(value, "%") == text


@pytest.mark.parametrize("typed, value", [("20万", 2e5), ("3,800億", 3.8e11), ("5.8兆", 5.8e12), ("▲5", -5),
                                          ("152円", 152), ("3800億円", 3.8e11), ("１２万", 1.2e5), ("20万台", None)])
def test_japanese_figures_typed_into_a_box(typed, value):
    """(Full-width digits, as a Japanese input method types them, are digits.)"""
    if value is None:
        with pytest.raises(ValueError):
            parse_number(typed)
        return
    assert parse_number(typed) == pytest.approx(value)


@pytest.mark.parametrize("month, year", [("2025-03", 2024), ("2025-04", 2025), ("2026-03", 2025), ("2026-12", 2026)])
def test_fiscal_years_run_april_to_march(month, year):
    assert fiscal_year(month_index(month)) == year
    assert fiscal_year_label(year) == f"{year}年度"


def test_fiscal_year_of_many_months_at_once():
    months = np.arange(month_index("2025-01"), month_index("2025-01") + 24)
    years = fiscal_year(months)
    assert list(np.unique(years, return_counts=True)[1]) == [3, 12, 9]


# ------------------------------------------------------------ money in the language and currency shown
@pytest.mark.parametrize("language, code, amount, text", [
    ("en", "USD", 38e9, "USD 38.0B"), ("en", "USD", 3.35, "USD 3.35"),
    ("en", "JPY", 38e9, "JPY 5.84T"), ("en", "JPY", 3.35, "JPY 515"),
    ("ja", "USD", 38e9, "380億ドル"), ("ja", "USD", 3.35, "3.35ドル"), ("ja", "USD", 3e11, "3,000億ドル"),
    ("ja", "JPY", 38e9, "5.84兆円"), ("ja", "JPY", 3.35, "515円"), ("ja", "JPY", 2.5e9, "3,840億円"),
])
def test_money_in_each_language_and_currency(language, code, amount, text):
    from explorer import formatting, i18n

    i18n.set_language(language)
    formatting.set_currency(formatting.Currency(code))  # the default rate: 153.67 yen per dollar
    assert formatting.money(amount) == text


@pytest.mark.parametrize("language, code, note", [
    ("ja", "JPY", "1ドル=153.67円（2025-11-04）"), ("en", "JPY", "USD 1 = JPY 153.67 (2025-11-04)"), ("ja", "USD", "")])
def test_every_yen_figure_set_can_state_its_rate(language, code, note):
    from explorer import formatting, i18n

    i18n.set_language(language)
    formatting.set_currency(formatting.Currency(code))
    assert formatting.currency().rate_note() == note


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_built_in_rates_source_is_shown_in_the_language_and_ones_own_as_typed(language):
    from explorer import formatting, i18n

    i18n.set_language(language)
    built_in = formatting.Currency("JPY")
    own = formatting.Currency("JPY", 150.0, "2026-01-05", "my bank's rate")
    assert ("ニューヨーク終値" in built_in.shown_source) == (language == "ja")
    assert "news.livedoor.com/topics/detail/29921653" in built_in.shown_source  # the address, in both
    assert built_in.source == formatting.DEFAULT_RATE_SOURCE  # (what is saved stays the same)
    assert own.shown_source == "my bank's rate"


def test_kpis_follow_the_currency_the_language_and_the_japanese_sign():
    from explorer import formatting, i18n
    from explorer.kpis import KPIS

    cost, gpus = KPIS["cost_total_usd"], KPIS["gpus_peak"]
    i18n.set_language("ja")
    formatting.set_currency(formatting.Currency("JPY", millions_in_tables=True))
    assert cost.format(38e9) == "5.84兆円" and cost.unit == "百万円" and formatting.money_cell(38e9) == 5_839_460
    assert gpus.format(200_000) == "20万"
    assert cost.delta(30e9, 38e9) == "▲1.23兆"  # ▲ is minus in Japanese tables
    assert cost.change(30e9, 38e9)[0] == "保存時比 ▲21.1%"
    i18n.set_language("en")
    formatting.set_currency(formatting.Currency())
    assert cost.format(38e9) == "USD 38.0B" and cost.unit == "USD" and cost.change(30e9, 38e9)[0] == "▼ 21.1% vs saved"


def test_a_rate_outside_reason_is_refused():
    from explorer.formatting import Currency

    for bad in (0.0, -1.0, float("nan"), 1e6):
        with pytest.raises(ValueError):
            Currency("JPY", bad)
    with pytest.raises(ValueError):
        Currency("EUR")


def test_the_command_line_shows_yen_at_a_stated_rate_and_json_stays_in_usd(capsys):
    import json

    from explorer.cli import run

    assert run(["summary", "openai-aws-deal", "--currency", "JPY"]) == 0
    text = capsys.readouterr().out
    assert "JPY 6.990T" in text and "USD 1 = JPY 153.67 (2025-11-04)" in text and "USD 45" not in text
    assert run(["summary", "openai-aws-deal", "--jpy-per-usd", "150", "--rate-date", "2025-11-03", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cost_total_usd"] == pytest.approx(45.49e9, rel=1e-3)
    for bad in (["--jpy-per-usd", "0"], ["--rate-date", "nov"], ["--currency", "USD", "--jpy-per-usd", "150"]):
        assert run(["summary", "openai-aws-deal", *bad]) == 2
        assert "error:" in capsys.readouterr().err


@pytest.mark.parametrize("key, value, base, text", [
    ("energy_total_gwh", 19_230, 21_740, "−2.51 TWh"), ("compute_peak_eflops_bf16", 750, 500, "+250 EFLOP/s"),
    ("facility_power_peak_mw", 606, 651, "−45.0 MW"), ("gpus_peak", 2e5, 1.5e5, "+50.0k")])
def test_a_change_in_a_quantity_with_a_unit_carries_the_unit(key, value, base, text):
    """(The comparison table and the slides write 'Δ −2.51 TWh', never a bare '−2.51k'.)"""
    from explorer.kpis import KPIS

    assert KPIS[key].delta(value, base) == text
