#!/bin/sh
# headers_cxx: every public header compiles on its own, as C99 and as C++11,
# with no warnings (-Wall -Wextra -pedantic -Werror), and the umbrella header's
# option initialisers are valid in both languages.
#
#   headers.sh SOURCE_INCLUDE_DIR BUILD_INCLUDE_DIR WORK_DIR COMPILER...
#
# Each COMPILER is c:PATH (gcc, clang) or c++:PATH (g++, clang++); one whose
# PATH is empty (not found) is left out. Exits 77 (skipped) after the C checks
# when no C++ compiler was given.
set -eu

[ $# -ge 3 ] || {
    echo "usage: $0 SOURCE_INCLUDE_DIR BUILD_INCLUDE_DIR WORK_DIR [c:CC|c++:CXX]..." >&2
    exit 2
}
src_inc=$1
build_inc=$2
work=$3
shift 3

CFLAGS="-std=c99 -pedantic -Wall -Wextra -Werror"
CXXFLAGS="-std=c++11 -pedantic -Wall -Wextra -Werror"

rm -rf "$work"
mkdir -p "$work"

# The headers, as a user includes them: <veilig.h>, <veilig/x.h>.
headers="veilig.h"
for dir in "$src_inc" "$build_inc"; do
    for h in "$dir"/veilig/*.h; do
        [ -f "$h" ] && headers="$headers veilig/$(basename "$h")"
    done
done

# One translation unit per header, alone; one that uses the umbrella header.
units=""
for h in $headers; do
    name=$(echo "$h" | tr '/.' '__')
    printf '#include <%s>\nint main(void) { return 0; }\n' "$h" >"$work/$name.c"
    printf '#include <%s>\nint main() { return 0; }\n' "$h" >"$work/$name.cpp"
    units="$units $name"
done
cat >"$work/umbrella_use.c" <<'UNIT'
#include <veilig.h>
#include <veilig.h> /* twice: the include guards work */

int main(void) {
    veilig_load_options load = VEILIG_LOAD_OPTIONS_INIT;
    veilig_save_options save = VEILIG_SAVE_OPTIONS_INIT;
    veilig_error err;
    veilig_registry *reg = 0;
    veilig_category c = VEILIG_CATEGORY_DEESCALATION;
    const char *(*code)(veilig_category) = veilig_category_code;
    (void)err;
    (void)reg;
    (void)code;
    return (int)load.version + (int)save.version + (int)c - 3 + (VEILIG_OK != 0);
}
UNIT
cp "$work/umbrella_use.c" "$work/umbrella_use.cpp"
units="$units umbrella_use"

failed=0
# FLAGS is split into words on purpose.
# shellcheck disable=SC2086
compile() { # LANGUAGE COMPILER FLAGS FILE
    if "$2" $3 -I"$src_inc" -I"$build_inc" -c "$4" -o "$4.o" 2>"$4.log"; then
        :
    else
        echo "headers_cxx: FAIL ($1, $2): $(basename "$4")" >&2
        cat "$4.log" >&2
        failed=1
    fi
}

nunits=$(echo "$units" | wc -w | tr -d ' ')
c_found=0
cxx_found=0
for arg in "$@"; do
    case $arg in
        c:) ;;
        c++:) ;;
        c:*)
            c_found=1
            for u in $units; do
                compile C99 "${arg#c:}" "$CFLAGS" "$work/$u.c"
            done
            echo "headers_cxx: C99 with ${arg#c:}: $nunits units"
            ;;
        c++:*)
            cxx_found=1
            for u in $units; do
                compile C++11 "${arg#c++:}" "$CXXFLAGS" "$work/$u.cpp"
            done
            echo "headers_cxx: C++11 with ${arg#c++:}: $nunits units"
            ;;
        *)
            echo "headers_cxx: not c:PATH or c++:PATH: $arg" >&2
            exit 2
            ;;
    esac
done
[ "$c_found" -eq 1 ] || echo "headers_cxx: no C compiler given: C checks left out" >&2

if [ "$failed" -ne 0 ]; then
    echo "headers_cxx: FAIL (flags: C $CFLAGS; C++ $CXXFLAGS)" >&2
    exit 1
fi
if [ "$cxx_found" -eq 0 ]; then
    echo "headers_cxx: SKIPPED: no C++ compiler (g++, c++ or clang++) found;" \
        "install g++ (scripts/install-deps installs build-essential)" >&2
    exit 77
fi
echo "headers_cxx: OK: headers:$(echo " $headers" | sed 's/ / </g; s/\.h/.h>/g')"
