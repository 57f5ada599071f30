"""What ``import veilig`` imports, and the names it imports on first use.

A script that loads a registry and computes its coverage (the common job,
bench/fresh/py_coverage.py) imports the model and veilig.analysis only: the
rest of the package comes with the first use of one of its names (PEP 562
__getattr__ in veilig/__init__.py), and the C functions' signatures are
declared when each is first looked up (veilig._capi._Lib). These tests check
which modules a fresh interpreter imports, not how long it takes: timings
are no tests here (bench/fresh.py measures them).
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest

import veilig
from conftest import PACKAGE_ROOT, RICH


def run_fresh(code, env=None):
    """Runs code in a new interpreter that imports the package of this tree;
    returns what it prints as JSON on its last line."""
    full_env = dict(os.environ, PYTHONPATH=PACKAGE_ROOT)
    full_env.update(env or {})
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=full_env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=120)
    assert proc.returncode == 0, proc.stdout
    return json.loads(proc.stdout.splitlines()[-1])


#: Modules the common path (import, load, coverage) must not import: the
#: package's modules it does not use, and standard modules only they (or a
#: search for the library, or a calendar) need.
NOT_ON_THE_COMMON_PATH = ["veilig.report", "veilig.tables", "veilig.sheet",
                          "veilig.diagnostics", "veilig.model", "calendar", "glob", "locale"]


def test_import_load_and_coverage_import_only_what_they_need():
    seen = run_fresh("""
        import json, sys
        import veilig
        after_import = sorted(sys.modules)
        reg = veilig.load(%r)
        total = reg.coverage().total
        from veilig import _capi
        declared = [n for n in vars(_capi.lib()) if n.startswith("veilig_")]
        print(json.dumps({"after_import": after_import, "after_coverage": sorted(sys.modules),
                          "total": total, "declared": declared,
                          "functions": len(_capi.FUNCTIONS)}))
    """ % RICH)
    assert seen["total"] > 0
    for name in ["veilig.analysis", "dataclasses", "inspect"] + NOT_ON_THE_COMMON_PATH:
        assert name not in seen["after_import"], name
    assert "veilig.analysis" in seen["after_coverage"]
    for name in NOT_ON_THE_COMMON_PATH:
        assert name not in seen["after_coverage"], name
    # the signatures declared are those of the functions called (a few dozen
    # at most), not the whole table
    assert "veilig_coverage" in seen["declared"]
    assert "veilig_measure_name" not in seen["declared"]
    assert len(seen["declared"]) < seen["functions"] // 4, seen["declared"]


def test_every_name_of_all_is_there_in_a_fresh_process():
    seen = run_fresh("""
        import json, os, sys, veilig
        names = {}
        for name in veilig.__all__:
            value = getattr(veilig, name)
            module = getattr(value, "__module__", None)
            names[name] = module if isinstance(module, str) else None
        print(json.dumps({"names": names, "dir": dir(veilig)}))
    """)
    assert sorted(seen["names"]) == sorted(veilig.__all__)
    assert set(veilig.__all__) <= set(seen["dir"])


def test_from_veilig_import_each_lazy_name():
    # a fresh process for each module imported on first use: the name comes
    # from there, and is the same object as the module's
    for module, names in sorted(veilig._LAZY_NAMES.items()):
        seen = run_fresh("""
            import json, sys
            from veilig import %s as value
            import veilig
            module = sys.modules["veilig.%s"]
            print(json.dumps([getattr(veilig, %r) is value, value is getattr(module, %r)]))
        """ % (names[0], module, names[0], names[0]))
        assert seen == [True, True], (module, names[0])


def test_lazy_names_are_the_modules_objects():
    from veilig import analysis, diagnostics, sheet, tables
    modules = {"analysis": analysis, "diagnostics": diagnostics, "sheet": sheet,
               "tables": tables}
    for module, names in veilig._LAZY_NAMES.items():
        for name in names:
            assert name in veilig.__all__, name
            assert getattr(veilig, name) is getattr(modules[module], name), name
    assert veilig.Diagnostic is veilig.model.Diagnostic
    assert veilig.Coverage is veilig.analysis.Coverage


def test_the_package_modules_are_attributes():
    package = os.path.join(PACKAGE_ROOT, "veilig")
    files = sorted(f[:-3] for f in os.listdir(package)
                   if f.endswith(".py") and f != "__init__.py")
    # _MODULES names every module but site (whose name is the function site())
    assert sorted(veilig._MODULES + ("site",)) == files
    seen = run_fresh("""
        import json, types, veilig
        print(json.dumps({m: isinstance(getattr(veilig, m), types.ModuleType)
                          for m in veilig._MODULES}))
    """)
    assert all(seen.values()), seen
    assert set(veilig._MODULES) <= set(dir(veilig))


def test_site_stays_the_function():
    seen = run_fresh("""
        import json
        import veilig.site
        from veilig.site import site
        import veilig
        print(json.dumps([callable(veilig.site), veilig.site is site]))
    """)
    assert seen == [True, True]


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_name"):
        veilig.no_such_name  # noqa: B018
    with pytest.raises(ImportError):
        from veilig import no_such_name  # noqa: F401
    assert not hasattr(veilig, "no_such_name")


def test_a_library_without_a_function_of_the_table():
    # the load checks every function of the table, though it declares each on
    # first use: a missing one is an ImportError at once, unless OPTIONAL
    # (then a stub that raises, and has() is False)
    seen = run_fresh("""
        import json
        from ctypes import c_int
        from veilig import _capi
        _capi.FUNCTIONS.append(("veilig_render_nothing", [], c_int, None))
        _capi.OPTIONAL = _capi.OPTIONAL | {"veilig_render_nothing"}
        lib = _capi.lib()
        try:
            lib.veilig_render_nothing()
        except NotImplementedError as e:
            stub = str(e)
        print(json.dumps([_capi.has("veilig_render_nothing"), _capi.has("veilig_coverage"),
                          stub]))
    """)
    assert seen[:2] == [False, True] and "veilig_render_nothing" in seen[2]
    seen = run_fresh("""
        import json
        from ctypes import c_int
        from veilig import _capi
        _capi.FUNCTIONS.append(("veilig_no_such_function", [], c_int, None))
        try:
            _capi.lib()
        except ImportError as e:
            print(json.dumps(str(e)))
    """)
    assert "lacks veilig_no_such_function" in seen and "older than this package" in seen
