"""The last stage: clusters, statements and proposals become :class:`~kg.records.Event`
records with stable keys, labels, actors, evidence and negotiation tracks."""

from __future__ import annotations

from datetime import timedelta
import re

from kg.extract.events.generic import all_generic
from kg.extract.events.lexicon import CAMEO, MEETING_FAMILY, _ORD_WORDS
from kg.extract.events.state import Cand
from kg.extract.events.syntax import _gov, _sent, _verbal
from kg.records import Event, Mention, TimeValue


def _party_groups(state) -> list[list[int]]:
    """Token groups naming the parties of talks together: "talks between X and Y",
    "X and Y met/agreed", "Russian and Ukrainian negotiators met"."""
    groups = []
    for c in state.cands:
        if c.role != "event" or c.kind not in MEETING_FAMILY:
            continue
        t = c.trig
        for k in t.children:
            if k.dep_ == "prep" and k.lower_ == "between":
                groups.append([x.i for x in k.subtree])
        v = t if _verbal(c) else _gov(t)
        if v is not None:
            for k in v.children:
                if k.dep_ in ("nsubj",):
                    groups.append([x.i for x in k.subtree])
    for t, _role in state.agree_toks:
        for k in t.children:
            if k.dep_ == "nsubj":
                groups.append([x.i for x in k.subtree])
    return groups


def _party_positions(state) -> set[int]:
    """Tokens where the parties of talks are named: the subjects of meeting,
    negotiating and agreeing verbs, and "talks between/with X"."""
    out: set[int] = set()
    for c in state.cands:
        if c.role != "event" and not (c.role == "proposal"):
            continue
        t = c.trig
        verbs = [t] if _verbal(c) else [v for v in [_gov(t)] if v is not None]
        for v in verbs:
            for k in v.children:
                if k.dep_ in ("nsubj", "nsubjpass", "agent"):
                    out |= {x.i for x in k.subtree}
        for k in t.children:
            if k.dep_ == "prep" and k.lower_ in state.ctx.cue["parties_prep"]:
                out |= {x.i for x in k.subtree}
    for t, _role in state.agree_toks:
        for k in t.children:
            if k.dep_ == "nsubj":
                out |= {x.i for x in k.subtree}
    return out


def _track_parties(state) -> tuple[str, ...]:
    """The two main parties: countries (and unaffiliated organizations) counted
    over the document, three times where they are named as parties of talks."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    lo = state.sents[0].start if state.sents else 0
    hi = state.sents[-1].end if state.sents else 0
    positions = _party_positions(state)
    for i, (name, kind) in sorted(state.ctx.tok_actor.items()):
        if not lo <= i < hi or kind == "Person":
            continue
        if kind == "Organization":
            aff = state.ctx.affiliation.get(name)
            if aff:
                name = aff
            elif i not in positions:
                continue
        tok = state.doc[i]
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.ent_type_ in ("GPE", "LOC"):
            continue
        if tok.i > 0 and state.doc[tok.i - 1].lower_ in ("host",):
            continue
        if i > 0 and state.ctx.tok_actor.get(i - 1, ("", ""))[0] == name:
            continue
        counts[name] = counts.get(name, 0) + (3 if i in positions else 1)
        first.setdefault(name, i)
    top = sorted(counts, key=lambda n: (-counts[n], first[n]))[:2]
    pairs: dict[tuple[str, str], int] = {}
    for group in _party_groups(state):
        names = []
        for i in group:
            a = state.ctx.tok_actor.get(i)
            if a and a[1] in ("Country", "Organization"):
                n = state.ctx.affiliation.get(a[0], a[0]) if a[1] == "Organization" else a[0]
                if n not in names:
                    names.append(n)
        if len(names) == 2:
            key = tuple(sorted(names))
            pairs[key] = pairs.get(key, 0) + 1
    if pairs:
        best = max(pairs.values())
        chosen = [p for p in pairs if pairs[p] == best]
        if len(chosen) == 1 or tuple(sorted(top)) not in chosen:
            return chosen[0]
    return tuple(top)


def _tracks(state, parties) -> dict[int, str]:
    """The track of each numbered round: the parties and the year its series began
    (the earliest dated numbered round at most a year before it)."""
    from kg.rdf.iris import slug

    if len(parties) != 2:
        return {}
    base = "-".join(sorted(slug(p) for p in parties))
    rounds = [e for e in state.clusters if e.kind == "NegotiationRound" and e.round is not None]

    def day(e):
        t = e.time
        return t.earliest if t is not None and t.earliest else (e.latest or None)

    dated = sorted((day(e), e.round) for e in rounds if day(e) is not None)
    out = {}
    for e in rounds:
        d = day(e)
        if d is None:  # the series of the nearest dated round, else the publication year
            near = sorted(dated, key=lambda x: abs(x[1] - e.round))
            d = near[0][0] if near else None
        if d is not None:
            start = min(x for x, _ in dated if x <= d and (d - x).days <= 400) if dated else d
            year = min(start, d).year
        else:
            year = state.ctx.pub.year if state.ctx.pub else None
        out[id(e)] = f"{base}-{year}" if year else base
    return out


def _records(state):
    ctx = state.ctx
    parties = _track_parties(state)
    state.parties = parties
    used = state.used
    # talks named only in passing ("people involved in the talks said") are no event
    state.clusters = [c for c in state.clusters if not all_generic(state, c)]
    all_c = state.clusters + state.statements + state.proposals
    tracks = _tracks(state, parties)
    state.keys = {}
    for c in sorted(all_c, key=lambda c: c.pos):
        if c.kind not in CAMEO:
            continue
        key = _key(state, c, tracks.get(id(c)), used)
        state.keys[id(c)] = key
    records = []
    for c in sorted(all_c, key=lambda c: c.pos):
        if id(c) not in state.keys:
            continue
        time = _time_value(state, c)
        actors = list(c.actors)
        if c.kind in MEETING_FAMILY | {"PrisonerExchange", "RepatriationOfRemains", "Ceasefire"} and c.role == "event":
            persons = [a for a in actors if ctx.kind_of.get(a) == "Person"]
            if c.kind == "Summit" and persons:
                actors += [ctx.affiliation[p] for p in persons if ctx.affiliation.get(p) and ctx.affiliation[p] not in actors]
            elif c.kind != "Meeting":
                actors = list(parties) + [a for a in actors if a not in parties]
        actors += [a for s in c.spans for a in _span_actors(state, s, c) if a not in actors]
        mentions = {ctx.mention(a, b) for a, b in c.spans}
        for m in getattr(c, "members", [c]):
            if not m.spans and (m.role == "event" or m is c):
                mentions.add(_evidence(state, m))
        mentions = sorted(m for m in mentions if not any(
            o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
            for o in mentions))
        cameo = CAMEO[c.kind]
        if c.kind == "Statement" and c.optimistic:
            cameo = "013"
        ev = Event(
            key=state.keys[id(c)],
            kind=c.kind,
            label=_label(state, c, time),
            status=c.status or "Occurred",
            time=time,
            place=c.place,
            round=c.round if c.kind == "NegotiationRound" else None,
            track=tracks.get(id(c)) if c.kind == "NegotiationRound" and c.round is not None else None,
            actors=tuple(dict.fromkeys(actors)),
            mentions=tuple(mentions),
            proposed_by=tuple(c.proposed_by),
            # a proposal of terms that names no other event of the text proposes what it is
            # itself (an offer, demands, a plan): the gold convention of tests/realnews
            proposes=state.keys.get(id(c.proposes.root())) if c.proposes is not None
            else state.keys[id(c)] if c.kind == "Proposal" else None,
            responds_to=state.keys.get(id(c.responds.root())) if c.responds is not None else None,
            cameo=cameo,
        )
        records.append(ev)
        c.record = ev
    state.records = records
    return tuple(records)


def _span_actors(state, span, c):
    if c.role != "event" or c.kind not in MEETING_FAMILY:
        return []
    a, b = span
    return [n for n in state.ctx.actors_in(state.doc[a:b], ("Person",)) if n not in c.actors][:4]


def _evidence(state, c: Cand) -> Mention:
    t = c.trig
    toks = [t]
    if not _verbal(c):
        toks += [x for x in t.subtree if x.i - t.i < 12]
    else:
        toks += [x for k in t.children if k.dep_ in ("nsubj", "nsubjpass", "prep", "dobj", "npadvmod", "prt") for x in k.subtree]
    g = _gov(t) if not _verbal(c) else None
    if g is not None and abs(g.i - t.i) < 6:
        toks += [g] + [x for k in g.children if k.dep_ in ("prep", "npadvmod") and abs(k.i - g.i) < 8 for x in k.subtree]
    sent = _sent(t)
    toks = [x for x in toks if sent.start <= x.i < sent.end]
    a = min(x.i for x in toks)
    b = max(x.i for x in toks) + 1
    while b > a + 1 and state.doc[b - 1].is_punct:
        b -= 1
    return state.ctx.mention(a, b)


def _time_value(state, c: Cand) -> TimeValue | None:
    t = c.time
    lo, hi = c.earliest, c.latest
    n = getattr(c, "duration_days", None)
    started = getattr(c, "started", None)
    if n and started is not None and t is None:  # "a 72-hour truce began on Friday"
        return TimeValue("", None, started, started + timedelta(days=n), "range", None)
    if (t is not None and n and t.granularity in ("day", "time-of-day") and t.earliest and t.earliest == t.latest
            and c.status in ("Planned", "Ongoing", "Occurred") and lo is None and hi is None):
        # "a seven-day ceasefire will take effect on Monday": Monday to the day it runs out
        return TimeValue(t.text, None, t.earliest, t.earliest + timedelta(days=n), "range", t.mention)
    if (t is not None and c.kind == "Ceasefire" and not n and t.granularity in ("day", "time-of-day")
            and t.earliest and t.earliest == t.latest and hi is None):
        # "the truce takes effect on August 3": a truce lasts, the day is where it begins
        return TimeValue(t.text, t.timex, t.earliest, None, t.granularity, t.mention)
    if (t is not None and c.kind == "Ceasefire" and not n and c.status in ("Planned", "Ongoing", "Proposed")
            and t.granularity in ("week", "month", "quarter", "year") and lo is None and hi is None):
        # "a truce agreed earlier this month", still in force or to come: it began (or
        # begins) in that period, and a truce lasts past it
        return TimeValue(t.text, t.timex, t.earliest, None, t.granularity, t.mention)
    if t is not None and t.granularity == "season":
        # where a season starts and ends is a convention (March 1 or March 20?): the
        # value "2025-SP" without date bounds, unless other words give them
        return TimeValue(t.text, t.timex, lo, hi, t.granularity, t.mention)
    if (t is not None and c.status == "Ongoing" and lo is not None and hi is None and t.granularity == "day"
            and t.earliest is not None and t.earliest > lo):
        # "under way since May 2" and a later day it was met on: still going, no end
        return TimeValue("", None, lo, None, "range", None)
    if t is not None:
        lo2, hi2 = t.earliest, t.latest
        started = getattr(c, "started", None)
        if started is not None and lo2 is not None and lo2 >= started:
            if lo2 > started:  # "opened on May 2 ... ended on May 5"
                return TimeValue(t.text, None, started, hi2, "range", t.mention)
            lo2 = started
        elif lo is not None and lo2 is not None:
            lo2 = max(lo, lo2)
        if hi is not None and hi2 is not None:
            hi2 = min(hi, hi2)
        lo2 = lo2 if lo2 is not None else lo
        hi2 = hi2 if hi2 is not None else hi
        if lo2 is not None and hi2 is not None and lo2 > hi2:
            # the derived bounds contradict the expression: keep what the expression says
            lo2, hi2 = t.earliest, t.latest
            if lo2 is not None and hi2 is not None and lo2 > hi2:
                return None
        return TimeValue(t.text, t.timex, lo2, hi2, t.granularity, t.mention)
    if lo is not None and hi is not None and lo > hi:
        lo = None  # a derived lower bound after the upper one (e.g. the publication): drop it
    if lo is None and hi is None:
        return None
    timex = getattr(c, "ref_timex", None)
    return TimeValue("", timex, lo, hi, "range", None)


def _key(state, c: Cand, track, used) -> str:
    from kg.rdf.iris import slug

    if c.kind == "NegotiationRound" and c.round is not None:
        base = f"{track}-round-{c.round}" if track else f"round-{c.round}"
    else:
        from kg.rdf.iris import class_slug

        others = [a for a in c.actors if a not in state.parties]
        who = c.speaker or (c.proposed_by[0] if c.proposed_by else None) or c.place or (others[0] if others else None)
        t = c.time
        when = None
        if t is not None and t.earliest and t.earliest == t.latest:
            when = t.earliest.isoformat()
        elif t is not None and t.timex and not t.timex.endswith("_REF"):
            when = t.timex
        status = None if c.status in ("Occurred", None) or c.kind in ("Proposal", "Statement") else c.status
        base = "-".join(slug(x) for x in [class_slug(c.kind), who or "", when or "", status or ""] if x)
    if not hasattr(state.ctx, "next_n"):
        state.ctx.next_n = {}
    key, n = base, state.ctx.next_n.get(base, 2)
    while key in used:
        key, n = f"{base}-{n}", n + 1
    state.ctx.next_n[base] = n
    used.add(key)
    return key


def _label(state, c: Cand, time: TimeValue | None) -> str:
    when = ""
    if time is not None and time.earliest and time.earliest == time.latest:
        when = f" ({time.earliest.isoformat()})"
    elif time is not None and time.timex and not time.timex.endswith("_REF"):
        when = f" ({time.timex})"
    elif time is not None and time.earliest and time.latest:
        when = f" ({time.earliest.isoformat()} to {time.latest.isoformat()})"
    elif time is not None and time.latest and not time.earliest:
        when = f" (by {time.latest.isoformat()})"
    elif time is not None and time.earliest:
        when = f" (from {time.earliest.isoformat()})"
    status = "" if c.status in ("Occurred", None) else f" ({c.status.lower()})"
    if c.kind == "NegotiationRound":
        if c.round:
            where = f" {c.place}" if c.place else ""
            word = _ORD_WORDS[c.round] if c.round < len(_ORD_WORDS) else f"Round {c.round}:"
            return f"{word}{where} round{when}{status}"
        return f"Talks{' in ' + c.place if c.place else ''}{when}{status}"
    if c.kind == "Statement":
        medium = {"post": "Post", "address": "Address", "interview": "Interview", "briefing": "Remarks to reporters"}.get(c.medium or "", "Statement")
        return f"{medium} by {c.speaker}{when}"
    if c.kind == "Proposal":
        what = c.proposes.root().kind if c.proposes is not None else state.doc[c.trig.i:c.trig.i + 1].text

        by = f" by {', '.join(c.proposed_by)}" if c.proposed_by else ""
        return f"Proposal{by}: {_human(what)}{when}"
    names = {"Meeting": "Meeting", "Summit": "Summit", "PrisonerExchange": "Prisoner exchange",
             "RepatriationOfRemains": "Return of remains", "Ceasefire": "Ceasefire"}
    where = f" in {c.place}" if c.place else ""
    return f"{names.get(c.kind, c.kind)}{where}{when}{status}"


def _human(kind: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", " ", kind).lower()
