#!/usr/bin/python3
"""One "load and coverage" in a process of its own, as a Python script meets
it (interpreter start and imports included), for bench/fresh.py:

    py_coverage.py pure|binding FILE

pure:    json.load and the coverage in plain Python (python_baseline.py's
         pure_coverage: municipalities x categories, active measures);
binding: veilig.load and reg.coverage() (VEILIG_LIBRARY and PYTHONPATH name
         the library and bindings/python).

Prints the grand total of the coverage, so that the two can be checked
against each other.
"""
import os
import sys

if not os.environ.get("PYTHONPYCACHEPREFIX"):
    sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    mode, path = sys.argv[1], sys.argv[2]
    import python_baseline as base
    if mode == "pure":
        print(sum(sum(counts) for _, counts in base.pure_coverage(base.pure_load(path))))
    else:
        import veilig
        print(base.coverage_total(veilig.load(path).coverage()))


if __name__ == "__main__":
    main()
