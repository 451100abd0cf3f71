"""Rounds of talks: numbered rounds, counts of rounds ("two rounds have taken
place" -> rounds 1..2) and sequences of dated meetings between numbered rounds."""

from __future__ import annotations

from kg.extract.events.coref import _merge, _same_series
from kg.extract.events.lexicon import MAX_IMPLIED_ROUNDS, MEETING_FAMILY, _ordinals
from kg.extract.events.ranks import _ordinal
from kg.extract.events.state import Cand
from kg.extract.events.syntax import _lemma, _sent
from kg.records import TimeValue


def _rounds(state):
    rounds = [e for e in state.clusters if e.kind == "NegotiationRound"]
    # "two rounds have taken place ..., with the most recent session occurring on June 2"
    for e in list(rounds):
        if e.count and e.count > 1:
            if e.count > MAX_IMPLIED_ROUNDS:
                continue  # "eight rounds of talks" sums up a long series the report tells none of
            sent = _sent(e.trig)
            last = None
            for o in state.cands:
                r = o.root()
                if r is not e and r.kind in MEETING_FAMILY and _sent(o.trig) == sent and o.ref in ("last",) or (
                    r is not e and _sent(o.trig) == sent and r.kind in MEETING_FAMILY and r.time and r in state.clusters and o.ref == "last"
                ):
                    last = r
            n = e.count
            parts = _told_parts(state, e, n) if last is None else {}
            if parts:  # "two rounds, the first in A on 18 May and the second in B on 6 July"
                _give_part(e, parts[n])
                e.round = n
            if last is not None and last.round is None:
                last.round = n
                if last.place is None:
                    last.place, last.place_rank = e.place, e.place_rank
            elif last is None:
                e.round = n
            for i in range(1, n + (0 if (last is not None or e.round == n) else 1)):
                if i == n and e.round == n:
                    continue
                if any(r.round == i for r in state.clusters if r.kind == "NegotiationRound"):
                    continue
                new = Cand("NegotiationRound", "event", e.trig, status=e.status, strong=True)
                new.round, new.place, new.place_rank = i, e.place, e.place_rank
                new.earliest = e.earliest  # "three rounds since February": all of them
                new.spans = list(e.spans)
                new.actors = list(e.actors)
                new.implied = True
                if i in parts:
                    _give_part(new, parts[i])
                    new.implied = False
                state.clusters.append(new)
            if e.round is None:
                e.target = last if last is not None else None
                if last is not None:
                    last.spans += e.spans
                    last.anchors |= e.anchors
                    for a in e.actors:
                        if a not in last.actors:
                            last.actors.append(a)
                    state.clusters.remove(e)
    _plural_rounds(state)


def _told_parts(state, e, n) -> dict:
    """The rounds of a count of ``n`` rounds told one by one after it in its sentence, each
    from its ordinal to the next ("two rounds, the first in Oslin on 18 February and the
    second in Varna on 2 March"): ``{number: (first, end, timex, place)}`` with the timex and
    place told in that part (either may be None), when every number 1..n is told with one."""
    ords = _ordinals()
    sent = _sent(e.trig)
    marks = []
    for x in state.doc[e.trig.i + 1:sent.end]:
        o = _ordinal(ords, x.lower_)
        if o and not o[1] and x.dep_ not in ("advmod",) and (not marks or marks[-1][1] + 1 == o[0]):
            if o[0] == 1 or marks:
                marks.append((x.i, o[0]))
    if [m[1] for m in marks] != list(range(1, n + 1)):
        return {}
    parts = {}
    for k, (i, num) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else sent.end
        toks = list(state.doc[i:end])
        tk = next((state.ctx.tok_timex[x.i] for x in toks if x.i in state.ctx.tok_timex), None)
        pl = next((state.ctx.tok_place[x.i] for x in toks if x.i in state.ctx.tok_place), None)
        if tk is None and pl is None:
            return {}
        while toks and (toks[-1].is_punct or toks[-1].pos_ in ("DET", "CCONJ") or toks[-1].lower_ in ("while", "with")):
            toks.pop()
        parts[num] = (i, toks[-1].i + 1, state.ctx.timexes[tk][0] if tk is not None else None, pl)
    return parts


def _give_part(c, part) -> None:
    """The round ``c`` takes the date and place told in its own part of the sentence."""
    first, end, tv, pl = part
    if tv is not None:
        c.time, c.earliest, c.latest = tv, None, None
    if pl is not None:
        c.place, c.place_rank = pl[0].text, pl[1]
    c.spans = [(first, end)]


def _plural_rounds(state):
    # plural "further rounds followed on March 3 and March 7" -> one round per date
    for e in list(state.clusters):
        extra = getattr(e, "extra", [])
        t = e.trig
        if (e.kind == "NegotiationRound" and extra and e.time is not None and t.dep_ == "pobj"
                and t.head.lower_ == "of" and _lemma(t.head.head) in ("day", "week")):
            # "two days of talks on Wednesday and Thursday": one session over those days
            days = [tv for tv in [e.time] + extra if tv.earliest and tv.latest]
            if days:
                lo, hi = min(tv.earliest for tv in days), max(tv.latest for tv in days)
                e.time = TimeValue(e.time.text, None, lo, hi, "range", e.time.mention)
            e.extra = []
            continue
        if e.kind == "NegotiationRound" and extra and e.trig.tag_ == "NNS":
            for tv in extra:
                new = Cand(e.kind, "event", e.trig, status=e.status, strong=e.strong)
                new.time, new.place, new.place_rank = tv, e.place, e.place_rank
                new.spans, new.actors, new.ref = list(e.spans), list(e.actors), e.ref
                new.further = True
                state.clusters.append(new)
            e.further = True
            e.extra = []
    # merge clusters that now share a round number
    rounds = [e for e in state.clusters if e.kind == "NegotiationRound"]
    for i, a in enumerate(rounds):
        for b in rounds[i + 1:]:
            if a.round and a.round == b.round and b in state.clusters and a in state.clusters and _same_series(state, a, b):
                _merge(state, a, b)
                state.clusters.remove(b)
    # sequence: unnumbered dated occurred rounds between numbered ones
    rounds = sorted(
        [e for e in state.clusters if e.kind == "NegotiationRound" and e.status == "Occurred" and e.time and e.time.granularity == "day"],
        key=lambda e: e.time.earliest,
    )
    numbered = [e for e in rounds if e.round]
    for a, b in zip(numbered, numbered[1:]):
        between = [e for e in rounds if a.time.earliest < e.time.earliest < b.time.earliest and not e.round]
        if len(between) == b.round - a.round - 1 and _same_series(state, a, b):
            for k, e in enumerate(between, 1):
                e.round = a.round + k
    if numbered:
        last = numbered[-1]
        after = [e for e in rounds if e.time.earliest > last.time.earliest and not e.round]
        run = []
        for e in after:
            if not getattr(e, "further", False):
                break
            run.append(e)
        for k, e in enumerate(run, 1):
            e.round = last.round + k
    # earlier rounds end before later ones: an upper bound, never an invented date
    numbered = [e for e in state.clusters if e.kind == "NegotiationRound" and e.round and e.status == "Occurred"]
    for e in numbered:
        if e.time is None and e.latest is None:
            later = [o.time.earliest for o in numbered if o.round > e.round and o.time and o.time.earliest]
            if later:
                e.latest = min(later)
