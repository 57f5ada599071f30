"""The analyses (query.h, analysis.h) through veilig: the expected numbers
are those worked out by hand in tests/test_query.c, test_coverage.c,
test_profile.c, test_peers.c (over tests/data/analysis/fixture.json),
test_schedule.c, test_progress.c, test_diff.c and docs/analysis.md.

The fixture, in short:
  GM0001 Aastad (NL-OV): m1 deescalation active (partner s-police, police;
    women_girls, nightlife, 1000.00 EUR); m2 bystander ended (bystanders,
    lgbtiq; "LHBTI+" in its description); m3 campaign, approach enforcement,
    period 2020-2021, 250.5 without currency. Scope women_girls, lgbtiq;
    nightlife. Stakeholders s-police (police), s-team (executing department).
  GM0002 Beedorp (NL-GE): b1 deescalation (s-police executing), b2 reporting.
  GM0003 Ceestad (NL-OV): no measures, one school.
"""

import csv
import ctypes
import datetime
import io
import json
import os
import shutil
import subprocess
from decimal import Decimal

import pytest

import veilig
from veilig import (Approach, Category, ChangeKind, Evidence, GapKind, MeasureStatus,
                    PartialDate, StakeholderKind, TargetGroup, Track, _capi)
from conftest import REPO_ROOT

FIXTURE = os.path.join(REPO_ROOT, "tests", "data", "analysis", "fixture.json")


@pytest.fixture
def fx():
    if not os.path.exists(FIXTURE):
        pytest.skip("tests/data/analysis/fixture.json is not here (not a checkout)")
    with veilig.load(FIXTURE) as registry:
        yield registry


def doc(*municipalities):
    return json.dumps({"format": "veilig", "version": 1, "municipalities": list(municipalities)})


def ids(result):
    """A query result as "GM0001:m1 GM0002:b1", as test_query.c writes it."""
    return " ".join("%s:%s" % (m.code, ms.id) for m, ms in result)


def is_plain(records):
    """Flat dicts of str, int, float, bool and None only."""
    assert isinstance(records, list)
    for record in records:
        assert isinstance(record, dict)
        for key, value in record.items():
            assert isinstance(key, str)
            assert value is None or type(value) in (str, int, float, bool), (key, value)
    return True


# ---- query ----

def test_query_filters(fx):
    q = fx.query
    assert ids(q(category="deescalation")) == "GM0001:m1 GM0002:b1"
    assert ids(q(category=["campaign", "reporting"])) == "GM0001:m3 GM0002:b2"
    assert ids(q(approach="enforcement")) == "GM0001:m3"
    assert ids(q(approach=Approach.SIGNALLING)) == "GM0002:b2"
    assert ids(q(target_group=TargetGroup.LGBTIQ)) == "GM0001:m2"
    assert ids(q(setting="nightlife")) == "GM0001:m1"
    assert ids(q(stakeholder_kind=StakeholderKind.POLICE)) == "GM0001:m1 GM0002:b1"
    assert ids(q(stakeholder="politie beedorp")) == "GM0002:b1"
    assert ids(q(status="ended")) == "GM0001:m2"
    assert ids(q(status=MeasureStatus.UNKNOWN)) == "GM0001:m3 GM0002:b1 GM0002:b2"
    assert ids(q(evidence=Evidence.UNKNOWN)) == ""
    assert ids(q(province="nl-ov", category="campaign")) == "GM0001:m3"
    assert ids(q(active_on="2022-06-01")) == "GM0001:m1 GM0002:b1 GM0002:b2"
    assert ids(q(active_on=datetime.date(2022, 6, 1))) == "GM0001:m1 GM0002:b1 GM0002:b2"
    assert ids(q(active_on=PartialDate(2021, 12))) == "GM0001:m1 GM0001:m3 GM0002:b1 GM0002:b2"
    assert ids(q(municipality="Beedorp", target_group="women_girls")) == "GM0002:b1 GM0002:b2"
    assert ids(q(municipality=fx["GM0002"], target_group="women_girls")) == \
        "GM0002:b1 GM0002:b2"
    assert ids(q(municipality="gm0003")) == ""
    assert ids(q()) == "GM0001:m1 GM0001:m2 GM0001:m3 GM0002:b1 GM0002:b2"
    # a filter given None or an empty list is no filter
    assert len(q(category=None, target_group=[])) == 5


def test_query_text(fx):
    assert ids(fx.query(text="lhbti")) == "GM0001:m2"
    assert ids(fx.query(text="OMSTANDERS")) == "GM0001:m2"
    assert ids(fx.query(text="meldpunt")) == "GM0002:b2"
    assert ids(fx.query(text="de-escalatie")) == "GM0001:m1 GM0002:b1"
    assert ids(fx.query(text="nothing like it")) == ""
    assert ids(fx.query(stakeholder=fx["GM0002"].find_stakeholder("s-police"))) == \
        "GM0001:m1 GM0002:b1"  # the id "s-police" is in both


def test_query_objects_are_the_models_own(fx):
    result = fx.query(category="deescalation")
    assert isinstance(result, veilig.QueryResult) and isinstance(result, list)
    first = result[0]
    assert isinstance(first, veilig.Match)
    assert first.municipality is fx["GM0001"]
    assert first.measure is fx["GM0001"].find_measure("m1")
    assert first.measure.municipality is first.municipality
    m, ms = result[1]  # a named tuple
    assert (m.name, ms.name) == ("Beedorp", "Interventieteam")
    assert result.measures == [first.measure, ms]
    assert result.municipalities == [fx["GM0001"], fx["GM0002"]]
    assert result.filters == [("category", ["deescalation"])]


def test_query_records_are_the_library_json(fx):
    result = fx.query(approach="enforcement")
    assert result.to_records() == [{
        "municipality": "GM0001", "municipality_name": "Aastad", "measure": "m3",
        "name": "Boetes campagne", "category": "campaign", "approach": "enforcement"}]
    everything = fx.query()
    assert everything.to_records() == json.loads(everything.to_json())
    assert is_plain(everything.to_records())


def test_query_errors(fx):
    with pytest.raises(TypeError, match="colour"):
        fx.query(colour="red")
    with pytest.raises(TypeError, match="no filter 'colour'"):
        veilig.analysis.query(fx, colour="red")
    with pytest.raises(TypeError):
        fx.query(category=Approach.PREVENTION)  # a member of another vocabulary
    with pytest.raises(TypeError):
        fx.query(category=6)
    with pytest.raises(ValueError, match="evidence"):
        fx.query(evidence="great")  # not an evidence level
    with pytest.raises(veilig.InvalidArgumentError):
        fx.query(evidence="great")
    with pytest.raises(ValueError):
        fx.query(active_on="2021-13")
    with pytest.raises(ValueError, match="empty"):
        fx.query(text="")
    # an unknown code is refused, with the known codes and what was meant
    with pytest.raises(veilig.InvalidArgumentError,
                       match='unknown category "bystandr"; did you mean "bystander"\\? '
                             r'\(known: deescalation, '):
        fx.query(category="bystandr")
    with pytest.raises(ValueError, match='did you mean "lgbtiq"'):
        fx.query(target_group="LHBTI")
    with pytest.raises(ValueError, match='unknown province "NL-OX"'):
        fx.query(province="NL-OX")


def test_query_or(fx):
    """OR across filters: groups of filters, or an expression; document order."""
    by_groups = fx.query({"category": "reporting"},
                         {"approach": "enforcement", "province": "NL-OV"},
                         {"category": "deescalation"})
    assert ids(by_groups) == "GM0001:m1 GM0001:m3 GM0002:b1 GM0002:b2"
    # keyword filters are the first group
    assert ids(fx.query({"category": "reporting"}, category="bystander")) == "GM0001:m2 GM0002:b2"
    by_text = fx.query(where="category=reporting OR approach=enforcement province=NL-OV "
                             "OR category=deescalation")
    assert ids(by_text) == ids(by_groups)
    assert ids(fx.query(where='text="Boetes campagne"')) == "GM0001:m3"
    with pytest.raises(veilig.InvalidArgumentError, match='did you mean "category"') as info:
        fx.query(where="approach=prevention OR categroy=campaign")
    assert info.value.column == 24 and info.value.source == "<query>"
    with pytest.raises(veilig.ParseError, match="OR needs a filter before it"):
        fx.query(where="OR category=campaign")
    with pytest.raises(TypeError):
        fx.query(where="category=campaign", category="campaign")
    with pytest.raises(TypeError):
        fx.query(["category"])


def test_query_result_outlives_changes(fx):
    result = fx.query(category="deescalation")
    fx["GM0001"].remove_measure("m1")
    with pytest.raises(veilig.StaleObjectError):
        result[0].measure.name
    assert result[1].measure.name == "Interventieteam"
    assert ids(fx.query(category="deescalation")) == "GM0002:b1"


def test_measure_is_active(fx):
    a = fx["GM0001"]
    m2, m3 = a.find_measure("m2"), a.find_measure("m3")
    assert m2.is_active() is False  # ended
    assert m3.is_active() is True
    assert m3.is_active("2021-12-31") and m3.is_active(datetime.date(2021, 12, 31))
    assert not m3.is_active(PartialDate(2022, 1, 1))
    assert not m3.is_active("2019")


# ---- coverage ----

def test_coverage_categories(fx):
    cov = fx.coverage()
    assert isinstance(cov, veilig.Coverage)
    assert cov.axis == "category"
    assert cov.columns == [c.code for c in Category]  # no unknown codes: no "other"
    assert [row.code for row in cov.rows] == ["GM0001", "GM0002", "GM0003"]
    assert cov.rows[1].municipality is fx["GM0002"]
    a, b, c = cov.rows
    assert a.counts["deescalation"] == 1 and a.counts["campaign"] == 1
    assert a.counts[Category.BYSTANDER] == 0  # m2 has ended
    assert Category.CAMPAIGN in a.counts
    assert b.counts["reporting"] == 1
    assert (a.total, b.total, c.total) == (2, 2, 0)
    assert cov.column_totals["deescalation"] == 2
    assert cov.column_totals[Category.BYSTANDER] == 0
    assert cov.total == 4
    assert len(cov) == 3 and list(cov) == cov.rows
    assert cov.row("Beedorp") is b and cov.row("gm0001") is a and cov.row(fx[2]) is c
    with pytest.raises(KeyError):
        cov.row("GM9999")


def test_coverage_options(fx):
    assert fx.coverage(all_measures=True).rows[0].total == 3
    assert fx.coverage(active_on="2022").rows[0].total == 1  # m3 ended in 2021
    assert fx.coverage(active_on=datetime.date(2021, 12, 31)).rows[0].total == 2
    cov = fx.coverage(active_on="2022")
    assert cov.active_on == PartialDate(2022) and cov.all_measures is False

    approach = fx.coverage("approach")
    assert approach.columns == ["prevention", "enforcement", "support", "signalling"]
    # m1 prevention, m3 enforcement (explicit); b1 prevention, b2 signalling
    assert approach.rows[0].counts["prevention"] == 1
    assert approach.rows[0].counts["enforcement"] == 1
    assert approach.rows[1].counts["signalling"] == 1
    assert fx.coverage(axis=Approach).columns == approach.columns

    groups = fx.coverage(axis="target_group")
    assert groups.rows[1].counts["women_girls"] == 2
    assert groups.total == 3
    with pytest.raises(ValueError, match="axis"):
        fx.coverage("day")
    with pytest.raises(TypeError):
        fx.coverage(active_on=2022)


def test_coverage_records_and_matrix(fx):
    cov = fx.coverage()
    records = cov.to_records()
    assert is_plain(records)
    assert len(records) == 3
    assert list(records[0]) == ["municipality", "municipality_name"] + cov.columns + ["total"]
    assert records[0]["municipality"] == "GM0001" and records[0]["deescalation"] == 1
    assert records[0]["total"] == 2
    matrix = cov.matrix()
    assert len(matrix) == 3 and all(len(r) == 13 for r in matrix)
    assert matrix[1][cov.columns.index("reporting")] == 1
    assert sum(map(sum, matrix)) == cov.total
    # the same numbers as the library's JSON
    data = json.loads(cov.to_json())
    assert data["columns"] == cov.columns
    assert [r["counts"] for r in data["rows"]] == matrix
    assert data["total"] == cov.total
    assert data["column_totals"] == [cov.column_totals[c] for c in cov.columns]


def test_coverage_other_column():
    with veilig.loads(doc({"code": "GM0009", "name": "X", "measures": [
            {"id": "a", "name": "A", "category": "juggling"},
            {"id": "b", "name": "B", "category": "campaign"}]})) as reg:
        cov = reg.coverage()
        assert len(cov.columns) == 14 and cov.columns[-1] == "other"
        assert cov.rows[0].counts["other"] == 1
        assert cov.total == 2


def test_coverage_builtin(reg):
    cov = reg.coverage()
    assert len(cov.rows) == len(reg)
    assert cov.total == sum(len(m.measures) for m in reg)
    assert cov.row("Enschede").total == len(reg["GM0153"].measures)
    assert cov.row("Enschede").counts["bystander"] == 2


def test_coverage_with_plain_consumers(fx):
    cov = fx.coverage()
    records = cov.to_records()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(records[0]))
    writer.writeheader()
    writer.writerows(records)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[1]["reporting"] == "1" and rows[1]["municipality_name"] == "Beedorp"
    assert json.loads(json.dumps(records)) == records


def test_records_with_pandas(fx):
    try:
        import pandas
    except ImportError:
        pytest.skip("pandas is not installed: to_records() needs no pandas, and the plain "
                    "consumers (csv, json) are tested in test_coverage_with_plain_consumers")
    cov = fx.coverage()
    frame = pandas.DataFrame(cov.to_records()).set_index("municipality")
    assert frame.loc["GM0002", "reporting"] == 1
    assert frame[cov.columns].values.tolist() == cov.matrix()


# ---- profile ----

def test_profile_aastad(fx):
    aastad = fx["Aastad"]
    p = aastad.profile()
    assert isinstance(p, veilig.Profile)
    assert p.municipality is aastad
    assert p.measures == 3
    # m1 deescalation and m2 bystander are prevention; m3 says enforcement
    assert p.by_approach == {"prevention": 2, "enforcement": 1, "support": 0, "signalling": 0}
    assert p.by_category["deescalation"] == 1 and p.by_category[Category.BYSTANDER] == 1
    assert p.by_category["campaign"] == 1 and sum(p.by_category.values()) == 3
    # 1000.00 EUR and 250.5 without currency
    assert p.budget_by_category["deescalation"] == Decimal("1000.00")
    assert p.budget_by_category["campaign"] == Decimal("250.50")
    assert p.budget_by_category["bystander"] == 0
    assert all(isinstance(v, Decimal) for v in p.budget_by_category.values())
    # scope first (women_girls, lgbtiq), then bystanders named by m2
    assert [(t.code, t.in_scope, t.measures) for t in p.target_groups] == [
        ("women_girls", True, 1), ("lgbtiq", True, 1), ("bystanders", False, 1)]
    # s-police carries m1, s-team none
    assert [(s.stakeholder.id, s.measures) for s in p.stakeholders] == [
        ("s-police", 1), ("s-team", 0)]
    assert p.stakeholders[0].stakeholder is aastad.find_stakeholder("s-police")
    assert p.by_kind["police"] == 1 and p.by_kind["municipal_department"] == 1
    assert sum(p.by_kind.values()) == 2
    # gaps: the 10 categories it has none of, three measures without
    # indicators, no executing gap (s-team executes the whole approach)
    assert len(p.gaps) == 13
    assert (p.gaps[0].kind, p.gaps[0].code, p.gaps[0].measure) == \
        (GapKind.CATEGORY, "supervision", None)
    assert p.gaps[9].code == "research"
    assert p.gaps[10].kind is GapKind.NO_INDICATOR and p.gaps[10].code is None
    assert p.gaps[10].measure is aastad.find_measure("m1")
    assert p.gaps[12].measure.id == "m3"
    assert p.gaps[10].kind == "no_indicator"  # a str enum


def test_profile_beedorp_and_scope_gap(fx):
    p = fx["GM0002"].profile()
    # nobody executes the whole approach; b1 has an executing partner, b2 none
    assert p.gaps[-1].kind is GapKind.NO_EXECUTING_PARTY and p.gaps[-1].measure.id == "b2"
    assert p.gaps[-2].kind is GapKind.NO_INDICATOR
    with veilig.loads(doc({"code": "GM0009", "name": "X",
                           "scope": {"target_groups": ["students"]}})) as reg:
        p = reg[0].profile()
        assert len(p.gaps) == 14
        assert (p.gaps[13].kind, p.gaps[13].code) == (GapKind.TARGET_GROUP, "students")


def test_profile_records(fx):
    p = fx["Aastad"].profile()
    categories = p.to_records()
    assert is_plain(categories)
    assert categories[0] == {"municipality": "GM0001", "category": "deescalation",
                             "measures": 1, "budget": 1000.0}
    assert len(categories) == 13
    assert p.to_records("approaches")[0] == {"municipality": "GM0001",
                                             "approach": "prevention", "measures": 2}
    assert {"municipality": "GM0001", "kind": "police", "stakeholders": 1} in \
        p.to_records("kinds")
    assert p.to_records("target_groups")[2] == {"municipality": "GM0001",
                                                "target_group": "bystanders",
                                                "in_scope": False, "measures": 1}
    assert p.to_records("stakeholders")[0] == {"municipality": "GM0001",
                                               "stakeholder": "s-police",
                                               "name": "Politie Aastad", "kind": "police",
                                               "measures": 1}
    gaps = p.gaps.to_records()
    assert gaps == p.to_records("gaps")
    assert gaps[0] == {"municipality": "GM0001", "kind": "category", "code": "supervision",
                       "measure": None}
    assert gaps[10] == {"municipality": "GM0001", "kind": "no_indicator", "code": None,
                        "measure": "m1"}
    for table in veilig.Profile.TABLES:
        assert is_plain(p.to_records(table))
    with pytest.raises(ValueError):
        p.to_records("budgets")
    # the same numbers as the library's JSON (which leaves zeros out)
    data = json.loads(p.to_json())
    assert data["by_category"] == {k: v for k, v in p.by_category.items() if v}
    assert data["budget_cents_by_category"] == {
        k: int(v * 100) for k, v in p.budget_by_category.items() if v}
    assert [g.get("measure") for g in data["gaps"]] == [r["measure"] for r in gaps]


def test_profile_unknown_codes():
    with veilig.loads(doc({"code": "GM0009", "name": "X",
                           "stakeholders": [{"id": "a", "name": "A", "kind": "other"},
                                            {"id": "b", "name": "B", "kind": "martian"}],
                           "measures": [{"id": "a", "name": "A", "category": "juggling"}]})) \
            as reg:
        p = reg[0].profile()
        assert p.by_category["(unknown)"] == 1 and p.by_approach["(unknown)"] == 1
        # the kind "other" is a kind of its own; the unknown kind "martian" is not
        assert p.by_kind["other"] == 1 and p.by_kind["(unknown)"] == 1
        data = json.loads(p.to_json())
        assert data["by_kind"] == {"other": 1, "(unknown)": 1}


# ---- comparison ----

def test_compare(fx):
    a, b = fx["GM0001"], fx["GM0002"]
    c = veilig.compare(a, b)
    assert isinstance(c, veilig.Comparison) and c.a is a and c.b is b
    assert " ".join("%s:%s:%d:%d" % (r.dimension, r.code, r.a, r.b) for r in c) == (
        "category:deescalation:1:1 category:campaign:1:0 "
        "category:bystander:1:0 category:reporting:0:1 "
        "approach:prevention:2:1 approach:enforcement:1:0 "
        "approach:signalling:0:1 "
        "target_group:women_girls:1:2 target_group:lgbtiq:1:0 "
        "target_group:bystanders:1:0 setting:nightlife:1:0 "
        "stakeholder_type:municipal_department:1:0 "
        "stakeholder_type:police:1:1 stakeholder_type:public_health:0:1")
    assert a.compare(b) == c
    assert c.dimension("approach") == {"prevention": (2, 1), "enforcement": (1, 0),
                                       "signalling": (0, 1)}
    assert c.dimension("approach")[Approach.PREVENTION] == (2, 1)
    records = c.to_records()
    assert is_plain(records)
    assert records[0] == {"dimension": "category", "code": "deescalation", "a": 1, "b": 1}
    data = json.loads(c.to_json())
    assert (data["a"], data["b"]) == ("GM0001", "GM0002") and data["rows"] == records
    with pytest.raises(TypeError):
        veilig.compare(a, "GM0002")


def test_compare_across_registries_and_unknown_codes(fx):
    with veilig.loads(doc({"code": "GM0009", "name": "X", "measures": [
            {"id": "a", "name": "A", "category": "zz"},
            {"id": "b", "name": "B", "category": "aa"},
            {"id": "c", "name": "C", "category": "research"}]})) as other:
        m = other[0]
        # known codes in enum order, then unknown ones by code
        assert [(r.dimension, r.code, r.a, r.b) for r in m.compare(m)] == [
            ("category", "research", 1, 1), ("category", "aa", 1, 1),
            ("category", "zz", 1, 1), ("approach", "signalling", 1, 1)]
        rows = veilig.compare(fx["GM0003"], m)
        assert ("category", "research", 0, 1) in [(r.dimension, r.code, r.a, r.b) for r in rows]


# ---- peers and similarity ----

def test_similarity(fx):
    a, b, c = fx["GM0001"], fx["GM0002"], fx["GM0003"]
    # categories 1/4, target groups 1/3, settings 0, kinds 1/3
    assert veilig.similarity(a, b) == pytest.approx(0.1 + 0.4 / 3, abs=1e-12)
    assert veilig.similarity(b, a) == pytest.approx(veilig.similarity(a, b), abs=1e-15)
    assert a.similarity(b) == veilig.similarity(a, b)
    assert veilig.similarity(a, c) == 0.0
    assert veilig.similarity(a, a) == 1.0
    assert isinstance(veilig.similarity(a, b), float)


def test_peers_of_one(fx):
    aastad = fx["GM0001"]
    rows = fx.peers(aastad, k=2)
    # Ceestad, without measures, is no peer: one row although k is 2
    assert isinstance(rows, veilig.PeerList) and len(rows) == 1
    first = rows[0]
    assert isinstance(first, veilig.Peer)
    assert first.subject is aastad and first.rank == 1 and first.peer is fx["GM0002"]
    assert first.similarity == pytest.approx(0.1 + 0.4 / 3, abs=1e-12)
    # Beedorp's measure in a category Aastad lacks: b2 (reporting)
    assert first.suggestions == [fx["GM0002"].find_measure("b2")]
    assert aastad.peers(k=2) == rows
    assert fx.peers("Aastad", k=2) == rows
    assert rows.to_records()[0] == {
        "subject": "GM0001", "subject_name": "Aastad", "rank": 1, "peer": "GM0002",
        "peer_name": "Beedorp", "similarity": first.similarity, "suggestions": "b2"}
    data = json.loads(rows.to_json())
    assert data[0]["similarity"] == pytest.approx(0.2333, abs=1e-9)  # rounded to 4 places
    assert data[0]["suggestions"][0]["measure"] == "b2"
    # no measures, no basis: no peers
    assert fx["GM0003"].peers() == []


def test_peers_of_all(fx):
    rows = fx.peers()  # k defaults to 5; Ceestad neither has peers nor is one
    assert [(r.subject.code, r.rank, r.peer.code) for r in rows] == [
        ("GM0001", 1, "GM0002"), ("GM0002", 1, "GM0001")]
    # Beedorp's peers: Aastad first; suggestions bystander m2 and campaign m3
    assert [ms.id for ms in rows[1].suggestions] == ["m2", "m3"]
    assert is_plain(rows.to_records())
    assert rows.to_records()[1]["suggestions"] == "m2;m3"


def test_peers_across_registries(fx):
    """My own plan against another registry: the other registry's version
    of the same municipality (same code) is left out."""
    with veilig.load(FIXTURE) as mine:
        plan = mine["GM0001"]
        rows = fx.peers(plan)
        assert [(r.subject, r.peer) for r in rows] == [(plan, fx["GM0002"])]
        assert rows[0].subject is plan
        assert rows[0].similarity == pytest.approx(0.1 + 0.4 / 3, abs=1e-12)
        assert rows[0].suggestions == [fx["GM0002"].find_measure("b2")]
        assert plan.peers(against=fx) == rows
        assert json.loads(rows.to_json())[0]["subject"] == "GM0001"
        plan.code = "GM0999"
        rows = plan.peers(against=fx)
        assert [(r.peer.code, r.similarity) for r in rows] == [
            ("GM0001", 1.0), ("GM0002", pytest.approx(0.1 + 0.4 / 3, abs=1e-12))]
        # its own registry by default
        assert [r.peer.code for r in plan.peers()] == ["GM0002"]
        assert plan.profile().municipality is plan
        with pytest.raises(TypeError):
            plan.peers(against="builtin")


def test_peers_errors(fx):
    with veilig.Registry() as empty:
        assert empty.peers() == []
        assert empty.peers(fx[0]) == []  # no candidates
    with pytest.raises(KeyError):
        fx.peers("Nowhere")
    with pytest.raises(ValueError):
        fx.peers(k=0)
    with pytest.raises(TypeError):
        fx.peers(k="3")


def test_peers_builtin(reg):
    rows = reg.peers()
    for i, row in enumerate(rows):
        assert 0.0 <= row.similarity <= 1.0
        assert row.subject is not row.peer
        assert row.subject.measures and row.peer.measures
        if row.rank > 1:
            assert rows[i - 1].similarity >= row.similarity
    # Enschede is the one municipality of the dataset with measures
    assert reg.peers("GM0153") == []


# ---- differences ----

M1_OLD = {"code": "GM0001", "name": "Aastad",
          "scope": {"target_groups": ["women_girls", "lgbtiq"]},
          "measures": [{"id": "m1", "name": "Eerste", "category": "campaign"},
                       {"id": "m2", "name": "A", "category": "deescalation"},
                       {"id": "m3", "name": "Derde", "category": "reporting"}]}
M1_NEW = {"code": "GM0001", "name": "Aastad", "scope": {"target_groups": ["women_girls"]},
          "measures": [{"id": "m3", "name": "Derde", "category": "reporting"},
                       {"id": "m1", "name": "Eerste", "category": "campaign"},
                       {"id": "m4", "name": "Vierde", "category": "education"}]}
M2 = {"code": "GM0002", "name": "Beedorp"}


def test_diff_worked_example():
    """docs/analysis.md, "Differences": the worked example."""
    with veilig.loads(doc(M1_OLD, M2)) as old, veilig.loads(doc(M1_NEW, M2)) as new:
        rows = veilig.diff(old, new)
        assert isinstance(rows, veilig.ChangeList)
        assert [(r.change, r.measure, r.pointer) for r in rows] == [
            (ChangeKind.CHANGED, None, "/municipalities/0/scope/target_groups"),
            (ChangeKind.REMOVED, "m2", "/municipalities/0/measures/1"),
            (ChangeKind.ADDED, "m4", "/municipalities/0/measures/2")]
        scope, removed, added = rows
        assert scope.change == "changed" and scope.municipality == "GM0001"
        assert scope.old == ["women_girls", "lgbtiq"] and scope.new == ["women_girls"]
        assert removed.old["name"] == "A" and removed.new is None
        assert removed.new_json is None and json.loads(removed.old_json) == removed.old
        assert added.old is None and added.new["id"] == "m4"
        # the pointer of a removal is into the old document, the others into the new
        assert [r.document for r in rows] == ["new", "old", "new"]
        texts = {"old": json.loads(old.dumps()), "new": json.loads(new.dumps())}
        for r in rows:
            value = texts[r.document]
            for part in r.pointer.split("/")[1:]:
                value = value[int(part) if isinstance(value, list) else part]
            assert value == (r.old if r.document == "old" else r.new)
        records = rows.to_records()
        assert is_plain(records)
        assert records[0] == {"change": "changed", "municipality": "GM0001", "measure": None,
                              "pointer": "/municipalities/0/scope/target_groups",
                              "document": "new", "old": scope.old_json, "new": scope.new_json}
        assert records[1]["document"] == "old"
        assert json.loads(records[0]["old"]) == ["women_girls", "lgbtiq"]
        data = json.loads(rows.to_json())
        assert [d["change"] for d in data] == ["changed", "removed", "added"]
        assert data[1]["old"] == removed.old


def test_diff_programme():
    """The programme block is compared first; its rows name no municipality."""
    old_text = ('{"format": "veilig", "version": 1, "programme": {"name": "P", "operator": "O"}, '
                '"municipalities": [{"code": "GM0002", "name": "Beedorp"}]}')
    new_text = old_text.replace('"P"', '"Q"').replace('"Beedorp"', '"B"')
    with veilig.loads(old_text) as old, veilig.loads(new_text) as new:
        rows = veilig.diff(old, new)
        assert [(r.change, r.municipality, r.pointer, r.old, r.new) for r in rows] == [
            ("changed", None, "/programme/name", "P", "Q"),
            ("changed", "GM0002", "/municipalities/0/name", "Beedorp", "B")]
        assert rows[0].to_record()["municipality"] is None
        assert [r.pointer for r in veilig.diff(old, new, "GM0002")] == ["/municipalities/0/name"]


def test_diff_options_and_errors():
    renamed = dict(M1_OLD, measures=[dict(M1_OLD["measures"][1], name="B")])
    old_doc = dict(M1_OLD, measures=[M1_OLD["measures"][1]])
    with veilig.loads(doc(old_doc, M2)) as old, veilig.loads(doc(renamed, M2)) as new:
        rows = veilig.diff(old, new, "GM0001")
        assert [(r.change, r.measure, r.pointer, r.old, r.new) for r in rows] == [
            ("changed", "m2", "/municipalities/0/measures/0/name", "A", "B")]
        assert veilig.diff(old, new, new["GM0002"]) == []
        assert veilig.diff(old, old) == []
        with pytest.raises(veilig.NotFoundError):
            veilig.diff(old, new, "GM0099")
        with pytest.raises(TypeError):
            veilig.diff(old, "new")
    with veilig.builtin() as a, veilig.builtin() as b:
        assert veilig.diff(a, b) == []
        b["Enschede"].find_measure("pub-ploeg").name = "PUB"
        rows = veilig.diff(a, b)
        assert [(r.municipality, r.measure, r.old, r.new) for r in rows] == [
            ("GM0153", "pub-ploeg", "Preventie Unit Binnenstad (PUB-ploeg)", "PUB")]


# ---- schedule ----

PUB_AND_WALK = {"code": "GM0001", "name": "Teststad", "measures": [
    {"id": "pub", "name": "PUB team", "category": "deescalation",
     "schedule": [{"days": ["fri", "sat"], "from": "22:00", "to": "04:00"}]},
    {"id": "walk", "name": "Safety walk", "category": "public_space",
     "schedule": [{"days": ["sat"], "dayparts": ["evening", "night"]}]},
    {"id": "old", "name": "Ended", "category": "supervision", "status": "ended",
     "schedule": [{"days": ["mon"], "from": "09:00", "to": "17:00"}]},
    {"id": "none", "name": "No schedule", "category": "campaign"}]}


def test_schedule_worked_example():
    """docs/analysis.md, "Schedule coverage": the worked example."""
    with veilig.loads(doc(PUB_AND_WALK)) as reg:
        s = reg[0].schedule()
        assert isinstance(s, veilig.Schedule) and s.municipality is reg[0]
        assert len(s.slots) == 7 and all(len(day) == 24 for day in s.slots)
        assert s.slot("sat", 1) == 2 and s.slots[5][1] == 2
        assert s.slot(veilig.Day.SAT, 5) == 1
        assert s.slot("sat", 23) == 2
        assert s.slot("sun", 2) == 1
        assert s.slot("mon", 10) == 0  # "old" has ended
        assert s.slot(4, 22) == 1  # Friday
        assert s.by_category["deescalation"][5][1] == 1
        assert s.by_category[Category.PUBLIC_SPACE][5][1] == 1
        assert list(s.by_category) == ["deescalation", "public_space"]
        assert s.measure_count == 2
        assert (s.days, s.start, s.end) == (["fri", "sat"], "22:00", "04:00")
        assert (s.window_minutes, s.covered_minutes, s.window_share) == (720, 720, 1.0)

        reg[0].remove_measure("pub")
        s = reg[0].schedule()
        # the walk alone: Saturday 00:00-04:00 and 22:00-24:00 of the window
        assert (s.window_minutes, s.covered_minutes, s.window_share) == (720, 360, 0.5)


def test_schedule_options():
    with veilig.loads(doc(PUB_AND_WALK)) as reg:
        m = reg[0]
        s = m.schedule(days=["sat"], start="18:00", end="24:00")
        assert (s.days, s.start, s.end, s.window_minutes) == (["sat"], "18:00", "24:00", 360)
        assert s.window_share == 1.0  # the walk's evening, and the team from 22:00
        assert m.schedule(days="mon", start=datetime.time(9), end=17 * 60).window_share == 0.0
        assert m.schedule(days=[veilig.Day.SUN], start="00:00", end="04:00").window_share == 1.0
        with pytest.raises(ValueError, match="at least one day"):
            m.schedule(days=[])
        with pytest.raises(ValueError, match="empty window"):
            m.schedule(start="10:00", end="10:00")
        with pytest.raises(ValueError):
            m.schedule(start="24:00", end="04:00")
        with pytest.raises(ValueError):
            m.schedule(days=["someday"])
        with pytest.raises(ValueError):
            m.schedule(start="25:00")
    measure = {"id": "x", "name": "X", "category": "supervision", "period": {"end": "2021"},
               "schedule": [{"days": ["mon"], "from": "09:00", "to": "10:00"}]}
    with veilig.loads(doc({"code": "GM0001", "name": "T", "measures": [measure]})) as reg:
        assert reg[0].schedule(days=["mon"], start="09:00", end="10:00").window_share == 1.0
        later = reg[0].schedule(days=["mon"], start="09:00", end="10:00", active_on="2022-01")
        assert later.window_share == 0.0 and later.measure_count == 0


def test_schedule_builtin_and_records(reg):
    enschede = reg["Enschede"]
    s = enschede.schedule()
    # the PUB-ploeg, Friday and Saturday 18:00-06:00, covers the default window
    assert s.window_share == 1.0 and s.measure_count == 1
    assert s.slot("mon", 9) == 0 and s.slot("fri", 20) == 1 and s.slot("sat", 5) == 1
    records = s.to_records()
    assert len(records) == 168 and is_plain(records)
    assert records[0] == {"municipality": "GM0153", "day": "mon", "hour": 0, "count": 0,
                          "deescalation": 0}
    assert records[4 * 24 + 20] == {"municipality": "GM0153", "day": "fri", "hour": 20,
                                    "count": 1, "deescalation": 1}
    assert sum(r["count"] for r in records) == sum(map(sum, s.slots))
    # the slots agree with the library's accessor
    lib = _capi.lib()
    with s._again() as ptr:
        for d in range(7):
            for h in range(24):
                assert lib.veilig_schedule_slot(ptr, d + 1, h) == s.slots[d][h]
    data = json.loads(s.to_json())
    assert data["slots"] == s.slots and data["window"]["share"] == s.window_share
    assert reg["Almelo"].schedule().measure_count == 0


# ---- progress ----

INDICATORS = [
    {"id": "meldingen", "name": "Meldingen", "unit": "count", "direction": "increase",
     "baseline": {"date": "2020", "value": 10}, "target": {"date": "2024", "value": 20},
     "observations": [{"date": "2022", "value": 14}, {"date": "2021", "value": 12}]},
    {"id": "onveilig", "name": "Voelt zich onveilig", "unit": "percent",
     "direction": "decrease", "baseline": {"date": "2019", "value": 40},
     "target": {"date": "2025", "value": 30},
     "observations": [{"date": "2021", "value": 35}, {"date": "2023", "value": 29}]},
    {"id": "trainingen", "name": "Trainingen", "unit": "count", "direction": "increase",
     "baseline": {"date": "2020", "value": 0}, "target": {"date": "2023", "value": 25},
     "observations": [{"date": "2021", "value": 10}, {"date": "2022", "value": 20}]},
    {"id": "bereik", "name": "Bereik", "direction": "increase",
     "target": {"date": "2024", "value": 50}, "observations": [{"date": "2022", "value": 10}]},
    {"id": "leeg", "name": "Zonder metingen"},
]


@pytest.fixture
def indicators():
    with veilig.loads(doc({"code": "GM0001", "name": "Teststad",
                           "indicators": INDICATORS})) as registry:
        yield registry[0]


def test_progress(indicators):
    m = indicators
    rows = m.progress()
    assert isinstance(rows, veilig.ProgressList) and len(rows) == 5
    meldingen, onveilig, trainingen, bereik, leeg = rows
    assert meldingen.indicator is m.find_indicator("meldingen")
    # latest 14 (2022); fraction (14 - 10) / (20 - 10); the line gives ~18 < 20
    assert meldingen.latest == (PartialDate(2022), 14.0)
    assert meldingen.fraction == pytest.approx(0.4, abs=1e-9)
    assert meldingen.projection == pytest.approx(17.993612312268, abs=1e-9)
    assert meldingen.track is Track.OFF_TRACK and meldingen.track == "off_track"
    assert onveilig.track is Track.ACHIEVED
    assert onveilig.fraction == pytest.approx(1.1, abs=1e-9)
    assert trainingen.track is Track.ON_TRACK
    assert trainingen.projection == pytest.approx(29.981747681344, abs=1e-9)
    assert bereik.latest == (PartialDate(2022), 10.0)
    assert (bereik.fraction, bereik.projection, bereik.track) == (None, None, Track.UNKNOWN)
    assert (leeg.latest, leeg.fraction, leeg.projection, leeg.track) == \
        (None, None, None, Track.UNKNOWN)


def test_progress_as_of(indicators):
    rows = indicators.progress(as_of="2021-06-01")
    assert rows[0].latest == (PartialDate(2021), 12.0)
    assert rows[0].fraction == pytest.approx(0.2, abs=1e-9)
    assert rows[0].projection == pytest.approx(10.0 + 2.0 * 1461.0 / 366.0, abs=1e-9)
    assert rows[1].track is Track.ON_TRACK
    assert rows[1].projection == pytest.approx(40.0 - 5.0 * 2192.0 / 731.0, abs=1e-9)
    early = indicators.progress(as_of=datetime.date(2020, 6, 1))
    assert early[0].latest is None and early[0].fraction is None
    assert early[0].track is Track.UNKNOWN
    one = indicators.find_indicator("meldingen").progress(as_of=PartialDate(2021, 6, 1))
    assert one == rows[0]


def test_progress_records(indicators):
    rows = indicators.progress()
    records = rows.to_records()
    assert is_plain(records)
    assert records[0] == {"municipality": "GM0001", "indicator": "meldingen",
                          "name": "Meldingen", "latest_date": "2022", "latest_value": 14.0,
                          "target_date": "2024", "target_value": 20.0,
                          "fraction": rows[0].fraction, "projection": rows[0].projection,
                          "track": "off_track"}
    assert records[4]["latest_date"] is None and records[4]["track"] == "unknown"
    data = json.loads(rows.to_json())
    assert [d["track"] for d in data["indicators"]] == [r["track"] for r in records]


def test_track_names_are_the_library_s():
    lib = _capi.lib()
    for track in Track:
        assert lib.veilig_track_name(track.number).decode() == track.value
        assert Track.from_number(track.number) is track
        assert str(track) == track.value


def test_progress_builtin(reg):
    assert reg["Enschede"].progress() == []


# ---- the options structures ----

#: sizeof of each options structure on an LP64 platform (x86-64, arm64 Linux):
#: veilig_date is three ints (12 bytes, aligned to 4) and an enum is an int.
#:  coverage: version 4 + axis 4 + active_on 12 + all_measures 4        = 24
#:  peers:    version 4 + 4 padding (size_t aligns to 8) + k 8          = 16
#:  schedule: version 4 + days 4 + from 4 + to 4 + active_on 12         = 28
#:  progress: version 4 + as_of 12                                      = 16
#:  report:   version 4 + format 4 + lang 8 + flags 4 + 4 padding + peers 8 = 32
#:  load:     version 4 + flags 4 + source 8 + max_depth, max_string,
#:            max_municipalities, max_size 8 each (version 2)           = 48
#:  save:     version 4 + flags 4                                       = 8
LP64_SIZES = {"coverage": 24, "peers": 16, "schedule": 28, "progress": 16, "report": 32,
              "load": 72, "save": 8}

STRUCTS = {"coverage": _capi.CoverageOptions, "peers": _capi.PeersOptions,
           "schedule": _capi.ScheduleOptions, "progress": _capi.ProgressOptions,
           "report": _capi.ReportOptions, "load": _capi.LoadOptions, "save": _capi.SaveOptions}

#: the C field names (ScheduleOptions says from_ for from)
C_FIELDS = {"coverage": ["version", "axis", "active_on", "all_measures"],
            "peers": ["version", "k"],
            "schedule": ["version", "days", "from", "to", "active_on"],
            "progress": ["version", "as_of"],
            "report": ["version", "format", "lang", "flags", "peers"],
            "load": ["version", "flags", "source", "max_depth", "max_string",
                     "max_municipalities", "max_size", "errors", "max_errors", "error_count"],
            "save": ["version", "flags"]}

VERSIONS = {"coverage": "VEILIG_COVERAGE_OPTIONS_VERSION", "peers": "VEILIG_PEERS_OPTIONS_VERSION",
            "schedule": "VEILIG_SCHEDULE_OPTIONS_VERSION",
            "progress": "VEILIG_PROGRESS_OPTIONS_VERSION",
            "report": "VEILIG_REPORT_OPTIONS_VERSION", "load": "VEILIG_LOAD_OPTIONS_VERSION",
            "save": "VEILIG_SAVE_OPTIONS_VERSION"}


def test_options_sizes_by_reasoning():
    if ctypes.sizeof(ctypes.c_void_p) != 8 or ctypes.sizeof(ctypes.c_int) != 4:
        pytest.skip("the sizes worked out here are for LP64 platforms")
    for name, cls in STRUCTS.items():
        assert ctypes.sizeof(cls) == LP64_SIZES[name], name


def test_options_match_the_c_headers(tmp_path):
    """sizeof and offsetof of each field as the system's C compiler sees
    the public headers, and the *_OPTIONS_VERSION values."""
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    include = os.path.join(REPO_ROOT, "include")
    if cc is None:
        pytest.skip("no C compiler (cc) to compile the check")
    if not os.path.exists(os.path.join(include, "veilig.h")):
        pytest.skip("no include/veilig.h (not a checkout)")
    lines = ["#include <stddef.h>", "#include <stdio.h>", "#include <veilig.h>",
             "int main(void) {"]
    for name, fields in C_FIELDS.items():
        ctype = "veilig_%s_options" % name
        lines.append('printf("%s size %%zu\\n", sizeof(%s));' % (name, ctype))
        lines.append('printf("%s VERSION %%u\\n", (unsigned)%s);' % (name, VERSIONS[name]))
        for f in fields:
            lines.append('printf("%s %s %%zu\\n", offsetof(%s, %s));' % (name, f, ctype, f))
    lines.append('printf("load DEFAULT_MAX_SIZE %zu\\n", (size_t)VEILIG_DEFAULT_MAX_SIZE);')
    lines += ["return 0;", "}"]
    src = tmp_path / "sizes.c"
    src.write_text("\n".join(lines) + "\n")
    exe = tmp_path / "sizes"
    # veilig/export.h is generated by CMake: take the one of the build the
    # library comes from, else a stand-in (it only defines VEILIG_API)
    built = os.path.join(os.path.dirname(os.path.realpath(veilig.library_path())), "include")
    stub = tmp_path / "stub" / "veilig"
    stub.mkdir(parents=True)
    (stub / "export.h").write_text("#define VEILIG_API\n#define VEILIG_DEPRECATED\n")
    subprocess.run([cc, "-std=c99", "-I", include, "-I", built, "-I", str(stub.parent),
                    "-o", str(exe), str(src)], check=True)
    out = subprocess.run([str(exe)], check=True, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    seen = {}
    for line in out.splitlines():
        name, what, value = line.split()
        seen[(name, what)] = int(value)
    py_versions = {"coverage": _capi.COVERAGE_OPTIONS_VERSION,
                   "peers": _capi.PEERS_OPTIONS_VERSION,
                   "schedule": _capi.SCHEDULE_OPTIONS_VERSION,
                   "progress": _capi.PROGRESS_OPTIONS_VERSION,
                   "report": _capi.REPORT_OPTIONS_VERSION,
                   "load": _capi.LOAD_OPTIONS_VERSION, "save": _capi.SAVE_OPTIONS_VERSION}
    for name, cls in STRUCTS.items():
        assert ctypes.sizeof(cls) == seen[(name, "size")], name
        assert py_versions[name] == seen[(name, "VERSION")], name
        for f in C_FIELDS[name]:
            attr = "from_" if f == "from" else f
            assert getattr(cls, attr).offset == seen[(name, f)], (name, f)
    assert veilig.DEFAULT_MAX_SIZE == seen[("load", "DEFAULT_MAX_SIZE")]


def test_options_versions_are_set(fx):
    """The init functions of the library set the version the binding passes."""
    lib = _capi.lib()
    for name, cls in STRUCTS.items():
        opts = cls()
        getattr(lib, "veilig_%s_options_init" % name)(ctypes.byref(opts), 1)
        assert opts.version == 1
    with pytest.raises(veilig.VersionError):
        lib.veilig_peers_options_init(ctypes.byref(_capi.PeersOptions()), 2)
    # load options: version 2 added max_size, 3 the list of schema errors,
    # which the binding's struct has
    opts = _capi.LoadOptions()
    lib.veilig_load_options_init(ctypes.byref(opts), _capi.LOAD_OPTIONS_VERSION)
    assert (opts.version, opts.max_size, opts.max_errors) == (3, 0, 0)
    assert not opts.errors and not opts.error_count
    with pytest.raises(veilig.VersionError):
        lib.veilig_load_options_init(ctypes.byref(_capi.LoadOptions()), 4)


# ---- results are plain data ----

def every_result(registry, m):
    """One result of every analysis (m: a municipality with measures)."""
    return {"query": registry.query(), "coverage": registry.coverage(),
            "profile": m.profile(), "compare": m.compare(registry[-1]),
            "peers": registry.peers(), "diff": veilig.diff(registry, registry),
            "schedule": m.schedule(), "progress": m.progress()}


def test_every_result_has_plain_records(fx):
    for name, result in every_result(fx, fx[0]).items():
        records = result.to_records()
        assert is_plain(records), name
        assert json.loads(json.dumps(records)) == records, name


def test_results_are_data_after_close(fx):
    cov = fx.coverage()
    comparison = fx[0].compare(fx[1])
    changes = veilig.diff(fx, fx)
    q = fx.query()
    records = (cov.to_records(), comparison.to_records())
    fx.close()
    assert (cov.to_records(), comparison.to_records()) == records
    assert cov.total == 4 and changes == []
    with pytest.raises(ValueError):
        q[0].measure.name  # model objects follow the model's rules
    with pytest.raises(ValueError):
        cov.to_json()  # runs the analysis again: the registry is closed
    with pytest.raises(ValueError):
        comparison.render()
