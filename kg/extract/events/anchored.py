"""Dates told through another event or another clause (the arguments stage reads
them): an event some days before or after another one that has a day ("two days after
the summit on Friday", "met on Tuesday, a day before the talks resumed", "took place
ten days before the creditors approved the plan on Tuesday"); a date of a thing named
in a phrase of "since", "after" or "before" below the event's verb, which is none of
the event's ("the first since the war in 2020") or bounds it on one side only ("will
resume after the elections in May"); the date a clause of "when" hangs on, for the
talks that clause tells of ("since April, when the sides began their first talks")."""

from __future__ import annotations

from datetime import timedelta

from kg.extract.events.lexicon import _ordinals
from kg.extract.events.syntax import _climb, _gov, _lemma, _verbal
from kg.records import TimeValue


def _days_from_event(state):
    """An event told some days before or after another one that has a day: "two days
    after the summit in Varna on Friday, the ministers met" (Sunday), "the day after the
    summit, which was held on Thursday, they spoke by phone" (Friday); and an event in a
    clause of "before" or "after" some days from the day of the clause it hangs on:
    "they met on Tuesday, a day before the talks resumed" (the talks on Wednesday, not
    on Tuesday)."""
    at = {c.trig.i: c for c in state.cands if c.role == "event"}
    for c in state.cands:
        if c.role != "event":
            continue
        g = c.trig if _verbal(c) else _gov(c.trig)
        if g is None:
            continue
        day = None
        if c.time is None:  # "two days after the summit on Friday, <c>"
            for p, n in _days_off(g):
                if any(x.i == c.trig.i for x in p.subtree):
                    continue  # <c> is the thing the days count from
                obj = next((o for o in p.children if o.dep_ == "pobj"), None)
                ev = at.get(obj.i) if obj is not None else None
                tv = ev.time if ev is not None and ev is not c else None
                if tv is None and ev is None and obj is not None:
                    tv = _day_of_thing(state, obj)  # "three days after the flood that struck on 1 March"
                if tv is not None and _one_day(tv):
                    day = tv.earliest + timedelta(days=n if p.lower_ == "after" else -n)
                    mention = tv.mention
                    break
                opened = getattr(ev, "started", None) if ev is not None and ev is not c and tv is None else None
                if opened is not None and p.lower_ == "before":  # "the day before the summit, which opened on 12 June"
                    day, mention = opened - timedelta(days=n), None
                    break
        if day is None and g.dep_ == "advcl" and g.head.i != g.i:  # "met on Tuesday, a day before <c>"
            off = [(p, n) for p, n in _days_off(g) if p.dep_ == "mark"]
            if len(off) == 1:
                p, n = off[0]
                for tv, span in state.timexes:
                    root = span.root
                    if (_one_day(tv)
                            and root.head.i != root.i and _climb(root, set()).i == g.head.i
                            and (c.time is None or c.time.earliest == tv.earliest)):
                        day = tv.earliest + timedelta(days=-n if p.lower_ == "after" else n)
                        mention = tv.mention
                        break
        if day is None and c.time is None:  # "<c> took place ten days before X approved it on Tuesday"
            for a in g.children:
                off = [(p, n) for p, n in _days_off(a, g) if p.dep_ == "mark"] if a.dep_ == "advcl" else []
                tv = _day_of_clause(state, a) if len(off) == 1 else None
                if tv is not None:
                    p, n = off[0]
                    day = tv.earliest + timedelta(days=-n if p.lower_ == "before" else n)
                    mention = tv.mention
                    break
        if (day is not None and state.ctx.pub is not None and day > state.ctx.pub and g.tag_ == "VBD"
                and _lemma(g) not in state.ctx.cue["planned"] and not any(k.dep_ in ("acl", "relcl") and _lemma(k) in state.ctx.cue["planned"]
                            for k in c.trig.children)):
            day = None  # a day after the report for an event told in the past (not "scheduled"): misread
        if day is not None:
            c.time = TimeValue(c.time.text if c.time else day.isoformat(), day.isoformat(), day, day, "day", mention)
            c.earliest = c.latest = None


def _when_clause_date(state, v) -> int | None:
    """The temporal expression (its index) that the relative clause of the verb ``v``
    hangs on ("since 2019, when they met in Osaka"), else None. The triggers stage dates
    by it an event told by that verb, or by its subject or object ("since April, when the
    two sides began their first negotiations", "in 2019, when talks collapsed")."""
    if v.dep_ != "relcl" or v.head.i not in state.ctx.tok_timex:
        return None
    return state.ctx.tok_timex[v.head.i]


def _one_day(tv) -> bool:
    """``tv`` is a single day."""
    return tv.granularity == "day" and bool(tv.earliest) and tv.earliest == tv.latest


def _only_day(state, told):
    """The one single day of the window whose span ``told`` accepts, else None."""
    days = [tv for tv, span in state.timexes if _one_day(tv) and told(span)]
    return days[0] if len(days) == 1 else None


def _day_of_thing(state, obj):
    """The one day told of the thing ``obj`` names that is no event ("the flood that
    struck the border on 1 March", "the elections of 29 March", "the vote on Friday"):
    a single day within the phrase of ``obj``, else None."""
    return _only_day(state, lambda span: any(x.i == span.root.i for x in obj.subtree) and span.root.i != obj.i)


def _day_of_clause(state, v):
    """The one day told on the verb ``v`` (a single day), else None."""
    return _only_day(state, lambda span: span.root.head.i != span.root.i and _climb(span.root, set()).i == v.i)


def _days_off(v, above=None):
    """The words on the verb ``v`` that put what it tells some days (or weeks) from
    another thing: ``(after/before, n)`` for "two days after X", "the day after X", "a
    week before X", and for a clause of "a day before they met" (the word a mark; the
    count may hang on the verb ``above`` the clause: "will meet a week before it opens")."""
    words = _ordinals()
    out = []
    units = [(k, p) for k in v.children if k.dep_ == "npadvmod" and _lemma(k) in ("day", "week")
             for p in k.children if p.dep_ == "prep" and p.lower_ in ("after", "before")]
    units += [(k, p) for p in v.children if p.dep_ in ("prep", "mark") and p.lower_ in ("after", "before")
              for k in list(p.children) + list(v.children) + (list(above.children) if above is not None else [])
              if k.dep_ == "npadvmod" and _lemma(k) in ("day", "week")]
    for unit, p in units:
        n = next((int(x.text) if x.text.isdigit() else words.get(x.lower_, (None, False))[0]
                  for x in unit.children if x.dep_ == "nummod"), None)
        if n is None and any(x.dep_ == "det" and x.lower_ in ("a", "an", "one", "the") for x in unit.children):
            n = 1
        if n and 0 < n <= 31:
            out.append((p, n * (7 if _lemma(unit) == "week" else 1)))
    return out


def _within_since(span, at) -> bool:
    """The date tells of the thing a "since" phrase names, below the verb ``at`` ("the
    talks, the first since the war in 2020, took place in Vell"): not of the event; a
    date that is itself the object of "since" ("since 2019") is a bound, read elsewhere."""
    root = cur = span.root
    for _ in range(8):
        if cur.i == at.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "prep" and cur.lower_ == "since" and root.head.i != cur.i \
                and not span.start <= cur.i < span.end:
            # on the event's own verb ("since the election on 8 February, the parties have
            # held talks") the thing's date is a lower bound, read by _bound_through
            # (not on a clause of a noun, "hostages held since ...", nor on an infinitive: "since"
            # tells of what has gone on up to now, never of what is still to be done)
            return cur.head.i != at.i or at.dep_ in ("relcl", "acl") or at.tag_ == "VB"
        cur = cur.head
    return False


def _bound_through(state, span, at) -> str | None:
    """'after' or 'before' when the date tells of a thing named in a phrase of "after",
    "since" or "before" below the verb ``at`` ("will resume after the elections in May",
    "have met twice since the vote on Sunday", "before the vote on Friday"): the event is after (or before) that thing, so the
    date bounds it on one side only. None for a date that is itself the phrase's
    object ("after May 2", read as a bound elsewhere) or that names an event."""
    root = cur = span.root
    for _ in range(8):
        if cur.i == at.i or cur.head.i == cur.i:
            return None
        if cur.dep_ == "prep" and root.head.i != cur.i and not span.start <= cur.i < span.end:
            things = [o for o in cur.children if o.dep_ == "pobj" and o.pos_ == "NOUN"
                      and o.i not in state.ctx.tok_timex and o.i not in state.trig_tokens]
            if not things:
                return None  # "by the end of the year rather than in June": no thing a date tells of
            if cur.lower_ in ("after", "following", "since"):
                return "after"
            if cur.lower_ in ("before", "until", "till"):
                return "before"
            return None
        cur = cur.head
    return None
