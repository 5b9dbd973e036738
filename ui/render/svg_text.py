"""Japanese text in an SVG drawn as outlines, so the file renders the same on a machine without
Japanese fonts (a browser, Inkscape, PowerPoint or LibreOffice on a fresh system), where ``<text>``
would fall back to boxes (豆腐).

Qt's SVG writer (through pyqtgraph's SVGExporter) writes each run of text as ``<text x y font-…>``.
Runs with characters beyond Latin (kana, kanji, full-width forms), and every run drawn in the shipped
Noto Sans CJK JP (the interface font in Japanese: see ui.language), are replaced by a ``<path>`` of the
same glyphs, keeping their position, size, weight and colour (and the words, as a ``<title>``). An
English chart keeps its text (selectable, small). Embedding the font instead would add megabytes to
every file.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QPainterPath

_TEXT = re.compile(rb"<text\b([^>]*)>([^<]*)</text>")
_ATTR = re.compile(rb'([\w:-]+)="([^"]*)"')


def _needs_outline(text: str, family: str) -> bool:
    """Japanese (CJK radicals onwards: kana, kanji, full-width forms), or any run drawn in the shipped
    Japanese font: a reader without it would substitute a font of other widths, and a Latin run
    beside an outlined Japanese one would overlap it."""
    return "CJK" in family or any(ord(c) >= 0x2E80 for c in text)


def _path_data(path: QPainterPath) -> str:
    out, i, n = [], 0, path.elementCount()
    while i < n:
        e = path.elementAt(i)
        if e.isMoveTo():
            out.append(f"M{e.x:.2f} {e.y:.2f}")
        elif e.isLineTo():
            out.append(f"L{e.x:.2f} {e.y:.2f}")
        elif e.isCurveTo() and i + 2 < n:
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            out.append(f"C{e.x:.2f} {e.y:.2f} {c2.x:.2f} {c2.y:.2f} {end.x:.2f} {end.y:.2f}")
            i += 2
        i += 1
    return "".join(out) + "Z" if out else ""


def _outline(match: re.Match) -> bytes:
    text = html.unescape(match.group(2).decode("utf-8"))
    attrs = {k.decode(): html.unescape(v.decode()) for k, v in _ATTR.findall(match.group(1))}
    if not text.strip() or not _needs_outline(text, attrs.get("font-family", "")):
        return match.group(0)
    try:
        x, y, size = float(attrs.get("x", 0)), float(attrs.get("y", 0)), float(attrs.get("font-size", 12))
        weight = int(float(attrs.get("font-weight", 400)))
    except ValueError:
        return match.group(0)
    font = QFont()
    families = [f.strip().strip('"').strip("'") for f in attrs.get("font-family", "").split(",") if f.strip()]
    if families:
        font.setFamilies(families)
    font.setPixelSize(max(1, round(size)))
    if size != round(size):
        font.setPointSizeF(size * 0.75)  # fractional sizes: points at 96 dpi
    font.setWeight(QFont.Weight(max(100, min(900, weight))))
    font.setItalic(attrs.get("font-style") == "italic")
    path = QPainterPath()
    path.addText(QPointF(x, y), font, text)
    keep = " ".join(f'{k}="{html.escape(attrs[k])}"' for k in ("fill", "fill-opacity", "transform") if k in attrs)
    label = html.escape(text)
    return f'<path {keep} stroke="none" d="{_path_data(path)}"><title>{label}</title></path>'.encode()


def outline_cjk_text(svg: bytes) -> bytes:
    """``svg`` with every run of Japanese text drawn as outlines (see the module's note)."""
    return _TEXT.sub(_outline, svg)
