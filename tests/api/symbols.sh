#!/bin/sh
# Compares the dynamic symbols libveilig.so exports with the committed list.
#
#   symbols.sh check  LIBRARY SYMBOLS_TXT [NM]   the exported_symbols test
#   symbols.sh update LIBRARY SYMBOLS_TXT [NM]   rewrites SYMBOLS_TXT
#
# The list holds names only, one a line, sorted in the C locale; the version
# node itself (VEILIG_1.0, listed by nm as an absolute symbol) is left out.
set -eu

usage() {
    echo "usage: $0 check|update LIBRARY SYMBOLS_TXT [NM]" >&2
    exit 2
}

[ $# -ge 3 ] || usage
mode=$1
lib=$2
list=$3
nm=${4:-nm}
LC_ALL=C
export LC_ALL

[ -f "$lib" ] || {
    echo "exported_symbols: no library at $lib: build first (cmake --build <build>)" >&2
    exit 1
}

raw=$(mktemp)
got=$(mktemp)
trap 'rm -f "$raw" "$got"' EXIT HUP INT TERM

"$nm" -D --defined-only "$lib" >"$raw"

# Every exported symbol must carry a version node (when nm shows them).
if grep -q '@' "$raw"; then
    unversioned=$(awk 'NF >= 2 && $NF !~ /@/ && $NF !~ /^VEILIG_[0-9.]+$/ { print $NF }' "$raw")
    if [ -n "$unversioned" ]; then
        echo "exported_symbols: FAIL: symbols without a version node (see libveilig/libveilig.map):" >&2
        echo "$unversioned" >&2
        exit 1
    fi
fi

# Names only: drop the address and type, the @VERSION suffix, the version node.
awk 'NF >= 2 { print $NF }' "$raw" | sed 's/@.*$//' | grep -v '^VEILIG_[0-9.]*$' | sort -u >"$got"

case $mode in
    update)
        cp "$got" "$list"
        echo "update-symbols: wrote $(wc -l <"$list" | tr -d ' ') symbols to $list"
        ;;
    check)
        [ -f "$list" ] || {
            echo "exported_symbols: FAIL: $list is missing" >&2
            exit 1
        }
        if diff -u "$list" "$got"; then
            echo "exported_symbols: OK: $(wc -l <"$got" | tr -d ' ') symbols, as in $list"
        else
            echo "" >&2
            echo "exported_symbols: FAIL: the symbols $lib exports differ from $list" >&2
            echo "  (lines with - are in the list but not exported; + are exported but not listed)." >&2
            echo "  A removed or renamed symbol breaks the ABI (see docs/api-stability.md)." >&2
            echo "  If the change is intended, update the list and commit it:" >&2
            echo "      cmake --build <build> --target update-symbols" >&2
            exit 1
        fi
        ;;
    *) usage ;;
esac
