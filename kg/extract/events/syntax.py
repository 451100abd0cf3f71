"""Small questions about the dependency parse that every stage asks
(the governing verb, tense and modality, negation, the reporting verb)."""

from __future__ import annotations

from spacy.attrs import LEMMA
from spacy.parts_of_speech import IDS as _POS_IDS

from kg.extract.events.lexicon import cues, dependency_anchors
from kg.extract.events.state import _CTX

_NONE = -1  # a memo's "no token" (token indices are never negative)


def _memo(t, name: str) -> dict | None:
    """The memo ``name`` of the document being extracted, for questions about its
    tokens that every stage asks again (a memo maps a token index to the answer),
    or None outside an extraction or for a token of another Doc. The parse does not
    change while a document is extracted, so an answer found once holds for it."""
    ctx = _CTX[-1] if _CTX else None
    if ctx is None or t.doc is not ctx.doc:
        return None
    memo = ctx.memo.get(name)
    if memo is None:
        memo = ctx.memo[name] = {}
    return memo


def _token_memo(t, name: str, find):
    """``find(t)``, a token or None, remembered by index in the memo ``name``."""
    memo = _memo(t, name)
    if memo is None:
        return find(t)
    i = memo.get(t.i)
    if i is None:
        found = find(t)
        memo[t.i] = _NONE if found is None else found.i
        return found
    return None if i == _NONE else t.doc[i]


def _flag_memo(t, name: str, find):
    """``find(t)``, a value that is never None (True or False, a set of words),
    remembered by index in the memo ``name``."""
    memo = _memo(t, name)
    if memo is None:
        return find(t)
    found = memo.get(t.i)
    if found is None:
        found = memo[t.i] = find(t)
    return found


def _sent(t):
    """The sentence of the token ``t``, as ``t.sent`` gives it, read from the table of
    the document being extracted (:attr:`~kg.extract.events.state._Ctx.sent_of`):
    ``t.sent`` slices the document and walks to both ends of the sentence at each call.
    Outside an extraction, for a token of another Doc, or where the document has hooks
    of its own for sentences, ``t.sent`` itself."""
    ctx = _CTX[-1] if _CTX else None
    if ctx is None or ctx.sent_of is None or t.doc is not ctx.doc:
        return t.sent
    return ctx.sent_of[t.i]


#: The lower-case form of each lemma met, by the lemma's id (``Token.lemma``, the hash
#: of ``Token.lemma_``): ``lemma_`` looks the string up and ``lower()`` copies it at
#: every call, and the rules ask for the lemmas of the same words again and again.
_LOWER_LEMMA: dict[int, str] = {}


def _lemma(t) -> str:
    lower = _LOWER_LEMMA.get(t.lemma)
    if lower is not None:
        return lower
    lemma = t.lemma_
    if not lemma:
        return t.text.lower()
    lower = _LOWER_LEMMA[t.lemma] = lemma.lower()
    return lower


def _lemmas(ctx) -> list[str]:
    """:func:`_lemma` of every token of the document of ``ctx``, by index (made once):
    the lemma ids are read with one ``Doc.to_array`` and a Token is made only for a
    lemma :func:`_lemma` has not met yet (or an empty one, whose word it reads)."""
    lemmas = ctx.memo.get("lemma_list")
    if lemmas is None:
        doc = ctx.doc
        lemmas = [_LOWER_LEMMA.get(k) for k in doc.to_array(LEMMA).tolist()] if len(doc) else []
        for i, lower in enumerate(lemmas):
            if lower is None:
                lemmas[i] = _lemma(doc[i])
        ctx.memo["lemma_list"] = lemmas
    return lemmas


def _with_lemma(state, lemmas):
    """The tokens of the sentences of ``state`` whose :func:`_lemma` is one of ``lemmas``,
    in the order of the text: a Token is made for these only, where a rule that reads
    only such words would test every word of the document.

    >>> import spacy
    >>> from kg.extract.events.state import State, _Ctx
    >>> from kg.records import Document
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("sentencizer")
    >>> doc = nlp("They met. They met again.")
    >>> ctx = _Ctx(doc, Document("d", "d.txt", doc.text, "0"), (), (), ())
    >>> [t.i for t in _with_lemma(State.of(ctx), {"met"})]
    [1, 4]
    """
    lemma_of = _lemmas(state.ctx)
    doc = state.doc
    for sent in state.sents:
        for i in range(sent.start, sent.end):
            if lemma_of[i] in lemmas:
                yield doc[i]


#: The ids of the parts of speech "VERB" and "AUX" (``Token.pos`` is the id of ``Token.pos_``).
_VERB_POS = frozenset((_POS_IDS["VERB"], _POS_IDS["AUX"]))


def _is_verb(t) -> bool:
    return t.pos in _VERB_POS


def _gov(t):
    """The verb governing a noun (climbing through nominal and prepositional links)."""
    return _token_memo(t, "gov", _find_gov)


def _find_gov(t):
    cur = t
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis") and not _is_verb(cur):
            return None
        cur = cur.head
        if _is_verb(cur):
            return cur
    return None


def _main_gov(t):
    """Like :func:`_gov`, but a misparsed reduced clause ("X, pencilled in for May,
    was pushed back") hands over to the main verb that lacks a subject."""
    g = _gov(t)
    if g is not None and g.dep_ == "advcl" and g.tag_ == "VBN" and not _aux(g) and g.head.i != g.i:
        h = g.head
        if _is_verb(h) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in h.children):
            return h
    return g


def _verbal(c) -> bool:
    """The candidate's trigger is used as a verb (not a noun the tagger took for one)."""
    return _is_verb(c.trig) and (c.role != "event" or not getattr(c, "nominal", False))


def _climb(t, stop: set[int]):
    """The first verb or stop token above ``t`` (the place a modifier attaches)."""
    cur = t
    for _ in range(8):
        if cur.i in stop and cur is not t:
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
        if cur.i in stop or _is_verb(cur):
            return cur
    return cur


def _aux(t) -> frozenset[str]:
    """The lower-case auxiliaries of ``t`` ("will", "has", "been")."""
    return _flag_memo(t, "aux", _find_aux)


def _find_aux(t) -> frozenset[str]:
    return frozenset(c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass"))


def _future(t) -> bool:
    return _flag_memo(t, "future", _find_future)


def _find_future(t) -> bool:
    a = _aux(t)
    if a & cues()["future_aux_word"]:
        return True
    return any(c.lower_ == "going" for c in t.children if c.dep_ == "aux")


def _habitual(v) -> bool:
    """The verb ``v`` is told with a word of habit (row ``habitual_word``: "the envoys
    usually meet", "talks resume every spring"): no particular event."""
    words = cues()["habitual_word"]
    return any(x.lower_ in words for k in v.children if k.dep_ in ("advmod", "npadvmod") for x in k.subtree)


def _phrasal(v, row: str, deps=("prt", "advmod")) -> bool:
    """``v`` with one of its particles (children of ``deps``) is a phrase of the lexicon
    row ``row``, whose entries are "lemma particle" ("called off", "fell apart")."""
    words, lem = cues()[row], _lemma(v)
    return any(f"{lem} {k.lower_}" in words for k in v.children if k.dep_ in deps)


def _perfect(t) -> bool:
    return bool(_aux(t) & cues()["perfect_aux_word"])


def _negated(t) -> bool:
    return _flag_memo(t, "negated", _find_negated)


def _find_negated(t) -> bool:
    if any(c.dep_ == "neg" for c in t.children):
        return True
    for c in t.children:
        if c.dep_ in ("nsubj", "nsubjpass") and any(
            d.lower_ in cues()["negative_subject_word"] for d in c.subtree
        ):
            return True
    return False


def _hypothetical(t) -> bool:
    """``t`` (a verb) is in a whether/if/unless clause or under could/might."""
    return _flag_memo(t, "hypothetical", _find_hypothetical)


def _find_hypothetical(t) -> bool:
    cur = t
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in cues()["hypothetical_mark"] for c in cur.children):
            return True
        if cur.dep_ in ("ccomp", "advcl", "xcomp", "conj", "relcl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return False


def _under_way(v) -> bool:
    """``v`` is "be" with "under way", "underway" or "ongoing" ("talks that have been under way"):
    the ``under_way`` rows of ``patterns.jsonl``, matched once per document."""
    ctx = _CTX[-1] if _CTX else None
    if ctx is not None and ctx.doc is v.doc:
        return v.i in ctx.under_way
    return v.i in dependency_anchors(v.doc, "under_way")


def _has_to(t) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)


def _timetabled(t) -> bool:
    """``t`` is the to-infinitive of the "be to" of a timetable: "Britain is to present new
    proposals", "was to table a plan on Friday", a spokesman said; or of a verb or adjective
    of planning (row status_planned_head): "is expected to table", "is due to present",
    "plans to propose" (what it tells is to come).

    >>> import spacy
    >>> doc = spacy.blank("en")("Peru is to present a plan")
    >>> for i, (head, dep) in enumerate([(1, "nsubj"), (1, "ROOT"), (3, "aux"), (1, "xcomp"), (5, "det"),
    ...                                  (3, "dobj")]):
    ...     doc[i].head, doc[i].dep_ = doc[head], dep
    >>> doc[1].lemma_, doc[1].tag_ = "be", "VBZ"
    >>> _timetabled(doc[3]), _be_to_inf(doc[3]), _be_to_inf(doc[1])
    (True, True, False)
    """
    g = t.head
    if t.dep_ != "xcomp" or not _has_to(t) or _negated(g):
        return False
    return _be_to_inf(t) or _lemma(g) in cues()["status_planned_head"]


def _be_to_inf(t) -> bool:
    """``t`` is the to-infinitive of a "be to" in the present or the past ("is to present",
    "were to meet"), negated or not (the example is :func:`_timetabled`'s)."""
    return t.dep_ == "xcomp" and _has_to(t) and _lemma(t.head) == "be" and t.head.tag_ in ("VBZ", "VBP", "VBD")


def _speech_lemma(t) -> bool:
    e = _entry_for(t)
    return e is not None and e["role"] in ("speech",)


def _entry_for(t):
    """The trigger lexicon entry of the trigger at ``t``, or None."""
    ctx = _CTX[-1] if _CTX else None
    if ctx is None:
        return None
    return ctx.entry_at.get(t.i)


def _embedding_speech(t):
    """The speech verb that reports the clause of ``t`` ("X said that ... t")."""
    cur = t
    crossed = False
    for _ in range(10):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ in ("advcl", "relcl", "acl") and not crossed and cur is not t:
            return None
        if cur.dep_ in ("advcl",) and cur is t and cur.tag_ != "VBG":
            return None
        if cur.dep_ in ("ccomp", "xcomp", "parataxis") and _is_verb(cur):
            crossed = True
        cur = cur.head
        if crossed and _is_verb(cur) and _speech_lemma(cur):
            return cur
    return None


def _present(v) -> bool:
    """The finite form of ``v`` (its own tag or its auxiliary's) is the present, not
    the past or a modal, and ``v`` is not hypothetical."""
    tags = _finite_tags(v)
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "MD"} and not _hypothetical(v)


def _finite_tags(v) -> set[str]:
    """The tags of ``v``'s auxiliaries, or its own tag when it has none: where its tense shows."""
    aux = [k for k in v.children if k.dep_ in ("aux", "auxpass")]
    return {k.tag_ for k in aux} if aux else {v.tag_}


def _first_conjunct(t):
    """The first of the words joined with ``t`` ("X" of "X and Y"), or ``t`` itself: what a
    relative clause hung on the last of them tells of ("X and Y, who met in Havana").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> doc = Doc(spacy.blank("en").vocab, words=["X", "and", "Y"], heads=[0, 0, 0], deps=["ROOT", "cc", "conj"])
    >>> _first_conjunct(doc[2]).text
    'X'
    """
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    return t

