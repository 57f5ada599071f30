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

from ._capi import ABI_VERSION, DEFAULT_MAX_SIZE, library_path, set_library_path
from .dates import PartialDate
from .errors import (Error, ExistsError, FormatError, InvalidArgumentError, LimitError,
                     NotFoundError, OutOfMemoryError, ParseError, SchemaError, StaleObjectError,
                     VeiligFileNotFoundError, VeiligIOError, VeiligPermissionError, VersionError)
from .model import (Contact, Diagnostic, Exclusion, Indicator, Measure, Membership,
                    Municipality, Observation, Partner, PolicyLink, Programme, Registry, Rule,
                    Severity, Source, Stakeholder, Window, builtin, builtin_json, load, loads,
                    locate, rules, MAX_LOAD_ERRORS)
from .analysis import (Change, ChangeKind, ChangeList, Comparison, ComparisonRow, Counts,
                       Coverage, CoverageRow, Gap, GapKind, Match, Peer, PeerList, Profile,
                       Progress, ProgressList, QueryResult, Records, Schedule, StakeholderUse,
                       TargetGroupUse, Track, compare, diff, similarity)
from .tables import MEASURE_COLUMNS, measures_table
from .site import site
from .sheet import (SheetError, SheetImportError, export_sheet, import_sheets, save_xlsx,
                    sheets)
from .vocab import (VOCABULARIES, Approach, Category, Day, Daypart, Direction, Evidence,
                    LinkKind, LinkRelation, MeasureStatus, MembershipStatus, ResultLevel, Role,
                    Setting, StakeholderKind, TargetGroup, Unit, VocabEnum)

# The convenience methods (reg.coverage(), m.render(), ...) are attached to the
# model's classes once, here: the model is a layer below analysis, report and
# tables and imports none of them.
from . import methods as _methods

_methods.install()

__version__ = "1.2.0"

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
    """The C library's runtime version ("1.2.0"); loads the library."""
    from . import _capi
    return _capi.decode(_capi.lib().veilig_version()) or ""
