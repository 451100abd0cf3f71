"""Proposals: who put forward which offer, plan or demand (from their triggers), the link
from a proposal to the event it proposes, their times, and rejections."""

from __future__ import annotations

from kg.extract.events.arguments import _give_time
from kg.extract.events.coref import _event_at, _focus_before
from kg.extract.events.dates import _period_start
from kg.extract.events.lexicon import _entries
from kg.extract.events.state import Cand
from kg.extract.events.speakers import _speaker
from kg.extract.events.statements import _last_statement
from kg.extract.events.syntax import (
    _climb, _embedding_speech, _future, _gov, _hypothetical, _is_verb, _lemma, _negated, _perfect,
)
from kg.extract.events.signings import _signer_verb
from kg.extract.events.terms import (
    _backers, _for_approval, _maker_told_before, _condition_clause, _content_makers, _joint, _denied, _infinitive_object, _named_possessor, _names_terms, _names_terms_offered, _offer_on_condition,
    _names_event, _offers_terms, _own_side, _plan_content, _plan_frame_event, _ready_for_event, _relative_head, _relative_of, _scheduled,
    _setting_of, _shared_clause_time, _sides, _subject_own, _told_today, _under_condition, _unmade, _wants_event,
)


def _proposer(state, t, last_person, last_subject):
    if t.dep_ == "advcl" and any(k.dep_ == "nsubjpass" for k in t.children):
        # "X accepted the Kenyan invitation after it was proposed": Kenya's, not X's (an agent is read before)
        who = state.ctx.actors_in([x for o in t.head.children if o.dep_ == "dobj" for k in o.children
                                   if k.dep_ in ("poss", "amod", "compound") for x in k.subtree])
        return who[0] if who else None
    name, s = _speaker(state, t, last_person, last_subject, allow_country=True)
    if name is None and t.dep_ == "conj":
        return _proposer(state, t.head, last_person, last_subject)
    if name is None and s is not None and _relative_of(state, t, s):  # "Peru, which proposed a truce"
        who = state.ctx.actor_of(t.head)
        return who[0] if who else None
    if name is None and s is not None and s.lower_ in state.ctx.cue["relative_subject_word"] and t.dep_ == "ccomp" \
            and _lemma(t.head) == "be":  # "It was Qatar that proposed the swap": the actor the cleft names
        who = state.ctx.actors_in([x for k in t.head.children if k.dep_ == "attr" for x in k.subtree])
        return who[0] if who else None
    sp = _embedding_speech(t) if name is None and s is not None and _own_side(state, s) else None
    if sp is not None:  # "X said her country proposed a meeting": X's country
        who, _ = _speaker(state, sp, last_person, last_subject, allow_country=True)
        return state.ctx.affiliation.get(who, who) if who else None
    return name


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
    if t.dep_ == "relcl" and t.head.i in state.trig_tokens and _entries().get(
            state.ctx.trig_at[t.head.i].kb_id_, {}).get("role") == "proposal_noun":
        return  # "the proposal that Qatar submitted on Monday": the noun's rule takes it (_proposed_by_agent)
    if _lemma(t) in cue["wanting_verb"] and not _wants_event(state, t):
        return  # "wants the talks to succeed", "wants an end to the war": no event asked for
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
    has_event = any(x.i in state.trig_tokens and _entries().get(state.ctx.trig_at[x.i].kb_id_, {}).get("role") in ("event", "event_verb") for x in obj_tokens)
    has_event = has_event or any(  # "suggested that they could sign the accord by June"
        x.i in state.trig_tokens and _entries().get(state.ctx.trig_at[x.i].kb_id_, {}).get("role") == "agreement_noun"
        and _signer_verb(state, x) is not None for x in obj_tokens)
    lem = _lemma(t)
    if lem in state.ctx.cue["raising_verb"] and not any(
        o.dep_ == "dobj" and o.i in state.trig_tokens for o in t.children
    ) and not any(o.dep_ == "xcomp" and any(x.i in state.trig_tokens for x in o.subtree) for o in t.children):
        return  # "raised concerns about the exchange" proposes nothing
    terms = _offers_terms(state, t)
    if not has_event and lem not in state.ctx.cue["proposing_verb"] and not any(
        _lemma(x) in state.ctx.cue["proposal_document_noun"] | cue["terms_offer_noun"] for x in obj_tokens
    ) and not terms:  # "put forward a new pay offer" proposes as "put forward a plan" does
        return
    proposer = _proposer(state, t, last_person, last_subject)
    if proposer is None and _for_approval(state, t):  # "The plan will be submitted to X for endorsement"
        told = [y for k in t.children if k.dep_ == "nsubjpass" and _lemma(k) in cue["plan_noun"] | cue[
            "proposal_document_noun"] for y in _maker_told_before(state, k)]
        proposer = told[0] if told else None
    subj = [x for x in t.children if x.dep_ == "nsubj"]
    quoted = bool(proposer is None and (has_event or terms) and subj and subj[0].lower_ in cue["first_person_subject"]
                  and _embedding_speech(t) is not None)  # '"I urge both sides to keep the truce," X said'
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
    if _future(t):
        c.status, c.strong = "Planned", True
    c.embedded = _embedding_speech(t)
    c.obj_tokens = obj_tokens
    subj = [x for x in t.children if x.dep_ == "nsubj"]
    start = subj[0].left_edge.i if subj else t.i
    end = max([t.i + 1] + [x.i + 1 for x in obj_tokens if x.i - t.i < 14])
    c.spans.append((min(start, t.i), end))
    state.cands.append(c)


def _proposal_by_agent(state, t, who: list, agents: list) -> Cand:
    """A proposal at ``t`` by the first of ``who`` (found in the passive's ``agents``),
    with the other actors of the agent phrase and the proposer's affiliation."""
    c = Cand("Proposal", "proposal", t)
    c.proposed_by = [who[0]]
    c.actors = [who[0]] + [a for a in state.ctx.actors_in(agents) if a != who[0]]
    aff = state.ctx.affiliation.get(who[0])
    if aff and aff not in c.actors:
        c.actors.append(aff)
    return c


def _proposed_in_passive(state, t) -> bool:
    """'Talks in Lima were proposed by Colombia', 'a truce proposed by Quito': the
    agent of the participle ``t`` proposes the event its passive subject or its
    noun names."""
    agents = [x for a in t.children if a.dep_ == "agent" for x in a.subtree]
    who = state.ctx.actors_in(agents, ("Person",)) or state.ctx.actors_in(agents)
    if not who:
        return False
    if t.dep_ == "acl":
        h = t.head
        obj = [x for x in h.subtree if not t.left_edge.i <= x.i <= t.right_edge.i]
        while not _names_event(state, obj) and h.dep_ == "pobj" and h.head.dep_ == "prep":
            h = h.head.head  # "a ceasefire of 60 days, proposed by Qatar": the participle hung on 'days'
            obj = [x for x in h.subtree if not t.left_edge.i <= x.i <= t.right_edge.i]
    else:
        obj = [x for k in t.children if k.dep_ == "nsubjpass" for x in k.subtree]
    if not _names_event(state, obj):
        return False
    c = _proposal_by_agent(state, t, who, agents)
    c.anchors = {t.i}
    c.perfect = _perfect(t)
    if _future(t):
        c.status, c.strong = "Planned", True
    c.embedded = _embedding_speech(t)
    c.obj_tokens = obj
    c.spans.append((min([t.i] + [x.i for x in obj]), max([t.i] + [x.i for x in agents]) + 1))
    state.cands.append(c)
    return True


def _offer_of_maker(state, t) -> None:
    """'The proposal by Kenya for a truce', 'Peru's demand for talks', 'a plan by
    Chile to hold talks': a proposal noun whose maker (its possessor, or the actor
    of 'by'/'from') and whose event (after 'of'/'for'/'on'/'to', or in its 'to'
    clause) the phrase names, whatever verb governs it."""
    cue = state.ctx.cue
    if any(k.dep_ == "det" and k.lower_ in cue["offer_absent_det"] for k in t.children):
        return
    g = _gov(t)
    if g is not None and (_negated(g) or _hypothetical(g) or _denied(state, g)):
        return
    terms = _lemma(t) in cue["terms_offer_noun"]
    if terms and _under_condition(state, t):
        return  # "if members vote a third time to reject X's offer": no offer told here
    makers = [x for k in t.children if k.dep_ == "poss" or k.dep_ == "prep" and k.lower_ in cue["offer_maker_prep"]
              for x in k.subtree]
    content = [x for k in t.children if k.dep_ == "prep" and k.lower_ in cue["offer_content_prep"]
               or k.dep_ == "acl" and _is_verb(k) and any(a.dep_ == "aux" and a.lower_ == "to" for a in k.children)
               for x in k.subtree]
    told = [x for k in t.children if k.dep_ == "appos" for x in k.subtree]
    if not _names_event(state, content) and _names_event(state, told):
        content = told  # "the Nigerian proposal - a truce of 30 days - was put to both sides"
    if terms or _names_event(state, content):  # "the Kenyan counteroffer", "the Uruguayan initiative for a summit"
        makers += [x for k in t.children if k.dep_ in ("amod", "compound") for x in k.subtree]
    makers += _backers(state, t)
    who = state.ctx.actors_in(makers) or _named_possessor(state, t) or _subject_own(state, t, g)
    if not who:
        return
    if not _names_event(state, content):
        if not terms:
            return
        if not content and any(c.role == "proposal" and _sides(state, who[:1]) & _sides(state, c.proposed_by)
                               for c in state.cands):
            return  # "no response yet to Kenya's proposal": the one its side made before, not another
        # an offer or demand of terms with its maker proposes what it is itself
    c = Cand("Proposal", "proposal", t)
    c.proposed_by = who[:1]
    c.actors = list(who)
    c.anchors = {t.i}
    c.obj_tokens = content
    c.embedded = _embedding_speech(g) if g is not None else None
    c.spans.append((t.left_edge.i, max(t.i + 1, min(t.right_edge.i + 1, t.i + 12))))
    state.cands.append(c)


def _proposed_by_agent(state, t) -> bool:
    """'a framework first outlined by President X in May', 'the plan put forward by
    Norway': a proposal by the agent of the participle, dated by its clause; set off by a
    comma after what the proposal is for, the participle is the proposal's ('a proposal
    for a swap of prisoners, made by Chile in May')."""
    content = [o for p in t.children if p.dep_ == "prep" and p.lower_ in state.ctx.cue["offer_content_prep"]
               for o in p.children if o.dep_ == "pobj"]
    for k in list(t.children) + [k for o in content for k in o.children if k.i > 0 and k.doc[k.i - 1].text == ","]:
        if k.dep_ != "acl" or k.tag_ != "VBN" or _lemma(k) not in state.ctx.cue["delivery_verb"] | state.ctx.cue["unveiling_verb"]:
            continue
        agents = [x for a in k.children if a.dep_ == "agent" for x in a.subtree]
        persons = state.ctx.actors_in(agents, ("Person",))
        who = persons or state.ctx.actors_in(agents)
        if not who:
            continue
        c = _proposal_by_agent(state, t, who, agents)
        c.anchors = {t.i, k.i}
        c.obj_tokens = [x for x in t.subtree if not (k.left_edge.i <= x.i <= k.right_edge.i)]
        c.spans.append((t.left_edge.i, k.right_edge.i + 1))
        state.cands.append(c)
        return True
    cue = state.ctx.cue
    for k in t.children:  # "the proposal, which Norway presented on Friday,": its subject's, on its day
        if k.dep_ != "relcl" or k.tag_ not in ("VB", "VBD", "VBN", "VBZ", "VBP") or _lemma(k) not in \
                cue["delivery_verb"] | cue["unveiling_verb"] | cue["proposing_verb"] or _negated(k) or _hypothetical(k):
            continue
        subj = [x for a in k.children if a.dep_ == "nsubj" for x in a.subtree]
        who = state.ctx.actors_in(subj, ("Person",)) or state.ctx.actors_in(subj)
        if not who:
            continue
        c = _proposal_by_agent(state, t, who, subj)
        c.anchors = {k.i}
        if _future(k):
            c.status, c.strong = "Planned", True
        c.obj_tokens = [x for x in t.subtree if not (k.left_edge.i <= x.i <= k.right_edge.i)]
        c.spans.append((t.left_edge.i, k.right_edge.i + 1))
        state.cands.append(c)
        return True
    return False


def _proposal_noun(state, t, last_person, last_subject):
    if t.dep_ in ("compound", "amod") and _lemma(t) in state.ctx.cue["draft_word"] and t.head.i in state.trig_tokens \
            and _entries().get(state.ctx.trig_at[t.head.i].kb_id_, {}).get("role") == "agreement_noun":
        t = t.head  # "prepared a draft agreement on water": the agreement drawn up is the proposal
    if _lemma(t) in state.ctx.cue["attempt_noun"] and any(
            k.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in k.children) for k in t.children):
        return  # "launched a bid to host the games": an attempt, not an offer
    n = len(state.cands)
    _proposal_noun_governed(state, t, last_person, last_subject)
    g = _gov(t)
    if len(state.cands) == n and not (g is not None and g.i in state.trig_tokens and _entries().get(
            state.ctx.trig_at[g.i].kb_id_, {}).get("role") == "propose"):
        _offer_of_maker(state, t)


def _proposal_noun_governed(state, t, last_person, last_subject):
    g = _gov(t)
    if g is None:
        return
    if t.dep_ in ("oprd", "attr", "dobj") and _lemma(g) in state.ctx.cue["naming_verb"] and \
            any(k.lower_ == "what" for k in g.children) and g.dep_ in ("ccomp", "dobj", "pcomp", "xcomp") and \
            _lemma(g.head) in state.ctx.cue["delivery_verb"]:
        g = g.head  # "tabled what officials called a bridging proposal": the tabling
    if _proposed_by_agent(state, t):
        return
    if _lemma(g) in state.ctx.cue["reaction_verb"] | state.ctx.cue["rejected"]:
        _offer_reacted_to(state, t, g)
        return
    cue = state.ctx.cue
    made = {y.i for x in t.subtree if x.dep_ == "acl" and x.tag_ == "VBN" and _lemma(x) in cue["agreement_made_verb"]
            for y in x.subtree}  # "the text of a treaty initialled during a meeting": terms agreed, no proposal
    content = [x for x in t.subtree if x.i not in made]
    # "handed over to Kyiv its memorandum on a truce": the parser hangs the handed thing on
    # the recipient and what it is about on the verb
    recipient_appos = (t.dep_ == "appos" and any(k.dep_ == "poss" for k in t.children)
                       and t.head.dep_ == "pobj" and t.head.head.lower_ == "to" and t.head.head.head.i == g.i)
    if recipient_appos:
        content += [x for k in g.children if k.dep_ == "prep" and k.lower_ in cue["offer_content_prep"]
                    for x in k.subtree]
    if t.dep_ == "dobj":  # "made a proposal for a truce": the parser hangs what it is for on the verb
        content += [x for k in g.children if k.dep_ == "prep" and k.lower_ in cue["offer_content_verb_prep"]
                    for x in k.subtree]
    drafted = _lemma(t) in cue["draft_word"] and any(x.i in state.trig_tokens and _entries().get(state.ctx.trig_at[x.i].kb_id_, {}).get("role") == "agreement_noun"
                  for k in t.children if k.dep_ == "prep" and k.lower_ == "of" for x in k.subtree)  # "a draft of the trade deal",
    # not "published the text of the agreement initialled on Friday"
    if (_lemma(t) in cue["plan_noun"] or _lemma(t) in cue["proposal_text_noun"]) and not _names_event(state, content) \
            and not _names_terms(state, t) and _lemma(t) not in cue["terms_offer_noun"] and not drafted \
            and not _for_approval(state, g):
        return  # "presented a plan" alone is no proposal; "gave them a draft of a truce", "released a draft of the deal" are
    if g.i in state.trig_tokens and _entries().get(state.ctx.trig_at[g.i].kb_id_, {}).get("role") == "propose":
        return
    if _lemma(g) not in state.ctx.cue["delivery_verb"] | cue["drafting_verb"] \
            or t.dep_ not in ("dobj", "nsubjpass", "pobj", "oprd", "attr") and not recipient_appos:
        return
    if _negated(g) or _hypothetical(g) or _denied(state, g):
        return
    maker = state.ctx.actors_in([x for k in t.children if k.dep_ == "poss" for x in k.subtree])
    if not maker and t.dep_ == "nsubjpass":  # "a new draft will be sent to Oslo by Britain": the agent's
        maker = state.ctx.actors_in([x for k in g.children if k.dep_ == "agent" for x in k.subtree])
    proposer = maker[0] if maker else _proposer(state, g, last_person, last_subject)
    if proposer is None and t.dep_ == "nsubjpass" and _for_approval(state, g):
        told = _maker_told_before(state, t)  # "Mali's junta drew up a timetable. The plan will be sent to X for approval"
        proposer = told[0] if told else None
    subj = [x for x in g.children if x.dep_ == "nsubj"]
    if proposer is None and not (subj and subj[0].pos_ in ("NOUN", "PROPN")):
        return
    c = Cand("Proposal", "proposal", t)
    # "put Kenya's offer to a vote": the offer is its maker's, not the subject's
    c.proposed_by = [proposer] if maker else _joint(state, g, proposer)
    c.actors = list(c.proposed_by) if proposer else state.ctx.actors_in([x for s in subj for x in s.subtree])
    c.anchors = {t.i, g.i} | _shared_clause_time(state, g)
    if g.tag_ == "VBG" and g.dep_ == "pcomp" and g.head.lower_ == "with" and _is_verb(g.head.head):
        c.anchors.add(g.head.head.i)  # "talks ended on Friday with X tabling a proposal": on Friday
    c.perfect = _perfect(g)
    if _future(g):
        c.status, c.strong = "Planned", True
    c.embedded = _embedding_speech(g)
    c.obj_tokens = content
    subj = [x for x in g.children if x.dep_ == "nsubj"]
    start = subj[0].left_edge.i if subj else g.i
    c.spans.append((min(start, g.i, t.i), max(t.i + 1, min(t.right_edge.i + 1, t.i + 12))))
    state.cands.append(c)


def _offer_reacted_to(state, t, g):
    """'The rebels rejected Kenya's offer of talks', 'dismissed the offers of a truce from
    Oslo': an offer someone reacts to was made; its maker is the possessor or the actor
    of 'from', what it proposes the event its phrase names (the reaction is judged later
    by :func:`_rejections`)."""
    cue = state.ctx.cue
    if t.dep_ not in ("dobj", "nsubjpass") or _negated(g) or _hypothetical(g):
        return
    content = [x for k in t.children if k.dep_ == "prep" and k.lower_ in cue["offer_content_prep"]
               or k.dep_ == "acl" and _is_verb(k) for x in k.subtree]  # "an invitation to attend talks"
    if t.dep_ == "dobj":  # "dismissed the Moldovan plan for a summit", the 'for' hung on the verb
        content += [x for k in g.children if k.dep_ == "prep" and k.lower_ in cue["offer_content_verb_prep"]
                    for x in k.subtree]
    makers = [x for k in t.children if k.dep_ == "poss" or k.dep_ == "prep" and k.lower_ in cue["offer_maker_prep"]
              for x in k.subtree] + [k for k in t.children if k.dep_ in ("amod", "compound")]  # "the Kenyan invitation"
    makers += _backers(state, t)
    if not _names_event(state, content):
        who = state.ctx.actors_in(makers)
        earlier = [c for c in state.cands if c.role == "proposal" and c.trig.i < t.i and not c.proposed_by
                   and _lemma(c.trig) == _lemma(t)]
        if who and earlier and any(k.dep_ == "det" and k.lower_ in cue["definite_det"] for k in t.children):
            earlier[-1].proposed_by = who[:1]  # "... accepted an invitation to talks ... the Kenyan invitation"
            earlier[-1].actors += [a for a in who[:1] if a not in earlier[-1].actors]
        elif not who and not earlier and _lemma(t) in cue["terms_offer_noun"] \
                and _names_terms_offered(state, t, content) \
                and all(k.lower_ in cue["indefinite_det"] for k in t.children if k.dep_ == "det"):
            c = Cand("Proposal", "proposal", t)  # "voted to accept a pay offer": an offer was made, by someone
            c.anchors = {t.i}
            c.reaction = g.i
            c.obj_tokens = []
            c.embedded = _embedding_speech(g)
            c.spans.append((t.left_edge.i, max(t.i + 1, min(t.right_edge.i + 1, t.i + 12))))
            state.cands.append(c)
        return
    makers += _content_makers(state, t)  # "offers of talks from Kenya"
    who = state.ctx.actors_in(makers)
    c = Cand("Proposal", "proposal", t)
    c.proposed_by = who[:1]
    c.actors = list(who)
    c.anchors = {t.i}
    c.reaction = g.i
    c.obj_tokens = content
    c.embedded = _embedding_speech(g)
    c.spans.append((t.left_edge.i, max(t.i + 1, min(t.right_edge.i + 1, t.i + 12))))
    state.cands.append(c)


def _proposals_link(state):
    events = [c for c in state.cands if c.role == "event"]
    for e in events:  # "demanded X before any talks can begin": talks to come, not held
        if e.trig.i in getattr(state, "condition_tokens", ()) and e.status == "Occurred" and not e.strong:
            e.status = "Proposed"
    for p in state.cands:
        if p.role != "proposal":
            continue
        toks = {x.i for x in getattr(p, "obj_tokens", [])} | _plan_content(state, p)
        framed = _plan_frame_event(state, p)
        for e in events:
            if e.trig.i in toks or e is framed:
                r = e.root()
                p.proposes = r
                r.proposal = p
                g = _gov(e.trig)
                told_by_proposal = g is not None and (g.i == p.trig.i or g.i in p.anchors or g.i == getattr(
                    p, "reaction", None)) and len(r.spans) <= 1
                if (r.status != "Occurred" or not r.strong or told_by_proposal) and r.status not in (
                        "Rejected", "Cancelled") and not (r.status == "Planned" and r.strong and _scheduled(state, e)):
                    r.status, r.strong = "Proposed", True
                # a date hanging on the proposal verb that lies ahead is the proposed event's
                break
        if p.proposes is not None and p.proposes.time is None:
            for k, (tv, span) in enumerate(state.timexes):
                root = span.root
                if root.head.i == root.i:
                    continue
                at = _climb(root, set())
                if at.i == p.trig.i:
                    prep = root.head if root.dep_ == "pobj" else None
                    _give_time(state, p.proposes, tv, prep, k)
        if p.proposes is not None and p.proposes.latest is None and p.proposes.time is None:
            for k, (tv, span) in enumerate(state.timexes):
                root = span.root
                if root.dep_ == "pobj" and root.head.lower_ == "before" and _climb(root, set()).i == p.trig.i:
                    _give_time(state, p.proposes, tv, root.head, k)


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
                    and q.trig.sent.start == p.trig.sent.start]
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
    for sent in state.sents:
        for t in sent:
            if not _is_verb(t) or _lemma(t) not in cue["rejected"] or _negated(t) or _hypothetical(t):
                continue
            prts = {k.lower_ for k in t.children if k.dep_ in ("prt", "advmod")}
            if _lemma(t) in cue["rejecting_phrasal_verb"] and not prts & cue["rejecting_particle"]:
                continue
            objs = [o for o in t.children if o.dep_ in ("dobj", "nsubjpass")]
            if not objs and t.dep_ == "relcl" and t.head.pos_ == "NOUN":
                objs = [t.head]  # "a demand the ministry has rejected": the noun the clause hangs on
            for o in objs:
                victim = None
                own = [c.root() for c in state.cands if c.role == "proposal" and c.trig.i == o.i]
                if not own and o.lower_ in cue["rejected_pronoun"]:
                    # "offered a raise to the union, which rejected it", "made a bid, but it was
                    # rebuffed": the proposal told before in the sentence
                    own = [c.root() for c in state.cands if c.role == "proposal" and c.trig.sent.start == t.sent.start
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
