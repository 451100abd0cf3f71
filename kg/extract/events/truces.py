"""Truces in force, after coreference (the dates stage's last step): a truce the
report tells as holding, or agreed in the past with no later start, is Ongoing; one
agreed with a day to start on, or to start later, stays Planned. The day a truce
starts on is its first bound: a day on a verb of starting whose subject is the
truce ("takes effect on Sunday"), the day it was agreed on ("agreed on Monday to a
cessation of hostilities"), the first day of the talks that reached it, the day an
announcement says it had been agreed by, or, when no mention of a truce has a day,
the day the report tells with verbs ("agreed on Thursday to cease hostilities").
Then one truce in force told twice becomes one (:func:`_truces_in_force_merged`).
"""

from __future__ import annotations

from kg.extract.events.coref import _merge, _overlap
from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.records import _time_value
from kg.extract.events.state import Cand
from kg.extract.events.syntax import (
    _climb, _embedding_speech, _future, _gov, _hypothetical, _is_verb, _lemma, _lemmas, _negated, _perfect, _sent,
    _speech_lemma,
)
from kg.extract.events.times import _halting


def _truces_in_force(state):
    """A truce the report tells as in force is Ongoing: one that held or came
    into being with no end by the publication ("a ceasefire was declared"), and
    one the parties agreed, signed or reached in the past with no later start
    ("the two sides agreed on a cessation of hostilities"). A truce agreed with
    a day to start on, or to start later, stays Planned. The day a truce starts
    on is its first bound (:func:`_truce_start`)."""
    pub = state.ctx.pub
    truces = [c for c in state.clusters if c.kind == "Ceasefire" and c.role == "event" and c.target is None]
    # the verbs tell of "the" truce when none of the mentions has a day of its own
    verbal = not any(c.time is not None or c.earliest is not None or c.latest is not None for c in truces)
    for c in truces:
        if _ended(state, c):
            continue  # "the truce broke down within hours", "expired on Sunday": no longer in force
        if _held_on(state, c):
            c.time = None  # "the truce ... was holding on Monday": in force that day, begun before
        undated = c.time is None and c.earliest is None and c.latest is None
        start, agreed = _truce_start(state, c) if undated else (None, None)
        if (not undated and c.time is not None and c.time.granularity == "day" and c.earliest is None
                and c.latest is None):
            # "the truce announced on Saturday took effect on Sunday": the day of its clause
            # of telling or agreeing is not the day it starts on
            own, _ = _truce_start(state, c)
            if own is not None and own != c.time.earliest:
                c.time, start = None, own
        by_verb = undated and start is None and agreed is None and verbal
        if undated and start is None and agreed is None:
            # "the truce reached in Doha last week has been largely respected": it began then
            c.time = _agreed_period(state, c)
            if c.time is not None:
                if c.status in ("Planned", "Occurred") and not _later_day_told(state, c):
                    c.status = "Ongoing"  # in force since that period, no end (records._time_value)
                continue
        if by_verb:  # "agreed on Monday to cease hostilities": a day not after the report's
            start, agreed = _truce_told_by_verb(state)
        if start is not None:
            c.earliest = start
        if _agreed_and_holding(state, c):
            c.status = "Ongoing"  # in force since the period it was agreed in, no end (records._time_value)
            continue
        t = _time_value(state, c)
        if t is not None and pub is not None and (
                (t.earliest is not None and t.earliest > pub) or (t.latest is not None and t.latest < pub)):
            if t.earliest is not None and t.earliest > pub and c.status in ("Occurred", "Ongoing"):
                c.status = "Planned"  # "from March 10, a truce applies": in force only later
            continue  # starts later, or ended before the report
        if (c.status == "Occurred" and t is not None and pub is not None and t.earliest is not None
                and t.latest is not None and t.earliest <= pub < t.latest):
            c.status = "Ongoing"  # "a 72-hour truce began on Monday", in Wednesday's paper: in force still
        elif c.status == "Occurred" and (t is None or t.latest is None):
            if (t is None or start is not None and not by_verb) and _later_day_told(state, c):
                c.status = "Planned"  # signed, and to take effect later ("at midnight")
            else:
                c.status = "Ongoing"
        elif c.status == "Planned" and (t is None or by_verb) and not getattr(c, "duration_days", None):
            # the truce agreed in the past by the verb of one of its mentions (a headline's
            # "X, Y agree to truce" is told again as "agreed on Sunday to a truce")
            if any(_agreed_in_the_past(state, _gov(m.trig)) for m in getattr(c, "members", [c])) \
                    and not _later_day_told(state, c):
                c.status = "Ongoing"
            elif _agreed_at_once(state, c):
                c.status = "Ongoing"  # "agreed to implement the truce immediately": in force since
        if c.status == "Ongoing" and start is None and agreed is not None and not _later_day_told(state, c):
            c.earliest = agreed  # "agreed on Monday to a cessation of hostilities": in force since


def _ended(state, c: Cand) -> bool:
    """A mention of the truce ``c`` is the subject of a verb of its ending in the past (row
    ``truce_ending_verb``, or a verb of talks stopping: "the truce broke down within hours",
    "the ceasefire expired on Sunday"): it is over, not in force. Its day, if told, is its
    last (the status stays Occurred)."""
    cue = state.ctx.cue
    for m in getattr(c, "members", [c]):
        v = m.trig.head
        # (the past, which the tagger may give as a participle: "the truce ... expired on Sunday")
        if m.trig.dep_ == "nsubj" and _is_verb(v) and v.tag_ in ("VBD", "VBN") and not any(
                k.dep_ in ("aux", "auxpass") for k in v.children) and not _negated(v) and (
                _lemma(v) in cue["truce_ending_verb"] or _halting(state, v)):
            c.status = "Occurred"
            t = c.time
            if t is not None and t.granularity in ("day", "time-of-day") and c.earliest is None:
                c.time, c.latest = None, t.latest
            return True
    return False


def _later_day_told(state, c: Cand) -> bool:
    """A sentence telling of ``c`` also names a day after the publication
    ("the truce ... is to be phased in starting August 3") or a start to come."""
    pub = state.ctx.pub
    if pub is None:
        return False
    sents = {_sent(state.doc[a]).start for a, _ in c.spans if a < len(state.doc)} | {_sent(c.trig).start}
    for k in list(sents):  # "... signed a truce. It will take effect at midnight."
        nxt = _sent(state.doc[k]).end
        if nxt < len(state.doc) and any(x.dep_ == "nsubj" and x.lower_ in ("it", "this") and x.head.dep_ == "ROOT"
                                       for x in _sent(state.doc[nxt])):
            sents.add(_sent(state.doc[nxt]).start)
    if any(span.sent.start in sents and tv.earliest is not None and tv.earliest > pub
           for tv, span in state.timexes):
        return True
    # "is set to be implemented starting ...", "will take effect": a start still to come
    cue = state.ctx.cue
    for k in sents:
        for x in _sent(state.doc[k]):
            if _lemma(x) in cue["truce_start"] | {"implement"} and (
                    _future(x) or (x.dep_ == "xcomp" and _lemma(x.head) in cue["planned"])):
                return True
    return False


def _truce_start(state, c: Cand):
    """The day the words give as the start of the truce ``c`` and the day it was
    agreed on (each None when the words give none).

    A day is the start when it hangs on a verb of starting whose subject is the
    truce ("the truce begins on Friday", "takes effect on Sunday"), on a
    participle of starting under a verb of the truce's clause ("is to be applied
    in stages, starting April 2"), on "from" under such a verb ("applies from
    Monday"), or on a verb of starting whose subject is "it" in the sentence after
    the one that tells of the truce and of no other meeting or truce ("... agreed
    on a truce. It will begin on Sunday."). When none does, and the truce was
    agreed, signed or declared (in the past, the day said on that verb), it is in
    force from that day. A bound stays open when the words give none."""
    pub = state.ctx.pub
    cue = state.ctx.cue
    members = getattr(c, "members", [c])
    clause: set[int] = set()
    for m in members:
        clause |= set(m.anchors) | {m.trig.i}
        g = _gov(m.trig)
        if g is not None:
            clause.add(g.i)
    for _ in range(2):  # the predicate the truce is subject of: "is due to be applied", "is set to begin"
        clause |= {k.i for i in list(clause) for k in state.doc[i].children if k.dep_ in ("xcomp", "acomp")}
    sents = {_sent(m.trig).start for m in members}
    agreed = announced = None
    agreeing = [state.doc[i] for i in clause if _lemma(state.doc[i]) in cue["truce_agreed"]
                and not _future(state.doc[i]) and not _negated(state.doc[i])
                and (state.doc[i].tag_ in ("VBD", "VBN") or _perfect(state.doc[i]))]
    for tv, span in state.timexes:
        if (tv.granularity in ("range", "day") and tv.earliest is not None and tv.latest is not None
                and (pub is None or tv.latest <= pub) and span.root.head.i != span.root.i
                and any(a.dep_ == "conj" and a.head.i == _climb(span.root, set()).i for a in agreeing)):
            # "held talks from Tuesday to Wednesday and reached a truce": from the talks' first day
            agreed = tv.earliest if agreed is None else min(agreed, tv.earliest)
            continue
        if tv.granularity not in ("day", "time-of-day") or tv.earliest is None or tv.earliest != tv.latest:
            continue
        root = span.root
        if root.head.i == root.i:
            continue
        v = _climb(root, set())
        if not _is_verb(v) or _negated(v) or _hypothetical(v):
            continue
        prep = root.head.lower_ if root.dep_ == "pobj" else ""
        if tv.granularity == "day" and _starting(state, v) and (  # "at midnight": which day is unclear
                v.i in clause or v.dep_ in ("advcl", "xcomp", "acl", "conj", "prep") and v.head.i in clause
                or _it_starts(state, v, c, sents)):
            return tv.earliest, None
        if tv.granularity == "day" and prep == "from" and v.i in clause and _lemma(v) not in cue["truce_agreed"] | cue["agreeing_verb"]:
            return tv.earliest, None  # "a truce applies from Monday"
        if (agreed is None and v.i in clause and _lemma(v) in cue["truce_agreed"] and not _future(v)
                and (v.tag_ in ("VBD", "VBN") or _perfect(v)) and prep in ("on", "")
                and (pub is None or tv.latest <= pub)):
            agreed = tv.earliest  # "agreed on Monday to a cessation of hostilities"
        if (announced is None and _speech_lemma(v) and (pub is None or tv.latest <= pub) and not _future(v)
                and any(getattr(_embedding_speech(a), "i", None) == v.i for a in agreeing)):
            announced = tv.earliest  # "announced on Monday that the sides had agreed on a truce": by then
    return None, agreed if agreed is not None else announced


def _truce_told_by_verb(state):
    """The start and the agreed day of a truce the report also tells with verbs:
    a verb of stopping (row ``truce_stop_verb``) whose object is fighting (row
    ``fighting_noun``), the infinitive of a verb of agreeing told in the past
    ("agreed on Monday to cease hostilities", "agreed to halt all military activity
    starting from 1600 hours"). The day on the verb of agreeing is the agreed day;
    a day on a verb of starting under the verb of stopping is the start (a clock
    time on the day the report tells of, but not midnight, whose day is unclear).
    Read only for a document none of whose truce mentions has a day."""
    pub = state.ctx.pub
    cue = state.ctx.cue
    lemma_of = _lemmas(state.ctx)
    stops = cue["truce_stop_verb"]
    for stop in (state.doc[i] for i, lemma in enumerate(lemma_of) if lemma in stops):  # every word of the document
        if stop.dep_ != "xcomp" or not _is_verb(stop):
            continue
        if not any(k.dep_ in ("dobj", "xcomp") and (_lemma(k) in cue["fighting_noun"] or k.lower_ in cue["fighting_noun"])
                   for k in stop.children):  # "to stop all firing": the parse may take the noun for a verb
            continue
        agree = stop.head
        if (_lemma(agree) not in cue["truce_agreed"] or _negated(agree) or _future(agree) or _hypothetical(agree)
                or not (agree.tag_ in ("VBD", "VBN") or _perfect(agree))):
            continue
        start = agreed = None
        for tv, span in state.timexes:
            if tv.earliest is None or tv.earliest != tv.latest or (pub is not None and tv.latest > pub):
                continue
            root = span.root
            if root.head.i == root.i:
                continue
            v = _climb(root, set())
            prep = root.head.lower_ if root.dep_ == "pobj" else ""
            if v.i == agree.i and tv.granularity == "day" and prep in ("on", ""):
                agreed = tv.earliest
            elif (v.i != stop.i and stop.is_ancestor(v) and _starting(state, v)
                  and (tv.granularity == "day" or tv.granularity == "time-of-day" and not _midnight(tv))):
                start = tv.earliest
        if start is not None or agreed is not None:
            return start, agreed
    return None, None


def _agreed_and_holding(state, c: Cand) -> bool:
    """The truce's date is that of its own clause of agreeing, in the past, and the
    verb above tells of it holding or being kept ("the ceasefire that X and Y agreed
    last month has largely held", "a truce brokered in May, which both sides have
    violated"): it started then and is in force still, not a truce of that period only."""
    t = c.time
    if t is None or t.mention is None or c.status != "Occurred" or c.latest is not None:
        return False
    span = next((sp for tv, sp in state.timexes if tv.mention == t.mention), None)
    if span is None:
        return False
    cue = state.ctx.cue
    v = _climb(span.root, set())
    if not (_is_verb(v) and v.dep_ in ("relcl", "acl") and v.head.i == c.trig.i
            and _lemma(v) in cue["truce_agreed"] and not _future(v)):
        return False
    g = _gov(c.trig)
    if g is None or g.i == v.i or _future(g) or _negated(g):
        return False
    kept = [g] + [x for x in g.children if x.dep_ == "conj" and _is_verb(x)]
    return any(_lemma(x) in cue["truce_holding_verb"] | cue["truce_upkeep_verb"] for x in kept)


def _midnight(tv) -> bool:
    """The clock time of ``tv`` is midnight, which may open or close its day."""
    return bool(tv.timex) and tv.timex.endswith(("T00:00", "T24:00"))


def _starting(state, v) -> bool:
    """``v`` is a verb of a truce starting: "begin", "start", "take effect",
    "come into force", "go into effect"."""
    cue = state.ctx.cue
    lem = _lemma(v)
    if lem in cue["truce_start_day_verb"]:
        return True
    if lem not in cue["truce_start"]:
        return False
    words = {_lemma(x) for k in v.children for x in [k, *k.children] if k.dep_ in ("dobj", "prep", "attr", "acomp")}
    return bool(words & cue["truce_in_force_word"])


def _it_starts(state, v, c: Cand, sents: set[int]) -> bool:
    """``v`` (or the verb it completes: "it is expected to take effect") has "it"
    for subject, in the sentence after one that tells of the truce ``c`` and of no
    other truce or meeting."""
    heads = [v] + ([v.head] if v.dep_ == "xcomp" else [])
    if not any(k.dep_ in ("nsubj", "nsubjpass") and k.lower_ == "it" for h in heads for k in h.children):
        return False
    start = _sent(v).start
    if start == 0:
        return False
    prev = _sent(state.doc[start - 1]).start
    if prev not in sents:
        return False
    root = c.root()
    return not any(o.role == "event" and o.root() is not root and _sent(o.trig).start == prev
                   and (o.kind == "Ceasefire" or o.kind in MEETING_FAMILY) for o in state.cands)


def _held_on(state, c: Cand) -> bool:
    """The day of the truce ``c`` is told on a verb of its holding whose subject it is
    ("the truce, which came into force at midnight on Saturday, was holding on
    Monday"): the truce was in force that day, which is not the day it started."""
    t = c.time
    if t is None or t.mention is None or t.granularity not in ("day", "time-of-day"):
        return False
    span = next((sp for tv, sp in state.timexes if tv.mention == t.mention), None)
    if span is None or span.root.head.i == span.root.i:
        return False
    v = _climb(span.root, set())
    return (_is_verb(v) and _lemma(v) in state.ctx.cue["truce_holding_verb"] and not _negated(v)
            and any(m.trig.head.i == v.i and m.trig.dep_ in ("nsubj", "nsubjpass")
                    for m in getattr(c, "members", [c])))


def _agreed_period(state, c: Cand):
    """The week, month or year told on a verb of agreeing of the truce ``c``'s own
    clause, in the past ("reached in Doha last week", "agreed in February"): the
    period it began in (its first day the truce's first bound), else None."""
    pub = state.ctx.pub
    clause = set()
    for m in getattr(c, "members", [c]):
        clause |= set(m.anchors) | {m.trig.i}
        g = _gov(m.trig)
        if g is not None:
            clause.add(g.i)
    for tv, span in state.timexes:
        if tv.granularity not in ("week", "month", "year") or tv.earliest is None or tv.latest is None \
                or (pub is not None and tv.latest > pub) or span.root.head.i == span.root.i:
            continue
        v = _climb(span.root, set())
        if v.i in clause and _agreed_in_the_past(state, v):
            return tv
    return None


def _agreed_in_the_past(state, g) -> bool:
    """``g`` is a verb of agreeing told in the past, with no start to come in its
    sentence ("agreed on Sunday to a truce", not "... which will begin on Friday")."""
    cue = state.ctx.cue
    return (g is not None and _lemma(g) in cue["truce_agreed"] and not _future(g) and not _negated(g)
            and not _hypothetical(g) and (g.tag_ in ("VBD", "VBN") or _perfect(g))
            and not any(_lemma(x) in cue["truce_start"] and _future(x) for x in _sent(g)))


def _agreed_at_once(state, c: Cand) -> bool:
    """A mention of the truce ``c`` is the object of an infinitive under a verb of
    agreeing told in the past ("agreed to implement the truce immediately", "decided to
    put it into effect at once"), and the clause says at once (row
    ``truce_immediacy_word``): the truce is in force from the agreement on."""
    cue = state.ctx.cue
    words = cue["truce_immediacy_word"]
    pub = state.ctx.pub
    if pub is not None and any(span.sent.start == _sent(m.trig).start and tv.earliest is not None and tv.earliest > pub
                               for m in getattr(c, "members", [c]) for tv, span in state.timexes):
        return False  # "agreed to implement the truce at once from March 10": a day to come
    for m in getattr(c, "members", [c]):
        g = _gov(m.trig)
        if g is None or g.dep_ != "xcomp" or not _is_verb(g.head):
            continue
        h = g.head
        if _lemma(h) not in cue["truce_agreed"] | cue["status_agreed_head"] or _negated(h) or _future(h) \
                or _hypothetical(h) or not (h.tag_ in ("VBD", "VBN") or _perfect(h)):
            continue
        toks = [x.lower_ for x in h.subtree]  # "agreed to implement the truce immediately"
        if any(w in words for w in toks) or any(f"{a} {b}" in words for a, b in zip(toks, toks[1:])):
            return True
    return False


def _truces_in_force_merged(state):
    """One truce in force told twice ("agreed to a truce with immediate effect ... the truce
    was holding") is one truce: after the dates stage has told which truces are in force,
    undated or overlapping Ongoing truces in the same place (or none) become one."""
    live = sorted((c for c in state.clusters if c.kind == "Ceasefire" and c.role == "event" and c.target is None
                   and c.status == "Ongoing"), key=lambda c: c.pos)
    kept: list[Cand] = []
    for c in live:
        for k in kept:
            other_place = k.place_rank >= 3 and c.place_rank >= 3 and k.place != c.place
            if other_place or (c.quantity and k.quantity and c.quantity != k.quantity):
                continue
            if k.time is not None and c.time is not None and not _overlap(state, k.time, c.time):
                continue
            _merge(state, k, c)
            break
        else:
            kept.append(c)
    state.clusters = [c for c in state.clusters if c.target is None]
