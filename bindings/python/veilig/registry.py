"""The Registry (a whole document) and reading one: load(), loads(),
builtin(), builtin_json().

The analyses and renderings of a registry (``reg.coverage()``,
``reg.save_report()``, ...) live in veilig.methods, which the package's
__init__ attaches (methods.install()); this layer imports nothing above it."""

from __future__ import annotations

import json
import os
import threading
import weakref
from ctypes import POINTER, byref, c_size_t, c_void_p, cast, pointer, string_at
from typing import (TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Mapping, NoReturn,
                    Optional, Tuple, Type, Union, overload)

from . import _capi, errors
from ._fields import (N, T, _Children, _Node, _Single, _dec, _enc, _json_key, _json_text, _lib,
                      _save_options)
from .objects import Municipality, Programme

if TYPE_CHECKING:  # pragma: no cover
    # Typing only: the methods veilig.methods attaches at import
    # (reg.coverage(), reg.save_report(), ...) are named as a base for type
    # checkers; at run time Registry has no base and nothing above is imported.
    from os import PathLike

    from .diagnostics import Diagnostic  # at run time imported by validate()
    from .methods import RegistryMethods as _RegistryBase
else:
    _RegistryBase = object

# ---- the registry ----

class Registry(_RegistryBase):
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
                 replace: bool = False, as_loaded: bool = False) -> Municipality:
        """Adds a municipality given as a JSON object (a dict, or its text, as
        in a document's "municipalities" list). With replace=True one with
        the same code is replaced where it stands (its Municipality object,
        and those of its measures, stakeholders and indicators the new one
        has too, follow); otherwise that is an ExistsError. Building refuses
        a code that is not GM and four digits and an unknown vocabulary code
        at once (InvalidArgumentError); as_loaded=True accepts them as loading
        a document does (to merge documents), leaving them to validate(). On
        failure the registry is unchanged; ParseError and SchemaError point
        into doc."""
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
                                        (_capi.ADD_REPLACE if replace else 0)
                                        | (_capi.ADD_AS_LOADED if as_loaded else 0),
                                        _capi.ErrorRecord())
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
        from .diagnostics import Diagnostic, _severity
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

    def __repr__(self) -> str:
        if self._ptr is None:
            return "<veilig.Registry (closed)>"
        return "<veilig.Registry with %d municipalities>" % len(self)


# ---- reading ----

#: How many schema errors of one document load() and loads() report
#: (SchemaError.errors).
MAX_LOAD_ERRORS = 50


class _Loading:
    """The options of one load, with room for every schema error (load
    options version 3), and the call that raises with all of them."""

    def __init__(self, source: Optional[str], max_depth: int, max_string: int,
                 max_municipalities: int, max_size: int) -> None:
        self.records = (_capi.ErrorRecord * MAX_LOAD_ERRORS)()
        self.count = c_size_t(0)
        self.options = _capi.LoadOptions(
            _capi.LOAD_OPTIONS_VERSION, 0, _enc(source, "source"), max_depth, max_string,
            max_municipalities, max_size, cast(self.records, POINTER(_capi.ErrorRecord)),
            MAX_LOAD_ERRORS, pointer(self.count))

    def call(self, function: str, invoke: Callable[[Any], object]) -> None:
        """invoke(options) calls function with these options; a SchemaError
        it raises gets every schema error of the document."""
        try:
            invoke(byref(self.options))
        except errors.SchemaError as e:
            rest = [_capi.error_for(_capi.ESCHEMA, self.records[i], function)
                    for i in range(1, self.count.value)]
            e.errors = (e,) + tuple(r for r in rest if isinstance(r, errors.SchemaError))
            raise

    def run(self, function: str, *args: Any) -> Registry:
        out = c_void_p()
        self.call(function, lambda options: getattr(_lib(), function)(
            byref(out), *args, options, _capi.ErrorRecord()))
        return Registry._adopt(out.value)


def load(path: "Union[str, bytes, PathLike[str]]", *, source: Optional[str] = None,
         max_depth: int = 0, max_string: int = 0, max_municipalities: int = 0,
         max_size: int = 0) -> Registry:
    """Loads a document from a file. source names it in errors (default: the
    path); the limits (0: the library's default) guard against hostile input:
    max_size is the most bytes of the document's text (default
    veilig.DEFAULT_MAX_SIZE, 4 GiB), found before reading when the file says
    its size. Raises VeiligIOError (an OSError), ParseError, SchemaError
    (its ``errors`` every schema error of the document, up to
    MAX_LOAD_ERRORS), VersionError or LimitError (a limit exceeded)."""
    loading = _Loading(source, max_depth, max_string, max_municipalities, max_size)
    return loading.run("veilig_registry_load_file", os.fsencode(path))


def loads(text: Union[str, bytes], *, source: Optional[str] = None, max_depth: int = 0,
          max_string: int = 0, max_municipalities: int = 0, max_size: int = 0) -> Registry:
    """Loads a document from JSON text (str, or UTF-8 bytes). Limits and
    errors as for load() (max_size counts the UTF-8 bytes)."""
    if isinstance(text, str):
        data = text.encode("utf-8")
    elif isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
    else:
        raise TypeError("loads() takes str or bytes, not %s" % type(text).__name__)
    loading = _Loading(source, max_depth, max_string, max_municipalities, max_size)
    return loading.run("veilig_registry_load_string", data, len(data))


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
