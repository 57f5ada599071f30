"""The analyses of libveilig (query.h, analysis.h) as plain Python data.

Each analysis runs the C function, reads its whole result into Python
objects (dataclasses, lists and dicts) and frees the C result at once (with
its ``_free`` function, however the reading ends), so a result never holds
memory of the library and its numbers stay as they were when the registry
changes or closes. Where a result names a municipality, measure, stakeholder
or indicator, it is the binding's own object (``reg[0] is row.municipality``),
which follows the model's rules (stale when removed, ValueError once the
registry is closed).

Rules of the results:

* codes (categories, approaches, target groups, ...) are plain ``str``, as
  in documents; a column or count for codes this version does not know is
  ``"other"``. Dicts keyed by codes (:class:`Counts`) also take enum members:
  ``row.counts[Category.BYSTANDER] == row.counts["bystander"]``;
* tables are lists (:class:`Records`) with ``to_records()``: one flat dict per
  row, holding only ``str``, ``int``, ``float``, ``bool`` and ``None`` (objects
  as their code or id, dates as ISO text, amounts as float euros), so
  ``pandas.DataFrame(result.to_records())``, ``csv.DictWriter`` and
  ``json.dumps`` all take them (it reads the objects' codes and names: call
  it while the registry is open);
* every result has ``render(format="text", lang="nl")`` (the library's own
  table: ``"text"``, ``"csv"``, ``"markdown"`` or ``"json"``) and
  ``to_json()`` (the library's JSON of the analysis); both run the analysis
  again, with the same arguments, on the registry as it is then.

See docs/analysis.md for what each number means.
"""

from __future__ import annotations

import datetime
import enum
import json
from contextlib import contextmanager
from ctypes import byref, c_double, c_void_p
from dataclasses import dataclass, field
from decimal import Decimal
from typing import (Any, Callable, ClassVar, ContextManager, Dict, Iterable,
                    Iterator, List, NamedTuple, Optional, Tuple, TypeVar, Union, cast)

from . import _capi
from .objects import Indicator, Measure, Municipality, Stakeholder
from .registry import Registry
from .dates import DateLike, PartialDate, cents_to_decimal, text_to_minutes, to_partial_date
from .vocab import (Approach, Category, Day, Evidence, MeasureStatus, Setting, StakeholderKind,
                    TargetGroup, VocabEnum)


__all__ = ["Records", "Counts", "Match", "QueryResult", "CoverageRow", "Coverage",
           "TargetGroupUse", "StakeholderUse", "GapKind", "Gap", "Profile", "ComparisonRow",
           "Comparison", "Peer", "PeerList", "ChangeKind", "Change", "ChangeList", "Schedule",
           "Track", "Progress", "ProgressList", "FILTERS", "query", "coverage", "profile",
           "compare", "peers", "similarity", "diff", "schedule", "progress"]

R = TypeVar("R")
Run = Callable[[], ContextManager[c_void_p]]


def _lib() -> Any:
    return _capi.lib()


_enc = _capi.encode
_dec = _capi.decode


# ---- shared pieces ----

def _code(key: Any) -> Any:
    return key.code if isinstance(key, VocabEnum) else key


class Counts(Dict[str, R]):
    """A dict keyed by vocabulary codes (``"bystander"``) that also takes the
    enum members as keys for reading (``counts[Category.BYSTANDER]``)."""

    def __getitem__(self, key: Any) -> R:
        return super().__getitem__(_code(key))

    def __contains__(self, key: object) -> bool:
        return super().__contains__(_code(key))

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(_code(key), default)


class Records(List[R]):
    """A list of result rows with :meth:`to_records`."""

    def to_records(self) -> List[Dict[str, Any]]:
        """One flat dict per row (str, int, float, bool or None values)."""
        return [row.to_record() for row in self]  # type: ignore[attr-defined]


class _Analysis:
    """render() and to_json() of a result: they run the analysis again."""

    #: veilig_render_<x> and veilig_<x>_to_json of the result
    _RENDER: ClassVar[str] = ""
    _TO_JSON: ClassVar[str] = ""
    _run: Optional[Run]

    def _again(self) -> ContextManager[c_void_p]:
        run = getattr(self, "_run", None)
        if run is None:
            raise ValueError("this %s was not computed by the library" % type(self).__name__)
        return cast(ContextManager[c_void_p], run())

    def render(self, format: str = "text", lang: str = "nl") -> str:
        """The library's rendering of the analysis: ``"text"`` (aligned, for a
        terminal), ``"csv"``, ``"markdown"`` or ``"json"``; Dutch labels
        (``lang="nl"``) or English (``"en"``). Runs the analysis again on the
        registry as it is now."""
        from . import report as _report  # here: computing an analysis needs none of it
        opts = _report.options(format, lang)
        with self._again() as ptr:
            return _capi.take_string(getattr(_lib(), self._RENDER), ptr, byref(opts))

    def to_json(self) -> str:
        """The library's JSON of the analysis (as the tool prints it); runs
        the analysis again on the registry as it is now."""
        with self._again() as ptr:
            return _capi.take_string(getattr(_lib(), self._TO_JSON), ptr)


def _with_run(obj: R, run: Run) -> R:
    object.__setattr__(obj, "_run", run)
    return obj


def _municipality(reg: "Registry", ptr: int) -> "Municipality":
    return reg._wrap(Municipality, ptr, reg, Registry.municipalities)


def _measure(reg: "Registry", ptr: int, owner: "Optional[Municipality]" = None) -> "Measure":
    if owner is None:
        owner = _municipality(reg, _lib().veilig_measure_municipality(ptr))
    return reg._wrap(Measure, ptr, owner, Municipality.measures)


def _cdate(value: Optional[DateLike], what: str) -> _capi.CDate:
    """A veilig_date for an options field; year 0 (none) for None."""
    if value is None:
        return _capi.CDate(0, 0, 0)
    try:
        d = to_partial_date(value)
    except TypeError:
        raise TypeError("%s must be a PartialDate, datetime.date or ISO text, not %s"
                        % (what, type(value).__name__)) from None
    return _capi.CDate(d.year, d.month or 0, d.day or 0)


def _iso(value: Optional[PartialDate]) -> Optional[str]:
    return None if value is None else str(value)


def _euros(amount: Decimal) -> float:
    return float(amount)


def _check_municipality(m: Any, what: str = "municipality") -> "Municipality":
    if not isinstance(m, Municipality):
        raise TypeError("%s must be a Municipality, not %s" % (what, type(m).__name__))
    m._p()
    return m


# ---- query ----

#: The filters of query(), as the library names them.
FILTERS: Tuple[str, ...] = ("category", "approach", "target_group", "setting",
                            "stakeholder_kind", "stakeholder", "status", "evidence", "province",
                            "active_on", "text", "municipality")

_FILTER_ENUMS = {"category": Category, "approach": Approach, "target_group": TargetGroup,
                 "setting": Setting, "stakeholder_kind": StakeholderKind,
                 "status": MeasureStatus, "evidence": Evidence}


class Match(NamedTuple):
    """One match of a query: a municipality and one of its measures."""

    municipality: "Municipality"
    measure: "Measure"

    def to_record(self) -> Dict[str, Any]:
        """The keys of the library's JSON: municipality (code),
        municipality_name, measure (id), name, category, approach."""
        m, ms = self.municipality, self.measure
        category, approach = ms.category, ms.approach
        return {"municipality": m.code, "municipality_name": m.name, "measure": ms.id,
                "name": ms.name, "category": None if category is None else str(category),
                "approach": None if approach is None else str(approach)}


class QueryResult(Records[Match], _Analysis):
    """The matches of :func:`query`: ``(municipality, measure)`` pairs
    (:class:`Match`), municipalities in document order and the measures of
    each in document order."""

    _RENDER = "veilig_render_query"
    _TO_JSON = "veilig_query_result_to_json"

    #: the filters as given to the library: (name, [codes])
    filters: List[Tuple[str, List[str]]]

    @property
    def measures(self) -> "List[Measure]":
        """The measures that match."""
        return [match.measure for match in self]

    @property
    def municipalities(self) -> "List[Municipality]":
        """The municipalities with at least one match, in document order."""
        seen: List[Any] = []
        for match in self:
            if not any(m is match.municipality for m in seen):
                seen.append(match.municipality)
        return seen

    def __repr__(self) -> str:
        return "<veilig.QueryResult of %d matches: %s>" % (
            len(self), ", ".join("%s:%s" % (m.municipality.code, m.measure.id)
                                 for m in self[:6]) + (", ..." if len(self) > 6 else ""))


def _filter_values(name: str, value: Any) -> List[str]:
    if value is None:
        return []
    single = (str, bytes, VocabEnum, PartialDate, datetime.date, Municipality, Stakeholder)
    values = [value] if isinstance(value, single) or not isinstance(value, Iterable) \
        else list(value)
    codes = []
    for v in values:
        if name in _FILTER_ENUMS:
            enum_cls = _FILTER_ENUMS[name]
            if isinstance(v, VocabEnum):
                if not isinstance(v, enum_cls):
                    raise TypeError("%s= takes %s members or codes, not %r"
                                    % (name, enum_cls.__name__, v))
                code = v.code
            elif isinstance(v, str):
                code = v  # the library refuses a code it does not know, saying what it meant
            else:
                raise TypeError("%s= takes %s members or codes, not %s"
                                % (name, enum_cls.__name__, type(v).__name__))
        elif name == "active_on":
            try:
                code = str(to_partial_date(cast(Any, v)))
            except TypeError:
                raise TypeError("active_on= takes a PartialDate, datetime.date or ISO text, "
                                "not %s" % type(v).__name__) from None
        elif name == "municipality" and isinstance(v, Municipality):
            code = v.code
        elif name == "stakeholder" and isinstance(v, Stakeholder):
            code = v.id
        elif isinstance(v, str):
            code = v
        else:
            raise TypeError("%s= takes text, not %s" % (name, type(v).__name__))
        if not code:
            raise ValueError("%s=: an empty value" % name)
        codes.append(code)
    return codes


def _query_run(reg: "Registry", groups: List[List[Tuple[str, List[str]]]],
               where: Optional[str] = None) -> Run:
    """The run of a query: the groups of filters (OR between groups), or an expression."""
    @contextmanager
    def run() -> Iterator[c_void_p]:
        lib = _lib()
        if where is not None:
            make = _capi.result(lib.veilig_query_parse, lib.veilig_query_free,
                                _enc(where, "where"), _capi.ErrorRecord())
        else:
            make = _capi.result(lib.veilig_query_new, lib.veilig_query_free)
        with make as q:
            for g, filters in enumerate(groups):
                if g:
                    lib.veilig_query_or(q)
                for name, codes in filters:
                    number = lib.veilig_filter_from_name(_enc(name))
                    for code in codes:
                        lib.veilig_query_add(q, number, _enc(code, name))
            with _capi.result(lib.veilig_query_run, lib.veilig_query_result_free, q,
                              reg._p()) as r:
                yield r
    return run


def _query_group(filters: Dict[str, Any]) -> List[Tuple[str, List[str]]]:
    """One group of filters as (name, [codes]), in the order of FILTERS."""
    unknown = [name for name in filters if name not in FILTERS]
    if unknown:
        raise TypeError("query() has no filter %s (filters: %s)"
                        % (", ".join(map(repr, unknown)), ", ".join(FILTERS)))
    given = [(name, _filter_values(name, filters[name])) for name in FILTERS if name in filters]
    return [(name, codes) for name, codes in given if codes]


def query(reg: "Registry", *any_of: Dict[str, Any], where: Optional[str] = None,
          **filters: Any) -> QueryResult:
    """The measures of reg that pass every filter given (a filter given a
    list passes a measure that has any of its values); each dict of any_of
    is another group of filters (OR): a measure passes when it passes every
    filter of one group. Or where: the filters as an expression
    (``"category=bystander OR approach=prevention"``), alone. See
    :meth:`veilig.Registry.query`."""
    if where is not None:
        if any_of or any(v is not None for v in filters.values()):
            raise TypeError("query(): give where= alone, or filters")
        if not isinstance(where, str):
            raise TypeError("where= takes text, not %s" % type(where).__name__)
    for group in any_of:
        if not isinstance(group, dict):
            raise TypeError("query(): a group of filters is a dict, not %s"
                            % type(group).__name__)
    given = _query_group(filters)
    groups = ([given] if given or not any_of else []) + [_query_group(g) for g in any_of]
    run = _query_run(reg, [g for g in groups if g] or [[]], where)
    lib = _lib()
    result: QueryResult = QueryResult()
    with run() as r:
        for i in range(lib.veilig_query_result_count(r)):
            m = _municipality(reg, lib.veilig_query_result_municipality(r, i))
            result.append(Match(m, _measure(reg, lib.veilig_query_result_measure(r, i), m)))
    result.filters = given
    return _with_run(result, run)


# ---- coverage ----

_AXES = {"category": Category, "approach": Approach, "target_group": TargetGroup}



#: the key of counts of codes the library does not know (not a code itself)
UNKNOWN = "(unknown)"

@dataclass(frozen=True)
class CoverageRow:
    """One municipality's row of a coverage matrix."""

    municipality: "Municipality" = field(repr=False)
    code: str
    name: str
    #: active measures per column code
    counts: Counts[int]
    total: int

    def to_record(self) -> Dict[str, Any]:
        """municipality (code), municipality_name, a key per column, total
        (the columns of the library's CSV)."""
        record: Dict[str, Any] = {"municipality": self.code, "municipality_name": self.name}
        record.update(self.counts)
        record["total"] = self.total
        return record


@dataclass(frozen=True, eq=False)
class Coverage(_Analysis):
    """A coverage matrix (:func:`coverage`): municipalities (rows, document
    order) x the values of a vocabulary (columns, in its order, ``"other"``
    last when a document uses unknown codes)."""

    _RENDER = "veilig_render_coverage"
    _TO_JSON = "veilig_coverage_to_json"

    #: "category", "approach" or "target_group"
    axis: str
    #: the column codes
    columns: List[str]
    rows: List[CoverageRow]
    #: column code -> sum of the column
    column_totals: Counts[int]
    total: int
    active_on: Optional[PartialDate] = None
    all_measures: bool = False

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per municipality: municipality (its code),
        municipality_name, a key per column, total."""
        return [row.to_record() for row in self.rows]

    def matrix(self) -> List[List[int]]:
        """The counts as a list of rows, each a list in column order."""
        return [[row.counts[c] for c in self.columns] for row in self.rows]

    def row(self, key: "Union[str, Municipality]") -> CoverageRow:
        """The row of a municipality (the object, its code or its name)."""
        for row in self.rows:
            if row.municipality is key or (isinstance(key, str) and key.lower() in
                                           (row.code.lower(), row.name.lower())):
                return row
        raise KeyError(key)

    def __iter__(self) -> Iterator[CoverageRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def coverage(reg: "Registry", axis: Any = "category", active_on: Optional[DateLike] = None,
             all_measures: bool = False) -> Coverage:
    """Counts, per municipality and per value of axis, the active measures
    with that value (every measure with all_measures=True). See
    :meth:`veilig.Registry.coverage`."""
    if isinstance(axis, type) and issubclass(axis, VocabEnum):
        names = [name for name, cls in _AXES.items() if cls is axis]
        axis = names[0] if names else axis.__name__
    if axis not in _AXES:
        raise ValueError("axis must be one of %s, not %r" % (", ".join(_AXES), axis))
    lib = _lib()
    opts = _capi.CoverageOptions()
    lib.veilig_coverage_options_init(byref(opts), _capi.COVERAGE_OPTIONS_VERSION)
    opts.axis = _AXES[axis].__vocab__
    opts.active_on = _cdate(active_on, "active_on")
    opts.all_measures = 1 if all_measures else 0

    def run() -> ContextManager[c_void_p]:
        return _capi.result(lib.veilig_coverage, lib.veilig_coverage_free, reg._p(), byref(opts))

    with run() as c:
        # the whole matrix in one call (its JSON rendering), not one call a cell
        data = _capi.render_json(lib.veilig_coverage_to_json, c)
        columns = list(data["columns"])
        rows = []
        for i, row in enumerate(data["rows"]):
            m = _municipality(reg, lib.veilig_coverage_row(c, i))
            counts: Counts[int] = Counts(zip(columns, row["counts"]))
            rows.append(CoverageRow(m, row["code"], row["name"], counts, int(row["total"])))
        totals: Counts[int] = Counts(zip(columns, data["column_totals"]))
        total = int(data["total"])
    result = Coverage(axis, columns, rows, totals, total,
                      None if active_on is None else to_partial_date(active_on),
                      bool(all_measures))
    return _with_run(result, run)


# ---- profile ----

class GapKind(str, enum.Enum):
    """Kinds of gaps of a profile (veilig_gap_kind)."""

    CATEGORY = "category"                      #: a category without measures
    TARGET_GROUP = "target_group"              #: a scope target group no measure serves
    NO_INDICATOR = "no_indicator"              #: a measure without indicators
    NO_EXECUTING_PARTY = "no_executing_party"  #: a measure without an executing party

    def __str__(self) -> str:
        return str(self.value)

    @property
    def number(self) -> int:
        """The C value (VEILIG_GAP_CATEGORY is 1)."""
        return list(GapKind).index(self) + 1


@dataclass(frozen=True)
class TargetGroupUse:
    """A target group of a profile: in the scope or named by measures."""

    municipality: "Municipality" = field(repr=False)
    code: str
    in_scope: bool
    #: the number of measures that name it
    measures: int

    def to_record(self) -> Dict[str, Any]:
        return {"municipality": self.municipality.code, "target_group": self.code,
                "in_scope": self.in_scope, "measures": self.measures}


@dataclass(frozen=True)
class StakeholderUse:
    """A stakeholder of a profile, with the number of measures it carries."""

    stakeholder: "Stakeholder"
    measures: int

    def to_record(self) -> Dict[str, Any]:
        s = self.stakeholder
        kind = s.kind
        return {"municipality": s.municipality.code, "stakeholder": s.id, "name": s.name,
                "kind": None if kind is None else str(kind), "measures": self.measures}


@dataclass(frozen=True)
class Gap:
    """A gap of a profile: a category or target group code, or a measure."""

    municipality: "Municipality" = field(repr=False)
    kind: GapKind
    #: the category or target group code; None for measure gaps
    code: Optional[str]
    #: the measure of a measure gap; None for the others
    measure: "Optional[Measure]"

    def to_record(self) -> Dict[str, Any]:
        return {"municipality": self.municipality.code, "kind": self.kind.value,
                "code": self.code, "measure": None if self.measure is None else self.measure.id}


@dataclass(frozen=True, eq=False)
class Profile(_Analysis):
    """A municipality's profile (:func:`profile`); every measure counts,
    active or not. Counts and budgets have a key for every value of the
    vocabulary (0 when none) and ``"(unknown)"`` when there are unknown
    codes."""

    _RENDER = "veilig_render_profile"
    _TO_JSON = "veilig_profile_to_json"
    TABLES: ClassVar[Tuple[str, ...]] = ("categories", "approaches", "kinds", "target_groups",
                                         "stakeholders", "gaps")

    municipality: "Municipality"
    #: the number of measures
    measures: int
    by_approach: Counts[int]
    by_category: Counts[int]
    #: budget per category in euros (Decimal), measures in EUR or without currency
    budget_by_category: Counts[Decimal]
    #: the scope's target groups first (scope order), then others measures name
    target_groups: Records[TargetGroupUse]
    #: every stakeholder, document order, with the measures it carries
    stakeholders: Records[StakeholderUse]
    #: stakeholders per kind
    by_kind: Counts[int]
    #: categories without measures, scope target groups without measures,
    #: measures without indicators, measures without an executing party
    gaps: Records[Gap]

    def to_records(self, table: str = "categories") -> List[Dict[str, Any]]:
        """A table of the profile as flat dicts, each with the municipality's
        code: ``"categories"`` (category, measures, budget in euros as a
        float), ``"approaches"`` (approach, measures), ``"kinds"`` (kind,
        stakeholders), ``"target_groups"``, ``"stakeholders"`` or ``"gaps"``."""
        code = self.municipality.code
        if table == "categories":
            return [{"municipality": code, "category": c, "measures": n,
                     "budget": _euros(self.budget_by_category.get(c, Decimal(0)))}
                    for c, n in self.by_category.items()]
        if table == "approaches":
            return [{"municipality": code, "approach": a, "measures": n}
                    for a, n in self.by_approach.items()]
        if table == "kinds":
            return [{"municipality": code, "kind": k, "stakeholders": n}
                    for k, n in self.by_kind.items()]
        if table in ("target_groups", "stakeholders", "gaps"):
            return getattr(self, table).to_records()  # type: ignore[no-any-return]
        raise ValueError("unknown table %r (use one of %s)" % (table, ", ".join(self.TABLES)))


def _counts(members: Iterable[VocabEnum], get: Callable[[int], int]) -> Counts[int]:
    """Counts of every member, and of unknown codes (C value 0) under
    ``"(unknown)"`` when there are any: not a code of any vocabulary
    (StakeholderKind has a code "other" of its own), as in the library's JSON."""
    counts: Counts[int] = Counts((m.code, int(get(m.number))) for m in members)
    other = int(get(0))
    if other:
        counts[UNKNOWN] = other
    return counts


def profile(m: "Municipality") -> Profile:
    """The profile of municipality m. See :meth:`veilig.Municipality.profile`."""
    m = _check_municipality(m)
    reg = m._reg
    lib = _lib()

    def run() -> ContextManager[c_void_p]:
        return _capi.result(lib.veilig_profile, lib.veilig_profile_free, m._p())

    with run() as p:
        by_approach = _counts(Approach, lambda n: int(lib.veilig_profile_approach_count(p, n)))
        by_category = _counts(Category, lambda n: int(lib.veilig_profile_category_count(p, n)))
        budget: Counts[Decimal] = Counts(
            (c.code, cents_to_decimal(lib.veilig_profile_category_budget(p, c.number)))
            for c in Category)
        other = lib.veilig_profile_category_budget(p, 0)
        if other:
            budget[UNKNOWN] = cents_to_decimal(other)
        groups: Records[TargetGroupUse] = Records(
            TargetGroupUse(m, _dec(lib.veilig_profile_target_group_code(p, i)) or "",
                           bool(lib.veilig_profile_target_group_in_scope(p, i)),
                           int(lib.veilig_profile_target_group_measures(p, i)))
            for i in range(lib.veilig_profile_target_group_count(p)))
        stakeholders: Records[StakeholderUse] = Records(
            StakeholderUse(reg._wrap(Stakeholder, lib.veilig_profile_stakeholder(p, i), m,
                                     Municipality.stakeholders),
                           int(lib.veilig_profile_stakeholder_measures(p, i)))
            for i in range(lib.veilig_profile_stakeholder_count(p)))
        by_kind = _counts(StakeholderKind, lambda n: int(lib.veilig_profile_kind_count(p, n)))
        gaps: Records[Gap] = Records()
        for i in range(lib.veilig_profile_gap_count(p)):
            ptr = lib.veilig_profile_gap_measure(p, i)
            gaps.append(Gap(m, GapKind(list(GapKind)[lib.veilig_profile_gap_kind(p, i) - 1]),
                            _dec(lib.veilig_profile_gap_code(p, i)),
                            _measure(reg, ptr, m) if ptr else None))
        count = Municipality.measures.count(m)
    result = Profile(m, count, by_approach, by_category, budget, groups, stakeholders,
                     by_kind, gaps)
    return _with_run(result, run)


# ---- comparison ----

@dataclass(frozen=True)
class ComparisonRow:
    """A row of a comparison: a value of a dimension and the two counts."""

    #: "category", "approach", "target_group", "setting" or "stakeholder_type"
    #: (the library's vocabulary names)
    dimension: str
    code: str
    #: measures (stakeholders for "stakeholder_type") of a and of b
    a: int
    b: int

    def to_record(self) -> Dict[str, Any]:
        return {"dimension": self.dimension, "code": self.code, "a": self.a, "b": self.b}


class Comparison(Records[ComparisonRow], _Analysis):
    """Two municipalities side by side (:func:`compare`): a row per value
    either has, by dimension (category, approach, target group, setting,
    stakeholder kind), then vocabulary order."""

    _RENDER = "veilig_render_comparison"
    _TO_JSON = "veilig_comparison_to_json"

    a: "Municipality"
    b: "Municipality"

    def dimension(self, name: str) -> Counts[Tuple[int, int]]:
        """The rows of one dimension as code -> (a, b)."""
        return Counts((row.code, (row.a, row.b)) for row in self if row.dimension == name)

    def __repr__(self) -> str:
        return "<veilig.Comparison of %s and %s: %d rows>" % (self.a.code, self.b.code, len(self))


def compare(a: "Municipality", b: "Municipality") -> Comparison:
    """Compares two municipalities (of any registries)."""
    a = _check_municipality(a, "a")
    b = _check_municipality(b, "b")
    lib = _lib()

    def run() -> ContextManager[c_void_p]:
        return _capi.result(lib.veilig_compare, lib.veilig_comparison_free, a._p(), b._p())

    result = Comparison()
    with run() as c:
        for i in range(lib.veilig_comparison_count(c)):
            result.append(ComparisonRow(
                _dec(lib.veilig_vocab_name(lib.veilig_comparison_vocab(c, i))) or "",
                _dec(lib.veilig_comparison_code(c, i)) or "",
                int(lib.veilig_comparison_a(c, i)), int(lib.veilig_comparison_b(c, i))))
    result.a, result.b = a, b
    return _with_run(result, run)


# ---- peers ----

@dataclass(frozen=True)
class Peer:
    """One peer of a subject: its rank (from 1), similarity in [0, 1] and the
    suggestions: the peer's measures in categories the subject has none of."""

    subject: "Municipality"
    rank: int
    peer: "Municipality"
    similarity: float
    suggestions: "List[Measure]"

    def to_record(self) -> Dict[str, Any]:
        """subject, subject_name, rank, peer, peer_name, similarity and
        suggestions (the measure ids joined with ";")."""
        return {"subject": self.subject.code, "subject_name": self.subject.name,
                "rank": self.rank, "peer": self.peer.code, "peer_name": self.peer.name,
                "similarity": self.similarity,
                "suggestions": ";".join(ms.id for ms in self.suggestions)}


class PeerList(Records[Peer], _Analysis):
    """The rows of :func:`peers`: subjects in document order, ranks from 1."""

    _RENDER = "veilig_render_peers"
    _TO_JSON = "veilig_peers_to_json"


def peers(reg: "Registry", municipality: "Optional[Union[Municipality, str]]" = None,
          k: int = 5) -> PeerList:
    """The k most similar other municipalities of reg, for one municipality
    (of reg, or a Municipality object of any registry: your own plan against
    the programme's data) or for every one. Municipalities without measures
    are no peers and have none. See :meth:`veilig.Registry.peers`."""
    if isinstance(k, bool) or not isinstance(k, int):
        raise TypeError("k must be an int")
    if k < 1:
        raise ValueError("k must be at least 1")
    m: "Optional[Municipality]"
    if isinstance(municipality, Municipality):
        m = _check_municipality(municipality)
    else:
        from . import report as _report
        m = _report._member(reg, municipality)
    lib = _lib()
    opts = _capi.PeersOptions()
    lib.veilig_peers_options_init(byref(opts), _capi.PEERS_OPTIONS_VERSION)
    opts.k = k

    def run() -> ContextManager[c_void_p]:
        return _capi.result(lib.veilig_peers, lib.veilig_peers_free, reg._p(),
                            m._p() if m is not None else None, byref(opts))

    result = PeerList()
    with run() as p:
        for i in range(lib.veilig_peers_count(p)):
            peer = _municipality(reg, lib.veilig_peers_peer(p, i))
            suggestions = [_measure(reg, lib.veilig_peers_suggestion(p, i, s), peer)
                           for s in range(lib.veilig_peers_suggestion_count(p, i))]
            subject = m if m is not None else _municipality(reg, lib.veilig_peers_subject(p, i))
            result.append(Peer(subject, int(lib.veilig_peers_rank(p, i)), peer,
                               float(lib.veilig_peers_similarity(p, i)), suggestions))
    return _with_run(result, run)


def similarity(a: "Municipality", b: "Municipality") -> float:
    """How alike two municipalities' approaches are (of any registries): 1
    for the same profile, 0 for nothing in common (docs/analysis.md)."""
    a = _check_municipality(a, "a")
    b = _check_municipality(b, "b")
    return float(_lib().veilig_similarity(a._p(), b._p()))


# ---- differences ----

class ChangeKind(str, enum.Enum):
    """What happened to a value between two versions (veilig_change)."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def number(self) -> int:
        """The C value (VEILIG_CHANGE_ADDED is 1)."""
        return list(ChangeKind).index(self) + 1


@dataclass(frozen=True)
class Change:
    """A difference between two versions: what happened, where (the
    municipality's code (None for a change in the programme block) and the
    measure's id or None, codes rather than
    objects since a removed one exists only in the old registry; an RFC 6901
    pointer into the document :attr:`document` names: the new one, or the
    old one for removals) and the old and new values as Python values (None
    where there is none: see old_json and new_json, the library's JSON
    texts, None where there is none)."""

    change: ChangeKind
    municipality: Optional[str]
    measure: Optional[str]
    pointer: str
    old: Any
    new: Any
    old_json: Optional[str] = field(default=None, repr=False)
    new_json: Optional[str] = field(default=None, repr=False)

    @property
    def document(self) -> str:
        """Which document :attr:`pointer` points into: ``"old"`` for a
        removal (the value is gone from the new one), ``"new"`` for an
        addition or a change (docs/analysis.md, "Differences")."""
        return "old" if self.change is ChangeKind.REMOVED else "new"

    def to_record(self) -> Dict[str, Any]:
        """change, municipality, measure, pointer, document (``"old"`` or
        ``"new"``), and old and new as JSON text (so the column has one type;
        None where there is none)."""
        return {"change": self.change.value, "municipality": self.municipality,
                "measure": self.measure, "pointer": self.pointer, "document": self.document,
                "old": self.old_json, "new": self.new_json}


class ChangeList(Records[Change], _Analysis):
    """The rows of :func:`diff`, in document order of the new version."""

    _RENDER = "veilig_render_diff"
    _TO_JSON = "veilig_diff_to_json"


def diff(old: "Registry", new: "Registry",
         code: "Optional[Union[str, Municipality]]" = None) -> ChangeList:
    """What changed from old to new (two registries: two versions of a
    document), for every municipality or for the one with code (a code, or
    a Municipality whose code is taken). NotFoundError when the code is in
    neither. Two registries with the same content give no rows."""
    for what, value in (("old", old), ("new", new)):
        if not isinstance(value, Registry):
            raise TypeError("%s must be a Registry, not %s" % (what, type(value).__name__))
    if isinstance(code, Municipality):
        code = code.code
    if code is not None and not isinstance(code, str):
        raise TypeError("code must be a str or a Municipality")
    text: Optional[str] = code
    lib = _lib()

    def run() -> ContextManager[c_void_p]:
        return _capi.result(lib.veilig_diff, lib.veilig_diff_free, old._p(), new._p(),
                            _enc(text, "code"))

    result = ChangeList()
    with run() as d:
        for i in range(lib.veilig_diff_count(d)):
            old_json = _dec(lib.veilig_diff_old(d, i))
            new_json = _dec(lib.veilig_diff_new(d, i))
            result.append(Change(
                list(ChangeKind)[lib.veilig_diff_change(d, i) - 1],
                _dec(lib.veilig_diff_municipality(d, i)),
                _dec(lib.veilig_diff_measure(d, i)),
                _dec(lib.veilig_diff_pointer(d, i)) or "",
                None if old_json is None else json.loads(old_json),
                None if new_json is None else json.loads(new_json),
                old_json, new_json))
    return _with_run(result, run)


# ---- schedule ----

DAYS: Tuple[str, ...] = tuple(d.code for d in Day)


@dataclass(frozen=True, eq=False)
class Schedule(_Analysis):
    """The week of a municipality's active measures (:func:`schedule`)."""

    _RENDER = "veilig_render_schedule"
    _TO_JSON = "veilig_schedule_to_json"

    municipality: "Municipality"
    #: 7 lists (Monday first) of 24 counts: measures running in that hour
    slots: List[List[int]]
    #: category code -> 7 x 24, for the categories of measures that took part
    by_category: Counts[List[List[int]]]
    #: the window asked about: days (codes), start and end ("HH:MM")
    days: List[str]
    start: str
    end: str
    #: covered_minutes / window_minutes, 0..1
    window_share: float
    window_minutes: int
    covered_minutes: int
    #: active measures with a schedule that took part
    measure_count: int

    def slot(self, day: Union[Day, str, int], hour: int) -> int:
        """The count of a slot: day as a Day, its code or 0..6 (Monday 0)."""
        return self.slots[_day_index(day)][hour]

    def to_records(self) -> List[Dict[str, Any]]:
        """168 dicts, Monday 00:00 first: municipality, day (code), hour,
        count, and a key per category of by_category."""
        records = []
        for d, day in enumerate(DAYS):
            for h in range(24):
                record: Dict[str, Any] = {"municipality": self.municipality.code, "day": day,
                                          "hour": h, "count": self.slots[d][h]}
                for code, week in self.by_category.items():
                    record[code] = week[d][h]
                records.append(record)
        return records


def _day_index(day: Union[Day, str, int]) -> int:
    if isinstance(day, int) and not isinstance(day, bool):
        if not 0 <= day < 7:
            raise IndexError("day index out of range 0..6")
        return day
    return Day.coerce(day).number - 1  # type: ignore[arg-type]


def schedule(m: "Municipality", days: Any = ("fri", "sat"), start: Any = "22:00",
             end: Any = "04:00", active_on: Optional[DateLike] = None) -> Schedule:
    """Lays the schedules of m's active measures over a week. See
    :meth:`veilig.Municipality.schedule`."""
    m = _check_municipality(m)
    if isinstance(days, (str, Day)):
        days = [days]
    mask = 0
    for d in days:
        mask |= 1 << (Day.coerce(d).number - 1)
    if not mask:
        raise ValueError("days must name at least one day")
    start_min = text_to_minutes(start, "start")
    end_min = text_to_minutes(end, "end")
    if start_min >= 1440:
        raise ValueError("start must be before 24:00")
    if start_min == end_min:
        raise ValueError("start and end are the same: an empty window")
    lib = _lib()
    opts = _capi.ScheduleOptions()
    lib.veilig_schedule_options_init(byref(opts), _capi.SCHEDULE_OPTIONS_VERSION)
    opts.days = mask
    opts.from_ = start_min
    opts.to = end_min
    opts.active_on = _cdate(active_on, "active_on")

    def run() -> ContextManager[c_void_p]:
        return _capi.result(lib.veilig_schedule, lib.veilig_schedule_free, m._p(), byref(opts))

    with run() as s:
        data = _capi.render_json(lib.veilig_schedule_to_json, s)
        share = float(lib.veilig_schedule_window_share(s))
        minutes = int(lib.veilig_schedule_window_minutes(s))
        covered = int(lib.veilig_schedule_covered_minutes(s))
        count = int(lib.veilig_schedule_measure_count(s))
    window = data["window"]
    result = Schedule(m, data["slots"], Counts(data["by_category"]), list(window["days"]),
                      window["from"], window["to"], share, minutes, covered, count)
    return _with_run(result, run)


# ---- progress ----

class Track(str, enum.Enum):
    """The verdict of an indicator's progress (veilig_track)."""

    UNKNOWN = "unknown"      #: too little data
    ACHIEVED = "achieved"    #: the latest observation reaches the target
    ON_TRACK = "on_track"    #: the straight line reaches it in time
    OFF_TRACK = "off_track"  #: it does not

    def __str__(self) -> str:
        return str(self.value)

    @property
    def number(self) -> int:
        """The C value (VEILIG_TRACK_UNKNOWN is 0)."""
        return list(Track).index(self)

    @classmethod
    def from_number(cls, number: int) -> "Track":
        members = list(cls)
        return cast(Track, members[number]) if 0 <= number < len(members) else cls.UNKNOWN


@dataclass(frozen=True)
class Progress:
    """An indicator's progress towards its target (:func:`progress`)."""

    indicator: "Indicator"
    #: the latest observation considered: (date, value), or None
    latest: Optional[Tuple[PartialDate, float]]
    #: (latest - baseline) / (target - baseline), or None
    fraction: Optional[float]
    #: the value the least-squares line gives for the target date, or None
    projection: Optional[float]
    track: Track

    def to_record(self) -> Dict[str, Any]:
        ind = self.indicator
        latest = self.latest
        return {"municipality": ind.municipality.code, "indicator": ind.id, "name": ind.name,
                "latest_date": None if latest is None else str(latest[0]),
                "latest_value": None if latest is None else latest[1],
                "target_date": _iso(ind.target_date), "target_value": ind.target_value,
                "fraction": self.fraction, "projection": self.projection,
                "track": self.track.value}


class ProgressList(Records[Progress], _Analysis):
    """The progress of every indicator of a municipality, in document order."""

    _RENDER = "veilig_render_progress"
    _TO_JSON = "veilig_progress_to_json"


def progress(m: "Municipality", as_of: Optional[DateLike] = None) -> ProgressList:
    """The progress of every indicator of m (observations after as_of left
    out). See :meth:`veilig.Municipality.progress`."""
    m = _check_municipality(m)
    reg = m._reg
    lib = _lib()
    opts = _capi.ProgressOptions()
    lib.veilig_progress_options_init(byref(opts), _capi.PROGRESS_OPTIONS_VERSION)
    opts.as_of = _cdate(as_of, "as_of")

    def run() -> ContextManager[c_void_p]:
        return _capi.result(lib.veilig_progress, lib.veilig_progress_free, m._p(), byref(opts))

    result = ProgressList()
    with run() as p:
        value = c_double()
        date = _capi.CDate()
        for i in range(lib.veilig_progress_count(p)):
            ind = reg._wrap(Indicator, lib.veilig_progress_indicator(p, i), m,
                            Municipality.indicators)
            latest = None
            if lib.veilig_progress_latest(byref(value), byref(date), p, i) == _capi.OK:
                latest = (PartialDate(date.year, date.month or None, date.day or None),
                          value.value)
            fraction = None
            if lib.veilig_progress_fraction(byref(value), p, i) == _capi.OK:
                fraction = value.value
            projection = None
            if lib.veilig_progress_projection(byref(value), p, i) == _capi.OK:
                projection = value.value
            result.append(Progress(ind, latest, fraction, projection,
                                   Track.from_number(lib.veilig_progress_track(p, i))))
    return _with_run(result, run)
