#!/usr/bin/python3
"""Checks docs/veilig.schema.json (JSON Schema draft 2020-12, format "veilig" version 1).

1. The schema itself is a valid draft 2020-12 schema (check_schema).
2. Every document given with --data, every *.json in each --valid directory
   (skipped when the directory does not exist) and every *.json in each --dumps
   directory (canonical dumps written by the library) validates against it.
3. A few documents built here, some valid and some deliberately invalid, are
   accepted or rejected as they should be, so that this test can fail when the
   schema goes lax (or too strict).

Documents are read as the library reads them: strict JSON (no NaN or Infinity),
UTF-8 with an optional byte order mark, and a duplicate key is an error.

Exit status 0 when everything holds, 1 otherwise. Needs python3-jsonschema
(Debian); scripts/install-deps installs it.
"""

import argparse
import copy
import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    sys.stderr.write(
        "check_schema: the Python module jsonschema is missing: run scripts/install-deps "
        "(as root, or with sudo) to install the Debian package python3-jsonschema\n"
    )
    sys.exit(1)

MAX_ERRORS_SHOWN = 20


class DuplicateKey(ValueError):
    pass


def _pairs(pairs):
    obj = {}
    for key, value in pairs:
        if key in obj:
            raise DuplicateKey('duplicate key "%s"' % key)
        obj[key] = value
    return obj


def _no_constant(name):
    raise ValueError("%s is not JSON" % name)


def load_json(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f, object_pairs_hook=_pairs, parse_constant=_no_constant)


def pointer(path):
    """An RFC 6901 pointer from a jsonschema error path."""
    parts = []
    for p in path:
        parts.append(str(p).replace("~", "~0").replace("/", "~1"))
    return "/" + "/".join(parts) if parts else ""


def errors_of(validator, doc):
    return sorted(validator.iter_errors(doc), key=lambda e: [str(p) for p in e.absolute_path])


def check_file(validator, path):
    """Validates one file; prints what is wrong. Returns True when it is valid."""
    try:
        doc = load_json(path)
    except (OSError, ValueError) as e:
        print("FAIL %s: cannot read it as JSON: %s" % (path, e))
        return False
    errs = errors_of(validator, doc)
    if not errs:
        print("ok   %s" % path)
        return True
    print("FAIL %s: %d schema error(s)" % (path, len(errs)))
    for e in errs[:MAX_ERRORS_SHOWN]:
        print("     at '%s': %s" % (pointer(e.absolute_path), e.message))
    if len(errs) > MAX_ERRORS_SHOWN:
        print("     ... and %d more" % (len(errs) - MAX_ERRORS_SHOWN))
    return False


# ---- documents built here ----

BASE = {
    "format": "veilig",
    "version": 1,
    "municipalities": [
        {
            "code": "GM0153",
            "name": "Enschede",
            "province": "NL-OV",
            "membership": {"joined": "2021-12", "status": "active"},
            "stakeholders": [
                {"id": "team-veiligheid", "name": "Team Veiligheid", "kind": "municipal_department"}
            ],
            "contacts": [{"stakeholder": "team-veiligheid", "role": "contact_point", "personal": True}],
            "measures": [
                {
                    "id": "pub-ploeg",
                    "name": "Preventie Unit Binnenstad",
                    "category": "deescalation",
                    "schedule": [
                        {"days": ["fri", "sat"], "from": "22:00", "to": "04:00"},
                        {"days": ["sun"], "dayparts": ["evening", "night"]},
                    ],
                    "partners": [{"stakeholder": "team-veiligheid", "role": "executing"}],
                    "period": {"start": "2022"},
                    "budget": {"amount": 12500.5, "currency": "EUR",
                               "period": {"start": "2024-02-29", "end": "2024-12-31"}},
                    "indicators": ["onveilig"],
                }
            ],
            "indicators": [
                {
                    "id": "onveilig",
                    "name": "Voelt zich weleens onveilig",
                    "unit": "percent",
                    "baseline": {"date": "2021", "value": 31},
                    "target": {"date": "2025", "value": 25},
                    "observations": [{"date": "2023-06", "value": 28.5}],
                }
            ],
        }
    ],
}


def _measure(d):
    return d["municipalities"][0]["measures"][0]


def _set(fn):
    d = copy.deepcopy(BASE)
    fn(d)
    return d


def _del(d, key):
    del d[key]


def _put(obj, key, value):
    obj[key] = value


# (what it is, the document): each must validate.
VALID = [
    ("the smallest document", {"format": "veilig", "version": 1}),
    ("a full small document", BASE),
    ("version written as 1.0", _set(lambda d: _put(d, "version", 1.0))),
    ("unknown keys everywhere (a newer version's document)",
     _set(lambda d: (_put(d, "x_new", {"a": [1]}), _put(d["municipalities"][0], "x_new", None),
                     _put(_measure(d), "x_new", True), _put(_measure(d)["schedule"][0], "x_new", 1),
                     _put(_measure(d)["budget"], "x_new", "x")))),
    ("a window ending at 24:00", _set(lambda d: _put(_measure(d)["schedule"][0], "to", "24:00"))),
    ("an amount of 0", _set(lambda d: _put(_measure(d)["budget"], "amount", 0))),
    ("an empty optional string", _set(lambda d: _put(_measure(d), "description", ""))),
]

# (what it is, the document): each must be rejected.
INVALID = [
    ("missing \"format\"", _set(lambda d: _del(d, "format"))),
    ("missing \"version\"", _set(lambda d: _del(d, "version"))),
    ("another format", _set(lambda d: _put(d, "format", "other"))),
    ("version 2", _set(lambda d: _put(d, "version", 2))),
    ("version as a string", _set(lambda d: _put(d, "version", "1"))),
    ("a measure without category", _set(lambda d: _del(_measure(d), "category"))),
    ("a measure without id", _set(lambda d: _del(_measure(d), "id"))),
    ("a measure with an empty name", _set(lambda d: _put(_measure(d), "name", ""))),
    ("a measure id with capitals and a space", _set(lambda d: _put(_measure(d), "id", "PUB ploeg"))),
    ("a municipality without code", _set(lambda d: _del(d["municipalities"][0], "code"))),
    ("a CBS code without GM", _set(lambda d: _put(d["municipalities"][0], "code", "0153"))),
    ("a province that is not ISO 3166-2", _set(lambda d: _put(d["municipalities"][0], "province", "Overijssel"))),
    ("a bad date (month 13)", _set(lambda d: _put(_measure(d)["period"], "start", "2021-13-01"))),
    ("a bad date (31 April)", _set(lambda d: _put(_measure(d)["period"], "start", "2021-04-31"))),
    ("a bad date (29 February 2023)", _set(lambda d: _put(_measure(d)["period"], "start", "2023-02-29"))),
    ("a bad date (day-month-year)", _set(lambda d: _put(_measure(d)["period"], "start", "01-12-2021"))),
    ("a bad date (year 0000)", _set(lambda d: _put(_measure(d)["period"], "start", "0000"))),
    ("a date that is a number", _set(lambda d: _put(_measure(d)["period"], "start", 2021))),
    ("a window starting at 24:00", _set(lambda d: _put(_measure(d)["schedule"][0], "from", "24:00"))),
    ("a time without leading zero", _set(lambda d: _put(_measure(d)["schedule"][0], "from", "7:00"))),
    ("a window with from but no to", _set(lambda d: _del(_measure(d)["schedule"][0], "to"))),
    ("a negative amount", _set(lambda d: _put(_measure(d)["budget"], "amount", -1))),
    ("an amount as a string", _set(lambda d: _put(_measure(d)["budget"], "amount", "12500"))),
    ("a budget without amount", _set(lambda d: _del(_measure(d)["budget"], "amount"))),
    ("a lower-case currency", _set(lambda d: _put(_measure(d)["budget"], "currency", "eur"))),
    ("an unknown category code", _set(lambda d: _put(_measure(d), "category", "harassment_free_zone"))),
    ("an unknown day", _set(lambda d: _put(_measure(d)["schedule"][0], "days", ["friday"]))),
    ("personal as a string", _set(lambda d: _put(d["municipalities"][0]["contacts"][0], "personal", "yes"))),
    ("a null where a string belongs", _set(lambda d: _put(_measure(d), "description", None))),
    ("an observation without value",
     _set(lambda d: _del(d["municipalities"][0]["indicators"][0]["observations"][0], "value"))),
    ("a partner without stakeholder", _set(lambda d: _del(_measure(d)["partners"][0], "stakeholder"))),
    ("municipalities as an object", _set(lambda d: _put(d, "municipalities", {}))),
    ("a document that is an array", [BASE]),
]


def check_built(validator):
    ok = True
    for what, doc in VALID:
        errs = errors_of(validator, doc)
        if errs:
            ok = False
            print("FAIL valid document rejected: %s: at '%s': %s"
                  % (what, pointer(errs[0].absolute_path), errs[0].message))
    for what, doc in INVALID:
        if validator.is_valid(doc):
            ok = False
            print("FAIL invalid document accepted: %s" % what)
    if ok:
        print("ok   %d built documents accepted, %d deliberately invalid ones rejected"
              % (len(VALID), len(INVALID)))
    return ok


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--schema", required=True, help="docs/veilig.schema.json")
    ap.add_argument("--data", action="append", default=[], help="a document that must validate")
    ap.add_argument("--valid", action="append", default=[],
                    help="a directory whose *.json must validate (skipped when missing)")
    ap.add_argument("--dumps", action="append", default=[],
                    help="a directory of canonical dumps whose *.json must validate")
    args = ap.parse_args(argv)

    try:
        schema = load_json(args.schema)
    except (OSError, ValueError) as e:
        print("FAIL %s: cannot read it as JSON: %s" % (args.schema, e))
        return 1
    cls = jsonschema.Draft202012Validator
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print("FAIL %s is not a valid draft 2020-12 schema: at '%s': %s"
              % (args.schema, pointer(e.absolute_path), e.message))
        return 1
    print("ok   %s is a valid draft 2020-12 schema" % args.schema)
    validator = cls(schema)

    ok = check_built(validator)
    files = list(args.data)
    for d in args.valid:
        if os.path.isdir(d):
            found = sorted(glob.glob(os.path.join(d, "*.json")))
            if not found:
                print("note %s holds no *.json yet" % d)
            files += found
        else:
            print("skip %s (no such directory)" % d)
    for d in args.dumps:
        if not os.path.isdir(d):
            print("FAIL %s: no such directory of dumps" % d)
            ok = False
            continue
        found = sorted(glob.glob(os.path.join(d, "*.json")))
        if not found:
            print("FAIL %s: no *.json dumps in it" % d)
            ok = False
        files += found
    for path in files:
        ok = check_file(validator, path) and ok
    print("schema: %s" % ("all checks passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
