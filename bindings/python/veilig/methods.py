"""The convenience methods of the model's classes: ``m.profile()``,
``reg.coverage()``, ``reg.save_report()`` and the rest, each a thin call of
veilig.analysis, veilig.report or veilig.tables.

The model (objects.py, registry.py) is a layer below those modules and
imports none of them; install(), called once by the package's __init__,
copies these methods onto its classes. The classes here are no bases at run
time; for type checkers the model names them as bases (under TYPE_CHECKING),
so ``reg.coverage()`` is typed as before.

Each method imports the module it calls when it runs, not at the import of
this module: ``import veilig`` installs the methods without importing
analysis, report or tables, and ``reg.coverage()`` imports analysis alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Optional, Union, cast

from ._fields import attach
from .dates import DateLike
from .objects import Indicator, Municipality
from .registry import Registry
from .vocab import Day

if TYPE_CHECKING:  # pragma: no cover
    from os import PathLike

    from .analysis import (Comparison, Coverage, PeerList, Profile, Progress, ProgressList,
                           QueryResult, Schedule)


class IndicatorMethods:
    """The methods install() attaches to Indicator."""

    def progress(self, as_of: Optional[DateLike] = None) -> "Progress":
        """Its progress towards its target (a veilig.Progress: latest
        observation, fraction, projection, track), as
        Municipality.progress() computes it for every indicator."""
        from . import analysis as _analysis
        indicator = cast(Indicator, self)
        for row in _analysis.progress(indicator._parent, as_of):
            if row.indicator is indicator:
                return row
        raise ValueError(  # pragma: no cover
            "%r is not an indicator of its municipality" % (indicator,))


class MunicipalityMethods:
    """The methods install() attaches to Municipality."""

    def profile(self) -> "Profile":
        """Its profile (a veilig.Profile): measures per approach and category,
        budget per category, target groups, stakeholders with the measures
        they carry, stakeholders per kind, and gaps. Every measure counts,
        active or not."""
        from . import analysis as _analysis
        return _analysis.profile(cast(Municipality, self))

    def compare(self, other: "Municipality") -> "Comparison":
        """This municipality (a) and other (b, of any registry) side by side:
        rows of (dimension, code, a, b) for every value either has."""
        from . import analysis as _analysis
        return _analysis.compare(cast(Municipality, self), other)

    def similarity(self, other: "Municipality") -> float:
        """How alike its approach is to other's, 0..1 (veilig.similarity)."""
        from . import analysis as _analysis
        return _analysis.similarity(cast(Municipality, self), other)

    def peers(self, k: int = 5, against: "Optional[Registry]" = None) -> "PeerList":
        """The k most similar other municipalities of its registry, or of the
        registry against (your own plan against ``veilig.builtin()``; there
        the municipality with this one's code is left out): a list of
        veilig.Peer, rank 1 first, each with suggestions: the peer's measures
        in categories this one has none of. Municipalities without measures
        are no peers, and one without measures has none (an empty list)."""
        if against is not None and not isinstance(against, Registry):
            raise TypeError("against must be a Registry, not %s" % type(against).__name__)
        m = cast(Municipality, self)
        from . import analysis as _analysis
        return _analysis.peers(m._reg if against is None else against, m, k)

    def schedule(self, days: Iterable[Union[Day, str]] = ("fri", "sat"), start: Any = "22:00",
                 end: Any = "04:00", active_on: Optional[DateLike] = None) -> "Schedule":
        """Its active measures' schedules laid over the 168 hours of a week
        (a veilig.Schedule: slots, by_category), and the share of the window
        (days, start to end, past midnight when end is before start) that at
        least one measure covers. active_on: only measures active that day."""
        from . import analysis as _analysis
        return _analysis.schedule(cast(Municipality, self), days, start, end, active_on)

    def progress(self, as_of: Optional[DateLike] = None) -> "ProgressList":
        """The progress of each of its indicators (veilig.Progress rows, in
        document order); observations after as_of are left out."""
        from . import analysis as _analysis
        return _analysis.progress(cast(Municipality, self), as_of)

    def render(self, format: str = "text", lang: str = "nl",
               include_personal: bool = False) -> str:
        """Its whole approach, readable (format "text" or "markdown") or as
        JSON; labels in Dutch ("nl") or English ("en"); contacts marked
        personal only with include_personal=True."""
        from . import report as _report
        return _report.render_municipality(cast(Municipality, self), format, lang,
                                           include_personal)


class RegistryMethods:
    """The methods install() attaches to Registry."""

    def query(self, *any_of: Dict[str, Any], category: Any = None, approach: Any = None,
              target_group: Any = None, setting: Any = None, stakeholder_kind: Any = None,
              stakeholder: Any = None, status: Any = None, evidence: Any = None,
              province: Any = None, active_on: Any = None, text: Any = None,
              municipality: Any = None, where: Optional[str] = None) -> "QueryResult":
        """The measures that pass every filter given, as a veilig.QueryResult
        of (municipality, measure) pairs in document order. Each filter takes
        a value or a list of values, of which a measure needs one:

        - category, approach, target_group, setting, stakeholder_kind (of a
          partner), status ("unknown" matches measures without one): enum
          members or codes (an unknown code is an InvalidArgumentError that
          lists the known ones and says which was meant);
        - evidence: at least this level (an Evidence member or code);
        - stakeholder: text in a partner's name or id (or a Stakeholder);
        - province: "NL-OV"; municipality: a code or name (or a Municipality);
        - active_on: a PartialDate, datetime.date or ISO text;
        - text: words anywhere in the measure (case- and accent-insensitive).

        ``reg.query(category="bystander", target_group=["lgbtiq", "students"])``

        OR across filters: each positional dict is another group of filters,
        and a measure passes when it passes every filter of one group (the
        keyword filters are the first group), ``reg.query({"category":
        "bystander"}, {"approach": "prevention"})``; or where, alone, an
        expression: ``reg.query(where="category=bystander OR
        approach=prevention")`` (a ParseError or InvalidArgumentError with
        the column when it is not one). Matches come in document order, each
        once."""
        from . import analysis as _analysis
        return _analysis.query(cast(Registry, self), *any_of, where=where, category=category,
                     approach=approach, target_group=target_group, setting=setting,
                     stakeholder_kind=stakeholder_kind, stakeholder=stakeholder, status=status,
                     evidence=evidence, province=province, active_on=active_on, text=text,
                     municipality=municipality)

    def coverage(self, axis: Any = "category", active_on: Optional[DateLike] = None,
                 all_measures: bool = False) -> "Coverage":
        """The coverage matrix (a veilig.Coverage): per municipality and per
        value of axis ("category", "approach" or "target_group"), the number
        of active measures (on active_on, when given; every measure with
        all_measures=True). ``pandas.DataFrame(reg.coverage().to_records())``."""
        from . import analysis as _analysis
        return _analysis.coverage(cast(Registry, self), axis, active_on, all_measures)

    def peers(self, municipality: "Optional[Union[Municipality, str]]" = None,
              k: int = 5) -> "PeerList":
        """The k most similar other municipalities (veilig.Peer rows) of one
        municipality (the object, its code or its name; the object may be of
        another registry, such as your own plan) or, with None, of every one:
        subjects in document order, rank 1 first. Municipalities without
        measures are no peers and have none."""
        from . import analysis as _analysis
        return _analysis.peers(cast(Registry, self), municipality, k)

    def render_list(self, format: str = "text", lang: str = "nl",
                    include_personal: bool = False) -> str:
        """The municipalities, one row each (code, name, province, measures,
        summary), as "text", "csv", "markdown" or "json"."""
        from . import report as _report
        return _report.render_list(cast(Registry, self), format, lang, include_personal)

    def export(self, table: str = "measures", format: str = "csv", lang: str = "nl",
               include_personal: bool = False, raw: bool = False) -> str:
        """A flat table ("measures", "stakeholders" or "indicators") as CSV
        (or "json", "markdown", "text"), for spreadsheets and pandas. A CSV
        cell that begins with = + - @ TAB CR or ' gets one leading ' (so that a
        spreadsheet reads it as text) unless raw."""
        from . import report as _report
        return _report.export(cast(Registry, self), table, format, lang, include_personal, raw)

    def report_html(self, municipality: "Optional[Union[Municipality, str]]" = None,
                    lang: str = "nl", include_personal: bool = False, peers: int = 5) -> str:
        """The standalone HTML report of the programme, or of one
        municipality (the object, its code or its name)."""
        from . import report as _report
        return _report.report_html(cast(Registry, self), municipality, lang, include_personal,
                                   peers)

    def save_report(self, path: "Union[str, PathLike[str]]",
                    municipality: "Optional[Union[Municipality, str]]" = None,
                    lang: str = "nl", include_personal: bool = False, peers: int = 5) -> None:
        """Writes report_html(...) to path (UTF-8, atomically)."""
        from . import report as _report
        _report.save_report(cast(Registry, self), path, municipality, lang, include_personal,
                            peers)

    def render_validation(self, format: str = "text", lang: str = "nl") -> str:
        """validate()'s findings as a table ("text", "csv", "markdown", "json")."""
        from . import report as _report
        return _report.render_diagnostics(cast(Registry, self), format, lang)

    def to_records(self, table: str = "measures") -> List[Dict[str, Any]]:
        """A typed table, one dict per row, for ``pandas.DataFrame``: only
        ``"measures"`` (:func:`veilig.measures_table`): every field of every
        measure, dates as PartialDate, the budget as Decimal, lists as lists,
        the same keys in every row."""
        from . import tables as _tables
        return _tables.to_records(cast(Registry, self), table)



def install() -> None:
    """Attaches the methods to the model's classes (the package's __init__
    calls it once)."""
    attach(Indicator, IndicatorMethods)
    attach(Municipality, MunicipalityMethods)
    attach(Registry, RegistryMethods)
