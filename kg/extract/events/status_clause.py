"""Status, continued: what the clause around a noun trigger tells of it (an end sought,
an event one side accepts, refuses, drops or is still negotiating, talks told as begun,
near their end or past their time), the "be to" of a timetable, a modal that speaks of
what may come of definite talks, and the tenses that put talks under way on the
report's day ("were locked in talks on Wednesday", "have been negotiating since
Monday", "met for a second day"), and talks at a standstill ("remain stuck", "the
stalemate in the talks"). Read by :mod:`kg.extract.events.status`; the words
are rows of ``cues.jsonl``."""

from __future__ import annotations

from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.state import Cand
from kg.extract.events.status_turns import _planned_head, _rejecting, _taking_effect_later, _told_plainly
from kg.extract.events.syntax import (
    _finite_tags, _future, _has_to, _hypothetical, _is_verb, _lemma, _negated, _perfect, _present, _sent, _verbal,
)


def _bare_present(v) -> bool:
    """``v`` is a verb the tagger gave as a bare ``VB`` with no auxiliary in a main or
    conjoined clause ("the talks, which began on Monday, continue"): the present."""
    return v.tag_ == "VB" and v.dep_ in ("ROOT", "conj") and not any(
        k.dep_ in ("aux", "auxpass", "mark") for k in v.children)


def _be_to(v) -> bool:
    """``v`` is the present "be" of a timetable with a to-infinitive ("the talks are to
    continue at noon"): what the infinitive tells is to come (Planned), not under way."""
    return _lemma(v) == "be" and v.tag_ in ("VBZ", "VBP") and not _negated(v) and any(
        k.dep_ == "xcomp" and _has_to(k) and _is_verb(k) for k in v.children)


def _is_goal(cue, x) -> bool:
    return _lemma(x) in cue["status_goal_word"] or x.lower_ in cue["status_goal_word"]


def _sought_offered_or_running(state, c: Cand) -> tuple[str, bool] | None:
    """What the clause around a noun trigger tells of it, read from the parse:

    - refused (row ``rejected``): "refuses to hold a meeting": Rejected;
    - an end sought (row ``status_goal_word``): "the aim is a lasting truce", "Peru
      hopes for a truce", "a plan aimed at talks", "talks aimed at forging a truce": Proposed;
      so is one told as a side's stance or aim (row ``status_stance_noun``): "it is our
      stand to hold talks", "our aim is to hold a summit";
    - accepted by one side (row ``status_accepting_verb``, a subject that is not every
      side, row ``status_both_sides_word``): a truce is only Proposed (both sides make
      it), talks are Planned;
    - talks someone is near ending (rows ``status_near_word``, ``status_ending_verb``):
      "the sides are close to wrapping up the talks": Ongoing; so are talks someone will,
      could or hopes to end ("could finalize talks on a unity cabinet");
    - talks running over their time (rows ``status_overrun_prep``,
      ``status_overrun_noun``): "the talks went into overtime": Ongoing.
    """
    cue = state.ctx.cue
    if _verbal(c):
        return None
    n = c.trig
    for _ in range(3):  # "accept a truce and talks": the talks hang on the truce
        if n.dep_ == "conj" and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head
    h = n.head
    if h.i == n.i:
        return None
    if n.dep_ in ("attr", "nsubj") and _lemma(h) in cue["status_copular_verb"] and not _negated(h) and any(
            k.dep_ in ("nsubj", "attr") and k.i != n.i and _is_goal(cue, k) for k in h.children):
        return "Proposed", True  # "the ultimate goal is a truce"
    if n.dep_ == "pobj" and h.lower_ in cue["status_goal_prep"] and _is_goal(cue, h.head) and not _negated(h.head):
        return "Proposed", True  # "hopes for a truce", "efforts aimed at talks"
    if n.dep_ == "dobj" and h.tag_ == "VBG" and h.dep_ == "pcomp" and h.head.lower_ in cue["status_goal_prep"] \
            and _is_goal(cue, h.head.head) and not _negated(h.head.head):
        return "Proposed", True  # "talks aimed at forging a truce", "a bid for reaching a deal"
    if c.kind in MEETING_FAMILY and n.dep_ == "dobj" and _is_verb(h) and _lemma(h) in cue["status_ending_verb"] \
            and not _negated(h) and (_future(h) or _hypothetical(h) or h.tag_ == "VB"):
        return "Ongoing", True  # "could finalize talks on a unity cabinet", "hope to conclude the talks": under way
    if n.dep_ == "pobj" and h.dep_ == "prep" and _is_verb(h.head) and h.head.dep_ == "xcomp" \
            and _lemma(h.head) in cue["status_joining_verb"]:
        n, h = h, h.head  # "refused to agree to a truce" (not "declined to comment on the talks")
    if n.dep_ in ("dobj", "prep") and _is_verb(h) and h.dep_ == "xcomp" and _has_to(h) and _is_verb(h.head) \
            and _lemma(h.head) in cue["rejected"] and _lemma(h.head) not in cue["status_particle_rejecting_verb"] \
            and not _negated(h.head) and not _negated(h):
        return "Rejected", True  # "refuses to hold a meeting", "declined to join the talks"
    if n.dep_ == "dobj" and _is_verb(h) and h.dep_ == "xcomp" and _has_to(h) and (
            _is_goal(cue, h.head) or _is_verb(h.head) and _lemma(h.head) in cue["status_trying_verb"]) \
            and not _negated(h.head) and not _negated(h):
        return "Proposed", True  # "seeks to broker a truce", "is trying to arrange talks"
    if n.dep_ == "dobj" and _is_verb(h) and h.dep_ == "xcomp" and _has_to(h) and _lemma(h.head) == "be" \
            and not _negated(h.head) and any(k.dep_ in ("attr", "nsubj") and (
                _is_goal(cue, k) or _lemma(k) in cue["status_stance_noun"]) for k in h.head.children):
        return "Proposed", True  # "it is our stand to hold talks", "our aim is to hold a summit"
    if n.dep_ == "dobj" and _is_verb(h) and _lemma(h) in cue["status_weighing_verb"] and not _negated(h):
        return "Proposed", True  # "Portugal is weighing a summit with Spain"
    if n.dep_ == "dobj" and _is_verb(h) and c.kind not in MEETING_FAMILY and _still_to_make(cue, h):
        return "Proposed", True  # "envoys will travel to Lome to negotiate a lasting truce"
    if n.dep_ == "dobj" and _is_verb(h) and _lemma(h) in cue["status_accepting_verb"] and not (
            _negated(h) or _future(h) or _hypothetical(h)):
        subj = [k for v in (h, h.head) if _is_verb(v) for k in v.children if k.dep_ == "nsubj"][:1]
        if subj and not any(x.dep_ == "conj" or x.lower_ in cue["status_both_sides_word"] for x in subj[0].subtree):
            return ("Proposed" if c.kind == "Ceasefire" else "Planned"), True
    if n.dep_ == "dobj" and _is_verb(h) and _lemma(h) in cue["status_ending_verb"] and h.tag_ in ("VBG", "VB"):
        cur = h
        for _ in range(4):
            cur = cur.head
            if _is_verb(cur):
                if (cur.tag_ in ("VBZ", "VBP") or any(a.dep_ == "aux" and a.tag_ in ("VBZ", "VBP") for a in cur.children)) \
                        and not _negated(cur) and any(x.lower_ in cue["status_near_word"] for x in cur.subtree
                                                      if x.i < h.i):
                    return "Ongoing", True  # "are close to concluding the talks"
                break
    if n.dep_ == "nsubj" and _is_verb(h) and not (_negated(h) or _future(h) or _hypothetical(h)):
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ in cue["status_overrun_prep"]:
                for o in p.children:
                    words = " ".join(x.lower_ for x in o.children if x.dep_ == "amod") + " " + o.lower_
                    if o.dep_ == "pobj" and (o.lower_ in cue["status_overrun_noun"]
                                             or words.strip() in cue["status_overrun_noun"]):
                        return "Ongoing", True  # "the talks ran into extra time"
    return _terms_of(state, n, h) if c.kind != "Ceasefire" else None  # (a truce's: the truces stage)


def _terms_of(state, n, h) -> tuple[str, bool] | None:
    """The event noun ``n`` is what an agreement or a plan itself provides for: the object
    (or the object of "for") of a verb of row ``plan_content_verb`` in the present or the
    future, not one of proposing (row ``proposed``), whose subject, or the noun its clause
    hangs on, is an agreement (row ``agreement_noun``: "the deal provides for a prisoner
    exchange", "the accord, which includes talks on the border", "the first phase of the deal
    includes the release of 33 hostages"): terms to be carried out, Planned; a plan (row
    ``status_plan_noun``: "the plan envisages talks in Geneva"): Proposed."""
    cue = state.ctx.cue
    v = h.head if n.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ == "for" else h
    if not (n.dep_ == "dobj" or v.i != h.i) or not _is_verb(v) or _lemma(v) not in cue["plan_content_verb"] \
            or _lemma(v) in cue["proposed"] or _negated(v) or _hypothetical(v) or v.tag_ in ("VBD", "VBN"):
        return None
    owners = [v.head] if v.dep_ in ("relcl", "acl") else [k for k in v.children if k.dep_ in ("nsubj", "nsubjpass")]
    owners += [p for o in owners for k in o.children if k.dep_ == "prep" and k.lower_ == "of" for p in k.children]
    if any(_lemma(o) in cue["status_plan_noun"] for o in owners):
        return "Proposed", True
    return ("Planned", True) if any(_lemma(o) in cue["agreement_noun"] for o in owners) else None


def _just_begun(state, c: Cand) -> tuple[str, bool] | None:
    """The event is told as begun and no more: a verb of starting (row
    ``status_begun_verb``) in the present ("talks begin in Lima", a headline's present,
    row ``status_begun_present_word`` for a title-case headline) or the present perfect
    ("the envoys have started talks") with the event as its subject or object: Ongoing;
    "have not yet begun": still to come (Planned). Not in a clause of time or condition
    ("when the talks begin"), not under a modal, not dated after the report ("start on
    Friday": a timetable); the past ("began on Monday") and past perfect ("had begun
    talks") are left to the tense. The event noun's own relative clause of starting in
    the past, dated the report's day, tells the same, whatever verb the noun hangs on
    ("left to attend the round, which opened on Wednesday", in Wednesday's paper)."""
    cue = state.ctx.cue
    t = c.trig
    nouns = [] if _verbal(c) else [t] + [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                                         for o in p.children if o.dep_ == "pobj"]  # "the round of talks, which"
    if any((k.dep_ == "relcl" and k.tag_ == "VBD" or k.dep_ == "acl" and k.tag_ == "VBN")
           and _lemma(k) in cue["status_begun_verb"] and not _negated(k)
           and not any(a.dep_ in ("aux", "auxpass") for a in k.children)
           and not any(x.dep_ == "conj" and _lemma(x) in cue["status_ending_verb"] for x in k.children)
           for n in nouns for k in n.children) and _on_its_day(state, c):
        return "Ongoing", True  # "left to attend the round, which opened on Wednesday", "the talks launched on Wednesday"
    if _verbal(c) or t.dep_ not in ("nsubj", "dobj"):
        return None
    v = t.head
    headline = v.dep_ == "ROOT" and v.tag_ == "NNP" and v.lower_ in cue["status_begun_present_word"] \
        and t.dep_ == "nsubj"
    if not headline and (not _is_verb(v) or _lemma(v) not in cue["status_begun_verb"] or _future(v)
                         or _hypothetical(v) or _lemma(v) in cue["status_resuming_verb"] and v.tag_ != "VBD"
                         and not (_perfect(v) and t.dep_ == "nsubj")):  # "talks have resumed": under way
        return None
    if any(k.dep_ in ("mark", "advmod") and k.lower_ in cue["status_clause_mark"] | cue["status_condition_mark"]
           for k in v.children) or any(k.dep_ == "aux" and k.lower_ in cue["status_modal"] for k in v.children):
        return None
    if _sent(t).start in state.ctx.later_sents:
        return None
    aux = [k for k in v.children if k.dep_ in ("aux", "auxpass")]
    if _perfect(v):
        if not any(k.tag_ in ("VBZ", "VBP") for k in aux):
            return None
        return ("Planned", False) if _negated(v) else ("Ongoing", True)
    if _negated(v):
        return None
    present = headline or v.tag_ in ("VBZ", "VBP") or _bare_present(v) and any(k.dep_ == "nsubj" for k in v.children)
    if v.tag_ == "VBD" and not aux and _on_its_day(state, c) and not any(
            k.dep_ == "conj" and _lemma(k) in cue["status_ending_verb"] for k in v.children):
        return "Ongoing", True  # "talks resumed in Vienna on Wednesday", "opened talks on Wednesday" (that day)
    return ("Ongoing", True) if present and not aux and t.dep_ == "nsubj" else None


def _on_its_day(state, c: Cand) -> bool:
    """The event is dated (or begins, with no end told) on the report's own day."""
    pub = state.ctx.pub
    lo, hi = _told_bounds(c)
    return pub is not None and lo == pub and hi in (None, pub)


def _known_aside(state, t, g) -> bool:
    """``t`` is a definite event ("the talks", "their summit") that hangs on the verb ``g``
    only through a chain of prepositions ("could pave the way for a deal from the
    talks"): a modal of ``g`` speaks of what may come of it, not of whether it is held."""
    if _is_verb(t) or not any(k.dep_ in ("det", "poss") and k.lower_ in state.ctx.cue["definite_word"]
                                 for k in t.children):
        return False
    hops, cur = 0, t
    for _ in range(8):
        if cur.head.i == cur.i or cur.head.i == g.i:
            break
        hops += cur.dep_ == "pobj"
        cur = cur.head
    return hops >= 2


def _since_its_start(state, c: Cand) -> bool:
    """The event is named only by its start ("four weeks after the start of the talks",
    "since the launch of the negotiations", row ``status_start_noun``) in a sentence
    whose main verb is in the present or the present perfect ("the sides are close to a
    deal", "have met twice"): the talks are still under way (Ongoing)."""
    cue = state.ctx.cue
    t = c.trig
    if _verbal(c) or t.dep_ != "pobj" or t.head.lower_ != "of" or _lemma(t.head.head) not in cue["status_start_noun"]:
        return False
    root = _sent(t).root
    if not _is_verb(root) or _negated(root) or _future(root) or _hypothetical(root):
        return False
    if _planned_head(cue, root):
        return False  # "the resumption of talks is expected on March 10": a start still to come
    return _present(root)


def _refused_or_dropped(state, c: Cand) -> tuple[str, bool] | None:
    """What a noun of refusing or dropping, or a verb of refusing a proposal, tells of
    the noun event it governs:

    - a noun of refusal (row ``status_refusal_noun``): "the government's rejection of a
      truce", "Lima's refusal of talks": Rejected;
    - a noun of dropping (row ``status_dropping_noun``): "the postponement of the talks",
      "the cancellation of the summit": Cancelled (put off to a day after the report:
      Planned, as for the verbs);
    - the event named by the offer, call or plan it qualifies (row
      ``status_proposal_noun``), where that is the object of a verb of rejecting (row
      ``rejected``): "Lima rejects Quito truce offer": Rejected;
    - "say no to" (rows ``status_saying_verb``, ``status_no_word``): "Quito said no to
      fresh talks": Rejected.

    A verb event that is the infinitive of a verb of refusing (row ``rejected``, not one
    that needs its particle): "Iran refused to negotiate with Washington", "declined to
    meet the envoy": Rejected.

    Not when the verb that tells it is negated or hypothetical ("did not reject")."""
    cue = state.ctx.cue
    t = c.trig
    if _verbal(c):
        h = t.head
        refused = t.dep_ == "xcomp" and _has_to(t) and _lemma(h) in cue["rejected"] - cue["status_particle_rejecting_verb"]
        modal = any(k.dep_ == "aux" and k.lower_ in cue["status_modal"] for k in h.children)  # "might refuse"
        return ("Rejected", True) if refused and not (_negated(h) or _hypothetical(h) or modal) else None
    if t.dep_ == "pobj" and t.head.lower_ in ("of", "for", "to") and t.head.head.pos_ == "NOUN":
        noun = t.head.head
        g = noun.head if _is_verb(noun.head) else None
        if g is None or not (_negated(g) or _hypothetical(g)):
            if _lemma(noun) in cue["status_refusal_noun"] and t.head.lower_ == "of":
                return "Rejected", True
            if _lemma(noun) in cue["status_dropping_noun"] and t.head.lower_ == "of":
                pub = state.ctx.pub
                near = list(noun.subtree) + [x for p in (g.children if g is not None else ()) if p.dep_ == "prep"
                                             and p.lower_ in cue["postponing_prep"] for x in p.subtree]
                later = pub is not None and any(  # "the postponement of the talks (...) until March 25"
                    state.ctx.tok_timex.get(x.i) is not None
                    and (_first_day(state.ctx.timexes[state.ctx.tok_timex[x.i]][0]) or pub) > pub for x in near)
                return ("Planned", True) if later else ("Cancelled", True)
    if t.dep_ == "pobj" and t.head.lower_ == "on" and _is_verb(t.head.head) and not _negated(t.head.head) and any(
            f"{_lemma(t.head.head)} {_lemma(k)}" in cue["status_dropping_idiom"] for k in t.head.head.children
            if k.dep_ == "dobj"):
        return "Cancelled", True  # "pulled the plug on the talks"
    n = t
    if t.dep_ == "compound" or t.dep_ == "pobj" and t.head.lower_ in ("of", "for") and t.head.head.pos_ == "NOUN":
        n = t.head if t.dep_ == "compound" else t.head.head
        if _lemma(n) not in cue["status_proposal_noun"]:
            return None
    v = n.head
    if n is t and t.dep_ == "pobj" and t.head.lower_ == "to":
        v = t.head.head  # "said no to fresh talks"
        if v.lower_ in cue["status_no_word"] and v.head.i != v.i:
            v = v.head
        if not _is_verb(v):
            return None
        if _lemma(v) in cue["status_saying_verb"] and any(k.lower_ in cue["status_no_word"] for k in v.children) \
                and not (_negated(v) or _hypothetical(v) or _future(v)):
            return "Rejected", True
        return None
    if n is t or n.dep_ not in ("dobj", "nsubjpass") or not _is_verb(v) or _lemma(v) not in cue["rejected"]:
        return None
    if not _rejecting(cue, v) or not _told_plainly(cue, v):
        return None  # "turned the offer over", "did not reject", "might reject the truce offer"
    return "Rejected", True


def _still_to_make(cue, v) -> bool:
    """``v`` is a verb of working out terms (row ``status_negotiating_verb``: "negotiate",
    "hammer out") not told in the past or perfect ("are negotiating a truce deal", "to
    negotiate a lasting truce"): what it works out is not made yet (Proposed)."""
    prts = {k.lower_ for k in v.children if k.dep_ == "prt"}
    return (_lemma(v) in cue["status_negotiating_verb"] or any(f"{_lemma(v)} {p}" in cue["status_negotiating_verb"]
                                                                for p in prts)) \
        and v.tag_ in ("VB", "VBG", "VBZ", "VBP") and not _perfect(v) and not _negated(v) \
        and not any(k.dep_ in ("aux", "auxpass") and k.tag_ == "VBD" for k in v.children)


def _first_day(tv):
    """The first day a time value names ("until March 25" names only its last)."""
    return tv.earliest or tv.latest



def _told_bounds(c: Cand):
    """The bounds of the day or days the text tells the candidate by: its time, or the
    day an n-th day of talks was told of ("entered a third day on Wednesday":
    that Wednesday, :func:`kg.extract.events.counted._nth_day`)."""
    nth = getattr(c, "nth_on", None)
    if nth is not None:
        return nth, nth
    return c.bounds()


def _lately(state, c: Cand, v, undated: bool = False, days: int = 0) -> bool:
    """``v`` is in the simple past ("were locked in talks", "entered their second
    week"), not negated, and the event is dated the report's day ("on Wednesday",
    written that Wednesday) or up to ``days`` before it, or, when ``undated``, not
    dated at all: what it told was still so when the report was written."""
    if _negated(v) or _future(v) or _hypothetical(v) or _perfect(v):
        return False
    if "VBD" not in _finite_tags(v):
        return False
    pub = state.ctx.pub
    lo, hi = _told_bounds(c)
    if lo is None and hi is None:
        return undated
    return pub is not None and hi is not None and 0 <= (pub - hi).days <= days



def _still_at_it(state, c: Cand, g) -> bool:
    """A verb of talks in the present perfect progressive ("the delegations have been
    negotiating since Monday", "have been holding talks"), or in the past progressive
    with "still" (row ``status_still_word``) and no day of its own other than the
    report's ("said the envoys were still meeting"): begun and still going on
    (Ongoing); not negated, not under a modal ("may have been meeting")."""
    cue = state.ctx.cue
    if g.tag_ != "VBG" or _negated(g) or _hypothetical(g) or _lemma(g) not in cue["status_meeting_day_verb"]:
        return False
    if not (c.trig.i == g.i or _arg_of(c.trig, g) in ("nsubj", "dobj")):
        return False
    aux = [k.lower_ for k in g.children if k.dep_ == "aux"]
    if any(a in cue["past_progressive_aux"] for a in aux) and any(
            k.dep_ == "advmod" and k.lower_ in cue["status_still_word"] for k in g.children):
        pub = state.ctx.pub  # "a spokesman said on Wednesday the envoys were still meeting"
        lo, hi = c.bounds()
        return pub is not None and (lo is None and hi is None or lo == hi == pub)
    return "been" in aux and any(a in cue["status_present_perfect_aux"] for a in aux) and not any(
        a in cue["status_modal"] for a in aux)



def _another_day(state, c: Cand, g) -> bool:
    """Talks told as held "for a second day" (a day of row ``status_early_day_word``,
    row ``status_day_noun``) on the report's own day: more may come (Ongoing)."""
    cue = state.ctx.cue
    if _negated(g) or _future(g) or _hypothetical(g) or not (c.trig.i == g.i or _arg_of(c.trig, g) in ("nsubj", "dobj")):
        return False
    pub = state.ctx.pub
    lo, hi = _told_bounds(c)
    if pub is None or not (lo == hi == pub):
        return False
    return any(p.dep_ == "prep" and p.lower_ == "for" and any(
        o.dep_ == "pobj" and _lemma(o) in cue["status_day_noun"] and any(
            k.dep_ in ("amod", "nummod") and k.lower_ in cue["status_early_day_word"] for k in o.children)
        for o in p.children) for p in g.children)



def _did_not_happen(state, v) -> bool:
    """``v`` is a verb of taking place (row ``status_happening_verb``: "happen", "take
    place", "go ahead", a passive "be held"), not under a modal: negated, the event it
    tells of was dropped ("the meeting did not take place")."""
    cue = state.ctx.cue
    if any(k.dep_ == "aux" and k.lower_ in cue["status_modal"] for k in v.children):
        return False
    lem = _lemma(v)
    words = {f"{lem} {k.lower_}" for k in v.children if k.dep_ in ("dobj", "prt", "advmod")}
    passive = lem == "hold" and any(k.dep_ == "auxpass" for k in v.children)
    return lem in cue["status_happening_verb"] or bool(words & cue["status_happening_verb"]) or passive



def _terms_would(state, v) -> bool:
    """``v`` tells, with "would", what terms not yet in force would bring: its subject
    is a deal, plan or truce (rows ``status_deal_noun``, ``status_plan_noun``,
    ``status_terms_noun``): "the deal would free the hostages", "a six-week truce would
    see the militia free captives" (Proposed)."""
    cue = state.ctx.cue
    if not any(k.dep_ == "aux" and k.lower_ in cue["status_conditional_aux"] for k in v.children) or _negated(v):
        return False
    if _taking_effect_later(state, v):
        return False  # "said the ceasefire would begin at noon on Thursday": its own start, told for later
    terms = cue["status_deal_noun"] | cue["status_plan_noun"] | cue["status_terms_noun"]
    return any(k.dep_ == "nsubj" and _lemma(k) in terms for k in v.children)



def _judged_after(state, c: Cand, g, acomp) -> bool:
    """An event dated before the report, judged in the past tense by an adjective of
    row ``status_judging_adjective`` ("the visit to Lima in December was important"):
    the judgement is of an event held, not a call for one (not Proposed)."""
    pub = state.ctx.pub
    hi = c.bounds()[1]
    return (_lemma(g) == "be" and g.tag_ == "VBD" and bool(acomp & state.ctx.cue["status_judging_adjective"])
            and pub is not None and hi is not None and hi < pub)



def _arg_of(t, g) -> str | None:
    """The dependency by which the phrase of ``t`` hangs on the verb ``g`` ("a round of
    talks" in "held a round of talks": dobj), or None when it does not."""
    cur = t
    for _ in range(4):
        if cur.head.i == g.i and cur.i != g.i:
            return cur.dep_
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _headline_word(state, c: Cand) -> tuple[str, bool] | None:
    """A headline in title case, which the tagger reads as a run of names ("Rebels Reject
    Government Truce Offer", "Lima, Quito Talks Enter Third Day"): a word of row
    ``status_headline_rejecting_word`` before the event word tells it Rejected; after
    it, a word of row ``status_planned_adjective`` with "to" tells it Planned ("Talks
    Set to Resume"), else a word of row ``status_headline_going_word`` tells it under
    way (Ongoing). Only when every longer word of the sentence is capitalized."""
    cue = state.ctx.cue
    t = c.trig
    if _verbal(c):
        return None
    words = [x for x in _sent(t) if x.is_alpha and len(x) > 3]
    if len(words) < 3 or not all(x.text[0].isupper() for x in words):
        return None
    before = {x.lower_ for x in _sent(t) if x.i < t.i}
    after = {x.lower_ for x in _sent(t) if x.i > t.i}
    if before & cue["status_headline_rejecting_word"]:
        return "Rejected", True
    if after & cue["status_planned_adjective"] and "to" in after:
        return "Planned", True  # "Fishing Talks Set to Resume Next Week"
    if after & cue["status_headline_going_word"] and not after & (
            cue["status_planned_adjective"] | cue["future_aux_word"] | {"to"}):  # not "Talks Set to Resume"
        return "Ongoing", True
    return None


def _at_a_standstill(state, c: Cand) -> bool:
    """"negotiations remain stuck", "the talks are deadlocked", "talks stay at an
    impasse": talks, subject of a copular verb in the present, that the word after it
    (row ``status_standstill_word``, an adjective or the noun after "at" or "in") puts at
    a standstill, are under way, stalled but not over (Ongoing)."""
    cue = state.ctx.cue
    t = c.trig
    v = t.head
    stalled = v.tag_ == "VBN" and v.lower_ in cue["status_standstill_word"] and any(
        k.dep_ == "auxpass" and _lemma(k) == "be" for k in v.children)  # "the talks are stalled"
    if t.dep_ not in ("nsubj", "nsubjpass") or not _is_verb(v) or not (
            stalled or _lemma(v) in cue["status_copular_verb"]):
        return False
    if _negated(v) or _future(v) or _hypothetical(v):
        return False
    aux = [k for k in v.children if k.dep_ in ("aux", "auxpass")]
    if any(_lemma(k) == "have" for k in aux) or any(k.dep_ == "prep" and k.lower_ == "since" for k in v.children):
        return False  # "have been stalled since January": they stopped then (the end), as told
    if not _present(v):
        return False
    words = [k for k in v.children if k.dep_ in ("acomp", "attr", "oprd")] + [
        o for p in v.children if p.dep_ == "prep" and p.lower_ in ("at", "in") for o in p.children if o.dep_ == "pobj"]
    words += [v] if stalled else []
    return any(_lemma(w) in cue["status_standstill_word"] or w.lower_ in cue["status_standstill_word"] for w in words)


def _in_a_standstill(state, t) -> bool:
    """"to break the stalemate in the talks", "the deadlock in negotiations over the dam":
    the talks that a noun of row ``status_standstill_word`` stands over were held (and
    stand still); whatever the clause around says is of breaking the standstill, not of
    the talks."""
    h = t.head
    return t.dep_ == "pobj" and h.lower_ in ("in", "over", "of") and h.head.pos_ == "NOUN" \
        and h.head.lower_ in state.ctx.cue["status_standstill_word"]
