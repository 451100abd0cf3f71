"""Tense: which way an underspecified date points.

:func:`guess_tense` reads the words of the clause around an expression;
:func:`tense_from_parse` reads the verb that governs it in a spaCy parse (its
``Tense`` and the auxiliaries "will", "shall", "'ll", "going to"). The pipeline
combines both (:func:`combine_tenses`): a future cue of the words wins ("planned
talks on Thursday"), then the parse, then the words' past.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from kg.extract.timex.lexicon import (
    FUTURE_CUES, FUTURE_CUES_BEFORE, PAST_VERBS, PUT_FORWARD_VERBS, WANTING_VERBS, _FUTURE_WORDS,
)

_FUTURE_RX = re.compile(r"(?<![\w'])(?:" + "|".join(FUTURE_CUES) + r")(?![\w])", re.I)
_CLAUSE_BREAK = re.compile(  # not the dots of "p.m." or "U.S.", not the colon of "9:45"
    r"(?<!\b[A-Za-z])\.|(?<!\d):|:(?!\d)|[;!?\n]|,|\b(?:said|says|told|announced|added|stated|wrote|that|and|but|while|when)\b", re.I
)
_FUTURE_BEFORE_RX = re.compile(r"(?<![\w'])(?:" + "|".join(FUTURE_CUES_BEFORE) + r")(?![\w])", re.I)
_PAST_RX = re.compile(r"\b(?:" + "|".join(PAST_VERBS) + r")\b|\b[a-z]{2,}(?<!need)(?<!speed)(?<!seed)(?<!hundred)ed\b")
#: A verb in the past before an expression in its clause ("that began in"), not a
#: participle of a plan ("expected in", "scheduled for").
_PAST_BEFORE_RX = re.compile(r"\b(?:" + "|".join(PAST_VERBS) + r")\b|\b(?!(?:expect|schedul|plann|propos|slat|arrang|"
                             r"intend|fix|set|due|aim|hop|want|need)ed\b)[a-z]{2,}(?<!need)(?<!speed)(?<!seed)(?<!hundred)ed\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def guess_tense(text: str, start: int, end: int) -> str | None:
    """Guess the tense of the clause around ``text[start:end]``.

    Returns ``"future"`` when a future cue (will, is due to, is set to,
    scheduled, as soon as...) is in the same clause, or in the clause before
    it across "and" or a comma ("will meet on Monday and sign on Tuesday");
    else ``"past"`` when a verb of the clause is in the past tense (was, had,
    met, -ed...); else ``None``.

    >>> s = "Talks will resume on Monday."
    >>> guess_tense(s, s.index("Monday"), s.index("Monday") + 6)
    'future'
    >>> s = "He said on Monday that talks will resume."
    >>> guess_tense(s, s.index("Monday"), s.index("Monday") + 6) is None
    True
    >>> s = "The envoys met in March."
    >>> guess_tense(s, s.index("March"), s.index("March") + 5)
    'past'
    """
    window = text[max(0, start - 100) : start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    before = window[breaks[-1].end() :] if breaks else window
    after = text[end : end + 60]
    b = _CLAUSE_BREAK.search(after)
    if b:
        after = after[: b.start()]
    raw = text[max(0, start - 100) : end + 60].lower()
    if any(w in raw for w in _FUTURE_WORDS):
        cue = max((m.end() for rx in (_FUTURE_RX, _FUTURE_BEFORE_RX) for m in rx.finditer(before)), default=None)
        if cue is not None and not _past_after_cue(before[cue:]):
            return "future"
        if _FUTURE_RX.search(after) and not _PAST_BEFORE_RX.search(before):
            # "the talks on Thursday will ...", not "the talks that began in January will
            # resume": a verb in the past before the expression is its own
            return "future"
        if breaks and breaks[-1].group().lower() in (",", "and") and not _PAST_RX.search(before):
            # "will meet on Monday and sign on Tuesday": the cue is one clause back
            prev_start = breaks[-2].end() if len(breaks) > 1 else 0
            if _FUTURE_RX.search(window[prev_start : breaks[-1].start()]):
                return "future"
    if _PAST_RX.search(before) or _PAST_RX.search(after):
        return "past"
    # "In March, the company sold...": the verb of the sentence
    s0 = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 200), start)), default=max(0, start - 200))
    s1 = _SENTENCE_END.search(text, end, end + 200)
    sentence = text[s0 : s1.start() if s1 else end + 200]
    if _PAST_RX.search(sentence) and not _FUTURE_RX.search(sentence):
        return "past"
    return None


_BE = re.compile(r"\b(?:be|been|being)\b", re.I)


_DET_NOUN = re.compile(r"\b(?:the|a|an|this|that|these|those|its|their|his|her|our)\s+(?:[\w'-]+\s+){0,3}?$", re.I)


def _past_after_cue(between: str) -> bool:
    """A past participle of a noun phrase stands between a future cue and the
    expression: "will monitor the deal clinched on Tuesday" (the deal's day, past),
    not the cue's own passive ("will be held on Tuesday") nor the verb of the clause
    the cue opens ("as soon as trading opened Monday", told ahead in the past).

    >>> _past_after_cue(" monitor the deal clinched on "), _past_after_cue(" be held on ")
    (True, False)
    >>> _past_after_cue(" trading opened ")
    False
    """
    if _BE.search(between):
        return False
    return any(_DET_NOUN.search(between[:m.start()]) for m in _PAST_BEFORE_RX.finditer(between))


def combine_tenses(parsed: str | None, worded: str | None) -> str | None:
    """The tense at an expression from the parse and from the words of its clause.

    >>> combine_tenses("past", "future"), combine_tenses("future", "past"), combine_tenses(None, "past")
    ('future', 'future', 'past')
    """
    if worded == "future":
        return "future"
    return parsed or worded


_FUTURE_AUX = frozenset(("will", "shall", "'ll", "wo", "going"))


def tense_from_parse(doc, offset: int = 0) -> Callable[[int], str | None]:
    """``tense_at(char)`` for the spaCy ``doc`` whose first character is at ``offset``.

    The tense is that of the verb governing the token at ``char``: "future" when it
    has the auxiliary will, shall, 'll or "going to", "past" when the verb or its
    auxiliary is in the past tense (``Tense=Past``, not a participle that only
    modifies a noun), else ``None``.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["Talks", "resumed", "on", "Monday"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 1, 1, 2], deps=["nsubj", "ROOT", "prep", "pobj"],
    ...           pos=["NOUN", "VERB", "ADP", "PROPN"], morphs=["", "Tense=Past|VerbForm=Fin", "", ""])
    >>> tense_from_parse(doc)(doc.text.index("Monday"))
    'past'
    """

    from spacy.attrs import IDX

    starts: list[int] = []  # token starts, built on first use (a bisection, not a scan, per date)

    def tense_at(char: int) -> str | None:
        if not starts:
            if len(doc):  # the token starts in one read (``Token.idx`` of each)
                starts.extend(doc.to_array(IDX).tolist())
                last = doc[len(doc) - 1]
            else:
                last = None
            # the text's length (doc.text would join every token's text again)
            starts.append(last.idx + len(last.text_with_ws) if last is not None else 0)
        tok = _token_at(doc, starts, char - offset)
        if tok is None:
            return None
        verb, below = tok, None
        for _ in range(8):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb, below = verb.head, verb
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in _FUTURE_AUX for a in aux):
            return "future"
        if _put_forward(verb, below, aux):
            return "future"  # "suggested that the leaders hold a summit in June": what is proposed
        if any(a.lower_ == "to" for a in aux) and _headline_infinitive(verb):
            return "future"  # a headline's "X and Y to resume talks Monday": what is to come
        if any("Past" in a.morph.get("Tense") and a.morph.get("VerbForm") == ["Fin"] for a in aux):
            return "past"
        if "Past" in verb.morph.get("Tense") and verb.morph.get("VerbForm") == ["Fin"]:
            return "past"
        return None

    return tense_at


def _put_forward(verb, below, aux) -> bool:
    """``verb`` tells what someone puts forward, not in the past of its own: the clause or
    infinitive of a verb of proposing (:data:`PUT_FORWARD_VERBS`: "suggested that the
    leaders hold a summit", "urged them to meet", "proposed that talks be held"), or the
    object of one of wanting in the present ("wants talks in May")."""
    if any("Past" in a.morph.get("Tense") for a in aux) or "Past" in verb.morph.get("Tense") and \
            verb.morph.get("VerbForm") == ["Fin"]:
        return False
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in PUT_FORWARD_VERBS:
        return True
    return (verb.lemma_.lower() in WANTING_VERBS and below is not None and below.dep_ == "dobj"
            and "Pres" in verb.morph.get("Tense"))


def _headline_infinitive(verb) -> bool:
    """``verb`` is the infinitive a headline's sentence is built on ("Ruritania,
    Freedonia to resume talks Monday"): the root, or a clause of a root noun in a
    sentence with no finite verb."""
    if verb.dep_ == "ROOT":
        return True
    return (verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN")
            and not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in verb.sent))


def _token_at(doc, starts: list[int], i: int):
    """The token covering character ``i``; ``starts`` are the token starts and the text's length."""
    if i < 0 or len(starts) < 2 or i >= starts[-1]:
        return None
    k = bisect_right(starts, i, hi=len(starts) - 1) - 1
    return doc[k] if k >= 0 else None
