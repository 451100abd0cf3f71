"""Trigger words that name no event of their own where they stand: a word of talks in
another sense ("a round of applause", "the summit of the mountain"), talks said not to
have been held ("have not held talks since 2019"), talks in general ("any meeting would
have to be prepared"), a thing ("the meeting room"), an activity ("negotiating with the
rebels would be a betrayal"), a meeting told as a habit of a kind of people ("leaders
who meet in secret"), or asked about ("Talks with Chile? Not now"); a discussion that is
no meeting of two named persons ("the cabinet discussed the budget"), a thing released
("a statement released on Monday").

The triggers stage asks :func:`no_event_noun` of each event noun and
:func:`no_event_verb` of each event verb before it makes a candidate of it.

>>> import spacy
>>> from kg.extract.events.senses import _bare_plural
>>> doc = spacy.blank("en")("Leaders")
>>> doc[0].tag_ = "NNS"
>>> _bare_plural(doc[0])
True
"""

from __future__ import annotations

from kg.extract.events.lexicon import MEETING_FAMILY
from kg.extract.events.syntax import (
    _first_conjunct, _flag_memo, _future, _gov, _habitual, _has_to, _lemma, _negated, _perfect, _sent,
)


def no_event_noun(state, t) -> bool:
    """The event noun ``t`` names no event: a word in another sense or of a thing, talks
    that a negated verb says did not happen or are not planned, talks asked about, or
    spoken of in general."""
    return _round_of_other(state, t) or _summit_of_height(state, t) or _not_held(state, t) or _asked(t) \
        or _in_general(state, t) or _a_thing(state, t) or _discussion_of_no_sides(state, t)


def _a_thing(state, t) -> bool:
    """"The meeting room", "the meeting point", "meeting expectations": a word of meeting
    that qualifies a thing (row meeting_thing_noun)."""
    return t.dep_ in ("compound", "amod") and _lemma(t.head) in state.ctx.cue["meeting_thing_noun"]


def _in_general(state, t) -> bool:
    """"Any meeting between the presidents would have to be prepared": an event spoken of
    in general as the subject of its clause (row any_det), not one a condition awaits
    ("before any talks can begin")."""
    g = t.head
    return t.dep_ in ("nsubj", "nsubjpass") and g.dep_ != "advcl" and any(
        k.dep_ == "det" and k.lower_ in state.ctx.cue["any_det"] for k in t.children)


def talks_told(state, t) -> bool:
    """The bare plural ``t`` tells of particular talks, not of talks in general: told in
    their course, still to come, held by someone, taken up again by named parties, or
    under way between parties "in talks" (the five tests below)."""
    return (told_in_course(state, t) or told_to_come(state, t) or held_by_someone(state, t)
            or agreed_to_take_up(state, t) or in_talks_of(state, t))


def told_in_course(state, t) -> bool:
    """The bare plural ``t`` is the subject of a verb of the course of talks, in the past,
    the perfect or the progressive, with no word of habit ("talks with the union had
    resumed", "contacts were continuing"): talks told, not talks in general."""
    cue = state.ctx.cue
    v = t.head
    if t.dep_ != "nsubj" or _lemma(v) not in cue["talks_course_verb"] or v.tag_ not in ("VBD", "VBN", "VBG"):
        return False
    return not _habitual(v)


def told_to_come(state, t) -> bool:
    """The bare plural ``t`` is the subject of a verb of the course of talks still to
    come, told with "will" or as completing a word of a plan ("talks will resume after
    the vote", "negotiations are due to restart", "talks are expected to begin"), with
    no word of habit: talks told, not talks in general."""
    cue = state.ctx.cue
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    v = t.head
    if _lemma(v) in cue["talks_course_verb"]:
        told = _future(v)
    else:  # "are set to resume", "are due to resume" ("due" parsed under "are")
        plans = [v] + [k for k in v.children if k.dep_ == "acomp"]
        told = any(_lemma(h) in cue["status_planned_head"] and x.dep_ == "xcomp" and _lemma(x) in cue["talks_course_verb"]
                   for h in plans for x in h.children)
    return told and not _habitual(v)


def held_by_someone(state, t) -> bool:
    """The bare plural ``t`` is what a subject held, holds now or will hold (row
    ``hold_verb``: "the two sides held talks", "officials have conducted
    negotiations", "the envoys will hold talks"), with no word of habit: talks told,
    not talks in general (not "diplomats hold talks every spring")."""
    cue = state.ctx.cue
    v = t.head
    if t.dep_ != "dobj" or _lemma(v) not in cue["hold_verb"] or not any(k.dep_ == "nsubj" for k in v.children):
        return False
    told = v.tag_ == "VBD" or _perfect(v) or _future(v) or v.tag_ == "VBG" and any(k.dep_ == "aux" for k in v.children)
    return told and not _negated(v) and not _habitual(v)


def agreed_to_take_up(state, t) -> bool:
    """The bare plural ``t`` is what named parties agree to take up again ("Kenya and Uganda
    agreed to reopen talks on their border", "the sides have agreed to resume negotiations";
    rows ``status_resuming_verb`` and ``status_agreed_head``): their talks, not talks in general."""
    cue = state.ctx.cue
    v = t.head
    if t.dep_ != "dobj" or _lemma(v) not in cue["status_resuming_verb"] or v.dep_ != "xcomp" or not _has_to(v):
        return False
    agree = v.head
    if _lemma(agree) not in cue["status_agreed_head"] or any(k.dep_ == "neg" for k in agree.children):
        return False
    who = [x for k in agree.children if k.dep_ == "nsubj" for x in k.subtree]
    return bool(state.ctx.actors_in(who)) or any(_lemma(x) in cue["delegation"] for x in who)


def in_talks_of(state, t) -> bool:
    """The bare plural ``t`` follows "in" after a word of being in talks (row
    ``status_in_talks_word``, which the status stage reads too) whose subject names parties
    ("Kenya and Ethiopia are in talks about the dam", "Chile and Peru remain locked in
    negotiations"): their talks, under way, not talks in general."""
    v = t.head.head
    if t.dep_ != "pobj" or t.head.lower_ != "in" or _lemma(v) not in state.ctx.cue["status_in_talks_word"] or _negated(v):
        return False
    verbs = [v] + ([v.head] if v.dep_ in ("acomp", "xcomp") else [])  # "remain locked in talks": "remain"
    return bool(state.ctx.actors_in([x for w in verbs for k in w.children if k.dep_ in ("nsubj", "nsubjpass")
                                     for x in k.subtree]))


def no_event_verb(state, t) -> bool:
    """The event verb ``t`` tells of no event: a habit of a kind of people, a
    gathering of others than negotiators, or a discussion that is no meeting of two
    named persons."""
    return _habit_of_a_kind(state, t) or _gathering_of_others(state, t) or _asked(t) or _discussed_apart(state, t) \
        or _released_thing(state, t) or _refused_by_all(state, t) or (
        t.dep_ in ("csubj", "csubjpass") and t.tag_ == "VBG")  # "Negotiating with X would be a betrayal"


def _refused_by_all(state, t) -> bool:
    """The infinitive ``t`` of a verb of refusing (row ``rejected``) whose subject is every
    side ("the two sides refused to meet face-to-face", "X and Y declined to negotiate";
    row ``status_both_sides_word``, words joined, or a subject right after "and" that the
    parser cut from the side before it): how their talks broke down, not a meeting one
    side turned down."""
    h = t.head
    if t.dep_ != "xcomp" or _lemma(h) not in state.ctx.cue["rejected"]:
        return False
    heads = [k for k in h.children if k.dep_ in ("nsubj", "nsubjpass")]
    if any(k.left_edge.i > 1 and t.doc[k.left_edge.i - 1].lower_ == "and" and t.doc[k.left_edge.i - 2].pos_ not in (
            "VERB", "AUX") for k in heads):
        return True  # "after X and Y refused to meet", "X" read as the object of "after"
    return any(x.dep_ == "conj" or x.lower_ in state.ctx.cue["status_both_sides_word"] for k in heads for x in k.subtree)


def _asked(t) -> bool:
    """A question is no telling: "Talks with Chile? Not now" (the sentence of ``t`` ends in
    a question mark, outside quotation marks). Asked again for the words of one
    sentence, it is answered once per sentence (by its start)."""
    return _flag_memo(t.doc[_sent(t).start], "asked", _ends_in_question)


def _ends_in_question(first) -> bool:
    """The sentence that begins with ``first`` ends in a question mark, outside quotation marks."""
    sent = _sent(first)
    doc, k = first.doc, sent.end - 1
    while k >= sent.start and doc[k].is_space:  # the last word that is no space, read from the end
        k -= 1
    return k >= sent.start and doc[k].text == "?" and not any(x.is_quote for x in sent)


def _gathering_of_others(state, t) -> bool:
    """"Protesters gathered", "the team gathered evidence": a verb of coming together is
    talks only when delegations or negotiators come together ("negotiators gathered in
    Lisbon on Saturday")."""
    cue = state.ctx.cue
    if _lemma(t) not in cue["gathering_verb"]:
        return False
    if any(k.dep_ == "dobj" for k in t.children) or t.dep_ == "relcl" and _lemma(t.head) in cue["time_noun"]:
        return True  # (and "the first time negotiators had gathered since X": the talks told, again)
    fors = [x for k in t.children if k.dep_ == "prep" and k.lower_ == "for" for x in k.subtree]
    if any((state.ctx.entry_at.get(x.i) or {}).get("class") in MEETING_FAMILY
           for x in fors if x.i in state.ctx.trig_at):
        return True  # "gathered in Geneva for a new round of talks": the round told
    subj = [x for k in t.children if k.dep_ in ("nsubj", "nsubjpass") for x in k.subtree]
    return not any(_lemma(x) in cue["delegation"] and x.i not in state.ctx.tok_actor for x in subj)


def _round_of_other(state, t) -> bool:
    """"A round of applause", "a third round of sanctions", "the first round of the
    election": a round whose "of" names something that is no event of talks (no trigger
    word in it, nor a word of a series of talks), not "a round of talks", "a round of the
    Istanbul negotiations" or "the first round of the new phase"."""
    if _lemma(t) not in state.ctx.cue["round_noun"]:
        return False
    of = [p for k in t.children if k.dep_ == "prep" and k.lower_ == "of" for p in k.children if p.dep_ == "pobj"]
    series = state.ctx.cue["round_series_noun"]
    return bool(of) and not any(x.i in state.trig_tokens or _lemma(x) in series for p in of for x in p.subtree)


def _summit_of_height(state, t) -> bool:
    """"The summit of Mount X", "climbers reached the summit": the top of a height."""
    if _lemma(t) != "summit":
        return False
    cue = state.ctx.cue["height_word"]
    near = [x for k in t.children if k.dep_ == "prep" and k.lower_ == "of" for x in k.subtree]
    g = _gov(t)
    subj = [x for k in (g.children if g is not None else []) if k.dep_ in ("nsubj", "nsubjpass") for x in k.subtree]
    return any(_lemma(x) in cue for x in near + subj)


def _not_held(state, t) -> bool:
    """Talks that a negated verb of holding has as its object ("the two governments have
    not held talks since 2019", "did not have a meeting"), or that a negated verb of
    planning has as its passive subject ("a summit with X was not planned"): no event;
    also under a fronted negation ("Not since 2019 have the two sides held talks")."""
    g = _gov(t)
    if g is None or t.head.i != g.i or not (_negated(g) or _inverted_negation(g)):
        return False  # (and "a summit with X was not planned": none planned)
    return t.dep_ == "dobj" and _lemma(g) in state.ctx.cue["hold_verb"] or t.dep_ == "nsubjpass" and _lemma(
        g) in state.ctx.cue["status_planned_head"] - {"agree"}


def _habit_of_a_kind(state, t) -> bool:
    """"Leaders who meet in secret seldom keep their promises": a meeting verb in the
    simple present of a relative clause on a bare plural, with no date: what such people
    do, not a meeting."""
    if t.dep_ != "relcl" or t.tag_ != "VBP" or not _bare_plural(t.head):
        return False
    return not any(x.i in state.ctx.tok_timex or x.i in state.ctx.tok_actor for x in t.head.subtree)


def _bare_plural(n) -> bool:
    """``n`` is a plural common noun with no determiner or possessor ("leaders")."""
    return n.tag_ == "NNS" and not any(k.dep_ in ("det", "poss", "nummod") for k in n.children)


def discussion_persons(state, t) -> list[str]:
    """The persons who discuss with the verb ``t`` (row ``discussion_verb``): its
    subject and their conjuncts, and who it is "with" ("X and Y discussed the dam",
    "X discussed the truce with Y")."""
    toks = [x for k in t.children if k.dep_ == "nsubj" for x in k.subtree]
    heads = [t] + [o for o in t.children if o.dep_ == "dobj"]  # (the parser may hang "with" on the topic)
    toks += [x for h in heads for k in h.children if k.dep_ == "prep" and k.lower_ == "with" for x in k.subtree]
    return state.ctx.actors_in(toks, ("Person",))


def _discussed_apart(state, t) -> bool:
    """A verb of discussing is a meeting only between two named persons ("President X
    and Premier Y discussed the dam in Cairo on Thursday", "X discussed the truce with
    Y"), and only when its sentence names no meeting of its own ("X and Y met in Cairo
    and discussed the dam": the meeting told); "the cabinet discussed the budget" is
    none."""
    cue = state.ctx.cue
    if _lemma(t) not in cue["discussion_verb"]:
        return False
    if len(discussion_persons(state, t)) < 2:
        return True
    topic = {x.i for k in t.children if k.dep_ == "dobj" for x in k.subtree}  # ("the stalemate in the talks")
    return any(x.i != t.i and x.i not in topic and x.i in state.ctx.trig_at and (state.ctx.entry_at.get(x.i) or {}).get("class") in MEETING_FAMILY for x in _sent(t))


def _released_thing(state, t) -> bool:
    """"A statement released on Monday", "the figures released by the ministry": a verb of
    freeing or handing over (row ``exchange_verb``) as the participle of a thing is no
    exchange of prisoners; "the prisoners released on Monday", "the 40 freed" are."""
    cue = state.ctx.cue
    if _lemma(t) not in cue["exchange_verb"] or t.dep_ != "acl" or t.tag_ != "VBN":
        return False
    n = t.head
    return not (_lemma(n) in cue["prisoner"] or _lemma(n) in cue["remains"] or n.like_num
                or any(k.like_num for k in n.children) or n.i in state.ctx.tok_actor)


def joined_to(t):
    """The first of the words ``t`` is joined to with "and" or "or" ("a truce" of "talks
    on a truce and the release of hostages"); where the parser hung ``t`` elsewhere
    though the object of a preposition stands just before the "and" ("Two days of talks
    on a truce and the release of hostages ended", the release read as joined to the
    days or as a second subject), that object, the nearer reading; else ``t`` itself.

    >>> import spacy
    >>> doc = spacy.blank("en")("days of talks on a truce and the release")
    >>> for i, (head, dep) in enumerate([(0, "ROOT"), (0, "prep"), (1, "pobj"), (2, "prep"), (5, "det"),
    ...                                  (3, "pobj"), (0, "cc"), (8, "det"), (0, "conj")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> joined_to(doc[8]).text, joined_to(doc[5]).text
    ('truce', 'truce')
    """
    first = _first_conjunct(t)
    i = t.left_edge.i
    if i >= 2 and t.doc[i - 1].dep_ == "cc" and t.doc[i - 1].lower_ in ("and", "or"):
        before = t.doc[i - 2]
        if before.dep_ == "pobj" and before.i != first.i:
            return _first_conjunct(before)
    return first


def released_people(state, t) -> bool:
    """The noun "release" ``t`` names a release of people (row ``prisoner``): plural ("the
    releases went ahead"), a person word before it ("the hostage release", "a prisoner
    release") or its object with "of" ("the release of 33 hostages", "of four soldiers and
    two civilians"); not "the release of the report", "the film's release".

    >>> import spacy
    >>> from types import SimpleNamespace
    >>> doc = spacy.blank("en")("the release of 33 hostages")
    >>> for i, (head, dep) in enumerate([(1, "det"), (1, "ROOT"), (1, "prep"), (4, "nummod"), (2, "pobj")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> doc[4].lemma_ = "hostage"
    >>> state = SimpleNamespace(ctx=SimpleNamespace(cue={"prisoner": frozenset({"hostage", "prisoner"})}))
    >>> released_people(state, doc[1])
    True
    >>> doc[4].lemma_ = "report"
    >>> released_people(state, doc[1])
    False
    """
    people = state.ctx.cue["prisoner"]
    if t.tag_ == "NNS" or _lemma(t) in people:
        return True
    if any(k.dep_ in ("compound", "nmod", "amod") and _lemma(k) in people for k in t.children):
        return True
    objs = [p for k in t.children if k.dep_ == "prep" and k.lower_ == "of" for p in k.children if p.dep_ == "pobj"]
    objs += [j for p in objs for j in p.children if j.dep_ == "conj"]
    return any(_lemma(p) in people for p in objs)


def _discussion_of_no_sides(state, t) -> bool:
    """A singular noun of discussing (row ``discussion_noun``) is talks only when two
    sides named hold it: the subject of "have" or "hold" names two or more actors ("the
    government and the federation had a detailed discussion"), or its "with" or
    "between" does ("a discussion with the rebels' leaders"); "a discussion on the
    budget", "the discussion in parliament" are none, and so is a bare "discussion" (the
    activity: "political discussion between X and Y has been frozen for years")."""
    cue = state.ctx.cue
    if t.lower_ not in cue["discussion_noun"]:
        return False
    if not any(k.dep_ in ("det", "poss") for k in t.children):
        return True  # "political discussion between X and Y has been frozen": the activity, no talks
    sides = [x for k in t.children if k.dep_ == "prep" and k.lower_ in ("with", "between") for x in k.subtree]
    held = t.dep_ == "dobj" and _lemma(t.head) in cue["hold_verb"]
    if held:
        sides += [x for k in t.head.children if k.dep_ == "nsubj" for x in k.subtree]
        if any(k.dep_ == "nsubj" and any(j.dep_ == "conj" and j.pos_ in ("NOUN", "PROPN") for j in k.subtree)
               for k in t.head.children):
            return False  # "the government and the union had a discussion": two sides
    return len(state.ctx.actors_in(sides)) < 2


def _inverted_negation(g) -> bool:
    """The verb ``g`` hangs, as the parser reads a fronted negation with inversion, on a
    negated auxiliary before its subject ("Not since 2019 have the two Koreas held talks",
    "Never before had the sides met")."""
    h = g.head
    subj = [k for k in g.children if k.dep_ in ("nsubj", "nsubjpass")]
    return g.dep_ == "ccomp" and h.i < g.i and _lemma(h) in ("have", "do", "be") and _negated(h) \
        and bool(subj) and h.i < subj[0].i
