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


def model_doc_path() -> Path:
    """docs/model.md (every equation, default and source): in the checkout, and shipped in the bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "docs" / "model.md"
    return Path(__file__).resolve().parent.parent / "docs" / "model.md"
