"""PartialDate, date and time properties."""

import calendar
import datetime
import pickle

import pytest

import veilig
from veilig import PartialDate, _capi


def test_construct_and_text():
    assert str(PartialDate(2021)) == "2021"
    assert str(PartialDate(2021, 12)) == "2021-12"
    assert str(PartialDate(2021, 12, 1)) == "2021-12-01"
    assert str(PartialDate(5, 1, 2)) == "0005-01-02"
    assert repr(PartialDate(2021, 3)) == "PartialDate('2021-03')"
    d = PartialDate.parse("2024-02-29")
    assert (d.year, d.month, d.day) == (2024, 2, 29)
    assert d.precision == "day" and d.is_complete
    assert PartialDate(2021).precision == "year" and not PartialDate(2021).is_complete
    assert PartialDate(2021, 5).precision == "month"
    assert PartialDate.fromisoformat("2021-05") == PartialDate(2021, 5)
    assert PartialDate.from_date(datetime.date(2020, 1, 31)) == PartialDate(2020, 1, 31)


@pytest.mark.parametrize("args", [(0,), (10000,), (2021, 0), (2021, 13), (2021, 4, 31),
                                  (2023, 2, 29), (2021, None, 1), (2021, 1, 0)])
def test_invalid_dates(args):
    with pytest.raises(ValueError):
        PartialDate(*args)


def test_last_day_of_every_month_as_calendar_has_it():
    # dates.py knows the lengths of months itself (importing calendar, and
    # locale with it, cost a fresh process's import more than the rest of dates.py)
    for year in list(range(1, 2101)) + [2400, 9999]:
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            assert PartialDate(year, month, last).day == last
            with pytest.raises(ValueError):
                PartialDate(year, month, last + 1)


def test_from_text_as_repr_shows():
    for d in (PartialDate(2021), PartialDate(2021, 3), PartialDate(2024, 2, 29)):
        assert eval(repr(d), {"PartialDate": PartialDate}) == d
    assert PartialDate("2021-12") == PartialDate(2021, 12)
    with pytest.raises(ValueError):
        PartialDate("2021-13")
    with pytest.raises(TypeError):
        PartialDate("2021", 1)  # text, or numbers: not both


def test_wrong_types():
    with pytest.raises(TypeError):
        PartialDate(2021, 1.0)
    with pytest.raises(TypeError):
        PartialDate(True)


@pytest.mark.parametrize("text", ["2021", "2021-12", "2021-12-01", "2024-02-29", "2023-02-29",
                                  "2021-13", "2021-00", "2021-1", "21", "2021-12-1",
                                  "2021-12-01T10:00", "", "abcd", "2021-04-31", "0000",
                                  " 2021", "2021-12-32", "9999-12-31", "+2021"])
def test_parse_agrees_with_the_c_library(text):
    c = _capi.CDate()
    c_ok = _capi.lib().veilig_date_parse(c, text.encode()) == 0
    try:
        d = PartialDate.parse(text)
    except ValueError:
        assert not c_ok, text
    else:
        assert c_ok, text
        assert (d.year, d.month or 0, d.day or 0) == (c.year, c.month, c.day)


def test_immutable_hashable_picklable():
    d = PartialDate(2021, 12)
    with pytest.raises(AttributeError):
        d.year = 2022
    assert {d, PartialDate(2021, 12)} == {d}
    assert d != PartialDate(2021, 12, 1)
    assert d != "2021-12"
    assert pickle.loads(pickle.dumps(d)) == d


def test_ordering_is_total_and_by_first_day():
    texts = ["2022", "2021-01-01", "2021", "2021-12-31", "2021-01", "2021-02", "2020-12-31"]
    ordered = sorted(PartialDate.parse(t) for t in texts)
    assert [str(d) for d in ordered] == ["2020-12-31", "2021", "2021-01", "2021-01-01",
                                         "2021-02", "2021-12-31", "2022"]
    assert PartialDate(2021) < PartialDate(2021, 1, 1) <= PartialDate(2021, 1, 1)
    assert PartialDate(2022) > PartialDate(2021, 12, 31) >= PartialDate(2021, 12)
    with pytest.raises(TypeError):
        PartialDate(2021) < datetime.date(2021, 1, 1)
    # the same order as the C library's, up to the precision tie-break
    lib = _capi.lib()
    for a in ordered:
        for b in ordered:
            ca = _capi.CDate(a.year, a.month or 0, a.day or 0)
            cb = _capi.CDate(b.year, b.month or 0, b.day or 0)
            c = lib.veilig_date_compare(ca, cb)
            if c < 0:
                assert a < b
            elif c > 0:
                assert a > b
            else:
                assert a.as_date() == b.as_date()


def test_as_date():
    assert PartialDate(2021).as_date() == datetime.date(2021, 1, 1)
    assert PartialDate(2021, 6).as_date() == datetime.date(2021, 6, 1)
    assert PartialDate(2021, 6, 15).as_date() == datetime.date(2021, 6, 15)


def test_date_setters(rich):
    m = rich[0]
    m.membership.joined = "2020-02"
    assert m.membership.joined == PartialDate(2020, 2)
    m.membership.start = datetime.date(2020, 3, 4)
    assert m.membership.start == PartialDate(2020, 3, 4)
    m.membership.end = PartialDate(2030)
    assert m.membership.end == PartialDate(2030)
    m.membership.end = None
    assert m.membership.end is None
    with pytest.raises(ValueError):
        m.membership.joined = "2021-02-30"
    with pytest.raises(TypeError):
        m.membership.joined = 2021
    ms = m.measures[0]
    ms.period_start = "2019"
    ms.period_end = datetime.datetime(2024, 5, 6, 7, 8)
    assert (str(ms.period_start), str(ms.period_end)) == ("2019", "2024-05-06")
    obs = m.indicators[0].observations[0]
    obs.date = "2022-07"
    assert obs.date == PartialDate(2022, 7)
    with pytest.raises(ValueError):
        obs.date = None
    src = m.sources[0]
    src.retrieved = None
    assert src.retrieved is None
    assert '"retrieved"' not in m.sources[0].registry[0].dumps()


def test_window_hours(rich):
    ms = rich[0].measures[0]
    w = ms.add_window(["sat"])
    assert w.hours is None and w.from_ is None and w.from_minutes is None
    w.hours = ("22:30", "03:15")
    assert (w.from_, w.to, w.from_minutes, w.to_minutes) == ("22:30", "03:15", 1350, 195)
    assert w.overnight
    w.set_hours(datetime.time(8, 0), 17 * 60)
    assert w.hours == ("08:00", "17:00") and not w.overnight
    w.hours = ("00:00", "24:00")
    assert w.to == "24:00" and w.to_minutes == 1440
    with pytest.raises(ValueError):
        w.hours = ("25:00", "26:00")
    with pytest.raises(ValueError):
        w.hours = ("22:00", None)
    with pytest.raises(ValueError):
        w.set_hours(-5, 10)
    with pytest.raises(veilig.InvalidArgumentError):
        w.hours = ("24:00", "10:00")   # 24:00 only as an end
    w.hours = None
    assert w.hours is None
    w.dayparts = ["night"]
    assert [str(d) for d in w.dayparts] == ["night"]
