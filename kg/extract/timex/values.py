"""Values of temporal expressions (:class:`_Val`), the resolution context
(:class:`_Ctx`) and the calendar arithmetic the handlers share.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from kg.extract.timex.lexicon import (
    PARTS_OF_DAY,
    SMALL_NUMBERS,
    TENS,
    UNITS,
    VAGUE_NUMBERS,
    _SEASON_MET,
    _SEASON_SPANS,
)


class _Val(NamedTuple):
    timex: str | None
    earliest: date | None
    latest: date | None
    granularity: str


@dataclass
class _Ctx:
    anchor: date | None
    reference: date | None = None  # the day an anaphor like "the day before" refers to
    coarse: date | None = None  # the date "three years later", "that spring" refer to
    tense_hint: str | None = None
    year_hint: int | None = None
    tense_fn: Callable[[], str | None] | None = None  # computes the tense when first needed
    quarter: tuple[int, int] | None = None  # the quarter being reported (year, quarter)
    recent: date | None = None  # the last date mentioned, if in this sentence or the one before
    clock_day: date | None = None  # the day a clock time alone is on (running text only)
    period: tuple[date, date] | None = None  # the month or year of publication, when no day is known
    day_ahead: date | None = None  # a day after the anchor told earlier, farther back (running text only)
    quoted_day: date | None = None  # the day quoted words were said, in a report of an earlier day (running text only)

    @property
    def tense(self) -> str | None:
        if self.tense_fn is not None:
            t = self.tense_fn()
            self.tense_hint, self.tense_fn = (t if t in ("past", "future") else None), None
        return self.tense_hint


def _period_span(period: str | None) -> tuple[date, date] | None:
    """The first and last day of a publication known to the month or year ("2025-02", "2025").

    >>> _period_span("2024-02"), _period_span("2025")[1], _period_span(None)
    ((datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)), datetime.date(2025, 12, 31), None)
    """
    if not period:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", period.strip())
    if m is None:
        return None
    y = int(m[1])
    if m[2] is None:
        return date(y, 1, 1), date(y, 12, 31)
    return _month_bounds(y, int(m[2]))


def _now(ctx: _Ctx, unit: str) -> date | None:
    """The anchor, or, when only the month or year of publication is known, its middle day
    for an expression whose ``unit`` ("month", "year") that period resolves."""
    if ctx.anchor is not None or ctx.period is None:
        return ctx.anchor
    lo, hi = ctx.period
    if unit == "month" and (lo.year, lo.month) != (hi.year, hi.month):
        return None  # the year alone does not say which month "this month" is
    return lo + (hi - lo) // 2


def _now_span(ctx: _Ctx) -> tuple[date, date] | None:
    """The days the publication may be on: the anchor alone, or the period."""
    if ctx.anchor is not None:
        return ctx.anchor, ctx.anchor
    return ctx.period


def _unresolved(gran: str) -> _Val:
    return _Val(None, None, None, gran)


def _day(d: date, gran: str = "day") -> _Val:
    return _Val(d.isoformat(), d, d, gran)


def _week(d: date) -> _Val:
    y, w, _ = d.isocalendar()
    monday = d - timedelta(days=d.weekday())
    return _Val(f"{y}-W{w:02d}", monday, monday + timedelta(days=6), "week")


def _weekend(d: date) -> _Val:
    y, w, _ = d.isocalendar()
    saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return _Val(f"{y}-W{w:02d}-WE", saturday, saturday + timedelta(days=1), "weekend")


def _month_bounds(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _month(y: int, m: int) -> _Val:
    lo, hi = _month_bounds(y, m)
    return _Val(f"{y:04d}-{m:02d}", lo, hi, "month")


def _year(y: int) -> _Val:
    return _Val(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")


def _quarter(y: int, q: int) -> _Val:
    lo = date(y, 3 * q - 2, 1)
    return _Val(f"{y:04d}-Q{q}", lo, lo + relativedelta(months=3, days=-1), "quarter")


def _half(y: int, h: int) -> _Val:
    lo = date(y, 6 * h - 5, 1)
    return _Val(f"{y:04d}-H{h}", lo, lo + relativedelta(months=6, days=-1), "half")


def _season_bounds(y: int, code: str) -> tuple[date, date]:
    if code == "WI":
        return date(y, 12, 1), date(y + 1, 3, 20)
    (m1, d1), (m2, d2) = _SEASON_SPANS[code]
    return date(y, m1, d1), date(y, m2, d2)


def _season(y: int, code: str, *, explicit_year: bool = False) -> _Val:
    lo, hi = _season_bounds(y, code)
    if code == "WI" and explicit_year:  # "winter 2022" may be its first or its last months
        lo = date(y, 1, 1)
    return _Val(f"{y:04d}-{code}", lo, hi, "season")


def _season_met(y: int, code: str) -> tuple[date, date]:
    m1, m2 = _SEASON_MET[code]
    start = date(y, m1, 1)
    end_year = y + 1 if code == "WI" else y
    return start, _month_bounds(end_year, m2)[1]


def _time_of_day(d: date, part: str) -> _Val:
    code = PARTS_OF_DAY[part.lower()]
    latest = d + timedelta(days=1) if code == "NI" else d
    return _Val(f"{d.isoformat()}T{code}", d, latest, "time-of-day")


def _ref(kind: str, anchor: date | None) -> _Val:
    if kind == "PAST_REF":
        return _Val(kind, None, anchor, "ref")
    if kind == "FUTURE_REF":
        return _Val(kind, anchor, None, "ref")
    return _Val(kind, anchor, anchor, "ref")


def _clip(v: _Val, lo: date | None = None, hi: date | None = None) -> _Val:
    """Narrow the bounds of ``v`` to the anchor side given ("earlier this year")."""
    e, l_ = v.earliest, v.latest
    if lo is not None and e is not None and lo > e:
        e = lo
    if hi is not None and l_ is not None and hi < l_:
        l_ = hi
    return _Val(v.timex, e, l_, v.granularity)


def _weight(ctx: _Ctx, after: bool) -> float:
    if after:
        return 10.0 if ctx.tense == "past" else (1.0 if ctx.tense == "future" else 1.5)
    return 10.0 if ctx.tense == "future" else 1.0


def _nearest_year(ctx: _Ctx, span: Callable[[int], tuple[date, date]]) -> int | None:
    """The year whose occurrence of ``span(year)`` is nearest the anchor (weighted by tense)."""
    if ctx.year_hint is not None:
        return ctx.year_hint
    a = _now(ctx, "month")
    if a is None:
        return None
    best: tuple[float, int] | None = None
    for y in (a.year, a.year - 1, a.year + 1):
        try:
            lo, hi = span(y)
        except ValueError:  # February 29 in a common year
            continue
        if lo <= a <= hi:
            dist = 0.0
        elif hi < a:
            dist = (a - hi).days * _weight(ctx, after=False)
        else:
            dist = (lo - a).days * _weight(ctx, after=True)
        if best is None or dist < best[0]:
            best = (dist, y)
    return None if best is None else best[1]


def _weekday_date(anchor: date, wd: int, rel: str | None, tense: str | None) -> date:
    rel = (rel or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    monday = anchor - timedelta(days=anchor.weekday())
    if rel == "next":
        return monday + timedelta(days=7 + wd)
    if rel == "this":
        return monday + timedelta(days=wd)
    if rel in ("last", "past", "this past"):
        return anchor - timedelta(days=(anchor.weekday() - wd - 1) % 7 + 1)
    if rel in ("coming", "this coming"):
        return anchor + timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)
    if tense == "future":
        return anchor + timedelta(days=(wd - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - wd) % 7)


def _number(s: str) -> float | None:
    """Parse a cardinal written in digits or words; ``None`` for vague amounts.

    >>> _number("twenty-four"), _number("1,000"), _number("an"), _number("several")
    (24, 1000, 1, None)
    """
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"[\d,]+", s):
        return int(s.replace(",", ""))
    if re.fullmatch(r"\d+\.\d+", s):
        return float(s)
    if s in SMALL_NUMBERS:
        return SMALL_NUMBERS[s]
    parts = re.split(r"[- ]", s)
    if parts[0] in TENS:
        return TENS[parts[0]] + (SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0)
    raise ValueError(f"not a number: {s!r}")


def _fmt_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _unit_key(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") and u[:-1] in UNITS else u


def _duration(n: float | None, unit: str) -> str:
    """ISO 8601 duration for ``n`` units (``X`` when vague).

    >>> _duration(90, "days"), _duration(2, "hours"), _duration(None, "weeks"), _duration(2, "decades")
    ('P90D', 'PT2H', 'PXW', 'P20Y')
    """
    designator, is_time, mult = UNITS[_unit_key(unit)]
    amount = "X" if n is None else _fmt_number(n * mult)
    return f"P{'T' if is_time else ''}{amount}{designator}"


def _shift(d: date, n: int, unit: str) -> _Val | None:
    """The date ``n`` units after ``d`` (before when negative), at the unit's granularity."""
    u = _unit_key(unit)
    if u in ("day", "night"):
        return _day(d + timedelta(days=n))
    if u in ("week", "fortnight"):
        return _week(d + timedelta(weeks=n * (2 if u == "fortnight" else 1)))
    if u == "month":
        x = d + relativedelta(months=n)
        return _month(x.year, x.month)
    if u in ("year", "decade"):
        return _year(d.year + n * (10 if u == "decade" else 1))
    return None


def _match_full(s: str, ctx: _Ctx) -> _Val | None:
    """Normalize ``s`` as a whole (the grammar's :func:`~kg.extract.timex.grammar._match_full`,
    imported when first called: the grammar is built from the handlers that call this)."""
    from kg.extract.timex.grammar import _match_full as match_full

    return match_full(s, ctx)
