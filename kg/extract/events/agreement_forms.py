"""Agreements: forms of telling them that real prose uses and the parse hides.

* a participle of agreeing the parser took for the main verb, its subject the thing
  agreed: "The swap agreed between A and B last week went ahead on Monday", "the
  roadmap agreed in Geneva by the rival governments sets elections" (the thing is the
  agreement; the parties those of "between" and "by");
* a participle of agreeing joined to one of brokering: "the truce, brokered by C and
  agreed by A and B" (A and B are the parties, C is not);
* an accord renewed or extended ("A and B renewed the river accord last week", "the
  truce was extended by 30 days"): an agreement of its own, the extension;
* consensus told with "there was" ("There was consensus on reopening the bridge");
* an agreement named inside another text, "a memorandum of understanding", "the text of
  a free trade agreement": one agreement, told by the outer noun;
* parties nothing else names: who made the offer accepted ("accepted a wage offer from
  X"), the company bought ("agreed to buy X"), the sides of the meeting held or under way
  told nearest ("their obligations under the Hodeidah Accord" after a round of A and B).

Reports of a deal called false ("Reports that A and B had sealed a deal were
premature") are in :func:`kg.extract.events.agreement_phrases._denied`; the sessions a
participle of reaching or concluding implies ("the agreement reached in Muscat on
Monday", "the pact, concluded in Varna last July,") in :mod:`kg.extract.events.signings`.

The word sets are rows of ``cues.jsonl`` (stage ``agreements``).

>>> from kg.extract.events.agreement_forms import _renewed
>>> callable(_renewed)
True
"""

from __future__ import annotations

from kg.extract.events.agreement_phrases import _denied, _meeting_sides, _modal
from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.syntax import _future, _has_to, _hypothetical, _is_verb, _lemma, _negated, _with_lemma


def _thing_agreed(state, t) -> bool:
    """``t`` names something agreed, not someone who agrees: an agreement noun, an event
    that is no meeting (a swap, a truce), or a row signed_thing word (a roadmap, a text)."""
    cue = state.ctx.cue
    if t.pos_ != "NOUN":
        return False
    if t.i in state.trig_tokens:
        entry = (state.ctx.entry_at.get(t.i) or {})
        if entry.get("class") in MEETING_FAMILY:
            return False  # "the meeting agreed that ...": the meeting speaks for its members
        if entry.get("role") in ("agreement_noun", "event"):
            return True
    return _lemma(t) in cue["signed_thing"]


def _reduced_participle(state, v) -> bool:
    """The verb ``v`` is a participle after the thing agreed that the parser took for a
    main verb: its subject names a thing agreed, and the real main verb hangs on it after
    it, or it has no object or clause of its own ("The swap agreed between A and B last
    week was carried out on Monday", "The truce agreed in Doha on Sunday held"), or it
    hangs, set off, on that verb ("The grain pact, concluded in Varna last July, allowed
    ..."); not "A and B agreed ...", nor "the meeting agreed that ..."."""
    if v.tag_ != "VBD" or v.dep_ not in ("ROOT", "parataxis") or any(
            c.dep_ in ("aux", "auxpass", "neg") for c in v.children):
        return False
    subj = next((k for k in v.children if k.dep_ == "nsubj"), None)
    if subj is None or not _thing_agreed(state, subj):
        return False
    if v.dep_ == "parataxis":
        return v.head.i > v.i and _is_verb(v.head)
    # a thing agrees to nothing: no object or clause of its own ("The truce agreed in Doha on
    # Sunday between A and B held")
    return not any(k.dep_ in ("dobj", "xcomp") or k.dep_ == "ccomp" and any(c.dep_ == "mark" for c in k.children)
                   for k in v.children)


def _participle_read_as_verb(state, v):
    """The tokens of the thing agreed when the verb of agreeing ``v`` is such a
    participle (:func:`_reduced_participle`), else None."""
    if not _reduced_participle(state, v):
        return None
    subj = next(k for k in v.children if k.dep_ == "nsubj")
    return [x for x in subj.subtree if not x.is_punct]


def _agreeing_joined(state, h) -> list:
    """The participles of agreeing joined to the brokering one ``h``: "brokered by C and
    agreed by A and B" (their agents are the parties)."""
    cue = state.ctx.cue
    if _lemma(h) not in cue["mediation_verb"]:
        return []
    return [k for k in h.children if k.dep_ == "conj" and _is_verb(k)
            and _lemma(k) in cue["agreement_made_verb"] and _lemma(k) not in cue["mediation_verb"]]


def _renewed(state, v):
    """The agreement renewed or extended by the verb ``v`` (row agreement_renewal_verb),
    told as done: "A and B renewed the river accord last week", "the truce was extended
    by 30 days" (an agreement of its own, the extension); not one only threatened,
    wanted or denied ("threatened not to renew the deal", "may extend the truce"), nor
    talks extended."""
    cue = state.ctx.cue
    if not _is_verb(v) or _lemma(v) not in cue["agreement_renewal_verb"] or v.tag_ not in ("VBD", "VBN"):
        return None
    if v.dep_ in ("amod", "acl", "relcl") or _negated(v) or _hypothetical(v) or _future(v) or _modal(state, v) \
            or _denied(state, v) or _has_to(v):
        return None
    agree_ids = {t.i for t, role in state.agree_toks if role == "agreement_noun"}
    for k in v.children:
        if k.dep_ not in ("dobj", "nsubjpass"):
            continue
        if k.i in agree_ids or _thing_agreed(state, k) and _lemma(k) in cue["signed_thing"]:
            return k
    return None


def _renewals(state) -> list:
    """The accords renewed or extended in the document (:func:`_renewed`), as the
    agreements stage finds them: (verb, the words of the extension, verb)."""
    out = []
    for v in _with_lemma(state, state.ctx.cue["agreement_renewal_verb"]):  # (none other is renewed)
        k = _renewed(state, v)
        if k is not None:  # "the truce had been extended for 120 days"
            out.append((v, [v] + [x for x in k.subtree if not x.is_punct] + [
                x for p in v.children if p.dep_ in ("aux", "auxpass") or p.dep_ == "prep" and p.lower_ in (
                    "by", "for", "until", "till") for x in p.subtree], v))
    return out


def _there_was(state, t, g) -> bool:
    """The agreement noun ``t`` is what "there was" tells, with what it was on: "There
    was consensus on reopening the bridge" (not "there is consensus that ...", an
    opinion, nor "there was no deal")."""
    return _lemma(g) == "be" and g.tag_ == "VBD" and t.dep_ == "attr" and t.head.i == g.i \
        and any(k.dep_ == "expl" for k in g.children) and not _negated(g) \
        and any(k.dep_ == "prep" and k.lower_ in state.ctx.cue["agreement_content_prep"] for k in t.children)



def _inner_of_agreement(state, t) -> bool:
    """The agreement noun ``t`` is what another text names after "of": "a memorandum of
    understanding", "the text of a free trade agreement" (one agreement, told by the
    outer noun)."""
    if t.dep_ != "pobj" or t.head.lower_ != "of":
        return False
    outer = t.head.head
    if outer.pos_ != "NOUN" or _lemma(outer) not in state.ctx.cue["signed_thing"] or outer.i not in state.trig_tokens:
        return False
    return (state.ctx.entry_at.get(outer.i) or {}).get("role") == "agreement_noun" or (
        outer.dep_ == "dobj" and _lemma(outer.head) in state.ctx.cue["signing_verb"])


def _sides_met(state, meeting, mediators) -> list[str]:
    """The sides who met at ``meeting`` (its countries and bodies, a person for the side
    they belong to), but those who mediated: the parties of an agreement that neither
    its phrase nor the report's main parties name two of ("the parties' obligations
    under the Stockholm Agreement", told of talks between A and B)."""
    if meeting is None:
        return []
    return [s for s in _meeting_sides(state, meeting) if s not in mediators]


def _meeting_near(state, pos):
    """The meeting held or under way told last before ``pos``, else the first told after."""
    before, after = [], []
    for c in sorted(state.cands, key=lambda c: c.pos):
        r = c.root()
        if c.role == "event" and r.kind in MEETING_FAMILY and r.status in ("Occurred", "Ongoing"):
            (before if c.pos < pos else after).append(r)
    return before[-1] if before else after[0] if after else None


def _offer_maker(state, t, g) -> list:
    """The tokens that name who made the offer ``t`` accepted by ``g``: "accepted a wage
    offer from Brasport", "accepted Brasport's offer", "an offer made by the ministry"
    (the maker is a party of what the acceptance agreed)."""
    cue = state.ctx.cue
    if _lemma(t) not in cue["accepted_offer_noun"] or g is None or _lemma(g) not in cue["agreement_accept_verb"]:
        return []
    out = [x for k in t.children if k.dep_ == "poss" for x in k.subtree]
    out += [x for k in t.children if k.dep_ == "prep" and k.lower_ in ("from", "by") for x in k.subtree]
    out += [x for k in t.children if k.dep_ in ("acl", "relcl") for a in k.children if a.dep_ in ("agent", "nsubj")
            for x in a.subtree]
    return out


def _bought(state, t) -> list:
    """The tokens of the company that the side agreeing ``t`` agreed to buy or take over:
    "Northwind agreed to buy Solaris Power" (row acquisition_verb; the other party of the
    deal, as the one merged with is)."""
    cue = state.ctx.cue
    return [x for k in t.children if k.dep_ == "xcomp" and _is_verb(k) and _lemma(k) in cue["acquisition_verb"]
            for o in k.children if o.dep_ == "dobj" for x in o.subtree]
