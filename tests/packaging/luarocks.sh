#!/bin/sh
# The luarocks test: the Lua module built and installed with LuaRocks
# (Debian's luarocks) and its rockspec, for Lua 5.1 and 5.4, against an
# installed libveilig, into a local tree, and required from that tree.
#
#   luarocks.sh BUILD_DIR SOURCE_DIR TMP_DIR
#
# libveilig is installed from BUILD_DIR into TMP_DIR/prefix first (cmake
# --install), as a user's `make install` would; `luarocks make` runs in a copy
# of bindings/lua (with libveilig/util beside it, as in a checkout: the module
# compiles in the utility layer's buffer), since it compiles in the folder it
# runs in.
set -eu
[ $# -eq 3 ] || { echo "usage: $0 BUILD_DIR SOURCE_DIR TMP_DIR" >&2; exit 2; }
build=$1
src=$2
tmp=$3
CMAKE=${CMAKE:-cmake}
fail() { echo "luarocks: FAIL: $*" >&2; exit 1; }
command -v luarocks >/dev/null 2>&1 || fail "luarocks is not installed (Debian: luarocks; scripts/install-deps installs it)"
unset LUA_PATH LUA_CPATH LUA_PATH_5_4 LUA_CPATH_5_4 LUA_INIT LUA_INIT_5_4 2>/dev/null || true

rm -rf "$tmp"
mkdir -p "$tmp"
"$CMAKE" --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log" >&2; fail "cmake --install"; }
so=$(find "$tmp/prefix" -name libveilig.so -path '*/lib*' | head -n 1)
[ -n "$so" ] || fail "no libveilig.so in the installed tree"
libdir=$(dirname "$so")
# the count the C library gives, through the installed tool
expected=$(LD_LIBRARY_PATH=$libdir "$tmp/prefix/bin/veilig" list --format json |
    grep -c '"code"') || fail "the installed veilig did not list"

for v in 5.1 5.4; do
    lua=lua$v
    command -v "$lua" >/dev/null 2>&1 || fail "$lua is not installed"
    work=$tmp/src-$v
    tree=$tmp/rocks-$v
    # bindings/lua and the utility layer it compiles in (libveilig/util/buf.c), in their layout
    mkdir -p "$work/bindings" "$work/libveilig"
    cp -R "$src/bindings/lua" "$work/bindings/lua"
    cp -R "$src/libveilig/util" "$work/libveilig/util"
    (cd "$work/bindings/lua" && luarocks --lua-version "$v" --tree "$tree" make veilig-scm-1.rockspec \
        VEILIG_INCDIR="$tmp/prefix/include" VEILIG_LIBDIR="$libdir") >"$tmp/make-$v.log" 2>&1 || {
        cat "$tmp/make-$v.log" >&2; fail "luarocks make for Lua $v"; }
    mod=$(find "$tree" -name veilig.so | head -n 1)
    [ -n "$mod" ] || fail "luarocks installed no veilig.so into $tree"
    case $mod in "$tree"/lib/lua/$v/*) ;; *) fail "the module is at $mod, not in the tree's lib/lua/$v" ;; esac
    # the tree's paths, as `luarocks path` gives them to a user's shell
    eval "$(luarocks --lua-version "$v" --tree "$tree" path)"
    n=$(LD_LIBRARY_PATH=$libdir "$lua" -e '
        local veilig = require "veilig"
        local reg = assert(veilig.builtin())
        io.write(#reg)') || fail "$lua could not require veilig from $tree"
    [ "$n" = "$expected" ] || fail "$lua counted $n municipalities, the tool $expected"
    echo "luarocks: Lua $v: $mod, $n municipalities"
done
echo "luarocks: ok"
