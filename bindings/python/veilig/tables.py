"""Typed tables of a registry for pandas and friends (issue 15 point 9).

:func:`measures_table` (also ``reg.to_records("measures")``) gives one dict
per measure, every field of the measure and of its municipality's identity,
in document order. Unlike the flat ``to_records()`` of the analyses (only
str, int, float, bool and None) and ``reg.export()`` (text), the values keep
their Python types, and every row has the same keys with the same type per
column whatever the data:

* codes (category, approach, status, ...) are ``str`` (an unknown code as
  written), or None;
* dates are :class:`~veilig.PartialDate` (``.as_date()`` gives a
  ``datetime.date``, the first day it covers), or None;
* the budget is a ``Decimal`` in its currency, or None;
* lists (target groups, settings, partners, indicators, the schedule) are
  ``list``, empty when there are none; the schedule is a list of dicts.

``pandas.DataFrame(veilig.measures_table(reg))`` is the table; pandas is
not needed by the package.
"""

from typing import Any, Dict, List, Optional, Tuple

from .registry import Registry
from .vocab import VocabEnum

__all__ = ["MEASURE_COLUMNS", "TABLES", "measures_table", "to_records"]

#: The columns of :func:`measures_table`, in order.
MEASURE_COLUMNS: Tuple[str, ...] = (
    "municipality", "municipality_name", "province", "measure", "name", "description",
    "category", "approach", "approach_explicit", "target_groups", "settings", "area_name",
    "area_note", "status", "period_start", "period_end", "evidence", "budget",
    "budget_currency", "budget_start", "budget_end", "partners", "partner_roles",
    "indicators", "schedule")

#: The tables :func:`to_records` knows.
TABLES: Tuple[str, ...] = ("measures",)


def _code(value: Any) -> Optional[str]:
    """A vocabulary value as its code: an enum member's code, an unknown code
    as written, None as None."""
    if value is None:
        return None
    if isinstance(value, VocabEnum):
        return value.code
    return str(value)


def _codes(values: List[Any]) -> List[str]:
    return [c for c in (_code(v) for v in values) if c is not None]


def _window(w: Any) -> Dict[str, Any]:
    return {"days": _codes(w.days), "dayparts": _codes(w.dayparts),
            "from": w.from_, "to": w.to, "note": w.note}


def _measure_row(m: Any, ms: Any) -> Dict[str, Any]:
    partners = ms.partners
    row = {
        "municipality": m.code,
        "municipality_name": m.name,
        "province": m.province,
        "measure": ms.id,
        "name": ms.name,
        "description": ms.description,
        "category": _code(ms.category),
        "approach": _code(ms.approach),
        "approach_explicit": _code(ms.approach_explicit),
        "target_groups": _codes(ms.target_groups),
        "settings": _codes(ms.settings),
        "area_name": ms.area_name,
        "area_note": ms.area_note,
        "status": _code(ms.status),
        "period_start": ms.period_start,
        "period_end": ms.period_end,
        "evidence": _code(ms.evidence),
        "budget": ms.budget,
        "budget_currency": ms.budget_currency,
        "budget_start": ms.budget_start,
        "budget_end": ms.budget_end,
        "partners": [p.stakeholder for p in partners],
        "partner_roles": [_code(p.role) for p in partners],
        "indicators": list(ms.indicators),
        "schedule": [_window(w) for w in ms.schedule],
    }
    return {key: row[key] for key in MEASURE_COLUMNS}


def measures_table(reg: Any) -> List[Dict[str, Any]]:
    """Every measure of the registry as a typed dict (the columns of
    :data:`MEASURE_COLUMNS`), in document order. ``partner_roles`` runs
    beside ``partners`` (a role or None per partner). Read while the
    registry is open; the rows hold no model objects, so they outlive it."""
    if not isinstance(reg, Registry):
        raise TypeError("measures_table() takes a veilig.Registry, not %s" % type(reg).__name__)
    return [_measure_row(m, ms) for m in reg for ms in m.measures]


def to_records(reg: Any, table: str) -> List[Dict[str, Any]]:
    """The typed table named table (one of :data:`TABLES`) of reg."""
    if table == "measures":
        return measures_table(reg)
    raise ValueError("unknown table %r (use one of %s)" % (table, ", ".join(TABLES)))
