"""Ranks: who takes part in an event and at what level (leaders named or by rank,
the leaders of one country or of parties, one envoy alone, a leader's visit), and the
rank of a round in its series (ordinal words, "36th", "twenty-first").

The triggers stage (:mod:`kg.extract.events.triggers`) asks these questions, and
:func:`_leaders` answers them for a candidate: its class, Summit, Meeting or
NegotiationRound, by who holds it.
"""

from __future__ import annotations

import re

from kg.extract.events.lexicon import MEETING_FAMILY, _ordinals
from kg.extract.events.state import Cand
from kg.extract.events.syntax import _first_conjunct, _gov, _is_verb, _lemma, _sent, _under_way


def _leader_visits(state, t) -> bool:
    """The verb "visit" ``t`` is a summit: its subject is a leader (all the persons it
    names are) and its object a place or a country ("President X visited Beijing")."""
    subj = [x for k in t.children if k.dep_ == "nsubj" for x in k.subtree]
    persons = state.ctx.actors_in(subj, ("Person",))
    if not persons or not all(state.ctx.is_leader(p) for p in persons):
        return False
    objs = [x for k in t.children if k.dep_ == "dobj" for x in k.subtree]
    return any(x.i in state.ctx.tok_place for x in objs) or bool(state.ctx.actors_in(objs, ("Country",)))


def _one_persons(state, t) -> bool:
    """The talks ``t`` are one person's: "his talks", "X's consultations", or held by
    one person alone ("Envoy X held consultations in Lima")."""
    poss = [c for c in t.children if c.dep_ == "poss"]
    if poss:
        return len(state.ctx.actors_in(poss[0].subtree, ("Person",))) == 1 or poss[0].lower_ in ("his", "her")
    g = _gov(t)
    if g is None or t.dep_ != "dobj" or not _is_verb(g) or _lemma(g) not in state.ctx.cue["hold_verb"]:
        return False
    subj = [x for k in g.children if k.dep_ == "nsubj" for x in k.subtree]
    return len(state.ctx.actors_in(subj, ("Person",))) == 1 and not any(
        x.dep_ == "conj" or _lemma(x) in state.ctx.cue["delegation"] and x.tag_ == "NNS" for x in subj)


def _officials(state, heads) -> bool:
    """The nouns ``heads`` (and their conjuncts) are officials by title, not named and no
    leaders ("the foreign ministers of X and Y", "the Ghanaian foreign minister")."""
    nouns = [h for h in heads for h in [h] + [c for c in h.conjuncts if c.i not in state.ctx.tok_actor]]
    # (a country the parser joins to the title is not another holder)
    return bool(nouns) and all(_lemma(h) in state.ctx.cue["minister_noun"] and h.i not in state.ctx.tok_actor
                               and not _leader_by_rank(state.ctx.cue, h) for h in nouns)


def _leaders_met_with(state, t) -> bool:
    """The meeting verb ``t`` ("met with") has two or more leaders as its "with" objects:
    "the EU envoy met with the Serbian president and the Kosovar prime minister in
    Ohrid" is a meeting at the level of leaders, whoever hosts it."""
    objs = [x for k in t.children if k.dep_ in ("prep", "conj") and k.lower_ == "with" for x in k.subtree]
    persons = state.ctx.actors_in(objs, ("Person",))
    return len(persons) >= 2 and all(state.ctx.is_leader(p) for p in persons)


def _leaders_level(state, t) -> bool:
    """The meeting noun ``t`` is held at the level of leaders: "a leader-level meeting",
    "a presidential-level meeting" (a "level" modifier of a leaders' word)."""
    cue = state.ctx.cue
    return any(_lemma(x) == "level" and any(_lemma(k) in cue["summit_word"] or _lemma(k) in cue["leader_level_word"]
                                            for k in x.children)
               for x in t.children)


def _their_holders(t) -> list:
    """The words that "their" in "their talks" ``t`` stands for: the subject of the
    nearest verb above the talks that has one other than a pronoun ("the leaders of X
    and Y returned home, feeling they had won, following their one-day talks")."""
    if not any(k.dep_ == "poss" and k.lower_ == "their" for k in t.children):
        return []
    cur = t
    for _ in range(8):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if _is_verb(cur):
            subj = [k for k in cur.children if k.dep_ in ("nsubj", "nsubjpass") and k.pos_ != "PRON"]
            if subj:
                return [x for k in subj for x in k.subtree]
    return []


def _delegates(state, tokens) -> list:
    """The words of ``tokens`` that name delegates ("the delegations", "US officials"),
    leaving out the title of a named person ("US official Adam Boehler", "envoy X")."""
    cue = state.ctx.cue
    out = []
    for x in tokens:
        if _lemma(x) not in cue["delegation"] or x.i in state.ctx.tok_actor:
            continue
        named = [y for y in [x.head] + list(x.children) if y.dep_ in ("compound", "appos", "flat") or y is x.head]
        if any(state.ctx.tok_actor.get(y.i, ("", ""))[1] == "Person" for y in named if y.i != x.i):
            continue
        out.append(x)
    return out


def _domestic_leaders(state, x) -> bool:
    """The group noun of leaders ``x`` names the leaders of parties or factions ("party
    leaders", "coalition leaders") or of one country alone ("the Chilean leaders", "Fiji's
    leaders"): their talks are a round of domestic talks, not a summit.

    >>> import spacy
    >>> class _S:
    ...     class ctx:
    ...         cue = {"domestic_leader_modifier": frozenset({"party"})}
    ...         tok_actor = {}
    >>> doc = spacy.blank("en")("party leaders")
    >>> doc[1].head, doc[0].head, doc[0].dep_ = doc[1], doc[1], "compound"
    >>> _domestic_leaders(_S, doc[1])
    True
    """
    mods = [k for k in x.children if k.dep_ in ("amod", "compound", "nmod", "poss")]  # "Fiji's leaders" too
    # "leaders of the ruling coalition", "leaders of Chile's Green party": what "of" names
    mods += [p for k in x.children if k.dep_ == "prep" and k.lower_ == "of" for p in k.children if p.dep_ == "pobj"]
    mods += [c for k in mods for c in k.children if c.dep_ == "conj"]
    if any(_lemma(k) in state.ctx.cue["domestic_leader_modifier"] for k in mods):
        return True
    # (a capital that only opens the sentence names nothing: "Rival Lebanese leaders")
    named = [state.ctx.tok_actor.get(k.i) for k in mods if k.text[:1].isupper()
             and (k.i in state.ctx.tok_actor or k.pos_ == "PROPN" or not k.is_sent_start)]
    return len(named) == 1 and named[0] is not None and named[0][1] == "Country"


def _holders(t) -> list:
    """The words of the subject of the verb the noun ``t`` hangs on, as its object or after
    "for", "after", "during"... (through "is due to visit ... for talks")."""
    g = _gov(t)
    for _ in range(3):
        if g is None or any(k.dep_ in ("nsubj", "nsubjpass") for k in g.children):
            break
        g = g.head if g.dep_ in ("xcomp", "advcl", "conj", "acomp") and g.head.i != g.i else None
    return [x for k in (g.children if g is not None else []) if k.dep_ in ("nsubj",) for x in k.subtree]


def _with_counterpart(state, t, subj) -> str | None:
    """The class of talks, a meeting or a call ``t`` held "with" a counterpart by rank (not
    named: "his Bolivian counterpart") by the one holder in ``subj``: a Summit when the
    holder is a leader ("President X held a phone call with her counterpart"), a Meeting
    when an official named by title alone ("the foreign minister will visit La Paz for talks
    with his counterpart"), else None."""
    withs = [p for k in t.children if k.dep_ == "prep" and k.lower_ == "with" for p in k.children if p.dep_ == "pobj"]
    withs = withs or [o for o in t.children if o.dep_ == "dobj" and _is_verb(t)]  # "called his counterpart"
    if len(withs) != 1 or _lemma(withs[0]) != "counterpart" or withs[0].conjuncts or state.ctx.actors_in(
            list(withs[0].subtree), ("Person",)):  # ("his counterpart X": the persons decide)
        return None
    persons = state.ctx.actors_in(subj, ("Person",))
    heads = [x for x in subj if x.dep_ in ("nsubj", "nsubjpass")]
    if len(persons) == 1:
        return "Summit" if state.ctx.is_leader(persons[0]) else None
    if not persons and len(heads) == 1 and _officials(state, heads):
        return "Meeting"
    return None


def _leader_by_rank(cue, o) -> bool:
    """The object ``o`` names a leader by rank, not by name: "the Chilean president",
    "the prime minister of Peru", "her counterpart"."""
    if _lemma(o) in cue["leader_rank_noun"]:
        return True
    return _lemma(o) == "minister" and any(k.lower_ == "prime" for k in o.children)


def _ordinal(ords, word):
    """The (number, cardinal) of an ordinal or number word, "36th" and "twenty-first" too.

    >>> ords = {"second": (2, False), "first": (1, False)}
    >>> _ordinal(ords, "36th"), _ordinal(ords, "second"), _ordinal(ords, "twenty-first")
    ((36, False), (2, False), (21, False))
    """
    m = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)", word)
    if m:
        return int(m.group(1)), False
    tens, _, unit = word.partition("-")
    o = ords.get(unit)
    if tens in _TENS and o and not o[1] and o[0] < 10:
        return _TENS[tens] + o[0], False
    return ords.get(word)


_TENS = {w: 10 * n for n, w in enumerate(
    ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"), start=2)}


def _first_in_a_while(state, t) -> bool:
    """The event noun ``t`` is told as the first (or other) in a while, not by its
    rank in a series: "the first talks in three years", "their first meeting since
    January", "held their first talks since 2022 on Friday" ("since" on the verb
    that holds them, when the noun has its ordinal); not "talks that have been under
    way since May", nor "have held talks since the election"."""
    cue = state.ctx.cue
    if state.ctx.has_text("since") and any(
            x.lower_ == "since" and not (_under_way(x.head) or _lemma(x.head) in cue["ongoing"]) for x in t.subtree):
        return True
    if any(k.dep_ == "prep" and k.lower_ in ("in", "since") and any(
            x.like_num or x.i in state.ctx.tok_timex or _lemma(x) in cue["time_unit_noun"] for x in k.subtree)
           for k in t.children):
        return True
    ords = _ordinals()
    ranked = any(k.lower_ in ords and not ords[k.lower_][1] for k in t.children if k.dep_ == "amod")
    return ranked and t.dep_ in ("dobj", "nsubjpass") and _is_verb(t.head) and any(
        k.dep_ == "prep" and (k.lower_ == "since" or k.lower_ == "in" and any(
            _lemma(x) in cue["time_unit_noun"] for x in k.subtree)) for k in t.head.children)


def _principals(state, tokens) -> list:
    """Persons named in the words ``tokens`` only as the ones whose envoy, aide or
    minister someone is ("Trump's special envoy Steve Witkoff met Putin": Trump is not
    at the meeting; row agent_noun)."""
    cue = state.ctx.cue
    named: dict[str, list] = {}
    for t in tokens:
        a = state.ctx.tok_actor.get(t.i)
        if a and a[1] == "Person":
            named.setdefault(a[0], []).append(t)

    def as_principal(t) -> bool:
        while t.dep_ in ("compound", "flat") and t.head.i != t.i:
            t = t.head
        return t.dep_ == "poss" and _lemma(t.head) in cue["agent_noun"]

    return [name for name, toks in named.items() if all(as_principal(t) for t in toks)]


def _pronoun_person(state, t):
    """The person "he"/"she" in the clause of ``t`` stands for: the subject of the
    verb that reports or proposes the clause ("X suggested that he and Y could
    meet"), else the person who is the subject of the sentence before ``t``, else the
    last person named."""
    cur = t
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "advcl") or cur.head.i == cur.i:
            break
        cur = cur.head
        for x in cur.children:
            if x.dep_ == "nsubj":
                n = state.ctx.actors_in(x.subtree, ("Person",))
                if n:
                    return n[0]
    for x in state.doc[_sent(t).start:t.i]:  # the subject of the sentence told before the pronoun
        a = state.ctx.actor_of(x)
        if a and a[1] == "Person" and (x.dep_ == "nsubj" or x.head.dep_ == "nsubj" and x.dep_ in ("compound", "appos")):
            return a[0]
    return state.last_person[-1] if state.last_person else None


def _delegation_meets_person(state, t, subj_tokens) -> bool:
    """The meeting verb ``t`` tells a delegation meeting one named person of the other
    side ("the party's delegation met President X in Ankara", "a union delegation met
    with Minister Y"): a meeting, not a round of talks between delegations; not when the
    other side is a delegation too or the clause names the round ("met Minister Y for a
    third round of wage talks")."""
    cue = state.ctx.cue
    if not any(_lemma(x) in cue["delegation"] for x in subj_tokens):
        return False
    other = [x for k in t.children if k.dep_ == "dobj" for x in k.subtree]
    other += [x for k in t.children if k.dep_ == "prep" and k.lower_ == "with" for x in k.subtree]
    if not state.ctx.actors_in(other, ("Person",)) or any(_lemma(x) in cue["delegation"] for x in other):
        return False
    return not any(x.i in state.ctx.trig_at and x.i != t.i and (state.ctx.entry_at.get(x.i) or {}).get(
        "role") == "event" for x in t.subtree)


def _one_body_sits(state, t) -> bool:
    """The session or meeting noun ``t`` is one body's own sitting: its holder is a single
    body of one side (row ``sitting_body_noun``: "the cabinet held an emergency session",
    "parliament will hold a special session to vote on the deal"), with no other side
    ("with", "between") and no delegation: a meeting, not a round of talks."""
    if _lemma(t) not in state.ctx.cue["sitting_event_noun"] or _other_side_prep(t):
        return False
    heads = [x for x in _holders(t) if x.dep_ in ("nsubj", "nsubjpass")]
    if len(heads) == 1 and _one_body(state, heads[0]):  # (a delegation in it: see _one_body)
        return True
    # the body named on the noun itself: "the North Atlantic Council session", "the board's meeting"
    mods = _body_mods(t)
    return bool(mods) and _one_body(state, mods[-1])


def _one_body_meets(state, t, subj) -> bool:
    """The verb ``t`` ("meet", "convene") tells one body's own sitting: its subject is a
    single body of one side (row ``sitting_body_noun``: "the board of governors meets on
    Thursday", "the party's central committee will convene"), with no other side met
    (an object, "with", "between") and no delegation: a meeting, not a round of talks,
    whatever organizations the body's name holds."""
    return len(subj) == 1 and not _other_side_prep(t) and not any(k.dep_ == "dobj" for k in t.children) \
        and _one_body(state, subj[0])


def _other_side_prep(t) -> bool:
    """``t`` names another side after "with", "between" or "among"."""
    return any(k.dep_ == "prep" and k.lower_ in ("with", "between", "among") for k in t.children)


def _body_mods(t) -> list:
    """The words before the noun ``t`` that may name the body holding it ("the North
    Atlantic Council session", "the board's meeting"): its compounds and possessor."""
    return [k for k in t.children if k.dep_ in ("compound", "poss") and k.i < t.i]


def _one_body(state, h) -> bool:
    """``h`` names a single body of one side (row ``sitting_body_noun``), not a body that two
    sides share (row ``shared_body_modifier``: "the joint committee") nor a delegation."""
    cue = state.ctx.cue
    return not h.conjuncts and _lemma(h) in cue["sitting_body_noun"] and not any(
        _lemma(x) in cue["delegation"] or _lemma(x) in cue["shared_body_modifier"] for x in h.subtree)


def _sitting_class(state, t, kind) -> str | None:
    """The class a sitting noun ``t`` takes from its sides, or None to keep ``kind``: one
    body's own sitting is a meeting (:func:`_one_body_sits`), and so is a meeting "with a
    visiting delegation" (a delegation received, row ``visiting_word``); a government's or a
    company's meeting "with" a union of workers, or one "between" them, is a round of
    talks, as the same told with "met" is ("the government called an emergency meeting
    with the teachers' union"), unless a person is named on either side."""
    if kind == "NegotiationRound" and _one_body_sits(state, t):
        return "Meeting"
    cue = state.ctx.cue
    if kind in ("Meeting", "NegotiationRound") and _lemma(t) in cue["sitting_event_noun"] and any(
            _lemma(p) in cue["delegation"] and any(_lemma(m) in cue["visiting_word"] for m in p.children)
            for k in t.children if k.dep_ == "prep" and k.lower_ == "with" for p in k.children if p.dep_ == "pobj"):
        return "Meeting"  # "at a meeting with a visiting delegation": the delegation received
    if kind != "Meeting" or _lemma(t) not in cue["sitting_event_noun"]:
        return None
    other = [x for k in t.children if k.dep_ == "prep" and k.lower_ in ("with", "between") for x in k.subtree]
    union = any(x.lower_ in cue["labour_union_noun"] for x in other) or any(
        state.ctx.kind_of.get(a) == "Organization" and a.lower().split()[-1] in cue["labour_union_name_end"]
        for a in state.ctx.actors_in(other))
    if not union or state.ctx.actors_in(other + _holders(t), ("Person",)):
        return None
    return "NegotiationRound"


def _held_by_official(state, t) -> bool:
    """The talks or meeting ``t`` are held by someone who is no leader: the subject of the
    verb it hangs on names a person who is not ("Foreign Minister X will hold talks with
    the country's leaders") or officials by title ("the foreign minister will visit Y for
    talks with its leaders"). Leaders met by an official make a meeting, not a summit."""
    subj = _holders(t)
    persons = state.ctx.actors_in(subj, ("Person",))
    if persons:
        return any(state.ctx.is_leader(p) is False for p in persons)
    return _officials(state, [x for x in subj if x.dep_ == "nsubj"])


def _all_leaders(state, persons, toks) -> bool:
    """Every one of ``persons`` is a leader, or the counterpart of one named with them
    ("President X and his Peruvian counterpart Y met": Y is a president too)."""
    if all(state.ctx.is_leader(p) for p in persons):
        return True
    if not any(state.ctx.is_leader(p) for p in persons):
        return False
    counterparts = {a for x in toks if _lemma(x) == "counterpart"  # (the name may be parsed apart from it)
                    for a in state.ctx.actors_in([k for k in x.subtree if k.i != x.i] + list(x.doc[x.i + 1:x.i + 3]),
                                                 ("Person",))}
    return all(state.ctx.is_leader(p) or p in counterparts for p in persons)


def _leaders(state, c: Cand):
    """Summit when the participants are leaders; delegations make a round."""
    t = c.trig
    if c.kind not in MEETING_FAMILY:
        return
    cue = state.ctx.cue
    if c.kind == "NegotiationRound" and c.round is None and t.lower_ in cue["talks_form"] \
            and any(k.dep_ == "prep" and k.lower_ == "with" for k in t.children):
        # "Mirzoyan is due in Brussels for talks with EU officials": one person's meeting
        g = _gov(t)
        subj = [x for k in (g.children if g is not None else []) if k.dep_ in ("nsubj", "nsubjpass")
                for x in k.subtree]
        if len(state.ctx.actors_in(subj, ("Person",))) == 1 and len(state.ctx.actors_in(subj)) <= 2 and not any(
                _lemma(x) in cue["delegation"] for x in subj):
            c.kind = "Meeting"
            c.one_person = True
    elif c.kind == "NegotiationRound" and c.round is None and t.lower_ in cue["talks_form"] and not any(
            k.dep_ == "prep" and k.lower_ in ("between", "with") for k in t.children) and _one_persons(state, t):
        c.kind = "Meeting"  # "the envoy described his talks in X and Y", "Envoy X held consultations"
        c.one_person = True
    if c.kind == "NegotiationRound" and c.round is None and t.lower_ in cue["talks_form"] and _with_one_person(state, t):
        c.kind = "Meeting"  # "after the talks with Foreign Minister X", "consultations with Deputy Secretary Y"
        c.one_person = True
    if c.round is None and (sat := _sitting_class(state, t, c.kind)) is not None:
        c.kind = sat  # "the cabinet held an emergency session", "a meeting with the union"
        if sat == "Meeting":  # "the North Atlantic Council session": the body sits
            mods = [x for k in _body_mods(t) for x in k.subtree]
            c.actors += [a for a in state.ctx.actors_in(mods) if a not in c.actors]
        return
    if c.round is None and c.kind != "Summit" and (held := _with_counterpart(state, t, _holders(t))) is not None:
        c.kind = held  # "the minister will visit La Paz for talks with his counterpart": a meeting
        return
    words = {_lemma(x) for x in t.children} | {_lemma(x) for x in t.subtree if x.dep_ in ("pobj", "poss")}
    if c.kind == "Meeting" and words & cue["summit_word"] and not _held_by_official(state, t):
        c.kind = "Summit"
        return
    if c.kind == "Meeting" and (any(_lemma(x) == "level" and "high" in x.head.text.lower() for x in t.subtree)
                                or _leaders_level(state, t)):
        c.kind = "Summit"
        return
    if c.kind == "Meeting" and _in_presence_of_leaders(state, t):
        c.kind = "Summit"  # "initialled by the ministers in the presence of both presidents during a meeting"
        return
    if c.kind == "Meeting" and _held_by_leaders(state, t):
        c.kind = "Summit"  # "the presidents, who held a phone call", "the heads of X and Y agreed after a meeting"
        return
    between = [x for x in t.children if x.dep_ == "prep" and x.lower_ in cue["leaders_prep"]]
    persons = []
    for p in between:
        persons += state.ctx.actors_in(p.subtree, ("Person",))
    if c.kind == "Meeting" and _delegates(state, [x for p in between for x in p.subtree]) \
            and not getattr(c, "one_person", False) and not _one_persons(state, t):
        # (one person's meeting with officials stays a meeting: "the minister held a meeting with officials")
        c.kind = "NegotiationRound"
        return
    if c.kind in ("NegotiationRound", "Meeting") and c.round is None and _talks_of_leaders(state, t, between, persons):
        c.kind = "Summit"  # "talks between the two presidents", "the leaders held talks"
        return
    if c.kind == "Meeting" and persons:
        status = [state.ctx.is_leader(p) for p in persons]
        with_only = all(p.lower_ == "with" for p in between)
        if with_only:
            g = _gov(t)
            subj = [x for x in (g.children if g is not None else []) if x.dep_ == "nsubj"]
            for s in subj:
                for p in state.ctx.actors_in(s.subtree, ("Person",)):
                    status.append(state.ctx.is_leader(p))
            if len(status) >= 2 and all(status):
                c.kind = "Summit"
        elif any(status) and not any(s is False for s in status):
            c.kind = "Summit"


def _held_by_leaders(state, t) -> bool:
    """The meeting noun ``t`` names none of its participants, and the subject of the verb
    it hangs on (as object, or after "for", "after", "during"...) is leaders: persons who
    are all leaders, or a group noun of leaders of more than one country ("the heads of X
    and Y reached a deal after a meeting"). A relative "who" stands for the noun its
    clause tells of ("X and Y, who held a phone call")."""
    cue = state.ctx.cue
    if any(k.dep_ in ("prep", "poss") and (k.dep_ == "poss" or k.lower_ in cue["leaders_prep"])
           for k in t.children):
        return False
    g = _gov(t)
    if g is None or not _is_verb(g):
        return False
    if not (t.dep_ in ("dobj", "obj") and t.head.i == g.i or t.dep_ == "pobj" and t.head.head.i == g.i
            and t.head.lower_ in cue["talks_subject_prep"]):
        return False
    subj = [k for k in g.children if k.dep_ == "nsubj"]
    if len(subj) == 1 and subj[0].lower_ in ("who", "which", "that") and g.dep_ == "relcl":
        head = _first_conjunct(g.head)  # "X and Y, who ...": both
        scope = [x for x in head.subtree if not (g.left_edge.i <= x.i <= g.right_edge.i)]
    else:
        scope = [x for s in subj for x in s.subtree]
    persons = state.ctx.actors_in(scope, ("Person",))
    if persons:  # "President X and his Slovenian counterpart Y had a meeting": Y is a president too
        return len(persons) >= 2 and _all_leaders(state, persons, scope)
    return any(_lemma(x) in cue["leader_group"] and x.tag_ in ("NNS", "NNPS") and x.i not in state.ctx.tok_actor
               and not _domestic_leaders(state, x) for x in scope)


def _with_one_person(state, t) -> bool:
    """The talks ``t`` are held with one person, named as such ("talks with Foreign Minister
    X"), not with a delegation, a side, several people or a leader: a meeting of officials."""
    withs = [p for k in t.children if k.dep_ == "prep" and k.lower_ == "with" for p in k.children if p.dep_ == "pobj"]
    if len(withs) != 1 or any(k.dep_ == "prep" and k.lower_ == "between" for k in t.children):
        return False
    p = withs[0]
    a = state.ctx.actor_of(p)
    # (talks with a head of state may be a summit: the other side decides, which this rule cannot tell)
    return bool(a and a[1] == "Person") and not state.ctx.is_leader(a[0]) and not any(k.dep_ == "conj" for k in p.children) and not any(
        _lemma(x) in state.ctx.cue["delegation"] and x.tag_ in ("NNS", "NNPS") for x in p.subtree)


def _in_presence_of_leaders(state, t) -> bool:
    """The meeting noun ``t`` hangs on a verb that was done "in the presence of" leaders
    (a plural group noun of leaders, or persons who are all leaders)."""
    if t.dep_ != "pobj" or t.head.dep_ != "prep":
        return False
    v = t.head.head
    cue = state.ctx.cue
    nouns = [v] if _lemma(v) in cue["presence_noun"] else []  # "in the presence of X during a meeting"
    nouns += [n for p in v.children if p.dep_ == "prep" and p.i != t.head.i for n in p.children if n.dep_ == "pobj"]
    # "published a treaty initialled in the presence of both leaders during a meeting": the
    # presence told in a clause of the same sentence
    nouns += [n for n in _sent(t) if n.dep_ == "pobj" and n.head.lower_ == "in" and n not in nouns]
    for n in nouns:
        if _lemma(n) not in cue["presence_noun"]:
            continue
        scope = [x for p in n.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.subtree]
        if any(_lemma(x) in cue["leader_group"] and x.tag_ in ("NNS", "NNPS") and x.i not in state.ctx.tok_actor
               for x in scope):
            return True
        persons = state.ctx.actors_in(scope, ("Person",))
        if len(persons) >= 2 and all(state.ctx.is_leader(x) for x in persons):
            return True
    return False


def _talks_of_leaders(state, t, between, persons) -> bool:
    """Talks whose participants are leaders: the persons between whom they are
    held, or the subject that held them, are all heads of state or government
    ("talks between Prime Minister X and President Y"), or are named as a group
    of leaders ("the leaders of both countries held talks", "discussions between
    Presidents X and Y")."""
    cue = state.ctx.cue
    g = _gov(t)
    subj = []
    if g is not None and _is_verb(g) and (t.dep_ in ("dobj", "obj") or (
            # "the presidents met for talks", "the leaders agreed to a truce after talks in X"
            t.dep_ == "pobj" and t.head.lower_ in cue["talks_subject_prep"] and t.head.head.i == g.i)):
        subj = [x for k in g.children if k.dep_ == "nsubj" for x in k.subtree]
    subj = subj or _their_holders(t)  # "the leaders returned ... following their talks"
    scope = [x for p in between for x in p.subtree] + subj
    names = list(persons) + state.ctx.actors_in(subj, ("Person",))
    if len(subj) == 1 and subj[0].lower_ in ("he", "she") and (p0 := _pronoun_person(state, t)) is not None:
        names.append(p0)  # "X arrived from Y, where he had held talks with President Z": X
    status = [state.ctx.is_leader(p) for p in names]
    if any(s is False for s in status):
        return False
    if len(status) >= 2 and all(status):
        return True
    if len(set(names)) >= 2 and _all_leaders(state, list(dict.fromkeys(names)), scope):
        return True  # "talks between Prime Minister X and his visiting counterpart Y"
    # a plural group noun of leaders, not the title of a named person ("President X's envoy"),
    # nor the leaders of parties or of one country ("the party leaders", "the German leaders")
    return any(_lemma(x) in cue["leader_group"] and x.tag_ in ("NNS", "NNPS") and x.i not in state.ctx.tok_actor
               and not _domestic_leaders(state, x) for x in scope)
