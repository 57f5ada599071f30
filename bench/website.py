#!/usr/bin/python3
"""The website benchmark (issue 18 point 4): `veilig site` against the load.

Every run is one process of the tool, nothing warmed: the load is
`veilig -f FILE list --format csv` (load, then a list to /dev/null), the site
`veilig -f FILE site --lang L -o DIR` (load, then every page). Within each of
--runs rounds every row runs once, in turn (load, then each site row), so
that what the machine does meanwhile falls on every row alike; each row's
figures are wall clock, user and system time and peak resident memory of the
child (getrusage via os.wait4), and the ratio of each site run to the load
run of the same round. Every site run writes into a new folder under --out;
the folders are removed only after the last run (removing some 30,000 files
makes the file system's next thousands of file creations slower for a
minute or more on ext4 without a journal; that would fall on the next row).

    website.py --tool VEILIG --file L.json [--runs 3] [--lang nl,both]
            [--threads 1,2] [--before OLD_VEILIG] [--out DIR] [--sync]
            [--remove-each] [--floor]

With --before, the same site rows of another build of the tool run too,
alternated with this one's within each round (before and after).

With --floor, each round also copies the first site row's site with
`cp -r` (a fresh process, into a folder beside it, removed at once): the
files and bytes alone, without making them, so what the kernel takes to
create 34,000 files and take 1 GB in (reading them back too: a bound from
above). Its ratio to the load says how much of the 1.5x budget the bytes
themselves already need.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time


def run_once(argv):
    """Runs argv once; returns (wall, user, sys, maxrss_bytes)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t0
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit("website.py: %s failed (%d): %s" % (" ".join(argv), code, err))
    return wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss * 1024


def folder_size(path):
    files = size = 0
    for root, _dirs, names in os.walk(path):
        for n in names:
            files += 1
            size += os.path.getsize(os.path.join(root, n))
    return files, size


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tool", required=True, help="the veilig tool to measure")
    ap.add_argument("--file", required=True, help="the registry (e.g. bench L)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--lang", default="nl,both", help="the site rows: --lang of each")
    ap.add_argument("--before", help="another build of the tool, its site rows alternated")
    ap.add_argument("--out", help="where the sites are written (default: a new folder in /tmp)")
    ap.add_argument("--remove-each", action="store_true",
                    help="remove each site right after its run (for a tmpfs --out such as "
                         "/dev/shm, where removing costs the next run nothing)")
    ap.add_argument("--sync", action="store_true",
                    help="flush the file system (sync) before each run, so that no run pays "
                         "for the writeback of the sites before it")
    ap.add_argument("--threads", default="",
                    help="comma-separated -j values: a site row for each (default: none given, "
                         "one writer per processor)")
    ap.add_argument("--floor", action="store_true",
                    help="each round, also time cp -r of the first site row's site (the files "
                         "and bytes alone)")
    args = ap.parse_args()

    out = tempfile.mkdtemp(prefix="veilig-site-bench-", dir=args.out)
    tools = [("after", args.tool)] + ([("before", args.before)] if args.before else [])
    rows = [("load (list)", None, args.tool, None)]
    threads = args.threads.split(",") if args.threads else [None]
    for lang in args.lang.split(","):
        for j in threads:
            for name, tool in tools:
                label = "site --lang %s" % lang + (" -j %s" % j if j else "") + \
                    (" (%s)" % name if args.before else "")
                rows.append((label, (lang, j), tool, name))
    floor_label = "cp -r of the site (floor)"
    results = {label: [] for label, _l, _t, _n in rows}
    results[floor_label] = []
    sizes = {}
    try:
        for r in range(args.runs):
            load = None
            for label, lang, tool, _name in rows:
                if lang is None:
                    argv = [tool, "-f", args.file, "list", "--format", "csv"]
                else:
                    dest = os.path.join(out, "%d-%s" % (r, label.replace(" ", "_")
                                                        .replace("(", "").replace(")", "")))
                    argv = [tool, "-f", args.file, "site", "--lang", lang[0], "-o", dest] + \
                        (["-j", lang[1]] if lang[1] else [])
                if args.sync:
                    os.sync()
                res = run_once(argv)
                if lang is None:
                    load = res
                elif label not in sizes:
                    sizes[label] = folder_size(dest)
                results[label].append((res, load))
                copied = None
                if args.floor and lang is not None and len(results[floor_label]) == r:
                    if args.sync:
                        os.sync()
                    copied = run_once(["cp", "-r", dest, dest + ".copy"])
                    shutil.rmtree(dest + ".copy")
                    results[floor_label].append((copied, load))
                if lang is not None and args.remove_each:
                    shutil.rmtree(dest)
                print("round %d: %-28s wall %6.2f s  user %6.2f s  sys %6.2f s  peak %6.0f MiB%s"
                      % (r + 1, label, res[0], res[1], res[2], res[3] / 2**20,
                         "" if lang is None else "  %.2fx the load (wall), writing %.2fx"
                         % (res[0] / load[0], (res[0] - load[0]) / load[0])),
                      file=sys.stderr)
                if copied:
                    print("round %d: %-28s wall %6.2f s  user %6.2f s  sys %6.2f s  %.2fx the load"
                          % (r + 1, floor_label, copied[0], copied[1], copied[2],
                             copied[0] / load[0]), file=sys.stderr)
    finally:
        shutil.rmtree(out, ignore_errors=True)

    print("# `veilig site` against the load (bench/website.py)\n")
    print("%s, %.0f MB; %d rounds, each row once per round in this order; every figure a fresh "
          "process (wall clock; user and system time and peak RSS by getrusage via os.wait4); "
          "the ratio is a site run's wall over the load run of the same round, and the "
          "writing's: the site run's wall less the load run's (the time the pages took) over "
          "the load run's.\n"
          % (os.path.basename(args.file), os.path.getsize(args.file) / 1e6, args.runs))
    print("| run | wall s | user s | system s | peak RSS MiB | / load (wall), per round "
          "| writing / load, per round | pages | MB written |")
    print("|---|---:|---:|---:|---:|---|---|---:|---:|")
    for label, lang, _t, _n in rows:
        res = results[label]
        med = sorted(res, key=lambda x: x[0][0])[len(res) // 2][0]
        ratios = ", ".join("%.2fx" % (x[0][0] / x[1][0]) for x in res) if lang else "1"
        writing = ", ".join("%.2fx" % ((x[0][0] - x[1][0]) / x[1][0]) for x in res) \
            if lang else ""
        files, size = sizes.get(label, (0, 0))
        print("| %s | %.2f | %.2f | %.2f | %.0f | %s | %s | %s | %s |"
              % (label, med[0], med[1], med[2], med[3] / 2**20, ratios, writing,
                 "{:,}".format(files) if lang else "", "%.0f" % (size / 1e6) if lang else ""))
    if results[floor_label]:
        res = results[floor_label]
        med = sorted(res, key=lambda x: x[0][0])[len(res) // 2][0]
        print("| %s | %.2f | %.2f | %.2f | %.0f | %s |  |  |  |"
              % (floor_label, med[0], med[1], med[2], med[3] / 2**20,
                 ", ".join("%.2fx" % (x[0][0] / x[1][0]) for x in res)))
    print("\n(wall, user, system and RSS: the median run by wall clock)")


if __name__ == "__main__":
    main()
