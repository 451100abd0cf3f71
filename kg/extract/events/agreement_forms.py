"""Agreements: forms of telling them that real prose uses and the parse hides.

* a participle of agreeing the parser took for the main verb, its subject the thing
  agreed: "The swap agreed between A and B last week went ahead on Monday", "the
  roadmap agreed in Geneva by the rival governments sets elections" (the thing is the
  agreement; the parties those of "between" and "by");
* sides named as a group in the agreement's own phrase, "the pact signed between the
  two countries", "a deal with both sides": the sides named before it (the subject
  that names two or more, else the last two countries or bodies named);
* a participle of agreeing joined to one of brokering: "the truce, brokered by C and
  agreed by A and B" (A and B are the parties, C is not);
* an accord renewed or extended ("A and B renewed the river accord last week", "the
  truce was extended by 30 days"): an agreement of its own, the extension;
* consensus told with "there was" ("There was consensus on reopening the bridge").

The word sets are rows of ``cues.jsonl`` (stage ``agreements``).

>>> from kg.extract.events.agreement_forms import _renewed
>>> callable(_renewed)
True
"""

from __future__ import annotations

from kg.extract.events.agreement_phrases import _denied, _modal, _sides_of
from kg.extract.events.lexicon import MEETING_FAMILY, _entries
from kg.extract.events.syntax import _future, _has_to, _hypothetical, _is_verb, _lemma, _negated


def _thing_agreed(state, t) -> bool:
    """``t`` names something agreed, not someone who agrees: an agreement noun, an event
    that is no meeting (a swap, a truce), or a row signed_thing word (a roadmap, a text)."""
    cue = state.ctx.cue
    if t.pos_ != "NOUN":
        return False
    if t.i in state.trig_tokens:
        entry = _entries().get(state.ctx.trig_at[t.i].kb_id_, {})
        if entry.get("class") in MEETING_FAMILY:
            return False  # "the meeting agreed that ...": the meeting speaks for its members
        if entry.get("role") in ("agreement_noun", "event"):
            return True
    return _lemma(t) in cue["signed_thing"]


def _reduced_participle(state, v) -> bool:
    """The verb ``v`` is a participle after the thing agreed that the parser took for a
    main verb: its subject names a thing agreed, and the real main verb hangs on it after
    it, or it hangs, set off, on that verb ("The swap agreed between A and B last week
    was carried out on Monday", "The grain pact, concluded in Varna last July, allowed
    ..."); not "A and B agreed ...", nor "the meeting agreed that ..."."""
    if v.tag_ != "VBD" or v.dep_ not in ("ROOT", "parataxis") or any(
            c.dep_ in ("aux", "auxpass", "neg") for c in v.children):
        return False
    subj = next((k for k in v.children if k.dep_ == "nsubj"), None)
    if subj is None or not _thing_agreed(state, subj):
        return False
    if v.dep_ == "parataxis":
        return v.head.i > v.i and _is_verb(v.head)
    return any(k.dep_ in ("ccomp", "conj") and _is_verb(k) and k.i > v.i
               and not any(c.dep_ == "mark" for c in k.children) for k in v.children)


def _participle_read_as_verb(state, v):
    """The tokens of the thing agreed when the verb of agreeing ``v`` is such a
    participle (:func:`_reduced_participle`), else None."""
    if not _reduced_participle(state, v):
        return None
    subj = next(k for k in v.children if k.dep_ == "nsubj")
    return [x for x in subj.subtree if not x.is_punct]


def _group_of_sides(state, o) -> bool:
    """``o`` names sides as a group and no one by name: "the two countries", "both
    sides", "the parties" (rows collective_subject_word, collective_party_noun and
    agreement_reciprocal_subject)."""
    cue = state.ctx.cue
    if state.ctx.actors_in(list(o.subtree)):
        return False
    words = " ".join(x.lower_ for x in o.subtree)
    if words in cue["agreement_reciprocal_subject"]:
        return True
    return _lemma(o) in cue["collective_party_noun"] and o.tag_ in ("NNS", "NNPS") and any(
        d.lower_ in cue["collective_subject_word"] for d in o.children if d.dep_ in ("det", "nummod", "predet"))


def _sides_named_before(state, o) -> list[str]:
    """The sides a group ``o`` ("the two countries", "both sides") stands for: the last
    subject that names two sides or more, in its sentence or the two before; else the
    last two countries or bodies named before it there (only countries for "countries")."""
    doc = o.doc
    sents = [o.sent]
    while len(sents) < 3 and sents[-1].start > 0:
        sents.append(doc[sents[-1].start - 1].sent)
    for sent in sents:
        for s in sorted((x for x in sent if x.dep_ in ("nsubj", "nsubjpass") and x.i < o.i), key=lambda x: -x.i):
            named = _sides_of(state, list(s.subtree))
            if len(named) >= 2:
                return named
    kinds = ("Country",) if _lemma(o) in ("country", "nation", "state") else ("Country", "Organization")
    seen: list[str] = []
    for x in reversed(doc[sents[-1].start:o.i]):
        a = state.ctx.tok_actor.get(x.i)
        if a is not None and a[1] in kinds and a[0] not in seen:
            seen.append(a[0])
        if len(seen) == 2:
            return list(reversed(seen))
    return []


def _group_parties(state, heads) -> list[str]:
    """The sides a group names in the parties' phrase ("between the two countries",
    "with both sides") of the agreement's heads."""
    cue = state.ctx.cue
    for h in heads:
        for k in h.children:
            if k.dep_ == "prep" and k.lower_ in cue["agreement_party_prep"]:
                for o in k.children:
                    if o.dep_ == "pobj" and _group_of_sides(state, o):
                        return _sides_named_before(state, o)
    return []


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


def _there_was(state, t, g) -> bool:
    """The agreement noun ``t`` is what "there was" tells, with what it was on: "There
    was consensus on reopening the bridge" (not "there is consensus that ...", an
    opinion, nor "there was no deal")."""
    return _lemma(g) == "be" and g.tag_ == "VBD" and t.dep_ == "attr" and t.head.i == g.i \
        and any(k.dep_ == "expl" for k in g.children) and not _negated(g) \
        and any(k.dep_ == "prep" and k.lower_ in state.ctx.cue["agreement_content_prep"] for k in t.children)
