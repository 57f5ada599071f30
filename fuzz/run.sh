#!/bin/sh
# Runs libFuzzer targets for a set time each; fails on a crash.
#
#   fuzz/run.sh BUILDDIR SECONDS TARGET...
#
# Seeds: fuzz/corpus (hand-made edge cases), the bundled dataset, the valid
# test documents, the analysis fixture and the JSONTestSuite files. What a
# run learns stays in BUILDDIR/corpus/TARGET for the next run. A crash (or
# leak, timeout, sanitizer report) is copied to tests/fuzz-regressions/TARGET/,
# which the fuzz_regressions test replays: commit it with the fix.
# Extra libFuzzer flags may come in FUZZ_ARGS.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
[ $# -ge 3 ] || { echo "usage: $0 BUILDDIR SECONDS TARGET..." >&2; exit 2; }
build=$(cd "$1" && pwd) || exit 2
seconds=$2
shift 2
corpus_dir=$top/tests/data/jsontestsuite/test_parsing
seeds="$here/corpus $top/data $top/tests/data/valid $top/tests/data/analysis"
[ -d "$corpus_dir" ] && seeds="$seeds $corpus_dir"

status=0
for target in "$@"; do
    exe=$build/$target
    [ -x "$exe" ] || { echo "fuzz: $exe is not built" >&2; exit 2; }
    work=$build/corpus/$target
    artifacts=$build/artifacts/$target
    mkdir -p "$work" "$artifacts"
    echo "== fuzz: $target for ${seconds}s"
    # shellcheck disable=SC2086
    "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -dict="$here/veilig.dict" -print_final_stats=1 -artifact_prefix="$artifacts/" \
        ${FUZZ_ARGS:-} "$work" $seeds
    rc=$?
    found=$(find "$artifacts" -type f 2>/dev/null)
    if [ $rc -ne 0 ] || [ -n "$found" ]; then
        status=1
        regressions=$top/tests/fuzz-regressions/$target
        mkdir -p "$regressions"
        for f in $found; do
            cp "$f" "$regressions/"
            echo "fuzz: $target: FOUND $(basename "$f") (exit $rc), kept as tests/fuzz-regressions/$target/$(basename "$f")"
            rm -f "$f"
        done
        [ -n "$found" ] || echo "fuzz: $target exited with status $rc"
    fi
done
[ $status -eq 0 ] && echo "fuzz: no crash in $*"
exit $status
