"""The package's modules import downward only (issue 17 point 4).

Every module of veilig/ has a layer; a module may import (at run time, at the
top or inside a function) only modules of a lower layer, so no import goes
upward and none is circular. Imports under ``if TYPE_CHECKING:`` never run
and are exempt: the model names the methods veilig.methods attaches to it
there, for type checkers. The imports are read with ast, not by importing.
"""

import ast
import os

import pytest

from conftest import PACKAGE_ROOT

PACKAGE = os.path.join(PACKAGE_ROOT, "veilig")

#: The layers, lowest first. A new module goes into the lowest layer above
#: everything it imports.
LAYERS = [
    ["errors"],                          # imports nothing of the package
    ["_capi"],                           # the library; passes its texts into errors
    ["dates", "vocab"],
    ["_fields"],                         # field descriptors, _Node
    ["objects", "diagnostics"],          # the model's objects; validation results
    ["registry"],                        # Registry, load()
    ["model", "report", "tables", "sheet"],  # model: the model's layer gathered
    ["analysis"],                        # uses report for its renderings
    ["methods", "site"],                 # convenience methods attached to the model; site()
    ["__init__"],
]
LEVEL = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def _is_type_checking(test):
    return ((isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
            or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"))


def runtime_imports(source, module):
    """The package modules (by name) that source, the text of veilig/<module>.py,
    imports at run time, as (name, line) pairs."""
    found = []

    def visit(node):
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and (node.module == "veilig"
                                                    or node.module.startswith("veilig.")):
                base = node.module.split(".")[1:]
            elif node.level == 1:
                base = node.module.split(".") if node.module else []
            elif node.level > 1:
                raise AssertionError("%s.py:%d: import from above the package"
                                     % (module, node.lineno))
            else:
                base = None
            if base is not None:
                if base:
                    found.append((base[0], node.lineno))
                else:  # from . import a, b
                    found.extend((alias.name.split(".")[0], node.lineno) for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "veilig" and len(parts) > 1:
                    found.append((parts[1], node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(source))
    return found


def _modules():
    return sorted(f[:-3] for f in os.listdir(PACKAGE) if f.endswith(".py"))


def _graph():
    graph = {}
    for module in _modules():
        with open(os.path.join(PACKAGE, module + ".py"), encoding="utf-8") as f:
            graph[module] = runtime_imports(f.read(), module)
    return graph


def violations(graph):
    """Every import of graph ({module: [(imported, line)]}) that is not downward."""
    problems = []
    for module, imports in sorted(graph.items()):
        if module not in LEVEL:
            problems.append("veilig/%s.py has no layer: add it to LAYERS in %s"
                            % (module, os.path.basename(__file__)))
            continue
        for name, line in imports:
            if name not in LEVEL:
                problems.append("veilig/%s.py:%d imports %s, which has no layer"
                                % (module, line, name))
            elif LEVEL[name] >= LEVEL[module]:
                problems.append("veilig/%s.py:%d imports %s: %s (layer %d) is not below %s "
                                "(layer %d)" % (module, line, name, name, LEVEL[name], module,
                                                LEVEL[module]))
    return problems


def cycles(graph):
    """The import cycles of graph, each as a list of modules."""
    found, state = [], {}

    def walk(module, path):
        state[module] = "open"
        for name, _ in graph.get(module, ()):
            if state.get(name) == "open":
                found.append(path[path.index(name):] + [name])
            elif name not in state:
                walk(name, path + [name])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    return found


def test_every_module_imports_downward_only():
    graph = _graph()
    assert "model" in graph and "errors" in graph
    assert violations(graph) == []
    assert cycles(graph) == []


def test_errors_imports_nothing_of_the_package():
    assert _graph()["errors"] == []


def test_the_model_imports_no_analysis_or_rendering():
    graph = _graph()
    above = {"analysis", "report", "tables", "sheet", "methods", "site", "__init__"}
    for module in ("_fields", "objects", "diagnostics", "registry", "model"):
        assert [name for name, _ in graph[module] if name in above] == [], module


def test_every_layer_names_real_modules():
    # "site" is another engineer's module on its way; every other name is a file
    missing = [name for name in LEVEL if name != "site" and name not in _modules()]
    assert missing == []


@pytest.mark.parametrize("source,expected", [
    ("from . import analysis\n", [("analysis", 1)]),
    ("from .report import render\n", [("report", 1)]),
    ("import veilig.analysis\n", [("analysis", 1)]),
    ("from veilig import report, tables\n", [("report", 1), ("tables", 1)]),
    ("def f():\n    from . import analysis\n", [("analysis", 2)]),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .analysis import X\n", []),
    ("import json\nfrom ctypes import byref\n", []),
])
def test_runtime_imports_are_found(source, expected):
    assert runtime_imports(source, "x") == expected


def test_an_upward_or_circular_import_fails():
    # what the model looked like before the split: model imported analysis
    # inside its methods, analysis imported the model back; _capi and errors
    # imported each other
    graph = {"objects": [("analysis", 12)], "analysis": [("objects", 3)],
             "errors": [("_capi", 190)], "_capi": [("errors", 35)]}
    problems = violations(graph)
    assert any("objects.py:12 imports analysis" in p for p in problems)
    assert any("errors.py:190 imports _capi" in p for p in problems)
    assert sorted(map(tuple, cycles(graph))) == [("_capi", "errors", "_capi"),
                                                 ("analysis", "objects", "analysis")]
    assert violations({"newmodule": []}) != []


def test_the_convenience_methods_are_attached_once():
    import veilig
    from veilig import methods
    pairs = [(veilig.Indicator, methods.IndicatorMethods),
             (veilig.Municipality, methods.MunicipalityMethods),
             (veilig.Registry, methods.RegistryMethods)]
    for cls, source in pairs:
        names = [n for n in vars(source) if not n.startswith("__")]
        assert names, source
        for name in names:
            assert vars(cls)[name] is vars(source)[name], (cls, name)
        assert source not in cls.__mro__  # no base at run time
    assert {"coverage", "query", "peers", "save_report", "to_records", "render_list", "export",
            "report_html", "render_validation"} <= set(vars(methods.RegistryMethods))
