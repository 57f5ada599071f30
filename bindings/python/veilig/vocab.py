"""The controlled vocabularies of the document format, as enums.

Each vocabulary is an :class:`enum.Enum` subclass whose members have the
code as their value (``Category("bystander") is Category.BYSTANDER``), the
C library's number as ``.number``, and Dutch and English labels from the C
library's tables through ``.label("nl")`` / ``.label("en")``. ``str()`` of a
member is its code.

The members are written out here (so they exist without loading the library
and type checkers see them); the test suite checks that they agree with the
C library's tables (``veilig_vocab_*``).

Properties of the model that hold a vocabulary value return the member, or,
for a code this version does not know (a document from a newer version), the
code as stored, as a plain ``str``; ``None`` when the value is absent.
"""

from __future__ import annotations

import enum
from typing import ClassVar, List, Optional, Type, TypeVar, Union

from . import _capi
from .errors import invalid_argument

__all__ = ["VocabEnum", "Approach", "Category", "TargetGroup", "Setting", "StakeholderKind",
           "Role", "LinkKind", "LinkRelation", "MembershipStatus", "MeasureStatus", "Evidence",
           "ResultLevel", "Unit", "Direction", "Day", "Daypart", "VOCABULARIES"]

E = TypeVar("E", bound="VocabEnum")


class VocabEnum(enum.Enum):
    """Base class of the vocabularies: value = code, ``.number`` = C value."""

    #: The vocabulary's number in the C library (veilig_vocab).
    __vocab__: ClassVar[int] = 0

    _number: int

    def __new__(cls, code: str, number: int) -> "VocabEnum":
        member = object.__new__(cls)
        member._value_ = code
        member._number = number
        return member

    @property
    def code(self) -> str:
        """The code as written in documents (``"bystander"``)."""
        return str(self._value_)

    @property
    def number(self) -> int:
        """The value of the C enum (``VEILIG_CATEGORY_BYSTANDER`` is 6)."""
        return self._number

    def label(self, lang: str = "nl") -> str:
        """The label the reports use: ``"nl"`` (Dutch, the default) or ``"en"``."""
        text = _capi.lib().veilig_vocab_label(self.__vocab__, self._number,
                                              _capi.encode(lang, "lang"))
        if text is None:
            raise ValueError("no labels in language %r (use 'nl' or 'en')" % (lang,))
        return str(text.decode("utf-8"))

    def __str__(self) -> str:
        return self.code

    @classmethod
    def vocabulary(cls) -> str:
        """The vocabulary's name in the format reference (``"target_group"``)."""
        return _capi.decode(_capi.lib().veilig_vocab_name(cls.__vocab__)) or ""

    @classmethod
    def from_number(cls: Type[E], number: int) -> Optional[E]:
        """The member for a C value, or None for 0 (``_OTHER``) and unknown values."""
        for member in cls:
            if member._number == number:
                return member
        return None

    @classmethod
    def coerce(cls: Type[E], value: Union[E, str], field: Optional[str] = None) -> E:
        """A member from a member or a code. An unknown code is an
        InvalidArgumentError (a ValueError) that names field (when given), the
        code and the code it may have meant ("did you mean 'x'?",
        veilig_vocab_suggest), else the known codes: building refuses at once."""
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            member = cls._value2member_map_.get(value)
            if member is not None:
                return member  # type: ignore[return-value]
            raise invalid_argument(cls.unknown_code_message(value, field))
        raise TypeError("expected a %s or its code, not %s"
                        % (cls.__name__, type(value).__name__))

    @classmethod
    def unknown_code_message(cls, code: str, field: Optional[str] = None) -> str:
        """``field: unknown <vocabulary> code 'x' (did you mean 'y'?)``, or with
        the known codes when none is near."""
        suggestion = _capi.decode(_capi.lib().veilig_vocab_suggest(
            cls.__vocab__, _capi.encode(code, field or cls.vocabulary())))
        hint = ("did you mean %r?" % suggestion if suggestion
                else "known: %s" % ", ".join(m.code for m in cls))
        return "%sunknown %s code %r (%s)" % (field + ": " if field else "", cls.vocabulary(),
                                             code, hint)

    @classmethod
    def read(cls: Type[E], code: Optional[str]) -> Union[E, str, None]:
        """A stored code as the member, the code itself when unknown, None when absent."""
        if code is None:
            return None
        member = cls._value2member_map_.get(code)
        return member if member is not None else code  # type: ignore[return-value]


class Approach(VocabEnum):
    """Approaches: how a measure works."""

    __vocab__ = 1  # VEILIG_VOCAB_APPROACH

    PREVENTION = ("prevention", 1)  # preventie
    ENFORCEMENT = ("enforcement", 2)  # handhaving en repressie
    SUPPORT = ("support", 3)  # opvang en hulp
    SIGNALLING = ("signalling", 4)  # signalering en melden


class Category(VocabEnum):
    """Categories of measures."""

    __vocab__ = 2  # VEILIG_VOCAB_CATEGORY

    DEESCALATION = ("deescalation", 1)  # de-escalatie
    SUPERVISION = ("supervision", 2)  # toezicht
    CAMERA_SURVEILLANCE = ("camera_surveillance", 3)  # cameratoezicht
    CAMPAIGN = ("campaign", 4)  # campagne
    EDUCATION = ("education", 5)  # voorlichting en deskundigheidsbevordering
    BYSTANDER = ("bystander", 6)  # omstanders
    VICTIM_SUPPORT = ("victim_support", 7)  # slachtofferhulp
    REPORTING = ("reporting", 8)  # melden
    ENFORCEMENT = ("enforcement", 9)  # handhaving
    LGBTI = ("lgbti", 10)  # LHBTI+-aanpak
    PUBLIC_SPACE = ("public_space", 11)  # inrichting openbare ruimte
    NIGHTLIFE = ("nightlife", 12)  # uitgaan
    RESEARCH = ("research", 13)  # onderzoek en monitoring

    @property
    def approach(self) -> "Approach":
        """The category's usual approach (a measure without an explicit approach has it)."""
        value = Approach.from_number(_capi.lib().veilig_category_approach(self.number))
        assert value is not None
        return value


class TargetGroup(VocabEnum):
    """Target groups."""

    __vocab__ = 3  # VEILIG_VOCAB_TARGET_GROUP

    EVERYONE = ("everyone", 1)  # iedereen
    WOMEN_GIRLS = ("women_girls", 2)  # vrouwen en meisjes
    LGBTIQ = ("lgbtiq", 3)  # LHBTIQ+
    DISABILITY = ("disability", 4)  # mensen met een beperking
    STUDENTS = ("students", 5)  # studenten
    YOUTH = ("youth", 6)  # jongeren
    PUPILS = ("pupils", 7)  # scholieren
    NIGHTLIFE_VISITORS = ("nightlife_visitors", 8)  # uitgaanspubliek
    RESIDENTS = ("residents", 9)  # inwoners
    VISITORS = ("visitors", 10)  # bezoekers
    WORKERS = ("workers", 11)  # werknemers
    BYSTANDERS = ("bystanders", 12)  # omstanders
    PERPETRATORS = ("perpetrators", 13)  # plegers
    MEN_BOYS = ("men_boys", 14)  # mannen en jongens
    PROFESSIONALS = ("professionals", 15)  # professionals
    ENTREPRENEURS = ("entrepreneurs", 16)  # ondernemers


class Setting(VocabEnum):
    """Settings."""

    __vocab__ = 4  # VEILIG_VOCAB_SETTING

    PUBLIC_SPACE = ("public_space", 1)  # openbare ruimte
    NIGHTLIFE = ("nightlife", 2)  # uitgaan
    ONLINE = ("online", 3)  # online
    EDUCATION = ("education", 4)  # onderwijs
    WORK = ("work", 5)  # werk


class StakeholderKind(VocabEnum):
    """Kinds of stakeholders (the "kind" of a stakeholder)."""

    __vocab__ = 5  # VEILIG_VOCAB_STAKEHOLDER_TYPE

    MUNICIPAL_DEPARTMENT = ("municipal_department", 1)  # gemeentelijke afdeling
    POLICE = ("police", 2)  # politie
    PUBLIC_HEALTH = ("public_health", 3)  # GGD en gezondheid
    KNOWLEDGE_INSTITUTION = ("knowledge_institution", 4)  # kennisinstelling
    SCHOOL = ("school", 5)  # school
    CIVIL_SOCIETY = ("civil_society", 6)  # maatschappelijke organisatie
    BUSINESS = ("business", 7)  # ondernemers
    STUDENT_ASSOCIATION = ("student_association", 8)  # studentenvereniging
    COUNCIL = ("council", 9)  # gemeenteraad
    NATIONAL_BODY = ("national_body", 10)  # landelijke organisatie
    EXPERTISE_CENTRE = ("expertise_centre", 11)  # kenniscentrum
    OTHER = ("other", 12)  # overig


class Role(VocabEnum):
    """Roles of stakeholders."""

    __vocab__ = 6  # VEILIG_VOCAB_ROLE

    EXECUTING = ("executing", 1)  # uitvoerend
    CONTACT_POINT = ("contact_point", 2)  # aanspreekpunt
    SOUNDING_BOARD = ("sounding_board", 3)  # klankbordgroep
    PARTNER = ("partner", 4)  # samenwerkingspartner
    FUNDING = ("funding", 5)  # financier
    ACCOUNTABLE = ("accountable", 6)  # verantwoordelijk
    INVOLVED = ("involved", 7)  # betrokken


class LinkKind(VocabEnum):
    """Kinds of policy links."""

    __vocab__ = 7  # VEILIG_VOCAB_LINK_KIND

    POLICY = ("policy", 1)  # beleid
    PROGRAMME = ("programme", 2)  # programma
    NETWORK = ("network", 3)  # netwerk
    LAW = ("law", 4)  # wet


class LinkRelation(VocabEnum):
    """Relations of policy links."""

    __vocab__ = 8  # VEILIG_VOCAB_LINK_RELATION

    EMBEDDED_IN = ("embedded_in", 1)  # ingebed in
    ALIGNED_WITH = ("aligned_with", 2)  # sluit aan bij
    BUILDS_ON = ("builds_on", 3)  # bouwt voort op


class MembershipStatus(VocabEnum):
    """Programme membership states."""

    __vocab__ = 9  # VEILIG_VOCAB_MEMBERSHIP_STATUS

    ACTIVE = ("active", 1)  # actief
    FORMER = ("former", 2)  # voormalig
    UNKNOWN = ("unknown", 3)  # onbekend


class MeasureStatus(VocabEnum):
    """States of measures (the "status" of a measure)."""

    __vocab__ = 10  # VEILIG_VOCAB_MEASURE_STATE

    PLANNED = ("planned", 1)  # gepland
    ACTIVE = ("active", 2)  # actief
    ENDED = ("ended", 3)  # beëindigd
    UNKNOWN = ("unknown", 4)  # onbekend


class Evidence(VocabEnum):
    """Evidence levels (the Dutch recognition levels for interventions)."""

    __vocab__ = 11  # VEILIG_VOCAB_EVIDENCE

    UNKNOWN = ("unknown", 1)  # onbekend
    WELL_DESCRIBED = ("well_described", 2)  # goed beschreven
    WELL_FOUNDED = ("well_founded", 3)  # goed onderbouwd
    EFFECTIVE_FIRST = ("effective_first", 4)  # effectief volgens eerste aanwijzingen
    EFFECTIVE_GOOD = ("effective_good", 5)  # effectief volgens goede aanwijzingen
    EFFECTIVE_STRONG = ("effective_strong", 6)  # effectief volgens sterke aanwijzingen


class ResultLevel(VocabEnum):
    """Levels of indicators, after the IATI results model (the "level" of an indicator)."""

    __vocab__ = 12  # VEILIG_VOCAB_RESULT_LEVEL

    OUTPUT = ("output", 1)  # output
    OUTCOME = ("outcome", 2)  # uitkomst
    IMPACT = ("impact", 3)  # impact


class Unit(VocabEnum):
    """Units of indicators."""

    __vocab__ = 13  # VEILIG_VOCAB_UNIT

    COUNT = ("count", 1)  # aantal
    PERCENT = ("percent", 2)  # percentage
    SCORE = ("score", 3)  # score
    EURO = ("euro", 4)  # euro
    QUALITATIVE = ("qualitative", 5)  # kwalitatief


class Direction(VocabEnum):
    """Which way an indicator is better."""

    __vocab__ = 14  # VEILIG_VOCAB_DIRECTION

    INCREASE = ("increase", 1)  # stijgen
    DECREASE = ("decrease", 2)  # dalen


class Day(VocabEnum):
    """Days of the week."""

    __vocab__ = 15  # VEILIG_VOCAB_DAY

    MON = ("mon", 1)  # maandag
    TUE = ("tue", 2)  # dinsdag
    WED = ("wed", 3)  # woensdag
    THU = ("thu", 4)  # donderdag
    FRI = ("fri", 5)  # vrijdag
    SAT = ("sat", 6)  # zaterdag
    SUN = ("sun", 7)  # zondag


class Daypart(VocabEnum):
    """Parts of the day (morning 06-12, afternoon 12-18, evening 18-24, night 00-06)."""

    __vocab__ = 16  # VEILIG_VOCAB_DAYPART

    MORNING = ("morning", 1)  # ochtend
    AFTERNOON = ("afternoon", 2)  # middag
    EVENING = ("evening", 3)  # avond
    NIGHT = ("night", 4)  # nacht

#: Every vocabulary enum, in the order of the C library's veilig_vocab.
VOCABULARIES: List[Type[VocabEnum]] = [
    Approach, Category, TargetGroup, Setting, StakeholderKind, Role, LinkKind, LinkRelation,
    MembershipStatus, MeasureStatus, Evidence, ResultLevel, Unit, Direction, Day, Daypart]
