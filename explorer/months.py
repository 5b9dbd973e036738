"""Months written 'YYYY-MM', as used by scenario files, and their arithmetic."""

from __future__ import annotations

import re

from .i18n import is_japanese

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
FIRST_YEAR, LAST_YEAR = 2000, 2100


def is_month(text) -> bool:
    """A valid 'YYYY-MM' between 2000-01 and 2100-12."""
    m = MONTH_RE.match(text) if isinstance(text, str) else None
    return bool(m) and 1 <= int(m.group(2)) <= 12 and FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR


def month_index(text: str) -> int:
    """'YYYY-MM' as months since year 0 (for differences)."""
    m = MONTH_RE.match(text)
    assert m, text
    return int(m.group(1)) * 12 + int(m.group(2)) - 1


def month_text(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


LAST_MONTH = month_index(f"{LAST_YEAR}-12")


MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(index: int) -> str:
    """'Dec 2026' for a month index (as the window writes months); '2026年12月' in Japanese."""
    year, month = divmod(index, 12)
    if is_japanese():
        return f"{year}年{month + 1}月"
    return f"{MONTH_NAMES[month]} {year}"


FISCAL_YEAR_START_MONTH = 4  # Japan's 年度: April to March (FY2025 = 2025-04 … 2026-03)


def fiscal_year(index) -> "int | object":
    """The Japanese fiscal year (年度) of month index(es): April 2025 … March 2026 are 2025. Works on
    NumPy arrays of month indices too (integer division)."""
    return (index - (FISCAL_YEAR_START_MONTH - 1)) // 12


def fiscal_year_label(year: int) -> str:
    """'2025年度' (the fiscal year that starts in April 2025)."""
    return f"{year}年度"
