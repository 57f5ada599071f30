#!/usr/bin/python3
"""The fresh-process benchmark (issue 21): loads as users meet them.

Every row is one program run in a process of its own, with the C library's
default allocator and nothing warmed, repeated --runs times (default 5); the
best run by CPU time (user + system) is shown, with its wall clock and its
peak resident memory (getrusage of the child: ru_utime, ru_stime, ru_maxrss,
taken with os.wait4). All rows of a table run in one go, interleaved run by
run, so that what the machine does meanwhile falls on every row alike.

    fresh.py --bin BENCH_BUILD_DIR --data DIR [--runs N] [--sizes 342x150,L]

BENCH_BUILD_DIR holds fresh-load, fresh-load-simdjson (when simdjson was
found) and veilig-gen; the files are generated into DIR when missing. The
peers are jansson's json_load_file, yajl's tree, LuaJIT with lua-cjson and
simdjson's DOM; a peer that is not installed is left out with a note.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# name: (municipalities, measures per municipality)
SIZES = {"342x150": (342, 150), "S": (342, 50), "M": (342, 500), "L": (10000, 50)}


def generate(gen, data, name):
    n, k = SIZES[name]
    path = os.path.join(data, "fresh-%s.json" % name)
    if not os.path.exists(path):
        os.makedirs(data, exist_ok=True)
        print("generating %s (%d x %d) ..." % (path, n, k), file=sys.stderr)
        subprocess.run([gen, "-n", str(n), "-k", str(k), "-s", "9", "-p", "3", path], check=True,
                       stdout=subprocess.DEVNULL)
    return path


def generate_versions(gen, data, name):
    """Two versions of a registry of size name, for the diff: the second with
    about 3% of the measures changed, 1% removed and 1% added."""
    n, k = SIZES[name]
    old = os.path.join(data, "fresh-%s-v1.json" % name)
    new = os.path.join(data, "fresh-%s-v2.json" % name)
    if not (os.path.exists(old) and os.path.exists(new)):
        os.makedirs(data, exist_ok=True)
        print("generating %s and %s ..." % (old, new), file=sys.stderr)
        subprocess.run([gen, "-n", str(n), "-k", str(k), "-s", "9", "-p", "3", old, new],
                       check=True, stdout=subprocess.DEVNULL)
    return old, new


def run_once(argv):
    """Runs argv once; returns (wall, user, sys, maxrss_bytes, stdout)."""
    with tempfile.TemporaryFile() as out:
        t0 = time.monotonic()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        if proc.returncode != 0:
            raise SystemExit("fresh.py: %s failed (%d): %s" % (" ".join(argv), proc.returncode, err))
        out.seek(0)
        return wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss * 1024, out.read().decode().strip()


def measure(rows, runs):
    """rows: [(label, argv)]. Returns {label: best (wall, user, sys, rss, out)}."""
    best = {}
    for _ in range(runs):
        for label, argv in rows:
            r = run_once(argv)
            if label not in best or r[1] + r[2] < best[label][1] + best[label][2]:
                best[label] = r
    return best


def table(title, rows, best, ref, size):
    print("\n%s\n" % title)
    print("| %s | CPU s (user + system) | user s | system s | wall s | peak RSS MiB | RSS / file | "
          "CPU vs libveilig |" % "program, fresh process")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    ref_cpu = best[ref][1] + best[ref][2]
    for label, _ in rows:
        wall, user, system, rss, _out = best[label]
        cpu = user + system
        print("| %s | %.3f | %.3f | %.3f | %.3f | %.1f | %.2fx | %s |"
              % (label, cpu, user, system, wall, rss / 2**20, rss / size,
                 "1" if label == ref else "%.2fx" % (cpu / ref_cpu)))


def check(name, ok, what):
    print("- %s: %s (%s)" % ("met" if ok else "MISSED", name, what))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True, help="the bench build directory")
    ap.add_argument("--data", required=True, help="where the generated files are kept")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--sizes", default="342x150,L")
    args = ap.parse_args()

    load = os.path.join(args.bin, "fresh-load")
    simd = os.path.join(args.bin, "fresh-load-simdjson")
    tool = os.path.join(args.bin, "veilig", "libveilig", "cli", "veilig")
    gen = os.path.join(args.bin, "veilig-gen")
    luajit = shutil.which("luajit")
    notes = []
    has_yajl = subprocess.run([load, "yajl", os.devnull], stderr=subprocess.PIPE).stderr.find(
        b"unknown mode") < 0
    if not has_yajl:
        notes.append("yajl: not built (Debian: libyajl-dev)")
    if not os.path.exists(simd):
        notes.append("simdjson: not built (Debian: libsimdjson-dev and a C++ compiler)")
    if not luajit or subprocess.run([luajit, "-e", "require 'cjson'"],
                                    stderr=subprocess.DEVNULL).returncode != 0:
        notes.append("LuaJIT + lua-cjson: not installed (Debian: luajit, lua-cjson)")
        luajit = None

    print("# Fresh-process figures (bench/fresh.py)\n")
    print("Each figure: the best of %d processes by CPU time, every row run in turn within each "
          "round; CPU is the child's user + system time, peak RSS its ru_maxrss (getrusage via "
          "os.wait4), wall the clock around the process. Default allocator, nothing warmed." % args.runs)
    for n in notes:
        print("\n- left out: " + n)

    all_ok = True
    for name in args.sizes.split(","):
        path = generate(gen, args.data, name)
        size = os.path.getsize(path)
        n, k = SIZES[name]
        rows = [("read the file (the floor)", [load, "read", path]),
                ("libveilig veilig_registry_load_file", [load, "veilig", path]),
                ("jansson json_load_file", [load, "jansson", path])]
        if has_yajl:
            rows.append(("yajl yajl_tree_parse (read included)", [load, "yajl", path]))
        if luajit:
            rows.append(("LuaJIT + lua-cjson decode (read included)",
                         [luajit, os.path.join(HERE, "fresh", "load_cjson.lua"), path]))
        if os.path.exists(simd):
            rows.append(("simdjson DOM parse (read included)", [simd, path]))
        best = measure(rows, args.runs)
        counts = {label: best[label][4] for label, _ in rows[1:]}
        if len(set(counts.values())) != 1:
            raise SystemExit("fresh.py: the loaders disagree on the number of municipalities: %r" % counts)
        ref = "libveilig veilig_registry_load_file"
        table("## Load, %s: %d municipalities x %d measures, %.1f MB" % (name, n, k, size / 1e6),
              rows, best, ref, size)

        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "saved.json")
            rows2 = [("libveilig load", [load, "veilig", path]),
                     ("libveilig load + veilig_registry_save_file", [load, "veilig-save", path, out]),
                     ("jansson json_load_file + json_dump_file", [load, "jansson-save", path, out]),
                     ("the tool: veilig -f FILE validate", [tool, "-f", path, "validate", "--format", "json"])]
            best2 = measure(rows2, args.runs)
            table("### Save and validate, %s" % name, rows2, best2, "libveilig load", size)

        # the diff of two versions against one load: what the diff adds to
        # the two loads it needs, against what one load costs
        old, new = generate_versions(gen, args.data, name)
        rows4 = [("libveilig load of one version", [load, "veilig", old]),
                 ("libveilig load of both versions", [load, "veilig-two", old, new]),
                 ("both loads + veilig_diff", [load, "veilig-diff", old, new])]
        best4 = measure(rows4, args.runs)
        table("### Diff of two versions, %s (CPU vs one load)" % name, rows4, best4, rows4[0][0],
              os.path.getsize(old))
        cpu4 = [best4[label][1] + best4[label][2] for label, _ in rows4]
        diff_cpu = max(cpu4[2] - cpu4[1], 0.0)
        print("\nThe diff itself (both loads + diff, less both loads): %.3f s CPU, %.2fx one load; "
              "%s rows." % (diff_cpu, diff_cpu / cpu4[0], best4[rows4[2][0]][4]))

        # the Python binding against plain Python, interpreter start included;
        # the modules' byte code cached (outside the sources) as an installed
        # package has it, for both sides (the first round fills the cache)
        so = os.path.join(args.bin, "veilig", "libveilig.so.1")
        py_ok = None
        if os.path.exists(so):
            os.environ["VEILIG_LIBRARY"] = so
            os.environ["PYTHONPATH"] = os.path.join(HERE, "..", "bindings", "python")
            os.environ["PYTHONPYCACHEPREFIX"] = os.path.join(os.path.abspath(args.bin), "pycache")
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            script = os.path.join(HERE, "fresh", "py_coverage.py")
            rows3 = [("Python: veilig.load + reg.coverage()", [sys.executable, script, "binding", path]),
                     ("Python: json.load + coverage in Python", [sys.executable, script, "pure", path])]
            best3 = measure(rows3, args.runs)
            if best3[rows3[0][0]][4] != best3[rows3[1][0]][4]:
                raise SystemExit("fresh.py: the binding's coverage and plain Python's disagree: %r"
                                 % {label: best3[label][4] for label, _ in rows3})
            table("### Python: load and coverage, %s (CPU vs the binding)" % name, rows3, best3,
                  rows3[0][0], size)
            py_cpu = [best3[label][1] + best3[label][2] for label, _ in rows3]
            py_ok = (py_cpu[1] / py_cpu[0], py_cpu[1] >= 5 * py_cpu[0])

        cpu = {label: best[label][1] + best[label][2] for label, _ in rows}
        v = cpu[ref]
        print("\nTargets of issue 21.2 (%s):\n" % name)
        all_ok &= check("load <= 0.3x jansson", v <= 0.3 * cpu["jansson json_load_file"],
                        "%.2fx" % (v / cpu["jansson json_load_file"]))
        for peer in ("yajl yajl_tree_parse (read included)", "LuaJIT + lua-cjson decode (read included)"):
            if peer in cpu:
                all_ok &= check("1.5x ahead of " + peer.split(" (")[0], v * 1.5 <= cpu[peer],
                                "%.2fx ahead" % (cpu[peer] / v))
        simd_label = "simdjson DOM parse (read included)"
        if simd_label in cpu:
            all_ok &= check("within 1.2x of simdjson's DOM", v <= 1.2 * cpu[simd_label],
                            "%.2fx" % (v / cpu[simd_label]))
        rss = best[ref][3]
        all_ok &= check("peak RSS during a load <= 2x the file", rss <= 2 * size,
                        "%.2fx" % (rss / size))
        all_ok &= check("the diff in at most one load's time", diff_cpu <= cpu4[0],
                        "%.2fx" % (diff_cpu / cpu4[0]))
        if py_ok:
            all_ok &= check("the binding's fresh load and coverage >= 5x plain Python", py_ok[1],
                            "%.2fx" % py_ok[0])
    print("\nAll targets met." if all_ok else "\nSome targets are missed (above).")


if __name__ == "__main__":
    main()
