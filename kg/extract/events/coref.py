"""Within-document coreference: candidates that are one event become one cluster.

Syntactic merging first (a noun and the verb that reports it), then definite
mentions ("that meeting", "the swap", "the last round of talks") join the event
they refer to, so one event has several evidence spans.

A later mention joins an event told before when what it says of itself fits that
event and no other, and gives it what it adds (a date, a place, a round number):

* **place**: two names of one place (:func:`_same_place`: "Washington" and
  "Washington D.C.", a country and its capital) are one place, two others are two
  events; "the Stockholm meeting" is the one told in Stockholm;
* **day**: a mention dated to an hour of a day ("the talks were planned for 9:30") is
  the event of that day; a meeting to come set for a day in a city is the one to come
  told there with no day ("talks in Lima next month ... set for May 3 in Lima");
* **round**: an undated "second round" in the city of the session in focus numbers
  that session; a numbered round to come joins the meeting to come told there;
* **status**: a mention with no status of its own (:func:`_bare`: "said a truce was
  close") is any mention of its event; "the next meeting" after a round is a round;
* **pairs**: two persons who met "on the sidelines of a summit" held their own meeting, and a
  meeting "ahead of the talks" is not the talks (:func:`_pair_apart`).

A relative time ("in recent months") dates no event here, as in the dates stage.
"""

from __future__ import annotations

import re
from datetime import date

from kg.extract.events.focus import _in_headline
from kg.extract.events.lexicon import MEETING_FAMILY, STATUS_RANK
from kg.extract.events.state import Cand
from kg.extract.events.syntax import _gov, _is_verb, _lemma, _negated, _sent, _verbal
from kg.records import TimeValue


def _syntactic_merge(state):
    by_tok = {c.trig.i: c for c in state.cands if c.role == "event"}
    for c in state.cands:
        if c.role != "event":
            continue
        cur = c.trig
        for _ in range(3):
            if cur.dep_ not in ("pobj", "prep", "compound", "appos", "conj", "attr", "npadvmod") or cur.head.i == cur.i:
                break
            if cur.dep_ == "conj" and cur is c.trig:
                break
            if cur.dep_ == "prep" and cur.lower_ not in ("of", "for"):
                break
            cur = cur.head
            other = by_tok.get(cur.i)
            if other is not None and other is not c and _compatible(state, c, other):
                _merge(state, other, c)
                break
    # a name given to an event ("called the talks a very good meeting", "described the
    # session as a frank round"): the named event
    naming = state.ctx.cue["naming_verb"]
    for c in state.cands:
        if c.role != "event" or c.target is not None:
            continue
        t = c.trig
        v = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "as" else t.head
        if t.dep_ not in ("oprd", "attr", "dobj", "ccomp", "pobj") or not _is_verb(v) or _lemma(v) not in naming:
            continue
        named = [by_tok.get(x.i) for k in v.children if k.dep_ == "dobj" and k.i != t.i for x in k.subtree]
        named = [o for o in named if o is not None and o is not c and _compatible(state, c, o)]
        if named:
            _merge(state, named[0], c)
    # an event verb and its noun ("met for a second round", "held talks"), or the noun held in a
    # clause joined to it with no time or place of its own ("the two met by chance and held brief talks")
    hold, ctx = state.ctx.cue["hold_verb"], state.ctx
    for c in state.cands:
        if c.role != "event" or c.target is not None:
            continue
        if _verbal(c):
            held = [o for j in c.trig.children if j.dep_ == "conj" and _lemma(j) in hold and j.i not in by_tok
                    and not any(x.i in ctx.tok_timex or x.i in ctx.tok_place for p in j.children if p.dep_ == "prep"
                                for x in p.subtree) for o in j.children if o.dep_ == "dobj"]
            for x in list(c.trig.children) + held:
                if x.dep_ == "conj" or (x.dep_ == "prep" and x.lower_ not in ("of", "for")):
                    continue
                for y in [x] + [z for z in x.children if z.dep_ == "pobj"]:
                    o = by_tok.get(y.i)
                    if o is not None and o is not c and o.target is None and _compatible(state, c, o):
                        if (o.kind == "NegotiationRound" or c.kind != "NegotiationRound") and x not in held:
                            if o.kind in MEETING_FAMILY and c.kind in MEETING_FAMILY and c.kind == "Meeting":
                                c.kind = o.kind
                        _merge(state, c, o)


def _compatible(state, a: Cand, b: Cand) -> bool:
    if a.kind == b.kind:
        return True
    return a.kind in MEETING_FAMILY and b.kind in MEETING_FAMILY


def _merge(state, keep: Cand, gone: Cand):
    """Fold ``gone`` into ``keep`` (one event, several evidence spans)."""
    keep, gone = keep.root(), gone.root()
    if gone is keep:
        return
    gone.target = keep
    keep.anchors |= gone.anchors
    keep.members = getattr(keep, "members", [keep]) + getattr(gone, "members", [gone])
    if keep.kind != gone.kind and (gone.ref not in ("def", "anaphor", "such") or gone.round is not None):
        order = ["NegotiationRound", "Summit", "Meeting"]
        if keep.kind in order and gone.kind in order:
            # "President X will meet her counterpart Y for talks": the leaders' summit; "X and Y met ...
            # X, Y hold talks": the two persons' meeting (the talks are its name)
            met = any(getattr(m, "of_leaders", False) for m in (keep, gone)) and keep.round is gone.round is None
            two = {keep.kind, gone.kind} == {"Meeting", "NegotiationRound"} and keep.round is gone.round is None \
                and any(getattr(m, "of_persons", False) and m.kind == "Meeting" for m in (keep, gone))
            keep.kind = "Summit" if met else "Meeting" if two else min(keep.kind, gone.kind, key=order.index)
    if gone.time is not None:
        if keep.time is None:
            keep.time = gone.time
        elif keep.time.granularity != "day" and gone.time.granularity == "day":
            if not (keep.time.earliest and keep.time.latest and keep.time.earliest <= gone.time.earliest <= keep.time.latest and keep.status == "Occurred" and keep.kind == "PrisonerExchange"):
                keep.time = gone.time
    keep.earliest = keep.earliest or gone.earliest
    keep.latest = keep.latest or gone.latest
    if gone.place_rank > keep.place_rank:
        keep.place, keep.place_rank = gone.place, gone.place_rank
    if keep.round is None:
        keep.round = gone.round
    if keep.count is None:
        keep.count = gone.count
    for a in gone.actors:
        if a not in keep.actors:
            keep.actors.append(a)
    under_way = keep.status == "Ongoing" and keep.strong and gone.ref in ("def", "anaphor") and (
        gone.time is None or gone.time.granularity == "ref")
    if "Ongoing" in (keep.status, gone.status) and _live(state, keep) and _live(state, gone):
        keep.status, keep.strong = "Ongoing", True  # begun and not over: under way
    elif gone.status and not (under_way and gone.status in ("Planned", "Proposed")):
        # "talks are under way in Lima ... the talks would lead to a deal": still under way
        if keep.status is None or (gone.strong and not keep.strong) or (
            gone.strong == keep.strong and STATUS_RANK[gone.status] > STATUS_RANK[keep.status]
        ):
            keep.status, keep.strong = gone.status, gone.strong or keep.strong
    keep.spans += gone.spans
    if keep.ref in ("def", "anaphor", "indef") and gone.ref in ("new", "last", "previous"):
        keep.ref = gone.ref
    if not hasattr(keep, "ctx_word") and hasattr(gone, "ctx_word"):
        keep.ctx_word = gone.ctx_word
        for attr in ("ctx_tok", "ctx_clause"):
            if hasattr(gone, attr):
                setattr(keep, attr, getattr(gone, attr))
    keep.quantity = keep.quantity or gone.quantity
    keep.leaders = max(keep.leaders, gone.leaders)
    if getattr(keep, "duration_days", None) is None and getattr(gone, "duration_days", None):
        keep.duration_days = gone.duration_days


def _live(state, c: Cand) -> bool:
    """``c`` is told as under way: Ongoing, or begun ("talks began on Sunday", "opened in
    Muscat") with no end told before the publication."""
    if c.status == "Ongoing":
        return True
    if c.status != "Occurred":
        return False
    g = c.trig if _verbal(c) else _gov(c.trig)
    if g is None or not _is_verb(g) or _negated(g) or _lemma(g) not in state.ctx.cue["talks_start_verb"]:
        return False
    lo, hi = c.bounds()
    pub = state.ctx.pub
    return pub is None or (lo is None or (pub - lo).days <= 7) and (hi is None or hi >= pub or lo == hi)


def _corefer(state):
    """Mentions of one event inside the document become one event."""
    state.clusters = []
    state.focus_at = {}
    focus: Cand | None = None
    deferred, headline = [], []
    for c in state.cands:
        if c.role != "event" or c.target is not None:
            if c.role != "event":
                c.focus = focus
            continue
        c.focus = focus
        if (c.kind == "Meeting" and c.ref == "new" and focus is not None and focus.kind == "NegotiationRound"
                and (c.place is None or _same_place(c.place, focus.place))):
            c.kind = "NegotiationRound"  # "the next meeting" of the rounds in focus: a round
        match = _find_antecedent(state, c, focus)
        if match == "defer":
            deferred.append(c)
            continue
        if match == "headline":
            headline.append(c)
            continue
        if match is not None:
            _merge(state, match, c)
            rep = match
        else:
            state.clusters.append(c)
            rep = c
        if rep.kind in MEETING_FAMILY and rep.status == "Occurred" and c.ref != "previous":
            occurred = [e for e in state.clusters if e.kind in MEETING_FAMILY and e.status == "Occurred"
                        and e.ref != "previous"]
            dated = [e for e in occurred if e.time is not None and e.time.granularity == "day" and e.time.earliest]
            focus = max(dated, key=lambda e: e.time.earliest) if dated else rep
    for c in headline:
        match = _headline_antecedent(state, c)
        if match is not None:
            _merge(state, match, c)
        else:
            state.clusters.append(c)
    for c in deferred:
        match = _latest_round(state, c)
        if match is None:
            match = _find_antecedent(state, c, None, allow_after=True)
        if match is not None and match != "defer":
            _merge(state, match, c)
        else:
            state.clusters.append(c)


def _time_key(state, c: Cand):
    """What dates ``c``, or None: a relative reference ("in recent months", "in the
    past") dates no event (the dates stage drops it)."""
    t = c.time
    if t is None or t.granularity == "ref":
        return None
    return (t.earliest, t.latest, t.timex)


def _day_key(state, c: Cand):
    """The day ``c`` is dated to (a time of day counts as its day), or None."""
    t = c.time
    if t is None or t.granularity not in ("day", "time-of-day") or t.earliest is None:
        return None
    return t.earliest, t.latest if t.granularity == "day" else t.earliest


def _same_place(a: str | None, b: str | None) -> bool:
    """Two place names for one place: equal, one the other's words and more
    ("Washington" and "Washington D.C."), or a country and its capital (the
    gazetteer's ``capitals``: "talks in Riyadh", "talks in Saudi Arabia").

    >>> _same_place("Washington", "Washington D.C."), _same_place("Geneva", "Genoa")
    (True, False)
    >>> _same_place("Beirut", "Lebanon"), _same_place("Beirut", "Syria")
    (True, False)
    """
    if not a or not b:
        return False
    wa, wb = re.findall(r"\w+", a.lower()), re.findall(r"\w+", b.lower())
    short, long_ = sorted((wa, wb), key=len)
    if short and long_[:len(short)] == short:
        return True
    ca, cb = _country_of(a), _country_of(b)
    return ca is not None and cb is not None and ca[0] == cb[0] and {ca[1], cb[1]} == {"name", "capital"}


def _country_of(place: str):
    """``(country, how)`` for a country's name or its capital, else None."""
    from kg.nlp.gazetteer import load_gazetteer

    g = load_gazetteer()
    hit = g.surfaces.get(place)
    if hit is None or hit[1] not in ("name", "capital"):
        return None
    entry = g.entry(hit[0])
    return (hit[0], hit[1]) if entry is not None and entry.kind == "Country" else None


def _same_persons(state, c: Cand, prior):
    """The last of ``prior`` of the class of ``c`` held by the same two or more persons, of a
    fitting status and time (one meeting of theirs told twice), or None."""
    persons = {a for a in c.actors if state.ctx.kind_of.get(a) == "Person"}
    if len(persons) < 2:
        return None
    for e in reversed(prior):
        if e.kind == c.kind and e.round is None and e.ref not in ("previous", "last") and _status_fits(e, c) \
                and {a for a in e.actors if state.ctx.kind_of.get(a) == "Person"} == persons \
                and (e.time is None or c.time is None or _overlap(state, e.time, c.time)):
            return e
    return None


def _status_fits(e: Cand, c: Cand) -> bool:
    """``c`` may be told of ``e``: the same status, one of them under way, or
    ``c`` without a status of its own."""
    return e.status == c.status or "Ongoing" in (e.status, c.status) or not c.strong


def _headline_antecedent(state, c: Cand):
    """A headline's undated mention ("Kabul talks end without a deal") is the
    first event of its family that the body tells with the same standing."""
    fam = MEETING_FAMILY if c.kind in MEETING_FAMILY else {c.kind}
    live = c.status in ("Occurred", "Ongoing")
    for e in sorted(state.clusters, key=lambda e: e.pos):
        if e is c or e.kind not in fam or _in_headline(state, e):
            continue
        if (e.status in ("Occurred", "Ongoing")) != live:
            continue
        return e  # (a headline's place may be a party's name: "Chad, Libya border talks")
    return None


def _find_antecedent(state, c: Cand, focus, allow_after=False):
    fam = MEETING_FAMILY if c.kind in MEETING_FAMILY else {c.kind}
    if (not allow_after and c.kind in MEETING_FAMILY and c.time is None and c.round is None
            and _in_headline(state, c)):
        return "headline"
    if c.ref == "last" and c.time is None and c.round is None:
        return "defer"
    if any(state.ctx.has_text(w) for w in state.ctx.cue["replacing_adverb"]):
        g = c.trig if _verbal(c) else _gov(c.trig)
        if g is not None and any(k.dep_ == "advmod" and k.lower_ in state.ctx.cue["replacing_adverb"] for k in g.children):
            return None  # "the leaders could instead meet in April": another event than the one it stands in for
    mods = {w for k in c.trig.children if k.dep_ in ("amod", "det", "advmod") and k.i < c.trig.i
            for w in (k.lower_, _lemma(k))}
    if c.kind in MEETING_FAMILY and c.ref == "indef" and mods & state.ctx.cue["recent"]:
        return None  # "talks in Qatar, and earlier discussions between the presidents": an earlier one
    if c.kind in MEETING_FAMILY and mods & state.ctx.cue["other_event_modifier"]:
        # "similar discussions with the banks", "parallel talks": another event than those told before
        # (the verb of its own clause may still be its word: "hosted them in separate meetings")
        here = [e for e in state.clusters if e.kind in MEETING_FAMILY and _sent(e.trig).start == _sent(c.trig).start]
        return here[-1] if here else None
    if c.ref == "previous" and focus is not None and (focus.round or 0) > 1 and c.round is None:
        c.round = focus.round - 1
    def elsewhere(e) -> bool:  # two different cities are two different events
        return e.place_rank >= 3 and c.place_rank >= 3 and not _same_place(e.place, c.place)

    def other_side(e) -> bool:  # "the talks with Minister X" are not a round that X took no part in
        if not getattr(c, "one_person", False) or e.kind == "Meeting":
            return False
        persons = [a for a in c.actors if state.ctx.kind_of.get(a) == "Person"]
        return bool(persons) and not set(persons) & set(e.actors)

    apart = _pair_apart(state, c)

    def away(e) -> bool:  # in another place, without the person told, or the other of a pair
        return elsewhere(e) or other_side(e) or bool(apart & {m.trig.i for m in getattr(e, "members", [e])})

    prior = [e for e in state.clusters if (e.kind in fam or (e.kind in MEETING_FAMILY and c.kind in MEETING_FAMILY))
             and not away(e)]
    if focus is not None and away(focus):
        focus = None
    tk = _time_key(state, c)
    if c.kind in MEETING_FAMILY and c.round is None and c.ref not in ("new", "previous", "last"):
        same = _same_persons(state, c, prior)
        if same is not None:  # "X spoke with President Y on Monday ... he had held talks with Y": one
            return same
    if c.round is not None:
        for e in prior:
            if e.round == c.round and e.kind == "NegotiationRound" and _same_series(state, e, c):
                return e
        f = focus  # "talks in Istanbul on Monday ... the second round in Istanbul": that session, numbered
        if (f is not None and f.kind == c.kind == "NegotiationRound" and f.round is None and f.status == c.status
                and c.ref not in ("new", "previous", "last") and c.place_rank >= 3 and f.place_rank >= 3
                and _same_place(f.place, c.place) and (tk is None or _day_key(state, f) == _day_key(state, c))
                and not any(e.round == c.round for e in state.clusters)):
            return f
        if c.kind == "NegotiationRound" and c.status in ("Planned", "Proposed") and c.place_rank >= 3 \
                and c.ref not in ("previous", "last") and not any(e.round == c.round for e in state.clusters):
            for e in reversed(prior):  # "the next meeting, in Caracas ... the fourth round, in Caracas": one
                if e.round is None and e.status == c.status and e.place_rank >= 3 and _same_place(e.place, c.place) \
                        and _time_key(state, e) is None:
                    return e
        if c.kind == "NegotiationRound" and c.status in ("Planned", "Proposed") and c.place_rank < 3 \
                and c.ref not in ("previous", "last") and not any(e.round == c.round for e in state.clusters):
            ahead = [e for e in prior if e.kind == "NegotiationRound" and e.round is None and e.place_rank < 3
                     and e.status in ("Planned", "Proposed") and _time_key(state, e) is None]
            if len(ahead) == 1:  # "the upcoming nuclear talks ... the fifth round of the talks will open": one round
                return ahead[0]
    if c.kind in MEETING_FAMILY and c.round is None and c.ref not in ("new", "previous", "last"):
        for e in reversed(prior):  # "talks began in Muscat on Sunday ... the ongoing round": one round
            if e.kind in MEETING_FAMILY and "Ongoing" in (e.status, c.status) and _live(state, e) and _live(state, c):
                return e
    if c.kind in ("NegotiationRound", "Meeting") and c.status in ("Planned", "Proposed") and c.time is None and c.round is None \
            and c.ref not in ("previous", "last"):
        for e in reversed(prior):  # "launch urgent negotiations ... initiate expedited negotiations": talks to come
            if e.kind == c.kind and e.status in ("Planned", "Proposed") and e.round is None:
                return e
    if c.kind in MEETING_FAMILY and c.status in ("Planned", "Proposed") and tk is None and c.round is None \
            and c.place_rank >= 3 and c.ref not in ("previous", "last"):
        for e in reversed(prior):  # "a meeting is expected in Lima ... the meeting in Lima, Peru": one meeting
            if e.kind == c.kind and e.status in ("Planned", "Proposed") and e.round is None and e.place_rank >= 3 \
                    and _same_place(e.place, c.place) and _time_key(state, e) is None:
                return e
    if tk is not None and c.time.granularity == "time-of-day" and c.kind in MEETING_FAMILY \
            and c.ref in ("def", "anaphor"):
        for e in reversed(prior):  # "the talks were first set for noon": the talks held that day
            # (or under way that day: "talks began on Monday ... the venue of the meeting at 3 p.m.")
            if (_day_key(state, e) == _day_key(state, c) or _live(state, e) and (
                    e.time is None or e.time.earliest is not None and _overlap(state, e.time, c.time))) \
                    and (e.round is None or c.round is None or e.round == c.round):
                return e
    if tk is not None and c.time.granularity == "day" and c.kind in MEETING_FAMILY:
        for e in reversed(prior):
            if _time_key(state, e) == tk and (e.round is None or c.round is None or e.round == c.round):
                return e
        ahead = ("Planned", "Proposed")  # "the talks in Lima next month ... the meeting is set for May 3 in Lima"
        here = [e for e in prior if c.status in ahead and e.status in ahead and e.round is c.round is None
                and c.place_rank >= 3 and e.place_rank >= 3 and _same_place(e.place, c.place)
                and (e.time is None or e.time.granularity != "day" and _overlap(state, e.time, c.time))]
        return here[-1] if len(here) == 1 else None
    if tk is not None and c.ref == "new":
        for e in reversed(prior):
            if _time_key(state, e) == tk and e.status != "Occurred":
                return e
        return None
    if c.round is not None:
        return None
    if c.kind in MEETING_FAMILY:
        if c.ref == "such" and prior:
            return prior[-1]
        if c.ref in ("def", "anaphor") and c.kind != "Summit":
            demonstrative = any(k.lower_ in state.ctx.cue["demonstrative_det"] and k.dep_ == "det"
                                for k in c.trig.children)
            here = [e for e in prior if c.place_rank >= 3 and e.place_rank >= 3 and _same_place(e.place, c.place)
                    and _status_fits(e, c) and (tk is None or e.time is None or _overlap(state, e.time, c.time))]
            if here:  # "the Stockholm meeting": the one told in Stockholm
                return here[-1]
            if tk is not None:  # "those contacts ... later that spring"
                for e in reversed(prior):
                    if e.time is not None and _overlap(state, e.time, c.time) and (
                            e.status == c.status or {e.status, c.status} == {"Occurred", "Ongoing"}):
                        return e
                return None
            if demonstrative and prior:  # "these talks": the last told, of its kind if one is
                same = [e for e in prior if e.kind == c.kind and _status_fits(e, c)]
                return (same or prior)[-1]
            if c.status in ("Planned", "Proposed") and c.strong:  # "they would join the meeting"
                ahead = [e for e in prior if e.status in ("Planned", "Proposed", "Ongoing")]
                if ahead:
                    return ([e for e in ahead if e.kind == c.kind] or ahead)[-1]
            if not c.strong and tk is None and not any(e.status == "Occurred" for e in prior):
                same = [e for e in prior if e.kind == c.kind]  # "the aim of the meeting is ...": the one to come
                if same:
                    return same[-1]
            if focus is not None and tk is None:
                return focus
            cands = [e for e in prior if e.status in ("Occurred", "Ongoing")]  # held, or under way
            if cands and tk is None:
                return cands[-1]
            return None
        if c.ref == "indef" and tk is None and c.status == "Occurred" and c.place_rank >= 3 and c.count is None \
                and c.place not in state.ctx.kind_of:  # (a country that is a party names no venue)
            here = [e for e in prior if e.status == "Occurred" and e.ref != "previous" and e.place_rank >= 3
                    and _same_place(e.place, c.place)]
            if len(here) == 1:  # "met in Brussels on June 10 ... hosted a long meeting in Brussels"
                return here[0]
        if c.kind == "Summit":
            for e in reversed(prior):
                if e.kind == "Summit" and e.status != "Occurred" and c.status != "Occurred":
                    return e
            if c.ref in ("def",):
                for e in reversed(prior):
                    if e.kind == "Summit":
                        return e
            return None
        if c.ref == "new" and (c.status != "Occurred" or not c.strong) and tk is None and any(
                k.dep_ == "det" and k.lower_ == "the" for k in c.trig.children):
            ahead = [e for e in prior if e.kind == c.kind and e.status in ("Planned", "Proposed")]
            if ahead:  # "a third round next week ... the new round would focus on prisoners": that round
                # (or told with no status of its own: "a deal in the new round would ease tension")
                return ahead[-1]
        if c.ref == "new" and c.status != "Occurred":
            for e in reversed(prior):
                if e.status in ("Planned", "Proposed") and e.kind in MEETING_FAMILY and e.time is None and tk is None and e.ref == "new":
                    return e
        return None
    # exchanges, ceasefires, returns
    occ = c.status == "Occurred"
    if c.ref in ("def", "anaphor") and c.time is None:
        same = [e for e in prior if e.kind == c.kind and (e.status == "Occurred") == occ
                and not (c.quantity and e.quantity and c.quantity != e.quantity)]
        if same:
            return same[-1]
    if c.place is None and not c.quantity:
        bare = [e for e in prior if e.kind == c.kind and _time_key(state, e) is None and e.place is None
                and not e.quantity and (_bare(e) or (_bare(c) and tk is None))]
        if bare:  # "said a truce was close ... a draft text for a truce": one truce, the status told once
            return bare[-1]
    if c.time is not None and c.time.granularity == "day" and occ:
        for e in reversed(prior):
            t = e.time
            if e.kind == c.kind and e.status == "Occurred" and t is not None and t.earliest and t.latest and (
                t.earliest <= c.time.earliest <= t.latest) and t.earliest != t.latest:
                return e
    for e in reversed(prior):
        if e.kind != c.kind:
            continue
        if (getattr(e, "proposal", None) is None) != (getattr(c, "proposal", None) is None) and c.ref not in ("def", "anaphor"):
            continue
        if c.ref == "new" and (e.status == "Occurred") != (c.status == "Occurred"):
            continue
        if c.quantity and e.quantity and c.quantity != e.quantity:
            continue
        if c.ref == "new" and c.quantity and c.quantity != e.quantity:
            continue
        occ_c, occ_e = c.status == "Occurred", e.status == "Occurred"
        if occ_c != occ_e and c.ref not in ("def", "anaphor"):
            continue
        if occ_c != occ_e and c.strong and e.strong and c.ref == "def" and c.time is not None:
            continue
        if e.time and c.time and not _overlap(state, e.time, c.time):
            continue
        return e
    return None


def _pair_apart(state, c: Cand) -> set:
    """The words of the other event of a pair the text tells as two: a meeting and the summit
    on whose sidelines it was held (row ``sideline_noun``: "X met Y on the sidelines of a
    summit"), a meeting and the event it is timed by (row ``relative_time_prep``: "X will
    meet Y ahead of the talks", "met before the resumption of the talks").

    >>> import spacy; doc = spacy.blank("en")("x")
    >>> _pair_apart(None, Cand("Meeting", "event", doc[0]))
    set()
    """
    t, cue, out = c.trig, state and state.ctx.cue, set()

    def objects(k):  # "ahead of the talks", "before the talks": the event words they take
        return {p.i for p in k.children if p.dep_ == "pobj"} | {
            p.i for o in k.children if o.dep_ == "prep" and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"}

    for k in t.children:
        if k.dep_ in ("prep", "advmod") and k.lower_ in cue["relative_time_prep"]:
            out |= objects(k)
        for s in (k.children if k.dep_ == "prep" and k.lower_ in ("on", "at") else ()):
            if s.dep_ == "pobj" and _lemma(s) in cue["sideline_noun"] and _lemma(s) != "table":  # (not "at the table")
                out |= objects(s)
    h = t.head
    if t.dep_ == "pobj" and h.lower_ == "of" and h.head.dep_ == "pobj" and _lemma(h.head) in cue["sideline_noun"]:
        return out | {h.head.head.head.i}  # the summit: the meeting on its sidelines
    x = t
    for _ in range(2):  # the talks: the meeting timed by them ("ahead of (the resumption of) the talks")
        h = x.head
        if x.dep_ != "pobj":
            break
        if h.lower_ in cue["relative_time_prep"] or h.lower_ == "of" and h.head.lower_ in cue["relative_time_prep"]:
            v = h.head if h.lower_ != "of" else h.head.head
            for _ in range(3):  # "met in Oslo on Monday before the talks": the verb
                if _is_verb(v) or v.head.i == v.i:
                    break
                v = v.head
            out.add(v.i)
            break
        if h.lower_ != "of":
            break
        x = h.head
    return out - {t.i}


def _bare(c: Cand) -> bool:
    """``c`` has no status of its own (no cue gave one): it may be any mention of its event."""
    return not c.strong and c.status in (None, "Occurred") and c.ref == "indef" and _time_key(None, c) is None


def _overlap(state, a: TimeValue, b: TimeValue) -> bool:
    if None in (a.earliest, a.latest, b.earliest, b.latest):
        return True
    return a.earliest <= b.latest and b.earliest <= a.latest


def _same_series(state, a: Cand, b: Cand) -> bool:
    ya = a.time.earliest.year if a.time and a.time.earliest else None
    yb = b.time.earliest.year if b.time and b.time.earliest else None
    if ya and yb and abs(ya - yb) > 1:
        return False
    return True


def _latest_round(state, c: Cand):
    rounds = [e for e in state.clusters if e.kind == "NegotiationRound" and e.status == "Occurred"]
    if c.place:
        same = [e for e in rounds if e.place == c.place]
        rounds = same or rounds
    if not rounds:
        return None

    def key(e):
        return (e.round or 0, e.time.earliest if e.time and e.time.earliest else date.min)

    return max(rounds, key=key)
