"""Checks that a PNG rendered from a chip picture is not trivial.

    check_png.py IMAGE.png MIN_WIDTH MIN_HEIGHT MIN_COLOURS

Decodes the PNG in pure Python (zlib; 8-bit RGB or RGBA, not interlaced),
then requires the size, at least MIN_COLOURS distinct colours, 2 % to 90 %
of the pixels not white, and heater colours from both ends of the colour
bar (dark violet and yellow-green, with some tolerance)."""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = prev[i]
            c = prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 255
        rows.append(line)
        prev = line
    pixels = [tuple(row[x * channels:x * channels + 3])
              for row in rows for x in range(width)]
    return width, height, pixels


def main():
    path, min_w, min_h, min_colours = sys.argv[1], *map(int, sys.argv[2:])
    width, height, pixels = decode(path)
    colours = set(pixels)
    ink = sum(p != (255, 255, 255) for p in pixels) / len(pixels)
    near = lambda target: any(sum(abs(a - b) for a, b in zip(p, target)) < 60
                              for p in colours)
    print(f"{width}x{height}, {len(colours)} colours, {100 * ink:.1f} % ink")
    assert width >= min_w and height >= min_h, "too small"
    assert len(colours) >= min_colours, "too few colours"
    assert 0.02 < ink < 0.9, "blank or flooded"
    assert near((68, 1, 84)) and near((170, 220, 50)), "no colour-bar ends"
    print("ok")


main()
