"""The vocabulary enums agree with the C library's tables."""

import pytest

import veilig
from veilig import _capi
from veilig import Approach, Category, MeasureStatus, Role, StakeholderKind, TargetGroup


def c_text(value):
    return None if value is None else value.decode("utf-8")


def test_vocabularies_cover_the_c_library():
    lib = _capi.lib()
    assert [v.__vocab__ for v in veilig.VOCABULARIES] == list(range(1, 17))
    assert lib.veilig_vocab_size(17) == 0
    assert lib.veilig_vocab_name(17) is None


@pytest.mark.parametrize("enum_cls", veilig.VOCABULARIES, ids=lambda c: c.__name__)
def test_enum_agrees_with_c_tables(enum_cls):
    lib = _capi.lib()
    vocab = enum_cls.__vocab__
    name = enum_cls.vocabulary()
    assert name and lib.veilig_vocab_from_name(name.encode()) == vocab
    assert len(enum_cls) == lib.veilig_vocab_size(vocab)
    assert sorted(m.number for m in enum_cls) == list(range(1, len(enum_cls) + 1))
    for member in enum_cls:
        assert c_text(lib.veilig_vocab_code(vocab, member.number)) == member.code
        assert lib.veilig_vocab_from_code(vocab, member.code.encode()) == member.number
        assert member.name == member.code.upper()
        assert member.value == member.code == str(member)
        assert enum_cls(member.code) is member
        assert enum_cls.from_number(member.number) is member
        nl = member.label()
        assert nl == member.label("nl") == c_text(lib.veilig_vocab_label(vocab, member.number,
                                                                          b"nl"))
        assert member.label("en") == c_text(lib.veilig_vocab_label(vocab, member.number, b"en"))
        assert nl and member.label("en")
    assert enum_cls.from_number(0) is None
    assert lib.veilig_vocab_code(vocab, 0) is None


def test_labels():
    assert Approach.ENFORCEMENT.label() == "handhaving en repressie"
    assert Approach.PREVENTION.label("nl") == "preventie"
    assert Category.DEESCALATION.label("en") == "de-escalation"
    assert MeasureStatus.ENDED.label() == "beëindigd"
    with pytest.raises(ValueError):
        Category.BYSTANDER.label("fr")


def test_category_usual_approach():
    lib = _capi.lib()
    for category in Category:
        assert category.approach.number == lib.veilig_category_approach(category.number)
    assert Category.VICTIM_SUPPORT.approach is Approach.SUPPORT
    assert Category.REPORTING.approach is Approach.SIGNALLING
    assert Category.RESEARCH.approach is Approach.SIGNALLING
    assert Category.ENFORCEMENT.approach is Approach.ENFORCEMENT
    assert Category.BYSTANDER.approach is Approach.PREVENTION


def test_coerce():
    assert Role.coerce("executing") is Role.EXECUTING
    assert Role.coerce(Role.FUNDING) is Role.FUNDING
    with pytest.raises(ValueError, match="known"):
        Role.coerce("boss")
    with pytest.raises(TypeError):
        Role.coerce(1)
    with pytest.raises(TypeError):
        Role.coerce(Approach.PREVENTION)
    assert StakeholderKind("other") is StakeholderKind.OTHER


def test_unknown_codes_read_as_str_and_are_kept(rich):
    m = rich[0]
    assert m.target_groups[-1] == "time_travellers"
    assert type(m.target_groups[-1]) is str
    flashmob = m.find_measure("flashmob")
    assert flashmob.category == "performance_art"
    assert flashmob.approach == "joy" and flashmob.approach_explicit == "joy"
    assert flashmob.status == "paused" and flashmob.evidence == "anecdotal"
    assert m.stakeholders[-1].kind == "secret_society"
    assert m.stakeholders[-1].roles == ["lurking"]
    assert "time_travellers" in rich.dumps()
    rules = {(d.rule, d.pointer) for d in rich.validate()}
    assert ("V013", "/municipalities/0/measures/2/category") in rules


def test_vocab_setters(rich):
    m = rich[0]
    ms = m.find_measure("meldapp")
    ms.category = Category.CAMPAIGN
    assert ms.category is Category.CAMPAIGN
    ms.category = "bystander"
    assert ms.category is Category.BYSTANDER
    assert ms.approach_explicit is None and ms.approach is Approach.PREVENTION
    ms.approach = "support"
    assert ms.approach is Approach.SUPPORT and ms.approach_explicit is Approach.SUPPORT
    ms.approach = None
    assert ms.approach_explicit is None and ms.approach is Approach.PREVENTION
    ms.status = None
    assert ms.status is None
    with pytest.raises(ValueError):
        ms.status = "paused"     # unknown codes cannot be set
    with pytest.raises(TypeError):
        ms.status = 3
    flashmob = m.find_measure("flashmob")
    flashmob.category = "lgbti"
    assert flashmob.category is Category.LGBTI
    m.target_groups = ["youth", TargetGroup.STUDENTS]
    assert m.target_groups == [TargetGroup.YOUTH, TargetGroup.STUDENTS]
    m.target_groups = "everyone"
    assert m.target_groups == [TargetGroup.EVERYONE]
    before = m.settings
    with pytest.raises(ValueError):
        m.settings = ["online", "online"]
    with pytest.raises(ValueError):
        m.settings = ["online", "metaverse"]
    assert m.settings == before
    m.settings = []
    assert m.settings == []
