"""The phrasing knowledge the event stages read: lexicon files and a few fixed tables.

Word sets come from ``ontology/lexicon/cues.jsonl``, one row per set::

    {"cue": "speaker_noun", "lemmas": ["president", "minister", ...], "match": "lemma",
     "stage": "statements", "note": "nouns of a person who speaks for a side: 'the minister said'"}

``match`` says what a rule compares with the words (the token's ``lemma`` or its
lower-cased ``word``), ``stage`` the module of ``kg.extract.events`` that reads the
row and ``note`` what the words do there. A rule reads a row as ``cue["speaker_noun"]``
(``state.ctx.cue``) or ``cues()["speaker_noun"]``: adding a word to a row extends the
rule, with no code. Ordinals come from ``ordinals.jsonl``, trigger entries (and
their ``Matcher`` patterns) from ``triggers.jsonl``.

Rules that are a token or dependency pattern are rows of ``patterns.jsonl``, matched
with spaCy's ``Matcher`` (``"matcher": "token"``) or ``DependencyMatcher``
(``"matcher": "dependency"``); ``gives`` names what a match tells the stage that reads
it (:func:`token_spans`, :func:`dependency_anchors`), and several rows may give the
same thing.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Longer documents are resolved in windows of this many characters (whole sentences).
WINDOW_CHARS = 20_000

MEETING_FAMILY = {"NegotiationRound", "Meeting", "Summit"}
STATUS_RANK = {"Cancelled": 6, "Rejected": 5, "Occurred": 4, "Planned": 3, "Ongoing": 2, "Proposed": 1}
CAMEO = {"NegotiationRound": "046", "Meeting": "040", "Summit": "046", "Proposal": "036",
         "Statement": "010", "PrisonerExchange": "0841", "RepatriationOfRemains": "0841",
         "Ceasefire": "0871"}
_ORD_WORDS = ["", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
              "Ninth", "Tenth", "Eleventh", "Twelfth"]  # labels of numbered rounds
_ANAPHORIC_DAY = re.compile(r"\b(that|the same|this)\s+(day|evening|morning|afternoon|night)\b", re.I)

MAX_IMPLIED_ROUNDS = 3  # a count of rounds up to this many is told round by round (rounds 1..n)
LEAD_LINES = 3  # the headline and lead paragraph of a news report (non-blank lines)
SAME_DAY_REACH = 2  # paragraphs after a mention of the publication day that still speak of it


@lru_cache(maxsize=None)
def cues() -> dict[str, frozenset[str]]:
    """Word sets by name, from ``ontology/lexicon/cues.jsonl``.

    >>> "hold" in cues()["occurred"] and "will" in cues()["future_aux"]
    True
    >>> "spokeswoman" in cues()["speaker_noun"]
    True
    """
    from kg.nlp.triggers import load_lexicon

    return _unique("cues.jsonl", "cue", load_lexicon("cues.jsonl"))


def _unique(name: str, key: str, rows) -> dict[str, frozenset[str]]:
    """Rows by their ``key``; two rows of one name are an error (the later one would
    silently replace the earlier one's words for the stage that reads it).

    >>> _unique("x.jsonl", "cue", [{"cue": "a", "lemmas": ["b"]}])
    {'a': frozenset({'b'})}
    >>> _unique("x.jsonl", "cue", [{"cue": "a", "lemmas": []}, {"cue": "a", "lemmas": []}])
    Traceback (most recent call last):
    kg.errors.ExtractionError: x.jsonl: two rows are named 'a'
    """
    from kg.errors import ExtractionError

    out: dict[str, frozenset[str]] = {}
    for e in rows:
        if e[key] in out:
            raise ExtractionError(f"{name}: two rows are named {e[key]!r}")
        out[e[key]] = frozenset(e["lemmas"])
    return out


@lru_cache(maxsize=None)
def _ordinals() -> dict[str, tuple[int, bool]]:
    from kg.nlp.triggers import load_lexicon

    return {e["word"]: (e["n"], bool(e.get("cardinal"))) for e in load_lexicon("ordinals.jsonl")}


@lru_cache(maxsize=None)
def _entries() -> dict[str, dict]:
    from kg.nlp.triggers import load_lexicon

    return {e["id"]: e for e in load_lexicon()}


@lru_cache(maxsize=None)
def patterns() -> tuple[dict, ...]:
    """The rows of ``ontology/lexicon/patterns.jsonl``.

    >>> sorted({p["gives"] for p in patterns()})
    ['place', 'under_way']
    """
    from kg.nlp.triggers import load_lexicon

    return load_lexicon("patterns.jsonl")


_MATCHERS: dict[tuple, tuple[object, object]] = {}
_ANNOTATIONS = ("POS", "TAG", "LEMMA", "DEP", "MORPH")  # token attributes a pipeline component sets


def _needs(row: dict) -> frozenset[str]:
    """The annotations a pattern row compares (a row whose annotation a document lacks
    matches nothing there, as a rule comparing an unset ``pos_`` finds nothing)."""
    toks = [t.get("RIGHT_ATTRS", {}) for t in row["pattern"]] if row["matcher"] == "dependency" else row["pattern"]
    needs = {k for t in toks for k in t if k in _ANNOTATIONS}
    return frozenset(needs | ({"DEP"} if row["matcher"] == "dependency" else set()))


#: Token attributes whose literal values a pattern row can require (``TEXT`` is ``ORTH``).
_LITERAL_ATTRS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "LEMMA": "LEMMA", "NORM": "NORM"}


@lru_cache(maxsize=None)
def _required_words(kind: str, gives: str) -> tuple[tuple[tuple[tuple[str, frozenset[str]], ...], ...], ...]:
    """For each pattern row of one kind that gives ``gives``: the word a token of the
    document must have for the row to match, one ``(attribute, words)`` pair for each
    node of the row that always matches one token and compares a literal (a word or an
    ``IN`` list) of :data:`_LITERAL_ATTRS`.

    >>> [req for req in _required_words("dependency", "under_way")][0]
    (('LEMMA', frozenset({'be'})), ('LOWER', frozenset({'under'})), ('LOWER', frozenset({'way'})))
    """
    out = []
    for row in patterns():
        if row["matcher"] != kind or row["gives"] != gives:
            continue
        nodes = [t.get("RIGHT_ATTRS", {}) for t in row["pattern"]] if kind == "dependency" else [
            t for t in row["pattern"] if t.get("OP", "1") in ("1", "+")]
        out.append(tuple(req for node in nodes for req in _literals(node)))
    return tuple(out)


def _literals(node: dict) -> tuple[tuple[str, frozenset[str]], ...]:
    """The ``(attribute, words)`` pairs of the literals of :data:`_LITERAL_ATTRS` that the
    token of a pattern node must have."""
    from kg.nlp.triggers import literal_words

    out = []
    for key, value in node.items():
        attr = _LITERAL_ATTRS.get(key)
        if attr is not None and (words := literal_words(value)) is not None:
            out.append((attr, words))
    return tuple(out)


@lru_cache(maxsize=None)
def _required_arcs(gives: str) -> tuple[tuple[tuple[tuple, tuple], ...], ...]:
    """For each ``dependency`` row that gives ``gives``, in the order of
    :func:`_required_words`: its nodes that hang right on another (``REL_OP`` ">", a
    child of that node's token), each as ``(the other node's literals, its own)``
    (:func:`_literals`), where both nodes have literals: a match needs a token with its
    own words whose head, another token, has the other node's words.

    >>> [(head, child) for (((_, head),), ((_, child),)) in _required_arcs("under_way")[0]]
    [(frozenset({'be'}), frozenset({'under'})), (frozenset({'under'}), frozenset({'way'}))]
    """
    out = []
    for row in patterns():
        if row["matcher"] != "dependency" or row["gives"] != gives:
            continue
        own = {node["RIGHT_ID"]: _literals(node.get("RIGHT_ATTRS", {})) for node in row["pattern"]}
        out.append(tuple((own[node["LEFT_ID"]], own[node["RIGHT_ID"]]) for node in row["pattern"]
                         if node.get("REL_OP") == ">" and own.get(node.get("LEFT_ID")) and own[node["RIGHT_ID"]]))
    return tuple(out)


@lru_cache(maxsize=None)
def _row_ids(kind: str, gives: str) -> tuple[str, ...]:
    """The ids of the pattern rows of one kind that give ``gives``, in the order of
    :func:`_required_words`."""
    return tuple(row["id"] for row in patterns() if row["matcher"] == kind and row["gives"] == gives)


def _rows_that_may_match(doc, kind: str, gives: str) -> frozenset[str]:
    """The ids of the pattern rows of one kind giving ``gives`` whose required words
    (:func:`_required_words`) are all among the document's words, and, for a
    ``dependency`` row, each of whose arcs (:func:`_required_arcs`) joins two tokens of
    the document: a row of the others matches nothing in ``doc``."""
    from spacy.attrs import HEAD, IDS
    from spacy.strings import get_string_id

    counts: dict[str, set[int]] = {}  # the values of one attribute among the tokens
    values: dict[str, list[int]] = {}  # the value of one attribute of each token
    heads: list[int] = []  # the head of each token, read when an arc is first tested
    arcs = _required_arcs(gives) if kind == "dependency" else ((),) * len(_row_ids(kind, gives))

    def having(req, among):
        """The tokens of ``among`` (indices) that have the words of ``req``."""
        for attr, words in req:
            if attr not in values:
                values[attr] = doc.to_array(IDS[attr]).tolist()
            of, ids = values[attr], {get_string_id(w) for w in words}
            among = [i for i in among if of[i] in ids]
        return among

    out = []
    for row_id, req, row_arcs in zip(_row_ids(kind, gives), _required_words(kind, gives), arcs):
        for attr, words in req:
            if attr not in counts:
                counts[attr] = set(doc.to_array(IDS[attr]).tolist()) if len(doc) else set()
            if not any(get_string_id(w) in counts[attr] for w in words):
                break
        else:
            for head_req, child_req in row_arcs:
                if not heads:  # the relative offsets of HEAD, read as signed numbers
                    heads.extend(i + h for i, h in enumerate(doc.to_array(HEAD).astype("int64").tolist()))
                children = [i for i in having(child_req, range(len(doc))) if heads[i] != i]
                if not having(head_req, {heads[i] for i in children}):
                    break  # no token with the child's words hangs on one with the head's
            else:
                out.append(row_id)
    return frozenset(out)


def _matcher(doc, kind: str, gives: str, only: frozenset[str] | None = None):
    """The spaCy matcher of the pattern rows of one kind that give ``gives`` and that
    ``doc`` has the annotations for (one per vocab and set of rows), or None; with
    ``only``, of those of these rows whose id is in ``only``."""
    rows = tuple(row for row in patterns() if row["matcher"] == kind and row["gives"] == gives
                 and (only is None or row["id"] in only) and all(doc.has_annotation(a) for a in _needs(row)))
    if not rows:
        return None
    key = (id(doc.vocab), tuple(row["id"] for row in rows))
    if key not in _MATCHERS:
        from spacy.matcher import DependencyMatcher, Matcher

        m = Matcher(doc.vocab) if kind == "token" else DependencyMatcher(doc.vocab)
        for row in rows:
            m.add(row["id"], [row["pattern"]])
        _MATCHERS[key] = (doc.vocab, m)  # the vocab is kept so that its id is not reused
    return _MATCHERS[key][1]


def token_spans(doc, gives: str) -> list[tuple[int, int]]:
    """Token spans ``(start, end)`` that the ``token`` pattern rows giving ``gives`` find:
    for each row and start, its longest match, cut to the row's ``take`` (offsets into
    the match, as in a slice); in the order of the text.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("They met in the port city of Mombasa on Friday.")
    >>> token_spans(doc, "place")  # no part-of-speech tags: the row cannot match
    []
    >>> for t, pos in zip(doc, ["PRON", "VERB", "ADP", "DET", "NOUN", "NOUN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"]):
    ...     t.pos_ = pos
    >>> [doc[a:b].text for a, b in token_spans(doc, "place")]
    ['Mombasa']
    """
    rows = _rows_that_may_match(doc, "token", gives)  # a matcher of only these (the others match nothing)
    matcher = _matcher(doc, "token", gives, rows) if rows else None
    if matcher is None:
        return []
    longest: dict[tuple[str, int], int] = {}
    for match_id, start, end in matcher(doc):
        key = (doc.vocab.strings[match_id], start)
        longest[key] = max(end, longest.get(key, end))
    rows = {row["id"]: row for row in patterns()}
    out = []
    for (row_id, start), end in longest.items():
        a, b = rows[row_id].get("take", [0, None])
        out.append((start + a, end if b is None else start + b if b >= 0 else end + b))
    return sorted(out)


def dependency_anchors(doc, gives: str) -> set[int]:
    """Indices of the tokens that the first node of a ``dependency`` pattern row giving
    ``gives`` matched (none without a parse). Only the rows whose words the document
    has are run (a matcher of one row where a row of three can match costs a third)."""
    rows = _rows_that_may_match(doc, "dependency", gives)
    matcher = _matcher(doc, "dependency", gives, rows) if rows else None
    if matcher is None:
        return set()
    return {tokens[0] for _, tokens in matcher(doc)}
