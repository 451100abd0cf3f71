"""Signings and the meetings an agreement implies (the triggers stage, for the
``sign`` triggers and the agreement nouns): "X and Y signed a deal in Lima on
Friday" (a meeting of the signatories, a summit when they are leaders), "the accord
signed last July", "the deal which she signed three years ago"; "the presidents
agreed on Monday to a truce" (a summit the report does not name; with no day, when the
report names no meeting held); "the owners and the union came to an agreement on
Thursday", "negotiators for X and Y reached a deal on Thursday", "the government reached
an agreement with the union on Monday" (a session of talks that day; with no time at all,
"X and Y have reached an agreement to end the strike", talks held before the report); "the presidents of X and Y announced in Z on Sunday that they had agreed to ..."
(a summit there that day); "It was signed in Windhoek on Thursday" (the accord told just
before); "the agreement reached in Muscat on Monday" (a session there that day); "the
treaty concluded last spring", "The pact, concluded in Varna last July, allowed ..." (a
signing then, as "signed" tells). The agreements stage
(:mod:`kg.extract.events.agreements`) reaches the agreements there.

>>> from datetime import date
>>> from kg.records import Document
>>> from kg.extract import extract_many
>>> text = "Delegates of Chile and Peru signed a trade pact in Lima on Friday."
>>> d = Document("d", "d.txt", text, "0", published=date(2026, 3, 4))
>>> x = next(extract_many([d]))
>>> [(e.kind, e.place, str(e.time.earliest)) for e in x.events]
[('Meeting', 'Lima', '2026-02-27')]
>>> [a.reached_at == x.events[0].key for a in x.agreements]
[True]
"""

from __future__ import annotations

from kg.extract.events.agreement_forms import _reduced_participle
from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.state import Cand
from kg.extract.events.syntax import _aux, _future, _gov, _has_to, _hypothetical, _is_verb, _lemma, _negated, _sent
from kg.extract.events.ranks import _domestic_leaders
from kg.extract.events.triggers import _pronoun_person


def _signer_verb(state, t):
    """The verb by which the agreement noun ``t`` is signed: "signed the treaty",
    "put their names/signatures to the treaty"."""
    g = t.head
    if t.dep_ == "dobj" and _lemma(g) in state.ctx.cue["signing_verb"]:
        return g
    # "the accord signed in Lusaka last summer", "the deal which he signed in 2019"; "the truce
    # accord, inked in Geneva on 23 October," (a participle the tagger took for a past tense)
    for k in t.children:
        if (k.dep_ in ("acl", "relcl") and k.tag_ in ("VBD", "VBN")) \
                and _lemma(k) in state.ctx.cue["signing_verb"] | state.ctx.cue["concluding_participle_verb"]:
            return k  # "the treaty concluded last spring", "the deal struck in Accra in December"
    if t.dep_ == "nsubj" and _lemma(g) in state.ctx.cue["signing_verb"] | state.ctx.cue["concluding_participle_verb"] \
            and _reduced_participle(state, g):
        return g  # "The accord, signed in Lusaka in May, expires ...", parsed as a main verb
    if t.dep_ == "nsubjpass" and _lemma(g) in state.ctx.cue["status_planned_head"]:
        for k in g.children:  # "the treaty is expected to be signed in Oslo on Friday"
            if k.dep_ == "xcomp" and _lemma(k) in state.ctx.cue["signing_verb"] and any(
                    a.dep_ == "auxpass" for a in k.children):
                return k
    if t.dep_ == "pobj" and g.lower_ == "to" and _lemma(g.head) in ("put", "set") and any(
            k.dep_ == "dobj" and _lemma(k) in state.ctx.cue["signature_noun"] for k in g.head.children):
        return g.head
    return None


def _dated_before(state, g) -> bool:
    """The participle or relative clause ``g`` has a date of its own (a day, month or
    season of a phrase of its own; a year when its signatories are named) before the
    publication: "the accord signed last July", "the deal she signed three years ago"."""
    pub = state.ctx.pub
    # a year alone dates a signing only with its signatories: "the accord that was signed in
    # 2001" is background, as "the 2001 accord" is (agreements.py: _background)
    # or its place: "after a truce was signed in Accra in 1994" tells of a signing there
    who = [x for k in g.children if k.dep_ in ("nsubj", "agent") for x in k.subtree]
    placed = any(x.i in state.ctx.tok_place for k in g.children if k.dep_ == "prep" for x in k.subtree)
    grains = ("day", "week", "month", "quarter", "season") + (("year",) if placed or state.ctx.actors_in(who) or any(
        x.lower_ in ("he", "she", "they") for x in who) else ())
    for k in g.children:
        if k.dep_ not in ("prep", "npadvmod", "advmod") or k.dep_ == "prep" and k.lower_ in state.ctx.cue["context_order_prep"]:
            continue
        for x in k.subtree:
            if x.i in state.ctx.tok_timex:
                tv = state.ctx.timexes[state.ctx.tok_timex[x.i]][0]
                if tv.granularity in grains and tv.latest is not None \
                        and (pub is None or tv.latest < pub):
                    return True
    return False


def _dated_noun_signed_by(state, t, g) -> bool:
    """The agreement noun ``t`` is named by a day or month before the publication and
    the participle ``g`` names who signed it: "the Feb. 23 accord signed by the Secretary-
    General and the Deputy Prime Minister" (a year alone, "the 2001 accord", stays background)."""
    pub = state.ctx.pub
    if not state.ctx.actors_in([x for k in g.children if k.dep_ == "agent" for x in k.subtree], ("Person",)):
        return False
    for k in t.children:
        if k.dep_ in ("compound", "nmod", "amod", "npadvmod") and k.i < t.i and k.i in state.ctx.tok_timex:
            tv = state.ctx.timexes[state.ctx.tok_timex[k.i]][0]
            if tv.granularity in ("day", "week", "month") and tv.latest is not None and (pub is None or tv.latest < pub):
                return True
    return False


def _meeting_in_sentence(state, g) -> bool:
    """The sentence of ``g`` names a meeting (a trigger of the meeting family)."""
    return any(x.i in state.trig_tokens and (state.ctx.entry_at.get(x.i) or {}).get("class") in MEETING_FAMILY
               and x.i != g.i for x in _sent(g))


def _at_meeting(state, g) -> bool:
    """A prepositional phrase of the verb ``g`` names a meeting ("during a meeting")."""
    return any(x.i in state.trig_tokens and (state.ctx.entry_at.get(x.i) or {}).get("class") in MEETING_FAMILY
               for k in g.children if k.dep_ == "prep" for x in k.subtree)


def _sign_verb(state, g):
    """'signed a truce in Havana on Friday', 'the text was signed in Riyadh on
    Monday': a signing of something that is no agreement noun of the lexicon (a
    truce, a text, a named accord) is a signing all the same."""
    objs = [k for k in g.children if k.dep_ in ("dobj", "nsubjpass")]
    if not objs and g.tag_ == "VBN" and g.dep_ == "acl":
        objs = [g.head]  # "a truce signed in Havana on Friday"
    elif not objs and _joined_participle(g):
        objs = [g.head.head]  # "the truce, brokered by Qatar and signed in Doha on Thursday,"
    elif not objs and g.tag_ == "VBN" and g.dep_ == "advcl" and not any(k.dep_ == "nsubj" for k in g.children):
        # "Signed on Friday by the two presidents, the truce takes effect on Sunday"
        objs = [k for k in g.head.children if k.dep_ in ("nsubj", "nsubjpass")]
    if not objs:
        return
    t = objs[0]
    if t.lower_ in state.ctx.cue["signed_pronoun"]:  # "It was signed in Windhoek on Thursday": the accord told before
        t = _signed_antecedent(state, t)
        if t is None:
            return
        _signing(state, t, g)
        return
    if t.i in state.trig_tokens and (state.ctx.entry_at.get(t.i) or {}).get("role") == "agreement_noun" \
            and t.dep_ == "dobj":
        return  # the agreement noun's own rule (_signing) takes it
    if t.dep_ == "nsubjpass" and any(getattr(c, "signing", False) for c in state.cands):
        return  # "... signed an agreement in Barbados. The deal was signed on Tuesday by ...": told again
    if _at_meeting(state, g):
        return  # "initialled the text at the end of three days of talks": the talks' outcome
    words = {_lemma(x) for x in t.subtree}
    if not (words & state.ctx.cue["signed_thing"] or (t.i in state.trig_tokens and (state.ctx.entry_at.get(t.i) or {}).get("class") == "Ceasefire")):
        return
    _signing(state, t, g)


def _signing_planned(state, g) -> bool:
    """The signing verb ``g`` tells a signing to come: 'will sign the treaty in Doha next
    week', 'are expected to sign it on Friday', 'is due to be signed in Oslo' (a 'to' under
    a verb of row status_planned_head); not one only hoped for, refused or failed ('hope to
    sign', 'refused to sign'), thought of ('would sign it if ...', rows status_modal and
    agreement_modal), nor a clause of purpose ('met in Doha to sign it').

    >>> from datetime import date
    >>> from kg.records import Document
    >>> from kg.extract import extract_many
    >>> text = "Chile and Peru are expected to sign the pact in Lima on Friday."
    >>> (x,) = extract_many([Document("d", "d.txt", text, "0", published=date(2026, 3, 4))])
    >>> [(e.kind, e.status, e.place, str(e.time.earliest)) for e in x.events], x.agreements
    ([('Meeting', 'Planned', 'Lima', '2026-03-06')], ())
    """
    cue = state.ctx.cue
    if _aux(g) & (cue["status_modal"] | cue["agreement_modal"]):
        return False  # "would sign it if ...", "should sign it": a signing only thought of
    if _future(g) and not _has_to(g):
        return True
    h = g.head
    return g.dep_ in ("xcomp", "acomp") and h.i != g.i and not _negated(h) and not _hypothetical(h) and (
        _lemma(h) in state.ctx.cue["status_planned_head"] or h.lower_ in state.ctx.cue["status_planned_adjective"])


def _joined_participle(g) -> bool:
    """``g`` is a past participle joined to another one after a noun: 'the truce, brokered by
    Qatar and signed in Doha on Thursday,' (the signing participle is the conjunct, whatever
    past form the tagger gives it).

    >>> import spacy
    >>> doc = spacy.blank("en")("the truce brokered by Qatar and signed in Doha")
    >>> for i, (head, dep) in enumerate([(1, "det"), (1, "ROOT"), (1, "acl"), (2, "agent"), (3, "pobj"),
    ...                                  (2, "cc"), (2, "conj"), (6, "prep"), (7, "pobj")]):
    ...     doc[i].head, doc[i].dep_, doc[i].tag_ = doc[head], dep, "VBN" if i in (2, 6) else "NN"
    >>> _joined_participle(doc[6]), _joined_participle(doc[2])
    (True, False)
    """
    return g.dep_ == "conj" and g.tag_ in ("VBN", "VBD") and g.head.dep_ == "acl" and g.head.tag_ == "VBN"


def _signed_antecedent(state, pron):
    """The thing a pronoun signed stands for: the last noun of row signed_thing before
    it, in its sentence or the one before ("Namibia and Botswana negotiated a water
    treaty for months. It was signed ...")."""
    doc = pron.doc
    start = _sent(doc[_sent(pron).start - 1]).start if _sent(pron).start > 0 else _sent(pron).start
    for x in reversed(doc[start:pron.i]):
        if x.pos_ in ("NOUN", "PROPN") and _lemma(x) in state.ctx.cue["signed_thing"] and x.dep_ != "compound":
            return x
    v = pron.head  # "Since it was signed in Arusha on March 2, the accord has held": the subject told after
    if v.dep_ == "advcl" and v.i < v.head.i:
        for k in v.head.children:
            if k.dep_ in ("nsubj", "nsubjpass") and k.i > v.i and _lemma(k) in state.ctx.cue["signed_thing"]:
                return k
    return None


def _signing(state, t, g=None):
    """'X and Y signed a peace deal in Washington on Friday': the signing is a
    meeting of the signatories (a summit when they are leaders)."""
    g = g if g is not None else _signer_verb(state, t)
    if g is None or _negated(g) or _hypothetical(g):
        return
    planned = _future(g) or _has_to(g)
    if planned and not _signing_planned(state, g):
        return
    participle = g.dep_ in ("acl", "advcl", "relcl") or _reduced_participle(state, g) or _joined_participle(g)
    noun_dated = participle and g.dep_ == "acl" and g.head.i == t.i and _dated_noun_signed_by(state, t, g)
    if participle and (_meeting_in_sentence(state, g) or not (_dated_before(state, g) or noun_dated)):
        # "the sessions produced a declaration, signed on May 11", "initialled during a meeting":
        # that meeting's outcome; "the deal signed in Lima", "the accord signed today": a later
        # mention of a signing, not one the report tells of
        return
    # (not a party "with" whom it was signed, nor a time relative to the report: "currently, only two
    # countries have inked peace treaties with X" tells no signing of its own)
    tv = state.ctx.timexes
    dated = any(x.i in state.ctx.tok_timex and tv[state.ctx.tok_timex[x.i]][0].granularity != "ref"
                or x.i in state.ctx.tok_place and k.lower_ not in ("with", "between")
                for k in list(g.children) + list(t.children) if k.dep_ in ("prep", "npadvmod", "advmod") for x in k.subtree)
    # "doctors on Wednesday signed a deal": a date the parser hung on the subject
    dated = dated or any(x.i in state.ctx.tok_timex for k in g.children if k.dep_ in ("nsubj", "nsubjpass")
                         for x in k.subtree)
    # a report known only to its month: "signed the deal on Wednesday" is dated all the same
    # (the dates stage bounds it by that month)
    dated = dated or state.ctx.pub is None and any(
        x.lower_ in state.ctx.cue["weekday_word"] for k in list(g.children) + list(t.children)
        if k.dep_ in ("prep", "npadvmod", "advmod", "nsubj", "nsubjpass") for x in k.subtree)
    if not (dated or noun_dated) or g.i in {c.trig.i for c in state.cands}:
        return
    c = Cand("Meeting", "event", g)
    c.signing = True
    if participle:
        c.status, c.strong = "Occurred", True  # "the accord signed in Lusaka": a past participle
    elif planned:
        c.status, c.strong = "Planned", True  # "will sign the treaty in Doha next week"
    c.anchors = {g.i, t.i} | {o.i for k in t.children if k.dep_ == "prep" and k.lower_ == "of"
                              for o in k.children if o.dep_ == "pobj" and _lemma(o) in state.ctx.cue["signed_thing"]}
    # "signed a declaration in Nairobi", "initialled the text of an accord in Tokyo": the place may hang on the noun
    if participle:
        c.anchors = {g.i}  # the participle's own date and place, not those of the clause around it
    if noun_dated:
        c.anchors.add(t.i)  # "the Feb. 23 accord signed by X and Y": the day the accord is named by
    subj = [x for k in g.children if k.dep_ in ("nsubj", "agent") for x in k.subtree]
    if not subj and planned and g.dep_ in ("xcomp", "acomp"):  # "X and Y are expected/due to sign": the head's
        h = g.head.head if g.head.dep_ == "acomp" else g.head
        subj = [x for k in h.children if k.dep_ in ("nsubj", "nsubjpass") and _lemma(k) not in
                state.ctx.cue["signed_thing"] for x in k.subtree]
    persons = state.ctx.actors_in(subj, ("Person",))
    c.actors = state.ctx.actors_in(subj)
    if any(x.lower_ in ("he", "she") for x in subj):
        p0 = _pronoun_person(state, g)
        if p0 is not None and p0 not in persons:
            persons.insert(0, p0)
            c.actors.insert(0, p0)
    if persons:  # "which she signed with the rebel leader X": the other signatory
        co = [x for k in g.children if k.dep_ == "prep" and k.lower_ == "with" and not any(
            y.tag_ == "VBG" for y in k.subtree) for x in k.subtree]  # not "with X looking on"
        persons += [p for p in state.ctx.actors_in(co, ("Person",)) if p not in persons]
        c.actors += [a for a in state.ctx.actors_in(co) if a not in c.actors]
    if len(persons) >= 2 and all(state.ctx.is_leader(p) for p in persons):
        c.kind = "Summit"
    elif not persons:  # a session of talks, if the report tells of talks (see _signings)
        c.parties_signing = "parties" if len(state.ctx.actors_in(subj, ("Country", "Organization"))) >= 2 else "place"
    state.cands.append(c)


def _leaders_agreeing(state, v, noun=None):
    """'The presidents of X and Y agreed on Monday to a truce', 'the accord reached by
    President X and Premier Y in Ohrid on 18 March': leaders who agreed on a day or at
    a place met there, and the report names no meeting in that sentence; that meeting
    (a summit) is where the agreement was reached."""
    cue = state.ctx.cue
    if not _is_verb(v) or _negated(v) or _hypothetical(v) or _future(v) or _has_to(v):
        return
    if v.dep_ == "acl":
        if v.tag_ != "VBN" or _lemma(v) not in cue["agreement_made_verb"]:
            return
        who = [x for k in v.children if k.dep_ == "agent" for x in k.subtree]
    else:
        h = v.head if v.dep_ == "conj" and not any(k.dep_ == "nsubj" for k in v.children) else v
        who = [x for k in h.children if k.dep_ == "nsubj" for x in k.subtree]
    told = _joint_announcement(state, v, who)
    if told is not None:  # "X and Y announced in Z on Sunday that they had agreed to ...": met there
        who = [x for k in told.children if k.dep_ == "nsubj" for x in k.subtree]
    outcome = _lemma(v) in cue["joint_outcome_verb"] - cue["agreement_announce_verb"] or _lemma(v) == "come"
    partner = _partner(state, v, noun) if v.dep_ != "acl" and outcome else []
    persons = state.ctx.actors_in(who + partner, ("Person",))  # "X reached a deal with President Y"
    groups = [x for x in who if _lemma(x) in cue["leader_group"] and x.tag_ in ("NNS", "NNPS")
              and x.i not in state.ctx.tok_actor]
    group = bool(groups)
    # "Fiji's political leaders agreed on Wednesday": the leaders of one country or of parties
    # met as two sides at home (a round of domestic talks), not in a summit
    domestic = group and all(_domestic_leaders(state, x) for x in groups)
    words = " ".join(x.lower_ for x in who)
    sides = v.dep_ != "acl" and words in cue["agreement_reciprocal_subject"] \
        and _lemma(v) in cue["agreement_reached_verb"] - cue["agreement_announce_verb"]  # "both sides had agreed to it in Brussels", not announced
    # "the owners and the players' union came to an agreement on Thursday": two sides named
    # together, on a day (not a month or a place: a day of talks the report may not name)
    # ("Colombia and Venezuela agreed on Friday to a truce" tells of no meeting: the verb is one of
    # arriving at a deal, "reached", "struck", "came to")
    leaders = len(persons) >= 2 and all(state.ctx.is_leader(p) for p in persons)
    # "reached an agreement in Tehran on Saturday": the day and place may hang on the noun
    said = [v] + ([k for k in v.children if k.dep_ == "dobj" and _lemma(k) in cue["agreement_noun"]]
                  if v.dep_ != "acl" and outcome else [])
    pair = v.dep_ != "acl" and not leaders and not sides and outcome and any(
        k.dep_ == "nsubj" and k.pos_ in ("NOUN", "PROPN") and (partner or any(
            j.dep_ == "conj" and j.pos_ in ("NOUN", "PROPN") for j in [*k.children, *_delegates_of(state, k)]))
        for k in h.children) \
        and (any(x.i in state.ctx.tok_timex and state.ctx.timexes[state.ctx.tok_timex[x.i]][0].granularity == "day"
                 for h2 in said for k in h2.children if k.dep_ in ("prep", "npadvmod") for x in k.subtree)
             or _undated_outcome(state, v))
    sides = sides or pair or (domestic and not persons)
    if not (len(persons) >= 2 and all(state.ctx.is_leader(p) for p in persons) or group and not persons or sides):
        return
    dated = any(x.i in state.ctx.tok_place or x.i in state.ctx.tok_timex and state.ctx.timexes[state.ctx.tok_timex[x.i]][0]
                .granularity in ("day", "time-of-day", "week", "month", "quarter", "season", "year")
                for h2 in ([told] if told is not None else said) for k in h2.children if k.dep_ in ("prep", "npadvmod")
                for x in k.subtree)
    leaders = len(persons) >= 2 and all(state.ctx.is_leader(p) for p in persons) and v.dep_ != "acl"
    if not dated and not leaders and not pair:
        return
    c = Cand("Summit", "event", v)
    c.implicit = "sides" if sides else True
    # "President X and Premier Y have agreed to ...", with no day or place: they met all the
    # same, unless the report names a meeting (_implicit_dropped)
    c.undated = not dated
    c.pair = pair
    c.agreeing_leaders = frozenset(persons)
    c.status, c.strong = "Occurred", True  # told in the past, not "agreed to" a meeting
    c.anchors = {v.i} if noun is None else {v.i, noun.i}  # "came to an agreement on Thursday": the day may hang on the noun
    c.anchors |= {k.i for k in said}  # "reached an agreement with the union on Monday": the day may hang on the noun
    if told is not None:
        c.anchors = {told.i}  # the day and place of the joint announcement
    c.actors = state.ctx.actors_in(who) + [a for a in state.ctx.actors_in(partner) if a not in state.ctx.actors_in(who)]
    state.cands.append(c)


def _partner(state, v, noun=None) -> list:
    """The tokens of the other side of an outcome told with "with": "the government
    reached an agreement with the teachers' union", "the firm struck a deal with its
    pilots" (on the verb or on its noun of agreement), named or not."""
    cue = state.ctx.cue
    heads = [v, *(k for k in v.children if k.dep_ == "dobj" and _lemma(k) in cue["agreement_noun"])]
    if noun is not None:
        heads.append(noun)
    out = [x for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
           for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") for x in o.subtree]
    return out


def _undated_outcome(state, v) -> bool:
    """``v`` tells an outcome reached with no time of its own, in the past or the
    perfect ("X and Y have reached an agreement to end the strike"): the talks that
    reached it were held, on a day the report does not name."""
    if v.tag_ not in ("VBD", "VBN") or any(c.dep_ == "auxpass" for c in v.children):
        return False
    return not any(x.i in state.ctx.tok_timex for k in v.children if k.dep_ in ("prep", "npadvmod", "advmod")
                   for x in k.subtree)


def _delegates_of(state, k) -> list:
    """The children of the sides the envoys ``k`` are for: "negotiators for Serbia and
    Kosovo", "delegates of Chile and Peru" (row delegate_noun; the sides as a pair)."""
    if _lemma(k) not in state.ctx.cue["delegate_noun"]:
        return []
    return [j for p in k.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "from")
            for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN" for j in o.children]


def _joint_announcement(state, v, who):
    """The verb that reports what the pronoun subject ``who`` of ``v`` agreed, when
    it tells where the sides named as its subject said it: "X and Y on Sunday announced
    in Z that they had agreed to ..." (a joint announcement at a place: they met there);
    not "X and Y said on Sunday that they had agreed" (no place: perhaps each alone), nor
    a verb with a date or place of its own ("they had agreed in Lima")."""
    cue = state.ctx.cue
    if not who or any(x.lower_ not in cue["collective_subject_word"] for x in who) or v.dep_ != "ccomp":
        return None
    up = v.head
    if not _is_verb(up) or _negated(up) or _future(up) or _hypothetical(up):
        return None
    own = [x for k in v.children if k.dep_ in ("prep", "npadvmod") for x in k.subtree]
    if any(x.i in state.ctx.tok_place or x.i in state.ctx.tok_timex for x in own):
        return None
    if not any(x.i in state.ctx.tok_place for k in up.children if k.dep_ == "prep" for x in k.subtree):
        return None
    return up


def _told_as_held(m) -> bool:
    """The meeting candidate ``m`` is not told as one to come: its verb (or the verb
    governing its noun) is under no "to", future, modal, condition or negation
    ("the decision to initiate negotiations" is not a meeting held)."""
    v = m.trig if _is_verb(m.trig) else _gov(m.trig)
    return v is None or not (_has_to(v) or _future(v) or _hypothetical(v) or _negated(v) or any(
        c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "would", "should") for c in v.children))


def _implicit_dropped(state):
    """An implied meeting (:func:`_leaders_agreeing`) gives way to a meeting the report
    names on the same day, or in the same sentence (for the sides' meeting, only when it
    has no day of its own: "talks on the deal, which both sides agreed in Lima last month"),
    or at the same place when one of the two has no day.
    The sides' meeting is of the kind of the meeting named nearest before it (a round
    when there is none)."""
    named = [c for c in state.cands if c.role == "event" and c.kind in MEETING_FAMILY and not getattr(c, "implicit", False)]

    def same_day(m, c):
        return c.time is not None and m.time is not None and m.time.earliest is not None \
            and m.time.earliest == c.time.earliest

    keep = []
    for c in state.cands:
        if getattr(c, "implicit", False):
            # what they agreed on is not where: "agreed to launch negotiations on the dam"
            agreed = {x.i for k in c.trig.children if k.dep_ in ("xcomp", "ccomp") for x in k.subtree}
            if getattr(c, "undated", False) and (any(m.trig.i not in agreed and _told_as_held(m) for m in named) or any(
                    getattr(k, "undated", False) and k.agreeing_leaders == c.agreeing_leaders for k in keep)):
                continue  # an undated meeting of the leaders is the one the report names, or told before
            if getattr(c, "after_none", False) and any(m.trig.i < c.trig.i and _told_as_held(m) for m in named):
                continue  # "X and Y held talks in Accra. The deal, reached late on Sunday, ...": those talks
            if getattr(c, "pair", False) and c.time is not None and any(
                    _told_as_held(m) and (m.time is None or (m.time.earliest is None or m.time.earliest <= c.time.earliest)
                                          and (m.time.latest is None or c.time.earliest <= m.time.latest))
                    for m in named if m.trig.i not in agreed):
                continue  # "the two sides agreed on Wednesday": on a day of the talks the report tells of
            if any(same_day(m, c) or _sent(m.trig) == _sent(c.trig) and (c.implicit is True or c.time is None)
                   or c.place and m.place == c.place and (c.time is None or m.time is None)
                   for m in named if m.trig.i not in agreed):
                continue  # "agreed in Istanbul": the Istanbul talks the report tells of
            if c.implicit == "sides":
                before = [m for m in named if m.trig.i < c.trig.i or _sent(m.trig) == _sent(c.trig)]
                c.kind = before[-1].kind if before else "NegotiationRound"
        keep.append(c)
    state.cands[:] = keep


def _signings(state):
    """Parties (no person named) signing at a place and time: where the report tells
    of talks (between the parties, or at that place), the signing is how a session
    of those talks ended; else it is a meeting of its own (a signing ceremony)."""
    _implicit_dropped(state)
    talks = [c for c in state.cands
             if c.kind == "NegotiationRound" and c.role == "event" and not getattr(c, "parties_signing", None)]
    for c in state.cands:
        how = getattr(c, "parties_signing", None)
        if (how == "parties" and talks) or (how == "place" and c.place and any(e.place == c.place for e in talks)):
            c.kind = "NegotiationRound"


def _reached_on_a_day(state, t):
    """'the agreement reached in Muscat on Monday', 'the deal it struck with Kosovo in
    Brussels last month': a participle or relative clause of reaching after the agreement
    ``t``, with a day or a place of its own before the report and no meeting named in its
    sentence, tells of the session where the sides reached it, when the report tells of no
    meeting held before it (dropped, too, for a meeting the report names that day or there)."""
    cue = state.ctx.cue
    pub = state.ctx.pub
    passive = [t.head] if t.dep_ == "nsubjpass" and any(k.dep_ == "auxpass" for k in t.head.children) else []
    for v in [*t.children, *passive]:  # "the agreement reached in X", "a deal was finalised in X on Monday"
        if v.dep_ not in ("acl", "relcl") and v not in passive or v.tag_ not in ("VBN", "VBD") \
                or _lemma(v) not in cue["reached_participle_verb"] or v.i in {c.trig.i for c in state.cands}:
            continue
        if _negated(v) or _hypothetical(v) or _future(v) or _has_to(v) or _meeting_in_sentence(state, v):
            continue
        own = [x for k in v.children if k.dep_ in ("prep", "npadvmod") and k.lower_ not in cue["context_order_prep"]
               for x in k.subtree]
        days = [tv for tv in (state.ctx.timexes[state.ctx.tok_timex[x.i]][0] for x in own if x.i in state.ctx.tok_timex)
                if tv.earliest is not None or tv.latest is not None]  # not a duration: "over three days"
        if any(tv.latest is None or pub is not None and tv.latest > pub for tv in days):
            continue  # "the deal to be reached next week", a span still open
        if not (any(x.i in state.ctx.tok_place for x in own) or any(tv.granularity in ("day", "time-of-day") for tv in days)):
            continue
        c = Cand("NegotiationRound", "event", v)
        c.implicit = "sides"
        c.undated, c.agreeing_leaders = False, frozenset()
        c.pair = True  # dropped for talks the report tells of whose days take in its day
        c.after_none = True  # and for any meeting held that the report tells before it
        c.status, c.strong = "Occurred", True
        c.anchors = {v.i}
        c.actors = state.ctx.actors_in([x for k in v.children if k.dep_ in ("nsubj", "agent") for x in k.subtree]
                                       + [x for k in v.children if k.dep_ == "prep" and k.lower_ in ("with", "between")
                                          for x in k.subtree])
        state.cands.append(c)


def _outcome_of_leaders(state, t):
    """'The two presidents struck a deal in Geneva on Monday', 'X and Y announced a
    framework at Turnberry on July 27': the verb whose object is the agreement or
    framework ``t`` tells of the leaders' meeting (:func:`_leaders_agreeing`)."""
    if t.dep_ == "dobj" and _lemma(t.head) in state.ctx.cue["joint_outcome_verb"]:
        _leaders_agreeing(state, t.head)
    elif t.dep_ == "pobj" and t.head.lower_ == "to" and _lemma(t.head.head) == "come":  # "came to an agreement"
        _leaders_agreeing(state, t.head.head, t)
