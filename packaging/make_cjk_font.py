"""Make the Japanese font the app ships (assets/fonts/): Noto Sans CJK JP, cut down to the characters
Japanese text needs, so every machine renders Japanese without boxes and the bundle stays lean.

    python3 -m venv /tmp/fontenv && /tmp/fontenv/bin/pip install fonttools==4.66.1
    apt-get install fonts-noto-cjk          # Debian/Ubuntu: /usr/share/fonts/opentype/noto/NotoSansCJK-*.ttc
    /tmp/fontenv/bin/python packaging/make_cjk_font.py

The subset keeps: ASCII and Latin-1; every character of JIS X 0208 (kana, the level 1 and level 2
kanji, symbols, Greek and Cyrillic: the set Japanese business text is written in); CJK punctuation
and full-width forms; the typographic marks the app uses (− – — … · × ≈ ▲ △ ▸ ← →); and every
character of the Japanese translation (assets/i18n/ja.ts), so no translated string can fall outside it.
fontTools is needed only here, not by the app. The font's licence (SIL Open Font License 1.1) is
assets/fonts/OFL.txt. Run again after adding translations with characters outside JIS X 0208.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
SOURCES = {"Regular": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
           "Bold": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"}
JP_INDEX = 0  # "Noto Sans CJK JP" in Debian's collections


def jis_x_0208() -> set[int]:
    chars = set()
    for row in range(1, 95):
        for cell in range(1, 95):
            try:
                chars.add(ord(bytes([0xA0 + row, 0xA0 + cell]).decode("euc_jp")))
            except UnicodeDecodeError:
                pass
    return chars


def wanted() -> set[int]:
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | jis_x_0208()
    chars |= set(range(0x3000, 0x3100)) | set(range(0xFF00, 0xFFF0))  # CJK punctuation, kana, full-width
    chars |= {ord(c) for c in "−–—…·×≈▲△▸▾←→↑↓≤≥±°‰€£¥•‐‑’‘“”■□●○"}
    ts = ROOT / "assets" / "i18n" / "ja.ts"
    if ts.exists():
        chars |= {ord(c) for c in ts.read_text(encoding="utf-8") if ord(c) >= 0x80}
    return chars


def main() -> int:
    out = ROOT / "assets" / "fonts"
    out.mkdir(parents=True, exist_ok=True)
    unicodes = sorted(wanted())
    for weight, source in SOURCES.items():
        font = TTCollection(source).fonts[JP_INDEX]
        options = subset.Options()
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.layout_features = ["*"]  # vertical forms, proportional kana, ligatures
        options.notdef_outline = True
        options.hinting = False
        sub = subset.Subsetter(options)
        sub.populate(unicodes=unicodes)
        sub.subset(font)
        target = out / f"NotoSansCJKjp-{weight}.otf"
        font.save(str(target))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 1e6:.2f} MB, {len(unicodes)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
