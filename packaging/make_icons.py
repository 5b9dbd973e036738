#!/usr/bin/env python3
"""Regenerate the app icons in assets/icons/ from assets/icons/app.svg.

    .venv/bin/python packaging/make_icons.py          (or: python packaging/make_icons.py --check)

Writes, next to app.svg:
  app.png      256x256 (the window icon, the Linux bundle's icon, the .desktop file's icon)
  app-512.png  512x512
  app.ico      Windows: 16, 24, 32, 48, 64, 128, 256 px, every entry PNG-compressed (Vista and later)
  app.icns     macOS: PNG entries icp4/icp5/icp6 (16/32/64), ic07 (128), ic08 (256), ic09 (512),
               ic10 (1024 = 512@2x), ic11 (32 = 16@2x), ic12 (64 = 32@2x), ic13 (256 = 128@2x),
               ic14 (512 = 256@2x)

Uses only PySide6 (QSvgRenderer + QImage) and the standard library: the ICO and ICNS containers are
written here, no Pillow. ``--check`` reads every file back with Qt's image plugins and fails if a
size is missing. Runs offscreen; no display needed.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from ui.render.images import png_bytes  # noqa: E402  (the app's one image-to-PNG)

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"
SVG = ICONS / "app.svg"

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element type -> pixel size. The @2x types (ic11..ic14, ic10) carry twice the point size.
ICNS_TYPES = (
    ("icp4", 16), ("icp5", 32), ("icp6", 64),
    ("ic07", 128), ("ic08", 256), ("ic09", 512), ("ic10", 1024),
    ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512),
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container (ICONDIR + ICONDIRENTRY[]) whose images are PNG streams."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        dim = 0 if size >= 256 else size  # 0 means 256
        # width, height, colours in palette, reserved, colour planes, bits per pixel, bytes, offset
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(elements: list[tuple[str, bytes]]) -> bytes:
    """An ICNS container: 'icns' + big-endian total length, then (type, length incl. 8, data) each."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data for kind, data in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_all() -> list[Path]:
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    wanted = set(ICO_SIZES) | {size for _, size in ICNS_TYPES} | {256, 512}
    pngs = {size: png_bytes(render(renderer, size)) for size in sorted(wanted)}

    written = []

    def put(name: str, data: bytes) -> None:
        path = ICONS / name
        path.write_bytes(data)
        written.append(path)

    put("app.png", pngs[256])
    put("app-512.png", pngs[512])
    put("app.ico", ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    put("app.icns", icns_bytes([(kind, pngs[size]) for kind, size in ICNS_TYPES]))
    return written


def check() -> list[str]:
    """Read the files back with Qt (png, ico and icns image plugins); return the problems found."""
    problems = []
    for name, size in (("app.png", 256), ("app-512.png", 512)):
        image = QImage(str(ICONS / name))
        if image.isNull() or image.width() != size or image.height() != size:
            problems.append(f"{name}: expected {size}x{size}, got {image.width()}x{image.height()}")
    for name, expected in (("app.ico", set(ICO_SIZES)), ("app.icns", {s for _, s in ICNS_TYPES})):
        reader = QImageReader(str(ICONS / name))
        found = set()
        for i in range(max(reader.imageCount(), 1)):
            reader.jumpToImage(i)
            image = reader.read()
            if image.isNull():
                problems.append(f"{name}: image {i} unreadable ({reader.errorString()})")
                continue
            found.add(image.width())
        if not expected <= found:
            problems.append(f"{name}: missing sizes {sorted(expected - found)} (found {sorted(found)})")
    return problems


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 (kept alive)
    if "--check" not in argv:
        for path in write_all():
            print(f"wrote {path.relative_to(ICONS.parent.parent)} ({path.stat().st_size:,} bytes)")
    problems = check()
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if not problems:
        print("icons check: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
