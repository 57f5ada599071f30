#!/bin/sh
# One golden render case: runs the veilig tool with the arguments of
# CASE/args (one line, split at blanks) in DATA (so that -f names are short)
# and compares its standard output byte for byte with CASE/expected; the tool
# must exit 0. With VEILIG_UPDATE_GOLDEN=1 it writes CASE/expected instead
# (then READ the change: git diff tests/render/).
#
#     run.sh TOOL CASE DATA
set -u
tool=$1 case=$2 data=$3
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
args=$(cat "$case/args") || exit 1
# shellcheck disable=SC2086 # the arguments are split at blanks on purpose
(cd "$data" && exec "$tool" $args) >"$out"
status=$?
if [ "$status" -ne 0 ]; then
  echo "veilig $args: exit status $status (expected 0)" >&2
  exit 1
fi
if [ "${VEILIG_UPDATE_GOLDEN:-}" = 1 ]; then
  cat "$out" >"$case/expected"
  exit 0
fi
if ! cmp -s "$out" "$case/expected"; then
  echo "veilig $args: output differs from $case/expected:" >&2
  diff -u "$case/expected" "$out" | head -n 60 >&2
  exit 1
fi
