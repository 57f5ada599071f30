"""Threads reading registries (issue 15 point 8). The binding's small calls
keep the GIL (a PyDLL function: no handoff of the GIL between threads on each
getter), the calls whose work grows with the document release it, so that
threads run them at once; bench/python_baseline.py measures the effect. The
tests here are not timed: they check which calls release the GIL and that
concurrent readers get the answers one thread gets."""

import ctypes
import threading

import veilig
from veilig import _capi


def _keeps_gil(func):
    return bool(func._flags_ & ctypes._FUNCFLAG_PYTHONAPI)


def test_small_calls_keep_the_gil_and_work_releases_it():
    lib = _capi.lib()
    for name in ("veilig_measure_name", "veilig_municipality_measure_count",
                 "veilig_profile_category_count", "veilig_profile_gap_code",
                 "veilig_diff_pointer", "veilig_registry_get"):
        assert _keeps_gil(getattr(lib, name)), name
    for name in ("veilig_profile", "veilig_coverage", "veilig_peers", "veilig_diff",
                 "veilig_validate", "veilig_registry_load_string", "veilig_registry_dump",
                 "veilig_profile_to_json", "veilig_render_profile"):
        assert name in _capi.RELEASES_GIL, name
        assert not _keeps_gil(getattr(lib, name)), name
    # every registered function is one or the other, as RELEASES_GIL says
    for name, _, _, _ in _capi.FUNCTIONS:
        func = getattr(lib, name)
        if hasattr(func, "_flags_"):
            assert _keeps_gil(func) == (name not in _capi.RELEASES_GIL), name


def test_concurrent_readers_agree():
    with veilig.builtin() as reg:
        expected = {m.code: m.profile().to_records("categories") for m in reg}
        results, errors = [], []

        def read():
            try:
                for _ in range(3):
                    results.append({m.code: m.profile().to_records("categories") for m in reg})
            except Exception as exc:  # pragma: no cover - reported below
                errors.append(exc)

        pool = [threading.Thread(target=read) for _ in range(4)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        assert errors == []
        assert len(results) == 12 and all(r == expected for r in results)
