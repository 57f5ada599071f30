#!/usr/bin/python3
"""Renders HTML reports with headless Chromium and checks the pictures.

Usage: render_html.py [--generate PROGRAM] OUTDIR [FILE...]

With --generate, first runs PROGRAM OUTDIR (tests/html/write_reports, which
writes the reports there) and renders the programme and Enschede reports
(Dutch and English) and the sample municipality with indicators, besides any
FILE. Each file is rendered to OUTDIR/<name>.png (1280 x 2400 pixels) in a fresh
profile, with networking features off. The PNG is decoded here (zlib and
struct only: no PIL) and must not be blank: more than 2 % of its pixels not
white, and more than 10 distinct colours. Exits 77 (skipped) when no
Chromium is installed, 1 when a file fails, 0 otherwise.
"""
import itertools
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
WIDTH, HEIGHT = 1280, 2400


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _add_bytes(a, b, lo, hi):
    """Bytewise (a + b) mod 256 of two equal-length byte strings, on big ints."""
    n = len(a)
    x, y = int.from_bytes(a, "big"), int.from_bytes(b, "big")
    return (((x & lo) + (y & lo)) ^ ((x ^ y) & hi)).to_bytes(n, "big")


def decode_png(data):
    """Returns (width, height, channels, rows): rows is a list of bytes, 8-bit samples."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header, palette = 8, [], None, None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"PLTE":
            palette = chunk
        elif kind == b"IDAT":
            idat.append(chunk)
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace != 0:
        raise ValueError("unsupported PNG: depth %d, interlace %d" % (depth, interlace))
    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[colour]
    raw = zlib.decompress(b"".join(idat))
    stride = width * channels
    lo = int.from_bytes(b"\x7f" * stride, "big")
    hi = int.from_bytes(b"\x80" * stride, "big")
    rows, prev = [], bytes(stride)
    for y in range(height):
        base = y * (stride + 1)
        ftype = raw[base]
        line = raw[base + 1:base + 1 + stride]
        if ftype == 1:  # sub: a running sum per channel
            out = bytearray(stride)
            for c in range(channels):
                out[c::channels] = bytes(v & 0xFF for v in itertools.accumulate(line[c::channels]))
            line = bytes(out)
        elif ftype == 2:  # up
            line = _add_bytes(line, prev, lo, hi)
        elif ftype in (3, 4):
            out = bytearray(line)
            for i in range(stride):
                a = out[i - channels] if i >= channels else 0
                b = prev[i]
                if ftype == 3:
                    out[i] = (out[i] + ((a + b) >> 1)) & 0xFF
                    continue
                c = prev[i - channels] if i >= channels else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                out[i] = (out[i] + (a if pa <= pb and pa <= pc else (b if pb <= pc else c))) & 0xFF
            line = bytes(out)
        elif ftype != 0:
            raise ValueError("bad filter type %d" % ftype)
        rows.append(line)
        prev = line
    if colour == 3:
        # expand the palette to RGB
        rows = [b"".join(palette[3 * i:3 * i + 3] for i in r) for r in rows]
        channels = 3
    return width, height, channels, rows


def encode_png(width, height, channels, rows):
    """The inverse of decode_png (filter 0), for cropping pictures by hand."""
    colour = {1: 0, 2: 4, 3: 2, 4: 6}[channels]
    raw = b"".join(b"\x00" + r for r in rows)

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def pixel_stats(width, height, channels, rows):
    """(share of pixels that are not white, number of distinct colours)."""
    dark = bytes(1 if v < 250 else 0 for v in range(256))  # a sample that is not white
    colour_channels = min(channels, 3) if channels != 2 else 1
    colours = set()
    nonwhite = 0
    for r in rows:
        flags = r.translate(dark)
        mask = 0
        for c in range(colour_channels):
            mask |= int.from_bytes(flags[c::channels], "big")
        nonwhite += bin(mask).count("1")
        colours.update(zip(*(r[c::channels] for c in range(colour_channels))))
    return nonwhite / float(width * height), len(colours)


def render(chromium, html, png):
    profile = tempfile.mkdtemp(prefix="veilig-chromium-")
    try:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--hide-scrollbars",
               "--user-data-dir=" + profile, "--screenshot=" + png,
               "--window-size=%d,%d" % (WIDTH, HEIGHT), "file://" + os.path.abspath(html)]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=180)
        return proc.returncode, proc.stdout.decode("utf-8", "replace")
    finally:
        shutil.rmtree(profile, ignore_errors=True)


GENERATED = ["programme-nl.html", "programme-en.html", "enschede-nl.html", "enschede-en.html",
             "sample-GM9001-nl.html"]


def main(argv):
    args = list(argv)
    program = None
    if args[:1] == ["--generate"] and len(args) >= 2:
        program = args[1]
        args = args[2:]
    if not args or (program is None and len(args) < 2):
        print("usage: render_html.py [--generate PROGRAM] OUTDIR [FILE...]", file=sys.stderr)
        return 2
    chromium = find_chromium()
    if not chromium:
        print("SKIP: chromium is not installed (apt-get install chromium); "
              "the HTML reports were not rendered")
        return SKIP
    outdir = args[0]
    os.makedirs(outdir, exist_ok=True)
    files = args[1:]
    if program:
        if subprocess.run([program, outdir]).returncode != 0:
            print("FAIL: %s %s" % (program, outdir))
            return 1
        files = [os.path.join(outdir, name) for name in GENERATED] + files
    failed = 0
    for html in files:
        png = os.path.join(outdir, os.path.splitext(os.path.basename(html))[0] + ".png")
        if os.path.exists(png):
            os.remove(png)
        try:
            rc, log = render(chromium, html, png)
        except subprocess.TimeoutExpired:
            print("FAIL %s: chromium timed out" % html)
            failed += 1
            continue
        if not os.path.exists(png):
            print("FAIL %s: chromium wrote no picture (exit %d)\n%s" % (html, rc, log[-2000:]))
            failed += 1
            continue
        with open(png, "rb") as f:
            width, height, channels, rows = decode_png(f.read())
        share, colours = pixel_stats(width, height, channels, rows)
        verdict = "ok  " if share > 0.02 and colours > 10 else "FAIL"
        if verdict == "FAIL":
            failed += 1
        print("%s %s -> %s: %dx%d, %.1f%% not white, %d colours" %
              (verdict, html, png, width, height, 100 * share, colours))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
