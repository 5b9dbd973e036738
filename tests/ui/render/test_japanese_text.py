"""Japanese renders everywhere: the shipped font covers every translated character, and an SVG draws
Japanese as outlines (no font needed to open it)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from PySide6.QtGui import QRawFont

from explorer.catalog import builtin_catalog
from explorer.paths import assets_dir
from explorer.scenario import Scenario
from ui.language import FONT_FILES
from ui.render.images import ImageOptions, render_svg
from ui.render.svg_text import outline_cjk_text
from ui.state.chart_input import standalone_input


def test_the_shipped_font_covers_every_character_of_the_translation(qapp):
    ts = ElementTree.parse(assets_dir() / "i18n" / "ja.ts").getroot()
    chars = {c for node in ts.iter("translation") for c in (node.text or "") if ord(c) > 0x7F}
    chars |= set("兆億万円▲△（）：、。「」ー・")
    for name in FONT_FILES:
        font = QRawFont(str(assets_dir() / "fonts" / name), 12)
        assert font.isValid(), name
        missing = sorted(c for c in chars if not font.supportsCharacter(ord(c)))  # (the QChar overload misreads some)
        assert not missing, (name, "".join(missing))


def test_japanese_in_an_svg_is_drawn_as_outlines(qapp, japanese):
    inp = standalone_input(Scenario(name="日本語のシナリオ"), builtin_catalog(), analyses=False)
    svg = render_svg("cost", inp, ImageOptions(width=640, height=360))
    texts = re.findall(rb"<text\b[^>]*>([^<]*)</text>", svg)
    assert not any(t.decode().strip() for t in texts)  # all in the Japanese font: outlines (no font needed, no overlaps)
    titles = b"".join(re.findall(rb"<title>([^<]*)</title>", svg)).decode()
    assert "日本語" in titles  # outlines keep their words (as a title: searchable, read aloud)
    ElementTree.fromstring(svg)  # still well-formed


def test_an_english_svg_keeps_its_text_and_outlines_only_japanese(qapp):
    svg = b'<svg><text x="1" y="2" font-size="10">Cost per month</text></svg>'
    assert outline_cjk_text(svg) == svg
    inp = standalone_input(Scenario(name="日本語のシナリオ"), builtin_catalog(), analyses=False)
    svg = render_svg("cost", inp, ImageOptions(width=640, height=360))
    texts = [t.decode() for t in re.findall(rb"<text\b[^>]*>([^<]*)</text>", svg)]
    assert any("Cost per month" in t for t in texts)  # English stays text
    assert not any("日本語" in t for t in texts) and "日本語" in svg.decode()  # the Japanese name: outlined
