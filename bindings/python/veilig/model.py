"""The model: Registry, Municipality, Measure and the rest, over libveilig.

Lifetime. A :class:`Registry` owns the C registry and frees it when it is
closed (``close()``, the end of a ``with`` block) or garbage-collected. Every
object read from it (a :class:`Municipality`, :class:`Measure`, ...) holds a
reference to its parent object, and so to the registry: a measure keeps its
registry alive however the registry variable is dropped. Using any object of
a closed registry raises :class:`ValueError`.

Identity and staleness. The registry keeps one Python object per C object
alive at a time (a weak identity map), so ``reg[0] is reg["GM0153"]`` while
either is referenced. Objects never keep a pointer the C library has freed:

* removing an object (``reg.remove(m)``, ``m.remove_measure(ms)``, ...) marks
  its Python object, and those of everything in it, stale: using them raises
  :class:`veilig.StaleObjectError` (a ``ReferenceError``);
* replacing an object (``reg.add_json(doc, replace=True)``,
  ``m.add_measure_json(doc, replace=True)``) moves its Python object to the
  new C object, and so do the objects of the measures, stakeholders and
  indicators in it that the replacement has under the same id; the other
  objects in it (contacts, sources, windows, partners, observations, ...)
  become stale;
* closing the registry makes every object raise ValueError.

Vocabulary properties return the enum member, or the code as a plain ``str``
when this version of the library does not know it (None when absent). Date
properties return :class:`veilig.PartialDate`; budgets are
:class:`decimal.Decimal`; indicator values are floats.
"""

from __future__ import annotations

import json
import os
import threading
import weakref
from ctypes import byref, c_double, c_int64, c_size_t, c_void_p, string_at
from dataclasses import dataclass
from decimal import Decimal
import enum
from typing import (TYPE_CHECKING, Any, ClassVar, Dict, Generic, Iterable, Iterator,
                    List, Mapping, NoReturn, Optional, Sequence, Tuple, Type, TypeVar, Union,
                    cast, overload)

from . import _capi
from .dates import (DateLike, PartialDate, cents_to_decimal, decimal_to_cents,
                    minutes_to_text, text_to_minutes, to_partial_date)
from .errors import ExistsError, StaleObjectError
from .vocab import (Approach, Category, Day, Daypart, Direction, Evidence, LinkKind,
                    LinkRelation, MeasureStatus, MembershipStatus, ResultLevel, Role, Setting,
                    StakeholderKind, TargetGroup, Unit, VocabEnum)

if TYPE_CHECKING:  # pragma: no cover
    from os import PathLike

    from .analysis import (Comparison, Coverage, PeerList, Profile, Progress, ProgressList,
                           QueryResult, Schedule)

__all__ = ["Registry", "Programme", "Municipality", "Membership", "Exclusion", "PolicyLink",
           "Stakeholder", "Contact", "Source", "Measure", "Window", "Partner", "Indicator",
           "Observation", "Severity", "Diagnostic", "Rule", "load", "loads", "builtin",
           "builtin_json", "locate", "rules"]

T = TypeVar("T")
E = TypeVar("E", bound=VocabEnum)
N = TypeVar("N", bound="_Node")

Amount = Union[Decimal, int, str, float]


def _lib() -> Any:
    return _capi.lib()


_enc = _capi.encode
_dec = _capi.decode


def _to_cdate(value: Optional[DateLike]) -> Optional[_capi.CDate]:
    if value is None:
        return None
    d = to_partial_date(value)
    return _capi.CDate(d.year, d.month or 0, d.day or 0)


def _from_cdate(d: _capi.CDate) -> PartialDate:
    return PartialDate(d.year, d.month or None, d.day or None)


def _save_options(omit_personal: bool, compact: bool, ascii: bool) -> _capi.SaveOptions:
    flags = ((_capi.SAVE_OMIT_PERSONAL if omit_personal else 0)
             | (_capi.SAVE_COMPACT if compact else 0) | (_capi.SAVE_ASCII if ascii else 0))
    return _capi.SaveOptions(_capi.SAVE_OPTIONS_VERSION, flags)


def _json_text(doc: Union[Mapping[str, Any], str, bytes]) -> bytes:
    if isinstance(doc, bytes):
        return doc
    if isinstance(doc, str):
        return doc.encode("utf-8")
    if isinstance(doc, Mapping):
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    raise TypeError("expected a dict or JSON text, not %s" % type(doc).__name__)


def _json_key(doc: Union[Mapping[str, Any], str, bytes], key: str) -> Optional[str]:
    """doc[key] of a JSON object given as a dict or text, when it is a str."""
    if not isinstance(doc, Mapping):
        try:
            doc = json.loads(doc)
        except (ValueError, UnicodeDecodeError):
            return None
    value = doc.get(key) if isinstance(doc, Mapping) else None
    return value if isinstance(value, str) else None


# ---- field descriptors: one per kind of C getter/setter pair ----

class _Field(Generic[T]):
    """A property backed by C getters and setters of the owner's noun
    (``veilig_<noun>_<field>``, ``veilig_<noun>_set_<field>``)."""

    readonly = False

    def __init__(self, field: Optional[str] = None, *, doc: str = "",
                 readonly: bool = False) -> None:
        self.field = field or ""
        self.__doc__ = doc
        self.readonly = readonly or self.readonly
        self.name = ""
        self.noun = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.field = self.field or name
        self.noun = getattr(owner, "_NOUN", "")

    def fn(self, template: str) -> str:
        return "veilig_%s_%s" % (self.noun, template % self.field)

    @overload
    def __get__(self, obj: None, owner: Any = None) -> "_Field[T]": ...

    @overload
    def __get__(self, obj: object, owner: Any = None) -> T: ...

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        return self.get(obj)

    def __set__(self, obj: Any, value: T) -> None:
        if self.readonly:
            raise AttributeError("%s.%s is read-only" % (type(obj).__name__, self.name))
        self.set(obj, value)

    def get(self, obj: Any) -> Any:
        raise NotImplementedError

    def set(self, obj: Any, value: Any) -> None:
        raise AttributeError("%s.%s is read-only" % (type(obj).__name__, self.name))


class _Str(_Field[T]):
    """A string field; None when absent. Setting None removes it (not for
    required fields)."""

    def __init__(self, field: Optional[str] = None, *, required: bool = False,
                 doc: str = "", readonly: bool = False) -> None:
        super().__init__(field, doc=doc, readonly=readonly)
        self.required = required

    def get(self, obj: Any) -> Optional[str]:
        return _dec(getattr(_lib(), self.fn("%s"))(obj._p()))

    def set(self, obj: Any, value: Optional[str]) -> None:
        if value is None and self.required:
            raise ValueError("%s.%s is required" % (type(obj).__name__, self.name))
        getattr(_lib(), self.fn("set_%s"))(obj._p(), _enc(value, self.name))


class _Vocab(_Field[Union[E, str, None]]):
    """A vocabulary field: the member, the code as stored when unknown, or None."""

    def __init__(self, enum_cls: Type[E], field: Optional[str] = None, *, doc: str = "",
                 explicit: bool = False, readonly: bool = False) -> None:
        super().__init__(field, doc=doc, readonly=readonly)
        self.enum = enum_cls
        self.explicit = explicit

    def get(self, obj: Any) -> Any:
        lib = _lib()
        p = obj._p()
        code = _dec(getattr(lib, self.fn("%s_code"))(p))
        if code is not None or self.explicit:
            return self.enum.read(code)
        # absent as stored: the C value getter may still give one (a measure's
        # approach defaults to its category's)
        return self.enum.from_number(getattr(lib, self.fn("%s"))(p))

    def set(self, obj: Any, value: Any) -> None:
        number = 0 if value is None else self.enum.coerce(value).number
        getattr(_lib(), self.fn("set_%s"))(obj._p(), number)


class _Date(_Field[Optional[PartialDate]]):
    """A partial date field: a PartialDate, or None when absent."""

    def __init__(self, field: Optional[str] = None, *, removable: bool = True,
                 doc: str = "") -> None:
        super().__init__(field, doc=doc)
        self.removable = removable

    def get(self, obj: Any) -> Optional[PartialDate]:
        d = _capi.CDate()
        if getattr(_lib(), self.fn("%s"))(byref(d), obj._p()) == _capi.ENOTFOUND:
            return None
        return _from_cdate(d)

    def set(self, obj: Any, value: Optional[DateLike]) -> None:
        if value is None and not self.removable:
            raise ValueError("%s.%s is required" % (type(obj).__name__, self.name))
        getattr(_lib(), self.fn("set_%s"))(obj._p(), _to_cdate(value))


class _Double(_Field[Optional[float]]):
    """A number field (a C double): a float, or None when absent."""

    def __init__(self, field: Optional[str] = None, *, clearable: bool = True,
                 doc: str = "") -> None:
        super().__init__(field, doc=doc)
        self.clearable = clearable

    def get(self, obj: Any) -> Optional[float]:
        value = c_double()
        if getattr(_lib(), self.fn("%s"))(byref(value), obj._p()) == _capi.ENOTFOUND:
            return None
        return value.value

    def set(self, obj: Any, value: Optional[float]) -> None:
        if value is None:
            if not self.clearable:
                raise ValueError("%s.%s is required" % (type(obj).__name__, self.name))
            getattr(_lib(), self.fn("clear_%s"))(obj._p())
            return
        if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
            raise TypeError("%s.%s must be a number" % (type(obj).__name__, self.name))
        getattr(_lib(), self.fn("set_%s"))(obj._p(), float(value))


class _VocabList(_Field[List[Union[E, str]]]):
    """A list of vocabulary values (``veilig_<noun>_<item>_count``, ...).

    Reads as a new list (members, or codes as str when unknown); assigning
    an iterable of members or codes replaces the list (duplicates and
    unknown codes are a ValueError, and leave the list unchanged).
    """

    def __init__(self, enum_cls: Type[E], item: str, *, doc: str = "") -> None:
        super().__init__(item, doc=doc)
        self.enum = enum_cls

    def get(self, obj: Any) -> List[Any]:
        lib = _lib()
        p = obj._p()
        code = getattr(lib, self.fn("%s_code"))
        return [self.enum.read(_dec(code(p, i)))
                for i in range(getattr(lib, self.fn("%s_count"))(p))]

    def set(self, obj: Any, values: Iterable[Any]) -> None:
        if isinstance(values, (str, VocabEnum)):
            values = [values]
        members = [self.enum.coerce(v) for v in values]
        if len(set(members)) != len(members):
            raise ValueError("%s.%s: duplicate values" % (type(obj).__name__, self.name))
        lib = _lib()
        p = obj._p()
        remove = getattr(lib, self.fn("remove_%s"))
        for i in reversed(range(getattr(lib, self.fn("%s_count"))(p))):
            remove(p, i)
        add = getattr(lib, self.fn("add_%s"))
        for member in members:
            add(p, member.number)


class _StrList(_Field[List[str]]):
    """A list of strings (a measure's indicator ids); assigning replaces it."""

    def __init__(self, item: str, *, doc: str = "") -> None:
        super().__init__(item, doc=doc)

    def get(self, obj: Any) -> List[str]:
        lib = _lib()
        p = obj._p()
        get = getattr(lib, self.fn("%s"))
        return [_dec(get(p, i)) or "" for i in range(getattr(lib, self.fn("%s_count"))(p))]

    def set(self, obj: Any, values: Iterable[str]) -> None:
        if isinstance(values, str):
            values = [values]
        items = [_enc(v, self.name) for v in values]
        if len(set(items)) != len(items):
            raise ValueError("%s.%s: duplicate values" % (type(obj).__name__, self.name))
        if any(not v for v in items):
            raise ValueError("%s.%s: empty id" % (type(obj).__name__, self.name))
        lib = _lib()
        p = obj._p()
        remove = getattr(lib, self.fn("remove_%s"))
        for i in reversed(range(getattr(lib, self.fn("%s_count"))(p))):
            remove(p, i)
        add = getattr(lib, self.fn("add_%s"))
        for item in items:
            add(p, item)


class _Children(Generic[N]):
    """A list of child objects, and how to find, add and remove them:
    ``veilig_<noun>_<item>_count``, ``veilig_<noun>_<item>``,
    ``veilig_<noun>_add_<item>``, ``veilig_<noun>_remove_<item>`` and, for
    objects with an id, ``veilig_<noun>_find_<item>``. Reading gives a new
    list of objects."""

    def __init__(self, cls: Type[N], item: str, *, keyed: bool = False, doc: str = "",
                 names: Optional[Dict[str, str]] = None) -> None:
        self.cls = cls
        self.item = item
        self.keyed = keyed
        self.__doc__ = doc
        self.names = names or {}
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        noun = getattr(owner, "_NOUN", "")
        default = {"count": "veilig_%s_%s_count" % (noun, self.item),
                   "get": "veilig_%s_%s" % (noun, self.item),
                   "add": "veilig_%s_add_%s" % (noun, self.item),
                   "remove": "veilig_%s_remove_%s" % (noun, self.item),
                   "find": "veilig_%s_find_%s" % (noun, self.item) if self.keyed else "",
                   "index_of": ""}
        default.update(self.names)
        self.names = default

    @overload
    def __get__(self, obj: None, owner: Any = None) -> "_Children[N]": ...

    @overload
    def __get__(self, obj: object, owner: Any = None) -> List[N]: ...

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        return list(self.iterate(obj))

    def __set__(self, obj: Any, value: Any) -> None:
        raise AttributeError("%s.%s cannot be assigned: use the add_ and remove_ methods"
                             % (type(obj).__name__, self.name))

    def _f(self, what: str) -> Any:
        return getattr(_lib(), self.names[what])

    def count(self, obj: Any) -> int:
        return int(self._f("count")(obj._p()))

    def iterate(self, obj: Any) -> Iterator[N]:
        i = 0
        while True:
            p = obj._p()  # the list may change while iterating: re-read each time
            if i >= self._f("count")(p):
                return
            yield obj._reg._wrap(self.cls, self._f("get")(p, i), obj, self)
            i += 1

    def at(self, obj: Any, index: int) -> N:
        p = obj._p()
        n = self._f("count")(p)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("%s index out of range" % self.item)
        return cast(N, obj._reg._wrap(self.cls, self._f("get")(p, index), obj, self))

    def find(self, obj: Any, key: str) -> Optional[N]:
        ptr = self._f("find")(obj._p(), _enc(key, "key"))
        return obj._reg._wrap(self.cls, ptr, obj, self) if ptr else None

    def index_of(self, obj: Any, item: Any) -> int:
        """The current index of item (an object, an index, or a code/id)."""
        p = obj._p()
        if isinstance(item, bool):
            raise TypeError("expected a %s, an index or an id" % self.cls.__name__)
        if isinstance(item, int):
            n = self._f("count")(p)
            index = item + n if item < 0 else item
            if not 0 <= index < n:
                raise IndexError("%s index %d out of range" % (self.item, item))
            return int(index)
        if isinstance(item, str) and self.keyed:
            ptr = self._f("find")(p, _enc(item, "key"))
            if not ptr:
                raise KeyError(item)
        elif isinstance(item, self.cls):
            if item._parent is not obj:
                raise ValueError("%r is not in %r" % (item, obj))
            ptr = item._p()
        else:
            raise TypeError("expected a %s, an index%s, not %s"
                            % (self.cls.__name__, " or an id" if self.keyed else "",
                               type(item).__name__))
        if self.names["index_of"]:
            index = self._f("index_of")(p, ptr)
            if index < self._f("count")(p):
                return int(index)
        get = self._f("get")
        for index in range(self._f("count")(p)):
            if get(p, index) == ptr:
                return int(index)
        raise ValueError("%r is not in %r" % (item, obj))  # pragma: no cover

    def remove(self, obj: Any, item: Any) -> None:
        index = self.index_of(obj, item)
        p = obj._p()
        ptr = self._f("get")(p, index)
        self._f("remove")(p, index)
        obj._reg._kill(self.cls, ptr)

    def add(self, obj: Any, args: Sequence[Any], fields: Mapping[str, Any]) -> N:
        """Adds a child with the C add function's arguments, then sets fields;
        on any failure the new child is removed again."""
        out = c_void_p()
        try:
            self._f("add")(byref(out), obj._p(), *args)
        except ExistsError as exc:
            exc.args = ("%r has a %s with that %s already: %r"
                        % (obj, self.item, "code" if self.item == "municipality" else "id",
                           _dec(args[0])),)
            raise
        node = obj._reg._wrap(self.cls, out.value, obj, self)
        if fields:
            try:
                node._apply(fields)
            except BaseException:
                self.remove(obj, node)
                raise
        return cast(N, node)


class _Single(Generic[N]):
    """A child object of which there is at most one (``veilig_<noun>_<item>``)."""

    def __init__(self, cls: Type[N], getter: str, *, doc: str = "") -> None:
        self.cls = cls
        self.getter = getter
        self.__doc__ = doc

    @overload
    def __get__(self, obj: None, owner: Any = None) -> "_Single[N]": ...

    @overload
    def __get__(self, obj: object, owner: Any = None) -> Optional[N]: ...

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        ptr = getattr(_lib(), self.getter)(obj._p())
        return obj._reg._wrap(self.cls, ptr, obj, self) if ptr else None

    def __set__(self, obj: Any, value: Any) -> None:
        raise AttributeError("cannot be assigned: use the set_ and clear_ methods")


# ---- objects ----

class _Node:
    """Base of every object of a registry: a borrowed C pointer, its parent
    object (kept alive), and the registry."""

    __slots__ = ("_reg", "_parent", "_ptr", "_loc", "__weakref__")

    _NOUN: ClassVar[str] = ""
    #: child lists that add_ methods fill from keyword arguments: field -> method
    _ADDERS: ClassVar[Dict[str, str]] = {}
    #: fields to set before the others (a budget before its currency)
    _FIRST: ClassVar[Tuple[str, ...]] = ()

    _reg: "Registry"
    _parent: Any
    _ptr: Optional[int]
    _loc: Any

    def __init__(self) -> None:
        raise TypeError("%s objects come from a Registry (use its add_ methods)"
                        % type(self).__name__)

    def _p(self) -> int:
        ptr = self._ptr
        if ptr is None:
            self._gone()
        return ptr

    def _gone(self) -> NoReturn:
        if self._reg._ptr is None:
            raise ValueError("this %s belongs to a closed registry" % type(self).__name__)
        raise StaleObjectError(
            "this %s is stale: it (or what it belongs to) was removed or replaced in its "
            "registry; look it up again" % type(self).__name__)

    @property
    def registry(self) -> "Registry":
        """The registry this object belongs to."""
        return self._reg

    @property
    def alive(self) -> bool:
        """False once the object was removed or its registry closed."""
        return self._ptr is not None and self._reg._ptr is not None

    def __reduce__(self) -> NoReturn:
        raise TypeError("%s objects cannot be pickled: use to_dict() or the registry's dumps()"
                        % type(self).__name__)

    def _describe(self) -> str:
        return ""

    def __repr__(self) -> str:
        if self._ptr is None or self._reg._ptr is None:
            state = "closed registry" if self._reg._ptr is None else "stale"
            return "<veilig.%s (%s)>" % (type(self).__name__, state)
        return "<veilig.%s %s>" % (type(self).__name__, self._describe())

    def _apply(self, fields: Mapping[str, Any]) -> None:
        """Sets fields by name: properties with setters, and the child lists
        of _ADDERS (each item a dict of keyword arguments, a tuple of
        positional ones, or a single value)."""
        cls = type(self)
        names = [n for n in self._FIRST if n in fields] + \
                [n for n in fields if n not in self._FIRST]
        for name in names:
            value = fields[name]
            if name in self._ADDERS:
                adder = getattr(self, self._ADDERS[name])
                for item in value:
                    if isinstance(item, Mapping):
                        item = {("from_" if k == "from" else k): v for k, v in item.items()}
                        adder(**item)
                    elif isinstance(item, (tuple, list)):
                        adder(*item)
                    else:
                        adder(item)
                continue
            attr = getattr(cls, name, None) if not name.startswith("_") else None
            if isinstance(attr, _Field) and not attr.readonly:
                setattr(self, name, value)
            elif isinstance(attr, property) and attr.fset is not None:
                setattr(self, name, value)
            else:
                raise TypeError("%s has no settable field %r" % (cls.__name__, name))


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


class Indicator(_Node):
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

    def progress(self, as_of: Optional[DateLike] = None) -> "Progress":
        """Its progress towards its target (a veilig.Progress: latest
        observation, fraction, projection, track), as
        Municipality.progress() computes it for every indicator."""
        from . import analysis
        for row in analysis.progress(self._parent, as_of):
            if row.indicator is self:
                return row
        raise ValueError("%r is not an indicator of its municipality" % (self,))  # pragma: no cover

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
        number = 0 if role is None else Role.coerce(role).number
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


class Municipality(_Node):
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

        A category code the library does not know is kept as written, as
        add_measure_json and loading keep it (validate() warns, V013, with
        the code it may have meant): every path takes what a document may
        hold."""
        if isinstance(category, str) and category and category not in Category._value2member_map_:
            measure = self.add_measure_json({"id": id, "name": name, "category": category})
            if fields:
                try:
                    measure._apply(fields)
                except BaseException:
                    self.remove_measure(measure)
                    raise
            return measure
        number = Category.coerce(category).number
        return Municipality.measures.add(self, (_enc(id, "id"), _enc(name, "name"), number),
                                         fields)

    def add_measure_json(self, doc: Union[Mapping[str, Any], str, bytes],
                         replace: bool = False) -> Measure:
        """Adds a measure given as a JSON object (a dict, or its text). With
        replace=True a measure with the same id is replaced where it stands
        (its Measure object follows; see the module's notes on staleness);
        otherwise that is an ExistsError. On failure nothing changes."""
        text = _json_text(doc)
        p = self._p()
        old = None
        if replace:
            key = _json_key(doc, "id")
            old = _lib().veilig_municipality_find_measure(p, _enc(key)) if key else None
        prepared = self._reg._prepare_replace(Measure, old)
        out = c_void_p()
        _lib().veilig_municipality_add_measure_json(
            byref(out), p, text, len(text), _capi.ADD_REPLACE if replace else 0,
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
        number = StakeholderKind.coerce(kind).number
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
        number = Approach.coerce(approach).number
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

    # analyses (veilig.analysis) and renderings (veilig.report)

    def profile(self) -> "Profile":
        """Its profile (a veilig.Profile): measures per approach and category,
        budget per category, target groups, stakeholders with the measures
        they carry, stakeholders per kind, and gaps. Every measure counts,
        active or not."""
        from . import analysis
        return analysis.profile(self)

    def compare(self, other: "Municipality") -> "Comparison":
        """This municipality (a) and other (b, of any registry) side by side:
        rows of (dimension, code, a, b) for every value either has."""
        from . import analysis
        return analysis.compare(self, other)

    def similarity(self, other: "Municipality") -> float:
        """How alike its approach is to other's, 0..1 (veilig.similarity)."""
        from . import analysis
        return analysis.similarity(self, other)

    def peers(self, k: int = 5, against: "Optional[Registry]" = None) -> "PeerList":
        """The k most similar other municipalities of its registry, or of the
        registry against (your own plan against ``veilig.builtin()``; there
        the municipality with this one's code is left out): a list of
        veilig.Peer, rank 1 first, each with suggestions: the peer's measures
        in categories this one has none of. Municipalities without measures
        are no peers, and one without measures has none (an empty list)."""
        from . import analysis
        if against is not None and not isinstance(against, Registry):
            raise TypeError("against must be a Registry, not %s" % type(against).__name__)
        return analysis.peers(self._reg if against is None else against, self, k)

    def schedule(self, days: Iterable[Union[Day, str]] = ("fri", "sat"), start: Any = "22:00",
                 end: Any = "04:00", active_on: Optional[DateLike] = None) -> "Schedule":
        """Its active measures' schedules laid over the 168 hours of a week
        (a veilig.Schedule: slots, by_category), and the share of the window
        (days, start to end, past midnight when end is before start) that at
        least one measure covers. active_on: only measures active that day."""
        from . import analysis
        return analysis.schedule(self, days, start, end, active_on)

    def progress(self, as_of: Optional[DateLike] = None) -> "ProgressList":
        """The progress of each of its indicators (veilig.Progress rows, in
        document order); observations after as_of are left out."""
        from . import analysis
        return analysis.progress(self, as_of)

    def render(self, format: str = "text", lang: str = "nl",
               include_personal: bool = False) -> str:
        """Its whole approach, readable (format "text" or "markdown") or as
        JSON; labels in Dutch ("nl") or English ("en"); contacts marked
        personal only with include_personal=True."""
        from . import report
        return report.render_municipality(self, format, lang, include_personal)

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


# ---- validation results ----

class Severity(enum.Enum):
    """How bad a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Diagnostic:
    """One finding of :meth:`Registry.validate`: its severity (a Severity, or
    the text when unknown), its stable rule id (``"V012"``), the RFC 6901
    pointer of the value it is about (``""`` for the document) and a message."""

    severity: Union[Severity, str]
    rule: str
    pointer: str
    message: str

    def __str__(self) -> str:
        return "%s %s %s: %s" % (self.severity, self.rule, self.pointer or "/", self.message)

    def locate(self, text: Union[str, bytes]) -> Optional[Tuple[int, int]]:
        """(line, column) of the value in the JSON text it came from, or None."""
        return locate(text, self.pointer)


@dataclass(frozen=True)
class Rule:
    """A validation rule the library knows."""

    id: str
    severity: Union[Severity, str]
    summary: str


def _severity(value: str) -> Union[Severity, str]:
    try:
        return Severity(value)
    except ValueError:
        return value


# ---- the registry ----

class Registry:
    """A whole document: the programme and its municipalities.

    ``Registry()`` makes a new, empty one; :func:`load`, :func:`loads` and
    :func:`builtin` read one. A registry is a sequence of municipalities
    (``len``, iteration, ``reg[0]``) and a mapping from CBS code or name to
    municipality (``reg["GM0153"]``, ``reg["Enschede"]``, ``"GM0153" in
    reg``). Use it as a context manager to free it at the end of the block.
    """

    __slots__ = ("_ptr", "_nodes", "_lock", "__weakref__")
    _NOUN = "registry"

    _ptr: Optional[int]

    municipalities = _Children(Municipality, "municipality", keyed=True, names={
        "count": "veilig_registry_count", "get": "veilig_registry_get",
        "add": "veilig_registry_add", "remove": "veilig_registry_remove",
        "find": "veilig_registry_find", "index_of": "veilig_registry_index_of"},
        doc="The municipalities, in document order (a new list).")
    programme = _Single(Programme, "veilig_registry_programme",
                        doc="The programme block (Programme), or None.")

    def __init__(self) -> None:
        """A new, empty registry (format version 1)."""
        self._ptr = None
        self._nodes: "weakref.WeakValueDictionary[Tuple[type, Optional[int]], _Node]" = \
            weakref.WeakValueDictionary()
        self._lock = threading.RLock()
        out = c_void_p()
        _lib().veilig_registry_new(byref(out))
        self._ptr = out.value

    @classmethod
    def _adopt(cls, ptr: Optional[int]) -> "Registry":
        reg = cls.__new__(cls)
        reg._nodes = weakref.WeakValueDictionary()
        reg._lock = threading.RLock()
        reg._ptr = ptr
        return reg

    # ---- lifetime ----

    @property
    def _reg(self) -> "Registry":
        return self

    def _p(self) -> int:
        ptr = self._ptr
        if ptr is None:
            raise ValueError("operation on a closed registry")
        return ptr

    @property
    def closed(self) -> bool:
        """Whether the registry was closed (freed)."""
        return self._ptr is None

    def close(self) -> None:
        """Frees the C registry now. Every object read from it then raises
        ValueError. Closing twice is harmless."""
        ptr = self._ptr
        if ptr is None:
            return
        self._ptr = None
        with self._lock:
            for node in list(self._nodes.values()):
                node._ptr = None
            self._nodes.clear()
        _lib().veilig_registry_free(ptr)

    def __enter__(self) -> "Registry":
        self._p()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            if getattr(self, "_ptr", None) is not None:
                self.close()
        except Exception:  # pragma: no cover - interpreter shutdown
            pass

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Registry cannot be pickled: use dumps() and loads()")

    # ---- the identity map and staleness ----

    def _wrap(self, cls: Type[N], ptr: Optional[int], parent: Any, loc: Any) -> N:
        """The one Python object for the C object at ptr."""
        if not ptr:
            raise ValueError("no such %s" % cls.__name__)  # pragma: no cover
        key = (cls, ptr)
        # the lock keeps two threads reading at once from making two objects
        # for one C object (a removal would then make only one of them stale)
        with self._lock:
            node = self._nodes.get(key)
            if node is not None and node._ptr == ptr:
                return node  # type: ignore[return-value]
            node = cls.__new__(cls)
            node._reg = self
            node._parent = parent
            node._ptr = ptr
            node._loc = loc
            self._nodes[key] = node
            return node

    def _descendants(self, node: _Node) -> List[Tuple[int, _Node]]:
        """Live objects inside node, with their depth below it, shallowest first."""
        found = []
        for other in list(self._nodes.values()):
            depth = 1
            parent = other._parent
            while isinstance(parent, _Node):
                if parent is node:
                    found.append((depth, other))
                    break
                parent = parent._parent
                depth += 1
        found.sort(key=lambda pair: pair[0])
        return found

    def _kill(self, cls: type, ptr: Optional[int]) -> None:
        """The C object at ptr is gone: its object and everything in it go stale."""
        with self._lock:
            node = self._nodes.get((cls, ptr)) if ptr else None
            if node is None:
                return
            for _, inner in self._descendants(node) + [(0, node)]:
                if inner._ptr is not None:
                    self._nodes.pop((type(inner), inner._ptr), None)
                    inner._ptr = None

    def _prepare_replace(self, cls: type, old: Optional[int]) -> Any:
        """Before replacing the C object at old: its object, and the keys of the
        objects inside it that can follow a replacement (read while they are valid)."""
        node = self._nodes.get((cls, old)) if old else None
        if node is None:
            return None
        inner = []
        for depth, other in self._descendants(node):
            loc = other._loc
            key = None
            if isinstance(loc, _Children) and loc.keyed and other._parent is node:
                key = other.id  # type: ignore[attr-defined]
            inner.append((other, key))
        return node, inner

    def _replaced(self, prepared: Any, new: Optional[int]) -> None:
        """After a replacement: move the object to new; its keyed children
        follow to the new object's children of the same id, the rest go stale."""
        if prepared is None:
            return
        with self._lock:
            self._move(prepared, new)

    def _move(self, prepared: Any, new: Optional[int]) -> None:
        node, inner = prepared
        self._nodes.pop((type(node), node._ptr), None)
        node._ptr = new
        self._nodes[(type(node), new)] = node
        for other, key in inner:
            if other._ptr is None:
                continue  # gone with its parent
            self._nodes.pop((type(other), other._ptr), None)
            found = other._loc._f("find")(new, _enc(key)) if key is not None else None
            if found and (type(other), found) not in self._nodes:
                other._ptr = found
                self._nodes[(type(other), found)] = other
            else:
                other._ptr = None
                for _, below in self._descendants(other):
                    self._nodes.pop((type(below), below._ptr), None)
                    below._ptr = None

    # ---- the sequence and mapping of municipalities ----

    def __len__(self) -> int:
        return int(_lib().veilig_registry_count(self._p()))

    def __iter__(self) -> Iterator[Municipality]:
        return Registry.municipalities.iterate(self)

    @overload
    def __getitem__(self, key: Union[int, str]) -> Municipality: ...

    @overload
    def __getitem__(self, key: slice) -> List[Municipality]: ...

    def __getitem__(self, key: Union[int, str, slice]) -> Any:
        """``reg[0]`` (IndexError when out of range), ``reg["GM0153"]`` or
        ``reg["Enschede"]`` (KeyError when there is none), or a slice."""
        if isinstance(key, slice):
            return self.municipalities[key]
        if isinstance(key, bool):
            raise TypeError("registry indices must be int or str")
        if isinstance(key, int):
            return Registry.municipalities.at(self, key)
        if isinstance(key, str):
            found = Registry.municipalities.find(self, key)
            if found is None:
                raise KeyError(key)
            return found
        raise TypeError("registry indices must be int, str or slice, not %s"
                        % type(key).__name__)

    def get(self, key: str, default: Optional[T] = None) -> Union[Municipality, T, None]:
        """The municipality with this code, name or official name, or default."""
        found = Registry.municipalities.find(self, key)
        return default if found is None else found

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return bool(_lib().veilig_registry_find(self._p(), _enc(item)))
        if isinstance(item, Municipality):
            return item._reg is self and item._ptr is not None and self._ptr is not None
        return False

    def __delitem__(self, key: Union[int, str]) -> None:
        self.remove(key)

    @property
    def version(self) -> int:
        """The format version of the document (1)."""
        return int(_lib().veilig_registry_version(self._p()))

    # ---- building ----

    def add_municipality(self, code: str, name: str, **fields: Any) -> Municipality:
        """Appends a municipality with code and name; any other field of
        Municipality may be given by name (``province=``, ``membership={...}``,
        ``target_groups=[...]``, ``stakeholders=[("ggd", "GGD", "public_health")]``,
        ``measures=[{"id": ..., "name": ..., "category": ...}]``, ...). On
        failure nothing is added. ExistsError when the code is taken."""
        return Registry.municipalities.add(self, (_enc(code, "code"), _enc(name, "name")),
                                           fields)

    def add_json(self, doc: Union[Mapping[str, Any], str, bytes],
                 replace: bool = False) -> Municipality:
        """Adds a municipality given as a JSON object (a dict, or its text, as
        in a document's "municipalities" list). With replace=True one with
        the same code is replaced where it stands (its Municipality object,
        and those of its measures, stakeholders and indicators the new one
        has too, follow); otherwise that is an ExistsError. On failure the
        registry is unchanged; ParseError and SchemaError point into doc."""
        text = _json_text(doc)
        p = self._p()
        old = None
        if replace:
            key = _json_key(doc, "code")
            if key:
                found = _lib().veilig_registry_find(p, _enc(key))
                code = _dec(_lib().veilig_municipality_code(found)) if found else None
                if code is not None and code.lower() == key.lower():
                    old = found
        prepared = self._prepare_replace(Municipality, old)
        out = c_void_p()
        _lib().veilig_registry_add_json(byref(out), p, text, len(text),
                                        _capi.ADD_REPLACE if replace else 0, _capi.ErrorRecord())
        if old and old != out.value:
            self._replaced(prepared, out.value)
        return self._wrap(Municipality, out.value, self, Registry.municipalities)

    def remove(self, item: Union[Municipality, str, int]) -> None:
        """Removes a municipality (the object, its code or name, or its
        index); its objects, and those of everything in it, become stale."""
        Registry.municipalities.remove(self, item)

    def set_programme(self, **fields: Any) -> Programme:
        """The programme block, made if there is none, with fields set
        (``name=``, ``operator=``, ``sources=[...]``)."""
        out = c_void_p()
        _lib().veilig_registry_set_programme(byref(out), self._p())
        programme = self._wrap(Programme, out.value, self, Registry.programme)
        programme._apply(fields)
        return programme

    def clear_programme(self) -> None:
        """Removes the programme block (its objects become stale)."""
        old = _lib().veilig_registry_programme(self._p())
        _lib().veilig_registry_clear_programme(self._p())
        if old:
            self._kill(Programme, old)

    # ---- checking and writing ----

    def validate(self) -> List[Diagnostic]:
        """Checks what only the whole document can tell (duplicates, dangling
        references, periods that end before they start, unknown codes, ...):
        a list of Diagnostic, ordered by position in the document."""
        lib = _lib()
        data = _capi.call_result(lib.veilig_validate, lib.veilig_diagnostics_to_json,
                                 lib.veilig_diagnostics_free, self._p())
        return [Diagnostic(_severity(d["severity"]), d["rule"], d["pointer"], d["message"])
                for d in data]

    def dumps(self, *, omit_personal: bool = False, compact: bool = False,
              ascii: bool = False) -> str:
        """The document as JSON text. By default canonical (fixed key order,
        two-space indent, final newline): two dumps of the same registry are
        identical. omit_personal leaves out contacts marked personal; compact
        drops indentation; ascii escapes every non-ASCII character."""
        return _capi.take_string(_lib().veilig_registry_dump, self._p(),
                                 _save_options(omit_personal, compact, ascii), _capi.ErrorRecord())

    def to_dict(self, *, omit_personal: bool = False) -> Dict[str, Any]:
        """The document as a dict (through dumps and the json module)."""
        return json.loads(  # type: ignore[no-any-return]
            self.dumps(omit_personal=omit_personal, compact=True))

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Registry":
        """``copy.deepcopy(reg)``: an independent registry with the same
        document (through dumps and loads: unknown keys and codes too)."""
        copy = loads(self.dumps())
        memo[id(self)] = copy
        return copy

    def save(self, path: "Union[str, bytes, PathLike[str]]", *, omit_personal: bool = False,
             compact: bool = False, ascii: bool = False) -> None:
        """Writes the document to path, atomically (the old file stays intact
        on any failure). VeiligIOError (an OSError) when it cannot."""
        _lib().veilig_registry_save_file(self._p(), os.fsencode(path),
                                         _save_options(omit_personal, compact, ascii),
                                         _capi.ErrorRecord())

    # ---- analyses (veilig.analysis) and renderings (veilig.report) ----

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
        from . import analysis
        return analysis.query(self, *any_of, where=where, category=category, approach=approach,
                              target_group=target_group, setting=setting,
                              stakeholder_kind=stakeholder_kind, stakeholder=stakeholder,
                              status=status, evidence=evidence, province=province,
                              active_on=active_on, text=text, municipality=municipality)

    def coverage(self, axis: Any = "category", active_on: Optional[DateLike] = None,
                 all_measures: bool = False) -> "Coverage":
        """The coverage matrix (a veilig.Coverage): per municipality and per
        value of axis ("category", "approach" or "target_group"), the number
        of active measures (on active_on, when given; every measure with
        all_measures=True). ``pandas.DataFrame(reg.coverage().to_records())``."""
        from . import analysis
        return analysis.coverage(self, axis, active_on, all_measures)

    def peers(self, municipality: "Optional[Union[Municipality, str]]" = None,
              k: int = 5) -> "PeerList":
        """The k most similar other municipalities (veilig.Peer rows) of one
        municipality (the object, its code or its name; the object may be of
        another registry, such as your own plan) or, with None, of every one:
        subjects in document order, rank 1 first. Municipalities without
        measures are no peers and have none."""
        from . import analysis
        return analysis.peers(self, municipality, k)

    def render_list(self, format: str = "text", lang: str = "nl",
                    include_personal: bool = False) -> str:
        """The municipalities, one row each (code, name, province, measures,
        summary), as "text", "csv", "markdown" or "json"."""
        from . import report
        return report.render_list(self, format, lang, include_personal)

    def to_records(self, table: str = "measures") -> List[Dict[str, Any]]:
        """A typed table, one dict per row, for ``pandas.DataFrame``: only
        ``"measures"`` (:func:`veilig.measures_table`): every field of every
        measure, dates as PartialDate, the budget as Decimal, lists as lists,
        the same keys in every row."""
        from . import tables
        return tables.to_records(self, table)

    def export(self, table: str = "measures", format: str = "csv", lang: str = "nl",
               include_personal: bool = False, raw: bool = False) -> str:
        """A flat table ("measures", "stakeholders" or "indicators") as CSV
        (or "json", "markdown", "text"), for spreadsheets and pandas. A CSV
        cell that begins with = + - @ TAB CR or ' gets one leading ' (so that a
        spreadsheet reads it as text) unless raw."""
        from . import report
        return report.export(self, table, format, lang, include_personal, raw)

    def report_html(self, municipality: "Optional[Union[Municipality, str]]" = None,
                    lang: str = "nl", include_personal: bool = False, peers: int = 5) -> str:
        """The standalone HTML report of the programme, or of one
        municipality (the object, its code or its name)."""
        from . import report
        return report.report_html(self, municipality, lang, include_personal, peers)

    def save_report(self, path: "Union[str, PathLike[str]]",
                    municipality: "Optional[Union[Municipality, str]]" = None,
                    lang: str = "nl", include_personal: bool = False, peers: int = 5) -> None:
        """Writes report_html(...) to path (UTF-8, atomically)."""
        from . import report
        report.save_report(self, path, municipality, lang, include_personal, peers)

    def render_validation(self, format: str = "text", lang: str = "nl") -> str:
        """validate()'s findings as a table ("text", "csv", "markdown", "json")."""
        from . import report
        return report.render_diagnostics(self, format, lang)

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<veilig.Registry (closed)>"
        return "<veilig.Registry with %d municipalities>" % len(self)


# ---- reading ----

def _load_options(source: Optional[str], max_depth: int, max_string: int,
                  max_municipalities: int) -> Optional[_capi.LoadOptions]:
    if source is None and not (max_depth or max_string or max_municipalities):
        return None
    return _capi.LoadOptions(_capi.LOAD_OPTIONS_VERSION, 0, _enc(source, "source"),
                             max_depth, max_string, max_municipalities)


def load(path: "Union[str, bytes, PathLike[str]]", *, source: Optional[str] = None,
         max_depth: int = 0, max_string: int = 0, max_municipalities: int = 0) -> Registry:
    """Loads a document from a file. source names it in errors (default: the
    path); the limits (0: the library's default) guard against hostile input.
    Raises VeiligIOError (an OSError), ParseError, SchemaError, VersionError
    or LimitError."""
    out = c_void_p()
    _lib().veilig_registry_load_file(byref(out), os.fsencode(path),
                                     _load_options(source, max_depth, max_string,
                                                   max_municipalities), _capi.ErrorRecord())
    return Registry._adopt(out.value)


def loads(text: Union[str, bytes], *, source: Optional[str] = None, max_depth: int = 0,
          max_string: int = 0, max_municipalities: int = 0) -> Registry:
    """Loads a document from JSON text (str, or UTF-8 bytes). Errors as for load()."""
    if isinstance(text, str):
        data = text.encode("utf-8")
    elif isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
    else:
        raise TypeError("loads() takes str or bytes, not %s" % type(text).__name__)
    out = c_void_p()
    _lib().veilig_registry_load_string(byref(out), data, len(data),
                                       _load_options(source, max_depth, max_string,
                                                     max_municipalities), _capi.ErrorRecord())
    return Registry._adopt(out.value)


def builtin() -> Registry:
    """Loads the bundled Veilige Steden dataset (compiled into the library)."""
    out = c_void_p()
    _lib().veilig_registry_load_builtin(byref(out), _capi.ErrorRecord())
    return Registry._adopt(out.value)


def builtin_json() -> str:
    """The bundled dataset's JSON text."""
    size = c_size_t()
    ptr = _lib().veilig_builtin_json(byref(size))
    return string_at(ptr, size.value).decode("utf-8")


def locate(text: Union[str, bytes], pointer: str) -> Optional[Tuple[int, int]]:
    """Where the value at an RFC 6901 pointer starts in a JSON text: (line,
    column), 1-based, or None when the pointer names no value."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    record = _capi.ErrorRecord()
    if _lib().veilig_json_locate(record, data, len(data),
                                 _enc(pointer, "pointer")) == _capi.ENOTFOUND:
        return None
    return (record.line, record.column)


def rules() -> List[Rule]:
    """The validation rules the library knows."""
    lib = _lib()
    result = []
    for i in range(lib.veilig_rule_count()):
        severity = _dec(lib.veilig_severity_name(lib.veilig_rule_severity(i))) or ""
        result.append(Rule(_dec(lib.veilig_rule_id(i)) or "", _severity(severity),
                           _dec(lib.veilig_rule_summary(i)) or ""))
    return result

