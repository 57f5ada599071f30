"""The typed measures table (issue 15 point 9): every column, typed, one
shape for every row, checked against the document itself and through
pandas (Debian's python3-pandas) when it is installed."""

import datetime
import json
from decimal import Decimal

import pytest

import veilig
from veilig import MEASURE_COLUMNS, PartialDate


def _doc_measures(doc):
    return [(m, ms) for m in doc["municipalities"] for ms in m.get("measures", [])]


def _check_types(row):
    assert tuple(row) == MEASURE_COLUMNS
    for key in ("municipality", "municipality_name", "measure", "name", "category", "approach"):
        assert isinstance(row[key], str), key
    for key in ("province", "description", "approach_explicit", "area_name", "area_note",
                "status", "evidence", "budget_currency"):
        assert row[key] is None or isinstance(row[key], str), key
    for key in ("period_start", "period_end", "budget_start", "budget_end"):
        assert row[key] is None or isinstance(row[key], PartialDate), key
    assert row["budget"] is None or isinstance(row["budget"], Decimal)
    for key in ("target_groups", "settings", "partners", "partner_roles", "indicators",
                "schedule"):
        assert isinstance(row[key], list), key
    assert len(row["partner_roles"]) == len(row["partners"])
    for w in row["schedule"]:
        assert set(w) == {"days", "dayparts", "from", "to", "note"}


def test_rows_follow_the_document(rich, rich_doc):
    rows = rich.to_records("measures")
    expected = _doc_measures(rich_doc)
    assert len(rows) == len(expected) > 0
    for row, (m, ms) in zip(rows, expected):
        _check_types(row)
        assert row["municipality"] == m["code"] and row["measure"] == ms["id"]
        assert row["category"] == ms["category"]           # unknown codes as written
        assert row["approach_explicit"] == ms.get("approach")
        assert row["target_groups"] == ms.get("target_groups", [])
        assert row["settings"] == ms.get("settings", [])
        assert row["indicators"] == ms.get("indicators", [])
        assert row["partners"] == [p["stakeholder"] for p in ms.get("partners", [])]
        assert row["partner_roles"] == [p.get("role") for p in ms.get("partners", [])]
        period = ms.get("period", {})
        for key in ("start", "end"):
            got = row["period_" + key]
            assert (None if got is None else got.isoformat()) == period.get(key)
        budget = ms.get("budget")
        if budget is None:
            assert row["budget"] is None and row["budget_currency"] is None
        else:
            assert row["budget"] == Decimal(str(budget["amount"]))
            assert row["budget_currency"] == budget.get("currency")
        assert len(row["schedule"]) == len(ms.get("schedule", []))
    # the rich document exercises the types, not only None
    assert any(isinstance(r["budget"], Decimal) for r in rows)
    assert any(isinstance(r["period_start"], PartialDate) for r in rows)
    assert any(r["schedule"] for r in rows)


def test_every_row_has_one_shape(reg, builtin_doc):
    rows = veilig.measures_table(reg)
    assert len(rows) == len(_doc_measures(builtin_doc))
    for row in rows:
        _check_types(row)
    assert rows == reg.to_records()                         # "measures" is the default


def test_rows_outlive_the_registry():
    with veilig.builtin() as r:
        rows = veilig.measures_table(r)
    assert json.dumps([row["measure"] for row in rows])


def test_bad_arguments(reg):
    with pytest.raises(ValueError, match="unknown table 'coverage'.*measures"):
        reg.to_records("coverage")
    with pytest.raises(TypeError, match="veilig.Registry"):
        veilig.measures_table([])


def test_pandas_dataframe(rich):
    pandas = pytest.importorskip(
        "pandas", reason="pandas is not installed (apt-get install python3-pandas)")
    rows = veilig.measures_table(rich)
    frame = pandas.DataFrame(rows)
    assert list(frame.columns) == list(MEASURE_COLUMNS)
    assert len(frame) == len(rows)
    budgets = frame["budget"].dropna()
    assert len(budgets) and all(isinstance(b, Decimal) for b in budgets)
    assert sum(budgets) == sum(r["budget"] for r in rows if r["budget"] is not None)
    starts = frame["period_start"].dropna()
    assert all(isinstance(d, PartialDate) for d in starts)
    assert starts.map(lambda d: d.as_date()).map(type).eq(datetime.date).all()
    assert frame["target_groups"].map(type).eq(list).all()
    assert frame.groupby("category").size().sum() == len(rows)
