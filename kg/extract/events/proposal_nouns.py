"""Proposal nouns: who put forward an offer, plan, draft or demand named by a noun ("the
proposal by Kenya for a truce", "the plan that Kenya will present next week", "talks held at
the initiative of Qatar", "rejected Kenya's offer of talks"), and who proposes by a verb
(:func:`_proposer`, read by :mod:`kg.extract.events.proposals` too)."""

from __future__ import annotations

from kg.extract.events.state import Cand
from kg.extract.events.speakers import _sole_holder, _speaker
from kg.extract.events.syntax import (
    _embedding_speech, _future, _gov, _has_to, _hypothetical, _is_verb, _lemma, _negated, _perfect, _timetabled,
)
from kg.extract.events.terms import (
    _backers, _content_makers, _denied, _for_approval, _joint, _maker_told_before, _named_possessor, _names_event,
    _names_terms, _names_terms_offered, _own_side, _relative_of, _sent_text_verb, _shared_clause_time, _sides,
    _subject_own, _under_condition,
)


def _proposer(state, t, last_person, last_subject):
    if t.dep_ == "advcl" and any(k.dep_ == "nsubjpass" for k in t.children):
        # "X accepted the Kenyan invitation after it was proposed": Kenya's, not X's (an agent is read before)
        who = state.ctx.actors_in([x for o in t.head.children if o.dep_ == "dobj" for k in o.children
                                   if k.dep_ in ("poss", "amod", "compound") for x in k.subtree])
        return who[0] if who else None
    name, s = _speaker(state, t, last_person, last_subject, allow_country=True)
    if name is None and s is None and (sent := _sent_text_verb(state, t)) is not None:
        return _proposer(state, sent, last_person, last_subject)  # "X sent a letter proposing talks": X
    if name is None and s is not None and (held := _sole_holder(state, s)):  # "the king urged"
        return held[0]
    if name is None and s is None and t.dep_ == "xcomp" and _lemma(t.head) in state.ctx.cue["status_planned_head"] \
            and not _negated(t.head):
        g = t.head  # "X is expected to table a plan", "X is due to present proposals": X (not "is not expected to")
        subj = [x for x in g.children if x.dep_ == "nsubjpass"] or (
            [x for x in g.head.children if x.dep_ == "nsubj"] if g.dep_ == "acomp" and _lemma(g.head) == "be" else [])
        who = state.ctx.actors_in([y for x in subj for y in x.subtree])
        return who[0] if who else None
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
def _proposal_by_agent(state, t, who: list, agents: list) -> Cand:
    """A proposal at ``t`` by the first of ``who`` (found in the passive's ``agents``) and
    those joined to it there ("put forward by Egyptian and Qatari mediators": both), with
    the other actors of the agent phrase and the proposer's affiliation."""
    c = Cand("Proposal", "proposal", t)
    c.proposed_by = _joined_makers(state, agents, who[0])
    c.actors = [who[0]] + [a for a in state.ctx.actors_in(agents) if a != who[0]]
    aff = state.ctx.affiliation.get(who[0])
    if aff and aff not in c.actors:
        c.actors.append(aff)
    return c


def _joined_makers(state, toks, first: str) -> list[str]:
    """``first`` and the actors named by the words joined to its word among ``toks`` ("by
    Egypt and Qatar", "by Egyptian and Qatari mediators"): who made it together."""
    tok_actor = state.ctx.tok_actor
    at = next((x for x in toks if tok_actor.get(x.i, ("",))[0] == first), None)
    out = [first]
    for x in at.conjuncts if at is not None else ():
        name = tok_actor.get(x.i, (None,))[0]
        if name is not None and name not in out:
            out.append(name)
    return out


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
        if [x.lower_ for x in obj] == ["it"]:  # "it was proposed by Kenya that the talks be moved"
            obj = [x for k in t.children if k.dep_ == "ccomp" for x in k.subtree]
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
    makers = _maker_words(state, t)
    content = [x for k in t.children if k.dep_ == "prep" and k.lower_ in cue["offer_content_prep"]
               or k.dep_ == "acl" and _is_verb(k) and _has_to(k)
               for x in k.subtree]
    if not _names_event(state, content):
        content += _event_modifiers(state, t)
    told = [x for k in t.children if k.dep_ == "appos" for x in k.subtree]
    if not _names_event(state, content) and _names_event(state, told):
        content = told  # "the Nigerian proposal - a truce of 30 days - was put to both sides"
    # "rejected Kenya's 10-point peace plan": terms put forward, reacted to
    reacted_terms = _names_terms(state, t) and g is not None and _lemma(g) in (
        cue["reaction_verb"] | cue["rejected"] | cue["weighing_verb"])
    if terms or reacted_terms or _names_event(state, content):  # "the Kenyan counteroffer", "the Uruguayan initiative for a summit"
        makers += [x for k in t.children if k.dep_ in ("amod", "compound") for x in k.subtree]
    makers += _backers(state, t)
    who = state.ctx.actors_in(makers) or _named_possessor(state, t) or _subject_own(state, t, g)
    quoted = not who and g is not None and _embedding_speech(g) is not None and any(
        k.dep_ == "poss" and k.lower_ in cue["first_person_possessive"] for k in t.children)
    if not who and not quoted:  # '"Our offer of talks stands," X said': the speaker's (proposals._proposal_times)
        return
    if not _names_event(state, content):
        if not terms and not reacted_terms:
            return
        if not content and any(c.role == "proposal" and _sides(state, who[:1]) & _sides(state, c.proposed_by)
                               for c in state.cands):
            return  # "no response yet to Kenya's proposal": the one its side made before, not another
        # an offer or demand of terms with its maker proposes what it is itself
    _noun_proposal(state, t, who, content, g, makers).quoted = quoted


def _maker_words(state, t) -> list:
    """The words that name the maker of the proposal noun ``t``: its possessor and the phrase
    of 'by' or 'from' (row offer_maker_prep), each phrase's own words before those of a
    possessor inside it ("proposals from the EU's Portuguese presidency": the presidency is
    Portugal's, before the EU; "an offer from Russia's foreign ministry": Russia).

    >>> import spacy
    >>> doc = spacy.blank("en")("proposals from EU 's Portuguese presidency")
    >>> for i, (head, dep) in enumerate([(0, "ROOT"), (0, "prep"), (5, "poss"), (2, "case"), (5, "amod"),
    ...                                  (1, "pobj")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> class _S:
    ...     class ctx:
    ...         cue = {"offer_maker_prep": frozenset({"by", "from"})}
    >>> [x.text for x in _maker_words(_S, doc[0])]
    ['from', 'Portuguese', 'presidency', 'EU', "'s"]
    """
    out = []
    for k in t.children:
        if k.dep_ == "poss" or k.dep_ == "prep" and k.lower_ in state.ctx.cue["offer_maker_prep"]:
            inner = {x.i for y in k.subtree if y.i != k.i for c in y.children if c.dep_ == "poss" for x in c.subtree}
            out += [x for x in k.subtree if x.i not in inner] + [x for x in k.subtree if x.i in inner]
    return out


def _noun_proposal(state, t, who: list, content: list, g, makers: list = ()) -> Cand:
    """The proposal the noun ``t`` tells, made by the first of ``who`` and those joined to
    it among the words ``makers`` ("a proposal from Qatar and Egypt": both), proposing
    what ``content`` names, under the governing verb ``g`` (or None); its evidence is the
    noun phrase, at most twelve tokens. Added to the document's candidates and returned."""
    c = Cand("Proposal", "proposal", t)
    c.proposed_by = _joined_makers(state, makers, who[0]) if who and makers else who[:1]
    c.actors = list(who)
    c.anchors = {t.i}
    c.obj_tokens = content
    c.embedded = _embedding_speech(g) if g is not None else None
    c.spans.append((t.left_edge.i, max(t.i + 1, min(t.right_edge.i + 1, t.i + 12))))
    state.cands.append(c)
    return c


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
        c.obj_tokens += _content_of_clause(state, k)  # "a plan drawn up by Turkey for a truce"
        c.spans.append((t.left_edge.i, k.right_edge.i + 1))
        state.cands.append(c)
        return True
    cue = state.ctx.cue
    for k in t.children:  # "the proposal, which Norway presented on Friday,": its subject's, on its day
        if not _relative_clause(k) or k.tag_ not in ("VB", "VBD", "VBN", "VBZ", "VBP") or _lemma(k) not in \
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
        c.obj_tokens += _content_of_clause(state, k)  # "the plan that Oman presented for a truce"
        c.spans.append((t.left_edge.i, k.right_edge.i + 1))
        state.cands.append(c)
        return True
    return False


def _content_of_clause(state, k) -> list:
    """What the clause ``k`` on a proposal noun says it is for: 'the plan that Oman
    presented for a truce', 'a plan drawn up by Turkey for a ceasefire', 'an offer made by
    Oman to host talks'."""
    return [x for p in k.children if p.dep_ == "prep" and p.lower_ in state.ctx.cue["offer_content_prep"]
            or p.dep_ in ("advcl", "xcomp") and _has_to(p) for x in p.subtree]


def _relative_clause(k) -> bool:
    """``k`` heads a relative clause on its noun: 'the plan which Oman presented', and 'the
    plan that Oman presented' where the parser calls the clause an ``acl`` with a subject."""
    return k.dep_ == "relcl" or k.dep_ == "acl" and k.tag_ in ("VBD", "VBZ", "VBP") and any(
        c.dep_ == "nsubj" for c in k.children)


def _event_modifiers(state, t) -> list:
    """The event a proposal noun names by its modifier: 'Norway's 30-day truce proposal',
    'the Kosovo ceasefire plan', 'a summit offer' (the compound that is an event)."""
    return [x for k in t.children if k.dep_ == "compound" and k.i < t.i and _names_event(state, [k])
            for x in k.subtree]


def _resolution_put_forward(state, t) -> list | None:
    """A resolution ``t`` put forward, not adopted: drafted ('the French-drafted resolution', 'a
    draft resolution', 'a resolution drafted by Malta') or handed in ('submitted a
    resolution'); ``None`` when it is not, else the tokens of what its clause demands or
    calls for ('demanding a truce', row resolution_content_verb)."""
    cue = state.ctx.cue
    made = cue["maker_participle"] | cue["delivery_verb"] | cue["drafting_verb"] | cue["unveiling_verb"]
    drafted = any(k.dep_ in ("amod", "compound") and (_lemma(k) in cue["draft_word"] or k.tag_ == "VBN" and _lemma(k)
                  in cue["maker_participle"]) for k in t.children) or any(
        k.dep_ == "acl" and k.tag_ == "VBN" and _lemma(k) in made for k in t.children)
    g = _gov(t)
    handed = g is not None and t.dep_ in ("dobj", "nsubjpass") and _lemma(g) in cue["delivery_verb"] | cue["drafting_verb"]
    if not drafted and not handed:
        return None
    return [x for k in t.children if k.dep_ in ("acl", "relcl") and _lemma(k) in cue["resolution_content_verb"]
            for c in k.children if c.dep_ in ("dobj", "prep", "xcomp") for x in c.subtree]


def _resolution_proposal(state, t, content) -> None:
    """A proposal of the resolution ``t`` by its drafter ('the French-drafted resolution', 'a
    resolution drafted by Malta') or by who handed it in, for the event ``content`` names."""
    g = _gov(t)
    makers = _backers(state, t) + [x for k in t.children if k.dep_ == "poss" for x in k.subtree] + [
        x for k in t.children if k.dep_ == "acl" for a in k.children if a.dep_ == "agent" for x in a.subtree]
    who = state.ctx.actors_in(makers)
    if not who:
        return
    _noun_proposal(state, t, who, content, g)


def _proposal_noun(state, t, last_person, last_subject):
    if _lemma(t) in state.ctx.cue["resolution_noun"]:
        content = _resolution_put_forward(state, t)
        if content is None:
            return  # "adopted a resolution", "a peaceful resolution of the conflict": no proposal
        n = len(state.cands)
        _proposal_noun_told(state, t, last_person, last_subject)
        if len(state.cands) == n and _names_event(state, content):
            _resolution_proposal(state, t, content)
        return
    _proposal_noun_told(state, t, last_person, last_subject)


def _proposal_noun_told(state, t, last_person, last_subject):
    if t.dep_ in ("compound", "amod") and _lemma(t) in state.ctx.cue["draft_word"] and t.head.i in state.trig_tokens \
            and (state.ctx.entry_at.get(t.head.i) or {}).get("role") == "agreement_noun":
        t = t.head  # "prepared a draft agreement on water": the agreement drawn up is the proposal
    if _lemma(t) in state.ctx.cue["attempt_noun"] and any(
            k.dep_ == "acl" and _has_to(k) for k in t.children):
        return  # "launched a bid to host the games": an attempt, not an offer
    n = len(state.cands)
    if _occasion_of(state, t):
        return
    _proposal_noun_governed(state, t, last_person, last_subject)
    g = _gov(t)
    if len(state.cands) == n and not (g is not None and g.i in state.trig_tokens and (state.ctx.entry_at.get(g.i) or {}).get("role") == "propose"):
        _offer_of_maker(state, t)


def _occasion_of(state, t) -> bool:
    """'The talks were held at the initiative of Qatar', 'at Norway's invitation, the delegations
    met in Oslo', 'the talks in Nairobi, a Kenyan initiative, opened on Monday': the maker of
    the initiative or invitation (row occasion_noun) proposed the event it brought about; that
    event keeps the status its own clause gives it."""
    cue = state.ctx.cue
    if _lemma(t) not in cue["occasion_noun"]:
        return False
    if t.dep_ == "pobj" and t.head.lower_ in cue["occasion_prep"]:
        h = t.head.head
        if _is_verb(h):  # "were held at the initiative of X": the event the verb tells of
            event = [h] + [x for k in h.children if k.dep_ in ("nsubj", "nsubjpass", "dobj") for x in k.subtree]
        else:  # "talks at the invitation of X"
            event = [h]
    elif t.dep_ == "appos":  # "the talks in Nairobi, a Kenyan initiative,": on the talks or on their place
        event = [t.head] + ([t.head.head.head] if t.head.dep_ == "pobj" and t.head.head.dep_ == "prep" else [])
    else:
        return False
    if not _names_event(state, event):
        return False
    makers = [x for k in t.children if k.dep_ in ("poss", "amod", "compound") or k.dep_ == "prep" and k.lower_ in
              cue["offer_maker_prep"] | {"of"} for x in k.subtree]
    who = state.ctx.actors_in(makers)
    if not who:
        return False
    c = Cand("Proposal", "proposal", t)
    c.proposed_by = who[:1]
    c.actors = list(who)
    c.anchors = set()
    c.occasion = True
    c.obj_tokens = event
    c.spans.append((t.left_edge.i, t.right_edge.i + 1))
    state.cands.append(c)
    return True


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
    if _lemma(g) in state.ctx.cue["reaction_verb"] | state.ctx.cue["rejected"] | state.ctx.cue["weighing_verb"]:
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
    drafted = _drafted(state, t)  # "a draft of the trade deal", "released the final text for a deal"
    if (_lemma(t) in cue["plan_noun"] or _lemma(t) in cue["proposal_text_noun"]) and not _names_event(state, content) \
            and not _names_terms(state, t) and _lemma(t) not in cue["terms_offer_noun"] and not drafted \
            and not _for_approval(state, g):
        return  # "presented a plan" alone is no proposal; "gave them a draft of a truce", "released a draft of the deal" are
    if g.i in state.trig_tokens and (state.ctx.entry_at.get(g.i) or {}).get("role") == "propose":
        return
    if t.dep_ == "dobj" and _lemma(g) in cue["renewing_verb"]:  # "renewed its offer to host talks"
        content += _content_of_clause(state, g)
    if _lemma(g) not in state.ctx.cue["delivery_verb"] | cue["drafting_verb"] | cue["renewing_verb"] \
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
    if _future(g) or _timetabled(g):  # "will present", "is to present a plan"
        c.status, c.strong = "Planned", True
    c.embedded = _embedding_speech(g)
    c.obj_tokens = content
    subj = [x for x in g.children if x.dep_ == "nsubj"]
    start = subj[0].left_edge.i if subj else g.i
    c.spans.append((min(start, g.i, t.i), max(t.i + 1, min(t.right_edge.i + 1, t.i + 12))))
    state.cands.append(c)


def _drafted(state, t) -> bool:
    """The draft or text ``t`` is that of an agreement not yet made: 'a new draft of the trade
    deal', 'released the final text for a deal' (a proposal of that agreement), not 'published
    the full text of a peace agreement initialled on Friday' nor 'the text of the agreement'
    (terms agreed, or told before)."""
    cue = state.ctx.cue
    if _lemma(t) not in cue["draft_word"] | cue["proposal_text_noun"]:
        return False
    for k in t.children:
        if k.dep_ != "prep" or k.lower_ not in ("of", "for"):
            continue
        for x in k.subtree:
            if x.i not in state.trig_tokens or (state.ctx.entry_at.get(x.i) or {}).get("role") != "agreement_noun":
                continue
            made = any(c.dep_ in ("acl", "relcl") and _lemma(c) in cue["agreement_made_verb"] for c in x.children)
            told = any(d.dep_ == "det" and d.lower_ in cue["definite_det"] for d in x.children)
            if not made and (_lemma(t) in cue["draft_word"] or not told):
                return True
    return False


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
    if t.dep_ == "dobj":  # "dismissed the Moldovan plan for a summit", "turned down an invitation to talks"
        content += [x for k in g.children if k.dep_ == "prep" and k.lower_ in cue["reacted_content_verb_prep"]
                    for x in k.subtree]
    if not _names_event(state, content):  # "rejected Kosovo's ceasefire plan"
        content += _event_modifiers(state, t)
    makers = _maker_words(state, t) + [k for k in t.children if k.dep_ in ("amod", "compound")]  # "the Kenyan invitation"
    makers += _backers(state, t) + _makers_on_verb(state, t, g)
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
            # "voted to accept a pay offer": an offer was made, by someone
            _noun_proposal(state, t, [], [], g).reaction = g.i
        return
    makers += _content_makers(state, t)  # "offers of talks from Kenya"
    who = state.ctx.actors_in(makers)
    _noun_proposal(state, t, who, content, g, makers).reaction = g.i


def _makers_on_verb(state, t, g) -> list:
    """The maker of the offer ``t`` reacted to where the parser hangs its 'by' or 'from' on the
    verb of reacting ``g`` (row offer_maker_prep): 'accepted a proposal by Kenya for a
    truce', 'welcomed an offer from Oslo to host talks'; none for a passive verb, whose 'by'
    names who reacted.

    >>> import spacy
    >>> doc = spacy.blank("en")("Peru accepted a plan by Chile")
    >>> for i, (head, dep) in enumerate([(1, "nsubj"), (1, "ROOT"), (3, "det"), (1, "dobj"), (1, "prep"),
    ...                                  (4, "pobj")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> class _S:
    ...     class ctx:
    ...         cue = {"offer_maker_prep": frozenset({"by", "from"})}
    >>> [x.text for x in _makers_on_verb(_S, doc[3], doc[1])]
    ['by', 'Chile']
    """
    if t.dep_ != "dobj" or any(k.dep_ in ("nsubjpass", "auxpass") for k in g.children):
        return []
    return [x for k in g.children if k.dep_ == "prep" and k.lower_ in state.ctx.cue["offer_maker_prep"]
            for x in k.subtree]
