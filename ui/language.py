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
    'name' table written anew at the end of the file, its directory entry pointed there, the head
    table's whole-font checksum set again; every other table stays where it is). A name that does
    not decode is kept as it is. Raises ValueError on a file that is not an OpenType font."""
    if len(data) < 12 or data[:4] not in (b"OTTO", b"\x00\x01\x00\x00", b"true"):
        raise ValueError("not an OpenType font")
    (count,) = struct.unpack_from(">H", data, 4)
    entries = {data[12 + 16 * i:16 + 16 * i]: 12 + 16 * i for i in range(count)}
    if b"name" not in entries:
        raise ValueError("the font has no name table")
    entry = entries[b"name"]
    _, start, length = struct.unpack_from(">III", data, entry + 4)
    table = data[start:start + length]
    version, n, storage = struct.unpack_from(">HHH", table, 0)

    def text(offset: int, size: int) -> bytes:
        return table[storage + offset:storage + offset + size]

    records = []
    for i in range(n):
        platform, encoding, language, name_id, size, offset = struct.unpack_from(">6H", table, 6 + 12 * i)
        raw = text(offset, size)
        if name_id in _NAME_IDS:
            codec = "mac_roman" if platform == 1 else "utf-16-be"
            try:
                raw = raw.decode(codec).replace(old, new).encode(codec)
            except UnicodeError:
                pass  # (an odd-length or broken string: left as it was)
        records.append((platform, encoding, language, name_id, raw))
    tags = []  # version 1: language-tag strings, which live in the storage area too
    if version == 1:
        (tag_count,) = struct.unpack_from(">H", table, 6 + 12 * n)
        tags = [text(*reversed(struct.unpack_from(">HH", table, 8 + 12 * n + 4 * k))) for k in range(tag_count)]
    strings, placed = bytearray(), {}

    def place(raw: bytes) -> int:  # (equal strings stored once, as fonts do: IDs 1 and 4 often are)
        if raw not in placed:
            placed[raw] = len(strings)
            strings.extend(raw)
        return placed[raw]

    out = [struct.pack(">6H", *record[:4], len(record[4]), place(record[4])) for record in records]
    tag_records = [struct.pack(">HH", len(tag), place(tag)) for tag in tags]
    header = 6 + 12 * n + ((2 + 4 * len(tags)) if version == 1 else 0)
    new_table = struct.pack(">HHH", version, n, header) + b"".join(out)
    if version == 1:
        new_table += struct.pack(">H", len(tags)) + b"".join(tag_records)
    new_table += bytes(strings)
    if len(strings) > 0xFFFF:
        raise ValueError("the font's names do not fit a name table")

    def checksum(block: bytes) -> int:
        block += b"\x00" * (-len(block) % 4)
        return sum(struct.unpack(f">{len(block) // 4}I", block)) & 0xFFFFFFFF

    body = bytearray(data + b"\x00" * (-len(data) % 4))
    body[entry + 4:entry + 16] = struct.pack(">III", checksum(new_table), len(body), len(new_table))
    body += new_table + b"\x00" * (-len(new_table) % 4)
    if b"head" in entries:  # the whole font sums to 0xB1B0AFBA with head.checkSumAdjustment
        head = struct.unpack_from(">I", body, entries[b"head"] + 8)[0]
        body[head + 8:head + 12] = b"\x00\x00\x00\x00"
        body[head + 8:head + 12] = struct.pack(">I", (0xB1B0AFBA - checksum(bytes(body))) & 0xFFFFFFFF)
    return bytes(body)


def install_fonts() -> bool:
    """Register the shipped Japanese font with Qt (once), under CJK_FAMILY; a file that cannot be
    renamed is registered as it is (its own family: CJK_FAMILY follows). False when it cannot be
    read at all (then Qt's own fallback fonts are used)."""
    global _fonts_installed, CJK_FAMILY
    if _fonts_installed is None:
        ok = True
        for name in FONT_FILES:
            path = assets_dir() / "fonts" / name
            font = -1
            try:
                font = QFontDatabase.addApplicationFontFromData(QByteArray(renamed_font(path.read_bytes())))
            except (OSError, ValueError, struct.error) as exc:
                log.warning("the Japanese font %s could not be renamed: %s", path, exc)
            if font >= 0 and CJK_FAMILY not in QFontDatabase.applicationFontFamilies(font):
                QFontDatabase.removeApplicationFont(font)
                font = -1
            if font < 0:  # as it is: drawn, though a same-named font of the system's may win over it
                font = QFontDatabase.addApplicationFont(str(path))
                if font >= 0 and QFontDatabase.applicationFontFamilies(font):
                    CJK_FAMILY = QFontDatabase.applicationFontFamilies(font)[0]
            if font < 0:
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
    # (nor the system's font of the shipped one's own name: Japanese would be drawn in it)
    base = [f for f in [QFontInfo(_base_font).family()] if f and f not in (CJK_FAMILY, FONT_FAMILY)]
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
