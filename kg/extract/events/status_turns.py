"""Status, continued: what a later turn of the sentence, or a phrase around the event,
tells of it beyond the verb that governs it:

- turned down by a verb with a particle or a rarer verb of refusing ("voted down the
  talks", "threw out the ceasefire plan", "snubbed an invitation to a summit", row
  ``status_rejecting_phrase``), not accepted ("would not accept a ceasefire"), or an
  offer noun the tagger read as a verb ("the government's ceasefire offer"): Rejected
  or Proposed;
- put on hold ("on ice", row ``status_on_hold_noun``) or plans for it scrapped:
  Cancelled;
- thanked, praised or blamed for ("congratulated Kenya for organizing the summit",
  row ``status_credit_verb``): done, not being prepared (:func:`_credited`);
- first planned or put off and then held ("the talks that had been scheduled for
  Monday went ahead"), or followed by a later event ("the visit follows a meeting"):
  Occurred; under way again: Ongoing;
- still to come: what preparations are for (row ``status_preparation_noun``), a gerund
  of meeting under a future verb, a truce told to take effect later (row
  ``status_taking_effect``): Planned;
- only possible or put forward: in a clause of doubt ("whether the talks will
  resume"), within reach or on the table, asked for in the subjunctive ("suggested
  that a summit be held") or by a verb and its preposition ("insisted on talks"),
  sought "in favour of" what is dropped: Proposed;
- a headline's "... as talks begin" the parser left without a subject: Ongoing.

Read by :mod:`kg.extract.events.status` (:func:`_told_by_turns`); the words are rows
of ``cues.jsonl``."""

from __future__ import annotations

from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.state import Cand
from kg.extract.events.syntax import (
    _finite_tags, _future, _hypothetical, _is_verb, _lemma, _negated, _perfect, _phrasal, _present, _sent, _under_way,
    _verbal,
)


def _told_by_turns(state, c: Cand) -> tuple[str, bool] | None:
    """The status the rules of this module read for the candidate, the first that
    applies (None when none does): turned down, put on hold, went ahead, prepared
    for, a gerund under a future verb, plans dropped, not accepted, followed, in
    doubt, within reach or on the table, asked for in the subjunctive or with a
    preposition, favoured, a headline's "as talks begin", being held, dropped or
    refused as the owner of the noun ("the summit's cancellation"), judged with
    "would be", likely, or agreed under a modal, in full swing, told "so far"."""
    # each rule is for the kind of trigger it is listed under, and tests no other
    rules = (_gerund_under, _in_doubt) if _verbal(c) else (  # the others read a noun trigger only
        _turned_down, _on_hold, _went_ahead, _prepared_for, _plans_dropped, _not_accepted, _followed, _in_doubt,
        _within_reach, _mandated, _asked_for, _favoured, _begin_after_as, _being_held, _owned_drop, _would_be,
        _likely, _maybe_agreed, _in_swing, _so_far)
    for rule in rules:
        told = rule(state, c)
        if told is not None:
            return told
    return None


def _rejecting(cue, v, via=None) -> bool:
    """``v`` is a verb of turning something down: a verb of row ``rejected`` (one of row
    ``status_particle_rejecting_verb`` only with its particle: "turned down", "ruled
    out"), or a verb of row ``status_rejecting_phrase`` alone ("snub") or with the
    particle or preposition that follows it ("vote down", "throw out", "vote against").
    ``via`` is the preposition the rejected phrase hangs on, where the parser read the
    particle as one ("voted down the talks": "down" with the talks as its object).

    >>> import spacy
    >>> doc = spacy.blank("en")("voted down the talks")
    >>> doc[0].lemma_, doc[1].head, doc[1].dep_ = "vote", doc[0], "prep"
    >>> cue = {"rejected": {"reject"}, "status_particle_rejecting_verb": set(),
    ...        "status_rejecting_particle": set(), "status_rejecting_phrase": {"vote down"}}
    >>> _rejecting(cue, doc[0], via=doc[1]), _rejecting(cue, doc[0])
    (True, False)
    """
    lem = _lemma(v)
    prts = {k.lower_ for k in v.children if k.dep_ in ("prt", "advmod")}
    if via is not None:
        prts.add(via.lower_)
    if lem in cue["rejected"]:
        return lem not in cue["status_particle_rejecting_verb"] or bool(prts & cue["status_rejecting_particle"])
    return lem in cue["status_rejecting_phrase"] or any(f"{lem} {p}" in cue["status_rejecting_phrase"] for p in prts)


def _told_plainly(cue, v) -> bool:
    """``v`` tells what it does as a fact: not negated, hypothetical, future or under a
    modal ("might reject", "did not turn down")."""
    return not (_negated(v) or _hypothetical(v) or _future(v)
                or any(k.dep_ == "aux" and k.lower_ in cue["status_modal"] for k in v.children))


def _turned_down(state, c: Cand) -> tuple[str, bool] | None:
    """The noun event, or the offer, call or plan that names it (row
    ``status_proposal_noun``: "the proposal for a truce", "the ceasefire plan"), is the
    object of a verb of turning down (:func:`_rejecting`), or what the particle of such
    a verb governs where the parser read the particle as a preposition ("the union
    voted down the talks", "voted against the deal"): Rejected. An offer noun the
    tagger read as a verb under the verb of rejecting ("rejected the government's
    ceasefire offer", the truce the subject of "offer") counts as the noun."""
    cue = state.ctx.cue
    t = c.trig
    n = t
    offers = [k for k in t.head.head.children if k.dep_ == "dobj" and _lemma(k) in cue["status_proposal_noun"]
              and k.i < t.i] if t.dep_ == "pobj" and t.head.lower_ in ("of", "for") and _is_verb(t.head.head) else []
    if offers:
        n = offers[-1]  # "shot down the rebels' proposal for a truce": "for" hung on the verb
    elif t.dep_ == "compound" or t.dep_ == "pobj" and t.head.lower_ in ("of", "for", "to") \
            and t.head.head.pos_ == "NOUN":
        n = t.head if t.dep_ == "compound" else t.head.head
        if _lemma(n) not in cue["status_proposal_noun"]:
            return None
    elif _offer_misread(cue, t):
        n = t.head  # "rejected the government's ceasefire offer": "offer" tagged as a verb
        if _is_verb(n.head) and _rejecting(cue, n.head) and _told_plainly(cue, n.head):
            return "Rejected", True
        return "Proposed", True  # "welcomed the government's ceasefire offer": what an offer names
    v, via = n.head, None
    if n.dep_ == "pobj" and n.head.dep_ in ("prep", "prt") and _is_verb(n.head.head):
        v, via = n.head.head, n.head  # "voted down the talks", "voted against the deal"
    elif n.dep_ not in ("dobj", "nsubjpass"):
        return None
    if not _is_verb(v) or not _rejecting(cue, v, via) or not _told_plainly(cue, v):
        return None
    if via is None and _lemma(v) in cue["rejected"]:
        return None  # "rejected the talks", "turned down the offer of talks": the rules of status.py
    if via is not None and f"{_lemma(v)} {via.lower_}" not in cue["status_rejecting_phrase"]:
        return None  # "rejected at the talks": not what "reject" takes
    return "Rejected", True


def _offer_misread(cue, t) -> bool:
    """``t`` qualifies a noun of an offer, call or plan (row ``status_proposal_noun``)
    that the tagger read as a present verb with ``t`` its subject, in the object of a
    verb ("welcomed the government's ceasefire offer": "ceasefire" the subject of
    "offer"): the event that offer names."""
    v = t.head
    return t.dep_ == "nsubj" and v.lower_ in cue["status_proposal_noun"] and v.tag_ in ("VBP", "VBZ") \
        and v.dep_ in ("ccomp", "dobj") and _is_verb(v.head) and t.i == v.i - 1 \
        and not any(k.dep_ in ("aux", "mark", "dobj", "neg") for k in v.children)


def _on_hold(state, c: Cand) -> tuple[str, bool] | None:
    """Talks put or kept on hold: the event is the subject or object of a verb whose
    preposition "on" governs a word of row ``status_on_hold_noun`` ("the talks were put
    on hold", "Lima has put the talks on ice", "the summit remains on hold"), or told
    "off" (row ``status_off_word``: "the summit is off"; not "off to a good start"):
    halted, as suspended talks are (Cancelled). Not negated, hypothetical or to come."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    if t.dep_ not in ("nsubj", "nsubjpass", "dobj") or not _is_verb(v) or not _told_plainly(cue, v):
        return None
    holds = [o for p in v.children if p.dep_ == "prep" and p.lower_ == "on" for o in p.children
             if o.dep_ == "pobj" and (o.lower_ in cue["status_on_hold_noun"] or " ".join(
                 x.lower_ for x in o.subtree if x.dep_ != "det") in cue["status_on_hold_noun"])]
    holds += [k for k in v.children if t.dep_ == "nsubj" and _lemma(v) in cue["status_copular_verb"] and k.dep_ in (
        "advmod", "acomp", "prt") and k.lower_ in cue["status_off_word"] and not list(k.children)]  # "the summit is off"
    return ("Cancelled", True) if holds else None


def _planned_head(cue, v) -> bool:
    """``v`` tells a plan (rows ``status_planned_head``, ``status_planned_adjective``):
    "were due to open", "had been scheduled"."""
    return _lemma(v) in cue["status_planned_head"] or any(
        k.dep_ in ("acomp", "xcomp") and (_lemma(k) in cue["status_planned_head"] or k.lower_ in cue["status_planned_adjective"])
        for k in v.children)


def _went_ahead(state, c: Cand) -> tuple[str, bool] | None:
    """An event with a clause of its own (planned, postponed, called for) that is the
    subject of a verb of taking place (row ``status_happening_verb``): the main clause
    tells what became of it. In the past, it took place ("the talks that had been
    scheduled for Monday went ahead", "the summit, which had been postponed twice,
    finally took place"), or a verb of lasting or ending in the past ("ran until
    Tuesday night"): Occurred; in the future, it is to come ("will take place on
    Friday"): Planned. Not negated or under a modal (that is left to the rules of
    events that did not happen)."""
    cue = state.ctx.cue
    t = c.trig
    if t.dep_ != "nsubj" or not any(k.dep_ in ("relcl", "acl") and _is_verb(k) for k in t.children):
        return None
    v = t.head
    if not _is_verb(v) or _negated(v) or _hypothetical(v) \
            or any(k.dep_ == "aux" and k.lower_ in cue["status_modal"] for k in v.children):
        return None
    if _under_way(v) and v.tag_ in ("VBZ", "VBP") and not _future(v):
        return "Ongoing", True  # "the talks, which had stalled for weeks, are under way again"
    lem = _lemma(v)
    words = {f"{lem} {k.lower_}" for k in v.children if k.dep_ in ("dobj", "prt", "advmod")}
    if lem in cue["status_lasting_verb"] | cue["status_ending_verb"] and v.tag_ == "VBD" and not _future(v):
        return "Occurred", True  # "the talks, which had been expected to last a day, ran until Tuesday night"
    if not (lem in cue["status_happening_verb"] or words & cue["status_happening_verb"]):
        return None
    if _future(v):
        return "Planned", True
    if v.tag_ == "VBD" or _perfect(v):
        return "Occurred", True
    return None


def _prepared_for(state, c: Cand) -> tuple[str, bool] | None:
    """The event is what preparations are for (row ``status_preparation_noun``, the
    noun before "for" or "to": "preparations for the summit are in full swing", "in the
    run-up to the talks"), told in the present or the future: still to come
    (Planned). Not in the past ("preparations for the summit began in May": it may
    since have been held)."""
    cue = state.ctx.cue
    t = c.trig
    if t.dep_ != "pobj" or t.head.lower_ not in ("for", "to"):
        return None
    noun = t.head.head
    if noun.pos_ != "NOUN" or _lemma(noun) not in cue["status_preparation_noun"]:
        return None
    v = noun
    for _ in range(4):
        if _is_verb(v) or v.head.i == v.i:
            break
        v = v.head
    if not _is_verb(v) or _negated(v) or _hypothetical(v):
        return None
    if "VBD" in _finite_tags(v) or v.tag_ == "VBD":
        return None
    return "Planned", True


def _gerund_under(state, c: Cand) -> tuple[str, bool] | None:
    """A verb of meeting in the gerund after a preposition, or in a participle clause,
    with no subject or auxiliary of its own ("we will prepare by meeting the mediators",
    "the envoy will travel to Karvik, meeting the president there"): it takes the time
    of the verb it hangs on. Under a future verb: Planned (a modal of row
    ``status_modal`` there: Proposed); otherwise left to the other rules."""
    cue = state.ctx.cue
    g = c.trig
    if g.tag_ != "VBG" or any(k.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for k in g.children):
        return None
    for _ in range(3):  # "by meeting the mediators and then meeting the rebels"
        if g.dep_ == "conj" and g.head.tag_ == "VBG":
            g = g.head
    if g.dep_ == "pcomp" and g.head.dep_ == "prep" and _is_verb(g.head.head):
        v = g.head.head
    elif g.dep_ == "advcl" and _is_verb(g.head):
        v = g.head
    else:
        return None
    if _negated(v):
        return None
    if any(k.dep_ == "aux" and k.lower_ in cue["status_modal"] for k in v.children):
        return "Proposed", True
    return ("Planned", True) if _future(v) else None


def _plans_dropped(state, c: Cand) -> tuple[str, bool] | None:
    """The plan, offer or call that names the event (row ``status_proposal_noun``:
    "plans for a summit", "the proposal for talks") is dropped by a verb of row
    ``cancelled`` or a phrase of row ``status_dropping_phrasal``, as its object or
    passive subject ("scrapped plans for a summit", "plans for talks were abandoned"):
    the event will not be held (Cancelled). Not negated, hypothetical or to come."""
    cue = state.ctx.cue
    t = c.trig
    if t.dep_ != "pobj" or t.head.lower_ not in ("for", "of") or t.head.head.pos_ != "NOUN":
        return None
    n = t.head.head
    if _lemma(n) not in cue["status_proposal_noun"] or n.dep_ not in ("dobj", "nsubjpass"):
        return None
    v = n.head
    if not _is_verb(v) or not _told_plainly(cue, v):
        return None
    if _lemma(v) in cue["cancelled"] or _phrasal(v, "status_dropping_phrasal"):
        return "Cancelled", True
    return None


def _taking_effect_later(state, k) -> bool:
    """``k``, a clause on the event, tells it as starting or taking effect in the
    future (row ``status_taking_effect``, a verb alone or with its object, particle or
    preposition: "a truce that will take effect on Saturday", "a pause that will begin
    at dawn"): announced, to come (Planned)."""
    cue = state.ctx.cue
    if not _future(k) or _negated(k) or any(a.dep_ == "aux" and a.lower_ in cue["status_modal"] for a in k.children):
        return False
    return _taking_effect(state, k)


def _set_to_take_effect(state, v) -> bool:
    """``v``, the verb of an agreement noun that names an event ("the truce deal"), tells it
    as taking effect later, with no condition: "the truce deal will take effect on Sunday"
    (a deal made, to start then: Planned), not "would take effect if approved" (Proposed)."""
    return _taking_effect_later(state, v) and not _hypothetical(v) and not any(
        a.dep_ == "aux" and a.lower_ in state.ctx.cue["status_conditional_aux"] for a in v.children)


def _took_effect(state, c: Cand) -> bool:
    """The event noun of ``c`` qualifies an agreement noun ("the ceasefire deal", "a truce
    agreement") that is the subject of a verb of taking effect (row ``status_taking_effect``)
    told in the past: "the ceasefire deal took effect on Sunday", "a truce agreement came
    into force at dawn" (in force: the truces stage tells it Ongoing), not "will take effect"."""
    n = c.trig.head
    v = n.head
    return (n.dep_ in ("nsubj", "nsubjpass") and _is_verb(v) and (v.tag_ == "VBD" or _perfect(v))
            and not _future(v) and not _negated(v) and _taking_effect(state, v))


def _taking_effect(state, k) -> bool:
    """``k`` is a verb of starting or taking effect (row ``status_taking_effect``), alone or
    with its object, particle, or preposition and its object ("take effect", "come into force")."""
    cue = state.ctx.cue
    lem = _lemma(k)
    words = {f"{lem} {x.lower_}" for x in k.children if x.dep_ in ("dobj", "prt", "advmod")} | {
        f"{lem} {x.lower_} {o.lower_}" for x in k.children if x.dep_ == "prep" for o in x.children if o.dep_ == "pobj"}
    return lem in cue["status_taking_effect"] or bool(words & cue["status_taking_effect"])


def _not_accepted(state, c: Cand) -> tuple[str, bool] | None:
    """The event, or the offer, call or plan that names it (row ``status_proposal_noun``),
    is the object of a verb of accepting (row ``status_accepting_verb``) negated in the
    simple past or the future ("Lima did not accept the truce", "said it would not
    accept a ceasefire"): turned down (Rejected). Not "has not (yet) accepted", "not
    yet", "still": an answer still awaited."""
    cue = state.ctx.cue
    t = c.trig
    n = t
    if t.dep_ == "pobj" and t.head.lower_ in ("of", "for") and t.head.head.pos_ == "NOUN":
        n = t.head.head
        if _lemma(n) not in cue["status_proposal_noun"]:
            return None
    v = n.head
    if n.dep_ != "dobj" or not _is_verb(v) or _lemma(v) not in cue["status_accepting_verb"] or not _negated(v):
        return None
    if _perfect(v) or _hypothetical(v) or any(k.lower_ in ("yet", "still") for k in v.children):
        return None
    aux = {k.lower_ for k in v.children if k.dep_ == "aux"}
    return ("Rejected", True) if _future(v) or aux & {"did", "do", "does"} else None


def _followed(state, c: Cand) -> tuple[str, bool] | None:
    """The event is the object of a verb of coming after it (row ``status_following_verb``)
    in the present or the past ("the envoy's arrival follows a meeting with the
    president", "the vote followed talks in Karvik"): what came first was held
    (Occurred). Not negated, hypothetical or to come ("a summit will follow the talks")."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    if t.dep_ != "dobj" or not _is_verb(v) or _lemma(v) not in cue["status_following_verb"]:
        return None
    if not _told_plainly(cue, v) or v.tag_ not in ("VBZ", "VBP", "VBD", "VBN"):
        return None
    return "Occurred", True


def _in_doubt(state, c: Cand) -> tuple[str, bool] | None:
    """The event is the subject of a verb in a clause of doubt or condition (row
    ``hypothetical_mark``: "whether the talks will resume remains unclear", "if the
    talks resume") told in the present or the future: only possible (Proposed). Not a
    past ("asked whether the talks had ended"): what became of it is told elsewhere."""
    cue = state.ctx.cue
    t = c.trig
    v = t if _verbal(c) else t.head
    if not _verbal(c) and t.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if not _is_verb(v) or _negated(v) or not any(k.dep_ == "mark" and k.lower_ in cue["hypothetical_mark"]
                                                  for k in v.children):
        return None
    aux = [k for k in v.children if k.dep_ in ("aux", "auxpass")]
    tags = {k.tag_ for k in aux} | {v.tag_}
    if _perfect(v) or "VBD" in tags:
        return None
    return "Proposed", True


def _over_before(state, c: Cand, v) -> bool:
    """``v``, the verb that tells the event, is in the past and the event is dated
    before the report ("talks were ongoing in 2019 when the war broke out"): what went
    on then is over as told (Occurred), not under way now."""
    pub = state.ctx.pub
    aux = [k for k in v.children if k.dep_ in ("aux", "auxpass")]
    past = v.tag_ == "VBD" or any(k.tag_ == "VBD" for k in aux)
    if not past or pub is None:
        return False
    hi = c.bounds()[1]
    if hi is None:  # the day of the verb's own clause ("as the talks continued on Monday")
        # (or of the clause it is the "as" or "while" of: "as the talks went on, ... on Monday")
        verbs = [v] + ([v.head] if v.dep_ == "advcl" and _is_verb(v.head) else [])
        days = [state.ctx.timexes[state.ctx.tok_timex[x.i]][0] for u in verbs for k in u.children
                if k.dep_ in ("prep", "npadvmod") for x in k.subtree if x.i in state.ctx.tok_timex]
        hi = max((d.latest for d in days if d.latest is not None), default=None)
    return hi is not None and hi < pub


def _within_reach(state, c: Cand) -> tuple[str, bool] | None:
    """An event told in the present as put forward: the subject of a copular verb (row
    ``status_copular_verb``) with "on" and a noun of row ``status_offered_noun`` ("a
    truce is on the table", "talks are on offer"); or terms or an exchange (not a
    meeting) told as near, with "within" or "in" and a noun of row ``status_reach_noun``
    ("a ceasefire is within reach", "a swap is in sight") or an adjective of row
    ``status_pending_adjective`` ("a truce is close"): not made yet (Proposed)."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    if t.dep_ != "nsubj" or not _is_verb(v) \
            or _lemma(v) not in cue["status_copular_verb"] or _negated(v) or _perfect(v):
        return None
    if v.tag_ not in ("VBZ", "VBP") and not any(k.dep_ == "aux" and k.tag_ in ("VBZ", "VBP") for k in v.children):
        return None
    if any(p.dep_ == "prep" and p.lower_ == "on" and any(o.dep_ == "pobj" and o.lower_ in cue["status_offered_noun"]
                                                         for o in p.children) for p in v.children):
        return "Proposed", True  # "a truce is on the table", "talks are on offer"
    if c.kind in MEETING_FAMILY:
        return None
    near = any(p.dep_ == "prep" and p.lower_ in ("within", "in", "on") and any(
        o.dep_ == "pobj" and o.lower_ in cue["status_reach_noun"] for o in p.children) for p in v.children)
    near = near or any(k.dep_ == "acomp" and _lemma(k) in cue["status_pending_adjective"] for k in v.children)
    return ("Proposed", True) if near else None


def _mandated(state, c: Cand) -> tuple[str, bool] | None:
    """The event is the subject of a clause in the mandative subjunctive (a bare verb,
    or a bare "be" with a participle, no modal or tense of its own) after a verb of
    asking or putting forward (row ``status_mandating_verb``: "suggested that a summit
    be held in Karvik", "demanded that the talks resume at once"): only put forward
    (Proposed)."""
    cue = state.ctx.cue
    t = c.trig
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return None
    v = t.head
    if not _is_verb(v) or v.dep_ != "ccomp" or not _is_verb(v.head) \
            or _lemma(v.head) not in cue["status_mandating_verb"]:
        return None
    aux = [k for k in v.children if k.dep_ in ("aux", "auxpass")]
    bare = v.tag_ == "VB" and not aux or v.tag_ == "VBN" and len(aux) == 1 and aux[0].lower_ == "be" \
        or v.tag_ == "VBP" and not aux and v.head.tag_ == "VBD"  # "insisted that the talks take place": not "took"
    return ("Proposed", True) if bare and not _negated(v.head) else None


def _asked_for(state, c: Cand) -> tuple[str, bool] | None:
    """The event is what a verb with its preposition asks for (row
    ``status_urging_phrase``: "Lima insisted on direct talks", "the union is lobbying
    for a meeting"): only put forward (Proposed). Not negated."""
    cue = state.ctx.cue
    t = c.trig
    if t.dep_ != "pobj" or not _is_verb(t.head.head):
        return None
    v = t.head.head
    if f"{_lemma(v)} {t.head.lower_}" not in cue["status_urging_phrase"] or _negated(v):
        return None
    return "Proposed", True


def _favoured(state, c: Cand) -> tuple[str, bool] | None:
    """The event is what something is to give way to ("scrap the regime in favour of
    annual talks", row ``status_favour_noun`` after "in", before "of"): sought in its
    place, whatever the verb does to the thing it replaces (Proposed)."""
    cue = state.ctx.cue
    t = c.trig
    if t.dep_ != "pobj" or t.head.lower_ != "of":
        return None
    noun = t.head.head
    if noun.lower_ not in cue["status_favour_noun"] or noun.dep_ != "pobj" or noun.head.lower_ != "in":
        return None
    return "Proposed", True


def _begin_after_as(state, c: Cand) -> tuple[str, bool] | None:
    """A headline's "... as talks begin" that the parser read as "as" with the talks as
    its object and the verb after them left without a subject: the talks followed
    straight by a present verb of starting (row ``status_begun_verb``) are under way
    (Ongoing)."""
    cue = state.ctx.cue
    t = c.trig
    if t.dep_ != "pobj" or t.head.lower_ != "as" or t.i + 1 >= len(t.doc):
        return None
    v = t.doc[t.i + 1]
    if not _is_verb(v) or v.tag_ not in ("VBP", "VBZ") or _lemma(v) not in cue["status_begun_verb"] \
            or any(k.dep_ in ("nsubj", "nsubjpass", "aux") for k in v.children):
        return None
    return "Ongoing", True


def _being_held(state, c: Cand) -> tuple[str, bool] | None:
    """The event is the subject of a verb of holding talks (row
    ``status_meeting_day_verb``) in the present progressive passive ("talks are being
    held in Karvik", "the round is being convened behind closed doors"): under way
    (Ongoing); dated after the report, to come (Planned). Not negated or under a modal."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    if t.dep_ != "nsubjpass" or not _is_verb(v) or _lemma(v) not in cue["status_meeting_day_verb"]:
        return None
    aux = [k for k in v.children if k.dep_ in ("aux", "auxpass")]
    if not any(k.lower_ == "being" for k in aux) or not any(k.lower_ in cue["progressive_aux"] for k in aux):
        return None
    if _negated(v) or _hypothetical(v) or any(k.lower_ in cue["status_modal"] for k in aux):
        return None
    lo = c.bounds()[0]
    later = lo is not None and state.ctx.pub is not None and lo > state.ctx.pub
    return ("Planned" if later else "Ongoing"), True


def _owned_drop(state, c: Cand) -> tuple[str, bool] | None:
    """The event owns a noun of dropping or refusing ("the talks' postponement", "the
    summit's cancellation", rows ``status_dropping_noun``, ``status_refusal_noun``):
    Cancelled or Rejected, as "the postponement of the talks" is (not when a day after
    the report is told in the sentence: put off to it, Planned)."""
    cue = state.ctx.cue
    t = c.trig
    if t.dep_ != "poss" or t.head.pos_ != "NOUN":
        return None
    noun = t.head
    g = noun.head if _is_verb(noun.head) else None
    if g is not None and (_negated(g) or _hypothetical(g)):
        return None
    if _lemma(noun) in cue["status_refusal_noun"]:
        return "Rejected", True
    if _lemma(noun) not in cue["status_dropping_noun"]:
        return None
    return ("Planned" if _sent(t).start in state.ctx.later_sents else "Cancelled"), True


def _would_be(state, c: Cand) -> tuple[str, bool] | None:
    """The event, subject of "would be" with an adjective ("a summit would be welcome",
    "talks would be premature"): judged as a possibility (Proposed). Row
    ``status_conditional_aux``."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    if t.dep_ != "nsubj" or not _is_verb(v) or _lemma(v) != "be" or _negated(v):
        return None
    if not any(k.dep_ == "aux" and k.lower_ in cue["status_conditional_aux"] for k in v.children):
        return None
    return ("Proposed", True) if any(k.dep_ == "acomp" and k.pos_ == "ADJ" for k in v.children) else None


def _likely(state, c: Cand) -> tuple[str, bool] | None:
    """The event, subject of "be" with an adjective of likelihood (row
    ``status_likelihood_adjective``), with its to-infinitive or without ("a summit is likely
    to be held in the spring", "talks are unlikely to resume", "more bilateral talks were
    likely after the session"): a hedge on what may come (Proposed)."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    if t.dep_ != "nsubj" or not _is_verb(v) or _lemma(v) != "be" or _negated(v):
        return None
    adj = [k for k in v.children if k.dep_ == "acomp" and k.lower_ in cue["status_likelihood_adjective"]]
    if not adj:
        return None
    if any(k.dep_ in ("relcl", "acl") and _is_verb(k) and (k.tag_ == "VBD" or _perfect(k))
           and not _planned_head(cue, k) for k in t.children):
        return None  # "talks that collapsed on Wednesday are unlikely to resume": those talks were held
    return "Proposed", True


def _maybe_agreed(state, c: Cand) -> tuple[str, bool] | None:
    """The event is what a verb of agreeing (row ``status_agreeing_verb``) under a modal
    of possibility (rows ``status_modal``, ``status_can_word``) takes ("a truce might
    be agreed within days", "hope a truce can be agreed by Friday"): not agreed yet
    (Proposed)."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    if t.dep_ not in ("nsubjpass", "dobj") or not _is_verb(v) \
            or _lemma(v) not in cue["status_agreeing_verb"] or _negated(v):
        return None
    modal = cue["status_modal"] | cue["status_can_word"]
    return ("Proposed", True) if any(k.dep_ == "aux" and k.lower_ in modal for k in v.children) else None


def _in_swing(state, c: Cand) -> tuple[str, bool] | None:
    """Talks, subject of a copular verb (row ``status_copular_verb``) in the present,
    "in" a state of going on (row ``status_going_noun``: "talks are in full swing",
    "the council is in session"): under way (Ongoing)."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    if t.dep_ != "nsubj" or not _is_verb(v) or _lemma(v) not in cue["status_copular_verb"] \
            or _negated(v) or _perfect(v) or not _present(v):
        return None
    going = any(p.dep_ == "prep" and p.lower_ == "in" and any(
        o.dep_ == "pobj" and o.lower_ in cue["status_going_noun"] for o in p.children) for p in v.children)
    return ("Ongoing", True) if going else None


def _so_far(state, c: Cand) -> tuple[str, bool] | None:
    """Talks, subject of a verb in the present perfect told "so far", "thus far" or "to
    date" (row ``status_so_far_phrase``: "the talks have made little progress so
    far"): begun and not over (Ongoing)."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    if t.dep_ != "nsubj" or not _is_verb(v) or not _perfect(v) \
            or not any(k.dep_ == "aux" and k.tag_ in ("VBZ", "VBP") for k in v.children) or _hypothetical(v):
        return None
    words = " " + " ".join(x.lower_ for x in v.subtree) + " "  # (the parser may hang "to date" on the object)
    return ("Ongoing", True) if any(f" {p} " in words for p in cue["status_so_far_phrase"]) else None

def _credited(state, g) -> bool:
    """The gerund ``g`` tells what someone is thanked, praised or blamed for (row
    ``status_credit_verb``: "congratulated Kenya for organizing the summit", "thanked Norway
    for arranging the talks"): a thing done, not one being prepared."""
    h = g.head
    return (g.dep_ == "pcomp" and h.lower_ == "for" and h.head.i != h.i
            and _lemma(h.head) in state.ctx.cue["status_credit_verb"])
