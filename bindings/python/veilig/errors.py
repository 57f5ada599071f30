"""Exceptions: one class per status code of libveilig.

Every exception the C library reports is a :class:`Error` with the status
``code`` (a negative int), its symbolic ``name`` (``"EPARSE"``), the
library's short description ``strerror`` and, when the failing function
takes a ``veilig_error`` record, what the record says: ``message``,
``source``, ``line``, ``column``, ``position`` and ``pointer``. ``str()`` of
the exception reads ``source:line:column: message (at pointer)``.

The subclasses also derive from the matching built-in exception, so code
that does not know this package still catches them sensibly:

- :class:`OutOfMemoryError` (ENOMEM) is a :class:`MemoryError`;
- :class:`VeiligIOError` (EIO) is an :class:`OSError` whose ``filename`` is
  the path (``errno`` stays None: the library reports the OS's reason as
  text only);
- :class:`ParseError` (EPARSE), :class:`SchemaError` (ESCHEMA) and
  :class:`InvalidArgumentError` (EINVAL) are :class:`ValueError`;
- :class:`NotFoundError` (ENOTFOUND) is a :class:`LookupError`;
- :class:`ExistsError` (EEXISTS), :class:`VersionError` (EVERSION) and
  :class:`LimitError` (ELIMIT) are plain :class:`Error`;
- :class:`StaleObjectError`, raised by the binding for an object that was
  removed from its registry, is a :class:`NotFoundError` and a
  :class:`ReferenceError`.
"""

from __future__ import annotations

import errno as _errno
import os
from typing import Any, Dict, Optional, Sequence, Tuple, Type

__all__ = ["Error", "OutOfMemoryError", "VeiligIOError", "ParseError", "SchemaError",
           "InvalidArgumentError", "NotFoundError", "ExistsError", "VersionError",
           "LimitError", "StaleObjectError", "FormatError", "VeiligFileNotFoundError",
           "VeiligPermissionError", "from_status", "invalid_argument", "STATUS_NAMES"]

#: Status codes of veilig_status (common.h) by their names without VEILIG_.
STATUS_NAMES: Dict[int, str] = {
    0: "OK", -1: "ENOMEM", -2: "EIO", -3: "EPARSE", -4: "ESCHEMA", -5: "EINVAL",
    -6: "ENOTFOUND", -7: "EEXISTS", -8: "EVERSION", -9: "ELIMIT",
}


class Error(Exception):
    """An error libveilig reported (or, for StaleObjectError, the binding).

    Attributes: ``code`` (the negative status), ``name`` (``"EPARSE"``),
    ``strerror`` (the library's short name for the code), ``message`` (the
    error record's message, or ``strerror``), ``source``, ``line``,
    ``column``, ``position``, ``pointer`` (``None`` or 0 where unknown) and
    ``function`` (the C function that failed).
    """

    code: int
    name: str
    strerror: str
    message: str
    source: Optional[str]
    line: int
    column: int
    position: int
    pointer: Optional[str]
    function: Optional[str]

    def __init__(self, message: str, code: int = 0, *, strerror: Optional[str] = None,
                 source: Optional[str] = None, line: int = 0, column: int = 0,
                 position: int = 0, pointer: Optional[str] = None,
                 function: Optional[str] = None, detail: Optional[str] = None) -> None:
        self.code = code
        self.name = STATUS_NAMES.get(code, "E%d" % -code if code < 0 else str(code))
        self.strerror = strerror or self.name
        self.message = detail or self.strerror
        self.source = source
        self.line = line
        self.column = column
        self.position = position
        self.pointer = pointer
        self.function = function
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else self.message


class OutOfMemoryError(Error, MemoryError):
    """VEILIG_ENOMEM: an allocation failed."""


class VeiligIOError(Error, OSError):
    """VEILIG_EIO: a file could not be read or written; an :class:`OSError`
    whose ``filename`` is the path and whose ``errno`` is the OS's reason when
    the library's message names one (else None). A missing file is a
    :class:`VeiligFileNotFoundError` (a :class:`FileNotFoundError`), one you
    may not read or write a :class:`VeiligPermissionError` (a
    :class:`PermissionError`)."""

    def __init__(self, message: str, code: int = -2, **kwargs: Any) -> None:
        super().__init__(message, code, **kwargs)
        self.filename = self.source
        self.strerror = self.message
        self.errno = _errno_in(self.message)  # type: ignore[assignment]  # None: unknown


class VeiligFileNotFoundError(VeiligIOError, FileNotFoundError):
    """VEILIG_EIO for a file (or a folder on its path) that does not exist."""


class VeiligPermissionError(VeiligIOError, PermissionError):
    """VEILIG_EIO for a file the process may not read or write."""


#: The OS errors that have a class of their own, with it.
_IO_CLASSES: Tuple[Tuple[int, Type[VeiligIOError]], ...] = (
    (_errno.ENOENT, VeiligFileNotFoundError), (_errno.ENOTDIR, VeiligFileNotFoundError),
    (_errno.EACCES, VeiligPermissionError), (_errno.EPERM, VeiligPermissionError),
    (_errno.EISDIR, VeiligIOError), (_errno.EROFS, VeiligIOError), (_errno.ENOSPC, VeiligIOError))


def _errno_in(message: Optional[str]) -> Optional[int]:
    """The errno whose text (the C library's strerror, which the library
    quotes) the message holds, or None."""
    for number, _ in _IO_CLASSES:
        if message and os.strerror(number) in message:
            return number
    return None


class ParseError(Error, ValueError):
    """VEILIG_EPARSE: the text is not valid JSON; ``line``, ``column`` and
    ``position`` say where."""


class SchemaError(Error, ValueError):
    """VEILIG_ESCHEMA: valid JSON, but not a valid veilig document; ``pointer``
    names the value, ``line`` and ``column`` say where it starts. From
    ``load()`` and ``loads()``, ``errors`` holds every schema error of the
    document (up to ``veilig.MAX_LOAD_ERRORS``), each a SchemaError, this one
    first; elsewhere it is this one alone (an import's SheetImportError: its
    SheetError records)."""

    errors: Sequence[Any]

    def __init__(self, message: str, code: int = -4, **kwargs: Any) -> None:
        super().__init__(message, code, **kwargs)
        self.errors = (self,)


class InvalidArgumentError(Error, ValueError):
    """VEILIG_EINVAL: an invalid argument (a value out of range, an empty
    required field, text that is not UTF-8)."""


def invalid_argument(message: str) -> InvalidArgumentError:
    """The InvalidArgumentError the binding raises itself for an input that
    is invalid in itself (an unknown code, a date that does not parse): the
    same class and fields as one the library reports (code EINVAL)."""
    return InvalidArgumentError(message, -5, strerror="invalid argument", detail=message)


class NotFoundError(Error, LookupError):
    """VEILIG_ENOTFOUND: no such object."""


class ExistsError(Error, ValueError):
    """VEILIG_EEXISTS: an object with that code or id exists already."""


class VersionError(Error, ValueError):
    """VEILIG_EVERSION: an unsupported format or options version."""


class LimitError(Error, ValueError):
    """VEILIG_ELIMIT: a documented limit was exceeded."""


class FormatError(SchemaError, VersionError):
    """The text is JSON, but not a veilig document of a format version this
    library reads: "format" or "version" missing, another format, another
    version. One class whatever the cause (a SchemaError and a VersionError
    too); ``pointer`` is "/format" or "/version" when the value is there."""


class StaleObjectError(NotFoundError, ReferenceError):
    """The object this Python object stood for was removed from its registry
    (or replaced, for objects that cannot follow a replacement). Raised by the
    binding instead of reading freed memory."""

    def __init__(self, message: str) -> None:
        super().__init__(message, -6, strerror="stale object")


_CLASSES: Dict[int, Type[Error]] = {
    -1: OutOfMemoryError, -2: VeiligIOError, -3: ParseError, -4: SchemaError,
    -5: InvalidArgumentError, -6: NotFoundError, -7: ExistsError, -8: VersionError,
    -9: LimitError,
}


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def from_status(code: int, record: Any = None, function: Optional[str] = None, *,
                strerror: Optional[str] = None, last_message: Optional[bytes] = None) -> Error:
    """The exception for a status code, filled in from a ``veilig_error``
    record (an ErrorRecord, or None). The texts only the library knows come
    in from the caller (``_capi``, the layer below, which reads them): its
    ``strerror`` for the code and, for a function without a record, the
    message of the thread's last error (``last_message``, None when it is
    about another code). This module imports nothing of the package."""
    strerror = strerror or "unknown error"
    cls = _CLASSES.get(code, Error)
    fields: Dict[str, Any] = {"strerror": strerror, "function": function}
    where = ""
    detail = None
    if (record is None or record.code != code) and last_message is not None:
        detail = _text(last_message) or None
        fields.update(detail=detail)
    if record is not None and record.code == code:
        detail = _text(record.message) or None
        fields.update(source=_text(record.source) or None, line=record.line,
                      column=record.column, position=record.position,
                      pointer=_text(record.pointer) or None, detail=detail)
        if fields["source"]:
            where = fields["source"]
            if record.line:
                where += ":%d:%d" % (record.line, record.column)
            where += ": "
    if detail and not where and function:
        message = "%s: %s" % (function, detail)
    elif detail:
        message = where + (detail if strerror in detail else "%s: %s" % (strerror, detail))
    else:
        message = "%s: %s" % (function or "libveilig", strerror)
    if fields.get("pointer"):
        message += " (at %s)" % fields["pointer"]
    if code in (-4, -8) and _is_format_error(fields.get("pointer"), detail):
        cls = FormatError
    elif code == -2:
        number = _errno_in(detail)
        cls = next((c for e, c in _IO_CLASSES if e == number), VeiligIOError)
    return cls(message, code, **fields)


def _is_format_error(pointer: Optional[str], detail: Optional[str]) -> bool:
    """Whether a schema or version error is about the document's "format" or "version"."""
    if pointer in ("/format", "/version"):
        return True
    return detail is not None and detail.startswith(('missing "format"', 'missing "version"'))
