"""The objects of a registry: Municipality, Measure, Stakeholder and the rest,
declared with the field descriptors of _fields.py.

The analyses and renderings of a municipality or indicator (``m.profile()``,
``m.render()``, ...) are not written here: veilig.methods holds them and the
package's __init__ attaches them (methods.install()), so that this layer
imports nothing above it."""

from __future__ import annotations

import json
from ctypes import byref, c_int64, c_void_p
from decimal import Decimal
from typing import (TYPE_CHECKING, Any, ClassVar, Dict, Iterable, List, Mapping, Optional, Tuple,
                    Union)

from . import _capi
from .dates import (DateLike, PartialDate, cents_to_decimal, decimal_to_cents, minutes_to_text,
                    text_to_minutes)
from .vocab import (Approach, Category, Day, Daypart, Direction, Evidence, LinkKind, LinkRelation,
                    MeasureStatus, MembershipStatus, ResultLevel, Role, Setting, StakeholderKind,
                    TargetGroup, Unit)

from ._fields import (Amount, _Children, _Date, _Double, _Node, _Single, _Str, _StrList, _Vocab,
                      _VocabList, _dec, _enc, _json_key, _json_text, _lib, _save_options,
                      _to_cdate, _from_cdate)

if TYPE_CHECKING:  # pragma: no cover
    # Typing only: the methods veilig.methods attaches at import (m.profile(),
    # m.render(), ...) are named here as bases for type checkers; at run time
    # the base is _Node alone and nothing above this layer is imported.
    from .methods import IndicatorMethods, MunicipalityMethods

    class _IndicatorBase(_Node, IndicatorMethods):
        __slots__ = ()

    class _MunicipalityBase(_Node, MunicipalityMethods):
        __slots__ = ()
else:
    _IndicatorBase = _MunicipalityBase = _Node

class Observation(_Node):
    """An observation of an indicator: a value at a date."""

    __slots__ = ()
    _NOUN = "observation"

    date = _Date(removable=False, doc="When (a PartialDate); required.")
    value = _Double(clearable=False, doc="The value observed (float), or None.")
    source = _Str[Optional[str]](doc="Where it comes from, or None.")
    note = _Str[Optional[str]](doc="A note, or None.")

    @property
    def indicator(self) -> "Indicator":
        """The indicator it belongs to."""
        return self._parent  # type: ignore[no-any-return]

    def _describe(self) -> str:
        return "%s = %r" % (self.date, self.value)


class Indicator(_IndicatorBase):
    """An indicator of a municipality (after the IATI results model)."""

    __slots__ = ()
    _NOUN = "indicator"
    _ADDERS = {"observations": "add_observation"}

    id = _Str[str](required=True, doc="The id, unique within the municipality.")
    name = _Str[str](required=True, doc="What it measures.")
    level = _Vocab(ResultLevel, doc="Output, outcome or impact (ResultLevel).")
    unit = _Vocab(Unit, doc="The unit of its values (Unit).")
    direction = _Vocab(Direction, doc="Which way is better (Direction).")
    baseline_date = _Date(doc="The date of the baseline (PartialDate), or None.")
    baseline_value = _Double(doc="The baseline value (float), or None.")
    baseline_note = _Str[Optional[str]](doc="About the baseline, or None.")
    target_date = _Date(doc="When the target should be reached (PartialDate), or None.")
    target_value = _Double(doc="The target value (float), or None.")
    observations = _Children(Observation, "observation",
                             doc="The observations, in document order.")

    @property
    def municipality(self) -> "Municipality":
        """The municipality it belongs to."""
        return self._parent  # type: ignore[no-any-return]

    def add_observation(self, date: DateLike, value: float, **fields: Any) -> Observation:
        """Appends an observation (source=, note= may be given too)."""
        cdate = _to_cdate(date)
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise TypeError("an observation's value must be a number")
        return Indicator.observations.add(self, (cdate, float(value)), fields)

    def remove_observation(self, item: Union[Observation, int]) -> None:
        """Removes an observation (the object or its index)."""
        Indicator.observations.remove(self, item)

    def _describe(self) -> str:
        return "%r of %s" % (self.id, self._parent.code)


class Window(_Node):
    """A time window of a measure's schedule: days, and hours or dayparts."""

    __slots__ = ()
    _NOUN = "window"

    days = _VocabList(Day, "day", doc="The days of the week (Day members).")
    dayparts = _VocabList(Daypart, "daypart",
                          doc="The parts of the day (Daypart members), for windows without hours.")
    note = _Str[Optional[str]](doc="The source's own words, or None.")

    @property
    def from_minutes(self) -> Optional[int]:
        """The start in minutes after midnight, or None without hours."""
        value = _lib().veilig_window_from(self._p())
        return None if value < 0 else int(value)

    @property
    def to_minutes(self) -> Optional[int]:
        """The end in minutes after midnight (1440 is 24:00), or None."""
        value = _lib().veilig_window_to(self._p())
        return None if value < 0 else int(value)

    @property
    def from_(self) -> Optional[str]:
        """The start as ``"HH:MM"`` (the format's ``from``), or None."""
        value = self.from_minutes
        return None if value is None else minutes_to_text(value)

    @property
    def to(self) -> Optional[str]:
        """The end as ``"HH:MM"`` (``"24:00"`` possible), or None. Before
        ``from_`` when the window runs past midnight."""
        value = self.to_minutes
        return None if value is None else minutes_to_text(value)

    @property
    def hours(self) -> Optional[Tuple[str, str]]:
        """``(from_, to)`` as ``"HH:MM"`` texts, or None. Assign a pair of
        texts, datetime.time or minutes, or None to remove the hours."""
        start, end = self.from_, self.to
        return None if start is None or end is None else (start, end)

    @hours.setter
    def hours(self, value: Optional[Tuple[Any, Any]]) -> None:
        if value is None:
            self.set_hours(None, None)
        else:
            start, end = value
            self.set_hours(start, end)

    def set_hours(self, from_: Any, to: Any) -> None:
        """Sets the hours (``"22:00"``, ``"04:00"``: past midnight), or removes
        them with None, None."""
        if from_ is None and to is None:
            _lib().veilig_window_set_hours(self._p(), -1, -1)
            return
        if from_ is None or to is None:
            raise ValueError("a window's hours need both from_ and to")
        _lib().veilig_window_set_hours(self._p(), text_to_minutes(from_, "from_"),
                                       text_to_minutes(to, "to"))

    @property
    def overnight(self) -> bool:
        """Whether the window runs past midnight (its end is before its start)."""
        start, end = self.from_minutes, self.to_minutes
        return start is not None and end is not None and end < start

    @property
    def measure(self) -> "Measure":
        """The measure whose schedule it belongs to."""
        return self._parent  # type: ignore[no-any-return]

    def _describe(self) -> str:
        days = ",".join(str(d) for d in self.days)
        when = "%s-%s" % self.hours if self.hours else ",".join(str(d) for d in self.dayparts)
        return "%s %s" % (days, when)


class Partner(_Node):
    """A stakeholder that carries a measure, with its role."""

    __slots__ = ()
    _NOUN = "partner"

    stakeholder = _Str[str](required=True, doc="The stakeholder's id.")
    role = _Vocab(Role, doc="Its role in the measure (Role), or None.")
    note = _Str[Optional[str]](doc="The source's own words, or None.")

    @property
    def measure(self) -> "Measure":
        """The measure it carries."""
        return self._parent  # type: ignore[no-any-return]

    def find_stakeholder(self) -> Optional["Stakeholder"]:
        """The municipality's Stakeholder with this id, or None."""
        return self._parent._parent.find_stakeholder(self.stakeholder)  # type: ignore

    def _describe(self) -> str:
        return "%r (%s)" % (self.stakeholder, self.role)


class Measure(_Node):
    """A measure of a municipality's approach."""

    __slots__ = ()
    _NOUN = "measure"
    _ADDERS = {"schedule": "add_window", "partners": "add_partner"}
    _FIRST = ("budget",)

    id = _Str[str](required=True, doc="The id, unique within the municipality ([a-z0-9-]+).")
    name = _Str[str](required=True, doc="The name.")
    description = _Str[Optional[str]](doc="What it does, or None.")
    category = _Vocab(Category, doc="The category (Category).")
    approach = _Vocab(Approach, doc=(
        "The approach (Approach): the stated one, or the category's usual approach "
        "when none is stated (see approach_explicit). Assign None to remove the stated one."))
    approach_explicit = _Vocab(Approach, "approach", explicit=True, readonly=True,
                               doc="The approach as stated in the document, or None.")
    target_groups = _VocabList(TargetGroup, "target_group",
                               doc="The target groups it serves (TargetGroup).")
    settings = _VocabList(Setting, "setting", doc="The settings it works in (Setting).")
    area_name = _Str[Optional[str]](doc="The area it works in (area.name), or None.")
    area_note = _Str[Optional[str]](doc="The source's words about the area (area.note), or None.")
    schedule = _Children(Window, "window", doc="When it runs: a list of Window.")
    partners = _Children(Partner, "partner", doc="The stakeholders that carry it (Partner).")
    status = _Vocab(MeasureStatus, doc="Its state (MeasureStatus), or None.")
    period_start = _Date(doc="When it started (PartialDate), or None.")
    period_end = _Date(doc="When it ends or ended (PartialDate), or None.")
    evidence = _Vocab(Evidence, doc="Its evidence level (Evidence), or None.")
    indicators = _StrList("indicator", doc="The ids of the municipality's indicators it serves.")

    @property
    def municipality(self) -> "Municipality":
        """The municipality it belongs to."""
        return self._parent  # type: ignore[no-any-return]

    @property
    def budget_cents(self) -> Optional[int]:
        """The budget in whole cents, or None."""
        value = c_int64()
        if _lib().veilig_measure_budget_cents(byref(value), self._p()) == _capi.ENOTFOUND:
            return None
        return int(value.value)

    @property
    def budget(self) -> Optional[Decimal]:
        """The budget as a Decimal (``Decimal("12500.50")``), or None. Assign an
        amount (Decimal, int, str or float; at most two decimals) to set it,
        keeping its currency (EUR for a new budget) and period, or None to
        remove the budget with its period."""
        cents = self.budget_cents
        return None if cents is None else cents_to_decimal(cents)

    @budget.setter
    def budget(self, amount: Optional[Amount]) -> None:
        if amount is None:
            self.clear_budget()
        else:
            self.set_budget(amount, self.budget_currency)

    @property
    def budget_currency(self) -> Optional[str]:
        """The budget's currency (ISO 4217, ``"EUR"``), or None without a budget."""
        return _dec(_lib().veilig_measure_budget_currency(self._p()))

    @budget_currency.setter
    def budget_currency(self, currency: str) -> None:
        cents = self.budget_cents
        if cents is None:
            raise ValueError("set a budget before its currency")
        _lib().veilig_measure_set_budget(self._p(), cents, _enc(currency, "currency"))

    def _budget_date(self, which: str) -> Optional[PartialDate]:
        d = _capi.CDate()
        func = getattr(_lib(), "veilig_measure_budget_" + which)
        if func(byref(d), self._p()) == _capi.ENOTFOUND:
            return None
        return _from_cdate(d)

    @property
    def budget_start(self) -> Optional[PartialDate]:
        """The start of the period the budget covers, or None."""
        return self._budget_date("start")

    @budget_start.setter
    def budget_start(self, value: Optional[DateLike]) -> None:
        self.set_budget_period(value, self.budget_end)

    @property
    def budget_end(self) -> Optional[PartialDate]:
        """The end of the period the budget covers, or None."""
        return self._budget_date("end")

    @budget_end.setter
    def budget_end(self, value: Optional[DateLike]) -> None:
        self.set_budget_period(self.budget_start, value)

    def set_budget(self, amount: Amount, currency: Optional[str] = None,
                   start: Optional[DateLike] = None, end: Optional[DateLike] = None) -> None:
        """Sets the budget: an amount with at most two decimals, a currency
        (three letters; None for EUR) and, when given, its period."""
        cents = decimal_to_cents(amount)
        _lib().veilig_measure_set_budget(self._p(), cents, _enc(currency, "currency"))
        if start is not None or end is not None:
            self.set_budget_period(start, end)

    def set_budget_period(self, start: Optional[DateLike], end: Optional[DateLike]) -> None:
        """Sets the period the budget covers (either may be None)."""
        _lib().veilig_measure_set_budget_period(self._p(), _to_cdate(start), _to_cdate(end))

    def clear_budget(self) -> None:
        """Removes the budget and its period."""
        _lib().veilig_measure_clear_budget(self._p())

    def add_window(self, days: Iterable[Union[Day, str]] = (), *,
                   dayparts: Iterable[Union[Daypart, str]] = (), from_: Any = None,
                   to: Any = None, note: Optional[str] = None) -> Window:
        """Appends a window to the schedule: days, and hours (``from_="22:00",
        to="04:00"``) or dayparts."""
        fields: Dict[str, Any] = {"days": list(days), "dayparts": list(dayparts)}
        if note is not None:
            fields["note"] = note
        if from_ is not None or to is not None:
            fields["hours"] = (from_, to)
        return Measure.schedule.add(self, (), fields)

    def remove_window(self, item: Union[Window, int]) -> None:
        """Removes a window (the object or its index)."""
        Measure.schedule.remove(self, item)

    def add_partner(self, stakeholder: str, role: Union[Role, str, None] = None,
                    **fields: Any) -> Partner:
        """Appends a partner: the stakeholder's id and its role (None: no
        role; note= too)."""
        number = 0 if role is None else Role.coerce(role, "Partner.role").number
        return Measure.partners.add(self, (_enc(stakeholder, "stakeholder"), number), fields)

    def remove_partner(self, item: Union[Partner, int]) -> None:
        """Removes a partner (the object or its index)."""
        Measure.partners.remove(self, item)

    def is_active(self, on: Optional[DateLike] = None) -> bool:
        """Whether the analyses count it as active: unless its status is
        "ended" or "planned" and, given a date on, unless its period starts
        after or ends before it (a partial date covers its whole year or
        month). See docs/analysis.md."""
        return bool(_lib().veilig_measure_is_active(self._p(), _to_cdate(on)))

    def find_indicators(self) -> List[Indicator]:
        """The municipality's Indicator objects of ``indicators`` (ids without
        an indicator are left out)."""
        found = (self._parent.find_indicator(i) for i in self.indicators)
        return [i for i in found if i is not None]

    def dumps(self, *, omit_personal: bool = False, compact: bool = False,
              ascii: bool = False) -> str:
        """The measure as a JSON object, as in a document."""
        return _capi.take_string(_lib().veilig_measure_to_json, self._p(),
                                 _save_options(omit_personal, compact, ascii), _capi.ErrorRecord())

    def to_dict(self) -> Dict[str, Any]:
        """The measure as a dict, as in a document."""
        return json.loads(self.dumps(compact=True))  # type: ignore[no-any-return]

    def _describe(self) -> str:
        return "%r (%s) of %s" % (self.id, self.category, self._parent.code)


class Source(_Node):
    """Where facts come from."""

    __slots__ = ()
    _NOUN = "source"

    title = _Str[str](required=True, doc="The title of the page or document.")
    publisher = _Str[Optional[str]](doc="Who published it, or None.")
    url = _Str[Optional[str]](doc="Its address, or None.")
    retrieved = _Date(doc="When it was read (PartialDate), or None.")

    def _describe(self) -> str:
        return repr(self.title)


class Contact(_Node):
    """A contact of a municipality (or the programme's contact)."""

    __slots__ = ()
    _NOUN = "contact"

    stakeholder = _Str[Optional[str]](doc="The id of the stakeholder it belongs to, or None.")
    role = _Vocab(Role, doc="The contact's role (Role), or None.")
    name = _Str[Optional[str]](doc="The name of the person or desk, or None.")
    phone = _Str[Optional[str]](doc="The phone number, as written, or None.")
    email = _Str[Optional[str]](doc="The e-mail address, or None.")

    @property
    def personal(self) -> bool:
        """Whether this is data about a natural person (exports can leave it out)."""
        return bool(_lib().veilig_contact_personal(self._p()))

    @personal.setter
    def personal(self, value: bool) -> None:
        _lib().veilig_contact_set_personal(self._p(), 1 if value else 0)

    def find_stakeholder(self) -> Optional["Stakeholder"]:
        """The municipality's Stakeholder of ``stakeholder``, or None."""
        key = self.stakeholder
        if key is None or not isinstance(self._parent, Municipality):
            return None
        return self._parent.find_stakeholder(key)

    def _describe(self) -> str:
        return repr(self.name)


class Stakeholder(_Node):
    """A department or organisation involved in a municipality's approach."""

    __slots__ = ()
    _NOUN = "stakeholder"

    id = _Str[str](required=True, doc="The id, unique within the municipality.")
    name = _Str[str](required=True, doc="The name.")
    kind = _Vocab(StakeholderKind, doc="The kind (StakeholderKind).")
    roles = _VocabList(Role, "role", doc="Its roles in the approach (Role).")
    parent = _Str[Optional[str]](doc="The id of the stakeholder it is part of, or None.")
    note = _Str[Optional[str]](doc="The source's own words, or None.")

    @property
    def municipality(self) -> "Municipality":
        """The municipality it belongs to."""
        return self._parent  # type: ignore[no-any-return]

    def measures(self) -> List[Measure]:
        """The municipality's measures that name this stakeholder as a partner."""
        key = self.id
        return [ms for ms in self._parent.measures
                if any(pa.stakeholder == key for pa in ms.partners)]

    def _describe(self) -> str:
        return "%r of %s" % (self.id, self._parent.code)


class PolicyLink(_Node):
    """A link to other policy, a programme, a network or a law."""

    __slots__ = ()
    _NOUN = "policy_link"

    name = _Str[str](required=True, doc="The policy, programme, network or law.")
    kind = _Vocab(LinkKind, doc="What it is (LinkKind), or None.")
    relation = _Vocab(LinkRelation, doc="How the approach relates to it (LinkRelation), or None.")
    note = _Str[Optional[str]](doc="The source's own words, or None.")

    def _describe(self) -> str:
        return repr(self.name)


class Exclusion(_Node):
    """An approach a municipality says it does not pursue now, with the reason."""

    __slots__ = ()
    _NOUN = "exclusion"

    approach = _Vocab(Approach, doc="The approach (Approach).")
    reason = _Str[Optional[str]](doc="Why not, or None.")

    def _describe(self) -> str:
        return str(self.approach)


class Membership:
    """A municipality's membership of the programme: a live view, whose
    fields read and write the municipality (``joined``, ``start`` and ``end``
    of its period, ``status`` and ``note``)."""

    __slots__ = ("_m",)
    _NOUN = "municipality"

    joined = _Date("membership_joined", doc="When it joined (PartialDate), or None.")
    start = _Date("membership_start", doc="The start of its programme period, or None.")
    end = _Date("membership_end", doc="The end of its programme period, or None.")
    status = _Vocab(MembershipStatus, "membership_status",
                    doc="Its membership state (MembershipStatus), or None.")
    note = _Str[Optional[str]]("membership_note",
                               doc="The source's own words about its membership, or None.")

    FIELDS: ClassVar[Tuple[str, ...]] = ("joined", "start", "end", "status", "note")

    def __init__(self, municipality: "Municipality") -> None:
        self._m = municipality

    def _p(self) -> int:
        return self._m._p()

    def as_dict(self) -> Dict[str, Any]:
        """The five fields as a dict."""
        return {name: getattr(self, name) for name in self.FIELDS}

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Membership):
            return self.as_dict() == other.as_dict()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join("%s=%r" % kv for kv in self.as_dict().items() if kv[1] is not None)
        return "Membership(%s)" % fields


class Municipality(_MunicipalityBase):
    """A municipality and its approach."""

    __slots__ = ()
    _NOUN = "municipality"
    _ADDERS = {"excluded": "add_exclusion", "policy_links": "add_policy_link",
               "stakeholders": "add_stakeholder", "contacts": "add_contact",
               "measures": "add_measure", "indicators": "add_indicator",
               "sources": "add_source"}

    code = _Str[str](required=True, doc='The CBS code, "GM" and four digits ("GM0153").')
    name = _Str[str](required=True, doc='The common name ("Enschede").')
    official_name = _Str[Optional[str]](doc="The official name, or None.")
    province = _Str[Optional[str]](doc='The province, ISO 3166-2 ("NL-OV"), or None.')
    summary = _Str[Optional[str]](doc="The one-line summary, or None.")
    ambition = _Str[Optional[str]](doc="The ambition text, or None.")
    target_groups = _VocabList(TargetGroup, "target_group",
                               doc="The target groups of its scope (TargetGroup).")
    settings = _VocabList(Setting, "setting", doc="The settings of its scope (Setting).")
    focus = _VocabList(Approach, "focus", doc="The approaches it puts first (Approach).")
    excluded = _Children(Exclusion, "exclusion",
                         doc="Approaches it does not pursue now (Exclusion).")
    policy_links = _Children(PolicyLink, "policy_link", doc="Links to other policy (PolicyLink).")
    stakeholders = _Children(Stakeholder, "stakeholder", keyed=True,
                             doc="The departments and organisations involved (Stakeholder).")
    contacts = _Children(Contact, "contact", doc="The contacts (Contact).")
    measures = _Children(Measure, "measure", keyed=True, doc="The measures (Measure).")
    indicators = _Children(Indicator, "indicator", keyed=True, doc="The indicators (Indicator).")
    sources = _Children(Source, "source", doc="Where the facts come from (Source).")

    @property
    def membership(self) -> Membership:
        """Its membership of the programme (a live Membership view). Assign a
        dict (or another Membership) of its fields to set them all, absent
        ones removed, or None to remove them all."""
        return Membership(self)

    @membership.setter
    def membership(self, value: Union[Mapping[str, Any], Membership, None]) -> None:
        if isinstance(value, Membership):
            value = value.as_dict()
        value = dict(value or {})
        unknown = set(value) - set(Membership.FIELDS)
        if unknown:
            raise TypeError("unknown membership fields: %s" % ", ".join(sorted(unknown)))
        view = Membership(self)
        for name in Membership.FIELDS:
            setattr(view, name, value.get(name))

    # look-ups

    def find_measure(self, id: str) -> Optional[Measure]:
        """The measure with this id, or None."""
        return Municipality.measures.find(self, id)

    def find_stakeholder(self, id: str) -> Optional[Stakeholder]:
        """The stakeholder with this id, or None."""
        return Municipality.stakeholders.find(self, id)

    def find_indicator(self, id: str) -> Optional[Indicator]:
        """The indicator with this id, or None."""
        return Municipality.indicators.find(self, id)

    # building

    def add_measure(self, id: str, name: str, category: Union[Category, str],
                    **fields: Any) -> Measure:
        """Appends a measure with id, name and category; any other field of
        Measure may be given by name (``description=``, ``budget=``,
        ``target_groups=[...]``, ``schedule=[{"days": [...], "from": "22:00",
        "to": "04:00"}]``, ``partners=[("ggd", "executing")]``, ...). On
        failure nothing is added. ExistsError when the id is taken.

        An unknown category code (or any other invalid field) is refused at
        once, as add_measure_json refuses it: an InvalidArgumentError (a
        ValueError) that names the field and the code it may have meant."""
        number = Category.coerce(category, "Measure.category").number
        return Municipality.measures.add(self, (_enc(id, "id"), _enc(name, "name"), number),
                                         fields)

    def add_measure_json(self, doc: Union[Mapping[str, Any], str, bytes],
                         replace: bool = False, as_loaded: bool = False) -> Measure:
        """Adds a measure given as a JSON object (a dict, or its text). With
        replace=True a measure with the same id is replaced where it stands
        (its Measure object follows; see the module's notes on staleness);
        otherwise that is an ExistsError. An unknown vocabulary code is an
        InvalidArgumentError, unless as_loaded=True, which accepts it as
        loading does and leaves it to validate(). On failure nothing changes."""
        text = _json_text(doc)
        p = self._p()
        old = None
        if replace:
            key = _json_key(doc, "id")
            old = _lib().veilig_municipality_find_measure(p, _enc(key)) if key else None
        prepared = self._reg._prepare_replace(Measure, old)
        out = c_void_p()
        _lib().veilig_municipality_add_measure_json(
            byref(out), p, text, len(text),
            (_capi.ADD_REPLACE if replace else 0) | (_capi.ADD_AS_LOADED if as_loaded else 0),
            _capi.ErrorRecord())
        if old and old != out.value:
            self._reg._replaced(prepared, out.value)
        return self._reg._wrap(Measure, out.value, self, Municipality.measures)

    def remove_measure(self, item: Union[Measure, str, int]) -> None:
        """Removes a measure (the object, its id or its index); its objects become stale."""
        Municipality.measures.remove(self, item)

    def add_stakeholder(self, id: str, name: str, kind: Union[StakeholderKind, str],
                        **fields: Any) -> Stakeholder:
        """Appends a stakeholder (``roles=[...]``, ``parent=``, ``note=`` too)."""
        number = StakeholderKind.coerce(kind, "Stakeholder.kind").number
        return Municipality.stakeholders.add(
            self, (_enc(id, "id"), _enc(name, "name"), number), fields)

    def remove_stakeholder(self, item: Union[Stakeholder, str, int]) -> None:
        """Removes a stakeholder (the object, its id or its index)."""
        Municipality.stakeholders.remove(self, item)

    def add_indicator(self, id: str, name: str, **fields: Any) -> Indicator:
        """Appends an indicator (``level=``, ``unit=``, ``baseline_value=``,
        ``observations=[("2023", 41.0)]``, ... too)."""
        return Municipality.indicators.add(self, (_enc(id, "id"), _enc(name, "name")), fields)

    def remove_indicator(self, item: Union[Indicator, str, int]) -> None:
        """Removes an indicator (the object, its id or its index)."""
        Municipality.indicators.remove(self, item)

    def add_exclusion(self, approach: Union[Approach, str], reason: Optional[str] = None
                      ) -> Exclusion:
        """Appends an approach it does not pursue now, with the reason."""
        number = Approach.coerce(approach, "Exclusion.approach").number
        return Municipality.excluded.add(self, (number, _enc(reason, "reason")), {})

    def remove_exclusion(self, item: Union[Exclusion, int]) -> None:
        """Removes an exclusion (the object or its index)."""
        Municipality.excluded.remove(self, item)

    def add_policy_link(self, name: str, **fields: Any) -> PolicyLink:
        """Appends a policy link (``kind=``, ``relation=``, ``note=`` too)."""
        return Municipality.policy_links.add(self, (_enc(name, "name"),), fields)

    def remove_policy_link(self, item: Union[PolicyLink, int]) -> None:
        """Removes a policy link (the object or its index)."""
        Municipality.policy_links.remove(self, item)

    def add_contact(self, **fields: Any) -> Contact:
        """Appends a contact with the given fields (``name=``, ``role=``, ``email=``, ...)."""
        return Municipality.contacts.add(self, (), fields)

    def remove_contact(self, item: Union[Contact, int]) -> None:
        """Removes a contact (the object or its index)."""
        Municipality.contacts.remove(self, item)

    def add_source(self, title: str, **fields: Any) -> Source:
        """Appends a source (``publisher=``, ``url=``, ``retrieved=`` too)."""
        return Municipality.sources.add(self, (_enc(title, "title"),), fields)

    def remove_source(self, item: Union[Source, int]) -> None:
        """Removes a source (the object or its index)."""
        Municipality.sources.remove(self, item)

    # writing

    def dumps(self, *, omit_personal: bool = False, compact: bool = False,
              ascii: bool = False) -> str:
        """The municipality as a JSON object, as in a document."""
        return _capi.take_string(_lib().veilig_municipality_to_json, self._p(),
                                 _save_options(omit_personal, compact, ascii), _capi.ErrorRecord())

    def to_dict(self, *, omit_personal: bool = False) -> Dict[str, Any]:
        """The municipality as a dict, as in a document."""
        return json.loads(  # type: ignore[no-any-return]
            self.dumps(omit_personal=omit_personal, compact=True))

    def _describe(self) -> str:
        return "%s %r" % (self.code, self.name)


class Programme(_Node):
    """The programme block: the national programme the municipalities take part in."""

    __slots__ = ()
    _NOUN = "programme"
    _ADDERS = {"sources": "add_source"}

    name = _Str[Optional[str]](doc='The programme\'s name ("Veilige Steden"), or None.')
    operator = _Str[Optional[str]](doc='The organisation that runs it ("Movisie"), or None.')
    contact = _Single(Contact, "veilig_programme_contact",
                      doc="The programme's public contact (Contact), or None.")
    sources = _Children(Source, "source", doc="Where the facts about it come from (Source).")

    def set_contact(self, **fields: Any) -> Contact:
        """Gives the programme a new contact with these fields (replacing any;
        an old Contact object becomes stale)."""
        old = _lib().veilig_programme_contact(self._p())
        out = c_void_p()
        _lib().veilig_programme_set_contact(byref(out), self._p())
        if old:
            self._reg._kill(Contact, old)
        contact = self._reg._wrap(Contact, out.value, self, Programme.contact)
        contact._apply(fields)
        return contact

    def clear_contact(self) -> None:
        """Removes the contact (its Contact object becomes stale)."""
        old = _lib().veilig_programme_contact(self._p())
        _lib().veilig_programme_clear_contact(self._p())
        if old:
            self._reg._kill(Contact, old)

    def add_source(self, title: str, **fields: Any) -> Source:
        """Appends a source (``publisher=``, ``url=``, ``retrieved=`` too)."""
        return Programme.sources.add(self, (_enc(title, "title"),), fields)

    def remove_source(self, item: Union[Source, int]) -> None:
        """Removes a source (the object or its index)."""
        Programme.sources.remove(self, item)

    def _describe(self) -> str:
        return repr(self.name)
