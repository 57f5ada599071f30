#!/bin/sh
# doc_examples: every C example of the documentation compiles.
#   - a complete program (a block with "int main") must be one of examples/*.c
#     as it is; those are built and run by examples/CMakeLists.txt;
#   - a fragment is compiled (not run) inside a function that has what the
#     fragments take as given (reg, err, rc, body, ...); its #include lines go
#     on top. Errors point into the document (#line).
# The blocks: ```c blocks of README.md, docs/*.md and docs/api/*.md, and the
# .EX/.EE blocks with an #include of docs/*.3. Fragments that include
# veilig/jansson.h are skipped when the library lacks the bridge.
#
#   doc_examples.sh SOURCE_DIR SOURCE_INCLUDE BUILD_INCLUDE WORK_DIR CC HAVE_JANSSON [FLAGS]
set -eu
[ $# -ge 6 ] || { echo "usage: $0 SOURCE_DIR SOURCE_INCLUDE BUILD_INCLUDE WORK_DIR CC HAVE_JANSSON [FLAGS]" >&2; exit 2; }
src=$1 src_inc=$2 build_inc=$3 work=$4 cc=$5 have_jansson=$6 flags=${7:-}
rm -rf "$work"
mkdir -p "$work/blocks"

# ---- extract: one file per block, named after its document and line ----
for doc in "$src/README.md" "$src"/docs/*.md "$src"/docs/api/*.md; do
    [ -f "$doc" ] || continue
    id=$(echo "${doc#"$src"/}" | tr -c 'A-Za-z0-9\n' '_')
    awk -v out="$work/blocks" -v name="${doc#"$src"/}" -v id="$id" '
        !inside && /^```c[ \t]*$/ { inside = 1; start = FNR + 1; f = sprintf("%s/%s_%03d.c", out, id, ++n); next }
        inside && /^```[ \t]*$/ { inside = 0; close(f); print name ":" start > (f ".origin"); close(f ".origin"); next }
        inside { print > f }
    ' "$doc"
done
for doc in "$src"/docs/*.3; do
    [ -f "$doc" ] || continue
    id=$(echo "${doc#"$src"/}" | tr -c 'A-Za-z0-9\n' '_')
    awk -v out="$work/blocks" -v name="${doc#"$src"/}" -v id="$id" '
        /^\.EX/ { inside = 1; start = FNR + 1; f = sprintf("%s/%s_%03d.c", out, id, ++n); text = ""; next }
        inside && /^\.EE/ { inside = 0
            if (text ~ /#include/) { printf "%s", text > f; close(f); print name ":" start > (f ".origin"); close(f ".origin") }
            next }
        inside { line = $0; gsub(/\\e/, "\\", line); gsub(/\\-/, "-", line); gsub(/\\&/, "", line); text = text line "\n" }
    ' "$doc"
done

programs=0 fragments=0 skipped=0
for block in "$work"/blocks/*.c; do
    [ -e "$block" ] || continue
    origin=$(cat "$block.origin")
    if grep -q 'int main' "$block"; then
        same=""
        for ex in "$src"/examples/*.c; do
            cmp -s "$block" "$ex" && same=$ex
        done
        if [ -z "$same" ]; then
            echo "doc_examples: FAIL: $origin: a complete program that is not one of examples/*.c;" >&2
            echo "  put it there (it is then built and run as a test) and keep the two identical" >&2
            exit 1
        fi
        echo "doc_examples: $origin is ${same#"$src"/} (built and run by the example.* tests)"
        programs=$((programs + 1))
        continue
    fi
    if grep -q 'veilig/jansson.h\|json_t' "$block" && [ "$have_jansson" != 1 ]; then
        echo "doc_examples: $origin: skipped (the library has no jansson bridge)"
        skipped=$((skipped + 1))
        continue
    fi
    line=${origin##*:}
    file=${origin%:*}
    wrapped=$block.wrapped.c
    {
        echo "#include <stdio.h>"
        echo "#include <string.h>"
        echo "#include <veilig.h>"
        echo "#if VEILIG_HAVE_JANSSON"
        echo "#include <veilig/jansson.h>"
        echo "#endif"
        grep '^#include' "$block" || true
        echo "int fragment(veilig_registry *reg, const veilig_diagnostics *d, const char *text, size_t len,"
        echo "             const char *path, void *body_);"
        echo "int fragment(veilig_registry *reg, const veilig_diagnostics *d, const char *text, size_t len,"
        echo "             const char *path, void *body_) {"
        echo "    veilig_error err;"
        echo "    int rc = 0;"
        echo "#if VEILIG_HAVE_JANSSON"
        echo "    json_t *body = body_;"
        echo "    (void)body;"
        echo "#endif"
        echo "    memset(&err, 0, sizeof err);"
        echo "    (void)reg, (void)d, (void)text, (void)len, (void)path, (void)body_, (void)err;"
        echo "    {"
        echo "#line $line \"$file\""
        sed 's/^#include.*$//' "$block"
        echo "    }"
        echo "    return rc;"
        echo "}"
    } >"$wrapped"
    # FLAGS is split into words on purpose.
    # shellcheck disable=SC2086
    if ! "$cc" -std=c99 -pedantic -Wall -Wextra -Werror -Wno-unused-variable -Wno-unused-but-set-variable \
        $flags -I"$src_inc" -I"$build_inc" -c "$wrapped" -o "$wrapped.o"; then
        echo "doc_examples: FAIL: the example at $origin does not compile (wrapped: $wrapped)" >&2
        exit 1
    fi
    echo "doc_examples: $origin compiles"
    fragments=$((fragments + 1))
done
[ $((programs + fragments)) -gt 0 ] || { echo "doc_examples: FAIL: no examples found" >&2; exit 1; }
echo "doc_examples: OK: $programs complete programs (examples/), $fragments fragments compiled, $skipped skipped"
