"""Memory stays flat when reading every field in a loop, and when loading
and freeing registries in a loop (libveilig's strings are freed with
veilig_free, registries with veilig_registry_free)."""

import gc
import os

import pytest

import veilig

MARGIN = 2 * 1024 * 1024  # bytes of RSS growth allowed after the warm-up


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


pytestmark = [
    pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc"),
    # AddressSanitizer keeps freed memory in quarantine, so RSS grows by
    # design; under it, LeakSanitizer checks the C tests for leaks instead.
    pytest.mark.skipif(bool(os.environ.get("VEILIG_SANITIZED")),
                       reason="RSS is no measure of leaks under a sanitizer"),
]


MEASURE_FIELDS = ["id", "name", "description", "category", "approach", "approach_explicit",
                  "target_groups", "settings", "area_name", "area_note", "status",
                  "period_start", "period_end", "budget", "budget_cents", "budget_currency",
                  "budget_start", "budget_end", "evidence", "indicators"]


def read_every_measure(reg):
    total = 0
    for m in reg:
        for ms in m.measures:
            for name in MEASURE_FIELDS:
                if getattr(ms, name) is not None:
                    total += 1
            for w in ms.schedule:
                total += len(w.days) + len(w.dayparts) + (w.hours is not None)
                total += w.note is not None
            for p in ms.partners:
                total += len(p.stakeholder) + (p.role is not None) + (p.note is not None)
            total += len(ms.dumps())
        total += len(m.dumps(compact=True))
    return total


def flat(action, warmup=30, loops=200, windows=3):
    """The least RSS growth over `windows` runs of `loops` actions each, after
    `warmup`: a leak grows in every window, while the heap settling in (the
    allocator's arenas finding their size, which may take longer than the
    warm-up on a busy machine) grows in one and not in the next."""
    for _ in range(warmup):
        action()
    growth = []
    for _ in range(windows):
        gc.collect()
        before = rss()
        for _ in range(loops):
            action()
        gc.collect()
        growth.append(rss() - before)
        if growth[-1] < MARGIN:
            break
    return min(growth)


def test_reading_every_field_does_not_leak():
    with veilig.builtin() as reg:
        assert read_every_measure(reg) > 0
        growth = flat(lambda: read_every_measure(reg))
    assert growth < MARGIN, "RSS grew by %d bytes" % growth


def test_loading_and_freeing_does_not_leak():
    text = veilig.builtin_json()

    def cycle():
        with veilig.builtin() as a:
            a.dumps()
        b = veilig.loads(text)
        b.validate()
        b.close()
        c = veilig.loads(text)
        c[0].measures[0].name  # freed when the last object goes
        del c
        try:
            veilig.loads(text[:-10])
        except veilig.ParseError:
            pass

    growth = flat(cycle)
    assert growth < MARGIN, "RSS grew by %d bytes" % growth


def run_every_analysis(reg, other):
    """Every analysis (and rendering the library has) once; their C results
    are freed with their _free functions, strings with veilig_free."""
    from veilig import _capi
    enschede = reg["Enschede"]
    total = 0
    total += len(reg.query(category="bystander", target_group=["residents", "youth"]))
    total += len(reg.query(text="ploeg", active_on="2023-06-01").to_records())
    total += reg.coverage().total + reg.coverage("target_group", all_measures=True).total
    profile = enschede.profile()
    total += len(profile.gaps.to_records()) + len(profile.to_records())
    total += len(enschede.compare(reg["Almelo"]).to_records())
    total += len(reg.peers().to_records()) + len(enschede.peers(k=3))
    total += int(veilig.similarity(enschede, other["Enschede"]) * 10)
    total += len(veilig.diff(reg, other).to_records()) + len(veilig.diff(reg, other, "GM0153"))
    schedule = enschede.schedule(active_on="2024")
    total += schedule.covered_minutes + len(schedule.to_records())
    total += len(other[0].progress().to_records())
    total += len(reg.coverage().to_json())
    if _capi.has("veilig_render_coverage"):
        total += len(reg.coverage().render("csv")) + len(profile.render("markdown"))
    if _capi.has("veilig_render_list"):
        total += len(reg.render_list("json")) + len(enschede.render("text", lang="en"))
    if _capi.has("veilig_export"):
        total += len(reg.export("measures")) + len(other.export("indicators", "json"))
    if _capi.has("veilig_report_html"):
        total += len(reg.report_html(enschede))
    return total


def test_analyses_do_not_leak():
    with veilig.builtin() as reg, veilig.builtin() as other:
        pub = other["Enschede"].find_measure("pub-ploeg")
        pub.name = "PUB"  # one difference for diff()
        other[0].add_indicator("meldingen", "Meldingen", direction="increase",
                               baseline_date="2020", baseline_value=10, target_date="2024",
                               target_value=20, observations=[("2021", 12), ("2022", 14)])
        assert run_every_analysis(reg, other) > 0
        growth = flat(lambda: run_every_analysis(reg, other), warmup=20, loops=150)
    assert growth < MARGIN, "RSS grew by %d bytes" % growth
