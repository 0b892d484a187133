"""The guide's home-screen icons (issue 24), drawn here and committed: nothing is downloaded.

A white compass (the site's logo, Material's compass-outline: a ring and a needle) on the guide's teal,
which is read from site.css, where the colour is set. `icon-*.png` are rounded squares for browsers that
show an icon as it is; `maskable-512.png` fills the square and keeps the compass inside the middle 80 %,
the safe zone a phone's mask (circle, squircle) never cuts. Run after changing the colour:

    .venv/bin/python -m tools.app_icons

Plain Python (zlib and struct write the PNG): no imaging library for three small pictures.
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

from guide.offline import ICONS, primary_colour

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "overrides" / ICONS
SAMPLES = 3  # per pixel and axis: smooth edges without an imaging library
WHITE = (255, 255, 255)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _inside_needle(x: float, y: float) -> int:
    """0 outside, 1 in the needle's light half (pointing up and right), 2 in its dark half; unit coordinates."""
    # The needle is a rhombus along the diagonal from lower left to upper right, centred at 0.
    along = (x - y) / math.sqrt(2)  # along the needle (y grows downwards)
    across = (x + y) / math.sqrt(2)
    length, width = 0.42, 0.13
    if abs(along) / length + abs(across) / width > 1:
        return 0
    return 1 if along > 0 else 2


def _shade(x: float, y: float, maskable: bool) -> tuple[float, str]:
    """(coverage of the background, what is drawn) at a point of the unit square (-1..1 both ways)."""
    scale = 0.62 if maskable else 0.78  # the compass's radius; maskable stays within the safe zone
    if not maskable:
        # A rounded square: corners of radius 0.35 cut away.
        corner = 1 - 0.35
        dx, dy = max(abs(x) - corner, 0), max(abs(y) - corner, 0)
        if dx * dx + dy * dy > 0.35**2:
            return 0, "none"
    r = math.hypot(x, y) / scale
    if 0.82 <= r <= 1.0:
        return 1, "white"
    needle = _inside_needle(x / scale, y / scale)
    if needle == 1:
        return 1, "white"
    if needle == 2:
        return 1, "light"
    return 1, "teal"


def draw(size: int, teal: tuple[int, int, int], maskable: bool) -> bytes:
    """The icon as RGBA rows."""
    light = tuple(round(c + (255 - c) * 0.45) for c in teal)
    colours = {"white": WHITE, "teal": teal, "light": light}
    rows = bytearray()
    step = 2 / (size * SAMPLES)
    for py in range(size):
        rows.append(0)  # PNG filter type 0 for each row
        for px in range(size):
            totals = [0.0, 0.0, 0.0]
            alpha = 0.0
            for sy in range(SAMPLES):
                y = -1 + (py * SAMPLES + sy + 0.5) * step
                for sx in range(SAMPLES):
                    x = -1 + (px * SAMPLES + sx + 0.5) * step
                    cover, what = _shade(x, y, maskable)
                    if cover:
                        alpha += 1
                        for i, c in enumerate(colours[what]):
                            totals[i] += c
            n = SAMPLES * SAMPLES
            if alpha:
                rows += bytes(round(t / alpha) for t in totals)
            else:
                rows += b"\0\0\0"
            rows.append(round(255 * alpha / n))
    return bytes(rows)


def png(size: int, rgba_rows: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rgba_rows, 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    teal = _rgb(primary_colour(ROOT))
    OUT.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in (("icon", 192, False), ("icon", 512, False), ("maskable", 512, True)):
        target = OUT / f"{name}-{size}.png"
        target.write_bytes(png(size, draw(size, teal, maskable)))
        print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
