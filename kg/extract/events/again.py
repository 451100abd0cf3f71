"""Two sittings told by one word: a meeting verb or noun whose own time is two coordinated
dates ("met in X on 27 February and again on 7 March", "their two previous meetings, held on
3 and 10 February", "met in A last Monday and again in B last Thursday") is two events, one a
date, each with the place told with its date. Two days in a row without "again" ("talks on
Monday and Tuesday") are one sitting of two days, and two months without "again" or a count
of two ("met in January and February") may be one span: those stay one event.

Runs on the clusters, before one event told twice is looked for (:mod:`twice`): by then
the candidate has the time of the first date, its status and its coreferent mentions; the
second sitting is a cluster of its own with the words of its date as evidence.
"""

from __future__ import annotations

import copy

from kg.extract.events.coref import _overlap
from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.syntax import _gov, _is_verb



def _clone(c):
    """A new event cluster of its own made from ``c``: the same reading, its anchors and
    actors copied (not shared), itself its only member, coreferent with nothing before."""
    c2 = copy.copy(c)
    c2.anchors, c2.actors, c2.members, c2.ref = set(c.anchors), list(c.actors), [c2], "new"
    return c2

def _own_dates(state, v) -> list[tuple[int, object]]:
    """The timexes told as the verb ``v``'s own time, in text order: its "on"/"in" phrases
    and bare dates ("last Monday"), and dates coordinated with them ("on 3 and 10 February",
    "on Monday and on Thursday"); not dates inside another noun or clause."""
    heads = []
    # "met in Lima on 3 February, and again on 24 February, to discuss ...": the parser may hang
    # the second date, with its "again", on a verb coordinated with the first
    agains = [k for cj in v.children if cj.dep_ == "conj" and _is_verb(cj) and not any(
        x.dep_ in ("nsubj", "nsubjpass") for x in cj.children) for k in cj.children
        if k.dep_ == "prep" and any(x.lower_ == "again" for x in k.children)]
    for k in list(v.children) + agains:
        if k.dep_ == "prep" and k.lower_ in ("on", "in"):
            heads += [p for p in k.children if p.dep_ == "pobj"]
            heads += [p for cj in k.conjuncts if cj.dep_ in ("prep", "conj") and cj.lower_ in ("on", "in")
                      for p in cj.children if p.dep_ == "pobj"]
        elif k.dep_ == "npadvmod":
            heads.append(k)
    heads += [cj for h in list(heads) for cj in h.conjuncts if cj.dep_ == "conj"]
    found = {}
    for h in heads:
        k = state.ctx.tok_timex.get(h.i)
        if k is not None:
            found.setdefault(k, h)
    return sorted(found.items(), key=lambda kv: kv[1].i)


def _twice_told(state):
    """A meeting verb told "twice" with each sitting told after it by its ordinal ("have met
    twice, the first time in Geneva on 12 January and the second time in Vienna on 9
    February"): two events, each with the date and place of its own part."""
    from kg.extract.events.rounds import _give_part, _told_parts

    added = []
    for c in state.clusters:
        if c.role != "event" or c.target is not None or c.kind not in MEETING_FAMILY or not _is_verb(c.trig):
            continue
        if not any(k.dep_ == "advmod" and k.lower_ == "twice" for k in c.trig.children):
            continue
        parts = _told_parts(state, c, 2)
        if not parts:
            continue
        c2 = _clone(c)
        _give_part(c, parts[1])
        _give_part(c2, parts[2])
        added.append(c2)
    state.clusters += added


def _two_sittings(state):
    """Split each meeting-family candidate whose own time is two coordinated dates of one
    granularity (days or months) into one candidate per date (see the module notes)."""
    _twice_told(state)
    added = []
    for c in state.clusters:
        if c.role != "event" or c.target is not None or c.kind not in MEETING_FAMILY or c.time is None or c.count not in (None, 2):
            continue
        v = c.trig if _is_verb(c.trig) else next(
            (k for k in c.trig.children if k.dep_ in ("acl", "relcl") and _is_verb(k)), None) or _gov(c.trig)
        if v is None:
            continue
        dates = _own_dates(state, v)
        if len(dates) != 2:
            continue
        (k1, h1), (k2, h2) = dates
        tv1, span1 = state.ctx.timexes[k1]
        tv2, span2 = state.ctx.timexes[k2]
        if c.time.mention != tv1.mention or tv1.granularity != tv2.granularity or tv1.granularity not in ("day", "month"):
            continue
        if _overlap(state, tv1, tv2):  # (an open bound counts as overlapping)
            continue
        if any(o is not c and o.target is None and o.kind == c.kind and o.bounds() == (tv2.earliest, tv2.latest)
               for o in state.clusters):
            continue  # the second date's sitting is told already ("further rounds came on A and B")
        between = state.doc[span1.end:span2.start]
        if not any(x.lower_ == "and" for x in between) or any(x.lower_ in ("to", "until", "through") for x in between):
            continue  # ("from Monday to Thursday": one span)
        again = any(x.lower_ == "again" for x in v.subtree)
        if not again and (tv1.granularity == "month" and c.count != 2 or abs((tv2.earliest - tv1.latest).days) <= 1):
            continue  # "talks on Monday and Tuesday": one sitting of two days; "in January and February": a span
        c.count = None  # ("their two previous meetings, held on ...": the two, told apart)
        c2 = _clone(c)
        c2.time, c2.earliest, c2.latest = tv2, None, None
        start = next((x.i for x in between if not (x.is_punct or x.lower_ == "and")), span2.start)
        c2.spans = [(start, span2.end)]  # "again in La Paz last Thursday"
        places = [state.ctx.tok_place[x.i] for x in between if x.i in state.ctx.tok_place]
        if places:  # "in Lima last Monday and again in La Paz last Thursday"
            c2.place, c2.place_rank = places[-1][0].text, places[-1][1]
            if c.place == c2.place:
                c.place, c.place_rank = _place_before(state, span1, c)
        added.append(c2)
    state.clusters += added


def _place_before(state, span, c):
    """The place told before the first date ``span`` in its clause, else the candidate's own."""
    for i in range(span.start - 1, max(c.trig.i - 1, span.start - 8), -1):
        hit = state.ctx.tok_place.get(i)
        if hit is not None:
            return hit[0].text, hit[1]
    return c.place, c.place_rank
