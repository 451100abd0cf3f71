"""Offers and demands of terms: what makes a verb or noun of proposing put forward
terms of a deal (pay, hours, a contract, an extension, a withdrawal) rather than an
event, and what rules a proposal out (a denial, a condition far above it). Read by
:mod:`kg.extract.events.proposals`; the words are rows of ``ontology/lexicon/cues.jsonl``
(``terms_verb``, ``terms_noun``, ``terms_offer_noun``, ``terms_plan_word``,
``denial_verb``, ``condition_mark``, ``maker_participle``, ``speaking_day_word``).

Also the small questions the proposals stage asks of a phrase: whether it names an
event, who a relative pronoun or 'her country' stands for, what a side ready or wanting
to act offers, and a phrase that tells where a proposal was made, not what it proposes."""

from __future__ import annotations

from kg.extract.events.speakers import _named_before
from kg.extract.events.syntax import _aux, _future, _has_to, _is_verb, _lemma, _negated, _sent


def _denied(state, t) -> bool:
    """``t`` is told under a verb of denying: 'X denied proposing a truce', 'denies
    having made an offer' (row denial_verb); a claim that it was made rejected or dismissed
    ('rejected claims that it had offered to host talks', row claim_denial_verb)."""
    cur = t
    claim = False  # "rejected claims that it had offered talks" (row claim_denial_verb)
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "dobj", "acl") or cur.head.i == cur.i:
            return False
        claim = claim or cur.dep_ == "acl" and _is_verb(cur) and not _is_verb(cur.head)
        cur = cur.head
        if _is_verb(cur):
            return _lemma(cur) in state.ctx.cue["denial_verb"] or claim and _lemma(cur) in state.ctx.cue["claim_denial_verb"]
    return False


def _content_makers(state, t) -> list:
    """The maker of the offer ``t`` where the parser hangs it on the noun of what is
    offered: 'offers of talks from Kenya', 'the offer of talks from Estonia came ...'."""
    cue = state.ctx.cue
    return [x for k in t.children if k.dep_ == "prep" and k.lower_ in cue["offer_content_prep"]
            for p in k.children for q in p.children
            if q.dep_ == "prep" and q.lower_ in cue["offer_maker_prep"] for x in q.subtree]


def _unmade(state, t) -> bool:
    """The verb of proposing ``t`` tells a proposal not made: one a side might make
    ('Bolivia might propose talks', 'may offer to host them', row status_modal), or one
    it says it is not about to make ('was not planning to propose new talks')."""
    if _aux(t) & state.ctx.cue["status_modal"]:
        return True
    cur = t
    for _ in range(2):
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            return False
        cur = cur.head
        if _negated(cur):
            return True
    return False


def _offers_terms(state, t) -> bool:
    """The verb ``t`` offers or demands terms of a deal: 'offered a four-day week',
    'is offering pay rises', 'demanded the payment of arrears', 'offered a pact' (rows terms_verb,
    terms_noun, offered_deal_noun),
    not under a modal ('could offer a raise', row status_modal)."""
    cue = state.ctx.cue
    # the parser hangs what is offered after a recipient as dative, npadvmod or even a
    # verb ("offered the drivers a 32-hour week", "offering its pilots pay rises")
    return _lemma(t) in cue["terms_verb"] and not _aux(t) & cue["status_modal"] and any(
        k.dep_ in ("dobj", "dative", "npadvmod", "xcomp") and (_lemma(k) in cue["terms_noun"] | cue["offered_deal_noun"] or any(
            c.dep_ == "compound" and _lemma(c) in cue["terms_noun"] for c in k.children))
        or k.dep_ == "ccomp" and _is_verb(k)  # "demanded that the army withdraw": a state of things
        for k in t.children)


def _under_condition(state, t) -> bool:
    """A verb above ``t`` is marked 'if', 'whether' or 'unless' (row hypothetical_mark),
    however the parser hangs the clause ('if members vote a third time to reject X's offer')."""
    cur = t
    for _ in range(10):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if any(c.dep_ == "mark" and c.lower_ in state.ctx.cue["hypothetical_mark"] for c in cur.children):
            return True
    return False


def _condition_clause(state, tokens) -> set[int]:
    """The tokens of a clause of time inside what is proposed: its event is a condition,
    not what is proposed ('demanded the army withdraw before any talks can begin', row
    condition_mark)."""
    return {x.i for k in tokens if k.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in state.ctx.cue["condition_mark"] for m in k.children) for x in k.subtree}


def _named_possessor(state, t) -> list:
    """The organisation a definite possessor names again: 'the union's demand' after
    'the Tanner Dockers Union' (:func:`~kg.extract.events.speakers._named_before`)."""
    for k in t.children:
        if k.dep_ == "poss" and k.tag_ == "NN" and any(d.dep_ == "det" and d.lower_ == "the" for d in k.children):
            named = _named_before(state, k)
            return [named] if named else []
    return []


def _backers(state, t) -> list:
    """The words of who stands behind the proposal noun ``t`` in a hyphenated modifier:
    'a Kenyan-backed proposal', 'an Egyptian-drafted offer' (row maker_participle)."""
    return [x for k in t.children if k.dep_ == "amod" and _lemma(k) in state.ctx.cue["maker_participle"]
            for x in k.subtree if x.i < k.i]


def _names_terms(state, t) -> bool:
    """The plan or text ``t`` is the draft of an agreement or a plan for peace: "a draft
    of the deal", "a draft agreement", "the text of an accord", "a peace plan", "a
    20-point plan" (terms put forward: a proposal of its own)."""
    words = [k for k in t.children if k.dep_ in ("compound", "amod")]
    if any(_lemma(k) in state.ctx.cue["peace_plan_word"] or k.lower_.endswith("-point") for k in words):
        return True  # "a peace plan", "a 20-point plan", "a ceasefire proposal"
    if any(_lemma(x) in state.ctx.cue["terms_plan_word"] for k in words if k.dep_ == "compound" for x in k.subtree):
        return True  # "a debt restructuring plan", "a revised debt treatment plan": terms put to creditors
    words += [p for k in t.children if k.dep_ == "prep" and k.lower_ in state.ctx.cue["offer_content_prep"]
              for p in k.children if p.dep_ == "pobj"]
    return any(_lemma(x) in state.ctx.cue["agreement_singular_noun"] and not any(
        a.dep_ in ("acl", "relcl") and a.tag_ in ("VBN", "VBD") for a in x.children) for x in words)


def _told_today(state, p) -> bool:
    """The verb of the proposal ``p`` is told as of the report's day ('X today released
    another draft', row speaking_day_word)."""
    words = state.ctx.cue["speaking_day_word"]
    for i in p.anchors:
        v = state.doc[i]
        if not _is_verb(v):
            continue
        for k in v.children:
            if k.dep_ in ("npadvmod", "advmod") and (k.lower_ in words or f"{k.head.lower_} {k.lower_}" in words
                                                    or any(f"{d.lower_} {k.lower_}" in words for d in k.children)):
                return True
    return False


def _names_terms_offered(state, t, content) -> bool:
    """The offer or demand ``t`` names terms: 'a pay offer', 'a 5 percent wage offer',
    'an offer of a 4 percent raise' (row terms_noun, in its compounds or its phrase)."""
    cue = state.ctx.cue
    return any(_lemma(x) in cue["terms_noun"] for k in t.children if k.dep_ == "compound" for x in k.subtree) \
        or any(_lemma(x) in cue["terms_noun"] for x in content)


def _offer_on_condition(state, t) -> bool:
    """The verb of proposing ``t`` is told as what a side would do on a condition: 'X would
    propose talks only if the shelling stopped', 'will offer a truce if Y withdraws' (rows
    future_aux_word, status_modal, hypothetical_mark): no proposal made yet."""
    cue = state.ctx.cue
    return bool(_aux(t) & (cue["future_aux_word"] | cue["status_modal"])) and any(
        k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cue["hypothetical_mark"] for m in k.children)
        for k in t.children)


def _ready_for_event(state, v) -> bool:
    """The verb ``v`` a side says it is ready, willing or prepared to do holds an event:
    'ready to hold talks', 'willing to meet', 'prepared to host a summit' (row ready_event_verb)."""
    return _lemma(v) in state.ctx.cue["ready_event_verb"]


def _relative_of(state, t, s) -> bool:
    """``s``, the subject of ``t``, is the relative pronoun of a clause on the noun ``t``
    hangs on: 'Peru, which proposed a truce last week' (row relative_subject_word)."""
    return t.dep_ == "relcl" and s.lower_ in state.ctx.cue["relative_subject_word"]


def _setting_of(state, t, tokens) -> set[int]:
    """The tokens of a phrase deeper in what ``t`` proposes that tells where it was put
    forward: 'put forward a proposal on tariffs at the trade talks' (row setting_prep)."""
    return {x.i for k in tokens if k.dep_ == "prep" and k.head.i != t.i and k.lower_ in state.ctx.cue["setting_prep"]
            for x in k.subtree}


def _relative_head(state, t) -> list:
    """The event noun a relative clause of the verb of proposing ``t`` hangs on, when the
    clause has no object of its own: 'the talks that Peru had proposed for March', 'the
    truce Egypt put forward' (row relative_subject_word)."""
    h = t.head
    if t.dep_ != "relcl" or h.i not in state.ctx.trig_at or any(
            k.dep_ in ("dobj", "xcomp", "ccomp") and k.lower_ not in state.ctx.cue["relative_subject_word"]
            for k in t.children) or any(k.dep_ == "nsubj" and k.lower_ in state.ctx.cue["relative_subject_word"]
                                        for k in t.children):
        return []
    return [h]


def _own_side(state, s) -> bool:
    """The subject ``s`` is the speaker's own side: 'her country', 'our government' (row
    own_side_noun, with a possessive pronoun)."""
    return _lemma(s) in state.ctx.cue["own_side_noun"] and any(
        k.dep_ == "poss" and k.tag_ == "PRP$" for k in s.children)


def _wants_event(state, t) -> bool:
    """The verb of wanting ``t`` asks for an event of its own: 'wants a meeting of the
    ministers' (an event noun as its object, no definite article), 'wants a ceasefire
    agreement' (an agreement named by its event), 'wants to hold talks' (row
    ready_event_verb), not 'wants the talks to succeed' (row wanting_verb)."""
    cue = state.ctx.cue
    for k in t.children:
        role = (state.ctx.entry_at.get(k.i) or {}).get("role") if k.i in state.ctx.trig_at else None
        if k.dep_ == "dobj" and (role == "event" or role == "agreement_noun" and _names_event(state, [
                c for c in k.children if c.dep_ == "compound"])) and not any(
                d.dep_ in ("det", "poss") and d.lower_ not in cue["indefinite_det"] for d in k.children):
            return True
        if k.dep_ == "xcomp" and _is_verb(k) and not any(c.dep_ == "nsubj" for c in k.children) \
                and _lemma(k) in cue["ready_event_verb"]:
            return True
    return False


def _names_event(state, tokens) -> bool:
    """One of ``tokens`` is an event trigger (a noun or verb of talks, a truce, a swap)."""
    return any(x.i in state.trig_tokens and x.i in state.ctx.trig_at
               and (state.ctx.entry_at.get(x.i) or {}).get("role") in ("event", "event_verb")
               for x in tokens)


def _scheduled(state, c) -> bool:
    """The event's own clause says it is set: 'talks, which are scheduled to begin on May 4'."""
    cue = state.ctx.cue
    return any(k.dep_ in ("relcl", "acl") and _lemma(k) in cue["planned"] and k.tag_ == "VBN"
               and not _negated(k) for k in c.trig.children)


def _plan_frame_event(state, p):
    """'Under a plan put forward by Kenya, the sides would observe a truce': the event of
    the clause the plan frames."""
    u = p.trig
    if u.dep_ != "pobj" or u.head.lower_ not in state.ctx.cue["plan_frame_prep"] or not _is_verb(u.head.head):
        return None
    frame = {x.i for x in u.head.subtree}
    events = {c.trig.i: c for c in state.cands if c.role == "event"}
    for x in u.head.head.subtree:
        if x.i not in frame and x.i in events:
            return events[x.i]
    return None


def _sides(state, names) -> set:
    """The sides that ``names`` speak for: a person or body stands for its affiliation."""
    return {state.ctx.affiliation.get(a, a) for a in names} | set(names)


def _infinitive_object(t) -> list:
    """The 'to' clause of a verb of proposing with no object, parsed as a clause of purpose
    when a date comes between them: 'offered on Sunday to host talks', 'proposed on Friday
    to hold a summit'."""
    if any(k.dep_ in ("dobj", "xcomp", "ccomp") for k in t.children):
        return []
    return [x for k in t.children if k.dep_ == "advcl" and _is_verb(k) and k.i > t.i
            and _has_to(k) for x in k.subtree]


def _subject_own(state, t, g) -> list:
    """The maker of a proposal noun with a possessive pronoun is the subject of the verb
    that governs it: 'Uruguay renewed its call for talks', 'reiterated its offer of talks'."""
    if g is None or not _is_verb(g) or t.dep_ != "dobj" or t.head.i != g.i or not any(
            k.dep_ == "poss" and k.tag_ == "PRP$" for k in t.children):
        return []  # not "upended trade with his tariff proposals"
    return state.ctx.actors_in([x for k in g.children if k.dep_ == "nsubj" for x in k.subtree])


def _plan_content(state, p) -> set[int]:
    """The tokens of what a plan or proposal ``p`` itself calls for: 'the plan, drafted by
    X, envisages a truce', 'X's proposal, which calls for a truce' (row plan_content_verb),
    when nothing it proposes was found in its own phrase."""
    t = p.trig
    if p.proposes is not None or t.pos_ != "NOUN" or getattr(p, "obj_tokens", None) and _names_event(state, p.obj_tokens):
        return set()
    verbs = [t.head] if t.dep_ == "nsubj" else []
    verbs += [k for k in t.children if k.dep_ == "relcl" and any(
        s.dep_ == "nsubj" and s.lower_ in state.ctx.cue["relative_subject_word"] for s in k.children)]
    return {x.i for v in verbs if _is_verb(v) and _lemma(v) in state.ctx.cue["plan_content_verb"] and not _negated(v)
            for k in v.children if k.dep_ in ("dobj", "prep", "xcomp") for x in k.subtree}


def _sent_text_verb(state, v):
    """The verb that sends or puts out (row text_sending_verb) the text (row
    proposing_text_noun) the participle ``v`` qualifies: 'sent a letter proposing talks', 'released a paper calling for a
    truce', and 'sent a letter to the king proposing talks', where the parser hangs the
    participle on the one the text went to; None otherwise.

    >>> import spacy
    >>> doc = spacy.blank("en")("Oslo sent a letter to Rome proposing talks")
    >>> for i, (head, dep) in enumerate([(1, "nsubj"), (1, "ROOT"), (3, "det"), (1, "dobj"), (1, "dative"),
    ...                                  (4, "pobj"), (5, "acl"), (6, "dobj")]):
    ...     doc[i].head, doc[i].dep_, doc[i].tag_ = doc[head], dep, {1: "VBD", 6: "VBG"}.get(i, "NN")
    >>> class _S:
    ...     class ctx:
    ...         cue = {"proposing_text_noun": frozenset({"letter"}), "text_sending_verb": frozenset({"send"})}
    >>> doc[1].lemma_, doc[1].pos_, doc[3].lemma_ = "send", "VERB", "letter"
    >>> _sent_text_verb(_S, doc[6]).text
    'sent'
    """
    if v.dep_ != "acl" or v.tag_ != "VBG":
        return None
    h = v.head
    if h.dep_ == "pobj" and h.head.lower_ == "to" and h.head.dep_ in ("dative", "prep"):
        h = h.head.head  # "a letter to the king proposing talks": the participle hung on the king
    texts = [h] if h.dep_ == "dobj" else [k for k in h.children if k.dep_ == "dobj"]
    g = h.head if h.dep_ == "dobj" else h
    if not _is_verb(g) or _lemma(g) not in state.ctx.cue["text_sending_verb"] or not any(
            _lemma(k) in state.ctx.cue["proposing_text_noun"] for k in texts):
        return None
    return g


def _shared_clause_time(state, v) -> set[int]:
    """'Yesterday X finished its draft, and its proposals were sent': a verb in the past
    joined to an earlier one, with no date of its own, shares that verb's date; so does a
    participle after a verb in the past ('On Friday X phoned both leaders, urging them to
    accept a truce'), or on the text such a verb sent ('sent a letter on Friday proposing
    talks')."""
    h = v.head
    sent = _sent_text_verb(state, v)
    if sent is not None:
        h, v = sent, sent  # the participle is told at the sending
        if v.tag_ in ("VBD", "VBN") and not _future(v):
            return {v.i}
        return set()
    if v.dep_ == "advcl" and v.tag_ == "VBG" and _is_verb(h) and h.tag_ in ("VBD", "VBN") and not _future(h) \
            and not any(k.dep_ == "mark" for k in v.children) and v.i > h.i:
        # "On Friday X phoned both leaders, urging them to accept a truce": the call's date
        if not any(x.i in state.ctx.tok_timex for k in v.children for x in k.subtree):
            return {h.i}
        return set()
    if v.dep_ != "conj" or not _is_verb(h) or v.tag_ not in ("VBD", "VBN") or _future(v) or _future(h):
        return set()
    if any(x.i in state.ctx.tok_timex for k in v.children if k.dep_ not in ("conj",) for x in k.subtree):
        return set()
    return {h.i}


def _joint(state, v, proposer) -> list:
    """The proposer and those who propose with it: the actors joined to it in the subject
    of ``v`` ("Kenya and Norway proposed", "the mediators, Kenya and Norway, proposed"), or
    in the subject's 'by' or 'from' ("a plan from Kenya and Norway calls for a truce")."""
    if proposer is None:
        return []
    subj = [x for x in v.children if x.dep_ == "nsubj"]
    if not subj and (v.dep_ == "conj" or v.dep_ == "advcl" and v.tag_ == "VBG"):  # "X and Y met, proposing a summit"
        subj = [x for x in v.head.children if x.dep_ == "nsubj"]
    if not subj and (sent := _sent_text_verb(state, v)) is not None:  # "X and Y sent a letter proposing talks"
        subj = [x for x in sent.children if x.dep_ == "nsubj"]
    if proposer not in state.ctx.actors_in([y for s in subj for y in s.subtree]):
        return [proposer]  # a pronoun or an earlier speaker: no one joined to it here
    heads = subj + [a for s in subj for a in s.children if a.dep_ == "appos"] + [
        o for s in subj for p in s.children if p.dep_ == "prep" and p.lower_ in state.ctx.cue["offer_maker_prep"]
        for o in p.children if o.dep_ == "pobj"]
    return [proposer] + [a for a in state.ctx.actors_in([x for h in heads for x in [h, *h.conjuncts]])
                         if a != proposer]


def _for_approval(state, v) -> bool:
    """The verb ``v`` hands something over for someone's approval: 'will be submitted to
    ECOWAS for endorsement', 'presented to parliament for approval' (row approval_noun): a
    plan so handed over proposes itself, even when it names no event."""
    preps = [k for k in v.children if k.dep_ == "prep"]
    preps += [f for k in preps for o in k.children if o.dep_ == "pobj" for f in o.children if f.dep_ == "prep"]
    return any(k.lower_ == "for" and any(o.dep_ == "pobj" and _lemma(o) in state.ctx.cue["approval_noun"]
                                         for o in k.children) for k in preps)  # "to ECOWAS for endorsement"


def _maker_told_before(state, t) -> list:
    """The maker of 'the plan' (``t``, a definite noun with no maker of its own) when the
    sentence before has an actor as its subject: 'Mali's junta has drawn up a timetable.
    The plan will be submitted to ECOWAS' (Mali)."""
    if not any(d.dep_ == "det" and d.lower_ in state.ctx.cue["definite_det"] for d in t.children) \
            or any(k.dep_ == "poss" for k in t.children) or _sent(t).start == 0:
        return []
    before = _sent(t.doc[_sent(t).start - 1])
    return state.ctx.actors_in([x for k in before.root.children if k.dep_ == "nsubj" for x in k.subtree])
