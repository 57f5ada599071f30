"""Spreadsheets: a document as sheets (CSV or a workbook) and back.

    >>> import veilig
    >>> reg = veilig.builtin()
    >>> csv = veilig.export_sheet(reg, "measures", lang="nl", separator=";")
    >>> back = veilig.import_sheets([("maatregelen.csv", csv.encode("utf-8"))], base=reg)

import_sheets() reads CSV files and workbooks (.xlsx) into a new document, or
merged into a copy of ``base`` (municipalities by CBS code; measures,
stakeholders and indicators by id): all or nothing. On any error it raises
:class:`SheetImportError`, whose ``errors`` lists every error (up to
``max_errors``) as (source, line, column, message). docs/spreadsheets.md
describes the sheets and their columns.
"""

from __future__ import annotations

import os
from ctypes import byref, c_void_p
from typing import List, NamedTuple, Optional, Sequence, Tuple, Union

from . import _capi
from .errors import SchemaError
from .registry import Registry

ENOMEM = -1

PathOrData = Union[str, "os.PathLike[str]", Tuple[str, bytes]]


class SheetError(NamedTuple):
    """One error of an import: where (file, line, column number) and what."""

    source: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return ("%s:%d: %s" % (self.source, self.line, self.message) if self.line
                else "%s: %s" % (self.source, self.message))


class SheetImportError(SchemaError):
    """An import that failed: ``errors`` holds every error found (up to the limit)."""

    def __init__(self, errors: List[SheetError], code: int) -> None:
        lines = [str(e) for e in errors] or ["the import failed"]
        super().__init__("\n".join(lines), code)
        self.errors = errors


def sheets() -> List[str]:
    """The names of the sheets, in workbook order ("programme", ..., "sources")."""
    lib = _capi.lib()
    return [_capi.decode(lib.veilig_sheet_name(i, None)) or ""
            for i in range(1, lib.veilig_sheet_count() + 1)]


def _sheet(name: str) -> int:
    value = _capi.lib().veilig_sheet_from_name(name.encode("utf-8"))
    if not value:
        raise ValueError("unknown sheet %r; valid: %s" % (name, ", ".join(sheets())))
    return int(value)


def _options(lang: Optional[str], separator: str, include_personal: bool) -> _capi.SheetOptions:
    if lang not in (None, "nl", "en"):
        raise ValueError("lang must be None, 'nl' or 'en'")
    if separator not in (",", ";"):
        raise ValueError("separator must be ',' or ';'")
    return _capi.SheetOptions(_capi.SHEET_OPTIONS_VERSION,
                              _capi.SHEET_INCLUDE_PERSONAL if include_personal else 0,
                              lang.encode("ascii") if lang else None, separator.encode("ascii"))


def export_sheet(reg: Registry, sheet: str, *, lang: Optional[str] = None, separator: str = ",",
                 include_personal: bool = False) -> str:
    """One sheet of reg as CSV text: keys and codes (lang None) or Dutch or English labels."""
    return _capi.take_string(_capi.lib().veilig_sheet_export_csv, reg._p(), _sheet(sheet),
                             _options(lang, separator, include_personal))


def save_xlsx(reg: Optional[Registry], path: "Union[str, os.PathLike[str]]", *,
              lang: Optional[str] = None, include_personal: bool = False) -> None:
    """Writes reg as a workbook to path, atomically; reg None writes the empty template."""
    _capi.lib().veilig_sheet_save_xlsx(reg._p() if reg is not None else None,
                                       os.fsencode(path), _options(lang, ",", include_personal),
                                       _capi.ErrorRecord())


def import_sheets(files: Sequence[PathOrData], *, base: Optional[Registry] = None,
                  encoding: Optional[str] = None, max_errors: int = 0) -> Registry:
    """Reads CSV files and workbooks (paths, or (name, bytes) pairs) into a new document, or into
    a copy of base. Raises SheetImportError with every error; base is never changed."""
    lib = _capi.lib()
    opts = _capi.ImportOptions(_capi.IMPORT_OPTIONS_VERSION, 0,
                               encoding.encode("ascii") if encoding else None, max_errors)
    imp = c_void_p()
    lib.veilig_import_new(byref(imp), base._p() if base is not None else None, opts)
    try:
        worst = 0
        for item in files:
            if isinstance(item, tuple):
                name, data = item[0], bytes(item[1])
            else:
                name = os.fspath(item)
                with open(name, "rb") as f:
                    data = f.read()
            bname = os.fsencode(name)
            if data[:4] == b"PK\x03\x04":
                rc = lib.veilig_import_add_xlsx(imp, bname, data, len(data))
            else:
                rc = lib.veilig_import_add_csv(imp, bname, data, len(data), 0)
            if rc == ENOMEM:
                raise MemoryError("out of memory")
            worst = worst or (rc if rc < 0 else 0)
        out = c_void_p()
        rc = lib.veilig_import_finish(byref(out), imp)
        if rc == ENOMEM:
            raise MemoryError("out of memory")
        if rc != 0 or worst:
            errs = []
            for i in range(lib.veilig_import_error_count(imp)):
                e = lib.veilig_import_error(imp, i).contents
                errs.append(SheetError(_capi.decode(e.source) or "", e.line, e.column,
                                       _capi.decode(e.message) or ""))
            raise SheetImportError(errs, rc or worst)
        return Registry._adopt(out.value)
    finally:
        lib.veilig_import_free(imp)
