"""Proposals: who put forward which offer, plan or demand by a verb (from their triggers;
the nouns are :mod:`kg.extract.events.proposal_nouns`), the link from a proposal to the
event it proposes, their times, and rejections."""

from __future__ import annotations

from copy import copy

from kg.extract.events.arguments import _give_time
from kg.extract.events.focus import _event_at, _focus_before
from kg.extract.events.dates import _period_start
from kg.extract.events.state import Cand
from kg.extract.events.statements import _last_statement
from kg.extract.events.syntax import (
    _aux, _climb, _embedding_speech, _future, _gov, _has_to, _hypothetical, _is_verb, _lemma, _negated, _perfect,
    _sent, _timetabled, _with_lemma,
)
from kg.extract.events.proposal_nouns import _proposed_in_passive, _proposer
from kg.extract.events.signings import _signer_verb
from kg.extract.events.terms import (
    _condition_clause, _denied, _for_approval, _infinitive_object, _joint, _maker_told_before, _names_event,
    _names_terms, _offer_on_condition, _offers_terms, _plan_content, _plan_frame_event, _ready_for_event,
    _relative_head, _scheduled, _setting_of, _shared_clause_time, _sides, _told_today, _under_condition, _unmade,
    _sent_text_verb, _wants_event,
)


def _ready_to_accept(state, t, last_person, last_subject) -> None:
    """'Russia was ready to accept a 60-day extension', 'is willing to accept a 3 percent
    raise': terms a side says it would take are terms it offers (trigger row
    ready-to-accept), not terms already on the table ('ready to accept the extension');
    'said it was ready to hold talks', '"We are prepared to meet them," X said': an event a
    side says it is ready to hold is one it offers (trigger row ready-to)."""
    cue = state.ctx.cue
    v = next((k for k in t.children if k.dep_ in ("xcomp", "acl") and _is_verb(k)), None)
    g = t.head  # "is ready to", "expressed readiness to"
    named = [x for k in t.children if k.dep_ == "prep" and k.lower_ in cue["ready_prep"] for x in k.subtree]
    if v is None and not _names_event(state, named) or not _is_verb(g) or _negated(g) or v is not None and _negated(
            v) or _hypothetical(g) or _under_condition(state, t):
        return
    if v is None:  # "ready for talks", "open to talks"; not an event told before ("ready for such a meeting")
        objs = [x for x in named if _names_event(state, [x]) and not any(
            d.lower_ in cue["definite_det"] for d in x.children if d.dep_ in ("det", "predet", "amod", "poss"))]
    elif _lemma(v) != "accept":
        objs = [x for x in v.subtree if _names_event(state, [x])] if _ready_for_event(state, v) else []
    else:
        objs = [k for k in v.children if k.dep_ == "dobj" and (_lemma(k) in cue["terms_noun"] or any(
            c.dep_ == "compound" and _lemma(c) in cue["terms_noun"] for c in k.children))
            and not any(d.dep_ in ("det", "poss") and d.lower_ not in cue["indefinite_det"] for d in k.children)]
    proposer = _proposer(state, g, last_person, last_subject) if objs else None
    subj = [x for x in g.children if x.dep_ == "nsubj"]
    quoted = bool(objs and proposer is None and subj and subj[0].lower_ in cue["first_person_subject"]
                  and _embedding_speech(g) is not None)  # '"We are ready to meet," X said'
    if proposer is None and not quoted:
        return
    c = Cand("Proposal", "proposal", t)
    c.quoted = quoted
    c.needs_event = _lemma(v) != "accept" if v is not None else True  # no event kept: no offer
    c.proposed_by = _joint(state, g, proposer)
    c.actors = [proposer] if proposer else []
    c.anchors = {t.i, g.i}
    c.embedded = _embedding_speech(g)
    c.obj_tokens = named if v is None else list(v.subtree) if _lemma(v) != "accept" else []
    c.spans.append((min([t.i] + [x.left_edge.i for x in subj]), max(x.i for x in objs) + 1))
    state.cands.append(c)


def _asks_action(state, t) -> bool:
    """``t`` asks a side to act: 'urged Riyadh to pump more oil', 'called on the council to
    adopt a binding text' (row request_verb with a to-infinitive): a request, a proposal of
    its own whatever it names."""
    return _lemma(t) in state.ctx.cue["request_verb"] and any(
        k.dep_ == "xcomp" and _is_verb(k) and _has_to(k) and not _negated(k) and _lemma(k) not in
        state.ctx.cue["stopping_asked_verb"] and any(o.dep_ == "dobj" for o in k.children)
        for k in t.children)  # an act with its object, not "to engage", not "to stop the shelling"


def _resumption_of_event(state, o) -> bool:
    """``o`` is a noun of taking an event up again whose 'of' names the event: 'the
    resumption of the stalled talks', 'a restart of negotiations' (row hoped_resumption_word)."""
    return _lemma(o) in state.ctx.cue["hoped_resumption_word"] and o.pos_ == "NOUN" and any(
        k.dep_ == "prep" and k.lower_ == "of" and _names_event(state, list(k.children)) for k in o.children)


def _propose_verb(state, t, span, last_person, last_subject):
    if t.lower_ in state.ctx.cue["willing_word"]:  # trigger rows ready-to, ready-to-accept
        _ready_to_accept(state, t, last_person, last_subject)
        return
    if t.dep_ in ("amod", "compound") or t.tag_ == "JJ" or _negated(t) or _hypothetical(t) or _denied(state, t) \
            or _offer_on_condition(state, t) or _unmade(state, t):
        return
    if t.tag_ == "VBN" and _proposed_in_passive(state, t):
        return
    cue = state.ctx.cue
    if t.dep_ == "relcl" and t.head.i in state.trig_tokens and (state.ctx.entry_at.get(t.head.i) or {}).get("role") == "proposal_noun":
        return  # "the proposal that Qatar submitted on Monday": the noun's rule takes it (_proposed_by_agent)
    if _lemma(t) in cue["wanting_verb"] and not _wants_event(state, t):
        return  # "wants the talks to succeed", "wants an end to the war": no event asked for
    if _lemma(t) in cue["aim_verb"] and any(k.dep_ == "xcomp" and _has_to(k) for k in t.children):
        return  # "seeks to broker a truce": an attempt, not a request
    asking = _lemma(t) in cue["asking_verb"]
    if asking and (any(k.dep_ in ("nsubjpass", "auxpass") for k in t.children) or any(
            k.dep_ == "mark" and k.lower_ in cue["hypothetical_mark"] for c in t.children for k in c.children)):
        return  # "she was asked to host talks", "asked whether talks would resume": no one proposes
    obj_deps = ("xcomp", "ccomp") if asking else ("dobj", "xcomp", "ccomp", "prep", "dative", "attr", "pcomp")
    obj_tokens = [x for c in t.children if asking and c.dep_ == "prep" and c.lower_ in cue["asking_content_prep"]
                  for x in c.subtree]  # "asked Togo for a meeting"
    obj_tokens += [x for c in t.children if c.dep_ in obj_deps
                  and not (c.dep_ == "prep" and c.lower_ in state.ctx.cue["context_prep_of_proposal"]) for x in c.subtree]
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "during"):
            for p in c.children:
                for a in p.children:
                    if (a.dep_ == "acl" and a.tag_ == "VBG") or a.dep_ == "appos":
                        obj_tokens += list(a.subtree)
    if span.end - span.start > 1:  # "press for", "put forward": the object hangs on the particle
        for tok in span:
            obj_tokens += [x for c in tok.children if not (c.dep_ == "prep" and c.lower_ in cue["context_prep_of_proposal"])
                           for x in c.subtree if x.i >= span.end]
    obj_tokens += _relative_head(state, t)  # "the talks that Peru had proposed for March"
    obj_tokens += _infinitive_object(t)  # "offered on Sunday to host talks": a 'to' clause parsed as advcl
    condition = _condition_clause(state, obj_tokens)
    setting = _setting_of(state, t, obj_tokens)  # "a proposal on tariffs at the trade talks": where, not what
    obj_tokens = [x for x in obj_tokens if x.i not in condition | setting]
    state.condition_tokens = getattr(state, "condition_tokens", set()) | condition
    has_event = any(x.i in state.trig_tokens and (state.ctx.entry_at.get(x.i) or {}).get("role") in ("event", "event_verb") for x in obj_tokens)
    has_event = has_event or any(  # "suggested that they could sign the accord by June"
        x.i in state.trig_tokens and (state.ctx.entry_at.get(x.i) or {}).get("role") == "agreement_noun"
        and _signer_verb(state, x) is not None for x in obj_tokens)
    lem = _lemma(t)
    if lem in state.ctx.cue["raising_verb"] and not any(
        o.dep_ == "dobj" and (o.i in state.trig_tokens or _resumption_of_event(state, o)) for o in t.children
    ) and not any(o.dep_ == "xcomp" and any(x.i in state.trig_tokens for x in o.subtree) for o in t.children):
        return  # "raised concerns about the exchange" proposes nothing; "urged a resumption of the talks" does
    terms = _offers_terms(state, t) or _asks_action(state, t)
    if not has_event and lem not in state.ctx.cue["proposing_verb"] and not any(
        _lemma(x) in state.ctx.cue["proposal_document_noun"] | cue["terms_offer_noun"] for x in obj_tokens
    ) and not terms and not any(  # "put forward a compromise list": a text of terms, as "tabled" it is
        (state.ctx.entry_at.get(x.i) or {}).get("role") == "proposal_noun" and x.i in state.trig_tokens
        and _names_terms(state, x) for x in obj_tokens if x.dep_ == "dobj"
    ):  # "put forward a new pay offer" proposes as "put forward a plan" does
        return
    proposer = _proposer(state, t, last_person, last_subject)
    if proposer is None and _for_approval(state, t):  # "The plan will be submitted to X for endorsement"
        told = [y for k in t.children if k.dep_ == "nsubjpass" and _lemma(k) in cue["plan_noun"] | cue[
            "proposal_document_noun"] for y in _maker_told_before(state, k)]
        proposer = told[0] if told else None
    subj = [x for x in t.children if x.dep_ == "nsubj"]
    quoted = bool(proposer is None and (has_event or terms) and subj and subj[0].lower_ in cue["first_person_subject"]
                  and _embedding_speech(t) is not None)  # '"I urge both sides to keep the truce," X said'
    if not quoted and (proposer is None or subj and subj[0].lower_ == "it") and lem in cue["plan_content_verb"] \
            and _again_subject(state, t) and _plan_told_before(state, t):
        return  # "X unveiled a plan. The plan calls for a truce": X's plan proposes it (_told_after)
    if proposer is None and not quoted and not (has_event and subj and (
            subj[0].pos_ in ("NOUN", "PROPN") or subj[0].lower_ in ("they", "we"))):
        return
    c = Cand("Proposal", "proposal", t)
    c.quoted = quoted
    c.proposed_by = _joint(state, t, proposer)
    c.actors = [proposer] if proposer else []
    c.anchors = {t.i} | _shared_clause_time(state, t)
    c.perfect = _perfect(t) or (t.dep_ == "conj" and _perfect(t.head))
    c.also = any(k.lower_ == "also" for k in t.children)
    sent = _sent_text_verb(state, t) or (t.head if t.dep_ == "advcl" and t.tag_ == "VBG" else None)
    # "will send a letter proposing talks", "will send a message to X, proposing talks": as the sending
    if _future(t) or _timetabled(t) or sent is not None and _future(sent):  # "will present", "is to present a plan"
        c.status, c.strong = "Planned", True
    c.embedded = _embedding_speech(t)
    c.obj_tokens = obj_tokens
    subj = [x for x in t.children if x.dep_ == "nsubj"]
    start = subj[0].left_edge.i if subj else t.i
    end = max([t.i + 1] + [x.i + 1 for x in obj_tokens if x.i - t.i < 14])
    c.spans.append((min(start, t.i), end))
    state.cands.append(c)




def _again_subject(state, v) -> bool:
    """The subject of ``v`` names again a plan told before: 'it', or 'the plan', 'this
    proposal' (row plan_again_word, with a definite determiner)."""
    cue = state.ctx.cue
    for k in v.children:
        if k.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if k.lower_ == "it":
            return True
        return _lemma(k) in cue["plan_again_word"] and k.pos_ == "NOUN" and any(
            d.dep_ == "det" and d.lower_ in cue["definite_det"] for d in k.children)
    return False


def _plan_told_before(state, t) -> bool:
    """A proposal with its maker, naming no event, is told in the sentence of ``t`` or the
    one before, before ``t``."""
    sents = list(state.sents)
    at = next((k for k, s in enumerate(sents) if s.start <= t.i < s.end), 0)
    start = sents[max(0, at - 1)].start
    return any(c.role == "proposal" and c.proposed_by and start <= c.trig.i < t.i
               and not _names_event(state, getattr(c, "obj_tokens", [])) for c in state.cands)


def _told_after(state, p) -> set[int]:
    """What a plan or proposal ``p`` that names no event in its own phrase calls for in the
    next clause or sentence, told through 'it' or 'the plan' ('X presented a new initiative
    on Monday. It calls for a truce and talks in Vienna'): the objects of the first verb of
    plan content (row plan_content_verb) there; nothing when a proposal comes between."""
    cue = state.ctx.cue
    sents = state.sents
    at = next((k for k, s in enumerate(sents) if s.start <= p.trig.i < s.end), None)
    if at is None:
        return set()
    later = [_sent(p.trig)[p.trig.i - _sent(p.trig).start + 1:]] + sents[at + 1:at + 2]
    made = {c.trig.i for c in state.cands if c.role == "proposal" and c.proposed_by}  # (none of them is p: told after it)
    for span in later:
        for v in span:
            if v.i in made:
                return set()  # another proposal, with its maker, told before the plan's content
            if not _is_verb(v) or _lemma(v) not in cue["plan_content_verb"] or _negated(v) or _hypothetical(v) \
                    or not _again_subject(state, v):
                continue
            return {x.i for k in v.children if k.dep_ in ("dobj", "prep", "xcomp") for x in k.subtree}
    return set()


def _link(state, p, e) -> None:
    """``p`` proposes the event ``e`` (its cluster): an event not held but only proposed
    becomes Proposed."""
    r = e.root()
    p.proposes = r
    r.proposal = p
    g = _gov(e.trig)
    told_by_proposal = g is not None and (g.i == p.trig.i or g.i in p.anchors or g.i == getattr(
        p, "reaction", None) or g.dep_ in ("ccomp", "acl") and g.head.i == p.trig.i) and len(r.spans) <= 1
    # "proposed that talks be held in Madrid", "X's proposal that talks be held": the clause tells what is proposed
    if getattr(p, "occasion", False):
        return  # "talks held at the initiative of X": held all the same
    if (r.status != "Occurred" or not r.strong or told_by_proposal) and r.status not in (
            "Rejected", "Cancelled") and not (r.status == "Planned" and r.strong and _scheduled(state, e)):
        r.status, r.strong = "Proposed", True


def _before_report(state, tv) -> bool:
    """The time ``tv`` ends before the report's publication day: the time of a proposal
    made, never that of the event it proposes."""
    pub = state.ctx.pub_end
    return pub is not None and tv.latest is not None and tv.latest < pub


def _proposals_link(state):
    events = [c for c in state.cands if c.role == "event"]
    for e in events:  # "demanded X before any talks can begin": talks to come, not held
        if e.trig.i in getattr(state, "condition_tokens", ()) and e.status == "Occurred" and not e.strong:
            e.status = "Proposed"
    added: list[tuple[Cand, Cand]] = []
    for p in list(state.cands):
        if p.role != "proposal":
            continue
        toks = {x.i for x in getattr(p, "obj_tokens", [])} | _plan_content(state, p)
        if p.proposed_by and not _names_event(state, [state.doc[i] for i in toks]):
            toks |= _told_after(state, p)
        framed = _plan_frame_event(state, p)
        for e in events:
            if e.trig.i in toks or e is framed:
                _link(state, p, e)
                for e2 in events:  # "proposed a truce and talks in Oslo": one proposal for each
                    if e2.trig.i in toks and e2.trig.dep_ == "conj" and e2.trig.head.i == e.trig.i \
                            and e2.root() is not p.proposes and getattr(e2.root(), "proposal", None) is None \
                            and not getattr(p, "occasion", False):
                        q = copy(p)
                        q.proposed_by, q.actors, q.spans = list(p.proposed_by), list(p.actors), list(p.spans)
                        q.anchors = set(p.anchors)
                        _link(state, q, e2)
                        added.append((p, q))
                break
        if p.proposes is not None and p.proposes.time is None:
            for k, (tv, span) in enumerate(state.timexes):
                root = span.root
                if root.head.i == root.i or _before_report(state, tv):
                    continue  # "Last month Peru offered talks": the offer's date, not the talks'
                at = _climb(root, set())
                if at.i == p.trig.i:
                    prep = root.head if root.dep_ == "pobj" else None
                    _give_time(state, p.proposes, tv, prep, k)
        if p.proposes is not None and p.proposes.latest is None and p.proposes.time is None:
            for k, (tv, span) in enumerate(state.timexes):
                root = span.root
                if root.dep_ == "pobj" and root.head.lower_ == "before" and _climb(root, set()).i == p.trig.i:
                    _give_time(state, p.proposes, tv, root.head, k)
    if added:  # each copy right after the proposal it was made from
        after = {}
        for p, q in added:
            after.setdefault(id(p), []).append(q)
        state.cands[:] = [x for c in state.cands for x in [c, *after.get(id(c), [])]]
    # an initiative or invitation whose event fell away proposes nothing ("At the initiative of
    # X, the ministers discussed the weather": no meeting is told, so no proposal either)
    state.cands[:] = [c for c in state.cands
                      if not (c.role == "proposal" and getattr(c, "occasion", False) and c.proposes is None)]


def _proposals_day_not_events(state, props) -> None:
    """'Egypt on Wednesday proposed a truce', 'In 2024, Qatar proposed an exchange': the date
    told, up to the report's day, is the proposal's; the event only proposed, given the very
    same time, has none of its own."""
    pub = state.ctx.pub_end
    for p in props:
        r = p.proposes.root() if p.proposes is not None else None
        if r is None or r is p or r.status not in ("Proposed", "Rejected") or r.time is None or pub is None:
            continue
        day = state.ctx.pub
        if p.time is None and r.time.latest is not None and day is not None and r.time.latest < day:
            _past_day_of_proposing(state, p, r)
        elif p.time is None or p.time == r.time and r.time.earliest is not None and r.time.earliest > pub:
            _weekday_of_proposing(state, p, r)
        elif (r.time.earliest, r.time.latest) == (p.time.earliest, p.time.latest) and r.time.latest is not None \
                and r.time.latest <= pub:
            r.time = None


def _past_day_of_proposing(state, p, r) -> None:
    """'Chile invited the rebels to rejoin the talks last week', 'asked them to resume
    negotiations two weeks ago': a time wholly before the report, told on the verb of the
    event proposed inside the proposal's clause, is the time of the proposing, not of the
    event, which is still to come (not 'proposed resuming the talks suspended last month', nor
    'a proposal to replace the 1953 armistice', a date inside a noun phrase)."""
    span = _span_of(state, r.time)
    if span is None:
        return
    root = span.root
    h = root.head.head if root.dep_ == "pobj" else root.head  # "last week", "on Monday": on the verb itself
    if _is_verb(h) and h.i != p.trig.i and any(x.i == h.i for x in p.trig.subtree) \
            and any(x.i == r.trig.i for x in h.subtree):
        p.time, p.earliest, p.latest = r.time, None, None
        r.time = None


def _span_of(state, tv):
    """The words of the first expression the document's dates hold for the value ``tv``
    (by identity or, a stage having made the same value anew, by equality), or None."""
    return next((span for t, span in state.timexes if t is tv or t == tv), None)


def _weekday_of_proposing(state, p, r) -> None:
    """'Kenya on Tuesday proposed talks in Nairobi': a bare weekday on a proposing verb in the
    past is the day of the proposal, the last such day up to the report, not the next one
    (read ahead as the proposed talks' day)."""
    from kg.extract.timex import normalize

    pub = state.ctx.pub
    if pub is None or p.trig.tag_ != "VBD" or r.time.earliest is None or r.time.earliest <= pub:
        return
    span = _span_of(state, r.time)
    if span is None:
        return
    root = span.root
    if root.head.i == root.i or _climb(root, set()).i != p.trig.i \
            or not any(x.lower_ in state.ctx.cue["weekday_word"] for x in span):
        return
    past = normalize(span.text, pub, tense="past")
    if past is not None and past.latest is not None and past.latest <= pub:
        p.time, p.earliest, p.latest = past, None, None
        r.time = None


def _proposal_times(state):
    props = [c for c in state.cands if c.role == "proposal"]
    stmt_at = {}
    for s in state.cands:
        if s.role == "speech":
            stmt_at[s.trig.i] = s.root()
    start = _period_start(state)
    for p in props:  # "X today released a draft", in a report known to its month only: in that month
        if start is not None and p.time is None and p.earliest is None and _told_today(state, p):
            p.earliest = start
    for p in props:  # "the drivers rejected an offer of a raise on Friday": made by Friday, not on it
        if getattr(p, "reaction", None) is not None and p.time is not None and p.time.latest is not None:
            p.time, p.earliest, p.latest = None, None, p.time.latest
    pub = state.ctx.pub_end
    # "offered a 32-hour week by 2029": a date after the report is the terms', not the offer's;
    # "pressed X for a summit before the end of the year": the summit's, not the pressing's
    for p in props:
        if p.status == "Occurred" and pub is not None:
            if p.time is not None and p.time.earliest is not None and p.time.earliest > pub:
                p.time = None
            if p.time is None and p.latest is not None and p.latest > pub:
                p.earliest = p.latest = None
            if p.time is not None and p.time.earliest is None and p.time.latest is not None and p.time.latest > pub:
                p.time = None
        # "was to present proposals on Friday", read back as the Friday before: a proposal still to come
        if p.status == "Planned" and state.ctx.pub is not None and p.time is not None \
                and p.time.latest is not None and p.time.latest < state.ctx.pub:
            p.time = None
    prev = None
    for p in props:
        word = getattr(p, "ctx_word", None)
        if word in state.ctx.cue["proposal_context_word"] and (word != "on" or getattr(p, "ctx_tok", None) is not None):
            ref = _event_at(state, p.ctx_tok) if getattr(p, "ctx_tok", None) is not None else _focus_before(state, p.pos)
            if ref is not None:
                p.time, p.earliest, p.latest = ref.time, ref.earliest if ref.time is None else None, ref.latest if ref.time is None else None
                p.ctx = ref
        elif p.also and prev is not None and prev.time is not None:
            p.time = prev.time
        if getattr(p, "quoted", False) and not p.proposed_by and p.embedded is not None:
            s = stmt_at.get(p.embedded.i)
            if s is not None and s.speaker:  # "I urge ...", the speaker said: the speaker proposes
                p.proposed_by = [s.speaker]
        if p.time is None and p.embedded is not None and p.status == "Occurred":
            s = stmt_at.get(p.embedded.i)
            if s is not None:
                for a in s.actors:
                    if a not in p.actors:
                        p.actors.append(a)
                lo = s.time.earliest if s.time else s.earliest
                hi = s.time.latest if s.time else s.latest
                if hi is None:
                    hi = state.ctx.pub_end
                if p.perfect or getattr(p, "reaction", None) is not None:  # an offer reacted to: made by then
                    p.latest = hi
                else:
                    p.earliest, p.latest = lo, hi
        if p.time is None and p.latest is None and p.status == "Occurred":
            p.latest = state.ctx.pub_end
        # a pronoun proposer "it" inherits the previous proposer
        prev = p
    for p in props:  # a ministry or department proposes for its state: "the State Department invited"
        for a in list(p.proposed_by):
            aff = state.ctx.affiliation.get(a)
            if state.ctx.kind_of.get(a) == "Organization" and aff and state.ctx.kind_of.get(aff, "Country") == "Country" \
                    and aff not in p.proposed_by:
                p.proposed_by.append(aff)
    # one Proposal per proposed event
    state.proposals = []
    seen: dict[int, Cand] = {}
    for p in props:
        if getattr(p, "needs_event", False) and p.proposes is None:
            continue  # "open to talks" where no talks are kept as an event: nothing offered
        tgt = p.proposes.root() if p.proposes is not None else None
        if tgt is not None and id(tgt) in seen and p.proposed_by and seen[id(tgt)].proposed_by and not (
                _sides(state, p.proposed_by) & _sides(state, seen[id(tgt)].proposed_by)):
            pass  # each side put forward its own terms for the same truce: two proposals
        elif tgt is not None and id(tgt) in seen:
            q = seen[id(tgt)]
            p.target = q
            for a in p.proposed_by:
                if a not in q.proposed_by:
                    q.proposed_by.append(a)
            for a in p.actors:
                if a not in q.actors:
                    q.actors.append(a)
            q.spans += p.spans
            continue
        if tgt is None and p.proposed_by:  # "X has made overtures ... and has proposed steps": one act
            same = [q for q in state.proposals if q.proposes is None and q.proposed_by == p.proposed_by
                    and _sent(q.trig).start == _sent(p.trig).start]
            if same:
                p.target = same[-1]
                same[-1].spans += p.spans
                continue
        if tgt is not None:
            seen[id(tgt)] = p
        state.proposals.append(p)


def _rejections(state):
    for s in state.cands:
        if s.role != "speech":
            continue
        t = s.trig
        objs = [x for x in t.children if x.dep_ in ("dobj", "pobj", "prep")]
        obj_toks = [y for o in objs for y in o.subtree]
        rep = s.root()
        # responds_to: "In reaction to X's comments", "criticised the offer", "called the meeting ..."
        target = None
        for y in obj_toks + [x for k in t.children if k.dep_ == "prep" for x in k.subtree]:
            ev = _event_at(state, y)
            if ev is not None:
                target = ev
                break
            if _lemma(y) in state.ctx.cue["proposal_object_noun"]:
                target = _last_proposal(state, s.pos)
                break
            if _lemma(y) in state.ctx.cue["remark_noun"]:
                owner = state.ctx.actors_in(y.subtree, ("Person",))
                target = _last_statement(state, s.pos, owner[0] if owner else None, exclude=rep)
                if target is not None:
                    break
        if target is not None and rep.responds is None and target is not rep:
            rep.responds = target
    # "Moscow rejected the proposal", "X brushed the idea aside", "turned down the offer"
    cue = state.ctx.cue
    phrasal = cue["rejecting_phrasal_verb"] | cue["rejecting_vote_verb"]  # "voted down the offer"
    rejecting = cue["rejected"] | cue["rejecting_vote_verb"]
    unreal = cue["future_aux_word"] | cue["status_modal"]
    for t in _with_lemma(state, rejecting):
        if not _is_verb(t) or _negated(t) or _hypothetical(t) or _aux(t) & unreal:
            continue  # "Accra might reject the truce proposal", "will reject it": not turned down yet
        prts = {k.lower_ for k in t.children if k.dep_ in ("prt", "advmod", "prep")}
        if _lemma(t) in phrasal and not prts & cue["rejecting_particle"]:
            continue
        objs = [o for o in t.children if o.dep_ in ("dobj", "nsubjpass") and o.tag_ not in ("WDT", "WP")]
        if _lemma(t) in phrasal:  # "voted down the offer", the particle parsed as a preposition
            objs += [o for k in t.children if k.dep_ == "prep" and k.lower_ in cue["rejecting_particle"]
                     for o in k.children if o.dep_ == "pobj"]
        if not objs and t.dep_ == "relcl" and t.head.pos_ == "NOUN":
            o = t.head  # "a demand the ministry has rejected": the noun the clause hangs on
            while o.dep_ == "pobj" and o.head.lower_ == "of" and o.head.head.pos_ == "NOUN" and not any(
                    c.role == "proposal" and c.trig.i == o.i for c in state.cands):
                o = o.head.head  # "an offer of a tariff cut, which Ecuador turned down": the offer
            objs = [o]
        for o in objs:
            victim = None
            own = [c.root() for c in state.cands if c.role == "proposal" and c.trig.i == o.i]
            if not own and o.lower_ in cue["rejected_pronoun"]:
                # "offered a raise to the union, which rejected it", "made a bid, but it was
                # rebuffed": the proposal told before in the sentence
                own = [c.root() for c in state.cands if c.role == "proposal" and _sent(c.trig).start == _sent(t).start
                       and c.trig.i < o.i][-1:]
            if own or _lemma(o) in cue["rejected_object_noun"] | cue["terms_offer_noun"]:  # "rejected the demand"
                p = own[0] if own else _last_proposal(state, t.i + 1)
                if p is not None and p.proposes is not None:
                    victim = p.proposes.root()
                elif p is not None and (own or p.proposed_by) and not _sides(state, p.proposed_by) & _sides(
                        state, state.ctx.actors_in([x for k in t.children if k.dep_ == "nsubj"
                                                    for x in k.subtree])):
                    victim = p  # an offer of terms turned down, by another side than its maker
                elif p is None:
                    proposed = [c.root() for c in state.cands if c.role == "event" and c.pos < t.i
                                and c.root().status == "Proposed"]
                    victim = proposed[-1] if proposed else None
            else:
                victim = _event_at(state, o)
            if victim is not None and victim.role == "proposal" and not _negated(t):
                victim.status, victim.strong = "Rejected", True
            elif victim is not None and victim.role == "event" and victim.status != "Occurred":
                victim.status, victim.strong = "Rejected", True


def _last_proposal(state, pos):
    best = None
    for p in state.cands:
        if p.role == "proposal" and p.pos < pos:
            best = p.root()
    return best


def _proposals_once(state):
    """Proposals of one side for events that a later stage found to be one ("Kenya's proposal
    for talks in Nairobi ... Kenya had proposed the talks last week", the talks told twice):
    one proposal, the first, with the spans of the others."""
    kept: list = []
    for p in state.proposals:
        tgt = p.proposes.root() if p.proposes is not None else None
        same = [q for q in kept if tgt is not None and q.proposes is not None and q.proposes.root() is tgt
                and q.proposed_by and p.proposed_by and _sides(state, p.proposed_by) & _sides(state, q.proposed_by)]
        if not same:
            kept.append(p)
            continue
        q = same[0]
        p.target = q
        q.proposed_by += [a for a in p.proposed_by if a not in q.proposed_by]
        q.actors += [a for a in p.actors if a not in q.actors]
        q.spans += p.spans
        if q.time is None and q.earliest is None and q.latest is None or (
                q.time is None and p.time is not None):  # the telling with a date dates the proposal
            q.time, q.earliest, q.latest = p.time, p.earliest, p.latest
    state.proposals = kept
    # after the stages that join one event told twice (by its place, by its date): a date
    # of the proposal's own is taken from the event only once they are one
    _proposals_day_not_events(state, kept)
