# A thin wrapper over CMake: every real rule lives in CMakeLists.txt.
BUILDDIR ?= build
PREFIX   ?= /usr/local
JOBS     ?= 2
CMAKE    ?= cmake
CMAKE_ARGS ?=
CTEST_ARGS ?=
CLANG_FORMAT ?= clang-format

.PHONY: all deps build check test demo install uninstall asan ubsan valgrind format format-check clean distclean

all: build

deps:
	@scripts/install-deps

$(BUILDDIR)/CMakeCache.txt: | deps
	$(CMAKE) -S . -B $(BUILDDIR) -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_ARGS)

build: deps $(BUILDDIR)/CMakeCache.txt
	$(CMAKE) --build $(BUILDDIR) -j$(JOBS)

check test: build
	cd $(BUILDDIR) && ctest --output-on-failure -j$(JOBS) $(CTEST_ARGS)

# Until the report tool exists, the demo prints the bundled dataset's summary
# with the README's C example.
demo: build
	$(BUILDDIR)/examples/veilig-summary

install: build
	$(CMAKE) --install $(BUILDDIR)

# Sanitizer builds get a build directory of their own.
asan: deps
	$(MAKE) check BUILDDIR=build-asan CMAKE_ARGS="-DCMAKE_BUILD_TYPE=Debug -DVEILIG_SANITIZE=address,undefined -DCMAKE_C_COMPILER=clang"

ubsan: deps
	$(MAKE) check BUILDDIR=build-ubsan CMAKE_ARGS="-DCMAKE_BUILD_TYPE=Debug -DVEILIG_SANITIZE=undefined -DCMAKE_C_COMPILER=clang"

valgrind: build
	cd $(BUILDDIR) && ctest --output-on-failure -j$(JOBS) -T memcheck -L valgrind $(CTEST_ARGS)

format:
	$(CLANG_FORMAT) -i $$(git ls-files '*.c' '*.h')

format-check:
	$(CLANG_FORMAT) --dry-run --Werror $$(git ls-files '*.c' '*.h')

clean:
	$(CMAKE) --build $(BUILDDIR) --target clean

distclean:
	rm -rf $(BUILDDIR) build-asan build-ubsan
