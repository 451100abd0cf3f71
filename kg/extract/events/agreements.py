"""Agreements: terms that parties accepted, with the event where they were reached.

Phrasings handled (each a kind, not a sentence):

* a verb of agreeing with its content: "the sides agreed to X", "agreed on X",
  "settled on X", "the terms agreed upon during <meeting>", "a truce was agreed",
  what concluded talks were for ("completed the talks to agree on X");
* an agreement noun that a meeting produced or that was reached: "resulted in
  several agreements", "produced an understanding on X", "came away with a deal
  to X", "came to an agreement", "closed a pact", "agreements made during <meeting>",
  "a new agreement has been reached", "have a deal in place", "ratified the accord";
* an offer accepted: "voted to accept the pay offer";
* reciprocal commitments after a meeting: "each side will X", "the two sides will X";
* what was signed: "the signing of a protocol in Lusaka" (reached at the signing, when
  it took place), "signed a truce in Havana" (no agreement noun needed);
* agreements told as background: "the 2018 peace deal", "the 2022/2023 wage
  agreement" (reached that year, at no meeting of the report unless one is dated that
  year), a proper name under a verb of keeping it ("implemented the Lakeside Accord") or
  told as in force ("obligations under the Lakeside Agreement", "the signatories to it");
* a text signed that no agreement noun names ("they signed a memorandum", "the two
  leaders signed a document"): reached at the meeting in focus; "It was signed in X on
  Thursday": the accord told just before, reached at that signing.

* forms the parse hides (:mod:`kg.extract.events.agreement_forms`): a participle read
  as the main verb ("The swap agreed between A and B last week was carried out"), an
  accord renewed or extended, "there was consensus on X", common ground found.

Hypothetical, possible, denied or negated ones ("unless a deal is reached", "to sign
a finished agreement", "an agreement is within reach", "might sign the deal",
"denied that a deal had been struck") are not agreements.
``reached_at`` is the meeting named in the phrase ("during the last round", "at
which", "That meeting resulted in"), else the meeting of the same sentence,
else the meeting in focus, else (none told before) the first told after where its
parties met; "The agreement came after talks in X" moves the agreement told before
to those talks. Parties are those the phrase names (the subject of the agreeing,
"between X and Y", "with Y"; a pronoun or collective subject, "they", "both
governments", "the two sides", for the sides named in the subject of the verb that
reports it or before it), else the parties of the talks (with the one side the phrase
names, when it names one).

>>> from datetime import date
>>> from kg.records import Document
>>> from kg.extract import extract_many
>>> text = "The delegations met in Oslo on Monday and agreed to swap 50 prisoners each."
>>> d = Document("d", "d.txt", text, "0", published=date(2025, 3, 5))
>>> x = next(extract_many([d]))
>>> [(a.label, a.reached_at is not None) for a in x.agreements]
[('Swap 50 prisoners each', True)]
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.attrs import DEP

from kg.extract.events.focus import _focus_before
from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.agreement_phrases import (
    _accepted_offer,
    _collective_parties,
    _sides_of,
    _without_setting,
    _fronted_participle,
    _gerund_unreached,
    _came_after,
    _dated_by_possessive,
    _denied,
    _mediators,
    _met_others,
    _modal,
    _named_in_force,
    _opinion,
    _talks_concluded_to_agree,
    _terms_under,
)
from kg.extract.events.agreement_forms import (
    _agreeing_joined, _bought, _inner_of_agreement, _participle_read_as_verb, _meeting_near, _offer_maker,
    _renewals, _sides_met, _there_was,
)
from kg.extract.events.signings import _signed_antecedent, _signer_verb
from kg.extract.events.syntax import (_future, _gov, _has_to, _hypothetical, _is_verb, _lemma, _negated, _sent,
                                      _with_lemma)
from kg.records import Agreement

__all__ = ["find_agreements"]


def _signing_noun(state, t):
    """The noun of signing whose object is the agreement noun ``t``, when that
    signing took place: "with the signing of a protocol in Lusaka" (an event
    candidate of its own, Occurred)."""
    if t.dep_ != "pobj" or t.head.lower_ != "of" or t.head.head.lower_ not in state.ctx.cue["signing_noun"]:
        return None
    s = t.head.head
    if t.pos_ == "NOUN" and any(d.lower_ in state.ctx.cue["agreement_definite_det"] for d in t.children if d.dep_ == "det") \
            and not any(k.dep_ in ("amod", "compound", "nummod") or k.dep_ == "prep" and k.lower_ in state.ctx.cue[
                "agreement_party_prep"] for k in t.children):
        return None  # "the signing of the agreement": the agreement told before (not "of the accord between X and Y")
    cue = state.ctx.cue["signing_unreached_word"]
    cur = s
    for _ in range(4):  # "ahead of the signing", "prepared for the signing", "plans a signing"
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if _lemma(cur) in cue or cur.lower_ in cue:
            return None
        if _is_verb(cur):
            if _negated(cur) or _hypothetical(cur) or _future(cur) or any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
                return None
            break
    for c in state.cands:
        if c.role == "event" and c.trig.i == s.i:
            e = c.root()
            if e.status != "Occurred" or (e.time is not None and state.ctx.pub is not None
                                          and e.time.earliest is not None and e.time.earliest > state.ctx.pub):
                return None
            return s
    return None


def _background(state, t) -> bool:
    """``t`` names an agreement by the year it was reached, before the report:
    "the 2018 peace deal", "under the 2015 accord"."""
    if t.pos_ not in ("NOUN", "PROPN") or any(d.lower_ in state.ctx.cue["agreement_unreached_det"] for d in t.children):
        return False
    pub = state.ctx.pub
    for k in t.children:
        # "the 2018 deal", "the 2022/2023 wage agreement", "the 2022-23 accord": a year, or a span of two
        if k.dep_ in ("nummod", "compound", "amod", "npadvmod") and re.fullmatch(r"\d{4}([/-]\d{2}|[/-]\d{4})?", k.text):
            year = int(k.text[:4])
            if 1900 < year and (pub is None or year < pub.year):
                return True
    return False


def _previous_sentence_meeting(state, t):
    """The one dated meeting that took place told in the sentence just before ``t``'s:
    "Talks took place in Quito on May 6. An agreement was reached on a swap." """
    if _sent(t).start == 0:
        return None
    prev = _sent(state.doc[_sent(t).start - 1])
    found = []
    for c in state.cands:
        if c.role == "event" and prev.start <= c.trig.i < prev.end:
            r = c.root()
            if r.kind in MEETING_FAMILY and r.status == "Occurred" and r.time is not None and r not in found:
                found.append(r)
    return found[0] if len(found) == 1 else None


def _own_parties(state, t, g) -> tuple[str, ...]:
    """The parties the agreement's own phrase names: the subject (or agent) of the
    agreeing, reaching or signing verb, and the objects of its "between" or "with"
    ("Norway and Iceland agreed to ...", "a pact was reached between A, B and C",
    "A closed a pact with B"); a person counts for the side they belong to, and
    those who brokered it are not parties."""
    ctx = state.ctx
    heads = [h for h in (t, g) if h is not None]
    heads += [h.head for h in heads if h.dep_ in ("conj", "xcomp") and not any(k.dep_ == "nsubj" for k in h.children)]
    heads += [k for h in heads for k in _agreeing_joined(state, h)]  # "brokered by C and agreed by A and B"
    heads += [k for k in t.children if k.dep_ in ("acl", "relcl")  # "an agreement that Qatar mediated between X and Y"
              and _lemma(k) in ctx.cue["agreement_made_verb"]]
    toks = [x for k in t.children if k.dep_ == "xcomp" and _is_verb(k) and _lemma(k) in ctx.cue["joint_act_verb"]
            for o in (k, *(d for d in k.children if d.dep_ == "dobj"))
            for p in o.children if p.dep_ == "prep" and p.lower_ == "with"
            for x in p.subtree]  # "Versum agreed to merge with Entegris", "to share data with Peru": the other side
    toks += _offer_maker(state, t, g) + _bought(state, t)  # "accepted an offer from X", "agreed to buy X"
    for h in dict.fromkeys(heads):
        mediated = _lemma(h) in ctx.cue["mediation_verb"]  # "X and Y brokered the deal": mediators, not parties
        for k in h.children:
            if k.dep_ in ("nsubj", "agent") and not mediated or k.dep_ == "nsubjpass" and k.i != t.i:
                toks += list(k.subtree)
            elif k.dep_ == "prep" and k.lower_ in ctx.cue["agreement_party_prep"]:
                # "with X", not "with the help of X": the objects, not what hangs on them
                for o in k.children:
                    if o.dep_ == "pobj":
                        toks += [o] + [x for c in o.children if c.dep_ in ("conj", "cc", "compound", "amod", "appos")
                                       for x in c.subtree]
    out = _sides_of(state, toks)  # a person: their side
    for h in dict.fromkeys(heads):  # "X and Y said they had agreed": the sides "they" stands for
        if len(out) < 2 and _lemma(h) not in ctx.cue["mediation_verb"]:
            out += [a for a in _collective_parties(state, h) if a not in out]
    return tuple(out)


def _meeting_told_after(state, t, parties):
    """No meeting is told before the agreement ``t``: of the occurred meetings told after
    it, those where its parties met (when it names two), the latest in time among the
    dated ones (as :func:`_focus_before` does before), else the first one told; else the
    last one of the report."""
    after = []
    for c in sorted(state.cands, key=lambda c: c.pos):
        r = c.root()
        if c.role == "event" and c.pos > t.i and r.kind in MEETING_FAMILY and r.status == "Occurred" and r not in after:
            after.append(r)
    rounds = [e for e in state.clusters if e.kind in MEETING_FAMILY and e.status == "Occurred"]
    if len(parties) >= 2:
        met = [e for e in after if set(parties) <= set(getattr(getattr(e, "record", None), "actors", None) or e.actors)]
        after = met or after
    def time(e):
        return getattr(getattr(e, "record", None), "time", None) or e.time

    dated = [e for e in after if time(e) is not None and time(e).latest is not None]
    if dated:
        return max(dated, key=lambda e: time(e).latest)  # the first told of those that end last
    return after[0] if after else rounds[-1] if rounds else None


def _reached_where_it_came_after(state, agreements, followed, event_at):
    """The agreement told last before "the agreement came after <meeting>" was reached
    at that meeting (when it took place)."""
    for t, toks in followed:
        meeting = next((e for e in (event_at(x.i) for x in toks)
                        if e is not None and e.kind in MEETING_FAMILY and e.status in ("Occurred", "Ongoing")), None)
        start = state.ctx.mention(t.i, t.i + 1).start
        sent_starts = [state.ctx.mention(x.start, x.start + 1).start for x in state.sents]
        first = {k: min(m.start for m in a.mentions) for k, a in enumerate(agreements)}
        before = [k for k in first if first[k] < start]
        if meeting is None or not before or state.keys.get(id(meeting)) is None:
            continue
        # of the agreements told in the last sentence before, the one told first (not one named inside it)
        last = max(max((b for b in sent_starts if b <= first[k]), default=0) for k in before)
        k = min((k for k in before if first[k] >= last), key=lambda k: first[k])
        a = agreements[k]
        agreements[k] = Agreement(a.key, a.label, a.status, state.keys[id(meeting)], a.parties,
                                           tuple(sorted(set(a.mentions) | {state.ctx.mention(t.i, t.i + 1)})))
    return agreements


@lru_cache(maxsize=None)
def _reciprocal_forms(phrases: frozenset[str]) -> tuple[tuple[str, str, str], ...]:
    """Each phrase of row ``agreement_reciprocal_subject`` with the ending (" " and its words
    after the first) and the beginning (its first word) of a subject told otherwise, split once."""
    return tuple((p, " " + p.split(" ", 1)[-1], p.split(" ")[0]) for p in phrases)


def find_agreements(state, events) -> tuple[Agreement, ...]:
    """Agreements of one document or window (``state`` is what the event stages left, with its records)."""
    ctx = state.ctx
    doc = state.doc
    found = []  # (token, content_tokens, reached Cand|None, content event Cand|None)
    followed = []  # (agreement noun, tokens of what it came after)
    for t, role in state.agree_toks:
        if role == "agree":
            if t.dep_ in ("amod",) or _negated(t) or _hypothetical(t) or _modal(state, t) or _denied(state, t) \
                    or _gerund_unreached(state, t) or _opinion(state, t) or (
                    t.dep_ == "xcomp" and _lemma(t.head) in state.ctx.cue["failure_verb"]):
                continue
            thing = _participle_read_as_verb(state, t)
            if thing is not None:  # "The swap agreed between A and B last week went ahead on Monday"
                found.append((t, thing, t))
                continue
            concluded = _talks_concluded_to_agree(state, t)
            if _has_to(t) and not concluded:
                continue
            content = [x for c in t.children if c.dep_ in ("xcomp", "dobj", "ccomp", "prt") or (
                c.dep_ == "prep" and c.lower_ in state.ctx.cue["agreement_content_prep"]) or (
                c.dep_ == "advcl" and _has_to(c))
                for x in c.subtree]  # "agreed on Monday, after a meeting in Seoul, to resume X": advcl
            passive = [k for k in t.children if k.dep_ == "nsubjpass" and k.pos_ in ("NOUN", "PROPN")]
            if passive and not any(c.dep_ in ("xcomp", "dobj", "ccomp") for c in t.children):
                content = list(passive[0].subtree)  # "a three-day truce was agreed on Monday by X and Y"
            if not content and t.dep_ != "acl":
                continue
            if t.dep_ == "acl" and not concluded:  # "the terms agreed upon"
                content = [x for x in t.head.subtree if x.i < t.i]
            found.append((t, content, t))
        else:
            if _inner_of_agreement(state, t):  # "a memorandum of understanding", "the text of an accord": one
                continue
            signing = _signing_noun(state, t)
            if signing is not None:  # "with the signing of a protocol in Lusaka"
                found.append((t, [x for k in t.children if k.dep_ not in ("appos", "punct") and not (
                    k.dep_ == "prep" and k.lower_ in ("in", "at", "by")) for x in k.subtree] + [t], signing))
                continue
            if _named_in_force(state, t):  # "obligations under the Lakeside Agreement": reached before
                found.append((t, [x for k in t.children if k.dep_ not in ("appos", "punct", "prep", "acl", "relcl")
                                  for x in k.subtree] + [t], t.head))
                continue
            if _background(state, t):  # "the 2018 peace deal": reached in a year before the report
                found.append((t, [x for k in t.children if k.dep_ not in ("appos", "punct", "prep", "acl", "relcl")
                                  for x in k.subtree] + [t], t))
                continue
            if _dated_by_possessive(state, t):  # "Thursday's agreement between Oman and Yemen"
                found.append((t, [x for k in t.children if k.dep_ not in ("appos", "punct", "poss", "acl", "relcl")
                                  for x in k.subtree] + [t], t))
                continue
            g = _gov(t)
            if g is None:
                if t.dep_ == "pobj" and t.head.lower_ == "with" and t.head.head.pos_ == "VERB":
                    g = t.head.head
                else:
                    continue
            unreached = {d.lower_ for d in t.children if d.lower_ in state.ctx.cue["agreement_unreached_det"]}
            if unreached <= state.ctx.cue["agreement_new_word"] and g.tag_ in ("VBD", "VBN") \
                    and _lemma(g) in state.ctx.cue["agreement_reached_verb"]:
                unreached = set()  # "a new agreement has been reached", not "seeking a new deal"
            if _lemma(t) == "arrangement" or unreached:
                continue
            after = _came_after(state, t, g)
            if after is not None:  # "The agreement came after 12-hour talks between ...": where it was reached
                followed.append((t, after))
                continue
            acl = [k for k in t.children if k.dep_ in ("acl", "relcl") and _lemma(k) in state.ctx.cue["agreement_made_verb"]
                   and k.tag_ in ("VBN", "VBD") and not _has_to(k)]
            if not acl and _gerund_unreached(state, g) and _lemma(g) not in state.ctx.cue["agreement_kept_verb"]:
                continue  # "talks aimed at reaching an agreement", not "on implementing the deal, which both agreed to"
            under = _terms_under(state, t, g)
            if under is not None and not acl:  # "Under the deal, Ethiopia will give Somalia access to a port"
                found.append((t, under, g))
                continue
            fronted = _fronted_participle(state, t, g)
            if fronted is not None and not acl:  # "Signed last October in X, the accord between A and B sets ..."
                found.append((t, [x for k in t.children if k.dep_ not in ("appos", "punct") for x in k.subtree] + [t],
                              fronted))
                continue
            if not acl and (_negated(g) or _hypothetical(g) or _future(g) or _modal(state, g) or _denied(state, g) or any(
                    c.lower_ == "to" for c in g.children if c.dep_ == "aux")):
                continue
            held = _lemma(g) in ("have", "be") and any(  # "now have a merger agreement in place"
                k.dep_ == "prep" and k.lower_ == "in" and any(o.lower_ in state.ctx.cue["agreement_in_force_word"]
                                                              for o in k.children if o.dep_ == "pobj")
                for k in (*t.children, *g.children))
            ended_in = _lemma(g) in state.ctx.cue["agreement_ended_in_verb"] and t.dep_ == "pobj" \
                and t.head.lower_ in state.ctx.cue["agreement_ended_prep"] and t.head.head.i == g.i
            # "the talks ended in an agreement", "wrapped up the talks with a deal"
            if _lemma(g) not in state.ctx.cue["agreement_reached_verb"] and not acl and not held and not ended_in \
                    and not _there_was(state, t, g):  # "There was consensus on X"
                continue
            if _lemma(g) == "come" and not any(k.lower_ == "away" for k in g.children) \
                    and not (t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.i == g.i):
                continue  # "came away with a deal", "came to an agreement", not "the deal came"
            content = [x for k in t.children if k.dep_ not in ("appos", "punct") for x in k.subtree] + [t]
            found.append((t, content, g))
    # a signing of what no agreement noun names: "signed a truce in Havana", "the text was signed in Riyadh"
    agree_ids = {t.i for t, _role in state.agree_toks}
    for c in state.cands:
        g = c.trig
        if not getattr(c, "signing", False) or not _is_verb(g) or c.root().status != "Occurred":
            continue  # "Mali and Niger may sign the memorandum on Friday": a signing to come
        signed = [k for k in g.children if k.dep_ in ("dobj", "nsubjpass")]
        if g.dep_ == "relcl" or not signed and g.dep_ == "acl":  # "a truce signed in Havana", "the deal which he signed"
            signed = [g.head]
        elif not signed and g.dep_ == "advcl":  # "Signed on Friday by X and Y, the truce takes effect ..."
            signed = [k for k in g.head.children if k.dep_ in ("nsubj", "nsubjpass")]
        objs = [k for k in signed if k.i not in agree_ids]
        if objs and objs[0].lower_ in ctx.cue["signed_pronoun"]:  # "It was signed in Windhoek": the accord before
            objs = [a for a in (_signed_antecedent(state, objs[0]),) if a is not None and a.i not in {f[0].i for f in found}]
        if objs and not any(k.i in agree_ids for k in signed):
            o = objs[0]
            found.append((o, [x for k in o.children if k.dep_ not in ("appos", "punct") and not (
                k.dep_ == "prep" and k.lower_ in ("in", "at", "by")) for x in k.subtree] + [o], g))
    # a text signed: "They signed a memorandum on water sharing", "the two leaders signed a document"
    for t in _with_lemma(state, ctx.cue["signed_thing"]):
        if t.i in agree_ids or t.i not in state.trig_tokens \
                or (ctx.entry_at.get(t.i) or {}).get("role") != "proposal_noun":
            continue
        g = _signer_verb(state, t)
        if g is None or g.tag_ not in ("VBD", "VBN") or g.dep_ in ("acl", "relcl") or _negated(g) or _hypothetical(g) \
                or _future(g) or _modal(state, g) or _denied(state, g) or _gerund_unreached(state, g) or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in g.children):
            continue
        found.append((t, [x for k in t.children if k.dep_ not in ("appos", "punct", "relcl", "acl") and not (
            k.dep_ == "prep" and k.lower_ in ("in", "at", "by")) for x in k.subtree] + [t], g))
    # a truce or swap that a participle says was reached: "a truce between A and B brokered by C during talks in X"
    for c in state.cands:
        h = c.trig
        if c.role != "event" or c.root().kind in MEETING_FAMILY or h.i in agree_ids or h.pos_ != "NOUN":
            continue
        made = [k for k in h.children if k.dep_ == "acl" and k.tag_ == "VBN"
                and _lemma(k) in ctx.cue["agreement_event_made_verb"] and not _negated(k)]
        if made and not any(f[0].i == h.i for f in found):
            found.append((h, [x for x in h.subtree if x.i < made[0].i and not x.is_punct], made[0]))
    # an offer accepted: "the members voted to accept the pay offer", "the union accepted the offer"
    for v in _with_lemma(state, ctx.cue["agreement_accept_verb"]):  # (none other accepts)
        if _accepted_offer(state, v):
            o = next(k for k in v.children if k.dep_ == "dobj")
            found.append((o, [x for x in o.subtree if not x.is_punct or x.text == "-"], v))
    found += _renewals(state)  # an accord renewed or extended: "A and B renewed the river accord last week"
    # reciprocal commitments after talks: "the two sides will exchange ...", "each side will return ..."
    # (the dependency label of each token in one read: a Token for the subjects only)
    deps = doc.to_array(DEP).tolist()
    nsubj = doc.vocab.strings["nsubj"]
    for tok in (doc[i] for sent in state.sents for i in range(sent.start, sent.end) if deps[i] == nsubj):
        if not _is_verb(tok.head):
            continue
        words = " ".join(x.lower_ for x in tok.subtree)
        both = len(state.parties) >= 2 and set(state.parties) <= set(ctx.actors_in([tok, *tok.conjuncts])) \
            and _lemma(tok.head) in state.ctx.cue["agreement_mutual_verb"]  # "Kyiv and Moscow will swap ..."
        if not both and not any(words == p or words.endswith(tail) and words.startswith(head)
                                for p, tail, head in _reciprocal_forms(state.ctx.cue["agreement_reciprocal_subject"])):
            continue
        v = tok.head
        if not _future(v) or _hypothetical(v) or any(_lemma(c) in ("agree", "settle") for c in v.children):
            continue
        if _lemma(v) in state.ctx.cue["agreement_meeting_verb"]:
            continue  # a next meeting is a plan, not terms
        skip = {x.i for c in v.children if c.dep_ in ("conj", "cc") for x in c.subtree}
        content = [v] + [x for x in v.subtree if x.i > v.i and x.i not in skip]
        found.append((v, content, v))

    by_trig = {}
    for c in state.cands:
        if c.role == "event":
            by_trig.setdefault(c.trig.i, c)

    def event_at(i):
        c = by_trig.get(i)
        return c.root() if c is not None else None

    out: list[tuple[object, list, object, object, object]] = []
    apart: set[int] = set()  # agreements of other sides than those of the meetings told near them
    for t, content, g in found:
        if g is t and t.pos_ != "VERB" and _background(state, t):
            # a meeting dated in the agreement's year, else none: not the meeting in focus
            years = [ctx.timexes[ctx.tok_timex[k.i]][0] for k in t.children if k.i in ctx.tok_timex]
            dated = [e for e in state.clusters if e.kind in MEETING_FAMILY and e.time and years
                     and e.time.earliest == years[0].earliest and e.time.latest == years[0].latest]
            out.append((t, content, dated[0] if dated else None, None, g))
            continue
        if g is not t and (t.pos_ == "PROPN" and _lemma(g) in ctx.cue["agreement_kept_verb"] or _named_in_force(state, t)):
            out.append((t, content, None, None, g))  # "to implement the Lakeside Accord": reached before
            continue
        reached = None
        content_ids = {x.i for x in content}
        # "during the last round", "at which", "in Istanbul", "That meeting resulted in"
        probes = []
        context_ids: set[int] = set()
        heads = {t, g} | {k for k in t.children if k.dep_ in ("acl", "relcl") and _is_verb(k)}
        for x in content:  # "agreed to a ceasefire after talks in Malaysia"
            if x.dep_ == "prep" and x.lower_ in ("after", "following"):
                probes += list(x.subtree)
                context_ids.update(y.i for y in x.subtree)
        for h in heads:
            for k in h.children:
                if k.dep_ == "prep" and k.lower_ in state.ctx.cue["agreement_meeting_prep"]:
                    probes += list(k.subtree)
                    context_ids.update(x.i for x in k.subtree)
                if k.dep_ in ("nsubj",):
                    probes += list(k.subtree)
        cur = g
        for _ in range(3):  # "the talks held in Istanbul on May 16, where the delegations settled"
            if cur.dep_ in ("relcl", "acl") or cur.head.i == cur.i:
                probes += [cur.head] + list(cur.head.ancestors)[:3]
                break
            cur = cur.head
        probes = [p for p in probes if not (p.i in content_ids and p.i != t.i and p.i not in context_ids)]
        if g is not t and g.i in by_trig and getattr(by_trig[g.i], "signing", g.pos_ == "NOUN"):
            # "the signing of X", "signed X in Havana": reached at the signing
            probes.insert(0, g)
        for h in sorted(heads, key=lambda h: h.i):
            # "the accord signed in Lusaka", "the presidents agreed on Monday": the signing,
            # or the leaders' meeting that the agreeing tells of
            c = by_trig.get(h.i)
            if h is not g and c is not None and (getattr(c, "signing", False) or getattr(c, "implicit", False)):
                probes.insert(0, h)
        # a meeting named in the phrase, else one dated by it, else one held at the place it names
        for p in probes:
            ev = event_at(p.i)
            # terms already agreed are not reached at a meeting still to come ("during this meeting"
            # taken for a planned one): the occurred meeting in focus is, below
            if ev is not None and ev.kind in MEETING_FAMILY and ev.status in ("Occurred", "Ongoing"):
                reached = ev
                break
        for p in probes if reached is None else ():
            if p.i in ctx.tok_timex:  # "Under Monday's arrangements"
                tv = ctx.timexes[ctx.tok_timex[p.i]][0]
                dated = [e for e in state.clusters if e.kind in MEETING_FAMILY and e.time and e.time.earliest == tv.earliest]
                if dated:
                    reached = dated[0]
                    break
        for p in probes if reached is None else ():
            hit = ctx.tok_place.get(p.i)
            if hit is None:
                continue
            same = [e for e in state.clusters if e.kind in MEETING_FAMILY and e.place == hit[0].text and e.status == "Occurred"
                    and (e.time is None or ctx.pub is None or e.time.earliest is None or e.time.earliest <= ctx.pub)]
            if same:
                before = [e for e in same if e.pos <= t.i] or same
                reached = before[-1]
                break
        told = reached is not None  # a meeting the phrase names; below, one only told near it
        if reached is None:
            sent = _sent(t)
            for c in state.cands:
                if c.role == "event" and _sent(c.trig) == sent and c.root().kind in MEETING_FAMILY and c.root().status == "Occurred" and c.trig.i not in content_ids:
                    reached = c.root()
                    break
        if reached is None:
            reached = _previous_sentence_meeting(state, t)
        if reached is None:
            reached = _focus_before(state, t.i)
        if reached is None:
            reached = _meeting_told_after(state, t, _own_parties(state, t, g))
        if not told and reached is not None and _met_others(state, reached, _own_parties(state, t, g)):
            reached = None  # "Talks between X and Y resumed. Separately, Chile agreed with Peru to ...": not there
            apart.add(t.i)  # nor are X and Y its parties
        content_event = None
        for c in state.cands:
            if c.role == "event" and c.trig.i in content_ids and c.root().kind not in MEETING_FAMILY:
                content_event = c.root()
                break
        out.append((t, content, reached, content_event, g))

    agreements: list[Agreement] = []
    seen: dict[tuple, int] = {}
    keys = set()
    from kg.rdf.iris import slug

    for t, content, reached, content_event, g in out:
        reached_key = state.keys.get(id(reached)) if reached is not None else None
        # "The agreement was signed in Pretoria": a definite agreement noun without content
        # of its own is a further mention of the agreement before it
        if _lemma(t) in state.ctx.cue["agreement_singular_noun"] and t.tag_ == "NN" \
                and any(d.lower_ in state.ctx.cue["agreement_definite_det"] for d in t.children if d.dep_ == "det") \
                and not [k for k in t.children if k.dep_ in ("prep", "acl", "relcl", "amod", "compound")] and agreements:
            a = agreements[-1]
            agreements[-1] = Agreement(a.key, a.label, a.status, a.reached_at, a.parties,
                                       tuple(sorted(set(a.mentions) | {ctx.mention(t.i - 1 if t.i else t.i, t.i + 1)})))
            continue
        ident = (reached_key, state.keys.get(id(content_event)) if content_event is not None else None)
        words = [x for x in sorted(content, key=lambda x: x.i) if (not x.is_punct or x.text in (",", "-"))
                 and not x.is_space and x.i not in ctx.tok_timex]
        runs: list[list] = []
        for x in words:  # the label is one stretch of text
            if runs and x.i - runs[-1][-1].i <= 2:
                runs[-1].append(x)
            else:
                runs.append([x])
        if runs:
            words = next((r for r in runs if r[0].i <= t.i <= r[-1].i), max(runs, key=len))
        words = _without_setting(state, words, reached)  # "a treaty signed at the White House": where, not what
        while words and (words[0].dep_ in ("prep", "aux", "mark", "det") and words[0].lower_ in state.ctx.cue["agreement_label_lead_word"] or words[0].is_punct):
            words = words[1:]
        # "..., and that ...": the content stops before a following clause
        cut = [x.i for x in words if x.dep_ == "cc" and x.head.dep_ in ("ccomp", "ROOT") or x.dep_ == "mark" and x.i > words[0].i
               or x.lower_ in state.ctx.cue["agreement_label_clause_word"] and x.i > words[0].i and x.i - 1 >= 0 and doc[x.i - 1].text == ","]
        if cut:
            words = [x for x in words if x.i < cut[0]]
        while words and (words[-1].dep_ in ("cc", "mark", "punct", "det") or words[-1].lower_ in ("that", "and")):
            words = words[:-1]
        if t.pos_ in ("VERB", "AUX") and all(x.tag_ in ("WP", "WDT", "WRB") for x in words) and (
                words or content_event is None):
            continue  # "What did they agree to?", "AGREE TO:": nothing agreed is said
        if words:
            label = doc[words[0].i: words[-1].i + 1].text
        else:  # "a three-day truce was agreed": the content is all a duration
            label = doc[min(x.i for x in content): max(x.i for x in content) + 1].text if content_event and content else t.text
        label = label.strip(" ,.;:\"'“”\n")
        for tail in (" in", " on", " at", " by", " for", " from", " to", " of"):
            if label.endswith(tail):
                label = label[: -len(tail)]
        if len(label) > 90:
            label = label[:90].rsplit(" ", 1)[0]
        generic = content_event is None and (t.dep_ == "acl" and not _talks_concluded_to_agree(state, t) or (
            _lemma(t) in state.ctx.cue["agreement_plural_noun"] and t.tag_ in ("NNS", "NNPS")))
        if generic:
            ident = (reached_key, "general")
            if reached is not None and hasattr(reached, "record"):
                label = f"agreements of the {reached.record.label[:1].lower()}{reached.record.label[1:]}"
        elif content_event is None:
            if not label:
                continue  # no words left of what was agreed
            ident = (reached_key, label)
            if t.pos_ != "VERB" and _background(state, t):  # "the 2018 deal", "the 2018 accord"
                ident = (reached_key, "year", next(k.text[:4] for k in t.children if re.fullmatch(r"\d{4}\S*", k.text)))
        start = min([t.i] + [x.i for x in content])
        end = max([t.i] + [x.i for x in content if x.i - t.i < 20]) + 1
        mention = ctx.mention(start, end)
        if ident in seen:
            a = agreements[seen[ident]]
            agreements[seen[ident]] = Agreement(a.key, a.label, a.status, a.reached_at, a.parties,
                                                tuple(sorted(set(a.mentions) | {mention})))
            continue
        named = _own_parties(state, t, g)
        parties = named if len(named) >= 2 else ()
        if not parties and t.i in apart:
            parties = named
        if not parties and getattr(reached, "signing", False):  # "two protocols have been signed": by the signatories
            kind = dict(ctx.tok_actor.values())
            signatories = tuple(a for a in reached.actors if kind.get(a) in ("Country", "Organization"))
            parties = signatories if len(signatories) >= 2 else ()
        if not parties:
            mediators = _mediators(state)
            parties = tuple(p for p in (reached.record.actors if hasattr(reached, "record") else ())
                            if p in state.parties and p not in mediators) or tuple(
                                p for p in state.parties if p not in mediators)  # never its mediators alone
            if len(named) == 1 and named[0] not in parties and named[0] not in mediators:
                parties = named + parties  # "an agreement with the Houthis": one side named, the other of the talks
            if len(parties) < 2:  # "their obligations under the Stockholm Agreement": the sides who met
                met = _sides_met(state, reached if reached is not None else _meeting_near(state, t.i), mediators)
                if len(set(parties) | set(met)) >= 2:
                    parties = parties + tuple(a for a in met if a not in parties)
        key = f"agreement-{slug(reached_key or 'doc')}-{slug(label)[:40]}"
        n = 2
        while key in keys:
            key, n = f"{key}-{n}", n + 1
        keys.add(key)
        seen[ident] = len(agreements)
        agreements.append(Agreement(key=key, label=label[:1].upper() + label[1:], status="Occurred",
                                    reached_at=reached_key, parties=parties, mentions=(mention,)))
    return tuple(_reached_where_it_came_after(state, agreements, followed, event_at))
