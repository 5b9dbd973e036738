"""The window's language, currency and fonts: what explorer.i18n and explorer.formatting need from Qt.

- ``install_language(code)``: our strings (explorer.i18n, read from assets/i18n/<code>.ts), Qt's own
  (Save, Discard, Cancel, the file dialogs: PySide6's qtbase_<code>.qm) and the fonts.
- ``install_fonts()``: the Noto Sans CJK JP subset shipped in assets/fonts, so Japanese renders on a
  machine without Japanese fonts (a fresh Linux) and in every export; in Japanese it is the interface
  font, in English the fallback for Japanese text (a scenario named in Japanese). It is registered
  under a family name of its own (CJK_FAMILY): a machine with the full Noto Sans CJK installed
  (Linux's fonts-noto-cjk) has a font of the same family, which Qt then took. That font maps the
  Kangxi radicals to the kanji's own glyphs, and a PDF's text (what is copied or searched) names a
  glyph by its lowest character: the Japanese report read ⽉ for 月 and ⼒ for 力.
- ``currency_from_settings`` / ``save_currency``: the currency shown and its dated exchange rate.
"""

from __future__ import annotations

import logging
import math
import struct

from PySide6.QtCore import QByteArray, QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from explorer import formatting as fmt
from explorer import i18n
from explorer.paths import assets_dir

log = logging.getLogger("scenario_explorer")

FONT_FAMILY = "Noto Sans CJK JP"  # the shipped files' family ...
CJK_FAMILY = "Noto Sans CJK JP Explorer"  # ... and the one they are registered under
FONT_FILES = ("NotoSansCJKjp-Regular.otf", "NotoSansCJKjp-Bold.otf")
_NAME_IDS = (1, 4, 16, 21)  # family, full name, typographic family, WWS family
LANGUAGE_KEY = "ui/language"

_fonts_installed: bool | None = None
_qt_translators: list[QTranslator] = []
_base_font: QFont | None = None


def renamed_font(data: bytes, old: str = FONT_FAMILY, new: str = CJK_FAMILY) -> bytes:
    """An OpenType font's bytes with ``old`` replaced by ``new`` in its family and full names (the
    'name' table written anew at the end of the file, its directory entry pointed there; every other
    table stays where it is). Raises ValueError on a file that is not an OpenType font."""
    if len(data) < 12 or data[:4] not in (b"OTTO", b"\x00\x01\x00\x00", b"true"):
        raise ValueError("not an OpenType font")
    (count,) = struct.unpack_from(">H", data, 4)
    entry = next((12 + 16 * i for i in range(count) if data[12 + 16 * i:16 + 16 * i] == b"name"), None)
    if entry is None:
        raise ValueError("the font has no name table")
    _, start, length = struct.unpack_from(">III", data, entry + 4)
    table = data[start:start + length]
    fmt_, n, storage = struct.unpack_from(">HHH", table, 0)
    records = []
    for i in range(n):
        platform, encoding, language, name_id, size, offset = struct.unpack_from(">6H", table, 6 + 12 * i)
        raw = table[storage + offset:storage + offset + size]
        if name_id in _NAME_IDS:
            codec = "mac_roman" if platform == 1 else "utf-16-be"
            raw = raw.decode(codec).replace(old, new).encode(codec)
        records.append((platform, encoding, language, name_id, raw))
    tags = table[6 + 12 * n:storage] if fmt_ == 1 else b""  # (format 1: language tags, kept)
    head = struct.pack(">HHH", fmt_, n, 6 + 12 * n + len(tags))
    strings, out = b"", []
    for platform, encoding, language, name_id, raw in records:
        out.append(struct.pack(">6H", platform, encoding, language, name_id, len(raw), len(strings)))
        strings += raw
    new_table = head + b"".join(out) + tags + strings
    body = data + b"\x00" * (-len(data) % 4)
    padded = new_table + b"\x00" * (-len(new_table) % 4)
    checksum = sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF
    directory = struct.pack(">III", checksum, len(body), len(new_table))
    return body[:entry + 4] + directory + body[entry + 16:] + padded


def install_fonts() -> bool:
    """Register the shipped Japanese font with Qt (once), under CJK_FAMILY. False when it cannot be
    read (then Qt's own fallback fonts are used)."""
    global _fonts_installed
    if _fonts_installed is None:
        ok = True
        for name in FONT_FILES:
            path = assets_dir() / "fonts" / name
            try:
                font = QFontDatabase.addApplicationFontFromData(QByteArray(renamed_font(path.read_bytes())))
            except (OSError, ValueError, struct.error, UnicodeError) as exc:
                log.warning("the Japanese font %s could not be read: %s", path, exc)
                font = -1
            if font < 0 or CJK_FAMILY not in QFontDatabase.applicationFontFamilies(font):
                log.warning("the Japanese font %s could not be loaded", path)
                ok = False
        _fonts_installed = ok
    return _fonts_installed


def interface_font(code: str) -> QFont:
    """The application font for a language: the platform's font with Noto Sans CJK JP behind it in
    English; Noto Sans CJK JP first in Japanese (so the window, the charts and every export agree)."""
    global _base_font
    if _base_font is None:
        _base_font = QFont(QGuiApplication.font())
    font = QFont(_base_font)
    # the family the platform's font really is ('Sans Serif' is an alias: beside a real family, Qt
    # would take the real one, and English would be drawn in the Japanese font)
    base = [f for f in [QFontInfo(_base_font).family()] if f and f != CJK_FAMILY]
    font.setFamilies([CJK_FAMILY, *base] if code == "ja" else [*base, CJK_FAMILY])
    return font


def system_language() -> str:
    """'ja' when the system's locale (or its first UI language) is Japanese, else 'en'."""
    locale = QLocale.system()
    names = [locale.name(), *locale.uiLanguages()]
    return "ja" if any(n.lower().startswith("ja") for n in names[:2]) else "en"


def chosen_language(settings) -> str:
    """The language remembered in the settings, else the system's (on the first start)."""
    value = settings.value(LANGUAGE_KEY, "") if settings is not None else ""
    return value if value in i18n.LANGUAGES else system_language()


def install_language(code: str) -> str:
    """Switch the process to ``code``: our strings, Qt's own and the interface font. Returns the
    language in use. Windows built before keep their words until rebuilt (ui.app switches live by
    rebuilding the window around the same document)."""
    code = i18n.set_language(code)
    app = QCoreApplication.instance()
    for old in _qt_translators:
        QCoreApplication.removeTranslator(old)
    _qt_translators.clear()
    if code != i18n.DEFAULT_LANGUAGE and app is not None:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in ("qtbase", "qt"):
            translator = QTranslator(app)
            if translator.load(f"{name}_{code}", folder):
                QCoreApplication.installTranslator(translator)
                _qt_translators.append(translator)
                break  # qtbase_ja holds the widgets' strings; qt_ja is the older meta-catalogue
        else:
            log.warning("Qt's own %s translations were not found in %s", code, folder)
    if isinstance(app, QGuiApplication):
        install_fonts()
        app.setFont(interface_font(code))
    return code


# ----------------------------------------------------------------------------------- currency
CURRENCY_KEYS = {"code": "display/currency", "rate": "display/jpy_per_usd", "date": "display/rate_date",
                 "source": "display/rate_source", "millions": "display/millions_in_tables"}


def currency_from_settings(settings) -> fmt.Currency:
    """The currency remembered in the settings; the defaults (USD; the dated public rate) where a
    value is missing or unusable."""
    default = fmt.Currency()
    if settings is None:
        return default
    code = settings.value(CURRENCY_KEYS["code"], default.code)
    try:
        rate = float(settings.value(CURRENCY_KEYS["rate"], default.jpy_per_usd))
    except (TypeError, ValueError):
        rate = default.jpy_per_usd
    date = str(settings.value(CURRENCY_KEYS["date"], default.as_of) or default.as_of)
    source = str(settings.value(CURRENCY_KEYS["source"], default.source) or "")
    millions = str(settings.value(CURRENCY_KEYS["millions"], "false")).lower() in ("true", "1")
    try:
        return fmt.Currency(code if code in fmt.CURRENCIES else "USD",
                            rate if math.isfinite(rate) else default.jpy_per_usd, date[:40], source[:500], millions)
    except ValueError:
        log.warning("the saved currency settings are not usable; using USD")
        return default


def save_currency(settings, currency: fmt.Currency) -> None:
    settings.set_value(CURRENCY_KEYS["code"], currency.code)
    settings.set_value(CURRENCY_KEYS["rate"], repr(currency.jpy_per_usd))
    settings.set_value(CURRENCY_KEYS["date"], currency.as_of)
    settings.set_value(CURRENCY_KEYS["source"], currency.source)
    settings.set_value(CURRENCY_KEYS["millions"], "true" if currency.millions_in_tables else "false")
