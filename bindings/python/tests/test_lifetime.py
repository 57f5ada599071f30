"""Lifetime: children keep the registry alive, removed objects go stale
(never a use after free), closed registries refuse to work."""

import gc
import os
import pickle
import subprocess
import sys
import weakref

import pytest

import veilig
from conftest import HERE, RICH


def read_everything(ms):
    return (ms.id, ms.name, ms.description, ms.category, ms.approach, ms.target_groups,
            ms.settings, ms.area_name, [(w.days, w.hours) for w in ms.schedule],
            [(p.stakeholder, p.role) for p in ms.partners], ms.budget, ms.evidence)


def test_children_keep_the_registry_alive():
    reg = veilig.load(RICH)
    ref = weakref.ref(reg)
    ms = reg["GM0001"].measures[0]
    window = ms.schedule[0]
    del reg
    gc.collect()
    assert ref() is not None
    assert read_everything(ms)[0] == "straatcoaches"
    assert window.hours == ("22:00", "04:00")
    assert ms.registry is ref()
    del ms, window
    gc.collect()
    assert ref() is None          # freed with its last object


def test_chained_temporaries():
    ms = veilig.builtin()["Enschede"].measures[0]
    gc.collect()
    assert ms.name and ms.municipality.name == "Enschede"


def test_one_object_per_c_object(rich):
    m = rich[0]
    assert rich["GM0001"] is m and rich["Voorbeeldstad"] is m
    assert m.measures[0] is m.find_measure("straatcoaches") is m.measures[0]
    assert m.measures[0].schedule[0] is m.measures[0].schedule[0]
    assert rich.programme is rich.programme


def test_removed_objects_are_stale(rich):
    m = rich["GM0001"]
    ms = m.measures[0]
    window, partner = ms.schedule[0], ms.partners[0]
    contact, obs = m.contacts[0], m.indicators[0].observations[0]
    membership = m.membership
    other = rich["GM0002"]
    rich.remove(m)
    for obj in (m, ms, window, partner, contact, obs):
        assert not obj.alive
        assert "stale" in repr(obj)
        with pytest.raises(veilig.StaleObjectError):
            obj._p()
    with pytest.raises(veilig.StaleObjectError):
        m.name
    with pytest.raises(ReferenceError):
        ms.name
    with pytest.raises(veilig.StaleObjectError):
        ms.description = "x"
    with pytest.raises(veilig.StaleObjectError):
        window.days
    with pytest.raises(veilig.StaleObjectError):
        membership.joined
    with pytest.raises(veilig.StaleObjectError):
        m.add_measure("x", "X", "campaign")
    with pytest.raises(veilig.StaleObjectError):
        rich.remove(m)
    assert m not in rich and other in rich
    assert rich[0] is other and other.name == "Leegdorp"


def test_removed_measure_is_stale_siblings_are_not(rich):
    m = rich[0]
    a, b, c = m.measures
    partners = a.partners
    m.remove_measure(a)
    assert not a.alive and all(not p.alive for p in partners)
    assert b.alive and c.alive and m.measures == [b, c]
    assert b.name == "Meldapp"
    with pytest.raises(veilig.StaleObjectError):
        a.partners
    m.remove_measure(c)
    assert m.measures == [b]


def test_replacement_follows_by_code_and_id(rich):
    m = rich["GM0001"]
    kept = m.find_measure("straatcoaches")
    dropped = m.find_measure("meldapp")
    window = kept.schedule[0]
    stakeholder = m.find_stakeholder("ggd")
    contact = m.contacts[0]
    indicator = m.find_indicator("meldingen")
    obs = indicator.observations[0]
    doc = m.to_dict()
    doc["name"] = "Nieuwstad"
    doc["measures"] = [x for x in doc["measures"] if x["id"] != "meldapp"]
    doc["measures"][0]["name"] = "Straatcoaches 2"
    new = rich.add_json(doc, replace=True, as_loaded=True)
    assert new is m and m.name == "Nieuwstad"
    assert kept.alive and kept.name == "Straatcoaches 2" and m.measures[0] is kept
    assert stakeholder.alive and stakeholder.name == "GGD"
    assert indicator.alive and indicator.name == "Aantal meldingen"
    for gone in (dropped, window, contact, obs):
        assert not gone.alive
        with pytest.raises(veilig.StaleObjectError):
            gone._p()
    assert kept.schedule[0].hours == ("22:00", "04:00")  # a new Window object


def test_measure_replacement(rich):
    m = rich[0]
    ms = m.find_measure("straatcoaches")
    window = ms.schedule[0]
    doc = ms.to_dict()
    doc["description"] = "anders"
    assert m.add_measure_json(doc, replace=True) is ms
    assert ms.description == "anders" and not window.alive


def test_programme_contact_and_clear(rich):
    p = rich.programme
    contact, source = p.contact, p.sources[0]
    new = p.set_contact(name="Nieuw")
    assert not contact.alive and new.alive and p.contact is new
    rich.clear_programme()
    assert not p.alive and not new.alive and not source.alive
    assert rich.programme is None


def test_context_manager_and_close():
    with veilig.load(RICH) as reg:
        m = reg[0]
        ms = m.measures[0]
        assert not reg.closed
    assert reg.closed
    for action in (lambda: m.name, lambda: ms.schedule, lambda: len(reg), lambda: reg[0],
                   lambda: reg.dumps(), lambda: list(reg), lambda: reg.validate(),
                   lambda: "GM0001" in reg, lambda: reg.add_municipality("GM0003", "x")):
        with pytest.raises(ValueError):
            action()
    assert "closed" in repr(reg) and "closed" in repr(m)
    reg.close()      # twice is fine
    with pytest.raises(ValueError):
        with reg:
            pass


def test_exceptions_in_with_still_close():
    with pytest.raises(RuntimeError):
        with veilig.builtin() as reg:
            raise RuntimeError("boom")
    assert reg.closed


def test_objects_cannot_be_pickled_or_made(rich):
    with pytest.raises(TypeError):
        pickle.dumps(rich)
    with pytest.raises(TypeError):
        pickle.dumps(rich[0])
    with pytest.raises(TypeError):
        veilig.Measure()


def test_foreign_objects_are_refused(rich):
    with veilig.builtin() as other:
        with pytest.raises(ValueError):
            rich.remove(other[0])
        with pytest.raises(ValueError):
            rich[0].remove_measure(other["Enschede"].measures[0])
        assert other[0] not in rich


def test_random_changes_never_touch_freed_memory():
    """Random adds, removals and replacements, with every object ever made
    used after each step, in a child process with glibc's MALLOC_PERTURB_
    (freed memory is overwritten, so a use after free shows)."""
    env = dict(os.environ, MALLOC_PERTURB_="165")
    proc = subprocess.run([sys.executable, os.path.join(HERE, "stress_stale.py"), "300"],
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-4000:]
    assert "ok" in proc.stdout


def test_threads_reading_share_objects(rich):
    """Reading from many threads at once gives one object per C object, so a
    removal afterwards makes every copy stale."""
    import threading
    seen = []

    def work():
        for _ in range(200):
            seen.append(rich["GM0001"].measures[0].schedule[0])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(w) for w in seen}) == 1
    rich.remove("GM0001")
    assert not seen[0].alive
