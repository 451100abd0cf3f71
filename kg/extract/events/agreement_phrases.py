"""Agreements: the phrase-level questions the agreements stage asks of one word.

Whether an agreeing or reaching verb is only modal, awaited, denied or proposed
("might sign", "until a deal was reached", "denied that a deal had been struck",
"proposed that the sides agree"); the terms a fronted "under the deal" or "as part of
the agreement" tells; an agreement dated by a past day in the possessive ("Thursday's
agreement"); those who mediated the talks; an offer accepted; talks concluded to agree;
"the agreement came after <talks>"; a fronted participle of signing ("Signed in X,
the accord ..."). The word sets are rows of ``cues.jsonl`` (stage
``agreements``).

>>> from kg.extract.events.agreement_phrases import _mediators
>>> callable(_mediators)
True
"""

from __future__ import annotations

from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.syntax import _future, _has_to, _hypothetical, _is_verb, _lemma, _negated, _sent, _with_lemma

def _modal(state, v) -> bool:
    """``v`` is told under could, might or may, or what should or must be done, or
    awaited: "the unions might sign the deal", "the two sides should agree to a truce",
    "until a deal is reached"."""
    modal = state.ctx.cue["status_modal"] | state.ctx.cue["agreement_modal"]
    return any(c.dep_ == "aux" and c.lower_ in modal or c.dep_ == "mark" and c.lower_ in state.ctx.cue["agreement_awaited_mark"]
               for c in v.children)  # "they would strike until a deal was reached": awaited, not reached


def _denied(state, v) -> bool:
    """``v`` is what someone denies, or only proposes or hopes for: "officials denied
    that a deal had been struck", "denied having agreed to a truce", "rejected reports
    that X had signed the pact", "Seoul proposed that the two sides agree to X"."""
    cur = v
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "xcomp", "pcomp", "pobj", "acl", "dobj") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if _report_called_false(state, cur):  # "Reports that X had sealed a deal were premature"
            return True
        if _lemma(cur) in state.ctx.cue["agreement_denial_verb"] or _lemma(cur) in state.ctx.cue["agreement_unreal_verb"] \
                or any(c.dep_ == "prt" and f"{_lemma(cur)} {c.lower_}" in state.ctx.cue["agreement_denial_verb"]
                       for c in cur.children):  # "played down reports that a deal had been reached"
            return True
    return False


def _report_called_false(state, n) -> bool:
    """``n`` is a noun of a report (row agreement_report_noun) that the sentence calls
    false or premature, or that someone denies: "Reports that A and B had sealed a deal
    were premature", "dismissed rumours that ..." (row agreement_false_word)."""
    cue = state.ctx.cue
    if n.pos_ != "NOUN" or _lemma(n) not in cue["agreement_report_noun"]:
        return False
    g = n.head
    if n.dep_ in ("nsubj", "nsubjpass") and any(k.dep_ in ("acomp", "attr") and _lemma(k) in cue["agreement_false_word"]
                                                for k in g.children):
        return True
    return n.dep_ == "dobj" and _lemma(g) in cue["agreement_denial_verb"]


def _gerund_unreached(state, v) -> bool:
    """``v`` is a gerund of reaching, signing or agreeing that tells an aim or a
    requirement, not a deal reached: "talks aimed at reaching an agreement", "on the
    verge of signing the accord", "Reaching a deal will require concessions"; not "after
    reaching a deal" (row agreement_after_prep)."""
    if v.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return False
    return v.dep_ in ("csubj", "csubjpass") or v.dep_ == "pcomp" and v.head.lower_ not in state.ctx.cue["agreement_after_prep"]


def _opinion(state, v) -> bool:
    """The verb of agreeing ``v`` tells an opinion shared, not a deal: in the simple
    present with only a that-clause ("Analysts agree that a deal is months away"); a
    headline's "X and Y agree to cut tariffs" or "agree on a truce" keeps its deal."""
    if v.tag_ not in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return False
    kinds = {c.dep_ for c in v.children}
    return "ccomp" in kinds and not kinds & {"xcomp", "dobj"} and not any(
        c.dep_ == "prep" and c.lower_ in state.ctx.cue["agreement_content_prep"] for c in v.children)


def _terms_under(state, t, g):
    """The clause that tells the terms of the agreement ``t``, when ``t`` is the object of
    a fronted "under" that hangs on the clause's verb ``g``: "Under the deal, Ethiopia will
    give Somalia access to a port", "Under the terms of the deal", "As part of the
    agreement" (the deal is reached; what the clause says will happen
    is in its terms). None for a deal only proposed or hoped for ("under a proposed
    deal", "under any deal"), a clause in a condition, or an "under" after its verb."""
    cue = state.ctx.cue
    prep = t.head
    if t.dep_ == "pobj" and prep.lower_ == "of" and _lemma(prep.head) in cue["agreement_terms_noun"] \
            and prep.head.dep_ == "pobj":
        prep = prep.head.head  # "Under the terms of the deal", "As part of the agreement"
    if t.dep_ != "pobj" or prep.lower_ not in cue["agreement_terms_prep"] or prep.head.i != g.i \
            or not _is_verb(g) or prep.i > g.i or prep.i != _sent(prep).start:
        return None
    if not any(d.dep_ in ("det", "poss") and (d.lower_ in cue["agreement_definite_det"] or d.dep_ == "poss")
               for d in t.children):
        return None
    if any(k.lower_ in cue["status_proposed_modifier"] or k.lower_ in cue["agreement_unreached_det"]
           for k in t.children) or _hypothetical(g) or _denied(state, g):
        return None
    skip = {x.i for x in prep.subtree}
    return [x for x in g.subtree if x.i not in skip and not x.is_punct]


def _dated_by_possessive(state, t) -> bool:
    """``t`` is an agreement noun whose possessive is a day or week already past:
    "Thursday's agreement between X and Y", "last week's deal" (reached then); not one
    told as possible, proposed or expected ("Friday's expected deal")."""
    ctx = state.ctx
    cue = ctx.cue
    if t.pos_ != "NOUN" or ctx.pub is None or any(
            k.lower_ in cue["status_proposed_modifier"] or k.lower_ in cue["agreement_unreached_det"]
            or k.lower_ in cue["agreement_unreal_modifier"] or _lemma(k) in cue["agreement_unreal_modifier"]
            for k in t.children):
        return False
    for k in t.children:
        if k.dep_ == "poss" and k.i in ctx.tok_timex and any(c.dep_ == "case" for c in k.children):
            tv = ctx.timexes[ctx.tok_timex[k.i]][0]
            return tv.latest is not None and tv.latest <= ctx.pub
    return False


def _mediators(state) -> set[str]:
    """The countries and bodies the report names as those who mediated, brokered or hosted
    talks ("talks mediated by Angola", "hosted by Saudi Arabia"): not parties of what
    the talks agreed, unless the phrase of the agreement names them."""
    ctx = state.ctx
    out = set()
    for v in _with_lemma(state, ctx.cue["mediation_verb"]):
        if not _is_verb(v):
            continue
        for k in v.children:
            if k.dep_ == "agent" or k.dep_ == "nsubj" and v.dep_ not in ("xcomp", "ccomp"):
                for x in k.subtree:
                    a = ctx.tok_actor.get(x.i)
                    if a is not None and a[1] in ("Country", "Organization"):
                        out.add(a[0])
    return out


def _talks_concluded_to_agree(state, v) -> bool:
    """The verb of agreeing ``v`` is what talks that were concluded were for: "the
    two sides finalized the negotiations to agree on the text" (they agreed on it)."""
    if v.dep_ == "acl":  # "finalized the negotiations to agree on"
        talks, g = v.head, v.head.head
    elif v.dep_ == "advcl":  # "completed the talks in Niamey to agree on"
        g = v.head
        talks = next((k for k in g.children if k.dep_ == "dobj"), g)
    else:
        return False
    if talks.dep_ not in ("dobj", "nsubjpass") or talks.i not in state.trig_tokens:
        return False
    return _is_verb(g) and g.tag_ in ("VBD", "VBN", "VBZ") and _lemma(g) in state.ctx.cue["talks_concluded_verb"] \
        and not (_negated(g) or _hypothetical(g) or _future(g) or _has_to(g))


def _accepted_offer(state, v) -> bool:
    """``v`` accepts an offer (of the other side): "accepted the pay offer", "voted to
    accept an offer of 5%"; not one accepted only in a plan, a condition or a denial."""
    cue = state.ctx.cue
    if not _is_verb(v) or _lemma(v) not in cue["agreement_accept_verb"] or not any(
            k.dep_ == "dobj" and _lemma(k) in cue["accepted_offer_noun"] for k in v.children):
        return False
    if _negated(v) or _hypothetical(v) or _future(v) or _modal(state, v) or _denied(state, v):
        return False
    if _has_to(v):
        h = v.head  # "voted to accept": the vote took place
        if v.dep_ != "xcomp" or _lemma(h) not in cue["decision_verb"] or h.tag_ not in ("VBD", "VBN") \
                or _negated(h) or _hypothetical(h) or _future(h) or _has_to(h):
            return False
    return v.tag_ in ("VBD", "VBN", "VB") and not _offer_of_meeting(state, v)


def _offer_of_meeting(state, v) -> bool:
    """The offer ``v`` accepts is one of a meeting: "accepted an offer of talks", "accepted
    Turkey's offer to host a round of talks in Istanbul" (its 'to' clause on the offer or,
    as the parser may hang it, on the verb): a meeting agreed to is a plan, not terms.

    >>> from datetime import date
    >>> from kg.records import Document
    >>> from kg.extract import extract_many
    >>> texts = ["Kenya accepted an offer from Uganda to host talks.", "The nurses accepted the pay offer."]
    >>> [len(x.agreements) for x in extract_many([Document(str(i), "d.txt", t, "0", published=date(2024, 6, 10))
    ...                                           for i, t in enumerate(texts)])]
    [0, 1]
    """
    words = [x for k in v.children if k.dep_ == "dobj" and _lemma(k) in state.ctx.cue["accepted_offer_noun"]
             for x in k.subtree]
    words += [x for k in v.children if k.dep_ in ("advcl", "xcomp") and _has_to(k) for x in k.subtree]
    return any(x.i in state.trig_tokens and (state.ctx.entry_at.get(x.i) or {}).get("class") in MEETING_FAMILY
               for x in words)


def _came_after(state, t, g):
    """The tokens of what the agreement told before came after, when the definite
    agreement noun ``t`` is the subject of such a verb ``g``: "The agreement on Saturday
    came after 12-hour talks between ...", "The deal followed two days of talks in ..."."""
    cue = state.ctx.cue
    if t.dep_ != "nsubj" or t.head.i != g.i or _lemma(g) not in cue["agreement_followed_verb"] \
            or not any(d.dep_ == "det" and d.lower_ in cue["agreement_definite_det"] for d in t.children):
        return None
    if _negated(g) or _hypothetical(g) or _future(g) or _modal(state, g):
        return None
    toks = [x for k in g.children if k.dep_ == "prep" and k.lower_ in cue["agreement_after_prep"] for x in k.subtree]
    if _lemma(g) == "follow":
        toks += [x for k in g.children if k.dep_ == "dobj" for x in k.subtree]
    return toks or None



def _fronted_participle(state, t, g):
    """The participle of signing or reaching fronted before the agreement noun ``t``, the
    subject of ``g``: "Signed last October in Brasilia, the accord between A and B sets
    new tariffs" (the accord was signed then and there); not one to come ("To be signed
    in May, the accord ...") nor one with a subject of its own."""
    cue = state.ctx.cue
    if t.dep_ not in ("nsubj", "nsubjpass") or t.head.i != g.i:
        return None
    for k in g.children:
        if k.dep_ == "advcl" and k.i < t.i and k.tag_ == "VBN" and _lemma(k) in cue["agreement_made_verb"] \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "mark") for c in k.children) \
                and not (_negated(k) or _hypothetical(k)):
            return k
    return None


def _sides_of(state, tokens) -> list[str]:
    """The sides the tokens name: countries and organizations as they are, a person
    for the side they belong to."""
    out: list[str] = []
    for x in tokens:
        a = state.ctx.tok_actor.get(x.i)
        if a is None:
            continue
        name = a[0] if a[1] in ("Country", "Organization") else state.ctx.affiliation.get(a[0])
        if name and name not in out:
            out.append(name)
    return out


def _collective_parties(state, v) -> list[str]:
    """The sides a pronoun or collective subject of ``v`` stands for: "X and Y said
    they had agreed", "X and Y met ... and announced that they had agreed" (the subject
    of the verb that reports it or that it is joined to), "Delegates of X and Y met in
    Z. The accord they reached ..." (the last subject before that names two sides or
    more, in this sentence or the two before it). A subject that names an actor of its
    own, or none of the words of rows collective_subject_word and
    agreement_reciprocal_subject ("they", "both", "the two sides", "both governments"),
    stands for no one else."""
    cue = state.ctx.cue
    subj = next((k for k in v.children if k.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return []
    words = " ".join(x.lower_ for x in subj.subtree)
    collective = subj.lower_ in cue["collective_subject_word"] or words in cue["agreement_reciprocal_subject"] or (
        _lemma(subj) in cue["collective_party_noun"] and subj.tag_ in ("NNS", "NNPS")
        and any(d.lower_ in cue["collective_subject_word"] for d in subj.children if d.dep_ in ("det", "nummod", "predet")))
    if not collective or state.ctx.actors_in(list(subj.subtree)):
        return []
    cur = v
    for _ in range(3):  # "X and Y said they ...", "X and Y met and announced that they ..."
        if cur.head.i == cur.i or cur.dep_ not in ("ccomp", "xcomp", "conj", "parataxis"):
            break
        cur = cur.head
        if _is_verb(cur):
            named = _sides_of(state, [x for k in cur.children if k.dep_ in ("nsubj", "nsubjpass") for x in k.subtree])
            if len(named) >= 2:
                return named
    doc = v.doc
    sents = [_sent(v)]
    while len(sents) < 3 and sents[-1].start > 0:
        sents.append(_sent(doc[sents[-1].start - 1]))
    for sent in sents:
        for s in sorted((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.i < v.i and _is_verb(t.head)),
                        key=lambda t: -t.i):
            named = _sides_of(state, list(s.subtree))
            if len(named) >= 2:
                return named
    return []


def _named_in_force(state, t) -> bool:
    """``t`` is an agreement named by its proper name ("the Lakeside Agreement", "the
    Dayton Accords") told as in force: kept, broken or implemented (row
    agreement_kept_verb, whatever the verb's mood: "urged both sides to implement the
    Lakeside Agreement"), or what obligations, signatories or a state of things stand
    under or to (row agreement_in_force_prep: "obligations under the Lakeside Agreement",
    "the non-signatories to the Lakeside Agreement"). Reached before the report: no
    meeting of it is where."""
    cue = state.ctx.cue
    named = t.pos_ == "PROPN" or any(k.dep_ == "compound" and k.pos_ == "PROPN" for k in t.children)
    if not named or not t.text[:1].isupper() or any(d.lower_ in cue["agreement_unreached_det"] for d in t.children):
        return False
    if t.dep_ == "dobj" and _lemma(t.head) in cue["agreement_kept_verb"] and not _negated(t.head):
        return True
    if t.dep_ == "pobj" and t.head.lower_ in cue["agreement_in_force_prep"]:
        return t.head.head.pos_ in ("NOUN", "PROPN") or t.head.lower_ == "under"
    return False


def _met_others(state, meeting, named) -> bool:
    """The meeting only told near an agreement is one of other sides than those the
    agreement's phrase names: two sides or more met there, and none of them is named
    ("Talks between Sudan and Chad resumed in Doha. Separately, Chile agreed with Peru
    to share fishing data": not reached at the Doha talks)."""
    if not named:
        return False
    sides = set(_meeting_sides(state, meeting))
    return len(sides) >= 2 and not sides & set(named)


def _meeting_sides(state, meeting) -> list[str]:
    """The sides who met at ``meeting``, in the order told: its countries and bodies,
    a person for the side they belong to."""
    actors = getattr(getattr(meeting, "record", None), "actors", None) or meeting.actors
    out: list[str] = []
    for a in actors:
        side = a if state.ctx.kind_of.get(a) in ("Country", "Organization") else state.ctx.affiliation.get(a)
        if side and side not in out:
            out.append(side)
    return out


def _without_setting(state, words, reached) -> list:
    """An agreement's label ``words`` without those that tell where it was reached, not what
    was agreed (all of them when nothing else is left): the place of the meeting ``reached``
    ('a framework agreement in Mexico City', 'a peace treaty at the White House', reached
    there), the meeting itself ('the text of the treaty at talks in Vienna') and an occasion
    ('a memorandum on trade on the sidelines of the summit', row sideline_noun; not 'the
    deal on the table'), each a phrase on a noun.

    >>> from datetime import date
    >>> from kg.records import Document
    >>> from kg.extract import extract_many
    >>> text = "Ghana and Togo reached a framework agreement in Accra on Sunday."
    >>> (x,) = extract_many([Document("d", "d.txt", text, "0", published=date(2024, 6, 10))])
    >>> [(a.label, x.events[0].place) for a in x.agreements]
    [('A framework agreement', 'Accra')]
    """
    cue = state.ctx.cue
    record = getattr(reached, "record", None)
    place = record.place if record is not None else None
    out: set[int] = set()
    for x in words:
        if x.dep_ != "prep" or _is_verb(x.head):
            continue  # "the understanding reached in Brasilia": the participle's, told with it
        objs = [o for o in x.children if o.dep_ == "pobj"]
        there = x.lower_ in cue["place_prep"] and (
            place is not None and any(_place_text(state, y.i) == place for o in objs for y in o.subtree)
            or reached is not None and any(o.i == reached.trig.i for o in objs))
        if there or any(_lemma(o) in cue["sideline_noun"] for o in objs if o.lower_ != "table"):
            out |= {y.i for y in x.subtree}
    return [x for x in words if x.i not in out] if len(out) < len(words) else words


def _place_text(state, i):
    """The text of the place the token ``i`` is part of (without a leading 'the'), or None."""
    hit = state.ctx.tok_place.get(i)
    if hit is None:
        return None
    text = hit[0].text
    return text[4:] if text.lower().startswith("the ") else text

