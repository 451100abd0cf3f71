"""Status: Occurred, Planned, Proposed, Ongoing, Rejected or Cancelled
from the verb, its modality and the cue words of ``cues.jsonl``."""

from __future__ import annotations

from kg.extract.events.state import Cand
from kg.extract.events.status_clause import (
    _another_day, _arg_of, _at_a_standstill, _bare_present, _be_to, _did_not_happen, _headline_word, _in_a_standstill,
    _judged_after, _just_begun, _known_aside, _lately,
    _refused_or_dropped, _since_its_start, _sought_offered_or_running, _still_at_it, _still_to_make, _terms_would,
    _told_bounds,
)
from kg.extract.events.status_turns import _credited, _over_before, _rejecting, _set_to_take_effect, _taking_effect_later, _told_by_turns, _took_effect
from kg.extract.events.times import _truce_running_out
from kg.extract.events.syntax import (
    _future, _gov, _habitual, _has_to, _hypothetical, _is_verb, _lemma, _main_gov, _negated, _perfect, _phrasal,
    _present, _sent, _speech_lemma, _under_way, _verbal,
)


def _statuses(state):
    for c in state.cands:
        if c.role == "event" and c.target is None:
            st, strong = _status(state, c)
            if st == "Cancelled" and _moved_to_later(state, c):
                st, strong = "Planned", True
            elif st == "Occurred" and _told_for_later(state, c):
                st, strong = "Planned", True
            if c.status is None or (strong and not c.strong):
                c.status, c.strong = st, strong
        elif c.role == "speech":
            c.status, c.strong = ("Planned" if getattr(c, "planned", False) else "Occurred"), True
        elif c.role == "proposal" and c.status is None:
            c.status, c.strong = "Occurred", True


def _told_for_later(state, c: Cand) -> bool:
    """An event the tense left Occurred whose own day lies after the publication is
    still to come (Planned): the present of a timetable ("the ministers meet in Lima
    on March 10") or a past verb of announcing it ("announced a summit for March 10").
    Not when a verb of the clause is negated or looks back ("was to have met")."""
    pub = state.ctx.pub
    lo = c.bounds()[0]  # (or the day it opens on: "the summit opens in Lima on March 20")
    if pub is None or lo is None or lo <= pub:
        return False
    g = c.trig if _verbal(c) else _main_gov(c.trig)
    return g is None or not (_negated(g) or _perfect(g))


def _moved_to_later(state, c: Cand) -> bool:
    """'was put off until later in the spring', 'postponed to June 3': a new date
    after publication makes the event planned, not cancelled."""
    g = c.trig if _verbal(c) else _main_gov(c.trig)
    pub = state.ctx.pub
    if g is None or pub is None:
        return False
    verbs = [g] + [cj for cj in g.children if cj.dep_ == "conj" and _is_verb(cj)]
    for v in verbs:
        prts = {k.lower_ for k in v.children if k.dep_ in ("prt", "advmod")}
        lem = _lemma(v)
        if not (lem in state.ctx.cue["postponing_to_later_verb"]
                or lem == "push" and "back" in prts or lem == "put" and "off" in prts):
            continue
        preps = [k for x in [v] + [k for k in v.children if k.dep_ in ("prt", "advmod")] for k in x.children]
        for k in preps:  # "pushed back to March 20": the parser hangs "to" on "back"
            if k.dep_ != "prep" or k.lower_ not in state.ctx.cue["postponing_prep"]:
                continue
            for x in k.subtree:
                j = state.ctx.tok_timex.get(x.i)
                if j is not None:
                    tv = state.ctx.timexes[j][0]
                    if tv.latest is not None and tv.latest > pub:
                        return True
    return False


def _status(state, c: Cand) -> tuple[str, bool]:
    cue = state.ctx.cue
    t = c.trig
    words_before = {x.lower_ for x in state.doc[max(t.i - 3, _sent(t).start):t.i]}
    mods = {_lemma(k) for k in t.children if k.dep_ in ("amod", "advmod", "compound", "acomp")} | words_before
    if any(k.dep_ in ("relcl", "acl") and _under_way(k) and not _future(k) for k in t.children):
        return "Ongoing", True  # "talks that have been under way since May 2"
    if not _verbal(c) and any(k.dep_ == "prep" and k.lower_ == "under" and any(o.lower_ == "way" for o in k.children)
                              for k in t.children):
        return "Ongoing", True  # "talks, under way since Monday, have yet to produce a deal"
    if not _verbal(c) and _in_a_standstill(state, t):
        return "Occurred", False  # "to break the stalemate in the talks": talks held, the breaking to come
    if _early_day_of(state, t):
        return "Ongoing", True  # "the first day of talks concluded on Wednesday": more days to come
    if c.kind == "Ceasefire" and _truce_running_out(t) is not None:
        return "Ongoing", True  # "the truce expires on Friday", "is due to expire": in force until then
    if c.kind == "Ceasefire" and _kept_truce(state, t):
        return "Ongoing", True  # "observers will monitor the truce": a truce already in force
    if not _verbal(c) and (_in_a_phase(state, c) or _in_talks(state, c) or _at_a_standstill(state, c)):
        return "Ongoing", True  # "talks are in their third day", "the sides remain locked in talks"
    if _begun_and_lasting(state, c):
        return "Ongoing", True  # "talks opened on Monday and continue this week"
    if _since_its_start(state, c):
        return "Ongoing", True  # "four weeks after the start of the talks, the sides are close to a deal"
    begun = _just_begun(state, c)
    if begun is not None:
        return begun  # "talks begin in Lima", "the envoys have started talks"
    told = _sought_offered_or_running(state, c) or _refused_or_dropped(state, c) or _headline_word(state, c) \
        or _told_by_turns(state, c)
    if told is not None:
        return told
    if getattr(c, "context", False):
        g = _gov(t)
        if g is not None and (g.tag_ in ("VBD", "VBN") or _perfect(g)) and not _future(g):
            # "in a session that lasted an hour, they agreed": held; "a breakthrough in talks": the
            # breakthrough is past, the talks it happened in may still go on (weakly Occurred)
            return "Occurred", not (t.head.lower_ in cue["status_within_prep"] and t.head.head.pos_ == "NOUN")
    if getattr(c, "temporal_rel", None) is not None and c.temporal_rel[0] in cue["status_after_prep"]:
        # "after a breakthrough in talks": what happened in them is past, the talks may go on
        return "Occurred", not (t.dep_ == "pobj" and t.head.lower_ in cue["status_within_prep"])
    if getattr(c, "in_agreement", False):
        head = t.head
        if _lemma(head) in cue["status_proposal_head"] or any(
                k.dep_ in ("amod", "compound") and k.lower_ in cue["status_draft_word"] for x in (t, head)
                for k in x.children):
            return "Proposed", True  # "a draft ceasefire agreement": terms not agreed yet
        hg = _gov(head)
        if hg is not None and head.dep_ == "dobj" and _still_to_make(cue, hg):
            return "Proposed", True  # "mediators are negotiating a ceasefire deal"
        if hg is not None and (_future(hg) and not _set_to_take_effect(state, hg) or _lemma(hg) in cue["proposed"] or any(
                k.dep_ == "acomp" and _lemma(k) in cue["status_pending_adjective"] for k in hg.children)):
            return "Proposed", True  # "a swap deal was imminent": the deal is not made yet
        return ("Occurred" if _took_effect(state, c) else "Planned"), True  # "the truce deal took effect": in force
    g0 = t if _verbal(c) else _main_gov(t)
    if g0 is not None and t.dep_ in ("nsubjpass", "nsubj") and _negated(g0) and _did_not_happen(state, g0):
        return "Cancelled", True  # "a planned meeting did not take place", "the summit will not go ahead"
    if g0 is not None and t.dep_ in ("nsubjpass", "dobj") and _negated(g0) and _lemma(g0) in cue["rejected"]:
        return "Proposed", True  # "a summit has not been ruled out": still possible
    if g0 is not None and t.dep_ in ("nsubjpass", "dobj", "nsubj") and not _negated(g0):
        l0 = _lemma(g0)
        prt0 = {k.lower_ for k in g0.children if k.dep_ in ("prt", "advmod")}
        later = [cj for cj in g0.children if cj.dep_ == "conj" and _lemma(cj) in cue["occurred"]
                 and not any(k.dep_ in ("nsubj", "nsubjpass") for k in cj.children)]  # "but fighting broke out"
        if not later and (l0 in cue["cancelled"] or _phrasal(g0, "status_dropping_phrasal")):
            return "Cancelled", True
        if l0 in cue["status_proposing_verb"] and t.dep_ != "nsubj" and not _future(g0):
            return "Proposed", True  # "a truce has been proposed by the mediators"
        if later and later[-1].tag_ in ("VBD", "VBN") and not _future(later[-1]):
            return "Occurred", True
        going_on = l0 == "go" and "on" in prt0 and (g0.tag_ in ("VBG", "VBZ", "VBP") or _future(g0))
        # "talks have been going on since May", "the talks will go on", "talks go on"
        if l0 in cue["status_resuming_verb"] and t.dep_ == "nsubj" and _future(g0) and not _hypothetical(g0):
            return "Planned", True  # "talks will resume on Friday": taken up again later
        if (l0 in cue["status_continuing_verb"] or going_on) and t.dep_ == "nsubj" and (
                _future(g0) or g0.tag_ in ("VBZ", "VBP", "VBG") or _bare_present(g0)):
            return "Ongoing", True  # "the talks, which began on Monday, will continue on Wednesday"
        if l0 in cue["status_continuing_verb"] - cue["status_resuming_verb"] and t.dep_ == "dobj" \
                and g0.dep_ != "xcomp" and (_future(g0) or g0.tag_ in ("VBZ", "VBP") or _bare_present(g0)):
            return "Ongoing", True  # "the envoys will continue their talks on Thursday": talks under way
        if not later and l0 in cue["rejected"] and t.dep_ != "nsubj" and _rejecting(cue, g0):
            return "Rejected", True
    own = {_lemma(k) for k in t.children if k.dep_ in ("amod", "compound", "advmod")} | {
        k.lower_ for k in t.children if k.dep_ in ("amod", "compound")}
    if own & cue["status_proposed_modifier"]:
        return "Proposed", True
    if g0 is not None and any(k.dep_ == "advmod" and k.lower_ in cue["status_possibility_adverb"] for k in g0.children):
        return "Proposed", True  # "we are potentially preparing a summit", "they may possibly meet"
    if mods & cue["status_planned_modifier"]:
        return "Planned", True
    if mods & cue["status_ongoing_modifier"]:
        return "Ongoing", True
    # the trigger's own clause: "the swap that was carried out", "talks held in"
    for k in [k for k in t.children] + _participant_clauses(state, t):
        if k.dep_ in ("relcl", "acl") and _is_verb(k):
            lem = _lemma(k)
            if _headline_infinitive(k):
                return "Planned", True  # "Talks to resume in Lima": a headline's future
            if _under_way(k) and not _future(k):
                return "Ongoing", True  # "talks that have been under way since May 2"
            if lem in cue["occurred"] and k.tag_ == "VBG" and any(
                    a.dep_ == "aux" and a.lower_ in cue["progressive_aux"] for a in k.children) and not _negated(k):
                return "Ongoing", True  # "talks, which are taking place in Lima": the present progressive
            if lem in cue["occurred"] and k.tag_ in ("VBD", "VBN", "VBG") and not _future(k):
                return "Occurred", True
            if lem in cue["planned"] and k.tag_ in ("VBN",) and lem not in cue["status_agreeing_verb"] and not (
                    c.kind == "Ceasefire" and lem in cue["status_declaring_verb"]):  # "the truce announced on Monday"
                return "Planned", True
            if _taking_effect_later(state, k):
                return "Planned", True  # "a truce that will take effect on Saturday"
            if lem in cue["status_future_meeting_verb"] and _future(k):
                return "Proposed", False
            if lem in cue["rejected"] and not _negated(k):
                return "Rejected", True
            if lem in cue["cancelled"]:
                return "Cancelled", True
    if mods & cue["status_occurred_modifier"]:
        return "Occurred", True
    if not _verbal(c) and _before_phrase(state, t) and not (_gov(t) is not None and _over_before(state, c, _gov(t))):
        return "Planned", False  # "ahead of talks in Lima, the minister spoke": still to come then
    g = t if _verbal(c) else _main_gov(t)
    # "importance of a summit", "ready for such a meeting"
    chain = []
    cur = t
    for _ in range(4):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        chain.append(cur)
        if _is_verb(cur):
            break
    if any(_lemma(x) in cue["proposed"] for x in chain) or _urged_resumption(cue, t, chain):
        return "Proposed", True
    if any(_lemma(x) in cue["status_proposal_noun"] and x.pos_ == "NOUN"
           for x in chain[:3]):
        return "Proposed", True
    if any(x.lower_ in cue["status_speculation_noun"] and x.pos_ == "NOUN" for x in chain[:3]):
        return "Proposed", True  # "there is talk of a summit", "the prospect of talks"
    if g is None:
        return "Occurred", False
    verbs = [g] + [cj for cj in g.children if cj.dep_ == "conj" and _is_verb(cj)]
    lem = _lemma(g)
    lems = [_lemma(v) for v in verbs]
    if len(verbs) > 1 and _lemma(verbs[-1]) in cue["occurred"] and lem not in cue["occurred"] and (
        lem in cue["cancelled"] or lem in cue["status_delay_verb"]
    ):
        return "Occurred", True
    prts = {k.lower_ for v in verbs for k in v.children if k.dep_ in ("prt", "advmod")}
    acomp = {_lemma(k) for k in g.children if k.dep_ in ("acomp", "xcomp", "attr", "oprd")}
    if _lemma(g) == "be" and any(
        _lemma(x) in cue["proposed"] for k in g.children if k.dep_ in ("csubj", "nsubj") for x in k.subtree
    ):
        return "Proposed", True
    if {k.lower_ for k in g.children if k.dep_ == "attr"} & cue["status_speculation_noun"] and not _negated(g):
        return "Proposed", True  # "a summit remains a possibility"
    if (acomp & cue["proposed"] or _lemma(g) in cue["proposed"]) and not _judged_after(state, c, g, acomp):
        return "Proposed", True
    if t.dep_ == "pobj" and t.head.lower_ in ("to", "for") and t.head.head.dep_ == "acomp" and \
            _lemma(t.head.head) in cue["status_willing_adjective"] and not _negated(t.head.head.head):
        return "Proposed", True  # "Oslo said it was open to a summit"
    if acomp & cue["status_pending_adjective"] and any(_lemma(x) in cue["status_deal_noun"] for x in chain):
        return "Proposed", True  # "an agreement on a swap is close": what a deal not yet made is for
    if acomp & cue["status_planned_adjective"] and not _perfect(g):
        return "Planned", True
    if (acomp & cue["ongoing"] and not _be_to(g)
            or _lemma(g) in ("continue",) and not _future(g) and not _planned_xcomp(state, g)
            or _under_way(g) and not _future(g) and t.dep_ == "nsubj") and not _over_before(state, c, g):
        return "Ongoing", True  # not "talks were under way in 2019 when the war broke out": over, as told
    if not _negated(g) and (any(l in cue["cancelled"] for l in lems) or any(
            f"{l} {p}" in cue["status_dropping_phrasal"] for l in lems for p in prts)):
        return "Cancelled", True  # "was called off", "has been put off", "pushed back"; not "did not cancel"
    if lem in cue["rejected"] and not _negated(g):
        return "Rejected", True
    if lem in cue["planned_work"] and g.tag_ in ("VBG", "VBZ", "VBP") and not _perfect(g) and not _credited(state, g):
        return "Planned", True
    if lem in cue["planned_work"] | cue["planned"] and any(k.dep_ == "auxpass" and k.lower_ == "being"
                                                           for k in g.children) and not _negated(g):
        return "Planned", True  # "a summit is being organised": the progressive of preparing
    if g.dep_ == "xcomp" and _has_to(g) and _lemma(g.head) == "be" and g.head.tag_ in ("VBZ", "VBP") \
            and not _negated(g.head):
        return "Planned", True  # "commanders are to meet": "be to"
    if _lemma(g) == "be" and g.tag_ in ("VBZ", "VBP") and not _negated(g) and any(
            k.dep_ == "xcomp" and _has_to(k) and _is_verb(k) for k in g.children):
        return "Planned", True  # "talks are to be held in Lima": "be to" with a passive (not the past
        # "were to begin at noon", told of talks that then took place)
    if lem in cue["status_agreeing_verb"] and _lemma(g.head) in cue["failure_verb"] and g.dep_ == "xcomp":
        return "Proposed", True
    if lem in cue["status_agreeing_verb"] and not _verbal(c) and t.dep_ == "nsubj" and t.head.i == g.i \
            and (g.tag_ == "VBD" or _perfect(g)) and not _negated(g):
        return "Occurred", True  # "the summit agreed on a customs union": it met and agreed
    if lem in cue["status_agreeing_verb"] or (g.pos_ == "NOUN" and lem in ("deal",)):
        return "Planned", True
    if _lemma(g.head) in cue["status_agreed_head"] and g.dep_ in ("xcomp", "acl"):
        return "Planned", True
    if g.dep_ == "acl" and _lemma(g.head) in cue["status_deal_noun"]:
        return "Planned", True
    if lem in cue["status_setting_verb"] and (_negated(g) or any(
        x.lower_ in ("no",) for x in g.subtree)):
        return "Planned", True
    scope = [g]
    cur = g
    for _ in range(4):  # "a truce would see Hamas free hostages": the clause of a modal verb
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "dobj", "amod", "acomp", "oprd") or cur.head.i == cur.i:
            break
        cur = cur.head
        scope.append(cur)
    if any(_future(v) for v in scope) and any(
            k.dep_ == "prep" and k.lower_ == "under" and any(
                _lemma(p) in cue["status_plan_noun"]
                for p in k.children)
            for v in scope for k in v.children):
        return "Proposed", True  # "under the plan, the rebels would free 40 captives"
    if any(_lemma(v) in cue["status_willing_adjective"] and v.dep_ == "acomp" for v in scope):
        return "Proposed", True  # "Spain would be willing to hold talks"
    if any(_terms_would(state, v) for v in scope if _is_verb(v)):
        return "Proposed", True  # "the deal would free the hostages", "a truce would see the militia free ..."
    if len(scope) > 1 and not _future(g) and not _perfect(g) and any(_is_verb(v) and _future(v) for v in scope[1:]):
        return "Planned", True  # "a truce would see the militia free ...": the clause's future
    if g.tag_ in ("VBP", "VBZ") and g.dep_ in ("advcl", "relcl", "ccomp") and any(
            k.dep_ in ("mark", "advmod") and k.lower_ in cue["status_clause_mark"] and k.i < g.i
            for k in g.children):
        return "Planned", True  # "an agreement when the envoys reconvene": a temporal clause's present
    if _future(g) or any(k.lower_ == "should" for k in g.children):
        if any(k.lower_ == "could" for k in g.children):
            return "Proposed", False
        if _conditional(state, g):
            return "Proposed", True  # "a summit will follow if both sides agree"
        return "Planned", True
    if any(k.lower_ in cue["status_modal"] for k in g.children if k.dep_ == "aux") and not _known_aside(state, t, g):
        return "Proposed", False
    if _on_the_day(state, c, g):
        return "Ongoing", True  # "delegations were meeting in Lima on Wednesday" (the dateline day)
    if _still_at_it(state, c, g) or _another_day(state, c, g):
        return "Ongoing", True  # "the delegations have been negotiating since Monday", "met for a second day"
    if g.tag_ == "VBG" and any(k.lower_ in cue["progressive_aux"] for k in g.children if k.dep_ == "aux"):
        lo = _told_bounds(c)[0]
        if lem in cue["planned_work"] or any(x.lower_ in cue["status_later_word"] for k in g.children
                                             if k.dep_ in ("advmod", "npadvmod", "prep") for x in k.subtree) \
                or lo is not None and state.ctx.pub is not None and lo > state.ctx.pub:
            return "Planned", True  # (and "is meeting X later on Tuesday", "are meeting next Tuesday")
        return "Ongoing", True
    if lem in cue["planned"] and lem not in cue["occurred"] and g.tag_ in ("VBN",):
        return "Planned", True
    if lem in cue["occurred"] and (g.tag_ in ("VBD", "VBN") or _perfect(g)):
        return "Occurred", True
    if g.tag_ in ("VBD", "VBN") or _perfect(g):
        return "Occurred", False
    if g.tag_ in ("VB",) and _has_to(g):
        if _headline_infinitive(g):
            return "Planned", True  # "Peru, Chile to hold talks next week": a headline's future
        heads = {_lemma(g.head), _lemma(g.head.head)}
        if heads & cue["status_planned_head"] or g.head.lower_ in cue["status_planned_adjective"]:
            return "Planned", True
        if _lemma(g.head) == "be" and g.dep_ == "xcomp" and g.head.tag_ in ("VBZ", "VBP", "VBD"):
            return "Planned", True  # "commanders are to meet within a week"
        if g.dep_ == "xcomp" and g.head.lower_ == "going" and g.head.tag_ == "VBG" and not _negated(g.head) and any(
                k.dep_ == "aux" and _lemma(k) == "be" for k in g.head.children):
            return "Planned", True  # "the navies are going to respect the truce": the future of "going to"
        return "Proposed", True  # "hope to meet", "offered to host": any other verb governing "to"
    return "Occurred", False


def _kept_truce(state, t) -> bool:
    """``t`` names a known truce ("the truce", "the ceasefire's implementation",
    "compliance with their ceasefire", "a fragile truce", "the two-month-old truce") as the
    object of a verb of keeping, watching or breaking it (row ``truce_upkeep_verb``), or as
    the subject of one of its lasting (row ``truce_lasting_verb``: "said the truce would
    hold"): in force whatever the tense of that verb."""
    cue = state.ctx.cue
    known = t.dep_ == "poss" or any(k.dep_ in ("det", "poss") and k.lower_ in cue["definite_word"]
                                    or k.dep_ == "amod" and k.lower_ in cue["truce_in_force_adjective"]
                                    # "the eight-month-old truce": one of an age, in force
                                    or k.dep_ == "amod" and k.lower_ in cue["truce_age_adjective"] and any(k.children)
                                    for k in t.children)  # "monitor a shaky ceasefire": one in force
    n = t
    for _ in range(3):  # the noun phrase the truce heads or qualifies
        if n.dep_ in ("compound", "poss") and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head
            known = known or any(k.dep_ in ("det", "poss") and k.lower_ in cue["definite_word"]
                                 for k in n.children)
        elif n.dep_ == "pobj" and n.head.head.pos_ == "NOUN" and n.head.head.i != n.head.i:
            n = n.head.head
        else:
            break
    v = n.head
    lasting = n.dep_ == "nsubj" and _lemma(v) in cue["truce_lasting_verb"] and not any(
        k.dep_ == "dobj" for k in v.children)  # "said the truce would hold"
    if not (known and _is_verb(v) and (lasting or n.dep_ in ("dobj", "nsubjpass") and _lemma(v) in cue["truce_upkeep_verb"])):
        return False
    return _sent(t).start not in state.ctx.later_sents  # "will observe the truce starting on March 10": not in force yet


def _conditional(state, g) -> bool:
    """A condition hangs on the verb ``g``, on the infinitive of purpose it has (the
    parser's place for "would be followed by a meeting, if both sides agree, to settle
    the border"), or, when ``g`` is the clause a verb reports, on that verb ("..., if
    both sides agree, the minister said"): row ``status_condition_mark``."""
    cue = state.ctx.cue
    verbs = [g] + ([g.head] if g.dep_ == "ccomp" and _is_verb(g.head) else [])
    verbs += [k for k in g.children if k.dep_ == "advcl" and _has_to(k)]
    return any(k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cue["status_condition_mark"]
                                         for m in k.children)
               for v in verbs for k in v.children)


def _before_phrase(state, t) -> bool:
    """``t`` sits in a phrase of what is still to come: "before the talks", "ahead of
    the summit", "prior to the meeting" (row ``status_before_prep``)."""
    before = state.ctx.cue["status_before_prep"]
    cur = t
    for _ in range(4):
        if cur.head.i == cur.i or _is_verb(cur.head):
            return False
        if cur.dep_ == "pobj":
            p = cur.head
            return p.lower_ in before or p.lower_ in ("of", "to") and p.head.lower_ in before
        cur = cur.head
    return False


def _now(v) -> bool:
    """The finite form of ``v`` (its own tag or its auxiliary's) is the present, or the
    present perfect of a state that has lasted ("have been in talks since May")."""
    if _negated(v) or _future(v) or _hypothetical(v):
        return False
    if _perfect(v):
        return any(k.dep_ == "prep" and k.lower_ in ("since", "for") for k in v.children)
    return _present(v)



def _in_a_phase(state, c: Cand) -> bool:
    """"talks are in their third day", "negotiations have entered their second week",
    "talks stretch into a third day": the talks, subject of a verb of row
    ``status_phase_verb`` in the present (or in the past of the report's week, or
    undated for a verb other than "be", :func:`_lately`), are in a part of theirs
    named by a noun of row ``status_phase_noun`` (Ongoing)."""
    cue = state.ctx.cue
    t = c.trig
    aside = [p for p in t.head.children if t.i < p.i < t.head.i] if t.dep_ in ("nsubj", "nsubjpass") else []
    if any(p.dep_ == "prep" and p.lower_ == "in" and p.i > t.i and any(  # (or hung on the verb after it)
            o.dep_ == "pobj" and _lemma(o) in cue["status_phase_noun"] and any(k.dep_ == "poss" for k in o.children)
            for o in p.children) for p in list(t.children) + aside):
        return True  # "the talks, now in their second day, ..."
    v = t.head
    if t.dep_ != "nsubj" or not _is_verb(v) or _lemma(v) not in cue["status_phase_verb"]:
        return False
    if not (_now(v) or _bare_present(v) or _perfect(v) and not _negated(v) or _lately(state, c, v, undated=_lemma(v) != "be", days=0 if _lemma(v) == "be" else 7)):
        return False
    parts = [k for k in v.children if k.dep_ in ("dobj", "attr", "npadvmod")] + [
        o for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "into", "at") for o in p.children if o.dep_ == "pobj"]
    return any(_lemma(o) in cue["status_phase_noun"] and any(k.dep_ in ("amod", "poss") for k in o.children)
               for o in parts)


def _headline_infinitive(v) -> bool:
    """``v`` is the to-infinitive of a headline with no finite verb ("Talks to resume in
    Lima", "Peru, Chile to hold talks"): the news future, a plan."""
    return (v.tag_ == "VB" and _has_to(v) and v.dep_ in ("acl", "relcl", "ROOT")
            and (v.dep_ == "ROOT" or v.head.dep_ == "ROOT" and v.head.pos_ in ("NOUN", "PROPN"))
            and not any(x.tag_ in ("VBD", "VBZ", "VBP", "MD") for x in _sent(v)))


def _in_talks(state, c: Cand) -> bool:
    """"the two sides remain locked in talks", "are engaged in negotiations", "have been
    in talks since May": a side that is, in the present, in the talks (Ongoing); or in
    the past of the report's day ("were locked in talks on Wednesday", :func:`_lately`),
    or of what someone says, with no date ("said it was in talks with X")."""
    cue = state.ctx.cue
    t = c.trig
    if t.dep_ != "pobj" or t.head.lower_ != "in":
        return False
    h = t.head.head
    if _lemma(h) not in cue["status_in_talks_word"] and h.lower_ not in cue["status_in_talks_word"]:
        return False
    v = h if _is_verb(h) and h.dep_ != "acomp" else h.head  # "remained locked in talks": "remained"
    if h.dep_ == "acomp" and _lemma(v) not in cue["status_in_talks_word"]:
        return False
    lasted = _perfect(v) and not _negated(v) and any(  # "have been in talks for weeks": the span on the talks
        p.dep_ == "prep" and p.lower_ in ("since", "for") for p in t.children)
    return _is_verb(v) and any(k.dep_ in ("nsubj", "nsubjpass") for k in v.children) and (  # "said it was in talks":
        _now(v) or lasted or _lately(state, c, v, undated=v.dep_ == "ccomp" and _speech_lemma(v.head)))  # still so


def _planned_xcomp(state, v) -> bool:
    """``v`` is the to-infinitive of a verb of planning or agreeing ("agreed to
    continue the meetings", "decided to continue their talks"): what it tells is to come."""
    cue = state.ctx.cue
    return v.dep_ == "xcomp" and _has_to(v) and _lemma(v.head) in cue["status_planned_head"] | cue["status_agreed_head"]


def _participant_clauses(state, t) -> list:
    """A clause of planning the parser hung on the last noun of the trigger's own
    phrase instead of the trigger ("talks with the rebels, which are scheduled for
    Friday"): participants are not scheduled, the talks are."""
    cue = state.ctx.cue
    return [k for p in t.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
            for k in o.children if k.dep_ == "relcl" and k.i > o.i and k.tag_ == "VBN"
            and _lemma(k) in cue["planned"] and _lemma(k) not in cue["status_agreeing_verb"]]


def _lasting(state, v) -> bool:
    """``v`` tells the event as going on now or on into the future: a verb of going on
    (row ``status_lasting_verb``), or of ending (row ``status_ending_verb``: its end is
    still ahead), in the present, the future, or under a present verb of planning
    ("continue this week", "go on", "will last until Friday", "are expected to run",
    "are due to end on Friday")."""
    cue = state.ctx.cue
    go_on = _lemma(v) == "go" and any(k.dep_ in ("prt", "advmod") and k.lower_ == "on" for k in v.children)
    if not (go_on or _lemma(v) in cue["status_lasting_verb"] | cue["status_ending_verb"]) or _negated(v) \
            or _hypothetical(v):
        return False
    if _lemma(v) in cue["status_resuming_verb"] and (_future(v) or v.dep_ == "xcomp"):
        return False  # "and will resume on Friday": a pause first
    if v.tag_ in ("VBZ", "VBP", "VBG") and not _perfect(v) or _bare_present(v) or _future(v):
        return True
    h = v.head
    f = h if _is_verb(h) or h.dep_ != "acomp" else h.head  # "are due to run": the finite "are"
    return (v.dep_ == "xcomp" and _has_to(v) and _lemma(h) in cue["status_planned_head"]
            and (f.tag_ in ("VBZ", "VBP") or any(k.lower_ in cue["progressive_aux"] for k in f.children)))


def _begun_and_lasting(state, c: Cand) -> bool:
    """The event is told as begun in the past and as going on now or later: "talks
    opened on Monday and continue this week", "talks, which began on Monday, continue",
    "the round got under way on Monday and will last until Friday" (Ongoing)."""
    cue = state.ctx.cue
    t = c.trig
    if not _verbal(c) and t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    g = t if _verbal(c) else t.head
    if not _is_verb(g) or _negated(g):
        return False
    clause = [g] + [k for k in g.children if k.dep_ == "conj" and _is_verb(k)
                    and not any(s.dep_ in ("nsubj", "nsubjpass") for s in k.children)]
    own = [] if _verbal(c) else [k for k in t.children if k.dep_ in ("relcl", "acl")] + [
        k for p in t.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN"
        for k in o.children if k.dep_ == "relcl" and any(w.lower_ in ("which", "that") for w in k.children)]
    # ("the talks in Graz, which opened on Monday": the parser hangs the clause on the place)
    begun = [v for v in clause + own
             if _lemma(v) in cue["status_begun_verb"] and (v.tag_ == "VBD" or _perfect(v)) and not _future(v)]
    if not begun:
        return False
    going = clause + [k for v in clause for a in [v] + [a for a in v.children if a.dep_ == "acomp"]
                      for k in a.children if k.dep_ == "xcomp" and _is_verb(k)]
    return any(_lasting(state, v) for v in going if v not in begun)


def _on_the_day(state, c: Cand, g) -> bool:
    """Talks the report tells as going on on its own day: a verb of meeting in the
    past progressive dated the publication day ("envoys were meeting in Lima on
    Wednesday", written that Wednesday), or in the simple present of a news report,
    undated or dated that day ("the two sides hold a round in Lima", "talks open in
    Lima without the army"); never in a clause of time or condition ("when they
    meet"), negated, or under a modal."""
    cue = state.ctx.cue
    pub = state.ctx.pub
    if pub is None or _negated(g) or _future(g):
        return False
    lo, hi = _told_bounds(c)
    if _lemma(g) in cue["status_arrival_verb"] and _arg_of(c.trig, g) == "prep" and lo == pub and hi == pub \
            and g.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
        return True  # "delegates arrived for a new round of talks in Lima on Wednesday" (that Wednesday)
    if _lemma(g) == "be" and g.tag_ in ("VBZ", "VBP") and c.trig.dep_ == "pobj" and c.trig.head.lower_ == "for" \
            and c.trig.head.head.i == g.i and (lo is None or lo <= pub) and (hi is None or hi >= pub) and any(
            k.dep_ == "prep" and k.lower_ in cue["place_prep"] for k in g.children):
        return True  # "the negotiators are in Graz this week for talks"
    if _lemma(g) not in cue["status_meeting_day_verb"]:
        return False
    if not (c.trig.i == g.i or _arg_of(c.trig, g) in ("nsubj", "dobj")):
        return False
    if _habitual(g):
        return False  # "the envoys usually meet every spring"
    if g.dep_ not in ("ROOT", "ccomp", "conj") or any(
            k.dep_ in ("mark", "advmod") and k.lower_ in cue["status_clause_mark"] | cue["hypothetical_mark"]
            for k in g.children) or any(k.dep_ == "aux" and k.lower_ in cue["status_modal"] for k in g.children):
        return False
    on_pub = lo == pub and hi == pub
    if g.tag_ == "VBG":
        return on_pub and any(k.dep_ == "aux" and k.lower_ in cue["past_progressive_aux"] for k in g.children)
    present = g.tag_ in ("VBZ", "VBP") or g.tag_ == "VB" and g.dep_ == "ROOT" and not any(
        k.dep_ in ("aux", "auxpass") for k in g.children) and any(k.dep_ == "nsubj" for k in g.children)
    return present and (on_pub or lo is None and hi is None)  # a bare VB with a subject: the tagger's present


def _early_day_of(state, t) -> bool:
    """``t`` is the event of "the first day of talks", "the opening day of the summit":
    a day of it that is not its last, told as past or present (Ongoing)."""
    cue = state.ctx.cue
    if t.dep_ != "pobj" or t.head.lower_ != "of" or _lemma(t.head.head) not in cue["status_day_noun"]:
        return False
    day = t.head.head
    if not any(k.dep_ in ("amod", "nummod") and k.lower_ in cue["status_early_day_word"] for k in day.children):
        return False
    g = _gov(day)
    return g is None or not _future(g) and not _negated(g)


def _urged_resumption(cue, t, chain) -> bool:
    """The talks ``t`` are what a verb of urging asks to be taken up again: "urged a
    resumption of the talks", "called for the talks' restart" (rows
    ``hoped_resumption_word``, ``status_proposing_verb``, ``status_urging_phrase``).

    >>> import spacy
    >>> doc = spacy.blank("en")("urged a resumption of talks")
    >>> for i, (head, dep) in enumerate([(0, "ROOT"), (2, "det"), (0, "dobj"), (2, "prep"), (3, "pobj")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> for i, lem in enumerate(["urge", "a", "resumption", "of", "talk"]):
    ...     doc[i].lemma_ = lem
    >>> doc[2].pos_ = "NOUN"
    >>> cue = {"hoped_resumption_word": {"resumption"}, "status_proposing_verb": {"urge"},
    ...        "status_urging_phrase": set()}
    >>> _urged_resumption(cue, doc[4], [doc[3], doc[2], doc[0]])
    True
    """
    if t.dep_ != "pobj" or len(chain) < 3 or chain[0].lower_ not in ("of", "to"):
        return False
    noun, rest = chain[1], chain[2:]
    if _lemma(noun) not in cue["hoped_resumption_word"] or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = rest[-1]
    if noun.dep_ == "dobj" and noun.head.i == verb.i:
        return _lemma(verb) in cue["status_proposing_verb"]
    # "called for a resumption of the talks", "pressed for the restart of negotiations"
    return len(rest) == 2 and noun.dep_ == "pobj" and f"{_lemma(verb)} {rest[0].lower_}" in cue["status_urging_phrase"]
