"""Entry points: :func:`normalize` one expression, :func:`find_timexes` in running
text, and the TimeML views :func:`timex_type` and :func:`timeml_span`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.records import Mention, TimeValue
from kg.extract.timex.lexicon import NOT_IN_RUNNING_TEXT
from kg.extract.timex.values import _Ctx, _Val, _period_span, _time_of_day
from kg.extract.timex.patterns import _SOFT_PREP
from kg.extract.timex.relative import _has_year, _range_of
from kg.extract.timex.tense import _SENTENCE_END, combine_tenses, guess_tense
from kg.extract.timex.grammar import (
    bounded,
    _AFTER_ATOM,
    _FLAGS,
    _GUARDS,
    _LINE,
    _NATIVE_HEADER,
    _PREFIX,
    _PREFIX_ENDS,
    _P_BETWEEN,
    _P_FROM_TO,
    _P_TO,
    _RULES,
    _TOKEN,
    _TOKEN_GATES,
    _match_full,
    _rules_at,
    _rx,
)


def _ctx(anchor, reference, tense, period=None) -> _Ctx:
    tense = tense if tense in ("past", "future") else None
    return _Ctx(anchor=anchor, reference=reference, coarse=reference, tense_hint=tense, recent=reference,
                period=None if anchor is not None else _period_span(period))


def normalize(
    text: str,
    anchor: date | None,
    *,
    reference: date | None = None,
    tense: str | None = None,
    period: str | None = None,
) -> TimeValue | None:
    """Normalize one temporal expression against the publication date ``anchor``.

    ``reference`` is the date of the event being talked about, for "the day
    before", "that evening", "three years later"; ``tense`` ("past", "future"
    or ``None``) picks the direction for bare weekdays and dates without a year.
    A leading preposition (on, in, at, during...) is ignored; bounding ones
    (by, before, until, since, after, as early as...) set the bounds. Returns
    ``None`` when ``text`` is not a temporal expression. Without an anchor,
    ``period`` ("2025-02", "2025"), the month or year the document is known to be
    published in, resolves what needs no more than that ("this month", "last
    year", "in March"); "on Tuesday" stays unresolved.

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
    >>> t = normalize("earlier this year", None, period="2025-02")
    >>> t.timex, t.earliest, t.latest
    ('2025', datetime.date(2025, 1, 1), datetime.date(2025, 2, 28))
    """
    ctx = _ctx(anchor, reference, tense, period)
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
def find_timexes(
    text: str,
    anchor: date | None,
    *,
    doc_id: str = "",
    offset: int = 0,
    tense_at: Callable[[int], str | None] | None = None,
    reference: date | None = None,
    split_ranges: bool = False,
    period: str | None = None,
) -> list[TimeValue]:
    """Recognize and normalize the temporal expressions of running text.

    Matches are non-overlapping, leftmost and longest; each carries a
    ``Mention(doc_id, offset + start, offset + end, surface)``. ``tense_at(offset
    + start)`` gives the tense at a mention from a parse (see
    :func:`~kg.extract.timex.tense.tense_from_parse`); a future cue among the words
    of the clause wins over it, and without it the words decide
    (:func:`~kg.extract.timex.tense.guess_tense`). Anaphors resolve
    against ``reference`` when given; otherwise "the day before", "that
    evening", "later that day" refer to the day mentioned earlier in the same
    sentence, else to the first day on or before the anchor that the text
    mentions (the lead event of a news item), and "three years later", "that
    spring" to the last resolved date mentioned before them. With
    ``split_ranges`` a range "between June 20 and June 30" yields its two ends.
    An ISO date in a native header line (" date 2025-07-20") is not reported.
    ``period`` is the publication month or year when no day is known (see
    :func:`normalize`).

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
    span = None if anchor is not None else _period_span(period)
    for line in _LINE.finditer(text):
        begin = line.start()
        if begin == 0 and (h := _NATIVE_HEADER.match(text)):
            begin = h.end()  # the publication date of a native file is not a mention
        _scan_line(text, begin, line.end(), anchor, state, results, doc_id, offset,
                   tense_at, reference, split_ranges, span)  # fmt: skip
    return _day_named_after(text, _overnight_before_a_day(text, results, offset), offset)


#: "today (Monday)", "yesterday, Sunday,", "tonight [Friday]": a day told relative to the
#: report and then named in brackets or between commas.
_RELATIVE_DAY_WORDS = frozenset(("today", "yesterday", "tomorrow", "tonight"))
_NAMED_AFTER = re.compile(r"\s*[(\[,]\s*$")


def _day_named_after(text: str, results: list[TimeValue], offset: int) -> list[TimeValue]:
    """"today (Monday)": the weekday named in brackets or between commas right after a day
    told relative to the report is the day meant (words quoted from a day before the
    report, an editor's gloss), so the relative word takes the date of that weekday
    nearest the day it would otherwise name.

    >>> from datetime import date
    >>> s = '"We signed it today (Monday)," the envoy said.'
    >>> [(t.text, t.timex) for t in find_timexes(s, date(2026, 3, 10))]
    [('today', '2026-03-09'), ('Monday', '2026-03-09')]
    """
    out = list(results)
    for k, t in enumerate(out[:-1]):
        u = out[k + 1]
        if (t.text.lower() not in _RELATIVE_DAY_WORDS or t.mention is None or u.mention is None
                or t.earliest is None or u.granularity != "day" or u.earliest is None):
            continue
        between = text[t.mention.end - offset:u.mention.start - offset]
        if not _NAMED_AFTER.match(between) or not between.strip():
            continue
        named = t.earliest + timedelta(days=(u.earliest.weekday() - t.earliest.weekday() + 3) % 7 - 3)
        if named == t.earliest or t.granularity != "day":
            continue
        out[k] = TimeValue(t.text, named.isoformat(), named, named, "day", t.mention)
    return out


def _overnight_before_a_day(text: str, results: list[TimeValue], offset: int) -> list[TimeValue]:
    """"overnight" told in the past is the night before the report, unless its sentence
    then names the day the night ran into ("negotiated overnight and reached a deal
    early on Thursday"): the night before that day.

    >>> from datetime import date
    >>> s = "The envoys talked overnight and reached a deal early on Thursday."
    >>> [(t.text, t.timex) for t in find_timexes(s, date(2026, 3, 11))]
    [('overnight', '2026-03-04TNI'), ('Thursday', '2026-03-05')]
    """
    out = list(results)
    for k, t in enumerate(out):
        if t.text.lower() != "overnight" or not (t.timex or "").endswith("TNI") or t.mention is None:
            continue
        for u in out[k + 1:]:
            if u.mention is None or _SENTENCE_END.search(text, t.mention.end - offset, u.mention.start - offset):
                break
            if u.granularity in ("day", "time-of-day") and u.earliest is not None and u.earliest != t.latest:
                night = _time_of_day(u.earliest - timedelta(days=1), "night")
                out[k] = TimeValue(t.text, night.timex, night.earliest, night.latest, night.granularity, t.mention)
                break
            if u.granularity in ("day", "time-of-day"):
                break
    return out


@dataclass
class _State:
    lede: date | None = None  # the first day on or before the anchor that the text mentions
    last_day: tuple[int, date] | None = None  # end offset and date of the last day mention
    last_resolved: date | None = None  # the last date mentioned (for "three years later")
    last_resolved_at: int = 0  # where that mention ends
    quarter: tuple[int, int] | None = None  # the last quarter mentioned (year, quarter)


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
        v = bounded(_RULES[i].handler, mm, ctx)
        if v is not None:
            return p, mm.end(), v, ctx
    return None


_POSTPONED = re.compile(
    r"\b(?:postponed|put\s+off|pushed\s+back|delayed|deferred|moved|rescheduled|adjourned|shifted)"
    r"(?:\s+\w+){0,2}\s+$", re.I)
_UNTIL = re.compile(r"(?:until|till)\s+", re.I)


def _scan_line(text, pos, n, anchor, state, results, doc_id, offset, tense_at, reference, split_ranges,
               period=None, fast=True):  # fmt: skip
    """Find the expressions in ``text[pos:n]`` (one line), appending them to ``results``.

    Atoms (dates, references, durations) are matched at the positions where one
    can start; then a composite (range, bound, offset) that contains the atom and
    starts at it or just before it replaces it when it is at least as long.
    ``fast=False`` tries every position (to check :data:`_GATES`).
    """

    def make_ctx(start: int, end: int) -> _Ctx:
        if tense_at is not None:  # the parse, unless the words say future ("planned talks on Monday")
            tense_fn = lambda: combine_tenses(tense_at(offset + start), guess_tense(text, start, end))  # noqa: E731
        else:
            tense_fn = lambda: guess_tense(text, start, end)  # noqa: E731
        day_ref = reference
        if day_ref is None:
            last_day = state.last_day
            if last_day is not None and not _SENTENCE_END.search(text, last_day[0], start):
                day_ref = last_day[1]
            else:
                day_ref = state.lede
        recent = reference
        if recent is None and state.last_resolved is not None:
            if len(_SENTENCE_END.findall(text, state.last_resolved_at, start)) <= 1:
                recent = state.last_resolved
        # a clock time alone ("at 7 p.m.") is on a day told in its sentence or the two
        # before it, else on the lead day, else on the day of the report
        # (in a future clause, a day ahead told earlier rather than the lead day)
        clock_day, ahead = reference, None
        last_day = state.last_day
        if clock_day is None and last_day is not None:
            if len(_BREAKS.findall(text, last_day[0], start)) <= 2:
                clock_day = last_day[1]
            elif anchor is not None and last_day[1] > anchor:
                ahead = last_day[1]
        clock_day = clock_day or state.lede or anchor
        # words quoted in a report whose narrator tells of an earlier day were said that day
        quoted_day = (state.lede if state.lede is not None and anchor is not None and state.lede < anchor
                      and _quoted(text, pos, start) else None)
        return _Ctx(anchor=anchor, reference=day_ref, coarse=reference or state.last_resolved,
                    tense_fn=tense_fn, quarter=state.quarter, recent=recent, clock_day=clock_day,
                    day_ahead=ahead, period=period, quoted_day=quoted_day)  # fmt: skip

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
        if text[start:end].lower() in NOT_IN_RUNNING_TEXT or (
            v.granularity == "duration" and _RATE.search(text, max(pos, start - 30), start) and _PER_UNIT.fullmatch(text, start, end)
        ):  # "$500 million a year": a rate, not a span of time
            continue
        if split_ranges and v.granularity == "range":
            parts = _split_range(text, start, end, anchor, ctx.tense)
            if parts:
                for a, b, pv in parts:
                    results.append(_tv(text, a, b, pv, doc_id, offset))
                continue
        results.append(_tv(text, start, end, v, doc_id, offset))
        if v.granularity in ("day", "time-of-day") and v.earliest is not None:
            state.last_day = (end, v.earliest)
            if state.lede is None and anchor is not None and v.earliest <= anchor and not _quoted(text, pos, start):
                state.lede = v.earliest  # the narrator's day: a day in quoted words is the speaker's
        if v.earliest is not None and v.granularity not in ("ref", "duration", "upper-bound", "set"):
            state.last_resolved, state.last_resolved_at = v.earliest, end
        if (v.granularity == "quarter" and v.latest is not None and anchor is not None and v.latest < anchor
                and _QUARTER_WORD.search(text, start, end) and not _COMPARED.search(text, start, end)):
            # the quarter being reported: a completed one, named as a quarter, not a comparison
            state.quarter = (int(v.timex[:4]), int(v.timex[-1]))


def _quoted(text: str, pos: int, start: int) -> bool:
    """``start`` is inside quotation marks opened in ``text[pos:start]`` (one line).

    >>> _quoted('"Yesterday we met," she said on Monday.', 0, 1)
    True
    >>> _quoted('"Yesterday we met," she said on Monday.', 0, 32)
    False
    """
    seg = text[pos:start]
    return seg.count("\u201c") > seg.count("\u201d") or seg.count('"') % 2 == 1


_BREAKS = re.compile(r"(?:[.!?][\"'”’)]*\s|\n)\s*")  # sentence ends, a paragraph break counted once
_RATE = re.compile(r"(?:\d[\d,.]*(?:\s+[a-z]+){0,2}|\b(?:dollars?|cents?|shares?|flights?|seats?|units?|percent|million|billion|each))\s+$", re.I)
_PER_UNIT = re.compile(r"an?\s+(?:day|night|week|month|year|hour)", re.I)
_QUARTER_WORD = re.compile(r"quarter|period", re.I)
_COMPARED = re.compile(r"year[\s-]*(?:ago|earlier)|last\s+year|previous|prior|preceding", re.I)


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
    """The TIMEX3 type of ``tv``: DATE, TIME, DURATION or SET (:attr:`TimeValue.timex3_type`).

    >>> from datetime import date
    >>> [timex_type(normalize(s, date(2025, 7, 20))) for s in ("June 2", "that evening", "three days")]
    ['DATE', 'TIME', 'DURATION']
    """
    return tv.timex3_type