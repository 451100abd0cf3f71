"""Arguments: time, place and participants of each candidate.

Temporal expressions attach to the trigger or to the verb that governs it;
"before/after X" gives one bound, "at the meeting"/"during the session" the time
of that meeting; places come from "in/at <place>" on the event's trigger, its clause
or the event noun's own participle clause ("talks hosted in Doha"), never from where a
party is from ("militias in western X held talks in Y") nor from parties named before
the event noun ("the Peru-Chile session").
"""

from __future__ import annotations

from datetime import timedelta

from kg.extract.events.anchored import _bound_through, _days_from_event, _within_since
from kg.extract.events.counted import _nth_day
from kg.extract.events.lexicon import MEETING_FAMILY, _entries, _ordinals
from kg.extract.events.places import _context_place, _the_same_place
from kg.extract.events.ranks import _principals
from kg.extract.events.state import Cand
from kg.extract.events.syntax import (
    _climb, _embedding_speech, _future, _gov, _is_verb, _lemma, _main_gov, _perfect, _phrasal, _under_way, _verbal,
)
from kg.extract.events.times import (  # noqa: F401 - _give_time is also the proposals stage's
    _days_long, _days_of, _durations, _give_time, _halting, _hours_long, _own_clause, _period_of_bound, _started_on,
)
from kg.records import TimeValue


def _attach_all(state):
    ctx = state.ctx
    anchors_of: dict[int, list[Cand]] = {}
    for c in state.cands:
        g = _main_gov(c.trig) if c.role == "event" and not _verbal(c) else None
        context_noun = c.trig.dep_ == "pobj" and c.trig.head.lower_ in ("at", "during")
        if c.role == "event" and not _verbal(c) and not context_noun:
            for k in _noun_clauses(state, c.trig):
                if k.dep_ in ("acl", "relcl") and _is_verb(k) and _first_time(state, k):
                    c.first_told = getattr(c, "first_told", set()) | {k.i}
                if k.dep_ in ("acl", "relcl") and _is_verb(k) and (
                    _lemma(k) in state.ctx.cue["occurred"] | state.ctx.cue["planned"] or _lemma(k) == "occur"
                    # "the round kicked off on Tuesday", "talks begun on Monday": when they began
                    or _lemma(k) in state.ctx.cue["opening_verb"]
                    or _under_way(k)
                    # "a truce brokered in January", "the truce, which they signed on May 2"
                    or c.kind == "Ceasefire" and _lemma(k) in state.ctx.cue["truce_agreed"]
                    # "talks that collapsed on Wednesday", "which broke down on Sunday": their end
                    or c.kind in MEETING_FAMILY and _halting(state, k) and not _future(k)
                ):
                    c.anchors.add(k.i)
                    # "talks, which are scheduled to begin on May 4": the verb the clause's verb completes
                    c.anchors |= {x.i for x in k.children if x.dep_ == "xcomp" and _is_verb(x)}
                if k.dep_ == "relcl" and _lemma(k) in state.ctx.cue["span_verb"]:
                    # "the swap, which lasted three days and ended on May 25": the clause's ending verb
                    c.anchors |= {x.i for x in k.children if x.dep_ == "conj" and _is_verb(x)
                                  and _lemma(x) in state.ctx.cue["closing_verb"]}
                    if c.anchors & {x.i for x in k.children}:
                        c.anchors.add(k.i)
            for k in _party_clauses(state, c.trig):
                c.anchors.add(k.i)
                c.anchors |= {x.i for x in k.children if x.dep_ in ("conj", "xcomp") and _is_verb(x)}
        if c.role == "event" and c.trig.dep_ == "pobj" and c.trig.head.lower_ in ("at", "for") and \
                _lemma(c.trig.head.head) in state.ctx.cue["attempt_noun"]:
            # "a first attempt at talks, set for early October, was called off": the attempt's clause
            c.anchors |= {k.i for k in c.trig.head.head.children if k.dep_ in ("acl", "relcl") and _is_verb(k)}
        if c.role == "event" and c.trig.dep_ == "compound" and _lemma(c.trig.head) in state.ctx.cue["agreement_noun"]:
            # "a ceasefire deal that will take effect on Sunday": the deal's clause, not its signing
            c.in_agreement = True
            g = None
            for k in c.trig.head.children:
                if k.dep_ in ("relcl", "acl") and _is_verb(k):
                    c.anchors.add(k.i)
                    c.anchors |= {x.i for x in k.children if x.dep_ == "xcomp"}
        if g is not None and c.role == "event" and _topic_of_proposal(state, c.trig):
            g = None  # "handed over a memorandum on a ceasefire today": the memorandum's day
        rel = _temporal_pp(state, c.trig) if c.role == "event" and not _verbal(c) else None
        if rel is not None and g is not None:
            c.temporal_rel = (rel, g)
            g = None
        if g is not None and c.kind == "Ceasefire" and _lemma(g) in state.ctx.cue["truce_upkeep_verb"]:
            g = None  # "the truce was violated over the weekend": the breach's day, not the truce's
        if g is not None and c.role == "event" and not (
            c.kind not in MEETING_FAMILY and _lemma(g) in state.ctx.cue["agreeing_verb"]
        ):
            c.anchors.add(g.i)
            # "the talks have stalled since breaking off in March": the halt's own date
            c.anchors |= {p.i for k in g.children if k.dep_ == "prep" for p in k.children
                          if p.dep_ == "pcomp" and _halting(state, p)}
            for cj in g.children:
                if cj.dep_ == "conj" and _is_verb(cj) and not _own_subject(cj):
                    c.anchors.add(cj.i)
                    c.conj_anchors = getattr(c, "conj_anchors", set()) | {cj.i}
                    if c.trig.dep_ not in ("nsubj", "nsubjpass"):  # not "talks opened ... and ended ..."
                        c.conj_of = g.i
                if cj.dep_ == "xcomp" and _is_verb(cj):  # "is due to take effect on Monday"
                    c.anchors.add(cj.i)
                if cj.dep_ == "acomp":  # "is due to take place this weekend", parsed through "due"
                    c.anchors |= {x.i for x in cj.children if x.dep_ == "xcomp" and _is_verb(x)}
        for a in c.anchors:
            anchors_of.setdefault(a, []).append(c)
    stop = set(state.trig_tokens) | set(anchors_of)
    state.claimed = set()
    pub = ctx.pub
    placed = []
    for k, (tv, span) in enumerate(state.timexes):
        root = span.root
        at = _climb(root, stop)
        if at.dep_ in ("nsubj", "nsubjpass") and at.i not in stop and span.end <= at.i:
            # "This week, envoys held talks", the subject tagged as a verb: a date told
            # before the subject is the clause's, never the subject's
            at = _climb(at, stop)
        if (root.head.i == at.i and root.dep_ in ("npadvmod", "nsubj") and _lemma(at) in ctx.cue["date_subject_verb"]
                and at.tag_ == "VBD"):
            # "Monday saw the two sides resume talks": the day of the clause it saw (not "today
            # will see them hold talks", whose clause the status stage reads as under way)
            at = next((x for x in at.children if x.dep_ in ("ccomp", "xcomp") and x.i in stop), at)
        prep = root.head if root.dep_ == "pobj" else None
        if prep is not None and prep.head.i == at.i and at.i not in anchors_of:
            at = _topic_host(state, at, anchors_of) or at
        if root.head.i == root.i or _names_a_thing(state, root) or _within_since(span, at):
            continue
        before = span.start - 1
        if before >= 0 and state.doc[before].lower_ == "on":
            before -= 1
        if before >= 0 and state.doc[before].i in state.trig_tokens and _is_verb(state.doc[before]) and \
                (state.ctx.entry_at.get(before) or {}).get("role") == "speech":
            at = state.doc[before]  # "X said on Thursday (that) ...": the saying's date
        if _is_verb(at) and _future(at) and tv.granularity == "day" and pub and tv.latest and tv.latest < pub:
            em = _embedding_speech(at)  # "said on Thursday he would meet ...": the saying's date
            if em is not None:
                at = em
        owner = next((x.head for x in span if x.dep_ in ("poss", "nmod", "compound") and x.head.i >= span.end), None)
        if tv.granularity in ("upper-bound", "lower-bound") and owner is not None and owner.i in state.trig_tokens:
            # "ahead of next week's negotiations", "ahead of December 21 talks": the bound is the
            # verb's above; the talks are within the period itself
            tv, at, prep = _period_of_bound(state, tv, span), owner, None
            if tv is None:
                continue
        through = _bound_through(state, span, at)
        if through is not None:  # "will resume after the elections in May": from May on
            tv = TimeValue(tv.text, tv.timex, tv.earliest, None, "lower-bound", tv.mention) if through == "after" \
                else TimeValue(tv.text, tv.timex, None, tv.latest, "upper-bound", tv.mention)
            prep = None
        placed.append((k, tv, at, prep))
    dated_verbs = {at.i for _, tv, at, _ in placed if tv.granularity not in ("duration", "ref")}
    gives = []
    for k, tv, at, prep in placed:
        for c in anchors_of.get(at.i, []):
            if tv.granularity in ("day", "time-of-day") and _called_off_on(state, c, at, prep):
                continue  # "the meeting was called off on Monday": the day of calling it off
            if at.i in getattr(c, "conj_anchors", ()) and not _halting(state, at) and (
                    tv.granularity in ("upper-bound", "lower-bound")
                    or prep is not None and prep.lower_ in state.ctx.cue["upper_bound_prep"] | {"after", "since"}
                    # "walked out of the talks in March and then launched an offensive on May 4":
                    # the event noun or the verb it hangs on has its own date; the next clause's is its own
                    or getattr(c, "conj_of", None) is not None and dated_verbs & {c.conj_of, c.trig.i}):
                continue  # "agreed to start talks and to set up a commission before May": the commission's bound
            gives.append((at.i != c.trig.i, not _telling_own_clause(state, c, at), len(gives), c, tv, prep, k))
    # a date on the candidate's own word first: "after talks on Monday, X said on Tuesday"
    # is Tuesday's saying, whatever date the words it is told with carry; then a date in
    # the event noun's own clause of taking place ("arrived on Sunday for talks that
    # begin on Thursday": the talks are Thursday's, the arrival Sunday's)
    own_dated = set()
    for _, other, _, c, tv, prep, k in sorted(gives, key=lambda g: g[:3]):
        if other and id(c) in own_dated:
            continue
        _give_time(state, c, tv, prep, k)
        if not other and (c.time is not None or c.earliest is not None or c.latest is not None
                          or getattr(c, "halted", None) is not None):
            own_dated.add(id(c))
    # places
    for ent, rank in state.places:
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and _lemma(root.head.head) in state.ctx.cue["place_type_noun"] and root.head.head.dep_ == "pobj":
            root = root.head.head
        motion = root.dep_ == "pobj" and root.head.lower_ == "to" and _lemma(root.head.head) in state.ctx.cue["motion_verb"]
        if (root.dep_ != "pobj" or root.head.lower_ not in state.ctx.cue["place_prep"]) and not motion:
            continue
        if _of_a_party(state, root):
            continue
        at = _climb(root, stop)
        cands = anchors_of.get(at.i, [])
        if not cands and at.dep_ in ("acl", "relcl") and _is_verb(at):
            # "direct talks between the two presidents, hosted in Doha": the event noun's own clause
            cands = [c for c in state.cands if c.trig.i == at.head.i and not _verbal(c)]
        for c in cands:
            if c.role == "event" and rank > c.place_rank:
                c.place, c.place_rank = ent.text, rank
    for c in state.cands:
        if c.role != "event":
            continue
        if not _verbal(c) and c.place is None:  # "the Geneva talks", "the second Istanbul round"
            for k in c.trig.children:
                hit = ctx.tok_place.get(k.i)
                if k.dep_ in ("compound", "amod", "nmod") and hit is not None and hit[1] >= 2 and k.i < c.trig.i \
                        and not _party_modifier(state, hit[0]):
                    c.place, c.place_rank = hit[0].text, hit[1]
        g = c.trig if _verbal(c) else _gov(c.trig)
        if g is not None and g.dep_ == "relcl":
            for ent, rank in state.places:
                if ent.start <= g.head.i < ent.end and rank > c.place_rank:
                    c.place, c.place_rank = ent.text, rank
        # context meeting: "at the table", "at the meeting", "during the session", "at Tuesday's session"
    for c in state.cands:
        _context_preps(state, c)
        if c.role == "event" and not _verbal(c):
            _participants(state, c)
        if getattr(c, "date_head", None) is not None and c.time is None:
            # "since 2019, when they met in Osaka": the date the clause hangs on
            tv, span = ctx.timexes[c.date_head]
            if tv.granularity in ("lower-bound", "upper-bound"):
                from kg.extract.timex import normalize

                words = [x.text for x in span if x.lower_ not in state.ctx.cue["time_prep_dropped"]]
                tv2 = normalize(" ".join(words), ctx.pub) if words else None
                tv = TimeValue(tv2.text, tv2.timex, tv2.earliest, tv2.latest, tv2.granularity, tv.mention) if tv2 else None
            if tv is not None and tv.granularity not in ("duration", "ref"):
                c.time = tv
    _when_clauses(state)
    _the_same_place(state)
    _context_place(state)
    _days_apart(state)
    _days_from_event(state)
    _started_on(state)
    _days_of(state)
    _nth_day(state)
    _durations(state)
    # "signed a truce on Saturday after two weeks of talks": the talks end by Saturday
    for c in state.cands:
        rel = getattr(c, "temporal_rel", None)
        if rel is None or c.time is not None:
            continue
        word, g = rel
        for tv, span in state.timexes:
            root = span.root
            if root.head.i != root.i and _climb(root, set()).i == g.i and tv.granularity == "day":
                if word in ("after", "following") and tv.latest:
                    c.latest = tv.latest
                    if _hours_long(state, c):
                        c.earliest = tv.latest  # "came on Saturday after 12-hour talks": talks of that day
                    elif days := _days_long(state, c):
                        # "after ten days of talks, agreed on Wednesday": the ten days up to it
                        c.earliest = tv.latest - timedelta(days=days - 1)
                elif word in state.ctx.cue["upper_bound_word"] and tv.earliest:
                    c.earliest = tv.earliest


def _noun_clauses(state, t):
    """The words hanging on the event noun ``t``, with the clauses the parser hangs on
    the place told with it: in "the negotiations in Nairobi, which ended on Saturday"
    the clause is the negotiations', not the city's (a relative clause of a place
    named after the event noun, whose verb the anchors rules then read); and in "after
    three days of talks that ended on Thursday", the talks', not the days'."""
    yield from t.children
    if t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(t.head.head) in ("day", "week"):
        yield from (k for k in t.head.head.children if k.dep_ == "relcl" and k.i > t.i)
    for p in t.children:
        if p.dep_ == "prep" and p.lower_ in state.ctx.cue["place_prep"]:
            for o in p.children:
                if o.dep_ == "pobj" and o.i in state.ctx.tok_place:
                    yield from (k for k in o.children if k.dep_ == "relcl")


def _own_subject(v) -> bool:
    """The joined clause of ``v`` has a subject of its own named by a noun ("talks broke
    down over the weekend, and a strike began this morning"): it tells of that thing,
    not of the event of the clause it is joined to ("... and they resumed on Monday")."""
    return any(k.dep_ in ("nsubj", "nsubjpass") and k.pos_ in ("NOUN", "PROPN") for k in v.children)


def _telling_own_clause(state, c: Cand, at) -> bool:
    """``at`` is a clause of the event noun of ``c`` that tells of the event taking
    place (its verb in the row ``occurred``: "talks that begin on Thursday", "the
    meeting, held on Monday"), while the verb the noun hangs on tells of something
    else ("arrived in Geneva on Sunday for talks that begin on Thursday")."""
    if _verbal(c) or not _own_clause(c, at) or _lemma(at) not in state.ctx.cue["occurred"]:
        return False
    g = _gov(c.trig)
    cue = state.ctx.cue
    return g is None or _lemma(g) not in cue["occurred"] | cue["planned"] | cue["span_verb"] | cue["opening_verb"]


def _called_off_on(state, c: Cand, at, prep) -> bool:
    """The day placed on ``at`` (bare or after "on") is the day someone called off or put
    off the event ``c`` (row ``called_off_verb``, or a verb and particle of row
    ``status_dropping_phrasal``: "the talks were postponed on Tuesday", "the meeting was
    called off on Monday"), not the event's own; a new date after "until" or "to", and a
    day the event was set for ("the meeting set for Friday"), are still the event's."""
    if at.i == c.trig.i or not _is_verb(at) or prep is not None and prep.lower_ != "on":
        return False
    return _lemma(at) in state.ctx.cue["called_off_verb"] or _phrasal(at, "status_dropping_phrasal", ("prt",))


def _when_clauses(state):
    """An event told in a clause of the same time (cue ``same_time_mark``: "when", "as",
    "while") that gives it no date of its own takes the day of what the clause hangs on:
    "the strike ended on Thursday, when the two sides held talks", "on Thursday, when the
    envoys met", "fighting flared on Sunday as negotiators met in Nairobi": the talks were
    that day. A clause in a perfect tense ("as the talks had stalled") tells an earlier time."""
    marks = state.ctx.cue["same_time_mark"]
    for c in state.cands:
        if c.role != "event" or c.time is not None or c.earliest is not None or c.latest is not None:
            continue
        g = c.trig if _verbal(c) else _gov(c.trig)
        if g is None or g.dep_ not in ("advcl", "relcl") or _future(g) or _perfect(g) or not any(
                x.lower_ in marks and x.dep_ in ("advmod", "mark") for x in g.children):
            continue
        for tv, span in state.timexes:
            root = span.root
            if tv.granularity != "day" or root.head.i == root.i:
                continue
            if g.dep_ == "relcl" and span.start <= g.head.i < span.end or \
                    g.dep_ == "advcl" and _climb(root, set()).i == g.head.i:
                c.time = tv
                break


def _days_apart(state):
    """An event noun told some days before or after what a verb tells on a day: "the
    release was carried out on Wednesday, two days after talks in Doha" (talks on
    Monday), "signed the accord on Friday, a day after talks in Geneva" (Thursday)."""
    words = _ordinals()
    for c in state.cands:
        t = c.trig
        if c.role != "event" or _verbal(c) or c.time is not None or t.dep_ != "pobj" \
                or t.head.lower_ not in ("after", "before"):
            continue
        p = t.head
        units = [x for x in p.children if x.dep_ == "npadvmod"] or ([p.head] if p.head.dep_ == "npadvmod" else [])
        if len(units) != 1 or _lemma(units[0]) != "day":
            continue
        unit = units[0]
        n = next((int(x.text) if x.text.isdigit() else words.get(x.lower_, (None, False))[0] for x in unit.children
                  if x.dep_ == "nummod"), None)
        if n is None and any(x.dep_ == "det" and x.lower_ in ("a", "an", "one") for x in unit.children):
            n = 1
        v = _climb(p, set())
        if not n or not 0 < n <= 31 or not _is_verb(v):
            continue
        for tv, span in state.timexes:
            root = span.root
            if tv.granularity != "day" or not tv.earliest or root.head.i == root.i or _climb(root, set()).i != v.i \
                    or span.start <= t.i < span.end or any(x.i == t.i for x in root.ancestors):
                continue
            day = tv.earliest - timedelta(days=n) if p.lower_ == "after" else tv.earliest + timedelta(days=n)
            c.time = TimeValue(tv.text, day.isoformat(), day, day, "day", tv.mention)
            break


def _first_time(state, k) -> bool:
    """The clause tells of the first or the original time, not of the event told
    ("trade talks, first held in 2017, resumed last week"; "a summit, originally
    planned for May"): an adverb of the row first_time_adverb on its verb."""
    return any(x.dep_ == "advmod" and x.lower_ in state.ctx.cue["first_time_adverb"] for x in k.children)


def _of_a_party(state, root) -> bool:
    """The place tells where a party of the event is from, not where the event is:
    its preposition hangs on a noun of the clause's subject that names no event
    ("militias in western Sudan held talks in Nairobi", "officials in Quito welcomed
    the summit"), and not within an event noun's own phrase ("a meeting between the
    ministers of X and Y in Z" is in Z)."""
    if root.dep_ != "pobj":
        return False
    h = root.head.head
    if h.pos_ not in ("NOUN", "PROPN") or h.i in state.trig_tokens or h.i in state.ctx.tok_place:
        return False
    cur = h
    for _ in range(6):
        if cur.i in state.trig_tokens:  # within an event noun's own phrase: "a meeting between X and Y in Z"
            return False
        if cur.dep_ in ("nsubj", "nsubjpass"):
            return True
        if cur.dep_ not in ("conj", "pobj", "prep", "appos", "compound") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _party_modifier(state, span) -> bool:
    """A place before an event noun that names its parties, not its venue: a pair
    joined by a hyphen ("the Peru-Chile session") or a country by its own name
    ("the Iran nuclear talks"); "the Geneva talks" keeps its venue."""
    doc = state.doc
    if span.start > 0 and doc[span.start - 1].text in ("-", "\u2013") or \
            span.end < len(doc) and doc[span.end].text in ("-", "\u2013"):
        return True
    a = state.ctx.actor_of(span.root)
    return bool(a) and a[1] == "Country" and a[0].lower() == span.text.lower().removeprefix("the ")


def _names_a_thing(state, root) -> bool:
    """The date is a modifier of a noun that names no event ("a midnight
    breakthrough", "the Friday deadline", "the 1991-1994 war"): it tells of that
    thing, not of the verb above it."""
    while root.head.i in state.ctx.tok_timex and root.head.i != root.i:
        root = root.head  # "the 1991-1994 war": the range as a whole
    h = root.head
    return (root.dep_ in ("compound", "amod", "nmod", "nummod") and h.pos_ == "NOUN"  # not "Yesterday Kyiv said"
            and h.i not in state.trig_tokens and h.i not in state.ctx.tok_timex)


def _topic_host(state, t, anchors_of):
    """The event noun whose topic ``t`` is (or the verb it hangs on), when ``t``
    names a thing that is no event of its own: a date the parser hangs on the
    topic ("resumed negotiations on a peace treaty on Thursday") is the talks'
    date. None otherwise.

    >>> from datetime import date
    >>> from kg.records import Document
    >>> from kg.extract import extract_many
    >>> text = "The two sides resumed negotiations on a peace treaty on Thursday."
    >>> d = Document("d", "d.txt", text, "0", published=date(2025, 6, 3))
    >>> [(e.kind, str(e.time.earliest)) for e in next(extract_many([d])).events]
    [('NegotiationRound', '2025-05-29')]
    """
    if t.dep_ != "pobj" or t.head.lower_ not in state.ctx.cue["topic"]:
        return None
    host = t.head.head
    if host.i not in anchors_of or host.i not in state.trig_tokens:
        return None
    # the verb the talks hang on, where the date would have hung: "began talks on X on Sunday"
    return host.head if host.head.i in anchors_of and _is_verb(host.head) else host


def _topic_of_proposal(state, t) -> bool:
    """The event noun ``t`` is what a proposal noun is about ("a memorandum on a
    ceasefire", "an offer of talks"): the verb above is the proposal's."""
    if t.dep_ != "pobj" or t.head.dep_ != "prep":
        return False
    n = t.head.head
    span = state.ctx.trig_at.get(n.i)
    return span is not None and _entries().get(span.kb_id_, {}).get("role") == "proposal_noun"


def _party_clauses(state, t):
    """Clauses the parse hung on the parties of the event noun ``t`` that tell of the
    event ("the talks between X and Y, which ended on Thursday"): a party cannot take
    place or end, so the clause is the event's."""
    out = []
    for p in t.children:
        if p.dep_ != "prep" or p.lower_ not in state.ctx.cue["parties_prep"]:
            continue
        names = [x for x in p.children if x.dep_ == "pobj"]
        names += [y for x in names for y in x.conjuncts]
        for n in names:
            if state.ctx.actor_of(n) is None and n.pos_ != "PROPN":
                continue  # a name of a party, not a thing that could end
            out += [k for k in n.children if k.dep_ == "relcl" and _is_verb(k) and (
                _lemma(k) in state.ctx.cue["occurred"] | state.ctx.cue["planned"] or _lemma(k) == "occur")]
    return out


def _participants(state, c: Cand):
    """Who takes part in a noun event ("X and Y held talks", "talks between X and Y");
    talks between leaders only are a summit, between other named people a meeting."""
    t = c.trig
    g = _gov(t)
    toks = []
    if g is not None and t.dep_ in ("dobj", "attr") and _lemma(g) in state.ctx.cue["participants_holding_verb"]:
        toks += [x for k in g.children if k.dep_ in ("nsubj", "nsubjpass") for x in k.subtree]
    if t.dep_ in ("nsubj", "nsubjpass") and g is not None and _lemma(g) in ("take", "begin", "open", "resume", "end", "conclude", "continue"):
        pass
    toks += [x for k in t.children if k.dep_ == "prep" and k.lower_ in ("between", "with") for x in k.subtree]
    toks += _invitees(state, t, g)
    principals = _principals(state, toks)  # "X, Trump's envoy, held a meeting with Y": not Trump
    for a in state.ctx.actors_in(toks):
        if a not in c.actors and a not in principals:
            c.actors.append(a)
    if c.kind != "NegotiationRound" or c.round is not None or c.ref in ("def", "such", "anaphor"):
        return
    if any(_lemma(x) in state.ctx.cue["delegation"] for x in toks):
        return
    persons = state.ctx.actors_in(toks, ("Person",))
    if len(persons) >= 2 and _lemma(t) in state.ctx.cue["participants_talk_noun"]:
        leaders = [state.ctx.is_leader(p) for p in persons]
        c.kind = "Summit" if all(leaders) else "Meeting"


def _invitees(state, t, g) -> list:
    """The words of those invited or urged to the event noun ``t`` (governed by ``g``), who
    take part in it: the object of a verb of inviting to it ("invited Putin and Zelensky
    to talks in Istanbul", row inviting_verb) or of asking them to hold it ("urged Israel
    and Hamas to hold talks in Doha", row request_verb).

    >>> import spacy
    >>> doc = spacy.blank("en")("Oslo invited Lima and Quito to talks")
    >>> for i, (head, dep) in enumerate([(1, "nsubj"), (1, "ROOT"), (1, "dobj"), (2, "cc"), (2, "conj"),
    ...                                  (1, "prep"), (5, "pobj")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> doc[1].lemma_ = "invite"
    >>> class _S:
    ...     class ctx:
    ...         cue = {"inviting_verb": frozenset({"invite"}), "request_verb": frozenset({"urge"}),
    ...                "participants_holding_verb": frozenset({"hold"})}
    >>> [x.text for x in _invitees(_S, doc[6], doc[1])]
    ['Lima', 'and', 'Quito']
    """
    cue = state.ctx.cue
    if g is None:
        return []
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.i == g.i and _lemma(g) in cue["inviting_verb"]:
        v = g  # "invited X and Y to talks"
    elif t.dep_ == "dobj" and g.dep_ == "xcomp" and _lemma(g) in cue["participants_holding_verb"] \
            and _lemma(g.head) in cue["request_verb"] and not any(k.dep_ == "nsubj" for k in g.children):
        v = g.head  # "urged X and Y to hold talks"
    else:
        return []
    return [x for k in v.children if k.dep_ == "dobj" for x in k.subtree]


def _temporal_pp(state, t):
    """'after/before/since <t>': the preposition, if t sits in such a phrase."""
    cur = t
    for _ in range(4):
        if cur.head.i == cur.i or _is_verb(cur.head):
            break
        if cur.dep_ == "pobj" and cur.head.lower_ in state.ctx.cue["relative_time_prep"]:
            return cur.head.lower_
        cur = cur.head
    if cur.dep_ == "pobj" and cur.head.lower_ in state.ctx.cue["relative_time_prep"]:
        return cur.head.lower_
    return None


def _context_preps(state, c: Cand):
    """'at the table', 'during the session', 'after the talks', 'afterwards', 'before X'."""
    heads = [state.doc[a] for a in c.anchors]
    for h in heads:
        kids = list(h.children)
        kids += [g for k in h.children if k.dep_ in ("oprd", "acomp") for g in k.children]
        if c.role in ("proposal", "speech") and _is_verb(h):
            # "the Ukrainian side at the talks handed over a list": where the subject was
            kids += [g for k in h.children if k.dep_ == "nsubj" for g in k.children
                     if g.dep_ == "prep" and g.lower_ in ("at", "during")]
        for k in kids:
            if k.dep_ == "prep" and k.lower_ in state.ctx.cue["context_prep"]:
                for p in k.children:
                    if p.dep_ not in ("pobj", "pcomp"):
                        continue
                    met = [o for x in p.children if x.dep_ == "prep" and x.lower_ == "of" for o in x.children
                           if o.dep_ == "pobj" and o.i in state.trig_tokens
                           and _entries()[state.ctx.trig_at[o.i].kb_id_]["class"] in MEETING_FAMILY]
                    if _lemma(p) in state.ctx.cue["sideline_noun"] and k.lower_ in ("at", "on") and met:
                        c.ctx_tok, c.ctx_word = met[0], "at"  # "on the sidelines of the talks": at them
                    elif _lemma(p) in state.ctx.cue["sideline_noun"] and k.lower_ == "at":
                        c.ctx_word = "table"
                    elif p.i in state.trig_tokens and _entries()[state.ctx.trig_at[p.i].kb_id_]["class"] in MEETING_FAMILY:
                        c.ctx_tok = p
                        c.ctx_word = {"following": "after"}.get(k.lower_, k.lower_)
                    elif k.lower_ in state.ctx.cue["context_order_prep"] and p.pos_ == "VERB":
                        c.ctx_word = k.lower_ + "_clause"
                        c.ctx_clause = p
            if k.dep_ == "advmod" and k.lower_ in state.ctx.cue["afterwards_adverb"] and not any(
                x.i in state.ctx.tok_timex for x in k.subtree
            ):
                c.ctx_word = "afterwards"
            if k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in state.ctx.cue["context_clause_mark"]
                                         for m in k.children):
                mark = [m.lower_ for m in k.children if m.dep_ == "mark"][0]
                c.ctx_word = {"once": "after"}.get(mark, mark) + "_clause"  # "once the talks were over"
                c.ctx_clause = k
            if k.dep_ == "advcl" and k.tag_ == "VBG" and any(_lemma(x) in ("speak", "write") for x in [k]):
                for kk in k.children:
                    if kk.dep_ == "advmod" and kk.lower_ in ("afterwards", "afterward"):
                        c.ctx_word = "afterwards"
                    if kk.dep_ == "prep" and kk.lower_ in ("after", "following"):
                        for p in kk.children:
                            if p.i in state.trig_tokens:
                                c.ctx_tok = p
                                c.ctx_word = "after"
        if h.dep_ == "advcl" and h.tag_ == "VBG":
            pass
    # "greeted the two delegations": the delegations are at the meeting in focus
    if c.role == "speech":
        for h in heads:
            if any(k.dep_ == "dobj" and _lemma(k) == "delegation" for k in h.children):
                c.delegations = True
                if not hasattr(c, "ctx_word"):
                    c.ctx_word = "delegations"
