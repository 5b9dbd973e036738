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
