"""The grammar: rules (pattern + handler), their compiled forms, and the gates
that say where in running text an expression can start.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kg.extract.timex.lexicon import MONTHS, SMALL_NUMBERS, TENS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from kg.extract.timex.fiscal import (
    P_FISCAL_YEAR,
    P_QUARTER_ORD,
    P_QUARTER_REF,
    P_SET,
    P_SPOKEN_YEAR,
    h_fiscal_year,
    h_quarter_ord,
    h_quarter_ref,
    h_set,
    h_spoken_year,
)
from kg.extract.timex.values import _Ctx, _Val
from kg.extract.timex.patterns import (
    DATE_UNIT,
    DAYNUM,
    DUR_MOD,
    MONTH,
    MONTHF,
    NUMD,
    UNIT,
    WEEKDAY,
    WEEKDAY_ABBR,
    YEAR,
    _P_ANAPHOR_DAY,
    _P_SINCE_THEN,
    _P_CENTURY,
    _P_DAY_OF_MONTH,
    _P_DECADE,
    _P_DMY,
    _P_DMY_DASH,
    _P_DURATION,
    _P_DURATION_RANGE,
    _P_HALF,
    _P_HALF_UNIT,
    _P_HOURS_AGO,
    _P_ISO,
    _P_MDY,
    _P_MONTH,
    _P_MONTH_MOD,
    _P_MONTH_REL,
    _P_MY,
    _P_NUM_REL,
    _P_NUMERIC_DATE,
    _P_ORDINAL_DURATION,
    _P_PART_OF_DAY,
    _P_QUARTER,
    _P_REF,
    _P_REF_PREP,
    _P_REL_DAY,
    _P_REL_MONTH,
    _P_SEASON,
    _P_SEASON_BARE,
    _P_TIME,
    _P_VAGUE_DURATION,
    _P_WEEK,
    _P_WEEKDAY,
    _P_WEEKEND,
    _P_WEEK_OF,
    _P_YEAR,
    _P_YEAR_MOD,
    _P_YEAR_REL,
    _TIME,
    _unname,
)
from kg.extract.timex.absolute import (
    _h_century,
    _h_date,
    _h_decade,
    _h_duration,
    _h_duration_range,
    _h_half,
    _h_half_unit,
    _h_hours_ago,
    _h_iso,
    _h_month,
    _h_month_year,
    _h_numeric_date,
    _h_ordinal_duration,
    _h_quarter,
    _h_ref,
    _h_rel_month,
    _h_season,
    _h_season_bare,
    _h_time,
    _h_vague_duration,
    _h_year,
)
from kg.extract.timex.relative import (
    _h_anaphor_day,
    _h_since_then,
    _h_bound,
    _h_day_of_month,
    _h_day_time,
    _h_month_rel,
    _h_num_rel_any,
    _h_offset,
    _h_part_of_day,
    _h_range,
    _h_range_days,
    _h_rel_day,
    _h_week,
    _h_week_of,
    _h_weekday,
    _h_weekend,
    _h_year_mod,
    _h_year_rel,
)


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: str  # with named groups, for parsing a matched string
    handler: Callable[[re.Match, _Ctx], _Val | None]
    guard: str = ""  # a lookbehind required only when scanning running text


def _lookbehind(words: tuple[str, ...]) -> str:
    return "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in words) + ")"


_PREPS = ("in", "In", "of", "by", "By", "since", "Since", "until", "Until", "till", "from",
          "From", "to", "before", "Before", "after", "After", "during", "During", "through",
          "and", "or", "between", "early", "late", "mid", "for", "For")  # fmt: skip
#: Words before a month that names an event ("the March talks", "an earlier June summit").
_EVENT_DETS = ("the", "The", "a", "A", "an", "An", "earlier", "previous", "its", "their")
_DURATION_PREPS = ("for", "For", "within", "Within", "after", "After", "over", "in")
_PART_PREPS = ("in", "In", "to", "by", "By", "until", "Until", "till", "during", "During")
_SEASON_PREPS = ("in", "In", "during", "During", "by", "By", "since", "Since", "until", "Until",
                 "till", "through", "before", "Before", "after", "After")  # fmt: skip


#: Nouns of an event a bare month may name as its modifier ("the March talks").
_EVENT_NOUN_AFTER = (r"(?=\s+(?:round|rounds|talks|negotiations|summit|meeting|meetings|session|sessions"
                     r"|ceasefire|truce|accord|deal|agreement|visit)\b)")

#: The date expressions that may stand inside a range, a bound or an offset.
_SIMPLE: list[_Rule] = [
    _Rule("quarter_ord", P_QUARTER_ORD, h_quarter_ord),
    _Rule("quarter_ref", P_QUARTER_REF, h_quarter_ref),
    _Rule("spoken_year", P_SPOKEN_YEAR, h_spoken_year),
    _Rule("fiscal_year", P_FISCAL_YEAR, h_fiscal_year),
    _Rule("iso", _P_ISO, _h_iso),
    _Rule("numeric_date", _P_NUMERIC_DATE, _h_numeric_date),
    _Rule("dmy_dash", _P_DMY_DASH, _h_date),
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
    _Rule("since_then", _P_SINCE_THEN, _h_since_then),
    _Rule("num_rel", _P_NUM_REL, _h_num_rel_any),
    _Rule("week", _P_WEEK, _h_week),
    _Rule("weekend", _P_WEEKEND, _h_weekend),
    _Rule("month_rel", _P_MONTH_REL, _h_month_rel),
    _Rule("year_rel", _P_YEAR_REL, _h_year_rel),
    _Rule("year_mod", _P_YEAR_MOD, _h_year_mod),
    _Rule("weekday", _P_WEEKDAY, _h_weekday),
    _Rule("season_bare", _P_SEASON_BARE, _h_season_bare, guard=_lookbehind(_SEASON_PREPS)),
    _Rule("month", _P_MONTH, _h_month, guard=_lookbehind(_PREPS)),
    # "the March talks", "a January round", "an earlier June summit": a month naming an event
    _Rule("month_attr", _P_MONTH + _EVENT_NOUN_AFTER, _h_month, guard=_lookbehind(_EVENT_DETS)),
    _Rule("day_of_month", _P_DAY_OF_MONTH, _h_day_of_month, guard=_lookbehind(("on", "On", "since", "by"))),
    _Rule("time", _P_TIME, _h_time),
    _Rule("year", _P_YEAR, _h_year),
]

#: What a bound ("by", "since"), an offset ("two days after") or a range end can hold.
_CORE = "|".join(f"(?:{_unname(r.pattern)})" for r in _SIMPLE if r.name not in ("season_bare", "time", "month_attr"))
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
    f"(?:{_unname(r.pattern)})" for r in _SIMPLE
    if r.name in ("iso", "numeric_date", "dmy_dash", "mdy", "dmy", "rel_day", "weekday")
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
    _Rule("hours_ago", _P_HOURS_AGO, _h_hours_ago),
    *_SIMPLE,
    _Rule("part_of_day", _P_PART_OF_DAY, _h_part_of_day, guard=_lookbehind(_PART_PREPS)),
    _Rule("ref", _P_REF, _h_ref),
    _Rule("set", P_SET, h_set),
    _Rule("duration_range", _P_DURATION_RANGE, _h_duration_range),
    _Rule("duration", _P_DURATION, _h_duration),
    _Rule("half_unit", _P_HALF_UNIT, _h_half_unit),
    _Rule("ordinal_duration", _P_ORDINAL_DURATION, _h_ordinal_duration),
    _Rule("vague_duration", _P_VAGUE_DURATION, _h_vague_duration, guard=_lookbehind(_DURATION_PREPS)),
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
    r"|fiscal|latest|current|most|prior|preceding|comparable|quarter|period|flat|weak|strong|record"
    r"|near|short|future|distant|foreseeable|early|mid|late|twenties|thirties|forties|fifties|sixties"
    r"|seventies|eighties|nineties"
    rf"|{_SEASONS_W}|days|weeks|months|years|better|full)(?![a-z])|\d|['’]\d)"
)
_DUR2 = rf"(?:\d|{_NUMWORDS}|an?\s|a\s+(?:few|couple|dozen|hundred|half)|half|few)"
_AFTER_REL = (
    rf"(?:day|night|week|weekend|month|year|quarter|{_SEASONS_W}|{WEEKDAY}|{MONTHF}|few|\d|{_NUMWORDS}"
    r"|morning|afternoon|evening|past|coming)(?![a-z])"
)

def _gate(pattern: str) -> re.Pattern:
    return re.compile(pattern, _FLAGS)


_QUARTER_GATE = _gate(r"(?:(?:fiscal|flat|weak|strong|record)[\s-]+)?(?:fiscal[\s-]+)?"
                      r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter")
_DUR_GATE = _gate(rf"{DUR_MOD}\s+{_DUR2}")
_REL_GATE = _gate(rf"(?:last|next|this|that|past|coming)\s+(?:same\s+)?{_AFTER_REL}")
_REF_PREP_GATE = _gate(
    r"(?:in|over|during|within)\s+(?:the\s+(?:coming|upcoming|next|past|last|days|weeks|months"
    rf"|years|near|future)|coming|upcoming|recent|next|past|last|due\s+course|{_DUR2})"
)
#: Tokens that may start an expression, with what must follow them (None: nothing).
_GATES: dict[str, re.Pattern | None] = {
    **dict.fromkeys(
        ("today", "tonight", "overnight", "yesterday", "tomorrow", "spring", "summer", "autumn", "fall",
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
        r"|fortnight|night|half|later\s+date|(?:fiscal|flat|weak|strong|record|first|second|third|fourth)[\s-])"
    ),
    "in": _REF_PREP_GATE,
    "over": _gate(rf"{_REF_PREP_GATE.pattern}|over\s+{_DUR2}"),
    "during": _REF_PREP_GATE,
    "within": _REF_PREP_GATE,
    "at": _gate(rf"at\s+(?:the\s+moment|present|least\s+{_DUR2}|most\s+{_DUR2})"),
    "for": _gate(r"for\s+now"),
    "since": _gate(r"since\s+then\b"),
    "ever": _gate(r"ever\s+since\s+then\b"),
    "these": _gate(r"these\s+days"),
    "right": _gate(r"right\s+now"),
    "end": _gate(rf"end[\s-]*(?:{MONTHF}|{YEAR})"),
    "start": _gate(rf"start[\s-]*(?:{MONTHF}|{YEAR})"),
    "many": _gate(rf"many\s+{UNIT}"),
    **dict.fromkeys(("days", "weeks", "months", "quarters", "years", "decades", "centuries"),
                    _gate(_lookbehind(_DURATION_PREPS) + r"\w")),
    **dict.fromkeys(("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "fiscal", "flat",
                     "weak", "strong", "record"), _QUARTER_GATE),
    **dict.fromkeys(("daily", "weekly", "monthly", "quarterly", "annually", "yearly", "hourly", "nightly")),
    **dict.fromkeys(("each", "every"), _gate(rf"(?:each|every)\s+(?:day|night|week|month|quarter|year|hour"
                                             rf"|minute|morning|evening|weekend|{MONTHF}|{WEEKDAY})")),
    "year": _gate(r"year(?:[\s-]+(?:earlier|ago)|[\s-]*end|['’]s\s+end)"),
    "comparable": _gate(r"comparable\s+year"),
    **dict.fromkeys(("hours", "minutes", "hour"), _gate(r"(?<=\bfor\s)\w|\w+\s+(?:later|ago)\b")),
    **dict.fromkeys(("its", "their", "his", "her"), _gate(
        _unname(_P_ORDINAL_DURATION) + r"|(?:its|their)\s+(?:latest|current|fiscal|full|first|second|third"
        r"|fourth|year|quarter|period|most|previous|prior|preceding|same|comparable)(?![a-z])")),
    **dict.fromkeys(("last", "next", "this", "that", "past"), _REL_GATE),
    "coming": _gate(rf"{_REL_GATE.pattern}|coming\s+(?:quarters|years)"),
    "future": _gate(r"future\s+(?:quarters|years)"),
    "as": _gate(r"as\s+soon\s+as\s+possible"),
    "current": _gate(r"(?<='s\s)current|(?<=’s\s)current|(?<=\bthe\s)current|(?<=\bits\s)current|(?<=\btheir\s)current|(?<=\bhis\s)current"),
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
    **{k.capitalize(): _gate(rf"{WEEKDAY_ABBR},?\s+(?:\d|{MONTH})") for k in WEEKDAY_ABBREVIATIONS},
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
            v = bounded(rule.handler, m, ctx)
            if v is not None:
                return v
    return None


def bounded(handler, m, ctx):
    """``handler(m, ctx)``, or None when its date would fall before year 1 or after
    year 9999 (the expression is then left unnormalized)."""
    try:
        return handler(m, ctx)
    except (OverflowError, ValueError) as exc:
        if "out of range" not in str(exc):
            raise
        return None
