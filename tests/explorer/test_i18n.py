"""The translations: complete, current, faithful to their placeholders, and read the same way by the
command line and the window."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

import pytest

from explorer import i18n
from explorer.i18n import tr

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]
TS = ROOT / "assets" / "i18n" / "ja.ts"


def _messages():
    for message in ElementTree.parse(TS).getroot().iter("message"):
        node = message.find("translation")
        yield message.findtext("source") or "", message.findtext("comment") or "", node


def test_every_string_has_a_current_japanese_translation():
    """Extracts the strings of the code and the shipped data afresh (pyside6-lupdate) and fails on
    a string without a translation or a .ts file that the code has moved away from."""
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "i18n.py"), "check"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_translations_keep_their_placeholders_and_mnemonics():
    fields = re.compile(r"\{[a-z_0-9]*\}|%\([a-z_]+\)[rsd]|%[rsd]")  # ours, and argparse's own
    for source, comment, node in _messages():
        text = node.text or ""
        assert sorted(fields.findall(source)) == sorted(fields.findall(text)), (source, text)
        mnemonic = re.search(r"&(\w)", source)
        if mnemonic:
            assert f"&{mnemonic.group(1)}".lower() in text.lower(), (source, text)  # 'ファイル(&F)': the same key
        if source.endswith("…"):
            assert text.endswith("…"), (source, text)


def test_switching_language_changes_the_words_and_back():
    assert tr("Contract value") == "Contract value"
    assert i18n.set_language("ja") == "ja"
    assert tr("Contract value") == "契約総額"
    assert tr("a string nobody translated") == "a string nobody translated"  # shown as written
    assert i18n.set_language("xx") == "en" and tr("Contract value") == "Contract value"


def test_the_reader_skips_unfinished_and_survives_a_damaged_file(tmp_path):
    path = tmp_path / "ja.ts"
    path.write_text('<TS version="2.1" language="ja"><context><name></name>'
                    '<message><source>A</source><translation>あ</translation></message>'
                    '<message><source>B</source><translation type="unfinished">い</translation></message>'
                    '<message><source>C</source><comment>x</comment><translation>う</translation></message>'
                    '</context></TS>', encoding="utf-8")
    assert dict(i18n.load_ts(path)) == {("A", ""): "あ", ("C", "x"): "う"}
    broken = tmp_path / "broken.ts"
    broken.write_text("<TS><context>", encoding="utf-8")
    assert i18n.load_ts(broken) == () and i18n.load_ts(tmp_path / "missing.ts") == ()


@pytest.mark.parametrize("environ, expected", [
    ({"LANG": "ja_JP.UTF-8"}, "ja"), ({"LC_ALL": "C.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
    ({"LANGUAGE": "ja"}, "ja"), ({}, "en"), ({"LANG": "en_GB.UTF-8"}, "en")])
def test_the_command_line_follows_the_system_locale(environ, expected):
    assert i18n.system_language(environ) == expected
