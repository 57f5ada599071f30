#!/bin/sh
# Installs the package offline into a new venv (made with
# --system-site-packages, as the README says) and uses it from there: first
# with VEILIG_LIBRARY, then with the library copied beside the package (the
# installed layout).
#
#   install_venv.sh PYTHON PACKAGE_SOURCE_DIR LIBRARY
set -eu
python=$1
src=$2
lib=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# Build from a copy: setuptools writes build/ and *.egg-info beside the sources.
mkdir "$tmp/src"
cp -R "$src/pyproject.toml" "$src/README.md" "$src/veilig" "$tmp/src/"
rm -rf "$tmp/src/veilig/__pycache__"

"$python" -m venv --system-site-packages "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check \
    --no-build-isolation --no-index "$tmp/src"

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
print("installed:", pkg, "library:", veilig.library_path())
PY

# The installed layout: the library beside the package, no VEILIG_LIBRARY.
pkg=$("$tmp/venv/bin/python" -c 'import os, veilig; print(os.path.dirname(veilig.__file__))')
cp "$lib" "$pkg/libveilig.so.1"
env -u VEILIG_LIBRARY "$tmp/venv/bin/python" - "$pkg" <<'PY'
import os, sys
import veilig
assert veilig.library_path() == os.path.join(sys.argv[1], "libveilig.so.1"), veilig.library_path()
with veilig.builtin() as reg:
    assert len(reg) > 0
print("beside the package:", veilig.library_path())
PY
"$tmp/venv/bin/python" -m pip uninstall -q -y veilig
echo "python_install: ok"
