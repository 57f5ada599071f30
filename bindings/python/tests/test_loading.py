"""Loading, saving, and finding the library."""

import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

import veilig
from veilig import _capi
from conftest import PACKAGE_ROOT, REPO_ROOT, RICH


def run_python(code, env=None, cwd=None):
    """Runs code in a new interpreter; returns (returncode, stdout + stderr)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    for key, value in list(full_env.items()):
        if value is None:
            del full_env[key]
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=full_env,
                          cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=120)
    return proc.returncode, proc.stdout


def test_load_path_and_pathlib():
    with veilig.load(RICH) as a, veilig.load(pathlib.Path(RICH)) as b:
        assert len(a) == len(b) == 2
        assert a.dumps() == b.dumps()


def test_loads_str_bytes_bytearray():
    with open(RICH, encoding="utf-8") as f:
        text = f.read()
    regs = [veilig.loads(text), veilig.loads(text.encode("utf-8")),
            veilig.loads(bytearray(text.encode("utf-8")))]
    assert len({r.dumps() for r in regs}) == 1
    with pytest.raises(TypeError):
        veilig.loads(42)


def test_builtin_and_its_json():
    with veilig.builtin() as a, veilig.loads(veilig.builtin_json()) as b:
        assert a.dumps() == b.dumps()
        assert len(a) > 0


def test_new_registry():
    reg = veilig.Registry()
    assert len(reg) == 0
    assert list(reg) == []
    assert reg.programme is None
    assert reg.version == 1
    doc = json.loads(reg.dumps())
    assert doc["format"] == "veilig" and doc["version"] == 1
    reg.close()


def test_dumps_is_canonical_and_options(rich):
    text = rich.dumps()
    assert text.endswith("\n") and '\n  "format": "veilig"' in text
    assert rich.dumps() == text
    with veilig.loads(text) as again:
        assert again.dumps() == text
    compact = rich.dumps(compact=True)
    assert "\n  " not in compact
    assert json.loads(compact) == json.loads(text)
    ascii_text = rich.dumps(ascii=True)
    assert all(ord(ch) < 128 for ch in ascii_text)
    assert json.loads(ascii_text) == json.loads(text)
    assert "A. Persoon" in text
    assert "A. Persoon" not in rich.dumps(omit_personal=True)


def test_save_and_load(tmp_path, rich):
    path = tmp_path / "out.json"
    rich.save(path)
    assert path.read_text(encoding="utf-8") == rich.dumps()
    rich.save(str(path), compact=True, omit_personal=True)
    text = path.read_text(encoding="utf-8")
    assert "A. Persoon" not in text and "\n  " not in text
    with veilig.load(path) as again:
        assert again[0].code == "GM0001"
    assert os.listdir(tmp_path) == ["out.json"]  # no temporary file left


def test_save_to_missing_folder_raises_oserror(tmp_path, rich):
    with pytest.raises(OSError) as info:
        rich.save(tmp_path / "no" / "such" / "dir" / "x.json")
    assert isinstance(info.value, veilig.VeiligIOError)
    assert info.value.code == -2


def test_version_and_library_path():
    assert veilig.ABI_VERSION == 1
    assert re.match(r"^\d+\.\d+\.\d+$", veilig.version())
    assert veilig.__version__
    assert os.path.basename(veilig.library_path()).startswith("libveilig.so")
    with pytest.raises(RuntimeError):
        veilig.set_library_path("/nowhere/libveilig.so.1")


def test_only_registered_functions_are_reachable():
    lib = _capi.lib()
    assert lib.veilig_registry_count is not None
    with pytest.raises(AttributeError):
        lib.veilig_registry_get_mut  # exported, but not declared in the table


def test_every_field_function_is_in_the_table():
    from veilig._fields import _Children, _Date, _Double, _Single, _Str, _StrList, _Vocab, \
        _VocabList
    names = {entry[0] for entry in _capi.FUNCTIONS}
    assert len(names) == len(_capi.FUNCTIONS), "a function is declared twice"
    for cls in [veilig.Registry, veilig.Programme, veilig.Municipality, veilig.Membership,
                veilig.Exclusion, veilig.PolicyLink, veilig.Stakeholder, veilig.Contact,
                veilig.Source, veilig.Measure, veilig.Window, veilig.Partner, veilig.Indicator,
                veilig.Observation]:
        for attr in vars(cls).values():
            wanted = []
            if isinstance(attr, _Str):
                wanted = [attr.fn("%s"), attr.fn("set_%s")]
            elif isinstance(attr, _Vocab):
                wanted = [attr.fn("%s"), attr.fn("%s_code"), attr.fn("set_%s")]
            elif isinstance(attr, (_Date, _Double)):
                wanted = [attr.fn("%s"), attr.fn("set_%s")]
                if isinstance(attr, _Double) and attr.clearable:
                    wanted.append(attr.fn("clear_%s"))
            elif isinstance(attr, _VocabList):
                wanted = [attr.fn(t) for t in ("%s_count", "%s", "%s_code", "add_%s",
                                               "remove_%s")]
            elif isinstance(attr, _StrList):
                wanted = [attr.fn(t) for t in ("%s_count", "%s", "add_%s", "remove_%s")]
            elif isinstance(attr, _Children):
                wanted = [n for n in attr.names.values() if n]
            elif isinstance(attr, _Single):
                wanted = [attr.getter]
            for name in wanted:
                assert name in names, "%s.%s uses %s" % (cls.__name__, attr, name)


def test_every_table_function_is_in_the_headers():
    include = os.path.join(REPO_ROOT, "include", "veilig")
    if not os.path.isdir(include):
        pytest.skip("no checkout: include/veilig")
    declared = set()
    for name in os.listdir(include):
        if name.endswith(".h"):
            with open(os.path.join(include, name), encoding="utf-8") as f:
                declared.update(re.findall(r"\b(veilig_\w+)\s*\(", f.read()))
    for entry in _capi.FUNCTIONS:
        assert entry[0] in declared, entry[0]


def test_lazy_loading():
    code, out = run_python("""
        import veilig
        from veilig import _capi
        assert _capi._loaded is None, "loaded at import"
        reg = veilig.builtin()
        assert _capi._loaded is not None
        print("ok", len(reg))
    """)
    assert code == 0, out
    assert out.startswith("ok")


def test_bad_veilig_library_is_an_import_error():
    code, out = run_python("""
        import veilig                      # import works without the library
        try:
            veilig.builtin()
        except ImportError as e:
            print("ImportError:", e)
    """, env={"VEILIG_LIBRARY": "/nonexistent/libveilig.so.1"})
    assert code == 0, out
    assert "ImportError:" in out and "VEILIG_LIBRARY" in out and "/nonexistent" in out


def test_not_found_says_what_to_set(tmp_path):
    # the package alone, outside the checkout: nothing to find but the linker's search
    shutil.copytree(os.path.join(PACKAGE_ROOT, "veilig"), str(tmp_path / "veilig"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    code, out = run_python("""
        import ctypes.util, veilig
        if ctypes.util.find_library("veilig"):
            print("SKIP: a libveilig is installed")
        else:
            try:
                veilig.Registry()
            except ImportError as e:
                print("ImportError:", e)
    """, env={"VEILIG_LIBRARY": None, "PYTHONPATH": str(tmp_path),
              "LD_LIBRARY_PATH": None}, cwd=str(tmp_path))
    if "SKIP" in out:
        pytest.skip("libveilig is installed system-wide")
    assert code == 0, out
    assert "ImportError:" in out and "VEILIG_LIBRARY" in out


def test_library_through_the_system_loader(tmp_path):
    # the package alone, outside the checkout, no VEILIG_LIBRARY: the loader's own
    # search by soname finds the library (here through LD_LIBRARY_PATH; a Debian
    # package's through the ld.so cache)
    shutil.copytree(os.path.join(PACKAGE_ROOT, "veilig"), str(tmp_path / "veilig"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    libdir = os.path.dirname(os.path.realpath(veilig.library_path()))
    code, out = run_python("""
        import veilig
        with veilig.builtin() as reg:
            print(veilig.library_path(), len(reg))
    """, env={"VEILIG_LIBRARY": None, "PYTHONPATH": str(tmp_path),
              "LD_LIBRARY_PATH": libdir}, cwd=str(tmp_path))
    assert code == 0, out
    assert out.split()[0] == "libveilig.so.1", out
    assert int(out.split()[1]) > 0, out


def test_library_beside_the_package(tmp_path):
    shutil.copytree(os.path.join(PACKAGE_ROOT, "veilig"), str(tmp_path / "veilig"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    os.mkdir(str(tmp_path / "veilig" / "lib"))
    shutil.copy(veilig.library_path(), str(tmp_path / "veilig" / "lib" / "libveilig.so.1"))
    code, out = run_python("""
        import veilig
        print(veilig.library_path())
        assert len(veilig.builtin()) > 0
    """, env={"VEILIG_LIBRARY": None, "PYTHONPATH": str(tmp_path)}, cwd=str(tmp_path))
    assert code == 0, out
    assert out.strip() == str(tmp_path / "veilig" / "lib" / "libveilig.so.1")


def test_build_tree_of_a_checkout():
    import glob
    builds = glob.glob(os.path.join(REPO_ROOT, "build*", "libveilig.so.1"))
    if not builds:
        pytest.skip("no build*/libveilig.so.1 in the checkout")
    code, out = run_python("""
        import veilig
        print(veilig.library_path())
    """, env={"VEILIG_LIBRARY": None, "PYTHONPATH": PACKAGE_ROOT})
    assert code == 0, out
    assert out.strip() in builds


def test_abi_is_checked():
    code, out = run_python("""
        from veilig import _capi
        _capi.ABI_VERSION = 99
        try:
            _capi.lib()
        except ImportError as e:
            print("ImportError:", e)
    """)
    assert code == 0, out
    assert "ImportError:" in out and "ABI" in out


def test_deepcopy(rich):
    """copy.deepcopy(reg): an independent registry with the same document."""
    import copy
    other = copy.deepcopy(rich)
    assert other is not rich and other.dumps() == rich.dumps()
    other[0].name = "Anders"
    assert rich[0].name != "Anders"
    holder = {"a": rich, "b": rich}
    copied = copy.deepcopy(holder)
    assert copied["a"] is copied["b"] and copied["a"] is not rich

