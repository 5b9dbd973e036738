"""Where the shipped data lives, from a checkout and from a frozen (PyInstaller) bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def assets_dir() -> Path:
    """The ``assets/`` folder: next to the packages in a checkout, under ``sys._MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def catalog_path() -> Path:
    return assets_dir() / "catalog" / "chips.csv"


def presets_dir() -> Path:
    return assets_dir() / "presets"


def portfolios_dir() -> Path:
    """The shipped portfolios (explorer.portfolio.list_portfolios)."""
    return assets_dir() / "portfolios"


def model_doc_path(language: str = "en") -> Path:
    """docs/model.md (every equation, default and source): in the checkout, and shipped in the bundle;
    docs/model.ja.md, its translation, for ``language`` 'ja' where it exists."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    folder = Path(frozen_root) / "docs" if frozen_root else Path(__file__).resolve().parent.parent / "docs"
    translated = folder / f"model.{language}.md"
    return translated if language != "en" and translated.is_file() else folder / "model.md"
