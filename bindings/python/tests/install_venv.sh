#!/bin/sh
# The python_install test: the package installed the ways its README gives,
# offline (Debian's setuptools and python3-build, no PyPI), and used from there.
#
#   1. `pip install --no-build-isolation --no-index` of the source into a fresh
#      venv that sees Debian's setuptools and wheel (--system-site-packages), used
#      with VEILIG_LIBRARY, then with the library found by the system's loader
#      (LD_LIBRARY_PATH), then with the library beside the package;
#   2. a wheel built with `python -m build --no-isolation --wheel`: it holds
#      every module of the package and py.typed, and installs from the file
#      alone into a fresh venv that sees nothing of the system's packages.
#
# Everything is built from a copy in a temporary folder: setuptools writes
# build/ and *.egg-info beside the sources it builds.
#
#   install_venv.sh PYTHON PACKAGE_SOURCE_DIR LIBRARY
set -eu
python=$1
src=$2
lib=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pip_quiet="-q --disable-pip-version-check --no-index"
unset PYTHONPATH VEILIG_LIBRARY 2>/dev/null || true

copy_source() { # DEST
    mkdir "$1"
    cp -R "$src/pyproject.toml" "$src/README.md" "$src/veilig" "$1/"
    rm -rf "$1/veilig/__pycache__"
}

# ---- 1. pip install into a fresh venv ----
copy_source "$tmp/src"
"$python" -m venv --system-site-packages "$tmp/venv"
# shellcheck disable=SC2086
"$tmp/venv/bin/python" -m pip install $pip_quiet --no-build-isolation "$tmp/src"

cd "$tmp"
VEILIG_LIBRARY=$lib "$tmp/venv/bin/python" - <<'PY'
import os, sys
import veilig
pkg = os.path.dirname(veilig.__file__)
assert pkg.startswith(sys.prefix), (pkg, sys.prefix)
assert os.path.exists(os.path.join(pkg, "py.typed"))
assert veilig.library_path() == os.environ["VEILIG_LIBRARY"]
with veilig.builtin() as reg:
    assert reg["GM0153"].name == "Enschede"
print("pip install:", pkg, "library:", veilig.library_path())
PY

LD_LIBRARY_PATH=$(dirname "$lib") "$tmp/venv/bin/python" - <<'PY'
import veilig
assert veilig.library_path() == "libveilig.so.1", veilig.library_path()
with veilig.builtin() as reg:
    assert len(reg) > 0
print("pip install, the system's loader:", veilig.library_path())
PY

# The library beside the package, no VEILIG_LIBRARY.
pkg=$("$tmp/venv/bin/python" -c 'import os, veilig; print(os.path.dirname(veilig.__file__))')
cp "$lib" "$pkg/libveilig.so.1"
"$tmp/venv/bin/python" - "$pkg" <<'PY'
import os, sys
import veilig
assert veilig.library_path() == os.path.join(sys.argv[1], "libveilig.so.1"), veilig.library_path()
with veilig.builtin() as reg:
    assert len(reg) > 0
print("beside the package:", veilig.library_path())
PY
rm "$pkg/libveilig.so.1"
"$tmp/venv/bin/python" -m pip uninstall -q -y veilig
[ ! -e "$pkg" ] || { echo "python_install: FAIL: pip uninstall left $pkg" >&2; exit 1; }

# ---- 2. a wheel ----
if ! "$python" -c 'import build' 2>/dev/null; then
    echo "python_install: FAIL: $python has no module build (Debian: python3-build; scripts/install-deps installs it)" >&2
    exit 1
fi
copy_source "$tmp/wheel-src"
"$python" -m build --no-isolation --wheel --outdir "$tmp/dist" "$tmp/wheel-src" >"$tmp/build.log" 2>&1 || {
    cat "$tmp/build.log" >&2; echo "python_install: FAIL: the wheel did not build" >&2; exit 1; }
wheel=$(ls "$tmp"/dist/veilig-*-py3-none-any.whl)
"$python" - "$wheel" "$src/veilig" <<'PY'
import os, sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
want = {"veilig/" + f for f in os.listdir(sys.argv[2]) if f.endswith(".py") or f == "py.typed"}
missing = want - names
assert not missing, "the wheel lacks %s" % sorted(missing)
assert any(n.endswith(".dist-info/METADATA") for n in names)
print("wheel:", os.path.basename(sys.argv[1]), len(want), "files of the package")
PY
"$python" -m venv "$tmp/venv-wheel"
# shellcheck disable=SC2086
"$tmp/venv-wheel/bin/python" -m pip install $pip_quiet "$wheel"
VEILIG_LIBRARY=$lib "$tmp/venv-wheel/bin/python" - <<'PY'
import os, sys
import veilig
assert os.path.dirname(veilig.__file__).startswith(sys.prefix)
with veilig.builtin() as reg:
    assert reg["GM0153"].name == "Enschede"
print("wheel installed:", os.path.dirname(veilig.__file__))
PY
echo "python_install: ok"
