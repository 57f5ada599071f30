"""The model: Registry, Municipality, Measure and the rest, over libveilig.

This module gathers the model's layer for readers and for ``from veilig.model
import ...``; the code lives by what it holds: _fields.py (the field
descriptors and _Node), objects.py (the objects of a registry),
diagnostics.py (validation results) and registry.py (the Registry, load()).

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

Setters and ``add_*`` functions (``add_*_json`` too) refuse an input that is
invalid in itself at once, with an :class:`veilig.InvalidArgumentError` (a
ValueError) that names the field and the bad value; loading a whole document
accepts it and leaves it to :meth:`Registry.validate` (see README.md).
"""

from .diagnostics import Diagnostic, Rule, Severity, locate, rules
from .objects import (Contact, Exclusion, Indicator, Measure, Membership, Municipality,
                      Observation, Partner, PolicyLink, Programme, Source, Stakeholder, Window)
from .registry import MAX_LOAD_ERRORS, Registry, builtin, builtin_json, load, loads

__all__ = ["Registry", "Programme", "Municipality", "Membership", "Exclusion", "PolicyLink",
           "Stakeholder", "Contact", "Source", "Measure", "Window", "Partner", "Indicator",
           "Observation", "Severity", "Diagnostic", "Rule", "load", "loads", "MAX_LOAD_ERRORS", "builtin",
           "builtin_json", "locate", "rules"]
