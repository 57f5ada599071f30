"""Renderings (report.h): tables as text, Markdown, CSV or JSON, flat exports
and standalone HTML reports, written by the C library.

Every function returns a ``str``; the library's string is freed with
``veilig_free``. Labels are Dutch (``lang="nl"``, the default) or English
(``"en"``). Contacts marked personal are left out unless
``include_personal=True``.

A document is untrusted: the library writes every string from it so that it
can only be read as text in the format (docs/security.md): text escapes
control characters (``\x1b``), Markdown escapes HTML and Markdown syntax, and
a CSV cell that begins with ``=``, ``+``, ``-``, ``@``, a tab, a carriage
return or ``'`` gets one leading ``'`` (``export(..., raw=True)`` leaves it
out).

The methods of the model call these: :meth:`veilig.Registry.render_list`,
:meth:`veilig.Registry.export`, :meth:`veilig.Registry.report_html`,
:meth:`veilig.Registry.save_report`, :meth:`veilig.Municipality.render`, and
``render()`` of every analysis result.
"""

from __future__ import annotations

import os
from ctypes import byref
from typing import Any, Optional, Tuple, Union

from . import _capi
from .objects import Municipality
from .registry import Registry


__all__ = ["FORMATS", "LANGUAGES", "TABLES", "options", "render_list", "render_municipality",
           "export", "report_html", "save_report", "render_diagnostics"]

#: The formats of the renderings (not every rendering offers every one:
#: HTML is for report_html only).
FORMATS: Tuple[str, ...] = ("text", "json", "csv", "markdown", "html")
#: The languages of the labels.
LANGUAGES: Tuple[str, ...] = ("nl", "en")
#: The flat tables of export().
TABLES: Tuple[str, ...] = ("measures", "stakeholders", "indicators")


def _lib() -> Any:
    return _capi.lib()


def options(format: str = "text", lang: str = "nl", include_personal: bool = False,
            peers: int = 0, raw: bool = False) -> _capi.ReportOptions:
    """A ``veilig_report_options`` (version VEILIG_REPORT_OPTIONS_VERSION);
    raw: CSV cells without the formula guard (VEILIG_REPORT_RAW).
    ValueError for a format or language the library does not know."""
    lib = _lib()
    if not isinstance(format, str):
        raise TypeError("format must be a str (one of %s), not %s"
                        % (", ".join(FORMATS), type(format).__name__))
    number = lib.veilig_format_from_name(_capi.encode(format, "format"))
    if not number:
        raise ValueError("unknown format %r (use one of %s)" % (format, ", ".join(FORMATS)))
    if lang not in LANGUAGES:
        raise ValueError("unknown language %r (use 'nl' or 'en')" % (lang,))
    if isinstance(peers, bool) or not isinstance(peers, int) or peers < 0:
        raise ValueError("peers must be a whole number >= 0 (0: the library's 5)")
    opts = _capi.ReportOptions()
    lib.veilig_report_options_init(byref(opts), _capi.REPORT_OPTIONS_VERSION)
    opts.format = number
    opts.lang = _capi.encode(lang, "lang")
    opts.flags = ((_capi.REPORT_INCLUDE_PERSONAL if include_personal else 0)
                  | (_capi.REPORT_RAW if raw else 0))
    opts.peers = peers
    return opts


def render(function: str, ptr: Any, format: str = "text", lang: str = "nl",
           include_personal: bool = False) -> str:
    """Calls ``veilig_render_<x>(out, len, ptr, opts)`` and returns the text."""
    opts = options(format, lang, include_personal)
    return _capi.take_string(getattr(_lib(), function), ptr, byref(opts))


def render_list(reg: "Registry", format: str = "text", lang: str = "nl",
                include_personal: bool = False) -> str:
    """The municipalities of reg, one row each (code, name, province,
    measures, summary), as text, CSV, Markdown or JSON."""
    return render("veilig_render_list", reg._p(), format, lang, include_personal)


def render_municipality(m: "Municipality", format: str = "text", lang: str = "nl",
                        include_personal: bool = False) -> str:
    """One municipality's whole approach, readable (text, Markdown) or as
    JSON (its document object)."""
    return render("veilig_render_municipality", m._p(), format, lang, include_personal)


def export(reg: "Registry", table: str = "measures", format: str = "csv", lang: str = "nl",
           include_personal: bool = False, raw: bool = False) -> str:
    """A flat table of reg: ``"measures"`` (one row per measure),
    ``"stakeholders"`` or ``"indicators"`` (one row per observation), in
    CSV (the default), JSON (an array of flat objects), Markdown or text.
    List values are joined with ``;``. A CSV cell that a spreadsheet would
    take for a formula gets a leading ``'`` unless raw."""
    lib = _lib()
    if not isinstance(table, str):
        raise TypeError("table must be a str (one of %s)" % ", ".join(TABLES))
    number = lib.veilig_table_from_name(_capi.encode(table, "table"))
    if not number:
        raise ValueError("unknown table %r (use one of %s)" % (table, ", ".join(TABLES)))
    opts = options(format, lang, include_personal, raw=raw)
    return _capi.take_string(lib.veilig_export, reg._p(), number, byref(opts))


def report_html(reg: "Registry", municipality: "Optional[Union[Municipality, str]]" = None,
                lang: str = "nl", include_personal: bool = False, peers: int = 5) -> str:
    """The standalone HTML report (one file, no script, charts as inline
    SVG) of the whole programme, or of one municipality of reg (the object,
    or its code or name), showing ``peers`` peers."""
    m = _member(reg, municipality)
    opts = options("html", lang, include_personal, peers)
    return _capi.take_string(_lib().veilig_report_html, reg._p(),
                             m._p() if m is not None else None, byref(opts))


def save_report(reg: "Registry", path: "Union[str, os.PathLike[str]]",
                municipality: "Optional[Union[Municipality, str]]" = None, lang: str = "nl",
                include_personal: bool = False, peers: int = 5) -> None:
    """Writes report_html(...) to path (UTF-8) with the library's atomic save
    (veilig_save_text, as Registry.save): a temporary file with a unique name
    next to it, renamed over it; an existing file keeps its mode; on failure
    a VeiligIOError (an OSError) naming path, and the old file untouched."""
    text = report_html(reg, municipality, lang, include_personal, peers)
    data = text.encode("utf-8")
    _lib().veilig_save_text(os.fsencode(path), data, len(data), _capi.ErrorRecord())


def render_diagnostics(reg: "Registry", format: str = "text", lang: str = "nl") -> str:
    """reg.validate()'s findings as a table (text, CSV, Markdown or JSON)."""
    lib = _lib()
    with _capi.result(lib.veilig_validate, lib.veilig_diagnostics_free, reg._p()) as d:
        return render("veilig_render_diagnostics", d, format, lang)


def _member(reg: "Registry", municipality: Any) -> "Optional[Municipality]":
    """A municipality of reg from an object, a code or a name (None stays None)."""
    if municipality is None:
        return None
    if isinstance(municipality, Municipality):
        if municipality._reg is not reg:
            raise ValueError("%r is not a municipality of this registry" % (municipality,))
        municipality._p()
        return municipality
    if isinstance(municipality, str):
        return reg[municipality]
    raise TypeError("expected a Municipality, its code or its name, not %s"
                    % type(municipality).__name__)
