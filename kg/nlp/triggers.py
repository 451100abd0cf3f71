"""The ``kg_triggers`` spaCy component: marks event, statement, proposal and
agreement triggers from the lexicon ``ontology/lexicon/triggers.jsonl``.

It only annotates: ``doc.spans["kg_triggers"]`` gets one span per trigger with
``label_`` = the class ("NegotiationRound", "Statement", "Proposal",
"Agreement"...) and ``kb_id_`` = the lexicon entry id. Deciding what is an
event is the job of :mod:`kg.extract.events`.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_triggers")
>>> doc = nlp("A ceasefire was declared after the summit.")
>>> [(s.text, s.label_) for s in doc.spans["kg_triggers"]]
[('ceasefire', 'Ceasefire'), ('summit', 'Summit')]
"""

from __future__ import annotations

import json
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.resources import ontology_file

__all__ = ["TRIGGERS_KEY", "TriggerTagger", "load_lexicon"]

TRIGGERS_KEY = "kg_triggers"


@lru_cache(maxsize=None)
def load_lexicon(name: str = "triggers.jsonl") -> tuple[dict, ...]:
    """The entries of a JSONL lexicon in ``ontology/lexicon/``.

    >>> any(e["id"] == "round" for e in load_lexicon())
    True
    """
    path = ontology_file(f"lexicon/{name}")
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entries.append(json.loads(line))
    return tuple(entries)


def _relax(pattern: list[dict], has_pos: bool, has_lemma: bool) -> list[dict]:
    """Without a tagger/lemmatizer, match on the lower-cased form only."""
    out = []
    for tok in pattern:
        tok = dict(tok)
        if not has_pos:
            tok.pop("POS", None)
            tok.pop("TAG", None)
        if not has_lemma and "LEMMA" in tok:
            tok["LOWER"] = tok.pop("LEMMA")
        out.append(tok)
    return out


#: Token attributes the fixed-length fast path compares (spaCy Matcher names).
_FAST_ATTRS = {"LOWER": "lower_", "LEMMA": "lemma_", "POS": "pos_", "TAG": "tag_", "DEP": "dep_"}


def _fast_token(tok: dict) -> dict[str, tuple[frozenset[str], bool]] | None:
    """A token pattern as attribute -> (values, refused): the values accepted, or with
    ``refused`` (``NOT_IN``) the values that fail; None when it needs the spaCy Matcher
    (operators, other attributes, other predicates)."""
    out = {}
    for key, value in tok.items():
        if key not in _FAST_ATTRS:
            return None
        if isinstance(value, str):
            out[key] = (frozenset([value]), False)
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"} \
                and all(isinstance(v, str) for v in next(iter(value.values()))):
            (op, values), = value.items()
            out[key] = (frozenset(values), op == "NOT_IN")
        else:
            return None
    return out


class _FixedMatcher:
    """Fixed-length token patterns on LOWER, LEMMA, POS, TAG and DEP (exact, IN or NOT_IN),
    found through an index of their first token's lower-case form or lemma: the
    same matches as spaCy's ``Matcher`` for such patterns, without testing every
    pattern at every token.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> m = _FixedMatcher()
    >>> m.add("truce", [{"LOWER": {"IN": ["truce", "ceasefire"]}}])
    True
    >>> m.add("peace-talks", [{"LOWER": "peace"}, {"LOWER": "talks"}])
    True
    >>> m.add("any-talks", [{"OP": "?"}, {"LOWER": "talks"}])  # for spaCy's Matcher
    False
    >>> m.add("talks-not-on", [{"LOWER": "talks"}, {"LOWER": {"NOT_IN": ["on"]}}])
    True
    >>> [(k, s, e) for k, s, e in m(nlp("A truce, then peace talks."))]
    [('truce', 1, 2), ('peace-talks', 4, 6), ('talks-not-on', 5, 7)]
    """

    def __init__(self) -> None:
        self.by_lower: dict[str, list[tuple[str, tuple]]] = {}
        self.by_lemma: dict[str, list[tuple[str, tuple]]] = {}
        self._ids: tuple[dict, dict] | None = None  # the two indices by string id, made on first use

    def add(self, key: str, pattern: list[dict]) -> bool:
        """Index ``pattern`` under ``key``; False (nothing added) when it needs the Matcher."""
        toks = [_fast_token(t) for t in pattern]
        if not toks or any(t is None for t in toks):
            return False
        first = {a: v for a, (v, refused) in toks[0].items() if not refused and a in ("LOWER", "LEMMA")}
        if not first:
            return False  # the first token is found through an index of what it is
        entry = (key, tuple(tuple(sorted(t.items())) for t in toks))
        index, values = (self.by_lower, first["LOWER"]) if "LOWER" in first else (self.by_lemma, first["LEMMA"])
        for v in values:
            index.setdefault(v, []).append(entry)
        self._ids = None
        return True

    def _by_id(self) -> tuple[dict, dict]:
        """The two indices keyed by the id of the word (``Token.lower`` and ``Token.lemma``
        are the ids of ``lower_`` and ``lemma_``, compared as spaCy's Matcher compares them)."""
        if self._ids is None:
            from spacy.strings import get_string_id

            self._ids = ({get_string_id(k): v for k, v in self.by_lower.items()},
                         {get_string_id(k): v for k, v in self.by_lemma.items()})
        return self._ids

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        out = []
        n = len(doc)
        if not n:
            return out
        by_lower, by_lemma_id = self._by_id()
        # the ids of each token's lower-case form and lemma in one read: a Token is made
        # only where a pattern may start
        for i, (lower, lemma) in enumerate(doc.to_array([LOWER, LEMMA]).tolist()):
            found = by_lower.get(lower, [])
            by_lemma = by_lemma_id.get(lemma)
            if by_lemma:
                found = found + by_lemma
            for key, toks in found:
                end = i + len(toks)
                if end <= n and all((getattr(doc[i + k], _FAST_ATTRS[attr]) in values) is not refused
                                    for k, t in enumerate(toks) for attr, (values, refused) in t):
                    out.append((key, i, end))
        return out


#: Token attributes whose literal values the first token of a Matcher pattern may require.
_FIRST_ATTRS = ("LOWER", "LEMMA", "ORTH", "POS", "TAG")


def _first_words(pattern: list[dict]) -> dict[str, frozenset[str]] | None:
    """What the first token of ``pattern`` must be, as attribute -> the values it accepts
    (those of :data:`_FIRST_ATTRS` given as a word or an ``IN`` list); None when a match
    may start without it (an operator that lets it be absent).

    >>> first = _first_words([{"LEMMA": {"IN": ["stop", "halt"]}, "POS": "VERB"}, {"LOWER": "all", "OP": "?"}])
    >>> {k: sorted(v) for k, v in first.items()}
    {'LEMMA': ['halt', 'stop'], 'POS': ['VERB']}
    >>> _first_words([{"LOWER": "all", "OP": "?"}]) is None
    True
    """
    if not pattern or pattern[0].get("OP", "1") not in ("1", "+"):
        return None
    return {key: words for key, value in pattern[0].items()
            if key in _FIRST_ATTRS and (words := literal_words(value)) is not None}


def literal_words(value) -> frozenset[str] | None:
    """The words a token-pattern value accepts when it names them: a word, or an ``IN``
    list; None for any other value (another predicate, a regular expression, ...).

    >>> sorted(literal_words({"IN": ["truce", "ceasefire"]})), literal_words("talks"), literal_words({"REGEX": "x"})
    (['ceasefire', 'truce'], frozenset({'talks'}), None)
    """
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


def _apart(a: dict[str, frozenset[str]] | None, b: dict[str, frozenset[str]] | None) -> bool:
    """No token can be the first of a match of both patterns: an attribute both require
    has no value in common."""
    return a is not None and b is not None and any(k in b and not a[k] & b[k] for k in a)


def _longest(pattern: list[dict]) -> int | None:
    """The most tokens a match of the token pattern can span, or None when an operator
    lets a token repeat without bound ("+", "*", "{n,}").

    >>> _longest([{"LEMMA": "stop"}, {"LOWER": "all", "OP": "?"}, {"LOWER": "firing"}])
    3
    >>> _longest([{"LEMMA": "make"}, {"POS": "DET", "OP": "*"}, {"LOWER": "public"}]) is None
    True
    >>> _longest([{"LOWER": "a", "OP": "{1,3}"}, {"LOWER": "b", "OP": "{2}"}, {"LOWER": "c", "OP": "!"}])
    6
    """
    total = 0
    for token in pattern:
        op = token.get("OP", "1")
        if op in ("1", "!", "?"):
            total += 1
        elif op.startswith("{") and op.endswith("}") and (most := op[1:-1].split(",")[-1].strip()).isdigit():
            total += int(most)  # "{n}", "{n,m}", "{,m}"
        else:
            return None
    return total


class TriggerTagger:
    """Match the trigger lexicon; write ``doc.spans[TRIGGERS_KEY]``."""

    def __init__(self, nlp: Language, name: str = "kg_triggers") -> None:
        self.name = name
        self.entries = {e["id"]: e for e in load_lexicon()}
        has_pos = any(p in nlp.pipe_names for p in ("tagger", "morphologizer", "attribute_ruler"))
        has_lemma = "lemmatizer" in nlp.pipe_names
        self.fixed = _FixedMatcher()
        self.matcher = Matcher(nlp.vocab)  # the patterns the fast path cannot take
        slow = []
        for entry in self.entries.values():
            pattern = _relax(entry["pattern"], has_pos, has_lemma)
            if not self.fixed.add(entry["id"], pattern):
                self.matcher.add(entry["id"], [pattern])
                slow.append((entry["id"], pattern))
        self._split = self._split_by_first_word(nlp, slow)
        # the annotations those rows compare: without one, the one Matcher runs (and says so)
        self._needs = sorted({k for _, pattern in slow for tok in pattern for k in tok
                              if k in ("TAG", "POS", "MORPH", "LEMMA", "DEP")})

    @staticmethod
    def _split_by_first_word(nlp: Language, slow: list[tuple[str, list[dict]]]):
        """The patterns of :attr:`matcher` one Matcher each, with what their first token
        must be (``(attribute id, ids of the values)`` pairs: the lemma, lower-case or
        verbatim word, part of speech or tag a token needs for a match to start there,
        compared as spaCy's Matcher compares them) and the most tokens a match can
        span (None: no bound), or None where they all stay in one Matcher: when two
        of them could start at the same token (a span two rows match could then be
        kept by the order of the matches), or one could start without its first token.
        A document without a token that can start a match of a row has no match of
        it, and a Matcher costs each of its rows at each token."""
        from spacy.attrs import IDS
        from spacy.strings import get_string_id

        firsts = [_first_words(pattern) for _, pattern in slow]
        if len(slow) < 2 or not all(_apart(a, b) for k, a in enumerate(firsts) for b in firsts[k + 1:]):
            return None
        split = []
        for (key, pattern), first in zip(slow, firsts):
            m = Matcher(nlp.vocab)
            m.add(key, [pattern])
            needs = tuple((IDS[attr], frozenset(get_string_id(w) for w in words)) for attr, words in first.items())
            split.append((needs, _longest(pattern), m))
        return split

    def match(self, doc: Doc) -> list[Span]:
        found = self.fixed(doc)
        n = len(doc)
        if self._split is not None and n and all(doc.has_annotation(a) for a in self._needs):
            values: dict[int, list[int]] = {}  # by attribute id: the value of each token, read once
            where: dict[int, dict[int, list[int]]] = {}  # by attribute id: the tokens of each value
            for needs, longest, m in self._split:
                starts = None  # the tokens where a match may start
                for attr, ids in needs:
                    if attr not in values:
                        values[attr] = doc.to_array(attr).tolist()
                    if starts is None:  # the first need: the tokens of its values, in text order
                        at = where.get(attr)
                        if at is None:
                            at = where[attr] = {}
                            for i, v in enumerate(values[attr]):
                                at.setdefault(v, []).append(i)
                        starts = sorted(i for v in ids if v in at for i in at[v])
                    else:
                        of = values[attr]
                        starts = [i for i in starts if of[i] in ids]
                    if not starts:
                        break
                if starts is None:
                    starts = range(n)  # no need told: any token
                if not starts:
                    continue  # no token can start a match
                # every match starts at one of those tokens and is at most ``longest``
                # long: the Matcher reads from each of them to where it can end (the
                # windows of starts closer than that are one), or, with no bound, from
                # the first of them to the end
                windows: list[list[int]] = []
                if longest is None:
                    windows.append([starts[0], n])
                else:
                    for i in starts:
                        if windows and i < windows[-1][1]:
                            windows[-1][1] = min(n, i + longest)
                        else:
                            windows.append([i, min(n, i + longest)])
                for a, b in windows:
                    found += [(doc.vocab.strings[k], s + a, e + a)
                              for k, s, e in m(doc[a:b] if (a, b) != (0, n) else doc)]
        elif len(self.matcher):
            found += [(doc.vocab.strings[m], s, e) for m, s, e in self.matcher(doc)]
        spans = []
        for key, start, end in found:
            entry = self.entries[key]
            spans.append(Span(doc, start, end, label=entry["class"], kb_id=entry["id"]))
        return sorted(filter_spans(spans), key=lambda s: (s.start, s.end))

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans[TRIGGERS_KEY] = spans

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


@Language.component("kg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    r"""Start a sentence after every line break (headings, lines without punctuation).

    Goes before the parser, which keeps the boundaries it is given.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("kg_line_breaks")
    >>> [t.is_sent_start for t in nlp("What comes next\nTalks resume")]
    [True, None, None, None, True, None]
    """
    if len(doc) < 2:
        return doc
    # a token's text_with_ws is its text and at most one space: a break is in its text;
    # each distinct word is read once, and a Token is made only after a break
    orths = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    breaks = {o for o in set(orths) if "\n" in strings[o]}
    for i in range(1, len(orths)):
        if orths[i - 1] in breaks:
            doc[i].is_sent_start = True
    return doc


@Language.factory("kg_triggers")
def make_trigger_tagger(nlp: Language, name: str) -> TriggerTagger:
    return TriggerTagger(nlp, name)
