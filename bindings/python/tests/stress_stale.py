"""Random changes to a registry while every Python object ever made is used
after each step: each one must either read what it read when it was made, or
raise StaleObjectError. Run by test_lifetime.py in a child process with
MALLOC_PERTURB_ set, so that reading freed memory would show.

    python3 stress_stale.py [steps] [seed]
"""

import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import veilig  # noqa: E402

RICH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "rich.json")


def identity(obj):
    """What an object says about itself (kept constant by the steps below)."""
    if isinstance(obj, veilig.Municipality):
        return obj.code
    if isinstance(obj, (veilig.Measure, veilig.Stakeholder, veilig.Indicator)):
        return obj.id
    if isinstance(obj, veilig.Window):
        return (tuple(str(d) for d in obj.days), obj.hours, obj.note)
    if isinstance(obj, veilig.Partner):
        return (obj.stakeholder, str(obj.role), obj.note)
    if isinstance(obj, veilig.Contact):
        return (obj.name, obj.email, obj.personal)
    if isinstance(obj, veilig.Source):
        return (obj.title, obj.url, str(obj.retrieved))
    if isinstance(obj, veilig.Observation):
        return (str(obj.date), obj.value)
    if isinstance(obj, (veilig.PolicyLink,)):
        return obj.name
    if isinstance(obj, veilig.Exclusion):
        return (str(obj.approach), obj.reason)
    raise AssertionError(obj)


def harvest(reg, known):
    for m in reg:
        objs = [m] + m.measures + m.stakeholders + m.indicators + m.contacts + m.sources + \
            m.policy_links + m.excluded
        for ms in m.measures:
            objs += ms.schedule + ms.partners
        for ind in m.indicators:
            objs += ind.observations
        for obj in objs:
            if id(obj) not in known:
                known[id(obj)] = (obj, identity(obj))


def check(known):
    for key, (obj, expected) in list(known.items()):
        try:
            got = identity(obj)
        except veilig.StaleObjectError:
            assert not obj.alive
            del known[key]
            continue
        assert obj.alive
        assert got == expected, (obj, got, expected)


def step(reg, rnd, counter):
    ms_all = [(m, ms) for m in reg for ms in m.measures]
    choice = rnd.randrange(11)
    if choice == 0 or len(reg) == 0:
        code = "GM%04d" % (5000 + next(counter))
        reg.add_json(dict(json.load(open(RICH))["municipalities"][0], code=code), as_loaded=True)
    elif choice == 1 and len(reg) > 1:
        reg.remove(rnd.randrange(len(reg)))
    elif choice == 2:
        m = reg[rnd.randrange(len(reg))]
        doc = m.to_dict()
        measures = doc.get("measures", [])
        rnd.shuffle(measures)
        doc["measures"] = measures[:rnd.randrange(len(measures) + 1)]
        doc["contacts"] = doc.get("contacts", [])[:rnd.randrange(3)]
        reg.add_json(doc, replace=True, as_loaded=True)
    elif choice == 3 and ms_all:
        m, ms = rnd.choice(ms_all)
        m.add_measure_json(ms.to_dict(), replace=True, as_loaded=True)
    elif choice == 4 and ms_all:
        m, ms = rnd.choice(ms_all)
        m.remove_measure(ms)
    elif choice == 5:
        m = reg[rnd.randrange(len(reg))]
        m.add_measure("m%d" % next(counter), "Maatregel", rnd.choice(list(veilig.Category)),
                      schedule=[{"days": ["fri"], "from": "20:00", "to": "02:00"}],
                      partners=[("x", "executing")])
    elif choice == 6 and ms_all:
        m, ms = rnd.choice(ms_all)
        if ms.schedule:
            ms.remove_window(rnd.randrange(len(ms.schedule)))
        else:
            ms.add_window(["sat"], dayparts=["night"])
    elif choice == 7:
        m = reg[rnd.randrange(len(reg))]
        if m.contacts and rnd.random() < 0.6:
            m.remove_contact(rnd.choice(m.contacts))
        else:
            m.add_contact(name="C%d" % next(counter), email="c@example.org")
    elif choice == 8:
        m = reg[rnd.randrange(len(reg))]
        if m.indicators:
            ind = rnd.choice(m.indicators)
            if ind.observations and rnd.random() < 0.5:
                ind.remove_observation(0)
            else:
                ind.add_observation("2024", float(next(counter)))
    elif choice == 9:
        m = reg[rnd.randrange(len(reg))]
        for lst, remove in ((m.sources, m.remove_source), (m.policy_links, m.remove_policy_link),
                            (m.excluded, m.remove_exclusion),
                            (m.stakeholders, m.remove_stakeholder)):
            if lst and rnd.random() < 0.3:
                remove(rnd.choice(lst))
    else:
        if reg.programme is not None and rnd.random() < 0.5:
            reg.programme.set_contact(name="P%d" % next(counter))
        m = reg[rnd.randrange(len(reg))]
        m.add_source("S%d" % next(counter), retrieved="2024-01")


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 6
    rnd = random.Random(seed)
    counter = iter(range(10 ** 9))
    reg = veilig.load(RICH)
    known = {}
    for _ in range(steps):
        harvest(reg, known)
        step(reg, rnd, counter)
        check(known)
        if rnd.random() < 0.05:
            json.loads(reg.dumps())
            reg.validate()
    reg.close()
    for obj, _ in known.values():
        assert not obj.alive
    print("ok", steps, "steps")


if __name__ == "__main__":
    main()
