#!/bin/sh
# The browser checks' runner (ctest label browser): installs the pinned npm
# packages (package-lock.json) into NPM_DIR, a folder of the build tree, when
# missing or out of date, then runs check_pages.mjs on the pages.
#
# Usage: run.sh SRC_DIR NPM_DIR check_pages.mjs-arguments...
# Exits 77 (CTest: skipped) without chromium, node or npm, or when the npm
# packages cannot be installed (no registry and no cache).
set -u
src=$1 npm_dir=$2
shift 2
skip() { echo "SKIPPED: $*" >&2; exit 77; }
chromium=${VEILIG_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
[ -n "$chromium" ] || skip "no chromium (apt-get install chromium; scripts/install-deps --browser)"
command -v node >/dev/null 2>&1 || skip "no node (apt-get install nodejs; scripts/install-deps --browser)"
command -v npm >/dev/null 2>&1 || skip "no npm (apt-get install npm; scripts/install-deps --browser)"
mkdir -p "$npm_dir"
(
    # one installer at a time when ctest runs the browser tests in parallel
    flock 9
    if ! cmp -s "$src/package-lock.json" "$npm_dir/package-lock.json" || [ ! -d "$npm_dir/node_modules" ]; then
        rm -rf "$npm_dir/node_modules"
        cp "$src/package.json" "$src/package-lock.json" "$npm_dir/"
        if ! (cd "$npm_dir" && npm ci --prefer-offline --ignore-scripts --no-audit --no-fund >npm.log 2>&1); then
            rm -rf "$npm_dir/node_modules" "$npm_dir/package-lock.json"
            exit 1
        fi
    fi
) 9>"$npm_dir.lock" || skip "the npm packages of tests/browser/package-lock.json could not be installed (see $npm_dir/npm.log)"
VEILIG_CHROMIUM="$chromium" exec node "$src/check_pages.mjs" --modules "$npm_dir/node_modules" --config "$src/htmlvalidate.json" "$@"
