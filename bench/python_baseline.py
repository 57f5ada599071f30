#!/usr/bin/python3
"""The Python rows of the benchmark (issue 9): the same tasks in pure Python
(the json module and straightforward code, as a user would write it without
libveilig) and through the Python binding (bindings/python, ``import
veilig``), timed in the same run, with the ratios.

    VEILIG_LIBRARY=build/bench/veilig/libveilig.so.1 PYTHONPATH=bindings/python \\
        /usr/bin/python3 bench/python_baseline.py --data build/bench-data [--sizes S,M] [--runs 3]

Tasks, on the generated registries S (342 x 50) and M (342 x 500):

- load: ``json.load`` against ``veilig.load``;
- coverage (municipalities x categories, active measures: status neither
  "ended" nor "planned"), as docs/analysis.md "Coverage" defines it;
- peers of every municipality (k = 5), by the weighted Jaccard similarity of
  docs/analysis.md "Peers and similarity" (categories 0.4 as counts; target
  groups, settings and stakeholder kinds 0.2 each as sets; a part both lack is
  left out; ties to the lower CBS code), with the suggestions (the peer's
  measures in categories the subject has none of);
- threads (issue 15 point 8): ``m.profile()`` of every bundled municipality,
  the same calls in one thread and split over four threads; the ratio of
  wall times shows what the threads cost (1.0: nothing).

The binding's analysis functions (``reg.coverage()``, ``reg.peers()``) are
used when the binding has them; until then the binding rows are the
binding's load and the same Python code over the binding's objects, and the
output says so. Every row is the median of the runs, in CPU time of the
process (wall clock beside it). Issue 9.4's target: the binding at least 10x
faster than pure Python for coverage and peers on M.
"""

import argparse
import json
import os
import statistics
import sys
import time

CATEGORIES = ["deescalation", "supervision", "camera_surveillance", "campaign", "education",
              "bystander", "victim_support", "reporting", "enforcement", "lgbti", "public_space",
              "nightlife", "research"]
TARGET_GROUPS = ["everyone", "women_girls", "lgbtiq", "disability", "students", "youth",
                 "pupils", "nightlife_visitors", "residents", "visitors", "workers", "bystanders",
                 "perpetrators", "men_boys", "professionals", "entrepreneurs"]
SETTINGS = ["public_space", "nightlife", "online", "education", "work"]
KINDS = ["municipal_department", "police", "public_health", "knowledge_institution", "school",
         "civil_society", "business", "student_association", "council", "national_body",
         "expertise_centre", "other"]

SIZES = {"S": (342, 50), "M": (342, 500)}


# ---- pure Python: the json module and straightforward code ----

def pure_load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def pure_coverage(doc):
    """Rows of counts per category (vocabulary order), active measures only."""
    rows = []
    for m in doc["municipalities"]:
        counts = dict.fromkeys(CATEGORIES, 0)
        for ms in m.get("measures", []):
            if ms.get("status") in ("ended", "planned"):
                continue
            if ms["category"] in counts:
                counts[ms["category"]] += 1
        rows.append((m["code"], [counts[c] for c in CATEGORIES]))
    return rows


def features_of(code, scope, measures, stakeholders):
    """(code, category counts, target groups, settings, kinds, measures) of a
    municipality; scope is (target groups, settings); measures are (category,
    target groups, settings, measure) and stakeholders their kinds."""
    cats = dict.fromkeys(CATEGORIES, 0)
    groups = {g for g in scope[0] if g in TARGET_GROUPS}
    settings = {s for s in scope[1] if s in SETTINGS}
    for category, mgroups, msettings, _ in measures:
        if category in cats:
            cats[category] += 1
        groups.update(g for g in mgroups if g in TARGET_GROUPS)
        settings.update(s for s in msettings if s in SETTINGS)
    kinds = {k for k in stakeholders if k in KINDS}
    return code, cats, groups, settings, kinds, measures


def pure_features(m):
    scope = m.get("scope", {})
    measures = [(ms["category"], ms.get("target_groups", []), ms.get("settings", []), ms)
                for ms in m.get("measures", [])]
    return features_of(m["code"], (scope.get("target_groups", []), scope.get("settings", [])),
                       measures, [s.get("kind") for s in m.get("stakeholders", [])])


def jaccard_sets(a, b):
    union = a | b
    return len(a & b) / len(union) if union else None


def similarity(fa, fb):
    parts = []
    ca, cb = fa[1], fb[1]
    if any(ca.values()) or any(cb.values()):
        mins = sum(min(ca[c], cb[c]) for c in CATEGORIES)
        maxs = sum(max(ca[c], cb[c]) for c in CATEGORIES)
        parts.append((0.4, mins / maxs))
    for i in (2, 3, 4):
        j = jaccard_sets(fa[i], fb[i])
        if j is not None:
            parts.append((0.2, j))
    weight = sum(w for w, _ in parts)
    return sum(w * j for w, j in parts) / weight if weight else 0.0


def peers_of(features, k=5):
    """For every municipality, the k most similar others, with suggestions."""
    result = []
    for fa in features:
        scored = [(similarity(fa, fb), fb) for fb in features if fb is not fa]
        scored.sort(key=lambda t: (-t[0], t[1][0]))
        for rank, (s, fb) in enumerate(scored[:k], 1):
            suggestions = [ms for category, _, _, ms in fb[5] if fa[1].get(category, 1) == 0]
            result.append((fa[0], rank, fb[0], s, suggestions))
    return result


def pure_peers(doc, k=5):
    return peers_of([pure_features(m) for m in doc["municipalities"]], k)


# ---- through the binding ----

def binding_coverage_loop(reg):
    """The coverage as a binding user writes it while reg.coverage() does not exist."""
    rows = []
    for m in reg:
        counts = dict.fromkeys(CATEGORIES, 0)
        for ms in m.measures:
            status = ms.status
            if status is not None and getattr(status, "value", status) in ("ended", "planned"):
                continue
            category = getattr(ms.category, "value", ms.category)
            if category in counts:
                counts[category] += 1
        rows.append((m.code, [counts[c] for c in CATEGORIES]))
    return rows


def _codes(values):
    return [getattr(v, "value", v) for v in values]


def binding_peers_loop(reg, k=5):
    """Peers in Python over the binding's objects, while reg.peers() does not exist."""
    features = []
    for m in reg:
        measures = [(getattr(ms.category, "value", ms.category), _codes(ms.target_groups),
                     _codes(ms.settings), ms) for ms in m.measures]
        features.append(features_of(m.code, (_codes(m.target_groups), _codes(m.settings)),
                                    measures, [getattr(s.kind, "value", s.kind)
                                               for s in m.stakeholders]))
    return peers_of(features, k)


def coverage_total(result):
    """The grand total of a coverage, from the pure rows or whatever reg.coverage() gives."""
    if isinstance(result, list):
        return sum(sum(counts) for _, counts in result)
    for name in ("total", "grand_total"):
        value = getattr(result, name, None)
        if value is not None:
            return value() if callable(value) else value
    if isinstance(result, dict) and "total" in result:
        return result["total"]
    return None


def peer_triples(result):
    """(subject, rank, peer) of peers, from the pure rows or reg.peers()."""
    out = []
    for row in result:
        if isinstance(row, tuple):
            out.append(row[:3])
            continue
        subject = getattr(row, "subject", None)
        peer = getattr(row, "peer", None)
        out.append((getattr(subject, "code", subject), getattr(row, "rank", None),
                    getattr(peer, "code", peer)))
    return out


# ---- threads: concurrent readers (issue 15 point 8) ----

def profile_rounds(reg, rounds):
    """m.profile() of every municipality of reg, rounds times over."""
    for _ in range(rounds):
        for m in reg:
            m.profile()


def threaded(fn, threads):
    """fn() in each of threads threads at once; returns when all are done."""
    import threading
    pool = [threading.Thread(target=fn) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()


def threads_rows(veilig, runs, rounds=40, threads=4):
    """The bundled dataset's profiles: the same calls in one thread and
    split over threads threads; the ratio of wall times (1.0: threads cost
    nothing; the issue measured 9x)."""
    with veilig.builtin() as reg:
        print("\nthreads: m.profile() of the %d bundled municipalities x %d rounds; median of %d runs"
              % (len(reg), rounds * threads, runs))
        print("  %-52s %10s %10s" % ("task", "cpu ms", "wall ms"))
        one = timed(lambda: profile_rounds(reg, rounds * threads), runs)
        line("1 thread, %d rounds" % (rounds * threads), one)
        many = timed(lambda: threaded(lambda: profile_rounds(reg, rounds), threads), runs)
        line("%d threads, %d rounds each" % (threads, rounds), many)
        print("  %-52s %9.2fx  (wall, %d threads / 1 thread)" % (
            "  ratio", many[1] / one[1] if one[1] else float("inf"), threads))
        calls, releasing = gil_releases(veilig, reg)
        print("  %-52s %10.1f  of %.1f C calls (each a handoff of the GIL between threads)" % (
            "  GIL releases per m.profile()", releasing, calls))


def gil_releases(veilig, reg):
    """(C calls, of them releasing the GIL) per m.profile(), counted by
    wrapping the binding's functions for one pass (then restored)."""
    from veilig import _capi
    lib = _capi.lib()
    releases = getattr(_capi, "RELEASES_GIL", None)  # None: a binding where every call releases it
    counts = [0, 0]
    saved = {}
    for name, _, _, _ in _capi.FUNCTIONS:
        func = saved[name] = getattr(lib, name)

        def counted(*args, _func=func, _name=name):
            counts[0] += 1
            counts[1] += releases is None or _name in releases
            return _func(*args)
        setattr(lib, name, counted)
    try:
        municipalities = list(reg)
        for m in municipalities:
            m.profile()
    finally:
        for name, func in saved.items():
            setattr(lib, name, func)
    return counts[0] / len(municipalities), counts[1] / len(municipalities)


# ---- timing ----

def timed(fn, runs):
    """(median CPU seconds, median wall seconds, last result)."""
    cpu, wall, result = [], [], None
    for _ in range(runs):
        result = None
        c0, w0 = time.process_time(), time.perf_counter()
        result = fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return statistics.median(cpu), statistics.median(wall), result


def line(label, t, extra=""):
    print("  %-52s %10.1f %10.1f  %s" % (label, t[0] * 1e3, t[1] * 1e3, extra))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default="build/bench-data")
    ap.add_argument("--sizes", default="S,M")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    try:
        import veilig
    except ImportError as e:
        sys.exit("python_baseline: cannot import the binding (PYTHONPATH=bindings/python): %s" % e)

    print("Python %s (%s); binding veilig %s over %s" % (
        sys.version.split()[0], sys.executable, veilig.version(), veilig.library_path()))
    missed = 0
    for size in args.sizes.split(","):
        if size not in SIZES:
            continue
        n, k = SIZES[size]
        path = os.path.join(args.data, "%s-%dx%d.json" % (size, n, k))
        if not os.path.exists(path):
            print("%s: %s is missing (make bench generates it)" % (size, path))
            continue
        runs = args.runs
        print("\n%s: %d municipalities x %d measures, %.1f MiB; median of %d runs" % (
            size, n, k, os.path.getsize(path) / 1048576.0, runs))
        print("  %-52s %10s %10s" % ("task", "cpu ms", "wall ms"))

        p_load = timed(lambda: pure_load(path), runs)
        doc = p_load[2]
        line("pure Python: json.load", p_load)
        p_cov = timed(lambda: pure_coverage(doc), runs)
        line("pure Python: coverage", p_cov, "total %d" % coverage_total(p_cov[2]))
        p_peers = timed(lambda: pure_peers(doc), runs)
        line("pure Python: peers (all, k=5)", p_peers, "%d rows" % len(p_peers[2]))
        doc = None  # free the pure-Python tree before the binding's rows

        b_load = timed(lambda: veilig.load(path), runs)
        reg = b_load[2]
        line("binding: veilig.load", b_load)
        if hasattr(reg, "coverage"):
            how_cov = "reg.coverage()"
            b_cov = timed(lambda: reg.coverage(), runs)
        else:
            how_cov = "Python loop over the binding's objects (no reg.coverage() yet)"
            b_cov = timed(lambda: binding_coverage_loop(reg), runs)
        line("binding: coverage", b_cov, "total %s; %s" % (coverage_total(b_cov[2]), how_cov))
        if hasattr(reg, "peers"):
            how_peers = "reg.peers(k=5)"
            b_peers = timed(lambda: reg.peers(k=5), runs)
        else:
            how_peers = "Python over the binding's objects (no reg.peers() yet)"
            b_peers = timed(lambda: binding_peers_loop(reg), runs)
        line("binding: peers (all, k=5)", b_peers, "%d rows; %s" % (len(b_peers[2]), how_peers))

        # the answers must agree
        same_cov = coverage_total(p_cov[2]) == coverage_total(b_cov[2])
        pt, bt = peer_triples(p_peers[2]), peer_triples(b_peers[2])
        differ = sum(1 for a, b in zip(pt, bt) if a != b) + abs(len(pt) - len(bt))
        print("  check: coverage totals %s; peers: %d of %d rows differ" % (
            "agree" if same_cov else "DIFFER", differ, len(pt)))

        print("  ratios (pure Python / binding, CPU):")
        rows = [("load", p_load[0], b_load[0], None),
                ("coverage", p_cov[0], b_cov[0], 10),
                ("peers", p_peers[0], b_peers[0], 10),
                ("load + coverage", p_load[0] + p_cov[0], b_load[0] + b_cov[0], None),
                ("load + peers", p_load[0] + p_peers[0], b_load[0] + b_peers[0], None)]
        for label, p, b, target in rows:
            text = "  %-52s %9.2fx" % ("  " + label, p / b if b else float("inf"))
            if target and size == "M":
                ok = p / b >= target
                missed += not ok
                text += "  >= %dx: %s" % (target, "met" if ok else "MISSED")
            print(text)
        reg = None
    threads_rows(veilig, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
