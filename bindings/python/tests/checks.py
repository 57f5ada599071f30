"""Compares every property of every object of a registry with the document
it was read from (as the json module reads it)."""

from decimal import Decimal
import inspect

import veilig
from veilig import (Approach, Category, Day, Daypart, Direction, Evidence, LinkKind,
                    LinkRelation, MeasureStatus, MembershipStatus, PartialDate, ResultLevel,
                    Role, Setting, StakeholderKind, TargetGroup, Unit)
from veilig._fields import _Children, _Field, _Single

#: The properties each check below reads; test_every_property_is_checked
#: keeps this in step with the classes.
CHECKED = {
    veilig.Municipality: {
        "code", "name", "official_name", "province", "membership", "summary", "ambition",
        "target_groups", "settings", "focus", "excluded", "policy_links", "stakeholders",
        "contacts", "measures", "indicators", "sources", "registry", "alive"},
    veilig.Membership: {"joined", "start", "end", "status", "note"},
    veilig.Measure: {
        "id", "name", "description", "category", "approach", "approach_explicit",
        "target_groups", "settings", "area_name", "area_note", "schedule", "partners", "status",
        "period_start", "period_end", "budget", "budget_cents", "budget_currency",
        "budget_start", "budget_end", "evidence", "indicators", "municipality", "registry",
        "alive"},
    veilig.Window: {"days", "dayparts", "from_", "to", "from_minutes", "to_minutes", "hours",
                    "overnight", "note", "measure", "registry", "alive"},
    veilig.Partner: {"stakeholder", "role", "note", "measure", "registry", "alive"},
    veilig.Stakeholder: {"id", "name", "kind", "roles", "parent", "note", "municipality",
                         "registry", "alive"},
    veilig.Contact: {"stakeholder", "role", "name", "phone", "email", "personal", "registry",
                     "alive"},
    veilig.Source: {"title", "publisher", "url", "retrieved", "registry", "alive"},
    veilig.PolicyLink: {"name", "kind", "relation", "note", "registry", "alive"},
    veilig.Exclusion: {"approach", "reason", "registry", "alive"},
    veilig.Indicator: {"id", "name", "level", "unit", "direction", "baseline_date",
                       "baseline_value", "baseline_note", "target_date", "target_value",
                       "observations", "municipality", "registry", "alive"},
    veilig.Observation: {"date", "value", "source", "note", "indicator", "registry", "alive"},
    veilig.Programme: {"name", "operator", "contact", "sources", "registry", "alive"},
}


def public_properties(cls):
    """The names of cls's public properties (fields, child lists, @property)."""
    names = set()
    for name in dir(cls):
        if name.startswith("_"):
            continue
        attr = inspect.getattr_static(cls, name)
        if isinstance(attr, (_Field, _Children, _Single, property)):
            names.add(name)
    return names


def vocab(value, code, enum_cls):
    """A vocabulary property: the member for a known code, the code as str
    for an unknown one, None when absent."""
    if code is None:
        assert value is None
    elif code in enum_cls._value2member_map_:
        assert value is enum_cls(code), (value, code)
    else:
        assert type(value) is str and value == code, (value, code)


def vocab_list(values, codes, enum_cls):
    assert isinstance(values, list)
    assert len(values) == len(codes)
    for value, code in zip(values, codes):
        vocab(value, code, enum_cls)


def date(value, text):
    if text is None:
        assert value is None
    else:
        assert isinstance(value, PartialDate)
        assert str(value) == text


def number(value, expected):
    if expected is None:
        assert value is None
    else:
        assert isinstance(value, float) and value == float(expected)


def registry(reg, doc):
    assert reg.version == doc["version"]
    assert len(reg) == len(doc["municipalities"])
    programme(reg.programme, doc.get("programme"), reg)
    for i, (m, d) in enumerate(zip(reg, doc["municipalities"])):
        assert reg[i] is m
        assert reg[d["code"]] is m
        municipality(m, d, reg)


def programme(p, d, reg):
    if d is None:
        assert p is None
        return
    assert p.registry is reg and p.alive
    assert p.name == d.get("name")
    assert p.operator == d.get("operator")
    contact(p.contact, d.get("contact"), reg)
    assert len(p.sources) == len(d.get("sources", []))
    for s, sd in zip(p.sources, d.get("sources", [])):
        source(s, sd, reg)


def municipality(m, d, reg):
    assert isinstance(m, veilig.Municipality)
    assert m.registry is reg and m.alive
    assert m.code == d["code"]
    assert m.name == d["name"]
    assert m.official_name == d.get("official_name")
    assert m.province == d.get("province")
    md = d.get("membership", {})
    period = md.get("period", {})
    ms = m.membership
    assert isinstance(ms, veilig.Membership)
    date(ms.joined, md.get("joined"))
    date(ms.start, period.get("start"))
    date(ms.end, period.get("end"))
    vocab(ms.status, md.get("status"), MembershipStatus)
    assert ms.note == md.get("note")
    assert m.summary == d.get("summary")
    assert m.ambition == d.get("ambition")
    scope = d.get("scope", {})
    vocab_list(m.target_groups, scope.get("target_groups", []), TargetGroup)
    vocab_list(m.settings, scope.get("settings", []), Setting)
    vocab_list(m.focus, d.get("focus", []), Approach)

    assert len(m.excluded) == len(d.get("excluded", []))
    for x, xd in zip(m.excluded, d.get("excluded", [])):
        assert isinstance(x, veilig.Exclusion) and x.registry is reg and x.alive
        vocab(x.approach, xd.get("approach"), Approach)
        assert x.reason == xd.get("reason")

    assert len(m.policy_links) == len(d.get("policy_links", []))
    for link, ld in zip(m.policy_links, d.get("policy_links", [])):
        assert isinstance(link, veilig.PolicyLink) and link.registry is reg and link.alive
        assert link.name == ld["name"]
        vocab(link.kind, ld.get("kind"), LinkKind)
        vocab(link.relation, ld.get("relation"), LinkRelation)
        assert link.note == ld.get("note")

    assert len(m.stakeholders) == len(d.get("stakeholders", []))
    for s, sd in zip(m.stakeholders, d.get("stakeholders", [])):
        assert isinstance(s, veilig.Stakeholder) and s.registry is reg and s.alive
        assert s.municipality is m
        assert m.find_stakeholder(sd["id"]) is s
        assert s.id == sd["id"]
        assert s.name == sd["name"]
        vocab(s.kind, sd.get("kind"), StakeholderKind)
        vocab_list(s.roles, sd.get("roles", []), Role)
        assert s.parent == sd.get("parent")
        assert s.note == sd.get("note")

    assert len(m.contacts) == len(d.get("contacts", []))
    for c, cd in zip(m.contacts, d.get("contacts", [])):
        contact(c, cd, reg)

    assert len(m.measures) == len(d.get("measures", []))
    for ms, msd in zip(m.measures, d.get("measures", [])):
        measure(ms, msd, m, reg)

    assert len(m.indicators) == len(d.get("indicators", []))
    for i, idd in zip(m.indicators, d.get("indicators", [])):
        indicator(i, idd, m, reg)

    assert len(m.sources) == len(d.get("sources", []))
    for s, sd in zip(m.sources, d.get("sources", [])):
        source(s, sd, reg)


def contact(c, d, reg):
    if d is None:
        assert c is None
        return
    assert isinstance(c, veilig.Contact) and c.registry is reg and c.alive
    assert c.stakeholder == d.get("stakeholder")
    vocab(c.role, d.get("role"), Role)
    assert c.name == d.get("name")
    assert c.phone == d.get("phone")
    assert c.email == d.get("email")
    assert c.personal is bool(d.get("personal", False))


def source(s, d, reg):
    assert isinstance(s, veilig.Source) and s.registry is reg and s.alive
    assert s.title == d["title"]
    assert s.publisher == d.get("publisher")
    assert s.url == d.get("url")
    date(s.retrieved, d.get("retrieved"))


def measure(ms, d, m, reg):
    assert isinstance(ms, veilig.Measure) and ms.registry is reg and ms.alive
    assert ms.municipality is m
    assert m.find_measure(d["id"]) is ms
    assert ms.id == d["id"]
    assert ms.name == d["name"]
    assert ms.description == d.get("description")
    vocab(ms.category, d.get("category"), Category)
    vocab(ms.approach_explicit, d.get("approach"), Approach)
    if "approach" in d:
        vocab(ms.approach, d["approach"], Approach)
    elif isinstance(ms.category, Category):
        assert ms.approach is ms.category.approach
    else:
        assert ms.approach is None
    vocab_list(ms.target_groups, d.get("target_groups", []), TargetGroup)
    vocab_list(ms.settings, d.get("settings", []), Setting)
    area = d.get("area", {})
    assert ms.area_name == area.get("name")
    assert ms.area_note == area.get("note")

    assert len(ms.schedule) == len(d.get("schedule", []))
    for w, wd in zip(ms.schedule, d.get("schedule", [])):
        assert isinstance(w, veilig.Window) and w.registry is reg and w.alive
        assert w.measure is ms
        vocab_list(w.days, wd.get("days", []), Day)
        vocab_list(w.dayparts, wd.get("dayparts", []), Daypart)
        assert w.from_ == wd.get("from")
        assert w.to == wd.get("to")
        if "from" in wd:
            h, mi = map(int, wd["from"].split(":"))
            assert w.from_minutes == h * 60 + mi
            h, mi = map(int, wd["to"].split(":"))
            assert w.to_minutes == h * 60 + mi
            assert w.hours == (wd["from"], wd["to"])
            assert w.overnight is (wd["to"] < wd["from"])
        else:
            assert w.from_minutes is None and w.to_minutes is None and w.hours is None
            assert w.overnight is False
        assert w.note == wd.get("note")

    assert len(ms.partners) == len(d.get("partners", []))
    for p, pd in zip(ms.partners, d.get("partners", [])):
        assert isinstance(p, veilig.Partner) and p.registry is reg and p.alive
        assert p.measure is ms
        assert p.stakeholder == pd["stakeholder"]
        vocab(p.role, pd.get("role"), Role)
        assert p.note == pd.get("note")

    vocab(ms.status, d.get("status"), MeasureStatus)
    period = d.get("period", {})
    date(ms.period_start, period.get("start"))
    date(ms.period_end, period.get("end"))
    budget = d.get("budget")
    if budget is None:
        assert ms.budget is None and ms.budget_cents is None
        assert ms.budget_currency is None
        assert ms.budget_start is None and ms.budget_end is None
    else:
        amount = Decimal(str(budget["amount"]))
        assert isinstance(ms.budget, Decimal)
        assert ms.budget == amount
        assert ms.budget.as_tuple().exponent == -2
        assert ms.budget_cents == int(amount * 100)
        assert ms.budget_currency == budget.get("currency")
        bperiod = budget.get("period", {})
        date(ms.budget_start, bperiod.get("start"))
        date(ms.budget_end, bperiod.get("end"))
    vocab(ms.evidence, d.get("evidence"), Evidence)
    assert ms.indicators == d.get("indicators", [])


def indicator(i, d, m, reg):
    assert isinstance(i, veilig.Indicator) and i.registry is reg and i.alive
    assert i.municipality is m
    assert m.find_indicator(d["id"]) is i
    assert i.id == d["id"]
    assert i.name == d["name"]
    vocab(i.level, d.get("level"), ResultLevel)
    vocab(i.unit, d.get("unit"), Unit)
    vocab(i.direction, d.get("direction"), Direction)
    baseline = d.get("baseline", {})
    date(i.baseline_date, baseline.get("date"))
    number(i.baseline_value, baseline.get("value"))
    assert i.baseline_note == baseline.get("note")
    target = d.get("target", {})
    date(i.target_date, target.get("date"))
    number(i.target_value, target.get("value"))
    assert len(i.observations) == len(d.get("observations", []))
    for o, od in zip(i.observations, d.get("observations", [])):
        assert isinstance(o, veilig.Observation) and o.registry is reg and o.alive
        assert o.indicator is i
        date(o.date, od.get("date"))
        number(o.value, od.get("value"))
        assert o.source == od.get("source")
        assert o.note == od.get("note")
