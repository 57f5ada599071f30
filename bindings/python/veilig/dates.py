"""Dates, times of day and amounts, as the binding converts them.

Dates. The document format has partial ISO dates: ``"2021"``, ``"2021-12"``
or ``"2021-12-01"``. The rule of this package: **every date property returns
a** :class:`PartialDate` (or ``None`` when absent), whatever its precision,
so the type never depends on the data. ``PartialDate.as_date()`` gives the
first day it covers as a :class:`datetime.date`, ``.is_complete`` says
whether it names a day. Setters take a ``PartialDate``, a
:class:`datetime.date` (or ``datetime``), an ISO text, or ``None`` to remove.

Times of day (the hours of a schedule window) are ``"HH:MM"`` texts as in
the format, ``"24:00"`` included, or minutes after midnight.

Amounts (budgets) are :class:`decimal.Decimal` euros (or other currency
units) with at most two decimals; the library keeps them as whole cents.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Optional, Tuple, Union

from .errors import invalid_argument

__all__ = ["PartialDate", "DateLike", "to_partial_date", "minutes_to_text", "text_to_minutes",
           "cents_to_decimal", "decimal_to_cents"]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in_month(year: int, month: int) -> int:
    """The number of days of a month of the Gregorian calendar (what
    calendar.monthrange gives, without importing calendar and locale)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month - 1]


class PartialDate:
    """A partial date: a year, a year and month, or a full date.

    ``str()`` gives the ISO text (``"2021-12"``); dates are immutable and
    hashable; ``PartialDate(2021) == PartialDate.parse("2021")``. Ordering is
    by the first day a date covers, and for the same first day the less
    precise one first: ``"2021" < "2021-01" < "2021-01-01" < "2021-01-02"``
    (a total order consistent with ``==``).
    """

    __slots__ = ("_year", "_month", "_day")

    _year: int
    _month: Optional[int]
    _day: Optional[int]

    def __init__(self, year: Union[int, str], month: Optional[int] = None,
                 day: Optional[int] = None) -> None:
        if isinstance(year, str) and month is None and day is None:
            # PartialDate("2021-12"), as its repr shows it
            parsed = PartialDate.parse(year)
            year, month, day = parsed.year, parsed.month, parsed.day
        for name, value in (("year", year), ("month", month), ("day", day)):
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise TypeError("%s must be an int, not %s" % (name, type(value).__name__))
        assert isinstance(year, int)  # for the type checker: checked just above
        if not 1 <= year <= 9999:
            raise invalid_argument("year %r out of range 1..9999" % (year,))
        if month is not None and not 1 <= month <= 12:
            raise invalid_argument("month %r out of range 1..12" % (month,))
        if day is not None:
            if month is None:
                raise invalid_argument("a day needs a month")
            last = _days_in_month(year, month)
            if not 1 <= day <= last:
                raise invalid_argument("day %r out of range 1..%d for %04d-%02d"
                                 % (day, last, year, month))
        object.__setattr__(self, "_year", year)
        object.__setattr__(self, "_month", month)
        object.__setattr__(self, "_day", day)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("PartialDate is immutable")

    @property
    def year(self) -> int:
        """The year, 1..9999."""
        return self._year

    @property
    def month(self) -> Optional[int]:
        """The month, 1..12, or None."""
        return self._month

    @property
    def day(self) -> Optional[int]:
        """The day of the month, or None."""
        return self._day

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        return "year" if self._month is None else "month" if self._day is None else "day"

    @property
    def is_complete(self) -> bool:
        """Whether the date names a day."""
        return self._day is not None

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parses ``"2021"``, ``"2021-12"`` or ``"2021-12-01"``; ValueError otherwise."""
        match = _DATE_RE.match(text) if isinstance(text, str) else None
        if not match:
            raise invalid_argument("not a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD): %r" % (text,))
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    fromisoformat = parse

    @classmethod
    def from_date(cls, value: datetime.date) -> "PartialDate":
        """A complete PartialDate from a datetime.date (or datetime)."""
        return cls(value.year, value.month, value.day)

    def as_date(self) -> datetime.date:
        """The first day the date covers (``"2021"`` gives 2021-01-01)."""
        return datetime.date(self._year, self._month or 1, self._day or 1)

    def isoformat(self) -> str:
        """The ISO text, as in documents."""
        text = "%04d" % self._year
        if self._month is not None:
            text += "-%02d" % self._month
            if self._day is not None:
                text += "-%02d" % self._day
        return text

    __str__ = isoformat

    def __repr__(self) -> str:
        return "PartialDate(%r)" % self.isoformat()

    def _key(self) -> Tuple[int, int, int, int]:
        rank = 0 if self._month is None else 1 if self._day is None else 2
        return (self._year, self._month or 1, self._day or 1, rank)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PartialDate):
            return self._key() == other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("PartialDate",) + self._key())

    def __lt__(self, other: "PartialDate") -> bool:
        if isinstance(other, PartialDate):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other: "PartialDate") -> bool:
        if isinstance(other, PartialDate):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other: "PartialDate") -> bool:
        if isinstance(other, PartialDate):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other: "PartialDate") -> bool:
        if isinstance(other, PartialDate):
            return self._key() >= other._key()
        return NotImplemented

    def __reduce__(self) -> Any:
        return (PartialDate, (self._year, self._month, self._day))


#: What date setters accept.
DateLike = Union[PartialDate, datetime.date, str]


def to_partial_date(value: DateLike) -> PartialDate:
    """A PartialDate from a PartialDate, date, datetime or ISO text."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise TypeError("expected a PartialDate, datetime.date or ISO text, not %s"
                    % type(value).__name__)


def minutes_to_text(minutes: int) -> str:
    """``1320`` -> ``"22:00"`` (``1440`` -> ``"24:00"``)."""
    return "%02d:%02d" % divmod(minutes, 60)


def text_to_minutes(value: Union[str, int, datetime.time], what: str = "time") -> int:
    """Minutes after midnight from ``"HH:MM"`` (``"24:00"`` allowed), a
    datetime.time or an int."""
    if isinstance(value, bool):
        raise TypeError("%s must be 'HH:MM', a datetime.time or minutes" % what)
    if isinstance(value, int):
        if not 0 <= value <= 1440:
            raise invalid_argument("%s must be 0..1440 minutes after midnight, not %d" % (what, value))
        return value
    if isinstance(value, datetime.time):
        return value.hour * 60 + value.minute
    if isinstance(value, str):
        match = re.match(r"^(\d{2}):(\d{2})$", value)
        if match:
            hours, minutes = int(match.group(1)), int(match.group(2))
            if (hours < 24 and minutes < 60) or (hours == 24 and minutes == 0):
                return hours * 60 + minutes
        raise invalid_argument("%s must be HH:MM from 00:00 to 24:00, not %r" % (what, value))
    raise TypeError("%s must be 'HH:MM', a datetime.time or minutes, not %s"
                    % (what, type(value).__name__))


_CENT = Decimal("0.01")
_MAX_CENTS = 2 ** 63 - 1  # int64_t


def cents_to_decimal(cents: int) -> Decimal:
    """Whole cents as a Decimal with two decimals: ``1250050`` -> ``Decimal("12500.50")``."""
    return Decimal(cents).scaleb(-2).quantize(_CENT)


def decimal_to_cents(amount: Union[Decimal, int, str, float]) -> int:
    """An amount as whole cents; ValueError for more than two decimals, a
    negative amount or something that is not a number. A float is read
    through its shortest repr (``0.1`` is ten cents)."""
    if isinstance(amount, bool):
        raise TypeError("an amount must be a number, not bool")
    if isinstance(amount, float):
        amount = repr(amount)
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise invalid_argument("not an amount: %r" % (amount,)) from None
    if not value.is_finite():
        raise invalid_argument("not a finite amount: %r" % (amount,))
    cents = value * 100
    if cents != cents.to_integral_value():
        raise invalid_argument("an amount has at most two decimals (whole cents): %r" % (amount,))
    if value < 0:
        raise invalid_argument("an amount must not be negative: %r" % (amount,))
    if cents > _MAX_CENTS:
        raise invalid_argument("an amount too large for the library: %r" % (amount,))
    return int(cents)
