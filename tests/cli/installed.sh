#!/bin/sh
# cli.installed: installs the build into a temporary prefix and runs the
# installed tool the way a user would: veilig --version, veilig list, and its
# man page (man -l; skipped with a message when man is not installed).
#
#   installed.sh CMAKE BUILD_DIR PREFIX BINDIR LIBDIR MANDIR
#
# BINDIR, LIBDIR and MANDIR are the CMAKE_INSTALL_* directories, relative to
# the prefix. PREFIX is emptied first and left behind for inspection.
set -eu

if [ $# -ne 6 ]; then
    echo "usage: $0 CMAKE BUILD_DIR PREFIX BINDIR LIBDIR MANDIR" >&2
    exit 2
fi
cmake=$1
build=$2
prefix=$3
bindir=$4
libdir=$5
mandir=$6

fail() {
    echo "cli.installed: FAIL: $*" >&2
    exit 1
}

rm -rf "$prefix"
mkdir -p "$prefix"
log=$prefix.log
if ! "$cmake" --install "$build" --prefix "$prefix" >"$log" 2>&1; then
    cat "$log" >&2
    fail "cmake --install $build --prefix $prefix failed"
fi

veilig=$prefix/$bindir/veilig
page=$prefix/$mandir/man1/veilig.1
data=$prefix/share/veilig/veilige-steden.json
[ -x "$veilig" ] || fail "$veilig was not installed"
[ -f "$page" ] || fail "$page was not installed"
[ -f "$data" ] || fail "$data (named in the man page, FILES) was not installed"

LD_LIBRARY_PATH=$prefix/$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH

version=$("$veilig" --version) || fail "veilig --version failed"
echo "cli.installed: $version"
case $version in
    "veilig "*libveilig*) ;;
    *) fail "veilig --version printed: $version" ;;
esac

out=$("$veilig" list --format csv) || fail "veilig list failed"
echo "$out" | grep -q '^GM0153,Enschede,' || fail "veilig list does not list Enschede: $out"
"$veilig" -f "$data" list >/dev/null || fail "veilig -f $data list failed"

if command -v man >/dev/null 2>&1; then
    text=$(MANWIDTH=80 man -l "$page" 2>"$prefix.man.err") || fail "man -l $page failed"
    if [ -s "$prefix.man.err" ]; then
        cat "$prefix.man.err" >&2
        fail "man -l $page printed warnings"
    fi
    for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" FILES EXAMPLES "SEE ALSO"; do
        echo "$text" | grep -q "^$section" || fail "the man page has no $section section"
    done
    echo "cli.installed: man -l $page: ok"
else
    echo "cli.installed: man is not installed: the man page check is skipped"
fi
echo "cli.installed: ok"
