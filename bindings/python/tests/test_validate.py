"""Validation diagnostics."""

import dataclasses
import re

import pytest

import veilig
from veilig import Severity


def test_builtin_dataset_validates(reg):
    diagnostics = reg.validate()
    assert isinstance(diagnostics, list)
    for d in diagnostics:
        assert isinstance(d, veilig.Diagnostic)
        assert isinstance(d.severity, Severity)
        assert re.match(r"^V\d{3}$", d.rule)
        assert d.pointer == "" or d.pointer.startswith("/")
        assert d.message
        assert d.rule in str(d) and d.message in str(d)
    assert not [d for d in diagnostics if d.severity is Severity.ERROR]


def test_errors_and_warnings():
    reg = veilig.Registry()
    # Building refuses a malformed code; as loading does, as_loaded takes it
    # and leaves it to validation.
    with pytest.raises(veilig.InvalidArgumentError):
        reg.add_municipality("GM001", "Kortstad")
    m = reg.add_json({"code": "GM001", "name": "Kortstad", "province": "NL-XX"}, as_loaded=True)
    m.add_stakeholder("boa", "Boa's", "municipal_department")
    ms = m.add_measure("Hoofdletters", "M", "campaign", period_start="2024", period_end="2020",
                       partners=[("nobody", "executing")], indicators=["none"])
    ms.add_window(["fri"], from_="22:00", to="22:00")
    found = {(d.rule, d.severity) for d in reg.validate()}
    for rule in ("V002", "V006", "V007", "V010", "V011", "V012"):
        assert (rule, Severity.ERROR) in found, rule
    assert ("V018", Severity.WARNING) in found
    diagnostic = next(d for d in reg.validate() if d.rule == "V007")
    assert diagnostic.pointer == "/municipalities/0/measures/0/partners/0/stakeholder"
    reg.close()


def test_diagnostics_are_frozen_dataclasses(rich):
    d = rich.validate()[0]
    assert dataclasses.is_dataclass(d)
    with pytest.raises(dataclasses.FrozenInstanceError):
        d.rule = "V000"


def test_locate(rich):
    text = rich.dumps()
    diagnostic = next(d for d in rich.validate()
                      if d.pointer == "/municipalities/0/measures/2/category")
    line, column = diagnostic.locate(text)
    assert text.splitlines()[line - 1][column - 1:].startswith('"performance_art"')
    assert veilig.locate(text, "/municipalities/9") is None
    assert veilig.locate(text, "") == (1, 1)
    with pytest.raises(veilig.ParseError):
        veilig.locate("[", "/0")


def test_rules():
    rules = veilig.rules()
    assert len(rules) >= 20
    ids = [r.id for r in rules]
    assert len(set(ids)) == len(ids)
    assert all(isinstance(r.severity, Severity) and r.summary for r in rules)
    assert rules[0].id == "V001"
