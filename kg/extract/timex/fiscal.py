"""Reporting periods and recurrences: quarters and fiscal vocabulary, the
comparison periods of results ("the year-ago quarter"), years said in words,
and sets ("daily", "every week", "each July").

The *narrative quarter* is the last quarter the text mentioned (see
:func:`~kg.extract.timex.scan.find_timexes`): "the quarter", "the latest
period" are that quarter, "the year-earlier quarter" and, where a quarter is
being reported, "a year ago" are the same quarter a year before. Without one,
"the latest quarter" is the last quarter completed before the anchor.

>>> from datetime import date
>>> from kg.extract.timex import normalize
>>> oct31 = date(2025, 10, 31)
>>> [normalize(s, oct31).timex for s in ("third-quarter", "the latest quarter", "the current quarter")]
['2025-Q3', '2025-Q3', '2025-Q4']
>>> [normalize(s, oct31).timex for s in ("the year-ago quarter", "year-earlier", "the year")]
['2024-Q3', '2024', '2025']
>>> [(normalize(s, oct31).timex, normalize(s, oct31).granularity) for s in ("daily", "every month")]
[('P1D', 'set'), ('P1M', 'set')]
>>> normalize("nineteen ninety-six", oct31).timex
'1996'
"""

from __future__ import annotations

import re
from kg.extract.timex.lexicon import (
    MONTHS,
    ORDINALS,
    SET_ADVERBS,
    SET_UNITS,
    SMALL_NUMBERS,
    SPOKEN_CENTURIES,
    TENS,
    WEEKDAYS,
)
from kg.extract.timex.patterns import _COUNT, MONTHF, NUMW, UNIT, WEEKDAY
from kg.extract.timex.values import _Ctx, _month, _quarter, _unresolved, _Val, _year

_QORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_YA = r"(?:comparable\s+)?year[\s-]+(?:earlier|ago)"

#: "third-quarter", "the fiscal first quarter", "its fourth quarter", "this year's third
#: quarter", "the year-earlier third quarter".
P_QUARTER_ORD = (
    rf"(?:(?:the|its|their|a|an)\s+)?(?:(?P<ry>this|last|next)\s+year['’]s\s+|(?P<ya>{_YA})\s+"
    r"|(?P<y0>(?:1[5-9]|20)\d\d)\s+)?"
    rf"(?:(?:fiscal|flat|weak|strong|record)[\s-]+)?(?P<qo>{_QORD})[\s-]+(?:fiscal[\s-]+)?quarter(?!s|ly)"
    r"(?:,?\s+(?:of\s+)?(?P<y>(?:1[5-9]|20)\d\d))?"
)
#: "the quarter", "the latest quarter", "the year-ago period", "year-earlier".
P_QUARTER_REF = (
    rf"(?:the|its|their|this|that)\s+(?:(?P<rel>latest|current|most\s+recent|same|previous|prior|preceding"
    rf"|{_YA})\s+)?(?:fiscal\s+)?(?P<u>quarter|period)(?![\w-])"
    rf"|(?:(?:the|a)\s+)?(?P<ya>{_YA})(?:\s+(?:fiscal\s+)?(?P<u2>quarter|period))?"
)
#: "the year", "the current fiscal year", "the full year", "year-end", "year's end".
P_FISCAL_YEAR = (
    r"(?:the|its|their)\s+(?:(?P<rel>current|latest|full|full\s+fiscal|current\s+fiscal|latest\s+fiscal"
    r"|fiscal)\s+)?year(?![\w-]|['’]s|\s+(?:ago|earlier|later|before|after|of|to\s+date)\b|\s*\d)"
    r"|(?P<end>year[\s-]*end|year['’]s\s+end)"
)
#: "daily", "every week", "each July", "every Thursday", "twice a year" is not handled.
P_SET = (
    r"(?P<adv>daily|weekly|monthly|annually|yearly|hourly|nightly)"
    r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|on|at|for|from|to|through|since|until|and|or|but|by|with|over|during)\b)"
    rf"|(?:each|every)\s+(?:(?P<unit>day|night|week|month|quarter|year|hour|minute|morning|evening"
    rf"|weekend)|(?P<mon>{MONTHF})|(?P<wd>{WEEKDAY}))(?![\w-])"
)
#: "nineteen ninety-six", "the year two thousand", "January nineteen ninety-seven".
_SPOKEN = (
    rf"(?P<c>nineteen|eighteen|twenty)\s+(?P<yy>{NUMW}|hundred)"
    rf"|(?:the\s+year\s+)?(?P<k>two\s+thousand)(?:\s+(?:and\s+)?(?P<kk>{NUMW}))?"
)
P_SPOKEN_YEAR = rf"(?:(?P<mon>{MONTHF})\s+)?(?:{_SPOKEN})(?![\s-]+(?:{UNIT}|{_COUNT}|and|or|to|-)\b)"


def _narrative_quarter(ctx: _Ctx) -> tuple[int, int] | None:
    """The quarter the text is reporting: the last one mentioned, else the last completed."""
    if ctx.quarter is not None:
        return ctx.quarter
    a = ctx.anchor
    if a is None:
        return None
    q = (a.month - 1) // 3  # the quarter before the anchor's, 0 = last year's fourth
    return (a.year, q) if q else (a.year - 1, 4)


def _qord(s: str) -> int:
    s = s.lower()
    return int(s[0]) if s[0].isdigit() else ORDINALS[s]


def h_quarter_ord(m: re.Match, ctx: _Ctx) -> _Val | None:
    q = _qord(m["qo"])
    if m["y"] or m["y0"]:
        return _quarter(int(m["y"] or m["y0"]), q)
    if ctx.anchor is None:
        return _unresolved("quarter")
    if m["ry"]:
        y = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["ry"].lower()]
    elif m["ya"]:
        nq = _narrative_quarter(ctx)
        y = (nq[0] if nq else ctx.anchor.year) - 1
    else:  # results are reported once a quarter has begun: the latest one begun by the anchor
        y = ctx.anchor.year if _quarter(ctx.anchor.year, q).earliest <= ctx.anchor else ctx.anchor.year - 1
    return _unresolved("quarter") if y is None else _quarter(y, q)


def h_quarter_ref(m: re.Match, ctx: _Ctx) -> _Val | None:
    rel = re.sub(r"\s+", " ", (m["rel"] or m["ya"] or "").lower())
    unit = (m["u"] or m["u2"] or "").lower()
    if unit == "period" and not rel:
        return None  # "the period" alone names no period
    a = ctx.anchor
    if a is None:
        return _unresolved("quarter")
    if rel == "current":
        return _quarter(a.year, (a.month - 1) // 3 + 1)
    nq = _narrative_quarter(ctx)
    if "year" in rel:
        if not unit and ctx.quarter is None:
            if m.group().lower().startswith("a "):
                return None  # "a year earlier": a shift of the date talked about (see relative.py)
            return _year(a.year - 1)  # "year-earlier results" of a yearly report
        return _quarter(nq[0] - 1, nq[1])
    if rel in ("previous", "prior", "preceding"):
        y, q = nq
        return _quarter(y - 1, 4) if q == 1 else _quarter(y, q - 1)
    return _quarter(*nq)


def h_fiscal_year(m: re.Match, ctx: _Ctx) -> _Val | None:
    if ctx.anchor is None:
        return _unresolved("year")
    if not m["end"] and re.match(r"\s+(?:ended|ending)\b", m.string[m.end() :]):
        return _Val("P1Y", None, None, "duration")  # "the year ended Sept. 30": a span of a year
    return _year(ctx.anchor.year)


def h_set(m: re.Match, ctx: _Ctx) -> _Val | None:
    if m["adv"]:
        return _Val(SET_ADVERBS[m["adv"].lower()], None, None, "set")
    if m["mon"]:
        return _Val(f"XXXX-{MONTHS[m['mon'].lower()]:02d}", None, None, "set")
    if m["wd"]:
        return _Val(f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}", None, None, "set")
    return _Val(SET_UNITS[m["unit"].lower()], None, None, "set")


def _words_number(s: str) -> int | None:
    s = s.lower().replace("-", " ")
    parts = s.split()
    if len(parts) == 1 and parts[0] in SMALL_NUMBERS:
        return SMALL_NUMBERS[parts[0]]
    if parts and parts[0] in TENS:
        rest = SMALL_NUMBERS.get(parts[1], None) if len(parts) == 2 else 0
        return None if rest is None or rest > 9 else TENS[parts[0]] + rest
    return None


def h_spoken_year(m: re.Match, ctx: _Ctx) -> _Val | None:
    if m["k"]:
        tail = _words_number(m["kk"]) if m["kk"] else 0
        if tail is None or tail > 99:
            return None
        y = 2000 + tail
    else:
        yy = 0 if m["yy"].lower() == "hundred" else _words_number(m["yy"])
        if yy is None or (yy < 10 and m["yy"].lower() != "hundred"):
            return None  # "nineteen five" is not how years are said
        y = SPOKEN_CENTURIES[m["c"].lower()] + yy
    if m["mon"]:
        return _month(y, MONTHS[m["mon"].lower()])
    return _year(y)
