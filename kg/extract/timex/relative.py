"""Handlers of expressions relative to the anchor or to the narrative ("last week",
"three days later", "the day before") and of composites (ranges, bounds, offsets).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from kg.extract.timex.lexicon import _DEADLINES, WEEKDAYS, _ANAPHOR_DAYS, _BEFORE_START, _REL_DAYS, _UPPER
from kg.extract.timex.values import (
    _quarter,
    _Ctx,
    _Val,
    _clip,
    _day,
    _month,
    _now,
    _now_span,
    _number,
    _shift,
    _time_of_day,
    _unit_key,
    _unresolved,
    _week,
    _weekday_date,
    _weekend,
    _weight,
    _year,
)
from kg.extract.timex.patterns import YEAR
from kg.extract.timex.absolute import _clock, _daynum, _g
from kg.extract.timex.values import _match_full


def _h_rel_day(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "today", "yesterday evening", "last night", "the day after tomorrow"."""
    word, part = _g(m, "w"), _g(m, "part")
    if ctx.anchor is None:
        if _REL_DAYS[word] == 0 and (month := _publication_month(ctx)) is not None:
            return month  # "today" in a report known to its month: a day of that month
        return _unresolved("time-of-day" if part else "day")
    if word == "overnight" and ctx.tense != "past":
        # "talks went on overnight" is last night; "no deal will come overnight" no night at all
        return _unresolved("time-of-day")
    # "the agreement signed today," he said, in a report of Wednesday's signing: that Wednesday
    d = (ctx.quoted_day or ctx.anchor) + timedelta(days=_REL_DAYS[word])
    if word in ("tonight", "last night", "overnight"):
        part = "night"
    elif word.startswith("this "):
        part = word.split()[1]
    return _time_of_day(d, part) if part else _day(d)


def _publication_month(ctx: _Ctx) -> _Val | None:
    """The month of a publication known to its month only (None when the day or
    only the year is known): the day of the report is one of its days."""
    if ctx.period is None:
        return None
    lo, hi = ctx.period
    return _month(lo.year, lo.month) if (lo.year, lo.month) == (hi.year, hi.month) else None


def _h_num_rel(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "three days ago", "two weeks from now", "three years later", "a day earlier"."""
    n = _number(m["n"])
    if n is None or not float(n).is_integer():
        return None
    rel, unit = _g(m, "rel"), m["u"]
    sign = -1 if rel in ("ago", "earlier", "before", "prior") else 1
    key = _unit_key(unit)
    if key == "year" and ctx.quarter is not None and rel in ("ago", "earlier"):
        return _quarter(ctx.quarter[0] - int(n), ctx.quarter[1])  # results compared with a year ago
    if rel in ("ago", "from now", "'s time", "s' time", "time"):
        base = ctx.anchor
        if base is None and key in ("month", "year", "decade"):  # a publication known to the month
            base = _now(ctx, "month" if key == "month" else "year")
    elif key in ("day", "night"):
        base = ctx.reference
    elif sign < 0:  # "a year earlier": before the date just talked about, else before the anchor
        base = ctx.recent or ctx.anchor
    else:
        base = ctx.coarse
    gran = {"day": "day", "night": "day", "week": "week", "fortnight": "week"}.get(_unit_key(unit), "year")
    if _unit_key(unit) == "month":
        gran = "month"
    if base is None:
        return _unresolved(gran)
    return _shift(base, sign * int(n), unit)


def _h_week(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "next week", "last week", "earlier this week", "the following week"..."""
    mod, rel = _g(m, "mod"), _g(m, "rel") or _g(m, "rel2") or "the"
    if _g(m, "ba"):  # "The week before, ...": the week before the one told of, none without it
        if ctx.coarse is None:
            return _unresolved("week")
        return _week(ctx.coarse + timedelta(weeks=-1 if _g(m, "ba").lower() == "before" else 1))
    if rel in ("the past", "the last"):
        return None if mod else _Val("P1W", None, None, "duration")
    if rel == "the" and not mod:
        return None
    if rel in ("that", "the same", "the following", "the previous"):
        base = ctx.coarse or ctx.anchor
        if base is None:
            return _unresolved("week")
        shift = {"the following": 1, "the previous": -1}.get(rel, 0)
        return _week(base + timedelta(weeks=shift))
    a = ctx.anchor
    if a is None:
        return _unresolved("week")
    shift = {"next": 1, "last": -1, "the coming": 1, "the upcoming": 1, "the week ahead": 1,
             "the week before last": -2}.get(rel, 0)  # fmt: skip
    v = _week(a + timedelta(weeks=shift))
    if shift == 0 and mod in ("earlier", "earlier in"):
        return _clip(v, hi=a)
    if shift == 0 and mod in ("later", "later in"):
        return _clip(v, lo=a)
    return v


def _h_week_of(m: re.Match, ctx: _Ctx) -> _Val | None:
    inner = _match_full(m["x"], ctx)
    if inner is None or inner.earliest is None:
        return None if inner is None else _unresolved("week")
    return _week(inner.earliest)


def _h_weekend(m: re.Match, ctx: _Ctx) -> _Val | None:
    rel = _g(m, "rel")
    if rel in ("that", "the same", "the following", "the previous"):
        base = ctx.coarse
        if base is None:
            return _unresolved("weekend")
        return _weekend(base + timedelta(weeks={"the following": 1, "the previous": -1}.get(rel, 0)))
    a = ctx.anchor
    if a is None:
        return _unresolved("weekend")
    if rel == "this":
        # told in the past on a weekday ("held talks this weekend" in Monday's paper):
        # the weekend just gone, not the one to come
        if ctx.tense == "past" and a.weekday() < 5:
            return _weekend(a - timedelta(weeks=1))
        return _weekend(a)
    if rel in ("last", "the past"):
        return _weekend(a - timedelta(weeks=1))
    if rel in ("next", "the coming", "the upcoming"):
        return _weekend(a + timedelta(weeks=1))
    # "the weekend": the latest one begun (past), or the next one not over (future)
    if ctx.tense == "future" or a.weekday() >= 5:
        return _weekend(a)
    return _weekend(a - timedelta(weeks=1))


#: Shifts of a relative period from now ("next month") and from the period told of ("the following year").
_NOW_SHIFT = {"next": 1, "last": -1, "the coming": 1, "the upcoming": 1}
_TOLD_SHIFT = {"the following": 1, "the previous": -1}


def _shifted(unit: str, day, n: int) -> _Val:
    """The month or year of ``day``, ``n`` of them later."""
    if unit == "month":
        x = day + relativedelta(months=n)
        return _month(x.year, x.month)
    return _year(day.year + n)


def _rel_period(m: re.Match, ctx: _Ctx, unit: str, duration: str, special=None) -> _Val | None:
    """A month or year told relative to now or to the period told of ("last month",
    "earlier this year", "the following year"); ``special(m, ctx, mod, rel)`` may answer
    first for one unit's own phrasing, once the reference time is known."""
    mod, rel = _g(m, "mod"), _g(m, "rel")
    if _g(m, "ba"):  # "the year before," "the month after,": from the period told of
        rel = "the previous" if _g(m, "ba").lower() == "before" else "the following"
    if rel in ("the past", "the last"):
        return None if mod else _Val(duration, None, None, "duration")
    if rel == "the" and not mod:
        return None
    if rel in ("that", "the same", "the following", "the previous"):
        base = ctx.coarse
        if base is None:
            return _unresolved(unit)
        return _shifted(unit, base, _TOLD_SHIFT.get(rel, 0))
    a = _now(ctx, unit)
    if a is None:
        return _unresolved(unit)
    shift = _NOW_SHIFT.get(rel, 0)
    if special is not None and (v := special(m, ctx, mod, rel)) is not None:
        return v
    v = _shifted(unit, a, shift)
    lo, hi = _now_span(ctx)
    if shift == 0 and mod in ("earlier", "earlier in"):
        return _clip(v, hi=hi)
    if shift == 0 and mod in ("later", "later in"):
        return _clip(v, lo=lo)
    return v


def _h_month_rel(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "last month", "late last month", "earlier this month", "the end of the month"."""
    return _rel_period(m, ctx, "month", "P1M")


_COMPARISON = re.compile(r"\b(?:compared\s+with|from|versus|against|corresponding\s+(?:period|quarter))\b[^,.;]*$", re.I)
_PERIOD_AFTER = re.compile(r"['’]s\s+(?:quarter|period|results)\b", re.I)


def _last_year_beside_a_quarter(m: re.Match, ctx: _Ctx, mod, rel) -> _Val | None:
    """ "compared with a loss of $3 million last year" while a quarter is reported: the
    same quarter a year before."""
    if rel == "last" and not mod and ctx.quarter is not None and (
        _COMPARISON.search(m.string, max(0, m.start() - 60), m.start()) or _PERIOD_AFTER.match(m.string, m.end())
    ):
        return _quarter(ctx.quarter[0] - 1, ctx.quarter[1])
    return None


def _h_year_rel(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "this year", "earlier this year", "late last year", "the following year"."""
    return _rel_period(m, ctx, "year", "P1Y", _last_year_beside_a_quarter)


def _h_year_mod(m: re.Match, ctx: _Ctx) -> _Val | None:
    return _year(int(m["y"]))


def _h_weekday(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "Saturday", "last Sunday", "next Wednesday", "Friday evening", "Monday next week"."""
    wd, rel, wk, part = WEEKDAYS[m["wd"].lower()], _g(m, "rel"), _g(m, "wk"), _g(m, "part")
    gran = "time-of-day" if part else "day"
    a = ctx.anchor
    if a is None:
        return _unresolved(gran)
    if wk:
        monday = a - timedelta(days=a.weekday()) + timedelta(weeks={"next": 1, "last": -1}.get(wk, 0))
        d = monday + timedelta(days=wd)
    else:
        d = _weekday_date(a, wd, rel, ctx.tense)
    if "this" in (wk, rel) and d < a and ctx.tense == "future":
        # "will open on Wednesday this week" written on a Saturday: the coming Wednesday
        d += timedelta(weeks=1)
    return _time_of_day(d, part) if part else _day(d)


def _h_day_of_month(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "(on) the 16th": that day of the nearest month."""
    d = _daynum(m["d"])
    a = ctx.anchor
    if a is None:
        return _unresolved("day")
    best = None
    for k in (0, -1, 1):
        x = a + relativedelta(months=k)
        if d > calendar.monthrange(x.year, x.month)[1]:
            continue
        c = date(x.year, x.month, d)
        dist = abs((c - a).days) * _weight(ctx, after=c > a)
        if best is None or dist < best[0]:
            best = (dist, c)
    return None if best is None else _day(best[1])


def _h_day_time(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "Thursday at 10 a.m.", "14:00 GMT on June 2": the day, with the time in the value."""
    inner = _match_full(m["x"], ctx)
    if inner is None or inner.granularity != "day":
        return None
    if inner.timex is None:
        return _unresolved("time-of-day")
    return _Val(f"{inner.timex}T{_clock(m)}", inner.earliest, inner.latest, "time-of-day")


# --- composites --------------------------------------------------------------


def _has_year(s: str) -> int | None:
    m = re.search(YEAR, s)
    return int(m.group()) if m else None


def _range(a: _Val, b: _Val) -> _Val | None:
    if a.earliest is None or b.latest is None:
        return _unresolved("range")
    if b.latest < a.earliest:
        return None
    lo, hi = a.earliest, b.latest
    if (lo.year, lo.month) == (hi.year, hi.month):
        timex = f"{lo.year:04d}-{lo.month:02d}"
    elif lo.year == hi.year:
        timex = f"{lo.year:04d}"
    else:
        timex = None
    return _Val(timex, lo, hi, "range")


def _range_of(sa: str, sb: str, ctx: _Ctx) -> _Val | None:
    """Resolve the two ends of a range; an end without a year borrows the other's."""
    ya, yb = _has_year(sa), _has_year(sb)
    ca = replace(ctx, year_hint=yb) if ya is None and yb is not None else ctx
    a = _match_full(sa, ca)
    if a is None:
        return None
    if a.granularity not in ("day", "month", "year", "quarter", "season", "week", "time-of-day"):
        return None
    hint = a.earliest.year if (yb is None and a.earliest is not None) else None
    b = _match_full(sb, replace(ctx, year_hint=hint) if hint is not None else ctx)
    if b is None or b.granularity not in ("day", "month", "year", "quarter", "season", "week", "time-of-day"):
        return None
    if (WEEKDAYS.get(sa.strip().lower()) is None) != (WEEKDAYS.get(sb.strip().lower()) is None):
        return None  # "revised Friday to December's figures": a weekday and a date are no range
    if a.earliest is not None and b.latest is not None and b.latest < a.earliest:
        if WEEKDAYS.get(sb.strip().lower()) is not None:  # "from Friday to Monday"
            b = _day(b.latest + timedelta(days=7))
        elif yb is None and hint is not None:  # "December 28 to January 3"
            b = _match_full(sb, replace(ctx, year_hint=hint + 1))
        elif ya is None and yb is not None:
            a = _match_full(sa, replace(ctx, year_hint=yb - 1))
    if a is None or b is None:
        return None
    return _range(a, b)


def _h_range(m: re.Match, ctx: _Ctx) -> _Val | None:
    return _range_of(m["a"], m["b"], ctx)


def _h_range_days(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "June 20-30", "20 to 30 June 2025", "between 20 and 30 June"."""
    if re.search(r"\band\b", m["sep"], re.I) and not m["pre"]:
        return None
    if (m["pre"] or "").lower() == "between" and not re.search(r"\band\b", m["sep"], re.I):
        return None
    mon, y = m["mon"], m["y"]
    tail = f" {y}" if y else ""
    d1, d2 = _daynum(m["d1"]), _daynum(m["d2"])
    if d2 <= d1:
        return None
    return _range_of(f"{mon} {d1}{tail}", f"{mon} {d2}{tail}", ctx)


def _h_offset(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "two days after June 2", "a week before the end of August"."""
    n = _number(m["n"])
    inner = _match_full(m["x"], ctx)
    if n is None or inner is None or not float(n).is_integer():
        return None
    d = _g(m, "dir")
    if inner.earliest is None:
        return _unresolved("day")
    sign = -1 if d in ("before", "prior to", "ahead of") else 1
    base = inner.earliest if sign < 0 else inner.latest
    if inner.granularity == "day":  # "a week from Monday" is a day
        u = _unit_key(m["u"])
        step = {"day": relativedelta(days=1), "night": relativedelta(days=1), "week": relativedelta(weeks=1),
                "fortnight": relativedelta(weeks=2), "month": relativedelta(months=1),
                "year": relativedelta(years=1), "decade": relativedelta(years=10)}[u]  # fmt: skip
        return _day(base + step * (sign * int(n)))
    return _shift(base, sign * int(n), m["u"])


def _h_bound(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "by the end of August", "before June 2", "since 2022", "as early as next week"."""
    p, x = _g(m, "p"), m["x"]
    if p in _DEADLINES and ctx.tense != "future" and not _has_year(x):
        ctx = replace(ctx, tense_fn=None, tense_hint="future")  # "by February": a deadline ahead
    elif p == "since" and not _has_year(x):
        ctx = replace(ctx, tense_fn=None, tense_hint="past")  # "will be the fifth since April": the last April
    inner = _match_full(x, ctx)
    if inner is None or inner.granularity in ("duration", "ref", "range"):
        return None
    if _POSSESSIVE.match(m.string, m.end()):
        # "after this month's first meeting", "before next week's talks": the bound is
        # an event within the period, so only the period's own ends bound it
        if p in _UPPER:
            return _Val(inner.timex, None, inner.latest, "upper-bound")
        return _Val(inner.timex, inner.earliest, None, "lower-bound")
    if p in _UPPER:
        latest = inner.latest
        if p in _BEFORE_START and inner.earliest is not None:
            if not re.match(r"(?:the\s+)?(?:very\s+)?(?:end|close)\b", x, re.I):
                latest = inner.earliest - timedelta(days=1)
        return _Val(inner.timex, None, latest, "upper-bound")
    earliest = inner.earliest
    if p == "after" and inner.latest is not None:
        earliest = inner.latest + timedelta(days=1)
    return _Val(inner.timex, earliest, None, "lower-bound")

_POSSESSIVE = re.compile(r"['’]s(?!\w)")


def _h_part_of_day(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "(deferred to) the evening", "(in) the morning": that part of the day referred to."""
    if ctx.reference is None:
        return _unresolved("time-of-day")
    return _time_of_day(ctx.reference, m["part"])


def _h_anaphor_day(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "the day before", "the previous day", "later that day", "that evening"..."""
    direction = next(m[g] for g in ("dir", "dir2", "dir3", "dir4", "dir5", "dir6") if m[g])
    part = next((m[g] for g in ("part", "part2", "part4", "part5") if m[g]), None)
    direction, part = direction.lower(), (part or "day").lower()
    if m["dir4"] or m["dir6"]:  # "later that day", "hours later" are that day
        direction = "same"
    gran = "day" if part == "day" else "time-of-day"
    ref = ctx.reference
    if m["dir4"] and not re.search(r"\sthat\s", m.group(), re.I):
        # "later in the day": the day just told of, as for a clock time
        ref = ctx.clock_day or ref
    if ref is None:
        return _unresolved(gran)
    d = ref + timedelta(days=_ANAPHOR_DAYS[direction])
    return _day(d) if part == "day" else _time_of_day(d, part)


def _h_since_then(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "since then": from the time told in this sentence or the one before, a lower
    bound; nothing when no time was told that near."""
    if ctx.recent is None:
        return None
    return _Val(ctx.recent.isoformat(), ctx.recent, None, "lower-bound")


def _h_num_rel_any(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "three days ago", "three years later", "in two weeks' time"."""
    if m["n2"]:  # "in three weeks' time"
        n = _number(m["n2"])
        if n is None or ctx.anchor is None:
            return None if n is None else _unresolved("day")
        return _shift(ctx.anchor, int(n), m["u2"])
    return _h_num_rel(m, ctx)
