#!/bin/sh
# api_usage: compiles the committed tests/abi/api_usage.c (generated once from
# the headers by gen_api_usage.py) against the current public headers, links
# it with the built library and runs it. A changed signature, a removed
# function, a renumbered enumerator or a changed transparent struct no longer
# compiles: the API broke. Functions added since api_usage.c was made are
# listed (they are compatible).
#
#   api_usage.sh API_USAGE_C SRC_INC BUILD_INC LIBRARY WORK_DIR CC "EXTRA_FLAGS" [PYTHON3 GENERATOR]
set -eu
[ $# -ge 7 ] || { echo "usage: $0 API_USAGE_C SRC_INC BUILD_INC LIBRARY WORK_DIR CC EXTRA_FLAGS [PYTHON3 GENERATOR]" >&2; exit 2; }
src=$1 src_inc=$2 build_inc=$3 lib=$4 work=$5 cc=$6 extra=$7
mkdir -p "$work"
libdir=$(dirname "$lib")
# shellcheck disable=SC2086
if ! "$cc" -std=c99 -pedantic -Wall -Wextra -Werror=incompatible-pointer-types \
        -Werror=int-conversion -I"$src_inc" -I"$build_inc" $extra "$src" -o "$work/api_usage" \
        -L"$libdir" -lveilig -Wl,-rpath,"$libdir"; then
    echo "api_usage: FAIL: the public headers no longer accept code written against the API of"
    echo "  tests/abi/api_usage.c (see the errors above): a signature, enumerator or struct changed."
    echo "  That breaks the API (docs/api-stability.md). After a deliberate, reviewed change:"
    echo "      cmake --build <build> --target update-api-usage"
    exit 1
fi
"$work/api_usage"
if [ $# -ge 9 ] && [ -n "$8" ]; then
    "$8" "$9" --added "$src" "$src_inc"
fi
