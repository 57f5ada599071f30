"""Validation results and the JSON helpers they use: Severity, Diagnostic,
Rule, rules() and locate()."""

from __future__ import annotations

from dataclasses import dataclass
import enum
from typing import List, Optional, Tuple, Union

from . import _capi
from ._fields import _dec, _enc, _lib

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
