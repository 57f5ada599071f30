#!/bin/sh
# install_tree: installs the build into a temporary prefix and uses it the way
# a user would: checks the installed files, then builds tests/install/consumer.c
#   (i)   with pkg-config, against the shared library;
#   (ii)  with pkg-config --static, against libveilig.a (no NEEDED libveilig);
#   (iii) with CMake, find_package(veilig) and veilig::veilig (and _static);
#   (iv)  again with pkg-config and with CMake after moving the whole prefix.
#
#   run.sh BUILD_DIR SOURCE_DIR TMP_DIR
#
# Environment (all optional): CMAKE, CC, PKG_CONFIG, READELF: the tools (cmake,
# cc, pkg-config, readelf); VEILIG_VERSION, VEILIG_ABI_VERSION: what to expect (default:
# from the build's veilig/version.h); EXTRA_FLAGS: compiler and linker flags
# an instrumented build needs (-fsanitize=...). TMP_DIR is emptied first and
# left behind for inspection.
set -eu

if [ $# -ne 3 ]; then
    echo "usage: $0 BUILD_DIR SOURCE_DIR TMP_DIR" >&2
    exit 2
fi
build=$1
src=$2
tmp=$3
CMAKE=${CMAKE:-cmake}
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
READELF=${READELF:-readelf}
EXTRA_FLAGS=${EXTRA_FLAGS:-}
CFLAGS_STRICT="-std=c99 -pedantic -Wall -Wextra -Werror"

step() {
    echo "install_tree: $*"
}
fail() {
    echo "install_tree: FAIL: $*" >&2
    exit 1
}
# Runs a command quietly; on failure shows its output and fails with a message.
quiet() { # MESSAGE LOG COMMAND...
    msg=$1
    log=$2
    shift 2
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        fail "$msg (log: $log)"
    fi
}

# ---- tools and expectations ----
for tool in "$CMAKE" "$CC" "$PKG_CONFIG" "$READELF"; do
    command -v "$tool" >/dev/null 2>&1 || fail "$tool not found (scripts/install-deps installs it)"
done
[ -f "$build/CMakeCache.txt" ] || fail "$build is not a CMake build directory"
[ -f "$src/tests/install/consumer.c" ] || fail "$src is not the libveilig source directory"
version_h=$build/include/veilig/version.h
if [ -z "${VEILIG_VERSION:-}" ]; then
    VEILIG_VERSION=$(sed -n 's/^#define VEILIG_VERSION_STRING "\(.*\)"$/\1/p' "$version_h")
fi
if [ -z "${VEILIG_ABI_VERSION:-}" ]; then
    VEILIG_ABI_VERSION=$(sed -n 's/^#define VEILIG_ABI_VERSION \([0-9]*\)$/\1/p' "$version_h")
fi
if [ -z "$VEILIG_VERSION" ] || [ -z "$VEILIG_ABI_VERSION" ]; then
    fail "cannot tell the version: set VEILIG_VERSION and VEILIG_ABI_VERSION"
fi
expect_jansson=$(sed -n 's/^#define VEILIG_HAVE_JANSSON \([01]\)$/\1/p' "$version_h")
VEILIG_HAVE_JANSSON=$expect_jansson
step "expecting libveilig $VEILIG_VERSION, libveilig.so.$VEILIG_ABI_VERSION, jansson bridge: $expect_jansson"

case $tmp in
    "" | / | /tmp | "$HOME" | "$build" | "$src") fail "refusing to use $tmp as the temporary directory" ;;
esac
rm -rf "$tmp"
mkdir -p "$tmp"
tmp=$(cd "$tmp" && pwd -P)
prefix=$tmp/prefix

# ---- install ----
step "cmake --install $build --prefix $prefix"
quiet "cmake --install failed" "$tmp/install.log" "$CMAKE" --install "$build" --prefix "$prefix"

# GNUInstallDirs chose lib, lib64 or lib/<multiarch>: find where the .pc went.
pc=$(find "$prefix" -name libveilig.pc -path '*/pkgconfig/*' | head -n 1)
[ -n "$pc" ] || fail "no libveilig.pc installed under $prefix"
libdir=$(dirname "$(dirname "$pc")")
reldir=${libdir#"$prefix"/}
step "libdir is <prefix>/$reldir"

# Finds the libdir of a (possibly moved) prefix.
libdir_of() {
    echo "$1/$reldir"
}

# ---- the installed files ----
step "checking the installed files"
for f in include/veilig.h include/veilig/common.h include/veilig/vocab.h include/veilig/model.h \
    include/veilig/codec.h include/veilig/version.h include/veilig/export.h \
    "$reldir/libveilig.so" "$reldir/libveilig.so.$VEILIG_ABI_VERSION" \
    "$reldir/libveilig.so.$VEILIG_VERSION" "$reldir/libveilig.a" "$reldir/pkgconfig/libveilig.pc" \
    "$reldir/cmake/veilig/veiligConfig.cmake" "$reldir/cmake/veilig/veiligConfigVersion.cmake" \
    "$reldir/cmake/veilig/veiligTargets.cmake" share/veilig/veilige-steden.json; do
    [ -f "$prefix/$f" ] || fail "not installed: <prefix>/$f"
done
for h in "$src"/include/veilig/*.h; do
    [ "$(basename "$h")" = jansson.h ] && [ "$expect_jansson" != 1 ] && continue
    [ -f "$prefix/include/veilig/$(basename "$h")" ] ||
        fail "header not installed: include/veilig/$(basename "$h")"
done
[ -L "$libdir/libveilig.so.$VEILIG_ABI_VERSION" ] ||
    fail "libveilig.so.$VEILIG_ABI_VERSION is not a symbolic link to libveilig.so.$VEILIG_VERSION"
soname=$("$READELF" -d "$libdir/libveilig.so.$VEILIG_VERSION" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
[ "$soname" = "libveilig.so.$VEILIG_ABI_VERSION" ] ||
    fail "SONAME is '$soname', not libveilig.so.$VEILIG_ABI_VERSION"
step "SONAME $soname"
cmp -s "$src/data/veilige-steden.json" "$prefix/share/veilig/veilige-steden.json" ||
    fail "the installed dataset differs from data/veilige-steden.json"
# the man pages: the overview always; with doxygen, a page per header and the HTML reference
[ -f "$prefix/share/man/man3/libveilig.3" ] || fail "not installed: <prefix>/share/man/man3/libveilig.3"
if [ -d "$build/docs/html" ]; then
    for h in "$src"/include/veilig/*.h; do
        name=$(basename "$h" .h)
        [ "$name" = jansson ] && [ "$expect_jansson" != 1 ] && continue
        [ -f "$prefix/share/man/man3/libveilig-$name.3" ] ||
            fail "not installed: <prefix>/share/man/man3/libveilig-$name.3"
    done
    [ -f "$prefix/share/doc/veilig/html/index.html" ] ||
        fail "not installed: <prefix>/share/doc/veilig/html/index.html (the API reference)"
    step "the API reference and $(ls "$prefix/share/man/man3" | wc -l | tr -d ' ') man pages are installed"
fi

# Checks a consumer's NEEDED entries: "shared" needs libveilig.so.N, "static" none.
check_needed() { # BINARY shared|static
    needed=$("$READELF" -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\].*/\1/p')
    case $2 in
        shared)
            echo "$needed" | grep -qx "libveilig.so.$VEILIG_ABI_VERSION" ||
                fail "$(basename "$1") does not need libveilig.so.$VEILIG_ABI_VERSION (NEEDED: $needed)"
            ;;
        static)
            if echo "$needed" | grep -q '^libveilig'; then
                fail "$(basename "$1") should be linked statically but needs $(echo "$needed" | grep '^libveilig')"
            fi
            ;;
    esac
}

# Runs a consumer (LIBDIR: where libveilig.so is, or "" for none) and checks its output.
run_consumer() { # BINARY LIBDIR DATASET
    out=$1.out
    if [ -n "$2" ]; then
        if command -v ldd >/dev/null 2>&1; then
            resolved=$(LD_LIBRARY_PATH="$2" ldd "$1" | sed -n 's/.*libveilig[^ ]* => \([^ ]*\).*/\1/p')
            case $resolved in
                "$2"/*) ;;
                *) fail "$(basename "$1") loads libveilig from '$resolved', not from $2" ;;
            esac
        fi
        status=0
        LD_LIBRARY_PATH="$2" "$1" "$3" >"$out" 2>&1 || status=$?
    else
        status=0
        (
            unset LD_LIBRARY_PATH
            exec "$1" "$3"
        ) >"$out" 2>&1 || status=$?
    fi
    sed 's/^/    /' "$out"
    [ "$status" -eq 0 ] || fail "$(basename "$1") exited with status $status"
    grep -qx "version: $VEILIG_VERSION" "$out" || fail "$(basename "$1") did not print version: $VEILIG_VERSION"
    grep -qx 'municipalities: [1-9][0-9]*' "$out" || fail "$(basename "$1") did not print the municipality count"
    grep -qx 'first: GM[0-9][0-9][0-9][0-9]' "$out" || fail "$(basename "$1") did not print the first code"
    if [ "$VEILIG_HAVE_JANSSON" = 1 ]; then
        count=$(sed -n 's/^municipalities: //p' "$out")
        grep -qx "jansson: $count municipalities" "$out" ||
            fail "$(basename "$1") did not make the json_t of the dataset (the jansson bridge)"
    fi
}

# ---- (i) and (ii): pkg-config ----
pkgconfig_consumers() { # PREFIX LABEL
    p=$1
    ld=$(libdir_of "$p")
    PKG_CONFIG_PATH="$ld/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
    export PKG_CONFIG_PATH
    mod=$("$PKG_CONFIG" --modversion libveilig) || fail "pkg-config does not find libveilig in $ld/pkgconfig"
    [ "$mod" = "$VEILIG_VERSION" ] || fail "pkg-config --modversion libveilig is $mod, not $VEILIG_VERSION"
    inc=$("$PKG_CONFIG" --variable=includedir libveilig)
    if [ ! -d "$inc" ] || [ "$(cd "$inc" && pwd -P)" != "$(cd "$p/include" && pwd -P)" ]; then
        fail "libveilig.pc's includedir ($inc) is not <prefix>/include ($p/include)"
    fi

    VEILIG_HAVE_JANSSON=$("$PKG_CONFIG" --variable=jansson libveilig)
    [ "$VEILIG_HAVE_JANSSON" = "$expect_jansson" ] ||
        fail "libveilig.pc says jansson=$VEILIG_HAVE_JANSSON, veilig/version.h $expect_jansson"
    # a program that uses the bridge uses jansson itself: it asks for both
    uses=libveilig
    [ "$VEILIG_HAVE_JANSSON" = 1 ] && uses="libveilig jansson"
    # shellcheck disable=SC2086
    cflags=$("$PKG_CONFIG" --cflags $uses)
    # shellcheck disable=SC2086
    libs=$("$PKG_CONFIG" --libs $uses)
    step "($2) shared, pkg-config: $cflags $libs"
    # Word splitting of the flags is intended.
    # shellcheck disable=SC2086
    quiet "building the consumer with pkg-config failed" "$tmp/$2-shared.log" \
        "$CC" $CFLAGS_STRICT $EXTRA_FLAGS "$src/tests/install/consumer.c" -o "$tmp/$2-shared" \
        $cflags $libs
    check_needed "$tmp/$2-shared" shared
    run_consumer "$tmp/$2-shared" "$ld" "$p/share/veilig/veilige-steden.json"

    # libveilig.a needs jansson (Requires.private): --static brings it
    scflags=$("$PKG_CONFIG" --static --cflags libveilig)
    slibs=""
    for w in $("$PKG_CONFIG" --static --libs libveilig); do
        case $w in
            -lveilig) slibs="$slibs -Wl,-Bstatic -lveilig -Wl,-Bdynamic" ;;
            *) slibs="$slibs $w" ;;
        esac
    done
    step "($2) static, pkg-config --static: $scflags$slibs"
    # shellcheck disable=SC2086
    quiet "building the static consumer with pkg-config --static failed" "$tmp/$2-static.log" \
        "$CC" $CFLAGS_STRICT $EXTRA_FLAGS "$src/tests/install/consumer.c" -o "$tmp/$2-static" \
        $scflags $slibs
    check_needed "$tmp/$2-static" static
    run_consumer "$tmp/$2-static" "" "$p/share/veilig/veilige-steden.json"

    # the static recipe of README.md's Linking section, as written there
    step "($2) static, as README.md writes it"
    quiet "building the static consumer as README.md writes it failed" "$tmp/$2-readme.log" \
        sh -c "$CC $CFLAGS_STRICT $EXTRA_FLAGS $src/tests/install/consumer.c -o $tmp/$2-readme \
            \$($PKG_CONFIG --static --cflags --libs libveilig | sed 's/-lveilig /-l:libveilig.a /')"
    check_needed "$tmp/$2-readme" static
    run_consumer "$tmp/$2-readme" "" "$p/share/veilig/veilige-steden.json"
}

# ---- (iii): CMake ----
cmake_consumers() { # PREFIX LABEL
    p=$1
    ld=$(libdir_of "$p")
    b=$tmp/$2-cmake
    step "($2) CMake: find_package(veilig) with CMAKE_PREFIX_PATH=$p"
    quiet "configuring tests/install/cmake-consumer failed" "$b.configure.log" \
        "$CMAKE" -S "$src/tests/install/cmake-consumer" -B "$b" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_PREFIX_PATH="$p" -DCMAKE_C_COMPILER="$CC" -DVEILIG_EXPECT_VERSION="$VEILIG_VERSION" \
        -DCMAKE_C_FLAGS="$EXTRA_FLAGS" -DCMAKE_EXE_LINKER_FLAGS="$EXTRA_FLAGS"
    found=$(sed -n 's/^veilig_DIR:PATH=//p' "$b/CMakeCache.txt")
    [ "$(cd "$found" && pwd -P)" = "$(cd "$ld/cmake/veilig" && pwd -P)" ] ||
        fail "find_package(veilig) found $found, not $ld/cmake/veilig"
    quiet "building tests/install/cmake-consumer failed" "$b.build.log" "$CMAKE" --build "$b"
    check_needed "$b/consumer" shared
    run_consumer "$b/consumer" "$ld" "$p/share/veilig/veilige-steden.json"
    step "($2) CMake: veilig::veilig_static"
    check_needed "$b/consumer_static" static
    run_consumer "$b/consumer_static" "" "$p/share/veilig/veilige-steden.json"
}

saved_pkg_config_path=${PKG_CONFIG_PATH:-}
pkgconfig_consumers "$prefix" installed
cmake_consumers "$prefix" installed

# ---- (iv): relocation ----
moved=$tmp/moved/somewhere/else/prefix
step "moving the prefix to $moved"
mkdir -p "$(dirname "$moved")"
mv "$prefix" "$moved"
if grep -rlF "$prefix" "$moved/$reldir/pkgconfig" "$moved/$reldir/cmake" >"$tmp/absolute.txt"; then
    fail "these files name the old prefix $prefix: $(tr '\n' ' ' <"$tmp/absolute.txt")"
fi
PKG_CONFIG_PATH=$saved_pkg_config_path
[ -n "$PKG_CONFIG_PATH" ] || unset PKG_CONFIG_PATH
pkgconfig_consumers "$moved" moved
cmake_consumers "$moved" moved

# ---- (v): the tool runs from the moved prefix, through its relative RUNPATH ----
tool=$moved/bin/veilig
if [ -x "$tool" ]; then
    runpath=$("$READELF" -d "$tool" | sed -n 's/.*(RUNPATH).*\[\(.*\)\].*/\1/p')
    case $runpath in
        *'$ORIGIN'*) ;;
        *) fail "bin/veilig has no RUNPATH relative to \$ORIGIN (RUNPATH: '$runpath')" ;;
    esac
    if command -v ldd >/dev/null 2>&1; then
        resolved=$(env -u LD_LIBRARY_PATH ldd "$tool" | sed -n 's/.*libveilig[^ ]* => \([^ ]*\).*/\1/p')
        case $resolved in
            "$moved"/*) ;;
            *) fail "the moved bin/veilig loads libveilig from '$resolved', not from $moved" ;;
        esac
    fi
    quiet "the moved bin/veilig does not run" "$tmp/moved-tool.log" env -u LD_LIBRARY_PATH "$tool" --version
    step "(moved) bin/veilig runs through RUNPATH $runpath"
fi

step "OK: installed tree, pkg-config (shared and static), CMake package, relocation (files in $tmp)"
