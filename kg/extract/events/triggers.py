"""Triggers: candidate events from the trigger words the ``kg_triggers``
component marked (event nouns, event verbs, signings).

Each function looks at one trigger token and appends :class:`Cand` records to
``state.cands``; speech and proposal triggers are handled by
:mod:`kg.extract.events.statements` and :mod:`kg.extract.events.proposals`.
"""

from __future__ import annotations

import re

from kg.extract.events.anchored import _when_clause_date
from kg.extract.events.lexicon import MEETING_FAMILY, _entries, _ordinals
from kg.extract.events.ranks import (
    _TENS, _all_leaders, _delegation_meets_person, _first_in_a_while, _leader_by_rank, _leader_visits, _leaders,
    _leaders_met_with, _officials, _one_body_meets, _ordinal, _principals, _pronoun_person,
)
from kg.extract.events.senses import (
    discussion_persons, joined_to, no_event_noun, no_event_verb, released_people, talks_told,
)
from kg.extract.events.state import Cand
from kg.extract.events.syntax import (
    _be_to_inf, _first_conjunct, _future, _gov, _has_to, _hypothetical, _is_verb, _lemma, _negated, _sent,
)


def _note_subject(state, t, last_subject):
    a = state.ctx.actor_of(t)
    if a and t.dep_ in ("nsubj", "nsubjpass") and a[1] in ("Country", "Organization"):
        last_subject.append(a)
    elif a and t.dep_ in ("nsubj",) and a[1] == "Person":
        last_subject.append(a)


def _skip_noun(state, t) -> bool:
    low = {c.lower_ for c in t.children}
    dets = [c for c in t.children if c.dep_ in ("det", "poss", "nummod", "amod", "compound")
            or c.dep_ == "nmod" and any(k.dep_ == "case" for k in c.children)]  # "X’s talks", parsed nmod
    cue = state.ctx.cue
    # "in exchange for"
    if t.lower_ == "exchange" and t.head.lower_ == "in" and any(c.lower_ == "for" for c in t.children):
        # "free 40 hostages in exchange for 300 prisoners": the swap itself, unless a
        # release verb already makes it an event
        v = t.head.head
        people = any(_lemma(x) in cue["prisoner"] for c in t.children if c.lower_ == "for" for x in c.subtree)
        return not people or v.i in state.trig_tokens or any(
            x.i in state.trig_tokens and _lemma(x) in cue["release_lemma"]
            for x in state.doc[max(v.left_edge.i, t.i - 8):t.i])
    # "an exchange of written proposals / of fire / of views": not of people
    if _lemma(t) in ("exchange", "swap") and t.pos_ == "NOUN":
        of = [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
              and _lemma(p) not in cue["exchange_scope_noun"]]  # ("the largest swap of the war": its time)
        if of and not any(_lemma(p) in cue["prisoner"] or _lemma(p) in cue["remains"] or p.like_num
                          or any(x.like_num for x in p.children) for p in of):
            return True
        # "cultural exchanges", "political, economic and defense exchanges": of a domain, not of people
        if not of and any(c.dep_ in ("amod", "compound") and c.lower_ in cue["domain_exchange_modifier"]
                          for c in t.children):
            return True
    # negation: "no ceasefire", "not with a truce", "short of a ceasefire", "rather than"
    if "no" in low:
        return True
    prev = state.doc[max(t.i - 4, _sent(t).start):t.i]
    words = {p.lower_ for p in prev}
    if {"without", "than"} & words or "short of" in prev.text.lower() or (
        "not" in words and "with" in words
    ):
        return True
    if t.dep_ == "pobj" and t.head.lower_ in ("without", "than"):
        return True
    # "the pace of negotiations", "the process": generic containers
    # "a mechanism for negotiations", "a framework for talks": a container, not an event
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and _lemma(t.head.head) in cue["generic"] | (
            cue["container_noun"] if t.head.lower_ == "for" else frozenset()):
        return True
    # "the exchange process", "a ceasefire mechanism", "the ceasefire monitoring mechanism": a
    # container, not an event (the head at the end of a chain of compounds)
    head = t
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    if head is not t and _lemma(head) in cue["generic"] | cue["container_noun"]:
        return True
    for x in state.doc[t.i + 1:min(t.i + 3, _sent(t).end)]:  # the same run parsed as "a ceasefire monitoring (a) mechanism"
        if x.tag_ not in ("NN", "NNS", "VBG") or x.i in state.trig_tokens:
            break
        if _lemma(x) in cue["container_noun"] and x.head.i in (t.i, x.i - 1):
            return True
    # "the path of negotiations": a way towards talks; "the chief negotiator in talks with X": a role
    if t.dep_ == "pobj" and t.head.lower_ in ("of", "to") and _lemma(t.head.head) in cue["route_noun"] \
            and t.head.head.pos_ == "NOUN" and not _has_time_or_place(state, t):
        return True
    if t.dep_ == "pobj" and t.head.lower_ == "in" and _lemma(t.head.head) in cue["delegation"] \
            and t.head.head.tag_ == "NN" and not any(x.i in state.ctx.tok_timex for x in t.subtree) \
            and not any(k.dep_ == "prep" and k.lower_ in ("in", "at", "on") for k in t.children):
        return True
    # "discussed the issue of a ceasefire": a topic, not an event
    if t.dep_ == "pobj" and t.head.lower_ == "of" and _lemma(t.head.head) in cue["topic_container_noun"]:
        return True
    # "ceasefire talks", "prisoner-exchange negotiations": the topic of talks, not an event
    if t.dep_ == "compound" and _lemma(t.head) in cue["topic_head_noun"]:
        if _lemma(t.head) not in cue["deal_head_noun"]:
            return True
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None  # "Ceasefire talks resumed", "talks" read as a verb
    if nxt is not None and nxt.lower_ in cue["talks_noun_form"] and t.dep_ == "nsubj" and t.head.i in (nxt.i, nxt.head.i):
        return True
    # topics of talks: "discussions concerning the exchange of prisoners", "negotiations on a truce"
    # (and one joined to a topic: "talks on a truce and the exchange of prisoners")
    top = joined_to(t)
    if top.dep_ == "pobj" and top.head.lower_ in cue["topic_prep"] and not _someones_meeting(state, t):
        return True
    if top.dep_ == "pobj" and top.head.lower_ in ("on",) and any(  # (or "two days of talks on a truce")
            x.lower_ in cue["talks_noun_form"] for x in [top.head.head] + [p for k in top.head.head.children
                                                                         if k.dep_ == "prep" and k.lower_ == "of"
                                                                         for p in k.children]):
        return True
    # generic plurals: "exchanges made while...", "Swaps of this kind"
    if t.tag_ in ("NNS", "NNPS", "VBZ") and not dets and not _has_time_or_place(state, t):
        between = any(c.dep_ == "prep" and c.lower_ in ("between", "with") and state.ctx.actors_in(c.subtree)
                      for c in t.children)  # "talks between Kigali and Kinshasa have stalled"
        if not any(c.dep_ in ("amod",) for c in t.children) and not between and not _proposed_thing(state, t) \
                and not talks_told(state, t):
            # ("talks with the union had resumed", "X and Y agreed to resume talks": talks told)
            return True
    if any(c.lower_ == "kind" for c in t.subtree if c.i > t.i):
        return True
    # "it was a good meeting", "this was a productive round": a verdict on the event in
    # focus, not another one
    if t.dep_ == "attr" and _lemma(t.head) == "be" and not _has_time_or_place(state, t) and any(
            c.dep_ == "nsubj" and c.lower_ in cue["pronoun_subject"] for c in t.head.children):
        return True
    return False


def _someones_meeting(state, t) -> bool:
    """A meeting of someone's with someone named, or in a place ("informed about his meeting
    with his counterpart, X, in Y"): an event told, though it is what someone speaks about."""
    span = state.ctx.trig_at.get(t.i)
    if span is None or _entries().get(span.kb_id_, {}).get("class") not in MEETING_FAMILY:
        return False
    if not any(k.dep_ == "poss" for k in t.children):
        return False
    withs = [x for k in t.children if k.dep_ == "prep" and k.lower_ == "with" for x in k.subtree]
    return bool(state.ctx.actors_in(withs)) or any(x.i in state.ctx.tok_place for x in t.subtree)


def _proposed_thing(state, t) -> bool:
    """The bare plural ``t`` names what a word of proposing proposes: "offered talks",
    "a demand for talks", "urged them to resume talks", "called for talks"; or what a
    side named as the subject is open to (row ``willing_word``: "Putin was open to talks",
    "Kyiv is ready for negotiations")."""
    adj = t.head.head if t.dep_ == "pobj" and t.head.lower_ in ("to", "for") else None
    if adj is not None and adj.lower_ in state.ctx.cue["willing_word"] and adj.dep_ == "acomp" and \
            state.ctx.actors_in([x for k in adj.head.children if k.dep_ == "nsubj" for x in k.subtree]):
        return True
    cur = t
    for _ in range(4):
        if cur.dep_ not in state.ctx.cue["proposal_governor_dep"] or cur.head.i == cur.i:
            return False
        cur = cur.head
        span = state.ctx.trig_at.get(cur.i)
        if span is not None and _entries().get(span.kb_id_, {}).get("role") in ("propose", "proposal_noun"):
            return True
    return False


def _leader_visit(state, t) -> bool:
    """A visit or trip that is a summit: a state visit, or a leader's ("President X's trip
    to Y", "the Chilean president's visit to Lima"), to a place or at a time."""
    cue = state.ctx.cue
    g = _gov(t)
    if g is not None and _lemma(g) in cue["inviting_verb"] and any(  # "invited the Chilean president for a visit"
            k.dep_ == "dobj" and (_lemma(k) in cue["leader_rank_noun"] - {"counterpart"} or any(
                state.ctx.is_leader(p) for p in state.ctx.actors_in([k], ("Person",)))) for k in g.children):
        return True
    if not any(c.dep_ == "prep" and c.lower_ in ("to", "in") for c in t.children) \
            and not _has_time_or_place(state, t):
        return False
    if any(c.dep_ in ("amod", "compound") and c.lower_ == "state" for c in t.children):
        return True
    whose = _visitors(state, t)
    for c in whose:  # "President X's trip", "the visit of President X"
        persons = state.ctx.actors_in(c.subtree, ("Person",))
        if persons and all(state.ctx.is_leader(p) for p in persons):
            return True
        if not persons and _lemma(c) != "counterpart" and _leader_by_rank(cue, c):
            return True  # "the Chilean president's visit", "the prime minister made a trip to X"
    return False


def _trip_for(state, v):
    """The verb of travel whose purpose the infinitive ``v`` tells ("travelled to Lima on
    Monday to negotiate", "will visit Bogota next week in order to negotiate", "are due to
    visit Detroit, hoping to negotiate"; rows ``travel_verb`` and ``trip_purpose_head``),
    else None."""
    cue = state.ctx.cue
    if not _has_to(v) or v.head.i == v.i:
        return None
    h = v.head
    if v.dep_ == "acl" and h.lower_ == "order" and h.head.lower_ == "in":
        h = h.head.head  # "in order to negotiate"
    elif v.dep_ == "xcomp" and h.lower_ in cue["trip_purpose_head"] and h.tag_ == "VBG" and h.head.i != h.i:
        h = h.head  # ", hoping to negotiate"
        below = [k for k in h.children if k.dep_ in ("acomp", "xcomp")]
        below += [x for k in below for x in k.children if x.dep_ == "xcomp"]
        h = next((k for k in [h] + below if _is_verb(k) and _lemma(k) in cue["travel_verb"]), h)
    if not _is_verb(h) or _lemma(h) not in cue["travel_verb"] or _negated(h) or _hypothetical(h):
        return None
    return h


def _by_the_trip(state, c, trip) -> None:
    """Talks that a trip is made for are told by the trip: its day and place, and its tense
    for their status ("flew to Doha on Tuesday to negotiate": Occurred; "will visit Bogota
    next week in order to negotiate", "are due to visit Detroit": Planned). A trip in the
    present, in the present perfect or wished for ("hopes to travel") leaves the status to
    the status stage."""
    cue = state.ctx.cue
    c.anchors.add(trip.i)
    v = trip
    for _ in range(3):  # those who travel take part: "teams from the EU and Australia travelled to Osaka"
        subj = [x for k in v.children if k.dep_ == "nsubj" for x in k.subtree]
        if subj or v.dep_ not in ("xcomp", "acomp") or v.head.i == v.i:
            break
        v = v.head
    for a in state.ctx.actors_in(subj):
        if a not in c.actors:
            c.actors.append(a)
    if c.place is None and _lemma(trip) == "visit":  # "will visit Bogota": the place visited
        hits = [state.ctx.tok_place[o.i] for o in trip.children if o.dep_ == "dobj" and o.i in state.ctx.tok_place]
        if hits:
            c.place, c.place_rank = hits[0][0].text, hits[0][1]
    if _future(trip) or trip.dep_ == "xcomp" and _has_to(trip) and (
            _lemma(trip.head) in cue["status_planned_head"] or trip.head.lower_ in cue["status_planned_adjective"]
            or _lemma(trip.head) == "be" and trip.head.tag_ in ("VBZ", "VBP", "VBD")):
        c.status, c.strong = "Planned", True
    elif trip.tag_ == "VBD":  # (not "have returned to Jeddah to resume talks": under way now, or not yet)
        c.status, c.strong = "Occurred", True


def _visitors(state, t) -> list:
    """Whose the visit or trip ``t`` is: its possessor ("President X's trip"), the
    object of its "of" or "by" ("the visit of President X", "a visit by the envoy"),
    and the subject of a verb that makes it (row ``visit_making_verb``: "President X
    paid a visit to Y", "the envoy made a trip to Z")."""
    whose = [c for c in t.children if c.dep_ == "poss"] + [
        p for k in t.children if k.dep_ == "prep" and k.lower_ in ("of", "by") for p in k.children
        if p.dep_ == "pobj"]
    if t.dep_ == "dobj" and _lemma(t.head) in state.ctx.cue["visit_making_verb"]:
        whose += [k for k in t.head.children if k.dep_ == "nsubj"]
    return whose


def _envoy_visit(state, t) -> bool:
    """The visit or trip ``t`` to a place, or at a time, is an envoy's, a negotiator's or
    a delegation's (row ``envoy_visitor``, by the noun or a person's title): "the envoy's
    visit to Doha on Monday", "the visit of the UN mediator to Aden next week"."""
    if not any(c.dep_ == "prep" and c.lower_ == "to" for c in t.children) or not _visit_dated(state, t):
        return False
    if any(c.dep_ in ("amod", "nummod") and c.lower_ in _ordinals() for c in t.children):
        return False  # "her first trip to Kabul since 2021": a journey counted, not a sitting
    words = state.ctx.cue["envoy_visitor"]
    whose = _visitors(state, t)
    for c in whose:
        if _lemma(c) in words:
            return True
        for p in state.ctx.actors_in(c.subtree, ("Person",)):
            if set(state.ctx.titles.get(p, "").lower().split()) & words:
                return True
    return False


def _visit_dated(state, t) -> bool:
    """The visit ``t`` has a time of its own: a date in its phrase ("the visit to Doha on
    Monday", "next week's trip"), not in a phrase of another time ("since August 2021"),
    or a date of the verb it is the subject or object of ("the visit ... ended on Monday")."""
    own = [x for c in t.children if not (c.dep_ == "prep" and c.lower_ in ("since", "before", "after", "until"))
           for x in c.subtree]
    g = _gov(t)
    if g is not None and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
        own += [x for c in g.children if c.dep_ in ("prep", "npadvmod") and c.lower_ not in ("since", "before", "after")
                for x in c.subtree]
    return any(x.i in state.ctx.tok_timex for x in own)


def _has_time_or_place(state, t) -> bool:
    for c in t.subtree:
        if c.i in state.ctx.tok_timex or c.i in state.ctx.tok_place:
            return True
    g = _gov(t)
    if g is not None:
        verbs = [g] + [k for k in g.children if k.dep_ in ("xcomp", "conj") and _is_verb(k)]
        for v in verbs:
            for c in v.children:
                if c.dep_ in ("prep", "npadvmod") and any(
                    x.i in state.ctx.tok_timex or x.i in state.ctx.tok_place for x in c.subtree
                ):
                    return True
    return False


def _event_noun(state, t, entry):
    if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
        return
    if _skip_noun(state, t) or no_event_noun(state, t):
        return
    kind = entry["class"]
    envoy = _lemma(t) in state.ctx.cue["visit_noun"] and not _leader_visit(state, t)
    if envoy:
        if not _envoy_visit(state, t):
            return
        kind = "NegotiationRound"  # "the envoy's visit to Doha": talks there
    c = Cand(kind, "event", t)
    if envoy:  # the place it goes to
        for k in t.children:
            hits = [state.ctx.tok_place[p.i] for p in k.children if k.dep_ == "prep" and k.lower_ == "to"
                    and p.dep_ == "pobj" and p.i in state.ctx.tok_place]
            if hits:
                c.place, c.place_rank = hits[0][0].text, hits[0][1]
    c.nominal = True
    c.anchors = {t.i}
    g = _gov(t)
    if g is not None and _hypothetical(g) and not any(d.lower_ in state.ctx.cue["definite_det"] for d in t.children):
        return
    if g is not None and _lemma(g) in ("end",) and _has_to(g):
        return
    if kind == "RepatriationOfRemains" and not any(
        _lemma(x) in state.ctx.cue["remains"] for x in t.subtree
    ):
        return
    if kind == "PrisonerExchange" and entry["id"] == "release" and not released_people(state, t):
        return
    if kind == "NegotiationRound" and g is not None and _is_verb(g) and t.dep_ == "dobj" and t.head.i == g.i and not any(
            k.dep_ in ("det", "poss") and k.lower_ not in ("a", "an") for k in t.children) \
            and (trip := _trip_for(state, g)) is not None:
        # "arrived in Kabul on Tuesday to hold talks"; not "to rejoin the talks", nor "to get ready for talks"
        _by_the_trip(state, c, trip)
    if t.dep_ in ("nsubj", "nsubjpass", "dobj") and (k := _when_clause_date(state, t.head)) is not None:
        c.date_head = k  # "since April, when the sides began their first talks"
    _ref_and_round(state, c)
    _leaders(state, c)
    if kind in MEETING_FAMILY and t.dep_ == "pobj" and t.head.lower_ in state.ctx.cue["meeting_prep"] and c.ref == "indef" \
            and _lemma(t.head.head) not in state.ctx.cue["attempt_noun"]:
        c.ref, c.context = "def", True  # "..., in a session that lasted an hour, agreed on ..."
    state.cands.append(c)


def _ref_and_round(state, c: Cand):
    t = c.trig
    cue = state.ctx.cue
    ords = _ordinals()
    kids = list(t.children)
    words = [k.lower_ for k in kids if k.i < t.i] + [k.lower_ for k in state.doc[max(t.i - 3, _sent(t).start):t.i]]
    for k in kids:
        if k.dep_ == "amod" and k.lower_ in cue["recent_modifier"] and k.i < t.i:
            words.append(k.lower_)
    # ordinal: "second round", "the second Istanbul negotiations"; not "first talks in three years"
    first_in_a_while = _first_in_a_while(state, t)
    if first_in_a_while:
        c.first_since = True
    for k in state.doc[max(t.i - 4, _sent(t).start):t.i]:
        word = k.lower_
        if k.i - 2 >= _sent(t).start and state.doc[k.i - 1].text == "-" and state.doc[k.i - 2].lower_ in _TENS:
            word = state.doc[k.i - 2].lower_ + "-" + word  # "twenty-first", split by the tokenizer
        o = _ordinal(ords, word)
        if o and not o[1] and not (o[0] == 1 and first_in_a_while):
            if c.kind in ("NegotiationRound", "Meeting") and (k.head.i == t.i or k.head.head.i == t.i):
                c.round = o[0]
                if c.kind == "Meeting":
                    c.kind = "NegotiationRound"
    # counts: "two rounds have taken place"
    for k in kids:
        if k.dep_ == "nummod" and k.lower_ in ords and ords[k.lower_][1] and t.tag_ == "NNS":
            c.count = ords[k.lower_][0]
    det = {k.lower_ for k in kids if k.dep_ in ("det", "poss", "predet")}
    poss = [k for k in kids if k.dep_ == "poss"]
    new = set(words) & cue["new"]
    recent = set(words) & cue["recent"]
    if "previous" in words or "preceding" in words or "prior" in words:
        c.ref = "previous"
    elif recent and ("last" in words or "latest" in words or "recent" in words) and (det & {"the"} or "most" in words):
        c.ref = "last"
    elif new:
        c.ref = "new"
    elif "such" in det or any(k.lower_ == "such" for k in kids):
        c.ref = "such"
    elif det & cue["definite_det"] or poss:
        c.ref = "def"
    # quantities distinguish exchanges: "1,200 prisoners", "1,000-for-1,000"
    for x in t.subtree:
        if x.like_num and any(ch.isdigit() for ch in x.text):
            c.quantity = x.text.replace(",", "")
            break
    if c.quantity is None:
        for x in state.doc[max(t.i - 3, _sent(t).start):t.i]:
            if any(ch.isdigit() for ch in x.text):
                c.quantity = re.sub(r"\D", "", x.text)[:6]
                break


def _event_verb(state, t, entry):
    if t.dep_ in ("amod", "compound", "nmod") or t.tag_ == "JJ":
        return
    if _negated(t) or _hypothetical(t) or no_event_verb(state, t):
        return
    kind = entry["class"]
    cue = state.ctx.cue
    objs = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    obj_lemmas = {_lemma(x) for o in objs for x in o.subtree}
    be_to = _be_to_inf(t)
    urged = (span := state.ctx.trig_at.get(t.head.i)) is not None and _entries().get(span.kb_id_, {}).get(
        "role") == "propose"  # "urged both sides to return to the negotiating table": what is proposed
    trip = _trip_for(state, t)
    if _has_to(t) and not be_to and not urged and trip is None and not (
            _lemma(t.head) in cue["planned"] | cue["proposed"] | cue["purpose_verb"] | cue["rejected"]):
        if t.head.dep_ != "xcomp" or _lemma(t.head.head) not in {"agree", "settle"}:
            if not (t.head.pos_ == "NOUN" and _lemma(t.head) in cue["deal_noun"]):
                return
    lem = _lemma(t)
    if lem == "visit" and not _leader_visits(state, t):
        return
    if lem == "meet" and obj_lemmas & cue["met_requirement_noun"]:
        return  # "to meet the rebels' preconditions": fulfilling, not meeting
    if lem in ("receive",) and obj_lemmas & cue["remains"] or kind == "PrisonerExchange" and {
            _lemma(o) for o in objs if o.pos_ == "NOUN"} & cue["remains"]:
        kind = "RepatriationOfRemains"  # "Kyiv received the bodies of 1,000 soldiers", "swapped the remains"
    elif lem in ("receive",) and obj_lemmas & cue["prisoner"] and any(x.like_num for o in objs for x in o.subtree):
        kind = "PrisonerExchange"
    if kind == "RepatriationOfRemains":
        if obj_lemmas & cue["remains"]:
            kind = "RepatriationOfRemains"
        elif obj_lemmas & cue["prisoner"]:
            kind = "PrisonerExchange"
        else:
            return
    if kind == "PrisonerExchange" and lem in cue["exchange_verb"]:
        if objs and not (_prisoners_in(cue, [x for o in objs for x in o.subtree]) or _swapped_for_people(state, t, objs)):
            return
        if not objs and not any(x.like_num for x in _sent(t) if x.head.i == t.i):
            if t.tag_ != "VBN":
                return
    c = Cand(kind, "event", t)
    c.anchors = {t.i}
    if _has_to(t) and t.head.i != t.i and _lemma(t.head) in cue["travel_verb"]:
        c.anchors.add(t.head.i)  # "travel to Washington on Monday to meet": the trip's date
    if trip is not None and kind == "NegotiationRound":
        _by_the_trip(state, c, trip)
    for o in objs:
        for x in o.subtree:
            if x.like_num and any(ch.isdigit() for ch in x.text):
                c.quantity = x.text.replace(",", "")
                break
    subj = [x for x in t.children if x.dep_ in ("nsubj", "nsubjpass", "agent")]
    cur = t
    for _ in range(3):  # "officials are due to meet", "X is expected to travel to Y to meet Z"
        if subj or cur.dep_ not in ("xcomp", "advcl", "acomp") or cur.head.i == cur.i:
            break
        cur = cur.head
        subj = [x for x in cur.children if x.dep_ in ("nsubj", "nsubjpass")]
    subj_tokens = [x for s in subj for x in s.subtree]
    if t.dep_ == "relcl":
        head = _first_conjunct(t.head)  # "X and Y, who met in Havana": both
        subj_tokens += [head] + [x for c in head.conjuncts for x in c.subtree if not t.left_edge.i <= x.i <= t.right_edge.i]
    contact = lem in cue["contact_verb"]
    if contact and not objs and not any(k.dep_ == "prep" and k.lower_ == "with" for k in t.children):
        return  # "phoned", "was contacted": a contact needs the other side
    if kind == "Meeting" and (lem == "meet" or contact or lem in cue["discussion_verb"]):
        persons = state.ctx.actors_in(subj_tokens, ("Person",)) if lem not in cue["discussion_verb"] else \
            discussion_persons(state, t)  # "X discussed the dam with Y"
        if any(x.lower_ in ("he", "she") for x in subj_tokens):  # "he and President X could meet"
            p0 = _pronoun_person(state, t)
            if p0 is not None and p0 not in persons:
                persons.insert(0, p0)
        # "met his counterpart X", "met with President X": the other side
        objects = [x for o in t.children if o.dep_ == "dobj" or o.dep_ == "prep" and o.lower_ == "with"
                   for x in o.subtree]
        persons += [a for a in state.ctx.actors_in(objects, ("Person",)) if a not in persons]
        if len(persons) >= 2 and _all_leaders(state, persons, subj_tokens + objects) or _leaders_met_with(state, t):
            kind = "Summit"
        elif lem == "meet" and any(_leader_by_rank(cue, h) and h.i not in state.ctx.tok_actor for h in subj) and (
                any(_leader_by_rank(cue, o) for o in t.children if o.dep_ == "dobj")
                or persons and all(state.ctx.is_leader(p) for p in persons)):
            kind = "Summit"  # "the Jordanian monarch met the Iraqi president", "the premier met President X"
        elif len(persons) == 1 and state.ctx.is_leader(persons[0]) and any(
                _leader_by_rank(cue, o) for o in t.children if o.dep_ == "dobj"):
            kind = "Summit"  # "President X met the Chilean president / her counterpart"
        elif _delegation_meets_person(state, t, subj_tokens):
            kind = "Meeting"  # "the party's delegation met President X": a meeting, not a round
        elif any(_lemma(x) in cue["delegation"] for x in subj_tokens) and not (
                # "army commanders from both sides are to meet": commanders, not delegations
                subj and all(h.pos_ == "NOUN" and _lemma(h) not in cue["delegation"]
                             and not state.ctx.actor_of(h)
                             for s0 in subj for h in [s0] + [k for k in s0.children if k.dep_ == "conj"])):
            kind = "NegotiationRound"
        elif _one_body_meets(state, t, subj):
            kind = "Meeting"  # "the agency's board of governors meets on Thursday": one body's sitting
        else:
            persons = state.ctx.actors_in(subj_tokens, ("Person",))
            if len(persons) >= 2 and all(state.ctx.is_leader(p) for p in persons):
                kind = "Summit"
            elif not persons and (state.ctx.actors_in(subj_tokens, ("Country",)) or len(
                    state.ctx.actors_in(subj_tokens, ("Country", "Organization"))) >= 2):
                kind = "NegotiationRound"  # "the government and the rebels agreed to meet again"
        c.kind = kind
        c.of_leaders = kind == "Summit"  # leaders who meet: the talks they meet for are their summit
        c.of_persons = kind == "Meeting" and len(persons) >= 2  # persons who meet: a meeting
    if lem in cue["host_verb"] and kind in MEETING_FAMILY:
        if not (obj_lemmas & cue["delegation"] or any(_lemma(x) in cue["delegation"] for x in subj_tokens)):
            hosted = _hosts_leader(state, t, subj_tokens)
            if hosted is None:
                return
            c.kind = hosted
    principals = _principals(state, subj_tokens)  # "Trump's envoy X met ...": the country, not Trump
    c.actors = [a for a in state.ctx.actors_in(subj_tokens) if a not in principals] + [
        state.ctx.affiliation[p] for p in principals if state.ctx.affiliation.get(p)]
    if lem in cue["discussion_verb"]:
        c.actors += [a for a in discussion_persons(state, t) if a not in c.actors]
    if lem == "meet" or contact:
        for o in t.children:
            if o.dep_ == "dobj" or o.dep_ == "prep" and o.lower_ == "with":  # "met (with) his counterpart, X"
                c.actors += [a for a in state.ctx.actors_in(o.subtree) if a not in c.actors]
            if o.dep_ == "prep" and o.lower_ == "for":  # "met for the fourth time"
                for p in o.children:
                    if _lemma(p) == "time":
                        for k in p.children:
                            n = _ordinals().get(k.lower_)
                            if n and not n[1] and not any(x.lower_ in ("since", "in") for x in p.children):
                                c.round = n[0]
                                c.kind = "NegotiationRound" if c.kind == "Meeting" and not state.ctx.actors_in(subj_tokens, ("Person",)) else c.kind
    if (k := _when_clause_date(state, t)) is not None:  # "since 2019, when they met in Osaka"
        c.anchors.add(t.head.i)
        c.date_head = k
    if t.dep_ == "relcl" and _lemma(t.head) in cue["time_noun"]:
        c.anchors.add(t.head.head.i)
    # definite subjects without anything new refer back ("before the delegations sat down"; "the two
    # met by chance and held hour-long talks": how long they talked is no date of another meeting)
    dated = [x for x in t.subtree if x.i in state.ctx.tok_timex
             and state.ctx.timexes[state.ctx.tok_timex[x.i]][0].granularity != "duration"]
    if c.kind in MEETING_FAMILY and lem in cue["meeting_verb"] and any(
        x.lower_ in ("the",) for x in subj_tokens
    ) and not _future(t) and not dated:
        c.ref = "def"
    for k in t.children:
        if k.lower_ == "again":
            c.ref = "new" if _future(t) else c.ref
    state.cands.append(c)
    # "met in Rome on April 19 and went back to Muscat on April 26": a further meeting
    for cj in t.children:
        if cj.dep_ == "conj" and _is_verb(cj) and cj.i not in state.trig_tokens:
            if any(x.i in state.ctx.tok_timex for p in cj.children if p.dep_ == "prep" for x in p.subtree):
                c2 = Cand(c.kind, "event", cj)
                c2.anchors = {cj.i}
                c2.actors = list(c.actors)
                state.cands.append(c2)


def _hosts_leader(state, t, subj_tokens):
    """The class of a meeting of hosting or receiving a leader ("Lima is getting ready to host
    the Chilean president", "the king received President X"), or None when the guest is no
    leader: a summit, unless the host is a person who is not a leader (a meeting)."""
    cue = state.ctx.cue
    guest = False
    for o in t.children:
        if o.dep_ != "dobj":
            continue
        a = state.ctx.actor_of(o)  # the guest is the object itself, not "President X's decision"
        persons = state.ctx.actors_in([o] + [x for k in o.children if k.dep_ in ("conj", "appos") for x in k.subtree],
                                      ("Person",))
        if a and a[1] == "Person":
            guest = all(state.ctx.is_leader(p) for p in persons)
        elif _leader_by_rank(cue, o) or _lemma(o) in cue["leader_group"] and o.i not in state.ctx.tok_actor:
            guest = not any(_lemma(k) in cue["domestic_leader_modifier"] for k in o.subtree if k.i < o.i)
    if not guest:  # a minister received is a meeting ("the premier received the foreign minister")
        return "Meeting" if any(o.dep_ == "dobj" and _officials(state, [o]) for o in t.children) else None
    hosts = state.ctx.actors_in(subj_tokens, ("Person",))
    return "Summit" if all(state.ctx.is_leader(p) for p in hosts) else "Meeting"


def _swapped_for_people(state, t, objs) -> bool:
    """The verb ``t`` (row ``swap_for_verb``: "exchange", "swap") trades people for people:
    "the couple was exchanged on Monday for a jailed militant", "the pilot was swapped for
    40 prisoners": a person or a prisoner on one side ("for") and people on the other (a
    named person, or a noun of persons the model tags as such)."""
    cue = state.ctx.cue
    if _lemma(t) not in cue["swap_for_verb"]:
        return False
    fors = [x for k in t.children if k.dep_ == "prep" and k.lower_ == "for" for x in k.subtree]
    if not fors or not (_prisoners_in(cue, fors) or state.ctx.actors_in(fors, ("Person",))
                        or any(x.ent_type_ == "PERSON" for x in fors)):
        return False
    people = [x for o in objs for x in o.subtree]
    return bool(state.ctx.actors_in(people, ("Person",))) or any(
        _lemma(x) in cue["person_group_noun"] for x in people)


def _prisoners_in(cue, toks) -> bool:
    """The words ``toks`` name prisoners (row ``prisoner``) or count them ("40")."""
    return any(_lemma(x) in cue["prisoner"] or x.like_num for x in toks)

