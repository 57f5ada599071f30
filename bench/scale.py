#!/usr/bin/python3
"""How load, validate and coverage grow with the document (issue 21.4).

    scale.py --bin BENCH_BUILD_DIR --data DIR [--sizes S,342x150,L,1G] [--runs N] [--svg OUT.svg]

For each size: generates the registry with veilig-gen when it is missing
(into --data: keep it out of the source tree; the 1G file is about 1 GB),
then runs, each in a process of its own, a bare load
(`fresh-load veilig FILE`), the tool's `veilig -f FILE validate` and
`veilig -f FILE coverage`, and keeps the best of --runs processes by CPU time
(user + system of the child, from getrusage via os.wait4) with its peak RSS
(ru_maxrss). Sizes above 200 MB run once whatever --runs says: they take the
machine's memory and minutes from everyone else on it.

Prints a Markdown table (time and memory per MB of the file, peak RSS against
the target of at most 2x the file) and writes an SVG plot (log-log: CPU
seconds and peak RSS against the file's size) by hand: no plotting library
needed.
"""
import argparse
import math
import os
import subprocess
import sys
import time

# name: (municipalities, measures per municipality)
SIZES = {"S": (342, 50), "342x150": (342, 150), "M": (342, 500), "L": (10000, 50),
         "1G": (10000, 96)}
ONCE_ABOVE = 200 * 1000 * 1000


def generate(gen, data, name):
    n, k = SIZES[name]
    path = os.path.join(data, "fresh-%s.json" % name)
    if not os.path.exists(path):
        os.makedirs(data, exist_ok=True)
        print("generating %s (%d x %d) ..." % (path, n, k), file=sys.stderr)
        subprocess.run([gen, "-n", str(n), "-k", str(k), "-s", "9", "-p", "3", path], check=True,
                       stdout=subprocess.DEVNULL)
    return path


def run_once(argv):
    """Runs argv once; returns (cpu seconds, peak RSS bytes, wall seconds)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    err = proc.stderr.read()
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    # validate exits 1 when it finds problems: a finding, not a failure
    if code not in (0, 1):
        raise SystemExit("scale.py: %s failed (%d): %s" % (" ".join(argv), code, err.decode()[:400]))
    return ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024, wall


def best_of(argv, runs):
    results = [run_once(argv) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


# ---- the plot ----

COLOURS = {"load": "#1f77b4", "validate": "#d62728", "coverage": "#2ca02c"}


def svg_plot(points, path):
    """points: [(size_bytes, {op: (cpu, rss)})]. Two log-log panels side by side."""
    w, h, pad = 360, 280, 56
    sizes = [s / 1e6 for s, _ in points]
    cpus = [v[0] for _, ops in points for v in ops.values()]
    rsss = [v[1] / 1e6 for _, ops in points for v in ops.values()] + [2 * s for s in sizes]

    def span(vals):
        lo, hi = math.floor(math.log10(min(vals))), math.ceil(math.log10(max(vals)))
        return lo, max(hi, lo + 1)

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' % (2 * w + 60, h + 60),
           '<rect width="100%" height="100%" fill="white"/>']

    def panel(x0, title, ylabel, series, ref=None):
        xlo, xhi = span(sizes)
        ylo, yhi = span([y for _, ys in series for y in ys] + (ref or []))

        def px(v):
            return x0 + pad + (math.log10(v) - xlo) / (xhi - xlo) * (w - pad - 10)

        def py(v):
            return 20 + (h - pad) - (math.log10(v) - ylo) / (yhi - ylo) * (h - pad - 10)

        out.append('<text x="%d" y="14" font-weight="bold">%s</text>' % (x0 + pad, title))
        for e in range(xlo, xhi + 1):
            x = px(10 ** e)
            out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>'
                       % (x, py(10 ** ylo), x, py(10 ** yhi)))
            out.append('<text x="%.1f" y="%.1f" text-anchor="middle">%g</text>'
                       % (x, py(10 ** ylo) + 14, 10 ** e))
        for e in range(ylo, yhi + 1):
            y = py(10 ** e)
            out.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#ddd"/>'
                       % (px(10 ** xlo), y, px(10 ** xhi), y))
            out.append('<text x="%.1f" y="%.1f" text-anchor="end">%g</text>'
                       % (px(10 ** xlo) - 4, y + 4, 10 ** e))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">file size (MB)</text>'
                   % (x0 + pad + (w - pad) / 2, h + 8))
        out.append('<text transform="translate(%d,%d) rotate(-90)" text-anchor="middle">%s</text>'
                   % (x0 + 14, 20 + (h - pad) / 2, ylabel))
        if ref:
            d = " ".join("%s%.1f,%.1f" % ("M" if i == 0 else "L", px(s), py(r))
                         for i, (s, r) in enumerate(zip(sizes, ref)))
            out.append('<path d="%s" fill="none" stroke="#888" stroke-dasharray="4 3"/>' % d)
        for name, ys in series:
            d = " ".join("%s%.1f,%.1f" % ("M" if i == 0 else "L", px(s), py(y))
                         for i, (s, y) in enumerate(zip(sizes, ys)))
            out.append('<path d="%s" fill="none" stroke="%s" stroke-width="2"/>' % (d, COLOURS[name]))
            for s, y in zip(sizes, ys):
                out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (px(s), py(y), COLOURS[name]))

    ops = list(points[0][1].keys())
    panel(0, "CPU time (user + system), s", "seconds",
          [(op, [p[1][op][0] for p in points]) for op in ops])
    panel(w + 40, "peak RSS, MB (dashed: 2x the file)", "MB",
          [(op, [p[1][op][1] / 1e6 for p in points]) for op in ops], ref=[2 * s for s in sizes])
    for i, op in enumerate(ops):
        x = pad + i * 110
        out.append('<rect x="%d" y="%d" width="12" height="4" fill="%s"/>' % (x, h + 32, COLOURS[op]))
        out.append('<text x="%d" y="%d">%s</text>' % (x + 16, h + 38, op))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True, help="the bench build directory")
    ap.add_argument("--data", required=True, help="where the generated files are kept")
    ap.add_argument("--sizes", default="S,342x150,L,1G")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--svg", help="where to write the plot")
    args = ap.parse_args()
    load = os.path.join(args.bin, "fresh-load")
    tool = os.path.join(args.bin, "veilig", "libveilig", "cli", "veilig")
    gen = os.path.join(args.bin, "veilig-gen")

    points = []
    print("| size | file MB | operation | CPU s | CPU s per 100 MB | peak RSS MB | RSS / file | runs |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for name in args.sizes.split(","):
        path = generate(gen, args.data, name)
        size = os.path.getsize(path)
        runs = 1 if size > ONCE_ABOVE else args.runs
        ops = {}
        for op, argv in (("load", [load, "veilig", path]),
                         ("validate", [tool, "-f", path, "validate", "--format", "json"]),
                         ("coverage", [tool, "-f", path, "coverage"])):
            cpu, rss, _ = best_of(argv, runs)
            ops[op] = (cpu, rss)
            n, k = SIZES[name]
            print("| %s (%d x %d) | %.1f | %s | %.2f | %.2f | %.0f | %.2fx | %d |"
                  % (name, n, k, size / 1e6, op, cpu, cpu / (size / 1e8), rss / 1e6, rss / size, runs))
            sys.stdout.flush()
        points.append((size, ops))
    if args.svg:
        svg_plot(points, args.svg)
        print("\nplot: %s" % args.svg)


if __name__ == "__main__":
    main()
