#!/bin/sh
# abi_compat: compares the freshly built libveilig.so with the committed ABI
# baseline (tests/abi/libveilig.abi, made by abidw from a build of the shared
# library), with Debian's abigail-tools; update-abi rewrites the baseline.
#
#   abi.sh check  BASELINE LIBRARY SUPPRESSIONS SOURCE_INCLUDE_DIR BUILD_INCLUDE_DIR
#   abi.sh update BASELINE LIBRARY SUPPRESSIONS SOURCE_INCLUDE_DIR BUILD_INCLUDE_DIR
#
# abidiff's exit status is a bit field (man abidiff): 1 error, 2 usage error,
# 4 ABIDIFF_ABI_CHANGE, 8 ABIDIFF_ABI_INCOMPATIBLE_CHANGE. Bit 8 (a removed
# function, say) always fails. Bit 4 alone means "different, maybe
# compatible: a human must look"; abidiff gives only bit 4 for a changed
# parameter type or a field inserted into veilig_error or an options struct,
# which docs/api-stability.md calls incompatible. So the check runs abidiff
# twice: the full report (added functions show there and are fine), then with
# --no-added-syms and the suppressions of what the policy allows (fields
# appended to options structs and to veilig_diagnostic): any change left
# fails. After a reviewed, compatible change, rewrite the baseline:
#     cmake --build <build> --target update-abi
# Exits 77 (skipped) when abidiff or abidw is not installed.
set -u
[ $# -eq 6 ] || { echo "usage: $0 check|update BASELINE LIBRARY SUPPRESSIONS SRC_INC BUILD_INC" >&2; exit 2; }
mode=$1 baseline=$2 lib=$3 suppr=$4 src_inc=$5 build_inc=$6

# The baseline keeps only what the public headers define: opaque types stay
# opaque (their layout is not ABI), and no build paths get in.
abidw_flags="--no-corpus-path --drop-undefined-syms --short-locs --headers-dir $src_inc --headers-dir $build_inc --drop-private-types"

if [ "$mode" = update ]; then
    command -v abidw >/dev/null 2>&1 || { echo "update-abi: abidw not found (apt-get install abigail-tools)" >&2; exit 1; }
    # shellcheck disable=SC2086
    abidw $abidw_flags --out-file "$baseline.new" "$lib" || { rm -f "$baseline.new"; exit 1; }
    mv "$baseline.new" "$baseline"
    echo "update-abi: wrote $baseline from $lib; review the diff (git diff) and commit it"
    exit 0
fi

command -v abidiff >/dev/null 2>&1 || { echo "abi_compat: SKIPPED: abidiff not found (apt-get install abigail-tools)"; exit 77; }
[ -f "$baseline" ] || { echo "abi_compat: FAIL: no baseline $baseline (cmake --build <build> --target update-abi)"; exit 1; }
if command -v readelf >/dev/null 2>&1 && ! readelf -S "$lib" | grep -q debug_info; then
    echo "abi_compat: note: $lib has no debug info: only its symbols are compared (build with -g, e.g. RelWithDebInfo)"
fi
diff_flags="--suppressions $suppr --hd2 $src_inc --hd2 $build_inc --drop-private-types"

# shellcheck disable=SC2086
abidiff $diff_flags "$baseline" "$lib"
full=$?
if [ $full -eq 0 ]; then
    echo "abi_compat: no ABI change from the baseline"
    exit 0
fi
if [ $((full & 1)) -ne 0 ]; then
    echo "abi_compat: FAIL: abidiff failed (status $full)"
    exit 1
fi
# shellcheck disable=SC2086
abidiff --no-added-syms $diff_flags "$baseline" "$lib" >/dev/null
strict=$?
if [ $((strict & 1)) -ne 0 ]; then
    echo "abi_compat: FAIL: abidiff --no-added-syms failed (status $strict)"
    exit 1
fi
if [ $((strict & 8)) -ne 0 ]; then
    echo "abi_compat: FAIL: an incompatible ABI change (abidiff: ABIDIFF_ABI_INCOMPATIBLE_CHANGE): see above."
    echo "  Restore what was removed or changed, or (a new ABI number) see docs/api-stability.md."
    exit 1
fi
if [ $((strict & 4)) -ne 0 ]; then
    echo "abi_compat: FAIL: ABI changes besides additions (abidiff: ABIDIFF_ABI_CHANGE): see above."
    echo "  abidiff cannot tell whether they are compatible; a changed parameter type or struct layout is not"
    echo "  (docs/api-stability.md). If you have checked that they are, rewrite the baseline and commit it:"
    echo "      cmake --build <build> --target update-abi"
    exit 1
fi
echo "abi_compat: only additions (compatible); they join the baseline with update-abi"
exit 0
