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


class TriggerTagger:
    """Match the trigger lexicon; write ``doc.spans[TRIGGERS_KEY]``."""

    def __init__(self, nlp: Language, name: str = "kg_triggers") -> None:
        self.name = name
        self.entries = {e["id"]: e for e in load_lexicon()}
        has_pos = any(p in nlp.pipe_names for p in ("tagger", "morphologizer", "attribute_ruler"))
        has_lemma = "lemmatizer" in nlp.pipe_names
        self.matcher = Matcher(nlp.vocab)
        for entry in self.entries.values():
            self.matcher.add(entry["id"], [_relax(entry["pattern"], has_pos, has_lemma)])

    def match(self, doc: Doc) -> list[Span]:
        spans = []
        for match_id, start, end in self.matcher(doc):
            entry = self.entries[doc.vocab.strings[match_id]]
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
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            tok.is_sent_start = True
    return doc


@Language.factory("kg_triggers")
def make_trigger_tagger(nlp: Language, name: str) -> TriggerTagger:
    return TriggerTagger(nlp, name)
