#!/bin/sh
# The API reference (HTML) and the per-header man pages, made by Doxygen from
# the comments of the public headers, and the check that Doxygen finds
# nothing to warn about (an undocumented function, type, macro, parameter or
# return value, a @param that names no parameter, bad markup) beyond the
# known gaps listed in docs/api/known-warnings.txt. A new warning fails; in
# "check" mode (the api_docs test) so does a listed one that is gone (the
# list only shrinks: take the line out), while "build" mode (make docs, the
# default build) only says so. Warnings are compared without paths and line
# numbers.
#
#   doxygen.sh DOXYGEN DOXYFILE OUT_DIR SOURCE_DIR [check|build|update]
#
# Writes OUT_DIR/html (the reference), OUT_DIR/man3 (libveilig.3, the
# overview from docs/; libveilig-<header>.3 per header; a page per
# transparent struct) and OUT_DIR/warnings.txt. "update" rewrites
# known-warnings.txt from this run (review the diff before committing it).
set -eu
[ $# -ge 4 ] || { echo "usage: $0 DOXYGEN DOXYFILE OUT_DIR SOURCE_DIR [check|build|update]" >&2; exit 2; }
doxygen=$1 doxyfile=$2 out=$3 src=$4 mode=${5:-check}
known=$src/docs/api/known-warnings.txt
LC_ALL=C
export LC_ALL

mkdir -p "$out"
rm -rf "$out/html" "$out/man" "$out/man3" "$out/warnings.log"
if ! "$doxygen" "$doxyfile" >"$out/doxygen.log" 2>&1; then
    cat "$out/doxygen.log" >&2
    echo "docs: FAIL: doxygen failed (log: $out/doxygen.log)" >&2
    exit 1
fi

# ---- the pages per header: veilig/model.h.3 -> libveilig-model.3 ----
mkdir -p "$out/man3"
for page in "$out"/man/man3/*.h.3; do
    name=$(basename "$page" .h.3)
    [ "$name" = veilig ] && continue # the umbrella header: libveilig.3 is its page
    upper=$(echo "$name" | tr '[:lower:]' '[:upper:]')
    sed -e "1s|^\\.TH \"veilig/$name\\.h\" 3|.TH \"LIBVEILIG-$upper\" 3|" \
        -e "s|^veilig/$name\\.h \\\\- |libveilig-$name \\\\- |" "$page" >"$out/man3/libveilig-$name.3"
    grep -q "^\\.TH \"LIBVEILIG-$upper\" 3" "$out/man3/libveilig-$name.3" ||
        { echo "docs: FAIL: unexpected man page header in $page" >&2; exit 1; }
done
for page in "$out"/man/man3/veilig_*.3; do
    [ -e "$page" ] && cp "$page" "$out/man3/"
done
cp "$src/docs/libveilig.3" "$out/man3/libveilig.3"
# What Doxygen's man pages get wrong for man(1) and lexgrog: a line that
# starts with ' is a control line to groff (a vocabulary code in quotes
# at the start of a line, "'mon': Monday"), so it gets a zero-width escape;
# and a page whose NAME has no description gets one, for whatis.
for page in "$out"/man3/*.3; do
    [ "$(basename "$page")" = libveilig.3 ] && continue
    sed -i -e "/^'/s/^/\\\&/" \
        -e '/^\.SH NAME$/{n;/\\-/!s/$/ \\- libveilig: see libveilig(3)/}' "$page"
done

# ---- what must be there ----
for h in "$src"/include/veilig/*.h; do
    name=$(basename "$h" .h)
    [ -f "$out/html/${name}_8h.html" ] || { echo "docs: FAIL: no HTML page for veilig/$name.h" >&2; exit 1; }
    [ -f "$out/man3/libveilig-$name.3" ] || { echo "docs: FAIL: no man page libveilig-$name(3)" >&2; exit 1; }
done
grep -q "Conventions" "$out/html/index.html" || { echo "docs: FAIL: the main page has no conventions" >&2; exit 1; }

# ---- the warnings, against the known gaps ----
sed -E -e 's|^[^<:]*/include/||' -e 's|^([^:]*):[0-9]+: |\1: |' "$out/warnings.log" | sort -u >"$out/warnings.txt"
if [ "$mode" = update ]; then
    {
        echo "# Doxygen's warnings about the public headers that are known and not fixed yet"
        echo "# (docs/api/doxygen.sh): the list only shrinks. Each line is a gap in the API"
        echo "# reference: document it in the header and take the line out."
        cat "$out/warnings.txt"
    } >"$known"
    echo "docs: wrote $(wc -l <"$out/warnings.txt" | tr -d ' ') known warnings to $known; review the diff"
    exit 0
fi
grep -v '^#' "$known" | sort -u >"$out/known.txt"
comm -23 "$out/warnings.txt" "$out/known.txt" >"$out/new.txt"
comm -13 "$out/warnings.txt" "$out/known.txt" >"$out/gone.txt"
status=0
if [ -s "$out/new.txt" ]; then
    echo "docs: FAIL: Doxygen warns about the public headers (document every function, parameter and"
    echo "  return value; see docs/api/mainpage.md and the headers' comments):"
    sed 's/^/    /' "$out/new.txt"
    status=1
fi
if [ -s "$out/gone.txt" ] && [ "$mode" = build ]; then
    echo "docs: note: $(wc -l <"$out/gone.txt" | tr -d ' ') known gaps are fixed: take them out of" \
        "docs/api/known-warnings.txt (cmake --build <build> --target update-docs-warnings)"
elif [ -s "$out/gone.txt" ]; then
    echo "docs: FAIL: these known gaps are fixed: take them out of docs/api/known-warnings.txt"
    echo "  (or: cmake --build <build> --target update-docs-warnings):"
    sed 's/^/    /' "$out/gone.txt"
    status=1
fi
[ $status -eq 0 ] || exit 1
echo "docs: OK: $out/html/index.html, $(ls "$out/man3" | wc -l | tr -d ' ') man pages in $out/man3;" \
    "$(wc -l <"$out/known.txt" | tr -d ' ') known gaps left (docs/api/known-warnings.txt), no new warning"
