"""Translations: the interface in English or Japanese, from one Qt Linguist source per language.

The design (docs/i18n.md says how a translator adds a string):

- Every user-visible English string in ``explorer/`` and ``ui/`` is written ``tr("Text")`` (a
  template with named fields is ``tr("Exceeds the contract in {month}").format(month=m)``: the
  translator sees ``{month}`` and may move it). Strings that live in tables (the action table, a
  dictionary of labels) are marked ``QT_TR_NOOP("Text")`` where they are written and passed
  through ``tr`` where they are shown. Where one English word needs two Japanese ones, the
  second argument tells them apart: ``tr("Power", "chart title")``.
- The data the app ships (assumption labels and descriptions, KPI labels, preset names and
  descriptions) is listed for extraction by ``packaging/i18n.py`` from the tables themselves.
- ``pyside6-lupdate`` (shipped with PySide6-Essentials) extracts all of them into
  ``assets/i18n/ja.ts``, the Qt Linguist file a translator edits (``python3 dev.py i18n``).
  A test fails when a string has no translation or when the file is stale.
- At run time the command line (which must not load Qt) and the window read the same ``.ts``
  file through this module, so both speak the same words; the window also loads Qt's own
  translations (Save, Discard, Cancel, the file dialogs) from PySide6's ``qtbase_ja.qm``.

The language is process-wide state: ``set_language("ja")``; English is the source and needs no file.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from pathlib import Path

LANGUAGES = {"en": "English", "ja": "日本語"}  # code -> the language's own name (as the menu shows it)
DEFAULT_LANGUAGE = "en"

_language = DEFAULT_LANGUAGE
_table: dict[tuple[str, str], str] = {}


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks a string for extraction where it is written; ``tr`` translates it where it is shown."""
    return text


def tr(text: str, disambiguation: str | None = None) -> str:
    """``text`` in the current language (itself when English, or when it has no translation)."""
    if not _table:
        return text
    return _table.get((text, disambiguation or ""), text)


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """Qt's signature, for code that names a context; this app keeps one context ("")."""
    return tr(text, disambiguation)


def language() -> str:
    return _language


def is_japanese() -> bool:
    return _language == "ja"


def set_language(code: str) -> str:
    """Switch every later ``tr`` to ``code`` ('en' or 'ja'; anything else is English). Returns the
    language now in use."""
    global _language, _table
    code = code if code in LANGUAGES else DEFAULT_LANGUAGE
    _table = dict(load_ts(ts_path(code))) if code != DEFAULT_LANGUAGE else {}
    _language = code
    return code


def ts_path(code: str) -> Path:
    from .paths import assets_dir

    return assets_dir() / "i18n" / f"{code}.ts"


@lru_cache(maxsize=4)
def load_ts(path: Path) -> tuple[tuple[tuple[str, str], str], ...]:
    """The finished translations of a Qt Linguist file: ((source, disambiguation), translation).
    Unfinished, obsolete and vanished entries are skipped (they show in English). A missing or
    unreadable file gives no translations (the app stays usable in English)."""
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError):
        return ()
    out = []
    for message in root.iter("message"):
        source = message.findtext("source")
        node = message.find("translation")
        if source is None or node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        text = node.text or ""
        if text:
            out.append(((source, message.findtext("comment") or ""), text))
    return tuple(out)


def system_language(environ: dict | None = None) -> str:
    """The language of the system locale, as the command line sees it (LC_ALL, LC_MESSAGES, LANG,
    LANGUAGE): 'ja' for ja_JP.UTF-8, else 'en'. (The window asks Qt's QLocale instead.)"""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"
