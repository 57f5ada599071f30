# A thin wrapper over CMake: every real rule lives in CMakeLists.txt.
BUILDDIR ?= build
PREFIX   ?= /usr/local
JOBS     ?= 2
CMAKE    ?= cmake
CMAKE_ARGS ?=
CTEST_ARGS ?=
CLANG_FORMAT ?= clang-format

.PHONY: all deps build check test demo docs install uninstall asan ubsan valgrind format format-check bench bench-scale clean distclean deb

all: build

deps:
	@scripts/install-deps

$(BUILDDIR)/CMakeCache.txt: | deps
	$(CMAKE) -S . -B $(BUILDDIR) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_ARGS)

build: deps $(BUILDDIR)/CMakeCache.txt
	$(CMAKE) --build $(BUILDDIR) -j$(JOBS)

check test: build
	cd $(BUILDDIR) && ctest --output-on-failure -j$(JOBS) $(CTEST_ARGS)

# The demo: the standalone HTML report of the bundled Veilige Steden dataset,
# with a few key figures and where the report is, and its website (Dutch and
# English; a demo run again writes over the site of the last one).
demo: build
	$(BUILDDIR)/libveilig/cli/veilig report -o $(BUILDDIR)/report.html
	$(BUILDDIR)/libveilig/cli/veilig site -o $(BUILDDIR)/site
	@echo "Open $(BUILDDIR)/report.html and $(BUILDDIR)/site/index.html in a browser."

# The API reference (HTML, $(BUILDDIR)/docs/html/index.html) and the man pages
# ($(BUILDDIR)/docs/man3), with doxygen; fails on a doxygen warning beyond the
# known gaps of docs/api/known-warnings.txt (docs/api/doxygen.sh).
docs: deps $(BUILDDIR)/CMakeCache.txt
	$(CMAKE) --build $(BUILDDIR) --target docs

install: build
	$(CMAKE) --install $(BUILDDIR)

# Debian packages (debian/): built from a copy of the tree into $(BUILDDIR)/deb,
# linted, and as root installed, checked from the installed files and purged
# (scripts/deb says more).
deb:
	@scripts/install-deps --deb
	JOBS=$(JOBS) scripts/deb $(BUILDDIR)/deb

# Sanitizer builds get a build directory of their own.
asan: deps
	$(MAKE) check BUILDDIR=build-asan CMAKE_ARGS="-DCMAKE_BUILD_TYPE=Debug -DVEILIG_SANITIZE=address,undefined -DCMAKE_C_COMPILER=clang"

ubsan: deps
	$(MAKE) check BUILDDIR=build-ubsan CMAKE_ARGS="-DCMAKE_BUILD_TYPE=Debug -DVEILIG_SANITIZE=undefined -DCMAKE_C_COMPILER=clang"

valgrind: build
	cd $(BUILDDIR) && ctest --output-on-failure -j$(JOBS) -T memcheck -L valgrind $(CTEST_ARGS)

# Benchmarks (bench/, issue 9): not part of `make check`. An optimised build of
# its own (the library at RelWithDebInfo, whatever $(BUILDDIR) was configured
# with) in $(BENCH_BUILDDIR); the synthetic registries are generated once into
# $(BENCH_DATA) (delete it to regenerate). BENCH_ARGS: e.g. "--sizes S,M",
# "--no-complexity" or "--quick". Results: bench/RESULTS.md.
BENCH_BUILDDIR ?= $(BUILDDIR)/bench
BENCH_DATA     ?= $(BUILDDIR)/bench-data
BENCH_ARGS     ?=
BENCH_PYTHON   ?= /usr/bin/python3

BENCH_RUNS     ?= 5
BENCH_FRESH_SIZES ?= 342x150,L

# First the fresh-process table (bench/fresh.py: every load in a process of its
# own, side by side with jansson, yajl, LuaJIT + lua-cjson and simdjson), then
# the warm in-process harness.
bench:
	@scripts/install-deps --bench
	$(CMAKE) -S bench -B $(BENCH_BUILDDIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	$(CMAKE) --build $(BENCH_BUILDDIR) -j$(JOBS)
	$(BENCH_PYTHON) bench/fresh.py --bin $(BENCH_BUILDDIR) --data $(BENCH_DATA) --runs $(BENCH_RUNS) \
	  --sizes $(BENCH_FRESH_SIZES)
	$(BENCH_BUILDDIR)/veilig-bench --data $(BENCH_DATA) --gen $(BENCH_BUILDDIR)/veilig-gen \
	  --lua bench/lua_baseline.lua $(BENCH_ARGS)
	VEILIG_LIBRARY=$(abspath $(BENCH_BUILDDIR))/veilig/libveilig.so.1 PYTHONPATH=bindings/python \
	  PYTHONDONTWRITEBYTECODE=1 $(BENCH_PYTHON) bench/python_baseline.py --data $(BENCH_DATA)

# How load, validate and coverage grow from S to L to a 1 GB file (issue 21.4):
# generates about 1.7 GB of data into $(BENCH_DATA) the first time and takes
# several GB of memory; not part of `make bench`.
bench-scale:
	@scripts/install-deps --bench
	$(CMAKE) -S bench -B $(BENCH_BUILDDIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	$(CMAKE) --build $(BENCH_BUILDDIR) -j$(JOBS)
	$(BENCH_PYTHON) bench/scale.py --bin $(BENCH_BUILDDIR) --data $(BENCH_DATA) \
	  --svg $(BENCH_BUILDDIR)/scale.svg

format:
	$(CLANG_FORMAT) -i $$(git ls-files '*.c' '*.h')

format-check:
	$(CLANG_FORMAT) --dry-run --Werror $$(git ls-files '*.c' '*.h')

clean:
	$(CMAKE) --build $(BUILDDIR) --target clean

distclean:
	rm -rf $(BUILDDIR) build-asan build-ubsan

# ---- reliability (issue 8): fuzzing and coverage ----
.PHONY: fuzz coverage

# libFuzzer targets (fuzz/), built standalone with clang -fsanitize=fuzzer,address,undefined
# in $(FUZZ_BUILDDIR) and run for FUZZ_SECONDS each; a crash fails the target and is kept
# under tests/fuzz-regressions/ (replayed by the fuzz_*_regressions tests). FUZZ_ARGS: more
# libFuzzer flags, e.g. "-jobs=4 -workers=4".
FUZZ_BUILDDIR ?= build-fuzz
FUZZ_SECONDS  ?= 60
FUZZ_TARGETS  ?= fuzz_load fuzz_roundtrip

fuzz: deps
	$(CMAKE) -S fuzz -B $(FUZZ_BUILDDIR) -DCMAKE_C_COMPILER=clang
	$(CMAKE) --build $(FUZZ_BUILDDIR) -j$(JOBS) --target $(FUZZ_TARGETS)
	fuzz/run.sh $(FUZZ_BUILDDIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Line and branch coverage of the library (libveilig/: the objects of the library itself and
# of its utility layer veilig_util, not the code of tests, the tool or the bindings) from the test suite, with gcc --coverage and lcov, in $(COVERAGE_BUILDDIR); the HTML report
# goes to $(COVERAGE_BUILDDIR)/html. COVERAGE_CTEST_ARGS picks the tests (default: all but
# the "slow" ones). Fails when a test fails, after the report.
COVERAGE_BUILDDIR   ?= build-coverage
COVERAGE_CTEST_ARGS ?= -LE slow
LCOV_FLAGS          ?= --quiet --rc lcov_branch_coverage=1
COVERAGE_MIN_LINES    ?= 90
COVERAGE_MIN_BRANCHES ?= 80

coverage: deps
	$(CMAKE) -S . -B $(COVERAGE_BUILDDIR) -DCMAKE_BUILD_TYPE=Debug -DVEILIG_COVERAGE=ON $(CMAKE_ARGS)
	$(CMAKE) --build $(COVERAGE_BUILDDIR) -j$(JOBS)
	lcov $(LCOV_FLAGS) --zerocounters --directory $(COVERAGE_BUILDDIR)
	status=0; (cd $(COVERAGE_BUILDDIR) && ctest --output-on-failure -j$(JOBS) $(COVERAGE_CTEST_ARGS)) \
	  || status=$$?; \
	lcov $(LCOV_FLAGS) --capture --directory $(COVERAGE_BUILDDIR)/CMakeFiles/veilig_objects.dir \
	  --directory $(COVERAGE_BUILDDIR)/CMakeFiles/veilig_util.dir \
	  --output-file $(COVERAGE_BUILDDIR)/all.info && \
	lcov $(LCOV_FLAGS) --extract $(COVERAGE_BUILDDIR)/all.info '$(CURDIR)/libveilig/*' \
	  --output-file $(COVERAGE_BUILDDIR)/libveilig.info && \
	genhtml $(LCOV_FLAGS) --branch-coverage --output-directory $(COVERAGE_BUILDDIR)/html \
	  $(COVERAGE_BUILDDIR)/libveilig.info && \
	echo "== coverage of libveilig/ (the library's own objects), report in $(COVERAGE_BUILDDIR)/html/index.html" && \
	lcov --rc lcov_branch_coverage=1 --summary $(COVERAGE_BUILDDIR)/libveilig.info 2>&1 | tee $(COVERAGE_BUILDDIR)/summary.txt && \
	scripts/coverage-check $(COVERAGE_BUILDDIR)/summary.txt $(COVERAGE_MIN_LINES) $(COVERAGE_MIN_BRANCHES) || status=1; \
	exit $$status
