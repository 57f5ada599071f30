"""The C side of the binding: finding and loading libveilig, and the one
table of ctypes signatures.

Everything that touches ctypes lives here (cindex.py style): the library is
looked up and loaded on first use (:func:`lib`), every function the binding
uses is declared once in :data:`FUNCTIONS` as ``(name, argtypes, restype,
errcheck)``, its signature set when the function is first looked up on the
object :func:`lib` returns (the library's load checks that every one is
there), and only registered functions are reachable through that object, so
a call with an undeclared signature cannot happen.

Functions that return a status code get an ``errcheck`` that raises the
matching :class:`veilig.Error` subclass on a negative code, filled in from
the ``veilig_error`` record passed to the call, if any.

An analysis is declared the same way: its compute, accessor, free and
``_to_json`` functions in :data:`FUNCTIONS`; the binding runs it with
:func:`result` (a context manager that frees the opaque result however the
block ends) or :func:`call_result` (which returns its JSON parsed, as
:func:`veilig.Registry.validate` does). The renderings of report.h are in
:data:`OPTIONAL`: a library that lacks one still loads (:func:`has`).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import threading
from ctypes import (POINTER, Structure, byref, c_char, c_char_p, c_double, c_int,
                    c_int64, c_size_t, c_uint, c_void_p, sizeof, string_at)
from typing import Any, Callable, Iterator, List, Optional, Sequence, Set, Tuple

from . import errors

__all__ = ["ABI_VERSION", "lib", "library_path", "set_library_path", "take_string",
           "render_json", "call_result", "result", "has", "ErrorRecord", "CDate",
           "LoadOptions", "SaveOptions", "CoverageOptions", "PeersOptions", "ScheduleOptions",
           "ProgressOptions", "ReportOptions", "encode", "decode", "FUNCTIONS", "OPTIONAL"]

#: The ABI major number this package is written against (the N of libveilig.so.N).
ABI_VERSION = 1

_SONAME = "libveilig.so.%d" % ABI_VERSION

# ---- C structures of the public headers ----


class ErrorRecord(Structure):
    """``veilig_error`` (common.h): what went wrong and where."""

    _fields_ = [("code", c_int), ("line", c_int), ("column", c_int),
                ("position", c_size_t), ("source", c_char * 256),
                ("pointer", c_char * 256), ("message", c_char * 256)]


class CDate(Structure):
    """``veilig_date`` (common.h): a partial date, 0 for an absent month or day."""

    _fields_ = [("year", c_int), ("month", c_int), ("day", c_int)]


class LoadOptions(Structure):
    """``veilig_load_options`` (codec.h), version 3 (max_size; every schema error)."""

    _fields_ = [("version", c_uint), ("flags", c_uint), ("source", c_char_p),
                ("max_depth", c_size_t), ("max_string", c_size_t),
                ("max_municipalities", c_size_t), ("max_size", c_size_t),
                ("errors", POINTER(ErrorRecord)), ("max_errors", c_size_t),
                ("error_count", POINTER(c_size_t))]


class SaveOptions(Structure):
    """``veilig_save_options`` (codec.h), version 1."""

    _fields_ = [("version", c_uint), ("flags", c_uint)]


class CoverageOptions(Structure):
    """``veilig_coverage_options`` (analysis.h), version 1."""

    _fields_ = [("version", c_uint), ("axis", c_int),  # veilig_vocab (an enum: int)
                ("active_on", CDate), ("all_measures", c_int)]


class PeersOptions(Structure):
    """``veilig_peers_options`` (analysis.h), version 1."""

    _fields_ = [("version", c_uint), ("k", c_size_t)]


class ScheduleOptions(Structure):
    """``veilig_schedule_options`` (analysis.h), version 1. The C fields
    ``from`` and ``to`` are ``from_`` and ``to`` here (``from`` is a Python
    keyword)."""

    _fields_ = [("version", c_uint), ("days", c_uint), ("from_", c_int), ("to", c_int),
                ("active_on", CDate)]


class ProgressOptions(Structure):
    """``veilig_progress_options`` (analysis.h), version 1."""

    _fields_ = [("version", c_uint), ("as_of", CDate)]


class ReportOptions(Structure):
    """``veilig_report_options`` (report.h), version 1. ``lang`` points into
    a bytes object the structure keeps (ctypes holds it in ``_objects``)."""

    _fields_ = [("version", c_uint), ("format", c_int),  # veilig_format (an enum: int)
                ("lang", c_char_p), ("flags", c_uint), ("peers", c_size_t)]


class SheetOptions(Structure):
    """veilig_sheet_options."""

    _fields_ = [("version", c_uint), ("flags", c_uint), ("lang", c_char_p),
                ("separator", c_char)]


class SiteOptions(Structure):
    """veilig_site_options."""

    _fields_ = [("version", c_uint), ("lang", c_char_p), ("flags", c_uint), ("peers", c_size_t),
                ("threads", c_uint)]


SITE_OPTIONS_VERSION = 2
SITE_INCLUDE_PERSONAL = 1
SITE_FORCE = 2


class ImportOptions(Structure):
    """veilig_import_options."""

    _fields_ = [("version", c_uint), ("flags", c_uint), ("encoding", c_char_p),
                ("max_errors", c_size_t)]


SHEET_OPTIONS_VERSION = 1
IMPORT_OPTIONS_VERSION = 1
SHEET_INCLUDE_PERSONAL = 1
LOAD_OPTIONS_VERSION = 3
#: VEILIG_DEFAULT_MAX_SIZE: the most bytes of a document's text by default,
#: 4 GiB where size_t holds it (else the largest size_t).
DEFAULT_MAX_SIZE = (1 << 32) if sizeof(c_size_t) > 4 else (1 << 8 * sizeof(c_size_t)) - 1
SAVE_OPTIONS_VERSION = 1
COVERAGE_OPTIONS_VERSION = 1
PEERS_OPTIONS_VERSION = 1
SCHEDULE_OPTIONS_VERSION = 1
PROGRESS_OPTIONS_VERSION = 1
REPORT_OPTIONS_VERSION = 1
REPORT_INCLUDE_PERSONAL = 1 << 0
#: CSV cells as they are, without the formula guard (docs/security.md)
REPORT_RAW = 1 << 1
SAVE_OMIT_PERSONAL = 1 << 0
SAVE_COMPACT = 1 << 1
SAVE_ASCII = 1 << 2
ADD_REPLACE = 1 << 0
ADD_AS_LOADED = 1 << 1

OK = 0
ESCHEMA = -4
ENOTFOUND = -6

# ---- errcheck functions ----


def _record_in(args: Sequence[Any]) -> Optional[ErrorRecord]:
    for arg in args:
        if isinstance(arg, ErrorRecord):
            return arg
    return None


def error_for(code: int, record: Optional[ErrorRecord] = None,
              function: Optional[str] = None) -> errors.Error:
    """The exception for a status code a function just returned: the library's
    strerror text and, for a function without a record, the thread's last
    error (read in the thread of the call, right after it: an errcheck), are
    passed into errors.from_status. The last error is cleared once read, so
    that a later failure that leaves none does not show it."""
    strerror = decode(lib().veilig_strerror(code))
    last_message = None
    if record is None or record.code != code:
        last = lib().veilig_error_last()
        if last and last.contents.code == code:
            last_message = bytes(last.contents.message)
        lib().veilig_error_clear()
    return errors.from_status(code, record, function, strerror=strerror,
                              last_message=last_message)


def _check_status(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """Raises on a negative status; the error record among args, if any, says more."""
    if result < 0:
        raise error_for(result, _record_in(args), func.__name__)
    return result


def _check_found(result: int, func: Any, args: Tuple[Any, ...]) -> int:
    """Like _check_status, but VEILIG_ENOTFOUND ("absent") is returned, not raised."""
    if result < 0 and result != ENOTFOUND:
        raise error_for(result, _record_in(args), func.__name__)
    return result


# ---- the table ----

_p = c_void_p           # every opaque object pointer
_pp = POINTER(c_void_p)  # out-parameters for objects and library-allocated strings
_str = c_char_p          # const char * (borrowed strings are copied by ctypes at once)
_date_p = POINTER(CDate)
_err_p = POINTER(ErrorRecord)
_size_p = POINTER(c_size_t)
_S = _check_status
_F = _check_found

Entry = Tuple[str, List[Any], Any, Optional[Callable[..., Any]]]


def _string_field(obj: str, field: str) -> List[Entry]:
    return [("veilig_%s_%s" % (obj, field), [_p], _str, None),
            ("veilig_%s_set_%s" % (obj, field), [_p, _str], c_int, _S)]


def _date_field(obj: str, field: str) -> List[Entry]:
    return [("veilig_%s_%s" % (obj, field), [_date_p, _p], c_int, _F),
            ("veilig_%s_set_%s" % (obj, field), [_p, _date_p], c_int, _S)]


def _vocab_field(obj: str, field: str) -> List[Entry]:
    return [("veilig_%s_%s" % (obj, field), [_p], c_int, None),
            ("veilig_%s_%s_code" % (obj, field), [_p], _str, None),
            ("veilig_%s_set_%s" % (obj, field), [_p, c_int], c_int, _S)]


def _vocab_list(obj: str, item: str) -> List[Entry]:
    return [("veilig_%s_%s_count" % (obj, item), [_p], c_size_t, None),
            ("veilig_%s_%s" % (obj, item), [_p, c_size_t], c_int, None),
            ("veilig_%s_%s_code" % (obj, item), [_p, c_size_t], _str, None),
            ("veilig_%s_add_%s" % (obj, item), [_p, c_int], c_int, _S),
            ("veilig_%s_remove_%s" % (obj, item), [_p, c_size_t], c_int, _S)]


def _double_field(obj: str, field: str, clearable: bool = True) -> List[Entry]:
    entries: List[Entry] = [
        ("veilig_%s_%s" % (obj, field), [POINTER(c_double), _p], c_int, _F),
        ("veilig_%s_set_%s" % (obj, field), [_p, c_double], c_int, _S)]
    if clearable:
        entries.append(("veilig_%s_clear_%s" % (obj, field), [_p], None, None))
    return entries


def _children(parent: str, item: str, add_args: Sequence[Any] = ()) -> List[Entry]:
    """count, get, add (out, parent, *add_args) and remove of a child list.

    The binding keeps the pointers the const getters return and passes them
    to setters as well: they are the same objects the _mut getters return.
    """
    return [("veilig_%s_%s_count" % (parent, item), [_p], c_size_t, None),
            ("veilig_%s_%s" % (parent, item), [_p, c_size_t], _p, None),
            ("veilig_%s_add_%s" % (parent, item), [_pp, _p] + list(add_args), c_int, _S),
            ("veilig_%s_remove_%s" % (parent, item), [_p, c_size_t], c_int, _S)]


#: Every C function the binding uses: (name, argtypes, restype, errcheck).
FUNCTIONS: List[Entry] = [
    # sheet.h
    ("veilig_sheet_count", [], c_int, None),
    ("veilig_sheet_name", [c_int, _str], _str, None),
    ("veilig_sheet_from_name", [_str], c_int, None),
    ("veilig_sheet_export_csv", [_pp, _size_p, _p, c_int, POINTER(SheetOptions)], c_int, _S),
    ("veilig_sheet_save_xlsx", [_p, c_char_p, POINTER(SheetOptions), _err_p], c_int, _S),
    ("veilig_site_write", [_p, c_char_p, POINTER(SiteOptions), _err_p], c_int, _S),
    ("veilig_site_write_file", [_pp, c_char_p, POINTER(LoadOptions), c_char_p,
                                POINTER(SiteOptions), _err_p], c_int, _S),
    ("veilig_import_new", [_pp, _p, POINTER(ImportOptions)], c_int, _S),
    ("veilig_import_free", [_p], None, None),
    ("veilig_import_add_csv", [_p, _str, c_char_p, c_size_t, c_int], c_int, None),
    ("veilig_import_add_xlsx", [_p, _str, c_char_p, c_size_t], c_int, None),
    ("veilig_import_finish", [_pp, _p], c_int, None),
    ("veilig_import_error_count", [_p], c_size_t, None),
    ("veilig_import_error", [_p, c_size_t], _err_p, None),
    # common.h
    ("veilig_version", [], _str, None),
    ("veilig_version_number", [], c_uint, None),
    ("veilig_abi_version", [], c_int, None),
    ("veilig_strerror", [c_int], _str, None),
    ("veilig_error_last", [], POINTER(ErrorRecord), None),
    ("veilig_error_clear", [], None, None),
    ("veilig_free", [c_void_p], None, None),
    ("veilig_date_parse", [_date_p, _str], c_int, None),
    ("veilig_date_format", [c_char_p, c_size_t, _date_p], c_int, None),
    ("veilig_date_compare", [_date_p, _date_p], c_int, None),
    # vocab.h
    ("veilig_vocab_name", [c_int], _str, None),
    ("veilig_vocab_from_name", [_str], c_int, None),
    ("veilig_vocab_size", [c_int], c_int, None),
    ("veilig_vocab_code", [c_int, c_int], _str, None),
    ("veilig_vocab_label", [c_int, c_int, _str], _str, None),
    ("veilig_vocab_from_code", [c_int, _str], c_int, None),
    ("veilig_vocab_suggest", [c_int, _str], _str, None),
    ("veilig_category_approach", [c_int], c_int, None),
    # model.h: registry
    ("veilig_registry_new", [_pp], c_int, _S),
    ("veilig_registry_free", [_p], None, None),
    ("veilig_registry_version", [_p], c_int, None),
    ("veilig_registry_count", [_p], c_size_t, None),
    ("veilig_registry_get", [_p, c_size_t], _p, None),
    ("veilig_registry_find", [_p, _str], _p, None),
    ("veilig_registry_index_of", [_p, _p], c_size_t, None),
    ("veilig_registry_add", [_pp, _p, _str, _str], c_int, _S),
    ("veilig_registry_remove", [_p, c_size_t], c_int, _S),
    ("veilig_registry_programme", [_p], _p, None),
    ("veilig_registry_set_programme", [_pp, _p], c_int, _S),
    ("veilig_registry_clear_programme", [_p], None, None),
    # programme
    *_string_field("programme", "name"),
    *_string_field("programme", "operator"),
    ("veilig_programme_contact", [_p], _p, None),
    ("veilig_programme_set_contact", [_pp, _p], c_int, _S),
    ("veilig_programme_clear_contact", [_p], None, None),
    *_children("programme", "source", [_str]),
    # municipality
    *_string_field("municipality", "code"),
    *_string_field("municipality", "name"),
    *_string_field("municipality", "official_name"),
    *_string_field("municipality", "province"),
    *_date_field("municipality", "membership_joined"),
    *_date_field("municipality", "membership_start"),
    *_date_field("municipality", "membership_end"),
    *_vocab_field("municipality", "membership_status"),
    *_string_field("municipality", "membership_note"),
    *_string_field("municipality", "summary"),
    *_string_field("municipality", "ambition"),
    *_vocab_list("municipality", "target_group"),
    *_vocab_list("municipality", "setting"),
    *_vocab_list("municipality", "focus"),
    *_children("municipality", "exclusion", [c_int, _str]),
    *_children("municipality", "policy_link", [_str]),
    *_children("municipality", "stakeholder", [_str, _str, c_int]),
    *_children("municipality", "contact"),
    *_children("municipality", "measure", [_str, _str, c_int]),
    *_children("municipality", "indicator", [_str, _str]),
    *_children("municipality", "source", [_str]),
    ("veilig_municipality_find_measure", [_p, _str], _p, None),
    ("veilig_municipality_find_stakeholder", [_p, _str], _p, None),
    ("veilig_municipality_find_indicator", [_p, _str], _p, None),
    # exclusion, policy link
    *_vocab_field("exclusion", "approach"),
    *_string_field("exclusion", "reason"),
    *_string_field("policy_link", "name"),
    *_vocab_field("policy_link", "kind"),
    *_vocab_field("policy_link", "relation"),
    *_string_field("policy_link", "note"),
    # stakeholder
    *_string_field("stakeholder", "id"),
    *_string_field("stakeholder", "name"),
    *_vocab_field("stakeholder", "kind"),
    *_vocab_list("stakeholder", "role"),
    *_string_field("stakeholder", "parent"),
    *_string_field("stakeholder", "note"),
    # contact
    *_string_field("contact", "stakeholder"),
    *_vocab_field("contact", "role"),
    *_string_field("contact", "name"),
    *_string_field("contact", "phone"),
    *_string_field("contact", "email"),
    ("veilig_contact_personal", [_p], c_int, None),
    ("veilig_contact_set_personal", [_p, c_int], c_int, _S),
    # source
    *_string_field("source", "title"),
    *_string_field("source", "publisher"),
    *_string_field("source", "url"),
    *_date_field("source", "retrieved"),
    # measure
    *_string_field("measure", "id"),
    *_string_field("measure", "name"),
    *_string_field("measure", "description"),
    *_vocab_field("measure", "category"),
    *_vocab_field("measure", "approach"),
    *_vocab_list("measure", "target_group"),
    *_vocab_list("measure", "setting"),
    *_string_field("measure", "area_name"),
    *_string_field("measure", "area_note"),
    *_children("measure", "window"),
    *_children("measure", "partner", [_str, c_int]),
    *_vocab_field("measure", "status"),
    *_date_field("measure", "period_start"),
    *_date_field("measure", "period_end"),
    ("veilig_measure_budget_cents", [POINTER(c_int64), _p], c_int, _F),
    ("veilig_measure_budget_currency", [_p], _str, None),
    ("veilig_measure_budget_start", [_date_p, _p], c_int, _F),
    ("veilig_measure_budget_end", [_date_p, _p], c_int, _F),
    ("veilig_measure_set_budget", [_p, c_int64, _str], c_int, _S),
    ("veilig_measure_set_budget_period", [_p, _date_p, _date_p], c_int, _S),
    ("veilig_measure_clear_budget", [_p], None, None),
    *_vocab_field("measure", "evidence"),
    ("veilig_measure_indicator_count", [_p], c_size_t, None),
    ("veilig_measure_indicator", [_p, c_size_t], _str, None),
    ("veilig_measure_add_indicator", [_p, _str], c_int, _S),
    ("veilig_measure_remove_indicator", [_p, c_size_t], c_int, _S),
    ("veilig_measure_municipality", [_p], _p, None),
    # window
    *_vocab_list("window", "day"),
    *_vocab_list("window", "daypart"),
    ("veilig_window_from", [_p], c_int, None),
    ("veilig_window_to", [_p], c_int, None),
    ("veilig_window_set_hours", [_p, c_int, c_int], c_int, _S),
    *_string_field("window", "note"),
    # partner
    *_string_field("partner", "stakeholder"),
    *_vocab_field("partner", "role"),
    *_string_field("partner", "note"),
    # indicator
    *_string_field("indicator", "id"),
    *_string_field("indicator", "name"),
    *_vocab_field("indicator", "level"),
    *_vocab_field("indicator", "unit"),
    *_vocab_field("indicator", "direction"),
    *_date_field("indicator", "baseline_date"),
    *_double_field("indicator", "baseline_value"),
    *_string_field("indicator", "baseline_note"),
    *_date_field("indicator", "target_date"),
    *_double_field("indicator", "target_value"),
    *_children("indicator", "observation", [_date_p, c_double]),
    # observation
    *_date_field("observation", "date"),
    *_double_field("observation", "value", clearable=False),
    *_string_field("observation", "source"),
    *_string_field("observation", "note"),
    # codec.h
    ("veilig_load_options_init", [POINTER(LoadOptions), c_uint], c_int, _S),
    ("veilig_save_options_init", [POINTER(SaveOptions), c_uint], c_int, _S),
    ("veilig_registry_load_file", [_pp, c_char_p, POINTER(LoadOptions), _err_p], c_int, _S),
    ("veilig_registry_load_string", [_pp, c_char_p, c_size_t, POINTER(LoadOptions), _err_p],
     c_int, _S),
    ("veilig_registry_load_builtin", [_pp, _err_p], c_int, _S),
    ("veilig_builtin_json", [_size_p], c_void_p, None),
    ("veilig_registry_dump", [_pp, _size_p, _p, POINTER(SaveOptions), _err_p], c_int, _S),
    ("veilig_registry_save_file", [_p, c_char_p, POINTER(SaveOptions), _err_p], c_int, _S),
    ("veilig_municipality_to_json", [_pp, _size_p, _p, POINTER(SaveOptions), _err_p], c_int, _S),
    ("veilig_measure_to_json", [_pp, _size_p, _p, POINTER(SaveOptions), _err_p], c_int, _S),
    ("veilig_registry_add_json", [_pp, _p, c_char_p, c_size_t, c_uint, _err_p], c_int, _S),
    ("veilig_municipality_add_measure_json", [_pp, _p, c_char_p, c_size_t, c_uint, _err_p],
     c_int, _S),
    ("veilig_json_locate", [_err_p, c_char_p, c_size_t, _str], c_int, _F),
    # validate.h
    ("veilig_validate", [_pp, _p], c_int, _S),
    ("veilig_diagnostics_free", [_p], None, None),
    ("veilig_diagnostics_count", [_p], c_size_t, None),
    ("veilig_diagnostics_to_json", [_pp, _size_p, _p], c_int, _S),
    ("veilig_severity_name", [c_int], _str, None),
    ("veilig_rule_count", [], c_size_t, None),
    ("veilig_rule_id", [c_size_t], _str, None),
    ("veilig_rule_severity", [c_size_t], c_int, None),
    ("veilig_rule_summary", [c_size_t], _str, None),
    # query.h
    ("veilig_measure_is_active", [_p, _date_p], c_int, None),
    ("veilig_query_new", [_pp], c_int, _S),
    ("veilig_query_free", [_p], None, None),
    ("veilig_save_text", [_str, c_char_p, c_size_t, POINTER(ErrorRecord)], c_int, _S),
    ("veilig_query_add", [_p, c_int, _str], c_int, _S),
    ("veilig_query_or", [_p], c_int, _S),
    ("veilig_query_parse", [_pp, _str, POINTER(ErrorRecord)], c_int, _S),
    ("veilig_filter_name", [c_int], _str, None),
    ("veilig_filter_from_name", [_str], c_int, None),
    ("veilig_query_run", [_pp, _p, _p], c_int, _S),
    ("veilig_query_result_free", [_p], None, None),
    ("veilig_query_result_count", [_p], c_size_t, None),
    ("veilig_query_result_municipality", [_p, c_size_t], _p, None),
    ("veilig_query_result_measure", [_p, c_size_t], _p, None),
    ("veilig_query_result_to_json", [_pp, _size_p, _p], c_int, _S),
    ("veilig_text_fold", [_pp, _str], c_int, _S),
    # analysis.h: coverage
    ("veilig_coverage_options_init", [POINTER(CoverageOptions), c_uint], c_int, _S),
    ("veilig_coverage", [_pp, _p, POINTER(CoverageOptions)], c_int, _S),
    ("veilig_coverage_free", [_p], None, None),
    ("veilig_coverage_axis", [_p], c_int, None),
    ("veilig_coverage_rows", [_p], c_size_t, None),
    ("veilig_coverage_columns", [_p], c_size_t, None),
    ("veilig_coverage_row", [_p, c_size_t], _p, None),
    ("veilig_coverage_column", [_p, c_size_t], c_int, None),
    ("veilig_coverage_column_code", [_p, c_size_t], _str, None),
    ("veilig_coverage_count", [_p, c_size_t, c_size_t], c_uint, None),
    ("veilig_coverage_row_total", [_p, c_size_t], c_uint, None),
    ("veilig_coverage_column_total", [_p, c_size_t], c_uint, None),
    ("veilig_coverage_total", [_p], c_uint, None),
    ("veilig_coverage_to_json", [_pp, _size_p, _p], c_int, _S),
    # profile
    ("veilig_profile", [_pp, _p], c_int, _S),
    ("veilig_profile_free", [_p], None, None),
    ("veilig_profile_municipality", [_p], _p, None),
    ("veilig_profile_approach_count", [_p, c_int], c_uint, None),
    ("veilig_profile_category_count", [_p, c_int], c_uint, None),
    ("veilig_profile_category_budget", [_p, c_int], c_int64, None),
    ("veilig_profile_target_group_count", [_p], c_size_t, None),
    ("veilig_profile_target_group_code", [_p, c_size_t], _str, None),
    ("veilig_profile_target_group_in_scope", [_p, c_size_t], c_int, None),
    ("veilig_profile_target_group_measures", [_p, c_size_t], c_uint, None),
    ("veilig_profile_stakeholder_count", [_p], c_size_t, None),
    ("veilig_profile_stakeholder", [_p, c_size_t], _p, None),
    ("veilig_profile_stakeholder_measures", [_p, c_size_t], c_uint, None),
    ("veilig_profile_kind_count", [_p, c_int], c_uint, None),
    ("veilig_profile_gap_count", [_p], c_size_t, None),
    ("veilig_profile_gap_kind", [_p, c_size_t], c_int, None),
    ("veilig_profile_gap_code", [_p, c_size_t], _str, None),
    ("veilig_profile_gap_measure", [_p, c_size_t], _p, None),
    ("veilig_profile_to_json", [_pp, _size_p, _p], c_int, _S),
    # comparison
    ("veilig_compare", [_pp, _p, _p], c_int, _S),
    ("veilig_comparison_free", [_p], None, None),
    ("veilig_comparison_count", [_p], c_size_t, None),
    ("veilig_comparison_vocab", [_p, c_size_t], c_int, None),
    ("veilig_comparison_code", [_p, c_size_t], _str, None),
    ("veilig_comparison_a", [_p, c_size_t], c_uint, None),
    ("veilig_comparison_b", [_p, c_size_t], c_uint, None),
    ("veilig_comparison_to_json", [_pp, _size_p, _p], c_int, _S),
    # peers
    ("veilig_peers_options_init", [POINTER(PeersOptions), c_uint], c_int, _S),
    ("veilig_peers", [_pp, _p, _p, POINTER(PeersOptions)], c_int, _S),
    ("veilig_peers_free", [_p], None, None),
    ("veilig_peers_count", [_p], c_size_t, None),
    ("veilig_peers_subject", [_p, c_size_t], _p, None),
    ("veilig_peers_rank", [_p, c_size_t], c_size_t, None),
    ("veilig_peers_peer", [_p, c_size_t], _p, None),
    ("veilig_peers_similarity", [_p, c_size_t], c_double, None),
    ("veilig_peers_suggestion_count", [_p, c_size_t], c_size_t, None),
    ("veilig_peers_suggestion", [_p, c_size_t, c_size_t], _p, None),
    ("veilig_peers_to_json", [_pp, _size_p, _p], c_int, _S),
    ("veilig_similarity", [_p, _p], c_double, None),
    # diff
    ("veilig_diff", [_pp, _p, _p, _str], c_int, _S),
    ("veilig_diff_free", [_p], None, None),
    ("veilig_diff_count", [_p], c_size_t, None),
    ("veilig_diff_change", [_p, c_size_t], c_int, None),
    ("veilig_diff_municipality", [_p, c_size_t], _str, None),
    ("veilig_diff_measure", [_p, c_size_t], _str, None),
    ("veilig_diff_pointer", [_p, c_size_t], _str, None),
    ("veilig_diff_old", [_p, c_size_t], _str, None),
    ("veilig_diff_new", [_p, c_size_t], _str, None),
    ("veilig_diff_to_json", [_pp, _size_p, _p], c_int, _S),
    # schedule
    ("veilig_schedule_options_init", [POINTER(ScheduleOptions), c_uint], c_int, _S),
    ("veilig_schedule", [_pp, _p, POINTER(ScheduleOptions)], c_int, _S),
    ("veilig_schedule_free", [_p], None, None),
    ("veilig_schedule_slot", [_p, c_int, c_int], c_uint, None),
    ("veilig_schedule_slot_category", [_p, c_int, c_int, c_int], c_uint, None),
    ("veilig_schedule_window_share", [_p], c_double, None),
    ("veilig_schedule_window_minutes", [_p], c_uint, None),
    ("veilig_schedule_covered_minutes", [_p], c_uint, None),
    ("veilig_schedule_measure_count", [_p], c_size_t, None),
    ("veilig_schedule_to_json", [_pp, _size_p, _p], c_int, _S),
    # progress
    ("veilig_progress_options_init", [POINTER(ProgressOptions), c_uint], c_int, _S),
    ("veilig_track_name", [c_int], _str, None),
    ("veilig_progress", [_pp, _p, POINTER(ProgressOptions)], c_int, _S),
    ("veilig_progress_free", [_p], None, None),
    ("veilig_progress_count", [_p], c_size_t, None),
    ("veilig_progress_indicator", [_p, c_size_t], _p, None),
    ("veilig_progress_latest", [POINTER(c_double), _date_p, _p, c_size_t], c_int, _F),
    ("veilig_progress_fraction", [POINTER(c_double), _p, c_size_t], c_int, _F),
    ("veilig_progress_track", [_p, c_size_t], c_int, None),
    ("veilig_progress_projection", [POINTER(c_double), _p, c_size_t], c_int, _F),
    ("veilig_progress_to_json", [_pp, _size_p, _p], c_int, _S),
    # report.h
    ("veilig_format_name", [c_int], _str, None),
    ("veilig_format_from_name", [_str], c_int, None),
    ("veilig_report_options_init", [POINTER(ReportOptions), c_uint], c_int, _S),
    ("veilig_report_html", [_pp, _size_p, _p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_list", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_municipality", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_query", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_coverage", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_profile", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_comparison", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_peers", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_diff", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_schedule", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_progress", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_render_diagnostics", [_pp, _size_p, _p, POINTER(ReportOptions)], c_int, _S),
    ("veilig_table_name", [c_int], _str, None),
    ("veilig_table_from_name", [_str], c_int, None),
    ("veilig_export", [_pp, _size_p, _p, c_int, POINTER(ReportOptions)], c_int, _S),
]

#: Functions of FUNCTIONS a library of ABI 1 may still lack: the renderings
#: of report.h, which were written after the rest. When one is missing, it is
#: registered as a stub that raises NotImplementedError (saying which
#: function), and :func:`has` tells; every other missing function is an
#: ImportError at load, as for a library older than this package.
OPTIONAL = frozenset(name for name, _, _, _ in FUNCTIONS
                     if name.startswith(("veilig_render_", "veilig_report_html",
                                         "veilig_export", "veilig_table_")))

#: The functions that release the GIL while they run: those whose work grows
#: with the document (loading, saving, validation, the analyses' compute and
#: JSON, the renderings, sheets), so that threads reading one registry (or
#: several) run them at once. Every other function (a getter, a setter, an
#: accessor of a result) runs in microseconds and keeps the GIL: releasing
#: and taking it back around each of them cost more than the call, and with
#: several threads every call became a handoff of the GIL between them
#: (4 threads doing ``m.profile()``, some 60 calls each, took several times
#: the time of one thread; issue 15 point 8, bench/python_baseline.py).
RELEASES_GIL = frozenset(
    name for name, _, _, _ in FUNCTIONS
    if name in ("veilig_coverage", "veilig_profile", "veilig_compare", "veilig_peers",
                "veilig_similarity", "veilig_diff", "veilig_schedule", "veilig_progress",
                "veilig_validate", "veilig_query_run", "veilig_builtin_json",
                "veilig_import_finish")
    or name.endswith("_to_json")
    or name.startswith(("veilig_registry_load", "veilig_registry_save", "veilig_registry_dump",
                        "veilig_save_text", "veilig_render_", "veilig_report_html",
                        "veilig_export", "veilig_sheet_export", "veilig_sheet_save",
                        "veilig_import_add_", "veilig_site_write")))


# ---- finding and loading the library ----

class _Lib:
    """The loaded library: one attribute per registered function, nothing else.

    A function's ctypes signature (argtypes, restype, errcheck) is declared
    from its entry in :data:`FUNCTIONS` when the function is first looked up
    (:meth:`__getattr__`), not for the whole table when the library loads: a
    process that calls forty functions declares forty. The declared function
    is then kept as an attribute, so that later look-ups are plain attribute
    reads that no longer reach __getattr__.
    """

    def __init__(self, cdll: ctypes.CDLL, held: ctypes.PyDLL, path: str) -> None:
        self._cdll = cdll  # its functions release the GIL (RELEASES_GIL)
        self._held = held  # the same library as a PyDLL: its functions keep the GIL
        self._path = path
        self._table = {entry[0]: entry for entry in FUNCTIONS}
        self._missing: Set[str] = set()

    def __getattr__(self, name: str) -> Any:
        # Reached only for a name that is no attribute yet: a registered
        # function looked up for the first time, or anything else.
        entry = None if name.startswith("_") else self._table.get(name)
        if entry is None:
            raise AttributeError("%s is not a function of veilig._capi.FUNCTIONS" % name)
        _, argtypes, restype, errcheck = entry
        # dll[name] makes a function object of its own, where getattr(dll,
        # name) would hand out the one the dll caches, to another thread too,
        # before its signature is set here. Two threads that look up the same
        # function at once each declare one, alike, and the last is kept.
        func = (self._cdll if name in RELEASES_GIL else self._held)[name]
        func.argtypes = argtypes
        func.restype = restype
        if errcheck is not None:
            func.errcheck = errcheck
        setattr(self, name, func)
        return func

    def __dir__(self) -> List[str]:
        return sorted(set(super().__dir__()) | set(self._table))

    def __repr__(self) -> str:
        return "<libveilig %s>" % self._path


_lock = threading.Lock()
_loaded: Optional[_Lib] = None
_configured_path: Optional[str] = None
_tried: List[str] = []


def set_library_path(path: "os.PathLike[str] | str") -> None:
    """Uses the library at path (before the first call that needs it).

    Takes precedence over VEILIG_LIBRARY and the search; raises RuntimeError
    once the library is loaded.
    """
    global _configured_path
    with _lock:
        if _loaded is not None:
            raise RuntimeError("libveilig is loaded already (from %s)" % _loaded._path)
        _configured_path = os.fspath(path)


def _package_dir() -> str:
    return os.path.dirname(os.path.abspath(__file__))


def _candidates() -> List[Tuple[str, bool]]:
    """Where to look, in order: (path or name, explicit). An explicit path that
    fails to load is an error; the others are tried in turn."""
    if _configured_path:
        return [(_configured_path, True)]
    env = os.environ.get("VEILIG_LIBRARY")
    if env:
        return [(env, True)]
    import glob  # only the search needs it (it imports re and fnmatch)
    pkg = _package_dir()
    found: List[Tuple[str, bool]] = []
    # Installed layout: beside the package, in a lib dir of it, or in the
    # libdir above <libdir>/python3/dist-packages/veilig (CMake's install),
    # a multiarch one beside it included (<prefix>/lib/x86_64-linux-gnu).
    libdir = os.path.normpath(os.path.join(pkg, "..", "..", ".."))
    for d in [pkg, os.path.join(pkg, "lib"), os.path.join(pkg, ".libs"), libdir,
              os.path.join(libdir, "lib")] + sorted(glob.glob(os.path.join(libdir, "*-linux-*"))):
        found.append((os.path.join(d, _SONAME), False))
    # A checkout: walk up to the repository root, then build*/.
    d = pkg
    while True:
        if os.path.isfile(os.path.join(d, "include", "veilig.h")):
            builds = sorted(glob.glob(os.path.join(d, "build*", _SONAME)) +
                            glob.glob(os.path.join(d, "build*", "*", _SONAME)),
                            key=lambda p: os.path.getmtime(p), reverse=True)
            found.extend((b, False) for b in builds)
            break
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    # Last, the system's dynamic loader by soname: LD_LIBRARY_PATH, the
    # ld.so cache and the default folders (how a Debian package finds it).
    found.append((_SONAME, False))
    return found


def _load() -> _Lib:
    tried = []
    cdll = None
    path = ""
    for candidate, explicit in _candidates():
        if not explicit and os.sep in candidate and not os.path.exists(candidate):
            continue
        try:
            cdll = ctypes.CDLL(candidate)
            path = candidate
            break
        except OSError as exc:
            if explicit:
                raise ImportError(
                    "cannot load libveilig from %r (%s): fix VEILIG_LIBRARY or "
                    "veilig.set_library_path()" % (candidate, exc)) from exc
            tried.append("%s (%s)" % (candidate, exc))
    if cdll is None:
        raise ImportError(
            "libveilig (%s) not found: set the environment variable VEILIG_LIBRARY to the path "
            "of %s (for example build/%s in a checkout after `cmake --build build`), or "
            "install the library where the dynamic linker finds it%s"
            % (_SONAME, _SONAME, _SONAME, "; tried: " + "; ".join(tried) if tried else ""))
    try:
        abi = cdll.veilig_abi_version
    except AttributeError as exc:
        raise ImportError("%s is not libveilig (no veilig_abi_version)" % path) from exc
    abi.argtypes = []
    abi.restype = c_int
    if abi() != ABI_VERSION:
        raise ImportError("%s has ABI version %d, but this veilig package needs ABI %d"
                          % (path, abi(), ABI_VERSION))
    # The same library, loaded again as a PyDLL (dlopen hands back the same
    # handle): its functions keep the GIL (see RELEASES_GIL).
    result = _Lib(cdll, ctypes.PyDLL(path), path)
    # Every function of the table must be there, though its signature is
    # declared on first use (_Lib.__getattr__): one symbol look-up each
    # (in_dll, which makes no function object), so that a library older than
    # this package is an ImportError here, not a failure in some later call.
    for name, _, _, _ in FUNCTIONS:
        try:
            c_void_p.in_dll(cdll, name)
        except ValueError as exc:
            if name in OPTIONAL:
                setattr(result, name, _missing(name, path))
                result._missing.add(name)
                continue
            raise ImportError("%s lacks %s: the library is older than this package"
                              % (path, name)) from exc
    return result


def _missing(name: str, path: str) -> Callable[..., Any]:
    """The stand-in for an OPTIONAL function the library lacks."""
    def missing(*args: Any) -> Any:
        raise NotImplementedError("%s has no %s (a libveilig built before its renderings "
                                  "were finished): update the library" % (path, name))
    missing.__name__ = name
    return missing


def has(name: str) -> bool:
    """Whether the loaded library has the registered function name (only
    functions of :data:`OPTIONAL` can be missing); loads the library."""
    loaded = lib()
    return name in loaded._table and name not in loaded._missing


def lib() -> Any:
    """The loaded library, loading it on first use (raises ImportError when it
    cannot be found or has the wrong ABI)."""
    global _loaded
    loaded = _loaded
    if loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = _load()
            loaded = _loaded
    return loaded


def library_path() -> str:
    """The path (or name) the library was loaded from; loads it if needed."""
    return str(lib()._path)


# ---- strings ----

def encode(value: Optional[str], what: str = "value") -> Optional[bytes]:
    """A str as NUL-terminated UTF-8 for the C side (None stays None)."""
    if value is None:
        return None
    if isinstance(value, bytes):
        data = value
    elif isinstance(value, str):
        data = value.encode("utf-8")
    else:
        raise TypeError("%s must be a str, not %s" % (what, type(value).__name__))
    if b"\0" in data:
        raise ValueError("%s must not contain a NUL character" % what)
    return data


def decode(value: Optional[bytes]) -> Optional[str]:
    """A borrowed C string (already copied by ctypes) as str."""
    return None if value is None else value.decode("utf-8")


def take_string(func: Any, *args: Any) -> str:
    """Calls ``func(char **out, size_t *len, *args)``, returns the text and frees
    it with veilig_free (the library's allocator, never Python's)."""
    out = c_void_p()
    size = c_size_t()
    try:
        func(byref(out), byref(size), *args)
        return string_at(out.value, size.value).decode("utf-8") if out.value else ""
    finally:
        if out.value:
            lib().veilig_free(out)


def render_json(to_json: Any, result: Any, *args: Any) -> Any:
    """Renders a result with its ``veilig_<x>_to_json`` function and parses it."""
    return json.loads(take_string(to_json, result, *args))


@contextlib.contextmanager
def result(compute: Any, free: Any, *args: Any) -> Iterator[c_void_p]:
    """Runs ``compute(result **out, *args)`` and yields the opaque result
    (a c_void_p), freeing it with ``free`` when the block ends, however it
    ends::

        with _capi.result(lib.veilig_coverage, lib.veilig_coverage_free, reg, opts) as c:
            rows = lib.veilig_coverage_rows(c)
    """
    out = c_void_p()
    compute(byref(out), *args)
    try:
        yield out
    finally:
        free(out)


def call_result(compute: Any, to_json: Any, free: Any, *args: Any) -> Any:
    """Runs an analysis-style function ``compute(result **out, *args)``, renders
    the opaque result as JSON with ``to_json``, frees it with ``free`` and
    returns the parsed JSON (dicts and lists)."""
    out = c_void_p()
    compute(byref(out), *args)
    try:
        return render_json(to_json, out)
    finally:
        free(out)
