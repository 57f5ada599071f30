"""Every property of every object of the bundled dataset (and of a document
with every field set), compared with the JSON the objects were read from."""

import json
import os

import pytest

import checks
import veilig
from conftest import REPO_ROOT
from veilig import Approach, Category, PartialDate, Role, TargetGroup


@pytest.mark.parametrize("cls", sorted(checks.CHECKED, key=lambda c: c.__name__),
                         ids=lambda c: c.__name__)
def test_every_property_is_checked(cls):
    assert checks.public_properties(cls) == checks.CHECKED[cls]


def test_builtin_every_property(reg, builtin_doc):
    checks.registry(reg, builtin_doc)


def test_dataset_file_every_property():
    path = os.path.join(REPO_ROOT, "data", "veilige-steden.json")
    if not os.path.exists(path):
        pytest.skip("no checkout: data/veilige-steden.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    with veilig.load(path) as reg:
        checks.registry(reg, doc)


def test_rich_every_property(rich, rich_doc):
    checks.registry(rich, rich_doc)


def test_enschede(reg):
    m = reg["Enschede"]
    assert m is reg["GM0153"] is reg["gm0153"]
    assert m.code == "GM0153"
    assert m.province == "NL-OV"
    assert m.membership.joined == PartialDate(2021)
    assert m.focus == [Approach.PREVENTION]
    assert [x.approach for x in m.excluded] == [Approach.ENFORCEMENT]
    assert TargetGroup.LGBTIQ in m.target_groups
    pub = m.find_measure("pub-ploeg")
    assert pub.category is Category.DEESCALATION
    assert pub.area_name == "Binnenstad"
    window = pub.schedule[0]
    assert [str(d) for d in window.days] == ["fri", "sat"]
    assert window.hours == ("18:00", "06:00") and window.overnight
    bystander = [ms.id for ms in m.measures if ms.category is Category.BYSTANDER]
    assert "omstandersinterventies" in bystander
    partner = m.find_measure("omstandersinterventies").partners[0]
    assert partner.role is Role.PARTNER
    assert partner.find_stakeholder() is m.find_stakeholder(partner.stakeholder)
    assert any(c.personal for c in m.contacts)
    assert reg.programme.name == "Veilige Steden"
    assert reg.programme.operator == "Movisie"


def test_reprs(rich):
    objects = [rich, rich.programme, rich.programme.contact]
    for m in rich:
        objects += [m, m.membership] + m.excluded + m.policy_links + m.stakeholders + \
            m.contacts + m.sources + m.indicators
        for ms in m.measures:
            objects += [ms] + ms.schedule + ms.partners
        for i in m.indicators:
            objects += i.observations
    for obj in objects:
        text = repr(obj)
        assert type(obj).__name__ in text
    assert "GM0001" in repr(rich[0])
    assert "straatcoaches" in repr(rich[0].measures[0])


def test_registry_as_sequence_and_mapping(reg, builtin_doc):
    codes = [d["code"] for d in builtin_doc["municipalities"]]
    assert len(reg) == len(codes)
    assert [m.code for m in reg] == codes
    assert [m.code for m in reg.municipalities] == codes
    assert reg[0].code == codes[0]
    assert reg[-1].code == codes[-1]
    assert [m.code for m in reg[1:3]] == codes[1:3]
    assert reg["Enschede"] is reg["GM0153"]
    assert "GM0153" in reg and "Enschede" in reg and reg[0] in reg
    assert "GM9999" not in reg and 42 not in reg
    assert reg.get("GM9999") is None
    assert reg.get("GM9999", "x") == "x"
    assert reg.get("Enschede") is reg["GM0153"]
    with pytest.raises(KeyError):
        reg["GM9999"]
    with pytest.raises(KeyError):
        reg["Atlantis"]
    with pytest.raises(IndexError):
        reg[len(codes)]
    with pytest.raises(IndexError):
        reg[-len(codes) - 1]
    with pytest.raises(TypeError):
        reg[1.5]
    with pytest.raises(TypeError):
        reg[True]


def test_find_helpers(rich):
    m = rich["GM0001"]
    ms = m.find_measure("straatcoaches")
    assert [i.id for i in ms.find_indicators()] == ["meldingen", "veiligheidsgevoel"]
    assert m.find_measure("nope") is None
    assert m.find_indicator("nope") is None
    assert [x.id for x in m.find_stakeholder("boa").measures()] == ["straatcoaches"]
    assert m.contacts[0].find_stakeholder() is m.find_stakeholder("team-veiligheid")
    assert m.contacts[1].find_stakeholder() is None
    assert rich.programme.contact.find_stakeholder() is None


def test_to_dict(rich, rich_doc):
    m = rich[0]
    assert m.to_dict()["code"] == "GM0001"
    assert m.measures[0].to_dict()["id"] == "straatcoaches"
    assert json.loads(m.measures[0].dumps()) == m.measures[0].to_dict()
    assert "personal" not in json.dumps(m.to_dict(omit_personal=True))
    assert rich.to_dict()["generator"] == rich_doc["generator"]  # unknown keys are kept
