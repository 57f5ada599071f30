#!/bin/sh
# readme_example: the C example in README.md (its first ```c block) is the
# same as examples/summary.c, compiles as written against the build tree's
# shared library without warnings, runs, exits 0 and prints something.
#
#   readme_example.sh README EXAMPLE_C SOURCE_INCLUDE BUILD_INCLUDE LIBRARY WORK_DIR CC [FLAGS]
#
# LIBRARY: the build tree's libveilig.so (named as a file, so that no other
# libveilig, static or installed, can stand in for it).
# FLAGS: extra compiler and linker flags (the sanitizers of the build).
set -eu

[ $# -ge 7 ] || {
    echo "usage: $0 README EXAMPLE_C SOURCE_INCLUDE BUILD_INCLUDE LIBRARY WORK_DIR CC [FLAGS]" >&2
    exit 2
}
readme=$1
example=$2
src_inc=$3
build_inc=$4
library=$5
work=$6
cc=$7
flags=${8:-}

[ -f "$library" ] || {
    echo "readme_example: FAIL: no shared library at $library: build first" >&2
    exit 1
}
libdir=$(cd "$(dirname "$library")" && pwd -P)

rm -rf "$work"
mkdir -p "$work"

# The first fenced block that opens with ```c (exactly), up to its closing ```.
awk '
    !found && !inside && /^```c[ \t]*$/ { inside = 1; next }
    inside && /^```[ \t]*$/ { found = 1; inside = 0; exit }
    inside { print }
' "$readme" >"$work/readme.c"

if [ ! -s "$work/readme.c" ]; then
    echo "readme_example: FAIL: no \`\`\`c block in $readme" >&2
    exit 1
fi
echo "readme_example: extracted $(wc -l <"$work/readme.c" | tr -d ' ') lines from $readme"

if ! cmp -s "$work/readme.c" "$example"; then
    echo "readme_example: FAIL: the README's example and $example differ; keep them identical:" >&2
    diff -u "$example" "$work/readme.c" >&2 || true
    exit 1
fi
echo "readme_example: $example is the same as the README's example"

# FLAGS is split into words on purpose.
# shellcheck disable=SC2086
if ! "$cc" -std=c99 -pedantic -Wall -Wextra -Werror $flags -I"$src_inc" -I"$build_inc" \
    "$work/readme.c" -o "$work/readme" "$library"; then
    echo "readme_example: FAIL: the README's example does not compile (with $cc)" >&2
    exit 1
fi
echo "readme_example: compiled with $cc"

status=0
LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$work/readme" >"$work/out.txt" \
    2>"$work/err.txt" || status=$?
cat "$work/out.txt"
cat "$work/err.txt" >&2
if [ "$status" -ne 0 ]; then
    echo "readme_example: FAIL: the example exited with status $status" >&2
    exit 1
fi
if [ ! -s "$work/out.txt" ]; then
    echo "readme_example: FAIL: the example printed nothing" >&2
    exit 1
fi
if [ -s "$work/err.txt" ]; then
    echo "readme_example: FAIL: the example wrote to stderr" >&2
    exit 1
fi
echo "readme_example: OK: exit 0, $(wc -l <"$work/out.txt" | tr -d ' ') lines of output"
