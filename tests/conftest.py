"""Shared test set-up: Qt runs offscreen, and nothing touches the user's real settings or files."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# The tests read English unless they switch the language themselves: a Japanese system locale
# (which the app follows on the first start) must not change what they see.
os.environ["LC_ALL"] = "C.UTF-8"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings as _hypothesis_settings  # noqa: E402

# Hypothesis keeps no example database: tests write nothing into the repository.
_hypothesis_settings.register_profile("project", database=None)
_hypothesis_settings.load_profile("project")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Point HOME and the XDG folders at a temporary directory for every test, so no test can read or
    write the user's real configuration (Qt's QSettings and QStandardPaths follow these)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("APPDATA", str(home / "AppData" / "Roaming"))
    monkeypatch.setenv("LOCALAPPDATA", str(home / "AppData" / "Local"))
    yield home


@pytest.fixture(autouse=True)
def _english_in_usd():
    """Language and currency are process-wide: every test starts, and leaves, in English and USD."""
    from explorer import formatting, i18n

    i18n.set_language("en")
    formatting.set_currency(formatting.Currency())
    yield
    i18n.set_language("en")
    formatting.set_currency(formatting.Currency())
