"""View ▸ Language (live, remembered, the system's on the first start) and the currency shown (USD or
yen at a stated, dated rate)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from explorer import formatting as fmt
from explorer.i18n import language
from explorer.scenario import Scenario
from support.dialogs import ScriptedDialogs
from ui.app import start_window
from ui.language import LANGUAGE_KEY, install_language
from ui.main_window import MainWindow


@pytest.fixture
def english_after():
    yield
    install_language("en")


def _open(qtbot, settings, dialogs=None) -> MainWindow:
    win = start_window(settings=settings, dialogs=dialogs or ScriptedDialogs())
    qtbot.addWidget(win)
    win.show()
    win.flush()
    return win


def _close(win) -> None:
    win.dialogs.answers = ["discard"] * 5
    win.close()


def test_switching_to_japanese_is_immediate_keeps_the_work_and_is_remembered(qtbot, settings, english_after):
    win = _open(qtbot, settings)
    win.document.edit({"gpu_count": 123_000})
    win.document.edit({"pue": 1.3})
    assert win.menus["&File"].title() == "&File"
    win.language_actions["ja"].trigger()  # View ▸ Language ▸ 日本語
    new = win._replaced_by
    qtbot.addWidget(new)
    new.flush()
    assert language() == "ja" and settings.value(LANGUAGE_KEY) == "ja"
    assert new.menus["&File"].title() == "ファイル(&F)" and new.menus["&View"].title() == "表示(&V)"
    assert new.isVisible() and not win.isVisible()
    # the same work: scenario, unsaved state and the whole undo history
    assert new.document is win.document and new.document.scenario.gpu_count == 123_000
    assert new.document.modified and new.document.undo_stack.count() == 2
    assert new.kpis.cards["cost_total_usd"].value.text().endswith("ドル")  # 億ドル: Japanese figures
    new.actions["undo"].trigger()
    assert new.document.scenario.pue != 1.3 and new.document.scenario.gpu_count == 123_000
    # Qt's own words follow: the standard buttons of a question
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    assert {b.text() for b in box.buttons()} == {"保存", "キャンセル"}
    back = new.set_language("en")
    qtbot.addWidget(back)
    assert back.menus["&File"].title() == "&File" and back.document.undo_stack.count() == 2
    _close(back)


def test_the_first_start_follows_a_japanese_system_and_later_starts_the_choice(qtbot, settings, monkeypatch,
                                                                               english_after):
    import ui.language

    monkeypatch.setattr(ui.language, "system_language", lambda: "ja")
    win = _open(qtbot, settings)
    assert language() == "ja" and win.menus["&Edit"].title() == "編集(&E)"
    assert win.document.scenario.name != Scenario().name  # the announced deal, named in Japanese
    _close(win)
    settings.set_value(LANGUAGE_KEY, "en")  # chosen once: the system no longer decides
    win = _open(qtbot, settings)
    assert language() == "en" and win.menus["&Edit"].title() == "&Edit"
    _close(win)


def test_yen_figures_state_their_rate_once_and_charts_follow(qtbot, settings):
    dialogs = ScriptedDialogs()
    win = _open(qtbot, settings, dialogs)
    assert not win.rate_action.isVisible()
    dialogs.currencies = [fmt.Currency("JPY", 150.0, "2025-11-04", "a test rate")]
    win.actions["currency"].trigger()
    win.flush()
    assert win.rate_action.isVisible() and win.rate_label.text() == "USD 1 = JPY 150 (2025-11-04)"
    assert win.kpis.cards["cost_total_usd"].value.text().startswith("JPY ")
    assert "JPY" in win.charts["cost"].plot.getAxis("left").labelText
    assert settings.value("display/currency") == "JPY"
    dialogs.currencies = [None]  # cancelled: nothing changes
    win.actions["currency"].trigger()
    assert fmt.currency().jpy_per_usd == 150.0
    _close(win)
    win = _open(qtbot, settings, ScriptedDialogs())  # remembered
    assert fmt.currency().is_yen and fmt.currency().jpy_per_usd == 150.0
    _close(win)


def test_the_currency_dialog_takes_typed_input_and_refuses_a_bad_date(qtbot):
    from PySide6.QtTest import QTest

    from ui.dialogs.currency_dialog import CurrencyDialog

    dialog = CurrencyDialog(fmt.Currency())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.jpy, Qt.MouseButton.LeftButton)
    dialog.rate.lineEdit().selectAll()
    QTest.keyClicks(dialog.rate.lineEdit(), "148.5")
    dialog.date.selectAll()
    QTest.keyClicks(dialog.date, "4 Nov")
    assert not dialog.ok.isEnabled() and "YYYY-MM-DD" in dialog.problem.text()
    dialog.date.selectAll()
    QTest.keyClicks(dialog.date, "2025-12-01")
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    chosen = dialog.result_currency
    assert chosen.code == "JPY" and chosen.jpy_per_usd == pytest.approx(148.5) and chosen.as_of == "2025-12-01"


def test_the_currency_dialog_shows_the_built_in_source_in_japanese_and_keeps_it_built_in(japanese, qtbot):
    from ui.dialogs.currency_dialog import CurrencyDialog

    dialog = CurrencyDialog(fmt.Currency("JPY"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "ニューヨーク終値" in dialog.source.text()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result_currency.source == fmt.DEFAULT_RATE_SOURCE  # saved as the built-in one (English in English)
    typed = CurrencyDialog(fmt.Currency("JPY"))
    qtbot.addWidget(typed)
    typed.show()
    typed.source.selectAll()
    qtbot.keyClicks(typed.source, "my bank's rate")
    qtbot.mouseClick(typed.ok, Qt.MouseButton.LeftButton)
    assert typed.result_currency.source == "my bank's rate"


def test_damaged_currency_settings_fall_back_to_the_default(settings):
    from ui.language import currency_from_settings

    settings.set_value("display/currency", "EUR")
    settings.set_value("display/jpy_per_usd", "not a number")
    assert currency_from_settings(settings) == fmt.Currency()
    settings.set_value("display/currency", "JPY")
    settings.set_value("display/jpy_per_usd", "-3")
    assert currency_from_settings(settings) == fmt.Currency()


def test_a_message_box_in_japanese_uses_japanese_buttons(qapp, japanese):
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard)
    assert {b.text() for b in box.buttons()} == {"保存", "変更を破棄"}


def test_view_fiscal_years_regroups_the_energy_bars_and_is_remembered(qtbot, settings):
    win = _open(qtbot, settings)
    win.actions["fiscal_years"].trigger()
    win.flush()
    assert win.display.view.fiscal_years and win.actions["fiscal_years"].isChecked()
    _close(win)
    win = _open(qtbot, settings)
    assert win.display.view.fiscal_years and win.actions["fiscal_years"].isChecked()
    _close(win)


@pytest.mark.parametrize("code", ["en", "ja"])
def test_no_two_entries_of_a_menu_share_a_mnemonic(qtbot, settings, english_after, code):
    import re

    install_language(code)
    win = _open(qtbot, settings)
    for path, menu in win.menus.items():
        keys = [m.group(1).lower() for a in menu.actions() if not a.isSeparator()
                for m in [re.search(r"&([^&\s])", a.text())] if m]
        assert len(keys) == len(set(keys)), (code, path, [a.text() for a in menu.actions()])
    _close(win)


def test_the_shipped_font_is_registered_under_a_family_of_its_own(qapp):
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QFont, QRawFont

    from explorer.paths import assets_dir
    from ui.language import CJK_FAMILY, FONT_FAMILY, install_fonts, interface_font, renamed_font

    data = (assets_dir() / "fonts" / "NotoSansCJKjp-Regular.otf").read_bytes()
    original, renamed = QRawFont(QByteArray(data), 12), QRawFont(QByteArray(renamed_font(data)), 12)
    assert (original.familyName(), renamed.familyName()) == (FONT_FAMILY, CJK_FAMILY)
    for table in ("cmap", "CFF ", "hmtx", "OS/2"):  # only the names differ
        assert renamed.fontTable(table) == original.fontTable(table) and original.fontTable(table)
    assert renamed.glyphIndexesForString("月力・") == original.glyphIndexesForString("月力・")
    with pytest.raises(ValueError, match="not an OpenType font"):
        renamed_font(b"%PDF-1.4 not a font")
    assert install_fonts()
    font = QFont(interface_font("ja"))
    font.setFamilies(font.families()[:1])
    assert QRawFont.fromFont(font).familyName() == CJK_FAMILY  # the shipped file, whatever else is installed


def _tables(font: bytes) -> dict:
    import struct

    (count,) = struct.unpack_from(">H", font, 4)
    return {font[12 + 16 * i:16 + 16 * i]: struct.unpack_from(">III", font, 16 + 16 * i) for i in range(count)}


def _checksum(block: bytes) -> int:
    import struct

    block += b"\0" * (-len(block) % 4)
    return sum(struct.unpack(f">{len(block) // 4}I", block)) & 0xFFFFFFFF


def _name_table(records, tags=()) -> bytes:
    """A name table of ``records`` ((platform, encoding, language, name ID, bytes)), version 1 with
    ``tags`` (language-tag strings) when there are any."""
    import struct

    strings, out = b"", []
    for *ids, raw in records:
        out.append(struct.pack(">6H", *ids, len(raw), len(strings)))
        strings += raw
    tail = b""
    if tags:
        tail = struct.pack(">H", len(tags))
        for tag in tags:
            tail += struct.pack(">HH", len(tag.encode("utf-16-be")), len(strings))
            strings += tag.encode("utf-16-be")
    return struct.pack(">HHH", 1 if tags else 0, len(records), 6 + 12 * len(records) + len(tail)) + \
        b"".join(out) + tail + strings


def _names(font: bytes) -> tuple[list, list]:
    import struct

    _, start, length = _tables(font)[b"name"]
    table = font[start:start + length]
    version, n, storage = struct.unpack_from(">HHH", table)
    records = []
    for i in range(n):
        *ids, size, offset = struct.unpack_from(">6H", table, 6 + 12 * i)
        records.append((*ids, table[storage + offset:storage + offset + size]))
    tags = []
    if version == 1:
        (count,) = struct.unpack_from(">H", table, 6 + 12 * n)
        for k in range(count):
            size, offset = struct.unpack_from(">HH", table, 8 + 12 * n + 4 * k)
            tags.append(table[storage + offset:storage + offset + size].decode("utf-16-be"))
    return records, tags


def test_a_renamed_font_keeps_every_checksum_its_language_tags_and_names_it_cannot_read():
    import struct

    from explorer.paths import assets_dir
    from ui.language import renamed_font

    data = (assets_dir() / "fonts" / "NotoSansCJKjp-Regular.otf").read_bytes()
    font = renamed_font(data)
    tables = _tables(font)
    for tag, (checksum, start, length) in tables.items():  # every table's checksum (head's with its field zeroed)
        block = font[start:start + length]
        if tag == b"head":
            block = block[:8] + b"\0\0\0\0" + block[12:]
        assert _checksum(block) == checksum, tag
    head = tables[b"head"][1]
    adjustment = struct.unpack_from(">I", font, head + 8)[0]
    zeroed = font[:head + 8] + b"\0\0\0\0" + font[head + 12:]
    assert (0xB1B0AFBA - _checksum(zeroed)) & 0xFFFFFFFF == adjustment  # the whole font's checksum
    assert {k: v for k, v in tables.items() if k != b"name"} == \
        {k: v for k, v in _tables(data).items() if k != b"name"}  # every other table where it was

    def with_names(table: bytes) -> bytes:  # the shipped font with another name table
        entry = 12 + 16 * list(_tables(data)).index(b"name")
        body = data + b"\0" * (-len(data) % 4)
        return body[:entry + 4] + struct.pack(">III", 0, len(body), len(table)) + body[entry + 16:] + table

    u16 = lambda text: text.encode("utf-16-be")  # noqa: E731
    records = [(3, 1, 0x409, 1, u16("Noto Sans CJK JP")), (3, 1, 0x409, 2, u16("Regular")),
               (1, 0, 0, 1, b"Noto Sans CJK JP"), (3, 1, 0x8000, 4, u16("Noto Sans CJK JP") + b"\0")]
    names, tags = _names(renamed_font(with_names(_name_table(records, tags=("ja-Jpan", "en")))))
    assert tags == ["ja-Jpan", "en"]  # a version 1 table's language tags kept
    assert [r[4] for r in names] == [u16("Noto Sans CJK JP Explorer"), u16("Regular"), b"Noto Sans CJK JP Explorer",
                                     u16("Noto Sans CJK JP") + b"\0"]  # (an odd-length name left as it was)


def test_english_leaves_out_a_system_font_of_the_shipped_ones_name(qapp, monkeypatch):
    from PySide6.QtGui import QFont

    import ui.language as language

    monkeypatch.setattr(language, "_base_font", QFont(language.FONT_FAMILY))  # a Japanese Linux's default font
    monkeypatch.setattr(language, "QFontInfo", lambda font: type("Info", (), {"family": lambda self: font.family()})())
    assert language.interface_font("en").families() == [language.CJK_FAMILY]
    assert language.interface_font("ja").families() == [language.CJK_FAMILY]
