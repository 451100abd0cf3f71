"""Talks told by the day or week they have run to: "entered their third day on
Wednesday", "went into a second week", "now in their 10th day", "on Tuesday, the
fifth day of the negotiations". On that day the talks had run n days (or were in their
n-th week), so they began n - 1 days (n - 1 weeks) before it; nothing says they have
ended. A truce counts so too ("the truce entered its fourth day on Sunday").
"""

from __future__ import annotations

import re
from datetime import timedelta

from kg.extract.events.anchored import _one_day
from kg.extract.events.lexicon import MEETING_FAMILY, _ordinals
from kg.extract.events.syntax import _climb, _future, _is_verb, _lemma, _perfect


_NTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)", re.I)


def _nth_unit(unit, ords) -> int | None:
    """The n of "their third week", "a 15th consecutive day" (the ordinal on ``unit``)."""
    n = None
    for k in unit.children:
        if k.dep_ == "amod":
            m = _NTH.fullmatch(k.text)
            word = ords.get(k.lower_)
            n = (int(m[1]) if m else (word[0] if word and not word[1] else None)) or n
    return n


def _unit_objects(v) -> list:
    """The days or weeks that are the object of ``v`` ("entered their third day")."""
    return [x for x in v.children if _lemma(x) in ("day", "week") and x.dep_ in ("dobj", "npadvmod")]


def _units_after(h, preps, owned: bool = False) -> list:
    """The days or weeks after a preposition of ``preps`` on ``h`` ("for a sixth day",
    "into a second week"); with ``owned``, only those with a possessive ("in their
    eleventh day")."""
    return [x for p in h.children if p.dep_ == "prep" and p.lower_ in preps
            for x in p.children if x.dep_ == "pobj" and _lemma(x) in ("day", "week")
            and (not owned or any(k.dep_ == "poss" for k in x.children))]


def _nth_day(state):
    """'The talks entered their third day on Wednesday', 'are meeting for a fifth
    straight day', 'went into a second week on Monday', 'the talks, now in their
    10th day, resumed on Saturday', 'on Tuesday, the fifth day of the negotiations':
    on that day the talks had run n days (or were in their n-th week), so they began
    n - 1 days (n - 1 weeks) before it, and nothing says they have ended (no end;
    the dates stage leaves it open). With no day told, the report's day is the day
    of a present or perfect verb, or of a past verb of running on ("continued for a
    sixth day"); a week entered on no day told may have begun up to six days before
    it, so the talks began at the earliest 7n - 1 days before the report. A day of
    the verb of ending ("ended on their third day") is left alone."""
    ords = _ordinals()
    pub = state.ctx.pub
    for c in state.cands:
        if c.role != "event" or c.kind not in MEETING_FAMILY | {"Ceasefire"}:
            continue
        t = c.trig
        v = t if _is_verb(t) else (t.head if t.dep_ in ("nsubj", "nsubjpass") and _is_verb(t.head) else None)
        units = []
        if v is not None and not _future(v) and _lemma(v) not in state.ctx.cue["closing_verb"]:
            units += _unit_objects(v)
            # "continued for a sixth day", "went into a second week", "are now in their fourth week"
            units += _units_after(v, ("for", "into", "in") if _lemma(v) == "be" else ("for", "into"))
            # "negotiations, in their eleventh day on Saturday, were described as ...", hung on the verb
            units += _units_after(v, ("in",), owned=True)
        told, told_now = None, False
        # "the talks (in Vell), which entered their third day on Wednesday, ...": the clause
        # of the noun or of a noun of its phrase, as the parse may hang it (only talks and
        # truces run for days here)
        nouns = [n for p in t.children if p.dep_ == "prep" for n in p.children if n.dep_ == "pobj"]
        nouns += [k for n in nouns for k in n.children if k.dep_ == "conj"]  # "between the nurses and the board"
        clauses = [*t.children, *(x for n in nouns for x in n.children)]
        for r in clauses:
            if r.dep_ != "relcl" or not _is_verb(r) or _future(r) or _lemma(r) in state.ctx.cue["closing_verb"]:
                continue
            mine = _unit_objects(r) + _units_after(r, ("for", "into"))
            if not mine:
                continue
            days = [tv for tv, span in state.timexes if _one_day(tv) and _climb(span.root, set()).i == r.i]
            if days:
                units += mine
                told = days[0]
            elif pub is not None and (_perfect(r) or r.tag_ in ("VBZ", "VBP")):
                units += mine  # "which have now entered their fourth week": by the report's day
                told_now = True
        # "the talks, now in their 10th day, ...": the noun's own phrase, with its possessive
        units += _units_after(t, ("in",), owned=True)
        # "on Tuesday, the fifth day of the negotiations"
        of_unit = t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(t.head.head) in ("day", "week")
        if of_unit:
            units.append(t.head.head)
        n, unit = None, None
        for x in units:
            k = _nth_unit(x, ords)
            if k:
                n, unit = k, x
        if not n or not 2 <= n <= 60:
            continue
        weeks = _lemma(unit) == "week"
        tv = told or c.time
        if tv is not None and tv.granularity == "ref" and tv.timex == "PRESENT_REF":
            tv = None  # "now in their third week": the report's day
        exact = True
        if told_now and told is None:
            day, exact = pub, not weeks
        elif tv is not None and tv.granularity in ("day", "time-of-day") and tv.earliest is not None \
                and tv.earliest == tv.latest:
            day = tv.earliest
        elif tv is None and pub is not None and v is not None and (
                v.tag_ in ("VBZ", "VBP", "VBG") or _perfect(v)
                or v.tag_ == "VBD" and _lemma(v) in state.ctx.cue["run_on_verb"]):
            day = pub  # "the talks are entering their third day": the report's day
            exact = not weeks or v.tag_ == "VBG" and _lemma(v) in state.ctx.cue["run_on_verb"]  # "are entering their third week"
        elif tv is None and pub is not None and unit.head.head.i == t.i and any(
                k.lower_ == "now" for k in [*t.children, *unit.head.children]):
            day = pub  # "the talks, now in their third week"
            exact = not weeks
        elif tv is None and pub is not None and of_unit and unit.dep_ == "pobj" and unit.head.lower_ == "in" \
                and _lemma(unit.head.head) == "be" and unit.head.head.tag_ in ("VBP", "VBZ"):
            day = pub  # "we are now in the fifth day of these talks"
            exact = not weeks
        else:
            continue
        back = timedelta(weeks=n - 1) if weeks else timedelta(days=n - 1)
        if not exact:
            back += timedelta(days=6)  # the week was entered on one of the last seven days
        c.time, c.earliest, c.latest, c.nth_day = None, day - back, None, n
        c.nth_on = day  # the day told, on which the status stage reads the talks as going on
