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


pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="needs /proc")


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


def flat(action, warmup=30, loops=200):
    for _ in range(warmup):
        action()
    gc.collect()
    before = rss()
    for _ in range(loops):
        action()
    gc.collect()
    after = rss()
    return after - before


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
