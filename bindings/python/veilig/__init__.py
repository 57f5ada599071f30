"""libveilig for Python: how Dutch municipalities tackle sexual street
harassment ("Veilige Steden"), as data.

A pure-Python binding over ctypes. The C library (libveilig.so.1) is loaded
on first use, not at import; it is found through, in order: the environment
variable VEILIG_LIBRARY (a path), the package's own folder (or a lib folder
beside it, or the libdir of a CMake install), the build tree of a checkout
(build*/ at the repository root), and the system's dynamic loader by
soname (LD_LIBRARY_PATH, the ld.so cache, the default folders). Its ABI major must be :data:`ABI_VERSION`.

    >>> import veilig
    >>> with veilig.builtin() as reg:
    ...     enschede = reg["Enschede"]
    ...     [ms.id for ms in enschede.measures if ms.category is veilig.Category.BYSTANDER]
    ['handelingsperspectief', 'omstandersinterventies']

The analyses (``reg.query()``, ``reg.coverage()``, ``m.profile()``,
``veilig.compare()``, ``reg.peers()``, ``veilig.similarity()``,
``veilig.diff()``, ``m.schedule()``, ``m.progress()``) return plain Python
data with ``to_records()`` (veilig.analysis); the renderings
(``reg.render_list()``, ``m.render()``, ``reg.export()``,
``reg.report_html()``) return text (veilig.report).

See README.md for the rules on lifetime, staleness, vocabularies and dates.
"""

import typing as _typing

# What ``import veilig`` imports: the model and what loading a registry
# needs. The rest of the package (the analyses, validation results, tables,
# sheets) is imported on first use of one of its names (__getattr__ below),
# so that a script that loads a registry and computes its coverage imports
# the model and veilig.analysis, and not report, tables, sheet or diagnostics.
from ._capi import ABI_VERSION, DEFAULT_MAX_SIZE, library_path, set_library_path
from .dates import PartialDate
from .errors import (Error, ExistsError, FormatError, InvalidArgumentError, LimitError,
                     NotFoundError, OutOfMemoryError, ParseError, SchemaError, StaleObjectError,
                     VeiligFileNotFoundError, VeiligIOError, VeiligPermissionError, VersionError)
from .objects import (Contact, Exclusion, Indicator, Measure, Membership, Municipality,
                      Observation, Partner, PolicyLink, Programme, Source, Stakeholder, Window)
from .registry import MAX_LOAD_ERRORS, Registry, builtin, builtin_json, load, loads
# site() is imported at once (a small module of nothing but it): the function
# shares its name with the module veilig.site, and importing that module
# later would make the package's attribute "site" the module.
from .site import site
from .vocab import (VOCABULARIES, Approach, Category, Day, Daypart, Direction, Evidence,
                    LinkKind, LinkRelation, MeasureStatus, MembershipStatus, ResultLevel, Role,
                    Setting, StakeholderKind, TargetGroup, Unit, VocabEnum)

# The convenience methods (reg.coverage(), m.render(), ...) are attached to the
# model's classes once, here: the model is a layer below analysis, report and
# tables and imports none of them (and veilig.methods imports them when a
# method runs).
from . import methods as _methods

_methods.install()

#: The names of __all__ imported on first use, by module.
_LAZY_NAMES = {
    "diagnostics": ("Diagnostic", "Rule", "Severity", "locate", "rules"),
    "analysis": ("Change", "ChangeKind", "ChangeList", "Comparison", "ComparisonRow", "Counts",
                 "Coverage", "CoverageRow", "Gap", "GapKind", "Match", "Peer", "PeerList",
                 "Profile", "Progress", "ProgressList", "QueryResult", "Records", "Schedule",
                 "StakeholderUse", "TargetGroupUse", "Track", "compare", "diff", "similarity"),
    "tables": ("MEASURE_COLUMNS", "measures_table"),
    "sheet": ("SheetError", "SheetImportError", "export_sheet", "import_sheets", "save_xlsx",
              "sheets"),
}
_LAZY = {name: module for module, names in _LAZY_NAMES.items() for name in names}

#: The package's modules: veilig.report and the others are attributes of the
#: package, as a submodule is once imported; those ``import veilig`` does not
#: import are imported when asked for.
_MODULES = ("_capi", "_fields", "analysis", "dates", "diagnostics", "errors", "methods", "model",
            "objects", "registry", "report", "sheet", "tables", "vocab")

if _typing.TYPE_CHECKING:  # pragma: no cover
    # For type checkers, the names imported on first use at run time. The
    # module __getattr__ is hidden from them (else below): with it, any name
    # of the package, a misspelt one too, would type-check as Any.
    from .analysis import (Change, ChangeKind, ChangeList, Comparison, ComparisonRow, Counts,
                           Coverage, CoverageRow, Gap, GapKind, Match, Peer, PeerList, Profile,
                           Progress, ProgressList, QueryResult, Records, Schedule, StakeholderUse,
                           TargetGroupUse, Track, compare, diff, similarity)
    from .diagnostics import Diagnostic, Rule, Severity, locate, rules
    from .sheet import (SheetError, SheetImportError, export_sheet, import_sheets, save_xlsx,
                        sheets)
    from .tables import MEASURE_COLUMNS, measures_table
else:
    def __getattr__(name):
        """A name of __all__ (or a module of the package) that ``import
        veilig`` does not import: imported now, and kept in the package, so
        that this runs once per name (PEP 562)."""
        import importlib

        module = _LAZY.get(name)
        if module is not None:
            value = getattr(importlib.import_module("." + module, __name__), name)
        elif name in _MODULES:
            value = importlib.import_module("." + name, __name__)
        else:
            raise AttributeError("module %r has no attribute %r" % (__name__, name))
        globals()[name] = value
        return value

    def __dir__():
        return sorted(set(globals()) | set(_LAZY) | set(_MODULES))


__version__ = "1.3.0"

__all__ = [
    "ABI_VERSION", "DEFAULT_MAX_SIZE", "MAX_LOAD_ERRORS", "library_path", "set_library_path", "version",
    "PartialDate",
    "Error", "ExistsError", "InvalidArgumentError", "LimitError", "NotFoundError",
    "OutOfMemoryError", "ParseError", "SchemaError", "StaleObjectError", "VeiligIOError",
    "VersionError", "FormatError", "VeiligFileNotFoundError", "VeiligPermissionError",
    "Registry", "Programme", "Municipality", "Membership", "Exclusion", "PolicyLink",
    "Stakeholder", "Contact", "Source", "Measure", "Window", "Partner", "Indicator",
    "Observation", "Severity", "Diagnostic", "Rule",
    "load", "loads", "builtin", "builtin_json", "locate", "rules",
    "VocabEnum", "VOCABULARIES", "Approach", "Category", "TargetGroup", "Setting",
    "StakeholderKind", "Role", "LinkKind", "LinkRelation", "MembershipStatus", "MeasureStatus",
    "Evidence", "ResultLevel", "Unit", "Direction", "Day", "Daypart",
    "compare", "similarity", "diff", "Records", "Counts", "Match", "QueryResult", "Coverage",
    "CoverageRow", "Profile", "TargetGroupUse", "StakeholderUse", "Gap", "GapKind",
    "Comparison", "ComparisonRow", "Peer", "PeerList", "Change", "ChangeKind", "ChangeList",
    "Schedule", "Track", "Progress", "ProgressList",
    "measures_table", "MEASURE_COLUMNS",
    "site",
    "sheets", "export_sheet", "save_xlsx", "import_sheets", "SheetError", "SheetImportError",
]


def version() -> str:
    """The C library's runtime version ("1.3.0"); loads the library."""
    from . import _capi
    return _capi.decode(_capi.lib().veilig_version()) or ""
