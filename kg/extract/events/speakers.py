"""Who speaks: the speaker of a speech verb or noun, from its subject, its agent or the
persons told before it ("he said", "the government said", "the union announced"), and
who speaks with them ("X and Y announced")."""

from __future__ import annotations

from kg.extract.events.records import _track_parties
from kg.extract.events.syntax import _is_verb, _lemma, _sent


def _speaker(state, t, last_person, last_subject, allow_country=False):
    subj = [x for x in t.children if x.dep_ in ("nsubj",)]
    if not subj and t.dep_ in ("advcl", "conj", "xcomp") and _is_verb(t.head):
        subj = [x for x in t.head.children if x.dep_ == "nsubj"]
    if not subj and t.dep_ == "pcomp" and t.head.dep_ == "prep" and _is_verb(t.head.head):
        v = t.head.head
        if _lemma(v) in state.ctx.cue["quoting_verb"]:
            # "X was quoted as saying", "the agency quoted X as saying": the one quoted
            subj = [x for x in v.children if x.dep_ in ("dobj", "nsubjpass")]
        else:
            subj = [x for x in v.children if x.dep_ == "nsubj"]  # "X responded by accusing Y"
    h = t.head
    if not subj and t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and (
            h.dep_ == "ROOT" and any(k.dep_ == "ccomp" for k in t.children)
            # "The union's negotiator, X, announced that ...", parsed as a noun phrase
            or h.head.dep_ == "ROOT" and h.i > h.head.i and h.left_edge.i > 0 and t.doc[h.left_edge.i - 1].text == ","
            and (h.dep_ in ("npadvmod", "appos")
                 or h.dep_ == "dobj" and any(k.dep_ == "dobj" and k.i < h.i for k in h.head.children))):
        # "X has signed a deal, the Syrian presidency announced on Monday", parsed as a noun phrase
        subj = [h]
    if not subj and _lemma(t) in state.ctx.cue["passive_speech_verb"] | state.ctx.cue["passive_judging_verb"] \
            | state.ctx.cue["passive_publish_verb"]:
        # a passive told by its agent: "the deal, announced by X on Monday"
        subj = [p for k in t.children if k.dep_ == "agent" for p in k.children if p.dep_ == "pobj"]
    for s in subj:
        kinds = ("Person", "Organization") + (("Country",) if allow_country else ())
        names = state.ctx.actors_in(s.subtree, kinds)
        if names and _lemma(s) in state.ctx.cue["rank_and_file_noun"] and state.ctx.actor_of(s) is None:
            return None, s  # "workers of the company said": not the company speaking
        persons = state.ctx.actors_in([s], kinds) or _named_in_apposition(state, s) or _titled_before(
            state, s, last_person) or names
        if s.lower_ in ("he", "she") and s.conjuncts:
            persons = []  # "as he and X announced": "he" speaks, X with him (_co_speakers)
        if persons:
            return persons[0], s
        if s.lower_ in ("he", "she"):
            g = t
            for _ in range(4):
                if g.dep_ in ("ccomp", "conj", "advcl") and g.head.i != g.i:
                    g = g.head
                    for x in g.children:
                        if x.dep_ == "nsubj":
                            n = state.ctx.actors_in(x.subtree, ("Person",))
                            if n:
                                return n[0], s
                else:
                    break
            return _pronoun_speaker(state, t, last_person), s
        if s.lower_ in ("who",) and t.dep_ == "relcl":
            # "X, a spokesman for the front, who told reporters": the person the clause describes
            cur = t.head
            for _ in range(6):
                a = state.ctx.actor_of(cur)
                if a and a[1] == "Person":
                    return a[0], s
                if cur.dep_ not in ("pobj", "prep", "appos", "compound") or cur.head.i == cur.i:
                    break
                cur = cur.head
            return None, s
        if allow_country and s.lower_ == "it":
            return (last_subject[-1][0] if last_subject else None), s
        if allow_country and s.lower_ == "they":  # a plural: a government or a body, not one person
            groups = [a for a in last_subject if a[1] != "Person"]
            return (groups[-1][0] if groups else None), s
        if not names and not allow_country:
            own = _unnamed_for(state, s)
            if own is not None:  # "a senior Peruvian official told reporters": Peru speaks
                return own, s
        if _lemma(s) in state.ctx.cue["speaker_noun"] and not names and s.tag_ == "NN" and not state.ctx.actors_in(s.subtree):
            return (last_person[-1] if last_person else None), s
        if not names and not allow_country and _side_noun(state.ctx.cue, s):
            own = _government_of(state, s)
            if own is not None:  # "the Peruvian government said", "the government of Peru said"
                return own, s
        if not names and not allow_country and (sides := _sides_told_before(state, s)):
            return sides[0], s  # "Both sides said afterwards", after talks between X and Y
        if not names and not allow_country and _lemma(s) in state.ctx.cue["issuing_body_noun"] \
                and s.tag_ not in ("NNS", "NNPS"):
            own = _reported_country(state, t)
            if own is not None:  # "X urged restraint, the foreign ministry said": X's ministry
                return own, s
        if not names and not allow_country and t.tag_ == "VBD":  # (not a headline's "X's minister says")
            own = _minister_of(state, s)
            if own is not None:  # "Kenya's labour minister said", "the Kenyan trade minister said": Kenya
                return own, s
        if not names and not allow_country:
            own = _body_of(state, s)
            if own is not None:  # "a Peruvian government statement said", "a Peruvian ministry spokesperson said"
                return own, s
        if not names and s.tag_ == "NN" and any(d.dep_ == "det" and d.lower_ == "the" or _members_of(d)
                                                for d in s.children):
            if _lemma(s) in state.ctx.cue["statement_noun"]:
                # "..., the statement added": the issuer of the statement told before
                before = [c for c in state.cands if c.role == "speech" and c.trig.i < t.i and c.speaker]
                return (before[-1].speaker if before else None), s
            named = _named_before(state, s)
            if named is not None:  # "the union announced", after "the Tanner Union (TU)"
                return named, s
            if not allow_country and _lemma(s) in state.ctx.cue["government_noun"]:  # (statements only)
                named = _government_before(state, s)
                if named is not None:  # "the government welcomed", after "the Peruvian government"
                    return named, s
        if names:
            return names[0], s
        office = _leader_office(state, s)
        if office is not None:  # "the office of the President of X reported": X speaks
            return office, s
        return None, s
    return None, None


def _members_of(d) -> bool:
    """``d`` is "the teachers'" of "the teachers' union": a definite plural common noun
    that owns the noun it modifies, as "the" would ("the nurses' union said", the
    union told before)."""
    return d.dep_ == "poss" and d.tag_ == "NNS" and any(k.dep_ == "det" and k.lower_ == "the" for k in d.children)


def _reported_country(state, t):
    """The country that is the subject of the clause the speech verb ``t`` reports, when
    ``t`` comes after it ("X urged both sides to talk, the ministry said")."""
    for v in t.children:
        if v.dep_ == "ccomp" and v.i < t.i:
            for k in v.children:
                a = state.ctx.tok_actor.get(k.i)
                if k.dep_ == "nsubj" and a and a[1] == "Country":
                    return a[0]
    return None


def _leader_office(state, s):
    """The country whose leader's office ``s`` names ("the office of the President of X")."""
    cue = state.ctx.cue
    if _lemma(s) not in cue["leader_office_noun"] or s.i in state.ctx.tok_actor:
        return None
    if not any(_lemma(x) in cue["leader_office_word"] or x.lower_ in cue["leader_office_word"] for x in s.subtree):
        return None
    countries = state.ctx.actors_in(list(s.subtree), ("Country",))
    return countries[0] if countries else None


def _minister_of(state, s):
    """The country whose unnamed minister or leader ``s`` speaks, qualified by it and by
    nothing else: "Kenya's labour minister", "the Kenyan trade minister", "Peru's president"
    (row ``minister_noun`` and ``leader_rank_noun``); not "a minister" of no country, not
    someone's counterpart, and not "the Peruvian minister" when a Peruvian person is named
    before it (someone told before, or another; :func:`_titled_before` finds the one)."""
    cue = state.ctx.cue
    if _lemma(s) not in cue["minister_noun"] | cue["leader_rank_noun"] - {"counterpart"} or s.i in state.ctx.tok_actor \
            or s.tag_ not in ("NN", "NNP"):
        return None
    quals = [x for k in s.children if k.dep_ in ("amod", "compound", "poss", "nmod") for x in k.subtree]
    quals += [x for k in s.children if k.dep_ == "prep" and k.lower_ == "of" for x in k.subtree]
    found = {state.ctx.tok_actor[x.i] for x in quals if x.i in state.ctx.tok_actor}
    if len(found) != 1:
        return None
    ((name, kind),) = found
    if kind != "Country":
        return None
    if any(d.dep_ == "det" for d in s.children) and any(  # "the Peruvian minister", after a Peruvian named
            (a := state.ctx.tok_actor.get(i)) is not None and a[1] == "Person" and state.ctx.affiliation.get(a[0]) == name
            for i in range(s.i)):
        return None
    return name


def _titled_before(state, s, last_person) -> list[str]:
    """"The EU's top diplomat said", after "EU envoy X said": the person told before who
    is of the body that qualifies the definite speaker noun ``s``."""
    if _lemma(s) not in state.ctx.cue["speaker_noun"] or not any(d.lower_ == "the" for d in s.children):
        return []
    named = state.ctx.actors_in(list(s.subtree))
    if not named or any(state.ctx.kind_of.get(a) == "Person" for a in named):
        return []
    noun = state.ctx.cue["speaker_noun"]

    def fits(p):  # of that body, with no title of another kind ("the Peruvian minister": no president)
        held = set(state.ctx.titles.get(p, "").lower().split()) & noun
        return state.ctx.affiliation.get(p) == named[0] and (not held or _lemma(s) in held)

    return [p for p in reversed(last_person) if fits(p)][:1]


def _sole_holder(state, s) -> list[str]:
    """"The king urged", "the emir proposed" (row sole_title_noun, with "the" and nothing
    else): the one person of the document whose title has that word ("King of Jordan"). Read
    for proposers (:func:`~kg.extract.events.proposal_nouns._proposer`).

    >>> import spacy
    >>> doc = spacy.blank("en")("the king said")
    >>> doc[1].head, doc[1].dep_, doc[0].head, doc[0].dep_ = doc[2], "nsubj", doc[1], "det"
    >>> doc[1].lemma_ = "king"
    >>> class _S:
    ...     class ctx:
    ...         cue = {"sole_title_noun": frozenset({"king"})}
    ...         titles = {"Abdullah II": "King of Jordan", "Khalid Ali": "Foreign Minister of Jordan"}
    >>> _sole_holder(_S, doc[1])
    ['Abdullah II']
    """
    if _lemma(s) not in state.ctx.cue["sole_title_noun"] or [d.lower_ for d in s.children] != ["the"]:
        return []
    held = [p for p, title in state.ctx.titles.items() if _lemma(s) in title.lower().split()]
    return held if len(held) == 1 else []


def _pronoun_speaker(state, t, last_person):
    """Who "he" or "she" speaking at ``t`` is: the speaker of the statement told just before
    (in this sentence or the one before: "X, the envoy of Y, issued a statement ... he said"
    is X, not Y, the last person named) unless a person is the subject of a clause told
    since, else the last person named."""
    sent = _sent(t)
    lo = _sent(state.doc[sent.start - 1]).start if sent.start > 0 else sent.start
    before = [c for c in state.cands if c.role == "speech" and lo <= c.trig.i < t.i and c.speaker
              and state.ctx.kind_of.get(c.speaker) == "Person"]
    if before:
        # unless a person is the subject of a clause told since ("Y questioned ... he told")
        since = [n for x in state.doc[before[-1].trig.i + 1:t.i] if x.dep_ in ("nsubj", "nsubjpass")
                 for n in (state.ctx.actors_in([x], ("Person",)) or _named_in_apposition(state, x))]
        return since[-1] if since else before[-1].speaker
    return last_person[-1] if last_person else None


def _named_in_apposition(state, s) -> list[str]:
    """The person a subject noun names by apposition or compound ("the Front's lead
    negotiator, X, said", "the UN envoy X told"), not the body or person that qualifies it
    ("X's", "for X", "of X")."""
    out = []
    for x in s.subtree:
        a = state.ctx.tok_actor.get(x.i)
        if not a or a[1] != "Person" or a[0] in out:
            continue
        cur, direct = x, True
        while cur.i != s.i and cur.head.i != cur.i:
            if cur.dep_ in ("poss", "prep", "pobj", "relcl", "acl", "nmod", "conj"):
                direct = False
                break
            cur = cur.head
        if direct and cur.i == s.i:
            out.append(a[0])
    return out


def _government_of(state, s):
    """The country that qualifies the government noun ``s`` itself ("the Peruvian
    government", "Peru's government", "the government of Peru", "the Government of the
    Republic of Peru", "the Peruvian delegation")."""
    quals = [k for k in s.children if k.dep_ in ("amod", "compound", "poss", "nmod")]
    quals += [p for k in s.children if k.dep_ == "prep" and k.lower_ == "of" for p in k.children if p.dep_ == "pobj"]
    quals += [p for q in quals if _lemma(q) in state.ctx.cue["state_form_noun"]  # "of the Republic of Chile"
              for k in q.children if k.dep_ == "prep" and k.lower_ == "of" for p in k.children if p.dep_ == "pobj"]
    for k in quals:
        a = state.ctx.tok_actor.get(k.i)
        if a and a[1] == "Country":
            return a[0]
    return None


def _body_of(state, s):
    """The country whose government or ministry qualifies the statement or spokesperson
    noun ``s`` (of a body that speaks through them, not a leader or minister) ("a Peruvian government statement", "a Peruvian foreign ministry
    spokesperson", "Peru's trade ministry spokesman"): that country speaks, as in "the
    Peruvian government said"."""
    cue = state.ctx.cue
    if _lemma(s) not in cue["statement_noun"] and s.lower_ not in cue["relay_title"]:
        return None  # "the Thai government leader said": a person, not the body, speaks
    bodies = [k for k in s.children if k.dep_ == "compound" and _lemma(k) in cue["issuing_body_noun"]]
    if not bodies:
        return None
    for k in [x for b in bodies for x in b.subtree] + [k for k in s.children if k.dep_ in ("amod", "poss", "nmod")]:
        a = state.ctx.tok_actor.get(k.i)
        if a and a[1] == "Country":
            return a[0]
    return None


def _government_before(state, s):
    """The country whose government a definite "the government" names again: the country
    that qualified the last "government" told before ``s`` ("the Peruvian government ...
    the government")."""
    for i in range(s.i - 1, -1, -1):
        g = state.doc[i]
        if _lemma(g) != _lemma(s):
            continue
        for k in g.children:
            a = state.ctx.tok_actor.get(k.i)
            if k.dep_ in ("amod", "compound", "poss", "nmod") and a and a[1] == "Country":
                return a[0]
    return None


def _relayed(state, t, speaker):
    """A spokesperson who reports another's words ("X urged all sides to talk, the
    spokesman Y said") relays X's statement: its speaker is X."""
    if speaker is None or not set(state.ctx.titles.get(speaker, "").lower().split()) & state.ctx.cue["relay_title"]:
        return speaker
    for v in t.children:
        if v.dep_ != "ccomp" or not _is_verb(v) or v.i not in state.trig_tokens:
            continue
        inner = [n for k in v.children if k.dep_ == "nsubj" for n in state.ctx.actors_in(k.subtree, ("Person",))]
        if inner and inner[0] != speaker:
            return inner[0]
    return speaker


def _named_before(state, s):
    """The organisation a definite common noun names again: the last organisation
    told before ``s`` whose name holds that noun ("the Tanner Union ... the union"), or,
    for "the union", the last one whose name is that of a union of workers ("the United Mine
    Workers ... the union"; rows labour_union_noun, labour_union_name_end), and for a
    word of any body ("the organisation", "the alliance"; row body_anaphor_noun), the last
    organisation told before."""
    word = s.lower_
    for i in range(s.i - 1, -1, -1):
        a = state.ctx.tok_actor.get(i)
        if a and a[1] == "Organization" and word in a[0].lower().split():
            return a[0]
    if word in state.ctx.cue["body_anaphor_noun"]:  # "OPEC+ ... the organisation said": the last body told
        for i in range(s.i - 1, -1, -1):
            a = state.ctx.tok_actor.get(i)
            if a and a[1] == "Organization":
                return a[0]
    if word in state.ctx.cue["labour_union_noun"]:  # "United Auto Workers ... the union said"
        for i in range(s.i - 1, -1, -1):
            a = state.ctx.tok_actor.get(i)
            if a and a[1] == "Organization" and a[0].lower().split()[-1] in state.ctx.cue["labour_union_name_end"]:
                return a[0]
    return None


def _side_noun(cue, s) -> bool:
    """``s`` is a noun of a government or of a side's body (rows ``government_noun``,
    ``side_body_noun``: "the government", "the delegation")."""
    return _lemma(s) in cue["government_noun"] or _lemma(s) in cue["side_body_noun"]


def _sides_told_before(state, s) -> list[str]:
    """The sides that "both sides", "the two sides" or "the parties" (``s``: a plural noun of
    the row speaking_sides_noun after "both", "the two" or "the") stand for: the countries
    and bodies of the last event told before them that has two or more ("Chile and Peru held
    talks on Monday. In a joint statement, the two sides said ..."), or the two parties of
    the document's talks; none when no event before names two."""
    cue = state.ctx.cue
    if _lemma(s) not in cue["speaking_sides_noun"] or s.tag_ not in ("NNS", "NNPS") or s.i in state.ctx.tok_actor:
        return []
    mods = {k.lower_ for k in s.children if k.dep_ in ("det", "nummod", "predet", "amod")}
    if not (mods & {"both", "two"} or mods == {"the"} and _lemma(s) in ("side", "party")):
        return []  # ("the countries of the region", "three parties")
    for c in reversed([c for c in state.cands if c.role == "event" and c.trig.i < s.i]):
        # (the event's participants are found later, by the arguments stage: its actors when
        # the trigger named them, else the two sides its sentence names)
        sides = [a for a in c.actors if state.ctx.kind_of.get(a) in ("Country", "Organization")]
        if len(sides) < 2:
            named = state.ctx.actors_in(list(_sent(c.trig)), ("Country", "Organization"))
            if len(named) == 2:
                sides = named
        if len(sides) >= 2:
            # the two sides are the parties of the document's talks when it has two ("US
            # officials sat down with the Russian team ... Both sides confirmed": Russia and
            # Ukraine), else those of that event
            parties = [p for p in _track_parties(state) if p]
            return parties if len(parties) == 2 else sides
    return []


def _co_speakers(state, subj, speaker, sides) -> list[str]:
    """Who speaks with ``speaker``, conjoined to the subject ("X and Y announced"), or the
    other sides "both sides" stands for (``sides``: :func:`_sides_told_before` of the
    subject)."""
    if subj is None:
        return []
    if speaker in sides:
        return [a for a in sides if a != speaker]
    out = []
    kinds = ("Person", "Organization", "Country")
    for x in subj.conjuncts:  # the person a conjunct names, not the country of their title
        for a in (state.ctx.actors_in([x], kinds) or _named_in_apposition(state, x)
                  or state.ctx.actors_in(list(x.subtree), kinds)[:1]):
            if a != speaker and a not in out:
                out.append(a)
    return out


def _unnamed_for(state, s):
    """The country or body an unnamed official ``s`` speaks for: a noun of the row
    ``unnamed_speaker_noun`` told without "the" ("a senior Peruvian official", "Chilean
    diplomats", "an official from Peru", "two envoys of the Peruvian government"),
    qualified by a country or body of its own; a definite "the official" is someone told
    before, not the country. A written statement (row ``statement_noun``) told without
    "the" speaks for its issuers the same way ("a joint statement issued by Chile and
    Peru welcomed ...", "a Chilean communique said")."""
    cue = state.ctx.cue
    written = _lemma(s) in cue["statement_noun"] or _lemma(s) in cue["written_release_noun"] and any(
        k.dep_ in ("compound", "amod") for k in s.children)  # "an army release said", not "the release"
    if not (written or _lemma(s) in cue["unnamed_speaker_noun"]) or s.i in state.ctx.tok_actor:
        return None
    if any(k.dep_ == "det" and k.lower_ not in cue["unnamed_speaker_det"]
           or k.dep_ == "poss" and not written for k in s.children):
        return None
    quals = [x for k in s.children if k.dep_ in ("amod", "compound", "nmod", "poss") for x in k.subtree]
    quals += [x for k in s.children if k.dep_ == "prep" and k.lower_ in ("from", "of", "in", "at", "with", "by")
              for x in k.subtree]
    quals += [x for k in s.children if written and k.dep_ == "acl" and _lemma(k) in cue["statement_issue_verb"]
              for a in k.children if a.dep_ == "agent" for x in a.subtree]  # "a statement issued by X"
    for k in quals:
        a = state.ctx.tok_actor.get(k.i)
        if a and a[1] in ("Country", "Organization"):
            return a[0]
    return None
