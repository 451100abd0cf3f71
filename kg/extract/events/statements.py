"""Statements: speech verbs and nouns with their speaker and medium (from their triggers),
and, after coreference, one statement per speaker, medium and date with its time."""

from __future__ import annotations

from kg.extract.events.focus import _event_at, _event_in, _focus_before, _in_headline
from kg.extract.events.lexicon import _ANAPHORIC_DAY, _entries
from kg.extract.events.ranks import _leader_by_rank, _with_counterpart
from kg.extract.events.speakers import (
    _body_of, _co_speakers, _leader_office, _minister_of, _relayed, _reported_country, _side_noun, _sides_told_before,
    _speaker, _unnamed_for,
)
from kg.extract.events.state import Cand
from kg.extract.events.triggers import _event_verb
from kg.extract.events.syntax import (
    _climb, _embedding_speech, _future, _gov, _hypothetical, _is_verb, _lemma, _negated, _sent, _speech_lemma,
)
from kg.records import TimeValue


def _medium(state, t) -> tuple[str | None, list]:
    cue = state.ctx.cue
    toks = [t] + [x for c in t.children if c.dep_ in ("prep", "dobj", "dative", "advcl") for x in c.subtree]
    # the events a text told as the object names are no time of the words ("published the text of
    # a treaty initialled last week"), the statement nouns are ("gave an interview aired on Sunday")
    named = {x.i for c in t.children if c.dep_ == "dobj" for x in c.subtree
             if x.i in state.ctx.trig_at and state.ctx.trig_at[x.i].label_ != "Statement"}
    extra = [x for x in toks if x.i in state.trig_tokens and x.i != t.i and x.i not in named]
    lem = {_lemma(x) for x in toks} | {x.lower_ for x in toks}
    posted = any(_lemma(p) in cue["medium_post_noun"] for k in t.children if k.dep_ == "prep" and k.lower_ == "in"
                 for p in k.children if p.dep_ == "pobj")  # "X said in a post on social media"
    if _lemma(t) in cue["medium_post_verb"] or lem & cue["medium_post_platform"] or posted:
        return "post", extra
    if lem & cue["medium_interview"]:
        return "interview", extra
    if lem & cue["medium_address"] or _lemma(t) == "address" and not (lem & cue["medium_briefing"]):
        return "address", extra
    if lem & cue["medium_briefing"]:
        return "briefing", extra
    return None, extra


def _guest_at_a_place(state, t) -> bool:
    """The verb of welcome ``t`` has a guest as its object (a delegation, a person, a leader by
    rank) and a place it is done in: "X welcomed the Bolivian delegation in Lima", a meeting."""
    cue = state.ctx.cue
    guest = any(o.dep_ == "dobj" and (_lemma(o) in cue["delegation"] or _leader_by_rank(cue, o)
                                      or (state.ctx.actor_of(o) or ("", ""))[1] == "Person") for o in t.children)
    heads = [t] + [o for o in t.children if o.dep_ == "dobj"]  # ("the delegation in Lima", as parsed)
    return guest and any(k.dep_ == "prep" and k.lower_ in ("in", "at") and any(
        p.i in state.ctx.tok_place for p in k.subtree) for h in heads for k in h.children)


def _speech_verb(state, t, span, last_person, last_subject):
    if span is not None and _entries().get(span.kb_id_, {}).get("attribution"):
        _attribution(state, t, last_person)
        return
    if t.dep_ in ("amod", "compound") or _negated(t):
        return
    lem = _lemma(t)
    cue = state.ctx.cue
    if lem in cue["host_verb"] and (t.tag_ not in ("VBD", "VBN") and any(
            o.dep_ == "dobj" and (state.ctx.actor_of(o) or ("", ""))[1] == "Person" for o in t.children)
            or _guest_at_a_place(state, t)):
        # "we are preparing to welcome President X in August": a visit to come, not words of
        # welcome ("X welcomed the leaders" at a summit told in its own words stays as it was)
        n = len(state.cands)
        _event_verb(state, t, {"id": "receive", "class": "Meeting", "role": "event_verb"})
        if len(state.cands) > n:
            return
    if lem == "call" and not any(c.dep_ in ("oprd", "ccomp", "xcomp", "dobj") for c in t.children):
        return
    if lem in cue["judging_speech_verb"] and not any(c.dep_ in ("dobj", "oprd", "ccomp") for c in t.children):
        return  # "as praised by", "the accused": no judgement told
    if lem in cue["clause_speech_verb"] and not any(
            c.dep_ == "ccomp" or c.dep_ == "prep" and c.lower_ == "by" for c in t.children) and not any(
            x.is_quote for x in _sent(t)):
        return  # "the army responded with shelling": no words told
    if lem == "comment" and t.dep_ == "xcomp" and _lemma(t.head) in cue["no_comment_head"]:
        return  # "declined to comment"
    phoned = lem == "call" and not any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in t.children) and any(
        c.dep_ == "dobj" and (state.ctx.actors_in([c], ("Person",)) or _lemma(c) == "counterpart") for c in t.children)
    if lem == "play" and not any(c.lower_ == "down" for c in t.children):
        return
    if lem in ("brush",) and not any(c.lower_ == "aside" for c in t.children):
        return
    if lem in ("report",) and not any(c.dep_ in ("ccomp", "agent") for c in t.children):
        return  # ("this was reported by the ministry": the ministry's statement)
    if lem == "address" and not any(_lemma(x) in state.ctx.cue["medium_briefing"] | state.ctx.cue["address_audience"] for x in t.subtree):
        return
    if _hypothetical(t):
        return
    if lem in ("speak", "talk") and any(
        (k.dep_ == "prep" and k.lower_ in state.ctx.cue["call_prep"] and any(
            _lemma(x) in state.ctx.cue["call_noun"] or state.ctx.actor_of(x)
            or _lemma(x) in cue["leader_group"] and x.tag_ in ("NNS", "NNPS")
            or k.lower_ == "with" and x.dep_ == "pobj" and _leader_by_rank(cue, x)  # "talked with the Chilean president"
            for x in k.subtree))
        or k.dep_ == "advmod" and k.lower_ in ("directly",)
        for k in t.children
    ) or (lem in ("speak", "talk") and state.ctx.actors_in(
            [x for k in t.children if k.dep_ == "nsubj" for x in k.subtree], ("Person",)).__len__() >= 2) or phoned:
        # "X and Y spoke by phone", "X spoke with Y": a conversation, not a statement
        c = Cand("Meeting", "event", t)
        c.anchors = {t.i}
        subj = [x for k in t.children if k.dep_ in ("nsubj",) for x in k.subtree]
        withs = [x for k in t.children if k.dep_ == "prep" and k.lower_ == "with" or phoned and k.dep_ == "dobj"
                 for x in k.subtree]
        persons = state.ctx.actors_in(subj + withs, ("Person",))
        if not persons and any(x.lower_ in ("he", "she") for x in subj) and last_person:
            persons = [last_person[-1]] + state.ctx.actors_in(withs, ("Person",))
        c.actors = persons + [a for a in state.ctx.actors_in(subj + withs) if a not in persons]
        # "X spoke by phone with President Y", "X spoke with the leaders of both countries":
        # a conversation of leaders is a summit
        leaders = [state.ctx.is_leader(p) for p in persons]
        group = any(_lemma(x) in cue["leader_group"] and x.tag_ in ("NNS", "NNPS") and x.i not in state.ctx.tok_actor
                    for x in withs)
        if leaders and all(leaders) and (len(leaders) >= 2 or group):
            c.kind = "Summit"
        elif (held := _with_counterpart(state, t, subj)) is not None and not any(
                c.dep_ == "dobj" and c.i in state.ctx.tok_actor for c in t.children):
            c.kind = held  # "the minister called his counterpart": a meeting (a president's: a summit)
        state.cands.append(c)
        return
    if _embedding_speech(t) is not None:
        return
    speaker, subj = _speaker(state, t, last_person, last_subject)
    speaker = _relayed(state, t, speaker)
    lodged = span is not None and _entries().get(span.kb_id_, {}).get("written", False)
    written = lodged or any(k.dep_ == "prep" and k.lower_ == "in" and any(
        _lemma(p) in state.ctx.cue["statement_noun"] | state.ctx.cue["written_medium_noun"] for p in k.children)
        for k in t.children)
    if written:
        # "X and Y said in a joint statement", "In a statement, the leaders of X and Y said":
        # governments and bodies issue written statements
        subj_toks = [x for k in t.children if k.dep_ == "nsubj" for x in k.subtree]
        issuers = state.ctx.actors_in(subj_toks)
        if issuers and (speaker is None or state.ctx.kind_of.get(speaker) == "Country"
                        or speaker not in issuers):
            speaker = issuers[0]
            subj = next(k for k in t.children if k.dep_ == "nsubj")
    else:
        issuers = []
    # "Peru said on Friday": a country speaks in the past, on a day told with the verb; not
    # in the present of a standing position ("X says it owns the islands", "X denies")
    bare_country = not written and subj is not None and subj.pos_ == "PROPN" and t.tag_ == "VBD" \
        and state.ctx.tok_actor.get(subj.i, ("", ""))[1] == "Country" and any(
            x.i in state.ctx.tok_timex
            for x in [x for k in t.children if k.dep_ in ("prep", "npadvmod") for x in _own_time(k)]
            + [x for x in state.doc[t.i + 1:t.i + 4] if _day_of_a_verb(x)])  # (the parser may hang it on the clause)
    if bare_country and speaker is None:
        speaker = state.ctx.tok_actor[subj.i][0]  # "Peru said on Friday": the country speaks
    if speaker is None:
        return
    sides = _sides_told_before(state, subj) if subj is not None else []
    government = subj is not None and subj.i not in state.ctx.tok_actor and (
        _side_noun(cue, subj) or _leader_office(state, subj) is not None
        or _body_of(state, subj) is not None or _unnamed_for(state, subj) is not None
        or _minister_of(state, subj) is not None
        or bool(sides)
        or _lemma(subj) in cue["issuing_body_noun"] and _reported_country(state, t) == speaker)
    if state.ctx.kind_of.get(speaker) == "Country" and not written and not government and not bare_country:
        return
    c = Cand("Statement", "speech", t)
    c.speaker = speaker
    co = _co_speakers(state, subj, speaker, sides)
    c.actors = [speaker] + co + [a for a in issuers if a != speaker and a not in co]
    if lodged:  # "X lodged a protest with Y": Y, whom it is addressed to, takes part
        heads = [t] + [o for o in t.children if o.dep_ == "dobj"]
        c.actors += [a for a in state.ctx.actors_in([x for h in heads for k in h.children if k.dep_ == "prep"
                                                     and k.lower_ in ("with", "to", "against") for x in k.subtree])
                     if a not in c.actors]
    c.joint = frozenset([speaker] + co) if co else frozenset()
    c.separate = written and _another_statement(state, t)
    c.planned = _future(t)  # "the ministers will brief the parliament later that day"
    c.medium, extra = _medium(state, t)
    c.anchors = {t.i} | {x.i for x in extra}
    # "in an interview aired on Sunday": the medium's own clause dates the statement
    c.anchors |= {k.i for x in extra for k in x.children if k.dep_ in ("acl", "relcl") and _is_verb(k)}
    for k in t.children:
        if k.dep_ in ("advcl",) and _is_verb(k):
            c.anchors.add(k.i)
            m, ex = _medium(state, k)
            c.medium = c.medium or m
            c.anchors |= {x.i for x in ex}
    if _shares_date(state, t):
        c.anchors.add(t.head.i)  # "X met the envoy on Monday and said ...": the day of the first verb
    c.optimistic = any(_lemma(x) in state.ctx.cue["optimistic"] for x in t.subtree)
    if lem in state.ctx.cue["rejected"]:
        c.ref = "reject"
    start = min([subj.left_edge.i if subj is not None else t.i, t.i])
    end = t.i + 1
    for k in t.children:
        if k.dep_ in ("prep", "advmod", "npadvmod", "dobj", "prt") and k.i > t.i and k.right_edge.i - t.i < 12:
            end = max(end, k.right_edge.i + 1)
    if subj is not None and subj.i > t.i:
        end = max(end, subj.right_edge.i + 1)
        start = t.i
    c.spans.append((start, end))
    state.cands.append(c)
    last_person.append(speaker)


def _own_time(k) -> list:
    """The words of the preposition or noun phrase ``k`` of a verb that can be its own time:
    its object and what qualifies that ("on Friday", "in early April", "last week"), not a
    time inside another event it names ("before the outbreak of the war in April")."""
    head = k if k.dep_ == "npadvmod" else next((p for p in k.children if p.dep_ == "pobj"), None)
    if head is None:
        return []
    return [head] + [x for c in head.children if c.dep_ in ("compound", "amod", "nummod", "det", "npadvmod",
                                                              "nmod", "appos") for x in c.subtree]


def _day_of_a_verb(x) -> bool:
    """``x`` is a word of time a verb has as its own ("on Friday", "Friday"), not a word of a
    noun ("Tuesday's session")."""
    return (x.dep_ == "pobj" and x.head.dep_ == "prep" and _is_verb(x.head.head)
            or x.dep_ == "npadvmod" and _is_verb(x.head))


def _another_statement(state, t) -> bool:
    """``t`` tells of a written statement set apart: "said in an earlier statement"."""
    return any(k.dep_ == "prep" and k.lower_ == "in" and any(
        _lemma(p) in state.ctx.cue["statement_noun"] and any(
            m.dep_ == "amod" and m.lower_ in state.ctx.cue["another_statement_modifier"] for m in p.children)
        for p in k.children) for k in t.children)


def _attribution(state, t, last_person):
    """Words told on a person's authority ("according to X, the mediator has a plan",
    "the talks went well, according to negotiator X"): a statement by that person. Only
    a person, or a body of a side (row ``attribution_body_noun``: "according to the Peruvian
    foreign ministry" is a statement by that ministry, or by Peru when the ministry is no
    actor of its own): "according to the plan" or "according to a report" names no speaker."""
    objs = [p for k in [t] + [k for k in t.children if k.dep_ == "prep"] for p in k.children if p.dep_ == "pobj"]
    if not objs or _negated(t.head):
        return
    who = state.ctx.actor_of(objs[0])
    if _lemma(objs[0]) in state.ctx.cue["statement_noun"]:
        # "according to a statement by the ministry"; "according to a joint statement, X and Y
        # agreed": the issuers are the subject of the clause
        issuers = state.ctx.actors_in([x for x in objs[0].subtree if x.i != objs[0].i])
        if not issuers and any(k.lower_ == "joint" for k in objs[0].children) and _is_verb(t.head):
            issuers = state.ctx.actors_in([x for k in t.head.children if k.dep_ == "nsubj" for x in k.subtree])
        if not issuers:
            return
        persons = [a for a in issuers if state.ctx.kind_of.get(a) == "Person"]
        issuers = persons + [a for a in issuers if a not in persons]  # the leaders' joint statement: theirs
        who = (issuers[0], "")
    elif _lemma(objs[0]) in state.ctx.cue["attribution_body_noun"] and objs[0].tag_ in ("NN", "NNP"):
        # "according to the Peruvian foreign ministry", "according to Chile's army": the body
        # when it is a named actor, else the country that qualifies it
        body = who if who and who[1] in ("Organization", "Country") else None
        own = body[0] if body else next((a[0] for k in objs[0].children if k.dep_ in ("amod", "compound", "poss", "nmod")
                                         for x in k.subtree if (a := state.ctx.tok_actor.get(x.i))
                                         and a[1] in ("Country", "Organization")), None)
        if own is None:
            return
        who, issuers = (own, ""), [own]
    elif not who or who[1] != "Person":
        return
    else:
        issuers = [who[0]]
    c = Cand("Statement", "speech", t)
    c.speaker = who[0]
    c.actors = list(issuers)
    c.anchors = {t.i}
    c.spans.append((t.i, objs[0].right_edge.i + 1))
    state.cands.append(c)
    last_person.append(who[0])


def _shares_date(state, t) -> bool:
    """The speech verb ``t`` is the second of two verbs in the past with one subject
    ("The minister met the envoy the day before and said ..."), with no date of its
    own: a date of the first verb is the day of both."""
    h = t.head
    past = ("VBD", "VBN")
    if t.dep_ != "conj" or not _is_verb(h) or t.tag_ not in past or h.tag_ not in past or _future(h):
        return False
    if any(k.dep_ in ("nsubj", "nsubjpass") for k in t.children):
        return False
    return not any(_climb(span.root, set()).i == t.i for _, span in state.timexes if span.root.head.i != span.root.i)


def _speech_noun(state, t, last_person):
    g = _gov(t)
    if g is not None and g.i in state.trig_tokens and _speech_lemma(g):
        return
    if _address_to(state, t, last_person) or g is None:
        return
    if t.dep_ == "nsubj" and _lemma(t) in state.ctx.cue["statement_noun"]:
        _issued_statement(state, t, g)
        return
    if t.dep_ not in ("dobj", "pobj"):
        return
    if t.dep_ == "dobj" and _lemma(g) in state.ctx.cue["statement_read_verb"] and not any(
            x.dep_ == "nsubj" for x in g.children):
        _issued_statement(state, t, g)  # '"...," read a statement issued by X': the inverted subject
        return
    if t.dep_ == "pobj" and _lemma(t.head.head) in state.ctx.cue["no_comment_head"] or _negated(g):
        return  # "was not available for comment", "gave no interview"
    subj = [x for x in g.children if x.dep_ == "nsubj"]
    # a person's interview or remarks; a body's statement or press conference ("the ministry
    # issued a statement"); a government's written statement
    kinds = ("Person", "Organization") + (("Country",) if _lemma(t) in state.ctx.cue["statement_noun"] else ())
    names = state.ctx.actors_in([x for s in subj for x in s.subtree], ("Person",)) or [
        a for a in state.ctx.actors_in([s for s in subj], kinds)]
    if not names or _lemma(g) in ("follow",):
        return
    if any(k.dep_ == "poss" for k in t.children):
        return
    c = Cand("Statement", "speech", t)
    c.speaker = names[0]
    c.actors = [names[0]]
    issuers = state.ctx.actors_in([x for s in subj for x in [s, *s.conjuncts]], kinds)
    if _lemma(t) in state.ctx.cue["statement_noun"] and len(issuers) > 1 and names[0] in issuers and any(
            k.dep_ == "amod" and k.lower_ == "joint" for k in t.children):
        c.actors = list(issuers)  # "Kenya and Uganda issued a joint statement": both (each once)
        c.joint = frozenset(c.actors)
    c.medium = "address" if _lemma(t) in ("address", "speech") else _lemma(t)
    c.anchors = {t.i, g.i}
    c.planned = _future(g)  # "X will give details at a press conference on Tuesday"
    # the speaker may come after the medium ("In a televised address, X thanked ..."):
    # the evidence runs from whichever comes first to whichever ends last
    who = subj[0]
    c.spans.append((min(who.left_edge.i, t.left_edge.i, g.i), max(t.right_edge.i, who.right_edge.i, g.i) + 1))
    state.cands.append(c)
    last_person.append(names[0])


def _issued_statement(state, t, g):
    """A written statement that its issuer's name qualifies, as the subject of a verb that
    is no speech verb ("a Pacific Forum statement has it that ...", "the ministry's
    communique reads"): a statement by that issuer."""
    if _negated(g):
        return
    issuers = state.ctx.actors_in([x for x in t.subtree if x.i != t.i])
    if not issuers:
        return
    c = Cand("Statement", "speech", t)
    c.speaker = issuers[0]
    c.actors = list(issuers)
    c.medium = "statement"
    c.anchors = {t.i, g.i}
    c.spans.append((t.left_edge.i, t.right_edge.i + 1))
    state.cands.append(c)


def _address_to(state, t, last_person) -> bool:
    """A speech or address of someone's to an assembly or a body ("in his address to the
    parliament", "X's speech to the Assembly"): a statement by that person."""
    cue = state.ctx.cue
    if _lemma(t) not in ("address", "speech"):
        return False
    poss = [k for k in t.children if k.dep_ == "poss"]
    near = list(t.children)
    if t.dep_ == "pobj" and t.head.head.pos_ == "NOUN":  # "her message in her address to the senate"
        near += [k for k in t.head.head.children if k.i > t.i]
    to = [x for k in near if k.dep_ == "prep" and k.lower_ == "to" for x in k.subtree]
    if not poss or not to or not (any(_lemma(x) in cue["address_audience"] | cue["address_body"] for x in to)
                                  or state.ctx.actors_in(to, ("Organization", "Country"))):
        return False
    names = state.ctx.actors_in(poss[0].subtree, ("Person",))
    before = state.ctx.actors_in(state.doc[_sent(t).start:t.i], ("Person",)) or last_person
    who = names[0] if names else (before[-1] if poss[0].lower_ in ("his", "her") and before else None)
    if who is None:
        return False
    c = Cand("Statement", "speech", t)
    c.speaker = who
    c.actors = [who]
    c.medium = "address"
    c.to_body = True
    c.anchors = {t.i}
    c.spans.append((t.left_edge.i, t.right_edge.i + 1))
    state.cands.append(c)
    last_person.append(who)
    return True


def _statements(state):
    stmts = [c for c in state.cands if c.role == "speech"]
    state.statements = []
    current: dict[tuple, Cand] = {}
    for s in stmts:
        _statement_time(state, s)
        # one speaker's statements, and those told jointly with others, apart ("X and Y
        # announced ... X said": two statements)
        key = (s.speaker, getattr(s, "joint", frozenset()))
        prev = current.get(key)
        if prev is not None and _same_statement(state, prev, s):
            _merge_statement(state, prev, s)
        else:
            if prev is None or not _past_perfect(s.trig):  # (what one had said before stays aside)
                current[key] = s
            state.statements.append(s)
    _headline_heads(state)


def _headline_heads(state):
    """A headline's statement by a body or a country named with the rank of its head (row
    ``head_rank_noun``: "UN chief hails resumed talks", "Iran president vows reply") is the
    statement the story then tells of that body's person who spoke, on the same day (the first
    statement by a person whose affiliation is that body): one statement, the person's."""
    cue = state.ctx.cue
    for h in [s for s in state.statements if s.target is None and _in_headline(state, s)]:
        if state.ctx.kind_of.get(h.speaker) not in ("Organization", "Country"):
            continue
        subj = [x for k in h.trig.children if k.dep_ in ("nsubj", "nsubjpass") for x in k.subtree]
        if not any(_lemma(x) in cue["head_rank_noun"] for x in subj):
            continue
        for b in state.statements:
            if b is h or b.target is not None or _in_headline(state, b) or b.pos < h.pos:
                continue
            if state.ctx.kind_of.get(b.speaker) == "Person" and state.ctx.affiliation.get(b.speaker) == h.speaker \
                    and _same_statement(state, b, h):
                _merge_statement(state, b, h)
                break
    state.statements = [s for s in state.statements if s.target is None]


def _same_statement(state, a: Cand, b: Cand) -> bool:
    if getattr(b, "separate", False):
        return False  # "X said in an earlier statement": not the statement told before
    if bool(getattr(a, "planned", False)) != bool(getattr(b, "planned", False)):
        return False  # "X confirmed the deal ... at a press conference X will hold": two
    if a.medium and b.medium and a.medium != b.medium:
        return False
    if getattr(a, "to_body", False) != getattr(b, "to_body", False):
        return False  # "X said ... X's address to the parliament": a speech of its own
    for x, y in ((a, b), (b, a)):  # "the union announced ... last week, the union had said": an earlier one
        if y.time is not None and y.time.granularity != "ref" and _past_perfect(y.trig) and not _past_perfect(x.trig):
            return False
    ta, tb = a.time, b.time
    if ta and tb and ta.earliest and tb.earliest and ta.granularity == "day" and tb.granularity == "day" and ta.earliest != tb.earliest:
        return False
    return True


def _past_perfect(t) -> bool:
    """``t`` is a verb in the past perfect ("had said")."""
    return t.tag_ == "VBN" and any(k.dep_ == "aux" and k.lower_ in ("had", "'d") for k in t.children)


def _merge_statement(state, a: Cand, b: Cand):
    b.target = a
    a.medium = a.medium or b.medium
    if a.time is None or (a.time.granularity != "day" and b.time is not None and b.time.granularity == "day"):
        if b.time is not None:
            a.time = b.time
    a.earliest = a.earliest or b.earliest
    if b.latest and (a.latest is None or b.latest < a.latest):
        a.latest = b.latest
    a.spans += b.spans
    a.optimistic = a.optimistic or b.optimistic
    if b.responds is not None and a.responds is None:
        a.responds = b.responds
    if getattr(b, "ref", None) == "reject":
        a.reject_toks = getattr(a, "reject_toks", []) + [b.trig]


def _statement_time(state, s: Cand):
    word = getattr(s, "ctx_word", None)
    if s.time is not None and _ANAPHORIC_DAY.search(s.time.text or ""):
        f = _focus_before(state, s.pos)
        if f is not None and f.time is not None and f.time.granularity == "day":
            s.time = TimeValue(s.time.text, s.time.timex if s.time.earliest == f.time.earliest else f.time.earliest.isoformat(),
                               f.time.earliest, f.time.latest, "day", s.time.mention)
    if s.time is not None:
        return
    if word is None:
        said = _passive_by_speaker(state, s)
        if said is not None:  # "this was revealed by X at a briefing on Friday. X said ...": that day
            s.time = said
            return
    if word in ("after", "afterwards", "after_clause"):
        ref = None
        if word == "after" and getattr(s, "ctx_tok", None) is not None:
            ref = _event_at(state, s.ctx_tok)
        if ref is None and word == "after_clause":
            ev = _event_in(state, getattr(s, "ctx_clause", None))
            ref = ev
            if ref is None:
                d = _last_day_before(state, s.pos)
                if d is not None:
                    s.earliest = d
                    return
        if ref is None:
            ref = _focus_before(state, s.pos)
        if ref is not None:
            s.earliest = ref.time.earliest if ref.time else None
    elif word in state.ctx.cue["statement_context_word"]:
        ref = _event_at(state, s.ctx_tok) if getattr(s, "ctx_tok", None) is not None else _focus_before(state, s.pos)
        if ref is not None and ref.time is not None:
            s.time = ref.time
    elif word == "before_clause":
        ev = _event_in(state, getattr(s, "ctx_clause", None))
        if ev is not None and ev.time and ev.time.earliest:
            s.latest = ev.time.earliest
        elif getattr(s, "delegations", False):
            ref = _focus_before(state, s.pos)
            if ref is not None and ref.time is not None:
                s.time = ref.time


def _passive_by_speaker(state, s: Cand):
    """The day of a passive speech verb whose agent is ``s``'s speaker, in the
    sentence of ``s`` or the one before it ("This was announced by X at a briefing
    on Monday. X said ..."): the same statement, dated there."""
    if s.speaker is None:
        return None
    sent = _sent(s.trig)
    lo = _sent(state.doc[sent.start - 1]).start if sent.start > 0 else sent.start
    for i in range(lo, s.trig.i):
        v = state.doc[i]
        if not (v.i in state.trig_tokens and _speech_lemma(v)) or v.i == s.trig.i:
            continue
        agents = [x for k in v.children if k.dep_ == "agent" for x in k.subtree]
        if s.speaker not in state.ctx.actors_in(agents, ("Person", "Organization", "Country")):
            continue
        for tv, span in state.timexes:
            if (tv.granularity == "day" and tv.earliest is not None and span.start >= lo
                    and span.end <= sent.end and _climb(span.root, set()).i == v.i):
                return tv
    return None


def _last_day_before(state, pos):
    best = None
    for tv, span in state.timexes:
        if span.end <= pos and tv.granularity == "day":
            best = tv.earliest
    return best


def _last_statement(state, pos, speaker, exclude):
    best = None
    for p in state.cands:
        if p.role == "speech" and p.pos < pos and p.root() is not exclude and (speaker is None or p.speaker == speaker):
            best = p.root()
    return best
