"""Handlers of expressions that name a calendar unit: dates, months, quarters,
halves, seasons, decades, centuries, clock times, references and durations.

A handler takes a match and a :class:`~kg.extract.timex.values._Ctx` and returns a
:class:`~kg.extract.timex.values._Val`, or ``None`` when the match is not temporal.
"""

from __future__ import annotations

import re
from datetime import date

from kg.extract.timex.lexicon import DECADE_WORDS, MONTHS, ORDINALS, SEASONS, WEEKDAY_ABBREVIATIONS, WEEKDAYS, _REFS
from kg.extract.timex.values import (
    _Ctx,
    _Val,
    _day,
    _duration,
    _half,
    _month,
    _month_bounds,
    _nearest_year,
    _now,
    _number,
    _quarter,
    _ref,
    _season,
    _season_met,
    _unit_key,
    _unresolved,
    _year,
)


def _g(m: re.Match, name: str) -> str | None:
    try:
        v = m.group(name)
    except IndexError:
        return None
    return None if v is None else re.sub(r"\s+", " ", v).lower()


def _month_of(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _daynum(s: str) -> int:
    return int(re.match(r"\d+", s).group())


def _h_iso(m: re.Match, ctx: _Ctx) -> _Val | None:
    try:
        return _day(date(int(m["y"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return None


def _weekday_of(s: str | None) -> int | None:
    """The weekday (0 = Monday) named by ``s``, in full or abbreviated ("Sat.")."""
    s = (s or "").lower().rstrip(".")
    return WEEKDAYS.get(s, WEEKDAY_ABBREVIATIONS.get(s))


def _h_numeric_date(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "13-09-2025" (day first), "09/13/2025" (month first); when both numbers could be
    the month, the reading nearest the anchor (none without an anchor)."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    readings = []
    for d, mon in ((a, b), (b, a)):
        try:
            readings.append(date(y, mon, d))
        except ValueError:
            pass
    readings = sorted(set(readings))
    if not readings:
        return None
    if len(readings) > 1:
        if ctx.anchor is None:
            return _unresolved("day")
        readings.sort(key=lambda x: abs((x - ctx.anchor).days))
    return _day(readings[0])


def _h_date(m: re.Match, ctx: _Ctx) -> _Val | None:
    mon, d = _month_of(m["mon"]), _daynum(m["d"])
    if m["y"]:
        try:
            return _day(date(int(m["y"]), mon, d))
        except ValueError:
            return None
    if not 1 <= d <= 31 or d > _month_bounds(2024, mon)[1].day:
        return None
    wd = _weekday_of(_g(m, "wd"))
    span = (lambda y: (date(y, mon, d), date(y, mon, d)))
    if wd is not None and ctx.anchor is not None and ctx.year_hint is None:
        # "Monday, June 2": prefer a year in which June 2 is a Monday.
        fitting = []
        for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
            try:
                if date(y, mon, d).weekday() == wd:
                    fitting.append(y)
            except ValueError:
                pass
        if fitting:
            y = min(fitting, key=lambda y: abs((date(y, mon, d) - ctx.anchor).days))
            return _day(date(y, mon, d))
    y = _nearest_year(ctx, span)
    if y is None:
        return _unresolved("day")
    return _day(date(y, mon, d))


def _h_month_year(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "May 2024", "May of last year", "March next year"."""
    if _g(m, "y"):
        return _month(int(m["y"]), _month_of(m["mon"]))
    y = _rel_year(re.sub(r"\s+", " ", m["ry"].lower()) + " year", ctx)
    return _unresolved("month") if y is None else _month(y, _month_of(m["mon"]))


def _resolve_month(mon: int, ctx: _Ctx, y: str | None) -> _Val:
    if y:
        return _month(int(y), mon)
    year = _nearest_year(ctx, lambda yy: _month_bounds(yy, mon))
    return _unresolved("month") if year is None else _month(year, mon)


def _h_month(m: re.Match, ctx: _Ctx) -> _Val | None:
    return _resolve_month(_month_of(m["mon"]), ctx, _g(m, "y"))


def _h_rel_month(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "last June", "next March", "this May", "that June"."""
    mon, rel = _month_of(m["mon"]), _g(m, "rel")
    if rel == "that":
        return _unresolved("month") if ctx.coarse is None else _month(ctx.coarse.year, mon)
    a = _now(ctx, "month")
    if a is None:
        return _unresolved("month")
    if rel in ("last", "this past"):
        return _month(a.year if mon < a.month else a.year - 1, mon)
    if rel in ("next", "this coming"):
        return _month(a.year if mon > a.month else a.year + 1, mon)
    return _month(a.year, mon)


def _rel_year(s: str | None, ctx: _Ctx) -> int | None:
    """A year written as digits or "this/last/next year"."""
    now = _now(ctx, "year")
    if s is None:
        return None if now is None else now.year
    if s[0].isdigit():
        return int(s)
    if now is None:
        return None
    return now.year + {"this year": 0, "the year": 0, "last year": -1, "next year": 1}[s]


def _h_quarter(m: re.Match, ctx: _Ctx) -> _Val | None:
    q = int(m["q"]) if m["q"] else ORDINALS[_g(m, "qo")]
    q = 4 if q == -1 else q
    if not 1 <= q <= 4:
        return None
    y = _rel_year(_g(m, "y"), ctx)
    return _unresolved("quarter") if y is None else _quarter(y, q)


def _h_half(m: re.Match, ctx: _Ctx) -> _Val | None:
    h = int(m["h"]) if m["h"] else (1 if _g(m, "ho") == "first" else 2)
    y = _rel_year(_g(m, "y"), ctx)
    return _unresolved("half") if y is None else _half(y, h)


def _h_season(m: re.Match, ctx: _Ctx, *, bare: bool = False) -> _Val | None:
    code = SEASONS[m["s"].lower()]
    rel, mod, y = _g(m, "rel"), _g(m, "mod"), _g(m, "y")
    if mod in ("earlier", "later") and rel not in ("this", "that", "the same"):
        return None
    if y:
        return _season(int(y), code, explicit_year=True)
    if rel in ("that", "the same"):
        return _unresolved("season") if ctx.coarse is None else _season(ctx.coarse.year, code)
    a = ctx.anchor
    if a is None:
        return _unresolved("season")
    if rel == "this":
        for yy in (a.year - 1, a.year):  # the season under way, else this year's
            lo, hi = _season_met(yy, code)
            if lo <= a <= hi:
                return _season(yy, code)
        return _season(a.year, code)
    if rel in ("last", "this past", "the past", "the previous"):
        yy = max(yy for yy in (a.year - 2, a.year - 1, a.year) if _season_met(yy, code)[1] < a)
        return _season(yy, code)
    if rel in ("next", "the coming", "the upcoming", "the following"):
        yy = min(yy for yy in (a.year, a.year + 1) if _season_met(yy, code)[0] > a)
        return _season(yy, code)
    if rel is None and mod is None and not bare:
        return None
    yy = _nearest_year(ctx, lambda yy: _season_met(yy, code))
    return _unresolved("season") if yy is None else _season(yy, code)


def _h_decade(m: re.Match, ctx: _Ctx) -> _Val | None:
    if m["dw"]:
        start = DECADE_WORDS[m["dw"].lower()]
    elif m["dec"] or m["dec3"]:
        start = int(m["dec"] or m["dec3"])
    else:
        d2 = int(m["d2"])
        start = (1900 if d2 >= 30 else 2000) + d2
    if start % 10:
        return None
    return _Val(f"{start // 10}", date(start, 1, 1), date(start + 9, 12, 31), "decade")


def _h_century(m: re.Match, ctx: _Ctx) -> _Val | None:
    c = int(m["c"]) if m["c"] else ORDINALS.get(_g(m, "co") or "", 0)
    if not 1 <= c <= 21:
        return None
    start = (c - 1) * 100
    return _Val(f"{c - 1:02d}", date(max(start, 1), 1, 1), date(start + 100, 12, 31), "century")


def _clock(m: re.Match) -> str:
    """ "HH:MM" of a clock time ("10 a.m.", "14:30 GMT", "noon")."""
    if m["w"]:
        return "12:00" if m["w"].lower() in ("noon", "midday") else "00:00"
    if m["h2"] is not None:
        return f"{int(m['h2']):02d}:{m['mi2']}"
    if m["h3"] is not None:
        return f"{m['h3']}:{m['mi3']}"
    h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    return f"{h:02d}:{m['mi'] or '00'}"


def _h_time(m: re.Match, ctx: _Ctx) -> _Val | None:
    """A clock time alone: on the day referred to ("On Monday ... at 7 p.m."), else no date.

    In running text the day is that of the clock (:attr:`_Ctx.clock_day`: a day told in
    the sentence or the two before it, else the lead day, else the report's); in a future
    clause, a day ahead told farther back comes before the lead day and the report's."""
    d = ctx.clock_day or ctx.reference
    if ctx.day_ahead is not None and ctx.tense == "future":
        d = ctx.day_ahead
    if d is not None:
        return _Val(f"{d.isoformat()}T{_clock(m)}", d, d, "time-of-day")
    return _Val(f"XXXX-XX-XXT{_clock(m)}", None, None, "time-of-day")


def _h_hours_ago(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "hours ago", "a few minutes ago": the day of the report."""
    if ctx.anchor is None:
        from kg.extract.timex.relative import _publication_month

        return _publication_month(ctx) or _unresolved("day")  # a report known to its month: a day of it
    return _day(ctx.anchor)


def _h_year(m: re.Match, ctx: _Ctx) -> _Val | None:
    y = int(m["y"])
    if ctx.quarter is not None and _QUARTER_AFTER.match(m.string, m.end()):
        return _quarter(y, ctx.quarter[1])  # "in the 1988 period" while a quarter is reported
    return _year(y)


_QUARTER_AFTER = re.compile(r"\s+(?:period|quarter)\b", re.I)


def _h_ref(m: re.Match, ctx: _Ctx) -> _Val | None:
    w = _g(m, "w")
    if w in _REFS:
        kind = _REFS[w]
    elif "current" in w:
        kind = "PRESENT_REF"
    elif re.search(r"recent|past|last|ago", w):
        kind = "PAST_REF"
    else:  # the coming days, the weeks ahead, the next few days
        kind = "FUTURE_REF"
    return _ref(kind, ctx.anchor)


def _h_duration(m: re.Match, ctx: _Ctx) -> _Val | None:
    if m["u"].lower().startswith("quarter") and (m["n"].lower() in ("a", "an") or "-" in m.group()):
        return None  # "a quarter of", "three-quarters": fractions
    n = _number(m["n"])
    if (m["half"] or m["half2"]) and n is not None:
        n += 0.5
    return _Val(_duration(n, m["u"]), None, None, "duration")


def _h_half_unit(m: re.Match, ctx: _Ctx) -> _Val | None:
    u = _unit_key(m["u"])
    if u == "hour":
        return _Val("PT30M", None, None, "duration")
    return _Val(_duration(0.5, u), None, None, "duration")


def _h_duration_range(m: re.Match, ctx: _Ctx) -> _Val | None:
    n1, n2 = _number(m["n1"]), _number(m["n2"])
    if n1 is None or n2 is None or n2 <= n1:
        return None
    return _Val(_duration(n2, m["u"]), None, None, "duration")


def _h_vague_duration(m: re.Match, ctx: _Ctx) -> _Val | None:
    return _Val(_duration(None, m["u"]), None, None, "duration")


def _h_ordinal_duration(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "its fifth week" (an age: the war in its fifth week is P5W old)."""
    n = ORDINALS.get(_g(m, "o") or "")
    if n is None:
        n = _daynum(m["o"]) if m["o"][0].isdigit() else None
    if not n or n < 1:
        return None
    return _Val(_duration(n, m["u"]), None, None, "duration")


def _h_season_bare(m: re.Match, ctx: _Ctx) -> _Val | None:
    return _h_season(m, ctx, bare=True)
