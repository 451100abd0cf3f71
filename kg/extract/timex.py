"""Temporal expressions: recognize them in running text and normalize them.

Every expression is normalized against an *anchor*, the publication date of the
document, into a :class:`~kg.records.TimeValue`: a TIMEX3 ``value``, a
granularity and the ``[earliest, latest]`` bounds that the text supports. A bound
the text does not support is left ``None`` (a fabricated bound is worse than none).

>>> from datetime import date
>>> sunday = date(2025, 7, 20)
>>> normalize("next week", sunday)
TimeValue(text='next week', timex='2025-W30', earliest=datetime.date(2025, 7, 21), latest=datetime.date(2025, 7, 27), granularity='week', mention=None)
>>> normalize("on Saturday", sunday).timex
'2025-07-19'
>>> [t.text for t in find_timexes("Talks resumed on June 2 after 1,000 prisoners were freed.", sunday)]
['June 2']

Design decisions (the rules are by kind of phrasing, never by sentence):

* Weeks are ISO weeks, Monday to Sunday ("2025-W30").
* A bare weekday ("on Saturday") is the one on or before the anchor; with
  ``tense="future"`` the one on or after it. "last Saturday" is the latest one
  strictly before the anchor, "this Saturday" the one in the anchor's week,
  "next Saturday" the one in the *following ISO week* (like "next week"),
  "this coming Saturday" the first one strictly after the anchor.
* A date without a year ("June 2") takes the year, among the anchor's year and
  its neighbours, whose date is nearest to the anchor; dates after the anchor
  count 1.5 times their distance (news mostly reports the past), 4 times in a
  past-tense context, and dates before the anchor count 4 times in a
  future-tense context. Months and seasons without a year follow the same rule.
* Ranges ("between June 20 and June 30") have granularity ``range``, bounds at
  their ends and as timex the enclosing month or year (``None`` across years).
* Bounded expressions keep the timex of what they bound and set granularity to
  ``upper-bound`` ("by/before/until the end of August": latest 2025-08-31, no
  earliest) or ``lower-bound`` ("since 2022", "as early as next week": an
  earliest and no latest). "before X" ends the day before X begins, except
  "before the end of X" which ends with X.
* "early/mid/late June", "the start/end of June" keep the whole month as bounds
  (the text does not say which days); "earlier this year" runs from January 1 to
  the anchor, "later this month" from the anchor to the month's end.
* Seasons ("2025-SU") get bounds that cover both the meteorological and the
  astronomical season (summer: June 1 .. September 23).
* References: "recently" is ``PAST_REF`` (latest = anchor), "now" is
  ``PRESENT_REF`` (the anchor day), "in the coming days" is ``FUTURE_REF``
  (earliest = anchor).
* Durations ("a 90-day ceasefire", "more than three years") get ISO durations
  ("P90D", "P3Y"), granularity ``duration`` and no bounds; a duration range
  ("two to three days") takes its upper end; vague amounts are ``X`` ("PXD").
* Anaphoric expressions ("the day before", "that evening", "three years later")
  resolve against ``reference``, the date of the event talked about; without
  one they are recognized with timex ``None`` and no bounds. In running text
  :func:`find_timexes` supplies the reference itself (see there).
* Parts of a day: "that evening" is "2025-07-23TEV" (MO, AF, EV, NI; a night
  may run into the next day, so its latest bound is the day after); a clock
  time with a day, "Thursday at 10 a.m.", is "2025-07-24T10:00"; alone it is
  "XXXX-XX-XXT10:00" without bounds.
* Without an anchor only absolute expressions resolve ("2 June 2025", "1856");
  the others are recognized with timex ``None``.

Granularities: day, week, weekend, month, quarter, half, season, year, decade,
century, time-of-day, range, upper-bound, lower-bound, ref, duration.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from kg.records import Mention, TimeValue

__all__ = ["normalize", "find_timexes", "guess_tense", "timeml_span", "timex_type"]

# ---------------------------------------------------------------------------
# Lexicon (module-level data)
# ---------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12, "a hundred": 100, "one hundred": 100, "hundred": 100,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
VAGUE_NUMBERS = ("a few", "few", "several", "many")
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "last": -1, "final": -1,
}  # fmt: skip
#: Duration units: ISO designator, whether it is a time part (after "T"), multiplier.
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "sec": ("S", True, 1), "minute": ("M", True, 1),
    "min": ("M", True, 1), "hour": ("H", True, 1), "hr": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "year": ("Y", False, 1),
    "decade": ("Y", False, 10), "century": ("Y", False, 100),
}  # fmt: skip
#: Nouns after a four-digit number that make it a count, not a year.
COUNT_NOUNS = (
    "people", "persons", "prisoners", "soldiers", "troops", "civilians", "children", "men",
    "women", "dead", "bodies", "casualties", "deaths", "killed", "wounded", "injured",
    "captives", "refugees", "residents", "households", "homes", "km", "kilometres",
    "kilometers", "miles", "metres", "meters", "feet", "tons", "tonnes", "barrels",
    "dollars", "euros", "pounds", "rubles", "roubles", "hryvnias", "units", "tanks",
    "drones", "missiles", "shells", "rockets", "votes", "hectares", "acres", "cases",
    "times", "others", "more", "percent", "per", "pages", "words", "members", "delegates",
    "workers", "students", "patients", "hostages", "detainees", "pows", "names", "sq",
)
#: Words that signal a future-tense clause (used when no tense is supplied).
FUTURE_CUES = (
    r"will", r"won't", r"shall", r"'ll", r"(?:is|are)\s+due", r"(?:is|are)\s+set\s+to",
    r"(?:is|are)\s+expected\s+to", r"(?:is|are)\s+scheduled", r"(?:is|are)\s+planned",
    r"plans?\s+to", r"planning\s+to", r"intends?\s+to", r"going\s+to", r"to\s+be\s+held",
    r"upcoming", r"(?:is|are)\s+to", r"(?:is|are)\s+slated",
    # "a meeting (was being) arranged for Monday"; not "had been scheduled for Monday"
    r"(?<!had\sbeen\s)(?:arranged|scheduled|set|slated|planned|fixed|pencil+ed\s+in)\s+for",
)

# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------


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

    @property
    def tense(self) -> str | None:
        if self.tense_fn is not None:
            t = self.tense_fn()
            self.tense_hint, self.tense_fn = (t if t in ("past", "future") else None), None
        return self.tense_hint


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


# Seasons cover both the meteorological and the astronomical definitions.
_SEASON_SPANS = {"SP": ((3, 1), (6, 21)), "SU": ((6, 1), (9, 23)), "FA": ((9, 1), (12, 21))}
# When a season has begun and ended, by the meteorological definition.
_SEASON_MET = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


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


# ---------------------------------------------------------------------------
# Resolution helpers
# ---------------------------------------------------------------------------


def _weight(ctx: _Ctx, after: bool) -> float:
    if after:
        return 4.0 if ctx.tense == "past" else (1.0 if ctx.tense == "future" else 1.5)
    return 4.0 if ctx.tense == "future" else 1.0


def _nearest_year(ctx: _Ctx, span: Callable[[int], tuple[date, date]]) -> int | None:
    """The year whose occurrence of ``span(year)`` is nearest the anchor (weighted by tense)."""
    if ctx.year_hint is not None:
        return ctx.year_hint
    a = ctx.anchor
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


# ---------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------

_MONTH_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTH = rf"(?-i:(?:{_MONTH_FULL})|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![a-z])"
MONTHF = rf"(?-i:{_MONTH_FULL})(?![a-z])"
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])"
DAYNUM = r"(?<![\d,.])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?<![\d,.$€£#])(?:1[5-9]\d\d|20\d\d)(?!\d|[,.]\d)"
NUMW = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
    r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|zero|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|a\s+dozen|dozen|a\s+hundred|one\s+hundred|hundred)(?![a-z])"
)
NUM = rf"(?:(?<![\d,.])(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?![\d,]\d)|{NUMW})"
NUMA = rf"(?:{NUM}|a\s+couple\s+of|couple\s+of|a\s+few|several|many|an?)"  # "a week", "a few days"
NUMD = rf"(?:{NUM}|an?)"  # definite amounts, for date arithmetic
UNIT = (
    r"(?:seconds|secs|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?"
    r"|months?|years?|decades?|centur(?:y|ies))(?![a-z])"
)
DATE_UNIT = r"(?:days?|nights?|weeks?|fortnights?|months?|years?|decades?)(?![a-z])"
DUR_MOD = (
    r"(?:a\s+little\s+(?:over|more\s+than|under|less\s+than)|more\s+than|less\s+than"
    r"|fewer\s+than|just\s+(?:over|under)|well\s+(?:over|under)|only\s+about|only\s+around"
    r"|at\s+least|at\s+most|up\s+to|close\s+to|upwards\s+of|the\s+better\s+part\s+of"
    r"|nearly|almost|about|around|roughly|approximately|some|barely|only|under|over"
    r"|a\s+full|the\s+full|a\s+further|another)"
)
PART = r"(?:morning|afternoon|evening|night)"
MOD = (
    r"(?:the\s+(?:very\s+)?(?:start|beginning|end|middle|close|turn)\s+of|early|late|mid"
    r"|end|start|earlier\s+in|later\s+in)"
)
REL_NEXT = r"(?:next|last|this|the\s+coming|the\s+upcoming|the\s+following|the\s+previous|that|the\s+same|the)"
REL_YEAR = r"(?:this\s+year|last\s+year|next\s+year|the\s+year)"
_COUNT = "|".join(COUNT_NOUNS)
_SOFT_PREP = re.compile(r"^(?:on|in|at|during|over|of|for|around|circa|c\.|throughout|within)\s+", re.I)
_GROUP_NAME = re.compile(r"\(\?P<\w+>")


def _unname(pattern: str) -> str:
    """Drop group names so that a pattern can be embedded more than once."""
    return _GROUP_NAME.sub("(?:", pattern)


# ---------------------------------------------------------------------------
# Handlers: (match, context) -> _Val, or None when the match is not temporal
# ---------------------------------------------------------------------------


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


def _h_date(m: re.Match, ctx: _Ctx) -> _Val | None:
    mon, d = _month_of(m["mon"]), _daynum(m["d"])
    if m["y"]:
        try:
            return _day(date(int(m["y"]), mon, d))
        except ValueError:
            return None
    if not 1 <= d <= 31 or d > _month_bounds(2024, mon)[1].day:
        return None
    wd = WEEKDAYS.get(_g(m, "wd") or "")
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
    a = ctx.anchor
    if a is None:
        return _unresolved("month")
    if rel in ("last", "this past"):
        return _month(a.year if mon < a.month else a.year - 1, mon)
    if rel in ("next", "this coming"):
        return _month(a.year if mon > a.month else a.year + 1, mon)
    return _month(a.year, mon)


def _rel_year(s: str | None, ctx: _Ctx) -> int | None:
    """A year written as digits or "this/last/next year"."""
    if s is None:
        return None if ctx.anchor is None else ctx.anchor.year
    if s[0].isdigit():
        return int(s)
    if ctx.anchor is None:
        return None
    return ctx.anchor.year + {"this year": 0, "the year": 0, "last year": -1, "next year": 1}[s]


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
    if rel in ("last", "the past", "the previous"):
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
    if m["dec"]:
        start = int(m["dec"])
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


_REL_DAYS = {
    "today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
    "the day after tomorrow": 2, "the day before yesterday": -2, "earlier today": 0,
    "later today": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
}  # fmt: skip


def _h_rel_day(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "today", "yesterday evening", "last night", "the day after tomorrow"."""
    word, part = _g(m, "w"), _g(m, "part")
    if ctx.anchor is None:
        return _unresolved("time-of-day" if part else "day")
    d = ctx.anchor + timedelta(days=_REL_DAYS[word])
    if word in ("tonight", "last night"):
        part = "night"
    elif word.startswith("this "):
        part = word.split()[1]
    return _time_of_day(d, part) if part else _day(d)


_ANAPHOR_DAYS = {
    "before": -1, "previous": -1, "earlier": -1, "prior": -1, "after": 1, "next": 1,
    "following": 1, "later": 1, "same": 0, "that": 0,
}  # fmt: skip


def _h_num_rel(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "three days ago", "two weeks from now", "three years later", "a day earlier"."""
    n = _number(m["n"])
    if n is None or not float(n).is_integer():
        return None
    rel, unit = _g(m, "rel"), m["u"]
    sign = -1 if rel in ("ago", "earlier", "before", "prior") else 1
    if rel in ("ago", "from now", "'s time", "s' time", "time"):
        base = ctx.anchor
    elif _unit_key(unit) in ("day", "night"):
        base = ctx.reference
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
        return _weekend(a)
    if rel in ("last", "the past"):
        return _weekend(a - timedelta(weeks=1))
    if rel in ("next", "the coming", "the upcoming"):
        return _weekend(a + timedelta(weeks=1))
    # "the weekend": the latest one begun (past), or the next one not over (future)
    if ctx.tense == "future" or a.weekday() >= 5:
        return _weekend(a)
    return _weekend(a - timedelta(weeks=1))


def _h_month_rel(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "last month", "late last month", "earlier this month", "the end of the month"."""
    mod, rel = _g(m, "mod"), _g(m, "rel")
    if rel in ("the past", "the last"):
        return None if mod else _Val("P1M", None, None, "duration")
    if rel == "the" and not mod:
        return None
    if rel in ("that", "the same", "the following", "the previous"):
        base = ctx.coarse
        if base is None:
            return _unresolved("month")
        x = base + relativedelta(months={"the following": 1, "the previous": -1}.get(rel, 0))
        return _month(x.year, x.month)
    a = ctx.anchor
    if a is None:
        return _unresolved("month")
    shift = {"next": 1, "last": -1, "the coming": 1, "the upcoming": 1}.get(rel, 0)
    x = a + relativedelta(months=shift)
    v = _month(x.year, x.month)
    if shift == 0 and mod in ("earlier", "earlier in"):
        return _clip(v, hi=a)
    if shift == 0 and mod in ("later", "later in"):
        return _clip(v, lo=a)
    return v


def _h_year_rel(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "this year", "earlier this year", "late last year", "the following year"."""
    mod, rel = _g(m, "mod"), _g(m, "rel")
    if rel in ("the past", "the last"):
        return None if mod else _Val("P1Y", None, None, "duration")
    if rel == "the" and not mod:
        return None
    if rel in ("that", "the same", "the following", "the previous"):
        base = ctx.coarse
        if base is None:
            return _unresolved("year")
        return _year(base.year + {"the following": 1, "the previous": -1}.get(rel, 0))
    a = ctx.anchor
    if a is None:
        return _unresolved("year")
    shift = {"next": 1, "last": -1, "the coming": 1, "the upcoming": 1}.get(rel, 0)
    v = _year(a.year + shift)
    if shift == 0 and mod in ("earlier", "earlier in"):
        return _clip(v, hi=a)
    if shift == 0 and mod in ("later", "later in"):
        return _clip(v, lo=a)
    return v


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


def _clock(m: re.Match) -> str:
    """ "HH:MM" of a clock time ("10 a.m.", "14:30 GMT", "noon")."""
    if m["w"]:
        return "12:00" if m["w"].lower() in ("noon", "midday") else "00:00"
    if m["h2"] is not None:
        return f"{int(m['h2']):02d}:{m['mi2']}"
    h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    return f"{h:02d}:{m['mi'] or '00'}"


def _h_time(m: re.Match, ctx: _Ctx) -> _Val | None:
    """A clock time alone: no date, so no bounds."""
    return _Val(f"XXXX-XX-XXT{_clock(m)}", None, None, "time-of-day")


def _h_day_time(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "Thursday at 10 a.m.", "14:00 GMT on June 2": the day, with the time in the value."""
    inner = _match_full(m["x"], ctx)
    if inner is None or inner.granularity != "day":
        return None
    if inner.timex is None:
        return _unresolved("time-of-day")
    return _Val(f"{inner.timex}T{_clock(m)}", inner.earliest, inner.latest, "time-of-day")


def _h_year(m: re.Match, ctx: _Ctx) -> _Val | None:
    return _year(int(m["y"]))


_REFS = {
    "recent": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF", "previously": "PAST_REF",
    "in the past": "PAST_REF", "now": "PRESENT_REF", "currently": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "right now": "PRESENT_REF", "for now": "PRESENT_REF",
    "soon": "FUTURE_REF", "shortly": "FUTURE_REF", "in the future": "FUTURE_REF",
    "in the near future": "FUTURE_REF", "in due course": "FUTURE_REF",
}  # fmt: skip


def _h_ref(m: re.Match, ctx: _Ctx) -> _Val | None:
    w = _g(m, "w")
    if w in _REFS:
        kind = _REFS[w]
    elif "recent" in w or "past few" in w or "last few" in w:
        kind = "PAST_REF"
    else:  # the coming days, the weeks ahead, the next few days
        kind = "FUTURE_REF"
    return _ref(kind, ctx.anchor)


def _h_duration(m: re.Match, ctx: _Ctx) -> _Val | None:
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


_UPPER = ("by", "before", "until", "till", "up to", "through", "no later than", "not later than",
          "ahead of", "prior to")  # fmt: skip
_BEFORE_START = ("before", "ahead of", "prior to")


def _h_bound(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "by the end of August", "before June 2", "since 2022", "as early as next week"."""
    p, x = _g(m, "p"), m["x"]
    inner = _match_full(x, ctx)
    if inner is None or inner.granularity in ("duration", "ref", "range"):
        return None
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


# ---------------------------------------------------------------------------
# The grammar
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: str  # with named groups, for parsing a matched string
    handler: Callable[[re.Match, _Ctx], _Val | None]
    guard: str = ""  # a lookbehind required only when scanning running text


_P_ISO = r"(?<![\d-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])"
_P_MDY = rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MONTH})\s+(?P<d>{DAYNUM})(?:,?\s+(?P<y>{YEAR}))?"
_P_DMY = (
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MONTH})"
    rf"(?:,?\s+(?P<y>{YEAR}))?"
)
_P_MY = rf"(?P<mon>{MONTH})\s*,?\s+(?:of\s+)?(?:(?P<y>{YEAR})|(?P<ry>last|next|this)\s+year(?!['’]s))"
_P_MONTH_MOD = rf"(?P<mod>{MOD})[\s-]*(?P<mon>{MONTHF})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?"
_P_REL_MONTH = rf"(?P<rel>this\s+past|this\s+coming|last|next|this|that)\s+(?P<mon>{MONTHF})"
_P_QUARTER = (
    rf"(?:Q(?P<q>[1-4])|the\s+(?P<qo>first|second|third|fourth|final|last)\s+quarter)"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR}|{REL_YEAR}))?"
)
_P_HALF = (
    rf"(?:H(?P<h>[12])|the\s+(?P<ho>first|second|latter)\s+half)\s+(?:of\s+)?"
    rf"(?P<y>{YEAR}|{REL_YEAR})"
)
# "fall" is a season unless it reads as the noun or verb ("the fall of Kabul", "a fall in prices")
_SEASONW = (
    r"(?:spring|summer|autumn|winter|fall(?!\s+(?:of\s+(?!(?:1[5-9]|20)\d\d)|in|to|from|and|out|back"
    r"|short|apart|behind|off|down|through|under|on|for|by|into|below|sharply|further)\b))"
)
_P_SEASON = (
    rf"(?:(?P<mod>{MOD}|earlier|later)[\s-]+)?"
    rf"(?:(?P<rel>this|last|next|that|the\s+same|the\s+coming|the\s+upcoming|the\s+following"
    rf"|the\s+previous|the\s+past|the)\s+)?(?P<s>{_SEASONW})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?"
)
_P_SEASON_BARE = rf"(?P<s>{_SEASONW})"
_P_DECADE = r"the\s+(?:(?P<dec>(?:1[5-9]|20)\d0)'?s|['’](?P<d2>\d0)s)"
_P_CENTURY = (
    r"the\s+(?:(?P<c>\d{1,2})(?:st|nd|rd|th)|(?P<co>first|second|third|fourth|fifth|sixth"
    r"|seventh|eighth|ninth|tenth|eleventh|twelfth))\s+century"
)
_P_REL_DAY = (
    rf"(?P<w>the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday|last\s+night"
    rf"|earlier\s+today|later\s+today|this\s+morning|this\s+afternoon|this\s+evening"
    rf"|today|tonight|yesterday|tomorrow)(?:\s+(?P<part>{PART}))?"
)
_P_ANAPHOR_DAY = (
    r"(?:the\s+(?P<part>day|night|evening|morning)\s+(?P<dir>before|after)(?!\s+(?:yesterday|tomorrow))"
    r"|the\s+(?P<dir2>previous|next|following|same)\s+(?P<part2>day|evening|morning|afternoon|night)"
    r"|(?:a|one)\s+day\s+(?P<dir3>earlier|later)"
    r"|(?P<dir4>later|earlier)\s+that\s+(?P<part4>day|morning|afternoon|evening|night)"
    r"|(?P<dir5>that)\s+(?:same\s+)?(?P<part5>day|morning|afternoon|evening|night)"
    r"|(?:(?:a\s+few|several|some|a\s+couple\s+of|two|three|four|an?|one)\s+)?(?P<dir6>hours?|minutes)\s+later)"
)
_P_NUM_REL = (
    rf"(?P<n>{NUMD})\s+(?P<u>{DATE_UNIT})\s+(?P<rel>ago|from\s+now|later|earlier"
    rf"|(?:before|after|prior)(?=\s*[,.;:)]|\s*$))"
    rf"|in\s+(?P<n2>{NUMD})\s+(?P<u2>{DATE_UNIT})(?P<rel2>['’]s?\s+time)"
)
_P_WEEK = (
    r"(?P<rel2>the\s+week\s+ahead|the\s+week\s+before\s+last)|"
    rf"(?:(?P<mod>{MOD}|earlier|later)\s+)?(?P<rel>next|last|this|the\s+coming|the\s+upcoming"
    r"|the\s+following|the\s+previous|the\s+past|the\s+last|that|the\s+same|the)\s+week"
    r"(?!end|s|\s+of\b|\s+ahead|\s+before\s+last|['’]s\s+(?:time))"
)
_P_WEEK_OF = rf"the\s+week\s+of\s+(?P<x>{_unname(_P_MDY)}|{_unname(_P_DMY)}|{_unname(_P_ISO)})"
_P_WEEKEND = (
    r"(?P<rel>this|last|next|that|the\s+coming|the\s+upcoming|the\s+past|the\s+previous"
    r"|the\s+following|the\s+same|the)\s+weekend(?!s)"
)
_P_MONTH_REL = (
    rf"(?:(?P<mod>{MOD}|earlier|later)\s+)?(?P<rel>{REL_NEXT}|the\s+past|the\s+last)\s+month"
    r"(?!s|\s+of\b|['’]s\s+time)"
)
_P_YEAR_REL = (
    rf"(?:(?P<mod>{MOD}|earlier|later)\s+)?(?P<rel>{REL_NEXT}|the\s+past|the\s+last)\s+year"
    r"(?!s|\s+of\b|\s*\d|['’]s\s+time)"
)
_P_YEAR_MOD = rf"(?P<mod>{MOD})[\s-]*(?P<y>{YEAR})"
_P_WEEKDAY = (
    rf"(?:(?P<rel>this\s+past|this\s+coming|last|next|this|past|coming)\s+)?(?P<wd>{WEEKDAY})"
    rf"(?:\s+(?P<wk>next|last|this)\s+week)?(?:\s+(?P<part>{PART}))?"
)
_P_MONTH = rf"(?P<mon>{MONTHF})"
_P_DAY_OF_MONTH = rf"the\s+(?P<d>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?!\s+(?:of\s+)?{MONTH}|\s+century)"
_TIME = (
    r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.m\.|[ap]m(?![\w]))"
    r"|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?![\d:])"
    r"(?:\s+(?:GMT|UTC|CET|CEST|EET|EEST|MSK|local\s+time|Moscow\s+time|Kyiv\s+time))?"
    r"|(?P<w>noon|midnight|midday))"
)
_P_TIME = _TIME
_P_YEAR = (
    rf"(?:the\s+year\s+)?(?P<y>{YEAR})(?!\s+(?:{_COUNT})\b|\s*%|\s+per\s*cent)"
)
_P_REF_PREP = (
    r"(?P<w>(?:in|over|during|within)\s+(?:the\s+)?(?:coming|upcoming|next\s+few|past\s+few|last\s+few"
    r"|recent)\s+(?:days|weeks|months|years)"
    r"|(?:in|over)\s+the\s+(?:days|weeks|months|years)\s+ahead"
    r"|in\s+the\s+(?:near\s+)?future|in\s+due\s+course|in\s+the\s+past(?!\s+(?:few|\d|week|month|year|day)))"
)
_P_REF = (
    r"(?P<w>the\s+(?:coming|upcoming|next\s+few)\s+(?:days|weeks|months|years)"
    r"|the\s+(?:days|weeks|months|years)\s+ahead"
    r"|(?<!most\s)(?<!more\s)recent(?:ly)?|lately|previously|currently|at\s+present"
    r"|at\s+the\s+moment|nowadays|these\s+days|right\s+now|for\s+now|now(?!\s+that)"
    r"|soon(?!\s+(?:after|afterwards|before))|shortly(?!\s+(?:after|afterwards|before)))"
)
_P_DURATION_RANGE = (
    rf"(?:{DUR_MOD}\s+)?(?P<n1>{NUM})\s*(?:to|-|–|or)\s*(?P<n2>{NUM})[\s-]+(?P<u>{UNIT})"
    r"(?![-\s]+old\b)"
)
_P_DURATION = (
    rf"(?:(?:the\s+(?:past|last|next|first)|{DUR_MOD})\s+)?(?P<n>{NUMA})"
    rf"(?P<half>\s+and\s+a\s+half)?[\s-]+(?P<u>{UNIT})(?P<half2>\s+and\s+a\s+half)?(?![-\s]+old\b)"
    r"(?!\s+(?:ago|later|earlier|from\s+now)\b)"
)
_P_HALF_UNIT = r"(?:half\s+an?|a\s+half)[\s-]+(?P<u>hour|day|year|month|century)(?![a-z])"
_P_VAGUE_DURATION = r"(?P<u>hours|days|weeks|months|years|decades)"
_P_ORDINAL_DURATION = (
    r"(?:its|their|his|her)\s+(?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+(?P<u>day|week|month|year)(?![a-z])"
)


def _lookbehind(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in words) + ")"


_PREPS = ("in", "In", "of", "by", "By", "since", "Since", "until", "Until", "till", "from",
          "From", "to", "before", "Before", "after", "After", "during", "During", "through",
          "and", "or", "between", "early", "late", "mid", "for", "For")  # fmt: skip
_SEASON_PREPS = ("in", "In", "during", "During", "by", "By", "since", "Since", "until", "Until",
                 "till", "through", "before", "Before", "after", "After")  # fmt: skip

def _h_anaphor_day(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "the day before", "the previous day", "later that day", "that evening"..."""
    direction = next(m[g] for g in ("dir", "dir2", "dir3", "dir4", "dir5", "dir6") if m[g])
    part = next((m[g] for g in ("part", "part2", "part4", "part5") if m[g]), None)
    direction, part = direction.lower(), (part or "day").lower()
    if m["dir4"] or m["dir6"]:  # "later that day", "hours later" are that day
        direction = "same"
    gran = "day" if part == "day" else "time-of-day"
    if ctx.reference is None:
        return _unresolved(gran)
    d = ctx.reference + timedelta(days=_ANAPHOR_DAYS[direction])
    return _day(d) if part == "day" else _time_of_day(d, part)


def _h_num_rel_any(m: re.Match, ctx: _Ctx) -> _Val | None:
    """ "three days ago", "three years later", "in two weeks' time"."""
    if m["n2"]:  # "in three weeks' time"
        n = _number(m["n2"])
        if n is None or ctx.anchor is None:
            return None if n is None else _unresolved("day")
        return _shift(ctx.anchor, int(n), m["u2"])
    return _h_num_rel(m, ctx)


def _h_season_bare(m: re.Match, ctx: _Ctx) -> _Val | None:
    return _h_season(m, ctx, bare=True)


#: The date expressions that may stand inside a range, a bound or an offset.
_SIMPLE: list[_Rule] = [
    _Rule("iso", _P_ISO, _h_iso),
    _Rule("mdy", _P_MDY, _h_date),
    _Rule("dmy", _P_DMY, _h_date),
    _Rule("week_of", _P_WEEK_OF, _h_week_of),
    _Rule("month_mod", _P_MONTH_MOD, _h_month),
    _Rule("month_year", _P_MY, _h_month_year),
    _Rule("rel_month", _P_REL_MONTH, _h_rel_month),
    _Rule("quarter", _P_QUARTER, _h_quarter),
    _Rule("half", _P_HALF, _h_half),
    _Rule("season", _P_SEASON, _h_season),
    _Rule("decade", _P_DECADE, _h_decade),
    _Rule("century", _P_CENTURY, _h_century),
    _Rule("rel_day", _P_REL_DAY, _h_rel_day),
    _Rule("anaphor_day", _P_ANAPHOR_DAY, _h_anaphor_day),
    _Rule("num_rel", _P_NUM_REL, _h_num_rel_any),
    _Rule("week", _P_WEEK, _h_week),
    _Rule("weekend", _P_WEEKEND, _h_weekend),
    _Rule("month_rel", _P_MONTH_REL, _h_month_rel),
    _Rule("year_rel", _P_YEAR_REL, _h_year_rel),
    _Rule("year_mod", _P_YEAR_MOD, _h_year_mod),
    _Rule("weekday", _P_WEEKDAY, _h_weekday),
    _Rule("season_bare", _P_SEASON_BARE, _h_season_bare, guard=_lookbehind(_SEASON_PREPS)),
    _Rule("month", _P_MONTH, _h_month, guard=_lookbehind(_PREPS)),
    _Rule("day_of_month", _P_DAY_OF_MONTH, _h_day_of_month, guard=_lookbehind(("on", "On", "since", "by"))),
    _Rule("time", _P_TIME, _h_time),
    _Rule("year", _P_YEAR, _h_year),
]

#: What a bound ("by", "since"), an offset ("two days after") or a range end can hold.
_CORE = "|".join(f"(?:{_unname(r.pattern)})" for r in _SIMPLE if r.name not in ("season_bare", "time"))
_END_RULES = ("iso", "mdy", "dmy", "month_mod", "month_year", "quarter", "season", "year_mod",
              "weekday", "month", "year")  # fmt: skip
_END = "|".join(f"(?:{_unname(r.pattern)})" for r in _SIMPLE if r.name in _END_RULES)
_SEP = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through|thru)\s+)"

_P_BETWEEN = rf"between\s+(?P<a>{_END})\s+and\s+(?P<b>{_END})"
_P_FROM_TO = rf"from\s+(?P<a>{_END}){_SEP}(?P<b>{_END})"
_P_TO = rf"(?P<a>{_END}){_SEP}(?P<b>{_END})"
_DAYSEP = r"(?P<sep>\s*[-–—]\s*|\s+(?:to|until|till|through|thru|and)\s+)"
_P_RANGE_MD = (
    rf"(?:(?P<pre>between|from)\s+)?(?P<mon>{MONTH})\s+(?P<d1>{DAYNUM}){_DAYSEP}(?P<d2>{DAYNUM})"
    rf"(?:,?\s+(?P<y>{YEAR}))?"
)
_P_RANGE_DM = (
    rf"(?:(?P<pre>between|from)\s+)?(?:the\s+)?(?P<d1>{DAYNUM}){_DAYSEP}(?:the\s+)?(?P<d2>{DAYNUM})"
    rf"(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"
)
_P_OFFSET = (
    rf"(?P<n>{NUMD})\s+(?P<u>{DATE_UNIT})\s+(?P<dir>before|after|from|prior\s+to|ahead\s+of)\s+"
    rf"(?P<x>{_CORE})"
)
_DAYISH = "|".join(
    f"(?:{_unname(r.pattern)})" for r in _SIMPLE if r.name in ("iso", "mdy", "dmy", "rel_day", "weekday")
)
_P_DAY_TIME = rf"(?P<x>{_DAYISH})(?:,?\s+(?:at|from|around|about)\s+|,?\s+)(?P<t>{_TIME})"
_P_TIME_DAY = rf"(?P<t>{_TIME})(?:,?\s+on\s+|,?\s+)(?P<x>{_DAYISH})"
_P_BOUND = (
    r"(?P<p>no\s+later\s+than|not\s+later\s+than|no\s+earlier\s+than|not\s+earlier\s+than"
    r"|not\s+before|as\s+early\s+as|as\s+soon\s+as|up\s+to|ahead\s+of|prior\s+to|by|before"
    rf"|until|till|through|since|after|from)\s+(?P<x>{_CORE})"
)

#: Expressions built around a date expression (an "atom"): ranges, bounds, offsets.
_COMPOSITE_RULES: list[_Rule] = [
    _Rule("range_md", _P_RANGE_MD, _h_range_days),
    _Rule("range_dm", _P_RANGE_DM, _h_range_days),
    _Rule("between", _P_BETWEEN, _h_range),
    _Rule("from_to", _P_FROM_TO, _h_range),
    _Rule("offset", _P_OFFSET, _h_offset),
    _Rule("bound", _P_BOUND, _h_bound),
    _Rule("day_time", _P_DAY_TIME, _h_day_time),
    _Rule("time_day", _P_TIME_DAY, _h_day_time),
    _Rule("to", _P_TO, _h_range),
]
#: Expressions that stand alone, in order of priority at one position.
_ATOM_RULES: list[_Rule] = [
    _Rule("ref_prep", _P_REF_PREP, _h_ref),
    *_SIMPLE,
    _Rule("ref", _P_REF, _h_ref),
    _Rule("duration_range", _P_DURATION_RANGE, _h_duration_range),
    _Rule("duration", _P_DURATION, _h_duration),
    _Rule("half_unit", _P_HALF_UNIT, _h_half_unit),
    _Rule("ordinal_duration", _P_ORDINAL_DURATION, _h_ordinal_duration),
    _Rule("vague_duration", _P_VAGUE_DURATION, _h_vague_duration, guard=_lookbehind(("for", "For"))),
]
_RULES: list[_Rule] = _COMPOSITE_RULES + _ATOM_RULES
_FLAGS = re.IGNORECASE
_COMPILED: list[re.Pattern | None] = [None] * len(_RULES)


def _rx(i: int) -> re.Pattern:
    """Rule ``i`` compiled (on first use, to keep the import fast), word-bounded."""
    rx = _COMPILED[i]
    if rx is None:
        rx = _COMPILED[i] = re.compile(rf"(?<![\w])(?:{_RULES[i].pattern})(?![\w])", _FLAGS)
    return rx


_COMPOSITE_IDX = range(0, len(_COMPOSITE_RULES))
_ATOM_IDX = range(len(_COMPOSITE_RULES), len(_RULES))
_GUARDS = [re.compile(r.guard, _FLAGS) if r.guard else None for r in _RULES]


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters (lower-cased) a match of ``pattern`` can start with; None if any.

    Used only to skip rules that cannot match at a position; on a Python whose
    regular-expression parser is not available, every rule is tried.

    >>> sorted(_first_chars(r"(?:the\\s+)?(?P<d>\\d)|Q[1-4]"))[:3]
    ['0', '1', '2']
    """
    try:
        from re import _constants as C, _parser as P
    except ImportError:  # pragma: no cover - other Python versions
        return None

    def seq(items) -> tuple[set[str] | None, bool]:
        out: set[str] = set()
        for op, av in items:
            f, nullable = one(op, av)
            if f is None:
                return None, False
            out |= f
            if not nullable:
                return out, False
        return out, True

    def one(op, av) -> tuple[set[str] | None, bool]:
        if op is C.LITERAL:
            return {chr(av).lower()}, False
        if op is C.IN:
            chars: set[str] = set()
            for iop, iav in av:
                if iop is C.LITERAL:
                    chars.add(chr(iav).lower())
                elif iop is C.RANGE and iav[1] - iav[0] < 256:
                    chars |= {chr(c).lower() for c in range(iav[0], iav[1] + 1)}
                elif iop is C.CATEGORY and iav in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT):
                    chars |= set("0123456789")
                elif iop is C.CATEGORY and iav in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE):
                    chars |= set(" \t\n\r\f\v\xa0")
                else:
                    return None, False
            return chars, False
        if op is C.BRANCH:
            out, nullable = set(), False
            for b in av[1]:
                f, n = seq(b)
                if f is None:
                    return None, False
                out |= f
                nullable = nullable or n
            return out, nullable
        if op is C.SUBPATTERN:
            return seq(av[-1])
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            f, n = seq(av[2])
            return f, n or av[0] == 0
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            return set(), True
        if op is getattr(C, "ATOMIC_GROUP", None):
            return seq(av)
        return None, False

    chars, nullable = seq(P.parse(pattern, _FLAGS))
    return None if chars is None or nullable else frozenset(chars)


_FIRST: list[frozenset[str] | None] = []


def _rules_for(c: str, indices: range) -> tuple[int, ...]:
    if not _FIRST:
        _FIRST.extend(_first_chars(r.pattern) for r in _RULES)
    return tuple(i for i in indices if _FIRST[i] is None or c in _FIRST[i])


_BY_CHAR: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}


def _rules_at(c: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(atom rules, composite rules) that can match at a position starting with ``c``."""
    c = c.lower()
    r = _BY_CHAR.get(c)
    if r is None:
        r = _BY_CHAR[c] = (_rules_for(c, _ATOM_IDX), _rules_for(c, _COMPOSITE_IDX))
    return r


#: What may precede an atom and make it part of a composite ("by", "between", "20-").
_PREFIX = re.compile(
    r"(?<![\w])(?:(?:between|from|no\s+later\s+than|not\s+later\s+than|no\s+earlier\s+than"
    r"|not\s+earlier\s+than|not\s+before|as\s+early\s+as|as\s+soon\s+as|up\s+to|ahead\s+of"
    r"|prior\s+to|by|before|until|till|through|since|after)\s+"
    rf"|(?:(?:between|from)\s+)?(?:the\s+)?{DAYNUM}\s*(?:[-–—]|to|until|till|through|thru|and)\s*"
    r"(?:the\s+)?)$",
    _FLAGS,
)
_PREFIX_ENDS = ("between", "from", "than", "before", "by", "until", "till", "through", "since",
                "after", "as", "to", "of", "-", "–", "—", "and", "thru")  # fmt: skip
#: What may follow an atom and make it the start of a composite ("-30", "to June 30", "after").
_AFTER_ATOM = re.compile(
    r"\s*(?:[-–—]|(?:to|until|till|through|thru|and|before|after|from|prior|ahead)(?![\w]))"
    r"|,?\s+(?:at|from|around|about|on)\s|,?\s+(?:\d|noon|midnight|midday|today|tomorrow"
    rf"|yesterday|tonight|this|last|next|{WEEKDAY}|{MONTH})",
    _FLAGS,
)

# Where an expression can start.
_NUMWORDS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|zero|one|two|three|four|five|six|seven|eight"
    r"|nine|ten|dozen|hundred|several|many|couple)(?![a-z])"
)
_SEASONS_W = r"(?:spring|summer|autumn|fall|winter)"
_THE2 = (
    r"(?:(?:day|night|evening|morning|afternoon|same|previous|next|following|end|start|beginning"
    r"|middle|close|turn|very|week|weekend|coming|upcoming|past|last|first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|final|latter|year|month"
    rf"|{_SEASONS_W}|days|weeks|months|years|better|full)(?![a-z])|\d|['’]\d)"
)
_DUR2 = rf"(?:\d|{_NUMWORDS}|an?\s|a\s+(?:few|couple|dozen|hundred|half)|half|few)"
_AFTER_REL = (
    rf"(?:day|night|week|weekend|month|year|quarter|{_SEASONS_W}|{WEEKDAY}|{MONTHF}|few|\d|{_NUMWORDS}"
    r"|morning|afternoon|evening|past|coming)(?![a-z])"
)

def _gate(pattern: str) -> re.Pattern:
    return re.compile(pattern, _FLAGS)


_DUR_GATE = _gate(rf"{DUR_MOD}\s+{_DUR2}")
_REL_GATE = _gate(rf"(?:last|next|this|that|past|coming)\s+(?:same\s+)?{_AFTER_REL}")
_REF_PREP_GATE = _gate(
    r"(?:in|over|during|within)\s+(?:the\s+(?:coming|upcoming|next|past|last|days|weeks|months"
    rf"|years|near|future)|coming|upcoming|recent|next|past|last|due\s+course|{_DUR2})"
)
#: Tokens that may start an expression, with what must follow them (None: nothing).
_GATES: dict[str, re.Pattern | None] = {
    **dict.fromkeys(
        ("today", "tonight", "yesterday", "tomorrow", "spring", "summer", "autumn", "fall",
         "winter", "recent", "recently", "lately", "previously", "currently", "nowadays", "now",
         "soon", "shortly", "half", "early", "late", "mid", "earlier", "later", "q1", "q2", "q3",
         "q4", "h1", "h2", "several", "couple", "dozen", "hundred", "noon", "midnight", "midday"),
        None,
    ),
    **dict.fromkeys(k for k in SMALL_NUMBERS if " " not in k and k not in ("a", "an")),
    **dict.fromkeys(TENS),
    "the": _gate(rf"the\s+{_THE2}"),
    "a": _gate(
        rf"an?\s+(?:{_DUR2}|little|full|further|day|week|month|year|hour|minute|decade|century"
        r"|fortnight|night|half)"
    ),
    "in": _REF_PREP_GATE,
    "over": _gate(rf"{_REF_PREP_GATE.pattern}|over\s+{_DUR2}"),
    "during": _REF_PREP_GATE,
    "within": _REF_PREP_GATE,
    "at": _gate(rf"at\s+(?:the\s+moment|present|least\s+{_DUR2}|most\s+{_DUR2})"),
    "for": _gate(r"for\s+now"),
    "these": _gate(r"these\s+days"),
    "right": _gate(r"right\s+now"),
    "end": _gate(rf"end[\s-]*(?:{MONTHF}|{YEAR})"),
    "start": _gate(rf"start[\s-]*(?:{MONTHF}|{YEAR})"),
    "many": _gate(rf"many\s+{UNIT}"),
    **dict.fromkeys(("days", "weeks", "months", "years", "decades"), _gate(r"(?<=\bfor\s)\w")),
    **dict.fromkeys(("hours", "minutes", "hour"), _gate(r"(?<=\bfor\s)\w|\w+\s+later\b")),
    **dict.fromkeys(("its", "their", "his", "her"), _gate(_unname(_P_ORDINAL_DURATION))),
    **dict.fromkeys(("last", "next", "this", "that", "past", "coming"), _REL_GATE),
    **dict.fromkeys(
        ("more", "less", "fewer", "just", "well", "only", "under", "nearly", "almost", "about",
         "around", "roughly", "approximately", "some", "barely", "another", "up", "close",
         "upwards"),
        _DUR_GATE,
    ),
}  # fmt: skip
_GATES["an"] = _GATES["a"]
#: The gates by token as written (lower case, capitalized, upper case); month and
#: weekday names only capitalized.
_TOKEN_GATES: dict[str, re.Pattern | None] = {
    **{v(k): g for k, g in _GATES.items() for v in (str.lower, str.capitalize, str.upper)},
    **{k.capitalize(): None for k in (*MONTHS, *WEEKDAYS)},
}
_TOKEN = re.compile(r"[^\W_]+")

_LINE = re.compile(r"[^\n]+")
_NATIVE_HEADER = re.compile(r"[ \t\ufeff]*date[ \t]+\d{4}-\d{2}-\d{2}(?:[ \t]+\d+(?!\S))?")


def _match_full(s: str, ctx: _Ctx) -> _Val | None:
    """Normalize ``s`` as a whole with the first rule that accepts it."""
    s = re.sub(r"\s+", " ", s.strip())
    for i, rule in enumerate(_RULES):
        m = _rx(i).fullmatch(s)
        if m is not None:
            v = rule.handler(m, ctx)
            if v is not None:
                return v
    return None


def _ctx(anchor, reference, tense) -> _Ctx:
    tense = tense if tense in ("past", "future") else None
    return _Ctx(anchor=anchor, reference=reference, coarse=reference, tense_hint=tense)


def normalize(
    text: str,
    anchor: date | None,
    *,
    reference: date | None = None,
    tense: str | None = None,
) -> TimeValue | None:
    """Normalize one temporal expression against the publication date ``anchor``.

    ``reference`` is the date of the event being talked about, for "the day
    before", "that evening", "three years later"; ``tense`` ("past", "future"
    or ``None``) picks the direction for bare weekdays and dates without a year.
    A leading preposition (on, in, at, during...) is ignored; bounding ones
    (by, before, until, since, after, as early as...) set the bounds. Returns
    ``None`` when ``text`` is not a temporal expression.

    >>> from datetime import date
    >>> sun = date(2025, 7, 20)
    >>> normalize("Saturday", sun).timex
    '2025-07-19'
    >>> normalize("Saturday", sun, tense="future").timex
    '2025-07-26'
    >>> t = normalize("by the end of August", sun)
    >>> t.timex, t.earliest, t.latest, t.granularity
    ('2025-08', None, datetime.date(2025, 8, 31), 'upper-bound')
    >>> normalize("the day before", sun, reference=date(2025, 6, 2)).timex
    '2025-06-01'
    >>> normalize("the day before", sun).timex is None
    True
    >>> normalize("a 90-day", sun).timex
    'P90D'
    >>> normalize("1,000 prisoners", sun) is None
    True
    """
    ctx = _ctx(anchor, reference, tense)
    punct = " \t\n\r\"'“”‘’,;:!?()[]"
    s = re.sub(r"\s+", " ", text.strip(punct + "."))
    v = None
    for candidate in dict.fromkeys((s, s + ".", text.strip(punct))):  # "June 2." but "10 a.m."
        if v is None and candidate:
            v = _match_full(candidate, ctx)
            if v is None and (stripped := _SOFT_PREP.sub("", candidate, count=1)) != candidate:
                v = _match_full(stripped, ctx)
            if v is None and candidate.lower().startswith(("a ", "an ")):  # "a 90-day (ceasefire)"
                v = _match_full(candidate.split(" ", 1)[1], ctx)
    if v is None:
        return None
    return TimeValue(text=text, timex=v.timex, earliest=v.earliest, latest=v.latest, granularity=v.granularity)


# ---------------------------------------------------------------------------
# Running text
# ---------------------------------------------------------------------------

_FUTURE_WORDS = ("will", "won't", "shall", "'ll", "due", "set to", "expected", "schedul", "plan",
                 "intend", "going to", "to be held", "upcoming", "is to", "are to", "slated",
                 "arranged for", "set for", "fixed for", "in for")  # fmt: skip
_FUTURE_RX = re.compile(r"(?<![\w'])(?:" + "|".join(FUTURE_CUES) + r")(?![\w])", re.I)
_CLAUSE_BREAK = re.compile(  # not the dots of "p.m." or "U.S.", not the colon of "9:45"
    r"(?<!\b[A-Za-z])\.|(?<!\d):|:(?!\d)|[;!?\n]|,|\b(?:said|says|told|announced|added|stated|wrote|that|and|but|while|when)\b", re.I
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def guess_tense(text: str, start: int, end: int) -> str | None:
    """Guess whether the clause around ``text[start:end]`` speaks of the future.

    Returns ``"future"`` when a future cue (will, is due to, is set to,
    scheduled...) is in the same clause, else ``None`` (the past by default).

    >>> s = "Talks will resume on Monday."
    >>> guess_tense(s, s.index("Monday"), s.index("Monday") + 6)
    'future'
    >>> s = "He said on Monday that talks will resume."
    >>> guess_tense(s, s.index("Monday"), s.index("Monday") + 6) is None
    True
    """
    raw = text[max(0, start - 100) : end + 60].lower()
    if not any(w in raw for w in _FUTURE_WORDS):
        return None
    before = text[max(0, start - 100) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    after = text[end : end + 60]
    b = _CLAUSE_BREAK.search(after)
    if b:
        after = after[: b.start()]
    if _FUTURE_RX.search(before) or _FUTURE_RX.search(after):
        return "future"
    return None


def find_timexes(
    text: str,
    anchor: date | None,
    *,
    doc_id: str = "",
    offset: int = 0,
    tense_at: Callable[[int], str | None] | None = None,
    reference: date | None = None,
    split_ranges: bool = False,
) -> list[TimeValue]:
    """Recognize and normalize the temporal expressions of running text.

    Matches are non-overlapping, leftmost and longest; each carries a
    ``Mention(doc_id, offset + start, offset + end, surface)``. ``tense_at(offset
    + start)`` gives the tense at a mention when known; otherwise a future cue in
    the same clause (:func:`guess_tense`) makes it future. Anaphors resolve
    against ``reference`` when given; otherwise "the day before", "that
    evening", "later that day" refer to the day mentioned earlier in the same
    sentence, else to the first day on or before the anchor that the text
    mentions (the lead event of a news item), and "three years later", "that
    spring" to the last resolved date mentioned before them. With
    ``split_ranges`` a range "between June 20 and June 30" yields its two ends.
    An ISO date in a native header line (" date 2025-07-20") is not reported.

    >>> from datetime import date
    >>> s = "The talks were held on Friday. The day before, 1,000 prisoners were freed."
    >>> [(t.text, t.timex) for t in find_timexes(s, date(2025, 5, 17))]
    [('Friday', '2025-05-16'), ('The day before', '2025-05-15')]
    >>> t = find_timexes("a round between June 20 and June 30", date(2025, 6, 3), offset=10)[0]
    >>> t.timex, t.earliest, t.latest, t.mention.start
    ('2025-06', datetime.date(2025, 6, 20), datetime.date(2025, 6, 30), 18)
    """
    results: list[TimeValue] = []
    state = _State()
    for line in _LINE.finditer(text):
        begin = line.start()
        if begin == 0 and (h := _NATIVE_HEADER.match(text)):
            begin = h.end()  # the publication date of a native file is not a mention
        _scan_line(text, begin, line.end(), anchor, state, results, doc_id, offset,
                   tense_at, reference, split_ranges)  # fmt: skip
    return results


@dataclass
class _State:
    lede: date | None = None  # the first day on or before the anchor that the text mentions
    last_day: tuple[int, date] | None = None  # end offset and date of the last day mention
    last_resolved: date | None = None  # the last date mentioned (for "three years later")


def _candidates(text: str, pos: int, n: int):
    """Positions in ``text[pos:n]`` where an expression can start (see :data:`_GATES`)."""
    gates = _TOKEN_GATES
    for tok in _TOKEN.finditer(text, pos, n):
        w = tok.group()
        if w in gates:
            g = gates[w]
            if g is None or g.match(text, tok.start(), n):
                yield tok.start()
        elif w[0] in "0123456789" and text[tok.start() - 1 : tok.start()] not in (",", "."):
            yield tok.start()


def _try_rules(indices, text, p, n, make_ctx):
    """The first rule of ``indices`` that matches at ``p`` and accepts the match."""
    for i in indices:
        mm = _rx(i).match(text, p, n)
        if mm is None or (_GUARDS[i] is not None and not _GUARDS[i].match(text, p)):
            continue
        ctx = make_ctx(p, mm.end())
        v = _RULES[i].handler(mm, ctx)
        if v is not None:
            return p, mm.end(), v, ctx
    return None


_POSTPONED = re.compile(
    r"\b(?:postponed|put\s+off|pushed\s+back|delayed|deferred|moved|rescheduled|adjourned|shifted)"
    r"(?:\s+\w+){0,2}\s+$", re.I)
_UNTIL = re.compile(r"(?:until|till)\s+", re.I)


def _scan_line(text, pos, n, anchor, state, results, doc_id, offset, tense_at, reference, split_ranges,
               fast=True):  # fmt: skip
    """Find the expressions in ``text[pos:n]`` (one line), appending them to ``results``.

    Atoms (dates, references, durations) are matched at the positions where one
    can start; then a composite (range, bound, offset) that contains the atom and
    starts at it or just before it replaces it when it is at least as long.
    ``fast=False`` tries every position (to check :data:`_GATES`).
    """

    def make_ctx(start: int, end: int) -> _Ctx:
        if tense_at is not None:
            tense_fn = lambda: tense_at(offset + start)  # noqa: E731
        else:
            tense_fn = lambda: guess_tense(text, start, end)  # noqa: E731
        day_ref = reference
        if day_ref is None:
            last_day = state.last_day
            if last_day is not None and not _SENTENCE_END.search(text, last_day[0], start):
                day_ref = last_day[1]
            else:
                day_ref = state.lede
        return _Ctx(anchor=anchor, reference=day_ref, coarse=reference or state.last_resolved,
                    tense_fn=tense_fn)  # fmt: skip

    last_end = pos
    for start in _candidates(text, pos, n) if fast else range(pos, n):
        if start < last_end:
            continue
        atoms, composites = _rules_at(text[start])
        best = _try_rules(atoms, text, start, n, make_ctx)
        if best is None:
            continue
        if composites and _AFTER_ATOM.match(text, best[1], n):
            comp = _try_rules(composites, text, start, n, make_ctx)
            if comp is not None and comp[1] > best[1]:
                best = comp
        lead = text[max(last_end, start - 40) : start].rstrip().lower()
        pre = _PREFIX.search(text, max(last_end, start - 40), start) if lead.endswith(_PREFIX_ENDS) else None
        if pre is not None:
            comp = _try_rules(_rules_at(text[pre.start()])[1], text, pre.start(), n, make_ctx)
            if comp is not None and comp[1] >= best[1]:
                best = comp
        start, end, v, ctx = best
        if v.granularity == "upper-bound" and _POSTPONED.search(text, max(pos, start - 40), start):
            # "put off until later in the spring": the new date, not a deadline
            inner = _UNTIL.match(text, start, end)
            sub = _try_rules(_rules_at(text[inner.end()])[0], text, inner.end(), end, make_ctx) if inner else None
            if sub is not None and sub[1] == end and sub[2].granularity not in ("duration", "ref"):
                start, end, v, ctx = sub
        last_end = end
        if split_ranges and v.granularity == "range":
            parts = _split_range(text, start, end, anchor, ctx.tense)
            if parts:
                for a, b, pv in parts:
                    results.append(_tv(text, a, b, pv, doc_id, offset))
                continue
        results.append(_tv(text, start, end, v, doc_id, offset))
        if v.granularity in ("day", "time-of-day") and v.earliest is not None:
            state.last_day = (end, v.earliest)
            if state.lede is None and anchor is not None and v.earliest <= anchor:
                state.lede = v.earliest
        if v.earliest is not None and v.granularity not in ("ref", "duration", "upper-bound"):
            state.last_resolved = v.earliest


def _tv(text: str, start: int, end: int, v: _Val, doc_id: str, offset: int) -> TimeValue:
    surface = text[start:end]
    return TimeValue(
        text=surface, timex=v.timex, earliest=v.earliest, latest=v.latest, granularity=v.granularity,
        mention=Mention(doc_id, offset + start, offset + end, surface),
    )  # fmt: skip


def _split_range(text: str, start: int, end: int, anchor: date | None, tense: str | None):
    """The two ends of the range ``text[start:end]`` as (start, end, value) triples."""
    sub = text[start:end]
    ctx = _Ctx(anchor=anchor, tense_hint=tense)
    for pat in (_P_BETWEEN, _P_FROM_TO, _P_TO):
        m = re.compile(pat, _FLAGS).fullmatch(sub)
        if m is None:
            continue
        ya, yb = _has_year(m["a"]), _has_year(m["b"])
        full = _range_of(m["a"], m["b"], ctx)
        if full is None or full.earliest is None:
            return None
        a = _match_full(m["a"], replace(ctx, year_hint=full.earliest.year) if ya is None else ctx)
        b = _match_full(m["b"], replace(ctx, year_hint=full.latest.year) if yb is None else ctx)
        if a is None or b is None:
            return None
        return [(start + m.start("a"), start + m.end("a"), a), (start + m.start("b"), start + m.end("b"), b)]
    return None


_BOUND_LEAD = re.compile(
    r"(?:(?:by|before|until|till|up\s+to|through|no\s+later\s+than|not\s+later\s+than|since|after|from|"
    r"as\s+early\s+as|as\s+late\s+as|as\s+soon\s+as|no\s+earlier\s+than|not\s+before|not\s+until|"
    r"ahead\s+of|prior\s+to|starting|beginning|effective|within|during|in|on|at|of|for)\s+)+",
    re.I,
)


def timeml_span(tv: TimeValue) -> tuple[int, int]:
    """The span of ``tv`` as TimeML draws it: a leading bounding word ("by",
    "as early as", "since") is a modifier of the value, outside the TIMEX3.

    >>> from datetime import date
    >>> t = find_timexes("Talks should end by August.", date(2025, 7, 20))[0]
    >>> t.text, t.mention.start, timeml_span(t)
    ('by August', 17, (20, 26))
    """
    m = tv.mention
    start, end = (m.start, m.end) if m is not None else (0, len(tv.text))
    lead = _BOUND_LEAD.match(tv.text)
    if lead is not None and lead.end() < len(tv.text):
        start += lead.end()
    return start, end


def timex_type(tv: TimeValue) -> str:
    """The TIMEX3 type of ``tv``: DATE, TIME, DURATION or SET.

    >>> from datetime import date
    >>> [timex_type(normalize(s, date(2025, 7, 20))) for s in ("June 2", "that evening", "three days")]
    ['DATE', 'TIME', 'DURATION']
    """
    if tv.granularity == "set":
        return "SET"
    if tv.granularity == "duration":
        return "DURATION"
    v = tv.timex or ""
    if tv.granularity == "time-of-day" or re.search(r"T\d|T(?:MO|AF|EV|NI|DT)", v):
        return "TIME"
    return "DATE"
