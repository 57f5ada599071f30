"""The model's machinery: the field descriptors (one per kind of C
getter/setter pair), the child-list descriptors and _Node, the base of every
object of a registry. The objects (objects.py) are declared with them.

Layer: below objects.py; imports _capi, dates, errors and vocab only."""

from __future__ import annotations

import json
from ctypes import byref, c_double, c_void_p
from decimal import Decimal
from typing import (TYPE_CHECKING, Any, ClassVar, Dict, Generic, Iterable, Iterator,
                    List, Mapping, NoReturn, Optional, Sequence, Tuple, Type, TypeVar, Union,
                    cast, overload)

from . import _capi
from .dates import DateLike, PartialDate, to_partial_date
from .errors import ExistsError, StaleObjectError
from .vocab import VocabEnum

if TYPE_CHECKING:  # pragma: no cover (typing only: the registry is a layer above)
    from .registry import Registry


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

    def qualname(self, obj: Any) -> str:
        """``Measure.category``: the field as errors name it."""
        return "%s.%s" % (type(obj).__name__, self.name)

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
        number = 0 if value is None else self.enum.coerce(value, self.qualname(obj)).number
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
        members = [self.enum.coerce(v, self.qualname(obj)) for v in values]
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



# ---- the base of every object of a registry ----

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


def attach(target: type, methods: type) -> None:
    """Copies the methods of a class of a layer above (veilig.methods) onto a
    class of the model, so that ``reg.coverage()`` works while the model
    imports nothing above it. ``methods`` is no base of ``target``
    at run time; the model names it as one for type checkers only."""
    for name, value in vars(methods).items():
        if not name.startswith("__"):
            setattr(target, name, value)
