"""Time arguments: what a temporal expression attached to a candidate tells of its
time (:func:`_give_time`, called by the arguments stage for each expression it
attaches), and the spans told with the event noun itself: "two days of talks
ended on Friday", "a 72-hour truce", "completed the exchange on Sunday, closing an
operation that started on Friday".

A day on a verb of starting or ending is the first or last day only; a bound
("before", "until", "since") one bound; "between X and Y" one range; a day of
talks still to come that hangs on a verb of starting their first day; "within
three weeks" ahead and "in the past week" back run from or to the publication day;
a bound told with the event noun's own period ("ahead of next week's talks")
bounds the verb above and leaves the event within the period.
"""

from __future__ import annotations

import re
from datetime import timedelta

from kg.extract.events.lexicon import _ordinals, cues
from kg.extract.events.state import Cand
from kg.extract.events.syntax import (
    _climb, _future, _is_verb, _lemma, _negated, _perfect, _phrasal, _timetabled, _verbal,
)
from kg.records import TimeValue


def _hours_long(state, c: Cand) -> bool:
    """The event noun is told as lasting some hours, a day at most ("12-hour talks",
    "talks of ten hours")."""
    t = c.trig
    for tv, span in state.timexes:
        m = re.fullmatch(r"PT(\d+)H", tv.timex or "")
        if tv.granularity != "duration" or m is None or not 0 < int(m[1]) <= 24:
            continue
        if (span.end == t.i or span.end + 1 == t.i and state.doc[span.end].text == "-"
                or any(x.i in range(span.start, span.end) for x in t.children if x.dep_ in ("amod", "compound", "nummod"))
                or t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i in range(span.start, span.end)):
            return True
    return False


def _days_long(state, c: Cand) -> int | None:
    """The number of days the event noun is told as lasting ("ten days of talks",
    "after three days of negotiations"): 2 to 60, else None."""
    t = c.trig
    if t.dep_ != "pobj" or t.head.lower_ != "of" or _lemma(t.head.head) != "day":
        return None
    words = _ordinals()
    for k in t.head.head.children:
        if k.dep_ == "nummod":
            n = int(k.text) if k.text.isdigit() else words.get(k.lower_, (None, False))[0]
            return n if n and 2 <= n <= 60 else None
    return None


def _period_of_bound(state, tv: TimeValue, span) -> TimeValue | None:
    """The period a bound is told with, read again without its bound words ("ahead
    of next week" -> "next week"), or None when nothing is left."""
    from kg.extract.timex import normalize

    dropped = state.ctx.cue["time_prep_dropped"] | state.ctx.cue["bound_word_dropped"]
    words = [x.text for x in span if x.lower_ not in dropped]
    tv2 = normalize(" ".join(words), state.ctx.pub) if words else None
    if tv2 is None or tv2.granularity in ("upper-bound", "lower-bound", "duration", "ref") or tv2.earliest is None:
        return None
    return TimeValue(tv2.text, tv2.timex, tv2.earliest, tv2.latest, tv2.granularity, tv.mention)


def _durations(state):
    """'a seven-day ceasefire', 'a 72-hour truce': how long it lasts once it starts."""
    for c in state.cands:
        if c.kind != "Ceasefire" or c.role != "event":
            continue
        for tv, span in state.timexes:
            if tv.granularity != "duration" or not tv.timex:
                continue
            if not any(x.i in range(span.start, span.end) for x in c.trig.children
                       if x.dep_ in ("amod", "compound", "nummod", "nmod")) and not (
                    span.end == c.trig.i or span.end + 1 == c.trig.i and state.doc[span.end].text == "-"):
                continue
            m = re.fullmatch(r"P(?:(\d+)([DW])|T(\d+)H)", tv.timex)
            if m is None:
                continue
            days = int(m[1]) * (7 if m[2] == "W" else 1) if m[1] else -(-int(m[3]) // 24)
            if 0 < days <= 366:
                c.duration_days = days


def _days_of(state):
    """'Two days of talks ended on Friday': the talks ran Thursday to Friday;
    'three days of talks opened on Monday' (all before publication): Monday to Wednesday."""
    ords = _ordinals()
    for c in state.cands:
        t = c.trig
        tv = c.time
        if c.role != "event" or tv is None or tv.granularity != "day" or not tv.earliest:
            continue
        if not (t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(t.head.head) in ("day", "week")):
            continue
        unit = t.head.head
        n = None
        for k in unit.children:
            if k.dep_ == "nummod":
                n = int(k.text) if k.text.isdigit() else ords.get(k.lower_, (None, False))[0]
        if not n or n < 2 or n > 60:
            continue
        span = timedelta(days=n - 1) if _lemma(unit) == "day" else timedelta(weeks=n) - timedelta(days=1)
        g = unit.head if unit.dep_ in ("nsubj", "nsubjpass") else None
        if g is None or not _is_verb(g):
            continue
        lem = _lemma(g)
        if lem in state.ctx.cue["ending_verb"]:
            c.time = TimeValue(tv.text, None, tv.earliest - span, tv.latest, "range", tv.mention)
        elif lem in state.ctx.cue["starting_verb"] and state.ctx.pub and tv.earliest + span <= state.ctx.pub \
                and not _future(g):
            c.time = TimeValue(tv.text, None, tv.earliest, tv.earliest + span, "range", tv.mention)


def _started_on(state):
    """'completed the exchange on Sunday, closing an operation that started on
    Friday': the start verb gives the earliest bound."""
    for c in state.cands:
        if c.role != "event" or c.time is None or c.time.granularity != "day":
            continue
        heads = [state.doc[a] for a in c.anchors if _is_verb(state.doc[a])]
        for h in heads:
            # "talks that began on Friday ended in a truce on Sunday": the start told within
            # the subject is the talks', not the truce's
            other = {x.i for k in h.children if k.dep_ in ("nsubj", "nsubjpass") and k.i != c.trig.i
                     for x in k.subtree} if c.kind == "Ceasefire" else set()
            for v in h.subtree:
                if not _is_verb(v) or _lemma(v) not in state.ctx.cue["starting_verb_of_exchange"] or v.i in other:
                    continue
                subj = [x for x in v.children if x.dep_ in ("nsubj", "nsubjpass")]
                subj_l = {_lemma(x) for x in subj}
                if v.dep_ == "relcl":
                    subj_l.add(_lemma(v.head))
                if not subj_l & state.ctx.cue["started_subject"]:
                    continue
                for tv, span in state.timexes:
                    root = span.root
                    if root.head.i != root.i and _climb(root, set()).i == v.i and tv.granularity == "day" \
                            and tv.earliest and tv.earliest < c.time.earliest:
                        c.time = TimeValue(c.time.text, None, tv.earliest, c.time.latest, "range", c.time.mention)


def _give_time(state, c: Cand, tv: TimeValue, prep, k: int):
    if tv.granularity == "duration" and prep is not None and prep.lower_ == "within" and c.role == "event":
        ahead = _within_from_now(state, tv, prep)
        if ahead is not None and c.time is None:
            state.claimed.add(k)
            c.time = ahead  # "the exchange will be held within three weeks": from now to then
        return
    if tv.granularity == "duration" and prep is not None and prep.lower_ in ("in", "over", "during") and c.role == "event":
        back = _past_span_to_now(state, tv, prep)
        if back is not None and c.time is None:
            state.claimed.add(k)
            c.time = back  # "his talks in the past week": from a week before the report to it
        return
    if tv.granularity == "duration" and prep is not None and prep.lower_ == "after" and c.role == "event":
        _lasted(state, c, tv, prep)  # "the talks ended on Thursday after three days": how long they ran
        return
    if tv.granularity == "duration" or tv.timex is None and tv.earliest is None and tv.latest is None:
        return
    word = prep.lower_ if prep is not None else ""
    state.claimed.add(k)
    first = _first_told(state, c, tv)
    if first is not None:
        # "talks, first held in 2017, resumed last week": after 2017; "originally planned
        # for May": the old plan's date, none of the event's
        if first not in state.ctx.cue["original_plan_adverb"] and tv.earliest is not None:
            c.earliest = tv.earliest if c.earliest is None else max(c.earliest, tv.earliest)
        return
    if (tv.granularity == "upper-bound" or word in state.ctx.cue["upper_bound_prep"]) and _start_bounded(state, c, tv):
        return  # "the talks are to start by the end of April": a bound on their start, none on their end
    if ((tv.granularity == "upper-bound" or word in state.ctx.cue["upper_bound_prep"])
            and getattr(c, "halted", None) is not None and _bound_on_future(state, tv)):
        return  # "the talks, which broke down on Sunday, will not resume before April": not their end
    if tv.granularity == "upper-bound":
        if tv.latest is not None:
            c.latest = tv.latest if c.latest is None else min(c.latest, tv.latest)
        return
    if tv.granularity == "lower-bound" and tv.mention is not None and not _verbal(c) and c.role == "event":
        span = next((sp for t2, sp in state.timexes if t2 is tv), None)
        at = _climb(span.root, set()) if span is not None else None
        if (at is not None and _halting(state, at) and not _future(at)
                and (c.trig.head.i == at.i and c.trig.dep_ in ("nsubj", "nsubjpass") or _own_clause(c, at)
                     or at.i in getattr(c, "conj_anchors", ()))):
            # "the talks have been stalled since January": they stopped then, an end only
            halted = _period_of_bound(state, tv, span)
            if halted is not None and halted.latest is not None:
                c.halted = halted
                return
    if tv.granularity == "lower-bound":
        if getattr(c, "first_since", False):
            return  # "the first meeting since 2019" says nothing of when this one was
        if tv.earliest is not None:
            c.earliest = tv.earliest if c.earliest is None else max(c.earliest, tv.earliest)
        return
    if (c.time is not None and c.time.granularity == tv.granularity and tv.granularity in _RANGE_ENDS
            and c.time.mention and tv.mention and c.time.earliest and tv.earliest and c.time.earliest < tv.earliest):
        # "between June 20 and June 30", "from May 2 to May 5", "between 2011 and 2013": one range
        a, b = c.time.mention, tv.mention
        gap = state.ctx.document.text[a.end:b.start].strip().lower()
        before = state.ctx.document.text[max(a.start - 9, 0):a.start].strip().lower()
        if gap in state.ctx.cue["range_joiner"] and before.endswith(("between", "from")):
            c.time = TimeValue(f"{a.text} {gap} {b.text}", None, c.time.earliest, tv.latest, "range", a)
            return
    if (c.time is not None and c.time.granularity == tv.granularity and tv.granularity in ("month", "quarter", "year")
            and c.time.mention and tv.mention and c.time.latest and tv.earliest
            and tv.earliest == c.time.latest + timedelta(days=1)
            and state.ctx.document.text[c.time.mention.end:tv.mention.start].strip().lower() == "and"
            and not _planned_at(state, state.timexes[k][1])):
        # "in 2021 and 2022", "met in May and June": one span over the two periods in a row (not
        # "talks scheduled for May and June", a plan of one in each)
        c.time = TimeValue(f"{c.time.text} and {tv.text}", None, c.time.earliest, tv.latest, "range", c.time.mention)
        return
    if word in ("until", "till") and prep is not None and _lemma(prep.head) in state.ctx.cue["postponing_verb"]:
        word = ""  # "postponed until June 3": the new date
    moved = prep.head.head if prep is not None and prep.head.lower_ in ("back", "forward") else \
        prep.head if prep is not None else None  # "pushed back to June": the verb above "back"
    if (prep is not None and prep.lower_ in ("to", "until", "till") and c.role == "event"
            and _lemma(moved) in state.ctx.cue["postponing_verb"] and tv.earliest and tv.latest
            and tv.granularity in ("day", "week", "month", "quarter", "season", "year")):
        # "planned for May, was postponed to June": the new date replaces the one planned
        c.time, c.moved_to = tv, tv
        return
    if getattr(c, "moved_to", None) is not None and c.time is c.moved_to:
        return  # a date told after the new one ("moved to Friday from Monday") is the old one
    if word in state.ctx.cue["upper_bound_prep"]:
        bound = tv.earliest - timedelta(days=1) if (tv.granularity == "day" and word == "before" and tv.earliest) else tv.latest
        c.latest = bound if c.latest is None else min(c.latest, bound)
        return
    if word in ("after", "since"):
        bound = tv.latest + timedelta(days=1) if (tv.granularity == "day" and word == "after" and tv.latest) else tv.earliest
        c.earliest = bound
        return
    if (c.kind == "Ceasefire" and c.role == "event" and not _verbal(c) and tv.latest is not None
            and (state.ctx.pub is None or tv.latest >= state.ctx.pub) and tv.granularity in ("day", "time-of-day") and (root := _tv_root(state, tv)) is not None
            and getattr(_truce_running_out(c.trig), "i", None) == _climb(root, set()).i):
        c.latest = tv.latest if c.latest is None else min(c.latest, tv.latest)
        return  # "the truce is due to expire on Friday": its last day, in force until then
    if c.time is not None and c.time.granularity == "day" and tv.granularity == "day" and c.time != tv:
        root = _tv_root(state, tv)
        if (root is not None and root.dep_ == "conj" and c.time.latest and tv.earliest
                and tv.earliest == c.time.latest + timedelta(days=1)):
            # "met on Monday and Tuesday": one meeting over the two days
            c.time = TimeValue(f"{c.time.text} .. {tv.text}", None, c.time.earliest, tv.latest, "range", c.time.mention)
        elif root is not None and root.dep_ == "conj":  # "on March 3 and March 7": one more date
            c.extra = getattr(c, "extra", []) + [tv]
        elif root is not None and _lemma(_climb(root, set())) in state.ctx.cue["span_verb"]:
            lo, hi = min(c.time.earliest, tv.earliest), max(c.time.latest, tv.latest)
            c.time = TimeValue(f"{c.time.text} .. {tv.text}", None, lo, hi, "range", c.time.mention)
        return
    root = _tv_root(state, tv)
    at = _climb(root, set()) if root is not None else None
    if (root is not None and tv.granularity in ("day", "time-of-day") and _in_halting_noun(state, c)
            and not _future(at)
            and _climb(root, {c.trig.i, c.trig.head.head.i}).i in (c.trig.i, c.trig.head.head.i)):
        c.halted = tv  # "the collapse of the debt talks on Wednesday": ended by then
        return
    if at is not None and tv.granularity in ("day", "time-of-day") and not _verbal(c) and c.role == "event" \
            and at.i != c.trig.i and _of_the_noun(c, root):
        at = None  # "last Friday's meeting ended without a deal": the meeting's own day, not its end
    if (at is not None and tv.granularity == "day" and tv.earliest and not _verbal(c) and c.role == "event"
            and _lemma(at) in state.ctx.cue["opening_verb"] and not _future(at)
            and (_argument_of(state, c.trig, at) or c.trig.i == at.i or _own_clause(c, at))):
        # "the talks opened on October 25", "began a round of talks on Monday": when they
        # began, not when they ended
        c.started = tv.earliest
        c.earliest = tv.earliest if c.earliest is None else max(c.earliest, tv.earliest)
        return
    if (at is not None and tv.granularity in ("week", "month", "year") and not _verbal(c) and c.role == "event"
            and _lemma(at) in state.ctx.cue["opening_verb"] and not _future(at) and _told_roughly(state, tv)
            and (c.trig.head.i == at.i and c.trig.dep_ in ("nsubj", "nsubjpass", "dobj") or c.trig.i == at.i)):
        return  # "the talks began more than a year ago": some time before then, no bound of the talks
    if (at is not None and tv.granularity in ("week", "month", "year") and tv.earliest and not _verbal(c)
            and c.role == "event" and _lemma(at) in state.ctx.cue["opening_verb"] and not _future(at)
            and (_argument_of(state, c.trig, at) or c.trig.i == at.i or _own_clause(c, at))
            and not _told_roughly(state, tv)):
        # "the talks began late last month", "talks that began last year": the period is when
        # they began (the dates stage keeps it as the lower bound only, once coreference has used it)
        c.begun = tv
    if (c.time is not None and at is not None and _lemma(at) in state.ctx.cue["closing_verb"]
            and c.time.granularity != "ref" and c.time.earliest and c.time.latest and tv.earliest and tv.latest and tv.earliest > c.time.latest):
        # "talks began in 2020 and were concluded in March": from the start to the end
        c.time = TimeValue(f"{c.time.text} .. {tv.text}", None, c.time.earliest, tv.latest, "range", c.time.mention)
        return
    if (at is not None and tv.granularity in ("day", "time-of-day") and _in_halting_noun(state, c)
            and not _future(at)):
        c.halted = tv  # "on March 11 the mediators announced a pause in the talks": ended by then
        return
    if (at is not None and tv.granularity not in ("season", "range") and tv.latest is not None and not _verbal(c)
            and c.role == "event" and _halting(state, at) and not _future(at) and not _of_the_noun(c, root)
            and (c.trig.head.i == at.i and c.trig.dep_ in ("nsubj", "nsubjpass") or _own_clause(c, at)
                 or at.dep_ == "pcomp" and at.head.head.i in c.anchors)):
        # "the talks stalled in July", "have stalled since breaking off in March": when they
        # stopped, their end only (the dates stage gives it once coreference is done)
        c.halted = tv
        return
    if (c.time is not None and c.time is getattr(c, "begun", None) and at is not None and _future(at)
            and tv.earliest is not None and c.time.latest is not None and tv.earliest > c.time.latest):
        c.time = None  # "the talks, which began in January, will resume next week": the time to come
    if c.time is None or (c.time.granularity not in ("day",) and tv.granularity == "day") or (
            c.time.granularity == "ref" and tv.granularity != "ref" and (tv.earliest or tv.latest)
            and c.earliest is None and c.latest is None):
        c.time = tv  # a date, where only "now" or "recently" was told ("will now take place in June")
        if (at is not None and tv.granularity in ("day", "time-of-day") and not _verbal(c) and c.role == "event"
                and _lemma(at) in state.ctx.cue["closing_verb"] and not _future(at)
                and (c.trig.head.i == at.i and c.trig.dep_ in ("nsubj", "nsubjpass") or _own_clause(c, at))):
            c.closed = tv  # "the talks ended on Friday": the day they ended (the dates stage keeps the end only)
        if (at is not None and tv.granularity == "day" and not _verbal(c) and c.role == "event"
                and _lemma(at) in state.ctx.cue["opening_verb"] and at.tag_ != "VBD" and not _perfect(at)
                and _completes_subject_of(c, at)):
            c.starts_on = tv  # "the talks are set to start on Wednesday": planned, the first day only
        wide = _two_days(state, tv)
        if wide is not tv:  # "held on 27 and 28 August": both days
            c.time = wide
            for mark in ("closed", "starts_on"):
                if getattr(c, mark, None) is tv:
                    setattr(c, mark, wide)


def _truce_running_out(t):
    """The verb of running out (row ``truce_expiry_verb``) whose subject is the truce
    noun ``t``, told in the present, the future or as timetabled ("the truce expires on
    Friday", "will lapse at midnight", "is due to expire", "is set to end"), else None:
    the day on it is the truce's last, and the truce is in force until then (not the past
    "expired on Sunday": :func:`kg.extract.events.truces._ended`).

    >>> import spacy
    >>> doc = spacy.blank("en")("the truce is due to expire")
    >>> for i, (head, dep) in enumerate([(1, "det"), (2, "nsubj"), (2, "ROOT"), (2, "acomp"), (5, "aux"),
    ...                                  (3, "xcomp")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> doc[2].lemma_, doc[2].tag_, doc[3].lemma_, doc[5].lemma_, doc[5].tag_ = "be", "VBZ", "due", "expire", "VB"
    >>> _truce_running_out(doc[1]).text
    'expire'
    >>> doc[5].lemma_ = "begin"
    >>> _truce_running_out(doc[1]) is None
    True
    """
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return None
    v = t.head
    for _ in range(3):  # "is due to expire": from "is" down to the verb it completes
        if v.tag_ == "VBD":
            return None  # "was due to expire on Friday" (but was extended)
        if _lemma(v) in cues()["truce_expiry_verb"]:
            told = v.tag_ in ("VBZ", "VBP") and not _perfect(v) or _future(v) or _timetabled(v)
            return v if told and not _negated(v) and not _negated(v.head) else None
        nxt = [k for k in v.children if k.dep_ in ("acomp", "xcomp") and k.i > v.i]
        if not nxt:
            return None
        v = nxt[0]
    return None


def _first_told(state, c: Cand, tv: TimeValue) -> str | None:
    """The adverb ("first", "initially", "originally") of the clause of the event noun
    the date ``tv`` hangs on, when that clause tells of the first or original time."""
    told = getattr(c, "first_told", None)
    root = _tv_root(state, tv) if told else None
    at = _climb(root, set()) if root is not None else None
    if at is None or at.i not in told:
        return None
    return next(x.lower_ for x in at.children if x.dep_ == "advmod" and x.lower_ in state.ctx.cue["first_time_adverb"])


def _lasted(state, c: Cand, tv: TimeValue, prep):
    """'the talks ended on Thursday after three days (of negotiations)': a number of
    days after a verb of ending, told in the past, of which the event noun is the
    subject or the clause; the dates stage counts them back from the day it ended."""
    m = re.fullmatch(r"P(\d+)D", tv.timex or "")
    at = _climb(prep, set())
    if (m is not None and 1 < int(m[1]) <= 60 and not _verbal(c) and _is_verb(at)
            and _lemma(at) in state.ctx.cue["closing_verb"] and not _future(at)
            and (c.trig.head.i == at.i and c.trig.dep_ in ("nsubj", "nsubjpass") or _own_clause(c, at))):
        c.lasted_days = int(m[1])


#: "27 and" before a day written with its month, "and 11" after one ("May 10 and 11")
_DAY_AND = re.compile(r"(?<![\w,.])(\d{1,2})(?:st|nd|rd|th)?\s+and\s+$")
_AND_DAY = re.compile(r"\s+and\s+(\d{1,2})(?:st|nd|rd|th)?(?![\w:.,]?\d)(?!\s+(?:of\s+)?[a-z]+s\b)")


def _two_days(state, tv: TimeValue) -> TimeValue:
    """'held on 27 and 28 August', 'met on May 10 and 11': a day told with the day
    before or after it, in a row, is both days (the expression itself keeps the day
    written with its month); two days apart ("on 2 and 9 March") stay one day."""
    if tv.granularity != "day" or tv.mention is None or tv.earliest is None or tv.earliest != tv.latest:
        return tv
    text, m = state.ctx.document.text, tv.mention
    one = timedelta(days=1)
    hit = _DAY_AND.search(text[max(m.start - 12, 0):m.start])
    if hit and m.text[:1].isdigit() and int(hit[1]) == (tv.earliest - one).day and tv.earliest.day > 1:
        return TimeValue(f"{hit[0]}{m.text}", None, tv.earliest - one, tv.latest, "range", m)
    hit = _AND_DAY.match(text[m.end:m.end + 24])
    if hit and not m.text[:1].isdigit() and int(hit[1]) == (tv.earliest + one).day and (tv.earliest + one).day > 1:
        return TimeValue(f"{m.text}{hit[0]}", None, tv.earliest, tv.latest + one, "range", m)
    return tv


def _within_from_now(state, tv: TimeValue, prep) -> TimeValue | None:
    """'within three weeks' on a verb still to come ("will be held within three
    weeks"): from the publication day to that many days, weeks or months on. None
    in the past ("was agreed within three weeks": how long it took) or for a vague
    or hour-long amount."""
    pub = state.ctx.pub
    v = _climb(prep, set())
    step = _step_of(tv)
    if pub is None or step is None or not _is_verb(v) or not (_future(v) or _planned_now(state, v)):
        return None
    return TimeValue(tv.text, None, pub, pub + step, "range", tv.mention)


def _planned_at(state, span) -> bool:
    """The verb a date hangs on tells of something still to come or planned."""
    v = _climb(span.root, set())
    return _is_verb(v) and (_future(v) or _lemma(v) in state.ctx.cue["planned"] or _planned_now(state, v))


def _planned_now(state, v) -> bool:
    """``v`` completes a verb or adjective of a plan told in the present ("are expected
    to meet", "plan to hold", "is due to take place"): still to come."""
    heads = state.ctx.cue["status_planned_head"] - {"agree", "decide", "prepare", "poise"}  # acts, not plans
    for _ in range(3):
        if v.dep_ != "xcomp" or v.head.i == v.i:
            return False
        v = v.head
        verb = v.head if v.pos_ == "ADJ" and v.dep_ == "acomp" else v  # "is due to ...": the "is"
        if _lemma(v) in heads and verb.tag_ in ("VBP", "VBZ", "VBN") and not any(
                k.dep_ in ("aux", "auxpass") and k.tag_ == "VBD" for k in verb.children) and (
                verb.tag_ != "VBN" or any(k.dep_ == "auxpass" for k in verb.children)):
            return True
    return False


def _step_of(tv: TimeValue):
    """The amount of a duration of whole days, weeks, months or years (TIMEX "P3W") as a
    ``relativedelta``, or None."""
    from dateutil.relativedelta import relativedelta

    m = re.fullmatch(r"P(\d+)([DWMY])", tv.timex or "")
    if m is None:
        return None
    n, unit = int(m[1]), m[2]
    return {"D": relativedelta(days=n), "W": relativedelta(weeks=n), "M": relativedelta(months=n),
            "Y": relativedelta(years=n)}[unit]


def _past_span_to_now(state, tv: TimeValue, prep) -> TimeValue | None:
    """'in the past week', 'over the last two weeks' on a verb not still to come nor
    of stopping: from that long before the publication day to it."""
    pub = state.ctx.pub
    step = _step_of(tv)
    if pub is None or step is None or not tv.text.lower().startswith(("the past ", "the last ")):
        return None
    v = _climb(prep, set())
    if _is_verb(v) and (_future(v) or _halting(state, v)):
        return None
    return TimeValue(tv.text, None, pub - step, pub, "range", tv.mention)


#: granularities of the two ends of a range "between X and Y", "from X to Y"
_RANGE_ENDS = ("day", "week", "month", "quarter", "year")


def _bound_on_future(state, tv: TimeValue) -> bool:
    """The bound ``tv`` hangs on a verb in the future ("will not resume before April")."""
    root = _tv_root(state, tv)
    at = _climb(root, set()) if root is not None else None
    return at is not None and _is_verb(at) and _future(at)


def _halting(state, v) -> bool:
    """``v`` is a verb of talks stopping ("stalled", "collapsed", row ``halting_verb``), or one
    with its particle ("broke off", "fell apart", row ``halting_phrasal``)."""
    return _lemma(v) in state.ctx.cue["halting_verb"] or _phrasal(v, "halting_phrasal")


def _start_bounded(state, c: Cand, tv: TimeValue) -> bool:
    """The bound ``tv`` ("by the end of April", "before June") hangs on a verb of
    starting that the event noun of ``c`` is the subject or object of ("the talks are to
    start by ...", "decided to begin talks before June"): it bounds when the event
    starts, not when it ends."""
    if _verbal(c) or c.role != "event":
        return False
    span = next((sp for t2, sp in state.timexes if t2 is tv), None)
    at = _climb(span.root, set()) if span is not None else None
    return (at is not None and _lemma(at) in state.ctx.cue["opening_verb"]
            and (_completes_subject_of(c, at) or c.trig.head.i == at.i and c.trig.dep_ == "dobj"))


def _completes_subject_of(c: Cand, at) -> bool:
    """The event noun of ``c`` is the subject of ``at`` or of the verb ``at``
    completes ("the talks are set to start", "are scheduled to begin"), or ``at``
    is a clause of the noun ("the talks, which are due to begin ...")."""
    v = at
    for _ in range(3):
        if c.trig.head.i == v.i and c.trig.dep_ in ("nsubj", "nsubjpass") or _own_clause(c, v):
            return True
        if v.dep_ != "xcomp" or v.head.i == v.i:
            return False
        v = v.head
    return False


def _argument_of(state, t, v) -> bool:
    """The event noun ``t`` is the subject or object of the verb ``v``, itself or
    through the noun of a round or session whose "of" names it ("began a new round of
    talks", "the second session of the talks opened")."""
    t = _round_noun_of(state, t) or t
    return t.head.i == v.i and t.dep_ in ("nsubj", "nsubjpass", "dobj")


def _in_halting_noun(state, c: Cand) -> bool:
    """The event noun is the object of "in" or "of" after a noun of halting (row
    ``halting_noun``: "a pause in the talks", "the collapse of the talks")."""
    return (not _verbal(c) and c.role == "event" and c.trig.dep_ == "pobj" and c.trig.head.lower_ in ("in", "of")
            and _lemma(c.trig.head.head) in state.ctx.cue["halting_noun"])


def _round_noun_of(state, t):
    """The noun of a round, session or part whose "of" names the event noun ``t`` ("a
    new round of talks", "the opening session of the talks"), else None."""
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NOUN" \
            and _lemma(t.head.head) in state.ctx.cue["round_noun"] | state.ctx.cue["event_part_noun"]:
        return t.head.head
    return None


def _of_the_noun(c: Cand, root) -> bool:
    """The date modifies the event noun itself ("the truce between 2017 and 2018",
    "the 2019 talks"), with no verb between: the event's own period."""
    return root is not None and _climb(root, {c.trig.i}).i == c.trig.i


def _own_clause(c: Cand, at) -> bool:
    """``at`` is a clause of the event noun itself ("the talks, which ended on
    Friday", "the swap, which took place in stages and ended on May 2")."""
    if at.i not in c.anchors:
        return False
    return at.dep_ in ("relcl", "acl") or at.dep_ == "conj" and at.head.dep_ in ("relcl", "acl")


def _told_roughly(state, tv: TimeValue) -> bool:
    """The date is told roughly: "over a year ago", "more than a month ago"."""
    text = state.ctx.document.text
    before = text[max(tv.mention.start - 12, 0):tv.mention.start].lower().split() if tv.mention else []
    words = (before[-1:] + tv.text.lower().split())[:2]
    return bool(set(words) & state.ctx.cue["approximate_time_word"])


def _tv_root(state, tv: TimeValue):
    for t2, span in state.timexes:
        if t2 is tv:
            return span.root
    return None
